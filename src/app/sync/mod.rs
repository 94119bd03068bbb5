//! The team library's sync screen: starts a pull, merge and push in the background (`job`),
//! shows its progress and per-persona results, lists the personas in conflict and opens one
//! side by side (`resolve`). A password the server asks for is typed here, kept in memory for
//! this session only, never stored or drawn.

mod job;
pub mod resolve;

use std::time::Duration;

use crossterm::event::KeyEvent;

pub use job::{Failure, Job, Message, Target};
pub use resolve::SideBySide;

use super::input::Input;
use super::keymap::Action;
use super::mode::Mode;
use super::screens::Screen;
use super::{App, Effect};
use crate::sync::driver::{Outcome, Report};
use crate::sync::settle;

/// How often the terminal loop wakes while a sync runs: often enough for a smooth progress
/// bar, rare enough to cost nothing.
pub const TICK: Duration = Duration::from_millis(100);

/// One persona in conflict, as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictEntry {
    pub id: String,
    pub slug: String,
    /// What conflicts (`personas.name`, `goals[<id>]`...).
    pub parts: Vec<String>,
}

/// The screen's state. No `Debug`: it holds the session's password.
#[derive(Default)]
pub struct SyncScreen {
    pub job: Option<Job>,
    /// Personas done of total, of the running (or last) run.
    pub progress: (usize, usize),
    /// The last finished run's report.
    pub last: Option<Report>,
    /// Why the last run (or start) failed, or how to link a remote.
    pub failure: Option<String>,
    /// The linked remote (stored form: never a password), None when there is none.
    pub remote: Option<String>,
    pub conflicts: Vec<ConflictEntry>,
    pub selected: usize,
    /// The conflict open side by side.
    pub resolve: Option<SideBySide>,
    /// The password prompt, while it is open.
    pub asking: Option<Input>,
    /// Typed in the prompt; this session only.
    password: Option<String>,
}

impl SyncScreen {
    pub fn running(&self) -> bool {
        self.job.is_some()
    }

    pub fn mode(&self) -> Mode {
        if self.asking.is_some() {
            Mode::SyncPassword
        } else if self.resolve.is_some() {
            Mode::SyncResolve
        } else {
            Mode::Sync
        }
    }

    /// Whether a password typed in the app is held for this session (never the password).
    pub fn has_password(&self) -> bool {
        self.password.is_some()
    }

    pub fn paste_password(&mut self, text: &str) {
        if let Some(i) = self.asking.as_mut() {
            i.paste(text);
        }
    }

    pub fn selected_conflict(&self) -> Option<&ConflictEntry> {
        self.conflicts.get(self.selected)
    }
}

/// The counts of a report, in the words the screen and the status line use.
pub fn summary(r: &Report) -> String {
    let count = |f: fn(&Outcome) -> bool| r.personas.iter().filter(|p| f(&p.2)).count();
    format!(
        "{} pushed · {} pulled · {} merged · {} conflicts · {} failed · {} unchanged",
        count(|o| *o == Outcome::Pushed),
        count(|o| *o == Outcome::Pulled),
        count(|o| *o == Outcome::Merged),
        r.conflicts(),
        r.failures(),
        count(|o| matches!(o, Outcome::Unchanged | Outcome::Skipped(_))),
    )
}

impl App {
    /// `S` in the browser, or the palette: the sync screen with the conflicts as the file
    /// holds them now.
    pub fn open_sync(&mut self) {
        self.screen = Screen::Sync;
        self.refresh_sync();
    }

    /// Re-reads the link and the conflict list from the local file (no network).
    pub fn refresh_sync(&mut self) {
        match self.read_conflicts() {
            Ok((remote, list)) => {
                self.sync.remote = remote;
                self.sync.conflicts = list;
            }
            Err(e) => self.error(e.to_string()),
        }
        self.sync.selected = self
            .sync
            .selected
            .min(self.sync.conflicts.len().saturating_sub(1));
    }

    #[allow(clippy::type_complexity)]
    fn read_conflicts(&mut self) -> crate::store::Result<(Option<String>, Vec<ConflictEntry>)> {
        let link = self.store.with_sync_state(|st, s| st.link(s))?;
        let ids: Vec<String> = self
            .store
            .with_sync_state(|st, s| st.conflicts(s))?
            .into_keys()
            .collect();
        let mut list = Vec::new();
        for id in ids {
            if let Some(s) = settle::sides(&mut self.store, &id)? {
                list.push(ConflictEntry {
                    slug: s.mine.slug().to_string(),
                    parts: s.merge.conflicts.iter().map(|c| c.path()).collect(),
                    id,
                });
            }
        }
        list.sort_by(|a, b| (&a.slug, &a.id).cmp(&(&b.slug, &b.id)));
        Ok((link.map(|l| l.url), list))
    }

    /// Starts a sync in the background; refused while one runs, explained when there is
    /// nothing to sync with.
    pub fn start_sync(&mut self) {
        if self.sync.running() {
            let (done, total) = self.sync.progress;
            self.error(format!(
                "A sync is already running ({done}/{total} personas): wait for it to finish"
            ));
            return;
        }
        self.refresh_sync();
        if self.sync.remote.is_none() {
            let text = format!(
                "Tenant \"{}\" has no team library linked. Link one from a shell with \
                 `persona-studio remote set URL` (a postgres:// URL), then press s here.",
                self.store.tenant().key
            );
            self.sync.failure = Some(text.clone());
            self.error(text);
            return;
        }
        let Some(path) = self.store.path().map(|p| p.to_path_buf()) else {
            let text = "This database is not a file, so it cannot sync".to_string();
            self.sync.failure = Some(text.clone());
            self.error(text);
            return;
        };
        let target = Target {
            path,
            tenant: self.store.tenant().key.clone(),
            user: self.store.user_name().to_string(),
        };
        match Job::start(target, self.sync.password.clone()) {
            Ok(job) => {
                self.sync.job = Some(job);
                self.sync.progress = (0, 0);
                self.sync.failure = None;
                self.info("Sync started: keep working, the results appear here");
            }
            Err(e) => self.error(format!("cannot start the sync: {e}")),
        }
    }

    /// Takes in what the background sync reported (from `App::tick`).
    pub(super) fn sync_tick(&mut self) {
        let Some(job) = self.sync.job.as_mut() else {
            return;
        };
        let typed = job.typed_password;
        for m in job.poll() {
            match m {
                Message::Progress(done, total) => self.sync.progress = (done, total),
                Message::Finished(result) => {
                    self.sync.job = None;
                    self.sync_finished(result, typed);
                }
            }
        }
    }

    fn sync_finished(&mut self, result: Result<Report, Failure>, typed_password: bool) {
        match result {
            Ok(report) => {
                self.sync.progress = (report.personas.len(), report.personas.len());
                let text = format!("Sync finished: {}", summary(&report));
                if report.failures() > 0 {
                    self.error(text);
                } else {
                    self.info(text);
                }
                self.sync.last = Some(report);
            }
            Err(Failure::PasswordRequired) => {
                let text = "The remote asks for a password: type it (used for this session \
                            only, never stored)";
                self.sync.failure = Some(text.into());
                self.sync.asking = Some(Input::default());
                if self.screen != Screen::Sync || self.editor.is_some() {
                    self.error(
                        "The sync needs the remote's password: open the sync screen (S) to type it",
                    );
                } else {
                    self.info(text);
                }
            }
            Err(Failure::Connect(e)) => {
                if typed_password {
                    // Perhaps mistyped: the next start asks again rather than repeat it.
                    self.sync.password = None;
                }
                self.sync.failure = Some(e.clone());
                self.error(format!("Sync failed: {e}"));
            }
            Err(Failure::Other(e)) => {
                self.sync.failure = Some(e.clone());
                self.error(format!("Sync failed: {e}"));
            }
        }
        self.refresh_sync();
        self.reload_browser();
    }

    /// Keys of the sync screen and of the conflict open side by side.
    pub(in crate::app) fn sync_action(&mut self, action: Action) -> Effect {
        if self.sync.resolve.is_some() {
            self.resolve_action(action);
            return Effect::None;
        }
        let n = self.sync.conflicts.len();
        let sel = self.sync.selected;
        match action {
            Action::Quit => return Effect::Quit,
            Action::Back => {
                self.screen = Screen::Browser;
                self.reload_browser();
                if self.sync.running() {
                    self.info("The sync goes on in the background: S shows it");
                }
            }
            Action::StartSync => self.start_sync(),
            Action::Up => self.sync.selected = sel.saturating_sub(1),
            Action::Down => self.sync.selected = (sel + 1).min(n.saturating_sub(1)),
            Action::Top => self.sync.selected = 0,
            Action::Bottom => self.sync.selected = n.saturating_sub(1),
            Action::Open => self.open_resolve(),
            _ => {}
        }
        Effect::None
    }

    /// Keys of the password prompt. The text never leaves the input except to connect.
    pub(in crate::app) fn password_action(&mut self, action: Action, key: &KeyEvent) {
        match action {
            Action::Type | Action::EditText => {
                if let Some(i) = self.sync.asking.as_mut() {
                    i.key(key);
                }
            }
            Action::Accept => {
                let typed = self.sync.asking.take().map(|i| i.text().to_string());
                match typed.filter(|t| !t.is_empty()) {
                    Some(pw) => {
                        self.sync.password = Some(pw);
                        self.start_sync();
                    }
                    None => self.error("No password typed: the sync did not start"),
                }
            }
            Action::Close => {
                self.sync.asking = None;
                self.info("No password given: the sync did not start");
            }
            _ => {}
        }
    }
}

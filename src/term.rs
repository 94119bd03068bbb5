//! The terminal: raw mode and alternate screen, the synchronous draw–event–update loop, and
//! `$EDITOR`. Nothing else touches the terminal.

use std::io::{self, Write};
use std::time::Duration;

use crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::DefaultTerminal;

use crate::app::{App, Effect};

/// The editor's unsaved edits as of the last handled event, for the signal thread.
type Pending = std::sync::Arc<std::sync::Mutex<Option<crate::recovery::Recovery>>>;

/// On SIGTERM, SIGHUP (terminal closed) or SIGINT (`kill -INT`; Ctrl-C in the app is a key):
/// write the pending edits to a recovery file, restore the terminal, and exit 130. This runs
/// on its own thread because the main thread may be blocked on a terminal that is gone.
fn watch_signals(pending: Pending) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        // Without the watcher the default action (exit) applies: unsaved edits would be lost
        // but nothing else breaks, so a failed registration is not fatal.
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]) else {
            return;
        };
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                let snapshot = pending.lock().ok().and_then(|g| g.clone());
                let saved = snapshot.and_then(|r| {
                    crate::recovery::write(&crate::recovery::dir(&crate::paths::data_dir()), &r)
                        .ok()
                });
                restore();
                if let Some(path) = saved {
                    eprintln!("persona-studio: unsaved edits kept in {}", path.display());
                }
                std::process::exit(130);
            }
        });
    }
    #[cfg(not(unix))]
    let _ = pending;
}

/// Raw mode and the alternate screen (`ratatui::init`, whose panic hook restores the
/// terminal), plus bracketed paste so a paste arrives as one event instead of keystrokes.
fn init() -> DefaultTerminal {
    let terminal = ratatui::init();
    // Without it a paste still arrives, as keys: worse, but nothing is lost.
    let _ = crossterm::execute!(io::stdout(), EnableBracketedPaste);
    install_paste_restoring_hook();
    terminal
}

/// Every way out: bracketed paste off, then raw mode and the alternate screen.
fn restore() {
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
}

/// A panic must also turn bracketed paste off, or the shell gets pastes wrapped in escape
/// codes. Chained before ratatui's hook (which restores raw mode and prints the panic).
fn install_paste_restoring_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
            previous(info);
        }));
    });
}

/// Runs the app until it quits. `ratatui::init` installs a panic hook that restores the
/// terminal; `ratatui::restore` runs on every other way out.
pub fn run(app: &mut App) -> io::Result<()> {
    let pending: Pending = Default::default();
    watch_signals(pending.clone());
    let mut terminal = init();
    let result = event_loop(&mut terminal, app, &pending);
    restore();
    if result.is_err()
        && let Some(r) = app.recovery_snapshot()
    {
        // The terminal failed under us: keep the edits before reporting it.
        let _ = crate::recovery::write(&crate::recovery::dir(&crate::paths::data_dir()), &r);
    }
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App, pending: &Pending) -> io::Result<()> {
    let size = terminal.size()?;
    app.on_resize(size.width, size.height);
    loop {
        if let Ok(mut g) = pending.lock() {
            *g = app.recovery_snapshot();
        }
        terminal.draw(|f| crate::ui::view(app, f))?;
        // Block for the next event: redraw after events only, no frame timer. Then take a
        // burst of queued events (a paste, a held key) before drawing again.
        let mut ev = Some(event::read()?);
        while let Some(e) = ev.take() {
            if handle(terminal, app, e)? {
                return Ok(());
            }
            if event::poll(Duration::ZERO)? {
                ev = Some(event::read()?);
            }
        }
    }
}

/// Applies one event; true when the app quits.
fn handle(terminal: &mut DefaultTerminal, app: &mut App, ev: Event) -> io::Result<bool> {
    match ev {
        Event::Key(key) => match app.on_key(key) {
            Effect::None => {}
            Effect::Quit => return Ok(true),
            Effect::ExternalEdit { form, field, text } => match edit_externally(terminal, &text) {
                Ok(Some(new)) => app.external_edit_done(form, field, new),
                Ok(None) => app.info("$EDITOR exited with an error; the field is unchanged"),
                Err(e) => app.error(format!("could not run $EDITOR: {e}")),
            },
        },
        Event::Resize(w, h) => app.on_resize(w, h),
        Event::Paste(text) => app.on_paste(&text),
        _ => {}
    }
    Ok(false)
}

/// Suspends the TUI, edits `text` in `$VISUAL`/`$EDITOR` (default `vi`), and resumes.
/// Returns None when the editor fails, so a crashed editor never clears the field.
fn edit_externally(terminal: &mut DefaultTerminal, text: &str) -> io::Result<Option<String>> {
    let editor = std::env::var("VISUAL")
        .or_else(|_| std::env::var("EDITOR"))
        .unwrap_or_else(|_| "vi".to_string());
    let dir = std::env::temp_dir();
    let path = dir.join(format!("persona-studio-{}.md", uuid::Uuid::new_v4()));
    std::fs::write(&path, text)?;
    restore();
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(&path)
        .status();
    let _ = io::stdout().flush();
    *terminal = init();
    terminal.clear()?;
    let result = match status {
        Ok(s) if s.success() => Some(std::fs::read_to_string(&path)?),
        _ => None,
    };
    let _ = std::fs::remove_file(&path);
    Ok(result)
}

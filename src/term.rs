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

/// Raw mode, the alternate screen and bracketed paste (so a paste arrives as one event
/// instead of keystrokes). Done here rather than by `ratatui::init`, whose panic hook would
/// restore the terminal before ours had written the recovery file, and would be chained once
/// more after every `$EDITOR`.
fn init() -> io::Result<DefaultTerminal> {
    crossterm::terminal::enable_raw_mode()?;
    crossterm::execute!(io::stdout(), crossterm::terminal::EnterAlternateScreen)?;
    // Without it a paste still arrives, as keys: worse, but nothing is lost.
    let _ = crossterm::execute!(io::stdout(), EnableBracketedPaste);
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Every way out: bracketed paste off, raw mode off, the main screen and the cursor back.
fn restore() {
    let _ = crossterm::execute!(io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    let _ = crossterm::execute!(io::stdout(), crossterm::cursor::Show);
}

/// On a panic: first the unsaved edits go to a recovery file, then the terminal is restored,
/// then the usual report is printed (on the restored screen, where it can be read). Installed
/// once per process.
fn install_panic_hook(pending: Pending) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // try_lock: the panic may have happened while this thread held the lock.
            let snapshot = pending.try_lock().ok().and_then(|g| g.clone());
            let saved = snapshot.and_then(|r| {
                crate::recovery::write(&crate::recovery::dir(&crate::paths::data_dir()), &r).ok()
            });
            restore();
            previous(info);
            if let Some(path) = saved {
                eprintln!("persona-studio: unsaved edits kept in {}", path.display());
            }
        }));
    });
}

/// Runs the app until it quits. The terminal is restored on every way out: return, error,
/// signal (`watch_signals`) and panic (`install_panic_hook`).
pub fn run(app: &mut App) -> io::Result<()> {
    let pending: Pending = Default::default();
    watch_signals(pending.clone());
    install_panic_hook(pending.clone());
    let result = init().and_then(|mut terminal| event_loop(&mut terminal, app, &pending));
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
        // Block for the next event: redraw after events only, no frame timer. While work runs
        // in the background (a search, a sync) the app asks for a tick instead, so its results
        // are drawn as they arrive without a key being pressed.
        let first = match app.tick_interval() {
            None => event::read()?,
            Some(every) => {
                if !event::poll(every)? {
                    app.tick();
                    continue;
                }
                event::read()?
            }
        };
        let next = || match event::poll(Duration::ZERO)? {
            true => event::read().map(Some),
            false => Ok(None),
        };
        if drain(first, next, |e| handle(terminal, app, e))? {
            return Ok(());
        }
    }
}

/// Handles `first` and then every event already waiting (`next` returns None when none is),
/// before the caller draws again: a paste sent as keys or a held key is taken whole, and no
/// key waits behind a draw for the next one. True when the app quits.
fn drain(
    first: Event,
    mut next: impl FnMut() -> io::Result<Option<Event>>,
    mut handle: impl FnMut(Event) -> io::Result<bool>,
) -> io::Result<bool> {
    let mut ev = Some(first);
    while let Some(e) = ev.take() {
        if handle(e)? {
            return Ok(true);
        }
        ev = next()?;
    }
    Ok(false)
}

/// A panic on demand, to test the panic path from outside (`tests/e2e_typing.rs`): F12 with
/// `PERSONA_STUDIO_TEST_PANIC=1`, in debug builds only, so no release binary can do it.
#[cfg(debug_assertions)]
fn test_panic(ev: &Event) {
    use crossterm::event::{KeyCode, KeyEvent};
    if let Event::Key(KeyEvent {
        code: KeyCode::F(12),
        ..
    }) = ev
        && std::env::var("PERSONA_STUDIO_TEST_PANIC").is_ok_and(|v| v == "1")
    {
        panic!("test panic (F12 with PERSONA_STUDIO_TEST_PANIC=1)");
    }
}

/// Applies one event; true when the app quits.
fn handle(terminal: &mut DefaultTerminal, app: &mut App, ev: Event) -> io::Result<bool> {
    #[cfg(debug_assertions)]
    test_panic(&ev);
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
    *terminal = init()?;
    terminal.clear()?;
    let result = match status {
        Ok(s) if s.success() => Some(std::fs::read_to_string(&path)?),
        _ => None,
    };
    let _ = std::fs::remove_file(&path);
    Ok(result)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::collections::VecDeque;

    fn k(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn every_waiting_event_is_handled_before_the_next_draw() {
        let mut waiting: VecDeque<Event> = "bcdef".chars().map(k).collect();
        let mut handled = Vec::new();
        let quit = drain(
            k('a'),
            || Ok(waiting.pop_front()),
            |e| {
                handled.push(e);
                Ok(false)
            },
        )
        .expect("no error");
        assert!(!quit);
        assert_eq!(handled, "abcdef".chars().map(k).collect::<Vec<_>>());
        assert!(waiting.is_empty(), "nothing is left for after the draw");
    }

    #[test]
    fn a_quit_stops_the_burst() {
        let mut waiting: VecDeque<Event> = "bq".chars().map(k).collect();
        let mut handled = 0;
        let quit = drain(
            k('a'),
            || Ok(waiting.pop_front()),
            |e| {
                handled += 1;
                Ok(e == k('b'))
            },
        )
        .expect("no error");
        assert!(quit);
        assert_eq!(handled, 2);
    }
}

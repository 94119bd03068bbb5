//! Driving the real binary in a real terminal: a detached tmux session on a private tmux
//! server, keys sent with `send-keys`, the screen read with `capture-pane`.
//!
//! Every session runs on its own server, whose socket lives in the session's own temporary
//! directory (`tmux -S <temp dir>/tmux.sock`: unique, and removed with the directory), started
//! with `-f /dev/null` so neither the user's `~/.tmux.conf` nor another test's server can
//! interfere. The server is killed when the `Tmux` value is dropped, also when a test panics.
//!
//! The program runs under a small `sh` wrapper that writes its pid, its exit status and its
//! stderr to files. tmux's own `#{pane_dead_status}` is not used: tmux built with libutempter
//! can miss the SIGCHLD of a pane (tmux/tmux#311) and then never learns the status; nor is
//! `#{pane_pid}`, which is the wrapper's, not the program's.

// Shared by several test binaries, each using a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// How long a screen may take to show what a test waits for.
pub const WAIT: Duration = Duration::from_secs(10);
/// How often the screen is read while waiting.
const POLL: Duration = Duration::from_millis(50);

/// Runs the program in a child shell that records its own pid and then becomes the program
/// (`exec`), so the pid is the program's; then records the terminal's settings as the program
/// left them (raw or not) and its exit status, atomically (write, then rename). With
/// `E2E_HOLD_PANE` set the pane then stays alive a while, so a test can look at the terminal
/// the program left: a dead pane reports no cursor and takes no paste.
const WRAPPER: &str = r#"err=$1; status=$2; pid=$3; shift 3
sh -c 'echo $$ >"$0.tmp" && mv "$0.tmp" "$0" && exec "$@"' "$pid" "$@" 2>"$err"
code=$?
stty -a >"$status.stty" 2>&1
echo "$code" >"$status.tmp" && mv "$status.tmp" "$status"
if [ -n "$E2E_HOLD_PANE" ]; then sleep 60; fi"#;

/// The environment that gives a program `home` as its home directory, so the platform data and
/// config dirs land in a test's temporary directory, never in the user's: the app writes
/// recovery files there when it is killed with unsaved edits (as `Drop` does after a failure).
/// `PERSONA_STUDIO_DATA` is the app's own override of its data dir.
pub fn home_env(home: &Path) -> Vec<(&'static str, PathBuf)> {
    vec![
        ("HOME", home.to_path_buf()),
        ("PERSONA_STUDIO_DATA", home.join("data")),
        ("XDG_DATA_HOME", home.join(".local/share")),
        ("XDG_CONFIG_HOME", home.join(".config")),
        ("XDG_CACHE_HOME", home.join(".cache")),
    ]
}

/// Fails the test (never skips it) when tmux is not installed.
fn require_tmux() {
    let found = Command::new("tmux")
        .arg("-V")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "tmux is required by the end-to-end tests but was not found on PATH. \
         Install it (for example `apt-get install -y tmux` or `brew install tmux`); \
         .ci/run installs it in CI."
    );
}

/// One detached tmux session running one program, on a private tmux server.
pub struct Tmux {
    session: String,
    /// Holds the server's socket and the wrapper's status and stderr files.
    files: tempfile::TempDir,
}

impl Tmux {
    /// Starts `program args...` in a detached session of `cols` x `rows`, with `home` as its
    /// home directory (see [`home_env`]). `PERSONA_STUDIO_DB` is unset, so a program without
    /// `--db` opens the default database in `home`, never the one of the user's environment.
    pub fn start(program: &Path, args: &[&str], home: &Path, cols: u16, rows: u16) -> Tmux {
        Tmux::start_env(program, args, home, &[], cols, rows)
    }

    /// As [`Tmux::start`], with more environment variables for the program.
    pub fn start_env(
        program: &Path,
        args: &[&str],
        home: &Path,
        env: &[(&str, &str)],
        cols: u16,
        rows: u16,
    ) -> Tmux {
        require_tmux();
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let id = format!(
            "ps-e2e-{}-{}-{nanos}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let t = Tmux {
            session: id,
            files: tempfile::tempdir().expect("temp dir for the tmux wrapper"),
        };
        let mut cmd = t.tmux();
        cmd.args(["new-session", "-d", "-s", &t.session])
            .args(["-x", &cols.to_string(), "-y", &rows.to_string()])
            .args(["--", "env", "-u", "PERSONA_STUDIO_DB"])
            .args(
                home_env(home)
                    .iter()
                    .map(|(k, v)| format!("{k}={}", v.display()))
                    .chain(env.iter().map(|(k, v)| format!("{k}={v}"))),
            )
            .args(["sh", "-c", WRAPPER, "sh"])
            .arg(t.stderr_path())
            .arg(t.status_path())
            .arg(t.pid_path())
            .arg(program)
            .args(args);
        let out = run(cmd);
        assert!(
            out.status.success(),
            "tmux new-session failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    fn tmux(&self) -> Command {
        let mut c = Command::new("tmux");
        c.arg("-S")
            .arg(self.files.path().join("tmux.sock"))
            .args(["-f", "/dev/null"])
            .env("TERM", "xterm-256color")
            .stdin(Stdio::null());
        c
    }

    fn target(&self) -> String {
        format!("{}:0.0", self.session)
    }

    fn status_path(&self) -> PathBuf {
        self.files.path().join("status")
    }

    fn pid_path(&self) -> PathBuf {
        self.files.path().join("pid")
    }

    fn stderr_path(&self) -> PathBuf {
        self.files.path().join("stderr")
    }

    /// Sends tmux key names (`Enter`, `Tab`, `Escape`, `C-s`, or single characters).
    pub fn keys(&self, keys: &[&str]) {
        let mut cmd = self.tmux();
        cmd.args(["send-keys", "-t", &self.target()]).args(keys);
        let out = run(cmd);
        assert!(
            out.status.success(),
            "tmux send-keys {keys:?} failed ({}): {}",
            self.describe(),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Types text literally (no key-name lookup).
    pub fn type_text(&self, text: &str) {
        let mut cmd = self.tmux();
        cmd.args(["send-keys", "-t", &self.target(), "-l", "--", text]);
        let out = run(cmd);
        assert!(
            out.status.success(),
            "tmux send-keys -l {text:?} failed ({}): {}",
            self.describe(),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Pastes `text` the way a terminal does: tmux wraps it in bracketed-paste markers when
    /// the program turned bracketed paste on (line breaks arrive as carriage returns).
    pub fn paste(&self, text: &str) {
        let file = self.files.path().join("paste.txt");
        std::fs::write(&file, text).expect("write the paste buffer file");
        let mut load = self.tmux();
        load.args(["load-buffer", "-b", "e2e"]).arg(&file);
        let out = run(load);
        assert!(out.status.success(), "tmux load-buffer failed: {out:?}");
        let mut paste = self.tmux();
        paste.args(["paste-buffer", "-p", "-b", "e2e", "-t", &self.target()]);
        let out = run(paste);
        assert!(out.status.success(), "tmux paste-buffer failed: {out:?}");
    }

    /// A tmux format of the pane, such as `#{alternate_on}`.
    pub fn pane_format(&self, format: &str) -> String {
        let mut cmd = self.tmux();
        cmd.args(["display-message", "-p", "-t", &self.target(), format]);
        let out = run(cmd);
        assert!(out.status.success(), "tmux display-message failed: {out:?}");
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// `stty -a` as the program left the terminal, once it has exited.
    pub fn stty_after_exit(&self) -> Option<String> {
        std::fs::read_to_string(self.files.path().join("status.stty")).ok()
    }

    /// What the program wrote to stderr so far.
    pub fn stderr(&self) -> String {
        std::fs::read_to_string(self.stderr_path()).unwrap_or_default()
    }

    /// Waits for the program's exit status (the pane may stay, see `keep_pane_after_exit`).
    pub fn wait_status(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(code) = self.exit_status() {
                return code;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for the program to exit ({})",
                self.describe()
            );
            std::thread::sleep(POLL);
        }
    }

    /// The visible screen as text, one line per row; None once the session is gone.
    fn try_screen(&self) -> Option<String> {
        let mut cmd = self.tmux();
        cmd.args(["capture-pane", "-p", "-t", &self.target()]);
        let out = run(cmd);
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The visible screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.try_screen()
            .unwrap_or_else(|| panic!("no screen to read: {}", self.describe()))
    }

    /// Polls the screen until `ready` accepts it; fails with the last screen after `WAIT`.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let Some(screen) = self.try_screen() else {
                panic!("waiting for {what}, but {}", self.describe());
            };
            if ready(&screen) {
                return screen;
            }
            if start.elapsed() > WAIT {
                panic!(
                    "timed out after {WAIT:?} waiting for {what} ({}); the screen was:\n{screen}",
                    self.describe()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    /// The program's process id, once it has started.
    pub fn program_pid(&self) -> u32 {
        let start = Instant::now();
        loop {
            if let Ok(text) = std::fs::read_to_string(self.pid_path()) {
                return text
                    .trim()
                    .parse()
                    .unwrap_or_else(|e| panic!("pid file {text:?}: {e}"));
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out after {WAIT:?} waiting for the program's pid ({})",
                self.describe()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Sends the program a signal (`TERM`, `HUP`, ...) with `kill`.
    pub fn signal(&self, signal: &str) {
        let pid = self.program_pid().to_string();
        let out = run_command(Command::new("kill").args([&format!("-{signal}"), &pid]));
        assert!(
            out.status.success(),
            "kill -{signal} {pid} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Closes the terminal the way a closed terminal window does: the tmux server goes away
    /// with the pane, and the program's terminal hangs up.
    pub fn close_terminal(&self) {
        let mut cmd = self.tmux();
        cmd.arg("kill-server");
        let out = run(cmd);
        assert!(
            out.status.success(),
            "tmux kill-server failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The program's exit status once it has exited.
    pub fn exit_status(&self) -> Option<i32> {
        let text = std::fs::read_to_string(self.status_path()).ok()?;
        Some(text.trim().parse().unwrap_or(-1))
    }

    /// Whether the tmux session still exists.
    pub fn session_alive(&self) -> bool {
        let mut cmd = self.tmux();
        cmd.args(["has-session", "-t", &self.session]);
        run(cmd).status.success()
    }

    /// Waits until the program has exited and its session is gone; returns the exit status.
    pub fn wait_exit(&self) -> i32 {
        let start = Instant::now();
        loop {
            if let Some(code) = self.exit_status()
                && !self.session_alive()
            {
                return code;
            }
            if start.elapsed() > WAIT {
                let screen = self.try_screen().unwrap_or_default();
                panic!(
                    "timed out after {WAIT:?} waiting for the program to exit and its session \
                     to close ({}); the screen was:\n{screen}",
                    self.describe()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// The program's state, for failure messages.
    fn describe(&self) -> String {
        let stderr = std::fs::read_to_string(self.stderr_path()).unwrap_or_default();
        let stderr = if stderr.trim().is_empty() {
            String::new()
        } else {
            format!("; its stderr: {}", stderr.trim())
        };
        match self.exit_status() {
            Some(code) => format!("the program has exited with status {code}{stderr}"),
            None if self.session_alive() => format!("the program is running{stderr}"),
            None => format!("the tmux session is gone{stderr}"),
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // Kills the private server and with it the session and the program; errors are
        // ignored (the server is already gone after a clean exit).
        let mut cmd = self.tmux();
        cmd.arg("kill-server")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let _ = cmd.status();
    }
}

fn run(mut cmd: Command) -> Output {
    run_command(&mut cmd)
}

fn run_command(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("could not run {:?}: {e}", cmd.get_program()))
}

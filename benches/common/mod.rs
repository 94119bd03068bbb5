//! Shared by the benches: the generated database (made once, cached under target/), a working
//! copy per run, the app drawn into a `TestBackend`, and timing records for the summary table.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use persona_studio::app::App;
use persona_studio::store::Store;
use persona_studio::store::db::MIGRATIONS;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The terminal size of every drawn frame.
pub const SIZE: (u16, u16) = (120, 40);
pub const SEED: u64 = 42;

/// Personas in the benchmark database: `PERSONA_STUDIO_BENCH_PERSONAS`, else 100,000.
pub fn persona_count() -> u64 {
    std::env::var("PERSONA_STUDIO_BENCH_PERSONAS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}

/// The generated database, made once by the release binary's `gen` and kept under
/// target/tmp (delete it to regenerate). Its name carries the schema version, so a new
/// migration makes a new one.
pub fn dataset() -> PathBuf {
    let n = persona_count();
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let path = dir.join(format!(
        "bench-{n}-seed{SEED}-schema{}.db",
        MIGRATIONS.len()
    ));
    if path.exists() {
        return path;
    }
    let partial = path.with_extension("partial");
    for p in [&partial, &partial.with_extension("partial-wal")] {
        let _ = std::fs::remove_file(p);
    }
    eprintln!("generating {n} personas into {} (once)...", path.display());
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_persona-studio"))
        .arg("--db")
        .arg(&partial)
        .args(["--user", "bench", "gen", "--personas", &n.to_string()])
        .args(["--seed", &SEED.to_string()])
        .output()
        .expect("run persona-studio gen");
    assert!(
        out.status.success(),
        "gen failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "{} ({:.1} s)",
        String::from_utf8_lossy(&out.stdout).trim(),
        started.elapsed().as_secs_f64()
    );
    std::fs::rename(&partial, &path).expect("keep the generated database");
    path
}

/// A private copy of the dataset for benches that write; removed with the returned guard.
pub fn working_copy(dataset: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    std::fs::copy(dataset, &path).expect("copy the dataset");
    (dir, path)
}

pub fn open(path: &Path) -> Store {
    Store::open(path, None, "bench").expect("open the benchmark database")
}

pub fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(SIZE.0, SIZE.1)).expect("test terminal")
}

pub fn draw(t: &mut Terminal<TestBackend>, app: &App) {
    t.draw(|f| persona_studio::ui::view(app, f)).expect("draw");
}

pub fn ch(c: char) -> KeyEvent {
    let mods = if c.is_ascii_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    KeyEvent::new(KeyCode::Char(c), mods)
}

pub fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

pub fn ctrl(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
}

/// Peak resident memory of this process (VmHWM), in bytes.
pub fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// Every measured iteration of every operation, for the summary table.
static RECORDS: Mutex<Vec<(String, Duration)>> = Mutex::new(Vec::new());

/// Times `work` once and records it under `name`.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let out = work();
    let took = started.elapsed();
    RECORDS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push((name.to_string(), took));
    (out, took)
}

/// Sorted durations recorded under `name`.
pub fn samples(name: &str) -> Vec<Duration> {
    let mut v: Vec<Duration> = RECORDS
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, d)| *d)
        .collect();
    v.sort();
    v
}

pub fn quantile(sorted: &[Duration], q: f64) -> Option<Duration> {
    if sorted.is_empty() {
        return None;
    }
    let i = ((sorted.len() - 1) as f64 * q).round() as usize;
    Some(sorted[i])
}

pub fn ms(d: Duration) -> String {
    let x = d.as_secs_f64() * 1000.0;
    if x >= 100.0 {
        format!("{x:.0} ms")
    } else if x >= 10.0 {
        format!("{x:.1} ms")
    } else {
        format!("{x:.2} ms")
    }
}

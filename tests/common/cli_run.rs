//! Running the real binary as a script does, for the command-line test files that share a
//! user name (`cli-tester`): `run`, and its output as text. Each file uses part of it.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_persona-studio"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("PERSONA_STUDIO_DB")
        .env("PERSONA_STUDIO_USER", "cli-tester")
        .output()
        .expect("binary runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

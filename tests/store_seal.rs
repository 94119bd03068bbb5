//! The store is sealed: no SQL and no rusqlite outside `src/store/`, so a second backend needs
//! no change in the app, the CLI or `transfer`.

use std::path::{Path, PathBuf};

/// Words that only SQL or a direct database handle would put in code.
const FORBIDDEN: &[&str] = &[
    "rusqlite",
    ".conn()",
    "SELECT ",
    "INSERT ",
    "UPDATE ",
    "DELETE ",
    "PRAGMA",
    "CREATE TABLE",
    "CREATE TRIGGER",
    "DROP ",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Code lines (comments and doc comments left out: prose may name SQL concepts) of every
/// `src/` file outside `src/store/` that use a forbidden word.
fn leaks(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let store = src.join("store");
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(&store)) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.trim_start();
            if code.starts_with("//") {
                continue;
            }
            for word in FORBIDDEN {
                if code.contains(word) {
                    found.push(format!("{}:{}: {word}: {code}", file.display(), n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn no_sql_and_no_rusqlite_outside_the_store() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(
        files.len() > 40,
        "the scan sees the sources: {}",
        files.len()
    );
    let found = leaks(&src);
    assert!(
        found.is_empty(),
        "outside src/store/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_scan_finds_a_leak() {
    // The scan itself, on a scratch tree: a query in a UI file is found, the same words in a
    // comment or under store/ are not.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("ui")).unwrap();
    std::fs::create_dir_all(src.join("store")).unwrap();
    std::fs::write(
        src.join("ui/leak.rs"),
        "// SELECT in prose is fine\nfn f(c: &rusqlite::Connection) { c.execute(\"DELETE FROM personas\", []); }\n",
    )
    .unwrap();
    std::fs::write(src.join("store/ok.rs"), "const Q: &str = \"SELECT 1\";\n").unwrap();
    let found = leaks(&src);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|l| l.contains("leak.rs:2")), "{found:?}");
}

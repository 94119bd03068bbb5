//! The `export` and `import` subcommands, kept here so `cli.rs` only forwards to them.

use std::io::Write;
use std::path::Path;

use super::export::export_counted;
use super::file::{check_export_path, read_source, write_atomically};
use super::import::{ImportError, apply_import_owned, plan_import_with};
use super::{Format, Selection};
use crate::store::{Store, StoreError};

/// `export [SLUG...] [--all] [--format json|md|csv] [-o FILE]`. The export goes to `out`
/// unless a file is given (`-` is standard output too); a file is replaced atomically.
pub fn run_export(
    store: &Store,
    slugs: Vec<String>,
    all: bool,
    format: &str,
    output: Option<&Path>,
    out: &mut dyn Write,
) -> Result<i32, StoreError> {
    let selection = match (all, slugs.is_empty()) {
        (true, true) => Selection::All,
        (false, false) => Selection::Slugs(slugs),
        (true, false) => {
            return Err(StoreError::Usage(
                "give either slugs or --all, not both".into(),
            ));
        }
        (false, true) => {
            return Err(StoreError::Usage(format!(
                "nothing to export: give one or more persona slugs, or --all for every persona of tenant \"{}\"",
                store.tenant().key
            )));
        }
    };
    let format = Format::parse(format).ok_or_else(|| {
        StoreError::Usage(format!(
            "unknown format \"{format}\"; use one of {}",
            Format::NAMES.join(", ")
        ))
    })?;
    let (text, n) = export_counted(store, &selection, format)?;
    match output.filter(|p| *p != Path::new("-")) {
        None => out.write_all(text.as_bytes())?,
        Some(path) => {
            check_export_path(store, path)?;
            write_atomically(path, text.as_bytes())?;
            writeln!(
                out,
                "exported {n} persona{} to {}",
                if n == 1 { "" } else { "s" },
                path.display()
            )?;
        }
    }
    Ok(0)
}

/// `import FILE [--dry-run] [--as-draft]`: prints `N created, M updated` and returns 0, or prints every
/// problem to `err`, one per line, writes nothing and returns 1. A dry run prints the plan
/// (`create`, `update`, `refuse` lines) to `out` and returns 1 when anything is refused.
pub fn run_import(
    store: &mut Store,
    source: &str,
    dry_run: bool,
    as_draft: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<i32, StoreError> {
    let plan = match read_source(source).and_then(|text| plan_import_with(store, &text, as_draft)) {
        Ok(plan) => plan,
        Err(ImportError::Store(e)) => return Err(e),
        Err(e) => return nothing_imported(err, source, &e),
    };
    if dry_run {
        for line in plan.lines() {
            writeln!(out, "{}", crate::model::escape::terminal_line(&line))?;
        }
        let (c, u, r) = plan.counts();
        writeln!(
            out,
            "dry run: {c} to create, {u} to update, {r} refused; nothing was written"
        )?;
        return Ok(i32::from(!plan.is_clean()));
    }
    match apply_import_owned(store, plan) {
        Ok((created, updated)) => {
            writeln!(out, "{created} created, {updated} updated")?;
            Ok(0)
        }
        Err(e) => nothing_imported(err, source, &e),
    }
}

fn nothing_imported(err: &mut dyn Write, source: &str, e: &ImportError) -> Result<i32, StoreError> {
    let lines = e.lines();
    for line in &lines {
        writeln!(err, "{}", crate::model::escape::terminal_line(line))?;
    }
    let what = match e {
        ImportError::Invalid(_) => "error",
        ImportError::Refused(_) => "refused persona",
        _ => "error",
    };
    let shown = if source == "-" {
        "standard input"
    } else {
        source
    };
    writeln!(
        err,
        "nothing was imported: {} {what}{} in {shown}",
        lines.len(),
        if lines.len() == 1 { "" } else { "s" }
    )?;
    Ok(1)
}

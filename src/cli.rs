//! The headless command line: scripting, checks, import/export.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::model::json::persona_to_json;
use crate::spec::enums::{ARCHETYPES, VALIDATION_STATUSES};
use crate::store::{Filter, SortKey, Store, StoreError};

#[derive(Debug, Parser)]
#[command(
    name = "persona-studio",
    version,
    about = "Keyboard-first editor for AI-platform personas (schema v4.0.0) in SQLite",
    long_about = "Keyboard-first editor for AI-platform personas (schema v4.0.0) in SQLite.\n\
                  With no command it opens the terminal app on the database."
)]
pub struct Cli {
    /// Database file (default: the platform data dir, or $PERSONA_STUDIO_DB)
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Tenant key (default: "default")
    #[arg(long, global = true, value_name = "KEY")]
    pub tenant: Option<String>,
    /// Acting user (default: $PERSONA_STUDIO_USER, else the login name)
    #[arg(long, global = true, value_name = "NAME")]
    pub user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database (schema, lookup data, default tenant and local user)
    Init,
    /// Load the demo personas into the tenant
    Demo,
    /// List personas
    List {
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(ARCHETYPES))]
        archetype: Option<String>,
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(VALIDATION_STATUSES))]
        status: Option<String>,
        /// Function name, exactly
        #[arg(long)]
        function: Option<String>,
        /// Full-text search over the persona and its lists
        #[arg(long)]
        search: Option<String>,
        /// List the trash (soft-deleted personas)
        #[arg(long)]
        deleted: bool,
        /// Print a JSON array of summaries
        #[arg(long)]
        json: bool,
    },
    /// Show one persona with all its lists
    Show {
        slug: String,
        #[arg(long)]
        json: bool,
    },
    /// Check the database: integrity, foreign keys, derived values (exit 1 on a problem)
    Check,
}

/// Runs a subcommand; returns the process exit code.
pub fn run(store: &mut Store, command: Command, out: &mut dyn Write) -> Result<i32, StoreError> {
    match command {
        Command::Init => {
            writeln!(
                out,
                "database ready: tenant \"{}\", user \"{}\"",
                store.tenant().key,
                store.user_name()
            )?;
        }
        Command::Demo => {
            let (created, updated) = crate::demo::load_demo(store)?;
            writeln!(
                out,
                "demo personas loaded into tenant \"{}\": {created} created, {updated} updated",
                store.tenant().key
            )?;
        }
        Command::List {
            archetype,
            status,
            function,
            search,
            deleted,
            json,
        } => {
            let filter = Filter {
                archetype,
                status,
                function,
                tier: None,
                text: search.unwrap_or_default(),
                deleted,
            };
            let rows = store.summaries(&filter, SortKey::Name, false, 0, usize::MAX >> 1)?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&rows).unwrap_or_default()
                )?;
            } else {
                writeln!(
                    out,
                    "{:<40} {:<34} {:<13} {:<15} {:<14}",
                    "SLUG", "NAME", "ARCHETYPE", "STATUS", "TIER"
                )?;
                for r in &rows {
                    writeln!(
                        out,
                        "{:<40} {:<34} {:<13} {:<15} {:<14}",
                        r.slug,
                        truncate(&r.name, 34),
                        r.archetype.as_deref().unwrap_or("-"),
                        r.validation_status.as_deref().unwrap_or("-"),
                        r.priority_tier.as_deref().unwrap_or("-")
                    )?;
                }
                writeln!(
                    out,
                    "{} persona(s) in tenant \"{}\"",
                    rows.len(),
                    store.tenant().key
                )?;
            }
        }
        Command::Show { slug, json } => {
            let p = store.load_by_slug(&slug)?;
            if json {
                let mut j = persona_to_json(&p);
                if let Some(m) = j.as_object_mut() {
                    // Read-only facts worth seeing in a script, outside the import format.
                    m.insert("id".into(), p.id.clone().into());
                    m.insert("created_at".into(), p.created_at.clone().into());
                    m.insert("updated_at".into(), p.updated_at.clone().into());
                    m.insert("deleted_at".into(), p.deleted_at.clone().into());
                }
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&j).unwrap_or_default()
                )?;
            } else {
                write!(
                    out,
                    "{}",
                    crate::model::markdown::persona_markdown(&p, store.lookups())
                )?;
            }
        }
        Command::Check => {
            let report = store.check()?;
            for w in &report.warnings {
                writeln!(out, "warning: {w}")?;
            }
            for p in &report.problems {
                writeln!(out, "problem: {p}")?;
            }
            writeln!(
                out,
                "checked {} persona(s) in tenant \"{}\": {} problem(s), {} warning(s)",
                report.personas_checked,
                store.tenant().key,
                report.problems.len(),
                report.warnings.len()
            )?;
            return Ok(i32::from(!report.problems.is_empty()));
        }
    }
    Ok(0)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

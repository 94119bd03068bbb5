//! The headless command line: scripting, checks, import/export.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::catalog::enums::{ARCHETYPES, VALIDATION_STATUSES};
use crate::catalog::labels;
use crate::model::escape;
use crate::model::json::persona_to_json;
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
    /// Team library URL for push/pull/sync/remote init (default: $PERSONA_STUDIO_REMOTE, else
    /// the one `remote set` stored)
    #[arg(long, global = true, value_name = "URL")]
    pub remote: Option<String>,
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
    /// Export personas: a lossless JSON bundle, Markdown cards or a CSV of the summaries
    Export {
        /// Slugs of the personas to export
        #[arg(conflicts_with = "all")]
        slugs: Vec<String>,
        /// Every live persona of the tenant (not the trash)
        #[arg(long)]
        all: bool,
        /// json: lossless bundle that import reads; md: persona cards; csv: summaries (RFC 4180)
        #[arg(long, default_value = "json",
              value_parser = clap::builder::PossibleValuesParser::new(crate::transfer::Format::NAMES))]
        format: String,
        /// Write to FILE (replaced atomically) instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Import a JSON bundle: all or nothing; existing slugs are updated, their lists replaced
    Import {
        /// The bundle, or - for standard input
        file: String,
        /// Print what would be created, updated or refused, and write nothing
        #[arg(long)]
        dry_run: bool,
        /// New personas arrive as drafts, their history in the file kept as a note (a status
        /// and history that are not a chain of allowed moves are otherwise refused)
        #[arg(long)]
        as_draft: bool,
    },
    /// Move a persona through the review workflow (exit 1 with the allowed moves when refused)
    Status {
        slug: String,
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(VALIDATION_STATUSES))]
        to: String,
        /// Why (required when sending back to draft)
        #[arg(long)]
        note: Option<String>,
    },
    /// Show a persona's status history
    History {
        slug: String,
        #[arg(long)]
        json: bool,
    },
    /// List or add tenants
    Tenant {
        #[command(subcommand)]
        action: TenantAction,
    },
    #[command(flatten)]
    Team(crate::sync::command::TeamCommand),
    /// Generate synthetic personas (benchmarks, load tests), all in one transaction
    Gen {
        /// How many personas
        #[arg(long, value_name = "N")]
        personas: u64,
        /// Same seed, same personas; slugs are gen-<seed>-<n>, so seeds can share a database
        #[arg(long, default_value_t = crate::r#gen::DEFAULT_SEED)]
        seed: u64,
    },
    /// What changed in a persona since its last validation (or another move), field by field
    /// and list row by list row (exit 2 when there is no such move to compare with)
    Diff {
        slug: String,
        /// validated, pending_review (or another status: its last move), or a time such as
        /// 2026-03-01T09:30 (the last move at or before it)
        #[arg(long, value_name = "STATUS|TIMESTAMP")]
        since: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum TenantAction {
    /// List the tenants
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add a tenant
    Add {
        key: String,
        /// Display name (default: the key)
        #[arg(long)]
        name: Option<String>,
    },
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
                        line(&r.slug),
                        truncate(&line(&r.name), 34),
                        line(r.archetype.as_deref().unwrap_or("-")),
                        line(
                            &r.validation_status
                                .as_deref()
                                .map_or("-".into(), labels::code)
                        ),
                        line(&r.priority_tier.as_deref().map_or("-".into(), labels::code))
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
                // Multi-line text keeps its line breaks; other control characters are escaped.
                let card = crate::model::markdown::persona_markdown(&p, store.lookups());
                write!(out, "{}", escape::terminal(&card))?;
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
        Command::Export {
            slugs,
            all,
            format,
            output,
        } => {
            return crate::transfer::command::run_export(
                store,
                slugs,
                all,
                &format,
                output.as_deref(),
                out,
            );
        }
        Command::Import {
            file,
            dry_run,
            as_draft,
        } => {
            let mut err = std::io::stderr().lock();
            return crate::transfer::command::run_import(
                store, &file, dry_run, as_draft, out, &mut err,
            );
        }
        Command::Status { slug, to, note } => {
            let p = store.load_by_slug(&slug)?;
            let id = p.id.clone().unwrap_or_default();
            let from = p.text("validation_status").unwrap_or("draft").to_string();
            if p.deleted_at.is_some() {
                eprintln!(
                    "persona-studio: {}: the persona is in the trash; restore it before moving its status",
                    escape::terminal_line(&slug)
                );
                return Ok(1);
            }
            match store.move_status(&id, &to, note.as_deref(), None) {
                Ok(_) => writeln!(out, "{}: {from} -> {to}", escape::terminal_line(&slug))?,
                Err(e @ (StoreError::MoveNotAllowed { .. } | StoreError::NoteRequired { .. })) => {
                    eprintln!(
                        "persona-studio: {}: {}",
                        escape::terminal_line(&slug),
                        escape::terminal_line(&e.to_string())
                    );
                    return Ok(1);
                }
                Err(e) => return Err(e),
            }
        }
        Command::History { slug, json } => {
            let p = store.load_by_slug(&slug)?;
            let h = store.history(p.id.as_deref().unwrap_or_default())?;
            if json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&h).unwrap_or_default()
                )?;
            } else {
                // Moves and the review trail's events (edited after validation), oldest first,
                // in the order History shows them.
                let events = store.review_events(p.id.as_deref().unwrap_or_default())?;
                for item in crate::store::review::items(&h, &events).into_iter().rev() {
                    let text = match item {
                        crate::store::review::Item::Move(i) => {
                            let e = &h[i];
                            format!(
                                "{}  {:<14} -> {:<14} {:<12} {}",
                                line(&e.changed_at),
                                line(e.from_status.as_deref().unwrap_or("(created)")),
                                line(&e.to_status),
                                line(e.changed_by.as_deref().unwrap_or("-")),
                                line(e.note.as_deref().unwrap_or(""))
                            )
                        }
                        crate::store::review::Item::Event(i) => {
                            let ev = &events[i];
                            format!(
                                "{}  {:<32} {:<12}",
                                line(&ev.changed_at),
                                line(&ev.label()),
                                line(ev.changed_by.as_deref().unwrap_or("-"))
                            )
                            .trim_end()
                            .to_string()
                        }
                    };
                    writeln!(out, "{text}")?;
                }
            }
        }
        Command::Tenant { action } => match action {
            TenantAction::List { json } => {
                let all = store.tenants()?;
                if json {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string_pretty(&all).unwrap_or_default()
                    )?;
                } else {
                    for t in all {
                        let mark = if t.key == store.tenant().key {
                            "*"
                        } else {
                            " "
                        };
                        writeln!(out, "{mark} {:<20} {}", line(&t.key), line(&t.name))?;
                    }
                }
            }
            TenantAction::Add { key, name } => {
                let t = store.add_tenant(&key, name.as_deref().unwrap_or(&key))?;
                writeln!(out, "tenant \"{}\" ready", t.key)?;
            }
        },
        // main.rs runs the team commands with the --remote URL; without it, the stored link.
        Command::Team(cmd) => return crate::sync::command::run(store, cmd, None, out),
        Command::Gen { personas, seed } => {
            let r = crate::r#gen::generate(store, personas, seed)?;
            writeln!(
                out,
                "generated {} persona(s) with {} list row(s) into tenant \"{}\" (seed {seed}, slugs gen-{seed}-1..) in {:.1} s",
                r.personas,
                r.list_rows,
                store.tenant().key,
                r.elapsed.as_secs_f64()
            )?;
        }
        Command::Diff { slug, since, json } => {
            let mut err = std::io::stderr().lock();
            return crate::diff::command::run(store, &slug, since.as_deref(), json, out, &mut err);
        }
    }
    Ok(0)
}

/// Text printed as part of one line, control characters escaped (see `model::escape`).
fn line(s: &str) -> std::borrow::Cow<'_, str> {
    escape::terminal_line(s)
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n.saturating_sub(1)).collect::<String>() + "…"
    }
}

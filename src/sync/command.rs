//! The team library's commands: `remote set|show|init`, `push`, `pull`, `sync`, `conflicts`
//! and `resolve`. Exit codes: 0 done, 1 an error or a persona the remote refused, 3 conflicts
//! remain (resolve them, then sync again).

use std::collections::BTreeSet;
use std::io::Write;

use clap::Subcommand;
use serde_json::json;

use super::driver::{Direction, Outcome, Report};
use super::merge::{Conflict, Side};
use super::session;
use super::settle::sides;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS};
use crate::model::Value;
use crate::store::postgres::schema::Init;
use crate::store::{Store, StoreError};

/// Exit code when conflicts remain.
pub const EXIT_CONFLICTS: i32 = 3;

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// The team library this tenant syncs with: set, show or prepare it
    Remote {
        #[command(subcommand)]
        action: RemoteAction,
    },
    /// Send local changes to the team library (all personas, or those named)
    Push {
        slugs: Vec<String>,
        /// Print what would be sent, send nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Bring the team library's changes into this file
    Pull {
        #[arg(long)]
        dry_run: bool,
    },
    /// Pull, merge and push; exit 3 when conflicts remain
    Sync {
        #[arg(long)]
        dry_run: bool,
    },
    /// List the personas in conflict, field by field (base, mine, theirs)
    Conflicts {
        #[arg(long)]
        json: bool,
    },
    /// Settle a conflict from the command line: keep mine or take theirs for every conflicting
    /// part (the rest stays merged); the next sync sends the result
    Resolve {
        slug: String,
        #[arg(long, conflicts_with = "theirs", required_unless_present = "theirs")]
        mine: bool,
        #[arg(long)]
        theirs: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RemoteAction {
    /// Link this tenant to a PostgreSQL URL (stored without its password)
    Set {
        url: String,
        /// The remote tenant's id (default: the remote tenant with this tenant's key)
        #[arg(long, value_name = "UUID")]
        tenant_id: Option<String>,
    },
    /// Show the link
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Prepare an empty PostgreSQL database with the design's schema (idempotent)
    Init,
}

/// Runs one team command. `remote` is the `--remote` flag or `PERSONA_STUDIO_REMOTE`.
pub fn run(
    store: &mut Store,
    cmd: TeamCommand,
    remote: Option<&str>,
    out: &mut dyn Write,
) -> Result<i32, StoreError> {
    let fail = |e: &dyn std::fmt::Display| {
        eprintln!("persona-studio: {e}");
        Ok(1)
    };
    match cmd {
        TeamCommand::Remote { action } => match action {
            RemoteAction::Set { url, tenant_id } => {
                if let Some(t) = &tenant_id
                    && uuid::Uuid::parse_str(t).is_err()
                {
                    return fail(&format!("--tenant-id must be a UUID (got \"{t}\")"));
                }
                match session::set_remote(store, &url, tenant_id.as_deref()) {
                    Ok(u) => {
                        writeln!(out, "tenant \"{}\" syncs with {u}", store.tenant().key)?;
                        if u.url_password().is_some() {
                            writeln!(
                                out,
                                "the password in the URL was not stored: use PGPASSWORD or ~/.pgpass"
                            )?;
                        }
                        Ok(0)
                    }
                    Err(e) => fail(&e),
                }
            }
            RemoteAction::Show { json } => show(store, json, out),
            RemoteAction::Init => {
                let url = match session::remote_url(store, remote) {
                    Ok(u) => u,
                    Err(e) => return fail(&e),
                };
                match session::init_remote(&url, None) {
                    Ok(Init::Created) => {
                        writeln!(out, "created the persona schema on {url}")?;
                        Ok(0)
                    }
                    Ok(Init::AlreadyThere) => {
                        writeln!(out, "{url} already has the persona schema; nothing to do")?;
                        Ok(0)
                    }
                    Err(e) => fail(&e),
                }
            }
        },
        TeamCommand::Push { slugs, dry_run } => {
            let only = if slugs.is_empty() {
                None
            } else {
                let mut ids = BTreeSet::new();
                for s in &slugs {
                    ids.insert(store.load_by_slug(s)?.id.unwrap_or_default());
                }
                Some(ids)
            };
            transfer(store, remote, Direction::Push, only.as_ref(), dry_run, out)
        }
        TeamCommand::Pull { dry_run } => {
            transfer(store, remote, Direction::Pull, None, dry_run, out)
        }
        TeamCommand::Sync { dry_run } => {
            transfer(store, remote, Direction::Both, None, dry_run, out)
        }
        TeamCommand::Conflicts { json } => conflicts(store, json, out),
        TeamCommand::Resolve { slug, mine, .. } => {
            let side = if mine { Side::Mine } else { Side::Theirs };
            resolve_one(store, &slug, side, out)
        }
    }
}

fn show(store: &mut Store, json: bool, out: &mut dyn Write) -> Result<i32, StoreError> {
    let link = store.with_sync_state(|st, s| st.link(s))?;
    let bases = store.with_sync_state(|st, s| st.bases(s))?.len();
    let conflicts = store.with_sync_state(|st, s| st.conflicts(s))?.len();
    if json {
        let j = json!({
            "tenant": store.tenant().key,
            "url": link.as_ref().map(|l| l.url.clone()),
            "remote_tenant_id": link.as_ref().and_then(|l| l.remote_tenant_id.clone()),
            "synced_personas": bases,
            "conflicts": conflicts,
        });
        writeln!(out, "{j:#}")?;
        return Ok(0);
    }
    match link {
        None => writeln!(
            out,
            "tenant \"{}\" has no remote (set one with `persona-studio remote set URL`)",
            store.tenant().key
        )?,
        Some(l) => {
            writeln!(out, "tenant:          {}", store.tenant().key)?;
            writeln!(out, "remote:          {}", l.url)?;
            writeln!(
                out,
                "remote tenant:   {}",
                l.remote_tenant_id
                    .as_deref()
                    .unwrap_or("(found on the first sync)")
            )?;
            writeln!(out, "synced personas: {bases}")?;
            writeln!(out, "conflicts:       {conflicts}")?;
        }
    }
    Ok(0)
}

fn transfer(
    store: &mut Store,
    remote: Option<&str>,
    direction: Direction,
    only: Option<&BTreeSet<String>>,
    dry_run: bool,
    out: &mut dyn Write,
) -> Result<i32, StoreError> {
    let report = match session::run(
        store,
        remote,
        None,
        direction,
        only,
        dry_run,
        &mut |_, _| {},
    ) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("persona-studio: {e}");
            return Ok(1);
        }
    };
    print_report(&report, out)?;
    Ok(if report.conflicts() > 0 {
        EXIT_CONFLICTS
    } else if report.failures() > 0 {
        1
    } else {
        0
    })
}

/// One line per persona that was (or would be) touched, then the totals.
pub fn print_report(r: &Report, out: &mut dyn Write) -> std::io::Result<()> {
    let would = if r.dry_run { "would be " } else { "" };
    let mut unchanged = 0;
    for (_, slug, o) in &r.personas {
        let line = match o {
            Outcome::Unchanged => {
                unchanged += 1;
                continue;
            }
            Outcome::Pushed => format!("{would}pushed    {slug}"),
            Outcome::Pulled => format!("{would}pulled    {slug}"),
            Outcome::Merged => format!("{would}merged    {slug}"),
            Outcome::Conflicts(cs) => format!(
                "conflict  {slug}: {}",
                cs.iter().map(Conflict::path).collect::<Vec<_>>().join(", ")
            ),
            Outcome::Skipped(why) => format!("skipped   {slug}: {why}"),
            Outcome::Failed(e) => format!("failed    {slug}: {e}"),
        };
        writeln!(out, "{}", clean(&line))?;
    }
    writeln!(
        out,
        "{} personas: {unchanged} unchanged, {} conflicts, {} failed{}",
        r.personas.len(),
        r.conflicts(),
        r.failures(),
        if r.dry_run {
            " (dry run: nothing written)"
        } else {
            ""
        }
    )
}

fn conflicts(store: &mut Store, json: bool, out: &mut dyn Write) -> Result<i32, StoreError> {
    let ids: Vec<String> = store
        .with_sync_state(|st, s| st.conflicts(s))?
        .into_keys()
        .collect();
    let mut all = Vec::new();
    for id in ids {
        let Some(s) = sides(store, &id)? else {
            continue;
        };
        all.push((s.mine.slug().to_string(), id, s.merge.conflicts));
    }
    all.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    if json {
        let items: Vec<_> = all
            .iter()
            .map(|(slug, id, cs)| {
                json!({"slug": slug, "id": id, "conflicts": cs.iter().map(conflict_json).collect::<Vec<_>>()})
            })
            .collect();
        writeln!(out, "{:#}", serde_json::Value::Array(items))?;
    } else if all.is_empty() {
        writeln!(out, "no conflicts")?;
    } else {
        for (slug, _, cs) in &all {
            writeln!(out, "{}", clean(slug))?;
            for c in cs {
                let (b, m, t) = three(c);
                let line = format!("  {}: base {b} | mine {m} | theirs {t}", c.path());
                writeln!(out, "{}", clean(&line))?;
            }
        }
    }
    Ok(if all.is_empty() { 0 } else { EXIT_CONFLICTS })
}

fn shown(v: &Value) -> String {
    match v {
        Value::Null => "(empty)".to_string(),
        other => other.to_string(),
    }
}

fn row_text(list: usize, r: &Option<crate::model::Row>) -> String {
    match r {
        None => "(removed)".to_string(),
        Some(r) => CHILD_SPECS[list]
            .fields
            .iter()
            .zip(&r.values)
            .filter(|(_, v)| !v.is_blank())
            .map(|(f, v)| format!("{}={}", f.name, shown(v)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Base, mine and theirs of a conflict as text.
fn three(c: &Conflict) -> (String, String, String) {
    match c {
        Conflict::Field {
            base, mine, theirs, ..
        } => (shown(base), shown(mine), shown(theirs)),
        Conflict::Row {
            list,
            base,
            mine,
            theirs,
            ..
        } => (
            row_text(*list, base),
            row_text(*list, mine),
            row_text(*list, theirs),
        ),
        Conflict::Status { base, mine, theirs } => (base.clone(), mine.clone(), theirs.clone()),
        Conflict::Deleted { deleted_by } => match deleted_by {
            Side::Mine => ("kept".into(), "deleted".into(), "edited".into()),
            Side::Theirs => ("kept".into(), "edited".into(), "deleted".into()),
        },
    }
}

fn conflict_json(c: &Conflict) -> serde_json::Value {
    let (b, m, t) = three(c);
    let field = match c {
        Conflict::Field { field, .. } => Some(CORE_FIELDS[*field].name),
        _ => None,
    };
    json!({"path": c.path(), "field": field, "base": b, "mine": m, "theirs": t})
}

pub use super::settle::resolve_persona;

fn resolve_one(
    store: &mut Store,
    slug: &str,
    side: Side,
    out: &mut dyn Write,
) -> Result<i32, StoreError> {
    let id = store.load_by_slug(slug)?.id.unwrap_or_default();
    if !resolve_persona(store, &id, side)? {
        writeln!(out, "{slug} has no conflict")?;
        return Ok(0);
    }
    let which = if side == Side::Mine { "mine" } else { "theirs" };
    writeln!(
        out,
        "{slug}: kept {which} for every conflicting part; run `persona-studio sync` to send it"
    )?;
    Ok(0)
}

/// Text from the database or the server made safe for a terminal: control characters
/// (an escape sequence in a persona's name, say) are shown as `\u{..}`, never sent.
fn clean(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

//! Import of a JSON bundle: parse and check against the database (`plan_import`), then write
//! everything in one transaction or nothing (`apply_import`).

use std::fmt;

use crate::catalog::validate::is_slug;
use crate::catalog::{CHILD_SPECS, CORE_FIELDS, Cardinality};
use crate::model::json::bundle_from_json;
use crate::model::{Persona, StatusChange, Value};
use crate::store::chain::{chain_problems, now_timestamp};
use crate::store::validate;
use crate::store::{Location, Problem, Store, StoreError};

/// Why an import wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {name}: {reason}")]
    Read { name: String, reason: String },
    #[error("{}", too_large(.name, *.size, *.limit))]
    TooLarge {
        name: String,
        /// Known for files, not for standard input.
        size: Option<u64>,
        limit: u64,
    },
    #[error(
        "{name} is not UTF-8 text (invalid byte at offset {offset}); a bundle is JSON in UTF-8"
    )]
    NotUtf8 { name: String, offset: usize },
    /// The text is not a valid bundle: one message per bad value, each starting with the
    /// JSON path of that value (`personas[3].pain_points[1].severity: ...`).
    #[error("{}", .0.join("\n"))]
    Invalid(Vec<String>),
    /// The plan refuses some personas (`refuse slug: reason` lines).
    #[error("{}", .0.join("\n"))]
    Refused(Vec<String>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl ImportError {
    /// The error as lines for a terminal, one problem per line.
    pub fn lines(&self) -> Vec<String> {
        match self {
            ImportError::Invalid(v) | ImportError::Refused(v) => v.clone(),
            other => vec![other.to_string()],
        }
    }
}

fn too_large(name: &str, size: Option<u64>, limit: u64) -> String {
    let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
    let what = match size {
        Some(s) => format!("{name} is {:.1} MiB", mib(s)),
        None => format!("{name} is larger than {:.0} MiB", mib(limit)),
    };
    format!(
        "{what}; import reads bundles of at most {:.0} MiB: export fewer personas per file and import them one by one",
        mib(limit)
    )
}

/// What importing one persona of the bundle would do.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// No persona has this slug: a new one is created.
    Create,
    /// The tenant has a persona with this slug: its fields are overwritten and its lists
    /// replaced. `in_trash`: that persona is soft-deleted and stays in the trash.
    Update { in_trash: bool },
    /// Not importable; the reason names the JSON path where a value is at fault.
    Refuse(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct PlanItem {
    pub persona: Persona,
    pub action: Action,
}

impl fmt::Display for PlanItem {
    /// `create slug`, `update slug` or `refuse slug: reason`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let slug = self.persona.slug();
        match &self.action {
            Action::Create => write!(f, "create {slug}"),
            Action::Update { in_trash: false } => write!(f, "update {slug}"),
            Action::Update { in_trash: true } => {
                write!(f, "update {slug} (in the trash; it stays there)")
            }
            Action::Refuse(reason) => write!(f, "refuse {slug}: {reason}"),
        }
    }
}

/// One item per persona of the bundle, in file order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub items: Vec<PlanItem>,
}

impl ImportPlan {
    /// (to create, to update, refused)
    pub fn counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for item in &self.items {
            match item.action {
                Action::Create => c.0 += 1,
                Action::Update { .. } => c.1 += 1,
                Action::Refuse(_) => c.2 += 1,
            }
        }
        c
    }

    /// Whether `apply_import` would write it: nothing is refused.
    pub fn is_clean(&self) -> bool {
        self.counts().2 == 0
    }

    /// One line per persona: `create slug`, `update slug`, `refuse slug: reason`.
    pub fn lines(&self) -> Vec<String> {
        self.items.iter().map(ToString::to_string).collect()
    }

    pub fn refusals(&self) -> Vec<String> {
        self.items
            .iter()
            .filter(|i| matches!(i.action, Action::Refuse(_)))
            .map(ToString::to_string)
            .collect()
    }
}

/// Parses a bundle against the store's lookup codes and decides, per persona, whether it
/// would be created, updated or refused. Reads the database, never writes it.
///
/// A file that is not a valid bundle is an `ImportError::Invalid` with every bad value; a valid
/// file always gives a plan, whose refused items say why.
pub fn plan_import(store: &Store, text: &str) -> Result<ImportPlan, ImportError> {
    plan_import_with(store, text, false)
}

/// `plan_import`; with `as_draft`, every new persona arrives as a draft whose history in the
/// file is kept as the note of its creation row (`import --as-draft`). A persona already in
/// the tenant keeps its own status and history either way, and `as_draft` leaves its status
/// as stored.
pub fn plan_import_with(
    store: &Store,
    text: &str,
    as_draft: bool,
) -> Result<ImportPlan, ImportError> {
    let mut personas =
        bundle_from_json(text, Some(store.lookups())).map_err(ImportError::Invalid)?;
    if as_draft {
        for p in &mut personas {
            into_draft(p, store.user_name());
        }
    }
    let slugs: Vec<String> = personas.iter().map(|p| p.slug().to_string()).collect();
    let mut items = Vec::with_capacity(personas.len());
    for (i, mut p) in personas.into_iter().enumerate() {
        let problems = validate(&p, store.lookups());
        let action = if !problems.is_empty() {
            Action::Refuse(
                problems
                    .iter()
                    .map(|pr| format!("{}: {}", json_path(i, pr), pr.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        } else {
            match store.load_by_slug(p.slug()) {
                Ok(existing) => {
                    // The store refuses status moves the review workflow forbids; say so in
                    // the plan rather than fail the whole import when writing. A move the
                    // import makes is one move, by the importing user, as `status` makes it:
                    // a send-back needs a note, which only `status` can give.
                    let from = existing
                        .text("validation_status")
                        .unwrap_or("draft")
                        .to_string();
                    if as_draft {
                        p.set(
                            "validation_status",
                            existing.get("validation_status").clone(),
                        );
                    }
                    let to = p.text("validation_status").unwrap_or("draft");
                    if from != to && !crate::workflow::is_allowed(&from, to) {
                        Action::Refuse(format!(
                            "personas[{i}].validation_status: {}",
                            crate::workflow::refusal(&from, to)
                        ))
                    } else if crate::workflow::is_send_back(&from, to) {
                        Action::Refuse(format!(
                            "personas[{i}].validation_status: sending a {from} persona back to draft needs a note; use `persona-studio status {} draft --note WHY`",
                            p.slug()
                        ))
                    } else {
                        Action::Update {
                            in_trash: existing.deleted_at.is_some(),
                        }
                    }
                }
                Err(StoreError::NotFound(_)) => {
                    let status = p.text("validation_status").unwrap_or("draft");
                    let chain = chain_problems(status, &p.history);
                    // Slugs are unique across tenants (the design's personas_slug_unique).
                    if !chain.is_empty() {
                        Action::Refuse(
                            chain
                                .iter()
                                .map(|(path, m)| format!("personas[{i}].{path}: {m}"))
                                .collect::<Vec<_>>()
                                .join("; "),
                        )
                    } else if store.free_slug(p.slug())? == p.slug() {
                        Action::Create
                    } else {
                        Action::Refuse(other_tenant_reason(store, i, p.slug(), &slugs)?)
                    }
                }
                Err(e) => return Err(e.into()),
            }
        };
        items.push(PlanItem { persona: p, action });
    }
    Ok(ImportPlan { items })
}

/// Writes every persona of a clean plan in one transaction and returns (created, updated).
/// A plan with any refusal writes nothing and returns the `refuse` lines; a failure while
/// writing rolls everything back.
pub fn apply_import(store: &mut Store, plan: &ImportPlan) -> Result<(usize, usize), ImportError> {
    let refused = plan.refusals();
    if !refused.is_empty() {
        return Err(ImportError::Refused(refused));
    }
    let personas: Vec<Persona> = plan.items.iter().map(|i| i.persona.clone()).collect();
    // `save_all` looks each slug up again inside its transaction, so a plan made before
    // another program changed the database still writes all or nothing.
    Ok(store.save_all(&personas)?)
}

/// A new persona as a draft: its status and validation cleared, its history in the file
/// written into the note of its creation row, signed by the importing user.
fn into_draft(p: &mut Persona, user: &str) {
    let was = p.text("validation_status").unwrap_or("draft").to_string();
    let moves: Vec<String> = p
        .history
        .iter()
        .map(|h| {
            format!(
                "{} {} -> {} by {}{}",
                h.changed_at,
                h.from_status.as_deref().unwrap_or("(created)"),
                h.to_status,
                h.changed_by.as_deref().unwrap_or("?"),
                h.note
                    .as_deref()
                    .map(|n| format!(" ({n})"))
                    .unwrap_or_default()
            )
        })
        .collect();
    let note = format!(
        "imported as draft with --as-draft; in the file it was {was}, with history: {}",
        if moves.is_empty() {
            "none".to_string()
        } else {
            moves.join("; ")
        }
    );
    p.set("validation_status", Value::text("draft"));
    p.history = vec![StatusChange {
        from_status: None,
        to_status: "draft".into(),
        changed_by: Some(user.to_string()),
        changed_at: now_timestamp(),
        note: Some(note),
    }];
}

/// `apply_import` for a plan the caller no longer needs: the personas are moved to the store,
/// not copied, so a large bundle is held in memory once (the command line's import).
pub fn apply_import_owned(
    store: &mut Store,
    plan: ImportPlan,
) -> Result<(usize, usize), ImportError> {
    let refused = plan.refusals();
    if !refused.is_empty() {
        return Err(ImportError::Refused(refused));
    }
    let personas: Vec<Persona> = plan.items.into_iter().map(|i| i.persona).collect();
    Ok(store.save_all(&personas)?)
}

/// The JSON path of a store validation problem in persona `i` of the bundle.
fn json_path(i: usize, problem: &Problem) -> String {
    match problem.location {
        Location::Core(f) => format!("personas[{i}].{}", CORE_FIELDS[f].name),
        Location::List(l, r, f) => {
            let spec = &CHILD_SPECS[l];
            let field = spec.fields[f].name;
            match spec.cardinality {
                Cardinality::Many => format!("personas[{i}].{}[{r}].{field}", spec.key),
                Cardinality::One => format!("personas[{i}].{}.{field}", spec.key),
            }
        }
    }
}

fn other_tenant_reason(
    store: &Store,
    i: usize,
    slug: &str,
    file_slugs: &[String],
) -> Result<String, StoreError> {
    let mut reason = format!(
        "personas[{i}].slug: \"{slug}\" belongs to a persona of another tenant (slugs are unique across tenants)"
    );
    // Suggest a slug free both in the database and in the file.
    for n in 2..1000 {
        let candidate = format!("{slug}-{n}");
        if !is_slug(&candidate) {
            break;
        }
        if !file_slugs.contains(&candidate) && store.free_slug(&candidate)? == candidate {
            reason.push_str(&format!("; rename it in the file, e.g. to \"{candidate}\""));
            break;
        }
    }
    Ok(reason)
}

//! The bulk writer's prepared statements: new personas with their history and lists, written
//! as the schema's per-row triggers would write them (`bulk.rs` suspends those triggers and
//! indexes each written persona once). `gen` and `import` share it.

use std::collections::HashMap;
use std::rc::Rc;

use rusqlite::{Statement, Transaction, params};

use super::error::in_table;
use super::tenant::{ensure_user, new_id, resolve_org};
use crate::catalog::{
    CHILD_SPECS, CORE_FIELDS, Kind, LIST_OWNED_COLUMNS, OrgKind, org_name_column,
};
use crate::model::{Persona, Value};
use crate::store::Scope;
use crate::store::error::Result;

impl<'a> Writer<'a> {
    /// The statements of a bulk write, prepared once, inside `tx` after `Bulk::begin(tx, true)`.
    pub(super) fn new(tx: &'a Transaction<'a>, s: &'a Scope<'a>) -> Result<Writer<'a>> {
        // Org names are written from the org rows (as the sync trigger would copy them).
        let core: Vec<usize> = (0..CORE_FIELDS.len())
            .filter(|&i| {
                CORE_FIELDS[i].is_writable() && !matches!(CORE_FIELDS[i].kind, Kind::Org(_))
            })
            .collect();
        let mut fixed: Vec<&str> = vec![
            "id",
            "tenant_id",
            "created_at",
            "updated_at",
            "deleted_at",
            "validated_by",
            "validated_at",
        ];
        for kind in OrgKind::ALL {
            fixed.extend([kind.id_column(), org_name_column(kind), kind.slug_column()]);
        }
        let persona_st = tx.prepare(&insert_sql(
            "personas",
            &fixed,
            core.iter().map(|&i| CORE_FIELDS[i].name),
        ))?;
        let mut list_sts = Vec::new();
        for spec in CHILD_SPECS {
            let mut fixed = LIST_OWNED_COLUMNS.to_vec();
            fixed.extend(spec.order_column);
            let cols = spec
                .fields
                .iter()
                .filter(|f| f.is_writable())
                .map(|f| f.name);
            list_sts.push(tx.prepare(&insert_sql(spec.table, &fixed, cols))?);
        }
        let history_st = tx.prepare(
            "INSERT INTO persona_status_history \
         (id, persona_id, tenant_id, from_status, to_status, changed_by, changed_at, note) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let now: String =
            tx.query_row("SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", [], |r| {
                r.get(0)
            })?;
        Ok(Writer {
            tx,
            scope: s,
            now,
            core,
            persona_st,
            list_sts,
            history_st,
            orgs: HashMap::new(),
            users: HashMap::new(),
        })
    }
}

/// An organisation row: what the sync trigger copies into the persona.
struct Org {
    id: String,
    name: String,
    slug: String,
}

/// (function, department, role) names of a persona.
type OrgNames = [Option<String>; 3];

/// The prepared statements of a run and what every row shares.
pub(super) struct Writer<'a> {
    tx: &'a Transaction<'a>,
    scope: &'a Scope<'a>,
    now: String,
    /// Indexes into `CORE_FIELDS` of the core columns bound after the fixed ones.
    core: Vec<usize>,
    persona_st: Statement<'a>,
    list_sts: Vec<Statement<'a>>,
    history_st: Statement<'a>,
    /// Org rows by the names that resolved them, so each is looked up once per run.
    orgs: HashMap<OrgNames, [Option<Rc<Org>>; 3]>,
    /// User ids by name, for the history rows.
    users: HashMap<String, String>,
}

impl Writer<'_> {
    /// Writes one persona with its history and lists; returns its id and how many list rows.
    pub(super) fn write(&mut self, p: &Persona) -> Result<(String, u64)> {
        let s = self.scope;
        let id = p.id.clone().unwrap_or_else(new_id);
        let created = p.created_at.clone().unwrap_or_else(|| self.now.clone());
        let updated = p.updated_at.clone().unwrap_or_else(|| created.clone());
        // `gen` sets validated_at itself (signed by the acting user); an import's comes from
        // its history's validating move (store::chain), with that move's user.
        let (validated_at, validated_by) = if !p.get("validated_at").is_blank() {
            // A synced persona names its validator (by this file's user id); else the acting
            // user signs.
            let by = p
                .text("validated_by")
                .filter(|v| !v.is_empty())
                .unwrap_or(s.user_id);
            (p.get("validated_at").clone(), Some(by.to_string()))
        } else {
            match crate::store::chain::validating_move(&p.history) {
                Some(m) => {
                    let by = match &m.changed_by {
                        Some(name) => Some(self.user(name)?),
                        None => None,
                    };
                    (Value::text(&m.changed_at), by)
                }
                None => (Value::Null, None),
            }
        };
        let [f, d, r] = self.orgs_of(p)?;
        let org = |o: &Option<Rc<Org>>| -> [Value; 3] {
            match o {
                Some(o) => [
                    Value::text(&o.id),
                    Value::text(&o.name),
                    Value::text(&o.slug),
                ],
                None => [Value::Null, Value::Null, Value::Null],
            }
        };
        let mut fixed: Vec<Value> = vec![
            Value::text(&id),
            Value::text(&s.tenant.id),
            Value::text(&created),
            Value::text(&updated),
            p.deleted_at.clone().map_or(Value::Null, Value::Text),
            validated_by.map_or(Value::Null, Value::Text),
            validated_at,
        ];
        fixed.extend(org(&f));
        fixed.extend(org(&d));
        fixed.extend(org(&r));
        let core = self.core.iter().map(|&i| &p.core[i]);
        bind(&mut self.persona_st, &fixed, core)?;
        self.persona_st
            .raw_execute()
            .map_err(|e| in_table("personas", e))?;
        self.write_history(p, &id, &created)?;

        let mut written = 0;
        let lists = CHILD_SPECS.iter().zip(&p.lists).zip(&mut self.list_sts);
        for ((spec, rows), st) in lists {
            for (pos, row) in rows.iter().enumerate() {
                let mut fixed = vec![
                    Value::Text(row.id.clone().unwrap_or_else(new_id)),
                    Value::text(&id),
                    Value::text(&s.tenant.id),
                    Value::text(&created),
                    Value::text(&created),
                ];
                if spec.order_column.is_some() {
                    fixed.push(Value::Int(pos as i64));
                }
                let values = spec
                    .fields
                    .iter()
                    .zip(&row.values)
                    .filter(|(f, _)| f.is_writable())
                    .map(|(_, v)| v);
                bind(st, &fixed, values)?;
                st.raw_execute().map_err(|e| in_table(spec.table, e))?;
                written += 1;
            }
        }
        Ok((id, written))
    }

    /// The persona's own history, or the creation row the trigger would write.
    fn write_history(&mut self, p: &Persona, id: &str, created: &str) -> Result<()> {
        let s = self.scope;
        if p.history.is_empty() {
            let status = p.text("validation_status").unwrap_or("draft");
            self.history_st
                .execute(params![
                    new_id(),
                    id,
                    s.tenant.id,
                    None::<String>,
                    status,
                    s.user_id,
                    created,
                    None::<String>
                ])
                .map_err(|e| in_table("persona_status_history", e))?;
            return Ok(());
        }
        for h in &p.history {
            let user = match &h.changed_by {
                Some(name) => Some(self.user(name)?),
                None => None,
            };
            self.history_st
                .execute(params![
                    new_id(),
                    id,
                    s.tenant.id,
                    h.from_status,
                    h.to_status,
                    user,
                    h.changed_at,
                    h.note
                ])
                .map_err(|e| in_table("persona_status_history", e))?;
        }
        Ok(())
    }

    /// A user's id by name, created on first use, looked up once per run.
    fn user(&mut self, name: &str) -> Result<String> {
        if let Some(u) = self.users.get(name) {
            return Ok(u.clone());
        }
        let u = ensure_user(self.tx, name)?;
        self.users.insert(name.to_string(), u.clone());
        Ok(u)
    }

    /// The org rows named by the persona (created when missing): departments hang under the
    /// persona's function, roles under both.
    fn orgs_of(&mut self, p: &Persona) -> Result<[Option<Rc<Org>>; 3]> {
        let names: OrgNames = OrgKind::ALL.map(|k| {
            p.text(org_name_column(k))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
        });
        if let Some(found) = self.orgs.get(&names) {
            return Ok(found.clone());
        }
        let mut out: [Option<Rc<Org>>; 3] = [None, None, None];
        for (i, kind) in OrgKind::ALL.into_iter().enumerate() {
            let Some(name) = &names[i] else { continue };
            let f = out[0].as_ref().map(|o| o.id.as_str());
            let d = out[1].as_ref().map(|o| o.id.as_str());
            let (f, d) = match kind {
                OrgKind::Function => (None, None),
                OrgKind::Department => (f, None),
                OrgKind::Role => (f, d),
            };
            let id = resolve_org(self.tx, &self.scope.tenant.id, kind, name, f, d)?;
            let (name, slug) = self.tx.query_row(
                &format!("SELECT name, slug FROM {} WHERE id = ?1", kind.table()),
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            out[i] = Some(Rc::new(Org { id, name, slug }));
        }
        self.orgs.insert(names, out.clone());
        Ok(out)
    }
}

/// `INSERT INTO table (fixed..., cols...) VALUES (?1, ?2, ...)`; names come from the specs.
fn insert_sql<'a>(table: &str, fixed: &[&'a str], cols: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = fixed.iter().copied().chain(cols).collect();
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    )
}

fn bind<'v>(
    st: &mut Statement<'_>,
    fixed: &[Value],
    values: impl Iterator<Item = &'v Value>,
) -> Result<()> {
    for (i, v) in fixed.iter().enumerate() {
        st.raw_bind_parameter(i + 1, v)?;
    }
    for (i, v) in values.enumerate() {
        st.raw_bind_parameter(fixed.len() + i + 1, clean(v))?;
    }
    Ok(())
}

/// Blank text is stored as NULL, as a save does.
fn clean(v: &Value) -> &Value {
    match v {
        Value::Text(s) if s.trim().is_empty() => &Value::Null,
        v => v,
    }
}

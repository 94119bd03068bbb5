//! A persona's list rows: read in list order, and brought to the edited rows with as few
//! writes as possible.

use std::collections::HashMap;

use rusqlite::{Connection, params, params_from_iter};

use super::convert::from_sql;
use super::error::in_table;
use super::tenant::new_id;
use crate::catalog::ChildSpec;
use crate::model::{Row, Value};
use crate::store::error::Result;

pub(super) fn load_rows(
    conn: &Connection,
    tenant_id: &str,
    persona_id: &str,
    spec: &ChildSpec,
) -> Result<Vec<Row>> {
    let cols = spec
        .fields
        .iter()
        .map(|f| f.name)
        .collect::<Vec<_>>()
        .join(", ");
    let order = spec.order_column.map_or("created_at, id".to_string(), |c| {
        format!("{c}, created_at, id")
    });
    let sql = format!(
        "SELECT id, {cols} FROM {} WHERE persona_id = ?1 AND (tenant_id = ?2 OR tenant_id IS NULL) ORDER BY {order}",
        spec.table
    );
    let mut st = conn.prepare_cached(&sql)?;
    let rows = st.query_map(params![persona_id, tenant_id], |r| {
        let mut values = Vec::with_capacity(spec.fields.len());
        for (i, f) in spec.fields.iter().enumerate() {
            values.push(from_sql(f, r.get_ref(1 + i)?));
        }
        Ok(Row {
            id: Some(r.get(0)?),
            values,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Blank single-line text is stored as NULL, so a cleared field reads back as empty.
pub(super) fn clean(v: &Value) -> Value {
    match v {
        Value::Text(s) if s.trim().is_empty() => Value::Null,
        v => v.clone(),
    }
}

/// Brings a list in the database to `rows`: unchanged rows are left alone (their timestamps
/// too); removed and changed rows are deleted first and changed ones re-inserted with their id
/// and created_at, so a swap of two unique metric names cannot collide mid-save.
pub(super) fn write_rows(
    conn: &Connection,
    tenant_id: &str,
    persona_id: &str,
    spec: &ChildSpec,
    rows: &[Row],
) -> Result<()> {
    let writable: Vec<usize> = (0..spec.fields.len())
        .filter(|&i| spec.fields[i].is_writable())
        .collect();
    let mut existing: HashMap<String, (Vec<Value>, i64, String)> = HashMap::new();
    {
        let cols = writable
            .iter()
            .map(|&i| spec.fields[i].name)
            .collect::<Vec<_>>()
            .join(", ");
        let order = spec.order_column.unwrap_or("0");
        let sql = format!(
            "SELECT id, {order}, created_at, {cols} FROM {} WHERE persona_id = ?1",
            spec.table
        );
        let mut st = conn.prepare_cached(&sql)?;
        let mut q = st.query(params![persona_id])?;
        while let Some(r) = q.next()? {
            let mut vals = Vec::new();
            for (k, &i) in writable.iter().enumerate() {
                vals.push(from_sql(&spec.fields[i], r.get_ref(3 + k)?));
            }
            existing.insert(
                r.get(0)?,
                (vals, r.get::<_, Option<i64>>(1)?.unwrap_or(0), r.get(2)?),
            );
        }
    }
    let mut keep: HashMap<&str, ()> = HashMap::new();
    let mut to_insert: Vec<(usize, Option<String>, Option<String>)> = Vec::new(); // (row index, id, created_at)
    // Rows without an id (an import) are matched by position: an identical row already at
    // that place is kept, so re-importing unchanged data rewrites nothing.
    let by_order: HashMap<i64, &str> = existing
        .iter()
        .map(|(id, (_, o, _))| (*o, id.as_str()))
        .collect();
    for (pos, row) in rows.iter().enumerate() {
        let wanted: Vec<Value> = writable.iter().map(|&i| clean(&row.values[i])).collect();
        let matched = match row.id.as_deref() {
            Some(id) => existing.get_key_value(id),
            None => by_order
                .get(&(pos as i64))
                .and_then(|id| existing.get_key_value(*id)),
        };
        match matched {
            Some((id, (vals, order, _)))
                if *vals == wanted && *order == pos as i64 && !keep.contains_key(id.as_str()) =>
            {
                keep.insert(id.as_str(), ());
            }
            Some((id, (_, _, created))) if row.id.is_some() => {
                to_insert.push((pos, Some(id.to_string()), Some(created.clone())))
            }
            _ => to_insert.push((pos, None, None)),
        }
    }
    let delete_sql = format!("DELETE FROM {} WHERE id = ?1", spec.table);
    for id in existing.keys() {
        if !keep.contains_key(id.as_str()) {
            conn.execute(&delete_sql, params![id])
                .map_err(|e| in_table(spec.table, e))?;
        }
    }
    let mut names: Vec<&str> = vec!["id", "persona_id", "tenant_id", "created_at"];
    if let Some(c) = spec.order_column {
        names.push(c);
    }
    names.extend(writable.iter().map(|&i| spec.fields[i].name));
    let marks = (1..=names.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    // created_at falls back to the column default when NULL is bound for a new row.
    let sql = format!(
        "INSERT INTO {} ({}) VALUES ({})",
        spec.table,
        names.join(", "),
        marks.replacen(
            "?4",
            "coalesce(?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            1
        )
    );
    let mut st = conn.prepare_cached(&sql)?;
    for (pos, id, created) in to_insert {
        let row = &rows[pos];
        let mut args: Vec<Value> = vec![
            Value::Text(id.unwrap_or_else(new_id)),
            Value::text(persona_id),
            Value::text(tenant_id),
            created.map_or(Value::Null, Value::Text),
        ];
        if spec.order_column.is_some() {
            args.push(Value::Int(pos as i64));
        }
        args.extend(writable.iter().map(|&i| clean(&row.values[i])));
        st.execute(params_from_iter(args.iter()))
            .map_err(|e| in_table(spec.table, e))?;
    }
    Ok(())
}

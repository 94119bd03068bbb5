//! The browser's list: filtered, sorted windows of persona summaries.

use rusqlite::{params_from_iter, types::Value as Sql};

use super::SqliteBackend;
use crate::catalog::enums::VALIDATION_STATUSES;
use crate::catalog::{SUMMARY_COLUMNS, SummarySource};
use crate::model::Summary;
use crate::store::Scope;
use crate::store::error::Result;
use crate::store::{Filter, SortKey};

/// The columns `summary_from_row` reads, over `personas p LEFT JOIN persona_vpanes_scoring v`
/// (the score card), in the catalog's `SUMMARY_COLUMNS` order.
pub fn summary_columns() -> &'static str {
    static COLUMNS: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        SUMMARY_COLUMNS
            .iter()
            .map(|c| match c.source {
                SummarySource::Core | SummarySource::Store => format!("p.{}", c.name),
                SummarySource::Scorecard => format!("v.{}", c.name),
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    &COLUMNS
}

/// A summary from a row of `summary_columns()`.
pub fn summary_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Summary> {
    Ok(Summary {
        id: r.get(0)?,
        slug: r.get(1)?,
        name: r.get(2)?,
        title: r.get(3)?,
        archetype: r.get(4)?,
        function_name: r.get(5)?,
        seniority_level: r.get(6)?,
        validation_status: r.get(7)?,
        total_score: r.get(8)?,
        priority_tier: r.get(9)?,
        ai_maturity_score: r.get(10)?,
        work_complexity_score: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

/// A fixed SQL expression per sort key; never built from input.
fn sort_sql(key: SortKey) -> String {
    match key {
        SortKey::Name => "p.name COLLATE NOCASE".into(),
        SortKey::Title => "p.title COLLATE NOCASE".into(),
        SortKey::Archetype => "p.archetype".into(),
        SortKey::Function => "p.function_name COLLATE NOCASE".into(),
        SortKey::Seniority => {
            "(SELECT sort_order FROM lookup_seniority_levels l WHERE l.code = p.seniority_level)"
                .into()
        }
        // The workflow's order, not the alphabet.
        SortKey::Status => enum_order("p.validation_status", VALIDATION_STATUSES),
        SortKey::Tier => "v.priority_tier".into(),
        SortKey::Updated => "p.updated_at".into(),
    }
}

/// The browser's ORDER BY for a sort key and direction (over `personas p` and, for the tier,
/// the score card `v`).
pub(super) fn order_sql(sort: SortKey, descending: bool) -> String {
    let dir = if descending { "DESC" } else { "ASC" };
    // Name is NOT NULL, so the name order needs no NULLS LAST and the browse index serves
    // the whole ORDER BY.
    match sort {
        SortKey::Name => format!("p.name COLLATE NOCASE {dir}, p.id {dir}"),
        other => format!(
            "{} {dir} NULLS LAST, p.name COLLATE NOCASE, p.id",
            sort_sql(other)
        ),
    }
}

/// `CASE column WHEN 'first' THEN 1 ... END`: a column of a catalog enum sorted in the enum's
/// order (NULL for any other value). The codes are the catalog's constants, never input.
pub(super) fn enum_order(column: &str, codes: &[&str]) -> String {
    let whens: Vec<String> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| format!("WHEN '{}' THEN {}", c.replace('\'', "''"), i + 1))
        .collect();
    format!("CASE {column} {} END", whens.join(" "))
}

/// Turns typed words into an FTS5 query: each word quoted (so operators and quotes typed by
/// the user are plain text) and prefix-matched, all words required.
pub fn fts_query(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{}\"*", w.replace('"', "")))
        .collect();
    if words.is_empty() {
        None
    } else {
        Some(words.join(" "))
    }
}

impl SqliteBackend {
    /// `FROM ... WHERE ...` of the filtered personas. The VPANES join is there only when the
    /// tier filters or sorts, since it costs ~150 ms per count at 100,000 personas.
    pub(super) fn filter_sql(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        args: &mut Vec<Sql>,
        join_vpanes: bool,
    ) -> String {
        args.push(Sql::Text(s.tenant.id.clone()));
        let join_vpanes = join_vpanes || f.tier.as_deref().is_some_and(|t| !t.is_empty());
        let mut sql = String::from(" FROM personas p");
        if join_vpanes {
            sql.push_str(" LEFT JOIN persona_vpanes_scoring v ON v.persona_id = p.id");
        }
        sql.push_str(" WHERE p.tenant_id = ?1");
        sql.push_str(if f.deleted {
            " AND p.deleted_at IS NOT NULL"
        } else {
            " AND p.deleted_at IS NULL"
        });
        let mut eq = |col: &str, v: &Option<String>, args: &mut Vec<Sql>| {
            if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
                args.push(Sql::Text(v.clone()));
                sql.push_str(&format!(" AND {col} = ?{}", args.len()));
            }
        };
        eq("p.archetype", &f.archetype, args);
        eq("p.validation_status", &f.status, args);
        eq("p.function_name", &f.function, args);
        if f.tier.as_deref() == Some("tier_4_low") {
            // A persona with no scoring row counts as the lowest tier, like a NULL total does.
            sql.push_str(" AND coalesce(v.priority_tier, 'tier_4_low') = 'tier_4_low'");
        } else {
            eq("v.priority_tier", &f.tier, args);
        }
        if f.searches_nothing() {
            // Only symbols typed: nothing to search for, so nothing matches.
            sql.push_str(" AND 0");
        }
        if let Some(q) = fts_query(&f.text) {
            args.push(Sql::Text(q));
            let n = args.len();
            // Matches are joined on the FTS rowid (004_scale.sql): reading the UNINDEXED
            // persona_id column of every match is twice as slow. p.tenant_id scopes them.
            sql.push_str(&format!(
                " AND p.id IN (SELECT k.persona_id FROM persona_search \
                 JOIN persona_search_key k ON k.fts_rowid = persona_search.rowid \
                 WHERE persona_search MATCH ?{n})"
            ));
        }
        sql
    }

    /// How many personas match, for the scroll bar and the header.
    pub(super) fn count(&self, s: &Scope<'_>, f: &Filter) -> Result<usize> {
        let mut args = Vec::new();
        let sql = format!("SELECT count(*){}", self.filter_sql(s, f, &mut args, false));
        let n: i64 = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        Ok(n as usize)
    }

    /// One window of matching personas, sorted. The window's ids are found first (an OFFSET
    /// then skips index entries, not joined rows: the last page of 100,000 in ms, not seconds),
    /// and only those rows are read in full.
    pub(super) fn summaries(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<Summary>> {
        let mut args = Vec::new();
        let from = self.filter_sql(s, f, &mut args, sort == SortKey::Tier);
        let order = order_sql(sort, descending);
        args.push(Sql::Integer(limit.min(i64::MAX as usize) as i64));
        args.push(Sql::Integer(offset.min(i64::MAX as usize) as i64));
        let n = args.len();
        let sql = format!(
            "SELECT {} FROM personas p LEFT JOIN persona_vpanes_scoring v ON v.persona_id = p.id \
             WHERE p.id IN (SELECT p.id {from} ORDER BY {order} LIMIT ?{} OFFSET ?{n}) ORDER BY {order}",
            summary_columns(),
            n - 1
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Distinct function names of the tenant's live personas, for the function filter.
    pub(super) fn function_names(&self, s: &Scope<'_>) -> Result<Vec<String>> {
        let mut st = self.conn.prepare_cached(
            "SELECT DISTINCT function_name FROM personas WHERE tenant_id = ?1 AND deleted_at IS NULL \
             AND function_name IS NOT NULL ORDER BY function_name COLLATE NOCASE",
        )?;
        let rows = st.query_map([&s.tenant.id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

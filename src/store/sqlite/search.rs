//! What the browser asks of the full-text index beyond the filter itself: where a search
//! matched each shown persona, and the counts behind a filter's pick-list.

use rusqlite::{OptionalExtension, params, params_from_iter, types::Value as Sql};

use super::SqliteBackend;
use super::summary::{order_sql, summary_columns, summary_from_row};
use crate::catalog::CORE_FIELDS;
use crate::model::Summary;
use crate::store::Scope;
use crate::store::error::Result;
use crate::store::matched::{first_match, query_words};
use crate::store::query::{Facet, FacetCount, Filter, SearchHit, SortKey};

/// The searchable columns of `persona_search` in table order (008_search_narrative.sql),
/// after `persona_id` and `tenant_id`, in the order a match is looked for (a test holds this
/// list to the table).
pub const FTS_COLUMNS: &[&str] = &[
    "name",
    "title",
    "tagline",
    "one_liner",
    "role_name",
    "function_name",
    "department_name",
    "background_story",
    "a_day_in_the_life",
    "notes",
    "lists",
];

/// How the browser names a column of the index.
fn field_label(column: &str) -> &'static str {
    CORE_FIELDS
        .iter()
        .find(|f| f.name == column)
        .map(|f| f.label)
        .unwrap_or("Lists")
}

impl SqliteBackend {
    /// Where `text` matched each of `ids` (the tenant's personas only; an id whose text does
    /// not match is left out). The indexed text is read by rowid (no full-text query, whose
    /// prefix expansion costs milliseconds per row for a one-letter search) and compared in
    /// `store::matched`, as the index compares words. Meant for the rows on screen.
    pub(super) fn search_hits(
        &self,
        s: &Scope<'_>,
        text: &str,
        ids: &[String],
    ) -> Result<Vec<SearchHit>> {
        let words = query_words(text);
        if words.is_empty() {
            return Ok(Vec::new());
        }
        let columns: Vec<String> = FTS_COLUMNS.iter().map(|c| format!("s.{c}")).collect();
        let sql = format!(
            "SELECT {} FROM persona_search_key k JOIN persona_search s ON s.rowid = k.fts_rowid \
             WHERE k.persona_id = ?1 AND s.tenant_id = ?2",
            columns.join(", ")
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut out = Vec::new();
        for id in ids {
            let texts: Option<Vec<Option<String>>> = st
                .query_row(params![id, s.tenant.id], |r| {
                    (0..FTS_COLUMNS.len()).map(|i| r.get(i)).collect()
                })
                .optional()?;
            let Some(texts) = texts else { continue };
            let fields: Vec<(&'static str, &str)> = FTS_COLUMNS
                .iter()
                .zip(&texts)
                .filter_map(|(c, t)| Some((field_label(c), t.as_deref()?)))
                .collect();
            if let Some((field, snippet)) = first_match(&fields, &words) {
                out.push(SearchHit {
                    persona_id: id.clone(),
                    field,
                    snippet,
                });
            }
        }
        Ok(out)
    }

    /// How many of the personas the other filters select have each value of `facet`, in one
    /// grouped query over the tenant's personas (a persona without a score card counts in the
    /// lowest tier, as the tier filter has it).
    pub(super) fn facet_counts(
        &self,
        s: &Scope<'_>,
        facet: Facet,
        f: &Filter,
    ) -> Result<Vec<FacetCount>> {
        let others = facet.others(f);
        let mut args: Vec<Sql> = Vec::new();
        let column = match facet {
            Facet::Archetype => "p.archetype",
            Facet::Status => "p.validation_status",
            Facet::Function => "p.function_name",
            Facet::Tier => "coalesce(v.priority_tier, 'tier_4_low')",
        };
        let from = self.filter_sql(s, &others, &mut args, facet == Facet::Tier);
        let sql = format!("SELECT {column}, count(*){from} GROUP BY 1 ORDER BY 1");
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), |r| {
            Ok(FacetCount {
                value: r.get(0)?,
                count: r.get::<_, i64>(1)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Where persona `id` is in the filtered, sorted list (0-based), or None when the filter
    /// leaves it out. One pass over the matches: for finding a persona just saved.
    pub(super) fn position(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
        id: &str,
    ) -> Result<Option<usize>> {
        let mut args: Vec<Sql> = Vec::new();
        let from = self.filter_sql(s, f, &mut args, sort == SortKey::Tier);
        args.push(Sql::Text(id.to_string()));
        let n = args.len();
        let sql = format!(
            "SELECT rn FROM (SELECT p.id AS id, row_number() OVER (ORDER BY {}) - 1 AS rn{from})              WHERE id = ?{n}",
            order_sql(sort, descending)
        );
        let rn: Option<i64> = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))
            .optional()?;
        Ok(rn.map(|r| r as usize))
    }

    /// The ids of the filtered personas in the browser's order: one pass that a search result
    /// keeps, so scrolling through the matches reads rows by id instead of searching again.
    pub(super) fn matching_ids(
        &self,
        s: &Scope<'_>,
        f: &Filter,
        sort: SortKey,
        descending: bool,
    ) -> Result<Vec<String>> {
        let mut args: Vec<Sql> = Vec::new();
        let from = self.filter_sql(s, f, &mut args, sort == SortKey::Tier);
        let sql = format!("SELECT p.id{from} ORDER BY {}", order_sql(sort, descending));
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(params_from_iter(args.iter()), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The summaries of `ids` (the tenant's), in the order given; an id that is gone is left out.
    pub(super) fn summaries_by_ids(&self, s: &Scope<'_>, ids: &[String]) -> Result<Vec<Summary>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (0..ids.len()).map(|i| format!("?{}", i + 2)).collect();
        // `+p.tenant_id`: the ids are looked up by primary key; left to itself the planner
        // scans the tenant's browse index instead (100 ms at 100,000 personas, not 7).
        let sql = format!(
            "SELECT {} FROM personas p LEFT JOIN persona_vpanes_scoring v ON v.persona_id = p.id \
             WHERE p.id IN ({}) AND +p.tenant_id = ?1",
            summary_columns(),
            marks.join(", ")
        );
        let mut args: Vec<Sql> = vec![Sql::Text(s.tenant.id.clone())];
        args.extend(ids.iter().map(|i| Sql::Text(i.clone())));
        let mut st = self.conn.prepare(&sql)?;
        let found: Vec<Summary> = st
            .query_map(params_from_iter(args.iter()), summary_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_id: std::collections::HashMap<String, Summary> =
            found.into_iter().map(|r| (r.id.clone(), r)).collect();
        Ok(ids.iter().filter_map(|i| by_id.remove(i)).collect())
    }

    /// Stops the statement running on this connection (from another thread): it fails with
    /// an "interrupted" error.
    pub(super) fn interrupter(&self) -> crate::store::Interrupter {
        let handle = self.conn.get_interrupt_handle();
        crate::store::Interrupter::new(move || handle.interrupt())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::StoreError;

    #[test]
    fn fts_columns_are_the_tables_in_order() {
        let b = SqliteBackend::open_in_memory().unwrap();
        let mut st = b.conn.prepare("PRAGMA table_info(persona_search)").unwrap();
        let names: Vec<String> = st
            .query_map([], |r| r.get(1))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(names[..2], ["persona_id", "tenant_id"]);
        assert_eq!(names[2..], *FTS_COLUMNS);
    }

    #[test]
    fn an_interrupted_query_says_so() {
        let b = SqliteBackend::open_in_memory().unwrap();
        let stop = b.interrupter();
        let worker = std::thread::spawn(move || {
            // Runs until stopped.
            let r: rusqlite::Result<i64> = b.conn.query_row(
                "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) \
                 SELECT count(*) FROM c",
                [],
                |r| r.get(0),
            );
            StoreError::from(r.unwrap_err())
        });
        // Stop until it has stopped: a stop before the query starts does nothing.
        while !worker.is_finished() {
            stop.interrupt();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let e = worker.join().unwrap();
        assert!(e.is_interrupted(), "{e}");
        assert!(!StoreError::Busy.is_interrupted());
    }
}

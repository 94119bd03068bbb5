//! Exports: the JSON bundle and the Markdown cards of a selection, in slug order so two exports
//! of the same data are byte-identical.

use super::csv::summaries_csv;
use super::{Format, Selection};
use crate::model::json::bundle_to_json;
use crate::model::markdown::persona_markdown;
use crate::model::{Persona, Summary};
use crate::store::{Filter, Result, SortKey, Store, StoreError};

/// More rows than any tenant holds: `summaries` takes a window, and an export wants all of it.
const ALL_ROWS: usize = usize::MAX >> 1;

/// The selection in the given format, as text ending in a newline.
pub fn export(store: &Store, selection: &Selection, format: Format) -> Result<String> {
    Ok(export_counted(store, selection, format)?.0)
}

/// `export` and how many personas it holds.
pub fn export_counted(
    store: &Store,
    selection: &Selection,
    format: Format,
) -> Result<(String, usize)> {
    Ok(match format {
        Format::Json => {
            let personas = load_selection(store, selection)?;
            (bundle_to_json(&personas), personas.len())
        }
        Format::Markdown => {
            let personas = load_selection(store, selection)?;
            (cards(&personas, store), personas.len())
        }
        Format::Csv => {
            let rows = selected_summaries(store, selection)?;
            (summaries_csv(&rows), rows.len())
        }
    })
}

/// The selection as a bundle (`model::json`): the format `import` reads back losslessly.
pub fn export_json(store: &Store, selection: &Selection) -> Result<String> {
    Ok(bundle_to_json(&load_selection(store, selection)?))
}

/// The selection as Markdown persona cards, separated by a `---` line.
pub fn export_markdown(store: &Store, selection: &Selection) -> Result<String> {
    Ok(cards(&load_selection(store, selection)?, store))
}

fn cards(personas: &[Persona], store: &Store) -> String {
    if personas.is_empty() {
        return String::new();
    }
    let cards: Vec<String> = personas
        .iter()
        .map(|p| persona_markdown(p, store.lookups()).trim_end().to_string())
        .collect();
    // A blank line before `---` keeps it a thematic break (after a text line it would turn
    // that line into a heading).
    cards.join("\n\n---\n\n") + "\n"
}

/// The summaries of the selection, sorted by slug. A named slug that the tenant lacks is an
/// error, so a typo never yields a silently shorter export.
pub fn selected_summaries(store: &Store, selection: &Selection) -> Result<Vec<Summary>> {
    let mut rows = match selection {
        Selection::All => store.summaries(&Filter::default(), SortKey::Name, false, 0, ALL_ROWS)?,
        Selection::Filter(f) => store.summaries(f, SortKey::Name, false, 0, ALL_ROWS)?,
        Selection::Slugs(slugs) => {
            let trash = Filter {
                deleted: true,
                ..Filter::default()
            };
            let mut known =
                store.summaries(&Filter::default(), SortKey::Name, false, 0, ALL_ROWS)?;
            known.extend(store.summaries(&trash, SortKey::Name, false, 0, ALL_ROWS)?);
            let mut out = Vec::new();
            for slug in dedup(slugs) {
                match known.iter().position(|s| s.slug == slug) {
                    Some(i) => out.push(known.swap_remove(i)),
                    None => return Err(not_found(store, slug)),
                }
            }
            out
        }
    };
    rows.sort_by(|a, b| a.slug.cmp(&b.slug));
    Ok(rows)
}

/// The personas of the selection with all their lists, sorted by slug.
pub fn load_selection(store: &Store, selection: &Selection) -> Result<Vec<Persona>> {
    let mut personas = match selection {
        Selection::Slugs(slugs) => {
            let mut out = Vec::new();
            for slug in dedup(slugs) {
                out.push(store.load_by_slug(slug).map_err(|e| match e {
                    StoreError::NotFound(_) => not_found(store, slug),
                    other => other,
                })?);
            }
            out
        }
        other => selected_summaries(store, other)?
            .iter()
            .map(|s| store.load(&s.id))
            .collect::<Result<Vec<_>>>()?,
    };
    personas.sort_by(|a, b| a.slug().cmp(b.slug()));
    Ok(personas)
}

fn dedup(slugs: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for s in slugs {
        if !out.contains(&s.as_str()) {
            out.push(s);
        }
    }
    out
}

fn not_found(store: &Store, slug: &str) -> StoreError {
    StoreError::NotFound(format!(
        "persona \"{slug}\" in tenant \"{}\" (see `persona-studio list`)",
        store.tenant().key
    ))
}

//! A browser filter's pick-list: every value with how many personas have it (under the
//! other filters), from one grouped query; choosing one sets the filter.

use crate::app::App;
use crate::app::popup::{MenuFor, Popup};
use crate::catalog::enums::{ARCHETYPES, PRIORITY_TIERS, VALIDATION_STATUSES};
use crate::catalog::labels;
use crate::store::{Facet, FacetCount};

impl App {
    /// Opens the pick-list of `facet`, its current value selected.
    pub(in crate::app) fn open_facet(&mut self, facet: Facet) {
        let counts = match self.store.facet_counts(facet, &self.browser.filter) {
            Ok(c) => c,
            Err(e) => return self.error(e.to_string()),
        };
        let items = facet_items(facet, &counts);
        let current = facet.get(&self.browser.filter).unwrap_or("");
        let selected = items.iter().position(|(c, _)| c == current).unwrap_or(0);
        self.popups.push(Popup::Menu {
            title: format!("Filter by {}", facet.label()),
            items,
            selected,
            purpose: MenuFor::Facet(facet),
        });
    }

    /// The pick-list's answer: `code` is the value, empty for any.
    pub(in crate::app) fn facet_chosen(&mut self, facet: Facet, code: String) {
        let value = Some(code).filter(|c| !c.is_empty());
        facet.set(&mut self.browser.filter, value);
        self.browser.selected = 0;
        self.browser.top = 0;
        if self.browser.filter.text.trim().is_empty() {
            self.refilter_browser();
        } else {
            self.submit_search();
        }
    }
}

/// (code, label) pairs: "any" first, then the facet's values in their order with counts (a
/// catalog value no persona has shows 0; a function is listed only when some persona has it).
pub fn facet_items(facet: Facet, counts: &[FacetCount]) -> Vec<(String, String)> {
    let count = |v: &str| {
        counts
            .iter()
            .find(|c| c.value.as_deref() == Some(v))
            .map_or(0, |c| c.count)
    };
    let all: usize = counts.iter().map(|c| c.count).sum();
    let mut items = vec![(String::new(), format!("any  ({all})"))];
    let words = |v: &str| match facet {
        Facet::Archetype | Facet::Function => v.to_string(),
        Facet::Status | Facet::Tier => labels::code(v),
    };
    let values: Vec<String> = match facet {
        Facet::Archetype => ARCHETYPES.iter().map(|s| s.to_string()).collect(),
        Facet::Status => VALIDATION_STATUSES.iter().map(|s| s.to_string()).collect(),
        Facet::Tier => PRIORITY_TIERS.iter().map(|s| s.to_string()).collect(),
        Facet::Function => counts.iter().filter_map(|c| c.value.clone()).collect(),
    };
    for v in values {
        let label = format!(
            "{}  ({})",
            crate::model::escape::terminal_line(&words(&v)),
            count(&v)
        );
        items.push((v, label));
    }
    items
}

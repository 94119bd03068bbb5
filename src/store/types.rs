//! The domain types the store's interface returns besides personas: tenants, the check
//! report, the archetype distribution and status history.

use serde::Serialize;

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    /// Things that are wrong: the command exits 1 when there is any.
    pub problems: Vec<String>,
    /// Worth a look, not wrong (an archetype that disagrees with its scores).
    pub warnings: Vec<String>,
    pub personas_checked: usize,
}

/// One row of `v_archetype_distribution` for the store's tenant.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DistributionRow {
    pub archetype: Option<String>,
    pub function_name: Option<String>,
    pub persona_count: i64,
    pub avg_ai_maturity: Option<f64>,
    pub avg_work_complexity: Option<f64>,
    pub avg_vpanes_score: Option<f64>,
}

/// One status move (kept under its old name for the app).
pub type HistoryEntry = crate::model::StatusChange;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Tenant {
    pub id: String,
    pub key: String,
    pub name: String,
}

//! Persona Studio: a keyboard-first terminal editor for the personas of schema v4.0.0,
//! stored in SQLite.

pub mod app;
pub mod catalog;
pub mod cli;
pub mod demo;
pub mod diff;
pub mod digest;
// `gen` is a reserved word from edition 2024 on, hence the raw identifier.
pub mod r#gen;
pub mod model;
pub mod paths;
pub mod recovery;
pub mod rules;
pub mod store;
pub mod sync;
pub mod term;
pub mod transfer;
pub mod ui;
pub mod workflow;

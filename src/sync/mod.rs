//! The team library: keeping a local file and a shared PostgreSQL database in step without
//! silently overwriting anyone. `merge` is the pure three-way merge of one persona; the
//! driver that pulls, merges and pushes through two stores builds on it.

pub mod choices;
pub mod command;
pub mod driver;
pub mod local;
pub mod merge;
#[cfg(test)]
mod merge_tests;
pub mod session;
pub mod settle;
pub mod snapshot;

pub use merge::{Conflict, Merge, Side, merge, resolve};

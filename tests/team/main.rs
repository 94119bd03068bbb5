//! The team library against a real PostgreSQL server: one test binary, so one throwaway
//! cluster serves every test (starting one costs seconds) and the tests share it in parallel,
//! each in a database of its own.

#[path = "../common/pg.rs"]
mod pg;

#[path = "../common/mod.rs"]
mod common;

mod app_sync;
mod platform_tables;
mod remote_persona;
mod remote_schema;
mod sync_cli;
mod sync_many;
mod sync_scenarios;

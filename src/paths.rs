//! Where files live: the database in the platform data dir unless `--db` or
//! `PERSONA_STUDIO_DB` says otherwise.

use std::path::PathBuf;

use directories::ProjectDirs;

pub const DB_ENV: &str = "PERSONA_STUDIO_DB";
pub const USER_ENV: &str = "PERSONA_STUDIO_USER";

pub fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "persona-studio")
}

/// Overrides the data dir (recovery files; and the default database), for tests and for
/// people who keep their data elsewhere.
pub const DATA_ENV: &str = "PERSONA_STUDIO_DATA";

/// The data dir (database, recovery files).
pub fn data_dir() -> PathBuf {
    if let Some(d) = std::env::var_os(DATA_ENV).filter(|v| !v.is_empty()) {
        return PathBuf::from(d);
    }
    project_dirs().map_or_else(|| PathBuf::from("."), |d| d.data_dir().to_path_buf())
}

pub fn default_db_path() -> PathBuf {
    data_dir().join("personas.db")
}

/// `--db`, else `PERSONA_STUDIO_DB`, else the default path. The flag bool tells whether the
/// path is the default one (demo data is loaded into a new default database only).
pub fn resolve_db(flag: Option<PathBuf>) -> (PathBuf, bool) {
    if let Some(p) = flag {
        return (p, false);
    }
    match std::env::var_os(DB_ENV).filter(|v| !v.is_empty()) {
        Some(p) => (PathBuf::from(p), false),
        None => (default_db_path(), true),
    }
}

/// `--user`, else `PERSONA_STUDIO_USER`, else the login name.
pub fn resolve_user(flag: Option<String>) -> String {
    flag.filter(|s| !s.trim().is_empty())
        .or_else(|| {
            std::env::var(USER_ENV)
                .ok()
                .filter(|s| !s.trim().is_empty())
        })
        .or_else(|| std::env::var("USER").ok().filter(|s| !s.trim().is_empty()))
        .or_else(|| {
            std::env::var("USERNAME")
                .ok()
                .filter(|s| !s.trim().is_empty())
        })
        .unwrap_or_else(|| "local".to_string())
}

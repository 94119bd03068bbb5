//! Recovery files: where they live, how they are named and written, and finding them again.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::Recovery;

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("recovery")
}

/// 64-bit FNV-1a of the database path and the tenant, written out here because std's
/// `DefaultHasher` is randomly keyed per process and the name must be the same next time.
/// File names never hold the tenant key itself (it may say more than a file name should).
pub fn file_prefix(db: &str, tenant: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in db.bytes().chain([0]).chain(tenant.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Writes a recovery file atomically (temp file and rename), readable by its owner only
/// (it holds unpublished research); returns its path.
pub fn write(dir: &Path, r: &Recovery) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Not fatal: the files themselves are 0600 either way.
        let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
    }
    let name = format!(
        "{}-{}.json",
        file_prefix(&r.db, &r.tenant),
        uuid::Uuid::new_v4().simple()
    );
    let path = dir.join(name);
    let tmp = path.with_extension("tmp");
    let text = serde_json::to_string_pretty(r).map_err(std::io::Error::other)?;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp)?;
    f.write_all(text.as_bytes())?;
    f.sync_all()?;
    std::fs::rename(&tmp, &path)?;
    Ok(path)
}

/// Recovery files for this database and tenant, oldest first. Unreadable files are skipped
/// (and left in place for a person to look at).
pub fn find(dir: &Path, db: &str, tenant: &str) -> Vec<(PathBuf, Recovery)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(PathBuf, Recovery)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| {
            let r: Recovery = serde_json::from_str(&std::fs::read_to_string(&p).ok()?).ok()?;
            (r.db == db && r.tenant == tenant).then_some((p, r))
        })
        .collect();
    out.sort_by(|a, b| a.1.saved_at.cmp(&b.1.saved_at));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_prefix_is_a_stable_hash_that_hides_the_tenant() {
        // The prefix hashes "db\0tenant": for an empty path and tenant that is one NUL byte,
        // whose FNV-1a 64 is the published af63bd4c8601b7df. This pins the algorithm, not
        // just its determinism within one process.
        assert_eq!(file_prefix("", ""), "af63bd4c8601b7df");
        let p = file_prefix("/data/personas.db", "acme-secret");
        assert_eq!(p, file_prefix("/data/personas.db", "acme-secret"));
        assert_ne!(p, file_prefix("/data/personas.db", "acme"));
        assert_ne!(p, file_prefix("/data/other.db", "acme-secret"));
        assert!(!p.contains("acme"));
    }
}

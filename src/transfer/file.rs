//! Files in and out: a size-guarded reader for bundles (a path or `-` for standard input) and
//! an atomic writer, so a crash or a full disk never leaves half an export behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use super::import::ImportError;
use crate::store::{Store, StoreError};

/// The largest bundle `import` reads. The whole file is parsed in memory, and the parsed
/// values take about ten times the text's size at their peak (serde_json's tree, then the
/// personas): 256 MiB needed 3.4 GB. At 64 MiB (about 6,000 personas with full lists) an import
/// stays under about 1 GB; a bigger file is refused before reading, with the advice to split it.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// The text of a bundle: the file at `source`, or standard input when it is `-`.
pub fn read_source(source: &str) -> Result<String, ImportError> {
    read_source_limited(source, MAX_IMPORT_BYTES)
}

/// `read_source` with another size limit in bytes.
pub fn read_source_limited(source: &str, limit: u64) -> Result<String, ImportError> {
    if source == "-" {
        let bytes = read_limited(io::stdin().lock(), limit, "standard input")?;
        return decode(bytes, "standard input");
    }
    let cannot = |e: io::Error| ImportError::Read {
        name: source.to_string(),
        reason: e.to_string(),
    };
    let meta = fs::metadata(source).map_err(cannot)?;
    if meta.is_dir() {
        return Err(ImportError::Read {
            name: source.to_string(),
            reason: "it is a folder, not a file".into(),
        });
    }
    // The length check spares reading a huge file; `read_limited` still guards pipes and
    // files that grow while being read.
    if meta.len() > limit {
        return Err(ImportError::TooLarge {
            name: source.to_string(),
            size: Some(meta.len()),
            limit,
        });
    }
    let bytes = read_limited(File::open(source).map_err(cannot)?, limit, source)?;
    decode(bytes, source)
}

/// Reads at most `limit` bytes; more is an error, never a truncated bundle.
pub fn read_limited(reader: impl Read, limit: u64, name: &str) -> Result<Vec<u8>, ImportError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Read {
            name: name.to_string(),
            reason: e.to_string(),
        })?;
    if bytes.len() as u64 > limit {
        return Err(ImportError::TooLarge {
            name: name.to_string(),
            size: None,
            limit,
        });
    }
    Ok(bytes)
}

/// UTF-8 text, without the byte-order mark some Windows editors put first.
pub fn decode(mut bytes: Vec<u8>, name: &str) -> Result<String, ImportError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        name: name.to_string(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The suffixes SQLite gives the files that belong to a database: its write-ahead log, the
/// log's shared-memory index and the rollback journal. Replacing any of them loses or damages
/// committed data, so an export never writes one.
const DATABASE_SUFFIXES: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Refuses an export target that belongs to an SQLite database: the store's own file and its
/// `-wal`, `-shm` and `-journal` files, any other SQLite database (found by its header) and its
/// companions, a symlink that leads to one of these, and a folder.
pub fn check_export_path(store: &Store, path: &Path) -> Result<(), StoreError> {
    let shown = path.display().to_string();
    let refuse = || StoreError::ExportOverDatabase {
        path: shown.clone(),
    };
    let ends_in_slash = path.as_os_str().to_string_lossy().ends_with('/');
    let target = resolve_target(path)?;
    if ends_in_slash || target.is_dir() {
        return Err(StoreError::Usage(format!(
            "{shown} is a folder; give a file name for the export, e.g. {}",
            path.join("personas.json").display()
        )));
    }
    let target = canonical_in_folder(&target);
    if let Some(db) = store.path() {
        let db = canonical_in_folder(db);
        let mut own = vec![db.clone()];
        for suffix in DATABASE_SUFFIXES {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            own.push(name.into());
        }
        if own.contains(&target) {
            return Err(refuse());
        }
    }
    if is_sqlite_file(&target) {
        return Err(refuse());
    }
    let name = target.to_string_lossy();
    for suffix in DATABASE_SUFFIXES {
        if let Some(base) = name.strip_suffix(suffix)
            && is_sqlite_file(Path::new(base))
        {
            return Err(refuse());
        }
    }
    Ok(())
}

/// Whether the file starts with SQLite's 16-byte header.
fn is_sqlite_file(path: &Path) -> bool {
    let mut head = [0u8; 16];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok_and(|()| &head == b"SQLite format 3\0")
}

/// The path with its folder made canonical (symlinked folders resolved), so two spellings of
/// the same file compare equal even when the file does not exist yet.
fn canonical_in_folder(path: &Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (dir.canonicalize(), path.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => path.to_path_buf(),
    }
}

/// The file a write to `path` should replace: `path` itself, or, when it is a symlink, the
/// file the chain of links ends at (which may not exist yet). Writing replaces that file, so
/// the link stays a link.
pub fn resolve_target(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // 40 hops, as the kernel allows, so a loop of links is an error rather than a hang.
    for _ in 0..40 {
        match fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{}: too many levels of symbolic links", path.display()),
    ))
}

/// Writes `contents` to a temporary file in the target's folder and renames it over the
/// target, so readers see the old file or the whole new one, never a part.
/// A symlink is followed: its target is replaced and the link stays.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    let path = &resolve_target(path)?;
    let named =
        |e: io::Error| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()));
    let Some(name) = path.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "cannot write {}: it names a folder, not a file",
                path.display()
            ),
        ));
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut attempt = 0;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(
            ".{}.{}-{attempt}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => break (tmp, f),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(named(e)),
        }
    };
    let written = (|| {
        file.write_all(contents)?;
        // Keep the permissions of a file being replaced (a private 0600 export stays private).
        if let Ok(meta) = fs::metadata(path) {
            fs::set_permissions(&tmp, meta.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(named(e));
    }
    // Make the rename itself durable; folders cannot be opened for this on every platform.
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

//! Files in and out: a size-guarded reader for bundles (a path or `-` for standard input) and
//! an atomic writer, so a crash or a full disk never leaves half an export behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

use super::import::ImportError;
use crate::store::{Store, StoreError};

/// The largest bundle `import` reads. The whole file is parsed in memory (several times its
/// size), so a bigger one is refused before reading rather than exhausting memory.
pub const MAX_IMPORT_BYTES: u64 = 256 * 1024 * 1024;

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

/// Refuses to export over the store's own database file, which would destroy the data.
pub fn check_export_path(store: &Store, path: &Path) -> Result<(), StoreError> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    if store.path().is_some_and(|db| same(db, path)) {
        return Err(StoreError::ExportOverDatabase {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// Writes `contents` to a temporary file in the target's folder and renames it over the
/// target, so readers see the old file or the whole new one, never a part.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
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

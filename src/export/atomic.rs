//! Atomic file writes: a temporary file in the target's folder, flushed and fsynced, then
//! renamed over the target. A reader never sees a half-written export, and a failed write leaves
//! the old file in place.

use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically. Errors name the path.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// Like `write_atomic`, streaming: `fill` writes the content.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let with_path = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".chronomap-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(with_path)?;
    let mut writer = BufWriter::new(tmp);
    fill(&mut writer).map_err(with_path)?;
    let tmp = writer.into_inner().map_err(|e| with_path(e.into_error()))?;
    tmp.as_file().sync_all().map_err(with_path)?;
    tmp.persist(path).map_err(|e| with_path(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.json");
        std::fs::write(&target, "old").unwrap();
        write_atomic(&target, b"new content").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new content");
        let failed = write_atomic_with(&target, |w| {
            w.write_all(b"partial")?;
            Err(io::Error::other("disk on fire"))
        });
        assert!(failed.unwrap_err().to_string().contains("out.json"));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new content");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_path() {
        let err = write_atomic(Path::new("/nonexistent-chronomap-dir/x.csv"), b"x").unwrap_err();
        assert!(err.to_string().contains("/nonexistent-chronomap-dir/x.csv"));
    }
}

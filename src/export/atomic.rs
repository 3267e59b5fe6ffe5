//! Atomic file writes: a temporary file in the target's folder, flushed and fsynced, then
//! renamed over the target. A reader never sees a half-written export, and a failed write leaves
//! the old file in place.
//!
//! Only regular files are replaced that way. A target that is a device, a FIFO or a socket
//! (`--out /dev/null`, `--out /dev/stdout`, a named pipe) is written in place: renaming over
//! it would swap the device for a plain file — as root, `/dev/null` itself — which then broke
//! every later program on that machine that reads from /dev/null.

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
    if is_special_file(path) {
        let file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(with_path)?;
        let mut writer = BufWriter::new(file);
        fill(&mut writer).map_err(with_path)?;
        return writer.flush().map_err(with_path);
    }
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

/// An existing target (after symlinks) that is neither a regular file nor a folder.
fn is_special_file(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.is_file() && !m.is_dir())
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

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_is_written_in_place_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        let (sent, received) = std::sync::mpsc::channel();
        let reader_path = fifo.clone();
        // The reader blocks until a writer opens the pipe; a rename would never open it, so the
        // result is awaited with a timeout rather than by joining the thread.
        std::thread::spawn(move || {
            let _ = sent.send(std::fs::read_to_string(&reader_path));
        });
        write_atomic(&fifo, b"through the pipe").unwrap();
        let meta = std::fs::symlink_metadata(&fifo).unwrap();
        assert!(
            meta.file_type().is_fifo(),
            "the pipe was replaced by a file"
        );
        let text = received
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the reader never saw a writer")
            .unwrap();
        assert_eq!(text, "through the pipe");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n.to_string_lossy().starts_with(".chronomap-"))
            .collect();
        assert!(leftovers.is_empty(), "temporaries left: {leftovers:?}");
    }
}

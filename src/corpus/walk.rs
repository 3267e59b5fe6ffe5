//! Finding article files under the paths the user gave: recursive, sorted, skipping hidden
//! entries and `.chronomap/`, following symlinks but never around a loop.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::CorpusWarning;

/// Extensions read as articles. Files without an extension are read as plain text.
pub const ARTICLE_EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "json", "jsonl", "ndjson",
];

/// A warning about `path`, named relative to the root the user gave (like article paths).
pub fn warning(root: &Path, path: &Path, message: impl Into<String>) -> CorpusWarning {
    let shown = if path == root {
        path.display().to_string()
    } else {
        super::relative_path(root, path)
    };
    CorpusWarning {
        path: shown,
        message: message.into(),
    }
}

pub fn list_files(paths: &[PathBuf], warnings: &mut Vec<CorpusWarning>) -> Vec<(PathBuf, PathBuf)> {
    let mut out: Vec<(PathBuf, PathBuf)> = Vec::new();
    // A file reachable from two of the given paths is read once; a set keeps this linear
    // (a scan of `out` per file was quadratic and dominated 100 MB corpora).
    let mut listed: HashSet<PathBuf> = HashSet::new();
    for root in paths {
        let mut found = Vec::new();
        match fs::metadata(root) {
            Ok(md) if md.is_dir() => {
                let mut visited = HashSet::new();
                if let Ok(canon) = fs::canonicalize(root) {
                    visited.insert(canon);
                }
                walk_dir(root, root, &mut visited, &mut found, warnings);
            }
            Ok(md) if md.is_file() => found.push(root.clone()),
            Ok(_) => warnings.push(warning(root, root, "not a regular file or folder, skipped")),
            Err(e) => warnings.push(warning(
                root,
                root,
                link_problem(root).unwrap_or_else(|| format!("cannot open: {e}")),
            )),
        }
        found.sort();
        for file in found {
            if listed.insert(file.clone()) {
                out.push((root.clone(), file));
            }
        }
    }
    out
}

fn walk_dir(
    root: &Path,
    dir: &Path,
    visited: &mut HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
    warnings: &mut Vec<CorpusWarning>,
) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            warnings.push(warning(root, dir, format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let name = entry.file_name();
        // Hidden files and folders (including `.chronomap/`, the app's own state) are not articles.
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(ftype) = entry.file_type() else {
            warnings.push(warning(root, &path, "cannot read file type, skipped"));
            continue;
        };
        // The entry's own type needs no system call; only a symlink is followed with a stat.
        let kind = if ftype.is_symlink() {
            match fs::metadata(&path) {
                Ok(md) => md.file_type(),
                Err(e) => {
                    warnings.push(warning(
                        root,
                        &path,
                        link_problem(&path)
                            .unwrap_or_else(|| format!("cannot follow symlink: {e}")),
                    ));
                    continue;
                }
            }
        } else {
            ftype
        };
        if kind.is_dir() {
            let canon = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !visited.insert(canon.clone()) {
                warnings.push(warning(
                    root,
                    &path,
                    format!(
                        "symlink loop: leads back to {} which is already being read, skipped",
                        canon.display()
                    ),
                ));
                continue;
            }
            walk_dir(root, &path, visited, out, warnings);
        } else if kind.is_file() {
            if has_article_extension(&path) {
                out.push(path);
            } else {
                let ext = path
                    .extension()
                    .map(|e| e.to_string_lossy().into_owned())
                    .unwrap_or_default();
                warnings.push(warning(
                    root,
                    &path,
                    format!("unsupported file type .{ext}, skipped"),
                ));
            }
        } else {
            warnings.push(warning(
                root,
                &path,
                format!("not a regular file ({}), skipped", special_kind(&kind)),
            ));
        }
    }
}

pub fn has_article_extension(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => {
            let ext = ext.to_string_lossy().to_ascii_lowercase();
            ARTICLE_EXTENSIONS.contains(&ext.as_str())
        }
    }
}

/// For a path that cannot be followed: "broken symlink" or "symlink loop".
fn link_problem(path: &Path) -> Option<String> {
    let target = fs::read_link(path).ok()?;
    let err = fs::metadata(path).err()?;
    // ELOOP on Linux and macOS.
    if err.raw_os_error() == Some(40) || err.raw_os_error() == Some(62) {
        return Some(format!("symlink loop (-> {}), skipped", target.display()));
    }
    Some(format!(
        "broken symlink (-> {} does not exist), skipped",
        target.display()
    ))
}

#[cfg(unix)]
fn special_kind(t: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        "a named pipe"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_t: &fs::FileType) -> &'static str {
    "special file"
}

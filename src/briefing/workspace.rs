//! The workspace: the storyboard and playback settings of one corpus, saved between sessions.
//!
//! It is stored in chronomap's data folder, keyed by the corpus path, and never inside the
//! user's corpus folder (chronomap never writes there). Writes are atomic; the previous file
//! is kept as `.bak`, and a file that cannot be read is set aside as `.corrupt` before
//! anything overwrites it, so the user's work is never silently lost.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Playback, Storyboard};
use crate::export::write_atomic;

pub const WORKSPACE_SCHEMA: &str = "chronomap/workspace@1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub schema: String,
    /// The corpus this workspace belongs to (for the user; the file name is its hash).
    pub corpus: PathBuf,
    #[serde(default)]
    pub storyboard: Storyboard,
    #[serde(default)]
    pub playback: Playback,
}

impl Workspace {
    pub fn new(corpus: &Path) -> Self {
        Self {
            schema: WORKSPACE_SCHEMA.to_owned(),
            corpus: corpus.to_path_buf(),
            storyboard: Storyboard::default(),
            playback: Playback::default(),
        }
    }
}

/// Where workspaces are kept: one JSON file per corpus in a folder.
#[derive(Debug, Clone)]
pub struct WorkspaceStore {
    pub dir: PathBuf,
}

impl WorkspaceStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// `$CHRONOMAP_DATA_DIR/workspaces`, else `$XDG_DATA_HOME/chronomap/workspaces`, else
    /// `~/.local/share/chronomap/workspaces`; `None` when no home folder is known.
    pub fn default_location() -> Option<Self> {
        let env = |k: &str| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let base = env("CHRONOMAP_DATA_DIR")
            .or_else(|| env("XDG_DATA_HOME").map(|d| d.join("chronomap")))
            .or_else(|| env("HOME").map(|h| h.join(".local/share/chronomap")))
            .or_else(|| env("APPDATA").map(|h| h.join("chronomap")))?;
        Some(Self::new(base.join("workspaces")))
    }

    /// The workspace file of a corpus: a stable hash of its absolute path.
    pub fn path_for(&self, corpus: &Path) -> PathBuf {
        let key = std::fs::canonicalize(corpus).unwrap_or_else(|_| corpus.to_path_buf());
        // FNV-1a: stable across runs and platforms, unlike std's RandomState.
        let hash = key
            .to_string_lossy()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        let stem: String = key
            .file_name()
            .map(|n| {
                n.to_string_lossy()
                    .chars()
                    .filter(|c| c.is_alphanumeric() || *c == '-')
                    .take(32)
                    .collect()
            })
            .unwrap_or_default();
        self.dir.join(format!("{stem}-{hash:016x}.json"))
    }

    /// The saved workspace of a corpus, or a new one. A warning (naming the file) explains
    /// anything that went wrong; a damaged file is set aside and its `.bak` used if readable.
    pub fn load(&self, corpus: &Path) -> (Workspace, Option<String>) {
        let path = self.path_for(corpus);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Workspace::new(corpus), None);
            }
            Err(e) => {
                return (
                    Workspace::new(corpus),
                    Some(format!(
                        "{}: could not read the workspace: {e}",
                        path.display()
                    )),
                );
            }
        };
        match serde_json::from_slice::<Workspace>(&bytes) {
            Ok(ws) => (ws, None),
            Err(e) => {
                let aside = path.with_extension("json.corrupt");
                let _ = std::fs::copy(&path, &aside);
                let bak = path.with_extension("json.bak");
                let from_bak = std::fs::read(&bak)
                    .ok()
                    .and_then(|b| serde_json::from_slice::<Workspace>(&b).ok());
                let msg = format!(
                    "{}: the workspace file is damaged ({e}); it was kept as {}{}",
                    path.display(),
                    aside.display(),
                    if from_bak.is_some() {
                        "; the previous save was restored"
                    } else {
                        "; starting with an empty storyboard"
                    }
                );
                (
                    from_bak.unwrap_or_else(|| Workspace::new(corpus)),
                    Some(msg),
                )
            }
        }
    }

    /// Saves atomically, keeping the previous good file as `.bak`.
    pub fn save(&self, corpus: &Path, ws: &Workspace) -> std::io::Result<PathBuf> {
        std::fs::create_dir_all(&self.dir)
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", self.dir.display())))?;
        let path = self.path_for(corpus);
        if let Ok(old) = std::fs::read(&path)
            && serde_json::from_slice::<Workspace>(&old).is_ok()
        {
            write_atomic(&path.with_extension("json.bak"), &old)?;
        }
        let json = serde_json::to_vec_pretty(ws).map_err(std::io::Error::other)?;
        write_atomic(&path, &json)?;
        Ok(path)
    }
}

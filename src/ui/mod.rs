//! The egui desktop app. It reads the `Store` and changes state only through `Command`s,
//! applied once per frame.

pub mod app;
pub mod article_pane;
pub mod briefing;
pub mod command;
pub mod event_list;
pub mod filters;
pub mod loader;
pub mod map;
pub mod theme;
pub mod timeline;
pub mod warnings;

use std::path::{Path, PathBuf};

pub use app::ChronomapApp;

/// Opens the desktop window on the given folders or files. With no paths the app reopens the
/// last corpus, or the bundled sample corpus.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    install_tls_provider();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("chronomap")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "chronomap",
        options,
        Box::new(move |cc| Ok(Box::new(ChronomapApp::new(cc, paths)))),
    )
    .map_err(|e| anyhow::anyhow!("could not open the chronomap window: {e}"))
}

/// walkers' reqwest is built with `rustls-no-provider`, so https (online tiles) needs a process
/// crypto provider. ring is installed rather than aws-lc-rs, which needs cmake and a long C
/// build. Installing twice is harmless: the second attempt is refused and ignored.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Where the bundled sample corpus is: next to the current directory, next to the executable
/// (`target/<profile>/chronomap` → `../../data`), or in the source tree as a last resort.
pub fn default_corpus_path() -> Option<PathBuf> {
    let rel = Path::new("data").join("sample-corpus");
    let mut candidates = vec![rel.clone()];
    if let Ok(exe) = std::env::current_exe()
        && let Some(dir) = exe.parent()
    {
        candidates.push(dir.join("..").join("..").join(&rel));
        candidates.push(dir.join(&rel));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join(&rel));
    candidates.into_iter().find(|p| p.is_dir())
}

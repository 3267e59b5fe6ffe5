//! PNG export of the current view: map and timeline together, with legend, attribution and an
//! optional title, at any resolution.

use std::path::Path;

use super::render::{RenderOptions, Renderer, Scene};
use super::write_atomic;
use crate::store::Store;

/// The encoded PNG of one rendered view.
pub fn render_png(store: &Store, scene: &Scene, opts: &RenderOptions) -> std::io::Result<Vec<u8>> {
    let pm = Renderer::new(opts.clone()).render(store, scene);
    pm.encode_png()
        .map_err(|e| std::io::Error::other(format!("PNG encoding failed: {e}")))
}

/// Renders and writes a PNG atomically. Errors name the path.
pub fn write_png(
    path: &Path,
    store: &Store,
    scene: &Scene,
    opts: &RenderOptions,
) -> std::io::Result<()> {
    write_png_with_progress(path, store, scene, opts, &|_| {})
}

/// `write_png`, reporting the fraction done (0–1) after drawing, after encoding and once the
/// file is in place, for the export dialog's progress bar.
pub fn write_png_with_progress(
    path: &Path,
    store: &Store,
    scene: &Scene,
    opts: &RenderOptions,
    report: &dyn Fn(f32),
) -> std::io::Result<()> {
    let named = |e: String| std::io::Error::other(format!("{}: {e}", path.display()));
    let pm = Renderer::new(opts.clone()).render(store, scene);
    // Drawing is most of the work; encoding a large image is the rest of it.
    report(0.6);
    let bytes = pm
        .encode_png()
        .map_err(|e| named(format!("PNG encoding failed: {e}")))?;
    report(0.9);
    write_atomic(path, &bytes)?;
    report(1.0);
    Ok(())
}

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
    let bytes = render_png(store, scene, opts)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    write_atomic(path, &bytes)
}

//! Slide decks from the storyboard: one PNG per slide, a single self-contained HTML file (images
//! embedded as base64, arrow-key navigation, works offline), and a PDF.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use base64::Engine as _;
use rayon::prelude::*;
use tiny_skia::Pixmap;

use super::pdf::{PdfPage, write_pdf};
use super::render::{RenderOptions, Renderer, Scene, to_rgb};
use super::write_atomic;
use crate::briefing::{Slide, Storyboard};
use crate::store::{Filter, Store};
use crate::theme::Palette;

#[derive(Debug, Clone, PartialEq)]
pub struct DeckOptions {
    pub width: u32,
    pub height: u32,
    pub palette: Palette,
    pub pixel_ratio: f32,
    /// Draw each slide's title and caption into the image (the PDF and PNGs need it; the HTML
    /// shows the caption as text as well).
    pub caption_in_image: bool,
}

impl Default for DeckOptions {
    fn default() -> Self {
        Self {
            width: 1280,
            height: 720,
            palette: crate::theme::HIGH_CONTRAST,
            pixel_ratio: 1.0,
            caption_in_image: true,
        }
    }
}

/// The scene of a slide: its filter and time range, its events highlighted and its annotations.
pub fn slide_scene(store: &Store, slide: &Slide) -> Scene {
    let filter = Filter {
        time: slide.time.or(slide.filter.time),
        ..slide.filter.clone()
    };
    let visible = store.filtered(&filter);
    let context = store.filtered(&Filter {
        time: None,
        ..slide.filter.clone()
    });
    let mut scene = Scene::all(&visible);
    scene.timeline_events = context;
    scene.time_range = store.time_extent();
    scene.window = filter.time.map(|(a, b)| {
        (
            crate::briefing::day_number(a),
            crate::briefing::day_number(b) + 1.0,
        )
    });
    scene.highlighted = slide.resolve_events(store);
    // Highlighted events stay on the map even when the slide's filter would hide them.
    for &i in &scene.highlighted {
        if !scene.events.iter().any(|(j, _, _)| *j == i) {
            scene.events.push((i, 1.0, 0.0));
        }
    }
    scene.annotations = slide.annotations.clone();
    scene
}

pub fn render_slide(store: &Store, slide: &Slide, opts: &DeckOptions) -> Pixmap {
    let mut r = RenderOptions::new(opts.width, opts.height, slide.view);
    r.palette = opts.palette;
    r.pixel_ratio = opts.pixel_ratio;
    if opts.caption_in_image {
        r.title = (!slide.title.is_empty()).then(|| slide.title.clone());
        r.caption = (!slide.caption.is_empty()).then(|| slide.caption.clone());
    }
    Renderer::new(r).render(store, &slide_scene(store, slide))
}

/// Renders every slide in parallel. `None` when cancelled.
pub fn render_deck(
    store: &Store,
    board: &Storyboard,
    opts: &DeckOptions,
    progress: &(dyn Fn(f32) + Sync),
    cancel: &AtomicBool,
) -> Option<Vec<Pixmap>> {
    let done = std::sync::atomic::AtomicUsize::new(0);
    let n = board.slides.len().max(1);
    let images: Vec<Option<Pixmap>> = board
        .slides
        .par_iter()
        .map(|s| {
            if cancel.load(Ordering::Relaxed) {
                return None;
            }
            let pm = render_slide(store, s, opts);
            progress((done.fetch_add(1, Ordering::Relaxed) + 1) as f32 / n as f32);
            Some(pm)
        })
        .collect();
    images.into_iter().collect()
}

fn encode(pm: &Pixmap) -> std::io::Result<Vec<u8>> {
    pm.encode_png()
        .map_err(|e| std::io::Error::other(format!("PNG encoding failed: {e}")))
}

/// Writes `slide-01.png`, `slide-02.png`, … into `dir`; returns the paths.
pub fn write_slide_pngs(dir: &Path, images: &[Pixmap]) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::new();
    for (i, pm) in images.iter().enumerate() {
        let path = dir.join(format!("slide-{:02}.png", i + 1));
        write_atomic(&path, &encode(pm)?)?;
        paths.push(path);
    }
    Ok(paths)
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// One HTML file holding every slide image (base64 PNG), its title and caption, with
/// keyboard navigation (Right/Space/PageDown next, Left/PageUp previous, Home/End).
pub fn deck_html(title: &str, board: &Storyboard, images: &[Pixmap]) -> std::io::Result<String> {
    let mut sections = String::new();
    for (i, (slide, pm)) in board.slides.iter().zip(images).enumerate() {
        let b64 = base64::engine::general_purpose::STANDARD.encode(encode(pm)?);
        sections.push_str(&format!(
            "<section class=\"slide\" id=\"slide-{n}\" data-index=\"{i}\">\n<h1>{t}</h1>\n<img alt=\"{t}\" src=\"data:image/png;base64,{b64}\">\n<p class=\"caption\">{c}</p>\n<p class=\"counter\">{n} / {total}</p>\n</section>\n",
            n = i + 1,
            t = html_escape(&slide.title),
            c = html_escape(&slide.caption),
            total = board.slides.len(),
        ));
    }
    Ok(format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
html, body {{ margin: 0; height: 100%; background: #000; color: #fff; font-family: "DejaVu Sans", Arial, sans-serif; }}
.slide {{ display: none; height: 100vh; box-sizing: border-box; padding: 1.5vh 2vw; flex-direction: column; align-items: center; }}
.slide.active {{ display: flex; }}
.slide h1 {{ font-size: 3.2vh; margin: 0 0 1vh 0; }}
.slide img {{ max-width: 100%; max-height: 78vh; object-fit: contain; }}
.caption {{ font-size: 2.4vh; max-width: 90vw; margin: 1.2vh 0 0 0; }}
.counter {{ position: fixed; right: 1.5vw; bottom: 1vh; font-size: 1.6vh; opacity: 0.7; margin: 0; }}
</style>
</head>
<body>
{sections}<script>
(function () {{
  var slides = document.querySelectorAll('.slide');
  var current = 0;
  function show(i) {{
    if (slides.length === 0) return;
    current = Math.max(0, Math.min(slides.length - 1, i));
    slides.forEach(function (s, k) {{ s.classList.toggle('active', k === current); }});
  }}
  document.addEventListener('keydown', function (e) {{
    if (e.key === 'ArrowRight' || e.key === ' ' || e.key === 'PageDown') {{ show(current + 1); e.preventDefault(); }}
    else if (e.key === 'ArrowLeft' || e.key === 'PageUp') {{ show(current - 1); e.preventDefault(); }}
    else if (e.key === 'Home') {{ show(0); }}
    else if (e.key === 'End') {{ show(slides.length - 1); }}
  }});
  document.addEventListener('click', function () {{ show(current + 1); }});
  show(0);
}})();
</script>
</body>
</html>
"#,
        title = html_escape(title),
    ))
}

pub fn write_deck_html(
    path: &Path,
    title: &str,
    board: &Storyboard,
    images: &[Pixmap],
) -> std::io::Result<()> {
    let html = deck_html(title, board, images)
        .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
    write_atomic(path, html.as_bytes())
}

pub fn write_deck_pdf(path: &Path, title: &str, images: &[Pixmap]) -> std::io::Result<()> {
    let rgbs: Vec<Vec<u8>> = images.par_iter().map(to_rgb).collect();
    let pages: Vec<PdfPage<'_>> = images
        .iter()
        .zip(&rgbs)
        .map(|(pm, rgb)| PdfPage {
            width: pm.width(),
            height: pm.height(),
            rgb,
        })
        .collect();
    write_pdf(path, title, &pages)
}

//! Draws the embedded offline basemap (`crate::basemap`) under the events: water, land and
//! lakes as meshes, coastlines, borders and rivers as lines, and place labels with a halo,
//! placed largest first without overlaps.

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, FontId, Painter, Pos2, Rect, Response, Shape, Stroke, Ui, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::symbols::{color, faded};
use super::transform::WorldToScreen;
use crate::basemap::{self, Basemap, Layers, Polyline};
use crate::extract::plain_letters::plain_latin_letter;
use crate::theme::Palette;

/// Labels placed per frame at most; more would be unreadable anyway.
const MAX_LABELS: usize = 90;
/// Label candidates examined per frame at most (they come best first).
const MAX_LABEL_CANDIDATES: usize = 1500;

/// A walkers plugin that paints the basemap.
pub struct BasemapLayer<'a> {
    pub palette: &'a Palette,
    /// False when raster tiles are drawn below: then only lines and labels are added.
    pub fill: bool,
    /// False when the caller draws the labels itself, after the events, so they avoid them.
    pub labels: bool,
}

impl Plugin for BasemapLayer<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut Ui,
        _response: &Response,
        projector: &Projector,
        _memory: &MapMemory,
    ) {
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let t = WorldToScreen::from_projector(projector);
        draw_basemap(
            &painter,
            &t,
            projector.zoom() as f32,
            self.palette,
            self.fill,
            self.labels,
            Basemap::global(),
        );
    }
}

pub fn draw_basemap(
    painter: &Painter,
    t: &WorldToScreen,
    zoom: f32,
    palette: &Palette,
    fill: bool,
    labels: bool,
    map: &Basemap,
) {
    let layers = map.lod(zoom);
    let view = t.visible_world(2.0);
    if fill {
        painter.rect_filled(t.rect, 0.0, color(palette.water));
        painter.add(Shape::mesh(meshes(
            layers.land.as_slice(),
            view,
            t,
            color(palette.land),
        )));
        painter.add(Shape::mesh(meshes(
            layers.lakes.as_slice(),
            view,
            t,
            color(palette.lake),
        )));
    }
    draw_line_layers(painter, t, zoom, palette, layers);
    if labels {
        draw_label_layer(painter, t, zoom, palette, &map.labels, &[], &[]);
    }
}

fn meshes(items: &[basemap::Mesh], view: [f32; 4], t: &WorldToScreen, fill: Color32) -> Mesh {
    let mut out = Mesh::default();
    for m in basemap::visible(items, view) {
        let base = out.vertices.len() as u32;
        out.vertices.extend(m.vertices.iter().map(|&w| Vertex {
            pos: t.apply32(w),
            uv: WHITE_UV,
            color: fill,
        }));
        out.indices.extend(m.indices.iter().map(|&i| base + i));
    }
    out
}

/// Adds one polyline, dropping points closer than half a point to the previous one: the
/// basemap is denser than the screen at low zoom, and egui tessellates every point.
fn add_line(painter: &Painter, t: &WorldToScreen, line: &Polyline, stroke: Stroke) {
    let mut pts: Vec<Pos2> = Vec::with_capacity(line.points.len());
    for &w in &line.points {
        let p = t.apply32(w);
        if pts
            .last()
            .is_none_or(|q: &Pos2| (p - *q).length_sq() >= 0.25)
        {
            pts.push(p);
        }
    }
    if let Some(&last) = line.points.last() {
        let p = t.apply32(last);
        if pts.last() != Some(&p) {
            pts.push(p);
        }
    }
    if pts.len() >= 2 {
        painter.add(Shape::line(pts, stroke));
    }
}

/// Draws coastlines, borders and rivers with the palette.
pub fn draw_line_layers(
    painter: &Painter,
    t: &WorldToScreen,
    zoom: f32,
    palette: &Palette,
    layers: &Layers,
) {
    let view = t.visible_world(2.0);
    let grow = 0.75 + 0.08 * zoom.clamp(0.0, 12.0);
    for r in basemap::visible(&layers.rivers, view) {
        if r.min_zoom <= zoom {
            add_line(painter, t, r, Stroke::new(1.0 * grow, color(palette.river)));
        }
    }
    for c in basemap::visible(&layers.coastlines, view) {
        add_line(
            painter,
            t,
            c,
            Stroke::new(0.9 * grow, color(palette.coastline)),
        );
    }
    for b in basemap::visible(&layers.borders, view) {
        add_line(
            painter,
            t,
            b,
            Stroke::new(0.8 * grow, faded(palette.border, 0.85)),
        );
    }
}

/// Places labels best first, right of their dot or else left, above or below it, skipping any that would
/// overlap one already placed or one of the `obstacles` (event symbols on screen).
pub fn draw_label_layer(
    painter: &Painter,
    t: &WorldToScreen,
    zoom: f32,
    palette: &Palette,
    labels: &[basemap::Label],
    obstacles: &[Rect],
    panels: &[Rect],
) {
    let view = t.visible_world(0.0);
    let text = color(palette.label);
    let halo = color(palette.label_halo);
    let mut placed: Vec<Rect> = Vec::with_capacity(2 * MAX_LABELS);
    let mut examined = 0;
    let free = |placed: &[Rect], r: Rect| {
        t.rect.contains_rect(r)
            && !placed
                .iter()
                .chain(obstacles)
                .chain(panels)
                .any(|p| p.intersects(r))
    };
    for l in labels {
        if l.min_zoom > zoom {
            continue;
        }
        let w = l.world;
        if w[0] < view[0] || w[0] > view[2] || w[1] < view[1] || w[1] > view[3] {
            continue;
        }
        examined += 1;
        if examined > MAX_LABEL_CANDIDATES || placed.len() >= 2 * MAX_LABELS {
            break;
        }
        let anchor = t.apply32(w);
        let size = if l.is_capital {
            13.5
        } else {
            12.0 - 0.4 * f32::from(l.rank.min(6))
        };
        let font = FontId::proportional(size);
        let label = if painter.fonts_mut(|f| f.has_glyphs(&font, &l.text)) {
            l.text.clone()
        } else {
            painter.fonts_mut(|f| fold_to_font(&l.text, |c| f.has_glyph(&font, c)))
        };
        let galley = painter.layout_no_wrap(label, font, text);
        let dot = Rect::from_center_size(anchor, vec2(6.0, 6.0));
        // The dot may sit under an event symbol (the event is often in that town); only
        // the text must stay clear of the symbols.
        if !t.rect.contains(anchor) || placed.iter().chain(panels).any(|p| p.intersects(dot)) {
            continue;
        }
        // When an event symbol covers the dot, the text goes just outside the symbol.
        let covering = obstacles.iter().find(|o| o.contains(anchor));
        let around = covering.map_or(dot.shrink(1.0), |o| o.union(dot));
        let size = galley.size();
        // The gap exceeds the 2-point margin the candidate rects get below.
        let right = pos2(around.max.x + 3.0, anchor.y - size.y / 2.0);
        let left = pos2(around.min.x - 3.0 - size.x, anchor.y - size.y / 2.0);
        let above = pos2(anchor.x - size.x / 2.0, around.min.y - 3.0 - size.y);
        let below = pos2(anchor.x - size.x / 2.0, around.max.y + 3.0);
        let Some((pos, rect)) = [right, left, above, below]
            .into_iter()
            .map(|p| (p, Rect::from_min_size(p, galley.size()).expand(2.0)))
            .find(|(_, r)| free(&placed, *r))
        else {
            continue;
        };
        placed.push(rect);
        placed.push(dot);
        if covering.is_some() {
            // The symbol marks the spot already.
        } else if l.is_capital {
            painter.circle(anchor, 3.2, halo, Stroke::new(1.4, text));
        } else {
            painter.circle(anchor, 2.2, text, Stroke::new(1.0, halo));
        }
        for d in [
            vec2(-1.0, 0.0),
            vec2(1.0, 0.0),
            vec2(0.0, -1.0),
            vec2(0.0, 1.0),
            vec2(-1.0, -1.0),
            vec2(1.0, 1.0),
            vec2(-1.0, 1.0),
            vec2(1.0, -1.0),
        ] {
            painter.galley_with_override_text_color(pos + d, galley.clone(), halo);
        }
        painter.galley(pos, galley, text);
    }
}

/// Marks the bundled UI font may lack that read as an apostrophe ("ʿAbd"); letters with
/// diacritics fall back through [`plain_latin_letter`].
const APOSTROPHES: &str = "ʿʾʼ‘’`´";

/// The label with every character the font cannot draw replaced by its plain letter, or
/// dropped when it has none, so that no "tofu" boxes appear on the map.
pub fn fold_to_font(text: &str, mut has_glyph: impl FnMut(char) -> bool) -> String {
    text.chars()
        .filter_map(|c| {
            if has_glyph(c) {
                return Some(c);
            }
            plain_latin_letter(c)
                .or_else(|| APOSTROPHES.contains(c).then_some('\''))
                .filter(|&to| has_glyph(to))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_drawable_letters_and_replaces_the_rest() {
        let ascii_only = |c: char| c.is_ascii();
        assert_eq!(fold_to_font("Ḩalab", ascii_only), "Halab");
        assert_eq!(fold_to_font("Dayr az Zawr", ascii_only), "Dayr az Zawr");
        assert_eq!(fold_to_font("Āmirlī ʿAbd", ascii_only), "Amirli 'Abd");
        // Unknown characters without a plain letter are dropped rather than drawn as boxes.
        assert_eq!(fold_to_font("Baghdad ★", ascii_only), "Baghdad ");
        // Drawable characters are kept as they are.
        assert_eq!(fold_to_font("Ḩalab", |_| true), "Ḩalab");
    }
}

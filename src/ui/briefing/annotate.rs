//! Annotations on the live map: the shown slide's text labels and arrows, drawn at their map
//! coordinates, and "Annotate" mode, where a click on the map places a label and a drag draws
//! an arrow from the label's point to where the drag ends.
//!
//! The map panel owns an optional `AnnotationLayer` and calls `show` inside its walkers map
//! (after the events, so notes stay on top); the briefing UI fills it with the slide's notes
//! and takes the annotations the user made (`take_made`).

use egui::{Color32, FontId, Pos2, Stroke, vec2};
use walkers::{Projector, lon_lat};

use crate::briefing::Annotation;
use crate::theme::Palette;
use crate::ui::theme::{color, with_alpha};

/// A drag shorter than this (screen points) is a click: it places a label, not an arrow.
const MIN_ARROW_POINTS: f32 = 12.0;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnnotationLayer {
    /// The notes drawn on the map (the shown slide's).
    pub notes: Vec<Annotation>,
    /// Annotate mode: the primary button places notes instead of selecting and panning.
    pub interactive: bool,
    /// Text of the notes the user places.
    pub text: String,
    /// (lon, lat) where the current drag started.
    drag_from: Option<(f64, f64)>,
    /// Notes placed since the owner last took them.
    made: Vec<Annotation>,
}

impl AnnotationLayer {
    pub fn new(notes: Vec<Annotation>, interactive: bool, text: &str) -> Self {
        Self {
            notes,
            interactive,
            text: text.to_owned(),
            ..Self::default()
        }
    }

    /// The notes the user placed since the last call.
    pub fn take_made(&mut self) -> Vec<Annotation> {
        std::mem::take(&mut self.made)
    }

    /// Draws the notes and, in Annotate mode, turns clicks and drags on the map into notes.
    pub fn show(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        projector: &Projector,
        palette: &Palette,
    ) {
        let painter = ui.painter().with_clip_rect(projector.clip_rect());
        let at = |lon: f64, lat: f64| projector.project(lon_lat(lon, lat)).to_pos2();
        for note in &self.notes {
            let to = note.arrow_to.map(|(lon, lat)| at(lon, lat));
            draw_note(&painter, at(note.lon, note.lat), to, &note.text, palette);
        }
        if !self.interactive {
            self.drag_from = None;
            return;
        }
        ui.ctx().set_cursor_icon(egui::CursorIcon::Crosshair);
        let lonlat = |p: Pos2| {
            let q = projector.unproject(p.to_vec2());
            (q.x(), q.y())
        };
        if response.drag_started_by(egui::PointerButton::Primary)
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        {
            self.drag_from = Some(lonlat(origin));
        }
        if let Some((lon, lat)) = self.drag_from {
            let from = at(lon, lat);
            let pointer = ui.input(|i| i.pointer.interact_pos());
            if response.drag_stopped() {
                self.drag_from = None;
                if let Some(end) = pointer
                    && end.distance(from) >= MIN_ARROW_POINTS
                {
                    self.made.push(Annotation {
                        lon,
                        lat,
                        text: self.text.trim().to_owned(),
                        arrow_to: Some(lonlat(end)),
                    });
                }
            } else if let Some(end) = pointer {
                // The arrow being drawn.
                draw_note(&painter, from, Some(end), self.text.trim(), palette);
            }
        }
        if response.clicked_by(egui::PointerButton::Primary)
            && let Some(p) = response.interact_pointer_pos()
            && !self.text.trim().is_empty()
        {
            let (lon, lat) = lonlat(p);
            self.made.push(Annotation {
                lon,
                lat,
                text: self.text.trim().to_owned(),
                arrow_to: None,
            });
        }
    }
}

/// A note as the exported images draw it: the arrow from the note's point to its target, then
/// the text with its left end on the point, on a halo so it reads over any map.
pub fn draw_note(
    painter: &egui::Painter,
    from: Pos2,
    to: Option<Pos2>,
    text: &str,
    palette: &Palette,
) {
    let ink = color(palette.hover);
    let halo = with_alpha(palette.label_halo, 210);
    if let Some(to) = to {
        let d = to - from;
        let len = d.length();
        if len > 1.0 {
            let dir = d / len;
            let normal = vec2(-dir.y, dir.x);
            let head = 12.0f32.min(len * 0.5);
            let base = to - dir * head;
            let wing = normal * head * 0.5;
            painter.line_segment([from, base], Stroke::new(5.0, halo));
            painter.line_segment([from, base], Stroke::new(2.5, ink));
            painter.add(egui::Shape::convex_polygon(
                vec![to, base + wing, base - wing],
                ink,
                Stroke::new(1.0, halo),
            ));
        }
    }
    if text.is_empty() {
        painter.circle(from, 3.5, ink, Stroke::new(1.0, halo));
        return;
    }
    let galley = painter.layout_no_wrap(
        text.to_owned(),
        FontId::proportional(16.0),
        Color32::PLACEHOLDER,
    );
    let pos = from - vec2(0.0, galley.size().y * 0.8);
    painter.rect_filled(
        egui::Rect::from_min_size(pos, galley.size()).expand2(vec2(4.0, 2.0)),
        3.0,
        halo,
    );
    painter.galley(pos, galley, ink);
}

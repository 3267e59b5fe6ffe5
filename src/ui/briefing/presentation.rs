//! Presentation mode: full screen, the map only, high-contrast colours and large type. The map
//! flies between slides. Right/Space next, Left previous, Esc leaves, B blanks the screen,
//! C shows the presenter's clock and the slide counter.

use crate::briefing::Storyboard;
use crate::export::deck::slide_scene;
use crate::store::{EventIdx, Selection, Store};
use crate::theme::HIGH_CONTRAST;
use crate::ui::map::{MapContext, MapPanel, MapView};
use crate::ui::theme::color;

#[derive(Debug, Clone, PartialEq)]
pub struct Presentation {
    pub index: usize,
    pub blank: bool,
    pub show_clock: bool,
    /// `ctx` time (seconds) when the presentation started, for the presenter's clock.
    started: Option<f64>,
    /// The slide the map was last sent to.
    shown: Option<usize>,
}

impl Presentation {
    pub fn new(index: usize) -> Self {
        Self {
            index,
            blank: false,
            show_clock: false,
            started: None,
            shown: None,
        }
    }
}

pub fn view_of(slide: &crate::briefing::Slide) -> MapView {
    MapView {
        center_lon: slide.view.center_lon,
        center_lat: slide.view.center_lat,
        zoom: slide.view.zoom,
    }
}

/// Keys of presentation mode. Returns false when the user leaves (Esc).
pub fn handle_keys(ctx: &egui::Context, p: &mut Presentation, slides: usize) -> bool {
    let mut keep = true;
    ctx.input_mut(|i| {
        let next = i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowRight)
            | i.consume_key(egui::Modifiers::NONE, egui::Key::Space)
            | i.consume_key(egui::Modifiers::NONE, egui::Key::PageDown);
        let prev = i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowLeft)
            | i.consume_key(egui::Modifiers::NONE, egui::Key::PageUp);
        if next && p.index + 1 < slides {
            p.index += 1;
            p.blank = false;
        }
        if prev && p.index > 0 {
            p.index -= 1;
            p.blank = false;
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::B) {
            p.blank = !p.blank;
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::C) {
            p.show_clock = !p.show_clock;
        }
        if i.consume_key(egui::Modifiers::NONE, egui::Key::Escape) {
            keep = false;
        }
    });
    keep
}

/// Draws the presentation over the whole window. Returns false when the user leaves.
pub fn ui(
    ui: &mut egui::Ui,
    p: &mut Presentation,
    board: &Storyboard,
    store: &Store,
    map: &mut MapPanel,
) -> bool {
    let ctx = ui.ctx().clone();
    if board.slides.is_empty() {
        return false;
    }
    p.index = p.index.min(board.slides.len() - 1);
    if !handle_keys(&ctx, p, board.slides.len()) {
        return false;
    }
    let now = ctx.input(|i| i.time);
    let started = *p.started.get_or_insert(now);
    let slide = &board.slides[p.index];
    if p.shown != Some(p.index) {
        // The first slide is jumped to; later ones are flown to.
        map.set_view(view_of(slide), p.shown.is_some());
        p.shown = Some(p.index);
    }
    let frame = egui::Frame::NONE.fill(color(HIGH_CONTRAST.panel));
    egui::CentralPanel::default().frame(frame).show(ui, |ui| {
        let rect = ui.max_rect();
        if p.blank {
            ui.painter().rect_filled(rect, 0.0, egui::Color32::BLACK);
            return;
        }
        let scene = slide_scene(store, slide);
        let visible: Vec<EventIdx> = scene.events.iter().map(|(i, _, _)| *i).collect();
        let selection = Selection {
            event: scene.highlighted.first().copied(),
            ..Selection::default()
        };
        let map_ctx = MapContext {
            store,
            visible: &visible,
            selection: &selection,
            palette: &HIGH_CONTRAST,
            now: None,
        };
        let text = color(HIGH_CONTRAST.text);
        let band_w = rect.width() - 80.0;
        let painter = ui.painter().clone();
        let title = painter.layout(
            slide.title.clone(),
            egui::FontId::proportional(40.0),
            text,
            band_w,
        );
        let caption = painter.layout(
            slide.caption.clone(),
            egui::FontId::proportional(28.0),
            text,
            band_w,
        );
        let band_h = title.size().y + caption.size().y + 48.0;
        let band = egui::Rect::from_min_max(
            egui::pos2(rect.left(), rect.bottom() - band_h),
            rect.right_bottom(),
        );
        // The map above the caption band, so its legend and attribution stay visible; no
        // toolbar (no editing chrome in front of a room).
        map.annotations = Some(super::AnnotationLayer::new(
            slide.annotations.clone(),
            false,
            "",
        ));
        map.show_toolbar = false;
        // The slide has its own time range: the playback bar's fading and hiding must not
        // apply here. The app sets the playback look again on its next normal frame, so
        // leaving the presentation brings the playback back as it was.
        map.set_playback(None);
        let map_rect = egui::Rect::from_min_max(rect.min, egui::pos2(rect.right(), band.top()));
        // Clicks on the map must not change the analyst's selection during a talk.
        let mut ignored = Vec::new();
        ui.scope_builder(egui::UiBuilder::new().max_rect(map_rect), |ui| {
            map.ui(ui, &map_ctx, &mut ignored);
        });
        map.show_toolbar = true;

        let painter = painter.with_layer_id(egui::LayerId::new(
            egui::Order::Foreground,
            ui.scope_id().with("presentation-overlay"),
        ));
        painter.rect_filled(band, 0.0, color(HIGH_CONTRAST.panel));
        painter.galley(
            egui::pos2(band.left() + 40.0, band.top() + 16.0),
            title.clone(),
            text,
        );
        painter.galley(
            egui::pos2(band.left() + 40.0, band.top() + 24.0 + title.size().y),
            caption,
            text,
        );
        if p.show_clock {
            let secs = (now - started).max(0.0) as u64;
            let info = format!(
                "{} / {}   {:02}:{:02}",
                p.index + 1,
                board.slides.len(),
                secs / 60,
                secs % 60
            );
            // A label in its own foreground area (not painted text), so screen readers and
            // tests can read the counter.
            egui::Area::new(ui.scope_id().with("presenter-clock"))
                .order(egui::Order::Foreground)
                .anchor(egui::Align2::RIGHT_TOP, egui::vec2(-24.0, 20.0))
                .interactable(false)
                .show(&ctx, |ui| {
                    ui.label(
                        egui::RichText::new(info)
                            .font(egui::FontId::monospace(26.0))
                            .color(color(HIGH_CONTRAST.hover)),
                    );
                });
            ctx.request_repaint_after(std::time::Duration::from_millis(500));
        }
    });
    true
}

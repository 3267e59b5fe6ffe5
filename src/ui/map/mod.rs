//! The map view: the embedded offline basemap, events as symbols, areas and clusters on a
//! walkers map, with hover, selection, fly-to and fit. It reads the shared `Store`,
//! `Selection` and filtered events, and reports what the user did as `Command`s.

pub mod basemap_layer;
pub mod clusters;
pub mod events_layer;
pub mod fly;
pub mod symbols;
pub mod transform;

use chrono::NaiveDate;
use egui::{
    Align, Color32, Frame, Layout, Margin, Rect, RichText, Sense, Stroke, UiBuilder, Vec2, vec2,
};
use serde::{Deserialize, Serialize};
use walkers::{Map, MapMemory, lon_lat};

use self::basemap_layer::BasemapLayer;
use self::events_layer::{DrawParams, EventCache, Hit, date_text, draw_events, figures, hit_test};
use self::fly::Fly;
use self::symbols::{color, draw_marker, faded};
use self::transform::WorldToScreen;
use crate::basemap::{lonlat_to_world, pixels_per_world_unit, world_to_lonlat};
use crate::store::{EventIdx, Selection, Store};
use crate::theme::{self, Palette};
use crate::ui::command::Command;

/// Where the map looks: plain numbers, no egui, so briefings and exports can store views.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    pub center_lon: f64,
    pub center_lat: f64,
    /// Slippy-map zoom: the world is 256 · 2^zoom points wide.
    pub zoom: f64,
}

impl Default for MapView {
    /// Iraq and Syria, whole.
    fn default() -> Self {
        MapView {
            center_lon: 42.0,
            center_lat: 33.5,
            zoom: 5.0,
        }
    }
}

/// What the map reads each frame.
pub struct MapContext<'a> {
    pub store: &'a Store,
    /// Filtered events, in time order.
    pub visible: &'a [EventIdx],
    pub selection: &'a Selection,
    pub palette: &'a Palette,
    /// Playback / scrubber time: later events fade, just-reached ones pulse.
    pub now: Option<NaiveDate>,
}

/// Zoom limits of the view: the basemap has no detail beyond street level.
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 16.0;

/// Attribution of the embedded data, always visible on the map.
pub const ATTRIBUTION: &str = "© Natural Earth (public domain) · GeoNames (CC BY 4.0)";

pub struct MapPanel {
    memory: MapMemory,
    fly: Option<Fly>,
    cache: EventCache,
    /// The widget's rect in the last frame, for `fit` and fly distances.
    last_rect: Option<Rect>,
    /// Toolbar and legend rects of the last frame: labels keep clear of them.
    overlay_rects: Vec<Rect>,
    /// Whether we told the other views that something is hovered on the map.
    hover_sent: Option<EventIdx>,
    pub legend_open: bool,
    /// Off by default: turning it on sends tile requests to OpenStreetMap.
    pub show_online_tiles: bool,
    online_tiles: Option<walkers::HttpTiles>,
    /// Set by the app each frame while playback runs: how each shown event looks.
    playback: Option<events_layer::PlaybackLook>,
    /// The shown slide's annotations, drawn over the events; in Annotate mode it takes the
    /// primary button (set by the briefing UI, `None` when no slide is shown).
    pub annotations: Option<crate::ui::briefing::annotate::AnnotationLayer>,
    /// The toolbar (fit, zoom, online tiles); presentation mode hides it.
    pub show_toolbar: bool,
}

impl Default for MapPanel {
    fn default() -> Self {
        Self::new()
    }
}

impl MapPanel {
    /// The playback's (event, alpha, pulse) list (`Playback::visible`), or `None` when no
    /// playback runs. Call before `ui` each frame.
    pub fn set_playback(&mut self, look: Option<&[(EventIdx, f32, f32)]>) {
        self.playback = look.map(|l| l.iter().map(|&(i, a, p)| (i, (a, p))).collect());
    }

    /// How the map draws an event during playback: (alpha, pulse), `None` when not shown or
    /// when no playback runs.
    pub fn playback_look(&self, event: EventIdx) -> Option<(f32, f32)> {
        self.playback.as_ref()?.get(&event).copied()
    }

    /// Whether an online tile source exists (it is created only while online tiles are on).
    pub fn has_online_tile_source(&self) -> bool {
        self.online_tiles.is_some()
    }

    pub fn new() -> Self {
        let mut panel = MapPanel {
            memory: MapMemory::default(),
            fly: None,
            cache: EventCache::default(),
            last_rect: None,
            hover_sent: None,
            overlay_rects: Vec::new(),
            legend_open: true,
            show_online_tiles: false,
            online_tiles: None,
            playback: None,
            annotations: None,
            show_toolbar: true,
        };
        panel.apply_view(MapView::default());
        panel
    }

    /// The current view (the end of a flight counts only once reached).
    pub fn view(&self) -> MapView {
        let c = self.memory.detached().unwrap_or(lon_lat(
            MapView::default().center_lon,
            MapView::default().center_lat,
        ));
        MapView {
            center_lon: c.x(),
            center_lat: c.y(),
            zoom: self.memory.zoom(),
        }
    }

    /// Jumps or flies to a view (storyboard slides, restored state).
    pub fn set_view(&mut self, v: MapView, animate: bool) {
        if animate {
            let px = self.viewport_size().max_elem() as f64;
            self.fly = Some(Fly::new(self.view(), v, px));
        } else {
            self.fly = None;
            self.apply_view(v);
        }
    }

    /// What the last frame drew: symbols, cluster bubbles (with their member counts), areas.
    pub fn drawn(&self) -> events_layer::DrawnCounts {
        self.cache.drawn
    }

    /// Filtered events that have no place, so are not on the map (shown as a note).
    pub fn unplaced(&self) -> usize {
        self.cache.unplaced
    }

    /// The map widget's rect in the last frame (`None` before the first frame).
    pub fn last_rect(&self) -> Option<Rect> {
        self.last_rect
    }

    /// Whether a flight is under way.
    pub fn is_flying(&self) -> bool {
        self.fly.is_some()
    }

    /// Flies to an event's place, zooming in to at least town level.
    pub fn fly_to_event(&mut self, store: &Store, idx: EventIdx) {
        let Some(place) = store.events.get(idx).and_then(|e| e.place.as_ref()) else {
            return;
        };
        let zoom: f64 = match place.precision {
            crate::extract::PlacePrecision::Country => 6.0,
            crate::extract::PlacePrecision::Region => 7.0,
            crate::extract::PlacePrecision::Province => 8.0,
            _ => 11.0,
        };
        let zoom = zoom.max(self.memory.zoom().min(13.0));
        self.set_view(
            MapView {
                center_lon: place.lon,
                center_lat: place.lat,
                zoom,
            },
            true,
        );
    }

    /// Flies so that all the given events (with a place) are in view.
    pub fn fit(&mut self, store: &Store, events: &[EventIdx]) {
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for e in events.iter().filter_map(|&i| store.events.get(i)) {
            if let Some(p) = &e.place {
                let w = lonlat_to_world(p.lon, p.lat);
                bbox = [
                    bbox[0].min(w[0]),
                    bbox[1].min(w[1]),
                    bbox[2].max(w[0]),
                    bbox[3].max(w[1]),
                ];
            }
        }
        if bbox[0] > bbox[2] {
            return;
        }
        // Frame the events in the part of the map that the toolbar and the legend leave
        // clear, then shift the centre so that the events sit in that part.
        let full = self
            .last_rect
            .unwrap_or(Rect::from_min_size(egui::Pos2::ZERO, self.viewport_size()));
        let clear = self.clear_area(full);
        let mut v = fit_view(bbox, clear.size(), 30.0, 11.0);
        let offset = clear.center() - full.center();
        let ppw = pixels_per_world_unit(v.zoom);
        let c = lonlat_to_world(v.center_lon, v.center_lat);
        let shifted = [
            c[0] - f64::from(offset.x) / ppw,
            c[1] - f64::from(offset.y) / ppw,
        ];
        (v.center_lon, v.center_lat) = world_to_lonlat(shifted);
        self.set_view(v, true);
    }

    /// The part of the map widget not covered by the toolbar (top) and, when it is tall, the
    /// legend (left), from the last frame's overlay rects.
    fn clear_area(&self, full: Rect) -> Rect {
        let mut clear = full;
        if let Some(toolbar) = self.overlay_rects.first() {
            clear.min.y = clear.min.y.max(toolbar.bottom() + 4.0);
        }
        if let Some(legend) = self.overlay_rects.get(1)
            && legend.height() > full.height() * 0.3
        {
            clear.min.x = clear.min.x.max(legend.right() + 4.0);
        }
        if clear.width() < full.width() * 0.4 || clear.height() < full.height() * 0.4 {
            full
        } else {
            clear
        }
    }

    /// The world rectangle shown, from the view and the last frame's widget size.
    fn view_world(&self) -> [f64; 4] {
        let v = self.view();
        let size = self.viewport_size();
        let c = lonlat_to_world(v.center_lon, v.center_lat);
        let ppw = pixels_per_world_unit(v.zoom);
        let (hw, hh) = (f64::from(size.x) / 2.0 / ppw, f64::from(size.y) / 2.0 / ppw);
        [c[0] - hw, c[1] - hh, c[0] + hw, c[1] + hh]
    }

    fn viewport_size(&self) -> Vec2 {
        self.last_rect.map_or(vec2(900.0, 600.0), |r| r.size())
    }

    fn apply_view(&mut self, v: MapView) {
        self.memory
            .center_at(lon_lat(v.center_lon, v.center_lat.clamp(-85.0, 85.0)));
        // Within walkers' valid range by construction, so this cannot fail.
        let _ = self.memory.set_zoom(v.zoom.clamp(MIN_ZOOM, MAX_ZOOM));
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &MapContext<'_>, commands: &mut Vec<Command>) {
        let time = ui.input(|i| i.time);
        self.advance_flight(ui, time);

        let view = self.view_world();
        self.cache
            .update(ctx.store, ctx.visible, self.memory.zoom(), view);

        // The tile source is created only when the user turns online tiles on, and dropped
        // (with its download thread) when they turn them off: no request is ever made otherwise.
        // https needs the TLS provider that `ui::install_tls_provider` installs at start-up.
        if !self.show_online_tiles {
            self.online_tiles = None;
        }
        let tiles: Option<&mut dyn walkers::Tiles> = if self.show_online_tiles {
            let tiles = self.online_tiles.get_or_insert_with(|| {
                walkers::HttpTiles::new(walkers::sources::OpenStreetMap, ui.ctx().clone())
            });
            Some(tiles)
        } else {
            None
        };
        let fill = tiles.is_none();
        let home = MapView::default();
        let map = Map::new(
            tiles,
            &mut self.memory,
            lon_lat(home.center_lon, home.center_lat),
        )
        .with_plugin(BasemapLayer {
            palette: ctx.palette,
            fill,
            labels: false,
        })
        .zoom_with_ctrl(false)
        .double_click_to_zoom(false);
        // Annotate mode: the primary button draws notes, so only the others pan.
        let annotating = self.annotations.as_ref().is_some_and(|a| a.interactive);
        let map = if annotating {
            map.drag_pan_buttons(egui::DragPanButtons::SECONDARY | egui::DragPanButtons::MIDDLE)
        } else {
            map
        };
        let annotations = &mut self.annotations;
        let cache = &mut self.cache;
        let overlay_rects = &self.overlay_rects;
        let playback = self.playback.as_ref();
        let inner = map.show(ui, |ui, response, projector, _memory| {
            let t = WorldToScreen::from_projector(projector);
            let painter = ui.painter().with_clip_rect(projector.clip_rect());
            let params = DrawParams {
                store: ctx.store,
                selection: ctx.selection,
                palette: ctx.palette,
                now: ctx.now,
                time,
                playback,
            };
            let mut obstacles = Vec::new();
            let animating = draw_events(&painter, cache, &t, &params, &mut obstacles);
            // Labels after the events, placed around them rather than under them.
            basemap_layer::draw_label_layer(
                &painter,
                &t,
                projector.zoom() as f32,
                ctx.palette,
                &crate::basemap::Basemap::global().labels,
                &obstacles,
                overlay_rects,
            );
            if animating {
                ui.ctx().request_repaint();
            }
            if let Some(layer) = annotations {
                layer.show(ui, response, projector, ctx.palette);
            }
            let hit = response
                .hover_pos()
                .and_then(|p| hit_test(cache, ctx.store, &t, p));
            (t, hit)
        });
        let response = inner.response;
        let (t, hit) = inner.inner;
        self.last_rect = Some(response.rect);

        self.handle_pointer(ui, &response, &t, hit, ctx, commands);
        self.overlay(ui, response.rect, ctx, commands);
    }

    fn advance_flight(&mut self, ui: &egui::Ui, time: f64) {
        let user_moves = self.last_rect.is_some_and(|r| {
            ui.input(|i| {
                i.pointer.hover_pos().is_some_and(|p| r.contains(p))
                    && (i.pointer.primary_down()
                        || i.smooth_scroll_delta != Vec2::ZERO
                        || i.zoom_delta() != 1.0)
            })
        });
        if user_moves {
            self.fly = None;
        }
        if let Some(fly) = &mut self.fly {
            let (v, done) = fly.step(time);
            self.apply_view(v);
            if done {
                self.fly = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
    }

    fn handle_pointer(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        t: &WorldToScreen,
        hit: Option<Hit>,
        ctx: &MapContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        // Hover: tell the other views, but only undo what the map itself said.
        let hovered_event = match hit {
            Some(Hit::Event(e)) => Some(e),
            _ => None,
        };
        if hovered_event != self.hover_sent
            && (hovered_event.is_some() || self.hover_sent.is_some())
        {
            commands.push(Command::HoverEvent(hovered_event));
            self.hover_sent = hovered_event;
        }
        if let Some(h) = hit {
            ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
            response
                .clone()
                .on_hover_ui_at_pointer(|ui| self.tooltip(ui, h, ctx));
        }

        if self.annotations.as_ref().is_some_and(|a| a.interactive) {
            // In Annotate mode clicks place notes, they do not select.
            return;
        }
        if response.double_clicked() {
            if let Some(Hit::Event(e)) = hit {
                self.fly_to_event(ctx.store, e);
            }
            return;
        }
        if !response.clicked() {
            return;
        }
        match hit {
            Some(Hit::Event(e)) => commands.push(Command::SelectEvent(Some(e))),
            Some(Hit::Cluster(ci)) => {
                let c = self.cache.clustering.clusters[ci].clone();
                let members = self.cache.clustering.members_of(&c);
                if self.cache.clustering.is_stack(&c) {
                    // Zooming cannot split events at one spot: step through them instead.
                    let next = match ctx
                        .selection
                        .event
                        .and_then(|s| members.iter().position(|&m| m == s))
                    {
                        Some(i) => members[(i + 1) % members.len()],
                        None => c.representative,
                    };
                    commands.push(Command::SelectEvent(Some(next)));
                } else {
                    let zoom = self.memory.zoom();
                    let mut v = fit_view(c.extent, t.rect.size(), 60.0, (zoom + 4.0).min(MAX_ZOOM));
                    v.zoom = v.zoom.max((zoom + 1.0).min(MAX_ZOOM));
                    self.set_view(v, true);
                }
            }
            None => {}
        }
    }

    fn tooltip(&self, ui: &mut egui::Ui, hit: Hit, ctx: &MapContext<'_>) {
        let store = ctx.store;
        match hit {
            Hit::Event(i) => {
                let e = &store.events[i];
                ui.label(RichText::new(e.kind.label()).strong());
                ui.label(date_text(e));
                if let Some(p) = &e.place {
                    ui.label(format!("{} ({})", p.name, p.precision.as_str()));
                    if e.place_inferred() {
                        ui.weak(crate::extract::Event::INFERRED_PLACE_NOTE);
                    }
                }
                if let Some(p) = &e.perpetrator {
                    ui.label(format!("by {p}"));
                }
                if let Some(f) = figures(e) {
                    ui.label(f);
                }
                let n = e.article_ids().len();
                ui.label(format!("{n} source{}", if n == 1 { "" } else { "s" }));
            }
            Hit::Cluster(ci) => {
                let c = &self.cache.clustering.clusters[ci];
                let members = self.cache.clustering.members_of(c);
                ui.label(RichText::new(format!("{} events", c.count)).strong());
                ui.label(format!(
                    "{} – {}",
                    c.first_day.format("%Y-%m-%d"),
                    c.last_day.format("%Y-%m-%d")
                ));
                for &m in members.iter().rev().take(5) {
                    let e = &store.events[m];
                    let place = e.place.as_ref().map_or("", |p| p.name.as_str());
                    ui.label(format!(
                        "{} · {} · {}",
                        e.date.start.format("%Y-%m-%d"),
                        e.kind.label(),
                        place
                    ));
                }
                if members.len() > 5 {
                    ui.label(format!("… and {} more", members.len() - 5));
                }
                let hint = if self.cache.clustering.is_stack(c) {
                    "Click to step through them"
                } else {
                    "Click to zoom in"
                };
                ui.label(RichText::new(hint).italics());
            }
        }
    }

    /// Buttons, legend and attribution drawn over the map.
    fn overlay(
        &mut self,
        ui: &mut egui::Ui,
        rect: Rect,
        ctx: &MapContext<'_>,
        commands: &mut Vec<Command>,
    ) {
        let frame = Frame::new()
            .fill(faded(ctx.palette.panel, 0.88))
            .stroke(Stroke::new(1.0, faded(ctx.palette.border, 0.5)))
            .corner_radius(4.0)
            .inner_margin(Margin::same(6));
        let inner = rect.shrink(8.0);

        self.overlay_rects.clear();
        let toolbar = ui.scope_builder(
            UiBuilder::new()
                .max_rect(inner)
                .layout(Layout::left_to_right(Align::Min)),
            |ui| {
                if !self.show_toolbar {
                    return;
                }
                frame.show(ui, |ui| {
                    ui.horizontal(|ui| {
                        if ui
                            .button("Fit all")
                            .on_hover_text("Frame all filtered events (F)")
                            .clicked()
                        {
                            commands.push(Command::FitAll);
                        }
                        let has_selection = ctx.selection.event.is_some();
                        if ui
                            .add_enabled(has_selection, egui::Button::new("Zoom to selection"))
                            .clicked()
                        {
                            commands.push(Command::ZoomToSelection);
                        }
                        if ui.button("+").on_hover_text("Zoom in").clicked() {
                            let mut v = self.view();
                            v.zoom = (v.zoom + 1.0).min(MAX_ZOOM);
                            self.set_view(v, true);
                        }
                        if ui.button("−").on_hover_text("Zoom out").clicked() {
                            let mut v = self.view();
                            v.zoom = (v.zoom - 1.0).max(MIN_ZOOM);
                            self.set_view(v, true);
                        }
                        ui.checkbox(&mut self.show_online_tiles, "Online tiles").on_hover_text(
                        "Draws OpenStreetMap tiles under the events: this sends requests over the \
                         network. Off, the embedded basemap needs none.",
                    );
                    });
                });
            },
        );

        self.overlay_rects.push(toolbar.response.rect);

        // Legend, bottom left.
        let legend = ui.scope_builder(
            UiBuilder::new()
                .max_rect(inner)
                .layout(Layout::bottom_up(Align::Min)),
            |ui| {
                frame.show(ui, |ui| {
                    ui.spacing_mut().item_spacing.y = 2.0;
                    let toggle = if self.legend_open {
                        "Hide legend"
                    } else {
                        "Legend"
                    };
                    if self.legend_open {
                        self.legend(ui, ctx);
                    }
                    if ui
                        .add(egui::Button::new(RichText::new(toggle).small()).frame(false))
                        .clicked()
                    {
                        self.legend_open = !self.legend_open;
                    }
                });
            },
        );

        self.overlay_rects.push(legend.response.rect);

        // Attribution, bottom right, always visible.
        let mut text = ATTRIBUTION.to_owned();
        if self.show_online_tiles {
            text.push_str(" · © OpenStreetMap contributors");
        }
        let painter = ui.painter().with_clip_rect(rect);
        let galley = painter.layout_no_wrap(
            text,
            egui::FontId::proportional(10.5),
            color(ctx.palette.text),
        );
        let pos = rect.right_bottom() - galley.size() - vec2(6.0, 4.0);
        painter.rect_filled(
            Rect::from_min_size(pos, galley.size()).expand(3.0),
            2.0,
            faded(ctx.palette.panel, 0.8),
        );
        painter.galley(pos, galley, color(ctx.palette.text));
        if self.cache.unplaced > 0 {
            let note = format!("{} filtered event(s) have no place", self.cache.unplaced);
            let g = painter.layout_no_wrap(
                note,
                egui::FontId::proportional(10.5),
                color(ctx.palette.text),
            );
            let p = rect.right_bottom() - g.size() - vec2(6.0, 22.0);
            painter.rect_filled(
                Rect::from_min_size(p, g.size()).expand(3.0),
                2.0,
                faded(ctx.palette.panel, 0.8),
            );
            painter.galley(p, g, color(ctx.palette.text));
        }
    }

    fn legend(&self, ui: &mut egui::Ui, ctx: &MapContext<'_>) {
        let outline = color(ctx.palette.label_halo).to_opaque();
        let swatch = |ui: &mut egui::Ui, draw: &dyn Fn(&egui::Painter, egui::Pos2), text: &str| {
            ui.horizontal(|ui| {
                let (r, _) = ui.allocate_exact_size(vec2(16.0, 16.0), Sense::hover());
                draw(ui.painter(), r.center());
                ui.label(RichText::new(text).small());
            });
        };
        // bottom_up layout: what is added first ends up lowest.
        let perps = &self.cache.legend_perpetrators;
        let shown = perps.len().min(8);
        if perps.len() > shown {
            ui.label(
                RichText::new(format!("+{} more perpetrators", perps.len() - shown))
                    .small()
                    .weak(),
            );
        }
        for (name, n) in perps[..shown].iter().rev() {
            let c = color(theme::perpetrator_color(name.as_deref()));
            let label = format!("{} ({n})", name.as_deref().unwrap_or("Unknown"));
            swatch(
                ui,
                &|p, at| {
                    p.circle(at, 5.5, c, Stroke::new(1.0, outline));
                },
                &label,
            );
        }
        ui.label(RichText::new("Perpetrator").small().strong());
        let neutral = color(ctx.palette.text);
        for kind in self.cache.legend_kinds.iter().rev() {
            let shape = theme::marker_shape(*kind);
            swatch(
                ui,
                &|p, at| draw_marker(p, at, shape, 6.0, neutral, outline),
                kind.label(),
            );
        }
        ui.label(RichText::new("Kind · size = killed").small().strong());
        let _ = Color32::TRANSPARENT;
    }
}

/// The view that frames a world bounding box in a viewport, with `padding` points on each
/// side, zoomed in no further than `max_zoom`.
pub fn fit_view(bbox: [f64; 4], viewport: Vec2, padding: f32, max_zoom: f64) -> MapView {
    let center = [(bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0];
    let (lon, lat) = world_to_lonlat(center);
    let w = f64::from((viewport.x - 2.0 * padding).max(50.0));
    let h = f64::from((viewport.y - 2.0 * padding).max(50.0));
    let bw = (bbox[2] - bbox[0]).max(1e-12);
    let bh = (bbox[3] - bbox[1]).max(1e-12);
    let zoom_x = (w / (bw * pixels_per_world_unit(0.0))).log2();
    let zoom_y = (h / (bh * pixels_per_world_unit(0.0))).log2();
    let zoom = zoom_x.min(zoom_y).clamp(MIN_ZOOM, max_zoom.max(MIN_ZOOM));
    MapView {
        center_lon: lon,
        center_lat: lat,
        zoom,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_view_frames_the_box() {
        let a = lonlat_to_world(38.0, 31.0);
        let b = lonlat_to_world(48.0, 37.0);
        let bbox = [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[0].max(b[0]),
            a[1].max(b[1]),
        ];
        let viewport = vec2(1000.0, 700.0);
        let v = fit_view(bbox, viewport, 40.0, 12.0);
        let t = WorldToScreen::new(
            lonlat_to_world(v.center_lon, v.center_lat),
            Rect::from_min_size(egui::Pos2::ZERO, viewport),
            v.zoom,
        );
        for corner in [a, b] {
            let p = t.apply(corner);
            assert!(
                p.x >= 39.0 && p.x <= 961.0 && p.y >= 39.0 && p.y <= 661.0,
                "{p:?} outside"
            );
        }
        // Tight: one side of the box touches the padding.
        let pa = t.apply(a);
        let pb = t.apply(b);
        assert!((pb.x - pa.x) > 900.0 || (pa.y - pb.y) > 600.0);
    }

    #[test]
    fn fit_view_on_one_point_stops_at_max_zoom() {
        let w = lonlat_to_world(44.0, 33.0);
        let v = fit_view([w[0], w[1], w[0], w[1]], vec2(800.0, 600.0), 40.0, 11.0);
        assert_eq!(v.zoom, 11.0);
        assert!((v.center_lon - 44.0).abs() < 1e-6 && (v.center_lat - 33.0).abs() < 1e-6);
    }

    #[test]
    fn set_view_without_animation_is_immediate_and_round_trips() {
        let mut panel = MapPanel::new();
        let v = MapView {
            center_lon: 44.4,
            center_lat: 33.3,
            zoom: 9.5,
        };
        panel.set_view(v, false);
        let got = panel.view();
        assert!((got.center_lon - v.center_lon).abs() < 1e-9);
        assert!((got.center_lat - v.center_lat).abs() < 1e-9);
        assert_eq!(got.zoom, 9.5);
        panel.set_view(MapView { zoom: 99.0, ..v }, false);
        assert_eq!(panel.view().zoom, MAX_ZOOM);
        panel.set_view(MapView { zoom: 3.0, ..v }, true);
        assert!(panel.is_flying());
    }
}

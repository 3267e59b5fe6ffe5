//! Events on the map: the per-store and per-filter cache (world positions, clusters, legend
//! entries), drawing of symbols, areas and cluster bubbles, and hit-testing through the
//! cluster grid.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};
use egui::{Align2, Color32, FontId, Painter, Pos2, Stroke};

use super::clusters::{Cluster, ClusterInput, Clustering, zoom_bucket};
use super::symbols::{
    PlaceDrawing, cluster_radius, color, draw_marker, event_radius, faded, place_drawing,
};
use super::transform::WorldToScreen;
use crate::basemap::lonlat_to_world;
use crate::extract::{Event, EventKind};
use crate::store::{EventIdx, NO_PERPETRATOR, Selection, Store};
use crate::theme::{self, Palette};

/// Everything derived from the store and the filtered events that drawing needs each frame.
/// Rebuilt only when the store, the filtered set or the zoom bucket changes.
#[derive(Default)]
pub struct EventCache {
    /// Identity of the store's event list (address, length).
    store_key: (usize, usize),
    /// World position of each event's place; `None` when it has no place.
    world: Vec<Option<[f64; 2]>>,
    visible: Vec<EventIdx>,
    inputs: Vec<ClusterInput>,
    pub clustering: Clustering,
    /// For each event, its cluster in `clustering`, or `u32::MAX` when not on the map.
    cluster_of: Vec<u32>,
    /// Kinds among the filtered events, in `EventKind::ALL` order.
    pub legend_kinds: Vec<EventKind>,
    /// Perpetrators among the filtered events, most frequent first, with their counts.
    pub legend_perpetrators: Vec<(Option<String>, usize)>,
    /// World polygons of area places, by gazetteer id (`None`: no polygon known).
    areas: HashMap<String, Option<Vec<[f64; 2]>>>,
    /// Filtered events that have no place and so cannot be drawn.
    pub unplaced: usize,
    /// World rectangle whose events the current clustering covers.
    window: [f64; 4],
    /// The inputs inside `window` (reused buffer).
    windowed: Vec<ClusterInput>,
    /// What the last `draw_events` put on screen.
    pub drawn: DrawnCounts,
}

/// What one frame drew on the map: tests compare it with the filtered events.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DrawnCounts {
    /// Single-event symbols.
    pub markers: usize,
    /// Cluster bubbles, and the events they stand for.
    pub bubbles: usize,
    pub bubble_members: usize,
    /// Translucent areas of province, region or country places.
    pub areas: usize,
}

impl EventCache {
    /// Brings the cache up to date; cheap when nothing changed (a slice comparison).
    /// `view` is the world rectangle on screen `[min x, min y, max x, max y]`: only events
    /// within a window around it (three viewports wide and high) are clustered, so the cost
    /// at street level does not grow with events elsewhere in the world.
    pub fn update(&mut self, store: &Store, visible: &[EventIdx], zoom: f64, view: [f64; 4]) {
        let key = (store.events.as_ptr() as usize, store.events.len());
        let store_changed = key != self.store_key;
        if store_changed {
            self.store_key = key;
            self.world = store
                .events
                .iter()
                .map(|e| e.place.as_ref().map(|p| lonlat_to_world(p.lon, p.lat)))
                .collect();
            self.areas.clear();
        }
        let visible_changed = store_changed || self.visible.as_slice() != visible;
        if visible_changed {
            self.visible.clear();
            self.visible.extend_from_slice(visible);
            self.rebuild_inputs(store);
        }
        let bucket = zoom_bucket(zoom);
        let inside =
            |w: [f64; 4]| view[0] >= w[0] && view[1] >= w[1] && view[2] <= w[2] && view[3] <= w[3];
        if visible_changed
            || self.clustering.zoom != bucket
            || self.cluster_of.len() != store.events.len()
            || !inside(self.window)
        {
            let (vw, vh) = (view[2] - view[0], view[3] - view[1]);
            self.window = [view[0] - vw, view[1] - vh, view[2] + vw, view[3] + vh];
            let whole_world = self.window[0] <= 0.0
                && self.window[1] <= 0.0
                && self.window[2] >= 1.0
                && self.window[3] >= 1.0;
            let points: &[ClusterInput] = if whole_world {
                &self.inputs
            } else {
                let w = self.window;
                self.windowed.clear();
                self.windowed.extend(self.inputs.iter().filter(|p| {
                    p.world[0] >= w[0]
                        && p.world[0] <= w[2]
                        && p.world[1] >= w[1]
                        && p.world[1] <= w[3]
                }));
                &self.windowed
            };
            self.clustering = Clustering::build(points, bucket);
            self.cluster_of.clear();
            self.cluster_of.resize(store.events.len(), u32::MAX);
            for (ci, c) in self.clustering.clusters.iter().enumerate() {
                for &m in self.clustering.members_of(c) {
                    self.cluster_of[m] = ci as u32;
                }
            }
        }
    }

    fn rebuild_inputs(&mut self, store: &Store) {
        self.inputs.clear();
        self.unplaced = 0;
        let facts = store.facts();
        let mut kinds = [false; EventKind::ALL.len()];
        // Counts per perpetrator id; the last slot is "no perpetrator".
        let mut perps = vec![0usize; store.perpetrator_count() + 1];
        let no_perp = perps.len() - 1;
        for &i in &self.visible {
            let Some(f) = facts.get(i) else {
                continue;
            };
            kinds[usize::from(f.kind_slot)] = true;
            let p = if f.perpetrator == NO_PERPETRATOR {
                no_perp
            } else {
                f.perpetrator as usize
            };
            perps[p] += 1;
            match self.world.get(i).copied().flatten() {
                Some(world) => self.inputs.push(ClusterInput {
                    event: i,
                    world,
                    killed: f.killed,
                    first_day: f.start,
                    last_day: f.end,
                }),
                None => self.unplaced += 1,
            }
        }
        self.legend_kinds = EventKind::ALL
            .iter()
            .zip(kinds)
            .filter(|(_, on)| *on)
            .map(|(k, _)| *k)
            .collect();
        let mut p: Vec<(Option<String>, usize)> = perps
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(id, &n)| {
                let name = (id != no_perp)
                    .then(|| store.perpetrator_name(id as u32).map(str::to_owned))
                    .flatten();
                (name, n)
            })
            .collect();
        p.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        self.legend_perpetrators = p;
    }

    pub fn cluster_of(&self, event: EventIdx) -> Option<&Cluster> {
        let ci = *self.cluster_of.get(event)?;
        self.clustering.clusters.get(ci as usize)
    }

    pub fn world_of(&self, event: EventIdx) -> Option<[f64; 2]> {
        self.world.get(event).copied().flatten()
    }

    /// World polygon of an area place, looked up once in the gazetteer.
    fn area_polygon(&mut self, gazetteer_id: &str) -> Option<&[[f64; 2]]> {
        self.areas
            .entry(gazetteer_id.to_owned())
            .or_insert_with(|| {
                let gaz = crate::extract::gazetteer::Gazetteer::global();
                let entry = gaz.by_source_id(gazetteer_id)?;
                let ring = gaz.area(entry.id)?;
                (ring.len() >= 3).then(|| {
                    ring.iter()
                        .map(|&(lon, lat)| lonlat_to_world(lon, lat))
                        .collect()
                })
            })
            .as_deref()
    }
}

/// What the pointer is over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// A single event.
    Event(EventIdx),
    /// A cluster of several events (index into `Clustering::clusters`).
    Cluster(usize),
}

/// Where a cluster is drawn and how big.
fn cluster_screen(c: &Cluster, store: &Store, t: &WorldToScreen) -> (Pos2, f32) {
    let p = t.apply(c.world);
    let r = if c.count == 1 {
        event_radius(&store.events[c.representative]).max(7.0)
    } else {
        cluster_radius(c.count)
    };
    (p, r)
}

/// The cluster or event under a screen point, via the grid cells around it.
pub fn hit_test(cache: &EventCache, store: &Store, t: &WorldToScreen, pos: Pos2) -> Option<Hit> {
    let world = t.inverse(pos);
    let mut best: Option<(f32, usize)> = None;
    for ci in cache.clustering.near(world) {
        let c = &cache.clustering.clusters[ci];
        let (p, r) = cluster_screen(c, store, t);
        let d = (p - pos).length();
        if d <= r + 3.0 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, ci));
        }
    }
    let (_, ci) = best?;
    let c = &cache.clustering.clusters[ci];
    Some(if c.count == 1 {
        Hit::Event(c.representative)
    } else {
        Hit::Cluster(ci)
    })
}

/// How strongly an event shows at the playback time: later events are ghosts.
fn time_opacity(first_day: NaiveDate, now: Option<NaiveDate>) -> f32 {
    match now {
        Some(now) if first_day > now => 0.25,
        _ => 1.0,
    }
}

/// True when the playback time has just reached the span (pulse it).
fn is_fresh(last_day: NaiveDate, first_day: NaiveDate, now: Option<NaiveDate>) -> bool {
    now.is_some_and(|now| first_day <= now && last_day + Duration::days(3) >= now)
}

pub struct DrawParams<'a> {
    pub store: &'a Store,
    pub selection: &'a Selection,
    pub palette: &'a Palette,
    pub now: Option<NaiveDate>,
    /// Seconds, for the pulse animation.
    pub time: f64,
    /// During playback: each shown event's (alpha, pulse), from `Playback::visible`. Older
    /// events fade in cumulative mode and new ones pulse as the playback reaches them.
    pub playback: Option<&'a PlaybackLook>,
}

/// (alpha 0–1, pulse 0–1) per event on the map during playback.
pub type PlaybackLook = HashMap<EventIdx, (f32, f32)>;

/// A cluster's playback look: its most opaque and most freshly pulsing member.
fn cluster_look(cache: &EventCache, c: &Cluster, look: &PlaybackLook) -> (f32, f32) {
    let start = c.start as usize;
    let members = &cache.clustering.members[start..start + c.count as usize];
    members
        .iter()
        .filter_map(|i| look.get(i))
        .fold((0.0f32, 0.0f32), |(a, p), &(ea, ep)| (a.max(ea), p.max(ep)))
}

/// Draws every cluster in view. Returns whether something animates (needs repaint).
pub fn draw_events(
    painter: &Painter,
    cache: &mut EventCache,
    t: &WorldToScreen,
    p: &DrawParams<'_>,
    obstacles: &mut Vec<egui::Rect>,
) -> bool {
    let outline = color(p.palette.label_halo).to_opaque();
    let screen = t.rect.expand(30.0);
    let mut animating = false;
    let mut drawn = DrawnCounts::default();
    // Areas first, so every pin and bubble stays on top of them.
    let n = cache.clustering.clusters.len();
    for ci in 0..n {
        let c = &cache.clustering.clusters[ci];
        if c.count != 1 {
            continue;
        }
        let e = &p.store.events[c.representative];
        let Some(place) = &e.place else { continue };
        let PlaceDrawing::Area { radius_m } = place_drawing(place.precision) else {
            continue;
        };
        let center = t.apply(c.world);
        let scale = (t.scale
            / (2.0 * std::f64::consts::PI * 6_378_137.0 * place.lat.to_radians().cos().max(0.05)))
            as f32;
        let radius = (radius_m as f32 * scale).max(event_radius(e) + 6.0);
        if !screen.expand(radius).contains(center) {
            continue;
        }
        let perp = theme::perpetrator_color(e.perpetrator.as_deref());
        let opacity = match p.playback {
            Some(look) => cluster_look(cache, c, look).0,
            None => time_opacity(c.first_day, p.now),
        };
        let fill = faded(perp, 0.16 * opacity);
        let stroke = Stroke::new(1.5, faded(perp, 0.65 * opacity));
        drawn.areas += 1;
        let gaz_id = place.gazetteer_id.clone();
        let polygon = gaz_id.as_deref().and_then(|id| cache.area_polygon(id));
        match polygon {
            Some(ring) => {
                let pts: Vec<Pos2> = ring.iter().map(|&w| t.apply(w)).collect();
                // Province outlines are not convex: fill with a fan from the centre, which
                // is right for the star-shaped rough polygons the gazetteer has.
                let mut mesh = egui::epaint::Mesh::default();
                mesh.colored_vertex(center, fill);
                for q in &pts {
                    mesh.colored_vertex(*q, fill);
                }
                let k = pts.len() as u32;
                for i in 0..k {
                    mesh.add_triangle(0, 1 + i, 1 + (i + 1) % k);
                }
                painter.add(egui::Shape::mesh(mesh));
                painter.add(egui::Shape::closed_line(pts, stroke));
            }
            None => {
                painter.circle(center, radius, fill, stroke);
            }
        }
    }
    for c in &cache.clustering.clusters {
        let (pos, r) = cluster_screen(c, p.store, t);
        if !screen.contains(pos) {
            continue;
        }
        obstacles.push(egui::Rect::from_center_size(
            pos,
            egui::vec2(2.0 * r, 2.0 * r),
        ));
        let (opacity, pulse) = match p.playback {
            Some(look) => cluster_look(cache, c, look),
            None => (time_opacity(c.first_day, p.now), 0.0),
        };
        if pulse > 0.0 {
            // One expanding ring as the playback reaches the event, gone when the pulse ends.
            let phase = 1.0 - pulse;
            painter.circle_stroke(
                pos,
                r + 4.0 + 14.0 * phase,
                Stroke::new(2.5, faded(p.palette.hover, pulse)),
            );
            animating = true;
        } else if p.playback.is_none() && is_fresh(c.last_day, c.first_day, p.now) {
            let phase = (p.time * 1.5).fract() as f32;
            painter.circle_stroke(
                pos,
                r + 4.0 + 10.0 * phase,
                Stroke::new(2.0, faded(p.palette.hover, 1.0 - phase)),
            );
            animating = true;
        }
        let e = &p.store.events[c.representative];
        let perp = theme::perpetrator_color(e.perpetrator.as_deref());
        if c.count == 1 {
            drawn.markers += 1;
            let is_area = e.place.as_ref().is_some_and(|pl| pl.precision.is_area());
            // An area's own symbol is smaller: the area carries the place.
            let radius = if is_area {
                event_radius(e) * 0.75
            } else {
                event_radius(e)
            };
            draw_marker(
                painter,
                pos,
                theme::marker_shape(e.kind),
                radius,
                faded(perp, opacity),
                outline.gamma_multiply(opacity),
            );
        } else {
            drawn.bubbles += 1;
            drawn.bubble_members += c.count as usize;
            let dark = [
                (f32::from(perp[0]) * 0.62) as u8,
                (f32::from(perp[1]) * 0.62) as u8,
                (f32::from(perp[2]) * 0.62) as u8,
                perp[3],
            ];
            painter.circle(
                pos,
                r,
                faded(dark, 0.92 * opacity),
                Stroke::new(2.0, outline.gamma_multiply(opacity)),
            );
            let text = if c.count >= 10_000 {
                format!("{}k", c.count / 1000)
            } else {
                c.count.to_string()
            };
            let font = FontId::proportional(if c.count >= 1000 { 11.0 } else { 12.5 });
            // One text shape per bubble (no halo copies): hundreds of bubbles can be on
            // screen, and the fill is darkened enough for white text to read.
            painter.text(pos, Align2::CENTER_CENTER, text, font, Color32::WHITE);
        }
    }
    // Rings for the hovered and the selected event, wherever they are drawn.
    for (event, col, width) in [
        (p.selection.hovered, p.palette.hover, 2.5),
        (p.selection.event, p.palette.selection, 3.0),
    ] {
        let Some(ev) = event else { continue };
        let Some(c) = cache.cluster_of(ev) else {
            continue;
        };
        let (pos, r) = cluster_screen(c, p.store, t);
        painter.circle_stroke(pos, r + 4.5, Stroke::new(width + 2.0, outline));
        painter.circle_stroke(pos, r + 4.5, Stroke::new(width, color(col)));
    }
    cache.drawn = drawn;
    animating
}

/// One line describing an event's figures, e.g. "killed 19–25 · wounded 4".
pub fn figures(e: &Event) -> Option<String> {
    let fmt = |label: &str, r: &crate::extract::Range| {
        if r.low == r.high {
            format!("{label} {}", r.low)
        } else {
            format!("{label} {}–{}", r.low, r.high)
        }
    };
    let parts: Vec<String> = [
        e.killed.as_ref().map(|r| fmt("killed", r)),
        e.wounded.as_ref().map(|r| fmt("wounded", r)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// The date as the text supports it: a day, or a span.
pub fn date_text(e: &Event) -> String {
    if e.date.start == e.date.end {
        e.date.start.format("%Y-%m-%d").to_string()
    } else {
        format!(
            "{} – {}",
            e.date.start.format("%Y-%m-%d"),
            e.date.end.format("%Y-%m-%d")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2020, 1, day).unwrap()
    }

    #[test]
    fn playback_fades_future_events_and_pulses_recent_ones() {
        assert_eq!(time_opacity(d(5), None), 1.0);
        assert_eq!(time_opacity(d(5), Some(d(6))), 1.0);
        assert!(time_opacity(d(7), Some(d(6))) < 1.0);
        assert!(is_fresh(d(5), d(5), Some(d(6))));
        assert!(!is_fresh(d(1), d(1), Some(d(10))));
        assert!(!is_fresh(d(8), d(8), Some(d(6))));
        assert!(!is_fresh(d(5), d(5), None));
    }
}

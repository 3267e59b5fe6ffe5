//! The software renderer behind every image export (PNG, slide decks, GIF frames): the map
//! view with the embedded basemap, events drawn with the `crate::theme` symbols and colours,
//! area places, annotations, a legend and the attribution, an optional title and caption
//! band, and a timeline strip under the map. Any resolution; no GPU.
//!
//! The basemap layer of a view is drawn once per [`Renderer`] and reused for every frame,
//! which is what makes GIF export fast.

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, PxScale, ScaleFont};
use chrono::{Datelike, NaiveDate};
use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, Pixmap, Stroke, Transform,
};

use crate::basemap::{self, Basemap, lonlat_to_world, pixels_per_world_unit};
use crate::briefing::{Annotation, SlideView, day_number};
use crate::extract::{EventKind, PlacePrecision};
use crate::store::{EventIdx, Store};
use crate::theme::{self, MarkerShape, Palette, Rgba};

static REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

fn font(bold: bool) -> &'static FontRef<'static> {
    static R: OnceLock<FontRef<'static>> = OnceLock::new();
    static B: OnceLock<FontRef<'static>> = OnceLock::new();
    // The fonts are compiled in and checked by the tests, so parsing cannot fail at run time.
    if bold {
        B.get_or_init(|| FontRef::try_from_slice(BOLD).expect("bundled DejaVuSans-Bold.ttf"))
    } else {
        R.get_or_init(|| FontRef::try_from_slice(REGULAR).expect("bundled DejaVuSans.ttf"))
    }
}

/// What to draw around the map, and how big.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOptions {
    pub width: u32,
    pub height: u32,
    pub view: SlideView,
    pub palette: Palette,
    /// How many image pixels one map point is: keeps the same geographic extent as the
    /// on-screen map when the image is larger than the map widget. Also scales type and symbols.
    pub pixel_ratio: f32,
    pub title: Option<String>,
    pub caption: Option<String>,
    pub show_timeline: bool,
    pub show_legend: bool,
    /// Place names from the basemap.
    pub show_labels: bool,
}

impl RenderOptions {
    pub fn new(width: u32, height: u32, view: SlideView) -> Self {
        Self {
            width: width.max(16),
            height: height.max(16),
            view,
            palette: theme::DARK,
            pixel_ratio: 1.0,
            title: None,
            caption: None,
            show_timeline: true,
            show_legend: true,
            show_labels: true,
        }
    }
}

/// The dynamic part of an image: which events, how strongly, and the time context.
#[derive(Debug, Clone, Default)]
pub struct Scene {
    /// (event, alpha 0–1, pulse 0–1), as from `Playback::visible`, or alpha 1 for all.
    pub events: Vec<(EventIdx, f32, f32)>,
    /// Events drawn with a selection ring.
    pub highlighted: Vec<EventIdx>,
    /// All events the timeline histogram counts (usually the filtered events).
    pub timeline_events: Vec<EventIdx>,
    /// The timeline's inclusive range; defaults to the extent of `timeline_events`.
    pub time_range: Option<(NaiveDate, NaiveDate)>,
    /// The playback cursor on the timeline, as a day number (fractions allowed).
    pub now: Option<f64>,
    /// Shaded span on the timeline (e.g. the moving window), as day numbers.
    pub window: Option<(f64, f64)>,
    pub annotations: Vec<Annotation>,
}

impl Scene {
    /// Every given event fully visible, counted on the timeline too.
    pub fn all(events: &[EventIdx]) -> Self {
        Self {
            events: events.iter().map(|&i| (i, 1.0, 0.0)).collect(),
            timeline_events: events.to_vec(),
            ..Self::default()
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Layout {
    /// Title/caption band at the top.
    header_h: f32,
    map_top: f32,
    map_h: f32,
    timeline_top: f32,
    timeline_h: f32,
    /// Type and symbol scale.
    s: f32,
}

/// Renders frames of one view; the basemap layer is drawn once and reused.
pub struct Renderer {
    pub opts: RenderOptions,
    layout: Layout,
    base: Pixmap,
    /// World units → image pixels: `x = (wx - origin.0) * ppu`, `y = (wy - origin.1) * ppu + map_top`.
    origin: (f64, f64),
    ppu: f64,
}

impl Renderer {
    pub fn new(opts: RenderOptions) -> Self {
        let (w, h) = (opts.width as f32, opts.height as f32);
        let s = opts.pixel_ratio.max(0.1);
        let title_lines = usize::from(opts.title.is_some());
        let caption_lines = opts
            .caption
            .as_ref()
            .map(|c| wrap(c, 18.0 * s, w - 32.0 * s, false).len())
            .unwrap_or(0);
        let header_h = if title_lines + caption_lines > 0 {
            16.0 * s + title_lines as f32 * 34.0 * s + caption_lines as f32 * 24.0 * s
        } else {
            0.0
        };
        let timeline_h = if opts.show_timeline {
            (h * 0.16).clamp(60.0 * s.min(1.5), 160.0 * s)
        } else {
            0.0
        };
        let map_top = header_h;
        let map_h = (h - header_h - timeline_h).max(1.0);
        let layout = Layout {
            header_h,
            map_top,
            map_h,
            timeline_top: map_top + map_h,
            timeline_h,
            s,
        };
        let ppu = pixels_per_world_unit(opts.view.zoom) * f64::from(s);
        let c = lonlat_to_world(opts.view.center_lon, opts.view.center_lat);
        let origin = (
            c[0] - f64::from(w) / 2.0 / ppu,
            c[1] - f64::from(map_h) / 2.0 / ppu,
        );
        let base = Pixmap::new(opts.width, opts.height).expect("non-zero size");
        let mut r = Self {
            opts,
            layout,
            base,
            origin,
            ppu,
        };
        r.base = r.draw_base();
        r
    }

    /// Image position of a longitude/latitude.
    pub fn project(&self, lon: f64, lat: f64) -> (f32, f32) {
        let w = lonlat_to_world(lon, lat);
        self.world_to_px([w[0], w[1]])
    }

    fn world_to_px(&self, w: [f64; 2]) -> (f32, f32) {
        (
            ((w[0] - self.origin.0) * self.ppu) as f32,
            ((w[1] - self.origin.1) * self.ppu) as f32 + self.layout.map_top,
        )
    }

    /// One finished image.
    pub fn render(&self, store: &Store, scene: &Scene) -> Pixmap {
        let mut pm = self.base.clone();
        self.draw_events(&mut pm, store, scene);
        self.draw_annotations(&mut pm, &scene.annotations);
        if self.opts.show_legend {
            self.draw_legend(&mut pm, store, scene);
        }
        if self.opts.show_timeline {
            self.draw_timeline(&mut pm, store, scene);
        }
        pm
    }

    fn draw_base(&self) -> Pixmap {
        let o = &self.opts;
        let p = &o.palette;
        let Layout {
            map_top, map_h, s, ..
        } = self.layout;
        let mut pm = Pixmap::new(o.width, o.height).expect("non-zero size");
        pm.fill(color(p.panel));
        let map_rect = tiny_skia::Rect::from_xywh(0.0, map_top, o.width as f32, map_h);
        let clip = map_rect.and_then(|r| {
            let mut m = tiny_skia::Mask::new(o.width, o.height)?;
            m.fill_path(
                &PathBuilder::from_rect(r),
                FillRule::Winding,
                false,
                Transform::identity(),
            );
            Some(m)
        });
        if let Some(r) = map_rect {
            pm.fill_rect(r, &paint(p.water), Transform::identity(), None);
        }
        let bm = Basemap::global();
        let zoom = (o.view.zoom + f64::from(s.log2())) as f32;
        let layers = bm.lod(zoom);
        let view_world = [
            self.origin.0 as f32,
            self.origin.1 as f32,
            (self.origin.0 + f64::from(o.width) / self.ppu) as f32,
            (self.origin.1 + f64::from(map_h) / self.ppu) as f32,
        ];
        let mesh_path = |m: &basemap::Mesh| -> Option<Path> {
            let mut pb = PathBuilder::new();
            for t in m.indices.chunks_exact(3) {
                let pts = [t[0], t[1], t[2]].map(|i| {
                    let v = m.vertices[i as usize];
                    self.world_to_px([f64::from(v[0]), f64::from(v[1])])
                });
                pb.move_to(pts[0].0, pts[0].1);
                pb.line_to(pts[1].0, pts[1].1);
                pb.line_to(pts[2].0, pts[2].1);
                pb.close();
            }
            pb.finish()
        };
        for (meshes, c) in [(&layers.land, p.land), (&layers.lakes, p.lake)] {
            for m in basemap::visible(meshes, view_world) {
                if let Some(path) = mesh_path(m) {
                    pm.fill_path(
                        &path,
                        &paint(c),
                        FillRule::Winding,
                        Transform::identity(),
                        clip.as_ref(),
                    );
                }
            }
        }
        let line_path = |l: &basemap::Polyline| -> Option<Path> {
            let mut pb = PathBuilder::new();
            for (k, v) in l.points.iter().enumerate() {
                let (x, y) = self.world_to_px([f64::from(v[0]), f64::from(v[1])]);
                if k == 0 {
                    pb.move_to(x, y)
                } else {
                    pb.line_to(x, y)
                }
            }
            pb.finish()
        };
        let groups = [
            (&layers.rivers, p.river, 0.9 * s),
            (&layers.coastlines, p.coastline, 0.8 * s),
            (&layers.borders, p.border, 1.0 * s),
        ];
        for (lines, c, width) in groups {
            let stroke = Stroke {
                width,
                line_cap: LineCap::Round,
                line_join: LineJoin::Round,
                ..Stroke::default()
            };
            for l in basemap::visible(lines, view_world).filter(|l| l.min_zoom <= zoom) {
                if let Some(path) = line_path(l) {
                    pm.stroke_path(
                        &path,
                        &paint(c),
                        &stroke,
                        Transform::identity(),
                        clip.as_ref(),
                    );
                }
            }
        }
        if o.show_labels {
            self.draw_labels(&mut pm, bm, zoom);
        }
        // Attribution, bottom right of the map.
        let size = 11.0 * s;
        let text = format!("{} · chronomap", basemap::ATTRIBUTION);
        let tw = text_width(&text, size, false);
        let (x, y) = (o.width as f32 - tw - 6.0 * s, map_top + map_h - 6.0 * s);
        fill_rect(
            &mut pm,
            x - 4.0 * s,
            y - size - 2.0 * s,
            tw + 8.0 * s,
            size + 6.0 * s,
            with_alpha(p.panel, 170),
        );
        draw_text(&mut pm, &text, x, y, size, p.text, false);
        self.draw_header(&mut pm);
        pm
    }

    fn draw_labels(&self, pm: &mut Pixmap, bm: &Basemap, zoom: f32) {
        let p = &self.opts.palette;
        let Layout {
            map_top, map_h, s, ..
        } = self.layout;
        let mut taken: Vec<[f32; 4]> = Vec::new();
        let max_labels =
            ((self.opts.width as f32 * map_h) / (90_000.0 * s * s)).clamp(6.0, 80.0) as usize;
        for l in bm.labels.iter().filter(|l| l.min_zoom <= zoom) {
            if taken.len() >= max_labels {
                break;
            }
            let (x, y) = self.world_to_px([f64::from(l.world[0]), f64::from(l.world[1])]);
            let size = if l.rank <= 1 { 13.0 } else { 11.5 } * s;
            let w = text_width(&l.text, size, l.is_capital);
            let rect = [x + 4.0 * s, y - size * 0.5, x + 4.0 * s + w, y + size * 0.7];
            if rect[0] < 0.0
                || rect[2] > self.opts.width as f32
                || rect[1] < map_top
                || rect[3] > map_top + map_h
            {
                continue;
            }
            let pad = 3.0 * s;
            if taken.iter().any(|t| {
                rect[0] < t[2] + pad
                    && rect[2] + pad > t[0]
                    && rect[1] < t[3] + pad
                    && rect[3] + pad > t[1]
            }) {
                continue;
            }
            taken.push(rect);
            fill_circle(pm, x, y, 2.2 * s, p.label);
            draw_text_halo(
                pm,
                &l.text,
                rect[0],
                y + size * 0.4,
                size,
                p.label,
                p.label_halo,
                l.is_capital,
                s,
            );
        }
    }

    fn draw_header(&self, pm: &mut Pixmap) {
        let o = &self.opts;
        let Layout { header_h, s, .. } = self.layout;
        if header_h <= 0.0 {
            return;
        }
        fill_rect(pm, 0.0, 0.0, o.width as f32, header_h, o.palette.panel);
        let mut y = 8.0 * s;
        if let Some(t) = &o.title {
            y += 28.0 * s;
            draw_text(pm, t, 16.0 * s, y, 26.0 * s, o.palette.text, true);
            y += 6.0 * s;
        }
        if let Some(c) = &o.caption {
            for line in wrap(c, 18.0 * s, o.width as f32 - 32.0 * s, false) {
                y += 24.0 * s;
                draw_text(
                    pm,
                    &line,
                    16.0 * s,
                    y - 4.0 * s,
                    18.0 * s,
                    o.palette.text,
                    false,
                );
            }
        }
    }

    fn draw_events(&self, pm: &mut Pixmap, store: &Store, scene: &Scene) {
        let o = &self.opts;
        let Layout {
            map_top, map_h, s, ..
        } = self.layout;
        let clip = tiny_skia::Rect::from_xywh(0.0, map_top, o.width as f32, map_h).and_then(|r| {
            let mut m = tiny_skia::Mask::new(o.width, o.height)?;
            m.fill_path(
                &PathBuilder::from_rect(r),
                FillRule::Winding,
                false,
                Transform::identity(),
            );
            Some(m)
        });
        let clip = clip.as_ref();
        // Areas first, under the pins; larger events under smaller ones.
        let mut order: Vec<&(EventIdx, f32, f32)> = scene
            .events
            .iter()
            .filter(|(i, _, _)| store.events.get(*i).is_some_and(|e| e.place.is_some()))
            .collect();
        order.sort_by(|a, b| {
            let key = |i: EventIdx| {
                let e = &store.events[i];
                let area = e.place.as_ref().is_some_and(|p| p.precision.is_area());
                (
                    !area,
                    std::cmp::Reverse(e.killed.as_ref().map(|k| k.high).unwrap_or(0)),
                )
            };
            key(a.0).cmp(&key(b.0))
        });
        for &&(i, alpha, pulse) in &order {
            let e = &store.events[i];
            let Some(place) = &e.place else { continue };
            let (x, y) = self.project(place.lon, place.lat);
            let fill = theme::perpetrator_color(e.perpetrator.as_deref());
            let r = theme::marker_radius(e.killed.as_ref().map(|k| k.high)) * s;
            if let Some(radius_m) = area_radius_m(place.precision) {
                let m_per_unit = 40_075_016.686 * place.lat.to_radians().cos().max(0.01);
                let rpx = (radius_m / m_per_unit * self.ppu) as f32;
                fill_circle_clip(pm, x, y, rpx, with_alpha(fill, (60.0 * alpha) as u8), clip);
                stroke_circle(
                    pm,
                    x,
                    y,
                    rpx,
                    with_alpha(fill, (200.0 * alpha) as u8),
                    1.5 * s,
                    clip,
                );
            }
            if pulse > 0.0 {
                let pr = r * (1.0 + 2.2 * (1.0 - pulse));
                stroke_circle(
                    pm,
                    x,
                    y,
                    pr,
                    with_alpha(fill, (255.0 * pulse) as u8),
                    2.5 * s,
                    clip,
                );
            }
            let outline = with_alpha(o.palette.panel, (230.0 * alpha) as u8);
            draw_marker(
                pm,
                theme::marker_shape(e.kind),
                x,
                y,
                r,
                with_alpha(fill, (255.0 * alpha) as u8),
                outline,
                s,
                clip,
            );
            if scene.highlighted.contains(&i) {
                stroke_circle(pm, x, y, r + 4.0 * s, o.palette.selection, 2.5 * s, clip);
            }
        }
    }

    fn draw_annotations(&self, pm: &mut Pixmap, notes: &[Annotation]) {
        let p = &self.opts.palette;
        let s = self.layout.s;
        for a in notes {
            let (x, y) = self.project(a.lon, a.lat);
            if let Some((tl, ta)) = a.arrow_to {
                let (tx, ty) = self.project(tl, ta);
                draw_arrow(pm, x, y, tx, ty, p.hover, 2.5 * s);
            }
            let size = 16.0 * s;
            draw_text_halo(pm, &a.text, x, y, size, p.hover, p.label_halo, true, s);
        }
    }

    fn draw_legend(&self, pm: &mut Pixmap, store: &Store, scene: &Scene) {
        let p = &self.opts.palette;
        let Layout {
            map_top, map_h, s, ..
        } = self.layout;
        let mut kinds: Vec<EventKind> = Vec::new();
        let mut perps: Vec<Option<String>> = Vec::new();
        for &(i, _, _) in &scene.events {
            let Some(e) = store.events.get(i) else {
                continue;
            };
            if !kinds.contains(&e.kind) {
                kinds.push(e.kind);
            }
            if !perps.contains(&e.perpetrator) && perps.len() < 6 {
                perps.push(e.perpetrator.clone());
            }
        }
        kinds.sort();
        if kinds.is_empty() {
            return;
        }
        let size = 12.0 * s;
        let row = 18.0 * s;
        let label = |k: &Option<String>| {
            k.clone()
                .unwrap_or_else(|| "Perpetrator not stated".to_owned())
        };
        let widest = kinds
            .iter()
            .map(|k| text_width(k.label(), size, false))
            .chain(perps.iter().map(|k| text_width(&label(k), size, false)))
            .fold(0.0f32, f32::max);
        let w = widest + 34.0 * s;
        let h = row * (kinds.len() + perps.len()) as f32 + 14.0 * s;
        let (x0, y0) = (10.0 * s, map_top + map_h - h - 10.0 * s);
        fill_rect(pm, x0, y0, w, h, with_alpha(p.panel, 215));
        let mut y = y0 + 7.0 * s + row / 2.0;
        for k in &kinds {
            draw_marker(
                pm,
                theme::marker_shape(*k),
                x0 + 13.0 * s,
                y,
                6.0 * s,
                p.text,
                p.panel,
                s,
                None,
            );
            draw_text(
                pm,
                k.label(),
                x0 + 26.0 * s,
                y + size * 0.38,
                size,
                p.text,
                false,
            );
            y += row;
        }
        for who in &perps {
            fill_circle(
                pm,
                x0 + 13.0 * s,
                y,
                6.0 * s,
                theme::perpetrator_color(who.as_deref()),
            );
            draw_text(
                pm,
                &label(who),
                x0 + 26.0 * s,
                y + size * 0.38,
                size,
                p.text,
                false,
            );
            y += row;
        }
    }

    fn draw_timeline(&self, pm: &mut Pixmap, store: &Store, scene: &Scene) {
        let o = &self.opts;
        let p = &o.palette;
        let Layout {
            timeline_top: top,
            timeline_h: h,
            s,
            ..
        } = self.layout;
        let w = o.width as f32;
        fill_rect(pm, 0.0, top, w, h, p.panel);
        fill_rect(pm, 0.0, top, w, 1.0 * s, p.border);
        let range = scene.time_range.or_else(|| {
            let evs = scene
                .timeline_events
                .iter()
                .filter_map(|&i| store.events.get(i));
            let first = evs.clone().map(|e| e.date.start).min()?;
            let last = evs.map(|e| e.date.end).max()?;
            Some((first, last))
        });
        let Some((first, last)) = range else { return };
        let (d0, d1) = (day_number(first), day_number(last) + 1.0);
        let (left, right) = (16.0 * s, w - 16.0 * s);
        let axis_y = top + h - 20.0 * s;
        let bar_top = top + 8.0 * s;
        let xs = |d: f64| left + ((d - d0) / (d1 - d0).max(1.0)) as f32 * (right - left);
        if let Some((a, b)) = scene.window {
            let (xa, xb) = (xs(a.max(d0)), xs(b.min(d1)));
            if xb > xa {
                fill_rect(
                    pm,
                    xa,
                    bar_top,
                    xb - xa,
                    axis_y - bar_top,
                    with_alpha(p.hover, 40),
                );
            }
        }
        // Stacked bars per bucket, coloured by kind.
        let span = (d1 - d0).max(1.0);
        let buckets = ((right - left) / (6.0 * s))
            .clamp(1.0, span as f32 * 1.0)
            .max(1.0) as usize;
        let days_per_bucket = span / buckets as f64;
        let mut counts = vec![[0u32; EventKind::ALL.len()]; buckets];
        for &i in &scene.timeline_events {
            let Some(e) = store.events.get(i) else {
                continue;
            };
            let d = day_number(e.date.start);
            if d < d0 || d >= d1 {
                continue;
            }
            let b = (((d - d0) / days_per_bucket) as usize).min(buckets - 1);
            let k = EventKind::ALL
                .iter()
                .position(|k| *k == e.kind)
                .unwrap_or(0);
            counts[b][k] += 1;
        }
        let max = counts
            .iter()
            .map(|c| c.iter().sum::<u32>())
            .max()
            .unwrap_or(0)
            .max(1);
        let bw = (right - left) / buckets as f32;
        let unit = (axis_y - bar_top) / max as f32;
        for (b, c) in counts.iter().enumerate() {
            let mut y = axis_y;
            for (k, &n) in c.iter().enumerate() {
                if n == 0 {
                    continue;
                }
                let hh = n as f32 * unit;
                y -= hh;
                fill_rect(
                    pm,
                    left + b as f32 * bw + 0.5 * s,
                    y,
                    (bw - 1.0 * s).max(1.0),
                    hh,
                    theme::kind_color(EventKind::ALL[k]),
                );
            }
        }
        fill_rect(pm, left, axis_y, right - left, 1.0 * s, p.text);
        // Month ticks (or years over long spans).
        let size = 11.0 * s;
        let months = (span / 30.0).max(1.0);
        let every = [1u32, 2, 3, 6, 12]
            .into_iter()
            .find(|m| months / f64::from(*m) <= (right - left) as f64 / (70.0 * f64::from(s)))
            .unwrap_or(24);
        let mut m = NaiveDate::from_ymd_opt(first.year(), first.month(), 1).unwrap_or(first);
        let mut last_label_end = f32::MIN;
        while m <= last {
            let x = xs(day_number(m));
            if x >= left {
                fill_rect(pm, x, axis_y, 1.0 * s, 4.0 * s, p.text);
                let text = if m.month() == 1 || every >= 12 {
                    m.format("%b %Y").to_string()
                } else {
                    m.format("%b").to_string()
                };
                if x > last_label_end + 6.0 * s
                    && x + text_width(&text, size, false) < right + 12.0 * s
                {
                    draw_text(
                        pm,
                        &text,
                        x + 2.0 * s,
                        axis_y + 15.0 * s,
                        size,
                        p.text,
                        false,
                    );
                    last_label_end = x + text_width(&text, size, false);
                }
            }
            m = add_months(m, every);
        }
        if last_label_end == f32::MIN {
            draw_text(
                pm,
                &first.format("%-d %b %Y").to_string(),
                left,
                axis_y + 15.0 * s,
                size,
                p.text,
                false,
            );
        }
        if let Some(now) = scene.now {
            let x = xs(now.clamp(d0, d1));
            fill_rect(
                pm,
                x - 1.0 * s,
                bar_top - 4.0 * s,
                2.0 * s,
                axis_y - bar_top + 8.0 * s,
                p.hover,
            );
            let label = crate::briefing::from_day_number(now.min(d1 - 1.0))
                .format("%-d %b %Y")
                .to_string();
            let size = 14.0 * s;
            let tw = text_width(&label, size, true);
            let tx = (x + 6.0 * s).min(right - tw);
            fill_rect(
                pm,
                tx - 3.0 * s,
                bar_top - 2.0 * s,
                tw + 6.0 * s,
                size + 6.0 * s,
                with_alpha(p.panel, 220),
            );
            draw_text(pm, &label, tx, bar_top + size, size, p.hover, true);
        }
    }
}

fn add_months(d: NaiveDate, n: u32) -> NaiveDate {
    let total = d.year() * 12 + d.month0() as i32 + n as i32;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
        .unwrap_or(NaiveDate::MAX)
}

/// Rough radius of a place that is an area, as the map panel draws it.
fn area_radius_m(p: PlacePrecision) -> Option<f64> {
    match p {
        PlacePrecision::Province => Some(60_000.0),
        PlacePrecision::Region => Some(150_000.0),
        PlacePrecision::Country => Some(300_000.0),
        _ => None,
    }
}

/// Straight RGBA to un-premultiplied RGBA bytes of a whole image (for PNG/GIF encoders).
pub fn to_rgba(pm: &Pixmap) -> Vec<u8> {
    let mut out = Vec::with_capacity(pm.data().len());
    for px in pm.pixels() {
        let c = px.demultiply();
        out.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    out
}

/// RGB bytes (the images are opaque).
pub fn to_rgb(pm: &Pixmap) -> Vec<u8> {
    let mut out = Vec::with_capacity(pm.data().len() / 4 * 3);
    for px in pm.pixels() {
        let c = px.demultiply();
        out.extend_from_slice(&[c.red(), c.green(), c.blue()]);
    }
    out
}

// ---- drawing primitives ----

fn color(c: Rgba) -> Color {
    Color::from_rgba8(c[0], c[1], c[2], c[3])
}

fn with_alpha(c: Rgba, a: u8) -> Rgba {
    [
        c[0],
        c[1],
        c[2],
        ((u16::from(c[3]) * u16::from(a)) / 255) as u8,
    ]
}

fn paint(c: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(color(c));
    p.anti_alias = true;
    p
}

fn fill_rect(pm: &mut Pixmap, x: f32, y: f32, w: f32, h: f32, c: Rgba) {
    // Without anti-aliasing: tiny-skia's anti-aliased rect filler asserts on sub-pixel
    // rectangles, and our rectangles are bars and rules where crisp edges look better anyway.
    if let Some(r) = tiny_skia::Rect::from_xywh(x, y, w.max(1.0), h.max(1.0)) {
        let mut p = paint(c);
        p.anti_alias = false;
        pm.fill_rect(r, &p, Transform::identity(), None);
    }
}

fn fill_circle(pm: &mut Pixmap, x: f32, y: f32, r: f32, c: Rgba) {
    fill_circle_clip(pm, x, y, r, c, None);
}

fn fill_circle_clip(
    pm: &mut Pixmap,
    x: f32,
    y: f32,
    r: f32,
    c: Rgba,
    clip: Option<&tiny_skia::Mask>,
) {
    if let Some(path) = PathBuilder::from_circle(x, y, r.max(0.1)) {
        pm.fill_path(
            &path,
            &paint(c),
            FillRule::Winding,
            Transform::identity(),
            clip,
        );
    }
}

fn stroke_circle(
    pm: &mut Pixmap,
    x: f32,
    y: f32,
    r: f32,
    c: Rgba,
    width: f32,
    clip: Option<&tiny_skia::Mask>,
) {
    if let Some(path) = PathBuilder::from_circle(x, y, r.max(0.1)) {
        let stroke = Stroke {
            width,
            ..Stroke::default()
        };
        pm.stroke_path(&path, &paint(c), &stroke, Transform::identity(), clip);
    }
}

fn polygon(points: &[(f32, f32)]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for (k, &(x, y)) in points.iter().enumerate() {
        if k == 0 {
            pb.move_to(x, y)
        } else {
            pb.line_to(x, y)
        }
    }
    pb.close();
    pb.finish()
}

#[allow(clippy::too_many_arguments)]
fn draw_marker(
    pm: &mut Pixmap,
    shape: MarkerShape,
    x: f32,
    y: f32,
    r: f32,
    fill: Rgba,
    outline: Rgba,
    s: f32,
    clip: Option<&tiny_skia::Mask>,
) {
    let path = match shape {
        MarkerShape::TriangleDown => {
            polygon(&[(x - r, y - r * 0.8), (x + r, y - r * 0.8), (x, y + r)])
        }
        MarkerShape::TriangleUp => {
            polygon(&[(x - r, y + r * 0.8), (x + r, y + r * 0.8), (x, y - r)])
        }
        MarkerShape::Diamond | MarkerShape::DiamondOutline => {
            polygon(&[(x, y - r), (x + r, y), (x, y + r), (x - r, y)])
        }
        MarkerShape::Square => polygon(&[
            (x - r * 0.8, y - r * 0.8),
            (x + r * 0.8, y - r * 0.8),
            (x + r * 0.8, y + r * 0.8),
            (x - r * 0.8, y + r * 0.8),
        ]),
        MarkerShape::Star => {
            let pts: Vec<(f32, f32)> = (0..10)
                .map(|k| {
                    let a = std::f32::consts::PI * (k as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
                    let rr = if k % 2 == 0 { r * 1.15 } else { r * 0.5 };
                    (x + rr * a.cos(), y + rr * a.sin())
                })
                .collect();
            polygon(&pts)
        }
        MarkerShape::Cross => {
            let t = r * 0.35;
            polygon(&[
                (x - t, y - r),
                (x + t, y - r),
                (x + t, y - t),
                (x + r, y - t),
                (x + r, y + t),
                (x + t, y + t),
                (x + t, y + r),
                (x - t, y + r),
                (x - t, y + t),
                (x - r, y + t),
                (x - r, y - t),
                (x - t, y - t),
            ])
        }
        MarkerShape::Ring | MarkerShape::Circle => PathBuilder::from_circle(x, y, r),
    };
    let Some(path) = path else { return };
    let hollow = matches!(shape, MarkerShape::DiamondOutline);
    let stroke = Stroke {
        width: 1.5 * s,
        line_join: LineJoin::Round,
        ..Stroke::default()
    };
    if hollow {
        let thick = Stroke {
            width: 3.5 * s,
            ..stroke.clone()
        };
        pm.stroke_path(&path, &paint(outline), &thick, Transform::identity(), clip);
        let inner = Stroke {
            width: 2.2 * s,
            ..stroke
        };
        pm.stroke_path(&path, &paint(fill), &inner, Transform::identity(), clip);
        return;
    }
    pm.fill_path(
        &path,
        &paint(fill),
        FillRule::Winding,
        Transform::identity(),
        clip,
    );
    pm.stroke_path(&path, &paint(outline), &stroke, Transform::identity(), clip);
    if matches!(shape, MarkerShape::Ring) {
        stroke_circle(pm, x, y, r * 0.5, outline, 1.5 * s, clip);
    }
}

fn draw_arrow(pm: &mut Pixmap, x0: f32, y0: f32, x1: f32, y1: f32, c: Rgba, width: f32) {
    let (dx, dy) = (x1 - x0, y1 - y0);
    let len = (dx * dx + dy * dy).sqrt();
    if len < 1.0 {
        return;
    }
    let (ux, uy) = (dx / len, dy / len);
    let head = (width * 5.0).min(len * 0.5);
    let mut pb = PathBuilder::new();
    pb.move_to(x0, y0);
    pb.line_to(x1 - ux * head * 0.6, y1 - uy * head * 0.6);
    if let Some(path) = pb.finish() {
        let stroke = Stroke {
            width,
            line_cap: LineCap::Round,
            ..Stroke::default()
        };
        pm.stroke_path(&path, &paint(c), &stroke, Transform::identity(), None);
    }
    let (bx, by) = (x1 - ux * head, y1 - uy * head);
    if let Some(tri) = polygon(&[
        (x1, y1),
        (bx - uy * head * 0.5, by + ux * head * 0.5),
        (bx + uy * head * 0.5, by - ux * head * 0.5),
    ]) {
        pm.fill_path(
            &tri,
            &paint(c),
            FillRule::Winding,
            Transform::identity(),
            None,
        );
    }
}

/// Width in pixels of a line of text.
pub fn text_width(text: &str, size: f32, bold: bool) -> f32 {
    let f = font(bold).as_scaled(PxScale::from(size));
    let mut w = 0.0;
    let mut prev = None;
    for ch in text.chars() {
        let id = f.glyph_id(ch);
        if let Some(p) = prev {
            w += f.kern(p, id);
        }
        w += f.h_advance(id);
        prev = Some(id);
    }
    w
}

/// Greedy word wrap to `max_width` pixels.
pub fn wrap(text: &str, size: f32, max_width: f32, bold: bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, size, bold) > max_width {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Draws text with its baseline at `y`, blending glyph coverage into the premultiplied pixels.
pub fn draw_text(pm: &mut Pixmap, text: &str, x: f32, y: f32, size: f32, c: Rgba, bold: bool) {
    let f = font(bold);
    let scaled = f.as_scaled(PxScale::from(size));
    let (w, h) = (pm.width() as i32, pm.height() as i32);
    let data = pm.data_mut();
    let mut caret = x;
    let mut prev = None;
    for ch in text.chars() {
        let id = scaled.glyph_id(ch);
        if let Some(p) = prev {
            caret += scaled.kern(p, id);
        }
        let glyph = id.with_scale_and_position(size, ab_glyph::point(caret, y));
        caret += scaled.h_advance(id);
        prev = Some(id);
        let Some(outlined) = f.outline_glyph(glyph) else {
            continue;
        };
        let b = outlined.px_bounds();
        outlined.draw(|gx, gy, cov| {
            let px = b.min.x as i32 + gx as i32;
            let py = b.min.y as i32 + gy as i32;
            if px < 0 || py < 0 || px >= w || py >= h {
                return;
            }
            let a = cov.clamp(0.0, 1.0) * f32::from(c[3]) / 255.0;
            if a <= 0.0 {
                return;
            }
            let k = ((py * w + px) * 4) as usize;
            for ch in 0..3 {
                let src = f32::from(c[ch]) * a;
                data[k + ch] = (src + f32::from(data[k + ch]) * (1.0 - a))
                    .round()
                    .min(255.0) as u8;
            }
            data[k + 3] = (255.0 * a + f32::from(data[k + 3]) * (1.0 - a))
                .round()
                .min(255.0) as u8;
        });
    }
}

/// Text with a halo so it reads over any map background.
#[allow(clippy::too_many_arguments)]
fn draw_text_halo(
    pm: &mut Pixmap,
    text: &str,
    x: f32,
    y: f32,
    size: f32,
    c: Rgba,
    halo: Rgba,
    bold: bool,
    s: f32,
) {
    let d = 1.2 * s;
    for (dx, dy) in [
        (-d, 0.0),
        (d, 0.0),
        (0.0, -d),
        (0.0, d),
        (-d, -d),
        (d, d),
        (-d, d),
        (d, -d),
    ] {
        draw_text(pm, text, x + dx, y + dy, size, halo, bold);
    }
    draw_text(pm, text, x, y, size, c, bold);
}

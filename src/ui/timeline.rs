//! The timeline: a histogram of the filtered events per day (per week or month when zoomed
//! out), stacked by kind. Dragging brushes a time range into `Filter::time`; a click moves the
//! scrubber. Events dated only to a week or a month are drawn as spans under the axis instead
//! of being piled onto one made-up day.

use chrono::{Datelike, Duration, NaiveDate};
use egui_plot::{Bar, BarChart, GridInput, GridMark, Plot, PlotTransform, Polygon, Span, VLine};

use crate::extract::EventKind;
use crate::store::{EventIdx, Store};
use crate::ui::app::ViewContext;
use crate::ui::command::Command;
use crate::ui::theme;

/// The plot's x coordinate: days since 1970-01-01. Day `d` covers `[d, d + 1)`.
pub fn day_x(d: NaiveDate) -> f64 {
    (d - epoch()).num_days() as f64
}

pub fn x_day(x: f64) -> NaiveDate {
    epoch() + Duration::days(x.floor() as i64)
}

fn epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinUnit {
    Day,
    Week,
    Month,
}

impl BinUnit {
    /// The unit that keeps bars a few pixels wide for this many visible days.
    pub fn for_span(days: f64) -> BinUnit {
        if days <= 150.0 {
            BinUnit::Day
        } else if days <= 900.0 {
            BinUnit::Week
        } else {
            BinUnit::Month
        }
    }

    /// First day of the bin containing `d`.
    pub fn bin_start(self, d: NaiveDate) -> NaiveDate {
        match self {
            BinUnit::Day => d,
            BinUnit::Week => d - Duration::days(d.weekday().num_days_from_monday() as i64),
            BinUnit::Month => d.with_day(1).expect("day 1 exists"),
        }
    }

    pub fn bin_days(self, start: NaiveDate) -> i64 {
        match self {
            BinUnit::Day => 1,
            BinUnit::Week => 7,
            BinUnit::Month => {
                let next = if start.month() == 12 {
                    NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)
                };
                next.map(|n| (n - start).num_days()).unwrap_or(30)
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            BinUnit::Day => "per day",
            BinUnit::Week => "per week",
            BinUnit::Month => "per month",
        }
    }
}

/// Counts per bin and kind of the events dated to a single day, and the events that span
/// several days (drawn as spans).
#[derive(Debug, Default, Clone)]
pub struct Histogram {
    /// (bin start, bin length in days, count per kind in `EventKind::ALL` order).
    pub bins: Vec<(NaiveDate, i64, [u32; 9])>,
    pub spans: Vec<EventIdx>,
    /// Lane (0..3) under the axis of each entry of `spans`.
    pub span_lanes: Vec<u8>,
}

impl Histogram {
    pub fn build(store: &Store, visible: &[EventIdx], unit: BinUnit) -> Histogram {
        let facts = store.facts();
        let mut bins: Vec<(NaiveDate, i64, [u32; 9])> = Vec::new();
        let mut spans = Vec::new();
        // `visible` is in time order, so day-precise events arrive with non-decreasing dates
        // and the bin to extend is always the last one (spans are set aside, not binned).
        for &i in visible {
            let f = &facts[i];
            if f.end > f.start {
                spans.push(i);
                continue;
            }
            let k = usize::from(f.kind_slot);
            match bins.last_mut() {
                // Within the last bin: no calendar arithmetic needed.
                Some(last) if f.start >= last.0 && (f.start - last.0).num_days() < last.1 => {
                    last.2[k] += 1
                }
                _ => {
                    let start = unit.bin_start(f.start);
                    // Out of order input (not from `Store::filtered`): find the bin.
                    if let Some(b) = bins.iter_mut().rev().find(|b| b.0 == start) {
                        b.2[k] += 1;
                    } else {
                        let mut counts = [0; 9];
                        counts[k] = 1;
                        bins.push((start, unit.bin_days(start), counts));
                    }
                }
            }
        }
        bins.sort_by_key(|b| b.0);
        // Greedy lane packing of the multi-day events (in start order), three lanes at most.
        let mut lanes_end: Vec<NaiveDate> = Vec::new();
        let span_lanes = spans
            .iter()
            .map(|&i| {
                let f = &facts[i];
                let lane = match lanes_end.iter().position(|end| *end < f.start) {
                    Some(l) => l,
                    None if lanes_end.len() < 3 => {
                        lanes_end.push(f.start);
                        lanes_end.len() - 1
                    }
                    None => lanes_end.len() - 1,
                };
                lanes_end[lane] = f.end;
                lane as u8
            })
            .collect();
        Histogram {
            bins,
            spans,
            span_lanes,
        }
    }

    pub fn max_stack(&self) -> u32 {
        self.bins
            .iter()
            .map(|b| b.2.iter().sum::<u32>())
            .max()
            .unwrap_or(0)
    }
}

/// Multi-day events drawn per frame at most.
const MAX_SPANS_DRAWN: usize = 400;

#[derive(Default)]
pub struct Timeline {
    /// The scrubber ("current time"), moved by a click or by playback.
    pub now: Option<NaiveDate>,
    histogram: Histogram,
    histogram_key: Option<(u64, BinUnit)>,
    unit: Option<BinUnit>,
    /// Where a brushing drag started and where it is now (plot x).
    brush: Option<(f64, f64)>,
    /// The plot transform of the last frame, to map dates to screen positions.
    transform: Option<PlotTransform>,
    reset_view: bool,
    /// The event this view last reported as hovered.
    hover_sent: Option<EventIdx>,
}

impl Timeline {
    /// Screen x of the start of a day in the last frame (for tests and overlays).
    pub fn screen_x(&self, d: NaiveDate) -> Option<f32> {
        self.transform
            .as_ref()
            .map(|t| t.position_from_point_x(day_x(d)))
    }

    /// Screen position of a plot point (x in days, y in events) in the last frame.
    pub fn screen_pos(&self, x: f64, y: f64) -> Option<egui::Pos2> {
        self.transform
            .as_ref()
            .map(|t| t.position_from_point(&egui_plot::PlotPoint::new(x, y)))
    }

    /// Screen rectangle of the plot area in the last frame.
    pub fn plot_rect(&self) -> Option<egui::Rect> {
        self.transform.as_ref().map(|t| *t.frame())
    }

    pub fn unit(&self) -> Option<BinUnit> {
        self.unit
    }

    /// The histogram behind the bars (for tests: the bars' total equals the listed events).
    pub fn histogram(&self) -> &Histogram {
        &self.histogram
    }

    /// Re-fit the time axis to the data on the next frame (after a new corpus loads).
    pub fn reset_view(&mut self) {
        self.reset_view = true;
        self.transform = None;
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, v: &ViewContext<'_>, commands: &mut Vec<Command>) {
        let accents = theme::accents(v.theme);
        self.header(ui, v, commands);

        let span_days = self
            .transform
            .as_ref()
            .map(|t| t.bounds().width())
            .or_else(|| {
                v.store
                    .time_extent()
                    .map(|(a, b)| (b - a).num_days() as f64 + 1.0)
            })
            .unwrap_or(30.0);
        let unit = BinUnit::for_span(span_days);
        self.unit = Some(unit);
        if self.histogram_key != Some((v.generation, unit)) {
            self.histogram = Histogram::build(v.store, v.visible, unit);
            self.histogram_key = Some((v.generation, unit));
        }
        let hist = &self.histogram;
        let max_stack = hist.max_stack().max(1) as f64;
        // Span lanes sit under the axis, each a tenth of the tallest bar high.
        let lane_h = (max_stack * 0.1).max(0.25);

        let mut plot = Plot::new("timeline")
            .sense(egui::Sense::click_and_drag())
            .allow_drag(false)
            .allow_boxed_zoom(false)
            .allow_zoom([true, false])
            .allow_scroll([true, false])
            .allow_double_click_reset(true)
            .show_x(false)
            .show_y(false)
            .auto_bounds([false, true])
            .include_y(0.0)
            .y_axis_min_width(28.0)
            .x_grid_spacer(date_grid)
            .x_axis_formatter(|mark, _range| format_mark(mark))
            .y_axis_formatter(|mark, _range| {
                if mark.value >= 0.0 && mark.value.fract() == 0.0 {
                    format!("{}", mark.value)
                } else {
                    String::new()
                }
            });
        let fit_x = match v.store.time_extent() {
            Some((first, last)) if self.transform.is_none() || self.reset_view => {
                self.reset_view = false;
                let pad = ((last - first).num_days() as f64 * 0.02).max(1.0);
                Some((day_x(first) - pad, day_x(last) + 1.0 + pad))
            }
            _ => None,
        };
        if let Some((a, b)) = fit_x {
            plot = plot.default_x_bounds(a, b);
        }

        // Stacked by hand: each kind's bar starts where the previous kinds of the same bin end.
        // (`BarChart::stack_on` pairs bars by index, which only works when every kind has a
        // bar in every bin.)
        let mut charts: Vec<BarChart> = Vec::new();
        let mut base: Vec<f64> = vec![0.0; hist.bins.len()];
        for (k, kind) in EventKind::ALL.into_iter().enumerate() {
            let mut bars: Vec<Bar> = Vec::new();
            for (b, (start, days, counts)) in hist.bins.iter().enumerate() {
                if counts[k] == 0 {
                    continue;
                }
                let w = *days as f64;
                bars.push(
                    Bar::new(day_x(*start) + w / 2.0, counts[k] as f64)
                        .base_offset(base[b])
                        .width(w * 0.9)
                        .fill(theme::kind_color(kind))
                        .stroke(egui::Stroke::NONE),
                );
                base[b] += counts[k] as f64;
            }
            if bars.is_empty() {
                continue;
            }
            charts.push(
                BarChart::new(kind.label(), bars)
                    .color(theme::kind_color(kind))
                    .allow_hover(false),
            );
        }

        // Spans in view only, and a bounded number of them: beyond a few hundred they merge
        // into bands anyway.
        let (view_lo, view_hi) = self
            .transform
            .as_ref()
            .map(|t| (t.bounds().min()[0], t.bounds().max()[0]))
            .unwrap_or((f64::MIN, f64::MAX));
        let span_polys: Vec<(Vec<[f64; 2]>, EventKind)> = hist
            .spans
            .iter()
            .zip(&hist.span_lanes)
            .filter_map(|(&i, &lane)| {
                let e = &v.store.events[i];
                let (x0, x1) = (day_x(e.date.start), day_x(e.date.end) + 1.0);
                if x1 < view_lo || x0 > view_hi {
                    return None;
                }
                let y1 = -(lane as f64) * lane_h - lane_h * 0.15;
                let y0 = y1 - lane_h * 0.7;
                Some((vec![[x0, y0], [x1, y0], [x1, y1], [x0, y1]], e.kind))
            })
            .take(MAX_SPANS_DRAWN)
            .collect();

        let selected = v.selection.event.map(|i| &v.store.events[i]);
        let hovered = v.selection.hovered.map(|i| &v.store.events[i]);
        let time = v.filter.time;
        let brush = self.brush;
        let now = self.now;
        let response = plot.show(ui, |plot_ui| {
            if let Some((a, b)) = fit_x {
                plot_ui.set_plot_bounds_x(a..=b);
            }
            if let Some((a, b)) = time {
                plot_ui.span(
                    Span::new("", day_x(a)..=day_x(b) + 1.0)
                        .fill(accents.brush_fill)
                        .border(egui::Stroke::new(1.0, accents.hover)),
                );
            }
            if let Some((a, b)) = brush {
                plot_ui.span(
                    Span::new("", a.min(b)..=a.max(b))
                        .fill(accents.brush_fill)
                        .border(egui::Stroke::new(1.0, accents.hover)),
                );
            }
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            for (points, kind) in span_polys {
                plot_ui.polygon(
                    Polygon::new("", points)
                        .fill_color(theme::kind_color(kind).gamma_multiply(0.55))
                        .stroke(egui::Stroke::new(1.0, theme::kind_color(kind)))
                        .allow_hover(false),
                );
            }
            if let Some(e) = hovered {
                plot_ui.vline(
                    VLine::new("", day_x(e.date.start) + 0.5)
                        .color(accents.hover)
                        .width(1.5),
                );
            }
            if let Some(e) = selected {
                plot_ui.span(
                    Span::new("", day_x(e.date.start)..=day_x(e.date.end) + 1.0)
                        .fill(accents.selection.gamma_multiply(0.15))
                        .border(egui::Stroke::new(1.5, accents.selection)),
                );
            }
            if let Some(d) = now {
                plot_ui.vline(
                    VLine::new("", day_x(d) + 0.5)
                        .color(accents.hover)
                        .width(2.0),
                );
            }
            plot_ui.pointer_coordinate().map(|p| p.x)
        });
        let pointer_x = response.inner;
        let r = response.response;
        let transform = response.transform;
        // The bar segment or span under the pointer is the hovered event, for every view.
        let hovered_now = if r.hovered() && self.brush.is_none() {
            r.hover_pos().and_then(|pos| {
                let p = transform.value_from_position(pos);
                self.event_at(v.store, v.visible, unit, p.x, p.y, lane_h)
            })
        } else {
            None
        };
        crate::ui::event_list::hover_handoff(
            &mut self.hover_sent,
            hovered_now,
            v.selection.hovered,
            commands,
        );
        let to_x = |pos: egui::Pos2| transform.value_from_position(pos).x;
        if r.drag_started_by(egui::PointerButton::Primary) {
            // The brush starts where the button went down, not where the drag was recognised.
            let origin = ui
                .input(|i| i.pointer.press_origin())
                .or(r.interact_pointer_pos());
            if let Some(o) = origin {
                self.brush = Some((to_x(o), to_x(o)));
            }
        }
        if r.dragged_by(egui::PointerButton::Primary)
            && let (Some(p), Some(b)) = (r.interact_pointer_pos(), self.brush.as_mut())
        {
            b.1 = to_x(p);
        }
        if r.drag_stopped()
            && let Some((a, b)) = self.brush.take()
        {
            let (from, to) = (x_day(a.min(b)), x_day(a.max(b)));
            commands.push(Command::SetTimeRange(Some((from, to))));
        }
        if r.clicked()
            && let Some(x) = pointer_x
        {
            self.now = Some(x_day(x));
        }
        self.transform = Some(transform);
    }

    /// The event drawn at plot point (x, y): above the axis, the one-event slice of a stacked
    /// bar (kinds stacked in `EventKind::ALL` order, events in time order within a kind);
    /// below it, the span in that lane covering the day (the last drawn, which is on top).
    fn event_at(
        &self,
        store: &Store,
        visible: &[EventIdx],
        unit: BinUnit,
        x: f64,
        y: f64,
        lane_h: f64,
    ) -> Option<EventIdx> {
        let day = x_day(x);
        if y >= 0.0 {
            let (start, _, counts) =
                self.histogram.bins.iter().find(|(start, days, _)| {
                    *start <= day && day < *start + Duration::days(*days)
                })?;
            let mut base = 0.0;
            let (kind_slot_hit, nth) = counts.iter().enumerate().find_map(|(k, &n)| {
                let top = base + n as f64;
                let hit = (y >= base && y < top).then(|| (k, (y - base).floor() as usize));
                base = top;
                hit
            })?;
            // `visible` is in time order: jump to the bin's first day instead of scanning.
            let facts = store.facts();
            let end = *start + Duration::days(unit.bin_days(*start));
            let from = visible.partition_point(|&i| facts[i].start < *start);
            visible[from..]
                .iter()
                .copied()
                .take_while(|&i| facts[i].start < end)
                .filter(|&i| {
                    let f = &facts[i];
                    f.end == f.start && usize::from(f.kind_slot) == kind_slot_hit
                })
                .nth(nth)
        } else {
            let lane = ((-y) / lane_h).floor() as u8;
            self.histogram
                .spans
                .iter()
                .zip(&self.histogram.span_lanes)
                .filter(|&(&i, &l)| {
                    let f = &store.facts()[i];
                    l == lane && f.start <= day && day <= f.end
                })
                .map(|(&i, _)| i)
                .next_back()
        }
    }

    fn header(&mut self, ui: &mut egui::Ui, v: &ViewContext<'_>, commands: &mut Vec<Command>) {
        // Wrapped, so that a narrow panel does not widen itself to fit the hint text.
        ui.horizontal_wrapped(|ui| {
            ui.strong("Timeline");
            if let Some(unit) = self.unit {
                ui.weak(unit.label());
            }
            ui.separator();
            match v.filter.time {
                Some((a, b)) => {
                    ui.label(range_label(a, b, v.visible.len()));
                    if ui.button("Reset range").clicked() {
                        commands.push(Command::SetTimeRange(None));
                    }
                }
                None => {
                    if let Some((a, b)) = v.store.time_extent() {
                        ui.label(format!("All dates: {}", range_label(a, b, v.visible.len())));
                    }
                    ui.weak("drag to select a range");
                }
            }
        });
    }
}

/// "2019-12-27 – 2020-01-08 (12 events)".
pub fn range_label(a: NaiveDate, b: NaiveDate, n: usize) -> String {
    format!(
        "{} – {} ({n} event{})",
        a.format("%Y-%m-%d"),
        b.format("%Y-%m-%d"),
        if n == 1 { "" } else { "s" }
    )
}

/// Grid marks on calendar boundaries: years, months, Mondays or days, depending on the span.
fn date_grid(input: GridInput) -> Vec<GridMark> {
    let (lo, hi) = input.bounds;
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) || span > 365.0 * 200.0 {
        return Vec::new();
    }
    let (first, last) = (x_day(lo), x_day(hi) + Duration::days(1));
    let mut marks = Vec::new();
    let mut d = first;
    while d <= last && marks.len() < 5000 {
        let step = if d.month() == 1 && d.day() == 1 {
            365.0
        } else if d.day() == 1 {
            30.0
        } else if d.weekday() == chrono::Weekday::Mon {
            7.0
        } else {
            1.0
        };
        let wanted = if span > 1500.0 {
            step >= 365.0
        } else if span > 150.0 {
            step >= 30.0
        } else if span > 25.0 {
            step >= 7.0
        } else {
            true
        };
        if wanted {
            marks.push(GridMark {
                value: day_x(d),
                step_size: step,
            });
        }
        d += Duration::days(1);
    }
    marks
}

fn format_mark(mark: GridMark) -> String {
    let d = x_day(mark.value + 0.01);
    if mark.step_size >= 365.0 {
        d.format("%Y").to_string()
    } else if mark.step_size >= 30.0 {
        d.format("%b %Y").to_string()
    } else {
        d.format("%d %b").to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn plot_x_round_trips_to_the_day() {
        let d = day(2020, 1, 3);
        assert_eq!(x_day(day_x(d)), d);
        assert_eq!(x_day(day_x(d) + 0.99), d);
    }

    #[test]
    fn weeks_start_on_monday_and_months_on_the_first() {
        // 2020-01-03 was a Friday.
        assert_eq!(BinUnit::Week.bin_start(day(2020, 1, 3)), day(2019, 12, 30));
        assert_eq!(BinUnit::Month.bin_start(day(2020, 1, 3)), day(2020, 1, 1));
        assert_eq!(BinUnit::Month.bin_days(day(2020, 2, 1)), 29);
    }

    #[test]
    fn wider_views_use_coarser_bins() {
        assert_eq!(BinUnit::for_span(30.0), BinUnit::Day);
        assert_eq!(BinUnit::for_span(400.0), BinUnit::Week);
        assert_eq!(BinUnit::for_span(2000.0), BinUnit::Month);
    }

    #[test]
    fn range_label_counts_events() {
        assert_eq!(
            range_label(day(2019, 12, 27), day(2020, 1, 8), 4),
            "2019-12-27 – 2020-01-08 (4 events)"
        );
    }
}

//! One frame of the whole UI (map with clusters, timeline, event list, filters, article pane)
//! with 100,000 synthetic events spread over Iraq and Syria and 18 months, in a kittest
//! harness (no GPU: nothing is rendered, egui only lays out and tessellates what it paints).
//!
//! Run: `cargo bench --bench frame`. Prints the median, 90th percentile and maximum of:
//! - a steady frame (caches warm, pointer moving over the map, or at rest with a tooltip),
//! - panning (dragging the map) and zooming (mouse wheel, which re-clusters per zoom step),
//! - the frame that applies a kind-filter change (refilter) and the next one (histogram,
//!   event rows, legend and clusters rebuilt).

use std::time::{Duration, Instant};

use chrono::{Duration as Days, NaiveDate};
use chronomap::corpus::{Article, DatePrecision, PubDate, SourceFormat};
use chronomap::extract::{
    Claim, ClaimField, DateRange, Event, EventKind, Mention, Place, PlacePrecision, Range,
};
use chronomap::store::Store;
use chronomap::ui::ChronomapApp;
use chronomap::ui::command::Command;
use egui_kittest::Harness;

const EVENTS: usize = 100_000;
const ARTICLES: usize = 5_000;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn synthetic_store() -> Store {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let body = "Rockets hit a base near the town on Tuesday, killing 3 people, officials said. \
                Another strike followed later that week."
        .to_string();
    let articles: Vec<Article> = (0..ARTICLES)
        .map(|i| Article {
            id: format!("a{}", i + 1),
            path: format!("/synthetic/{i}.txt").into(),
            rel_path: format!("{i}.txt"),
            title: format!("Synthetic report {i}"),
            published: Some(PubDate {
                date: start + Days::days((i % 548) as i64),
                precision: DatePrecision::Day,
            }),
            source: Some(format!("Agency {}", i % 12)),
            url: None,
            format: SourceFormat::Text,
            body: body.clone(),
            dateline: None,
            boilerplate: Vec::new(),
            warnings: Vec::new(),
        })
        .collect();
    let perpetrators = [
        Some("United States"),
        Some("Kataib Hezbollah"),
        Some("Islamic State"),
        Some("Turkey"),
        Some("Israel"),
        Some("Russia"),
        None,
        None,
    ];
    // Hot spots (lat, lon) so that clusters form as they do on real data.
    let hubs = [
        (33.31, 44.36),
        (36.34, 43.13),
        (30.51, 47.78),
        (35.33, 40.14),
        (33.51, 36.29),
        (36.20, 37.13),
        (34.45, 40.92),
        (33.80, 42.44),
    ];
    let events: Vec<Event> = (0..EVENTS)
        .map(|i| {
            let (lat0, lon0) = hubs[rng.below(hubs.len() as u64) as usize];
            let (lat, lon) = (
                lat0 + (rng.unit() - 0.5) * 2.5,
                lon0 + (rng.unit() - 0.5) * 2.5,
            );
            let day = start + Days::days(rng.below(548) as i64);
            let date = if rng.below(20) == 0 {
                DateRange {
                    start: day,
                    end: day + Days::days(6),
                    precision: DatePrecision::Week,
                }
            } else {
                DateRange::day(day)
            };
            let n_sources = 1 + rng.below(3) as usize;
            let mentions: Vec<Mention> = (0..n_sources)
                .map(|_| Mention {
                    article: format!("a{}", 1 + rng.below(ARTICLES as u64)),
                    sentence_span: [0, 80],
                    trigger_span: [0, 7],
                    place_span: Some([25, 29]),
                    date_span: Some([44, 51]),
                    date_reasoning: "'Tuesday' before publication".into(),
                    perpetrator_span: None,
                    target_span: None,
                })
                .collect();
            let killed = rng.below(30) as u32;
            let claims = vec![Claim {
                field: ClaimField::Killed,
                value: killed,
                qualifier: None,
                attributed_to: Some("officials".into()),
                article: mentions[0].article.clone(),
                span: [61, 62],
            }];
            Event {
                id: format!("e{}", i + 1),
                kind: EventKind::ALL[rng.below(9) as usize],
                date,
                place: Some(Place {
                    name: format!("Place {}", rng.below(400)),
                    lat,
                    lon,
                    precision: PlacePrecision::Town,
                    country: Some(if lon < 41.0 { "SY" } else { "IQ" }.into()),
                    admin1: None,
                    gazetteer_id: None,
                }),
                other_places: Vec::new(),
                perpetrator: perpetrators[rng.below(8) as usize].map(String::from),
                perpetrator_qualifier: None,
                target: None,
                killed: Some(Range {
                    low: killed,
                    high: killed,
                }),
                wounded: None,
                claims,
                mentions,
                confidence: 0.8,
                kind_guessed: false,
            }
        })
        .collect();
    Store::new(articles, events, Vec::new())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name:<30} median {:>6.2} ms   p90 {:>6.2} ms   max {:>6.2} ms   min {:>6.2} ms   ({} frames)",
        ms(percentile(&samples, 0.5)),
        ms(percentile(&samples, 0.9)),
        ms(samples[samples.len() - 1]),
        ms(samples[0]),
        samples.len()
    );
}

fn main() {
    // `cargo test --benches` runs this binary with `--bench` absent; keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let frames: usize = if quick { 5 } else { 120 };
    let store = synthetic_store();
    let selected = store.events_by_time()[EVENTS / 2];
    let mut app = ChronomapApp::with_store(store, "synthetic");
    app.push_command(Command::SelectEvent(Some(selected)));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_eframe(move |_| app);
    // Let the map fly to its fitted view and the caches fill.
    for _ in 0..240 {
        h.step();
        if !h.state().map.is_flying() {
            break;
        }
    }
    h.run_steps(5);
    let map = h.state().map.last_rect().expect("map drawn");

    let mut steady = Vec::new();
    for i in 0..frames {
        let t = i as f32 / frames as f32;
        h.hover_at(map.lerp_inside(egui::vec2(0.2 + 0.6 * t, 0.5)));
        let start = Instant::now();
        h.step();
        steady.push(start.elapsed());
    }

    // The pointer at rest over the map: the hover tooltip of what is under it is shown.
    let mut still = Vec::new();
    for _ in 0..frames {
        let start = Instant::now();
        h.step();
        still.push(start.elapsed());
    }

    // Panning: the map dragged across by the pointer, one step per frame.
    let mut panning = Vec::new();
    let center = map.center();
    for round in 0..frames.div_ceil(20) {
        let dir = if round % 2 == 0 { 1.0 } else { -1.0 };
        h.drag_at(center);
        h.step();
        for i in 1..=20 {
            let p = center + egui::vec2(dir * 12.0 * i as f32, dir * 5.0 * i as f32);
            h.hover_at(p);
            let start = Instant::now();
            h.step();
            panning.push(start.elapsed());
        }
        h.drop_at(center + egui::vec2(dir * 240.0, dir * 100.0));
        h.step();
    }

    // Zooming with the wheel, in and out around the centre (crosses cluster zoom buckets).
    let mut zooming = Vec::new();
    h.hover_at(center);
    let (mut zoom_lo, mut zoom_hi) = (f64::MAX, f64::MIN);
    for i in 0..frames {
        let up = (i / 10) % 2 == 0;
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, if up { 1.0 } else { -1.0 }),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: egui::Modifiers::NONE,
        });
        let start = Instant::now();
        h.step();
        zooming.push(start.elapsed());
        let z = h.state().map.view().zoom;
        (zoom_lo, zoom_hi) = (zoom_lo.min(z), zoom_hi.max(z));
    }
    h.run_steps(5);

    // A filter change costs two frames: the one that applies the command (refilter) and the
    // next, which rebuilds the histogram, the sorted rows and the clusters.
    let (mut applying, mut redrawing) = (Vec::new(), Vec::new());
    for i in 0..frames.min(40) {
        let kind = EventKind::ALL[i % 9];
        h.state_mut().push_command(Command::ToggleKind(kind));
        let start = Instant::now();
        h.step();
        applying.push(start.elapsed());
        let start = Instant::now();
        h.step();
        redrawing.push(start.elapsed());
        h.state_mut().push_command(Command::ToggleKind(kind));
        h.run_steps(2);
    }
    println!("chronomap UI frame, {EVENTS} events, 1440x900 points");
    report("steady frame", steady);
    report("steady, pointer at rest", still);
    report("panning (drag)", panning);
    report("zooming (wheel)", zooming);
    println!("  (the wheel moved the zoom between {zoom_lo:.2} and {zoom_hi:.2})");
    report("filter change: apply frame", applying);
    report("filter change: next frame", redrawing);
}

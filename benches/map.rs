//! Map-side costs with 100,000 events: clustering a filtered set (done when the filter or the
//! zoom bucket changes) and one full frame of the map panel (basemap, clusters, overlay) in a
//! headless egui context. Run with `cargo bench --bench map`.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

use chronomap::basemap::lonlat_to_world;
use chronomap::corpus::DatePrecision;
use chronomap::extract::{DateRange, Event, EventKind, Place, PlacePrecision, Range};
use chronomap::store::{Selection, Store};
use chronomap::theme;
use chronomap::ui::map::clusters::{ClusterInput, Clustering};
use chronomap::ui::map::{MapContext, MapPanel, MapView};

const N: usize = 100_000;

/// Deterministic pseudo-random events spread over Iraq and Syria.
fn synthetic_store() -> Store {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state >> 11) as f64 / (1u64 << 53) as f64
    };
    let base = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let events = (0..N)
        .map(|i| {
            let day = base + chrono::Duration::days((next() * 900.0) as i64);
            let kind = EventKind::ALL[i % EventKind::ALL.len()];
            Event {
                id: format!("e{i}"),
                kind,
                date: DateRange {
                    start: day,
                    end: day,
                    precision: DatePrecision::Day,
                },
                place: Some(Place {
                    name: format!("place {}", i % 500),
                    lat: 30.0 + next() * 7.0,
                    lon: 38.0 + next() * 10.0,
                    precision: if i % 17 == 0 {
                        PlacePrecision::Province
                    } else {
                        PlacePrecision::Town
                    },
                    country: Some("IQ".to_owned()),
                    admin1: None,
                    gazetteer_id: None,
                }),
                other_places: Vec::new(),
                perpetrator: [
                    "United States",
                    "Kataib Hezbollah",
                    "Turkey",
                    "Islamic State",
                ]
                .get(i % 5)
                .map(|s| (*s).to_owned()),
                perpetrator_qualifier: None,
                target: None,
                killed: (i % 3 == 0).then_some(Range {
                    low: (i % 40) as u32,
                    high: (i % 40) as u32,
                }),
                wounded: None,
                claims: Vec::new(),
                mentions: Vec::new(),
                confidence: 0.8,
                kind_guessed: false,
            }
        })
        .collect();
    Store::new(Vec::new(), events, Vec::new())
}

fn bench(c: &mut Criterion) {
    let store = synthetic_store();
    let visible = store.events_by_time().to_vec();
    let inputs: Vec<ClusterInput> = visible
        .iter()
        .map(|&i| {
            let e = &store.events[i];
            let p = e.place.as_ref().unwrap();
            ClusterInput {
                event: i,
                world: lonlat_to_world(p.lon, p.lat),
                killed: e.killed.as_ref().map_or(0, |k| k.high),
                first_day: e.date.start,
                last_day: e.date.end,
            }
        })
        .collect();
    c.bench_function("cluster 100k events at zoom 6", |b| {
        b.iter(|| black_box(Clustering::build(black_box(&inputs), 6.0)))
    });
    c.bench_function("cluster 100k events at zoom 12", |b| {
        b.iter(|| black_box(Clustering::build(black_box(&inputs), 12.0)))
    });

    // One frame of the panel, steady state (caches warm), at two zooms.
    for (zoom, shown) in [
        (5.5, visible.as_slice()),
        (9.0, visible.as_slice()),
        (9.0, &[][..]),
    ] {
        let ctx = egui::Context::default();
        let mut panel = MapPanel::new();
        panel.set_view(
            MapView {
                center_lon: 43.0,
                center_lat: 33.5,
                zoom,
            },
            false,
        );
        let selection = Selection {
            event: Some(visible[10]),
            ..Default::default()
        };
        let frame = |ctx: &egui::Context, panel: &mut MapPanel| {
            let input = egui::RawInput {
                screen_rect: Some(egui::Rect::from_min_size(
                    egui::Pos2::ZERO,
                    egui::vec2(1200.0, 800.0),
                )),
                ..Default::default()
            };
            let mut commands = Vec::new();
            let out = ctx.run_ui(input, |ui| {
                let map_ctx = MapContext {
                    store: &store,
                    visible: shown,
                    selection: &selection,
                    palette: &theme::DARK,
                    now: None,
                };
                panel.ui(ui, &map_ctx, &mut commands);
            });
            // Tessellation is part of a frame's CPU cost.
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        };
        frame(&ctx, &mut panel);
        c.bench_function(
            &format!("map panel frame, {} events, zoom {zoom}", shown.len()),
            |b| b.iter(|| frame(&ctx, &mut panel)),
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);

//! GIF export speed: 10 seconds of playback of the sample corpus at 1280×720 and 10 frames per
//! second (101 frames), written to a temporary folder. Own main: prints the wall time of each
//! run and the median.
//!
//! Run: `cargo bench --bench gif`. With `-- --docs PATH` it also writes the README's GIF
//! (800×450, the same playback) to PATH.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use chronomap::briefing::{PlaybackMode, SlideView, day_number};
use chronomap::corpus::{LoadOptions, load_corpus};
use chronomap::export::gif::{GifOptions, GifOutcome, export_gif};
use chronomap::export::render::RenderOptions;
use chronomap::extract::extract_corpus;
use chronomap::store::{Filter, Store};

fn sample_store() -> Store {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data")
        .join("sample-corpus");
    let corpus = load_corpus(std::slice::from_ref(&dir), &LoadOptions::default())
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    let events = extract_corpus(&corpus.articles);
    Store::new(corpus.articles, events, corpus.warnings)
}

fn options(store: &Store, width: u32, height: u32, seconds: f64) -> GifOptions {
    let (start, end) = store.time_extent().expect("the sample corpus has events");
    let days = day_number(end) - day_number(start) + 1.0;
    let mut render = RenderOptions::new(
        width,
        height,
        SlideView {
            center_lon: 43.0,
            center_lat: 33.2,
            zoom: 5.6,
        },
    );
    render.pixel_ratio = width as f32 / 1280.0;
    render.title = Some("Strikes and attacks reported in the sample corpus".into());
    GifOptions {
        render,
        start,
        end,
        days_per_second: days / seconds,
        fps: 10,
        mode: PlaybackMode::Cumulative { fade_days: 60.0 },
        hold_end_seconds: 2.0,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let docs = args
        .iter()
        .position(|a| a == "--docs")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let store = sample_store();
    let filtered = store.filtered(&Filter::default());
    println!(
        "sample corpus: {} articles, {} events",
        store.articles.len(),
        store.events.len()
    );
    let opts = options(&store, 1280, 720, 10.0);
    println!(
        "GIF export: {:.1} s of playback, {} frames at 1280x720, {:.1} days/s",
        opts.duration_seconds(),
        opts.frame_count(),
        opts.days_per_second
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let mut times = Vec::new();
    for run in 0..3 {
        let path = dir.path().join(format!("bench-{run}.gif"));
        let t = Instant::now();
        let outcome = export_gif(
            &path,
            &store,
            &filtered,
            &opts,
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("export");
        let secs = t.elapsed().as_secs_f64();
        if let GifOutcome::Written { frames, bytes } = outcome {
            println!(
                "run {run}: {secs:.2} s ({frames} frames, {:.2} MB)",
                bytes as f64 / 1e6
            );
        }
        times.push(secs);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "median: {:.2} s (threads: {})",
        times[times.len() / 2],
        rayon::current_num_threads()
    );
    if let Some(path) = docs {
        let opts = options(&store, 800, 450, 10.0);
        let outcome = export_gif(
            &path,
            &store,
            &filtered,
            &opts,
            &|_| {},
            &AtomicBool::new(false),
        )
        .expect("docs gif");
        println!("wrote {}: {outcome:?}", path.display());
    }
}

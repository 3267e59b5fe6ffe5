//! Writing events and views out: JSON (events@1), GeoJSON, CSV, KML, PNG, GIF, slide decks.
//! Every file is written atomically.

pub mod atomic;
pub mod csv;
pub mod deck;
pub mod events_json;
pub mod geojson;
pub mod gif;
pub mod kml;
pub mod pdf;
pub mod png;
pub mod render;

pub use atomic::{write_atomic, write_atomic_with};
pub use events_json::{ArticleRecord, EVENTS_SCHEMA, EventsDocument};

use std::path::{Path, PathBuf};

use crate::corpus::Article;
use crate::extract::Event;

/// Which event files to write (the export dialog's check boxes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventFormats {
    pub geojson: bool,
    pub csv: bool,
    pub kml: bool,
}

/// Writes the chosen event files next to `base` (its extension replaced by .geojson, .csv,
/// .kml), reporting the fraction of files written after each one. Returns the paths written.
pub fn write_event_files(
    base: &Path,
    articles: &[Article],
    events: &[Event],
    formats: EventFormats,
    report: &dyn Fn(f32),
) -> std::io::Result<Vec<PathBuf>> {
    type Writer = fn(&Path, &[Article], &[Event]) -> std::io::Result<()>;
    let chosen: Vec<(&str, Writer)> = [
        (
            formats.geojson,
            "geojson",
            geojson::write_events_geojson as Writer,
        ),
        (formats.csv, "csv", csv::write_events_csv_file as Writer),
        (formats.kml, "kml", kml::write_events_kml as Writer),
    ]
    .into_iter()
    .filter(|(on, _, _)| *on)
    .map(|(_, ext, w)| (ext, w))
    .collect();
    let base = base.with_extension("");
    let mut written = Vec::new();
    for (n, (ext, write)) in chosen.iter().enumerate() {
        let p = base.with_extension(ext);
        write(&p, articles, events)?;
        written.push(p);
        report((n + 1) as f32 / chosen.len() as f32);
    }
    Ok(written)
}

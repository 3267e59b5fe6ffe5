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

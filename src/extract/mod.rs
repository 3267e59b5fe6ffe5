//! Extraction: places, dates, events, claims and clustering. Pure Rust, no network.

pub mod gazetteer;
pub mod places;
pub mod claims;
pub mod dates;
pub mod numbers;
pub mod types;

pub use types::*;

use crate::corpus::Article;

/// Extracts the events of a whole corpus: each article on its own (in parallel), then the
/// reports of one real-world event are merged across articles. Event ids are "e1", "e2", … in
/// time order.
pub fn extract_corpus(articles: &[Article]) -> Vec<Event> {
    // The pipeline lands with the extraction issue; until then no events are found.
    let _ = articles;
    Vec::new()
}

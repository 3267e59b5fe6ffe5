//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chronomap::corpus::{Article, Corpus, LoadOptions, load_corpus, read_file};

pub fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// This helper's own article fixtures (other tests keep theirs next to it).
pub fn fixtures_dir() -> PathBuf {
    manifest_dir().join("tests").join("fixtures").join("corpus")
}

/// The shared seed articles next to the repository, or None (with a printed note) when this
/// checkout has no `../shared`.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = manifest_dir()
        .join("..")
        .join("shared")
        .join("corpus")
        .join("seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "skipped: {} is absent (the seed articles are not part of this repository)",
            dir.display()
        );
        None
    }
}

pub fn sample_corpus_dir() -> Option<PathBuf> {
    let dir = manifest_dir().join("data").join("sample-corpus");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("skipped: {} is absent", dir.display());
        None
    }
}

/// Reads one fixture file (relative to tests/fixtures/corpus) and expects exactly one article.
pub fn read_one(rel: &str) -> Article {
    let root = fixtures_dir();
    let file = root.join(rel);
    let mut articles = read_file(&root, &file, &LoadOptions::default())
        .unwrap_or_else(|w| panic!("{rel} did not load: {w}"));
    assert_eq!(articles.len(), 1, "{rel} should give one article");
    articles.remove(0)
}

pub fn load(path: &Path) -> Corpus {
    load_corpus(&[path.to_path_buf()], &LoadOptions::default())
        .unwrap_or_else(|e| panic!("loading {}: {e}", path.display()))
}

/// The text under a span.
pub fn span_text(a: &Article, span: [usize; 2]) -> &str {
    &a.body[span[0]..span[1]]
}

/// A calendar day, for hand-built test data.
pub fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A place for hand-built events (no gazetteer entry).
pub fn place(
    name: &str,
    lat: f64,
    lon: f64,
    precision: chronomap::extract::PlacePrecision,
    country: &str,
) -> chronomap::extract::Place {
    chronomap::extract::Place {
        name: name.into(),
        lat,
        lon,
        precision,
        country: Some(country.into()),
        admin1: None,
        gazetteer_id: None,
    }
}

//! Extraction throughput: MB of article text per second, on one core and on all cores.
//!
//! Synthesizes a corpus of `CHRONOMAP_BENCH_MB` megabytes (default 100) in a temp folder by
//! copying the sample corpus with varied numbers and dates, loads it once, then times
//! `extract_corpus` in a one-thread rayon pool and in the default pool.
//!
//! Run: `cargo bench --bench extract` (or `CHRONOMAP_BENCH_MB=20 cargo bench --bench extract`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use chronomap::corpus::{LoadOptions, load_corpus};
use chronomap::extract::extract_corpus;

/// Copies the sample corpus over and over, changing figures and days so the copies are not
/// identical text, until `target_bytes` are written. Returns the folder.
fn synthesize(sample: &Path, out: &Path, target_bytes: usize) -> usize {
    let mut files: Vec<(PathBuf, String)> = Vec::new();
    for entry in std::fs::read_dir(sample).expect("sample corpus").flatten() {
        let p = entry.path();
        if let Ok(text) = std::fs::read_to_string(&p) {
            files.push((p, text));
        }
    }
    files.sort();
    let mut written = 0usize;
    let mut round = 0usize;
    while written < target_bytes {
        let dir = out.join(format!("copy{round:04}"));
        std::fs::create_dir_all(&dir).expect("create copy dir");
        for (p, text) in &files {
            // Vary the figures so that no two copies are byte-identical.
            // Shift the years so that each copy reports different real-world events (otherwise
            // clustering would fold every copy into one event, which no real corpus does).
            let base = 1800 + 3 * (round % 70);
            let varied = text
                .replace("2019", &(base).to_string())
                .replace("2020", &(base + 1).to_string())
                .replace("2021", &(base + 2).to_string())
                .replace(" 25 ", &format!(" {} ", 20 + round % 17))
                .replace(" 19 ", &format!(" {} ", 10 + round % 13));
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            std::fs::write(dir.join(&name), &varied).expect("write copy");
            written += varied.len();
            if written >= target_bytes {
                break;
            }
        }
        round += 1;
    }
    written
}

fn main() {
    let mb: usize = std::env::var("CHRONOMAP_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample-corpus");
    let tmp = tempfile::tempdir().expect("temp dir");
    let written = synthesize(&sample, tmp.path(), mb * 1_000_000);
    let corpus = load_corpus(&[tmp.path().to_path_buf()], &LoadOptions::default())
        .expect("load synthesized corpus");
    let text_bytes: usize = corpus.articles.iter().map(|a| a.body.len()).sum();
    println!(
        "extract: {} articles, {:.1} MB of files, {:.1} MB of article text",
        corpus.articles.len(),
        written as f64 / 1e6,
        text_bytes as f64 / 1e6
    );
    // Warm the gazetteer and automatons so that their one-time build is not timed.
    let _ = extract_corpus(&corpus.articles[..corpus.articles.len().min(10)]);

    let gaz = chronomap::extract::gazetteer::Gazetteer::global();
    stage_breakdown(&corpus.articles, gaz);
    let t = Instant::now();
    let per_article: usize = corpus
        .articles
        .iter()
        .map(|a| chronomap::extract::extract_article(a, gaz).len())
        .sum();
    println!(
        "extract: per-article stage alone, 1 core: {:.1} MB/s ({per_article} article events)",
        text_bytes as f64 / 1e6 / t.elapsed().as_secs_f64()
    );

    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let t = Instant::now();
    let events = one.install(|| extract_corpus(&corpus.articles));
    let secs1 = t.elapsed().as_secs_f64();
    println!(
        "extract: 1 core:    {:>7.1} MB/s ({} events, {:.2} s)",
        text_bytes as f64 / 1e6 / secs1,
        events.len(),
        secs1
    );

    let t = Instant::now();
    let events = extract_corpus(&corpus.articles);
    let secs_all = t.elapsed().as_secs_f64();
    println!(
        "extract: {} cores:   {:>7.1} MB/s ({} events, {:.2} s)",
        rayon::current_num_threads(),
        text_bytes as f64 / 1e6 / secs_all,
        events.len(),
        secs_all
    );
}

/// Time of each stage on one core over the first ~10 MB of articles, to show where the time
/// goes (the stages belong to different modules).
fn stage_breakdown(
    articles: &[chronomap::corpus::Article],
    gaz: &chronomap::extract::gazetteer::Gazetteer,
) {
    use chronomap::extract::{claims, dates, places, sentences, triggers};
    let mut take = 0usize;
    let subset: Vec<&chronomap::corpus::Article> = articles
        .iter()
        .take_while(|a| {
            take += a.body.len();
            take < 10_000_000
        })
        .collect();
    let mb = subset.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1e6;
    let time = |label: &str, f: &dyn Fn(&chronomap::corpus::Article) -> usize| {
        let t = Instant::now();
        let n: usize = subset.iter().map(|a| f(a)).sum();
        let s = t.elapsed().as_secs_f64();
        println!(
            "extract: stage {label:<28} {:>8.1} MB/s ({n} items)",
            mb / s
        );
    };
    time("sentences", &|a| sentences::split_sentences(&a.body).len());
    time("trigger prefilter+tokens", &|a| {
        sentences::split_sentences(&a.body)
            .into_iter()
            .filter(|s| triggers::may_contain_trigger(&a.body[s[0]..s[1]]))
            .map(|s| triggers::find_triggers(&triggers::tokenize(&a.body, s)).len())
            .sum()
    });
    time("places (whole article)", &|a| {
        places::find_places(a, gaz).len()
    });
    time("dates (whole article)", &|a| {
        dates::find_dates(&a.body, 0, a.published).len()
    });
    time("claims (whole article)", &|a| {
        claims::find_claims(&a.body, 0).len()
    });
    time("all (extract_article)", &|a| {
        chronomap::extract::extract_article(a, gaz).len()
    });
}

//! Extraction throughput: MB of article text per second, on one core and on all cores.
//!
//! Synthesizes a corpus of `CHRONOMAP_BENCH_MB` megabytes (default 100) in a temp folder by
//! copying the sample corpus with shifted years and varied figures, times ingest once, then
//! each extraction stage on one core (as the pipeline calls it), then `extract_corpus` in a
//! one-thread rayon pool and in the default pool. The whole `chronomap extract` process is
//! measured by `tools/extract_speed.py`.
//!
//! Run: `cargo bench --bench extract` (or `CHRONOMAP_BENCH_MB=20 cargo bench --bench extract`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use chronomap::corpus::{Article, LoadOptions, load_corpus};
use chronomap::extract::extract_corpus;
use chronomap::extract::gazetteer::Gazetteer;

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
    let mb: f64 = std::env::var("CHRONOMAP_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100.0);
    let sample = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/sample-corpus");
    // In RAM where possible: on the shared build machine the disk's page cache is emptied
    // within seconds, and ingest would time the disk instead of the code.
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() {
        tempfile::tempdir_in(shm).or_else(|_| tempfile::tempdir())
    } else {
        tempfile::tempdir()
    }
    .expect("temp dir");
    let written = synthesize(&sample, tmp.path(), (mb * 1e6) as usize);
    // Warm the gazetteer and automatons so that their one-time build is not timed.
    let gaz = Gazetteer::global();
    let t = Instant::now();
    let corpus = load_corpus(&[tmp.path().to_path_buf()], &LoadOptions::default())
        .expect("load synthesized corpus");
    let ingest = t.elapsed().as_secs_f64();
    let text_bytes: usize = corpus.articles.iter().map(|a| a.body.len()).sum();
    let text_mb = text_bytes as f64 / 1e6;
    println!(
        "extract: {} articles, {:.1} MB of files, {:.1} MB of article text; machine: {} cores",
        corpus.articles.len(),
        written as f64 / 1e6,
        text_mb,
        rayon::current_num_threads()
    );
    println!(
        "extract: ingest (load_corpus, all cores)  {:>8.1} MB/s of files ({ingest:.2} s)",
        written as f64 / 1e6 / ingest
    );
    let _ = extract_corpus(&corpus.articles[..corpus.articles.len().min(10)]);
    if std::env::var_os("CHRONOMAP_BENCH_CLAIMS_ONLY").is_some() {
        claims_only(&corpus.articles, gaz);
        return;
    }

    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    one.install(|| stage_breakdown(&corpus.articles, gaz));

    // Clustering runs after the per-article stage (in parallel over independent date windows,
    // so on this synthetic corpus of many separate years it uses all cores); its cost grows
    // with the corpus, so it is also timed over the whole corpus.
    let per_article: Vec<chronomap::extract::Event> = {
        use rayon::prelude::*;
        corpus
            .articles
            .par_iter()
            .flat_map_iter(|a| chronomap::extract::extract_article(a, gaz))
            .collect()
    };
    let n = per_article.len();
    let t = Instant::now();
    let clustered = chronomap::extract::cluster::cluster_events(per_article, gaz);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "extract: clustering, whole corpus, all cores {:>5.1} MB/s ({n} -> {} events, {secs:.2} s)",
        text_mb / secs,
        clustered.len()
    );
    drop(clustered);

    let t = Instant::now();
    let events = one.install(|| extract_corpus(&corpus.articles));
    let secs1 = t.elapsed().as_secs_f64();
    println!(
        "extract: extract_corpus, 1 core           {:>8.1} MB/s ({} events, {secs1:.2} s)",
        text_mb / secs1,
        events.len(),
    );
    drop(events);

    let t = Instant::now();
    let events = extract_corpus(&corpus.articles);
    let secs_all = t.elapsed().as_secs_f64();
    println!(
        "extract: extract_corpus, {} cores          {:>8.1} MB/s ({} events, {secs_all:.2} s)",
        rayon::current_num_threads(),
        text_mb / secs_all,
        events.len(),
    );
    println!("extract: (the whole `chronomap extract` process: `python3 tools/extract_speed.py`)");
}

/// Time of each stage on one core, called the way the pipeline calls it, over the first
/// ~10 MB of article text (`CHRONOMAP_BENCH_STAGE_MB` to change), so each module's owner sees
/// their stage. Clustering runs over the per-article events of that part.
fn stage_breakdown(articles: &[Article], gaz: &Gazetteer) {
    use chronomap::extract::{
        article_dates, cluster, events, link_article, sentence_claims, sentences, site_places,
        triggers,
    };
    let stage_mb: f64 = std::env::var("CHRONOMAP_BENCH_STAGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10.0);
    let mut take = 0usize;
    let subset: Vec<&Article> = articles
        .iter()
        .take_while(|a| {
            take += a.body.len();
            take as f64 <= stage_mb * 1e6
        })
        .collect();
    let mb = subset.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1e6;
    let report = |label: &str, secs: f64, n: usize| {
        println!(
            "extract: stage {label:<26} {:>8.1} MB/s ({n} items, {secs:.2} s over {mb:.1} MB)",
            mb / secs
        );
    };
    let time = |label: &str, f: &dyn Fn(&Article) -> usize| {
        let t = Instant::now();
        let n: usize = subset.iter().map(|a| f(a)).sum();
        report(label, t.elapsed().as_secs_f64(), n);
    };
    time("sentences", &|a| sentences::split_sentences(&a.body).len());
    let split: Vec<Vec<chronomap::corpus::Span>> = subset
        .iter()
        .map(|a| sentences::split_sentences(&a.body))
        .collect();
    let t = Instant::now();
    let n: usize = subset
        .iter()
        .zip(&split)
        .map(|(a, ss)| {
            ss.iter()
                .filter(|s| triggers::may_contain_trigger(&a.body[s[0]..s[1]]))
                .map(|&s| triggers::find_triggers(&triggers::tokenize(&a.body, s)).len())
                .sum::<usize>()
        })
        .sum();
    report("triggers (prefilter+tokens)", t.elapsed().as_secs_f64(), n);
    time("places (site_places)", &|a| site_places(a, gaz).len());
    let t = Instant::now();
    let n: usize = subset
        .iter()
        .zip(&split)
        .map(|(a, ss)| article_dates(a, ss).len())
        .sum();
    report("dates (article_dates)", t.elapsed().as_secs_f64(), n);

    // Linking calls the claim finder for the sentences it needs; the time inside it is counted
    // as claims, the rest as linking.
    let inputs: Vec<events::ArticleInput> = subset
        .iter()
        .filter_map(|a| chronomap::extract::article_input(a, gaz))
        .collect();
    let in_claims = std::cell::Cell::new(0.0f64);
    let claim_calls = std::cell::Cell::new(0usize);
    let t = Instant::now();
    let mut per_article: Vec<chronomap::extract::Event> = Vec::new();
    for input in &inputs {
        let body = input.article.body.as_str();
        let claims_in = |span: chronomap::corpus::Span| {
            let t = Instant::now();
            let found = sentence_claims(body, span);
            in_claims.set(in_claims.get() + t.elapsed().as_secs_f64());
            claim_calls.set(claim_calls.get() + 1);
            found
        };
        per_article.extend(events::extract_article(input, gaz, &claims_in));
    }
    let linking_and_claims = t.elapsed().as_secs_f64();
    report(
        "claims (asked by linking)",
        in_claims.get(),
        claim_calls.get(),
    );
    report(
        "linking (events.rs, actors)",
        linking_and_claims - in_claims.get(),
        per_article.len(),
    );
    let t = Instant::now();
    let n = per_article.len();
    let clustered = cluster::cluster_events(per_article, gaz);
    report(
        &format!("clustering ({n} -> {})", clustered.len()),
        t.elapsed().as_secs_f64(),
        clustered.len(),
    );
    time("all (extract_article)", &|a| {
        chronomap::extract::extract_article(a, gaz).len()
    });
    // Sanity: the split pipeline is the pipeline.
    let direct: usize = subset
        .iter()
        .map(|a| {
            chronomap::extract::article_input(a, gaz).map_or(0, |i| link_article(&i, gaz).len())
        })
        .sum();
    assert_eq!(direct, n, "article_input + link_article = extract_article");
}

/// `CHRONOMAP_BENCH_CLAIMS_ONLY=1`: the claim finder alone, over the sentences linking asks
/// about, repeated (for `perf`), and a digest of its results over every sentence of the corpus
/// (so a faster claim finder can be checked to find the same claims).
fn claims_only(articles: &[Article], gaz: &Gazetteer) {
    use chronomap::extract::{events, sentences};
    use std::hash::{Hash, Hasher};
    let mut asked: Vec<(&str, chronomap::corpus::Span)> = Vec::new();
    for a in articles {
        if let Some(input) = chronomap::extract::article_input(a, gaz) {
            let spans = std::cell::RefCell::new(Vec::new());
            let claims_in = |span: chronomap::corpus::Span| {
                spans.borrow_mut().push(span);
                Vec::new()
            };
            let _ = events::extract_article(&input, gaz, &claims_in);
            asked.extend(spans.into_inner().into_iter().map(|s| (a.body.as_str(), s)));
        }
    }
    let text_mb = articles.iter().map(|a| a.body.len()).sum::<usize>() as f64 / 1e6;
    let rounds: usize = std::env::var("CHRONOMAP_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    // Warm-up (regexes compiled, allocator warm), outside `sentence_claims` so that
    // `valgrind --toggle-collect=extract::claims_rounds` counts only the rounds.
    for &(body, span) in &asked {
        let _ = chronomap::extract::claims::find_claims(&body[span[0]..span[1]], span[0]);
    }
    let t = Instant::now();
    let n = claims_rounds(&asked, rounds);
    let secs = t.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "extract: claims only, {} sentences asked   {:>8.1} MB/s of article text ({} claims, {secs:.3} s per round)",
        asked.len(),
        text_mb / secs,
        n / rounds
    );
    if std::env::var_os("CHRONOMAP_BENCH_NO_DIGEST").is_some() {
        return;
    }
    let mut digest = std::collections::hash_map::DefaultHasher::new();
    let mut all = 0usize;
    // More varied text than the synthetic corpus: `CHRONOMAP_BENCH_DIGEST=dir1:dir2`.
    let extra: Vec<Article> = std::env::var("CHRONOMAP_BENCH_DIGEST")
        .ok()
        .map(|dirs| {
            let dirs: Vec<PathBuf> = dirs.split(':').map(PathBuf::from).collect();
            load_corpus(&dirs, &LoadOptions::default())
                .expect("digest folders")
                .articles
        })
        .unwrap_or_default();
    for a in extra.iter().chain(articles) {
        for s in sentences::split_sentences(&a.body) {
            let found = chronomap::extract::claims::find_claims(&a.body[s[0]..s[1]], s[0]);
            all += found.len();
            format!("{found:?}").hash(&mut digest);
        }
    }
    println!(
        "extract: claims digest over every sentence: {} claims, {:016x}",
        all,
        digest.finish()
    );
}

/// The claims found in `rounds` passes over `asked` (a function of its own for valgrind's
/// `--toggle-collect`).
#[inline(never)]
fn claims_rounds(asked: &[(&str, chronomap::corpus::Span)], rounds: usize) -> usize {
    let mut n = 0usize;
    for _ in 0..rounds {
        for &(body, span) in asked {
            n += chronomap::extract::sentence_claims(body, span).len();
        }
    }
    n
}

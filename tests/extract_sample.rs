//! The sample corpus `data/sample-corpus/` against its gold file, through the real binary and
//! the shared scorer (or, without ../shared, the same matching rules in Rust), plus tricky
//! mini-articles of our own in `tests/fixtures/extract/`.

mod extract_common;

use std::path::PathBuf;

use extract_common::{GoldCheck, check_against_gold, run_extract, run_scorer};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn sample_corpus_scores_at_least_0_9() {
    let gold = root().join("data/sample-corpus-gold.json");
    let out = run_extract(&root().join("data/sample-corpus"));
    let scorer = root().join("../shared/tools/score.py");
    if scorer.is_file()
        && let Some(score) = run_scorer(&scorer, &gold, &out.path)
    {
        let f1 = score["f1"].as_f64().unwrap_or(0.0);
        assert!(
            f1 >= 0.9,
            "sample F1 {f1} < 0.9: {score}\n{}",
            out.explain(&scorer, &gold)
        );
        assert!(
            score["cluster_b3_f1"].as_f64().unwrap_or(0.0) >= 0.9,
            "clusters: {score}"
        );
        assert!(
            score["date_exact_day"].as_f64().unwrap_or(0.0) >= 0.9,
            "dates: {score}"
        );
        assert!(
            score["place_within_25km"].as_f64().unwrap_or(0.0) >= 0.85,
            "places: {score}"
        );
        return;
    }
    eprintln!("../shared/tools/score.py is absent: checking gold events in Rust instead");
    // Without ../shared this is a proxy for score.py's event F1 ≥ 0.9: it counts only missed
    // gold events (recall) and events at distractor places. With precision near 0.97 on this
    // corpus, F1 0.9 corresponds to about 85% recall, hence the 15% allowance. Claim-level
    // misses are checked fact by fact by the seeds test.
    let problems: Vec<String> = check_against_gold(&gold, &out, GoldCheck::Events)
        .into_iter()
        .filter(|p| p.ends_with("no matching event") || p.contains("placed at distractor"))
        .collect();
    let total = gold_event_count(&gold);
    assert!(
        (problems.len() as f64) <= 0.15 * total as f64,
        "{} of {total} gold facts unmet:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

fn gold_event_count(path: &std::path::Path) -> usize {
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    gold["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            a["events"]
                .as_array()
                .map_or(0, |e| e.iter().filter(|g| g["optional"] != true).count())
        })
        .sum()
}

#[test]
fn tricky_fixtures_match_their_gold() {
    let dir = root().join("tests/fixtures/extract");
    let out = run_extract(&dir);
    let problems = check_against_gold(&dir.join("gold.json"), &out, GoldCheck::Strict);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Negative articles (denials, threats, background only) produce no event at all.
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let articles = out.json["articles"].as_array().unwrap();
    for ga in gold["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["negative"] == true)
    {
        let file = ga["file"].as_str().unwrap();
        let id = articles
            .iter()
            .find(|a| a["path"].as_str().unwrap().ends_with(file))
            .unwrap()["id"]
            .clone();
        let events: Vec<_> = out.json["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                e["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m["article"] == id)
            })
            .collect();
        assert!(
            events.is_empty(),
            "{file} is negative but has events: {events:?}"
        );
    }
    // Each article yields exactly its gold events (no extra events).
    for ga in gold["articles"].as_array().unwrap() {
        let file = ga["file"].as_str().unwrap();
        let id = articles
            .iter()
            .find(|a| a["path"].as_str().unwrap().ends_with(file))
            .unwrap()["id"]
            .clone();
        let n = out.json["events"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| {
                e["mentions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|m| m["article"] == id)
            })
            .count();
        assert_eq!(
            n,
            ga["events"].as_array().unwrap().len(),
            "{file}: event count"
        );
    }
}

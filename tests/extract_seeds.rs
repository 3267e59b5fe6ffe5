//! The real seed articles in `../shared/corpus/seeds/` against their gold facts in
//! `../shared/corpus/seeds-gold.json`, read at run time. Runs the real binary
//! (`chronomap extract … --format json`) and the shared scorer. Skips with a message when
//! `../shared` is absent.

mod extract_common;

use std::path::PathBuf;

use extract_common::{GoldCheck, check_against_gold, run_extract, run_scorer};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("corpus/seeds").is_dir() && dir.join("corpus/seeds-gold.json").is_file() {
        Some(dir)
    } else {
        eprintln!("skipping: ../shared/corpus/seeds is absent");
        None
    }
}

#[test]
fn seeds_match_every_gold_fact() {
    let Some(shared) = shared() else { return };
    let gold_path = shared.join("corpus/seeds-gold.json");
    let out = run_extract(&shared.join("corpus/seeds"));
    let problems = check_against_gold(&gold_path, &out, GoldCheck::Strict);
    assert!(
        problems.is_empty(),
        "gold facts not met:\n{}",
        problems.join("\n")
    );
}

#[test]
fn seeds_score_perfectly() {
    let Some(shared) = shared() else { return };
    let gold_path = shared.join("corpus/seeds-gold.json");
    let out = run_extract(&shared.join("corpus/seeds"));
    let Some(score) = run_scorer(&shared.join("tools/score.py"), &gold_path, &out.path) else {
        return;
    };
    assert_eq!(
        score["f1"].as_f64(),
        Some(1.0),
        "score: {score}\n{}",
        out.explain(&shared.join("tools/score.py"), &gold_path)
    );
    assert_eq!(score["cluster_b3_f1"].as_f64(), Some(1.0), "score: {score}");
    assert_eq!(
        score["killed_claims_recall"].as_f64(),
        Some(1.0),
        "score: {score}"
    );
}

//! The third held-out set (tests/fixtures/heldout3, see heldout3-README.md): 27 original
//! articles in 26 files, written in session 3 and scored before anyone looked at the extraction
//! output on them. Nineteen are in the seeds' theatre and period (US and coalition forces,
//! Iran-backed militias and Iran in Iraq and Syria, December 2019 – June 2021), eight come from
//! other wars of the same years, one of them a negative policy story. The pages imitate scraped
//! wire copy: ` date … Loading...` headers, a month-only header, bylines, captions, sidebars,
//! "Reporting by" lines, background paragraphs about older attacks and several tolls per event.
//!
//! The floors are the first untouched score, rounded down to 0.05. They may only be raised,
//! never lowered. The targets for unseen articles are higher (event F1 ≥ 0.85, exact
//! day ≥ 0.9, place ≥ 0.85, killed recall ≥ 0.8, clusters ≥ 0.85).

mod extract_common;

use std::path::PathBuf;

use extract_common::{run_extract, run_scorer};

/// Measured floors (score.py on tests/fixtures/heldout3; the numbers are in the README).
const MIN_EVENT_F1: f64 = 0.75;
const MIN_DATE_EXACT: f64 = 0.95;
const MIN_PLACE_25KM: f64 = 0.95;
const MIN_KILLED_RECALL: f64 = 0.8;
const MIN_CLUSTER_B3: f64 = 1.0;

#[test]
fn third_heldout_set_does_not_regress() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let scorer = root.join("../shared/tools/score.py");
    if !scorer.is_file() {
        eprintln!("skipped: ../shared/tools/score.py is absent");
        return;
    }
    let gold = root.join("tests/fixtures/heldout3-gold.json");
    let out = run_extract(&root.join("tests/fixtures/heldout3"));
    let Some(score) = run_scorer(&scorer, &gold, &out.path) else {
        eprintln!("skipped: python3 could not run the scorer");
        return;
    };
    eprintln!("held-out 3 score: {score}");
    let missing = score["articles_missing"]
        .as_array()
        .map_or(0, |list| list.len());
    assert_eq!(missing, 0, "gold articles not in the output: {score}");
    let floors = [
        ("f1", MIN_EVENT_F1),
        ("date_exact_day", MIN_DATE_EXACT),
        ("place_within_25km", MIN_PLACE_25KM),
        ("killed_claims_recall", MIN_KILLED_RECALL),
        ("cluster_b3_f1", MIN_CLUSTER_B3),
    ];
    let below: Vec<String> = floors
        .iter()
        .filter(|(key, floor)| score[*key].as_f64().unwrap_or(0.0) < *floor)
        .map(|(key, floor)| format!("{key} {} < floor {floor}", score[*key]))
        .collect();
    assert!(
        below.is_empty(),
        "held-out 3 fell below its floors: {}\n{score}\n{}",
        below.join(", "),
        out.explain(&scorer, &gold)
    );
}

//! The fifteenth held-out set (tests/fixtures/heldout15, see heldout15-README.md): 26 original
//! articles (24 files, one JSON array and one JSONL file, 58 scored gold events) written at the
//! start of session 9 outside the repository, by an engineer who changed no code, to look like a
//! real scraped Iraq/Syria wire corpus of December 2019 – June 2021 (19 files) plus five from other
//! wars (Ukraine, the UAE/Yemen, Somalia, Burkina Faso, and a negative Pakistan article), with its
//! publication dates in about twenty page and record shapes.
//!
//! It stayed SEALED while the session's rules were tuned on set 14 and was measured once they were
//! merged: F1 0.713 blind with the session's start code (3d8393d; P 0.84, R 0.62, published date
//! 0.77), F1 0.821 with all of session 9's work (P 0.85, R 0.79; exact day 0.95, place 0.978,
//! killed 0.921, clusters 0.989; published date 0.96). That is the honest estimate for unseen
//! articles at the end of session 9.
//! Tuned on in session 10 (page dates read from the page's own evidence, launch origins, counter-
//! battery fire, deaths during an attack): F1 0.887 (exact day 0.955, place 0.98, killed 0.976,
//! clusters 0.987).
//! The floors are those scores rounded down to 0.05, and may only be raised.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores at the end of session 10, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.85,
    date_exact_day: 0.95,
    place_within_25km: 0.95,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(0.95),
    scored_gold_events: Some(58),
};

#[test]
fn fifteenth_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout15", &FLOORS);
}

//! The second held-out set (tests/fixtures/heldout2, see heldout2-README.md): 25 original
//! articles written after the first held-out set, half in the seeds' Iraq/Syria theatre
//! (2020–2023) and half from other wars (Ukraine, Israel/Lebanon/Iran, Yemen, Sudan, Somalia,
//! Afghanistan, Pakistan, Myanmar, Nigeria, Mali). Nobody tuned on it before it was scored, so
//! it measures generalisation the way unseen articles will be scored.
//!
//! The floors are the scores reached when the set was committed, rounded down to 0.05. They
//! may only be raised. The targets for unseen articles are higher (event F1 ≥ 0.85,
//! exact day ≥ 0.9, place ≥ 0.85, killed recall ≥ 0.8, clusters ≥ 0.85).
//!
//! Session 4: F1 0.865, exact day 0.913, place 0.983, killed 0.891, clusters 1.0; the event-F1
//! floor is raised to 0.85 (the others already sit at these scores rounded down).
//!
//! Session 6: F1 0.901, day 0.915, place 0.984, killed 0.957, clusters 1.0; F1 floor raised
//! to 0.9.
//!
//! Session 12: the clusters floor is LOWERED from 1.0 to 0.99 (a documented exception to "only
//! raised"). h2_11 reports two missile strikes on Kramatorsk the same evening, a restaurant in
//! the centre and Bilenke 6 km north ("at the same time"). The gold keeps them apart (Bilenke is
//! an optional event of its own cluster). We now place the restaurant strike in the city and
//! date the Bilenke strike to the same day, also apart, which is what the gold says; but
//! score.py pairs each gold event with the first prediction in output order that agrees on
//! kind, day and place within 25 km, so the restaurant's gold takes the Bilenke prediction and
//! B-cubed sees that prediction outside the restaurant's cross-article cluster: 0.992. Before,
//! the Bilenke sentence was wrongly dated to a week and could not be paired.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// Measured floors (score.py on tests/fixtures/heldout2; the numbers are in the README).
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.9,
    date_exact_day: 0.9,
    place_within_25km: 0.95,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(0.99),
    scored_gold_events: None,
};

#[test]
fn second_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout2", &FLOORS);
}

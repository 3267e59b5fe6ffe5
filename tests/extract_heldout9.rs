//! The ninth held-out set (tests/fixtures/heldout9, see heldout9-README.md): 25 original
//! articles (24 files, 63 scored gold events) written at the start of session 7 outside the
//! repository, after the tuning on sets 1–8, by an engineer who changed no code. Seventeen are
//! in the seeds' Iraq/Syria/Iran theatre (December 2019 – June 2021), mostly events the earlier
//! sets do not cover; seven come from other wars (Tigray, Iran, India/Pakistan, Uganda, the
//! Philippines, Russia); one is a negative article. Its grammar is varied on purpose: attacks
//! told first as a consequence, tolls several paragraphs after the attack, attacks named by
//! their target, "the 8th", "the night of 26-27 October", bylines with numeric dates.
//!
//! Measured before anyone looked at it, with main at the start of session 7 (326a9de):
//! F1 0.566 (P 0.70, R 0.48; exact day 0.905, place 1.0, killed 0.72, clusters 1.0). That is the
//! honest estimate for unseen articles of this kind. At the end of session 7, after rules found
//! on it: F1 0.85 (P 0.895, R 0.81; exact day 0.974, place 1.0, killed 0.949, clusters 0.99). The floors are those scores rounded down to 0.05, and may only be raised.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores at the end of session 7, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.85,
    date_exact_day: 0.95,
    place_within_25km: 1.0,
    killed_claims_recall: 0.9,
    cluster_b3_f1: Some(0.95),
    scored_gold_events: Some(63),
};

#[test]
fn ninth_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout9", &FLOORS);
}

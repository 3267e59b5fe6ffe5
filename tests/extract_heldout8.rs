//! The eighth held-out set (tests/fixtures/heldout8, see heldout8-README.md): 25 original
//! articles (24 files, 64 scored gold events) written at the start of session 6 outside the
//! repository, after the tuning on sets 1–7, by an engineer who changed no code. Seventeen are
//! in the seeds' Iraq/Syria theatre (December 2019 – June 2021), mostly events the earlier sets
//! do not cover; seven come from other wars (Ukraine, Yemen/Saudi Arabia, Somalia/Kenya,
//! Nigeria, Afghanistan, Lebanon/Israel); one is a negative article. Its grammar is varied on
//! purpose: a publication date printed only in a "Published" line at the foot, weekdays in
//! subordinate clauses, attacks recalled in noun phrases, a live blog, an agency bulletin.
//!
//! Measured before anyone looked at it, with main at the start of session 6 (002c068):
//! F1 0.702 (P 0.80, R 0.625; exact day 0.921, place 0.875, killed 0.815, clusters 0.97). That
//! is the honest estimate for unseen articles. At the end of session 6, after rules found on it
//! and on sets 6–7: F1 0.928, day 0.939, place 0.914, killed 0.919, clusters 0.978. The floors
//! are those scores rounded down to 0.05, and may only be raised.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores at the end of session 6, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.9,
    date_exact_day: 0.9,
    place_within_25km: 0.9,
    killed_claims_recall: 0.9,
    cluster_b3_f1: Some(0.95),
    scored_gold_events: Some(64),
};

#[test]
fn eighth_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout8", &FLOORS);
}

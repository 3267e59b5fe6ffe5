//! The tenth held-out set (tests/fixtures/heldout10, see heldout10-README.md): 26 original
//! articles (24 files, one of them JSONL, 64 scored gold events) written at the start of
//! session 7 outside the repository, by an engineer who changed no code, to look like a real
//! scraped Iraq/Syria wire corpus of December 2019 – June 2021 (19 files), plus five from other
//! wars (Afghanistan, Yemen/Red Sea, Somalia, Myanmar) and a negative article.
//!
//! Measured sealed, before anyone read it: F1 0.763 with main at the start of session 7
//! (326a9de), and 0.779 after the session's first round of rules, which were tuned on set 9
//! (P 0.76, R 0.80; exact day 0.90, place 0.90, killed 0.90, clusters 1.0). Those are the honest
//! estimates for unseen articles. At the end of session 7, after a second round found on it:
//! F1 0.803 (P 0.81, R 0.80; exact day 0.902, place 0.902,
//! killed 0.923, clusters 1.0). The floors are those scores rounded down to 0.05, and may only be raised.
//! Session 8 (rules found on sets 11 and 12): F1 0.832, exact day 0.905, killed 0.95; the killed
//! floor is raised to 0.95.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores at the end of session 7, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.8,
    date_exact_day: 0.9,
    place_within_25km: 0.9,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(1.0),
    scored_gold_events: Some(64),
};

#[test]
fn tenth_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout10", &FLOORS);
}

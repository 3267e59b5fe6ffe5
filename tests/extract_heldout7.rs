//! The seventh held-out set (tests/fixtures/heldout7, see heldout7-README.md): 25 original
//! articles (24 files) written at the end of session 5 outside the repository, after that
//! session's tuning, with deliberately varied grammar (passive voice, facts carried by quotes,
//! a live blog, an agency bulletin, analysis pieces). Seventeen are in the seeds' Iraq/Syria
//! theatre (December 2019 – June 2021), seven come from other wars (Somalia, Yemen, Ukraine,
//! Burkina Faso, Afghanistan, Pakistan), one is a negative article.
//!
//! Measured before anyone looked at it: F1 0.66 with the code of the start of session 5, and
//! F1 0.708 (day 0.821, place 0.971, killed 0.781, clusters 1.0) with the code of its end; that
//! is the honest estimate for unseen articles. Two header fixes found on it (byline and
//! dateline publication dates) took it to F1 0.789, day 0.971, place 0.977, killed 0.775,
//! clusters 0.988; reading "unmanned aircraft system attacked" as a drone attack, 0.807. The floors are those scores rounded down to 0.05 and may only be raised.
//!
//! Session 6 (tuned on): F1 0.893, day 0.973, place 0.98, killed 0.857, clusters 0.99; floors
//! raised to F1 0.85, killed 0.85.
//! Session 7: killed 0.976 (tolls told several sentences after their attack); the killed floor
//! is raised to 0.95.
//! Session 8: F1 0.901 (a head clause's day before 'after' no longer dates the attack); the
//! F1 floor is raised to 0.9.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores at the end of session 5, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.9,
    date_exact_day: 0.95,
    place_within_25km: 0.95,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(0.95),
    scored_gold_events: Some(58),
};

#[test]
fn seventh_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout7", &FLOORS);
}

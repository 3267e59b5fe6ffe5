//! The sixth held-out set (tests/fixtures/heldout6, see heldout6-README.md): 24 original
//! articles written in session 5 outside the repository while four engineers tuned the
//! extraction on sets 1–5. Seventeen are in the seeds' Iraq/Syria theatre (December 2019 –
//! June 2021, many of the seed events told again by other outlets with other tolls, plus the
//! embassy convoy bomb, Israeli strikes in Deir ez-Zor, Makhmour, Tal al-Dhahab), seven come
//! from other wars (Idlib, Yemen/Saudi Arabia, Ukraine, Pakistan, Nigeria, Myanmar) and one is
//! a negative article (the Yemen truce).
//!
//! Measured untouched on main at bccc8d7 (the start of session 5): F1 0.778, exact day 0.97,
//! place 0.976, killed 0.784, clusters 1.0. After the session's first merge (f2d281b, whose
//! authors never saw the set): F1 0.759, day 0.969, place 0.976, killed 0.784, clusters 1.0;
//! that is the honest estimate for unseen articles. The set then became a tuning set.
//! Tuned on at the end of session 5 (aircraft as the subject of an attack verb, 'came under
//! fire', a series' 'the first hit …', fronted 'N days later' / 'hours after the X attack',
//! countries not containing a neighbour's border town): F1 0.847, day 0.917, place 0.979,
//! killed 0.805, clusters 1.0. A byline-date fix found on held-out 7 took it to F1 0.857, day 0.946,
//! killed 0.81.
//! The floors are the measured scores rounded down to 0.05 and may only be raised. The issue's
//! targets for unseen articles are event F1 ≥ 0.85, exact day ≥ 0.9, place ≥ 0.85, killed
//! recall ≥ 0.8, clusters ≥ 0.85.
//!
//! Session 6 (tuned on): F1 0.922, day 0.95, place 0.981, killed 0.93, clusters 1.0; floors
//! raised to F1 0.9, day 0.95, killed 0.9.
//! Session 7: F1 0.931, killed 1.0; the killed floor is raised to 0.95.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores at the end of session 5, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.9,
    date_exact_day: 0.95,
    place_within_25km: 0.95,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(1.0),
    scored_gold_events: Some(59),
};

#[test]
fn sixth_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout6", &FLOORS);
}

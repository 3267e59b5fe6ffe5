//! The fifth held-out set (tests/fixtures/heldout5, see heldout5-README.md): 22 original
//! articles written in session 4 outside the repository while four engineers tuned the
//! extraction on sets 1–4, so nobody tuned on them before they were measured. Fifteen are in
//! the seeds' Iraq/Syria theatre (December 2019 – June 2021: the Green Zone and Balad salvos of
//! January 2020, Iran's missiles, Camp Taji, Mkeishifa, Hisham al-Hashimi, Sidakan, the Deir
//! ez-Zor bus ambush, Erbil airport, Albu Kamal, Ain al-Asad, Sadr City, the June 2021 border
//! strikes), seven come from other wars (Yemen/UAE, Kenya, Burkina Faso, Ukraine, Afghanistan,
//! Mozambique) and one is a negative article (the Pretoria agreement).
//!
//! Measured untouched on main at 3b36e9a (the start of session 4): F1 0.629, exact day 0.913,
//! place 0.97, killed 0.762, clusters 1.0. After the session's first merge (74b39a3, whose
//! authors never saw the set): F1 0.729, day 0.923, place 0.949, killed 0.786, clusters 1.0;
//! that is the honest estimate for unseen articles. Four short fixes were then made looking at
//! this set (a reaction date is not the attack's date; targeted shootings are attacks; a town
//! known only abroad in a story set elsewhere is the story's area; a report whose place is only
//! its dateline does not join an event on another continent), giving F1 0.821, day 0.966,
//! place 0.957, killed 0.8, clusters 1.0.
//! Session 5 (tuned on: toll clauses, 'hours after' dates, gazetteer coverage): F1 0.929, day
//! 0.97, place 0.981, killed 0.865, clusters 1.0; floors raised to F1 0.9 and killed 0.85.
//! The floors are the measured scores rounded down to 0.05 and may only be raised. The issue's
//! targets for unseen articles are event F1 ≥ 0.85, exact day ≥ 0.9, place ≥ 0.85, killed
//! recall ≥ 0.8, clusters ≥ 0.85.
//!
//! Session 6: F1 0.937, day 0.97, place 0.981, killed 0.973, clusters 1.0; killed floor raised
//! to 0.95.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores after the session-4 merge, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.9,
    date_exact_day: 0.95,
    place_within_25km: 0.95,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(1.0),
    scored_gold_events: Some(55),
};

#[test]
fn fifth_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout5", &FLOORS);
}

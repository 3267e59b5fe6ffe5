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
//!
//! Session 4: F1 0.952, exact day 1.0, place 0.971, killed 0.922, clusters 1.0; floors raised to
//! F1 0.95 and killed 0.9 (day stays 0.95 so that one day-level miss is not a failure).
//!
//! Session 5: F1 0.966, day 0.983, place 0.972, killed 0.923, clusters 0.993. The cluster floor
//! was LOWERED from 1.0 to 0.99, the one deliberate exception: a new trigger rule (aircraft as
//! the subject: "unidentified aircraft struck positions … near Albu Kamal") finds a strike the
//! gold counts and that was missed before (recall up), and its report, correctly dated, merges
//! with a US strike told in another article the next night at al-Qaim, 10 km across the border
//! (same kind, adjacent days, within reach; no actor contradicts "unidentified"). Telling them
//! apart needs a reason the clustering does not have yet.
//!
//! Session 6: F1 0.966, day 1.0, place 0.972, killed 0.962, clusters 1.0. The clustering now
//! keeps apart two reports that each state their own, different day (the two strikes above are
//! two events again), so the cluster floor is back at 1.0; killed raised to 0.95.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// Measured floors (score.py on tests/fixtures/heldout3; the numbers are in the README).
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.95,
    date_exact_day: 0.95,
    place_within_25km: 0.95,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(1.0),
    scored_gold_events: None,
};

#[test]
fn third_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout3", &FLOORS);
}

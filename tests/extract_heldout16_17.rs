//! The two held-out sets written at the start of session 10 (tests/fixtures/heldout16 and
//! heldout17, see their READMEs), each 24 files of original articles by an engineer who changed no
//! code, ran nothing of chronomap and read no earlier set, from a brief that named no page or date
//! shapes: only "study the seeds and imitate what a real scraped corpus looks like". One test
//! binary holds both, so CI links one binary instead of two.
//!
//! Set 16 (20 files on Iraq/Syria, December 2019 – June 2021, and four from other wars; 60 scored
//! events): blind F1 0.831 with the session's start code (08b53be), then tuned on: F1 0.917 at the
//! end of session 10 (exact day 0.98, place 0.964, killed 0.96, clusters 1.0).
//!
//! Set 17 (12 files on Iraq/Syria, 12 from other wars 2015–2025; 62 scored events): SEALED
//! through session 10, scored with numbers only: blind F1 0.826, and 0.836 with all the session's
//! work (exact day 0.977, place 0.941, killed 0.755, clusters 1.0) — the honest estimate for
//! unseen articles. Two rules found on its misses after that (a Markdown page dated by a
//! "DD.MM.YYYY HH:MM" line under a plain headline; an illness then a death told as two verbs)
//! took it to 0.839 (killed 0.784).
//!
//! Session 11 tuned on set 17 too: F1 0.934, killed 0.855 at its end (floors raised to 0.9 and
//! 0.85).
//!
//! The floors are those end-of-session scores rounded down to 0.05, and may only be raised.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

#[test]
fn sixteenth_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout16",
        &HeldoutFloors {
            f1: 0.9,
            date_exact_day: 0.95,
            place_within_25km: 0.95,
            killed_claims_recall: 0.95,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(60),
        },
    );
}

#[test]
fn seventeenth_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout17",
        &HeldoutFloors {
            f1: 0.9,
            date_exact_day: 0.95,
            place_within_25km: 0.9,
            killed_claims_recall: 0.85,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(62),
        },
    );
}

//! The held-out sets written at the start of sessions 13 to 16 (tests/fixtures/heldout22 to
//! heldout29, see their READMEs), each 24 files of original articles by an engineer who changed no
//! code, ran nothing of chronomap and read no earlier set, from the same brief as sets 16–21
//! ("study the seeds; imitate what a real scraped corpus looks like").
//!
//! Set 22 (12 files on Iraq/Syria, December 2019 – June 2021, twelve from other wars, with
//! roundups and a few full scraped pages; 61 scored events): blind F1 0.821 with the session's
//! start code (175f538; three records undated), then tuned on: F1 0.917 once the session's four
//! engineers' work was merged (exact day 1.0, place 0.982, killed 0.866, clusters 1.0,
//! published date 1.0).
//!
//! Set 23 (16 files on Iraq/Syria, eight from other wars; 62 scored events): SEALED until that
//! merge, then scored with numbers only: blind F1 0.855, and **0.872 sealed** (exact day 0.889,
//! place 0.98, killed 0.86, clusters 0.977, published date 0.962) — the honest estimate for
//! unseen articles. Then opened: two follow-up tasks (per-source casualty tables read as
//! attributed tolls; a yearless date line beside a byline under a headline that ends with a full
//! stop) took set 22 to F1 0.917 (killed 0.91) and set 23 to **0.9** (exact day 0.896, place
//! 0.981, killed 0.85, clusters 0.978, published date 1.0; exact day and killed are shares of the
//! matched events, and the undated page's three newly matched events brought one inexact day
//! and one "no one was injured" toll of 0 we do not read).
//!
//! Set 24 (session 14; sixteen files on Iraq/Syria, eight from other wars, with a timeline blog
//! post, a Red Sea weekly roundup and a full scraped page; 63 scored events): blind F1 0.769
//! with the session's start code (3442b6c: the timeline's bold "27 December 2019 – K1 base."
//! labels were not read, so eleven entries fell to the page's month), then tuned on: 0.873 once
//! the session's four engineers' work was merged (exact day 0.898, place 0.982, killed 0.867,
//! clusters 0.991, published date 1.0).
//!
//! Set 25 (session 14; eighteen files on Iraq/Syria, six from other wars; 62 scored events):
//! SEALED until that merge: blind F1 0.906 (P 0.964, R 0.855, exact day 0.959, place 1.0,
//! killed 0.948, clusters 1.0, published date 0.963), and **0.906 sealed**, every number the
//! same — the session's rules neither found nor lost an event of it. Then opened: two follow-up
//! tasks (a two-digit-year page date settled by its printed weekday, "Wednesday 03.03.21"; a date
//! after an aside on the announcement, "The strikes, announced late on Thursday, hit … on
//! Friday"; population tolls split by sex and age restated, not added; "tolls of N"; an aside
//! after a second joined noun) took set 24's killed recall to 0.911 and set 25 to **0.942**
//! (exact day 1.0, place 1.0, killed 0.966, clusters 1.0, published date 1.0).
//!
//! Set 26 (session 15; fourteen files on Iraq/Syria, ten from other wars, with a Sahel monthly
//! roundup, a news-API dump and a full scraped page; 62 scored events): blind F1 0.797 with the
//! session's start code (d2f348a), then tuned on: 0.82 once the session's four engineers' work
//! was merged (exact day 0.977, place 0.9, killed 0.845, clusters 1.0, published date 1.0).
//!
//! Set 27 (session 15; sixteen files on Iraq/Syria, eight from other wars; 57 scored events):
//! SEALED until that merge: blind F1 0.864 (P 0.836, R 0.895, exact day 0.978, place 1.0,
//! killed 0.882, clusters 1.0, published date 1.0), and **0.864 sealed**, every number the same.
//! Then opened: two follow-up tasks (a bomb-rigged fuel tanker is a vehicle bomb, not an
//! accident; "carrying multiple suicide bombers" is no bombing; the day funerals are held does
//! not date the attack; "speaking in the holy city of X" is where someone spoke; "two targets, a
//! planner and a facilitator" is 2; "a contractor working with it had been killed" is 1) took
//! set 27 to **0.889** (exact day 1.0, place 1.0, killed 0.962, clusters 1.0) and set 24 to 0.921
//! (exact day 0.941); set 26 stayed at 0.82.
//!
//! Set 28 (session 16; thirteen files on Iraq/Syria with an official statement page, a weekly
//! security summary and a follow-up recalling two attacks by relative dates, eleven from other
//! wars including a long feature; 57 scored events): blind F1 0.732 with the session's start
//! code (82b78fe: a weekday before a timeline label's date, title-case datelines, a "3/15/21"
//! page date), then tuned on: 0.852 once the session's four engineers' work was merged (exact
//! day 1.0, place 0.959, killed 0.892, clusters 0.99, published date 1.0).
//!
//! Set 29 (session 16; sixteen files on Iraq/Syria, eight from other wars; 64 scored events):
//! SEALED until that merge: blind F1 0.81 (P 0.823, R 0.797, exact day 0.976, place 1.0, killed
//! 0.882, clusters 1.0, published date 1.0), and **0.81 sealed**, every number the same.
//!
//! The floors are the end-of-session scores rounded down to 0.05 (a score exactly on a step
//! one step lower), and may only be raised. Session 15 raised set 24's to F1 and exact day 0.9.
//! Session 14 raised set 23's to its scores with that
//! session's rules (F1 0.924, exact day 0.939, killed 0.918): F1, exact day and killed 0.9.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

#[test]
fn twenty_second_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout22",
        &HeldoutFloors {
            f1: 0.9,
            date_exact_day: 0.95,
            place_within_25km: 0.95,
            killed_claims_recall: 0.9,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(61),
        },
    );
}

#[test]
fn twenty_third_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout23",
        &HeldoutFloors {
            f1: 0.9,
            date_exact_day: 0.9,
            place_within_25km: 0.95,
            killed_claims_recall: 0.9,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(62),
        },
    );
}

#[test]
fn twenty_fourth_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout24",
        &HeldoutFloors {
            f1: 0.9,
            date_exact_day: 0.9,
            place_within_25km: 0.95,
            killed_claims_recall: 0.9,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(63),
        },
    );
}

#[test]
fn twenty_fifth_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout25",
        &HeldoutFloors {
            f1: 0.9,
            date_exact_day: 0.95,
            place_within_25km: 0.95,
            killed_claims_recall: 0.95,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(62),
        },
    );
}

#[test]
fn twenty_sixth_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout26",
        &HeldoutFloors {
            f1: 0.8,
            date_exact_day: 0.95,
            place_within_25km: 0.9,
            killed_claims_recall: 0.8,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(62),
        },
    );
}

#[test]
fn twenty_seventh_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout27",
        &HeldoutFloors {
            f1: 0.85,
            date_exact_day: 0.95,
            place_within_25km: 0.95,
            killed_claims_recall: 0.95,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(57),
        },
    );
}

#[test]
fn twenty_eighth_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout28",
        &HeldoutFloors {
            f1: 0.8,
            date_exact_day: 0.95,
            place_within_25km: 0.95,
            killed_claims_recall: 0.85,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(57),
        },
    );
}

#[test]
fn twenty_ninth_heldout_set_does_not_regress() {
    assert_heldout_floors(
        "heldout29",
        &HeldoutFloors {
            f1: 0.8,
            date_exact_day: 0.95,
            place_within_25km: 0.95,
            killed_claims_recall: 0.85,
            cluster_b3_f1: Some(0.95),
            scored_gold_events: Some(64),
        },
    );
}

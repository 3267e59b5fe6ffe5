//! The thirteenth held-out set (tests/fixtures/heldout13, see heldout13-README.md): 26 original
//! articles (24 files, one JSON array and one JSONL file, 62 scored gold events) written at the
//! start of session 8 outside the repository, by an engineer who changed no code, to look like a
//! real scraped Iraq/Syria wire corpus of December 2019 – June 2021 (19 files) plus five from other
//! wars (Yemen, Somalia, Ukraine, Nigeria, and a negative Red Sea article).
//!
//! It stayed SEALED while the session's rules were tuned on sets 11 and 12, and was measured once
//! they were merged: F1 0.785 with the session's start code (71fc0f3) and still 0.785 with all of
//! the session's rules (P 0.93, R 0.68; exact day 0.94, place 1.0, killed 0.86): rules found on two
//! sets lifted those two by +0.09 each and the unseen one by nothing. That is the honest estimate.
//! Its failures then showed that five of its 26 records were read with no publication date (an
//! HTML byline "· Published Sunday, March 15, 2020", a "By … | 9 May 2021 | …" meta line, a
//! Markdown "**June 2021** ·" standfirst, a JSONL "24/01/2021", a JSON record whose text is in
//! "paragraphs"), and an undated article gives no events: the readers now read those shapes
//! (70db393) and an undated article is named in a warning. At the end of session 8: F1 0.927 (P 0.93,
//! R 0.92; exact day 0.979, place 0.964, killed 0.833, clusters 0.991).
//! Session 10 (deaths during an attack, "the number of … killed at N"): killed 0.939; its floor
//! was raised to 0.9.
//! The floors are those scores rounded down to 0.05, and may only be raised.

mod extract_common;

use extract_common::{HeldoutFloors, assert_heldout_floors};

/// The measured scores at the end of session 8, rounded down to 0.05.
const FLOORS: HeldoutFloors = HeldoutFloors {
    f1: 0.9,
    date_exact_day: 0.95,
    place_within_25km: 0.95,
    killed_claims_recall: 0.95,
    cluster_b3_f1: Some(0.95),
    scored_gold_events: Some(62),
};

#[test]
fn thirteenth_heldout_set_does_not_regress() {
    assert_heldout_floors("heldout13", &FLOORS);
}

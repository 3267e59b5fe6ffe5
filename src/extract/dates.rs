//! Date expressions in article text, resolved against the article's publication date.
//!
//! Rules (each has a unit test below):
//! - A weekday is the most recent such day on or before the publication date ("said Monday" in
//!   a Monday story is that Monday); "last Sunday" is strictly before; "next Monday", or a
//!   future marker ("will", "is due to", "plans to" …) before it in the same clause, makes it
//!   a future mention (`future = true`), resolved forward.
//! - "yesterday" is the day before; "today", "this morning" the day itself; "overnight" and
//!   "last night" are the night that starts the day before (precision day, first day of the
//!   night, because that is when a night-time attack is dated).
//! - "last week" is the previous Monday–Sunday week; "earlier this week" is Monday of the
//!   publication week up to the day before; "earlier this month" is the 1st up to the
//!   publication day (even on the 1st–3rd: the text says "this month", so we keep it);
//!   "last month" / "last year" are the previous calendar month / year.
//! - Absolute dates: "February 15, 2021", "15 February 2021", "Dec. 27", "2021-02-15",
//!   "02/15/2021". A month and day without a year take the year that puts them on or before the
//!   publication date (the end of its period when that is only a month), unless the mention is
//!   future. Slashed numeric dates are month/day (the wire services we read are US) unless the
//!   first number is above 12, then day/month.
//! - A month-precision publication date ("2019-12") cannot anchor a weekday or "yesterday" to
//!   a day: those resolve to the publication month with month precision, and the reasoning
//!   says why. Absolute dates still resolve fully.
//! - "in April last year", "July this year", "March next year" are that month of the year
//!   before / of / after publication. "in late July", "in early March", "mid-August" keep
//!   month precision (the most recent such month on or before publication) and the reasoning
//!   names the part of the month.
//! - A bare year used as an adjective ("the 2015 nuclear deal") is returned with kind
//!   `BareYear` so callers can ignore it; "in 2019" is kind `Year`.
//! - "a day after …", "the day before", "two days later" are kind `Relative` with
//!   `shift_days` set: their `range` is only the publication period; resolve them against an
//!   anchor event date with [`resolve_relative`]. Without a count ("days later", "a few
//!   days later") they are vague and make no mention.
//!
//! Reasoning strings are ASCII: "'Sunday' before Mon 2019-12-30 -> 2019-12-29".

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::{Captures, Regex};

use crate::corpus::{DatePrecision, PubDate, Span};
use crate::extract::DateRange;
use crate::extract::numbers::{WordRegex, ascii_regex, parse_number_words};

/// What kind of expression a date mention is; callers use it to rank mentions (an absolute
/// date beats a weekday) and to ignore some (`BareYear`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateExprKind {
    /// A full date with day, month and year.
    Absolute,
    /// A month and day, year inferred from the publication date.
    DayMonth,
    /// "December 2019", "late December 2019".
    MonthYear,
    /// "in December", year inferred.
    Month,
    /// "in 2019".
    Year,
    /// A year used as an adjective or a bare figure ("the 2015 deal"); usually not an event date.
    BareYear,
    Weekday,
    Yesterday,
    Today,
    Overnight,
    LastWeek,
    ThisWeek,
    Weekend,
    ThisMonth,
    LastMonth,
    ThisYear,
    LastYear,
    /// "three days ago", "two weeks ago".
    Ago,
    /// "a day after …", "the day before": needs an anchor, see [`resolve_relative`].
    Relative,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    /// Byte span in the text given, plus `offset`.
    pub span: Span,
    pub range: DateRange,
    /// "'Sunday' before Mon 2019-12-30 -> 2019-12-29".
    pub reasoning: String,
    pub kind: DateExprKind,
    /// The text speaks of a date still to come ("next Monday", "will meet on Tuesday").
    pub future: bool,
    /// For `Relative` mentions: days to add to the anchor event's date (+1 for "a day after").
    pub shift_days: Option<i64>,
}

pub(crate) const MONTH_NAMES: &str = r"January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
pub(crate) const WEEKDAYS: &str = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday";
const SMALL_NUMBER: &str =
    r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|a\s+few|several";

/// Keywords that date expressions need, one bit each; a pattern runs only when the text
/// holds one of its keywords (or a digit), so most sentences cost one automaton pass.
const KEYWORDS: [(&str, u32); 31] = [
    ("jan", K_MONTH),
    ("feb", K_MONTH),
    ("mar", K_MONTH),
    ("apr", K_MONTH),
    ("may", K_MONTH),
    ("jun", K_MONTH),
    ("jul", K_MONTH),
    ("aug", K_MONTH),
    ("sep", K_MONTH),
    ("oct", K_MONTH),
    ("nov", K_MONTH),
    ("dec", K_MONTH),
    ("monday", K_WEEKDAY),
    ("tuesday", K_WEEKDAY),
    ("wednesday", K_WEEKDAY),
    ("thursday", K_WEEKDAY),
    ("friday", K_WEEKDAY),
    ("saturday", K_WEEKDAY),
    ("sunday", K_WEEKDAY),
    ("yesterday", K_YESTERDAY),
    ("today", K_TODAY),
    ("morning", K_TODAY),
    ("afternoon", K_TODAY),
    ("evening", K_TODAY),
    ("tonight", K_TODAY),
    ("night", K_NIGHT),
    ("week", K_WEEK),
    ("month", K_MONTH_YEAR),
    ("year", K_MONTH_YEAR),
    ("ago", K_AGO),
    ("day", K_DAY),
];
const K_DIGIT: u32 = 1;
const K_MONTH: u32 = 1 << 1;
const K_WEEKDAY: u32 = 1 << 2;
const K_YESTERDAY: u32 = 1 << 3;
const K_TODAY: u32 = 1 << 4;
const K_NIGHT: u32 = 1 << 5;
const K_WEEK: u32 = 1 << 6;
const K_MONTH_YEAR: u32 = 1 << 7;
const K_AGO: u32 = 1 << 8;
const K_DAY: u32 = 1 << 9;
const K_HOURS: u32 = 1 << 10;

/// Units of a count that stays within the day of its anchor ("hours later", "minutes after
/// the first blast", "moments later").
const WITHIN_A_DAY: [&str; 3] = ["hours", "minutes", "moments"];

/// True for "hours later", "minutes after …", "moments earlier": the anchor's own day (or
/// night), never a day away from it.
pub fn counts_within_a_day(expr: &str) -> bool {
    let first = expr.split_whitespace().next().unwrap_or("");
    WITHIN_A_DAY.iter().any(|u| first.eq_ignore_ascii_case(u))
}

/// Words of which every relative date holds one: its direction ("two days later", "the day
/// before", "hours after") or which day it counts to ("the next day", "the same day", "the
/// following week").
const RELATIVE_WORDS: [&str; 10] = [
    "after",
    "later",
    "before",
    "earlier",
    "prior",
    "next",
    "following",
    "previous",
    "preceding",
    "same",
];

static KEYWORD_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let mut words: Vec<&str> = KEYWORDS.iter().map(|(w, _)| *w).collect();
    // Counts within a day ("hours later", "minutes later", "moments later"): K_HOURS.
    words.extend(WITHIN_A_DAY);
    // Then K_RELATIVE_WORD.
    words.extend(RELATIVE_WORDS);
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("static patterns")
});

/// A run of exactly four ASCII digits (a written year of a full date).
const K_DIGITS4: u32 = 1 << 15;
/// A run of one or two ASCII digits (a day of the month).
const K_DIGITS12: u32 = 1 << 16;
/// "weekend".
const K_WEEKEND: u32 = 1 << 17;
/// "overnight".
const K_OVERNIGHT: u32 = 1 << 18;
/// "ago" as a word of its own.
const K_AGO_WORD: u32 = 1 << 19;
/// The words of the `Today` pattern: "today", "tonight", "this" before a part of the day.
const K_TODAY_PHRASE: u32 = 1 << 20;
/// One of `RELATIVE_WORDS`.
const K_RELATIVE_WORD: u32 = 1 << 22;
/// A run of one or two ASCII digits right before a letter that may begin an ordinal suffix
/// ("5th", "22nd", "1st"; the long s 'ſ', which a case-insensitive regex reads as 's', too).
const K_ORDINAL: u32 = 1 << 21;

/// A month name written with a capital ("May", "DEC."), at a word start: month patterns only
/// resolve capitalised names, so "may" and "market" do not wake them.
const K_CAP_MONTH: u32 = 1 << 11;
/// A run of exactly four ASCII digits starting with 19 or 20 (a year).
const K_YEAR4: u32 = 1 << 12;
/// Four digits then '-' ("2021-02-15").
const K_ISO: u32 = 1 << 13;
/// A '/' (slashed dates).
const K_SLASH: u32 = 1 << 14;

/// Bytes that [`digit_and_month_mask`] looks at: digits, '/', capitals.
static INTERESTING: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_digit() || c == b'/' || c.is_ascii_uppercase();
        b += 1;
    }
    table
};

/// Digit and capital-month classes of `text` in one byte pass. Dates resolve only ASCII
/// digits (their groups are parsed as numbers), so only ASCII digits count.
fn digit_and_month_mask(text: &str) -> u32 {
    const MONTHS: [&[u8; 3]; 12] = [
        b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov",
        b"dec",
    ];
    let bytes = text.as_bytes();
    let mut mask = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Most bytes are lower-case letters and spaces: nothing to look at.
        if !INTERESTING[b as usize] {
            i += 1;
            continue;
        }
        let word_start = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        if b.is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            mask |= K_DIGIT;
            if i - start <= 2 {
                mask |= K_DIGITS12;
                if matches!(
                    bytes.get(i),
                    Some(b's' | b'S' | b'n' | b'N' | b'r' | b'R' | b't' | b'T' | 0xC5)
                ) {
                    mask |= K_ORDINAL;
                }
            }
            if i - start == 4 {
                mask |= K_DIGITS4;
                if bytes[start..].starts_with(b"19") || bytes[start..].starts_with(b"20") {
                    mask |= K_YEAR4;
                }
                if bytes.get(i) == Some(&b'-') {
                    mask |= K_ISO;
                }
            }
            continue;
        }
        if b == b'/' {
            // A slashed date has a digit on both sides of each slash ("and/or" has none).
            if i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            {
                mask |= K_SLASH;
            }
        } else if word_start
            && matches!(b, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D')
            && let Some(three) = bytes.get(i..i + 3)
            && MONTHS.iter().any(|m| three.eq_ignore_ascii_case(&m[..]))
        {
            mask |= K_CAP_MONTH;
        }
        i += 1;
    }
    mask
}

/// The keyword classes present in `text`.
fn keyword_mask(text: &str) -> u32 {
    let mut mask = digit_and_month_mask(text);
    let bytes = text.as_bytes();
    let letter_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
    for m in KEYWORD_FINDER.find_overlapping_iter(text) {
        let id = m.pattern().as_usize();
        let class = match KEYWORDS.get(id) {
            Some((_, k)) => *k,
            None if id < KEYWORDS.len() + WITHIN_A_DAY.len() => K_HOURS,
            None => K_RELATIVE_WORD,
        };
        let (start, end) = (m.start(), m.end());
        // Relative dates use "day" as a word ("two days later", "the day before"), never
        // inside one ("Sunday", "holiday").
        if class == K_DAY {
            let plural = matches!(bytes.get(end), Some(b's' | b'S'));
            let word = (start == 0 || !letter_at(start - 1))
                && (!letter_at(end) || (plural && !letter_at(end + 1)));
            if !word {
                continue;
            }
        }
        mask |= class;
        mask |= finer_keyword_bits(text, KEYWORDS.get(id).map_or("hours", |(w, _)| *w), start);
    }
    // A case-insensitive regex reads the Kelvin sign as 'k' ("wee\u{212a}end").
    if mask & K_WEEK != 0 && text.contains('\u{212a}') {
        mask |= K_WEEKEND;
    }
    // And the long s as 's' ("the \u{17f}ame day").
    if mask & RELATIVE_CLASSES != 0 && mask & K_RELATIVE_WORD == 0 && text.contains('\u{17f}') {
        mask |= K_RELATIVE_WORD;
    }
    mask
}

/// What single patterns need beyond the class of `keyword`, found at `start` (see
/// `Pattern::can_match`). Each bit is a necessary condition of its pattern's regex, so a
/// pattern that its bit keeps from running would have matched nothing.
fn finer_keyword_bits(text: &str, keyword: &str, start: usize) -> u32 {
    let bytes = text.as_bytes();
    let end = start + keyword.len();
    let word_byte_at = |i: usize| {
        bytes
            .get(i)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    };
    match keyword {
        "week"
            if bytes
                .get(end..end + 3)
                .is_some_and(|b| b.eq_ignore_ascii_case(b"end")) =>
        {
            K_WEEKEND
        }
        "night" if start >= 4 && bytes[start - 4..start].eq_ignore_ascii_case(b"over") => {
            K_OVERNIGHT
        }
        "ago" if (start == 0 || !word_byte_at(start - 1)) && !word_byte_at(end) => K_AGO_WORD,
        "today" | "tonight" => K_TODAY_PHRASE,
        // "this morning": white space, then "this" (its 's' may be a long s, which a
        // case-insensitive regex reads as 's').
        "morning" | "afternoon" | "evening" => {
            let head = &text[..start];
            let before = head.trim_end().as_bytes();
            let this = |tail: &[u8]| {
                before.len() >= tail.len()
                    && before[before.len() - tail.len()..].eq_ignore_ascii_case(tail)
            };
            if before.len() < head.len() && (this(b"this") || this("thi\u{17f}".as_bytes())) {
                K_TODAY_PHRASE
            } else {
                0
            }
        }
        _ => 0,
    }
}

/// The classes of the words a relative date counts in: days, hours, weeks, parts of a day.
const RELATIVE_CLASSES: u32 = K_DAY | K_HOURS | K_WEEK | K_TODAY | K_NIGHT;

impl Pattern {
    /// True when `mask` holds what this pattern needs.
    fn can_match(self, mask: u32) -> bool {
        let all = |need: u32| mask & need == need;
        match self {
            Pattern::Iso => all(K_ISO),
            Pattern::Slash => all(K_DIGIT | K_SLASH),
            Pattern::YearPrep | Pattern::BareYear => all(K_YEAR4),
            // A written day is a run of one or two digits, a written year one of four.
            Pattern::DayMonthYear | Pattern::MonthDayYear => {
                all(K_DIGIT | K_MONTH | K_CAP_MONTH | K_DIGITS12 | K_DIGITS4)
            }
            Pattern::MonthDay | Pattern::DayMonth => {
                all(K_DIGIT | K_MONTH | K_CAP_MONTH | K_DIGITS12)
            }
            Pattern::MonthYear => all(K_DIGIT | K_MONTH | K_CAP_MONTH | K_DIGITS4),
            // "April last year": a capitalised month and the word "year".
            Pattern::MonthRelYear => all(K_MONTH | K_CAP_MONTH | K_MONTH_YEAR),
            Pattern::MonthOnly => all(K_MONTH | K_CAP_MONTH),
            Pattern::OvernightWeekday => all(K_WEEKDAY | K_NIGHT | K_OVERNIGHT),
            Pattern::Weekday => all(K_WEEKDAY),
            Pattern::Yesterday => all(K_YESTERDAY),
            Pattern::Today => all(K_TODAY | K_TODAY_PHRASE),
            Pattern::Overnight => all(K_NIGHT),
            Pattern::Week => all(K_WEEK),
            Pattern::Weekend => all(K_WEEK | K_WEEKEND),
            Pattern::MonthYearRel => all(K_MONTH_YEAR),
            Pattern::Ago => all(K_AGO | K_AGO_WORD),
            Pattern::Relative => mask & RELATIVE_CLASSES != 0 && all(K_RELATIVE_WORD),
        }
    }
}

#[derive(Clone, Copy)]
enum Pattern {
    Iso,
    Slash,
    DayMonthYear,
    MonthDayYear,
    MonthDay,
    DayMonth,
    MonthYear,
    MonthRelYear,
    MonthOnly,
    YearPrep,
    BareYear,
    OvernightWeekday,
    Weekday,
    Yesterday,
    Today,
    Overnight,
    Week,
    Weekend,
    MonthYearRel,
    Ago,
    Relative,
}

impl Pattern {
    /// How many of the two parts that a mention can write out itself it has: a day of the
    /// month and a year. Weekdays and relative words resolve to days too, but only through the
    /// publication date, so they count as neither.
    fn written_parts(self) -> u8 {
        use Pattern::*;
        let day = matches!(
            self,
            Iso | Slash | DayMonthYear | MonthDayYear | MonthDay | DayMonth
        );
        let year = matches!(
            self,
            Iso | Slash | DayMonthYear | MonthDayYear | MonthYear | YearPrep | BareYear
        );
        u8::from(day) + u8::from(year)
    }
}

static PATTERNS: LazyLock<Vec<(Pattern, WordRegex)>> = LazyLock::new(|| {
    let m = format!(r"(?P<mon>{MONTH_NAMES})\b\.?");
    let m_nodot = format!(r"(?P<mon>{MONTH_NAMES})\b");
    let ord = r"(?:st|nd|rd|th)?";
    let wd = format!(r"(?P<wd>{WEEKDAYS})");
    let list: Vec<(Pattern, String)> = vec![
        (Pattern::Iso, r"\b(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})\b".into()),
        (Pattern::Slash, r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b".into()),
        (
            Pattern::DayMonthYear,
            format!(r"\b(?P<d>\d{{1,2}}){ord}\s+(?:of\s+)?{m},?\s+(?P<y>\d{{4}})\b"),
        ),
        (Pattern::MonthDayYear, format!(r"\b{m}\s+(?P<d>\d{{1,2}}){ord},?\s+(?P<y>\d{{4}})\b")),
        (Pattern::MonthDay, format!(r"\b{m}\s+(?P<d>\d{{1,2}}){ord}\b")),
        (Pattern::DayMonth, format!(r"\b(?P<d>\d{{1,2}}){ord}\s+(?:of\s+)?{m_nodot}")),
        (
            Pattern::MonthYear,
            format!(
                r"\b(?:(?P<part>early|mid|late|the\s+end\s+of|end\s+of|the\s+beginning\s+of)[\s-]+)?{m_nodot}\.?,?\s+(?:of\s+)?(?P<y>\d{{4}})\b"
            ),
        ),
        (
            Pattern::MonthRelYear,
            format!(
                r"\b(?:(?:in|during|since|by|from|until|through|throughout)\s+)?(?:(?:the\s+)?(?P<part>early|mid|late|middle\s+of|end\s+of|beginning\s+of)[\s-]+)?{m_nodot}\.?,?\s+(?:of\s+)?(?P<which>last|this|next)\s+year\b"
            ),
        ),
        (
            Pattern::MonthOnly,
            format!(
                r"\b(?:(?P<prep>in|since|during|until|through|throughout|by|from|last|this|earlier\s+in|late\s+in|early\s+in|the\s+end\s+of|end\s+of|the|of|an?)[\s-]+(?:(?:the\s+)?(?P<part>early|mid|late|middle\s+of)[\s-]+)?|(?P<part2>early|mid|late)[\s-]+){m_nodot}"
            ),
        ),
        (
            Pattern::YearPrep,
            r"\b(?P<prep>in|since|during|until|by|early|late|mid|from|throughout|before|after)[\s-]+(?P<y>(?:19|20)\d{2})\b".into(),
        ),
        (Pattern::BareYear, r"\b(?P<y>(?:19|20)\d{2})\b".into()),
        (
            Pattern::OvernightWeekday,
            format!(r"\bovernight\s+(?:(?P<into>into|to)\s+|on\s+|from\s+)?{wd}\b"),
        ),
        (
            Pattern::Weekday,
            format!(
                r"\b(?:(?P<mod>next|last|this|past|coming|previous)\s+)?(?:(?P<tod1>late|early)\s+(?:on\s+)?)?{wd}(?:\s+(?P<tod2>night|morning|afternoon|evening))?(?:\s+(?:of\s+)?(?P<lastweek>last\s+week|the\s+previous\s+week|the\s+week\s+before))?\b"
            ),
        ),
        (Pattern::Yesterday, r"\b(?P<before>the\s+day\s+before\s+)?yesterday\b".into()),
        (
            Pattern::Today,
            r"\b(?:earlier\s+today|today|this\s+morning|this\s+afternoon|this\s+evening|tonight)\b".into(),
        ),
        (Pattern::Overnight, r"\b(?:overnight|last\s+night)\b".into()),
        (
            Pattern::Week,
            r"\b(?P<which>last|past|previous|earlier\s+this|this)\s+week\b".into(),
        ),
        (
            Pattern::Weekend,
            r"\b(?P<which>last|past|this|over\s+the|at\s+the)\s+weekend\b".into(),
        ),
        (
            Pattern::MonthYearRel,
            r"\b(?P<which>earlier\s+this|this|last|past|previous)\s+(?P<unit>month|year)\b".into(),
        ),
        (
            Pattern::Ago,
            format!(r"\b(?P<n>{SMALL_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago\b"),
        ),
        (
            Pattern::Relative,
            format!(
                r"\b(?:(?P<n>{SMALL_NUMBER})\s+days?\s+(?P<dir>after|later|before|earlier|prior)|(?P<nw>{SMALL_NUMBER})\s+weeks?\s+(?P<wdir>later|earlier)|the\s+(?P<w>next|following|previous|preceding)\s+day|the\s+day\s+(?P<w2>before|after)|the\s+same\s+day|(?:earlier|later)\s+(?:in\s+the|that)\s+(?:day|morning|afternoon|evening|night)|(?:hours|minutes|moments)\s+(?P<h>after|later|before|earlier)|the\s+(?P<wk>previous|preceding|following)\s+week|the\s+week\s+(?P<wk2>before|after))\b"
            ),
        ),
    ];
    list.into_iter()
        .map(|(p, src)| (p, WordRegex::ascii_boundaries(format!("(?i){src}"))))
        .collect()
});

/// A pattern compiled with ASCII word boundaries, digits and word characters (`\b`, `\d`,
/// `\w`), for patterns whose numbers are read with `str::parse` or `parse_quantity`: these take
/// ASCII digits and number words only, so the Unicode classes found no more dates or
/// distances; they only made each automaton several times larger, and so slower to compile
/// (the Unicode `\w` alone has hundreds of ranges).
pub(crate) fn date_regex(src: &str) -> Regex {
    ascii_regex(&src.replace(r"\d", "[0-9]").replace(r"\w", "[0-9A-Za-z_]"))
}

/// Future markers in the clause before a date expression.
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(
        r"(?i)\b(?:will|won't|shall|due\s+to|plans?\s+to|planned\s+for|expected\s+to|scheduled|set\s+to|intends?\s+to|going\s+to|is\s+to|are\s+to|begins|starts)\b",
    )
});

/// A speech verb between a future marker and the date: the date then belongs to the speech
/// ("…will respond, officials said on Monday").
static SPEECH: LazyLock<Regex> = LazyLock::new(|| {
    ascii_regex(r"(?i)\b(?:said|says|told|announced|stated|added|confirmed|reported)\b")
});

pub(crate) fn month_from_name(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    months
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

/// "early", "mid", "late" or "end" for the part of a month a text names ("mid-August",
/// "the middle of May", "late July").
fn month_part_name(part: &str) -> &'static str {
    let lower = part.to_ascii_lowercase();
    if lower.starts_with("early") || lower.starts_with("beginning") {
        "early"
    } else if lower.starts_with("mid") {
        "mid"
    } else if lower.starts_with("end") {
        "end"
    } else {
        "late"
    }
}

pub(crate) fn weekday_from_name(name: &str) -> Option<Weekday> {
    name.to_ascii_lowercase().parse::<Weekday>().ok()
}

/// `text` after the name of a weekday that opens it, and the dot, comma and spaces after the
/// name ("Wednesday 8 January", "Tue., Jan. 14"); `text` itself when it opens otherwise. The
/// label of a timeline entry may name the day of the week before its date.
pub(crate) fn after_a_leading_weekday(text: &str) -> &str {
    let name_end = text
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(text.len());
    if name_end >= 3 && weekday_from_name(&text[..name_end]).is_some() {
        text[name_end..].trim_start_matches(['.', ',']).trim_start()
    } else {
        text
    }
}

fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    month_start(ny, nm)?.pred_opt()
}

fn month_range(year: i32, month: u32) -> Option<DateRange> {
    Some(DateRange {
        start: month_start(year, month)?,
        end: month_end(year, month)?,
        precision: DatePrecision::Month,
    })
}

fn year_range(year: i32) -> Option<DateRange> {
    Some(DateRange {
        start: NaiveDate::from_ymd_opt(year, 1, 1)?,
        end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        precision: DatePrecision::Year,
    })
}

fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// "2019-12-29", "2019-12", "2019", or "2019-12-23..2019-12-29" for other spans.
pub fn format_range(r: &DateRange) -> String {
    match r.precision {
        DatePrecision::Day if r.start == r.end => Ymd(r.start).to_string(),
        DatePrecision::Month
            if r.start.day() == 1 && Some(r.end) == month_end(r.start.year(), r.start.month()) =>
        {
            Ymd(r.start).month_string()
        }
        DatePrecision::Year
            if r.start.ordinal() == 1
                && r.end.month() == 12
                && r.end.day() == 31
                && r.start.year() == r.end.year() =>
        {
            Ymd(r.start).year_string()
        }
        _ => format!("{}..{}", Ymd(r.start), Ymd(r.end)),
    }
}

/// A date as "2019-12-29", written without chrono's format-string interpreter (reasoning
/// strings are built for every date mention, so this is on the hot path).
struct Ymd(NaiveDate);

impl Ymd {
    fn in_plain_range(&self) -> bool {
        (0..=9999).contains(&self.0.year())
    }
    /// "2019-12".
    fn month_string(&self) -> String {
        if self.in_plain_range() {
            format!("{:04}-{:02}", self.0.year(), self.0.month())
        } else {
            self.0.format("%Y-%m").to_string()
        }
    }
    /// "2019".
    fn year_string(&self) -> String {
        if self.in_plain_range() {
            format!("{:04}", self.0.year())
        } else {
            self.0.format("%Y").to_string()
        }
    }
}

impl std::fmt::Display for Ymd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.in_plain_range() {
            let (y, m, d) = (self.0.year() as u32, self.0.month(), self.0.day());
            let digit = |n: u32| b'0' + (n % 10) as u8;
            let text = [
                digit(y / 1000),
                digit(y / 100),
                digit(y / 10),
                digit(y),
                b'-',
                digit(m / 10),
                digit(m),
                b'-',
                digit(d / 10),
                digit(d),
            ];
            f.write_str(std::str::from_utf8(&text).map_err(|_| std::fmt::Error)?)
        } else {
            // chrono writes a sign for years outside 0..=9999.
            write!(f, "{}", self.0.format("%Y-%m-%d"))
        }
    }
}

fn weekday_abbrev(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Mon",
        Weekday::Tue => "Tue",
        Weekday::Wed => "Wed",
        Weekday::Thu => "Thu",
        Weekday::Fri => "Fri",
        Weekday::Sat => "Sat",
        Weekday::Sun => "Sun",
    }
}

/// The publication date as reasoning strings show it, formatted only when written.
struct PubStr(Option<PubDate>);

impl std::fmt::Display for PubStr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Some(p) if matches!(p.precision, DatePrecision::Day | DatePrecision::Week) => {
                write!(f, "{} {}", weekday_abbrev(p.date.weekday()), Ymd(p.date))
            }
            Some(p) => f.write_str(&format_pub(p)),
            None => Ok(()),
        }
    }
}

/// "Mon 2019-12-30", or "2019-12" for a month-precision publication date.
fn format_pub(p: &PubDate) -> String {
    match p.precision {
        DatePrecision::Day | DatePrecision::Week => {
            format!("{} {}", weekday_abbrev(p.date.weekday()), Ymd(p.date))
        }
        _ => p.to_schema_string(),
    }
}

/// The whole period a publication date stands for.
fn pub_period(p: &PubDate) -> Option<DateRange> {
    match p.precision {
        DatePrecision::Day | DatePrecision::Week => Some(DateRange::day(p.date)),
        DatePrecision::Month => month_range(p.date.year(), p.date.month()),
        DatePrecision::Year => year_range(p.date.year()),
    }
}

fn pub_is_day(p: &PubDate) -> bool {
    matches!(p.precision, DatePrecision::Day | DatePrecision::Week)
}

/// Shifts a date range by whole days, keeping its precision.
pub fn shift(range: &DateRange, days: i64) -> DateRange {
    DateRange {
        start: add_days(range.start, days).unwrap_or(range.start),
        end: add_days(range.end, days).unwrap_or(range.end),
        precision: range.precision,
    }
}

/// Resolves a `Relative` mention ("a day after the attack") against the date of the event it
/// refers to. Returns the date and a reasoning string, or None for other kinds.
pub fn resolve_relative(
    mention: &DateMention,
    expr: &str,
    anchor: &DateRange,
) -> Option<(DateRange, String)> {
    let days = mention.shift_days?;
    let r = shift(anchor, days);
    let reasoning = format!(
        "'{expr}' {days:+} day(s) from anchor {} -> {}",
        format_range(anchor),
        format_range(&r)
    );
    Some((r, reasoning))
}

/// True when a future marker stands in the clause before `start` with no speech verb after it.
fn future_before(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(80);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    // Only the current clause: cut at the last sentence or clause break.
    let clause_start = window
        .rfind(['.', ';', '!', '?'])
        .map(|i| i + 1)
        .unwrap_or(0);
    let clause = &window[clause_start..];
    let Some(last_marker) = FUTURE.find_iter(clause).last() else {
        return false;
    };
    !SPEECH.is_match(&clause[last_marker.end()..])
}

struct Found {
    span: [usize; 2],
    range: DateRange,
    reasoning: String,
    kind: DateExprKind,
    future: bool,
    shift_days: Option<i64>,
}

/// Finds every date expression in `text` (usually one sentence; `offset` is added to spans)
/// and resolves it against the publication date. `published == None` → only expressions that
/// carry their own year resolve.
pub fn find_dates(text: &str, offset: usize, published: Option<PubDate>) -> Vec<DateMention> {
    let mask = keyword_mask(text);
    if mask == 0 {
        return Vec::new();
    }
    // Every match, with the span its date will have (see `resolved_span`).
    let mut matches: Vec<(Pattern, Captures<'_>, Span)> = Vec::new();
    for (pattern, re) in PATTERNS.iter() {
        if !pattern.can_match(mask) {
            continue;
        }
        // The engine finds each match with its fast automaton before it reads the groups,
        // and only inside the match.
        for caps in re.for_text(text).captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            let span = resolved_span(*pattern, text, [whole.start(), whole.end()]);
            matches.push((*pattern, caps, span));
        }
    }
    // Overlapping matches: keep the one that writes out more of the date (a day, a year), then
    // the longest, then the earliest. "since January 2020" is January 2020, not "since January"
    // of the publication year; "Last Sept. 30" is a day, not the month "last Sept". A match
    // that resolves to no date gives way to the next. Matches are resolved in that order, and
    // one that overlaps a date already kept is never resolved: most dates are matched by
    // several patterns ("on January 8, 2020" also holds a month-and-day, a month and a year),
    // and resolving reads the clause before the date and formats its reasoning.
    matches.sort_by_key(|(pattern, _, span)| {
        (
            std::cmp::Reverse(pattern.written_parts()),
            std::cmp::Reverse(span[1] - span[0]),
            span[0],
        )
    });
    let mut kept: Vec<Found> = Vec::new();
    for (pattern, caps, span) in &matches {
        let free = kept
            .iter()
            .all(|k| span[1] <= k.span[0] || k.span[1] <= span[0]);
        if free && let Some(f) = resolve(*pattern, caps, text, span[0], published) {
            debug_assert_eq!(f.span, *span, "resolved_span agrees with resolve");
            kept.push(f);
        }
    }
    kept.sort_by_key(|f| f.span[0]);
    for f in kept.iter_mut() {
        in_that_year(text, f);
    }
    // A day written alone ("on the 27th") needs a one- or two-digit ordinal.
    if mask & K_ORDINAL != 0 {
        ordinal_days(text, published, &mut kept);
    }
    drop_weekday_of_written_date(text, &mut kept);
    night_before_the_main_clause_day(text, &mut kept);
    drop_period_of_a_superlative(text, &mut kept);
    kept.into_iter()
        .map(|f| DateMention {
            span: [f.span[0] + offset, f.span[1] + offset],
            range: f.range,
            reasoning: f.reasoning,
            kind: f.kind,
            future: f.future,
            shift_days: f.shift_days,
        })
        .collect()
}

/// "one of the deadliest attacks on civilians this year", "the worst attack since 2017", "the
/// biggest strike this month": after a superlative in the same clause, "this year", "this
/// month" or a "since …" date bounds the comparison; it does not date the attack. Such a
/// mention is dropped, unless "when" follows it ("the worst since June, when gunmen killed
/// 81"): then it dates the earlier attack that clause tells.
fn drop_period_of_a_superlative(text: &str, kept: &mut Vec<Found>) {
    kept.retain(|f| {
        let expr = &text[f.span[0]..f.span[1]];
        let scoping = matches!(f.kind, DateExprKind::ThisYear | DateExprKind::ThisMonth)
            || expr
                .get(..6)
                .is_some_and(|w| w.eq_ignore_ascii_case("since "));
        if !scoping {
            return true;
        }
        let after = text[f.span[1]..].trim_start_matches([',', ' ']);
        if after
            .get(..5)
            .is_some_and(|w| w.eq_ignore_ascii_case("when "))
        {
            return true;
        }
        // The clause before the mention, back to the last clause break, at most 100 bytes.
        let mut from = f.span[0].saturating_sub(100);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let window = &text[from..f.span[0]];
        let clause = window
            .rfind([',', ';', '.', ':', '(', ')'])
            .map_or(window, |i| &window[i + 1..]);
        !clause
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(is_superlative)
    });
}

/// "deadliest", "worst", "biggest", "most", "first": a word that ranks the attack.
fn is_superlative(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "worst" | "most" | "biggest" | "largest" | "first" | "highest" | "heaviest" | "greatest"
    ) || (w.len() > 6 && w.ends_with("iest"))
        || matches!(
            w.as_str(),
            "fiercest" | "strongest" | "longest" | "gravest" | "latest"
        )
}

/// Words after "the 8th" that make it a rank, not a day: "the 20th century", "the 5th
/// floor", "the 27th anniversary", "the 8th Division".
const ORDINAL_NOUNS: [&str; 22] = [
    "century",
    "centuries",
    "anniversary",
    "floor",
    "time",
    "times",
    "round",
    "day",
    "week",
    "month",
    "year",
    "birthday",
    "minute",
    "hour",
    "person",
    "victim",
    "attack",
    "strike",
    "straight",
    "consecutive",
    "largest",
    "most",
];

/// "on the 27th", "the night of the 8th": a day of the month written alone. Its month is the
/// one written last before it in the sentence ("In January last year, … on the 27th"), or
/// else the latest month on or before the publication that has that day. A capitalised or
/// noun-like word after it ("the 8th Division", "the 20th century") or a hyphen ("the
/// 20th-century mosque") makes it a rank. "until the 20th" and "by the 20th" set a deadline,
/// not the day of an event. A day outside its written month's time or after the
/// publication is skipped.
fn ordinal_days(text: &str, published: Option<PubDate>, kept: &mut Vec<Found>) {
    static ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
        date_regex(&format!(
            r"(?i)\b(?:on|of|since|{WEEKDAYS})\s+the\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)\b"
        ))
    });
    if !text.contains("the ") {
        return;
    }
    let mut added = Vec::new();
    for caps in ORDINAL.captures_iter(text) {
        let (Some(whole), Some(d)) = (caps.get(0), caps.name("d")) else {
            continue;
        };
        let Ok(day) = d.as_str().parse::<u32>() else {
            continue;
        };
        // The ordinal's own span starts at "the", leaving the preposition or weekday before
        // it to the sentence.
        let start = whole.start()
            + whole
                .as_str()
                .to_ascii_lowercase()
                .rfind("the")
                .unwrap_or(0);
        if !(1..=31).contains(&day)
            || kept
                .iter()
                .any(|k| k.span[0] < whole.end() && start < k.span[1])
        {
            continue;
        }
        let next = text[whole.end()..]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .find(|w| !w.is_empty());
        // "the 20th-century mosque", "the 2nd-largest field": a hyphen makes it a rank.
        if text[whole.end()..].starts_with('-') {
            continue;
        }
        let gap_is_space = text[whole.end()..].starts_with(' ');
        if gap_is_space
            && next.is_some_and(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    || ORDINAL_NOUNS.contains(&w.to_ascii_lowercase().as_str())
            })
        {
            continue;
        }
        let expr = &text[start..whole.end()];
        let month_before = kept
            .iter()
            .rev()
            .filter(|k| k.span[1] <= whole.start() && !k.future)
            .find(|k| {
                matches!(
                    k.kind,
                    DateExprKind::Month
                        | DateExprKind::MonthYear
                        | DateExprKind::Absolute
                        | DateExprKind::DayMonth
                        | DateExprKind::LastMonth
                        | DateExprKind::ThisMonth
                ) && k.range.start.year() == k.range.end.year()
                    && k.range.start.month() == k.range.end.month()
            });
        let (date, reasoning) = match month_before {
            Some(k) => {
                let Some(date) = k.range.start.with_day(day) else {
                    continue;
                };
                // The day must lie in the time written ("this month" runs only to the
                // publication; a written day stands for its whole month) and not after the
                // publication: "In May, … on the 28th" printed on 12 May is no past attack.
                let in_written_time = k.range.precision == DatePrecision::Day
                    || (k.range.start <= date && date <= k.range.end);
                let after_publication = published
                    .as_ref()
                    .is_some_and(|p| pub_is_day(p) && date > p.date);
                if !in_written_time || after_publication {
                    continue;
                }
                let written = &text[k.span[0]..k.span[1]];
                (
                    date,
                    format!("'{expr}' in the month of '{written}' -> {}", Ymd(date)),
                )
            }
            None => {
                let Some(reference) = published.as_ref().filter(|p| pub_is_day(p)).map(|p| p.date)
                else {
                    continue;
                };
                // The latest month, up to a year back, whose day `day` is on or before it.
                let Some(date) = (0..12).find_map(|back| {
                    let first = reference
                        .with_day(1)?
                        .checked_sub_months(chrono::Months::new(back))?;
                    first.with_day(day).filter(|d| *d <= reference)
                }) else {
                    continue;
                };
                (
                    date,
                    format!(
                        "'{expr}' latest on or before {} -> {}",
                        PubStr(published),
                        Ymd(date)
                    ),
                )
            }
        };
        added.push(Found {
            span: [start, whole.end()],
            range: DateRange::day(date),
            reasoning,
            kind: DateExprKind::DayMonth,
            future: false,
            shift_days: None,
        });
    }
    if !added.is_empty() {
        kept.extend(added);
        kept.sort_by_key(|f| f.span[0]);
    }
}

/// "on Friday, March 22" or "Friday the 22nd": the weekday only names the written date's day,
/// so the written date alone stands (a weekday resolved from the publication may be a week
/// off when the story is printed days later). So does "overnight on 14-15 June": the night is
/// the written date's. And "during Sunday Mass", "after Friday prayers" name an occasion; in a
/// sentence that states its own time before it ("In January last year, … during Sunday Mass
/// on the 27th"), a weekday that would fall outside that time is not counted back from the
/// publication.
fn drop_weekday_of_written_date(text: &str, kept: &mut Vec<Found>) {
    let written = |f: &Found| matches!(f.kind, DateExprKind::Absolute | DateExprKind::DayMonth);
    let mut drop = Vec::new();
    for (i, w) in kept.iter().enumerate() {
        let bare_overnight = w.kind == DateExprKind::Overnight
            && text[w.span[0]..w.span[1]].eq_ignore_ascii_case("overnight");
        if w.kind != DateExprKind::Weekday && !bare_overnight {
            continue;
        }
        if w.kind == DateExprKind::Weekday
            && names_an_occasion(text, w.span)
            && kept.iter().any(|o| {
                // A time frame stated before it that the weekday's day falls outside.
                !o.future
                    && !matches!(
                        o.kind,
                        DateExprKind::Weekday | DateExprKind::BareYear | DateExprKind::Relative
                    )
                    && o.span[1] <= w.span[0]
                    && (w.range.end < o.range.start || o.range.end < w.range.start)
            })
        {
            drop.push(i);
            continue;
        }
        let Some(next) = kept.get(i + 1).filter(|n| written(n)) else {
            continue;
        };
        let gap = text.get(w.span[1]..next.span[0]).unwrap_or("x");
        // "overnight on 14-15 June": the first day of a written range belongs to the date.
        let gap = gap
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–'))
            .trim_end_matches(|c: char| c.is_ascii_digit());
        let glue_ok = gap
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|g| !g.is_empty())
            .all(|g| {
                bare_overnight
                    && ["on", "of", "into", "the", "night"]
                        .contains(&g.to_ascii_lowercase().as_str())
            });
        if glue_ok {
            drop.push(i);
        }
    }
    for i in drop.into_iter().rev() {
        kept.remove(i);
    }
}

/// "Sunday Mass", "Friday prayers", "the Saturday market": a weekday naming a weekly
/// occasion, not a day of its own.
fn names_an_occasion(text: &str, span: Span) -> bool {
    let Some(next) = text
        .get(span[1]..)
        .and_then(|t| t.strip_prefix(' '))
        .and_then(|t| t.split(|c: char| !c.is_alphabetic()).next())
    else {
        return false;
    };
    // Only the occasion words: a capitalised word after the weekday is as often the
    // subject of the clause it dates ("on Sunday Iraqi jets struck …").
    [
        "prayer", "prayers", "mass", "service", "services", "sermon", "market", "school",
    ]
    .contains(&next.to_ascii_lowercase().as_str())
}

/// "The country began mourning on Saturday after gunmen killed 132 people in an overnight
/// raid": a bare "overnight" in a clause after "after" is the night before the day of the main
/// clause, not the night before the publication (the story may be printed days later). Only a
/// plain day (a weekday or a written date, no time of day) anchors it: "late on Friday" would
/// make the night the one after.
fn night_before_the_main_clause_day(text: &str, kept: &mut [Found]) {
    let Some(night) = kept
        .iter()
        .position(|f| text[f.span[0]..f.span[1]].eq_ignore_ascii_case("overnight"))
    else {
        return;
    };
    let plain_day = |g: &Found| match g.kind {
        // "Saturday", not "late on Saturday" or "Saturday night".
        DateExprKind::Weekday => !text[g.span[0]..g.span[1]].contains(char::is_whitespace),
        DateExprKind::Absolute | DateExprKind::DayMonth => true,
        _ => false,
    };
    let anchor = kept[..night].iter().rev().find(|g| {
        plain_day(g)
            && !g.future
            && g.range.precision == DatePrecision::Day
            && g.range.start == g.range.end
    });
    let Some(anchor) = anchor else {
        return;
    };
    let between = &text[anchor.span[1]..kept[night].span[0]];
    if !between
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.eq_ignore_ascii_case("after"))
    {
        return;
    }
    let day = anchor.range.start;
    let anchor_expr = &text[anchor.span[0]..anchor.span[1]];
    let Some(first) = day.checked_sub_days(Days::new(1)) else {
        return;
    };
    let f = &mut kept[night];
    f.range = DateRange::day(first);
    f.reasoning = format!(
        "'overnight' before '{anchor_expr}' of the main clause ({}) -> night of {}/{:02}",
        Ymd(day),
        Ymd(first),
        day.day()
    );
}

/// "since the start of 2020, including in January of that year": a month or day whose year
/// is "that year" takes the last year written before it in the sentence, not the
/// publication year.
fn in_that_year(text: &str, f: &mut Found) {
    if !matches!(f.kind, DateExprKind::Month | DateExprKind::DayMonth) {
        return;
    }
    let Some(after) = text.get(f.span[1]..) else {
        return;
    };
    let rest = after.trim_start();
    let tail = [
        "of that year",
        "that year",
        "of the same year",
        "the same year",
    ]
    .iter()
    .find(|t| {
        rest.get(..t.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(t))
    });
    let Some(tail) = tail else {
        return;
    };
    let Some(before) = text.get(..f.span[0]) else {
        return;
    };
    // The last four-digit year (19xx or 20xx) written before the expression.
    let bytes = before.as_bytes();
    let year = (0..bytes.len().saturating_sub(3)).rev().find_map(|i| {
        let w = &bytes[i..i + 4];
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        (bounded && w.iter().all(u8::is_ascii_digit) && (w[..2] == *b"19" || w[..2] == *b"20"))
            .then(|| before[i..i + 4].parse::<i32>().ok())
            .flatten()
    });
    let Some(year) = year else {
        return;
    };
    let (Some(start), Some(end)) = (f.range.start.with_year(year), f.range.end.with_year(year))
    else {
        return;
    };
    let skipped = after.len() - after.trim_start().len();
    f.reasoning = format!(
        "{} -> {start} ('{tail}' = {year}, the year written before it)",
        f.reasoning
    );
    f.range = DateRange {
        start,
        end,
        ..f.range
    };
    f.span[1] += skipped + tail.len();
}

/// The span that `resolve` gives the date of `pattern`'s match at `span`, when it gives one:
/// the match's own, except that a day and month takes a "last year" after it into its span
/// ("On April 28 last year").
fn resolved_span(pattern: Pattern, text: &str, span: Span) -> Span {
    match pattern {
        Pattern::MonthDay | Pattern::DayMonth => {
            match year_counted_from_publication(&text[span[1]..]) {
                Some((_, tail_len)) => [span[0], span[1] + tail_len],
                None => span,
            }
        }
        _ => span,
    }
}

/// The year offset from the publication's and the length of a "last year" / "of this year" /
/// "next year" that follows a day and month (after optional white space and a comma).
fn year_counted_from_publication(after: &str) -> Option<(i32, usize)> {
    let rest = after.trim_start_matches([',', ' ']);
    let rest_of = rest.strip_prefix("of ").unwrap_or(rest);
    let (delta, word) = [(-1, "last year"), (0, "this year"), (1, "next year")]
        .into_iter()
        .find(|(_, w)| {
            rest_of
                .get(..w.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(w))
        })?;
    // A whole word: not "this yearly review".
    let end = after.len() - rest_of.len() + word.len();
    if after[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((delta, end))
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Chooses the year for a month/day without one: the latest date on or before `reference`
/// (or the earliest after it when the mention is future).
fn infer_year(month: u32, day: u32, reference: NaiveDate, future: bool) -> Option<NaiveDate> {
    let y = reference.year();
    if future {
        let this = NaiveDate::from_ymd_opt(y, month, day);
        match this {
            Some(d) if d >= reference => Some(d),
            _ => NaiveDate::from_ymd_opt(y + 1, month, day),
        }
    } else {
        match NaiveDate::from_ymd_opt(y, month, day) {
            Some(d) if d <= reference => Some(d),
            _ => NaiveDate::from_ymd_opt(y - 1, month, day),
        }
    }
}

fn resolve(
    pattern: Pattern,
    caps: &Captures<'_>,
    text: &str,
    start: usize,
    published: Option<PubDate>,
) -> Option<Found> {
    let whole = caps.get(0)?;
    let expr = whole.as_str();
    let span = [whole.start(), whole.end()];
    let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = || caps.name("mon").and_then(|m| month_from_name(m.as_str()));
    let month_ok = || caps.name("mon").is_some_and(|m| capitalised(m.as_str()));
    // Looked up only by the patterns that use it (it runs two regexes on the clause before).
    let future_marker = || future_before(text, start);
    // Formatted only when a reasoning string needs it.
    let pub_str = PubStr(published);
    let make = |range: DateRange, reasoning: String, kind: DateExprKind, future: bool| {
        Some(Found {
            span,
            range,
            reasoning,
            kind,
            future,
            shift_days: None,
        })
    };
    let absolute = |d: NaiveDate, kind: DateExprKind| {
        make(
            DateRange::day(d),
            format!("'{expr}' absolute -> {}", Ymd(d)),
            kind,
            future_marker(),
        )
    };
    match pattern {
        Pattern::Iso => {
            let d = NaiveDate::from_ymd_opt(num("y")? as i32, num("mo")?, num("d")?)?;
            absolute(d, DateExprKind::Absolute)
        }
        Pattern::Slash => {
            let (a, b) = (num("a")?, num("b")?);
            let y = num("y")?;
            let year = (if caps.name("y")?.as_str().len() == 2 {
                2000 + y
            } else {
                y
            }) as i32;
            // US order unless the first number cannot be a month, or a weekday written before
            // the date fits only the day-first reading ("Friday 10/08/2018" is 10 August,
            // a Friday; 8 October was a Monday).
            // So is a date whose day-first reading is the publication day ("Published on :
            // 03/07/2019" on a page of 3 July), or whose US reading lies after publication
            // while the day-first one does not: news reports what has happened.
            let day_first_by_publication = || {
                let Some(p) = published.filter(|p| p.precision == DatePrecision::Day) else {
                    return false;
                };
                let us = NaiveDate::from_ymd_opt(year, a, b);
                let day_first = NaiveDate::from_ymd_opt(year, b, a);
                day_first.is_some_and(|df| {
                    df == p.date || (df <= p.date && us.is_none_or(|u| u > p.date))
                })
            };
            // A weekday that fits only the US reading still decides ("Monday 10/08/2018").
            let (mo, d) = if a > 12
                || day_first_by_weekday(text, start, year, a, b)
                || (day_first_by_publication() && !day_first_by_weekday(text, start, year, b, a))
            {
                (b, a)
            } else {
                (a, b)
            };
            let date = NaiveDate::from_ymd_opt(year, mo, d)?;
            absolute(date, DateExprKind::Absolute)
        }
        Pattern::DayMonthYear | Pattern::MonthDayYear => {
            if !month_ok() {
                return None;
            }
            let d = NaiveDate::from_ymd_opt(num("y")? as i32, month()?, num("d")?)?;
            absolute(d, DateExprKind::Absolute)
        }
        Pattern::MonthDay | Pattern::DayMonth => {
            if !month_ok() {
                return None;
            }
            let (mo, day) = (month()?, num("d")?);
            // Validate the day against a leap year so "Feb 29" is not dropped before the year is known.
            NaiveDate::from_ymd_opt(2020, mo, day)?;
            let p = published?;
            // "On April 28 last year", "on 3 May this year": the year is counted from the
            // publication's, and the phrase is one date, not a day plus a separate year.
            if let Some((delta, tail_len)) = year_counted_from_publication(&text[span[1]..]) {
                let d = NaiveDate::from_ymd_opt(p.date.year() + delta, mo, day)?;
                let span = [span[0], span[1] + tail_len];
                let expr = &text[span[0]..span[1]];
                return Some(Found {
                    span,
                    range: DateRange::day(d),
                    reasoning: format!("'{expr}' in the year counted from {pub_str} -> {}", Ymd(d)),
                    kind: DateExprKind::Absolute,
                    future: delta > 0 || future_marker(),
                    shift_days: None,
                });
            }
            let reference = pub_period(&p)?.end;
            let future_marker = future_marker();
            let d = infer_year(mo, day, reference, future_marker)?;
            let rule = if future_marker {
                "next on or after"
            } else {
                "on or before"
            };
            make(
                DateRange::day(d),
                format!("'{expr}' {rule} {pub_str} -> {}", Ymd(d)),
                DateExprKind::DayMonth,
                future_marker,
            )
        }
        Pattern::MonthYear => {
            if !month_ok() {
                return None;
            }
            let r = month_range(num("y")? as i32, month()?)?;
            make(
                r,
                format!("'{expr}' month -> {}", format_range(&r)),
                DateExprKind::MonthYear,
                future_marker(),
            )
        }
        Pattern::MonthOnly => {
            if !month_ok() {
                return None;
            }
            let mo = month()?;
            let p = published?;
            let reference = pub_period(&p)?.end;
            let prep = caps
                .name("prep")
                .map(|m| m.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            // "an August raid", "a December rocket attack": after "a"/"an" a month is a date
            // only as the modifier of an attack noun within four words ("a December
            // U.S.-led coalition air strike"); "before an August vote", "for an October
            // election" name an event that is no attack.
            if matches!(prep.as_str(), "a" | "an") {
                let next: Vec<&str> = text
                    .get(whole.end()..)
                    .unwrap_or("")
                    .split_whitespace()
                    .take(4)
                    .collect();
                // The dot of "U.S." or of an initial ("J.") ends no clause.
                let is_dotted_abbreviation = |w: &str| {
                    w.strip_suffix('.').is_some_and(|stem| {
                        stem.contains('.')
                            || (stem.len() == 1 && stem.bytes().all(|b| b.is_ascii_uppercase()))
                    })
                };
                let clause_end = next
                    .iter()
                    .position(|w| {
                        w.ends_with([',', ';', ':'])
                            || (w.ends_with('.') && !is_dotted_abbreviation(w))
                    })
                    .map_or(next.len(), |i| i + 1);
                if !crate::extract::triggers::may_contain_trigger(&next[..clause_end].join(" ")) {
                    return None;
                }
            }
            let last = prep == "last";
            let mut year = reference.year();
            if mo > reference.month() || (last && mo == reference.month()) {
                year -= 1;
            }
            let r = month_range(year, mo)?;
            let rule = if last {
                "latest before"
            } else {
                "latest on or before"
            };
            // "late July" stays a month (no day is known), but the reasoning keeps the part
            // so the article pane can show why.
            let part = caps
                .name("part")
                .or_else(|| caps.name("part2"))
                .map(|m| month_part_name(m.as_str()))
                .or_else(|| {
                    let prep = prep.trim_start_matches("the").trim_start();
                    ["late", "early", "end"]
                        .iter()
                        .any(|w| prep.starts_with(w))
                        .then(|| month_part_name(prep))
                });
            let reasoning = match part {
                Some(part) => format!(
                    "'{expr}' {part} in the month {rule} {pub_str} -> {}",
                    format_range(&r)
                ),
                None => format!("'{expr}' {rule} {pub_str} -> {}", format_range(&r)),
            };
            make(r, reasoning, DateExprKind::Month, false)
        }
        Pattern::MonthRelYear => {
            if !month_ok() {
                return None;
            }
            let mo = month()?;
            let p = published?;
            let which = caps.name("which")?.as_str().to_ascii_lowercase();
            let (delta, rule, future) = match which.as_str() {
                "last" => (-1, "year before", false),
                "next" => (1, "year after", true),
                _ => (0, "same year as", false),
            };
            let r = month_range(p.date.year() + delta, mo)?;
            let part = caps
                .name("part")
                .map(|m| format!(" {}", month_part_name(m.as_str())))
                .unwrap_or_default();
            make(
                r,
                format!(
                    "'{expr}'{part} in the month, {rule} {pub_str} -> {}",
                    format_range(&r)
                ),
                DateExprKind::MonthYear,
                future || future_marker(),
            )
        }
        Pattern::YearPrep => {
            let r = year_range(num("y")? as i32)?;
            make(
                r,
                format!("'{expr}' year -> {}", format_range(&r)),
                DateExprKind::Year,
                false,
            )
        }
        Pattern::BareYear => {
            // Not part of a larger number or code ("F-2015", "2015/16", "$2019").
            let before = text[..span[0]].chars().next_back();
            let after = text[span[1]..].chars().next();
            if before.is_some_and(|c| matches!(c, '-' | '/' | '$' | '.' | ','))
                || after.is_some_and(|c| matches!(c, '/' | '%') || c.is_ascii_digit())
                || text[span[1]..].starts_with(",0")
                || (after == Some(',')
                    && text[span[1]..]
                        .chars()
                        .nth(1)
                        .is_some_and(|c| c.is_ascii_digit()))
            {
                return None;
            }
            let r = year_range(num("y")? as i32)?;
            make(
                r,
                format!("'{expr}' bare year -> {}", format_range(&r)),
                DateExprKind::BareYear,
                false,
            )
        }
        Pattern::OvernightWeekday | Pattern::Weekday => {
            let wd = weekday_from_name(caps.name("wd")?.as_str())?;
            let modifier = caps.name("mod").map(|m| m.as_str().to_ascii_lowercase());
            let p = published?;
            let future = matches!(modifier.as_deref(), Some("next" | "coming")) || future_marker();
            let strictly_before = matches!(modifier.as_deref(), Some("last" | "past" | "previous"));
            if !pub_is_day(&p) {
                let r = pub_period(&p)?;
                return make(
                    r,
                    format!(
                        "'{expr}' needs a day but published only {pub_str} -> {}",
                        format_range(&r)
                    ),
                    DateExprKind::Weekday,
                    future,
                );
            }
            let pub_wd = p.date.weekday().num_days_from_monday() as i64;
            let target = wd.num_days_from_monday() as i64;
            // "Tuesday of last week" names a day of the calendar week (Monday to Sunday) before
            // the publication's week, which is not always the most recent Tuesday: in a
            // Tuesday story the most recent Tuesday is the same day.
            let (day, rule) = if caps.name("lastweek").is_some() {
                (
                    add_days(p.date, -pub_wd - 7 + target)?,
                    "in the week before",
                )
            } else if future {
                let mut ahead = (target - pub_wd).rem_euclid(7);
                if ahead == 0 {
                    ahead = 7;
                }
                (add_days(p.date, ahead)?, "next after")
            } else {
                let mut back = (pub_wd - target).rem_euclid(7);
                if back == 0 && strictly_before {
                    back = 7;
                }
                (
                    add_days(p.date, -back)?,
                    if strictly_before {
                        "last before"
                    } else {
                        "before"
                    },
                )
            };
            // "overnight into Sunday" is the night that starts on Saturday.
            let into = caps.name("into").is_some();
            let (day, rule) = if into {
                (add_days(day, -1)?, "night into, before")
            } else {
                (day, rule)
            };
            make(
                DateRange::day(day),
                format!("'{expr}' {rule} {pub_str} -> {}", Ymd(day)),
                if matches!(pattern, Pattern::OvernightWeekday) {
                    DateExprKind::Overnight
                } else {
                    DateExprKind::Weekday
                },
                future,
            )
        }
        Pattern::Yesterday => {
            let p = published?;
            let back = if caps.name("before").is_some() { 2 } else { 1 };
            relative_to_pub(span, expr, &p, -back, DateExprKind::Yesterday, "day before")
        }
        Pattern::Today => {
            let p = published?;
            relative_to_pub(span, expr, &p, 0, DateExprKind::Today, "same day as")
        }
        Pattern::Overnight => {
            let p = published?;
            if !pub_is_day(&p) {
                return relative_to_pub(
                    span,
                    expr,
                    &p,
                    -1,
                    DateExprKind::Overnight,
                    "night before",
                );
            }
            let first = add_days(p.date, -1)?;
            make(
                DateRange::day(first),
                format!(
                    "'{expr}' night before {pub_str} -> night of {}/{:02}",
                    Ymd(first),
                    p.date.day()
                ),
                DateExprKind::Overnight,
                false,
            )
        }
        Pattern::Week => {
            let p = published?;
            let which = caps.name("which")?.as_str().to_ascii_lowercase();
            let which = which.split_whitespace().collect::<Vec<_>>().join(" ");
            if !pub_is_day(&p) {
                let kind = if which == "last" || which == "previous" {
                    DateExprKind::LastWeek
                } else {
                    DateExprKind::ThisWeek
                };
                return relative_to_pub(span, expr, &p, 0, kind, "");
            }
            let monday = add_days(p.date, -(p.date.weekday().num_days_from_monday() as i64))?;
            // "last week" is the previous Monday-Sunday week, not the 7 days ending yesterday:
            // wire copy uses "earlier this week" for the current week's days, so a rolling
            // window would overlap it and date a Tuesday event twice; "past week" keeps the
            // rolling 7 days because that is what the phrase says.
            let (start, end, kind, rule) = match which.as_str() {
                "last" | "previous" => (
                    add_days(monday, -7)?,
                    add_days(monday, -1)?,
                    DateExprKind::LastWeek,
                    "week before",
                ),
                "past" => (
                    add_days(p.date, -7)?,
                    add_days(p.date, -1)?,
                    DateExprKind::LastWeek,
                    "7 days before",
                ),
                "earlier this" => {
                    let end = add_days(p.date, -1)?.max(monday);
                    (monday, end, DateExprKind::ThisWeek, "week of, before")
                }
                _ => (monday, p.date, DateExprKind::ThisWeek, "week of"),
            };
            let r = DateRange {
                start,
                end,
                precision: DatePrecision::Week,
            };
            make(
                r,
                format!("'{expr}' {rule} {pub_str} -> {}", format_range(&r)),
                kind,
                false,
            )
        }
        Pattern::Weekend => {
            let p = published?;
            if !pub_is_day(&p) {
                return relative_to_pub(span, expr, &p, 0, DateExprKind::Weekend, "");
            }
            let which = caps.name("which")?.as_str().to_ascii_lowercase();
            let pub_wd = p.date.weekday();
            // The most recent Sunday: strictly before for "last weekend", or the weekend in
            // progress ("this weekend" in a Saturday or Sunday story).
            let sunday = match (
                which.starts_with("last") || which.starts_with("past"),
                pub_wd,
            ) {
                (false, Weekday::Sun) => p.date,
                (false, Weekday::Sat) => add_days(p.date, 1)?,
                _ => {
                    let back = (pub_wd.num_days_from_monday() as i64 + 1).rem_euclid(7);
                    add_days(p.date, -(if back == 0 { 7 } else { back }))?
                }
            };
            let saturday = add_days(sunday, -1)?;
            let end = sunday.min(p.date);
            let r = DateRange {
                start: saturday,
                end,
                precision: DatePrecision::Week,
            };
            make(
                r,
                format!("'{expr}' weekend before {pub_str} -> {}", format_range(&r)),
                DateExprKind::Weekend,
                false,
            )
        }
        Pattern::MonthYearRel => {
            let p = published?;
            let which = caps.name("which")?.as_str().to_ascii_lowercase();
            let which = which.split_whitespace().collect::<Vec<_>>().join(" ");
            let unit = caps.name("unit")?.as_str().to_ascii_lowercase();
            let (y, mo) = (p.date.year(), p.date.month());
            let previous = matches!(which.as_str(), "last" | "previous");
            let past = which == "past";
            let end_this = if pub_is_day(&p) {
                p.date
            } else {
                pub_period(&p)?.end
            };
            let (r, kind) = if unit == "month" {
                if previous {
                    let (py, pm) = if mo == 1 { (y - 1, 12) } else { (y, mo - 1) };
                    (month_range(py, pm)?, DateExprKind::LastMonth)
                } else if past {
                    let start = add_days(end_this, -30)?;
                    (
                        DateRange {
                            start,
                            end: end_this,
                            precision: DatePrecision::Month,
                        },
                        DateExprKind::LastMonth,
                    )
                } else {
                    (
                        DateRange {
                            start: month_start(y, mo)?,
                            end: end_this,
                            precision: DatePrecision::Month,
                        },
                        DateExprKind::ThisMonth,
                    )
                }
            } else if previous {
                (year_range(y - 1)?, DateExprKind::LastYear)
            } else if past {
                let start = add_days(end_this, -365)?;
                (
                    DateRange {
                        start,
                        end: end_this,
                        precision: DatePrecision::Year,
                    },
                    DateExprKind::LastYear,
                )
            } else {
                let start = NaiveDate::from_ymd_opt(y, 1, 1)?;
                (
                    DateRange {
                        start,
                        end: end_this,
                        precision: DatePrecision::Year,
                    },
                    DateExprKind::ThisYear,
                )
            };
            make(
                r,
                format!("'{expr}' relative to {pub_str} -> {}", format_range(&r)),
                kind,
                false,
            )
        }
        Pattern::Ago => {
            let p = published?;
            let n_text = caps.name("n")?.as_str().to_ascii_lowercase();
            let n_text = n_text.split_whitespace().collect::<Vec<_>>().join(" ");
            let vague = n_text == "a few" || n_text == "several";
            let n = match n_text.as_str() {
                "a" | "an" => 1,
                "a few" | "several" => 3,
                other => parse_number_words(other)?,
            } as i64;
            let unit = caps.name("unit")?.as_str().to_ascii_lowercase();
            if !pub_is_day(&p) {
                return relative_to_pub(span, expr, &p, 0, DateExprKind::Ago, "");
            }
            let r = match unit.as_str() {
                "day" if !vague => DateRange::day(add_days(p.date, -n)?),
                "day" => DateRange {
                    start: add_days(p.date, -6)?,
                    end: add_days(p.date, -2)?,
                    precision: DatePrecision::Week,
                },
                // "a week ago" is counted like "a week later" from a stated day: seven days
                // back, the same weekday ("rockets hit the base a week ago" in a Friday paper is
                // the Friday before). Hedged ("about a week ago", "more than a week ago") or
                // counted in several weeks, it stays a window around that day.
                "week" if n == 1 && !vague && !approximate_before(text, start) => {
                    DateRange::day(add_days(p.date, -7)?)
                }
                "week" => {
                    let centre = add_days(p.date, -7 * n)?;
                    DateRange {
                        start: add_days(centre, -3)?,
                        end: add_days(centre, 3)?.min(p.date),
                        precision: DatePrecision::Week,
                    }
                }
                "month" => {
                    let total = p.date.year() * 12 + p.date.month() as i32 - 1 - n as i32;
                    month_range(total.div_euclid(12), total.rem_euclid(12) as u32 + 1)?
                }
                _ => year_range(p.date.year() - n as i32)?,
            };
            make(
                r,
                format!("'{expr}' before {pub_str} -> {}", format_range(&r)),
                DateExprKind::Ago,
                false,
            )
        }
        Pattern::Relative => {
            let p = published?;
            // "the previous week", "the week before": a week back from the event just told,
            // not the week before publication ("last week").
            let days: i64 = if let Some(w) = caps.name("wk").or_else(|| caps.name("wk2")) {
                if matches!(
                    w.as_str().to_ascii_lowercase().as_str(),
                    "following" | "after"
                ) {
                    7
                } else {
                    -7
                }
            } else if let Some(dir) = caps.name("wdir") {
                // "a week later", "two weeks after the raid": whole weeks from the anchor.
                // "less than two weeks after", "about a week later" give no day.
                if approximate_before(text, start) {
                    return None;
                }
                weeks_from_anchor(caps.name("nw")?.as_str(), dir.as_str())?
            } else if let Some(dir) = caps.name("dir") {
                let n_text = caps.name("n")?.as_str().to_ascii_lowercase();
                let n = match n_text.as_str() {
                    "a" | "an" => 1,
                    other if other.contains("few") || other == "several" => return None,
                    other => parse_number_words(other)?,
                } as i64;
                if matches!(
                    dir.as_str().to_ascii_lowercase().as_str(),
                    "after" | "later"
                ) {
                    n
                } else {
                    -n
                }
            } else if let Some(w) = caps.name("w").or_else(|| caps.name("w2")) {
                if matches!(
                    w.as_str().to_ascii_lowercase().as_str(),
                    "next" | "following" | "after"
                ) {
                    1
                } else {
                    -1
                }
            } else {
                0
            };
            let r = pub_period(&p)?;
            Some(Found {
                span,
                range: r,
                reasoning: format!(
                    "'{expr}' is {days:+} day(s) from an anchor event; unresolved here"
                ),
                kind: DateExprKind::Relative,
                future: false,
                shift_days: Some(days),
            })
        }
    }
}

/// A hedge right before a count of weeks ("less than", "more than", "about", "nearly",
/// "within"): the interval is not a number of days.
/// True when the weekday named right before a slashed date "a/b/year" ("Friday 10/08/2018",
/// "Fri, 10/08/2018") is the weekday of day a of month b and not of month a, day b.
fn day_first_by_weekday(text: &str, start: usize, year: i32, a: u32, b: u32) -> bool {
    if a == b || b > 12 {
        return false;
    }
    let head = text[..start].trim_end_matches(|c: char| c == ',' || c.is_whitespace());
    let word_start = head
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[word_start..];
    if word.len() < 3 {
        return false;
    }
    let Ok(weekday) = word.parse::<Weekday>() else {
        return false;
    };
    let on = |mo: u32, d: u32| NaiveDate::from_ymd_opt(year, mo, d).map(|x| x.weekday());
    on(b, a) == Some(weekday) && on(a, b) != Some(weekday)
}

fn approximate_before(text: &str, start: usize) -> bool {
    let head = text[..start].trim_end().to_ascii_lowercase();
    [
        "less than",
        "more than",
        "fewer than",
        "under",
        "over",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "roughly",
        "within",
        "barely",
        "just over",
        "just under",
    ]
    .iter()
    .any(|hedge| {
        head.strip_suffix(hedge).is_some_and(|rest| {
            rest.is_empty() || rest.ends_with(|c: char| !c.is_ascii_alphanumeric())
        })
    })
}

/// True for "the previous week", "the week before", "the following week": a week as a whole,
/// told back from an event, so any of its seven days. A counted interval ("a week later", "two
/// weeks earlier") is not one: news copy counts it from a stated day to a day ("On Feb. 3 ...
/// a week later" is Feb. 10), and only the vague forms open with "the".
pub fn names_a_whole_week(expr: &str) -> bool {
    let mut words = expr
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    let opens_with_the = words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    opens_with_the && words.any(|w| w.eq_ignore_ascii_case("week"))
}

/// Days from an anchor event for "a week later", "two weeks earlier": seven a week, forward
/// for "later". A vague count ("a few weeks later", "several weeks") gives none.
fn weeks_from_anchor(count: &str, dir: &str) -> Option<i64> {
    let count = count.to_ascii_lowercase();
    let n = match count.as_str() {
        "a" | "an" => 1,
        other if other.contains("few") || other == "several" => return None,
        other => parse_number_words(other)?,
    } as i64;
    let forward = matches!(dir.to_ascii_lowercase().as_str(), "after" | "later");
    Some(if forward { 7 * n } else { -7 * n })
}

/// A day relative to the publication date; with a month-precision publication date the result
/// is that month, since no day can be known.
fn relative_to_pub(
    span: [usize; 2],
    expr: &str,
    p: &PubDate,
    days: i64,
    kind: DateExprKind,
    rule: &str,
) -> Option<Found> {
    let pub_str = format_pub(p);
    if !pub_is_day(p) {
        let r = pub_period(p)?;
        return Some(Found {
            span,
            range: r,
            reasoning: format!(
                "'{expr}' needs a day but published only {pub_str} -> {}",
                format_range(&r)
            ),
            kind,
            future: false,
            shift_days: None,
        });
    }
    let d = add_days(p.date, days)?;
    Some(Found {
        span,
        range: DateRange::day(d),
        reasoning: format!("'{expr}' {rule} {pub_str} -> {}", Ymd(d)),
        kind,
        future: false,
        shift_days: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn pub_day(y: i32, m: u32, d: u32) -> Option<PubDate> {
        Some(PubDate {
            date: day(y, m, d),
            precision: DatePrecision::Day,
        })
    }

    fn pub_month(y: i32, m: u32) -> Option<PubDate> {
        Some(PubDate {
            date: day(y, m, 1),
            precision: DatePrecision::Month,
        })
    }

    /// The single mention in `text`, failing if there is not exactly one.
    fn one(text: &str, published: Option<PubDate>) -> DateMention {
        let found = find_dates(text, 0, published);
        assert_eq!(found.len(), 1, "{text:?} -> {found:#?}");
        found.into_iter().next().unwrap()
    }

    fn on_day(text: &str, published: Option<PubDate>) -> NaiveDate {
        let m = one(text, published);
        assert_eq!(m.range.precision, DatePrecision::Day, "{text:?} -> {m:?}");
        assert_eq!(m.range.start, m.range.end);
        m.range.start
    }

    #[test]
    fn a_day_of_the_month_written_alone() {
        // Publication on Mon 2021-03-15: "the 9th" is this month's, "the 20th" last month's.
        let p = pub_day(2021, 3, 15);
        assert_eq!(
            on_day(
                "Shells fell on the ferry landing on the night of the 9th.",
                p
            ),
            day(2021, 3, 9)
        );
        assert_eq!(
            on_day("The depot burned on the 20th, witnesses said.", p),
            day(2021, 2, 20)
        );
        // A month written before it in the sentence gives the month and year.
        let found = find_dates(
            "In October last year, gunmen raided a toll gate on the 4th, killing two guards.",
            0,
            p,
        );
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[1].range, DateRange::day(day(2020, 10, 4)));
        // Ranks are not days.
        for rank in [
            "Troops of the 8th Division moved in on Tuesday the 2nd.",
            "It was the worst attack of the 21st century.",
            "Mourners gathered on the 10th anniversary of the blast.",
        ] {
            assert!(
                find_dates(rank, 0, p)
                    .iter()
                    .all(|m| !m.reasoning.contains("8th")
                        && !m.reasoning.contains("21st")
                        && !m.reasoning.contains("10th")),
                "{rank}"
            );
        }
    }

    #[test]
    fn a_day_after_a_written_month_stays_in_its_time_and_before_the_publication() {
        // Wednesday 2021-05-12.
        let p = pub_day(2021, 5, 12);
        let dates = |text: &str| {
            find_dates(text, 0, p)
                .iter()
                .filter(|m| m.range.precision == DatePrecision::Day)
                .map(|m| m.range.start)
                .collect::<Vec<_>>()
        };
        // The 28th of the publication's month is still to come.
        assert_eq!(
            dates("In May, masked men stormed a customs post near the river on the 28th."),
            []
        );
        // "This month" runs only to the publication.
        assert_eq!(
            dates("Earlier this month, on the 20th, a mortar round hit a bus depot."),
            []
        );
        assert_eq!(
            dates("Earlier this month, on the 3rd, a mortar round hit a bus depot."),
            [day(2021, 5, 3)]
        );
        // A written day's month: "and on the 5th" is the 5th of that month.
        assert_eq!(
            dates("A truck bomb exploded on 2 May, and on the 5th a drone struck the port."),
            [day(2021, 5, 2), day(2021, 5, 5)]
        );
    }

    #[test]
    fn a_hyphenated_rank_or_a_deadline_is_no_day_of_the_month() {
        let p = pub_day(2021, 5, 12);
        for text in [
            "A shell struck the roof of the 19th-century bathhouse by the harbour.",
            "Raiders ambushed a tanker convoy on the 3rd-largest gas field.",
            "The curfew ordered after the ambush will last until the 25th.",
            "Police said the checkpoint would reopen by the 25th.",
        ] {
            let found = find_dates(text, 0, p);
            assert!(found.is_empty(), "{text:?} -> {found:#?}");
        }
    }

    #[test]
    fn a_capitalised_word_after_a_weekday_is_no_occasion() {
        // Wednesday 2021-05-12: "Sunday" is 9 May, not the written day before it.
        let p = pub_day(2021, 5, 12);
        let found = find_dates(
            "After the 4 May raid on the depot, on Sunday Turkish drones hit a convoy near the pass.",
            0,
            p,
        );
        assert_eq!(
            found.iter().map(|m| m.range.start).collect::<Vec<_>>(),
            [day(2021, 5, 4), day(2021, 5, 9)],
            "{found:#?}"
        );
    }

    #[test]
    fn a_weekday_before_a_written_date_gives_way_to_it() {
        // Printed a week later, "Friday" alone would be the Friday of the publication.
        let p = pub_day(2022, 5, 13);
        assert_eq!(
            on_day(
                "The raid came on the evening of Friday, April 29, as the market closed.",
                p
            ),
            day(2022, 4, 29)
        );
        assert_eq!(
            on_day("The raid came on Friday the 29th, as the market closed.", p),
            day(2022, 4, 29)
        );
    }

    #[test]
    fn overnight_on_a_written_date_and_weekly_occasions() {
        let p = pub_day(2022, 5, 20);
        // The night of the written range, not the night before the publication.
        assert_eq!(
            on_day("Overnight on 9-10 May, jets bombed a depot.", p),
            day(2022, 5, 10)
        );
        // "Sunday Mass" in a sentence dated by its own month is no Sunday of this week.
        let found = find_dates(
            "In March last year, a bomb went off during Sunday Mass on the 14th.",
            0,
            p,
        );
        assert_eq!(
            found.iter().map(|m| m.range.start).collect::<Vec<_>>(),
            [day(2021, 3, 1), day(2021, 3, 14)],
            "{found:#?}"
        );
        // Alone, the occasion's weekday still dates the sentence.
        assert_eq!(
            on_day("A bomb went off during Friday prayers.", p),
            day(2022, 5, 20)
        );
    }

    #[test]
    fn a_written_year_or_day_beats_a_longer_match_without_it() {
        let p = pub_day(2021, 2, 21);
        // "since January" alone would be January 2021, the publication year's.
        let m = one(
            "Attacks have hit the base since January 2020, when rockets fell.",
            p,
        );
        assert_eq!(m.range, month_range(2020, 1).unwrap(), "{m:?}");
        // "Last Sept" alone would be a month; the day is written out.
        assert_eq!(
            on_day("Last Sept. 30, six rockets targeted the airport.", p),
            day(2020, 9, 30)
        );
        // Without a day or year, the longer match still wins.
        let m = one("The salvo came in late January.", p);
        assert_eq!(m.range, month_range(2021, 1).unwrap(), "{m:?}");
    }

    #[test]
    fn weekday_is_most_recent_on_or_before_publication() {
        // Monday 2019-12-30.
        let m = one(
            "The strikes on Sunday hit five sites.",
            pub_day(2019, 12, 30),
        );
        assert_eq!(m.range, DateRange::day(day(2019, 12, 29)));
        assert_eq!(m.reasoning, "'Sunday' before Mon 2019-12-30 -> 2019-12-29");
        assert_eq!(m.kind, DateExprKind::Weekday);
        assert!(!m.future);
        assert_eq!(
            on_day("Rockets hit the base on Friday.", pub_day(2019, 12, 30)),
            day(2019, 12, 27)
        );
        // Friday 2021-02-26.
        assert_eq!(
            on_day(
                "The Pentagon said Thursday the strikes were lawful.",
                pub_day(2021, 2, 26)
            ),
            day(2021, 2, 25)
        );
        assert_eq!(
            on_day("Then on Monday, two rockets landed.", pub_day(2021, 2, 26)),
            day(2021, 2, 22)
        );
        // Same weekday as publication: that very day.
        assert_eq!(
            on_day(
                "A spokesman said Monday that talks continue.",
                pub_day(2019, 12, 30)
            ),
            day(2019, 12, 30)
        );
    }

    #[test]
    fn weekday_with_time_of_day_uses_the_same_rule() {
        let p = pub_day(2019, 12, 30);
        let m = one("Jets struck late Sunday near the border.", p);
        assert_eq!(m.range.start, day(2019, 12, 29));
        assert_eq!(
            &"Jets struck late Sunday near the border."[m.span[0]..m.span[1]],
            "late Sunday"
        );
        assert_eq!(
            on_day("The attack came early Monday.", p),
            day(2019, 12, 30)
        );
        assert_eq!(
            on_day("Explosions were heard Saturday night.", p),
            day(2019, 12, 28)
        );
    }

    #[test]
    fn weekday_of_last_week_is_in_the_calendar_week_before() {
        // Published Thursday 2018-03-15; the week before runs Mon 03-05 to Sun 03-11.
        let p = pub_day(2018, 3, 15);
        let day_of = |text: &str| {
            let found = find_dates(text, 0, p);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            found[0].range
        };
        let day = |m, d| DateRange::day(NaiveDate::from_ymd_opt(2018, m, d).unwrap());
        assert_eq!(
            day_of("On Thursday of last week, gunmen raided a post."),
            day(3, 8)
        );
        assert_eq!(
            day_of("Gunmen raided a post on Monday last week."),
            day(3, 5)
        );
        assert_eq!(
            day_of("The post was shelled Sunday night of the previous week."),
            day(3, 11)
        );
        // Without the suffix a weekday is still the most recent one, and a comma ends it:
        // "the week before the vote" is not the week before publication.
        assert_eq!(day_of("Gunmen raided a post on Thursday."), day(3, 15));
        let found = find_dates(
            "Gunmen raided a post on Thursday, the week before the vote.",
            0,
            p,
        );
        assert_eq!(found[0].range, day(3, 15), "{found:?}");
    }

    #[test]
    fn overnight_after_the_main_clause_day_is_the_night_before_it() {
        // Published on a Monday; the mourning began on Saturday, the raid the night before.
        let p = pub_day(2018, 3, 12);
        let found = find_dates(
            "The town buried its dead on Saturday after gunmen killed 40 people in an \
             overnight raid.",
            0,
            p,
        );
        let night = found
            .iter()
            .find(|d| d.kind == DateExprKind::Overnight)
            .unwrap();
        assert_eq!(night.range.start.to_string(), "2018-03-09", "{found:?}");
        // Without "after" between them the night stays the one before publication, and
        // "late on Saturday" does not anchor it.
        for text in [
            "Officials said on Saturday that rockets hit the base overnight.",
            "Shops closed late on Saturday after an overnight raid.",
        ] {
            let found = find_dates(text, 0, p);
            let night = found
                .iter()
                .find(|d| d.kind == DateExprKind::Overnight)
                .unwrap();
            assert_eq!(
                night.range.start.to_string(),
                "2018-03-11",
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn last_weekday_is_strictly_before() {
        assert_eq!(
            on_day("It happened last Monday.", pub_day(2019, 12, 30)),
            day(2019, 12, 23)
        );
        assert_eq!(
            on_day("It happened last Sunday.", pub_day(2019, 12, 30)),
            day(2019, 12, 29)
        );
    }

    #[test]
    fn future_weekdays_are_flagged() {
        let p = pub_day(2019, 12, 30);
        let m = one("Ministers meet next Monday.", p);
        assert!(m.future);
        assert_eq!(m.range.start, day(2020, 1, 6));
        let m = one("The parliament will vote on Thursday on the motion.", p);
        assert!(m.future, "{m:?}");
        assert_eq!(m.range.start, day(2020, 1, 2));
        assert!(one("The envoy is due to arrive on Tuesday.", p).future);
        assert!(one("Iraq plans to summon the ambassador on Wednesday.", p).future);
        assert!(one("The tour, which begins on Friday, was not cancelled.", p).future);
        // A speech verb after the marker ties the weekday to the speech, which is past.
        let m = one("The US will respond, officials said on Sunday.", p);
        assert!(!m.future);
        assert_eq!(m.range.start, day(2019, 12, 29));
        // A marker in an earlier sentence does not leak.
        assert!(!one("He will go. Rockets fell on Sunday.", p).future);
    }

    #[test]
    fn yesterday_today_and_overnight() {
        let p = pub_day(2021, 6, 28);
        let m = one("Militants fired rockets yesterday.", p);
        assert_eq!(
            (m.range.start, m.kind),
            (day(2021, 6, 27), DateExprKind::Yesterday)
        );
        assert_eq!(
            on_day("A drone was shot down the day before yesterday.", p),
            day(2021, 6, 26)
        );
        assert_eq!(
            on_day("Officials said today the base was safe.", p),
            day(2021, 6, 28)
        );
        assert_eq!(on_day("Sirens sounded this morning.", p), day(2021, 6, 28));
        let m = one("US jets struck overnight in Syria.", p);
        assert_eq!(
            (m.range.start, m.kind),
            (day(2021, 6, 27), DateExprKind::Overnight)
        );
        assert_eq!(
            m.reasoning,
            "'overnight' night before Mon 2021-06-28 -> night of 2021-06-27/28"
        );
        assert_eq!(on_day("Rockets landed last night.", p), day(2021, 6, 27));
        // Overnight tied to a weekday.
        assert_eq!(
            on_day("Strikes overnight into Sunday hit depots.", p),
            day(2021, 6, 26)
        );
        assert_eq!(
            on_day("Strikes overnight Saturday hit depots.", p),
            day(2021, 6, 26)
        );
    }

    #[test]
    fn weeks_months_and_years_relative_to_publication() {
        // Wednesday 2020-03-11.
        let p = pub_day(2020, 3, 11);
        let m = one("A similar attack last week wounded two.", p);
        assert_eq!(
            (m.range.start, m.range.end, m.range.precision),
            (day(2020, 3, 2), day(2020, 3, 8), DatePrecision::Week)
        );
        assert_eq!(m.kind, DateExprKind::LastWeek);
        let m = one("Rockets hit the base earlier this week.", p);
        assert_eq!(
            (m.range.start, m.range.end),
            (day(2020, 3, 9), day(2020, 3, 10))
        );
        let m = one("It was struck earlier this month.", p);
        assert_eq!(
            (m.range.start, m.range.end, m.range.precision),
            (day(2020, 3, 1), day(2020, 3, 11), DatePrecision::Month)
        );
        let m = one("Protests erupted last month.", p);
        assert_eq!(
            (m.range.start, m.range.end, m.kind),
            (day(2020, 2, 1), day(2020, 2, 29), DateExprKind::LastMonth)
        );
        let m = one("Attacks have grown this year.", p);
        assert_eq!(
            (m.range.start, m.range.end, m.range.precision),
            (day(2020, 1, 1), day(2020, 3, 11), DatePrecision::Year)
        );
        let m = one("Protests erupted last month.", pub_day(2020, 1, 2));
        assert_eq!(
            (m.range.start, m.range.end),
            (day(2019, 12, 1), day(2019, 12, 31))
        );
        let m = one("Two bases were hit over the weekend.", p);
        assert_eq!(
            (m.range.start, m.range.end),
            (day(2020, 3, 7), day(2020, 3, 8))
        );
    }

    #[test]
    fn a_weekday_before_a_slashed_date_decides_its_order() {
        let p = pub_day(2018, 8, 11);
        // 10 August 2018 was a Friday, 8 October a Monday.
        assert_eq!(on_day("Friday 10/08/2018 - 12:05", p), day(2018, 8, 10));
        assert_eq!(on_day("Fri, 10/08/2018", p), day(2018, 8, 10));
        assert_eq!(on_day("Monday 10/08/2018", p), day(2018, 10, 8));
        // No weekday, both readings before publication: the US order.
        let later = pub_day(2018, 12, 1);
        assert_eq!(on_day("Posted 10/08/2018", later), day(2018, 10, 8));
    }

    #[test]
    fn the_publication_date_decides_the_order_of_a_slashed_date() {
        // Published on 5 June 2019: "05/06/2019" is that day, written day first.
        let p = pub_day(2019, 6, 5);
        assert_eq!(
            on_day("Updated on : 05/06/2019 - 09:10", p),
            day(2019, 6, 5)
        );
        // 11 April is before publication, 4 November after it: the day-first reading.
        assert_eq!(
            on_day("The depot burned on 11/04/2019.", p),
            day(2019, 4, 11)
        );
        // Both readings before publication: the US order stays.
        assert_eq!(
            on_day("The depot burned on 03/04/2019.", p),
            day(2019, 3, 4)
        );
    }

    #[test]
    fn ago_expressions() {
        let p = pub_day(2020, 3, 11);
        assert_eq!(
            on_day("The depot was hit three days ago.", p),
            day(2020, 3, 8)
        );
        assert_eq!(on_day("The depot was hit a day ago.", p), day(2020, 3, 10));
        // One week back is the same weekday; hedged, it is only a week around that day.
        assert_eq!(
            on_day("A convoy was ambushed a week ago near the border.", p),
            day(2020, 3, 4)
        );
        let m = one("The convoy was ambushed about a week ago.", p);
        assert_eq!(m.range.precision, DatePrecision::Week);
        assert!(m.range.start < day(2020, 3, 4) && day(2020, 3, 4) < m.range.end);
        let m = one("The depot was hit two weeks ago.", p);
        assert_eq!(m.range.precision, DatePrecision::Week);
        assert!(m.range.start <= day(2020, 2, 26) && day(2020, 2, 26) <= m.range.end);
        let m = one("It began two months ago.", p);
        assert_eq!(m.range, month_range(2020, 1).unwrap());
    }

    #[test]
    fn absolute_dates_in_all_layouts() {
        let p = pub_day(2021, 2, 26);
        for text in [
            "On February 15, rockets struck.",
            "On Feb. 15, rockets struck.",
            "On 15 February 2021 rockets struck.",
            "On February 15, 2021, rockets struck.",
            "On 2021-02-15 rockets struck.",
            "On 02/15/2021 rockets struck.",
            "On 15/02/2021 rockets struck.",
            "On the 15th of February rockets struck.",
        ] {
            assert_eq!(on_day(text, p), day(2021, 2, 15), "{text}");
        }
        let m = one("On February 15, 2021, rockets struck.", p);
        assert_eq!(m.kind, DateExprKind::Absolute);
        assert_eq!(m.reasoning, "'February 15, 2021' absolute -> 2021-02-15");
        // Without a publication date, only dates that carry a year resolve.
        assert_eq!(
            on_day("On 15 February 2021 rockets struck.", None),
            day(2021, 2, 15)
        );
        assert!(find_dates("On February 15 rockets struck.", 0, None).is_empty());
    }

    #[test]
    fn month_day_takes_the_year_on_or_before_publication() {
        // Dec 27 in a Jan 3 story is the previous December.
        let m = one(
            "The Dec. 27 attack killed a contractor.",
            pub_day(2020, 1, 3),
        );
        assert_eq!(m.range.start, day(2019, 12, 27));
        assert_eq!(
            m.reasoning,
            "'Dec. 27' on or before Fri 2020-01-03 -> 2019-12-27"
        );
        assert_eq!(
            on_day("Talks were held Jan. 2.", pub_day(2020, 1, 3)),
            day(2020, 1, 2)
        );
        // Future: forward.
        let m = one("The mandate will expire on March 1.", pub_day(2020, 12, 30));
        assert!(m.future);
        assert_eq!(m.range.start, day(2021, 3, 1));
    }

    #[test]
    fn month_and_year_precision() {
        let m = one(
            "The December 2019 killing of a contractor.",
            pub_day(2021, 2, 26),
        );
        assert_eq!(m.range, month_range(2019, 12).unwrap());
        assert_eq!(m.kind, DateExprKind::MonthYear);
        let m = one("in December 2019, rockets hit K-1.", pub_day(2021, 2, 26));
        assert_eq!(m.range.precision, DatePrecision::Month);
        let m = one("Rockets hit the base in December.", pub_day(2020, 3, 11));
        assert_eq!(
            (m.range, m.kind),
            (month_range(2019, 12).unwrap(), DateExprKind::Month)
        );
        let m = one("The camp was hit in March.", pub_day(2020, 3, 11));
        assert_eq!(m.range, month_range(2020, 3).unwrap());
        let m = one("The group was founded in 2003.", pub_day(2020, 3, 11));
        assert_eq!(
            (m.range, m.kind),
            (year_range(2003).unwrap(), DateExprKind::Year)
        );
        // "may" the verb is not a month.
        assert!(find_dates("Officials may respond in may.", 0, pub_day(2020, 3, 11)).is_empty());
    }

    #[test]
    fn day_and_month_with_last_year_take_the_year_from_publication() {
        // Published 2023-06-28: 12 May is before it, yet "last year" makes it 2022.
        let p = pub_day(2023, 6, 28);
        let text = "On May 12 last year, a car bomb killed nine people at a market.";
        let m = one(text, p);
        assert_eq!(m.range, DateRange::day(day(2022, 5, 12)));
        assert_eq!(&text[m.span[0]..m.span[1]], "May 12 last year");
        assert_eq!(
            on_day("A shell hit the school on 3 September of last year.", p),
            day(2022, 9, 3)
        );
    }

    #[test]
    fn month_with_last_year_is_the_year_before_publication() {
        // Wednesday 2023-06-28: April is before June, yet "last year" moves it back a year.
        let p = pub_day(2023, 6, 28);
        let text = "In April last year, a rocket hit the depot.";
        let m = one(text, p);
        assert_eq!(m.range, month_range(2022, 4).unwrap());
        assert_eq!(m.range.precision, DatePrecision::Month);
        assert_eq!(&text[m.span[0]..m.span[1]], "In April last year");
        assert_eq!(
            m.reasoning,
            "'In April last year' in the month, year before Wed 2023-06-28 -> 2022-04"
        );
        assert_eq!(
            one("Shells fell on the market in July last year.", p).range,
            month_range(2022, 7).unwrap()
        );
        assert_eq!(
            one("A drone struck the port in late March of last year.", p).range,
            month_range(2022, 3).unwrap()
        );
        assert_eq!(
            one("The bridge was hit in May this year.", p).range,
            month_range(2023, 5).unwrap()
        );
        let m = one("Talks resume in March next year.", p);
        assert!(m.future);
        assert_eq!(m.range, month_range(2024, 3).unwrap());
        // "last October" is the latest October before publication.
        assert_eq!(
            one("Jets bombed the camp last October.", p).range,
            month_range(2022, 10).unwrap()
        );
        assert_eq!(
            one("Jets bombed the camp last June.", p).range,
            month_range(2022, 6).unwrap()
        );
        // Lower-case "may" is still not a month.
        let found = find_dates("Officials may respond this year.", 0, p);
        assert!(
            found.iter().all(|m| m.kind == DateExprKind::ThisYear),
            "{found:?}"
        );
    }

    #[test]
    fn a_month_naming_an_attack_after_the_or_of_is_that_month() {
        // Wednesday 2024-09-18.
        let p = pub_day(2024, 9, 18);
        let text = "Officials recalled the February rocket attack on the depot.";
        let m = one(text, p);
        assert_eq!(m.range, month_range(2024, 2).unwrap());
        assert_eq!(&text[m.span[0]..m.span[1]], "the February");
        // A month after the publication month is last year's.
        let m = one("It echoed the strikes of November on the ridge.", p);
        assert_eq!(m.range, month_range(2023, 11).unwrap());
        // After "a" or "an" too: "blamed for a December bombing of the pipeline".
        let text = "The group was blamed for a December bombing of the pipeline.";
        let m = one(text, p);
        assert_eq!(m.range, month_range(2023, 12).unwrap());
        assert_eq!(&text[m.span[0]..m.span[1]], "a December");
        assert_eq!(
            one("Police recalled an August raid on the market.", p).range,
            month_range(2024, 8).unwrap()
        );
        // Not before a noun that is no attack: a vote, an election.
        let text = "A drone hit the depot, weeks before an August vote on the troops.";
        assert!(find_dates(text, 0, p).is_empty());
        let text = "Rockets hit the square as the city prepared for an October election.";
        assert!(find_dates(text, 0, p).is_empty());
        assert_eq!(
            one("Police blamed a March car bombing on the cell.", p).range,
            month_range(2024, 3).unwrap()
        );
        // A verb is no month: "the march" and "the may" stay words.
        assert!(find_dates("They joined the march to the square.", 0, p).is_empty());
    }

    #[test]
    fn a_month_before_a_dotted_abbreviation_and_its_attack_is_that_month() {
        // Wednesday 2024-09-18.
        let p = pub_day(2024, 9, 18);
        // The dots of "U.S." end no clause, and the attack noun may be four words on.
        assert_eq!(
            one(
                "The cell was blamed for a January U.S. air raid on the port.",
                p
            )
            .range,
            month_range(2024, 1).unwrap()
        );
        assert_eq!(
            one(
                "Elders recalled a March U.K.-backed coalition air strike on the dam.",
                p
            )
            .range,
            month_range(2024, 3).unwrap()
        );
        // A sentence's full stop still ends it.
        let text = "Talks began with a March visit. Raids went on.";
        assert!(find_dates(text, 0, p).is_empty());
    }

    #[test]
    fn early_mid_and_late_month_keep_month_precision() {
        // Wednesday 2024-09-18.
        let p = pub_day(2024, 9, 18);
        let text = "In late July, gunmen ambushed a convoy.";
        let m = one(text, p);
        assert_eq!(
            (m.range, m.kind),
            (month_range(2024, 7).unwrap(), DateExprKind::Month)
        );
        assert_eq!(&text[m.span[0]..m.span[1]], "In late July");
        assert_eq!(
            m.reasoning,
            "'In late July' late in the month latest on or before Wed 2024-09-18 -> 2024-07"
        );
        let m = one("A convoy was hit in early March.", p);
        assert_eq!(m.range, month_range(2024, 3).unwrap());
        assert!(m.reasoning.contains(" early in the month "), "{m:?}");
        let m = one("Fighting has raged since mid-August.", p);
        assert_eq!(m.range, month_range(2024, 8).unwrap());
        assert!(m.reasoning.contains(" mid in the month "), "{m:?}");
        // A month after the publication month is last year's.
        let m = one("The depot burned in mid-November.", p);
        assert_eq!(m.range, month_range(2023, 11).unwrap());
        // The publication month itself counts as on or before.
        assert_eq!(
            one("Raids resumed in early September.", p).range,
            month_range(2024, 9).unwrap()
        );
        let m = one("The town fell late in June.", p);
        assert_eq!(m.range, month_range(2024, 6).unwrap());
        assert!(m.reasoning.contains(" late in the month "), "{m:?}");
        // With a year, the part keeps the month of that year.
        assert_eq!(
            one("The airport was shelled in late December 2019.", p).range,
            month_range(2019, 12).unwrap()
        );
    }

    #[test]
    fn last_week_is_the_previous_calendar_week() {
        // Monday 2021-10-11: last week is Mon 10-04 .. Sun 10-10, in any casing.
        let p = pub_day(2021, 10, 11);
        for text in [
            "Last week, a bomb tore through a mosque gate.",
            "The council condemned last week's bombing.",
        ] {
            let m = one(text, p);
            assert_eq!(
                (m.range.start, m.range.end, m.range.precision, m.kind),
                (
                    day(2021, 10, 4),
                    day(2021, 10, 10),
                    DatePrecision::Week,
                    DateExprKind::LastWeek
                ),
                "{text}"
            );
        }
        // Thursday 2021-10-14: earlier this week is Monday up to Wednesday.
        let m = one(
            "Earlier this week, gunmen attacked a checkpoint.",
            pub_day(2021, 10, 14),
        );
        assert_eq!(
            (m.range.start, m.range.end, m.kind),
            (day(2021, 10, 11), day(2021, 10, 13), DateExprKind::ThisWeek)
        );
    }

    #[test]
    fn month_and_year_without_a_preposition() {
        let p = pub_day(2022, 8, 25);
        let text = "Officials blamed the group for drone raids on the outpost in October 2021.";
        let m = one(text, p);
        assert_eq!(
            (m.range, m.kind),
            (month_range(2021, 10).unwrap(), DateExprKind::MonthYear)
        );
        assert_eq!(&text[m.span[0]..m.span[1]], "October 2021");
        assert_eq!(
            one("October 2021 saw the first drone raid.", p).range,
            month_range(2021, 10).unwrap()
        );
        assert_eq!(
            one("The Sept. 2021 raid was the first.", p).range,
            month_range(2021, 9).unwrap()
        );
    }

    #[test]
    fn a_period_after_a_superlative_bounds_the_comparison_and_dates_nothing() {
        let p = pub_day(2022, 11, 14);
        let kinds = |text: &str| -> Vec<String> {
            find_dates(text, 0, p)
                .iter()
                .map(|m| text[m.span[0]..m.span[1]].to_string())
                .collect()
        };
        assert_eq!(
            kinds("Bandits killed 20 miners on Sunday, one of the deadliest raids this year."),
            ["Sunday"]
        );
        assert_eq!(
            kinds("It was the worst bombing in the province since 2017, police said."),
            Vec::<String>::new()
        );
        assert_eq!(
            kinds("The biggest drone strike this month hit the depot on Friday."),
            ["Friday"]
        );
        // "since June, when …" dates the earlier attack that the clause tells.
        assert_eq!(
            kinds("It was the worst attack since June, when gunmen killed 30 traders."),
            ["since June"]
        );
        // Without a superlative, "this year" and "since" stay.
        assert_eq!(
            kinds("Rockets have hit the base five times this year."),
            ["this year"]
        );
        assert_eq!(
            kinds("Militias have attacked the base since January."),
            ["since January"]
        );
    }

    #[test]
    fn minutes_and_moments_later_are_the_anchor_day() {
        let p = pub_day(2021, 3, 1);
        for text in [
            "Minutes later, a second blast went off near the hospital.",
            "A third bomber struck moments later.",
            "Hours later, rockets fell.",
        ] {
            let m = one(text, p);
            assert_eq!(
                (m.kind, m.shift_days),
                (DateExprKind::Relative, Some(0)),
                "{text}"
            );
            assert!(counts_within_a_day(&text[m.span[0]..m.span[1]]), "{text}");
        }
        assert!(!counts_within_a_day("two days later"));
    }

    #[test]
    fn only_the_vague_week_phrases_name_a_whole_week() {
        for whole in ["the previous week", "The following week", "the week before"] {
            assert!(names_a_whole_week(whole), "{whole}");
        }
        for counted in ["a week later", "two weeks earlier", "A week after"] {
            assert!(!names_a_whole_week(counted), "{counted}");
        }
    }

    #[test]
    fn counted_weeks_later_or_earlier_shift_an_anchor_by_seven_days_each() {
        let p = pub_day(2021, 3, 20);
        let anchor = DateRange::day(day(2021, 2, 15));
        let text = "A week later, two more guards died when their post was shelled.";
        let m = one(text, p);
        assert_eq!((m.kind, m.shift_days), (DateExprKind::Relative, Some(7)));
        let (r, _) = resolve_relative(&m, &text[m.span[0]..m.span[1]], &anchor).unwrap();
        assert_eq!(r, DateRange::day(day(2021, 2, 22)));
        assert_eq!(
            one("The depot had been hit three weeks earlier.", p).shift_days,
            Some(-21)
        );
        // "two weeks after the raid" names its own anchor, often an occasion or a background
        // attack whose kind the sentence does not tell: not read.
        assert!(find_dates("Two weeks after the raid, rockets fell on the camp.", 0, p).is_empty());
        // No count, a vague one or a hedged one: no mention.
        for text in [
            "Weeks later, rockets fell.",
            "A few weeks later, a drone crashed.",
            "The raid came less than two weeks after a rocket attack on the base.",
            "About a week later, rockets fell.",
        ] {
            let found = find_dates(text, 0, p);
            assert!(found.is_empty(), "{text:?} -> {found:?}");
        }
    }

    #[test]
    fn counted_days_later_or_earlier_shift_an_anchor() {
        let p = pub_day(2021, 3, 1);
        let anchor = DateRange::day(day(2021, 2, 15));
        let text = "Ten days later, jets bombed a border post.";
        let m = one(text, p);
        assert_eq!((m.kind, m.shift_days), (DateExprKind::Relative, Some(10)));
        let (r, _) = resolve_relative(&m, &text[m.span[0]..m.span[1]], &anchor).unwrap();
        assert_eq!(r, DateRange::day(day(2021, 2, 25)));
        let m = one("A convoy had been ambushed two days earlier.", p);
        assert_eq!(m.shift_days, Some(-2));
        assert_eq!(
            resolve_relative(&m, "two days earlier", &anchor)
                .unwrap()
                .0
                .start,
            day(2021, 2, 13)
        );
        assert_eq!(
            one("Three days prior, a mine exploded.", p).shift_days,
            Some(-3)
        );
        // No count: vague. The pipeline would read any range we returned as the event's date,
        // so no mention is made and the sentence falls back to its other dates or context.
        for text in [
            "Militias answered days later with rockets.",
            "A few days later, rockets fell.",
            "Several days earlier, a drone crashed.",
        ] {
            let found = find_dates(text, 0, p);
            assert!(found.is_empty(), "{text:?} -> {found:?}");
        }
    }

    #[test]
    fn month_precision_publication_gives_no_invented_day() {
        let p = pub_month(2019, 12);
        let m = one("Rockets hit the base on Sunday.", p);
        assert_eq!(m.range, month_range(2019, 12).unwrap());
        assert_eq!(m.range.precision, DatePrecision::Month);
        assert_eq!(
            m.reasoning,
            "'Sunday' needs a day but published only 2019-12 -> 2019-12"
        );
        let m = one("A drone fell yesterday.", p);
        assert_eq!(m.range.precision, DatePrecision::Month);
        // Absolute dates still resolve to the day.
        assert_eq!(
            on_day("The Dec. 27 attack was deadly.", p),
            day(2019, 12, 27)
        );
        assert_eq!(
            on_day("On 29 December 2019 jets struck.", p),
            day(2019, 12, 29)
        );
    }

    #[test]
    fn the_previous_week_is_a_week_from_the_event_just_told() {
        let p = pub_day(2021, 4, 15);
        let m = one("Jets had struck depots the previous week.", p);
        assert_eq!((m.kind, m.shift_days), (DateExprKind::Relative, Some(-7)));
        assert_eq!(
            one("The week before, a drone fell.", p).shift_days,
            Some(-7)
        );
        assert_eq!(
            one("The following week, jets struck.", p).shift_days,
            Some(7)
        );
        // Without "the" it is the week before publication, as before.
        assert_eq!(
            one("Jets struck depots last week.", p).kind,
            DateExprKind::LastWeek
        );
    }

    #[test]
    fn relative_to_an_anchor_event() {
        let p = pub_day(2020, 1, 3);
        let m = one("The strikes came a day after the protest.", p);
        assert_eq!((m.kind, m.shift_days), (DateExprKind::Relative, Some(1)));
        let anchor = DateRange::day(day(2019, 12, 27));
        let (r, why) = resolve_relative(&m, "a day after", &anchor).unwrap();
        assert_eq!(r.start, day(2019, 12, 28));
        assert_eq!(
            why,
            "'a day after' +1 day(s) from anchor 2019-12-27 -> 2019-12-28"
        );
        assert_eq!(one("He had left the day before.", p).shift_days, Some(-1));
        assert_eq!(one("Two days later, jets struck.", p).shift_days, Some(2));
        assert_eq!(
            one("On the following day, jets struck.", p).shift_days,
            Some(1)
        );
        assert_eq!(
            one("Hours after the attack, jets struck.", p).shift_days,
            Some(0)
        );
        assert_eq!(shift(&anchor, -2).start, day(2019, 12, 25));
    }

    #[test]
    fn things_that_are_not_dates() {
        let p = pub_day(2020, 1, 3);
        for text in [
            "F-15 jets carried out the raid.",
            "The OIR coalition said more than 30 missiles were fired.",
            "Guards are on duty 24/7 at the gate.",
            "Under Resolution 2254 talks resumed.",
            "The attack began at 10 pm.",
        ] {
            let found = find_dates(text, 0, p);
            assert!(found.is_empty(), "{text:?} -> {found:?}");
        }
        let m = one("Iran breached the 2015 nuclear deal.", p);
        assert_eq!(m.kind, DateExprKind::BareYear);
        // Sentences without digits or date words are skipped before any regex.
        assert!(find_dates("Rockets hit a base near Kirkuk.", 0, p).is_empty());
    }

    #[test]
    fn spans_include_the_offset_and_are_sorted() {
        let text = "On Friday, Dec. 27, rockets hit; on Sunday jets struck back.";
        let found = find_dates(text, 100, pub_day(2019, 12, 30));
        let got: Vec<(&str, NaiveDate)> = found
            .iter()
            .map(|m| (&text[m.span[0] - 100..m.span[1] - 100], m.range.start))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Dec. 27", day(2019, 12, 27)),
                ("Sunday", day(2019, 12, 29))
            ]
        );
    }

    #[test]
    fn bad_input_never_panics() {
        for text in [
            "",
            "31 February 2021",
            "Feb 30",
            "99/99/9999",
            "0000-00-00",
            "é Sunday ü 2019 ✓ yesterday",
            "Dec. 32",
        ] {
            let _ = find_dates(text, 0, pub_day(2020, 1, 1));
            let _ = find_dates(text, 0, pub_month(2020, 1));
            let _ = find_dates(text, 0, None);
        }
        // An impossible day never becomes a day; at most the month it names.
        let found = find_dates("31 February 2021", 0, None);
        assert!(
            found
                .iter()
                .all(|m| m.range.precision != DatePrecision::Day),
            "{found:?}"
        );
    }

    #[test]
    fn a_month_of_that_year_takes_the_year_written_before_it() {
        let p = Some(PubDate {
            date: NaiveDate::from_ymd_opt(2022, 3, 6).unwrap(),
            precision: DatePrecision::Day,
        });
        let found = find_dates(
            "The depot has been shelled often since the start of 2019, including in May of that \
             year when two guards died.",
            0,
            p,
        );
        let may = found
            .iter()
            .find(|d| d.kind == DateExprKind::Month)
            .expect("the month");
        assert_eq!(
            may.range.start,
            NaiveDate::from_ymd_opt(2019, 5, 1).unwrap()
        );
        assert_eq!(may.range.end, NaiveDate::from_ymd_opt(2019, 5, 31).unwrap());
    }

    #[test]
    fn the_finer_gates_skip_only_patterns_that_would_find_no_date() {
        // The keyword classes alone, as the gates read them before the finer bits.
        let words: Vec<(&str, u32)> = KEYWORDS
            .iter()
            .copied()
            .chain(WITHIN_A_DAY.map(|w| (w, K_HOURS)))
            .collect();
        let automaton = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words.iter().map(|(w, _)| *w))
            .unwrap();
        let derived = K_DIGITS4
            | K_DIGITS12
            | K_WEEKEND
            | K_OVERNIGHT
            | K_AGO_WORD
            | K_TODAY_PHRASE
            | K_RELATIVE_WORD;
        let published = pub_day(2020, 1, 15);
        let texts = [
            "Rockets hit the base on 12 May 2019, officials said.",
            "The strike on May 12, 2019 killed two; another on Dec. 30 killed one.",
            "In May 2019 and again in mid-December 2019 the camp was shelled.",
            "The 2019 deal collapsed in 12345 May talks.",
            "Gunmen attacked a market in Chicago on Monday night.",
            "Three weeks ago a drone struck; a week ago.",
            "The agony of the wagon drivers, Santiago said.",
            "Shelling resumed last weekend and over the WEEKEND.",
            "A blast this morning; THIS evening another; earlier today a third.",
            "A raid thi\u{17f} morning, and a strike over the wee\u{212a}end.",
            "Sirens sounded tonight after an overnight attack into Tuesday.",
            "A fortnight of strikes ended the day before yesterday.",
            "On 1\u{663} May and on the 5th of June the town was hit.",
            "Two days later, hours after the holiday, on Sunday's march.",
            "Strikes in \u{662}\u{660}\u{661}\u{669} and in Sept. 2020 hit the port.",
            "The week before, in the evening, rockets fell; the day after, nothing.",
            "YESTERDAY AFTERNOON THE BASE WAS HIT, MONTHS AFTER A YEAR OF CALM.",
            "Rockets fell the \u{17f}ame day.",
            "Two days of calm, the NEXT DAY, 3 days prior.",
            "Days of shelling and hours of fighting ended; the week was calm.",
            "On 12/03/2020 and/or 3/4 of the town, 24/7.",
            "x",
            "",
        ];
        for text in texts {
            let mut reference = digit_and_month_mask(text);
            let bytes = text.as_bytes();
            let letter_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphabetic);
            for m in automaton.find_overlapping_iter(text) {
                let class = words[m.pattern().as_usize()].1;
                let (start, end) = (m.start(), m.end());
                let plural = matches!(bytes.get(end), Some(b's' | b'S'));
                let word = (start == 0 || !letter_at(start - 1))
                    && (!letter_at(end) || (plural && !letter_at(end + 1)));
                if class != K_DAY || word {
                    reference |= class;
                }
            }
            let mask = keyword_mask(text);
            assert_eq!(mask & !derived, reference & !derived, "{text}");
            // A pattern that the finer gates skip (it passes the keyword gate alone) would have
            // found no date.
            for (pattern, re) in PATTERNS.iter() {
                if pattern.can_match(mask) || !pattern.can_match(reference | derived) {
                    continue;
                }
                let re = re.for_text(text);
                let dated = re.find_iter(text).any(|m| {
                    re.captures_at(text, m.start()).is_some_and(|caps| {
                        resolve(*pattern, &caps, text, m.start(), published).is_some()
                    })
                });
                assert!(!dated, "{text}: pattern {} skipped", *pattern as usize);
            }
        }
        // The new gates do skip: no four-digit year, no "weekend", no word "ago".
        let mask = keyword_mask("Rockets hit Chicago on May 12 this week.");
        assert!(!Pattern::MonthDayYear.can_match(mask));
        assert!(!Pattern::Weekend.can_match(mask));
        assert!(!Pattern::Ago.can_match(mask));
        assert!(!Pattern::Today.can_match(mask));
        assert!(Pattern::MonthDay.can_match(mask));
        // Days and hours with no direction, and slashes with no digits around them.
        let mask = keyword_mask("Two days of fighting and/or hours of shelling in 2020.");
        assert!(!Pattern::Relative.can_match(mask));
        assert!(!Pattern::Slash.can_match(mask));
        let mask = keyword_mask("Two days later, on 3/4/2020.");
        assert!(Pattern::Relative.can_match(mask));
        assert!(Pattern::Slash.can_match(mask));
    }

    #[test]
    fn a_day_written_alone_is_looked_for_only_after_a_short_ordinal() {
        let published = pub_day(2020, 1, 15);
        // Each text's ordinal days, found by the pattern itself, are found only when the gate
        // lets the pattern run.
        let texts = [
            ("Gunmen struck on the 5th and again on the 22nd.", true),
            ("A raid on THE 3RD; another on the 1\u{17f}t.", true),
            (
                "The 105th brigade and the 5 soldiers, on the 1,000th day.",
                false,
            ),
            ("On the \u{663}rd of the month, 40 troops moved.", false),
            ("Rockets hit the base.", false),
        ];
        for (text, gated_in) in texts {
            let mask = keyword_mask(text);
            assert_eq!(mask & K_ORDINAL != 0, gated_in, "{text}");
            let mut alone = Vec::new();
            ordinal_days(text, published, &mut alone);
            assert!(gated_in || alone.is_empty(), "{text}: gated out but dated");
        }
        let days = find_dates(
            "Gunmen struck on the 5th and again on the 12th.",
            0,
            published,
        );
        assert_eq!(days.len(), 2);
        assert_eq!(days[0].range.start, day(2020, 1, 5));
    }
}

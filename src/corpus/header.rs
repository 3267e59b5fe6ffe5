//! Publication dates as they appear in headers, metadata and file names.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::{DatePrecision, PubDate};

/// The month a name or abbreviation of three letters or more stands for ("Feb.", "Sept",
/// "June"), case-insensitive.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let lower = name.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .position(|m| {
            lower.len() >= 3 && (m.starts_with(&lower) || (lower == "sept" && *m == "september"))
        })
        .map(|i| i as u32 + 1)
}

/// Whether a run of four ASCII digits (a year) starts among the first `within` bytes of
/// `text`. Every shape of a full date has one, so the regexes that read them are not run on a
/// line or paragraph without: most lines of a page have no year, and a regex call costs
/// thousands of instructions even when it fails at once. A run of four covers one of every
/// four positions, so only those are probed, and the digits around a digit found counted.
fn year_digits_within(text: &str, within: usize) -> bool {
    let bytes = text.as_bytes();
    let bytes = &bytes[..bytes.len().min(within.saturating_add(3))];
    let digit = |at: &usize| bytes[*at].is_ascii_digit();
    (3..bytes.len()).step_by(4).any(|at| {
        bytes[at].is_ascii_digit() && {
            let left = (at.saturating_sub(3)..at).rev().take_while(digit).count();
            let right = (at + 1..bytes.len().min(at + 4)).take_while(digit).count();
            left + 1 + right >= 4
        }
    })
}

/// How far into a paragraph a dateline's date may stand: the city, its country, an outlet in
/// brackets, a weekday and the date take a hundred-odd bytes; the bound leaves room for long
/// names and spacing, so only a paragraph that could not open with a dated dateline is skipped.
const DATELINE_REACH: usize = 400;

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]{4})(?:[-/]([0-9]{1,2})(?:[-/]([0-9]{1,2}))?)?(?:[T ][0-9]{1,2}:[0-9]{2}.*)?$",
    )
    .expect("iso")
});
/// What may follow a date's year: a word boundary, or the same date printed again with no
/// space between ("16 Feb 202116 Feb 2021", "Feb 16, 2021Feb 16, 2021"), as a page copied with
/// its screen-reader text gives it.
/// A page copied from a site that prints the time right after the date in another element
/// loses the space between them ("February 16, 20218:12 AM UTC"): a time may follow at once.
const YEAR_END: &str =
    r"(?:\b|[0-9]{1,2}\s+[A-Za-z]{3}|[A-Za-z]{3,9}\.?\s+[0-9]|[0-9]{1,2}:[0-9]{2})";
/// Month first; a comma may follow the month too ("February, 16, 2021", as some agencies print
/// it), and a dash may stand before the year ("July 9 - 2023", as some African sites print
/// it). The comma before the year may lack its space ("July 9,2023"): many CMS templates print
/// it so.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[A-Za-z]+,?\s+)??([A-Za-z]{{3,9}}\.?),?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?(?:,\s*|\s+|\s+[-–—]\s+)([0-9]{{4}}){YEAR_END}"
    ))
    .expect("mdy")
});
/// Day first, with spaces ("16 February 2021") or with dashes ("16-Feb-2021", as spreadsheets
/// and some South Asian sites print it); a comma before the year may lack its space ("16
/// February,2021").
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[A-Za-z]+,?\s+)?([0-9]{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{{3,9}}\.?)(?:,\s*|\s+)|-([A-Za-z]{{3,9}})-)([0-9]{{4}}){YEAR_END}"
    ))
    .expect("dmy")
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Za-z]{3,9}\.?)\s+([0-9]{4})$").expect("my"));

/// Parses a publication date written in any of the usual ways: `2021-02-26`,
/// `2021-02-26T10:00:00Z`, `2019-12` (month precision), `2019` (year), `February 26, 2021`,
/// `Feb. 26, 2021`, `Friday, February 26, 2021`, `26 February 2021`, `Fri, 26 Feb 2021 10:00:00
/// +0000`, `February 2021` (month). Precision is never finer than what is written.
pub fn parse_date(s: &str) -> Option<PubDate> {
    let s = s.trim().trim_end_matches(['.', ',']).trim();
    // Every shape read here has a four-digit year.
    if s.is_empty() || s.len() > 64 || !year_digits_within(s, s.len()) {
        return None;
    }
    let latin = latin_commas(s);
    let s = latin.as_ref();
    // "2021.02.16 08:12": a year-first date with dots reads as the ISO one.
    let dashed;
    let s = match s.as_bytes() {
        [y0, y1, y2, y3, b'.', m0, m1, b'.', d0, d1, ..]
            if [y0, y1, y2, y3, m0, m1, d0, d1]
                .iter()
                .all(|b| b.is_ascii_digit()) =>
        {
            dashed = format!("{}-{}-{}", &s[..4], &s[5..7], &s[8..]);
            dashed.as_str()
        }
        _ => s,
    };
    if let Some(c) = ISO.captures(s) {
        let year: i32 = c[1].parse().ok()?;
        let month: Option<u32> = c.get(2).and_then(|m| m.as_str().parse().ok());
        let day: Option<u32> = c.get(3).and_then(|m| m.as_str().parse().ok());
        return match (month, day) {
            (Some(m), Some(d)) => day_date(year, m, d),
            (Some(m), None) => Some(PubDate {
                date: NaiveDate::from_ymd_opt(year, m, 1)?,
                precision: DatePrecision::Month,
            }),
            _ => Some(PubDate {
                date: NaiveDate::from_ymd_opt(year, 1, 1)?,
                precision: DatePrecision::Year,
            }),
        };
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s)
        && let Some(m) = month_number(&c[1])
    {
        return day_date(c[3].parse().ok()?, m, c[2].parse().ok()?);
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s)
        && let Some(m) = c.get(2).or(c.get(3)).and_then(|m| month_number(m.as_str()))
    {
        return day_date(c[4].parse().ok()?, m, c[1].parse().ok()?);
    }
    if let Some(c) = MONTH_YEAR.captures(s) {
        let m = month_number(&c[1])?;
        return Some(PubDate {
            date: NaiveDate::from_ymd_opt(c[2].parse().ok()?, m, 1)?,
            precision: DatePrecision::Month,
        });
    }
    None
}

/// A full date with its year, as bylines and datelines print it: `3 January 2020`,
/// `June 15, 2020`, `2020-12-21`, `2020/12/21` or `2020.12.21` (year first, as East Asian
/// agencies print it; the order of a year-first date is never in doubt) (the one capture
/// group of the regexes below). Digits are ASCII (`[0-9]`, not `\d`): the Unicode digit class
/// made every regex holding a date several times larger to build, for digits no year parses
/// from.
const FULL_DATE: &str = r"([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{2}/[0-9]{2}|[0-9]{4}\.[0-9]{2}\.[0-9]{2}|[0-9]{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]{3,9}\.?(?:,\s*|\s+)[0-9]{4}|[0-9]{1,2}-[A-Za-z]{3,9}-[0-9]{4}|[A-Za-z]{3,9}\.?,?\s+[0-9]{1,2}(?:st|nd|rd|th)?(?:,\s*|\s+|\s+[-–—]\s+)[0-9]{4})";

/// A full date anywhere in a line; a time may follow the year without a space (see
/// `YEAR_END`).
static DATE_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\b{FULL_DATE}(?:\b|[0-9]{{1,2}}:[0-9]{{2}})")).expect("date in line")
});

/// A wire dateline opening a paragraph with the date: `ANKARA / ERBIL, June 15, 2020 (Agency) -`,
/// or with a colon after the city as South Asian papers print it (`ISLAMABAD: Thursday,
/// January 18, 2024 —`).
static DATELINE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[A-Z][A-Z'./ \-]{{2,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?[,:]\s+(?:[A-Z][a-z]+day,?\s+)?{FULL_DATE}\b"
    ))
    .expect("dateline date")
});

/// The publication date of a byline or dateline line that carries more than the date:
/// "Posted by Gulf Desk | Friday 3 January 2020", "TAJI, Iraq (Post) — Sunday 15 March 2020",
/// "Frontier Times | 5 March 2022 | Peshawar". Scraped pages print the date that way under the
/// title far more often than alone on its line. Only a short line whose other words are
/// furniture (an outlet, a desk, a city; separators such as `|`, `—`, `(`) qualifies, so a
/// sentence that mentions a date ("On June 3, 2020, rockets hit …") is not taken for one.
pub fn date_in_byline(line: &str) -> Option<PubDate> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 120 || line.ends_with('.') {
        return None;
    }
    // A full date, a numeric one and an issue's month all have a four-digit year; a line
    // without one may still print a short-year date beside its weekday.
    let has_year = year_digits_within(line, line.len());
    let latin = latin_commas(line);
    let line = latin.as_ref();
    let short_year = if has_year {
        None
    } else {
        let (date, start, end) = short_year_date_on_weekday(line)?;
        Some((Some(date), start, end))
    };
    // A date inside an address ("https://site/world/2019/05/02/story") is another page's.
    let in_address = |c: &regex::Captures| {
        c.get(0)
            .is_some_and(|m| line[..m.start()].ends_with('/') || line[m.end()..].starts_with('/'))
    };
    let found_date = match short_year {
        Some(found) => Some(found),
        None => DATE_IN_LINE
            .captures_iter(line)
            .find(|c| !in_address(c))
            .and_then(|found| {
                let whole = found.get(0)?;
                Some((parse_date(&found[1]), whole.start(), whole.end()))
            }),
    };
    let (date, start, end) = match found_date {
        Some((date, start, end)) => (date?, start, end),
        // "Outlet | 26/06/2020 | 11:30": a numeric date, read only when its order is plain.
        None => match NUMERIC_IN_LINE.find(line) {
            Some(found) => (
                numeric_date(found.as_str())
                    .or_else(|| reading_on_weekday(found.as_str(), line))?,
                found.start(),
                found.end(),
            ),
            None => return month_of_issue(line),
        },
    };
    let rest = format!("{} {}", &line[..start], &line[end..]).to_ascii_lowercase();
    // A time of day, its zone and the weekday are part of the date ("8:14 AM ET, Thu March
    // 12, 2020"), not other words.
    let words = rest.split_whitespace().filter(|w| !is_time_word(w)).count();
    // A breadcrumb's arrow sets the date apart too ("Home » Middle East » 16 February 2021"),
    // and an update's label ("8:12 AM [ Last Update: … ]").
    let separated = rest.contains(['|', '—', '–', '(', '·', '•', '»', '›'])
        || rest.contains(" - ")
        || ["posted", "published", "update", "by ", "by:"]
            .iter()
            .any(|w| rest.contains(w));
    (words <= 12 && (separated || words <= 3 || is_place_dateline(&line[..start], &line[end..])))
        .then_some(date)
}

/// The reading of a numeric date whose day and month could be swapped ("Friday 10/08/2018":
/// 10 August, or 8 October in the US order) that falls on the weekday its line prints beside
/// it: a byline that names the day settles the order. None when the line names no weekday, two
/// of them, or one that neither reading falls on.
fn reading_on_weekday(numeric: &str, line: &str) -> Option<PubDate> {
    let (day_first, month_first) = numeric_readings(numeric)?;
    let weekday = weekday_in_byline(line)?;
    match (
        day_first.date.weekday() == weekday,
        month_first.date.weekday() == weekday,
    ) {
        (true, false) => Some(day_first),
        (false, true) => Some(month_first),
        _ => None,
    }
}

/// A numeric date with a two-digit year and the weekday its line prints: "Wednesday 03.03.21 -
/// World", "Fri 5/3/21 | Desk", "SUNDAY 14-02-21". A two-digit year alone is not read (a
/// reference or a version number looks the same, and day and month may be either way round),
/// but a date whose readings in this century (day first or month first) fall on the printed
/// weekday once only is the page's own: a wrong reading matches a given weekday one time in
/// seven. Returns the date and where it stands in the line.
fn short_year_date_on_weekday(line: &str) -> Option<(PubDate, usize, usize)> {
    static SHORT_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[^0-9/.\-])([0-9]{1,2})([/.\-])([0-9]{1,2})([/.\-])([0-9]{2})(?:$|[^0-9/.\-])",
        )
        .expect("short-year date")
    });
    let c = SHORT_YEAR.captures(line)?;
    if c[2] != c[4] {
        return None;
    }
    let weekday = weekday_in_byline(line)?;
    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
    let year = 2000 + c[5].parse::<i32>().ok()?;
    let mut readings = [day_date(year, b, a), day_date(year, a, b)]
        .into_iter()
        .flatten()
        .filter(|d| d.date.weekday() == weekday)
        .map(|d| d.date);
    let date = readings.next()?;
    if readings.any(|other| other != date) {
        return None;
    }
    let (start, end) = (c.get(1)?.start(), c.get(5)?.end());
    let date = PubDate {
        date,
        precision: DatePrecision::Day,
    };
    Some((date, start, end))
}

/// A numeric date with a two-digit year right after a date label ("Last updated: 3/15/21",
/// "Posted 21.03.21 08:40", "Date: 15-3-21"), as US regional sites and many CMS templates print
/// the page's own date. The label says it is a date (not a reference or a version number), so
/// it is read when its order is plain too: one number over 12 is the day. "3/5/21" stays
/// unread (either order), and so does a year outside the years a news page may have.
fn labelled_short_year_date(rest: &str) -> Option<PubDate> {
    static SHORT_YEAR_FIELD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-9]{1,2})([/.\-])([0-9]{1,2})([/.\-])([0-9]{2})(?:$|[^0-9/.\-])")
            .expect("labelled short-year date")
    });
    let c = SHORT_YEAR_FIELD.captures(rest.trim())?;
    if c[2] != c[4] {
        return None;
    }
    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
    let short: i32 = c[5].parse().ok()?;
    let year = if short < 50 {
        2000 + short
    } else {
        1900 + short
    };
    if !PLAUSIBLE_YEARS.contains(&year) {
        return None;
    }
    match (a > 12, b > 12) {
        (true, false) => day_date(year, b, a),
        (false, true) => day_date(year, a, b),
        _ => None,
    }
}

/// The one weekday a byline line prints: a full name ("Friday", "FRIDAY") or an abbreviation
/// with its comma or full stop ("Fri,", "Thu.") or opening the line ("Fri 10/08/2018"), so "The
/// Sun" of an outlet's name is not one. None when it names none or two different ones.
fn weekday_in_byline(line: &str) -> Option<chrono::Weekday> {
    let mut found = None;
    for (i, word) in line.split_whitespace().enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_ascii_alphabetic());
        let marked = i == 0 || word.ends_with([',', '.']);
        let weekday =
            weekday_of_word(bare).filter(|_| bare.len() >= 6 || (marked && bare.len() >= 3));
        match (weekday, found) {
            (Some(w), Some(seen)) if w != seen => return None,
            (Some(w), _) => found = Some(w),
            _ => {}
        }
    }
    found
}

/// The month of a periodical's masthead line: "SECURITY REVIEW — August 2020 issue", "Gulf
/// Digest | June 2021", "Issue 14, March 2019", "Newsletter (Sept. 2020 edition)". A newsletter,
/// magazine or monthly review dates an issue by its month only; the month is the page's date,
/// never an invented day. The line must name the issue or set the month apart from the
/// masthead with a separator, so a headline about "the August 2020 strikes" is not one.
fn month_of_issue(line: &str) -> Option<PubDate> {
    use crate::extract::dates::MONTH_NAMES;
    static MONTH_YEAR_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\b({MONTH_NAMES})\.?,?\s+([0-9]{{4}})\b"))
            .expect("month year in line")
    });
    let found = MONTH_YEAR_IN_LINE.captures(line)?;
    let whole = found.get(0)?;
    let before = line[..whole.start()].trim_end().to_ascii_lowercase();
    let after = line[whole.end()..].trim_start().to_ascii_lowercase();
    const ISSUE_WORDS: [&str; 6] = [
        "issue",
        "edition",
        "newsletter",
        "bulletin",
        "digest",
        "no.",
    ];
    // "June 2021 (monthly edition)", "June 2021, special issue": a short note after the month
    // that names the issue.
    let issue_note = || {
        let note = after.trim_matches(['(', ')', ',', ' ']);
        note.split_whitespace().count() <= 3
            && note
                .split_whitespace()
                .any(|w| ISSUE_WORDS.contains(&w.trim_end_matches([')', ','])))
    };
    let names_the_issue = ISSUE_WORDS
        .iter()
        .any(|w| after.starts_with(w) || before.contains(w))
        || issue_note();
    let set_apart = before.ends_with(['|', '—', '–', '(', '·', '•', ':', '-'])
        && (after.is_empty() || after.starts_with([')', '|']));
    if !(names_the_issue || set_apart) || line.chars().count() > 120 {
        return None;
    }
    let year: i32 = found[2]
        .parse()
        .ok()
        .filter(|y| PLAUSIBLE_YEARS.contains(y))?;
    Some(PubDate {
        date: NaiveDate::from_ymd_opt(year, month_number(&found[1])?, 1)?,
        precision: DatePrecision::Month,
    })
}

/// A word of a time of day or a weekday printed beside a date: "8:14", "08.14", "9.30am",
/// "AM", "p.m.", a zone ("GMT", "ET", "BST"), "Thu", "Thursday", "at"; with a trailing comma.
fn is_time_word(word: &str) -> bool {
    const ZONES: [&str; 22] = [
        "gmt", "utc", "et", "est", "edt", "ct", "cst", "cdt", "pt", "pst", "pdt", "bst", "cet",
        "cest", "eet", "eest", "ast", "msk", "ist", "pkt", "irst", "z",
    ];
    let w = word.trim_end_matches(',').to_ascii_lowercase();
    let clock = w
        .trim_end_matches("am")
        .trim_end_matches("pm")
        .trim_end_matches("a.m.")
        .trim_end_matches("p.m.");
    let is_clock = clock.split_once([':', '.']).is_some_and(|(h, m)| {
        (1..=2).contains(&h.len())
            && m.len() == 2
            && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
    });
    is_clock
        || matches!(w.as_str(), "am" | "pm" | "a.m." | "p.m." | "at")
        || ZONES.contains(&w.as_str())
        || (w.len() >= 3 && weekday_of_word(w.trim_end_matches('.')).is_some())
}

/// The weekday a word names in full or cut short ("Thursday", "thurs", "Thu"), in any case;
/// callers ask for three letters at least.
fn weekday_of_word(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    const NAMES: [(&str, chrono::Weekday); 7] = [
        ("monday", Mon),
        ("tuesday", Tue),
        ("wednesday", Wed),
        ("thursday", Thu),
        ("friday", Fri),
        ("saturday", Sat),
        ("sunday", Sun),
    ];
    NAMES
        .iter()
        .find(|(name, _)| {
            name.as_bytes()
                .get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
        })
        .map(|(_, day)| *day)
}

/// "Kano / Abuja, 9 May 2017", "Port Harcourt and Lagos, 9 May 2017": a dateline whose places,
/// all capitalised (joined by "/", "&" or "and"), stand before the date's comma and nothing
/// follows the date.
fn is_place_dateline(before: &str, after: &str) -> bool {
    let Some(places) = before.trim_end().strip_suffix(',') else {
        return false;
    };
    after.trim().is_empty()
        && !places.trim().is_empty()
        && places.split_whitespace().all(|w| {
            matches!(w, "/" | "&" | "and") || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// A numeric day-month-year date anywhere in a line, not inside a longer number.
static NUMERIC_IN_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{4}\b").expect("numeric date in line")
});

/// The date of a wire dateline that opens a body paragraph with city and date: the story's own
/// date. Shapes: "ANKARA, June 15, 2020 (Agency) - …" and "ANKARA / ERBIL, 15/06/2020 -- …" (a
/// numeric date whose order is plain); a city in capitals and lower case when an outlet or a
/// dash follows the date ("Ankara, June 15, 2020 (Agency) — …", so that a sentence opening
/// with a place and a date is not read); the date after the outlet or the dash ("ANKARA
/// (Agency) — June 15, 2020 — …", "ERBIL, Iraq — June 15, 2020 — …").
pub fn date_in_dateline(paragraph: &str) -> Option<PubDate> {
    static NUMERIC_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{DATELINE_CITY},\s+([0-9]{{1,2}}[/.][0-9]{{1,2}}[/.][0-9]{{4}})(?:\s*\([^)]{{1,40}}\))?\s*(?:--|[-—–])"
        ))
        .expect("numeric dateline")
    });
    static MIXED_CASE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){{0,3}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?,\s+(?:[A-Z][a-z]+day,?\s+)?{FULL_DATE},?\s*(?:\(|--|[—–]|-\s)"
        ))
        .expect("mixed-case dateline")
    });
    static DATE_AFTER_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{DATELINE_CITY}\s*(?:\([A-Za-z][A-Za-z .&'\-]{{0,40}}\)\s*)?(?:--|[—–\-])\s*(?:[A-Z][a-z]+day,?\s+)?{FULL_DATE}\b"
        ))
        .expect("date after the outlet")
    });
    let text = paragraph.trim_start();
    // Every shape below opens with a capital and holds a four-digit year.
    if !text.starts_with(|c: char| c.is_ascii_uppercase())
        || !year_digits_within(text, DATELINE_REACH)
    {
        return None;
    }
    let latin = latin_commas(text);
    let text = latin.as_ref();
    // A sentence may open with a capitalised word, a place and a date ("In Harlow, May 3,
    // 2021 — …"); a mixed-case dateline opens with the place itself.
    let opens_with_function_word = text.split_whitespace().next().is_some_and(|w| {
        [
            "In", "On", "At", "By", "From", "The", "For", "Since", "After", "Before", "Near",
            "Until",
        ]
        .contains(&w.trim_end_matches(','))
    });
    // Each regex below is run (and built, the first time) only on a paragraph whose first
    // bytes fit its opening: most paragraphs open with a capitalised word ("Rockets hit …"),
    // which no dateline in capitals fits, and few print a Hijri year.
    let bytes = text.as_bytes();
    let city_in_capitals = bytes.len() > 3
        && bytes[1..3]
            .iter()
            .all(|b| b.is_ascii_uppercase() || matches!(b, b'\'' | b'.' | b'/' | b' ' | b'-'));
    let opens_mixed_case = bytes.get(1).is_some_and(u8::is_ascii_lowercase);
    let hijri_year = || {
        bytes[..bytes.len().min(DATELINE_REACH)]
            .windows(4)
            .any(|w| {
                w[0] == b'1' && matches!(w[1], b'3' | b'4') && w[2..].iter().all(u8::is_ascii_digit)
            })
    };
    let mixed_case = || {
        (opens_mixed_case && !opens_with_function_word)
            .then(|| MIXED_CASE_DATELINE.captures(text))
            .flatten()
    };
    // "RIYADH, Rajab 4, 1442, February 16, 2021, Agency --": the Hijri date first, then the
    // Gregorian one, as Gulf agencies print both. The Hijri year (13xx or 14xx) marks it.
    static HIJRI_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^[A-Z][A-Za-z'./ \-]{{2,40}},\s+[A-Z][A-Za-z' \-]{{2,25}}\s+[0-9]{{1,2}},\s*1[34][0-9]{{2}}(?:\s*(?:AH|H|SH))?,\s+(?:[A-Z][a-z]+day,?\s+)?{FULL_DATE}\b"
        ))
        .expect("hijri-first dateline")
    });
    // "FORT LINDEN, N.C. (Feb. 16, 2021) -- …": the date in the brackets where an agency puts
    // its name, as government and military press releases print it.
    static DATE_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{DATELINE_CITY}\s*\(\s*(?:[A-Z][a-z]+day,?\s+)?{FULL_DATE}\s*\)\s*(?:--|[—–\-:])"
        ))
        .expect("date in brackets")
    });
    if let Some(c) = city_in_capitals
        .then(|| DATELINE_DATE.captures(text))
        .flatten()
        .or_else(mixed_case)
        .or_else(|| {
            city_in_capitals
                .then(|| DATE_AFTER_OUTLET.captures(text))
                .flatten()
        })
        .or_else(|| hijri_year().then(|| HIJRI_FIRST.captures(text)).flatten())
        .or_else(|| {
            if !city_in_capitals {
                return None;
            }
            // Compiled and run only for a paragraph whose first bracket, near its start, holds
            // a year: few pages print one.
            let open = text.bytes().take(80).position(|b| b == b'(')?;
            let inside = &text[open..];
            let close = inside.bytes().take(60).position(|b| b == b')')?;
            year_digits_within(&inside[..close], close)
                .then(|| DATE_IN_BRACKETS.captures(text))
                .flatten()
        })
    {
        return parse_date(&c[1]);
    }
    if !city_in_capitals {
        return None;
    }
    numeric_date(&NUMERIC_DATELINE.captures(text)?[1])
}

/// The text with its Arabic (U+060C) and full-width (U+FF0C) commas as Latin ones: the
/// English editions of outlets whose templates are Arabic or Chinese print the date with one
/// ("31 December، 2020", "DAMASCUS, 31 December، 2020 (Agency) -", "December 31，2020").
fn latin_commas(text: &str) -> std::borrow::Cow<'_, str> {
    const OTHER_COMMAS: [char; 2] = ['\u{060C}', '\u{FF0C}'];
    if text.contains(OTHER_COMMAS) {
        std::borrow::Cow::Owned(text.replace(OTHER_COMMAS, ","))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The city part of a wire dateline: "BAGHDAD", "GENEVA/ANKARA", "TAJI, Iraq".
const DATELINE_CITY: &str = r"[A-Z][A-Z'./ \-]{2,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?";

/// The month and day of a dateline that prints no year, as wire copy does ("BAGHDAD, March 12
/// (Reuters) -", "KYIV, 28 April —", "MOSCOW, March 12. /Agency/.", "MOSCOW. March 12
/// (Agency) -"): the day the story was filed, whose year must come from elsewhere on the page.
/// An Indian agency's dateline puts the country in square brackets ("Kabul [Afghanistan],
/// August 27 (Agency):"). An outlet or a dash must follow the date.
pub fn month_day_in_dateline(paragraph: &str) -> Option<(u32, u32)> {
    static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[A-Z][A-Za-z'./ \-]{2,40}(?:\s*\[[A-Z][A-Za-z .]{1,30}\])?(?:,\s*[A-Z][A-Za-z .]{1,30})?[,.]\s+(?:[A-Z][a-z]+day,?\s+)?(?:([A-Za-z]{3,9}\.?)\s+([0-9]{1,2})|([0-9]{1,2})\s+([A-Za-z]{3,9}\.?))\s*(?:\(|--|[—–]|-\s|\.\s*/[A-Za-z])",
        )
        .expect("month-day dateline")
    });
    let text = paragraph.trim_start();
    // The shape opens with a capital, and the city (41 bytes at most, no comma) and its
    // bracketed country (33 at most) end with a comma or a full stop.
    let city_ends = || {
        text.as_bytes()
            .iter()
            .take(76)
            .any(|b| matches!(b, b',' | b'.'))
    };
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) || !city_ends() {
        return None;
    }
    let c = MONTH_DAY.captures(text)?;
    match c.get(1) {
        Some(m) => month_and_day(m.as_str(), &c[2]),
        None => month_and_day(&c[4], &c[3]),
    }
}

/// A month name and a day number read from a date without its year, kept only if that day
/// exists in some year. 2000 is a leap year, so 29 February passes here and is checked against
/// the real year later.
fn month_and_day(month: &str, day: &str) -> Option<(u32, u32)> {
    let month = month_number(month)?;
    let day: u32 = day.parse().ok()?;
    NaiveDate::from_ymd_opt(2000, month, day)?;
    Some((month, day))
}

/// The month and day of a header line that prints a date without its year, as pages do for
/// the current year ("16 February", "Tuesday 16 February", "Feb. 16, 08:12 GMT", "Published 16
/// February"), alone or as one part of a masthead or byline line ("Gulf Brief — Tuesday,
/// February 16"). A part must be nothing but the date, its weekday, a time and a label, so a
/// headline about "the February 16 raid" is not one.
pub fn month_day_line(line: &str) -> Option<(u32, u32)> {
    use crate::extract::dates::{MONTH_NAMES, WEEKDAYS};
    static MONTH_DAY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?i:(?:{WEEKDAYS}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s+)?(?:([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?i:({MONTH_NAMES}))\b|(?i:({MONTH_NAMES}))\b\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\b)"
        ))
        .expect("month-day line")
    });
    let line = line.trim();
    // Only short lines with the day's digits; a date with a digit after it has its year ("16
    // February 2021") and is read elsewhere.
    if line.is_empty()
        || line.len() > 120
        || line.ends_with('.')
        || !line.bytes().any(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut parts = vec![line];
    for sep in BYLINE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().find_map(|part| {
        let part = part.trim().trim_start_matches(['|', '·', '•']).trim();
        let bare = split_date_label(part).map_or(part, |(_, rest)| rest);
        let c = MONTH_DAY_ONLY.captures(bare)?;
        let rest = bare[c.get(0)?.end()..].trim_start_matches(['.', ',']);
        if !rest.split_whitespace().all(is_time_word) {
            return None;
        }
        match c.get(2) {
            Some(m) => month_and_day(m.as_str(), &c[1]),
            None => month_and_day(&c[3], &c[4]),
        }
    })
}

/// A header line without a year among the short lines that open a text, before its first
/// sentence (see `month_day_line`): the line and its month and day. A date line right above
/// or below a byline ("By Lena Ortiz") is the header's too when a headline or deck printed
/// with a full stop ("Militias have a new weapon. Washington is not ready.") comes first:
/// a story's paragraphs carry no byline.
pub fn month_day_in_header(text: &str) -> Option<(&str, (u32, u32))> {
    let mut lines = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
        .take_while(|l| l.chars().count() <= 140);
    let mut before_sentence = true;
    let mut previous: Option<&str> = None;
    let mut current = lines.next()?;
    loop {
        let next = lines.next();
        if current.ends_with(['.', '!', '?']) {
            before_sentence = false;
        } else if let Some(day) = month_day_line(current)
            && (before_sentence || previous.is_some_and(is_byline) || next.is_some_and(is_byline))
        {
            return Some((current, day));
        }
        previous = Some(current);
        current = next?;
    }
}

/// A byline on a line of its own: "By" and a capitalised name, short, not a sentence ("By
/// Lena Ortiz", "By a Staff Writer" reads "By" then the article: also one).
fn is_byline(line: &str) -> bool {
    line.len() <= 80
        && !line.ends_with(['.', '!', '?'])
        && line
            .strip_prefix("By ")
            .or_else(|| line.strip_prefix("BY "))
            .and_then(|rest| rest.split_whitespace().next())
            .is_some_and(|w| {
                w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "a" | "an" | "the" | "our")
            })
}

/// The year of a page's copyright line ("Copyright 2020 The Associated Press", "© 2021
/// Agency"), when the page names one year that way: the year the story ran. A range ("©
/// 2010-2024 Agency") gives its last year: the first is when the outlet began.
pub fn copyright_year(text: &str) -> Option<i32> {
    static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\bcopyright|©|\(c\))\s*(?:©\s*)?([0-9]{4})(?:\s*[-–—]\s*([0-9]{4}|[0-9]{2}))?\b")
            .expect("copyright year")
    });
    let mut years = COPYRIGHT
        .captures_iter(text)
        .filter_map(|c| {
            let first = c[1].parse::<i32>().ok()?;
            let Some(last) = c.get(2) else {
                return Some(first);
            };
            let last = last.as_str().parse::<i32>().ok()?;
            // "2010-24": the range's end in the first year's century.
            Some(match last < 100 {
                true => (first / 100 * 100 + last).max(first),
                false => last,
            })
        })
        .filter(|y| PLAUSIBLE_YEARS.contains(y));
    let year = years.next()?;
    years.all(|y| y == year).then_some(year)
}

/// The year of a dateline without one ("BAGHDAD, March 3 (Agency) -"), from a full date its
/// own paragraph gives in the month before the dateline's day ("on Friday, February 28,
/// 2003"): a lede tells of the last days. A bare year or an older date in the text is
/// background ("in 2003 the US invaded"), not the year the story was filed.
pub fn year_from_lede(paragraph: &str, month: u32, day: u32) -> Option<i32> {
    let mut years = DATE_IN_LINE
        .captures_iter(paragraph)
        .filter_map(|c| parse_date(&c[1]))
        .filter(|d| d.precision == DatePrecision::Day)
        .filter_map(|d| {
            let filed = NaiveDate::from_ymd_opt(d.date.year(), month, day)?;
            (0..=31)
                .contains(&(filed - d.date).num_days())
                .then_some(d.date.year())
        });
    let year = years.next()?;
    years.all(|y| y == year).then_some(year)
}

/// The year of a dateline without one, from the weekday its own paragraph names ("BAGHDAD,
/// May 3 (Agency) -- … were killed on Thursday when …"), when nothing on the page prints the
/// year: wire copy tells the dateline's day by its weekday, and a month and day fall on a given
/// weekday only once in five to eleven years. The years the page names are background from
/// before the story ("since 2017", "in late 2018"; not a plan's "until 2025"), so it ran no
/// earlier than the latest of them: the year is the first from there, up to `this_year`, in which the dateline's day is
/// that weekday. A paragraph naming two weekdays, or a page naming no year, gives nothing.
pub fn year_from_weekday(
    text: &str,
    lede: &str,
    month: u32,
    day: u32,
    this_year: i32,
) -> Option<i32> {
    use crate::extract::dates::{WEEKDAYS, weekday_from_name};
    static WEEKDAY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"\b(?i:({WEEKDAYS}))\b")).expect("weekday in lede"));
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:19|20)[0-9]{2}\b").expect("year in text"));
    let mut named = WEEKDAY
        .find_iter(lede)
        .map(|m| weekday_from_name(m.as_str()));
    let weekday = named.next()??;
    if !named.all(|w| w == Some(weekday)) {
        return None;
    }
    // A year after "until", "till" or "by" is a plan or a deadline ("in power until 2025",
    // "troops out by 2030"), not background from before the story.
    let ahead = |at: usize| {
        let word_before = text[..at]
            .trim_end()
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        ["until", "till", "by"]
            .iter()
            .any(|w| word_before.eq_ignore_ascii_case(w))
    };
    let latest = YEAR
        .find_iter(text)
        .filter(|m| !ahead(m.start()))
        .filter_map(|m| m.as_str().parse::<i32>().ok())
        .filter(|y| PLAUSIBLE_YEARS.contains(y) && *y <= this_year)
        .max()?;
    (latest..=this_year)
        .find(|&y| NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == weekday))
}

/// Labels that print a page's date, the publication labels first: a "Published" line beats a
/// "Last updated" one when a page has both.
/// Feeds and CMS exports name theirs as fields: "pubDate:" (RSS), "Date published:",
/// "Created:", "Filed:", "Date modified:"; each before any shorter label it starts with.
const DATE_LABELS: [(&str, DateLabel); 29] = [
    ("pubdate", DateLabel::Published),
    ("date of publication", DateLabel::Published),
    ("date of issue", DateLabel::Published),
    ("published date", DateLabel::Published),
    ("release date", DateLabel::Published),
    ("issue date", DateLabel::Published),
    ("pub date", DateLabel::Published),
    ("publish date", DateLabel::Published),
    ("date published", DateLabel::Published),
    ("datepublished", DateLabel::Published),
    ("date modified", DateLabel::Updated),
    ("datemodified", DateLabel::Updated),
    ("first published", DateLabel::Published),
    ("originally published", DateLabel::Published),
    ("first posted", DateLabel::Published),
    ("publication date", DateLabel::Published),
    ("last updated", DateLabel::Updated),
    ("last modified", DateLabel::Updated),
    // "Last update on: Tue Feb 16, 2021", as some South Asian sites print it.
    ("last update", DateLabel::Updated),
    ("modified", DateLabel::Updated),
    ("published", DateLabel::Published),
    ("written", DateLabel::Published),
    ("updated", DateLabel::Updated),
    ("posted", DateLabel::Published),
    ("dated", DateLabel::Published),
    ("released", DateLabel::Published),
    // "Issued on: 05/03/2022 - 14:22", as French outlets' English sites, press offices and UN
    // agencies print the first run.
    ("issued", DateLabel::Published),
    ("filed", DateLabel::Published),
    ("date", DateLabel::Published),
];

/// What a date label says the date is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DateLabel {
    Published,
    Updated,
}

/// Splits a date label off a line: "Posted: 29 December 2019" → (Published, "29 December 2019");
/// "Published on February 26, 2021" drops the "on" too. The label must be followed by a
/// separator, so "Posted troops …" is not a label; `None` when the line has no label.
pub fn split_date_label(line: &str) -> Option<(DateLabel, &str)> {
    let strip = |text: &'_ str, label: &str| -> Option<usize> {
        let head = text.get(..label.len())?;
        (head.eq_ignore_ascii_case(label) && text[label.len()..].starts_with([' ', ':', '\t']))
            .then_some(label.len())
    };
    let (len, kind) = DATE_LABELS
        .iter()
        .find_map(|(label, kind)| strip(line, label).map(|len| (len, *kind)))?;
    let rest = line[len..].trim_start_matches([' ', ':', '\t']);
    Some(match strip(rest, "on") {
        Some(on) => (kind, rest[on..].trim_start_matches([' ', ':', '\t'])),
        None => (kind, rest),
    })
}

/// The publication date printed on a labelled line anywhere in the text, for pages whose
/// header carries none: scraped pages often print "Published 5 May 2020" or "Published
/// 15/01/2020 09:12 GMT | Updated …" at the foot of the story, or "Posted Wednesday, Nov. 18,
/// 2020" after the lead. A "Published"/"Posted" line wins over an "Updated" one; only short
/// lines that open with the label count, so a sentence that mentions a date is never read.
pub fn labelled_date_in_text(text: &str) -> Option<PubDate> {
    let mut updated = None;
    for line in text.lines() {
        let line = line.trim();
        if line.len() > 160 {
            continue;
        }
        // The foot note "This article was first published on 3 May 2020." is the label's
        // sentence form.
        let line = about_this_story(line).unwrap_or(line);
        let Some((label, date)) = labelled_date_in_line(line) else {
            continue;
        };
        match label {
            DateLabel::Published => return Some(date),
            DateLabel::Updated => updated = updated.or(Some(date)),
        }
    }
    updated
}

/// The rest of a note about the story itself ("This article was first published on …", "The
/// story was originally posted on …", "This report has been updated on …"): from its
/// "published"/"posted"/"updated" on, so it reads as a labelled line.
fn about_this_story(line: &str) -> Option<&str> {
    let strip = |text: &'_ str, words: &[&str]| -> Option<usize> {
        words.iter().find_map(|w| {
            text.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
                .then_some(w.len())
        })
    };
    let mut rest = line;
    for words in [
        &["this ", "the "][..],
        &[
            "article ", "story ", "report ", "piece ", "post ", "version ",
        ],
        &["was ", "is ", "has been ", "had been "],
    ] {
        rest = &rest[strip(rest, words)?..];
    }
    Some(rest)
}

/// Separators between the parts of a byline: "Staff · Published Sunday, March 15, 2020",
/// "By Desk | Updated 9 May 2021".
const BYLINE_SEPARATORS: [&str; 6] = [" · ", " | ", " • ", " — ", " – ", " - "];

/// The labelled date of one line: the label opens the line ("Published 5 May 2020 | Desk"), or
/// opens a part of a byline after a separator ("Staff with agencies · Published Sunday, March
/// 15, 2020"). After a separator the date must follow the label at once (an optional weekday
/// aside), so a clause such as "— published reports say 3 May …" is never read.
fn labelled_date_in_line(line: &str) -> Option<(DateLabel, PubDate)> {
    let opening = split_date_label(line).and_then(|(label, rest)| {
        let date = parse_date(rest)
            .or_else(|| date_in_byline(rest))
            .or_else(|| numeric_date(rest))
            .or_else(|| labelled_short_year_date(rest))?;
        Some((label, date))
    });
    if matches!(opening, Some((DateLabel::Published, _))) {
        return opening;
    }
    // A record's fields on one line ("Section: World; Date: 16/02/2021; Page: 12") are set
    // apart by semicolons or slashes too.
    let separated = BYLINE_SEPARATORS
        .iter()
        .chain(&["; ", " / "])
        .flat_map(|sep| line.match_indices(sep).map(move |(at, _)| at + sep.len()));
    let mut parts = separated
        .chain(capitalised_labels_inside(line))
        .filter_map(|start| line.get(start..))
        .filter_map(|part| {
            let (label, rest) = split_date_label(part.trim_start())?;
            let date = parse_date(rest)
                .or_else(|| numeric_date(rest))
                .or_else(|| labelled_short_year_date(rest))?;
            Some((label, date))
        });
    // "Last updated 17 Feb 2021 | Published 16 Feb 2021": the first run dates the story.
    let first = parts.next();
    match first {
        Some((DateLabel::Published, _)) => first,
        _ => parts
            .find(|(label, _)| *label == DateLabel::Published)
            .or(opening)
            .or(first),
    }
}

/// Where a capitalised date label starts inside a metadata strip that a scrape flattened into
/// one line, with nothing but a space between its fields ("Format News Source UNHCR Posted 15
/// Mar 2022 Originally published 15 Mar 2022", "By Jane Doe Published March 5, 2022 Updated
/// March 6, 2022") or none at all after a time ("05/03/2022 - 14:22Modified: 05/03/2022").
/// A sentence writes these words in lower case and ends with a full stop, so a line that ends
/// like a sentence has none.
fn capitalised_labels_inside(line: &str) -> impl Iterator<Item = usize> + '_ {
    let sentence = line.trim_end().ends_with(['.', '!', '?', '"', '”']);
    let bytes = line.as_bytes();
    (1..bytes.len()).filter(move |&at| {
        !sentence
            && bytes[at].is_ascii_uppercase()
            && (bytes[at - 1] == b' ' || bytes[at - 1].is_ascii_digit())
            && split_date_label(&line[at..]).is_some()
    })
}

/// `text` up to a date label glued to it ("05/03/2022 - 14:22Modified: 05/03/2022 - 18:47"
/// → "05/03/2022 - 14:22"): a page copied from adjacent elements loses the space between a
/// time and the next field's label.
pub(crate) fn before_glued_label(text: &str) -> &str {
    let bytes = text.as_bytes();
    (1..bytes.len())
        .find(|&at| {
            bytes[at].is_ascii_uppercase()
                && bytes[at - 1].is_ascii_digit()
                && split_date_label(&text[at..]).is_some()
        })
        .map_or(text, |at| &text[..at])
}

/// A date as a record or metadata field holds it: any spelling `parse_date` reads, a numeric
/// day-month-year date whose order is plain ("24/01/2021"; "03/04/2021" gives None), a compact
/// ISO date ("20210124", "20210124T101500Z", "20210124101500" as GDELT writes it), the C and
/// Twitter time stamp ("Sun Jan 24 10:15:00 +0000 2021") or seconds or milliseconds since 1970
/// written as digits ("1611483300"). A field holds nothing but its date, so these bare digit
/// shapes are read here and never in running text.
pub fn parse_field_date(s: &str) -> Option<PubDate> {
    static COMPACT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-9]{4})([0-9]{2})([0-9]{2})(?:T?[0-9]{2}:?[0-9]{2}(?::?[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$")
            .expect("compact date")
    });
    // "Tue Feb 16 08:12:00 +0000 2021" (Twitter's created_at), "Tue Feb 16 08:12:00 2021" (C's
    // asctime): the year comes last, after the time.
    static YEAR_LAST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Za-z]{3},?\s+([A-Za-z]{3,9})\s+([0-9]{1,2})\s+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s+(?:[+-][0-9]{4}|[A-Z]{2,4}))?\s+([0-9]{4})$")
            .expect("year-last time stamp")
    });
    let s = s.trim();
    if let Some(date) = parse_date(s).or_else(|| numeric_date(s)) {
        return Some(date);
    }
    if let Some(c) = YEAR_LAST.captures(s) {
        return day_date(c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?);
    }
    if let Some(c) = COMPACT.captures(s) {
        let year: i32 = c[1].parse().ok()?;
        if !PLAUSIBLE_YEARS.contains(&year) {
            return None;
        }
        return day_date(year, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    // "1584000840" or "1584000840.0" (a float written out).
    let whole = s.split_once('.').map_or(s, |(whole, fraction)| {
        match fraction.bytes().all(|b| b.is_ascii_digit()) {
            true => whole,
            false => s,
        }
    });
    if whole.bytes().all(|b| b.is_ascii_digit()) && matches!(whole.len(), 10 | 13) {
        return epoch_date(whole.parse().ok()?);
    }
    None
}

/// The years a news page's own date may fall in: bare digit shapes (a compact date, epoch
/// seconds, a year in a URL) are read as dates only inside them, so an id or a count is not.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1990..=2035;

/// Seconds or milliseconds since 1970-01-01 UTC, as APIs and dumps store a time stamp
/// (`1584000840`, `1584000840000`), when the day falls in 1990–2035; the day is the UTC one.
pub fn epoch_date(n: i64) -> Option<PubDate> {
    const FIRST: i64 = 631_152_000; // 1990-01-01
    const END: i64 = 2_082_758_400; // 2036-01-01
    let secs = if (FIRST..END).contains(&n) {
        n
    } else if (FIRST * 1000..END * 1000).contains(&n) {
        n / 1000
    } else {
        return None;
    };
    Some(PubDate {
        date: chrono::DateTime::from_timestamp(secs, 0)?.date_naive(),
        precision: DatePrecision::Day,
    })
}

/// The date of a line printed right under a title, alone or among the parts of a standfirst
/// line: "**June 2021** · Long read · Security" (month), "15 June 2021 · Analysis" (day),
/// "By Desk | 9 May 2021 | 3 min read". A part must be a date and nothing else, at day or month
/// precision (a bare year is a topic as often as a date), or the whole line a byline.
pub fn date_in_standfirst(line: &str) -> Option<PubDate> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 120 {
        return None;
    }
    let mut parts = vec![line];
    for sep in BYLINE_SEPARATORS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    if parts.len() > 1 || line.split_whitespace().count() <= 4 {
        let whole_date = parts.iter().find_map(|part| {
            let part = part.trim();
            let date = parse_date(part).filter(|d| d.precision != DatePrecision::Year)?;
            // parse_date reads a date at the start of a longer text; a part here must be only
            // the date ("June 2021", "Sunday, 15 June 2021", "2021-06-15").
            (part.split_whitespace().count() <= 4).then_some(date)
        });
        if whole_date.is_some() {
            return whole_date;
        }
    }
    date_in_byline(line)
}

/// The date of a byline or date line among the page furniture above a story: a saved page can
/// open with a cookie notice, a menu and a section path before its headline and its "Aug. 30,
/// 2021 | Updated 7:41 a.m. ET" line, too far down for a header. The lines before the second
/// paragraph of prose (a long line that ends a sentence; a cookie notice can be the first) are
/// read, a short line at a time, as a standfirst: a date alone or among byline parts.
pub fn date_in_header_zone(text: &str) -> Option<PubDate> {
    let mut prose = 0;
    for line in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(40)
    {
        let chars = line.chars().count();
        if chars >= 150 && line.ends_with(['.', '!', '?', '"', '\u{201D}']) {
            prose += 1;
            if prose >= 2 {
                break;
            }
            continue;
        }
        // A short line that ends a sentence ("March 3, 2019 - a drone hit the depot.", a
        // timeline entry, a bulletin's one-line paragraph) is the story's, not furniture.
        let sentence = line.ends_with(['.', '!', '?']) && line.split_whitespace().nth(5).is_some();
        if chars <= 120
            && !sentence
            && let Some(date) = date_in_standfirst(line)
        {
            return Some(date);
        }
    }
    None
}

/// The date a story prints at its foot, alone or before the credit line: "January 31, 2023 |
/// Reporting by …", "November 29, 2022. Associated Press writer … contributed." Only a line
/// among the last three that opens with a full date (its weekday may come first: "Tuesday, 9
/// March 2021", a footer's date stamp) and holds nothing else, or a '|' or a
/// credit after it, counts. A date followed by a sentence ("March 11, 2020 - Rockets kill
/// two …", "March 4, 2022 was …") is the story's, and two or more such lines at the foot are
/// a timeline, whose dates are the events', so then no date is taken.
pub fn date_at_foot(text: &str) -> Option<PubDate> {
    // A date stamp may print the weekday first: "Tuesday, 16 February 2021".
    static OPENS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^(?:[A-Z][a-z]+day,?\s+)?{FULL_DATE}\b")).expect("foot date")
    });
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:reporting|editing|writing|compiled|produced)\s+by\b|\bcontributed\b")
            .expect("credit line")
    });
    // What may follow the date on a dateline-style foot: a time of day with an optional zone
    // ("08:15 GMT", "9.30am") or a bracketed outlet ("(Reuters)"); nothing after either, so a
    // date that opens a sentence or a timeline entry stays no publication date.
    static TIME_OR_OUTLET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:(?:at\s+)?(?:[0-9]{1,2}[:.][0-9]{2}(?:\s*[aApP]\.?[mM]\.?)?|[0-9]{1,2}\s*[aApP]\.?[mM]\.?)(?:\s+(?:GMT|UTC|[A-Z]{2,4})(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?)?|\([A-Z][\w .&'-]{0,40}\))\.?$",
        )
        .expect("foot time or outlet")
    });
    let last: Vec<&str> = text
        .lines()
        .rev()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .collect();
    let dated: Vec<(&str, regex::Captures)> = last
        .iter()
        .filter(|l| year_digits_within(l, l.len()))
        .filter_map(|l| OPENS.captures(l).map(|c| (*l, c)))
        .collect();
    // "Damascus, 31 December 2020": a sign-off of the place and the date the story was filed,
    // as regional outlets print it under the last paragraph.
    let signoffs: Vec<PubDate> = last
        .iter()
        .filter(|l| year_digits_within(l, l.len()) && !OPENS.is_match(l))
        .filter_map(|l| place_signoff(l))
        .collect();
    if dated.len() + signoffs.len() >= 2 {
        return None;
    }
    if let Some(&date) = signoffs.first() {
        return Some(date);
    }
    let (line, caps) = dated.into_iter().next()?;
    let rest = line[caps.get(0)?.end()..].trim_start_matches([' ', '.', ',', ';']);
    let foot = rest.is_empty()
        || rest.starts_with('|')
        || TIME_OR_OUTLET.is_match(rest)
        || (line.len() <= 200 && CREDIT.is_match(rest));
    if foot { parse_date(&caps[1]) } else { None }
}

/// The date of a short line that is nothing but places and a full date after their comma
/// ("Damascus, 31 December 2020", "Kano / Abuja, 9 May 2017").
fn place_signoff(line: &str) -> Option<PubDate> {
    if line.len() > 80 {
        return None;
    }
    let latin = latin_commas(line);
    let line = latin.as_ref();
    let found = DATE_IN_LINE.captures(line)?;
    let whole = found.get(0)?;
    is_place_dateline(&line[..whole.start()], &line[whole.end()..])
        .then(|| parse_date(&found[1]))
        .flatten()
}

/// A numeric day-month-year date opening a labelled line: "15/01/2020", "15.01.2020 09:12",
/// "15-01-2020". With slashes or dashes, day and month are told apart only when one of them is over 12 ("15/01" is day
/// first, "01/15" month first, the US order) or both are the same ("03/03"); "03/04/2020" could
/// be either, so it gives nothing rather than a date that may be a month off (see
/// `numeric_readings`, which lets another date on the page choose). With dots the order is
/// always day first: "12.03.2020" is the European way of writing; US pages use slashes.
pub(crate) fn numeric_date(text: &str) -> Option<PubDate> {
    let (a, b, year, dotted) = numeric_parts(text)?;
    match (a > 12, b > 12) {
        (true, false) => day_date(year, b, a),
        (false, true) => day_date(year, a, b),
        (false, false) if dotted || a == b => day_date(year, b, a),
        _ => None,
    }
}

/// The two numbers and the year of a numeric date opening `text`, and whether it is written
/// with dots.
fn numeric_parts(text: &str) -> Option<(u32, u32, i32, bool)> {
    static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^([0-9]{1,2})([/.\-])([0-9]{1,2})([/.\-])([0-9]{4})\b").expect("numeric date")
    });
    let c = NUMERIC.captures(text.trim())?;
    // "08-04-2022" is a date (read like a slashed one: its order is not settled by the dashes);
    // "08-04.2022" is not one.
    if (&c[2] == "-" || &c[4] == "-") && c[2] != c[4] {
        return None;
    }
    Some((
        c[1].parse().ok()?,
        c[3].parse().ok()?,
        c[5].parse().ok()?,
        &c[2] == ".",
    ))
}

/// Both readings of a slashed numeric date whose order cannot be told ("12/05/2020": 12 May,
/// day first, or 5 December, the US order), day-first reading first; `None` when the date is
/// not ambiguous or not a date. The caller picks one only when another date on the page (a
/// dateline's "May 12") agrees with it.
pub(crate) fn numeric_readings(text: &str) -> Option<(PubDate, PubDate)> {
    let (a, b, year, dotted) = numeric_parts(text)?;
    if dotted || a == b || a > 12 || b > 12 {
        return None;
    }
    Some((day_date(year, b, a)?, day_date(year, a, b)?))
}

/// The dotted dates of a text whose day and month could be swapped ("03.04.2021": 3 April as
/// Europe writes it, 4 March to a US desk), each with its day-first reading, as the readers
/// take them. A few at most: they are looked up per article.
pub(crate) fn ambiguous_dotted_dates(text: &str) -> Vec<(NaiveDate, String)> {
    static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([0-9]{1,2})\.([0-9]{1,2})\.([0-9]{4})\b").expect("dotted date")
    });
    let mut out: Vec<(NaiveDate, String)> = Vec::new();
    for c in DOTTED.captures_iter(text) {
        let (Ok(day), Ok(month), Ok(year)) = (c[1].parse(), c[2].parse(), c[3].parse()) else {
            continue;
        };
        if day == month || day > 12 || month > 12 {
            continue;
        }
        if let Some(d) = day_date(year, month, day)
            && !out.iter().any(|(seen, _)| *seen == d.date)
        {
            out.push((d.date, c[0].to_owned()));
            if out.len() >= 16 {
                break;
            }
        }
    }
    out
}

/// A date the text writes in words: "March 11", "Wednesday, 11 March 2020", "Mar. 11, 2020".
struct WrittenDate {
    weekday: Option<chrono::Weekday>,
    month: u32,
    day: u32,
    year: Option<i32>,
    /// Written month before day ("March 11"), the US order.
    month_first: bool,
}

/// The dates a text writes in words, a few dozen at most.
fn written_dates(text: &str) -> Vec<WrittenDate> {
    use crate::extract::dates::{MONTH_NAMES, WEEKDAYS};
    static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?:(?i:({WEEKDAYS})),?\s+)?(?:(?:the\s+)?([0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_NAMES})\b\.?|({MONTH_NAMES})\b\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\b)(?:,?\s+([0-9]{{4}})\b)?"
        ))
        .expect("written date")
    });
    WRITTEN
        .captures_iter(text)
        .take(64)
        .filter_map(|c| {
            let (month, day, month_first) = match (c.get(3), c.get(4)) {
                (Some(m), _) => (m.as_str(), &c[2], false),
                (None, Some(m)) => (m.as_str(), &c[5], true),
                _ => return None,
            };
            let day: u32 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
            Some(WrittenDate {
                weekday: c.get(1).and_then(|w| w.as_str().parse().ok()),
                month: month_number(month)?,
                day,
                year: c.get(6).and_then(|y| y.as_str().parse().ok()),
                month_first,
            })
        })
        .collect()
}

/// How many days before its publication a page's reported days usually fall: a report, a
/// follow-up, a weekly review.
const REPORTED_DAYS_BEFORE: i64 = 45;

/// How well a publication date `published` fits the days the text reports: a page is published
/// on or shortly after the days it reports, so each written date from a day after
/// `published` to `REPORTED_DAYS_BEFORE` days before it counts (one without a year is read in
/// the latest year that puts it on or before `published`, and a weekday printed with it must be
/// that day's: a date with its right weekday counts twice). Background dates (years back) and
/// announced ones (weeks ahead) fit no reading and count for none.
fn fit_of_reported_days(dates: &[WrittenDate], published: NaiveDate) -> u32 {
    let latest = published + chrono::Duration::days(1);
    let earliest = published - chrono::Duration::days(REPORTED_DAYS_BEFORE);
    dates
        .iter()
        .filter_map(|w| {
            let date = match w.year {
                Some(y) => NaiveDate::from_ymd_opt(y, w.month, w.day)?,
                None => [published.year(), published.year() - 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, w.month, w.day))
                    .find(|d| *d <= latest)?,
            };
            if date < earliest || date > latest {
                return None;
            }
            match w.weekday {
                Some(wd) if wd == date.weekday() => Some(2),
                Some(_) => None,
                None => Some(1),
            }
        })
        .sum()
}

/// Which reading of a slashed page date that could be day or month first ("03/12/2020": 3
/// December, or 12 March in the US order) the page's own text supports, and why. In order:
/// 1. the days the text reports: the reading on or shortly after more of its written dates
///    ("on Wednesday, March 11" makes 03/12/2020 12 March: a page is not published before
///    the events it reports, nor months after them), a weekday printed with a date checked;
/// 2. the weekdays the text names: a page tells of its own day and the day before ("said
///    Wednesday", "late Tuesday"), so the reading that falls on a weekday the text names, and
///    whose eve does too, is the page's. When each reading has one of the two named (a lone
///    "on Tuesday" is the page's own day in one reading and its eve in the other: a US desk
///    writes of the day it publishes, a British one the next morning of the day before), the
///    desk's habits decide if they show: its weekdays the US way (see 4.) or its spelling the
///    British way ("the defence ministry", "ten kilometres"), which the desks that print a day
///    first share;
/// 3. the order the text writes its dates in ("March 11" is month first, the US order;
///    "11 March" day first): a page keeps one convention;
/// 4. the US newsroom habit of a weekday straight after the verb ("were killed Wednesday",
///    "officials said Tuesday", where British and most other English writes "on Wednesday"):
///    the US order;
/// 5. otherwise month first, the US order, as a default the caller warns about: a numeric
///    slashed date is the common way US sites print a story's date, while British and
///    Commonwealth sites mostly spell the month out.
///
/// `readings` is (day first, month first), as `numeric_readings` returns them. The last element
/// says whether the page settled it (false: the default).
pub(crate) fn reading_the_page_supports(
    body: &str,
    readings: (PubDate, PubDate),
) -> (PubDate, &'static str, bool) {
    let (day_first, month_first) = readings;
    let dates = written_dates(body);
    let by_day_first = fit_of_reported_days(&dates, day_first.date);
    let by_month_first = fit_of_reported_days(&dates, month_first.date);
    if by_day_first != by_month_first {
        let date = if by_day_first > by_month_first {
            day_first
        } else {
            month_first
        };
        return (
            date,
            "the days the text reports fall shortly before that day",
            true,
        );
    }
    // A page tells of its own day and the day before by weekday ("the UN said Wednesday",
    // "the raid late Tuesday"): the reading whose weekday (twice) and eve the text names.
    let by_weekday = |d: NaiveDate| {
        let named = weekdays_named(body);
        let day_before = d.pred_opt().map(|e| e.weekday());
        2 * u32::from(named.contains(&d.weekday()))
            + u32::from(day_before.is_some_and(|e| named.contains(&e)))
    };
    let (day_first_days, month_first_days) =
        (by_weekday(day_first.date), by_weekday(month_first.date));
    if day_first_days != month_first_days {
        let each_has_one = |days: u32| (1..=2).contains(&days);
        if each_has_one(day_first_days) && each_has_one(month_first_days) {
            if us_weekday_without_on(body) {
                return (
                    month_first,
                    "the text names one weekday, that day's or the day before's, and writes weekdays the US way (\"said Tuesday\", no \"on\")",
                    true,
                );
            }
            if british_spelling(body) {
                return (
                    day_first,
                    "the text names one weekday, that day's or the day before's, and spells the British way (\"defence\", \"kilometres\")",
                    true,
                );
            }
        }
        let date = if day_first_days > month_first_days {
            day_first
        } else {
            month_first
        };
        return (
            date,
            "the weekdays the text names are that day's and the day before's",
            true,
        );
    }
    let written_month_first = dates.iter().filter(|w| w.month_first).count();
    let written_day_first = dates.len() - written_month_first;
    if written_month_first != written_day_first {
        return if written_month_first > written_day_first {
            (
                month_first,
                "the text writes its dates month first (\"March 11\")",
                true,
            )
        } else {
            (
                day_first,
                "the text writes its dates day first (\"11 March\")",
                true,
            )
        };
    }
    if us_weekday_without_on(body) {
        return (
            month_first,
            "the text writes weekdays the US way (\"said Tuesday\", no \"on\")",
            true,
        );
    }
    (
        month_first,
        "nothing on the page tells which: month first, the US order, by default",
        false,
    )
}

/// The weekdays a text names ("on Tuesday", "said Wednesday"), capitalised as in running text.
fn weekdays_named(body: &str) -> Vec<chrono::Weekday> {
    use chrono::Weekday::*;
    [Mon, Tue, Wed, Thu, Fri, Sat, Sun]
        .into_iter()
        .filter(|wd| {
            let name = match wd {
                Mon => "Monday",
                Tue => "Tuesday",
                Wed => "Wednesday",
                Thu => "Thursday",
                Fri => "Friday",
                Sat => "Saturday",
                Sun => "Sunday",
            };
            body.contains(name)
        })
        .collect()
}

/// A weekday straight after a past-tense verb ("were killed Wednesday evening", "officials
/// said Tuesday"): the US newsroom style; British English writes "on Wednesday". A possessive
/// ("reported Wednesday's attack") is not one.
pub(crate) fn us_weekday_without_on(body: &str) -> bool {
    use crate::extract::dates::WEEKDAYS;
    static BARE_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"\b(?:said|told|[a-z]{{2,}}ed)\s+(?:(?:late|early)\s+)?(?:{})\b(?:[^'’]|$)",
            WEEKDAYS
                .split('|')
                .map(|w| {
                    let mut c = w.chars();
                    c.next()
                        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("|")
        ))
        .expect("bare weekday")
    });
    BARE_WEEKDAY.is_match(body)
}

/// Words British and Commonwealth English spells otherwise than US English, (British, US), as
/// the start of a lower-case word ("defence ministry", "kilometres", "neighbouring").
/// Capitalised names keep their own spelling whatever the desk ("Israel Defense Forces",
/// "Ministry of Defence", "World Trade Center"), so only lower case counts.
const BRITISH_AND_US_SPELLINGS: [(&str, &str); 14] = [
    ("defence", "defense"),
    ("offence", "offense"),
    ("kilometre", "kilometer"),
    ("metre", "meter"),
    ("centre", "center"),
    ("calibre", "caliber"),
    ("manoeuvre", "maneuver"),
    ("neighbour", "neighbor"),
    ("armoured", "armored"),
    ("honour", "honor"),
    ("favour", "favor"),
    ("rumour", "rumor"),
    ("labour", "labor"),
    ("travelled", "traveled"),
];

/// True when the text spells more words the British way than the US way
/// (`BRITISH_AND_US_SPELLINGS`).
pub(crate) fn british_spelling(body: &str) -> bool {
    let count = |stem: &str| {
        body.match_indices(stem)
            .filter(|(at, _)| {
                !body[..*at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
            .count()
    };
    let (british, us) = BRITISH_AND_US_SPELLINGS
        .iter()
        .fold((0, 0), |(b, u), (british, us)| {
            (b + count(british), u + count(us))
        });
    british > us
}

fn day_date(year: i32, month: u32, day: u32) -> Option<PubDate> {
    if !(1800..=2200).contains(&year) {
        return None;
    }
    Some(PubDate {
        date: NaiveDate::from_ymd_opt(year, month, day)?,
        precision: DatePrecision::Day,
    })
}

/// `2021-03-03_ain_al_asad.txt` → 2021-03-03; `2019-12_analysis.txt` → 2019-12 (month). Used only
/// when the file itself carries no date. See `date_in_path` for the shapes read.
pub fn date_from_file_name(name: &str) -> Option<PubDate> {
    date_in_path(name)
}

/// The date a URL's path gives (`https://site/world/2020/03/12/rockets-hit.html`), as news
/// sites file their stories by day. The host and the query are not read.
pub fn date_from_url(url: &str) -> Option<PubDate> {
    // An archive's copy ("https://web.archive.org/web/20210217101500/https://site/2021/02/16/…"):
    // the archived page's own address dates the story; the capture time is no publication
    // date (see `archive_capture_date`).
    if let Some((_, original)) = archived_url(url) {
        return date_from_url(original);
    }
    let no_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = match url.contains("://") {
        true => no_scheme.find('/').map_or("", |at| &no_scheme[at..]),
        false => no_scheme,
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    date_in_path(path)
}

/// The capture time stamp and the archived address of a Wayback Machine URL:
/// "https://web.archive.org/web/20210217101500/https://site/story" → ("20210217101500",
/// "https://site/story"); a flag after the stamp ("20210217101500id_") is allowed.
fn archived_url(url: &str) -> Option<(&str, &str)> {
    let at = url.find("archive.org/web/")?;
    let rest = &url[at + "archive.org/web/".len()..];
    let (stamp, original) = rest.split_once('/')?;
    let digits = stamp.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '_');
    (digits.len() >= 8 && digits.bytes().all(|b| b.is_ascii_digit()) && !original.is_empty())
        .then_some((digits, original))
}

/// The day an archive captured a page (the time stamp of a Wayback Machine URL): the page
/// existed then, so it ran on that day or before; a weak date, like a fetch time.
pub fn archive_capture_date(url: &str) -> Option<PubDate> {
    let (stamp, _) = archived_url(url)?;
    parse_field_date(stamp.get(..8)?)
}

/// A date written as one token of a file name or URL path, year first: `2020-03-12`,
/// `2020_03_12`, `2020/03/12`, `20200312` (day precision), `2020-03`, `2020/03/` (month); or
/// day first `12-03-2020`, `12032020`, read like a numeric date (only when the order is plain:
/// `13032020` is 13 March, `12032020` nothing). The token must stand between non-digits and
/// its year in 1990–2035, so ids and counts are not read as dates.
pub fn date_in_path(path: &str) -> Option<PubDate> {
    static YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[^0-9])([0-9]{4})(?:([-_/.])([0-9]{1,2})[-_/.]([0-9]{1,2})|([0-9]{2})([0-9]{2}))(?:[^0-9]|$)",
        )
        .expect("year-first path date")
    });
    static YEAR_MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])([0-9]{4})[-_/]([0-9]{2})(?:[-_/.]|$)")
            .expect("year-month path date")
    });
    static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])([0-9]{2})[-_.]?([0-9]{2})[-_.]?([0-9]{4})(?:[^0-9]|$)")
            .expect("day-first path date")
    });
    let plausible = |y: &str| {
        y.parse::<i32>()
            .ok()
            .filter(|y| PLAUSIBLE_YEARS.contains(y))
    };
    for c in YEAR_FIRST.captures_iter(path) {
        let Some(year) = plausible(&c[1]) else {
            continue;
        };
        let (m, d) = match c.get(2) {
            Some(_) => (&c[3], &c[4]),
            None => (&c[5], &c[6]),
        };
        if let Some(date) = day_date(year, m.parse().ok()?, d.parse().ok()?) {
            return Some(date);
        }
    }
    for c in YEAR_MONTH.captures_iter(path) {
        if let Some(year) = plausible(&c[1])
            && let Some(first) = NaiveDate::from_ymd_opt(year, c[2].parse().ok()?, 1)
        {
            return Some(PubDate {
                date: first,
                precision: DatePrecision::Month,
            });
        }
    }
    DAY_FIRST.captures_iter(path).find_map(|c| {
        plausible(&c[3])?;
        numeric_date(&format!("{}/{}/{}", &c[1], &c[2], &c[3]))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn one_weekday_named_either_way_is_read_by_the_desks_habits() {
        let read = |body: &str| {
            let both = numeric_readings("12/08/2020").expect("ambiguous");
            reading_the_page_supports(body, both).0.to_schema_string()
        };
        // 12 August 2020 is a Wednesday, 8 December 2020 a Tuesday: "Tuesday" is the eve of one
        // reading and the day of the other.
        let british = "ERBIL - A drone strike killed two officers on Tuesday near the border, officials said.\n\nThe defence ministry did not comment on the raid, ten kilometres from the town.";
        assert_eq!(read(british), "2020-08-12");
        let us = "ERBIL - Two officers were killed Tuesday in a drone strike near the border, officials said.\n\nThe defense ministry did not comment on the raid, ten kilometres from the town.";
        assert_eq!(read(us), "2020-12-08");
        // A British name in a US story ("Britain's Ministry of Defence") is no British desk.
        let names = "ERBIL - A drone strike killed two officers on Tuesday, officials said.\n\nBritain's Ministry of Defence and the Israel Defense Forces did not comment.";
        assert!(!british_spelling(names));
        assert_eq!(read(names), "2020-12-08");
        // Both the day and its eve named for one reading: the weekdays decide, whatever the
        // spelling.
        let both_days = "The strike late Monday was condemned on Tuesday by the defence ministry.";
        assert_eq!(read(both_days), "2020-12-08");
    }

    #[test]
    fn a_labelled_date_with_a_two_digit_year_is_read_when_its_order_is_plain() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        let page = |line: &str| {
            format!(
                "WORLD\nRockets hit the base\n\n{line}\n\nBAGHDAD - Three rockets struck the base on Sunday, officials said.\n"
            )
        };
        assert_eq!(
            day(&page("Last updated: 3/15/21")).as_deref(),
            Some("2021-03-15")
        );
        assert_eq!(
            day(&page("Posted 21.03.21 08:40")).as_deref(),
            Some("2021-03-21")
        );
        assert_eq!(
            day(&page("By Staff | Published 11/28/20 | Desk")).as_deref(),
            Some("2020-11-28")
        );
        // Either order fits, or the year is no news page's: not read.
        assert_eq!(day(&page("Last updated: 3/5/21")), None);
        assert_eq!(day(&page("Updated: 12/14/75")), None);
        // A number in a sentence is no labelled date.
        assert_eq!(
            day(
                "Rockets hit the base\n\nThe list, updated 3/15/21 by the ministry, names ten sites.\n"
            ),
            None
        );
    }

    use super::*;

    #[test]
    fn a_comma_before_the_year_may_lack_its_space() {
        let day = |s: &str| parse_date(s).map(|d| d.date.to_string());
        assert_eq!(day("14 March,2021").as_deref(), Some("2021-03-14"));
        assert_eq!(day("March 14,2021").as_deref(), Some("2021-03-14"));
        assert_eq!(
            date_in_byline("Staff reporter | 2 June,2019").map(|d| d.date.to_string()),
            Some("2019-06-02".to_string())
        );
    }

    #[test]
    fn reported_days_fit_a_publication_shortly_after_them_and_with_their_weekday() {
        let fit = |text: &str, published: &str| {
            fit_of_reported_days(&written_dates(text), published.parse().unwrap())
        };
        assert_eq!(fit("Rockets hit on Wednesday, March 11.", "2020-03-12"), 2);
        assert_eq!(fit("Rockets hit on March 11.", "2020-03-12"), 1);
        // 11 March 2020 was a Wednesday, not a Tuesday.
        assert_eq!(fit("Rockets hit on Tuesday, March 11.", "2020-03-12"), 0);
        // After the publication, or months before it: no fit.
        assert_eq!(fit("Rockets hit on March 11.", "2020-12-03"), 0);
        assert_eq!(fit("Talks are due on 20 December 2020.", "2020-12-03"), 0);
        // A day without a year late in December, read against a January page: the year before.
        assert_eq!(
            fit("Rockets hit on Thursday, 31 December.", "2021-01-02"),
            2
        );
    }

    #[test]
    fn the_month_of_a_periodical_s_masthead() {
        let month = |line: &str| date_in_byline(line).map(|d| (d.to_schema_string(), d.precision));
        for line in [
            "GULF SECURITY MONTHLY — June 2021 issue",
            "Gulf Digest | June 2021",
            "Issue 14, June 2021",
            "Gulf Newsletter (June 2021 edition)",
        ] {
            assert_eq!(
                month(line),
                Some(("2021-06".to_owned(), DatePrecision::Month)),
                "{line}"
            );
        }
        // A headline about a month's events is not an issue's date.
        assert_eq!(month("How the June 2021 raids changed the war"), None);
        assert_eq!(month("Raids of June 2021 — what we know"), None);
    }

    #[test]
    fn the_date_fields_of_feeds_and_cms_exports() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        for text in [
            "Rockets hit a depot\npubDate: Wed, 03 Mar 2021 14:20:00 +0000\n\nText.",
            "Rockets hit a depot\nDate published: 2021-03-03\n\nText.",
            "Rockets hit a depot\nFiled: March 3, 2021\n\nText.",
        ] {
            assert_eq!(day(text).as_deref(), Some("2021-03-03"), "{text}");
        }
        // A modified field loses to the published one; a category line is no date.
        assert_eq!(
            day("Date modified: 2021-03-09\nDate published: 2021-03-03\n\nText.").as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(day("Filed under: Iraq, Syria\n\nText."), None);
    }

    fn show(s: &str) -> Option<String> {
        parse_date(s).map(|d| format!("{} {}", d.to_schema_string(), d.precision.as_str()))
    }

    #[test]
    fn the_usual_date_spellings() {
        assert_eq!(show("2019-12-30").as_deref(), Some("2019-12-30 day"));
        assert_eq!(
            show("2021-02-26T10:00:00Z").as_deref(),
            Some("2021-02-26 day")
        );
        assert_eq!(show("2019-12").as_deref(), Some("2019-12 month"));
        assert_eq!(show("2020").as_deref(), Some("2020 year"));
        assert_eq!(show("February 26, 2021").as_deref(), Some("2021-02-26 day"));
        assert_eq!(show("Feb 26, 2021").as_deref(), Some("2021-02-26 day"));
        assert_eq!(
            show("Friday, February 26, 2021").as_deref(),
            Some("2021-02-26 day")
        );
        assert_eq!(show("26 February 2021").as_deref(), Some("2021-02-26 day"));
        assert_eq!(
            show("Fri, 26 Feb 2021 10:00:00 +0000").as_deref(),
            Some("2021-02-26 day")
        );
        assert_eq!(show("Sept. 3, 2020").as_deref(), Some("2020-09-03 day"));
        assert_eq!(show("December 2019").as_deref(), Some("2019-12 month"));
        assert_eq!(show("2021-02-30"), None);
        assert_eq!(show("Daniel Fowler"), None);
        assert_eq!(show("Mayhem 3, 2020"), None);
    }

    #[test]
    fn arabic_commas_brackets_and_breadcrumbs_around_a_page_date() {
        let day = |d: Option<PubDate>| d.map(|d| d.to_schema_string());
        // The Arabic comma of an Arabic template's English edition.
        assert_eq!(
            day(parse_date("31 December\u{060C} 2020")).as_deref(),
            Some("2020-12-31")
        );
        assert_eq!(
            day(date_in_byline("Levant Wire | 4 March\u{060C} 2019 | 10:05")).as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            day(date_in_byline("Harbour Daily | March 4\u{FF0C}2019")).as_deref(),
            Some("2019-03-04")
        );
        assert_eq!(
            day(date_in_dateline(
                "ALEPPO, 4 March\u{060C} 2019 (Levant Wire) - Shells hit a market."
            ))
            .as_deref(),
            Some("2019-03-04")
        );
        // A time stamp with its update in brackets; a breadcrumb ending in the date.
        for line in [
            "Monday 4 March 2019 10:05 AM  [ Last Update: Monday 4 March 2019 11:40 AM ]",
            "Mon Mar 4, 2019 10:05AM [Updated: Mon Mar 4, 2019 11:40AM]",
            "Home » Middle East » 4 March 2019",
            "News › Region › March 4, 2019",
        ] {
            assert_eq!(
                day(date_in_byline(line)).as_deref(),
                Some("2019-03-04"),
                "{line}"
            );
        }
        // A sentence that mentions a date in brackets or after an arrow is still no byline.
        assert_eq!(
            date_in_byline("Shells hit the market [on 4 March 2019] killing two"),
            None
        );
        assert_eq!(
            date_in_byline(
                "Rockets hit the market on 4 March 2019 and the militia said it had fired them"
            ),
            None
        );
    }

    #[test]
    fn a_place_and_date_sign_off_at_the_foot() {
        let foot = |t: &str| date_at_foot(t).map(|d| d.to_schema_string());
        let story =
            "Shells hit a market in Aleppo on Monday, killing two.\n\nThe army blamed rebels.";
        for signoff in [
            "Damascus, 4 March 2019",
            "Aleppo / Idlib, March 4, 2019",
            "Damascus, 4 March\u{060C} 2019",
        ] {
            let text = format!("{story}\n\n{signoff}\n\nTags: Syria | Aleppo");
            assert_eq!(foot(&text).as_deref(), Some("2019-03-04"), "{signoff}");
        }
        // A body sentence with a place and a date is the story's, not the page's date.
        for last in [
            "Shells hit Aleppo, 4 March 2019, the army said.",
            "The army said shells hit Aleppo, 4 March 2019",
            "On 4 March 2019 shells hit Aleppo again",
        ] {
            assert_eq!(foot(&format!("{story}\n\n{last}")), None, "{last}");
        }
        // Two dated lines at the foot are a timeline's.
        assert_eq!(
            foot(&format!(
                "{story}\n\nDamascus, 4 March 2019\n\nAleppo, 5 March 2019"
            )),
            None
        );
    }

    #[test]
    fn short_year_date_read_when_its_weekday_settles_it() {
        let day = |line: &str| date_in_byline(line).map(|d| d.to_schema_string());
        // 11 February 2021 was a Thursday (2 November 2021, the US reading, a Tuesday).
        assert_eq!(
            day("Thursday 11.02.21 - World - Asia").as_deref(),
            Some("2021-02-11")
        );
        // 5 March 2021 was a Friday; 3 May 2021 a Monday.
        assert_eq!(day("Fri 5/3/21 | Gulf Desk").as_deref(), Some("2021-03-05"));
        // No reading falls on a Monday; no weekday at all: not read.
        assert_eq!(day("Monday 11.02.21 - World - Asia"), None);
        assert_eq!(day("Release 11.02.21 - notes"), None);
    }

    #[test]
    fn dates_in_bylines_and_datelines() {
        let day = |d: Option<PubDate>| d.map(|d| d.to_schema_string());
        assert_eq!(
            day(date_in_byline("Posted by World Desk | Tuesday 7 May 2019")).as_deref(),
            Some("2019-05-07")
        );
        assert_eq!(
            day(date_in_byline(
                "HAMA, Syria (Valley Courier) — March 2, 2018"
            ))
            .as_deref(),
            Some("2018-03-02")
        );
        assert_eq!(
            day(date_in_byline("Northern Ledger | 9 October 2017 | Kano")).as_deref(),
            Some("2017-10-09")
        );
        assert_eq!(
            day(date_in_byline("Posted 2016-04-30 | Desk")).as_deref(),
            Some("2016-04-30")
        );
        // A numeric date between separators, day first when the day is over 12; an
        // ambiguous one ("04/03/2017") gives nothing.
        assert_eq!(
            day(date_in_byline("Lakeside Herald | 23/03/2017 | 08:45")).as_deref(),
            Some("2017-03-23")
        );
        assert_eq!(date_in_byline("Lakeside Herald | 04/03/2017 | 08:45"), None);
        // A time of day and a weekday are part of the date, not other words.
        assert_eq!(
            day(date_in_byline("9:30 a.m. EDT, Mon Aug 16, 2021")).as_deref(),
            Some("2021-08-16")
        );
        assert_eq!(
            date_in_byline("Drones flew over the base at 9:30 on Aug 16, 2021 again"),
            None
        );
        // A colon after the city, and a weekday before the date.
        assert_eq!(
            day(date_in_dateline(
                "KARACHI: Monday, March 4, 2024 — Gunmen attacked a convoy."
            ))
            .as_deref(),
            Some("2024-03-04")
        );
        // A dateline filed from two cities.
        assert_eq!(
            day(date_in_byline("Port Lindel / Marrow Bay, 14 August 2016")).as_deref(),
            Some("2016-08-14")
        );
        assert_eq!(
            date_in_byline("Rockets hit Port Lindel / Marrow Bay on 14 August 2016 again"),
            None
        );
        // A sentence that mentions a date is not a byline.
        assert_eq!(
            date_in_byline(
                "On March 2, 2018, gunmen attacked a market in the north of the country"
            ),
            None
        );
        assert_eq!(
            date_in_byline("Rockets hit the base on March 2, 2018."),
            None
        );
        assert_eq!(
            day(date_in_dateline(
                "KANO / MAIDUGURI, October 9, 2017 (Ledger) - Gunmen attacked a market."
            ))
            .as_deref(),
            Some("2017-10-09")
        );
        assert_eq!(
            date_in_dateline("KANO (Ledger) - Gunmen attacked a market."),
            None
        );
        assert_eq!(
            date_in_dateline("Gunmen attacked a market in Kano on October 9, 2017."),
            None
        );
    }

    #[test]
    fn labelled_date_lines_anywhere_in_the_text() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        // At the foot of the story, after the related links.
        let foot =
            "Militants raided a depot.\n\nRelated: Wheat prices climb\n\nPublished 9 June 2018";
        assert_eq!(day(foot).as_deref(), Some("2018-06-09"));
        // Weekday, abbreviated month, and an update time after a separator.
        assert_eq!(
            day("Text.\nPosted Thursday, Aug. 2, 2018 | Updated 09:40 GMT").as_deref(),
            Some("2018-08-02")
        );
        // Numeric dates only when the order is plain: day first, or the US month first.
        assert_eq!(
            day("Published 23/03/2017 10:02 GMT | Desk").as_deref(),
            Some("2017-03-23")
        );
        assert_eq!(day("Published: 03/23/2017").as_deref(), Some("2017-03-23"));
        assert_eq!(day("Published 04/03/2017"), None);
        // A publication line beats an update line, wherever each is.
        assert_eq!(
            day("Last updated 12 May 2016\nbody\nFirst published 10 May 2016").as_deref(),
            Some("2016-05-10")
        );
        assert_eq!(
            day("body\nUpdated: 12 May 2016").as_deref(),
            Some("2016-05-12")
        );
        // A sentence that mentions a date is not a label, nor is "Posted" as a verb.
        assert_eq!(
            day("On 3 May 2016 rockets hit the base, officials said."),
            None
        );
        assert_eq!(day("Posted troops left on 3 May 2016."), None);
    }

    #[test]
    fn a_labelled_date_after_a_byline_separator() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        assert_eq!(
            day("Body.\nNews desk · Published Tuesday, June 7, 2022").as_deref(),
            Some("2022-06-07")
        );
        assert_eq!(
            day("By Lena Ortiz | Updated 8 June 2022 | 2 min read").as_deref(),
            Some("2022-06-08")
        );
        // After a separator the label must be followed by the date itself.
        assert_eq!(
            day("Shells hit the depot — published reports said 7 June 2022"),
            None
        );
        assert_eq!(day("Desk · Published"), None);
    }

    #[test]
    fn a_capitalised_label_inside_a_flattened_metadata_strip() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        // Fields a scrape ran together with spaces only: the first run's label wins.
        for (text, want) in [
            (
                "Format Report Source OCHA Posted 14 Apr 2023 Originally published 13 Apr 2023",
                "2023-04-14",
            ),
            (
                "By Marta Kovac Updated March 9, 2024 Published March 8, 2024",
                "2024-03-08",
            ),
            ("Kabul Desk Posted 2 Sep 2021 2 min read", "2021-09-02"),
            // A time glued to the next field's label.
            (
                "Issued on: 21/06/2022 - 09:15Modified: 22/06/2022 - 11:40",
                "2022-06-21",
            ),
        ] {
            assert_eq!(day(text).as_deref(), Some(want), "{text}");
        }
        // A sentence writes the words in lower case and ends with a full stop.
        for text in [
            "Officials said the video Posted 14 Apr 2023 showed the strike.",
            "The army said the footage was posted 14 Apr 2023 by a soldier",
        ] {
            assert_eq!(day(text), None, "{text}");
        }
    }

    #[test]
    fn a_label_glued_to_a_time_ends_the_date() {
        assert_eq!(
            before_glued_label("05/03/2022 - 14:22Modified: 05/03/2022 - 18:47"),
            "05/03/2022 - 14:22"
        );
        assert_eq!(
            before_glued_label("05/03/2022 - 14:22"),
            "05/03/2022 - 14:22"
        );
        // Only a label: "14:22GMT" is a time zone, not a field.
        assert_eq!(
            before_glued_label("5 March 2022, 14:22GMT"),
            "5 March 2022, 14:22GMT"
        );
    }

    #[test]
    fn dates_of_a_standfirst_line() {
        let show = |line: &str| {
            date_in_standfirst(line)
                .map(|d| format!("{} {}", d.to_schema_string(), d.precision.as_str()))
        };
        assert_eq!(
            show("April 2022 · Long read · Defence").as_deref(),
            Some("2022-04 month")
        );
        assert_eq!(
            show("11 April 2022 · Analysis").as_deref(),
            Some("2022-04-11 day")
        );
        assert_eq!(
            show("By Newsroom | 2 January 2022 | 4 min read").as_deref(),
            Some("2022-01-02 day")
        );
        assert_eq!(
            show("Monday 3 January 2022 | Log in").as_deref(),
            Some("2022-01-03 day")
        );
        assert_eq!(show("2022 · Analysis"), None);
        assert_eq!(
            show("In April 2022 drones hit a depot · officials said."),
            None
        );
        assert_eq!(show("·"), None);
        assert_eq!(show(" | | "), None);
        assert_eq!(show("İ · — · 9 İ 2021"), None);
    }

    #[test]
    fn a_date_opening_one_of_the_last_lines_is_the_story_s_date() {
        let day = |t: &str| date_at_foot(t).map(|d| d.date.to_string());
        let story = "Rockets hit the base.\n\nNo one was hurt.\n\n";
        let foot = format!("{story}April 2, 2021 | Reporting by the Gulf desk\n");
        assert_eq!(day(&foot).as_deref(), Some("2021-04-02"));
        let credit = format!("{story}3 May 2020. Staff writers in Erbil contributed.");
        assert_eq!(day(&credit).as_deref(), Some("2020-05-03"));
        // A sentence that opens with a date is the story, not its foot.
        let told = format!("{story}March 4, 2022 was the deadliest day.");
        assert_eq!(day(&told), None);
        // A timeline at the foot dates its events, not the story.
        let timeline = format!(
            "{story}Jan. 3, 2020 - A drone kills a general.\n\
             Jan. 8, 2020 - Missiles hit two bases.\n\
             March 11, 2020 - Rockets kill three soldiers.\n"
        );
        assert_eq!(day(&timeline), None);
        // A date before a dash and a sentence is the story's, even alone at the foot.
        let dashed = format!("{story}June 9, 2021 \u{2014} Gunmen fired on the post.");
        assert_eq!(day(&dashed), None);
        // A footer's date stamp with its weekday first.
        let stamp = format!("{story}Thursday, 12 August 2021\n");
        assert_eq!(day(&stamp).as_deref(), Some("2021-08-12"));
        let stamp = format!("{story}Thursday, August 12, 2021\n");
        assert_eq!(day(&stamp).as_deref(), Some("2021-08-12"));
        let dashed = format!("{story}June 9, 2021, gunmen fired on the post.");
        assert_eq!(day(&dashed), None);
        // A bare date alone on the last line is the foot's.
        let bare = format!("{story}June 9, 2021\n");
        assert_eq!(day(&bare).as_deref(), Some("2021-06-09"));
        // So is one followed only by a time of day or a bracketed outlet.
        let timed = format!("{story}July 14, 2021, 17:40 GMT\n");
        assert_eq!(day(&timed).as_deref(), Some("2021-07-14"));
        let timed = format!("{story}14 July 2021 9.30am\n");
        assert_eq!(day(&timed).as_deref(), Some("2021-07-14"));
        let outlet = format!("{story}July 14, 2021 (AFP)\n");
        assert_eq!(day(&outlet).as_deref(), Some("2021-07-14"));
        // Not when a sentence follows them, nor a count that is no time.
        let told = format!("{story}July 14, 2021 (AFP) - Gunmen fired on the post.");
        assert_eq!(day(&told), None);
        let told = format!("{story}July 14, 2021 12 men died.");
        assert_eq!(day(&told), None);
        // Nor does a date at the top count.
        assert_eq!(
            day("May 1, 2020 | Desk\n\nOne.\n\nTwo.\n\nThree.\n\nFour."),
            None
        );
    }

    #[test]
    fn field_dates_as_apis_and_dumps_store_them() {
        let show = |s: &str| parse_field_date(s).map(|d| d.to_schema_string());
        assert_eq!(
            show("2021-08-15T06:10:00+04:30").as_deref(),
            Some("2021-08-15")
        );
        assert_eq!(show("2021-08-15 06:10").as_deref(), Some("2021-08-15"));
        assert_eq!(show("20210815").as_deref(), Some("2021-08-15"));
        assert_eq!(show("20210815T061000Z").as_deref(), Some("2021-08-15"));
        // Seconds and milliseconds since 1970 (UTC day), only for 1990–2035.
        assert_eq!(show("1629007800").as_deref(), Some("2021-08-15"));
        assert_eq!(show("1629007800000").as_deref(), Some("2021-08-15"));
        assert_eq!(show("1629007800.25").as_deref(), Some("2021-08-15"));
        assert_eq!(
            epoch_date(1_629_007_800).unwrap().to_schema_string(),
            "2021-08-15"
        );
        assert_eq!(epoch_date(12_345), None);
        assert_eq!(epoch_date(4_102_444_800), None);
        assert_eq!(show("12345678"), None);
        assert_eq!(show("99991332"), None);
        // Dots are the European order, day first; the same number twice is no ambiguity.
        assert_eq!(show("05.08.2021").as_deref(), Some("2021-08-05"));
        assert_eq!(show("05/05/2021").as_deref(), Some("2021-05-05"));
        assert_eq!(show("05/08/2021"), None);
        let both = numeric_readings("05/08/2021").unwrap();
        assert_eq!(
            (both.0.to_schema_string(), both.1.to_schema_string()),
            ("2021-08-05".into(), "2021-05-08".into())
        );
        assert_eq!(numeric_readings("15/08/2021"), None);
        assert_eq!(numeric_readings("05.08.2021"), None);
    }

    #[test]
    fn last_modified_and_first_published_labels() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        assert_eq!(
            day("Body.\nLast modified on Tue 17 Aug 2021 09.10 BST").as_deref(),
            Some("2021-08-17")
        );
        assert_eq!(
            day("Last modified on Tue 17 Aug 2021 09.10 BST\nFirst published on Sun 15 Aug 2021 06.10 BST")
                .as_deref(),
            Some("2021-08-15")
        );
        assert_eq!(
            day("Updated 14:05 GMT, 16 August 2021\nbody").as_deref(),
            Some("2021-08-16")
        );
        assert_eq!(day("Date: 16.08.2021").as_deref(), Some("2021-08-16"));
        // A time, its zone and the weekday before the date.
        assert_eq!(
            day("Updated 9:30 AM ET, Mon August 16, 2021").as_deref(),
            Some("2021-08-16")
        );
        assert_eq!(
            day("Published 16th of August 2021").as_deref(),
            Some("2021-08-16")
        );
        assert_eq!(day("Posted on 06/08/2021"), None);
        // "Modified" as a verb opens no date line.
        assert_eq!(day("Modified drones struck on 16 August 2021."), None);
    }

    #[test]
    fn datelines_with_the_date_in_other_places() {
        let day = |p: &str| date_in_dateline(p).map(|d| d.to_schema_string());
        assert_eq!(
            day("HARLOW / DENTON, 08/23/2021 -- Shells hit a depot.").as_deref(),
            Some("2021-08-23")
        );
        assert_eq!(day("HARLOW, 08/07/2021 -- Shells hit a depot."), None);
        assert_eq!(
            day("Harlow, Aug. 23, 2021 (Courier) — Shells hit a depot.").as_deref(),
            Some("2021-08-23")
        );
        assert_eq!(
            day("HARLOW (Courier) — August 23, 2021 — Shells hit a depot.").as_deref(),
            Some("2021-08-23")
        );
        assert_eq!(
            day("HARLOW, Wessex — Monday, August 23, 2021 — Shells hit a depot.").as_deref(),
            Some("2021-08-23")
        );
        assert_eq!(
            day("HARLOW, Wessex — Shells hit a depot on August 23, 2021."),
            None
        );
        // A sentence that opens with a place and a date is no dateline.
        assert_eq!(day("Harlow, August 23, 2021 was a quiet day."), None);
        assert_eq!(day("In Harlow, August 23, 2021 — a depot burned."), None);
        let md = |p: &str| month_day_in_dateline(p);
        assert_eq!(md("HARLOW, Aug 23 (Courier) - Shells hit."), Some((8, 23)));
        assert_eq!(md("HARLOW, 23 August — Shells hit."), Some((8, 23)));
        assert_eq!(md("HARLOW, Feb 30 (Courier) - Shells hit."), None);
        assert_eq!(md("HARLOW (Courier) - Shells hit on Aug 23."), None);
        assert_eq!(md("İSTANBUL, Ağu 23 — x"), None);
    }

    #[test]
    fn the_year_of_a_dateline_without_one() {
        assert_eq!(
            copyright_year("Text.\nCopyright 2021 The Courier. All rights reserved."),
            Some(2021)
        );
        assert_eq!(copyright_year("© 2021 Courier"), Some(2021));
        assert_eq!(copyright_year("Copyright 2020 A. Copyright 2021 B."), None);
        assert_eq!(copyright_year("no line"), None);
        // A range gives its last year.
        assert_eq!(copyright_year("© 2010-2024 Courier"), Some(2024));
        // A two-digit end is the last two digits of the year.
        assert_eq!(copyright_year("© 2010-24 Courier"), Some(2024));
        assert_eq!(
            copyright_year("Copyright 2019–21. All rights reserved."),
            Some(2021)
        );
        assert_eq!(copyright_year("Copyright 2012 – 2021 Courier"), Some(2021));
        // A full date of the lede's last month, never a background year.
        assert_eq!(
            year_from_lede(
                "HARLOW, Aug 23 - Rockets hit the base on August 21, 2021.",
                8,
                23
            ),
            Some(2021)
        );
        assert_eq!(
            year_from_lede(
                "HARLOW, Aug 23 - Rockets hit the base, the third attack of 2021.",
                8,
                23
            ),
            None
        );
        assert_eq!(
            year_from_lede(
                "HARLOW, Aug 23 - It recalled the raid of October 2, 2021.",
                8,
                23
            ),
            None
        );
        assert_eq!(
            year_from_lede(
                "HARLOW, Aug 23 - It recalled the raid of March 2, 2021.",
                8,
                23
            ),
            None
        );
        assert_eq!(year_from_lede("No year here.", 8, 23), None);
    }

    #[test]
    fn a_yearless_dateline_takes_the_first_year_its_weekday_fits_after_the_years_named() {
        let lede = "HARLOW, Aug. 12 (Courier) -- Drones hit a depot on Thursday, police said.";
        // 12 August is a Thursday in 2021 (and in 2027); the page names 2019 at the latest.
        let page = format!("{lede}\n\nThe depot was hit in 2016 and again in 2019.");
        assert_eq!(year_from_weekday(&page, lede, 8, 12, 2026), Some(2021));
        // Not after this year: in 2020 no year from 2019 on fits yet.
        assert_eq!(year_from_weekday(&page, lede, 8, 12, 2020), None);
        // No year named: too many years fit.
        assert_eq!(year_from_weekday(lede, lede, 8, 12, 2026), None);
        // Two weekdays in the lede: which one is the dateline's cannot be told.
        let two = "HARLOW, Aug. 12 (Courier) -- Drones hit a depot on Wednesday; police said on Thursday.";
        assert_eq!(
            year_from_weekday(&format!("{two} In 2019."), two, 8, 12, 2026),
            None
        );
        // The weekday may be written in the dateline itself.
        let dated = "HARLOW, Thursday, Aug. 12 (Courier) -- Drones hit a depot.";
        assert_eq!(
            year_from_weekday(&format!("{dated} Since 2018."), dated, 8, 12, 2026),
            Some(2021)
        );
    }

    #[test]
    fn dates_in_urls_and_file_names() {
        let url = |u: &str| date_from_url(u).map(|d| d.to_schema_string());
        assert_eq!(
            url("https://news.example.com/world/2021/08/15/drones-hit-depot.html").as_deref(),
            Some("2021-08-15")
        );
        assert_eq!(
            url("https://example.org/2021-08-15/drones").as_deref(),
            Some("2021-08-15")
        );
        assert_eq!(
            url("https://example.org/news/20210815-drones").as_deref(),
            Some("2021-08-15")
        );
        assert_eq!(
            url("https://example.org/2021/08/drones").as_deref(),
            Some("2021-08")
        );
        assert_eq!(url("https://example.org/story/123456789"), None);
        // The host and the query are not the story's.
        assert_eq!(url("https://2021.example.org/a?d=2021-08-15"), None);
        assert_eq!(
            url("world/2021/08/15/drones").as_deref(),
            Some("2021-08-15")
        );
        let name = |n: &str| date_from_file_name(n).map(|d| d.to_schema_string());
        assert_eq!(name("20210815_drones.md").as_deref(), Some("2021-08-15"));
        assert_eq!(name("drones_2021_08_15.txt").as_deref(), Some("2021-08-15"));
        assert_eq!(name("drones_15082021.txt").as_deref(), Some("2021-08-15"));
        assert_eq!(name("drones-15-08-2021.txt").as_deref(), Some("2021-08-15"));
        // Day and month could be swapped: no date.
        assert_eq!(name("drones_05082021.txt"), None);
        assert_eq!(name("story_33abe8c9618e97e1.txt"), None);
        assert_eq!(name("id_1234567890.txt"), None);
        assert_eq!(name("İ—ş_2021_13_45.txt"), None);
    }

    #[test]
    fn date_spellings_of_agencies_and_regional_sites() {
        // A comma after the month, dashes around it, and a date printed twice with no space
        // (a copied page's screen-reader text).
        for written in [
            "February, 16, 2021 - 08:12",
            "16-Feb-2021",
            "16 Feb 202116 Feb 2021",
            "Feb 16, 2021Feb 16, 2021",
        ] {
            assert_eq!(
                show(written).as_deref(),
                Some("2021-02-16 day"),
                "{written}"
            );
        }
        // Truncated, impossible or run-on years give nothing.
        for odd in [
            "16 Feb 20211",
            "31-Feb-2021",
            "February, 30, 2021",
            "16-Feb-21",
            "16 Şub 2021",
        ] {
            assert_eq!(show(odd), None, "{odd}");
        }
        assert_eq!(
            date_in_byline("Posted By: Lena Ortiz on February 16, 2021")
                .map(|d| d.to_schema_string())
                .as_deref(),
            Some("2021-02-16")
        );
        let field = |s: &str| parse_field_date(s).map(|d| d.to_schema_string());
        for stamp in [
            "Tue Feb 16 08:12:00 +0000 2021",
            "Tue Feb 16 08:12:00 2021",
            "20210216081200",
        ] {
            assert_eq!(field(stamp).as_deref(), Some("2021-02-16"), "{stamp}");
        }
        assert_eq!(field("Tue Feb 30 08:12:00 +0000 2021"), None);
        assert_eq!(field("99991399081200"), None);
    }

    #[test]
    fn datelines_of_agencies_that_print_them_their_own_way() {
        let md = |p: &str| month_day_in_dateline(p);
        // A full stop and the agency between slashes; a full stop after the city.
        assert_eq!(
            md("HARLOW, February 16. /Wire/. Drones hit a depot."),
            Some((2, 16))
        );
        assert_eq!(
            md("HARLOW. Feb 16 (Wire) - Drones hit a depot."),
            Some((2, 16))
        );
        assert_eq!(md("HARLOW, February 16. Drones hit a depot."), None);
        // The Hijri date before the Gregorian one.
        let day = |p: &str| date_in_dateline(p).map(|d| d.to_schema_string());
        assert_eq!(
            day("Harlow, Rajab 4, 1442, February 16, 2021, Wire -- Drones hit a depot.").as_deref(),
            Some("2021-02-16")
        );
        assert_eq!(
            day("Harlow, Station 4, 2021, February 16, 2021, Wire -- Drones hit a depot."),
            None
        );
    }

    #[test]
    fn a_plan_s_year_is_not_background_for_a_yearless_dateline() {
        // 31 January is a Monday in 2022; the page names 2020 and 2021 as past and 2025 as a
        // plan ("until 2025"), after which no year up to 2026 fits.
        let lede = "HARLOW, Jan 31 (Wire) - The council on Monday expelled the envoy.";
        let page = format!(
            "{lede}\n\nThe council took power in August 2020 and again in May 2021, and plans \
             to stay until 2025."
        );
        assert_eq!(year_from_weekday(&page, lede, 1, 31, 2026), Some(2022));
        // "by" and "till" are plans too; a past year after "in" still counts.
        let page = format!("{lede}\n\nTroops will leave by 2030. It began in 2021.");
        assert_eq!(year_from_weekday(&page, lede, 1, 31, 2035), Some(2022));
    }

    #[test]
    fn header_lines_with_a_date_but_no_year() {
        for line in [
            "16 February",
            "Tuesday 16 February",
            "Tue, Feb. 16, 08:12 GMT",
            "Published 16 February",
            "Gulf Brief — Tuesday, February 16",
            "By Lena Ortiz | 16th February",
        ] {
            assert_eq!(month_day_line(line), Some((2, 16)), "{line}");
        }
        for line in [
            "16 February 2021",
            "The February 16 raid",
            "Since 16 February",
            "Drones hit Harlow on 16 February.",
            "31 February",
            "16 Şubat",
            "Mayhem 16",
        ] {
            assert_eq!(month_day_line(line), None, "{line}");
        }
        // Among the short lines before the first sentence only.
        let page = "By Lena Ortiz\nWorld desk\n16 February\n\nDrones hit a depot.";
        assert_eq!(month_day_in_header(page), Some(("16 February", (2, 16))));
        let late = "Drones hit a depot on Sunday.\n\n16 February\n\nMore.";
        assert_eq!(month_day_in_header(late), None);
        // Below a headline printed with a full stop, next to a byline: still the header's.
        let deck = "ANALYSIS\nDrones are cheap. Defences are not.\n\nTUESDAY, MARCH 9\nBy Lena \
                    Ortiz\n\nDrones hit a depot on Sunday.";
        assert_eq!(
            month_day_in_header(deck),
            Some(("TUESDAY, MARCH 9", (3, 9)))
        );
        let above = "Drones are cheap. Defences are not.\nBy a Staff Writer\n9 March\n\nMore.";
        assert_eq!(month_day_in_header(above), Some(("9 March", (3, 9))));
        // Without a byline beside it, a date line after a sentence is the story's.
        let story = "Drones are cheap.\n\nTuesday, March 9\nRockets followed.\n\nMore.";
        assert_eq!(month_day_in_header(story), None);
    }

    #[test]
    fn an_archive_copy_s_address_and_capture_time() {
        let archived = "https://web.archive.org/web/20210217101500/https://news.example.org/world/2021/02/16/drones";
        assert_eq!(
            date_from_url(archived)
                .map(|d| d.to_schema_string())
                .as_deref(),
            Some("2021-02-16")
        );
        assert_eq!(
            archive_capture_date(archived)
                .map(|d| d.to_schema_string())
                .as_deref(),
            Some("2021-02-17")
        );
        // The capture time is no URL date; a flag after it is allowed.
        let undated =
            "https://web.archive.org/web/20210217101500id_/https://news.example.org/drones";
        assert_eq!(date_from_url(undated), None);
        assert_eq!(
            archive_capture_date(undated)
                .map(|d| d.to_schema_string())
                .as_deref(),
            Some("2021-02-17")
        );
        assert_eq!(archive_capture_date("https://web.archive.org/web/x/"), None);
        assert_eq!(
            archive_capture_date("https://news.example.org/2021/02/16/a"),
            None
        );
    }

    #[test]
    fn a_year_is_looked_for_in_the_first_bytes_only() {
        assert!(year_digits_within("Filed 2021", 10));
        assert!(year_digits_within("2021", 1));
        assert!(!year_digits_within("2021", 0));
        assert!(year_digits_within("x2021", 2));
        assert!(!year_digits_within("x2021", 1));
        assert!(year_digits_within("ab 12 345 2021", 11));
        assert!(!year_digits_within("ab 12 345 2021", 10));
        assert!(!year_digits_within("ab 12 345 202", 40));
        assert!(!year_digits_within("", 5));
        assert!(!year_digits_within(
            "No year here at all, only 12 and 345.",
            400
        ));
    }

    #[test]
    fn a_weekday_beside_a_numeric_date_settles_its_order() {
        let day = |line: &str| date_in_byline(line).map(|d| d.to_schema_string());
        // 10 August 2018 was a Friday; 8 October 2018 a Monday.
        assert_eq!(
            day("Friday 10/08/2018 - 12:05").as_deref(),
            Some("2018-08-10")
        );
        assert_eq!(
            day("Mon, 10/08/2018 | 09:30").as_deref(),
            Some("2018-10-08")
        );
        assert_eq!(
            day("Lakeside Courier | WEDNESDAY 03/04/2019").as_deref(),
            Some("2019-04-03")
        );
        // No weekday, an outlet named "The Sun", two weekdays, a weekday neither reading
        // falls on: the order stays open.
        assert_eq!(day("Lakeside Courier | 10/08/2018 | 12:05"), None);
        assert_eq!(day("The Sun | 10/08/2018"), None);
        assert_eq!(day("Friday 10/08/2018 | Monday edition"), None);
        assert_eq!(day("Tuesday 10/08/2018"), None);
    }

    #[test]
    fn a_monthly_edition_named_after_its_month() {
        let month = |line: &str| date_in_byline(line).map(|d| (d.to_schema_string(), d.precision));
        for line in [
            "Burkina Faso — June 2021 (monthly edition)",
            "Gulf Security Notes | March 2020, special issue",
            "Sahel Brief: May 2019 digest",
        ] {
            let (date, precision) = month(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(precision, DatePrecision::Month, "{line}");
            assert!(date.len() == 7, "{line}: {date}");
        }
        // A headline or a sentence about a month is no issue's date.
        assert_eq!(month("Attacks rose in June 2021 (officials)"), None);
        assert_eq!(
            month("Burkina Faso — June 2021 attacks left the region reeling"),
            None
        );
    }

    #[test]
    fn a_time_run_into_the_year_of_a_copied_page() {
        assert_eq!(
            show("February 16, 20218:12 AM UTCUpdated 2 hours ago").as_deref(),
            Some("2021-02-16 day")
        );
        assert_eq!(
            date_in_byline("By Lena Ortiz | March 3, 202114:05 GMT").map(|d| d.to_schema_string()),
            Some("2021-03-03".into())
        );
        // A longer number after the year is no time.
        assert_eq!(show("February 16, 202189"), None);
    }

    #[test]
    fn year_first_dates_with_dots_or_slashes() {
        let day = |line: &str| date_in_byline(line).map(|d| d.to_schema_string());
        assert_eq!(show("2021.02.16 08:12").as_deref(), Some("2021-02-16 day"));
        assert_eq!(
            day("Harbour News Agency | 2021.02.16 08:12").as_deref(),
            Some("2021-02-16")
        );
        assert_eq!(
            day("Posted 2021/02/16 17:42 JST").as_deref(),
            Some("2021-02-16")
        );
        // A date in another page's address is not this page's.
        assert_eq!(
            day("Related: https://lakeside.example/world/2019/05/02/older-story"),
            None
        );
        assert_eq!(show("2021.13.16"), None);
    }

    #[test]
    fn a_published_label_wins_on_its_line_and_record_fields_split_by_semicolons() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        assert_eq!(
            day("Drones hit a depot.\nLast updated: 17 Feb 2021 | Published: 16 Feb 2021")
                .as_deref(),
            Some("2021-02-16")
        );
        assert_eq!(
            day("Updated 17/02/2021 · First published 16/02/2021").as_deref(),
            Some("2021-02-16")
        );
        assert_eq!(
            day("Section: World; Date: 16/02/2021; Page: 12").as_deref(),
            Some("2021-02-16")
        );
        // Only an update: it is what the page gives.
        assert_eq!(
            day("Drones hit a depot.\nLast updated: 17 Feb 2021").as_deref(),
            Some("2021-02-17")
        );
    }

    #[test]
    fn a_press_release_dateline_with_the_date_in_brackets() {
        let day = |p: &str| date_in_dateline(p).map(|d| d.to_schema_string());
        assert_eq!(
            day("FORT LINDEN, N.C. (Feb. 16, 2021) -- Soldiers of the brigade trained.").as_deref(),
            Some("2021-02-16")
        );
        assert_eq!(
            day("PORT HALLEY (Tuesday, 16 February 2021) — The navy said a drone was downed.")
                .as_deref(),
            Some("2021-02-16")
        );
        // An agency in the brackets, or a sentence about a date, is no dated dateline.
        assert_eq!(day("KARVAN (Lakeside) - Drones hit a depot."), None);
        assert_eq!(
            day("Officials (on Feb. 16, 2021) said drones hit a depot."),
            None
        );
    }

    #[test]
    fn a_sentence_among_the_header_lines_is_the_story_s() {
        let zone = |t: &str| date_in_header_zone(t).map(|d| d.to_schema_string());
        assert_eq!(
            zone(
                "Drone strikes on Karvan\n\nMarch 3, 2019 - a drone hit the depot near the town.\n\nJune 5, 2020 - rockets hit the base."
            ),
            None
        );
        assert_eq!(
            zone("Drone strikes on Karvan\n\nMarch 3, 2019 - Analysis\n\nDrones hit the depot.")
                .as_deref(),
            Some("2019-03-03")
        );
    }

    #[test]
    fn a_yearless_dateline_with_its_country_in_square_brackets() {
        assert_eq!(
            month_day_in_dateline(
                "Kabul [Afghanistan], August 27 (Agency): Two blasts hit the gate."
            ),
            Some((8, 27))
        );
        assert_eq!(
            month_day_in_dateline("New Delhi [India], Feb 16 (Agency): The ministry said."),
            Some((2, 16))
        );
        assert_eq!(
            month_day_in_dateline("Officials [in Kabul] said on August 27 that two blasts hit."),
            None
        );
    }

    #[test]
    fn more_labels_of_a_page_s_date() {
        let day = |text: &str| labelled_date_in_text(text).map(|d| d.to_schema_string());
        for line in [
            "Date of publication: 16 February 2021",
            "Issue date: 16/02/2021",
            "Release date: February 16, 2021",
        ] {
            assert_eq!(day(line).as_deref(), Some("2021-02-16"), "{line}");
        }
        // "Last update" is an update: a publication label elsewhere wins.
        assert_eq!(
            day("Last update on: Wed Feb 17, 2021\nPublished: Tue Feb 16, 2021").as_deref(),
            Some("2021-02-16")
        );
    }

    #[test]
    fn dates_from_file_names() {
        assert_eq!(
            date_from_file_name("2021-03-03_rockets.txt")
                .unwrap()
                .to_schema_string(),
            "2021-03-03"
        );
        let m = date_from_file_name("2019-12_analysis.txt").unwrap();
        assert_eq!(m.precision, DatePrecision::Month);
        assert!(date_from_file_name("000_33abe8c9618e97e1.txt").is_none());
    }
}

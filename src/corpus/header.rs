//! Publication dates as they appear in headers, metadata and file names.

use std::sync::LazyLock;

use chrono::NaiveDate;
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

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ]\d{1,2}:\d{2}.*)?$")
        .expect("iso")
});
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Za-z]+,?\s+)??([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
        .expect("mdy")
});
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Za-z]+,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9}\.?),?\s+(\d{4})\b")
        .expect("dmy")
});
static MONTH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Za-z]{3,9}\.?)\s+(\d{4})$").expect("my"));

/// Parses a publication date written in any of the usual ways: `2021-02-26`,
/// `2021-02-26T10:00:00Z`, `2019-12` (month precision), `2019` (year), `February 26, 2021`,
/// `Feb. 26, 2021`, `Friday, February 26, 2021`, `26 February 2021`, `Fri, 26 Feb 2021 10:00:00
/// +0000`, `February 2021` (month). Precision is never finer than what is written.
pub fn parse_date(s: &str) -> Option<PubDate> {
    let s = s.trim().trim_end_matches(['.', ',']).trim();
    if s.is_empty() || s.len() > 64 {
        return None;
    }
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
        && let Some(m) = month_number(&c[2])
    {
        return day_date(c[3].parse().ok()?, m, c[1].parse().ok()?);
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
/// `June 15, 2020`, `2020-12-21` (the one capture group of both regexes below).
const FULL_DATE: &str = r"(\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})";

/// A full date anywhere in a line.
static DATE_IN_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b{FULL_DATE}\b")).expect("date in line"));

/// A wire dateline opening a paragraph with the date: `ANKARA / ERBIL, June 15, 2020 (Agency) -`.
static DATELINE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[A-Z][A-Z'./ \-]{{2,40}}(?:,\s*[A-Z][A-Za-z .]{{1,30}})?,\s+(?:[A-Z][a-z]+day,?\s+)?{FULL_DATE}\b"
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
    let found = DATE_IN_LINE.captures(line)?;
    let whole = found.get(0)?;
    let date = parse_date(&found[1])?;
    let rest = format!("{} {}", &line[..whole.start()], &line[whole.end()..]).to_ascii_lowercase();
    let words = rest.split_whitespace().count();
    let separated = rest.contains(['|', '—', '–', '(', '·', '•'])
        || rest.contains(" - ")
        || ["posted", "published", "updated", "by "]
            .iter()
            .any(|w| rest.contains(w));
    (words <= 12 && (separated || words <= 3)).then_some(date)
}

/// The date of a wire dateline that opens a body paragraph with city and date
/// ("ANKARA, June 15, 2020 (Agency) - Turkish jets …"): the story's own date.
pub fn date_in_dateline(paragraph: &str) -> Option<PubDate> {
    let c = DATELINE_DATE.captures(paragraph.trim_start())?;
    parse_date(&c[1])
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
/// when the file itself carries no date.
pub fn date_from_file_name(name: &str) -> Option<PubDate> {
    static PREFIX: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{4}-\d{2}(?:-\d{2})?)(?:[_\-. ]|$)").expect("prefix"));
    let c = PREFIX.captures(name)?;
    parse_date(&c[1])
}

#[cfg(test)]
mod tests {
    use super::*;

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

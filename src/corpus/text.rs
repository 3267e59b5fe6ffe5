//! Plain-text articles and their header styles.
//!
//! 1. ` date 2019-12-30 Loading...`: the marker line is dropped, the title comes from the first
//!    sentence of the body.
//! 2. ` date 2021-06-28 US Secretary …`: the text after the date is the article's first sentence
//!    and starts the body.
//! 3. ` date 2019-12 …`: month precision, never an invented day.
//! 4. Title line, blank line, author line(s), a written date (`February 26, 2021`): title and
//!    date go to the metadata; the header lines are not part of the body.
//! 5. Title, then a byline that carries the date among other furniture (`Outlet | 5 March 2022`,
//!    `CITY, Country (Outlet) — 15 March 2020`), or a wire dateline with the date opening the body
//!    (`ANKARA, June 15, 2020 (Agency) - …`, which stays in the body).

use std::sync::LazyLock;

use regex::Regex;

use super::header::{
    DateLabel, before_glued_label, date_in_byline, date_in_dateline, numeric_date,
    numeric_readings, parse_date, split_date_label,
};
use super::{DatePrecision, ParsedArticle, SourceFormat};

static DATE_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*date\s+([0-9]{4}(?:-[0-9]{1,2}){0,2})(?:\s+|$)").expect("date marker")
});

/// Parses cleaned plain text.
pub fn parse_text(cleaned: &str) -> ParsedArticle {
    let mut parsed = ParsedArticle::new(SourceFormat::Text);
    let first_line_end = cleaned.find('\n').unwrap_or(cleaned.len());
    let first_line = &cleaned[..first_line_end];

    // A saved page often opens with the address it was saved from, bare or labelled
    // ("https://site/world/2021/02/23/story/", "Source: https://…"): it is the page's URL, whose
    // path may carry the story's day, not its title; the header proper starts below it.
    if let Some(url) = url_line(first_line) {
        let mut parsed = parse_text(cleaned[first_line_end..].trim_start());
        parsed.url.get_or_insert_with(|| url.to_owned());
        return parsed;
    }

    // A page printed from a browser opens with the print time and the page's title
    // ("2/17/21, 9:30 AM  Drones hit a depot - Example News") and repeats its address at
    // each page's foot: the print time is only a weak date (a page is printed on the day it
    // runs or later); the address may carry the story's day.
    if let Some(printed) = print_header_date(first_line) {
        let mut parsed = parse_text(cleaned[first_line_end..].trim_start());
        parsed.stamp_date = parsed.stamp_date.or(Some(printed));
        if parsed.url.is_none() {
            parsed.url = printed_page_url(cleaned).map(str::to_owned);
        }
        return parsed;
    }

    // A newsletter forwarded or saved as an e-mail: "From:", "Sent:"/"Date:", "To:",
    // "Subject:" lines, then the text. The subject is the title and the sending day the date.
    if let Some(parsed) = email(cleaned) {
        return parsed;
    }

    if let Some(c) = DATE_MARKER.captures(first_line) {
        parsed.published = parse_date(&c[1]);
        let after_marker = &first_line[c.get(0).map_or(0, |m| m.end())..];
        let rest_start = first_line.len() - after_marker.trim_start().len();
        let rest = after_marker.trim();
        let is_placeholder = rest.is_empty()
            || rest
                .trim_end_matches(['.', '…'])
                .eq_ignore_ascii_case("loading");
        parsed.body = if is_placeholder {
            cleaned[first_line_end..].trim_start().to_owned()
        } else {
            // The first sentence of the article shares the marker line: keep it in the body.
            cleaned[rest_start..].to_owned()
        };
        return parsed;
    }

    // A feed or log line: the item's time stamp, then its headline ("[2021-03-03T14:20:00Z]
    // Rockets hit base", "2021-03-03 14:20 | Rockets hit base"). The headline is the title; a
    // rule of dashes under it is not text.
    if let Some((date, headline)) = stamped_headline(first_line) {
        parsed.published = Some(date);
        let mut body_start = first_line_end;
        let after = &cleaned[first_line_end..];
        let after_trimmed = after.trim_start_matches('\n');
        let next_end = after_trimmed.find('\n').unwrap_or(after_trimmed.len());
        let next = after_trimmed[..next_end].trim();
        if !next.is_empty() && next.chars().all(|c| matches!(c, '-' | '=' | '_' | '*')) {
            body_start += after.len() - after_trimmed.len() + next_end;
        }
        if headline.ends_with(['.', '!', '?']) && headline.split_whitespace().count() > 12 {
            // A sentence, not a headline: the story starts on the stamp's line.
            let at = headline.as_ptr() as usize - cleaned.as_ptr() as usize;
            parsed.body = cleaned[at..].trim_start().to_owned();
        } else {
            parsed.title = Some(headline.to_owned());
            parsed.body = cleaned[body_start.min(cleaned.len())..]
                .trim_start()
                .to_owned();
        }
        return parsed;
    }

    // A page that opens with its date line and no title ("Published 12 May 2021", "12 May
    // 2021", "Updated 09:40 GMT, 12 May 2021", "21/05/2021"): the line is the date, not a
    // headline. A bare year is no page date.
    if let Some(date) = date_line(first_line.trim()) {
        parsed.published = Some(date);
        parsed.body = cleaned[first_line_end..].trim_start().to_owned();
        return parsed;
    }
    // "12/05/2021" alone: a date line whose day and month could be swapped; it is kept for
    // `finish_article`, which reads it only if the dateline agrees with one reading.
    let bare_first_line = without_date_label(first_line.trim());
    if numeric_readings(bare_first_line).is_some()
        && bare_first_line.split_whitespace().count() <= 3
    {
        parsed.ambiguous_date = Some(bare_first_line.to_owned());
        parsed.body = cleaned[first_line_end..].trim_start().to_owned();
        return parsed;
    }

    if let Some((title, published, body_start)) = titled_header(cleaned) {
        // A title line that is a byline with the date ("CITY DIGEST | SUNDAY 6 JUNE 2021"):
        // a weak date, as a headline may name an older day.
        parsed.leading_date = date_in_byline(&title);
        parsed.title = Some(title);
        parsed.published = published;
        parsed.body = cleaned[body_start..].trim_start().to_owned();
    } else {
        // No title block, but a first line that is a byline or masthead with its date ("GULF
        // REVIEW — June 2021 issue" over a section line): a weak date, as for a title line.
        parsed.leading_date = date_in_byline(first_line);
        parsed.body = cleaned.to_owned();
    }
    if parsed.published.is_none() {
        parsed.ambiguous_date = ambiguous_header_date(cleaned);
    }
    if parsed.url.is_none() {
        parsed.url = url_in_header(cleaned).map(str::to_owned);
    }
    parsed
}

/// The page's address on one of the header lines above the story ("Source:
/// https://site/news/2021/06/29/story" under the headline, a bare "https://…"), as a page copied
/// with its address prints it: its path may carry the story's day. Only a bare address or one
/// labelled as the page's own ("Source", "URL", "Link", "Original", "Saved from …"), so a
/// "Related: https://…" line pointing to another story is not taken.
pub(super) fn url_in_header(text: &str) -> Option<&str> {
    const OWN: [&str; 8] = [
        "source",
        "url",
        "link",
        "original",
        "permalink",
        "canonical",
        "address",
        "from",
    ];
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
        .take_while(|l| l.chars().count() <= 300 && !l.ends_with(['.', '!', '?']))
        .find_map(|line| {
            let url = url_line(line)?;
            let label = line[..line.len() - url.len()]
                .trim_end_matches([':', ' ', '-', '—'])
                .trim();
            let own = label.is_empty()
                || label
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| OWN.iter().any(|o| w.eq_ignore_ascii_case(o)));
            own.then_some(url)
        })
}

/// The URL of a line that holds nothing else, bare or after a label: "https://site/a/b/",
/// "Source: https://site/a", "URL: www.site.com/a".
fn url_line(line: &str) -> Option<&str> {
    let line = line.trim();
    // "Source: https://…", or an archive's banner before a dash ("The Wayback Machine -
    // https://web.archive.org/web/2021…/https://…").
    let label_end = line
        .find(": ")
        .map(|at| (at, 2))
        .into_iter()
        .chain(
            [" - ", " — "]
                .iter()
                .filter_map(|sep| Some((line.find(sep)?, sep.len()))),
        )
        .min_by_key(|(at, _)| *at);
    let url = match label_end {
        Some((at, sep))
            if at <= 30 && line[..at].chars().all(|c| c.is_alphabetic() || c == ' ') =>
        {
            line[at + sep..].trim()
        }
        _ => line,
    };
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (!url.contains(char::is_whitespace)
        && (lower.starts_with("http://")
            || lower.starts_with("https://")
            || lower.starts_with("www."))
        && url.len() > 12)
        .then_some(url)
}

/// The print date of a browser's print header: "2/17/21, 9:30 AM" (the US short date, month
/// first, with a two-digit year) or "17/02/2021, 09:30" (a four-digit year, read only when
/// the order is plain), then the page's title.
fn print_header_date(line: &str) -> Option<super::PubDate> {
    static PRINT_HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{2}|[0-9]{4}),\s+[0-9]{1,2}:[0-9]{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s+\S",
        )
        .expect("print header")
    });
    let c = PRINT_HEADER.captures(line.trim_start())?;
    if c[3].len() == 4 {
        return numeric_date(&format!("{}/{}/{}", &c[1], &c[2], &c[3]));
    }
    // A two-digit year is the US browser's short date: month first, unless the first number
    // can only be a day.
    let year = 2000 + c[3].parse::<i32>().ok()?;
    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    Some(super::PubDate {
        date: chrono::NaiveDate::from_ymd_opt(year, month, day)?,
        precision: DatePrecision::Day,
    })
}

/// The page's address a browser prints at the foot of each printed page, with the page number
/// ("https://site/world/story 1/3").
fn printed_page_url(text: &str) -> Option<&str> {
    text.lines().find_map(|line| {
        let (url, count) = line.trim().rsplit_once(char::is_whitespace)?;
        let (page, pages) = count.split_once('/')?;
        let numbers = [page, pages]
            .iter()
            .all(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()));
        (numbers && url_line(url).is_some()).then_some(url.trim())
    })
}

/// An e-mail's header block ("From:", "Sent:" or "Date:", "To:", "Subject:" lines up to the
/// first blank line), then its text, read as a page: the subject is its title and the sending
/// day its date, unless the text's own header gives them.
fn email(cleaned: &str) -> Option<ParsedArticle> {
    if !cleaned
        .get(..5)
        .is_some_and(|head| head.eq_ignore_ascii_case("from:"))
    {
        return None;
    }
    let block_end = cleaned.find("\n\n").unwrap_or(cleaned.len());
    let block = &cleaned[..block_end];
    if block.lines().count() > 12 {
        return None;
    }
    let field = |name: &str| {
        block.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim().eq_ignore_ascii_case(name).then(|| value.trim())
        })
    };
    let subject = field("subject")?;
    let sent = ["date", "sent"]
        .iter()
        .filter_map(|k| field(k))
        .find_map(|v| super::header::parse_field_date(v).or_else(|| date_in_byline(v)));
    let mut parsed = parse_text(cleaned[block_end..].trim_start());
    let subject = subject
        .trim_start_matches(|c: char| c.is_whitespace())
        .trim_start_matches("Fwd:")
        .trim_start_matches("FW:")
        .trim();
    if parsed.title.is_none() && !subject.is_empty() {
        parsed.title = Some(subject.to_owned());
    }
    parsed.published = parsed.published.or(sent);
    Some(parsed)
}

/// A first line that opens with a time stamp, bracketed or year first, and goes on with a
/// headline: "[2021-03-03T14:20:00Z] Headline", "(March 3, 2021) Headline", "2021-03-03 14:20 |
/// Headline", "2021-03-03T14:20Z — Headline". Returns the date and the headline.
fn stamped_headline(line: &str) -> Option<(super::PubDate, &str)> {
    static ISO_STAMP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\.[0-9]+)?(?:Z|\s*[A-Z]{2,4}|[+-][0-9]{2}:?[0-9]{2})?)?\s*(?:[|:\-–—]\s+)?",
        )
        .expect("iso stamp")
    });
    let trimmed = line.trim_start();
    let (date, rest) = if let Some(inner) = trimmed.strip_prefix(['[', '(']) {
        let close = inner.find([']', ')'])?;
        let stamp = inner[..close].trim();
        let date = parse_date(stamp)
            .or_else(|| date_in_byline(stamp))
            .filter(|d| d.precision == DatePrecision::Day)?;
        let rest = inner[close + 1..].trim_start();
        (date, rest.trim_start_matches(['|', ':', '-', '–', '—']))
    } else {
        let m = ISO_STAMP.captures(trimmed)?;
        (parse_date(&m[1])?, &trimmed[m.get(0)?.end()..])
    };
    let headline = rest.trim();
    // A headline starts with a capital or a figure and has a few words.
    (headline.split_whitespace().count() >= 3
        && headline
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
    .then_some((date, headline))
}

/// A header line ("Posted on 12/03/2020", "12/03/2020 08:14") among the first lines whose
/// numeric date could be read day or month first.
fn ambiguous_header_date(cleaned: &str) -> Option<String> {
    cleaned.lines().take(8).find_map(|line| {
        let bare = before_glued_label(without_date_label(line.trim())).trim_end();
        (bare.split_whitespace().count() <= 3 && numeric_readings(bare).is_some())
            .then(|| bare.to_owned())
    })
}

/// Style 4 (title / blank / author / written date), or a bare title line over a blank line.
/// Returns the title, the date if one was written, and where the body starts.
fn titled_header(cleaned: &str) -> Option<(String, Option<super::PubDate>, usize)> {
    let mut lines = Vec::new();
    let mut offset = 0usize;
    for line in cleaned.split('\n').take(8) {
        lines.push((offset, line));
        offset += line.len() + 1;
    }
    let (_, title) = *lines.first()?;
    let title = title.trim();
    if title.is_empty() || title.chars().count() > 200 || title.ends_with(['.', ':', ',']) {
        return None;
    }
    // A dated header: a line that is nothing but a date, after only short (author) lines.
    for &(start, line) in lines.iter().skip(1) {
        let t = line.trim();
        // Page furniture between title and byline ("Loading...", "Advertisement") is skipped.
        let furniture = t.trim_end_matches(['.', '…']);
        if furniture.eq_ignore_ascii_case("loading")
            || furniture.eq_ignore_ascii_case("advertisement")
        {
            continue;
        }
        // A sentence of the story ("On 21 June 2022, a drone hit the depot, officials said.")
        // ends the header before its date is read: a byline or date line that ends with a full
        // stop is short.
        if split_date_label(t).is_none()
            && t.ends_with(['.', '!', '?'])
            && t.split_whitespace().count() > 8
        {
            break;
        }
        if let Some(date) = parse_date(without_date_label(t))
            .or_else(|| date_in_byline(without_date_label(t)))
            .or_else(|| numeric_date(without_date_label(t)))
        {
            // "PORT SUDAN — May 5, 2025 (staff)": a wire dateline on a line of its own names
            // where the story was filed; it stays in the body, whose dateline city places an
            // event the text gives no site.
            let mut end = if opens_with_a_capitals_city(t) {
                start
            } else {
                start + line.len()
            };
            let mut date = date;
            // "Updated 14 May" over "First published on 12 May": the first run dates the story.
            if matches!(split_date_label(t), Some((DateLabel::Updated, _))) {
                let published_below = lines
                    .iter()
                    .filter(|&&(at, _)| at > start)
                    .take(2)
                    .find_map(|&(at, l)| match split_date_label(l.trim()) {
                        Some((DateLabel::Published, rest)) => Some((
                            parse_date(rest).or_else(|| numeric_date(rest))?,
                            at + l.len(),
                        )),
                        _ => None,
                    });
                if let Some((first_run, line_end)) = published_below {
                    date = first_run;
                    end = line_end;
                }
            }
            return Some((title.to_owned(), Some(date), end.min(cleaned.len())));
        }
        // A line of the story ends its header; a headline under a masthead line ("Outlet |
        // Section") can run past 80 characters but ends with no full stop.
        if t.chars().count() > 140 || t.ends_with('.') {
            break;
        }
    }
    // A bare title: first line alone in its paragraph, followed by more text.
    let first_para_end = cleaned.find("\n\n")?;
    if first_para_end == title.len() + (cleaned.len() - cleaned.trim_start().len())
        && cleaned.len() > first_para_end + 2
        && title.split_whitespace().count() <= 25
    {
        // A wire dateline with the date opens the body: "ANKARA, June 15, 2020 (Agency) - …".
        let published = date_in_dateline(&cleaned[first_para_end..]);
        return Some((title.to_owned(), published, first_para_end));
    }
    None
}

/// "PORT SUDAN — …", "KASSALA, Sudan — …": a line whose words before the first dash or comma
/// are a city in capitals (three letters or more), as a wire dateline prints it.
fn opens_with_a_capitals_city(line: &str) -> bool {
    let Some(cut) = line.find([',', '—', '–']).or_else(|| line.find(" - ")) else {
        return false;
    };
    let head = line[..cut].trim();
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && head
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '\'' | '.' | '-' | '/'))
}

/// The date of a line that is nothing but a date, labelled or not: "Published 12 May 2021",
/// "May 12, 2021", "June 2021" (month), "Updated 09:40 GMT, 12 May 2021" (a label, then a time
/// before the date), "21/05/2021" or "21.05.2021" (numeric, when its order is plain). A bare
/// year is no page date.
fn date_line(line: &str) -> Option<super::PubDate> {
    let bare = without_date_label(line);
    if let Some(date) = parse_date(bare)
        .filter(|d| matches!(d.precision, DatePrecision::Day | DatePrecision::Month))
    {
        return Some(date);
    }
    if bare.split_whitespace().count() <= 3
        && let Some(date) = numeric_date(bare)
    {
        return Some(date);
    }
    // After a label the rest may be a byline-like date with a time: "09:40 GMT, 12 May 2021".
    split_date_label(line).and_then(|(_, rest)| date_in_byline(rest))
}

/// A header's date line often carries a label: "Written on 27 Jan 2020", "Posted: 29 December
/// 2019", "Published on February 26, 2021". The label is dropped so the date itself is parsed;
/// a line without a label is returned as it is.
fn without_date_label(line: &str) -> &str {
    split_date_label(line).map_or(line, |(_, rest)| rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_on_line_dates_the_page() {
        let p = parse_text(
            "Drone strike hits fuel depot\n\nIssued on: 21/06/2022 - 09:15\n\nA drone hit the depot.",
        );
        assert_eq!(
            p.published.map(|d| d.to_schema_string()).as_deref(),
            Some("2022-06-21")
        );
        // An order the page does not settle is kept for the article's evidence to decide,
        // without the next field glued to its time.
        let p = parse_text(
            "Drone strike hits fuel depot\n\nIssued on: 05/06/2022 - 09:15Modified: 05/06/2022 - 11:40\n\nA drone hit the depot.",
        );
        assert_eq!(p.published, None);
        assert_eq!(p.ambiguous_date.as_deref(), Some("05/06/2022 - 09:15"));
    }

    #[test]
    fn a_date_in_a_body_sentence_is_not_the_page_date() {
        for text in [
            "Drone strike hits fuel depot\n\nOn 21 June 2022, a drone hit the depot, officials said.",
            "Drone strike hits fuel depot\n\nThe depot, first hit on June 21, 2022, burned again on Friday.",
            "Drone strike hits fuel depot\n\nA report Issued on 21 June 2022 by the ministry said the depot burned.",
        ] {
            let p = parse_text(text);
            assert_eq!((p.published, p.ambiguous_date), (None, None), "{text}");
        }
    }

    #[test]
    fn a_date_line_opening_the_page_is_its_date_not_its_title() {
        for (text, want) in [
            (
                "Published 12 May 2021\n\nRockets hit the base on Monday.",
                "2021-05-12",
            ),
            (
                "Posted: 12 May 2021\n\nRockets hit the base on Monday.",
                "2021-05-12",
            ),
            (
                "May 12, 2021\n\nRockets hit the base on Monday.",
                "2021-05-12",
            ),
            ("June 2021\n\nDrones hit the base in May.", "2021-06"),
        ] {
            let p = parse_text(text);
            assert_eq!(p.title, None, "{text}");
            assert_eq!(p.published.unwrap().to_schema_string(), want, "{text}");
            assert!(p.body.starts_with("Rockets") || p.body.starts_with("Drones"));
        }
        // A bare year is no page date, and a headline is still a headline.
        assert_eq!(parse_text("2021\n\nRockets hit the base.").published, None);
        let p = parse_text("Rockets hit Balad\n\nRockets hit the base on Monday.");
        assert_eq!(p.title.as_deref(), Some("Rockets hit Balad"));
    }

    #[test]
    fn first_lines_that_are_a_date_with_a_time_or_in_numbers() {
        for (first, want) in [
            ("Updated 14:05 GMT, 16 August 2021", "2021-08-16"),
            ("Published: 2021-08-16T14:05:00Z", "2021-08-16"),
            ("08/16/2021", "2021-08-16"),
            ("16/08/2021", "2021-08-16"),
            ("16.08.2021", "2021-08-16"),
        ] {
            let p = parse_text(&format!(
                "{first}\n\nDrones hit a depot\n\nDrones hit it on Sunday."
            ));
            assert_eq!(p.title, None, "{first}");
            assert_eq!(p.published.unwrap().to_schema_string(), want, "{first}");
            assert!(p.body.starts_with("Drones hit a depot"), "{first}");
        }
        // Day and month could be swapped: kept for the dateline to settle, not read here.
        let p = parse_text("06/08/2021\n\nDrones hit a depot\n\nDrones hit it on Sunday.");
        assert_eq!(p.published, None);
        assert_eq!(p.ambiguous_date.as_deref(), Some("06/08/2021"));
        // A title line that is a byline with the date: a weak date.
        let p =
            parse_text("HARBOUR WEEKLY | MONDAY 16 AUGUST 2021\n\nDrones hit a depot on Sunday.");
        assert_eq!(p.leading_date.unwrap().to_schema_string(), "2021-08-16");
    }

    #[test]
    fn the_first_run_beats_the_update_in_the_header() {
        let p = parse_text(
            "Drones hit a depot\nBy A. Writer\nUpdated 09:30 GMT, 18 August 2021\n\
             First published on Mon 16 Aug 2021 07.55 BST\n\nDrones hit it on Sunday.",
        );
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-08-16");
        assert_eq!(p.body, "Drones hit it on Sunday.");
        // An update line alone dates the page.
        let p =
            parse_text("Drones hit a depot\nUpdated: Aug. 18, 2021 9:30 AM ET\n\nDrones hit it.");
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-08-18");
    }

    #[test]
    fn a_url_line_opening_the_page_is_its_address_not_its_title() {
        for first in [
            "https://news.example.org/world/2021/08/16/drones-hit-depot/",
            "Source: https://news.example.org/world/2021/08/16/drones-hit-depot",
        ] {
            let p = parse_text(&format!(
                "{first}\n\nDrones hit a depot\n\nDrones hit it on Sunday."
            ));
            assert_eq!(p.title.as_deref(), Some("Drones hit a depot"), "{first}");
            assert!(p.url.as_deref().unwrap().contains("2021/08/16"), "{first}");
            assert!(!p.body.contains("https"), "{first}");
        }
        // A sentence with a link in it is text.
        assert_eq!(url_line("See https://news.example.org for more"), None);
    }

    #[test]
    fn a_date_and_time_stamp_under_a_masthead_and_a_long_headline() {
        let p = parse_text(
            "THE HARBOUR POST | World\n\nDrone strike on a fuel depot outside the port kills seven \
             workers, including two firefighters\n\nAugust 16, 2021 9:40 pm\n\nDrones hit it on Sunday.",
        );
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-08-16");
        assert_eq!(p.body, "Drones hit it on Sunday.");
    }

    #[test]
    fn a_date_and_time_line_under_the_headline() {
        let lead = "Two guards were killed when drones struck a depot near Dnipro on Friday.\n\nThe depot burned.\n";
        for (stamp, want) in [
            ("18.03.2022 19:40", "2022-03-18"),
            ("18.03.2022 | 19:40", "2022-03-18"),
            ("19:40 18.03.2022", "2022-03-18"),
            ("08.04.2022, 19:40", "2022-04-08"),
            ("18-03-2022 19:40", "2022-03-18"),
        ] {
            let p = parse_text(&format!(
                "Drones strike a fuel depot near Dnipro\n\n{stamp}\n\n{lead}"
            ));
            assert_eq!(
                p.published.map(|d| d.to_schema_string()).as_deref(),
                Some(want),
                "{stamp}"
            );
        }
        // Dashed with both parts up to 12: the page's evidence settles it later.
        let p = parse_text(&format!(
            "Drones strike a fuel depot near Dnipro\n\n08-04-2022 19:40\n\n{lead}"
        ));
        assert_eq!(p.ambiguous_date.as_deref(), Some("08-04-2022 19:40"));
        // A time table or a score line deep in the body is no page date.
        let p = parse_text(&format!(
            "Drones strike a fuel depot near Dnipro\n\n{lead}\nThe trains resumed.\n\nDepartures\n\n18.03.2022 19:40 Kyiv\n\n19.03.2022 07:15 Lviv\n\nFinal score 2-1, 18.03.2022 19:40\n"
        ));
        assert_eq!((p.published, p.ambiguous_date), (None, None));
    }

    #[test]
    fn a_page_printed_from_a_browser() {
        let p = parse_text(
            "2/17/21, 9:30 AM\tDrones hit a depot - Example News\n\nDrones hit a depot\n\n\
             Drones hit it on Sunday.\n\nhttps://news.example.org/world/2021/02/16/drones 1/2\n",
        );
        assert_eq!(p.stamp_date.unwrap().to_schema_string(), "2021-02-17");
        assert_eq!(p.title.as_deref(), Some("Drones hit a depot"));
        assert!(p.url.as_deref().unwrap().contains("2021/02/16"));
        // A day-first print date with its year in full; a clock line is no print header.
        let p = parse_text("17/02/2021, 09:30 Drones hit a depot\n\nDrones hit it on Sunday.");
        assert_eq!(p.stamp_date.unwrap().to_schema_string(), "2021-02-17");
        assert_eq!(print_header_date("9:30 AM Drones hit a depot"), None);
        assert_eq!(print_header_date("2/30/21, 9:30 AM Drones"), None);
    }

    #[test]
    fn a_newsletter_saved_as_an_e_mail() {
        let p = parse_text(
            "From: Gulf Brief <brief@example.org>\nSent: Tuesday, February 16, 2021 8:12 AM\n\
             To: Readers\nSubject: Drones hit a depot near Harlow\n\nDrones hit it on Sunday.",
        );
        assert_eq!(p.title.as_deref(), Some("Drones hit a depot near Harlow"));
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-02-16");
        assert_eq!(p.body, "Drones hit it on Sunday.");
        let p = parse_text(
            "From: Desk\nDate: Tue, 16 Feb 2021 08:12:00 +0000\nSubject: Fwd: Drones\n\nText.",
        );
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-02-16");
        // A sentence that opens with "From:" is no e-mail.
        let p = parse_text("From: the front, our reporter writes.\n\nDrones hit a depot.");
        assert_eq!(p.published, None);
    }

    #[test]
    fn a_feed_line_with_a_time_stamp_then_the_headline() {
        for (page, want) in [
            (
                "[2021-03-03T14:20:00Z] Rockets hit a depot near the port\n------\n\nRockets hit a depot on Wednesday.",
                "2021-03-03",
            ),
            (
                "2021-03-03 14:20 | Rockets hit a depot near the port\n\nRockets hit a depot on Wednesday.",
                "2021-03-03",
            ),
            (
                "(March 3, 2021) Rockets hit a depot near the port\n\nRockets hit a depot on Wednesday.",
                "2021-03-03",
            ),
        ] {
            let p = parse_text(page);
            assert_eq!(
                p.published.map(|d| d.to_schema_string()).as_deref(),
                Some(want),
                "{page}"
            );
            assert_eq!(
                p.title.as_deref(),
                Some("Rockets hit a depot near the port")
            );
            assert!(
                p.body.starts_with("Rockets hit a depot on Wednesday."),
                "{:?}",
                p.body
            );
        }
        // A bracketed note that is no date, a sentence after an ISO date.
        assert!(
            parse_text("[Updated] Rockets hit a depot\n\nText.")
                .published
                .is_none()
        );
        let p = parse_text(
            "2021-03-03 Rockets hit a depot near the port on Wednesday, killing two guards and \
             wounding five others, the army said.\n\nMore text.",
        );
        assert_eq!(
            p.published.map(|d| d.to_schema_string()).as_deref(),
            Some("2021-03-03")
        );
        assert!(p.title.is_none());
        assert!(
            p.body
                .starts_with("Rockets hit a depot near the port on Wednesday")
        );
    }

    #[test]
    fn a_masthead_line_over_a_section_line_dates_the_page_by_its_month() {
        let p = parse_text(
            "GULF SECURITY MONTHLY — June 2021 issue\nSection: Gulf\n\nA long headline on a \
             long line that runs past eighty characters as feature titles do\n\nDrones hit a \
             depot on June 3.",
        );
        let date = p.leading_date.expect("the masthead's month");
        assert_eq!(
            (date.to_schema_string().as_str(), date.precision),
            ("2021-06", DatePrecision::Month)
        );
    }

    #[test]
    fn loading_placeholder_header() {
        let p = parse_text(" date 2019-12-30 Loading...\n\nBAGHDAD (Reuters) - Body here.");
        assert_eq!(p.published.unwrap().to_schema_string(), "2019-12-30");
        assert_eq!(p.title, None);
        assert_eq!(p.body, "BAGHDAD (Reuters) - Body here.");
    }

    #[test]
    fn sentence_on_the_marker_line_stays_in_the_body() {
        let p = parse_text(" date 2021-06-28 Officials said Monday the raids worked.\n\nSecond.");
        assert_eq!(p.body, "Officials said Monday the raids worked.\n\nSecond.");
        assert_eq!(p.published.unwrap().precision, DatePrecision::Day);
    }

    #[test]
    fn month_only_marker() {
        let p = parse_text(" date 2019-12 Loading...\n\nText.");
        let d = p.published.unwrap();
        assert_eq!(
            (d.to_schema_string().as_str(), d.precision),
            ("2019-12", DatePrecision::Month)
        );
    }

    #[test]
    fn title_author_date_header() {
        let p =
            parse_text("Jets hit depots\n\nA. Writer\nFebruary 26, 2021\n\nThe first paragraph.");
        assert_eq!(p.title.as_deref(), Some("Jets hit depots"));
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-02-26");
        assert_eq!(p.body, "The first paragraph.");
    }

    #[test]
    fn labelled_date_lines_in_the_header() {
        for (header, expected) in [
            (
                "Rockets hit embassy\nWritten by A. Writer\nWritten on 27 Jan 2020\n",
                "2020-01-27",
            ),
            (
                "Truck bomb in Mogadishu\nPosted: 29 December 2019\nAuthor: Desk\n",
                "2019-12-29",
            ),
            (
                "Strikes in Syria\n\nPublished on February 26, 2021\n",
                "2021-02-26",
            ),
            (
                "Strikes in Syria\nBy A. Writer\nUpdated: Feb. 27, 2021 10:00 GMT\n",
                "2021-02-27",
            ),
        ] {
            let p = parse_text(&format!("{header}\nThe first paragraph."));
            let date = p.published.map(|d| d.to_schema_string());
            assert_eq!(date.as_deref(), Some(expected), "{header:?}");
            // Lines after the date line (an "Author:" line) stay in the body, as before.
            assert!(p.body.ends_with("The first paragraph."), "{header:?}");
            assert!(
                !p.body.contains("2019") && !p.body.contains("2020"),
                "{header:?}"
            );
        }
        // A body sentence that starts with a label word is not a date line.
        let p = parse_text("Strikes in Syria\n\nPosted troops came under fire. More text.\n");
        assert_eq!(p.published, None);
    }

    #[test]
    fn byline_date_under_the_title_past_page_furniture() {
        let p = parse_text(
            "Floods cut the coast road\n\nLoading...\n\nCoast Herald | 4 April 2018\n\nRain fell.",
        );
        assert_eq!(p.title.as_deref(), Some("Floods cut the coast road"));
        assert_eq!(p.published.unwrap().to_schema_string(), "2018-04-04");
        assert_eq!(p.body, "Rain fell.");
    }

    #[test]
    fn a_dateline_line_under_the_title_dates_the_story_and_stays_in_the_body() {
        let p = parse_text(
            "Drones hit the port\n\nKASSALA — May 5, 2025 (staff)\n\nDrones struck a depot.",
        );
        assert_eq!(p.title.as_deref(), Some("Drones hit the port"));
        assert_eq!(p.published.unwrap().to_schema_string(), "2025-05-05");
        assert!(p.body.starts_with("KASSALA — May 5"), "{}", p.body);
        // A byline of outlet and date is furniture, not the body.
        let p = parse_text("Drones hit the port\n\nCoast Herald | 5 May 2025\n\nDrones struck.");
        assert_eq!(p.body, "Drones struck.");
    }

    #[test]
    fn the_page_s_address_on_a_header_line() {
        let page = "Rockets hit a base near Karvan\nSource: https://lakeside.example/news/2021/06/29/rockets-karvan\n\nKARVAN — Rockets hit a base on Monday evening, the military said, hours after strikes on militia depots across the border.";
        assert_eq!(
            parse_text(page).url.as_deref(),
            Some("https://lakeside.example/news/2021/06/29/rockets-karvan")
        );
        let bare = "Rockets hit a base near Karvan\n\nhttps://lakeside.example/2021/06/29/rockets\n\nRockets hit a base on Monday.";
        assert_eq!(
            parse_text(bare).url.as_deref(),
            Some("https://lakeside.example/2021/06/29/rockets")
        );
        // A link to another story, or an address further down the story, is not the page's.
        let related = "Rockets hit a base near Karvan\nRelated: https://lakeside.example/2019/05/02/older\n\nRockets hit a base on Monday.";
        assert_eq!(parse_text(related).url, None);
        let late = "Rockets hit a base near Karvan\n\nRockets hit a base on Monday evening, the military said in a statement that gave no toll.\n\nSource: https://lakeside.example/2019/05/02/older";
        assert_eq!(parse_text(late).url, None);
    }

    #[test]
    fn no_header_keeps_everything() {
        let p = parse_text("Rockets fell on the base. Nobody was hurt.\n\nMore.");
        assert_eq!(p.title, None);
        assert_eq!(p.published, None);
        assert!(p.body.starts_with("Rockets fell"));
    }
}

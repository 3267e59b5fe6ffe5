//! Markdown articles: optional YAML-style front matter (`title`, `date`, `source`, `url`), a
//! leading `# Heading` as the title, and inline markup removed so the body reads as plain text.

use std::sync::LazyLock;

use regex::Regex;

use super::clean::clean_text;
use super::header::{date_in_standfirst, numeric_readings, parse_field_date};
use super::json::{DATE_KEYS, STAMP_KEYS, same_key};
use super::{ParsedArticle, SourceFormat, table};

pub fn parse_markdown(raw: &str) -> ParsedArticle {
    let mut parsed = ParsedArticle::new(SourceFormat::Markdown);
    let text = raw.replace("\r\n", "\n");
    let mut content: &str = &text;

    if let Some((front, rest, separator)) = split_front_matter(&text) {
        content = rest;
        let mut updated = None;
        for line in front.lines() {
            let Some((key, value)) = line.split_once(separator) else {
                continue;
            };
            let value = unquote(value.trim());
            if value.is_empty() {
                continue;
            }
            // "pub_date", "publishedAt" and "published-at" are one key.
            let key: String = key
                .trim()
                .chars()
                .filter(|c| !matches!(c, '_' | '-' | '.'))
                .flat_map(char::to_lowercase)
                .collect();
            match key.as_str() {
                "title" | "headline" => parsed.title = Some(clean_text(value)),
                "date" | "published" | "pubdate" | "publishedat" | "datepublished"
                | "publishdate" | "publisheddate" | "publicationdate" | "firstpublished"
                | "created" | "createdat" | "datecreated" => match parse_field_date(value) {
                    Some(date) => parsed.published = parsed.published.or(Some(date)),
                    None if numeric_readings(value).is_some() => {
                        parsed
                            .ambiguous_date
                            .get_or_insert_with(|| value.to_owned());
                    }
                    None => {}
                },
                "updated" | "updatedat" | "lastmod" | "lastmodified" | "modified"
                | "datemodified" => updated = updated.or(parse_field_date(value)),
                // A web clipper's "source" is the page's address, not its outlet.
                "source" if super::text::url_in_header(value) == Some(value) => {
                    parsed.url = parsed.url.take().or(Some(value.to_owned()))
                }
                "source" | "publisher" | "site" => parsed.source = Some(clean_text(value)),
                "url" | "link" | "canonical" | "canonicalurl" | "permalink" => {
                    parsed.url = Some(value.to_owned())
                }
                // Any other key a JSON dump uses for the story's date ("pubDatetime",
                // "date_posted") or for a fetch or edit time stamp ("date_download").
                _ if DATE_KEYS.iter().any(|k| same_key(k, &key)) => {
                    parsed.published = parsed.published.or(parse_field_date(value))
                }
                _ if STAMP_KEYS.iter().any(|k| same_key(k, &key)) => {
                    updated = updated.or(parse_field_date(value))
                }
                _ => {}
            }
        }
        // An update date dates the page only when nothing says when it first ran.
        parsed.stamp_date = updated;
    }

    let mut body = String::with_capacity(content.len());
    let mut seen_text = false;
    let mut in_code = false;
    // Right after the title heading: its first line may be a standfirst with the date.
    let mut under_title = false;
    // The casualty columns of the Markdown table being read, once its header row says so.
    let mut table: Option<Option<(usize, usize)>> = None;
    for line in content.split('\n') {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            body.push_str(line);
            body.push('\n');
            continue;
        }
        if let Some(cells) = table_cells(trimmed) {
            match table {
                None => table = Some(table::casualty_columns(&cells)),
                Some(Some(columns)) => {
                    if let Some(sentence) = table::casualty_row_sentence(columns, &cells) {
                        body.push_str(&strip_inline(&sentence));
                        body.push_str("\n\n");
                        continue;
                    }
                }
                Some(None) => {}
            }
        } else {
            table = None;
        }
        if let Some(heading) = heading_text(trimmed) {
            // The first heading before any text is the title, not body text.
            if !seen_text && (parsed.title.is_none() || parsed.title.as_deref() == Some(heading)) {
                if parsed.title.is_none() {
                    parsed.title = Some(clean_text(&strip_inline(heading)));
                }
                under_title = true;
                continue;
            }
            body.push_str(&strip_inline(heading));
            body.push_str("\n\n");
            continue;
        }
        if is_rule(trimmed) {
            body.push('\n');
            continue;
        }
        let unquoted = trimmed.trim_start_matches('>').trim_start();
        if !unquoted.is_empty() {
            // "**June 2021** · Long read · Security" or "08.04.2022 19:40" under the title: the
            // page's date, at the precision written (a month line gives no day). A slashed or
            // dashed one whose day and month could be swapped is left to the page's evidence.
            if std::mem::take(&mut under_title) && parsed.published.is_none() {
                let standfirst = strip_inline(unquoted);
                parsed.published = date_in_standfirst(&standfirst);
                if parsed.published.is_none()
                    && standfirst.split_whitespace().count() <= 3
                    && numeric_readings(&standfirst).is_some()
                {
                    parsed.ambiguous_date.get_or_insert(standfirst);
                }
            }
            // Many pages saved as Markdown open with the headline as a plain line, no '#':
            // the line under it is read as a standfirst too, so its date dates the page. Only
            // the very first line, and only a headline-like one (short, no sentence end).
            if !seen_text && parsed.title.is_none() && looks_like_headline(unquoted) {
                under_title = true;
            }
            seen_text = true;
        }
        body.push_str(&strip_inline(if trimmed.starts_with('>') {
            unquoted
        } else {
            line
        }));
        body.push('\n');
    }
    parsed.body = clean_text(&body);
    if parsed.url.is_none() {
        parsed.url = super::text::url_in_header(&parsed.body).map(str::to_owned);
    }
    parsed
}

/// The cells of a Markdown table row ("| a | b |"); None for any other line.
fn table_cells(line: &str) -> Option<Vec<&str>> {
    let inner = line.trim_end().strip_prefix('|')?;
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    Some(inner.split('|').map(str::trim).collect())
}

/// A first line that reads as a headline rather than a paragraph: a few words, not ending
/// like a sentence or a lead-in.
fn looks_like_headline(line: &str) -> bool {
    let line = line.trim();
    !line.ends_with(['.', ':', ',', ';'])
        && line.chars().count() <= 200
        && (2..=25).contains(&line.split_whitespace().count())
}

/// YAML front matter between `---` lines (`key: value`), or TOML between `+++` lines (`key =
/// value`, as Hugo writes it): the front matter, the rest, and the key-value separator.
fn split_front_matter(text: &str) -> Option<(&str, &str, char)> {
    let (fence, separator) = if text.starts_with("+++\n") {
        ("+++", '=')
    } else {
        ("---", ':')
    };
    let rest = text.strip_prefix(fence)?.strip_prefix('\n')?;
    let end = rest.find(&format!("\n{fence}"))?;
    let after = &rest[end + 4..];
    let after = after.split_once('\n').map(|(_, r)| r).unwrap_or("");
    Some((&rest[..end], after, separator))
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v)
}

fn heading_text(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line[hashes..].starts_with(' ') {
        Some(line[hashes..].trim().trim_end_matches('#').trim())
    } else {
        None
    }
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
}

/// Removes emphasis markers, images and link targets: `**BAGHDAD (AP) —**` → `BAGHDAD (AP) —`,
/// `[the Pentagon](https://…)` → `the Pentagon`.
fn strip_inline(line: &str) -> String {
    static IMAGE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("image"));
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("link"));
    static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\*\*|__|(^|[\s(])[*_]([^\s*_])|([^\s*_])[*_]([\s).,;:!?]|$)")
            .expect("emphasis")
    });
    let s = if line.contains("![") {
        IMAGE.replace_all(line, "")
    } else {
        line.into()
    };
    let s = if s.contains("](") {
        LINK.replace_all(&s, "$1").into_owned()
    } else {
        s.into_owned()
    };
    if s.contains(['*', '_']) {
        // A list bullet "* item" is kept as written.
        let (bullet, rest) = match s.strip_prefix("* ") {
            Some(r) => ("* ", r),
            None => ("", s.as_str()),
        };
        format!("{bullet}{}", EMPHASIS.replace_all(rest, "$1$2$3$4"))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_date_keys_of_other_site_generators() {
        for key in ["pubDatetime", "date_posted", "publish_time"] {
            let p = parse_markdown(&format!(
                "---\ntitle: Drones hit a depot\n{key}: 2021-02-16T08:12:00Z\n---\n\nDrones hit it."
            ));
            assert_eq!(
                p.published.map(|d| d.to_schema_string()).as_deref(),
                Some("2021-02-16"),
                "{key}"
            );
        }
        // A fetch time is only a weak date.
        let p = parse_markdown("---\ndate_download: 2021-02-17\n---\n\nDrones hit it.");
        assert_eq!(p.published, None);
        assert_eq!(p.stamp_date.unwrap().to_schema_string(), "2021-02-17");
    }

    #[test]
    fn a_clipped_page_s_address_dates_it() {
        let clipped = "---\ntitle: Rockets hit a base\nsource: https://lakeside.example/world/2021/02/16/rockets\n---\n\nRockets hit a base on Monday.\n";
        let p = parse_markdown(clipped);
        assert_eq!(
            p.url.as_deref(),
            Some("https://lakeside.example/world/2021/02/16/rockets")
        );
        assert_eq!(p.source, None);
        let lined = "# Rockets hit a base\n\nSource: https://lakeside.example/world/2021/02/16/rockets\n\nRockets hit a base on Monday.\n";
        assert_eq!(
            parse_markdown(lined).url.as_deref(),
            Some("https://lakeside.example/world/2021/02/16/rockets")
        );
        // An outlet's name stays the source.
        let named = "---\ntitle: Rockets hit a base\nsource: Lakeside Courier\n---\n\nRockets hit a base.\n";
        assert_eq!(
            parse_markdown(named).source.as_deref(),
            Some("Lakeside Courier")
        );
    }

    #[test]
    fn front_matter_heading_and_markup() {
        let md = "---\ntitle: \"Rockets hit base\"\ndate: 2020-03-12\nsource: AP\n---\n\n# Rockets hit base\n\n**TAJI, Iraq (AP) —** Rockets hit [the base](http://x) on *Wednesday*.\n\n> A quote here.\n";
        let p = parse_markdown(md);
        assert_eq!(p.title.as_deref(), Some("Rockets hit base"));
        assert_eq!(p.published.unwrap().to_schema_string(), "2020-03-12");
        assert_eq!(p.source.as_deref(), Some("AP"));
        assert_eq!(
            p.body,
            "TAJI, Iraq (AP) — Rockets hit the base on Wednesday.\n\nA quote here."
        );
    }

    #[test]
    fn a_date_and_time_line_under_a_plain_headline() {
        let lead = "**Two guards were killed when drones struck a depot near Dnipro on Friday.**\n\nThe depot burned.\n";
        let read = |stamp: &str| {
            let p = parse_markdown(&format!(
                "Drones strike a fuel depot near Dnipro\n\n{stamp}\n\n{lead}"
            ));
            (p.published.map(|d| d.to_schema_string()), p.ambiguous_date)
        };
        for stamp in [
            "18.03.2022 19:40",
            "18.03.2022, 19:40",
            "18.03.2022 | 19:40",
            "19:40 18.03.2022",
            "**18.03.2022 19:40**",
            "18/03/2022 19:40",
            "18-03-2022 19:40",
        ] {
            assert_eq!(read(stamp).0.as_deref(), Some("2022-03-18"), "{stamp}");
        }
        // Dotted is day first; slashed or dashed with both parts up to 12 is left to the page.
        assert_eq!(read("08.04.2022 19:40").0.as_deref(), Some("2022-04-08"));
        assert_eq!(
            read("08/04/2022, 19:40"),
            (None, Some("08/04/2022, 19:40".to_owned()))
        );
        // A '#' heading works the same way.
        let p = parse_markdown(&format!(
            "# Drones strike a depot\n\n08-04-2022 19:40\n\n{lead}"
        ));
        assert_eq!(p.ambiguous_date.as_deref(), Some("08-04-2022 19:40"));
        // A first line that is a sentence is no headline, and a time table or score line in
        // the body is no page date.
        for page in [
            format!(
                "Drones struck a depot near Dnipro on Friday, officials said.\n\n18.03.2022 19:40\n\n{lead}"
            ),
            format!(
                "Drones strike a fuel depot near Dnipro\n\n{lead}\nTrains resumed:\n\n18.03.2022 19:40 Kyiv\n19.03.2022 07:15 Lviv\n"
            ),
            format!("Drones strike a fuel depot near Dnipro\n\n{lead}\n\n18.03.2022 19:40\n"),
        ] {
            let p = parse_markdown(&page);
            assert_eq!((p.published, p.ambiguous_date), (None, None), "{page}");
        }
    }

    #[test]
    fn a_bold_date_line_under_the_title() {
        let date = |md: &str| {
            parse_markdown(md)
                .published
                .map(|d| format!("{} {}", d.to_schema_string(), d.precision.as_str()))
        };
        let month =
            "# Drones over the delta\n\n**April 2022** · Analysis · Defence\n\nDrones hit a depot.";
        assert_eq!(date(month).as_deref(), Some("2022-04 month"));
        let day = "# Drones over the delta\n\n**11 April 2022** · Analysis\n\nDrones hit a depot.";
        assert_eq!(date(day).as_deref(), Some("2022-04-11 day"));
        // Front matter wins; a date in the first sentence is no standfirst.
        let front = format!("---\ndate: 2022-04-12\n---\n{day}");
        assert_eq!(date(&front).as_deref(), Some("2022-04-12 day"));
        let told = "# Drones\n\nIn April 2022 drones hit a depot · officials said.";
        assert_eq!(date(told), None);
        // A bare year is no date line; nor is a line that is not right under the title.
        assert_eq!(date("# Drones\n\n**2022** · Analysis\n\nText."), None);
        assert_eq!(date("# Drones\n\nText.\n\n**April 2022** · Analysis"), None);
        // A numeric front-matter date whose order is plain.
        assert_eq!(
            date("---\ndate: 21/04/2022\n---\nText.").as_deref(),
            Some("2022-04-21 day")
        );
    }

    #[test]
    fn front_matter_date_keys_spelled_any_way() {
        let date = |front: &str| {
            parse_markdown(&format!("---\n{front}\n---\nDrones hit a depot."))
                .published
                .map(|d| d.to_schema_string())
        };
        assert_eq!(
            date("published_at: 2021-08-15").as_deref(),
            Some("2021-08-15")
        );
        assert_eq!(
            date("datePublished: \"2021-08-15T06:10:00Z\"").as_deref(),
            Some("2021-08-15")
        );
        assert_eq!(date("date: 15.08.2021").as_deref(), Some("2021-08-15"));
        // An update date is only a last resort.
        let p = parse_markdown("---\nlastmod: 2021-08-19\n---\nDrones hit a depot.");
        assert_eq!(p.published, None);
        assert_eq!(p.stamp_date.unwrap().to_schema_string(), "2021-08-19");
        // TOML front matter, as Hugo writes it.
        let toml = "+++\ntitle = \"Drones\"\ndate = 2021-08-15T06:10:00Z\n+++\nDrones hit a depot.";
        let p = parse_markdown(toml);
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-08-15");
        assert_eq!(
            (p.title.as_deref(), p.body.as_str()),
            (Some("Drones"), "Drones hit a depot.")
        );
        for odd in ["+++", "+++\n", "+++\nİ = —\n+++", "---\nİ: —\n---"] {
            let _ = parse_markdown(odd);
        }
        // Day and month could be swapped: kept for the dateline to settle.
        let p = parse_markdown("---\ndate: 06/08/2021\n---\nDrones hit a depot.");
        assert_eq!(
            (p.published, p.ambiguous_date.as_deref()),
            (None, Some("06/08/2021"))
        );
    }

    #[test]
    fn heading_without_front_matter_is_the_title() {
        let p = parse_markdown("# Drone hits hangar\n\nA drone hit al_Asad's snake_case hangar.");
        assert_eq!(p.title.as_deref(), Some("Drone hits hangar"));
        assert_eq!(p.body, "A drone hit al_Asad's snake_case hangar.");
        assert_eq!(p.published, None);
    }

    #[test]
    fn a_per_source_toll_table_reads_as_attributed_sentences() {
        let p = parse_markdown(
            "# Monitor\n\nGunmen raided a market in Kalda on Friday.\n\n\
             | Source | Killed | Date of statement |\n|---|---|---|\n\
             | District police | 12 | 2 Mar |\n| **Hospital staff** | 20+ | 3 Mar |\n\n\
             Traders closed their stalls.",
        );
        assert!(p.body.contains("According to District police, 12 killed."));
        assert!(
            p.body
                .contains("According to Hospital staff, at least 20 killed.")
        );
        assert!(p.body.contains("Traders closed their stalls."));
        assert!(!p.body.contains("| District police"));
    }

    #[test]
    fn other_tables_are_left_as_written() {
        let page = "# Ferries\n\nThe port reopened.\n\n| Route | Source | Fare |\n|---|---|---|\n\
                    | Harbour line | Port office | 0 |\n\n\
                    | Source | Price |\n|---|---|\n| Market board | 45,000 |";
        let p = parse_markdown(page);
        assert!(!p.body.contains("According to"), "{}", p.body);
        assert!(p.body.contains("| Market board | 45,000 |"));
        // A timetable with no source column is not a casualty table either.
        let p = parse_markdown("| Train | Departs |\n|---|---|\n| 14 | 09:10 |");
        assert!(!p.body.contains("killed"));
    }
}

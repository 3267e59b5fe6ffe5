//! Clean-up shared by every format: line endings, HTML entities (including the broken
//! `& # 39;` form), stray control characters; and the analysis of a cleaned body: dateline,
//! page boilerplate, a title from the first sentence.

use std::sync::LazyLock;

use regex::Regex;

use super::Span;

/// Normalises line endings to `\n`, decodes HTML entities, drops control characters other than
/// newline and tab, trims trailing spaces on each line and collapses runs of blank lines, so the
/// body the article pane shows has one blank line between paragraphs.
pub fn clean_text(raw: &str) -> String {
    normalise_lines(&decode_entities(raw))
}

/// `clean_text` without entity decoding, for text whose entities are already decoded. Lines are
/// trimmed at both ends: indentation carries no meaning in news text.
pub fn normalise_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0usize;
    let normalised;
    let text = if text.contains('\r') {
        normalised = text.replace("\r\n", "\n").replace('\r', "\n");
        normalised.as_str()
    } else {
        text
    };
    for line in text.split('\n') {
        let line = line.trim();
        if line.trim().is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        // Most lines are printable ASCII, which passes unchanged.
        if line.bytes().all(|b| (0x20..0x7f).contains(&b)) {
            out.push_str(line);
            continue;
        }
        for c in line.chars() {
            match c {
                '\t' => out.push(' '),
                '\u{A0}' => out.push(' '),
                c if c.is_control() => {}
                '\u{FEFF}' | '\u{200B}' => {}
                c => out.push(c),
            }
        }
    }
    out
}

/// Decodes named and numeric HTML entities. Also accepts the spaced form `& # 39;` that some
/// scrapers produce. Unknown entities are kept as written.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        match parse_entity(after) {
            Some((decoded, used)) => {
                rest = &after[used..];
                // The spaced form came from a scraper padding "&#39;" with spaces: take them out
                // again so "Kata & # 39; ib" reads "Kata'ib".
                if after[1..].starts_with(' ') {
                    if out.ends_with(' ') {
                        out.pop();
                    }
                    rest = rest.strip_prefix(' ').unwrap_or(rest);
                }
                out.push(decoded);
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Parses an entity at the start of `s` (which begins with '&'); returns it and the bytes used.
fn parse_entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let mut i = 1;
    let skip_spaces = |i: &mut usize| {
        // At most a couple of spaces: "& # 39 ;" but not "& the".
        let start = *i;
        while *i < b.len() && b[*i] == b' ' && *i - start < 2 {
            *i += 1;
        }
    };
    skip_spaces(&mut i);
    if i < b.len() && b[i] == b'#' {
        i += 1;
        skip_spaces(&mut i);
        let hex = i < b.len() && (b[i] == b'x' || b[i] == b'X');
        if hex {
            i += 1;
        }
        let digits_start = i;
        while i < b.len() && i - digits_start < 8 && (b[i] as char).is_ascii_hexdigit() {
            if !hex && !b[i].is_ascii_digit() {
                break;
            }
            i += 1;
        }
        if i == digits_start {
            return None;
        }
        let code = u32::from_str_radix(&s[digits_start..i], if hex { 16 } else { 10 }).ok()?;
        skip_spaces(&mut i);
        if i < b.len() && b[i] == b';' {
            i += 1;
        } else if s[1..].starts_with(' ') {
            // The spaced form is only trusted with its semicolon.
            return None;
        }
        let c = windows_1252_fixup(code).or_else(|| char::from_u32(code))?;
        return Some((c, i));
    }
    if i != 1 {
        return None; // a named entity never has a space after '&'
    }
    let name_end = s[1..]
        .find(|c: char| !c.is_ascii_alphanumeric())
        .map(|p| p + 1)?;
    if name_end == 1 || name_end > 10 || b.get(name_end) != Some(&b';') {
        return None;
    }
    let c = named_entity(&s[1..name_end])?;
    Some((c, name_end + 1))
}

/// `&#150;` and friends: numeric references in the C1 range that pages mean as Windows-1252.
fn windows_1252_fixup(code: u32) -> Option<char> {
    Some(match code {
        0x80 => '€',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        _ => return None,
    })
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "middot" => '·',
        "bull" => '•',
        "deg" => '°',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "shy" => '\u{AD}',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "ccedil" => 'ç',
        "ntilde" => 'ñ',
        "times" => '×',
        "minus" => '−',
        _ => return None,
    })
}

/// A dateline at the start of a paragraph: `BAGHDAD (Reuters) -`, `WASHINGTON / BAGHDAD
/// (Reuters) –`, `BAGHDAD, Dec 30 (Reuters) -`, `ERBIL, Iraq —`, `CAMP TAJI, Iraq (AFP) -`.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?:[A-Z][A-Z.'’\-]*[A-Z.](?:\ [A-Z][A-Z.'’\-]*[A-Z.])*)        # CITY (all capitals)
        (?:\s*/\s*[A-Z][A-Z.'’\-]*[A-Z.](?:\ [A-Z][A-Z.'’\-]*[A-Z.])*)* # / SECOND CITY
        (?:,\ [A-Z][A-Za-z.]*(?:\ [A-Za-z0-9.]+){0,2}){0,2}              # , Iraq, Dec 30
        \s*
        (?:\(([A-Z][A-Za-z .&'’\-]{0,40})\)\s*)?                       # (Reuters)
        (?:[–—]|--?)(?:\ |$)",
    )
    .expect("dateline regex")
});

/// `text.split("\n\n")`: the pieces between blank-line breaks, found with the fast search
/// for a single '\n' (a two-byte pattern goes through the general substring searcher, which
/// showed in profiles on every article).
pub(crate) fn paragraphs(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        let mut from = 0;
        loop {
            match r[from..].find('\n') {
                Some(i) if r.as_bytes().get(from + i + 1) == Some(&b'\n') => {
                    let cut = from + i;
                    rest = Some(&r[cut + 2..]);
                    return Some(&r[..cut]);
                }
                Some(i) => from += i + 1,
                None => {
                    rest = None;
                    return Some(r);
                }
            }
        }
    })
}

/// `text.rsplit(". ").next()`: what follows the last ". ", or all of `text`; a backward byte
/// scan for the two bytes instead of the general substring searcher (asked of every line).
fn after_last_full_stop(text: &str) -> &str {
    let b = text.as_bytes();
    match (1..b.len())
        .rev()
        .find(|&i| b[i] == b' ' && b[i - 1] == b'.')
    {
        Some(i) => &text[i + 1..],
        None => text,
    }
}

/// Finds a dateline at the start of one of the first paragraphs. Returns its span (up to and
/// including the dash) and the news agency named in parentheses, if any.
pub fn find_dateline(body: &str) -> Option<(Span, Option<String>)> {
    let mut start = 0usize;
    for (n, para) in paragraphs(body).enumerate() {
        if n >= 3 {
            break;
        }
        if let Some(caps) = DATELINE.captures(para) {
            let whole = caps.get(0)?;
            // The regex ends with the space after the dash; the span stops at the dash.
            let end = start + whole.as_str().trim_end().len();
            let source = caps.get(1).map(|m| m.as_str().trim().to_owned());
            return Some(([start, end], source));
        }
        start += para.len() + 2;
    }
    None
}

/// Lines that are page furniture, never article text. Matched on a whole short line, case
/// insensitively, as a prefix.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "discuss this article",
    "other reports by",
    "related:",
    "related stories",
    "related articles",
    "related coverage",
    "read more",
    "read also",
    "see also:",
    "more from",
    "share this",
    "share on",
    "advertisement",
    "sign up for",
    "subscribe to",
    "follow us",
    "click here",
    "most read",
    "recommended",
    "comments",
    "leave a comment",
];

/// Finds spans of page boilerplate in a cleaned body: short furniture lines ("Discuss This
/// Article", "Related:", "Read more"), and a sidebar teaser: a headline-like line that sits
/// directly on top of a paragraph (no blank line between) in the middle of the article.
pub fn find_boilerplate(body: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut offset = 0usize;
    for (n, para) in paragraphs(body).enumerate() {
        let para_start = offset;
        offset += para.len() + 2;
        let mut lines = para.split('\n');
        let first = lines.next().unwrap_or("");
        let has_more_lines = para.len() > first.len();
        // Photo captions describe a picture (often of an older event, dated like a dateline)
        // and are not the story's text.
        let mut line_start = para_start;
        let mut caption_found = false;
        for line in para.split('\n') {
            if is_caption_line(line) {
                spans.push([line_start, line_start + line.len()]);
                caption_found = true;
            }
            line_start += line.len() + 1;
        }
        if caption_found {
            continue;
        }
        if is_furniture_line(first) {
            if has_more_lines && is_furniture_heading_only(first) {
                spans.push([para_start, para_start + para.len()]);
            } else {
                spans.push([para_start, para_start + first.len()]);
            }
            continue;
        }
        if n > 0 && has_more_lines && looks_like_headline(first) {
            spans.push([para_start, para_start + para.len()]);
        }
    }
    spans
}

fn is_furniture_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() || t.chars().count() > 80 {
        return false;
    }
    // The prefixes are lower-case ASCII: compared without a lower-cased copy of every
    // paragraph's first line.
    BOILERPLATE_PREFIXES.iter().any(|p| {
        t.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
            && t[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() || p.ends_with(':'))
    })
}

/// A photo caption: labelled ("Caption:", "Photo caption:", "(Photo caption: …)",
/// "Pictured:", "Photo:") or ending with a photo agency's credit ("… 2021. REUTERS/Name",
/// "AP Photo/Name", "AFP/file").
fn is_caption_line(line: &str) -> bool {
    let t = line.trim().trim_start_matches(['(', '[']);
    let starts_with = |p: &str| t.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    const LABELS: &[&str] = &[
        "caption:",
        "photo caption:",
        "picture caption:",
        "image caption:",
        "pictured:",
        "photo:",
        "picture:",
        "image:",
        "file photo:",
    ];
    if LABELS.iter().any(|p| starts_with(p)) {
        return true;
    }
    // The credit is the last "sentence" of the line.
    let tail = t.trim_end_matches([')', ']', ' ', '.']);
    let credit = after_last_full_stop(tail).trim();
    const CREDITS: &[&str] = &[
        "REUTERS/",
        "Reuters/",
        "AFP/",
        "AFP via Getty",
        "AP Photo",
        "Getty Images",
        "EPA/",
        "EPA-EFE/",
    ];
    credit.len() < tail.len() && CREDITS.iter().any(|c| credit.starts_with(c))
}

/// Headings whose following lines are a list of links or teasers.
fn is_furniture_heading_only(line: &str) -> bool {
    let t = line.trim();
    [
        "related",
        "read more",
        "more from",
        "most read",
        "recommended",
        "see also",
    ]
    .iter()
    .any(|p| {
        t.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })
}

/// A teaser headline: 3–16 words, no sentence-final punctuation, most words capitalised.
fn looks_like_headline(line: &str) -> bool {
    let t = line.trim();
    if t.ends_with(['.', '"', '”', ':', ',', ';']) || t.chars().count() > 120 {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if !(3..=16).contains(&words.len()) {
        return false;
    }
    let small = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with",
    ];
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !small.iter().any(|s| w.eq_ignore_ascii_case(s)))
        .collect();
    let capitalised = content
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    !content.is_empty() && capitalised * 10 >= content.len() * 8
}

/// A title from the first sentence of the body (after any dateline), at most ~100 characters,
/// cut at a word boundary.
pub fn title_from_body(body: &str, dateline: Option<Span>) -> String {
    // Only a dateline that opens the body is skipped; one in a later paragraph is not in the way.
    let from = dateline.filter(|d| d[0] == 0).map(|d| d[1]).unwrap_or(0);
    let text = body[from..].trim_start();
    let para = text.split("\n\n").next().unwrap_or("").replace('\n', " ");
    let sentence = first_sentence(&para);
    shorten(sentence.trim(), 100)
}

/// The first sentence of a paragraph. A period ends a sentence only when the word before it is
/// not an abbreviation or initial ("U.S.", "Col.", "Jan.") and a capital or quote follows.
pub fn first_sentence(para: &str) -> &str {
    let bytes = para.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if !matches!(b, b'.' | b'?' | b'!') {
            continue;
        }
        let rest = &para[i + 1..];
        let next = rest.trim_start_matches(['"', '”', '’', '\'']);
        if !next.starts_with(' ') {
            if next.is_empty() {
                return para;
            }
            continue;
        }
        let word_start = para[..i].rfind(' ').map(|p| p + 1).unwrap_or(0);
        let word = &para[word_start..i];
        if b == b'.' && is_abbreviation(word) {
            continue;
        }
        let after = next.trim_start();
        if after
            .starts_with(|c: char| c.is_uppercase() || c == '"' || c == '“' || c.is_ascii_digit())
        {
            return &para[..i + 1 + (rest.len() - next.len())];
        }
    }
    para
}

fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '"', '“']);
    if w.contains('.') || w.chars().count() <= 1 {
        return true; // "U.S", "a.m", initials
    }
    const ABBR: &[&str] = &[
        "Mr", "Mrs", "Ms", "Dr", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm", "Rep", "Sen",
        "Gov", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "No", "St",
        "Jr", "Sr", "vs", "etc", "approx",
    ];
    ABBR.contains(&w)
}

/// Cuts `s` to at most about `max` characters at a word boundary, adding "…" when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut = s.char_indices().nth(max).map(|(i, _)| i).unwrap_or(s.len());
    let head = &s[..cut];
    let head = match head.rfind(' ') {
        Some(p) if p > max / 2 => &head[..p],
        _ => head,
    };
    format!(
        "{}…",
        head.trim_end_matches([',', ';', ':', ' ', '-', '–', '—'])
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_including_the_spaced_form() {
        assert_eq!(decode_entities("Kata & # 39; ib"), "Kata'ib");
        assert_eq!(decode_entities("group& # 39;s"), "group's");
        assert_eq!(
            decode_entities("Iran&#39;s &amp; Iraq&#8212;x &#x2019;"),
            "Iran's & Iraq—x ’"
        );
        assert_eq!(
            decode_entities("AT&T and & friends &unknown;"),
            "AT&T and & friends &unknown;"
        );
        assert_eq!(decode_entities("&quot;quoted&quot; &#151;"), "\"quoted\" —");
    }

    #[test]
    fn clean_text_normalises_lines() {
        let raw = "\u{FEFF}First line  \r\nsecond\r\n\r\n\r\n\r\nThird\tpara\u{7}";
        assert_eq!(clean_text(raw), "First line\nsecond\n\nThird para");
        assert_eq!(clean_text("  indented\n\n\n  next  "), "indented\n\nnext");
    }

    #[test]
    fn datelines_of_several_shapes() {
        for (text, source) in [
            (
                "WASHINGTON / BAGHDAD (Reuters) – US officials said",
                Some("Reuters"),
            ),
            ("BAGHDAD, Dec 30 (Reuters) - Rockets", Some("Reuters")),
            ("ERBIL, Iraq — A volley", None),
            ("BEIRUT (AP) — The group", Some("AP")),
            ("CAMP TAJI, Iraq (AFP) - Rockets", Some("AFP")),
            ("AL-QAIM, Iraq, Dec 30 (AFP) -", Some("AFP")),
        ] {
            let (span, src) =
                find_dateline(text).unwrap_or_else(|| panic!("no dateline in {text}"));
            assert_eq!(src.as_deref(), source, "{text}");
            assert!(text[..span[1]].ends_with(['-', '–', '—']), "{text}");
        }
        assert!(find_dateline("US officials said Sunday - nothing").is_none());
        assert!(find_dateline("The strikes hit al-Qaim.").is_none());
        let body = "First sentence of the lead.\n\nKIRKUK, Iraq (AP) - More.";
        let (span, _) = find_dateline(body).unwrap();
        assert_eq!(&body[span[0]..span[1]], "KIRKUK, Iraq (AP) -");
    }

    #[test]
    fn boilerplate_lines_and_teasers() {
        let body = "Lead paragraph about rockets.\n\nSecond paragraph.\n\nIn a Surprise Move, Ministry Bans Kites in Springfield\nA columnist in Springfield said kites were fine.\n\nMore text.\n\nOther reports by\n\nDiscuss This Article";
        let spans = find_boilerplate(body);
        let texts: Vec<&str> = spans.iter().map(|s| &body[s[0]..s[1]]).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].starts_with("In a Surprise Move") && texts[0].ends_with("fine."));
        assert_eq!(texts[1], "Other reports by");
        assert_eq!(texts[2], "Discuss This Article");
        // An ordinary two-line paragraph is not a teaser.
        assert!(
            find_boilerplate("Lead.\n\nThe rockets landed near the base.\nNobody was hurt.")
                .is_empty()
        );
    }

    #[test]
    fn photo_captions_are_boilerplate() {
        let body = "Rockets hit the base on Monday.\n\n\
                    Caption: A guard at the gate of the base, in 2019.\n\n\
                    (Photo caption: Police inspect a car hit by a rocket in Erbil, \
                    March 3, 2021. REUTERS/Some Photographer)\n\n\
                    Workers repair a damaged hangar in Kirkuk, Iraq, May 1, 2020. AP Photo/Staff\n\n\
                    Pictured: the runway.\n\n\
                    The rockets landed near the runway. Officials said nobody was hurt.";
        let texts: Vec<&str> = find_boilerplate(body)
            .iter()
            .map(|s| &body[s[0]..s[1]])
            .collect();
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert!(texts[0].starts_with("Caption:"));
        assert!(texts[1].starts_with("(Photo caption:") && texts[1].ends_with(')'));
        assert!(texts[2].ends_with("AP Photo/Staff"));
        assert_eq!(texts[3], "Pictured: the runway.");
        // A sentence that merely mentions a photo or Reuters is article text.
        assert!(!is_caption_line(
            "The photo showed the damage, Reuters reported. It was taken on Monday."
        ));
        assert!(!is_caption_line(
            "Reuters/Ipsos polling found most Iraqis opposed."
        ));
    }

    #[test]
    fn titles_from_first_sentences() {
        let body = "BAGHDAD (Reuters) - U.S. officials said the strikes on Sunday were successful. More follows.";
        let dl = find_dateline(body).map(|d| d.0);
        assert_eq!(
            title_from_body(body, dl),
            "U.S. officials said the strikes on Sunday were successful."
        );
        let long = "word ".repeat(60);
        let t = title_from_body(&long, None);
        assert!(t.chars().count() <= 101 && t.ends_with('…'));
    }

    #[test]
    fn paragraphs_split_like_a_blank_line_split() {
        for text in [
            "",
            "one",
            "\n",
            "\n\n",
            "\n\n\n",
            "a\n\nb",
            "a\nb\n\n\nc\n",
            "lead\n\n\n\nnext — İstanbul\n\n",
            "x\r\n\r\ny\n\nz",
        ] {
            let ours: Vec<&str> = paragraphs(text).collect();
            let split: Vec<&str> = text.split("\n\n").collect();
            assert_eq!(ours, split, "{text:?}");
        }
    }

    #[test]
    fn the_credit_is_what_follows_the_last_full_stop() {
        for text in [
            "",
            ".",
            ". ",
            "A soldier walks. REUTERS/Name",
            "Smoke rises. Dec. 5. AP Photo",
            "No full stop here",
            "Ends with a stop. ",
            "Çay. Şehir",
        ] {
            assert_eq!(
                after_last_full_stop(text),
                text.rsplit(". ").next().unwrap_or(text),
                "{text:?}"
            );
        }
    }
}

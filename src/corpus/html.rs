//! HTML pages: a small tag scanner (no DOM). Takes the text of `<article>` (else `<body>`),
//! the title and publication metadata; drops scripts, styles, navigation, footers, asides and
//! page furniture recognised by class or id. Block elements become paragraph breaks.

use super::clean::{decode_entities, normalise_lines};
use super::header::{
    date_in_standfirst, labelled_date_in_text, numeric_readings, parse_date, parse_field_date,
};
use super::{ParsedArticle, PubDate, SourceFormat, table};

/// Elements whose content is never text to show (skipped up to their end tag, unparsed).
const RAW_SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "textarea", "object",
];
/// Elements whose content is page chrome, not the story.
const DROP: &[&str] = &[
    "nav", "footer", "aside", "form", "button", "select", "menu", "dialog",
];
/// class/id fragments that mark page furniture.
const JUNK_CLASS: &[&str] = &[
    "cookie",
    "share",
    "social",
    "newsletter",
    "related",
    "advert",
    "promo",
    "comment",
    "sidebar",
    "breadcrumb",
    "subscribe",
    "paywall",
    "banner",
];
/// class/id fragments of the blocks that print a story's byline and date ("byline",
/// "article-meta", "post-date", "dateline", "author-info").
const BYLINE_CLASS: &[&str] = &["byline", "meta", "date", "author", "posted", "publish"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
    "address",
    "body",
];
const VOID: &[&str] = &[
    "br", "img", "meta", "link", "input", "hr", "source", "wbr", "area", "base", "col", "embed",
];

struct Tag<'a> {
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: Vec<(String, &'a str)>,
}

impl Tag<'_> {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }
}

#[derive(Default)]
struct Scan {
    title_tag: Option<String>,
    metas: Vec<(String, String)>,
    time_datetime: Option<String>,
    /// The date of an element marked as the publication date (microformat class "published",
    /// microdata itemprop "datePublished").
    marked_published: Option<String>,
    /// "datePublished" (else "dateCreated") and "dateModified" of the page's JSON-LD.
    linked_published: Option<String>,
    linked_modified: Option<String>,
    canonical: Option<String>,
    article_depth: usize,
    in_body: bool,
    drop: Option<(String, usize)>,
    h1: Option<String>,
    capturing_h1: bool,
    article_text: String,
    body_text: String,
    saw_article: bool,
    /// The byline block being read: its tag, nesting depth and text so far.
    byline: Option<(String, usize, String)>,
    /// The text of each byline block, in page order.
    bylines: Vec<String>,
    /// The casualty columns of the table being read, once its first row (the header) is read.
    table_columns: Option<Option<(usize, usize)>>,
    /// The table row being read: where its text starts in both texts, and its cells so far.
    table_row: Option<(usize, usize, Vec<String>)>,
}

impl Scan {
    fn push_text(&mut self, text: &str) {
        if self.drop.is_some() {
            return;
        }
        if self.capturing_h1 {
            self.h1.get_or_insert_with(String::new).push_str(text);
        }
        if self.article_depth > 0 {
            self.article_text.push_str(text);
        }
        if self.in_body {
            self.body_text.push_str(text);
        }
        if let Some((_, _, byline)) = &mut self.byline {
            byline.push_str(text);
        }
        if let Some(cell) = self.table_row.as_mut().and_then(|(_, _, c)| c.last_mut()) {
            cell.push_str(text);
        }
    }
}

pub fn parse_html(raw: &str) -> ParsedArticle {
    let lower = raw.to_ascii_lowercase();
    let bytes = raw.as_bytes();
    let mut scan = Scan {
        in_body: !lower.contains("<body"),
        ..Scan::default()
    };
    let mut i = 0usize;
    let mut text_start = 0usize;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        flush_text(&mut scan, &raw[text_start..i]);
        if lower[i..].starts_with("<!--") {
            i = lower[i + 4..]
                .find("-->")
                .map_or(bytes.len(), |p| i + 4 + p + 3);
            text_start = i;
            continue;
        }
        let Some((tag, end)) = parse_tag(raw, i) else {
            // A lone '<' in text.
            text_start = i;
            i += 1;
            continue;
        };
        i = end;
        text_start = end;
        if tag.closing {
            close_tag(&mut scan, &tag.name);
            continue;
        }
        if RAW_SKIP.contains(&tag.name.as_str()) || tag.name == "title" {
            let close = format!("</{}", tag.name);
            let content_end = lower[i..].find(&close).map_or(bytes.len(), |p| i + p);
            if tag.name == "title" && scan.title_tag.is_none() {
                scan.title_tag = Some(collapse(&decode_entities(&raw[i..content_end])));
            }
            if tag.name == "script"
                && tag
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
            {
                linked_data_dates(&raw[i..content_end], &mut scan);
            }
            i = lower[content_end..]
                .find('>')
                .map_or(bytes.len(), |p| content_end + p + 1);
            text_start = i;
            continue;
        }
        open_tag(&mut scan, &tag);
    }
    flush_text(&mut scan, &raw[text_start.min(raw.len())..]);
    finish(scan)
}

fn flush_text(scan: &mut Scan, chunk: &str) {
    if chunk.is_empty() {
        return;
    }
    let decoded = decode_entities(chunk);
    let collapsed = collapse_keep_edges(&decoded);
    scan.push_text(&collapsed);
}

fn open_tag(scan: &mut Scan, tag: &Tag) {
    let name = tag.name.as_str();
    if let Some((dropped, depth)) = &mut scan.drop {
        if dropped == name && !VOID.contains(&name) && !tag.self_closing {
            *depth += 1;
        }
        return;
    }
    match name {
        "meta" => {
            let key = tag
                .attr("property")
                .or(tag.attr("name"))
                .or(tag.attr("itemprop"));
            if let (Some(k), Some(v)) = (key, tag.attr("content")) {
                scan.metas
                    .push((k.to_ascii_lowercase(), decode_entities(v).trim().to_owned()));
            }
            return;
        }
        "link" => {
            if tag
                .attr("rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
            {
                scan.canonical = tag.attr("href").map(str::to_owned);
            }
            return;
        }
        "time" if scan.time_datetime.is_none() => {
            scan.time_datetime = tag.attr("datetime").map(str::to_owned);
        }
        "body" => scan.in_body = true,
        // Microformats and microdata on any element: <abbr class="published" title="…">,
        // <span itemprop="datePublished" content="…">.
        _ if scan.marked_published.is_none() => {
            let class = tag.attr("class").unwrap_or("").to_ascii_lowercase();
            let itemprop = tag.attr("itemprop").unwrap_or("").to_ascii_lowercase();
            let value = if itemprop == "datepublished" {
                tag.attr("content").or(tag.attr("datetime"))
            } else if class.split_whitespace().any(|c| c == "published") {
                tag.attr("title").or(tag.attr("datetime"))
            } else {
                None
            };
            scan.marked_published = value.map(str::to_owned);
        }
        _ => {}
    }
    let class_id = format!(
        "{} {}",
        tag.attr("class").unwrap_or(""),
        tag.attr("id").unwrap_or("")
    )
    .to_ascii_lowercase();
    let junk = || JUNK_CLASS.iter().any(|j| class_id.contains(j));
    if !VOID.contains(&name)
        && !tag.self_closing
        && (DROP.contains(&name) || (name != "article" && name != "body" && junk()))
    {
        scan.drop = Some((name.to_owned(), 1));
        return;
    }
    let opens_block = !VOID.contains(&name) && !tag.self_closing;
    match &mut scan.byline {
        Some((byline_tag, depth, _)) if byline_tag == name && opens_block => *depth += 1,
        None if opens_block
            && name != "article"
            && name != "body"
            && BYLINE_CLASS.iter().any(|b| class_id.contains(b)) =>
        {
            scan.byline = Some((name.to_owned(), 1, String::new()));
        }
        _ => {}
    }
    if name == "article" {
        scan.article_depth += 1;
        scan.saw_article = true;
    }
    if name == "h1" && scan.h1.is_none() {
        scan.capturing_h1 = true;
    }
    match name {
        "table" => scan.table_columns = None,
        "tr" => {
            scan.table_row = Some((scan.article_text.len(), scan.body_text.len(), Vec::new()));
        }
        "td" | "th" => {
            if let Some((_, _, cells)) = &mut scan.table_row {
                cells.push(String::new());
            }
        }
        _ => {}
    }
    if name == "br" {
        scan.push_text("\n");
    } else if BLOCK.contains(&name) {
        scan.push_text("\n\n");
    }
}

fn close_tag(scan: &mut Scan, name: &str) {
    if let Some((dropped, depth)) = &mut scan.drop {
        if dropped == name {
            *depth -= 1;
            if *depth == 0 {
                scan.drop = None;
            }
        }
        return;
    }
    if let Some((byline_tag, depth, _)) = &mut scan.byline
        && byline_tag == name
    {
        *depth -= 1;
        if *depth == 0
            && let Some((_, _, text)) = scan.byline.take()
        {
            scan.bylines.push(text);
        }
    }
    match name {
        "article" => scan.article_depth = scan.article_depth.saturating_sub(1),
        "h1" => scan.capturing_h1 = false,
        "tr" => casualty_row(scan),
        "body" => {
            scan.push_text("\n\n");
            scan.in_body = false;
        }
        _ => {}
    }
    if BLOCK.contains(&name) {
        scan.push_text("\n\n");
    }
}

/// At the end of a table row: the first row of a table is its header; a later row of a
/// per-source casualty table is rewritten as the sentence it stands for (see `table`).
fn casualty_row(scan: &mut Scan) {
    let Some((article_len, body_len, cells)) = scan.table_row.take() else {
        return;
    };
    match scan.table_columns {
        None => scan.table_columns = Some(table::casualty_columns(&cells)),
        Some(Some(columns)) => {
            if let Some(sentence) = table::casualty_row_sentence(columns, &cells) {
                scan.article_text.truncate(article_len);
                scan.body_text.truncate(body_len);
                scan.push_text(&format!("\n\n{sentence}\n\n"));
            }
        }
        Some(None) => {}
    }
}

/// Parses the tag starting at `start` (a '<'). Returns None when this '<' does not open a tag.
fn parse_tag(raw: &str, start: usize) -> Option<(Tag<'_>, usize)> {
    let b = raw.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    match b.get(i) {
        Some(c) if c.is_ascii_alphabetic() => {}
        Some(b'!') | Some(b'?') => {
            // Doctype, CDATA or processing instruction.
            let end = raw[i..].find('>').map_or(b.len(), |p| i + p + 1);
            return Some((
                Tag {
                    name: String::new(),
                    closing: true,
                    self_closing: true,
                    attrs: Vec::new(),
                },
                end,
            ));
        }
        _ => return None,
    }
    let name_start = i;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-' || b[i] == b':') {
        i += 1;
    }
    let name = raw[name_start..i].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        match b.get(i) {
            None => {
                return Some((
                    Tag {
                        name,
                        closing,
                        self_closing,
                        attrs,
                    },
                    b.len(),
                ));
            }
            Some(b'>') => {
                return Some((
                    Tag {
                        name,
                        closing,
                        self_closing,
                        attrs,
                    },
                    i + 1,
                ));
            }
            Some(b'/') => {
                self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        let attr_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let attr_name = raw[attr_start..i].to_ascii_lowercase();
        if attr_start == i {
            i += 1; // stray character
            continue;
        }
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            match b.get(i) {
                Some(&q) if q == b'"' || q == b'\'' => {
                    let vstart = i + 1;
                    let vend = raw[vstart..]
                        .find(q as char)
                        .map_or(b.len(), |p| vstart + p);
                    value = &raw[vstart..vend];
                    i = (vend + 1).min(b.len());
                }
                _ => {
                    let vstart = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = &raw[vstart..i];
                }
            }
        }
        attrs.push((attr_name, value));
    }
}

/// Collapses runs of whitespace to one space, keeping a single space at either edge so words
/// from adjacent inline elements stay apart.
fn collapse_keep_edges(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{A0}' {
            pending_space = true;
        } else {
            if pending_space {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    if pending_space {
        out.push(' ');
    }
    out
}

fn collapse(s: &str) -> String {
    collapse_keep_edges(s).trim().to_owned()
}

fn finish(scan: Scan) -> ParsedArticle {
    let mut parsed = ParsedArticle::new(SourceFormat::Html);
    let meta = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            scan.metas
                .iter()
                .find(|(n, v)| n == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };
    parsed.source = meta(&["og:site_name", "application-name"]).or_else(|| {
        scan.title_tag
            .as_deref()
            .and_then(|t| site_from_title(&collapse(t)))
    });
    parsed.url = scan.canonical.clone().or_else(|| meta(&["og:url"]));
    let published_meta = meta(&[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "parsely-pub-date",
        "article:published",
        "og:article:published_time",
        "article.published",
        "publish_date",
        "publication_date",
        "pub_date",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "dc.date.created",
        "citation_publication_date",
        "citation_date",
        "sailthru.date",
        "date.available",
        "originalpublicationdate",
        "datecreated",
        "created",
    ]);
    // Dates the page marks as modified: used only when it gives no other.
    let modified_meta = meta(&[
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "last-modified",
        "dcterms.modified",
        "dc.date.modified",
    ]);
    // Any other meta whose name says "publish" ("cxenseparse:recs:publishtime",
    // "article:publication_date"), unless it names the publisher or a modification.
    let published_meta = published_meta.or_else(|| {
        scan.metas
            .iter()
            .filter(|(n, _)| n.contains("publish") || n.contains("publication"))
            .filter(|(n, _)| {
                !["publisher", "modif", "updat"]
                    .iter()
                    .any(|x| n.contains(x))
            })
            .find(|(_, v)| parse_field_date(v).is_some())
            .map(|(_, v)| v.clone())
    });
    // Parse.ly's older tag holds its fields as JSON in one meta: <meta name="parsely-page"
    // content='{"title": …, "pub_date": "2021-02-16T08:12:00Z", …}'>.
    let published_meta = published_meta.or_else(|| {
        let page: serde_json::Value = serde_json::from_str(&meta(&["parsely-page"])?).ok()?;
        Some(page.get("pub_date")?.as_str()?.trim().to_owned())
    });
    let article_text = (scan.saw_article && !scan.article_text.trim().is_empty())
        .then_some(scan.article_text.as_str());
    parsed.published = published_meta
        .as_deref()
        .and_then(parse_field_date)
        .or_else(|| scan.linked_published.as_deref().and_then(parse_field_date))
        .or_else(|| scan.time_datetime.as_deref().and_then(parse_date))
        .or_else(|| scan.marked_published.as_deref().and_then(parse_field_date))
        .or_else(|| {
            // A block of a few lines only: a wrapper whose class happens to hold "meta" or
            // "date" around the whole story is no byline.
            scan.bylines
                .iter()
                .filter(|b| b.trim().chars().count() <= 400)
                .find_map(|b| date_in_byline_block(b))
        })
        // A labelled line ("First published on …") in the story's own text, else anywhere in
        // the page's body (pages print it above or below the <article> element).
        .or_else(|| article_text.and_then(labelled_date_in_text))
        .or_else(|| labelled_date_in_text(&scan.body_text));
    // The page's modified date is a last resort (weaker than the URL's or file name's date):
    // an update can come days or years after the story first ran.
    let modified = modified_meta
        .as_deref()
        .or(scan.linked_modified.as_deref())
        .and_then(parse_field_date);
    if parsed.published.is_none()
        && let Some(d) = published_meta.filter(|d| numeric_readings(d).is_some())
    {
        parsed.ambiguous_date = Some(d);
    }
    let h1 = scan.h1.as_deref().map(collapse).filter(|h| !h.is_empty());
    let title_tag = scan
        .title_tag
        .as_deref()
        .map(|t| strip_site_suffix(t, parsed.source.as_deref()));
    parsed.title = meta(&["og:title"])
        .or(h1.clone())
        .or(title_tag)
        .filter(|t| !t.is_empty());

    let text = if scan.saw_article && !scan.article_text.trim().is_empty() {
        scan.article_text
    } else {
        scan.body_text
    };
    let mut body = normalise_lines(&text);
    // The headline is metadata; it is not repeated at the top of the body.
    if let Some(h) = h1.as_deref()
        && body.starts_with(h)
        && body[h.len()..].starts_with("\n\n")
    {
        body.drain(..h.len() + 2);
    }
    parsed.leading_date = leading_date(&body);
    parsed.stamp_date = modified;
    parsed.body = body;
    parsed
}

/// The publication and modification dates of a JSON-LD block (`"datePublished"`, else
/// `"dateCreated"`; `"dateModified"`), searched through its objects, arrays and `@graph`; the
/// first found is kept. Malformed JSON is ignored.
fn linked_data_dates(json: &str, scan: &mut Scan) {
    fn walk(v: &serde_json::Value, depth: usize, found: &mut [Option<String>; 3]) {
        const KEYS: [&str; 3] = ["datePublished", "dateCreated", "dateModified"];
        if depth > 6 {
            return;
        }
        match v {
            serde_json::Value::Object(o) => {
                for (slot, key) in found.iter_mut().zip(KEYS) {
                    if slot.is_none()
                        && let Some(d) = o.get(key).and_then(serde_json::Value::as_str)
                    {
                        *slot = Some(d.trim().to_owned());
                    }
                }
                o.values().for_each(|inner| walk(inner, depth + 1, found));
            }
            serde_json::Value::Array(items) => {
                items.iter().for_each(|inner| walk(inner, depth + 1, found));
            }
            _ => {}
        }
    }
    let unwrap = |t: &str| {
        let t = t.trim();
        let t = t.strip_prefix("<![CDATA[").unwrap_or(t);
        t.strip_suffix("]]>").unwrap_or(t).trim().to_owned()
    };
    // A script's text is raw; some scrapers escape it as HTML, so that is tried second.
    let Some(value) = serde_json::from_str::<serde_json::Value>(&unwrap(json))
        .or_else(|_| serde_json::from_str(&unwrap(&decode_entities(json))))
        .ok()
    else {
        return;
    };
    let mut found = [None, None, None];
    walk(&value, 0, &mut found);
    let [published, created, modified] = found;
    if scan.linked_published.is_none() {
        scan.linked_published = published.or(created);
    }
    if scan.linked_modified.is_none() {
        scan.linked_modified = modified;
    }
}

/// The date a byline or meta block prints: "Staff · Published Sunday, March 15, 2020", "By
/// Desk | 9 May 2021 | 3 min read", or a date alone on one of its lines.
fn date_in_byline_block(text: &str) -> Option<PubDate> {
    labelled_date_in_text(text).or_else(|| {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .find_map(date_in_standfirst)
    })
}

/// A date on one of the short lines that open the page's text before its first sentence: a
/// top bar ("Sunday 9 May 2021 | Log in") or an unmarked byline. Weaker than any marked date,
/// and than the file's name: a top bar prints the day the page was fetched, which is not
/// always the day the story was published.
fn leading_date(body: &str) -> Option<PubDate> {
    body.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(8)
        .take_while(|l| l.chars().count() <= 120 && !l.ends_with(['.', '!', '?', '"', '\u{201D}']))
        .find_map(date_in_standfirst)
}

/// "Drone strike on convoy - Al Jazeera" → "Drone strike on convoy".
/// The site named at the end of a page title, "Headline | Site Name": the part after the last
/// " | ", when it is short and capitalised. (" - " is not used: headlines contain dashes.)
fn site_from_title(title: &str) -> Option<String> {
    let (head, site) = title.rsplit_once(" | ")?;
    let site = site.trim();
    let words = site.split_whitespace().count();
    let plausible = !head.trim().is_empty()
        && (1..=4).contains(&words)
        && site.len() <= 40
        && site.starts_with(|c: char| c.is_uppercase());
    plausible.then(|| site.to_owned())
}

fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" - ", " | ", " – ", " — "] {
            if let Some(stripped) = title.strip_suffix(&format!("{sep}{site}")) {
                return stripped.trim().to_owned();
            }
        }
    }
    title.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_at_the_end_of_the_title_is_the_source_when_no_meta_names_one() {
        let html = "<html><head><title>Rockets hit the base | Example News</title></head>\
                    <body><p>Rockets hit the base on Monday.</p></body></html>";
        let p = parse_html(html);
        assert_eq!(p.source.as_deref(), Some("Example News"));
        assert_eq!(p.title.as_deref(), Some("Rockets hit the base"));
        assert_eq!(site_from_title("Iraq | Syria | live coverage"), None);
        assert_eq!(site_from_title("Rockets hit base - Example News"), None);
        assert_eq!(site_from_title("| Example News"), None);
    }

    #[test]
    fn article_text_metadata_and_junk() {
        let html = r#"<!doctype html><html><head><title>Rockets hit base &amp; airport - Example News</title>
<meta property="article:published_time" content="2021-02-16T06:00:00Z">
<meta property="og:site_name" content="Example News">
<script>var x = "<p>not text</p>";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a></nav><div class="cookie-bar">Cookies <b>ok</b></div>
<article><h1>Rockets hit base &amp; airport</h1>
<p>ERBIL, Iraq (AP) &#8212; Rockets <em>struck</em> the airport.</p><!-- a comment -->
<div class="share-tools"><div>Share</div></div>
<p>Iran&#39;s allies denied it.<br>Line two</p></article>
<aside><p>Related: other story</p></aside><footer>Footer text</footer></body></html>"#;
        let p = parse_html(html);
        assert_eq!(p.title.as_deref(), Some("Rockets hit base & airport"));
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-02-16");
        assert_eq!(p.source.as_deref(), Some("Example News"));
        assert_eq!(
            p.body,
            "ERBIL, Iraq (AP) — Rockets struck the airport.\n\nIran's allies denied it.\nLine two"
        );
    }

    #[test]
    fn body_fallback_time_tag_and_title_tag() {
        let html = "<html><head><title>Plain page</title></head><body><p>Posted <time datetime=\"2020-01-08\">Jan 8</time></p><p>Missiles hit the base.</p></body></html>";
        let p = parse_html(html);
        assert_eq!(p.title.as_deref(), Some("Plain page"));
        assert_eq!(p.published.unwrap().to_schema_string(), "2020-01-08");
        assert_eq!(p.body, "Posted Jan 8\n\nMissiles hit the base.");
    }

    #[test]
    fn a_labelled_date_in_a_byline_paragraph() {
        let html = "<html><body><h1>Shells hit a depot</h1>\
                    <p class=\"byline\">Staff with agencies &middot; Published Tuesday, June 7, 2022</p>\
                    <p>Shells hit a fuel depot on Monday, officials said.</p></body></html>";
        let p = parse_html(html);
        assert_eq!(p.published.unwrap().to_schema_string(), "2022-06-07");
        // The same line in any element, with no byline class: the labelled line rule reads it
        // in the page's text, after the byline blocks.
        let plain = "<html><body><div>Desk &middot; Updated 8 June 2022</div>\
                     <p>Shells hit a fuel depot on Monday.</p></body></html>";
        let p = parse_html(plain);
        assert_eq!(p.published.unwrap().to_schema_string(), "2022-06-08");
    }

    #[test]
    fn a_date_between_separators_in_the_meta_line_beats_the_top_bar() {
        let html = "<html><body><div class=\"top-bar\">Monday 3 January 2022 | <a>Log in</a></div>\
                    <h1>Shells hit a depot</h1>\
                    <div class=\"meta\">By Newsroom | 2 January 2022 | 4 min read</div>\
                    <p>Shells hit a fuel depot on Sunday, officials said.</p></body></html>";
        let p = parse_html(html);
        assert_eq!(p.published.unwrap().to_schema_string(), "2022-01-02");
        // Without a meta line, the top bar's date is only a leading date, weaker than the
        // file's name (see finish_article).
        let bar = "<html><body><div class=\"top-bar\">Monday 3 January 2022 | <a>Log in</a></div>\
                   <h1>Shells hit a depot</h1><p>Shells hit a fuel depot on Sunday.</p></body></html>";
        let p = parse_html(bar);
        assert_eq!(p.published, None);
        assert_eq!(p.leading_date.unwrap().to_schema_string(), "2022-01-03");
        // A sentence that mentions a date is no leading date.
        let told = "<html><body><p>On 3 January 2022 shells hit a depot.</p></body></html>";
        assert_eq!(parse_html(told).leading_date, None);
    }

    #[test]
    fn a_story_wrapped_in_a_meta_class_is_no_byline() {
        let filler = "Shells hit a fuel depot on Sunday and the fire burned for hours. ".repeat(8);
        let html = format!(
            "<html><body><div class=\"post-metadata\"><p>{filler}</p>\
             <p>Earlier strike | 2 January 2022</p></div></body></html>"
        );
        assert_eq!(parse_html(&html).published, None);
    }

    #[test]
    fn json_ld_and_microformat_publication_dates() {
        let page = |head: &str, body: &str| {
            parse_html(&format!(
                "<html><head>{head}</head><body><article><h1>Drones hit a depot</h1>\
                 {body}<p>Drones hit a fuel depot on Sunday.</p></article></body></html>"
            ))
        };
        let day = |p: ParsedArticle| p.published.map(|d| d.to_schema_string());
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-08-15T06:10:00+04:30","dateModified":"2021-08-17T00:00:00Z"}</script>"#;
        assert_eq!(day(page(ld, "")).as_deref(), Some("2021-08-15"));
        // Inside an @graph array, after other objects.
        let graph = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Desk"},{"@type":"Article","dateCreated":"2021-08-14","datePublished":"2021-08-15"}]}</script>"#;
        assert_eq!(day(page(graph, "")).as_deref(), Some("2021-08-15"));
        // Only a modified date: it dates the page when nothing else does, as a last resort.
        let modified =
            r#"<script type="application/ld+json">[{"dateModified":"2021-08-17"}]</script>"#;
        let p = page(modified, "");
        assert_eq!(p.published, None);
        assert_eq!(p.stamp_date.unwrap().to_schema_string(), "2021-08-17");
        // Malformed JSON-LD is ignored.
        let broken =
            r#"<script type="application/ld+json">{"datePublished": "2021-08-15"</script>"#;
        assert_eq!(day(page(broken, "")), None);
        // A microformat and microdata on any element.
        let abbr = r#"<abbr class="published" title="2021-08-15T06:10:00Z">Sunday</abbr>"#;
        assert_eq!(day(page("", abbr)).as_deref(), Some("2021-08-15"));
        let span = r#"<span itemprop="datePublished" content="2021-08-15">Aug 15</span>"#;
        assert_eq!(day(page("", span)).as_deref(), Some("2021-08-15"));
        let meta = r#"<meta name="sailthru.date" content="Sun, 15 Aug 2021 06:10:00 GMT">"#;
        assert_eq!(day(page(meta, "")).as_deref(), Some("2021-08-15"));
        let other = r#"<meta name="publisher" content="2020-01-01"><meta name="cms:publishtime" content="2021-08-15T06:10:00Z">"#;
        assert_eq!(day(page(other, "")).as_deref(), Some("2021-08-15"));
        let compact = r#"<meta name="pubdate" content="20210815T061000Z">"#;
        assert_eq!(day(page(compact, "")).as_deref(), Some("2021-08-15"));
        // Parse.ly's older meta holds JSON, quoted as attributes allow.
        let parsely = r#"<meta name="parsely-page" content='{"title": "Drones hit a depot", "pub_date": "2021-08-15T06:10:00Z", "section": "World"}'>"#;
        assert_eq!(day(page(parsely, "")).as_deref(), Some("2021-08-15"));
        let entities = r#"<meta name="parsely-page" content="{&quot;pub_date&quot;: &quot;2021-08-15T06:10:00Z&quot;}">"#;
        assert_eq!(day(page(entities, "")).as_deref(), Some("2021-08-15"));
        let broken = r#"<meta name="parsely-page" content="{pub_date: 2021">"#;
        assert_eq!(day(page(broken, "")), None);
    }

    #[test]
    fn a_labelled_date_outside_the_article_element() {
        // Pages print "First published" and "Last modified" lines above or below <article>;
        // the first run wins.
        let html = "<html><body><p>Last modified on Tue 17 Aug 2021 09.10 BST</p>\
                    <p>First published on Sun 15 Aug 2021 06.10 BST</p>\
                    <article><p>Drones hit a fuel depot on Sunday.</p></article></body></html>";
        let p = parse_html(html);
        assert_eq!(p.published.unwrap().to_schema_string(), "2021-08-15");
        let updated = "<html><body><p>Updated 14:05 GMT, 16 August 2021</p>\
                       <article><p>Drones hit a fuel depot on Sunday.</p></article></body></html>";
        assert_eq!(
            parse_html(updated).published.unwrap().to_schema_string(),
            "2021-08-16"
        );
    }

    #[test]
    fn a_per_source_toll_table_reads_as_attributed_sentences() {
        let html = "<body><p>Shelling hit Varno village on Sunday.</p>\
                    <table><tr><th>Reported by</th><th>Dead</th></tr>\
                    <tr><td>Regional governor</td><td>9</td></tr>\
                    <tr><td>Rescue service</td><td>about 15, including 4 children</td></tr>\
                    </table><p>Schools were shut.</p></body>";
        let p = parse_html(html);
        assert!(p.body.contains("According to Regional governor, 9 killed."));
        assert!(
            p.body
                .contains("According to Rescue service, about 15 killed, including 4 children.")
        );
        assert!(!p.body.contains("Regional governor9"));
        assert!(p.body.contains("Schools were shut."));
    }

    #[test]
    fn a_price_table_is_left_as_written() {
        let html = "<body><p>Bread prices rose.</p><table><tr><th>Source</th><th>Price</th></tr>\
                    <tr><td>City bakery</td><td>12</td></tr></table></body>";
        let p = parse_html(html);
        assert!(!p.body.contains("According to"));
        assert!(p.body.contains("City bakery"));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<",
            "<p",
            "<a href=\"x",
            "<!-- never closed",
            "<script>forever",
            "a < b > c",
            "<p>é</p",
            "<div class=\"byline\">By Desk | 9 May 2021",
            "<span class=\"date\"><span>9 May</span></span></span>",
            "<script type=\"application/ld+json\">{\"datePublished\": [",
            "<script type=\"application/ld+json\">İ—",
            "<abbr class=\"published\" title=\"İ 2021—\">x</abbr>",
        ] {
            let _ = parse_html(html);
        }
        assert_eq!(parse_html("a < b and c").body, "a < b and c");
    }
}

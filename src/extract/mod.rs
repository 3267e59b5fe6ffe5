//! Extraction: places, dates, events, claims and clustering. Pure Rust, no network.

pub mod actors;
pub mod claims;
pub mod cluster;
pub mod dates;
pub mod events;
pub mod gazetteer;
pub mod numbers;
pub mod places;
pub mod plain_letters;
pub mod sentences;
pub mod triggers;
pub mod types;

pub use types::*;

use crate::corpus::Article;

/// Extracts the events of a whole corpus: each article on its own (in parallel), then the
/// reports of one real-world event are merged across articles. Event ids are "e1", "e2", … in
/// time order.
pub fn extract_corpus(articles: &[Article]) -> Vec<Event> {
    let per_article = extract_each_article(articles);
    cluster::cluster_events(per_article, gazetteer::Gazetteer::global())
}

/// The events of every article on its own, in parallel, in article order (the first stage of
/// `extract_corpus`; `chronomap extract --timings` times it apart from clustering).
pub fn extract_each_article(articles: &[Article]) -> Vec<Event> {
    use rayon::prelude::*;
    let gaz = gazetteer::Gazetteer::global();
    articles
        .par_iter()
        .flat_map_iter(|a| extract_article(a, gaz))
        .collect()
}

/// `extract_each_article`, dropping each article's text as soon as its events are found, for
/// callers that never read the text again (events keep spans, not text). The memory comes back
/// while the events are still being made, instead of the whole corpus text staying alive
/// until the process ends: fresh pages cost system time (the kernel zeroes each one).
pub fn extract_each_article_releasing_text(articles: &mut [Article]) -> Vec<Event> {
    use rayon::prelude::*;
    let gaz = gazetteer::Gazetteer::global();
    articles
        .par_iter_mut()
        .flat_map_iter(|a| {
            let events = extract_article(a, gaz);
            a.body = String::new();
            events
        })
        .collect()
}

/// The events of one article before cross-article clustering (ids are empty).
pub fn extract_article(article: &Article, gaz: &gazetteer::Gazetteer) -> Vec<Event> {
    match article_input(article, gaz) {
        Some(input) => link_article(&input, gaz),
        None => Vec::new(),
    }
}

/// The stages before linking: sentences, site places and event dates of one article; `None`
/// when the article cannot report an event (no trigger stem anywhere in it).
pub fn article_input<'a>(
    article: &'a Article,
    gaz: &gazetteer::Gazetteer,
) -> Option<events::ArticleInput<'a>> {
    let body = article.body.as_str();
    if body.is_empty() || !triggers::may_contain_trigger(body) {
        return None;
    }
    let sentences = sentences::split_sentences(body);
    let cues = events::sentence_cues(body, &sentences);
    let dates = dated_sentences_dates(article, &sentences, &cues);
    Some(events::ArticleInput {
        article,
        places: site_places(article, gaz),
        dates,
        sentences,
        cues,
    })
}

/// Linking: triggers with their places, dates, actors and the figures of their sentences
/// (claims are found here, only in the sentences that linking asks about).
pub fn link_article(input: &events::ArticleInput, gaz: &gazetteer::Gazetteer) -> Vec<Event> {
    let body = input.article.body.as_str();
    let published_year = input
        .article
        .published
        .map(|p| chrono::Datelike::year(&p.date));
    let claims_in = |span: corpus::Span| sentence_claims_in_year(body, span, published_year);
    events::extract_article(input, gaz, &claims_in)
}

/// Dates of the sentences that can date an event: those where a trigger may be, the lead (its
/// date dates the story) and the labels of timeline entries.
pub fn article_dates(article: &Article, sentences: &[corpus::Span]) -> Vec<events::DateHit> {
    let cues = events::sentence_cues(article.body.as_str(), sentences);
    dated_sentences_dates(article, sentences, &cues)
}

/// [`article_dates`] with the sentences' cue words already found.
fn dated_sentences_dates(
    article: &Article,
    sentences: &[corpus::Span],
    cues: &[events::Cues],
) -> Vec<events::DateHit> {
    let body = article.body.as_str();
    // The reader's dateline, else the lines that read as one ("Maputo, Mar 29, 2021 (Staff) -"):
    // the day there is when the story was filed, not when anything happened.
    let detected;
    let datelines: &[corpus::Span] = match &article.dateline {
        Some(dateline) => std::slice::from_ref(dateline),
        None => {
            detected = places::detect_datelines(body);
            &detected
        }
    };
    sentences
        .iter()
        .zip(cues)
        .enumerate()
        .filter(|(k, (s, cues))| {
            *k < 2 || cues.may_contain_trigger() || events::may_be_entry_label(body, **s)
        })
        .flat_map(|(_, (s, _))| event_dates(article, *s, datelines))
        .collect()
}

use crate::corpus;

/// Speech verbs that, right before a date ("said Sunday"), make it the date of a statement.
fn is_speech_word(w: &str) -> bool {
    [
        "said",
        "says",
        "told",
        "announced",
        "confirmed",
        "statement",
        "added",
        "stated",
    ]
    .iter()
    .any(|v| w.eq_ignore_ascii_case(v))
}

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// Dates that can date an event: past, with a resolvable range; a date right after a speech
/// verb ("said Sunday") is marked soft.
fn event_dates(
    article: &Article,
    sentence: corpus::Span,
    datelines: &[corpus::Span],
) -> Vec<events::DateHit> {
    let body = article.body.as_str();
    std::panic::catch_unwind(|| {
        dates::find_dates(
            &body[sentence[0]..sentence[1]],
            sentence[0],
            article.published,
        )
    })
    .unwrap_or_default()
    .into_iter()
    .filter(|d| !d.future && d.kind != dates::DateExprKind::BareYear)
    .filter(|d| {
        datelines
            .iter()
            .all(|dl| d.span[0] >= dl[1] || d.span[1] <= dl[0])
    })
    .map(|d| {
        // The two words before the date, read backwards without copying the text.
        let mut before = body[..d.span[0]].split_whitespace().rev();
        let (w1, w2) = (before.next(), before.next());
        let soft = [w1, w2]
            .into_iter()
            .flatten()
            .any(|w| is_speech_word(bare(w)))
            || (w1.is_some_and(|w| w.eq_ignore_ascii_case("on"))
                && w2.is_some_and(|w| {
                    ["said", "told", "announced", "confirmed", "reporters"]
                        .iter()
                        .any(|v| bare(w).eq_ignore_ascii_case(v))
                }));
        let shift = if d.kind == dates::DateExprKind::Relative {
            d.shift_days
        } else {
            None
        };
        events::DateHit {
            span: d.span,
            range: d.range,
            reasoning: d.reasoning,
            soft,
            shift,
            night: d.kind == dates::DateExprKind::Overnight,
        }
    })
    .collect()
}

/// Places where something happened (role `Site`); datelines, speech venues, visits,
/// attributions ("Britain-based") and page furniture stay off the map.
pub fn site_places(article: &Article, gaz: &gazetteer::Gazetteer) -> Vec<events::PlaceHit> {
    // A bug in one resolver must cost this article its places, not the whole corpus.
    let found = std::panic::catch_unwind(|| places::find_places(article, gaz)).unwrap_or_default();
    let body = article.body.as_str();
    found
        .into_iter()
        .filter(|m| m.role.is_event_site())
        .filter(|m| m.precision != PlacePrecision::Country || country_is_located(body, m.span))
        .filter(|m| {
            !matches!(m.precision, PlacePrecision::Town | PlacePrecision::District)
                || !looks_like_a_name(body, m.span)
        })
        .map(|m| events::PlaceHit {
            span: m.span,
            evidence: m.evidence_span(),
            place: m.to_place(gaz),
        })
        .collect()
}

/// A country name is a place only after a locative word ("strikes in Iraq and Syria", "one in
/// Iraq", "in northwest Pakistan", "in neighbouring Mali", "the north of Iraq"); "US civilian",
/// "the USA military" and "Iran-backed" use it as an adjective.
fn country_is_located(body: &str, span: corpus::Span) -> bool {
    let before = &body[..span[0]];
    let mut words = before
        .split(|c: char| c.is_whitespace() || c == ',')
        .rev()
        .filter(|w| !w.is_empty())
        .take(6)
        .peekable();
    while let Some(w) = words.next() {
        let lw = w.to_lowercase();
        // "the northwest of Pakistan": a part of the country, as "northwest Pakistan" is.
        let direction_of = lw == "of" && words.peek().is_some_and(|d| is_direction(d));
        if direction_of || is_direction(&lw) {
            return true;
        }
        if matches!(
            lw.as_str(),
            "in" | "into"
                | "neighbouring"
                | "neighboring"
                | "inside"
                | "across"
                | "over"
                | "on"
                | "at"
                | "near"
                | "throughout"
                | "within"
                | "central"
        ) {
            return true;
        }
        let conjunction_or_name = matches!(lw.as_str(), "and" | "or" | "the")
            || w.chars().next().is_some_and(char::is_uppercase);
        if !conjunction_or_name {
            return false;
        }
    }
    false
}

/// A compass direction or its adjective, in any case: "north", "Northwest", "south-eastern".
fn is_direction(word: &str) -> bool {
    let stem = word
        .strip_suffix("ern")
        .or_else(|| word.strip_suffix("ERN"))
        .unwrap_or(word);
    places::is_compass_direction(stem)
}

/// A town name that is part of a person's or organisation's name: after a title ("Col. Wayne
/// Marotto") or followed by another capitalised word that the gazetteer did not take with it
/// ("Abu Izam", "Wayne Marotto").
fn looks_like_a_name(body: &str, span: corpus::Span) -> bool {
    let before = body[..span[0]].trim_end();
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if matches!(
        prev,
        "Col."
            | "Gen."
            | "Lt."
            | "Maj."
            | "Capt."
            | "Sgt."
            | "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "Adm."
            | "Sen."
            | "Rep."
            | "Gov."
            | "spokesman"
            | "spokeswoman"
            | "President"
            | "Minister"
            | "Secretary"
            | "Colonel"
            | "General"
            | "Major"
            | "Captain"
    ) {
        return true;
    }
    let after = &body[span[1]..];
    let mut chars = after.chars();
    if chars.next() != Some(' ') {
        return false;
    }
    let next_word: String = chars
        .take_while(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    let first_upper = next_word.chars().next().is_some_and(char::is_uppercase);
    let is_place_word = matches!(
        next_word.as_str(),
        "Airport"
            | "International"
            | "Province"
            | "Governorate"
            | "District"
            // Myanmar's townships, Nigeria's and Kenya's counties and states, regions: an
            // administrative unit named after its town ("Kanbalu Township").
            | "Township"
            | "County"
            | "Region"
            | "State"
            | "Area"
            | "Air"
            | "Base"
            | "City"
            | "Dam"
            | "Oil"
            | "Field"
            | "Camp"
            | "Operations"
            | "Iraq"
            | "Syria"
            // A facility named after its city stands in it: an attack on "Kabul University"
            // or "Aden Port" is an attack in Kabul or Aden, not on a person named Kabul.
            | "University"
            | "Hospital"
            | "Stadium"
            | "Mosque"
            | "Market"
            | "Bazaar"
            | "Square"
            | "Bridge"
            | "Port"
            | "Harbour"
            | "Harbor"
            | "Prison"
            | "Hotel"
            | "Palace"
            | "Refinery"
            | "Station"
            | "Cathedral"
            | "Church"
            | "Shrine"
            | "Barracks"
            | "Airfield"
    );
    first_upper
        && !is_place_word
        && next_word.chars().skip(1).all(|c| c.is_lowercase())
        && next_word.len() > 2
}

/// Figures of one sentence; parts of another figure ("four commanders were among the dead")
/// are left out.
pub fn sentence_claims(body: &str, span: corpus::Span) -> Vec<events::ClaimHit> {
    sentence_claims_in_year(body, span, None)
}

/// [`sentence_claims`] of a story published in `published_year` (a named person killed in that
/// year is today's toll, one killed in an earlier year is background).
pub fn sentence_claims_in_year(
    body: &str,
    span: corpus::Span,
    published_year: Option<i32>,
) -> Vec<events::ClaimHit> {
    std::panic::catch_unwind(|| {
        claims::find_claims_in_year(&body[span[0]..span[1]], span[0], published_year)
    })
    .unwrap_or_default()
    .into_iter()
    .filter(|c| !c.subset)
    .map(|c| events::ClaimHit {
        field: c.field,
        value: c.value,
        qualifier: c.qualifier,
        attributed_to: c.attributed_to,
        span: c.span,
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(body: &str, published: &str) -> Article {
        Article::for_test(body, Some(published))
    }

    fn days(body: &str, published: &str) -> Vec<String> {
        let a = article(body, published);
        extract_article(&a, gazetteer::Gazetteer::global())
            .iter()
            .map(|e| e.date.start.to_string())
            .collect()
    }

    #[test]
    fn the_main_clause_date_does_not_date_an_after_clause() {
        // Published on a Wednesday; "Tuesday" is the reopening, the shelling was two days
        // before it.
        let found = days(
            "The market in Kherson reopened on Tuesday, two days after a rocket attack on the \
             city killed five traders.",
            "2023-03-15",
        );
        assert_eq!(found, ["2023-03-12"], "{found:?}");
    }

    #[test]
    fn a_title_case_dateline_neither_dates_nor_places_the_attack() {
        // Filed on Monday 29 March from the capital; the attack began on Wednesday.
        let a = article(
            "Kampala, Mar 29, 2021 (Staff) - Officials confirmed at the weekend that dozens \
             were killed in an assault by insurgents on the northern town of Gulu. The attack \
             began on Wednesday afternoon, the army said.",
            "2021-03-29",
        );
        let events = extract_article(&a, gazetteer::Gazetteer::global());
        let found: Vec<(String, Option<&str>)> = events
            .iter()
            .map(|e| {
                let place = e.place.as_ref().map(|p| p.name.as_str());
                (e.date.start.to_string(), place)
            })
            .collect();
        assert_eq!(
            found,
            [("2021-03-24".to_string(), Some("Gulu"))],
            "{events:?}"
        );
    }

    #[test]
    fn a_facility_named_after_its_city_places_the_attack_in_the_city() {
        let a = article(
            "Gunmen stormed Herat University on Saturday, killing six students.",
            "2019-06-10",
        );
        let events = extract_article(&a, gazetteer::Gazetteer::global());
        let places: Vec<_> = events
            .iter()
            .map(|e| e.place.as_ref().map(|p| p.name.as_str()))
            .collect();
        assert_eq!(places, [Some("Herat")], "{events:?}");
        // A capitalised word that is not a facility still reads as a person's name.
        assert!(looks_like_a_name("Herat Rahimi said", [0, 5]));
        assert!(!looks_like_a_name("Herat University said", [0, 5]));
    }

    fn event_places(body: &str, published: &str) -> Vec<Option<String>> {
        let a = article(body, published);
        extract_article(&a, gazetteer::Gazetteer::global())
            .iter()
            .map(|e| e.place.as_ref().map(|p| p.name.clone()))
            .collect()
    }

    #[test]
    fn a_country_after_a_compass_direction_or_neighbouring_is_the_scene() {
        for scene in [
            "in northwest Nigeria",
            "in South-east Nigeria",
            "in the northwest of Nigeria",
            "in neighbouring Nigeria",
        ] {
            let found = event_places(
                &format!("A bomber blew himself up at a market {scene} on Sunday, killing nine."),
                "2024-05-07",
            );
            assert_eq!(found, [Some("Nigeria".to_string())], "{scene}: {found:?}");
        }
        // "the president of Nigeria" is no scene.
        assert!(!country_is_located("the president of Nigeria", [17, 24]));
    }

    #[test]
    fn a_town_named_with_its_township_or_county_is_the_town() {
        let found = event_places(
            "Jets bombed a crowd in Kanbalu Township on Tuesday, killing 40.",
            "2024-05-08",
        );
        assert_eq!(found, [Some("Kanbalu".to_string())], "{found:?}");
        assert!(!looks_like_a_name("Kanbalu Township said", [0, 7]));
    }

    #[test]
    fn a_bare_year_with_since_makes_no_event() {
        let a = article(
            "The militia has fired rockets at the base since 2016 and regularly shells the \
             town of Sinjar.",
            "2023-03-15",
        );
        let events = extract_corpus(&[a]);
        assert!(events.is_empty(), "{events:?}");
    }
}

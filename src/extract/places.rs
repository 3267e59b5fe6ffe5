//! Place resolution: which gazetteer entry each place name in an article means, how precise
//! the phrase around it is, and what role the place plays in its sentence.
//!
//! Only places with role `Site` (and, by the caller's choice, `Origin`) can be where an event
//! happened: the dateline city, the city where a spokesman spoke, the capital that stands for a
//! government ("Tehran denied"), the "Britain-based" monitor and the page's sidebar are not.

use crate::corpus::{Article, Span};
use crate::extract::gazetteer::{
    EntryKind, F_BLOCK, F_COMMON, F_CONTEXT, F_DEMONYM, GazEntry, GazId, Gazetteer, RawMatch,
    haversine_km,
};
use crate::extract::plain_letters::plain_latin_letter;
use crate::extract::types::{Place, PlacePrecision};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlaceRole {
    /// Where something happened (or may have happened): the default.
    Site,
    /// The place a story was filed from ("BAGHDAD (Reuters) -").
    Dateline,
    /// Where someone spoke or was briefed, or a capital standing for its government
    /// ("told reporters in Rome", "Tehran denied", "between Washington and Tehran").
    Speech,
    /// Where an official travelled ("on a visit to Rome").
    Visit,
    /// A place used as an adjective of an actor ("Britain-based", "Iran-backed", "pro-Iran").
    Attribution,
    /// Inside page furniture the corpus reader recognised.
    Boilerplate,
    /// Where people or weapons came from ("rockets fired from Syria"): a launch area, not the
    /// place that was hit; callers decide whether to use it.
    Origin,
}

impl PlaceRole {
    /// True when a place with this role may be put on the map as where an event happened.
    pub fn is_event_site(self) -> bool {
        matches!(self, PlaceRole::Site)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    /// The place name itself.
    pub span: Span,
    pub entry: GazId,
    pub precision: PlacePrecision,
    pub role: PlaceRole,
    /// The phrase that supports the precision, e.g. "near the West Qaim district".
    pub phrase_span: Span,
    /// "30 km west of Mosul": the site lies that far from the named place, not at it.
    pub offset: Option<PlaceOffset>,
}

/// A distance and a bearing that put a site away from the place it is named after: "about
/// 30 km west of Mosul", "50 nautical miles southwest of Aden".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlaceOffset {
    pub km: f64,
    /// Degrees clockwise from north.
    pub bearing: f64,
    /// Where the phrase starts ("about 30 km west of"), for the evidence span.
    pub start: usize,
}

impl PlaceMention {
    /// The span the article pane highlights for this place: the name, or with an offset the
    /// whole "about 30 km west of Mosul".
    pub fn evidence_span(&self) -> Span {
        match self.offset {
            Some(o) => [o.start, self.phrase_span[1].max(self.span[1])],
            None => self.span,
        }
    }

    /// The place this mention puts on the map. With an offset the point is moved by it, and
    /// the name says what it is relative to ("30 km W of Mosul"); the gazetteer id stays the
    /// reference place's, so a reader can still look the town up.
    pub fn to_place(&self, gaz: &Gazetteer) -> Place {
        let mut place = gaz.to_place(self.entry, self.precision);
        if let Some(o) = self.offset {
            (place.lat, place.lon) = destination((place.lat, place.lon), o.km, o.bearing);
            place.name = format!(
                "{} {} of {}",
                distance_label(o.km),
                compass_point(o.bearing),
                place.name
            );
        }
        place
    }
}

/// Countries an article is about, counted from the names and demonyms it uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CountryContext {
    /// (ISO2, weight) in order of first mention; an article names few countries, so a list
    /// beats a hash map.
    counts: Vec<(String, u32)>,
}

impl CountryContext {
    pub fn count(&self, iso2: &str) -> u32 {
        self.counts
            .iter()
            .find(|(k, _)| same_word(k, iso2))
            .map_or(0, |(_, c)| *c)
    }

    fn add(&mut self, iso2: &str, weight: u32) {
        match self.counts.iter_mut().find(|(k, _)| same_word(k, iso2)) {
            Some((_, c)) => *c += weight,
            None => self.counts.push((iso2.to_string(), weight)),
        }
    }

    /// The most mentioned country, if any (ties: the first in alphabetical order).
    pub fn primary(&self) -> Option<&str> {
        self.counts
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(k, _)| k.as_str())
    }
}

/// Places of an article in text order, disambiguated by the article's country context.
pub fn find_places(article: &Article, gaz: &Gazetteer) -> Vec<PlaceMention> {
    let mut datelines: Vec<Span> = article.dateline.into_iter().collect();
    if datelines.is_empty() {
        datelines.extend(detect_datelines(&article.body));
    }
    resolve(&article.body, &datelines, &article.boilerplate, gaz)
}

/// Places of a bare text (no reader metadata); datelines are detected from the text.
pub fn find_places_in_text(text: &str, gaz: &Gazetteer) -> Vec<PlaceMention> {
    let datelines = detect_datelines(text);
    resolve(text, &datelines, &[], gaz)
}

/// The country context of a text (names of countries, areas, sites and unambiguous towns,
/// and demonyms), ignoring page furniture.
pub fn country_context(text: &str, boilerplate: &[Span], gaz: &Gazetteer) -> CountryContext {
    let raw = gaz.scan(text);
    let contributions: Vec<_> = raw.iter().map(|m| contribution(m, gaz)).collect();
    context_from(&raw, &contributions, boilerplate)
}

fn context_from(
    raw: &[RawMatch],
    contributions: &[Option<(&str, u32)>],
    boilerplate: &[Span],
) -> CountryContext {
    let mut ctx = CountryContext::default();
    for (m, c) in raw.iter().zip(contributions) {
        if let Some((iso, w)) = *c
            && !inside_any(m.span, boilerplate)
        {
            ctx.add(iso, w);
        }
    }
    ctx
}

/// What one match adds to the country context: a country, area or site counts 2, a demonym
/// or a town that is unambiguous 1.
fn contribution<'g>(m: &RawMatch, gaz: &'g Gazetteer) -> Option<(&'g str, u32)> {
    if m.flags & F_BLOCK != 0 || m.candidates.is_empty() {
        return None;
    }
    let first = gaz.entry(m.candidates[0]);
    let iso = first.country.as_deref()?;
    if m.flags & F_DEMONYM != 0 {
        return Some((iso, 1));
    }
    if m.flags & (F_COMMON | F_CONTEXT) != 0 {
        return None;
    }
    if m.candidates.iter().any(|&c| {
        !gaz.entry(c)
            .country
            .as_deref()
            .is_some_and(|x| same_word(x, iso))
    }) {
        return None;
    }
    let w = if first.kind == EntryKind::City { 1 } else { 2 };
    Some((iso, w))
}

fn resolve(
    text: &str,
    datelines: &[Span],
    boilerplate: &[Span],
    gaz: &Gazetteer,
) -> Vec<PlaceMention> {
    // ASCII lower case keeps byte offsets: one copy serves the scan and every word test.
    let lower_text = text.to_ascii_lowercase();
    let lower = Lower::new(text, &lower_text);
    let lower = &lower;
    let mut raw = gaz.scan_lower_cased(text, lower.s.as_bytes());
    if lower.has_latin_accent {
        add_names_written_with_accents(text, &mut raw, gaz);
    }
    // A credit line says where the reporters sat and names people ("Reporting by Khalil Roe
    // in Amman"): neither tells which country the story is about.
    let contributions: Vec<_> = raw
        .iter()
        .map(|m| contribution(m, gaz).filter(|_| !in_credit_line(lower, m.span[0])))
        .collect();
    let ctx = context_from(&raw, &contributions, boilerplate);
    let home_of_story = story_home(&ctx);
    let stops = &lower.stops;
    let dateline_country =
        dateline_city_in(text, datelines, gaz).and_then(|c| gaz.entry(c).country.as_deref());
    let mut out = Vec::new();
    // Foreign town names that this article uses as quarters of one of its cities, with the city.
    let mut quarters: Vec<(GazId, GazId)> = Vec::new();
    for (i, m) in raw.iter().enumerate() {
        let around = Around::new(text, lower, m.span);
        if m.flags & F_BLOCK == 0
            && let Some(capital) = capital_phrase(text, m, raw.get(i + 1), gaz)
        {
            // "Somalia's capital", "the Yemeni capital": the capital city, not the country.
            let role = role_of(
                &around,
                capital,
                EntryKind::City,
                inside_any(m.span, datelines),
                boilerplate,
                gaz,
            );
            let (_, phrase_span) =
                precision_and_phrase(text, lower.s, m.span, EntryKind::City, None);
            out.push(PlaceMention {
                span: m.span,
                entry: capital,
                precision: PlacePrecision::Town,
                role,
                phrase_span: [phrase_span[0], capital_phrase_end(text, m.span[1])],
                offset: None,
            });
            continue;
        }
        if m.flags & (F_BLOCK | F_DEMONYM) != 0 || m.candidates.is_empty() {
            continue;
        }
        let in_dateline = inside_any(m.span, datelines);
        if !in_dateline && continues_a_longer_name(text, m.span[1]) {
            // "Jisr" of "Jisr al-Shughur" when the gazetteer lacks the whole name.
            continue;
        }
        // The match's own share of the context must not vouch for itself.
        let own = contributions[i].filter(|_| !inside_any(m.span, boilerplate));
        let ctx_without = |iso: &str| -> u32 {
            let c = ctx.count(iso);
            match &own {
                Some((o, w)) if *o == iso => c.saturating_sub(*w),
                _ => c,
            }
        };
        let sentence = sentence_countries(text, stops, m.span, &raw, &contributions);
        let Some(entry) = choose(m, gaz, &ctx, &sentence, text) else {
            continue;
        };
        let entry = province_of_a_bare_name(&text[m.span[0]..m.span[1]], entry, &ctx, gaz, || {
            same_name_share(&raw, &contributions, boilerplate, entry)
        })
        .unwrap_or(entry);
        let e = gaz.entry(entry);
        let slice = &text[m.span[0]..m.span[1]];
        if e.kind == EntryKind::City
            && !in_dateline
            && let Some(city) =
                foreign_quarter(&around, e, &ctx, home_of_story, &sentence, gaz, || {
                    story_city(text, m.span[1], &out, raw.get(i + 1), &ctx, gaz)
                        .or_else(|| dateline_city_in(text, datelines, gaz))
                })
        {
            // "the Medina district" of a Mogadishu story is not Madinah in Saudi Arabia nor
            // Medina in Ohio: it is a quarter of the story's city (named right after it, "Lido
            // beach in Mogadishu", else the last town named before it, else the dateline's).
            // Later bare mentions of the name ("Lido, a popular spot") are the same quarter.
            let (_, phrase_span) = precision_and_phrase(text, lower.s, m.span, e.kind, None);
            quarters.push((entry, city));
            out.push(PlaceMention {
                span: m.span,
                entry: city,
                precision: PlacePrecision::District,
                role: PlaceRole::Site,
                phrase_span,
                offset: None,
            });
            continue;
        }
        if let Some(&(_, city)) = quarters.iter().find(|(q, _)| *q == entry) {
            let (_, phrase_span) = precision_and_phrase(text, lower.s, m.span, e.kind, None);
            let role = role_of(&around, entry, e.kind, in_dateline, boilerplate, gaz);
            out.push(PlaceMention {
                span: m.span,
                entry: city,
                precision: PlacePrecision::District,
                role,
                phrase_span,
                offset: None,
            });
            continue;
        }
        if e.kind == EntryKind::City
            && !in_dateline
            && (1..10_000).contains(&e.population)
            && around
                .next(1)
                .first()
                .is_some_and(|w| QUARTER_WORDS.contains(w))
            && let Some(city) = dateline_city_in(text, datelines, gaz)
            && city != entry
            && gaz.entry(city).population >= 500_000
            && gaz.entry(city).country == e.country
        {
            // "the Faladie district" of a story filed from Bamako is a quarter of Bamako, not
            // the village of that name 70 km away: a big city's own quarters are what its
            // reporters name, and a small village's name is often also a quarter's.
            let (_, phrase_span) = precision_and_phrase(text, lower.s, m.span, e.kind, None);
            out.push(PlaceMention {
                span: m.span,
                entry: city,
                precision: PlacePrecision::District,
                role: PlaceRole::Site,
                phrase_span,
                offset: None,
            });
            continue;
        }
        if e.kind == EntryKind::City
            && !in_dateline
            && around
                .next(1)
                .first()
                .is_some_and(|w| RELIEF_WORDS.contains(w))
            && e.country.as_deref().is_none_or(|c| ctx_without(c) == 0)
        {
            // "the Gara mountains" of a Kurdistan story are not El Gara in Morocco: a range
            // named after a town lies in the story's country, so a town of that name in a
            // country the story never names is not it. The ranges that recur in the news are
            // curated areas (regions.json), matched whole before this.
            continue;
        }
        if e.kind == EntryKind::City && !in_dateline {
            let in_ctx = e.country.as_deref().is_some_and(|c| ctx_without(c) > 0);
            if !city_is_supported(&around, m, slice, in_ctx, e.population, gaz) {
                continue;
            }
        }
        if e.kind == EntryKind::City
            && !in_dateline
            && e.population < 500_000
            && let Some(home) =
                foreign_homonym_home(e.country.as_deref(), home_of_story, &ctx, &sentence, || {
                    same_name_share(&raw, &contributions, boilerplate, entry)
                })
            && (dateline_country == Some(home) || sentence.iter().any(|s| same_word(s, home)))
        {
            // A town the gazetteer knows only in a country the story never names, in a story
            // plainly set in another country (filed from there, or that country named in the
            // sentence), is a local place missing from the gazetteer, not a town on another
            // continent: it stands for the most specific area of the story's country named in
            // its sentence, or for that country. Cities of half a million are known world-wide
            // and keep their reading.
            let Some(area) = home_area_in_sentence(text, stops, m.span, &raw, home, gaz)
                .or_else(|| gaz.country(home))
            else {
                continue;
            };
            let (_, phrase_span) = precision_and_phrase(text, lower.s, m.span, e.kind, None);
            let role = role_of(&around, entry, e.kind, in_dateline, boilerplate, gaz);
            out.push(PlaceMention {
                span: m.span,
                entry: area,
                precision: gaz.entry(area).kind.default_precision(),
                role,
                phrase_span,
                offset: None,
            });
            continue;
        }
        let (precision, phrase_span) =
            precision_and_phrase(text, lower.s, m.span, e.kind, e.country.as_deref());
        let role = role_of(&around, entry, e.kind, in_dateline, boilerplate, gaz);
        let (entry, precision, phrase_span) =
            match airport_of_city(text, lower.s, m.span[1], entry, e.kind, gaz) {
                Some((airport, end)) => (airport, PlacePrecision::Point, [phrase_span[0], end]),
                None if e.kind == EntryKind::City && possessive_airport(text, m.span[1]) => {
                    (entry, PlacePrecision::Town, phrase_span)
                }
                None => match area_of_a_plural(&around, e.kind, gaz)
                    .or_else(|| area_above_a_subunit(text, lower.s, m.span, e.kind, gaz))
                {
                    // "the Kyiv and Kharkiv regions": each name is its region.
                    Some((area, end)) => (
                        area,
                        gaz.entry(area).kind.default_precision(),
                        [phrase_span[0], end.max(phrase_span[1])],
                    ),
                    None => (entry, precision, phrase_span),
                },
            };
        out.push(PlaceMention {
            span: m.span,
            entry,
            precision,
            role,
            phrase_span,
            offset: None,
        });
    }
    add_bare_airports(text, lower.s, &lower.cues, datelines, &mut out, gaz);
    add_bare_bases(lower.s, &lower.cues, &mut out, gaz);
    // Quarters and bare towns first: "the same square" may refer back to either.
    add_unnamed_quarters(text, lower, &mut out, boilerplate, gaz);
    add_bare_town_references(text, lower, &mut out, boilerplate, gaz);
    add_same_places(lower.s, &lower.cues, &mut out, gaz);
    add_unnamed_offsets(text, lower, &mut out, home_of_story, boilerplate, gaz);
    add_offsets(lower.s, &mut out, gaz);
    out
}

/// "a drone struck a house east of Kobanê", "near Ménaka", "in Şırnak": a name written with
/// the diacritics of its own language is the gazetteer's plain-letter name (the gazetteer
/// spells "Kobane", "Menaka", "Sirnak"). The words around each word holding such a letter (two
/// on either side, enough for the longest names) are read again with those letters made
/// plain, and each name found there that holds one and overlaps no name found in the text as
/// written is added at its place. Most articles have no such letter (`Lower::has_latin_accent`)
/// and are not read again.
fn add_names_written_with_accents(text: &str, raw: &mut Vec<RawMatch>, gaz: &Gazetteer) {
    let mut windows: Vec<Span> = Vec::new();
    for (i, c) in text.char_indices() {
        if plain_latin_letter(c).is_none() || windows.last().is_some_and(|w| i < w[1]) {
            continue;
        }
        let (start, end) = (words_back(text, i, 3), words_on(text, i, 3));
        match windows.last_mut() {
            Some(w) if start <= w[1] => w[1] = end,
            _ => windows.push([start, end]),
        }
    }
    let mut added = false;
    for w in windows {
        // The plain window and, for each of its bytes, the offset of the character it came
        // from (one plain byte stands for a two-byte letter).
        let mut plain = String::with_capacity(w[1] - w[0]);
        let mut origin: Vec<usize> = Vec::with_capacity(w[1] - w[0] + 1);
        for (i, c) in text[w[0]..w[1]].char_indices() {
            plain.push(plain_latin_letter(c).unwrap_or(c));
            origin.resize(plain.len(), w[0] + i);
        }
        origin.push(w[1]);
        for m in gaz.scan(&plain) {
            let span = [origin[m.span[0]], origin[m.span[1]]];
            let changed = span[1] - span[0] != m.span[1] - m.span[0];
            if !changed
                || raw
                    .iter()
                    .any(|r| r.span[0] < span[1] && span[0] < r.span[1])
            {
                continue;
            }
            raw.push(RawMatch { span, ..m });
            added = true;
        }
    }
    if added {
        raw.sort_by_key(|m| m.span[0]);
    }
}

/// The start of the `n`th white-space-separated word back from `at` (the word holding `at`
/// is the first), or 0.
fn words_back(text: &str, at: usize, n: usize) -> usize {
    let (mut in_word, mut count) = (false, 0);
    for (j, c) in text[..at].char_indices().rev() {
        if !c.is_whitespace() {
            in_word = true;
        } else if in_word {
            count += 1;
            in_word = false;
            if count == n {
                return j + c.len_utf8();
            }
        }
    }
    0
}

/// The end of the `n`th white-space-separated word on from `at` (the word holding `at` is
/// the first), or the text's end.
fn words_on(text: &str, at: usize, n: usize) -> usize {
    let (mut in_word, mut count) = (false, 0);
    for (j, c) in text[at..].char_indices() {
        if !c.is_whitespace() {
            in_word = true;
        } else if in_word {
            count += 1;
            in_word = false;
            if count == n {
                return at + j;
            }
        }
    }
    text.len()
}

/// "some 40 km north of the capital", "20 km east of the city": a distance from a place the
/// story has named (the city or town named last before it; the capital of the country of the
/// last place named, else of the story's country). `add_offsets` then moves it. Without a
/// distance the phrase stays no place, as before.
fn add_unnamed_offsets(
    text: &str,
    lower: &Lower,
    out: &mut Vec<PlaceMention>,
    home_of_story: Option<&str>,
    boilerplate: &[Span],
    gaz: &Gazetteer,
) {
    let mut added: Vec<PlaceMention> = Vec::new();
    for &pos in lower.cues.of(" of the ") {
        let the = pos + " of ".len();
        let rest = &lower.s[the + "the ".len()..];
        let Some(noun) = ["capital", "city", "town"]
            .into_iter()
            .find(|n| rest.starts_with(n))
        else {
            continue;
        };
        let after = &lower.s.as_bytes()[the + "the ".len() + noun.len()..];
        let after_text = &text.as_bytes()[the + "the ".len() + noun.len()..];
        // "the capitals", "the city's", "the city of Mosul", "the capital Baghdad": not a
        // bare reference back (a name that follows is matched on its own).
        let named_next = after
            .first()
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'\'')
            || after.starts_with(b" of ")
            || (after.first() == Some(&b' ')
                && after_text.get(1).is_some_and(u8::is_ascii_uppercase));
        let span = [the, the + "the ".len() + noun.len()];
        if named_next || inside_a_phrase(out, span) || inside_any(span, boilerplate) {
            continue;
        }
        let Some(offset) = offset_before(lower.s, span[0]) else {
            continue;
        };
        let Some(entry) = town_referred_back(
            text,
            lower.s,
            out,
            offset.start,
            noun,
            home_of_story,
            true,
            gaz,
        ) else {
            continue;
        };
        added.push(town_reference(
            text,
            lower,
            span,
            entry,
            PlacePrecision::District,
            [offset.start, span[1]],
            boilerplate,
            gaz,
        ));
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span[0]);
    }
}

/// The town a bare "the city", "the town" or "the capital" written at `at` refers back to: the
/// last town named as a site or dateline in the same or the previous paragraph (further back
/// the story has moved on); for "the capital", the capital of that town's country, else of the
/// story's country. A dateline town counts only with `with_dateline`: "20 km south of the
/// capital" under "KABUL -" is measured from Kabul, but a bare "in the city centre" after
/// "KYIV (Reuters) -" is the town the lead named. A country or province of another country
/// named after the town moves the
/// story there ("A strike hit Kabul. In Iraq, a bomb exploded 20 km south of the city"): "the
/// city" is then not that town, and "the capital" is that country's.
#[allow(clippy::too_many_arguments)]
fn town_referred_back(
    text: &str,
    lower: &str,
    out: &[PlaceMention],
    at: usize,
    noun: &str,
    home_of_story: Option<&str>,
    with_dateline: bool,
    gaz: &Gazetteer,
) -> Option<GazId> {
    let site = |m: &PlaceMention| {
        (m.role == PlaceRole::Site || (m.role == PlaceRole::Dateline && with_dateline))
            && !is_bearing_reference(lower, m)
    };
    let near = |m: &PlaceMention| paragraph_breaks(text, m.span[1], at) <= 1;
    let last_town = last_before(out, at, |m| {
        let kind = gaz.entry(m.entry).kind;
        site(m)
            && near(m)
            && (kind == EntryKind::City || (noun == "capital" && kind == EntryKind::Site))
    });
    let moved_to = last_town.and_then(|town| {
        let home = gaz.entry(town.entry).country.as_deref()?;
        out.iter()
            .filter(|m| m.span[0] >= town.span[1] && m.span[1] <= at && site(m))
            .filter(|m| {
                matches!(
                    gaz.entry(m.entry).kind,
                    EntryKind::Country | EntryKind::Province | EntryKind::Region
                )
            })
            .filter_map(|m| gaz.entry(m.entry).country.as_deref())
            .rfind(|c| *c != home)
    });
    if noun == "capital" {
        let country = moved_to
            .or_else(|| last_town.and_then(|m| gaz.entry(m.entry).country.as_deref()))
            .or(home_of_story);
        country.and_then(|c| gaz.capital_of(c))
    } else if moved_to.is_some() {
        None
    } else {
        last_town.map(|m| m.entry)
    }
}

/// A mention of `town` found through words that do not name it ("the city", "20 km south of
/// the capital", "Tayaran Square"), with the role its sentence gives a town there.
#[allow(clippy::too_many_arguments)]
fn town_reference(
    text: &str,
    lower: &Lower,
    span: Span,
    town: GazId,
    precision: PlacePrecision,
    phrase_span: Span,
    boilerplate: &[Span],
    gaz: &Gazetteer,
) -> PlaceMention {
    let around = Around::new(text, lower, span);
    PlaceMention {
        span,
        entry: town,
        precision,
        role: role_of(&around, town, EntryKind::City, false, boilerplate, gaz),
        phrase_span,
        offset: None,
    }
}

/// Prepositions that make a bare "the city" the place where something happened ("a missile
/// hit a block in the city", "fighting near the town").
const LOCATIVE_BEFORE_THE_TOWN: &[&str] = &[
    "in", "into", "at", "on", "near", "across", "around", "outside", "inside",
];

/// "A missile hit Ganja. Last Sunday a missile hit a block in the city": a bare "in the city"
/// or "near the town" (no name after it) is the town the story named last, in the same or the
/// previous paragraph (`town_referred_back`), so the attack it reports is placed there instead
/// of having no place and taking the next town named for another reason.
fn add_bare_town_references(
    text: &str,
    lower: &Lower,
    out: &mut Vec<PlaceMention>,
    boilerplate: &[Span],
    gaz: &Gazetteer,
) {
    let mut added: Vec<PlaceMention> = Vec::new();
    for (noun, needle) in [
        ("city", " the city"),
        ("town", " the town"),
        ("village", " the village"),
    ] {
        for &pos in lower.cues.of(needle) {
            let span = [pos + " the ".len(), pos + needle.len()];
            let after = &lower.s.as_bytes()[span[1]..];
            // "the cities", "the city of Mosul", "the city Ganja", "the city council": not a
            // bare place (a name that follows is matched on its own). "the city's" is.
            let named_or_compound = after.first().is_some_and(|b| b.is_ascii_alphanumeric())
                || after.starts_with(b" of ")
                || (after.first() == Some(&b' ')
                    && text
                        .as_bytes()
                        .get(span[1] + 1)
                        .is_some_and(u8::is_ascii_uppercase))
                || next_words(lower.s, span[1], 1)
                    .first()
                    .is_some_and(|w| TOWN_COMPOUND_NOUNS.contains(w));
            let mut before = lower.s[..pos].rsplit(' ');
            let prep = before.next().unwrap_or("");
            // "the residential area of the city", "the outskirts of the town": a part of it.
            let part_of =
                prep == "of" && before.next().is_some_and(|w| PARTS_OF_A_TOWN.contains(&w));
            if named_or_compound
                || !(LOCATIVE_BEFORE_THE_TOWN.contains(&prep) || part_of)
                || inside_a_phrase(out, span)
                || inside_any(span, boilerplate)
            {
                continue;
            }
            let Some(entry) = town_referred_back(text, lower.s, out, pos, noun, None, false, gaz)
            else {
                continue;
            };
            added.push(town_reference(
                text,
                lower,
                span,
                entry,
                PlacePrecision::Town,
                [pos + 1, span[1]],
                boilerplate,
                gaz,
            ));
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span[0]);
    }
}

/// Nouns after a name the gazetteer lacks that make it a part of a city ("Tayaran Square", "the
/// Madina district", "the Karrada neighbourhood"), with whether the part may lie in any town
/// (`false`: "district" names a rural division too, so only a big city's own is a quarter).
const UNNAMED_QUARTER_NOUNS: &[(&str, bool)] = &[
    ("square", true),
    ("neighbourhood", true),
    ("neighborhood", true),
    ("quarter", true),
    ("market", true),
    ("district", false),
];

/// Capitalised words that open a quarter's name but do not name it ("Central Market", "the
/// Old Quarter"): such a phrase is a description, not a name.
const DESCRIPTIVE_QUARTER_WORDS: &[&str] = &[
    "central",
    "old",
    "new",
    "main",
    "big",
    "grand",
    "great",
    "local",
    "city",
    "town",
    "the",
    "business",
    "commercial",
    "residential",
    "industrial",
    "diplomatic",
    "financial",
    "government",
    "police",
    "military",
    "security",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "this",
    "that",
    "each",
    "every",
    "fish",
    "vegetable",
    "livestock",
    "cattle",
    "car",
    "gold",
    "stock",
    "black",
    "free",
    "federal",
    "capital",
    "global",
    "world",
    "international",
    "domestic",
    "asian",
    "european",
    "african",
    "arab",
    "american",
    "first",
    "second",
    "third",
    "fourth",
    "last",
];

/// "Tayaran Square was hit", "a car bomb exploded in the Madina district": a capitalised name
/// the gazetteer lacks, right before a quarter noun, is a part of the story's city. It is put
/// at that city (district precision) instead of having no place: the last town named before it
/// as a site or dateline, with no other country's area named in between (`town_referred_back`
/// reaches only a paragraph back; a quarter's city is the story's, often named once at the
/// top). "District" also names rural divisions ("the Chak district" of a province), so there
/// the city must be big (half a million people) and named within the two paragraphs before.
fn add_unnamed_quarters(
    text: &str,
    lower: &Lower,
    out: &mut Vec<PlaceMention>,
    boilerplate: &[Span],
    gaz: &Gazetteer,
) {
    let mut added: Vec<PlaceMention> = Vec::new();
    for &(noun, any_town) in UNNAMED_QUARTER_NOUNS {
        for &pos in lower.cues.of(noun) {
            let end = pos + noun.len();
            if pos == 0
                || lower.s.as_bytes()[pos - 1] != b' '
                || lower
                    .s
                    .as_bytes()
                    .get(end)
                    .is_some_and(|b| b.is_ascii_alphanumeric())
            {
                continue;
            }
            // "Tayaran Square", else "the shopping district of Karrada".
            let (name, span) = match capitalised_name_before(text, pos - 1) {
                Some(start) => (&text[start..pos - 1], [start, end]),
                None if lower.s[end..].starts_with(" of ") => {
                    let Some(name_end) = capitalised_name_after(text, end + " of ".len()) else {
                        continue;
                    };
                    (&text[end + " of ".len()..name_end], [pos, name_end])
                }
                None => continue,
            };
            let name_start = span[0];
            let first = name.split([' ', '-']).next().unwrap_or("");
            let last = name.rsplit([' ', '-']).next().unwrap_or("");
            // "the Saudi market", "the Sunday market": a description, not a name.
            if [first, last].iter().any(|w| {
                listed(DESCRIPTIVE_QUARTER_WORDS, w)
                    || crate::extract::dates::weekday_from_name(w).is_some()
                    || gaz.country_of_demonym_or_name(w).is_some()
            }) || out
                .iter()
                .any(|m| m.span[0] < span[1] && m.span[1] > span[0])
                || inside_any(span, boilerplate)
                || title_case_line(text, pos)
            {
                continue;
            }
            let site_or_dateline = |m: &PlaceMention| {
                matches!(m.role, PlaceRole::Site | PlaceRole::Dateline)
                    && !is_bearing_reference(lower.s, m)
            };
            let Some(town) = last_before(out, name_start, |m| {
                site_or_dateline(m) && gaz.entry(m.entry).kind == EntryKind::City
            }) else {
                continue;
            };
            let city = gaz.entry(town.entry);
            if !any_town
                && (city.population < 500_000 || paragraph_breaks(text, town.span[1], pos) > 2)
            {
                continue;
            }
            let moved = out
                .iter()
                .filter(|m| {
                    m.span[0] >= town.span[1] && m.span[1] <= name_start && site_or_dateline(m)
                })
                .filter(|m| {
                    matches!(
                        gaz.entry(m.entry).kind,
                        EntryKind::Country | EntryKind::Province | EntryKind::Region
                    )
                })
                .any(|m| gaz.entry(m.entry).country != city.country);
            if moved {
                continue;
            }
            added.push(town_reference(
                text,
                lower,
                span,
                town.entry,
                PlacePrecision::District,
                span,
                boilerplate,
                gaz,
            ));
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span[0]);
    }
}

/// The start of the capitalised name (one to three words, "al-" particles included: "Bab
/// al-Sharqi") that ends at `end`, or None when the word before `end` is not capitalised.
fn capitalised_name_before(text: &str, end: usize) -> Option<usize> {
    let mut start = None;
    let mut cursor = end;
    for _ in 0..3 {
        let head = &text[..cursor];
        let word_start = head.rfind(|c: char| c.is_whitespace()).map_or(0, |i| i + 1);
        let word = &head[word_start..];
        let particle = word.split_once('-').is_some_and(|(p, rest)| {
            listed(NAME_ARTICLES, p) && rest.starts_with(char::is_uppercase)
        });
        let capitalised = word.starts_with(char::is_uppercase)
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
        // "in Karrada district", "Kabul's Shash Darak neighbourhood": a preposition or the
        // city's possessive ends the name.
        if word.is_empty()
            || !(capitalised || particle)
            || listed(NAME_STOP_WORDS, word)
            || word.ends_with("'s")
        {
            break;
        }
        start = Some(word_start);
        if word_start == 0 || !head[..word_start].ends_with(' ') {
            break;
        }
        cursor = word_start - 1;
    }
    start
}

/// The end of the capitalised name (one to three words) that starts at `start`, or None when
/// the word there is not capitalised.
fn capitalised_name_after(text: &str, start: usize) -> Option<usize> {
    let mut end = None;
    let mut cursor = start;
    for _ in 0..3 {
        let rest = &text[cursor..];
        let len = rest
            .find(|c: char| !(c.is_alphabetic() || c == '-' || c == '\''))
            .unwrap_or(rest.len());
        let word = rest[..len].trim_end_matches("'s");
        let particle = word.split_once('-').is_some_and(|(p, name)| {
            listed(NAME_ARTICLES, p) && name.starts_with(char::is_uppercase)
        });
        if word.is_empty()
            || !(word.starts_with(char::is_uppercase) || particle)
            || listed(NAME_STOP_WORDS, word)
        {
            break;
        }
        end = Some(cursor + word.len());
        if !rest[word.len()..].starts_with(' ') {
            break;
        }
        cursor += word.len() + 1;
    }
    end
}

/// Capitalised words that open a sentence before a name and are not part of it.
const NAME_STOP_WORDS: &[&str] = &[
    "in", "at", "on", "near", "a", "an", "the", "from", "to", "by", "of", "and", "or", "but", "as",
    "after", "before", "when", "while", "into", "across", "inside", "outside",
];

/// Nouns for a part of a town before "of the city" ("the centre of the city", "a residential
/// area of the town"). Compass words are not among them: "north of the city" only bears from
/// it (`add_unnamed_offsets` reads it with a distance).
const PARTS_OF_A_TOWN: &[&str] = &[
    "area",
    "areas",
    "part",
    "parts",
    "outskirts",
    "centre",
    "center",
    "edge",
    "heart",
    "district",
    "districts",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "suburb",
    "suburbs",
    "streets",
    "quarter",
    "quarters",
];

/// Nouns after "the city" that make a body or an office of it, not a place ("the city council
/// said").
const TOWN_COMPOUND_NOUNS: &[&str] = &[
    "council",
    "councils",
    "hall",
    "authorities",
    "administration",
    "government",
    "governor",
    "mayor",
    "officials",
    "police",
    "residents",
];

/// "30 km west of Mosul": a town or site after a distance and a compass direction is only the
/// reference point; the site lies that far away in that direction. Areas are left alone: a
/// distance from a province or a country says nothing about where its edge is.
fn add_offsets(lower: &str, out: &mut [PlaceMention], gaz: &Gazetteer) {
    for m in out.iter_mut() {
        if !matches!(gaz.entry(m.entry).kind, EntryKind::City | EntryKind::Site)
            || m.precision.is_area()
        {
            continue;
        }
        let Some(offset) = offset_before(lower, m.span[0]) else {
            continue;
        };
        m.offset = Some(offset);
        // A point moved by a rough distance ("about 30 km") is an area around it, not a
        // town centre; a few hundred metres from a site is still that site.
        if offset.km >= 1.0 {
            m.precision = m.precision.max(PlacePrecision::District);
        }
        m.phrase_span[0] = m.phrase_span[0].min(offset.start);
    }
}

/// Distances beyond this are not a site's position ("a missile with a range of ...") but
/// a comparison; the place is then left where it is.
const MAX_OFFSET_KM: f64 = 2_000.0;

/// The distance phrase before the place at `start`: "about 30 km west of ", "20 to 30 miles
/// north of the ", "30 kilometres (20 miles) west of ", "50 nautical miles southwest of ",
/// "thirty km north-northwest of the city of ". `lower` is the ASCII-lower-cased text.
fn offset_before(lower: &str, start: usize) -> Option<PlaceOffset> {
    use std::sync::LazyLock;
    // Cheap test first (every place name goes through here): "<compass> of " must come
    // before the name, perhaps with "the" and "city of" between.
    let head = lower.get(..start)?;
    let mut near = head.trim_end();
    for filler in [" the", " city of", " town of", " village of", " the"] {
        if let Some(rest) = near.strip_suffix(filler) {
            near = rest;
        }
    }
    let dir_end = near.strip_suffix(" of")?.len();
    let word_start = |end: usize| near[..end].rfind([' ', '\n', '(']).map_or(0, |i| i + 1);
    let mut dir_start = word_start(dir_end);
    let mut bearing = compass_bearing(&near[dir_start..dir_end])?;
    // "north west" in two words.
    if matches!(&near[dir_start..dir_end], "east" | "west") && near[..dir_start].ends_with(' ') {
        let first = word_start(dir_start - 1);
        if matches!(&near[first..dir_start - 1], "north" | "south") {
            bearing = compass_bearing(&near[first..dir_end].replace(' ', "-"))?;
            dir_start = first;
        }
    }
    if !may_end_with_a_distance_unit(&near[..dir_start]) {
        return None;
    }
    static DISTANCE: LazyLock<regex::Regex> = LazyLock::new(|| {
        let num = format!(
            r"(?:\d+\.\d+|{})",
            crate::extract::numbers::NUMBER_WORD_PATTERN
        );
        crate::extract::dates::date_regex(&format!(
            r"(?:\b(?:about|some|around|nearly|roughly|approximately|almost|just|only|over|under|at\s+least|up\s+to|more\s+than|less\s+than|fewer\s+than|between)\s+)?\b(?P<n1>{num})(?:\s*(?:-|to|and|or)\s*(?P<n2>{num}))?\s*-?\s*(?P<unit>nautical\s+miles?|kilometres?|kilometers?|kms?|miles?|mi|nm|metres?|meters?|m)\b\.?(?:\s*\([^()\n]{{1,40}}\))?\s+(?:to\s+the\s+)?$"
        ))
    });
    let mut from = dir_start.saturating_sub(120);
    while !lower.is_char_boundary(from) {
        from += 1;
    }
    let caps = DISTANCE.captures(&lower[from..dir_start])?;
    let value = |name: &str| -> Option<f64> {
        let t = caps.name(name)?.as_str();
        if let Ok(v) = t.parse::<f64>() {
            return Some(v);
        }
        let q = crate::extract::numbers::parse_quantity(t)?;
        // "dozens of kilometres" is no distance to move a point by.
        q.vague.is_none().then_some(f64::from(q.value))
    };
    let n1 = value("n1")?;
    let number = match caps.name("n2") {
        // "20 to 30 km": the middle of the range.
        Some(_) => (n1 + value("n2")?) / 2.0,
        None => n1,
    };
    let unit = caps.name("unit")?.as_str();
    let km_per_unit = if unit.starts_with("nautical") || unit == "nm" {
        1.852
    } else if unit.starts_with("mi") {
        1.609_344
    } else if unit.starts_with('k') {
        1.0
    } else {
        0.001
    };
    let km = number * km_per_unit;
    if !(km > 0.0 && km <= MAX_OFFSET_KM) {
        return None;
    }
    Some(PlaceOffset {
        km,
        bearing,
        start: from + caps.get(0)?.start(),
    })
}

/// The endings of the units that `offset_before` reads ("km", "kms", "miles", "metres" …;
/// "m" covers "km" and "nm").
const DISTANCE_UNIT_ENDINGS: &[&str] = &[
    "m",
    "mi",
    "kms",
    "mile",
    "miles",
    "metre",
    "metres",
    "meter",
    "meters",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
];

/// Whether `head` (lower-cased, the text before a compass word) can end with a distance: a
/// unit, perhaps with a dot and a bracketed conversion, then white space and perhaps "to the".
/// Most "north of" have none ("in the north of the country"), and the distance pattern is
/// then not run.
fn may_end_with_a_distance_unit(head: &str) -> bool {
    // The pattern's white space (`\s`) is Unicode's, as `trim_end` is.
    let unit_or_bracket = |h: &str| {
        let h = h.trim_end();
        if h.ends_with(')') {
            return true;
        }
        let h = h.strip_suffix('.').unwrap_or(h);
        let letters = h.len() - h.trim_end_matches(|c: char| c.is_ascii_alphabetic()).len();
        let word = &h[h.len() - letters..];
        DISTANCE_UNIT_ENDINGS.iter().any(|u| word.ends_with(u))
    };
    if !head.ends_with(char::is_whitespace) {
        return false;
    }
    // "30 km to the north of": the unit comes before "to the".
    let before_to_the = head.trim_end().strip_suffix("the").and_then(|h| {
        let h2 = h.trim_end();
        (h2.len() < h.len()).then_some(h2)?.strip_suffix("to")
    });
    unit_or_bracket(head) || before_to_the.is_some_and(unit_or_bracket)
}

/// Degrees clockwise from north of a compass direction: the 8 points as
/// `is_compass_direction` reads them, and the 16-point "north-northwest" forms.
fn compass_bearing(word: &str) -> Option<f64> {
    let cardinal = |w: &str| match w {
        "north" => Some(0.0),
        "east" => Some(90.0),
        "south" => Some(180.0),
        "west" => Some(270.0),
        _ => None,
    };
    // "southwest" / "south-west" → south + west; "north-northwest" → north + northwest.
    let two = |w: &str| -> Option<f64> {
        let w = w.replace('-', "");
        let (a, b) = ["north", "south"]
            .iter()
            .find_map(|ns| w.strip_prefix(ns).map(|rest| (*ns, rest)))?;
        match (a, b) {
            ("north", "east") => Some(45.0),
            ("north", "west") => Some(315.0),
            ("south", "east") => Some(135.0),
            ("south", "west") => Some(225.0),
            _ => None,
        }
    };
    let w = word.to_ascii_lowercase();
    if let Some(b) = cardinal(&w) {
        return Some(b);
    }
    if is_compass_direction(&w) {
        return two(&w);
    }
    // 16-point: a cardinal, a hyphen, and an intercardinal that contains it.
    let (first, rest) = w.split_once('-')?;
    let c = cardinal(first)?;
    let i = two(rest).filter(|_| rest.contains(first))?;
    // Halfway between the two, the short way round (north-northwest: 337.5, not 157.5).
    let diff = (i - c + 540.0) % 360.0 - 180.0;
    Some((c + diff / 2.0 + 360.0) % 360.0)
}

/// The point `km` away from `from` (lat, lon in degrees) along the great circle leaving it
/// at `bearing` degrees clockwise from north.
pub fn destination(from: (f64, f64), km: f64, bearing: f64) -> (f64, f64) {
    const EARTH_KM: f64 = 6371.0;
    let (lat, lon) = (from.0.to_radians(), from.1.to_radians());
    let (d, theta) = (km / EARTH_KM, bearing.to_radians());
    let lat2 = (lat.sin() * d.cos() + lat.cos() * d.sin() * theta.cos()).asin();
    let lon2 = lon + (theta.sin() * d.sin() * lat.cos()).atan2(d.cos() - lat.sin() * lat2.sin());
    let lon2 = (lon2.to_degrees() + 540.0) % 360.0 - 180.0;
    (lat2.to_degrees(), lon2)
}

/// "30 km", "2.5 km", "500 m": the distance as the place name shows it.
fn distance_label(km: f64) -> String {
    if km < 1.0 {
        format!("{} m", (km * 1000.0).round())
    } else if km < 10.0 && (km * 10.0).round() % 10.0 != 0.0 {
        format!("{:.1} km", km)
    } else {
        format!("{} km", km.round())
    }
}

/// "N", "NNW", "SW": the nearest of the 16 compass points.
fn compass_point(bearing: f64) -> &'static str {
    const POINTS: [&str; 16] = [
        "N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW",
        "NW", "NNW",
    ];
    POINTS[((bearing.rem_euclid(360.0) / 22.5).round() as usize) % 16]
}

/// "north of Baghdad" in "Camp Taji north of Baghdad": the town only locates the place named
/// before it, so a later "the same base" does not mean the town.
fn is_bearing_reference(lower: &str, m: &PlaceMention) -> bool {
    let before = lower[..m.span[0]].trim_end();
    let Some(before) = before.strip_suffix(" of") else {
        return false;
    };
    let word = before.rsplit(' ').next().unwrap_or("");
    is_compass_direction(word.trim_start_matches(|c: char| !c.is_alphanumeric()))
}

/// Nouns that "the same …" refers back with, and which earlier places each can mean.
const SAME_PLACE_NOUNS: &[(&str, SameKind)] = &[
    ("base", SameKind::Site),
    ("air base", SameKind::Site),
    ("airbase", SameKind::Site),
    ("camp", SameKind::Site),
    ("airport", SameKind::Site),
    ("compound", SameKind::Site),
    ("facility", SameKind::Site),
    ("site", SameKind::Site),
    ("field", SameKind::Site),
    ("port", SameKind::Site),
    ("city", SameKind::Town),
    ("town", SameKind::Town),
    ("village", SameKind::Town),
    ("district", SameKind::Local),
    ("square", SameKind::Local),
    ("market", SameKind::Local),
    ("area", SameKind::Local),
    ("neighbourhood", SameKind::Local),
    ("neighborhood", SameKind::Local),
    ("province", SameKind::Area),
    ("region", SameKind::Area),
    ("governorate", SameKind::Area),
];

/// What kind of earlier place a "the same …" phrase can stand for.
#[derive(Clone, Copy)]
enum SameKind {
    /// A base, camp, airport, field: a curated site, or a town (a base known by its town's
    /// name, "Balad").
    Site,
    Town,
    /// A district or an area: a town, a site or a named district.
    Local,
    Area,
}

/// "two rockets fell on the same base", "gunmen attacked a ward in the same district": the
/// phrase refers back to the last event site of its kind the article named, so the attack it
/// reports is placed there instead of having no place (and then joining any attack of the same
/// kind and day). With no such place before it, nothing.
fn add_same_places(lower: &str, cues: &Cues, out: &mut Vec<PlaceMention>, gaz: &Gazetteer) {
    if cues.of("the same ").is_empty() {
        return;
    }
    let fits = |m: &PlaceMention, kind: SameKind| {
        let e = gaz.entry(m.entry);
        m.role == PlaceRole::Site
            && match kind {
                SameKind::Site => matches!(e.kind, EntryKind::Site | EntryKind::City),
                SameKind::Town => e.kind == EntryKind::City,
                SameKind::Local => {
                    matches!(e.kind, EntryKind::Site | EntryKind::City)
                        || m.precision == PlacePrecision::District
                }
                SameKind::Area => matches!(e.kind, EntryKind::Province | EntryKind::Region),
            }
    };
    let mut added: Vec<PlaceMention> = Vec::new();
    for &pos in cues.of("the same ") {
        let noun_start = pos + "the same ".len();
        let rest = &lower[noun_start..];
        // The longest noun that ends on a word boundary ("air base" before "base").
        let Some((noun, kind)) = SAME_PLACE_NOUNS
            .iter()
            .filter(|(noun, _)| {
                rest.starts_with(noun)
                    && !rest[noun.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphanumeric())
            })
            .max_by_key(|(noun, _)| noun.len())
        else {
            continue;
        };
        let span = [noun_start, noun_start + noun.len()];
        if inside_a_phrase(out, span) {
            continue;
        }
        let previous = last_before(out, pos, |m| {
            fits(m, *kind) && !is_bearing_reference(lower, m)
        });
        if let Some(place) = previous {
            // "the same airport" after "the Erbil drone attack": the town's airport.
            let (entry, precision) = match *noun {
                "airport" if gaz.entry(place.entry).kind == EntryKind::City => {
                    airport_site_of(place.entry, gaz).unwrap_or((place.entry, place.precision))
                }
                _ => (place.entry, place.precision),
            };
            added.push(PlaceMention {
                span,
                entry,
                precision,
                role: PlaceRole::Site,
                phrase_span: [pos, span[1]],
                offset: None,
            });
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span[0]);
    }
}

/// Plural area nouns that follow two or more names ("the Kyiv and Kharkiv regions").
const PLURAL_AREAS: &[(&str, &str)] = &[
    ("regions", "region"),
    ("provinces", "province"),
    ("oblasts", "oblast"),
    ("governorates", "governorate"),
    ("states", "state"),
];

/// "the Kyiv and Kharkiv regions", "Idlib and Hama provinces": a town name before a plural
/// area noun (right after it, or after "and" and one more name) is its area when the
/// gazetteer has one ("Kyiv region"). Returns the area and the end of the plural noun.
fn area_of_a_plural(around: &Around, kind: EntryKind, gaz: &Gazetteer) -> Option<(GazId, usize)> {
    if kind != EntryKind::City {
        return None;
    }
    let (text, lower, span) = (around.text, around.lower.s, around.span);
    let plural_area = |w: &str| PLURAL_AREAS.iter().any(|(p, _)| *p == w);
    // Most names are followed by neither a plural area nor "and": one word tells.
    let words = match around.next(1).first() {
        Some(&w) if w != "and" && !plural_area(w) => return None,
        _ => around.next(4),
    };
    let plural_at = match words {
        [w, ..] if PLURAL_AREAS.iter().any(|(p, _)| p == w) => 0,
        ["and", _, w, ..] if PLURAL_AREAS.iter().any(|(p, _)| p == w) => 2,
        ["and", _, _, w] if PLURAL_AREAS.iter().any(|(p, _)| p == w) => 3,
        _ => return None,
    };
    let plural = words[plural_at];
    let singular = PLURAL_AREAS.iter().find(|(p, _)| *p == plural)?.1;
    let name = &text[span[0]..span[1]];
    let area = gaz
        .lookup(&format!("{name} {singular}"))
        .into_iter()
        .find(|&id| matches!(gaz.entry(id).kind, EntryKind::Province | EntryKind::Region))?;
    let end = span[1] + lower[span[1]..].find(plural)? + plural.len();
    Some((area, end))
}

/// "the Kanbalu township of Sagaing", "a county of Mandera": a name after a subdivision and
/// "of" is the area that contains the subdivision (when the gazetteer has an area of that
/// name), not the town of the same name.
fn area_above_a_subunit(
    text: &str,
    lower: &str,
    span: Span,
    kind: EntryKind,
    gaz: &Gazetteer,
) -> Option<(GazId, usize)> {
    if kind != EntryKind::City {
        return None;
    }
    let head = lower[..span[0]].strip_suffix(" of ")?;
    if !["township", "county", "local government area"]
        .iter()
        .any(|u| head.ends_with(u))
    {
        return None;
    }
    let name = &text[span[0]..span[1]];
    let area = ["region", "state", "province"].iter().find_map(|suffix| {
        gaz.lookup(&format!("{name} {suffix}"))
            .into_iter()
            .find(|&id| matches!(gaz.entry(id).kind, EntryKind::Province | EntryKind::Region))
    })?;
    Some((area, span[1]))
}

/// How many paragraph breaks (runs of blank lines) lie between `from` and `to`.
fn paragraph_breaks(text: &str, from: usize, to: usize) -> usize {
    let Some(between) = text.as_bytes().get(from..to) else {
        return 0;
    };
    between
        .windows(2)
        .enumerate()
        .filter(|(i, w)| w[0] == b'\n' && w[1] == b'\n' && (*i == 0 || between[i - 1] != b'\n'))
        .count()
}

/// A span already covered by a found place's phrase ("the base" in "the Balad air base").
fn inside_a_phrase(out: &[PlaceMention], span: Span) -> bool {
    out.iter()
        .any(|m| m.phrase_span[0] <= span[0] && m.phrase_span[1] >= span[1])
}

/// The last place named before `pos` that `wanted` accepts: what a bare reference back ("the
/// base", "the same city") stands for.
fn last_before(
    out: &[PlaceMention],
    pos: usize,
    wanted: impl Fn(&PlaceMention) -> bool,
) -> Option<&PlaceMention> {
    out.iter()
        .filter(|m| m.span[1] <= pos && wanted(m))
        .max_by_key(|m| m.span[0])
}

/// Nouns for a military base in a bare reference ("the base", "the air base").
const BASE_PHRASES: &[&str] = &[
    "the base",
    "the air base",
    "the airbase",
    "the military base",
];

/// "The base … was hit by ten rockets": a bare "the base" is the last base the article named
/// (a curated site whose name says base, camp, garrison or airfield). Adds one `Site` mention
/// per bare phrase; with no base named before it, nothing.
fn add_bare_bases(lower: &str, cues: &Cues, out: &mut Vec<PlaceMention>, gaz: &Gazetteer) {
    if BASE_PHRASES.iter().all(|p| cues.of(p).is_empty()) {
        return;
    }
    let is_base = |m: &PlaceMention| {
        let e = gaz.entry(m.entry);
        m.role == PlaceRole::Site
            && e.kind == EntryKind::Site
            && ["base", "camp", "garrison", "airfield"]
                .iter()
                .any(|w| e.name.to_ascii_lowercase().contains(w))
    };
    let mut added: Vec<PlaceMention> = Vec::new();
    for phrase in BASE_PHRASES {
        for &pos in cues.of(phrase) {
            let end = pos + phrase.len();
            // A whole word, and not "the base of …" (a foot or a support, not a base).
            if lower[end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
                || lower[end..].starts_with(" of ")
                || (pos > 0 && lower.as_bytes()[pos - 1].is_ascii_alphanumeric())
            {
                continue;
            }
            let span = [pos + "the ".len(), end];
            if inside_a_phrase(out, span) {
                continue;
            }
            let previous = last_before(out, pos, is_base);
            if let Some(base) = previous {
                added.push(PlaceMention {
                    span,
                    entry: base.entry,
                    precision: PlacePrecision::Point,
                    role: PlaceRole::Site,
                    phrase_span: [pos, end],
                    offset: None,
                });
            }
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span[0]);
    }
}

/// Length of "'s capital" / " capital" after a name, or `None`.
fn capital_suffix(text: &str, end: usize) -> Option<usize> {
    let after = &text[end..];
    ["'s capital", "\u{2019}s capital", " capital"]
        .iter()
        .find(|p| {
            after.len() >= p.len()
                && after.is_char_boundary(p.len())
                && after[..p.len()].eq_ignore_ascii_case(p)
                && !after[p.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric())
        })
        .map(|p| p.len())
}

fn capital_phrase_end(text: &str, end: usize) -> usize {
    end + capital_suffix(text, end).unwrap_or(0)
}

/// The capital city meant by "Somalia's capital" or "the Somali capital" at this match, unless
/// the phrase goes on to name the city itself ("the Yemeni capital, Sanaa", "capital Sanaa").
fn capital_phrase(
    text: &str,
    m: &RawMatch,
    next: Option<&RawMatch>,
    gaz: &Gazetteer,
) -> Option<GazId> {
    let first = gaz.entry(*m.candidates.first()?);
    let demonym = m.flags & F_DEMONYM != 0;
    if !demonym && first.kind != EntryKind::Country {
        return None;
    }
    let len = capital_suffix(text, m.span[1])?;
    let possessive = len > " capital".len();
    if !possessive && !demonym {
        return None; // "Iraq capital" is not English; "Iraq's capital" and "Iraqi capital" are.
    }
    let end = m.span[1] + len;
    if let Some(n) = next
        && n.span[0] >= end
        && text[end..n.span[0]]
            .trim_matches(|c: char| c == ',' || c == ' ')
            .is_empty()
    {
        return None;
    }
    gaz.capital_of(first.country.as_deref()?)
}

/// "Jisr" followed by " al-Shughur" / " ash-Sham": the match is the start of a longer name.
fn continues_a_longer_name(text: &str, end: usize) -> bool {
    let after = &text[end..];
    // Persian and Dari compound names join their words with the ezafe ("Dasht-e-Barchi",
    // "Pul-i-Charkhi"): "Dasht" alone is another place.
    if let Some(rest) = after.strip_prefix('-') {
        for ezafe in ["e-", "i-", "ye-", "e ", "i "] {
            if rest
                .strip_prefix(ezafe)
                .is_some_and(|name| name.chars().next().is_some_and(char::is_uppercase))
            {
                return true;
            }
        }
    }
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let word_len = rest
        .char_indices()
        .find(|(_, c)| !(c.is_alphabetic() || *c == '-' || *c == '\''))
        .map_or(rest.len(), |(i, _)| i);
    let Some((particle, name)) = rest[..word_len].split_once('-') else {
        return false;
    };
    const ARTICLES: &[&str] = &["al", "el", "ash", "as", "ad", "ar", "az", "at", "an", "ez"];
    listed(ARTICLES, particle) && name.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Countries named in the sentence around a span (names, unambiguous towns and demonyms).
/// `raw` is in text order and does not overlap, so the sentence's matches are one run of it.
/// `stops` are the offsets of every '.', '!', '?' and line break in the text, in order.
fn sentence_countries<'g>(
    text: &str,
    stops: &[usize],
    span: Span,
    raw: &[RawMatch],
    contributions: &[Option<(&'g str, u32)>],
) -> Vec<&'g str> {
    let before = stops.partition_point(|&p| p < span[0]);
    let lo = before.checked_sub(1).map_or(0, |k| stops[k] + 1);
    let after = stops.partition_point(|&p| p < span[1]);
    let hi = stops.get(after).copied().unwrap_or(text.len());
    let first = raw.partition_point(|r| r.span[0] < lo);
    let mut out = Vec::new();
    for (r, c) in raw[first..].iter().zip(&contributions[first..]) {
        if r.span[1] > hi {
            break;
        }
        if r.span == span {
            continue;
        }
        if let Some((iso, _)) = *c
            && !out.iter().any(|o: &&str| same_word(o, iso))
        {
            out.push(iso);
        }
    }
    out
}

/// A foreign town name used as a quarter ("the Medina district", "Lido beach") of a city of
/// the story: the city it is a part of, or None. The town's country must not be named in the
/// sentence, and either nowhere else in the article, or the story is plainly set in another
/// country (`story_home`) and the town lies over 1,000 km from the city, too far for a story
/// about the city's country to be about it (a neighbour's town keeps its reading: "the
/// Qamishli area" of an Iraq story is in Syria). `city` finds the story's city; it is asked
/// last.
fn foreign_quarter(
    around: &Around,
    town: &GazEntry,
    ctx: &CountryContext,
    story_home: Option<&str>,
    sentence: &[&str],
    gaz: &Gazetteer,
    city: impl FnOnce() -> Option<GazId>,
) -> Option<GazId> {
    let country = town.country.as_deref()?;
    // The cheap tests first: most names are followed by no quarter word.
    if !around
        .next(1)
        .first()
        .is_some_and(|w| QUARTER_WORDS.contains(w))
        || sentence.iter().any(|s| same_word(s, country))
        || ctx.primary().is_none()
    {
        return None;
    }
    let named_elsewhere = ctx.count(country) != 0;
    if named_elsewhere && story_home.is_none_or(|h| same_word(h, country)) {
        return None;
    }
    let city = city()?;
    let c = gaz.entry(city);
    if c.country.as_deref().is_none_or(|cc| same_word(cc, country)) {
        return None;
    }
    if named_elsewhere && haversine_km((c.lat, c.lon), (town.lat, town.lon)) < 1_000.0 {
        return None;
    }
    Some(city)
}

/// The city a quarter name belongs to: a town named right after the quarter word ("Lido beach
/// in Mogadishu", "the Medina district of Mogadishu"), else the last town named before it as
/// a site or dateline, in a country the story names.
fn story_city(
    text: &str,
    end: usize,
    out: &[PlaceMention],
    next: Option<&RawMatch>,
    ctx: &CountryContext,
    gaz: &Gazetteer,
) -> Option<GazId> {
    let in_ctx = |id: GazId| {
        let e = gaz.entry(id);
        e.kind == EntryKind::City && e.country.as_deref().is_some_and(|c| ctx.count(c) > 0)
    };
    if let Some(n) = next {
        // " beach in ", " district of ": one word, then "in" or "of", then the name.
        let between = text.get(end..n.span[0]).unwrap_or("");
        let mut words = between.split_whitespace();
        let one_word = words.next().is_some()
            && words.next().is_some_and(|w| w == "in" || w == "of")
            && words.next().is_none();
        if one_word && let Some(&id) = n.candidates.first().filter(|&&id| in_ctx(id)) {
            return Some(id);
        }
    }
    out.iter()
        .rev()
        .find(|p| matches!(p.role, PlaceRole::Site | PlaceRole::Dateline) && in_ctx(p.entry))
        .map(|p| p.entry)
}

/// The country a story is plainly set in: one country dominates the article, named at least
/// twice as a country (or as often in other ways) and at least twice as much as any other.
/// The same for every mention of an article, so computed once.
fn story_home(ctx: &CountryContext) -> Option<&str> {
    let home = ctx.primary()?;
    let n = ctx.count(home);
    let runner_up = ctx
        .counts
        .iter()
        .filter(|(k, _)| !same_word(k, home))
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0);
    (n >= 4 && n >= 2 * runner_up).then_some(home)
}

/// The story's country (`story_home`), when a town's only reading lies in a country the story
/// never names: that country is absent from the article (but for this name) and from the
/// sentence. `same_name_share` walks the article's matches, so it is asked last.
fn foreign_homonym_home<'c>(
    country: Option<&str>,
    story_home: Option<&'c str>,
    ctx: &CountryContext,
    sentence: &[&str],
    same_name_share: impl FnOnce() -> u32,
) -> Option<&'c str> {
    let (country, home) = (country?, story_home?);
    if same_word(home, country) || sentence.iter().any(|s| same_word(s, country)) {
        return None;
    }
    (ctx.count(country) <= same_name_share()).then_some(home)
}

/// What the mentions of one town add to the country context: a name repeated through a story
/// must not vouch for its own foreign reading.
fn same_name_share(
    raw: &[RawMatch],
    contributions: &[Option<(&str, u32)>],
    boilerplate: &[Span],
    entry: GazId,
) -> u32 {
    raw.iter()
        .zip(contributions)
        .filter(|(r, _)| r.candidates.first() == Some(&entry) && !inside_any(r.span, boilerplate))
        .filter_map(|(_, c)| c.map(|(_, w)| w))
        .sum()
}

/// The nearest province or region of a country named in the sentence around a span.
fn home_area_in_sentence(
    text: &str,
    stops: &[usize],
    span: Span,
    raw: &[RawMatch],
    home: &str,
    gaz: &Gazetteer,
) -> Option<GazId> {
    let before = stops.partition_point(|&p| p < span[0]);
    let lo = before.checked_sub(1).map_or(0, |k| stops[k] + 1);
    let after = stops.partition_point(|&p| p < span[1]);
    let hi = stops.get(after).copied().unwrap_or(text.len());
    raw.iter()
        .filter(|r| r.span[0] >= lo && r.span[1] <= hi && r.span != span)
        .filter(|r| r.flags & (F_BLOCK | F_DEMONYM) == 0)
        .filter_map(|r| {
            let id = r.candidates.iter().copied().find(|&c| {
                let e = gaz.entry(c);
                matches!(e.kind, EntryKind::Province | EntryKind::Region)
                    && e.country.as_deref().is_some_and(|x| same_word(x, home))
            })?;
            Some((r.span[0].abs_diff(span[0]), id))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, id)| id)
}

/// Words after a name that make it a part of a city ("the Medina district").
/// Nouns of relief after a name: "the X mountains" is a range, not the town X.
const RELIEF_WORDS: &[&str] = &[
    "mountains",
    "mountain",
    "hills",
    "range",
    "massif",
    "heights",
];

const QUARTER_WORDS: &[&str] = &[
    "district",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "suburb",
    "beach",
    "market",
    "square",
];

fn possessive_airport(text: &str, end: usize) -> bool {
    let after = &text[end..];
    ["'s airport", "\u{2019}s airport", " airport"]
        .iter()
        .any(|p| {
            after.len() >= p.len()
                && after.is_char_boundary(p.len())
                && after[..p.len()].eq_ignore_ascii_case(p)
        })
}

/// "Kabul's airport" / "Kabul airport": the city's curated airport, with the phrase end.
fn airport_of_city(
    text: &str,
    lower: &str,
    end: usize,
    entry: GazId,
    kind: EntryKind,
    gaz: &Gazetteer,
) -> Option<(GazId, usize)> {
    if kind != EntryKind::City || !possessive_airport(text, end) {
        return None;
    }
    let (airport, _) = airport_site_of(entry, gaz)?;
    let len = lower[end..].find("airport")? + "airport".len();
    Some((airport, end + len))
}

/// The curated airport of a town ("Erbil" -> Erbil International Airport), if any.
fn airport_site_of(city: GazId, gaz: &Gazetteer) -> Option<(GazId, PlacePrecision)> {
    let name = &gaz.entry(city).name;
    gaz.lookup(&format!("{name} airport"))
        .into_iter()
        .find(|&id| gaz.entry(id).kind == EntryKind::Site)
        .map(|a| (a, PlacePrecision::Point))
}

/// "the airport" with no name: the airport (or city) of the last airport phrase before it,
/// else of the dateline city. Adds one `Site` mention per bare phrase.
fn add_bare_airports(
    text: &str,
    lower: &str,
    cues: &Cues,
    datelines: &[Span],
    out: &mut Vec<PlaceMention>,
    gaz: &Gazetteer,
) {
    let mut added: Vec<PlaceMention> = Vec::new();
    for &pos in cues.of("the airport") {
        let end = pos + "the airport".len();
        if lower[end..]
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let span = [pos + 4, end];
        if out
            .iter()
            .any(|m| m.phrase_span[0] <= span[0] && m.phrase_span[1] >= span[1])
        {
            continue;
        }
        let is_airport = |m: &PlaceMention| {
            let e = gaz.entry(m.entry);
            m.span[1] <= pos
                && m.role != PlaceRole::Boilerplate
                && ((e.kind == EntryKind::Site && e.name.to_ascii_lowercase().contains("airport"))
                    || lower[m.span[0]..m.phrase_span[1].max(m.span[1])].contains("airport"))
        };
        // "the airport in Erbil", "the airport of Mosul": the town named right after it says
        // which airport, and its own mention carries the place; an earlier airport or the
        // dateline city's would put the attack in the wrong town.
        let names_its_town = ["in ", "of ", "at "]
            .iter()
            .find_map(|p| {
                lower
                    .get(end + 1..)?
                    .strip_prefix(p)
                    .map(|_| end + 1 + p.len())
            })
            .filter(|_| lower[end..].starts_with(' '))
            .is_some_and(|at| {
                out.iter()
                    .any(|m| m.span[0] == at && gaz.entry(m.entry).kind == EntryKind::City)
            });
        if names_its_town {
            continue;
        }
        let previous = out
            .iter()
            .chain(added.iter())
            .filter(|m| is_airport(m))
            .max_by_key(|m| m.span[0])
            .map(|m| (m.entry, m.precision));
        let found = previous.or_else(|| {
            let city = dateline_city_in(text, datelines, gaz)?;
            Some(airport_site_of(city, gaz).unwrap_or((city, PlacePrecision::Town)))
        });
        if let Some((entry, precision)) = found {
            added.push(PlaceMention {
                span,
                entry,
                precision,
                role: PlaceRole::Site,
                phrase_span: [pos, end],
                offset: None,
            });
        }
    }
    if !added.is_empty() {
        out.extend(added);
        out.sort_by_key(|m| m.span[0]);
    }
}

/// The city an article was filed from ("KABUL (AFP) -", "ISTANBUL —"), for events whose
/// sentence names no place: the event stage may fall back to it (town precision).
pub fn dateline_city(article: &Article, gaz: &Gazetteer) -> Option<GazId> {
    let mut datelines: Vec<Span> = article.dateline.into_iter().collect();
    if datelines.is_empty() {
        datelines.extend(detect_datelines(&article.body));
    }
    dateline_city_in(&article.body, &datelines, gaz)
}

fn dateline_city_in(text: &str, datelines: &[Span], gaz: &Gazetteer) -> Option<GazId> {
    let first = datelines.iter().min_by_key(|s| s[0])?;
    let head = &text[first[0]..first[1]];
    let raw = gaz.scan(head);
    let ctx = CountryContext::default();
    raw.iter()
        .filter(|m| m.flags & (F_BLOCK | F_DEMONYM) == 0 && !m.candidates.is_empty())
        .find_map(|m| {
            let id = choose(m, gaz, &ctx, &[], head)?;
            (gaz.entry(id).kind == EntryKind::City).then_some(id)
        })
}

/// Picks the candidate the article most likely means: curated kinds over towns, then the
/// article's countries, then population.
fn choose(
    m: &RawMatch,
    gaz: &Gazetteer,
    ctx: &CountryContext,
    sentence: &[&str],
    text: &str,
) -> Option<GazId> {
    let mut best: Option<(f64, GazId)> = None;
    let matched = text.get(m.span[0]..m.span[1]).unwrap_or("");
    let called_by_own_name = |e: &GazEntry| matched.eq_ignore_ascii_case(&e.name);
    let own_named_town = |id: &GazId| {
        let e = gaz.entry(*id);
        e.kind == EntryKind::City && called_by_own_name(e)
    };
    let any_own_named_town = m.candidates.iter().any(own_named_town);
    for &id in &m.candidates {
        let e = gaz.entry(id);
        if m.flags & F_CONTEXT != 0
            && e.kind == EntryKind::Region
            && !context_name_applies(text, m, ctx)
        {
            continue;
        }
        let kind_score = match e.kind {
            EntryKind::Country => 400.0,
            EntryKind::Region | EntryKind::Province => 300.0,
            EntryKind::Site => 200.0,
            EntryKind::City => 0.0,
        };
        let c = e.country.as_deref().map(|c| ctx.count(c)).unwrap_or(0);
        let ctx_score = if c > 0 {
            40.0 + f64::from(c.min(4))
        } else {
            0.0
        };
        let pop_score = ((e.population + 1) as f64).log10();
        // National capitals are known world-wide: "Rome" or "Vienna" is the capital even in a
        // story full of US mentions that also has a small US town of that name in reach.
        let cap = if gaz.is_capital(id) { 45.0 } else { 0.0 };
        // A country named in the same sentence ("Jisr al-Shughur in Syria's northwest") beats
        // the article's overall mix.
        let in_sentence = e
            .country
            .as_deref()
            .is_some_and(|c| sentence.iter().any(|s| same_word(s, c)));
        let sentence_score = if in_sentence { 60.0 } else { 0.0 };
        // A town called by its own name beats a town of another country that merely lists
        // the name among its alternates (another language's transliteration: "Khar" for
        // Germany's Haar) unless that one is several times larger. Within one country the
        // alternates are spelling variants ("Serhiivka" / "Serhiyivka") and size decides.
        let foreign_alternate = any_own_named_town
            && e.kind == EntryKind::City
            && !called_by_own_name(e)
            && !m
                .candidates
                .iter()
                .any(|o| own_named_town(o) && gaz.entry(*o).country == e.country);
        let alternate_score = if foreign_alternate { -0.5 } else { 0.0 };
        let s = kind_score + ctx_score + pop_score + cap + sentence_score + alternate_score;
        if best.is_none_or(|(bs, _)| s > bs) {
            best = Some((s, id));
        }
    }
    best.map(|(_, id)| id)
}

/// "the border with Syria" means the Iraq–Syria border only in a story about Iraq (and "the
/// border with Iraq" in one about Syria), not in a story about Turkey or Jordan.
fn context_name_applies(text: &str, m: &RawMatch, ctx: &CountryContext) -> bool {
    let slice = &text[m.span[0]..m.span[1]].to_ascii_lowercase();
    let home = if slice.contains("syria") { "IQ" } else { "SY" };
    let h = ctx.count(home);
    h > 0 && ["TR", "JO", "LB", "IL"].iter().all(|o| ctx.count(o) <= h)
}

const LOCATIVE: &[&str] = &[
    "in",
    "near",
    "at",
    "from",
    "to",
    "outside",
    "into",
    "around",
    "toward",
    "towards",
    "across",
    "inside",
    "via",
    "through",
    "of",
    "on",
    "nearby",
    "hit",
    "struck",
    "targeted",
    "targeting",
    "bombed",
    "shelled",
    "attacked",
];

/// Words between a preposition and a place name ("near the oil-rich city of", "in northern").
const PHRASE_MODIFIERS: &[&str] = &[
    "the",
    "a",
    "an",
    "city",
    "town",
    "village",
    "oil-rich",
    "west",
    "east",
    "north",
    "south",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "border",
    "nearby",
    "capital",
    "key",
    "strategic",
    "restive",
    "volatile",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "province",
    "district",
];

/// Whether a town name is a place here, not a word, a surname or a stray alternate name.
#[allow(clippy::too_many_arguments)]
fn city_is_supported(
    around: &Around,
    m: &RawMatch,
    slice: &str,
    in_ctx: bool,
    population: u64,
    gaz: &Gazetteer,
) -> bool {
    let (letters, upper) = slice
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0usize, 0usize), |(n, u), c| {
            (n + 1, u + usize::from(c.is_uppercase()))
        });
    let all_caps = letters >= 2 && upper == letters;
    // Short all-capital words are acronyms ("ISIS", "OIR"), not towns.
    if all_caps && letters <= 5 {
        return false;
    }
    let single_word = !slice.contains([' ', '-']);
    // Parts of Arabic personal names that are also towns somewhere ("Abu Mahdi").
    const NAME_PARTS: &[&str] = &[
        "abu", "umm", "bin", "ibn", "sheikh", "imam", "sayyid", "haji", "hajji",
    ];
    if single_word && NAME_PARTS.iter().any(|p| p.eq_ignore_ascii_case(slice)) {
        return false;
    }
    let text = around.text;
    let start = sentence_start(text, m.span[0]);
    let prev = around.prev(3);
    let locative = prev
        .iter()
        .find(|w| !listed(PHRASE_MODIFIERS, w))
        .is_some_and(|w| listed(LOCATIVE, w));
    // "Moqtada al-Sadr", "Bashar al-Assad": an "al-" name right after a first name is the
    // person's family name, like a one-word name after one ("Michael Jordan").
    let family_name = slice
        .split_once('-')
        .is_some_and(|(a, rest)| listed(NAME_ARTICLES, a) && !rest.contains([' ', '-']));
    // The same name found without its article ("Sadr" of "Moqtada al-Sadr").
    let article_before = text[..m.span[0]]
        .strip_suffix('-')
        .and_then(|b| NAME_ARTICLES.iter().find_map(|a| b.strip_suffix(a)))
        .filter(|b| !b.ends_with(|c: char| c.is_alphanumeric()));
    if let Some(before) = article_before
        && single_word
        && preceded_by_name(text, before.len(), gaz)
        && !title_case_line(text, m.span[0])
    {
        return false;
    }
    if (single_word || family_name)
        && !start
        && preceded_by_name(text, m.span[0], gaz)
        && !title_case_line(text, m.span[0])
    {
        return false;
    }
    if m.flags & F_COMMON != 0 {
        return !start && !all_caps && locative && in_ctx;
    }
    in_ctx || locative || followed_by_area(text, m.span[1], gaz) || population >= 500_000
}

/// Arabic articles that open a family name ("al-Sadr", "el-Sisi"), as written in news copy.
const NAME_ARTICLES: &[&str] = &["al", "Al", "el", "El"];

/// "Kirkuk, Iraq" / "Palm Beach, Florida": a town qualified by a country or area.
fn followed_by_area(text: &str, end: usize, gaz: &Gazetteer) -> bool {
    let rest = &text[end..];
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == ' ' || *c == '.')
        .collect();
    let word = word.split(' ').take(3).collect::<Vec<_>>();
    (1..=word.len()).any(|n| {
        gaz.country_of_demonym_or_name(&word[..n].join(" "))
            .is_some()
    })
}

/// A capitalised word right before a one-word name, mid-sentence, is usually a first name or
/// a title ("Secretary Austin", "Michael Jordan"); directions and demonyms are not.
fn preceded_by_name(text: &str, start: usize, gaz: &Gazetteer) -> bool {
    let before = &text[..start];
    let trimmed = before.trim_end_matches(' ');
    if trimmed.len() + 1 != before.len() {
        return false; // not separated by exactly one space
    }
    let word: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let Some(first) = word.chars().next() else {
        return false;
    };
    if !first.is_uppercase() || word.len() < 2 || word.chars().all(|c| !c.is_lowercase()) {
        return false;
    }
    let lw = word.trim_end_matches('.').to_ascii_lowercase();
    const NOT_NAMES: &[&str] = &[
        "west",
        "east",
        "north",
        "south",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "upper",
        "lower",
        "greater",
        "old",
        "new",
        "camp",
        "fort",
        "port",
        "mount",
        "lake",
        "al",
        "el",
        "the",
        "in",
        "at",
        "near",
        "on",
        "of",
        "from",
        "to",
        "and",
        "or",
        "but",
        "while",
        "when",
        "as",
        "by",
        "with",
        "for",
        "after",
        "before",
        "since",
        "outside",
        "around",
        "then",
        "meanwhile",
        "later",
        "also",
        "however",
        "today",
        "yesterday",
        "overnight",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
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
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "earlier",
        "last",
        "this",
        "that",
        "these",
        "those",
        "if",
        "where",
        "downtown",
        "city",
        "town",
        "province",
        "district",
        "governorate",
        "region",
        "capital",
        "airport",
        "base",
        "military",
        "iraqi",
        "syrian",
        "kurdish",
        "southeastern",
        "northwestern",
        "northeastern",
        "southwestern",
        "rural",
        "coastal",
        "besieged",
        "embattled",
    ];
    !(listed(NOT_NAMES, &lw) || gaz.country_of_demonym_or_name(&word).is_some())
}

/// Headlines capitalise every word; the first-name test does not apply there.
fn title_case_line(text: &str, pos: usize) -> bool {
    let ls = text[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let le = text[pos..]
        .find('\n')
        .map(|i| pos + i)
        .unwrap_or(text.len());
    let line = &text[ls..le];
    if line.len() > 200 {
        return false;
    }
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    if words.len() < 3 || line.len() > 200 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    caps * 10 >= words.len() * 7
}

/// True when `pos` starts a sentence (or a line, or the text). A dot after a short
/// capitalised abbreviation ("Col. Wayne", "Gen. Smith", "U.S. Embassy") does not end one.
fn sentence_start(text: &str, pos: usize) -> bool {
    let before = &text[..pos];
    for (i, c) in before.char_indices().rev() {
        if c == '\n' {
            return true;
        }
        if c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«') {
            continue;
        }
        if c == '.' {
            let word: String = before[..i]
                .chars()
                .rev()
                .take_while(|ch| ch.is_alphabetic() || *ch == '.')
                .collect();
            let letters = word.chars().filter(|ch| ch.is_alphabetic()).count();
            let capitalised = word.chars().last().is_some_and(|ch| ch.is_uppercase());
            return !(capitalised && (1..=4).contains(&letters));
        }
        return matches!(c, '!' | '?' | ':' | '•' | '–' | '—');
    }
    true
}

/// The words before `pos` in the same sentence, nearest first, lower-case, without surrounding
/// punctuation, including words that trim to nothing (`Around::prev(n)` counts them towards
/// `n` but does not return them). The words are slices of the lower-cased text, so nothing is
/// allocated per word, and the sentence start comes from the cuts found once per article.
fn prev_raw_words<'a>(
    text: &str,
    lower: &Lower<'a>,
    pos: usize,
) -> impl Iterator<Item = &'a str> + use<'a> {
    // Look back a bounded distance: a sentence start further away does not matter.
    let mut floor = pos.saturating_sub(300);
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let cut = lower.clause_start(pos, floor);
    let s: &'a str = &lower.s[cut..pos];
    // `split_whitespace().rev()` over bytes: ASCII bytes are tested directly and only other
    // characters are decoded (this runs for nearly every name).
    let mut end = s.len();
    std::iter::from_fn(move || {
        while end > 0 {
            let (ws, at) = whitespace_before(s, end);
            if !ws {
                break;
            }
            end = at;
        }
        if end == 0 {
            return None;
        }
        let mut start = end;
        while start > 0 {
            let (ws, at) = whitespace_before(s, start);
            if ws {
                break;
            }
            start = at;
        }
        let word = &s[start..end];
        end = start;
        Some(trim_to_word(word, true))
    })
}

/// Whether the character ending at byte `end` of `s` is white space (as `char::is_whitespace`),
/// and where it begins.
#[inline]
fn whitespace_before(s: &str, end: usize) -> (bool, usize) {
    let b = s.as_bytes();
    let last = b[end - 1];
    if last < 0x80 {
        return (ascii_whitespace(last), end - 1);
    }
    let mut at = end - 1;
    while at > 0 && b[at] & 0xC0 == 0x80 {
        at -= 1;
    }
    let ws = s[at..end].chars().next().is_some_and(char::is_whitespace);
    (ws, at)
}

/// The byte length of the character at `at` when it is white space (as `char::is_whitespace`),
/// else 0.
#[inline]
fn whitespace_at(s: &str, at: usize) -> usize {
    let b = s.as_bytes()[at];
    if b < 0x80 {
        return usize::from(ascii_whitespace(b));
    }
    match s[at..].chars().next() {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// The ASCII characters `char::is_whitespace` accepts (`u8::is_ascii_whitespace` lacks the
/// vertical tab).
#[inline]
fn ascii_whitespace(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ')
}

/// `word` without leading and trailing characters that are not alphanumeric (nor '-' when
/// `keep_hyphen`). Most words begin and end with an ASCII letter and are returned as they are.
#[inline]
fn trim_to_word(word: &str, keep_hyphen: bool) -> &str {
    let kept = |b: u8| b.is_ascii_alphanumeric() || (keep_hyphen && b == b'-');
    match word.as_bytes() {
        [first, .., last] if kept(*first) && kept(*last) => word,
        [only] if kept(*only) => word,
        _ => word.trim_matches(|c: char| !(c.is_alphanumeric() || (keep_hyphen && c == '-'))),
    }
}

/// An article's text ASCII-lower-cased (same byte offsets, so words are slices of it) with
/// the places where a clause ends for `prev_words`, both computed once per article.
struct Lower<'a> {
    s: &'a str,
    cuts: Vec<ClauseCut>,
    /// Offsets of every '.', '!', '?' and line break, in order (sentence ends for
    /// `sentence_countries`), found in the same pass as `cuts`.
    stops: Vec<usize>,
    /// Some credit phrase occurs in the text (most articles have none, and then no line
    /// before a name needs searching for one).
    has_credit_phrase: bool,
    /// "contributed" occurs in the text ("… in Washington contributed reporting"): most
    /// articles have none, and then no name's next words need reading for it.
    has_contributed: bool,
    /// A byte 0xC3-0xC6, 0xC8 or 0xE1 occurs: the lead bytes of the Latin letters with a
    /// diacritic (`plain_latin_letter`), found in the same pass as the cuts.
    has_latin_accent: bool,
    /// Where the phrases of the rules for unnamed places occur.
    cues: Cues,
}

/// The bytes `Lower::new` looks at: clause cuts, sentence stops, the lead byte of '“'/'”' and
/// those of Latin letters with diacritics.
static CUT_OR_STOP: [bool; 256] = {
    let mut table = [false; 256];
    let bytes = b"!?;\n\".\xE2\xC3\xC4\xC5\xC6\xC8\xE1";
    let mut i = 0;
    while i < bytes.len() {
        table[bytes[i] as usize] = true;
        i += 1;
    }
    table
};

/// Whether one of the eight bytes of `chunk` may be one that `CUT_OR_STOP` holds: a byte of
/// a character beyond ASCII, or one of '!', '?', ';', '\n', '"', '.'.
fn may_hold_a_cut_or_stop(chunk: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
        return true;
    };
    let word = u64::from_le_bytes(bytes);
    // A byte of `word ^ (ONES * b)` is zero where `word` holds `b`; the test finds a zero byte.
    let holds = |b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS != 0
    };
    word & HIGHS != 0
        || holds(b'.')
        || holds(b'\n')
        || holds(b'"')
        || holds(b'!')
        || holds(b'?')
        || holds(b';')
}

/// The phrases that the rules for unnamed places (`add_unnamed_offsets`,
/// `add_bare_town_references`, `add_unnamed_quarters`, `add_bare_bases`, `add_same_places`,
/// `add_bare_airports`) look for in the lower-cased text. One pass finds them all, instead of
/// one pass over the article per phrase.
const CUE_PHRASES: [&str; 16] = [
    " of the ",
    " the city",
    " the town",
    " the village",
    "square",
    "neighbourhood",
    "neighborhood",
    "quarter",
    "market",
    "district",
    "the base",
    "the air base",
    "the airbase",
    "the military base",
    "the airport",
    "the same ",
];

static CUE_FINDER: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(CUE_PHRASES).expect("static patterns")
    });

/// Where each of `CUE_PHRASES` occurs in a lower-cased text: for each phrase, the starts that
/// `str::match_indices` gives (left to right, a match never overlapping the phrase's previous
/// one).
struct Cues {
    at: [Vec<usize>; CUE_PHRASES.len()],
}

impl Cues {
    fn find(lower: &str) -> Cues {
        let mut at: [Vec<usize>; CUE_PHRASES.len()] = Default::default();
        let mut next_free = [0usize; CUE_PHRASES.len()];
        // Overlapping: "the air base" also holds a match of "the airbase"'s rivals and of
        // "the base"'s, and each phrase keeps its own.
        for m in CUE_FINDER.find_overlapping_iter(lower) {
            let k = m.pattern().as_usize();
            if m.start() >= next_free[k] {
                at[k].push(m.start());
                next_free[k] = m.end();
            }
        }
        Cues { at }
    }

    /// The starts of `phrase`, which must be one of `CUE_PHRASES`.
    fn of(&self, phrase: &str) -> &[usize] {
        let k = CUE_PHRASES
            .iter()
            .position(|p| *p == phrase)
            .expect("a phrase of CUE_PHRASES");
        &self.at[k]
    }
}

/// Phrases that open a credit line ("Reporting by … in Baghdad").
const CREDIT_PHRASES: [&str; 4] = ["reporting by", "writing by", "editing by", "compiled by"];

/// True when a credit phrase comes before `pos` on its line ("Reporting by … in Baghdad").
fn in_credit_line(lower: &Lower, pos: usize) -> bool {
    lower.has_credit_phrase && {
        let line_start = lower.s[..pos].rfind('\n').map_or(0, |i| i + 1);
        let line_before = &lower.s[line_start..pos];
        CREDIT_PHRASES.iter().any(|c| line_before.contains(c))
    }
}

/// A character that ends a clause looking back from a later word: '!', '?', ';', a line
/// break, a straight or curly double quote, or a '.' before a space that does not end an
/// abbreviation ("U.S. forces" does not end a sentence).
#[derive(Debug, Clone, Copy)]
struct ClauseCut {
    /// Offset of the character.
    at: usize,
    /// Offset right after it, where the clause begins.
    after: usize,
    /// A '.': it ends the clause only when the space after it comes before the word.
    dot: bool,
}

impl<'a> Lower<'a> {
    fn new(text: &str, lower: &'a str) -> Lower<'a> {
        let b = text.as_bytes();
        let mut cuts = Vec::new();
        let mut stops = Vec::new();
        let mut has_latin_accent = false;
        // Most bytes are letters and spaces: eight at a time are passed by one test when none
        // of them can be a cut or a stop, and only the others are looked at one by one.
        let mut chunk_start = 0;
        let looked_at = std::iter::from_fn(|| {
            while chunk_start < b.len() {
                let chunk = b.get(chunk_start..chunk_start + 8);
                let from = chunk_start;
                chunk_start = (chunk_start + 8).min(b.len());
                if chunk.is_none_or(may_hold_a_cut_or_stop) {
                    return Some(from..chunk_start);
                }
            }
            None
        })
        .flatten();
        for i in looked_at {
            let c = b[i];
            if !CUT_OR_STOP[usize::from(c)] {
                continue;
            }
            if matches!(c, 0xC3..=0xC6 | 0xC8 | 0xE1) {
                has_latin_accent = true;
                continue;
            }
            if matches!(c, b'.' | b'!' | b'?' | b'\n') {
                stops.push(i);
            }
            match c {
                b'!' | b'?' | b';' | b'\n' | b'"' => cuts.push(ClauseCut {
                    at: i,
                    after: i + 1,
                    dot: false,
                }),
                // '“' and '”' are E2 80 9C and E2 80 9D in UTF-8.
                0xE2 if b.get(i + 1) == Some(&0x80)
                    && matches!(b.get(i + 2), Some(0x9C | 0x9D)) =>
                {
                    cuts.push(ClauseCut {
                        at: i,
                        after: i + 3,
                        dot: false,
                    })
                }
                b'.' if b.get(i + 1) == Some(&b' ') => {
                    let mut back = text[..i].chars().rev();
                    let abbreviation =
                        back.next().is_some_and(|p| p.is_uppercase()) && back.next() == Some('.');
                    if !abbreviation {
                        cuts.push(ClauseCut {
                            at: i,
                            after: i + 1,
                            dot: true,
                        });
                    }
                }
                _ => {}
            }
        }
        // Three of the four credit phrases end in "ing by": one search for that answers for
        // them in most articles.
        let has_credit_phrase = CREDIT_PHRASES
            .iter()
            .any(|c| (!c.ends_with("ing by") || lower.contains("ing by")) && lower.contains(c));
        Lower {
            s: lower,
            cuts,
            stops,
            has_credit_phrase,
            has_contributed: lower.contains("contributed"),
            has_latin_accent,
            cues: Cues::find(lower),
        }
    }

    /// Where the clause holding `pos` begins: after the last cut in `floor..pos`, else `floor`.
    fn clause_start(&self, pos: usize, floor: usize) -> usize {
        let k = self.cuts.partition_point(|c| c.at < pos);
        for c in self.cuts[..k].iter().rev() {
            if c.at < floor {
                break;
            }
            // A dot right before `pos` has no space after it inside the looked-at text.
            if c.dot && c.at + 1 >= pos {
                continue;
            }
            return c.after;
        }
        floor
    }
}

/// Up to `n` words after `pos` in the same sentence, lower-case, without punctuation, as
/// slices of `lower` (the text ASCII-lower-cased). Reads only as far as the words it returns.
fn next_words(lower: &str, pos: usize, n: usize) -> Vec<&str> {
    let mut out = Vec::new();
    next_raw_words(lower, pos, n, |_, w| {
        if !w.is_empty() {
            out.push(w);
        }
    });
    out
}

/// The loop of `next_words`: calls `each(k, word)` for raw word `k` (`word` may be empty: it
/// counts towards `n` but is not returned).
fn next_raw_words<'a>(lower: &'a str, pos: usize, n: usize, mut each: impl FnMut(usize, &'a str)) {
    // Bytes, not chars: ASCII bytes are tested directly and only other characters decoded.
    let b = lower.as_bytes();
    let mut at = pos;
    for k in 0..n {
        // The white space before the word must not hold a line break.
        loop {
            if at >= b.len() {
                return;
            }
            let ws = whitespace_at(lower, at);
            if ws == 0 {
                break;
            }
            if b[at] == b'\n' {
                return;
            }
            at += ws;
        }
        let start = at;
        // The sentence ends inside this word: keep its part before the end, then stop.
        let mut cut = None;
        while at < b.len() {
            let c = b[at];
            if c < 0x80 {
                if ascii_whitespace(c) {
                    break;
                }
                if cut.is_none() && matches!(c, b'.' | b'!' | b'?' | b';') {
                    cut = Some(at);
                }
                at += 1;
            } else {
                if whitespace_at(lower, at) != 0 {
                    break;
                }
                at += 1;
                while at < b.len() && b[at] & 0xC0 == 0x80 {
                    at += 1;
                }
            }
        }
        each(k, trim_to_word(&lower[start..cut.unwrap_or(at)], false));
        if cut.is_some() {
            return;
        }
    }
}

/// Raw words kept by `Around` before a name (the most any rule reads back).
const PREV_MAX: usize = 14;
/// Raw words kept by `Around` after a name (the most the per-name rules read on).
const NEXT_MAX: usize = 8;
/// Raw words of `Around`'s middle run after a name.
const NEXT_SOME: usize = 5;
/// Raw words of `Around`'s short run after a name.
const NEXT_FEW: usize = 2;

/// The first words of `prev_words` or `next_words` from one position, for every `n` up to
/// `N` at once: the words returned for `n` are a prefix of the words returned for `N`, so one
/// split serves every rule that asks.
struct WordRun<'a, const N: usize> {
    words: [&'a str; N],
    /// `upto[n]` for `n` up to `raw`: how many of `words` the first `n` raw words gave (some
    /// trim to nothing).
    upto: [u8; N_UPTO],
    /// How many raw words were pushed: the text before or after the name may hold fewer.
    raw: usize,
}

/// The length of `WordRun::upto`: one more than the longest run.
const N_UPTO: usize = PREV_MAX + 1;

impl<'a, const N: usize> WordRun<'a, N> {
    fn new() -> WordRun<'a, N> {
        WordRun {
            words: [""; N],
            upto: [0; N_UPTO],
            raw: 0,
        }
    }

    /// Records the result of raw word `k` (0-based, in order): `word` when it is not empty.
    fn push(&mut self, k: usize, word: &'a str) {
        debug_assert_eq!(k, self.raw);
        let mut len = usize::from(self.upto[k]);
        if !word.is_empty() {
            self.words[len] = word;
            len += 1;
        }
        self.upto[k + 1] = len as u8;
        self.raw = k + 1;
    }

    /// What `prev_words` / `next_words` return for `n` (at most `N`).
    fn first(&self, n: usize) -> &[&'a str] {
        debug_assert!(n <= N);
        &self.words[..usize::from(self.upto[n.min(self.raw)])]
    }
}

/// The words before and after one name, split on first use and shared by every rule asked
/// about the name (most names go through several rules that read the same few words). The
/// words after it are kept in runs of a few lengths: a rule that reads few words does not
/// split many, and a run already split serves every shorter request.
struct Around<'t, 'a> {
    text: &'t str,
    lower: &'t Lower<'a>,
    span: Span,
    /// The words before the name: one run only, as a name that reads a few of them (every
    /// name's role reads eight) often reads all (a venue's clause).
    prev: std::cell::OnceCell<WordRun<'a, PREV_MAX>>,
    /// The first `NEXT_FEW` words after the name: most rules read only one or two.
    next_few: std::cell::OnceCell<WordRun<'a, NEXT_FEW>>,
    next_some: std::cell::OnceCell<WordRun<'a, NEXT_SOME>>,
    next: std::cell::OnceCell<WordRun<'a, NEXT_MAX>>,
}

impl<'t, 'a> Around<'t, 'a> {
    fn new(text: &'t str, lower: &'t Lower<'a>, span: Span) -> Around<'t, 'a> {
        Around {
            text,
            lower,
            span,
            prev: std::cell::OnceCell::new(),
            next_few: std::cell::OnceCell::new(),
            next_some: std::cell::OnceCell::new(),
            next: std::cell::OnceCell::new(),
        }
    }

    /// The first `N` raw words before the name.
    fn prev_run<const N: usize>(&self) -> WordRun<'a, N> {
        let mut run = WordRun::new();
        for (k, w) in prev_raw_words(self.text, self.lower, self.span[0])
            .take(N)
            .enumerate()
        {
            run.push(k, w);
        }
        run
    }

    /// The first `N` raw words after the name.
    fn next_run<const N: usize>(&self) -> WordRun<'a, N> {
        let mut run = WordRun::new();
        next_raw_words(self.lower.s, self.span[1], N, |k, w| run.push(k, w));
        run
    }

    /// Up to `n` words before the name in its sentence, nearest first (see `prev_raw_words`).
    fn prev(&self, n: usize) -> &[&'a str] {
        self.prev.get_or_init(|| self.prev_run()).first(n)
    }

    /// `next_words(lower, span[1], n)`: up to `n` words after the name in its sentence.
    fn next(&self, n: usize) -> &[&'a str] {
        // The first words of a longer run, when one is already split, are these.
        if let Some(run) = self.next.get() {
            return run.first(n);
        }
        if n <= NEXT_SOME
            && let Some(run) = self.next_some.get()
        {
            return run.first(n);
        }
        if n <= NEXT_FEW {
            return self.next_few.get_or_init(|| self.next_run()).first(n);
        }
        if n <= NEXT_SOME {
            return self.next_some.get_or_init(|| self.next_run()).first(n);
        }
        self.next.get_or_init(|| self.next_run()).first(n)
    }
}

const PHRASE_LEFT: &[&str] = &[
    "near",
    "in",
    "at",
    "outside",
    "around",
    "inside",
    "into",
    "of",
    "the",
    "a",
    "city",
    "town",
    "village",
    "province",
    "district",
    "area",
    "region",
    "oil-rich",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
    "nearby",
    "close",
    "to",
    "border",
    "capital",
    "outskirts",
    "on",
    "across",
    "toward",
    "towards",
    "governorate",
    "restive",
    "volatile",
];

fn precision_and_phrase(
    text: &str,
    lower: &str,
    span: Span,
    kind: EntryKind,
    country: Option<&str>,
) -> (PlacePrecision, Span) {
    let mut precision = kind.default_precision();
    let mut end = span[1];
    if kind == EntryKind::City {
        let after = text[span[1]..].strip_prefix(' ').unwrap_or("");
        let word_len = after
            .char_indices()
            .find(|(_, c)| !(c.is_alphabetic() || *c == '-'))
            .map_or(after.len(), |(i, _)| i);
        let word = &after[..word_len];
        let lw = lower_word(word, lower, span[1] + 1);
        let oblast_country = matches!(country, Some("UA" | "RU"));
        let suffix = match &*lw {
            "province" | "governorate" | "governate" | "oblast" => Some(PlacePrecision::Province),
            "region" if oblast_country => Some(PlacePrecision::Province),
            "district" | "region" | "area" | "subdistrict" | "sub-district" | "countryside"
            | "township" | "county" => Some(PlacePrecision::District),
            "city" | "town" | "village" | "outskirts" => Some(PlacePrecision::Town),
            _ => None,
        };
        if let Some(p) = suffix {
            precision = p;
            end = span[1] + 1 + word.len();
        } else if direction_of_before(lower, span[0]) || end_of_a_road(lower, span[0]) {
            // "an air base north of Baghdad", "30 km west of Mosul", "the highway between
            // Homs and Palmyra": somewhere in the area beside the town, not the town itself.
            precision = PlacePrecision::District;
        } else {
            // Both phrases are ASCII, so the lower-cased bytes before the name answer.
            let before = &lower.as_bytes()[..span[0]];
            if before.ends_with(b"province of ") || before.ends_with(b"governorate of ") {
                precision = PlacePrecision::Province;
            }
        }
    }
    // Extend left over the preposition and modifiers that belong to the place phrase.
    let mut start = span[0];
    for _ in 0..6 {
        let before = &text[..start];
        let trimmed = before.trim_end_matches(' ');
        if trimmed.len() == before.len() {
            break;
        }
        // After the whole whitespace character: a no-break space is two bytes.
        let ws = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        let word = &trimmed[ws..];
        let lw = lower_word(word, lower, ws);
        if word.is_empty() || !listed(PHRASE_LEFT, &lw) {
            break;
        }
        start = ws;
    }
    (precision, [start, end])
}

/// Words that name a road, whose ends a town can be ("the highway between Homs and Palmyra").
const ROAD_WORDS: &[&str] = &["road", "highway", "motorway", "route", "corridor"];

/// True when the town at `start` is an end of a road ("the road between X and Y", "the highway
/// that links X to Y", "the route connecting X with Y"): the road, not the town, is where
/// things happened. The word right before the town joins it to a road noun a few words back.
fn end_of_a_road(lower: &str, start: usize) -> bool {
    let mut words = lower[..start].split_whitespace().rev();
    let joins = words.next().is_some_and(|w| {
        matches!(
            w,
            "between" | "and" | "links" | "linking" | "connecting" | "connects" | "to" | "with"
        )
    });
    joins
        && words
            .take(6)
            .any(|w| listed(ROAD_WORDS, w.trim_end_matches(',')))
}

/// True when "north of " (or another compass direction and "of") comes right before `start`.
fn direction_of_before(lower: &str, start: usize) -> bool {
    let Some(head) = lower[..start].strip_suffix(" of ") else {
        return false;
    };
    let word = head.rsplit([' ', '\n']).next().unwrap_or("");
    is_compass_direction(word)
}

/// A compass direction in any case, hyphenated or not ("north", "South-east", "northwest").
/// Called per word next to every place: compares in place rather than allocating.
pub(crate) fn is_compass_direction(word: &str) -> bool {
    const DIRECTIONS: [&str; 12] = [
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "north-east",
        "north-west",
        "south-east",
        "south-west",
    ];
    DIRECTIONS.iter().any(|d| word.eq_ignore_ascii_case(d))
}

/// `word` (a slice of the text at `at`) in lower case: its slice of the lower-cased text when
/// it is ASCII, else a Unicode lower-casing (which ASCII lower-casing does not match).
fn lower_word<'a>(word: &str, lower: &'a str, at: usize) -> std::borrow::Cow<'a, str> {
    if word.is_empty() {
        std::borrow::Cow::Borrowed("")
    } else if word.is_ascii() {
        std::borrow::Cow::Borrowed(&lower[at..at + word.len()])
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

const SPEECH_WORDS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "telling",
    "speaking",
    "spoke",
    "speaks",
    "briefing",
    "briefed",
    "reporters",
    "journalists",
    "conference",
    "statement",
    "interview",
    "remarks",
    "announced",
    "tweeted",
    "address",
    "addressing",
    "testified",
    "testifying",
    "speech",
    "issued",
    "summit",
    "briefing",
    "press",
];
const VISIT_BEFORE_TO: &[&str] = &[
    "visit",
    "trip",
    "travelled",
    "traveled",
    "flew",
    "journey",
    "tour",
    "returned",
    "headed",
    "travel",
    "traveling",
    "travelling",
    "way",
];
const VISIT_BEFORE_IN: &[&str] = &[
    "arrived", "landed", "stopover", "stop", "meeting", "met", "talks", "visit", "summit",
    "hosted", "arriving", "meetings", "stay",
];
const METONYM_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "denied",
    "denies",
    "deny",
    "condemned",
    "condemns",
    "blamed",
    "blames",
    "accused",
    "accuses",
    "warned",
    "warns",
    "rejected",
    "rejects",
    "responded",
    "responds",
    "retaliated",
    "vowed",
    "vows",
    "insisted",
    "insists",
    "wants",
    "wanted",
    "believes",
    "announced",
    "announces",
    "confirmed",
    "confirms",
    "called",
    "calls",
    "demanded",
    "demands",
    "urged",
    "urges",
    "threatened",
    "threatens",
    "claims",
    "claimed",
    "agreed",
    "agrees",
    "refused",
    "refuses",
    "hopes",
    "hoped",
    "considers",
    "sees",
    "views",
    "pushed",
    "backs",
    "backed",
    "supports",
    "ordered",
    "approved",
    "imposed",
    "decried",
    "criticised",
    "criticized",
    "dismissed",
    "welcomed",
    "expects",
    "sought",
    "seeks",
    "declined",
    "denounced",
    "protested",
    "held",
    "holds",
    "describes",
    "described",
    "suspected",
    "suspects",
    "presented",
    "offered",
    "offers",
    "sent",
    "sends",
    "signed",
    // A government taking stock or deciding ("as Washington assesses the damage", "Tehran
    // weighs its response", "Ankara mulls a new operation").
    "assesses",
    "assessed",
    "weighs",
    "weighed",
    "mulls",
    "mulled",
    "ponders",
    "pondered",
    "signals",
    "signalled",
    "signaled",
    "reacts",
    "reacted",
    "replied",
    "replies",
];
const AUX_WORDS: &[&str] = &[
    "has",
    "have",
    "had",
    "would",
    "will",
    "is",
    "was",
    "were",
    "also",
    "this",
    "week",
    "on",
    "last",
    "then",
    "quickly",
    "previously",
    "repeatedly",
    "earlier",
    "later",
    "today",
    "yesterday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "not",
    "did",
    "does",
    "swiftly",
    "publicly",
    "already",
    "itself",
    "immediately",
    "again",
];
const POSSESSIVE_NOUNS: &[&str] = &[
    "government",
    "policy",
    "policies",
    "nuclear",
    "allies",
    "proxies",
    "proxy",
    "influence",
    "relations",
    "ties",
    "stance",
    "response",
    "position",
    "decision",
    "leaders",
    "leadership",
    "regime",
    "impatience",
    "use",
    "militias",
    "support",
    "backing",
    "officials",
    "diplomats",
    "foreign",
    "deal",
    "administration",
    "sanctions",
    "program",
    "programme",
    "prime",
    "president",
    "minister",
    "ministry",
    "parliament",
    "supreme",
    "top",
    "envoy",
    "ambassador",
    "interests",
    "behalf",
    "backed",
    "military",
    "army",
    "forces",
    "defence",
    "defense",
    "revolutionary",
    "intelligence",
    "security",
    "history",
];
const ATTRIBUTIVE: &[&str] = &[
    "based",
    "backed",
    "aligned",
    "allied",
    "led",
    "supported",
    "sponsored",
    "linked",
    "affiliated",
    "funded",
    "controlled",
    "run",
    "owned",
    "armed",
    "trained",
    "made",
    "built",
    "friendly",
    "leaning",
    "oriented",
    "born",
];

/// Nouns for a settlement that a region's name can describe ("the Red Sea city").
const SETTLEMENT_NOUNS: &[&str] = &["city", "town", "port", "village", "capital", "resort"];

/// "the first attack on the Red Sea city", "the Gulf emirate's port": a region named as the
/// adjective of a settlement the story has already named is no place of its own. ("the Red
/// Sea port of Hodeidah" goes on to name the settlement, whose own match places the event; a
/// bare "the Red Sea coast" is a place.) `lower` is the ASCII-lower-cased text.
fn describes_a_settlement(lower: &str, span: Span) -> bool {
    if !lower[..span[0]].ends_with("the ") {
        return false;
    }
    let Some(rest) = lower[span[1]..].strip_prefix(' ') else {
        return false;
    };
    SETTLEMENT_NOUNS.iter().any(|noun| {
        rest.strip_prefix(noun).is_some_and(|after| {
            !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '-')
                && !after.starts_with(" of ")
        })
    })
}

fn role_of(
    around: &Around,
    entry: GazId,
    kind: EntryKind,
    in_dateline: bool,
    boilerplate: &[Span],
    gaz: &Gazetteer,
) -> PlaceRole {
    let (text, lower, span) = (around.text, around.lower, around.span);
    if inside_any(span, boilerplate) || in_teaser_line(lower, span) {
        return PlaceRole::Boilerplate;
    }
    if in_dateline {
        return PlaceRole::Dateline;
    }
    // "Sunday evening, Washington time", "at 9 p.m. Baghdad time": a clock, not a scene.
    if lower.s[span[1]..].starts_with(" time") && !continues_word(lower.s, span[1] + " time".len())
    {
        return PlaceRole::Attribution;
    }
    if kind == EntryKind::Region && describes_a_settlement(lower.s, span) {
        return PlaceRole::Attribution;
    }
    // "Iran-backed", "Britain-based", "pro-Iran", "US-Iran escalation".
    let after = &text[span[1]..];
    if let Some(rest) = after.strip_prefix(['-', '‐', '–']) {
        let w: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        let lw = w.to_lowercase();
        if listed(ATTRIBUTIVE, &lw) || w.chars().next().is_some_and(|c| c.is_uppercase()) {
            return PlaceRole::Attribution;
        }
    }
    // "attacks on US personnel", "Iraqi and US troops": a country naming whose people or
    // forces they are, an adjective, not where anything happened. After a place preposition
    // ("in Iraq forces came under fire", "soldiers in Afghanistan officials said") the
    // country is the scene and the noun starts the next phrase; a noun that is also a verb
    // followed by its object ("Syria forces thousands to flee") is the verb.
    if kind == EntryKind::Country
        && text[span[1]..].starts_with(' ')
        && !around
            .prev(1)
            .first()
            .is_some_and(|w| listed(PLACE_PREPOSITIONS, w))
        && qualifies_nationals(around.next(2))
    {
        return PlaceRole::Attribution;
    }
    // Bytes of the lower-cased text: a slice of `text` five bytes back may split a character.
    let lb = &lower.s.as_bytes()[..span[0]];
    if lb.ends_with(b"pro-") || lb.ends_with(b"anti-") {
        return PlaceRole::Attribution;
    }
    // At most eight words, so a fixed array holds them.
    let mut kept = [""; 8];
    let mut kept_len = 0;
    for w in around.prev(8) {
        if !matches!(*w, "the" | "a" | "an") {
            kept[kept_len] = *w;
            kept_len += 1;
        }
    }
    let prev = &kept[..kept_len];
    let p0 = prev.first().copied().unwrap_or("");
    let p1 = prev.get(1).copied().unwrap_or("");
    let p2 = prev.get(2).copied().unwrap_or("");
    // Visits.
    if matches!(p0, "visiting" | "visited" | "toured" | "touring")
        || (p0 == "to" && listed(VISIT_BEFORE_TO, p1))
        || (p0 == "in" && listed(VISIT_BEFORE_IN, p1))
        || (p0 == "of" && matches!(p1, "tour" | "visit"))
    {
        return PlaceRole::Visit;
    }
    // "a monitor based in Britain", "a group headquartered in Doha".
    if p0 == "in" && matches!(p1, "based" | "headquartered") {
        return PlaceRole::Attribution;
    }
    // Where the wounded were taken: "flown to hospitals in Peshawar", "evacuated to Ankara".
    let moved = |w: &&str| {
        matches!(
            *w,
            "evacuated"
                | "evacuate"
                | "flown"
                | "airlifted"
                | "taken"
                | "transferred"
                | "rushed"
                | "fled"
        )
    };
    if (p0 == "to" && prev.iter().skip(1).take(5).any(moved))
        || (p0 == "in"
            && matches!(p1, "hospital" | "hospitals")
            && prev.iter().skip(2).take(4).any(|w| *w == "to" || moved(w)))
    {
        return PlaceRole::Visit;
    }
    // Where someone spoke: "said in Tehran", "told reporters in Rome", "a news conference in",
    // also past "the (holy) city of" ("speaking in the holy city of Qom").
    let of_settlement = p0 == "of" && matches!(p1, "city" | "town" | "village" | "capital");
    let skip = if !of_settlement {
        0
    } else if matches!(p2, "in" | "at" | "from") {
        2
    } else {
        3
    };
    let (s0, s1, s2) = (
        prev.get(skip).copied().unwrap_or(""),
        prev.get(skip + 1).copied().unwrap_or(""),
        prev.get(skip + 2).copied().unwrap_or(""),
    );
    if matches!(s0, "in" | "at" | "from")
        && (listed(SPEECH_WORDS, s1)
            || (listed(SPEECH_WORDS, s2)
                && matches!(
                    s1,
                    "news" | "press" | "conference" | "reporters" | "journalists" | "statement"
                )))
    {
        return PlaceRole::Speech;
    }
    // Bylines and credit lines: "Reporting by … in Baghdad", "… in Washington contributed".
    if in_credit_line(lower, span[0])
        || (lower.has_contributed && around.next(8).contains(&"contributed"))
    {
        return PlaceRole::Boilerplate;
    }
    if matches!(p0, "in" | "at") && (meeting_venue(around) || venue_of_a_gathering(prev, around)) {
        return PlaceRole::Speech;
    }
    // "the ceasefire agreed in Moscow", "an accord signed in Doha", "a truce brokered in
    // Cairo": where diplomats settled something, not where anything was hit.
    if p0 == "in"
        && matches!(
            p1,
            "agreed" | "signed" | "brokered" | "negotiated" | "reached" | "concluded"
        )
    {
        return PlaceRole::Speech;
    }
    if where_someone_stayed(lower.s, span[1]) && !attack_clause_before(around) {
        return PlaceRole::Visit;
    }
    if matches!(
        kind,
        EntryKind::Province | EntryKind::Region | EntryKind::City
    ) && names_an_office(around.next(2), kind, text[span[1]..].starts_with(' '))
    {
        return PlaceRole::Attribution;
    }
    // Capitals and countries standing for their governments.
    let capital =
        gaz.is_capital(entry) || (kind == EntryKind::City && gaz.entry(entry).name == "Washington");
    if capital || kind == EntryKind::Country {
        let located = listed(SUBJECT_BLOCKERS, p0);
        // "Officials in Kabul said a bomb exploded outside a mosque": the speakers are where
        // the attack was.
        let spoke_at_the_scene = || p0 == "in" && scene_follows(text, lower.s, span[1], gaz);
        if (metonym_verb_follows_words(text, span[1], around.next(4)) && !spoke_at_the_scene())
            || possessive_of_state(text, lower.s, span[1])
            || (!located && subject_of_a_clause_words(text, span[1], around.next(5)))
            || (!located && governments_in_a_pair(text, lower.s, span[1], gaz))
        {
            return PlaceRole::Speech;
        }
        // "leaders gathering in Washington", "diplomats meeting in Vienna".
        let seat = if matches!(p1, "gathering" | "gathered" | "meeting" | "assembled") {
            p2
        } else {
            p1
        };
        if capital
            && p0 == "in"
            && listed(SEAT_NOUNS, seat)
            && !attack_clause_before(around)
            && !scene_follows(text, lower.s, span[1], gaz)
        {
            // "the foreign ministry in Islamabad", "state media in Tehran": where a government
            // body sits.
            return PlaceRole::Speech;
        }
        // "accused Iran of launching the attack", "points finger at Iran", "blaming Tehran",
        // "held Iran responsible": the state accused of an attack is its government, never
        // the scene the attack hit.
        if matches!(
            p0,
            "accused" | "accuses" | "accusing" | "blamed" | "blames" | "blaming" | "faulted"
        ) || (p0 == "at" && matches!(p1, "finger" | "fingers"))
            || (matches!(p0, "held" | "holds" | "holding")
                && around.next(1).first().is_some_and(|w| *w == "responsible"))
        {
            return PlaceRole::Speech;
        }
        if matches!(p0, "urged" | "warned" | "pressed" | "asked" | "told")
            || (p0 == "on" && matches!(p1, "called" | "calls" | "calling"))
            || (listed(CONTROL_VERBS, p0) && object_of_a_control_verb(around.next(2)))
        {
            // "called on Baghdad to protect …", "warned Tehran that …": the government
            // addressed.
            return PlaceRole::Speech;
        }
        if capital && reaction_paragraph(text, lower.s, span, gaz) {
            return PlaceRole::Speech;
        }
        // "ties between Washington and Tehran", "a shift toward Moscow": the governments.
        // "rockets fired toward Kabul" aims at the city itself.
        let aimed_at = matches!(p0, "toward" | "towards") && attack_clause_before(around);
        if capital
            && matches!(p0, "between" | "with" | "by" | "toward" | "towards" | "and")
            && (p0 != "and" || prev.contains(&"between"))
            && !aimed_at
        {
            return PlaceRole::Speech;
        }
        if capital && around.next(2).first().is_some_and(|w| *w == "and") {
            // "Washington and Tehran" in a sentence about relations.
            let nx = around.next(3);
            if prev.contains(&"between") || nx.iter().any(|w| matches!(*w, "have" | "has")) {
                return PlaceRole::Speech;
            }
        }
        // "the junta's allies in Burkina Faso and Niger condemned the attack": allies and
        // partners in a country are its government, a description of who, not a scene.
        let relational_in = |i: usize| {
            prev.get(i) == Some(&"in")
                && prev
                    .get(i + 1)
                    .is_some_and(|w| listed(GOVERNMENT_RELATIONS, w))
        };
        if relational_in(0) || (p0 == "and" && (1..4).any(relational_in)) {
            return PlaceRole::Attribution;
        }
        if kind == EntryKind::Country
            && p0 == "with"
            && matches!(
                p1,
                "talks" | "relations" | "ties" | "negotiations" | "deal" | "tensions" | "agreement"
            )
        {
            return PlaceRole::Speech;
        }
    }
    if p0 == "from" || (matches!(p0, "inside" | "in" | "within") && launch_area_from(&prev[1..])) {
        return PlaceRole::Origin;
    }
    // "jets flying over the occupied Golan Heights fired missiles at targets near Damascus":
    // the airspace the aircraft fired from ("from over Lebanon", "from the direction of the
    // Golan"), not where the missiles fell. "Drones flew over X and struck" keeps X the site.
    let (q0, q1) = if p0 == "occupied" { (p1, p2) } else { (p0, p1) };
    let q2 = if p0 == "occupied" {
        prev.get(3).copied().unwrap_or("")
    } else {
        p2
    };
    if (q0 == "over" && (q1 == "from" || (q1 == "flying" && names_a_place_later(text, span[1]))))
        || (q0 == "of" && q1 == "direction" && q2 == "from")
    {
        return PlaceRole::Origin;
    }
    PlaceRole::Site
}

/// Words of a launch area between "from" and "inside"/"in" ("launched from three sites inside
/// Iran", "fired from positions in Gaza"): the words before the preposition, nearest first.
const LAUNCH_AREA_WORDS: &[&str] = &[
    "sites",
    "site",
    "positions",
    "position",
    "areas",
    "area",
    "bases",
    "base",
    "territory",
    "launchers",
    "launch",
    "pads",
    "points",
    "locations",
    "location",
    "several",
    "multiple",
    "various",
    "different",
    "two",
    "three",
    "four",
    "five",
    "six",
    "its",
    "their",
];

/// `prev` (the words before "inside"/"in", nearest first, articles dropped) runs back to
/// "from" over launch-area words only: the place after it is where the fire came from.
fn launch_area_from(prev: &[&str]) -> bool {
    for w in prev {
        if *w == "from" {
            return true;
        }
        if !(listed(LAUNCH_AREA_WORDS, w)
            || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())))
        {
            return false;
        }
    }
    false
}

/// The rest of the sentence after byte `from` names another place ("… fired missiles at a
/// depot near Homs"): the aircraft's position over an earlier place is then only where it
/// flew, not where its missiles fell. A lone place ("a drone flying over X struck a car")
/// stays the site.
pub fn names_a_place_later(text: &str, from: usize) -> bool {
    // A sea is never where an aircraft's missiles fell by itself: "flying over the Black Sea".
    let before = text.get(..from).unwrap_or("");
    if ["Sea", "Gulf", "Ocean"].iter().any(|w| before.ends_with(w)) {
        return true;
    }
    let rest = text.get(from..).unwrap_or("");
    let rest = rest.split(['.', ';', '\n']).next().unwrap_or("");
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.windows(2).any(|w| {
        let next = w[1].trim_matches(|c: char| !c.is_alphanumeric());
        matches!(w[0], "at" | "near" | "in" | "on" | "outside" | "into")
            && next.starts_with(|c: char| c.is_uppercase())
            && !matches!(
                next,
                "Monday"
                    | "Tuesday"
                    | "Wednesday"
                    | "Thursday"
                    | "Friday"
                    | "Saturday"
                    | "Sunday"
                    | "January"
                    | "February"
                    | "March"
                    | "April"
                    | "May"
                    | "June"
                    | "July"
                    | "August"
                    | "September"
                    | "October"
                    | "November"
                    | "December"
            )
    })
}

/// People and forces a country's name can qualify ("US personnel", "Turkish-held" aside).
const NATIONALS_NOUNS: &[&str] = &[
    "personnel",
    "troops",
    "forces",
    "soldiers",
    "servicemen",
    "diplomats",
    "citizens",
    "nationals",
    "contractors",
    "contractor",
    "interests",
    "officials",
    "warplanes",
    "jets",
    "aircraft",
    "drones",
    "warships",
    "navy",
    "army",
    "military",
    // Whose targets and sites ("rocket fire on US targets", "attacks on US bases in Iraq"):
    // the target's nationality, not where it stands.
    "targets",
    "bases",
    "positions",
    "facilities",
    "installations",
    "convoys",
    "assets",
];

/// Prepositions after which a country is where something is or happens ("in Iraq forces
/// came under fire"), so a people noun after it starts a new phrase.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "across",
    "inside",
    "throughout",
    "into",
    "near",
    "from",
];

/// Nouns of `NATIONALS_NOUNS` that are also verbs ("Syria forces thousands to flee").
const NATIONALS_NOUNS_ALSO_VERBS: &[&str] = &[
    "forces",
    "interests",
    "drones",
    "targets",
    "bases",
    "positions",
];

/// Words that open a verb's object: a determiner, pronoun or quantity.
const OBJECT_OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "them",
    "him",
    "it",
    "us",
    "thousands",
    "hundreds",
    "dozens",
    "millions",
    "many",
    "people",
    "civilians",
    "residents",
    "families",
];

/// The words after a country name a people or force it qualifies ("US personnel"), and not
/// a verb with its object ("forces thousands", "forces 200 families").
fn qualifies_nationals(next: &[&str]) -> bool {
    let Some(noun) = next.first() else {
        return false;
    };
    if !listed(NATIONALS_NOUNS, noun) {
        return false;
    }
    let verb_with_object = listed(NATIONALS_NOUNS_ALSO_VERBS, noun)
        && next.get(1).is_some_and(|w| {
            listed(OBJECT_OPENERS, w) || w.starts_with(|c: char| c.is_ascii_digit())
        });
    !verb_with_object
}

/// Verbs whose object is the doer of the "to" clause after it: "prompted Washington to
/// threaten", "forced Kabul to close": the capital there is its government.
const CONTROL_VERBS: &[&str] = &[
    "prompted",
    "prompting",
    "prompt",
    "prompts",
    "forced",
    "forcing",
    "force",
    "pushed",
    "pushing",
    "compelled",
    "persuaded",
    "convinced",
    "encouraged",
    "allowed",
    "invited",
    "wants",
    "wanted",
    "expects",
    "expected",
    "led",
    "spurred",
    "urging",
    "urges",
    "warning",
    "asking",
];

/// The words after a name read "to <verb>": "to" followed by neither an article nor a name.
fn object_of_a_control_verb(next: &[&str]) -> bool {
    next.first() == Some(&"to")
        && next
            .get(1)
            .is_some_and(|w| !matches!(*w, "the" | "a" | "an" | "its" | "their" | "his" | "her"))
}

/// True when the byte at `at` continues a word (so " time" was the start of "timetable").
fn continues_word(lower: &str, at: usize) -> bool {
    lower
        .as_bytes()
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric())
}

/// Openers of a site's teaser lines ("-- Also on the site: …", "Also read: …", "More from
/// Iraq: …"): headlines of other stories, whose places are not this story's.
const TEASER_OPENERS: &[&str] = &[
    "also on",
    "also read",
    "also see",
    "read also",
    "read more",
    "see also",
    "more from",
    "more on",
    "related",
    "most read",
    "elsewhere on",
    "trending",
];

/// A place in a teaser line: a line that opens (after dashes, bullets or arrows) with a
/// teaser opener whose label ends in a colon within its first five words. The corpus reader
/// marks most such lines; this catches those it missed behind leading punctuation.
fn in_teaser_line(lower: &Lower, span: Span) -> bool {
    // Teaser lines are short: look back at most 200 bytes for the line's start. The line
    // breaks are among the article's stops, found once, so no byte is read again per name.
    let bytes = lower.s.as_bytes();
    let floor = span[0].saturating_sub(200);
    let before = lower.stops.partition_point(|&p| p < span[0]);
    let last_break = lower.stops[..before]
        .iter()
        .rev()
        .take_while(|&&p| p >= floor)
        .find(|&&p| bytes[p] == b'\n');
    let line_start = match last_break {
        Some(&i) => i + 1,
        None if floor == 0 => 0,
        None => return false,
    };
    let line = bytes[line_start..span[0]]
        .iter()
        .position(|b| b.is_ascii_alphanumeric())
        .map_or(&bytes[span[0]..span[0]], |i| &bytes[line_start + i..]);
    // The opener comes first; the place may be anywhere after it on the line.
    let Some(opener) = TEASER_OPENERS
        .iter()
        .find(|o| line.starts_with(o.as_bytes()))
    else {
        return false;
    };
    let label = &line[opener.len()..line.len().min(opener.len() + 40)];
    let Some(colon) = label.iter().position(|&b| b == b':' || b == b'\n') else {
        return false;
    };
    if label[colon] != b':' {
        return false;
    }
    let words: Vec<&[u8]> = label[..colon]
        .split(|&b| b == b' ')
        .filter(|w| !w.is_empty())
        .collect();
    if words.len() > 4 {
        return false;
    }
    // "Elsewhere on Monday:", "Also on 3 May:" label a day of this story, not a site section.
    if opener.ends_with(" on") && words.first().is_some_and(|w| names_a_day(w)) {
        return false;
    }
    // A teaser is a headline, which has no full stop; a line that ends in one is a sentence.
    let line_end = line.iter().position(|&b| b == b'\n').unwrap_or(line.len());
    !line[..line_end].trim_ascii_end().ends_with(b".")
}

/// A label word that names a day: a weekday (also "monday's"), a month, a date or "today".
/// The weekday and month names are the date readers' own (chrono's weekday parser and
/// `corpus::header::month_number`), so the lists are not written twice.
fn names_a_day(word: &[u8]) -> bool {
    let word = word.strip_suffix(b"'s").unwrap_or(word);
    let word = word.strip_suffix("’s".as_bytes()).unwrap_or(word);
    if word.first().is_some_and(|b| b.is_ascii_digit()) {
        return true;
    }
    let Ok(word) = std::str::from_utf8(word) else {
        return false;
    };
    matches!(
        word.to_ascii_lowercase().as_str(),
        "today" | "yesterday" | "tonight"
    ) || word.parse::<chrono::Weekday>().is_ok()
        || crate::corpus::header::month_number(word).is_some()
}

/// A small town the chosen reading puts in a country the story never names, when the name is
/// also a province of a country the story does name with "state", "province" or "region"
/// dropped, as wire copy does ("fighting in Kachin", "a raid in Borno"): the province.
fn province_of_a_bare_name(
    name: &str,
    chosen: GazId,
    ctx: &CountryContext,
    gaz: &Gazetteer,
    same_name_share: impl FnOnce() -> u32,
) -> Option<GazId> {
    let e = gaz.entry(chosen);
    if e.kind != EntryKind::City || e.population >= 100_000 {
        return None;
    }
    let province = [" state", " province", " region", " governorate", " oblast"]
        .iter()
        .flat_map(|suffix| gaz.lookup(&format!("{name}{suffix}")))
        .find(|&id| {
            let p = gaz.entry(id);
            p.kind == EntryKind::Province
                && p.country != e.country
                && p.country.as_deref().is_some_and(|c| ctx.count(c) > 0)
        })?;
    // The town's country counts only if something other than this very name puts it there.
    let town_country = e.country.as_deref().map_or(0, |c| ctx.count(c));
    (town_country <= same_name_share()).then_some(province)
}

/// Nouns for a country's government seen from another one ("allies in Niamey").
const GOVERNMENT_RELATIONS: &[&str] = &[
    "allies",
    "ally",
    "partners",
    "partner",
    "counterparts",
    "counterpart",
    "backers",
    "patrons",
];

/// Words before a capital that place something in it: "in Tehran had" is not a subject.
const SUBJECT_BLOCKERS: &[&str] = &[
    "in", "at", "near", "on", "into", "over", "across", "outside", "inside", "around", "of", "to",
    "from", "toward", "towards",
];

/// Bodies and people that sit in a capital: "<noun> in <capital>" says where they are.
const SEAT_NOUNS: &[&str] = &[
    "ministry",
    "department",
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "media",
    "government",
    "diplomats",
    "diplomat",
    "lawmakers",
    "leaders",
    "council",
    "correspondent",
    "correspondents",
    "envoy",
    "ambassador",
    "parliament",
    "court",
    "negotiators",
    "mediators",
];

/// Words of diplomacy and ceremony: a clause about them names where people met or mourned.
const MEETING_WORDS: &[&str] = &[
    "meeting",
    "meet",
    "met",
    "meets",
    "summit",
    "talks",
    "discussed",
    "discuss",
    "session",
    "complaint",
    "mourning",
    "hosting",
    "hosted",
    "assembly",
    "negotiations",
    "dialogue",
    "gathered",
];

/// Verbs of an attack happening: a clause with one of them reports the event itself.
const ATTACK_VERBS: &[&str] = &[
    "hit",
    "hits",
    "struck",
    "strikes",
    "killed",
    "kills",
    "killing",
    "wounded",
    "wounding",
    "exploded",
    "explodes",
    "blew",
    "detonated",
    "fired",
    "bombed",
    "attacked",
    "attacks",
    "targeted",
    "targeting",
    "landed",
    "stormed",
    "shelled",
    "rammed",
    "rocked",
    "shaken",
    "pounded",
    "hammered",
    "raided",
    "opened",
    "went",
];

/// Sources on the spot: a paragraph opened by "In <capital>," that quotes them reports what
/// happened there.
const LOCAL_SOURCES: &[&str] = &[
    "police",
    "witnesses",
    "witness",
    "residents",
    "medics",
    "doctors",
    "hospital",
    "rescuers",
    "paramedics",
    "firefighters",
    "security",
];

/// Verbs of a reaction paragraph ("In Washington, the White House said …").
const REACTION_VERBS: &[&str] = &[
    "expressed",
    "complained",
    "spoke",
    "gathered",
    "celebrated",
    "declared",
    "offered",
    "confirm",
    "deny",
    "mourned",
    "marched",
    "protested",
    "rallied",
];

/// Nouns of an attack, which head a clause about it ("a drone strike on a wedding in …").
const ATTACK_NOUNS: &[&str] = &[
    "strike",
    "attack",
    "bombing",
    "blast",
    "explosion",
    "raid",
    "shelling",
    "bomb",
    "bomber",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "drone",
    "drones",
];

fn attack_word(w: &str) -> bool {
    listed(ATTACK_VERBS, w) || listed(ATTACK_NOUNS, w)
}

/// "… held an emergency meeting on the attack in New York", "discussed the operation … at a
/// restaurant in Washington": the clause before the name is headed by people meeting,
/// mourning or negotiating, not by an attack ("a bomber struck a meeting of elders in …" and
/// "a drone strike on a gathering in …" name the scene).
fn meeting_venue(around: &Around) -> bool {
    let before = around.prev(14);
    // Farthest first: whichever comes first in the clause heads it.
    before
        .iter()
        .rev()
        .find(|w| attack_word(w) || listed(MEETING_WORDS, w))
        .is_some_and(|w| listed(MEETING_WORDS, w))
}

/// Places where people meet, dine or stay, named as "at a <venue> in <place>".
const GATHERING_VENUES: &[&str] = &[
    "restaurant",
    "hotel",
    "cafe",
    "café",
    "dinner",
    "lunch",
    "luncheon",
    "breakfast",
    "residence",
    "villa",
    "resort",
];

/// "… discussed the plan at a well-known restaurant in Georgetown", "met over dinner at a
/// hotel in Sharm el-Sheikh": where people met, not a scene, when no attack word comes in the
/// clause before ("a bomb exploded at a hotel in …", "the attack at a restaurant in …").
/// `prev` holds the words before the name, nearest first, without articles.
fn venue_of_a_gathering(prev: &[&str], around: &Around) -> bool {
    let at = |i: usize| prev.get(i).is_some_and(|w| matches!(*w, "at" | "over"));
    prev.first() == Some(&"in")
        && prev.get(1).is_some_and(|w| listed(GATHERING_VENUES, w))
        // "at a restaurant in", "at a well-known restaurant in", "at a quiet seaside hotel in".
        && (2..5).any(at)
        && !around.prev(14).iter().any(|w| attack_word(w))
}

/// True when the clause before `start` has an attack verb ("two car bombs exploded outside the
/// ministry in …", "was killed in …"): the place then is the scene, whatever follows it.
fn attack_clause_before(around: &Around) -> bool {
    // Past forms only: "strikes" and "attacks" are as often nouns ("the strikes came as
    // negotiators in Vienna …").
    around
        .prev(14)
        .iter()
        .any(|w| listed(ATTACK_VERBS, w) && !w.ends_with('s') && !w.ends_with("ing"))
}

/// "… in Islamabad, where he was hosting a visitor": the relative clause says a person was
/// there doing something other than being attacked.
fn where_someone_stayed(lower: &str, end: usize) -> bool {
    if !lower[end..].starts_with(", where ") {
        return false;
    }
    let w = next_words(lower, end + ", where ".len(), 4);
    w.len() >= 3
        && matches!(w[0], "he" | "she" | "they")
        && matches!(w[1], "was" | "were" | "is" | "are" | "had" | "has")
        && !w[2..]
            .iter()
            .any(|x| listed(ATTACK_VERBS, x) || matches!(*x, "killed" | "been" | "injured"))
}

/// "Borno state governor", "the Anbar provincial council", "Kirkuk mayor": a place naming an
/// office or agency describes who someone is, not where an event happened. `joined`: the
/// next word follows the name after a plain space (no comma between them).
fn names_an_office(next: &[&str], kind: EntryKind, joined: bool) -> bool {
    let mut words = next.iter().copied();
    let Some(mut w) = words.next() else {
        return false;
    };
    if matches!(
        w,
        "state" | "province" | "provincial" | "regional" | "city" | "municipal"
    ) {
        match words.next() {
            Some(x) => w = x,
            None => return false,
        }
    }
    let office = matches!(
        w,
        "governor"
            | "governor's"
            | "mayor"
            | "mayor's"
            | "council"
            | "assembly"
            | "agency"
            | "emergency"
            | "commissioner"
            | "legislature"
            | "lawmaker"
            | "lawmakers"
    );
    // "Khyber Pakhtunkhwa police said", "Kirkuk police revised the toll": the force speaks;
    // "a Kirkuk police station", "the Basra police academy" are sites, and in "in Kabul,
    // police said" the name stands alone.
    let police_force = joined
        && w == "police"
        && !words.next().is_some_and(|x| {
            matches!(
                x,
                "station"
                    | "stations"
                    | "post"
                    | "posts"
                    | "checkpoint"
                    | "checkpoints"
                    | "headquarters"
                    | "academy"
                    | "compound"
                    | "lines"
                    | "building"
                    | "base"
                    | "camp"
                    | "centre"
                    | "center"
                    | "office"
                    | "patrol"
                    | "patrols"
                    | "convoy"
                    | "vehicle"
                    | "recruits"
                    | "training"
            )
        });
    office
        || police_force
        || (kind != EntryKind::City && matches!(w, "government" | "spokesman" | "spokeswoman"))
}

/// Auxiliaries and modals that make the name before them the subject of a clause.
const SUBJECT_AUX: &[&str] = &[
    "would", "will", "had", "has", "have", "is", "was", "were", "did", "does", "do", "could",
    "can", "should", "must", "might", "may", "won't", "wouldn't", "didn't", "doesn't",
];

/// "Tehran had nothing to do with the attack", "Washington would hold Iran responsible": a
/// capital or country as the subject of a clause is its government, unless the clause says it
/// was hit ("Kabul was rocked by blasts", "Kyiv has been hit again").
fn subject_of_a_clause(text: &str, lower: &str, end: usize) -> bool {
    text[end..].starts_with(' ') && subject_of_a_clause_words(text, end, &next_words(lower, end, 5))
}

/// `subject_of_a_clause` given `next_words(lower, end, 5)`.
fn subject_of_a_clause_words(text: &str, end: usize, w: &[&str]) -> bool {
    if !text[end..].starts_with(' ') {
        return false;
    }
    if !w.first().is_some_and(|x| listed(SUBJECT_AUX, x)) {
        return false;
    }
    let Some(verb) = w
        .iter()
        .skip(1)
        .find(|x| !listed(AUX_WORDS, x) && !matches!(**x, "been" | "being" | "again"))
    else {
        return false;
    };
    !(listed(ATTACK_VERBS, verb)
        || matches!(
            *verb,
            "under" | "attack" | "target" | "the" | "a" | "scene" | "among" | "one"
        ))
}

/// "Washington and Baghdad held talks", "Washington and Moscow, which both have forces": two
/// governments named as a pair that then acts.
fn governments_in_a_pair(text: &str, lower: &str, end: usize, gaz: &Gazetteer) -> bool {
    if !text[end..].starts_with(" and ") {
        return false;
    }
    let start = end + " and ".len();
    // The partner: up to three capitalised words ("the United States", "Moscow").
    let mut partner_end = None;
    let mut at = start;
    for _ in 0..3 {
        let word_len = text[at..]
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '.' || *c == '-'))
            .map_or(text.len() - at, |(i, _)| i);
        if word_len == 0 {
            break;
        }
        let name = text[start..at + word_len].trim_end_matches('.');
        let name = name.strip_prefix("the ").unwrap_or(name);
        if gaz.lookup(name).into_iter().any(|id| {
            let e = gaz.entry(id);
            e.kind == EntryKind::Country
                || gaz.is_capital(id)
                || (e.kind == EntryKind::City && e.name == "Washington")
        }) {
            partner_end = Some(at + word_len);
        }
        at += word_len;
        if !text[at..].starts_with(' ') {
            break;
        }
        at += 1;
    }
    let Some(pe) = partner_end else {
        return false;
    };
    metonym_verb_follows(text, lower, pe)
        || subject_of_a_clause(text, lower, pe)
        || lower[pe..].starts_with(", which")
}

/// "In Washington, the White House said …", "In Tehran, crowds gathered …", "…, while in
/// Ankara the foreign ministry expressed its condolences": a sentence or clause that opens with
/// "in" and a capital and goes on to who said or did what there is a reaction, not the scene
/// (unless it quotes police, witnesses or medics, or reports an attack first).
fn reaction_paragraph(text: &str, lower: &str, span: Span, gaz: &Gazetteer) -> bool {
    let head = &lower[..span[0]];
    let Some(in_at) = head.strip_suffix("in ").map(str::len) else {
        return false;
    };
    if !(sentence_start(text, in_at) || opens_a_clause(&lower[..in_at])) {
        return false;
    }
    let after = &lower[span[1]..];
    let Some(rest) = after.strip_prefix(", ").or_else(|| after.strip_prefix(' ')) else {
        return false;
    };
    for w in next_words(lower, lower.len() - rest.len(), 12) {
        if listed(LOCAL_SOURCES, w) || listed(ATTACK_VERBS, w) {
            return false;
        }
        if listed(SPEECH_WORDS, w) || listed(METONYM_VERBS, w) || listed(REACTION_VERBS, w) {
            return !scene_follows(text, lower, span[1], gaz);
        }
    }
    false
}

/// Whether a clause opens after `head` (lower-cased): after a comma, semicolon or colon, or a
/// conjunction that joins a second clause ("…, while in Ankara", "… and in Moscow").
fn opens_a_clause(head: &str) -> bool {
    let head = head.trim_end();
    head.ends_with([',', ';', ':'])
        || head
            .rsplit(|c: char| !c.is_ascii_alphabetic())
            .next()
            .is_some_and(|w| matches!(w, "while" | "whereas" | "and" | "but" | "meanwhile"))
}

/// "Officials in Kabul said a bomb exploded outside a mosque": the rest of the sentence reports
/// an attack (a past attack verb) and names no other place, so the capital is its scene after
/// all. ("… said the strikes hit depots near Albu Kamal" names the scene elsewhere.)
fn scene_follows(text: &str, lower: &str, end: usize, gaz: &Gazetteer) -> bool {
    let words = next_words(lower, end, 40);
    // Verbs of impact: "fired" says where from, and "killed" or "wounded" is a toll that an
    // official far away may give.
    if !words.iter().any(|w| {
        listed(ATTACK_VERBS, w)
            && !w.ends_with('s')
            && !w.ends_with("ing")
            && !matches!(*w, "fired" | "opened" | "killed" | "wounded")
    }) {
        return false;
    }
    let stop = text[end..]
        .find(['.', '!', '?', '\n'])
        .map_or(text.len(), |i| end + i);
    let mut stop = stop.min(end + 400);
    while !text.is_char_boundary(stop) {
        stop -= 1;
    }
    let rest = &text[end..stop];
    !gaz.scan(rest)
        .iter()
        .any(|m| m.flags & (F_BLOCK | F_DEMONYM) == 0 && !m.candidates.is_empty())
}

fn metonym_verb_follows(text: &str, lower: &str, end: usize) -> bool {
    let after = &text[end..];
    (after.starts_with(' ') || after.starts_with(','))
        && metonym_verb_follows_words(text, end, &next_words(lower, end, 4))
}

/// `metonym_verb_follows` given `next_words(lower, end, 4)`.
fn metonym_verb_follows_words(text: &str, end: usize, words: &[&str]) -> bool {
    let after = &text[end..];
    if !after.starts_with(' ') && !after.starts_with(',') {
        return false;
    }
    for &w in words {
        if listed(METONYM_VERBS, w) {
            return true;
        }
        if !listed(AUX_WORDS, w) {
            return false;
        }
    }
    false
}

fn possessive_of_state(text: &str, lower: &str, end: usize) -> bool {
    let after = &text[end..];
    let Some(rest_at) = ["'s ", "’s "]
        .iter()
        .find_map(|p| after.starts_with(p).then_some(p.len()))
    else {
        return false;
    };
    next_words(lower, end + rest_at, 3)
        .iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .take(2)
        .any(|w| listed(POSSESSIVE_NOUNS, w))
}

/// Wire-style datelines the reader did not mark: a line that opens with a place in capitals
/// and an agency or a dash ("BAGHDAD, Dec 30 (Reuters) -", "WASHINGTON / BAGHDAD (Reuters) –",
/// "KYIV, Ukraine —").
pub fn detect_datelines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0usize;
    for line in text.split_inclusive('\n') {
        let ls = line_start;
        line_start += line.len();
        let trimmed = line.trim_start();
        // "Maputo, Mar 29, 2021 (Staff) -": a place written in title case is a dateline only
        // with its source in brackets and a dash after it.
        let capitals = opens_with_capitals(trimmed);
        if !capitals && !trimmed.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        let lead = line.len() - trimmed.len();
        // The first 120 bytes, to the end of the character holding the 120th.
        let mut head_end = trimmed.len().min(120);
        while !trimmed.is_char_boundary(head_end) {
            head_end += 1;
        }
        let head = &trimmed[..head_end];
        let mut cut = None;
        let mut sourced = false;
        if let Some(p) = head.find(" (") {
            let close = head[p..].find(')').map(|c| p + c + 1);
            if let Some(c) = close {
                let agency = &head[p + 2..c - 1];
                if agency.len() <= 20 && agency.chars().next().is_some_and(|ch| ch.is_uppercase()) {
                    let dash_end = head[c..]
                        .char_indices()
                        .take_while(|(_, ch)| matches!(ch, ' ' | '-' | '–' | '—' | ':'))
                        .last()
                        .map(|(i, ch)| c + i + ch.len_utf8())
                        .unwrap_or(c);
                    sourced = head[c..dash_end].contains(['-', '–', '—', ':']);
                    cut = Some((p, dash_end));
                }
            }
        }
        if !capitals {
            if sourced && cut.is_some_and(|(p, _)| title_case_dateline_head(&head[..p])) {
                out.extend(cut.map(|(_, end)| [ls + lead, ls + lead + end]));
            }
            continue;
        }
        // "RIYADH: Saudi Arabia was working …": a capitalised place closed by a colon.
        if cut.is_none()
            && let Some(p) = head.find(": ")
            && head[..p]
                .chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.' | '-' | '\''))
        {
            cut = Some((p, p + 2));
        }
        if cut.is_none() {
            for dash in [" — ", " – ", " - ", " -- "] {
                if let Some(p) = head.find(dash) {
                    cut = Some((p, p + dash.len()));
                    break;
                }
            }
        }
        let Some((place_end, span_end)) = cut else {
            continue;
        };
        let place_part = &head[..place_end];
        let place_part = place_part.split(',').next().unwrap_or("");
        let letters: Vec<char> = place_part.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 3 || !letters.iter().all(|c| c.is_uppercase()) {
            continue;
        }
        out.push([ls + lead, ls + lead + span_end]);
    }
    out
}

/// "Maputo, Mar 29, 2021", "Kabul", "Addis Ababa, Ethiopia": the part of a dateline before its
/// bracketed source, with its place in title case. One to three capitalised words, then
/// perhaps a comma and a date or a country: every word after the comma opens with a capital
/// or a digit.
fn title_case_dateline_head(head: &str) -> bool {
    let (place, rest) = head.split_once(',').unwrap_or((head, ""));
    let words: Vec<&str> = place.split_whitespace().collect();
    let name_word = |w: &&str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’'))
    };
    (1..=3).contains(&words.len())
        && words.iter().all(name_word)
        && rest
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
}

/// True when the first three letters of a line, before any comma, are capitals: a dateline's
/// place ("BAGHDAD, Dec 30 (Reuters) -") needs that, so other lines are skipped unread.
fn opens_with_capitals(line: &str) -> bool {
    let mut letters = 0;
    for c in line.chars() {
        if c == ',' {
            return false;
        }
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
            if letters == 3 {
                return true;
            }
        }
    }
    false
}

/// Equality of two short words without a call to `memcmp` (these tests run for every name
/// and candidate, and the words are a few bytes long).
#[inline]
fn same_word(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// True when `word` is one of `list`.
fn listed(list: &[&str], word: &str) -> bool {
    list.iter().any(|x| same_word(x, word))
}

fn inside_any(span: Span, spans: &[Span]) -> bool {
    spans.iter().any(|s| span[0] >= s[0] && span[1] <= s[1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(text: &str) -> Vec<(String, String, PlacePrecision, PlaceRole, String)> {
        let g = Gazetteer::global();
        find_places_in_text(text, g)
            .into_iter()
            .map(|p| {
                (
                    text[p.span[0]..p.span[1]].to_string(),
                    g.entry(p.entry).source_id.clone(),
                    p.precision,
                    p.role,
                    text[p.phrase_span[0]..p.phrase_span[1]].to_string(),
                )
            })
            .collect()
    }

    fn one(text: &str, name: &str) -> (String, PlacePrecision, PlaceRole, String) {
        let found = places(text);
        let p = found
            .into_iter()
            .find(|p| p.0 == name)
            .unwrap_or_else(|| panic!("{name} not found in {text:?}"));
        (p.1, p.2, p.3, p.4)
    }

    fn absent(text: &str, name: &str) {
        let found = places(text);
        assert!(
            found.iter().all(|p| p.0 != name),
            "{name} should not be a place: {found:?}"
        );
    }

    #[test]
    fn a_town_called_by_its_own_name_beats_a_foreign_town_listing_it_as_an_alternate() {
        // Germany's Haar (17,000) lists the transliteration "Khar"; Pakistan's Khar (10,000)
        // is called so.
        let (id, ..) = one("A bomb exploded at a rally in Khar on Sunday.", "Khar");
        assert_eq!(id, "geonames:1174089");
        // Within one country the alternates are spellings and size decides: the Odesa-region
        // Serhiyivka (5,300) over smaller villages whose own name is "Serhiivka".
        let (id, ..) = one(
            "Missiles struck the village of Serhiivka on Friday.",
            "Serhiivka",
        );
        assert_eq!(id, "geonames:694467");
    }

    #[test]
    fn a_region_describing_a_settlement_is_no_place() {
        let t = "Drones hit an airport depot in Port Sudan on Sunday, the first attack on the \
                 Red Sea city.";
        assert_eq!(one(t, "Red Sea").2, PlaceRole::Attribution);
        // The region itself, and a phrase that goes on to name the town, stay places.
        let t = "A tanker was hit in the Red Sea on Sunday.";
        assert_eq!(one(t, "Red Sea").2, PlaceRole::Site);
        assert!(!describes_a_settlement(
            "the red sea port of hodeidah",
            [4, 11]
        ));
        assert!(describes_a_settlement("the red sea city.", [4, 11]));
    }

    #[test]
    fn a_town_named_with_its_township_is_a_district() {
        let (_, precision, role, phrase) = one(
            "Jets bombed a crowd in Kanbalu Township on Tuesday.",
            "Kanbalu",
        );
        assert_eq!(precision, PlacePrecision::District);
        assert_eq!(role, PlaceRole::Site);
        assert_eq!(phrase, "in Kanbalu Township");
    }

    #[test]
    fn names_in_a_credit_line_do_not_tell_the_story_country() {
        // "Khalil" is also a name of Hebron: a reporter's first name must not pull the
        // Syrian town of Ariha to Jericho, whose Arabic name it shares.
        let t = "Air strikes hit Idlib city on Wednesday. Helicopters bombed the town of Ariha \
                 on Thursday.\n\nReporting by Khalil Roe; editing by Jane Doe";
        assert_eq!(one(t, "Ariha").0, "geonames:172994");
    }

    #[test]
    fn named_mountain_ranges_are_areas_and_never_a_town_abroad() {
        let (id, prec, role, _) = one(
            "Turkish jets struck rebel positions in the Gara mountains of Duhok on Wednesday.",
            "Gara mountains",
        );
        assert_eq!(
            (id.as_str(), prec, role),
            (
                "region:gara-mountains",
                PlacePrecision::Region,
                PlaceRole::Site
            )
        );
        let (id, _, _, _) = one(
            "Drones hit a vehicle in the Qandil Mountains near the Iranian border.",
            "Qandil Mountains",
        );
        assert_eq!(id, "region:qandil-mountains");
        // A range the gazetteer lacks, named after a town of a country the story never names.
        absent(
            "Kurdish fighters hid in the Gara hills of Duhok province, Iraqi officials said.",
            "Gara",
        );
    }

    #[test]
    fn curated_district_seats_read_as_districts() {
        let (id, prec, role, _) = one(
            "A bomber struck a funeral in the Kuz Kunar district of Nangarhar on Tuesday.",
            "Kuz Kunar",
        );
        assert_eq!(
            (id.as_str(), prec, role),
            (
                "geonames:town:af-kuz-kunar",
                PlacePrecision::District,
                PlaceRole::Site
            )
        );
    }

    #[test]
    fn the_besmaya_range_is_a_curated_base() {
        let (id, prec, _, _) = one(
            "Rockets hit the Besmaya base south-east of Baghdad on Monday.",
            "Besmaya base",
        );
        assert_eq!((id.as_str(), prec), ("site:besmaya", PlacePrecision::Point));
    }

    #[test]
    fn near_a_city_is_town_precision() {
        let (id, prec, role, phrase) = one(
            "Rockets landed near the oil-rich city of Kirkuk on Friday.",
            "Kirkuk",
        );
        assert_eq!(id, "geonames:94787");
        assert_eq!(prec, PlacePrecision::Town);
        assert_eq!(role, PlaceRole::Site);
        assert_eq!(phrase, "near the oil-rich city of Kirkuk");
    }

    #[test]
    fn named_district_and_region_of_a_town_are_district_precision() {
        let (id, prec, _, phrase) = one(
            "One Iraqi strike hit a headquarters near the West Qaim district on the border.",
            "Qaim",
        );
        assert_eq!(id, "geonames:92138");
        assert_eq!(prec, PlacePrecision::District);
        assert_eq!(phrase, "near the West Qaim district");
        let (id, prec, _, phrase) = one(
            "Four fighters died in the Qaim region, officials said.",
            "Qaim",
        );
        assert_eq!(id, "geonames:92138");
        assert_eq!(prec, PlacePrecision::District);
        assert_eq!(phrase, "in the Qaim region");
    }

    #[test]
    fn province_phrases_are_province_precision() {
        let (id, prec, _, _) = one(
            "Militants attacked a checkpoint in Kirkuk province.",
            "Kirkuk province",
        );
        assert_eq!(
            (id.as_str(), prec),
            ("region:kirkuk-province", PlacePrecision::Province)
        );
        // Iran's south-eastern province, in the spellings wire copy uses.
        for name in ["Sistan-Baluchestan", "Sistan-Baluchistan"] {
            let text = format!("Jets struck hideouts in Iran's {name} province on Monday.");
            let (id, prec, _, _) = one(&text, &format!("{name} province"));
            assert_eq!(
                (id.as_str(), prec),
                ("region:sistan-baluchestan", PlacePrecision::Province)
            );
        }
        let (id, prec, _, _) = one("A convoy was hit in Anbar on Tuesday.", "Anbar");
        assert_eq!(
            (id.as_str(), prec),
            ("region:anbar", PlacePrecision::Province)
        );
        let (id, prec, _, _) = one(
            "Shelling was reported in the province of Hama.",
            "province of Hama",
        );
        assert_eq!(
            (id.as_str(), prec),
            ("region:hama-province", PlacePrecision::Province)
        );
        // A town with a province suffix that has no curated province keeps the town's point.
        let (id, prec, _, phrase) = one(
            "Iraqi police said a bomb went off in Samarra district.",
            "Samarra",
        );
        assert_eq!(
            (id.as_str(), prec, phrase.as_str()),
            (
                "geonames:91597",
                PlacePrecision::District,
                "in Samarra district"
            )
        );
    }

    #[test]
    fn macro_regions_are_region_precision() {
        let (id, prec, role, _) = one(
            "The jets struck depots in eastern Syria overnight.",
            "eastern Syria",
        );
        assert_eq!(
            (id.as_str(), prec, role),
            (
                "region:eastern-syria",
                PlacePrecision::Region,
                PlaceRole::Site
            )
        );
        let (id, prec, _, _) = one(
            "Drones were launched at the Iraq-Syria border.",
            "Iraq-Syria border",
        );
        assert_eq!(
            (id.as_str(), prec),
            ("region:iraq-syria-border", PlacePrecision::Region)
        );
    }

    #[test]
    fn countries_are_country_precision() {
        let found = places("The jets struck targets in Iraq and Syria.");
        let got: Vec<(&str, PlacePrecision)> = found.iter().map(|p| (p.1.as_str(), p.2)).collect();
        assert_eq!(
            got,
            vec![
                ("country:IQ", PlacePrecision::Country),
                ("country:SY", PlacePrecision::Country)
            ]
        );
    }

    #[test]
    fn curated_sites_are_point_precision() {
        let (id, prec, role, _) = one(
            "Rockets struck a base at Erbil Airport on Monday.",
            "Erbil Airport",
        );
        assert_eq!(
            (id.as_str(), prec, role),
            ("site:erbil-airport", PlacePrecision::Point, PlaceRole::Site)
        );
        let (id, prec, _, _) = one(
            "Two rockets landed near the US embassy in Baghdad.",
            "US embassy in Baghdad",
        );
        assert_eq!(
            (id.as_str(), prec),
            ("site:us-embassy-baghdad", PlacePrecision::Point)
        );
    }

    #[test]
    fn border_with_syria_is_the_iraq_syria_border_only_in_an_iraq_story() {
        let (id, prec, _, _) = one(
            "Iraqi officials said the strike hit a post in Anbar near the border with Syria.",
            "border with Syria",
        );
        assert_eq!(
            (id.as_str(), prec),
            ("region:iraq-syria-border", PlacePrecision::Region)
        );
        let found =
            places("Turkish troops in Turkey shelled a village near the border with Syria.");
        assert!(
            found.iter().all(|p| p.1 != "region:iraq-syria-border"),
            "{found:?}"
        );
    }

    #[test]
    fn dateline_places_are_not_sites() {
        let text =
            "WASHINGTON / BAGHDAD (Reuters) – US jets struck Kataib Hezbollah sites in Iraq.";
        let (_, _, role, _) = one(text, "WASHINGTON");
        assert_eq!(role, PlaceRole::Dateline);
        let (_, _, role, _) = one(text, "BAGHDAD");
        assert_eq!(role, PlaceRole::Dateline);
        let (_, _, role, _) = one(text, "Iraq");
        assert_eq!(role, PlaceRole::Site);
        let text2 = "Intro line\nKYIV, Ukraine — Russian missiles hit Kharkiv overnight.";
        assert_eq!(one(text2, "KYIV").2, PlaceRole::Dateline);
        assert_eq!(one(text2, "Kharkiv").2, PlaceRole::Site);
        let text3 = "Intro line\nMOSUL: Rockets hit a base near Kirkuk on Monday.";
        assert_eq!(one(text3, "MOSUL").2, PlaceRole::Dateline);
        assert_eq!(one(text3, "Kirkuk").2, PlaceRole::Site);
        // A place in title case, with its source in brackets and a dash.
        for text in [
            "Maputo, Mar 29, 2021 (Staff) - Insurgents attacked the town of Palma.",
            "Intro line\nKabul (AFP) \u{2013} Insurgents attacked the town of Palma.",
            "Addis Ababa, Ethiopia (Reuters) - Insurgents attacked the town of Palma.",
        ] {
            let first = text
                .lines()
                .last()
                .unwrap()
                .split([',', ' '])
                .next()
                .unwrap();
            let first = if first == "Addis" {
                "Addis Ababa"
            } else {
                first
            };
            assert_eq!(one(text, first).2, PlaceRole::Dateline, "{text}");
            assert_eq!(one(text, "Palma").2, PlaceRole::Site, "{text}");
        }
        // Without a bracketed source and a dash, or as a clause, it stays in the story.
        for (text, name) in [
            (
                "Mosul - the city was hit again (witnesses said) on Monday.",
                "Mosul",
            ),
            (
                "Mosul, the second city, was hit (AFP) - officials said.",
                "Mosul",
            ),
            ("Kabul (AFP) reported that rockets hit Mosul.", "Kabul"),
        ] {
            assert_ne!(one(text, name).2, PlaceRole::Dateline, "{text}");
        }
    }

    #[test]
    fn article_dateline_and_boilerplate_spans_are_respected() {
        let body =
            "MOSUL, Iraq - A bomb exploded in Tikrit.\nRelated: Floods in Sydney".to_string();
        let side = body.find("Related").unwrap();
        let article = Article {
            id: "a1".into(),
            path: "x.txt".into(),
            rel_path: "x.txt".into(),
            title: String::new(),
            published: None,
            source: None,
            url: None,
            format: crate::corpus::SourceFormat::Text,
            body: body.clone(),
            dateline: Some([0, 13]),
            boilerplate: vec![[side, body.len()]],
            warnings: Vec::new(),
        };
        let g = Gazetteer::global();
        let got: Vec<(&str, PlaceRole)> = find_places(&article, g)
            .iter()
            .map(|p| (&body[p.span[0]..p.span[1]], p.role))
            .collect();
        assert!(got.contains(&("MOSUL", PlaceRole::Dateline)), "{got:?}");
        assert!(got.contains(&("Tikrit", PlaceRole::Site)), "{got:?}");
        assert!(got.contains(&("Sydney", PlaceRole::Boilerplate)), "{got:?}");
    }

    fn role(text: &str, name: &str) -> PlaceRole {
        one(text, name).2
    }

    #[test]
    fn a_capital_or_country_as_the_subject_of_a_clause_is_its_government() {
        let t = "An aide said Cairo had no part in the raid on the depot.";
        assert_eq!(role(t, "Cairo"), PlaceRole::Speech);
        let t = "Officials said Paris would not send more troops to the region.";
        assert_eq!(role(t, "Paris"), PlaceRole::Speech);
        let t = "The minister said Iraq would review its ties with its neighbours.";
        assert_eq!(role(t, "Iraq"), PlaceRole::Speech);
        // A capital that was hit stays the scene.
        let t = "Officials said Kabul was rocked by three blasts on Friday.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
        let t = "Witnesses said Damascus had been hit again overnight.";
        assert_eq!(role(t, "Damascus"), PlaceRole::Site);
        // After a locative word it is a place again.
        let t = "Two rockets fell in Beirut on Monday.";
        assert_eq!(role(t, "Beirut"), PlaceRole::Site);
    }

    #[test]
    fn two_governments_named_as_a_pair_that_acts_are_not_sites() {
        let t = "The raid came a week after Paris and Algiers held talks on security.";
        assert_eq!(role(t, "Paris"), PlaceRole::Speech);
        assert_eq!(role(t, "Algiers"), PlaceRole::Speech);
        let t = "Rockets struck Kabul and Jalalabad on Sunday.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
    }

    #[test]
    fn a_paragraph_opened_by_a_capital_and_a_reaction_is_not_the_scene() {
        let t = "The drone struck a convoy near Marib.\n\nIn Riyadh, the foreign ministry condemned the attack.";
        assert_eq!(role(t, "Riyadh"), PlaceRole::Speech);
        assert_eq!(role(t, "Marib"), PlaceRole::Site);
        let t = "In Amman, a crowd gathered outside the embassy after the strike.";
        assert_eq!(role(t, "Amman"), PlaceRole::Speech);
        // Local sources, or an attack verb first, make it the scene.
        let t = "In Kabul, police said a car bomb killed six people on Monday.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
        let t = "In Kabul, a car bomb exploded near a school, officials said.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
        // A reaction that goes on to report an attack and names no other place is the scene.
        let t = "In Kabul, officials said a suicide bomber struck a crowded mosque.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
        let t = "In Paris, officials said the jets struck depots near Raqqa.";
        assert_eq!(role(t, "Paris"), PlaceRole::Speech);
        // A second clause, with or without a comma after the capital, reacts the same way.
        let t = "A bomb killed nine people at a market in Mosul on Friday, while in Baghdad the \
                 interior ministry expressed its condolences.";
        assert_eq!(role(t, "Baghdad"), PlaceRole::Speech);
        assert_eq!(role(t, "Mosul"), PlaceRole::Site);
        let t = "Rockets hit a base near Erbil, and in Ankara the foreign ministry condemned it.";
        assert_eq!(role(t, "Ankara"), PlaceRole::Speech);
        let t = "In Amman the king condemned the bombing.";
        assert_eq!(role(t, "Amman"), PlaceRole::Speech);
        // Not after a clause opening, or a clause that reports the attack: the scene.
        let t = "Gunmen opened fire on worshippers in Kabul the day after the vote.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
        let t = "Troops clashed near the border, while in Kabul a car bomb killed six people.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
    }

    #[test]
    fn where_government_bodies_sit_and_whom_they_address_are_not_sites() {
        let t = "The foreign ministry in Ankara condemned the bombing.";
        assert_eq!(role(t, "Ankara"), PlaceRole::Speech);
        let t = "Officials in Kabul said a bomb exploded outside a mosque.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
        let t = "A militia official in Iraq said two fighters were killed.";
        assert_eq!(role(t, "Iraq"), PlaceRole::Speech);
        let t = "An official in Ottawa said the rockets fired on Monday were old.";
        assert_eq!(role(t, "Ottawa"), PlaceRole::Speech);
        let t = "Negotiators in Vienna were trying to save the accord.";
        assert_eq!(role(t, "Vienna"), PlaceRole::Speech);
        let t = "Officials called on Beirut to disarm the group.";
        assert_eq!(role(t, "Beirut"), PlaceRole::Speech);
        // An attack verb earlier in the clause makes the ministry the target.
        let t = "Two car bombs exploded outside the interior ministry in Kabul.";
        assert_eq!(role(t, "Kabul"), PlaceRole::Site);
    }

    #[test]
    fn a_meeting_venue_is_not_a_site_but_a_meeting_that_was_attacked_is() {
        let t = "The council will hold an urgent session on the attack in Geneva on Friday.";
        assert_eq!(role(t, "Geneva"), PlaceRole::Speech);
        let t = "The envoy discussed the raid with his counterpart at a hotel in Doha.";
        assert_eq!(role(t, "Doha"), PlaceRole::Speech);
        let t = "A bomber blew himself up at a meeting of elders in Kandahar.";
        assert_eq!(role(t, "Kandahar"), PlaceRole::Site);
        let t = "A drone strike on a wedding gathering in Kandahar killed 12.";
        assert_eq!(role(t, "Kandahar"), PlaceRole::Site);
    }

    #[test]
    fn where_someone_was_staying_and_where_the_wounded_were_taken_are_not_sites() {
        let t = "The premier condemned the bombing in Cairo, where he was hosting a summit.";
        assert_eq!(role(t, "Cairo"), PlaceRole::Visit);
        let t = "The commander was killed in Beirut, where he had lived for years.";
        assert_eq!(role(t, "Beirut"), PlaceRole::Site);
        let t = "The wounded were flown to hospitals in Peshawar for treatment.";
        assert_eq!(role(t, "Peshawar"), PlaceRole::Visit);
        let t = "Thousands of families fled to Dohuk after the shelling.";
        assert_eq!(role(t, "Dohuk"), PlaceRole::Visit);
        let t = "Three of the injured were evacuated to Amman overnight.";
        assert_eq!(role(t, "Amman"), PlaceRole::Visit);
        let t = "A missile struck a hospital in Kharkiv on Tuesday.";
        assert_eq!(role(t, "Kharkiv"), PlaceRole::Site);
    }

    #[test]
    fn credit_lines_and_offices_named_after_places_are_not_sites() {
        let t = "Reporting by Jane Roe in Amman and John Doe in Beirut; editing by desk.";
        assert_eq!(role(t, "Amman"), PlaceRole::Boilerplate);
        assert_eq!(role(t, "Beirut"), PlaceRole::Boilerplate);
        let t = "Staff writers in Mosul contributed to this report.";
        assert_eq!(role(t, "Mosul"), PlaceRole::Boilerplate);
        let t = "A monitoring group based in Sweden gave a higher toll.";
        assert_eq!(role(t, "Sweden"), PlaceRole::Attribution);
        let t = "Nineveh governor Ali Saleh visited the wounded on Sunday.";
        assert_eq!(role(t, "Nineveh"), PlaceRole::Attribution);
        let t = "The Kirkuk provincial council met after the blast.";
        assert_eq!(role(t, "Kirkuk"), PlaceRole::Attribution);
        // A force named after its province speaks; its station is a site.
        let t = "Nineveh police revised the death toll on Tuesday.";
        assert_eq!(role(t, "Nineveh"), PlaceRole::Attribution);
        let t = "Gunmen stormed a Nineveh police station on Tuesday.";
        assert_eq!(role(t, "Nineveh"), PlaceRole::Site);
        // "the country's history" is not a place either.
        let t = "It was the deadliest bombing in Somalia's history.";
        assert_ne!(role(t, "Somalia"), PlaceRole::Site);
    }

    /// The word splitters walk bytes; they must agree with the char-based definitions (white
    /// space as `char::is_whitespace`, trimming as `char::is_alphanumeric`) on any text.
    #[test]
    fn byte_word_splitters_agree_with_the_char_definitions() {
        fn next_by_chars(lower: &str, pos: usize, n: usize) -> Vec<&str> {
            let mut out = Vec::new();
            let mut rest = &lower[pos..];
            for _ in 0..n {
                let word_at = rest.len() - rest.trim_start().len();
                if rest[..word_at].contains('\n') {
                    break;
                }
                rest = &rest[word_at..];
                if rest.is_empty() {
                    break;
                }
                let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
                let word = &rest[..word_len];
                let cut = word.find(['.', '!', '?', ';']);
                let w =
                    word[..cut.unwrap_or(word_len)].trim_matches(|c: char| !c.is_alphanumeric());
                if !w.is_empty() {
                    out.push(w);
                }
                if cut.is_some() {
                    break;
                }
                rest = &rest[word_len..];
            }
            out
        }
        fn prev_by_chars(s: &str, n: usize) -> Vec<&str> {
            s.split_whitespace()
                .rev()
                .take(n)
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                .filter(|w| !w.is_empty())
                .collect()
        }
        let texts = [
            "Shelling hit the old quarter\u{a0}of the town — “again,” residents said; none died.",
            "İstanbul\u{2009}and\u{3000}Şırnak saw -drone- strikes\x0bat dawn (officials).\nNext line",
            "rockets 'landed' near\u{85}the «market» …  two-three km away!  Then: quiet.",
            "  \u{2028}x-ray é é- -é ‘quoted’ a.b c",
            "",
        ];
        for text in texts {
            let lower_text = text.to_ascii_lowercase();
            let lower = Lower::new(text, &lower_text);
            for (pos, _) in text.char_indices().chain([(text.len(), ' ')]) {
                for n in [1, 3, 8, 14] {
                    let by_bytes: Vec<&str> = {
                        let mut out = Vec::new();
                        next_raw_words(&lower_text, pos, n, |_, w| {
                            if !w.is_empty() {
                                out.push(w);
                            }
                        });
                        out
                    };
                    assert_eq!(
                        by_bytes,
                        next_by_chars(&lower_text, pos, n),
                        "next {pos} {n}"
                    );
                    let mut floor = pos.saturating_sub(300);
                    while !text.is_char_boundary(floor) {
                        floor += 1;
                    }
                    let cut = lower.clause_start(pos, floor);
                    let prev: Vec<&str> = prev_raw_words(text, &lower, pos)
                        .take(n)
                        .filter(|w| !w.is_empty())
                        .collect();
                    assert_eq!(
                        prev,
                        prev_by_chars(&lower_text[cut..pos], n),
                        "prev {pos} {n}"
                    );
                    let around = Around::new(text, &lower, [pos, pos]);
                    assert_eq!(around.prev(n.min(PREV_MAX)), prev.as_slice(), "around prev");
                    assert_eq!(
                        around.next(n.min(NEXT_MAX)),
                        next_by_chars(&lower_text, pos, n.min(NEXT_MAX)).as_slice(),
                        "around next"
                    );
                    // The short run and the long one agree, whichever is split first.
                    let fresh = Around::new(text, &lower, [pos, pos]);
                    for k in [1, NEXT_FEW, 4, NEXT_MAX, 1, NEXT_SOME, NEXT_FEW] {
                        assert_eq!(
                            fresh.next(k),
                            next_by_chars(&lower_text, pos, k).as_slice(),
                            "around next {k} after others"
                        );
                    }
                    // So do the runs before the name.
                    for k in [3, 8, PREV_MAX, 1, 8] {
                        let expected: Vec<&str> = prev_raw_words(text, &lower, pos)
                            .take(k)
                            .filter(|w| !w.is_empty())
                            .collect();
                        assert_eq!(fresh.prev(k), expected.as_slice(), "around prev {k}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_direction_from_a_town_is_an_area_beside_it() {
        let (_, prec, role, _) = one("Rockets hit an air base north of Mosul.", "Mosul");
        assert_eq!(prec, PlacePrecision::District);
        assert_eq!(role, PlaceRole::Site);
        let (_, prec, _, _) = one("Rockets hit an air base near Mosul.", "Mosul");
        assert_eq!(prec, PlacePrecision::Town);
    }

    #[test]
    fn names_before_a_plural_area_noun_are_the_areas() {
        let t = "Missiles hit power plants in the Kharkiv and Sumy regions overnight.";
        let (id, prec, _, _) = one(t, "Kharkiv");
        assert_eq!(id, "region:kharkiv-region");
        assert_eq!(prec, PlacePrecision::Province);
        assert_eq!(one(t, "Sumy").0, "region:sumy-region");
    }

    #[test]
    fn a_name_after_a_township_of_is_the_area_above_it() {
        let t = "Jets bombed a village in the Kanbalu township of Sagaing on Tuesday.";
        let (id, prec, _, _) = one(t, "Sagaing");
        assert_eq!(id, "region:sagaing-region");
        assert_eq!(prec, PlacePrecision::Province);
        // Elsewhere the town keeps its name.
        assert_eq!(
            one("Shells fell near Sagaing on Tuesday.", "Sagaing").0,
            "geonames:1298482"
        );
    }

    #[test]
    fn a_bare_base_is_the_base_named_before_it() {
        let t = "Rockets struck Camp Taji on Monday. The base hosts coalition trainers, \
                 and the base was hit again on Friday.";
        let found = places(t);
        let bases: Vec<_> = found.iter().filter(|p| p.0 == "base").collect();
        assert_eq!(bases.len(), 2, "{found:?}");
        assert!(
            bases
                .iter()
                .all(|p| p.1 == "site:camp-taji" && p.3 == PlaceRole::Site)
        );
        // No base named before: nothing is invented.
        assert!(places("The base was hit by rockets.").is_empty());
        // "the base of" is not a base.
        let t = "Rockets struck Camp Taji. A shell landed at the base of a hill.";
        assert!(places(t).iter().all(|p| p.0 != "base"));
    }

    #[test]
    fn the_same_place_is_the_last_site_of_its_kind() {
        let t = "Gunmen raided a clinic in the Karte Seh district of Kabul in March. A bomb \
                 went off at Camp Bastion last week, and in May fighters attacked a school in \
                 the same city.";
        let found = places(t);
        let same: Vec<_> = found.iter().filter(|p| p.4 == "the same city").collect();
        assert_eq!(same.len(), 1, "{found:?}");
        // The city, not the base named after it.
        assert_eq!(same[0].1, one(t, "Kabul").0);
        assert_eq!(same[0].3, PlaceRole::Site);
        let t = "Rockets struck Camp Taji north of Baghdad on Monday; on Friday two more fell \
                 on the same base.";
        assert_eq!(one(t, "base").0, "site:camp-taji");
        // A town's airport, when the town named before has one.
        let t = "The Erbil drone attack came weeks after rockets hit the same airport.";
        assert_eq!(one(t, "airport").0, "site:erbil-airport");
        // Nothing of its kind named before it: nothing is invented, and "the same day" is a
        // date, not a place.
        assert!(places("Rockets fell on the same base.").is_empty());
        assert!(
            places("Rockets struck Camp Taji and the same day a bomb exploded.")
                .iter()
                .all(|p| !p.4.starts_with("the same"))
        );
    }

    #[test]
    fn a_bare_city_after_a_preposition_is_the_town_named_before() {
        let t = "Shells fell on Kharkiv at dawn. Hours later a missile hit a school in the city, \
                 killing four.";
        let found = places(t);
        let city = found.iter().find(|p| p.0 == "city").expect("the city");
        assert_eq!(city.1, one(t, "Kharkiv").0);
        assert_eq!(city.2, PlacePrecision::Town);
        assert_eq!(city.3, PlaceRole::Site);
        let t = "Jets bombed Aleppo on Monday. Residents near the town said a second raid \
                 followed.";
        assert!(places(t).iter().any(|p| p.0 == "town"));
        let t = "A missile hit Ganja at night. The residential area of the city came under fire.";
        assert_eq!(one(t, "city").0, one(t, "Ganja").0);
        // Named after it, an office of it, or nothing named before: no reference back.
        for t in [
            "Rockets hit Kharkiv. Officials in the city of Izium said two died.",
            "Rockets hit Kharkiv. The city council said two died.",
            "A missile hit a school in the city, killing four.",
        ] {
            assert!(
                places(t).iter().all(|p| p.0 != "city"),
                "{t}: {:?}",
                places(t)
            );
        }
        // The reporter's dateline is not the city the lead named.
        let t = "Rescuers searched a restaurant in Sloviansk on Wednesday.\n\nKYIV (Reuters) - \
                 The missile hit the restaurant in the city centre on Tuesday.";
        let found = places(t);
        let city = found.iter().find(|p| p.0 == "city").expect("the city");
        assert_eq!(city.1, one(t, "Sloviansk").0);
        // The story moved to another country after the town.
        let t = "A strike hit Kabul on Monday. In Iraq, a bomb exploded in the city, police said.";
        assert!(places(t).iter().all(|p| p.0 != "city"), "{:?}", places(t));
    }

    #[test]
    fn a_quarter_the_gazetteer_lacks_is_a_part_of_the_story_city() {
        // Invented quarter names: not in any gazetteer.
        let t = "A bomb went off in central Baghdad on Monday.\n\nOfficials said the blast \
                 hit traders.\n\nA similar attack on Zarqandi Square killed 30 in 2018.";
        let (id, prec, role, _) = one(t, "Zarqandi Square");
        assert_eq!(id, one(t, "Baghdad").0);
        assert_eq!(prec, PlacePrecision::District);
        assert_eq!(role, PlaceRole::Site);
        let t = "A truck bomb struck Mogadishu on Saturday. A second car bomb exploded in the \
                 Qorabeyle district, killing two.";
        assert_eq!(one(t, "Qorabeyle district").0, one(t, "Mogadishu").0);
        // "District" in a small town's story is a rural division: no guess.
        let t = "Gunmen attacked Khost on Friday. A bomb hit a car in the Qorabeyle district.";
        absent(t, "Qorabeyle district");
        // Descriptions are not names, and there must be a town before.
        absent(
            "A bomb went off in Baghdad. Another hit the Central Market.",
            "Central Market",
        );
        absent(
            "Oil rose in Baghdad as the Saudi market opened.",
            "Saudi market",
        );
        absent("A bomb hit Zarqandi Square on Monday.", "Zarqandi Square");
        // The name after the noun: "the shopping district of Karrada".
        let t = "A bomb went off in central Baghdad on Monday. In 2016 a truck bomb in the \
                 shopping district of Zarqandi killed 300.";
        assert_eq!(one(t, "district of Zarqandi").0, one(t, "Baghdad").0);
        // "The same square" is the square named before.
        let t = "A bomb went off in Baghdad. Zarqandi Square was hit. The same square was \
                 targeted in 2018.";
        assert!(places(t).iter().any(|p| p.0 == "square"), "{:?}", places(t));
    }

    #[test]
    fn a_restaurant_or_hotel_where_people_met_is_not_a_scene() {
        for (t, name, role) in [
            (
                "Aides said the raids were planned on Sunday by the two ministers and their \
                 advisers over dinner at a hotel in Aqaba.",
                "Aqaba",
                PlaceRole::Speech,
            ),
            (
                "The envoys reviewed the draft truce at a quiet seaside restaurant in Sousse.",
                "Sousse",
                PlaceRole::Speech,
            ),
            // An attack word in the clause keeps the venue a scene.
            (
                "A suicide bomber blew himself up at a restaurant in Kandahar.",
                "Kandahar",
                PlaceRole::Site,
            ),
            (
                "An explosion at a hotel in Aqaba wounded six guests.",
                "Aqaba",
                PlaceRole::Site,
            ),
        ] {
            assert_eq!(one(t, name).2, role, "{t}");
        }
    }

    #[test]
    fn where_a_truce_or_accord_was_settled_is_not_a_scene() {
        for (t, name) in [
            (
                "Hours after a truce brokered in Cairo took effect, a rocket hit a house in \
                 the town.",
                "Cairo",
            ),
            (
                "The accord signed in Sochi did not stop the shelling.",
                "Sochi",
            ),
            (
                "Since the ceasefire agreed in Minsk, drones have struck the plant twice.",
                "Minsk",
            ),
        ] {
            assert_eq!(one(t, name).2, PlaceRole::Speech, "{t}");
        }
        // Attacks "in" a place keep it the scene.
        assert_eq!(
            one("Rockets struck in Sochi overnight.", "Sochi").2,
            PlaceRole::Site
        );
    }

    #[test]
    fn a_capital_taking_stock_or_deciding_is_its_government() {
        for t in [
            "Missiles hit two bases as Washington assesses the damage.",
            "After the raid, Ankara weighs a new offensive.",
            "Moscow reacted angrily to the strike on its consulate.",
        ] {
            let name = t
                .split(|c: char| !c.is_alphabetic())
                .find(|w| ["Washington", "Ankara", "Moscow"].contains(w))
                .unwrap();
            assert_eq!(one(t, name).2, PlaceRole::Speech, "{t}");
        }
    }

    #[test]
    fn villages_of_recent_reports_are_in_the_gazetteer() {
        // Villages GeoNames (as packaged) lacks, curated in towns.tsv: without them the strike
        // falls back to the province or a town tens of kilometres away.
        for (t, name, id) in [
            (
                "Gunmen killed farmers near Zabarmari in Borno state.",
                "Zabarmari",
                "geonames:town:ng-zabarmari",
            ),
            (
                "A bomb hit a bus on the highway near Kabajeb in Deir ez-Zor province.",
                "Kabajeb",
                "geonames:town:sy-kabajeb",
            ),
            (
                "Jets struck the market in Dahyan, in Saada province, Yemen.",
                "Dahyan",
                "geonames:town:ye-dahyan",
            ),
        ] {
            let (found, precision, ..) = one(t, name);
            assert_eq!(found, id, "{t}");
            assert_eq!(precision, PlacePrecision::Town, "{t}");
        }
    }

    #[test]
    fn a_state_accused_of_an_attack_is_not_its_scene() {
        for (t, name, role) in [
            (
                "Drones set refineries ablaze; Washington points finger at Iran",
                "Iran",
                PlaceRole::Speech,
            ),
            (
                "Officials accused Syria of shelling the border post.",
                "Syria",
                PlaceRole::Speech,
            ),
            (
                "The minister blamed Iran for the attack on the tanker.",
                "Iran",
                PlaceRole::Speech,
            ),
            (
                "Israel held Iran responsible for the blast.",
                "Iran",
                PlaceRole::Speech,
            ),
            // Rockets aimed at a capital hit the city; a policy "toward" it is the government.
            (
                "Two rockets were fired toward Kabul on Monday.",
                "Kabul",
                PlaceRole::Site,
            ),
            (
                "The shift toward Moscow worried allies.",
                "Moscow",
                PlaceRole::Speech,
            ),
            // A country hit stays the scene.
            (
                "Jets struck targets in Syria on Monday.",
                "Syria",
                PlaceRole::Site,
            ),
        ] {
            assert_eq!(one(t, name).2, role, "{t}");
        }
    }

    #[test]
    fn ezafe_compound_names_are_not_their_first_word() {
        let t = "A blast hit a school in the Dasht-e-Barchi district of Kabul.";
        let (id, prec, _, _) = one(t, "Dasht-e-Barchi district");
        assert_eq!(id, "site:dasht-e-barchi");
        assert_eq!(prec, PlacePrecision::Point);
        // A compound the gazetteer lacks is not its first word either.
        absent(
            "Gunmen attacked a post in Dasht-e-Shahr on Friday.",
            "Dasht",
        );
    }

    #[test]
    fn the_news_spelling_of_makhmour_is_the_town() {
        let t = "A drone hit the Makhmour refugee camp in northern Iraq.";
        assert_eq!(one(t, "Makhmour").0, "geonames:93818");
    }

    #[test]
    fn where_someone_spoke_or_visited_is_not_a_site() {
        let t = "The strikes sent a strong message, Blinken told reporters on a visit to Rome.";
        assert_eq!(one(t, "Rome").2, PlaceRole::Visit);
        assert_eq!(
            one(
                "The minister told reporters in Paris that talks would go on.",
                "Paris"
            )
            .2,
            PlaceRole::Speech
        );
        assert_eq!(
            one(
                "The spokesman said in Tehran that Iran had no role.",
                "Tehran"
            )
            .2,
            PlaceRole::Speech
        );
        assert_eq!(
            one("The envoy arrived in Baghdad on Sunday.", "Baghdad").2,
            PlaceRole::Visit
        );
        // Past "the (holy) city of": still where someone spoke.
        for (t, name) in [
            (
                "The cleric, speaking in the holy city of Najaf, hailed the strikes.",
                "Najaf",
            ),
            (
                "The president told reporters in the city of Basra that he was calm.",
                "Basra",
            ),
        ] {
            assert_eq!(one(t, name).2, PlaceRole::Speech, "{t}");
        }
    }

    #[test]
    fn capitals_standing_for_governments_are_not_sites() {
        assert_eq!(
            one("Baghdad condemned the overnight raid.", "Baghdad").2,
            PlaceRole::Speech
        );
        assert_eq!(
            one("Officials said Tehran has denied any role.", "Tehran").2,
            PlaceRole::Speech
        );
        assert_eq!(
            one(
                "Tensions between Tehran and Washington have escalated.",
                "Tehran"
            )
            .2,
            PlaceRole::Speech
        );
        assert_eq!(
            one(
                "Tensions between Tehran and Washington have escalated.",
                "Washington"
            )
            .2,
            PlaceRole::Speech
        );
        assert_eq!(
            one(
                "It came after attacks that Washington blames on militias.",
                "Washington"
            )
            .2,
            PlaceRole::Speech
        );
        assert_eq!(
            one("Iran this week said it has no links to the group.", "Iran").2,
            PlaceRole::Speech
        );
        assert_eq!(
            one(
                "The deal revived Tehran's 2015 nuclear deal talks.",
                "Tehran"
            )
            .2,
            PlaceRole::Speech
        );
        // A capital that was hit stays a site.
        assert_eq!(
            one("Two rockets hit Baghdad on Monday.", "Baghdad").2,
            PlaceRole::Site
        );
    }

    #[test]
    fn attributive_places_are_attribution() {
        assert_eq!(
            one("The Britain-based monitor counted seven dead.", "Britain").2,
            PlaceRole::Attribution
        );
        assert_eq!(
            one("The strikes hit Iran-backed militia groups.", "Iran").2,
            PlaceRole::Attribution
        );
        assert_eq!(
            one("They struck pro-Iran fighters in Iraq.", "Iran").2,
            PlaceRole::Attribution
        );
        assert_eq!(
            one("They struck pro-Iran fighters in Iraq.", "Iraq").2,
            PlaceRole::Site
        );
    }

    #[test]
    fn allies_in_a_country_are_its_government_not_a_scene() {
        let text = "Its allies in Burkina Faso and Niger, partners of the junta since the coup, \
                    condemned the raid on a school in Bamako.";
        assert_eq!(one(text, "Burkina Faso").2, PlaceRole::Attribution);
        assert_eq!(one(text, "Niger").2, PlaceRole::Attribution);
        assert_eq!(one(text, "Bamako").2, PlaceRole::Site);
        // A country after a plain "in" is still where something happened.
        assert_eq!(
            one(
                "Gunmen killed 12 soldiers in Burkina Faso and Niger.",
                "Niger"
            )
            .2,
            PlaceRole::Site
        );
    }

    #[test]
    fn origin_of_people_and_weapons() {
        assert_eq!(
            one("Rockets were fired from Syria into the Golan.", "Syria").2,
            PlaceRole::Origin
        );
        let t =
            "Jets flying over the occupied Golan Heights fired missiles at a depot near Damascus.";
        assert_eq!(one(t, "occupied Golan").2, PlaceRole::Origin);
        let t = "Warplanes fired from over Lebanon at targets near Homs.";
        assert_eq!(one(t, "Lebanon").2, PlaceRole::Origin);
        let t = "Missiles were fired from the direction of the occupied Golan at Kisweh.";
        assert_eq!(one(t, "occupied Golan").2, PlaceRole::Origin);
        let t = "Jets flying over occupied Shebaa Farms fired at a depot near Damascus.";
        assert_eq!(one(t, "Shebaa Farms").2, PlaceRole::Origin);
        // Aircraft that flew over a place and struck it struck there.
        let t = "Drones flew over Mosul and struck a car.";
        assert_eq!(one(t, "Mosul").2, PlaceRole::Site);
    }

    #[test]
    fn people_and_words_are_not_places() {
        absent(
            "Defense Secretary Lloyd Austin said the strikes were proportionate.",
            "Austin",
        );
        absent(
            "Secretary Austin said the strikes were proportionate.",
            "Austin",
        );
        absent(
            "Earlier this month, Pompeo accused Iranian-backed forces of attacks.",
            "Pompeo",
        );
        absent("Most of the rockets hit an empty field.", "Most");
        absent("Police said the rockets hit an empty field.", "Police");
        absent("The militia, known as KH or ISIS, denied it.", "ISIS");
        absent("In March the group fired rockets.", "March");
        absent(
            "Coalition spokesman Col. Wayne Marotto said no one was hurt.",
            "Wayne",
        );
        absent("The strike killed Abu Mahdi al-Muhandis and others.", "Abu");
        absent("Iraqi sources said Abu Fadak was not in the convoy.", "Abu");
        absent(
            "The caliph Abu Bakr al-Baghdadi was killed in Idlib.",
            "al-Baghdadi",
        );
    }

    #[test]
    fn capitals_win_over_small_homonyms_elsewhere() {
        let (id, _, role, _) = one(
            "U.S. officials said the U.S. jets hit Iraq; Blinken told reporters on a visit to Rome.",
            "Rome",
        );
        assert_eq!(id, "geonames:3169070");
        assert_eq!(role, PlaceRole::Visit);
    }

    #[test]
    fn a_town_known_only_abroad_in_a_story_set_elsewhere_is_the_story_area() {
        // A Nigeria story filed from Maiduguri: "Girona" is a village missing from the
        // gazetteer, placed by the state named beside it, not the Spanish city.
        let text = "MAIDUGURI, Nigeria (Wire) - Nigerian troops said gunmen attacked Girona, a \
                    village in Borno state, Nigeria, overnight. Nigeria's army gave no toll.";
        let (id, precision, role, _) = one(text, "Girona");
        assert_eq!(id, "region:borno-state");
        assert_eq!(precision, PlacePrecision::Province);
        assert_eq!(role, PlaceRole::Site);
        // No area named: the country itself.
        let text = "KHARTOUM (Wire) - Gunmen attacked Bilbao in Sudan on Monday, Sudan's army \
                    said. Sudan has been at war since 2023.";
        let (id, precision, _, _) = one(text, "Bilbao");
        assert_eq!(id, "country:SD");
        assert_eq!(precision, PlacePrecision::Country);
    }

    #[test]
    fn a_bare_province_name_in_its_country_story_is_the_province() {
        // "Kachin" is also a transliteration of a Ukrainian village; a Myanmar story means
        // the state.
        let text = "YANGON, Myanmar (Wire) - Myanmar's army shelled villages in Kachin on \
                    Friday, rebels said. Myanmar's junta denied it.";
        let (id, precision, role, _) = one(text, "Kachin");
        assert_eq!(id, "region:kachin-state");
        assert_eq!(precision, PlacePrecision::Province);
        assert_eq!(role, PlaceRole::Site);
        // A story about Ukraine keeps the village.
        let text = "Ukrainian officials said a drone hit Kachin in Ukraine's west on Friday.";
        assert_eq!(one(text, "Kachin").0, "geonames:707272");
    }

    #[test]
    fn a_city_named_as_a_time_zone_is_not_a_site() {
        let text = "The jets struck depots in Iraq at 9 p.m. on Sunday, Washington time.";
        assert_eq!(role(text, "Washington"), PlaceRole::Attribution);
        let text = "Rockets hit Baghdad at 10 p.m. Baghdad time on Sunday.";
        let found = places(text);
        assert_eq!(found[0].3, PlaceRole::Site);
        assert_eq!(found[1].3, PlaceRole::Attribution);
        // "a timetable" is not a clock.
        let text = "Rockets hit Kirkuk timetable or not.";
        assert_eq!(role(text, "Kirkuk"), PlaceRole::Site);
    }

    #[test]
    fn places_in_a_teaser_line_are_boilerplate() {
        let text = "A bomb exploded in Kirkuk on Monday.\n\n-- Also on the site: Mosul floods; \
                    Basra protests --\n\nPolice said two people died.";
        assert_eq!(role(text, "Mosul"), PlaceRole::Boilerplate);
        assert_eq!(role(text, "Basra"), PlaceRole::Boilerplate);
        assert_eq!(role(text, "Kirkuk"), PlaceRole::Site);
        // A sentence that opens with "Also on" is text.
        let text = "Also on Monday, a bomb exploded in Mosul: two people died.";
        assert_eq!(role(text, "Mosul"), PlaceRole::Site);
    }

    #[test]
    fn a_day_label_is_no_teaser_line() {
        // A day label is this story's, not a teaser of another one.
        let text = "A bomb exploded in Kirkuk on Monday.\n\nElsewhere on Thursday: gunmen \
                    killed a guard in Tikrit";
        assert_eq!(role(text, "Tikrit"), PlaceRole::Site);
    }

    #[test]
    fn a_line_ending_in_a_full_stop_is_no_teaser_line() {
        // A line that ends in a full stop is a sentence, not a headline.
        let text = "A bomb exploded in Kirkuk on Monday.\n\nMore on the attacks: gunmen \
                    killed a guard in Tikrit.";
        assert_eq!(role(text, "Tikrit"), PlaceRole::Site);
    }

    #[test]
    fn a_country_qualifying_people_or_forces_is_attribution() {
        let text = "Militias launched drone attacks on US personnel in Iraq last year.";
        assert_eq!(role(text, "US"), PlaceRole::Attribution);
        assert_eq!(role(text, "Iraq"), PlaceRole::Site);
        let text = "Rockets hit a base housing Iraq forces and contractors.";
        assert_eq!(role(text, "Iraq"), PlaceRole::Attribution);
        // A country followed by anything else is still a place.
        let text = "A drone attack in Syria killed two people.";
        assert_eq!(role(text, "Syria"), PlaceRole::Site);
    }

    #[test]
    fn a_country_after_a_place_preposition_is_a_site() {
        // After "in" the country is the scene; the noun opens the next phrase.
        let text = "In Yemen forces loyal to the government came under shelling on Monday.";
        assert_eq!(role(text, "Yemen"), PlaceRole::Site);
        let text = "A mine killed three soldiers in Somalia officials said on Friday.";
        assert_eq!(role(text, "Somalia"), PlaceRole::Site);
        // Still an adjective after any other word.
        let text = "Gunmen fired on Mali forces near the border.";
        assert_eq!(role(text, "Mali"), PlaceRole::Attribution);
    }

    #[test]
    fn a_country_before_forces_with_an_object_is_a_site() {
        // "forces" with an object is the verb.
        let text = "The blockade of Yemen forces millions to go hungry.";
        assert_eq!(role(text, "Yemen"), PlaceRole::Site);
        let text = "The collapse of Lebanon forces 300 families abroad each year.";
        assert_eq!(role(text, "Lebanon"), PlaceRole::Site);
        // With no object it is the noun.
        let text = "The blockade of Yemen forces ended on Monday.";
        assert_eq!(role(text, "Yemen"), PlaceRole::Attribution);
    }

    #[test]
    fn the_object_of_a_control_verb_is_a_government() {
        let text = "The rocket attack prompted Washington to threaten to close its embassy.";
        assert_eq!(role(text, "Washington"), PlaceRole::Speech);
        let text = "The siege forced Kabul to reopen talks.";
        assert_eq!(role(text, "Kabul"), PlaceRole::Speech);
        // "to" before a place is a destination, and a bare object stays a site.
        let text = "The rocket attack forced Baghdad to the brink.";
        assert_eq!(role(text, "Baghdad"), PlaceRole::Site);
    }

    #[test]
    fn a_foreign_town_keeps_its_reading_when_its_country_is_named_or_the_story_is_not_set_elsewhere()
     {
        // Its country is named: the Spanish city.
        let text = "KHARTOUM (Wire) - Sudan's army said Sudan's envoy flew to Bilbao, Spain, \
                    after the attack in Sudan.";
        assert_eq!(one(text, "Bilbao").0, "geonames:3128026");
        // The story is neither filed from nor set in one other country.
        let text = "Gunmen attacked a bus near Bilbao on Monday, police said.";
        assert_eq!(one(text, "Bilbao").0, "geonames:3128026");
    }

    #[test]
    fn country_context_picks_among_homonyms() {
        let g = Gazetteer::global();
        let ctx = country_context(
            "Iraqi officials said Iraq's army moved. Erbil was calm.",
            &[],
            g,
        );
        assert_eq!(ctx.primary(), Some("IQ"));
        let (id, _, _, _) = one(
            "Iraqi forces said a rocket hit Hit, a town in Anbar.",
            "Hit",
        );
        assert_eq!(id, "geonames:95788");
    }

    /// The article corpora in and next to the repository, loaded (missing folders skipped).
    fn local_corpora() -> Vec<crate::corpus::Article> {
        // A frozen copy of the folders may be named instead (same layout), so that dumps from
        // two builds compare the same text.
        let root = std::env::var("CHRONOMAP_PLACES_CORPORA")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|_| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")));
        let mut out = Vec::new();
        // Other folders to read instead, by absolute path (colon-separated), for reading why
        // one article's places resolve as they do.
        let extra = std::env::var("CHRONOMAP_PLACES_DIRS").ok();
        let dirs: Vec<&str> = match &extra {
            Some(v) => v.split(':').collect(),
            None => vec![
                "../shared/corpus/seeds",
                "data/sample-corpus",
                "tests/fixtures/heldout",
                "tests/fixtures/heldout2",
                "tests/fixtures/extract",
                "tests/fixtures/corpus",
            ],
        };
        for dir in dirs {
            let p = root.join(dir);
            if !p.exists() {
                continue;
            }
            if let Ok(c) = crate::corpus::load_corpus(
                std::slice::from_ref(&p),
                &crate::corpus::LoadOptions::default(),
            ) {
                for mut a in c.articles {
                    a.rel_path = format!("{dir}/{}", a.rel_path);
                    out.push(a);
                }
            }
        }
        out
    }

    /// Writes every place mention of the local corpora to `$CHRONOMAP_PLACES_DUMP`, so that a
    /// speed change can be checked for identical output (diff two dumps). Run with
    /// `CHRONOMAP_PLACES_DUMP=/tmp/p.tsv cargo test --release --lib dump_places -- --ignored`.
    /// With `CHRONOMAP_PLACES_CONTEXT` set, each line is followed by the text around the name,
    /// for reading why a place got its role. (Held-out 3 and 4 are left out of the folders so
    /// that the speed measurements in BENCHMARKS.md stay comparable.)
    #[test]
    #[ignore = "writes a dump for comparison, not a check"]
    fn dump_places_of_local_corpora() {
        use std::fmt::Write as _;
        let Ok(path) = std::env::var("CHRONOMAP_PLACES_DUMP") else {
            eprintln!("set CHRONOMAP_PLACES_DUMP to a file path");
            return;
        };
        let g = Gazetteer::global();
        let mut out = String::new();
        for a in local_corpora() {
            let ctx = country_context(&a.body, &a.boilerplate, g);
            let city = dateline_city(&a, g).map(|id| g.entry(id).source_id.clone());
            let _ = writeln!(
                out,
                "# {} ctx={:?} dateline={city:?}",
                a.rel_path,
                ctx.primary()
            );
            for p in find_places(&a, g) {
                let _ = writeln!(
                    out,
                    "{}\t{:?}\t{:?}\t{}\t{:?}\t{:?}\t{:?}",
                    a.rel_path,
                    p.span,
                    &a.body[p.span[0]..p.span[1]],
                    g.entry(p.entry).source_id,
                    p.precision,
                    p.role,
                    &a.body[p.phrase_span[0]..p.phrase_span[1]]
                );
                if std::env::var_os("CHRONOMAP_PLACES_CONTEXT").is_some() {
                    let mut lo = p.span[0].saturating_sub(160);
                    while !a.body.is_char_boundary(lo) {
                        lo += 1;
                    }
                    let mut hi = (p.span[1] + 60).min(a.body.len());
                    while !a.body.is_char_boundary(hi) {
                        hi -= 1;
                    }
                    let _ = writeln!(out, "\t\t{:?}", &a.body[lo..hi]);
                }
            }
        }
        std::fs::write(&path, out).expect("write dump");
    }

    /// Throughput of `find_places` over the local corpora, repeated; run with
    /// `cargo test --release --lib measure_places_corpus -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, not a check"]
    fn measure_places_corpus_speed() {
        let g = Gazetteer::global();
        let articles = local_corpora();
        let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
        let rounds: usize = std::env::var("CHRONOMAP_ROUNDS")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(30);
        // Time on this thread's CPU (other builds share the machine), from the scheduler.
        let cpu = || {
            std::fs::read_to_string("/proc/thread-self/schedstat")
                .ok()
                .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
                .map(|ns| ns / 1e9)
        };
        let t = cpu();
        let w = std::time::Instant::now();
        let mut n = 0;
        for _ in 0..rounds {
            for a in &articles {
                n += find_places(a, g).len();
            }
        }
        let s = cpu()
            .zip(t)
            .map_or(w.elapsed().as_secs_f64(), |(b, a)| b - a);
        let t = cpu();
        let w = std::time::Instant::now();
        let mut raw = 0;
        for _ in 0..rounds {
            for a in &articles {
                raw += g.scan(&a.body).len();
            }
        }
        let s_scan = cpu()
            .zip(t)
            .map_or(w.elapsed().as_secs_f64(), |(b, a)| b - a);
        let mb = (bytes * rounds) as f64 / 1e6;
        println!(
            "find_places: {:.1} MB/s ({} mentions); scan alone: {:.1} MB/s ({} matches); {} articles, {} bytes",
            mb / s,
            n / rounds,
            mb / s_scan,
            raw / rounds,
            articles.len(),
            bytes
        );
        assert!(n > 0);
    }

    /// Load time and per-article cost; run with
    /// `cargo test --release --lib extract::places::tests::measure -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, not a check"]
    fn measure_load_and_find_speed() {
        let t = std::time::Instant::now();
        let g = Gazetteer::load_embedded();
        let load = t.elapsed();
        let para = "Iraqi security sources said at least 12 fighters were killed when US jets struck \
            depots near the Qaim district in Anbar province on Sunday, while Tehran condemned the raid. \
            Rockets later hit Erbil International Airport and a base near Kirkuk, officials told \
            reporters in Baghdad. The Britain-based monitor said strikes in eastern Syria near Albu \
            Kamal killed seven. Hit and Ramadi were calm; Most residents stayed home in Mosul.\n";
        let mut text = String::new();
        while text.len() < 5000 {
            text.push_str(para);
        }
        let n = 2000;
        let t = std::time::Instant::now();
        let mut found = 0;
        for _ in 0..n {
            found += find_places_in_text(&text, &g).len();
        }
        let per = t.elapsed() / n;
        let t = std::time::Instant::now();
        let mut raw = 0;
        for _ in 0..n {
            raw += g.scan(&text).len();
        }
        println!(
            "scan alone: {:?} per call ({} matches)",
            t.elapsed() / n,
            raw / n as usize
        );
        println!(
            "gazetteer load {load:?} ({} entries); find_places on {} bytes: {per:?} per call ({} places)",
            g.entries().len(),
            text.len(),
            found / n as usize
        );
        assert!(found > 0);
    }

    #[test]
    fn seed_articles_keep_distractors_off_the_sites() {
        // Reads the third-party seeds at run time; their text is never copied into the project.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
        let gold = dir.parent().map(|p| p.join("seeds-gold.json"));
        let Some(Ok(gold)) = gold.map(std::fs::read_to_string) else {
            eprintln!("skipping: ../shared/corpus/seeds not present");
            return;
        };
        let corpus = crate::corpus::load_corpus(
            std::slice::from_ref(&dir),
            &crate::corpus::LoadOptions::default(),
        )
        .expect("seed corpus loads");
        let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold parses");
        let g = Gazetteer::global();
        let mut checked = 0;
        for article in &corpus.articles {
            let file = article.rel_path.as_str();
            let text = &article.body;
            let Some(art) = gold["articles"]
                .as_array()
                .and_then(|a| a.iter().find(|a| a["file"] == file))
            else {
                continue;
            };
            let found = find_places(article, g);
            let sites: Vec<&str> = found
                .iter()
                .filter(|p| p.role.is_event_site())
                .map(|p| &text[p.span[0]..p.span[1]])
                .collect();
            for d in art["distractor_places"].as_array().into_iter().flatten() {
                let d = d.as_str().unwrap_or("");
                // "Baghdad" and "Iran" are also named as real targets or areas in these
                // seeds; their non-site uses are covered by the role tests above.
                if d == "Baghdad" || d == "Iran" {
                    continue;
                }
                let bad: Vec<&&str> = sites.iter().filter(|s| s.eq_ignore_ascii_case(d)).collect();
                assert!(
                    bad.is_empty(),
                    "{file}: distractor {d} resolved as a site: {sites:?}"
                );
            }
            // Every gold place with coordinates has a site mention within its tolerance.
            for ev in art["events"].as_array().into_iter().flatten() {
                let (Some(lat), Some(lon)) = (ev["lat"].as_f64(), ev["lon"].as_f64()) else {
                    continue;
                };
                let near = found.iter().filter(|p| p.role.is_event_site()).any(|p| {
                    let en = g.entry(p.entry);
                    let tolerance = match ev["place_precision"].as_str() {
                        Some("province" | "region") => 200.0,
                        Some("country") => 600.0,
                        Some("district") => 60.0,
                        _ => 50.0,
                    };
                    crate::extract::gazetteer::haversine_km((lat, lon), (en.lat, en.lon))
                        <= tolerance
                });
                assert!(
                    near,
                    "{file}: no site mention near gold place {}: {sites:?}",
                    ev["place"]
                );
                checked += 1;
            }
        }
        assert!(checked >= 6, "only {checked} gold places checked");
    }

    #[test]
    fn an_al_name_after_a_first_name_is_a_family_name() {
        absent(
            "Supporters of Moqtada al-Sadr rallied in Baghdad on Friday.",
            "al-Sadr",
        );
        let found = places("Supporters of Moqtada al-Sadr rallied in Baghdad on Friday.");
        assert!(found.iter().all(|p| !p.0.contains("Sadr")), "{found:?}");
        // A place after a preposition keeps its reading.
        let (id, _, _, _) = one("Rockets hit al-Qaim in Anbar on Friday.", "al-Qaim");
        assert_eq!(id, "geonames:92138");
    }

    #[test]
    fn a_small_town_named_as_a_district_of_a_big_dateline_city_is_a_quarter_of_it() {
        let g = Gazetteer::global();
        let found = places(
            "BAMAKO (Reuters) - Fighters stormed a school in the Faladie district before dawn.",
        );
        let quarter = found.iter().find(|p| p.0 == "Faladie").expect("Faladie");
        assert_eq!(g.by_source_id(&quarter.1).unwrap().name, "Bamako");
        assert_eq!(quarter.2, PlacePrecision::District);
        assert_eq!(quarter.3, PlaceRole::Site);
        // Without a big dateline city the town stays the town.
        let found = places("Fighters stormed a school in the Faladie district of Mali.");
        let town = found.iter().find(|p| p.0 == "Faladie").expect("Faladie");
        assert_eq!(g.by_source_id(&town.1).unwrap().name, "Faladie");
    }

    #[test]
    fn possessive_and_demonym_capitals_are_the_capital_city() {
        let (id, precision, _, phrase) = one(
            "A truck bomb devastated a junction in Somalia's capital on Saturday.",
            "Somalia",
        );
        let g = Gazetteer::global();
        assert_eq!(g.by_source_id(&id).unwrap().name, "Mogadishu");
        assert_eq!(precision, PlacePrecision::Town);
        assert_eq!(phrase, "in Somalia's capital");
        let (id, _, role, _) = one("Blasts shook the Yemeni capital overnight.", "Yemeni");
        assert_eq!(g.by_source_id(&id).unwrap().name, "Sanaa");
        assert_eq!(role, PlaceRole::Site);
        // The city is named right after: no second, synthetic mention.
        let found = places("Blasts shook the Yemeni capital, Sanaa, overnight.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Sanaa");
        // A plain country stays the country.
        assert_eq!(
            one("Strikes hit targets in Somalia on Friday.", "Somalia").1,
            PlacePrecision::Country
        );
    }

    #[test]
    fn airports_of_cities_and_bare_airports() {
        let (id, precision, _, _) = one(
            "Two explosions outside Kabul's airport killed many.",
            "Kabul's airport",
        );
        assert_eq!(id, "site:kabul-airport");
        assert_eq!(precision, PlacePrecision::Point);
        // A city without a curated airport: the city, town precision.
        let (id, precision, _, _) = one("Shells landed near Kherson's airport.", "Kherson");
        assert!(id.starts_with("geonames:"), "{id}");
        assert_eq!(precision, PlacePrecision::Town);
        // "the airport" takes the airport named before it.
        let found = places(
            "Crowds gathered at Kabul's airport on Thursday. Later rockets were fired towards the airport.",
        );
        let bare = found
            .iter()
            .find(|p| p.0 == "airport")
            .expect("bare airport");
        assert_eq!(bare.1, "site:kabul-airport");
        // ... or the dateline city's.
        let found = places("KABUL (AFP) - Rockets were fired towards the airport on Monday.");
        let bare = found
            .iter()
            .find(|p| p.0 == "airport")
            .expect("bare airport");
        assert_eq!(bare.1, "site:kabul-airport");
        assert_eq!(bare.3, PlaceRole::Site);
        // "the airport in X" is not the dateline city's: X's own mention is the place.
        let found =
            places("KABUL (AFP) - A drone hit the airport in Erbil, northern Iraq, on Monday.");
        assert!(found.iter().all(|p| p.0 != "airport"), "{found:?}");
        assert!(
            found
                .iter()
                .any(|p| p.0 == "Erbil" && p.3 == PlaceRole::Site)
        );
        let found = places("KABUL (AFP) - Shells fell on the airport of Kherson on Monday.");
        assert!(found.iter().all(|p| p.0 != "airport"), "{found:?}");
        // No city anywhere: nothing is invented.
        assert!(
            places("Rockets were fired towards the airport.")
                .iter()
                .all(|p| p.0 != "airport")
        );
    }

    fn bare_article(body: &str) -> Article {
        Article::for_test(body, None)
    }

    #[test]
    fn dateline_city_of_an_article() {
        let g = Gazetteer::global();
        let art = bare_article("ISTANBUL (Reuters) - A bomb exploded on a busy street on Sunday.");
        let id = dateline_city(&art, g).expect("dateline city");
        assert_eq!(g.entry(id).name, "Istanbul");
        let art = bare_article("A bomb exploded on a busy street on Sunday.");
        assert!(dateline_city(&art, g).is_none());
    }

    #[test]
    fn sea_sub_regions_and_curated_streets() {
        let (id, precision, _, _) = one(
            "The ship sank in the southern Red Sea with its cargo.",
            "southern Red Sea",
        );
        assert_eq!(id, "region:southern-red-sea");
        assert_eq!(precision, PlacePrecision::Region);
        assert_eq!(
            one("A bomb exploded on Istiklal Avenue.", "Istiklal Avenue").0,
            "site:istiklal-avenue"
        );
    }

    #[test]
    fn sentence_country_beats_the_article_and_prefixes_are_not_towns() {
        let text = "Israel said it was watching. Israeli jets were on alert. Russian warplanes \
                    struck a market in the town of Jisr al-Shughur in Syria's northwest.";
        let (id, _, _, _) = one(text, "Jisr al-Shughur");
        let g = Gazetteer::global();
        assert_eq!(g.by_source_id(&id).unwrap().country.as_deref(), Some("SY"));
        absent("Planes struck Jisr al-Foo on Sunday in Syria.", "Jisr");
    }

    #[test]
    fn a_foreign_town_used_as_a_quarter_is_a_district_of_the_story_city() {
        let text = "A truck bomb exploded in Mogadishu, Somalia, on Saturday. A second car bomb \
                    exploded in the Medina district two hours later.";
        let found = places(text);
        let medina = found.iter().find(|p| p.0 == "Medina").expect("Medina");
        let g = Gazetteer::global();
        assert_eq!(g.by_source_id(&medina.1).unwrap().name, "Mogadishu");
        assert_eq!(medina.2, PlacePrecision::District);
        // The story's city may be known only from the dateline.
        let text = "MOGADISHU (Reuters) - Officials in Somalia counted the dead. A second car \
                    bomb exploded in the Medina district later.";
        let found = places(text);
        let medina = found.iter().find(|p| p.0 == "Medina").expect("Medina");
        assert_eq!(g.by_source_id(&medina.1).unwrap().name, "Mogadishu");
        assert_eq!(medina.3, PlaceRole::Site);
    }

    #[test]
    fn a_far_foreign_quarter_stays_in_the_story_city_even_when_its_country_acts_in_the_story() {
        let g = Gazetteer::global();
        let name = |id: &str| g.by_source_id(id).unwrap().name.clone();
        // The United States is named (as an actor), so Medina, Ohio is a reading the story
        // names a country for; the story is plainly set in Somalia, and Ohio is far away.
        let text = "MOGADISHU, Somalia (Wire) - Somalia's police said a car bomb hit the \
                    Medina district on Sunday. Somalia's president spoke. Somalia mourned. The \
                    United States condemned the blast in Somalia.";
        let (id, precision, role, _) = one(text, "Medina");
        assert_eq!(name(&id), "Mogadishu");
        assert_eq!(precision, PlacePrecision::District);
        assert_eq!(role, PlaceRole::Site);
        // "X beach in CITY": the city named after it; a later bare "X" is the same quarter.
        let text = "Somali officials said gunmen stormed Lido beach in Mogadishu on Friday. \
                    Somalia's army ended the siege. Lido has been attacked before, Somalia's \
                    police said.";
        let found = places(text);
        let lidos: Vec<_> = found.iter().filter(|p| p.0 == "Lido").collect();
        assert_eq!(lidos.len(), 2, "{found:?}");
        assert!(lidos.iter().all(|p| name(&p.1) == "Mogadishu"), "{lidos:?}");
    }

    #[test]
    fn a_neighbours_town_named_as_an_area_keeps_its_reading() {
        // An Iraq story that names Syria: "the Qamishli district" is the Syrian town, not a
        // quarter of Baghdad.
        let text = "BAGHDAD (Wire) - Iraq's army said Iraq's border was shut. Iraq and Syria \
                    talked. Iraqi troops in Baghdad were on alert after shelling hit the \
                    Qamishli district. Iraq's premier spoke.";
        let (id, _, _, _) = one(text, "Qamishli");
        let g = Gazetteer::global();
        assert_eq!(g.by_source_id(&id).unwrap().country.as_deref(), Some("SY"));
    }

    #[test]
    fn a_country_qualifying_targets_or_bases_is_attribution() {
        let text = "A truce had halted rocket fire on US targets for weeks.";
        assert_eq!(role(text, "US"), PlaceRole::Attribution);
        let text = "Militias struck US bases in Iraq last year.";
        assert_eq!(role(text, "US"), PlaceRole::Attribution);
        assert_eq!(role(text, "Iraq"), PlaceRole::Site);
        // "targets" as the verb with its object: the country is its subject, still an actor
        // but not the target's nationality.
        let text = "Fighting in Yemen targets the poorest families.";
        assert_eq!(role(text, "Yemen"), PlaceRole::Site);
    }

    #[test]
    fn a_launch_area_inside_a_country_is_the_origin() {
        let text = "Twelve missiles were launched from three sites inside Iran at a base in Iraq.";
        assert_eq!(role(text, "Iran"), PlaceRole::Origin);
        assert_eq!(role(text, "Iraq"), PlaceRole::Site);
        let text = "Rockets were fired from positions in Lebanon at a town in Israel.";
        assert_eq!(role(text, "Lebanon"), PlaceRole::Origin);
        // People from a place and a place named after "in" otherwise stay sites.
        let text = "Gunmen from a village in Kirkuk attacked a checkpoint in Iraq.";
        assert_eq!(one(text, "Kirkuk").2, PlaceRole::Site);
    }

    #[test]
    fn a_town_at_the_end_of_a_road_is_the_area_beside_it() {
        let text = "Gunmen ambushed a bus on the highway between Homs and Hama in Syria.";
        assert_eq!(one(text, "Homs").1, PlacePrecision::District);
        assert_eq!(one(text, "Hama").1, PlacePrecision::District);
        let text = "A bomb hit the road that links Kirkuk to Tikrit.";
        assert_eq!(one(text, "Kirkuk").1, PlacePrecision::District);
        // A town reached by road is still the town.
        let text = "The convoy reached Homs by road and Palmyra by air.";
        assert_eq!(one(text, "Homs").1, PlacePrecision::Town);
    }

    #[test]
    fn curated_villages_of_recurring_attacks_are_known() {
        let text = "The bus was hit near the village of al-Shoula in Deir ez-Zor province.";
        assert_eq!(one(text, "al-Shoula").0, "geonames:town:sy-shula");
        let text = "A rocket hit a house in the Radwaniya district near Baghdad airport.";
        let (id, precision, _, _) = one(text, "Radwaniya");
        assert_eq!(id, "geonames:town:iq-radwaniyah");
        assert_eq!(precision, PlacePrecision::District);
    }
    /// The offset found before `name` in `text`: (km to 0.1, bearing, the evidence text).
    fn offset_of(text: &str, name: &str) -> Option<(f64, f64, String)> {
        let found = find_places_in_text(text, Gazetteer::global());
        let m = found
            .iter()
            .find(|p| text[p.span[0]..p.span[1]].starts_with(name))
            .unwrap_or_else(|| panic!("{name} not found in {text:?}"));
        let o = m.offset?;
        let e = m.evidence_span();
        Some((
            (o.km * 10.0).round() / 10.0,
            o.bearing,
            text[e[0]..e[1]].to_string(),
        ))
    }

    #[test]
    fn a_point_moved_along_a_great_circle() {
        let close = |a: (f64, f64), b: (f64, f64)| {
            assert!(
                (a.0 - b.0).abs() < 0.001 && (a.1 - b.1).abs() < 0.001,
                "{a:?} != {b:?}"
            );
        };
        close(destination((0.0, 0.0), 100.0, 0.0), (0.899, 0.0));
        close(destination((0.0, 0.0), 100.0, 90.0), (0.0, 0.899));
        close(destination((0.0, 0.0), 100.0, 180.0), (-0.899, 0.0));
        // East of the date line wraps to the western hemisphere.
        close(destination((0.0, 179.9), 100.0, 90.0), (0.0, -179.201));
        // Whatever the direction, the point lies the distance away.
        for bearing in [0.0, 45.0, 135.0, 225.0, 337.5] {
            let to = destination((36.34, 43.13), 30.0, bearing);
            let d = haversine_km((36.34, 43.13), to);
            assert!((d - 30.0).abs() < 0.01, "{bearing}: {d}");
        }
    }

    #[test]
    fn compass_words_give_bearings() {
        assert_eq!(compass_bearing("west"), Some(270.0));
        assert_eq!(compass_bearing("North-West"), Some(315.0));
        assert_eq!(compass_bearing("southeast"), Some(135.0));
        assert_eq!(compass_bearing("north-northwest"), Some(337.5));
        assert_eq!(compass_bearing("east-northeast"), Some(67.5));
        assert_eq!(compass_bearing("south-south-west"), Some(202.5));
        assert_eq!(compass_bearing("north-southeast"), None);
        assert_eq!(compass_bearing("westward"), None);
        assert_eq!(compass_point(337.5), "NNW");
        assert_eq!(compass_point(270.0), "W");
        assert_eq!(compass_point(359.0), "N");
    }

    #[test]
    fn a_distance_and_direction_before_a_town_is_an_offset() {
        let cases: [(&str, &str, f64, f64, &str); 13] = [
            (
                "Rebels shelled a camp 25 km north west of Kirkuk.",
                "Kirkuk",
                25.0,
                315.0,
                "25 km north west of Kirkuk",
            ),
            (
                "Gunmen raided a village about 30 km west of Mosul on Monday.",
                "Mosul",
                30.0,
                270.0,
                "about 30 km west of Mosul",
            ),
            (
                "A tanker was struck 50 nautical miles southwest of Aden.",
                "Aden",
                92.6,
                225.0,
                "50 nautical miles southwest of Aden",
            ),
            (
                "The convoy was hit some 40 miles north of Baghdad.",
                "Baghdad",
                64.4,
                0.0,
                "some 40 miles north of Baghdad",
            ),
            (
                "Shells fell thirty kilometres east of Kirkuk.",
                "Kirkuk",
                30.0,
                90.0,
                "thirty kilometres east of Kirkuk",
            ),
            (
                "A bomb went off 20 to 30 km south of Tikrit.",
                "Tikrit",
                25.0,
                180.0,
                "20 to 30 km south of Tikrit",
            ),
            (
                "Jets struck a depot 30 kilometres (20 miles) west of Kirkuk.",
                "Kirkuk",
                30.0,
                270.0,
                "30 kilometres (20 miles) west of Kirkuk",
            ),
            (
                "A patrol was ambushed on a road 30-km north of Kirkuk.",
                "Kirkuk",
                30.0,
                0.0,
                "30-km north of Kirkuk",
            ),
            (
                "Drones hit a farm 15km north-northwest of Tikrit.",
                "Tikrit",
                15.0,
                337.5,
                "15km north-northwest of Tikrit",
            ),
            (
                "Rockets landed about 20 km to the east of Kirkuk.",
                "Kirkuk",
                20.0,
                90.0,
                "about 20 km to the east of Kirkuk",
            ),
            (
                "A mine exploded 40 km west of the city of Mosul.",
                "Mosul",
                40.0,
                270.0,
                "40 km west of the city of Mosul",
            ),
            (
                "Troops clashed more than 100 kilometers north-east of Baghdad.",
                "Baghdad",
                100.0,
                45.0,
                "more than 100 kilometers north-east of Baghdad",
            ),
            (
                "A mortar round hit a checkpoint 500 metres south of Kirkuk.",
                "Kirkuk",
                0.5,
                180.0,
                "500 metres south of Kirkuk",
            ),
        ];
        for (text, name, km, bearing, phrase) in cases {
            let got = offset_of(text, name);
            assert_eq!(got, Some((km, bearing, phrase.to_string())), "{text}");
        }
    }

    #[test]
    fn a_direction_without_a_distance_or_an_area_is_no_offset() {
        for (text, name) in [
            ("Rockets hit an air base north of Mosul.", "Mosul"),
            ("Fighting raged in western Mosul on Sunday.", "Mosul"),
            ("A bomb exploded 30 km from Mosul.", "Mosul"),
            ("The militants killed 30 west of Mosul.", "Mosul"),
            (
                "Dozens of kilometres north of Mosul, troops massed.",
                "Mosul",
            ),
            (
                "Shelling hit a town 150 km west of Nineveh province.",
                "Nineveh",
            ),
        ] {
            assert_eq!(offset_of(text, name), None, "{text}");
        }
        // Without a distance the town stays where it is, with today's district precision.
        let g = Gazetteer::global();
        let text = "Rockets hit an air base north of Mosul.";
        let m = find_places_in_text(text, g)
            .into_iter()
            .find(|p| &text[p.span[0]..p.span[1]] == "Mosul")
            .expect("Mosul");
        let place = m.to_place(g);
        let mosul = g.entry(m.entry);
        assert_eq!((place.lat, place.lon), (mosul.lat, mosul.lon));
        assert_eq!(place.name, mosul.name);
        assert_eq!(m.evidence_span(), m.span);
    }

    #[test]
    fn an_offset_place_is_moved_and_says_what_it_is_relative_to() {
        let g = Gazetteer::global();
        let text = "Gunmen raided a village about 30 km west of Mosul on Monday.";
        let m = find_places_in_text(text, g)
            .into_iter()
            .find(|p| &text[p.span[0]..p.span[1]] == "Mosul")
            .expect("Mosul");
        assert_eq!(m.precision, PlacePrecision::District);
        let place = m.to_place(g);
        let mosul = g.entry(m.entry);
        assert_eq!(place.name, format!("30 km W of {}", mosul.name));
        assert_eq!(
            place.gazetteer_id.as_deref(),
            Some(mosul.source_id.as_str())
        );
        assert!(place.lon < mosul.lon - 0.3, "{place:?}");
        assert!((place.lat - mosul.lat).abs() < 0.01, "{place:?}");
        let d = haversine_km((mosul.lat, mosul.lon), (place.lat, place.lon));
        assert!((d - 30.0).abs() < 0.1, "{d}");
        // A capital named by its country's adjective moves the same way.
        let text = "Militants attacked a post some 60 km south of the Iraqi capital.";
        assert_eq!(
            offset_of(text, "Iraqi"),
            Some((
                60.0,
                180.0,
                "some 60 km south of the Iraqi capital".to_string()
            ))
        );
    }

    #[test]
    fn a_distance_from_the_capital_or_the_city_is_from_the_place_named_before() {
        let g = Gazetteer::global();
        let name_of = |m: &PlaceMention| g.entry(m.entry).name.clone();
        let text = "Gunmen killed five people in Kirkuk on Monday. A day later a roadside \
                    bomb hit a patrol about 20 km east of the city.";
        let found = find_places_in_text(text, g);
        let city = found
            .iter()
            .find(|m| &text[m.span[0]..m.span[1]] == "the city")
            .expect("the city");
        assert_eq!(name_of(city), "Kirkuk");
        assert_eq!(city.offset.map(|o| (o.km, o.bearing)), Some((20.0, 90.0)));
        let e = city.evidence_span();
        assert_eq!(&text[e[0]..e[1]], "about 20 km east of the city");
        assert_eq!(city.to_place(g).name, "20 km E of Kirkuk");

        let text = "Iraqi police in Basra said on Monday that a car bomb exploded some 40 \
                    miles north of the capital.";
        let found = find_places_in_text(text, g);
        let capital = found
            .iter()
            .find(|m| &text[m.span[0]..m.span[1]] == "the capital")
            .expect("the capital");
        assert_eq!(name_of(capital), "Baghdad");
        assert_eq!(capital.precision, PlacePrecision::District);

        // No distance, or a name after the noun: no reference back.
        for text in [
            "Gunmen killed five people in Kirkuk. A bomb hit a patrol east of the city.",
            "Gunmen killed five people in Kirkuk. A bomb hit 20 km east of the city of Tikrit.",
            "Gunmen killed five people in Kirkuk. A bomb hit 20 km east of the city's airport.",
        ] {
            let found = find_places_in_text(text, g);
            assert!(
                found
                    .iter()
                    .all(|m| !text[m.span[0]..m.span[1]].starts_with("the city")),
                "{text}"
            );
        }
    }

    #[test]
    fn a_distance_from_the_city_does_not_reach_across_a_country_or_paragraphs() {
        let g = Gazetteer::global();
        let reference = |text: &str, noun: &str| {
            find_places_in_text(text, g)
                .into_iter()
                .find(|m| &text[m.span[0]..m.span[1]] == noun)
                .map(|m| g.entry(m.entry).name.clone())
        };
        // Another country named after the town: "the city" is not that town, "the
        // capital" is the new country's.
        let text = "Jets struck a depot in Herat on Monday. In Syria, a car bomb went off \
                    30 km north of the city, killing six.";
        assert_eq!(reference(text, "the city"), None);
        let text = "Jets struck a depot in Herat on Monday. In Syria, a car bomb went off \
                    30 km north of the capital, killing six.";
        assert_eq!(reference(text, "the capital").as_deref(), Some("Damascus"));
        // The same country named again keeps the town.
        let text = "Jets struck a depot in Herat on Monday. Elsewhere in Afghanistan, a car \
                    bomb went off 30 km north of the city, killing six.";
        assert_eq!(reference(text, "the city").as_deref(), Some("Herat"));
        // The previous paragraph is near enough; two paragraphs back is not.
        let text = "Jets struck a depot in Herat on Monday.\n\nA car bomb went off 30 km \
                    north of the city.";
        assert_eq!(reference(text, "the city").as_deref(), Some("Herat"));
        let text = "Jets struck a depot in Herat on Monday.\n\nTalks stalled.\n\nA car bomb \
                    went off 30 km north of the city.";
        assert_eq!(reference(text, "the city"), None);
    }

    #[test]
    fn an_event_sited_by_an_offset_is_on_the_map_where_the_sentence_says() {
        let body = "Gunmen attacked an army checkpoint about 30 km west of Mosul on Monday, \
                    killing four soldiers, officials said.";
        let article = crate::corpus::Article::for_test(body, Some("2021-03-10"));
        let events = crate::extract::extract_corpus(&[article]);
        assert_eq!(events.len(), 1, "{events:?}");
        let e = &events[0];
        let place = e.place.as_ref().expect("a place");
        assert!(place.name.starts_with("30 km W of Mosul"), "{place:?}");
        assert_eq!(place.precision, PlacePrecision::District);
        let g = Gazetteer::global();
        let mosul = g
            .by_source_id(place.gazetteer_id.as_deref().expect("id"))
            .expect("Mosul in the gazetteer");
        let d = haversine_km((mosul.lat, mosul.lon), (place.lat, place.lon));
        assert!((d - 30.0).abs() < 0.1, "{d}");
        let span = e.mentions[0].place_span.expect("place span");
        assert_eq!(&body[span[0]..span[1]], "about 30 km west of Mosul");
        // The JSON document carries the moved point.
        let json = serde_json::to_value(e).expect("serialises");
        assert_eq!(json["place"]["lat"].as_f64(), Some(place.lat));
        assert!(json["place"]["lon"].as_f64().unwrap() < mosul.lon - 0.3);
    }

    #[test]
    fn a_chunk_passed_over_holds_no_cut_or_stop() {
        // Every byte at every place of a chunk of letters: the chunk is looked at whenever the
        // byte is one `Lower::new` reads.
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcd efg";
                chunk[at] = byte;
                if CUT_OR_STOP[usize::from(byte)] {
                    assert!(may_hold_a_cut_or_stop(&chunk), "{byte:#x} at {at}");
                }
            }
        }
        assert!(!may_hold_a_cut_or_stop(b"Gunmen a"));
        assert!(may_hold_a_cut_or_stop(b"end"));
        // The cuts of a text whose stops fall in every place of a chunk and at its very end.
        let text = "One. Two! Three? Four; \u{201c}Five\u{201d} Caf\u{e9}. Six\nSeven.";
        let lower = text.to_ascii_lowercase();
        let l = Lower::new(text, &lower);
        let stops: Vec<usize> = text
            .char_indices()
            .filter(|(_, c)| matches!(c, '.' | '!' | '?' | '\n'))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(l.stops, stops);
        assert_eq!(l.cuts.len(), 8);
        assert!(l.has_latin_accent);
    }

    #[test]
    fn one_pass_finds_each_cue_phrase_where_match_indices_does() {
        let texts = [
            "fighting in the north of the of the city. the same base, the air base and the airbase",
            "the military base near the airport of the town square; a market district in the village",
            "neighbourhoods and neighborhood quarters: the base of the hill, the same square",
            // A phrase overlapping another ("neighbourhood" and "district" share the 'd') or
            // itself (" of the of the "), and phrases at both ends of the text.
            "the city of the town neighbourhoodistrict squarequarter of the of the of the ",
            " the village the same the same square",
            "",
        ];
        for text in texts {
            let lower = text.to_ascii_lowercase();
            let cues = Cues::find(&lower);
            for phrase in CUE_PHRASES {
                let expected: Vec<usize> = lower.match_indices(phrase).map(|(i, _)| i).collect();
                assert_eq!(cues.of(phrase), expected, "{phrase:?} in {text:?}");
            }
        }
    }

    #[test]
    fn a_distance_is_looked_for_only_after_a_unit() {
        for head in [
            "gunmen attacked a post some 40 km ",
            "the village lies 15 kilometres (nine miles) ",
            "the camp, 30 km to the ",
            "a convoy hit ten miles\u{a0}",
            "about 500 m. ",
        ] {
            assert!(may_end_with_a_distance_unit(head), "{head:?}");
        }
        for head in ["fighting in the ", "troops moved ", "the road", ""] {
            assert!(!may_end_with_a_distance_unit(head), "{head:?}");
        }
        // The gate only skips what the distance pattern would not read anyway.
        let found = offset_of("A drone hit a farm 25 km to the west of Mosul.", "Mosul");
        assert_eq!(
            found.map(|(km, bearing, _)| (km, bearing)),
            Some((25.0, 270.0))
        );
    }

    #[test]
    fn a_name_written_with_diacritics_is_the_plain_letter_name() {
        // The gazetteer spells these "Kobane" and "Sirnak" (and has no "Kobanê").
        let (id, ..) = one(
            "A drone struck a house in a village east of Kobanê on Tuesday evening.",
            "Kobanê",
        );
        assert_eq!(id, "geonames:172256");
        let (id, ..) = one(
            "Clashes erupted near Şirnak overnight, officials said.",
            "Şirnak",
        );
        assert_eq!(id, "geonames:300640");
        // A name the text writes plainly is found once, as before.
        let found = places("Shelling hit Kobane and a village near Sirnak.");
        assert_eq!(found.iter().filter(|p| p.0 == "Kobane").count(), 1);
        assert_eq!(plain_latin_letter('ê'), Some('e'));
        assert_eq!(plain_latin_letter('ı'), Some('i'));
        assert_eq!(plain_latin_letter('×'), None);
        // The words read again around an accented word: two on either side.
        let text = "one two three Kobanê four five six";
        let at = text.find('ê').unwrap();
        assert_eq!(
            &text[words_back(text, at, 3)..words_on(text, at, 3)],
            "two three Kobanê four five"
        );
        assert_eq!(words_back(text, 2, 3), 0);
        assert_eq!(words_on(text, text.len() - 1, 3), text.len());
    }
}

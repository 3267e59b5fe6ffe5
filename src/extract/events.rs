//! Linking: each trigger gets the place, date, actors and figures of its sentence, and the
//! mentions of one article are merged into that article's events. A mention that names no
//! date or place refers back to the event the article is talking about; it only becomes an
//! event of its own when it is specific enough to stand alone.
//!
//! The inputs (places with roles, dates, claims) are found by other modules; this module sees
//! them through the small structs below so that it can be tested with hand-made inputs.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use chrono::Days;

use crate::corpus::{Article, DatePrecision, Span};
use crate::extract::actors::{self, Roles};
use crate::extract::gazetteer::{Gazetteer, haversine_km};
use crate::extract::triggers::{self, Strength, Token, Trigger};
use crate::extract::types::{
    Claim, ClaimField, DateRange, Event, EventKind, Mention, Place, PlacePrecision,
};

/// Confidence of an event that only a weak mention supports; clustering drops such events
/// unless another article reports the same event.
pub const UNCONFIRMED_CONFIDENCE: f32 = 0.2;

/// A place that the place resolver says is where something happened (role `Site`).
#[derive(Debug, Clone)]
pub struct PlaceHit {
    pub span: Span,
    /// What the article pane highlights: the name, or all of "30 km west of Mosul".
    pub evidence: Span,
    pub place: Place,
}

/// A resolved date expression.
#[derive(Debug, Clone)]
pub struct DateHit {
    pub span: Span,
    pub range: DateRange,
    pub reasoning: String,
    /// The date of a statement ("said Sunday"): in wire copy often also the event's date, but
    /// any explicit event date beats it.
    pub soft: bool,
    /// For "three days after", "the following day": days from the event it is relative to.
    /// Such a hit dates no trigger directly; see `relative` on candidates. On a candidate's
    /// date, `Some(0)` marks a day worked out from "hours after" another event: that event may
    /// have fallen the evening before, so a day the text states beats it.
    pub shift: Option<i64>,
    /// A night ("overnight", "Sunday night"): dated by the evening it began, it may reach past
    /// midnight into the next day.
    pub night: bool,
}

impl DateHit {
    /// A day the text itself states for what it tells: not the day of a statement, not a
    /// count from another event, and no wider than a day's precision.
    fn states_a_day(&self) -> bool {
        !self.soft && self.shift.is_none() && self.range.precision == DatePrecision::Day
    }
}

/// One figure from a sentence.
#[derive(Debug, Clone)]
pub struct ClaimHit {
    pub field: ClaimField,
    pub value: u32,
    pub qualifier: Option<String>,
    pub attributed_to: Option<String>,
    pub span: Span,
}

/// Everything known about one article before linking.
pub struct ArticleInput<'a> {
    pub article: &'a Article,
    pub sentences: Vec<Span>,
    /// Site places, in text order.
    pub places: Vec<PlaceHit>,
    /// Past (non-future) dates that can date an event, in text order.
    pub dates: Vec<DateHit>,
    /// The cue words of each sentence ([`sentence_cues`]).
    pub cues: Vec<Cues>,
}

/// One trigger with everything linked to it.
#[derive(Debug, Clone)]
struct Candidate {
    sentence: usize,
    sentence_span: Span,
    trigger: Trigger,
    kind: Option<EventKind>,
    date: Option<DateHit>,
    places: Vec<PlaceHit>,
    roles: Roles,
    qualifier: Option<String>,
    claims: Vec<ClaimHit>,
    /// Dated relative to another candidate: (its index, days to add to its event's date, the
    /// relative expression).
    relative: Option<(usize, i64, DateHit)>,
    /// Index in the article's candidate list.
    ci: usize,
    /// "a second bomb", "another strike", "were also hit": a further event, not the same one.
    fresh: bool,
    /// "a similar attack": a further event of the kind just reported.
    similar: bool,
    /// "Israel answered with artillery and a drone strike": a response, which is never the
    /// attack it answers.
    response: bool,
    /// "US forces responded with counter-battery fire at the rocket launch positions": a
    /// response aimed at where the attack just told was fired from, on its day.
    answers_launch_points: bool,
    /// Another trigger of the same clause that reports the same attack (index in the
    /// article's candidate list); this mention goes to that trigger's event.
    joins: Option<usize>,
    /// Named inside "after …", "in response to …", "since …": an earlier attack recalled to
    /// explain this one. Without a date of its own it opens no event.
    recalled: bool,
    /// "that attack", "this strike": refers to the attack named last.
    demonstrative: bool,
    /// The word before the trigger is "the" ("died in the strikes"): a reference back to the
    /// story's attack, not to the one just named ("those raids", "that attack").
    after_the: bool,
    /// "many of the missiles", "one of the drones": a part of a salvo already told.
    partitive: bool,
    /// Spans of the places that only give a bearing ("an air base north of Baghdad", "80 km
    /// north of the capital"): the site lies some way from them.
    bearing: Vec<Span>,
    /// Told after the lead paragraph, which with the headline tells one attack in rougher and
    /// finer words ("near Odesa", then the village).
    after_lead: bool,
}

/// An event of one article while it is being assembled.
#[derive(Debug, Clone)]
struct Draft {
    kind: Option<EventKind>,
    hint: EventKind,
    mentions: Vec<Candidate>,
    extra_claims: Vec<ClaimHit>,
    /// Sites of the same operation named in a sentence of their own ("Explosions were
    /// reported in Sanaa, Hodeidah and Dhamar").
    extra_places: Vec<PlaceHit>,
}

impl Draft {
    fn date(&self) -> Option<&DateHit> {
        best_date(self.mentions.iter().filter_map(|m| m.date.as_ref()))
    }
    fn places(&self) -> impl Iterator<Item = &PlaceHit> {
        self.mentions.iter().flat_map(|m| m.places.iter())
    }
    fn last_sentence(&self) -> usize {
        self.mentions.iter().map(|m| m.sentence).max().unwrap_or(0)
    }
}

/// The best date among several: hard (non-statement) dates first, then the most precise,
/// then the first mentioned.
fn best_date<'a>(dates: impl Iterator<Item = &'a DateHit>) -> Option<&'a DateHit> {
    let mut best: Option<&DateHit> = None;
    for d in dates {
        let better = match best {
            None => true,
            Some(b) if stated_period_beats_statement_day(d, b) => true,
            Some(b) if stated_period_beats_statement_day(b, d) => false,
            // A day known exactly beats one known within two ("hours after").
            Some(b) => {
                // A day stated in the text beats one worked out from "hours after" another
                // event: the recalled event may have fallen the evening before.
                (
                    precision_rank(d.range.precision),
                    d.soft,
                    d.shift.is_some(),
                    span_days(&d.range),
                ) < (
                    precision_rank(b.range.precision),
                    b.soft,
                    b.shift.is_some(),
                    span_days(&b.range),
                )
            }
        };
        if better {
            best = Some(d);
        }
    }
    best
}

/// "the missile attack on the base last month has injured 110, the Pentagon said on Friday":
/// the day a statement was made dates the attack only when it may fall in the period the text
/// states for the attack itself. Outside it, the stated month (or week, or year) wins, however
/// less precise.
fn stated_period_beats_statement_day(stated: &DateHit, statement: &DateHit) -> bool {
    !stated.soft
        && statement.soft
        && stated.shift.is_none()
        && precision_rank(stated.range.precision) > precision_rank(statement.range.precision)
        && (statement.range.end < stated.range.start || stated.range.end < statement.range.start)
}

fn span_days(r: &DateRange) -> i64 {
    (r.end - r.start).num_days()
}

fn precision_rank(p: DatePrecision) -> u8 {
    match p {
        DatePrecision::Day => 0,
        DatePrecision::Week => 1,
        DatePrecision::Month => 2,
        DatePrecision::Year => 3,
    }
}

/// True when two date statements can be about the same event: their ranges overlap once each
/// is widened by a day ("overnight" straddles two days). A statement date ("said Sunday")
/// may follow the event by a few days.
pub fn dates_compatible(a: &DateHit, b: &DateHit) -> bool {
    // One day of slack in total, not one on each side: 20 and 22 February are two events.
    let widen = |d: &DateHit, back: u64, fwd: u64| {
        let start = d
            .range
            .start
            .checked_sub_days(Days::new(back))
            .unwrap_or(d.range.start);
        let end = d
            .range
            .end
            .checked_add_days(Days::new(fwd))
            .unwrap_or(d.range.end);
        (start, end)
    };
    // The statement may come weeks after the strike ("acknowledged on Friday that the drone
    // strike … in the final days of the evacuation").
    // The day of slack is for two days ("overnight"); a window (a week, a month) is loose
    // already, and widened by a day the week after a day ("a week later") would reach back to
    // that day.
    let slack = u64::from(
        a.range.precision == DatePrecision::Day && b.range.precision == DatePrecision::Day,
    );
    let back = |d: &DateHit| if d.soft { 31 } else { slack };
    let (a0, a1) = widen(a, back(a), slack);
    let (b0, b1) = (b.range.start, b.range.end);
    let (c0, c1) = widen(b, back(b), slack);
    (a0 <= b1 && b0 <= a1) || (c0 <= a.range.end && a.range.start <= c1)
}

/// True when both dates name a day in the text itself (not a statement date, not derived)
/// and the days do not overlap.
pub fn explicit_days_differ(a: &DateHit, b: &DateHit) -> bool {
    let explicit = DateHit::states_a_day;
    // "overnight" is dated by the evening it began, but the strikes may fall after midnight:
    // the night reaches into the next day.
    let end = |d: &DateHit| {
        if d.night {
            d.range
                .end
                .checked_add_days(Days::new(1))
                .unwrap_or(d.range.end)
        } else {
            d.range.end
        }
    };
    explicit(a) && explicit(b) && (end(a) < b.range.start || end(b) < a.range.start)
}

/// Resolves a place's gazetteer id string to the entry id.
fn gaz_id(gaz: &Gazetteer, place: &Place) -> Option<u32> {
    place
        .gazetteer_id
        .as_deref()
        .and_then(|s| gaz.by_source_id(s))
        .map(|e| e.id)
}

/// True when two places can be the same event site: within 50 km, or one is an area that
/// contains the other.
pub fn places_compatible(gaz: &Gazetteer, a: &Place, b: &Place) -> bool {
    if haversine_km((a.lat, a.lon), (b.lat, b.lon)) <= 50.0 {
        return true;
    }
    // A country contains every place the gazetteer files under it: its rough disc misses the
    // corners of long countries (Tower 22 in Jordan's north-east).
    // A place filed under another country is outside this one, though a border town (Albu
    // Kamal, next to Iraq) falls inside the country's rough shape.
    let contains = |area: &Place, p: &Place| {
        let country_area = area.precision == PlacePrecision::Country && area.country.is_some();
        if country_area && p.country.is_some() {
            return area.country == p.country;
        }
        area.precision.is_area()
            && gaz_id(gaz, area).is_some_and(|id| gaz.contains(id, p.lat, p.lon))
    };
    contains(a, b) || contains(b, a)
}

/// The index of the place that the reports support best: each place counts the votes (reports
/// naming it) of every place it is compatible with (the same site, or an area and a place
/// inside it), so "Tower 22" and "Jordan" support each other. An area that wins hands over to
/// the best supported, more precise place inside it ("Iraq" to "Ain al-Asad"). Ties go to the
/// more precise place, then to the first named.
pub fn most_supported_place(gaz: &Gazetteer, places: &[(&Place, u32)]) -> Option<usize> {
    let support = |p: &Place| -> u32 {
        places
            .iter()
            .filter(|(q, _)| std::ptr::eq(*q, p) || places_compatible(gaz, p, q))
            .map(|(_, w)| *w)
            .sum()
    };
    let supports: Vec<u32> = places.iter().map(|(p, _)| support(p)).collect();
    let best_of = |ids: &mut dyn Iterator<Item = usize>| {
        ids.max_by_key(|&i| {
            (
                supports[i],
                std::cmp::Reverse(places[i].0.precision),
                std::cmp::Reverse(i),
            )
        })
    };
    let mut best = best_of(&mut (0..places.len()))?;
    while places[best].0.precision.is_area() {
        let area = places[best].0;
        let inside = best_of(&mut (0..places.len()).filter(|&i| {
            places[i].0.precision < area.precision && places_compatible(gaz, area, places[i].0)
        }));
        match inside {
            Some(i) => best = i,
            None => break,
        }
    }
    Some(best)
}

fn place_sets_compatible<'a>(
    gaz: &Gazetteer,
    a: impl Iterator<Item = &'a Place> + Clone,
    b: impl Iterator<Item = &'a Place> + Clone,
) -> bool {
    let mut a_any = false;
    let mut b_any = false;
    for p in a.clone() {
        a_any = true;
        for q in b.clone() {
            b_any = true;
            if places_compatible(gaz, p, q) {
                return true;
            }
        }
    }
    if !b_any {
        b_any = b.clone().next().is_some();
    }
    !(a_any && b_any)
}

fn kinds_compatible(a: Option<EventKind>, b: Option<EventKind>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.same_family(y),
        _ => true,
    }
}

/// "Militants struck late on Friday, first setting off roadside bombs and then opening fire":
/// bombs told in the clause of an assault are a stage of it, and the whole is the assault.
fn one_complex_attack(head: Option<EventKind>, other: Option<EventKind>) -> bool {
    matches!(
        (head, other),
        (Some(EventKind::OtherAttack), Some(EventKind::Ied))
    )
}

/// "… in an ambush late Saturday, days after the jihadists claimed a suicide bombing", "the
/// ambush followed Thursday's bombing": words between byte offsets `a` and `b` that order two
/// events in time.
fn tells_a_sequence(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens_within(tokens, a, b).1.iter().any(|t| {
        matches!(
            t.lower(),
            "after"
                | "before"
                | "since"
                | "following"
                | "followed"
                | "follows"
                | "earlier"
                | "later"
                | "than"
                | "days"
                | "weeks"
        )
    })
}

/// The more telling of two kinds of one event ("drone strike" over "airstrike").
fn refine_kind(a: Option<EventKind>, b: Option<EventKind>) -> Option<EventKind> {
    match (a, b) {
        (None, k) | (k, None) => k,
        (Some(EventKind::Airstrike), Some(EventKind::DroneStrike)) => Some(EventKind::DroneStrike),
        (Some(x), Some(_)) => Some(x),
    }
}

/// Words of a sentence that may give a toll: killing, wounding, casualties or a toll.
const TOLL_WORDS: &[&str] = &[
    "killed",
    "killing",
    "dead",
    "died",
    "wounded",
    "injured",
    "injuring",
    "wounding",
    "casualties",
    // "There were no injuries", "mourners buried nine members of the family".
    "injuries",
    "buried",
    // "The governor attended the burial of 43 victims", "funerals for 12 soldiers": the claims
    // module reads these figures as the dead.
    "burial",
    "funeral",
    // "death toll", "The toll rose to 63", "put the toll at 160, saying many bodies were
    // buried". A substring search: "toll" covers "death toll".
    "toll",
    "bodies",
    "lives",
    "hurt",
    "slain",
    "martyred",
    "murdered",
    "deaths",
    "fatalities",
    // "Officials gave no number; local media put it at 300."
    "put it at",
    "puts it at",
    // "Others put the number at 70": the bare noun stands for the toll too.
    "the number at",
    "the total at",
    "the figure at",
    // "Officials had given figures of 30 and then 39": figures of the toll told before.
    "figure of",
    "figures of",
];

/// Blasts named without the attack ("Explosions were reported in …").
const BLAST_WORDS: &[&str] = &["explosion", "blasts", "blast was", "blast were"];

/// What tells that blasts were seen, heard or felt somewhere.
const SEEN_WORDS: &[&str] = &["reported", "heard", "rocked", "shook", "were seen", "hit"];

/// "The target was …", "The targets were …".
const TARGET_WORDS: &[&str] = &["the target was", "the targets were"];

/// The cue words one sentence contains (substrings, any case): which word lists have a word
/// in it. All sentences of an article get theirs from one search of the body, instead of one
/// search per list and sentence.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cues(u8);

impl Cues {
    /// A stem of [`triggers::may_contain_trigger`].
    const TRIGGER_STEM: u8 = 1;
    /// A word of [`TOLL_WORDS`].
    const TOLL: u8 = 2;
    /// A word of [`BLAST_WORDS`].
    const BLAST: u8 = 4;
    /// A word of [`SEEN_WORDS`].
    const SEEN: u8 = 8;
    /// A word of [`TARGET_WORDS`].
    const TARGET: u8 = 16;

    /// The cues of one text on its own.
    #[cfg(test)]
    fn of(text: &str) -> Cues {
        sentence_cues(text, &[[0, text.len()]])[0]
    }

    /// A trigger may be in the sentence (see [`triggers::may_contain_trigger`]).
    pub fn may_contain_trigger(self) -> bool {
        self.0 & Self::TRIGGER_STEM != 0
    }

    /// The sentence may give a toll: it names killing, wounding, casualties or a toll.
    fn is_claim_sentence(self) -> bool {
        self.0 & Self::TOLL != 0
    }

    /// "Explosions were reported in …", "blasts were heard across …": the sentence places the
    /// effects of an attack without naming the attack.
    fn reports_blasts(self) -> bool {
        self.0 & Self::BLAST != 0 && self.0 & Self::SEEN != 0
    }

    /// The sentence names the target of an attack told before it ("The target was …", "The
    /// targets were …").
    fn names_the_target(self) -> bool {
        self.0 & Self::TARGET != 0
    }
}

/// The [`Cues`] of each sentence (sorted, disjoint spans of `body`): one overlapping search
/// of the body for the words of every list; a word counts for the sentence that holds it
/// whole.
pub fn sentence_cues(body: &str, sentences: &[Span]) -> Vec<Cues> {
    static FINDER: OnceLock<(AhoCorasick, Vec<u8>)> = OnceLock::new();
    let (finder, bits) = FINDER.get_or_init(|| {
        // One pattern per distinct word, with the bits of every list that has it.
        let mut words: Vec<(&str, u8)> = Vec::new();
        let lists = [
            (triggers::PREFILTER_STEMS, Cues::TRIGGER_STEM),
            (TOLL_WORDS, Cues::TOLL),
            (BLAST_WORDS, Cues::BLAST),
            (SEEN_WORDS, Cues::SEEN),
            (TARGET_WORDS, Cues::TARGET),
        ];
        for (list, bit) in lists {
            for &w in list {
                match words.iter_mut().find(|(v, _)| v.eq_ignore_ascii_case(w)) {
                    Some((_, b)) => *b |= bit,
                    None => words.push((w, bit)),
                }
            }
        }
        // A DFA: the search runs over every byte of every article, and the overlapping search
        // of an NFA over these ~130 words costs twice as much.
        let finder = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .build(words.iter().map(|(w, _)| *w))
            .expect("static word lists");
        (finder, words.into_iter().map(|(_, b)| b).collect())
    });
    let mut cues = vec![Cues::default(); sentences.len()];
    if sentences.is_empty() {
        return cues;
    }
    let from = sentences[0][0];
    let to = sentences[sentences.len() - 1][1];
    let Some(text) = body.get(from..to) else {
        return cues;
    };
    for m in finder.find_overlapping_iter(text) {
        let (start, end) = (from + m.start(), from + m.end());
        // The last sentence that starts at or before the word.
        let k = sentences.partition_point(|s| s[0] <= start);
        if k > 0 && end <= sentences[k - 1][1] {
            cues[k - 1].0 |= bits[m.pattern().as_usize()];
        }
    }
    cues
}

/// The items (in text order of their start) that lie inside `span`: a binary search finds
/// the sentence's run instead of scanning all of the article's items.
fn inside<T>(
    items: &[T],
    sorted: bool,
    span: Span,
    span_of: impl Fn(&T) -> Span,
) -> impl Iterator<Item = &T> {
    let run = if sorted {
        let lo = items.partition_point(|x| span_of(x)[0] < span[0]);
        let hi = lo + items[lo..].partition_point(|x| span_of(x)[0] < span[1]);
        &items[lo..hi]
    } else {
        items
    };
    run.iter().filter(move |x| {
        let s = span_of(x);
        span[0] <= s[0] && s[1] <= span[1]
    })
}

/// Extracts the events of one article. `claims_in` finds the figures of a sentence span.
/// "hours after", "hours before", "hours later", "hours earlier": no day count, so the day it
/// gives may be one off across midnight.
/// True when the text after a relative phrase starts with "that" or "this" ("Hours before
/// that, …"): the phrase counts from the event just told.
fn names_event_just_told(rest: &str) -> bool {
    rest.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .is_some_and(|w| w.eq_ignore_ascii_case("that") || w.eq_ignore_ascii_case("this"))
}

/// True when the attack's verb takes "it" as its object and the clause ends there ("a barrage
/// of rockets hit it."): the pronoun is the site just named.
fn object_is_it(body: &str, tokens: &[Token], t: &Trigger) -> bool {
    let Some(next) = tokens.iter().position(|k| k.span[0] >= t.span[1]) else {
        return false;
    };
    tokens.iter().skip(next).take(2).any(|k| {
        k.lower() == "it"
            && body
                .get(k.span[1]..)
                .and_then(|rest| rest.chars().next())
                .is_none_or(|c| matches!(c, ',' | '.' | ';' | '\n'))
    })
}

fn hours_phrase(expr: &str) -> bool {
    crate::extract::dates::counts_within_a_day(expr)
}

/// The time of the story's news: the lead's date, else the week up to the publication.
fn news_date(input: &ArticleInput, lead_end: usize) -> Option<DateHit> {
    if let Some(lead) = lead_date(input, lead_end) {
        return Some(lead);
    }
    let published = input.article.published?;
    if published.precision != DatePrecision::Day {
        return None;
    }
    let end = published.date;
    Some(DateHit {
        span: [0, 0],
        range: DateRange {
            start: end.checked_sub_days(Days::new(6)).unwrap_or(end),
            end,
            precision: DatePrecision::Week,
        },
        reasoning: String::new(),
        soft: false,
        shift: None,
        night: false,
    })
}

/// An event that no sentence dates yet is the story's news, of the lead's day or the
/// publication's week. "The worst attack came on Jan. 21, when two bombers …" in an April
/// story, or "after the Feb. 25 raid in eastern Syria" after a dateless account of this
/// week's rockets on an oil field, tells another, older attack: a mention that names an
/// attack afresh (not "the attack") at a site of its own, with a stated date the news cannot
/// have, does not join a located event of the news. (Without a site on either side, the
/// dated mention may be all that places the event in time, or the draft all that places it.)
fn dated_away_from_the_news(d: &Draft, c: &Candidate, news: Option<&DateHit>) -> bool {
    let (Some(news), Some(own)) = (news, c.date.as_ref()) else {
        return false;
    };
    d.date().is_none()
        && !c.places.is_empty()
        && d.places().next().is_some()
        && !c.trigger.definite
        && !own.soft
        && own.shift.is_none()
        && !dates_compatible(news, own)
}

/// The date that opens a sentence and ends at its comma: "At the end of August last year, …",
/// "On Sunday, …" (at most a preposition before it); or the day that labels a list entry, with
/// a colon ("- 3 May: …"), and then true.
fn opening_date<'a>(
    body: &str,
    sspan: Span,
    dates_here: &[&'a DateHit],
) -> Option<(&'a DateHit, bool)> {
    let d = *dates_here.first()?;
    // "- 2 January: Two soldiers were killed …": the bullet of a list entry.
    let before = body
        .get(sspan[0]..d.span[0])?
        .trim()
        .trim_start_matches(['-', '*', '•', '–', '—'])
        .trim_start();
    let opens = before.is_empty()
        || ["at", "in", "on", "by", "and", "early", "late"]
            .iter()
            .any(|w| before.eq_ignore_ascii_case(w));
    let after = body.get(d.span[1]..)?;
    let label = before.is_empty() && after.starts_with(':');
    (opens && (after.starts_with(',') || label) && !d.soft && d.shift.is_none())
        .then_some((d, label))
}

/// "In March, strikes hit …": a word read as a date is not also a place (a town called March).
fn is_a_date_word(dates_here: &[&DateHit], span: Span) -> bool {
    dates_here
        .iter()
        .any(|d| d.span[0] <= span[0] && span[1] <= d.span[1])
}

/// "came as voters counted ballots from Monday's national election": a possessive date
/// dates the noun it governs; when no attack word stands among the next three words, it
/// dates something else (an election, a visit) and no attack. "Sunday's strike was on Balad"
/// keeps its date.
///
/// A date after an article that a plain noun follows works the same way: "the deadliest air
/// attack since the February 2021 coup" dates the coup, not the attack.
fn dates_another_noun(body: &str, span: Span, trigger_starts: &[usize]) -> bool {
    let Some(after) = body.get(span[1]..) else {
        return false;
    };
    let possessive = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "));
    let Some(rest) = possessive.or_else(|| modifies_next_noun(body, span, after)) else {
        return false;
    };
    let start = body.len() - rest.len();
    // The end of the third word after the possessive.
    let mut end = start;
    for (n, w) in rest.split(' ').take(3).enumerate() {
        end += w.len() + usize::from(n > 0);
    }
    // An attack word the trigger finder left alone there ("Sunday's strike was on …") is
    // still an attack.
    !trigger_starts.iter().any(|&t| start <= t && t < end)
        && !body
            .get(start..end)
            .is_some_and(triggers::may_contain_trigger)
}

/// "the February 2021 coup": the text after a date written between an article and the word
/// that follows it (a lower-case word, not a preposition, conjunction or verb that would
/// open a phrase or clause: "the 8th of May", "the 8th, when").
fn modifies_next_noun<'a>(body: &str, span: Span, after: &'a str) -> Option<&'a str> {
    let expr = body.get(span[0]..span[1])?;
    let article = |w: &str| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a));
    let mut expr_words = expr.split_whitespace();
    // "since the June 2019": a period's opening word may come first in the expression.
    let determined = expr_words.next().is_some_and(|w| {
        article(w) || (w.eq_ignore_ascii_case("since") && expr_words.next().is_some_and(article))
    }) || body[..span[0]]
        .split_whitespace()
        .next_back()
        .is_some_and(article);
    let rest = after.strip_prefix(' ')?;
    // "the coup." ends the sentence on the noun.
    let word = rest
        .split(' ')
        .next()?
        .trim_end_matches(|c: char| c.is_ascii_punctuation());
    let noun = !word.is_empty()
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !matches!(
            word,
            "of" | "and"
                | "or"
                | "but"
                | "when"
                | "to"
                | "at"
                | "in"
                | "on"
                | "by"
                | "for"
                | "with"
                | "that"
                | "which"
                | "as"
                | "after"
                | "before"
                | "from"
                | "was"
                | "were"
                | "is"
                | "had"
                | "has"
                | "saw"
                | "until"
                | "through"
                // "the December 2019 killing of a guard in a rocket attack": a death is the
                // attack's own.
                | "killing"
                | "killings"
                | "death"
                | "deaths"
                | "murder"
                | "murders"
                | "assassination"
                | "slaying"
                | "massacre"
        );
    (determined && noun).then_some(rest)
}

/// "Monday's suicide bombing", "the Jan. 3 drone strike", "a December rocket attack", "last
/// week's raids": a date written as a modifier of the attack noun is that attack's own date,
/// whatever day the sentence gives its verbs ("Police on Thursday revised the toll of
/// Monday's bombing"). The date is a possessive or stands after an article, and at most
/// three words that open no clause or phrase ("US", "suicide", "rocket") stand between it and
/// the attack word. Returns the index of the trigger it modifies.
fn trigger_modified_by_date(body: &str, span: Span, triggers: &[Trigger]) -> Option<usize> {
    let after = body.get(span[1]..)?;
    let possessive = after.starts_with("'s ") || after.starts_with("\u{2019}s ");
    let expr = body.get(span[0]..span[1])?;
    let article = |w: &str| ["the", "a", "an"].iter().any(|a| w.eq_ignore_ascii_case(a));
    let determined = possessive
        || expr.split_whitespace().next().is_some_and(article)
        || body[..span[0]]
            .split_whitespace()
            .next_back()
            .is_some_and(article);
    if !determined {
        return None;
    }
    let i = triggers.iter().position(|t| t.span[0] >= span[1])?;
    let gap = body.get(span[1]..triggers[i].span[0])?;
    let gap = gap
        .strip_prefix("'s")
        .or_else(|| gap.strip_prefix("\u{2019}s"))
        .unwrap_or(gap);
    if !gap.is_empty() && !gap.starts_with(' ') {
        return None;
    }
    let words: Vec<&str> = gap.split_whitespace().collect();
    let modifier = |w: &&str| {
        w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.'))
            && !matches!(
                w.to_ascii_lowercase().as_str(),
                "and"
                    | "or"
                    | "but"
                    | "that"
                    | "which"
                    | "who"
                    | "when"
                    | "as"
                    | "after"
                    | "before"
                    | "since"
                    | "in"
                    | "on"
                    | "at"
                    | "of"
                    | "to"
                    | "for"
                    | "by"
                    | "with"
                    | "from"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "had"
                    | "has"
                    | "have"
                    | "said"
                    | "says"
            )
    };
    (words.len() <= 3 && words.iter().all(modifier)).then_some(i)
}

/// "airstrikes at the weekend", "the raids last week": a week-long date written right after
/// the attack word (at most a preposition between), not a span of many incidents ("this
/// week", "the past week", "within the past week").
fn week_right_after(body: &str, trigger: Span, date: Span) -> bool {
    let gap = body.get(trigger[1]..date[0]).unwrap_or("x").trim();
    let expr = body
        .get(date[0]..date[1])
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(gap, "" | "in" | "on" | "at" | "over" | "during")
        && !["this", "past", "earlier", "within"]
            .iter()
            .any(|w| expr.starts_with(w))
}

/// "Iraq on Wednesday cancelled a visit … after a drone strike killed two officers": a day
/// written before the "after" (or "following", "in response to") that governs the attack,
/// in a head clause that tells no casualties, dates the head's act. The attack came on or
/// before that day, as with the day of a statement, so the day is kept only as a soft one,
/// and only when the attack has no date of its own. ("25 fighters were killed on Sunday
/// after air strikes" tells the strikes' day.) Returns the dates left and whether they are
/// the head's.
fn head_day_before_after<'a>(
    body: &str,
    sentence: Span,
    tokens: &[Token],
    t: &Trigger,
    ds: Vec<&'a DateHit>,
) -> (Vec<&'a DateHit>, bool) {
    let Some(r) = relation_word_before(tokens, t) else {
        return (ds, false);
    };
    let head = body.get(sentence[0]..r).unwrap_or("");
    let casualties = head.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w.to_ascii_lowercase().as_str(),
            "killed" | "wounded" | "injured" | "died" | "dead" | "hurt" | "killing" | "wounding"
        )
    });
    if casualties {
        return (ds, false);
    }
    let (before, own): (Vec<&DateHit>, Vec<&DateHit>) =
        ds.into_iter().partition(|d| d.span[1] <= r);
    if own.is_empty() && !before.is_empty() {
        (before, true)
    } else {
        (own, false)
    }
}

/// A date that dates what someone said or how they reacted, not the attack: written right
/// before the verb ("Iran on Saturday condemned …", "officials on Monday said …"), or after a
/// verb of saying and only its objects and adjuncts ("a spokesman told reporters in
/// Washington on Thursday night", "said in a statement on Sunday"). No attack word and no
/// other verb may stand between the verb of saying and the date.
fn dates_the_speaker(body: &str, span: Span, triggers: &[Trigger]) -> bool {
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase()
    };
    let next = body
        .get(span[1]..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    if !next.starts_with(|c: char| c.is_alphanumeric()) {
        // "On Monday, officials said …" opens the sentence for what follows; not this rule.
    } else {
        let w = bare(next);
        if is_saying_verb(&w) || is_reaction_verb(&w) || is_vow_verb(&w) {
            return true;
        }
        // "Mourners on Sunday held funerals for the men killed in the ambush": like "buried",
        // the day of the funeral, not of the attack.
        if matches!(w.as_str(), "held" | "holds" | "hold")
            && body[span[1]..]
                .split_whitespace()
                .skip(1)
                .take(3)
                .any(|x| is_funeral_noun(&bare(x)))
        {
            return true;
        }
    }
    // Past the stop found, by its own length: the curly quotes take three bytes.
    let line_start = body[..span[0]]
        .rfind(['\n', ',', ';', ':', '"', '(', ')', '\u{201c}', '\u{201d}'])
        .map_or(0, |i| {
            i + body[i..].chars().next().map_or(1, char::len_utf8)
        });
    let before = &body[line_start..span[0]];
    let verb_like = |w: &str| {
        w.ends_with("ed")
            || matches!(
                w,
                "that"
                    | "which"
                    | "who"
                    | "when"
                    | "after"
                    | "before"
                    | "as"
                    | "and"
                    | "but"
                    | "was"
                    | "were"
                    | "is"
                    | "are"
                    | "had"
                    | "has"
                    | "have"
                    | "been"
                    | "hit"
                    | "struck"
                    | "shot"
                    | "blew"
                    | "fell"
                    | "went"
                    | "came"
                    | "took"
                    | "left"
                    | "began"
                    | "set"
                    | "ran"
                    | "tore"
                    | "threw"
                    | "sank"
                    | "killing"
                    | "would"
                    | "will"
                    | "could"
            )
    };
    // Walk back word by word, at most eight, to the verb of saying.
    let mut end = before.len();
    for _ in 0..8 {
        let rest = before[..end].trim_end();
        if rest.is_empty() {
            break;
        }
        let start = rest
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let w = bare(&rest[start..]);
        // "the emergency service reported on the morning of May 3": an agency reporting is
        // speaking; but "blasts were reported in the city on Monday" dates the blasts.
        let reported_by_someone = w == "reported"
            && !rest[..start]
                .split_whitespace()
                .next_back()
                .is_some_and(|p| {
                    matches!(
                        bare(p).as_str(),
                        "was" | "were" | "been" | "being" | "is" | "are" | "be"
                    )
                });
        if is_saying_verb(&w) || w == "speaking" || reported_by_someone {
            let at = line_start + start;
            return !triggers
                .iter()
                .any(|t| at <= t.span[0] && t.span[0] < span[0]);
        }
        // "said in a statement issued in Washington on Tuesday", "said in a video posted
        // on Sunday": the participle that gives out what was said is part of the saying.
        let gives_out_the_words = matches!(
            w.as_str(),
            "issued" | "released" | "published" | "posted" | "sent" | "broadcast"
        ) && rest[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(|p| is_statement_noun(&bare(p)));
        if verb_like(&w) && !gives_out_the_words {
            return false;
        }
        end = start;
    }
    false
}

/// A noun for words given out: "a statement", "a video", "a communique".
fn is_statement_noun(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "statements"
            | "communique"
            | "communiqué"
            | "video"
            | "message"
            | "post"
            | "release"
            | "report"
            | "notice"
    )
}

/// "BAGHDAD, March 17, 2020 (AFP) - Two rockets struck …": the date of a wire dateline (a
/// city in capitals opening the paragraph, the date, the agency, a dash) is the day the story
/// was filed, not the day of what it reports. So is the date of a dateline on a line of its
/// own ("PORT SUDAN — May 5, 2025 (staff)").
fn is_dateline_date(body: &str, span: Span) -> bool {
    let line_start = body[..span[0]].rfind('\n').map_or(0, |i| i + 1);
    let head = body[line_start..span[0]].trim_end();
    let (place, own_line) = match head.strip_suffix(',') {
        Some(place) => (place, false),
        None => match head.strip_suffix(['-', '\u{2013}', '\u{2014}']) {
            Some(place) => (place.trim_end(), true),
            None => return false,
        },
    };
    let city = place.split([',', ' ', '/']).next().unwrap_or("");
    let city_in_capitals = city.chars().filter(char::is_ascii_uppercase).count() >= 3
        && city
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, '-' | '.' | '\''));
    let short = place.len() <= 60
        && place
            .split(',')
            .all(|part| part.trim().chars().next().is_some_and(char::is_uppercase));
    let line_end = body[span[1]..]
        .find('\n')
        .map_or(body.len(), |i| span[1] + i);
    let after = body[span[1]..line_end].trim_start();
    let after = match after.strip_prefix('(') {
        Some(rest) => match rest.split_once(')') {
            Some((agency, rest)) if agency.len() <= 40 => rest.trim_start(),
            _ => return false,
        },
        None => after,
    };
    let ends = if own_line {
        after.is_empty()
    } else {
        after.starts_with(['-', '\u{2013}', '\u{2014}'])
    };
    city_in_capitals && short && ends
}

/// "The first strike came on the night of the 8th, when gunmen fired rockets at …": a date
/// that no clause of its own takes (the head's "came" points elsewhere, the "when" clause is
/// subordinate) dates the attack that the "when" clause right after it tells.
fn when_clause_trigger(body: &str, trigger_starts: &[usize], span: Span) -> Option<usize> {
    // "in flux since January, when …": a period's start is left to the period rules.
    if is_since_date(body, span) {
        return None;
    }
    trigger_in_when_clause(body, trigger_starts, span)
}

/// The first attack word inside a "when" clause that opens right after the date, if any.
fn trigger_in_when_clause(body: &str, trigger_starts: &[usize], span: Span) -> Option<usize> {
    let after = body.get(span[1]..)?.trim_start_matches([',', ' ']);
    let opens_when = after
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("when "));
    if !opens_when {
        return None;
    }
    // Only an attack inside the "when" clause: "Calm returned on the 9th, when the army
    // withdrew; rockets later hit Erbil" does not date the rockets (the clause ends at a
    // semicolon or a dash).
    let clause_end = body.len() - after.len()
        + [";", "—", "–", " - "]
            .iter()
            .filter_map(|mark| after.find(mark))
            .min()
            .unwrap_or(after.len());
    trigger_starts
        .iter()
        .position(|&s| s >= span[1] && s < clause_end)
}

/// "Tehran called it revenge for the killing of the general, struck by a drone the previous
/// Friday": "the previous Friday" looks back from the day the story has just told (the last
/// stated day in the text before it), not from the publication, which may be days later.
/// The day told may stand in a sentence that reports no attack ("The plane came down early on
/// Wednesday"), so the sentences before this one are read for it too.
fn previous_weekday_of_the_day_told(input: &ArticleInput, d: &DateHit) -> Option<DateHit> {
    let body = input.article.body.as_str();
    let expr = body.get(d.span[0]..d.span[1])?;
    let lower = expr.to_ascii_lowercase();
    let before = body.get(..d.span[0])?.to_ascii_lowercase();
    if !lower.starts_with("previous ") || !before.trim_end().ends_with(" the") {
        return None;
    }
    let weekday: chrono::Weekday = lower.split_whitespace().find_map(|w| w.parse().ok())?;
    let stated_day = |range: &DateRange, span: Span| {
        range.precision == DatePrecision::Day
            && range.start == range.end
            && span[1] <= d.span[0]
            && !dates_a_statement(body, span)
            && !body[..span[0]]
                .split_whitespace()
                .next_back()
                .is_some_and(is_saying_verb)
    };
    // This sentence and the eight before it, nearest first (a story told in order).
    let here = input.sentences.iter().rposition(|s| s[0] <= d.span[0])?;
    let told = (here.saturating_sub(8)..=here).rev().find_map(|k| {
        let s = input.sentences[k];
        let text = body.get(s[0]..s[1].min(d.span[0]))?;
        crate::extract::dates::find_dates(text, s[0], input.article.published)
            .into_iter()
            .filter(|m| {
                !m.future
                    && !matches!(
                        m.kind,
                        crate::extract::dates::DateExprKind::Relative
                            | crate::extract::dates::DateExprKind::BareYear
                    )
            })
            .rfind(|m| stated_day(&m.range, m.span))
    })?;
    let day = (1..=7)
        .filter_map(|n| told.range.start.checked_sub_days(Days::new(n)))
        .find(|x| chrono::Datelike::weekday(x) == weekday)?;
    (day != d.range.start).then(|| DateHit {
        range: DateRange::day(day),
        reasoning: format!(
            "'the {expr}' last before the day just told ({}) -> {day}",
            told.range.start
        ),
        ..d.clone()
    })
}

/// "On 3 May a bomb went off in a bar; two days later a bomber struck a bus": a count that
/// follows a day written in the same sentence runs from that day, whether or not the clause
/// that day dates was read as an event. Only a stated day (not the day of a statement) counts.
fn counted_from_day_written_before(
    body: &str,
    dates_here: &[&DateHit],
    r: &DateHit,
    shift: i64,
) -> Option<DateHit> {
    let main = dates_here
        .iter()
        .rfind(|d| d.span[1] <= r.span[0] && d.states_a_day() && d.range.start == d.range.end)?;
    let expr = &body[r.span[0]..r.span[1]];
    let shifted = relative_range(&main.range, shift, expr);
    Some(DateHit {
        span: r.span,
        range: shifted,
        reasoning: format!(
            "'{expr}' {shift:+} day(s) from '{}' written before it -> {}",
            &body[main.span[0]..main.span[1]],
            crate::extract::dates::format_range(&shifted)
        ),
        soft: false,
        shift: (hours_phrase(expr) || main.night).then_some(0),
        night: false,
    })
}

/// Whether "before" / "after" at the end of a count ends it as an adverb, with no object:
/// the sentence ends there ("a drone struck the depot the day before.") or a verb in the past
/// follows ("attacks on two plants the day before forced a shutdown"). A comma is handled by
/// the caller; anything else may open an object ("the day before gunmen stormed …").
fn ends_as_an_adverb(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with(['.', ';', '!', '?', ')']) {
        return true;
    }
    let word = rest
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("");
    // Past participles that open a noun phrase as adjectives: "after armed men stormed …".
    const ADJECTIVES_IN_ED: &[&str] = &[
        "armed",
        "masked",
        "suspected",
        "unidentified",
        "unnamed",
        "wounded",
        "detained",
        "displaced",
        "united",
        "coordinated",
        "renewed",
        "repeated",
        "sustained",
        "reported",
        "alleged",
        "disputed",
        "planned",
        "scheduled",
        "expected",
    ];
    word.len() > 3
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && word.ends_with("ed")
        && !ADJECTIVES_IN_ED.contains(&word)
}

/// "…, killing all 176 people on board, an error Iran admitted three days later": a count
/// that closes the sentence after a verb of admitting or saying, itself after the last attack
/// word, dates the statement, not the attack.
fn said_with_a_count_after(body: &str, trigger_spans: &[Span], r: &DateHit) -> bool {
    let Some(last) = trigger_spans
        .iter()
        .filter(|t| t[1] <= r.span[0])
        .map(|t| t[1])
        .max()
    else {
        return false;
    };
    body.get(last..r.span[0]).is_some_and(|gap| {
        gap.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "admitted"
                    | "acknowledged"
                    | "conceded"
                    | "confirmed"
                    | "announced"
                    | "said"
                    | "claimed"
                    | "denied"
                    | "reported"
            )
        })
    })
}

/// The date `delta` days from an anchor event's date. "A week later" / "two weeks earlier"
/// counted from one stated day give the shifted day ("On Feb. 3 … a week later" is Feb. 10,
/// as readers and wire desks count it); "the following week" / "the week before" give the
/// seven days ending (or starting) at the shifted day, with week precision. From a wider anchor
/// ("In March … A week later") the anchor's window shifts whole and keeps its precision: a
/// week after a month is still only known to the month, never a week.
fn relative_range(anchor: &DateRange, delta: i64, expr: &str) -> DateRange {
    // "a week later" from a stated day is that day plus seven; only "the following week"
    // spans a week.
    let is_week = crate::extract::dates::names_a_whole_week(expr);
    let one_day = anchor.precision == DatePrecision::Day && anchor.start == anchor.end;
    if !is_week || delta == 0 || !one_day {
        return crate::extract::dates::shift(anchor, delta);
    }
    let shifted = crate::extract::dates::shift(anchor, delta);
    // The window's far end is the shifted day; its near end six days back toward the anchor.
    let near = crate::extract::dates::shift(&shifted, -delta.signum() * 6);
    let (start, end) = if delta < 0 {
        (shifted.start, near.start)
    } else {
        (near.start, shifted.start)
    };
    DateRange {
        start,
        end,
        precision: DatePrecision::Week,
    }
}

/// How many sentences a blast told without a trigger may come before the attack it is.
const BLAST_LEAD_SENTENCES: usize = 8;

/// Ends the reasoning of a date that is the day of a statement ("the ministry said on
/// Friday"): the attack may have come a day or more before it.
pub const STATEMENT_DAY_NOTE: &str = " (the day it was said)";

/// Ends the reasoning of an event's date taken from the lead paragraph: a date the text
/// states, though no sentence of the event's own names it.
pub const LEAD_DATE_NOTE: &str = " (from the lead)";

pub fn extract_article(
    input: &ArticleInput,
    gaz: &Gazetteer,
    claims_in: &dyn Fn(Span) -> Vec<ClaimHit>,
) -> Vec<Event> {
    let article = input.article;
    let body = article.body.as_str();
    let mut candidates: Vec<Candidate> = Vec::new();
    // Sentences without a trigger that may give figures. Their figures are read only once a
    // sentence has an event to give them to (most have none: no attack told before them).
    let mut loose_claims: Vec<usize> = Vec::new();
    // Places in sentences that report blasts, with the sentence index.
    let mut loose_places: Vec<(usize, Vec<PlaceHit>)> = Vec::new();
    // Places in sentences that name the target of the attack just told ("The target was the
    // U.S. position at the al-Omar oil field"), with the sentence index.
    let mut target_places: Vec<(usize, Vec<PlaceHit>)> = Vec::new();
    // Tolls held by a counted plural dropped as background ("five fighters were killed in 73
    // strikes"), with the sentence index and the attacks' kind.
    let mut summary_tolls: Vec<(usize, EventKind, Vec<ClaimHit>)> = Vec::new();
    // Sentences that gave at least one candidate.
    let mut candidate_sentences: Vec<usize> = Vec::new();
    // Sentences that name any attack, kept as an event or not (for tolls told further on).
    let mut attack_sentences: Vec<usize> = Vec::new();
    // Those of them that only refer back to the attack being told (see below).
    let mut back_references: Vec<usize> = Vec::new();
    // The site of a history ("Balad has been hit several times", "the district has been hit
    // repeatedly"), with its sentence: the site of the attacks the text then recalls.
    let mut topic: Option<(usize, Vec<PlaceHit>)> = None;
    let lead_end = lead_sentences(input);
    // One lower-cased copy of the body (same byte offsets) serves every sentence's tokens.
    let lower_body = body.to_ascii_lowercase();
    let places_sorted = input.places.is_sorted_by_key(|p| p.span[0]);
    let dates_sorted = input.dates.is_sorted_by_key(|d| d.span[0]);
    let place_span = |p: &PlaceHit| p.span;
    let date_span = |d: &DateHit| d.span;
    // With the sentence each was named in.
    let mut series_kind: Option<(EventKind, usize)> = None;
    let mut last_weapon: Option<(EventKind, usize)> = None;
    // Inside a list of links ("Related coverage:" and the headlines under it).
    let mut in_link_list = false;
    // A list of links is short: past this many lines, a line is the story again.
    const MAX_LINKS: usize = 6;
    let mut links_left = MAX_LINKS;
    // An assault (no weapon named: "gunmen stormed a hotel") was told in an earlier sentence.
    let mut assault_told = false;
    // The label of the timeline entry being read: its sentence, day and places.
    let mut entry: Option<(usize, DateHit, Vec<PlaceHit>)> = None;
    for (k, &sspan) in input.sentences.iter().enumerate() {
        let line = body.get(sspan[0]..sspan[1]).unwrap_or("");
        if in_link_list && links_left > 0 && is_headline_line(line) {
            links_left -= 1;
            continue;
        }
        links_left = MAX_LINKS;
        // The label may end a sentence that the splitter ran on from the paragraph before.
        in_link_list = line.lines().last().is_some_and(is_link_line);
        if article
            .boilerplate
            .iter()
            .any(|b| b[0] <= sspan[0] && sspan[1] <= b[1])
        {
            continue;
        }
        let text = &body[sspan[0]..sspan[1]];
        if is_link_line(text) {
            continue;
        }
        let cues = input.cues[k];
        if cues.reports_blasts() {
            let here: Vec<PlaceHit> = inside(&input.places, places_sorted, sspan, place_span)
                .cloned()
                .collect();
            if !here.is_empty() {
                loose_places.push((k, here));
            }
        } else if cues.names_the_target() {
            let here: Vec<PlaceHit> = inside(&input.places, places_sorted, sspan, place_span)
                .cloned()
                .collect();
            if !here.is_empty() {
                target_places.push((k, here));
            }
        }
        let claim_sentence = cues.is_claim_sentence();
        if entry
            .as_ref()
            .is_some_and(|(lk, _, _)| !same_paragraph(body, input.sentences[*lk][0], sspan[0]))
        {
            entry = None;
        }
        // A label names no attack ("K1 base, Kirkuk" may still pass the cheap word filter).
        if let Some(day) = entry_label_day(
            body,
            sspan,
            inside(&input.dates, dates_sorted, sspan, date_span),
        ) && (!cues.may_contain_trigger()
            || triggers::find_triggers(&triggers::tokenize_lowered(body, &lower_body, sspan))
                .is_empty())
        {
            let places = inside(&input.places, places_sorted, sspan, place_span)
                .cloned()
                .collect();
            entry = Some((k, day.clone(), places));
        }
        if !cues.may_contain_trigger() {
            if claim_sentence {
                loose_claims.push(k);
            }
            continue;
        }
        let tokens = triggers::tokenize_lowered(body, &lower_body, sspan);
        // Every trigger, kept or not, takes the dates and places nearest to it: the places of
        // "future rocket attacks … that recently hit Baghdad and Erbil" belong to that
        // background phrase, not to the strike mentioned earlier in the sentence.
        let all: Vec<Trigger> = triggers::find_triggers(&tokens);
        if !all.is_empty() {
            attack_sentences.push(k);
        }
        // The kind of the last series named ("five drone attacks since April"), for a member
        // of it that names no weapon ("The first hit Erbil airport on April 14").
        if let Some(kind) = all
            .iter()
            .rev()
            .find(|t| t.plural && t.kind.is_some())
            .and_then(|t| t.kind)
        {
            series_kind = Some((kind, k));
        }
        // "militias have used small drones repeatedly. One hit the air base in May": with no
        // series named since, "One" is one of the weapons named last.
        let series_or_weapon = match (series_kind, last_weapon) {
            (Some((s, at)), Some((w, wat))) => Some(if wat > at { w } else { s }),
            (s, w) => s.or(w).map(|(kind, _)| kind),
        };
        if let Some(kind) = tokens
            .iter()
            .rev()
            .find_map(|t| triggers::munition_kind(t.lower()))
        {
            last_weapon = Some((kind, k));
        }
        let mut not_negated: Vec<bool> = all
            .iter()
            .map(|t| triggers::not_an_event(&tokens, t).is_none())
            .collect();
        // Sentences that name no attack a toll told after them could belong to: "Western
        // leaders said the strike would be investigated" (a definite singular with no day or
        // place of its own names the attack already told); "condemned Russia's willingness to
        // attack civilians" (an infinitive that tells no attack at all).
        let own_date_or_place = || {
            inside(&input.dates, dates_sorted, sspan, date_span)
                .next()
                .is_some()
                || inside(&input.places, places_sorted, sspan, place_span)
                    .next()
                    .is_some()
        };
        let infinitive_non_event =
            |(t, ok): (&Trigger, &bool)| !ok && t.token > 0 && tokens[t.token - 1].lower() == "to";
        let back_reference = all.iter().zip(&not_negated).all(infinitive_non_event)
            || (all
                .iter()
                .zip(&not_negated)
                .all(|(t, ok)| (t.definite && !t.plural) || infinitive_non_event((t, ok)))
                && !own_date_or_place());
        if !all.is_empty() && back_reference {
            back_references.push(k);
        }
        // "Gunmen stormed a hotel on Wednesday. … Troops ended a siege on Thursday, killing all
        // four attackers": a siege ended after an assault already told (in an earlier sentence
        // or earlier in this one) is that assault's end, whatever toll it tells; the toll is
        // the assault's, and the siege no new event.
        let siege_told_again: Vec<bool> = all
            .iter()
            .enumerate()
            .map(|(i, t)| {
                triggers::ends_a_siege(&tokens, t.token)
                    && (assault_told
                        || all[..i]
                            .iter()
                            .zip(&not_negated)
                            .any(|(h, &ok)| ok && !h.generic && is_an_assault(h)))
            })
            .collect();
        for (ok, &again) in not_negated.iter_mut().zip(&siege_told_again) {
            *ok &= !again;
        }
        assault_told |= all
            .iter()
            .zip(&not_negated)
            .any(|(t, &ok)| ok && !t.generic && is_an_assault(t));
        let mut keep: Vec<bool> = all
            .iter()
            .zip(&not_negated)
            .map(|(t, ok)| *ok && !t.generic)
            .collect();
        // Background wording ("a series of bombings") may still report one day's attack.
        let rescuable: Vec<bool> = all
            .iter()
            .zip(&not_negated)
            .map(|(t, ok)| *ok && t.generic)
            .collect();
        let found = all;
        if !keep.iter().chain(&rescuable).any(|&k| k) {
            if claim_sentence {
                loose_claims.push(k);
            }
            continue;
        }
        // Searched when the first kept trigger needs its roles: a sentence whose triggers
        // are all dropped below needs no actors.
        let mut actors_here: Option<Vec<actors::ActorMention>> = None;
        let statement_dates: Vec<DateHit> = inside(&input.dates, dates_sorted, sspan, date_span)
            .filter(|d| d.shift.is_none())
            .map(|d| DateHit {
                // "said the Aug. 29 strike …", "said Sunday's strikes …": a date that modifies
                // a noun is that noun's, whatever verb comes before it. A dateline's date is
                // the day the story was filed.
                soft: if trigger_modified_by_date(body, d.span, &found).is_some() {
                    false
                } else {
                    (d.soft && !after_article(body, d.span))
                        || dates_a_statement(body, d.span)
                        || dates_the_speaker(body, d.span, &found)
                        || is_dateline_date(body, d.span)
                },
                ..previous_weekday_of_the_day_told(input, d).unwrap_or_else(|| d.clone())
            })
            .collect();
        let dates_here: Vec<&DateHit> = statement_dates.iter().collect();
        let relatives_here: Vec<&DateHit> = inside(&input.dates, dates_sorted, sspan, date_span)
            .filter(|d| d.shift.is_some())
            .collect();
        let first_candidate = candidates.len();
        let mut kept_index: Vec<Option<usize>> = Vec::new();
        let places_here: Vec<&PlaceHit> = inside(&input.places, places_sorted, sspan, place_span)
            .filter(|p| !is_launch_site(body, &lower_body, sspan, p.span))
            .filter(|p| !names_a_time_zone(body, &dates_here, p.span))
            .filter(|p| !is_a_date_word(&dates_here, p.span))
            .collect();
        let claims_here = if claim_sentence || text.contains("rocket") || text.contains("missile") {
            claims_in(sspan)
        } else {
            Vec::new()
        };
        // A relative date phrase ("…, a day after a rocket attack") or a subordinate clause
        // ("… before troops left Kabul on Aug. 30") between a date or place and a trigger
        // means they belong to different clauses.
        // "Hours before the missiles were launched, a crush of mourners … killed 56": a
        // fronted time clause ends at its comma; the main clause after it is another matter.
        let fronted_end = fronted_clause_end(&tokens);
        let clause_barrier = |a: usize, b: usize| -> bool {
            relatives_here
                .iter()
                .any(|r| a <= r.span[0] && r.span[1] <= b)
                || (subordinate_between(&tokens, a, b) && !casualty_head_when(&tokens, a, b))
                || fronted_end.is_some_and(|e| a <= e && e <= b)
        };
        let kept_at_first = keep.clone();
        let trigger_starts: Vec<usize> = found.iter().map(|t| t.span[0]).collect();
        // "struck depots on Thursday after a rocket attack on …": what stands before the
        // relation word belongs to the head clause, not to the attack it recalls.
        // Only when the head clause has an attack of its own: in "25 fighters were killed on
        // Sunday after three air strikes" the strikes are the event the date is about.
        let relation_at: Vec<Option<usize>> = found
            .iter()
            .map(|t| {
                relation_word_before(&tokens, t).filter(|&r| {
                    found.iter().zip(&kept_at_first).zip(&siege_told_again).any(
                        |((h, &kept), &again)| {
                            (kept || again || ends_a_siege(&tokens, h)) && h.span[1] <= r
                        },
                    )
                })
            })
            .collect();
        // A head clause that only reacts ("Iran vowed revenge on Saturday after a drone strike
        // killed …") keeps its date and place to itself too; the attack it reacts to is still
        // the story's news, not a recalled one.
        let reaction_head_at: Vec<Option<usize>> = found
            .iter()
            .zip(&relation_at)
            .map(|(t, rel)| {
                relation_word_before(&tokens, t).filter(|&r| {
                    rel.is_none()
                        && tokens.iter().take_while(|k| k.span[1] <= r).any(|k| {
                            is_reaction_verb(k.lower())
                                || is_vow_verb(k.lower())
                                || is_diplomatic_reply_verb(k.lower())
                        })
                })
            })
            .collect();
        let nearest_in_clause = |span: Span| -> Option<usize> {
            let mut best = None;
            let mut best_key = (true, usize::MAX);
            for (i, t) in found.iter().enumerate() {
                let before = span[1] <= t.span[0];
                let (d, gap) = if before {
                    // Before the trigger: a little further than after ("on Sunday" follows).
                    ((t.span[0] - span[1]) * 3 / 2, (span[1], t.span[0]))
                } else {
                    (span[0].saturating_sub(t.span[1]), (t.span[1], span[0]))
                };
                // Asked only of a trigger nearer than the best so far.
                let blocked = || {
                    if before {
                        // "fired at the airport late Wednesday, in the first such attack": what
                        // precedes the comma of a background apposition is the main clause's.
                        clause_barrier(span[1], t.span[0])
                            || (!kept_at_first[i] && comma_between(&tokens, span[1], t.span[0]))
                            // "… were killed near the village on Saturday, officials said, in
                            // one of the deadliest attacks this year": the ranking after the
                            // comma is no clause of its own to date.
                            || (ranks_an_attack(&tokens, t)
                                && comma_between(&tokens, span[1], t.span[0]))
                            || relation_at[i].is_some_and(|r| span[1] <= r)
                            || reaction_head_at[i].is_some_and(|r| span[1] <= r)
                            || reported_after(&tokens, span[1], t.span[0])
                    } else {
                        clause_barrier(t.span[1], span[0])
                            || relation_after(&tokens, &trigger_starts, t.span[1], span[0])
                    }
                };
                // ", and two rockets fell …": a coordinated clause with its own trigger keeps
                // its own date and place; across the coordination only when no trigger is
                // nearer on the same side.
                let key = (coordination_between(&tokens, gap.0, gap.1), d);
                if key < best_key && !blocked() {
                    best_key = key;
                    best = Some(i);
                }
            }
            best
        };
        let nearest = |span: Span| -> usize {
            let mut best = 0;
            let mut best_d = usize::MAX;
            for (i, t) in found.iter().enumerate() {
                let d = if span[1] <= t.span[0] {
                    (t.span[0] - span[1]) * 3 / 2
                } else {
                    span[0].saturating_sub(t.span[1])
                };
                if d < best_d {
                    best_d = d;
                    best = i;
                }
            }
            best
        };
        let mut per_trigger: Vec<(Vec<&DateHit>, Vec<&PlaceHit>, Vec<ClaimHit>)> = found
            .iter()
            .map(|_| (Vec::new(), Vec::new(), Vec::new()))
            .collect();
        // Triggers that a date modifies ("Monday's bombing"): that date is theirs alone.
        let mut modified = vec![false; found.len()];
        for d in &dates_here {
            if let Some(i) = trigger_modified_by_date(body, d.span, &found) {
                per_trigger[i].0.push(d);
                modified[i] = true;
                continue;
            }
            if dates_another_noun(body, d.span, &trigger_starts) {
                continue;
            }
            // "Activists have been killed since protests erupted in October 2019, among them a
            // researcher gunned down in July last year": the date of the "since" clause opens
            // a period; with another date in the sentence it dates no attack.
            if in_since_clause(body, d.span) && dates_here.iter().any(|o| o.span != d.span) {
                continue;
            }
            // "the deadliest attack since March 4 last year, when a bomber struck a mosque":
            // the day that opened the period is the day of the attack the "when" clause tells,
            // not of the attack word before "since".
            if is_since_date(body, d.span)
                && nearest_in_clause(d.span).is_some_and(|i| found[i].span[1] <= d.span[0])
                && let Some(i) = trigger_in_when_clause(body, &trigger_starts, d.span)
            {
                per_trigger[i].0.push(d);
                continue;
            }
            if let Some(i) = nearest_in_clause(d.span)
                .or_else(|| when_clause_trigger(body, &trigger_starts, d.span))
            {
                per_trigger[i].0.push(d);
            }
        }
        for (i, (ds, _, _)) in per_trigger.iter_mut().enumerate() {
            if modified[i] {
                ds.retain(|d| trigger_modified_by_date(body, d.span, &found) == Some(i));
            }
        }
        // "At the end of August, missiles fired by aircraft struck a meeting …": a date that
        // opens the sentence dates every attack word of its main clause, not only the nearest.
        // "- 3 May: Two soldiers were killed when their vehicle hit a mine": the day that
        // labels an entry dates all it tells, the clause of the cause too.
        if let Some((d, label)) = opening_date(body, sspan, &dates_here) {
            let clause_end = body[d.span[1]..sspan[1]]
                .find(';')
                .map_or(sspan[1], |i| d.span[1] + i);
            for (i, t) in found.iter().enumerate() {
                if t.span[0] >= d.span[1]
                    && t.span[1] <= clause_end
                    && per_trigger[i].0.is_empty()
                    && relation_at[i].is_none()
                    && !relatives_here
                        .iter()
                        .any(|r| d.span[1] <= r.span[0] && r.span[1] <= t.span[0])
                    && (label || !subordinate_between(&tokens, d.span[1], t.span[0]))
                {
                    per_trigger[i].0.push(d);
                }
            }
        }
        for p in &places_here {
            if let Some(i) = nearest_in_clause(p.span) {
                per_trigger[i].1.push(p);
            }
        }
        for c in claims_here {
            // "strikes … killed 25 fighters, and in January a drone killed the general": a
            // toll belongs to its own clause's attack, not to a nearer one across ", and".
            let i = nearest_in_clause(c.span).unwrap_or_else(|| nearest(c.span));
            let i = ranked_attack_holder(&tokens, &found, &kept_at_first, i).unwrap_or(i);
            let t = found[i].span;
            let (a, b) = if c.span[0] < t[0] {
                (c.span[1], t[0])
            } else {
                (t[1], c.span[0])
            };
            if !fronted_end.is_some_and(|e| a <= e && e <= b) {
                per_trigger[i].2.push(c);
            }
        }
        for (i, t) in found.iter().enumerate() {
            // "One hit the base in May, and earlier this month drones were intercepted": a
            // date or place across a coordination is another clause's, even when that clause
            // reports nothing; the trigger keeps those of its own clause when it has any.
            let across = |span: Span| {
                let (a, b) = if span[1] <= t.span[0] {
                    (span[1], t.span[0])
                } else {
                    (t.span[1], span[0])
                };
                coordination_between(&tokens, a, b)
            };
            let (ds, ps, _) = &mut per_trigger[i];
            if ds.iter().any(|d| !across(d.span)) {
                ds.retain(|d| !across(d.span));
            }
            if ps.iter().any(|p| !across(p.span)) {
                ps.retain(|p| !across(p.span));
            }
            let ds = &mut per_trigger[i].0;
            // "Since October, dozens of rockets have been fired": a period, not the day of an
            // attack; only a "since …, when" clause names the attack that opened the period.
            // "since the February raid" names the attack that opened the period: a month
            // written right before the trigger dates that attack.
            let opens_period = |d: &&DateHit| {
                is_since_date(body, d.span)
                    && !(d.span[1] <= t.span[0] && when_between(&tokens, d.span[1], t.span[0]))
                    // "since last week's strikes" too: the possessive date is the strikes'.
                    && !(d.span[1] <= t.span[0]
                        && body
                            .get(d.span[1]..t.span[0])
                            .is_some_and(|g| matches!(g.trim(), "" | "'s" | "\u{2019}s")))
            };
            if !ds.is_empty() && ds.iter().all(opens_period) {
                keep[i] = false;
            }
            ds.retain(|d| !opens_period(d));
            // "a series of bombings … on Saturday": one day's attack, told as a series.
            if rescuable[i]
                && ds
                    .iter()
                    .any(|d| !d.soft && d.range.precision == DatePrecision::Day)
            {
                keep[i] = true;
            }
        }
        let trigger_spans: Vec<Span> = found.iter().map(|t| t.span).collect();
        let sieges_ended: Vec<bool> = found
            .iter()
            .zip(&siege_told_again)
            .map(|(t, &again)| again || ends_a_siege(&tokens, t))
            .collect();
        // The site of a siege the sentence tells the end of: the site of the storming.
        let mut siege_site: Vec<PlaceHit> = Vec::new();
        let trigger_tokens: Vec<usize> = found.iter().map(|t| t.token).collect();
        // Triggers that name their weapon or carry a date: an anchor a count of days can be
        // counted from ("The barrage came a day after …", "The attack on Saturday came …").
        let firm_anchor: Vec<bool> = found
            .iter()
            .zip(&per_trigger)
            .map(|(t, (ds, _, _))| t.kind.is_some() || !ds.is_empty())
            .collect();
        for (ti, ((t, (ds, ps, cs)), kept)) in
            found.into_iter().zip(per_trigger).zip(keep).enumerate()
        {
            if !kept {
                if sieges_ended[ti] {
                    siege_site = ps.iter().map(|p| (*p).clone()).collect();
                }
                if t.generic && !ps.is_empty() {
                    topic = Some((k, ps.into_iter().cloned().collect()));
                }
                kept_index.push(None);
                continue;
            }
            let has_date = !ds.is_empty();
            let actors_here = actors_here.get_or_insert_with(|| actors::find_actors(body, sspan));
            let roles = actors::assign_roles(&tokens, actors_here, &t);
            let mut kind = t.kind;
            // "Since then there have been several more, including one on the base in May":
            // one more of the attacks just told, left unsaid.
            let series_member = kind.is_none()
                && (triggers::series_member_subject(&tokens, t.token)
                    || triggers::included_after_elliptic_more(&tokens, t.token))
                && series_or_weapon.is_some();
            if series_member {
                kind = series_or_weapon;
            }
            // "Jets struck several targets. Residents said one strike hit a house"; "drones and
            // missiles hit depots. … one strike set a depot ablaze": one of the attacks just
            // told, of their kind (else of the series or weapon named last).
            let one_of = if kind.is_none() && t.token > 0 && tokens[t.token - 1].lower() == "one" {
                candidates
                    .last()
                    .filter(|c| c.sentence + 1 >= k)
                    .and_then(|c| c.kind)
                    .or(series_or_weapon)
            } else {
                None
            };
            if let Some(recent) = one_of {
                kind = Some(recent);
            }
            let perp_state = roles
                .perpetrator
                .is_some_and(|(name, _)| actors::is_state_air(name))
                && roles.qualifier.is_none();
            if kind.is_none() && perp_state && t.hint == EventKind::Airstrike {
                kind = Some(EventKind::Airstrike);
            }
            if kind == Some(EventKind::DroneAttack) && perp_state {
                kind = Some(EventKind::DroneStrike);
            }
            // "Later the same day, air strikes hit the area around the crossing": a count of
            // days from the attack just told dates them as well as a date would.
            // So does "The barrage came a day after US strikes on depots", counted back from
            // an attack of a named weapon or a date; not from a bare "The attack", which may
            // be any attack the story told.
            let counted_date = relatives_here.iter().any(|r| {
                r.span[1] <= t.span[0]
                    && (relation_at[ti].is_none() || !clause_barrier(r.span[1], t.span[0]))
                    && trigger_spans
                        .iter()
                        .zip(&firm_anchor)
                        .filter(|(s, _)| s[0] < r.span[1])
                        .all(|(_, &firm)| firm)
                    && (relation_at[ti].is_some()
                        || trigger_spans.iter().all(|s| s[0] >= r.span[1]))
            });
            if t.bare_plural && !has_date && !counted_date && k >= lead_end {
                // "three rocket attacks on facilities in Iraq": background summary.
                if !cs.is_empty()
                    && !tells_a_running_total(body.get(sspan[0]..sspan[1]).unwrap_or(""))
                {
                    summary_tolls.push((k, t.kind.unwrap_or(t.hint), cs));
                }
                kept_index.push(None);
                continue;
            }
            kept_index.push(Some(candidates.len()));
            // "the operation, launched late on Saturday, was punishment for an air strike on
            // the consulate on April 1": with a stated day after the trigger, a date some words
            // before it belongs to the sentence's head. Not against "last Saturday's truck
            // bombing" (right before), nor for "within the past week" or "said on Friday".
            // "funerals on Tuesday for fighters killed in airstrikes at the weekend": a weekend
            // or week written right after the attack word is as much its own.
            let own_day_after = |d: &&DateHit| {
                d.span[0] >= t.span[1]
                    && !d.soft
                    && (d.range.precision == DatePrecision::Day
                        || (d.range.precision == DatePrecision::Week
                            && week_right_after(body, t.span, d.span)))
            };
            // "began mourning on Saturday after gunmen killed 132 people in an overnight raid":
            // across "after", a date before it is the head clause's however close it is.
            let distant_before = |d: &&DateHit| {
                d.span[1] <= t.span[0] && {
                    let gap = &body[d.span[1]..t.span[0]];
                    gap.split_whitespace().count() > 3
                        || gap
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w.eq_ignore_ascii_case("after"))
                }
            };
            let ds: Vec<&DateHit> = if ds.iter().any(own_day_after) && ds.iter().any(distant_before)
            {
                ds.into_iter().filter(|d| !distant_before(d)).collect()
            } else {
                ds
            };
            // "visiting the town on Sunday, condemned the attacks": a reference back to a known
            // attack ("the attacks") takes only a date written next to it ("Sunday's attack",
            // "the attack on Sunday"), not one of another verb before it.
            let ds: Vec<&DateHit> =
                if t.definite && t.kind.is_none() && object_of_reaction(&tokens, &t) {
                    ds.into_iter()
                        .filter(|d| {
                            d.span[0] >= t.span[1]
                                || body
                                    .get(d.span[1]..t.span[0])
                                    .is_none_or(|g| g.split_whitespace().count() <= 1)
                        })
                        .collect()
                } else if t.definite {
                    // "speaking at the funeral on Tuesday, said the victims were asleep when
                    // the rocket hit": a date before a verb of saying is the speaker's.
                    ds.into_iter()
                        .filter(|d| {
                            d.span[0] >= t.span[1]
                                || !body
                                    .get(d.span[1]..t.span[0])
                                    .unwrap_or("")
                                    .split_whitespace()
                                    .any(|w| {
                                        matches!(
                                            w.trim_matches(|c: char| !c.is_alphanumeric()),
                                            "said" | "says" | "told" | "added" | "speaking"
                                        )
                                    })
                        })
                        .collect()
                } else {
                    ds
                };
            // "Pope Francis, who condemned the bombing, said on Sunday he would visit in
            // March", "The attack broke a truce announced in October": after a reference back
            // to a known attack, a date past a verb of saying or announcing is that verb's
            // (or of what was said), not the attack's.
            let ds: Vec<&DateHit> = if t.definite && t.kind.is_none() {
                ds.into_iter()
                    .filter(|d| {
                        d.span[0] < t.span[1]
                            || !past_the_aside(body.get(t.span[1]..d.span[0]).unwrap_or(""))
                                .split_whitespace()
                                .any(is_saying_verb)
                    })
                    .collect()
            } else {
                ds
            };
            // "Iran on Saturday condemned U.S. air strikes on …": the attack is the object of
            // a reaction verb, and a date written before that verb is the reaction's, not the
            // attack's; the attack keeps the date of the clause that reports it.
            let ds: Vec<&DateHit> = match reaction_verb_before(&tokens, &t) {
                Some(verb) => ds.into_iter().filter(|d| d.span[1] > verb).collect(),
                None => ds,
            };
            // "Zelensky announced the attack late on Wednesday in an address to the Security
            // Council in New York": after the lead, a reference back that a verb of announcing
            // governs is dated and placed by the announcement, except for what is written
            // right next to it ("Sunday's attack", "the attack on Erbil").
            let announced = k >= lead_end
                && t.definite
                && ((t.kind.is_none() && object_of_announcement(&tokens, &t))
                    || object_of_claim(&tokens, &t));
            let next_to = |span: Span| {
                let gap = if span[1] <= t.span[0] {
                    body.get(span[1]..t.span[0])
                } else {
                    body.get(t.span[1]..span[0])
                };
                gap.is_some_and(|g| g.split_whitespace().count() <= 1)
            };
            let ds: Vec<&DateHit> = if announced {
                ds.into_iter()
                    .filter(|d| {
                        (d.span[1] <= t.span[0] && next_to(d.span))
                            || dates_own_phrase(body, t.span, d.span, &ps)
                    })
                    .collect()
            } else {
                ds
            };
            let ps: Vec<&PlaceHit> = if announced {
                ps.into_iter().filter(|p| next_to(p.span)).collect()
            } else {
                ps
            };
            let (ds, head_day) = head_day_before_after(body, sspan, &tokens, &t, ds);
            let site_dates: Vec<DateHit> = ds.iter().map(|d| (*d).clone()).collect();
            let date = best_date(ds.into_iter())
                .cloned()
                .map(|d| DateHit {
                    soft: d.soft || head_day,
                    ..d
                })
                // A timeline entry's sentences are dated by its label, not by the page.
                .or_else(|| entry.as_ref().map(|(_, day, _)| day.clone()));
            // A state does not strike its own capital: "Iran's missile attack on Iraqi bases
            // and Tehran appears to be standing down" is not an attack in Tehran.
            let home = roles.perpetrator.and_then(|(name, _)| home_country(name));
            let ps: Vec<&PlaceHit> = ps
                .into_iter()
                .filter(|p| home.is_none_or(|h| p.place.country.as_deref() != Some(h)))
                // "In Baghdad, the prime minister called the strikes …", "said Tehran had
                // nothing to do with the attack": a reference back ("the strikes") is placed
                // only by what is written next to it ("the Erbil attack", "the attack on
                // Erbil"), not by the place of another verb before it.
                .filter(|p| {
                    !(t.definite && t.kind.is_none())
                        || p.span[0] >= t.span[1]
                        || body
                            .get(p.span[1]..t.span[0])
                            .is_none_or(|g| g.split_whitespace().count() <= 1)
                })
                .collect();
            let topic_or_own: Vec<PlaceHit> = match &topic {
                // "Balad has been hit several times since 2020, when eight rockets wounded
                // four airmen"; "… has been hit repeatedly. In May, gunmen stormed a ward
                // in the district": a dated attack with no site of its own is at the site
                // whose history the text is telling.
                Some((tk, tp))
                    if ps.is_empty() && date.is_some() && kind.is_some() && *tk + 1 >= k =>
                {
                    tp.clone()
                }
                // "Two rockets fell on the base in April, and in May a barrage hit it": "it" is
                // the site just named.
                // "fighting to retake Kunduz since insurgents overran the city on Monday": the
                // city is the town named before it in the sentence, whatever clause it is in.
                _ if ps.is_empty()
                    && object_is_the_town(&tokens, &t)
                    && let Some(p) = inside(&input.places, places_sorted, sspan, place_span)
                        .filter(|p| p.span[1] <= t.span[0] && is_site_or_town(&p.place))
                        .last() =>
                {
                    vec![p.clone()]
                }
                _ if ps.is_empty() && object_is_it(body, &tokens, &t) => candidates
                    .last()
                    .filter(|c| c.sentence + 1 >= k)
                    .map(|c| c.places.clone())
                    .unwrap_or_default(),
                // "**11 March 2020 – Camp Taji.** Around 18 rockets killed …": the entry's
                // first sentence tells what happened at the place of its label.
                _ if ps.is_empty()
                    && !answers_with(&tokens, &t)
                    && let Some((_, _, places)) =
                        entry.as_ref().filter(|(lk, _, _)| lk + 1 == k) =>
                {
                    places.clone()
                }
                _ => ps.into_iter().cloned().collect(),
            };
            let bearing: Vec<Span> = topic_or_own
                .iter()
                .filter(|p| gives_a_bearing(body, p.span))
                .map(|p| p.span)
                .collect();
            candidates.push(Candidate {
                bearing,
                after_lead: k >= lead_end,
                sentence: k,
                sentence_span: sspan,
                qualifier: roles.qualifier.clone(),
                roles,
                kind,
                date,
                places: topic_or_own,
                partitive: partitive_of_the(&tokens, &t),
                demonstrative: tokens
                    .iter()
                    .rposition(|x| x.span[1] <= t.span[0])
                    .is_some_and(|i| matches!(tokens[i].lower(), "that" | "this")),
                after_the: tokens
                    .iter()
                    .rposition(|x| x.span[1] <= t.span[0])
                    .is_some_and(|i| tokens[i].lower() == "the"),
                claims: cs,
                fresh: marks_new_event(&tokens, &t)
                    || follows_similar(&tokens, &t)
                    || series_member,
                similar: follows_similar(&tokens, &t),
                response: answers_with(&tokens, &t),
                answers_launch_points: answers_launch_points(&tokens, &t),
                recalled: relation_at[ti].is_some() || mourned_attack(&tokens, &t),
                trigger: t,
                relative: None,
                ci: 0,
                joins: None,
            });
            let last = candidates.len() - 1;
            // "Earlier this month, rockets landed at Balad, and there were others at …": more
            // of the weapon just named share its date unless they state their own.
            if last > 0
                && candidates[last].date.is_none()
                && candidates[last - 1].sentence == k
                && tokens
                    .get(candidates[last].trigger.token)
                    .is_some_and(|x| x.lower() == "others")
            {
                candidates[last].date = candidates[last - 1].date.clone();
            }
            if let Some(((p1, d1), (p2, d2))) =
                two_dated_sites(body, &candidates[last].places, &site_dates)
            {
                candidates[last].places = vec![p1];
                candidates[last].date = Some(d1);
                let mut second = candidates[last].clone();
                second.places = vec![p2];
                second.date = Some(d2);
                second.claims = Vec::new();
                candidates.push(second);
            }
        }
        // "jihadists killed 80 villagers in an attack on Gubio": two triggers of one clause,
        // with nothing between them that introduces another event (a coordination, "after",
        // "in response to", "since … when"), report the same attack.
        let kept_here: Vec<(usize, usize)> = kept_index
            .iter()
            .enumerate()
            .filter_map(|(ti, ci)| ci.map(|ci| (ti, ci)))
            .collect();
        for w in kept_here.windows(2) {
            let ((ta, ca), (tb, cb)) = (w[0], w[1]);
            let (a, b) = (trigger_spans[ta][1], trigger_spans[tb][0]);
            // "were fired …, and struck the base": one subject, one attack.
            let shared_subject = tokens.iter().position(|k| k.span[0] == b).is_some_and(|i| {
                i > 0 && tokens[i - 1].lower() == "and" && is_past_verb(tokens[i].lower())
            });
            if a >= b
                || clause_barrier(a, b)
                || (coordination_between(&tokens, a, b) && !shared_subject)
                || introduces_other_event(&tokens, a, b)
            {
                continue;
            }
            let (x, y) = (&candidates[ca], &candidates[cb]);
            let pooled_date = if x.date.is_none() {
                y.date.clone()
            } else {
                None
            };
            let dates_agree = match (&x.date, &y.date) {
                (Some(p), Some(q)) => dates_compatible(p, q) && !explicit_days_differ(p, q),
                _ => true,
            };
            let places_agree = place_sets_compatible(
                gaz,
                x.places.iter().map(|p| &p.place),
                y.places.iter().map(|p| &p.place),
            );
            let complex = one_complex_attack(x.kind, y.kind) && !tells_a_sequence(&tokens, a, b);
            if (kinds_compatible(x.kind, y.kind) || complex)
                && dates_agree
                && places_agree
                && !y.fresh
                && trigger_tokens[tb] > trigger_tokens[ta]
            {
                candidates[cb].joins = Some(ca);
                if complex {
                    candidates[cb].kind = candidates[ca].kind;
                }
                // The clause's date dates both words of it, whichever of them stands nearer.
                if let Some(d) = pooled_date {
                    candidates[ca].date = Some(d);
                }
            }
        }
        // "A, three days after B" dates B from A; "B …, and A the following day" dates A
        // from B (or from the event before this sentence).
        for &r in &relatives_here {
            let Some(shift) = r.shift else { continue };
            let phrase = body[r.span[0]..r.span[1]].to_ascii_lowercase();
            let before_idx: Vec<usize> = (0..trigger_spans.len())
                .filter(|&i| trigger_spans[i][1] <= r.span[0])
                .collect();
            let after_idx: Vec<usize> = (0..trigger_spans.len())
                .filter(|&i| trigger_spans[i][0] >= r.span[1])
                .collect();
            // "Hours before, gunmen killed …": with no object, "before" and "after" are
            // adverbs like "earlier" and "later", counted from the event just told.
            // So are they at the end of the sentence or before a verb, with no attack after
            // them ("attacks on two plants the day before forced a shutdown").
            let before_or_after = phrase.ends_with("after") || phrase.ends_with("before");
            let adverb_at_the_end =
                before_or_after && after_idx.is_empty() && ends_as_an_adverb(&body[r.span[1]..]);
            let backward = before_or_after
                && !body[r.span[1]..].trim_start().starts_with(',')
                && !adverb_at_the_end;
            // "X happened on Monday, three days after a missile strike": with no trigger before
            // the phrase, the strike is dated from the sentence's own date, which must not
            // pass into the "after" clause.
            if backward
                && before_idx.is_empty()
                && let Some(&t) = after_idx.first()
                && let Some(ti) = kept_index[t]
                && let Some(main) = dates_here
                    .iter()
                    .rfind(|d| d.span[1] <= r.span[0] && d.range.precision == DatePrecision::Day)
            {
                // "On 2 January, the day before the ambush, a mine killed two": the phrase is an
                // aside on the date, closed by a comma; the main clause after it happened on
                // the date itself, and only the aside's event is a day off.
                let aside_on_the_date = body[main.span[1]..r.span[0]].trim() == ",";
                if aside_on_the_date && body[r.span[1]..trigger_spans[t][0]].contains(',') {
                    let mut hit = (*main).clone();
                    hit.reasoning = format!(
                        "{}; '{}' is an aside about another event",
                        main.reasoning,
                        &body[r.span[0]..r.span[1]]
                    );
                    candidates[ti].date = Some(hit);
                    continue;
                }
                let expr = &body[r.span[0]..r.span[1]];
                let shifted = relative_range(&main.range, -shift, expr);
                candidates[ti].date = Some(DateHit {
                    span: r.span,
                    range: shifted,
                    reasoning: format!(
                        "'{expr}' {:+} day(s) from {} -> {}",
                        -shift,
                        crate::extract::dates::format_range(&main.range),
                        crate::extract::dates::format_range(&shifted)
                    ),
                    soft: false,
                    // Counted from a night, the day may be one off: a stated day beats it.
                    shift: (hours_phrase(expr) || main.night).then_some(0),
                    night: false,
                });
                continue;
            }
            if !backward
                && let Some(&t) = after_idx.first()
                && let Some(ti) = kept_index[t]
                && let Some(hit) = counted_from_day_written_before(body, &dates_here, r, shift)
            {
                candidates[ti].date = Some(hit);
                continue;
            }
            if after_idx.is_empty() && said_with_a_count_after(body, &trigger_spans, r) {
                continue;
            }
            let (target, anchor, delta) = if backward && before_idx.is_empty() {
                // "Hours after the Taji attack, aircraft struck …": a fronted phrase names the
                // event it counts from; the main clause's trigger after it is dated from that.
                match (after_idx.first(), after_idx.get(1)) {
                    (Some(&a), Some(&t)) => (kept_index[t], kept_index[a], shift),
                    // "Hours before that, rockets hit …": "that" is the event just told.
                    (Some(&t), None) if names_event_just_told(&body[r.span[1]..]) => {
                        (kept_index[t], first_candidate.checked_sub(1), shift)
                    }
                    _ => continue,
                }
            } else if backward {
                // "The attack came three days after a rocket strike killed two, and a day
                // after aircraft bombed depots": a second count in a row runs from the same
                // head as the first, not from the attack the first one recalled.
                let earlier_count = relatives_here.iter().find(|o| {
                    o.span[1] <= r.span[0] && o.shift.is_some() && {
                        let p = body[o.span[0]..o.span[1]].to_ascii_lowercase();
                        p.ends_with("after") || p.ends_with("before")
                    }
                });
                let head = match earlier_count {
                    Some(o) => before_idx
                        .iter()
                        .rev()
                        .find(|&&i| trigger_spans[i][1] <= o.span[0]),
                    None => before_idx.last(),
                };
                let (Some(&t), Some(&a)) = (after_idx.first(), head) else {
                    continue;
                };
                // "The army also carried out a drone strike in the east a day after the airport
                // bombing": a new, undated attack counted from one the story already told ("the
                // bombing") is what the count dates; the known attack keeps its own day.
                let new_undated_head = kept_index[a].is_some_and(|ai| {
                    let head = &candidates[ai];
                    !head.trigger.definite && head.date.is_none()
                });
                if new_undated_head
                    && kept_index[t].is_some_and(|ti| candidates[ti].trigger.definite)
                {
                    continue;
                }
                (
                    kept_index[t],
                    kept_index[a].or_else(|| first_candidate.checked_sub(1)),
                    -shift,
                )
            } else if before_idx.is_empty() {
                // "Ten days later, jets struck …": the phrase opens the sentence and dates the
                // trigger after it from the event before this sentence, as a story told in
                // order does; so do "The same day, …" and "Earlier in the evening, …".
                // "The previous day, …" looks back from the story's main event (the lead's),
                // not from the last one told.
                let Some(&t) = after_idx.first() else {
                    continue;
                };
                let anchor = if shift >= 0 {
                    first_candidate.checked_sub(1)
                } else {
                    (first_candidate > 0).then_some(0)
                };
                (kept_index[t], anchor, shift)
            } else {
                let Some(&t) = before_idx.last() else {
                    continue;
                };
                // "Saudi Arabia was working on Sunday to restore output after drone attacks the
                // day before": the one attack of the sentence is counted from the day the
                // sentence states before it, not from an event told earlier.
                if adverb_at_the_end
                    && before_idx.len() == 1
                    && let Some(ti) = kept_index[t]
                    && dates_here
                        .iter()
                        .any(|d| d.span[1] <= trigger_spans[t][0] && d.states_a_day())
                    && let Some(hit) = counted_from_day_written_before(body, &dates_here, r, shift)
                {
                    candidates[ti].date = Some(hit);
                    continue;
                }
                // "ended a siege … early on Monday after gunmen stormed the hotel a day
                // earlier": counted from the day the siege ended, which dates no event.
                if let Some(&a) = before_idx.iter().rev().nth(1)
                    && sieges_ended[a]
                    && let Some(ti) = kept_index[t]
                    && candidates[ti].date.is_none()
                    && let Some(end) = dates_here.iter().rfind(|d| {
                        trigger_spans[a][1] <= d.span[0]
                            && d.span[1] <= r.span[0]
                            && d.range.precision == DatePrecision::Day
                    })
                {
                    if candidates[ti].places.is_empty() {
                        candidates[ti].places = siege_site.clone();
                    }
                    let expr = &body[r.span[0]..r.span[1]];
                    let shifted = relative_range(&end.range, shift, expr);
                    candidates[ti].date = Some(DateHit {
                        span: r.span,
                        range: shifted,
                        reasoning: format!(
                            "'{expr}' {shift:+} day(s) from the siege's end {} -> {}",
                            crate::extract::dates::format_range(&end.range),
                            crate::extract::dates::format_range(&shifted)
                        ),
                        soft: false,
                        shift: None,
                        night: false,
                    });
                    continue;
                }
                let anchor = before_idx
                    .iter()
                    .rev()
                    .nth(1)
                    .and_then(|&a| kept_index[a])
                    .or_else(|| first_candidate.checked_sub(1));
                (kept_index[t], anchor, shift)
            };
            if let (Some(t), Some(a)) = (target, anchor)
                && t != a
                && candidates[t].date.is_none()
            {
                candidates[t].relative = Some((a, delta, r.clone()));
            }
        }
    }

    for c in &candidates {
        if candidate_sentences.last() != Some(&c.sentence) {
            candidate_sentences.push(c.sentence);
        }
    }
    let news_date = news_date(input, lead_end);
    // Merge candidates into drafts, in text order.
    let mut drafts: Vec<Draft> = Vec::new();
    let mut deferred: Vec<Candidate> = Vec::new();
    let mut draft_of: Vec<Option<usize>> = Vec::with_capacity(candidates.len());
    // Candidates dated by a count from another event ("hours earlier", "two days later").
    let mut counted_from_another: Vec<usize> = Vec::new();
    for (ci, mut c) in candidates.into_iter().enumerate() {
        // "A, a day after a strike on B": the attack a date is counted from is another one.
        let mut counted_from: Option<usize> = None;
        if let Some((anchor, delta, hit)) = c.relative.take()
            && let Some(Some(di)) = draft_of.get(anchor)
            && let Some(anchor_date) = drafts[*di].date().filter(|d| {
                // "In February, rockets hit the airport. Ten days later, jets struck …": a
                // month-dated anchor gives a month-wide window shifted by the count.
                matches!(d.range.precision, DatePrecision::Day | DatePrecision::Month)
            })
        {
            let expr = &body[hit.span[0]..hit.span[1]];
            // "The second attacker blew himself up moments later": a count of minutes or
            // moments is a stage of the same attack (twin bombers, a follow-up blast among
            // the rescuers); only a count of hours or days tells another event.
            let within_minutes = expr.split_whitespace().next().is_some_and(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "moments" | "minutes" | "seconds"
                )
            });
            if delta != 0 || (hours_phrase(expr) && !within_minutes) {
                counted_from = Some(*di);
                counted_from_another.push(ci);
            }
            let shifted = relative_range(&anchor_date.range, delta, expr);
            c.date = Some(DateHit {
                span: hit.span,
                range: shifted,
                reasoning: format!(
                    "'{expr}' {delta:+} day(s) from the event dated {} -> {}",
                    crate::extract::dates::format_range(&anchor_date.range),
                    crate::extract::dates::format_range(&shifted)
                ),
                soft: false,
                // "a day after" an overnight attack may be either of two days: a day the text
                // states for the attack beats the count ("took place early on Wednesday").
                shift: (hours_phrase(expr) || anchor_date.night).then_some(0),
                night: false,
            });
        }
        c.ci = ci;
        if let Some(head) = c.joins
            && let Some(Some(di)) = draft_of.get(head).copied()
            && (compatible(gaz, &drafts[di], &c) || {
                // "The attack began when a car bomb exploded": a stage of the assault.
                let stage = one_complex_attack(drafts[di].kind, c.kind);
                if stage {
                    c.kind = drafts[di].kind;
                }
                stage && compatible(gaz, &drafts[di], &c)
            })
        {
            drafts[di].kind = refine_kind(drafts[di].kind, c.kind);
            drafts[di].mentions.push(c);
            draft_of.push(Some(di));
            continue;
        }
        if c.similar
            && c.kind.is_none()
            && let Some(k) = drafts.last().and_then(|d| d.kind)
        {
            c.kind = Some(k);
        }
        // Fire returned at the launch points of the attack just told is another event (the
        // defender's shelling) at that attack's site and on its day: the launchers stood close
        // by, and counter-battery fire answers within minutes.
        if c.answers_launch_points
            && c.date.is_none()
            && !c.places.iter().any(|p| is_site_or_town(&p.place))
            && let Some(i) = drafts.iter().rposition(|d| {
                d.kind.is_some_and(|k| {
                    k.same_family(EventKind::RocketAttack) || k.same_family(EventKind::DroneAttack)
                })
            })
        {
            let d = &drafts[i];
            c.date = d.date().cloned();
            c.places = d
                .places()
                .filter(|p| is_site_or_town(&p.place))
                .min_by_key(|p| p.place.precision)
                .cloned()
                .into_iter()
                .collect();
            // "… came under rocket fire and responded with artillery" told first: the
            // counter-battery fire is that response again.
            if let Some(j) = drafts
                .iter()
                .rposition(|e| e.kind == c.kind && compatible(gaz, e, &c))
            {
                drafts[j].mentions.push(c);
                draft_of.push(Some(j));
                continue;
            }
            drafts.push(Draft {
                kind: c.kind,
                hint: c.kind.unwrap_or(c.trigger.hint),
                mentions: vec![c],
                extra_claims: Vec::new(),
                extra_places: Vec::new(),
            });
            draft_of.push(Some(drafts.len() - 1));
            continue;
        }
        // A response is another event than the attacks before it: with a date or site of its
        // own it opens one, and without, it cannot be placed in time and joins none of them.
        if c.response && !can_stand_alone(&c, lead_end) {
            draft_of.push(None);
            continue;
        }
        if let Some(i) = event_named_by_target(body, &drafts, &c) {
            let d = &mut drafts[i];
            d.kind = refine_kind(d.kind, c.kind);
            d.mentions.push(c);
            draft_of.push(Some(i));
            continue;
        }
        let anchored = c.date.is_some() || !c.places.is_empty();
        // "also hit … in X" names a further site; "a second"/"another" needs no site.
        let further = (c.fresh || c.response)
            && (!c.places.is_empty() || !c.trigger.definite)
            && !drafts.is_empty()
            && can_stand_alone(&c, lead_end);
        let target = drafts
            .iter()
            .enumerate()
            .rev()
            .filter(|_| !further)
            .filter(|(i, _)| counted_from != Some(*i))
            .filter(|(_, d)| compatible(gaz, d, &c))
            .filter(|(_, d)| !dated_away_from_the_news(d, &c, news_date.as_ref()))
            .max_by_key(|(i, d)| {
                if c.demonstrative && c.kind.is_none() {
                    // "Islamic State claimed that attack": the one just named.
                    (0, d.last_sentence(), *i)
                } else {
                    (
                        score_match(gaz, d, &c, lead_end, news_date.as_ref()),
                        d.last_sentence(),
                        *i,
                    )
                }
            })
            .map(|(i, _)| i);
        match target {
            Some(i)
                if anchored
                    || c.trigger.definite
                    || c.kind.is_none()
                    || c.sentence <= drafts[i].last_sentence() + 3 =>
            {
                let d = &mut drafts[i];
                d.kind = refine_kind(d.kind, c.kind);
                d.mentions.push(c);
            }
            None if c.partitive
                && c.date.is_none()
                && let Some(i) = drafts
                    .iter()
                    .rposition(|d| d.kind.is_some() && kinds_compatible(d.kind, c.kind)) =>
            {
                // "Many of the missiles targeted power plants, including in Lviv", paragraphs
                // after the barrage: part of that salvo, and its town a further site of it.
                let mut c = c;
                drafts[i].extra_places.append(&mut c.places);
                drafts[i].kind = refine_kind(drafts[i].kind, c.kind);
                drafts[i].mentions.push(c);
            }
            None if c.trigger.definite
                && c.date.is_none()
                && recent_family_draft(&drafts, &c).is_some() =>
            {
                // "the rockets hit the base" right after the report: the same event, even if
                // the sentence also names a launch site or a speaker's town.
                let i = recent_family_draft(&drafts, &c).unwrap_or_default();
                let mut c = c;
                c.places.clear();
                drafts[i].kind = refine_kind(drafts[i].kind, c.kind);
                drafts[i].mentions.push(c);
            }
            None if c.kind == Some(EventKind::MissileAttack)
                && c.date.is_none()
                && recent_air_draft(gaz, &drafts, &c).is_some() =>
            {
                // "missiles hit two vehicles" right after a drone or air strike: the aircraft's
                // missiles, not a missile attack of their own.
                let i = recent_air_draft(gaz, &drafts, &c).unwrap_or_default();
                drafts[i].mentions.push(c);
            }
            None if assault_of_the_sentence(gaz, body, &drafts, &c).is_some() => {
                // "The attack on the hotel began on Sunday when a car bomb exploded at the
                // gate": the bomb is a stage of the assault its sentence tells.
                let i = assault_of_the_sentence(gaz, body, &drafts, &c).unwrap_or_default();
                let mut c = c;
                c.kind = drafts[i].kind;
                drafts[i].mentions.push(c);
            }
            None if c.kind == Some(EventKind::MissileAttack)
                && same_day_air_draft(body, &drafts, &c).is_some() =>
            {
                // "… killed by a US drone at the airport on Friday" and paragraphs later
                // "missiles struck two vehicles leaving the airport on January 3": the
                // aircraft's missiles, on the strike's day at its site.
                let i = same_day_air_draft(body, &drafts, &c).unwrap_or_default();
                drafts[i].mentions.push(c);
            }
            // "… after US warplanes bombed facilities in eastern Syria. That strike last
            // Thursday was ordered …": a demonstrative reference back with a date of its own
            // dates the attack just named, recalled without one; together they are an event.
            _ if c.demonstrative
                && c.kind.is_none()
                && c.date.is_some()
                && let Some(j) = deferred.iter().rposition(|p| {
                    p.kind.is_some() && p.date.is_none() && p.sentence + 1 >= c.sentence
                }) =>
            {
                let named = deferred.remove(j);
                drafts.push(Draft {
                    kind: named.kind,
                    hint: named.kind.unwrap_or(named.trigger.hint),
                    mentions: vec![named, c],
                    extra_claims: Vec::new(),
                    extra_places: Vec::new(),
                });
            }
            _ if can_stand_alone(&c, lead_end) => drafts.push(Draft {
                kind: c.kind,
                hint: c.kind.unwrap_or(c.trigger.hint),
                mentions: vec![c],
                extra_claims: Vec::new(),
                extra_places: Vec::new(),
            }),
            _ => {
                deferred.push(c);
                draft_of.push(None);
                continue;
            }
        }
        // Which draft took this candidate (the one whose last mention is it).
        let owner = drafts
            .iter()
            .position(|d| d.mentions.last().is_some_and(|m| m.ci == ci));
        draft_of.push(owner);
    }
    // Anchorless mentions that came before their event ("after a civilian was killed in a
    // missile attack … the group was accused of a strike involving 30 missiles on Friday").
    for c in deferred {
        let target = drafts
            .iter()
            .enumerate()
            .filter(|(_, d)| {
                compatible(gaz, d, &c) && d.kind.is_some() && kinds_compatible(d.kind, c.kind)
            })
            .min_by_key(|(_, d)| {
                d.mentions
                    .iter()
                    .map(|m| m.sentence.abs_diff(c.sentence))
                    .min()
                    .unwrap_or(usize::MAX)
            })
            .map(|(i, _)| i);
        if let Some(i) = target {
            drafts[i].kind = refine_kind(drafts[i].kind, c.kind);
            drafts[i].mentions.push(c);
        } else if c.kind.is_some()
            && c.trigger.strength == Strength::Explicit
            && !c.trigger.plural
            && !c.recalled
            && c.sentence < lead_end
        {
            drafts.push(Draft {
                kind: c.kind,
                hint: c.kind.unwrap_or(c.trigger.hint),
                mentions: vec![c],
                extra_claims: Vec::new(),
                extra_places: Vec::new(),
            });
        }
    }
    join_siteless_duplicates(
        gaz,
        &mut drafts,
        &counted_from_another,
        lead_end,
        lead_date(input, lead_end).as_ref(),
    );
    join_undated_attacks_at_a_site(gaz, &mut drafts, &counted_from_another);
    join_missiles_of_an_air_strike(gaz, body, &mut drafts);
    // Figures in sentences without a trigger belong to the event mentioned just before,
    // unless the sentence tells of another kind of disaster ("a passenger jet crashed …,
    // killing all 176 people aboard").
    // "Explosions rocked the airport on Wednesday, killing 22 …" and only later "the airport
    // had been hit by missiles": a blast told before any attack is named is the attack the
    // story goes on to name at the same place; its day and toll are that attack's.
    // (blast sentence, the attack's draft, the attack's first sentence, the blast's day)
    let blast_lead: Option<(usize, usize, usize, Option<DateHit>)> =
        loose_places.first().and_then(|(k, places)| {
            let first_mention = |d: &Draft| d.mentions.iter().map(|m| m.sentence).min();
            let (i, first, d) = drafts
                .iter()
                .enumerate()
                .filter_map(|(i, d)| first_mention(d).map(|s| (i, s, d)))
                .min_by_key(|(_, s, _)| *s)
                .filter(|(_, s, _)| k < s && s - k <= BLAST_LEAD_SENTENCES)?;
            let dp: Vec<&Place> = d.places().map(|p| &p.place).collect();
            let cp = places.iter().map(|p| &p.place);
            if !place_sets_compatible(gaz, dp.iter().copied(), cp) {
                return None;
            }
            let sspan = input.sentences[*k];
            let day = best_date(
                inside(&input.dates, dates_sorted, sspan, date_span).filter(|d| d.shift.is_none()),
            );
            // An attack the text dates to another day is another attack at the same place.
            if let (Some(a), Some(b)) = (d.date(), day)
                && !dates_compatible(a, b)
            {
                return None;
            }
            Some((*k, i, first, day.cloned()))
        });
    // The event and sentence the last loose toll went to: "The militia said four of its men
    // died. A monitor said seven were killed. State media said a child was killed." is one
    // run of tolls from different sources, however long it grows.
    let mut toll_run: Option<(usize, usize)> = None;
    for k in loose_claims {
        if tells_of_another_incident(&body[input.sentences[k][0]..input.sentences[k][1]])
            || is_page_furniture(&body[input.sentences[k][0]..input.sentences[k][1]])
        {
            continue;
        }
        // "22 missiles struck. The Pentagon put the number at more than a dozen.": a bare
        // estimate after a sentence that counted munitions and no casualty counts the
        // munitions.
        if k > 0
            && crate::extract::claims::estimates_an_earlier_count(
                &body[input.sentences[k][0]..input.sentences[k][1]],
            )
        {
            let before = claims_in(input.sentences[k - 1]);
            if !before.is_empty() && before.iter().all(|c| c.field == ClaimField::Munitions) {
                continue;
            }
        }
        // The toll told between the blast and the attack's name ("officials said on Thursday
        // that 26 people had died") is the blast's too.
        let owner = match blast_lead {
            Some((bk, di, first, _)) if bk <= k && k < first => Some(di),
            _ => open_draft_index_by(
                &drafts,
                k,
                points_back_to_a_place(&body[input.sentences[k][0]..input.sentences[k][1]]),
            )
            .or_else(|| {
                toll_run
                    .filter(|&(_, last)| last + 1 == k)
                    .map(|(di, _)| di)
            })
            .or_else(|| distant_toll_owner(&drafts, &attack_sentences, &back_references, k))
            .or_else(|| attack_told_next(&drafts, k)),
        };
        let Some(di) = owner else {
            continue;
        };
        // Read now that they have an owner; a sentence without figures changes nothing.
        let claims = claims_in(input.sentences[k]);
        if !claims.is_empty() {
            // "Explosions were also heard in X, where no casualties were reported": a zero
            // told of a place away from every site of the event is that place's, not a count
            // of the event's dead (a hospital reports figures, never a zero).
            let sspan = input.sentences[k];
            let here: Vec<&Place> = inside(&input.places, places_sorted, sspan, place_span)
                .map(|p| &p.place)
                .collect();
            let dp: Vec<&Place> = drafts[di].places().map(|p| &p.place).collect();
            let zero_elsewhere = !here.is_empty()
                && !dp.is_empty()
                && !place_sets_compatible(gaz, dp.iter().copied(), here.iter().copied());
            drafts[di].extra_claims.extend(
                claims
                    .into_iter()
                    .filter(|c| !(zero_elsewhere && c.value == 0)),
            );
            toll_run = Some((di, k));
        }
    }
    attach_summary_tolls(
        &mut drafts,
        &attack_sentences,
        &back_references,
        summary_tolls,
    );
    // Blasts reported in a sentence without a trigger of its own are sites of the event
    // mentioned just before, when that event is still open (no other event in between).
    if let Some((k, di, _, _)) = blast_lead
        && let Some((_, places)) = loose_places.iter().find(|(j, _)| *j == k)
    {
        drafts[di].extra_places.extend(places.iter().cloned());
    }
    for (k, places) in loose_places {
        if let Some(d) = open_draft_before(&mut drafts, k) {
            let cp: Vec<&Place> = places.iter().map(|p| &p.place).collect();
            let dp: Vec<&Place> = d.places().map(|p| &p.place).collect();
            if place_sets_compatible(gaz, dp.iter().copied(), cp.iter().copied()) {
                d.extra_places.extend(places);
            }
        }
    }
    // "U.S. forces in Syria were attacked by rockets. The target was the al-Omar oil field":
    // a sentence of no attack of its own that names the target places the attack just told,
    // when that attack has only an area (a country, a province) around the site.
    for (k, places) in target_places {
        if let Some(d) = open_draft_before(&mut drafts, k) {
            let dp: Vec<&Place> = d.places().map(|p| &p.place).collect();
            let only_areas = dp.iter().all(|p| p.precision.is_area());
            let cp = places.iter().map(|p| &p.place);
            if only_areas && place_sets_compatible(gaz, dp.iter().copied(), cp) {
                d.extra_places.extend(places);
            }
        }
    }
    // "a strike on the port" names no weapon; "The air force said Russia had used cruise
    // missiles" right after the attack's last mention, in a sentence reporting no attack of
    // its own, does.
    for d in drafts
        .iter_mut()
        .filter(|d| d.kind.is_none() && d.hint == EventKind::Airstrike)
    {
        let next = d.last_sentence() + 1;
        let Some(&sspan) = input.sentences.get(next) else {
            continue;
        };
        if candidate_sentences.binary_search(&next).is_ok() {
            continue;
        }
        let tokens = triggers::tokenize_lowered(body, &lower_body, sspan);
        let used = tokens
            .iter()
            .any(|t| matches!(t.lower(), "used" | "fired" | "launched"));
        if let Some(kind) = tokens
            .iter()
            .find_map(|t| triggers::munition_kind(t.lower()))
            .filter(|_| used)
        {
            d.kind = Some(kind);
        }
    }
    // A bare "raid" or "attack" in a story about air strikes is one more air strike.
    let air_story = drafts
        .iter()
        .any(|d| d.kind.is_some_and(|k| k.same_family(EventKind::Airstrike)));
    if air_story {
        for d in drafts
            .iter_mut()
            .filter(|d| d.kind.is_none() && matches!(d.hint, EventKind::GroundAssault))
        {
            d.hint = EventKind::Airstrike;
        }
    }
    move_recalled_tolls(gaz, &mut drafts);
    let lead_date = lead_date(input, lead_end);
    let same_time_days = same_time_days(body, &drafts);
    let lead_tells_a_wave = lead_tells_a_wave(input, lead_end);
    let mut events: Vec<Event> = drafts
        .into_iter()
        .enumerate()
        .filter_map(|(di, d)| {
            // The lead's date only dates the events the lead reports, and those of the wave
            // it tells of.
            let in_lead = d.mentions.iter().any(|m| m.sentence < lead_end);
            let of_the_wave = lead_tells_a_wave && !d.mentions.iter().any(|m| m.recalled);
            let blast_day = blast_lead
                .as_ref()
                .filter(|(_, i, _, _)| *i == di)
                .and_then(|(_, _, _, h)| h.as_ref());
            finish(
                article,
                gaz,
                d,
                blast_day
                    .or(same_time_days[di].as_ref())
                    .or(if in_lead || of_the_wave {
                        lead_date.as_ref()
                    } else {
                        None
                    }),
            )
        })
        .collect();
    if events.iter().any(|e| e.place.is_none())
        && let Some(city) = dateline_fallback(input, gaz, &events)
    {
        for e in events.iter_mut().filter(|e| e.place.is_none()) {
            e.place = Some(city.clone());
        }
    }
    events
}

/// The dateline city ("MOGADISHU –") for events whose text names no place: wire stories are
/// filed from where things happen, unless the city is the capital of the side that struck
/// ("WASHINGTON (Reuters) - US jets …") or the story's sites lie in other countries.
fn dateline_fallback(input: &ArticleInput, gaz: &Gazetteer, events: &[Event]) -> Option<Place> {
    let id = crate::extract::places::dateline_city(input.article, gaz)?;
    let city = gaz.to_place(id, PlacePrecision::Town);
    let cc = city.country.as_deref()?;
    let perpetrator_home = events
        .iter()
        .filter_map(|e| e.perpetrator.as_deref())
        .filter_map(home_country)
        .any(|h| h == cc);
    let sites_elsewhere = !input.places.is_empty()
        && input
            .places
            .iter()
            .all(|p| p.place.country.as_deref().is_some_and(|c| c != cc));
    if perpetrator_home || sites_elsewhere || gaz.is_capital(id) && cc == "US" {
        return None;
    }
    Some(city)
}

/// "1:30 a.m. local time, late on Tuesday evening in Washington": the place says whose clock
/// the date is read on, not where anything happened.
fn names_a_time_zone(body: &str, dates: &[&DateHit], place: Span) -> bool {
    dates.iter().any(|d| {
        d.span[1] <= place[0]
            && body
                .get(d.span[1]..place[0])
                .is_some_and(|gap| gap.trim().eq_ignore_ascii_case("in"))
            && dates_a_statement(body, d.span)
    })
}

/// "condemned the attacks", "denied the strike": a reference back to a known attack as the
/// object of a reaction, whose date (if any) is the reaction's.
fn object_of_reaction(tokens: &[Token], t: &Trigger) -> bool {
    let lo = t.token.saturating_sub(4);
    tokens[lo..t.token.min(tokens.len())].iter().any(|k| {
        matches!(
            k.lower(),
            // The bare forms too: "called on the council to condemn the ambush".
            "condemn"
                | "condemned"
                | "condemning"
                | "condemns"
                | "denounce"
                | "denounced"
                | "denied"
                | "claimed"
                | "praised"
                | "blamed"
                | "described"
                | "called"
                | "welcomed"
                | "criticised"
                | "criticized"
                | "investigating"
                | "mourned"
        )
    })
}

/// "Related: Kirkuk: attack kills two soldiers", "Read next: …": a link to another story,
/// page furniture the reader skips, not a report.
fn is_link_line(text: &str) -> bool {
    const LABELS: [&str; 9] = [
        "related:",
        "related stories",
        "related coverage",
        "read more",
        "read next",
        "read also",
        "also read",
        "see also",
        "more on this",
    ];
    let t = text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '*' | '•' | '·' | '>' | '|' | '[')
    });
    LABELS
        .iter()
        .any(|l| t.get(..l.len()).is_some_and(|p| p.eq_ignore_ascii_case(l)))
}

/// "Drone attack targets consulate area in Erbil — April": a line under a "Related
/// coverage:" label with no full stop at its end is the headline of another story, like the
/// label before it.
fn is_headline_line(text: &str) -> bool {
    // A headline is short; a paragraph of the story may end without a full stop ("… hit the
    // airport on Tuesday (local time)").
    const MAX_HEADLINE_WORDS: usize = 20;
    let t = text.trim_end();
    !t.is_empty()
        && !t.ends_with(['.', '!', '"', '\u{201d}'])
        && t.split_whitespace().count() <= MAX_HEADLINE_WORDS
}

/// "announced the attack", "first reported the strike": the trigger's noun phrase is the
/// object of a verb of making known, at most three words before it, with no comma between.
/// Or its subject in the passive: "the strikes were discussed on Monday in Washington", "the
/// raid was approved at a meeting in Jerusalem" tell where and when people talked of it.
fn object_of_announcement(tokens: &[Token], t: &Trigger) -> bool {
    let lo = t.token.saturating_sub(3);
    let object = tokens[lo..t.token.min(tokens.len())]
        .iter()
        .rev()
        .take_while(|k| !matches!(k.lower(), "," | ";" | ":" | "that" | "which"))
        .any(|k| {
            matches!(
                k.lower(),
                "announced" | "announces" | "reported" | "reports" | "disclosed" | "revealed"
            )
        });
    let passive_subject = matches!(
        tokens.get(t.token + 1).map(|k| k.lower()),
        Some("was" | "were")
    ) && tokens.get(t.token + 2).is_some_and(|k| {
        matches!(
            k.lower(),
            "announced"
                | "reported"
                | "disclosed"
                | "revealed"
                | "discussed"
                | "debated"
                | "planned"
                | "approved"
                | "authorized"
                | "authorised"
                | "coordinated"
        )
    });
    object || passive_subject
}

/// "Islamic State claimed the ambush on Sunday", "claimed responsibility for the attack": a
/// group's claim names an attack already told, whatever its noun, and its day is the claim's.
fn object_of_claim(tokens: &[Token], t: &Trigger) -> bool {
    let lo = t.token.saturating_sub(3);
    tokens[lo..t.token.min(tokens.len())]
        .iter()
        .rev()
        .take_while(|k| !matches!(k.lower(), "," | ";" | ":" | "that" | "which"))
        .any(|k| matches!(k.lower(), "claimed" | "claims" | "responsibility"))
}

/// Verbs of reacting to an attack: their own date is the day of the reaction.
fn is_reaction_verb(w: &str) -> bool {
    matches!(
        w,
        "condemn"
            | "condemned"
            | "condemns"
            | "condemning"
            | "denounce"
            | "denounced"
            | "denounces"
            | "criticised"
            | "criticized"
            | "criticises"
            | "criticizes"
            | "defended"
            | "defends"
            | "justified"
            | "welcomed"
            | "welcomes"
            | "praised"
            | "hailed"
            | "decried"
            | "deplored"
            | "mourned"
            // "Iraq on Sunday buried more victims of the bombing": the funeral's day.
            | "mourns"
            | "mourning"
            | "buried"
            | "buries"
            | "bury"
    )
}

/// "funerals", "a burial", "a vigil", "a memorial": a rite held for the dead.
fn is_funeral_noun(w: &str) -> bool {
    matches!(
        w,
        "funeral" | "funerals" | "burial" | "burials" | "vigil" | "vigils" | "memorial"
    )
}

/// A verb of vowing or warning: what it promises has not happened, and the day written
/// after it is the day of the vow.
/// "Iraq on Wednesday cancelled a visit by Turkey's minister and summoned its ambassador after
/// a drone strike killed two officers": a state's diplomatic reply, dated by its own day.
fn is_diplomatic_reply_verb(w: &str) -> bool {
    matches!(
        w,
        "cancelled"
            | "canceled"
            | "scrapped"
            | "summoned"
            | "postponed"
            | "suspended"
            | "recalled"
            | "expelled"
    )
}

fn is_vow_verb(w: &str) -> bool {
    matches!(
        w,
        "vowed"
            | "vows"
            | "promised"
            | "promises"
            | "pledged"
            | "pledges"
            | "threatened"
            | "threatens"
            | "warned"
            | "warns"
    )
}

/// The byte offset of a reaction verb ("condemned", "denounced", "defended", …) whose object
/// is the trigger's noun phrase: at most six words before the trigger, with no comma or
/// clause word between them.
fn reaction_verb_before(tokens: &[Token], t: &Trigger) -> Option<usize> {
    let lo = t.token.saturating_sub(6);
    tokens[lo..t.token.min(tokens.len())]
        .iter()
        .rev()
        .take_while(|k| {
            !matches!(
                k.lower(),
                "," | ";" | ":" | "(" | ")" | "—" | "–" | "that" | "which" | "who" | "after"
            )
        })
        .find(|k| is_reaction_verb(k.lower()))
        .map(|k| k.span[0])
}

/// "after a rocket attack on Erbil", "in response to drone attacks", "in retaliation for the
/// bombing": the trigger is named as the cause or antecedent of another event.
/// The byte offset of the relation word ("after", "following", "response", "retaliation")
/// that governs the trigger's noun phrase, if any.
fn relation_word_before(tokens: &[Token], t: &Trigger) -> Option<usize> {
    let lo = t.token.saturating_sub(5);
    let hi = t.token.min(tokens.len());
    // The relation word must govern this noun phrase: no punctuation in between, save the
    // dot that ends an abbreviation ("after a U.S. drone strike", "after the Feb. 25 raid").
    let abbreviation_dot = |i: usize| {
        tokens[i].raw == "."
            && i > 0
            && (tokens[i - 1].raw.contains('.')
                || matches!(
                    tokens[i - 1].lower(),
                    "jan"
                        | "feb"
                        | "mar"
                        | "apr"
                        | "jun"
                        | "jul"
                        | "aug"
                        | "sep"
                        | "sept"
                        | "oct"
                        | "nov"
                        | "dec"
                ))
    };
    (lo..hi)
        .rev()
        .take_while(|&i| !(tokens[i].punct && tokens[i].raw != "-" && !abbreviation_dot(i)))
        .map(|i| &tokens[i])
        .find(|k| {
            matches!(
                k.lower(),
                "after"
                    | "following"
                    | "response"
                    | "retaliation"
                    | "revenge"
                    | "reprisal"
                    | "reply"
            )
        })
        .map(|k| k.span[0])
}

/// How far a site may lie from the place it is given a bearing from ("north of Baghdad").
const BEARING_KM: f64 = 150.0;

/// A place as fine as a town: a site of its own, not an area around sites.
/// "overran the city", "shelled the town": the object right after the trigger is a town
/// named only by its common noun.
fn object_is_the_town(tokens: &[Token], t: &Trigger) -> bool {
    let Some(next) = tokens.iter().position(|k| k.span[0] >= t.span[1]) else {
        return false;
    };
    tokens.get(next).is_some_and(|k| k.lower() == "the")
        && tokens
            .get(next + 1)
            .is_some_and(|k| matches!(k.lower(), "city" | "town" | "village"))
}

fn is_site_or_town(p: &Place) -> bool {
    matches!(p.precision, PlacePrecision::Point | PlacePrecision::Town)
}

/// Two named sites closer than this may be one site under two names (a base and the village
/// at its gate); further apart they are two places.
const SAME_SITE_KM: f64 = 25.0;

/// "north of Baghdad", "about 80 km north-west of the capital", "south of Mosul": the place
/// after a compass bearing is a reference point, not the site.
fn gives_a_bearing(body: &str, span: Span) -> bool {
    let Some(before) = body.get(..span[0]) else {
        return false;
    };
    let mut words = before
        .split_whitespace()
        .rev()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    let mut w = words.next();
    // "north of the capital", "west of the city of Mosul"
    while w.is_some_and(|x| matches!(x.to_ascii_lowercase().as_str(), "the" | "city" | "town")) {
        w = words.next();
        if w.is_some_and(|x| x.eq_ignore_ascii_case("of")) {
            w = words.next();
        }
    }
    if !w.is_some_and(|x| x.eq_ignore_ascii_case("of")) {
        return false;
    }
    words
        .next()
        .is_some_and(crate::extract::places::is_compass_direction)
}

/// A past-tense attack verb that can open a verb phrase ("…, and struck the base").
fn is_past_verb(w: &str) -> bool {
    w.ends_with("ed") || matches!(w, "hit" | "struck" | "fell" | "shot" | "tore" | "blew")
}

/// "The Pentagon on Friday corrected its account, saying there had been one blast at the
/// gate": a participle of saying after a comma, between byte offsets `a` and `b`, opens what
/// was said; a date or place before it is the statement's.
fn reported_after(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens_within(tokens, a, b).1.windows(2).any(|w| {
        w[0].raw == "," && matches!(w[1].lower(), "saying" | "adding" | "noting" | "claiming")
    })
}

/// True when a comma lies between byte offsets `a` and `b`.
fn comma_between(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens_within(tokens, a, b)
        .1
        .iter()
        .any(|t| t.punct && t.raw == ",")
}

/// The tokens that lie whole between byte offsets `a` and `b`, with the index of the first.
/// Tokens are in text order and do not overlap, so they are one run, found by binary search
/// instead of a scan of the whole sentence per question.
fn tokens_within<'t, 'a>(tokens: &'t [Token<'a>], a: usize, b: usize) -> (usize, &'t [Token<'a>]) {
    let lo = tokens.partition_point(|t| t.span[0] < a);
    let hi = lo + tokens[lo..].partition_point(|t| t.span[1] <= b);
    (lo, &tokens[lo..hi])
}

/// True when a coordination of clauses lies between byte offsets `a` and `b`: a semicolon,
/// or a comma followed by "and", "but", "while" or "whereas" ("… last Tuesday, and two
/// rockets fell …").
fn coordination_between(tokens: &[Token], a: usize, b: usize) -> bool {
    let (first, within) = tokens_within(tokens, a, b);
    within.iter().enumerate().any(|(j, t)| {
        let i = first + j;
        (t.punct
                && (t.raw == ";"
                    || (t.raw == ","
                        && tokens.get(i + 1).is_some_and(|n| {
                            n.span[1] <= b
                                && matches!(n.lower(), "and" | "but" | "while" | "whereas")
                        }))))
                // "… hit the base on Saturday and landed near the embassy on Monday"; "one on
                // the airport on April 14 and another on the base in May".
                || (t.lower() == "and"
                    && tokens
                        .get(i + 1)
                        .is_some_and(|n| is_past_verb(n.lower()) || n.lower() == "another"))
    })
}

/// True when the words between byte offsets `a` and `b` relate one event to another
/// ("after", "in response to", "in retaliation for", "since", "including", "when"): the
/// triggers on either side are different attacks.
fn introduces_other_event(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens_within(tokens, a, b)
        .1
        .iter()
        .filter(|t| !t.punct)
        .any(|t| {
            matches!(
                t.lower(),
                "after"
                    | "before"
                    | "since"
                    | "following"
                    | "followed"
                    | "response"
                    | "retaliation"
                    | "revenge"
                    | "reprisal"
                    | "answered"
                    | "avenge"
                    | "when"
                    | "while"
                    | "whereas"
                    | "including"
                    | "like"
                    | "unlike"
                    | "recalled"
                    | "amid"
                    | "previous"
                    | "earlier"
                    | "last"
            )
        })
}

/// True when what follows a trigger up to byte offset `b` has moved on to another event:
/// "The attack came days after Washington and Baghdad held talks" (after "came", the
/// sentence only places the attack in time), or "Those strikes answered a rocket attack on
/// the airport on February 15" (a relation word, then another trigger before the item).
fn relation_after(tokens: &[Token], trigger_starts: &[usize], a: usize, b: usize) -> bool {
    let gap: Vec<&Token> = tokens_within(tokens, a, b)
        .1
        .iter()
        .filter(|t| !t.punct)
        .collect();
    if gap
        .first()
        .is_some_and(|t| matches!(t.lower(), "came" | "comes"))
    {
        return true;
    }
    gap.iter().enumerate().any(|(j, t)| {
        matches!(
            t.lower(),
            "after"
                | "since"
                | "following"
                | "response"
                | "retaliation"
                | "revenge"
                | "answered"
                | "avenge"
        ) && (trigger_starts.iter().any(|&s| t.span[1] <= s && s < b)
            // "the strikes were a response to the explosion on the bridge on Saturday":
            // an event named by a noun that is no attack word still owns its place and day.
            || gap[j + 1..].iter().take(3).any(|n| is_incident_noun(n.lower())))
    })
}

/// A noun for something that happened that is no attack word of its own: "the explosion on
/// the bridge", "the killing of the general in Baghdad on Friday".
fn is_incident_noun(w: &str) -> bool {
    matches!(
        w,
        "explosion"
            | "explosions"
            | "blast"
            | "blasts"
            | "sabotage"
            | "fire"
            | "fires"
            | "killing"
            | "killings"
            | "assassination"
            | "death"
            | "deaths"
    )
}

/// "since protests erupted in October 2019": a date at the end of a clause that "since" opens
/// a few words before it, with a subject and verb of its own between (no comma). Not "since
/// October 23, when …" (the date right after "since"; see [`is_since_date`]).
fn in_since_clause(body: &str, span: Span) -> bool {
    let start = body[..span[0]]
        .rfind([',', ';', '.', '\n', '(', ')'])
        .map_or(0, |i| i + 1);
    body[start..span[0]]
        .split_whitespace()
        .rev()
        .take(5)
        .position(|w| w.eq_ignore_ascii_case("since"))
        .is_some_and(|words_between| words_between >= 2)
}

/// "since October", "Since January 2020": a date that opens a period.
fn is_since_date(body: &str, span: Span) -> bool {
    body.get(span[0]..span[1])
        .and_then(|t| t.get(..6))
        .is_some_and(|t| t.eq_ignore_ascii_case("since "))
        || body[..span[0]]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("since"))
}

/// True when "when" is a word between byte offsets `a` and `b` ("since January 2020, when
/// eight rockets …").
fn when_between(tokens: &[Token], a: usize, b: usize) -> bool {
    tokens_within(tokens, a, b)
        .1
        .iter()
        .any(|t| t.lower() == "when")
}

/// True when the word before the span is "the".
fn after_article(body: &str, span: Span) -> bool {
    body[..span[0]]
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// "The missiles were fired from inside Iran", "drones launched from Yemen": where a weapon
/// came from is not where it struck.
/// `lower_body` is `body.to_ascii_lowercase()` (same offsets).
fn is_launch_site(body: &str, lower_body: &str, sentence: Span, place: Span) -> bool {
    let before = &lower_body[sentence[0]..place[0]];
    if aircraft_position(body, before, place) {
        return true;
    }
    // Every launch point below is told after a "from".
    if !before.contains("from") {
        return false;
    }
    let words: Vec<&str> = before.split_whitespace().rev().take(8).collect();
    // "a missile fired from a Tu-22M3 bomber over the Kursk region", "cruise missiles launched
    // from warships in the Black Sea", "fired from a submarine off Crimea": the craft the
    // weapon left lies in the place, not the weapon's target.
    let from_at = match from_a_launch_craft(&words) {
        Some(f) => f + 1,
        None => match &words[..words.len().min(6)] {
            ["from", ..] => 1,
            [
                "inside" | "within" | "northern" | "southern" | "eastern" | "western",
                "from",
                ..,
            ] => 2,
            // "launched from three sites inside Iran", "fired from a base in the south of X":
            // the launch points lie in the place.
            words @ ["inside" | "within" | "in", ..] => {
                match words.iter().position(|w| *w == "from") {
                    Some(f) if words[1..f].iter().all(|w| names_launch_points(w)) => f + 1,
                    _ => return false,
                }
            }
            _ => return false,
        },
    };
    before
        .split_whitespace()
        .rev()
        .skip(from_at)
        .take(4)
        .any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphanumeric()),
                "fired" | "launched" | "shot" | "flew" | "flown"
            )
        })
}

/// `words` (lower-cased, last first) end with "from <a craft> over|in|off [the]": the index
/// of "from", when at most three words ("a", "Russian", "Tu-22M3") stand before the craft.
fn from_a_launch_craft(words: &[&str]) -> Option<usize> {
    let at = usize::from(words.first() == Some(&"the"));
    if !matches!(words.get(at), Some(&("over" | "in" | "off"))) {
        return None;
    }
    let craft = words
        .get(at + 1)?
        .trim_matches(|c: char| !c.is_alphanumeric());
    let is_craft = triggers::is_aircraft_noun(craft)
        || matches!(
            craft,
            "bomber"
                | "bombers"
                | "warship"
                | "warships"
                | "ship"
                | "ships"
                | "submarine"
                | "submarines"
                | "frigate"
                | "frigates"
                | "vessel"
                | "vessels"
                | "plane"
        );
    if !is_craft {
        return None;
    }
    (at + 2..words.len().min(at + 6)).find(|&f| words[f] == "from")
}

/// A word of a noun phrase of launch points ("three sites", "a base", "positions"), between
/// "from" and "inside"/"in" in `is_launch_site`.
fn names_launch_points(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "two"
            | "three"
            | "four"
            | "several"
            | "multiple"
            | "different"
            | "site"
            | "sites"
            | "base"
            | "bases"
            | "position"
            | "positions"
            | "launchers"
            | "areas"
            | "locations"
    ) || w.bytes().all(|b| b.is_ascii_digit())
}

/// "jets flying over the occupied Golan fired …", "missiles fired from Lebanese airspace":
/// where the aircraft flew is not where its weapons struck. `before` is the lower-cased
/// sentence text up to the place.
fn aircraft_position(body: &str, before: &str, place: Span) -> bool {
    let after = body.get(place[1]..).unwrap_or("");
    let after = after.trim_start_matches(['\'', '’', 's']);
    if after
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("airspace") || w.eq_ignore_ascii_case("airspace,"))
    {
        return true;
    }
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .skip_while(|w| {
            matches!(
                *w,
                "the" | "occupied" | "southern" | "northern" | "eastern" | "western"
            )
        })
        .take(2)
        .collect();
    matches!(
        words.as_slice(),
        [
            "over",
            "flying" | "flew" | "circling" | "circled" | "hovering",
            ..
        ]
    ) && crate::extract::places::names_a_place_later(body, place[1])
}

/// "said", "told", "announced" …: a verb that reports speech (punctuation and case ignored).
/// The words between a reference back and a date after it, less an aside set off by commas
/// right after the reference: in "The strikes, announced late on Thursday, hit the depots early
/// on Friday" or "The raid, reported by state media, took place on Sunday night" the verb of
/// the aside is not the main clause's, so the date after the aside is the attack's own.
fn past_the_aside(gap: &str) -> &str {
    gap.trim_start()
        .strip_prefix(',')
        .and_then(|aside| aside.split_once(','))
        .map_or(gap, |(_, main)| main)
}

fn is_saying_verb(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    // Compared without case, not lower-cased into a new string: asked of every word before a
    // date.
    [
        "said",
        "says",
        "told",
        "announced",
        "confirmed",
        "stated",
        "added",
    ]
    .iter()
    .any(|v| word.eq_ignore_ascii_case(v))
}

/// A date that dates what someone said rather than the strike: right after a verb of saying
/// ("acknowledged on Friday", "admitted Friday") or right before the "that" of reported
/// speech ("… on Friday that the drone strike …").
fn dates_a_statement(body: &str, span: Span) -> bool {
    let after = body[span[1]..].trim_start_matches([' ', ',']);
    // "said on Friday that …" (reported speech), not "on April 1 that killed …" (a relative
    // clause of the strike).
    let said_before = body[..span[0]]
        .split_whitespace()
        .rev()
        .take(3)
        .any(is_saying_verb);
    if after.starts_with("that ") && said_before {
        return true;
    }
    // "the number killed … rose to 54 on Monday": the day of a toll update, not of the attack.
    let mut rise = false;
    let mut to = false;
    for w in body[..span[0]].split_whitespace().rev().take(4) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        rise |= ["rose", "risen", "rising", "climbed", "climbing"]
            .iter()
            .any(|v| w.eq_ignore_ascii_case(v));
        to |= w.eq_ignore_ascii_case("to");
    }
    if rise && to {
        return true;
    }
    // "1:30 a.m. local time, late on Tuesday in Washington": the same moment in another
    // time zone.
    if [
        "in Washington",
        "Washington time",
        "GMT",
        "EST",
        "ET)",
        "UTC",
    ]
    .iter()
    .any(|z| after.starts_with(z))
    {
        return true;
    }
    let before: Vec<String> = body[..span[0]]
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let speech = |w: &str| {
        matches!(
            w,
            "acknowledged"
                | "admitted"
                | "conceded"
                | "reported"
                | "revealed"
                | "disclosed"
                | "insisted"
                | "acknowledges"
                | "admits"
                | "reports"
        )
    };
    match before.as_slice() {
        [w, ..] if speech(w) => true,
        [on, w] if on == "on" && speech(w) => true,
        _ => false,
    }
}

/// The byte offset of the comma that closes a fronted time clause ("Hours before …,",
/// "After …,", "When …,"), if the sentence opens with one.
fn fronted_clause_end(tokens: &[Token]) -> Option<usize> {
    let words: Vec<&str> = tokens.iter().take(3).map(|t| t.lower()).collect();
    let fronted = matches!(
        words.as_slice(),
        ["before" | "after" | "when" | "while" | "as", ..]
            | [
                "hours" | "days" | "minutes" | "weeks",
                "before" | "after",
                ..
            ]
            | [
                _,
                "hours" | "days" | "minutes" | "weeks",
                "before" | "after"
            ]
    );
    if !fronted {
        return None;
    }
    tokens
        .iter()
        .find(|t| t.punct && t.raw == ",")
        .map(|t| t.span[0])
}

/// True when the tokens between byte offsets `a` and `b` open a subordinate clause of time
/// with its own verb ("before troops left", "since the war began"): what follows belongs to
/// that clause. "after midnight" (the conjunction right before the date) is no clause.
fn subordinate_between(tokens: &[Token], a: usize, b: usize) -> bool {
    let inside: Vec<&Token> = tokens_within(tokens, a, b)
        .1
        .iter()
        .filter(|t| !t.punct)
        .collect();
    inside.iter().enumerate().any(|(i, t)| {
        let words_after = inside.len() - i - 1;
        // "before dawn on Sunday", "after midnight": a time of day, not a clause.
        if inside.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower(),
                "dawn"
                    | "midnight"
                    | "noon"
                    | "dark"
                    | "sunrise"
                    | "sunset"
                    | "daybreak"
                    | "nightfall"
                    | "dusk"
                    | "first"
            )
        }) {
            return false;
        }
        match t.lower() {
            "before" | "until" | "since" => words_after >= 2,
            "after" | "when" | "while" => words_after >= 3,
            _ => false,
        }
    })
}

/// "Two guards were killed on Friday when a patrol that had lost its way opened fire": the
/// only clause opened between byte offsets `a` (the end of a date or place) and `b` (a trigger)
/// is a "when" clause telling the cause of the deaths or wounds of the head clause, whose verb
/// stands right before that date or place; so the head's date and place are the attack's. Not
/// a dateline date before the casualty verb, nor "the dead were among a group trying to
/// escape on Friday, when …" (the date of another verb).
fn casualty_head_when(tokens: &[Token], a: usize, b: usize) -> bool {
    let (first, within) = tokens_within(tokens, a, b);
    let Some(when) = within
        .iter()
        .position(|t| t.lower() == "when")
        .map(|j| first + j)
    else {
        return false;
    };
    let other_clause = within.iter().any(|t| {
        matches!(
            t.lower(),
            "before" | "after" | "since" | "until" | "while" | "following"
        )
    });
    let Some(verb) = tokens[..when].iter().rposition(|t| {
        t.span[1] <= a
            && matches!(
                t.lower(),
                "killed" | "died" | "dead" | "wounded" | "injured" | "hurt"
            )
    }) else {
        return false;
    };
    let words_to_a = tokens[verb + 1..when]
        .iter()
        .filter(|t| t.span[1] <= a)
        .count();
    !other_clause && words_to_a <= 5
}

/// "claimed the twin bombings in Kerman, Iran, in January that killed …": a date after the
/// trigger whose only words in between are the trigger's own places and prepositions belongs
/// to the trigger's noun phrase, even when a verb of claiming or announcing governs it.
fn dates_own_phrase(body: &str, trigger: Span, date: Span, places: &[&PlaceHit]) -> bool {
    if date[0] < trigger[1] {
        return false;
    }
    let mut gap = String::new();
    let mut at = trigger[1];
    let mut inside: Vec<Span> = places
        .iter()
        .map(|p| p.span)
        .filter(|p| trigger[1] <= p[0] && p[1] <= date[0])
        .collect();
    // "claimed the ambush on Sunday": with no place of the attack between them, the date is
    // as likely the claim's.
    if inside.is_empty() {
        return false;
    }
    inside.sort();
    for p in inside {
        if p[0] >= at {
            gap.push_str(body.get(at..p[0]).unwrap_or(" x "));
            gap.push(' ');
            at = p[1];
        }
    }
    gap.push_str(body.get(at..date[0]).unwrap_or(" x "));
    gap.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "in" | "on" | "at" | "near" | "of"
            )
        })
}

/// "Drones hit Erbil airport in April and Ain al-Asad air base in May": one verb, two sites,
/// each with a date of its own, joined by "and", are two attacks. Returns each site with its
/// date when the places and dates alternate (site, date, "and", site, date) and the two dates
/// do not overlap.
fn two_dated_sites(
    body: &str,
    places: &[PlaceHit],
    dates: &[DateHit],
) -> Option<((PlaceHit, DateHit), (PlaceHit, DateHit))> {
    let [d1, d2] = dates else {
        return None;
    };
    let (d1, d2) = if d1.span[0] <= d2.span[0] {
        (d1, d2)
    } else {
        (d2, d1)
    };
    let stated = |d: &DateHit| {
        !d.soft
            && d.shift.is_none()
            && matches!(d.range.precision, DatePrecision::Day | DatePrecision::Month)
    };
    if !stated(d1)
        || !stated(d2)
        || d1.range.end >= d2.range.start && d2.range.end >= d1.range.start
    {
        return None;
    }
    let p1 = places
        .iter()
        .filter(|p| p.span[1] <= d1.span[0])
        .max_by_key(|p| p.span[0])?;
    let p2 = places
        .iter()
        .filter(|p| d1.span[1] <= p.span[0] && p.span[1] <= d2.span[0])
        .min_by_key(|p| p.span[0])?;
    // Only "and" (or a comma and "and") between the first date and the second site, and
    // only a preposition between each site and its date.
    let and_between = body.get(d1.span[1]..p2.span[0]).is_some_and(|g| {
        matches!(
            g.trim().trim_start_matches(',').trim(),
            "and" | "and at" | "and in" | "and on"
        )
    });
    let short = |a: usize, b: usize| {
        body.get(a..b)
            .is_some_and(|g| g.split_whitespace().count() <= 2)
    };
    (and_between && short(p1.span[1], d1.span[0]) && short(p2.span[1], d2.span[0]))
        .then(|| ((p1.clone(), d1.clone()), (p2.clone(), d2.clone())))
}

/// A sentence about a disaster that is no attack, or one that opens with a shift in time or
/// topic ("Hours later, a passenger jet crashed …", "Separately, …"): its toll is its own.
fn tells_of_another_incident(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let incident = words.iter().enumerate().any(|(i, w)| {
        // "rescuers searched collapsed buildings": a participle before the noun it describes
        // tells the attack's damage, not another disaster.
        let describes_a_noun = || {
            words.get(i + 1).is_some_and(|n| {
                matches!(
                    *n,
                    "building" | "buildings" | "house" | "houses" | "homes" | "walls" | "roof"
                )
            })
        };
        matches!(
            *w,
            "crash"
                | "crashed"
                | "stampede"
                | "accident"
                | "earthquake"
                | "flood"
                | "floods"
                | "collapsed"
                | "derailed"
                | "capsized"
                | "landslide"
                | "heatwave"
                | "epidemic"
        ) && !(*w == "collapsed" && describes_a_noun())
    });
    let shift = matches!(
        words.first().copied(),
        Some("separately" | "meanwhile" | "elsewhere")
    ) || words.starts_with(&["hours", "later"])
        || words.starts_with(&["in", "a", "separate"])
        || words.starts_with(&["in", "another"]);
    incident || shift
}

/// "buried more victims of the market bombing", "mourned the victims of the attack",
/// "funerals for the dead of the blast": the attack whose victims are buried or mourned is
/// told, not a new one; like an attack recalled after "after", it joins the attack the story
/// reports instead of standing alone on the day of the funeral.
fn mourned_attack(tokens: &[Token], t: &Trigger) -> bool {
    let first = t.token.saturating_sub(9);
    let window = &tokens[first..t.token.min(tokens.len())];
    let Some(of_victims) = window.windows(2).position(|w| {
        matches!(w[0].lower(), "victims" | "dead" | "remains") && w[1].lower() == "of"
    }) else {
        return false;
    };
    window[of_victims.saturating_sub(3)..of_victims]
        .iter()
        .any(|k| {
            matches!(
                k.lower(),
                "buried"
                    | "bury"
                    | "buries"
                    | "burying"
                    | "burial"
                    | "burials"
                    | "funeral"
                    | "funerals"
                    | "mourned"
                    | "mourn"
                    | "mourns"
                    | "mourning"
            )
        })
}

/// "a similar attack", "a similar drone strike": the word right before the trigger (or
/// before its one modifier) is "similar".
fn follows_similar(tokens: &[Token], t: &Trigger) -> bool {
    let first = t.token.saturating_sub(2);
    tokens[first..t.token.min(tokens.len())]
        .iter()
        .any(|k| k.lower == "similar")
}

/// "a second (smaller) car bomb", "another strike", "were also hit", "also targeted": words
/// just before the trigger that announce one more event.
fn marks_new_event(tokens: &[Token], t: &Trigger) -> bool {
    // "… and there were others at the airport": more of the weapon, at another site.
    if tokens.get(t.token).is_some_and(|k| k.lower() == "others") {
        return true;
    }
    let first = t.token.saturating_sub(6);
    let before: Vec<&str> = tokens[first..t.token.min(tokens.len())]
        .iter()
        .filter(|k| !k.punct)
        .map(|k| k.lower())
        .collect();
    let ordinal = before
        .windows(2)
        .any(|w| w[0] == "a" && matches!(w[1], "second" | "third" | "fourth" | "separate"))
        || before.contains(&"another");
    let also = before.iter().rev().take(2).any(|w| *w == "also");
    // "Also on Tuesday, a roadside bomb …", "Separately, …", "In another attack, …": the
    // sentence opens on a further incident.
    let words: Vec<&str> = tokens
        .iter()
        .filter(|k| !k.punct)
        .take(3)
        .map(|k| k.lower())
        .collect();
    // "Hours earlier on Friday, gunmen killed 14 people in a village nearby": the story steps
    // back to another attack, even on the same day and in the same province.
    let opens_another =
        (matches!(
            words.as_slice(),
            ["also" | "separately" | "elsewhere", ..] | ["in", "another" | "a", ..]
        ) && !(words.len() > 2 && words[0] == "in" && words[1] == "a" && words[2] != "separate"))
            || matches!(
                words.as_slice(),
                ["hours" | "minutes", "earlier" | "before", ..]
            );
    ordinal || also || opens_another
}

/// "answered with artillery and a drone strike", "retaliated by hitting …", "responded with
/// air strikes": a verb of responding governs the trigger, within its clause.
fn answers_with(tokens: &[Token], t: &Trigger) -> bool {
    let first = t.token.saturating_sub(8);
    let window = &tokens[first..t.token.min(tokens.len())];
    // Back to the start of the clause only: "police responded to the attack" and "retaliated
    // for the rocket attack" name the attack answered, not an answer; the verb must take the
    // means ("with", "by") or the target ("against").
    let clause: Vec<&Token> = window
        .iter()
        .rev()
        .take_while(|k| !(k.punct && matches!(k.raw, "." | ";" | ":" | ",")))
        .collect();
    clause.iter().enumerate().any(|(i, k)| {
        matches!(
            k.lower(),
            "answered" | "responded" | "retaliated" | "retaliating" | "replied"
        ) && i > 0
            && matches!(clause[i - 1].lower(), "with" | "by" | "against")
    })
}

/// "many of the missiles", "two of the rockets", "most of the drones": the trigger's noun
/// phrase is a part of a set named before ("of the" right before it, a quantifier before that).
fn partitive_of_the(tokens: &[Token], t: &Trigger) -> bool {
    let Some(first) = tokens.iter().position(|k| k.span[0] >= t.span[0]) else {
        return false;
    };
    first >= 3 && tokens[first - 1].lower() == "the" && tokens[first - 2].lower() == "of" && {
        let q = tokens[first - 3].lower();
        matches!(
            q,
            "many"
                | "some"
                | "most"
                | "several"
                | "all"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "half"
                | "none"
                | "each"
                | "dozens"
        ) || q.bytes().all(|b| b.is_ascii_digit())
    }
}

/// "responded with counter-battery fire at the launch sites", "returned fire on the rocket
/// launching positions": a response (a verb of responding, counter-battery fire or returned
/// fire) whose clause after the trigger names the points the attack was fired from.
/// Counter-battery fire is aimed at them by definition.
fn answers_launch_points(tokens: &[Token], t: &Trigger) -> bool {
    let start = t.token.min(tokens.len());
    let counter_battery = tokens[start..]
        .iter()
        .take_while(|k| k.span[0] < t.span[1])
        .any(|k| k.lower() == "counter-battery");
    let returned = start > 0 && tokens[start - 1].lower() == "returned";
    if !(counter_battery || returned || answers_with(tokens, t)) {
        return false;
    }
    let clause: Vec<&str> = tokens[start..]
        .iter()
        .take_while(|k| !(k.punct && matches!(k.raw, "." | ";" | ":" | ",")))
        .filter(|k| !k.punct)
        .map(|k| k.lower())
        .collect();
    clause.windows(2).any(|w| {
        matches!(w[0], "launch" | "launching" | "firing")
            && matches!(
                w[1],
                "site" | "sites" | "position" | "positions" | "point" | "points" | "areas"
            )
    }) || counter_battery
}

/// The country of a state actor, for places that cannot be its own strike sites.
fn home_country(actor: &str) -> Option<&'static str> {
    match actor {
        "United States" => Some("US"),
        "Iran" | "IRGC" => Some("IR"),
        "Israel" => Some("IL"),
        "Turkey" => Some("TR"),
        "Russia" => Some("RU"),
        "United Kingdom" => Some("GB"),
        _ => None,
    }
}

/// The lead: the sentences before the second paragraph-level sentence of the story proper
/// (at least the first two sentences).
fn lead_sentences(input: &ArticleInput) -> usize {
    2.min(input.sentences.len())
}

/// Words that tell an attack happened when the one told before it did: "A second missile
/// hit the village at the same time", "Drones simultaneously struck the port", "Meanwhile,
/// shelling hit the market".
const SAME_TIME_WORDS: [&str; 4] = [
    "at the same time",
    "at around the same time",
    "simultaneously",
    "meanwhile",
];

/// For each draft: when no sentence of it states a date but one says it happened "at the
/// same time" as another attack, the day of the nearest dated attack told before it. Such
/// an attack is a second strike of the same raid; the publication week would be a guess
/// when the text gives the day.
fn same_time_days(body: &str, drafts: &[Draft]) -> Vec<Option<DateHit>> {
    drafts
        .iter()
        .map(|d| {
            if d.date().is_some() {
                return None;
            }
            let first = d.mentions.iter().map(|m| m.sentence).min()?;
            let said_same_time = d.mentions.iter().any(|m| {
                // Only undated drafts get here: lower-casing their few sentences is cheap.
                let text = body
                    .get(m.sentence_span[0]..m.sentence_span[1])
                    .unwrap_or_default()
                    .to_lowercase();
                SAME_TIME_WORDS.iter().any(|w| text.contains(w))
            });
            if !said_same_time {
                return None;
            }
            let (_, hit) = drafts
                .iter()
                .filter_map(|o| {
                    let at = o.mentions.iter().map(|m| m.sentence).min()?;
                    let h = o.date()?;
                    (at < first && h.range.precision == DatePrecision::Day).then_some((at, h))
                })
                .max_by_key(|(at, _)| *at)?;
            let mut hit = hit.clone();
            hit.reasoning = format!(
                "{} (at the same time as the attack told before)",
                hit.reasoning
            );
            Some(hit)
        })
        .collect()
}

/// Words of a lead that tells of one wave of attacks on many places: "a barrage on several
/// cities", "strikes across the country", "drones hit three regions overnight".
const WAVE_WORDS: [&str; 6] = [
    "cities",
    "towns",
    "regions",
    "provinces",
    "across the country",
    "nationwide",
];

/// Whether the lead tells of a wave of attacks on many places. Then an attack told further
/// on without a day of its own ("In Dnipro, a missile killed four") is one of the wave, on
/// the lead's day, not an attack of some day in the week before publication.
fn lead_tells_a_wave(input: &ArticleInput, lead_end: usize) -> bool {
    let end = input
        .sentences
        .get(lead_end.saturating_sub(1))
        .map_or(0, |s| s[1]);
    let lead = input
        .article
        .body
        .get(..end)
        .unwrap_or_default()
        .to_ascii_lowercase();
    WAVE_WORDS.iter().any(|w| lead.contains(w))
}

fn lead_date(input: &ArticleInput, lead_end: usize) -> Option<DateHit> {
    let end = input
        .sentences
        .get(lead_end.saturating_sub(1))
        .map_or(0, |s| s[1]);
    // "Iran on Saturday condemned …": the day of a reaction does not date the lead's attack.
    let dates_a_reaction = |d: &DateHit| {
        input
            .article
            .body
            .get(d.span[1]..)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .is_some_and(|w| is_reaction_verb(&w.to_ascii_lowercase()))
    };
    best_date(input.dates.iter().filter(|d| {
        d.span[1] <= end && !dates_a_reaction(d) && !is_dateline_date(&input.article.body, d.span)
    }))
    .cloned()
}

/// "Rockets hit the base at Balad on Sunday … Sunday's barrage was the third this month":
/// an event that no mention places, dated and of a kind that fits exactly one event of the
/// same article that a site places (a bare "attack" fits any), with no day of either against
/// the other, is that event told again (a story names the site once and then says "the attack"), not a
/// second attack somewhere unknown. An attack recalled to explain another, or dated by a
/// count from another, stays apart.
fn join_siteless_duplicates(
    gaz: &Gazetteer,
    drafts: &mut Vec<Draft>,
    counted_from_another: &[usize],
    lead_end: usize,
    lead_date: Option<&DateHit>,
) {
    let sited = |d: &Draft| d.places().next().is_some() || !d.extra_places.is_empty();
    let mut i = 0;
    while i < drafts.len() {
        let d = &drafts[i];
        let Some(date) = d.date() else {
            i += 1;
            continue;
        };
        // "hours after Iran's missile attack": an attack recalled to explain another is
        // another event, even of the same family; so is one dated by a count from another
        // ("Hours earlier, gunmen had killed six soldiers").
        if sited(d)
            || d.mentions
                .iter()
                .any(|m| m.recalled || counted_from_another.contains(&m.ci))
        {
            i += 1;
            continue;
        }
        let homes: Vec<usize> = (0..drafts.len())
            .filter(|&j| j != i && sited(&drafts[j]))
            .filter(|&j| kinds_compatible(drafts[j].kind, d.kind))
            // "Hours earlier, gunmen had killed six soldiers", "another barrage": a further
            // incident is not any event told wholly before it.
            .filter(|&j| {
                d.mentions
                    .iter()
                    .min_by_key(|m| m.ci)
                    .is_none_or(|m| !m.fresh || drafts[j].last_sentence() >= m.sentence)
            })
            .filter(|&j| {
                // An event the lead tells with no date of its own takes the lead's date.
                let in_lead = drafts[j].mentions.iter().any(|m| m.sentence < lead_end);
                let home_date = drafts[j].date().or(if in_lead { lead_date } else { None });
                home_date.is_some_and(|h| {
                    // The retelling must not blur the day: a week told by a vaguer mention
                    // does not replace the event's day.
                    dates_compatible(h, date)
                        && best_date([h, date].into_iter()).is_some_and(|b| {
                            precision_rank(b.range.precision) <= precision_rank(h.range.precision)
                        })
                })
            })
            .filter(|&j| {
                d.mentions.iter().all(|m| {
                    compatible(gaz, &drafts[j], m)
                        && m.date.as_ref().is_none_or(|a| {
                            drafts[j]
                                .mentions
                                .iter()
                                .filter_map(|n| n.date.as_ref())
                                .all(|b| !explicit_days_differ(a, b))
                        })
                })
            })
            .collect();
        let [home] = homes[..] else {
            i += 1;
            continue;
        };
        let d = drafts.remove(i);
        let home = if home > i { home - 1 } else { home };
        let h = &mut drafts[home];
        h.kind = refine_kind(h.kind, d.kind);
        h.mentions.extend(d.mentions);
        h.mentions.sort_by_key(|m| m.ci);
        h.extra_claims.extend(d.extra_claims);
        // Restart: the joined event may now be the only home of another one.
        i = 0;
    }
}

/// "Rockets hit the Balad base late on Friday … The base came under fire at about 8 p.m.":
/// an undated mention that names no kind of attack ("came under fire", "the attack") at the
/// site of exactly one dated attack of the article is that attack told again, not an attack
/// of the story's week somewhere else.
fn join_undated_attacks_at_a_site(
    gaz: &Gazetteer,
    drafts: &mut Vec<Draft>,
    counted_from_another: &[usize],
) {
    let mut i = 0;
    while i < drafts.len() {
        let d = &drafts[i];
        // "… was conducted by a drone that hit two vehicles": an undated aircraft at the site
        // of the one dated air strike is the aircraft that struck, told again.
        let aircraft = d.kind.filter(|&k| is_aerial(k));
        if d.kind
            .is_some_and(|k| k != EventKind::OtherAttack && aircraft.is_none())
            || d.date().is_some()
            || d.places().next().is_none()
            || d.mentions
                .iter()
                .any(|m| m.recalled || m.fresh || counted_from_another.contains(&m.ci))
        {
            i += 1;
            continue;
        }
        let homes: Vec<usize> = (0..drafts.len())
            .filter(|&j| j != i && drafts[j].kind.is_some() && drafts[j].date().is_some())
            .filter(|&j| aircraft.is_none() || drafts[j].kind.is_some_and(is_aerial))
            .filter(|&j| drafts[j].places().next().is_some())
            .filter(|&j| {
                // The same site, not merely a compatible area: "Gunmen attacked a checkpoint in
                // Tarmiyah" is no retelling of the rockets on Camp Taji, 20 km away.
                d.places()
                    .any(|p| drafts[j].places().any(|q| same_site(&p.place, &q.place)))
            })
            .filter(|&j| {
                // The generic kind yields to the named one.
                d.mentions.iter().all(|m| {
                    let mut m = m.clone();
                    m.kind = None;
                    compatible(gaz, &drafts[j], &m)
                })
            })
            .collect();
        let [home] = homes[..] else {
            i += 1;
            continue;
        };
        let d = drafts.remove(i);
        let home = if home > i { home - 1 } else { home };
        let h = &mut drafts[home];
        // A drone that carried out an air strike makes it a drone strike.
        h.kind = match (h.kind, aircraft) {
            (Some(EventKind::Airstrike), Some(k)) if k.same_family(EventKind::DroneAttack) => {
                Some(EventKind::DroneStrike)
            }
            (k, _) => k,
        };
        h.mentions.extend(d.mentions);
        h.mentions.sort_by_key(|m| m.ci);
        h.extra_claims.extend(d.extra_claims);
        h.extra_places.extend(d.extra_places);
        i = 0;
    }
}

/// "**11 March 2020 – Camp Taji.** Around 18 rockets killed …", "Jan. 26, 2020: US embassy.
/// Rockets hit …": the label of a timeline entry, a short sentence opening its line with a day
/// and naming at most a place, with the entry's text after it on the line: its day dates the
/// sentences of the entry. Its day, if it is one.
fn entry_label_day<'a>(
    body: &str,
    sspan: Span,
    mut dates: impl Iterator<Item = &'a DateHit>,
) -> Option<&'a DateHit> {
    if !may_be_entry_label(body, sspan) {
        return None;
    }
    let day = dates.next()?;
    // The day opens the label, and a few words (a place) follow it.
    (day.shift.is_none()
        && day.range.precision == DatePrecision::Day
        && body.get(sspan[0]..day.span[0]).is_some_and(|pre| {
            let pre = pre.trim_start_matches(|c: char| !c.is_alphanumeric());
            !crate::extract::dates::after_a_leading_weekday(pre)
                .chars()
                .any(char::is_alphanumeric)
        })
        && body
            .get(day.span[1]..sspan[1])
            .is_some_and(|rest| rest.split_whitespace().count() <= 8)
        // The entry's text runs on in the line: a date alone on its line is a page's header.
        && body
            .get(sspan[1]..)
            .and_then(|after| after.split('\n').next())
            .is_some_and(|entry| entry.chars().any(char::is_alphanumeric)))
    .then_some(day)
}

/// "27 December 2019 – Kirkuk.", "Jan. 26, 2020: US embassy.", "Sunday 12 January – Balad.":
/// a short sentence that opens
/// its line (after list markup only: "**", "- ", "### ") with a number or a month, which may be
/// the label of a timeline entry. Cheap: it gates the search for dates in sentences that name
/// no attack.
pub(crate) fn may_be_entry_label(body: &str, span: Span) -> bool {
    let text = body.get(span[0]..span[1]).unwrap_or("");
    let opens_line = body
        .get(..span[0])
        .unwrap_or("")
        .trim_end_matches([' ', '\t', '*', '#', '-', '>', '_', '•'])
        .chars()
        .next_back()
        .is_none_or(|c| c == '\n');
    // "Wednesday 8 January – Anbar.": a weekday may come before the date.
    let first = crate::extract::dates::after_a_leading_weekday(
        text.trim_start_matches(|c: char| !c.is_alphanumeric()),
    );
    opens_line
        && (first.starts_with(|c: char| c.is_ascii_digit())
            || first
                .get(..3)
                .and_then(crate::extract::dates::month_from_name)
                .is_some())
        && text.split_whitespace().count() <= 12
}

/// No blank line between byte offsets `a` and `b`.
fn same_paragraph(body: &str, a: usize, b: usize) -> bool {
    body.get(a..b).is_some_and(|gap| !gap.contains("\n\n"))
}

/// A strike from the air: by aircraft or by drone.
fn is_aerial(k: EventKind) -> bool {
    k.same_family(EventKind::DroneStrike)
}

/// The towns and sites among `places` (no regions or countries), for "is this elsewhere".
fn towns_among<'a>(places: impl Iterator<Item = &'a Place>) -> Vec<Place> {
    places.filter(|p| is_site_or_town(p)).cloned().collect()
}

/// "… killed in an Israeli raid near the capital, a day after missiles slammed into positions
/// near the capital" and later "jets fired missiles at targets south of the capital on
/// Monday": missiles that no other side is said to have fired, on the day of an air or drone strike
/// and at a town or site of it, are that strike's missiles, whichever was told first. (The
/// candidate loop joins them only when the strike came first and already had its kind.)
fn join_missiles_of_an_air_strike(gaz: &Gazetteer, body: &str, drafts: &mut Vec<Draft>) {
    let towns = |d: &Draft| towns_among(d.places().map(|p| &p.place));
    let mut i = 0;
    while i < drafts.len() {
        let d = &drafts[i];
        let day = d
            .date()
            .filter(|h| h.range.precision == DatePrecision::Day && !h.soft);
        let missiles_of_no_side = d.kind == Some(EventKind::MissileAttack)
            && !d.mentions.iter().any(|m| fired_by_a_side(body, m));
        let (Some(day), true) = (day, missiles_of_no_side) else {
            i += 1;
            continue;
        };
        // The side the missiles' sentences name, if any, must be the strike's.
        let perps: Vec<&str> = d
            .mentions
            .iter()
            .filter_map(|m| m.roles.perpetrator.map(|p| p.0))
            .collect();
        let mine = towns(d);
        let homes: Vec<usize> = (0..drafts.len())
            .filter(|&j| j != i)
            .filter(|&j| {
                matches!(
                    drafts[j].kind,
                    Some(EventKind::Airstrike | EventKind::DroneStrike)
                )
            })
            .filter(|&j| {
                drafts[j]
                    .date()
                    .is_some_and(|h| dates_compatible(h, day) && !explicit_days_differ(h, day))
            })
            .filter(|&j| {
                perps.iter().all(|p| {
                    drafts[j]
                        .mentions
                        .iter()
                        .any(|m| m.roles.perpetrator.is_some_and(|q| q.0 == *p))
                })
            })
            .filter(|&j| {
                // A strike whose reports name no place at all takes the missiles' site; one
                // named only by a country or region does not (an area is no site).
                let theirs = towns(&drafts[j]);
                if drafts[j].places().next().is_none() {
                    true
                } else {
                    !mine.is_empty()
                        && !theirs.is_empty()
                        && place_sets_compatible(gaz, mine.iter(), theirs.iter())
                }
            })
            .collect();
        let [home] = homes[..] else {
            i += 1;
            continue;
        };
        let d = drafts.remove(i);
        let home = if home > i { home - 1 } else { home };
        let h = &mut drafts[home];
        h.mentions.extend(d.mentions);
        h.mentions.sort_by_key(|m| m.ci);
        h.extra_claims.extend(d.extra_claims);
        h.extra_places.extend(d.extra_places);
        i = 0;
    }
}

/// Two places that name one site: both a town or finer, at most 5 km apart.
fn same_site(a: &Place, b: &Place) -> bool {
    let fine = |p: &Place| p.precision <= PlacePrecision::Town;
    fine(a) && fine(b) && haversine_km((a.lat, a.lon), (b.lat, b.lon)) <= 5.0
}

/// The event mentioned most recently at or before sentence `k`, if that mention is at most two
/// sentences back: loose claims and blast sites in a sentence without a trigger of its own belong
/// to it.
fn open_draft_before(drafts: &mut [Draft], k: usize) -> Option<&mut Draft> {
    open_draft_index(drafts, k).map(|i| &mut drafts[i])
}

/// The index of [`open_draft_before`]'s event.
fn open_draft_index(drafts: &[Draft], k: usize) -> Option<usize> {
    open_draft_index_by(drafts, k, false)
}

/// As [`open_draft_index`]; with `last_told`, of two events last told in the same sentence
/// the one told later in it is open: in "The strike came weeks after an air strike destroyed
/// the theatre. About 300 people may have died there." the place and toll are the air
/// strike's. (Without it the first is, as the sentence's head: "Rockets hit the base, a day
/// after strikes on the border. There were no injuries.")
///
/// "The rocket attack followed the strikes of Sunday night, which … . The militia said four
/// of its fighters were killed.": when the head of that sentence only names again, with a
/// definite noun, an attack told before, the story has moved on to the other attack it tells,
/// and the toll after it is that one's.
fn open_draft_index_by(drafts: &[Draft], k: usize, last_told: bool) -> Option<usize> {
    // Per event: sentences back, where its last mention starts, whether that mention names
    // again (definite) an attack told in an earlier sentence, and the event's index.
    let latest: Vec<(usize, usize, bool, usize)> = drafts
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            let m = d
                .mentions
                .iter()
                .filter(|m| m.sentence <= k)
                .max_by_key(|m| (m.sentence, m.trigger.span[0]))?;
            let told_again =
                m.trigger.definite && d.mentions.iter().any(|o| o.sentence < m.sentence);
            Some((k - m.sentence, m.trigger.span[0], told_again, i))
        })
        .filter(|&(gap, _, _, _)| gap <= 2)
        .collect();
    let gap = latest.iter().map(|x| x.0).min()?;
    let last = latest.iter().filter(|x| x.0 == gap);
    let head = last.clone().min_by_key(|x| x.1)?;
    let tail = last.clone().max_by_key(|x| x.1)?;
    if last_told || (head.2 && tail.1 > head.1) {
        Some(tail.3)
    } else {
        last.map(|x| x.3).min()
    }
}

/// "Troops ended a siege of a hotel on Saturday. At least 21 people were killed, the minister
/// said. The attack on the hotel began on Friday …": a toll told before the story names any
/// attack is the toll of the attack it names next, one or two sentences on.
fn attack_told_next(drafts: &[Draft], k: usize) -> Option<usize> {
    let (first, i) = drafts
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.mentions.iter().map(|m| m.sentence).min().map(|s| (s, i)))
        .min()?;
    (k < first && first - k <= 2).then_some(i)
}

/// "… may have died there.", "were killed there, officials said": "there" as an adverb of
/// place points back to the place named last.
fn points_back_to_a_place(text: &str) -> bool {
    [" there.", " there,", " there;"]
        .iter()
        .any(|p| text.contains(p))
}

/// A teaser line of the page, not the story: "> Niger army says 30 militants killed" (a quoted
/// link), "LATEST: … | Turkey says 13 hostages killed" (a ticker of headlines split by bars).
/// Its figures belong to other stories.
fn is_page_furniture(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('>') || t.contains(" | ")
}

/// "Israel struck a building in Beirut, in retaliation for a rocket attack that killed 12
/// children": an attack recalled to explain another is not that other, and its toll ("that
/// killed 12") is not the toll of the strike it explains, even when the recalled mention was
/// gathered into the strike's event. The toll moves to the nearest other event of the recalled
/// attack's kind that the story tells with a day of its own ("the rocket that hit a football
/// pitch on Saturday"), and whose place and date fit what the recall says of it ("on the
/// Golan Heights").
fn move_recalled_tolls(gaz: &Gazetteer, drafts: &mut [Draft]) {
    for di in 0..drafts.len() {
        for mi in 0..drafts[di].mentions.len() {
            let m = &drafts[di].mentions[mi];
            if !m.recalled || m.claims.is_empty() || m.kind.is_none() {
                continue;
            }
            let absorbed = drafts[di]
                .mentions
                .iter()
                .any(|o| o.ci != m.ci && o.sentence == m.sentence && !o.recalled);
            if !absorbed {
                continue;
            }
            // A recall that names neither place nor date ("retaliation for a rocket attack
            // that killed nine") cannot be told from any other attack of its kind in the story
            // ("The rocket attack on Kiryat Shmona on 3 March damaged a wall"): no home.
            let vague = m.places.is_empty() && m.date.is_none();
            let (kind, sentence) = (m.kind, m.sentence);
            let recalled_places: Vec<&Place> = m.places.iter().map(|p| &p.place).collect();
            let recalled_date = m.date.clone();
            let fits = |d: &Draft| {
                let home_places: Vec<&Place> = d.places().map(|p| &p.place).collect();
                place_sets_compatible(
                    gaz,
                    home_places.iter().copied(),
                    recalled_places.iter().copied(),
                ) && recalled_date.as_ref().is_none_or(|r| {
                    d.mentions
                        .iter()
                        .filter_map(|o| o.date.as_ref())
                        .any(|o| dates_compatible(o, r))
                })
            };
            let home = drafts
                .iter()
                .enumerate()
                .filter(|&(j, d)| {
                    j != di
                        && d.kind
                            .is_some_and(|k| kind.is_some_and(|c| k.same_family(c)))
                        && !vague
                        && d.mentions.iter().any(|o| !o.recalled && o.date.is_some())
                        && fits(d)
                })
                .min_by_key(|(_, d)| {
                    d.mentions
                        .iter()
                        .map(|o| o.sentence.abs_diff(sentence))
                        .min()
                        .unwrap_or(usize::MAX)
                })
                .map(|(j, _)| j);
            if let Some(j) = home {
                let claims = std::mem::take(&mut drafts[di].mentions[mi].claims);
                drafts[j].extra_claims.extend(claims);
                continue;
            }
            // With no home, the event that gathered the recall may well be that attack
            // ("those strikes were retaliation for a rocket attack that killed …" read as the
            // rocket attack): the toll stays, unless the attack told beside the recall is of
            // another kind or is told with a day of its own ("a strike on a building on
            // Tuesday … retaliation for a rocket attack that killed nine"), whose toll it is
            // not; then it is dropped rather than misplaced.
            let told_another_kind = drafts[di].mentions.iter().any(|o| {
                o.ci != drafts[di].mentions[mi].ci
                    && o.sentence == sentence
                    && !o.recalled
                    && match o.kind {
                        Some(k) => !kind.is_some_and(|c| k.same_family(c)),
                        // A generic "strike" with a day of its own is the attack being told;
                        // "those strikes were retaliation for …" (no day) may be the recall.
                        None => o.date.is_some(),
                    }
            });
            if told_another_kind {
                drafts[di].mentions[mi].claims.clear();
            }
        }
    }
}

/// "US jets struck radar sites overnight. … A rebel spokesman said five fighters had been
/// killed in 73 strikes": a counted plural with no date of its own after the lead is dropped
/// as background, but the toll it carries is that of the raid the story is telling, when that
/// raid (of the same kind) is still open, or is the one a distant toll belongs to (no attack
/// named in between: [`distant_toll_owner`]). A toll that finds no such event is dropped with
/// it.
fn attach_summary_tolls(
    drafts: &mut [Draft],
    attack_sentences: &[usize],
    back_references: &[usize],
    tolls: Vec<(usize, EventKind, Vec<ClaimHit>)>,
) {
    for (k, kind, claims) in tolls {
        if let Some(di) = open_draft_index(drafts, k)
            .or_else(|| distant_toll_owner(drafts, attack_sentences, back_references, k))
            && drafts[di].kind.unwrap_or(drafts[di].hint).same_family(kind)
        {
            drafts[di].extra_claims.extend(claims);
        }
    }
}

/// "Overall, 2,000 civilians have been killed in 500 air strikes": a sentence that counts the
/// dead of a whole campaign, not of the raid just told.
fn tells_a_running_total(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [
        "overall",
        "in total",
        "in all",
        "so far",
        "since ",
        "this year",
        "campaign",
        "a total of",
        "have been killed",
        "has been killed",
    ]
    .iter()
    .any(|cue| lower.contains(cue))
}

/// How far after its event's last mention a toll sentence may still be that event's, when no
/// attack is named in between ([`distant_toll_owner`]).
const DISTANT_TOLL_SENTENCES: usize = 6;

/// The event a toll told three or more sentences after it belongs to ("Jets struck depots on
/// Sunday. The targets lay … . A spokesman described them … . Militia sources said 25 fighters
/// had been killed."): the event mentioned last before sentence `k`, when no sentence between
/// names any attack at all (kept as an event or not: a recalled or denied attack in between
/// may be the one the toll is about), except by a mere reference back ("the strike", among
/// `back_references`). When one sentence told two attacks ("jets bombed depots … in reprisal
/// for the rocket attack that killed …"), the one the story tells again next.
fn distant_toll_owner(
    drafts: &[Draft],
    attack_sentences: &[usize],
    back_references: &[usize],
    k: usize,
) -> Option<usize> {
    let last_before = |d: &Draft| {
        d.mentions
            .iter()
            .map(|m| m.sentence)
            .filter(|&s| s < k)
            .max()
    };
    let last = drafts.iter().filter_map(last_before).max()?;
    if k - last > DISTANT_TOLL_SENTENCES
        || attack_sentences
            .iter()
            .any(|&s| last < s && s < k && !back_references.contains(&s))
    {
        return None;
    }
    let told_last: Vec<usize> = (0..drafts.len())
        .filter(|&i| last_before(&drafts[i]) == Some(last))
        .collect();
    if let [only] = told_last[..] {
        return Some(only);
    }
    let next_attack = attack_sentences.iter().copied().find(|&s| s > k)?;
    let told_next: Vec<usize> = told_last
        .into_iter()
        .filter(|&i| drafts[i].mentions.iter().any(|m| m.sentence == next_attack))
        .collect();
    match told_next[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// "Blasts tore through the crowd, killing 84 people in the worst such attack since 1979": an
/// attack named only to rank the one just told ("the worst attack", "the deadliest such
/// bombing") opens no event of its own, and the toll beside it is the told attack's. When
/// trigger `i` is such a ranking and not kept, returns the kept trigger nearest before it
/// that is not one.
fn ranked_attack_holder(
    tokens: &[Token],
    found: &[Trigger],
    kept: &[bool],
    i: usize,
) -> Option<usize> {
    let ranks = |t: &Trigger| ranks_an_attack(tokens, t);
    if kept[i] || !ranks(&found[i]) {
        return None;
    }
    (0..i).rev().find(|&j| kept[j] && !ranks(&found[j]))
}

/// "the worst attack", "one of the deadliest attacks", "the most lethal bombing": the trigger
/// ranks an attack among others. "the most recent attack" is no ranking.
fn ranks_an_attack(tokens: &[Token], t: &Trigger) -> bool {
    let before = &tokens[t.token.saturating_sub(3)..t.token.min(tokens.len())];
    before.iter().enumerate().any(|(k, w)| match w.lower() {
        "worst" | "deadliest" | "bloodiest" | "heaviest" | "biggest" | "largest"
        | "deadliest-ever" => true,
        "most" => before.get(k + 1).is_some_and(|n| {
            matches!(
                n.lower(),
                "deadly" | "lethal" | "serious" | "violent" | "devastating"
            )
        }),
        _ => false,
    })
}

fn recent_family_draft(drafts: &[Draft], c: &Candidate) -> Option<usize> {
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| kinds_compatible(d.kind, c.kind) && d.last_sentence() + 3 >= c.sentence)
        .max_by_key(|(_, d)| d.last_sentence())
        .map(|(i, _)| i)
}

/// The air or drone strike of the last three sentences (or this one) whose places fit the
/// mention. A witness's account of the missiles often comes a paragraph after the lead that
/// names the drone ("… hit by a drone in Idlib on Sunday. … two missiles struck the car").
fn recent_air_draft(gaz: &Gazetteer, drafts: &[Draft], c: &Candidate) -> Option<usize> {
    let cp: Vec<&Place> = c.places.iter().map(|p| &p.place).collect();
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            let dp: Vec<&Place> = d.places().map(|p| &p.place).collect();
            d.kind.is_some_and(|k| {
                k.same_family(EventKind::Airstrike) || k.same_family(EventKind::DroneAttack)
            }) && d.last_sentence() + 3 >= c.sentence
                && place_sets_compatible(gaz, dp.iter().copied(), cp.iter().copied())
        })
        .max_by_key(|(_, d)| d.last_sentence())
        .map(|(i, _)| i)
}

/// An attack of no named weapon (a storming, a raid, "the attack"): what a siege is the end of.
fn is_an_assault(t: &Trigger) -> bool {
    matches!(
        t.kind.unwrap_or(t.hint),
        EventKind::OtherAttack | EventKind::GroundAssault
    )
}

/// "Troops ended a siege of the hotel late Saturday, after gunmen stormed it": the ended siege
/// is a head clause of its own, so what is written before "after" (the day the siege ended)
/// does not date the storming.
fn ends_a_siege(tokens: &[Token], t: &Trigger) -> bool {
    triggers::not_an_event(tokens, t) == Some(triggers::NotAnEvent::Ended)
}

/// The assault (an attack of no named weapon) that a bomb mention's own sentence already
/// reports, on a day that fits the bomb's.
/// "The attack began when a car bomb exploded" is one mention of the bomb (the reference back
/// folds into it) and reports the same assault.
fn assault_of_the_sentence(
    gaz: &Gazetteer,
    body: &str,
    drafts: &[Draft],
    c: &Candidate,
) -> Option<usize> {
    if c.kind != Some(EventKind::Ied) {
        return None;
    }
    // "the ambush followed Thursday's bombing", "an ambush, days after a bombing": two events
    // told in order.
    let sequence_between = |m: &Candidate| {
        let (a, b) = if m.trigger.span[1] <= c.trigger.span[0] {
            (m.trigger.span[1], c.trigger.span[0])
        } else {
            (c.trigger.span[1], m.trigger.span[0])
        };
        let tokens = triggers::tokenize(body, [a, b.max(a)]);
        tells_a_sequence(&tokens, a, b)
    };
    let cp: Vec<&Place> = c.places.iter().map(|p| &p.place).collect();
    // "The attack on the hotel began when a car bomb exploded" folds into one mention of the
    // bomb, a reference back: with no other mention in its sentence it is the assault's.
    let alone = !drafts
        .iter()
        .any(|d| d.mentions.iter().any(|m| m.sentence == c.sentence));
    // "Gunmen stormed a hospital in Kabul, while in the east a bomber struck a funeral in
    // Jalalabad": a stage of an assault happens at its site; a bomb at a town of its own, far
    // from every town or site the assault names, is another attack, though the country or
    // region named with it contains both.
    let towns = |ps: &[&Place]| towns_among(ps.iter().copied());
    let c_towns = towns(&cp);
    drafts.iter().position(|d| {
        let dp: Vec<&Place> = d.places().map(|p| &p.place).collect();
        let d_towns = towns(&dp);
        let elsewhere = !c_towns.is_empty()
            && !d_towns.is_empty()
            && !place_sets_compatible(gaz, d_towns.iter(), c_towns.iter());
        !elsewhere
            && one_complex_attack(d.kind, c.kind)
            && ((c.trigger.definite && alone)
                || d.mentions
                    .iter()
                    .any(|m| m.sentence == c.sentence && !sequence_between(m)))
            && place_sets_compatible(gaz, dp.iter().copied(), cp.iter().copied())
            && match (d.date(), c.date.as_ref()) {
                (Some(p), Some(q)) => dates_compatible(p, q) && !explicit_days_differ(p, q),
                _ => true,
            }
    })
}

/// "Rebel forces fired missiles at the town": a side that fires its own missiles, named
/// before the launch verb of the mention; "the drone fired two missiles" is still the
/// aircraft's.
fn fired_by_a_side(body: &str, c: &Candidate) -> bool {
    // The trigger may begin with the verb ("fired missiles").
    let before = body
        .get(c.sentence_span[0]..c.trigger.span[1])
        .unwrap_or("")
        .to_ascii_lowercase();
    let words: Vec<&str> = before
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(v) = words
        .iter()
        .rposition(|w| matches!(*w, "fired" | "launched" | "fires" | "launches"))
    {
        let aircraft = words[..v].iter().any(|w| {
            matches!(
                *w,
                "drone"
                    | "drones"
                    | "jet"
                    | "jets"
                    | "warplane"
                    | "warplanes"
                    | "aircraft"
                    | "helicopter"
                    | "helicopters"
                    | "plane"
                    | "planes"
                    | "uav"
            )
        });
        if v > 0 && !aircraft {
            return true;
        }
    }
    false
}

/// The air or drone strike, anywhere in the article, that the missiles of a mention dated to
/// a day are the weapons of: same day, at the same site (two places of town size or finer
/// within a few km; a shared country or region is not enough), and fired by no other side:
/// the missiles name no perpetrator, or one the strike's reports name too. Missiles that a
/// named side "fired" or "launched" are that side's own attack.
fn same_day_air_draft(body: &str, drafts: &[Draft], c: &Candidate) -> Option<usize> {
    let day = c
        .date
        .as_ref()
        .filter(|d| d.range.precision == DatePrecision::Day && !d.soft)?;
    if c.places.is_empty() {
        return None;
    }
    if fired_by_a_side(body, c) {
        return None;
    }
    let same_side = |d: &Draft| {
        let Some((p, _)) = c.roles.perpetrator else {
            return true;
        };
        let named: Vec<&Candidate> = d
            .mentions
            .iter()
            .filter(|m| m.roles.perpetrator.is_some())
            .collect();
        !named.is_empty()
            && named.iter().all(|m| {
                m.roles.perpetrator.is_some_and(|(q, _)| {
                    !crate::extract::cluster::actors_contradict(
                        Some(q),
                        m.qualifier.is_some(),
                        Some(p),
                        c.qualifier.is_some(),
                    )
                })
            })
    };
    let at_its_site = |d: &Draft| {
        d.places()
            .any(|a| c.places.iter().any(|b| same_site(&a.place, &b.place)))
    };
    drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            d.kind.is_some_and(|k| {
                k.same_family(EventKind::Airstrike) || k.same_family(EventKind::DroneAttack)
            }) && d.date().is_some_and(|dd| {
                dd.range.precision == DatePrecision::Day && dd.range.start == day.range.start
            }) && at_its_site(d)
                && same_side(d)
        })
        .max_by_key(|(_, d)| d.last_sentence())
        .map(|(i, _)| i)
}

/// "The bombing of the market came as votes were counted on Monday": a definite reference
/// to an attack by its target ("the <attack> of the <target>"), with no kind of its own, whose
/// target noun was told in the sentence of an event before, is that event, whatever date or
/// place its own sentence names for something else.
fn event_named_by_target(body: &str, drafts: &[Draft], c: &Candidate) -> Option<usize> {
    if !c.trigger.definite || c.kind.is_some() {
        return None;
    }
    let mut words = body
        .get(c.trigger.span[1]..c.sentence_span[1])?
        .split_whitespace();
    if words.next()? != "of" || !matches!(words.next()?, "the" | "a" | "an") {
        return None;
    }
    // The target noun, or its adjective and noun ("the crowded market").
    let target: Vec<String> = words
        .take(2)
        .map(|w| {
            w.trim_matches(|ch: char| !ch.is_alphanumeric())
                .to_lowercase()
        })
        .take_while(|w| w.len() >= 4 && w.chars().all(|ch| ch.is_alphabetic()))
        .filter(|w| {
            !matches!(
                w.as_str(),
                "came" | "was" | "were" | "that" | "which" | "this" | "have" | "been" | "same"
            )
        })
        .collect();
    let has_word = |text: &str, w: &str| {
        text.split(|ch: char| !ch.is_alphanumeric())
            .any(|x| x.eq_ignore_ascii_case(w))
    };
    drafts
        .iter()
        .enumerate()
        .rev()
        .find(|(_, d)| {
            d.mentions.iter().any(|m| {
                m.sentence < c.sentence
                    && body
                        .get(m.sentence_span[0]..m.sentence_span[1])
                        .is_some_and(|text| target.iter().any(|w| has_word(text, w)))
            })
        })
        .map(|(i, _)| i)
}

/// Can this mention join this draft?
fn compatible(gaz: &Gazetteer, d: &Draft, c: &Candidate) -> bool {
    if !kinds_compatible(d.kind, c.kind) {
        // A wildcard "raid" or "attack" fits any kind; two named kinds must share a family.
        return false;
    }
    // "Turkish warplanes struck …" and "Islamic State militants attacked …" are two events.
    if let Some((p, _)) = c.roles.perpetrator
        && d.mentions.iter().any(|m| {
            m.roles.perpetrator.is_some_and(|(q, _)| {
                crate::extract::cluster::actors_contradict(
                    Some(q),
                    m.qualifier.is_some(),
                    Some(p),
                    c.qualifier.is_some(),
                )
            })
        })
    {
        return false;
    }
    if let (Some(a), Some(b)) = (d.date(), c.date.as_ref())
        && !dates_compatible(a, b)
    {
        return false;
    }
    // Two explicit days that do not overlap ("Monday night" and "Tuesday night") are two
    // events, even though a loose report may be a day off.
    if let Some(b) = c.date.as_ref()
        && d.mentions
            .iter()
            .filter_map(|m| m.date.as_ref())
            .any(|a| explicit_days_differ(a, b))
    {
        return false;
    }
    // "Second US strike …, after Feb. 25 raid in eastern Syria": an attack recalled with a
    // date of its own is older than the news it is recalled from; an event told at a site of
    // its own with no date (a bulletin's undated entry) is not shown to be it by a wildcard
    // ("raid", "attack") that names no kind. A recalled "double suicide bombing" still dates
    // the undated suicide bombing told before; a loose mention with no site may be anything.
    if c.recalled
        && c.kind.is_none()
        && c.date.as_ref().is_some_and(|b| !b.soft)
        && d.date().is_none()
        && d.places().next().is_some()
    {
        return false;
    }
    if c.places.is_empty() {
        return true;
    }
    // "Rockets fell on the Taji base on Tuesday … Sunday's strike was on Balad": a mention with
    // a day of its own at a site of its own, away from every site of an event that states no
    // day (only the day it was said, or none), is another attack, not that event's date.
    let own_day = c.date.as_ref().is_some_and(DateHit::states_a_day);
    if own_day
        && c.after_lead
        && d.mentions
            .iter()
            .filter_map(|m| m.date.as_ref())
            .all(|a| a.soft || a.range.precision != DatePrecision::Day)
    {
        let own_sites: Vec<&Place> = c
            .places
            .iter()
            .filter(|q| is_site_or_town(&q.place) && !c.bearing.contains(&q.span))
            .map(|q| &q.place)
            .collect();
        let draft_sites: Vec<&Place> = d
            .mentions
            .iter()
            .flat_map(|m| {
                m.places
                    .iter()
                    .filter(|p| !m.bearing.contains(&p.span))
                    .map(|p| &p.place)
            })
            .filter(|p| is_site_or_town(p))
            .collect();
        // Two towns may be one attack told roughly ("near Odesa") and finely (the village);
        // a named site (a base, an airport) against another place is not.
        let apart = |a: &Place, b: &Place| {
            (a.precision == PlacePrecision::Point || b.precision == PlacePrecision::Point)
                && a.gazetteer_id != b.gazetteer_id
                && haversine_km((a.lat, a.lon), (b.lat, b.lon)) > SAME_SITE_KM
        };
        if !own_sites.is_empty()
            && !draft_sites.is_empty()
            && own_sites
                .iter()
                .all(|a| draft_sites.iter().all(|b| apart(a, b)))
        {
            return false;
        }
    }
    let dp: Vec<&Place> = d.places().map(|p| &p.place).collect();
    let cp: Vec<&Place> = c.places.iter().map(|p| &p.place).collect();
    // "missiles hit Ain al-Asad … in Iraq" and "rockets landed in the Green Zone": two
    // weapons at two named sites are two attacks; the country around both does not make them
    // one. (One strike of one kind may hit several sites.)
    let sites = |ps: &[&Place]| -> Vec<Place> {
        ps.iter()
            .filter(|p| p.precision == PlacePrecision::Point)
            .map(|p| (*p).clone())
            .collect()
    };
    let (ds, cs) = (sites(&dp), sites(&cp));
    let other_weapon = matches!((d.kind, c.kind), (Some(a), Some(b)) if a != b);
    if other_weapon
        && !ds.is_empty()
        && !cs.is_empty()
        && !place_sets_compatible(gaz, ds.iter(), cs.iter())
    {
        return false;
    }
    if place_sets_compatible(gaz, dp.iter().copied(), cp.iter().copied()) {
        return true;
    }
    // "an air base north of Baghdad" and "Balad air base, 80 km north of the capital": a
    // bearing from a city and a site within a short drive of it can be the same place.
    let dplaces = d.mentions.iter().flat_map(|m| {
        m.places
            .iter()
            .map(move |p| (p, m.bearing.contains(&p.span)))
    });
    dplaces.into_iter().any(|(p, p_bearing)| {
        c.places.iter().any(|q| {
            (p_bearing || c.bearing.contains(&q.span))
                && haversine_km((p.place.lat, p.place.lon), (q.place.lat, q.place.lon))
                    <= BEARING_KM
        })
    })
}

/// How well a mention fits a draft (higher is better): same kind, same day, close place.
fn score_match(
    gaz: &Gazetteer,
    d: &Draft,
    c: &Candidate,
    lead_end: usize,
    news: Option<&DateHit>,
) -> u32 {
    let mut s = 0;
    // "Hours after the rocket attack, …": a bare reference back, with no date or place of
    // its own, is to the story's own attack (the lead's), not to an older one a clause
    // recalled in between ("blamed for the December barrage on the base").
    if c.trigger.definite && c.date.is_none() && c.places.is_empty() {
        if d.mentions.iter().any(|m| m.sentence < lead_end) {
            s += 1;
        }
        // Background recalled by its month only ("the December barrage") is seldom what a
        // bare "the attack" means.
        if d.date()
            .is_none_or(|h| h.range.precision == DatePrecision::Day)
        {
            s += 1;
        }
        // "Iran fired missiles at two bases on Wednesday … in revenge for Friday's drone
        // strike. State TV claimed 80 had died in the strikes": the toll of a bare reference
        // back ("the strikes", no weapon named) is the story's news, not that of an older
        // attack recalled on the way, whatever word it shares with that one. ("Islamic State
        // claimed the attack", with no toll, may well mean the one just told.)
        if c.kind.is_none()
            && c.after_the
            && c.claims
                .iter()
                .any(|x| matches!(x.field, ClaimField::Killed | ClaimField::Wounded))
            && let (Some(news), Some(own)) = (news, d.date())
            && dates_compatible(news, own)
        {
            s += 3;
        }
    }
    // A bare "strikes" or "raids" most likely means the air raid (more than a nearby place
    // does: "the raids hit X, south-west of Baghdad" after a rocket attack near Baghdad), a
    // bare "attack" anything.
    if c.kind.is_none() && d.kind.unwrap_or(d.hint).same_family(c.trigger.hint) {
        s += if c.trigger.hint == EventKind::Airstrike {
            3
        } else {
            1
        };
    }
    // A "raid" is an air raid or a ground raid, never a rocket attack.
    if c.kind.is_none()
        && c.trigger.hint == EventKind::GroundAssault
        && d.kind.unwrap_or(d.hint).same_family(EventKind::Airstrike)
    {
        s += 3;
    }
    if d.kind.is_some() && d.kind == c.kind {
        s += 2;
    }
    if let (Some(a), Some(b)) = (d.date(), c.date.as_ref())
        && a.range == b.range
    {
        s += 2;
    }
    if d.places().any(|p| {
        c.places
            .iter()
            .any(|q| haversine_km((p.place.lat, p.place.lon), (q.place.lat, q.place.lon)) < 30.0)
    }) {
        s += 2;
    }
    // "The attack on Chornomorsk" after strikes on Odesa and on Chornomorsk: the draft that
    // names the very same place beats a neighbour within the same radius.
    if d.places().any(|p| {
        p.place.gazetteer_id.is_some()
            && c.places
                .iter()
                .any(|q| q.place.gazetteer_id == p.place.gazetteer_id)
    }) {
        s += 3;
    }
    let _ = gaz;
    s
}

/// A first mention that may open an event: specific enough to be a report of something that
/// happened, not a passing reference.
fn can_stand_alone(c: &Candidate, lead_end: usize) -> bool {
    if c.recalled && c.date.is_none() {
        return false;
    }
    let in_lead = c.sentence < lead_end;
    let sub_country = c
        .places
        .iter()
        .any(|p| p.place.precision < crate::extract::types::PlacePrecision::Country);
    match c.kind {
        None => {
            // A wildcard ("the attack", "strikes") stands alone only when anchored; with a
            // site but no date it is kept only if another article confirms it (see
            // `cluster::drop_unconfirmed`).
            sub_country
                || (in_lead
                    && (c.date.is_some() || !c.places.is_empty())
                    && c.trigger.hint == EventKind::Airstrike
                    && c.roles.perpetrator.is_some())
        }
        Some(_) => {
            if c.trigger.strength != Strength::Explicit {
                return c.date.is_some() || !c.places.is_empty();
            }
            // Outside the lead, a passing mention needs a date or a place finer than a
            // country ("armed groups have used them against targets in Saudi Arabia").
            c.date.is_some() || sub_country || in_lead
        }
    }
}

fn finish(
    article: &Article,
    gaz: &Gazetteer,
    d: Draft,
    lead_date: Option<&DateHit>,
) -> Option<Event> {
    let kind = d.kind.unwrap_or(d.hint);
    // Date: the best one the mentions give; else the lead's; else the publication date.
    let (date, date_reasoning, date_from_text) = match d.date() {
        Some(h) => (h.range, h.reasoning.clone(), true),
        None => match lead_date {
            Some(h) => (h.range, format!("{}{LEAD_DATE_NOTE}", h.reasoning), true),
            None => {
                let published = article.published?;
                let range = match published.precision {
                    DatePrecision::Day | DatePrecision::Week => {
                        let end = published.date;
                        let start = end.checked_sub_days(Days::new(6)).unwrap_or(end);
                        DateRange {
                            start,
                            end,
                            precision: DatePrecision::Week,
                        }
                    }
                    DatePrecision::Month => {
                        let start = published.date;
                        let end = start
                            .checked_add_months(chrono::Months::new(1))
                            .and_then(|m| m.pred_opt())
                            .unwrap_or(start);
                        DateRange {
                            start,
                            end,
                            precision: DatePrecision::Month,
                        }
                    }
                    DatePrecision::Year => {
                        let start = published.date;
                        let end = start
                            .with_month(12)
                            .and_then(|m| m.with_day(31))
                            .unwrap_or(start);
                        DateRange {
                            start,
                            end,
                            precision: DatePrecision::Year,
                        }
                    }
                };
                (
                    range,
                    format!(
                        "no date in text; published {}",
                        published.to_schema_string()
                    ),
                    false,
                )
            }
        },
    };
    // Places: the most precise one is the event's place, the others are further sites.
    let mut places: Vec<&PlaceHit> = Vec::new();
    for p in d.places().chain(d.extra_places.iter()) {
        if !places
            .iter()
            .any(|q| q.place.gazetteer_id == p.place.gazetteer_id && q.place.name == p.place.name)
        {
            places.push(p);
        }
    }
    // The main place is the one the mentions support best, then the most precise: a place
    // one passing clause names does not outrank the town every report names.
    let weighted: Vec<(&Place, u32)> = places
        .iter()
        .map(|p| {
            let named_by = d
                .mentions
                .iter()
                .filter(|m| {
                    m.places.iter().any(|q| {
                        q.place.gazetteer_id == p.place.gazetteer_id
                            && q.place.name == p.place.name
                            // A bearing's city is no vote for the site.
                            && !m.bearing.contains(&q.span)
                    })
                })
                .count();
            (&p.place, named_by as u32)
        })
        .collect();
    let primary = most_supported_place(gaz, &weighted).map(|i| places[i].clone());
    let mut other_places: Vec<Place> = Vec::new();
    if let Some(pr) = &primary {
        for p in &places {
            if p.place == pr.place {
                continue;
            }
            // An area that only contains the primary place adds nothing.
            if p.place.precision.is_area()
                && places_compatible(gaz, &p.place, &pr.place)
                && p.place.precision > pr.place.precision
            {
                continue;
            }
            other_places.push(p.place.clone());
        }
    }
    let perp = d
        .mentions
        .iter()
        .find(|m| m.roles.perpetrator.is_some() && m.qualifier.is_none())
        .or_else(|| d.mentions.iter().find(|m| m.roles.perpetrator.is_some()));
    // By news convention Israel's strikes across its borders are flown by its air force: the
    // "Israeli missiles" that hit Syria or Lebanon in the target side's words are the jets'
    // missiles, an air strike (the monitors' and Israel's "air strikes").
    // Missiles the text says a tank, a gun or a ship fired stay a missile attack.
    let israeli_missiles = kind == EventKind::MissileAttack
        && perp.is_some_and(|m| m.roles.perpetrator.is_some_and(|(p, _)| p == "Israel"));
    // The word scan below is the costly test: it reads no sentence for any other attack.
    let mentions: &[_] = if israeli_missiles { &d.mentions } else { &[] };
    let ground_or_sea_launcher = mentions.iter().any(|m| {
        article
            .body
            .get(m.sentence_span[0]..m.sentence_span[1])
            .unwrap_or("")
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .any(|word| {
                matches!(
                    word.to_lowercase().as_str(),
                    "tank"
                        | "tanks"
                        | "artillery"
                        | "ship"
                        | "ships"
                        | "warship"
                        | "warships"
                        | "navy"
                        | "naval"
                        | "boat"
                        | "boats"
                        | "gunboat"
                        | "gunboats"
                        | "surface-to-surface"
                )
            })
    });
    let kind = if israeli_missiles && !ground_or_sea_launcher {
        EventKind::Airstrike
    } else {
        kind
    };
    let target = d
        .mentions
        .iter()
        .find_map(|m| m.roles.target.map(|t| t.0.to_string()));
    // An air raid whose text never says who flew it ("the Pentagon said the strikes
    // targeted …"): the state with an air force that the mention sentences keep naming.
    let inferred = if perp.is_none() && kind.same_family(EventKind::Airstrike) {
        infer_air_perpetrator(article, &d)
    } else {
        None
    };
    let mut claims: Vec<Claim> = Vec::new();
    for c in d
        .mentions
        .iter()
        .flat_map(|m| m.claims.iter())
        .chain(d.extra_claims.iter())
    {
        if claims
            .iter()
            .any(|x| x.span == c.span && x.field == c.field)
        {
            continue;
        }
        claims.push(Claim {
            field: c.field,
            value: c.value,
            qualifier: c.qualifier.clone(),
            attributed_to: c.attributed_to.clone(),
            article: article.id.clone(),
            span: c.span,
        });
    }
    let mentions: Vec<Mention> = d
        .mentions
        .iter()
        .map(|m| {
            let place_span = m
                .places
                .iter()
                .min_by_key(|p| p.place.precision)
                .map(|p| p.evidence);
            Mention {
                article: article.id.clone(),
                sentence_span: m.sentence_span,
                trigger_span: m.trigger.span,
                place_span,
                date_span: m.date.as_ref().map(|h| h.span),
                date_reasoning: m.date.as_ref().map_or_else(
                    || format!("no date in this sentence; event date: {date_reasoning}"),
                    |h| {
                        if h.soft {
                            format!("{}{STATEMENT_DAY_NOTE}", h.reasoning)
                        } else {
                            h.reasoning.clone()
                        }
                    },
                ),
                perpetrator_span: m.roles.perpetrator.map(|p| p.1),
                target_span: m.roles.target.map(|t| t.1),
            }
        })
        .collect();
    let explicit = d
        .mentions
        .iter()
        .any(|m| m.trigger.strength == Strength::Explicit);
    let precise_place = primary
        .as_ref()
        .is_some_and(|p| !p.place.precision.is_area());
    let mut confidence: f32 = 0.3;
    if explicit {
        confidence += 0.2;
    }
    if date_from_text && d.date().is_some_and(|h| !h.soft) {
        confidence += 0.2;
    } else if date_from_text {
        confidence += 0.1;
    }
    if precise_place {
        confidence += 0.2;
    } else if primary.is_some() {
        confidence += 0.1;
    }
    if d.mentions.len() > 1 {
        confidence += 0.05;
    }
    if !explicit && !date_from_text {
        // A bare "attack" with a site and no date: needs corroboration.
        confidence = UNCONFIRMED_CONFIDENCE;
    }
    let mut ev = Event {
        id: String::new(),
        kind,
        date,
        place: primary.map(|p| p.place),
        other_places,
        perpetrator: perp
            .and_then(|m| m.roles.perpetrator.map(|p| p.0.to_string()))
            .or_else(|| inferred.map(str::to_string)),
        perpetrator_qualifier: perp
            .and_then(|m| m.qualifier.clone())
            .or_else(|| inferred.map(|_| "inferred from context".to_string())),
        target,
        killed: None,
        wounded: None,
        claims,
        mentions,
        confidence: confidence.min(1.0),
        kind_guessed: d.kind.is_none(),
    };
    ev.recompute_ranges();
    Some(ev)
}

use chrono::Datelike;

/// The air force most named in an event's sentences, when one clearly dominates and is not
/// the target.
fn infer_air_perpetrator(article: &Article, d: &Draft) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    let mut seen: Vec<Span> = Vec::new();
    for m in &d.mentions {
        if seen.contains(&m.sentence_span) {
            continue;
        }
        seen.push(m.sentence_span);
        for a in actors::find_actors(&article.body, m.sentence_span) {
            if !a.state_air || m.roles.target.is_some_and(|t| t.0 == a.canonical) {
                continue;
            }
            match counts.iter_mut().find(|(n, _)| *n == a.canonical) {
                Some((_, c)) => *c += 1,
                None => counts.push((a.canonical, 1)),
            }
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    match counts.as_slice() {
        [(name, n), rest @ ..] if *n >= 2 && rest.first().is_none_or(|(_, m)| *m * 2 <= *n) => {
            Some(name)
        }
        _ => None,
    }
}

/// Tokens of a sentence, for callers that need them (tests, debugging).
pub fn sentence_tokens(body: &str, span: Span) -> Vec<Token<'_>> {
    triggers::tokenize(body, span)
}

#[cfg(test)]
mod merge_rule_tests {
    use super::*;
    use chrono::NaiveDate;

    fn hit(start: &str, end: &str, soft: bool) -> DateHit {
        let p = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        DateHit {
            span: [0, 1],
            range: DateRange {
                start: p(start),
                end: p(end),
                precision: DatePrecision::Day,
            },
            reasoning: String::new(),
            soft,
            shift: None,
            night: false,
        }
    }

    #[test]
    fn two_explicit_days_in_a_row_are_two_events() {
        let mon = hit("2021-05-03", "2021-05-03", false);
        let tue = hit("2021-05-04", "2021-05-04", false);
        assert!(explicit_days_differ(&mon, &tue));
        // "overnight" spans both days, and "said Tuesday" is only a statement date.
        let overnight = hit("2021-05-03", "2021-05-04", false);
        assert!(!explicit_days_differ(&mon, &overnight));
        assert!(!explicit_days_differ(
            &mon,
            &hit("2021-05-04", "2021-05-04", true)
        ));
    }

    fn marks(text: &str) -> Vec<bool> {
        let tokens = triggers::tokenize(text, [0, text.len()]);
        triggers::find_triggers(&tokens)
            .iter()
            .map(|t| marks_new_event(&tokens, t))
            .collect()
    }

    #[test]
    fn ordinals_another_and_also_announce_a_further_event() {
        assert_eq!(
            marks("A second, smaller car bomb went off near the port."),
            [true]
        );
        assert_eq!(marks("Another airstrike followed at dusk."), [true]);
        assert_eq!(marks("Fuel depots were also hit in the south."), [true]);
        assert_eq!(marks("The airstrike destroyed a bridge."), [false]);
    }
}

#[cfg(test)]
mod place_rule_tests {
    use super::*;

    fn place(name: &str, lat: f64, lon: f64, precision: PlacePrecision, cc: &str) -> Place {
        Place {
            name: name.into(),
            lat,
            lon,
            precision,
            country: Some(cc.into()),
            admin1: None,
            gazetteer_id: None,
        }
    }

    #[test]
    fn a_country_contains_a_site_in_its_far_corner() {
        let gaz = Gazetteer::global();
        let jordan = place("Jordan", 31.0, 36.0, PlacePrecision::Country, "JO");
        let outpost = place("Tower 22", 33.32, 38.69, PlacePrecision::Point, "JO");
        let kirkuk = place("Kirkuk", 35.47, 44.39, PlacePrecision::Town, "IQ");
        assert!(places_compatible(gaz, &jordan, &outpost));
        assert!(!places_compatible(gaz, &jordan, &kirkuk));
    }

    #[test]
    fn a_country_does_not_contain_a_border_town_of_its_neighbour() {
        let gaz = Gazetteer::global();
        let mut iraq = place("Iraq", 33.0, 43.7, PlacePrecision::Country, "IQ");
        iraq.gazetteer_id = Some("country:IQ".into());
        assert!(
            gaz_id(gaz, &iraq).is_some(),
            "the country is in the gazetteer"
        );
        // A Syrian town 10 km from the Iraqi border, 350 km from Iraq's centre.
        let across = place("Border town", 34.40, 40.95, PlacePrecision::Town, "SY");
        let inside = place("Iraqi town", 34.38, 41.10, PlacePrecision::Town, "IQ");
        assert!(!places_compatible(gaz, &iraq, &across));
        assert!(places_compatible(gaz, &iraq, &inside));
    }

    #[test]
    fn the_place_most_reports_support_wins_and_an_area_hands_over_to_a_site_inside() {
        let gaz = Gazetteer::global();
        let iraq = place("Iraq", 33.0, 43.7, PlacePrecision::Country, "IQ");
        let base = place("Ain al-Asad", 33.80, 42.44, PlacePrecision::Point, "IQ");
        let erbil = place("Erbil", 36.19, 44.01, PlacePrecision::Town, "IQ");
        let zone = place("Green Zone", 33.30, 44.39, PlacePrecision::Point, "IQ");
        // A passing mention of a precise site does not beat the town two reports name.
        let qaim = place("Al Qa'im", 34.37, 41.09, PlacePrecision::Town, "IQ");
        let votes = [(&zone, 1), (&qaim, 2)];
        assert_eq!(most_supported_place(gaz, &votes), Some(1));
        // The country wins the vote, then hands over to the best supported site inside it.
        let votes = [(&iraq, 2), (&erbil, 1), (&base, 2)];
        assert_eq!(most_supported_place(gaz, &votes), Some(2));
    }
}

#[cfg(test)]
mod clause_tests {
    use crate::corpus::Article;
    use crate::extract::gazetteer::Gazetteer;

    fn article(body: &str, published: &str) -> Article {
        Article::for_test(body, Some(published))
    }

    /// (kind, first day, place name) of each event of one article.
    fn events(body: &str, published: &str) -> Vec<(String, String, String)> {
        let a = article(body, published);
        crate::extract::extract_article(&a, Gazetteer::global())
            .iter()
            .map(|e| {
                (
                    e.kind.as_str().to_string(),
                    e.date.start.to_string(),
                    e.place.as_ref().map_or(String::new(), |p| p.name.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn an_attack_told_at_the_same_time_as_a_dated_one_takes_its_day() {
        // Tuesday 2022-06-28: the mall strike was on Monday 06-27; the strikes "at the same
        // time" and "simultaneously" state no day of their own, so not the publication week.
        for second in [
            "A drone struck a fuel depot in Poltava at the same time, the governor said.",
            "Rockets simultaneously hit a bridge in Poltava, the governor said.",
        ] {
            let found = events(
                &format!(
                    "Russian missiles hit a shopping centre in Kremenchuk on Monday, killing \
                     18 people, officials said. Rescuers searched the rubble overnight. {second}"
                ),
                "2022-06-28",
            );
            let poltava: Vec<_> = found.iter().filter(|e| e.2 == "Poltava").collect();
            assert!(!poltava.is_empty(), "{found:?}");
            assert!(poltava.iter().all(|e| e.1 == "2022-06-27"), "{found:?}");
        }
    }

    #[test]
    fn where_and_when_an_attack_was_discussed_does_not_place_or_date_it() {
        // Thursday 2021-03-11: the raid was overnight into Thursday; Paris and Monday are the
        // talks'.
        for verb in ["discussed", "approved", "planned"] {
            let found = events(
                &format!(
                    "Israeli warplanes struck weapons depots near Homs overnight, killing nine \
                     fighters, a monitor said. Syrian air defences fired missiles. The army \
                     gave no details. Residents heard loud blasts for an hour. The strikes \
                     were {verb} on Monday in Paris between the two ministers, an official \
                     said."
                ),
                "2021-03-11",
            );
            assert_eq!(found.len(), 1, "{verb}: {found:?}");
            assert_eq!(found[0].2, "Homs", "{verb}: {found:?}");
        }
    }

    #[test]
    fn a_new_undated_attack_counted_from_a_known_one_leaves_its_day_alone() {
        // Friday 2021-09-17: the airport bombing was on September 3; the drone strike "a day
        // after" it is the one the count dates, and the bombing keeps its day (no copy of it
        // a day off).
        let found = events(
            "The army admitted on Friday that a drone strike in Kabul on September 5 killed 10 \
             civilians. The drone strike came two days after a suicide bomber blew himself up \
             at the gate of Kabul airport on September 3, killing 11 people. The army had also \
             carried out a drone strike in Logar province in eastern Afghanistan a day after \
             the airport bombing, which it said killed two commanders.",
            "2021-09-17",
        );
        let ied: Vec<_> = found.iter().filter(|e| e.0 == "ied").collect();
        assert_eq!(ied.len(), 1, "{found:?}");
        assert_eq!(ied[0].1, "2021-09-03", "{found:?}");
    }

    #[test]
    fn a_date_before_a_comma_and_saying_is_the_statement_s() {
        // Friday 2018-08-10: the market was bombed on Tuesday 08-07; Thursday is the day of
        // the correction, not of a second strike.
        let found = events(
            "Jets bombed a market in Saada on Tuesday, killing 12 people, medics said. \
             Rescuers searched the rubble. Hospitals appealed for blood. Residents buried the \
             dead. The coalition on Thursday corrected its account, saying there had been one \
             air strike at the market, not two.",
            "2018-08-10",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2018-08-07", "{found:?}");
    }

    #[test]
    fn a_second_bomber_minutes_later_is_the_same_attack() {
        // Tuesday 2019-04-16: both bombers struck the market on Monday 04-15.
        for count in ["minutes later", "moments later"] {
            let found = events(
                &format!(
                    "Two suicide bombers blew themselves up at a crowded market in Maiduguri \
                     on Monday, killing 14 people, police said. The first bomber detonated his \
                     vest near the entrance. The second attacker blew himself up {count} as \
                     people gathered to help the wounded."
                ),
                "2019-04-16",
            );
            assert_eq!(found.len(), 1, "{count}: {found:?}");
        }
    }

    #[test]
    fn burying_the_victims_of_an_attack_reports_no_new_attack() {
        // Sunday 2022-03-13: the lead tells of funerals; the bombing was on Friday 03-11.
        // (A funeral's own day in the lead, "on Sunday buried", is left to the date rules.)
        for lead in [
            "The town buried more victims of the car bombing at the bus station.",
            "Hundreds mourned the victims of the car bombing at the bus station.",
        ] {
            let found = events(
                &format!(
                    "{lead} A car bomb exploded at the bus station in Kano on Friday, killing \
                     20 people, police said."
                ),
                "2022-03-13",
            );
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].1, "2022-03-11", "{found:?}");
        }
    }

    #[test]
    fn the_day_an_agency_reported_a_toll_does_not_date_the_attack() {
        // Saturday 2023-04-29: the missiles hit on Friday 04-28; the 29th is the report's day.
        let found = events(
            "The death toll from the Russian missile strike on Uman has risen to 23, the \
             emergency service reported on the morning of April 29. Russia struck the city \
             with cruise missiles at about 4 a.m. on April 28, officials said.",
            "2023-04-29",
        );
        assert!(!found.is_empty(), "{found:?}");
        assert!(found.iter().all(|e| e.1 == "2023-04-28"), "{found:?}");
    }

    #[test]
    fn an_undated_strike_after_a_lead_about_a_wave_on_many_cities_is_of_its_day() {
        // Wednesday 2022-10-12: the wave was on Monday 10-10; Lviv's strike states no day.
        let found = events(
            "Russia fired dozens of cruise missiles at cities across Ukraine on Monday, \
             killing at least 19 people, officials said. Power was cut in many areas. In \
             Lviv, a missile struck a power substation, the mayor said.",
            "2022-10-12",
        );
        let lviv: Vec<_> = found.iter().filter(|e| e.2 == "Lviv").collect();
        assert!(!lviv.is_empty(), "{found:?}");
        assert!(lviv.iter().all(|e| e.1 == "2022-10-10"), "{found:?}");
    }

    #[test]
    fn one_of_several_more_left_unsaid_is_an_attack_of_the_weapon_told_before() {
        // Thursday 2021-06-10.
        let found = events(
            "A drone loaded with explosives struck Erbil airport in April. Since then there \
             have been several more, including one on Balad air base in May.",
            "2021-06-10",
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "drone_attack" && e.1 == "2021-05-01" && e.2.contains("Balad")),
            "{found:?}"
        );
    }

    #[test]
    fn a_dated_demonstrative_dates_the_undated_attack_just_recalled() {
        // Wednesday 2021-03-03: "last Thursday" is 2021-02-25.
        let found = events(
            "Rockets hit the Ain al-Asad air base on Wednesday. The attack comes days after US \
             warplanes bombed militia depots in eastern Syria. That strike last Thursday was \
             ordered after a rocket attack on Erbil.",
            "2021-03-03",
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "airstrike" && e.1 == "2021-02-25"),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_past_a_verb_of_saying_or_a_funeral_s_day_does_not_date_the_attack() {
        // Sunday 2021-01-24: the bombing was on Thursday; Sunday is the funeral's and the
        // statement's day, March a visit's.
        let found = events(
            "Two suicide bombers blew themselves up at a market in Baghdad on Thursday, \
             killing 30. Iraq on Sunday buried more victims of the suicide bombing. The \
             cardinal, who condemned the bombing, said on Sunday that he would still visit \
             Baghdad in March.",
            "2021-01-24",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-01-21", "{found:?}");
    }

    #[test]
    fn the_day_funerals_are_held_does_not_date_the_attack() {
        // Monday 2021-01-25: Sunday is the funerals' day; the ambush was on Saturday.
        let found = events(
            "Villagers on Sunday held funerals for six guards killed in an ambush near Tikrit. \
             The ambush took place on Saturday evening, officials said.",
            "2021-01-25",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-01-23", "{found:?}");
    }

    #[test]
    fn a_toll_told_there_is_the_attack_named_last_in_the_sentence_before() {
        // Friday 2022-04-08.
        let a = article(
            "A missile hit the station in Kramatorsk on Friday, killing 50. The strike came \
             three weeks after an air strike destroyed a theatre in Mariupol on March 16. \
             About 300 people may have died there.",
            "2022-04-08",
        );
        let found = crate::extract::extract_article(&a, Gazetteer::global());
        let air = found
            .iter()
            .find(|e| e.kind == crate::extract::types::EventKind::Airstrike)
            .expect("the air strike");
        assert_eq!(air.killed.as_ref().map(|k| k.high), Some(300), "{found:?}");
    }

    #[test]
    fn the_city_an_attack_took_is_the_town_named_before_it() {
        // Sunday 2015-10-04.
        let found = events(
            "Afghan forces have been fighting to retake Kunduz since Taliban insurgents overran \
             the city on Monday.",
            "2015-10-04",
        );
        assert!(
            found.iter().any(|e| e.1 == "2015-09-28" && e.2 == "Kunduz"),
            "{found:?}"
        );
    }

    #[test]
    fn bare_air_strikes_counted_from_the_day_just_told_are_an_event() {
        // Monday 2021-03-22.
        let found = events(
            "Shelling hit a hospital in Al Atarib on Sunday, killing six. Later the same day, \
             air strikes hit the area around Sarmada.",
            "2021-03-22",
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "airstrike" && e.1 == "2021-03-21"),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_after_an_aside_on_the_announcement_dates_the_attack() {
        // Saturday 2022-03-12: the strikes were announced on Thursday and hit on Friday; the
        // Wednesday is the rocket attack's they answered.
        let found = events(
            "US aircraft struck militia depots near Qaim in response to Wednesday's rocket \
             attack on a base near Kirkuk. The strikes, announced late on Thursday in \
             Washington, hit the depots early on Friday.",
            "2022-03-12",
        );
        let strikes: Vec<&String> = found
            .iter()
            .filter(|e| e.0 == "airstrike")
            .map(|e| &e.1)
            .collect();
        assert_eq!(strikes, ["2022-03-11"], "{found:?}");
    }

    #[test]
    fn the_event_a_definite_attack_followed_keeps_the_date_after_the_sequence_word() {
        // Wednesday 2022-03-09: "The rocket attack" is the story's Tuesday attack; Sunday is
        // the airstrikes', which it followed.
        let found = events(
            "Rockets hit a base near Kirkuk on Tuesday, officials said. Nobody was hurt. The \
             rocket attack followed airstrikes on militia depots on Sunday.",
            "2022-03-09",
        );
        let rockets: Vec<&String> = found
            .iter()
            .filter(|e| e.0 == "rocket_attack")
            .map(|e| &e.1)
            .collect();
        assert_eq!(rockets, ["2022-03-08"], "{found:?}");
        assert!(
            found
                .iter()
                .any(|e| e.0 == "airstrike" && e.1 == "2022-03-06"),
            "{found:?}"
        );
        // "came after" and a reference back to what the strikes were.
        let found = events(
            "Rockets hit a base near Kirkuk on Tuesday, officials said. The rocket attack came \
             after the strikes of Sunday night, which the army said targeted two depots in \
             Syria.",
            "2022-03-09",
        );
        assert!(
            found
                .iter()
                .all(|e| e.0 != "rocket_attack" || e.1 == "2022-03-08"),
            "{found:?}"
        );
    }

    #[test]
    fn a_bomb_in_a_town_far_from_the_assault_is_another_attack() {
        // Wednesday 2020-05-13: the bomb in Jalalabad is no stage of the Kabul storming,
        // though "eastern Afghanistan" around it contains both.
        let found = events(
            "Gunmen stormed a clinic in western Kabul on Tuesday, killing 12, while in eastern \
             Afghanistan a suicide bomber blew himself up at a wedding in Jalalabad, killing 9.",
            "2020-05-13",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found.iter().any(|e| e.0 == "ied" && e.2 == "Jalalabad"),
            "{found:?}"
        );
        // A bomb at the assault's own site is still a stage of it.
        let found = events(
            "Gunmen stormed a hotel in Kabul on Tuesday after a car bomb exploded at its gate \
             in Kabul.",
            "2020-05-13",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_since_clause_and_a_ranking_after_the_comma_do_not_date_the_attack() {
        // Monday 2021-05-10: "July last year" dates the shooting, not the period's start.
        let found = events(
            "Dozens of activists have been killed since protests began in October 2019, among \
             them a lawyer who was gunned down outside his home in Basra in July last year.",
            "2021-05-10",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-07-01", "{found:?}");
        // Monday 2020-11-30: Saturday, not "this year" of the ranking.
        let found = events(
            "Nineteen herders were killed by suspected jihadists near Maiduguri on Saturday, \
             officials said, in one of the deadliest attacks this year.",
            "2020-11-30",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-11-28", "{found:?}");
    }

    #[test]
    fn missiles_on_the_day_and_at_the_town_of_an_air_strike_are_its_missiles() {
        // Tuesday 2021-03-09: the missiles are told first, the jets that fired them after.
        let found = events(
            "Hezbollah said on Tuesday one of its fighters was killed in an Israeli raid near \
             Homs, a day after missiles slammed into positions near Homs. Israeli jets flying \
             over Lebanon fired missiles at targets near Homs on Monday.",
            "2021-03-09",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "airstrike", "{found:?}");
        // Missiles a named side fired are its own attack.
        let found = events(
            "Jets struck a depot near Homs on Monday. On Monday rebel forces fired missiles at \
             a base near Homs.",
            "2021-03-09",
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn the_only_place_an_aircraft_flew_over_is_the_site() {
        let found = events(
            "A drone flying over Homs struck a car on Tuesday, killing two.",
            "2020-07-22",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "Homs", "{found:?}");
    }

    #[test]
    fn missiles_of_israeli_jets_are_an_air_strike_not_their_launch_position() {
        // Tuesday 2020-07-21: the jets flew over Lebanon; the missiles struck near Homs.
        let found = events(
            "Israeli jets flying over northern Lebanon fired missiles at an arms depot near Homs \
             on Monday.",
            "2020-07-21",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "airstrike", "{found:?}");
        assert_eq!(found[0].2, "Homs", "{found:?}");
        // The target side's "Israeli missiles" are the same air strike by convention.
        let found = events(
            "Israeli missiles hit an arms depot near Homs on Monday, a monitor said.",
            "2020-07-21",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "airstrike", "{found:?}");
        // Missiles from tanks or ships are no air strike.
        for text in [
            "Israeli tanks fired missiles at a militant post near Rafah on Monday.",
            "An Israeli navy ship fired missiles at a fishing boat off Rafah on Monday.",
        ] {
            let found = events(text, "2020-07-21");
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].0, "missile_attack", "{found:?}");
        }
        // Other states' missiles stay missile attacks.
        let found = events(
            "Russian missiles hit an apartment block in Odesa on Monday.",
            "2020-07-21",
        );
        assert_eq!(found[0].0, "missile_attack", "{found:?}");
    }

    #[test]
    fn a_date_modifying_the_attack_noun_beats_the_day_of_the_verb() {
        // Friday 2020-05-08: "Monday's" is the bombing's day, Thursday the revision's.
        let found = events(
            "Police on Thursday raised the toll of Monday's car bombing at a market in Kirkuk \
             to 30.",
            "2020-05-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-05-04", "{found:?}");
        // "a December rocket attack" in a January story is December's, not the news day's.
        let found = events(
            "Gunmen shelled a checkpoint near Mosul on Tuesday. The militia, blamed for a \
             December rocket attack that killed a contractor near Kirkuk, denied any role in \
             Tuesday's attack.",
            "2020-01-15",
        );
        let kirkuk: Vec<_> = found.iter().filter(|e| e.2 == "Kirkuk").collect();
        assert_eq!(kirkuk.len(), 1, "{found:?}");
        assert_eq!(kirkuk[0].1, "2019-12-01", "{found:?}");
    }

    #[test]
    fn curly_quotes_and_dashes_before_a_date_do_not_break_the_speaker_rule() {
        // Friday 2020-05-08: the curly quote opening the quote is three bytes long.
        let found = events(
            "\u{201c}Two rockets hit the base near Kirkuk on Monday,\u{201d} he said.",
            "2020-05-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-05-04", "{found:?}");
        let found = events(
            "Police said \u{2014} on Thursday \u{2014} that \u{201c}gunmen stormed a police \
             post near Kirkuk on Tuesday\u{201d}.",
            "2020-05-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-05-05", "{found:?}");
    }

    #[test]
    fn a_dateline_s_date_is_the_filing_day_not_the_attack_s() {
        let found = events(
            "MOSUL, May 8, 2020 (Reuters) - Gunmen attacked a checkpoint near Mosul, police \
             said. The gunmen struck late on Wednesday.",
            "2020-05-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-05-06", "{found:?}");
        // A dateline on a line of its own dates no attack either.
        assert!(super::is_dateline_date(
            "MOSUL — 8 May 2020 (staff)\n\nGunmen",
            [10, 20]
        ));
        assert!(super::is_dateline_date(
            "MOSUL - 8 May 2020\n\nGunmen",
            [8, 18]
        ));
        assert!(!super::is_dateline_date(
            "MOSUL - 8 May 2020 gunmen attacked",
            [8, 18]
        ));
    }

    #[test]
    fn a_day_after_a_verb_of_saying_and_its_objects_dates_the_speaker() {
        // Friday 2020-05-08: Thursday is when the spokesman spoke in Tehran.
        let found = events(
            "Two rockets struck the Green Zone in Baghdad late on Wednesday, officials said. \
             One rocket hit near the embassy compound, a spokesman told reporters in Tehran on \
             Thursday night.",
            "2020-05-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-05-06", "{found:?}");
        // A day right before a reaction verb is the reaction's.
        let found = events(
            "US jets struck militia sites near Albu Kamal late on Wednesday. Iran on Thursday \
             condemned the first action of the new administration, US air strikes on militia \
             sites in eastern Syria.",
            "2020-05-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-05-06", "{found:?}");
        // An attack told between the verb and the day keeps the day.
        let found = events(
            "A spokesman said gunmen stormed a police post near Kirkuk on Thursday.",
            "2020-05-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-05-07", "{found:?}");
    }

    #[test]
    fn a_day_of_a_head_act_before_after_only_bounds_the_attack_it_came_after() {
        // Wednesday 2020-08-12: the visit was cancelled on Wednesday, after Tuesday's strike.
        let found = events(
            "Turkish drones struck a car near Sidakan on Tuesday, killing two officers. Iraq on \
             Wednesday cancelled a visit by the Turkish minister after a drone strike in the \
             Kurdistan Region killed two officers.",
            "2020-08-12",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-08-11", "{found:?}");
        // A head clause that tells the deaths tells the strikes' day.
        let found = events(
            "Twenty fighters were killed on Tuesday after three air strikes near Qaim.",
            "2020-08-12",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-08-11", "{found:?}");
    }

    #[test]
    fn a_since_date_before_a_when_clause_dates_the_attack_of_the_clause() {
        // Not the "strikes" before "since", which open the period, but the attack that
        // opened it.
        let found = events(
            "The coalition has carried out waves of strikes on militia sites since January 12, \
             when jets and drones hit depots near Qaim.",
            "2020-03-01",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2020-01-12", "{found:?}");
    }

    #[test]
    fn before_with_no_object_opening_a_sentence_counts_back_like_earlier() {
        // Sunday 2021-06-06: Tuesday is 2021-06-01, two days before it 2021-05-30.
        let mut found = events(
            "Gunmen stormed a village near Kirkuk on Tuesday. Two days before, a roadside bomb \
             exploded near a patrol in Tikrit, killing three soldiers.",
            "2021-06-06",
        );
        found.sort();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            (found[0].1.as_str(), found[0].2.as_str()),
            ("2021-05-30", "Tikrit")
        );
        // "Hours before," is the day of the attack just told.
        let found = events(
            "Gunmen killed 132 people in Solhan around 2 a.m. on Saturday, officials said. Hours \
             before, gunmen killed 14 people in the village of Tadaryat in Oudalan province.",
            "2021-06-06",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|e| e.1 == "2021-06-05"), "{found:?}");
    }

    #[test]
    fn a_weekend_right_after_the_attack_beats_a_day_of_another_verb_before_it() {
        // Wednesday 2021-06-30: the funerals were on Tuesday, the airstrikes at the weekend.
        let found = events(
            "Mourners gathered in Baghdad on Tuesday for fighters killed in airstrikes at the \
             weekend.",
            "2021-06-30",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-06-26", "{found:?}");
    }

    #[test]
    fn a_siteless_retelling_joins_the_one_sited_event_of_its_day() {
        // The second paragraph retells Monday's barrage without naming the base again.
        let found = events(
            "Rockets strike Tal Afar airport again\n\nTAL AFAR (Wire) - Tal Afar airport was \
             hit by another barrage of rockets on Monday, wounding four soldiers, two days \
             after a similar attack. Monday's volley was fired at around noon, the army said. \
             Some rockets landed in fields outside the perimeter.",
            "2023-05-09",
        );
        let monday: Vec<_> = found.iter().filter(|(_, d, _)| d == "2023-05-08").collect();
        assert_eq!(monday.len(), 1, "{found:?}");
        assert!(!monday[0].2.is_empty(), "{found:?}");
    }

    #[test]
    fn an_undated_generic_attack_at_the_site_is_the_dated_attack_there() {
        let found = events(
            "Rockets hit Camp Speicher late on Tuesday, wounding two soldiers, officials \
             said.\n\nThe markets in the capital were calm.\n\nThe base, about 10 km north of \
             Tikrit, came under fire at around 9 p.m., a police officer said.",
            "2023-05-10",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "rocket_attack", "{found:?}");
    }

    #[test]
    fn the_day_a_siege_ended_does_not_date_the_storming() {
        let found = events(
            "KAMPALA - Troops ended a 20-hour siege of a guesthouse in the capital late \
             Saturday, after militants stormed the building, police said.\n\nThe assault on \
             the lodge began on Friday evening, when a car bomb exploded at the gate.",
            "2023-05-14",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].1, "2023-05-12",
            "no event on the day the siege ended"
        );
    }

    #[test]
    fn a_storming_a_day_before_the_siege_ended_is_one_assault_with_its_car_bomb() {
        let found = events(
            "KAMPALA - Troops ended a siege of a guesthouse in Kampala early on Sunday after \
             militants stormed the building a day earlier, killing at least 10 people, police \
             said.\n\nThe attack on the lodge began on Saturday afternoon when a car bomb \
             exploded at the gate.",
            "2023-05-14",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "other_attack", "{found:?}");
        assert_eq!(found[0].1, "2023-05-13", "{found:?}");
        assert_eq!(found[0].2, "Kampala", "{found:?}");
    }

    #[test]
    fn bombs_set_off_in_an_assault_s_clause_are_a_stage_of_it_but_not_across_after() {
        let found = events(
            "Militants struck late on Friday near Hodeidah, first setting off roadside bombs \
             and then opening fire on soldiers, officials said.",
            "2023-05-14",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "other_attack", "{found:?}");
        let found = events(
            "Militants killed 11 soldiers in an ambush near Hodeidah late on Saturday, days \
             after the group claimed a suicide bombing at a market in Aden on Thursday.",
            "2023-05-14",
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn the_day_of_a_diplomatic_reply_does_not_date_the_strike_it_answers() {
        let found = events(
            "Somalia on Saturday cancelled a visit by Kenya's defence minister and summoned \
             the ambassador after a drone strike killed two border guards in Gedo.\n\nThe \
             drone hit a vehicle near Bulo Hawo on Friday, the army said.",
            "2023-05-14",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2023-05-12", "{found:?}");
    }

    #[test]
    fn missiles_on_the_day_and_at_the_site_of_a_drone_strike_are_its_missiles() {
        let found = events(
            "The commander was killed by a US drone at Aden airport on Friday, officials \
             said.\n\nHis aides spoke of him.\n\nThe funeral drew crowds.\n\nThe militia \
             vowed to respond.\n\nTwo missiles struck his car as it left Aden airport on \
             May 12.",
            "2023-05-14",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "drone_strike", "{found:?}");
    }

    #[test]
    fn a_long_paragraph_after_the_related_links_is_the_story_again() {
        let found = events(
            "Officials said the talks would resume.\n\nRelated coverage:\nTalks stall in \
             Muscat — May\n\nHouthi drones and missiles hit the oil terminal at Ras Isa and \
             a power station near the port city of Hodeidah on Tuesday (local time)",
            "2023-05-18",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn missiles_of_another_side_on_the_strike_day_are_their_own_attack() {
        let found = events(
            "Coalition jets struck rebel positions in Saada on Monday.\n\nRebel forces fired \
             missiles at Saada on Monday, killing four civilians.",
            "2023-05-16",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        let found = events(
            "A drone strike hit a militia convoy in Syria on Monday.\n\nMissiles struck \
             Aleppo on Monday night.",
            "2023-05-16",
        );
        assert_eq!(found.len(), 2, "a country is no site: {found:?}");
    }

    #[test]
    fn a_siege_ended_after_a_told_storming_is_that_storming_with_its_toll() {
        for body in [
            // "the siege" refers back to the storming told before it.
            "Militants stormed a guesthouse in Kampala on Friday, killing six guests. Police \
             ended the day-long siege on Saturday, killing all three gunmen.",
            // Even "a siege": the assault is already told, so its end is no second attack.
            "Militants stormed a guesthouse in Kampala on Friday. Police ended a day-long \
             siege on Saturday, killing all three gunmen.",
        ] {
            let a = article(body, "2023-05-14");
            let found = crate::extract::extract_article(&a, Gazetteer::global());
            assert_eq!(found.len(), 1, "{body}: {found:?}");
            assert_eq!(found[0].date.start.to_string(), "2023-05-12", "{found:?}");
            assert!(found[0].claims.iter().any(|c| c.value == 3), "{found:?}");
        }
    }

    #[test]
    fn an_ended_siege_with_a_toll_of_its_own_is_the_attack() {
        let a = article(
            "Soldiers ended a siege of a police post in Tikrit on Thursday, killing three \
             gunmen.",
            "2023-05-14",
        );
        let found = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].claims.iter().any(|c| c.value == 3), "{found:?}");
    }

    #[test]
    fn a_headline_under_a_related_label_is_another_story() {
        let found = events(
            "Jets struck a depot near Hodeidah on Saturday, officials said.\n\nRelated \
             coverage:\nDrone attack targets U.S. consulate in Aden — April\n\nThe ministry \
             gave no toll.",
            "2023-05-14",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_count_of_days_runs_from_a_day_written_before_it_in_the_sentence() {
        // The first clause's blast may not be read as an event; its day still anchors.
        let found = events(
            "Gunmen stormed a police post in Tikrit on Friday, killing one officer. It was \
             the second attack in a month. On 4 May a parcel left at a cafe went off in \
             Samarra; two days later a suicide bomber blew himself up at a checkpoint near \
             Baiji.",
            "2023-05-20",
        );
        assert!(
            found.iter().any(|(_, day, _)| day == "2023-05-06"),
            "{found:?}"
        );
    }

    #[test]
    fn the_previous_weekday_looks_back_from_the_day_just_told() {
        // Published on Saturday 2023-05-20; the story's day is Tuesday the 16th, so "the
        // previous Friday" is the 12th, not the 19th.
        let found = events(
            "Officials met in Basra on Tuesday to discuss the port. The talks followed the \
             killing of a customs chief, who was shot dead by gunmen in Basra the previous \
             Friday.",
            "2023-05-20",
        );
        assert!(
            found.iter().any(|(_, day, _)| day == "2023-05-12"),
            "{found:?}"
        );
    }

    #[test]
    fn a_count_after_a_verb_of_admitting_dates_the_admission() {
        let found = events(
            "Artillery shelled the village of Qaraqosh on Monday. Hours later troops fired a \
             missile at a bus near Mosul, an error the army admitted three days later.",
            "2023-05-20",
        );
        assert!(
            found.iter().all(|(_, day, _)| day != "2023-05-18"),
            "{found:?}"
        );
    }

    #[test]
    fn a_stated_month_beats_the_day_a_statement_was_made() {
        let found = events(
            "The number of soldiers hurt in the rocket attack on the Taji base last month has \
             risen to 40, the ministry said on Friday.",
            "2023-05-20",
        );
        assert!(
            found.iter().any(|(_, day, _)| day == "2023-04-01"),
            "{found:?}"
        );
    }

    #[test]
    fn an_older_attack_told_afresh_does_not_date_the_undated_news() {
        // The lead's attack is dated by no sentence that reports it; the April attack is
        // another one.
        let found = events(
            "Residents woke on Monday to sirens. Rockets fired at the police base in Kirkuk \
             wounded three officers. In April, rockets fired from the desert fell on a market \
             in Kirkuk.",
            "2023-06-13",
        );
        assert!(
            found.iter().any(|(_, day, _)| day.as_str() >= "2023-06-06"),
            "{found:?}"
        );
        assert!(
            found.iter().any(|(_, day, _)| day == "2023-04-01"),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_before_a_when_clause_dates_its_attack() {
        let found = events(
            "Mortars hit a market in Tikrit on Sunday, killing two. The week's first strike \
             came on the night of the 9th, when Iran's Revolutionary Guards launched ballistic \
             missiles at a base near Erbil.",
            "2023-05-16",
        );
        assert!(
            found.iter().any(|(_, day, _)| day == "2023-05-09"),
            "{found:?}"
        );
    }

    #[test]
    fn a_claimed_attack_keeps_the_date_after_its_place() {
        let found = events(
            "Gunmen stormed a police post in Tikrit on Sunday. Officials noted that the same \
             group also claimed the twin bombings in Kirkuk, Iraq, in March that killed 30 \
             people.",
            "2023-06-13",
        );
        assert!(
            found.iter().any(|(_, day, _)| day == "2023-03-01"),
            "{found:?}"
        );
    }

    #[test]
    fn a_possessive_date_of_another_noun_dates_no_attack() {
        let found = events(
            "A car bomb exploded at a market in Kirkuk on Tuesday, killing nine people. The \
             bombing of the market came as officials counted votes from Monday's provincial \
             election.",
            "2023-06-15",
        );
        assert!(
            found.iter().all(|(_, day, _)| day != "2023-06-12"),
            "{found:?}"
        );
        // "Monday's attack" still dates the attack.
        let found = events(
            "Officials counted the dead from Monday's rocket attack on the police base in Kirkuk.",
            "2023-06-15",
        );
        assert!(
            found.iter().any(|(_, day, _)| day == "2023-06-12"),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_between_an_article_and_another_noun_dates_no_attack() {
        let found = events(
            "Jets bombed a market in Kirkuk on Tuesday, killing 40 people. It was the deadliest \
             air raid since the June 2019 uprising.",
            "2023-06-15",
        );
        assert!(
            found.iter().all(|(_, day, _)| !day.starts_with("2019")),
            "{found:?}"
        );
        // "the March 2019 raid" and "the March 2019 killing … in a raid" still date the raid.
        let found = events(
            "The March 2019 killing of a guard in a rocket attack in Kirkuk angered officials.",
            "2023-06-15",
        );
        assert!(
            found.iter().any(|(_, day, _)| day.starts_with("2019-03")),
            "{found:?}"
        );
        let found = events(
            "Residents still recall the March 2019 air raid on the market in Kirkuk.",
            "2023-06-15",
        );
        assert!(
            found.iter().any(|(_, day, _)| day.starts_with("2019-03")),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_opening_the_sentence_dates_every_attack_of_its_clause() {
        // Without it, the strike would join Sunday's attack as an undated report of it.
        let found = events(
            "Gunmen attacked a checkpoint near Tikrit on Sunday, killing four. At the end of \
             August last year, missiles fired by drones struck a depot near Mosul.",
            "2023-06-13",
        );
        assert!(
            found
                .iter()
                .all(|(_, day, place)| !(place == "Mosul" && day.starts_with("2023-06"))),
            "{found:?}"
        );
    }

    #[test]
    fn a_month_name_is_no_place() {
        let found = events(
            "In March, unidentified aircraft struck militia depots near Albu Kamal, killing 20.",
            "2023-05-05",
        );
        assert!(
            found.iter().all(|(_, _, place)| place != "March"),
            "{found:?}"
        );
    }

    #[test]
    fn a_count_of_days_later_opening_a_sentence_dates_it_from_the_event_before() {
        let found = events(
            "Rockets hit a police base in Kirkuk on March 3, killing two officers. Six days \
             later, warplanes bombed a depot near Mosul.",
            "2023-04-02",
        );
        assert!(
            found.contains(&("airstrike".into(), "2023-03-09".into(), "Mosul".into())),
            "{found:?}"
        );
    }

    #[test]
    fn earlier_in_the_evening_opening_a_sentence_dates_it_from_the_event_before() {
        // Without the anchor, the air strike would take the lead's date (Sunday the 7th)
        // instead of the evening of the attack told just before it (Tuesday the 9th).
        let found = events(
            "Rockets hit a police base in Kirkuk on Sunday, killing two officers. On Tuesday \
             evening, gunmen attacked a checkpoint near Tikrit. Earlier in the evening, \
             warplanes bombed a depot near Mosul.",
            "2023-05-10",
        );
        assert!(
            found.contains(&("airstrike".into(), "2023-05-09".into(), "Mosul".into())),
            "{found:?}"
        );
    }

    #[test]
    fn days_later_after_a_month_dated_event_keeps_a_month_wide_window() {
        let a = article(
            "In January, rockets hit a police base in Kirkuk, killing two officers. Ten days \
             later, warplanes bombed a depot near Mosul.",
            "2023-06-20",
        );
        let found = crate::extract::extract_article(&a, Gazetteer::global());
        let strike = found
            .iter()
            .find(|e| e.kind.as_str() == "airstrike")
            .expect("the air strike is an event");
        assert_eq!(strike.date.start.to_string(), "2023-01-11");
        assert_eq!(strike.date.end.to_string(), "2023-02-10");
    }

    #[test]
    fn a_fronted_after_phrase_dates_the_main_clause_from_the_event_it_names() {
        let found = events(
            "Rockets hit a police base in Kirkuk on Tuesday, killing two officers. Hours after \
             the Kirkuk attack, unidentified aircraft struck a depot near Mosul.",
            "2023-05-19",
        );
        assert!(
            found.contains(&("airstrike".into(), "2023-05-16".into(), "Mosul".into())),
            "{found:?}"
        );
    }

    #[test]
    fn the_previous_day_opening_a_sentence_dates_it_from_the_lead_event() {
        // Published on a Saturday: the killing on Friday, the ambush the day before.
        let found = events(
            "Gunmen shot dead a judge in Mosul on Friday, police said. The previous day, a \
             police patrol came under fire at a checkpoint near Kirkuk.",
            "2023-06-17",
        );
        assert!(
            found.contains(&("other_attack".into(), "2023-06-15".into(), "Kirkuk".into())),
            "{found:?}"
        );
    }

    #[test]
    fn two_weapons_at_two_named_sites_in_one_country_are_two_attacks() {
        let found = events(
            "Ballistic missiles hit Ain al-Asad air base in Iraq late on Tuesday, officials \
             said.\n\nLate Tuesday, two rockets landed inside Baghdad's Green Zone, police said.",
            "2023-01-11",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|e| e.0 == "rocket_attack"), "{found:?}");
        assert!(found.iter().any(|e| e.0 == "missile_attack"), "{found:?}");
    }

    #[test]
    fn a_member_of_a_named_series_is_an_event_of_the_series_kind() {
        let found = events(
            "Officials say militants have launched at least four rocket attacks since January \
             on bases near Mosul. The first hit a police base in Kirkuk on January 9.",
            "2023-03-20",
        );
        assert!(
            found.contains(&("rocket_attack".into(), "2023-01-09".into(), "Kirkuk".into())),
            "{found:?}"
        );
    }

    #[test]
    fn aircraft_and_came_under_fire_make_events_with_their_own_date_and_site() {
        let found = events(
            "Unidentified aircraft struck a fuel convoy near Mosul on Tuesday, killing three \
             drivers. A police patrol came under fire at a checkpoint near Kirkuk on Monday.",
            "2023-05-18",
        );
        assert!(
            found.contains(&("airstrike".into(), "2023-05-16".into(), "Mosul".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("other_attack".into(), "2023-05-15".into(), "Kirkuk".into())),
            "{found:?}"
        );
    }

    #[test]
    fn the_day_before_with_no_object_counts_from_the_day_the_sentence_states() {
        // Published on Tuesday 2023-06-20: Monday is the 19th, the strikes the day before it.
        for text in [
            "Rescuers were clearing rubble in Kirkuk on Monday after air strikes the day before \
             flattened two houses.",
            "Rescuers searched the rubble in Kirkuk on Monday after an air strike the day before.",
        ] {
            let found = events(text, "2023-06-20");
            assert!(
                found.contains(&("airstrike".into(), "2023-06-18".into(), "Kirkuk".into())),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_relative_phrase_set_off_after_a_date_leaves_the_main_clause_on_that_date() {
        // "the day before the Kirkuk raid" is an aside on 4 May: the bombing was on 4 May.
        let found = events(
            "Gunmen raided a police post in Kirkuk on 5 May. Then, on 4 May, the day before \
             Kirkuk, a roadside bomb killed three soldiers near Mosul.",
            "2023-06-20",
        );
        assert!(
            found.iter().any(|e| e.0 == "ied" && e.1 == "2023-05-04"),
            "{found:?}"
        );
        let found = events(
            "On Sunday, two days after the funeral, a roadside bomb killed five people at a \
             market in Kirkuk.",
            "2023-06-20",
        );
        assert!(
            found.contains(&("ied".into(), "2023-06-18".into(), "Kirkuk".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_date_before_a_relative_phrase_dates_the_first_clause_only() {
        // Published on a Friday: the air strikes were on Thursday, the rocket attack a day
        // before them.
        let mut found = events(
            "Jets carried out air strikes on militia depots near Mosul on Thursday night, \
             officials said, a day after a rocket attack killed two soldiers in Kirkuk.",
            "2022-05-13",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("airstrike".into(), "2022-05-12".into(), "Mosul".into()),
                ("rocket_attack".into(), "2022-05-11".into(), "Kirkuk".into()),
            ],
        );
    }

    #[test]
    fn a_day_across_after_is_the_head_clause_s_when_the_attack_has_its_own() {
        // Published on a Monday: the town mourned on Saturday, the raid was the night before.
        let found = events(
            "The town began mourning on Saturday after gunmen killed 40 villagers in an \
             overnight raid near Gao.",
            "2018-03-12",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2018-03-09", "{found:?}");
    }

    #[test]
    fn a_claim_of_the_attack_after_the_lead_is_not_a_new_attack() {
        let found = events(
            "Militants ambushed an army patrol near Tessalit on Friday, killing six soldiers. \
             The army sent reinforcements. The group claimed the ambush on Sunday.",
            "2018-03-12",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2018-03-09", "{found:?}");
    }

    #[test]
    fn a_call_to_condemn_the_attack_is_not_another_attack() {
        let found = events(
            "Militants ambushed an army convoy near Tessalit on Friday, killing six soldiers. \
             On Sunday the government in Bamako called on the African Union to condemn the \
             ambush.",
            "2018-03-12",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2018-03-09", "{found:?}");
    }

    #[test]
    fn responding_to_an_attack_does_not_make_it_a_response() {
        // "responded to" names the attack answered; "responded with" names the answer.
        let answers = |text: &str| {
            let tokens = crate::extract::triggers::tokenize(text, [0, text.len()]);
            let found = crate::extract::triggers::find_triggers(&tokens);
            let t = found.last().expect("a trigger");
            super::answers_with(&tokens, t)
        };
        assert!(answers("The army responded with air strikes."));
        assert!(answers(
            "The army retaliated by shelling the border villages."
        ));
        assert!(!answers(
            "Troops responded to the rocket attack within minutes."
        ));
        assert!(!answers(
            "Israel retaliated for the rocket attack on Sunday."
        ));
    }

    #[test]
    fn hours_earlier_opens_another_attack_on_the_same_day() {
        let found = events(
            "Gunmen killed 30 villagers in Tessit on Friday night. Hours earlier on Friday, \
             gunmen had killed six soldiers at a checkpoint in the same province.",
            "2018-03-12",
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn an_acknowledgement_date_does_not_date_the_strike() {
        let found = events(
            "The ministry acknowledged on Friday that the drone strike it carried out in Kandahar \
             killed four civilians. An officer said the Aug. 2 strike had hit the wrong car.",
            "2022-08-20",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2022-08-02", "{found:?}");
    }

    #[test]
    fn a_date_in_a_later_time_clause_belongs_to_that_clause() {
        let found = events(
            "A drone strike hit a convoy near Kandahar on Tuesday. The strike was among the last \
             before the soldiers left the city on May 30.",
            "2022-06-02",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2022-05-31", "{found:?}");
    }

    #[test]
    fn the_toll_of_a_crash_after_the_attack_is_not_the_attack_s_toll() {
        let a = article(
            "Iranian missiles struck the air base near Erbil early on Wednesday. Hours later, a \
             passenger jet crashed after take-off, killing all 150 people aboard.",
            "2020-01-08",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        assert!(events[0].claims.is_empty(), "{:?}", events[0].claims);
    }

    #[test]
    fn missiles_right_after_a_drone_strike_are_the_drone_s_missiles() {
        let found = events(
            "A drone strike killed a commander at Kandahar airport early on Friday. Security \
             sources said missiles hit two vehicles on an access road.",
            "2022-05-13",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "drone_strike", "{found:?}");
    }

    #[test]
    fn blasts_reported_in_towns_are_further_sites_of_the_strikes_just_reported() {
        let a = article(
            "Jets struck rebel targets across Yemen early on Friday, officials said. Explosions \
             were reported in Sanaa and in the port city of Hodeidah.",
            "2024-01-12",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let mut names: Vec<&str> = events[0]
            .place
            .iter()
            .chain(&events[0].other_places)
            .map(|p| p.name.as_str())
            .collect();
        names.sort();
        assert!(
            names.contains(&"Sanaa") || names.contains(&"Sana'a"),
            "{names:?}"
        );
        assert!(names.contains(&"Al Hudaydah"), "{names:?}");
    }

    #[test]
    fn a_launch_site_a_time_zone_and_a_fronted_clause_do_not_move_the_strike() {
        let a = article(
            "Iran fired ballistic missiles at an Iraqi air base early on Wednesday. The missiles \
             were fired from inside Iran at 1:30 a.m. local time, late on Tuesday in Washington, \
             and struck the Ain al-Asad air base. Hours before the missiles were launched, a \
             crush of mourners in the town of Kerman killed at least 50 people.",
            "2020-01-08",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let e = &events[0];
        assert_eq!(e.date.start.to_string(), "2020-01-08");
        assert_eq!(
            e.place.as_ref().map(|p| p.name.as_str()),
            Some("Ain al-Asad air base")
        );
        assert!(e.claims.iter().all(|c| c.value != 50), "{:?}", e.claims);
    }

    #[test]
    fn an_event_whose_text_names_no_place_falls_back_to_the_dateline_city() {
        let found = events(
            "MOGADISHU (Reuters) - A car bomb exploded outside a popular hotel on Friday evening, \
             killing at least ten people, police said.",
            "2022-08-20",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "Mogadishu", "{found:?}");
        // Not the capital of the side that struck.
        let found = events(
            "WASHINGTON (Reuters) - US warplanes carried out an air strike on Friday evening, \
             officials said.",
            "2022-08-20",
        );
        assert!(found.iter().all(|e| e.2.is_empty()), "{found:?}");
    }

    #[test]
    fn a_sentence_of_no_injuries_is_a_zero_toll_of_the_attack_before() {
        let a = article(
            "Mortar rounds hit a police post in Kirkuk on Tuesday.\n\nThere were no injuries, \
             a police officer said.",
            "2022-08-17",
        );
        let found = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].claims.iter().any(|c| c.value == 0), "{found:?}");
    }

    #[test]
    fn a_place_that_names_a_clock_is_no_site() {
        let found = events(
            "At 9 p.m. Baghdad time on Monday, rockets hit an air base housing foreign troops, \
             officials said.",
            "2022-08-20",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].2.is_empty(), "{found:?}");
    }

    #[test]
    fn a_similar_attack_is_a_further_event_of_the_same_kind() {
        let mut found = events(
            "Air defences shot down two explosive-laden drones approaching the Ain al-Asad air \
             base on Tuesday, a day after a similar attack at Baghdad airport.",
            "2022-01-05",
        );
        found.sort();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|e| e.0 == "drone_attack"), "{found:?}");
        assert!(found.iter().any(|e| e.1 == "2022-01-03"), "{found:?}");
    }

    #[test]
    fn a_stated_day_after_the_trigger_beats_the_head_clause_s_day_before_it() {
        let found = events(
            "The Guards said the operation, launched late on Saturday, was punishment for an air \
             strike on the consulate in Damascus on April 1 that killed seven officers.",
            "2024-04-14",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2024-04-01", "{found:?}");
    }

    #[test]
    fn two_triggers_of_one_clause_report_one_attack() {
        // "killed … in an attack on X": the verb carries the date, the noun the place.
        let mut found = events(
            "Gunmen killed nine soldiers at a checkpoint near Kirkuk on Sunday, officials said. \
             In March, militants killed 12 shepherds in an attack on Mosul, police said.",
            "2021-06-08",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("other_attack".into(), "2021-03-01".into(), "Mosul".into()),
                ("other_attack".into(), "2021-06-06".into(), "Kirkuk".into()),
            ],
        );
    }

    #[test]
    fn a_coordinated_clause_keeps_its_own_date_and_place() {
        let mut found = events(
            "Two rockets hit an army base near Kirkuk on Tuesday, and three rockets fell near \
             the airport in Mosul on March 2.",
            "2021-03-11",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("rocket_attack".into(), "2021-03-02".into(), "Mosul".into()),
                ("rocket_attack".into(), "2021-03-09".into(), "Kirkuk".into()),
            ],
        );
    }

    #[test]
    fn a_series_of_bombings_on_a_named_day_is_that_day_s_attack() {
        let found = events(
            "A series of bombings tore through a market in Kirkuk on Saturday, killing 14 \
             people, police said.",
            "2021-06-07",
        );
        assert_eq!(
            found,
            [("ied".into(), "2021-06-05".into(), "Kirkuk".into())]
        );
    }

    #[test]
    fn a_period_opened_by_since_is_no_attack_unless_a_when_clause_names_one() {
        let found = events(
            "Rockets struck a base near Kirkuk on Sunday, officials said. Since October, dozens \
             of rockets have been fired at bases in Iraq.",
            "2021-06-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-06-06", "{found:?}");
        let found = events(
            "Rockets struck a base near Kirkuk on Sunday, officials said. Attacks have continued \
             since June 2020, when three rockets hit a hangar at the airport in Mosul.",
            "2021-06-08",
        );
        assert!(
            found
                .iter()
                .any(|e| e.1 == "2020-06-01" && e.2.contains("Mosul")),
            "{found:?}"
        );
    }

    #[test]
    fn a_site_hit_several_times_is_a_history_not_an_attack() {
        let found = events(
            "Rockets struck a base near Kirkuk on Sunday, officials said. The airport in Mosul \
             has been hit by rockets several times this year.",
            "2021-06-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "Kirkuk", "{found:?}");
    }

    #[test]
    fn the_day_of_a_reaction_does_not_date_the_attack_it_condemns() {
        let found = events(
            "Rockets hit a base near Kirkuk on Saturday, wounding two guards. The governor, \
             touring the base on Sunday, condemned the attacks.",
            "2021-06-07",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-06-05", "{found:?}");
    }

    #[test]
    fn a_date_before_a_reaction_verb_dates_the_reaction_not_the_strike() {
        let found = events(
            "Turkey on Friday denounced Russian air strikes on rebel positions near Idlib. \
             Russian jets dropped bombs late on Wednesday on the positions, a monitor said.",
            "2021-06-11",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-06-09", "{found:?}");
        // With no date of its own anywhere, the attack still does not take the reaction's.
        let found = events(
            "Turkey on Friday denounced Russian air strikes on rebel positions near Idlib. \
             Residents said the bombs fell on a bakery.",
            "2021-06-11",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_ne!(found[0].1, "2021-06-11", "{found:?}");
        // A date after the object stays the attack's: "condemned the strikes on Wednesday".
        let found = events(
            "Turkey on Friday denounced Russian air strikes near Idlib on Wednesday.",
            "2021-06-11",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-06-09", "{found:?}");
    }

    #[test]
    fn an_undated_attack_recalled_after_after_opens_no_event() {
        let found = events(
            "Jets struck weapons depots near Mosul on Thursday after a rocket attack on a base \
             in Kirkuk.",
            "2021-06-11",
        );
        assert_eq!(
            found,
            [("airstrike".into(), "2021-06-10".into(), "Mosul".into())]
        );
    }

    #[test]
    fn attacks_recalled_by_month_are_old_events_with_their_own_month_and_site() {
        // Two recalled attacks in one clause chain are two old events, each with its own
        // month, place and kind; the story's strike keeps its day.
        let found = events(
            "Jets struck a militia depot near Tikrit on Saturday. The raid came after the \
             bombing of militia depots near Mosul in February, which was itself a response to \
             the February rocket attack on Kirkuk.",
            "2021-06-20",
        );
        for want in [
            ("airstrike", "2021-06-19", "Tikrit"),
            ("airstrike", "2021-02-01", "Mosul"),
            ("rocket_attack", "2021-02-01", "Kirkuk"),
        ] {
            assert!(
                found.contains(&(want.0.into(), want.1.into(), want.2.into())),
                "{want:?} in {found:?}"
            );
        }
        // "since the April raid": the month dates the raid that opened the period.
        let found = events(
            "Jets struck a militia depot near Tikrit on Saturday. The raid was the first \
             since the April raid in eastern Syria.",
            "2021-06-20",
        );
        assert!(
            found
                .iter()
                .any(|(_, day, place)| day == "2021-04-01" && place == "eastern Syria"),
            "{found:?}"
        );
    }

    #[test]
    fn one_opening_a_sentence_after_a_series_is_one_attack_of_it() {
        let found = events(
            "Jets struck a militia depot near Tikrit on Saturday. Militias have launched \
             several drone attacks on bases this year. One hit Balad air base in April, \
             causing no casualties.",
            "2021-06-20",
        );
        assert!(
            found.contains(&(
                "drone_attack".into(),
                "2021-04-01".into(),
                "Balad air base".into()
            )),
            "{found:?}"
        );
        // With no series named, "One" is one of the weapons named last; the month across
        // ", and" belongs to the other clause.
        let found = events(
            "Jets struck a militia depot near Tikrit on Saturday. Militias now rely on small \
             drones. One hit Balad air base in April, and earlier this month drones were seen \
             over Baghdad.",
            "2021-06-20",
        );
        assert!(
            found.contains(&(
                "drone_attack".into(),
                "2021-04-01".into(),
                "Balad air base".into()
            )),
            "{found:?}"
        );
    }

    #[test]
    fn fire_returned_at_the_launch_points_is_shelling_at_the_attack_s_site_and_day() {
        // Monday 2023-05-08; the shelling names neither a day nor a site of its own.
        let found = events(
            "Militants fired rockets at a coalition base near Kirkuk on Sunday night, officials \
             said. Nobody was hurt. The rockets landed near the runway. Coalition forces \
             responded with counter-battery artillery fire at the rocket launch positions, a \
             spokesman said.",
            "2023-05-08",
        );
        assert!(
            found.contains(&("shelling".into(), "2023-05-07".into(), "Kirkuk".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("rocket_attack".into(), "2023-05-07".into(), "Kirkuk".into())),
            "{found:?}"
        );
        // The response told first ("… and responded with artillery") is the same shelling.
        let found = events(
            "Coalition troops near Kirkuk came under rocket fire on Sunday night and answered \
             with artillery fire, officials said. Nobody was hurt. The rockets landed near the \
             runway. Troops fired counter-battery rounds at the launch sites, a spokesman said.",
            "2023-05-08",
        );
        assert_eq!(
            found.iter().filter(|e| e.0 == "shelling").count(),
            1,
            "{found:?}"
        );
    }

    #[test]
    fn many_of_the_missiles_paragraphs_later_are_part_of_the_barrage() {
        // Monday 2023-03-13.
        let found = events(
            "Russia fired dozens of missiles at Kyiv on Monday morning, killing four people. \
             Rescuers searched the rubble of a block of flats. The mayor said schools were \
             closed. Power was cut across the capital. Trains ran late. Many of the missiles \
             targeted power plants, and water supplies were cut in Odesa.",
            "2023-03-13",
        );
        assert_eq!(
            found,
            [("missile_attack".into(), "2023-03-13".into(), "Kyiv".into())],
        );
    }

    #[test]
    fn the_day_labelling_a_list_entry_dates_the_cause_of_its_deaths() {
        // Wednesday 2022-05-18: the label's day, though the mine is told in a "when" clause.
        let found = events(
            "Weekly security digest.\n- 10 May: Gunmen attacked a village near Mopti, killing \
             12 people.\n- 9 May: Three soldiers were killed when their truck hit a roadside \
             bomb near Gao.",
            "2022-05-18",
        );
        assert!(
            found.contains(&("ied".into(), "2022-05-09".into(), "Gao".into())),
            "{found:?}"
        );
    }

    #[test]
    fn the_region_a_bomber_fired_over_is_no_second_event() {
        // Wednesday 2023-05-10: the bomber's position is where the missile left, not where
        // it struck.
        let found = events(
            "A Russian missile hit an apartment block in Kharkiv on Tuesday, killing six people, \
             officials said. The air force said the building was struck by a cruise missile \
             launched from a bomber over the Kursk region.",
            "2023-05-10",
        );
        assert_eq!(
            found,
            [(
                "missile_attack".into(),
                "2023-05-09".into(),
                "Kharkiv".into()
            )],
        );
    }

    #[test]
    fn a_country_holding_the_launch_sites_is_no_second_event() {
        // Thursday 2023-06-15: one salvo, struck at the base; the country it came from is
        // where it was launched.
        let found = events(
            "Nobody was killed in the missile attack early Wednesday on a base near Kirkuk, \
             officials said. Twelve ballistic missiles were launched from three sites inside \
             Syria, the minister said.",
            "2023-06-15",
        );
        assert_eq!(
            found,
            [(
                "missile_attack".into(),
                "2023-06-14".into(),
                "Kirkuk".into()
            )],
        );
    }

    #[test]
    fn an_undated_response_is_not_the_attack_before_it() {
        // The gunmen's attack keeps its own kind: the drone strike that answered something
        // else, with no day or site of its own, does not join it.
        let found = events(
            "Jets struck a depot near Mosul on Friday. Tension has grown since gunmen \
             attacked a village near Kirkuk on March 2. The army answered with artillery and \
             a drone strike on a militia camp.",
            "2023-03-12",
        );
        assert_eq!(
            found,
            [
                ("airstrike".into(), "2023-03-10".into(), "Mosul".into()),
                ("other_attack".into(), "2023-03-02".into(), "Kirkuk".into())
            ],
        );
    }

    #[test]
    fn one_strike_after_named_weapons_is_one_of_them() {
        let found = events(
            "Rebels hit a refinery in the port city of Aden with drones on Friday. Days \
             earlier, a wave of rebel drones hit fuel depots. Last Sunday, one strike set a \
             depot in Taiz ablaze.",
            "2022-03-26",
        );
        for want in [
            ("drone_attack", "2022-03-25", "Aden"),
            ("drone_attack", "2022-03-20", "Taiz"),
        ] {
            assert!(
                found.contains(&(want.0.into(), want.1.into(), want.2.into())),
                "{want:?} in {found:?}"
            );
        }
    }

    #[test]
    fn the_day_before_after_in_a_vow_is_the_vow_s_day() {
        // The vow is dated Saturday; the drone strike it answers is the story's attack, dated
        // by the next sentence (Friday).
        let found = events(
            "The militia promised a harsh response on Saturday after a U.S. drone strike near \
             Homs killed its commander. The strike hit a car shortly after midnight on Friday, \
             officials said.",
            "2020-01-04",
        );
        assert_eq!(
            found,
            [("drone_strike".into(), "2020-01-03".into(), "Homs".into())]
        );
    }

    #[test]
    fn a_bare_reference_back_is_to_the_lead_s_attack_not_a_recalled_one() {
        // "the rocket attack" after a clause that recalls a December barrage is Wednesday's
        // attack: the raids "hours after" it fall on Wednesday, not in December.
        let found = events(
            "Rockets hit a base near Kirkuk on Wednesday evening, wounding three soldiers. \
             Officials blamed the militia behind the December barrage on a base near Mosul. \
             Hours after the rocket attack, unidentified aircraft struck militia positions \
             near Tikrit.",
            "2020-03-12",
        );
        assert!(
            found.contains(&("airstrike".into(), "2020-03-11".into(), "Tikrit".into())),
            "{found:?}"
        );
    }

    #[test]
    fn a_rocket_aimed_at_a_site_that_killed_is_a_rocket_attack() {
        let found = events(
            "A rocket aimed at the airport in Mosul killed two guards on Sunday, police said.",
            "2021-06-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "rocket_attack", "{found:?}");
        assert_eq!(found[0].1, "2021-06-06", "{found:?}");
    }

    #[test]
    fn a_negation_in_the_first_coordinated_clause_spares_the_second() {
        let found = events(
            "Two rockets landed near the airport in Mosul on Jan. 20 without causing damage, and \
             rockets also fell near a base in Kirkuk on Jan. 8.",
            "2021-01-25",
        );
        assert!(
            found
                .iter()
                .any(|e| e.1 == "2021-01-08" && e.2.contains("Kirkuk")),
            "{found:?}"
        );
    }

    #[test]
    fn may_the_month_is_no_modal_verb() {
        let found = events(
            "In May last year, gunmen stormed a police station in Kirkuk, killing six officers.",
            "2021-06-08",
        );
        assert_eq!(
            found,
            [("other_attack".into(), "2020-05-01".into(), "Kirkuk".into())]
        );
    }

    #[test]
    fn an_attack_recalled_in_a_site_s_history_is_at_that_site() {
        let found = events(
            "Rockets struck a base near Kirkuk on Sunday, officials said. The airport in Mosul \
             has been hit repeatedly. In March, gunmen stormed a checkpoint in the area, killing \
             four guards.",
            "2021-06-08",
        );
        assert!(
            found
                .iter()
                .any(|e| e.1 == "2021-03-01" && e.2.contains("Mosul")),
            "{found:?}"
        );
    }

    #[test]
    fn that_attack_is_the_attack_just_named() {
        let a = article(
            "Gunmen stormed a police station in Kirkuk on Sunday, killing six officers. In March, \
             a suicide bomber killed nine people at a market in Mosul; a local cell claimed that \
             attack.",
            "2021-06-08",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        let mosul = events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.name.contains("Mosul")))
            .expect("the Mosul bombing");
        assert_eq!(mosul.mentions.len(), 2, "{:?}", mosul.mentions);
    }

    #[test]
    fn a_second_verb_of_the_same_rockets_with_its_own_day_is_a_second_attack() {
        let mut found = events(
            "Rockets have also hit an army base near Kirkuk on Saturday and landed near the \
             airport in Mosul on Monday, officials said.",
            "2021-03-11",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("rocket_attack".into(), "2021-03-06".into(), "Kirkuk".into()),
                ("rocket_attack".into(), "2021-03-08".into(), "Mosul".into()),
            ],
        );
    }

    #[test]
    fn a_city_the_site_lies_north_of_is_a_bearing_not_the_site() {
        let found = events(
            "Six rockets slammed into an Iraqi air base north of Baghdad on Sunday evening, \
             wounding four airmen. The rockets landed inside Balad air base, about 80 km north \
             of the capital, the military said.",
            "2020-01-13",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "Balad air base", "{found:?}");
    }

    #[test]
    fn a_sentence_opening_with_also_reports_a_further_attack() {
        let mut found = events(
            "A suicide bomber killed nine people at a funeral in Mosul on Tuesday, police said. \
             Also on Tuesday, a roadside bomb in Kirkuk killed a child, officials said.",
            "2021-03-10",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("ied".into(), "2021-03-09".into(), "Kirkuk".into()),
                ("ied".into(), "2021-03-09".into(), "Mosul".into()),
            ],
        );
    }

    #[test]
    fn including_one_on_a_day_is_an_attack_of_the_plural_before_it() {
        let found = events(
            "Rockets struck a base near Kirkuk on Sunday, officials said. Militias have used \
             drones in at least four attacks on bases since May, including one on a hangar at \
             the airport in Mosul on May 14.",
            "2021-06-08",
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "drone_attack" && e.1 == "2021-05-14" && e.2.contains("Mosul")),
            "{found:?}"
        );
    }

    #[test]
    fn a_time_of_day_after_before_is_no_clause() {
        let found = events(
            "Jets destroyed three buildings on a busy street in Mosul before dawn on Sunday, \
             killing 12 people, officials said. Rescue workers searched the rubble. The army \
             said later that air strikes destroyed a depot in Kirkuk before dawn on Sunday.",
            "2021-06-08",
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "airstrike" && e.1 == "2021-06-06" && e.2 == "Kirkuk"),
            "{found:?}"
        );
    }

    #[test]
    fn a_day_before_a_verb_of_saying_dates_the_speaker_not_the_attack() {
        let found = events(
            "A rocket fired at the airport in Mosul late on Monday hit a house, killing five \
             people. A neighbour, speaking at the funeral on Tuesday, said the family was asleep \
             when the rocket hit.",
            "2021-06-09",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, "2021-06-07", "{found:?}");
    }

    #[test]
    fn what_the_attack_came_after_is_another_matter() {
        let found = events(
            "Rockets struck a base near Kirkuk on Sunday, officials said. The attack came days \
             after leaders met in Mosul to discuss security.",
            "2021-06-08",
        );
        assert_eq!(
            found,
            [("rocket_attack".into(), "2021-06-06".into(), "Kirkuk".into())]
        );
    }

    #[test]
    fn a_barrage_answered_by_strikes_keeps_its_own_day_and_site() {
        let mut found = events(
            "Jets struck militia depots near Mosul on Thursday night, officials said. Those \
             strikes answered the March 2 barrage on the airport in Kirkuk.",
            "2021-03-12",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("airstrike".into(), "2021-03-11".into(), "Mosul".into()),
                ("rocket_attack".into(), "2021-03-02".into(), "Kirkuk".into()),
            ],
        );
    }

    #[test]
    fn almost_daily_bombings_are_a_history() {
        let found = events(
            "Rockets struck a base near Kirkuk on Sunday, officials said. In Mosul, patrols have \
             been the target of almost daily roadside bombs.",
            "2021-06-08",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn an_overnight_attack_and_the_next_morning_s_report_are_one_attack() {
        let found = events(
            "Militants fired a dozen rockets overnight at two bases near Kirkuk, officials said. \
             The rockets struck the bases at about 1 a.m. on Wednesday.",
            "2021-06-09",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_reference_back_is_not_placed_by_another_verb_s_place() {
        let found = events(
            "Last month, a volley of rockets aimed at the embassy landed in a residential area \
             and killed a child. Officials said Baghdad had nothing to do with the attack.",
            "2021-06-09",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_ne!(found[0].2, "Baghdad", "{found:?}");
    }

    #[test]
    fn a_lorry_bomb_and_a_salvo_are_attacks() {
        let found = events(
            "A lorry bomb killed 30 people at a checkpoint in Kirkuk on Saturday, police said.",
            "2021-06-07",
        );
        assert_eq!(
            found,
            [("ied".into(), "2021-06-05".into(), "Kirkuk".into())]
        );
        let found = events(
            "A salvo hit the airport in Mosul on Saturday, officials said.",
            "2021-06-07",
        );
        assert_eq!(
            found,
            [("rocket_attack".into(), "2021-06-05".into(), "Mosul".into())]
        );
    }

    /// The values of the killed claims of each event of one article.
    fn killed_per_event(body: &str, published: &str) -> Vec<Vec<u32>> {
        let a = article(body, published);
        killed_of(&crate::extract::extract_article(&a, Gazetteer::global()))
    }

    #[test]
    fn a_bare_reference_back_is_to_the_news_not_to_an_older_attack_recalled() {
        // Wednesday 2023-05-10: the news is Tuesday's attack on Kidal; the drone strike of
        // the "when" clause is older. "the strikes", "the attacks" with a toll mean the news.
        for (news, recalled, toll) in [
            (
                "Rebels fired rockets at an army base in Kidal early on Tuesday, officials said.",
                "The group called it revenge for the attack of last Saturday, when a drone \
                 killed its commander near Gao.",
                "The group's radio claimed 40 soldiers had died in the strikes.",
            ),
            (
                "Insurgents shelled a military camp in Kidal on Tuesday night, the army said.",
                "The insurgents said it was retaliation for the strike of last Friday, when a \
                 drone killed two of their leaders near Menaka.",
                "Their radio said 40 soldiers had died in the attacks.",
            ),
        ] {
            let body = format!("{news} {recalled} {toll}");
            let found = events(&body, "2023-05-10");
            let killed = killed_per_event(&body, "2023-05-10");
            let kidal = found.iter().position(|e| e.2 == "Kidal");
            assert!(kidal.is_some(), "{found:?}");
            assert!(
                killed[kidal.unwrap_or_default()].contains(&40),
                "{found:?} {killed:?}"
            );
            assert!(
                killed.iter().filter(|k| k.contains(&40)).count() == 1,
                "{found:?} {killed:?}"
            );
        }
    }

    #[test]
    fn the_day_a_statement_was_issued_dates_the_statement() {
        // Wednesday 2020-01-08: the attack was early on Wednesday; the statements about it
        // were given out on Tuesday evening, Washington time.
        for statement in [
            "\"These missiles were fired from across the border,\" a spokesman said in a \
             statement issued in Washington on Tuesday evening.",
            "The rockets were launched from a truck, the army said in a video released on \
             Tuesday.",
        ] {
            let found = events(
                &format!(
                    "Rockets struck an air base in Anbar province early on Wednesday, officials \
                     said. {statement}"
                ),
                "2020-01-08",
            );
            assert!(!found.is_empty(), "{found:?}");
            assert!(found.iter().all(|e| e.1 == "2020-01-08"), "{found:?}");
        }
    }

    #[test]
    fn the_place_and_day_of_an_incident_an_attack_answers_are_the_incident_s() {
        // Monday 2022-10-10.
        for cause in [
            "a response to the explosion on a bridge in Kerch on Saturday",
            "revenge for the blast at a fuel depot in Kerch on Saturday",
            "retaliation for the killing of a general in Kerch on Saturday",
        ] {
            let found = events(
                &format!(
                    "Missiles hit Kyiv on Monday morning, killing 11 people, officials said. \
                     Moscow said the strikes were {cause}."
                ),
                "2022-10-10",
            );
            assert!(!found.is_empty(), "{found:?}");
            assert!(
                found.iter().all(|e| e.1 == "2022-10-10" && e.2 == "Kyiv"),
                "{cause}: {found:?}"
            );
        }
    }

    #[test]
    fn a_toll_told_before_the_attack_is_named_is_the_attack_s() {
        let killed = killed_per_event(
            "Soldiers retook a police station in Garissa late on Sunday. At least 17 people \
             died, the interior minister said. The attack on the station began on Saturday \
             night, when a car bomb exploded at the gate.",
            "2022-05-10",
        );
        assert_eq!(killed, [vec![17]]);
    }

    #[test]
    fn a_toll_put_at_another_number_in_a_sentence_of_its_own_is_kept() {
        let killed = killed_per_event(
            "Gunmen attacked a village near Maiduguri on Saturday, killing 40 farmers, the \
             army said. Local officials put the number at 65.",
            "2022-05-10",
        );
        assert_eq!(killed.len(), 1);
        assert!(killed[0].contains(&65), "{killed:?}");
    }

    #[test]
    fn a_toll_after_the_attack_told_again_follows_the_attack_the_story_moved_to() {
        let a = article(
            "Rockets hit a US base near Hasakah on Tuesday, a day after American jets bombed \
             militia depots near Mayadin. Nobody was hurt at the base. The rocket attack \
             followed the raids of Monday night, which struck three depots near Mayadin. A \
             militia commander said six of his men were killed.",
            "2022-05-11",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        let with_six: Vec<&str> = events
            .iter()
            .filter(|e| e.claims.iter().any(|c| c.value == 6))
            .map(|e| e.kind.as_str())
            .collect();
        assert_eq!(with_six, ["airstrike"], "{events:?}");
    }

    #[test]
    fn a_toll_told_with_a_count_of_the_strikes_is_the_raid_s() {
        let a = article(
            "Warplanes struck depots near Hama overnight, officials said on Friday. Smoke rose \
             over the hills. A rebel spokesman said four fighters had been killed in 40 strikes.",
            "2023-03-17",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let killed: Vec<u32> = events[0]
            .claims
            .iter()
            .filter(|c| c.field == crate::extract::types::ClaimField::Killed)
            .map(|c| c.value)
            .collect();
        assert_eq!(killed, [4], "{:?}", events[0].claims);
    }

    #[test]
    fn a_toll_told_with_a_count_of_the_strikes_reaches_a_raid_told_sentences_before() {
        let a = article(
            "Warplanes struck depots near Hama overnight, officials said on Friday. Smoke rose \
             over the hills. Residents saw fires until dawn. A rebel spokesman said four of \
             the group's fighters had been killed in 40 strikes.",
            "2023-03-17",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let killed: Vec<u32> = events[0]
            .claims
            .iter()
            .filter(|c| c.field == crate::extract::types::ClaimField::Killed)
            .map(|c| c.value)
            .collect();
        assert_eq!(killed, [4], "{:?}", events[0].claims);
    }

    #[test]
    fn a_toll_told_after_a_reference_back_to_the_attack_is_still_its_toll() {
        let a = article(
            "A missile struck a bus station in Kharkiv on Friday, officials said. Crowds had \
             gathered to flee. Leaders said the strike would be investigated. Aid groups \
             sent food. Officials later said 31 people had died.",
            "2023-03-18",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let killed: Vec<u32> = events[0]
            .claims
            .iter()
            .filter(|c| c.field == crate::extract::types::ClaimField::Killed)
            .map(|c| c.value)
            .collect();
        assert_eq!(killed, [31], "{:?}", events[0].claims);
    }

    #[test]
    fn a_burial_told_after_the_attack_gives_its_toll() {
        let a = article(
            "Gunmen killed dozens of farm workers near Maiduguri on Saturday, officials said. \
             The victims had been working in rice fields. The governor attended the burial of \
             43 victims on Sunday.",
            "2020-11-29",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        assert!(
            events[0].claims.iter().any(|c| c.value == 43),
            "{:?}",
            events[0].claims
        );
    }

    #[test]
    fn a_toll_told_after_an_attack_only_wished_or_threatened_is_the_story_s() {
        let a = article(
            "A missile struck a bus station in Kharkiv on Friday, officials said. Crowds had \
             gathered to flee. Leaders said Russia's willingness to attack civilians was \
             wrong, and the Pentagon said it did not believe Moscow's denial. Aid groups sent \
             food. Officials later said 31 people had died.",
            "2023-03-18",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        assert!(
            events[0].claims.iter().any(|c| c.value == 31),
            "{:?}",
            events[0].claims
        );
    }

    #[test]
    fn a_toll_sentence_without_a_casualty_verb_reaches_the_event() {
        let a = article(
            "Rockets struck a market in Kherson on Monday, killing three people. By Tuesday \
             the toll had risen to seven, the governor said.",
            "2023-03-15",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let killed: Vec<u32> = events[0]
            .claims
            .iter()
            .filter(|c| c.field == crate::extract::types::ClaimField::Killed)
            .map(|c| c.value)
            .collect();
        assert_eq!(killed, [3, 7], "{:?}", events[0].claims);
    }

    #[test]
    fn a_blast_told_before_the_attack_is_named_gives_that_attack_its_day_and_toll() {
        // Published on a Saturday: the blasts were on Thursday; the cause comes two
        // sentences later, at the same place.
        let a = article(
            "Explosions rocked the port of Hodeidah on Thursday, killing at least 14 dock \
             workers, officials said. A doctor said on Friday that 17 people had died. The \
             governor said the port in Hodeidah had been hit by missiles fired from the sea.",
            "2023-03-04",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].date.start.to_string(), "2023-03-02");
        let killed: Vec<u32> = events[0]
            .claims
            .iter()
            .filter(|c| c.field == crate::extract::types::ClaimField::Killed)
            .map(|c| c.value)
            .collect();
        assert_eq!(killed, [14, 17], "{:?}", events[0].claims);
    }

    #[test]
    fn a_day_worked_out_from_hours_after_yields_to_the_day_the_text_states() {
        // Published on a Wednesday: the rockets fell on Tuesday, "hours after" strikes that a
        // later paragraph dates Monday night; one strike event, on Monday.
        let mut found = events(
            "Militants fired rockets at a base near Kirkuk on Tuesday, the army said, hours \
             after jets carried out air strikes on depots near Mosul. \
             Officials said that on Monday night, jets struck three depots near Mosul.",
            "2022-05-11",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("airstrike".into(), "2022-05-09".into(), "Mosul".into()),
                ("rocket_attack".into(), "2022-05-10".into(), "Kirkuk".into()),
            ],
        );
    }

    #[test]
    fn a_toll_stays_with_its_clause_and_a_run_of_tolls_stays_with_its_event() {
        // The figure after "strikes … killed" is the strikes' even though the drone of the next
        // clause stands nearer to it.
        let a = article(
            "In early March, air strikes on militia depots near Mosul killed 12 of its men, \
             and in April a drone killed a commander in Kirkuk.",
            "2022-05-13",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        let mosul = events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.name == "Mosul"))
            .expect("the Mosul strikes");
        assert!(mosul.claims.iter().any(|c| c.value == 12), "{events:?}");
        // Three tolls in a row from three sources, the last far from the report.
        let a = article(
            "Jets struck militia depots near Mosul on Sunday, the army said. The strikes \
             destroyed two buildings. The militia said four of its men died. A monitor said \
             nine fighters were killed. A hospital said two more had died of their wounds.",
            "2022-05-10",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let mut killed: Vec<u32> = events[0].claims.iter().map(|c| c.value).collect();
        killed.sort();
        assert_eq!(killed, [2, 4, 9], "{:?}", events[0].claims);
    }

    #[test]
    fn an_attack_announced_somewhere_is_not_an_attack_there_and_a_link_line_is_no_report() {
        // Published on a Friday: the shelling was on Thursday; the minister announced it on
        // Thursday night in Geneva, which is where he spoke, not where the shells fell.
        let found = events(
            "Artillery shelled the centre of Kharkiv on Thursday, killing six people. Rescue \
             teams searched the rubble. The minister announced the attack late on Thursday \
             in a speech to diplomats in Geneva, saying that nine people had died.\n\n\
             Related: Odesa: drone attack hits grain terminal\n",
            "2022-05-13",
        );
        assert_eq!(
            found,
            [("shelling".into(), "2022-05-12".into(), "Kharkiv".into())]
        );
        assert!(super::is_link_line(
            "- Related: Odesa: drone attack hits port"
        ));
        assert!(super::is_link_line("Read more: strikes on Sanaa"));
        assert!(!super::is_link_line("Relatedly, rockets hit the base."));
    }

    #[test]
    fn the_previous_week_counts_back_from_the_event_just_told() {
        // Published in April: "the previous week" is the week before the March 3 attack,
        // not the week before publication.
        let mut found = events(
            "On March 3, rockets hit a base near Kirkuk. Jets had struck militia depots near \
             Mosul the previous week.",
            "2021-04-15",
        );
        found.sort();
        assert_eq!(
            found,
            [
                ("airstrike".into(), "2021-02-24".into(), "Mosul".into()),
                ("rocket_attack".into(), "2021-03-03".into(), "Kirkuk".into()),
            ],
        );
    }

    #[test]
    fn since_a_possessive_date_s_strikes_names_those_strikes_with_their_week() {
        let found = events(
            "Rockets hit Ain al-Asad air base on Wednesday morning, officials said. No one \
             was hurt in the attack on the base. It was the first attack since last week's \
             strikes, which hit depots used by militias in eastern Syria. Those strikes, at a \
             crossing near Albu Kamal, answered an earlier rocket attack.",
            "2021-03-04",
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "airstrike" && e.1 == "2021-02-22" && e.2 == "Albu Kamal"),
            "{found:?}"
        );
    }

    #[test]
    fn a_later_attack_with_its_own_day_at_another_site_is_not_the_undated_lead() {
        let found = events(
            "Rockets hit Camp Taji, wounding two soldiers, police said. The launchers were \
             found in an orchard outside the town. On Friday a rocket struck Balad air base, \
             damaging a hangar.",
            "2020-01-15",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .any(|e| e.2 == "Balad air base" && e.1 == "2020-01-10"),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|e| e.2 == "Camp Taji" && e.1 != "2020-01-10"),
            "{found:?}"
        );
    }

    #[test]
    fn hours_before_that_dates_the_attack_from_the_one_just_told() {
        let found = events(
            "Five rockets hit K-1 air base on Sunday, wounding a soldier. On Wednesday night \
             a drone struck Erbil airport, damaging a hangar. Hours before that, rockets \
             were fired at Camp Taji, wounding a guard.",
            "2021-04-19",
        );
        assert!(
            found
                .iter()
                .any(|e| e.0 == "rocket_attack" && e.1 == "2021-04-14" && e.2 == "Camp Taji"),
            "{found:?}"
        );
    }

    #[test]
    fn it_after_the_verb_is_the_site_just_named() {
        let found = events(
            "Mortars and rockets keep falling on bases in Iraq. Two rockets fell on K-1 air \
             base on April 4, and in March a volley of three rockets hit it.",
            "2021-04-19",
        );
        assert!(
            found
                .iter()
                .any(|e| e.1.starts_with("2021-03") && e.2 == "K-1 air base"),
            "{found:?}"
        );
    }

    #[test]
    fn the_target_named_next_places_an_attack_known_only_by_its_country() {
        let found = events(
            "Coalition troops in Syria were attacked by rockets this evening, a spokesman \
             said. The target was the al-Omar oil field, according to a monitoring group.",
            "2021-06-28",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].2, "al-Omar oil field", "{found:?}");
    }

    #[test]
    fn a_stated_day_beats_one_counted_from_a_night_and_the_weapons_named_next_give_the_kind() {
        let found = events(
            "Drones struck Kharkiv overnight, wounding five people, officials said on \
             Friday, a day after a strike on Pivdenne damaged a fuel depot. The attack on \
             Pivdenne came early on Thursday. The army said Russia had used cruise missiles \
             in it.",
            "2023-07-21",
        );
        assert!(
            found
                .iter()
                .any(|e| e.2 == "Pivdenne" && e.1 == "2023-07-20" && e.0 == "missile_attack"),
            "{found:?}"
        );
    }

    #[test]
    fn the_day_a_toll_rose_is_not_the_day_of_the_attack() {
        // Published on a Tuesday: the bombing was on Sunday; the toll rose on Monday.
        let found = events(
            "The number of people killed by a car bomb at a market in Mosul rose to 31 on \
             Monday. The bomb went off on Sunday afternoon near the main mosque in Mosul.",
            "2023-08-01",
        );
        assert_eq!(found, [("ied".into(), "2023-07-30".into(), "Mosul".into())]);
    }

    fn killed_of(events: &[crate::extract::types::Event]) -> Vec<Vec<u32>> {
        events
            .iter()
            .map(|e| {
                e.claims
                    .iter()
                    .filter(|c| c.field == crate::extract::types::ClaimField::Killed)
                    .map(|c| c.value)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_toll_beside_an_attack_named_only_to_rank_it_is_the_told_attack_s() {
        let a = article(
            "Explosions tore through a market in Kirkuk on Monday, killing at least 31 people \
             in the deadliest such attack since 2017, police said.",
            "2022-05-03",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(killed_of(&events), [vec![31]], "{events:?}");
    }

    #[test]
    fn a_toll_several_sentences_on_is_the_last_event_when_no_attack_is_named_between() {
        let a = article(
            "Warplanes bombed two arms depots near Mosul on Sunday. The depots stood beside a \
             river crossing. A spokesman described them as supply hubs. Nobody could say at \
             first how many had died. Tribal sources said 12 fighters had been killed.",
            "2022-05-03",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(killed_of(&events), [vec![12]], "{events:?}");
        // Another attack told in between: the toll is not the first event's.
        let a = article(
            "Warplanes bombed two arms depots near Mosul on Sunday. The depots stood beside a \
             river crossing. In March a rocket attack hit a base in Kirkuk. A spokesman \
             described the depots as supply hubs. Tribal sources said 12 fighters had been \
             killed. The strikes were the heaviest in a year.",
            "2022-05-03",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        let mosul = events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.name == "Mosul"))
            .expect("the Mosul strike");
        assert!(mosul.claims.is_empty(), "{:?}", mosul.claims);
    }

    #[test]
    fn a_campaign_s_running_total_is_not_the_raid_s_toll() {
        let a = article(
            "Warplanes struck a market in Maarat al-Numan on Friday, killing five civilians, the \
             monitor said. Smoke rose over the town. Overall, 2,000 civilians have been killed \
             in 500 air strikes by government forces, the monitor said.",
            "2022-05-03",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert!(
            killed_of(&events).iter().all(|k| !k.contains(&2000)),
            "{events:?}"
        );
    }

    #[test]
    fn a_teaser_line_s_toll_is_another_story_s() {
        let a = article(
            "Rockets hit an air base near Kirkuk on Sunday, officials said. The base houses \
             foreign trainers.\n\nMore news\n> Army says 30 militants killed in the desert\n\
             Headlines: Floods in the south | Ten miners killed in a collapse",
            "2022-05-03",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(killed_of(&events), [Vec::<u32>::new()], "{events:?}");
    }

    #[test]
    fn the_toll_of_an_attack_recalled_to_explain_a_strike_is_not_the_strike_s() {
        let a = article(
            "Israel said on Wednesday it had killed a commander in a strike on a building in \
             Sidon on Tuesday evening, which it said was retaliation for a rocket attack that \
             killed nine farmers. The army said the commander was behind the Saturday rocket \
             strike on an orchard in Kiryat Shmona.",
            "2024-05-08",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        let killed_at = |country: &str| {
            events
                .iter()
                .filter(|e| {
                    e.place
                        .as_ref()
                        .is_some_and(|p| p.country.as_deref() == Some(country))
                })
                .flat_map(|e| e.claims.iter().map(|c| c.value))
                .collect::<Vec<u32>>()
        };
        // The recall names no place or date, so nothing ties the nine to the Kiryat Shmona
        // strike; they are not the Sidon strike's either. The strike's own toll ("it had
        // killed a commander") stays.
        assert!(killed_at("IL").is_empty(), "{events:?}");
        assert_eq!(killed_at("LB"), [1], "{events:?}");
        // An unrelated rocket attack told later with its own date is no home for the recalled
        // toll: the recall names no place or date and the later attack is no back-reference.
        let a = article(
            "Israel said on Wednesday it had killed a commander in a strike on a building in \
             Sidon on Tuesday evening, which it said was retaliation for a rocket attack that \
             killed nine farmers. In March, a rocket hit a house in Kiryat Shmona on 3 March, \
             damaging a wall.",
            "2024-05-08",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        let march = events
            .iter()
            .find(|e| e.date.start.to_string() == "2024-03-03")
            .expect("the March rocket");
        assert!(march.claims.iter().all(|c| c.value != 9), "{events:?}");
    }

    #[test]
    fn what_a_strike_was_ordered_in_reply_to_keeps_its_own_site() {
        let found = events(
            "Rockets hit Ain al-Asad air base in Iraq on Wednesday. The attack followed last \
             Thursday's airstrikes on depots at the Syrian border, which the president ordered \
             in reply to a rocket attack on Erbil on February 15.",
            "2021-03-03",
        );
        assert!(
            found
                .iter()
                .any(|(k, d, p)| k == "airstrike" && d == "2021-02-25" && p == "Iraq-Syria border"),
            "{found:?}"
        );
    }

    #[test]
    fn hurt_and_put_it_at_make_toll_sentences() {
        let a = article(
            "Jets bombed a camp near Kandahar on Monday. Officials gave no number of dead; local \
             papers put it at 35. Villagers said one shepherd had been hurt.",
            "2022-05-03",
        );
        let events = crate::extract::extract_article(&a, Gazetteer::global());
        assert_eq!(events.len(), 1, "{events:?}");
        let mut figures: Vec<u32> = events[0].claims.iter().map(|c| c.value).collect();
        figures.sort_unstable();
        assert_eq!(figures, [1, 35], "{:?}", events[0].claims);
    }

    #[test]
    fn a_timeline_entry_is_dated_and_placed_by_its_label() {
        // A blog's chronology, published in May 2021: each entry opens with a label (a day
        // and a place) that the splitter makes a sentence of its own.
        let found = events(
            "A timeline of the attacks on the bases.\n\n\
             **4 October 2020 – Kirkuk.** Five rockets hit the airport, wounding two guards.\n\n\
             **9 November 2020 – Camp Taji.** About a dozen rockets killed a soldier. The army \
             said the launchers were found nearby.\n\n\
             3 January 2021: Mosul. A roadside bomb killed two soldiers on a patrol.\n",
            "2021-05-20",
        );
        let mut found: Vec<(String, String)> = found.into_iter().map(|e| (e.1, e.2)).collect();
        found.sort();
        assert_eq!(
            found,
            [
                ("2020-10-04".to_string(), "Kirkuk".to_string()),
                ("2020-11-09".to_string(), "Camp Taji".to_string()),
                ("2021-01-03".to_string(), "Mosul".to_string()),
            ]
        );
    }

    #[test]
    fn a_timeline_label_may_name_the_weekday_before_its_date() {
        // A weekly bulletin published on Monday 9 March 2020: each entry's label names the
        // day of the week, then the date, then the place.
        let found = events(
            "Weekly security summary.\n\n\
             **Tuesday 3 March \u{2013} Kirkuk.** Gunmen attacked a police checkpoint, killing \
             two officers.\n\n\
             **Thursday, 5 March (evening) \u{2013} Camp Taji.** Three rockets struck the base. \
             No one was hurt.\n\n\
             Saturday, 7 March: Mosul. A roadside bomb killed a soldier on patrol.\n",
            "2020-03-09",
        );
        let mut found: Vec<(String, String)> = found.into_iter().map(|e| (e.1, e.2)).collect();
        found.sort();
        assert_eq!(
            found,
            [
                ("2020-03-03".to_string(), "Kirkuk".to_string()),
                ("2020-03-05".to_string(), "Camp Taji".to_string()),
                ("2020-03-07".to_string(), "Mosul".to_string()),
            ]
        );
    }

    #[test]
    fn a_drone_told_undated_at_the_site_of_the_dated_strike_is_its_aircraft() {
        // Saturday 2020-03-14: one strike on Friday; the drone that hit the cars at the same
        // airport, with no day of its own, is the aircraft that struck, not another attack.
        for second in [
            "Officials said it was carried out by a drone that hit two cars as they left \
             Kirkuk airport shortly after midnight.",
            "A drone hit the convoy as it left Kirkuk airport, a security source said.",
        ] {
            let found = events(
                &format!(
                    "A US strike killed a militia commander at Kirkuk airport on Friday, \
                     officials said. {second} Three guards were also killed."
                ),
                "2020-03-14",
            );
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].0, "drone_strike", "{found:?}");
            assert_eq!(found[0].1, "2020-03-13", "{found:?}");
        }
    }
}

#[cfg(test)]
mod consequence_clause_tests {
    use crate::corpus::Article;
    use crate::extract::gazetteer::Gazetteer;

    /// (kind, first day) of each event of one article.
    fn events(body: &str, published: &str) -> Vec<(String, String)> {
        let a = Article::for_test(body, Some(published));
        crate::extract::extract_article(&a, Gazetteer::global())
            .iter()
            .map(|e| (e.kind.as_str().to_string(), e.date.start.to_string()))
            .collect()
    }

    #[test]
    fn the_day_of_the_deaths_dates_the_attack_told_in_the_when_clause() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm. Two \
             farmers were killed on \
             Tuesday when a border patrol that had been stopped by angry villagers near Mosul \
             opened fire.",
            "2023-05-12",
        );
        assert_eq!(
            found,
            [("other_attack".to_string(), "2023-05-09".to_string())]
        );
    }

    #[test]
    fn a_date_of_another_verb_before_when_does_not_date_the_attack() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm. The dead \
             were among a group \
             of traders trying to leave the town on Monday by the coast road, when gunmen \
             who had hidden in the hills for days ambushed their convoy near Mosul.",
            "2023-05-12",
        );
        assert!(
            found.iter().all(|(_, day)| day != "2023-05-08"),
            "{found:?}"
        );
    }

    #[test]
    fn the_attack_named_by_its_target_is_the_event_that_hit_that_target() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm elsewhere. \
             At least 30 people were killed when an airstrike hit a crowded market in Mosul on \
             Tuesday. The bombing of the market came as the country voted in Sunday's \
             election.",
            "2023-05-12",
        );
        assert_eq!(found, [("airstrike".to_string(), "2023-05-09".to_string())]);
    }

    #[test]
    fn missiles_told_a_paragraph_after_a_drone_strike_are_the_drone_s_missiles() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm elsewhere. \
             Two men were killed when their car was hit by a drone in Mosul on Tuesday. One \
             was a senior commander. The other was his driver. A witness said two missiles \
             struck the car on a street in Mosul.",
            "2023-05-12",
        );
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_dated_attack_recalled_after_after_is_not_an_undated_event_told_before() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm elsewhere. \
             Several rockets were fired at troops at an oil field near Mosul; nobody was \
             hurt. It was the second US strike on the militias, after a Feb. 25 raid near Mosul.",
            "2023-06-28",
        );
        assert!(
            found.iter().any(|(_, day)| day == "2023-02-25")
                && found
                    .iter()
                    .any(|(kind, day)| kind == "rocket_attack" && day != "2023-02-25"),
            "{found:?}"
        );
    }

    #[test]
    fn one_verb_with_two_sites_each_dated_is_two_attacks() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm elsewhere. \
             Drones hit Mosul airport in March and Kirkuk in May; nobody was hurt.",
            "2023-06-28",
        );
        assert!(
            found.iter().any(|(_, day)| day.starts_with("2023-03"))
                && found.iter().any(|(_, day)| day.starts_with("2023-05")),
            "{found:?}"
        );
    }

    #[test]
    fn others_of_the_weapon_at_another_site_are_another_attack() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm elsewhere. \
             Earlier this month, rockets landed at Balad air base, and there were others at \
             Kirkuk.",
            "2023-06-28",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        // Both of this month.
        assert!(
            found.iter().all(|(_, day)| day == "2023-06-01"),
            "{found:?}"
        );
    }

    #[test]
    fn a_claimed_attack_keeps_the_date_written_after_its_place() {
        let found = events(
            "Officials met in the capital to discuss the budget. Markets were calm elsewhere. \
             The group also claimed the twin bombings in Kirkuk, Iraq, in February that \
             killed 40 people.",
            "2023-06-28",
        );
        assert!(
            found.iter().any(|(_, day)| day == "2023-02-01"),
            "{found:?}"
        );
    }
}

#[cfg(test)]
mod counted_weeks_tests {
    use crate::corpus::Article;
    use crate::corpus::DatePrecision;
    use crate::extract::gazetteer::Gazetteer;
    use crate::extract::types::Event;

    fn extract(body: &str, published: &str) -> Vec<Event> {
        let a = Article::for_test(body, Some(published));
        let mut events = crate::extract::extract_article(&a, Gazetteer::global());
        events.sort_by_key(|e| e.date.start);
        events
    }

    #[test]
    fn a_week_after_a_month_keeps_month_precision() {
        let events = extract(
            "Officials met in the capital to discuss the budget. In March, jets bombed a \
             depot near Mosul. A week later, jets bombed a bridge near Kirkuk.",
            "2021-05-20",
        );
        let later = events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.name == "Kirkuk"))
            .expect("the second strike");
        assert_eq!(
            later.date.precision,
            DatePrecision::Month,
            "{:?}",
            later.date
        );
        assert_eq!(later.date.start.to_string(), "2021-03-08");
        assert_eq!(later.date.end.to_string(), "2021-04-07");
        // The reasoning names the window it gives, not one day of it.
        let reasoning = &later.mentions[0].date_reasoning;
        assert!(reasoning.ends_with("2021-03-08..2021-04-07"), "{reasoning}");
    }

    #[test]
    fn weeks_counted_from_a_day_give_the_day_that_many_weeks_away() {
        let events = extract(
            "Officials met in the capital to discuss the budget. On March 17, jets bombed a \
             depot near Mosul. Two weeks earlier, jets had bombed a bridge near Kirkuk.",
            "2021-05-20",
        );
        let earlier = events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.name == "Kirkuk"))
            .expect("the earlier strike");
        assert_eq!(
            earlier.date,
            crate::extract::DateRange::day("2021-03-03".parse().unwrap())
        );
    }

    #[test]
    fn the_following_week_after_a_day_is_a_week_window() {
        let events = extract(
            "Officials met in the capital to discuss the budget. On March 3, jets bombed a \
             depot near Mosul. Jets bombed a bridge near Kirkuk the following week.",
            "2021-05-20",
        );
        let later = events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.name == "Kirkuk"))
            .expect("the later strike");
        assert_eq!(
            later.date.precision,
            DatePrecision::Week,
            "{:?}",
            later.date
        );
    }

    #[test]
    fn the_week_after_a_day_is_another_attack_though_at_the_same_site() {
        let events = extract(
            "Officials met in the capital to discuss the budget. On March 3, artillery \
             shelling near Mosul killed seven soldiers, and a week later five more soldiers \
             died when their post near Mosul came under artillery fire.",
            "2021-03-28",
        );
        assert_eq!(events.len(), 2, "{events:?}");
        assert_eq!(events[0].date.start.to_string(), "2021-03-03");
        assert_eq!(
            events[1].date,
            crate::extract::DateRange::day("2021-03-10".parse().unwrap())
        );
    }

    #[test]
    fn no_casualties_told_of_another_city_is_no_toll_of_the_attack() {
        let events = extract(
            "Officials met in the capital to discuss the budget. A missile hit an apartment \
             block in Mosul on Friday, killing 12 people, officials said. Blasts were also \
             heard in Basra, where no casualties were reported.",
            "2021-03-28",
        );
        let mosul = events
            .iter()
            .find(|e| e.place.as_ref().is_some_and(|p| p.name == "Mosul"))
            .expect("the Mosul strike");
        let killed: Vec<u32> = mosul.claims.iter().map(|c| c.value).collect();
        assert!(!killed.contains(&0), "{:?}", mosul.claims);
        assert!(killed.contains(&12), "{:?}", mosul.claims);
    }
}

#[cfg(test)]
mod loose_toll_tests {
    use super::tells_of_another_incident;

    #[test]
    fn a_collapsed_building_searched_is_no_other_disaster() {
        assert!(!tells_of_another_incident(
            "The toll stood at 40 on Monday, as rescuers searched collapsed buildings for \
             survivors."
        ));
        assert!(!tells_of_another_incident(
            "Officials said 12 bodies were pulled from a collapsed house."
        ));
        assert!(tells_of_another_incident(
            "A building collapsed in the capital, killing 12 people."
        ));
    }
}

#[cfg(test)]
mod cue_tests {
    use super::{Cues, sentence_cues};

    #[test]
    fn each_list_sets_its_own_cue() {
        let toll = Cues::of("Medics said four people were WOUNDED overnight.");
        assert!(toll.is_claim_sentence() && !toll.may_contain_trigger());
        let blasts = Cues::of("Loud explosions were heard across the port city.");
        assert!(blasts.reports_blasts() && blasts.may_contain_trigger());
        // A blast with nothing that tells it was seen or heard is no report of blasts.
        assert!(!Cues::of("The explosion left a crater.").reports_blasts());
        let target = Cues::of("The target was a fuel depot near the border.");
        assert!(target.names_the_target() && !target.is_claim_sentence());
        assert_eq!(Cues::of("Talks resumed in Geneva."), Cues::default());
    }

    #[test]
    fn overlapping_words_of_two_lists_both_count() {
        // "the target was" and "was hit" share "was".
        let c = Cues::of("The target was hit twice.");
        assert!(c.names_the_target() && c.may_contain_trigger());
    }

    #[test]
    fn a_word_counts_only_in_the_sentence_that_holds_it_whole() {
        let body = "Rescuers dug all night. Shops reopened.\nSeveral were wounded, police said.";
        let sentences = [[0, 23], [24, 39], [40, body.len()]];
        let cues = sentence_cues(body, &sentences);
        assert_eq!(cues.len(), 3);
        assert!(!cues[0].is_claim_sentence() && !cues[1].is_claim_sentence());
        assert!(cues[2].is_claim_sentence());
        // "dead" across the end of one span and the start of the next is no word of either.
        let split = "Ten were dead.";
        let halves = sentence_cues(split, &[[0, 12], [12, split.len()]]);
        assert!(!halves[0].is_claim_sentence() && !halves[1].is_claim_sentence());
        for (k, s) in sentences.iter().enumerate() {
            assert_eq!(cues[k], Cues::of(&body[s[0]..s[1]]), "sentence {k}");
        }
    }
}

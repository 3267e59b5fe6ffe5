//! Casualty and munition figures in one sentence, with qualifier, attribution and span.
//!
//! Decisions (each has a unit test below):
//! - A figure is a claim when a casualty verb ties it to people: a predicate after it ("25
//!   fighters were killed", "55 injured", "19 dead", "six more were wounded"), or a verb before
//!   it ("killed four", "wounding dozens", "the deaths of two Americans", "the death toll rose
//!   to 25"). An active verb after a noun ("a rocket attack killed …") makes that noun the
//!   killer, not the victims.
//! - Figures joined by "and" or commas under one verb ("injuring four soldiers and two
//!   policemen") are one statement by one source: they are summed into one claim. Figures in
//!   different clauses or sentences are never summed.
//! - "including four commanders", "four commanders were among the dead" are `subset` claims:
//!   part of another figure, not a total.
//! - "no casualties", "no injuries", "no one was hurt" are claims with value 0 (killed and
//!   wounded); "no one was killed" is killed 0 only. "No immediate reports of casualties" is no claim: nothing
//!   was asserted.
//! - "N rockets / missiles / drones / mortar rounds / shells" are munition claims; a count of
//!   airstrikes is not (a strike is an event, not a munition). "a rocket" counts only when a
//!   verb follows ("a rocket hit …"), so "a rocket attack" is not one munition.
//! - "N casualties" is not split into killed or wounded, so it is not a claim.
//! - Attribution is found in the same sentence only ("…, the sources said", "according to X",
//!   "X said the strikes killed …"). Carrying an attribution over from a neighbouring sentence
//!   is the caller's choice: [`find_attribution`] gives a sentence's attribution for that.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Captures;

use crate::corpus::Span;
use crate::extract::ClaimField;
use crate::extract::numbers::{
    NUMBER_WORD_PATTERN, WordRegex, ascii_form_fits, may_start_a_quantity, parse_quantity,
};

#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMention {
    pub field: ClaimField,
    pub value: u32,
    /// "at least", "more than", "up to", "about", "nearly", "dozens" …
    pub qualifier: Option<String>,
    /// "Iraqi security and militia sources", "Syrian Observatory for Human Rights", "a spokesman".
    pub attributed_to: Option<String>,
    /// The figure phrase ("at least 25 militia fighters were killed").
    pub span: Span,
    pub attribution_span: Option<Span>,
    /// Part of another figure ("four commanders were among the dead"), not a total.
    pub subset: bool,
}

static PRECHECK: LazyLock<AhoCorasick> = LazyLock::new(|| {
    // A full DFA: every sentence that linking asks about is scanned, and the DFA's table walk
    // is several times cheaper per byte than the default automaton (same matches).
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build([
            "kill",
            "wound",
            "dead",
            "death",
            "died",
            "injur",
            "casualt",
            "toll",
            "hurt",
            "harm",
            "slain",
            "perish",
            // "gunmen gunned down two policemen", "the judge was assassinated".
            "gunned",
            "assassinat",
            "murdered",
            "fatally",
            "lives",
            "loss of life",
            "rocket",
            "missile",
            "drone",
            "shell",
            "mortar",
            "projectile",
            "bomb",
            "katyusha",
            "fatalit",
            // Predicates of their own: "were being treated in hospital", "100 bodies".
            "treated",
            "hospitalis",
            "hospitaliz",
            "bodies",
            "burial",
            "buried",
            "funeral",
            // Militants' and mourners' word for their dead: "11 fighters were martyred".
            "martyr",
            // Armies' word for enemy dead: "309 regime soldiers were neutralised".
            "neutralis",
            "neutraliz",
            // "Officials gave no number; local media put it at 300": the pronoun stands for
            // a toll named in the sentence before.
            "put it at",
            "puts it at",
            // "Others put the number at 70": the bare noun stands for that toll too.
            "the number at",
            "the total at",
            "the figure at",
            // "Officials had given figures of 30 and then 39": the figures of the toll told
            // a sentence before.
            "figure of",
            "figures of",
        ])
        .expect("static patterns")
});

static NUMBER_PHRASE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(format!(
        r"(?i)\b(?P<q>(?:at\s+least|more\s+than|over|up\s+to|about|around|nearly|almost|some|roughly|approximately|as\s+many\s+as|fewer\s+than|less\s+than|close\s+to|an\s+estimated|at\s+most|no\s+fewer\s+than|no\s+less\s+than)\s+)?(?:a\s+total\s+of\s+|the\s+lives\s+of\s+)?(?P<n>{NUMBER_WORD_PATTERN}|an?|the)\b"
    ))
});

static ZERO: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?P<kverb>killed|killing|injured|injuring|wounded|wounding|hurt|hurting)\s+(?:no\s+one|nobody)|(?P<none>no(?:\s+\w+)?\s+(?P<what>casualties|deaths|fatalities|injuries|dead|injured))|(?P<without>without\s+(?:causing\s+|inflicting\s+)?(?:any\s+)?(?:casualties|deaths|fatalities|injuries))|(?P<nobody>no\s+one|nobody|no\s+(?:[\w.'-]+\s+){1,3}?(?:was|were|had\s+been|has\s+been|have\s+been)|none\s+of\s+(?:[\w.'-]+\s+){0,2}?[\w.'-]+|none)\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been)\s+)?(?:(?:reported|immediately|seriously)\s+)?(?P<verb>killed|hurt|injured|wounded|harmed|died))\b",
    )
});

/// A casualty verb right before a figure: "killed", "wounding", "deaths of", "shot dead",
/// "claimed the lives of", "funerals for". The toll nouns ([`TOLL_BEFORE`]) are a separate
/// regex: theirs are the costly bounded gaps, and most heads hold none of their words.
static VERB_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?:\b(?P<k>killed|killing|kills|kill|slew|slaying|shot\s+dead|shooting\s+dead|gunned\s+down|gunning\s+down|fatally\s+(?:shot|shooting|stabbed|stabbing)|assassinated|assassinating|deaths?\s+of|killings?\s+of|murder\s+of|claimed\s+the\s+lives\s+of|killed\s+a\s+total\s+of|burials?\s+of|funerals?\s+(?:of|for)|bodies\s+of)|\b(?P<w>wounded|wounding|wounds|wound|injured|injuring|injures|injure|hurt|hurting|injuries\s+(?:among|to)))(?:\s+the|\s+all)?\s*$",
    )
});

/// A toll noun before a figure: "death toll rose to", "the toll higher, at", "put the number
/// of dead at", "raised its count to", "a later count reached", "put the dead at", "put the
/// total dead at", "put the dead in the city at", "first put it at" (the pronoun stands for a
/// toll named nearby). Searched only when [`TOLL_WORDS`] finds one of its words.
static TOLL_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?:\b(?P<t>tolls?|number\s+of\s+(?:dead|deaths|fatalities|(?:[a-z'-]+\s+){1,2}(?:killed|dead))|number\s+(?:killed|dead))\b[^.;]{0,40}?\b(?:to|at|of|reached|hit|is|was|stands|stood)|\b(?P<tc>(?:its|their|the|his|her|a|an)\s+(?:(?:later|new|latest|final|updated|earlier|official)\s+)?(?:count|tally)(?:\s+by\s+[^.;,]{1,40}?)?\s+(?:to|at|was|is|stood|stands|reached)|(?:put|puts|putting)\s+(?:it|the\s+(?:number|total|figure)(?:\s+dead)?|(?:the|its|their|his|her)\s+(?:own\s+)?(?:total\s+|overall\s+|final\s+)?dead)(?:\s+(?:in|across|among|on)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?)?\s+(?:at|above)|(?:earlier|previous|initial)\s+(?:figure|count|tally|estimate)\s+(?:of|at)|dead\s+(?:numbered|totalled|totaled))|\b(?P<tr>(?:revised|raised|lowered|updated|increased|corrected)\s+(?:the|its|their|an\s+earlier|the\s+earlier)\s+(?:death\s+)?toll)\b[^.;]{0,120}?\bto|\b(?P<tw>number\s+of\s+(?:wounded|injured|injuries|(?:[a-z'-]+\s+){1,2}(?:wounded|injured))|number\s+(?:wounded|injured))\b[^.;]{0,40}?\b(?:to|at|of|reached|hit|is|was|stands|stood))(?:\s+the|\s+all)?\s*$",
    )
});

/// Every shape of [`TOLL_BEFORE`] holds one of these words.
static TOLL_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            "toll", "number", "count", "tally", "put", "figure", "estimate", "totaled", "totalled",
        ])
        .expect("static patterns")
});

/// The casualty verb or toll noun that ends `head` (before an optional "the"/"all"): the
/// match of [`VERB_BEFORE`] or [`TOLL_BEFORE`] that starts first, as one regex of both
/// alternations would give it (the verbs first at the same start).
fn verb_before(head: &str) -> Option<Captures<'_>> {
    let verb = VERB_BEFORE.for_text(head).captures(head);
    // Case-insensitive classes fold a few non-ASCII letters onto ASCII ones ("ſ" onto "s"),
    // so only text without non-ASCII letters is ruled out by the literal words.
    if ascii_form_fits(head) && !TOLL_WORDS.is_match(head) {
        return verb;
    }
    let Some(toll) = TOLL_BEFORE.for_text(head).captures(head) else {
        return verb;
    };
    let start = |c: &Captures<'_>| c.get(0).map_or(0, |m| m.start());
    match verb {
        Some(verb) if start(&verb) <= start(&toll) => Some(verb),
        _ => Some(toll),
    }
}

/// The last words that [`VERB_BEFORE`], [`RISEN_TO`] and [`SUBSET_BEFORE`] can end with
/// (before an optional "the"/"all" for the first). They gate those regexes: most text before
/// a figure ends with none of them.
const VERB_BEFORE_LAST: &[&str] = &[
    "killed",
    "killing",
    "kills",
    "kill",
    "slew",
    "slaying",
    "of",
    "wounded",
    "wounding",
    "wounds",
    "wound",
    "injured",
    "injuring",
    "injures",
    "injure",
    "hurt",
    "hurting",
    "to",
    "at",
    "reached",
    "hit",
    "is",
    "was",
    "stands",
    "stood",
    "among",
    "for",
    "numbered",
    "totalled",
    "totaled",
    "dead",
    "down",
    "shot",
    "stabbed",
    "assassinated",
    "assassinating",
    "above",
];
const RISEN_TO_LAST: &[&str] = &[
    "to",
    "passes",
    "passed",
    "surpasses",
    "surpassed",
    "exceeds",
    "exceeded",
    "tops",
    "topped",
    "risen",
    "climbed",
    "grown",
    "increased",
    "jumped",
    "reached",
    "of",
    "at",
    "between",
];
const SUBSET_BEFORE_LAST: &[&str] = &["including", "them", "whom"];

/// The function words among [`VERB_BEFORE_LAST`]: a head ending with one of them matches only
/// through a casualty noun before it ("deaths of", "toll … to", "number of dead at"), which
/// is a keyword hit or "murder".
fn ends_with_function_word(head: &HeadEnd<'_>) -> bool {
    head.ascii
        && [
            "of", "to", "at", "reached", "hit", "is", "was", "stands", "stood", "among", "for",
        ]
        .iter()
        .any(|w| head.last.eq_ignore_ascii_case(w))
}

fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn is_ascii_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// False only when `head` surely does not end with one of `words` (case-insensitive),
/// optionally followed by "the" or "all". Text with non-ASCII letters is not ruled out, since
/// case-insensitive regexes fold some of them onto ASCII letters.
fn may_end_with(head: &str, words: &[&str]) -> bool {
    HeadEnd::new(head).may_end_with(words)
}

/// The last letters of a head, and of the word before them when they are "the" or "all":
/// read once per figure for the gates of several regexes ([`may_end_with`]).
struct HeadEnd<'a> {
    ascii: bool,
    /// The trailing run of ASCII letters after trailing white space is trimmed.
    last: &'a str,
    /// The same run before `last`, when `last` is "the" or "all".
    before_the_or_all: Option<&'a str>,
}

impl<'a> HeadEnd<'a> {
    fn new(head: &'a str) -> Self {
        let last_letters = |t: &'a str| -> (usize, &'a str) {
            let t = t.trim_end();
            let start = t
                .bytes()
                .rposition(|b| !b.is_ascii_alphabetic())
                .map_or(0, |i| i + 1);
            (start, &t[start..])
        };
        let ascii = head.is_ascii();
        let (start, last) = last_letters(head);
        let before_the_or_all = (ascii
            && (last.eq_ignore_ascii_case("the") || last.eq_ignore_ascii_case("all")))
        .then(|| last_letters(&head[..start]).1);
        HeadEnd {
            ascii,
            last,
            before_the_or_all,
        }
    }

    /// See [`may_end_with`].
    fn may_end_with(&self, words: &[&str]) -> bool {
        if !self.ascii {
            return true;
        }
        if words.iter().any(|w| self.last.eq_ignore_ascii_case(w)) {
            return true;
        }
        self.before_the_or_all
            .is_some_and(|prev| words.iter().any(|w| prev.eq_ignore_ascii_case(w)))
    }
}

/// "has risen to", "rose to", "climbed to", "stands at", "has passed": a toll update whose
/// noun may be far back in the sentence ("the number of people killed in … stands at 37",
/// "death toll passes 170"). Also another source's value of a toll told in the sentence:
/// "activists gave tolls of between 55 and 70", "officials had given a figure of 19",
/// "local leaders spoke of 40".
static RISEN_TO: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)(?:\b(?:has|have|had)\s+(?:now\s+)?(?:risen|climbed|grown|increased|jumped|reached)(?:\s+to)?|\b(?:passes|passed|surpasses|surpassed|exceeds|exceeded|tops|topped)|\b(?:rose|climbed|jumped|grew|increased|soared)\s+to|\b(?:stands|stood|standing)\s+at|\b(?:was|were|has\s+been|had\s+been|have\s+been)\s+(?:later\s+|since\s+|now\s+)?(?:raised|revised(?:\s+(?:up|upwards?|down|downwards?))?|increased|updated|lowered|corrected)\s+to|\b(?:gave|give|gives|giving|given|put|puts|putting)\s+(?:(?:a|the)\s+(?:figure|number|count|toll)|figures|numbers|counts|tolls)\s+(?:of|at)(?:\s+between)?|\b(?:spoke|speak|speaks|speaking|spoken)\s+of(?:\s+between)?)\s*$",
    )
});

/// ", two of them children," — an aside naming part of the figure before it; ", all members
/// of X,", ", mostly civilians,", ", a woman and her son," — an aside describing the whole
/// figure. Either way the
/// predicate comes after it.
static SUBSET_ASIDE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(format!(
        r"(?i)^\s*,\s*(?:{NUMBER_WORD_PATTERN}|an?|the|including|among\s+them|all|both|mostly|mainly|most|many)\b[^,.;]{{0,60}},"
    ))
});

/// The length of " and allied fighters" at the start of `rest`: "and" and one to three
/// bare noun words before a comma, with no figure, function word or verb of their own
/// ("37 soldiers and pro-government fighters, …"). 0 when `rest` has no such noun.
fn joined_noun_len(rest: &str) -> usize {
    let Some(after_and) = rest.strip_prefix(" and ") else {
        return 0;
    };
    let Some(comma) = after_and.find(',') else {
        return 0;
    };
    let words: Vec<&str> = after_and[..comma].split_whitespace().collect();
    let bare_nouns = (1..=3).contains(&words.len())
        && words.iter().all(|w| {
            let lw = w.to_ascii_lowercase();
            w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-')
                && !is_stop(&lw)
                && !is_aux(&lw)
                && !is_munition(&lw)
                && !lw.ends_with("ing")
                && !matches!(
                    lw.as_str(),
                    "killed" | "wounded" | "injured" | "hurt" | "dead" | "died" | "others"
                )
        });
    if bare_nouns { 5 + comma } else { 0 }
}

/// "a second man, wounded in the blast, later died", "a third soldier was reported dead",
/// "a second soldier has died": the ordinal is the toll so far. Between the victim and the
/// death may stand only a comma-bounded aside or a participle phrase without commas ("a
/// second soldier wounded in the bombing on Monday died"): a longer gap crosses into another
/// clause ("a second soldier was wounded in the blast, in which his commander was killed").
static NTH_DEATH: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\ba\s+(?P<ord>second|third|fourth|fifth|sixth)\s+(?:[\w-]+\s+){0,2}?(?:person|man|woman|victim|civilian|soldier|contractor|officer|policeman|child|boy|girl|worker|fighter|patient|journalist|service\s+member|serviceman|marine|american)\b(?P<aside>\s*,[^,.;]{0,80},|\s+(?:wounded|injured|hurt)\b[^,.;]{0,80}?)?\s+(?:(?:later|also|subsequently)\s+)?(?:(?:(?:has|had|have)\s+)?(?:later\s+)?died|succumbed|(?:was|has\s+been|had\s+been)\s+(?:later\s+)?(?:reported\s+|confirmed\s+|pronounced\s+|declared\s+)?(?:dead|killed))\b",
    )
});

static SUBSET_BEFORE: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(r"(?i)\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them)\s*$")
});

/// Speech verbs that introduce an attribution.
static SPEECH: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:said|says|told|reported|reports|announced|claimed|confirmed|stated|added|tweeted|wrote|estimated)\b",
    )
});

static ACCORDING: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"(?i)\baccording\s+to\s+(?P<who>[^,;()]+)"));

/// ", said a spokesman for the group." — the source after the verb.
static SAID_AFTER: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r#"(?i)(?:,|["”])\s*(?:said|says|told|added)\s+(?P<who>(?:an?|the)\s+[^,;.()"]+|[A-Z][^,;.()"]+)"#,
    )
});

fn is_aux(w: &str) -> bool {
    // A match compiles to a switch on length and bytes: cheaper than scanning a list for
    // every word after every figure.
    matches!(
        w,
        "was"
            | "were"
            | "have"
            | "has"
            | "had"
            | "been"
            | "are"
            | "is"
            | "being"
            | "got"
            | "reportedly"
            | "now"
            | "already"
            | "so"
            | "far"
            | "thus"
            | "also"
            | "later"
            | "all"
            | "both"
            | "each"
            | "allegedly"
            | "reported"
            | "confirmed"
            | "apparently"
            | "seriously"
            | "critically"
            | "slightly"
            | "lightly"
            | "badly"
            | "fatally"
            | "mortally"
    )
}

/// Words that end a noun phrase after a figure: conjunctions, prepositions of place and time,
/// clause words and common event verbs.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "when"
            | "while"
            | "after"
            | "before"
            | "as"
            | "in"
            | "at"
            | "on"
            | "near"
            | "by"
            | "during"
            | "from"
            | "with"
            | "into"
            | "to"
            | "for"
            | "said"
            | "says"
            // "an official put the number killed at five": the noun is the speaker.
            | "put"
            | "puts"
            | "gave"
            | "told"
            | "hit"
            | "struck"
            | "landed"
            | "fell"
            | "targeted"
            | "fired"
            | "launched"
            | "slammed"
            | "exploded"
            | "attacked"
            | "carried"
            | "crashed"
            | "than"
            | "if"
            | "since"
            | "over"
            | "according"
            | "working"
            | "serving"
            | "living"
            | "stationed"
            | "based"
    )
}

fn is_munition(w: &str) -> bool {
    matches!(
        w,
        "rocket"
            | "rockets"
            | "missile"
            | "missiles"
            | "drone"
            | "drones"
            | "mortar"
            | "mortars"
            | "shell"
            | "shells"
            | "projectile"
            | "projectiles"
            | "bomb"
            | "bombs"
            | "katyusha"
            | "katyushas"
            | "grenade"
            | "grenades"
    )
}

/// A munition or another explosive device: "mines", "an IED", "explosive charges".
fn names_a_device(w: &str) -> bool {
    is_munition(w)
        || matches!(
            w,
            "mine"
                | "mines"
                | "device"
                | "devices"
                | "ied"
                | "ieds"
                | "explosive"
                | "explosives"
                | "charge"
                | "charges"
                | "booby-trap"
                | "booby-traps"
        )
}

/// Words after a munition noun that make it a compound ("rocket attack", "drone strikes").
fn is_not_munition_after(w: &str) -> bool {
    matches!(
        w,
        "attack"
            | "attacks"
            | "strike"
            | "strikes"
            | "launcher"
            | "launchers"
            | "fire"
            | "barrage"
            | "base"
            | "bases"
            | "site"
            | "sites"
            | "unit"
            | "units"
            | "program"
            | "programme"
            | "factory"
            | "factories"
            | "depot"
            | "depots"
            | "operator"
            | "operators"
            | "pilot"
            | "pilots"
            | "war"
            | "warfare"
            | "technology"
            | "parts"
            | "components"
    )
}

/// Measures after a figure: "107 mm rockets" is a calibre, not a count.
const UNITS: &[&str] = &[
    "mm",
    "km",
    "kg",
    "miles",
    "mile",
    "metres",
    "meters",
    "kilometres",
    "kilometers",
    "percent",
    "per",
    "hours",
    "minutes",
    "seconds",
    "million",
    "billion",
    "pm",
    "am",
    "feet",
    "tonnes",
    "tons",
];

/// Words of time after a figure. They make it a span of time ("killed two years ago") only
/// in a time phrase (see `span_of_time`): "12 day labourers" is a count of people.
const TIME_WORDS: &[&str] = &[
    "hour", "minute", "days", "day", "weeks", "week", "months", "month", "years", "year",
    "decades", "decade",
];

/// A figure before a word of time is a span of time when the phrase reads as one: a preposition
/// of duration before the figure ("for three days", "over four days", "within two weeks"), a
/// time adverb or "of" after the time word ("two years ago", "three months earlier", "four days
/// of clashes"), or the time word closing the clause ("the siege lasted three weeks.").
fn span_of_time(prev_word: Option<&str>, time_word: &str, word_after: Option<&str>) -> bool {
    let closes_clause = time_word.ends_with([',', '.', ';', ':', ')']) || word_after.is_none();
    closes_clause
        || prev_word.is_some_and(|w| {
            matches!(
                w,
                "for" | "over" | "within" | "after" | "in" | "past" | "last" | "next" | "first"
            )
        })
        || word_after.is_some_and(|w| {
            matches!(
                w,
                "ago" | "earlier" | "later" | "before" | "after" | "of" | "previously" | "prior"
            )
        })
}

fn is_munition_verb(w: &str) -> bool {
    matches!(
        w,
        "hit"
            | "struck"
            | "landed"
            | "fell"
            | "slammed"
            | "exploded"
            | "crashed"
            | "impacted"
            | "targeted"
            | "was"
            | "were"
            | "had"
            | "hits"
            | "lands"
    )
}

/// Nouns after "a"/"an" that make it an article, not the number one ("killed a day after").
const NOT_ONE: &[&str] = &[
    "same",
    "attack",
    "strike",
    "blast",
    "base",
    "day",
    "week",
    "month",
    "year",
    "time",
    "total",
    "number",
    "few",
    "series",
    "wave",
    "string",
    "spate",
    "barrage",
    "lot",
    "statement",
    "result",
    "response",
    // Appositives after a toll ("killed 85 civilians, an error for which …").
    "error",
    "mistake",
    "incident",
    "tragedy",
    "move",
    "act",
    "sign",
    "violation",
    "escalation",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Casualty(ClaimField),
    Munition,
}

struct Figure {
    start: usize,
    /// End of the number phrase.
    num_end: usize,
    value: u32,
    qualifier: Option<String>,
    /// Classification from a verb before the figure.
    before: Option<ClaimField>,
    /// Classification from a predicate after it, with the end of that predicate.
    after: Option<(Role, usize, bool)>,
    /// End of the noun words that follow the figure.
    noun_end: usize,
    subset_before: bool,
    /// "a"/"an"/"one": only a figure when a casualty verb or a munition verb confirms it.
    weak: bool,
    /// "dozens", "scores": no exact figure, so it is never summed with one.
    vague: bool,
}

impl Figure {
    /// The casualty this figure was read as counting, by a verb before it or its predicate.
    fn casualty_field(&self) -> Option<ClaimField> {
        self.before.or(match self.after {
            Some((Role::Casualty(f), _, _)) => Some(f),
            _ => None,
        })
    }
}

/// "put it at", "put the number at", "put the figure above": an estimate whose noun names no
/// casualty, so it counts whatever toll it stands for ("put the dead at" names its own).
fn names_no_casualty(estimate: &str) -> bool {
    let lower = estimate.to_ascii_lowercase();
    lower.starts_with("put")
        && !lower.contains(" dead")
        && [" it ", "the number", "the total", "the figure"]
            .iter()
            .any(|n| lower.contains(n))
}

/// "U.S.", "Mr.", "Gen.": a full stop that does not end the clause.
fn is_abbreviation(token: &str) -> bool {
    let core = token.trim_end_matches('.');
    core.contains('.') || (core.len() <= 3 && core.chars().next().is_some_and(char::is_uppercase))
}

type Word<'a> = (usize, usize, Cow<'a, str>, bool);

fn word_at<'a>(words: &'a [Word<'_>], i: usize) -> Option<&'a str> {
    words.get(i).map(|(_, _, w, _)| w.as_ref())
}

/// Words with byte spans, lowercased and stripped of punctuation; `true` in the fourth slot
/// when the word is followed by clause punctuation. Read lazily: most figures are settled by
/// their first two or three words, so the rest of the sentence is never tokenised.
struct WordCursor<'a> {
    text: &'a str,
    /// `text` with ASCII letters lower-cased (same byte offsets): ASCII words are borrowed
    /// from it instead of lower-cased one by one.
    lower: &'a str,
    /// Byte where the next token starts.
    pos: usize,
    limit: usize,
    done: bool,
    words: Vec<Word<'a>>,
}

impl<'a> WordCursor<'a> {
    fn new(text: &'a str, lower: &'a str, from: usize, limit: usize) -> Self {
        debug_assert_eq!(text.len(), lower.len());
        WordCursor {
            text,
            lower,
            pos: from,
            limit,
            done: false,
            words: Vec::with_capacity(limit.min(8)),
        }
    }

    /// Reads words until `n` are known or the phrase ends; returns the words read so far.
    fn fill(&mut self, n: usize) -> &[Word<'a>] {
        while !self.done && self.words.len() < n {
            self.next_word();
        }
        &self.words
    }

    /// The next whitespace-separated token: one piece of `split_inclusive(char::is_whitespace)`
    /// at a time, without the per-char searcher.
    fn next_token(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                i += 1;
                if matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) {
                    break;
                }
            } else {
                let c = self.text[i..].chars().next().expect("char boundary");
                i += c.len_utf8();
                if c.is_whitespace() {
                    break;
                }
            }
        }
        if i == start {
            return None;
        }
        self.pos = i;
        Some((start, &self.text[start..i]))
    }

    /// Skips the bracketed aside that `first` (a token starting with '(') opens, when it closes
    /// with a bare ')' within six tokens; otherwise leaves the cursor where it was.
    fn skip_closed_aside(&mut self, first: &str) -> bool {
        const MAX_ASIDE_TOKENS: usize = 6;
        let resume = self.pos;
        let mut token = first;
        for _ in 0..MAX_ASIDE_TOKENS {
            if token.ends_with(')') {
                return true;
            }
            // Punctuation inside the aside or a second bracket: not a simple gloss.
            if token.ends_with([',', ';', ':', '.', '!', '?']) || token[1..].contains('(') {
                break;
            }
            match self.next_token() {
                Some((_, raw)) => token = raw.trim_end(),
                None => break,
            }
        }
        self.pos = resume;
        false
    }

    fn next_word(&mut self) {
        loop {
            let Some((start, raw)) = self.next_token() else {
                self.done = true;
                return;
            };
            let trimmed = raw.trim_end();
            if trimmed.is_empty() {
                continue;
            }
            // A short aside in brackets glosses the noun before it ("11 members of the Popular
            // Mobilisation Forces (PMF) were killed", "five civilians (two women and three
            // children) died"): the phrase goes on after it. An aside that does not close
            // cleanly within a few words still ends the phrase, as before.
            if trimmed.starts_with('(') && self.skip_closed_aside(trimmed) {
                continue;
            }
            // Quotes around a noun ("80 "American terrorists" had been killed") do not end it;
            // punctuation inside or before them does.
            let unquoted = trimmed.trim_end_matches(['"', '”', '’', '\'']);
            let boundary = unquoted.ends_with([',', ';', ':', '!', '?', ')'])
                || (unquoted.ends_with('.') && !is_abbreviation(unquoted));
            let (lead, core, w) = if trimmed.is_ascii() {
                // Byte-wise: the same trim and lower-casing as below for ASCII text.
                let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'\'';
                let bytes = trimmed.as_bytes();
                match bytes.iter().position(keep) {
                    None => (0, &trimmed[..0], Cow::Borrowed(&trimmed[..0])),
                    Some(first) => {
                        let last = bytes.iter().rposition(keep).expect("a kept byte");
                        let core = &trimmed[first..=last];
                        let w = Cow::Borrowed(&self.lower[start + first..=start + last]);
                        (first, core, w)
                    }
                }
            } else {
                let core =
                    trimmed.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'');
                // `core` is a sub-slice of `trimmed`: its offset is pointer arithmetic, not a
                // search (an empty core counts from the start, as a search for "" would).
                let lead = if core.is_empty() {
                    0
                } else {
                    core.as_ptr() as usize - trimmed.as_ptr() as usize
                };
                let w = if core.chars().any(char::is_uppercase) {
                    Cow::Owned(core.to_lowercase())
                } else {
                    Cow::Borrowed(core)
                };
                (lead, core, w)
            };
            self.words
                .push((start + lead, start + lead + core.len(), w, boundary));
            if boundary || self.words.len() >= self.limit || trimmed.starts_with('(') {
                self.done = true;
            }
            return;
        }
    }
}

/// Reads what follows a figure: up to eight noun words, optional auxiliaries, then a casualty
/// predicate. Returns the role, the end of the predicate and whether it is "among the dead".
fn classify_after(
    text: &str,
    lower: &str,
    from: usize,
    weak: bool,
) -> (Option<(Role, usize, bool)>, usize) {
    let mut cursor = WordCursor::new(text, lower, from, 14);
    let mut nouns = 0usize;
    let mut aux = false;
    let mut noun_end = from;
    // Inside "living near the airport": place words belong to the victim's noun phrase.
    let mut modifier = false;
    // Past "who were …": the relative clause's predicate may give way to the main verb.
    let mut relative = false;
    // Past "including": the examples name part of the figure, so its noun phrase has ended.
    let mut including = false;
    let mut i = 0;
    loop {
        // The rules below look at most four words ahead.
        let words = cursor.fill(i + 5);
        if i >= words.len() {
            break;
        }
        // "a civilian worker at the airport was killed": a place phrase inside the victims'
        // noun phrase, read only when an auxiliary and a casualty participle follow it.
        let (_, _, w, boundary) = &words[i];
        if !aux
            && nouns > 0
            && !*boundary
            && matches!(
                w.as_ref(),
                "at" | "in" | "near" | "inside" | "outside" | "on"
            )
            && let Some(next) = place_phrase_before_predicate(cursor.fill(i + 8), i)
        {
            modifier = true;
            nouns += 1;
            i = next;
            continue;
        }
        let words = cursor.fill(if relative { i + 14 } else { i + 5 });
        let (_, end, w, boundary) = &words[i];
        let w = w.as_ref();
        // Another figure ("a figure of 19 dead"): the predicate belongs to that one.
        // "members of a patrol": an article after "of" is part of this noun phrase.
        let article_after_of = matches!(w, "a" | "an" | "one")
            && i > 0
            && matches!(word_at(words, i - 1), Some("of" | "from"));
        if w != "more"
            && !article_after_of
            && !is_ordinal(w)
            && !is_number_adjective(w)
            && (w.starts_with(|c: char| c.is_ascii_digit())
                || (may_start_a_quantity(w) && parse_quantity(w).is_some()))
        {
            return (None, noun_end);
        }
        // Munition noun right after the figure (allowing two modifiers: "more than 30 Katyusha rockets").
        if !aux && nouns <= 2 && is_munition(w) {
            let next = word_at(words, i + 1);
            let compound = !*boundary && next.is_some_and(is_not_munition_after);
            let partitive = i > 0 && word_at(words, i - 1) == Some("of");
            // "a drone struck" is usually the aircraft that fired, not a munition.
            let verb_ok = !weak || (!w.starts_with("drone") && next.is_some_and(is_munition_verb));
            if !compound && !partitive && verb_ok {
                return (Some((Role::Munition, *end, false)), *end);
            }
            if compound {
                return (None, noun_end);
            }
        }
        // "was shot dead", "were gunned down", "was stabbed to death", "two men shot dead in
        // the market": a verb phrase that tells a killing, read as "killed" is.
        if let Some(last) = killing_phrase_end(words, i) {
            let predicate = aux || nouns == 0 || adverbial_or_end_after(words, last);
            if predicate {
                return (
                    Some((Role::Casualty(ClaimField::Killed), words[last].1, false)),
                    noun_end,
                );
            }
            return (None, noun_end);
        }
        let field = match w {
            // "40 farmers had been brutally murdered" ("murdered" is a keyword hit already).
            "killed" | "slain" | "dead" | "died" | "perished" | "dying" | "martyred"
            | "murdered" => Some(ClaimField::Killed),
            "wounded" | "injured" | "hurt" | "hospitalised" | "hospitalized" => {
                Some(ClaimField::Wounded)
            }
            // "66 people were being treated in hospital"
            "treated" if aux => Some(ClaimField::Wounded),
            // "85 people have so far been buried": the buried are dead, unless the words
            // after tell of people trapped ("were buried under the rubble", "buried alive").
            "buried" if aux && !buried_under(words, i) => Some(ClaimField::Killed),
            // "100 bodies were recovered", "counted 100 bodies"
            "bodies" if nouns == 0 => Some(ClaimField::Killed),
            // "309 regime soldiers were neutralised", "around 30 assailants were
            // 'neutralized'": an army's word for the enemy dead it claims. Not for devices made
            // harmless ("three mines were neutralised").
            "neutralised" | "neutralized"
                if !words[..i].iter().any(|(_, _, n, _)| names_a_device(n)) =>
            {
                Some(ClaimField::Killed)
            }
            // "at least 12 fatalities", "19 civilian deaths": the noun is the toll itself.
            "fatalities" | "deaths" if nouns <= 2 && !aux => Some(ClaimField::Killed),
            _ => None,
        };
        // "died of a heart attack": a death from illness is not a casualty of the attack,
        // unless the clause puts it inside the attack ("… while sheltering from the barrage").
        if w == "died"
            && !*boundary
            && died_of_natural_causes(words, i)
            && !death_inside_the_attack(lower, *end)
        {
            return (None, noun_end);
        }
        if let Some(field) = field {
            // An active verb after a noun names the killer ("a rocket attack killed"); a bare
            // participle right after the figure is the victims' predicate ("55 injured").
            let predicate = aux
                || nouns == 0
                || matches!(w, "dead" | "died" | "perished" | "fatalities" | "deaths")
                || reduced_passive(&words[i..]);
            if predicate {
                // "two soldiers who were wounded in the ambush died in hospital": the main
                // verb tells their fate; the relative clause only how they came to it.
                if relative && let Some(main_end) = death_after_relative_clause(words, i) {
                    return (
                        Some((Role::Casualty(ClaimField::Killed), main_end, false)),
                        noun_end,
                    );
                }
                // "nine of the dead were children": part of the toll, not a toll.
                let part_of_the_dead = i == 2
                    && word_at(words, 0) == Some("of")
                    && word_at(words, 1) == Some("the")
                    && matches!(w, "dead" | "killed" | "wounded" | "injured");
                // "a lawmaker put the number of dead at 160": "the dead", "of dead" is a
                // noun inside another phrase, not this figure's predicate.
                // ("dozens of dead" is the figure's own partitive.)
                if !part_of_the_dead
                    && matches!(w, "dead" | "deaths" | "fatalities")
                    && match i.checked_sub(1).and_then(|p| word_at(words, p)) {
                        Some("the") => true,
                        Some("of") => i >= 2,
                        _ => false,
                    }
                {
                    return (None, noun_end);
                }
                return (
                    Some((Role::Casualty(field), *end, part_of_the_dead)),
                    noun_end,
                );
            }
            return (None, noun_end);
        }
        // "a contractor suffered a heart attack while sheltering and died shortly
        // afterwards": illness and death in two coordinated verbs, inside the attack, count
        // in its toll like "died of a heart attack while sheltering" does.
        if matches!(w, "suffered" | "had" | "collapsed") && nouns > 0 && !aux && !*boundary {
            let illness = w == "collapsed"
                || (i + 1..(i + 5).min(words.len()))
                    .any(|j| word_at(words, j).is_some_and(is_illness_word));
            if illness && let Some(died_end) = death_after_illness_in_attack(lower, *end) {
                return (
                    Some((Role::Casualty(ClaimField::Killed), died_end, false)),
                    noun_end,
                );
            }
        }
        // "three soldiers suffered minor injuries", "sustained shrapnel wounds"
        if matches!(w, "suffered" | "sustained") && (nouns > 0 || aux) && !*boundary {
            let injury = (i + 1..words.len().min(i + 5))
                .take_while(|&j| j == i + 1 || !words[j - 1].3)
                .find(|&j| matches!(word_at(words, j), Some("injuries" | "injury" | "wounds")));
            if let Some(j) = injury {
                return (
                    Some((Role::Casualty(ClaimField::Wounded), words[j].1, false)),
                    noun_end,
                );
            }
        }
        // "13 people in total died": "in total"/"in all" does not end the noun phrase.
        if w == "in" && !*boundary && matches!(word_at(words, i + 1), Some("total" | "all")) {
            if words[i + 1].3 {
                break;
            }
            i += 2;
            continue;
        }
        if w == "lost"
            && word_at(words, i + 1) == Some("their")
            && word_at(words, i + 2) == Some("lives")
        {
            return (
                Some((Role::Casualty(ClaimField::Killed), words[i + 2].1, false)),
                noun_end,
            );
        }
        if w == "among" {
            // "were among the dead / the wounded"
            let j = if word_at(words, i + 1) == Some("the") {
                i + 2
            } else {
                i + 1
            };
            let field = match word_at(words, j) {
                Some("dead" | "killed") => Some(ClaimField::Killed),
                Some("wounded" | "injured") => Some(ClaimField::Wounded),
                _ => None,
            };
            return (
                field.map(|f| (Role::Casualty(f), words[j].1, true)),
                noun_end,
            );
        }
        if is_aux(w) {
            aux = true;
        } else if aux && w.len() > 4 && w.ends_with("ly") && !*boundary {
            // "were ruthlessly killed", "had been reportedly killed": an adverb between the
            // auxiliary and the participle.
        } else if aux
            && !*boundary
            && (matches!(
                w,
                "believed" | "feared" | "thought" | "presumed" | "said" | "confirmed"
            ) || (w == "to"
                && i > 0
                && matches!(
                    word_at(words, i - 1),
                    Some("believed" | "feared" | "thought" | "presumed" | "said")
                )))
        {
            // "were believed killed", "are feared dead", "were said to have been killed",
            // "had been confirmed dead": a hedge on the participle is still the figure's
            // predicate.
        } else if w == "and"
            && !aux
            && nouns > 0
            && !*boundary
            && coordinated_adjectives(text, words, i)
        {
            // "three U.S. and British troops died": two adjectives share one head noun, so
            // the figure counts the whole phrase.
            nouns += 1;
        } else if !aux
            && nouns > 0
            && !*boundary
            && (matches!(w, "living" | "working" | "serving" | "stationed" | "based")
                || (modifier
                    && matches!(
                        w,
                        "near" | "in" | "at" | "on" | "outside" | "with" | "for" | "alongside"
                    ))
                // "a contractor working with it was killed": the participle's object may be a
                // pronoun for the source or the force named before.
                || (modifier
                    && matches!(w, "it" | "them" | "us")
                    && i > 0
                    && matches!(
                        words[i - 1].2.as_ref(),
                        "with" | "for" | "alongside"
                    )))
        {
            // "a civilian living near the airport had been killed"
            modifier = true;
            nouns += 1;
        } else if w == "from" && nouns > 0 && !aux && !*boundary {
            // "aid workers from the charity X were killed": the origin is part of the noun.
            nouns += 1;
        } else if w == "more" && nouns == 0 && !aux {
            // "six more were wounded"
        } else if !aux && nouns > 0 && !*boundary && relative_before_predicate(words, i) {
            // "21 people who were killed", "four fighters the force said were killed", "ten
            // men who they said had died": a relative or a reported clause whose predicate
            // is the figure's.
            relative = true;
        } else if w == "including" && nouns > 0 && !aux && !*boundary {
            // "six people including soldiers and a civilian were killed": the predicate may
            // still follow the examples, but the phrase the figure counts ends before them,
            // so a figure among them ("a civilian") is no further item of a list with it.
            including = true;
        } else if w == "and" && !aux && nouns > 0 && !*boundary && bare_nouns_then_aux(words, i) {
            // "five of its fighters and guests were killed", "two soldiers and police officers
            // were wounded": bare nouns after "and" join the victims' noun phrase (the figure
            // counts its first noun, a floor of the toll). An article or a figure after "and"
            // opens a list item instead ("two soldiers and a medic").
            nouns += 1;
        } else if is_stop(w) && w != "of" {
            return (None, noun_end);
        } else if aux {
            // A noun after an auxiliary ("were civilians") ends the predicate search.
            return (None, noun_end);
        } else {
            nouns += 1;
            if !including {
                noun_end = *end;
            }
            if nouns > 8 {
                return (None, noun_end);
            }
        }
        if *boundary {
            break;
        }
        i += 1;
    }
    (None, noun_end)
}

/// True when "and" at `i` is followed by one or two bare nouns (no article, determiner,
/// figure or function word) and then an auxiliary: "and guests were", "and police officers
/// had been".
fn bare_nouns_then_aux(words: &[Word<'_>], i: usize) -> bool {
    let bare = |j: usize| {
        words.get(j).is_some_and(|(_, _, w, boundary)| {
            !*boundary
                && w.bytes().all(|b| b.is_ascii_lowercase())
                && !is_stop(w)
                && !is_aux(w)
                && !matches!(
                    w.as_ref(),
                    "a" | "an" | "the" | "their" | "its" | "his" | "her" | "our" | "other" | "more"
                )
                && parse_quantity(w).is_none()
        })
    };
    let aux_at = |j: usize| word_at(words, j).is_some_and(is_aux);
    bare(i + 1) && (aux_at(i + 2) || (bare(i + 2) && aux_at(i + 3)))
}

/// "of its fighters", "of their members": the noun phrase after a figure names the speaker's
/// own people ("the militia said one of its fighters was among the dead").
fn counts_own_members(noun: &str) -> bool {
    let lower = noun.trim_start().to_ascii_lowercase();
    ["of its ", "of their ", "of our "]
        .iter()
        .any(|p| lower.starts_with(p))
}

/// "31-year-old", "12-storey": digits joined by a hyphen to a word make an adjective inside
/// the noun phrase ("a 31-year-old woman was killed"), not another figure.
fn is_number_adjective(w: &str) -> bool {
    w.split_once('-').is_some_and(|(n, rest)| {
        !n.is_empty()
            && n.bytes().all(|b| b.is_ascii_digit())
            && rest.starts_with(|c: char| c.is_ascii_alphabetic())
    })
}

/// "2nd", "31st", "5th": a digit-led word that ranks a unit ("officers of the 2nd Brigade"),
/// not another figure.
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && matches!(&w[digits..], "st" | "nd" | "rd" | "th")
}

/// "buried under the rubble", "buried alive", "buried beneath debris": after "buried" at
/// `i`, words that tell of people trapped, who may yet live, not of burials.
fn buried_under(words: &[Word<'_>], i: usize) -> bool {
    (i + 1..(i + 4).min(words.len())).any(|j| {
        matches!(
            word_at(words, j),
            Some("under" | "beneath" | "alive" | "rubble" | "debris" | "trapped" | "underneath")
        )
    })
}

/// After a relative clause's casualty participle at `i` ("who were wounded in the ambush"),
/// the main verb of the same clause when it tells a death ("… died in hospital", "… were
/// killed"): returns the end of that predicate. The search stops at clause punctuation
/// and at a word that opens another clause or list item ("when", "and").
fn death_after_relative_clause(words: &[Word<'_>], i: usize) -> Option<usize> {
    for j in i + 1..words.len() {
        if words[j - 1].3 {
            return None;
        }
        match word_at(words, j)? {
            "died" | "succumbed" => return Some(words[j].1),
            w if is_aux(w)
                && !words[j].3
                && matches!(word_at(words, j + 1), Some("killed" | "dead")) =>
            {
                return Some(words[j + 1].1);
            }
            "when" | "as" | "after" | "while" | "because" | "where" | "which" | "who" | "that"
            | "and" | "but" | "before" | "until" => return None,
            _ => {}
        }
    }
    None
}

/// At word `i` after a figure's noun: "who"/"that" opening a passive or a reported clause
/// ("who were killed", "who they said were killed"), or the "said" of a reported clause
/// ("the force said were killed"), right before an auxiliary.
fn relative_before_predicate(words: &[Word<'_>], i: usize) -> bool {
    let said = |w: Option<&str>| matches!(w, Some("said" | "say" | "says"));
    let aux_at =
        |j: usize| words.get(j - 1).is_some_and(|w| !w.3) && word_at(words, j).is_some_and(is_aux);
    match word_at(words, i) {
        Some("who" | "that") => {
            aux_at(i + 1)
                || (said(word_at(words, i + 2)) && aux_at(i + 3) && !words[i + 1].3)
                || (said(word_at(words, i + 3))
                    && aux_at(i + 4)
                    && !words[i + 1].3
                    && !words[i + 2].3)
        }
        w @ Some(_) if said(w) => aux_at(i + 1),
        _ => false,
    }
}

/// "four fighters killed in the strikes", "two men killed when their car was hit", "five
/// militiamen killed, several wounded": a participle right after the victims' noun with no
/// auxiliary is a reduced passive (headline and bulletin style) when what follows cannot be
/// its object: clause punctuation, the end of the sentence, or a word that opens an adverbial
/// ("in", "when", "by", "on Sunday"). An object after it ("a rocket attack killed four
/// people", "killed at least") makes it active, and the noun the killer.
/// `words[0]` is the participle.
fn reduced_passive(words: &[Word<'_>]) -> bool {
    let Some((_, _, w, _)) = words.first() else {
        return false;
    };
    if !matches!(
        w.as_ref(),
        "killed" | "wounded" | "injured" | "hurt" | "slain"
    ) {
        return false;
    }
    adverbial_or_end_after(words, 0)
}

/// After the participle phrase ending at word `last`: clause punctuation, the end of the
/// text, or a word that opens an adverbial ("in", "when", "on Sunday") rather than an object.
fn adverbial_or_end_after(words: &[Word<'_>], last: usize) -> bool {
    let Some((_, _, _, boundary)) = words.get(last) else {
        return false;
    };
    if *boundary {
        return true;
    }
    let words = &words[last..];
    match word_at(words, 1) {
        // A headline without a full stop: "Two soldiers killed".
        None => true,
        // "killed at least five": "at" opens a figure, not a place.
        Some("at") => !matches!(word_at(words, 2), Some("least" | "most")),
        // "killed as many as 40": "as" opens a figure, not an adverbial clause. ("up to",
        // "nearly", "about", "around" open no adverbial here and read as an object.)
        Some("as") => !matches!(word_at(words, 2), Some("many" | "much" | "few")),
        Some(next) => matches!(
            next,
            "in" | "when"
                | "by"
                | "on"
                | "during"
                | "as"
                | "while"
                | "near"
                | "inside"
                | "outside"
                | "overnight"
                | "yesterday"
                | "today"
                | "last"
                | "earlier"
                | "late"
                | "early"
                | "this"
        ),
    }
}

/// Verb phrases that tell a killing without the word "killed", one list for every reader of
/// them: the figure reader ("two guards were gunned down"), the named victim's passive
/// ("Karimov was shot dead") and its active form ("gunmen shot dead Leyla Haddad"). ("shot
/// down" is said of aircraft, so only "gunned down" counts.)
const KILLING_PHRASES: &[&str] = &[
    "assassinated",
    "murdered",
    "fatally shot",
    "shot dead",
    "gunned down",
    "stabbed to death",
    "beaten to death",
    "hacked to death",
    "burned to death",
    "burnt to death",
    "stoned to death",
    "bludgeoned to death",
];

/// Every phrase of [`NAMED_OBJECT`] ends in "killed" or in the last word of one of
/// [`KILLING_PHRASES`]: those words once, without repeats ("to death" ends eight phrases), so
/// that a sentence holding none of them is ruled out with a few substring searches.
static KILLING_LAST_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    for w in KILLING_PHRASES
        .iter()
        .filter_map(|p| p.rsplit(' ').next())
        .chain(["killed"])
    {
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
});

/// [`KILLING_PHRASES`] as a regex alternation (any run of spaces between the words).
fn killing_phrases_pattern() -> String {
    KILLING_PHRASES
        .iter()
        .map(|p| p.replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

/// Word `i` starts a verb phrase of [`KILLING_PHRASES`] (or is the verb after its adverb:
/// "fatally shot" at "shot"). Returns the index of the phrase's last word.
fn killing_phrase_end(words: &[Word<'_>], i: usize) -> Option<usize> {
    // No sentence boundary between the phrase's words.
    let open = |j: usize| words.get(j).is_some_and(|word| !word.3);
    // Called for every word of every sentence with a figure: the phrases are walked word by
    // word in place (collecting their words into a Vec here cost ~8 % of the whole run), and
    // only for a word that can be the one read: a phrase's first word, or the word after
    // "fatally" (splitting every phrase at every word was ~1 % of the run).
    let w = word_at(words, i)?;
    let read_at = |phrase: &str| {
        let head = phrase.strip_prefix("fatally ").unwrap_or(phrase);
        head.as_bytes().first() == w.as_bytes().first()
            && head.starts_with(w)
            && head.as_bytes().get(w.len()).is_none_or(|&b| b == b' ')
    };
    if !KILLING_PHRASES.iter().any(|p| read_at(p)) {
        return None;
    }
    KILLING_PHRASES.iter().find_map(|phrase| {
        let from = if phrase.starts_with("fatally ") {
            // "was fatally shot": the adverb stands before the word the caller reads.
            if i == 0 || word_at(words, i - 1) != Some("fatally") {
                return None;
            }
            i - 1
        } else {
            i
        };
        let mut last = from;
        for (k, part) in phrase.split(' ').enumerate() {
            if word_at(words, from + k) != Some(part)
                || !(k == 0 || from + k == i || open(from + k - 1))
            {
                return None;
            }
            last = from + k;
        }
        Some(last)
    })
}

/// The preposition at `i` opens a short place phrase ("at the airport", "in the car") that
/// is followed by a passive casualty predicate ("were killed", "had been wounded"): returns
/// the index of the first auxiliary. An active predicate of death or illness ("a guard at the
/// gate died", "a contractor at the base suffered a heart attack … and died") follows it as
/// well: returns the index of that verb.
fn place_phrase_before_predicate(words: &[Word<'_>], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if matches!(word_at(words, j), Some("the" | "a" | "an")) {
        j += 1;
    }
    let first_noun = j;
    while j < words.len() && j - first_noun < 3 {
        let (_, _, w, boundary) = &words[j];
        if *boundary
            || is_aux(w)
            || is_stop(w)
            || matches!(w.as_ref(), "died" | "suffered")
            || parse_quantity(w).is_some()
        {
            break;
        }
        j += 1;
    }
    if j == first_noun || j >= words.len() || words[j - 1].3 {
        return None;
    }
    if matches!(word_at(words, j), Some("died" | "suffered")) {
        return Some(j);
    }
    if !is_aux(&words[j].2) {
        return None;
    }
    let aux_at = j;
    while j < words.len() && j - aux_at < 3 && is_aux(&words[j].2) && !words[j].3 {
        j += 1;
    }
    matches!(
        word_at(words, j),
        Some("killed" | "wounded" | "injured" | "hurt" | "slain")
    )
    .then_some(aux_at)
}

/// The words after "died" at `i` name an illness ("died of a heart attack", "died from
/// natural causes"), not wounds.
fn died_of_natural_causes(words: &[Word<'_>], i: usize) -> bool {
    if !matches!(word_at(words, i + 1), Some("of" | "from")) {
        return false;
    }
    (i + 2..(i + 5).min(words.len())).any(|j| word_at(words, j).is_some_and(is_illness_word))
}

/// A word naming an illness or a natural death: "heart (attack)", "cardiac", "stroke",
/// "old (age)".
fn is_illness_word(w: &str) -> bool {
    matches!(
        w,
        "heart"
            | "cardiac"
            | "natural"
            | "illness"
            | "disease"
            | "stroke"
            | "cancer"
            | "covid"
            | "covid-19"
            | "coronavirus"
            | "old"
    )
}

/// After an illness verb ending at `from` ("suffered a heart attack", "collapsed"), the same
/// clause goes on "and died" (at most two adverbs between: "and later died", "and
/// subsequently died") and puts the illness inside the attack ("while sheltering", "during
/// the barrage"). Returns the end of "died" in `lower`. Without the attack ("suffered a
/// heart attack and died") the death stays out of any toll.
fn death_after_illness_in_attack(lower: &str, from: usize) -> Option<usize> {
    let rest = &lower[from..];
    let mut end = rest.find(['.', ';']).unwrap_or(rest.len()).min(200);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let clause = &rest[..end];
    let died = clause.find(" died")?;
    // " and" without its trailing space: "and died" shares that space with " died".
    let and = clause[..died].rfind(" and")?;
    let between = &clause[and + 4..died];
    if !(between.is_empty() || between.starts_with(' '))
        || between.split_whitespace().count() > 2
        || !death_inside_the_attack(lower, from)
    {
        return None;
    }
    Some(from + died + " died".len())
}

/// The clause after a death from illness (`from` is the end of "died") puts it inside the
/// attack: "while sheltering", "while taking cover", "during the barrage", "amid the
/// shelling". News counts such a death in the attack's toll; "died of cancer during his
/// detention" names no attack and stays out.
fn death_inside_the_attack(lower: &str, from: usize) -> bool {
    let rest = &lower[from..];
    let mut end = rest.find(['.', ';']).unwrap_or(rest.len()).min(160);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let clause = &rest[..end];
    if ["shelter", "taking cover", "took cover", "while hiding"]
        .iter()
        .any(|p| clause.contains(p))
    {
        return true;
    }
    let Some(at) = clause.find(" during ").or_else(|| clause.find(" amid ")) else {
        return false;
    };
    let after = &clause[at..];
    [
        "attack",
        "barrage",
        "shelling",
        "strike",
        "bombard",
        "raid",
        "rocket",
        "missile",
        "bomb",
        "blast",
        "explosion",
        "assault",
        "salvo",
    ]
    .iter()
    .any(|noun| after.contains(noun))
}

/// "and" at `i` joins two adjectives of one noun phrase: the word before it is a capitalised
/// modifier that is not a plural noun ("U.S.", "Iraqi", "British") and the word after it is
/// capitalised too ("and British troops"), not a figure ("and two Britons").
fn coordinated_adjectives(text: &str, words: &[Word<'_>], i: usize) -> bool {
    let (Some(prev), Some(next)) = (
        i.checked_sub(1).and_then(|j| words.get(j)),
        words.get(i + 1),
    ) else {
        return false;
    };
    let original = |w: &Word<'_>| &text[w.0..w.1];
    let prev_text = original(prev);
    let next_text = original(next);
    let capitalised = |t: &str| t.starts_with(|c: char| c.is_uppercase());
    let plural = prev_text.ends_with('s') && !prev_text.ends_with("ss");
    capitalised(prev_text)
        && !plural
        && !prev.3
        && capitalised(next_text)
        && parse_quantity(&next.2).is_none()
        && !next.2.starts_with(|c: char| c.is_ascii_digit())
}

/// "killing the contractor", "the commander was killed": "the" with a singular head noun
/// under a casualty verb counts one victim. Plural heads, "the dead", and "the" before a
/// figure ("the two men") do not.
fn definite_single_victim(
    sentence: &str,
    from: usize,
    noun_end: usize,
    before: Option<ClaimField>,
    after: Option<(Role, usize, bool)>,
    listed: bool,
) -> bool {
    if noun_end <= from {
        return false;
    }
    let nouns = &sentence[from..noun_end];
    let mut words = nouns.split_whitespace().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    if words
        .next()
        .is_some_and(|w| parse_quantity(&w).is_some() || w == "a" || w == "an")
    {
        return false;
    }
    let head = nouns
        .split_whitespace()
        .next_back()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .unwrap_or_default();
    let singular = !head.is_empty() && (!head.ends_with('s') || head.ends_with("ss"));
    if !singular || NOT_ONE.contains(&head.as_str()) || nouns.to_lowercase().contains(" of ") {
        return false;
    }
    match after {
        Some((Role::Casualty(_), end, false)) => {
            // "the commander was killed"; as the last item of a list ("three soldiers and the
            // interpreter were killed") the verb agrees with the whole list.
            let pred = sentence[noun_end..end].to_lowercase();
            pred.split_whitespace()
                .any(|w| w == "was" || (listed && w == "were"))
        }
        Some(_) => false,
        None => before.is_some(),
    }
}

/// "one of the worst …", "one of the deadliest …": a comparison, not a figure.
fn one_of_the_most(after: &str) -> bool {
    let mut words = after.split_whitespace();
    if !(words.next().is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")))
    {
        return false;
    }
    words.next().is_some_and(|w| {
        let w = lower_word(w.trim_matches(|c: char| !c.is_alphanumeric()));
        w.ends_with("est") || matches!(w.as_ref(), "worst" | "most")
    })
}

/// A speech verb ends the noun phrase after a figure ("a war monitor said", "a spokesman for
/// the coalition said"): the phrase names a source.
fn speaker_follows(sentence: &str, lower: &str, from: usize) -> bool {
    let mut cursor = WordCursor::new(sentence, lower, from, 6);
    let mut i = 0;
    while let Some((_, _, w, _)) = cursor.fill(i + 1).get(i) {
        if matches!(
            w.as_ref(),
            "said" | "says" | "told" | "added" | "reported" | "stated" | "confirmed" | "announced"
        ) {
            return true;
        }
        i += 1;
    }
    false
}

/// `w` in lower case, borrowed when it already is (most words in running text).
fn lower_word(w: &str) -> Cow<'_, str> {
    if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// [`lower_word`] of `w`, a slice of `sentence`, borrowed from `lower` (`sentence` with ASCII
/// letters lower-cased) when `w` is ASCII.
fn lowered<'a>(sentence: &str, lower: &'a str, w: &str) -> Cow<'a, str> {
    if w.is_ascii() {
        let at = w.as_ptr() as usize - sentence.as_ptr() as usize;
        Cow::Borrowed(&lower[at..at + w.len()])
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// The last `max` bytes of `text[..end]`, cut at a char boundary.
fn tail_window(text: &str, end: usize, max: usize) -> &str {
    let mut start = end.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..end]
}

/// A casualty or munition word (from `hits`, the sentence's keyword matches) lying within
/// `before` bytes before `start` to `after` bytes after `end`.
fn near_casualty_word(
    hits: &[[usize; 2]],
    start: usize,
    end: usize,
    before: usize,
    after: usize,
) -> bool {
    let from = start.saturating_sub(before);
    let to = end + after;
    hits.iter().any(|&[s, e]| s >= from && e <= to)
}

/// Figures farther than this from every casualty or munition word are never read: nothing
/// near them can make them a claim, and most numbers in news text are of that kind.
const FIGURE_REACH: usize = 200;

/// True when the text from the end of the previous figure's noun (`noun_end`) to the next
/// figure at `start` is that figure's casualty predicate, if any, then "alongside", "along
/// with", "together with" or "as well as": "died, alongside", ", along with". Any other word
/// ("killed while patrolling alongside 50 troops") keeps the figure out of the toll.
/// `lower` is the sentence lower-cased.
fn joined_to_previous_toll(lower: &str, noun_end: usize, start: usize) -> bool {
    let Some(head) = lower.get(..start) else {
        return false;
    };
    let head = head.trim_end();
    ["alongside", "along with", "together with", "as well as"]
        .iter()
        .any(|joint| {
            let Some(before) = head.strip_suffix(joint) else {
                return false;
            };
            if !(before.is_empty() || before.ends_with([' ', ','])) {
                return false;
            }
            // The noun phrase before may have run into the joint ("militants along").
            lower
                .get(noun_end.min(before.len())..before.len())
                .is_some_and(|gap| {
                    gap.trim_end_matches([' ', ','])
                        .split_whitespace()
                        .all(|w| {
                            is_aux(w)
                                || matches!(
                                    w,
                                    "killed" | "died" | "dead" | "wounded" | "injured" | "hurt"
                                )
                        })
                })
        })
}

/// "… though a former official said the count was at least 169", "the tally stood at 40":
/// a figure right after a toll noun is a toll however far the casualty word lies back in a
/// long sentence (the noun stands for it). `lower` is the sentence lower-cased.
fn after_toll_noun(lower: &str, start: usize) -> bool {
    let head = tail_window(lower, start, 40).trim_end();
    ["count", "tally"].iter().any(|noun| {
        ["was", "is", "stood at", "stands at", "at", "to", "reached"]
            .iter()
            .any(|verb| {
                head.strip_suffix(verb)
                    .and_then(|h| h.strip_suffix(' '))
                    .and_then(|h| h.strip_suffix(noun))
                    .is_some_and(|h| !h.ends_with(|c: char| c.is_ascii_alphanumeric()))
            })
    })
}

/// True when the figure at `start` continues a list: right after a comma or "and".
fn list_item_before(sentence: &str, start: usize) -> bool {
    let head = sentence[..start].trim_end();
    if head.ends_with(',') {
        return true;
    }
    let bytes = head.as_bytes();
    bytes.len() >= 3
        && bytes[bytes.len() - 3..].eq_ignore_ascii_case(b"and")
        && (bytes.len() == 3 || !is_ascii_word_byte(bytes[bytes.len() - 4]))
}

/// "Dec. 9", "on March 11", "Jun. 4": digits after a month name are a day of the month, not a
/// count. The month names are the publication-date parser's (full names, "Sept" and
/// abbreviations of three letters or more).
fn is_day_of_month(n: &str, prev_word: Option<&str>) -> bool {
    n.len() <= 2
        && n.bytes().all(|b| b.is_ascii_digit())
        && prev_word.is_some_and(|p| crate::corpus::header::month_number(p).is_some())
}

fn is_year_like(n: &str, prev_word: Option<&str>) -> bool {
    n.len() == 4
        && (n.starts_with("19") || n.starts_with("20"))
        && n.bytes().all(|b| b.is_ascii_digit())
        && prev_word.is_some_and(|p| {
            matches!(
                p,
                "in" | "since"
                    | "of"
                    | "the"
                    | "by"
                    | "until"
                    | "during"
                    | "from"
                    | "early"
                    | "late"
                    | "mid"
                    | "before"
                    | "after"
            )
        })
}

/// Which casualty the toll in `head` counts, when a sentence says it "has risen to" a figure.
/// "Officials had earlier given figures of 30 and then 39", "the army gave a figure of 12": a
/// figure given with no casualty word in its sentence stands for the toll told just before,
/// as "put the number at" does ([`TOLL_BEFORE`]); the figure's own noun still overrides it
/// ("gave a figure of 22 missiles"). `head_lower` is the lower-cased text before the figure.
fn gives_a_bare_figure(head_lower: &str) -> bool {
    let mut words = head_lower.split_whitespace().rev();
    let (Some(prep), Some(noun)) = (words.next(), words.next()) else {
        return false;
    };
    if !matches!(prep, "of" | "at") || !matches!(noun, "figure" | "figures" | "number" | "numbers")
    {
        return false;
    }
    let verb = match words.next() {
        Some("a" | "the" | "new" | "higher" | "lower" | "different") => words.next(),
        other => other,
    };
    matches!(verb, Some("gave" | "give" | "gives" | "giving" | "given"))
}

fn risen_toll_field(head: &str) -> Option<ClaimField> {
    let lower = head.to_ascii_lowercase();
    if lower.contains("injur") || lower.contains("wounded") {
        if lower.contains("killed") || lower.contains("dead") || lower.contains("death") {
            return None;
        }
        return Some(ClaimField::Wounded);
    }
    // "The loss of life from the bombing has risen to 276."
    (lower.contains("toll")
        || lower.contains("loss of life")
        || lower.contains("killed")
        || lower.contains("dead")
        || lower.contains("deaths"))
    .then_some(ClaimField::Killed)
}

/// The figures of a sentence; `hits` are its casualty and munition keyword matches.
/// `lower` is `sentence` with ASCII letters lower-cased.
fn figures(sentence: &str, lower: &str, hits: &[[usize; 2]]) -> Vec<Figure> {
    let mut out = Vec::new();
    // End of the last figure's own predicate: "two men in the car were killed" holds no
    // second figure ("the car").
    let mut predicate_end = 0;
    for found in NUMBER_PHRASE.for_text(sentence).find_iter(sentence) {
        if found.start() < predicate_end {
            continue;
        }
        if !near_casualty_word(hits, found.start(), found.end(), FIGURE_REACH, FIGURE_REACH)
            && !after_toll_noun(lower, found.start())
        {
            continue;
        }
        // Articles match everywhere: skip them cheaply unless a casualty word is near, and
        // resolve capture groups only for the rest.
        let last_word = found
            .as_str()
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("");
        // A list item ("killing two soldiers, a policeman and a civilian") takes its verb
        // from the head of the list, which may lie further back than a lone article's.
        let listed = list_item_before(sentence, found.start());
        let weak_reach = if listed { 160 } else { 40 };
        if ["a", "an", "the", "one"]
            .iter()
            .any(|w| last_word.eq_ignore_ascii_case(w))
            && !near_casualty_word(hits, found.start(), found.end(), weak_reach, 120)
        {
            continue;
        }
        // The groups of the match, read from the match alone: the pattern starts and ends at
        // a word boundary, so the slice gives the same groups as the sentence (at a fraction
        // of the cost).
        // A match without white space is the number alone (the qualifier and "a total of"
        // need a space), so most matches need no capture groups at all.
        let whole = found;
        let (n, q) = if !found.as_str().contains(char::is_whitespace) {
            ((found.start(), found.end(), found.as_str()), None)
        } else {
            let Some(caps) = NUMBER_PHRASE
                .for_text(found.as_str())
                .captures(found.as_str())
            else {
                continue;
            };
            let base = found.start();
            let group = |name: &str| {
                caps.name(name)
                    .map(|m| (base + m.start(), base + m.end(), m.as_str()))
            };
            (group("n").expect("number group"), group("q"))
        };
        let before_char = sentence[..whole.start()].chars().next_back();
        let after_char = sentence[whole.end()..].chars().next();
        // Part of a code or a decimal: "F-15", "1.5", "24/7", "9/11".
        // A clock time: "08:50 The number of …" (a live page's time stamp).
        let clock = (before_char == Some(':')
            && sentence[..whole.start() - 1].ends_with(|c: char| c.is_ascii_digit()))
            || (after_char == Some(':')
                && sentence[whole.end() + 1..].starts_with(|c: char| c.is_ascii_digit()));
        if clock
            || before_char.is_some_and(|c| matches!(c, '-' | '/' | '.' | '$' | '#'))
            || after_char.is_some_and(|c| matches!(c, '/' | '%'))
            || (after_char == Some('.')
                && sentence[whole.end() + 1..].starts_with(|c: char| c.is_ascii_digit()))
            // "seven-year-old", "three-day", "one-way": a number joined by a hyphen is part of
            // an adjective ("twenty-five" is read whole by the number pattern).
            || after_char == Some('-')
        {
            continue;
        }
        let prev_word = sentence[..whole.start()]
            .split_whitespace()
            .next_back()
            .map(|w| {
                lowered(
                    sentence,
                    lower,
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                )
            });
        if is_year_like(n.2, prev_word.as_deref()) && q.is_none() {
            continue;
        }
        if q.is_none() && is_day_of_month(n.2, prev_word.as_deref()) {
            continue;
        }
        let is_the = n.2.eq_ignore_ascii_case("the");
        if is_the && q.is_some() {
            continue;
        }
        let article = is_the || n.2.eq_ignore_ascii_case("a") || n.2.eq_ignore_ascii_case("an");
        let weak = article || n.2.eq_ignore_ascii_case("one");
        let (value, vague) = if article {
            (1, None)
        } else {
            match parse_quantity(n.2) {
                Some(q) => (q.value, q.vague),
                None => continue,
            }
        };
        let next_word = sentence[whole.end()..].split_whitespace().next().map(|w| {
            lowered(
                sentence,
                lower,
                w.trim_matches(|c: char| !c.is_alphanumeric()),
            )
        });
        if next_word.as_deref().is_some_and(|w| UNITS.contains(&w)) {
            continue;
        }
        if next_word
            .as_deref()
            .is_some_and(|w| TIME_WORDS.contains(&w))
        {
            let mut after = sentence[whole.end()..].split_whitespace();
            let time_word = after.next().unwrap_or_default();
            let word_after = after.next().map(|w| {
                lowered(
                    sentence,
                    lower,
                    w.trim_matches(|c: char| !c.is_alphanumeric()),
                )
            });
            if span_of_time(prev_word.as_deref(), time_word, word_after.as_deref()) {
                continue;
            }
        }
        if weak && next_word.as_deref().is_some_and(|w| NOT_ONE.contains(&w)) {
            continue;
        }
        if weak && one_of_the_most(&sentence[whole.end()..]) {
            continue;
        }
        let qualifier = match (q, vague) {
            (Some(q), _) => Some(
                q.2.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase(),
            ),
            (None, Some(v)) => Some(v.to_string()),
            (None, None) => None,
        };
        // Only the words just before the figure matter; a bounded window keeps this linear.
        // "puts the toll at \"at least five\" fighters": a quoted figure is read as if the
        // quote were not there.
        let window = tail_window(sentence, whole.start(), 80);
        let head = match window.trim_end().strip_suffix(['"', '\u{201c}']) {
            Some(unquoted) => unquoted.trim_end(),
            None => window,
        };
        if weak && !near_casualty_word(hits, whole.start(), whole.end(), weak_reach, 120) {
            continue;
        }
        let head_start = whole.start() - window.len();
        // `head` lower-cased: a prefix of the window, at the same offsets in `lower`.
        let head_lower = &lower[head_start..head_start + head.len()];
        let head_end = HeadEnd::new(head);
        let mut before = if head_end.may_end_with(VERB_BEFORE_LAST)
            && (!ends_with_function_word(&head_end)
                || near_casualty_word(hits, head_start, head_start, 0, head.len())
                || head_lower.contains("murder")
                // "officials first put it at 19", "others put the number at 70": the toll is
                // the antecedent of the pronoun or the bare noun.
                || head_lower.contains(" it at")
                || head_lower.contains("the number at")
                || head_lower.contains("the total at")
                || head_lower.contains("the figure at")
                // "a former official said the count was at least 169": the noun is the toll.
                || head_lower.contains("count")
                || head_lower.contains("tally"))
        // "the burial of 43 victims", "funerals for 12 soldiers": the dead were buried.
        {
            verb_before(head)
                // A toll is a number: "killed by a bombing at a rally" is not a toll of one.
                .filter(|c| {
                    !article
                        || (c.name("t").is_none()
                            && c.name("tr").is_none()
                            && c.name("tc").is_none()
                            && c.name("tw").is_none())
                })
                .map(|c| {
                    if c.name("w").is_some() || c.name("tw").is_some() {
                        ClaimField::Wounded
                    } else if c
                        .name("tc")
                        .is_some_and(|tc| names_no_casualty(tc.as_str()))
                        && let Some(field) = out.last().and_then(Figure::casualty_field)
                    {
                        // "25 troops were wounded; the Pentagon later put the number at 40":
                        // "it", "the number", "the figure" stand for the toll just told.
                        field
                    } else {
                        ClaimField::Killed
                    }
                })
        } else {
            None
        };
        // "responsible for the deaths of hundreds of Americans", "blamed for the deaths of":
        // an accusation that sums up a career or a war, not a toll of the attack told. A
        // claim of responsibility ("claimed responsibility for the killing of 12 soldiers")
        // owns the attack, so its figure stays a toll.
        if before.is_some() && accused_for_deaths(head) {
            before = None;
        }
        // "revised the death toll from Monday's bombing at a mosque in the old city to 84":
        // the revision's verb may lie further back than the window above.
        if before.is_none()
            && !article
            && head_end.ascii
            && head_end.last.eq_ignore_ascii_case("to")
        {
            let wide = tail_window(sentence, whole.start(), 180);
            if wide.len() > window.len()
                && lower[whole.start() - wide.len()..whole.start()].contains("toll")
                && verb_before(wide).is_some_and(|c| c.name("tr").is_some())
            {
                before = Some(ClaimField::Killed);
            }
        }
        // "claimed the lives of 12 people", "cost the lives of": the number phrase holds "the
        // lives of", so the verb before it is the whole casualty verb.
        if before.is_none()
            && lower[whole.start()..whole.end()].contains("lives of")
            && head
                .split_whitespace()
                .next_back()
                .map(|w| lower_word(w.trim_matches(|c: char| !c.is_alphanumeric())))
                .is_some_and(|w| {
                    matches!(
                        w.as_ref(),
                        "claimed" | "claiming" | "claims" | "cost" | "costing" | "took" | "taking"
                    )
                })
        {
            before = Some(ClaimField::Killed);
        }
        // The field guessed from the casualty words anywhere before the figure, which the
        // figure's own predicate overrides.
        let mut guessed_before = false;
        // A figure given with no casualty word before it (see `gives_a_bare_figure`).
        let mut given_bare = false;
        if before.is_none()
            && !weak
            && head_end.may_end_with(RISEN_TO_LAST)
            && RISEN_TO.for_text(head).is_match(head)
        {
            before = risen_toll_field(&sentence[..whole.start()]);
            given_bare = before.is_none() && gives_a_bare_figure(head_lower);
            if given_bare {
                before = Some(ClaimField::Killed);
            }
            guessed_before = true;
        }
        // "rose to 39 by evening and to 50 on Saturday": a later step of the same toll
        // update, its verb left out.
        if before.is_none()
            && !weak
            && let Some(previous) = out.last()
        {
            before = toll_step_continues(sentence, previous, whole.start());
        }
        // "killing one fighter according to Washington and as many as 22 according to a
        // monitor": a second source's figure for the same toll, its verb left out.
        if before.is_none()
            && !weak
            && let Some(previous) = out.last()
            && let Some(field) = previous.casualty_field()
            && second_source_figure(lower, previous.noun_end, whole.start(), whole.end())
        {
            before = Some(field);
        }
        // "more than 170 Afghans died, alongside 13 American troops", "killed four soldiers
        // along with 11 civilians": a figure joined to a toll's predicate shares its verb.
        if before.is_none()
            && !weak
            && let Some(previous) = out.last()
            && let Some(field) = previous.casualty_field()
            && joined_to_previous_toll(lower, previous.noun_end, whole.start())
        {
            before = Some(field);
        }
        // "six members of an elite unit were wounded", "three children from one family": an
        // article after "of" or "from" opens the complement of another noun, not a victim of
        // its own.
        if weak && before.is_none() && matches!(prev_word.as_deref(), Some("of" | "from")) {
            continue;
        }
        let subset_before = head_end.may_end_with(SUBSET_BEFORE_LAST)
            && SUBSET_BEFORE.for_text(head).is_match(head);
        let (mut after, noun_end) = classify_after(sentence, lower, whole.end(), weak);
        // "Medics carried 35 wounded people, and the government gave a figure of 30 killed":
        // the figure's own participle tells what it counts, not a casualty word further back.
        if guessed_before && let Some((Role::Casualty(own), _, false)) = after {
            before = Some(own);
        }
        // "gave figures of 300 teachers": a noun of its own that is no casualty says what the
        // figure counts; only a bare figure stands for the toll told before.
        if given_bare && after.is_none() && noun_end > whole.end() {
            before = None;
        }
        let mut value = value;
        if before.is_none() && after.is_none() {
            // "the group had lost one fighter": losing people is a toll.
            if matches!(
                prev_word.as_deref(),
                Some("lost" | "lose" | "loses" | "losing")
            ) && people_follow(sentence, lower, whole.end())
            {
                before = Some(ClaimField::Killed);
            }
            // "mourners buried nine members of the family": the buried are dead.
            if matches!(prev_word.as_deref(), Some("buried" | "bury" | "burying"))
                && people_follow(sentence, lower, whole.end())
            {
                before = Some(ClaimField::Killed);
            }
            // "the bombing claimed 23 lives", "cost 40 lives".
            if matches!(next_word.as_deref(), Some("lives"))
                && matches!(
                    prev_word.as_deref(),
                    Some(
                        "claimed"
                            | "claiming"
                            | "claims"
                            | "claim"
                            | "cost"
                            | "costing"
                            | "costs"
                            | "took"
                            | "taking"
                            | "takes"
                    )
                )
            {
                before = Some(ClaimField::Killed);
            }
            // "killed Soleimani, al-Muhandis and eight others": the named victims and the
            // others make one toll.
            if listed
                && vague.is_none()
                && matches!(next_word.as_deref(), Some("other" | "others"))
                && let Some((field, named)) = named_victims_before(&sentence[..whole.start()])
            {
                before = Some(field);
                value = value.saturating_add(named);
            }
        }
        let direct_after_end = after.map(|(_, e, _)| e);
        // "37 soldiers and allied fighters, most of them …, were killed": a second noun
        // joined to the figure's own counts with it, and the aside may follow that noun.
        let aside_from =
            noun_end.max(whole.end()) + joined_noun_len(&sentence[noun_end.max(whole.end())..]);
        let rest = &sentence[aside_from..];
        if after.is_none()
            && rest.trim_start().starts_with(',')
            && let Some(aside) = SUBSET_ASIDE.for_text(rest).find(rest)
        {
            // "three people, two of them children, were killed": read past the aside.
            after = classify_after(sentence, lower, aside_from + aside.end(), weak).0;
        }
        // "two brigadiers and their driver were killed": one more victim named by a
        // possessive, then the list's predicate.
        if after.is_none()
            && before.is_none()
            && vague.is_none()
            && let Some(e) = possessive_victim_after(sentence, lower, noun_end.max(whole.end()))
            && let (Some(found @ (Role::Casualty(_), _, false)), _) =
                classify_after(sentence, lower, e, false)
        {
            after = Some(found);
            value = value.saturating_add(1);
        }
        if is_the && !definite_single_victim(sentence, whole.end(), noun_end, before, after, listed)
        {
            continue;
        }
        // "…, rescuers and a war monitor said": the article starts the speaker, not a victim.
        if weak
            && before.is_none()
            && after.is_none()
            && speaker_follows(sentence, lower, whole.end())
        {
            continue;
        }
        if let Some(e) = direct_after_end {
            predicate_end = e;
        }
        out.push(Figure {
            start: whole.start(),
            num_end: whole.end(),
            value,
            qualifier,
            before,
            after,
            noun_end: noun_end.max(whole.end()),
            subset_before,
            weak,
            vague: vague.is_some(),
        });
    }
    out
}

/// The figure between `start` and `end` is another source's value of the toll read just
/// before it (whose noun phrase ends at `previous_end`): "killed one fighter according to the
/// Pentagon and as many as 22 according to a monitor", "12 according to police, or 15
/// according to residents". Both figures carry their own "according to", and the gap holds
/// no clause end.
fn second_source_figure(lower: &str, previous_end: usize, start: usize, end: usize) -> bool {
    if previous_end > start {
        return false;
    }
    let gap = &lower[previous_end..start];
    let gap = gap.trim();
    if gap.len() > 80 || gap.contains([';', '.', ':']) {
        return false;
    }
    let joined = [" and", " or", " but", ", while", " while", ", and", ", or"]
        .iter()
        .any(|j| gap.ends_with(j));
    let after = lower[end..].trim_start();
    let after = after
        .split_once("according to")
        .map(|(before, _)| before.trim())
        .filter(|b| b.split_whitespace().count() <= 2 && !b.contains([',', ';', '.']));
    gap.starts_with("according to") && joined && after.is_some()
}

/// The figure at `start` is a later step of the toll update read at `previous` ("it rose to
/// 39 by evening and to 50 on Saturday", "climbed to 12, then to 15"): the words before it
/// are "and to", ", to" or "then to", and no clause ends between the two figures. Returns
/// the previous figure's field.
fn toll_step_continues(sentence: &str, previous: &Figure, start: usize) -> Option<ClaimField> {
    let field = previous.before?;
    if previous.after.is_some() || previous.num_end > start {
        return None;
    }
    let gap = &sentence[previous.num_end..start];
    if gap.contains([';', '.', ':']) || gap.len() > 60 {
        return None;
    }
    let gap = gap.trim_end().to_ascii_lowercase();
    let head_of_previous = tail_window(sentence, previous.start, 80).to_ascii_lowercase();
    let Some(head) = gap.strip_suffix("to") else {
        // "had put the number of dead at 100 and then 101", "put the toll at 12, later 15":
        // an estimate's later value, its "at" left out. A bare "and" may join two tolls of
        // different things ("at 100 and 200 wounded"), so a word of time must say it.
        let step = gap.trim_start_matches([',', ' ']);
        let later = matches!(step, "then" | "and then" | "later" | "and later");
        // "gave figures of 30 and then 39", "a toll of 12, later 15": the same after "of".
        let estimate = head_of_previous.trim_end().ends_with("at")
            || head_of_previous.trim_end().ends_with(" of");
        return (later && estimate).then_some(field);
    };
    // "into", "onto" are other words.
    if !head.ends_with(|c: char| c.is_whitespace() || c == ',') {
        return None;
    }
    let head = head.trim_end();
    let joined = head.ends_with(',')
        || [" and", " then", " later", " and then", " and later"]
            .iter()
            .any(|w| head.ends_with(w));
    // The previous figure was itself the new value of a toll ("rose to", "was revised to").
    let update = head_of_previous.trim_end().ends_with("to");
    (joined && update).then_some(field)
}

/// "and their driver", "and his bodyguard" right after a list of victims: returns the end of
/// that one more victim. Only nouns for a companion or a role count, and not when a predicate
/// of their own follows ("and their car was burned").
fn possessive_victim_after(sentence: &str, lower: &str, from: usize) -> Option<usize> {
    companion_after(
        sentence,
        lower,
        from,
        &["and"],
        &["his", "her", "their", "its"],
    )
}

/// "were killed, along with the driver of their vehicle", "died together with his bodyguard":
/// one more victim joined to the predicate after it, with no figure of its own. Returns the end
/// of that victim's noun.
fn companion_after_predicate(sentence: &str, lower: &str, from: usize) -> Option<usize> {
    let rest = &sentence[from..];
    let from = from + rest.len() - rest.trim_start_matches([',', ' ']).len();
    companion_after(
        sentence,
        lower,
        from,
        &["along with", "together with", "alongside"],
        &["the", "his", "her", "their", "its"],
    )
}

/// A companion noun ("driver", "bodyguard" …) after one of `joints` ("and", "along with")
/// and one of `determiners`, with no predicate of its own: returns the end of that noun.
fn companion_after(
    sentence: &str,
    lower: &str,
    from: usize,
    joints: &[&str],
    determiners: &[&str],
) -> Option<usize> {
    let mut cursor = WordCursor::new(sentence, lower, from, 5);
    let words = cursor.fill(5);
    // The joint's words, matched word by word ("along with" is two).
    let joint_len = joints.iter().find_map(|j| {
        let n = j.split(' ').count();
        (j.split(' ')
            .enumerate()
            .all(|(k, jw)| word_at(words, k) == Some(jw) && !words[k].3))
        .then_some(n)
    })?;
    if !word_at(words, joint_len).is_some_and(|d| determiners.contains(&d)) || words[joint_len].3 {
        return None;
    }
    let words = &words[joint_len - 1..];
    let noun = words.get(2)?;
    let companion = matches!(
        noun.2.as_ref(),
        "driver"
            | "wife"
            | "husband"
            | "son"
            | "daughter"
            | "child"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "commander"
            | "guard"
            | "bodyguard"
            | "interpreter"
            | "translator"
            | "escort"
            | "pilot"
            | "deputy"
            | "aide"
            | "companion"
    );
    // "and their driver was wounded" has a predicate of its own; "and their driver were
    // killed" shares the plural predicate of the whole list.
    let own_predicate = !noun.3
        && word_at(words, 3).is_some_and(|w| is_aux(w) && !matches!(w, "were" | "are" | "have"));
    (companion && !own_predicate).then_some(noun.1)
}

/// Words for people that a side "lost": "lost one fighter", "lost five of its men".
fn people_follow(sentence: &str, lower: &str, from: usize) -> bool {
    let mut cursor = WordCursor::new(sentence, lower, from, 4);
    let words = cursor.fill(4);
    words.iter().take(3).any(|(_, _, w, _)| {
        matches!(
            w.as_ref(),
            "fighter"
                | "fighters"
                | "soldier"
                | "soldiers"
                | "troops"
                | "men"
                | "member"
                | "members"
                | "comrades"
                | "officers"
                | "officer"
                | "personnel"
                | "people"
                | "sons"
                | "son"
                | "relatives"
                | "children"
        )
    }) && !words.iter().take(4).any(|(_, _, w, _)| {
        // "lost two members of parliament", "lost contact": not deaths.
        matches!(
            w.as_ref(),
            "parliament" | "seats" | "contact" | "jobs" | "homes"
        )
    })
}

/// The list of named victims before "and N others": back from the end of `head` to a casualty
/// verb over items of one to four name words ("Soleimani, al-Muhandis and"). Returns the
/// verb's field and the number of names.
fn named_victims_before(head: &str) -> Option<(ClaimField, u32)> {
    let head = tail_window(head, head.len(), 160).trim_end();
    let head = head.strip_suffix(',').unwrap_or(head).trim_end();
    let ends_with_and =
        head.len() >= 4 && head.as_bytes()[head.len() - 4..].eq_ignore_ascii_case(b" and");
    let head = if ends_with_and {
        head[..head.len() - 4].trim_end()
    } else {
        head
    };
    let head = head.strip_suffix(',').unwrap_or(head);
    let mut items = 0u32;
    let mut item_words = 0usize;
    // Name words in the current item: once a name is read, a title before it ("militia
    // commander Abu Mahdi al-Muhandis") belongs to the same item.
    let mut item_names = 0usize;
    for token in head.split_whitespace().rev() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let w = lower_word(bare);
        let field = match w.as_ref() {
            "killed" | "killing" | "kills" | "kill" => Some(ClaimField::Killed),
            "wounded" | "wounding" | "injured" | "injuring" => Some(ClaimField::Wounded),
            _ => None,
        };
        if let Some(field) = field {
            return (item_words > 0 && !token.ends_with(',') && (1..=6).contains(&(items + 1)))
                .then_some((field, items + 1));
        }
        if token.ends_with(',') && item_words > 0 {
            items += 1;
            item_words = 0;
            item_names = 0;
        }
        if w == "and" {
            if item_words == 0 {
                return None;
            }
            items += 1;
            item_words = 0;
            item_names = 0;
            continue;
        }
        let name_like = bare.starts_with(|c: char| c.is_uppercase())
            || ["al-", "el-", "bin", "ibn", "abu"]
                .iter()
                .any(|p| w.starts_with(p));
        let title = !name_like
            && item_names > 0
            && bare.len() > 2
            && bare.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            && !is_stop(&w)
            && !is_aux(&w)
            && !matches!(
                w.as_ref(),
                "the" | "a" | "an" | "of" | "his" | "her" | "their"
            );
        item_words += 1;
        if name_like {
            item_names += 1;
        }
        let limit = if item_words > item_names { 7 } else { 4 };
        if !(name_like || title) || item_words > limit || items > 5 {
            return None;
        }
    }
    None
}

/// The gap between a total and its first part: a comma ("six people, three soldiers …"),
/// possibly after the total's own complement ("five members of one family, two women …").
/// After an "of" complement (in the total's noun phrase or in the gap) the list may as well
/// be more victims ("two members of the militia, a soldier and a policeman" is four): it is
/// a breakdown only when it splits a family ("of one family", "of the same family") or names
/// sex and age, as a household's toll is told ("two women and three children").
/// `part_nouns` are the parts' noun phrases.
fn breakdown_follows(
    total_noun: &str,
    gap: &str,
    part_nouns: &[&str],
    population_total: bool,
) -> bool {
    let gap = gap.trim_start();
    let complement_words = |text: &str| -> Vec<String> {
        text.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_ascii_lowercase()
            })
            .collect()
    };
    let (of_complement, short) = if gap.starts_with(',') {
        let lower = total_noun.to_ascii_lowercase();
        let of = lower
            .split_once(" of ")
            .map(|(_, complement)| complement_words(complement));
        (of, true)
    } else {
        let stripped = gap.strip_prefix("of ");
        let complement = stripped.unwrap_or(gap);
        let Some(comma) = complement.find(',') else {
            return false;
        };
        let words = complement_words(&complement[..comma]);
        let short = words.len() <= 4 && !words.iter().any(|w| w == "and");
        (stripped.map(|_| words), short)
    };
    let sex_and_age = || {
        part_nouns.iter().all(|noun| {
            noun.split(|c: char| !c.is_alphanumeric())
                .any(|w| is_sex_or_age_noun(&w.to_ascii_lowercase()))
        })
    };
    let Some(complement) = of_complement else {
        // "five civilians, two women and three children": a group of the population splits
        // by sex and age; "three civilians, two policemen and a soldier" lists more victims.
        return short && (!population_total || sex_and_age());
    };
    let one_family = matches!(
        complement
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["one" | "a", "family"] | ["the", "same", "family"]
    );
    short && (one_family || sex_and_age())
}

/// Nouns that split a household's or a crowd's toll by sex and age.
fn is_sex_or_age_noun(w: &str) -> bool {
    matches!(
        w,
        "man"
            | "men"
            | "woman"
            | "women"
            | "child"
            | "children"
            | "kid"
            | "kids"
            | "boy"
            | "boys"
            | "girl"
            | "girls"
            | "infant"
            | "infants"
            | "baby"
            | "babies"
            | "teenager"
            | "teenagers"
    )
}

/// How a figure's noun can head a breakdown of its toll.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TotalNoun {
    /// "people", "victims", "members": any list of parts after a comma restates it.
    Anyone,
    /// "civilians", "residents", "passengers": a group of the population, restated only by
    /// parts that name sex and age ("two women and three children").
    Population,
}

/// The kind of total a figure's noun words name, if any.
fn total_noun(noun: &str) -> Option<TotalNoun> {
    noun.split_whitespace().find_map(|w| {
        match lower_word(w.trim_matches(|c: char| !c.is_alphanumeric())).as_ref() {
            // "targets" and "figures" are cover words that name no kind of person: the parts
            // after their comma ("two IS targets, a planner and a financier") say who they were.
            "people" | "persons" | "individuals" | "victims" | "others" | "members"
            | "relatives" | "targets" | "figures" => Some(TotalNoun::Anyone),
            "civilians" | "residents" | "villagers" | "passengers" | "worshippers"
            | "bystanders" | "pedestrians" => Some(TotalNoun::Population),
            _ => None,
        }
    })
}

/// True when the gap between two figures joins them as one list ("soldiers and", ", ").
fn joins(gap: &str) -> bool {
    let trimmed = gap.trim();
    let mut lower = trimmed.to_lowercase();
    // "a woman and her three children", "the commander and his two guards": a possessive
    // after "and" opens the next item of the same list.
    for possessive in [" his", " her", " their", " its"] {
        if let Some(rest) = lower.strip_suffix(possessive)
            && (rest.ends_with("and") || rest.ends_with(','))
        {
            lower = rest.to_string();
            break;
        }
    }
    let words: Vec<&str> = lower.split_whitespace().collect();
    if words.len() > 9 || !(lower.ends_with("and") || lower.ends_with(',')) {
        return false;
    }
    if lower.contains(';') {
        return false;
    }
    // "a contractor working with the coalition and an Iraqi civilian": a participle phrase
    // describing the victim before it, whose prepositions do not end the list.
    let participle_phrase = words.len() <= 7
        && words.first().is_some_and(|w| {
            matches!(
                *w,
                "working" | "serving" | "living" | "stationed" | "based" | "employed"
            )
        });
    words.iter().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        !is_aux(w)
            && (w == "and" || w == "of" || participle_phrase || !is_stop(w))
            && !matches!(
                w,
                "killed"
                    | "killing"
                    | "wounded"
                    | "wounding"
                    | "injured"
                    | "injuring"
                    | "dead"
                    | "died"
                    | "hurt"
                    | "said"
                    | "including"
                    | "among"
                    | "in"
                    | "at"
                    | "on"
                    | "near"
                    | "while"
                    | "but"
                    | "after"
                    | "before"
            )
            && !is_munition(w)
    })
}

/// A headline: the body's first line (`offset` 0), short, and ending without any
/// sentence punctuation ("Two guards, one driver killed in ambush"). A line ending in "?",
/// "!", ")" or a quote, or a body sentence that lost its full stop, is no headline.
fn is_headline(sentence: &str, offset: usize) -> bool {
    let line = sentence.trim_end();
    offset == 0
        && line.chars().next_back().is_some_and(char::is_alphanumeric)
        && line.split_whitespace().count() <= 16
}

/// Claims in one sentence; `offset` is added to spans. Attribution comes from the same
/// sentence only (see the module notes for the carry-over rule).
pub fn find_claims(sentence: &str, offset: usize) -> Vec<ClaimMention> {
    find_claims_in_year(sentence, offset, None)
}

/// [`find_claims`] in a story published in `published_year`, which tells a named person's
/// killing this year (today's toll) from one in an earlier year (background).
pub fn find_claims_in_year(
    sentence: &str,
    offset: usize,
    published_year: Option<i32>,
) -> Vec<ClaimMention> {
    let hits: Vec<[usize; 2]> = PRECHECK
        .find_iter(sentence)
        .map(|m| [m.start(), m.end()])
        .collect();
    if hits.is_empty() {
        return Vec::new();
    }
    let mut claims: Vec<ClaimMention> = Vec::new();
    let mut covered: Vec<[usize; 2]> = Vec::new();
    let mut injuries_zero_spans: Vec<[usize; 2]> = Vec::new();
    // One lower-cased copy (same byte offsets) serves every word and literal search below.
    let lower = sentence.to_ascii_lowercase();

    // Every zero phrase holds the word "no" (then white space), "nobody", "none" or "without":
    // "not", "now" and "north" need no regex search.
    let has_no_word = lower.contains("without ")
        || lower.match_indices("no").any(|(i, _)| {
            (i == 0 || !is_ascii_word_byte(lower.as_bytes()[i - 1]))
                && (lower[i + 2..].starts_with(char::is_whitespace)
                    || lower[i + 2..].starts_with("body")
                    || lower[i + 2..].starts_with("ne"))
        });
    let zero_text = if has_no_word { sentence } else { "" };
    for caps in ZERO.for_text(zero_text).captures_iter(zero_text) {
        let whole = caps.get(0).expect("group 0");
        // "there were no other casualties": someone else was hurt or killed.
        if caps.name("none").is_some_and(|none| {
            none.as_str().split_whitespace().nth(1).is_some_and(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "other" | "further" | "additional" | "more"
                )
            })
        }) {
            continue;
        }
        // "Britain said none of its troops were hurt": "none of" speaks of one group, often a
        // bystander of an attack that hurt others, so only its denial of deaths ("the militia
        // said none of its fighters had been killed") is read as a zero.
        if caps.name("nobody").is_some_and(|who| {
            who.as_str()
                .get(..4)
                .is_some_and(|w| w.eq_ignore_ascii_case("none"))
        }) && !caps.name("verb").is_some_and(|v| {
            v.as_str().eq_ignore_ascii_case("killed") || v.as_str().eq_ignore_ascii_case("died")
        }) {
            continue;
        }
        let head = sentence[..whole.start()].to_lowercase();
        // "no immediate reports of casualties" asserts nothing.
        if head.trim_end().ends_with("reports of")
            || head.trim_end().ends_with("word of")
            || head.trim_end().ends_with("word on")
        {
            continue;
        }
        let fields: &[ClaimField] = if let Some(kverb) = caps.name("kverb") {
            // "the rocket killed no one", "injuring nobody"
            if kverb.as_str().to_ascii_lowercase().starts_with("kill") {
                &[ClaimField::Killed]
            } else {
                &[ClaimField::Wounded]
            }
        } else if let Some(without) = caps.name("without") {
            // "without causing casualties", "without injuries".
            let what = without.as_str().to_ascii_lowercase();
            if what.ends_with("deaths") || what.ends_with("fatalities") {
                &[ClaimField::Killed]
            } else {
                &[ClaimField::Killed, ClaimField::Wounded]
            }
        } else if let Some(what) = caps.name("what") {
            match what.as_str().to_lowercase().as_str() {
                "deaths" | "fatalities" | "dead" => &[ClaimField::Killed],
                // "no one was injured" is a wounded zero; "there were no injuries" after an
                // attack tells that nobody was hurt at all, as "no casualties" does.
                "injured" => &[ClaimField::Wounded],
                _ => &[ClaimField::Killed, ClaimField::Wounded],
            }
        } else {
            match caps
                .name("verb")
                .map(|v| v.as_str().to_lowercase())
                .as_deref()
            {
                Some("killed" | "died") => &[ClaimField::Killed],
                // "No one was injured", "nobody was wounded": about everyone, as "no one was
                // hurt" is, it tells that nobody died either (dropped below when the sentence
                // tells deaths: "two guards were killed and no one was injured"). A group ("no
                // civilians were injured") or the rest ("no one else") may still have dead.
                Some("injured" | "wounded") if everyone_unhurt(&caps) => {
                    injuries_zero_spans.push([whole.start(), whole.end()]);
                    &[ClaimField::Killed, ClaimField::Wounded]
                }
                Some("injured" | "wounded") => &[ClaimField::Wounded],
                _ => &[ClaimField::Killed, ClaimField::Wounded],
            }
        };
        let span = [whole.start(), whole.end()];
        covered.push(span);
        // "no injuries" speaks of the hurt: it is a killed zero too only when it is about
        // everyone ("there were no injuries"), not one group ("no injuries among the
        // troops"), and when the sentence tells no deaths (checked below).
        let fields = if whole.as_str().to_ascii_lowercase().ends_with("injuries") {
            if sentence[whole.end()..]
                .trim_start()
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("among"))
            {
                &[ClaimField::Wounded]
            } else {
                injuries_zero_spans.push(span);
                fields
            }
        } else {
            fields
        };
        for &field in fields {
            claims.push(ClaimMention {
                field,
                value: 0,
                qualifier: None,
                attributed_to: None,
                span,
                attribution_span: None,
                subset: false,
            });
        }
    }

    let figs: Vec<Figure> = figures(sentence, &lower, &hits)
        .into_iter()
        .filter(|f| covered.iter().all(|c| f.num_end <= c[0] || c[1] <= f.start))
        .collect();
    // The text between figure k's noun and figure k+1, and whether it chains them into one
    // list under one verb ("two soldiers and a medic were killed").
    let gap_after =
        |k: usize| &sentence[figs[k].noun_end.min(figs[k + 1].start)..figs[k + 1].start];
    let chains_to_next = |k: usize| {
        k + 1 < figs.len()
            && figs[k].after.is_none()
            && figs[k + 1].before.is_none()
            && !figs[k + 1].subset_before
            // "put the number of dead at 40 and 60 others were hurt": a figure with a
            // predicate of another casualty is no item of the list before it.
            && !matches!(
                (figs[k].before, figs[k + 1].after),
                (Some(f), Some((Role::Casualty(g), _, _))) if f != g
            )
            && joins(gap_after(k))
    };

    // Group figures joined by "and"/commas into lists under one verb. A group with its own
    // qualifier ("and about 170 villagers") or a vague one ("dozens of") is not summed with
    // its neighbours: it becomes its own claim under the same verb.
    let mut i = 0;
    let mut carried: Option<ClaimField> = None;
    while i < figs.len() {
        // "two or three militants", "10 to 12 people", "between 12 and 15 people": a range
        // by one source, not a sum. Both ends become claims; the event's range spans them.
        if let Some(next) = figs.get(i + 1)
            && let Some(field) = range_role(sentence, &figs[i], next, carried)
        {
            let start = match figs[i].before {
                Some(_) => verb_start(&sentence[..figs[i].start]).unwrap_or(figs[i].start),
                None => figs[i].start,
            };
            let end = match next.after {
                Some((_, e, _)) => e,
                None => next.noun_end,
            };
            // Each end has its own span ("killing two", "three suspected militants"): an
            // event keeps one claim per span and field.
            for (f, end_name, span) in [
                (&figs[i], "low end of a range", [start, figs[i].num_end]),
                (next, "high end of a range", [next.start, end]),
            ] {
                claims.push(ClaimMention {
                    field,
                    value: f.value,
                    qualifier: Some(f.qualifier.clone().unwrap_or_else(|| end_name.to_string())),
                    attributed_to: None,
                    span,
                    attribution_span: None,
                    subset: false,
                });
            }
            carried = None;
            i += 2;
            continue;
        }
        let mut j = i;
        let mut split = false;
        while chains_to_next(j) {
            // Different qualifiers ("more than 170 Afghans and 13 US troops") make separate
            // groups; two bare figures ("four U.S. soldiers and two members of …") are summed.
            if figs[j].vague || figs[j + 1].vague || figs[j].qualifier != figs[j + 1].qualifier {
                split = true;
                break;
            }
            j += 1;
        }
        // "killed the contractor, an interpreter, and wounded …": figures joined by commas
        // alone are an appositive or an aside; a list of victims closes with "and". A
        // headline drops the "and": "Two soldiers, one medic killed in ambush" (no full stop,
        // no verb before the list, a predicate after it).
        let headline_list =
            is_headline(sentence, offset) && figs[i].before.is_none() && figs[j].after.is_some();
        if j > i
            && !headline_list
            && !(i..j).any(|k| {
                gap_after(k)
                    .split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.eq_ignore_ascii_case("and"))
            })
        {
            j = i;
            split = false;
        }
        let group = &figs[i..=j];
        let first = &group[0];
        let last = &group[group.len() - 1];
        let mut role = match (first.before.or(carried), last.after) {
            (_, Some((Role::Munition, _, _))) if group.len() == 1 => Some(Role::Munition),
            (Some(f), _) => Some(Role::Casualty(f)),
            (None, Some((Role::Casualty(f), _, _))) => Some(Role::Casualty(f)),
            _ => None,
        };
        // "Thirteen soldiers and at least 60 civilians were killed": groups split by their
        // qualifiers share the predicate after the last of them.
        if role.is_none()
            && split
            && !first.subset_before
            && gap_after(j).trim().eq_ignore_ascii_case("and")
        {
            let mut k = j + 1;
            while chains_to_next(k) {
                k += 1;
            }
            if let Some((Role::Casualty(f), _, false)) = figs[k].after {
                role = Some(Role::Casualty(f));
            }
        }
        carried = match role {
            Some(Role::Casualty(f)) if split => Some(f),
            _ => None,
        };
        let subset_among = last.after.is_some_and(|(_, _, s)| s);
        match role {
            Some(Role::Casualty(field)) => {
                let value = group
                    .iter()
                    .fold(0u32, |acc, f| acc.saturating_add(f.value));
                // "killed six people, three soldiers, two policemen and a worker": a total
                // ("people"), a comma, and parts that add up to it make a breakdown.
                let parts = value.saturating_sub(first.value);
                let total = total_noun(&sentence[first.num_end..first.noun_end.max(first.num_end)]);
                let value = if group.len() >= 2
                    && total.is_some()
                    && parts == first.value
                    && breakdown_follows(
                        &sentence[first.num_end..first.noun_end.max(first.num_end)],
                        &sentence[first.noun_end.min(group[1].start)..group[1].start],
                        &group[1..]
                            .iter()
                            .map(|f| &sentence[f.num_end.min(f.noun_end)..f.noun_end])
                            .collect::<Vec<_>>(),
                        total == Some(TotalNoun::Population),
                    ) {
                    first.value
                } else {
                    value
                };
                let mut end = match last.after {
                    Some((_, e, _)) => e,
                    None => last.noun_end,
                };
                let mut value = value;
                // "killed two officers and their driver": one more victim named by a
                // possessive, with no figure of its own.
                if last.after.is_none()
                    && !last.vague
                    && let Some(e) = possessive_victim_after(sentence, &lower, last.noun_end)
                {
                    value = value.saturating_add(1);
                    end = e;
                } else if let Some((Role::Casualty(ClaimField::Killed), pend, false)) = last.after
                    && field == ClaimField::Killed
                    && !last.vague
                    && let Some(e) = companion_after_predicate(sentence, &lower, pend)
                {
                    // "two officers were killed, along with their driver"
                    value = value.saturating_add(1);
                    end = e;
                }
                let start = match first.before {
                    Some(_) => verb_start(&sentence[..first.start]).unwrap_or(first.start),
                    None => first.start,
                };
                // "one of its fighters was among the dead": a group's count of its own
                // dead is that source's figure, not a part of another source's total.
                let subset = first.subset_before
                    || (subset_among
                        && !(group.len() == 1
                            && first.before.is_none()
                            && counts_own_members(&sentence[first.num_end..first.noun_end])));
                if cumulative_total(sentence, [start, end]) {
                    i = j + 1;
                    continue;
                }
                claims.push(ClaimMention {
                    field,
                    value,
                    qualifier: first.qualifier.clone(),
                    attributed_to: None,
                    span: [start, end],
                    attribution_span: None,
                    subset,
                });
            }
            Some(Role::Munition) => {
                let end = first.after.map(|(_, e, _)| e).unwrap_or(first.noun_end);
                claims.push(ClaimMention {
                    field: ClaimField::Munitions,
                    value: first.value,
                    qualifier: first.qualifier.clone(),
                    attributed_to: None,
                    span: [first.start, end],
                    attribution_span: None,
                    subset: false,
                });
            }
            None => {
                // "including four commanders" after a casualty figure: a subset of that field.
                if group.len() == 1 && first.subset_before && !first.weak {
                    let field = claims
                        .iter()
                        .rev()
                        // "Dozens of people, including at least seven in a convoy, were
                        // killed": the total's span holds its aside.
                        .find(|c| c.field != ClaimField::Munitions && c.span[0] < first.start)
                        .map(|c| c.field);
                    if let Some(field) = field {
                        claims.push(ClaimMention {
                            field,
                            value: first.value,
                            qualifier: first.qualifier.clone(),
                            attributed_to: None,
                            span: [first.start, first.noun_end],
                            attribution_span: None,
                            subset: true,
                        });
                    }
                }
            }
        }
        i = j + 1;
    }

    if ["a second ", "a third ", "a fourth ", "a fifth ", "a sixth "]
        .iter()
        .any(|o| lower.contains(o))
        && let Some(caps) = NTH_DEATH.for_text(sentence).captures(sentence)
        // An aside that opens a clause of its own ("a third soldier, who was hurt in an
        // earlier attack, died") is no description of this victim's death; one that only
        // names or describes the victim ("a second soldier, identified as Ali Hassan, died")
        // is. A participle phrase without commas has no bounds, so a relative word anywhere
        // in it opens another clause ("a second man wounded when a shell hit the car that
        // killed his driver died" is not read).
        && !caps.name("aside").is_some_and(|aside| {
            let mut words = aside
                .as_str()
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase);
            let opens_clause = |w: &str| {
                matches!(w, "which" | "who" | "where" | "when" | "whom" | "after")
            };
            if aside.as_str().trim_start().starts_with(',') {
                words.next().is_some_and(|w| opens_clause(&w))
            } else {
                words.any(|w| matches!(w.as_str(), "which" | "who" | "when"))
            }
        })
    {
        let whole = caps.get(0).expect("group 0");
        let value = match caps["ord"].to_ascii_lowercase().as_str() {
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            _ => 6,
        };
        // The one death it tells ("a second man … died") is the count's last, and the one
        // wounded it may tell ("a second man wounded in the blast died") is that same man.
        claims.retain(|c| {
            let inside = c.span[0] < whole.end() && c.span[1] > whole.start();
            !inside
                || !(c.field == ClaimField::Killed
                    || (c.field == ClaimField::Wounded && c.value == 1))
        });
        claims.push(ClaimMention {
            field: ClaimField::Killed,
            value,
            qualifier: None,
            attributed_to: None,
            span: [whole.start(), whole.end()],
            attribution_span: None,
            subset: false,
        });
    }
    if !claims.iter().any(|c| c.field == ClaimField::Killed)
        && let Some(span) = named_victim_killed(sentence, &lower, published_year)
    {
        claims.push(ClaimMention {
            field: ClaimField::Killed,
            value: 1,
            qualifier: Some(NAMED_VICTIM_QUALIFIER.to_string()),
            attributed_to: None,
            span,
            attribution_span: None,
            subset: false,
        });
    }
    if claims
        .iter()
        .any(|c| c.field == ClaimField::Killed && c.value > 0)
    {
        claims.retain(|c| {
            !(c.field == ClaimField::Killed
                && c.value == 0
                && injuries_zero_spans.contains(&c.span))
        });
    }
    claims.sort_by_key(|c| c.span[0]);
    if claims.is_empty() {
        return claims;
    }
    let attributions = attributions(sentence, &lower);
    for c in &mut claims {
        if let Some((who, span)) = pick_attribution(&attributions, c.span) {
            c.attributed_to = Some(who);
            c.attribution_span = Some([span[0] + offset, span[1] + offset]);
        }
        c.span = [c.span[0] + offset, c.span[1] + offset];
    }
    claims
}

/// True when the subject of a zero match of [`ZERO`] is everyone: "no one", "nobody" (not
/// "no one else", "no soldiers").
fn everyone_unhurt(caps: &Captures<'_>) -> bool {
    caps.name("nobody").is_some_and(|who| {
        let who: Vec<&str> = who.as_str().split_whitespace().collect();
        matches!(
            who.as_slice(),
            [no, one] if no.eq_ignore_ascii_case("no") && one.eq_ignore_ascii_case("one")
        ) || matches!(who.as_slice(), [nobody] if nobody.eq_ignore_ascii_case("nobody"))
    })
}

/// A person named and then killed: "Yacoub was killed on Wednesday", "activist Ali Hassan was
/// shot dead", "Hisham al-Hashimi, who was gunned down outside his home". The name (one to
/// four capitalised words, with "al-"/"bin"-style particles) is the subject of a singular
/// passive that tells a killing; that is a toll of one. Pronouns, "nobody" and a name after
/// an article ("the", "a": read as a figure already) are not.
static NAMED_VICTIM: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?P<pre>\b[\p{L}]+\s+)?(?P<name>(?:(?:[A-Z][\p{L}'’-]*|(?:al|el|bin|ibn|abu|abd|bint)[\s-][A-Z][\p{L}'’-]*)\s+){0,3}(?:[A-Z][\p{L}'’-]*|(?:al|el)-[A-Z][\p{L}'’-]*))(?P<who>,\s+who)?\s+(?:was|has\s+been|had\s+been)\s+(?:(?:reportedly|allegedly|later|also|then)\s+)?(?:killed|slain|"
            .to_string()
            + &killing_phrases_pattern()
            + r")\b",
    )
});

/// The active form: "gunmen shot dead Hisham al-Hashimi, a researcher", "killed activist Ali
/// Hassan outside his home". Up to three lower-case title words may stand between the verb
/// and the name; after the name comes a comma, the end, or a word that opens an adverbial
/// or a list, so that "killed Iraqi soldiers" (an adjective of a plural noun) is not read.
static NAMED_OBJECT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?P<aux>\b[\p{L}]+\s+)?\b(?:killed|".to_string()
            + &killing_phrases_pattern()
            + r")\s+(?P<titles>(?:[a-z][\p{L}-]*\s+){0,3})(?P<name>(?:(?:[A-Z][\p{L}'’-]*|(?:al|el|bin|ibn|abu|abd|bint)[\s-][A-Z][\p{L}'’-]*)\s+){0,3}(?:[A-Z][\p{L}'’-]*|(?:al|el)-[A-Z][\p{L}'’-]*))(?P<next>\s*[,.;:]|\s*$|\s+(?:in|on|at|near|outside|inside|as|when|while|after|during|and|late|early|last|earlier|with|from)\b)",
    )
});

/// Words that may not stand between a killing verb and the name it governs: they open a
/// place, a time or a figure ("killed in Basra", "killed two Americans").
fn not_a_title(w: &str) -> bool {
    is_stop(w)
        || is_aux(w)
        || parse_quantity(w).is_some()
        || matches!(
            w,
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "by" | "for" | "to" | "and"
        )
}

/// A time that puts a killing long before: "last year", "years ago", "a decade earlier". A
/// named person killed then is a background figure (a leader killed long ago, a cause of
/// revenge), not today's toll. A year ("in 2019", "in January 2020") is read apart, in
/// `dated_to_the_past`: only a year before the story's own is the past.
static PAST_TIME: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:ago|last\s+(?:year|month|decade|summer|winter|spring|autumn|fall)|(?:the\s+)?(?:previous|prior)\s+(?:year|month|decade)|(?:years?|months?|decades?)\s+(?:earlier|before|previously))\b",
    )
});

static YEAR: LazyLock<WordRegex> = LazyLock::new(|| WordRegex::new(r"\b(?:19|20)\d\d\b"));

/// The rest of the clause after byte `from`: up to the next comma, semicolon or full stop.
fn clause_after(sentence: &str, from: usize) -> &str {
    let rest = &sentence[from..];
    let end = rest.find([',', ';', '.']).unwrap_or(rest.len());
    &rest[..end]
}

/// `clause` dates a killing before the story: a past time phrase, or a year earlier than
/// `published_year` ("killed in May 2021" in a 2021 story is this year's news). With no
/// publication year every year counts as the past, as before the year was known here.
fn dated_to_the_past(clause: &str, published_year: Option<i32>) -> bool {
    PAST_TIME.for_text(clause).is_match(clause)
        || YEAR
            .for_text(clause)
            .find_iter(clause)
            .any(|y| published_year.is_none_or(|p| y.as_str().parse::<i32>().is_ok_and(|y| y < p)))
}

/// The sentence names an attack (a trigger word of any kind) outside `start..end`.
fn attack_told_outside(sentence: &str, start: usize, end: usize) -> bool {
    let tokens = crate::extract::triggers::tokenize(sentence, [0, sentence.len()]);
    crate::extract::triggers::find_triggers(&tokens)
        .iter()
        .any(|t| t.span[1] <= start || t.span[0] >= end)
}

/// The qualifier of a toll of one read from a named victim ("Karimov was killed"): the
/// person is one of the dead, so an event's range leaves the claim out when any other claim
/// gives its toll (see `Event::recompute_ranges`).
pub const NAMED_VICTIM_QUALIFIER: &str = "named victim";

/// `lower` is `sentence` with ASCII letters lower-cased.
fn named_victim_killed(sentence: &str, lower: &str, published_year: Option<i32>) -> Option<Span> {
    if let Some(span) = named_object_killed(sentence, lower, published_year) {
        return Some(span);
    }
    // Most sentences hold no singular passive at all: skip the regex for them.
    if !(sentence.contains(" was ") || sentence.contains(" been ")) {
        return None;
    }
    for caps in NAMED_VICTIM.for_text(sentence).captures_iter(sentence) {
        let name = caps.name("name").expect("name group");
        let first = name
            .as_str()
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_lowercase();
        let pronoun_or_none = matches!(
            first.as_str(),
            "he" | "she"
                | "it"
                | "they"
                | "who"
                | "this"
                | "that"
                | "nobody"
                | "no"
                | "none"
                | "someone"
                | "somebody"
                | "anyone"
                | "everyone"
                | "one"
                | "each"
                | "i"
                | "we"
                | "you"
        );
        let after_article = caps.name("pre").is_some_and(|pre| {
            matches!(
                pre.as_str().trim().to_lowercase().as_str(),
                "the" | "a" | "an" | "if" | "whether" | "not"
            )
        });
        let whole = caps.get(0).expect("group 0");
        // "Soleimani, who was killed in a strike": a relative clause describing someone is
        // background unless the sentence tells an attack besides the killing itself.
        let background_aside = caps.name("who").is_some()
            && !attack_told_outside(sentence, whole.start(), whole.end());
        if !pronoun_or_none
            && !after_article
            && !background_aside
            && !dated_to_the_past(clause_after(sentence, whole.end()), published_year)
        {
            let start = caps.name("pre").map_or(whole.start(), |pre| pre.end());
            return Some([start, whole.end()]);
        }
    }
    None
}

fn named_object_killed(sentence: &str, lower: &str, published_year: Option<i32>) -> Option<Span> {
    if !KILLING_LAST_WORDS.iter().any(|w| lower.contains(w)) {
        return None;
    }
    for caps in NAMED_OBJECT.for_text(sentence).captures_iter(sentence) {
        // "were killed Monday": a passive with a weekday after it, not an object. "the drone
        // strike that killed General X": a relative clause that names which strike is meant
        // (a background reference whose toll is told elsewhere, if at all), not a toll.
        if caps.name("aux").is_some_and(|aux| {
            let w = aux.as_str().trim().to_lowercase();
            is_aux(&w) || w == "that" || w == "which"
        }) {
            continue;
        }
        let titles_ok = caps
            .name("titles")
            .is_none_or(|t| t.as_str().split_whitespace().all(|w| !not_a_title(w)));
        let name = caps.name("name").expect("name group").as_str();
        let first = name.split_whitespace().next().unwrap_or_default();
        let time_word = first.parse::<chrono::Weekday>().is_ok()
            || crate::corpus::header::month_number(&first.to_lowercase()).is_some();
        let end = caps.name("name").expect("name group").end();
        if titles_ok
            && !time_word
            && !dated_to_the_past(clause_after(sentence, end), published_year)
        {
            let whole = caps.get(0).expect("group 0");
            let start = caps.name("aux").map_or(whole.start(), |aux| aux.end());
            return Some([start, end]);
        }
    }
    None
}

/// A war's or a period's running total in the clause of a figure: "since 2009", "since
/// October", "so far this year", "over the past two years", "to date". Not "the deadliest
/// attack since 2017", where "since" dates a superlative.
static CUMULATIVE_PERIOD: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:since\s+(?:(?:early|late|mid)[- ]?)?(?:(?:19|20)\d\d\b|january|february|march|april|may|june|july|august|september|october|november|december|jan\.|feb\.|aug\.|sept?\.|oct\.|nov\.|dec\.|the\s+(?:start|beginning|outbreak)\b|the\s+(?:war|conflict|invasion|uprising|insurgency)\b|(?:it|the\s+(?:war|conflict|offensive|campaign|invasion|insurgency|uprising|siege))\s+(?:began|started)\b|then\b)|so\s+far\s+this\s+(?:year|month)\b|this\s+year\s+alone\b|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:[\w-]+\s+)?(?:years?|months?|decades?|weeks?)\b|to\s+date\b)",
    )
});

/// Periods that make a running total only with a perfect tense: "have been killed in the
/// fighting", "more than 300 have died this year". In the simple past they place one
/// attack ("were killed in the fighting after militants attacked", "a bombing earlier this
/// month killed nine").
static PERFECT_PERIOD: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?:in|during)\s+the\s+(?:fighting|war|conflict)\b|this\s+(?:year|month)(?:[^'\w\x{2019}]|$))",
    )
});

/// A perfect auxiliary: "has", "have", "had" ("have been killed", "has killed").
static PERFECT_AUX: LazyLock<WordRegex> =
    LazyLock::new(|| WordRegex::new(r"(?i)\b(?:has|have|had|'ve)\b"));

/// "The insurgency has killed", "the war in Yemen, which began in 2015, has killed": a
/// conflict as the subject of a perfect tense counts all its dead, not one attack's.
static CONFLICT_SUBJECT: LazyLock<WordRegex> = LazyLock::new(|| {
    WordRegex::new(
        r"(?i)\b(?:(?:the|this|a|its|their)\s+)?(?:[\w-]+\s+)?(?:war|conflict|insurgency|violence|uprising|unrest|rebellion|revolt|occupation)(?:\s+in\s+[\w'-]+(?:\s+[\w'-]+)?)?(?:\s*,[^.;]{0,80},)?\s+(?:has|have|had)\s+(?:now\s+|also\s+|so\s+far\s+|already\s+)?$",
    )
});

/// The last words that [`CONFLICT_SUBJECT`] can end with.
const CONFLICT_SUBJECT_LAST: &[&str] = &["has", "have", "had", "now", "also", "far", "already"];

/// True when the casualty claim at `span` is a running total of a war or a period rather
/// than the toll of one attack (see [`CUMULATIVE_PERIOD`] and [`CONFLICT_SUBJECT`]).
fn cumulative_total(sentence: &str, span: Span) -> bool {
    let head = tail_window(sentence, span[0], 160);
    // The pattern ends with "has/have/had" and an optional adverb.
    let may_have_subject = may_end_with(head, CONFLICT_SUBJECT_LAST);
    let subject_text = if may_have_subject { head } else { "" };
    if let Some(m) = CONFLICT_SUBJECT.for_text(subject_text).find(subject_text) {
        // "the deadliest attack of the war has killed": the conflict is a complement there.
        let prev = head[..m.start()]
            .split_whitespace()
            .next_back()
            .map(|w| lower_word(w.trim_matches(|c: char| !c.is_alphanumeric())));
        if !prev.is_some_and(|p| {
            matches!(
                p.as_ref(),
                "of" | "in" | "during" | "since" | "to" | "from" | "for" | "by"
            )
        }) {
            return true;
        }
    }
    // The clause of the figure: from the comma (followed by a space) before it to the one
    // after it ("36,000" keeps its comma).
    let clause_start = sentence[..span[0]]
        .rfind([';', ':', '('])
        .into_iter()
        .chain(sentence[..span[0]].rfind(", ").map(|i| i + 1))
        .max()
        .map_or(0, |i| i + 1);
    let after = &sentence[span[1]..];
    let clause_end = span[1]
        + [after.find(", "), after.find(';'), after.find(':')]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(after.len());
    let clause = &sentence[clause_start..clause_end];
    let figure_at = span[0] - clause_start;
    // "The deaths bring to 60 the number of soldiers killed this month": a count brought up
    // to date is a running total as a perfect tense is.
    let perfect = PERFECT_AUX.for_text(clause).is_match(clause)
        || contains_ignore_ascii_case(clause, "bring")
        || contains_ignore_ascii_case(clause, "brought");
    let periods = CUMULATIVE_PERIOD.for_text(clause).find_iter(clause).chain(
        PERFECT_PERIOD
            .for_text(clause)
            .find_iter(if perfect { clause } else { "" })
            // "earlier this month", "later this year": a date of one attack.
            .filter(|m| {
                !clause[..m.start()]
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| {
                        matches!(
                            lower_word(w.trim_matches(|c: char| !c.is_alphanumeric())).as_ref(),
                            "earlier" | "later" | "early" | "late"
                        )
                    })
            }),
    );
    periods.into_iter().any(|m| {
        let before = &clause[..m.start()];
        // Before the figure, the period must open the clause ("Since 2014 more than 300
        // people have been killed"); elsewhere it dates another phrase ("an attack on the
        // capital since the start of the war killed 33").
        if m.start() < figure_at
            && !before
                .split_whitespace()
                .all(|w| w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("but"))
        {
            return false;
        }
        // "the worst attack since 2017", "the first … since": a superlative before "since".
        !before.split_whitespace().rev().take(10).any(|w| {
            let w = lower_word(w.trim_matches(|c: char| !c.is_alphanumeric()));
            (w.ends_with("est")
                && w.len() > 4
                && !matches!(
                    w.as_ref(),
                    "arrest" | "protest" | "interest" | "request" | "contest" | "west"
                ))
                || matches!(w.as_ref(), "worst" | "first" | "most")
        })
    })
}

/// `head` ends with "for the deaths of" or "for the killing of" after an accusation
/// ("responsible", "blamed", "accused", "convicted" … within three words): the deaths are
/// the charge against someone, not the toll told.
fn accused_for_deaths(head: &str) -> bool {
    let h = head.trim_end().to_ascii_lowercase();
    let Some(rest) = h
        .strip_suffix("for the deaths of")
        .or_else(|| h.strip_suffix("for the killing of"))
    else {
        return false;
    };
    rest.split_whitespace().rev().take(3).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_alphabetic());
        matches!(
            w,
            "responsible"
                | "blamed"
                | "blame"
                | "blames"
                | "blaming"
                | "accused"
                | "accuses"
                | "accusing"
                | "charged"
                | "convicted"
                | "guilty"
                | "indicted"
                | "sentenced"
        )
    })
}

/// The casualty field of a range written as two figures: "two or three", "10 to 12",
/// "between 12 and 15" (a bare first figure, then the second right after the joining word).
fn range_role(
    sentence: &str,
    first: &Figure,
    second: &Figure,
    carried: Option<ClaimField>,
) -> Option<ClaimField> {
    if first.noun_end > first.num_end || first.vague || second.vague || second.before.is_some() {
        return None;
    }
    let gap = sentence[first.num_end..second.start].trim();
    let between = || {
        sentence[..first.start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.eq_ignore_ascii_case("between"))
    };
    let joined = gap.eq_ignore_ascii_case("or")
        || gap.eq_ignore_ascii_case("to")
        || (gap.eq_ignore_ascii_case("and") && between());
    if !joined || second.value <= first.value {
        return None;
    }
    match (first.before.or(carried), second.after) {
        (Some(f), _) => Some(f),
        (None, Some((Role::Casualty(f), _, false))) => Some(f),
        _ => None,
    }
}

fn verb_start(head: &str) -> Option<usize> {
    verb_before(head).and_then(|c| {
        c.name("k")
            .or_else(|| c.name("w"))
            .or_else(|| c.name("t"))
            .or_else(|| c.name("tc"))
            .or_else(|| c.name("tw"))
            .map(|m| m.start())
    })
}

/// Attribution phrases in a sentence: (who, span, position of the speech verb).
/// `lower` is `sentence` with ASCII letters lower-cased.
fn attributions(sentence: &str, lower: &str) -> Vec<(String, Span, usize)> {
    let mut out: Vec<(String, Span, usize)> = Vec::new();
    // "according" holds no letter that a non-ASCII one folds onto ("ſ" → "s", "K" → "k"), so
    // the literal word gates the regex exactly.
    let according_text = if lower.contains("according") {
        sentence
    } else {
        ""
    };
    for caps in ACCORDING
        .for_text(according_text)
        .captures_iter(according_text)
    {
        let who = caps.name("who").expect("who group");
        let end = who.start() + sentence_end_len(who.as_str());
        if let Some((name, span)) = clean_source(sentence, [who.start(), end]) {
            out.push((name, span, caps.get(0).expect("group 0").start()));
        }
    }
    // Its verbs are literal words: most sentences hold none of them. ("ſ" folds onto "s" in
    // a case-insensitive regex, so text holding it is always searched.)
    let may_say_after = ["said", "says", "told", "added"]
        .iter()
        .any(|v| lower.contains(v))
        || sentence.contains('ſ');
    let said_text = if may_say_after { sentence } else { "" };
    for caps in SAID_AFTER.for_text(said_text).captures_iter(said_text) {
        let who = caps.name("who").expect("who group");
        // "…, said the raids killed six": a reported clause, not an inverted source.
        if who
            .as_str()
            .split_whitespace()
            .any(|w| CLAUSE_WORDS.contains(&lower_word(w).as_ref()))
        {
            continue;
        }
        if let Some((name, span)) = clean_source(sentence, [who.start(), who.end()]) {
            out.push((name, span, caps.get(0).expect("group 0").start()));
        }
    }
    for m in SPEECH.for_text(sentence).find_iter(sentence) {
        // "casualties were reported" is passive: no source named.
        let prev = sentence[..m.start()]
            .split_whitespace()
            .next_back()
            .map(lower_word);
        if prev
            .as_deref()
            .is_some_and(|p| matches!(p, "was" | "were" | "been" | "is" | "are" | "be" | "being"))
        {
            continue;
        }
        // "claimed the lives of", "claimed responsibility for": not a statement of a figure.
        if m.as_str().eq_ignore_ascii_case("claimed") {
            let mut next = sentence[m.end()..]
                .split_whitespace()
                .take(2)
                .map(|w| lower_word(w.trim_matches(|c: char| !c.is_alphanumeric())));
            let (first, second) = (next.next(), next.next());
            let not_a_statement = match first.as_deref() {
                Some("responsibility" | "credit") => true,
                // "claimed the lives of", "claimed 23 lives"
                _ => second.as_deref() == Some("lives"),
            };
            if not_a_statement {
                continue;
            }
        }
        // "the confirmed toll", "a reported 30 dead": a participle used as an adjective.
        if prev
            .as_deref()
            .is_some_and(|p| matches!(p, "the" | "a" | "an" | "its" | "their" | "his" | "her"))
        {
            continue;
        }
        if out
            .iter()
            .any(|(_, s, _)| s[0] <= m.start() && m.start() < s[1])
            || out
                .iter()
                .any(|(_, _, v)| *v < m.start() && m.start() - *v < 4)
        {
            continue;
        }
        if let Some((name, span)) = subject_before(sentence, m.start()) {
            out.push((name, span, m.start()));
        }
    }
    out.sort_by_key(|a| a.2);
    out
}

/// The source for a claim: the nearest attribution whose verb comes before the claim, else the
/// nearest after it.
fn pick_attribution(attrs: &[(String, Span, usize)], claim: Span) -> Option<(String, Span)> {
    let before = attrs.iter().filter(|a| a.2 < claim[0]).max_by_key(|a| a.2);
    let after = attrs.iter().filter(|a| a.2 >= claim[0]).min_by_key(|a| a.2);
    before.or(after).map(|a| (a.0.clone(), a.1))
}

/// Words that show a phrase is a clause, not a source name.
const CLAUSE_WORDS: &[&str] = &[
    "killed", "killing", "wounded", "wounding", "injured", "injuring", "dead", "died", "were",
    "was", "is", "are", "had", "has", "have", "hit", "struck", "would", "will", "fired",
    "launched", "carried", "that",
];

/// Capitalised words that make a phrase a name (the first word is skipped when it is an
/// article, since it is capitalised at a sentence start).
fn name_score(phrase: &str) -> usize {
    phrase
        .split_whitespace()
        .enumerate()
        .filter(|(i, w)| {
            w.starts_with(|c: char| c.is_uppercase())
                && !(*i == 0 && matches!(*w, "The" | "A" | "An"))
        })
        .count()
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "this", "that", "which", "who", "where", "when",
];

/// The subject of a speech verb: back from the verb to the sentence start or a clause break.
/// With an appositive ("The war monitor, the Syrian Observatory for Human Rights, said") the
/// most name-like segment wins.
fn subject_before(sentence: &str, verb: usize) -> Option<(String, Span)> {
    let head = &sentence[..verb];
    let cut = head
        .rfind([';', '"', '“', '”', '(', ')', ':'])
        .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let region_start = cut;
    let region = &head[region_start..];
    // The last three segments between commas, with byte starts, last first (only those can
    // hold the subject; reading from the back keeps this linear over a long text).
    let mut segments: [(usize, &str); 3] = [(0, ""); 3];
    let mut count = 0;
    let mut end = region.len();
    while count < 3 {
        match region[..end].rfind(',') {
            Some(comma) => {
                segments[count] = (region_start + comma + 1, &region[comma + 1..end]);
                end = comma;
            }
            None => {
                segments[count] = (region_start, &region[..end]);
                count += 1;
                break;
            }
        }
        count += 1;
    }
    let mut last = segments[0];
    // "X, an appositive, later said": adverbs alone between the last comma and the verb.
    if last.1.split_whitespace().all(is_speech_adverb) {
        last.1 = "";
    }
    // "The monitor, which first reported five dead, …": a relative clause's speaker is the
    // noun phrase before its comma.
    // Only adverbs may stand between the pronoun and the verb: in "which Iraq's military
    // said" the clause has a subject of its own.
    let mut relative = last.1.split_whitespace();
    if count >= 2
        && relative
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("which") || w.eq_ignore_ascii_case("who"))
        && relative.all(|w| is_speech_adverb(w) || w.eq_ignore_ascii_case("first"))
        && !segments[1]
            .1
            .trim_start()
            .get(..9)
            .is_some_and(|p| p.eq_ignore_ascii_case("according"))
    {
        let antecedent = segments[1];
        let len = subject_prefix_len(antecedent.1);
        return clean_source(sentence, [antecedent.0, antecedent.0 + len]);
    }
    // "The forces, to which the group belongs, gave a figure and said …": the verb is the
    // second of two sharing the subject before the asides (relative or prepositional).
    let trimmed = last.1.trim_end();
    if count >= 2
        && trimmed.len() > 4
        && trimmed.as_bytes()[trimmed.len() - 4..].eq_ignore_ascii_case(b" and")
        && last.1.trim_start().starts_with(|c: char| c.is_lowercase())
    {
        let subject = segments[1..count].iter().find(|(_, seg)| {
            let first = seg.split_whitespace().next().map(lower_word);
            !first.is_some_and(|w| {
                matches!(
                    w.as_ref(),
                    "which"
                        | "who"
                        | "whose"
                        | "where"
                        | "when"
                        | "to"
                        | "in"
                        | "of"
                        | "with"
                        | "for"
                )
            })
        });
        if let Some(&subject) = subject {
            let len = subject_prefix_len(subject.1);
            return clean_source(sentence, [subject.0, subject.0 + len]);
        }
        return None;
    }
    // "X, an appositive, said": X and the appositive. The head noun phrase names the source
    // unless it is a common noun ("The war monitor") and the appositive is a name.
    let best = if last.1.trim().is_empty() && count >= 3 {
        let (head, appositive) = (segments[2], segments[1]);
        if name_score(head.1) == 0 && name_score(appositive.1) > 0 {
            appositive
        } else {
            head
        }
    } else {
        last
    };
    let len = subject_prefix_len(best.1);
    clean_source(sentence, [best.0, best.0 + len])
}

/// "Iraq's Joint Operations Command counted 33 rockets and" -> "Iraq's Joint Operations
/// Command": a subject ends where a verb of its own clause begins (a clause word, or an "-ed"
/// verb followed by a figure or a determiner).
fn subject_prefix_len(candidate: &str) -> usize {
    let words: Vec<(usize, &str)> = candidate
        .split_inclusive(char::is_whitespace)
        .scan(0usize, |pos, raw| {
            let start = *pos;
            *pos += raw.len();
            Some((start, raw.trim_end()))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for (i, (start, w)) in words.iter().enumerate() {
        let lw = lower_word(w);
        let next = words.get(i + 1).map(|(_, n)| lower_word(n));
        let verb_like = lw.ends_with("ed")
            && !lw.contains('-')
            && w.starts_with(|c: char| c.is_lowercase())
            && next.as_deref().is_some_and(|n| {
                n.starts_with(|c: char| c.is_ascii_digit())
                    || parse_quantity(n).is_some()
                    || matches!(n, "the" | "a" | "an" | "its" | "their" | "his" | "her")
            });
        // "Iraq's military on Friday condemned …": a time phrase ends the subject.
        let time_phrase = matches!(lw.as_ref(), "on" | "late" | "early")
            && next.as_deref().is_some_and(is_weekday);
        // "the ministry said on Sunday the confirmed …": a speech verb ends the subject too.
        let speech = matches!(lw.as_ref(), "said" | "says" | "told" | "added");
        if CLAUSE_WORDS.contains(&lw.as_ref()) || verb_like || time_phrase || speech {
            return *start;
        }
    }
    candidate.len()
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w.trim_end_matches(|c: char| !c.is_alphanumeric()),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Adverbs that may stand between a source and its speech verb ("X, later said").
fn is_speech_adverb(w: &str) -> bool {
    let core = w.trim_matches(|c: char| !c.is_alphanumeric());
    let lower = lower_word(core);
    matches!(
        lower.as_ref(),
        "later" | "also" | "earlier" | "separately" | "previously" | "then"
    ) || (core.len() > 4 && core.ends_with("ly") && core.starts_with(|c: char| c.is_lowercase()))
}

/// Length of `s` up to the first full stop that ends a sentence (not "U.S." or "Gen.").
fn sentence_end_len(s: &str) -> usize {
    let mut pos = 0;
    for raw in s.split_inclusive(char::is_whitespace) {
        let token = raw.trim_end();
        if token.ends_with('.') && !is_abbreviation(token) {
            return pos + token.len() - 1;
        }
        pos += raw.len();
    }
    s.len()
}

/// Trims a source phrase: leading "the"/conjunctions, trailing time words and verbs; rejects
/// pronouns and phrases that are too long to be a source.
fn clean_source(sentence: &str, span: Span) -> Option<(String, Span)> {
    let text = &sentence[span[0]..span[1]];
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut pos = span[0];
    for raw in text.split_inclusive(char::is_whitespace) {
        let w = raw.trim_end();
        if !w.is_empty() {
            words.push((pos, w));
        }
        pos += raw.len();
    }
    const LEADING: &[&str] = &[
        "the", "and", "but", "while", "as", "which", "that", "also", "both",
    ];
    while let Some((_, w)) = words.first() {
        // A dash after a dateline ("BEIRUT (AFP) - The monitor said") is not part of the name.
        // The time stamp of a live bulletin ("0630 GMT - The militia says") is no part of
        // the name either.
        let time_stamp = w
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
            || matches!(w.to_ascii_uppercase().as_str(), "GMT" | "UTC");
        if LEADING.contains(&lower_word(w).as_ref())
            || !w.chars().any(char::is_alphanumeric)
            || time_stamp
        {
            words.remove(0);
        } else {
            break;
        }
    }
    const TRAILING: &[&str] = &[
        "on",
        "late",
        "early",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "yesterday",
        "today",
        "also",
        "later",
        "earlier",
        "had",
        "has",
        "have",
        "in",
        "a",
        "statement",
        "previously",
        "separately",
        "have",
        "it",
        "that",
        "who",
        "night",
        "morning",
        "last",
        // "Police first reported ten dead", "officials initially said".
        "first",
        "initially",
    ];
    while let Some((_, w)) = words.last() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if TRAILING.contains(&lw.as_str()) || lw.is_empty() {
            words.pop();
        } else {
            break;
        }
    }
    // "The Britain-based X" -> "X"; "X war monitor" -> "X" when X is a name.
    if words.len() > 1 && words[0].1.ends_with("-based") {
        words.remove(0);
    }
    for tail in [
        &["war", "monitor"][..],
        &["monitoring", "group"],
        &["monitor"],
    ] {
        let n = words.len();
        if n > tail.len() + 1
            && words[n - tail.len()..]
                .iter()
                .zip(tail)
                .all(|((_, w), t)| w.eq_ignore_ascii_case(t))
        {
            let rest: Vec<&str> = words[..n - tail.len()].iter().map(|(_, w)| *w).collect();
            if name_score(&rest.join(" ")) >= 2 {
                words.truncate(n - tail.len());
            }
            break;
        }
    }
    if words.is_empty() || words.len() > 12 {
        return None;
    }
    let first = words[0].1.to_lowercase();
    if words.len() == 1 && PRONOUNS.contains(&first.as_str()) {
        return None;
    }
    let start = words[0].0;
    let (last_start, last) = words[words.len() - 1];
    let last_trim = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    let end = last_start + last_trim.len();
    let name = sentence[start..end].to_string();
    if name.is_empty() {
        return None;
    }
    Some((name, [start, end]))
}

/// The only casualty words of the sentence are an estimate of a bare noun or pronoun ("The
/// Pentagon put the number at more than a dozen", "local media put it at 300"): its figure
/// counts whatever the sentence before counted, which may be missiles as well as the dead.
pub fn estimates_an_earlier_count(sentence: &str) -> bool {
    const BARE: [&str; 5] = [
        "put it at",
        "puts it at",
        "the number at",
        "the total at",
        "the figure at",
    ];
    let mut hits = PRECHECK.find_iter(sentence).peekable();
    hits.peek().is_some()
        && hits.all(|m| {
            BARE.iter()
                .any(|b| sentence[m.start()..m.end()].eq_ignore_ascii_case(b))
        })
}

/// The attribution of a whole sentence (the first one found), for callers that carry a source
/// over to a following figure sentence. `offset` is added to the span.
pub fn find_attribution(sentence: &str, offset: usize) -> Option<(String, Span)> {
    attributions(sentence, &sentence.to_ascii_lowercase())
        .into_iter()
        .next()
        .map(|(who, s, _)| (who, [s[0] + offset, s[1] + offset]))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (field, value, qualifier, attributed_to, subset) for compact assertions.
    type Row = (ClaimField, u32, Option<String>, Option<String>, bool);

    fn rows(sentence: &str) -> Vec<Row> {
        find_claims(sentence, 0)
            .into_iter()
            .map(|c| (c.field, c.value, c.qualifier, c.attributed_to, c.subset))
            .collect()
    }

    #[test]
    fn every_pattern_compiles_in_both_forms() {
        for re in [
            &NUMBER_PHRASE,
            &ZERO,
            &VERB_BEFORE,
            &TOLL_BEFORE,
            &RISEN_TO,
            &SUBSET_ASIDE,
            &NTH_DEATH,
            &SUBSET_BEFORE,
            &SPEECH,
            &ACCORDING,
            &SAID_AFTER,
            &NAMED_VICTIM,
            &NAMED_OBJECT,
            &PAST_TIME,
            &YEAR,
            &CUMULATIVE_PERIOD,
            &PERFECT_PERIOD,
            &PERFECT_AUX,
            &CONFLICT_SUBJECT,
        ] {
            // The ASCII form serves ASCII text, the Unicode one text with an accented letter.
            assert!(!re.for_text("x").is_match(""));
            assert!(!re.for_text("\u{e9}").is_match(""));
        }
    }

    fn row(field: ClaimField, value: u32, q: Option<&str>, who: Option<&str>) -> Row {
        (
            field,
            value,
            q.map(str::to_string),
            who.map(str::to_string),
            false,
        )
    }

    use ClaimField::{Killed, Munitions, Wounded};

    #[test]
    fn digits_after_any_month_name_are_a_day_not_a_count() {
        for month in ["jun", "jul", "june", "sept", "dec.", "march"] {
            assert!(is_day_of_month("4", Some(month)), "{month}");
        }
        for word in ["mayor", "killing", "ma"] {
            assert!(!is_day_of_month("4", Some(word)), "{word}");
        }
        assert!(!is_day_of_month("400", Some("june")));
    }

    #[test]
    fn a_bracketed_gloss_after_the_victims_does_not_end_the_phrase() {
        for sentence in [
            "Nine fighters of the Syrian Democratic Forces (SDF) were killed in an ambush.",
            "11 members of the Popular Mobilisation Forces (PMF) were slain near Tikrit on Saturday.",
            "Four civilians (two women and two children) died when a shell hit their home.",
        ] {
            let killed: Vec<u32> = killed_values(sentence);
            assert_eq!(
                killed.first().copied(),
                Some(if sentence.starts_with('N') {
                    9
                } else if sentence.starts_with('1') {
                    11
                } else {
                    4
                }),
                "{sentence}"
            );
        }
        // An aside that does not close within a few words still ends the phrase.
        assert!(killed_values(
            "Nine men (some of whom, according to relatives of the families, were farmers) were killed."
        )
        .is_empty());
    }

    #[test]
    fn none_of_a_group_killed_is_a_zero() {
        assert_eq!(
            values("The militia said none of its fighters had been killed."),
            vec![(Killed, 0)]
        );
        assert_eq!(
            values("None of them died, the ministry said."),
            vec![(Killed, 0)]
        );
        // One group unhurt says nothing of the others an attack may have hurt.
        assert!(values("Britain said none of its troops were hurt.").is_empty());
        assert!(values("None were injured at the embassy.").is_empty());
        // "none" as a pronoun of something else is no zero.
        assert!(values("None of the rockets hit the base.").is_empty());
    }

    #[test]
    fn a_bare_figure_given_stands_for_the_toll() {
        assert_eq!(
            killed_values("Earlier in the day officials had given figures of 30 and then 39."),
            [30, 39]
        );
        assert_eq!(
            killed_values("The regional governor gave a figure of 12 on Monday."),
            [12]
        );
        // Its own noun says what it counts.
        assert_eq!(
            values("The army gave a figure of 22 missiles."),
            vec![(Munitions, 22)]
        );
        // A toll given with "of" has later steps too.
        assert_eq!(
            killed_values("Medics gave a death toll of 12 and later 15."),
            [12, 15]
        );
    }

    fn killed_values(sentence: &str) -> Vec<u32> {
        find_claims(sentence, 0)
            .into_iter()
            .filter(|c| c.field == Killed && !c.subset)
            .map(|c| c.value)
            .collect()
    }

    #[test]
    fn shot_dead_gunned_down_and_stabbed_to_death_are_killings() {
        assert_eq!(
            killed_values("Masked men shot dead a shopkeeper in the bazaar."),
            [1]
        );
        assert_eq!(
            killed_values("Two guards were gunned down at the gate."),
            [2]
        );
        assert_eq!(
            killed_values("A teacher was stabbed to death near the school."),
            [1]
        );
        assert_eq!(
            killed_values("Three farmers shot dead in a field, police say"),
            [3]
        );
        assert_eq!(
            killed_values("A nurse was fatally shot outside the clinic."),
            [1]
        );
        // The noun before an active verb is the killer, and aircraft are "shot down".
        assert_eq!(
            killed_values("Two gunmen shot dead a taxi driver on Friday."),
            [1]
        );
        assert!(killed_values("Troops shot down two drones over the valley.").is_empty());
    }

    #[test]
    fn every_killing_phrase_is_read_after_a_figure() {
        // `killing_phrase_end` skips words that start no phrase: none of the list may be lost.
        for phrase in KILLING_PHRASES {
            let sentence = format!("Four villagers were {phrase} near the well.");
            assert_eq!(killed_values(&sentence), [4], "{sentence}");
        }
    }

    #[test]
    fn a_named_person_killed_is_a_toll_of_one() {
        assert_eq!(
            killed_values("Karimov was killed on Tuesday night outside his shop."),
            [1]
        );
        assert_eq!(
            killed_values(
                "Union leader Omar Sadiq, who was gunned down as the bomb went off, was buried."
            ),
            [1]
        );
        assert_eq!(
            killed_values("Gunmen shot dead Leyla Haddad, a local councillor, on Friday."),
            [1]
        );
        assert_eq!(
            killed_values("A sniper killed blogger Sami al-Nouri outside a cafe."),
            [1]
        );
        // Pronouns, "nobody", plural objects after a nationality and a passive followed by a
        // weekday are not named victims.
        assert!(killed_values("He was killed in the blast, his brother said.").is_empty());
        assert_eq!(killed_values("Nobody was killed, the governor said."), [0]);
        assert!(killed_values("The raid killed Iraqi soldiers guarding the dam.").is_empty());
        assert!(killed_values("The strike killed Monday morning commuters.").is_empty());
        // A relative clause that only says which strike is meant is no toll.
        assert!(
            killed_values("Talks stalled after the raid that killed General Karimov in May.")
                .is_empty()
        );
        // A figure in the sentence is the toll; the name adds nothing.
        assert_eq!(
            killed_values("Colonel Haddad was killed along with four of his guards, killing five."),
            [5]
        );
    }

    #[test]
    fn a_named_person_killed_in_the_story_s_own_year_is_a_toll() {
        let killed_in = |sentence: &str, year: i32| -> Vec<u32> {
            find_claims_in_year(sentence, 0, Some(year))
                .into_iter()
                .filter(|c| c.field == Killed && !c.subset)
                .map(|c| c.value)
                .collect()
        };
        let sentence = "Gunmen shot dead Karimov in Kirkuk in May 2021, days before the vote.";
        assert_eq!(killed_in(sentence, 2021), [1]);
        // In a later story the same words tell a killing of an earlier year.
        assert!(killed_in(sentence, 2023).is_empty());
        assert_eq!(killed_in("General Rahimi was killed in 2022.", 2022), [1]);
        assert!(killed_in("General Rahimi was killed in 2019.", 2022).is_empty());
    }

    #[test]
    fn a_named_person_killed_in_the_past_is_no_toll_of_today() {
        // A time of its own puts the killing in an earlier year.
        assert!(
            killed_values("Shelling resumed on Monday. Crowds vowed revenge for Omar Sadiq, who was killed last year.")
                .is_empty()
        );
        assert!(killed_values("General Karimov was killed in 2019.").is_empty());
        assert!(killed_values("Leyla Haddad was shot dead in the summer of 2018.").is_empty());
        assert!(killed_values("Gunmen murdered Sami al-Nouri in March 2018.").is_empty());
        // A relative clause about a person, in a sentence that tells no attack, is background.
        assert!(killed_values("Crowds chanted for Omar Sadiq, who was assassinated.").is_empty());
        // Today's killing is still read, and its claim says it comes from a name.
        let found = find_claims("Karimov was killed on Tuesday outside his shop.", 0);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].qualifier.as_deref(), Some(NAMED_VICTIM_QUALIFIER));
    }

    #[test]
    fn revised_tolls_each_stay_a_claim_of_their_own() {
        assert_eq!(
            killed_values("The first count was 12 dead; it rose to 17 by noon and to 23 by night."),
            [12, 17, 23]
        );
        assert_eq!(
            killed_values("Medics spoke of 9 dead; the figure was later raised to 14."),
            [9, 14]
        );
        assert_eq!(
            killed_values(
                "The ministry revised the death toll from the collapse of the market hall to 31."
            ),
            [31]
        );
        assert_eq!(killed_values("The militia put its own dead at 8."), [8]);
        assert_eq!(
            killed_values("Villagers said the toll was higher, some putting it above 60."),
            [60]
        );
        // "and to" with no toll update before it is no toll.
        assert!(killed_values("They drove 40 km and to 12 villages.").is_empty());
    }

    #[test]
    fn a_span_of_time_after_a_killing_is_no_toll() {
        assert!(killed_values("Hassan was killed two years ago.").is_empty());
        assert!(killed_values("He was killed three months earlier.").is_empty());
        assert!(killed_values("Fighters were killed over four days of clashes.").is_empty());
        // A count of people beside a span of time still reads.
        assert_eq!(
            killed_values("Two years ago, a bomb killed 12 people."),
            [12]
        );
        assert!(killed_values("Clashes killed dozens over the past three weeks.").is_empty());
    }

    #[test]
    fn a_time_word_naming_the_victims_is_no_span_of_time() {
        // "day labourers" are people: the figure before them is the toll.
        assert_eq!(
            killed_values("A bomb exploded in the market on Tuesday, killing 12 day labourers."),
            [12]
        );
        assert_eq!(
            killed_values("An air strike killed seven day workers at the brick kiln."),
            [7]
        );
    }

    #[test]
    fn one_family_is_part_of_the_victims_noun() {
        assert_eq!(
            killed_values("Two men and four girls from one family were killed when the shell hit."),
            [6]
        );
    }

    #[test]
    fn killed_and_wounded_with_qualifiers_and_trailing_source() {
        let s = "At least 31 tribal fighters were killed and at least 40 injured in the raid, local police and hospital sources said.";
        assert_eq!(
            rows(s),
            vec![
                row(
                    Killed,
                    31,
                    Some("at least"),
                    Some("local police and hospital sources")
                ),
                row(
                    Wounded,
                    40,
                    Some("at least"),
                    Some("local police and hospital sources")
                ),
            ]
        );
        let c = &find_claims(s, 10)[0];
        assert_eq!(
            &s[c.span[0] - 10..c.span[1] - 10],
            "At least 31 tribal fighters were killed"
        );
        let a = c.attribution_span.unwrap();
        assert_eq!(
            &s[a[0] - 10..a[1] - 10],
            "local police and hospital sources"
        );
    }

    #[test]
    fn source_before_the_figure() {
        let s = "Provincial health officials said nine soldiers were killed in the ambush.";
        assert_eq!(
            rows(s),
            vec![row(Killed, 9, None, Some("Provincial health officials"))]
        );
    }

    #[test]
    fn singular_victim_and_summed_lists_under_one_verb() {
        let s = "The barrage hit the airfield, killing a Canadian aid worker and injuring three Dutch soldiers and five members of the local police.";
        assert_eq!(
            rows(s),
            vec![row(Killed, 1, None, None), row(Wounded, 8, None, None)]
        );
        let c = &find_claims(s, 0)[1];
        assert_eq!(
            &s[c.span[0]..c.span[1]],
            "injuring three Dutch soldiers and five members of the local police"
        );
        assert_eq!(
            rows("A Danish engineer was killed in the blast."),
            vec![row(Killed, 1, None, None)]
        );
    }

    #[test]
    fn group_name_as_subject_is_the_source() {
        let s = "The Sinjar Resistance Units, an armed faction in the area, said the raids killed six of its fighters.";
        assert_eq!(
            rows(s),
            vec![row(Killed, 6, None, Some("Sinjar Resistance Units"))]
        );
        let s = "The monitoring group, the Centre for Conflict Records, said eleven fighters were killed in the raids and at least four more were wounded.";
        assert_eq!(
            rows(s),
            vec![
                row(Killed, 11, None, Some("Centre for Conflict Records")),
                row(
                    Wounded,
                    4,
                    Some("at least"),
                    Some("Centre for Conflict Records")
                ),
            ]
        );
        let s = "The raids killed six of its fighters, the group said.";
        assert_eq!(rows(s), vec![row(Killed, 6, None, Some("group"))]);
        let s = "Twelve people died, according to the regional health ministry.";
        assert_eq!(
            rows(s),
            vec![row(Killed, 12, None, Some("regional health ministry"))]
        );
    }

    #[test]
    fn definite_singular_victim_and_abbreviations() {
        let s = "Gunmen fired 20 mortars on Tuesday, killing the Canadian engineer and injuring two U.S. soldiers and three members of the local guard.";
        assert_eq!(
            rows(s),
            vec![
                row(Munitions, 20, None, None),
                row(Killed, 1, None, None),
                row(Wounded, 5, None, None)
            ]
        );
        assert_eq!(
            rows("A U.S. contractor was killed."),
            vec![row(Killed, 1, None, None)]
        );
        assert_eq!(
            rows("The commander was killed outright."),
            vec![row(Killed, 1, None, None)]
        );
        // Plural heads, "the dead" and "the" before a figure are not one victim.
        assert!(rows("The guards were killed.").is_empty());
        assert_eq!(
            rows("The raid killed the two men."),
            vec![row(Killed, 2, None, None)]
        );
        assert!(rows("Officials named the dead.").is_empty());
    }

    #[test]
    fn long_appositives_and_descriptors_around_a_source_name() {
        let s = "The Free Valley Militia, a coalition formed years ago that now holds much of the valley around Tarsis, said the raids killed six of its fighters.";
        assert_eq!(
            rows(s),
            vec![row(Killed, 6, None, Some("Free Valley Militia"))]
        );
        let s = "The London-based Centre for Conflict Records war monitor, which counts deaths across the region, said eleven fighters were killed.";
        assert_eq!(
            rows(s),
            vec![row(Killed, 11, None, Some("Centre for Conflict Records"))]
        );
    }

    #[test]
    fn fixes_from_reading_wire_copy() {
        let s = "Drones struck the depot, killing 14 guards from the border brigades, a local monitor said.";
        assert_eq!(
            rows(s),
            vec![row(Killed, 14, None, Some("a local monitor"))]
        );
        assert_eq!(
            rows("Medics had reported a figure of 12 dead by nightfall."),
            vec![row(Killed, 12, None, Some("Medics"))]
        );
        assert_eq!(
            rows("No Danish personnel had been hurt."),
            vec![row(Killed, 0, None, None), row(Wounded, 0, None, None)]
        );
        assert!(rows("The army said the rockets were 122 mm projectiles.").is_empty());
        let s = "The Northern Command counted 40 rockets and said the launchers were found.";
        assert_eq!(
            rows(s),
            vec![row(Munitions, 40, None, Some("Northern Command"))]
        );
        let s = "Around 9 guards were wounded, according to a U.S. official.";
        assert_eq!(
            rows(s),
            vec![row(Wounded, 9, Some("around"), Some("a U.S. official"))]
        );
        let s = "The brigade later said 12 of its members had been killed.";
        assert_eq!(rows(s), vec![row(Killed, 12, None, Some("brigade"))]);
        assert!(rows("A drone struck a car on the highway.").is_empty());
    }

    #[test]
    fn quoted_nouns_and_zero_with_a_group_noun() {
        let s = "State radio claimed 45 \"foreign mercenaries\" had been killed.";
        assert_eq!(rows(s), vec![row(Killed, 45, None, Some("State radio"))]);
        let s = "The governor said no Dutch nationals had been harmed in the blast.";
        assert_eq!(
            rows(s),
            vec![
                row(Killed, 0, None, Some("governor")),
                row(Wounded, 0, None, Some("governor"))
            ]
        );
        assert_eq!(
            rows("No Dutch nationals were harmed."),
            vec![row(Killed, 0, None, None), row(Wounded, 0, None, None)]
        );
        // A quoted remark after the figure ends the noun phrase at its punctuation.
        assert!(
            rows("He counted 12 \"at most,\" and added that soldiers were killed later.")
                .is_empty()
        );
    }

    #[test]
    fn munitions_counts() {
        assert_eq!(
            rows("Militants fired more than 40 missiles at the camp."),
            vec![row(Munitions, 40, Some("more than"), None)]
        );
        assert_eq!(
            rows("Three rockets hit the compound."),
            vec![row(Munitions, 3, None, None)]
        );
        assert_eq!(
            rows("Up to 12 Katyusha rockets landed nearby."),
            vec![row(Munitions, 12, Some("up to"), None)]
        );
        assert_eq!(
            rows("A rocket struck the fence."),
            vec![row(Munitions, 1, None, None)]
        );
        // Counts of strikes are events, and "a rocket attack" is not one munition.
        assert!(rows("Jets carried out four US airstrikes on the depots.").is_empty());
        assert!(rows("A rocket attack targeted the base.").is_empty());
        assert!(rows("Two drone strikes hit the convoy.").is_empty());
        assert!(rows("One of the rockets failed to launch.").is_empty());
    }

    #[test]
    fn zero_claims() {
        assert_eq!(
            rows("There were no casualties."),
            vec![row(Killed, 0, None, None), row(Wounded, 0, None, None)]
        );
        assert_eq!(
            rows("No one was hurt, officials said."),
            vec![
                row(Killed, 0, None, Some("officials")),
                row(Wounded, 0, None, Some("officials")),
            ]
        );
        assert_eq!(
            rows("Nobody was killed in the blast."),
            vec![row(Killed, 0, None, None)]
        );
        assert_eq!(
            rows("No British casualties were reported."),
            vec![row(Killed, 0, None, None), row(Wounded, 0, None, None)]
        );
        assert!(rows("There were no immediate reports of casualties.").is_empty());
    }

    #[test]
    fn verb_before_takes_the_match_that_starts_first() {
        // Both regexes end at "of": the toll noun starts first, as in one regex of both.
        let c = verb_before("officials gave the toll of the deaths of").expect("a match");
        assert!(c.name("t").is_some() && c.name("k").is_none());
        // Only the verb: the toll regex is not searched (no toll word) or does not match.
        let c = verb_before("the strike killed").expect("a match");
        assert!(c.name("k").is_some());
        let c = verb_before("the count of those wounded").expect("a match");
        assert!(c.name("w").is_some());
        let c = verb_before("the army put the total dead at").expect("a match");
        assert!(c.name("tc").is_some());
        assert!(verb_before("the strike on the village of").is_none());
    }

    #[test]
    fn nobody_injured_is_a_killed_zero_too() {
        assert_eq!(
            rows("Nobody was wounded when the shell landed, the mayor said."),
            vec![
                row(Killed, 0, None, Some("mayor")),
                row(Wounded, 0, None, Some("mayor")),
            ]
        );
        assert_eq!(
            rows("No one was injured, though the roof caught fire."),
            vec![row(Killed, 0, None, None), row(Wounded, 0, None, None)]
        );
        // Deaths told in the same sentence, a group, or the rest: the dead are not ruled out.
        assert_eq!(
            rows("Two guards were killed and no one was injured."),
            vec![row(Killed, 2, None, None), row(Wounded, 0, None, None)]
        );
        assert_eq!(
            rows("No civilians were injured."),
            vec![row(Wounded, 0, None, None)]
        );
        assert_eq!(
            rows("No one else was injured."),
            vec![row(Wounded, 0, None, None)]
        );
    }

    #[test]
    fn a_toll_noun_far_from_the_casualty_word_still_reads() {
        // The casualty word lies more than FIGURE_REACH bytes before the figure.
        let got = rows(
            "The number of villagers killed in the raid on the market town in the hills north \
             of the provincial capital has risen to 52 in the latest lists from the district \
             hospital and from the elders of the town and of the villages around it, though on \
             Sunday evening the count was at least 49.",
        );
        assert_eq!(
            got,
            vec![
                row(Killed, 52, None, None),
                row(Killed, 49, Some("at least"), None)
            ]
        );
        assert!(after_toll_noun("the tally stood at ", 19));
        assert!(!after_toll_noun("the country was ", 16));
        assert!(!after_toll_noun("the account was ", 16));
    }

    #[test]
    fn bare_nouns_after_and_join_the_victims() {
        assert_eq!(
            rows("The militia said six of its men and guests were killed."),
            vec![row(Killed, 6, None, Some("militia"))]
        );
        assert_eq!(
            rows("Four soldiers and police officers were wounded in the blast."),
            vec![row(Wounded, 4, None, None)]
        );
        // An article or a figure after "and" still opens a list item.
        assert_eq!(
            rows("Two soldiers and a medic were killed."),
            vec![row(Killed, 3, None, None)]
        );
    }

    #[test]
    fn a_figure_joined_to_a_toll_shares_its_verb() {
        assert_eq!(
            rows("Forty villagers died, alongside 6 soldiers."),
            vec![row(Killed, 40, None, None), row(Killed, 6, None, None)]
        );
        assert_eq!(
            rows("The raid killed nine militants along with two civilians."),
            vec![row(Killed, 9, None, None), row(Killed, 2, None, None)]
        );
        // Another verb before the joint: those troops were not in the toll.
        assert_eq!(
            rows("Two soldiers were killed while patrolling alongside 50 Afghan troops."),
            vec![row(Killed, 2, None, None)]
        );
    }

    #[test]
    fn murdered_victims_are_dead() {
        assert_eq!(
            rows("At least 40 farmers had been brutally murdered, the governor said."),
            vec![row(Killed, 40, Some("at least"), Some("governor"))]
        );
        assert_eq!(
            rows("Six hostages were murdered."),
            vec![row(Killed, 6, None, None)]
        );
    }

    #[test]
    fn other_casualty_phrasings() {
        assert_eq!(
            rows("The shelling killed seven people and wounded 15."),
            vec![row(Killed, 7, None, None), row(Wounded, 15, None, None)]
        );
        assert_eq!(
            rows("The bombing left 23 dead."),
            vec![row(Killed, 23, None, None)]
        );
        assert_eq!(
            rows("The death toll rose to 31 on Tuesday."),
            vec![row(Killed, 31, None, None)]
        );
        assert_eq!(
            rows("The toll has climbed to 40."),
            vec![row(Killed, 40, None, None)]
        );
        assert_eq!(
            rows("Troops fired on the crowd, wounding dozens."),
            vec![row(Wounded, 24, Some("dozens"), None)]
        );
        assert_eq!(
            rows("The blast left a dead and 4 injured."),
            vec![row(Killed, 1, None, None), row(Wounded, 4, None, None)]
        );
        assert_eq!(
            rows("The strike led to the deaths of three Belgians."),
            vec![row(Killed, 3, None, None)]
        );
        assert_eq!(
            rows("Twenty-two people were killed."),
            vec![row(Killed, 22, None, None)]
        );
        assert_eq!(
            rows("About a dozen soldiers were injured."),
            vec![row(Wounded, 12, Some("about"), None)]
        );
        assert_eq!(
            rows("Two civilians lost their lives."),
            vec![row(Killed, 2, None, None)]
        );
    }

    #[test]
    fn subsets_are_flagged() {
        let got = rows("At least five commanders were among the dead.");
        assert_eq!(got, vec![(Killed, 5, Some("at least".into()), None, true)]);
        let got = rows("Fourteen people were killed, including three children.");
        assert_eq!(
            got,
            vec![row(Killed, 14, None, None), (Killed, 3, None, None, true)]
        );
    }

    #[test]
    fn background_killing_is_still_a_claim() {
        assert_eq!(
            rows("Tensions rose after the killing of a Swedish contractor."),
            vec![row(Killed, 1, None, None)]
        );
    }

    #[test]
    fn not_casualty_claims() {
        for s in [
            "Four Norwegian soldiers patrol the area.",
            "He was killed in 2017 in another attack.",
            "The F-15 jets returned safely.",
            "Iran exceeded limits set by the 2015 nuclear deal.",
            "Resolution 2254 calls for a ceasefire.",
            "One of the strikes hit a warehouse.",
            "He was killed a day after the attack.",
            "The convoy was hit near the checkpoint.",
            "Officials counted 30 casualties.",
        ] {
            assert!(rows(s).is_empty(), "{s:?} -> {:?}", rows(s));
        }
    }

    #[test]
    fn active_verb_after_a_noun_names_the_killer_not_the_victims() {
        assert_eq!(
            rows("Two rocket attacks killed a soldier."),
            vec![row(Killed, 1, None, None)]
        );
    }

    #[test]
    fn pronoun_subjects_are_not_sources() {
        assert_eq!(
            rows("He said four guards were wounded."),
            vec![row(Wounded, 4, None, None)]
        );
    }

    #[test]
    fn sentences_without_casualty_words_are_skipped_and_bad_input_is_safe() {
        assert!(find_claims("Jets struck a base near the border on Sunday.", 0).is_empty());
        for s in [
            "",
            "killed",
            "killed ,,, 99999999999999 wounded",
            "é killed ü 3 ✓ injured",
            "at least",
            "rockets rockets 1,2,3",
            "The İstanbul office, to which it reports, gave figures İ said 4 were killed.",
            "The unit, of which it is part, ’’ said 4 were killed — since İ 2019, killed 3 and İ.",
            "killing two İraqi and İ soldiers, a İ and the İ were killed since the war began",
            "Four İ-backed and ünited troops died of İ, the conflict İ, has killed 9",
        ] {
            let _ = find_claims(s, 5);
        }
        assert_eq!(
            find_attribution("Rockets fell, the ministry said.", 3).map(|a| a.0),
            Some("ministry".to_string())
        );
    }

    #[test]
    fn a_family_total_then_its_breakdown_is_the_total() {
        assert_eq!(
            values(
                "The shell hit a farmhouse, killing six members of one clan, two men and four boys."
            ),
            vec![(Killed, 6)]
        );
        // Parts that do not add up to the first figure are a list.
        assert_eq!(
            values("The blast killed four members of the council, two guards and a cook."),
            vec![(Killed, 7)]
        );
    }

    #[test]
    fn no_other_casualties_is_no_zero_and_without_casualties_is() {
        assert_eq!(
            values("A guard died of his wounds; there were no other casualties."),
            vec![(Killed, 1)]
        );
        assert_eq!(
            values("Two mortar rounds landed near the depot without causing casualties."),
            vec![(Munitions, 2), (Killed, 0), (Wounded, 0)]
        );
        assert_eq!(
            values("The missile struck a warehouse without causing any injuries."),
            vec![(Killed, 0), (Wounded, 0)]
        );
        assert_eq!(
            values("There were no injuries, the garrison said."),
            vec![(Killed, 0), (Wounded, 0)]
        );
    }

    #[test]
    fn the_number_killed_put_at_a_figure() {
        assert_eq!(
            values("A hospital director put the number killed in the town at eleven."),
            vec![(Killed, 11)]
        );
    }

    #[test]
    fn named_victims_with_titles_and_others() {
        assert_eq!(
            values("The raid also killed rebel commander Juma Okello and six others."),
            vec![(Killed, 7)]
        );
    }

    #[test]
    fn hedged_passives_and_a_companion_before_the_predicate() {
        assert_eq!(
            values("About 40 villagers were believed killed in the fire."),
            vec![(Killed, 40)]
        );
        assert_eq!(
            values("Five miners were feared to have been killed."),
            vec![(Killed, 5)]
        );
        assert_eq!(
            values("Three judges of the appeals court and their driver were killed."),
            vec![(Killed, 4)]
        );
        assert_eq!(
            values("Villagers buried twelve members of two families on Friday."),
            vec![(Killed, 12)]
        );
    }

    #[test]
    fn relative_and_reported_clauses_before_the_predicate() {
        assert_eq!(
            values("Mourners carried the coffins of 14 miners who were killed in the collapse."),
            vec![(Killed, 14)]
        );
        assert_eq!(
            values("Crowds marched for six guards the party said were killed at the checkpoint."),
            vec![(Killed, 6)]
        );
        assert_eq!(
            values("Neighbours buried three sisters who relatives said had died in the fire."),
            vec![(Killed, 3)]
        );
        // A relative clause of another verb is no predicate.
        assert!(values("Nine workers who were repairing the line saw the crash.").is_empty());
    }

    #[test]
    fn a_second_death_makes_the_toll_two() {
        assert_eq!(
            values("A second soldier, hurt in the ambush, later died in hospital."),
            vec![(Killed, 2)]
        );
        assert_eq!(
            values("On Friday a third man was reported dead by the clinic."),
            vec![(Killed, 3)]
        );
        assert!(
            values("A second rocket landed in a field.")
                .iter()
                .all(|v| v.0 != Killed)
        );
    }

    #[test]
    fn a_second_victim_then_another_clause_is_no_second_death() {
        // The gap reaches into a relative clause about someone else.
        assert_eq!(
            values(
                "A second soldier was hurt in the car bomb outside Mosul on Friday, in which his captain was killed."
            ),
            vec![(Wounded, 1)]
        );
        // An aside that opens a clause of its own tells another story.
        assert_eq!(
            values(
                "A fourth worker, who was trapped after the first blast, died on Sunday, and two guards were hurt."
            ),
            vec![(Wounded, 2)]
        );
        // A participle phrase holding a relative word is no bare description either.
        assert_eq!(
            values("A third guard injured when the depot burned died on Sunday."),
            vec![(Wounded, 1)]
        );
    }

    #[test]
    fn a_second_death_after_a_perfect_or_a_description() {
        assert_eq!(
            values("A second worker has died after the shelling of the clinic in Basra."),
            vec![(Killed, 2)]
        );
        assert_eq!(
            values(
                "A second civilian injured in the shelling of the clinic on Friday died in hospital on Saturday."
            ),
            vec![(Killed, 2)]
        );
        // An aside naming the victim: "as" opens no clause.
        assert_eq!(
            values("A third officer, named as Omar Said, died of his wounds."),
            vec![(Killed, 3)]
        );
    }

    #[test]
    fn the_main_verb_after_a_relative_clause_tells_the_fate() {
        assert_eq!(
            values(
                "Three guards who were injured in the raid on the depot last week died on Sunday."
            ),
            vec![(Killed, 3)]
        );
        // A death in another clause is not theirs.
        assert_eq!(
            values("Three guards who were injured when the roof fell saw it."),
            vec![(Wounded, 3)]
        );
    }

    #[test]
    fn no_injuries_among_a_group_or_beside_a_death_is_no_killed_zero() {
        assert_eq!(
            values(
                "A shell killed a cook at the camp near Basra; there were no injuries among the guards."
            ),
            vec![(Killed, 1), (Wounded, 0)]
        );
        assert_eq!(
            values("The blast killed a driver, and there were no injuries to other staff."),
            vec![(Killed, 1), (Wounded, 0)]
        );
    }

    #[test]
    fn a_list_after_an_of_complement_is_more_victims_unless_a_household() {
        assert_eq!(
            values("The raid killed two members of the border guard, a nurse and a teacher."),
            vec![(Killed, 4)]
        );
        assert_eq!(
            values("The shell killed two relatives of the judge, a soldier and a farmer."),
            vec![(Killed, 4)]
        );
        assert_eq!(
            values("The shell killed three members of the same family, a man and two boys."),
            vec![(Killed, 3)]
        );
        assert_eq!(
            values("The strike killed four members of one family, a nurse and three students."),
            vec![(Killed, 4)]
        );
    }

    fn values(sentence: &str) -> Vec<(ClaimField, u32)> {
        find_claims(sentence, 0)
            .into_iter()
            .filter(|c| !c.subset)
            .map(|c| (c.field, c.value))
            .collect()
    }

    #[test]
    fn a_toll_that_stands_at_a_figure_reads_the_figure_however_far_its_noun() {
        assert_eq!(
            values(
                "The number of people killed when a truck bomb went off beside the crowded bus depot near the river now stands at 19, the monitor said."
            ),
            vec![(Killed, 19)]
        );
        // A figure about something else is no toll.
        assert!(values("Inflation in the province stands at 19 percent.").is_empty());
    }

    #[test]
    fn a_quoted_figure_after_a_toll_is_the_toll() {
        let found =
            rows("The monitor puts the toll at \"at least seven\" soldiers killed near the dam.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (Killed, 7));
        assert_eq!(found[0].2.as_deref(), Some("at least"));
        assert_eq!(
            values("The state broadcaster says one boy was killed in the strike."),
            vec![(Killed, 1)]
        );
    }

    #[test]
    fn a_speaker_after_a_victim_list_is_not_a_victim() {
        let s = "Shelling hit the bakery, killing at least six shoppers, medics and a local journalist said.";
        assert_eq!(values(s), vec![(Killed, 6)]);
    }

    #[test]
    fn a_toll_that_has_risen_reads_the_final_figure() {
        let s = "The death toll from a car bomb that wrecked a busy street in the port city on Monday has risen to at least 140, the governor said.";
        assert_eq!(values(s), vec![(Killed, 140)]);
        let s = "The number of people killed in last week's market blast has climbed to 212, officials said.";
        assert_eq!(values(s), vec![(Killed, 212)]);
    }

    #[test]
    fn groups_with_their_own_qualifier_are_separate_claims() {
        let s = "The bombing killed 9 Dutch soldiers and about 80 villagers.";
        assert_eq!(values(s), vec![(Killed, 9), (Killed, 80)]);
        // An exact group after a vague one keeps its own figure too.
        let s = "The blasts killed dozens of villagers and 11 French soldiers.";
        assert!(values(s).contains(&(Killed, 11)), "{:?}", values(s));
    }

    #[test]
    fn an_aside_of_a_subset_does_not_hide_the_predicate() {
        let s = "Five people, three of them women, were killed and 20 wounded.";
        assert_eq!(values(s), vec![(Killed, 5), (Wounded, 20)]);
    }

    #[test]
    fn an_aside_describing_the_victims_does_not_hide_the_predicate() {
        let s = "The group said four of its fighters, all members of a local brigade, were killed.";
        assert_eq!(values(s), vec![(Killed, 4)]);
        let s = "At least 12 people, mostly civilians, were wounded in the blast.";
        assert_eq!(values(s), vec![(Wounded, 12)]);
        // Without a predicate after the aside there is still no claim.
        let s = "Four of its fighters, all members of a local brigade, met the wounded commander.";
        assert_eq!(values(s), vec![]);
    }

    #[test]
    fn victims_from_a_named_group() {
        let s = "Four volunteers from the charity Helping Hands were killed in the strike.";
        assert_eq!(values(s), vec![(Killed, 4)]);
    }

    #[test]
    fn tolls_put_or_given_as_a_figure() {
        let s = "Rebels said 20 fighters had died, while the health office later put the toll at more than 35.";
        assert_eq!(values(s), vec![(Killed, 20), (Killed, 35)]);
        let s = "Estimates of the dead varied, and the mayor gave a figure of 64.";
        assert_eq!(values(s), vec![(Killed, 64)]);
    }

    #[test]
    fn another_sources_toll_given_as_figures_or_spoken_of() {
        let s =
            "Rescuers said 40 people had died, while activists gave tolls of between 55 and 70.";
        assert_eq!(values(s), vec![(Killed, 40), (Killed, 55), (Killed, 70)]);
        let s = "Hospital staff counted 12 dead, though officials have given a figure of 19.";
        assert_eq!(values(s), vec![(Killed, 12), (Killed, 19)]);
        let s = "The army put the toll at 30 dead; village elders spoke of 45 to 50.";
        assert_eq!(values(s), vec![(Killed, 30), (Killed, 45), (Killed, 50)]);
        // No toll in the sentence: nothing to give a value of.
        let s = "The minister spoke of 20 new schools and gave figures of 300 teachers.";
        assert_eq!(values(s), vec![]);
    }

    #[test]
    fn an_exact_group_after_a_vague_one() {
        let s = "Two blasts at the gate killed scores of villagers and 11 French soldiers as the crowd waited, officials said.";
        let v = values(s);
        assert!(
            v.contains(&(Killed, 11)) && !v.iter().any(|&(_, n)| n > 40),
            "{v:?}"
        );
    }

    #[test]
    fn a_victim_described_by_where_they_lived() {
        let s = "A farmer living near the depot had also been killed, his family said.";
        assert_eq!(values(s), vec![(Killed, 1)]);
    }

    #[test]
    fn a_speaker_after_a_list_is_not_a_victim_even_close_to_the_verb() {
        let s = "Shelling killed nine civilians, rescuers and a war monitor said.";
        assert_eq!(values(s), vec![(Killed, 9)]);
        let s = "Mortars hit the camp, lightly wounding two Danish engineers, a spokesman for the mission said.";
        assert_eq!(values(s), vec![(Wounded, 2)]);
    }

    #[test]
    fn tolls_that_rose_or_were_put_at_a_figure() {
        let s =
            "The death toll from the weekend strikes on the port rose to 276, the ministry said.";
        assert_eq!(values(s), vec![(Killed, 276)]);
        assert_eq!(
            values("Police had put the number of dead at 38 by evening."),
            vec![(Killed, 38)]
        );
        assert_eq!(
            values("Elders put the death toll higher, at about 140."),
            vec![(Killed, 140)]
        );
        assert_eq!(
            values("The number of injured has risen to 75."),
            vec![(Wounded, 75)]
        );
        // The article in "by a car bomb at a market" is not a toll of one.
        let s = "The number of people killed by a car bomb at a market rose to 58 on Friday.";
        assert_eq!(values(s), vec![(Killed, 58)]);
    }

    #[test]
    fn in_total_does_not_end_the_victims_and_killed_is_not_summed_into_wounded() {
        let s = "The monitor said 12 people in total died in the raids, including the seven villagers at the well and five people elsewhere, and more than 40 were injured.";
        assert_eq!(values(s), vec![(Killed, 12), (Wounded, 40)]);
    }

    #[test]
    fn groups_with_different_qualifiers_are_separate_but_bare_groups_are_summed() {
        let s = "The bombing at the gate killed more than 150 villagers and 11 Dutch soldiers.";
        assert_eq!(values(s), vec![(Killed, 150), (Killed, 11)]);
        let s = "The blast injured four Danish soldiers and two members of the local police.";
        assert_eq!(values(s), vec![(Wounded, 6)]);
    }

    #[test]
    fn a_total_then_its_breakdown_is_the_total() {
        let s = "The army said the raids killed seven people, four soldiers, two policemen and a cook, and wounded three others.";
        assert_eq!(values(s), vec![(Killed, 7), (Wounded, 3)]);
        // Without a total noun, parts that happen to add up are still a list.
        let s = "Three soldiers, two police officers and a driver had been killed.";
        assert_eq!(values(s), vec![(Killed, 6)]);
    }

    #[test]
    fn a_victim_described_by_a_participle_phrase_is_one() {
        assert_eq!(
            values("The mission said a local interpreter working with it had been killed."),
            vec![(Killed, 1)]
        );
        assert_eq!(
            values("A driver working for the charity was killed, the agency said."),
            vec![(Killed, 1)]
        );
    }

    #[test]
    fn a_cover_word_then_its_named_parts_is_the_total() {
        let s = "The ministry said the raid had killed two senior targets, a recruiter and a financier, on Friday.";
        assert_eq!(values(s), vec![(Killed, 2)]);
        let s = "Police said the bombing killed two prominent local figures, a judge and a lawyer.";
        assert_eq!(values(s), vec![(Killed, 2)]);
    }

    #[test]
    fn appositives_after_a_toll_are_not_victims() {
        let s = "The strike killed about 60 people, one of the worst such incidents this year.";
        assert_eq!(values(s), vec![(Killed, 60)]);
        let s = "The drone killed at least 85 villagers, an error for which the army apologised.";
        assert_eq!(values(s), vec![(Killed, 85)]);
    }

    #[test]
    fn injuries_among_a_group() {
        let s = "The barrage caused concussion injuries among more than 40 Dutch troops.";
        assert_eq!(values(s), vec![(Wounded, 40)]);
        // Not every "among" is about injuries.
        assert!(values("Fear spread among 40 families near the depot.").is_empty());
    }

    #[test]
    fn treated_injuries_and_bodies() {
        assert_eq!(
            values("Another 66 people were being treated in hospital."),
            vec![(Wounded, 66)]
        );
        assert_eq!(
            values("Two sailors suffered minor injuries in the blast."),
            vec![(Wounded, 2)]
        );
        assert_eq!(
            values("Residents said they had counted more than 100 bodies."),
            vec![(Killed, 100)]
        );
    }

    #[test]
    fn list_items_with_an_article_are_summed_with_the_list() {
        assert_eq!(
            values(
                "Shells hit the village, killing four farmers, two teachers and a nurse, the governor said."
            ),
            vec![(Killed, 7)]
        );
        assert_eq!(
            values(
                "A bomb killed two Canadian engineers and an Italian aid worker on Friday, police said."
            ),
            vec![(Killed, 3)]
        );
        // A definite last item agrees with the plural verb of the whole list.
        assert_eq!(
            values("Two guards, one driver and the translator were killed, the company said."),
            vec![(Killed, 4)]
        );
    }

    #[test]
    fn a_comma_without_and_is_an_appositive_not_a_list() {
        assert_eq!(
            values("The blast killed the driver, a local man, and wounded three passengers."),
            vec![(Killed, 1), (Wounded, 3)]
        );
        // A total then its aside is the total.
        assert_eq!(
            values(
                "The raid killed nine people, among them two nurses, and a doctor, the agency said."
            ),
            vec![(Killed, 9)]
        );
    }

    #[test]
    fn coordinated_adjectives_share_the_figure() {
        assert_eq!(
            values("Four Danish and Dutch soldiers died when their convoy hit a mine."),
            vec![(Killed, 4)]
        );
        // A plural noun before "and" ends the first group.
        assert_eq!(
            values("The attack killed two Canadians and a Briton."),
            vec![(Killed, 3)]
        );
    }

    #[test]
    fn running_totals_of_a_war_or_period_are_not_an_attacks_toll() {
        assert!(values("The rebellion has killed more than 12,000 people since 2011.").is_empty());
        assert!(
            values(
                "The conflict in the region, which began in 2016, has killed over 9,000 people."
            )
            .is_empty()
        );
        assert!(
            values("Since 2018 at least 400 soldiers have been killed in such ambushes.")
                .is_empty()
        );
        assert!(
            values("Such raids have killed 80 people so far this year, a monitor said.").is_empty()
        );
        // "since" dating a superlative or another phrase keeps the toll.
        assert_eq!(
            values("The car bomb killed 14 people in the worst attack on the town since 2015."),
            vec![(Killed, 14)]
        );
        assert_eq!(
            values(
                "The heaviest shelling of the port since the start of the siege killed 11 people."
            ),
            vec![(Killed, 11)]
        );
        assert_eq!(
            values("The deadliest strike of the war has killed 20 people."),
            vec![(Killed, 20)]
        );
    }

    #[test]
    fn deaths_from_illness_are_not_casualties() {
        assert!(values("A former minister died of a heart attack in 2019.").is_empty());
        assert!(values("The prisoner died of cancer during his detention.").is_empty());
        assert_eq!(
            values("A soldier died of his wounds in hospital on Tuesday."),
            vec![(Killed, 1)]
        );
    }

    #[test]
    fn a_death_from_illness_inside_the_attack_is_in_its_toll() {
        assert_eq!(
            values("An elderly guard died of a heart attack during the shelling, officials said."),
            vec![(Killed, 1)]
        );
        assert_eq!(
            values("A civilian worker died of a heart attack while sheltering from the rockets."),
            vec![(Killed, 1)]
        );
        assert_eq!(
            values("The ministry said a nurse had died of cardiac arrest while taking cover."),
            vec![(Killed, 1)]
        );
    }

    #[test]
    fn an_illness_then_death_inside_the_attack_is_in_its_toll() {
        assert_eq!(
            values(
                "A British aid worker suffered a heart attack while sheltering during the raid and died shortly afterwards."
            ),
            vec![(Killed, 1)]
        );
        assert_eq!(
            values("One civilian had a cardiac episode while taking cover and later died."),
            vec![(Killed, 1)]
        );
        assert_eq!(
            values(
                "An American engineer collapsed while sheltering from the missiles and died in hospital."
            ),
            vec![(Killed, 1)]
        );
        assert_eq!(
            values("A local guard suffered a stroke amid the bombardment and subsequently died."),
            vec![(Killed, 1)]
        );
        // No attack around the illness: a natural death, in no toll.
        assert!(values("A retired general suffered a heart attack and died on Sunday.").is_empty());
        assert!(values("A famous singer collapsed on stage and died in hospital.").is_empty());
        assert!(
            values("An old farmer suffered a stroke during the harvest and died weeks later.")
                .is_empty()
        );
        // Sheltering, but the death is no coordinated verb of the illness.
        assert!(
            values("A teacher suffered a heart attack while sheltering and was treated by medics.")
                .is_empty()
        );
    }

    #[test]
    fn the_number_of_a_named_group_killed_put_at_a_figure() {
        assert_eq!(
            values("Local doctors put the number of villagers killed at around 45."),
            vec![(Killed, 45)]
        );
        assert_eq!(
            values("Medics put the number of Afghan civilians wounded at 120."),
            vec![(Wounded, 120)]
        );
    }

    #[test]
    fn a_bare_number_or_total_put_at_a_figure_is_the_toll() {
        assert_eq!(
            values("Some village elders put the number at 65, and others said many were missing."),
            vec![(Killed, 65)]
        );
        assert_eq!(
            values("A militia statement later put the total at nine, including four of its men."),
            vec![(Killed, 9)]
        );
        // "put the number of rockets at" is a count of munitions, not of the dead.
        assert!(!values("Officials put the number of rockets at 12.").contains(&(Killed, 12)));
    }

    #[test]
    fn compound_adjectives_and_days_of_the_month_are_not_figures() {
        assert_eq!(
            values("A nine-year-old boy was wounded by shrapnel."),
            vec![(Wounded, 1)]
        );
        assert_eq!(
            values("On Jan. 4, three members of a police patrol were wounded in the blast."),
            vec![(Wounded, 3)]
        );
    }

    #[test]
    fn a_companion_joined_after_the_predicate_is_one_more_victim() {
        assert_eq!(
            values("Three engineers were killed, along with their driver, officials said."),
            vec![(Killed, 4)]
        );
        assert_eq!(
            values("Two judges died together with the bodyguard of one of them."),
            vec![(Killed, 3)]
        );
        // Only a companion noun counts: the guests are no count of one.
        assert_eq!(
            values("Two guards were killed along with the mayor's guests on Monday."),
            vec![(Killed, 2)]
        );
    }

    #[test]
    fn a_toll_confirmed_dead_is_a_toll() {
        assert_eq!(
            values("Officials said earlier that nine people had been confirmed dead."),
            vec![(Killed, 9)]
        );
        assert_eq!(
            values("At least 14 miners were confirmed killed after the strike."),
            vec![(Killed, 14)]
        );
    }

    #[test]
    fn an_age_written_in_digits_is_part_of_the_victim_s_noun_phrase() {
        assert_eq!(
            values("A 45-year-old farmer and his son were killed when the shell landed."),
            vec![(Killed, 2)]
        );
        assert_eq!(
            values("Police said a 19-year-old student was wounded in the blast."),
            vec![(Wounded, 1)]
        );
        assert_eq!(
            values("A toddler and a 60-year-old man died after a drone hit their home."),
            vec![(Killed, 2)]
        );
    }

    #[test]
    fn an_adverb_between_auxiliary_and_participle() {
        assert_eq!(
            values("At least 12 villagers had been \"brutally killed\", the mayor said."),
            vec![(Killed, 12)]
        );
    }

    #[test]
    fn lives_claimed_fatalities_and_killed_no_one() {
        assert_eq!(
            rows("The landmine claimed the lives of nine shepherds."),
            vec![row(Killed, 9, None, None)]
        );
        assert_eq!(
            values("Police reported at least 15 fatalities after the blast."),
            vec![(Killed, 15)]
        );
        assert_eq!(
            values("The mortar round killed no one, the mayor said."),
            vec![(Killed, 0)]
        );
    }

    #[test]
    fn adverbs_of_time_after_the_auxiliary_and_parts_of_the_dead() {
        assert_eq!(
            values("Thirty people have so far been confirmed killed."),
            vec![(Killed, 30)]
        );
        assert_eq!(
            values("At least 8 passengers have now died, the airline said."),
            vec![(Killed, 8)]
        );
        let subset: Vec<bool> = find_claims("Four of the dead were police officers.", 0)
            .iter()
            .map(|c| c.subset)
            .collect();
        assert_eq!(subset, vec![true]);
    }

    #[test]
    fn burials_and_bodies_count_the_dead() {
        assert_eq!(
            values("Mourners attended the burial of 17 villagers on Monday."),
            vec![(Killed, 17)]
        );
        assert_eq!(
            values("Funerals for nine miners were held in the town."),
            vec![(Killed, 9)]
        );
        assert_eq!(
            values("Rescuers recovered the bodies of 11 people."),
            vec![(Killed, 11)]
        );
    }

    #[test]
    fn dozens_and_a_hundred_are_figures() {
        assert_eq!(values("Two dozen guards were killed."), vec![(Killed, 24)]);
        assert_eq!(
            values("The blast wounded half a dozen workers."),
            vec![(Wounded, 6)]
        );
        assert_eq!(
            values("A hundred people died in the fire bombing."),
            vec![(Killed, 100)]
        );
    }

    #[test]
    fn ranges_give_both_ends_not_a_sum() {
        assert_eq!(
            values("Between 20 and 25 villagers were killed, a witness said."),
            vec![(Killed, 20), (Killed, 25)]
        );
        assert_eq!(
            values("The drone killed three or four fighters."),
            vec![(Killed, 3), (Killed, 4)]
        );
        assert_eq!(
            values("The shelling wounded 10 to 15 people."),
            vec![(Wounded, 10), (Wounded, 15)]
        );
        let spans: Vec<Span> = find_claims("The shelling wounded 10 to 15 people.", 0)
            .iter()
            .map(|c| c.span)
            .collect();
        assert_ne!(spans[0], spans[1], "each end keeps its own evidence span");
        // Two figures joined by "and" without "between" are still a list.
        assert_eq!(
            values("Two soldiers and three police were killed."),
            vec![(Killed, 5)]
        );
    }

    #[test]
    fn a_possessive_after_and_continues_the_list() {
        assert_eq!(
            values("Shelling hit the farm, killing a farmer and his four sons."),
            vec![(Killed, 5)]
        );
    }

    #[test]
    fn a_toll_since_an_offensive_began_is_a_running_total() {
        assert_eq!(
            values(
                "The raids killed 8 people on Monday, raising the toll since the campaign began to 410."
            ),
            vec![(Killed, 8)]
        );
    }

    #[test]
    fn the_cheap_gates_let_every_regex_match_through() {
        // Each gate skips a regex search only when the regex cannot match; invented heads
        // and sentences, matching and not.
        let heads = [
            "The war in Yemen has ",
            "the insurgency had already ",
            "The conflict, which began a decade ago, has now ",
            "the violence have so far ",
            "the war has",
            "Officials said the strike ",
            "The uprising\u{a0}has ",
        ];
        let mut matched = 0;
        for head in heads {
            if CONFLICT_SUBJECT.for_text(head).is_match(head) {
                matched += 1;
                assert!(may_end_with(head, CONFLICT_SUBJECT_LAST), "{head}");
            }
        }
        assert_eq!(matched, 5);
        let sentences = [
            ("Nobody was hurt in the blast.", 2),
            ("No one was killed, police said.", 1),
            ("The rocket killed no one.", 1),
            ("There were NO\tcasualties.", 2),
            (
                "It was not clear how many were hurt north of the town now.",
                0,
            ),
        ];
        for (sentence, zeros) in sentences {
            let found = find_claims(sentence, 0);
            assert_eq!(
                found.iter().filter(|c| c.value == 0).count(),
                zeros,
                "{sentence}"
            );
        }
        let said = find_claims(
            "Five soldiers were killed, said a spokesman for the army.",
            0,
        );
        assert_eq!(said.len(), 1);
        assert_eq!(
            said[0].attributed_to.as_deref(),
            Some("a spokesman for the army")
        );
        for w in ["four", "dozens", "12", "a", "the", "zero", "hundred"] {
            assert!(may_start_a_quantity(w), "{w}");
        }
        for w in ["killed", "people", "were", "", "İ"] {
            assert!(
                !may_start_a_quantity(w) && parse_quantity(w).is_none(),
                "{w}"
            );
        }
    }

    #[test]
    fn sources_behind_asides_adverbs_and_time_phrases() {
        let who = |s: &str| {
            find_claims(s, 0)
                .first()
                .and_then(|c| c.attributed_to.clone())
        };
        assert_eq!(
            who("The regional health office, the main source of figures, later said 31 people were killed.").as_deref(),
            Some("regional health office")
        );
        assert_eq!(
            who("The Northern Brigade, to which the unit reports, issued a statement and said six of its men were wounded.").as_deref(),
            Some("Northern Brigade")
        );
        assert_eq!(
            who("The Defence Ministry on Saturday denounced raids that it said killed four soldiers.").as_deref(),
            Some("Defence Ministry")
        );
        assert_eq!(
            who("The shells hit a school, where it said a teacher was killed.").as_deref(),
            None
        );
    }

    #[test]
    fn a_toll_told_through_a_pronoun_a_count_or_the_dead() {
        let s = "Hospital officials first put it at 14, but the ministry later said 17 people had died.";
        assert_eq!(values(s), vec![(Killed, 14), (Killed, 17)]);
        assert_eq!(values("The ministry put the dead at 9."), vec![(Killed, 9)]);
        let s = "The monitor, which had reported three deaths, raised its tally to 12 on Sunday.";
        assert_eq!(values(s), vec![(Killed, 3), (Killed, 12)]);
        // "put it at the top": an article after the idiom is no toll.
        let s = "The army put it at the top of its list after two soldiers died.";
        assert_eq!(values(s), vec![(Killed, 2)]);
    }

    #[test]
    fn the_number_of_dead_is_not_the_predicate_of_an_earlier_figure() {
        let s = "A local councillor put the number of dead at 45.";
        assert_eq!(values(s), vec![(Killed, 45)]);
        // The figure's own partitive is still its toll.
        let s = "Medics said they had received dozens of dead after the blast.";
        assert_eq!(values(s), vec![(Killed, 24)]);
    }

    #[test]
    fn people_a_side_lost_are_its_dead() {
        // "lost" is no keyword of its own: a casualty word in the sentence opens it.
        let s = "The militia said it lost three fighters and that two more were wounded.";
        assert_eq!(values(s), vec![(Killed, 3), (Wounded, 2)]);
        let s = "The army lost two helicopters in the raid, in which one pilot was wounded.";
        assert_eq!(values(s), vec![(Wounded, 1)]);
    }

    #[test]
    fn named_victims_and_n_others_make_one_toll() {
        let s = "The strike killed Rahimi, Bashir Noori and six other people.";
        assert_eq!(values(s), vec![(Killed, 8)]);
        let s =
            "Police named Rahimi and six others as suspects after the blast killed four people.";
        assert_eq!(values(s), vec![(Killed, 4)]);
    }

    #[test]
    fn a_place_phrase_inside_the_victims_does_not_end_them() {
        let s = "Four workers at the plant were killed and a guard near the gate was wounded.";
        assert_eq!(values(s), vec![(Killed, 4), (Wounded, 1)]);
        let s = "Three officers in the unit said nobody was injured.";
        assert_eq!(values(s), vec![(Killed, 0), (Wounded, 0)]);
    }

    #[test]
    fn groups_split_by_qualifiers_share_the_predicate_after_them() {
        let s = "Eleven policemen and at least 30 bystanders were killed when the bomb went off.";
        assert_eq!(values(s), vec![(Killed, 11), (Killed, 30)]);
        // A subset before a comma does not take the next clause's predicate.
        let s = "Nine people died, including the three guards at the door, and more than 20 were injured.";
        assert_eq!(values(s), vec![(Killed, 9), (Wounded, 20)]);
    }

    #[test]
    fn a_participle_phrase_after_a_victim_does_not_end_the_list() {
        let s = "The shelling killed a nurse working with the charity and a farmer.";
        assert_eq!(values(s), vec![(Killed, 2)]);
        // A place phrase between the figures still ends the list.
        let s = "The shelling killed a nurse in the market and wounded two farmers.";
        assert_eq!(values(s), vec![(Killed, 1), (Wounded, 2)]);
    }

    #[test]
    fn a_companion_named_by_a_possessive_adds_one_victim() {
        let s = "Gunmen killed three engineers of the state company and their driver on the road.";
        assert_eq!(values(s), vec![(Killed, 4)]);
        // Not a companion, or a predicate of its own: no victim added.
        let s = "Gunmen killed three engineers and their car was set on fire.";
        assert_eq!(values(s), vec![(Killed, 3)]);
        let s = "Gunmen killed three engineers and their driver was wounded.";
        assert_eq!(values(s), vec![(Killed, 3)]);
    }

    #[test]
    fn enemy_dead_told_as_neutralised() {
        let s = "The ministry said 45 militants had been neutralised in the overnight raids.";
        assert_eq!(values(s), vec![(Killed, 45)]);
        let s = "Troops said around 20 attackers were \"neutralized\" near the border post.";
        assert_eq!(values(s), vec![(Killed, 20)]);
        let s = "The defence ministry said on Friday that 120 Syrian regime elements had been \"neutralised\" in the strikes overnight.";
        assert_eq!(values(s), vec![(Killed, 120)]);
        // Devices made harmless are no toll.
        let s = "Engineers said four anti-tank mines were neutralised near the road.";
        assert_eq!(values(s), vec![]);
    }

    #[test]
    fn martyred_lives_claimed_and_an_earlier_figure_are_tolls() {
        let s = "\"Nine of our fighters were martyred,\" the militia said.";
        assert_eq!(values(s), vec![(Killed, 9)]);
        assert_eq!(values("The ambush claimed 14 lives."), vec![(Killed, 14)]);
        let s = "Medics said 21 people had been killed, up from an earlier figure of 15.";
        assert_eq!(values(s), vec![(Killed, 21), (Killed, 15)]);
        // Lives saved are no toll; an earlier figure of rockets is no toll either.
        let s = "The shelter saved 14 lives when two people were killed nearby.";
        assert_eq!(values(s), vec![(Killed, 2)]);
    }

    #[test]
    fn an_appositive_naming_the_victims_and_the_dead_numbered() {
        let s = "Two farmers, a father and his son, were killed in the shelling.";
        assert_eq!(values(s), vec![(Killed, 2)]);
        let s = "The dead numbered at least 25, according to the hospital.";
        assert_eq!(values(s), vec![(Killed, 25)]);
        // A source in the aside does not stop the predicate after it.
        let s = "Three guards, a police spokesman said, were wounded.";
        assert_eq!(values(s), vec![(Wounded, 3)]);
    }

    #[test]
    fn a_relative_clause_speaks_for_the_noun_before_it() {
        let s = "The health ministry, which earlier reported four dead, raised its count to nine.";
        let found = find_claims(s, 0);
        assert_eq!(found.len(), 2, "{found:?}");
        for c in &found {
            assert_eq!(c.attributed_to.as_deref(), Some("health ministry"), "{c:?}");
        }
        // A relative clause with a subject of its own speaks for that subject.
        let s = "The raids hit five depots, which the army said killed six fighters.";
        let found = find_claims(s, 0);
        assert_eq!(found[0].attributed_to.as_deref(), Some("army"), "{found:?}");
    }

    #[test]
    fn a_participle_right_after_the_victims_is_a_reduced_passive() {
        // Bulletin and headline style: no auxiliary before the participle.
        assert_eq!(
            values("1015 GMT - The tribe says three of its guards killed in the ambush."),
            vec![(Killed, 3)]
        );
        assert_eq!(
            values("A doctor was among four men killed when their van was shelled."),
            vec![(Killed, 4)]
        );
        assert_eq!(
            values("Monitor: at least six gunmen killed, two wounded near the dam."),
            vec![(Killed, 6), (Wounded, 2)]
        );
        assert_eq!(values("Two porters injured"), vec![(Wounded, 2)]);
        // An object after the verb makes the noun the killer.
        assert_eq!(
            values("Two gunmen killed at least five guards at the gate."),
            vec![(Killed, 5)]
        );
        assert_eq!(
            values("A car bomb killed four shoppers in the market."),
            vec![(Killed, 4)]
        );
    }

    #[test]
    fn the_dead_of_the_fighting_or_the_war_are_a_running_total() {
        assert_eq!(
            values("Thousands of fighters have been killed in the war, the worst in decades."),
            vec![]
        );
        assert_eq!(
            values("Scores of villagers have died during the fighting, aid groups say."),
            vec![]
        );
        assert_eq!(
            values("Nine soldiers were killed in the ambush, the army said."),
            vec![(Killed, 9)]
        );
    }

    #[test]
    fn a_headline_list_without_and_is_summed() {
        assert_eq!(
            values("Four guards, one driver killed in convoy ambush"),
            vec![(Killed, 5)]
        );
        // In running text a comma list without "and" stays an appositive.
        assert_eq!(
            values("The blast killed the driver, a local man, and wounded three passengers."),
            vec![(Killed, 1), (Wounded, 3)]
        );
    }

    #[test]
    fn a_bulletin_time_stamp_and_an_adverb_are_not_part_of_the_source() {
        let found = rows("1140 GMT - The ministry says six of its staff killed in the shelling.");
        assert_eq!(found, vec![row(Killed, 6, None, Some("ministry"))]);
        let found = rows("Local police first reported eight dead.");
        assert_eq!(found, vec![row(Killed, 8, None, Some("Local police"))]);
    }

    #[test]
    fn a_figure_inside_an_aside_of_including_is_a_subset_of_the_total() {
        let found = find_claims(
            "Dozens of villagers, including at least nine on a bus, were killed when gunmen \
             stormed the town.",
            0,
        );
        let got: Vec<(ClaimField, u32, bool)> =
            found.iter().map(|c| (c.field, c.value, c.subset)).collect();
        assert_eq!(got, vec![(Killed, 24, false), (Killed, 9, true)]);
    }

    #[test]
    fn put_it_at_reads_a_toll_named_before() {
        assert_eq!(
            values("No official figure was given; local papers put it at \"about 40\"."),
            vec![(Killed, 40)]
        );
    }

    #[test]
    fn deaths_someone_is_blamed_for_are_no_toll() {
        assert_eq!(
            values("Officials called him responsible for the deaths of hundreds of soldiers."),
            vec![]
        );
        assert_eq!(
            values("The blast caused the deaths of 14 workers."),
            vec![(Killed, 14)]
        );
    }

    #[test]
    fn the_dead_of_this_year_are_a_running_total() {
        assert_eq!(
            values("More than 300 civilians have been killed in the province this year."),
            vec![]
        );
        // A date inside another phrase before the figure does not make it a total.
        assert_eq!(
            values("A bombing in March this year killed 12 people."),
            vec![(Killed, 12)]
        );
        assert_eq!(
            values("Four guards were killed, this year's deadliest attack on the mine."),
            vec![(Killed, 4)]
        );
    }

    #[test]
    fn a_period_in_the_simple_past_dates_one_attack() {
        assert_eq!(
            values("Nine people were killed in a suicide bombing at a mosque earlier this month."),
            vec![(Killed, 9)]
        );
        assert_eq!(
            values(
                "Three soldiers were killed in the fighting after militants attacked a \
                 checkpoint on Sunday, the army said."
            ),
            vec![(Killed, 3)]
        );
        // With a perfect tense the same periods make a running total.
        assert_eq!(
            values("At least 40 guards have been killed in the fighting, the union says."),
            vec![]
        );
        assert_eq!(
            values("Eleven porters have died in attacks on the road this month."),
            vec![]
        );
        // "earlier this month" dates an attack even in a perfect tense.
        assert_eq!(
            values("Six herders have been killed in a raid earlier this month."),
            vec![(Killed, 6)]
        );
    }

    #[test]
    fn a_claim_of_responsibility_for_the_killing_keeps_its_toll() {
        assert_eq!(
            values(
                "A rebel group claimed responsibility for the killing of 12 soldiers in an \
                 ambush on Sunday."
            ),
            vec![(Killed, 12)]
        );
        assert_eq!(
            values("The militia was blamed for the killing of 30 fishermen last year."),
            vec![]
        );
        assert_eq!(
            values("A court convicted him for the deaths of seven pilgrims."),
            vec![]
        );
    }

    #[test]
    fn a_figure_after_the_participle_makes_the_noun_the_killer() {
        assert_eq!(
            values("Two suicide bombers killed as many as 40 people at a market on Friday."),
            vec![(Killed, 40)]
        );
        for s in [
            "Three gunmen killed up to 15 villagers near the well.",
            "Two attackers killed nearly 20 worshippers at the shrine.",
            "Four raiders killed about 30 herders on Monday.",
            "Two bombers killed around 25 shoppers in the square.",
        ] {
            assert_eq!(values(s).len(), 1, "{s}: {:?}", values(s));
            assert_ne!(values(s)[0].1, 2, "{s}");
            assert_ne!(values(s)[0].1, 3, "{s}");
            assert_ne!(values(s)[0].1, 4, "{s}");
        }
        // "as" opening a clause keeps the reduced passive.
        assert_eq!(
            values("Three guards killed as the convoy crossed the bridge"),
            vec![(Killed, 3)]
        );
    }

    #[test]
    fn only_a_short_first_line_without_punctuation_is_a_headline_list() {
        let at = |s: &str, offset: usize| -> Vec<(ClaimField, u32)> {
            find_claims(s, offset)
                .into_iter()
                .filter(|c| !c.subset)
                .map(|c| (c.field, c.value))
                .collect()
        };
        assert_eq!(
            at("Four guards, one driver killed in convoy ambush", 0),
            vec![(Killed, 5)]
        );
        // A line further into the body, or one ending in "?" or ")", is no headline.
        assert_ne!(
            at("Four guards, one driver killed in convoy ambush", 300),
            vec![(Killed, 5)]
        );
        assert_ne!(
            at("Four guards, one driver killed in convoy ambush?", 0),
            vec![(Killed, 5)]
        );
        assert_ne!(
            at(
                "Four guards, one driver killed in convoy ambush (updated)",
                0
            ),
            vec![(Killed, 5)]
        );
    }

    #[test]
    fn a_figure_given_with_its_own_participle_counts_what_the_participle_says() {
        // The wounded figure before it does not decide what "a figure of" counts.
        let s = "Medics said they had carried more than 20 wounded people, and the ministry \
                 earlier gave a figure of at least 15 killed.";
        assert_eq!(values(s), vec![(Wounded, 20), (Killed, 15)]);
        // Without a participle of its own, the casualty word before it still decides.
        let s = "The number of injured kept rising, and officials gave a figure of 44.";
        assert_eq!(values(s), vec![(Wounded, 44)]);
    }

    #[test]
    fn a_number_put_at_a_figure_counts_the_toll_it_stands_for() {
        let s = "Police first said 12 people were wounded; by evening the ministry put the \
                 number at more than 30.";
        assert_eq!(values(s), vec![(Wounded, 12), (Wounded, 30)]);
        let s = "Officials said at least 40 people died, while some estimates put the figure \
                 above 50.";
        assert_eq!(values(s), vec![(Killed, 40), (Killed, 50)]);
        // With no toll before it, the bare number is still read as the dead.
        assert_eq!(values("Others put the number at 70."), vec![(Killed, 70)]);
    }

    #[test]
    fn an_ordinal_in_the_victims_noun_phrase_is_no_other_figure() {
        assert_eq!(
            values("The ministry said three officers of the 5th Infantry Brigade were killed."),
            vec![(Killed, 3)]
        );
        assert_eq!(
            values("Two soldiers from the 41st Regiment were wounded."),
            vec![(Wounded, 2)]
        );
        assert!(!is_ordinal("5") && !is_ordinal("th") && is_ordinal("22nd"));
    }

    #[test]
    fn people_buried_are_dead_unless_buried_under_rubble() {
        assert_eq!(
            values("Relief officials said 40 people have so far been buried after the bombing."),
            vec![(Killed, 40)]
        );
        assert!(values("Rescuers said 12 people were buried under the rubble.").is_empty());
        assert!(values("Six miners were buried alive in the collapse.").is_empty());
    }

    #[test]
    fn a_count_brought_up_to_date_for_a_period_is_a_running_total() {
        assert!(
            values("The deaths bring to more than 60 the number of soldiers killed in the province this month.")
                .is_empty()
        );
        // Bringing the toll of one attack up to date is that attack's toll.
        assert_eq!(
            values("The driver later died, bringing the toll to three."),
            vec![(Killed, 3)]
        );
    }

    #[test]
    fn examples_after_including_are_not_summed_with_the_figure() {
        for s in [
            "The raids killed six people including soldiers and a civilian.",
            "Officials said the blast killed nine people including guards and a cook.",
            "The shelling wounded five people including children and an old man.",
        ] {
            let got: Vec<u32> = find_claims(s, 0)
                .into_iter()
                .filter(|c| !c.subset)
                .map(|c| c.value)
                .collect();
            assert_eq!(got.len(), 1, "{s}: {got:?}");
            assert!([6, 9, 5].contains(&got[0]), "{s}: {got:?}");
        }
        // The predicate after the examples is still the figure's.
        assert_eq!(
            killed_values("Twenty people including children were killed."),
            vec![20]
        );
    }

    #[test]
    fn a_group_s_count_of_its_own_dead_is_its_own_figure() {
        for (s, n) in [
            (
                "The militia said one of its fighters was among the dead.",
                1,
            ),
            (
                "Taliban officials said 28 of their members were among the dead.",
                28,
            ),
            (
                "The union said three of its drivers were among the killed.",
                3,
            ),
        ] {
            assert_eq!(killed_values(s), vec![n], "{s}");
        }
        // A part of the toll that names no group of the speaker stays a part.
        assert!(killed_values("Four of the soldiers were among the dead.").is_empty());
        assert!(killed_values("At least five commanders were among the dead.").is_empty());
    }

    #[test]
    fn estimates_of_the_dead_with_a_place_or_by_a_count() {
        for (s, n) in [
            (
                "A later count by city authorities put the dead in the capital at 33.",
                33,
            ),
            ("One official put the total dead at seven.", 7),
            (
                "The blast killed dozens; a medic said the count was at least 40.",
                40,
            ),
            (
                "Rebels said 12 died, while a later count by a monitor reached 19.",
                19,
            ),
            ("Officials put the number dead at 14.", 14),
        ] {
            assert!(killed_values(s).contains(&n), "{s}: {:?}", rows(s));
        }
        // "put the total dead at" names its own casualty: it is no wounded toll after one.
        let got = rows("Nine were wounded, and officials put the total dead at four.");
        assert!(got.iter().any(|r| (r.0, r.1) == (Killed, 4)), "{got:?}");
    }

    #[test]
    fn a_toll_revised_far_back_and_a_toll_that_passed_a_figure() {
        assert_eq!(
            killed_values(
                "Police on Friday revised the death toll from Tuesday's suicide bombing at a \
                 crowded market in the northern town of Kara to 52."
            ),
            vec![52]
        );
        assert_eq!(
            killed_values("Death toll from stadium bombing passes 90"),
            vec![90]
        );
        assert_eq!(
            killed_values(
                "The number of people killed in the blast has surpassed 120, doctors said."
            ),
            vec![120]
        );
        assert_eq!(
            killed_values("The loss of life from the bombing has risen to 61, officials said."),
            vec![61]
        );
        // A road or a checkpoint passed is no toll.
        assert!(killed_values("The convoy passed 30 checkpoints before the ambush.").is_empty());
    }

    #[test]
    fn a_later_value_of_an_estimate_after_and_then() {
        let mut got = killed_values(
            "Hospital officials had put the number of dead at 40 and then 43, most of them \
             shoppers.",
        );
        got.sort_unstable();
        assert_eq!(got, vec![40, 43]);
        // Two figures joined by a bare "and" are not steps of one toll.
        assert_eq!(
            killed_values("Medics put the number of dead at 40 and 60 others were hurt."),
            vec![40]
        );
    }

    #[test]
    fn a_clock_time_is_no_figure() {
        assert_eq!(
            killed_values("14:25 The number of people killed in the attack has risen to 41."),
            vec![41]
        );
        assert!(
            killed_values("At 09:30 gunmen killed a guard.")
                .iter()
                .all(|&v| v != 30)
        );
    }

    #[test]
    fn a_second_source_s_figure_after_according_to() {
        let got = killed_values(
            "The raid killed one fighter according to the Pentagon and as many as 22 \
             according to a monitor.",
        );
        assert_eq!(got, vec![1, 22]);
        let got = killed_values(
            "The shelling killed 12 people according to police, while 15 according to residents.",
        );
        assert_eq!(got, vec![12, 15]);
        // Without a source of its own, the second figure is no toll.
        assert_eq!(
            killed_values(
                "The raid killed one fighter according to the Pentagon and 22 were arrested."
            ),
            vec![1]
        );
    }

    #[test]
    fn a_bare_estimate_stands_for_an_earlier_count() {
        assert!(estimates_an_earlier_count(
            "The defence ministry put the number at \"more than a dozen\"."
        ));
        assert!(estimates_an_earlier_count("Local media put it at 300."));
        assert!(!estimates_an_earlier_count(
            "Medics put the number of dead at 30."
        ));
        assert!(!estimates_an_earlier_count(
            "The army said 12 soldiers were killed."
        ));
    }

    #[test]
    fn a_place_phrase_before_an_active_death_is_the_victim_s() {
        assert_eq!(
            killed_values("A guard at the embassy died of his wounds on Friday."),
            vec![1]
        );
        assert_eq!(
            killed_values(
                "A contractor at the base suffered a heart attack while sheltering and died \
                 soon after."
            ),
            vec![1]
        );
        // Without the attack around it, an illness stays out of the toll.
        assert!(
            killed_values("A contractor at the base suffered a heart attack and died.").is_empty()
        );
    }
}

#[cfg(test)]
mod breakdown_and_toll_tests {
    use super::*;

    fn killed(sentence: &str) -> Vec<u32> {
        find_claims(sentence, 0)
            .into_iter()
            .filter(|c| c.field == ClaimField::Killed)
            .map(|c| c.value)
            .collect()
    }

    #[test]
    fn a_population_toll_split_by_sex_and_age_is_restated_not_added() {
        assert_eq!(
            killed(
                "A shell hit a market on Friday, killing five civilians, two women and three children, and wounding four."
            ),
            [5]
        );
        assert_eq!(
            killed("The raid killed four villagers, a man and three boys, the council said."),
            [4]
        );
        assert_eq!(
            killed("Six passengers, four women and two infants, died when the bus was hit."),
            [6]
        );
        // Parts that are other victims, not sexes and ages, still add to the civilians.
        assert_eq!(
            killed("Gunmen killed three civilians, two policemen and a soldier at a checkpoint."),
            [6]
        );
    }

    #[test]
    fn an_aside_may_follow_a_second_joined_noun() {
        assert_eq!(
            killed(
                "It said 37 soldiers and allied fighters, most of them from one brigade, were killed in the ambush."
            ),
            [37]
        );
        assert_eq!(
            killed("Twelve policemen and guards, among them a colonel, were killed."),
            [12]
        );
    }

    #[test]
    fn tolls_given_in_the_plural_are_read() {
        assert_eq!(
            killed(
                "The blast killed 13 soldiers and at least 70 civilians, officials said, although other officials have given tolls of more than 90."
            ),
            [13, 70, 90]
        );
        assert_eq!(
            killed("Local medics gave tolls of up to 40 for the two raids."),
            [40]
        );
    }
}

//! Trigger words for strikes and attacks, with the filters that keep denials, threats,
//! hypotheticals and generic background ("repeated attacks against US interests") from
//! becoming events.
//!
//! A trigger is found on word tokens of one sentence. Kinds come from the munition named next
//! to the attack word ("a strike involving more than 30 missiles" is a missile attack); a bare
//! "strikes" / "attack" / "raid" is a *wildcard* that joins whatever event the article is
//! already talking about and only becomes an event of its own when it is anchored.

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::corpus::Span;
use crate::extract::types::EventKind;

/// A word of a sentence: byte span into the article body and its lower-cased text. The texts
/// borrow from the article (and from its lower-cased copy), so tokenizing allocates only the
/// token list.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    pub span: Span,
    /// Lower-cased text; owned only for the rare word whose non-ASCII letters change case.
    pub lower: Cow<'a, str>,
    /// The token as written (for case-sensitive checks such as "IED" and "US").
    pub raw: &'a str,
    /// True when the token is punctuation (",", ";", ":", "(", "—" …).
    pub punct: bool,
}

impl Token<'_> {
    /// The lower-cased text as a `&str`, for `match` and comparisons.
    pub fn lower(&self) -> &str {
        &self.lower
    }
}

/// Splits a sentence (`text` = the article body, `span` = the sentence) into word and
/// punctuation tokens. Hyphens and apostrophes inside a word stay in the word.
pub fn tokenize(text: &str, span: Span) -> Vec<Token<'_>> {
    tokenize_inner(text, None, span)
}

/// [`tokenize`] with `lower` = `text.to_ascii_lowercase()` made once per article, so that no
/// token needs a string of its own.
pub fn tokenize_lowered<'a>(text: &'a str, lower: &'a str, span: Span) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lower.len());
    tokenize_inner(text, Some(lower), span)
}

/// The lower-cased form of one word, as `str::to_lowercase` gives it: borrowed from the
/// ASCII-lower-cased copy when every non-ASCII character stays as it is (all words of most
/// wire copy, and "Iraq’s"), else owned.
/// `ascii`: `raw` is known to be ASCII.
fn lower_word<'a>(raw: &'a str, ascii: bool, ascii_lower: Option<&'a str>) -> Cow<'a, str> {
    let unchanged_non_ascii = |raw: &str| {
        raw.chars().all(|c| {
            c.is_ascii() || {
                let mut l = c.to_lowercase();
                l.next() == Some(c) && l.next().is_none()
            }
        })
    };
    if ascii || raw.is_ascii() || unchanged_non_ascii(raw) {
        match ascii_lower {
            Some(l) => Cow::Borrowed(l),
            None if !raw.bytes().any(|b| b.is_ascii_uppercase()) => Cow::Borrowed(raw),
            None => Cow::Owned(raw.to_ascii_lowercase()),
        }
    } else {
        Cow::Owned(raw.to_lowercase())
    }
}

/// The character that starts at byte `i` of `s` and its length; ASCII (nearly every byte of
/// wire copy) without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        Some((char::from(b), 1))
    } else {
        s.get(i..)?.chars().next().map(|c| (c, c.len_utf8()))
    }
}

fn tokenize_inner<'a>(text: &'a str, lower: Option<&'a str>, span: Span) -> Vec<Token<'a>> {
    let s = &text[span[0]..span[1]];
    let bytes = s.as_bytes();
    // About one token per five bytes of wire copy.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut i = 0;
    while let Some((c, c_len)) = char_at(s, i) {
        if c.is_alphanumeric() {
            let mut end = i + c_len;
            // The word's last character so far.
            let mut last = c;
            // Every character of the word so far is ASCII (then its lower-cased form is the
            // ASCII one, with no second look at its bytes).
            let mut ascii = c.is_ascii();
            loop {
                // A run of ASCII letters and digits, the bulk of every word, byte by byte.
                let run_start = end;
                while bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                    end += 1;
                }
                if end > run_start {
                    last = char::from(bytes[end - 1]);
                }
                let Some((d, d_len)) = char_at(s, end) else {
                    break;
                };
                let joins = || {
                    if !matches!(d, '-' | '\'' | '’' | '.' | ',') {
                        return false;
                    }
                    let Some((n, _)) = char_at(s, end + d_len) else {
                        return false;
                    };
                    // "U.S" keeps its dots only between single letters; "3,000" keeps its
                    // comma.
                    n.is_alphanumeric()
                        && (d != ',' || (n.is_ascii_digit() && c.is_ascii_digit()))
                        && (d != '.'
                            || ((last.is_uppercase() || last.is_ascii_digit())
                                && (n.is_uppercase() || n.is_ascii_digit())))
                };
                if d.is_alphanumeric() || joins() {
                    end += d_len;
                    last = d;
                    ascii &= d.is_ascii();
                } else {
                    break;
                }
            }
            let (a, b) = (span[0] + i, span[0] + end);
            let raw = &text[a..b];
            out.push(Token {
                span: [a, b],
                lower: lower_word(raw, ascii, lower.map(|l| &l[a..b])),
                raw,
                punct: false,
            });
            i = end;
        } else {
            if !c.is_whitespace() && !matches!(c, '"' | '“' | '”' | '\'' | '’' | '‘') {
                let (a, b) = (span[0] + i, span[0] + i + c_len);
                let raw = &text[a..b];
                // Punctuation has no case: the text as written is its lower-cased form.
                out.push(Token {
                    span: [a, b],
                    lower: Cow::Borrowed(raw),
                    raw,
                    punct: true,
                });
            }
            i += c_len;
        }
    }
    out
}

/// How sure the word itself is that an attack happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    /// Names the kind: "airstrikes", "rocket attack", "rockets struck", "roadside bomb".
    Explicit,
    /// "strikes", "attack", "raid", "struck": refers to an event, kind from context.
    Generic,
}

#[derive(Debug, Clone)]
pub struct Trigger {
    /// Index of the head token in the sentence's tokens.
    pub token: usize,
    pub span: Span,
    /// `None` for a wildcard ("the attack", "the strikes") whose kind the context decides.
    pub kind: Option<EventKind>,
    /// The kind a wildcard takes if it has to stand on its own.
    pub hint: EventKind,
    pub strength: Strength,
    pub plural: bool,
    /// "the strikes", "these attacks", "Sunday's strike": refers back to a known event.
    pub definite: bool,
    /// Plural background ("repeated attacks", "a series of attacks", "rocket attacks against
    /// US interests"): never an event of its own.
    pub generic: bool,
    /// A plural with no determiner ("carried out airstrikes against", "rocket attacks on
    /// facilities"): an event only when its sentence anchors it with a date or a site.
    pub bare_plural: bool,
}

/// Stems that any trigger sentence contains; sentences without one skip all further work.
pub(crate) const PREFILTER_STEMS: &[&str] = &[
    "strike",
    "struck",
    "attack",
    "rocket",
    "katyusha",
    "missile",
    "drone",
    "shell",
    "mortar",
    "artillery",
    "bomb",
    "ied",
    "explosive",
    "raid",
    "storm",
    "assault",
    "ambush",
    "aerial",
    "siege",
    "barrage",
    "salvo",
    "volley",
    "uav",
    "projectile",
    "breach",
    "blast",
    "explosion",
    // "a truck exploded on the bridge": see `loaded_vehicle_at`.
    "exploded",
    "blew",
    "set off",
    "detonat",
    "suicide",
    "forced",
    "broke into",
    "smashed",
    "was hit",
    "were hit",
    "been hit",
    "being hit",
    "also hit",
    "was targeted",
    "were targeted",
    "been targeted",
    "also targeted",
    // "several more, including one on …": see `included_one`.
    "including one",
    // Armed men who killed: see `armed_agent_kills`.
    "gunmen",
    "shot",
    "gunned",
    "assassinat",
    "dropped",
    "militants",
    "insurgents",
    "jihadists",
    "extremists",
    "rebels",
    "attackers",
    "assailants",
    "fighters",
    // Aircraft as the subject of an attack verb ("helicopters fired on"), "came under fire".
    "aircraft",
    "jet",
    "planes",
    "helicopter",
    "gunship",
    "chopper",
    "under fire",
    "came under",
    "come under",
    "comes under",
    "coming under",
    // A member of a series as the subject: see `series_member_subject`.
    "first hit",
    "second hit",
    "third hit",
    "latest hit",
    "another hit",
    "first targeted",
    "second targeted",
    "latest targeted",
    "another targeted",
    "one hit",
    "one struck",
    "one targeted",
    // Armed men firing: see `armed_subject`.
    "opened fire",
    "open fire",
    // Killings with hand weapons: see `hand_weapon_after`.
    "killed with",
    "others",
    "hacked",
    "massacred",
    "slaughtered",
];

fn prefilter() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(PREFILTER_STEMS)
            .expect("static trigger stems")
    })
}

/// Cheap test: can this text contain a trigger at all?
pub fn may_contain_trigger(text: &str) -> bool {
    prefilter().is_match(text)
}

/// Verbs that make a munition noun next to them an attack ("rockets struck", "fired missiles").
fn is_munition_verb(w: &str) -> bool {
    matches!(
        w,
        "struck"
            | "strike"
            | "strikes"
            | "hit"
            | "hits"
            | "hitting"
            | "landed"
            | "land"
            | "fell"
            | "slammed"
            | "fired"
            | "fire"
            | "firing"
            | "launched"
            | "launch"
            | "targeted"
            | "targeting"
            | "target"
            | "impacted"
            | "crashed"
            | "exploded"
            | "rained"
            | "pounded"
            | "attacked"
            | "attack"
            | "attacks"
            | "targets"
            | "killed"
            | "wounded"
            | "injured"
            | "damaged"
            | "shot"
            | "lobbed"
            | "tore"
            | "ripped"
            | "ploughed"
            | "plowed"
            | "destroyed"
            | "demolished"
            | "levelled"
            | "leveled"
    )
}

/// Words that open the name of an armed group's site or holdings ("militia depots",
/// "positions", "weapons stores"): targets of air raids.
fn military_site(w: &str) -> bool {
    matches!(
        w,
        "militia"
            | "militias"
            | "militant"
            | "militants"
            | "positions"
            | "depots"
            | "bases"
            | "barracks"
            | "camps"
            | "weapons"
            | "ammunition"
            | "arms"
    )
}

/// The kind of attack a weapon word names ("drones" → a drone attack), if it names one.
pub fn munition_kind(w: &str) -> Option<EventKind> {
    match w {
        // "projectiles" in wire copy are rockets or mortar rounds, not named further.
        "rocket" | "rockets" | "katyusha" | "katyushas" | "projectile" | "projectiles" => {
            Some(EventKind::RocketAttack)
        }
        "missile" | "missiles" => Some(EventKind::MissileAttack),
        "drone" | "drones" | "uav" | "uavs" => Some(EventKind::DroneAttack),
        "mortar" | "mortars" | "artillery" | "shells" => Some(EventKind::Shelling),
        _ => None,
    }
}

/// Tokens that end the clause a trigger belongs to, for context windows.
fn is_clause_break(t: &Token) -> bool {
    (t.punct && matches!(t.lower(), "," | ";" | ":" | "(" | ")" | "—" | "–" | "-"))
        || matches!(
            t.lower(),
            "after" | "when" | "while" | "following" | "that" | "which" | "but" | "before"
        )
}

/// A trigger found at tokens `first..=last`: its kind when the words name one, the kind to
/// assume otherwise (the hint), and how strong the evidence is.
type TriggerHit = (usize, usize, Option<EventKind>, EventKind, Strength);

/// A trigger whose words name its kind ("airstrike", "rockets struck").
fn explicit_hit(first: usize, last: usize, kind: EventKind) -> Option<TriggerHit> {
    Some((first, last, Some(kind), kind, Strength::Explicit))
}

/// The words that head an arm of the `match` in [`find_triggers`]: a token that is none of
/// these, no aircraft noun ([`AIRCRAFT_NOUNS`]) and no vehicle ([`LOADED_VEHICLES`]) starts no
/// trigger, and skips the match (a chain of string comparisons) and its guards' scans. A unit
/// test reads the match and keeps this list complete.
const TRIGGER_HEADS: &[&str] = &[
    "aerial",
    "air",
    "air-strike",
    "air-strikes",
    "airstrike",
    "airstrike's",
    "airstrikes",
    "ambush",
    "ambushed",
    "artillery",
    "assassinated",
    "assassination",
    "assassinations",
    "assault",
    "assaulted",
    "attack",
    "attacked",
    "attacking",
    "attacks",
    "barrage",
    "barrages",
    "besieged",
    "blast",
    "blasts",
    "blew",
    "bomb",
    "bombarded",
    "bombardment",
    "bombed",
    "bombing",
    "bombings",
    "bombs",
    "breached",
    "broke",
    "came",
    "come",
    "comes",
    "coming",
    "counter-battery",
    "detonated",
    "detonating",
    "drone",
    "drones",
    "dropped",
    "explosion",
    "explosions",
    "explosive",
    "fired",
    "forced",
    "gunned",
    "hacked",
    "hit",
    "hitting",
    "ied",
    "ieds",
    "improvised",
    "katyusha",
    "katyushas",
    "killed",
    "massacred",
    "missile",
    "missiles",
    "mortar",
    "mortars",
    "open",
    "opened",
    "opening",
    "others",
    "overran",
    "pounded",
    "pounding",
    "projectile",
    "projectiles",
    "raid",
    "raided",
    "raids",
    "rocket",
    "rockets",
    "salvo",
    "salvos",
    "set",
    "setting",
    "shell",
    "shelled",
    "shelling",
    "shells",
    "shot",
    "siege",
    "slaughtered",
    "smashed",
    "stormed",
    "storming",
    "strike",
    "strikes",
    "struck",
    "suicide",
    "targeted",
    "targeting",
    "torched",
    "uav",
    "uavs",
    "volley",
    "volleys",
];

/// Whether a token may start a trigger: a table look-up by first byte and length, then a bit
/// of a hash of the whole word (a Bloom filter, for the common words of the same first
/// byte and length as a head word: "said" and "shot"). Words it lets through still go
/// through the whole match.
fn may_head_a_trigger(w: &str) -> bool {
    struct Tables {
        /// Bit `len` of the entry for a first byte: some head word with that first byte has
        /// that length (longer than 63 bytes: none).
        by_first_byte: [u64; 256],
        /// Bit [`word_bit`] of every head word.
        words: [u64; 64],
    }
    static TABLES: OnceLock<Tables> = OnceLock::new();
    let t = TABLES.get_or_init(|| {
        let mut t = Tables {
            by_first_byte: [0; 256],
            words: [0; 64],
        };
        for w in TRIGGER_HEADS
            .iter()
            .chain(AIRCRAFT_NOUNS)
            .chain(LOADED_VEHICLES)
        {
            t.by_first_byte[usize::from(w.as_bytes()[0])] |= 1 << w.len();
            let bit = word_bit(w);
            t.words[bit / 64] |= 1 << (bit % 64);
        }
        t
    });
    match w.as_bytes().first() {
        Some(&b) if w.len() < 64 && t.by_first_byte[usize::from(b)] & (1 << w.len()) != 0 => {
            let bit = word_bit(w);
            t.words[bit / 64] & (1 << (bit % 64)) != 0
        }
        _ => false,
    }
}

/// One of 4,096 bits for a word (FNV-1a).
fn word_bit(w: &str) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in w.as_bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h >> 40) as usize % 4096
}

/// Finds the triggers of one sentence. `tokens` come from [`tokenize`].
pub fn find_triggers(tokens: &[Token]) -> Vec<Trigger> {
    let mut found: Vec<Trigger> = Vec::new();
    let n = tokens.len();
    let w = |i: usize| -> &str { tokens.get(i).map_or("", |t| t.lower()) };
    let mut i = 0;
    while i < n {
        let cur = w(i);
        if !may_head_a_trigger(cur) {
            i += 1;
            continue;
        }
        let next = w(i + 1);
        let prev = if i > 0 { w(i - 1) } else { "" };
        let mut hit: Option<TriggerHit> = None;
        // The head is the verb, not the plural subject: "jets struck" is one strike.
        let mut head_at_verb = false;
        // Sentence scans that decide an arm below, run once: each was the arm's guard and
        // then ran again in its body.
        let worn_charge = matches!(cur, "detonated" | "detonating" | "set" | "setting")
            .then(|| worn_charge_after(tokens, i))
            .flatten();
        let blast = matches!(cur, "explosion" | "explosions" | "blast" | "blasts")
            .then(|| blast_attack(tokens, i))
            .flatten();
        let with_weapon = matches!(
            cur,
            "hit" | "hitting" | "struck" | "targeted" | "targeting" | "pounded" | "pounding"
        )
        .then(|| weapon_after_with(tokens, i))
        .flatten();
        match cur {
            "airstrike" | "airstrikes" | "air-strike" | "air-strikes" | "airstrike's" => {
                hit = explicit_hit(i, i, EventKind::Airstrike);
            }
            // "air raid sirens sounded", "an air raid alert": a warning of an attack, not one.
            "air"
                if matches!(
                    next,
                    "strike"
                        | "strikes"
                        | "raid"
                        | "raids"
                        | "attack"
                        | "attacks"
                        | "assault"
                        | "bombardment"
                ) && !is_air_raid_warning(w(i + 2)) =>
            {
                hit = explicit_hit(i, i + 1, EventKind::Airstrike);
            }
            "aerial"
                if matches!(
                    next,
                    "assault"
                        | "attack"
                        | "attacks"
                        | "bombardment"
                        | "strike"
                        | "strikes"
                        | "bombing"
                        | "bombings"
                        | "campaign"
                ) =>
            {
                hit = explicit_hit(i, i + 1, EventKind::Airstrike);
            }
            // "unidentified aircraft struck a convoy", "helicopters fired on a school", "jets
            // killed 26 fighters": an aircraft as the subject of an attack verb is an air
            // strike. Only the active subject counts: "jets were intercepted", "shot down a
            // plane" and "helicopters flew over" put no verb of attack right after the noun.
            _ if is_aircraft_noun(cur)
                && aircraft_attack_verb(tokens, i).is_some()
                && !in_agent_phrase(tokens, i) =>
            {
                let v = aircraft_attack_verb(tokens, i).unwrap_or(i);
                // "jets fired missiles at …": the missiles are the aircraft's, one trigger.
                let v = fired_munition_after(tokens, v).unwrap_or(v);
                // "the unmanned aircraft struck the base" is a drone, as the drone rule has it.
                let kind = if matches!(prev, "unmanned" | "remotely-piloted" | "pilotless") {
                    EventKind::DroneAttack
                } else {
                    EventKind::Airstrike
                };
                hit = explicit_hit(i, v, kind);
                head_at_verb = true;
            }
            // "a patrol came under fire", "the base came under rocket fire": the subject was
            // attacked; the weapon, when named, gives the kind. "came under fire from
            // lawmakers over the budget" is criticism, not an attack.
            "came" | "come" | "comes" | "coming" if next == "under" => {
                if let Some((last, kind)) = came_under_attack(tokens, i) {
                    hit = explicit_hit(i, last, kind);
                    head_at_verb = true;
                }
            }
            "bombed" | "bombarded" | "bombardment"
                if !matches!(prev, "car" | "suicide" | "truck" | "lorry") =>
            {
                hit = explicit_hit(i, i, EventKind::Airstrike);
            }
            // "the February 15 barrage on the airport": a barrage or salvo is of rockets
            // (of shells after "artillery" or "mortar"); "a barrage of criticism" is not one.
            "barrage" | "barrages" | "salvo" | "salvos" | "volley" | "volleys"
                if next != "of" && !matches!(prev, "verbal" | "diplomatic" | "media") =>
            {
                let k = if matches!(prev, "artillery" | "mortar" | "tank") {
                    EventKind::Shelling
                } else {
                    EventKind::RocketAttack
                };
                hit = explicit_hit(i, i, k);
            }
            "bombing" | "bombings" => {
                let k = if matches!(
                    prev,
                    "suicide"
                        | "car"
                        | "truck"
                        | "lorry"
                        | "roadside"
                        | "market"
                        | "bus"
                        | "twin"
                        | "double"
                        | "mosque"
                ) {
                    Some(EventKind::Ied)
                } else if next == "raid"
                    || next == "raids"
                    || next == "campaign"
                    || (next == "of" && military_site(w(i + 2)))
                    // "with warplanes bombing suspected hideouts": aircraft doing the bombing.
                    || is_aircraft_noun(prev)
                {
                    // "the bombing of militia depots": armed groups' sites are bombed from
                    // the air; a market or a mosque is bombed by a planted device.
                    Some(EventKind::Airstrike)
                } else {
                    None
                };
                let strength = if k.is_some() {
                    Strength::Explicit
                } else {
                    Strength::Generic
                };
                hit = Some((i, i, k, k.unwrap_or(EventKind::Ied), strength));
            }
            "bomb" | "bombs"
                if matches!(
                    prev,
                    "roadside"
                        | "car"
                        | "truck"
                        | "lorry"
                        | "suicide"
                        | "pipe"
                        | "sticky"
                        | "magnetic"
                        | "planted"
                ) =>
            {
                hit = explicit_hit(i - 1, i, EventKind::Ied);
            }
            // "two bombs exploded an hour apart": bombs that go off were planted, whereas
            // "bombs hit the market" may have fallen from aircraft.
            "bomb" if matches!(next, "blast" | "exploded" | "attack" | "explosion" | "went") => {
                hit = explicit_hit(i, i + 1, EventKind::Ied);
            }
            "bombs" if matches!(next, "exploded" | "went" | "detonated") => {
                hit = explicit_hit(i, i + 1, EventKind::Ied);
            }
            // "a bomb left in a bag exploded at a restaurant", "two bombs hidden in a cart went
            // off": a participle phrase between the bomb and its verb.
            "bomb" | "bombs" if bomb_went_off(tokens, i).is_some() => {
                let last = bomb_went_off(tokens, i).unwrap_or(i);
                hit = explicit_hit(i, last, EventKind::Ied);
            }
            // "a man wearing an explosive vest blew himself up at the gate": a suicide
            // bombing. So is setting off one's own vest or belt ("detonated his vest").
            "blew" if matches!(next, "himself" | "herself" | "themselves") && w(i + 2) == "up" => {
                hit = explicit_hit(i, i + 2, EventKind::Ied);
            }
            "detonated" | "detonating" | "set" | "setting" if worn_charge.is_some() => {
                hit = explicit_hit(i, worn_charge.unwrap_or(i), EventKind::Ied);
            }
            "ied" | "ieds" if tokens[i].raw.starts_with("IED") => {
                hit = explicit_hit(i, i, EventKind::Ied);
            }
            "improvised" if next == "explosive" => {
                hit = explicit_hit(i, i + 1, EventKind::Ied);
            }
            // "lured into an area where explosive devices had been planted", "explosive devices
            // were found and defused": a device laid or found, not set off, is no attack.
            "explosive"
                if matches!(next, "device" | "devices") && device_only_laid(tokens, i + 1) => {}
            "explosive" if next == "device" || next == "devices" => {
                hit = explicit_hit(i, i + 1, EventKind::Ied);
            }
            // "a car packed with explosives rammed a convoy", "a truck laden with explosives":
            // a vehicle loaded with a charge is a vehicle bomb.
            // The vehicle is the head: "a car" is one bomb, "explosives" no plural of attacks.
            _ if loaded_vehicle_at(tokens, i).is_some() => {
                let last = loaded_vehicle_at(tokens, i).unwrap_or(i);
                hit = explicit_hit(i, last, EventKind::Ied);
            }
            // "a vehicle carrying a suicide bomber", "troops shot dead a would-be suicide
            // bomber": a bomber stopped or carried is no bombing.
            "suicide" if matches!(next, "bomber" | "bombers") && bomber_stopped(tokens, i) => {}
            "suicide"
                if matches!(
                    next,
                    "bomber"
                        | "bombers"
                        | "attack"
                        | "attacker"
                        | "attacks"
                        | "blast"
                        | "vest"
                        | "bombing"
                        | "bombings"
                ) =>
            {
                hit = explicit_hit(i, i + 1, EventKind::Ied);
            }
            "drone" | "drones" | "uav" | "uavs" => {
                if matches!(next, "strike" | "strikes") {
                    hit = explicit_hit(i, i + 1, EventKind::DroneStrike);
                } else if matches!(next, "attack" | "attacks" | "assault") {
                    hit = explicit_hit(i, i + 1, EventKind::DroneAttack);
                } else if prev.contains("laden")
                    || prev.contains("packed")
                    || matches!(prev, "armed" | "kamikaze" | "suicide" | "booby-trapped")
                {
                    hit = explicit_hit(i - 1, i, EventKind::DroneAttack);
                } else if let Some(v) = verb_near(tokens, i) {
                    hit = explicit_hit(i, v.max(i), EventKind::DroneAttack);
                }
            }
            // "projectiles hit the base"; not "the rockets were 107 mm projectiles fired
            // from a truck" (a description of the weapon).
            "projectile" | "projectiles" if is_impact_verb(next) => {
                hit = explicit_hit(i, i + 1, EventKind::RocketAttack);
            }
            "rocket" | "rockets" | "katyusha" | "katyushas" | "missile" | "missiles" => {
                let kind = munition_kind(cur).unwrap_or(EventKind::RocketAttack);
                if matches!(
                    next,
                    "attack"
                        | "attacks"
                        | "strike"
                        | "strikes"
                        | "fire"
                        | "barrage"
                        | "barrages"
                        | "salvo"
                        | "salvos"
                        | "assault"
                ) {
                    hit = explicit_hit(i, i + 1, kind);
                } else if matches!(
                    next,
                    "launcher"
                        | "launchers"
                        | "launch"
                        | "defence"
                        | "defense"
                        | "program"
                        | "programme"
                        | "tests"
                        | "test"
                        | "technology"
                        | "arsenal"
                        | "sites"
                        | "shield"
                ) {
                    // Equipment, not an attack.
                } else if let Some(v) = verb_near(tokens, i) {
                    // "jets fired missiles", "missiles fired from a drone": by news convention
                    // missiles an aircraft launched make an air (or drone) strike.
                    let kind = if kind == EventKind::MissileAttack {
                        air_launcher(tokens, i).unwrap_or(kind)
                    } else {
                        kind
                    };
                    hit = explicit_hit(i.min(v), i.max(v), kind);
                }
            }
            "mortar" | "mortars"
                if matches!(
                    next,
                    "rounds"
                        | "shells"
                        | "bombs"
                        | "attack"
                        | "attacks"
                        | "fire"
                        | "round"
                        | "shell"
                ) || verb_near(tokens, i).is_some() =>
            {
                hit = explicit_hit(i, i, EventKind::Shelling);
            }
            // "shells fired from across the border hit …": the shells are the shelling.
            "shell" | "shells" if verb_near(tokens, i).is_some() => {
                let v = verb_near(tokens, i).unwrap_or(i);
                hit = explicit_hit(i.min(v), i.max(v), EventKind::Shelling);
            }
            "shelling" | "shelled" | "counter-battery" => {
                hit = explicit_hit(i, i, EventKind::Shelling);
            }
            "artillery"
                if matches!(
                    next,
                    "fire" | "shelling" | "strikes" | "barrage" | "shells" | "rounds"
                ) =>
            {
                hit = explicit_hit(i, i + 1, EventKind::Shelling);
            }
            // "explosions hit the airport as ministers arrived, killing 22": a blast as the
            // subject of an impact verb, in a sentence that tells of casualties, blame or an
            // attack, is an attack; a weapon named in the sentence gives its kind.
            "explosion" | "explosions" | "blast" | "blasts" if blast.is_some() => {
                // With no weapon named the blast is a wildcard: the cause, told later ("the
                // port had been hit by missiles"), names the attack it belongs to.
                let (last, kind) = blast.unwrap_or((i, None));
                hit = match kind {
                    Some(k) => explicit_hit(i, last, k),
                    None => Some((i, last, None, EventKind::OtherAttack, Strength::Generic)),
                };
                head_at_verb = true;
            }
            // "retaliated by hitting government targets with artillery", "pounded the town
            // with rockets": the weapon in the "with" phrase names the kind.
            "hit" | "hitting" | "struck" | "targeted" | "targeting" | "pounded" | "pounding"
                if with_weapon.is_some() =>
            {
                let (last, kind) = with_weapon.unwrap_or((i, EventKind::OtherAttack));
                hit = Some((i, last, Some(kind), kind, Strength::Explicit));
            }
            // "five drone attacks since April … The first hit Erbil airport on April 14": a
            // member of a series just named, as the subject of an impact verb. A wildcard;
            // the series gives the kind (see `events`).
            "hit" | "struck" | "targeted" if series_member_subject(tokens, i) => {
                hit = Some((i - 1, i, None, EventKind::OtherAttack, Strength::Generic));
                head_at_verb = true;
            }
            // "two bombs struck the cathedral during Mass": bombs striking, with no aircraft
            // in the sentence to have dropped them, were planted.
            "struck" | "hit"
                if matches!(prev, "bomb" | "bombs")
                    && !tokens
                        .iter()
                        .any(|t| is_aircraft_noun(t.lower()) || t.lower() == "air") =>
            {
                hit = explicit_hit(i - 1, i, EventKind::Ied);
            }
            "strike" | "strikes" | "struck" => {
                let excluded = matches!(
                    prev,
                    "hunger" | "general" | "labor" | "labour" | "workers" | "teachers"
                ) || matches!(next, "deal" | "deals" | "balance")
                    // "struck a deal" is not a strike; "gunmen struck a village" is.
                    || (next == "a"
                        && !(cur == "struck"
                            && armed_agent_before(tokens, i)
                            && !matches!(
                                w(i + 2),
                                "deal" | "balance" | "bargain" | "truce" | "chord" | "pose"
                            )))
                    || (cur == "strike" && prev == "to" && next != "on");
                // "the bomber struck": a person carrying the bomb, unless the word before
                // names an aircraft ("a strategic bomber struck").
                let aircraft = |t: &str| {
                    matches!(t, "strategic" | "stealth" | "long-range" | "heavy")
                        || t.starts_with("b-")
                        || t.starts_with("tu-")
                };
                let person_bomber = cur != "strikes"
                    && prev == "bomber"
                    && !aircraft(if i >= 2 { w(i - 2) } else { "" });
                if !excluded && person_bomber {
                    hit = explicit_hit(i - 1, i, EventKind::Ied);
                } else if !excluded {
                    let (kind, strength) = match munition_near(tokens, i) {
                        Some(EventKind::DroneAttack) => {
                            (Some(EventKind::DroneStrike), Strength::Explicit)
                        }
                        Some(k) => (Some(k), Strength::Explicit),
                        // "the attackers struck the village at dusk": armed men on the ground
                        // striking with no weapon named is a ground attack, not an air strike.
                        None if cur == "struck" && armed_agent_before(tokens, i) => {
                            (Some(EventKind::OtherAttack), Strength::Explicit)
                        }
                        // "strikes by unidentified aircraft": the agent names the kind.
                        None if aircraft_agent_after(tokens, i) => {
                            (Some(EventKind::Airstrike), Strength::Explicit)
                        }
                        None => (None, Strength::Generic),
                    };
                    hit = Some((i, i, kind, kind.unwrap_or(EventKind::Airstrike), strength));
                }
            }
            // "backed by attack helicopters and drones", "an attack submarine": "attack" as
            // the first word of a weapon's name tells no attack.
            "attack" | "assault" if is_attack_craft(next) => {}
            "attack" | "attacks" | "attacked" | "attacking" | "assault" | "assaulted" => {
                let kind = munition_near(tokens, i);
                let strength = if kind.is_some() {
                    Strength::Explicit
                } else {
                    Strength::Generic
                };
                let hint = kind.unwrap_or(EventKind::OtherAttack);
                hit = Some((i, i, kind, hint, strength));
            }
            // "a ship hit by a missile": the weapon in the "by" phrase names the kind.
            "hit" | "targeted"
                if next == "by" && is_munition_within(tokens, i + 2, 3).is_some() =>
            {
                // The weapon is part of this mention, so it starts no trigger of its own.
                let (last, kind) =
                    is_munition_within(tokens, i + 2, 3).unwrap_or((i, EventKind::OtherAttack));
                hit = Some((i, last, Some(kind), kind, Strength::Explicit));
            }
            // Passive or additive impact verbs: "the plant was hit", "sites were also hit",
            // "a wave of attacks that also targeted power plants".
            "hit" | "targeted"
                if matches!(prev, "was" | "were" | "been" | "being" | "also")
                    && !matches!(next, "hard" | "back" | "out") =>
            {
                let kind = munition_near(tokens, i);
                let strength = if kind.is_some() {
                    Strength::Explicit
                } else {
                    Strength::Generic
                };
                hit = Some((i, i, kind, kind.unwrap_or(EventKind::OtherAttack), strength));
            }
            "raid" | "raids" | "raided" if !(prev == "air" && is_air_raid_warning(next)) => {
                hit = Some((i, i, None, raid_hint(tokens), Strength::Generic));
            }
            // "gunmen opened fire on a bus", "militants stormed a village and opened fire":
            // armed men firing on people is a ground attack.
            "opened" | "open" | "opening"
                if next == "fire"
                    && (armed_agent_before(tokens, i)
                        || armed_subject(tokens, i)
                        || deaths_caused_by(tokens, i)) =>
            {
                // No kind of its own: it may be the gunfire of a bombing ("a suicide bomber
                // struck, and gunmen then opened fire").
                hit = Some((i, i + 1, None, EventKind::OtherAttack, Strength::Explicit));
            }
            "forced" | "broke" | "smashed"
                if (next == "their" && matches!(w(i + 2), "way" | "ways"))
                    || next == "into"
                    || next == "through" =>
            {
                let last = if next == "their" {
                    (i + 3).min(n - 1)
                } else {
                    i + 1
                };
                hit = Some((
                    i,
                    last,
                    Some(EventKind::OtherAttack),
                    EventKind::OtherAttack,
                    Strength::Explicit,
                ));
            }
            // "jets dropped seven guided bombs on …", "helicopters dropped barrel bombs": bombs
            // dropped on a target are an air strike.
            "dropped" if dropped_bombs(tokens, i).is_some() => {
                let last = dropped_bombs(tokens, i).unwrap_or(i);
                hit = explicit_hit(i, last, EventKind::Airstrike);
            }
            // Targeted killings. By news convention a shooting is an attack when armed men
            // are the actors ("gunmen shot dead a judge", "was shot dead by assailants") or
            // when no actor is named ("an activist was shot dead in Karbala"); not when the
            // shooters are the police or the troops ("was shot dead by police"), nor when the
            // one shot is the attacker ("the gunman was shot dead"). An assassination is an
            // attack whoever carries it out.
            "shot" if shooting_attack(tokens, i) => {
                let last = if next == "dead" { i + 1 } else { i };
                hit = explicit_hit(i, last, EventKind::OtherAttack);
            }
            "gunned"
                if next == "down"
                    && (armed_agent_before(tokens, i)
                        || (matches!(prev, "was" | "were" | "been" | "being")
                            && !security_agent_after(tokens, i + 2)
                            && !attacker_subject(tokens, i))) =>
            {
                hit = explicit_hit(i, i + 1, EventKind::OtherAttack);
            }
            "assassinated" | "assassination" | "assassinations"
                if !matches!(
                    next,
                    "plot" | "plots" | "list" | "lists" | "squad" | "squads" | "campaign"
                ) =>
            {
                // A wildcard: "the assassination of the general" in a drone-strike story is
                // that strike; it stands alone only when its sentence anchors it.
                hit = Some((i, i, None, EventKind::OtherAttack, Strength::Generic));
            }
            // "43 farm workers were killed by suspected Boko Haram fighters": the passive of
            // the same, armed men in the agent phrase.
            "killed" if killed_by_armed_men(tokens, i) => {
                hit = Some((
                    i,
                    i + 1,
                    Some(EventKind::OtherAttack),
                    EventKind::OtherAttack,
                    Strength::Explicit,
                ));
            }
            // "gunmen fired dozens of rounds into the office", "gunmen fired on a car": armed
            // men firing at people or a place is a ground attack, like "opened fire".
            "fired" if armed_agent_before(tokens, i) && gunfire_object(tokens, i) => {
                hit = Some((i, i, None, EventKind::OtherAttack, Strength::Explicit));
            }
            // "gunmen killed 20 people", "rebels killed dozens of soldiers near X": armed men
            // killing people is an attack even when no attack word is written.
            "killed" if armed_agent_kills(tokens, i) => {
                hit = Some((
                    i,
                    i,
                    Some(EventKind::OtherAttack),
                    EventKind::OtherAttack,
                    Strength::Explicit,
                ));
            }
            // "villagers were killed with knives and machetes", "hacked to death with axes":
            // people killed with a hand weapon were attacked, whoever the attackers were.
            "killed" | "hacked" | "massacred" | "slaughtered"
                if hand_weapon_after(tokens, i).is_some() =>
            {
                let last = hand_weapon_after(tokens, i).unwrap_or(i);
                hit = explicit_hit(i, last, EventKind::OtherAttack);
            }
            // "Rockets landed at Balad, and there were others at Baghdad airport", "some fell
            // on the base; others hit a street": more of the weapon just named, elsewhere.
            "others"
                if elliptic_others(tokens, i)
                    && found
                        .last()
                        .and_then(|t| t.kind)
                        .is_some_and(munition_family) =>
            {
                let kind = found
                    .last()
                    .and_then(|t| t.kind)
                    .unwrap_or(EventKind::RocketAttack);
                hit = explicit_hit(i, i, kind);
            }
            // A crowd as the agent ("protesters stormed …") is found here so that the
            // sentence's dates stay with it, and dropped by `not_an_event`.
            // "in besieged Mariupol", "the besieged city": the participle as an adjective
            // tells a state of the town, not an assault.
            "besieged" if is_attributive(tokens, i) => {}
            "stormed" | "storming" | "overran" | "besieged" | "siege" | "breached" | "ambush"
            | "ambushed" | "torched" => {
                hit = Some((
                    i,
                    i,
                    Some(EventKind::OtherAttack),
                    EventKind::OtherAttack,
                    Strength::Explicit,
                ));
            }
            _ => {}
        }
        if let Some((first, last, kind, hint, strength)) = hit {
            let head = if head_at_verb {
                last
            } else if munition_kind(cur).is_some() || cur == "air" || cur == "aerial" {
                last.min(i + 1).max(i)
            } else {
                i
            };
            let head = if tokens[head].punct { i } else { head };
            let head_word = tokens[head].lower();
            let plural = head_word.ends_with('s')
                && !matches!(
                    head_word,
                    "ied" | "siege" | "bombardment" | "assault" | "others"
                )
                || matches!(
                    head_word,
                    "attacks" | "strikes" | "airstrikes" | "raids" | "bombings"
                );
            let plural = plural
                && !matches!(
                    head_word,
                    "struck"
                        | "attacked"
                        | "bombed"
                        | "stormed"
                        | "besieged"
                        | "breached"
                        | "shelled"
                        | "assaulted"
                        | "raided"
                );
            let definite = is_definite(tokens, first);
            let (generic, determiner) = plural_determiners(tokens, first);
            let generic = (plural
                && (generic
                    || perfect_tally(tokens, first, last)
                    || purpose_plural(tokens, first)))
                || habitual_modifier(tokens, first)
                || (plural && characterizing_participle(tokens, first))
                || (plural && subject_of_a_trend(tokens, last));
            let bare_plural = plural && !generic && !determiner;
            found.push(Trigger {
                token: head,
                span: [tokens[first].span[0], tokens[last].span[1]],
                kind,
                hint,
                strength,
                plural,
                definite,
                generic,
                bare_plural,
            });
            i = last + 1;
            continue;
        }
        i += 1;
    }
    let mut found = collapse(tokens, found);
    coordinated_munition_verbs(tokens, &mut found);
    included_one(tokens, &mut found);
    found
}

/// "carrying a suicide bomber", "killed two would-be suicide bombers", "arrested a suspected
/// suicide bomber": the bomber whose words start at `i` is the object of a verb that stops or
/// carries him, so he set nothing off (the passive "killed by a suicide bomber" has "by").
fn bomber_stopped(tokens: &[Token], i: usize) -> bool {
    let verb = tokens[..i].iter().rev().find(|t| {
        !matches!(
            t.lower(),
            "a" | "an"
                | "the"
                | "would-be"
                | "suspected"
                | "potential"
                | "alleged"
                | "two"
                | "three"
                | "four"
                | "several"
                // "hit a car carrying multiple suicide bombers"
                | "multiple"
                | "many"
        )
    });
    verb.is_some_and(|v| {
        matches!(
            v.lower(),
            "carrying"
                | "carried"
                | "transporting"
                | "killed"
                | "killing"
                | "arrested"
                | "detained"
                | "intercepted"
                | "stopped"
                | "caught"
                | "captured"
                | "neutralised"
                | "neutralized"
                | "eliminated"
                | "dead"
        )
    })
}

/// True when the participle at `i` modifies the noun after it ("in besieged Mariupol", "the
/// besieged city", "the town's besieged residents") rather than telling an act: a determiner,
/// a preposition or a possessive stands right before it.
fn is_attributive(tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    let w = prev.lower();
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "in"
            | "of"
            | "to"
            | "from"
            | "into"
            | "inside"
            | "for"
            | "near"
            | "around"
            | "across"
            | "its"
            | "their"
            | "his"
            | "her"
            | "this"
    ) || w.ends_with("'s")
        || w.ends_with("\u{2019}s")
}

/// "the first hit …", "the latest struck …", "another targeted …": an ordinal or "another"
/// standing alone as the subject of the verb at `verb`, i.e. one of a series named before.
pub fn series_member_subject(tokens: &[Token], verb: usize) -> bool {
    if verb == 0 {
        return false;
    }
    let before = verb.checked_sub(2).map(|i| &tokens[i]);
    match tokens[verb - 1].lower() {
        "first" | "second" | "third" | "fourth" | "fifth" | "latest" => {
            before.is_some_and(|t| t.lower() == "the")
        }
        "another" => before.is_none_or(|t| t.punct),
        // "Drone attacks have grown. One hit the air base in May": a sentence that opens
        // with "One" and an attack verb tells one of the series.
        "one" => before.is_none_or(|t| t.punct) && tokens[verb - 1].raw == "One",
        _ => false,
    }
}

/// "hitting … targets with artillery": within the verb's clause, "with" and then a weapon
/// within three words; the weapon's index and kind. A passive verb takes its weapon from the
/// agent phrase as well: "the base was also struck in January by Iranian ballistic missiles"
/// (only when no weapon stands next to the verb, which names the kind as it did before).
fn weapon_after_with(tokens: &[Token], verb: usize) -> Option<(usize, EventKind)> {
    let passive = verb >= 1
        && matches!(
            tokens[verb - 1].lower(),
            "was" | "were" | "been" | "being" | "is" | "are" | "also"
        )
        && munition_near(tokens, verb).is_none();
    let with = tokens
        .iter()
        .enumerate()
        .skip(verb + 1)
        // "hit a petroleum storage facility in the Red Sea city of Jeddah with missiles": the
        // object may be a long place phrase, within one clause.
        .take(14)
        .take_while(|(_, t)| !is_clause_break(t))
        .find(|(_, t)| t.lower() == "with" || (passive && t.lower() == "by"))?
        .0;
    is_munition_within(tokens, with + 1, 3)
}

/// "explosive devices had been planted", "the devices were found": the device noun at `noun`
/// is the subject of a verb of laying or finding (after its auxiliaries), and nothing in the
/// rest of the clause goes off.
fn device_only_laid(tokens: &[Token], noun: usize) -> bool {
    let mut rest = tokens
        .iter()
        .skip(noun + 1)
        .take_while(|t| !is_clause_break(t) && t.lower() != ".")
        .skip_while(|t| matches!(t.lower(), "had" | "have" | "has" | "been" | "was" | "were"));
    let laid = rest.next().is_some_and(|t| {
        matches!(
            t.lower(),
            "planted"
                | "placed"
                | "laid"
                | "found"
                | "discovered"
                | "defused"
                | "removed"
                | "seized"
        )
    });
    laid && !rest.any(|t| {
        matches!(
            t.lower(),
            "exploded" | "detonated" | "went" | "killed" | "wounded" | "blew" | "struck" | "hit"
        )
    })
}

/// Craft whose name can open with "attack" or "assault" ("attack helicopters", "an attack
/// submarine", "assault boats", "attack drones"): the word names the weapon, not an attack.
fn is_attack_craft(w: &str) -> bool {
    matches!(
        w,
        "helicopter"
            | "helicopters"
            | "aircraft"
            | "jet"
            | "jets"
            | "plane"
            | "planes"
            | "submarine"
            | "submarines"
            | "boat"
            | "boats"
            | "craft"
            | "drone"
            | "drones"
            | "rifle"
            | "rifles"
            | "dog"
            | "dogs"
    )
}

/// "action against groups firing rockets at American facilities", "militias launching drones
/// at Saudi cities": a present participle right after a plural noun of armed actors, with a
/// bare plural weapon, says what such actors do (a reduced relative clause), not what they
/// did on a day. Not after "with" ("…, with militants firing rockets at the town"), which
/// describes the scene of an attack being told.
fn characterizing_participle(tokens: &[Token], first: usize) -> bool {
    let is_participle = |t: &Token| {
        matches!(
            t.lower(),
            "firing" | "launching" | "lobbing" | "planting" | "flying" | "sending"
        )
    };
    // The trigger opens on the participle ("firing rockets") or on the weapon after it.
    let Some(verb) = [Some(first), first.checked_sub(1)]
        .into_iter()
        .flatten()
        .find(|&j| is_participle(&tokens[j]))
    else {
        return false;
    };
    let actors_before = verb >= 1 && {
        let w = tokens[verb - 1].lower();
        ARMED_MEN_NOUNS.contains(&w)
            || matches!(
                w,
                "groups" | "militias" | "factions" | "gangs" | "cells" | "rebels" | "proxies"
            )
    };
    actors_before && (verb < 2 || tokens[verb - 2].lower() != "with")
}

/// Aircraft that strike from the air. "bombers" is left out: in wire copy it is more often
/// "suicide bombers" than aircraft.
pub(crate) fn is_aircraft_noun(w: &str) -> bool {
    AIRCRAFT_NOUNS.contains(&w)
}

/// Aircraft that attack: see [`is_aircraft_noun`].
const AIRCRAFT_NOUNS: &[&str] = &[
    "aircraft",
    "warplane",
    "warplanes",
    "jet",
    "jets",
    "fighter-jets",
    "planes",
    "helicopter",
    "helicopters",
    "gunship",
    "gunships",
    "choppers",
];

/// The attack verb right after an aircraft noun ("jets struck", "aircraft reportedly hit",
/// "helicopters fired on", "an unmanned aircraft system attacked"), allowing one or two adverbs
/// (or the "system" of the military's term for a drone) between them; its index.
fn aircraft_attack_verb(tokens: &[Token], noun: usize) -> Option<usize> {
    let mut j = noun + 1;
    while tokens.get(j).is_some_and(|t| {
        matches!(
            t.lower(),
            "also"
                | "reportedly"
                | "allegedly"
                | "then"
                | "later"
                | "again"
                | "apparently"
                | "system"
                | "systems"
        )
    }) && j < noun + 3
    {
        j += 1;
    }
    let verb = tokens.get(j)?.lower();
    let next = tokens.get(j + 1).map_or("", |t| t.lower());
    let attacks = match verb {
        "struck" | "hit" | "bombed" | "bombarded" | "pounded" | "targeted" | "attacked"
        | "shelled" | "raided" | "strafed" | "killed" => true,
        "carried" => next == "out",
        // "fired on a school", "fired at a car", "fired missiles at": not "fired up".
        "fired" | "opened" => {
            matches!(next, "on" | "at" | "upon" | "fire")
                || munition_kind(next).is_some()
                || matches!(next, "a" | "two" | "three" | "several")
                    && is_munition_within(tokens, j + 2, 2).is_some()
        }
        _ => false,
    };
    attacks.then_some(j)
}

/// "air raid sirens", "an air raid alert", "air raid shelters": the word after "air raid"
/// that makes it a warning or a refuge, not an attack.
fn is_air_raid_warning(w: &str) -> bool {
    matches!(
        w,
        "siren"
            | "sirens"
            | "alert"
            | "alerts"
            | "alarm"
            | "alarms"
            | "warning"
            | "warnings"
            | "shelter"
            | "shelters"
            | "drill"
            | "drills"
    )
}

/// "fired missiles", "fired two missiles", "launched several rockets" right after the verb at
/// `v`: the index of the munition noun.
fn fired_munition_after(tokens: &[Token], v: usize) -> Option<usize> {
    if !matches!(tokens.get(v)?.lower(), "fired" | "launched") {
        return None;
    }
    is_munition_within(tokens, v + 1, 3).map(|(j, _)| j)
}

/// The kind of strike a missile at `m` makes when an aircraft launched it: "jets flying over
/// the border fired missiles" (the aircraft is the subject of the launch verb), "missiles
/// fired from a drone", "missiles fired by US aircraft", "fired from Lebanese airspace",
/// "air-launched missiles". A drone launcher makes a drone strike.
fn air_launcher(tokens: &[Token], m: usize) -> Option<EventKind> {
    let w = |j: usize| tokens.get(j).map_or("", |t| t.lower());
    // "from the air" and "the air force" launch from aircraft; "air defences" do not, nor does
    // "airspace" alone (ground launchers fire across it too).
    let launcher_kind = |j: usize| {
        let word = w(j);
        let air = word == "air" && !w(j + 1).starts_with("defen");
        if matches!(word, "drone" | "drones" | "uav" | "uavs") {
            Some(EventKind::DroneStrike)
        } else if is_aircraft_noun(word) || air || word == "bombers" {
            Some(EventKind::Airstrike)
        } else {
            None
        }
    };
    let is_launch = |j: usize| matches!(w(j), "fired" | "launched" | "firing" | "launching");
    if m > 0
        && matches!(
            w(m - 1),
            "air-launched" | "air-to-surface" | "air-to-ground" | "air-fired"
        )
    {
        return Some(EventKind::Airstrike);
    }
    // The subject of a launch verb just before the missiles, within its clause: "Israeli jets
    // flying over the occupied Golan fired a salvo of missiles".
    if let Some(v) = (m.saturating_sub(5)..m)
        .rev()
        .take_while(|&j| !tokens[j].punct)
        .find(|&j| is_launch(j))
    {
        // The launcher is the verb's subject: a relative clause before the verb ("militants
        // who downed a drone fired …") names the subject's deeds, not the launcher.
        let start = v.saturating_sub(9);
        let clause: Vec<usize> = (start..v).rev().take_while(|&j| !tokens[j].punct).collect();
        let relative = clause.iter().rev().copied().find(|&j| {
            matches!(w(j), "who" | "which" | "whose")
                || (w(j) == "that"
                    && !matches!(
                        w(j.wrapping_sub(1)),
                        "said"
                            | "says"
                            | "say"
                            | "reported"
                            | "claimed"
                            | "stated"
                            | "announced"
                            | "added"
                            | "confirmed"
                            | "believed"
                            | "noted"
                    ))
        });
        return clause
            .into_iter()
            .filter(|&j| relative.is_none_or(|r| j < r))
            .find_map(launcher_kind);
    }
    // "missiles (were) fired from / by <launcher>".
    let v = (m + 1..(m + 4).min(tokens.len()))
        .take_while(|&j| !tokens[j].punct)
        .find(|&j| is_launch(j))?;
    if !matches!(w(v + 1), "from" | "by") {
        return None;
    }
    (v + 2..(v + 6).min(tokens.len()))
        .take_while(|&j| !tokens[j].punct)
        .find_map(launcher_kind)
}

/// "came under (heavy / rocket / mortar) fire|attack|shelling" starting at `came`: the last
/// token of the phrase and the kind the weapon word names (a ground attack when none).
fn came_under_attack(tokens: &[Token], came: usize) -> Option<(usize, EventKind)> {
    let mut kind = EventKind::OtherAttack;
    let mut j = came + 2;
    let lim = (came + 6).min(tokens.len());
    while j < lim {
        let w = tokens[j].lower();
        match w {
            "fire" | "attack" | "attacks" | "bombardment" | "shelling" | "assault" => {
                if matches!(w, "shelling" | "bombardment") && kind == EventKind::OtherAttack {
                    kind = EventKind::Shelling;
                }
                break;
            }
            _ if munition_kind(w).is_some() => kind = munition_kind(w).unwrap_or(kind),
            "heavy" | "intense" | "sustained" | "renewed" | "direct" | "sniper" | "machine-gun"
            | "small-arms" | "small" | "arms" | "gunfire" | "enemy" | "hostile" => {}
            _ => return None,
        }
        j += 1;
    }
    if j >= lim {
        return None;
    }
    // "came under attack from multiple rockets": the weapon after "from"/"by" names the kind.
    if kind == EventKind::OtherAttack
        && tokens
            .get(j + 1)
            .is_some_and(|t| matches!(t.lower(), "from" | "by" | "with"))
        && let Some((_, k)) = is_munition_within(tokens, j + 2, 3)
    {
        kind = k;
    }
    let next = tokens.get(j + 1).map_or("", |t| t.lower());
    let after = tokens.get(j + 2).map_or("", |t| t.lower());
    let criticism = matches!(next, "for" | "over")
        || (next == "from"
            && matches!(
                after,
                "critics"
                    | "lawmakers"
                    | "legislators"
                    | "opposition"
                    | "activists"
                    | "rights"
                    | "politicians"
                    | "parliament"
                    | "members"
                    | "media"
                    | "campaigners"
                    | "both"
                    | "within"
            ));
    (!criticism).then_some((j, kind))
}

/// "at least five attacks since April, including one on a hangar at the airport on April
/// 14": the "one" after "including" is one attack of the plural before it, with its own
/// site and date. Its kind is the plural's, or that of the weapon the clause names.
fn included_one(tokens: &[Token], found: &mut Vec<Trigger>) {
    let mut extra: Vec<Trigger> = Vec::new();
    for (j, k) in tokens.iter().enumerate() {
        if k.lower() != "including" || tokens.get(j + 1).is_none_or(|o| o.lower() != "one") {
            continue;
        }
        let Some(parent) = found
            .iter()
            .rfind(|t| t.plural && t.span[1] <= k.span[0] && t.token + 12 >= j)
        else {
            // "Since then there have been several more, including one on the air base in
            // May": the series is the attacks of the sentence before, left unsaid; the one
            // is a wildcard that takes the kind of the weapon or series named last (see
            // `events`).
            if elliptic_more(tokens, j) {
                extra.push(Trigger {
                    token: j + 1,
                    span: tokens[j + 1].span,
                    kind: None,
                    hint: EventKind::OtherAttack,
                    strength: Strength::Generic,
                    plural: false,
                    definite: false,
                    generic: false,
                    bare_plural: false,
                });
            }
            continue;
        };
        let kind = parent.kind.or_else(|| {
            let lo = parent.token.saturating_sub(10);
            tokens[lo..parent.token]
                .iter()
                .rev()
                .find_map(|x| munition_kind(x.lower()))
        });
        // "including one on a hangar at Erbil airport on April 14 and another on Ain al-Asad
        // in May": "another" after "and" in the same list is one more of them.
        let another = tokens
            .iter()
            .enumerate()
            .skip(j + 2)
            .take_while(|(_, x)| !matches!(x.lower(), "." | ";" | "including"))
            .find(|(a, x)| {
                x.lower() == "another"
                    && tokens[*a - 1].lower() == "and"
                    && tokens.get(*a + 1).is_some_and(|n| {
                        matches!(n.lower(), "on" | "at" | "in" | "near" | "against")
                    })
            })
            .map(|(a, _)| a);
        for at in std::iter::once(j + 1).chain(another) {
            extra.push(Trigger {
                token: at,
                span: tokens[at].span,
                kind,
                hint: kind.unwrap_or(parent.hint),
                strength: if kind.is_some() {
                    Strength::Explicit
                } else {
                    Strength::Generic
                },
                plural: false,
                definite: false,
                generic: false,
                bare_plural: false,
            });
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|t| t.span[0]);
    }
    listed_wildcards_take_the_series_kind(tokens, found);
}

/// "several more, including one …", "two more including one …": a quantified "more" with no
/// noun of its own right before the "including" at `j` stands for more of the attacks just
/// told.
fn elliptic_more(tokens: &[Token], j: usize) -> bool {
    let more = match j.checked_sub(1).map(|p| tokens[p].lower()) {
        Some(",") => j.checked_sub(2),
        _ => j.checked_sub(1),
    };
    let Some(more) = more.filter(|&m| tokens[m].lower() == "more") else {
        return false;
    };
    more.checked_sub(1).is_some_and(|q| {
        let word = tokens[q].lower();
        is_small_or_vague_count(word) || matches!(word, "few" | "dozens" | "scores")
    })
}

/// "several", "many", "numerous" or a number word from two to ten: the counts news copy puts
/// before "more" ("several more") or "times" ("struck three times").
fn is_small_or_vague_count(word: &str) -> bool {
    matches!(
        word,
        "several"
            | "many"
            | "numerous"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
    )
}

/// The token of "one" in "including one" right after an elliptic "several more" (see
/// [`included_one`]).
pub fn included_after_elliptic_more(tokens: &[Token], one: usize) -> bool {
    one >= 1
        && tokens[one].lower() == "one"
        && tokens[one - 1].lower() == "including"
        && elliptic_more(tokens, one - 1)
}

/// "a string of drone attacks, including the April 14 attack on Erbil and the May 8 strike on
/// Ain al-Asad": a wildcard listed after "including" is one of the plural before it, of its
/// kind.
fn listed_wildcards_take_the_series_kind(tokens: &[Token], found: &mut [Trigger]) {
    for j in 0..found.len() {
        if found[j].kind.is_some() {
            continue;
        }
        let at = found[j].token;
        let Some(including) = (0..at)
            .rev()
            .take_while(|&x| !matches!(tokens[x].lower(), "." | ";"))
            .find(|&x| tokens[x].lower() == "including")
        else {
            continue;
        };
        let parent = found[..j]
            .iter()
            .rfind(|t| t.plural && t.token < including && t.token + 12 >= including)
            .and_then(|t| t.kind);
        if let Some(kind) = parent {
            found[j].kind = Some(kind);
            found[j].hint = kind;
            found[j].strength = Strength::Explicit;
        }
    }
}

/// "rockets hit the air base on Saturday and landed near the embassy on Monday": a second
/// verb of the same weapons, joined by "and", is a trigger of its own (linking decides
/// whether it is the same attack, by its date and place).
fn coordinated_munition_verbs(tokens: &[Token], found: &mut Vec<Trigger>) {
    let mut extra: Vec<Trigger> = Vec::new();
    for t in found.iter() {
        let Some(kind) = t.kind else { continue };
        if t.strength != Strength::Explicit || kind.same_family(EventKind::Airstrike) {
            continue;
        }
        let Some(last) = tokens.iter().rposition(|k| k.span[1] <= t.span[1]) else {
            continue;
        };
        for j in last + 1..(last + 16).min(tokens.len()) {
            let k = &tokens[j];
            if (k.punct && k.raw != ",")
                || matches!(
                    k.lower(),
                    "after"
                        | "before"
                        | "when"
                        | "since"
                        | "while"
                        | "following"
                        | "which"
                        | "that"
                        | "because"
                        | "as"
                )
                || found
                    .iter()
                    .any(|o| o.span[0] <= k.span[0] && k.span[1] <= o.span[1])
            {
                break;
            }
            if k.lower() == "and"
                && let Some(v) = tokens.get(j + 1)
                && matches!(
                    v.lower(),
                    "landed"
                        | "struck"
                        | "hit"
                        | "fell"
                        | "slammed"
                        | "crashed"
                        | "exploded"
                        | "impacted"
                )
            {
                extra.push(Trigger {
                    token: j + 1,
                    span: v.span,
                    kind: Some(kind),
                    hint: kind,
                    strength: Strength::Explicit,
                    plural: t.plural,
                    definite: false,
                    generic: false,
                    bare_plural: false,
                });
                break;
            }
        }
    }
    if !extra.is_empty() {
        found.extend(extra);
        found.sort_by_key(|t| t.span[0]);
    }
}

/// "Suspected extremists killed at least 43 …": `killed` at `i` is the active verb of armed
/// men named just before it (no clause break between), with its victims after it; not
/// "militants killed in an air strike" (a participle) nor "were killed".
fn armed_agent_kills(tokens: &[Token], i: usize) -> bool {
    let victims_follow = tokens.get(i + 1).is_some_and(|n| {
        !n.punct
            && !matches!(
                n.lower(),
                "in" | "by"
                    | "during"
                    | "when"
                    | "while"
                    | "on"
                    | "as"
                    | "after"
                    | "near"
                    | "at"
                    | "and"
                    | "or"
                    | "since"
                    | "before"
                    | "for"
                    | "with"
                    | "from"
                    | "over"
            )
    }) || tokens
        .get(i + 1)
        .is_some_and(|n| n.lower == "at" && tokens.get(i + 2).is_some_and(|m| m.lower == "least"));
    if !victims_follow {
        return false;
    }
    for j in (i.saturating_sub(4)..i).rev() {
        let t = &tokens[j];
        if t.punct || is_clause_break(t) {
            return false;
        }
        if matches!(
            t.lower(),
            "gunmen"
                | "militants"
                | "insurgents"
                | "jihadists"
                | "extremists"
                | "rebels"
                | "attackers"
                | "assailants"
                | "fighters"
        ) {
            return true;
        }
    }
    false
}

/// Nouns for armed men that make the agent of a shooting or a passive killing an attack.
const ARMED_MEN_NOUNS: &[&str] = &[
    "gunmen",
    "gunman",
    "militants",
    "insurgents",
    "jihadists",
    "extremists",
    "attackers",
    "assailants",
    "assassins",
    "killers",
    "fighters",
    "bandits",
];

/// "were killed by (suspected) gunmen", "was killed by Boko Haram fighters": a passive
/// "killed" at `i` whose "by" phrase is headed by armed men. Only modifiers may stand
/// between "by" and the noun (articles, "suspected", "armed", a name or nationality), so
/// "killed by Russian airstrikes targeting militants" is the airstrike's toll, not gunmen's.
fn killed_by_armed_men(tokens: &[Token], i: usize) -> bool {
    if i == 0
        || !matches!(tokens[i - 1].lower(), "was" | "were" | "been" | "being")
        || tokens.get(i + 1).is_none_or(|t| t.lower() != "by")
    {
        return false;
    }
    for t in tokens.iter().skip(i + 2).take(5) {
        let w = t.lower();
        if ARMED_MEN_NOUNS.contains(&w) {
            return true;
        }
        let modifier = matches!(
            w,
            "a" | "an"
                | "the"
                | "suspected"
                | "unidentified"
                | "unknown"
                | "armed"
                | "masked"
                | "heavily"
                | "alleged"
                | "rival"
                | "islamist"
        ) || (!t.punct && t.raw.chars().any(char::is_uppercase));
        if !modifier {
            return false;
        }
    }
    false
}

/// What armed men "fired" at `i` aims at people or a place: "fired on a car", "fired at the
/// crowd", "fired dozens of rounds into the office", "fired shots at". Not "fired a warning"
/// or "fired rockets" (the weapon rules take those).
fn gunfire_object(tokens: &[Token], i: usize) -> bool {
    let w = |j: usize| tokens.get(j).map_or("", |t| t.lower());
    // Shots "into the air", "skyward" or "warning shots" scatter a crowd or celebrate; they
    // are aimed at no one.
    let clause_end = (i + 1..(i + 9).min(tokens.len()))
        .find(|&j| tokens[j].punct || is_clause_break(&tokens[j]))
        .unwrap_or((i + 9).min(tokens.len()));
    let aimed_at_no_one = (i + 1..clause_end).any(|j| {
        matches!(w(j), "skyward" | "skywards")
            || (w(j) == "warning" && matches!(w(j + 1), "shots" | "shot"))
            || (matches!(w(j), "into" | "in") && w(j + 1) == "the" && w(j + 2) == "air")
    });
    if aimed_at_no_one {
        return false;
    }
    if matches!(w(i + 1), "on" | "at" | "upon" | "into") {
        return true;
    }
    (i + 1..(i + 6).min(tokens.len()))
        .take_while(|&j| !tokens[j].punct)
        .any(|j| {
            matches!(w(j), "rounds" | "shots" | "bullets" | "volleys")
                && matches!(w(j + 1), "on" | "at" | "upon" | "into")
        })
}

/// Armed men named just before the verb at `i`, in the same clause: "gunmen shot …",
/// "unidentified gunmen on a motorcycle shot …", "masked men gunned down …".
fn armed_agent_before(tokens: &[Token], i: usize) -> bool {
    for j in (i.saturating_sub(4)..i).rev() {
        let t = &tokens[j];
        if t.punct || is_clause_break(t) {
            return false;
        }
        let armed_men = t.lower() == "men"
            && j > 0
            && matches!(
                tokens[j - 1].lower(),
                "armed" | "masked" | "unidentified" | "unknown"
            );
        if armed_men || ARMED_MEN_NOUNS.contains(&t.lower()) {
            return true;
        }
    }
    false
}

/// "detonated his vest", "set off the explosive belt", "setting off their suicide vests": the
/// bearer setting off the charge worn on the body. Returns the token of "vest"/"belt". Not
/// "set off a chain of events", nor troops detonating a found device (no vest or belt).
fn worn_charge_after(tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if matches!(tokens[i].lower(), "set" | "setting") {
        if tokens.get(j).is_none_or(|t| t.lower() != "off") {
            return None;
        }
        j += 1;
    }
    if !tokens.get(j).is_some_and(|t| {
        matches!(
            t.lower(),
            "his" | "her" | "their" | "the" | "an" | "a" | "its"
        )
    }) {
        return None;
    }
    (j + 1..(j + 4).min(tokens.len()))
        .take_while(|&k| !tokens[k].punct)
        .find(|&k| matches!(tokens[k].lower(), "vest" | "vests" | "belt" | "belts"))
}

/// Unarmed people as the agent of the verb at `i`: the subject just before it in its clause
/// ("protesters stormed …", "hundreds of supporters breached …") or a "by" phrase right after
/// it ("the storming of the embassy by demonstrators").
fn crowd_agent(tokens: &[Token], i: usize) -> bool {
    let is_crowd = |t: &Token| {
        matches!(
            t.lower(),
            "protesters"
                | "protestors"
                | "demonstrators"
                | "crowd"
                | "crowds"
                | "supporters"
                | "mob"
                | "mobs"
                | "rioters"
                | "mourners"
        )
    };
    let before = tokens[i.saturating_sub(5)..i]
        .iter()
        .rev()
        .take_while(|t| !t.punct && !is_clause_break(t))
        .any(is_crowd);
    let by_after = tokens
        .iter()
        .skip(i + 1)
        .take(6)
        .take_while(|t| !t.punct || t.lower() == "'s")
        .skip_while(|t| t.lower() != "by")
        .take(4)
        .any(is_crowd);
    before || by_after
}

/// "explosions hit the airport …, killing 22", "a blast tore through a market": the explosion
/// noun at `i` as the subject of an impact verb, in a sentence that tells of casualties, of
/// blame or a claim, or of an attack, and names no accident ("a gas explosion", "a boiler
/// blast"). Returns the last token of the verb and the kind: that of a weapon named in the
/// sentence (a bomb is a planted device), if any.
fn blast_attack(tokens: &[Token], i: usize) -> Option<(usize, Option<EventKind>)> {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.lower());
    let prev = if i > 0 { word(i - 1) } else { "" };
    if matches!(
        prev,
        "gas"
            | "boiler"
            | "fireworks"
            | "firework"
            | "industrial"
            | "chemical"
            | "accidental"
            | "tyre"
            | "tire"
            | "cylinder"
    ) {
        return None;
    }
    // One adverb may stand between the noun and its verb ("explosions also hit …").
    let v = if matches!(word(i + 1), "also" | "then" | "later" | "reportedly") {
        i + 2
    } else {
        i + 1
    };
    let last = match word(v) {
        // Not "rocked" or "shook": a blast felt across a place ("explosions rocked the
        // airport") is what `events` ties to the attack the story names next, with its toll.
        "hit" | "hits" | "struck" | "strikes" | "targeted" => v,
        "tore" | "ripped" | "tear" | "tears" | "rips" if word(v + 1) == "through" => v + 1,
        // "the blast on Saturday that damaged the bridge", "an explosion which destroyed the
        // depot": the verb in a relative clause right after the noun (and its date). The
        // trigger is the noun alone, so that the date stays a date of its own.
        _ if blast_relative_verb(tokens, i) => i,
        _ => return None,
    };
    let has = |f: &dyn Fn(&str) -> bool| tokens.iter().any(|t| f(t.lower()));
    let accident = has(&|w| {
        matches!(
            w,
            "accident"
                | "accidental"
                | "accidentally"
                | "leak"
                | "leaking"
                | "boiler"
                | "fireworks"
                | "short-circuit"
                | "malfunction"
        )
    });
    if accident {
        return None;
    }
    let tells_an_attack = has(&|w| {
        matches!(
            w,
            "killing"
                | "killed"
                | "kills"
                | "wounding"
                | "wounded"
                | "injuring"
                | "injured"
                | "dead"
                | "casualties"
                | "blamed"
                | "blaming"
                | "claimed"
                | "responsibility"
                | "accused"
                | "attack"
                | "attacks"
                | "attacker"
                | "attackers"
                | "bomber"
                | "militants"
                | "insurgents"
                | "gunmen"
                // "the strikes were a response to the blast": a blast answered is an attack.
                | "response"
                | "retaliation"
                | "revenge"
                | "sabotage"
                | "terrorist"
        )
    });
    if !tells_an_attack {
        return None;
    }
    let kind = tokens
        .iter()
        .enumerate()
        .filter_map(|(j, t)| {
            let k = match t.lower() {
                "bomb" | "bombs" | "explosives" | "ied" | "ieds" | "device" | "bomber" => {
                    Some(EventKind::Ied)
                }
                w => munition_kind(w),
            };
            k.map(|k| (j.abs_diff(i), k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k);
    Some((last, kind))
}

/// A verb of a projectile landing ("hit", "struck", "landed", "fell").
/// "the blast on Saturday that damaged the bridge": "that" or "which" within four words
/// after the blast noun at `i` (no comma between), then a verb of damage or impact.
fn blast_relative_verb(tokens: &[Token], i: usize) -> bool {
    let Some(rel) = (i + 1..(i + 5).min(tokens.len()))
        .take_while(|&j| !tokens[j].punct)
        .find(|&j| matches!(tokens[j].lower(), "that" | "which"))
    else {
        return false;
    };
    tokens.get(rel + 1).is_some_and(|v| {
        matches!(
            v.lower(),
            "damaged"
                | "destroyed"
                | "hit"
                | "struck"
                | "killed"
                | "wrecked"
                | "ripped"
                | "tore"
                | "targeted"
        )
    })
}

fn is_impact_verb(w: &str) -> bool {
    matches!(
        w,
        "hit" | "struck" | "landed" | "fell" | "slammed" | "crashed" | "exploded" | "rained"
    )
}

/// Armed men open the sentence ("Gunmen blew up the track and opened fire …"): the subject
/// of each verb of its first clause.
fn armed_subject(tokens: &[Token], i: usize) -> bool {
    tokens[..i.min(3)].iter().any(|t| {
        matches!(
            t.lower(),
            "gunmen" | "militants" | "insurgents" | "jihadists" | "attackers" | "assailants"
        )
    }) && !tokens[..i]
        .iter()
        .any(|t| t.punct && matches!(t.lower(), ";" | ":"))
}

/// The shooters named in a "by" phrase right after a passive shooting verb are the state's
/// armed forces: "was shot dead by police", "were shot by security forces".
fn security_agent_after(tokens: &[Token], from: usize) -> bool {
    let Some(by) = tokens
        .iter()
        .skip(from)
        .take(2)
        .position(|t| t.lower() == "by")
    else {
        return false;
    };
    tokens.iter().skip(from + by + 1).take(4).any(|t| {
        matches!(
            t.lower(),
            "police"
                | "policemen"
                | "officers"
                | "security"
                | "troops"
                | "soldiers"
                | "army"
                | "guards"
                | "forces"
        )
    })
}

/// The one shot is the attacker: "the gunman was shot dead", "two suspects were shot".
fn attacker_subject(tokens: &[Token], verb: usize) -> bool {
    // tokens[verb - 1] is the auxiliary; the subject noun comes just before it.
    verb >= 2
        && matches!(
            tokens[verb - 2].lower(),
            "gunman"
                | "gunmen"
                | "attacker"
                | "attackers"
                | "assailant"
                | "assailants"
                | "suspect"
                | "suspects"
                | "bomber"
                | "bombers"
                | "militant"
                | "militants"
                | "hijacker"
                | "hijackers"
        )
}

/// "shot" at `i` reports an attack on a person: the active verb of armed men ("gunmen shot
/// dead a judge", "gunmen shot and wounded"), or a passive with no state shooter and a victim
/// who is not the attacker ("a lawyer was shot dead", "was shot by assailants"). Not "shot
/// down" (an aircraft), nor a photograph or a film ("shot on location").
fn shooting_attack(tokens: &[Token], i: usize) -> bool {
    let next = tokens.get(i + 1).map_or("", |t| t.lower());
    // "shot on location" is a film; "shot on Friday" is a shooting.
    let dated_on = next == "on"
        && tokens.get(i + 2).is_some_and(|t| {
            matches!(
                t.lower(),
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            ) || names_the_month(tokens, i + 2)
        });
    if matches!(next, "down" | "footage" | "video" | "film") || (next == "on" && !dated_on) {
        return false;
    }
    let prev = if i > 0 { tokens[i - 1].lower() } else { "" };
    let passive = matches!(prev, "was" | "were" | "been" | "being");
    if passive {
        return !security_agent_after(tokens, i + 1) && !attacker_subject(tokens, i);
    }
    armed_agent_before(tokens, i)
}

/// The aircraft noun at `i` is in an agent phrase ("missiles fired by US aircraft struck …"):
/// the aircraft launched the weapon already named, it is not the subject of a new verb.
fn in_agent_phrase(tokens: &[Token], i: usize) -> bool {
    tokens[i.saturating_sub(3)..i]
        .iter()
        .rev()
        .take_while(|t| !t.punct)
        .any(|t| t.lower() == "by")
}

/// "strikes by unidentified aircraft", "a raid by Israeli jets": an aircraft noun in the "by"
/// phrase right after the attack word at `i`.
fn aircraft_agent_after(tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|t| t.lower() == "by")
        && tokens
            .iter()
            .skip(i + 2)
            .take(3)
            .take_while(|t| !t.punct)
            .any(|t| is_aircraft_noun(t.lower()))
}

/// "a car packed with explosives", "a truck laden with explosives": the vehicle noun at `i`
/// followed by "<loaded> with explosives"; the index of "explosives".
/// Vehicles that may carry a bomb: see [`loaded_vehicle_at`].
const LOADED_VEHICLES: &[&str] = &[
    "car",
    "cars",
    "truck",
    "trucks",
    "lorry",
    "van",
    "vehicle",
    "vehicles",
    "motorcycle",
    "motorbike",
    "bus",
    "tanker",
    "boat",
    "pickup",
];

fn loaded_vehicle_at(tokens: &[Token], i: usize) -> Option<usize> {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.lower());
    if !LOADED_VEHICLES.contains(&word(i)) {
        return None;
    }
    let loaded = matches!(
        word(i + 1),
        "packed" | "laden" | "loaded" | "rigged" | "stuffed" | "filled" | "booby-trapped"
    );
    if loaded && word(i + 2) == "with" && word(i + 3) == "explosives" {
        return Some(i + 3);
    }
    // "three people were killed when a truck exploded on the bridge": a vehicle that blows up
    // and kills is a vehicle bomb, unless it carried fuel or gas ("a fuel tanker exploded")
    // or the sentence tells an accident.
    let prev = i.checked_sub(1).map_or("", word);
    let blew_up = word(i + 1) == "exploded" || (word(i + 1) == "blew" && word(i + 2) == "up");
    let fuel = matches!(
        prev,
        "fuel" | "gas" | "oil" | "petrol" | "gasoline" | "diesel" | "lpg" | "tanker"
    ) || word(i) == "tanker";
    // "a bomb-rigged fuel tanker exploded", "an explosives-laden gas truck blew up": the
    // modifier says the cargo was a bomb, so the fuel no longer suggests an accident.
    let rigged = tokens[i.saturating_sub(3)..i]
        .iter()
        .rev()
        .take_while(|t| !t.punct)
        .any(|t| is_bomb_rigged_modifier(t.lower()));
    if !blew_up || (fuel && !rigged) {
        return None;
    }
    let deadly = tokens.iter().any(|t| {
        matches!(
            t.lower(),
            "killed" | "killing" | "wounded" | "wounding" | "injured" | "injuring" | "dead"
        )
    });
    let accident = tokens.iter().any(|t| {
        matches!(
            t.lower(),
            "accident" | "accidental" | "crash" | "collision" | "collided" | "leak"
        )
    });
    (deadly && !accident).then_some(i + 1)
}

/// "bomb-rigged", "booby-trapped", "explosives-laden", "explosive-packed": a hyphenated
/// modifier that makes the vehicle it precedes a bomb.
fn is_bomb_rigged_modifier(word: &str) -> bool {
    if word == "booby-trapped" {
        return true;
    }
    let Some((head, tail)) = word.split_once('-') else {
        return false;
    };
    matches!(head, "bomb" | "explosive" | "explosives")
        && matches!(
            tail,
            "rigged" | "laden" | "packed" | "loaded" | "filled" | "stuffed"
        )
}

/// "killed with knives and machetes", "hacked to death with axes": the hand weapon that
/// follows the killing verb at `i` ("with", after "to death" for "hacked"); its index.
fn hand_weapon_after(tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|t| t.lower() == "to")
        && tokens.get(j + 1).is_some_and(|t| t.lower() == "death")
    {
        j += 2;
    }
    if tokens.get(j).is_none_or(|t| t.lower() != "with") {
        return None;
    }
    (j + 1..(j + 4).min(tokens.len()))
        .take_while(|&k| !tokens[k].punct)
        .find(|&k| {
            matches!(
                tokens[k].lower(),
                "knife"
                    | "knives"
                    | "machete"
                    | "machetes"
                    | "axe"
                    | "axes"
                    | "ax"
                    | "swords"
                    | "guns"
                    | "rifles"
                    | "firearms"
                    | "bayonets"
            )
        })
}

/// "One man was killed when a patrol … opened fire": the firing at `i` is told as the cause
/// of deaths or wounds named before "when" in the same sentence.
fn deaths_caused_by(tokens: &[Token], i: usize) -> bool {
    let Some(when) = tokens[..i].iter().rposition(|t| t.lower() == "when") else {
        return false;
    };
    tokens[..when].iter().any(|t| {
        matches!(
            t.lower(),
            "killed" | "died" | "dead" | "wounded" | "injured" | "hurt"
        )
    }) && !tokens[when..i]
        .iter()
        .any(|t| t.punct && matches!(t.lower(), ";" | ":"))
}

/// "a bomb left in a bag exploded", "bombs hidden in a cart went off": the verb of the bomb at
/// `i` after a short participle phrase ("left", "hidden", "planted", "placed" …) in the same
/// clause; its index.
fn bomb_went_off(tokens: &[Token], i: usize) -> Option<usize> {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.lower());
    if !matches!(
        word(i + 1),
        "left" | "hidden" | "planted" | "placed" | "concealed" | "attached" | "strapped"
    ) {
        return None;
    }
    (i + 2..(i + 8).min(tokens.len()))
        .take_while(|&j| !is_clause_break(&tokens[j]) && !tokens[j].punct)
        .find_map(|j| match word(j) {
            "exploded" | "detonated" => Some(j),
            "went" if word(j + 1) == "off" => Some(j + 1),
            _ => None,
        })
}

/// "others" at `i` stands for more of a weapon: the subject of an impact verb ("others
/// landed in a street") or "there were others at …". Not "nine others were wounded".
fn elliptic_others(tokens: &[Token], i: usize) -> bool {
    let word = |j: usize| tokens.get(j).map_or("", |t| t.lower());
    let prev = if i > 0 { word(i - 1) } else { "" };
    let counted = prev.chars().all(|c| c.is_ascii_digit()) && !prev.is_empty()
        || matches!(
            prev,
            "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        );
    !counted
        && (is_impact_verb(word(i + 1))
            || (prev == "were"
                && i >= 2
                && word(i - 2) == "there"
                && matches!(word(i + 1), "at" | "on" | "near")))
}

/// Kinds whose weapon is fired or dropped in numbers (rockets, missiles, shells, drones).
fn munition_family(k: EventKind) -> bool {
    matches!(
        k,
        EventKind::RocketAttack
            | EventKind::MissileAttack
            | EventKind::Shelling
            | EventKind::DroneAttack
    )
}

/// "dropped seven precision-guided bombs": the token index of "bomb(s)" within a few words
/// after "dropped" at `i`, in the same clause.
fn dropped_bombs(tokens: &[Token], i: usize) -> Option<usize> {
    for (j, t) in tokens.iter().enumerate().skip(i + 1).take(4) {
        if t.punct && t.raw != "-" || is_clause_break(t) {
            return None;
        }
        if matches!(t.lower(), "bomb" | "bombs") {
            return Some(j);
        }
    }
    None
}

/// What a bare "raid" most likely was: an air strike when its sentence talks of striking or
/// bombing from the air and says nothing of troops on the ground, else a ground assault.
fn raid_hint(tokens: &[Token]) -> EventKind {
    let has = |words: &[&str]| tokens.iter().any(|t| words.contains(&t.lower()));
    let special_forces = tokens
        .windows(2)
        .any(|w| w[0].lower == "special" && w[1].lower == "forces");
    let ground = (special_forces
        || has(&[
            "ground",
            "commando",
            "commandos",
            "troops",
            "stormed",
            "storming",
            "door-to-door",
            "helicopter-borne",
        ]))
        && !has(&["jets", "warplanes"]);
    let air = has(&[
        "struck",
        "bombed",
        "jets",
        "warplanes",
        "air",
        "airstrike",
        "airstrikes",
        "aerial",
        "bombing",
    ]);
    if air && !ground {
        EventKind::Airstrike
    } else {
        EventKind::GroundAssault
    }
}

/// The kind of the first munition noun among `len` words from `from`, before any clause break.
fn is_munition_within(tokens: &[Token], from: usize, len: usize) -> Option<(usize, EventKind)> {
    // "hit by a barrage of rockets", "with a salvo of six missiles": a noun of quantity and
    // its "of" stand before the weapon without counting as words of their own.
    let quantity = tokens
        .iter()
        .skip(from)
        .take(len)
        .position(|t| is_volley_noun(t.lower()))
        .is_some_and(|q| tokens.get(from + q + 1).is_some_and(|o| o.lower() == "of"));
    let len = if quantity { len + 2 } else { len };
    tokens
        .iter()
        .enumerate()
        .skip(from)
        .take(len)
        .take_while(|(_, t)| !is_clause_break(t))
        .find_map(|(j, t)| munition_kind(&t.lower).map(|k| (j, k)))
}

/// Nouns for a volley of weapons ("a barrage of rockets", "a swarm of drones").
fn is_volley_noun(w: &str) -> bool {
    matches!(
        w,
        "barrage" | "barrages" | "salvo" | "salvos" | "volley" | "volleys" | "hail" | "swarm"
    )
}

/// An attack verb within a few tokens of a munition noun: "rockets struck", "fired three
/// rockets at", "a rocket hit", "missiles were launched".
fn verb_near(tokens: &[Token], i: usize) -> Option<usize> {
    // "a rocket aimed at Baghdad airport killed five": the participle phrase stands between
    // the weapon and its verb.
    let reach = if tokens.get(i + 1).is_some_and(|t| t.lower() == "aimed") {
        9
    } else {
        5
    };
    let after = (i + 1..(i + reach).min(tokens.len()))
        .take_while(|&j| !tokens[j].punct || tokens[j].lower == ",");
    for j in after {
        if is_munition_verb(tokens[j].lower()) {
            return Some(j);
        }
        // "when the first rockets came in", "shells came down on the market": the weapon
        // arriving is its impact. Not "missiles came from Iran" (no arrival verb).
        if tokens[j].lower() == "came"
            && tokens
                .get(j + 1)
                .is_some_and(|n| matches!(n.lower(), "in" | "down" | "crashing"))
        {
            return Some(j + 1);
        }
    }
    let from = i.saturating_sub(6);
    for j in (from..i).rev() {
        // The dot that ends "U.S." ("killed by a U.S. drone") ends no clause.
        let abbreviation_dot = tokens[j].raw == "." && j > 0 && tokens[j - 1].raw.contains('.');
        if tokens[j].punct && tokens[j].lower != "," && !abbreviation_dot {
            break;
        }
        // "people killed by a missile": the casualties were caused by the weapon.
        if tokens[j].lower == "by"
            && j > 0
            && matches!(
                tokens[j - 1].lower(),
                "killed" | "wounded" | "injured" | "destroyed" | "damaged"
            )
        {
            return Some(j - 1);
        }
        if matches!(
            tokens[j].lower(),
            "fired"
                | "launched"
                | "fire"
                | "firing"
                | "lobbed"
                | "launching"
                | "rained"
                | "barrage"
                | "volley"
        ) {
            return Some(j);
        }
    }
    None
}

/// A munition named next to a generic attack word: "a strike involving more than 30 missiles",
/// "a rocket and drone attack", "the missiles struck".
fn munition_near(tokens: &[Token], i: usize) -> Option<EventKind> {
    let mut best: Option<(usize, EventKind)> = None;
    let lo = i.saturating_sub(3);
    for j in (lo..i).rev() {
        if is_clause_break(&tokens[j]) {
            break;
        }
        if let Some(k) = munition_kind(&tokens[j].lower) {
            best = Some((i - j, k));
            break;
        }
    }
    for (j, tok) in tokens
        .iter()
        .enumerate()
        .take((i + 6).min(tokens.len()))
        .skip(i + 1)
    {
        if is_clause_break(tok) && tok.lower != "," {
            break;
        }
        if let Some(k) = munition_kind(&tok.lower) {
            if best.is_none_or(|(d, _)| j - i < d) {
                best = Some((j - i, k));
            }
            break;
        }
    }
    best.map(|(_, k)| k)
}

fn is_definite(tokens: &[Token], first: usize) -> bool {
    let lo = first.saturating_sub(4);
    for j in (lo..first).rev() {
        let t = tokens[j].lower();
        if tokens[j].punct {
            return false;
        }
        if matches!(
            t,
            "the"
                | "these"
                | "those"
                | "this"
                | "that"
                | "its"
                | "their"
                | "his"
                | "last"
                | "latest"
                | "sunday's"
                | "monday's"
                | "tuesday's"
                | "wednesday's"
                | "thursday's"
                | "friday's"
                | "saturday's"
                | "yesterday's"
                | "overnight"
        ) || t.ends_with("'s")
            || t.ends_with("’s")
        {
            return true;
        }
        if matches!(
            t,
            "a" | "an" | "any" | "some" | "such" | "other" | "more" | "further" | "future"
        ) {
            return false;
        }
    }
    false
}

/// Plural background: "repeated attacks", "a series of attacks", "rocket attacks against US
/// interests", "three rocket attacks on facilities in Iraq". Plurals with a definite
/// determiner ("the strikes") are references, not background.
/// Returns (generic modifier found, determiner found).
fn plural_determiners(tokens: &[Token], first: usize) -> (bool, bool) {
    let lo = first.saturating_sub(5);
    let mut determiner = false;
    for j in (lo..first).rev() {
        let t = tokens[j].lower();
        if tokens[j].punct {
            break;
        }
        if matches!(
            t,
            "repeated"
                | "series"
                | "such"
                | "recent"
                | "previous"
                | "past"
                | "frequent"
                | "daily"
                | "nightly"
                | "weekly"
                | "constant"
                | "regular"
                | "numerous"
                | "several"
                | "dozens"
                | "hundreds"
                | "thousands"
                | "scores"
                | "countless"
                | "many"
                | "multiple"
                | "future"
                | "further"
                | "more"
                | "other"
                | "any"
                | "similar"
                | "occasional"
                | "sporadic"
                | "persistent"
                | "continued"
                | "ongoing"
                | "retaliatory"
                | "possible"
                | "potential"
                | "new"
                | "string"
                | "wave"
                | "spate"
                | "spree"
                | "campaign"
                | "number"
                | "dozen"
                | "years"
                | "months"
                | "weeks"
        ) {
            return (true, false);
        }
        if matches!(
            t,
            "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our"
        ) || t.ends_with("'s")
            || t.ends_with("’s")
        {
            determiner = true;
            break;
        }
    }
    (false, determiner)
}

/// Habitual or future wording that makes even a singular trigger background: "repeated
/// rocket fire", "a string of rocket and mortar attacks", "the second such raid".
fn habitual_modifier(tokens: &[Token], first: usize) -> bool {
    // "rockets and drones have repeatedly targeted bases"; "cells that regularly ambush
    // troops": the adverb after the trigger's start or right before the verb.
    let is_habitual_adverb = |t: &Token| {
        matches!(
            t.lower(),
            "repeatedly" | "regularly" | "frequently" | "often" | "routinely" | "periodically"
        )
    };
    // "rockets continue to target the Green Zone": an ongoing pattern told in the present.
    let continues = tokens
        .iter()
        .skip(first)
        .take(4)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|w| matches!(w[0].lower(), "continue" | "continues") && w[1].lower() == "to");
    if continues {
        return true;
    }
    let habitual_adverb = tokens.iter().skip(first).take(6).any(is_habitual_adverb)
        || tokens[first.saturating_sub(2)..first]
            .iter()
            .any(is_habitual_adverb);
    if habitual_adverb {
        return true;
    }
    // "has been hit several times since 2020", "targeted by rockets dozens of times": a count
    // of occasions is a history, not one attack.
    // "Jolo has been hit before": a history, which the text then goes on to tell.
    // (Not "has been hit before: in June gunmen …", where the history's first attack follows
    // in the same sentence and its date stands next to the trigger.)
    let hit_before = first >= 1
        && tokens[first - 1].lower() == "been"
        && tokens
            .get(first + 1)
            .is_some_and(|n| matches!(n.lower(), "before" | "previously"))
        && tokens
            .get(first + 2)
            .is_none_or(|t| matches!(t.lower(), "." | "!"));
    if hit_before {
        return true;
    }
    let counted_times = tokens
        .iter()
        .enumerate()
        .skip(first)
        .take(8)
        .take_while(|(_, t)| !t.punct)
        .any(|(j, t)| {
            t.lower() == "times"
                && j > 0
                && (is_small_or_vague_count(tokens[j - 1].lower())
                    || matches!(
                        tokens[j - 1].lower(),
                        "multiple" | "countless" | "of" | "dozen"
                    ))
        });
    if counted_times {
        return true;
    }
    let lo = first.saturating_sub(4);
    for j in (lo..first).rev() {
        if tokens[j].punct {
            break;
        }
        // "its cells have kept up attacks", "stepped up raids": a campaign kept going or
        // intensified, not one attack.
        // Only a determiner or a weapon word may stand between "up" and the attack: "police
        // stepped up patrols after an attack" keeps the attack.
        if tokens[j].lower() == "up"
            && j > 0
            && matches!(
                tokens[j - 1].lower(),
                "keep" | "keeps" | "kept" | "keeping" | "step" | "steps" | "stepped" | "stepping"
            )
            && tokens[j + 1..first].iter().all(|t| {
                matches!(
                    t.lower(),
                    "the"
                        | "their"
                        | "its"
                        | "his"
                        | "her"
                        | "rocket"
                        | "missile"
                        | "drone"
                        | "air"
                        | "mortar"
                        | "suicide"
                        | "car"
                        | "bomb"
                )
            })
        {
            return true;
        }
        if matches!(
            tokens[j].lower(),
            "repeated"
                | "series"
                | "string"
                | "wave"
                | "spate"
                | "spree"
                | "frequent"
                | "regular"
                | "occasional"
                | "sporadic"
                | "persistent"
                | "continued"
                | "ongoing"
                | "future"
                | "possible"
                | "potential"
                | "such"
        ) {
            return true;
        }
    }
    false
}

/// "sites the militia used for drone attacks", "depots used to launch rocket attacks",
/// "capable of mounting attacks": a bare plural (no determiner) that is the purpose or the
/// capability of something names a kind of activity, not attacks that happened. `first` is
/// the trigger's first token.
fn purpose_plural(tokens: &[Token], first: usize) -> bool {
    let w = |j: usize| tokens.get(j).map_or("", |t| t.lower());
    let Some(before) = first.checked_sub(1) else {
        return false;
    };
    // "used for drone attacks", "launchpads for rocket attacks": "for" names a purpose only
    // after a word of purpose. After "blamed X for", "responsibility for", "in retaliation
    // for" it names attacks that happened.
    if w(before) == "for" {
        let purpose = |v: &str| {
            matches!(
                v,
                "used"
                    | "designed"
                    | "intended"
                    | "meant"
                    | "base"
                    | "bases"
                    | "launchpad"
                    | "launchpads"
            )
        };
        return (1..=2).any(|k| before.checked_sub(k).is_some_and(|j| purpose(w(j))));
    }
    let launch = |v: &str| matches!(v, "launch" | "conduct" | "stage" | "mount" | "carry");
    let launching = |v: &str| {
        matches!(
            v,
            "launching" | "conducting" | "staging" | "mounting" | "carrying"
        )
    };
    // "to carry out attacks", "of carrying out attacks": skip the particle.
    let verb = if w(before) == "out" {
        before.checked_sub(1)
    } else {
        Some(before)
    };
    let Some(verb) = verb else {
        return false;
    };
    let marker = verb.checked_sub(1).map_or("", w);
    (launch(w(verb)) && marker == "to") || (launching(w(verb)) && matches!(marker, "of" | "for"))
}

/// "jets have carried out raids in the desert this year", "the militia has launched rocket
/// attacks so far": a plural told in the present perfect over a running period is a tally of
/// many attacks, not one. The auxiliary stands a few words before the trigger (`first`), the
/// period after it (`last`) in the same clause.
fn perfect_tally(tokens: &[Token], first: usize, last: usize) -> bool {
    let perfect = tokens[first.saturating_sub(6)..first]
        .iter()
        .rev()
        .take_while(|t| !t.punct && !is_clause_break(t))
        .any(|t| matches!(t.lower(), "have" | "has" | "'ve"));
    if !perfect {
        return false;
    }
    let after: Vec<&str> = tokens
        .iter()
        .skip(last + 1)
        .take(10)
        .take_while(|t| !t.punct || t.lower() == "-")
        .map(|t| t.lower())
        .collect();
    after.windows(2).any(|w| {
        matches!(
            w,
            ["this", "year" | "month" | "week"]
                | ["so", "far"]
                | ["to", "date"]
                | ["in", "recent"]
                | ["past", "year" | "months" | "weeks" | "years"]
        )
    })
}

/// "Rocket attacks on convoys and on the embassy declined after the truce but resumed in
/// December", "drone strikes have increased": a plural whose verb tells a rise or fall is a
/// trend of many attacks, not one. The verb is the first of a few words after the trigger
/// (`last`), past its prepositional phrase, in the same clause.
fn subject_of_a_trend(tokens: &[Token], last: usize) -> bool {
    tokens
        .iter()
        .skip(last + 1)
        .take(12)
        .take_while(|t| {
            !t.punct
                && !is_clause_break(t)
                && !is_munition_verb(t.lower())
                && !matches!(t.lower(), "as" | "since" | "amid")
        })
        .any(|t| {
            matches!(
                t.lower(),
                "declined"
                    | "decreased"
                    | "increased"
                    | "resumed"
                    | "subsided"
                    | "abated"
                    | "dwindled"
                    | "surged"
                    | "intensified"
                    | "escalated"
                    | "became"
                    | "become"
                    | "grew"
                    | "doubled"
                    | "tripled"
                    | "rose"
                    | "eased"
            )
        })
}

/// Keeps one trigger per reference: a wildcard next to an explicit trigger of the same
/// sentence ("two rockets hit … in the third attack") is the same mention.
fn collapse(tokens: &[Token], found: Vec<Trigger>) -> Vec<Trigger> {
    if found.len() < 2 {
        return found;
    }
    let mut keep: Vec<Trigger> = Vec::new();
    for t in found {
        if let Some(last) = keep.last_mut() {
            // Two wildcards are one reference only when adjacent ("the attack … strike");
            // "after", "since", "before" between two triggers introduce another event. So
            // does a verb of sequence: in "the rocket attack followed the strikes of Sunday
            // night" and "the attack followed U.S. strikes on militia sites" the strikes are
            // the earlier event, with the date after them their own. So does "as well as":
            // "the attack, as well as air strikes the same day on the border" adds another.
            // So does a word of response: "that strike last Thursday was ordered in response
            // to a rocket attack on the airport" tells two.
            // ("The attack followed air strikes on Sunday" still folds the wildcard into the
            // strikes, which keep their kind and date.)
            let both_wild = t.kind.is_none() && last.kind.is_none();
            let limit = if both_wild { 4 } else { 12 };
            let between = &tokens[last.token.min(t.token)..last.token.max(t.token)];
            let crosses = between.iter().enumerate().any(|(j, x)| {
                matches!(
                    x.lower(),
                    "after"
                        | "since"
                        | "before"
                        | "following"
                        | "than"
                        | "response"
                        | "retaliation"
                        | "reprisal"
                        | "revenge"
                ) || (t.kind.is_none()
                    && matches!(x.lower(), "followed" | "follows" | "preceded" | "precedes"))
                    || (x.lower() == "well"
                        && j > 0
                        && between[j - 1].lower() == "as"
                        && between.get(j + 1).is_some_and(|a| a.lower() == "as"))
            });
            let close = t.token.abs_diff(last.token) <= limit
                && !crosses
                && !dated_conjunct(tokens, last.token, t.token);
            // Background ("a series of attacks") stays apart so that it is dropped alone.
            let background = t.generic || last.generic;
            // "fired scores of missiles and drones": one salvo even when the count reads as
            // background.
            let same = one_salvo(tokens, last, &t)
                || !background
                    && match (t.kind, last.kind) {
                        (Some(a), Some(b)) => a.same_family(b) && t.token.abs_diff(last.token) <= 4,
                        _ => true,
                    };
            if close && same {
                // Keep the more specific of the two.
                if last.kind.is_none() && t.kind.is_some() {
                    let definite = last.definite || t.definite;
                    *last = Trigger { definite, ..t };
                } else if t.kind.is_none() || last.kind.is_some() {
                    last.definite |= t.definite;
                    last.generic &= t.generic;
                    last.bare_plural &= t.bare_plural;
                }
                continue;
            }
        }
        keep.push(t);
    }
    keep
}

/// "fired 40 missiles and 20 drones at cities", "launched cruise missiles and Iranian-made
/// drones": rocket or missile and drone nouns coordinated as the objects of one launch are
/// one salvo, and so one attack (of the first weapon named): the barrage is reported once.
fn one_salvo(tokens: &[Token], first: &Trigger, second: &Trigger) -> bool {
    use EventKind::{DroneAttack, MissileAttack, RocketAttack};
    let projectile_and_drone = matches!(
        (first.kind, second.kind),
        (Some(MissileAttack | RocketAttack), Some(DroneAttack))
            | (Some(DroneAttack), Some(MissileAttack | RocketAttack))
    );
    if !projectile_and_drone || second.token >= tokens.len() {
        return false;
    }
    // "and", then at most a count and a modifier, then the second weapon noun.
    let Some(and) = (second.token.saturating_sub(3)..second.token)
        .rev()
        .find(|&j| tokens[j].lower() == "and")
    else {
        return false;
    };
    and > 0
        && !tokens[and + 1..second.token].iter().any(|k| k.punct)
        && first.span[0] <= tokens[and - 1].span[0]
        && tokens[and - 1].span[1] <= first.span[1]
        && munition_kind(tokens[and - 1].lower()).is_some()
}

/// "the April 14 drone attack on Erbil and the May 8 strike on Ain al-Asad": a second noun
/// phrase joined by "and" that carries a date of its own names another attack, not the first
/// one again. Looks from the conjunction after the first trigger (`a`) up to the second (`b`).
fn dated_conjunct(tokens: &[Token], a: usize, b: usize) -> bool {
    let Some(and) = (a + 1..b).rev().find(|&j| tokens[j].lower() == "and") else {
        return false;
    };
    (and + 1..b).any(|j| {
        let t = &tokens[j];
        let w = t.lower().trim_end_matches("'s").trim_end_matches("’s");
        matches!(
            w,
            "january"
                | "february"
                | "march"
                | "april"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "jan."
                | "feb."
                | "aug."
                | "sept."
                | "oct."
                | "nov."
                | "dec."
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "yesterday"
        ) || (t.raw == "May" && names_the_month(tokens, j))
    })
}

/// True when the capitalised "May" at `j` is the month: after "in", "of", "since", "early",
/// "late", "mid", "last", "this" or "next", or before a day, a year or "last/this/next year".
fn names_the_month(tokens: &[Token], j: usize) -> bool {
    let before = j
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|p| {
            matches!(
                p.lower(),
                "in" | "of"
                    | "since"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "this"
                    | "next"
                    | "until"
            )
        });
    let after = tokens.get(j + 1).is_some_and(|n| {
        n.lower().starts_with(|c: char| c.is_ascii_digit())
            || matches!(n.lower(), "last" | "this" | "next")
    });
    before || after
}

/// Why a trigger does not report an event that happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAnEvent {
    Negated,
    Hypothetical,
    /// "protesters stormed the embassy's reception area": a crowd forcing its way in is
    /// unrest, not an armed attack ("gunmen stormed a hotel" still is one).
    Unrest,
    /// "troops ended a 30-hour siege of the hotel late Saturday": the end of the standoff is
    /// the day the operation finished, not the attack, which the text tells on its own
    /// ("after gunmen stormed the building").
    Ended,
}

/// "Troops ended a siege of a police station on Monday, killing four militants": a toll in the
/// clause of the ended siege (after the trigger at `i`, before any "after"/"when" that tells
/// the assault apart) makes the siege the one telling of the attack, ended by the killing of
/// the attackers, so it is reported like any assault whose end is told.
/// Only an indefinite siege ("a siege", "a 30-hour siege") is told for the first time:
/// "ended the siege, killing all four attackers" refers back to an assault told before, and
/// its toll is that assault's.
fn tells_its_own_toll(tokens: &[Token], i: usize) -> bool {
    if !is_indefinite(tokens, i) {
        return false;
    }
    let rest: Vec<&Token> = tokens
        .iter()
        .skip(i + 1)
        .take_while(|t| {
            !matches!(
                t.lower(),
                "after" | "when" | "following" | "before" | "since" | "." | ";"
            )
        })
        .collect();
    let casualty = |w: &str| {
        matches!(
            w,
            "killing" | "killed" | "wounding" | "wounded" | "injuring" | "injured" | "dead"
        )
    };
    let number = |t: &Token| {
        t.lower().starts_with(|c: char| c.is_ascii_digit())
            || crate::extract::numbers::parse_number_words(t.lower()).is_some()
    };
    rest.iter().enumerate().any(|(j, t)| {
        casualty(t.lower())
            && rest[j.saturating_sub(3)..(j + 4).min(rest.len())]
                .iter()
                .any(|n| number(n))
    })
}

/// "a siege", "a 30-hour siege": the determiner of the noun at `i`, past numbers and duration
/// words, is "a"/"an". "the siege", "its siege" or none at all is not indefinite.
fn is_indefinite(tokens: &[Token], i: usize) -> bool {
    tokens[i.saturating_sub(5)..i.min(tokens.len())]
        .iter()
        .rev()
        .take_while(|t| !t.punct || t.lower() == "-")
        .find(|t| {
            let w = t.lower();
            matches!(w, "a" | "an")
                || !matches!(w, "-" | "hour" | "hours" | "day" | "days" | "long")
                    && !w.contains('-')
                    && !w.starts_with(|c: char| c.is_ascii_digit())
                    && crate::extract::numbers::parse_number_words(w).is_none()
        })
        .is_some_and(|t| matches!(t.lower(), "a" | "an"))
}

/// "ended a siege", "lifted the siege", "the siege was over": the siege at `i` is told by its
/// end. Only determiners, numbers and duration words ("a 30-hour", "the day-long") may stand
/// between the verb and the noun.
pub fn ends_a_siege(tokens: &[Token], i: usize) -> bool {
    if tokens.get(i).is_none_or(|t| t.lower() != "siege") {
        return false;
    }
    let ending = |w: &str| {
        matches!(
            w,
            "end"
                | "ends"
                | "ended"
                | "ending"
                | "lifted"
                | "lifting"
                | "broke"
                | "broken"
                | "breaking"
                | "concluded"
        )
    };
    let before = tokens[i.saturating_sub(5)..i]
        .iter()
        .rev()
        .take_while(|t| !t.punct || t.lower() == "-")
        .find(|t| {
            let w = t.lower();
            !matches!(
                w,
                "a" | "an" | "the" | "its" | "their" | "-" | "hour" | "hours" | "day" | "long"
            ) && !w.contains('-')
                && crate::extract::numbers::parse_number_words(w).is_none()
        })
        .is_some_and(|t| ending(t.lower()));
    // "the siege ended on Monday", "the siege was over".
    let after = tokens.get(i + 1).is_some_and(|t| ending(t.lower()))
        || tokens
            .get(i + 1..i + 3)
            .is_some_and(|w| matches!(w[0].lower(), "was" | "is") && w[1].lower() == "over");
    before || after
}

/// Words before a trigger that make it a threat, plan or hypothetical rather than a fact.
fn is_hypothetical_cue(w: &str) -> bool {
    matches!(
        w,
        "threatened"
            | "threatening"
            | "threatens"
            | "threaten"
            | "threat"
            | "threats"
            | "vowed"
            | "vow"
            | "vows"
            | "vowing"
            | "would"
            | "could"
            | "might"
            | "may"
            | "will"
            | "should"
            | "shall"
            | "can"
            | "plan"
            | "plans"
            | "planning"
            | "planned"
            | "plotting"
            | "prevent"
            | "prevents"
            | "preventing"
            | "deter"
            | "deters"
            | "deterring"
            | "avoid"
            | "avoiding"
            | "future"
            | "possible"
            | "potential"
            | "further"
            | "any"
            | "if"
            | "unless"
            | "risk"
            | "fear"
            | "fears"
            | "warned"
            | "warning"
            | "warn"
            | "warns"
            | "retaliate"
            | "ready"
            | "prepared"
            | "preparing"
            | "capable"
            | "ability"
            | "intend"
            | "intends"
            | "intended"
            | "wants"
            | "want"
            | "seeking"
            | "seek"
            | "calls"
            | "called"
            | "urged"
            | "urging"
            | "ordered"
            | "authorize"
            | "authorise"
            | "consider"
            | "considering"
            | "considered"
            | "options"
            | "more"
            | "new"
            | "next"
            | "imminent"
            | "contemplating"
            | "reserve"
            | "reserves"
            | "right"
            | "against"
            | "condemns"
            | "condemned"
            | "condemning"
            | "ahead"
    )
}

/// Words before a trigger that deny it happened.
fn is_negation_cue(w: &str) -> bool {
    matches!(
        w,
        "denied"
            | "deny"
            | "denies"
            | "denying"
            | "no"
            | "not"
            | "never"
            | "without"
            | "neither"
            | "nor"
            | "n't"
            | "didn't"
            | "wasn't"
            | "weren't"
            | "rejected"
    )
}

/// Checks the words before the trigger in its clause for denials and hypotheticals. `against`
/// and `condemned` are only hypothetical cues for wildcard plurals ("condemned attacks" is
/// background), so they are handled by the caller's `generic` flag; here the list is applied
/// to the few words right before the trigger.
pub fn not_an_event(tokens: &[Token], trigger: &Trigger) -> Option<NotAnEvent> {
    let first = tokens
        .iter()
        .position(|t| t.span[0] >= trigger.span[0])
        .unwrap_or(trigger.token);
    let last = tokens
        .iter()
        .rposition(|t| t.span[1] <= trigger.span[1])
        .unwrap_or(trigger.token);
    if tokens.get(trigger.token).is_some_and(|t| {
        matches!(
            t.lower(),
            "stormed" | "storming" | "overran" | "besieged" | "siege" | "breached" | "torched"
        )
    }) && crowd_agent(tokens, trigger.token)
    {
        return Some(NotAnEvent::Unrest);
    }
    if ends_a_siege(tokens, trigger.token) && !tells_its_own_toll(tokens, trigger.token) {
        return Some(NotAnEvent::Ended);
    }
    // "another strike could be warranted", "attacks would be answered".
    for t in tokens.iter().skip(last + 1).take(3) {
        if t.punct {
            break;
        }
        if matches!(
            t.lower(),
            "would" | "could" | "might" | "may" | "will" | "should" | "must"
        ) {
            return Some(NotAnEvent::Hypothetical);
        }
    }
    let lo = first.saturating_sub(7);
    for j in (lo..first).rev() {
        let t = &tokens[j];
        if t.punct && matches!(t.lower(), ";" | ":" | "(" | ")") {
            break;
        }
        // "… without causing casualties, and rockets also fell …": a cue of the first of two
        // coordinated clauses does not reach into the second.
        if t.punct
            && t.lower() == ","
            && tokens
                .get(j + 1)
                .is_some_and(|n| matches!(n.lower(), "and" | "but" | "while"))
        {
            break;
        }
        let w = t.lower();
        // "In May last year, gunmen stormed …": the month, not the modal verb.
        if t.raw == "May" && names_the_month(tokens, j) {
            continue;
        }
        if matches!(
            w,
            "after" | "when" | "following" | "since" | "amid" | "in" | "killed" | "wounded"
        ) && j + 1 < first
        {
            // "killed in a rocket attack", "after the strikes": a new phrase about something
            // that happened starts here; cues further left belong to another clause.
            break;
        }
        if is_negation_cue(w) || w.ends_with("n't") {
            // "not" in "not only" or "did not say" far away is rare in wire copy.
            return Some(NotAnEvent::Negated);
        }
        // "several more, including one on the base": the series told, not more to come.
        if w == "more" && included_after_elliptic_more(tokens, trigger.token) {
            continue;
        }
        if is_hypothetical_cue(w) {
            // "against" and "condemned" only matter for a wildcard ("condemned the strikes"
            // refers back and is fine when definite).
            if matches!(
                w,
                "against"
                    | "condemns"
                    | "condemned"
                    | "condemning"
                    | "more"
                    | "new"
                    | "next"
                    | "right"
                    | "called"
                    | "calls"
                    | "ordered"
                    | "considered"
            ) && (trigger.definite || trigger.kind.is_some())
            {
                continue;
            }
            if w == "planned" && tokens.get(j + 1).is_some_and(|n| n.lower == "and") {
                return Some(NotAnEvent::Hypothetical);
            }
            if w == "planned" {
                continue;
            }
            return Some(NotAnEvent::Hypothetical);
        }
        // Infinitive verb: "to strike", "to attack" (intent, not fact).
        if w == "to"
            && j + 1 == first
            && matches!(
                tokens[first].lower(),
                "strike" | "attack" | "hit" | "bomb" | "raid" | "target" | "storm"
            )
        {
            return Some(NotAnEvent::Hypothetical);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words that head the arms of `find_triggers`' match, read from this file.
    fn arm_head_words() -> Vec<String> {
        let src = include_str!("triggers.rs");
        let body = &src[src.find("pub fn find_triggers(").expect("find_triggers")..];
        let body = &body[body.find("        match cur {").expect("match cur")..];
        let body = &body[..body.find("            _ => {}").expect("last arm")];
        let mut words = Vec::new();
        let mut in_pattern = false;
        for line in body.lines().skip(1) {
            // An arm's pattern starts at the match's indentation plus one level.
            let Some(rest) = line.strip_prefix("            ") else {
                continue;
            };
            if rest.starts_with(' ') {
                continue;
            }
            in_pattern = rest.starts_with('"') || (in_pattern && rest.starts_with("| \""));
            if !in_pattern {
                continue;
            }
            let pattern = rest.split(" if").next().unwrap_or("");
            let pattern = pattern.split("=>").next().unwrap_or("");
            words.extend(pattern.split('"').skip(1).step_by(2).map(str::to_string));
        }
        words
    }

    #[test]
    fn every_word_that_heads_a_trigger_passes_the_gate() {
        let words = arm_head_words();
        assert!(words.len() > 90, "{words:?}");
        for w in &words {
            assert!(TRIGGER_HEADS.contains(&w.as_str()), "{w} missing");
            assert!(may_head_a_trigger(w), "{w}");
        }
        for w in AIRCRAFT_NOUNS.iter().chain(LOADED_VEHICLES) {
            assert!(may_head_a_trigger(w), "{w}");
        }
        // Common words go no further than the table.
        for w in ["the", "of", "and", "in", "to", "a", "government", ""] {
            assert!(!may_head_a_trigger(w), "{w}");
        }
    }

    fn triggers(text: &str) -> Vec<(String, Option<EventKind>, bool)> {
        let tokens = tokenize(text, [0, text.len()]);
        find_triggers(&tokens)
            .into_iter()
            .filter(|t| not_an_event(&tokens, t).is_none() && !t.generic)
            .map(|t| (text[t.span[0]..t.span[1]].to_string(), t.kind, t.definite))
            .collect()
    }

    #[test]
    fn missiles_an_aircraft_launched_make_an_air_or_drone_strike() {
        let kinds = |text: &str| -> Vec<Option<EventKind>> {
            triggers(text).into_iter().map(|t| t.1).collect()
        };
        let air = Some(EventKind::Airstrike);
        assert_eq!(
            kinds("Warplanes circling over the border fired a volley of missiles at a depot."),
            vec![air]
        );
        assert_eq!(
            kinds("Missiles fired by coalition aircraft hit a convoy near the town."),
            vec![air]
        );
        assert_eq!(
            kinds("Two missiles fired from a drone destroyed the car."),
            vec![Some(EventKind::DroneStrike)]
        );
        // The aircraft's verb and its missiles are one trigger, not two.
        assert_eq!(
            kinds("Bombers fired missiles at the port on Monday."),
            vec![air]
        );
        // Ground launchers and air defences keep the missile attack.
        assert_eq!(
            kinds("The militia fired missiles at the air base on Monday."),
            vec![Some(EventKind::MissileAttack)]
        );
        assert_eq!(
            kinds("Air defences fired missiles at the incoming jets over the coast."),
            vec![Some(EventKind::MissileAttack)]
        );
    }

    #[test]
    fn an_aircraft_in_a_relative_clause_launches_nothing() {
        let kinds = |text: &str| -> Vec<Option<EventKind>> {
            triggers(text).into_iter().map(|t| t.1).collect()
        };
        // The missiles (the last trigger) are the rebels' own, not the drone's.
        assert_eq!(
            kinds("Rebels who shot down a government drone fired missiles at the airport.").last(),
            Some(&Some(EventKind::MissileAttack))
        );
        assert_eq!(
            kinds("Jets that were circling the city fired missiles at the airport."),
            vec![Some(EventKind::Airstrike)]
        );
        assert_eq!(
            kinds("Missiles fired from Lebanese airspace hit the harbour."),
            vec![Some(EventKind::MissileAttack)]
        );
    }

    #[test]
    fn armed_men_must_head_the_by_phrase_of_a_passive_killing() {
        let kinds = |text: &str| -> Vec<Option<EventKind>> {
            triggers(text).into_iter().map(|t| t.1).collect()
        };
        // The strike kills; the militants are its targets, not the killers.
        assert_eq!(
            kinds(
                "Nine farmers were killed by foreign airstrikes targeting militants near the dam."
            ),
            vec![Some(EventKind::Airstrike)]
        );
        assert_eq!(
            kinds("Six miners were killed by Islamic State fighters near the pit."),
            vec![Some(EventKind::OtherAttack)]
        );
        assert_eq!(
            kinds("Six miners were killed by al-Shabaab militants near the pit."),
            vec![Some(EventKind::OtherAttack)]
        );
    }

    #[test]
    fn one_list_of_armed_men_for_passive_killings_and_agents() {
        let kinds = |text: &str| -> Vec<Option<EventKind>> {
            triggers(text).into_iter().map(|t| t.1).collect()
        };
        assert_eq!(
            kinds("Two clerks were killed by assassins outside the bank."),
            vec![Some(EventKind::OtherAttack)]
        );
        assert_eq!(
            triggers("Bandits fired on a bus near the market on Friday.").len(),
            1
        );
    }

    #[test]
    fn shots_into_the_air_aim_at_no_one() {
        assert!(
            triggers("Gunmen fired shots into the air at a wedding in the valley on Monday.")
                .is_empty()
        );
        assert!(triggers("Militants fired warning shots at the edge of the camp.").is_empty());
        assert!(triggers("Gunmen fired skyward outside the hall on Monday.").is_empty());
        assert_eq!(
            triggers("Gunmen fired shots at a wedding party on Monday.").len(),
            1
        );
    }

    #[test]
    fn armed_men_in_a_passive_killing_or_firing_into_a_place_attack() {
        let kinds = |text: &str| -> Vec<Option<EventKind>> {
            triggers(text).into_iter().map(|t| t.1).collect()
        };
        assert_eq!(
            kinds("Twelve herders were killed by suspected jihadists near the river."),
            vec![Some(EventKind::OtherAttack)]
        );
        assert!(kinds("Two soldiers were killed by a falling wall at the camp.").is_empty());
        assert_eq!(
            triggers("Masked gunmen fired dozens of rounds into the shop.").len(),
            1
        );
        assert_eq!(
            triggers("Gunmen fired on a minibus outside the town.").len(),
            1
        );
        assert!(
            triggers("The gunmen fired into the air to scatter the crowd, then fled.").len() <= 1
        );
        assert!(triggers("The company fired its chief executive on Monday.").is_empty());
    }

    #[test]
    fn air_raid_sirens_and_shelters_are_no_air_raid() {
        assert!(triggers("Air raid sirens sounded across the port city before dawn.").is_empty());
        assert!(triggers("Families slept in an air raid shelter under the school.").is_empty());
        assert_eq!(
            triggers("An air raid on the market killed nine people.")
                .into_iter()
                .map(|t| t.1)
                .collect::<Vec<_>>(),
            vec![Some(EventKind::Airstrike)]
        );
    }

    #[test]
    fn armed_men_opening_fire_attack_and_projectiles_are_rockets() {
        let kinds = |text: &str| {
            let tokens = tokenize(text, [0, text.len()]);
            find_triggers(&tokens)
                .into_iter()
                .filter(|t| !t.generic)
                .map(|t| t.kind)
                .collect::<Vec<_>>()
        };
        // No kind of its own: it may be the gunfire of a bombing.
        assert_eq!(
            kinds("Gunmen opened fire on a wedding party in the village."),
            [None]
        );
        assert_eq!(
            kinds("Militants blew up a bridge and then opened fire on a convoy."),
            [None]
        );
        // Nobody armed: a shop opening fire sale, a debate.
        assert!(kinds("The minister opened fire on his critics in parliament.").is_empty());
        assert_eq!(
            kinds("Several projectiles hit the air base at dawn."),
            [Some(EventKind::RocketAttack)]
        );
        assert!(kinds("The rockets were 107 mm projectiles fired from a truck.").is_empty());
    }

    #[test]
    fn a_verb_of_sequence_keeps_two_attack_words_apart() {
        let text = "The rocket attack followed the strikes of Sunday night.";
        let tokens = tokenize(text, [0, text.len()]);
        let kinds: Vec<Option<EventKind>> =
            find_triggers(&tokens).into_iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [Some(EventKind::RocketAttack), None]);
    }

    #[test]
    fn a_verb_of_sequence_or_as_well_as_keeps_two_wildcards_apart() {
        // Two wildcards, the second an earlier attack the first followed.
        let text = "The attack followed US strikes on Friday night on militia depots.";
        let found = find_triggers(&tokenize(text, [0, text.len()]));
        assert_eq!(found.len(), 2, "{found:?}");
        // So does a word of response.
        let text = "That strike on Friday was ordered in response to a rocket attack on the port.";
        let found = find_triggers(&tokenize(text, [0, text.len()]));
        assert_eq!(found.len(), 2, "{found:?}");
        // "as well as" adds another attack to the one just named.
        let found = triggers(
            "The ministry said the attack, as well as air strikes the same day on the border \
             crossing, broke the truce.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1, Some(EventKind::Airstrike), "{found:?}");
    }

    #[test]
    fn one_of_several_more_left_unsaid_is_a_wildcard_of_the_series() {
        let text = "Since then there have been several more, including one on the port in May.";
        let tokens = tokenize(text, [0, text.len()]);
        assert!(may_contain_trigger(text));
        let found = find_triggers(&tokens);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, None);
        assert!(included_after_elliptic_more(&tokens, found[0].token));
        assert_eq!(not_an_event(&tokens, &found[0]), None);
        // "more" with a noun of its own, or a count of people, is no series.
        for text in [
            "Several more people died, including one child.",
            "Aid groups sent more trucks, including one to the port.",
        ] {
            let tokens = tokenize(text, [0, text.len()]);
            assert!(find_triggers(&tokens).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_person_killed_by_a_u_s_drone_was_killed_in_a_drone_attack() {
        let found = triggers("The general killed by a U.S. drone in the capital in May.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::DroneAttack), "{found:?}");
    }

    #[test]
    fn bombs_that_went_off_were_planted_devices() {
        for text in [
            "Two bombs exploded an hour apart in the town centre on Monday.",
            "Three bombs went off near the stadium.",
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Some(EventKind::Ied), "{text}");
        }
    }

    #[test]
    fn bombs_striking_with_no_aircraft_were_planted_and_a_site_hit_before_is_a_history() {
        let found = triggers("In May, two bombs struck the church during Mass.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Ied), "{found:?}");
        let found = triggers("Jets flew low and two bombs struck the bridge.");
        assert!(
            found.iter().all(|t| t.1 != Some(EventKind::Ied)),
            "{found:?}"
        );
        let text = "The town has been hit before.";
        let found = find_triggers(&tokenize(text, [0, text.len()]));
        assert!(found.len() == 1 && found[0].generic, "{found:?}");
    }

    #[test]
    fn a_vehicle_that_exploded_and_killed_is_a_vehicle_bomb() {
        let found = triggers("Two people were killed when a car exploded outside the court.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Ied), "{found:?}");
        for text in [
            "Two people were killed when a fuel truck exploded on the highway.",
            "A car exploded after the crash, killing the driver.",
            "A car exploded in the car park.",
        ] {
            assert!(triggers(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_bomb_rigged_fuel_vehicle_that_exploded_is_a_vehicle_bomb() {
        for text in [
            "Nine people were killed when a bomb-rigged oil tanker exploded at the checkpoint.",
            "An explosives-laden gas truck blew up near the mosque, killing four.",
            "Five were wounded when a booby-trapped fuel lorry exploded in the square.",
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Some(EventKind::Ied), "{text}: {found:?}");
        }
    }

    #[test]
    fn aircraft_bombing_is_an_air_strike() {
        let found =
            triggers("The army began a campaign on May 3, with warplanes bombing hideouts.");
        assert!(
            found.iter().any(|t| t.1 == Some(EventKind::Airstrike)),
            "{found:?}"
        );
    }

    #[test]
    fn a_suicide_bomber_stopped_or_carried_is_no_bombing() {
        for text in [
            "Police said the car was carrying a suicide bomber toward the airport.",
            "Soldiers killed two would-be suicide bombers at the gate.",
            "Police arrested a would-be suicide bomber at the checkpoint on Monday.",
            "Guards said the van they stopped was carrying multiple suicide bombers.",
            "Troops arrested many suicide bombers at the border crossing.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        let found = triggers("Twelve people were killed by a suicide bomber on Monday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Ied), "{found:?}");
    }

    #[test]
    fn a_besieged_town_is_a_state_not_an_assault() {
        let found = triggers(
            "The blast came a month after an air strike hit a school in besieged Marinka on \
             June 2.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Airstrike), "{found:?}");
        for text in [
            "Food ran out in the besieged city.",
            "The town's besieged residents fled.",
        ] {
            assert!(triggers(text).is_empty(), "{text}");
        }
        // The verb is still an assault.
        let found = triggers("Rebels besieged the garrison on Monday.");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn the_bombing_of_an_armed_group_s_sites_is_an_air_raid_and_of_a_market_a_device() {
        let all = |text: &str| {
            let tokens = tokenize(text, [0, text.len()]);
            find_triggers(&tokens)
                .into_iter()
                .map(|t| t.kind)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            all("It followed the bombing of militia depots near the border."),
            [Some(EventKind::Airstrike)]
        );
        assert_eq!(
            all("It followed the market bombing in the old city."),
            [Some(EventKind::Ied)]
        );
        // Anything else bombed names no weapon.
        assert_eq!(all("It followed the bombing of the town hall."), [None]);
    }

    #[test]
    fn an_aircraft_subject_of_an_attack_verb_is_an_air_strike() {
        for text in [
            "Unidentified aircraft struck a column of pickup trucks outside the town.",
            "Government helicopters fired on a crowded market at dawn.",
            "Fighter jets reportedly pounded rebel trenches along the river.",
            "Unknown warplanes killed nine fighters at a farm.",
            "Two gunships opened fire on a fishing boat.",
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Some(EventKind::Airstrike), "{text}");
        }
        let text = "An unmanned aircraft struck the hangar.";
        assert_eq!(triggers(text)[0].1, Some(EventKind::DroneAttack), "{text}");
        let text = "An unmanned aircraft system attacked the depot late on Saturday.";
        assert_eq!(triggers(text)[0].1, Some(EventKind::DroneAttack), "{text}");
    }

    #[test]
    fn aircraft_that_are_not_the_attacking_subject_are_no_event() {
        for text in [
            "Two jets were intercepted over the sea.",
            "Helicopters flew low over the capital during the parade.",
            "The aircraft carried aid to the flooded valley.",
            "The airline said its planes landed safely.",
            "The firm fired several pilots after the helicopter crashed.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        let text = "Jets did not strike the village, the ministry said.";
        assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
    }

    #[test]
    fn an_ordinal_or_another_as_subject_is_a_series_member() {
        for (text, verb) in [
            ("The first hit a depot on the coast.", 2),
            ("The latest struck a school in the north.", 2),
            ("Another targeted the port.", 1),
        ] {
            let tokens = tokenize(text, [0, text.len()]);
            assert!(series_member_subject(&tokens, verb), "{text}");
        }
        for (text, verb) in [
            ("His first hit song came out in May.", 2),
            ("Troops hit back at the critics.", 1),
        ] {
            let tokens = tokenize(text, [0, text.len()]);
            assert!(!series_member_subject(&tokens, verb), "{text}");
        }
    }

    #[test]
    fn attacks_kept_up_or_stepped_up_are_a_campaign() {
        for text in [
            "Rebel cells have kept up attacks in the hills since the truce ended in May 2019.",
            "The insurgents stepped up raids on border posts last year.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        let text = "Police stepped up patrols after an attack on a checkpoint on Monday.";
        assert_eq!(triggers(text).len(), 1, "{text}");
    }

    #[test]
    fn the_end_of_a_siege_is_not_the_attack() {
        for text in [
            "Troops ended a 20-hour siege of a guesthouse late Saturday.",
            "Commandos lifted the siege of the lodge on Monday.",
            "The siege ended at dawn.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        let text = "Militants laid siege to a police post on Monday.";
        assert_eq!(triggers(text).len(), 1, "{text}");
    }

    #[test]
    fn the_siege_with_a_toll_refers_back_and_is_no_new_attack() {
        // "the siege" is one already told; "a siege" is told for the first time.
        let text = "Police ended the day-long siege on Saturday, killing all three gunmen.";
        assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        let text = "Police ended a day-long siege on Saturday, killing all three gunmen.";
        assert_eq!(triggers(text).len(), 1, "{text}: {:?}", triggers(text));
    }

    #[test]
    fn an_ended_siege_with_its_own_toll_is_the_attack() {
        let text = "Soldiers ended a siege of a bank in Mosul on Friday, killing three gunmen.";
        assert_eq!(triggers(text).len(), 1, "{text}: {:?}", triggers(text));
        // A toll told after "after" is the storming's, not the siege's.
        let text = "Soldiers ended a siege of a bank on Friday after gunmen stormed it, killing \
                    three guards.";
        assert!(
            triggers(text).iter().all(|t| !t.0.contains("siege")),
            "{text}: {:?}",
            triggers(text)
        );
    }

    #[test]
    fn attacks_blamed_or_claimed_after_for_are_events() {
        for text in [
            "Officials blamed the militia for rocket attacks on the embassy in Baghdad.",
            "The group claimed responsibility for drone attacks on the airport.",
        ] {
            let tokens = tokenize(text, [0, text.len()]);
            let kept = find_triggers(&tokens)
                .into_iter()
                .filter(|t| not_an_event(&tokens, t).is_none() && !t.generic)
                .count();
            assert_eq!(kept, 1, "{text}");
        }
        let text = "Jets struck hangars used as launchpads for drone attacks.";
        let tokens = tokenize(text, [0, text.len()]);
        let kept = find_triggers(&tokens)
            .into_iter()
            .filter(|t| not_an_event(&tokens, t).is_none() && !t.generic)
            .count();
        assert_eq!(kept, 1, "only the jets' strike: {text}");
    }

    #[test]
    fn attacks_named_as_a_purpose_or_an_ongoing_pattern_are_background() {
        for text in [
            "Jets struck depots that the rebels used for drone attacks.",
            "The sites were used to launch rocket attacks on shipping.",
            "The cell is capable of mounting attacks in the capital.",
            "Rockets continue to target the port.",
        ] {
            let tokens = tokenize(text, [0, text.len()]);
            let kept: Vec<String> = find_triggers(&tokens)
                .into_iter()
                .filter(|t| not_an_event(&tokens, t).is_none() && !t.generic)
                .filter(|t| !text[t.span[0]..t.span[1]].starts_with("Jets"))
                .map(|t| text[t.span[0]..t.span[1]].to_string())
                .collect();
            assert!(kept.is_empty(), "{text}: {kept:?}");
        }
        // A determiner names attacks that happened.
        let text = "The group was blamed for the drone attacks on Sunday.";
        assert_eq!(triggers(text).len(), 1, "{text}");
    }

    #[test]
    fn a_dated_second_item_of_a_list_is_a_second_attack_of_the_series_kind() {
        let text = "The rebels launched drone attacks, including the April 2 drone attack on a \
                    tanker and the April 20 strike on the port.";
        let found = triggers(text);
        let named: Vec<&str> = found.iter().map(|t| t.0.as_str()).collect();
        assert!(named.contains(&"strike"), "{found:?}");
        assert!(
            found
                .iter()
                .all(|t| t.0 == "drone attacks" || t.1 == Some(EventKind::DroneAttack)),
            "{found:?}"
        );
        let text = "Two rockets hit the base on Sunday, and the attack wounded a guard.";
        assert_eq!(triggers(text).len(), 1, "{text}");
    }

    #[test]
    fn another_after_an_included_one_is_one_more_of_the_series() {
        let text = "The rebels have carried out a string of drone attacks, including one on a \
                    tanker on April 2 and another on the port in March.";
        let found = triggers(text);
        assert!(found.iter().any(|t| t.0 == "one"), "{found:?}");
        assert!(found.iter().any(|t| t.0 == "another"), "{found:?}");
        let text = "Rockets hit several buildings, including one on the main road and another \
                    building.";
        assert!(!triggers(text).iter().any(|t| t.0 == "another"), "{text}");
    }

    #[test]
    fn a_habitual_adverb_before_the_verb_makes_it_background() {
        for text in [
            "Bandits in the hills regularly ambush trucks on the highway.",
            "Insurgents often attack convoys on that road.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        let text = "Bandits ambushed a truck on the highway on Monday.";
        assert_eq!(triggers(text).len(), 1, "{text}");
    }

    #[test]
    fn the_weapon_in_a_with_phrase_names_the_kind() {
        for (text, kind) in [
            (
                "The army retaliated by hitting rebel positions with artillery.",
                EventKind::Shelling,
            ),
            (
                "Militants pounded the garrison with rockets.",
                EventKind::RocketAttack,
            ),
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Some(kind), "{text}");
        }
        let text = "The storm hit the coast with heavy rain.";
        assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
    }

    #[test]
    fn coming_under_fire_is_an_attack_of_the_named_weapon() {
        for (text, kind) in [
            (
                "An army convoy came under fire near the bridge.",
                EventKind::OtherAttack,
            ),
            (
                "The outpost came under heavy rocket fire overnight.",
                EventKind::RocketAttack,
            ),
            (
                "The embassy came under attack from several mortars.",
                EventKind::Shelling,
            ),
            (
                "Our patrol came under sustained drone attack.",
                EventKind::DroneAttack,
            ),
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Some(kind), "{text}");
        }
    }

    #[test]
    fn coming_under_fire_from_critics_is_not_an_attack() {
        for text in [
            "The minister came under fire for the budget cuts.",
            "The plan came under attack from lawmakers on Tuesday.",
            "The agency came under fire over its handling of the floods.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
    }

    #[test]
    fn targeted_shootings_by_armed_men_are_attacks() {
        for text in [
            "Masked gunmen shot dead a provincial judge outside a bakery on Sunday.",
            "Two assailants on a scooter shot and wounded a radio host in the market.",
            "A trade unionist was shot dead by unknown attackers near the port.",
            "An outspoken blogger was shot dead in the old town late on Friday.",
            "Armed men gunned down a tribal elder at a checkpoint.",
            "The mayor was assassinated outside the town hall on Wednesday.",
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            let tokens = tokenize(text, [0, text.len()]);
            let hint = find_triggers(&tokens)[0].hint;
            assert_eq!(hint, EventKind::OtherAttack, "{text}");
        }
    }

    #[test]
    fn shootings_by_the_state_or_of_the_attacker_and_other_shots_are_not_attacks() {
        for text in [
            "A smuggler was shot dead by police at the border crossing.",
            "Three protesters were shot by security forces in the square.",
            "The gunman was shot dead by a guard after a short chase.",
            "Police shot dead a man who ran a roadblock.",
            "A transport helicopter was shot down over the valley.",
            "The documentary was shot on location in the mountains.",
            "Prosecutors said the assassination plot was foiled in March.",
            "The ruling party dropped its demand for early elections.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
    }

    #[test]
    fn a_threatened_or_denied_shooting_is_not_an_event() {
        for text in [
            "The militia threatened to assassinate the governor.",
            "Police denied that the activist was shot dead by gunmen.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
    }

    #[test]
    fn armed_men_striking_with_no_weapon_named_is_a_ground_attack() {
        let found = triggers("The insurgents struck a border post at dusk.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::OtherAttack));
        // A weapon named still gives the kind; no armed men leaves the bare wildcard.
        let found = triggers("The insurgents struck a border post with rockets.");
        assert_eq!(found[0].1, Some(EventKind::RocketAttack), "{found:?}");
        let found = triggers("They struck the border post at dusk.");
        assert_eq!(found[0].1, None, "{found:?}");
        // Aircraft as the subject name the kind.
        let found = triggers("Planes struck the border post at dusk.");
        assert_eq!(found[0].1, Some(EventKind::Airstrike), "{found:?}");
    }

    #[test]
    fn aircraft_dropping_bombs_is_an_air_strike() {
        let found = triggers("Two bombers dropped a dozen guided bombs on a depot at dawn.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "dropped a dozen guided bombs");
        assert_eq!(found[0].1, Some(EventKind::Airstrike));
    }

    #[test]
    fn passive_and_additive_impact_verbs_are_triggers() {
        let found = triggers("The refinery was hit before dawn on Friday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "hit");
        let found = triggers("Two depots in the north were also hit overnight.");
        assert_eq!(found.len(), 1, "{found:?}");
        // "barrage" is a trigger of its own now; "targeted" is the same mention.
        let found = triggers("The barrage also targeted a power station near the river.");
        assert_eq!(found.len(), 1, "{found:?}");
        let found = triggers("The blast also targeted a power station near the river.");
        assert!(found.iter().any(|t| t.0 == "targeted"), "{found:?}");
        // Active "hit" with no attack sense stays out.
        assert!(triggers("Prices hit a record high in March.").is_empty());
        assert!(!may_contain_trigger("Prices hit a record high in March."));
        assert!(may_contain_trigger("The depot WAS HIT twice."));
    }

    #[test]
    fn the_weapon_in_a_by_phrase_names_the_kind() {
        let found = triggers("A tanker hit by a ballistic missile on Monday caught fire.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::MissileAttack));
        assert!(triggers("Exporters hit by the new tariffs protested.").is_empty());
    }

    #[test]
    fn a_munition_tearing_through_a_building_is_an_attack() {
        let found = triggers("A cruise missile tore through an office block on Tuesday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::MissileAttack));
    }

    #[test]
    fn wire_copy_patterns_give_their_kind() {
        let cases: &[(&str, EventKind)] = &[
            (
                "The U.S. carried out the airstrikes against the group on Sunday.",
                EventKind::Airstrike,
            ),
            (
                "Rockets struck a military base at Erbil airport.",
                EventKind::RocketAttack,
            ),
            (
                "A rocket attack on the base killed a contractor.",
                EventKind::RocketAttack,
            ),
            (
                "Militants fired three rockets at the compound.",
                EventKind::RocketAttack,
            ),
            (
                "A drone attack targeted the airport.",
                EventKind::DroneAttack,
            ),
            (
                "The explosive-laden drones hit the base.",
                EventKind::DroneAttack,
            ),
            (
                "Iran launched a ballistic missile at two bases.",
                EventKind::MissileAttack,
            ),
            ("A roadside bomb hit a convoy.", EventKind::Ied),
            ("A car bomb exploded in the market.", EventKind::Ied),
            (
                "Masked gunmen stormed the embassy compound.",
                EventKind::OtherAttack,
            ),
            (
                "A mortar round landed near the airport.",
                EventKind::Shelling,
            ),
            (
                "The overnight aerial assault killed four.",
                EventKind::Airstrike,
            ),
            ("A drone strike killed the general.", EventKind::DroneStrike),
        ];
        for (text, kind) in cases {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Some(*kind), "{text}");
        }
    }

    #[test]
    fn munition_decides_a_generic_strike() {
        let found =
            triggers("The group carried out a strike involving more than 30 missiles on Friday.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Some(EventKind::MissileAttack));
    }

    #[test]
    fn bare_strikes_are_wildcards() {
        let found = triggers("The strikes killed four of its fighters.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, None);
        assert!(found[0].2, "definite");
    }

    #[test]
    fn denials_threats_and_hypotheticals_are_not_events() {
        for text in [
            "The group denied carrying out the attack.",
            "Iran threatened to strike US bases.",
            "Officials said another strike could be warranted.",
            "The militia vowed to retaliate with attacks.",
            "The measures aim to deter future attacks.",
            "They planned and carried out attacks on coalition forces.",
            "The group denied that they had taken part in any attacks against US interests.",
            "Washington warned of possible rocket attacks.",
            "No rockets hit the base.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
    }

    #[test]
    fn plural_background_is_generic() {
        for text in [
            "He referred to repeated attacks against US interests in Iraq.",
            "Pompeo accused the forces of a series of attacks on bases.",
            "It followed three rocket attacks on facilities in Iraq.",
            "They discussed the recent rocket attacks against coalition personnel.",
        ] {
            let tokens = tokenize(text, [0, text.len()]);
            let found = find_triggers(&tokens);
            assert!(
                found.iter().all(|t| t.generic || t.bare_plural),
                "{text}: {found:?}"
            );
        }
        let text = "The airstrikes come at a delicate moment.";
        let found = find_triggers(&tokenize(text, [0, text.len()]));
        assert!(found.len() == 1 && !found[0].generic && !found[0].bare_plural);
    }

    #[test]
    fn a_wildcard_next_to_an_explicit_trigger_is_one_mention() {
        let found = triggers(
            "Two rockets hit near the US embassy in Baghdad, in the third attack this week.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::RocketAttack));
    }

    #[test]
    fn missiles_and_drones_fired_together_are_one_salvo() {
        for text in [
            "The army fired 30 missiles and 12 drones at the port overnight.",
            "The army fired scores of missiles and drones at towns across the region on Monday.",
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].1, Some(EventKind::MissileAttack), "{found:?}");
        }
        // Two weapons in two clauses stay two attacks.
        let found = triggers(
            "Missiles hit the port on Monday, and drones struck a depot in the north on Tuesday.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn two_events_in_one_sentence_stay_apart() {
        let found = triggers(
            "The U.S. military carried out the strikes against the militia group on Sunday after a US civilian was killed in a missile attack on an Iraqi military base.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].1, Some(EventKind::MissileAttack));
    }

    #[test]
    fn armed_men_killing_people_is_an_attack() {
        let t = triggers(
            "Suspected Islamic extremists killed at least 43 farm workers near the city on Saturday.",
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].0, "killed");
        assert_eq!(t[0].1, Some(EventKind::OtherAttack));
        assert_eq!(
            triggers("Rebels killed dozens of soldiers near the border.").len(),
            1
        );
        // A participle or a passive is the toll of something else, not a killing by the men.
        let t = triggers("Ten militants killed in an airstrike were buried on Monday.");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].1, Some(EventKind::Airstrike));
        assert!(triggers("Two gunmen were killed by police.").is_empty());
        assert!(triggers("Floods killed 20 people.").is_empty());
    }

    #[test]
    fn labour_strikes_and_equipment_are_not_triggers() {
        assert!(triggers("Workers went on a general strike in Basra.").is_empty());
        assert!(triggers("The army showed its rocket launchers.").is_empty());
    }

    #[test]
    fn a_raid_beside_a_strike_from_the_air_is_an_air_strike() {
        let hint = |text: &str| {
            let toks = tokenize(text, [0, text.len()]);
            find_triggers(&toks)
                .into_iter()
                .find(|t| toks[t.token].lower.starts_with("raid"))
                .map(|t| t.hint)
        };
        assert_eq!(
            hint("The navy struck two depots by the river on Monday, raids that left a crater."),
            Some(EventKind::Airstrike)
        );
        assert_eq!(
            hint("Commandos raided a farmhouse near the depot the army struck last week."),
            Some(EventKind::GroundAssault)
        );
        assert_eq!(
            hint("Police raided a flat in the old town."),
            Some(EventKind::GroundAssault)
        );
    }

    #[test]
    fn a_bomber_who_struck_set_off_a_bomb() {
        let kinds = |text: &str| triggers(text).into_iter().map(|t| t.1).collect::<Vec<_>>();
        assert_eq!(
            kinds("The bomber struck at a crowded rally on Friday."),
            vec![Some(EventKind::Ied)]
        );
        assert!(!kinds("A strategic bomber struck the depot.").contains(&Some(EventKind::Ied)));
    }

    #[test]
    fn shells_that_were_fired_or_landed_are_shelling() {
        let kinds = |text: &str| triggers(text).into_iter().map(|t| t.1).collect::<Vec<_>>();
        assert_eq!(
            kinds("Shells fired from the hills hit a school yard."),
            vec![Some(EventKind::Shelling)]
        );
        assert!(kinds("The shells of the old houses stood empty.").is_empty());
    }

    #[test]
    fn a_missile_that_killed_or_destroyed_is_a_missile_attack() {
        let kinds = |text: &str| triggers(text).into_iter().map(|t| t.1).collect::<Vec<_>>();
        assert_eq!(
            kinds("Nine people were killed by a cruise missile near the port."),
            vec![Some(EventKind::MissileAttack)]
        );
        assert_eq!(
            kinds("A missile that destroyed a bakery was fired at dawn."),
            vec![Some(EventKind::MissileAttack)]
        );
    }

    #[test]
    fn a_blast_hitting_a_place_with_casualties_or_blame_is_an_attack() {
        let kinds = |text: &str| -> Vec<Option<EventKind>> {
            triggers(text).into_iter().map(|(_, k, _)| k).collect()
        };
        assert_eq!(
            kinds(
                "Explosions hit the bus station in the northern town as a convoy passed, killing nine people."
            ),
            vec![None]
        );
        assert_eq!(
            kinds(
                "A blast tore through a crowded vegetable market on Friday; police blamed a separatist cell."
            ),
            vec![None]
        );
        assert_eq!(
            kinds(
                "Two explosions hit the harbour, wounding four dock workers; the navy said they were caused by missiles."
            ),
            vec![Some(EventKind::MissileAttack)]
        );
        assert!(
            kinds("A blast ripped through the police post, and officials said a bomb hidden in a cart had killed two.")
                .contains(&Some(EventKind::Ied))
        );
    }

    #[test]
    fn a_bearer_blowing_himself_up_or_setting_off_a_vest_is_a_bombing() {
        for text in [
            "A teenager blew himself up outside the court on Monday.",
            "The attacker detonated his vest among the queue of recruits.",
            "Two women set off their explosive belts at the checkpoint.",
        ] {
            let found = triggers(text);
            assert_eq!(found.len(), 1, "{text}: {found:?}");
            assert_eq!(found[0].1, Some(EventKind::Ied), "{text}");
        }
        for text in [
            "The ruling set off a wave of protests.",
            "Engineers blew up the old bridge to clear the river.",
            "He put on a warm vest.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
    }

    #[test]
    fn a_blast_in_a_relative_clause_of_damage_that_is_answered_is_an_attack() {
        let text = "Officials said the raids were a response to the blast on Friday that \
                    damaged the dam.";
        let tokens = tokenize(text, [0, text.len()]);
        let found = find_triggers(&tokens);
        let blast = found
            .iter()
            .find(|t| tokens[t.token].lower() == "blast")
            .expect("the blast is a trigger");
        // The noun alone: its date is not inside the trigger.
        assert_eq!(&text[blast.span[0]..blast.span[1]], "blast");
        // Without a word of blame or harm, a blast that damaged something may be an accident.
        let text = "The blast on Friday that damaged the dam was caused by a leak.";
        let found = find_triggers(&tokenize(text, [0, text.len()]));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn accidental_or_unexplained_blasts_are_not_attacks() {
        for text in [
            "A gas explosion hit a residential block in the capital, killing three people.",
            "A boiler blast tore through the laundry of a hotel, injuring six staff.",
            "An explosion hit a warehouse storing fireworks, and two workers were killed.",
            "Explosions rocked the refinery overnight, the company said, without giving a cause.",
            "An explosion at a chemical factory killed 11 people on Tuesday.",
            // Felt, not aimed: left to the story's later naming of the attack.
            "Explosions rocked the harbour town at dawn, killing four people.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
    }

    #[test]
    fn crowds_storming_a_building_is_no_attack_but_armed_men_storming_is() {
        for text in [
            "Protesters stormed the consulate's outer gate at the end of May.",
            "Hundreds of angry supporters breached the compound wall on Sunday.",
            "The embassy was besieged by demonstrators for two days.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        for text in [
            "Gunmen stormed a guesthouse in the port town on Sunday.",
            "Fighters stormed the army outpost before dawn.",
        ] {
            assert_eq!(triggers(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn a_count_or_a_present_perfect_tally_of_raids_is_background() {
        for text in [
            "Government jets have carried out hundreds of raids on the hills this year.",
            "The coalition flew scores of strikes against the group.",
            "Warplanes have conducted raids across the plain so far, the monitor said.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        // One raid told in the present perfect is still one raid.
        assert_eq!(
            triggers("Warplanes have carried out a raid on the hills this morning.").len(),
            1
        );
    }

    #[test]
    fn prefilter_skips_unrelated_text() {
        assert!(!may_contain_trigger(
            "The minister met his counterpart in Rome."
        ));
        assert!(may_contain_trigger("Rockets fell."));
    }

    #[test]
    fn an_aircraft_in_a_by_phrase_launched_the_weapon_already_named() {
        let found = triggers(
            "Last spring, rockets fired by enemy jets struck a depot south of the port city.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::RocketAttack));
    }

    #[test]
    fn strikes_by_aircraft_are_air_strikes() {
        let found =
            triggers("In May, strikes by unmarked aircraft near the dam killed nine guards.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Airstrike));
        // A strike by workers is a stoppage, not an air strike.
        let found = triggers("A strike by dock workers closed the port.");
        assert!(found.iter().all(|t| t.1.is_none()), "{found:?}");
    }

    #[test]
    fn a_vehicle_packed_with_explosives_is_a_vehicle_bomb() {
        let found = triggers("Six guards died when a van packed with explosives rammed the gate.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "van packed with explosives");
        assert_eq!(found[0].1, Some(EventKind::Ied));
        // Explosives found in a warehouse are no attack.
        assert!(triggers("Police found a warehouse packed with explosives.").is_empty());
    }

    #[test]
    fn people_killed_with_hand_weapons_were_attacked() {
        let found = triggers("Dozens of farmers were killed with machetes in the valley.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::OtherAttack));
        let found = triggers("Four traders were hacked to death with axes at the market.");
        assert_eq!(found.len(), 1, "{found:?}");
        // Killed with no weapon named is no attack word.
        assert!(triggers("Two hikers were killed with their guide in an avalanche.").is_empty());
    }

    #[test]
    fn firing_told_as_the_cause_of_deaths_is_an_attack() {
        let found = triggers(
            "A farmer was killed on Monday when a border patrol stopped by villagers opened fire.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "opened fire");
        // Without deaths or wounds told before it, a unit opening fire is no attack word.
        assert!(triggers("The patrol opened fire when it reached the bridge.").is_empty());
    }

    #[test]
    fn shot_on_a_day_is_a_shooting_and_shot_on_location_is_a_film() {
        let found = triggers("The judge was shot on Tuesday outside his home.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::OtherAttack));
        assert!(triggers("The film was shot on location in the desert.").is_empty());
    }

    #[test]
    fn munitions_coming_in_or_down_are_an_attack() {
        let found =
            triggers("It was just before dawn when the first shells came down on the port.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Shelling));
        let found = triggers("It was late on Friday when the first rockets came in.");
        assert_eq!(found[0].1, Some(EventKind::RocketAttack), "{found:?}");
        assert!(triggers("The missiles came from a factory near the capital.").is_empty());
    }

    #[test]
    fn others_after_a_weapon_are_more_of_it_elsewhere() {
        let found = triggers(
            "Earlier this week, rockets landed at a depot north of the port, and there were \
             others at the airport.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].0, "others");
        assert_eq!(found[1].1, Some(EventKind::RocketAttack));
        // Casualties, not weapons.
        let found = triggers("Two rockets hit the base. Nine others were wounded.");
        assert!(found.iter().all(|t| t.0 != "others"), "{found:?}");
        let found = triggers("Rockets hit the base, and others were wounded in the city.");
        assert!(found.iter().all(|t| t.0 != "others"), "{found:?}");
    }

    #[test]
    fn a_bomb_left_somewhere_that_exploded_is_a_planted_device() {
        let found = triggers("A bomb hidden in a bread basket exploded at a bakery, killing two.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Ied));
        // Found and made safe: no attack.
        assert!(triggers("A bomb left in a bag was found and defused by police.").is_empty());
    }

    #[test]
    fn attack_as_the_name_of_a_craft_tells_no_attack() {
        for text in [
            "Commandos backed by attack helicopters and drones were flown into the valley.",
            "The navy commissioned two attack submarines on Friday.",
            "Engineers ferried troops across the river in assault boats.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        // The verb stays an attack, and attack helicopters firing are an air strike.
        assert_eq!(triggers("Gunmen attack the convoy near the pass.").len(), 1);
        let found = triggers("Attack helicopters fired on the column at dawn.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].1, Some(EventKind::Airstrike), "{found:?}");
    }

    #[test]
    fn armed_groups_firing_weapons_describes_what_they_do() {
        for text in [
            "Washington demanded action against militias firing rockets at its embassy.",
            "The minister vowed to hunt down gangs planting roadside bombs on the highway.",
            "The talks stalled over rebels launching drones at oil facilities.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        // The scene of an attack being told keeps it.
        let found = triggers(
            "The town was overrun on Monday, with militants firing rockets at the barracks.",
        );
        assert!(
            found.iter().any(|t| t.1 == Some(EventKind::RocketAttack)),
            "{found:?}"
        );
    }

    #[test]
    fn a_passive_takes_its_weapon_from_the_agent_phrase() {
        let kinds = |text: &str| -> Vec<Option<EventKind>> {
            triggers(text).into_iter().map(|t| t.1).collect()
        };
        assert_eq!(
            kinds("The airfield was also struck in March last year by Syrian ballistic missiles."),
            [Some(EventKind::MissileAttack)]
        );
        assert_eq!(
            kinds("The depot was targeted on Sunday evening by armed drones."),
            [Some(EventKind::DroneAttack)]
        );
        // A volley names the weapon after its "of": one trigger, of the weapon's kind.
        assert_eq!(
            kinds("The embassy compound was hit by a barrage of rockets on March 2."),
            [Some(EventKind::RocketAttack)]
        );
        assert_eq!(
            kinds("The port was hit by a swarm of drones overnight."),
            [Some(EventKind::DroneAttack)]
        );
        // A weapon right after the verb names the kind as before ("struck by a drone").
        assert_eq!(
            kinds("The car was struck by a drone near the border."),
            [Some(EventKind::DroneStrike)]
        );
    }

    #[test]
    fn a_plural_whose_verb_tells_a_rise_or_fall_is_a_trend() {
        for text in [
            "Rocket attacks on convoys and on the embassy in the capital declined after the truce.",
            "Drone strikes in the province have increased sharply.",
            "Car bombings in the old city became rare after 2019.",
        ] {
            assert!(triggers(text).is_empty(), "{text}: {:?}", triggers(text));
        }
        // A clause of its own after the attack: "strikes on the port on Monday as
        // tensions rose".
        assert_eq!(
            triggers("Residents fled the air strikes on the port on Monday as tensions rose.")
                .len(),
            1
        );
    }

    #[test]
    fn a_device_laid_or_found_is_no_attack() {
        for text in [
            "The patrol was ambushed in a valley where explosive devices had been planted.",
            "Two explosive devices were found and defused near the stadium.",
        ] {
            let found = triggers(text);
            assert!(
                found.iter().all(|t| t.0 != "explosive devices"),
                "{text}: {found:?}"
            );
        }
        // Set off, it is one.
        let found = triggers("An explosive device planted under a car exploded on Monday.");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}

//! Actors (states, forces, armed groups) with their aliases, and the roles they play next to a
//! trigger: who attacked (perpetrator, possibly only "accused by" someone) and who was hit
//! (target). A speaker ("US officials said", "Baghdad condemned") is neither.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::corpus::Span;
use crate::extract::triggers::{Token, Trigger};

const ACTORS_TSV: &str = include_str!("../../assets/actors.tsv");

#[derive(Debug, Clone)]
pub struct ActorDef {
    pub canonical: String,
    /// A state (or coalition) with an air force: its bare "strikes" are airstrikes.
    pub state_air: bool,
}

struct ActorDict {
    defs: Vec<ActorDef>,
    /// Per pattern: index into `defs`.
    pattern_actor: Vec<usize>,
    automaton: AhoCorasick,
}

fn dict() -> &'static ActorDict {
    static DICT: OnceLock<ActorDict> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut defs = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut pattern_actor = Vec::new();
        for line in ACTORS_TSV.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let idx = defs.len();
            defs.push(ActorDef {
                canonical: cols[0].to_string(),
                state_air: cols[1] == "yes",
            });
            for alias in cols[2].split('|').map(str::trim).filter(|a| !a.is_empty()) {
                // Curly apostrophes are as common as straight ones in wire copy.
                patterns.push(alias.to_string());
                pattern_actor.push(idx);
                if alias.contains('\'') {
                    patterns.push(alias.replace('\'', "’"));
                    pattern_actor.push(idx);
                }
            }
        }
        // A DFA: the alias list is small, and every trigger sentence is searched.
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("actor aliases build");
        ActorDict {
            defs,
            pattern_actor,
            automaton,
        }
    })
}

#[derive(Debug, Clone)]
pub struct ActorMention {
    pub span: Span,
    pub canonical: &'static str,
    pub state_air: bool,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Finds the actors named in `text[span]` (word-bounded, case-sensitive).
pub fn find_actors(text: &str, span: Span) -> Vec<ActorMention> {
    let d = dict();
    let slice = &text[span[0]..span[1]];
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    for m in d.automaton.find_iter(slice) {
        let (s, e) = (m.start(), m.end());
        let before_ok = s == 0 || !is_word_byte(bytes[s - 1]);
        // A trailing "s" is a plural of the alias ("Americans", "militias"), allowed only for
        // aliases ending in a letter; any other word character glued on is a different word.
        let after_ok = e >= bytes.len() || !is_word_byte(bytes[e]);
        if !(before_ok && after_ok) {
            continue;
        }
        let def = &d.defs[d.pattern_actor[m.pattern().as_usize()]];
        out.push(ActorMention {
            span: [span[0] + s, span[0] + e],
            canonical: def.canonical.as_str(),
            state_air: def.state_air,
        });
    }
    out
}

/// The canonical name for an alias, if the dictionary knows it.
pub fn canonical(alias: &str) -> Option<&'static str> {
    let d = dict();
    d.automaton
        .find(alias)
        .filter(|m| m.start() == 0 && m.end() == alias.len())
        .map(|m| {
            d.defs[d.pattern_actor[m.pattern().as_usize()]]
                .canonical
                .as_str()
        })
}

/// True when the actor has an air force (its bare "strikes" are airstrikes).
pub fn is_state_air(canonical_name: &str) -> bool {
    dict()
        .defs
        .iter()
        .any(|d| d.canonical == canonical_name && d.state_air)
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Roles {
    pub perpetrator: Option<(&'static str, Span)>,
    /// "accused by United States", "blamed by Washington", "claimed".
    pub qualifier: Option<String>,
    pub target: Option<(&'static str, Span)>,
}

/// Words of a speaker: an actor before them says something, it does not strike.
fn is_speech_word(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "announced"
            | "confirmed"
            | "reported"
            | "condemned"
            | "condemns"
            | "denied"
            | "denies"
            | "decried"
            | "described"
            | "called"
            | "calls"
            | "briefed"
            | "stated"
            | "added"
            | "warned"
            | "claimed"
            | "insisted"
            | "noted"
            | "vowed"
            | "urged"
            | "accused"
            | "blamed"
            | "according"
            | "spokesman"
            | "spokesperson"
            | "officials"
            | "official"
            | "statement"
    )
}

/// Words between an actor and a later trigger that show the actor is not its subject.
fn blocks_subject(w: &str) -> bool {
    matches!(
        w,
        "in" | "after"
            | "when"
            | "that"
            | "which"
            | "who"
            | "killed"
            | "wounded"
            | "injured"
            | "died"
            | "on"
            | "against"
            | "at"
            | "targeting"
            | "by"
            | "of"
            | "for"
            | "to"
            | "since"
            | "following"
            | "amid"
            | "near"
            | "with"
            | "and"
            | "or"
    )
}

/// Words after a trigger that introduce what it hit.
fn is_target_cue(w: &str) -> bool {
    matches!(
        w,
        "against"
            | "on"
            | "targeting"
            | "targeted"
            | "at"
            | "hit"
            | "hitting"
            | "struck"
            | "striking"
            | "attacking"
            | "into"
            | "upon"
            | "toward"
            | "towards"
    )
}

fn token_at(tokens: &[Token], byte: usize) -> Option<usize> {
    tokens
        .iter()
        .position(|t| t.span[0] <= byte && byte < t.span[1])
        .or_else(|| tokens.iter().position(|t| t.span[0] >= byte))
}

/// Assigns perpetrator and target for one trigger from the actors of its sentence.
pub fn assign_roles(tokens: &[Token], actors: &[ActorMention], trigger: &Trigger) -> Roles {
    let mut roles = Roles::default();
    if actors.is_empty() || tokens.is_empty() {
        return roles;
    }
    let t_first = token_at(tokens, trigger.span[0]).unwrap_or(trigger.token);
    let t_last = tokens
        .iter()
        .rposition(|t| t.span[1] <= trigger.span[1])
        .unwrap_or(trigger.token);
    let actor_tok: Vec<(usize, usize)> = actors
        .iter()
        .map(|a| {
            let s = token_at(tokens, a.span[0]).unwrap_or(0);
            let e = tokens
                .iter()
                .rposition(|t| t.span[1] <= a.span[1])
                .unwrap_or(s)
                .max(s);
            (s, e)
        })
        .collect();

    // 1. "A accused/blamed B of …" before the trigger: B is the perpetrator, accused by A.
    for v in (0..t_first).rev() {
        let w = tokens[v].lower();
        if matches!(
            w,
            "accused" | "accuses" | "accusing" | "blamed" | "blames" | "blaming" | "holds" | "held"
        ) {
            if matches!(w, "holds" | "held")
                && tokens.get(v + 1).is_none_or(|n| n.lower != "responsible")
            {
                continue;
            }
            let accused = actors
                .iter()
                .zip(&actor_tok)
                .find(|(_, (s, _))| *s > v && *s < t_first);
            let accuser = actors.iter().zip(&actor_tok).rfind(|(_, (_, e))| *e < v);
            if let Some((b, _)) = accused {
                // "Iran blamed Israel for the strike": Israel, blamed by Iran.
                let verb = if w.starts_with("blam") || w == "holds" || w == "held" {
                    "blamed"
                } else {
                    "accused"
                };
                roles.perpetrator = Some((b.canonical, b.span));
                roles.qualifier = Some(match accuser {
                    Some((a, _)) => format!("{verb} by {}", a.canonical),
                    None => verb.to_string(),
                });
            }
            break;
        }
    }
    // 2. "… blamed on X" / "… blames on X" after the trigger.
    if roles.perpetrator.is_none() {
        for v in t_last + 1..tokens.len().min(t_last + 12) {
            let w = tokens[v].lower();
            if matches!(w, "blamed" | "blames" | "blame")
                && tokens.get(v + 1).is_some_and(|n| n.lower == "on")
            {
                let on = v + 1;
                if let Some((b, _)) = actors
                    .iter()
                    .zip(&actor_tok)
                    .find(|(_, (s, _))| *s > on && *s <= on + 3)
                {
                    let accuser = actors
                        .iter()
                        .zip(&actor_tok)
                        .rfind(|(_, (s, e))| *e < v && *s > t_last);
                    roles.perpetrator = Some((b.canonical, b.span));
                    roles.qualifier = Some(match accuser {
                        Some((a, _)) => format!("blamed by {}", a.canonical),
                        None => "blamed".to_string(),
                    });
                }
                break;
            }
        }
    }
    // 3. "by X" right after the trigger ("strikes by US forces", "carried out by KH").
    if roles.perpetrator.is_none() {
        let lo = t_last + 1;
        for (a, (s, _)) in actors.iter().zip(&actor_tok) {
            if *s < lo || *s > lo + 5 {
                continue;
            }
            let between = &tokens[lo..*s];
            let by_at = between.iter().position(|t| t.lower == "by");
            let clean = between.iter().all(|t| !t.punct);
            // "utilized by X" / "used by X" describes the target, not who attacked.
            let used = by_at.is_some_and(|b| {
                b > 0
                    && matches!(
                        between[b - 1].lower(),
                        "used"
                            | "utilized"
                            | "utilised"
                            | "operated"
                            | "run"
                            | "controlled"
                            | "backed"
                            | "held"
                            | "occupied"
                    )
            });
            if clean
                && !used
                && by_at.is_some_and(|b| {
                    b <= 1
                        || between[..b].iter().all(|t| {
                            matches!(
                                t.lower(),
                                "carried"
                                    | "out"
                                    | "launched"
                                    | "conducted"
                                    | "fired"
                                    | "claimed"
                                    | "staged"
                            )
                        })
                })
            {
                roles.perpetrator = Some((a.canonical, a.span));
                break;
            }
        }
    }
    // 4. "X claimed responsibility" anywhere in the sentence.
    if roles.perpetrator.is_none()
        && let Some(c) = tokens
            .iter()
            .position(|t| t.lower == "claimed" || t.lower == "claims")
        && tokens
            .get(c + 1)
            .is_some_and(|t| t.lower == "responsibility")
        && let Some((a, _)) = actors.iter().zip(&actor_tok).rfind(|(_, (_, e))| *e < c)
    {
        roles.perpetrator = Some((a.canonical, a.span));
        roles.qualifier = Some("claimed".to_string());
    }
    // "positions belonging to the PKK were hit": "hit", "struck" and "shot" are participles
    // too, though they do not end in "-ed".
    let passive = t_first > 0
        && matches!(
            tokens[t_first - 1].lower(),
            "was" | "were" | "been" | "being" | "is" | "are"
        )
        && (tokens[t_first].lower.ends_with("ed")
            || matches!(tokens[t_first].lower(), "hit" | "struck" | "shot"));
    // 5. The subject or modifier before the trigger: "The U.S. military carried out the
    //    strikes", "US airstrikes", "Iranian missiles". Not a speaker, not across a clause.
    let mut subject: Option<usize> = None;
    for (k, (a, (s, e))) in actors.iter().zip(&actor_tok).enumerate() {
        // "Israeli warplanes struck": the actor alias overlaps the trigger.
        if a.span[0] < trigger.span[0] && a.span[1] > trigger.span[0] {
            subject = Some(k);
            continue;
        }
        if *e >= t_first || t_first - *e > 6 {
            continue;
        }
        let between = &tokens[e + 1..t_first];
        let blocked = between.iter().any(|t| {
            (t.punct && t.lower != "-") || is_speech_word(t.lower()) || blocks_subject(t.lower())
        });
        // "X's strike" / "X-led strikes" are fine; the actor itself must not be a speaker's
        // possessive like "Iraq's Prime Minister".
        let _ = s;
        if !blocked {
            subject = Some(k);
        }
    }
    if let Some(k) = subject {
        if passive {
            roles
                .target
                .get_or_insert((actors[k].canonical, actors[k].span));
        } else if roles.perpetrator.is_none() {
            roles.perpetrator = Some((actors[k].canonical, actors[k].span));
        }
    }
    // 6. Target: an actor after a target cue following the trigger, or the owner of what the
    //    trigger hit ("bombed five sites belonging to X", "struck depots used by X").
    if roles.target.is_none() {
        for (k, (a, (s, _))) in actors.iter().zip(&actor_tok).enumerate() {
            if *s <= t_last || *s > t_last + 12 {
                continue;
            }
            if roles.perpetrator.is_some_and(|(_, sp)| sp == a.span) {
                continue;
            }
            if is_compound_modifier(tokens, a) {
                continue;
            }
            let lo = s.saturating_sub(4).max(t_last);
            // "on behalf of X" names the side that struck.
            let behalf = tokens[lo..*s].iter().any(|t| t.lower() == "behalf");
            let cue = !behalf && tokens[lo..*s].iter().any(|t| is_target_cue(t.lower()))
                || owner_cue(&tokens[t_last + 1..*s])
                || (*s == t_last + 1 && !tokens[t_last + 1..*s].iter().any(|t| t.punct));
            let crosses = tokens[t_last + 1..*s]
                .iter()
                .any(|t| t.punct && matches!(t.lower(), ";" | ":" | "(" | "—"));
            if cue && !crosses {
                // "the Iran-backed militia Kataib Hezbollah", "the PMF's Kataib Hezbollah": a
                // category or an umbrella right before a named group describes that group,
                // and the named group is the more exact target.
                let named = actors
                    .get(k + 1)
                    .zip(actor_tok.get(k + 1))
                    .filter(|(next, (ns, _))| {
                        let (_, e) = actor_tok[k];
                        is_umbrella_or_category(a.canonical)
                            && next.canonical != a.canonical
                            && *ns > e
                            && *ns - e <= 3
                            && tokens[e + 1..*ns].iter().all(|t| {
                                !t.punct
                                    && matches!(
                                        t.lower(),
                                        "'s" | "’s" | "s" | "faction" | "group" | "militia"
                                    )
                            })
                    })
                    .map(|(next, _)| next);
                let chosen = named.unwrap_or(a);
                roles.target = Some((chosen.canonical, chosen.span));
                break;
            }
        }
    }
    roles
}

/// Groups that stand for several others: a category ("Iran-backed militias") or an umbrella
/// ("Popular Mobilization Forces", whose factions include Kataib Hezbollah). A named member
/// next to one of them is the more exact actor.
pub fn is_umbrella_or_category(canonical: &str) -> bool {
    matches!(
        canonical,
        "Iran-backed militias" | "Popular Mobilization Forces"
    )
}

fn is_owned_noun(w: &str) -> bool {
    matches!(
        w,
        "positions"
            | "position"
            | "sites"
            | "site"
            | "bases"
            | "base"
            | "facilities"
            | "facility"
            | "depots"
            | "depot"
            | "headquarters"
            | "camps"
            | "camp"
            | "convoy"
            | "convoys"
            | "members"
            | "fighters"
            | "commanders"
            | "commander"
            | "leaders"
            | "leader"
            | "militants"
            | "targets"
            | "strongholds"
            | "outposts"
            | "outpost"
            | "offices"
            | "office"
            | "vehicles"
            | "hideouts"
            | "hideout"
            | "infrastructure"
            | "units"
            | "unit"
            | "warehouses"
            | "compound"
            | "compounds"
    )
}

/// "Iran" in "Iran-backed Kataib Hezbollah": an actor glued to "-backed", "-led" … modifies
/// another noun; it is not itself the one named.
fn is_compound_modifier(tokens: &[Token], a: &ActorMention) -> bool {
    tokens.iter().any(|t| {
        t.span[0] <= a.span[0]
            && a.span[1] < t.span[1]
            && t.raw
                .get(a.span[1] - t.span[0]..)
                .is_some_and(|rest| rest.starts_with('-'))
    })
}

/// The words between a trigger and an actor say the actor owns or uses what was hit: "five
/// sites belonging to X", "depots used by X", "positions of X". No clause break, no verb of
/// its own in between (a few object words only).
fn owner_cue(between: &[Token]) -> bool {
    // "fired from an area controlled by X": the launch area's owner, not the target.
    if between.len() > 10 || between.iter().any(|t| t.punct || t.lower() == "from") {
        return false;
    }
    let words: Vec<&str> = between.iter().map(|t| t.lower()).collect();
    let n = words.len();
    // The actor may follow an article or a descriptor: look at the last four words.
    (n.saturating_sub(4)..n).any(|i| {
        let w = words[i];
        let next = words.get(i + 1).copied();
        match w {
            "belonging" | "linked" | "tied" => next == Some("to"),
            "affiliated" | "associated" | "aligned" => next == Some("with"),
            "used" | "utilized" | "utilised" | "operated" | "run" | "controlled" | "held"
            | "occupied" | "manned" => next == Some("by"),
            // "positions of X", "members of X": "of" after a noun for what a group holds or
            // who belongs to it (not "the direction of X", "the work of X").
            "of" => i > 0 && is_owned_noun(words[i - 1]),
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::triggers::{find_triggers, tokenize};

    fn roles(text: &str) -> Vec<Roles> {
        let tokens = tokenize(text, [0, text.len()]);
        let actors = find_actors(text, [0, text.len()]);
        find_triggers(&tokens)
            .iter()
            .map(|t| assign_roles(&tokens, &actors, t))
            .collect()
    }

    #[test]
    fn aliases_resolve_to_canonical_names() {
        let text = "Kataeb Hezbollah, the Hashed al-Shaabi and Iranian-backed militias met U.S. officials.";
        let names: Vec<&str> = find_actors(text, [0, text.len()])
            .iter()
            .map(|a| a.canonical)
            .collect();
        assert_eq!(
            names,
            vec![
                "Kataib Hezbollah",
                "Popular Mobilization Forces",
                "Iran-backed militias",
                "United States"
            ]
        );
        assert_eq!(canonical("Hezbollah Brigades"), Some("Kataib Hezbollah"));
        // Word-bounded and case-sensitive: "US" inside "USAID" or "is" are not actors.
        assert!(find_actors("USAID said this is fine", [0, 23]).is_empty());
    }

    #[test]
    fn subject_is_perpetrator_and_against_is_target() {
        let r = roles(
            "The U.S. military carried out the strikes against the Kataib Hezbollah militia group on Sunday.",
        );
        assert_eq!(r[0].perpetrator.map(|p| p.0), Some("United States"));
        assert_eq!(r[0].target.map(|p| p.0), Some("Kataib Hezbollah"));
    }

    #[test]
    fn accusation_gives_a_qualified_perpetrator() {
        let r = roles(
            "The United States had accused Kataib Hezbollah of carrying out a strike involving more than 30 missiles on Friday.",
        );
        assert_eq!(r[0].perpetrator.map(|p| p.0), Some("Kataib Hezbollah"));
        assert_eq!(r[0].qualifier.as_deref(), Some("accused by United States"));
    }

    #[test]
    fn the_blamed_side_is_the_perpetrator_not_the_side_that_blames() {
        let r = roles("Iran blamed Israel for the strike on its consulate in Damascus.");
        assert_eq!(r[0].perpetrator.map(|p| p.0), Some("Israel"));
        assert_eq!(r[0].qualifier.as_deref(), Some("blamed by Iran"));
    }

    #[test]
    fn a_speaker_is_not_the_perpetrator() {
        let r = roles("US officials said Sunday that the airstrikes were successful.");
        assert_eq!(r[0].perpetrator, None);
        let r = roles("Iraq's prime minister and Damascus condemned the strikes.");
        assert_eq!(r[0].perpetrator, None);
    }

    #[test]
    fn used_by_describes_the_target() {
        let r = roles(
            "The USA military had conducted airstrikes against infrastructure utilized by Iranian-backed militant groups in eastern Syria.",
        );
        assert_eq!(r[0].perpetrator.map(|p| p.0), Some("United States"));
        assert_eq!(r[0].target.map(|p| p.0), Some("Iran-backed militias"));
    }

    #[test]
    fn the_owner_of_what_was_hit_is_the_target() {
        let r = roles("US jets bombed three depots belonging to Kataib Hezbollah overnight.");
        assert_eq!(r[0].target.map(|p| p.0), Some("Kataib Hezbollah"));
        let r = roles("Israeli aircraft struck two compounds used by Hamas in the south.");
        assert_eq!(r[0].target.map(|p| p.0), Some("Hamas"));
        let r = roles("Jets bombed positions of the PKK near the border.");
        assert_eq!(r[0].target.map(|p| p.0), Some("PKK"));
        // Not what a group holds: "the work of X", "the direction of X", a launch area.
        let r = roles("Shells fired from the direction of Turkey hit a farm.");
        assert_eq!(r[0].target.map(|p| p.0), None);
        let r = roles("Rockets were fired from a district controlled by the PKK.");
        assert_eq!(r[0].target.map(|p| p.0), None);
        // "Iran" glued to "-backed" modifies the group after it.
        let r = roles("Jets bombed depots belonging to the Iran-backed Kataib Hezbollah militia.");
        assert_eq!(r[0].target.map(|p| p.0), Some("Kataib Hezbollah"));
        // "on behalf of X" names the side that struck, not what was hit.
        let r = roles("Jets carried out strikes on behalf of the Saudi-led coalition.");
        assert_eq!(r[0].target.map(|p| p.0), None);
    }

    #[test]
    fn a_named_group_wins_over_the_category_or_umbrella_before_it() {
        let r =
            roles("Warplanes bombed a camp belonging to the Iran-backed militia Kataib Hezbollah.");
        assert_eq!(r[0].target.map(|p| p.0), Some("Kataib Hezbollah"));
        let r = roles(
            "The drone strike hit the Popular Mobilization Forces faction Harakat al-Nujaba.",
        );
        assert_eq!(r[0].target.map(|p| p.0), Some("Harakat al-Nujaba"));
        // An umbrella alone stays the target.
        let r =
            roles("The drone strike hit a convoy of the Popular Mobilization Forces on Tuesday.");
        assert_eq!(
            r[0].target.map(|p| p.0),
            Some("Popular Mobilization Forces")
        );
    }

    #[test]
    fn passive_subject_is_the_target_and_by_is_the_perpetrator() {
        let r = roles("US forces were attacked by Kataib Hezbollah near Kirkuk.");
        assert_eq!(r[0].perpetrator.map(|p| p.0), Some("Kataib Hezbollah"));
        assert_eq!(r[0].target.map(|p| p.0), Some("United States"));
    }

    #[test]
    fn the_subject_of_were_hit_or_was_struck_is_the_target() {
        for text in [
            "Officials said depots belonging to Kataib Hezbollah were hit.",
            "A convoy of Hezbollah was struck near the border.",
        ] {
            let r = roles(text);
            assert_eq!(r.len(), 1, "{text}");
            assert!(r[0].perpetrator.is_none(), "{text}: {:?}", r[0]);
            assert!(r[0].target.is_some(), "{text}: {:?}", r[0]);
        }
    }
}

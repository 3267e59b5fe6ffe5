//! What extraction produces: events with every field traceable to a span of an article.
//! The serde shape of these types is the "chronomap/events@1" contract (docs/events-schema.md).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::corpus::{DatePrecision, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Airstrike,
    DroneStrike,
    RocketAttack,
    MissileAttack,
    DroneAttack,
    Shelling,
    Ied,
    GroundAssault,
    OtherAttack,
}

impl EventKind {
    pub const ALL: [EventKind; 9] = [
        EventKind::Airstrike,
        EventKind::DroneStrike,
        EventKind::RocketAttack,
        EventKind::MissileAttack,
        EventKind::DroneAttack,
        EventKind::Shelling,
        EventKind::Ied,
        EventKind::GroundAssault,
        EventKind::OtherAttack,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Airstrike => "airstrike",
            EventKind::DroneStrike => "drone_strike",
            EventKind::RocketAttack => "rocket_attack",
            EventKind::MissileAttack => "missile_attack",
            EventKind::DroneAttack => "drone_attack",
            EventKind::Shelling => "shelling",
            EventKind::Ied => "ied",
            EventKind::GroundAssault => "ground_assault",
            EventKind::OtherAttack => "other_attack",
        }
    }

    /// Human label for the UI and captions.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Airstrike => "Airstrike",
            EventKind::DroneStrike => "Drone strike",
            EventKind::RocketAttack => "Rocket attack",
            EventKind::MissileAttack => "Missile attack",
            EventKind::DroneAttack => "Drone attack",
            EventKind::Shelling => "Shelling",
            EventKind::Ied => "IED",
            EventKind::GroundAssault => "Ground assault",
            EventKind::OtherAttack => "Other attack",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Kinds that can describe the same real-world event ("rockets" in one story are
    /// "missiles" in another; a drone strike is both an air and a drone event).
    pub fn families(self) -> &'static [KindFamily] {
        match self {
            EventKind::Airstrike => &[KindFamily::Air],
            EventKind::DroneStrike => &[KindFamily::Air, KindFamily::Drone],
            EventKind::RocketAttack | EventKind::MissileAttack | EventKind::Shelling => {
                &[KindFamily::Projectile]
            }
            EventKind::DroneAttack => &[KindFamily::Drone],
            EventKind::Ied => &[KindFamily::Ied],
            EventKind::GroundAssault | EventKind::OtherAttack => &[KindFamily::Other],
        }
    }

    pub fn same_family(self, other: EventKind) -> bool {
        self.families().iter().any(|f| other.families().contains(f))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindFamily {
    Air,
    Projectile,
    Drone,
    Ied,
    Other,
}

/// An inclusive date range with the precision the text supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: DatePrecision,
}

impl DateRange {
    pub fn day(d: NaiveDate) -> Self {
        Self {
            start: d,
            end: d,
            precision: DatePrecision::Day,
        }
    }

    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// True when the two ranges share at least one day.
    pub fn overlaps(&self, other: &DateRange) -> bool {
        self.start <= other.end && other.start <= self.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlacePrecision {
    Point,
    Town,
    District,
    Province,
    Region,
    Country,
}

impl PlacePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            PlacePrecision::Point => "point",
            PlacePrecision::Town => "town",
            PlacePrecision::District => "district",
            PlacePrecision::Province => "province",
            PlacePrecision::Region => "region",
            PlacePrecision::Country => "country",
        }
    }

    /// True for places that are an area on the map rather than a pin.
    pub fn is_area(self) -> bool {
        matches!(
            self,
            PlacePrecision::Province | PlacePrecision::Region | PlacePrecision::Country
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub name: String,
    pub lat: f64,
    pub lon: f64,
    pub precision: PlacePrecision,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub admin1: Option<String>,
    /// "geonames:92138", "site:k1", "region:eastern-syria", "country:SY".
    pub gazetteer_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub low: u32,
    pub high: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimField {
    Killed,
    Wounded,
    Munitions,
}

/// One figure as one source stated it. Figures from different sources are never added up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub field: ClaimField,
    pub value: u32,
    /// "at least", "more than", "up to", "about", "dozens" …
    pub qualifier: Option<String>,
    /// Who the figure is attributed to ("Iraqi security and militia sources").
    pub attributed_to: Option<String>,
    pub article: String,
    pub span: Span,
}

/// One report of an event in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub article: String,
    pub sentence_span: Span,
    pub trigger_span: Span,
    pub place_span: Option<Span>,
    pub date_span: Option<Span>,
    /// How the date was resolved: "'Sunday' before Mon 2019-12-30 -> 2019-12-29".
    pub date_reasoning: String,
    /// Extension to events@1 (additive): the spans that support perpetrator and target.
    #[serde(default)]
    pub perpetrator_span: Option<Span>,
    #[serde(default)]
    pub target_span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: EventKind,
    pub date: DateRange,
    pub place: Option<Place>,
    pub other_places: Vec<Place>,
    pub perpetrator: Option<String>,
    /// Extension to events@1 (additive): how the perpetrator is known, e.g. "accused by United States".
    #[serde(default)]
    pub perpetrator_qualifier: Option<String>,
    pub target: Option<String>,
    pub killed: Option<Range>,
    pub wounded: Option<Range>,
    pub claims: Vec<Claim>,
    pub mentions: Vec<Mention>,
    pub confidence: f32,
    /// No report names the kind: every trigger is a word like "the attack" or "the strikes",
    /// and the kind is the word's default. Clustering lets a report that names the kind of
    /// the same attack decide it. Not part of events@1.
    #[serde(skip)]
    pub kind_guessed: bool,
}

impl Event {
    /// Distinct articles that report this event, in mention order.
    pub fn article_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for m in &self.mentions {
            if !ids.contains(&m.article.as_str()) {
                ids.push(&m.article);
            }
        }
        ids
    }

    /// True when the event has a place but no report names it: clustering placed it where its
    /// article's story is (the main place of the first event the article tells), because a
    /// report names a place the gazetteer cannot know far more often than it strays elsewhere.
    /// Views and exports say so, so that an analyst does not take the pin for a reported site.
    pub fn place_inferred(&self) -> bool {
        self.place.is_some() && self.mentions.iter().all(|m| m.place_span.is_none())
    }

    /// How a view names the source of an inferred place.
    pub const INFERRED_PLACE_NOTE: &'static str =
        "no report names the place; placed where its article's main event is";

    /// Recomputes `killed` / `wounded` as the low–high range over the claims. A named
    /// victim's toll of one ("Karimov was killed") counts only when no other claim of its
    /// field gives a toll: the person is one of the dead, not a rival figure.
    pub fn recompute_ranges(&mut self) {
        let named = |c: &Claim| {
            c.qualifier.as_deref() == Some(crate::extract::claims::NAMED_VICTIM_QUALIFIER)
        };
        let range = |field: ClaimField| {
            let of_field = || self.claims.iter().filter(move |c| c.field == field);
            let others = of_field().any(|c| !named(c));
            let values: Vec<u32> = of_field()
                .filter(|c| !others || !named(c))
                .map(|c| c.value)
                .collect();
            let low = values.iter().copied().min()?;
            let high = values.iter().copied().max()?;
            Some(Range { low, high })
        };
        self.killed = range(ClaimField::Killed);
        self.wounded = range(ClaimField::Wounded);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn killed_claim(value: u32, qualifier: Option<&str>) -> Claim {
        Claim {
            field: ClaimField::Killed,
            value,
            qualifier: qualifier.map(str::to_string),
            attributed_to: None,
            article: "a".into(),
            span: [0, 1],
        }
    }

    fn event_with(claims: Vec<Claim>) -> Event {
        let mut ev = Event {
            id: "e".into(),
            kind: EventKind::Airstrike,
            date: DateRange::day(NaiveDate::from_ymd_opt(2021, 5, 12).expect("valid date")),
            place: None,
            other_places: Vec::new(),
            perpetrator: None,
            perpetrator_qualifier: None,
            target: None,
            killed: None,
            wounded: None,
            claims,
            mentions: Vec::new(),
            confidence: 1.0,
            kind_guessed: false,
        };
        ev.recompute_ranges();
        ev
    }

    #[test]
    fn a_named_victim_is_one_of_the_dead_not_a_rival_toll() {
        let named = Some(crate::extract::claims::NAMED_VICTIM_QUALIFIER);
        let ev = event_with(vec![killed_claim(10, None), killed_claim(1, named)]);
        assert_eq!(ev.killed, Some(Range { low: 10, high: 10 }));
        // Alone, the named victim is the event's toll.
        let ev = event_with(vec![killed_claim(1, named)]);
        assert_eq!(ev.killed, Some(Range { low: 1, high: 1 }));
        // A plain figure of one is a rival toll and widens the range.
        let ev = event_with(vec![killed_claim(10, None), killed_claim(1, None)]);
        assert_eq!(ev.killed, Some(Range { low: 1, high: 10 }));
    }
}

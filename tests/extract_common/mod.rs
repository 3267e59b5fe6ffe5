//! Shared helpers of the extraction tests: run the real binary, run the shared scorer, and
//! check predicted events against a gold file (seeds-gold.json format) fact by fact.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

pub struct Extracted {
    pub path: PathBuf,
    pub json: Value,
    _dir: tempfile::TempDir,
}

impl Extracted {
    /// The scorer's --explain output, for assertion messages.
    pub fn explain(&self, scorer: &Path, gold: &Path) -> String {
        Command::new("python3")
            .arg(scorer)
            .arg(gold)
            .arg(&self.path)
            .arg("--explain")
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    }
}

/// Runs `chronomap extract DIR --format json --out FILE` and parses the result.
pub fn run_extract(dir: &Path) -> Extracted {
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("events.json");
    let status = Command::new(env!("CARGO_BIN_EXE_chronomap"))
        .arg("extract")
        .arg(dir)
        .args(["--format", "json", "--out"])
        .arg(&path)
        .status()
        .expect("run chronomap extract");
    assert!(
        status.success(),
        "chronomap extract failed on {}",
        dir.display()
    );
    let text = std::fs::read_to_string(&path).expect("events.json written");
    let json: Value = serde_json::from_str(&text).expect("events@1 JSON parses");
    Extracted {
        path,
        json,
        _dir: tmp,
    }
}

/// Runs the shared scorer with --json; `None` (with a message) when python3 is missing.
pub fn run_scorer(scorer: &Path, gold: &Path, pred: &Path) -> Option<Value> {
    let out = match Command::new("python3")
        .arg(scorer)
        .arg(gold)
        .arg(pred)
        .arg("--json")
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            eprintln!("skipping the scorer: python3 not runnable: {e}");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "scorer failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("scorer prints JSON"))
}

#[derive(Clone, Copy, PartialEq)]
pub enum GoldCheck {
    /// Every fact: kind, date and precision, place, perpetrator, claims with attributions,
    /// clusters and distractors.
    Strict,
    /// Events, dates, places, killed figures, clusters and distractors (not actor wording).
    Events,
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dp = p2 - p1;
    let dl = (b.1 - a.1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

fn family(kind: &str) -> &'static [&'static str] {
    match kind {
        "airstrike" => &["air"],
        "drone_strike" => &["air", "drone"],
        "rocket_attack" | "missile_attack" | "shelling" => &["projectile"],
        "drone_attack" => &["drone"],
        "ied" => &["ied"],
        _ => &["other"],
    }
}

fn same_family(a: &str, b: &str) -> bool {
    family(a).iter().any(|f| family(b).contains(f))
}

fn tolerance_km(precision: &str) -> f64 {
    match precision {
        "district" => 60.0,
        "province" | "region" => 200.0,
        "country" => 600.0,
        _ => 50.0,
    }
}

fn pred_points(ev: &Value) -> Vec<(f64, f64)> {
    let mut pts = Vec::new();
    let mut places = vec![&ev["place"]];
    if let Some(others) = ev["other_places"].as_array() {
        places.extend(others.iter());
    }
    for p in places {
        if let (Some(lat), Some(lon)) = (p["lat"].as_f64(), p["lon"].as_f64()) {
            pts.push((lat, lon));
        }
    }
    pts
}

fn gold_values(v: &Value) -> Vec<(u64, Option<String>)> {
    match v {
        Value::Number(n) => n.as_u64().map(|x| vec![(x, None)]).unwrap_or_default(),
        Value::Array(items) => items
            .iter()
            .filter_map(|c| {
                Some((
                    c["value"].as_u64()?,
                    c["source_claim"].as_str().map(str::to_string),
                ))
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Finds the predicted event that matches a gold event the way score.py does.
fn matching<'a>(gold: &Value, preds: &[&'a Value]) -> Option<&'a Value> {
    let kinds: Vec<&str> = std::iter::once(gold["type"].as_str().unwrap_or(""))
        .chain(
            gold["type_alt"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str),
        )
        .collect();
    let mut golds: Vec<&str> = gold["date"].as_str().into_iter().collect();
    golds.extend(
        gold["date_alt"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str),
    );
    let mut gold_pts: Vec<((f64, f64), String)> = Vec::new();
    let prec = gold["place_precision"]
        .as_str()
        .unwrap_or("town")
        .to_string();
    if let (Some(lat), Some(lon)) = (gold["lat"].as_f64(), gold["lon"].as_f64()) {
        gold_pts.push(((lat, lon), prec.clone()));
    }
    for o in gold["other_places"].as_array().into_iter().flatten() {
        if let (Some(lat), Some(lon)) = (o["lat"].as_f64(), o["lon"].as_f64()) {
            gold_pts.push((
                (lat, lon),
                o["place_precision"].as_str().unwrap_or(&prec).to_string(),
            ));
        }
    }
    preds.iter().copied().find(|p| {
        let pk = p["kind"].as_str().unwrap_or("");
        let kind_ok = kinds.iter().any(|k| *k == pk || same_family(k, pk));
        let start = p["date"]["start"].as_str().unwrap_or("");
        let end = p["date"]["end"].as_str().unwrap_or(start);
        let date_ok = golds.is_empty() || golds.iter().any(|g| date_within(g, start, end));
        let pts = pred_points(p);
        let place_ok = gold_pts.is_empty()
            || gold_pts
                .iter()
                .any(|(g, pr)| pts.iter().any(|q| km(*g, *q) <= tolerance_km(pr)));
        kind_ok && date_ok && place_ok
    })
}

fn parse_day(s: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(&s[..s.len().min(10)], "%Y-%m-%d").ok()
}

fn date_within(gold: &str, start: &str, end: &str) -> bool {
    let (Some(g), Some(s), Some(e)) = (parse_day(gold), parse_day(start), parse_day(end)) else {
        return false;
    };
    (e - s).num_days() <= 35 && g >= s - chrono::Days::new(1) && g <= e + chrono::Days::new(1)
}

/// Checks predicted events against a gold file; returns one line per unmet fact.
pub fn check_against_gold(gold_path: &Path, out: &Extracted, mode: GoldCheck) -> Vec<String> {
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path).expect("gold"))
        .expect("gold JSON");
    let pred = &out.json;
    let mut problems = Vec::new();
    let articles = pred["articles"].as_array().cloned().unwrap_or_default();
    let events = pred["events"].as_array().cloned().unwrap_or_default();
    let gaz = chronomap::extract::gazetteer::Gazetteer::global();
    // cluster id -> predicted event ids
    let mut clusters: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for ga in gold["articles"].as_array().expect("gold articles") {
        let file = ga["file"].as_str().unwrap_or("");
        let Some(pa) = articles.iter().find(|a| {
            a["path"]
                .as_str()
                .is_some_and(|p| p.rsplit('/').next() == Some(file))
        }) else {
            problems.push(format!("{file}: article not in output"));
            continue;
        };
        let aid = pa["id"].as_str().unwrap_or("");
        let preds: Vec<&Value> = events
            .iter()
            .filter(|e| {
                e["mentions"]
                    .as_array()
                    .is_some_and(|ms| ms.iter().any(|m| m["article"] == aid))
            })
            .collect();
        for g in ga["events"].as_array().into_iter().flatten() {
            if g["optional"].as_bool() == Some(true) {
                continue;
            }
            let label = format!("{file}: {} {} at {}", g["type"], g["date"], g["place"]);
            let Some(p) = matching(g, &preds) else {
                problems.push(format!("{label}: no matching event"));
                continue;
            };
            clusters
                .entry(g["cluster"].as_str().unwrap_or("").to_string())
                .or_default()
                .push(p["id"].as_str().unwrap_or("").to_string());
            // Date precision as the text supports it (a day-precision cluster may refine a
            // month-precision background mention, which is the point of merging).
            let gp = g["date_precision"].as_str().unwrap_or("day");
            let pp = p["date"]["precision"].as_str().unwrap_or("");
            if gp == "day" {
                let golds: Vec<&str> = std::iter::once(g["date"].as_str().unwrap_or(""))
                    .chain(
                        g["date_alt"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(Value::as_str),
                    )
                    .collect();
                let start = p["date"]["start"].as_str().unwrap_or("");
                if pp != "day" || p["date"]["start"] != p["date"]["end"] || !golds.contains(&start)
                {
                    problems.push(format!("{label}: date {} is not the gold day", p["date"]));
                }
            }
            // Every mention of this article carries a date reasoning string.
            for m in p["mentions"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|m| m["article"] == aid)
            {
                if m["date_reasoning"].as_str().is_none_or(str::is_empty) {
                    problems.push(format!("{label}: a mention has no date reasoning"));
                }
            }
            // Killed figures (and, in strict mode, wounded and attributions) of this article.
            let claims: Vec<&Value> = p["claims"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|c| c["article"] == aid)
                .collect();
            let fields: &[&str] = if mode == GoldCheck::Strict {
                &["killed", "wounded"]
            } else {
                &["killed"]
            };
            for field in fields {
                let mine: Vec<&&Value> = claims.iter().filter(|c| c["field"] == *field).collect();
                for (value, source) in gold_values(&g[*field]) {
                    let found: Vec<&&&Value> = mine
                        .iter()
                        .filter(|c| c["value"].as_u64() == Some(value))
                        .collect();
                    let sum: u64 = mine.iter().filter_map(|c| c["value"].as_u64()).sum();
                    if found.is_empty() && !(source.is_none() && sum == value && mine.len() > 1) {
                        problems.push(format!(
                            "{label}: no {field} claim of {value} (have {:?})",
                            mine.iter().map(|c| c["value"].clone()).collect::<Vec<_>>()
                        ));
                        continue;
                    }
                    if mode != GoldCheck::Strict {
                        continue;
                    }
                    if let Some(source) = source {
                        let (attr, qual) = match source.split_once(':') {
                            Some((a, q)) => (Some(a.trim()), Some(q.trim())),
                            None if matches!(
                                source.as_str(),
                                "at least" | "more than" | "up to" | "about" | "nearly"
                            ) =>
                            {
                                (None, Some(source.as_str()))
                            }
                            None => (Some(source.as_str()), None),
                        };
                        let ok = found.iter().any(|c| {
                            let q_ok = qual.is_none_or(|q| c["qualifier"].as_str() == Some(q));
                            let a_ok = attr.is_none_or(|a| {
                                let have = c["attributed_to"].as_str().unwrap_or("").to_lowercase();
                                a.to_lowercase()
                                    .split(|ch: char| !ch.is_alphanumeric())
                                    .filter(|w| w.len() > 3)
                                    .any(|w| have.contains(w))
                            });
                            q_ok && a_ok
                        });
                        if !ok {
                            problems.push(format!("{label}: {field} {value} lacks attribution/qualifier {source:?}: {:?}", found));
                        }
                    }
                }
            }
            if mode == GoldCheck::Strict {
                let gold_perp = g["perpetrator"].as_str().unwrap_or("unknown");
                if !gold_perp.starts_with("unknown") {
                    let name = gold_perp.split(" (").next().unwrap_or(gold_perp);
                    let canonical = chronomap::extract::actors::canonical(name).unwrap_or(name);
                    if p["perpetrator"].as_str() != Some(canonical) {
                        problems.push(format!(
                            "{label}: perpetrator {} != {canonical}",
                            p["perpetrator"]
                        ));
                    }
                    if gold_perp.contains("accused by")
                        && !p["perpetrator_qualifier"]
                            .as_str()
                            .is_some_and(|q| q.starts_with("accused"))
                    {
                        problems.push(format!(
                            "{label}: perpetrator qualifier {} should say accused",
                            p["perpetrator_qualifier"]
                        ));
                    }
                }
            }
        }
        // No event of this article sits at a distractor place.
        for d in ga["distractor_places"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let ids = gaz.lookup(d);
            for p in &preds {
                let place = &p["place"];
                let name = place["name"].as_str().unwrap_or("");
                let at_name = name.eq_ignore_ascii_case(d);
                let at_coords = ids.first().is_some_and(|&id| {
                    let e = gaz.entry(id);
                    place["lat"]
                        .as_f64()
                        .zip(place["lon"].as_f64())
                        .is_some_and(|(la, lo)| km((e.lat, e.lon), (la, lo)) < 10.0)
                });
                if at_name || at_coords {
                    problems.push(format!(
                        "{file}: event {} placed at distractor {d}",
                        p["id"]
                    ));
                }
            }
        }
    }
    // Gold clusters: one predicted event per cluster, and different clusters apart.
    for (cluster, ids) in &clusters {
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        if unique.len() > 1 {
            problems.push(format!("cluster {cluster} split over {unique:?}"));
        }
    }
    let mut owner: std::collections::BTreeMap<&String, &String> = Default::default();
    for (cluster, ids) in &clusters {
        for id in ids {
            if let Some(other) = owner.insert(id, cluster)
                && other != cluster
            {
                problems.push(format!("event {id} merges clusters {other} and {cluster}"));
            }
        }
    }
    problems
}

/// The minimum scores of a held-out set, under score.py's names; they may only be raised.
pub struct HeldoutFloors {
    pub f1: f64,
    pub date_exact_day: f64,
    pub place_within_25km: f64,
    pub killed_claims_recall: f64,
    /// Only for the sets whose gold marks clusters across articles.
    pub cluster_b3_f1: Option<f64>,
    /// The gold file's number of scored events, where the test pins it: a loader regression or
    /// an edited gold would otherwise hide behind low floors.
    pub scored_gold_events: Option<u64>,
}

impl HeldoutFloors {
    fn by_key(&self) -> Vec<(&'static str, f64)> {
        let mut floors = vec![
            ("f1", self.f1),
            ("date_exact_day", self.date_exact_day),
            ("place_within_25km", self.place_within_25km),
            ("killed_claims_recall", self.killed_claims_recall),
        ];
        floors.extend(self.cluster_b3_f1.map(|f| ("cluster_b3_f1", f)));
        floors
    }
}

/// Runs a held-out set (`tests/fixtures/{set}` scored against `tests/fixtures/{set}-gold.json`)
/// and asserts that every gold article is in the output, that the gold holds the pinned number
/// of scored events and that no score is below its floor. Skips, with a message, when
/// ../shared's scorer or python3 is absent.
pub fn assert_heldout_floors(set: &str, floors: &HeldoutFloors) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let scorer = root.join("../shared/tools/score.py");
    if !scorer.is_file() {
        eprintln!("skipped: ../shared/tools/score.py is absent");
        return;
    }
    let gold = root.join(format!("tests/fixtures/{set}-gold.json"));
    let out = run_extract(&root.join(format!("tests/fixtures/{set}")));
    let Some(score) = run_scorer(&scorer, &gold, &out.path) else {
        eprintln!("skipped: python3 could not run the scorer");
        return;
    };
    eprintln!("{set} score: {score}");
    let missing = score["articles_missing"]
        .as_array()
        .map_or(0, |list| list.len());
    assert_eq!(
        missing, 0,
        "{set}: gold articles not in the output: {score}"
    );
    if let Some(events) = floors.scored_gold_events {
        assert_eq!(
            score["events_gold"].as_u64(),
            Some(events),
            "the gold file should hold {events} scored events: {score}"
        );
    }
    let below: Vec<String> = floors
        .by_key()
        .into_iter()
        .filter(|&(key, floor)| score[key].as_f64().unwrap_or(0.0) < floor)
        .map(|(key, floor)| format!("{key} {} < floor {floor}", score[key]))
        .collect();
    assert!(
        below.is_empty(),
        "{set} fell below its floors: {}\n{score}\n{}",
        below.join(", "),
        out.explain(&scorer, &gold)
    );
}

//! GeoJSON export: a FeatureCollection with one Point per event that has a place, the event's
//! fields as properties. Events without a place cannot be drawn; their ids are listed in the
//! collection's foreign member `"skipped"`.

use std::collections::HashMap;

use geojson::{Feature, FeatureCollection, Geometry, JsonObject, Value};
use serde_json::json;

use crate::corpus::Article;
use crate::extract::Event;

pub fn events_feature_collection(articles: &[Article], events: &[Event]) -> FeatureCollection {
    let by_id: HashMap<&str, &Article> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut features = Vec::new();
    let mut skipped = Vec::new();
    for e in events {
        let Some(place) = &e.place else {
            skipped.push(json!(e.id));
            continue;
        };
        let mut props = JsonObject::new();
        let mut put = |k: &str, v: serde_json::Value| {
            props.insert(k.to_owned(), v);
        };
        put("id", json!(e.id));
        put("kind", json!(e.kind.as_str()));
        put("kind_label", json!(e.kind.label()));
        put("date_start", json!(e.date.start.to_string()));
        put("date_end", json!(e.date.end.to_string()));
        put("date_precision", json!(e.date.precision.as_str()));
        put("place", json!(place.name));
        put("place_precision", json!(place.precision.as_str()));
        put("place_inferred", json!(e.place_inferred()));
        put("country", json!(place.country));
        put("admin1", json!(place.admin1));
        put("gazetteer_id", json!(place.gazetteer_id));
        put(
            "other_places",
            json!(
                e.other_places
                    .iter()
                    .map(|p| p.name.clone())
                    .collect::<Vec<_>>()
            ),
        );
        put("perpetrator", json!(e.perpetrator));
        put("perpetrator_qualifier", json!(e.perpetrator_qualifier));
        put("target", json!(e.target));
        put("killed_low", json!(e.killed.as_ref().map(|r| r.low)));
        put("killed_high", json!(e.killed.as_ref().map(|r| r.high)));
        put("wounded_low", json!(e.wounded.as_ref().map(|r| r.low)));
        put("wounded_high", json!(e.wounded.as_ref().map(|r| r.high)));
        put("articles", json!(e.article_ids()));
        put("sources", json!(super::csv::source_names(e, &by_id)));
        put("mentions", json!(e.mentions.len()));
        put("confidence", json!(e.confidence));
        features.push(Feature {
            bbox: None,
            geometry: Some(Geometry::new(Value::Point(vec![place.lon, place.lat]))),
            id: Some(geojson::feature::Id::String(e.id.clone())),
            properties: Some(props),
            foreign_members: None,
        });
    }
    let mut foreign = JsonObject::new();
    foreign.insert("schema".into(), json!("chronomap/events-geojson@1"));
    foreign.insert("skipped".into(), serde_json::Value::Array(skipped));
    FeatureCollection {
        bbox: None,
        features,
        foreign_members: Some(foreign),
    }
}

pub fn events_geojson_string(articles: &[Article], events: &[Event]) -> String {
    let fc = events_feature_collection(articles, events);
    serde_json::to_string_pretty(&fc).expect("GeoJSON serialises")
}

pub fn write_events_geojson(
    path: &std::path::Path,
    articles: &[Article],
    events: &[Event],
) -> std::io::Result<()> {
    super::atomic::write_atomic(path, events_geojson_string(articles, events).as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::events_json::fixtures;

    #[test]
    fn one_point_per_placed_event_and_the_rest_listed_as_skipped() {
        let text = events_geojson_string(&fixtures::articles(), &fixtures::events());
        let gj: geojson::GeoJson = text.parse().expect("valid GeoJSON");
        let geojson::GeoJson::FeatureCollection(fc) = gj else {
            panic!("not a FeatureCollection")
        };
        assert_eq!(fc.features.len(), 1);
        let f = &fc.features[0];
        match &f.geometry.as_ref().unwrap().value {
            Value::Point(p) => assert_eq!((p[0], p[1]), (44.26, 33.53), "GeoJSON is lon, lat"),
            other => panic!("not a point: {other:?}"),
        }
        let props = f.properties.as_ref().unwrap();
        assert_eq!(props["kind"], "rocket_attack");
        assert_eq!(props["date_start"], "2020-03-11");
        assert_eq!(props["killed_high"], 3);
        assert_eq!(props["articles"], json!(["a1", "a2"]));
        assert_eq!(props["sources"], "Example Wire; dump.jsonl#2");
        assert_eq!(props["place_inferred"], false, "one report names the place");
        let skipped = &fc.foreign_members.as_ref().unwrap()["skipped"];
        assert_eq!(skipped, &json!(["e2"]));
    }

    #[test]
    fn a_place_no_report_names_is_marked_inferred() {
        let mut events = fixtures::events();
        for m in &mut events[0].mentions {
            m.place_span = None;
        }
        let text = events_geojson_string(&fixtures::articles(), &events);
        let gj: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(gj["features"][0]["properties"]["place_inferred"], true);
        let csv = crate::export::csv::events_csv_string(&fixtures::articles(), &events);
        assert!(csv.contains("[place inferred: "), "{csv}");
        let plain =
            crate::export::csv::events_csv_string(&fixtures::articles(), &fixtures::events());
        assert!(!plain.contains("[place inferred: "), "{plain}");
    }
}

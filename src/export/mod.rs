//! Writing events and views out: JSON (events@1), GeoJSON, CSV, KML, PNG, GIF, slide decks.
//! Every file is written atomically.

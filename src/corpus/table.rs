//! Tables of casualty figures, one row per source ("| Source | Killed | Date of statement |"),
//! as NGO bulletins and monitors' digests print a disputed toll. The page readers turn each
//! such row into a line that keeps the row's source and figure in its own words
//! ("According to X, 43 killed."), so the claims reader attributes the figure like any other
//! and the event reported just above the table gets it. The line adds no noun the table does
//! not have ("people", "civilians"): the analyst reads it as evidence in the article pane. The
//! file itself is never changed. Any other table (timetables, prices, incident lists without a
//! source column) is left as it was written.

/// Header words of a column that counts the dead.
const KILLED_HEADERS: &[&str] = &[
    "killed",
    "dead",
    "deaths",
    "death toll",
    "fatalities",
    "toll",
];
/// Header words of a column that names who gave the figure.
const SOURCE_HEADERS: &[&str] = &[
    "source",
    "reported by",
    "according to",
    "claimed by",
    "attributed to",
    "estimate by",
];

/// The column of `header` that counts the dead and the one naming the figure's source, when the
/// table is a per-source casualty table.
pub(super) fn casualty_columns<S: AsRef<str>>(header: &[S]) -> Option<(usize, usize)> {
    let lowered: Vec<String> = header
        .iter()
        .map(|c| c.as_ref().trim().to_ascii_lowercase())
        .collect();
    // A mixed "Killed/wounded" column does not say which count a cell gives.
    let killed = lowered.iter().position(|c| {
        KILLED_HEADERS.iter().any(|k| has_words(c, k))
            && !c.contains("wounded")
            && !c.contains("injured")
    })?;
    let source = lowered
        .iter()
        .position(|c| SOURCE_HEADERS.iter().any(|s| has_words(c, s)))?;
    (source != killed).then_some((killed, source))
}

/// The sentence a casualty table row stands for, or None when its figure cell holds no number.
pub(super) fn casualty_row_sentence<S: AsRef<str>>(
    columns: (usize, usize),
    row: &[S],
) -> Option<String> {
    let (killed, source) = columns;
    let figure = row.get(killed)?.as_ref().trim();
    let source = row.get(source)?.as_ref().trim();
    if source.is_empty() || !figure.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // "about 160, including around 20 children" / "132 (revised)": the count, then its detail.
    let cut = [", ", " ("]
        .iter()
        .filter_map(|sep| figure.find(sep))
        .min()
        .unwrap_or(figure.len());
    let (count, detail) = figure.split_at(cut);
    let count = count.trim();
    // "70+" is written for "70 or more".
    let count = match count.strip_suffix('+') {
        Some(n) => format!("at least {}", n.trim_end()),
        None => count.to_owned(),
    };
    Some(format!("According to {source}, {count} killed{detail}."))
}

/// Whether `cell` holds the words of `phrase` as whole words.
fn has_words(cell: &str, phrase: &str) -> bool {
    cell.match_indices(phrase).any(|(at, _)| {
        let before = cell[..at].chars().next_back();
        let after = cell[at + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_per_source_toll_row_becomes_an_attributed_sentence() {
        let columns = casualty_columns(&["Source", "Killed", "Date of statement"]).unwrap();
        assert_eq!(
            casualty_row_sentence(columns, &["Red Crescent", "at least 37", "3 May"]).as_deref(),
            Some("According to Red Crescent, at least 37 killed.")
        );
        assert_eq!(
            casualty_row_sentence(columns, &["Village elders", "55+", "4 May"]).as_deref(),
            Some("According to Village elders, at least 55 killed.")
        );
        let columns = casualty_columns(&["Death toll", "Reported by"]).unwrap();
        assert_eq!(
            casualty_row_sentence(columns, &["around 90, most of them women", "Local clinic"])
                .as_deref(),
            Some("According to Local clinic, around 90 killed, most of them women.")
        );
        // A row whose figure is not a number ("unknown") says nothing.
        assert_eq!(casualty_row_sentence(columns, &["unknown", "Police"]), None);
    }

    #[test]
    fn other_tables_are_not_casualty_tables() {
        assert_eq!(casualty_columns(&["Route", "Departs", "Arrives"]), None);
        assert_eq!(casualty_columns(&["Item", "Price", "Source"]), None);
        // An incident list has no column saying who gave the figure.
        assert_eq!(casualty_columns(&["Date", "Place", "Killed"]), None);
        assert_eq!(casualty_columns(&["Source", "Killed/wounded"]), None);
        // "Deadline" is not "dead".
        assert_eq!(casualty_columns(&["Source", "Deadline"]), None);
    }
}

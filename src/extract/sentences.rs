//! Sentence splitting with byte spans. Wire copy is full of abbreviations ("U.S.", "Dec.",
//! "Mr.", "Gen."), quotes that close after the full stop and ellipses inside quotations, so
//! a naive split on ". " would cut events in half and lose the link between a trigger and
//! its place or date.

use crate::corpus::Span;

/// Words that end with a full stop without ending a sentence (lower-cased, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "maj", "capt", "cpl", "pvt", "adm", "cmdr",
    "gov", "sen", "rep", "pres", "st", "jr", "sr", "no", "nos", "vs", "etc", "inc", "corp", "co",
    "ltd", "dept", "est", "approx", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun", "al", "mt", "ft", "rev", "prof", "brig",
];

/// Splits `text` into sentence spans (half-open byte ranges, trimmed of surrounding
/// whitespace). Line breaks that separate paragraphs (a blank line, or a line break followed by
/// a capital letter or quote after a line that did not end mid-sentence) always end a sentence:
/// headlines and datelines have no full stop.
pub fn split_sentences(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0usize;
    let mut i = 0usize;
    while i < bytes.len() {
        // Nearly every byte neither breaks a line nor can end a sentence: skip to the next one
        // that can with one table test per byte.
        match bytes[i..].iter().position(|&b| MAY_SPLIT[usize::from(b)]) {
            Some(skip) => i += skip,
            None => break,
        }
        let b = bytes[i];
        if b == b'\n' {
            // A paragraph break: a blank line, or a single line break (news text puts one
            // paragraph per line; headlines and teasers carry no final full stop).
            push_trimmed(text, start, i, &mut spans);
            start = i + 1;
            i += 1;
            continue;
        }
        let terminator_len = terminator_at(text, i);
        if terminator_len > 0 {
            let mut end = i + terminator_len;
            // Further terminators and closing quotes/brackets belong to this sentence.
            loop {
                let t = terminator_at(text, end);
                if t > 0 {
                    end += t;
                    continue;
                }
                let c = closing_len(text, end);
                if c > 0 {
                    end += c;
                    continue;
                }
                break;
            }
            if is_sentence_end(text, start, i, end) {
                push_trimmed(text, start, end, &mut spans);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// The bytes where `split_sentences` has something to decide: a line break, a terminator
/// ('.', '!', '?') and the lead byte of '…'.
static MAY_SPLIT: [bool; 256] = {
    let mut table = [false; 256];
    table[b'\n' as usize] = true;
    table[b'.' as usize] = true;
    table[b'!' as usize] = true;
    table[b'?' as usize] = true;
    table[0xE2] = true;
    table
};

/// Byte length of a sentence terminator at `i` ('.', '!', '?', '…'), or 0.
fn terminator_at(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    match bytes.get(i) {
        Some(b'.') | Some(b'!') | Some(b'?') => 1,
        Some(0xE2) if text[i..].starts_with('…') => '…'.len_utf8(),
        _ => 0,
    }
}

/// Byte length of a closing quote or bracket at `i`, or 0.
fn closing_len(text: &str, i: usize) -> usize {
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»')) => c.len_utf8(),
        _ => 0,
    }
}

/// Decides whether the terminator at `dot` (with trailing punctuation up to `end`) ends the
/// sentence that started at `start`.
fn is_sentence_end(text: &str, start: usize, dot: usize, end: usize) -> bool {
    let rest = &text[end..];
    // The terminator must be followed by whitespace (or the end of the text): "3.5", "U.S."
    // mid-token and URLs do not split.
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let next = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    if next.starts_with('\n') || next.is_empty() {
        return true;
    }
    let next_char = next.chars().next().unwrap_or(' ');
    let text_bytes = text.as_bytes();
    let is_ellipsis = text_bytes[dot] != b'.' && text_bytes[dot] != b'!' && text_bytes[dot] != b'?'
        || text[dot..end].starts_with("...");
    // After an ellipsis or any terminator, a lower-case continuation is the same sentence.
    if next_char.is_lowercase() {
        return false;
    }
    if is_ellipsis && !next_char.is_uppercase() {
        return false;
    }
    if text_bytes[dot] == b'.' {
        let word = word_before(text, start, dot);
        // Single letters ("U.S.", "J. Smith") and dotted initialisms.
        if word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
            // "U.S." at the end of a sentence followed by a new capitalised sentence is
            // ambiguous; "the U.S. military" is far more common in wire copy than a sentence
            // ending in "U.S.", so keep going unless a quote or paragraph follows.
            return false;
        }
        if word.contains('.') {
            // "U.S", "a.m", "p.m", "e.g": keep together unless the next word clearly opens a
            // new sentence (a quote).
            return next_char == '"' || next_char == '“';
        }
        // The abbreviations are lower-case ASCII: a case-blind comparison needs no copy.
        if ABBREVIATIONS.iter().any(|a| word.eq_ignore_ascii_case(a)) {
            // "Dec. 27", "Mr. Kirby", "Gen. Milley"; a month abbreviation before a digit.
            return false;
        }
    }
    true
}

/// The token immediately before the byte offset `dot`, not crossing `start`.
fn word_before(text: &str, start: usize, dot: usize) -> &str {
    let head = &text[start..dot];
    let begin = head
        .rfind(|c: char| c.is_whitespace() || c == '(' || c == '"' || c == '“')
        .map(|p| p + head[p..].chars().next().map_or(1, |c| c.len_utf8()))
        .unwrap_or(0);
    &head[begin..]
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    if start >= end {
        return;
    }
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    let (s, e) = (start + lead, end - trail);
    if s < e {
        spans.push([s, e]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|[s, e]| &text[s..e])
            .collect()
    }

    #[test]
    fn keeps_abbreviations_inside_sentences() {
        let text = "The U.S. military said Mr. Kirby spoke on Dec. 27 about it. Gen. Smith agreed.";
        assert_eq!(
            split(text),
            vec![
                "The U.S. military said Mr. Kirby spoke on Dec. 27 about it.",
                "Gen. Smith agreed."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        let text = "\"It was a success.\" Officials agreed. “We will respond,” he said.";
        assert_eq!(
            split(text),
            vec![
                "\"It was a success.\"",
                "Officials agreed.",
                "“We will respond,” he said."
            ]
        );
    }

    #[test]
    fn ellipsis_inside_a_quote_does_not_split() {
        let text = "“This action in self-defence… sends a message,” he said. Then it ended.";
        assert_eq!(
            split(text),
            vec![
                "“This action in self-defence… sends a message,” he said.",
                "Then it ended."
            ]
        );
    }

    #[test]
    fn line_breaks_end_headlines_and_paragraphs() {
        let text = "Rockets hit base\n\nBAGHDAD (Reuters) - Two rockets fell. Nobody was hurt.\nA second paragraph";
        assert_eq!(
            split(text),
            vec![
                "Rockets hit base",
                "BAGHDAD (Reuters) - Two rockets fell.",
                "Nobody was hurt.",
                "A second paragraph"
            ]
        );
    }

    #[test]
    fn spans_are_byte_offsets_into_the_text() {
        let text = "  Ça va. Très bien…  Oui.";
        for [s, e] in split_sentences(text) {
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
        assert_eq!(split(text), vec!["Ça va.", "Très bien…", "Oui."]);
    }

    #[test]
    fn decimals_and_initialisms_do_not_split() {
        let text =
            "The 3.5 km zone near the U.N. compound was hit at 10 p.m. on Sunday. It burned.";
        assert_eq!(
            split(text),
            vec![
                "The 3.5 km zone near the U.N. compound was hit at 10 p.m. on Sunday.",
                "It burned."
            ]
        );
    }

    #[test]
    fn an_upper_case_abbreviation_does_not_end_a_sentence() {
        let text = "Troops met GEN. Ortega at dawn. The convoy left at noon! Then… Nothing moved?";
        let spans = split_sentences(text);
        let got: Vec<&str> = spans.iter().map(|s| &text[s[0]..s[1]]).collect();
        assert_eq!(
            got,
            [
                "Troops met GEN. Ortega at dawn.",
                "The convoy left at noon!",
                "Then…",
                "Nothing moved?"
            ]
        );
    }

    #[test]
    fn text_without_a_terminator_is_one_sentence_per_line() {
        let text = "HEADLINE WITH NO STOP\nA dateline — Gaza\n";
        let spans = split_sentences(text);
        let got: Vec<&str> = spans.iter().map(|s| &text[s[0]..s[1]]).collect();
        assert_eq!(got, ["HEADLINE WITH NO STOP", "A dateline — Gaza"]);
    }
}

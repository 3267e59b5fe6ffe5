//! Latin letters with diacritics and the plain letters they fall back to ('ê' -> 'e',
//! 'Ş' -> 'S', 'Ḩ' -> 'H'). One table for the two places that need it: place finding reads a
//! name written with its own language's diacritics ("Kobanê") as the gazetteer's plain-letter
//! name, and the map draws a label the bundled font cannot draw ("Ḩalab") in plain letters.

use std::sync::OnceLock;

/// Letters with diacritics (Latin-1, Latin Extended-A/B and the dotted and macroned letters of
/// Latin Extended Additional that transliterated Arabic and Vietnamese names carry), grouped by
/// the plain letter they fall back to.
const FOLDS: &[(&str, char)] = &[
    ("àáâãäåāăąạảấầẩẫậắằẳẵặ", 'a'),
    ("ÀÁÂÃÄÅĀĂĄẠẢẤẦẨẪẬẮẰẲẴẶ", 'A'),
    ("ḃḅḇ", 'b'),
    ("ḂḄḆ", 'B'),
    ("çćĉċčḉ", 'c'),
    ("ÇĆĈĊČḈ", 'C'),
    ("ďđḋḍḏḑḓ", 'd'),
    ("ĎĐḊḌḎḐḒ", 'D'),
    ("èéêëēĕėęěẹẻẽếềểễệ", 'e'),
    ("ÈÉÊËĒĔĖĘĚẸẺẼẾỀỂỄỆ", 'E'),
    ("ĝğġģḡ", 'g'),
    ("ĜĞĠĢḠ", 'G'),
    ("ĥħḣḥḧḩḫẖ", 'h'),
    ("ĤĦḢḤḦḨḪ", 'H'),
    ("ìíîïĩīĭįıịỉ", 'i'),
    ("ÌÍÎÏĨĪĬĮİỊỈ", 'I'),
    ("ĵ", 'j'),
    ("Ĵ", 'J'),
    ("ķḱḳḵ", 'k'),
    ("ĶḰḲḴ", 'K'),
    ("ĺļľŀłḷḹḻḽ", 'l'),
    ("ĹĻĽĿŁḶḸḺḼ", 'L'),
    ("ḿṁṃ", 'm'),
    ("ḾṀṂ", 'M'),
    ("ñńņňṅṇṉṋ", 'n'),
    ("ÑŃŅŇṄṆṈṊ", 'N'),
    ("òóôõöøōŏőọỏốồổỗộớờởỡợơ", 'o'),
    ("ÒÓÔÕÖØŌŎŐỌỎỐỒỔỖỘỚỜỞỠỢƠ", 'O'),
    ("ŕŗřṙṛṝṟ", 'r'),
    ("ŔŖŘṘṚṜṞ", 'R'),
    ("śŝşšșṡṣṥṧṩ", 's'),
    ("ŚŜŞŠȘṠṢṤṦṨ", 'S'),
    ("ţťŧțṫṭṯṱẗ", 't'),
    ("ŢŤŦȚṪṬṮṰ", 'T'),
    ("ùúûüũūŭůűųụủứừửữựư", 'u'),
    ("ÙÚÛÜŨŪŬŮŰŲỤỦỨỪỬỮỰƯ", 'U'),
    ("ŵẁẃẅẇẉ", 'w'),
    ("ŴẀẂẄẆẈ", 'W'),
    ("ýÿŷẏỳỵỷỹ", 'y'),
    ("ÝŸŶẎỲỴỶỸ", 'Y'),
    ("źżžẑẓẕ", 'z'),
    ("ŹŻŽẐẒẔ", 'Z'),
];

/// The plain letter of a Latin letter with a diacritic, or None for any other character
/// (ASCII, punctuation, other scripts).
pub fn plain_latin_letter(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    // Sorted once, so a look-up is a binary search: place finding asks for every character
    // of an article that holds such a letter.
    static SORTED: OnceLock<Vec<(char, char)>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut pairs: Vec<(char, char)> = FOLDS
            .iter()
            .flat_map(|&(from, to)| from.chars().map(move |c| (c, to)))
            .collect();
        pairs.sort_unstable();
        pairs
    });
    sorted
        .binary_search_by_key(&c, |&(from, _)| from)
        .ok()
        .map(|k| sorted[k].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_with_diacritics_fall_back_to_their_plain_letter() {
        assert_eq!(plain_latin_letter('ê'), Some('e'));
        assert_eq!(plain_latin_letter('Ş'), Some('S'));
        assert_eq!(plain_latin_letter('ı'), Some('i'));
        assert_eq!(plain_latin_letter('Ḩ'), Some('H'));
        assert_eq!(plain_latin_letter('ư'), Some('u'));
        assert_eq!(plain_latin_letter('e'), None);
        assert_eq!(plain_latin_letter('×'), None);
        assert_eq!(plain_latin_letter('’'), None);
        assert_eq!(plain_latin_letter('ب'), None);
    }

    #[test]
    fn every_letter_has_one_plain_letter() {
        let mut seen = std::collections::HashMap::new();
        for &(from, to) in FOLDS {
            assert!(to.is_ascii_alphabetic(), "{to:?}");
            for c in from.chars() {
                assert!(!c.is_ascii() && c.is_alphabetic(), "{c:?}");
                assert_eq!(*seen.entry(c).or_insert(to), to, "{c:?} folds two ways");
            }
        }
    }
}

//! Numbers as wire copy writes them: digits ("25", "1,200"), words ("four", "twenty-five",
//! "two hundred"), and vague quantities ("a dozen", "dozens", "scores", "hundreds").

/// A parsed quantity. `vague` holds the word when the text gives no exact figure ("dozens"):
/// the value is then a conventional stand-in (dozens = 24) that a claim keeps as its qualifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub value: u32,
    pub vague: Option<&'static str>,
}

const UNITS: [(&str, u32); 20] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Vague quantities and the stand-in value used for them. The stand-in is the low end of what
/// the word usually means, so a range built from claims never overstates a toll.
const VAGUE: [(&str, u32); 8] = [
    ("dozens", 24),
    ("scores", 40),
    ("hundreds", 200),
    ("thousands", 2000),
    ("several", 3),
    ("a few", 3),
    ("a couple", 2),
    ("a handful", 3),
];

/// The number words a regex must recognise, longest first so alternation prefers
/// "seventeen" over "seven". Used by claims.rs and dates.rs to build their patterns.
pub const NUMBER_WORD_PATTERN: &str = r"(?:(?:two|three|four|five|six|seven|eight|nine|ten)\s+dozen|half\s+a\s+dozen|a\s+hundred|\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten|zero|a\s+dozen|dozens|scores|hundreds|thousands)(?:\s+(?:hundred|thousand)(?:\s+and\s+\w+(?:-\w+)?)?)?";

/// Compiles one of our static patterns with ASCII word boundaries: Unicode `\b` makes the
/// regex engine fall back to slow paths on text with curly quotes, and our patterns are
/// English words. Panics only on a bad static pattern (caught by the unit tests).
pub(crate) fn ascii_regex(src: &str) -> regex::Regex {
    regex::Regex::new(&src.replace(r"\b", r"(?-u:\b)")).expect("static pattern compiles")
}

/// A static pattern compiled lazily in two forms that find the same matches on the text each
/// is used for. The Unicode form is the pattern as written. The ASCII form reads its `\b`,
/// `\w`, `\s`, `\d` and `\p{L}` (and their negations) as ASCII classes ([`ascii_form`]):
/// its automaton is a fraction of the size, so it compiles and builds its lazy DFA states
/// many times faster, and the regex engine's fast automaton does not give up on non-ASCII
/// bytes as it does with a Unicode `\b` (a sentence with one curly apostrophe was searched
/// ~50× slower). Both forms agree wherever every non-ASCII character of the text is neither a
/// word character nor white space for Unicode (curly quotes, dashes, the euro sign …), so
/// such text is searched with the ASCII form, and only text holding a non-ASCII letter, digit
/// or space (an accented name, a no-break space) with the Unicode one, built only then.
pub(crate) struct WordRegex {
    pattern: String,
    /// The form for text the ASCII form does not fit reads `\b` as ASCII ([`ascii_regex`]).
    ascii_boundaries: bool,
    ascii: std::sync::OnceLock<regex::Regex>,
    unicode: std::sync::OnceLock<regex::Regex>,
}

impl WordRegex {
    pub(crate) fn new(pattern: impl Into<String>) -> Self {
        Self {
            pattern: pattern.into(),
            ascii_boundaries: false,
            ascii: std::sync::OnceLock::new(),
            unicode: std::sync::OnceLock::new(),
        }
    }

    /// A pattern that finds what [`ascii_regex`] of it finds, on any text: the other form is
    /// `ascii_regex`'s (ASCII `\b`, Unicode `\w`, `\s`, `\d`), built only for text the ASCII
    /// form does not fit. Where a pattern was compiled with `ascii_regex`, this keeps its
    /// matches and spares most runs compiling the Unicode classes (a Unicode `\d` is dozens of
    /// digit ranges in UTF-8, and every case-insensitive alternative multiplies them).
    pub(crate) fn ascii_boundaries(pattern: impl Into<String>) -> Self {
        Self {
            ascii_boundaries: true,
            ..Self::new(pattern)
        }
    }

    /// The compiled form to search `text` with; both give the same matches on `text`.
    pub(crate) fn for_text(&self, text: &str) -> &regex::Regex {
        if ascii_form_fits(text) {
            self.ascii.get_or_init(|| {
                regex::Regex::new(&ascii_form(&self.pattern)).expect("static pattern compiles")
            })
        } else if self.ascii_boundaries {
            self.unicode.get_or_init(|| ascii_regex(&self.pattern))
        } else {
            self.unicode
                .get_or_init(|| regex::Regex::new(&self.pattern).expect("static pattern compiles"))
        }
    }
}

/// True when the ASCII form of a pattern ([`ascii_form`]) finds what its Unicode form finds
/// in `text`: every character is ASCII or one of [`NON_WORD_SYMBOLS`].
pub(crate) fn ascii_form_fits(text: &str) -> bool {
    text.is_ascii() || text.chars().all(|c| c.is_ascii() || is_non_word_symbol(c))
}

/// `pattern` with its Unicode classes read as ASCII: `\b` → `(?-u:\b)`, `\w` →
/// `[0-9A-Za-z_]`, `\s` → the six ASCII spaces, `\d` → `[0-9]`, `\p{L}` → `[A-Za-z]` (inside
/// a bracket class too). What matches any other character (a negated class, `.`, `\W`, `\S`,
/// `\D`) is narrowed to the characters [`ascii_form_fits`] lets through, ASCII and
/// [`NON_WORD_SYMBOLS`]: on such text it matches the same, with a far smaller automaton than
/// "any character but …" needs in UTF-8. Case-insensitive letters keep their Unicode
/// folding. Panics on a Unicode class it does not know (caught by the unit tests of the
/// patterns).
pub(crate) fn ascii_form(pattern: &str) -> String {
    const WORD: &str = "0-9A-Za-z_";
    const SPACE: &str = r"\t\n\x0B\x0C\r ";
    const DIGIT: &str = "0-9";
    const LETTER: &str = "A-Za-z";
    let fitting = || {
        let mut class = String::from(r"[\x00-\x7F");
        for (lo, hi) in NON_WORD_SYMBOLS {
            class.push_str(&format!(r"\x{{{:x}}}-\x{{{:x}}}", *lo as u32, *hi as u32));
        }
        class.push(']');
        class
    };
    // "[^…]" at the top level becomes "[[<fitting>]&&[^…]]".
    let narrowed = |negated: &str| format!("[{}&&[^{negated}]]", fitting());
    let mut out = String::with_capacity(pattern.len() * 2);
    let mut class_depth = 0usize;
    let mut narrowed_class = false;
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(e) = chars.next() else {
                    out.push(c);
                    break;
                };
                let set = match e {
                    'w' | 'W' => Some(WORD),
                    's' | 'S' => Some(SPACE),
                    'd' | 'D' => Some(DIGIT),
                    'p' => {
                        let name: String = chars.by_ref().take_while(|&c| c != '}').collect();
                        assert!(name == "{L", "no ASCII form for \\p{name}}}");
                        Some(LETTER)
                    }
                    'P' => panic!("no ASCII form for \\P"),
                    'b' if class_depth == 0 => {
                        out.push_str(r"(?-u:\b)");
                        None
                    }
                    'B' if class_depth == 0 => {
                        out.push_str(r"(?-u:\B)");
                        None
                    }
                    _ => {
                        out.push(c);
                        out.push(e);
                        None
                    }
                };
                if let Some(set) = set {
                    let negated = e.is_ascii_uppercase();
                    match (class_depth, negated) {
                        (0, false) => out.push_str(&format!("[{set}]")),
                        (0, true) => out.push_str(&narrowed(set)),
                        (_, false) => out.push_str(set),
                        (_, true) => panic!("no ASCII form for \\{e} inside a class"),
                    }
                }
            }
            '[' if class_depth == 0 && chars.peek() == Some(&'^') => {
                chars.next();
                class_depth = 1;
                narrowed_class = true;
                out.push_str(&format!("[{}&&[^", fitting()));
            }
            '[' => {
                class_depth += 1;
                out.push(c);
            }
            ']' if class_depth > 0 => {
                class_depth -= 1;
                out.push(c);
                if class_depth == 0 && narrowed_class {
                    narrowed_class = false;
                    out.push(']');
                }
            }
            '.' if class_depth == 0 => out.push_str(&narrowed(r"\n")),
            _ => out.push(c),
        }
    }
    out
}

/// Non-ASCII characters common in news copy that Unicode counts neither as word characters
/// (`\w`) nor as white space (`\s`): guillemets, degree, middle dot, pound and euro signs, and
/// the dashes, quotes, bullets, ellipsis, per-mille and primes of General Punctuation
/// (U+2010–U+2027, U+2030–U+203E; not U+203F/U+2040, connector punctuation, which `\w`
/// holds). Not the no-break space, which is white space. The unit test checks each against
/// the regex engine's `\w` and `\s`.
const NON_WORD_SYMBOLS: &[(char, char)] = &[
    ('\u{a3}', '\u{a3}'),
    ('\u{ab}', '\u{ab}'),
    ('\u{b0}', '\u{b0}'),
    ('\u{b7}', '\u{b7}'),
    ('\u{bb}', '\u{bb}'),
    ('\u{2010}', '\u{2027}'),
    ('\u{2030}', '\u{203e}'),
    ('\u{20ac}', '\u{20ac}'),
];

fn is_non_word_symbol(c: char) -> bool {
    NON_WORD_SYMBOLS
        .iter()
        .any(|(lo, hi)| (*lo..=*hi).contains(&c))
}

fn unit_value(word: &str) -> Option<u32> {
    UNITS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn tens_value(word: &str) -> Option<u32> {
    TENS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// Value of a number below one hundred written as words: "four", "twenty-five", "thirty one".
fn below_hundred(words: &[&str]) -> Option<u32> {
    match words {
        [w] => unit_value(w).or_else(|| tens_value(w)),
        [t, u] => {
            let t = tens_value(t)?;
            let u = unit_value(u).filter(|u| (1..=9).contains(u))?;
            Some(t + u)
        }
        _ => None,
    }
}

/// Parses a number in digits or words. Returns the value only; see [`parse_quantity`] for the
/// vague flag. "four" → 4, "twenty-five" → 25, "1,200" → 1200, "a dozen" → 12, "dozens" → 24,
/// "two hundred and five" → 205. Anything else → None.
pub fn parse_number_words(s: &str) -> Option<u32> {
    parse_quantity(s).map(|q| q.value)
}

/// Like [`parse_number_words`], but tells whether the figure is vague ("dozens").
pub fn parse_quantity(s: &str) -> Option<Quantity> {
    let trimmed = s.trim();
    // Claims call this for every word after a figure: most words are lower case already, so
    // borrow them rather than allocate.
    let lower: std::borrow::Cow<'_, str> = if trimmed.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(trimmed.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(trimmed)
    };
    let lower = lower.trim_end_matches(['.', ',']);
    if lower.is_empty() {
        return None;
    }
    if !may_start_a_quantity(lower) {
        return None;
    }
    let exact = |value| Some(Quantity { value, vague: None });
    // Digits, with optional thousands separators.
    if lower.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        if lower.starts_with(',') || lower.ends_with(',') || lower.contains(",,") {
            return None;
        }
        if lower.contains(',') {
            // Every group after the first must have exactly three digits ("1,200", not "1,20").
            let mut groups = lower.split(',');
            let first = groups.next()?;
            if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
                return None;
            }
        }
        let mut value: u32 = 0;
        for b in lower.bytes().filter(|b| *b != b',') {
            value = value.checked_mul(10)?.checked_add(u32::from(b - b'0'))?;
        }
        return exact(value);
    }
    if !lower.contains(|c: char| c.is_whitespace() || c == '-') {
        // One word: the general path below without its allocations.
        return match lower {
            "a" | "one" => exact(1),
            "dozen" => exact(12),
            "hundred" => exact(100),
            "thousand" => exact(1000),
            "and" => None,
            w => match VAGUE.iter().find(|(v, _)| *v == w) {
                Some((word, value)) => Some(Quantity {
                    value: *value,
                    vague: Some(word),
                }),
                None => below_hundred(&[w]).and_then(exact),
            },
        };
    }
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed == "a dozen" || collapsed == "one dozen" || collapsed == "dozen" {
        return exact(12);
    }
    // "two dozen" = 24, "half a dozen" = 6: exact multiples of twelve, as wire copy uses them.
    if collapsed == "half a dozen" {
        return exact(6);
    }
    if let Some(head) = collapsed.strip_suffix(" dozen") {
        let words: Vec<&str> = head.split([' ', '-']).collect();
        return small_or_digits(&words)
            .and_then(|n| n.checked_mul(12))
            .and_then(exact);
    }
    if let Some((word, value)) = VAGUE.iter().find(|(w, _)| *w == collapsed) {
        return Some(Quantity {
            value: *value,
            vague: Some(word),
        });
    }
    let words: Vec<&str> = collapsed
        .split([' ', '-'])
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    if words.is_empty() {
        return None;
    }
    // "<n> thousand <rest>", "<n> hundred <rest>", where <n> may itself be digits ("3 thousand").
    let mut total: u32 = 0;
    let mut rest: &[&str] = &words;
    if let Some(pos) = rest.iter().position(|w| *w == "thousand") {
        let head = &rest[..pos];
        let n = if head.is_empty() {
            1
        } else {
            small_or_digits(head)?
        };
        total = total.checked_add(n.checked_mul(1000)?)?;
        rest = &rest[pos + 1..];
    }
    if let Some(pos) = rest.iter().position(|w| *w == "hundred") {
        let head = &rest[..pos];
        let n = if head.is_empty() {
            1
        } else {
            small_or_digits(head)?
        };
        if n >= 10 && words.contains(&"thousand") {
            return None;
        }
        total = total.checked_add(n.checked_mul(100)?)?;
        rest = &rest[pos + 1..];
    }
    if !rest.is_empty() {
        let tail = small_or_digits(rest)?;
        if total > 0 && tail >= 100 {
            return None;
        }
        total = total.checked_add(tail)?;
    }
    exact(total)
}

fn small_or_digits(words: &[&str]) -> Option<u32> {
    if let [w] = words
        && w.bytes().all(|b| b.is_ascii_digit())
    {
        return w.parse().ok();
    }
    if let [a] = words
        && (*a == "a" || *a == "one")
    {
        return Some(1);
    }
    below_hundred(words)
}

/// False only when lower-case `w` surely is not a quantity: every number, number word and
/// vague quantity [`parse_quantity`] reads starts with one of these bytes, and most words
/// after a figure do not, so they need no further look.
pub(crate) fn may_start_a_quantity(w: &str) -> bool {
    matches!(
        w.as_bytes().first(),
        Some(
            b'0'..=b'9'
                | b','
                | b'-'
                | b'a'
                | b'd'
                | b'e'
                | b'f'
                | b'h'
                | b'n'
                | b'o'
                | b's'
                | b't'
                | b'z'
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dozens_as_exact_multiples_and_a_hundred() {
        assert_eq!(parse_number_words("two dozen"), Some(24));
        assert_eq!(parse_number_words("Half a dozen"), Some(6));
        assert_eq!(parse_number_words("a hundred"), Some(100));
        let re = regex::Regex::new(&format!("^(?i:{NUMBER_WORD_PATTERN})$")).expect("pattern");
        for s in ["three dozen", "half a dozen", "a hundred", "a dozen"] {
            assert!(re.is_match(s), "{s}");
        }
    }

    #[test]
    fn digits_with_and_without_separators() {
        assert_eq!(parse_number_words("25"), Some(25));
        assert_eq!(parse_number_words("1,200"), Some(1200));
        assert_eq!(parse_number_words("12,345,678"), Some(12_345_678));
        assert_eq!(parse_number_words("1,20"), None);
        assert_eq!(parse_number_words(",200"), None);
        assert_eq!(
            parse_number_words("99999999999"),
            None,
            "overflow is not a number"
        );
    }

    #[test]
    fn words_units_tens_and_hyphens() {
        assert_eq!(parse_number_words("four"), Some(4));
        assert_eq!(parse_number_words("Four"), Some(4));
        assert_eq!(parse_number_words("nineteen"), Some(19));
        assert_eq!(parse_number_words("twenty-five"), Some(25));
        assert_eq!(parse_number_words("thirty one"), Some(31));
        assert_eq!(parse_number_words("forty"), Some(40));
        assert_eq!(parse_number_words("zero"), Some(0));
    }

    #[test]
    fn hundreds_and_thousands() {
        assert_eq!(parse_number_words("two hundred"), Some(200));
        assert_eq!(parse_number_words("two hundred and five"), Some(205));
        assert_eq!(parse_number_words("a hundred"), Some(100));
        assert_eq!(parse_number_words("three thousand"), Some(3000));
        assert_eq!(parse_number_words("3 thousand"), Some(3000));
        assert_eq!(parse_number_words("one thousand two hundred"), Some(1200));
    }

    #[test]
    fn dozens_and_vague_words_carry_their_word() {
        assert_eq!(parse_number_words("a dozen"), Some(12));
        assert_eq!(parse_quantity("a dozen").unwrap().vague, None);
        let q = parse_quantity("dozens").unwrap();
        assert_eq!((q.value, q.vague), (24, Some("dozens")));
        assert_eq!(parse_quantity("Hundreds").unwrap().vague, Some("hundreds"));
        assert_eq!(parse_quantity("scores").unwrap().value, 40);
    }

    #[test]
    fn non_numbers_are_rejected() {
        for s in [
            "",
            "many",
            "F-15",
            "fourish",
            "twenty-twelve",
            "five-ten",
            "hundredth",
            "one-two",
        ] {
            assert_eq!(parse_number_words(s), None, "{s:?}");
        }
    }

    #[test]
    fn symbols_searched_with_ascii_boundaries_are_no_word_characters() {
        let word_or_space = regex::Regex::new(r"^[\w\s]$").expect("pattern");
        let symbols: Vec<char> = ('\u{80}'..='\u{20ff}')
            .filter(|c| is_non_word_symbol(*c))
            .collect();
        assert!(symbols.contains(&'\u{2019}') && symbols.contains(&'\u{2014}'));
        assert!(!symbols.contains(&'\u{a0}'));
        for c in symbols {
            assert!(
                !word_or_space.is_match(&c.to_string()),
                "U+{:04X} is a word character or a space",
                c as u32
            );
        }
    }

    #[test]
    fn ascii_form_reads_unicode_classes_as_ascii_ones() {
        assert_eq!(
            ascii_form(r"(?i)\b\w+\s[\w'-]\d\p{L}"),
            r"(?i)(?-u:\b)[0-9A-Za-z_]+[\t\n\x0B\x0C\r ][0-9A-Za-z_'-][0-9][A-Za-z]"
        );
        // Escaped brackets open no class; a POSIX class inside a class closes its own.
        assert_eq!(ascii_form(r"\[\d\]"), r"\[[0-9]\]");
        assert_eq!(ascii_form(r"[[:alpha:]\d]\d"), r"[[:alpha:]0-9][0-9]");
        // What matches any other character is narrowed to the characters the form serves.
        let negated = ascii_form(r"[^\s,]x\W.");
        assert!(
            negated.starts_with(r"[[\x00-\x7F\x{a3}-\x{a3}"),
            "{negated}"
        );
        assert!(negated.contains(r"&&[^\t\n\x0B\x0C\r ,]]x["), "{negated}");
        assert!(negated.ends_with(r"&&[^\n]]"), "{negated}");
    }

    #[test]
    fn ascii_form_finds_what_the_unicode_form_finds_on_the_text_it_fits() {
        let pattern =
            r"(?i)\b(?P<n>\d+|no(?:\s+\w+)?)\s+(?:[\w'-]+\s+){0,2}?(?:killed|dead)\b[^,.]{0,20}.\W";
        let both = WordRegex::new(pattern);
        let unicode = regex::Regex::new(pattern).expect("pattern");
        let spans =
            |re: &regex::Regex, s: &str| re.find_iter(s).map(|m| m.range()).collect::<Vec<_>>();
        for s in [
            "Officials said 12 people were killed, and no civilians dead.",
            "\u{201c}No soldiers killed\u{201d} \u{2014} the army\u{2019}s 3 men dead \u{20ac}5",
            "Caf\u{e9} 4 killed; 5\u{a0}killed; \u{661} killed",
        ] {
            assert_eq!(spans(both.for_text(s), s), spans(&unicode, s), "{s:?}");
        }
        // The Unicode form alone reads an Arabic-Indic digit and a no-break space.
        let s = "\u{661} killed, 5\u{a0}killed";
        assert!(!ascii_form_fits(s));
        let ascii = regex::Regex::new(&ascii_form(pattern)).expect("pattern");
        assert!(spans(&ascii, s) != spans(&unicode, s));
    }

    #[test]
    fn word_regex_keeps_unicode_boundaries_next_to_letters() {
        let pattern = r"\b[A-Z]\w*\s+(?:was|were)\b".to_string();
        let unicode = regex::Regex::new(&pattern).expect("pattern");
        let both = WordRegex::new(pattern);
        let spans =
            |re: &regex::Regex, s: &str| re.find_iter(s).map(|m| m.range()).collect::<Vec<_>>();
        for s in [
            "Officials said Omar was hurt.",
            "\u{201c}Omar was hurt\u{201d} \u{2014} officials said Dana were there\u{2019}s",
            // An accented letter before the capital: Unicode sees no boundary there.
            "The café Omar was shut; élan Omar was",
            "Omar\u{2019}s brother Ali\u{a0}was",
        ] {
            assert_eq!(spans(both.for_text(s), s), spans(&unicode, s), "{s:?}");
        }
        // ASCII boundaries alone would read "Omar" inside "éOmar" as a word of its own.
        let s = "\u{e9}Omar was";
        assert!(spans(&ascii_regex(r"\b[A-Z]\w*\s+(?:was|were)\b"), s) != spans(&unicode, s));
        assert_eq!(spans(both.for_text(s), s), spans(&unicode, s));
    }

    #[test]
    fn word_regex_with_ascii_boundaries_finds_what_ascii_regex_finds() {
        let pattern = r"(?i)\b(?:on\s+)?(?P<d>\d{1,2})\s+(?:may|june)(?:\s+(?P<y>\d{4}))?\b";
        let old = ascii_regex(pattern);
        let both = WordRegex::ascii_boundaries(pattern);
        let groups = |re: &regex::Regex, s: &str| {
            re.captures_iter(s)
                .map(|c| {
                    let at = |n: &str| c.name(n).map(|m| m.range());
                    (c.get(0).map(|m| m.range()), at("d"), at("y"))
                })
                .collect::<Vec<_>>()
        };
        for s in [
            "The raid on 4 May 2021 killed two.",
            "\u{201c}On 12 June\u{201d} \u{2014} the 3 May strike",
            // An accented letter before a number: ASCII boundaries see a word start there.
            "caf\u{e9}4 May and \u{e9}lan 5 June",
            // A no-break space and Arabic-Indic digits: only the Unicode classes read them.
            "on 7\u{a0}May, on \u{663} June \u{662}\u{660}\u{662}\u{661}",
        ] {
            assert!(!groups(&old, s).is_empty(), "{s:?}");
            assert_eq!(groups(both.for_text(s), s), groups(&old, s), "{s:?}");
        }
    }
}

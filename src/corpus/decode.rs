//! Bytes to text: BOM sniffing, UTF-16, UTF-8 with a lossy fallback, binary detection.

use encoding_rs::{UTF_16BE, UTF_16LE};

/// The decoded text of a file plus any problem worth telling the user about.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// Set when the text was decoded with replacement characters.
    pub lossy_note: Option<String>,
}

/// Why a file is not text at all.
#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    Binary(&'static str),
    MostlyInvalidUtf8 { invalid_percent: u32 },
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Binary(why) => write!(f, "binary file ({why}), skipped"),
            NotText::MostlyInvalidUtf8 { invalid_percent } => write!(
                f,
                "not UTF-8 text ({invalid_percent}% of the bytes are invalid UTF-8), skipped"
            ),
        }
    }
}

/// Only the head of a file is sniffed for binary content: enough to catch images, archives and
/// executables without scanning a large text file twice.
const SNIFF_BYTES: usize = 8192;

/// Files where more than this share of bytes sit in invalid UTF-8 sequences are not treated as
/// text: lossy decoding would show the user a page of replacement characters.
const MAX_INVALID_PERCENT: u32 = 5;

/// The text of a file's bytes: a UTF-16 or UTF-8 byte-order mark decides the encoding, else
/// UTF-8 (lossy when a little is invalid); binary content is refused. Takes the bytes so that
/// valid UTF-8 (nearly every file) becomes the text without a copy.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, NotText> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(decode_utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(decode_utf16(rest, false));
    }
    let bom = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        3
    } else {
        0
    };
    sniff_binary(&bytes[bom..])?;
    bytes.drain(..bom);
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            lossy_note: None,
        }),
        Err(e) => decode_invalid_utf8(e.as_bytes()),
    }
}

/// `decode_owned` of borrowed bytes (a copy), for the tests.
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> Result<Decoded, NotText> {
    decode_owned(bytes.to_vec())
}

/// Bytes that are not valid UTF-8: decoded lossily, unless too much of them is invalid.
fn decode_invalid_utf8(bytes: &[u8]) -> Result<Decoded, NotText> {
    let invalid = count_invalid_utf8_bytes(bytes);
    let percent = (invalid * 100 / bytes.len().max(1)) as u32;
    if percent > MAX_INVALID_PERCENT {
        return Err(NotText::MostlyInvalidUtf8 {
            invalid_percent: percent.max(1),
        });
    }
    let text = String::from_utf8_lossy(bytes).into_owned();
    Ok(Decoded {
        text,
        lossy_note: Some(format!(
            "invalid UTF-8: {invalid} byte(s) replaced with U+FFFD (decoded lossily)"
        )),
    })
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> Decoded {
    let enc = if little_endian { UTF_16LE } else { UTF_16BE };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let lossy_note = had_errors.then(|| {
        format!(
            "invalid {}: some characters replaced with U+FFFD (decoded lossily)",
            enc.name()
        )
    });
    Decoded {
        text: text.into_owned(),
        lossy_note,
    }
}

fn sniff_binary(bytes: &[u8]) -> Result<(), NotText> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return Err(NotText::Binary("contains NUL bytes"));
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    // A few stray control characters happen in scraped text; a tenth of the bytes does not.
    if !head.is_empty() && control * 10 > head.len() {
        return Err(NotText::Binary("mostly control characters"));
    }
    Ok(())
}

fn count_invalid_utf8_bytes(mut bytes: &[u8]) -> usize {
    let mut invalid = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return invalid,
            Err(e) => {
                let bad = e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                invalid += bad;
                bytes = &bytes[e.valid_up_to() + bad..];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Taking the bytes changes nothing but the copy: same text, note or refusal for every
    /// kind of input, including a UTF-8 mark followed by what looks like a UTF-16 mark.
    #[test]
    fn decoding_owned_bytes_gives_what_decoding_borrowed_bytes_gives() {
        let mut lossy = b"Shells fell on the market at dawn, residents said. ".repeat(3);
        lossy.push(0xE9);
        let inputs: Vec<Vec<u8>> = vec![
            b"plain text".to_vec(),
            b"\xEF\xBB\xBFwith a mark".to_vec(),
            b"\xEF\xBB\xBF\xFF\xFEnot utf-16".to_vec(),
            vec![0xFF, 0xFE, b'h', 0, b'i', 0],
            vec![0xFE, 0xFF, 0, b'h', 0, b'i'],
            lossy,
            vec![0xC3; 40],
            b"PK\x03\x04\x00\x00".to_vec(),
            "caf\u{e9} \u{2014} \u{130}stanbul".as_bytes().to_vec(),
            Vec::new(),
        ];
        for bytes in inputs {
            let borrowed = decode(&bytes).map(|d| (d.text, d.lossy_note));
            let owned = decode_owned(bytes.clone()).map(|d| (d.text, d.lossy_note));
            assert_eq!(owned, borrowed, "{bytes:?}");
        }
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut le = vec![0xFF, 0xFE];
        for u in "Kirkuk – K-1".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, "Kirkuk – K-1");
        let mut be = vec![0xFE, 0xFF];
        for u in "Erbil".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Erbil");
    }

    #[test]
    fn utf8_bom_is_stripped_and_a_few_bad_bytes_are_lossy() {
        assert_eq!(decode(b"\xEF\xBB\xBFhello").unwrap().text, "hello");
        let mut text = b"Rockets hit the base on Monday, officials said. ".repeat(4);
        text.push(0xE9);
        let d = decode(&text).unwrap();
        assert!(d.text.ends_with('\u{FFFD}'));
        assert!(d.lossy_note.unwrap().contains("lossily"));
    }

    #[test]
    fn binary_and_garbage_are_refused() {
        assert!(matches!(
            decode(b"PK\x03\x04\x00\x00"),
            Err(NotText::Binary(_))
        ));
        let garbage: Vec<u8> = (0x80u8..=0xFF).cycle().take(600).collect();
        assert!(matches!(
            decode(&garbage),
            Err(NotText::MostlyInvalidUtf8 { .. })
        ));
    }
}

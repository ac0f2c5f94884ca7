//! Catalogue files in encodings other than UTF-8 (GBK, GB18030, Big5, …).
//!
//! UTF-8 is what errcat expects. A file in another encoding is read when
//! catalogs.toml names its encoding, or, with the `encodings` feature, when
//! chardetng recognises one that decodes the whole file without error; a
//! `non-utf8` warning says so either way. Without the feature only UTF-8
//! is read, which keeps the build-script path light.

/// A file decoded from another encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name (`GBK`).
    pub encoding: &'static str,
}

/// Why an encoding could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unusable {
    /// No encoding has this label.
    UnknownLabel,
    /// The bytes are not valid in it; the offset of the first bad byte.
    Invalid(usize),
    /// This build reads UTF-8 only.
    Unsupported,
}

/// Decodes with the encoding a label names (`gbk`, `gb18030`, `big5`, …,
/// as the WHATWG Encoding Standard spells them).
#[cfg(feature = "encodings")]
pub fn decode_as(label: &str, bytes: &[u8]) -> Result<Decoded, Unusable> {
    let encoding =
        encoding_rs::Encoding::for_label(label.trim().as_bytes()).ok_or(Unusable::UnknownLabel)?;
    decode_with(encoding, bytes)
}

#[cfg(not(feature = "encodings"))]
pub fn decode_as(_label: &str, _bytes: &[u8]) -> Result<Decoded, Unusable> {
    Err(Unusable::Unsupported)
}

#[cfg(feature = "encodings")]
fn decode_with(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> Result<Decoded, Unusable> {
    if encoding == encoding_rs::UTF_8 {
        return match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Decoded {
                text: text.to_string(),
                encoding: encoding.name(),
            }),
            Err(e) => Err(Unusable::Invalid(e.valid_up_to())),
        };
    }
    match encoding.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        }),
        None => {
            // Find the first bad byte: decode until the decoder reports it.
            let mut decoder = encoding.new_decoder_without_bom_handling();
            let mut out = String::with_capacity(bytes.len() * 3);
            let (result, read) =
                decoder.decode_to_string_without_replacement(bytes, &mut out, true);
            let offset = match result {
                encoding_rs::DecoderResult::Malformed(bad, _) => {
                    read.saturating_sub(usize::from(bad))
                }
                _ => read,
            };
            Err(Unusable::Invalid(offset))
        }
    }
}

/// The encoding chardetng recognises, if it decodes the whole file into
/// text: a decoding with control characters (other than tab and line
/// ends) is binary junk read as some code page, not a catalogue.
#[cfg(feature = "encodings")]
pub fn detect(bytes: &[u8]) -> Option<Decoded> {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let decoded = decode_with(guess, bytes).ok()?;
    let is_text = !decoded
        .text
        .chars()
        .any(|c| (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{fffd}');
    is_text.then_some(decoded)
}

#[cfg(not(feature = "encodings"))]
pub fn detect(_bytes: &[u8]) -> Option<Decoded> {
    None
}

#[cfg(all(test, feature = "encodings"))]
mod tests {
    use super::*;

    const GBK: &[u8] =
        b"/** \xd3\xc3\xbb\xa7\xce\xb4\xb5\xc7\xc2\xbc */\nNOT_AUTHENTICATION = 10001;\n";

    #[test]
    fn gbk_is_detected_and_decoded() {
        let decoded = detect(GBK).expect("recognised");
        assert_eq!(decoded.encoding, "GBK");
        assert_eq!(
            decoded.text,
            "/** 用户未登录 */\nNOT_AUTHENTICATION = 10001;\n"
        );
        assert_eq!(decode_as("gb18030", GBK).unwrap().text, decoded.text);
    }

    #[test]
    fn bytes_that_decode_only_into_control_characters_are_not_detected() {
        assert_eq!(detect(b"- ErrorCode: 4000\x81 0001\n"), None);
        assert_eq!(detect(b"\x00\x01\x02\xff\xfe"), None);
    }

    #[test]
    fn unusable_encodings_say_why() {
        assert_eq!(decode_as("klingon", GBK), Err(Unusable::UnknownLabel));
        assert_eq!(decode_as("utf-8", GBK), Err(Unusable::Invalid(4)));
        assert_eq!(
            decode_as("shift_jis", b"ok \x82"),
            Err(Unusable::Invalid(3))
        );
    }
}

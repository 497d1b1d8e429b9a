//! HTML bytes to text: the charset from the transport, the BOM, `<meta>`, or detection.

use encoding_rs::Encoding;
use regex::bytes::Regex;
use std::sync::LazyLock;

/// Where the charset came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CharsetSource {
    /// A byte-order mark.
    Bom,
    /// The HTTP `Content-Type` header or the record.
    Transport,
    /// A `<meta charset>` or `<meta http-equiv="Content-Type">` tag.
    Meta,
    /// Valid UTF-8 without any declaration.
    Utf8,
    /// Guessed from the bytes (chardetng).
    Detected,
}

/// Decoded page text.
pub struct Decoded {
    /// The text.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How it was chosen.
    pub source: CharsetSource,
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)"#).expect("static regex")
});

/// Decodes HTML bytes. `declared` is the transport's charset, trusted after a BOM.
pub fn decode(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, CharsetSource::Bom);
    }
    if let Some(encoding) = declared.and_then(|d| label(d.as_bytes())) {
        return finish(bytes, encoding, CharsetSource::Transport);
    }
    let head = &bytes[..bytes.len().min(4096)];
    if let Some(encoding) = META_CHARSET
        .captures(head)
        .and_then(|c| label(c.get(1)?.as_bytes()))
    {
        return finish(bytes, encoding, CharsetSource::Meta);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return finish(bytes, encoding_rs::UTF_8, CharsetSource::Utf8);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    finish(bytes, encoding, CharsetSource::Detected)
}

fn label(name: &[u8]) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(name)?;
    // A page that says UTF-16 in ASCII markup is not UTF-16 (the HTML standard's rule).
    if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
        return Some(encoding_rs::UTF_8);
    }
    Some(encoding)
}

fn finish(bytes: &[u8], encoding: &'static Encoding, source: CharsetSource) -> Decoded {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding,
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transport_beats_meta_and_bom_beats_both() {
        let page = b"<meta charset=\"koi8-r\"><p>\xc3\xa9</p>";
        let d = decode(page, Some("utf-8"));
        assert_eq!(
            (d.encoding.name(), d.source),
            ("UTF-8", CharsetSource::Transport)
        );
        let d = decode(page, None);
        assert_eq!(
            (d.encoding.name(), d.source),
            ("KOI8-R", CharsetSource::Meta)
        );
        let mut bom = b"\xef\xbb\xbf".to_vec();
        bom.extend_from_slice(page);
        assert_eq!(decode(&bom, Some("koi8-r")).source, CharsetSource::Bom);
    }
}

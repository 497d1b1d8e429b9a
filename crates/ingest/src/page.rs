//! Single-document files: text dumps and HTML pages, either possibly gzipped.

use crate::ReadError;
use parallax_core::{InputFormat, Payload, RawDocument, RecordHints};
use std::io::Read;
use std::path::Path;

/// Reads a file whole, gunzipping it when it starts with the gzip magic bytes.
pub(crate) fn read_maybe_gzipped(path: &Path) -> Result<Vec<u8>, ReadError> {
    let raw = std::fs::read(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..])
            .read_to_end(&mut out)
            .map_err(|source| ReadError::Gzip {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(out)
    } else {
        Ok(raw)
    }
}

/// Opens a file for streaming, gunzipping it when it starts with the gzip magic bytes.
pub(crate) fn open_maybe_gzipped(path: &Path) -> Result<Box<dyn std::io::BufRead>, ReadError> {
    use std::io::BufRead;
    let file = std::fs::File::open(path).map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let mut reader = std::io::BufReader::new(file);
    let magic = reader.fill_buf().map_err(|source| ReadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if magic.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(std::io::BufReader::new(
            flate2::read::MultiGzDecoder::new(reader),
        )))
    } else {
        Ok(Box::new(reader))
    }
}

/// True when `bytes` look like binary data rather than text in any charset. A file
/// that opens with a byte-order mark (UTF-8 or UTF-16) is text whatever follows.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return false;
    }
    let head = &bytes[..bytes.len().min(4096)];
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x09) || (0x0e..0x20).contains(&b) && b != 0x1b)
        .count();
    head.contains(&0) || controls * 20 > head.len()
}

pub(crate) fn text_document(path: &Path, bytes: Vec<u8>) -> Result<RawDocument, ReadError> {
    if looks_binary(&bytes) {
        return Err(ReadError::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = decode_text(&bytes);
    Ok(RawDocument {
        source: path.display().to_string(),
        path: path.to_path_buf(),
        format: InputFormat::Text,
        payload: Payload::Text(text),
        hints: RecordHints::default(),
    })
}

/// A text dump's characters: by its byte-order mark, else as UTF-8 when it is valid
/// UTF-8, else in the legacy charset chardetng guesses (a Latin-1 or Windows-1252 dump
/// is text too, not an error).
fn decode_text(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom_len..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let encoding = detector.guess(None, true);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

pub(crate) fn html_document(path: &Path, bytes: Vec<u8>) -> Result<RawDocument, ReadError> {
    if looks_binary(&bytes) {
        return Err(ReadError::Binary {
            path: path.to_path_buf(),
        });
    }
    Ok(RawDocument {
        source: path.display().to_string(),
        path: path.to_path_buf(),
        format: InputFormat::Html,
        payload: Payload::Html {
            bytes,
            declared_charset: None,
        },
        hints: RecordHints::default(),
    })
}

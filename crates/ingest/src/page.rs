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

/// True when `bytes` look like binary data rather than text in any charset.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
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
    let bytes = bytes
        .strip_prefix(b"\xef\xbb\xbf")
        .map(<[u8]>::to_vec)
        .unwrap_or(bytes);
    let text = String::from_utf8(bytes).map_err(|err| ReadError::InvalidUtf8 {
        path: path.to_path_buf(),
        offset: err.utf8_error().valid_up_to(),
    })?;
    Ok(RawDocument {
        source: path.display().to_string(),
        path: path.to_path_buf(),
        format: InputFormat::Text,
        payload: Payload::Text(text),
        hints: RecordHints::default(),
    })
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

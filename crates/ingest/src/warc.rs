//! WARC input (ISO 28500), plain or gzipped: the `response` records that carry HTML.
//!
//! The reader streams the file record by record, so an archive is never held whole in
//! memory. Records of other types (`request`, `metadata`, `warcinfo`, ...) and responses
//! that are not HTML are skipped and counted; the counts come back as one
//! [`ReadError::SkippedRecords`] item so the run summary can say what was left out.

use crate::ReadError;
use parallax_core::{InputFormat, Payload, RawDocument, RecordHints};
use std::collections::BTreeMap;
use std::io::{BufRead, Read};
use std::path::Path;

/// A record block larger than this is skipped rather than read into memory.
const MAX_BLOCK_BYTES: u64 = 64 * 1024 * 1024;

/// Reads every record of a WARC stream.
pub(crate) fn read(path: &Path, input: impl BufRead) -> Vec<Result<RawDocument, ReadError>> {
    let mut reader = input;
    let mut out = Vec::new();
    let mut skipped: BTreeMap<String, u64> = BTreeMap::new();
    let mut record_no = 0u64;
    let mut line = Vec::new();
    loop {
        // Find the version line, skipping the blank lines between records.
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(source) => {
                out.push(Err(io_error(path, source)));
                break;
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        record_no += 1;
        if !line.starts_with(b"WARC/") {
            out.push(Err(bad(path, record_no, "expected a `WARC/` version line")));
            break;
        }
        let headers = match read_headers(&mut reader) {
            Ok(headers) => headers,
            Err(source) => {
                out.push(Err(io_error(path, source)));
                break;
            }
        };
        let Some(length) = header(&headers, "content-length").and_then(|v| v.parse::<u64>().ok())
        else {
            out.push(Err(bad(path, record_no, "missing or bad Content-Length")));
            break;
        };
        let kind = header(&headers, "warc-type")
            .unwrap_or("unknown")
            .to_ascii_lowercase();
        if kind != "response" || length > MAX_BLOCK_BYTES {
            if let Err(source) =
                std::io::copy(&mut (&mut reader).take(length), &mut std::io::sink())
            {
                out.push(Err(io_error(path, source)));
                break;
            }
            *skipped.entry(kind).or_default() += 1;
            continue;
        }
        let mut block = Vec::with_capacity(length as usize);
        match (&mut reader).take(length).read_to_end(&mut block) {
            Ok(n) if n as u64 == length => {}
            Ok(_) => {
                out.push(Err(bad(path, record_no, "record cut short")));
                break;
            }
            Err(source) => {
                out.push(Err(io_error(path, source)));
                break;
            }
        }
        match response_document(path, record_no, &headers, block) {
            Some(doc) => out.push(Ok(doc)),
            None => *skipped.entry("non-HTML response".into()).or_default() += 1,
        }
    }
    if !skipped.is_empty() {
        out.push(Err(ReadError::SkippedRecords {
            path: path.to_path_buf(),
            count: skipped.values().sum(),
            kinds: skipped
                .iter()
                .map(|(k, n)| format!("{k}: {n}"))
                .collect::<Vec<_>>()
                .join(", "),
        }));
    }
    out
}

fn io_error(path: &Path, source: std::io::Error) -> ReadError {
    ReadError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn bad(path: &Path, record: u64, reason: &str) -> ReadError {
    ReadError::BadRecord {
        path: path.to_path_buf(),
        record,
        reason: reason.to_owned(),
    }
}

/// Reads `Name: value` lines up to the blank line; names are lower-cased.
fn read_headers(reader: &mut impl BufRead) -> std::io::Result<Vec<(String, String)>> {
    let mut headers = Vec::new();
    let mut line = Vec::new();
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            return Ok(headers);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            return Ok(headers);
        }
        if let Some((name, value)) = text.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Splits an HTTP response into its headers and body; `None` when the block is not an
/// HTTP response carrying HTML.
fn response_document(
    path: &Path,
    record_no: u64,
    warc_headers: &[(String, String)],
    block: Vec<u8>,
) -> Option<RawDocument> {
    let record_type = header(warc_headers, "content-type").unwrap_or("");
    let (http_headers, body) =
        if record_type.contains("application/http") || block.starts_with(b"HTTP/") {
            let end = find_header_end(&block)?;
            let head = String::from_utf8_lossy(&block[..end.0]).into_owned();
            let headers: Vec<(String, String)> = head
                .lines()
                .skip(1)
                .filter_map(|l| l.split_once(':'))
                .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
                .collect();
            (headers, block[end.1..].to_vec())
        } else {
            (Vec::new(), block)
        };
    let content_type = header(&http_headers, "content-type").unwrap_or(record_type);
    let lower = content_type.to_ascii_lowercase();
    let html_type = lower.contains("html");
    let sniffed = sniff_html(&body);
    if !(html_type || (lower.is_empty() && sniffed)) {
        return None;
    }
    let body = match header(&http_headers, "content-encoding") {
        Some(enc) if enc.eq_ignore_ascii_case("gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .read_to_end(&mut out)
                .ok()?;
            out
        }
        _ => body,
    };
    let declared_charset = lower
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'', ' ']).to_owned())
        .next();
    let url =
        header(warc_headers, "warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_owned());
    let published = header(&http_headers, "last-modified")
        .or_else(|| header(warc_headers, "warc-date"))
        .map(str::to_owned);
    Some(RawDocument {
        source: url
            .clone()
            .unwrap_or_else(|| format!("{}#{record_no}", path.display())),
        path: path.to_path_buf(),
        format: InputFormat::Warc,
        payload: Payload::Html {
            bytes: body,
            declared_charset,
        },
        hints: RecordHints {
            url,
            published,
            ..RecordHints::default()
        },
    })
}

/// Byte offsets of the end of the HTTP head and the start of the body.
fn find_header_end(block: &[u8]) -> Option<(usize, usize)> {
    if let Some(i) = block.windows(4).position(|w| w == b"\r\n\r\n") {
        return Some((i, i + 4));
    }
    block
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| (i, i + 2))
}

fn sniff_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

//! JSON Lines input: one article a line, `{url?, outlet?, published?, title?, text | html}`.

use crate::ReadError;
use parallax_core::{InputFormat, Payload, RawDocument, RecordHints};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Record {
    url: Option<String>,
    outlet: Option<String>,
    published: Option<String>,
    title: Option<String>,
    byline: Option<String>,
    text: Option<String>,
    html: Option<String>,
}

/// Reads every line of a JSONL file; a bad line is an `Err` naming its number.
pub(crate) fn read(path: &Path, bytes: &[u8]) -> Vec<Result<RawDocument, ReadError>> {
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let record_no = i as u64 + 1;
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let bad = |reason: String| ReadError::BadRecord {
            path: path.to_path_buf(),
            record: record_no,
            reason,
        };
        let record: Record = match serde_json::from_slice(line) {
            Ok(record) => record,
            Err(err) => {
                out.push(Err(bad(format!("not a JSON object: {err}"))));
                continue;
            }
        };
        let source = record
            .url
            .clone()
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| format!("{}#{record_no}", path.display()));
        let payload = match (record.text, record.html) {
            (Some(text), _) if !text.trim().is_empty() => Payload::Text(text),
            (_, Some(html)) if !html.trim().is_empty() => Payload::Html {
                bytes: html.into_bytes(),
                declared_charset: Some("utf-8".into()),
            },
            _ => {
                out.push(Err(bad("has neither `text` nor `html`".into())));
                continue;
            }
        };
        out.push(Ok(RawDocument {
            source,
            path: path.to_path_buf(),
            format: InputFormat::Jsonl,
            payload,
            hints: RecordHints {
                url: record.url,
                outlet: record.outlet,
                published: record.published,
                title: record.title,
                byline: record.byline,
            },
        }));
    }
    out
}

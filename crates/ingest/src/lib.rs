//! Readers: files on disk in, [`RawDocument`] values out.
//!
//! [`collect_inputs`] walks paths and folders and keeps the files a reader knows by
//! extension; [`read_file`] turns one file into documents (one for a page or dump, many
//! for a JSONL, WARC or feed file). A bad record is an `Err` item naming the file and the
//! reason; the records around it are still read.

mod error;
mod feed;
mod jsonl;
mod page;
mod warc;

pub use error::ReadError;
use parallax_core::{InputFormat, RawDocument};
use std::path::{Path, PathBuf};

/// The input kind a file name announces, if Parallax reads it.
pub fn format_of(path: &Path) -> Option<InputFormat> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    match ext {
        "txt" => Some(InputFormat::Text),
        "html" | "htm" | "xhtml" => Some(InputFormat::Html),
        "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
        "warc" => Some(InputFormat::Warc),
        "xml" | "rss" | "atom" => Some(InputFormat::Feed),
        _ => None,
    }
}

/// Walks `paths` (files or folders) and returns the readable files, sorted per folder so
/// runs are deterministic. Files named explicitly are kept even with an unknown extension
/// (they are then reported as unreadable by [`read_file`]).
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
            {
                if entry.file_type().is_file() && format_of(entry.path()).is_some() {
                    out.push(entry.into_path());
                }
            }
        } else {
            out.push(path.clone());
        }
    }
    out
}

/// Reads documents from bytes already in memory, as [`read_file`] would from a file of
/// `format` (the path only names the documents). Fuzz targets and tests use it.
pub fn read_bytes(
    path: &Path,
    format: InputFormat,
    bytes: Vec<u8>,
) -> Vec<Result<RawDocument, ReadError>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return vec![Err(ReadError::Empty {
            path: path.to_path_buf(),
        })];
    }
    match format {
        InputFormat::Text => vec![page::text_document(path, bytes)],
        InputFormat::Html => vec![page::html_document(path, bytes)],
        InputFormat::Jsonl => jsonl::read(path, &bytes),
        InputFormat::Feed => feed::read(path, &bytes),
        InputFormat::Warc => warc::read(path, std::io::Cursor::new(bytes)),
    }
}

/// Reads one file into documents. Errors for the whole file come back as a single `Err`;
/// errors for single records come back among the `Ok`s.
pub fn read_file(path: &Path) -> Vec<Result<RawDocument, ReadError>> {
    let Some(format) = format_of(path) else {
        return vec![Err(ReadError::UnknownFormat {
            path: path.to_path_buf(),
        })];
    };
    if format == InputFormat::Warc {
        return match page::open_maybe_gzipped(path) {
            Ok(reader) => warc::read(path, reader),
            Err(err) => vec![Err(err)],
        };
    }
    match page::read_maybe_gzipped(path) {
        Ok(bytes) => read_bytes(path, format, bytes),
        Err(err) => vec![Err(err)],
    }
}

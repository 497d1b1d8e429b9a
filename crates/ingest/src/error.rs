//! Why a file or record could not be read.

use parallax_core::InputFormat;
use std::path::PathBuf;

/// Why a file or one of its records could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{}: cannot read", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file's gzip stream is damaged or cut short.
    #[error("{}: bad or truncated gzip data", .path.display())]
    Gzip {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The file holds nothing but white space.
    #[error("{}: empty file", .path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file holds binary data, not text or markup.
    #[error("{}: binary data, not a text, HTML, JSONL, WARC or feed file", .path.display())]
    Binary {
        /// The file.
        path: PathBuf,
    },
    /// The extension names no format Parallax reads.
    #[error("{}: unknown file type (expected .txt, .html, .htm, .jsonl, .warc, .xml, optionally .gz)", .path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The format is known but this build cannot read it.
    #[error("{}: {format:?} input is not supported yet", .path.display())]
    Unsupported {
        /// The file.
        path: PathBuf,
        /// The format.
        format: InputFormat,
    },
    /// One record of a multi-record file is malformed.
    #[error("{}: record {record}: {reason}", .path.display())]
    BadRecord {
        /// The file.
        path: PathBuf,
        /// 1-based record number.
        record: u64,
        /// What is wrong with it.
        reason: String,
    },
    /// Records of a multi-record file that hold no article (WARC requests, metadata,
    /// non-HTML responses); reported once per file so the summary can say so.
    #[error("{}: skipped {count} records that hold no HTML page ({kinds})", .path.display())]
    SkippedRecords {
        /// The file.
        path: PathBuf,
        /// How many records were skipped.
        count: u64,
        /// Counts per record kind, e.g. `request: 3, metadata: 3`.
        kinds: String,
    },
}

//! Where Parallax results live: the JSONL export (a public contract, see
//! `docs/export.md`) written by [`write_export`].

mod export;

pub use export::{write_export, ExportCounts, StoreError};

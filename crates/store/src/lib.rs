//! Where Parallax results live:
//!
//! - the JSONL export (a public contract, see `docs/export.md`) written by
//!   [`write_export`];
//! - the SQLite data directory ([`save`] and [`load`]), which holds every stage's output
//!   of one run so the server can show it without analysing again;
//! - full-text [`search`] over that directory's articles and claims (SQLite FTS5).

mod db;
mod export;
mod search;

pub use db::{load, save, DbError, DB_FILE, SCHEMA_VERSION};
pub use export::{entity_key, write_export, ExportCounts, StoreError};
pub use search::{fts_query, search, HitKind, SearchHit, MATCH_END, MATCH_START};

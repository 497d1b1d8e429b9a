//! The SQLite data directory: every stage's output of one run, saved so that the server
//! (or a later run) can load it without analysing again.
//!
//! One file, `DIR/parallax.db`. Each core value is stored as JSON (serde, lossless) in a
//! row keyed by its position or id, with the columns that queries filter on (article
//! id, outlet, story) beside it. Saving replaces the file whole, inside one transaction.

use parallax_core::{
    Analysis, Article, ArticleId, Claim, Entity, EntityId, LocalEntityId, Mentions, Problem,
    Provenance, Quote, ReuseLink, Story, StoryAssignment, StorylineId,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};

/// The database file's name inside a data directory.
pub const DB_FILE: &str = "parallax.db";
/// Schema version written to `meta`; [`load`] refuses other versions.
pub const SCHEMA_VERSION: &str = "parallax-db/2";

/// Why a data directory could not be saved or loaded.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The directory or file could not be created or removed.
    #[error("cannot write {}", .path.display())]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// SQLite failed.
    #[error("database {}", .path.display())]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: rusqlite::Error,
    },
    /// A stored row does not decode.
    #[error("database {}: bad row in {table}", .path.display())]
    BadRow {
        /// The database file.
        path: PathBuf,
        /// The table.
        table: &'static str,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The directory holds no database, or one of another version.
    #[error("{}: not a Parallax data directory ({reason})", .path.display())]
    NotADataDir {
        /// The directory.
        path: PathBuf,
        /// What is missing or wrong.
        reason: String,
    },
}

const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (pos INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, outlet TEXT,
    published TEXT, title TEXT, json TEXT NOT NULL);
CREATE TABLE mentions (pos INTEGER PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE provenance (pos INTEGER PRIMARY KEY, article TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE quotes (pos INTEGER NOT NULL, n INTEGER NOT NULL, json TEXT NOT NULL,
    PRIMARY KEY (pos, n));
CREATE TABLE entities (id INTEGER PRIMARY KEY, name TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE entity_resolution (article TEXT NOT NULL, local INTEGER NOT NULL,
    entity INTEGER NOT NULL, PRIMARY KEY (article, local));
CREATE TABLE reuse (n INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL,
    json TEXT NOT NULL);
CREATE TABLE assignments (n INTEGER PRIMARY KEY, article TEXT NOT NULL, story INTEGER NOT NULL,
    json TEXT NOT NULL);
CREATE TABLE stories (id INTEGER PRIMARY KEY, title TEXT NOT NULL, json TEXT NOT NULL);
CREATE TABLE storylines (id INTEGER PRIMARY KEY, label TEXT NOT NULL);
CREATE TABLE claims (id INTEGER PRIMARY KEY, story INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX claims_story ON claims (story);
CREATE TABLE problems (n INTEGER PRIMARY KEY, json TEXT NOT NULL);
";

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).expect("core values serialise to JSON")
}

/// Saves `analysis` into `dir/parallax.db`, replacing any earlier database there.
pub fn save(dir: &Path, analysis: &Analysis) -> Result<PathBuf, DbError> {
    std::fs::create_dir_all(dir).map_err(|source| DbError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let path = dir.join(DB_FILE);
    // Write beside, then rename: a reader never sees half a database.
    let partial = dir.join(format!("{DB_FILE}.partial"));
    if partial.exists() {
        std::fs::remove_file(&partial).map_err(|source| DbError::Io {
            path: partial.clone(),
            source,
        })?;
    }
    let sql = |source| DbError::Sqlite {
        path: partial.clone(),
        source,
    };
    let mut conn = Connection::open(&partial).map_err(sql)?;
    conn.execute_batch(SCHEMA).map_err(sql)?;
    conn.execute_batch(crate::search::FTS_SCHEMA).map_err(sql)?;
    let tx = conn.transaction().map_err(sql)?;
    write_rows(&tx, analysis).map_err(sql)?;
    tx.commit().map_err(sql)?;
    drop(conn);
    std::fs::rename(&partial, &path).map_err(|source| DbError::Io {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

fn write_rows(tx: &rusqlite::Transaction<'_>, a: &Analysis) -> rusqlite::Result<()> {
    tx.execute("INSERT INTO meta VALUES ('schema', ?1)", [SCHEMA_VERSION])?;
    let mut stmt = tx.prepare("INSERT INTO articles VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for (pos, art) in a.articles.iter().enumerate() {
        stmt.execute(params![
            pos,
            art.id.to_string(),
            art.outlet,
            art.published.map(|d| d.to_string()),
            art.title,
            json(art)
        ])?;
    }
    let mut stmt =
        tx.prepare("INSERT INTO articles_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
    for (pos, art) in a.articles.iter().enumerate() {
        stmt.execute(params![pos, art.title, art.body])?;
    }
    let mut stmt = tx.prepare("INSERT INTO mentions VALUES (?1, ?2)")?;
    for (pos, m) in a.mentions.iter().enumerate() {
        stmt.execute(params![pos, json(m)])?;
    }
    let mut stmt = tx.prepare("INSERT INTO provenance VALUES (?1, ?2, ?3)")?;
    for (pos, p) in a.provenance.iter().enumerate() {
        stmt.execute(params![pos, p.article.to_string(), json(p)])?;
    }
    let mut stmt = tx.prepare("INSERT INTO quotes VALUES (?1, ?2, ?3)")?;
    for (pos, quotes) in a.quotes.iter().enumerate() {
        for (n, q) in quotes.iter().enumerate() {
            stmt.execute(params![pos, n, json(q)])?;
        }
    }
    let mut stmt = tx.prepare("INSERT INTO entities VALUES (?1, ?2, ?3)")?;
    for e in &a.entities.entities {
        stmt.execute(params![e.id.0, e.name, json(e)])?;
    }
    let mut stmt = tx.prepare("INSERT INTO entity_resolution VALUES (?1, ?2, ?3)")?;
    let mut resolved: Vec<_> = a.entities.resolved.iter().collect();
    resolved.sort_unstable_by_key(|((art, local), _)| (*art, *local));
    for ((art, local), entity) in resolved {
        stmt.execute(params![art.to_string(), local.0, entity.0])?;
    }
    let mut stmt = tx.prepare("INSERT INTO reuse VALUES (?1, ?2, ?3, ?4)")?;
    for (n, r) in a.reuse.iter().enumerate() {
        stmt.execute(params![
            n,
            r.source.to_string(),
            r.target.to_string(),
            json(r)
        ])?;
    }
    let mut stmt = tx.prepare("INSERT INTO assignments VALUES (?1, ?2, ?3, ?4)")?;
    for (n, s) in a.assignments.iter().enumerate() {
        stmt.execute(params![n, s.article.to_string(), s.story.0, json(s)])?;
    }
    let mut stmt = tx.prepare("INSERT INTO stories VALUES (?1, ?2, ?3)")?;
    for s in &a.stories {
        stmt.execute(params![s.id.0, s.title, json(s)])?;
    }
    let mut stmt = tx.prepare("INSERT INTO storylines VALUES (?1, ?2)")?;
    for (id, label) in &a.storylines {
        stmt.execute(params![id.0, label])?;
    }
    let mut stmt = tx.prepare("INSERT INTO claims VALUES (?1, ?2, ?3)")?;
    for c in &a.claims {
        stmt.execute(params![c.id.0, c.story.0, json(c)])?;
    }
    let mut stmt = tx.prepare("INSERT INTO claims_fts (rowid, text) VALUES (?1, ?2)")?;
    for c in &a.claims {
        stmt.execute(params![c.id.0, c.text])?;
    }
    let mut stmt = tx.prepare("INSERT INTO problems VALUES (?1, ?2)")?;
    for (n, p) in a.problems.iter().enumerate() {
        stmt.execute(params![n, json(p)])?;
    }
    Ok(())
}

/// Opens `dir/parallax.db` read-only, checking its schema version.
pub(crate) fn open(dir: &Path) -> Result<(Connection, PathBuf), DbError> {
    let path = dir.join(DB_FILE);
    if !path.is_file() {
        return Err(DbError::NotADataDir {
            path: dir.to_path_buf(),
            reason: format!(
                "no {DB_FILE}; run `parallax analyze --out {}` first",
                dir.display()
            ),
        });
    }
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    let conn = Connection::open_with_flags(&path, flags).map_err(|source| DbError::Sqlite {
        path: path.clone(),
        source,
    })?;
    let version: Option<String> = conn
        .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
            r.get(0)
        })
        .optional()
        .map_err(|source| DbError::Sqlite {
            path: path.clone(),
            source,
        })?;
    if version.as_deref() != Some(SCHEMA_VERSION) {
        return Err(DbError::NotADataDir {
            path: dir.to_path_buf(),
            reason: format!("schema {version:?}, expected {SCHEMA_VERSION}"),
        });
    }
    Ok((conn, path))
}

/// Reads the JSON column of every row of `sql`, in order.
fn rows<T: DeserializeOwned>(
    conn: &Connection,
    path: &Path,
    table: &'static str,
    sql: &str,
) -> Result<Vec<T>, DbError> {
    let sqlite = |source| DbError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let mut stmt = conn.prepare(sql).map_err(sqlite)?;
    let texts = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .map_err(sqlite)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(sqlite)?;
    texts
        .iter()
        .map(|t| {
            serde_json::from_str(t).map_err(|source| DbError::BadRow {
                path: path.to_path_buf(),
                table,
                source,
            })
        })
        .collect()
}

/// Loads the analysis saved in `dir` by [`save`].
pub fn load(dir: &Path) -> Result<Analysis, DbError> {
    let (conn, path) = open(dir)?;
    let p = path.as_path();
    let sqlite = |source| DbError::Sqlite {
        path: path.clone(),
        source,
    };
    let articles: Vec<Article> = rows(
        &conn,
        p,
        "articles",
        "SELECT json FROM articles ORDER BY pos",
    )?;
    let mentions: Vec<Mentions> = rows(
        &conn,
        p,
        "mentions",
        "SELECT json FROM mentions ORDER BY pos",
    )?;
    let provenance: Vec<Provenance> = rows(
        &conn,
        p,
        "provenance",
        "SELECT json FROM provenance ORDER BY pos",
    )?;
    let mut quotes: Vec<Vec<Quote>> = vec![Vec::new(); articles.len()];
    {
        let mut stmt = conn
            .prepare("SELECT pos, json FROM quotes ORDER BY pos, n")
            .map_err(sqlite)?;
        let all = stmt
            .query_map([], |r| Ok((r.get::<_, usize>(0)?, r.get::<_, String>(1)?)))
            .map_err(sqlite)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(sqlite)?;
        for (pos, text) in all {
            let quote: Quote = serde_json::from_str(&text).map_err(|source| DbError::BadRow {
                path: path.clone(),
                table: "quotes",
                source,
            })?;
            if let Some(list) = quotes.get_mut(pos) {
                list.push(quote);
            }
        }
    }
    let mut analysis = Analysis {
        entities: parallax_core::EntityTable {
            entities: rows::<Entity>(
                &conn,
                p,
                "entities",
                "SELECT json FROM entities ORDER BY id",
            )?,
            resolved: Default::default(),
        },
        reuse: rows::<ReuseLink>(&conn, p, "reuse", "SELECT json FROM reuse ORDER BY n")?,
        assignments: rows::<StoryAssignment>(
            &conn,
            p,
            "assignments",
            "SELECT json FROM assignments ORDER BY n",
        )?,
        stories: rows::<Story>(&conn, p, "stories", "SELECT json FROM stories ORDER BY id")?,
        claims: rows::<Claim>(&conn, p, "claims", "SELECT json FROM claims ORDER BY id")?,
        problems: rows::<Problem>(&conn, p, "problems", "SELECT json FROM problems ORDER BY n")?,
        articles,
        mentions,
        provenance,
        quotes,
        ..Analysis::default()
    };
    let mut stmt = conn
        .prepare("SELECT article, local, entity FROM entity_resolution")
        .map_err(sqlite)?;
    let resolved = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })
        .map_err(sqlite)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(sqlite)?;
    for (article, local, entity) in resolved {
        if let Some(id) = ArticleId::parse(&article) {
            analysis
                .entities
                .resolved
                .insert((id, LocalEntityId(local)), EntityId(entity));
        }
    }
    let mut stmt = conn
        .prepare("SELECT id, label FROM storylines ORDER BY id")
        .map_err(sqlite)?;
    analysis.storylines = stmt
        .query_map([], |r| Ok((StorylineId(r.get(0)?), r.get(1)?)))
        .map_err(sqlite)?
        .collect::<Result<Vec<_>, _>>()
        .map_err(sqlite)?;
    Ok(analysis)
}

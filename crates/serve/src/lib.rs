//! The HTTP API and the web page that set a story's coverage side by side.
//!
//! [`router`] serves an in-memory [`Analysis`] (usually loaded from a data directory
//! with `parallax_store::load`):
//!
//! - `GET /api/stories[?offset=&limit=&min_articles=]`: stories with their outlets and
//!   claim counts, most covered first;
//! - `GET /api/stories/:id`: one story with its articles (bodies and provenance), claims
//!   (with the text of every evidence span) and quotes;
//! - `GET /api/claims?story=ID`: claims of one story, or all;
//! - `GET /api/search?q=WORDS`: full-text search over claims and articles (needs the
//!   data directory: [`router_for_dir`]);
//! - `GET /api/speakers[?q=NAME]`: the quoted entities, most quoted first;
//! - `GET /api/speakers/:id`: who said what: every quote of one entity, grouped by outlet;
//! - `GET /`: the web page (HTML, CSS and JS embedded in the binary; no CDN).
//!
//! [`serve_dir`] loads a data directory and serves it until the process ends.

mod speakers;
mod views;

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use parallax_core::Analysis;
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use speakers::parse_entity_key;
pub use views::{parse_story_key, story_key, Catalog};

const INDEX_HTML: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
const CHARTS_JS: &str = include_str!("../web/charts.js");
const SPEAKERS_JS: &str = include_str!("../web/speakers.js");
const STYLE_CSS: &str = include_str!("../web/style.css");

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The data directory could not be loaded.
    #[error("loading the data directory")]
    Load(#[from] parallax_store::DbError),
    /// The address could not be bound or the server failed.
    #[error("serving on {addr}")]
    Io {
        /// The address.
        addr: SocketAddr,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
}

/// What every handler shares: the analysis, and the data directory it came from
/// (searched with FTS5) when there is one.
struct App {
    catalog: Catalog,
    data_dir: Option<PathBuf>,
}

type Shared = Arc<App>;

/// The API and page routes over `analysis`; `/api/search` answers 404 (no data directory).
pub fn router(analysis: Analysis) -> Router {
    routes(App {
        catalog: Catalog::new(analysis),
        data_dir: None,
    })
}

/// Loads the data directory `dir` and routes over it, search included.
pub fn router_for_dir(dir: &Path) -> Result<Router, ServeError> {
    let analysis = parallax_store::load(dir)?;
    Ok(routes(App {
        catalog: Catalog::new(analysis),
        data_dir: Some(dir.to_path_buf()),
    }))
}

fn routes(app: App) -> Router {
    let shared: Shared = Arc::new(app);
    Router::new()
        .route(
            "/",
            get(|| async { static_file(INDEX_HTML, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { static_file(APP_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/charts.js",
            get(|| async { static_file(CHARTS_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/speakers.js",
            get(|| async { static_file(SPEAKERS_JS, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/style.css",
            get(|| async { static_file(STYLE_CSS, "text/css; charset=utf-8") }),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/api/stories", get(stories))
        .route("/api/stories/:id", get(story))
        .route("/api/claims", get(claims))
        .route("/api/search", get(search))
        .route("/api/speakers", get(speakers))
        .route("/api/speakers/:id", get(speaker))
        .with_state(shared)
}

fn static_file(body: &'static str, kind: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

fn not_found(what: String) -> Response {
    (StatusCode::NOT_FOUND, Json(json!({ "error": what }))).into_response()
}

/// Query of `/api/stories`: paging and a floor on story size.
#[derive(Deserialize)]
struct StoriesQuery {
    offset: Option<usize>,
    limit: Option<usize>,
    min_articles: Option<usize>,
}

async fn stories(State(app): State<Shared>, Query(q): Query<StoriesQuery>) -> Response {
    let list = app.catalog.stories();
    let min = q.min_articles.unwrap_or(0);
    let page: Vec<serde_json::Value> = list
        .as_array()
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|s| s["articles"].as_u64().unwrap_or(0) as usize >= min)
        .skip(q.offset.unwrap_or(0))
        .take(q.limit.unwrap_or(usize::MAX))
        .cloned()
        .collect();
    Json(page).into_response()
}

async fn story(State(app): State<Shared>, UrlPath(id): UrlPath<String>) -> Response {
    match parse_story_key(&id).and_then(|s| app.catalog.story_detail(s)) {
        Some(detail) => Json(detail).into_response(),
        None => not_found(format!("no story {id}")),
    }
}

/// Query of `/api/claims`.
#[derive(Deserialize)]
struct ClaimsQuery {
    story: Option<String>,
}

async fn claims(State(app): State<Shared>, Query(q): Query<ClaimsQuery>) -> Response {
    match q.story.as_deref().filter(|s| !s.is_empty()) {
        None => Json(app.catalog.claims(None)).into_response(),
        Some(key) => match parse_story_key(key) {
            Some(id) => Json(app.catalog.claims(Some(id))).into_response(),
            None => not_found(format!("no story {key}")),
        },
    }
}

/// Query of `/api/speakers`.
#[derive(Deserialize)]
struct SpeakersQuery {
    q: Option<String>,
}

async fn speakers(State(app): State<Shared>, Query(q): Query<SpeakersQuery>) -> Response {
    Json(app.catalog.speakers(q.q.as_deref())).into_response()
}

async fn speaker(State(app): State<Shared>, UrlPath(id): UrlPath<String>) -> Response {
    match parse_entity_key(&id).and_then(|e| app.catalog.speaker(e)) {
        Some(detail) => Json(detail).into_response(),
        None => not_found(format!("no speaker {id}")),
    }
}

/// Query of `/api/search`.
#[derive(Deserialize)]
struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(State(app): State<Shared>, Query(q): Query<SearchQuery>) -> Response {
    let Some(dir) = app.data_dir.clone() else {
        return not_found("search needs a data directory".into());
    };
    let text = q.q.unwrap_or_default();
    let limit = q.limit.unwrap_or(20).clamp(1, 200);
    let found =
        tokio::task::spawn_blocking(move || parallax_store::search(&dir, &text, limit)).await;
    match found {
        Ok(Ok(hits)) => Json(hits).into_response(),
        Ok(Err(err)) => server_error(&err),
        Err(err) => server_error(&err),
    }
}

fn server_error(err: &dyn std::error::Error) -> Response {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        Json(json!({ "error": text })),
    )
        .into_response()
}

/// Loads the data directory `dir` and serves it on `addr` until the process ends.
pub fn serve_dir(dir: &Path, addr: SocketAddr) -> Result<(), ServeError> {
    let app = router_for_dir(dir)?;
    let io = |source| ServeError::Io { addr, source };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(io)?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await.map_err(io)?;
        eprintln!("parallax: serving {} on http://{addr}/", dir.display());
        axum::serve(listener, app).await.map_err(io)
    })
}

//! The HTTP API and the web page that set a story's coverage side by side.
//!
//! [`router`] serves an in-memory [`Analysis`] (usually loaded from a data directory
//! with `parallax_store::load`):
//!
//! - `GET /api/stories`: stories with their outlets and claim counts;
//! - `GET /api/stories/:id`: one story with its articles (bodies and provenance), claims
//!   (with the text of every evidence span) and quotes;
//! - `GET /api/claims?story=ID`: claims of one story, or all;
//! - `GET /`: the web page (HTML, CSS and JS embedded in the binary; no CDN).
//!
//! [`serve_dir`] loads a data directory and serves it until the process ends.

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
use std::path::Path;
use std::sync::Arc;

pub use views::{parse_story_key, story_key, Catalog};

const INDEX_HTML: &str = include_str!("../web/index.html");
const APP_JS: &str = include_str!("../web/app.js");
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

type Shared = Arc<Catalog>;

/// The API and page routes over `analysis`.
pub fn router(analysis: Analysis) -> Router {
    let catalog: Shared = Arc::new(Catalog::new(analysis));
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
            "/style.css",
            get(|| async { static_file(STYLE_CSS, "text/css; charset=utf-8") }),
        )
        .route("/api/stories", get(stories))
        .route("/api/stories/:id", get(story))
        .route("/api/claims", get(claims))
        .with_state(catalog)
}

fn static_file(body: &'static str, kind: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

fn not_found(what: String) -> Response {
    (StatusCode::NOT_FOUND, Json(json!({ "error": what }))).into_response()
}

async fn stories(State(catalog): State<Shared>) -> Response {
    Json(catalog.stories()).into_response()
}

async fn story(State(catalog): State<Shared>, UrlPath(id): UrlPath<String>) -> Response {
    match parse_story_key(&id).and_then(|s| catalog.story_detail(s)) {
        Some(detail) => Json(detail).into_response(),
        None => not_found(format!("no story {id}")),
    }
}

/// Query of `/api/claims`.
#[derive(Deserialize)]
struct ClaimsQuery {
    story: Option<String>,
}

async fn claims(State(catalog): State<Shared>, Query(q): Query<ClaimsQuery>) -> Response {
    match q.story.as_deref().filter(|s| !s.is_empty()) {
        None => Json(catalog.claims(None)).into_response(),
        Some(key) => match parse_story_key(key) {
            Some(id) => Json(catalog.claims(Some(id))).into_response(),
            None => not_found(format!("no story {key}")),
        },
    }
}

/// Loads the data directory `dir` and serves it on `addr` until the process ends.
pub fn serve_dir(dir: &Path, addr: SocketAddr) -> Result<(), ServeError> {
    let analysis = parallax_store::load(dir)?;
    let app = router(analysis);
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

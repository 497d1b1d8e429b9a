//! Runs the stages in order: read → extract → language → quotes (parallel, per article),
//! then entity resolution, reuse, stories (online, in time order) and claims (per corpus).
//!
//! Entry points: [`analyze_paths`] for files and folders, [`analyze_documents`] for
//! documents already read. Progress goes to an [`Observer`] so the caller decides how to
//! show it; problems with single documents land in [`Analysis::problems`] and never stop
//! the run.

mod semantic;

pub use semantic::MiniLm;

use parallax_core::{Analysis, Article, Mentions, Problem, RawDocument};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

/// Receives progress events; the CLI draws them as progress bars.
pub trait Observer: Sync {
    /// A stage starts, with the number of items it will process.
    fn stage(&self, name: &'static str, total: u64);
    /// `n` more items of the current stage are done.
    fn advance(&self, n: u64);
}

/// An observer that shows nothing.
pub struct Silent;

impl Observer for Silent {
    fn stage(&self, _: &'static str, _: u64) {}
    fn advance(&self, _: u64) {}
}

/// Choices for one run beyond the input paths.
#[derive(Clone, Default)]
pub struct Options {
    /// CSV files of `outlet,owner` rows that extend the built-in ownership table. An
    /// `owners.csv` at the top of an input folder is read as well.
    pub owners_files: Vec<PathBuf>,
    /// The learned attribution model (`parallax_quotes::tagger`, trained by
    /// `bench/polnear`); `None` runs the rule-based quote finder, the default.
    pub attribution_model: Option<Arc<parallax_quotes::tagger::Model>>,
    /// A sentence encoder (such as [`MiniLm`]) that lets claims worded apart
    /// meet; `None` aligns claims on their words alone, the default.
    pub sentence_model: Option<Arc<dyn parallax_claims::semantic::SentenceEncoder>>,
    /// MiniLM for an attribution model trained with its token states (a model with a
    /// probe); such a model refuses to run without it (see [`Options::check`]).
    pub token_model: Option<Arc<MiniLm>>,
}

impl Options {
    /// Why these options cannot run, if they cannot: an attribution model that reads
    /// MiniLM token states needs the MiniLM model.
    pub fn check(&self) -> Result<(), &'static str> {
        match &self.attribution_model {
            Some(model) if model.probe.is_some() && self.token_model.is_none() => Err(
                "this attribution model was trained with MiniLM token states; give the MiniLM model too",
            ),
            _ => Ok(()),
        }
    }
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("owners_files", &self.owners_files)
            .field("attribution_model", &self.attribution_model.is_some())
            .field("sentence_model", &self.sentence_model.is_some())
            .field("token_model", &self.token_model.is_some())
            .finish()
    }
}

/// Reads every file under `paths` and analyses the documents.
pub fn analyze_paths(paths: &[PathBuf], observer: &dyn Observer) -> Analysis {
    analyze_paths_with(paths, &Options::default(), observer)
}

/// Like [`analyze_paths`], with [`Options`].
pub fn analyze_paths_with(
    paths: &[PathBuf],
    options: &Options,
    observer: &dyn Observer,
) -> Analysis {
    let mut problems = Vec::new();
    let owners_files = options.owners_files.iter().cloned().chain(
        paths
            .iter()
            .map(|p| p.join("owners.csv"))
            .filter(|p| p.is_file()),
    );
    let mut owners = Vec::new();
    for file in owners_files {
        match std::fs::read_to_string(&file) {
            Ok(text) => owners.extend(parallax_claims::sources::parse_owners(&text)),
            Err(err) => problems.push(Problem {
                source: file.display().to_string(),
                reason: format!("cannot read the ownership table: {err}"),
            }),
        }
    }
    owners.sort();
    let files = parallax_ingest::collect_inputs(paths);
    observer.stage("read", files.len() as u64);
    let per_file: Vec<_> = files
        .par_iter()
        .map(|path| {
            let docs = parallax_ingest::read_file(path);
            observer.advance(1);
            docs
        })
        .collect();
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    for (path, results) in files.iter().zip(per_file) {
        for result in results {
            match result {
                Ok(doc) => docs.push(doc),
                Err(err @ parallax_ingest::ReadError::SkippedRecords { .. }) => {
                    skipped.push(Problem {
                        source: path.display().to_string(),
                        reason: error_chain(&err),
                    })
                }
                Err(err) => problems.push(Problem {
                    source: path.display().to_string(),
                    reason: error_chain(&err),
                }),
            }
        }
    }
    let mut analysis = analyze_documents_with(docs, owners, options, observer);
    problems.append(&mut analysis.problems);
    analysis.problems = problems;
    skipped.append(&mut analysis.skipped);
    analysis.skipped = skipped;
    analysis
}

/// Analyses documents already read, in their given order.
pub fn analyze_documents(docs: Vec<RawDocument>, observer: &dyn Observer) -> Analysis {
    analyze_documents_with(docs, Vec::new(), &Options::default(), observer)
}

/// Like [`analyze_documents`], with extra `outlet → owner` rows for the claims stage and
/// the quote finder `options` choose (`owners_files` are read by [`analyze_paths_with`]).
pub fn analyze_documents_with(
    docs: Vec<RawDocument>,
    owners: Vec<(String, String)>,
    options: &Options,
    observer: &dyn Observer,
) -> Analysis {
    let mut analysis = Analysis {
        owners,
        ..Analysis::default()
    };

    observer.stage("extract", docs.len() as u64);
    let extracted: Vec<_> = docs
        .par_iter()
        .map(|doc| {
            let out = parallax_extract::extract(doc);
            observer.advance(1);
            out
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    for (doc, result) in docs.iter().zip(extracted) {
        match result {
            Ok(extracted) => {
                for warning in extracted.warnings {
                    tracing::debug!(source = %doc.source, "{warning}");
                }
                // The same file named twice gives the same id; keep it once.
                if seen.insert(extracted.article.id) {
                    analysis.articles.push(extracted.article);
                }
            }
            Err(err) => analysis.problems.push(Problem {
                source: doc.source.clone(),
                reason: error_chain(&err),
            }),
        }
    }
    drop(docs);
    parallax_extract::strip_shared_template(&mut analysis.articles);
    sort_for_stream(&mut analysis.articles);

    observer.stage("language + quotes", analysis.articles.len() as u64);
    let per_article: Vec<_> = analysis
        .articles
        .par_iter()
        .map(|article| {
            if !in_english(article) {
                observer.advance(1);
                return (Mentions::default(), Vec::new());
            }
            let mentions = parallax_language::analyze(article);
            let quotes = match &options.attribution_model {
                Some(model) => {
                    let states = match (&model.probe, &options.token_model) {
                        (Some(probe), Some(minilm)) => minilm
                            .token_states_of_layers(article, &mentions, probe.layers())
                            .map_err(
                                |e| tracing::warn!(source = %article.source, "token states: {e}"),
                            )
                            .ok(),
                        _ => None,
                    };
                    parallax_quotes::tagger::find_quotes_tagged_with_states(
                        article,
                        &mentions,
                        model,
                        states.as_ref(),
                    )
                }
                None => parallax_quotes::find_quotes(article, &mentions),
            };
            observer.advance(1);
            (mentions, quotes)
        })
        .collect();
    (analysis.mentions, analysis.quotes) = per_article.into_iter().unzip();
    if let Some(note) = not_english_note(&analysis.articles) {
        analysis.skipped.push(note);
    }
    analysis.entities = parallax_language::resolve_entities(&analysis.articles, &analysis.mentions);

    observer.stage("reuse", analysis.articles.len() as u64);
    (analysis.reuse, analysis.provenance) = parallax_reuse::detect_reuse(&analysis.articles);
    observer.advance(analysis.articles.len() as u64);

    observer.stage("stories", analysis.articles.len() as u64);
    (analysis.assignments, analysis.stories) =
        parallax_stories::cluster(&analysis.articles, &analysis.mentions);
    observer.advance(analysis.articles.len() as u64);

    observer.stage("claims", analysis.stories.len() as u64);
    analysis.claims =
        parallax_claims::align_claims_with(&analysis, options.sentence_model.as_deref());
    observer.advance(analysis.stories.len() as u64);
    analysis
}

/// False for an article whose body is, reliably, in another language than English: the
/// language and quotes rules (names, titles, cue verbs) are English, and on German or
/// Russian text they make entities of capitalised nouns and quotes without speakers.
/// A declared language alone does not decide (templates declare wrongly); the body's
/// own detection must agree.
fn in_english(article: &Article) -> bool {
    match article.language.as_deref() {
        None | Some("en") => true,
        Some(_) => parallax_extract::language::detect(&article.body)
            .is_none_or(|detected| detected == "en"),
    }
}

/// The run's note on articles the English rules left alone, by language.
fn not_english_note(articles: &[Article]) -> Option<Problem> {
    let mut by_language: std::collections::BTreeMap<&str, usize> = Default::default();
    for article in articles.iter().filter(|a| !in_english(a)) {
        *by_language
            .entry(article.language.as_deref().unwrap_or("?"))
            .or_default() += 1;
    }
    let total: usize = by_language.values().sum();
    if total == 0 {
        return None;
    }
    let languages: Vec<String> = by_language
        .iter()
        .map(|(lang, n)| format!("{lang}: {n}"))
        .collect();
    Some(Problem {
        source: "language".into(),
        reason: format!(
            "{total} {} not in English ({}): in stories, reuse and claims, \
             but no entities or quotes (those rules read English only)",
            if total == 1 {
                "article is"
            } else {
                "articles are"
            },
            languages.join(", ")
        ),
    })
}

/// Orders articles as a stream: dated ones by date, undated ones keep their input
/// position relative to each other. The sort is stable so runs are deterministic.
fn sort_for_stream(articles: &mut [Article]) {
    // Undated articles inherit the date of the last dated article before them, so they
    // stay where the input put them in the stream.
    let mut last = None;
    let keys: Vec<_> = articles
        .iter()
        .map(|a| {
            if a.published.is_some() {
                last = a.published;
            }
            a.published.or(last)
        })
        .collect();
    let mut order: Vec<usize> = (0..articles.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    let sorted: Vec<Article> = order.iter().map(|&i| articles[i].clone()).collect();
    articles.clone_from_slice(&sorted);
}

/// Renders an error and its causes on one line.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Sets the number of worker threads for all parallel stages; call before any run.
pub fn set_threads(threads: usize) -> Result<(), rayon::ThreadPoolBuildError> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()
}

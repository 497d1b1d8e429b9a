//! A probe over contextual token states (e.g. some layers of a small BERT, concatenated, given
//! per token by the caller; [`Probe::layers`] records which), linear or with one hidden layer
//! ([`super::mlp`]): per token, logistic scores that it opens or closes a Content,
//! Source or Cue, or lies inside one. The edge ranker and the source chooser read these
//! scores, bucketed, as features. The states themselves never enter the model file, only the
//! probe's weights; this crate never runs the encoder.

/// What the probe scores per token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// First token of a Content.
    ContentFirst = 0,
    /// Last token of a Content.
    ContentLast = 1,
    /// First token of a Source.
    SourceFirst = 2,
    /// Last token of a Source.
    SourceLast = 3,
    /// First token of a Cue.
    CueFirst = 4,
    /// Last token of a Cue.
    CueLast = 5,
    /// Inside a Content.
    InContent = 6,
    /// Inside a Source.
    InSource = 7,
    /// Inside a Cue.
    InCue = 8,
}

/// Number of [`Target`]s.
pub const TARGETS: usize = 9;

/// Contextual states of one article's tokens: `dim` numbers per token, row after row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TokenStates {
    /// Width of a row.
    pub dim: usize,
    /// One row per token (a token the encoder did not reach has a row of zeros).
    pub rows: Vec<f32>,
}

impl TokenStates {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.rows.len().checked_div(self.dim).unwrap_or(0)
    }

    /// True without rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row of token `k`.
    pub fn row(&self, k: usize) -> &[f32] {
        self.rows
            .get(k * self.dim..(k + 1) * self.dim)
            .unwrap_or(&[])
    }
}

/// Trained probe: per target, a weight per state dimension of the token and of its
/// `window` neighbours on each side, and a bias, over states standardised with the training
/// states' means and deviations.
#[derive(Clone, Debug, PartialEq)]
pub struct Probe {
    pub(super) dim: usize,
    pub(super) window: usize,
    /// Encoder layers whose states, concatenated in this order, make a row (empty: the
    /// last layer alone, as every probe before this field read).
    pub(super) layers: Vec<usize>,
    pub(super) mean: Vec<f32>,
    pub(super) scale: Vec<f32>,
    /// Hidden units of a one-hidden-layer probe (0: the probe is linear in the states).
    pub(super) hidden: usize,
    /// `hidden` rows of `width() + 1` (bias last), read through a ReLU.
    pub(super) hidden_weights: Vec<f32>,
    /// `TARGETS` rows of `inner() + 1` (bias last).
    pub(super) weights: Vec<f32>,
}

impl Probe {
    /// Width of the states this probe reads.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Encoder layers whose states, concatenated in this order, the probe reads (0 the
    /// embeddings; empty means the encoder's last layer alone).
    pub fn layers(&self) -> &[usize] {
        &self.layers
    }

    /// The same probe, reading the states of `layers` (see [`Probe::layers`]).
    pub fn with_layers(mut self, layers: Vec<usize>) -> Probe {
        self.layers = layers;
        self
    }

    /// Inputs per token: the states of the token and its neighbours.
    pub(super) fn width(&self) -> usize {
        (2 * self.window + 1) * self.dim
    }

    /// What the output weights read: the hidden units, or the inputs of a linear probe.
    pub(super) fn inner(&self) -> usize {
        if self.hidden > 0 {
            self.hidden
        } else {
            self.width()
        }
    }

    /// The hidden units' values for input `x` (ReLU).
    pub(super) fn hide(&self, x: &[f32], h: &mut [f32]) {
        let w = self.width() + 1;
        for (j, v) in h.iter_mut().enumerate() {
            *v = dot(&self.hidden_weights[j * w..(j + 1) * w], x).max(0.0);
        }
    }

    /// Logits of every target for every token; empty when the states' width is not the
    /// probe's.
    pub fn logits(&self, states: &TokenStates) -> Vec<[f32; TARGETS]> {
        if states.dim != self.dim {
            return Vec::new();
        }
        let mut x = vec![0.0f32; self.width()];
        let mut h = vec![0.0f32; self.hidden];
        let w = self.inner() + 1;
        (0..states.len())
            .map(|k| {
                self.input(states, k, &mut x);
                let read = if self.hidden > 0 {
                    self.hide(&x, &mut h);
                    &h
                } else {
                    &x
                };
                let mut out = [0.0; TARGETS];
                for (t, o) in out.iter_mut().enumerate() {
                    *o = dot(&self.weights[t * w..(t + 1) * w], read);
                }
                out
            })
            .collect()
    }

    /// The standardised states of token `k` and its neighbours (zeros past the edges).
    pub(super) fn input(&self, states: &TokenStates, k: usize, x: &mut [f32]) {
        for (j, part) in x.chunks_mut(self.dim.max(1)).enumerate() {
            let at = (k + j).checked_sub(self.window);
            let row = at.filter(|&a| a < states.len()).map(|a| states.row(a));
            for (i, v) in part.iter_mut().enumerate() {
                *v = match row {
                    Some(r) => (r.get(i).copied().unwrap_or(0.0) - self.mean[i]) * self.scale[i],
                    None => 0.0,
                };
            }
        }
    }

    /// `PXPRB2`, the width, the window, the hidden units, the number of layers and the
    /// layers (u32 each), then means, scales, hidden and output weights as little-endian f32.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = b"PXPRB2".to_vec();
        let header = [self.dim, self.window, self.hidden, self.layers.len()];
        for v in header.iter().chain(&self.layers) {
            out.extend_from_slice(&(*v as u32).to_le_bytes());
        }
        let floats = self.mean.iter().chain(&self.scale);
        for v in floats.chain(&self.hidden_weights).chain(&self.weights) {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out
    }

    /// Reads what [`Probe::to_bytes`] wrote, and the `PXPRB1` probes written before the
    /// layers were recorded (they read the last layer); `None` when the bytes are not a probe.
    pub fn from_bytes(bytes: &[u8]) -> Option<Probe> {
        let (rest, with_layers) = match bytes.strip_prefix(b"PXPRB2") {
            Some(rest) => (rest, true),
            None => (bytes.strip_prefix(b"PXPRB1")?, false),
        };
        let u32_at = |k: usize| -> Option<usize> {
            Some(u32::from_le_bytes(rest.get(4 * k..4 * k + 4)?.try_into().ok()?) as usize)
        };
        let (dim, window) = (u32_at(0)?, u32_at(1)?);
        let (hidden, count) = if with_layers {
            (u32_at(2)?, u32_at(3)?)
        } else {
            (0, 0)
        };
        if count > 64 || window > 8 || hidden > 4096 {
            return None;
        }
        let layers = (0..count)
            .map(|k| u32_at(4 + k))
            .collect::<Option<Vec<_>>>()?;
        let start = 4 * (2 + 2 * usize::from(with_layers) + count);
        let body = rest.get(start..)?;
        let floats: Vec<f32> = body
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let width = (2 * window + 1) * dim;
        let inner = if hidden > 0 { hidden } else { width };
        let hidden_len = hidden * (width + 1);
        if body.len() % 4 != 0 || floats.len() != 2 * dim + hidden_len + TARGETS * (inner + 1) {
            return None;
        }
        Some(Probe {
            dim,
            window,
            layers,
            mean: floats[..dim].to_vec(),
            scale: floats[dim..2 * dim].to_vec(),
            hidden,
            hidden_weights: floats[2 * dim..2 * dim + hidden_len].to_vec(),
            weights: floats[2 * dim + hidden_len..].to_vec(),
        })
    }
}

pub(super) fn dot(w: &[f32], x: &[f32]) -> f32 {
    // The last weight is the bias.
    let (b, w) = w.split_last().map_or((0.0, w), |(b, w)| (*b, w));
    w.iter().zip(x).map(|(a, b)| a * b).sum::<f32>() + b
}

/// One article for [`train_probe`]: its states and, per token, which targets hold.
pub struct Example<'a> {
    /// The states.
    pub states: &'a TokenStates,
    /// Per token, the targets that hold there.
    pub gold: &'a [[bool; TARGETS]],
}

/// Trains a probe by logistic regression with stochastic gradient steps over the articles'
/// tokens in order, `epochs` times, with a learning rate that shrinks each epoch; the result
/// is the average of the weights over the last epoch. Each token is read with `window`
/// neighbours on each side. Deterministic.
pub fn train_probe(examples: &[Example<'_>], dim: usize, window: usize, epochs: usize) -> Probe {
    let (mean, scale) = standardise(examples, dim);
    let mut probe = Probe {
        dim,
        window,
        layers: Vec::new(),
        mean,
        scale,
        hidden: 0,
        hidden_weights: Vec::new(),
        weights: vec![0.0; TARGETS * ((2 * window + 1) * dim + 1)],
    };
    let width = probe.width();
    let mut average = vec![0.0f64; probe.weights.len()];
    let mut x = vec![0.0f32; width];
    let mut seen = 0usize;
    for epoch in 0..epochs {
        let rate = 0.02 / (1.0 + epoch as f32);
        let last = epoch + 1 == epochs;
        for e in examples.iter().filter(|e| e.states.dim == dim) {
            for (k, gold) in e.gold.iter().enumerate().take(e.states.len()) {
                probe.input(e.states, k, &mut x);
                for (t, &y) in gold.iter().enumerate() {
                    let w = &mut probe.weights[t * (width + 1)..(t + 1) * (width + 1)];
                    let p = 1.0 / (1.0 + (-dot(w, &x)).exp());
                    let g = rate * (f32::from(u8::from(y)) - p);
                    for (wi, xi) in w.iter_mut().zip(&x) {
                        *wi += g * xi;
                    }
                    w[width] += g;
                }
                if last {
                    seen += 1;
                    for (a, w) in average.iter_mut().zip(&probe.weights) {
                        *a += f64::from(*w);
                    }
                }
            }
        }
    }
    if seen > 0 {
        for (w, a) in probe.weights.iter_mut().zip(&average) {
            *w = (a / seen as f64) as f32;
        }
    }
    probe
}

/// Means and inverse deviations of every state dimension over the examples' tokens.
pub(super) fn standardise(examples: &[Example<'_>], dim: usize) -> (Vec<f32>, Vec<f32>) {
    let (mut mean, mut sq) = (vec![0.0f64; dim], vec![0.0f64; dim]);
    let mut n = 0usize;
    for e in examples.iter().filter(|e| e.states.dim == dim) {
        for k in 0..e.states.len() {
            for (i, &v) in e.states.row(k).iter().enumerate() {
                mean[i] += f64::from(v);
                sq[i] += f64::from(v) * f64::from(v);
            }
            n += 1;
        }
    }
    let count = n.max(1) as f64;
    let mean: Vec<f32> = mean.iter().map(|m| (m / count) as f32).collect();
    let scale: Vec<f32> = sq
        .iter()
        .zip(&mean)
        .map(|(s, &m)| {
            let var = s / count - f64::from(m) * f64::from(m);
            (1.0 / var.max(1e-6).sqrt()) as f32
        })
        .collect();
    (mean, scale)
}

/// A logit in a few named steps, for hashed features.
pub fn bucket(logit: f32) -> &'static str {
    const STEPS: [(f32, &str); 8] = [
        (-6.0, "<-6"),
        (-4.0, "<-4"),
        (-2.5, "<-2.5"),
        (-1.5, "<-1.5"),
        (-0.5, "<-0.5"),
        (0.5, "<0.5"),
        (2.0, "<2"),
        (f32::INFINITY, ">2"),
    ];
    STEPS
        .iter()
        .find(|(t, _)| logit < *t)
        .map_or("nan", |s| s.1)
}

/// Adds the probe's bucketed logits as tagger features: every target at the token and at
/// its two neighbours.
pub fn add_probe_features(feats: &mut [Vec<usize>], logits: &[[f32; TARGETS]]) {
    if logits.len() != feats.len() {
        return;
    }
    let at = |k: isize, t: usize| {
        usize::try_from(k)
            .ok()
            .and_then(|k| logits.get(k))
            .map_or("edge", |r| bucket(r[t]))
    };
    for (k, f) in feats.iter_mut().enumerate() {
        let k = k as isize;
        for t in 0..TARGETS {
            let name = [b'0' + t as u8];
            let name = std::str::from_utf8(&name).unwrap_or("?");
            f.extend([
                super::features::fnv(200, &[name, at(k, t)]),
                super::features::fnv(201, &[name, at(k - 1, t)]),
                super::features::fnv(202, &[name, at(k + 1, t)]),
            ]);
        }
    }
}

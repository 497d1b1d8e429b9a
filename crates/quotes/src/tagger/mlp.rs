//! A probe with one hidden layer: the same targets as the linear [`super::probe`], read
//! through `hidden` ReLU units shared by all targets, trained by stochastic gradient steps on
//! the summed logistic losses. Deterministic: the starting weights come from a fixed-seed
//! generator and the tokens are read in order.

use super::probe::{dot, standardise, Example, Probe, TARGETS};

/// Trains a one-hidden-layer probe over `window` neighbours each side, `epochs` passes with a
/// shrinking learning rate; the output is the average of the weights sampled through the
/// last pass.
pub fn train_mlp_probe(
    examples: &[Example<'_>],
    dim: usize,
    window: usize,
    hidden: usize,
    epochs: usize,
) -> Probe {
    let (mean, scale) = standardise(examples, dim);
    let width = (2 * window + 1) * dim;
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut uniform = |bound: f32| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        ((rng >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0) * bound
    };
    let bound_in = (6.0 / (width + hidden) as f32).sqrt();
    let mut hidden_weights = vec![0.0f32; hidden * (width + 1)];
    for (i, w) in hidden_weights.iter_mut().enumerate() {
        if i % (width + 1) != width {
            *w = uniform(bound_in);
        }
    }
    let bound_out = (6.0 / (hidden + TARGETS) as f32).sqrt();
    let mut weights = vec![0.0f32; TARGETS * (hidden + 1)];
    for (i, w) in weights.iter_mut().enumerate() {
        if i % (hidden + 1) != hidden {
            *w = uniform(bound_out);
        }
    }
    let mut probe = Probe {
        dim,
        window,
        layers: Vec::new(),
        mean,
        scale,
        hidden,
        hidden_weights,
        weights,
    };
    // The average over the last pass, sampled every `EVERY` tokens (averaging at every
    // token would cost as much as the training step).
    const EVERY: usize = 16;
    let mut average_h = vec![0.0f64; probe.hidden_weights.len()];
    let mut average_o = vec![0.0f64; probe.weights.len()];
    let mut samples = 0usize;
    let mut x = vec![0.0f32; width];
    let mut h = vec![0.0f32; hidden];
    let mut back = vec![0.0f32; hidden];
    let mut step = 0usize;
    for epoch in 0..epochs {
        let rate = 0.01 / (1.0 + epoch as f32);
        let last = epoch + 1 == epochs;
        for e in examples.iter().filter(|e| e.states.dim == dim) {
            for (k, gold) in e.gold.iter().enumerate().take(e.states.len()) {
                probe.input(e.states, k, &mut x);
                probe.hide(&x, &mut h);
                back.iter_mut().for_each(|b| *b = 0.0);
                for (t, &y) in gold.iter().enumerate() {
                    let w = &mut probe.weights[t * (hidden + 1)..(t + 1) * (hidden + 1)];
                    let p = 1.0 / (1.0 + (-dot(w, &h)).exp());
                    let g = f32::from(u8::from(y)) - p;
                    for ((b, wi), hi) in back.iter_mut().zip(w.iter_mut()).zip(&h) {
                        *b += g * *wi;
                        *wi += rate * g * hi;
                    }
                    w[hidden] += rate * g;
                }
                for (j, &b) in back.iter().enumerate() {
                    if h[j] <= 0.0 || b == 0.0 {
                        continue;
                    }
                    let g = rate * b;
                    let w = &mut probe.hidden_weights[j * (width + 1)..(j + 1) * (width + 1)];
                    for (wi, xi) in w.iter_mut().zip(&x) {
                        *wi += g * xi;
                    }
                    w[width] += g;
                }
                step += 1;
                if last && step.is_multiple_of(EVERY) {
                    samples += 1;
                    for (a, w) in average_h.iter_mut().zip(&probe.hidden_weights) {
                        *a += f64::from(*w);
                    }
                    for (a, w) in average_o.iter_mut().zip(&probe.weights) {
                        *a += f64::from(*w);
                    }
                }
            }
        }
    }
    if samples > 0 {
        for (w, a) in probe.hidden_weights.iter_mut().zip(&average_h) {
            *w = (a / samples as f64) as f32;
        }
        for (w, a) in probe.weights.iter_mut().zip(&average_o) {
            *w = (a / samples as f64) as f32;
        }
    }
    probe
}

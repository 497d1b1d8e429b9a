//! Mean pooling over the attention mask, then L2 normalisation (sentence-transformers'
//! `Pooling(mean)` followed by `Normalize`).

use candle_core::{DType, Result, Tensor, D};

/// `states` is `[batch, tokens, hidden]`, `mask` is `[batch, tokens]` of 0/1 (any
/// integer type). Returns `[batch, hidden]` rows of unit length; padding tokens do not
/// count towards the mean.
pub(crate) fn mean_normalised(states: &Tensor, mask: &Tensor) -> Result<Tensor> {
    let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
    let summed = states.broadcast_mul(&mask)?.sum(1)?;
    // Every row has at least [CLS] and [SEP], so the count is never zero; the clamp
    // only guards a hand-made mask.
    let counts = mask.sum(1)?.clamp(1e-9, f64::MAX)?;
    let mean = summed.broadcast_div(&counts)?;
    let norm = mean
        .sqr()?
        .sum_keepdim(D::Minus1)?
        .sqrt()?
        .clamp(1e-12, f64::MAX)?;
    mean.broadcast_div(&norm)
}

#[cfg(test)]
mod tests {
    use super::*;
    use candle_core::Device;

    #[test]
    fn padding_is_left_out_of_the_mean() {
        let states = Tensor::new(
            &[
                [[3f32, 0.], [1., 0.], [100., 100.]],
                [[0., 2.], [0., 4.], [0., 6.]],
            ],
            &Device::Cpu,
        )
        .unwrap();
        let mask = Tensor::new(&[[1u32, 1, 0], [1, 1, 1]], &Device::Cpu).unwrap();
        let pooled = mean_normalised(&states, &mask)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        assert_eq!(pooled, vec![vec![1.0, 0.0], vec![0.0, 1.0]]);
    }

    #[test]
    fn rows_have_unit_length() {
        let states = Tensor::new(&[[[3f32, 4.], [3., 4.]]], &Device::Cpu).unwrap();
        let mask = Tensor::new(&[[1u32, 1]], &Device::Cpu).unwrap();
        let pooled = mean_normalised(&states, &mask)
            .unwrap()
            .to_vec2::<f32>()
            .unwrap();
        assert_eq!(pooled, vec![vec![0.6, 0.8]]);
    }
}

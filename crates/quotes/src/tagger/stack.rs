//! Two taggers stacked: the second reads the first one's tags as features.

use super::features::add_stage_features;
use super::perceptron::Model;
use super::TAGS;
use crate::context::Context;

/// Decodes each segment of `feats` separately with `model`.
pub fn decode_segments(
    model: &Model,
    feats: &[Vec<usize>],
    segments: &[(usize, usize)],
) -> Vec<usize> {
    let mut tags = vec![0; feats.len()];
    for &(a, b) in segments {
        if a < b && b <= feats.len() {
            tags[a..b].copy_from_slice(&model.decode(&feats[a..b]));
        }
    }
    tags
}

/// A first tagger and a second one trained on its (cross-validated) output.
pub struct Stack {
    /// Reads the base features.
    pub first: Model,
    /// Reads the base features plus the first tagger's tags.
    pub second: Model,
}

impl Stack {
    /// Tags one article.
    pub fn decode(
        &self,
        ctx: &Context<'_>,
        base: &[Vec<usize>],
        segments: &[(usize, usize)],
    ) -> Vec<usize> {
        let first = decode_segments(&self.first, base, segments);
        let mut feats = base.to_vec();
        add_stage_features(ctx, &mut feats, &first);
        decode_segments(&self.second, &feats, segments)
    }

    /// Tags one article, with the second tagger's emission scores per token.
    pub fn decode_with_scores(
        &self,
        ctx: &Context<'_>,
        base: &[Vec<usize>],
        segments: &[(usize, usize)],
    ) -> (Vec<usize>, Vec<[f32; TAGS]>) {
        let first = decode_segments(&self.first, base, segments);
        let mut feats = base.to_vec();
        add_stage_features(ctx, &mut feats, &first);
        (
            decode_segments(&self.second, &feats, segments),
            self.second.emissions(&feats),
        )
    }

    /// Both models, length-prefixed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let first = self.first.to_bytes();
        let mut out = b"PXSTK1".to_vec();
        out.extend_from_slice(&(first.len() as u64).to_le_bytes());
        out.extend_from_slice(&first);
        out.extend_from_slice(&self.second.to_bytes());
        out
    }

    /// Reads what [`Stack::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Option<Stack> {
        let rest = bytes.strip_prefix(b"PXSTK1")?;
        let len = u64::from_le_bytes(rest.get(..8)?.try_into().ok()?) as usize;
        let first = Model::from_bytes(rest.get(8..8 + len)?)?;
        let second = Model::from_bytes(rest.get(8 + len..)?)?;
        Some(Stack { first, second })
    }
}

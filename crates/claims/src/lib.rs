//! Check-worthy claims aligned across the articles of each story.

use parallax_core::{Analysis, Claim};

/// Aligns the claims of every story in `analysis` (which has all earlier stages filled).
pub fn align_claims(analysis: &Analysis) -> Vec<Claim> {
    let _ = analysis;
    Vec::new()
}

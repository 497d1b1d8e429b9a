//! Span scoring per label: exact (same first and last character) and overlap.

use crate::brat::Spans;

/// True and false positives and negatives for one label.
#[derive(Default, Clone, Copy)]
pub struct Prf {
    /// Predicted spans that match.
    pub tp_pred: usize,
    /// Predicted spans.
    pub pred: usize,
    /// Gold spans that are matched.
    pub tp_gold: usize,
    /// Gold spans.
    pub gold: usize,
}

impl Prf {
    /// Precision, recall and F1.
    pub fn prf(self) -> (f64, f64, f64) {
        let p = if self.pred == 0 {
            0.0
        } else {
            self.tp_pred as f64 / self.pred as f64
        };
        let r = if self.gold == 0 {
            0.0
        } else {
            self.tp_gold as f64 / self.gold as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// Counts over all documents.
#[derive(Default)]
pub struct Counts {
    /// Exact match per label.
    pub exact: [Prf; 3],
    /// Overlap match per label.
    pub overlap: [Prf; 3],
}

impl Counts {
    /// Adds one document.
    pub fn add(&mut self, gold: &Spans, pred: &Spans) {
        for l in 0..3 {
            let g = &gold.by_label[l];
            let p = &pred.by_label[l];
            let e = &mut self.exact[l];
            e.pred += p.len();
            e.gold += g.len();
            let hits = p.intersection(g).count();
            e.tp_pred += hits;
            e.tp_gold += hits;
            let o = &mut self.overlap[l];
            o.pred += p.len();
            o.gold += g.len();
            let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
            o.tp_pred += p
                .iter()
                .filter(|x| g.iter().any(|y| overlaps(x, y)))
                .count();
            o.tp_gold += g
                .iter()
                .filter(|y| p.iter().any(|x| overlaps(x, y)))
                .count();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brat::parse_ann;

    #[test]
    fn pieces_count_as_one_span_and_overlap_is_partial_credit() {
        let gold =
            parse_ann("T1\tSource 0 5\tPutin\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tx\n");
        let pred = parse_ann("T1\tSource 0 5\tPutin\nT2\tCue 6 11\tsaid \nT3\tContent 11 30\tx\n");
        let mut counts = Counts::default();
        counts.add(&gold, &pred);
        assert_eq!(counts.exact[0].prf(), (1.0, 1.0, 1.0));
        assert_eq!(counts.exact[1].prf().2, 0.0);
        assert_eq!(counts.overlap[1].prf(), (1.0, 1.0, 1.0));
        assert_eq!(counts.exact[2].prf(), (1.0, 1.0, 1.0));
    }
}

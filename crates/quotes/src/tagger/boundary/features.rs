//! The features of one candidate boundary: the words on both sides, how it sits against
//! the cue and the sentence, the rules' and mentions' edges, the tagger's tags and scores,
//! and, for a whole span, its length, the sentences it crosses and its quote balance.

use super::*;

impl Prepared<'_, '_> {
    /// Feature indices of boundary `k` for `edge`; `start` is the chosen first token when
    /// ranking an end.
    pub fn features(
        &self,
        edge: Edge,
        spans: &TokenSpans,
        k: usize,
        other: Option<usize>,
    ) -> Vec<usize> {
        let t0: u16 = match edge {
            Edge::ContentStart => 0,
            Edge::ContentEnd => 60,
            Edge::SourceStart => 120,
            Edge::SourceEnd => 180,
            Edge::CueStart => 300,
            Edge::CueEnd => 360,
        };
        let h = |i: u16, parts: &[&str]| hash(t0 + i, parts);
        let (tagged_s, tagged_e) = match edge {
            Edge::ContentStart | Edge::ContentEnd => spans.content,
            Edge::SourceStart | Edge::SourceEnd => spans.source,
            Edge::CueStart | Edge::CueEnd => spans.cue,
        }
        .unwrap_or((k, k));
        let is_start = matches!(
            edge,
            Edge::ContentStart | Edge::SourceStart | Edge::CueStart
        );
        let tagged = if is_start { tagged_s } else { tagged_e };
        let d = k as isize - tagged as isize;
        let db = match d {
            -3..=3 => ["-3", "-2", "-1", "0", "1", "2", "3"][(d + 3) as usize],
            -6..=-4 => "-6",
            4..=6 => "6",
            -12..=-7 => "-12",
            7..=12 => "12",
            _ if d < 0 => "-far",
            _ => "far",
        };
        let i = k as isize;
        // Outside neighbour and inside edge token: for a start, k-1 and k; for an end, k+1
        // and k.
        let (out1, in1, in2, out2) = if is_start {
            (i - 1, i, i + 1, i - 2)
        } else {
            (i + 1, i, i - 1, i + 2)
        };
        let flag = self.flags.get(k).copied().unwrap_or(0);
        let rule = if is_start {
            flag & (RULE_CONTENT_START | RULE_SOURCE_START)
        } else {
            flag & (RULE_CONTENT_END | RULE_SOURCE_END)
        };
        let mention = if is_start {
            flag & MENTION_START != 0
        } else {
            flag & MENTION_END != 0
        };
        let rule_s = rule.to_string();
        let sent_edge = if is_start {
            (self.sent_first[k], self.para_first[k])
        } else {
            (self.sent_last[k], self.para_last[k])
        };
        let se = match sent_edge {
            (_, true) => "P",
            (true, false) => "S",
            _ => "-",
        };
        let men = if mention { "M" } else { "-" };
        // Where the boundary sits against the cue, and the words between them.
        let (rel, gap, between) = match spans.cue {
            Some((_, c1)) if c1 < k => {
                let g = k - c1 - 1;
                ("after", g, self.span_words(c1 + 1, k))
            }
            Some((c0, _)) if c0 > k => {
                let g = c0 - k - 1;
                ("before", g, self.span_words(k + 1, c0))
            }
            Some(_) => ("in", 0, String::new()),
            None => ("nocue", 0, String::new()),
        };
        let gb = match gap {
            0..=3 => ["0", "1", "2", "3"][gap],
            4..=8 => "8",
            _ => "far",
        };
        let cue_word = spans.cue.map_or("", |(_, c1)| self.w(c1 as isize));
        let mut f = vec![
            h(0, &[db]),
            h(1, &[self.w(out1)]),
            h(2, &[self.w(in1)]),
            h(3, &[self.w(in2)]),
            h(4, &[self.w(out2)]),
            h(5, &[self.w(out1), self.w(in1)]),
            h(6, &[self.c(out1), self.c(in1)]),
            h(7, &[self.c(out2), self.c(out1), self.c(in1)]),
            h(8, &[self.c(out1), self.c(in1), self.c(in2)]),
            h(9, &[se]),
            h(10, &[&rule_s]),
            h(11, &[men]),
            h(12, &[rel, gb]),
            h(13, &[rel, &between]),
            h(14, &[rel, cue_word, &between]),
            h(15, &[db, self.c(out1), self.c(in1)]),
            h(16, &[db, se]),
            h(17, &[db, &rule_s]),
            h(18, &[se, self.c(out1), self.c(in1)]),
            h(19, &[rel, gb, self.c(out1), self.c(in1)]),
            h(20, &[men, self.c(out1), self.w(in1)]),
            h(21, &[self.w(out1), self.c(in1)]),
            h(22, &[self.c(out1), self.w(in1)]),
        ];
        // Whether the candidate takes the span across the cue, from the side the tagger put
        // it on.
        let tagged_side = match spans.cue {
            Some((c0, _)) if c0 > tagged_e => "content-first",
            Some((_, c1)) if c1 < tagged_s => "cue-first",
            Some(_) => "around",
            None => "nocue",
        };
        let first_class = self.c(if is_start {
            i
        } else {
            other.unwrap_or(tagged_s) as isize
        });
        f.extend([
            h(23, &[tagged_side, rel]),
            h(24, &[tagged_side, rel, gb, db]),
            h(25, &[rel, gb, self.w(in1)]),
            h(
                26,
                &[tagged_side, rel, self.c(out1), self.c(in1), first_class],
            ),
            h(27, &[tagged_side, se, self.c(in1)]),
            h(28, &[cue_word, self.c(out1), self.c(in1)]),
            h(29, &[cue_word, rel, gb]),
        ]);
        // The tagger's own evidence: how strongly it would begin (or continue) the label
        // here, and on the outside neighbour.
        if !self.scores.is_empty() {
            let (b, inside) = match edge {
                Edge::ContentStart | Edge::ContentEnd => (5, 6),
                Edge::SourceStart | Edge::SourceEnd => (1, 2),
                Edge::CueStart | Edge::CueEnd => (3, 4),
            };
            let here = if is_start {
                self.margin(in1, &[b])
            } else {
                self.margin(in1, &[b, inside])
            };
            let outside = if is_start {
                self.margin(out1, &[b, inside])
            } else {
                self.margin(out1, &[inside])
            };
            f.extend([
                h(50, &[here]),
                h(51, &[outside]),
                h(52, &[here, outside]),
                h(53, &[here, db]),
                h(54, &[here, self.c(out1), self.c(in1)]),
            ]);
        }
        if !self.labels.is_empty() {
            f.extend([
                h(55, &[self.tag(out1), self.tag(in1)]),
                h(56, &[self.tag(out1), self.tag(in1), db]),
                h(
                    57,
                    &[self.tag(out2), self.tag(out1), self.tag(in1), self.tag(in2)],
                ),
            ]);
        }
        // Whole-span features for an end: its length, the sentences it crosses, and whether
        // its quote marks pair up.
        if !is_start {
            let start = other.unwrap_or(tagged_s);
            let len = k.saturating_sub(start) + 1;
            let lb = length_bucket(len);
            let crossed = self.count(SENT_LAST, start, k);
            let tagged_crossed = self.count(SENT_LAST, tagged_s, tagged_e);
            let cb = ["0", "1", "2", "3+"][crossed.min(3)];
            let tcb = ["0", "1", "2", "3+"][tagged_crossed.min(3)];
            let balance = self.quote_balance(start, k + 1);
            let first = self.c(start as isize);
            let swallows = self.other_cues(start, k, spans.cue);
            f.extend([h(38, &[swallows]), h(39, &[swallows, rel, cb])]);
            let para_cross = self.count(PARA_LAST, start, k) > 0;
            let pc = if para_cross { "P" } else { "-" };
            f.extend([
                h(30, &[lb]),
                h(31, &[cb, tcb]),
                h(32, &[balance]),
                h(33, &[first, self.c(in1), self.c(out1)]),
                h(34, &[balance, self.c(in1), self.c(out1)]),
                h(35, &[pc, rel]),
                h(36, &[lb, rel]),
                h(37, &[cb, rel, gb]),
            ]);
        } else {
            let side = match spans.cue {
                Some((c0, _)) if c0 > tagged_e => "content-first",
                Some(_) => "cue-first",
                None => "nocue",
            };
            f.extend([
                h(40, &[side, rel, gb]),
                h(41, &[side, self.c(out1), self.c(in1)]),
            ]);
        }
        if let (true, Some(end)) = (is_start, other) {
            let len = end.saturating_sub(k) + 1;
            let lb = length_bucket(len);
            let crossed = ["0", "1", "2", "3+"][self.count(SENT_LAST, k, end).min(3)];
            let balance = self.quote_balance(k, end + 1);
            let last = self.c(end as isize);
            let swallows = self.other_cues(k, end, spans.cue);
            f.extend([
                h(42, &[swallows]),
                h(43, &[swallows, rel, crossed]),
                h(46, &[lb]),
                h(47, &[crossed, rel]),
                h(48, &[balance]),
                h(49, &[last, self.c(in1), self.c(out1)]),
                h(58, &[balance, self.c(in1), self.c(out1)]),
                h(59, &[lb, rel]),
            ]);
        }
        if matches!(edge, Edge::SourceStart | Edge::SourceEnd) {
            let len = tagged_e.saturating_sub(tagged_s) + 1;
            let lb = ["1", "2", "3", "4", "5+"][len.clamp(1, 5) - 1];
            f.push(h(45, &[lb, db]));
        }
        // The probe over contextual states: does the edge target hold here, and is the
        // outside neighbour (or the edge token) inside such a span.
        let (edge_target, inside_target) = match edge {
            Edge::ContentStart => (0, 6),
            Edge::ContentEnd => (1, 6),
            Edge::SourceStart => (2, 7),
            Edge::SourceEnd => (3, 7),
            Edge::CueStart => (4, 8),
            Edge::CueEnd => (5, 8),
        };
        if let (Some(pe), Some(po), Some(pi)) = (
            self.probe_at(in1, edge_target),
            self.probe_at(out1, inside_target),
            self.probe_at(in1, inside_target),
        ) {
            let p = |i: u16, parts: &[&str]| hash(1000 + t0 + i, parts);
            f.extend([
                p(0, &[pe]),
                p(1, &[pe, po]),
                p(2, &[pe, db]),
                p(3, &[pe, self.c(out1), self.c(in1)]),
                p(4, &[po, pi]),
                p(5, &[pe, rel, gb]),
                p(6, &[pe, se]),
            ]);
        }
        let span = if is_start {
            (k, other.unwrap_or(tagged_e))
        } else {
            (other.unwrap_or(tagged_s), k)
        };
        f.extend(self.span_probe_features(edge, k, span, t0));
        f
    }

    /// The words of tokens `a..b` joined by spaces, or "long" past three.
    fn span_words(&self, a: usize, b: usize) -> String {
        if b.saturating_sub(a) > 3 {
            return "long".into();
        }
        (a..b)
            .map(|j| self.w(j as isize))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Whether the quote marks of tokens `a..b` balance: "even", "open", "close" or "odd"
    /// (an unpaired straight quote).
    fn quote_balance(&self, a: usize, b: usize) -> &'static str {
        let open = self.count(OPEN_QUOTE, a, b) as i64;
        let close = self.count(CLOSE_QUOTE, a, b) as i64;
        let straight = self.count(STRAIGHT_QUOTE, a, b);
        match (open - close, straight % 2) {
            (0, 0) => "even",
            (d, _) if d > 0 => "open",
            (d, _) if d < 0 => "close",
            _ => "odd",
        }
    }
}

/// A span length in tokens, bucketed.
fn length_bucket(len: usize) -> &'static str {
    match len {
        1..=2 => "1",
        3..=5 => "3",
        6..=10 => "6",
        11..=25 => "11",
        26..=60 => "26",
        _ => "61",
    }
}

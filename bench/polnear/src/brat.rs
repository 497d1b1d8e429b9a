//! Reading and writing brat standoff files with Source, Cue and Content spans.

use std::collections::BTreeSet;

/// The three span labels we score.
pub const LABELS: [&str; 3] = ["Source", "Cue", "Content"];

/// Spans per label, in characters; a span in pieces counts from its first to its last char.
#[derive(Default, Debug)]
pub struct Spans {
    /// Indexed like [`LABELS`].
    pub by_label: [BTreeSet<(usize, usize)>; 3],
}

/// The labelled `T` lines of a brat `.ann` file: (label index, the offsets field, e.g.
/// `"11 20;25 30"`).
fn labelled_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        let (id, head) = (fields.next()?, fields.next()?);
        if !id.starts_with('T') {
            return None;
        }
        let (label, ranges) = head.split_once(' ')?;
        Some((LABELS.iter().position(|x| *x == label)?, ranges))
    })
}

/// Every piece of every labelled span: (label index, first char, end char).
pub fn parse_pieces(text: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (l, ranges) in labelled_lines(text) {
        for piece in ranges.split(';') {
            let n: Vec<usize> = piece.split(' ').filter_map(|x| x.parse().ok()).collect();
            if let [a, b] = n[..] {
                out.push((l, a, b));
            }
        }
    }
    out
}

/// An attribution's cue, source and content spans in characters (a span in pieces from its
/// first to its last character).
#[derive(Clone, Copy, Debug)]
pub struct Link {
    /// The cue.
    pub cue: Option<(usize, usize)>,
    /// The source.
    pub source: Option<(usize, usize)>,
    /// The content.
    pub content: Option<(usize, usize)>,
}

/// Each attribution's spans from the `E` lines.
pub fn parse_links(text: &str) -> Vec<Link> {
    let mut spans = std::collections::HashMap::new();
    for line in text.lines() {
        let mut fields = line.split('\t');
        let (Some(id), Some(head)) = (fields.next(), fields.next()) else {
            continue;
        };
        if let Some((_, ranges)) = head.split_once(' ').filter(|_| id.starts_with('T')) {
            let n: Vec<usize> = ranges
                .split([' ', ';'])
                .filter_map(|x| x.parse().ok())
                .collect();
            if let (Some(&a), Some(&b)) = (n.first(), n.last()) {
                spans.insert(id.to_string(), (a, b));
            }
        }
    }
    let mut out = Vec::new();
    for line in text.lines().filter(|l| l.starts_with('E')) {
        let Some(head) = line.split('\t').nth(1) else {
            continue;
        };
        let role = |name: &str| {
            head.split(' ')
                .filter_map(|r| r.split_once(':'))
                .find(|(r, _)| *r == name)
                .and_then(|(_, t)| spans.get(t).copied())
        };
        out.push(Link {
            cue: role("Cue"),
            source: role("Source"),
            content: role("Content"),
        });
    }
    out
}

/// Parses the `T` lines of a brat `.ann` file; a span in pieces counts from its first
/// to its last character.
pub fn parse_ann(text: &str) -> Spans {
    let mut spans = Spans::default();
    for (l, ranges) in labelled_lines(text) {
        let numbers: Vec<usize> = ranges
            .split([' ', ';'])
            .filter_map(|n| n.parse().ok())
            .collect();
        if let (Some(&a), Some(&b)) = (numbers.first(), numbers.last()) {
            if a < b {
                spans.by_label[l].insert((a, b));
            }
        }
    }
    spans
}

/// One predicted attribution in characters.
pub struct Predicted {
    /// Source span.
    pub source: Option<(usize, usize)>,
    /// Cue span.
    pub cue: Option<(usize, usize)>,
    /// Content pieces.
    pub content: Vec<(usize, usize)>,
}

/// Renders predictions as a brat `.ann` file over `text`.
pub fn write_ann(text: &str, predicted: &[Predicted]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let cover = |a: usize, b: usize| {
        chars
            .get(a..b)
            .map(|c| c.iter().collect::<String>())
            .unwrap_or_default()
            .replace('\n', " ")
    };
    let mut out = String::new();
    let mut t = 0;
    for (n, p) in predicted.iter().enumerate() {
        let mut roles = Vec::new();
        for (label, span) in [("Source", p.source), ("Cue", p.cue)] {
            if let Some((a, b)) = span {
                t += 1;
                out.push_str(&format!("T{t}\t{label} {a} {b}\t{}\n", cover(a, b)));
                roles.push(format!("{label}:T{t}"));
            }
        }
        if !p.content.is_empty() {
            t += 1;
            let ranges: Vec<String> = p.content.iter().map(|(a, b)| format!("{a} {b}")).collect();
            let text: Vec<String> = p.content.iter().map(|&(a, b)| cover(a, b)).collect();
            out.push_str(&format!(
                "T{t}\tContent {}\t{}\n",
                ranges.join(";"),
                text.join(" ")
            ));
            roles.push(format!("Content:T{t}"));
        }
        if let Some((a, b)) = p.cue {
            t += 1;
            out.push_str(&format!("T{t}\tAttribution {a} {b}\t{}\n", cover(a, b)));
            out.push_str(&format!(
                "E{}\tAttribution:T{t} {}\n",
                n + 1,
                roles.join(" ")
            ));
        }
    }
    out
}

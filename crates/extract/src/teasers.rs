//! Lists of teasers inside an extracted block: headline, byline, date, repeated. A story
//! prints its own date and byline once; three stamps a few lines apart with no running
//! text between them are a list of other articles.

/// Indices of the lines that belong to teaser runs. `is_stamp` tells a date or byline
/// line, `is_text` a line of running text (which ends a run).
pub(crate) fn teaser_lines(
    lines: &[&str],
    is_stamp: impl Fn(&str) -> bool,
    is_text: impl Fn(&str) -> bool,
) -> Vec<usize> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<usize>| {
        if run.len() >= 3 {
            let first = run[0];
            // The first entry's headline sits right above its stamp.
            let start = (first.saturating_sub(3)..first)
                .rev()
                .take_while(|&i| !is_text(lines[i]))
                .last()
                .unwrap_or(first);
            out.extend(start..=run[run.len() - 1]);
        }
        run.clear();
    };
    for (i, line) in lines.iter().enumerate() {
        if is_text(line) {
            flush(&mut run, &mut out);
            continue;
        }
        if !is_stamp(line) {
            continue;
        }
        if run.last().is_some_and(|&last| i - last > 4) {
            flush(&mut run, &mut out);
        }
        run.push(i);
    }
    flush(&mut run, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::teaser_lines;

    #[test]
    fn a_list_of_dated_headlines_is_found() {
        let lines = [
            "The ferry sailed again on Tuesday after four days in port, the harbour master said.",
            "Bridge reopens after repairs",
            "11/20/2019 01:14 PM",
            "Council passes budget",
            "11/20/2019 10:08 AM",
            "New pier for the island",
            "11/19/2019 09:39 AM",
        ];
        let stamp = |l: &str| l.starts_with("11/");
        let text = |l: &str| l.ends_with('.');
        assert_eq!(
            teaser_lines(&lines, stamp, text),
            (1..7).collect::<Vec<_>>()
        );
        // Two stamps are a story's own date and update.
        assert!(teaser_lines(&lines[..5], stamp, text).is_empty());
    }
}

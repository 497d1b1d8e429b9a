//! Pairing quote marks into quoted regions: curly, straight, « », „ “ and ‘ ’, nested
//! quotes kept inside their outer quote, unclosed quotes cut at the paragraph end, and a
//! left mark typed where the closing one belongs (`"Yes, “he said.`) read as the closer.

use crate::cues::CueKind;

/// One quoted stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// Byte of the opening mark.
    pub open: usize,
    /// Byte just past the closing mark (or the paragraph end when unclosed).
    pub close: usize,
    /// First byte inside the marks.
    pub inner_start: usize,
    /// One past the last byte inside the marks.
    pub inner_end: usize,
    /// False when no closing mark was found in the paragraph.
    pub closed: bool,
}

fn closer_for(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        // A straight opener closed by a curly mark is common in converted copy.
        '"' => &['"', '”'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        _ => &[],
    }
}

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '"' | '‘' | '‚')
}

/// True when the left double mark at `chars[j]` closes the open quote: it follows the
/// quote's last punctuation (`family, “`, `decisions. “`) and either ends the paragraph or
/// is followed, within the clause, by a reporting verb (its cue, not a new quote's words).
fn typo_closer(chars: &[(usize, char)], j: usize) -> bool {
    if !follows(chars, j, &[',', '.', '?', '!', '—', '-']) {
        return false;
    }
    let rest = text_after(chars, j, 80);
    // An opening mark clings to its first word; `easy. “ Cheeks was` closes.
    if rest.trim().is_empty() || rest.starts_with(char::is_whitespace) {
        return true;
    }
    // The cue may sit after an apposition: `, “the deputy's mother, Rosa Ortiz, said.`
    let clause = rest.split(['.', ';', '"', '“', '”']).next().unwrap_or("");
    speech_verb_within(clause, 10)
}

/// True when the left double mark at `chars[j]` follows punctuation and is followed by a
/// short cue clause alone (`, “the officer said.`, `, “said Ann Lee,`): it closed a quote
/// opened in an earlier paragraph rather than opening one.
fn cue_clause_follows(chars: &[(usize, char)], j: usize) -> bool {
    if !follows(chars, j, &[',', '.', '?', '!']) {
        return false;
    }
    let rest = text_after(chars, j, 80);
    let Some(stop) = rest.find(['.', ',', ';', '!', '?', '"', '“', '”']) else {
        return false;
    };
    if !matches!(rest[stop..].chars().next(), Some('.' | ',')) {
        return false;
    }
    // Finite reporting verbs only: "used to say," opens a quote.
    const FINITE: &[&str] = &[
        "said",
        "says",
        "told",
        "added",
        "asked",
        "explained",
        "wrote",
        "noted",
        "stated",
        "continued",
        "insisted",
        "recalled",
        "replied",
    ];
    let words: Vec<String> = rest[..stop]
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    (1..=6).contains(&words.len())
        && [&words[0], &words[words.len() - 1]]
            .iter()
            .any(|w| FINITE.contains(&w.as_str()))
}

/// True when the last character before `chars[j]`, spaces aside, is one of `marks`.
fn follows(chars: &[(usize, char)], j: usize, marks: &[char]) -> bool {
    chars[..j]
        .iter()
        .rev()
        .map(|x| x.1)
        .find(|c| *c != ' ')
        .is_some_and(|b| marks.contains(&b))
}

/// Up to `n` characters after `chars[j]`.
fn text_after(chars: &[(usize, char)], j: usize, n: usize) -> String {
    chars[j + 1..].iter().map(|x| x.1).take(n).collect()
}

/// True when one of the first `n` words of `text` is a reporting verb ("King said").
fn speech_verb_within(text: &str, n: usize) -> bool {
    let lower: Vec<String> = text
        .split_whitespace()
        .take(n)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    (0..lower.len()).any(|i| {
        matches!(
            crate::cues::quote_cue_at(&lower, i),
            Some((CueKind::Verb | CueKind::AccordingTo, _))
        )
    })
}

/// Finds the top-level quoted regions of one paragraph (`start..end` bytes of `body`).
pub fn regions_in(body: &str, start: usize, end: usize, out: &mut Vec<Region>) {
    let Some(text) = body.get(start..end) else {
        return;
    };
    // Two apostrophes stand for a straight double quote in some wire copy (''Yes,'' he said);
    // read them as one '"' at the first apostrophe's position and skip the second.
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    let mut iter = text.char_indices().peekable();
    while let Some((b, c)) = iter.next() {
        if c == '\'' && iter.peek().is_some_and(|&(_, n)| n == '\'') {
            iter.next();
            chars.push((b, '"'));
        } else {
            chars.push((b, c));
        }
    }
    let width = |b: usize, c: char| {
        if c == '"' && text[b..].starts_with("''") {
            2
        } else {
            c.len_utf8()
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let (b, c) = chars[i];
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|x| x.1);
        let single = matches!(c, '‘' | '‚');
        // A single quote opens only after a space or bracket, so apostrophes never do.
        let opens = is_opener(c)
            && (!single
                || prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '-')))
            && (c != '"'
                || prev.is_none_or(|p| !p.is_alphanumeric())
                    && next.is_some_and(|n| !n.is_whitespace()));
        // `“said Ann Lee`: a left mark right before a reporting verb closed a quote.
        // `, “the officer said.`: a left mark where a quote that opened in an earlier
        // paragraph closes.
        let opens = opens
            && !(c == '“' && {
                let rest = text_after(&chars, i, 12);
                rest.starts_with(char::is_alphabetic) && speech_verb_within(&rest, 1)
                    || cue_clause_follows(&chars, i)
                    || rest.starts_with(char::is_whitespace) && typo_closer(&chars, i)
            });
        if !opens {
            i += 1;
            continue;
        }
        let closers = closer_for(c);
        let mut depth_single = false;
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let (_, d) = chars[j];
            let before = chars[j - 1].1;
            let after = chars.get(j + 1).map(|x| x.1);
            if !single && c != '„' && d == '“' && typo_closer(&chars, j) {
                // `"Mo is family, “King said.`: a left mark typed where the right one belongs.
                found = Some(j);
                break;
            } else if !single && d == '‘' && before.is_whitespace() {
                depth_single = true;
            } else if depth_single && d == '’' && after.is_none_or(|a| !a.is_alphanumeric()) {
                depth_single = false;
            } else if closers.contains(&d) && !(single && after.is_some_and(char::is_alphanumeric))
            {
                // A curly opener seen again before any closer means the first was unclosed.
                if d == c && c != '"' && closers[0] != c && before.is_whitespace() {
                    break;
                }
                if c == '"' && before.is_whitespace() && after.is_some_and(|a| !a.is_whitespace()) {
                    // A straight quote after a space opens the next quote: this one was unclosed.
                    break;
                }
                found = Some(j);
                break;
            }
            j += 1;
        }
        match found {
            Some(j) => {
                let (cb, cc) = chars[j];
                out.push(Region {
                    open: start + b,
                    close: start + cb + width(cb, cc),
                    inner_start: start + b + width(b, c),
                    inner_end: start + cb,
                    closed: true,
                });
                i = j + 1;
            }
            None if !single => {
                let stop = chars.get(j).map_or(text.len(), |x| x.0);
                let inner_end = start + text[..stop].trim_end().len();
                out.push(Region {
                    open: start + b,
                    close: inner_end,
                    inner_start: start + b + width(b, c),
                    inner_end,
                    closed: false,
                });
                i = j.max(i + 1);
            }
            None => i += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(text: &str) -> Vec<(&str, bool)> {
        let mut out = Vec::new();
        regions_in(text, 0, text.len(), &mut out);
        out.iter()
            .map(|r| (&text[r.inner_start..r.inner_end], r.closed))
            .collect()
    }

    #[test]
    fn pairs_marks_and_keeps_nested_quotes_inside() {
        assert_eq!(
            inner("“He said ‘no’ today,” she said."),
            [("He said ‘no’ today,", true)]
        );
        assert_eq!(
            inner("«Oui» et „Ja“ and \"yes\""),
            [("Oui", true), ("Ja", true), ("yes", true)]
        );
        assert_eq!(
            inner("It’s Putin’s ‘working visit’ now"),
            [("working visit", true)]
        );
        assert_eq!(
            inner("“Unclosed at the end"),
            [("Unclosed at the end", false)]
        );
    }

    #[test]
    fn a_left_mark_typed_as_the_closer_closes_the_quote() {
        assert_eq!(
            inner("\"Mo is family, “King said. \"He knows us. “"),
            [("Mo is family, ", true), ("He knows us. ", true)]
        );
        assert_eq!(
            inner("\"A sad day,” the company said. \"Yes.\""),
            [("A sad day,", true), ("Yes.", true)]
        );
        assert_eq!(
            inner("“We are ready, “ team president Ann Lee said."),
            [("We are ready, ", true)]
        );
        // A left mark followed by a space closes; it opens nothing.
        assert_eq!(
            inner("\"It is never easy. “ The coach left in May."),
            [("It is never easy. ", true)]
        );
        assert_eq!(inner("It is never easy. “ The coach left in May."), []);
        // A quote opened in an earlier paragraph closes here: nothing opens.
        assert_eq!(inner("no one was hurt, “the officer said."), []);
        // A new quote after an unclosed one still opens: no cue follows its mark.
        assert_eq!(
            inner("“It was late. “Then the lights went out,” she said."),
            [("It was late.", false), ("Then the lights went out,", true)]
        );
    }
}

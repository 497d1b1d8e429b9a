//! Pairing quote marks into quoted regions: curly, straight, « », „ “ and ‘ ’, nested
//! quotes kept inside their outer quote, unclosed quotes cut at the paragraph end.

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
        '"' => &['"'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        _ => &[],
    }
}

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '"' | '‘' | '‚')
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
            if !single && d == '‘' && before.is_whitespace() {
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
}

//! Small text helpers every stage needs the same way.

/// Folds a surface form for comparison: lowercase, straight apostrophes, single spaces.
pub fn fold(surface: &str) -> String {
    let mut out = String::with_capacity(surface.len());
    let mut last_space = true;
    for c in surface.chars() {
        let c = match c {
            '’' | '‘' | '`' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.extend(c.to_lowercase());
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn fold_normalises_case_apostrophes_and_spaces() {
        assert_eq!(super::fold("  Putin’s   Office "), "putin's office");
    }
}

//! An outlet's notices about itself: who funds it, who may republish its copy. They are
//! printed under many of its articles and belong to none.

use regex::Regex;
use std::sync::LazyLock;

/// "EXN is funded by the people of X", "... is supported by readers like you".
static FUNDING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\p{L}\d/&.'’ -]{2,60} (?:is|are) (?:funded|financed|paid for|supported|made possible) by (?:the )?(?:people|taxpayers|tax-payers|readers|listeners|viewers|members|subscribers|donors|donations|licen[cs]e fee|your|you\b)")
        .expect("static regex")
});

/// "Our journalism is independent of any government", "We are an independent newsroom".
static INDEPENDENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:our journalism is independent|we are an? (?:independent|non-?profit)|support (?:our )?independent journalism)")
        .expect("static regex")
});

/// "All rights reserved. Republication allowed for subscribers only", "Reproduction
/// prohibited without written permission".
static REPUBLICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:©[^.]{0,60}\.\s*)?(?:all rights reserved\.?\s*)?(?:republication|reproduction|redistribution|republishing|reprinting|copying)\b.{0,160}\b(?:allowed|permitted|prohibited|forbidden|without (?:the )?(?:prior )?(?:written )?(?:permission|consent)|subscribers|licen[cs]e)")
        .expect("static regex")
});

/// "If you buy something through this post, we may get a share of the sale"; a rights
/// line that opens with its mark ("Copyright ⓒ Example.").
static SALES_OR_RIGHTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:if you (?:buy|purchase) (?:something|anything|a product)|copyright\s*ⓒ|ⓒ)")
        .expect("static regex")
});

/// A funding, independence or republication notice of the outlet (at most 45 words).
pub fn is_outlet_notice(line: &str) -> bool {
    let line = line.trim();
    line.split_whitespace().count() <= 45
        && (FUNDING.is_match(line)
            || INDEPENDENCE.is_match(line)
            || REPUBLICATION.is_match(line)
            || SALES_OR_RIGHTS.is_match(line))
}

#[cfg(test)]
mod tests {
    use super::is_outlet_notice;

    #[test]
    fn notices_and_sentences() {
        for notice in [
            "HBS is funded by the people of the island. Our journalism is independent of any government.",
            "All rights reserved. Republication allowed for EXN subscribers only, with credit to EXN.",
            "Reproduction prohibited without written permission.",
            "The Harbour Post is supported by readers like you.",
            "If you buy something through this post, the Gazette may get a share of the sale.",
            "Copyright ⓒ Example.co.kr. 무단전재 및 재배포 금지",
        ] {
            assert!(is_outlet_notice(notice), "{notice}");
        }
        for sentence in [
            "The new ferry terminal is funded by the European Union and the regional council.",
            "Reproduction of the herring has slowed, scientists said.",
        ] {
            assert!(!is_outlet_notice(sentence), "{sentence}");
        }
    }
}

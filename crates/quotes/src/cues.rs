//! Reporting verbs and phrases that introduce what someone said or thinks.
//!
//! The list is hand-written from wire style (AP, Reuters) reporting verbs and checked against
//! the cue words most often annotated in attribution corpora (PolNeAR, PARC).

/// How a cue relates to its source and content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A finite reporting verb: "said", "told", "warned".
    Verb,
    /// A participle that borrows the sentence's subject: "saying", "adding", "calling".
    Participle,
    /// "according to X": the source follows.
    AccordingTo,
    /// A verb of belief or intention that needs a clause: "believes", "thinks".
    Belief,
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "explained",
    "explains",
    "claimed",
    "claims",
    "claim",
    "insisted",
    "insists",
    "warned",
    "warns",
    "confirmed",
    "confirms",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "argued",
    "argues",
    "argue",
    "asked",
    "asks",
    "replied",
    "replies",
    "wrote",
    "writes",
    "tweeted",
    "tweets",
    "announced",
    "announces",
    "reported",
    "reports",
    "stated",
    "states",
    "urged",
    "urges",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "denied",
    "denies",
    "suggested",
    "suggests",
    "predicted",
    "predicts",
    "recalled",
    "recalls",
    "continued",
    "remarked",
    "declared",
    "declares",
    "estimated",
    "estimates",
    "charged",
    "contended",
    "contends",
    "asserted",
    "asserts",
    "maintained",
    "maintains",
    "complained",
    "complains",
    "conceded",
    "concedes",
    "testified",
    "alleged",
    "alleges",
    "observed",
    "emphasized",
    "emphasised",
    "reiterated",
    "responded",
    "answered",
    "vowed",
    "vows",
    "promised",
    "promises",
    "agreed",
    "accused",
    "learned",
    "revealed",
    "reveals",
    "indicated",
    "indicates",
    "showed",
    "shows",
    "show",
    "found",
    "finds",
    "concluded",
    "concludes",
    "recounted",
    "countered",
    "quipped",
    "joked",
    "boasted",
    "pointed",
    "cautioned",
    "predicted",
    "stated",
    "signaled",
    "signalled",
    "described",
    "describes",
    "called",
    "calls",
    "criticized",
    "criticised",
    "declined",
];
/// Verbs of manner that report speech only next to a quote ("“Talks, talks,” fumed X");
/// without one they are plain verbs ("the board grumbled but signed up").
const MANNER_VERBS: &[&str] = &[
    "fumed",
    "grumbled",
    "sighed",
    "snapped",
    "shouted",
    "exclaimed",
    "muttered",
    "protested",
    "lamented",
    "growled",
    "scoffed",
    "demanded",
    "demands",
    "yelled",
    "screamed",
    "cried",
    "whispered",
    "retorted",
    "mused",
    "posited",
    "pleaded",
    "marveled",
    "marvelled",
    "gushed",
    "sniffed",
    "chided",
    "wondered",
    "quips",
    "jokes",
];
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "calling",
    "telling",
    "noting",
    "arguing",
    "describing",
    "warning",
    "explaining",
    "insisting",
    "claiming",
    "stressing",
    "suggesting",
    "citing",
    "referring",
    "asking",
    "urging",
    "declaring",
    "accusing",
    "stating",
    "writing",
    "predicting",
];
const BELIEFS: &[&str] = &[
    "believes", "believe", "believed", "thinks", "think", "thought", "hopes", "hope", "hoped",
    "fears", "fear", "feared", "expects", "expect", "expected", "knows", "knew", "feels", "felt",
    "worries", "worried", "doubts", "doubted", "wants", "want", "wanted",
];

fn kind_of_word(w: &str) -> Option<CueKind> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static TABLE: OnceLock<HashMap<&'static str, CueKind>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = HashMap::new();
        for (list, kind) in [
            (BELIEFS, CueKind::Belief),
            (PARTICIPLES, CueKind::Participle),
            (VERBS, CueKind::Verb),
        ] {
            for w in list {
                t.insert(*w, kind);
            }
        }
        t
    });
    table.get(w).copied()
}

/// The cue kind of the lowercase word at `i`, with the index one past the cue.
pub fn cue_at(lower: &[&str], i: usize) -> Option<(CueKind, usize)> {
    let w = *lower.get(i)?;
    if w == "according" && lower.get(i + 1) == Some(&"to") {
        return Some((CueKind::AccordingTo, i + 2));
    }
    match kind_of_word(w)? {
        // "pointed out".
        CueKind::Verb if w == "pointed" => {
            (lower.get(i + 1) == Some(&"out")).then_some((CueKind::Verb, i + 2))
        }
        kind => Some((kind, i + 1)),
    }
}

/// [`cue_at`], plus the verbs of manner that count only beside a direct quote.
pub fn quote_cue_at(lower: &[&str], i: usize) -> Option<(CueKind, usize)> {
    cue_at(lower, i).or_else(|| {
        lower
            .get(i)
            .filter(|w| MANNER_VERBS.contains(w))
            .map(|_| (CueKind::Verb, i + 1))
    })
}

/// True for the verbs that take a listener before the content ("told reporters that").
pub fn takes_listener(w: &str) -> bool {
    matches!(
        w,
        "told"
            | "tells"
            | "tell"
            | "telling"
            | "asked"
            | "asks"
            | "urged"
            | "warned"
            | "assured"
            | "informed"
            | "reminded"
    )
}

//! The generator: rewritten copies of source texts with the copied spans known.
//!
//! Each source becomes an original article (half of them wire copy with a
//! "CITY, Month D. /AGENCY/." dateline) and one or two copies. A copy drops sentences,
//! swaps paragraph order, may get a new intro written from a template, may change one
//! word in some copied sentences, and changes or drops the dateline. Copies usually come
//! out after their source; a wire original may come out after a copy that dropped its
//! credit, so only the dateline tells the origin. Nothing here is committed text: the
//! sources are read at bench time.

use chrono::{Days, NaiveDate};
use parallax_core::{Article, ArticleId, CharSpan, FieldSources};

/// A tiny deterministic generator (xorshift64*), so every run makes the same set.
pub struct Rng(u64);

impl Rng {
    /// Seeded generator.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    /// Next value.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
    }
}

/// One copied sentence: where it is in the source and in the copy.
#[derive(Clone, Copy, Debug)]
pub struct CopiedSpan {
    /// In the source body.
    pub source: CharSpan,
    /// In the copy's body.
    pub target: CharSpan,
}

/// A generated copy and what it copied.
pub struct Copy {
    /// Index of the copy in the article list.
    pub target: usize,
    /// Index of its source.
    pub source: usize,
    /// The agency of the source, when it is wire copy.
    pub agency: Option<String>,
    /// Copied sentences.
    pub spans: Vec<CopiedSpan>,
}

/// The generated test set.
pub struct TestSet {
    /// Articles in stream order (by date, ties in generation order).
    pub articles: Vec<Article>,
    /// The copies with their gold.
    pub copies: Vec<Copy>,
}

const CITIES: &[&str] = &["LONDON", "MOSCOW", "PARIS", "NEW DELHI", "NAIROBI", "LIMA"];
const AGENCIES: &[&str] = &["TASS", "Reuters", "AFP", "Xinhua"];
const MONTHS: &[&str] = &["January", "March", "May", "July", "October", "December"];
const INTRO_WORDS: &[&str] = &[
    "residents",
    "officials",
    "council",
    "market",
    "weather",
    "schools",
    "traffic",
    "harbour",
    "festival",
    "budget",
    "river",
    "farmers",
    "museum",
    "station",
    "clinic",
    "library",
];
const SWAPS: &[(&str, &str)] = &[
    (" said ", " stated "),
    (" the ", " this "),
    (" on ", " upon "),
    (" and ", " as well as "),
];

/// Sentences of a text with their code-point spans (split after . ! ? before a space).
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            if !current.trim().is_empty() {
                out.push(current.trim().to_owned());
            }
            current.clear();
            continue;
        }
        current.push(c);
        if matches!(c, '.' | '!' | '?')
            && chars.get(i + 1).is_some_and(|n| *n == ' ')
            && current.split_whitespace().count() >= 4
        {
            out.push(current.trim().to_owned());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_owned());
    }
    out.into_iter()
        .filter(|s| s.split_whitespace().count() >= 4)
        .collect()
}

fn article(source: String, outlet: &str, published: NaiveDate, body: String) -> Article {
    Article {
        id: ArticleId::from_source_and_body(&source, &body),
        source,
        title: None,
        byline: None,
        outlet: Some(outlet.to_owned()),
        published: Some(published),
        credits: Vec::new(),
        language: Some("en".into()),
        body,
        field_sources: FieldSources::default(),
    }
}

/// Appends `text` to `body` and returns its code-point span.
fn push(body: &mut String, len: &mut u32, text: &str) -> CharSpan {
    let start = *len;
    body.push_str(text);
    *len += text.chars().count() as u32;
    CharSpan::new(start, *len).expect("ordered")
}

/// Builds the test set from `texts` (each used as one source).
pub fn generate(texts: &[String], seed: u64) -> TestSet {
    let mut rng = Rng::new(seed);
    let base = NaiveDate::from_ymd_opt(2020, 1, 1).expect("valid date");
    let mut staged: Vec<(NaiveDate, usize, Article)> = Vec::new();
    let mut copies: Vec<(usize, usize, Option<String>, Vec<CopiedSpan>)> = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        let sents = sentences(text);
        if sents.len() < 5 {
            continue;
        }
        let day = base
            .checked_add_days(Days::new((n / 3) as u64))
            .expect("in range");
        let wire = rng
            .chance(0.5)
            .then(|| AGENCIES[rng.below(AGENCIES.len())].to_owned());
        // The original: sentences in paragraphs of two, spans remembered.
        let mut body = String::new();
        let mut len = 0u32;
        if let Some(agency) = &wire {
            let line = format!(
                "{}, {} {}. /{}/. ",
                CITIES[rng.below(CITIES.len())],
                MONTHS[rng.below(MONTHS.len())],
                1 + rng.below(28),
                agency
            );
            push(&mut body, &mut len, &line);
        }
        let mut spans = Vec::new();
        for (i, s) in sents.iter().enumerate() {
            if i > 0 {
                push(&mut body, &mut len, if i % 2 == 0 { "\n\n" } else { " " });
            }
            spans.push(push(&mut body, &mut len, s));
        }
        let source_index = staged.len();
        let outlet = wire
            .clone()
            .map_or_else(|| format!("Outlet {}", n % 50), |a| format!("{a} wire"));
        staged.push((
            day,
            staged.len(),
            article(format!("gen://{n}/source"), &outlet, day, body),
        ));
        for c in 0..1 + rng.below(2) {
            let mut order: Vec<usize> = (0..sents.len()).filter(|_| !rng.chance(0.25)).collect();
            if order.len() < 2 {
                order = (0..sents.len().min(3)).collect();
            }
            if rng.chance(0.5) {
                // Swap two paragraphs' worth of sentences.
                let cut = 1 + rng.below(order.len() - 1);
                order.rotate_left(cut);
            }
            let mut body = String::new();
            let mut len = 0u32;
            let credited = match &wire {
                Some(agency) if rng.chance(0.5) => {
                    push(
                        &mut body,
                        &mut len,
                        &format!("{} ({agency}) — ", CITIES[rng.below(CITIES.len())]),
                    );
                    true
                }
                _ => false,
            };
            if rng.chance(0.6) {
                let words: Vec<&str> = (0..12)
                    .map(|_| INTRO_WORDS[rng.below(INTRO_WORDS.len())])
                    .collect();
                push(
                    &mut body,
                    &mut len,
                    &format!(
                        "Our newsroom looked into {} this week.\n\n",
                        words.join(" ")
                    ),
                );
            }
            let mut gold = Vec::new();
            for (k, &i) in order.iter().enumerate() {
                if k > 0 {
                    push(&mut body, &mut len, if k % 2 == 0 { "\n\n" } else { " " });
                }
                let mut s = sents[i].clone();
                let edited = rng.chance(0.2);
                if edited {
                    let (from, to) = SWAPS[rng.below(SWAPS.len())];
                    s = s.replacen(from, to, 1);
                }
                let target = push(&mut body, &mut len, &s);
                gold.push(CopiedSpan {
                    source: spans[i],
                    target,
                });
            }
            // A wire original may be printed after a copy that dropped the credit.
            let late_copy = wire.is_none() || credited || rng.chance(0.5);
            let copy_day = if late_copy {
                day.checked_add_days(Days::new(1 + c as u64))
                    .expect("in range")
            } else {
                day.checked_sub_days(Days::new(1)).expect("in range")
            };
            let copy_index = staged.len();
            staged.push((
                copy_day,
                staged.len(),
                article(
                    format!("gen://{n}/copy{c}"),
                    &format!("Outlet {}", (n + 7 * (c + 1)) % 50),
                    copy_day,
                    body,
                ),
            ));
            copies.push((copy_index, source_index, wire.clone(), gold));
        }
    }
    staged.sort_by_key(|(d, i, _)| (*d, *i));
    let mut position = vec![0; staged.len()];
    for (new, (_, old, _)) in staged.iter().enumerate() {
        position[*old] = new;
    }
    TestSet {
        articles: staged.into_iter().map(|(_, _, a)| a).collect(),
        copies: copies
            .into_iter()
            .map(|(t, s, agency, spans)| Copy {
                target: position[t],
                source: position[s],
                agency,
                spans,
            })
            .collect(),
    }
}

/// The same set with every date withheld and the stream shuffled: only credits,
/// datelines and the texts themselves can tell who copied whom.
pub fn without_dates(set: &TestSet, seed: u64) -> TestSet {
    restage(set, &vec![None; set.articles.len()], seed)
}

/// The same set with each copy dated near its source, as pages often are: the same
/// day (30%), a day later (45%), two days later (15%), or a day before (10%: a time
/// zone, or a source whose page shows when it was last updated). Dates alone then put
/// about three copies in four the right way round, as on real republished news.
pub fn with_dates_near(set: &TestSet, seed: u64) -> TestSet {
    let mut rng = Rng::new(seed);
    let mut dates: Vec<Option<NaiveDate>> = set.articles.iter().map(|a| a.published).collect();
    for c in &set.copies {
        let Some(day) = set.articles[c.source].published else {
            continue;
        };
        let roll = rng.below(100);
        dates[c.target] = match roll {
            0..=9 => day.checked_sub_days(Days::new(1)),
            10..=39 => Some(day),
            40..=84 => day.checked_add_days(Days::new(1)),
            _ => day.checked_add_days(Days::new(2)),
        };
    }
    restage(set, &dates, seed.wrapping_add(1))
}

/// The set with new `dates` (by article index), in a stream ordered by date with ties
/// (and undated articles) in random order.
fn restage(set: &TestSet, dates: &[Option<NaiveDate>], seed: u64) -> TestSet {
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..set.articles.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order.sort_by_key(|&i| dates[i]);
    let mut position = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        position[old] = new;
    }
    TestSet {
        articles: order
            .iter()
            .map(|&i| Article {
                published: dates[i],
                ..set.articles[i].clone()
            })
            .collect(),
        copies: set
            .copies
            .iter()
            .map(|c| Copy {
                target: position[c.target],
                source: position[c.source],
                agency: c.agency.clone(),
                spans: c.spans.clone(),
            })
            .collect(),
    }
}

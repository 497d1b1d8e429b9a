//! The text cleaner: a page dump (one block per line) in, article paragraphs out.
//!
//! Steps, in order: classify each line on its own ([`crate::patterns`]); move credit,
//! byline and dateline lines into metadata ([`crate::credits`]); drop repeated lines and
//! captions printed twice; take the headline from the lines before the story; keep the
//! densest run of paragraph-like lines with the headings between them.

use crate::credits;
use crate::patterns::{self, LineKind};
use chrono::NaiveDate;

/// How much of the page the text still holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A whole-page dump: navigation, teasers and footers are still there.
    Dump,
    /// Text an HTML extractor already narrowed to the article; only template lines go.
    Body,
    /// Article text from a record (JSONL, feed) that already reads clean
    /// ([`crate::gentle::looks_clean`]): like a dump for metadata lines and datelines, but
    /// no line is dropped for being short or far from the densest run.
    Article,
}

/// What the cleaner keeps and what it moved into metadata.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CleanText {
    /// Article paragraphs and headings, in order.
    pub paragraphs: Vec<String>,
    /// Headline found among the lines before the story.
    pub title: Option<String>,
    /// Author names from a byline line or author box.
    pub byline: Option<String>,
    /// Wire and agency credits.
    pub credits: Vec<String>,
    /// Date from a dateline that names the year.
    pub published: Option<NaiveDate>,
    /// The author the HTML extractor found in the page (raw, not yet reduced to names).
    pub extractor_byline: Option<String>,
    /// The outlet a dump names in its own lines ([`crate::outlet::outlet_in_text`]).
    pub outlet: Option<String>,
}

struct Line {
    text: String,
    /// No blank line separates it from the previous line.
    tight: bool,
    keep: bool,
}

/// A line that reads as running text rather than a label, link or heading.
pub(crate) fn is_paragraph_like(text: &str) -> bool {
    let words = word_count(text);
    // A stray opening quote mark after the last sentence ("... he said. “") is a typo.
    words >= 15
        || (words >= 5
            && text
                .trim_end_matches(|c: char| c == '“' || c.is_whitespace())
                .ends_with(['.', '!', '?', '"', '”', '’', '»', ':', ')', '…', ';']))
}

/// Words in `text`; scripts written without spaces count one word per two characters.
pub(crate) fn word_count(text: &str) -> usize {
    let spaced = text.split_whitespace().count();
    let ideographs = text
        .chars()
        .filter(|&c| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF))
        .count();
    spaced.max(ideographs / 2)
}

/// A line that holds only a date, a time or a "Published:" label with one.
static COMMENT_HEADER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)^.{1,60} (on|at) .{5,40} (said|says|wrote|commented):?$")
        .expect("static regex")
});

pub(crate) fn is_date_line(text: &str) -> bool {
    static TIME: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^[\d\s:/.,-]*(\d{1,2}:\d{2}|\d{4})[\d\s:/.,-]*(am|pm|a\.m\.|p\.m\.|[a-z]{2,4}t|utc|gmt|ist)?\s*$").expect("static regex")
    });
    let far = NaiveDate::from_ymd_opt(2999, 1, 1).expect("a valid date");
    text.split_whitespace().count() <= 9
        && text.chars().any(|c| c.is_ascii_digit())
        && (!text.ends_with('.') || text.ends_with("a.m.") || text.ends_with("p.m."))
        && (TIME.is_match(text) || crate::dates::parse_date(text, far).is_some())
}

const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "is", "are", "vs", "vs.", "into", "over", "after", "about", "its", "his", "her",
    "their", "than", "via", "up", "out", "off", "be", "was", "were",
];

/// Headline-shaped: a few words, no closing full stop, most content words capitalised.
fn is_headline_like(text: &str) -> bool {
    if is_date_line(text) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(3..=25).contains(&words.len()) || text.ends_with(['.', ':', ',', ';']) {
        return false;
    }
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !FUNCTION_WORDS.contains(&w.to_lowercase().as_str()))
        .collect();
    let capitalised = content
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| !c.is_lowercase())
        })
        .count();
    !content.is_empty() && capitalised * 4 >= content.len() * 3
}

fn norm(text: &str) -> String {
    parallax_core::text::fold(text)
}

/// Cleans a text whose lines are blocks of a page.
pub fn clean(text: &str, mode: Mode) -> CleanText {
    clean_with_titles(text, mode, &[])
}

/// Like [`clean`], knowing the page's headline candidates (`<h1>`, `og:title`): a line
/// before the story that repeats one of them is the headline, not body text.
pub fn clean_with_titles(text: &str, mode: Mode, titles: &[&str]) -> CleanText {
    let titles: Vec<String> = titles
        .iter()
        .map(|t| norm(t))
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = CleanText::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut tight = false;
    for raw in text.lines() {
        let collapsed = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if collapsed.is_empty() {
            tight = false;
            continue;
        }
        lines.push(Line {
            text: collapsed,
            tight,
            keep: true,
        });
        tight = true;
    }

    // 1. Lines judged on their own; notices and author boxes end the article.
    let mut good_chars = 0usize;
    let mut good_count = 0usize;
    let mut cut_at = lines.len();
    let mut dropped_junk: Vec<usize> = Vec::new();
    // In a dump, a notice heading is a hard boundary between runs of text: the story
    // never continues past one, but a share bar above the story must not end it.
    let mut cutoffs: Vec<usize> = Vec::new();
    let mut byline_lines: Vec<usize> = Vec::new();
    let far_future = NaiveDate::from_ymd_opt(2999, 1, 1).expect("a valid date");
    for (i, line) in lines.iter_mut().enumerate() {
        // "Last updated at 22:46 GMT The champion kept ...": the label dates the story, the
        // sentence after it is its first paragraph.
        if let Some((label, sentence)) = crate::gentle::split_date_label(&line.text) {
            if good_count == 0 && out.published.is_none() {
                let date = crate::dates::parse_date(label, far_future);
                out.published = date.filter(|d| *d <= crate::dates::today());
            }
            line.text = sentence.to_owned();
        }
        // A date line above the story ("Published March 3, 2021") dates it.
        if good_count == 0 && is_date_line(&line.text) {
            byline_lines.push(i);
            // "Posted on March 12, 2025 by Jane Example"
            if let Some((_, who)) = line.text.split_once(" by ") {
                if let Some(names) = credits::names_from(who) {
                    out.byline.get_or_insert(names);
                }
            }
        }
        if good_count == 0 && out.published.is_none() && is_date_line(&line.text) {
            let date = crate::dates::parse_date(&line.text, far_future);
            out.published = date.filter(|d| *d <= crate::dates::today());
        }
        let kind = patterns::classify(&line.text);
        if kind == LineKind::Cutoff && (good_count >= 2 || good_chars >= 300) {
            if let Some(name) = patterns::author_box_name(&line.text) {
                out.byline.get_or_insert(name);
            }
        }
        if kind == LineKind::Cutoff && mode == Mode::Dump {
            cutoffs.push(i);
            line.keep = false;
            continue;
        }
        if kind == LineKind::Cutoff && (good_count >= 2 || good_chars >= 300) {
            cut_at = i;
            break;
        }
        if kind != LineKind::Other {
            if patterns::is_photo_credit(&line.text) || patterns::is_credited_caption(&line.text) {
                add_credits(&mut out.credits, credits::agencies_in(&line.text));
            }
            dropped_junk.push(i);
            line.keep = false;
            continue;
        }
        if COMMENT_HEADER.is_match(&line.text) {
            dropped_junk.push(i);
            line.keep = false;
            continue;
        }
        if let Some(names) = credits::credit_line(&line.text) {
            add_credits(&mut out.credits, names);
            line.keep = false;
            continue;
        }
        if let Some(names) = credits::byline_names(&line.text) {
            out.byline.get_or_insert(names);
            byline_lines.push(i);
            line.keep = false;
            continue;
        }
        if is_paragraph_like(&line.text) {
            good_count += 1;
            good_chars += line.text.len();
        }
    }
    lines.truncate(cut_at);
    // In an extractor's block only: a dump's densest-run rule already leaves its teasers.
    if mode == Mode::Body {
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        let stamp = |t: &str| is_date_line(t) || credits::byline_names(t).is_some();
        for i in crate::teasers::teaser_lines(&texts, stamp, is_paragraph_like) {
            lines[i].keep = false;
            dropped_junk.push(i);
        }
    }
    // A media player prints its clip's title right above its "please wait" debris.
    for i in 0..lines.len().saturating_sub(1) {
        let title_of_player = lines[i].keep
            && patterns::is_media_marker(&lines[i + 1].text)
            && word_count(&lines[i].text) <= 8
            && !is_paragraph_like(&lines[i].text);
        if title_of_player {
            lines[i].keep = false;
            dropped_junk.push(i);
        }
    }

    // 2. Repeated lines: captions printed twice go whole, other repeats keep one copy.
    let keys: Vec<String> = lines.iter().map(|l| norm(&l.text)).collect();
    let first_good = lines
        .iter()
        .position(|l| l.keep && is_paragraph_like(&l.text))
        .unwrap_or(lines.len());

    for i in 0..lines.len() {
        if !lines[i].keep {
            continue;
        }
        let twin_next = i + 1 < lines.len() && lines[i + 1].tight && keys[i + 1] == keys[i];
        // In an extractor's body a doubled paragraph is more likely markup noise than a
        // caption, so there only the copy goes.
        if mode == Mode::Dump
            && twin_next
            && !is_headline_like(&lines[i].text)
            && i < first_good + 2
        {
            lines[i].keep = false;
            lines[i + 1].keep = false;
            continue;
        }
        // In an extractor's block, lines repeat for a reason (the same heading and steps
        // over each part of a plan or list); only a line printed twice in a row is a copy.
        let twin_prev = i > 0 && lines[i].tight && keys[i - 1] == keys[i];
        let copy_matters = mode != Mode::Body || twin_prev;
        if copy_matters && keys[..i].contains(&keys[i]) {
            lines[i].keep = false;
            continue;
        }
        // A standfirst repeated as the start of the next paragraph.
        let next = (i + 1..lines.len().min(i + 4)).find(|&j| lines[j].keep);
        if let Some(j) = next {
            if keys[j].len() > keys[i].len() && keys[j].starts_with(&keys[i]) {
                lines[i].keep = false;
            }
        }
    }
    let first_good = lines
        .iter()
        .position(|l| l.keep && is_paragraph_like(&l.text))
        .unwrap_or(lines.len());

    // 3. The headline: the line right above the byline or date line, else the last
    // headline-shaped line before the story (a masthead is headline-shaped too), else a
    // line that repeats the page's own title.
    let mut title_index = byline_lines
        .iter()
        .filter(|&&b| b > 0 && b <= first_good && !byline_lines.contains(&(b - 1)))
        .map(|&b| b - 1)
        .find(|&i| {
            let words = word_count(&lines[i].text);
            lines[i].keep
                && !dropped_junk.contains(&i)
                && (3..=25).contains(&words)
                && !lines[i].text.ends_with(['.', ':', ','])
                && !is_date_line(&lines[i].text)
        });
    if title_index.is_none() {
        for (i, line) in lines.iter().enumerate().take(first_good) {
            let repeated = keys.iter().filter(|k| **k == keys[i]).count() > 1;
            if is_headline_like(&line.text) && (line.keep || repeated) && !dropped_junk.contains(&i)
            {
                title_index = Some(i);
            }
        }
    }
    if title_index.is_none() {
        title_index = (0..first_good.min(lines.len())).find(|&i| titles.contains(&keys[i]));
    }
    // A headline that reads as a sentence ("... They just might be.") is the first
    // paragraph-like line itself: it goes too.
    for (i, line) in lines.iter_mut().enumerate().take(first_good + 1) {
        if titles.contains(&keys[i]) {
            line.keep = false;
        }
    }
    if let Some(i) = title_index {
        out.title = Some(lines[i].text.clone());
        let key = keys[i].clone();
        for (line, k) in lines.iter_mut().zip(&keys) {
            if *k == key {
                line.keep = false;
            }
        }
    }

    // 4. The story. In a dump, everything before its first paragraph goes and the
    // densest run of paragraphs is kept. In an extractor's body, only labels, dates and
    // the headline go from the top, and the tail is cut at the first template line after
    // the last paragraph (lists that end an article stay).
    let last_good_line = lines
        .iter()
        .rposition(|l| l.keep && is_paragraph_like(&l.text))
        .unwrap_or(0);
    for (i, line) in lines.iter_mut().enumerate() {
        let lead = i < first_good;
        let drop = match mode {
            Mode::Dump => lead,
            Mode::Body | Mode::Article => {
                (lead && (word_count(&line.text) <= 3 || is_date_line(&line.text)))
                    || (i > last_good_line && junk_seen_between(&dropped_junk, last_good_line, i))
            }
        };
        if drop {
            line.keep = false;
        }
    }
    let kept: Vec<(usize, bool)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.keep)
        .map(|(i, l)| (i, is_paragraph_like(&l.text)))
        .collect();
    let (start, end) = match mode {
        Mode::Dump => densest_run(&kept, &lines, &cutoffs),
        Mode::Body | Mode::Article => (0, kept.len()),
    };
    let selected = &kept[start..end];
    let last_good = match mode {
        Mode::Dump => selected.iter().rposition(|(_, good)| *good),
        Mode::Body | Mode::Article => selected.len().checked_sub(1),
    };
    for (n, &(i, _)) in selected.iter().enumerate() {
        if last_good.is_none_or(|g| n > g) {
            break;
        }
        let mut text = lines[i].text.as_str();
        if out.paragraphs.len() < 2 {
            if let Some((agency, at)) = credits::dateline(text) {
                // An extractor's body keeps its dateline (it is part of the story text);
                // a dump's goes into metadata.
                if out.published.is_none() {
                    out.published = crate::dates::parse_date(&text[..at], crate::dates::today());
                }
                if let Some(agency) = agency {
                    add_credits(&mut out.credits, vec![agency]);
                }
                if mode != Mode::Body {
                    text = &text[at..];
                }
            }
        }
        out.paragraphs.push(text.to_owned());
    }
    out
}

fn junk_seen_between(junk: &[usize], after: usize, before: usize) -> bool {
    junk.iter().any(|&j| j > after && j <= before)
}

fn add_credits(credits: &mut Vec<String>, names: Vec<String>) {
    for name in names {
        if !credits.contains(&name) {
            credits.push(name);
        }
    }
}

/// The run of kept lines, split at three or more non-paragraph lines in a row, that
/// holds the most paragraph text; neighbouring runs almost as dense join it.
fn densest_run(kept: &[(usize, bool)], lines: &[Line], cutoffs: &[usize]) -> (usize, usize) {
    let mut runs: Vec<(usize, usize, usize)> = Vec::new(); // start, end, good chars
                                                           // `hard[r]`: a notice heading separates run r from run r + 1.
    let mut hard: Vec<bool> = Vec::new();
    let mut start = 0;
    let mut short_streak = 0;
    let mut chars = 0;
    let mut previous_line = None;
    for (n, &(i, good)) in kept.iter().enumerate() {
        let crosses_cutoff = previous_line.is_some_and(|p| cutoffs.iter().any(|&c| c > p && c < i));
        previous_line = Some(i);
        if crosses_cutoff {
            if chars > 0 {
                runs.push((start, n - short_streak, chars));
                hard.push(true);
            }
            start = n;
            chars = 0;
            short_streak = 0;
        }
        if good {
            if short_streak >= 2 && chars > 0 {
                runs.push((start, n - short_streak, chars));
                hard.push(false);
                start = n;
                chars = 0;
            }
            short_streak = 0;
            chars += lines[i].text.len();
        } else {
            short_streak += 1;
        }
    }
    if chars > 0 {
        runs.push((start, kept.len(), chars));
    }
    // Comments and teasers follow the story: a later run needs more text to win.
    let total = kept.len().max(1) as f64;
    // A notice or comments heading after real text marks the story's end: runs past it
    // are mostly comments and teasers.
    let mut discount = vec![1.0f64; runs.len()];
    let mut text_before = 0usize;
    for r in 0..runs.len() {
        if r > 0 {
            discount[r] = discount[r - 1];
            if hard[r - 1] && text_before >= 200 {
                discount[r] *= 0.6;
            }
        }
        text_before += runs[r].2;
    }
    let weight = |r: usize| runs[r].2 as f64 * (1.5 - runs[r].0 as f64 / total) * discount[r];
    let Some(best) = (0..runs.len()).max_by(|&a, &b| weight(a).total_cmp(&weight(b))) else {
        return (0, 0);
    };
    let (mut lo, mut hi) = (best, best);
    // A neighbour joins when it is close (a caption or a pull quote between) and not
    // tiny, or when it is far but substantial.
    let joins = |near: usize, far: usize| {
        let between = if far > near {
            runs[far].0 - runs[near].1
        } else {
            runs[near].0 - runs[far].1
        };
        let chars = runs[far].2;
        (between <= 6 && chars * 8 >= runs[best].2) || chars * 3 >= runs[best].2
    };
    while lo > 0 && !hard[lo - 1] && joins(lo, lo - 1) {
        lo -= 1;
    }
    while hi + 1 < runs.len() && !hard[hi] && joins(hi, hi + 1) {
        hi += 1;
    }
    (runs[lo].0, runs[hi].1)
}

#[cfg(test)]
mod tests;

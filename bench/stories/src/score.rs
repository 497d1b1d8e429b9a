//! Scoring through the dataset's own scorer (`score_stories.py`), at both levels.

use parallax_core::{Article, Story, StoryAssignment};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// One level's figures as the scorer prints them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Scores {
    /// Pairwise precision.
    pub pw_p: f64,
    /// Pairwise recall.
    pub pw_r: f64,
    /// Pairwise F1.
    pub pw_f1: f64,
    /// BCubed precision.
    pub b3_p: f64,
    /// BCubed recall.
    pub b3_r: f64,
    /// BCubed F1.
    pub b3_f1: f64,
    /// Predicted clusters.
    pub pred: usize,
    /// Gold clusters.
    pub gold: usize,
}

/// Runs the scorer with `args` and returns the (event, storyline) rows it prints.
fn scorer(dir: &Path, args: &[&std::ffi::OsStr]) -> Result<(Scores, Scores), String> {
    let out = Command::new("python3")
        .arg(dir.join("score_stories.py"))
        .arg(dir.join("gold.jsonl"))
        .args(args)
        .output()
        .map_err(|e| format!("cannot run python3: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!(
            "scorer failed: {text}{}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok((parse_row(&text, "event")?, parse_row(&text, "storyline")?))
}

fn parse_row(text: &str, name: &str) -> Result<Scores, String> {
    {
        let line = text
            .lines()
            .find(|l| l.split_whitespace().next() == Some(name))
            .ok_or_else(|| format!("scorer printed no {name} row:\n{text}"))?;
        let v: Vec<f64> = line
            .split_whitespace()
            .skip(1)
            .filter_map(|x| x.parse().ok())
            .collect();
        if v.len() < 8 {
            return Err(format!("cannot read scorer row: {line}"));
        }
        Ok(Scores {
            pw_p: v[0],
            pw_r: v[1],
            pw_f1: v[2],
            b3_p: v[3],
            b3_r: v[4],
            b3_f1: v[5],
            pred: v[6] as usize,
            gold: v[7] as usize,
        })
    }
}

fn score_assign(
    dir: &Path,
    file: &Path,
    lines: &[(String, String)],
) -> Result<(Scores, Scores), String> {
    let mut text = String::new();
    for (url, cluster) in lines {
        let _ = writeln!(
            text,
            "{}",
            serde_json::json!({"url": url, "cluster": cluster})
        );
    }
    std::fs::write(file, text).map_err(|e| format!("{}: {e}", file.display()))?;
    scorer(
        dir,
        &[std::ffi::OsStr::new("--pred-assign"), file.as_os_str()],
    )
}

/// Rows for a library run: stories at event level, storylines at storyline level.
pub fn library_run(
    dir: &Path,
    work: &Path,
    articles: &[Article],
    assignments: &[StoryAssignment],
    stories: &[Story],
) -> Result<Vec<Vec<String>>, String> {
    let line_of: HashMap<u32, String> = stories
        .iter()
        .map(|s| {
            (
                s.id.0,
                s.storyline
                    .map_or_else(|| format!("s{}", s.id.0), |l| format!("l{}", l.0)),
            )
        })
        .collect();
    let events: Vec<(String, String)> = articles
        .iter()
        .zip(assignments)
        .map(|(a, s)| (a.source.clone(), format!("s{}", s.story.0)))
        .collect();
    if let Some(path) = std::env::var_os("PX_SCORES") {
        let text: String = articles
            .iter()
            .zip(assignments)
            .map(|(a, s)| format!("{}\t{}\t{}\n", a.source, s.story.0, s.score))
            .collect();
        let _ = std::fs::write(path, text);
    }
    let lines: Vec<(String, String)> = articles
        .iter()
        .zip(assignments)
        .map(|(a, s)| (a.source.clone(), line_of[&s.story.0].clone()))
        .collect();
    let (ev, st) = score_assign(dir, &work.join("events.jsonl"), &events)?;
    let (_, lines_st) = score_assign(dir, &work.join("lines.jsonl"), &lines)?;
    Ok(vec![
        crate::row("parallax stories (library)", "event", &ev),
        crate::row("parallax stories (library)", "storyline", &st),
        crate::row("parallax storylines (library)", "storyline", &lines_st),
    ])
}

/// Rows for an export written by `parallax analyze`.
pub fn export_run(dir: &Path, work: &Path, export: &Path) -> Result<Vec<Vec<String>>, String> {
    let (ev, st) = scorer(dir, &[export.as_os_str()])?;
    let lines = storyline_assignments(export)?;
    let (_, lines_st) = score_assign(dir, &work.join("lines.jsonl"), &lines)?;
    Ok(vec![
        crate::row("parallax analyze: stories", "event", &ev),
        crate::row("parallax analyze: stories", "storyline", &st),
        crate::row("parallax analyze: storylines", "storyline", &lines_st),
    ])
}

fn read_jsonl(path: &Path) -> Result<Vec<serde_json::Value>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| format!("{}: {e}", path.display())))
        .collect()
}

/// `(source url, storyline)` for every exported article, from `stories.jsonl`.
fn storyline_assignments(export: &Path) -> Result<Vec<(String, String)>, String> {
    let articles = read_jsonl(&export.join("articles.jsonl"))?;
    let stories = read_jsonl(&export.join("stories.jsonl"))?;
    let source_of: HashMap<&str, &str> = articles
        .iter()
        .filter_map(|a| Some((a["id"].as_str()?, a["source"].as_str()?)))
        .collect();
    let mut out = Vec::new();
    for s in &stories {
        let line = s["storyline"].as_str().or(s["id"].as_str()).unwrap_or("?");
        for id in s["articles"].as_array().into_iter().flatten() {
            if let Some(src) = id.as_str().and_then(|id| source_of.get(id)) {
                out.push((src.to_string(), line.to_owned()));
            }
        }
    }
    Ok(out)
}

/// Rows for the demo corpus, scored against the stories in its `expected.json`
/// (each story one event and one storyline), when the corpus is there.
pub fn demo_corpus(
    dir: &Path,
    bin: &Path,
    corpus: &Path,
    work: &Path,
) -> Result<Option<Vec<Vec<String>>>, String> {
    let expected = corpus.join("expected.json");
    let Ok(text) = std::fs::read_to_string(&expected) else {
        return Ok(None);
    };
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", expected.display()))?;
    let Some(stories) = value["stories"].as_array() else {
        return Ok(None);
    };
    let mut gold = String::new();
    let mut keys = Vec::new();
    for (n, s) in stories.iter().enumerate() {
        for a in s["articles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str())
        {
            let _ = writeln!(
                gold,
                "{}",
                serde_json::json!({"url": a, "event": format!("demo-{n}"), "storyline": format!("demo-{n}")})
            );
            keys.push(a.to_owned());
        }
    }
    let gold_path = work.join("demo-gold.jsonl");
    std::fs::write(&gold_path, gold).map_err(|e| e.to_string())?;
    let out = work.join("demo-export");
    analyze(bin, corpus, &out, "the demo corpus")?;
    let articles = read_jsonl(&out.join("articles.jsonl"))?;
    let story_of: Vec<(String, String)> = articles
        .iter()
        .filter_map(|a| {
            let source = a["source"].as_str()?;
            // Files are named by path, records by URL: match a path by its file name.
            let key = keys.iter().find(|k| {
                source == k.as_str()
                    || (!k.contains("://") && source.ends_with(k.rsplit('/').next().unwrap_or(k)))
            })?;
            Some((
                key.clone(),
                a["story"].as_str().unwrap_or("none").to_owned(),
            ))
        })
        .collect();
    let file = work.join("demo-assign.jsonl");
    let mut text = String::new();
    for (url, cluster) in &story_of {
        let _ = writeln!(
            text,
            "{}",
            serde_json::json!({"url": url, "cluster": cluster})
        );
    }
    std::fs::write(&file, text).map_err(|e| e.to_string())?;
    let output = Command::new("python3")
        .arg(dir.join("score_stories.py"))
        .arg(&gold_path)
        .arg("--pred-assign")
        .arg(&file)
        .output()
        .map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    let row = parse_row(&text, "event")?;
    Ok(Some(vec![crate::row(
        "parallax analyze: demo corpus",
        "event",
        &row,
    )]))
}

/// Runs `bin analyze INPUT --out OUT`; an error names the binary, `what` it read and its
/// stderr.
pub fn analyze(bin: &Path, input: &Path, out: &Path, what: &str) -> Result<(), String> {
    let run = Command::new(bin)
        .arg("analyze")
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", bin.display()))?;
    if run.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{} failed on {what}: {}",
            bin.display(),
            String::from_utf8_lossy(&run.stderr)
        ))
    }
}

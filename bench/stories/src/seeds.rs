//! The seeds check: `parallax analyze` on `shared/seeds` must put the two seeds on
//! Assad's Moscow visit and Putin's remarks (001, 003) in one story and keep the other
//! three (000, 002, 004) out of it.

use std::collections::HashMap;
use std::path::Path;

/// One line saying whether the seeds are grouped as they should be, or `None` when the
/// seeds folder is not there.
pub fn check(bin: &Path, seeds: &Path, work: &Path) -> Result<Option<String>, String> {
    if !seeds.is_dir() {
        return Ok(None);
    }
    let out = work.join("seeds-export");
    crate::score::analyze(bin, seeds, &out, "the seeds")?;
    let path = out.join("articles.jsonl");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    // Seed number (the file name's first three characters) to story id.
    let mut story_of: HashMap<String, String> = HashMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{}: {e}", path.display()))?;
        let source = v["source"].as_str().unwrap_or("");
        let file = source.rsplit('/').next().unwrap_or(source);
        let seed: String = file.chars().take(3).collect();
        story_of.insert(seed, v["story"].as_str().unwrap_or("").to_owned());
    }
    let story = |s: &str| story_of.get(s).cloned().unwrap_or_default();
    let visit = story("001");
    let together = !visit.is_empty() && visit == story("003");
    let apart: Vec<&str> = ["000", "002", "004"]
        .into_iter()
        .filter(|s| story(s) != visit)
        .collect();
    Ok(Some(format!(
        "Seeds: 001+003 (Moscow visit) share a story: {}; kept out of it: {} of 000/002/004 ({})",
        if together { "yes" } else { "NO" },
        apart.len(),
        apart.join(", ")
    )))
}

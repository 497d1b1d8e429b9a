//! `aeb-text`: each AEB page turned into its visible-text dump (one line per block
//! element), cleaned by our text cleaner, scored against the same ground truth.

use parallax_bench_aeb::{aeb_dir, load_pages, load_peer, score};
use parallax_bench_common::{f3, Table};
use parallax_extract::text::{clean, Mode};
use rayon::prelude::*;
use std::time::Instant;

fn main() {
    let dir = aeb_dir();
    let pages = match load_pages(&dir) {
        Ok(pages) => pages,
        Err(err) => {
            eprintln!("aeb-text: {err}");
            std::process::exit(1);
        }
    };
    let dumps: Vec<String> = pages
        .par_iter()
        .map(|p| {
            let decoded = parallax_extract::charset::decode(&p.html, None);
            parallax_extract::visible::visible_text(&decoded.text)
        })
        .collect();
    let start = Instant::now();
    let cleaned: Vec<String> = dumps
        .iter()
        .map(|d| clean(d, Mode::Dump).paragraphs.join("\n\n"))
        .collect();
    let secs = start.elapsed().as_secs_f64();
    let mb: f64 = dumps.iter().map(String::len).sum::<usize>() as f64 / 1e6;

    let mut table = Table::new(&["system", "F1", "P", "R", "exact", "pages/s", "MB/s"]);
    let truths = || pages.iter().map(|p| p.truth.as_str());
    let s = score(truths().zip(cleaned.iter().map(String::as_str)));
    table.row(vec![
        "parallax text cleaner".into(),
        f3(s.f1),
        f3(s.precision),
        f3(s.recall),
        f3(s.accuracy),
        format!("{:.0}", pages.len() as f64 / secs),
        format!("{:.1}", mb / secs),
    ]);
    let s = score(truths().zip(dumps.iter().map(String::as_str)));
    table.row(vec![
        "whole dump (no cleaning)".into(),
        f3(s.f1),
        f3(s.precision),
        f3(s.recall),
        f3(s.accuracy),
        "-".into(),
        "-".into(),
    ]);
    if let Ok(map) = load_peer(&dir, "html-text") {
        let s = score(
            pages
                .iter()
                .map(|p| (p.truth.as_str(), map.get(&p.key).map_or("", String::as_str))),
        );
        table.row(vec![
            "html-text (output/)".into(),
            f3(s.f1),
            f3(s.precision),
            f3(s.recall),
            f3(s.accuracy),
            "-".into(),
            "-".into(),
        ]);
    }
    println!(
        "AEB as text dumps: {} pages, {mb:.1} MB of visible text",
        pages.len()
    );
    print!("{}", table.render());
    if let Some(key) = std::env::args().nth(1) {
        if let Some(i) = pages.iter().position(|p| p.key.starts_with(&key)) {
            println!(
                "--- dump\n{}\n--- cleaned\n{}\n--- truth\n{}",
                dumps[i], cleaned[i], pages[i].truth
            );
        }
    }
    if std::env::args().any(|a| a == "--worst") {
        let mut worst: Vec<(f64, f64, &str)> = pages
            .iter()
            .zip(&cleaned)
            .map(|(p, o)| {
                let (_, fp, fn_) = parallax_bench_aeb::match_counts(&p.truth, o);
                (fp, fn_, p.key.as_str())
            })
            .collect();
        worst.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
        for (fp, fn_, key) in worst.iter().take(30) {
            println!("{key}  fp={fp:.3} fn={fn_:.3}");
        }
    }
}

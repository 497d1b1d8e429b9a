//! `parallax-bench-polnear SPLIT_DIR [--out PRED_DIR]`: runs the language and quotes stages
//! on a PolNeAR split, writes brat predictions, and prints precision, recall and F1 for
//! Source, Cue and Content (exact and overlap) beside the published figures, plus speed.

mod brat;
mod score;

use brat::{parse_ann, write_ann, Predicted, LABELS};
use parallax_bench_common::{f3, Table};
use parallax_core::{Article, ArticleId, CharIndex, FieldSources};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn article(name: &str, body: String) -> Article {
    Article {
        id: ArticleId::from_source_and_body(name, &body),
        source: name.to_string(),
        title: None,
        byline: None,
        outlet: None,
        published: None,
        credits: Vec::new(),
        language: Some("en".into()),
        body,
        field_sources: FieldSources::default(),
    }
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut split = None;
    let mut out_dir = None;
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--out" {
            out_dir = args.get(i + 1).map(PathBuf::from);
            i += 2;
        } else {
            split = Some(PathBuf::from(&args[i]));
            i += 1;
        }
    }
    let split =
        split.unwrap_or_else(|| parallax_bench_common::shared_dir().join("data/polnear/data/dev"));
    match run(&split, out_dir.as_deref()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("polnear: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(split: &Path, out_dir: Option<&Path>) -> Result<(), String> {
    let text_dir = split.join("text");
    let ann_dir = split.join("attributions");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .map_err(|e| format!("cannot read {}: {e}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .map_err(|e| format!("cannot read {}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    anns.sort();
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut counts = score::Counts::default();
    let mut bytes = 0usize;
    let mut elapsed = 0.0f64;
    let mut docs = 0;
    for path in &texts {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Texts annotated by several people: score against the first annotation file.
        let Some(ann) = anns.iter().find(|a| {
            a.strip_prefix(stem.as_str())
                .is_some_and(|r| r.starts_with('_') && r[1..].trim_end_matches(".ann").len() == 4)
        }) else {
            continue;
        };
        let body = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let gold_text = std::fs::read_to_string(ann_dir.join(ann))
            .map_err(|e| format!("cannot read {ann}: {e}"))?;
        let gold = parse_ann(&gold_text);
        let a = article(&stem, body);
        let started = Instant::now();
        let mentions = parallax_language::analyze(&a);
        let found = parallax_quotes::attributions(&a, &mentions);
        elapsed += started.elapsed().as_secs_f64();
        bytes += a.body.len();
        docs += 1;
        let index = CharIndex::new(&a.body);
        let ch = |(s, e): (usize, usize)| {
            let span = index.span_of_bytes(s, e);
            (span.start() as usize, span.end() as usize)
        };
        let predicted: Vec<Predicted> = found
            .iter()
            .map(|f| Predicted {
                source: f.source.map(ch),
                cue: f.cue.map(ch),
                content: f.parts.iter().map(|&p| ch(p)).collect(),
            })
            .collect();
        let mut pred = brat::Spans::default();
        for p in &predicted {
            if let Some(s) = p.source {
                pred.by_label[0].insert(s);
            }
            if let Some(c) = p.cue {
                pred.by_label[1].insert(c);
            }
            if let (Some(f), Some(l)) = (p.content.first(), p.content.last()) {
                pred.by_label[2].insert((f.0, l.1));
            }
        }
        counts.add(&gold, &pred);
        if let Some(dir) = out_dir {
            let file = dir.join(format!("{stem}.ann"));
            std::fs::write(&file, write_ann(&a.body, &predicted))
                .map_err(|e| format!("cannot write {}: {e}", file.display()))?;
        }
    }
    println!(
        "PolNeAR {} ({docs} texts), exact and overlap span scores\n",
        split.display()
    );
    let mut table = Table::new(&[
        "system",
        "label",
        "P exact",
        "R exact",
        "F1 exact",
        "P overlap",
        "R overlap",
        "F1 overlap",
    ]);
    for (l, label) in LABELS.iter().enumerate() {
        let e = counts.exact[l].prf();
        let o = counts.overlap[l].prf();
        table.row(vec![
            "parallax rules".into(),
            label.to_string(),
            f3(e.0),
            f3(e.1),
            f3(e.2),
            f3(o.0),
            f3(o.1),
            f3(o.2),
        ]);
    }
    println!("{}", table.render());
    let mut peers = Table::new(&["system (exact F1)", "Source", "Cue", "Content"]);
    let ours: Vec<String> = (0..3).map(|l| f3(counts.exact[l].prf().2)).collect();
    peers.row(vec![
        "parallax rules (this run, dev)".into(),
        ours[0].clone(),
        ours[1].clone(),
        ours[2].clone(),
    ]);
    for (name, s, c, t) in [
        ("CoreNLP (published, test)", "0.139", "-", "0.175"),
        ("BiLSTM-CRF (published, test)", "0.696", "0.667", "0.590"),
        ("BERT+CofeNet (published, test)", "0.832", "0.753", "0.729"),
        (
            "linear-chain CRF (measured here, dev)",
            "0.705",
            "0.659",
            "0.509",
        ),
        (
            "quote-and-verb rule (measured here, dev)",
            "0.22",
            "0.29",
            "0.15",
        ),
    ] {
        peers.row(vec![name.into(), s.into(), c.into(), t.into()]);
    }
    println!("{}", peers.render());
    let mb = bytes as f64 / 1e6;
    println!(
        "speed: language+quotes {:.2} MB in {:.3} s = {:.2} MB/s on one core (goal 5 MB/s/core)",
        mb,
        elapsed,
        mb / elapsed.max(1e-9)
    );
    Ok(())
}

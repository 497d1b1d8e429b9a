//! `aeb`: our HTML extractor on the article-extraction benchmark, beside the peers'
//! published outputs and beside rs-trafilatura run on the same pages in the same run.

use parallax_bench_aeb::{aeb_dir, load_pages, load_peer, score, Page, Scores};
use parallax_bench_common::{f3, Table};
use parallax_core::{InputFormat, Payload, RawDocument, RecordHints};
use rayon::prelude::*;
use std::time::Instant;

fn ours(page: &Page) -> String {
    let doc = RawDocument {
        source: page.key.clone(),
        path: page.key.clone().into(),
        format: InputFormat::Html,
        payload: Payload::Html {
            bytes: page.html.clone(),
            declared_charset: None,
        },
        hints: RecordHints {
            url: page.url.clone(),
            ..RecordHints::default()
        },
    };
    parallax_extract::extract(&doc)
        .map(|e| e.article.body)
        .unwrap_or_default()
}

fn rs_trafilatura(page: &Page) -> String {
    rs_trafilatura::extract_bytes(&page.html)
        .map(|r| r.content_text)
        .unwrap_or_default()
}

/// Runs `f` over all pages on `threads` threads; returns outputs and (pages/s, MB/s).
fn timed(pages: &[Page], threads: usize, f: fn(&Page) -> String) -> (Vec<String>, f64, f64) {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool");
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let start = Instant::now();
    let out: Vec<String> = pool.install(|| pages.par_iter().map(f).collect());
    let secs = start.elapsed().as_secs_f64();
    (out, pages.len() as f64 / secs, bytes as f64 / 1e6 / secs)
}

fn row(table: &mut Table, name: &str, s: Scores, speed: &[(f64, f64)]) {
    let mut cells = vec![
        name.to_owned(),
        f3(s.f1),
        f3(s.precision),
        f3(s.recall),
        f3(s.accuracy),
    ];
    for (pages, mb) in speed {
        cells.push(format!("{pages:.0}"));
        cells.push(format!("{mb:.1}"));
    }
    while cells.len() < 9 {
        cells.push("-".into());
    }
    table.row(cells);
}

fn main() {
    let dir = aeb_dir();
    let pages = match load_pages(&dir) {
        Ok(pages) => pages,
        Err(err) => {
            eprintln!("aeb: {err}");
            std::process::exit(1);
        }
    };
    if std::env::args().any(|a| a == "--dropped") {
        dropped(&pages);
        return;
    }
    if std::env::args().any(|a| a == "--extra") {
        extra(&pages);
        return;
    }
    if std::env::args().any(|a| a == "--meta") {
        show_meta(&pages);
        return;
    }
    if std::env::args().any(|a| a == "--pages") {
        per_page(&dir, &pages);
        return;
    }
    if std::env::args().any(|a| a == "--profile") {
        profile(&pages);
        return;
    }
    let truths: Vec<&str> = pages.iter().map(|p| p.truth.as_str()).collect();
    // Warm up lazily built regexes and caches so the first timed run is not penalised.
    let _ = timed(&pages[..pages.len().min(5)], 1, ours);
    let _ = timed(&pages[..pages.len().min(5)], 1, rs_trafilatura);

    let (our_out, p1, m1) = timed(&pages, 1, ours);
    let (_, p2, m2) = timed(&pages, 2, ours);
    let (rs_out, rp1, rm1) = timed(&pages, 1, rs_trafilatura);
    let (_, rp2, rm2) = timed(&pages, 2, rs_trafilatura);

    let mut table = Table::new(&[
        "system",
        "F1",
        "P",
        "R",
        "exact",
        "pages/s 1t",
        "MB/s 1t",
        "pages/s 2t",
        "MB/s 2t",
    ]);
    let ours_score = score(
        truths
            .iter()
            .copied()
            .zip(our_out.iter().map(String::as_str)),
    );
    row(
        &mut table,
        "parallax (ours)",
        ours_score,
        &[(p1, m1), (p2, m2)],
    );
    // Rules are designed on the first half of the pages (by key) only; the second half
    // shows whether they carry over to pages nobody looked at.
    let half = pages.len().div_ceil(2);
    let halves = [
        ("first half (tuned)", 0..half),
        ("second half (held out)", half..pages.len()),
    ];
    for (label, range) in halves.clone() {
        let s = score(
            truths[range.clone()]
                .iter()
                .copied()
                .zip(our_out[range].iter().map(String::as_str)),
        );
        row(&mut table, &format!("  ours, {label}"), s, &[]);
    }
    let rs_score = score(
        truths
            .iter()
            .copied()
            .zip(rs_out.iter().map(String::as_str)),
    );
    row(
        &mut table,
        "rs-trafilatura 0.2.2 (this run)",
        rs_score,
        &[(rp1, rm1), (rp2, rm2)],
    );
    for (label, range) in halves {
        let s = score(
            truths[range.clone()]
                .iter()
                .copied()
                .zip(rs_out[range].iter().map(String::as_str)),
        );
        row(&mut table, &format!("  rs-trafilatura, {label}"), s, &[]);
    }
    for peer in ["rs_trafilatura", "trafilatura", "readability_js"] {
        match load_peer(&dir, peer) {
            Ok(map) => {
                let s = score(
                    pages
                        .iter()
                        .map(|p| (p.truth.as_str(), map.get(&p.key).map_or("", String::as_str))),
                );
                row(&mut table, &format!("{peer} (output/)"), s, &[]);
            }
            Err(err) => eprintln!("aeb: {err}"),
        }
    }
    println!(
        "AEB: {} pages, {:.1} MB of HTML",
        pages.len(),
        pages.iter().map(|p| p.html.len()).sum::<usize>() as f64 / 1e6
    );
    print!("{}", table.render());
    if std::env::args().any(|a| a == "--worst") {
        let mut worst: Vec<(f64, f64, &str)> = pages
            .iter()
            .zip(&our_out)
            .map(|(p, o)| {
                let (tp, fp, fn_) = parallax_bench_aeb::match_counts(&p.truth, o);
                (fp, fn_ + tp * 0.0, p.key.as_str())
            })
            .collect();
        worst.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
        for (fp, fn_, key) in worst.iter().take(25) {
            println!("{key}  fp={fp:.3} fn={fn_:.3}");
        }
    }
}

fn profile(pages: &[Page]) {
    let t = Instant::now();
    let decoded: Vec<String> = pages
        .iter()
        .map(|p| parallax_extract::charset::decode(&p.html, None).text)
        .collect();
    eprintln!("decode {:?}", t.elapsed());
    let t = Instant::now();
    for d in &decoded {
        let _ = parallax_extract::htmlmeta::scan(d);
    }
    eprintln!("scan {:?}", t.elapsed());
    let t = Instant::now();
    let raws: Vec<String> = decoded
        .iter()
        .map(|d| {
            rs_trafilatura::extract(d)
                .map(|r| r.content_text)
                .unwrap_or_default()
        })
        .collect();
    eprintln!("trafilatura {:?}", t.elapsed());
    let t = Instant::now();
    let parsed: Vec<_> = decoded
        .iter()
        .map(|d| scraper::Html::parse_document(d))
        .collect();
    eprintln!("parse {:?}", t.elapsed());
    let t = Instant::now();
    for p in &parsed {
        let _ = parallax_extract::density_text::article_text(p);
    }
    eprintln!("density {:?}", t.elapsed());
    let t = Instant::now();
    for r in &raws {
        let _ = parallax_extract::text::clean(r, parallax_extract::text::Mode::Body);
    }
    eprintln!("clean {:?}", t.elapsed());
}

/// `--dropped`: lines rs-trafilatura keeps that our cleaner drops, marked `+` when the
/// ground truth has them (a recall loss) and `-` when it does not (a precision gain).
fn dropped(pages: &[Page]) {
    for p in pages {
        let decoded = parallax_extract::charset::decode(&p.html, None);
        let options = rs_trafilatura::Options {
            page_type: Some(rs_trafilatura::page_type::PageType::Article),
            ..rs_trafilatura::Options::default()
        };
        let raw = rs_trafilatura::extract_with_options(&decoded.text, &options)
            .map(|r| r.content_text)
            .unwrap_or_default();
        let kept = ours(p);
        let truth_norm: String = p.truth.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if !kept.contains(&line) {
                let mark = if truth_norm.contains(&line) { '+' } else { '-' };
                println!(
                    "{mark} {} | {}",
                    &p.key[..8],
                    line.chars().take(150).collect::<String>()
                );
            }
        }
    }
}

/// `--extra`: our output lines the ground truth lacks, for the pages with most of them.
fn extra(pages: &[Page]) {
    for p in pages {
        let kept = ours(p);
        let (_, fp, fn_) = parallax_bench_aeb::match_counts(&p.truth, &kept);
        if fp < 0.03 && fn_ < 0.03 {
            continue;
        }
        println!("=== {} fp={fp:.3} fn={fn_:.3}", &p.key[..8]);
        let truth_norm: String = p.truth.split_whitespace().collect::<Vec<_>>().join(" ");
        for line in kept.split("\n\n") {
            let line: String = line.split_whitespace().collect::<Vec<_>>().join(" ");
            if !truth_norm.contains(&line) {
                println!("  + {}", line.chars().take(140).collect::<String>());
            }
        }
    }
}

/// `--meta`: the metadata we extract from each page, for reading by eye (AEB has no
/// metadata ground truth).
fn show_meta(pages: &[Page]) {
    for p in pages {
        let doc = RawDocument {
            source: p.key.clone(),
            path: p.key.clone().into(),
            format: InputFormat::Html,
            payload: Payload::Html {
                bytes: p.html.clone(),
                declared_charset: None,
            },
            hints: RecordHints {
                url: p.url.clone(),
                ..RecordHints::default()
            },
        };
        if let Ok(e) = parallax_extract::extract(&doc) {
            let a = e.article;
            println!(
                "{} | {:?} | {:?} | {:?} | {:?} | {:?} | {:?}",
                &p.key[..8],
                a.title,
                a.byline,
                a.published,
                a.outlet,
                a.credits,
                a.language
            );
        }
    }
}

/// The two cleaned candidate bodies of one page, as `extract` sees them.
fn both(page: &Page) -> (String, String, parallax_extract::choose::Agreement) {
    let decoded = parallax_extract::charset::decode(&page.html, None);
    let meta = parallax_extract::htmlmeta::scan(&decoded.text);
    let titles: Vec<&str> = [
        meta.h1.as_deref(),
        meta.meta(&["og:title"]).map(|(_, t)| t),
        meta.title_tag.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let url = page.url.as_deref().or(meta.canonical.as_deref());
    let c = parallax_extract::html::candidates(&decoded.text, url, &titles);
    let agreement = parallax_extract::choose::agreement(&c);
    (
        c.trafilatura.paragraphs.join("\n\n"),
        c.density.paragraphs.join("\n\n"),
        agreement,
    )
}

/// `--pages`: precision and recall per page for us, both cleaned candidates and the
/// peers' published outputs, to see which pages each system gets wrong.
fn per_page(dir: &std::path::Path, pages: &[Page]) {
    let peers: Vec<_> = ["trafilatura", "readability_js"]
        .iter()
        .filter_map(|n| load_peer(dir, n).ok())
        .collect();
    println!("key       ours(P R)   rsclean     density     traf(P R)   read(P R)");
    let half = pages.len().div_ceil(2);
    let mut sums = [[[0.0f64; 2]; 5]; 2];
    for (i, p) in pages.iter().enumerate() {
        let pr = |out: &str| {
            let (tp, fp, fn_) = parallax_bench_aeb::match_counts(&p.truth, out);
            let prec = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
            let rec = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
            (prec, rec)
        };
        let (rs, dense, ag) = both(p);
        let norm = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        let (rs_n, dense_n) = (norm(&rs), norm(&dense));
        let inter: Vec<&str> = rs
            .split("\n\n")
            .filter(|l| dense_n.contains(&norm(l)))
            .collect();
        let mut union: Vec<&str> = rs.split("\n\n").collect();
        union.extend(dense.split("\n\n").filter(|l| !rs_n.contains(&norm(l))));
        let outs = [
            pr(&ours(p)),
            pr(&rs),
            pr(&dense),
            pr(&inter.join("\n\n")),
            pr(&union.join("\n\n")),
        ];
        for (k, o) in outs.iter().enumerate() {
            sums[usize::from(i >= half)][k][0] += o.0;
            sums[usize::from(i >= half)][k][1] += o.1;
        }
        let mut line = format!("{}{}", &p.key[..8], if i < half { " " } else { "*" });
        for o in outs {
            line.push_str(&format!("  {:.2} {:.2}", o.0, o.1));
        }
        for peer in &peers {
            let o = pr(peer.get(&p.key).map_or("", String::as_str));
            line.push_str(&format!("  {:.2} {:.2}", o.0, o.1));
        }
        line.push_str(&format!(
            "  | {} {} {:.2} {:.2}",
            ag.trafilatura_words,
            ag.density_words,
            ag.trafilatura_in_density,
            ag.density_in_trafilatura
        ));
        println!("{line}");
    }
    for (h, n) in [(0, half), (1, pages.len() - half)] {
        for (name, s) in ["ours", "rsclean", "density", "inter", "union"]
            .iter()
            .zip(sums[h])
        {
            let (pm, rm) = (s[0] / n as f64, s[1] / n as f64);
            let f1 = 2.0 * pm * rm / (pm + rm);
            println!("half {h} {name}: P {pm:.3} R {rm:.3} F1 {f1:.3}");
        }
    }
}

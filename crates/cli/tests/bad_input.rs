//! One bad document never aborts a corpus: each is named with a reason, and the good
//! ones are still analysed and exported.

use std::io::Write;
use std::process::Command;

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn bad_files_are_reported_by_name_and_the_rest_is_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let good =
        "Harbour talks resume\n\nThe harbour authority said on Monday that talks would resume.\n\n\
                “We are ready,” said the chair.\n";
    std::fs::write(input.join("a-good.txt"), good).unwrap();
    std::fs::write(
        input.join("b-binary.txt"),
        [0u8, 1, 2, 3, 0xff, 0, 7, 8].repeat(64),
    )
    .unwrap();
    std::fs::write(input.join("c-empty.txt"), "  \n").unwrap();
    std::fs::write(
        input.join("d-latin1.txt"),
        b"Caf\xe9 owners said prices rose.\n",
    )
    .unwrap();
    let mut truncated = gzip(b"<html><body><p>A page that is cut short.</p></body></html>");
    truncated.truncate(truncated.len() / 2);
    std::fs::write(input.join("e-truncated.html.gz"), truncated).unwrap();
    std::fs::write(
        input.join("f-records.jsonl"),
        "{\"url\": \"https://example.test/one\", \"outlet\": \"Example Times\", \"text\": \"The council said the bridge will reopen.\"}\n\
         {not json}\n\
         {\"url\": \"https://example.test/three\", \"title\": \"No text\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");

    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "--quiet", "--out"])
        .arg(&out)
        .arg(&input)
        .output()
        .expect("parallax runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "exit {:?}: {stdout}", run.status);

    for (file, reason) in [
        ("b-binary.txt", "binary"),
        ("c-empty.txt", "empty"),
        ("e-truncated.html.gz", "gzip"),
        ("f-records.jsonl", "record 2"),
        ("f-records.jsonl", "record 3"),
    ] {
        assert!(
            stdout
                .lines()
                .any(|l| l.contains(file) && l.contains(reason)),
            "{file} not reported with {reason:?}:\n{stdout}"
        );
    }
    let articles = std::fs::read_to_string(out.join("articles.jsonl")).unwrap();
    let sources: Vec<String> = articles
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["source"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
    // A Latin-1 dump is text in a legacy charset, not bad input.
    assert!(sources.iter().any(|s| s.ends_with("d-latin1.txt")));
    assert!(
        articles.contains("Café owners said prices rose."),
        "{articles}"
    );
    assert!(sources.iter().any(|s| s.ends_with("a-good.txt")));
    assert!(sources.contains(&"https://example.test/one".to_owned()));
    let problems = std::fs::read_to_string(out.join("problems.jsonl")).unwrap();
    assert_eq!(problems.lines().count(), 5, "{problems}");
}

#[test]
fn a_missing_path_is_an_error_naming_it() {
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "--quiet", "/no/such/folder"])
        .output()
        .expect("parallax runs");
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("/no/such/folder"), "{stderr}");
}

#[test]
fn a_folder_with_nothing_to_read_is_an_error_and_leaves_the_old_export() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("notes.md"), "not an article").unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("manifest.json"), "{}").unwrap();
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "--quiet", "--out"])
        .arg(&out)
        .arg(&input)
        .output()
        .expect("parallax runs");
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("no file Parallax reads under"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(out.join("manifest.json")).unwrap(),
        "{}"
    );
}

/// Runs `parallax analyze` on a one-line article with `flag MODEL`; returns stderr and
/// whether the output folder was written.
fn analyze_with_model(
    flag: &str,
    model: impl Fn(&std::path::Path) -> std::path::PathBuf,
) -> (bool, String, bool) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    std::fs::write(
        &input,
        "The council said on Monday that the bridge would reopen.\n",
    )
    .unwrap();
    let model = model(dir.path());
    let out = dir.path().join("out");
    let run = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "--quiet", flag])
        .arg(&model)
        .arg("--out")
        .arg(&out)
        .arg(&input)
        .output()
        .expect("parallax runs");
    (
        run.status.success(),
        String::from_utf8_lossy(&run.stderr).into_owned(),
        out.exists(),
    )
}

#[test]
fn a_bad_attribution_model_is_named_with_the_reason_before_any_work() {
    let (ok, stderr, wrote) = analyze_with_model("--attribution-model", |dir| {
        let model = dir.join("model.bin");
        std::fs::write(&model, b"not a model").unwrap();
        model
    });
    assert!(!ok);
    assert!(stderr.contains("model.bin"), "{stderr}");
    assert!(stderr.contains("not a parallax tagger model"), "{stderr}");
    assert!(!wrote, "nothing is written when the model cannot be read");
}

#[test]
fn a_missing_sentence_model_is_named_before_any_work() {
    let (ok, stderr, wrote) =
        analyze_with_model("--semantic-model", |dir| dir.join("no-minilm-here"));
    assert!(!ok);
    assert!(stderr.contains("no-minilm-here"), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(!wrote, "nothing is written when the model cannot be read");
}

//! Sharing between two organizers with the real binary: Ana exports to
//! Bea's age key, Bea checks the fingerprint Ana reads aloud and imports.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use common::{stderr_of, TestVault};

const RECORDS: &str = r#"[
 {"id": "0b9c3f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f", "name": "Clínica Libre", "category": "clinic",
  "city": "Portland", "country": "US", "phones": [{"number": "+1 503 555 0100", "type": "voice"}],
  "updated_at": "2026-10-01T12:00:00Z"},
 {"id": "1c8d2e0f-2e3d-4c6b-8f9a-6b5c4d3e2f1a", "name": "Maître Zoë Lefèvre", "category": "lawyer",
  "city": "Paris", "country": "FR", "languages": ["fr"], "updated_at": "2026-09-01T08:30:00Z"},
 {"id": "2d7e1f0a-3f4e-4d7c-9a0b-5c4d3e2f1a0b", "name": "Casa Puente", "category": "housing",
  "city": "Madrid", "country": "ES", "updated_at": "2026-08-01T09:00:00Z"}
]"#;

/// Ana, who exports, and Bea, who imports.
struct Pair {
    ana: TestVault,
    bea: TestVault,
}

impl Pair {
    fn new() -> Pair {
        let ana = TestVault::new();
        ana.cmd()
            .arg("load")
            .arg(ana.file("records.json", RECORDS))
            .assert()
            .success();
        Pair {
            ana,
            bea: TestVault::new(),
        }
    }

    /// Ana exports `query` to Bea's age recipient; her standard output.
    fn export(&self, name: &str, query: &[&str]) -> (PathBuf, String) {
        let (_, recipient) = self.bea.public_keys();
        let out = self.ana.temp.path().join(name);
        let output = self
            .ana
            .cmd()
            .arg("export")
            .arg("--out")
            .arg(&out)
            .arg("--recipient")
            .arg(recipient)
            .args(query)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        (out, stdout_of(&output))
    }

    /// `pamphlet COMMAND BUNDLE ARGS…` in Bea's vault.
    fn bea_runs(&self, command: &str, bundle: &Path, args: &[&str]) -> Output {
        self.bea
            .cmd()
            .arg(command)
            .arg(bundle)
            .args(args)
            .output()
            .unwrap()
    }

    /// Every file of Bea's vault, once settled: sled rewrites its snapshot
    /// file at an open soon after `init`, so a `dump` goes first, and a
    /// command that changes nothing must leave every byte as it was.
    fn bea_files(&self) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
        self.bea.dump();
        self.bea.snapshot()
    }

    fn bea_keys(&self) -> String {
        let output = self.bea.cmd().args(["keys", "list"]).output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        stdout_of(&output)
    }
}

fn stdout_of(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// The first fingerprint in `text`: five groups of four upper-case hex
/// digits in a row, as pamphlet shows them.
fn fingerprint_in(text: &str) -> String {
    let is_group = |word: &str| {
        word.len() == 4
            && word
                .chars()
                .all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c))
    };
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .collect();
    words
        .windows(5)
        .find(|five| five.iter().all(|word| is_group(word)))
        .map(|five| five.join(" "))
        .unwrap_or_else(|| panic!("no fingerprint in {text:?}"))
}

#[test]
fn export_shows_the_fingerprint_the_importer_sees() {
    let pair = Pair::new();
    let (bundle, said) = pair.export("all.age", &[]);
    let line = said
        .lines()
        .find(|line| line.starts_with("your fingerprint: "))
        .unwrap_or_else(|| panic!("no fingerprint line: {said}"));
    assert!(
        line.ends_with("(read this aloud to whoever imports it)"),
        "{line}"
    );
    let spoken = fingerprint_in(line);

    let shown = pair.ana.cmd().args(["keys", "show"]).output().unwrap();
    assert_eq!(fingerprint_in(&stdout_of(&shown)), spoken, "keys show");

    let verified = pair.bea_runs("verify", &bundle, &[]);
    assert!(verified.status.success(), "{}", stderr_of(&verified));
    let text = stdout_of(&verified);
    assert!(text.contains(&format!("untrusted ({spoken})")), "{text}");
}

#[test]
fn trust_fingerprint_trusts_the_signer_only_when_it_matches() {
    let pair = Pair::new();
    let (bundle, said) = pair.export("all.age", &[]);
    let spoken = fingerprint_in(&said);
    let before = pair.bea_files();

    // One digit misheard: refused, nothing trusted, nothing imported.
    let last = spoken.chars().last().unwrap();
    let misheard = format!(
        "{}{}",
        &spoken[..spoken.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    let refused = pair.bea_runs("import", &bundle, &["--trust-fingerprint", &misheard]);
    assert_eq!(refused.status.code(), Some(1));
    let error = stderr_of(&refused);
    assert!(
        error.contains(&format!(
            "has the fingerprint {spoken}, not {misheard}; nothing was trusted or imported"
        )),
        "{error}"
    );
    assert_eq!(pair.bea_keys(), "", "nothing trusted");
    assert_eq!(pair.bea.dump(), "");
    assert!(pair.bea.snapshot() == before, "the vault changed");

    // Not a fingerprint at all: a usage error, before the vault is opened.
    for typo in ["A75A AA8D", "A75A AA8D 588F 3507 677G"] {
        let malformed = pair.bea_runs("import", &bundle, &["--trust-fingerprint", typo]);
        assert_eq!(malformed.status.code(), Some(2), "{typo}");
        let error = stderr_of(&malformed);
        assert!(
            error.contains(&format!("\"{typo}\" is not a fingerprint")),
            "{error}"
        );
        assert!(error.contains("five groups of four"), "{error}");
    }
    assert!(pair.bea.snapshot() == before, "the vault changed");

    // Typed without spaces, in lower case: the same fingerprint.
    let typed = spoken.replace(' ', "").to_lowercase();
    let done = pair.bea_runs("import", &bundle, &["--trust-fingerprint", &typed]);
    assert!(done.status.success(), "{}", stderr_of(&done));
    let text = stdout_of(&done);
    let name = format!("signer {}", &spoken[..9]);
    assert!(
        text.contains(&format!("now trusting {name} ({spoken})")),
        "{text}"
    );
    assert!(text.contains("imported: 3 new"), "{text}");
    assert!(pair.bea_keys().starts_with(&name), "{}", pair.bea_keys());

    // --trust-signer and --trust-fingerprint are one choice, not two.
    let both = pair.bea_runs(
        "import",
        &bundle,
        &["--trust-signer", "--trust-fingerprint", &spoken],
    );
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn trust_fingerprint_takes_a_signer_name() {
    let pair = Pair::new();
    let (bundle, said) = pair.export("all.age", &["portland"]);
    let spoken = fingerprint_in(&said);
    let done = pair.bea_runs(
        "import",
        &bundle,
        &[
            "--trust-fingerprint",
            &spoken,
            "--signer-name",
            "Ana (Portland)",
        ],
    );
    assert!(done.status.success(), "{}", stderr_of(&done));
    assert!(pair.bea_keys().starts_with("Ana (Portland)  "));
    let alone = pair.bea_runs("import", &bundle, &["--signer-name", "Ana"]);
    assert_eq!(alone.status.code(), Some(2), "a name with no one to trust");
}

#[test]
fn a_dry_run_shows_any_signed_bundle_and_changes_nothing() {
    let pair = Pair::new();
    let (bundle, said) = pair.export("all.age", &[]);
    let spoken = fingerprint_in(&said);
    let before = pair.bea_files();

    let dry = pair.bea_runs("import", &bundle, &["--dry-run"]);
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    let text = stdout_of(&dry);
    for expected in [
        format!("signer: untrusted ({spoken})"),
        "new        Clínica Libre [clinic] Portland, US (0b9c3f1e)".to_owned(),
        "new        Maître Zoë Lefèvre [lawyer] Paris, FR (1c8d2e0f)".to_owned(),
        "new        Casa Puente [housing] Madrid, ES (2d7e1f0a)".to_owned(),
        "dry run: nothing was changed".to_owned(),
        format!(
            "`pamphlet import --trust-fingerprint \"{spoken}\" {}`",
            bundle.display()
        ),
    ] {
        assert!(text.contains(&expected), "{expected:?} not in {text}");
    }
    let json = pair.bea_runs("import", &bundle, &["--dry-run", "--json"]);
    assert!(json.status.success(), "{}", stderr_of(&json));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(report["applied"], false);
    assert!(report["bundle"]["signer_name"].is_null());
    assert_eq!(report["bundle"]["fingerprint"], spoken.as_str());
    assert!(report["import_refused"]
        .as_str()
        .unwrap()
        .contains("untrusted key"));
    assert!(pair.bea_files() == before, "a dry run changed the vault");

    // Imported: the same bundle again is a replay, which a dry run names.
    let done = pair.bea_runs("import", &bundle, &["--trust-fingerprint", &spoken]);
    assert!(done.status.success(), "{}", stderr_of(&done));
    let again = pair.bea_runs("import", &bundle, &["--dry-run"]);
    assert!(again.status.success(), "{}", stderr_of(&again));
    let text = stdout_of(&again);
    assert!(
        text.contains(&format!("signer: signer {} ({spoken})", &spoken[..9])),
        "{text}"
    );
    assert!(
        text.contains("import: would be refused: this bundle is sequence 1"),
        "{text}"
    );
    assert!(!text.contains("--trust-fingerprint"), "{text}");
}

#[test]
fn verify_ends_with_the_next_step() {
    let pair = Pair::new();
    let (bundle, said) = pair.export("all.age", &[]);
    let spoken = fingerprint_in(&said);
    let file = bundle.display().to_string();
    let verified = pair.bea_runs("verify", &bundle, &[]);
    assert!(verified.status.success(), "{}", stderr_of(&verified));
    let text = stdout_of(&verified);
    let last = text.lines().last().unwrap();
    assert!(last.starts_with("next:"), "{text}");
    assert!(
        last.contains(&format!("`pamphlet import --dry-run {file}`")),
        "{last}"
    );
    assert!(
        last.contains(&format!(
            "`pamphlet import --trust-fingerprint \"{spoken}\" {file}`"
        )),
        "{last}"
    );

    let done = pair.bea_runs("import", &bundle, &["--trust-fingerprint", &spoken]);
    assert!(done.status.success(), "{}", stderr_of(&done));
    let (second, _) = pair.export("second.age", &["paris"]);
    let verified = pair.bea_runs("verify", &second, &[]);
    let text = stdout_of(&verified);
    let last = text.lines().last().unwrap();
    assert!(
        last.ends_with(&format!("then `pamphlet import {}`", second.display())),
        "{text}"
    );
    // A replayed bundle has no next step, only the refusal.
    let replayed = stdout_of(&pair.bea_runs("verify", &bundle, &[]));
    assert!(!replayed.contains("next:"), "{replayed}");
    assert!(replayed.contains("would be refused"), "{replayed}");
}

/// The lines of a listing: those that end with a short id in parentheses.
fn listed(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| line.starts_with("  ") && line.ends_with(')'))
        .map(|line| line.trim().to_owned())
        .collect()
}

#[test]
fn export_print_and_csv_list_exactly_what_they_write() {
    let pair = Pair::new();
    let ana = &pair.ana;
    // What leaves: a dry run, then the export itself, then what Bea sees.
    let dry = ana
        .cmd()
        .args(["export", "--dry-run", "lawyer"])
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    let text = stdout_of(&dry);
    let preview = listed(&text);
    assert_eq!(
        preview,
        ["Maître Zoë Lefèvre [lawyer] Paris, FR (1c8d2e0f)"],
        "{text}"
    );
    assert!(
        text.contains("dry run: 1 record would leave; nothing was written"),
        "{text}"
    );
    let all = stdout_of(&ana.cmd().args(["export", "--dry-run"]).output().unwrap());
    assert_eq!(listed(&all).len(), 3, "{all}");
    let (bundle, said) = pair.export("lawyer.age", &["lawyer"]);
    assert_eq!(listed(&said), preview, "export lists what it wrote: {said}");
    assert!(
        said.contains("(sequence 1,"),
        "a dry run uses no sequence: {said}"
    );
    let plan = stdout_of(&pair.bea_runs("import", &bundle, &["--dry-run"]));
    let planned: Vec<String> = plan
        .lines()
        .filter_map(|line| line.strip_prefix("new        "))
        .map(str::to_owned)
        .collect();
    assert_eq!(planned, preview, "the bundle holds what was listed: {plan}");

    // export-csv and print: the dry run lists the rows the file gets.
    let csv = ana.temp.path().join("out.csv");
    let dry = ana
        .cmd()
        .args(["export-csv", "--dry-run", "--out"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    assert!(!csv.exists(), "a dry run writes nothing");
    let preview = listed(&stdout_of(&dry));
    let wrote = ana
        .cmd()
        .args(["export-csv", "--out"])
        .arg(&csv)
        .output()
        .unwrap();
    assert!(wrote.status.success(), "{}", stderr_of(&wrote));
    assert_eq!(listed(&stderr_of(&wrote)), preview);
    let rows = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(rows.lines().count(), preview.len() + 1, "{rows}");
    for line in &preview {
        let name = line.split(" [").next().unwrap();
        assert!(rows.contains(name), "{name} not in {rows}");
    }

    let sheet = ana.temp.path().join("sheet.txt");
    let dry = ana
        .cmd()
        .args(["print", "--dry-run", "--format", "txt", "portland"])
        .output()
        .unwrap();
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    let preview = listed(&stdout_of(&dry));
    assert_eq!(preview, ["Clínica Libre [clinic] Portland, US (0b9c3f1e)"]);
    let wrote = ana
        .cmd()
        .args(["print", "--format", "txt", "portland", "--out"])
        .arg(&sheet)
        .output()
        .unwrap();
    assert!(wrote.status.success(), "{}", stderr_of(&wrote));
    assert_eq!(listed(&stderr_of(&wrote)), preview);
    let printed = std::fs::read_to_string(&sheet).unwrap();
    assert!(printed.contains("Clínica Libre"), "{printed}");
    assert!(
        !printed.contains("Zoë") && !printed.contains("Casa Puente"),
        "{printed}"
    );
}

/// Two organizers, the whole way: Ana exports to Bea's key and reads her
/// fingerprint aloud; Bea verifies, looks at the plan untrusted, refuses a
/// misheard fingerprint, then imports with the right one.
#[test]
fn two_organizers_share_by_fingerprint_end_to_end() {
    let pair = Pair::new();
    let (bundle, said) = pair.export("meeting.age", &[]);
    let spoken = fingerprint_in(
        said.lines()
            .find(|line| line.starts_with("your fingerprint: "))
            .unwrap(),
    );
    let before = pair.bea_files();

    let verified = stdout_of(&pair.bea_runs("verify", &bundle, &[]));
    assert!(
        verified.contains(&format!("untrusted ({spoken})")),
        "{verified}"
    );
    assert!(verified.contains("import --dry-run"), "{verified}");

    let dry = stdout_of(&pair.bea_runs("import", &bundle, &["--dry-run"]));
    assert!(
        dry.contains(&format!("signer: untrusted ({spoken})")),
        "{dry}"
    );
    assert!(
        dry.contains("new        Casa Puente [housing] Madrid, ES (2d7e1f0a)"),
        "{dry}"
    );
    assert!(pair.bea_files() == before, "the dry run changed the vault");

    let wrong = spoken.replace(&spoken[..4], "0000");
    let refused = pair.bea_runs("import", &bundle, &["--trust-fingerprint", &wrong]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr_of(&refused));
    assert_eq!(pair.bea_keys(), "", "nothing trusted");
    assert!(pair.bea_files() == before, "the refusal changed the vault");

    let done = pair.bea_runs(
        "import",
        &bundle,
        &["--trust-fingerprint", &spoken, "--signer-name", "Ana"],
    );
    assert!(done.status.success(), "{}", stderr_of(&done));
    let dump = pair.bea.dump();
    for name in ["Clínica Libre", "Maître Zoë Lefèvre", "Casa Puente"] {
        assert!(dump.contains(name), "{name} not imported: {dump}");
    }
    assert!(pair.bea_keys().starts_with("Ana  "));
}

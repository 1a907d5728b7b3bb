//! The corpus of bad inputs under `tests/data/`: every `fail_*` file is fed
//! to the real binary the way its kind is read, and each must be refused
//! with exit status 1, one `error:` line on stderr (and at most one `hint:`
//! line), no panic, and the vault left byte for byte as it was. What each
//! file is: `tests/data/README.md`.
//!
//! - `fail_*.json`: `load FILE`
//! - `fail_*.csv`: `import-csv FILE`
//! - `fail_key_*.age`: swapped in as `key.age` of a copy of the vault, then
//!   `dump` (which unlocks it)
//! - other `fail_*.age`: `verify FILE` and `import FILE --trust-signer`, both
//!   with the meeting passphrase below
//!
//! `pass_*.age` files are the controls: they `verify`, so that the damage in
//! their `fail_*` twins, not the way the corpus was made, is what is refused.

mod common;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use common::{stderr_of, TestVault};

/// The meeting passphrase that the corpus's bundles were encrypted with
/// (all but `fail_wrong_passphrase.age`, `fail_for_another_vault.age`).
const MEETING_PASSPHRASE: &str = "meeting passphrase for the corpus";

/// How a file of the corpus is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Json,
    Csv,
    Bundle,
    KeyFile,
}

impl Kind {
    fn of(name: &str) -> Kind {
        if name.starts_with("fail_key_") {
            Kind::KeyFile
        } else if name.ends_with(".json") {
            Kind::Json
        } else if name.ends_with(".csv") {
            Kind::Csv
        } else if name.ends_with(".age") {
            Kind::Bundle
        } else {
            panic!("{name}: a fail_* file must end in .json, .csv or .age")
        }
    }
}

/// The files of `tests/data/` (not its folders) whose names start with
/// `prefix`, sorted.
fn corpus(prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file() && file_name(path).starts_with(prefix))
        .collect();
    files.sort();
    files
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

/// What is wrong with how `output` refused `input`, if anything.
fn refusal_problem(output: &std::process::Output) -> Option<String> {
    let stderr = stderr_of(output);
    let lines: Vec<&str> = stderr.lines().collect();
    let shape_ok = match lines.as_slice() {
        [error] => error.starts_with("error: "),
        [error, hint] => error.starts_with("error: ") && hint.starts_with("hint: "),
        _ => false,
    };
    if stderr.contains("panicked") {
        Some(format!("panicked:\n{stderr}"))
    } else if output.status.code() != Some(1) {
        Some(format!("exit status {:?}:\n{stderr}", output.status.code()))
    } else if !shape_ok {
        Some(format!(
            "stderr is not one `error:` line and at most one `hint:` line:\n{stderr}"
        ))
    } else {
        None
    }
}

/// Runs `args` on `vault` and checks the refusal and that the vault's files
/// are unchanged; a problem is added to `problems`.
fn expect_refusal(vault: &TestVault, what: &str, args: &[OsString], problems: &mut Vec<String>) {
    let before = vault.snapshot();
    let output = vault.cmd().args(args).output().unwrap();
    if let Some(problem) = refusal_problem(&output) {
        problems.push(format!("{what}: {problem}"));
    }
    if vault.snapshot() != before {
        problems.push(format!("{what}: the vault's files changed"));
    }
}

/// Reads the vault until a read leaves its files as they were. After a
/// write, sled rewrites its recovery snapshot (and the log) at the next
/// open or two, with the same records: that is not a refused input
/// changing the vault.
fn settle(vault: &TestVault) {
    for _ in 0..5 {
        let before = vault.snapshot();
        vault.dump();
        if vault.snapshot() == before {
            return;
        }
    }
    panic!("the vault's files still change on every read");
}

/// A copy of `vault` with `key_file` as its `key.age`.
fn with_key_file(vault: &TestVault, key_file: &Path) -> TestVault {
    let copy = TestVault::empty();
    common::copy_dir(&vault.dir, &copy.dir);
    fs::copy(key_file, copy.dir.join(pamphlet::vault::KEY_FILE)).unwrap();
    copy
}

#[test]
fn every_bad_input_is_refused_with_one_error_and_leaves_the_vault_alone() {
    let vault = TestVault::with_sample();
    settle(&vault);
    let meeting = vault.file("meeting", &format!("{MEETING_PASSPHRASE}\n"));
    let mut problems = Vec::new();
    let mut count: BTreeMap<Kind, usize> = BTreeMap::new();
    for path in corpus("fail_") {
        let name = file_name(&path);
        let kind = Kind::of(&name);
        *count.entry(kind).or_default() += 1;
        let file = path.clone().into_os_string();
        let passphrase = meeting.clone().into_os_string();
        match kind {
            Kind::Json => {
                expect_refusal(&vault, &name, &["load".into(), file], &mut problems);
            }
            Kind::Csv => {
                expect_refusal(&vault, &name, &["import-csv".into(), file], &mut problems);
            }
            Kind::Bundle => {
                let with_passphrase = ["--bundle-passphrase-file".into(), passphrase];
                let verify = [&["verify".into(), file.clone()][..], &with_passphrase].concat();
                let import = [
                    &["import".into(), file, "--trust-signer".into()][..],
                    &with_passphrase,
                ]
                .concat();
                expect_refusal(&vault, &format!("verify {name}"), &verify, &mut problems);
                expect_refusal(&vault, &format!("import {name}"), &import, &mut problems);
            }
            Kind::KeyFile => {
                let damaged = with_key_file(&vault, &path);
                expect_refusal(&damaged, &name, &["dump".into()], &mut problems);
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
    // The walk found every kind, so a misplaced corpus cannot pass unseen.
    for kind in [Kind::Json, Kind::Csv, Kind::Bundle, Kind::KeyFile] {
        assert!(
            count.get(&kind).copied().unwrap_or(0) >= 5,
            "few {kind:?} files: {count:?}"
        );
    }
}

/// The controls: bundles made the same way as the `fail_*` ones, without
/// their damage, verify.
#[test]
fn the_undamaged_controls_verify() {
    let vault = TestVault::with_sample();
    let meeting = vault.file("meeting", &format!("{MEETING_PASSPHRASE}\n"));
    let controls = corpus("pass_");
    assert!(!controls.is_empty());
    for path in controls {
        let output = vault
            .cmd()
            .arg("verify")
            .arg(&path)
            .arg("--bundle-passphrase-file")
            .arg(&meeting)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}: {}",
            file_name(&path),
            stderr_of(&output)
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        assert!(stdout.contains("signature:  good"), "{stdout}");
    }
}

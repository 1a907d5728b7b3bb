//! Every command that prints to standard output, run with its standard
//! output a pipe whose reader is already gone (`pamphlet show ID | true`):
//! it must end quietly with exit status 0, never panic, and still do its
//! work. Any other failed write (`> /dev/full`) is a failure, not a panic.
//! The real binary on real vaults at a cheap work factor.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{sample_path, stderr_of, TestVault};

/// Runs `cmd` with its standard output a pipe nobody reads.
fn into_closed_pipe(cmd: &mut Command) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    cmd.stdout(writer).stderr(Stdio::piped()).output().unwrap()
}

/// Runs `args` on `vault` into a closed pipe and checks it ended well.
fn assert_ends_quietly(vault: &TestVault, args: &[&str]) {
    let output = into_closed_pipe(vault.std_cmd().args(args));
    let stderr = stderr_of(&output);
    let what = args.join(" ");
    assert!(!stderr.contains("panicked"), "`{what}` panicked: {stderr}");
    assert_eq!(
        output.status.code(),
        Some(0),
        "`{what}` on a closed pipe: {stderr}"
    );
}

/// For a command that changes nothing: checks that it does print when read
/// (else the closed pipe would test nothing), then that it ends quietly
/// when not read.
fn assert_prints_then_ends_quietly(vault: &TestVault, args: &[&str]) {
    let read = vault.std_cmd().args(args).output().unwrap();
    assert!(
        read.status.success() && !read.stdout.is_empty(),
        "`{}` prints when read: {}",
        args.join(" "),
        stderr_of(&read)
    );
    assert_ends_quietly(vault, args);
}

/// The id of the first record `dump` prints.
fn first_id(vault: &TestVault) -> String {
    let dump = vault.dump();
    let first: serde_json::Value = serde_json::from_str(dump.lines().next().unwrap()).unwrap();
    first["id"].as_str().unwrap().to_owned()
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn reading_a_vault_ends_quietly() {
    let vault = TestVault::with_sample();
    let id = first_id(&vault);
    for args in [
        vec!["search", "clinic"],
        vec!["search", "clinic", "--json"],
        vec!["dump"],
        vec!["show", &id],
        vec!["show", &id[..8], "--json"],
        vec!["export-csv"],
        vec!["export-csv", "clinic"],
        vec!["print"],
        vec!["print", "--format", "md"],
        vec!["print", "--format", "txt", "clinic"],
    ] {
        assert_prints_then_ends_quietly(&vault, &args);
    }
}

#[test]
fn keys_end_quietly() {
    let vault = TestVault::new();
    let (signing_key, recipient) = TestVault::new().public_keys();
    assert_ends_quietly(
        &vault,
        &[
            "keys",
            "trust",
            "Rosa",
            &signing_key,
            "--recipient",
            &recipient,
        ],
    );
    for args in [
        vec!["keys", "show"],
        vec!["keys", "show", "--qr"],
        vec!["keys", "list"],
        vec!["keys", "list", "--json"],
        vec!["keys", "export-identity"],
    ] {
        assert_prints_then_ends_quietly(&vault, &args);
    }
    assert_ends_quietly(&vault, &["keys", "untrust", "Rosa"]);
    let listed = vault.cmd().args(["keys", "list"]).output().unwrap();
    assert!(listed.status.success(), "{}", stderr_of(&listed));
    assert!(listed.stdout.is_empty(), "trusted, then untrusted");
}

#[test]
fn changing_records_ends_quietly_and_still_changes_them() {
    let vault = TestVault::empty();
    assert_ends_quietly(&vault, &["init"]);
    assert_eq!(vault.dump(), "", "init made a vault");
    assert_ends_quietly(&vault, &["load", path_str(&sample_path())]);
    let id = first_id(&vault);
    assert_ends_quietly(
        &vault,
        &["add", "--name", "Casa Segura", "--category", "housing"],
    );
    assert!(
        vault.dump().contains("Casa Segura"),
        "add stored the record"
    );
    assert_ends_quietly(&vault, &["edit", &id, "--city", "Pipeville"]);
    assert!(vault.dump().contains("Pipeville"), "edit stored the change");
    assert_ends_quietly(&vault, &["rm", &id]);
    assert!(!vault.dump().contains(&id), "rm removed the record");

    let new_passphrase = vault.file("new-passphrase", "a new passphrase, longer\n");
    assert_ends_quietly(
        &vault,
        &["passwd", "--new-passphrase-file", path_str(&new_passphrase)],
    );
    vault
        .cmd_with(&new_passphrase)
        .arg("dump")
        .assert()
        .success();
    assert_ends_quietly(&vault, &["wipe", "--yes"]);
    assert!(
        !vault.dir.join("key.age").exists(),
        "wipe destroyed the vault"
    );
}

#[test]
fn bundles_end_quietly() {
    let rosa = TestVault::with_sample();
    let sam = TestVault::new();
    let meeting = rosa.file("meeting", "tuesday at the library\n");
    let meeting = path_str(&meeting);
    let bundle = rosa.temp.path().join("clinics.age");
    let bundle = path_str(&bundle);
    assert_ends_quietly(
        &rosa,
        &[
            "export",
            "--out",
            bundle,
            "--bundle-passphrase-file",
            meeting,
            "clinic",
        ],
    );
    assert!(Path::new(bundle).exists(), "export wrote the bundle");
    let verify = ["verify", bundle, "--bundle-passphrase-file", meeting];
    let import = [
        "import",
        bundle,
        "--bundle-passphrase-file",
        meeting,
        "--trust-signer",
    ];
    for args in [
        verify.to_vec(),
        [&verify[..], &["--json"]].concat(),
        [&import[..], &["--dry-run"]].concat(),
        [&import[..], &["--dry-run", "--json"]].concat(),
    ] {
        assert_prints_then_ends_quietly(&sam, &args);
    }
    assert_eq!(sam.dump(), "", "dry runs changed nothing");
    assert_ends_quietly(&sam, &import);
    assert!(!sam.dump().is_empty(), "import stored the records");
}

#[test]
fn moving_records_in_and_out_ends_quietly() {
    let rosa = TestVault::with_sample();
    let package = rosa.temp.path().join("hsds");
    assert_ends_quietly(&rosa, &["export-hsds", path_str(&package)]);
    assert!(
        package.join("datapackage.json").exists(),
        "export-hsds wrote"
    );
    let csv = rosa.temp.path().join("all.csv");
    rosa.cmd()
        .args(["export-csv", "--out", path_str(&csv)])
        .assert()
        .success();

    let sam = TestVault::new();
    assert_ends_quietly(&sam, &["import-hsds", path_str(&package)]);
    assert_eq!(sam.dump(), rosa.dump(), "import-hsds stored the records");

    let kim = TestVault::new();
    for args in [
        vec!["import-csv", path_str(&csv), "--dry-run"],
        vec!["import-csv", path_str(&csv), "--dry-run", "--json"],
    ] {
        assert_prints_then_ends_quietly(&kim, &args);
    }
    assert_eq!(kim.dump(), "", "dry runs stored nothing");
    assert_ends_quietly(&kim, &["import-csv", path_str(&csv)]);
    assert!(!kim.dump().is_empty(), "import-csv stored the records");

    // Rows with problems are listed on stdout before the command fails: it
    // fails as it would, not with a panic.
    let bad = kim.file("bad.csv", "name,category\nSomeone,not-a-category\n");
    let output = into_closed_pipe(kim.std_cmd().arg("import-csv").arg(&bad));
    let stderr = stderr_of(&output);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("rows have problems"), "{stderr}");
}

#[test]
fn generated_text_and_help_end_quietly() {
    let vault = TestVault::empty();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        assert_prints_then_ends_quietly(&vault, &["completions", shell]);
    }
    for args in [
        vec!["man"],
        vec!["--help"],
        vec!["-h"],
        vec!["help"],
        vec!["help", "search"],
        vec!["search", "--help"],
        vec!["keys", "--help"],
        vec!["--version"],
    ] {
        assert_prints_then_ends_quietly(&vault, &args);
    }
    assert!(!vault.dir.exists(), "none of these made a vault");
}

/// The terminal UI needs a terminal: on a pipe it says so, as a failure,
/// without a panic.
#[test]
fn the_terminal_ui_refuses_a_pipe_without_a_panic() {
    let vault = TestVault::new();
    for args in [vec![], vec!["demo"]] {
        let output = into_closed_pipe(vault.std_cmd().args(&args));
        let stderr = stderr_of(&output);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(stderr.contains("terminal"), "{stderr}");
    }
}

/// Any other failure to write is reported as a failure, not a panic.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_reported_without_a_panic() {
    let vault = TestVault::new();
    for args in [vec!["keys", "show"], vec!["completions", "bash"]] {
        let full = fs::File::create("/dev/full").unwrap();
        let output = vault
            .std_cmd()
            .args(&args)
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = stderr_of(&output);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
}

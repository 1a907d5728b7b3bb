//! Bundles work with the stock `age`, `minisign` and `tar`: they open what
//! pamphlet writes, and pamphlet accepts what they write by hand.
//!
//! These tests need the tools. Under CI (`CI=true`) a missing tool is a
//! failure; elsewhere the test says it skipped.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{stderr_of, TestVault};

const RECORDS: &str = r#"{"id":"0b9c3f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f","name":"Clínica Libre","category":"clinic","city":"Portland","country":"US","updated_at":"2026-10-01T12:00:00Z"}
"#;

/// Whether every tool is on the PATH; panics under CI when one is not.
fn tools_present(tools: &[&str]) -> bool {
    let missing: Vec<&str> = tools
        .iter()
        .copied()
        .filter(|tool| {
            Command::new("sh")
                .arg("-c")
                .arg(format!("command -v {tool}"))
                .stdout(Stdio::null())
                .status()
                .map(|s| !s.success())
                .unwrap_or(true)
        })
        .collect();
    if missing.is_empty() {
        return true;
    }
    common::skip_unless_ci(&format!(
        "these tools are missing: {missing:?} (.ci/run installs them)"
    ));
    false
}

fn run(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn unpack(tar: &Path, into: &Path) {
    fs::create_dir_all(into).unwrap();
    run(Command::new("tar").arg("-xf").arg(tar).arg("-C").arg(into));
}

#[test]
fn stock_age_and_minisign_open_and_verify_a_recipient_bundle() {
    if !tools_present(&["age", "minisign", "tar"]) {
        return;
    }
    let rosa = TestVault::new();
    rosa.cmd()
        .arg("load")
        .arg(rosa.file("r.jsonl", RECORDS))
        .assert()
        .success();
    let sam = TestVault::new();
    let (_, sam_recipient) = sam.public_keys();
    let (rosa_key, _) = rosa.public_keys();
    let bundle = rosa.temp.path().join("b.age");
    rosa.cmd()
        .arg("export")
        .arg("--out")
        .arg(&bundle)
        .args(["--recipient", &sam_recipient])
        .assert()
        .success();

    let identity = sam.temp.path().join("identity.txt");
    let secret = run(sam.std_cmd().args(["keys", "export-identity"]));
    fs::write(&identity, secret).unwrap();
    let tar = sam.temp.path().join("b.tar");
    run(Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&identity)
        .arg("-o")
        .arg(&tar)
        .arg(&bundle));
    let unpacked = sam.temp.path().join("unpacked");
    unpack(&tar, &unpacked);
    for file in ["manifest.json", "records.jsonl"] {
        let printed = run(Command::new("minisign")
            .arg("-V")
            .arg("-P")
            .arg(&rosa_key)
            .arg("-m")
            .arg(unpacked.join(file)));
        assert!(printed.contains("verified"), "{printed}");
    }
    assert!(fs::read_to_string(unpacked.join("records.jsonl"))
        .unwrap()
        .contains("Clínica Libre"));
}

#[test]
fn stock_age_opens_a_passphrase_bundle() {
    // age reads passphrases only from a terminal: `script` gives it one.
    if !tools_present(&["age", "script", "tar"]) {
        return;
    }
    let rosa = TestVault::new();
    rosa.cmd()
        .arg("load")
        .arg(rosa.file("r.jsonl", RECORDS))
        .assert()
        .success();
    let passphrase = rosa.file("meeting", "tuesday at the library\n");
    let bundle = rosa.temp.path().join("b.age");
    rosa.cmd()
        .arg("export")
        .arg("--out")
        .arg(&bundle)
        .arg("--bundle-passphrase-file")
        .arg(&passphrase)
        .assert()
        .success();
    let tar = rosa.temp.path().join("b.tar");
    let mut child = Command::new("script")
        .arg("-q")
        .arg("-c")
        .arg(format!(
            "age -d -o '{}' '{}'",
            tar.display(),
            bundle.display()
        ))
        .arg("/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"tuesday at the library\n")
        .unwrap();
    assert!(child.wait().unwrap().success());
    let unpacked = rosa.temp.path().join("unpacked");
    unpack(&tar, &unpacked);
    let manifest = fs::read_to_string(unpacked.join("manifest.json")).unwrap();
    assert!(
        manifest.contains("\"format\": \"pamphlet-bundle\""),
        "{manifest}"
    );
}

#[test]
fn a_bundle_made_by_hand_with_stock_tools_is_accepted_once_trusted() {
    if !tools_present(&["age", "minisign", "tar"]) {
        return;
    }
    let sam = TestVault::new();
    let (_, sam_recipient) = sam.public_keys();
    let work = sam.temp.path().join("handmade");
    fs::create_dir_all(&work).unwrap();
    run(Command::new("minisign")
        .args(["-G", "-W", "-p"])
        .arg(work.join("key.pub"))
        .arg("-s")
        .arg(work.join("key.sec")));
    let public_key = fs::read_to_string(work.join("key.pub"))
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_owned();

    fs::write(work.join("records.jsonl"), RECORDS).unwrap();
    let records_hash = {
        use sha2::Digest;
        sha2::Sha256::digest(RECORDS.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let manifest = format!(
        r#"{{"format":"pamphlet-bundle","version":1,"bundle_id":"7a1e0c55-3b1f-4e2a-9c4d-2f6e8a0b1c3d","signer":"{public_key}","sequence":1,"created_at":"2026-11-01T10:00:00Z","expires_at":null,"record_count":1,"records_sha256":"{records_hash}","selection":"","redacted":[]}}"#
    );
    fs::write(work.join("manifest.json"), manifest).unwrap();
    for file in ["manifest.json", "records.jsonl"] {
        run(Command::new("minisign")
            .arg("-S")
            .arg("-s")
            .arg(work.join("key.sec"))
            .arg("-m")
            .arg(work.join(file)));
    }
    run(Command::new("tar")
        .arg("-cf")
        .arg(work.join("bundle.tar"))
        .arg("-C")
        .arg(&work)
        .args([
            "manifest.json",
            "manifest.json.minisig",
            "records.jsonl",
            "records.jsonl.minisig",
        ]));
    let bundle = work.join("bundle.age");
    run(Command::new("age")
        .arg("-r")
        .arg(&sam_recipient)
        .arg("-o")
        .arg(&bundle)
        .arg(work.join("bundle.tar")));

    let untrusted = sam.cmd().arg("import").arg(&bundle).output().unwrap();
    assert_eq!(untrusted.status.code(), Some(1));
    assert!(stderr_of(&untrusted).contains("untrusted key"));
    sam.cmd()
        .args(["keys", "trust", "Handmade", &public_key])
        .assert()
        .success();
    let verified = run(sam.std_cmd().arg("verify").arg(&bundle));
    assert!(verified.contains("signer:     Handmade"), "{verified}");
    assert!(verified.contains("records:    1"), "{verified}");
    sam.cmd().arg("import").arg(&bundle).assert().success();
    assert!(sam.dump().contains("Clínica Libre"));
}

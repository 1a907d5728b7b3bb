//! Hostile text on every way in, and the bytes the real binary writes.
//! Text from a record, a bundle, a manifest, a CSV or HSDS file, a JSON
//! file or a file's name may hold escape sequences (`ESC ]0;…BEL` retitles
//! the window, `ESC [2J` clears the screen, U+009B is ESC `[` in one byte),
//! newlines that forge a line of output, and bidirectional overrides. None
//! of them may reach standard output or standard error as they are: each
//! test checks the bytes, and that no line starts with the forged id.

mod common;

use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};
use std::process::Output;

use common::{stderr_of, TestVault, PASSPHRASE};

/// Sets a terminal's title and clears its screen.
const TITLE_AND_CLEAR: &str = "\u{1b}]0;PWN\u{7}\u{1b}[2J";
/// The id the forged lines start with.
const FORGED_ID: &str = "0badc0de";
/// A name that, printed raw, makes a second line in a list of records.
const FORGED_NAME: &str = "Ana\n0badc0de  Clínica Girasol  [clinic]  Portland, US  +1 503 555 9999";
/// A right-to-left override, and a C1 control sequence introducer.
const OVERRIDE: &str = "Port\u{202e}dnal";
const C1: &str = "csi\u{9b}2J";

/// Every kind of hostile text, named.
const HOSTILE: [(&str, &str); 4] = [
    ("escape sequence", TITLE_AND_CLEAR),
    ("forged line", FORGED_NAME),
    ("override", OVERRIDE),
    ("c1", C1),
];

/// What must never be in bytes written to a terminal: a control byte other
/// than newline and tab, a C1 control (UTF-8 C2 80–C2 9F), a bidirectional
/// embedding, override or isolate, or a line starting with the forged id.
fn assert_clean_bytes(what: &str, stream: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let fail = |problem: &str| panic!("{what}: {stream} holds {problem}:\n{text:?}");
    if let Some(byte) = bytes
        .iter()
        .find(|b| (**b < 0x20 && **b != b'\n' && **b != b'\t') || **b == 0x7f)
    {
        fail(&format!("the control byte {byte:#04x}"));
    }
    if bytes
        .windows(2)
        .any(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1]))
    {
        fail("a C1 control");
    }
    if bytes
        .windows(3)
        .any(|w| w[0] == 0xe2 && w[1] == 0x80 && (0xaa..=0xae).contains(&w[2]))
        || bytes
            .windows(3)
            .any(|w| w[0] == 0xe2 && w[1] == 0x81 && (0xa6..=0xa9).contains(&w[2]))
    {
        fail("a bidirectional override or isolate");
    }
    if text.lines().any(|line| line.starts_with(FORGED_ID)) {
        fail("a forged line");
    }
}

fn assert_clean(what: &str, output: &Output) {
    assert_clean_bytes(what, "stdout", &output.stdout);
    assert_clean_bytes(what, "stderr", &output.stderr);
}

fn stdout_of(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A bundle assembled by hand, signed with a key of the test's own, to a
/// meeting passphrase (cheap scrypt) or to a vault's recipient.
struct Signer {
    keypair: minisign::KeyPair,
}

const MEETING: &str = "tuesday at the library";

impl Signer {
    fn new() -> Signer {
        Signer {
            keypair: minisign::KeyPair::generate_unencrypted_keypair().unwrap(),
        }
    }

    fn public_key(&self) -> String {
        self.keypair.pk.to_base64()
    }

    fn manifest(&self, records: &str) -> serde_json::Value {
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(records.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        serde_json::json!({
            "format": "pamphlet-bundle",
            "version": 1,
            "bundle_id": "5ef8a6b2-60d3-41c7-a7f1-7183b70f490c",
            "signer": self.public_key(),
            "sequence": 1,
            "created_at": "2026-11-01T10:00:00Z",
            "expires_at": null,
            "record_count": records.lines().count(),
            "records_sha256": hash,
            "selection": "",
            "redacted": []
        })
    }

    fn sign(&self, data: &[u8]) -> Vec<u8> {
        minisign::sign(
            Some(&self.keypair.pk),
            &self.keypair.sk,
            Cursor::new(data),
            None,
            None,
        )
        .unwrap()
        .to_string()
        .into_bytes()
    }

    /// The archive, encrypted to the meeting passphrase.
    fn bundle(&self, manifest: &serde_json::Value, records: &str) -> Vec<u8> {
        let manifest = serde_json::to_vec(manifest).unwrap();
        let files: [(&str, Vec<u8>); 4] = [
            ("manifest.json", manifest.clone()),
            ("manifest.json.minisig", self.sign(&manifest)),
            ("records.jsonl", records.as_bytes().to_vec()),
            ("records.jsonl.minisig", self.sign(records.as_bytes())),
        ];
        let mut tar = tar::Builder::new(Vec::new());
        for (name, data) in &files {
            let mut header = tar::Header::new_ustar();
            header.set_size(data.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            tar.append_data(&mut header, name, &data[..]).unwrap();
        }
        let tar = tar.into_inner().unwrap();
        let mut recipient = age::scrypt::Recipient::new(MEETING.to_owned().into());
        recipient.set_work_factor(4);
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .unwrap();
        let mut out = Vec::new();
        let mut writer = encryptor.wrap_output(&mut out).unwrap();
        writer.write_all(&tar).unwrap();
        writer.finish().unwrap();
        out
    }
}

/// A record as one line of JSON, with `field` set to `value`.
fn record_line(field: &str, value: &str) -> String {
    let mut record = serde_json::json!({
        "id": "0b9c3f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f",
        "name": "Clínica Libre",
        "category": "clinic",
        "city": "Portland",
        "phones": [{"number": "+1 503 555 0100"}],
        "updated_at": "2026-10-01T12:00:00Z"
    });
    match field {
        "tags" => record["tags"] = serde_json::json!([value]),
        "phone note" => record["phones"][0]["note"] = value.into(),
        field => record[field] = value.into(),
    }
    format!("{record}\n")
}

fn write(vault: &TestVault, name: &str, bytes: &[u8]) -> PathBuf {
    let path = vault.temp.path().join(name);
    fs::write(&path, bytes).unwrap();
    path
}

fn bundle_cmd(vault: &TestVault, command: &str, bundle: &Path, extra: &[&str]) -> Output {
    let passphrase = write(vault, "meeting", MEETING.as_bytes());
    vault
        .cmd()
        .arg(command)
        .arg(bundle)
        .arg("--bundle-passphrase-file")
        .arg(passphrase)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn a_manifest_key_with_an_escape_sequence_is_shown_not_obeyed() {
    let sam = TestVault::new();
    let signer = Signer::new();
    let records = record_line("notes", "");
    let mut manifest = signer.manifest(&records);
    manifest[TITLE_AND_CLEAR] = "x".into();
    let bundle = write(&sam, "hostile-key.age", &signer.bundle(&manifest, &records));
    for command in ["verify", "import"] {
        let output = bundle_cmd(&sam, command, &bundle, &[]);
        assert_eq!(output.status.code(), Some(1), "{command}");
        assert_clean(command, &output);
        assert!(
            stderr_of(&output).contains("unknown field"),
            "{command}: {}",
            stderr_of(&output)
        );
        assert!(
            stderr_of(&output).contains("\\u{1b}]0;PWN\\u{7}\\u{1b}[2J"),
            "{command}: the key is shown: {}",
            stderr_of(&output)
        );
    }
}

#[test]
fn verify_shows_a_hostile_selection_and_redacted_list() {
    let sam = TestVault::new();
    let signer = Signer::new();
    let records = record_line("notes", "");
    for (kind, text) in HOSTILE {
        let mut manifest = signer.manifest(&records);
        manifest["selection"] = text.into();
        manifest["redacted"] = serde_json::json!([text]);
        let bundle = write(&sam, "selection.age", &signer.bundle(&manifest, &records));
        let output = bundle_cmd(&sam, "verify", &bundle, &[]);
        assert_clean(kind, &output);
        let output = bundle_cmd(&sam, "verify", &bundle, &["--json"]);
        assert_clean(kind, &output);
        if output.status.success() {
            let json: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
            assert_eq!(json["selection"], text, "{kind}: JSON means the same text");
        }
    }
    // The selection alone is accepted, and shown escaped.
    let mut manifest = signer.manifest(&records);
    manifest["selection"] = TITLE_AND_CLEAR.into();
    let bundle = write(&sam, "selection.age", &signer.bundle(&manifest, &records));
    let output = bundle_cmd(&sam, "verify", &bundle, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stdout_of(&output).contains("selection:  \\u{1b}]0;PWN\\u{7}\\u{1b}[2J\n"),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn a_signed_bundle_with_hostile_records_is_refused_by_position_and_field() {
    let sam = TestVault::new();
    let signer = Signer::new();
    sam.cmd()
        .args(["keys", "trust", "Handmade", &signer.public_key()])
        .assert()
        .success();
    let before = sam.dump();
    let fields = ["name", "city", "notes", "tags", "phone note", "description"];
    for field in fields {
        for (kind, text) in HOSTILE {
            let multi_line = matches!(field, "notes" | "description");
            if multi_line && kind == "forged line" {
                continue;
            }
            let records = format!("{}{}", record_line("notes", "fine"), {
                let line = record_line(field, text);
                line.replace("0b9c3f1e", "1c8d2e0f")
            });
            let bundle = signer.bundle(&signer.manifest(&records), &records);
            let bundle = write(&sam, "records.age", &bundle);
            let what = format!("{field}: {kind}");
            for extra in [&["--dry-run"][..], &[], &["--json"]] {
                let output = bundle_cmd(&sam, "import", &bundle, extra);
                assert_clean(&what, &output);
                assert_eq!(output.status.code(), Some(1), "{what}");
                let stderr = stderr_of(&output);
                let named = field.split(' ').next().unwrap().replace("phone", "phones");
                assert!(
                    stderr.contains("line 2") && stderr.contains(&format!("field `{named}`")),
                    "{what}: {stderr}"
                );
                assert!(!stderr.contains("555 9999"), "{what}: contents: {stderr}");
            }
            assert_eq!(sam.dump(), before, "{what}: vault unchanged");
        }
    }
}

/// Newlines in the notes are fine; the plan and `show` keep them off the
/// left margin.
#[test]
fn a_bundle_record_with_lines_in_its_notes_cannot_forge_a_plan_line() {
    let sam = TestVault::new();
    let signer = Signer::new();
    let notes = format!("ask for Ana\n{}", &FORGED_NAME[4..]);
    let records = record_line("notes", &notes);
    let bundle = signer.bundle(&signer.manifest(&records), &records);
    let bundle = write(&sam, "notes.age", &bundle);
    let output = bundle_cmd(&sam, "import", &bundle, &["--trust-signer"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_clean("import", &output);
    let output = sam.cmd().args(["show", "0b9c3f1e"]).output().unwrap();
    assert_clean("show", &output);
    assert!(
        stdout_of(&output).contains(&format!("\n{}0badc0de  Clínica", " ".repeat(15))),
        "{}",
        stdout_of(&output)
    );
}

#[test]
fn load_refuses_hostile_keys_and_values_without_echoing_them() {
    let vault = TestVault::new();
    let before = vault.dump();
    let key = format!(
        "{{\"name\":\"Ana\",\"category\":\"clinic\",{}:\"x\"}}\n",
        serde_json::Value::from(TITLE_AND_CLEAR)
    );
    let file = write(&vault, "key.json", key.as_bytes());
    let output = vault.cmd().arg("load").arg(&file).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean("hostile key", &output);
    assert!(
        stderr_of(&output).contains("unknown field"),
        "{}",
        stderr_of(&output)
    );
    for field in [
        "name",
        "organization",
        "city",
        "region",
        "email",
        "tags",
        "phone note",
    ] {
        for (kind, text) in HOSTILE {
            let file = write(&vault, "value.json", record_line(field, text).as_bytes());
            let output = vault.cmd().arg("load").arg(&file).output().unwrap();
            let what = format!("{field}: {kind}");
            assert_eq!(output.status.code(), Some(1), "{what}");
            assert_clean(&what, &output);
            assert!(stderr_of(&output).contains("line 1: field `"), "{what}");
        }
    }
    assert_eq!(vault.dump(), before);
}

#[test]
fn add_and_edit_refuse_hostile_text() {
    let vault = TestVault::new();
    let output = vault
        .cmd()
        .args(["add", "--name", "Ana", "--category", "clinic"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let id = stdout_of(&output).trim().to_owned();
    let before = vault.dump();
    for flag in [
        "--name",
        "--organization",
        "--city",
        "--website",
        "--tag",
        "--notes",
    ] {
        for (kind, text) in HOSTILE {
            if flag == "--notes" && kind == "forged line" {
                continue;
            }
            let what = format!("{flag}: {kind}");
            let add = vault
                .cmd()
                .args(["add", "--name", "Bo", "--category", "lawyer", flag, text])
                .output()
                .unwrap();
            let edit = vault
                .cmd()
                .args(["edit", &id, flag, text])
                .output()
                .unwrap();
            for output in [add, edit] {
                assert_eq!(
                    output.status.code(),
                    Some(2),
                    "{what}: {}",
                    stderr_of(&output)
                );
                assert_clean(&what, &output);
            }
        }
    }
    assert_eq!(vault.dump(), before);
}

#[test]
fn import_csv_shows_hostile_headers_and_refuses_hostile_cells() {
    let vault = TestVault::new();
    let header = format!("name,category,city,\"{TITLE_AND_CLEAR}\",\"{OVERRIDE}\"\n");
    let file = write(
        &vault,
        "columns.csv",
        format!("{header}Ana,clinic,Portland,x,y\n").as_bytes(),
    );
    for extra in [&["--dry-run"][..], &["--dry-run", "--json"]] {
        let output = vault
            .cmd()
            .arg("import-csv")
            .arg(&file)
            .args(extra)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        assert_clean("ignored columns", &output);
    }
    let output = vault
        .cmd()
        .args(["import-csv", "--dry-run"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        stdout_of(&output).contains("ignored columns: \\u{1b}]0;PWN"),
        "{}",
        stdout_of(&output)
    );
    for (kind, text) in HOSTILE {
        let csv = format!("name,category,city,notes\nAna,clinic,Portland,ok\n\"{text}\",clinic,\"{text}\",\"{text}\"\n");
        let file = write(&vault, "cells.csv", csv.as_bytes());
        for extra in [&["--dry-run"][..], &["--json"]] {
            let output = vault
                .cmd()
                .arg("import-csv")
                .arg(&file)
                .args(extra)
                .output()
                .unwrap();
            assert_eq!(output.status.code(), Some(1), "{kind}");
            assert_clean(kind, &output);
            assert!(
                stdout_of(&output).contains("field"),
                "{kind}: {}",
                stdout_of(&output)
            );
        }
    }
}

#[test]
fn import_hsds_refuses_hostile_cells() {
    let vault = TestVault::new();
    vault
        .cmd()
        .args([
            "add",
            "--name",
            "Clínica Libre",
            "--category",
            "clinic",
            "--city",
            "Portland",
        ])
        .assert()
        .success();
    let package = vault.temp.path().join("hsds");
    vault
        .cmd()
        .arg("export-hsds")
        .arg(&package)
        .assert()
        .success();
    let services = fs::read_to_string(package.join("services.csv")).unwrap();
    let before = vault.dump();
    for (kind, text) in HOSTILE {
        let quoted = format!("\"{text}\"");
        fs::write(
            package.join("services.csv"),
            services.replace("Clínica Libre", &quoted),
        )
        .unwrap();
        let output = vault
            .cmd()
            .arg("import-hsds")
            .arg(&package)
            .output()
            .unwrap();
        assert_eq!(
            output.status.code(),
            Some(1),
            "{kind}: {}",
            stdout_of(&output)
        );
        assert_clean(kind, &output);
        assert!(
            stderr_of(&output).contains("field `name`"),
            "{kind}: {}",
            stderr_of(&output)
        );
    }
    assert_eq!(vault.dump(), before);
}

#[test]
fn a_file_name_with_an_escape_sequence_is_shown_not_obeyed() {
    let vault = TestVault::new();
    vault
        .cmd()
        .args(["add", "--name", "Ana", "--category", "clinic"])
        .assert()
        .success();
    let name = format!("{TITLE_AND_CLEAR}{OVERRIDE}.json");
    let missing = vault.temp.path().join(&name);
    let output = vault.cmd().arg("load").arg(&missing).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean("load a missing file", &output);
    let broken = write(&vault, &name, b"{\"name\":");
    let output = vault.cmd().arg("load").arg(&broken).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_clean("load a broken file", &output);
    let out = vault.temp.path().join(format!("{TITLE_AND_CLEAR}.age"));
    let passphrase = write(&vault, "meeting", MEETING.as_bytes());
    let output = vault
        .cmd()
        .arg("export")
        .arg("--out")
        .arg(&out)
        .arg("--bundle-passphrase-file")
        .arg(&passphrase)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_clean("export", &output);
    let output = vault.cmd().arg("init").output().unwrap();
    assert_clean("init", &output);
}

/// A record written into a vault without validation (by an older pamphlet
/// that let one-line fields hold newlines, or by other means): whatever it
/// holds is shown, not obeyed.
#[test]
fn search_show_and_dump_show_a_stored_hostile_record() {
    use pamphlet::model::{Category, Phone, PhoneKind, Record};
    let vault = TestVault::new();
    let now = time::macros::datetime!(2026-11-30 12:00 UTC);
    let mut record = Record::new(FORGED_NAME, Category::Clinic, now);
    record.city = OVERRIDE.to_owned();
    record.notes = format!("clinic {TITLE_AND_CLEAR} {C1}\n{}", &FORGED_NAME[4..]);
    record.description = format!("walk in {OVERRIDE}\u{2067}");
    record.phones = vec![Phone {
        number: "+1 503 555 0100".to_owned(),
        kind: PhoneKind::Voice,
        note: TITLE_AND_CLEAR.to_owned(),
    }];
    let id = record.id.simple().to_string();
    {
        let passphrase = secrecy::SecretString::from(PASSPHRASE.to_owned());
        let mut open = pamphlet::vault::Vault::unlock(&vault.dir, &passphrase).unwrap();
        open.put(record.clone()).unwrap();
    }
    let run = |args: &[&str]| {
        let output = vault.cmd().args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
        assert_clean(&format!("{args:?}"), &output);
        stdout_of(&output)
    };
    let found = run(&["search", "clinic"]);
    assert_eq!(found.lines().count(), 1, "{found}");
    run(&["search", "nothing-matches-this"]);
    let shown = run(&["show", &id[..8]]);
    assert!(shown.starts_with("Ana\\n0badc0de"), "{shown}");
    for args in [
        &["search", "clinic", "--json"][..],
        &["show", &id[..8], "--json"],
        &["dump"],
    ] {
        let json = run(args);
        let back: serde_json::Value = serde_json::from_str(json.lines().next().unwrap()).unwrap();
        assert_eq!(back["name"], FORGED_NAME, "{args:?}: the same text");
        assert_eq!(back["city"], OVERRIDE, "{args:?}: the same text");
    }
    // Its one-line fields must be fixed before anything else is changed.
    let output = vault
        .cmd()
        .args(["edit", &id[..8], "--hours", "Mon"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_clean("edit", &output);
    run(&["rm", &id[..8]]);
}

#[test]
fn signer_names_are_shown_not_obeyed() {
    let vault = TestVault::new();
    let signer = Signer::new();
    let name = format!("Rosa{TITLE_AND_CLEAR}");
    let trust = vault
        .cmd()
        .args(["keys", "trust", &name, &signer.public_key()])
        .output()
        .unwrap();
    assert!(trust.status.success(), "{}", stderr_of(&trust));
    assert_clean("keys trust", &trust);
    for args in [&["keys", "list"][..], &["keys", "list", "--json"]] {
        let output = vault.cmd().args(args).output().unwrap();
        assert_clean(&format!("{args:?}"), &output);
    }
    let records = record_line("notes", "");
    let bundle = write(
        &vault,
        "rosa.age",
        &signer.bundle(&signer.manifest(&records), &records),
    );
    assert_clean("verify", &bundle_cmd(&vault, "verify", &bundle, &[]));
    let output = bundle_cmd(&vault, "import", &bundle, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_clean("import", &output);
    let output = vault.cmd().args(["show", "0b9c3f1e"]).output().unwrap();
    assert_clean("show", &output);
    let output = vault
        .cmd()
        .args(["keys", "untrust", &name])
        .output()
        .unwrap();
    assert_clean("keys untrust", &output);
}

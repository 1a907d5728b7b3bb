//! The command line, end to end: the real binary on a real vault (sled in a
//! temp dir, real age encryption at a cheap work factor).

mod common;

use std::fs;

use common::{sample_path, stderr_of, TestVault};
use predicates::prelude::*;
use secrecy::SecretString;

const TWO_RECORDS: &str = r#"[
 {"id": "0b9c3f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f", "name": "Clínica Libre", "category": "clinic",
  "city": "Portland", "region": "OR", "country": "US", "languages": ["en", "es"],
  "phones": [{"number": "+1 503 555 0100", "type": "voice", "note": "ask for Ana"}],
  "notes": "No ID needed.", "verified_on": "2026-10-01", "updated_at": "2026-10-01T12:00:00Z"},
 {"id": "1c8d2e0f-2e3d-4c6b-8f9a-6b5c4d3e2f1a", "name": "Maître Zoë Lefèvre", "category": "lawyer",
  "city": "Paris", "country": "FR", "languages": ["fr"], "updated_at": "2026-09-01T08:30:00Z"}
]"#;

#[test]
fn add_show_edit_search_and_remove() {
    let vault = TestVault::new();
    let output = vault
        .cmd()
        .args([
            "add",
            "--name",
            "Casa Segura",
            "--category",
            "housing",
            "--city",
            "Houston",
        ])
        .args([
            "--country",
            "us",
            "--phone",
            "+1 713 555 0199;text;evenings",
            "--language",
            "Spanish",
        ])
        .args(["--tag", "no-id", "--verified-on", "2026-11-01"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let id = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    assert_eq!(id.len(), 36, "prints the new id: {id}");

    vault
        .cmd()
        .args(["show", &id[..6]])
        .assert()
        .success()
        .stdout(predicate::str::contains("Casa Segura"))
        .stdout(predicate::str::contains(
            "+1 713 555 0199 (text) — evenings",
        ))
        .stdout(predicate::str::contains("Spanish"));

    vault
        .cmd()
        .args(["edit", &id, "--city", "Austin", "--notes", "Call first."])
        .assert()
        .success();
    let shown = vault.cmd().args(["show", &id, "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(json["city"], "Austin");
    assert_eq!(json["notes"], "Call first.");
    assert_eq!(json["name"], "Casa Segura", "untouched fields stay");
    assert_eq!(json["languages"], serde_json::json!(["es"]));

    vault
        .cmd()
        .args(["search", "casa", "austin"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Casa Segura"));

    vault.cmd().args(["rm", &id]).assert().success();
    assert_eq!(vault.dump(), "");
}

/// `--tag` is one tag and `--phone` one phone, whatever they hold: a comma
/// in a tag and a `;` in a phone note are kept, and editing another field
/// leaves both as they were.
#[test]
fn a_tag_with_a_comma_and_a_note_with_semicolons_are_kept_by_add_and_edit() {
    let vault = TestVault::new();
    let output = vault
        .cmd()
        .args(["add", "--name", "Casa Puente", "--category", "housing"])
        .args(["--tag", "trans, competent", "--tag", "C:\\intake"])
        .args([
            "--phone",
            "+1 503 555 0142;text;ask; for Bo; evenings, weekends",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let id = String::from_utf8(output.stdout).unwrap().trim().to_owned();
    vault
        .cmd()
        .args(["edit", &id, "--hours", "Mon 9-5"])
        .assert()
        .success();
    let shown = vault.cmd().args(["show", &id, "--json"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(json["hours"], "Mon 9-5");
    assert_eq!(
        json["tags"],
        serde_json::json!(["trans, competent", "C:\\intake"])
    );
    assert_eq!(
        json["phones"],
        serde_json::json!([{
            "number": "+1 503 555 0142",
            "type": "text",
            "note": "ask; for Bo; evenings, weekends"
        }])
    );
}

/// An edit that changes nothing writes nothing: not even `updated_at`, and no
/// file under the vault. It says so on stderr and succeeds.
#[test]
fn an_edit_that_changes_nothing_writes_nothing() {
    let vault = TestVault::new();
    vault
        .cmd()
        .arg("load")
        .arg(vault.file("two.json", TWO_RECORDS))
        .assert()
        .success();
    let dumped = vault.dump();
    // sled may still rewrite its files at the first opens of a database
    // it has just written (after load's rebuild): one more read settles
    // them before the files are compared.
    assert_eq!(vault.dump(), dumped);
    let files = vault.snapshot();
    for flags in [
        vec![],
        vec!["--city", "Portland"],
        vec!["--city", "Portland", "--language", "en", "--language", "es"],
        vec!["--verified-on", "2026-10-01", "--notes", "No ID needed."],
    ] {
        vault
            .cmd()
            .args(["edit", "0b9c"])
            .args(&flags)
            .assert()
            .code(0)
            .stdout("")
            .stderr("no changes to \"Clínica Libre\" (0b9c3f1e)\n");
        assert_eq!(vault.dump(), dumped, "edit {flags:?}");
        assert!(vault.snapshot() == files, "edit {flags:?}: a file changed");
    }

    // A real change is still written, with a new updated_at.
    vault
        .cmd()
        .args(["edit", "0b9c", "--city", "Salem"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("updated Clínica Libre ("));
    let shown = vault
        .cmd()
        .args(["show", "0b9c", "--json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&shown.stdout).unwrap();
    assert_eq!(json["city"], "Salem");
    assert_ne!(json["updated_at"], "2026-10-01T12:00:00Z");
}

#[test]
fn load_counts_added_updated_and_unchanged() {
    let vault = TestVault::new();
    let file = vault.file("two.json", TWO_RECORDS);
    vault
        .cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .success()
        .stdout("added 2, updated 0, unchanged 0\n");
    let changed = TWO_RECORDS.replace("Clínica Libre", "Clínica Libre Norte");
    let file = vault.file("changed.json", &changed);
    vault
        .cmd()
        .arg("load")
        .arg(&file)
        .assert()
        .success()
        .stdout("added 0, updated 1, unchanged 1\n");
    assert!(vault.dump().contains("Clínica Libre Norte"));
}

#[test]
fn bad_input_to_load_names_the_record_and_field_and_stores_nothing() {
    let vault = TestVault::new();
    vault
        .cmd()
        .arg("load")
        .arg(vault.file("two.json", TWO_RECORDS))
        .assert()
        .success();
    let before = vault.dump();
    let cases = [
        (
            "[{\"name\": \"A\", \"category\": \"clinic\"},\n {\"name\": \"B\", \"category\": \"clinik\"}]",
            "record 2: field `category`",
        ),
        (
            "{\"name\": \"A\", \"category\": \"clinic\"}\n{\"category\": \"lawyer\"}\n",
            "line 2: field `name`: is required",
        ),
        (
            "{\"name\": \"A\", \"category\": \"clinic\", \"verified_on\": \"1/2/2026\"}\n",
            "line 1: field `verified_on`",
        ),
        (
            "{\"name\": \"A\", \"category\": \"clinic\", \"country\": \"Narnia\"}\n",
            "line 1: field `country`",
        ),
        ("[{\"name\": \"A\",", "not valid JSON at line 1"),
        ("{\"name\": \"A\", \"category\": \"clinic\"}\n{oops}\n", "not valid JSON at line 2"),
    ];
    for (text, expected) in cases {
        let file = vault.file("bad.json", text);
        let output = vault.cmd().arg("load").arg(&file).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{text}");
        let stderr = stderr_of(&output);
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(
            stderr.contains(expected),
            "expected {expected:?} in {stderr}"
        );
        assert_eq!(vault.dump(), before, "nothing stored for {text}");
    }
    let output = vault
        .cmd()
        .arg("load")
        .arg("-")
        .write_stdin(vec![b'[', 0xff, 0xfe, b']'])
        .output()
        .unwrap();
    assert!(stderr_of(&output).contains("standard input: line 1 is not valid UTF-8"));
    assert_eq!(vault.dump(), before);
}

#[test]
fn a_wrong_passphrase_is_refused_and_touches_nothing() {
    let vault = TestVault::new();
    vault
        .cmd()
        .arg("load")
        .arg(vault.file("two.json", TWO_RECORDS))
        .assert()
        .success();
    let before = vault.snapshot();
    let wrong = vault.file("wrong", "incorrect horse\n");
    for command in [
        vec!["dump"],
        vec!["add", "--name", "X", "--category", "other"],
        vec!["rm", "0b9c"],
    ] {
        let output = vault.cmd_with(&wrong).args(&command).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = stderr_of(&output);
        assert!(stderr.starts_with("error: wrong passphrase"), "{stderr}");
        assert!(
            !stderr.contains("incorrect horse"),
            "never echo the passphrase"
        );
    }
    assert!(
        vault.snapshot() == before,
        "no file under the vault changed"
    );
}

#[test]
fn a_missing_vault_hints_at_init() {
    let vault = TestVault::empty();
    let output = vault.cmd().arg("dump").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(stderr.contains("error: no vault at"), "{stderr}");
    assert!(stderr.contains("hint: run `pamphlet init`"), "{stderr}");
    assert!(!vault.dir.exists(), "nothing was created");
}

#[test]
fn the_terminal_ui_reports_a_missing_passphrase_file_before_taking_the_terminal() {
    let vault = TestVault::new();
    let missing = vault.temp.path().join("no-such-passphrase");
    let ui = vault.cmd_with(&missing).output().unwrap();
    let dump = vault.cmd_with(&missing).arg("dump").output().unwrap();
    assert_eq!(ui.status.code(), Some(1));
    let stderr = stderr_of(&ui);
    assert!(
        stderr.starts_with("error: cannot read passphrase file"),
        "{stderr}"
    );
    assert!(stderr.contains("no-such-passphrase"), "{stderr}");
    assert!(
        !stderr.contains("terminal"),
        "said before any terminal: {stderr}"
    );
    assert_eq!(stderr, stderr_of(&dump), "as the other commands say it");
    assert!(ui.stdout.is_empty(), "nothing drawn");
}

#[test]
fn init_refuses_an_existing_vault() {
    let vault = TestVault::new();
    vault
        .cmd()
        .args(["add", "--name", "Kept", "--category", "other"])
        .assert()
        .success();
    let before = vault.snapshot();
    vault
        .cmd()
        .arg("init")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: a vault already exists"));
    assert!(vault.snapshot() == before);
    assert!(vault.dump().contains("Kept"));
}

#[test]
fn a_second_process_is_told_the_vault_is_in_use() {
    let vault = TestVault::new();
    let passphrase = secrecy::SecretString::from(common::PASSPHRASE.to_owned());
    let held = pamphlet::vault::Vault::unlock(&vault.dir, &passphrase).unwrap();
    let output = vault
        .cmd()
        .arg("dump")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("error: the vault is in use"),
        "{}",
        stderr_of(&output)
    );
    drop(held);
    vault.cmd().arg("dump").assert().success();
}

#[test]
fn damaged_or_truncated_key_files_are_named() {
    let vault = TestVault::new();
    let key = vault.dir.join("key.age");
    let good = fs::read(&key).unwrap();
    // An age file of the right passphrase whose contents are not keys: the
    // decoder read a "format version 28526" out of them, and said so.
    let not_keys = {
        let passphrase = fs::read_to_string(&vault.passphrase_file).unwrap();
        let mut recipient =
            age::scrypt::Recipient::new(SecretString::from(passphrase.trim_end().to_owned()));
        recipient.set_work_factor(4);
        let encryptor =
            age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
                .unwrap();
        let mut sealed = Vec::new();
        let mut writer = encryptor.wrap_output(&mut sealed).unwrap();
        std::io::Write::write_all(&mut writer, b"not keys, only words").unwrap();
        writer.finish().unwrap();
        sealed
    };
    for damaged in [
        good[..good.len() / 2].to_vec(),
        Vec::new(),
        b"not an age file".to_vec(),
        not_keys,
    ] {
        fs::write(&key, &damaged).unwrap();
        let output = vault.cmd().arg("dump").output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = stderr_of(&output);
        // One plain message, whatever the damage: nothing of what the
        // file decoded to.
        let first = stderr.lines().next().unwrap_or_default();
        assert_eq!(first, "error: key.age is damaged", "{stderr}");
        assert!(!stderr.contains("version"), "{stderr}");
        assert!(stderr.contains("hint: restore key.age"), "{stderr}");
    }
    fs::write(&key, &good).unwrap();
    vault.cmd().arg("dump").assert().success();
}

#[test]
fn a_damaged_sealed_value_is_named_not_a_panic() {
    let vault = TestVault::new();
    vault
        .cmd()
        .arg("load")
        .arg(vault.file("two.json", TWO_RECORDS))
        .assert()
        .success();
    {
        let db = sled::open(vault.dir.join("db")).unwrap();
        let records = db.open_tree("records").unwrap();
        let (slot, value) = records.iter().next().unwrap().unwrap();
        let mut damaged = value.to_vec();
        let middle = damaged.len() / 2;
        damaged[middle] ^= 1;
        records.insert(slot, damaged).unwrap();
        db.flush().unwrap();
    }
    let output = vault.cmd().arg("dump").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("error: the vault is damaged: the records in bucket"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn passwd_rewrites_only_the_key_file() {
    let vault = TestVault::new();
    vault
        .cmd()
        .arg("load")
        .arg(vault.file("two.json", TWO_RECORDS))
        .assert()
        .success();
    let before = vault.dump();
    let db_before = common::files_under(&vault.dir.join("db"));
    let new = vault.file("new", "a brand new passphrase\n");
    vault
        .cmd()
        .arg("passwd")
        .arg("--new-passphrase-file")
        .arg(&new)
        .assert()
        .success();
    assert!(
        common::files_under(&vault.dir.join("db")) == db_before,
        "db/ untouched"
    );
    vault
        .cmd()
        .arg("dump")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: wrong passphrase"));
    let output = vault.cmd_with(&new).arg("dump").output().unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), before);
    let leftovers: Vec<_> = fs::read_dir(&vault.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name != "key.age" && name != "db")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn dump_load_dump_is_byte_identical() {
    let first = TestVault::with_sample();
    let dumped = first.dump();
    assert!(dumped.lines().count() >= 200);
    let second = TestVault::new();
    second
        .cmd()
        .arg("load")
        .arg("-")
        .write_stdin(dumped.clone())
        .assert()
        .success();
    assert_eq!(second.dump(), dumped);
}

/// The threat model's first promise: a seized vault shows nothing. Every byte
/// of every file is searched for every record's identifying fields.
#[test]
fn no_record_text_reaches_the_disk_in_the_clear() {
    let vault = TestVault::with_sample();
    let text = fs::read_to_string(sample_path()).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    let mut needles: Vec<Vec<u8>> = Vec::new();
    for record in &records {
        for field in ["name", "organization", "city", "notes", "address", "id"] {
            if let Some(value) = record[field].as_str() {
                needles.push(value.as_bytes().to_vec());
            }
        }
        for phone in record["phones"].as_array().into_iter().flatten() {
            needles.push(phone["number"].as_str().unwrap().as_bytes().to_vec());
        }
        // Ids are stored in binary; their raw bytes must not appear either.
        let id = uuid::Uuid::parse_str(record["id"].as_str().unwrap()).unwrap();
        needles.push(id.as_bytes().to_vec());
    }
    // Short values (a 3-letter city) could appear in random bytes by chance.
    needles.retain(|needle| needle.len() >= 5);
    needles.sort();
    needles.dedup();
    assert!(
        needles.len() > 500,
        "a meaningful set of needles: {}",
        needles.len()
    );
    let files = vault.snapshot();
    assert!(files.len() >= 3);
    for (path, bytes) in &files {
        for needle in &needles {
            assert!(
                memchr::memmem::find(bytes, needle).is_none(),
                "{} contains a record's text in the clear",
                path.display()
            );
        }
    }
}

#[test]
fn search_ranks_with_the_engine_and_reports_score_and_fields() {
    let vault = TestVault::with_sample();
    let output = vault
        .cmd()
        .args([
            "search", "spanish", "lawyer", "houston", "--json", "--limit", "2",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let lines: Vec<serde_json::Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    // The sample's one Spanish-speaking lawyer in Houston (issue 12: the
    // language, category and city are asked for, not only mentioned).
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["name"], "Marisol Quintarro");
    assert!(lines[0]["score"].as_i64().unwrap() > 0);
    let parts = lines[0]["reading"]["parts"].as_array().unwrap();
    assert_eq!(parts.len(), 3, "{parts:?}");
    assert_eq!(parts[0]["kind"], "language");
    let matched: Vec<&str> = lines[0]["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        matched.contains(&"city") && matched.contains(&"category"),
        "{matched:?}"
    );

    let long = "x".repeat(300);
    vault
        .cmd()
        .args(["search", &long])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 256"));
}

#[test]
fn exports_take_only_full_matches_and_say_when_there_are_none() {
    let vault = TestVault::with_sample();
    // All of the query matches no record; part of it matches the clinics.
    let output = vault
        .cmd()
        .args(["search", "clinic", "oslo"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let notes = stderr_of(&output);
    let listed = String::from_utf8(output.stdout).unwrap();
    assert!(listed.contains("Partial matches"), "{listed}");
    assert!(notes.contains("read as: clinic"), "{notes}");
    assert!(notes.contains("no record mentions \"oslo\""), "{notes}");

    // export-csv writes the header and no row, and says why.
    let output = vault
        .cmd()
        .args(["export-csv", "clinic", "oslo"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let notes = stderr_of(&output);
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(csv.lines().count(), 1, "{csv}");
    assert!(notes.contains("no record mentions \"oslo\""), "{notes}");
    // print refuses.
    vault
        .cmd()
        .args(["print", "clinic", "oslo"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing to print"))
        .stderr(predicate::str::contains("no record mentions \"oslo\""));

    // With full matches, exactly those: as many rows as search lists.
    let output = vault
        .cmd()
        .args(["search", "clinic", "portland", "--limit", "1000"])
        .output()
        .unwrap();
    let found = String::from_utf8(output.stdout).unwrap().lines().count();
    assert!(found > 0);
    let output = vault
        .cmd()
        .args(["export-csv", "clinic", "portland"])
        .output()
        .unwrap();
    let csv = String::from_utf8(output.stdout).unwrap();
    assert_eq!(csv.lines().count(), found + 1, "{csv}");
}

#[test]
fn search_answers_bad_input_with_a_reading_or_a_clear_message() {
    let vault = TestVault::with_sample();
    let run = |query: &str| vault.cmd().args(["search", query]).output().unwrap();
    let listed =
        |output: &std::process::Output| String::from_utf8_lossy(&output.stdout).into_owned();

    // An unbalanced quote: the phrase runs to the end, and it says so.
    let output = run("\"sliding scale");
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("a quote is not closed"),
        "{}",
        stderr_of(&output)
    );
    assert!(!listed(&output).is_empty());

    // An unknown `field:`: searched everywhere, with the filters named.
    let output = run("name:clinic");
    assert!(output.status.success(), "{}", stderr_of(&output));
    let notes = stderr_of(&output);
    assert!(notes.contains("there is no `name:` filter"), "{notes}");
    assert!(
        notes.contains("city:, cat:, lang:, tag:, country:"),
        "{notes}"
    );

    // Empty, or nothing but spaces: every record, as with no query.
    for empty in ["", "   "] {
        let output = run(empty);
        assert!(output.status.success(), "{empty:?}: {}", stderr_of(&output));
        assert!(!listed(&output).is_empty(), "{empty:?}");
    }

    // 10,000 characters: refused with its length, exit code 2.
    let output = run(&"a".repeat(10_000));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("at most 256"),
        "{}",
        stderr_of(&output)
    );

    // Control characters separate words and never reach the terminal.
    let output = run("clinic\u{1b}[2J\u{7}portland");
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("read as: clinic"),
        "{}",
        stderr_of(&output)
    );
    for stream in [&output.stdout, &output.stderr] {
        assert!(!stream.contains(&0x1b) && !stream.contains(&0x07));
    }
    assert!(!listed(&output).is_empty());

    // Emoji: ignored as nothing to search for, with a word about it.
    let output = run("🏥 clinic");
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("no letters or digits"),
        "{}",
        stderr_of(&output)
    );
    assert!(!listed(&output).is_empty());
    let output = run("🏥🏥");
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("no letters or digits"),
        "{}",
        stderr_of(&output)
    );
}

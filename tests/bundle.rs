//! Bundles end to end: export from one vault, import into another, and every
//! kind of bad bundle refused with a clear message and the vault unchanged.

mod common;

use std::fs;
use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use common::{stderr_of, TestVault};
use predicates::prelude::*;

const RECORDS: &str = r#"[
 {"id": "0b9c3f1e-1d2c-4b5a-9e8f-7a6b5c4d3e2f", "name": "Clínica Libre", "category": "clinic",
  "city": "Portland", "country": "US", "address": "123 Example St",
  "phones": [{"number": "+1 503 555 0100", "type": "voice", "note": "ask for Ana"}],
  "notes": "No ID needed.", "updated_at": "2026-10-01T12:00:00Z"},
 {"id": "1c8d2e0f-2e3d-4c6b-8f9a-6b5c4d3e2f1a", "name": "Maître Zoë Lefèvre", "category": "lawyer",
  "city": "Paris", "country": "FR", "languages": ["fr"], "updated_at": "2026-09-01T08:30:00Z"}
]"#;

/// Two organizers: Rosa, who exports, and Sam, who imports.
struct Meeting {
    rosa: TestVault,
    sam: TestVault,
    meeting_passphrase: PathBuf,
}

impl Meeting {
    fn new() -> Meeting {
        let rosa = TestVault::new();
        rosa.cmd()
            .arg("load")
            .arg(rosa.file("records.json", RECORDS))
            .assert()
            .success();
        let sam = TestVault::new();
        let meeting_passphrase = rosa.file("meeting", "tuesday at the library\n");
        Meeting {
            rosa,
            sam,
            meeting_passphrase,
        }
    }

    fn export(&self, name: &str, extra: &[&str]) -> PathBuf {
        self.export_by(&self.rosa, name, extra)
    }

    /// `signer` exports a bundle to the meeting passphrase.
    fn export_by(&self, signer: &TestVault, name: &str, extra: &[&str]) -> PathBuf {
        let out = signer.temp.path().join(name);
        signer
            .cmd()
            .arg("export")
            .arg("--out")
            .arg(&out)
            .arg("--bundle-passphrase-file")
            .arg(&self.meeting_passphrase)
            .args(extra)
            .assert()
            .success();
        out
    }

    fn import(&self, bundle: &Path, extra: &[&str]) -> std::process::Output {
        self.sam
            .cmd()
            .arg("import")
            .arg(bundle)
            .arg("--bundle-passphrase-file")
            .arg(&self.meeting_passphrase)
            .args(extra)
            .output()
            .unwrap()
    }
}

#[test]
fn export_then_import_with_trust_and_provenance() {
    let meeting = Meeting::new();
    let bundle = meeting.export("portland.age", &["portland"]);

    let refused = meeting.import(&bundle, &[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr_of(&refused).contains("untrusted key (fingerprint"),
        "{}",
        stderr_of(&refused)
    );
    assert_eq!(meeting.sam.dump(), "");

    let dry = meeting.import(&bundle, &["--trust-signer", "--dry-run"]);
    assert!(dry.status.success());
    let text = String::from_utf8(dry.stdout).unwrap();
    assert!(text.contains("new        Clínica Libre"), "{text}");
    assert!(
        !text.contains("Zoë"),
        "the query selected Portland only: {text}"
    );
    assert_eq!(meeting.sam.dump(), "", "a dry run changes nothing");

    let done = meeting.import(&bundle, &["--trust-signer", "--signer-name", "Rosa"]);
    assert!(done.status.success(), "{}", stderr_of(&done));
    let text = String::from_utf8(done.stdout).unwrap();
    assert!(text.contains("now trusting Rosa"), "{text}");
    assert!(
        text.contains("imported: 1 new, 0 updated, 0 unchanged, 0 conflicts"),
        "{text}"
    );
    assert!(meeting.sam.dump().contains("Clínica Libre"));
    meeting
        .sam
        .cmd()
        .args(["show", "0b9c"])
        .assert()
        .success()
        .stdout(predicate::str::contains("vouched for by Rosa"));
    meeting
        .sam
        .cmd()
        .args(["keys", "list"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Rosa  "));
}

#[test]
fn updates_conflicts_and_redaction() {
    let meeting = Meeting::new();
    let first = meeting.export("first.age", &[]);
    assert!(meeting
        .import(&first, &["--trust-signer", "--signer-name", "Rosa"])
        .status
        .success());

    // Rosa changes the clinic's hours; Sam changes the lawyer's notes.
    meeting
        .rosa
        .cmd()
        .args(["edit", "0b9c", "--hours", "Mon 9-5"])
        .assert()
        .success();
    meeting
        .rosa
        .cmd()
        .args(["edit", "1c8d", "--city", "Lyon"])
        .assert()
        .success();
    meeting
        .sam
        .cmd()
        .args(["edit", "1c8d", "--notes", "Sam's note"])
        .assert()
        .success();

    let second = meeting.export("second.age", &["--redact", "phones,notes"]);
    let output = meeting.import(&second, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("updated    Clínica Libre [clinic] Portland, US (0b9c3f1e): hours"),
        "{text}"
    );
    assert!(
        text.contains(
            "conflict   Maître Zoë Lefèvre [lawyer] Lyon, FR (1c8d2e0f): city, notes — edited here since; keeping the local one"
        ) || text
            .contains("conflict   Maître Zoë Lefèvre [lawyer] Lyon, FR (1c8d2e0f): city — edited here since; keeping the local one"),
        "{text}"
    );
    let dump = meeting.sam.dump();
    assert!(dump.contains("Mon 9-5"), "the update arrived");
    assert!(
        dump.contains("+1 503 555 0100"),
        "redacted phones were kept, not erased"
    );
    assert!(dump.contains("Sam's note"), "the local edit was kept");
    assert!(
        !dump.contains("Lyon"),
        "the conflicting change was not applied"
    );
}

/// Checks `show`'s source line for Clínica Libre in Sam's vault: vouched
/// for by Rosa in bundle `sequence`, on some date, then `rest` (plain text).
fn assert_source(meeting: &Meeting, sequence: u64, rest: &str) {
    assert_vouched(meeting, "0b9c", "Rosa", sequence, rest);
}

/// Checks `show`'s source line for record `id` in Sam's vault: vouched for
/// by `signer` in bundle `sequence`, on some date ("2 December 2026"),
/// then `rest` (plain text).
fn assert_vouched(meeting: &Meeting, id: &str, signer: &str, sequence: u64, rest: &str) {
    let output = meeting.sam.cmd().args(["show", id]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    let line = predicate::str::is_match(format!(
        r"(?m)^  source +vouched for by {signer} \(bundle #{sequence}, imported \d{{1,2}} [A-Z][a-z]+ \d{{4}}\){rest}$"
    ))
    .unwrap();
    assert!(line.eval(&text), "{text}");
}

/// An edit that changes nothing is no edit here: the record still hashes to
/// what Rosa sent, and her next version of it is an update, not a conflict.
#[test]
fn an_edit_that_changes_nothing_is_not_an_edit_here() {
    let meeting = Meeting::new();
    let first = meeting.export("first.age", &[]);
    assert!(meeting
        .import(&first, &["--trust-signer", "--signer-name", "Rosa"])
        .status
        .success());
    assert_source(&meeting, 1, "");

    for flags in [vec![], vec!["--city", "Portland"]] {
        meeting
            .sam
            .cmd()
            .args(["edit", "0b9c"])
            .args(&flags)
            .assert()
            .success()
            .stderr("no changes to \"Clínica Libre\" (0b9c3f1e)\n");
        assert_source(&meeting, 1, "");
    }

    meeting
        .rosa
        .cmd()
        .args(["edit", "0b9c", "--cost", "free"])
        .assert()
        .success();
    let second = meeting.export("second.age", &[]);
    let output = meeting.import(&second, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("updated    Clínica Libre [clinic] Portland, US (0b9c3f1e): cost"),
        "{text}"
    );
    assert!(text.contains("0 conflicts"), "{text}");
    assert_source(&meeting, 2, "");
}

#[test]
fn a_local_edit_keeps_who_vouched_and_says_it_was_edited_here_since() {
    let meeting = Meeting::new();
    let first = meeting.export("first.age", &[]);
    assert!(meeting
        .import(&first, &["--trust-signer", "--signer-name", "Rosa"])
        .status
        .success());
    assert_source(&meeting, 1, "");

    // Sam changes the clinic here: it is no longer what Rosa sent.
    meeting
        .sam
        .cmd()
        .args(["edit", "0b9c", "--hours", "Tue 10-14"])
        .assert()
        .success();
    assert_source(&meeting, 1, "; edited here since");

    // Import still sees the local edit as a conflict, and keeping it keeps
    // the line as it was.
    meeting
        .rosa
        .cmd()
        .args(["edit", "0b9c", "--cost", "free"])
        .assert()
        .success();
    let second = meeting.export("second.age", &[]);
    let output = meeting.import(&second, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("conflict   Clínica Libre [clinic] Portland, US (0b9c3f1e): hours, cost — edited here since; keeping the local one"),
        "{text}"
    );
    assert_source(&meeting, 1, "; edited here since");

    // Taking the signer's version makes it theirs again.
    let third = meeting.export("third.age", &[]);
    let output = meeting.import(&third, &["--prefer", "bundle"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_source(&meeting, 3, "");
}

/// The clinic's phone as Ana, a second signer, has it.
const ANAS_PHONE: &str = "+1 503 555 9999";

/// Sam imports Rosa's first bundle; Ana, a second organizer, has the same
/// two records with another phone for the clinic. Returns Ana's vault.
fn ana_joins(meeting: &Meeting) -> TestVault {
    let first = meeting.export("first.age", &[]);
    let output = meeting.import(&first, &["--trust-signer", "--signer-name", "Rosa"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let ana = TestVault::new();
    let records = RECORDS.replace("+1 503 555 0100", ANAS_PHONE);
    ana.cmd()
        .arg("load")
        .arg(ana.file("records.json", &records))
        .assert()
        .success();
    ana
}

/// Sam imports `bundle`, trusting its signer as `Ana` if need be, and says
/// what was printed.
fn import_text(meeting: &Meeting, bundle: &Path, extra: &[&str]) -> String {
    let mut args = vec!["--trust-signer", "--signer-name", "Ana"];
    args.extend_from_slice(extra);
    let output = meeting.import(bundle, &args);
    assert!(output.status.success(), "{}", stderr_of(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// The attack: Ana, trusted too, sends the clinic Rosa vouched for with her
/// own phone number. It is a conflict, kept as Rosa sent it, and Rosa still
/// vouches for it; Ana's identical copy of the lawyer changes nothing.
#[test]
fn a_second_signer_does_not_silently_replace_the_first_signers_record() {
    let meeting = Meeting::new();
    let ana = ana_joins(&meeting);
    let bundle = meeting.export_by(&ana, "ana.age", &[]);
    let text = import_text(&meeting, &bundle, &[]);
    assert!(
        text.contains("conflict   Clínica Libre [clinic] Portland, US (0b9c3f1e): phones — vouched for by Rosa; keeping the local one"),
        "{text}"
    );
    assert!(
        text.contains(
            "imported: 0 new, 0 updated, 1 unchanged, 1 conflicts (kept the local records); \
             0 records written"
        ),
        "{text}"
    );
    let dump = meeting.sam.dump();
    assert!(dump.contains("+1 503 555 0100"), "{dump}");
    assert!(!dump.contains(ANAS_PHONE), "{dump}");
    assert_vouched(&meeting, "0b9c", "Rosa", 1, "");
    assert_vouched(&meeting, "1c8d", "Rosa", 1, "");
}

/// Preferring Ana's bundle takes her version, and then it is true that she
/// vouches for it: her next change is an update, Rosa's a conflict.
#[test]
fn preferring_the_second_signers_bundle_makes_the_record_theirs() {
    let meeting = Meeting::new();
    let ana = ana_joins(&meeting);
    let bundle = meeting.export_by(&ana, "ana.age", &[]);
    let text = import_text(&meeting, &bundle, &["--prefer", "bundle"]);
    assert!(
        text.contains("conflict   Clínica Libre [clinic] Portland, US (0b9c3f1e): phones — vouched for by Rosa; taking the bundle's"),
        "{text}"
    );
    assert!(
        text.contains("1 conflicts (took the bundle's records); 1 records written"),
        "{text}"
    );
    assert!(meeting.sam.dump().contains(ANAS_PHONE));
    assert_vouched(&meeting, "0b9c", "Ana", 1, "");
    assert_vouched(&meeting, "1c8d", "Rosa", 1, "");

    ana.cmd()
        .args(["edit", "0b9c", "--cost", "free"])
        .assert()
        .success();
    let bundle = meeting.export_by(&ana, "ana2.age", &[]);
    let text = import_text(&meeting, &bundle, &[]);
    assert!(
        text.contains("updated    Clínica Libre [clinic] Portland, US (0b9c3f1e): cost"),
        "{text}"
    );
    assert!(text.contains("0 conflicts"), "{text}");
    assert_vouched(&meeting, "0b9c", "Ana", 2, "");

    meeting
        .rosa
        .cmd()
        .args(["edit", "0b9c", "--hours", "Mon 9-5"])
        .assert()
        .success();
    let bundle = meeting.export("second.age", &[]);
    let output = meeting.import(&bundle, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "conflict   Clínica Libre [clinic] Portland, US (0b9c3f1e): phones, hours, cost — vouched for by Ana; keeping the local one"
        ),
        "{text}"
    );
    let dump = meeting.sam.dump();
    assert!(
        dump.contains(ANAS_PHONE) && !dump.contains("Mon 9-5"),
        "{dump}"
    );
    assert_vouched(&meeting, "0b9c", "Ana", 2, "");
}

/// Edited here after Rosa's import, then changed by Ana: a conflict for the
/// local edit, as with Rosa's own next version; Sam's edit stays.
#[test]
fn a_local_edit_is_a_conflict_whoever_sends_the_change() {
    let meeting = Meeting::new();
    let ana = ana_joins(&meeting);
    meeting
        .sam
        .cmd()
        .args(["edit", "0b9c", "--hours", "Tue 10-14"])
        .assert()
        .success();
    let bundle = meeting.export_by(&ana, "ana.age", &[]);
    let text = import_text(&meeting, &bundle, &[]);
    assert!(
        text.contains("conflict   Clínica Libre [clinic] Portland, US (0b9c3f1e): phones, hours — edited here since; keeping the local one"),
        "{text}"
    );
    let dump = meeting.sam.dump();
    assert!(
        dump.contains("Tue 10-14") && !dump.contains(ANAS_PHONE),
        "{dump}"
    );
    assert_vouched(&meeting, "0b9c", "Rosa", 1, "; edited here since");
}

/// A record made here and never imported: a signer's different version of
/// it is a conflict (as it always was), an identical one changes nothing,
/// and preferring the bundle makes the signer vouch for it.
#[test]
fn a_record_made_here_is_a_conflict_when_a_signer_sends_it_changed() {
    let meeting = Meeting::new();
    meeting
        .sam
        .cmd()
        .arg("load")
        .arg(meeting.sam.file("records.json", RECORDS))
        .assert()
        .success();
    meeting
        .rosa
        .cmd()
        .args(["edit", "0b9c", "--hours", "Mon 9-5"])
        .assert()
        .success();
    let first = meeting.export("first.age", &[]);
    let output = meeting.import(&first, &["--trust-signer", "--signer-name", "Rosa"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(
            "conflict   Clínica Libre [clinic] Portland, US (0b9c3f1e): hours — added here; keeping the local one"
        ),
        "{text}"
    );
    assert!(text.contains("1 unchanged, 1 conflicts"), "{text}");
    assert!(!meeting.sam.dump().contains("Mon 9-5"));
    for id in ["0b9c", "1c8d"] {
        meeting
            .sam
            .cmd()
            .args(["show", id])
            .assert()
            .success()
            .stdout(predicate::str::contains("source").not());
    }

    let second = meeting.export("second.age", &[]);
    let output = meeting.import(&second, &["--prefer", "bundle"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(meeting.sam.dump().contains("Mon 9-5"));
    assert_vouched(&meeting, "0b9c", "Rosa", 2, "");
}

#[test]
fn replayed_and_expired_bundles_are_refused() {
    let meeting = Meeting::new();
    let old = meeting.export("old.age", &[]);
    let new = meeting.export("new.age", &[]);
    assert!(meeting.import(&new, &["--trust-signer"]).status.success());
    let before = meeting.sam.dump();
    let replay = meeting.import(&old, &[]);
    assert_eq!(replay.status.code(), Some(1));
    assert!(
        stderr_of(&replay).contains("sequence 1"),
        "{}",
        stderr_of(&replay)
    );
    assert!(stderr_of(&replay).contains("replayed"));
    let again = meeting.import(&new, &[]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "the same bundle twice is a replay too"
    );

    let expired = meeting.export("expired.age", &["--expires", "2020-01-01"]);
    let output = meeting.import(&expired, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("expired on 2020-01-01"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(meeting.sam.dump(), before);
}

#[test]
fn wrong_passphrase_other_recipient_empty_and_huge_files() {
    let meeting = Meeting::new();
    let bundle = meeting.export("b.age", &[]);
    let before = meeting.sam.dump();
    let wrong = meeting.sam.file("wrong", "wednesday at the park\n");
    let output = meeting
        .sam
        .cmd()
        .arg("import")
        .arg(&bundle)
        .arg("--bundle-passphrase-file")
        .arg(&wrong)
        .arg("--trust-signer")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr_of(&output).contains("does not decrypt"),
        "{}",
        stderr_of(&output)
    );

    // Encrypted to Rosa's own key: Sam can't open it.
    let (_, rosa_recipient) = meeting.rosa.public_keys();
    let for_rosa = meeting.rosa.temp.path().join("for-rosa.age");
    meeting
        .rosa
        .cmd()
        .arg("export")
        .arg("--out")
        .arg(&for_rosa)
        .args(["--recipient", &rosa_recipient])
        .assert()
        .success();
    let output = meeting.import(&for_rosa, &["--trust-signer"]);
    assert!(
        stderr_of(&output).contains("not encrypted to this vault's key"),
        "{}",
        stderr_of(&output)
    );

    let empty = meeting.sam.file("empty.age", "");
    let output = meeting.import(&empty, &["--trust-signer"]);
    assert!(
        stderr_of(&output).contains("the file is empty"),
        "{}",
        stderr_of(&output)
    );

    // A 1 GB file of junk: refused from its size, without reading it.
    let huge = meeting.sam.temp.path().join("huge.age");
    let file = fs::File::create(&huge).unwrap();
    file.set_len(1 << 30).unwrap();
    let started = std::time::Instant::now();
    let output = meeting.import(&huge, &["--trust-signer"]);
    assert!(
        stderr_of(&output).contains("more than any bundle"),
        "{}",
        stderr_of(&output)
    );
    assert!(started.elapsed().as_secs() < 20);
    // 10 MB of junk under the limit fails at the header, at once.
    let junk = meeting.sam.file("junk.age", &"junk".repeat(2_500_000));
    let output = meeting.import(&junk, &["--trust-signer"]);
    assert!(
        stderr_of(&output).contains("not a pamphlet bundle"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(meeting.sam.dump(), before);
}

/// A bundle assembled by hand (as another program would), signed with a
/// key of the test's own and encrypted to Sam.
struct Handmade {
    keypair: minisign::KeyPair,
    recipient: age::x25519::Recipient,
}

impl Handmade {
    fn new(sam: &TestVault) -> Handmade {
        let (_, recipient) = sam.public_keys();
        Handmade {
            keypair: minisign::KeyPair::generate_unencrypted_keypair().unwrap(),
            recipient: recipient.parse().unwrap(),
        }
    }

    fn public_key(&self) -> String {
        self.keypair.pk.to_base64()
    }

    fn manifest(&self, records: &str, sequence: u64) -> serde_json::Value {
        serde_json::json!({
            "format": "pamphlet-bundle",
            "version": 1,
            "bundle_id": "5ef8a6b2-60d3-41c7-a7f1-7183b70f490c",
            "signer": self.public_key(),
            "sequence": sequence,
            "created_at": "2026-11-01T10:00:00Z",
            "expires_at": null,
            "record_count": records.lines().count(),
            "records_sha256": sha256_hex(records.as_bytes()),
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
        let encryptor = age::Encryptor::with_recipients(std::iter::once(
            &self.recipient as &dyn age::Recipient,
        ))
        .unwrap();
        let mut out = Vec::new();
        let mut writer = encryptor.wrap_output(&mut out).unwrap();
        writer.write_all(&tar).unwrap();
        writer.finish().unwrap();
        out
    }
}

fn sha256_hex(data: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn lines_of(json_array: &str) -> String {
    let values: Vec<serde_json::Value> = serde_json::from_str(json_array).unwrap();
    values.iter().map(|v| format!("{v}\n")).collect()
}

#[test]
fn tampered_manifests_and_records_are_refused() {
    let sam = TestVault::new();
    let handmade = Handmade::new(&sam);
    sam.cmd()
        .args(["keys", "trust", "Handmade", &handmade.public_key()])
        .assert()
        .success();
    let before = sam.dump();
    let records = lines_of(RECORDS);
    let bundle_file = |name: &str, bytes: Vec<u8>| {
        let path = sam.temp.path().join(name);
        fs::write(&path, bytes).unwrap();
        path
    };
    let import = |path: &Path| sam.cmd().arg("import").arg(path).output().unwrap();

    let mut wrong_count = handmade.manifest(&records, 1);
    wrong_count["record_count"] = 3.into();
    let mut wrong_hash = handmade.manifest(&records, 1);
    wrong_hash["records_sha256"] = sha256_hex(b"other").into();
    let invalid = records.replace("\"clinic\"", "\"clinik\"");
    let first_line = records.lines().next().unwrap();
    let duplicated = format!("{first_line}\n{first_line}\n");
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "count",
            handmade.bundle(&wrong_count, &records),
            "counts 3 records, the bundle holds 2",
        ),
        (
            "hash",
            handmade.bundle(&wrong_hash, &records),
            "hash differs",
        ),
        (
            "invalid",
            handmade.bundle(&handmade.manifest(&invalid, 1), &invalid),
            "field `category`",
        ),
        (
            "duplicate",
            handmade.bundle(&handmade.manifest(&duplicated, 1), &duplicated),
            "was already used by line 1",
        ),
    ];
    for (name, bytes, expected) in cases {
        let output = import(&bundle_file(name, bytes));
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(
            stderr_of(&output).contains(expected),
            "{name}: {}",
            stderr_of(&output)
        );
        assert_eq!(sam.dump(), before, "{name}: vault unchanged");
    }

    // Records swapped after signing: the signature no longer verifies.
    let good = handmade.manifest(&records, 1);
    let manifest_bytes = serde_json::to_vec(&good).unwrap();
    let mut forged = tar::Builder::new(Vec::new());
    let other = records.replace("Portland", "Salem");
    for (name, data) in [
        ("manifest.json", manifest_bytes.clone()),
        ("manifest.json.minisig", handmade.sign(&manifest_bytes)),
        ("records.jsonl", other.clone().into_bytes()),
        ("records.jsonl.minisig", handmade.sign(records.as_bytes())),
    ] {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_cksum();
        forged.append_data(&mut header, name, &data[..]).unwrap();
    }
    let tar = forged.into_inner().unwrap();
    let encryptor = age::Encryptor::with_recipients(std::iter::once(
        &handmade.recipient as &dyn age::Recipient,
    ))
    .unwrap();
    let mut bytes = Vec::new();
    let mut writer = encryptor.wrap_output(&mut bytes).unwrap();
    writer.write_all(&tar).unwrap();
    writer.finish().unwrap();
    let output = import(&bundle_file("forged", bytes));
    assert!(
        stderr_of(&output).contains("signature on records.jsonl does not verify"),
        "{}",
        stderr_of(&output)
    );

    // A valid bundle by a key nobody trusts.
    let stranger = Handmade::new(&sam);
    let output = import(&bundle_file(
        "stranger",
        stranger.bundle(&stranger.manifest(&records, 1), &records),
    ));
    assert!(
        stderr_of(&output).contains("untrusted key"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(sam.dump(), before);

    // And the good one is accepted, proving the cases above failed for
    // their own reasons.
    let output = import(&bundle_file("good", handmade.bundle(&good, &records)));
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(sam.dump().contains("Clínica Libre"));
}

/// `redacted` is signed, but a signer can still put anything in it: only
/// the fields a bundle can redact are accepted.
#[test]
fn a_manifest_that_redacts_an_unknown_field_is_refused() {
    let sam = TestVault::new();
    let handmade = Handmade::new(&sam);
    sam.cmd()
        .args(["keys", "trust", "Handmade", &handmade.public_key()])
        .assert()
        .success();
    let before = sam.dump();
    let records = lines_of(RECORDS);
    let bundle_with = |name: &str, redacted: &[&str]| {
        let mut manifest = handmade.manifest(&records, 1);
        manifest["redacted"] = redacted.into();
        let path = sam.temp.path().join(name);
        fs::write(&path, handmade.bundle(&manifest, &records)).unwrap();
        path
    };
    for (name, redacted, field) in [
        ("name", &["address", "name"][..], r#""name""#),
        ("typo", &["adress"][..], r#""adress""#),
        ("capital", &["Phones"][..], r#""Phones""#),
        ("empty", &[""][..], r#""""#),
    ] {
        let path = bundle_with(name, redacted);
        for command in ["verify", "import"] {
            let output = sam.cmd().arg(command).arg(&path).output().unwrap();
            assert_eq!(output.status.code(), Some(1), "{name} {command}");
            assert_eq!(
                stderr_of(&output),
                format!(
                    "error: the bundle is malformed: manifest.json names {field} among the \
                     redacted fields; only address, phones, email, website, notes can be redacted\n\
                     hint: ask the sender for a new copy of the bundle; nothing was imported\n"
                ),
                "{name} {command}"
            );
        }
        assert_eq!(sam.dump(), before, "{name}: vault unchanged");
    }

    // Known fields are fine, proving the bundles above failed for that alone.
    let path = bundle_with("known", &["address", "notes"]);
    let output = sam.cmd().arg("import").arg(&path).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(sam.dump().contains("Clínica Libre"));
}

/// Every flipped byte and every truncation of a real bundle fails to open,
/// so none of them can import anything.
#[test]
fn every_flipped_byte_and_truncation_is_refused() {
    let meeting = Meeting::new();
    let (_, sam_recipient) = meeting.sam.public_keys();
    let path = meeting.rosa.temp.path().join("small.age");
    meeting
        .rosa
        .cmd()
        .arg("export")
        .arg("--out")
        .arg(&path)
        .args(["--recipient", &sam_recipient, "zoe"])
        .assert()
        .success();
    let good = fs::read(&path).unwrap();
    let identity = {
        let passphrase = secrecy::SecretString::from(common::PASSPHRASE.to_owned());
        let sam = pamphlet::vault::Vault::unlock(&meeting.sam.dir, &passphrase).unwrap();
        sam.age_identity().clone()
    };
    let open = |bytes: &[u8]| {
        let probe = meeting.sam.temp.path().join("probe.age");
        fs::write(&probe, bytes).unwrap();
        pamphlet::bundle::open(
            &probe,
            pamphlet::bundle::Decryption {
                identity: Some(&identity),
                passphrase: None,
            },
        )
    };
    assert!(open(&good).is_ok(), "the untouched bundle opens");
    for at in 0..good.len() {
        let mut bad = good.clone();
        bad[at] ^= 0x01;
        assert!(
            open(&bad).is_err(),
            "a flipped byte at offset {at} of {} was accepted",
            good.len()
        );
    }
    for cut in (0..good.len()).step_by(64) {
        assert!(
            open(&good[..cut]).is_err(),
            "truncation at {cut} was accepted"
        );
    }
    assert!(open(&good[..good.len() - 1]).is_err());
    // Through the command line, a damaged bundle leaves the vault as it was.
    let before = meeting.sam.dump();
    let mut bad = good.clone();
    let middle = bad.len() / 2;
    bad[middle] ^= 0x80;
    let damaged = meeting.sam.file("damaged.age", "");
    fs::write(&damaged, &bad).unwrap();
    let output = meeting.import(&damaged, &["--trust-signer"]);
    assert!(
        stderr_of(&output).contains("does not decrypt"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(meeting.sam.dump(), before);
}

#[test]
fn verify_and_import_speak_json() {
    let meeting = Meeting::new();
    let bundle = meeting.export("b.age", &[]);
    let output = meeting
        .sam
        .cmd()
        .arg("verify")
        .arg(&bundle)
        .arg("--bundle-passphrase-file")
        .arg(&meeting.meeting_passphrase)
        .arg("--json")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let verified: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(verified["record_count"], 2);
    assert_eq!(verified["sequence"], 1);
    assert!(verified["signer_name"].is_null(), "not trusted yet");
    assert!(
        verified["import_refused"].is_null(),
        "acceptable once trusted"
    );

    let output = meeting.import(
        &bundle,
        &["--trust-signer", "--signer-name", "Rosa", "--json"],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["applied"], true);
    assert_eq!(report["written"], 2);
    assert_eq!(report["counts"]["new"], 2);
    assert_eq!(report["trusted_as"], "Rosa");
    let outcomes: Vec<&str> = report["plan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["new", "new"]);
}

#[test]
fn export_replaces_a_file_only_with_force_and_names_a_field_it_cannot_redact() {
    let meeting = Meeting::new();
    let dir = meeting.rosa.temp.path();
    let export = |out: &Path, extra: &[&str]| {
        meeting
            .rosa
            .cmd()
            .arg("export")
            .arg("--out")
            .arg(out)
            .arg("--bundle-passphrase-file")
            .arg(&meeting.meeting_passphrase)
            .args(extra)
            .output()
            .unwrap()
    };
    let leftovers = || {
        fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.starts_with(".pamphlet-"))
            .collect::<Vec<_>>()
    };

    let taken = meeting.rosa.file("taken.age", "an older bundle\n");
    let output = export(&taken, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        format!(
            "error: {} exists already\nhint: choose another --out, or give --force to replace it\n",
            taken.display()
        )
    );
    assert_eq!(fs::read(&taken).unwrap(), b"an older bundle\n");

    let fresh = dir.join("fresh.age");
    let output = export(&fresh, &["--redact", "phones,name"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        "error: cannot redact \"name\"; redactable fields are address, phones, email, website, notes\n\
         hint: give --redact a comma-separated list, like address,notes\n"
    );
    assert!(!fresh.exists());
    assert!(leftovers().is_empty(), "{:?}", leftovers());

    let output = export(&taken, &["--force"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_ne!(fs::read(&taken).unwrap(), b"an older bundle\n");
    assert!(leftovers().is_empty(), "{:?}", leftovers());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&taken).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
    }
    // The refused exports used no sequence number.
    let output = meeting
        .sam
        .cmd()
        .arg("verify")
        .arg(&taken)
        .arg("--bundle-passphrase-file")
        .arg(&meeting.meeting_passphrase)
        .arg("--json")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let verified: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(verified["sequence"], 1);
}

/// A wrong passphrase and a damaged payload read the same to a person, so
/// the message is no oracle; age's error stays behind it as the source.
#[test]
fn a_wrong_passphrase_and_a_damaged_bundle_say_the_same() {
    use pamphlet::bundle::{BundleError, Decryption, Encryption, ExportOptions};
    use pamphlet::vault::{Vault, WorkFactor};
    use secrecy::SecretString;
    use std::error::Error;

    let temp = tempfile::tempdir().unwrap();
    let passphrase = SecretString::from("vault passphrase".to_owned());
    let mut vault = Vault::init(&temp.path().join("v"), &passphrase, WorkFactor::log_n(4)).unwrap();
    let records = pamphlet::interop::json::parse_records(
        RECORDS,
        time::macros::datetime!(2026-11-30 12:00 UTC),
    )
    .unwrap();
    let ids: Vec<_> = records.iter().map(|r| r.id).collect();
    vault.put_all(records).unwrap();
    let meeting = SecretString::from("tuesday at the library".to_owned());
    let encryption = Encryption::Passphrase(meeting.clone(), WorkFactor::log_n(4));
    let now = time::macros::datetime!(2026-11-30 12:00 UTC);
    let summary = pamphlet::bundle::export(
        &mut vault,
        &ids,
        ExportOptions::new(encryption, now).selection("all"),
    )
    .unwrap();
    let open = |bytes: &[u8], passphrase: &SecretString| {
        pamphlet::bundle::open_bytes(
            bytes,
            Decryption {
                identity: Some(vault.age_identity()),
                passphrase: Some(passphrase),
            },
        )
    };
    let opened = open(&summary.bytes, &meeting).unwrap();
    assert_eq!(opened.manifest.selection, "all");
    assert_eq!(opened.records.len(), 2);

    let wrong = open(&summary.bytes, &SecretString::from("wednesday".to_owned()));
    let mut damaged = summary.bytes.clone();
    let last = damaged.len() - 3;
    damaged[last] ^= 0x20;
    let damaged = open(&damaged, &meeting);
    let mut messages = Vec::new();
    for result in [wrong, damaged] {
        let error = result.err().unwrap();
        assert!(matches!(error, BundleError::Undecryptable(_)), "{error:?}");
        assert!(error.source().is_some(), "age's error is kept");
        messages.push(error.to_string());
    }
    assert_eq!(
        messages[0],
        "the bundle does not decrypt: wrong passphrase, or the file is damaged"
    );
    assert_eq!(messages[0], messages[1]);
}

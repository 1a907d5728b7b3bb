//! The fixed limits on what a bundle may ask of this machine, each met by a
//! bundle made by hand: more scrypt work than any bundle may ask for, more
//! record bytes, more records, and a trusted bundle that would grow the
//! vault past its limit. Each is refused before the heavy work, with a
//! message that says which limit, and the vault is unchanged.

mod common;

use std::fs;
use std::io::{Cursor, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use common::{stderr_of, TestVault};

/// The limits as the documentation states them (docs/bundle-format.md).
const MAX_SCRYPT_LOG_N: u8 = 20;
const MAX_BUNDLE_RECORDS: u64 = 200_000;
const MAX_RECORDS_BYTES: u64 = 160 * 1024 * 1024;

/// The environment knob that lowers (never raises) the vault limit, so a
/// test can reach it with a few records.
const VAULT_LIMIT_ENV: &str = "PAMPHLET_TEST_MAX_VAULT_RECORDS";

/// One small, valid record as a line of `records.jsonl`.
fn record_line(n: u64) -> String {
    format!(
        "{{\"id\":\"{}\",\"name\":\"Clinic {n}\",\"category\":\"clinic\",\"updated_at\":\"2026-10-01T12:00:00Z\"}}\n",
        uuid_for(n)
    )
}

fn uuid_for(n: u64) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

fn records(range: std::ops::Range<u64>) -> String {
    range.map(record_line).collect()
}

/// Bundles assembled by hand, signed with a key of the test's own.
struct Forger {
    keypair: minisign::KeyPair,
}

impl Forger {
    fn new() -> Forger {
        Forger {
            keypair: minisign::KeyPair::generate_unencrypted_keypair().unwrap(),
        }
    }

    fn public_key(&self) -> String {
        self.keypair.pk.to_base64()
    }

    fn manifest(&self, records: &[u8], record_count: u64, sequence: u64) -> Vec<u8> {
        use sha2::Digest;
        let hash: String = sha2::Sha256::digest(records)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        serde_json::to_vec(&serde_json::json!({
            "format": "pamphlet-bundle",
            "version": 1,
            "bundle_id": "5ef8a6b2-60d3-41c7-a7f1-7183b70f490c",
            "signer": self.public_key(),
            "sequence": sequence,
            "created_at": "2026-11-01T10:00:00Z",
            "expires_at": null,
            "record_count": record_count,
            "records_sha256": hash,
            "selection": "",
            "redacted": []
        }))
        .unwrap()
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

    /// The four signed files, in pamphlet's order.
    fn files(&self, records: &str, record_count: u64, sequence: u64) -> Vec<(&str, Vec<u8>)> {
        let manifest = self.manifest(records.as_bytes(), record_count, sequence);
        vec![
            ("manifest.json.minisig", self.sign(&manifest)),
            ("manifest.json", manifest),
            ("records.jsonl.minisig", self.sign(records.as_bytes())),
            ("records.jsonl", records.as_bytes().to_vec()),
        ]
    }

    fn archive(&self, records: &str, record_count: u64, sequence: u64) -> Vec<u8> {
        tar_of(&self.files(records, record_count, sequence))
    }
}

fn tar_of(files: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut tar = tar::Builder::new(Vec::new());
    for (name, data) in files {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, name, &data[..]).unwrap();
    }
    tar.into_inner().unwrap()
}

fn encrypt(recipient: &dyn age::Recipient, plaintext: &[u8]) -> Vec<u8> {
    let encryptor = age::Encryptor::with_recipients(std::iter::once(recipient)).unwrap();
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).unwrap();
    writer.write_all(plaintext).unwrap();
    writer.finish().unwrap();
    out
}

/// Sam's vault, which trusts the forger, and a way to hand it files.
struct Sam {
    vault: TestVault,
    recipient: age::x25519::Recipient,
}

impl Sam {
    fn trusting(forger: &Forger) -> Sam {
        let vault = TestVault::new();
        vault
            .cmd()
            .args(["keys", "trust", "Forger", &forger.public_key()])
            .assert()
            .success();
        let (_, recipient) = vault.public_keys();
        Sam {
            vault,
            recipient: recipient.parse().unwrap(),
        }
    }

    fn bundle_file(&self, name: &str, archive: &[u8]) -> PathBuf {
        let path = self.vault.temp.path().join(name);
        fs::write(&path, encrypt(&self.recipient, archive)).unwrap();
        path
    }

    fn run(&self, args: &[&str], env: &[(&str, &str)]) -> (std::process::Output, Duration) {
        let mut command = self.vault.std_cmd();
        command.args(args);
        for (key, value) in env {
            command.env(key, value);
        }
        let started = Instant::now();
        let output = command.output().unwrap();
        (output, started.elapsed())
    }

    fn import(&self, bundle: &std::path::Path, extra: &[&str]) -> std::process::Output {
        let mut args = vec!["import", bundle.to_str().unwrap()];
        args.extend_from_slice(extra);
        self.run(&args, &[]).0
    }
}

/// Replaces the work factor on the scrypt stanza line of an age header.
fn with_scrypt_log_n(file: &[u8], log_n: u8) -> Vec<u8> {
    let start = memchr::memmem::find(file, b"-> scrypt ").expect("a scrypt stanza");
    let end = start + memchr::memchr(b'\n', &file[start..]).unwrap();
    let line = std::str::from_utf8(&file[start..end]).unwrap();
    let (head, _) = line.rsplit_once(' ').unwrap();
    let mut out = file[..start].to_vec();
    out.extend_from_slice(format!("{head} {log_n}").as_bytes());
    out.extend_from_slice(&file[end..]);
    out
}

#[test]
fn a_passphrase_bundle_asking_for_more_scrypt_work_than_the_cap_is_refused_at_once() {
    let forger = Forger::new();
    let sam = Sam::trusting(&forger);
    let archive = forger.archive(&records(0..2), 2, 1);
    let meeting = "tuesday at the library";
    let mut recipient = age::scrypt::Recipient::new(meeting.to_owned().into());
    recipient.set_work_factor(2);
    let cheap = encrypt(&recipient, &archive);
    let passphrase_file = sam.vault.file("meeting", &format!("{meeting}\n"));
    let passphrase = passphrase_file.to_str().unwrap();

    // The same file at the work factor it was made with opens: the header
    // edit below is the only difference.
    let path = sam.vault.temp.path().join("cheap.age");
    fs::write(&path, &cheap).unwrap();
    let (output, _) = sam.run(
        &[
            "verify",
            path.to_str().unwrap(),
            "--bundle-passphrase-file",
            passphrase,
        ],
        &[],
    );
    assert!(output.status.success(), "{}", stderr_of(&output));

    // One above the cap: scrypt would need 2 GiB and seconds. Refused from
    // the header, before any scrypt work (the header's MAC, now wrong, is
    // checked only after the work).
    let costly = sam.vault.temp.path().join("costly.age");
    fs::write(&costly, with_scrypt_log_n(&cheap, MAX_SCRYPT_LOG_N + 1)).unwrap();
    let before = sam.vault.dump();
    for command in ["verify", "import"] {
        let (output, elapsed) = sam.run(
            &[
                command,
                costly.to_str().unwrap(),
                "--bundle-passphrase-file",
                passphrase,
            ],
            &[],
        );
        assert_eq!(output.status.code(), Some(1), "{command}");
        let stderr = stderr_of(&output);
        assert!(
            stderr.contains(&format!(
                "asks for scrypt work factor {}",
                MAX_SCRYPT_LOG_N + 1
            )) && stderr.contains(&format!("at most {MAX_SCRYPT_LOG_N}")),
            "{command}: {stderr}"
        );
        assert!(stderr.contains("hint: "), "{command}: {stderr}");
        // The whole command, unlock included, in well under the seconds
        // the work itself would take (about 8 s here at 21).
        assert!(
            elapsed < Duration::from_secs(3),
            "{command} took {elapsed:?}"
        );
    }
    assert_eq!(sam.vault.dump(), before);
}

#[test]
fn an_archive_claiming_more_record_bytes_than_the_cap_is_refused_from_its_header() {
    let forger = Forger::new();
    let sam = Sam::trusting(&forger);
    let mut files = forger.files(&records(0..2), 2, 1);
    files.pop();
    let mut archive = tar_of(&files);
    // Drop the end-of-archive blocks, then a records.jsonl whose header
    // claims one byte over the cap, followed by a few bytes only: a reader
    // that trusted the header would wait for 160 MiB.
    archive.truncate(archive.len() - 1024);
    let mut header = tar::Header::new_ustar();
    header.set_path("records.jsonl").unwrap();
    header.set_size(MAX_RECORDS_BYTES + 1);
    header.set_mode(0o644);
    header.set_cksum();
    archive.extend_from_slice(header.as_bytes());
    archive.extend_from_slice(records(0..2).as_bytes());
    let path = sam.bundle_file("oversized.age", &archive);
    let before = sam.vault.dump();
    let output = sam.import(&path, &[]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = stderr_of(&output);
    assert!(
        stderr.contains("too large")
            && stderr.contains(&format!("records.jsonl is {} bytes", MAX_RECORDS_BYTES + 1))
            && stderr.contains("160 MiB"),
        "{stderr}"
    );
    assert_eq!(sam.vault.dump(), before);
}

#[test]
fn a_bundle_with_more_records_than_the_cap_is_refused_before_they_are_parsed() {
    let forger = Forger::new();
    let sam = Sam::trusting(&forger);
    let before = sam.vault.dump();
    let expected = format!("more than {MAX_BUNDLE_RECORDS} records");

    // A manifest that claims one record over the cap, over two records.
    let claims = sam.bundle_file(
        "claims.age",
        &forger.archive(&records(0..2), MAX_BUNDLE_RECORDS + 1, 1),
    );
    // Records one over the cap, tiny ones, honestly counted and signed: a
    // trusted signer's bundle that today would be parsed whole.
    let many = records(0..MAX_BUNDLE_RECORDS + 1);
    let honest = sam.bundle_file(
        "honest.age",
        &forger.archive(&many, MAX_BUNDLE_RECORDS + 1, 2),
    );
    // The same records under a manifest that says two: refused as a
    // mismatch once the count passes two, not parsed.
    let understated = sam.bundle_file("understated.age", &forger.archive(&many, 2, 3));
    for (path, wanted) in [
        (&claims, expected.as_str()),
        (&honest, expected.as_str()),
        (
            &understated,
            "the manifest counts 2 records, the bundle holds more",
        ),
    ] {
        let (output, elapsed) = sam.run(&["import", path.to_str().unwrap()], &[]);
        assert_eq!(output.status.code(), Some(1), "{}", path.display());
        let stderr = stderr_of(&output);
        assert!(stderr.contains(wanted), "{}: {stderr}", path.display());
        assert!(
            elapsed < Duration::from_secs(20),
            "{}: {elapsed:?}",
            path.display()
        );
    }
    assert_eq!(sam.vault.dump(), before);
}

#[test]
fn a_trusted_bundle_cannot_grow_the_vault_past_the_limit_without_allow_large() {
    let forger = Forger::new();
    let sam = Sam::trusting(&forger);
    let one = sam.vault.file("one.jsonl", &records(100..101));
    sam.vault.cmd().arg("load").arg(&one).assert().success();
    let before = sam.vault.dump();
    let limit = [(VAULT_LIMIT_ENV, "2")];
    let import = |name: &str, archive: &[u8], extra: &[&str]| {
        let path = sam.bundle_file(name, archive);
        let mut args = vec!["import", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        sam.run(&args, &limit).0
    };

    // Two new records into a vault of one, with a limit of two.
    let two_new = forger.archive(&records(0..2), 2, 1);
    let refused = import("grow.age", &two_new, &[]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = stderr_of(&refused);
    assert!(
        stderr.contains("would grow the vault to 3 records, past the limit of 2")
            && stderr.contains("--allow-large"),
        "{stderr}"
    );
    assert_eq!(sam.vault.dump(), before, "nothing imported");

    // A dry run shows the plan and says the import would be refused.
    let dry = import("grow.age", &two_new, &["--dry-run"]);
    assert!(dry.status.success(), "{}", stderr_of(&dry));
    let text = String::from_utf8(dry.stdout).unwrap();
    assert!(
        text.contains("would be refused") && text.contains("--allow-large"),
        "{text}"
    );

    // Said so, it is imported.
    let allowed = import("grow.age", &two_new, &["--allow-large"]);
    assert!(allowed.status.success(), "{}", stderr_of(&allowed));
    assert_eq!(sam.vault.dump().lines().count(), 3);

    // A vault already past its limit still takes updates and nothing new:
    // what it must not do is grow.
    let update = records(0..2).replace("Clinic 0", "Clinic zero");
    let updated = import("update.age", &forger.archive(&update, 2, 2), &[]);
    assert!(updated.status.success(), "{}", stderr_of(&updated));
    assert!(sam.vault.dump().contains("Clinic zero"));
    let another = import("another.age", &forger.archive(&records(5..6), 1, 3), &[]);
    assert_eq!(another.status.code(), Some(1), "{}", stderr_of(&another));

    // The knob only ever lowers the limit: a huge value is the real one.
    let raised = sam.run(
        &[
            "import",
            sam.bundle_file("raised.age", &forger.archive(&records(7..8), 1, 4))
                .to_str()
                .unwrap(),
        ],
        &[(VAULT_LIMIT_ENV, "999999999")],
    );
    assert!(raised.0.status.success(), "{}", stderr_of(&raised.0));
}

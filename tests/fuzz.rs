//! The four fuzz targets of `fuzz/` as property tests on stable Rust: the
//! bundle reader, the sealed-value decoder, the JSON record loader and the
//! query parser, fed arbitrary input and mutations of real input. They run in
//! seconds; `fuzz/run.sh` runs the same entry points under libFuzzer for
//! longer. Inputs from fuzzing runs, and every input a fuzzer ever
//! crashed on, are kept under `tests/data/fuzz/TARGET/` and replayed here.
//!
//! `cargo test --test fuzz -- --ignored write_fuzz_seeds` rewrites the seed
//! corpora in `fuzz/seeds/`.

use std::fs;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use pamphlet::bundle::{self, Encryption, ExportOptions};
use pamphlet::fuzzing::{self, BUNDLE_ARCHIVE, BUNDLE_PASSPHRASE, FUZZ_LIMITS};
use pamphlet::model::Record;
use pamphlet::vault::{Vault, WorkFactor};
use proptest::prelude::*;
use secrecy::SecretString;
use time::macros::datetime;

const RECORDS: usize = 12;

/// A real bundle of `RECORDS` records encrypted to the fuzzing identity, the
/// tar archive inside it, and the same records in a bundle for the fuzzing
/// passphrase.
struct Seeds {
    bundle: Vec<u8>,
    archive: Vec<u8>,
    passphrase_bundle: Vec<u8>,
    records: Vec<Record>,
}

fn seeds() -> &'static Seeds {
    static SEEDS: OnceLock<Seeds> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let temp = tempfile::tempdir().unwrap();
        let passphrase = SecretString::from("fuzzing seeds only".to_owned());
        let mut vault =
            Vault::init(&temp.path().join("v"), &passphrase, WorkFactor::log_n(4)).unwrap();
        let records: Vec<Record> = pamphlet::generate::generate(5, RECORDS).collect();
        vault.put_all(records.clone()).unwrap();
        let ids: Vec<_> = records.iter().map(|r| r.id).collect();
        let recipient = fuzzing::fuzz_recipient();
        let summary = bundle::export(
            &mut vault,
            &ids,
            ExportOptions::new(
                Encryption::recipients([recipient.as_str()]).unwrap(),
                datetime!(2026-11-30 12:00 UTC),
            ),
        )
        .unwrap();
        let passphrase_bundle = bundle::export(
            &mut vault,
            &ids,
            ExportOptions::new(
                Encryption::Passphrase(
                    SecretString::from(fuzzing::FUZZ_PASSPHRASE.to_owned()),
                    WorkFactor::log_n(4),
                ),
                datetime!(2026-11-30 12:00 UTC),
            ),
        )
        .unwrap()
        .bytes;
        let identity = age::x25519::Identity::from_str(fuzzing::FUZZ_IDENTITY).unwrap();
        let mut archive = Vec::new();
        let decryptor = age::Decryptor::new(&summary.bytes[..]).unwrap();
        let mut reader = decryptor
            .decrypt(std::iter::once(&identity as &dyn age::Identity))
            .unwrap();
        std::io::copy(&mut reader, &mut archive).unwrap();
        Seeds {
            bundle: summary.bytes,
            archive,
            passphrase_bundle,
            records,
        }
    })
}

fn with_layer(layer: u8, bytes: &[u8]) -> Vec<u8> {
    let mut input = vec![layer];
    input.extend_from_slice(bytes);
    input
}

fn json_lines(records: &[Record]) -> String {
    records
        .iter()
        .map(|record| record.to_json_line() + "\n")
        .collect()
}

/// `file` with the work factor on its scrypt stanza replaced.
fn with_scrypt_log_n(file: &[u8], log_n: u8) -> Vec<u8> {
    let start = memchr::memmem::find(file, b"-> scrypt ").unwrap();
    let end = start + memchr::memchr(b'\n', &file[start..]).unwrap();
    let line = std::str::from_utf8(&file[start..end]).unwrap();
    let (stanza, _) = line.rsplit_once(' ').unwrap();
    [
        &file[..start],
        format!("{stanza} {log_n}").as_bytes(),
        &file[end..],
    ]
    .concat()
}

/// `data` with the first `from` replaced by `to`, which is as long.
fn replace_once(data: &[u8], from: &str, to: &str) -> Vec<u8> {
    assert_eq!(from.len(), to.len(), "the tar header's size stays right");
    let at = memchr::memmem::find(data, from.as_bytes()).unwrap();
    [&data[..at], to.as_bytes(), &data[at + from.len()..]].concat()
}

/// The archive with the size in records.jsonl's header set to `size`.
fn with_records_size(archive: &[u8], size: u64) -> Vec<u8> {
    let mut archive = archive.to_vec();
    let mut offset = 0;
    loop {
        let block: &mut [u8; 512] = (&mut archive[offset..offset + 512]).try_into().unwrap();
        let header = tar::Header::from_byte_slice(block);
        let entry_size = header.entry_size().unwrap();
        if header.path().unwrap().to_str() == Some("records.jsonl") {
            let mut header = header.clone();
            header.set_size(size);
            header.set_cksum();
            archive[offset..offset + 512].copy_from_slice(header.as_bytes());
            return archive;
        }
        offset += 512 + entry_size.div_ceil(512) as usize * 512;
    }
}

/// An error is one line: it goes to stderr after `error: `.
fn one_line(result: &Result<usize, String>) -> bool {
    match result {
        Ok(_) => true,
        Err(message) => !message.is_empty() && !message.contains('\n'),
    }
}

#[test]
fn the_seeds_themselves_are_accepted() {
    let seeds = seeds();
    assert_eq!(
        fuzzing::open_bundle_bytes(&with_layer(0, &seeds.bundle)),
        Ok(RECORDS)
    );
    assert_eq!(
        fuzzing::open_bundle_bytes(&with_layer(BUNDLE_ARCHIVE, &seeds.archive)),
        Ok(RECORDS)
    );
    assert_eq!(
        fuzzing::open_bundle_bytes(&with_layer(BUNDLE_PASSPHRASE, &seeds.passphrase_bundle)),
        Ok(RECORDS)
    );
    let sealed = fuzzing::sealed_seed(&seeds.records);
    assert!(matches!(fuzzing::open_sealed(&sealed), Ok(n) if n >= 1));
    assert_eq!(
        fuzzing::parse_records(&json_lines(&seeds.records)),
        Ok(RECORDS)
    );
    assert_eq!(
        fuzzing::parse_query("clinic city:portland !lang:fr \"walk in\""),
        Ok(4)
    );
}

/// Inputs kept from fuzzing runs, replayed: a few the fuzzer found that
/// reach deep into each target, and every input it ever crashed on (none
/// yet). Each file's directory names the target.
/// The archive `archive` with the file `name` replaced by `contents`, the
/// other files and their order kept.
fn with_file(archive: &[u8], name: &str, contents: &[u8]) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    let mut reader = tar::Archive::new(archive);
    for entry in reader.entries().unwrap() {
        let mut entry = entry.unwrap();
        let path = entry.path().unwrap().to_string_lossy().into_owned();
        let mut data = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut data).unwrap();
        if path == name {
            data = contents.to_vec();
        }
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o600);
        header.set_entry_type(tar::EntryType::Regular);
        builder.append_data(&mut header, &path, &data[..]).unwrap();
    }
    builder.into_inner().unwrap()
}

/// minisign 0.7.9 panicked (slicing bytes 32..64 of the global signature
/// unchecked) on a signature file whose last line decodes to fewer than 64
/// bytes; a changed byte of a real archive found it once. Every such file is
/// refused as a bad signature, whichever of the two it is.
#[test]
fn a_signature_with_a_short_or_odd_global_signature_is_refused_not_a_panic() {
    let archive = &seeds().archive;
    let original = {
        let mut reader = tar::Archive::new(&archive[..]);
        let mut found = Vec::new();
        for entry in reader.entries().unwrap() {
            let mut entry = entry.unwrap();
            if entry.path().unwrap().to_string_lossy() == "records.jsonl.minisig" {
                std::io::Read::read_to_end(&mut entry, &mut found).unwrap();
            }
        }
        String::from_utf8(found).unwrap()
    };
    let lines: Vec<&str> = original.lines().collect();
    assert_eq!(lines.len(), 4, "{original:?}");
    // The unchanged archive opens: what follows fails for the change alone.
    let rebuilt = with_file(archive, "records.jsonl.minisig", original.as_bytes());
    assert_eq!(
        fuzzing::open_bundle_bytes(&with_layer(BUNDLE_ARCHIVE, &rebuilt)),
        Ok(RECORDS)
    );
    let global = lines[3];
    let short_globals = [
        String::new(),
        "AAAA".to_owned(),
        "AAA".to_owned(),
        global[..44].to_owned(),
        global[..84].to_owned() + "====",
        global[..86].to_owned(),
        global[..87].to_owned(),
    ];
    for name in ["manifest.json.minisig", "records.jsonl.minisig"] {
        for short in &short_globals {
            let forged = format!("{}\n{}\n{}\n{}\n", lines[0], lines[1], lines[2], short);
            let changed = with_file(archive, name, forged.as_bytes());
            let result = fuzzing::open_bundle_bytes(&with_layer(BUNDLE_ARCHIVE, &changed));
            let message = result.expect_err("a forged signature opened");
            assert!(
                message.starts_with(&format!(
                    "the signature on {}",
                    name.trim_end_matches(".minisig")
                )),
                "{short:?} in {name}: {message}"
            );
        }
    }
}

#[test]
fn inputs_kept_from_fuzzing_are_handled_cleanly() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    let mut replayed = 0;
    for target in ["bundle", "sealed", "json", "query"] {
        let dir = root.join(target);
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert!(!files.is_empty(), "nothing kept for {target}");
        files.sort();
        for file in files {
            let data = fs::read(&file).unwrap();
            let text = String::from_utf8_lossy(&data);
            let result = match target {
                "bundle" => fuzzing::open_bundle_bytes(&data),
                "sealed" => fuzzing::open_sealed(&data),
                "json" => fuzzing::parse_records(&text),
                _ => fuzzing::parse_query(&text),
            };
            assert!(one_line(&result), "{}: {result:?}", file.display());
            replayed += 1;
        }
    }
    eprintln!("replayed {replayed} inputs kept from fuzzing");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2048, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_are_never_a_bundle(layer in 0u8..3, bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let result = fuzzing::open_bundle_bytes(&with_layer(layer, &bytes));
        prop_assert!(result.is_err());
        prop_assert!(one_line(&result), "{:?}", result);
    }

    #[test]
    fn a_changed_or_cut_bundle_never_opens(at in any::<prop::sample::Index>(), byte in 1u8..=255, cut in any::<bool>()) {
        let bundle = &seeds().bundle;
        let mut changed = bundle.clone();
        let at = at.index(bundle.len());
        if cut {
            changed.truncate(at);
        } else {
            changed[at] ^= byte;
        }
        let result = fuzzing::open_bundle_bytes(&with_layer(0, &changed));
        prop_assert!(result.is_err());
        prop_assert!(one_line(&result), "{:?}", result);
    }

    #[test]
    fn a_changed_archive_opens_only_as_signed(at in any::<prop::sample::Index>(), byte in 1u8..=255, cut in any::<bool>()) {
        // Bytes of the tar headers and padding are not signed; the files are.
        // A change may pass only if it leaves every signed byte as it was.
        let archive = &seeds().archive;
        let mut changed = archive.clone();
        let at = at.index(archive.len());
        if cut {
            changed.truncate(at);
        } else {
            changed[at] ^= byte;
        }
        let result = fuzzing::open_bundle_bytes(&with_layer(BUNDLE_ARCHIVE, &changed));
        prop_assert!(one_line(&result), "{:?}", result);
        if let Ok(count) = result {
            prop_assert_eq!(count, RECORDS);
        }
    }

    #[test]
    fn more_scrypt_work_than_the_cap_is_refused_from_the_header(log_n in FUZZ_LIMITS.scrypt_log_n + 1..64) {
        let result = fuzzing::open_bundle_bytes(&with_layer(
            BUNDLE_PASSPHRASE,
            &with_scrypt_log_n(&seeds().passphrase_bundle, log_n),
        ));
        let expected = format!("asks for scrypt work factor {log_n}, but pamphlet opens bundles of at most {}", FUZZ_LIMITS.scrypt_log_n);
        prop_assert!(matches!(&result, Err(message) if message.contains(&expected)), "{:?}", result);
    }

    #[test]
    fn a_manifest_counting_past_the_cap_is_refused_before_its_signature(count in FUZZ_LIMITS.records + 1..100) {
        // The count is signed, but checked first: the change is seen as too
        // many records, not as a bad signature.
        let archive = replace_once(&seeds().archive, &format!("\"record_count\": {RECORDS},"), &format!("\"record_count\": {count},"));
        let result = fuzzing::open_bundle_bytes(&with_layer(BUNDLE_ARCHIVE, &archive));
        let expected = format!("more than {} records", FUZZ_LIMITS.records);
        prop_assert!(matches!(&result, Err(message) if message.contains(&expected)), "{:?}", result);
    }

    #[test]
    fn records_past_the_byte_cap_are_refused_from_the_header(size in FUZZ_LIMITS.records_bytes + 1..1 << 40) {
        let archive = with_records_size(&seeds().archive, size);
        let result = fuzzing::open_bundle_bytes(&with_layer(BUNDLE_ARCHIVE, &archive));
        let expected = format!("records.jsonl is {size} bytes, more than the 64 KiB");
        prop_assert!(matches!(&result, Err(message) if message.contains(&expected)), "{:?}", result);
    }

    #[test]
    fn arbitrary_sealed_values_never_open(key in any::<[u8; 2]>(), bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let mut input = vec![0, key[0], key[1]];
        input.extend_from_slice(&bytes);
        let result = fuzzing::open_sealed(&input);
        prop_assert!(result.is_err());
        prop_assert!(one_line(&result), "{:?}", result);
    }

    #[test]
    fn damaged_bucket_plaintext_is_refused_cleanly(at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
        let seed = fuzzing::sealed_seed(&seeds().records);
        let mut changed = seed.clone();
        let at = 1 + at.index(seed.len() - 1);
        if cut {
            changed.truncate(at);
        } else {
            changed[at] = byte;
        }
        let result = fuzzing::open_sealed(&changed);
        prop_assert!(one_line(&result), "{:?}", result);
    }

    #[test]
    fn arbitrary_text_loads_or_is_refused_cleanly(text in "\\PC{0,400}") {
        let result = fuzzing::parse_records(&text);
        prop_assert!(one_line(&result), "{:?}", result);
    }

    #[test]
    fn json_shaped_text_loads_or_is_refused_cleanly(
        parts in proptest::collection::vec(prop_oneof![
            Just("{".to_owned()), Just("}".to_owned()), Just("[".to_owned()), Just("]".to_owned()),
            Just(",".to_owned()), Just(":".to_owned()), Just("\n".to_owned()), Just("null".to_owned()),
            Just("\"name\"".to_owned()), Just("\"category\"".to_owned()), Just("\"clinic\"".to_owned()),
            Just("\"id\"".to_owned()), Just("\"phones\"".to_owned()), Just("\"languages\"".to_owned()),
            Just("\"verified_on\"".to_owned()), Just("\"2026-02-30\"".to_owned()), Just("\"\\u0000\"".to_owned()),
            "\"\\PC{0,12}\"", "-?[0-9]{1,30}(\\.[0-9]{0,5})?(e[0-9]{1,4})?",
        ], 0..60)
    ) {
        let text: String = parts.concat();
        let result = fuzzing::parse_records(&text);
        prop_assert!(one_line(&result), "{:?}", result);
    }

    #[test]
    fn generated_records_load_back(seed in any::<u64>(), count in 1usize..20) {
        let records: Vec<Record> = pamphlet::generate::generate(seed, count).collect();
        prop_assert_eq!(fuzzing::parse_records(&json_lines(&records)), Ok(count));
    }

    #[test]
    fn any_query_parses_or_is_too_long(text in "\\PC{0,300}") {
        let result = fuzzing::parse_query(&text);
        prop_assert!(one_line(&result), "{:?}", result);
        if text.chars().count() <= pamphlet::search::MAX_QUERY_CHARS {
            prop_assert!(result.is_ok(), "{:?}", result);
        }
    }

    #[test]
    fn query_shaped_text_parses(parts in proptest::collection::vec(prop_oneof![
        Just("!"), Just("\""), Just(":"), Just(" "), Just("city:"), Just("cat:"), Just("lang:"),
        Just("tag:"), Just("country:"), Just("!city:"), Just("é"), Just("\u{301}"), Just("ß"),
        Just("İ"), Just("ﬁ"), Just("clinic"), Just("são"), Just("\t"), Just("\u{3000}"), Just("-"),
    ], 0..40)) {
        let text: String = parts.concat();
        prop_assert!(fuzzing::parse_query(&text).is_ok());
    }
}

/// Rewrites `fuzz/seeds/`: real inputs for each target to start from.
#[test]
#[ignore = "writes the fuzz seed corpora; run by hand"]
fn write_fuzz_seeds() {
    let seeds = seeds();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds");
    let write = |target: &str, name: &str, data: &[u8]| {
        let dir = root.join(target);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(name), data).unwrap();
    };
    write("bundle", "bundle", &with_layer(0, &seeds.bundle));
    write(
        "bundle",
        "archive",
        &with_layer(BUNDLE_ARCHIVE, &seeds.archive),
    );
    write(
        "bundle",
        "passphrase",
        &with_layer(BUNDLE_PASSPHRASE, &seeds.passphrase_bundle),
    );
    write("sealed", "bucket", &fuzzing::sealed_seed(&seeds.records));
    let several: Vec<Record> = pamphlet::generate::generate(9, 6000).collect();
    write("sealed", "bucket-many", &fuzzing::sealed_seed(&several));
    write(
        "json",
        "lines.jsonl",
        json_lines(&seeds.records[..3]).as_bytes(),
    );
    let array = format!(
        "[{}]",
        seeds.records[..2]
            .iter()
            .map(Record::to_json_line)
            .collect::<Vec<_>>()
            .join(",\n")
    );
    write("json", "array.json", array.as_bytes());
    write(
        "json",
        "minimal.json",
        br#"{"name": "Ana Ruiz", "category": "clinic", "phones": [{"number": "+1 503 555 0100"}], "languages": ["es"], "verified_on": "2026-10-01"}"#,
    );
    for (i, query) in [
        "clinic portland",
        "avocat paris",
        "city:\"sao paulo\" lang:es",
        "!cat:lawyer tag:no-id",
        "country:us spanish \"walk in\"",
        "clínica",
    ]
    .iter()
    .enumerate()
    {
        write("query", &format!("q{i}"), query.as_bytes());
    }
}

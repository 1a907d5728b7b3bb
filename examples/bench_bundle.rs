//! Exports a large generated directory as a bundle and imports it into a
//! second vault. Prints figures; it is not a test.
//!
//! cargo run --release --example bench_bundle -- [COUNT]
//!
//! The bundle is encrypted to the importing vault's age recipient, so the
//! times are those of the work itself, not of a passphrase's scrypt.

use std::time::{Duration, Instant};

use pamphlet::bundle::{self, Decryption, Encryption, ExportOptions, Prefer};
use pamphlet::generate::generate;
use pamphlet::vault::{Vault, WorkFactor};
use secrecy::SecretString;

fn main() {
    if let Err(message) = run() {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let count: usize = match std::env::args().nth(1) {
        None => 100_000,
        Some(text) => text.parse().map_err(|_| format!("not a count: {text}"))?,
    };
    let now = time::OffsetDateTime::now_utc();
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let passphrase = SecretString::from("benchmark passphrase".to_owned());
    let work = WorkFactor::log_n(10);
    let mut rosa =
        Vault::init(&temp.path().join("rosa"), &passphrase, work).map_err(|e| e.to_string())?;
    let mut sam =
        Vault::init(&temp.path().join("sam"), &passphrase, work).map_err(|e| e.to_string())?;
    rosa.put_all(generate(3, count).collect())
        .map_err(|e| e.to_string())?;
    let ids: Vec<_> = rosa.records().map(|r| r.id).collect();
    let sam_identity = bundle::public_identity(&sam);

    let started = Instant::now();
    let summary = bundle::export(
        &mut rosa,
        &ids,
        ExportOptions::new(
            Encryption::recipients([sam_identity.recipient.as_str()]).map_err(|e| e.to_string())?,
            now,
        ),
    )
    .map_err(|e| e.to_string())?;
    let exported = started.elapsed();
    let path = temp.path().join("bundle.age");
    std::fs::write(&path, &summary.bytes).map_err(|e| e.to_string())?;

    let started = Instant::now();
    let identity = sam.age_identity().clone();
    let opened = bundle::open(
        &path,
        Decryption {
            identity: Some(&identity),
            passphrase: None,
        },
    )
    .map_err(|e| e.to_string())?;
    let open_time = started.elapsed();
    let started = Instant::now();
    let plan = bundle::plan(&sam, &opened, Prefer::Local);
    let plan_time = started.elapsed();
    let started = Instant::now();
    let result =
        bundle::apply(&mut sam, &opened, plan, Some("Rosa"), now).map_err(|e| e.to_string())?;
    let apply_time = started.elapsed();

    println!("records: {count}");
    println!(
        "export: {:.0} ms (select, sign, tar, encrypt); bundle {:.1} MB",
        ms(exported),
        summary.bytes.len() as f64 / 1e6
    );
    println!(
        "import: {:.0} ms = open (decrypt, verify, parse) {:.0} ms + plan {:.0} ms + apply {:.0} ms; {} new",
        ms(open_time + plan_time + apply_time),
        ms(open_time),
        ms(plan_time),
        ms(apply_time),
        result.counts.new
    );
    Ok(())
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

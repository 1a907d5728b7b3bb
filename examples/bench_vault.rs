//! Loads a large generated directory into a fresh vault and times unlocking
//! it. Prints figures; it is not a test.
//!
//! cargo run --release --example bench_vault -- [COUNT] [--log-n N]
//!
//! COUNT defaults to 100000. --log-n sets the scrypt work factor of the
//! benchmark vault; by default age calibrates it as for a real vault.
//! Unlocking runs in a fresh process, so that its peak memory is its own.

use std::fs;
use std::path::Path;
use std::time::Instant;

use pamphlet::generate::generate;
use pamphlet::interop::json::parse_records;
use pamphlet::vault::{Vault, WorkFactor};
use secrecy::SecretString;

const PASSPHRASE: &str = "benchmark passphrase";

fn main() {
    if let Err(message) = run() {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut count = 100_000usize;
    let mut work = WorkFactor::DEFAULT;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--unlock-only" => {
                let dir = args.next().ok_or("--unlock-only needs a directory")?;
                return unlock(Path::new(&dir));
            }
            "--log-n" => {
                let value = args.next().ok_or("--log-n needs a number")?;
                work = WorkFactor::log_n(value.parse().map_err(|_| "--log-n needs a number")?);
            }
            text => count = text.parse().map_err(|_| format!("not a count: {text}"))?,
        }
    }
    let now = time::OffsetDateTime::now_utc();
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = temp.path().join("vault");
    let passphrase = SecretString::from(PASSPHRASE.to_owned());

    let jsonl: String = generate(1, count)
        .map(|record| record.to_json_line() + "\n")
        .collect();
    println!(
        "records: {count}, JSON Lines: {:.1} MB",
        jsonl.len() as f64 / 1e6
    );

    let started = Instant::now();
    let vault = Vault::init(&dir, &passphrase, work).map_err(|e| e.to_string())?;
    let init = started.elapsed();
    drop(vault);

    let started = Instant::now();
    let records = parse_records(&jsonl, now).map_err(|e| e.to_string())?;
    let parsed = started.elapsed();
    // As `pamphlet load` does: the text is not needed once parsed.
    drop(jsonl);
    let keys = Vault::unwrap_keys(&dir, &passphrase).map_err(|e| e.to_string())?;
    let mut vault = Vault::open(&dir, keys).map_err(|e| e.to_string())?;
    // scrypt's own memory (256 MiB at log N 18) is freed by now: measure the
    // load itself.
    reset_peak_rss();
    let started_put = Instant::now();
    let summary = vault.put_all(records).map_err(|e| e.to_string())?;
    let stored = started_put.elapsed();
    drop(vault);
    let load_peak = peak_rss_mb();
    println!("init (scrypt wrap): {:>8.1} ms", ms(init));
    println!(
        "load: parse {:.0} ms + seal and store {:.0} ms = {:.0} ms ({} added); peak RSS while storing {load_peak}",
        ms(parsed),
        ms(stored),
        ms(parsed + stored),
        summary.added
    );

    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let status = std::process::Command::new(exe)
        .arg("--unlock-only")
        .arg(&dir)
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err("the unlock process failed".to_owned());
    }
    println!("size on disk: {:.1} MB", disk_usage(&dir) as f64 / 1e6);
    Ok(())
}

fn unlock(dir: &Path) -> Result<(), String> {
    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let started = Instant::now();
    let keys = Vault::unwrap_keys(dir, &passphrase).map_err(|e| e.to_string())?;
    let unwrapped = started.elapsed();
    let scrypt_peak = peak_rss_mb();
    reset_peak_rss();
    let started = Instant::now();
    let vault = Vault::open(dir, keys).map_err(|e| e.to_string())?;
    let opened = started.elapsed();
    println!(
        "unlock: key unwrap (scrypt) {:.0} ms, peak RSS {scrypt_peak}; open {} records {:.0} ms, peak RSS {} holding them; total {:.0} ms",
        ms(unwrapped),
        vault.len(),
        ms(opened),
        peak_rss_mb(),
        ms(unwrapped + opened)
    );
    drop(vault);
    Ok(())
}

fn ms(duration: std::time::Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Linux lets a process reset its peak RSS by writing 5 to clear_refs.
fn reset_peak_rss() {
    let _ = fs::write("/proc/self/clear_refs", "5");
}

fn peak_rss_mb() -> String {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| format!("{:.0} MB", kb / 1024.0))
        .unwrap_or_else(|| "unknown".to_owned())
}

fn disk_usage(dir: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                total += disk_usage(&path);
            } else if let Ok(meta) = entry.metadata() {
                // Blocks actually allocated: sled's files may be sparse.
                use std::os::unix::fs::MetadataExt;
                total += meta.blocks() * 512;
            }
        }
    }
    total
}

//! Loads a large generated directory into a fresh vault and times unlocking
//! it. Prints figures; it is not a test.
//!
//! cargo run --release --example bench_vault -- [COUNT] [--log-n N]
//!
//! COUNT defaults to 100000. --log-n sets the scrypt work factor of the
//! benchmark vault; by default age calibrates it as for a real vault.
//! Loading and unlocking each run in a fresh process, as `pamphlet load`
//! and `pamphlet` do, so that each peak memory (VmHWM) is its own. The key
//! unwrap's scrypt memory is reported apart: it is the passphrase's cost,
//! not the records'.

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

/// The peak memory `pamphlet load` of 100,000 records should stay under.
const LOAD_GOAL_MB: f64 = 300.0;

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
            "--load-only" => {
                let dir = args.next().ok_or("--load-only needs a directory")?;
                let file = args.next().ok_or("--load-only needs a file")?;
                return load(Path::new(&dir), Path::new(&file));
            }
            "--log-n" => {
                let value = args.next().ok_or("--log-n needs a number")?;
                work = WorkFactor::log_n(value.parse().map_err(|_| "--log-n needs a number")?);
            }
            text => count = text.parse().map_err(|_| format!("not a count: {text}"))?,
        }
    }
    let temp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let dir = temp.path().join("vault");
    let file = temp.path().join("records.jsonl");
    let passphrase = SecretString::from(PASSPHRASE.to_owned());

    let jsonl: String = generate(1, count)
        .map(|record| record.to_json_line() + "\n")
        .collect();
    println!(
        "records: {count}, JSON Lines: {:.1} MB",
        jsonl.len() as f64 / 1e6
    );
    fs::write(&file, jsonl).map_err(|e| e.to_string())?;

    let started = Instant::now();
    let vault = Vault::init(&dir, &passphrase, work).map_err(|e| e.to_string())?;
    let init = started.elapsed();
    drop(vault);
    println!("init (scrypt wrap): {:>8.1} ms", ms(init));

    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    for step in [
        vec!["--load-only".as_ref(), dir.as_os_str(), file.as_os_str()],
        vec!["--unlock-only".as_ref(), dir.as_os_str()],
    ] {
        let status = std::process::Command::new(&exe)
            .args(step)
            .status()
            .map_err(|e| e.to_string())?;
        if !status.success() {
            return Err("a child process failed".to_owned());
        }
    }
    println!("size on disk: {:.1} MB", disk_usage(&dir) as f64 / 1e6);
    Ok(())
}

/// As `pamphlet load` does: read, parse, drop the text, unlock, store and
/// lock. The peak is read twice: over reading and parsing, and over
/// storing once the key unwrap's scrypt memory is freed.
fn load(dir: &Path, file: &Path) -> Result<(), String> {
    let now = time::OffsetDateTime::now_utc();
    let started = Instant::now();
    let text = fs::read_to_string(file).map_err(|e| e.to_string())?;
    let records = parse_records(&text, now).map_err(|e| e.to_string())?;
    drop(text);
    let parsed = started.elapsed();
    let parse_peak = peak_rss_mb();

    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let keys = Vault::unwrap_keys(dir, &passphrase).map_err(|e| e.to_string())?;
    reset_peak_rss();
    let started = Instant::now();
    let vault = Vault::open(dir, keys).map_err(|e| e.to_string())?;
    let (summary, _) = vault.put_all_and_lock(records).map_err(|e| e.to_string())?;
    let stored = started.elapsed();
    let store_peak = peak_rss_mb();
    let peak = match (parse_peak, store_peak) {
        (Some(a), Some(b)) => format!("{:.0} MB (goal: under {LOAD_GOAL_MB:.0} MB)", a.max(b)),
        _ => "unknown".to_owned(),
    };
    println!(
        "load: read and parse {:.0} ms, peak RSS {}; seal and store {:.0} ms, peak RSS {} ({} added); peak RSS of the load {peak}",
        ms(parsed),
        in_mb(parse_peak),
        ms(stored),
        in_mb(store_peak),
        summary.added
    );
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
        "unlock: key unwrap (scrypt) {:.0} ms, peak RSS {}; open {} records {:.0} ms, peak RSS {} holding them; total {:.0} ms",
        ms(unwrapped),
        in_mb(scrypt_peak),
        vault.len(),
        ms(opened),
        in_mb(peak_rss_mb()),
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

/// VmHWM, the process's peak resident memory since it started or since
/// the last reset, in MB.
fn peak_rss_mb() -> Option<f64> {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0)
}

fn in_mb(peak: Option<f64>) -> String {
    peak.map(|mb| format!("{mb:.0} MB"))
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

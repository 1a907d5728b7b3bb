//! Crash safety: `pamphlet load` of 100,000 records is killed with SIGKILL at
//! different moments, and every time the vault must open and hold either none
//! of the records or all of them, exactly as loaded.

mod common;

use std::io::Write;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{disk_usage, kill_child, KillAt, TestVault};

const RECORDS: usize = 100_000;
const ROUNDS: u32 = 12;

#[test]
fn sigkill_during_load_leaves_all_or_nothing() {
    let workspace = TestVault::empty();
    let input = workspace.temp.path().join("big.jsonl");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&input).unwrap());
    for record in pamphlet::generate::generate(7, RECORDS) {
        writeln!(file, "{}", record.to_json_line()).unwrap();
    }
    file.flush().unwrap();
    drop(file);

    // One load to completion: how long it takes, and what "all" looks like.
    let reference = TestVault::new();
    let started = Instant::now();
    reference.cmd().arg("load").arg(&input).assert().success();
    let full = started.elapsed();
    let all = reference.dump();
    assert_eq!(all.lines().count(), RECORDS);

    let mut outcomes = (0, 0);
    let mut mid_write = 0;
    for round in 0..ROUNDS {
        let vault = TestVault::new();
        let empty_size = disk_usage(&vault.dir);
        // Half the kills spread from parsing to the end, half packed into
        // the last stretch, where sealing and writing happen.
        let fraction = 0.1 + 1.15 * f64::from(round) / f64::from(ROUNDS);
        let delay = full.mul_f64(fraction);
        let mut child = vault
            .std_cmd()
            .arg("load")
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let when = if round % 2 == 0 {
            KillAt::After(delay)
        } else {
            // Once the database has started to grow, a little more, so the
            // kill lands while the batch is being written.
            KillAt::Writing {
                extra: Duration::from_millis(u64::from(round) * 12),
                start_size: empty_size,
                patience: full * 10,
            }
        };
        let written = kill_child(&mut child, when, &vault.dir, empty_size);
        let after = vault.dump();
        if after.is_empty() {
            outcomes.0 += 1;
            if written {
                mid_write += 1;
            }
        } else {
            assert!(
                after == all,
                "round {round} (kill after {delay:?}): the vault holds {} records, not 0 or {RECORDS}",
                after.lines().count()
            );
            outcomes.1 += 1;
        }
    }
    eprintln!(
        "{ROUNDS} kills over a {full:?} load: {} left nothing ({mid_write} of them after \
         the database had grown), {} left everything",
        outcomes.0, outcomes.1
    );
    assert!(
        outcomes.0 > 0,
        "no kill landed before the end: the test proved nothing"
    );
}

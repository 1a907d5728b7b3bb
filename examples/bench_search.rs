//! Search at typing speed: builds the index over a large generated
//! directory, then types each query one character at a time (and deletes it
//! again) through a `Searcher`, timing every keystroke's parse and search.
//! The goal is a 95th percentile under one frame, 16 ms, at 100,000
//! records on a 2-core machine.
//!
//! ```text
//! cargo run --release --example bench_search [-- COUNT] [--seed N] [--fzf] [--verbose]
//! ```
//!
//! `--fzf` also runs each whole query through `fzf --filter` over the same
//! records flattened one per line (fzf must be installed), for
//! comparison with the tool people know. Figures are printed, never
//! asserted: machines vary too much for a timed test.

use std::io::Write;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use pamphlet::generate::generate;
use pamphlet::model::Record;
use pamphlet::search::{Field, Index, Query, Searcher};

/// Short, long, typo, filter, exclusion, phrase and no-match queries, and
/// sentences typed in five languages.
const QUERIES: &[&str] = &[
    "clinic portland",
    "avocat paris",
    "clnic portlnd",
    "spanish lawyer houston",
    "sao paulo housing",
    "montreal",
    "e",
    "lang:es cat:therapist toronto",
    "city:montreal tag:no-id",
    "bail !immigration",
    "clinic portland !spanish",
    "\"harm reduction\" walk-in",
    "trans competent sliding scale evenings therapist oakland",
    "zxqv",
    "lawyer who speaks french in paris",
    "abogada que habla español en madrid",
    "clinique à montréal",
    "terapeuta em são paulo",
    "Anwalt in Berlin der Spanisch spricht",
    "atlanta",
];

/// Rows a screen shows: what the interface asks for.
const LIMIT: usize = 50;

struct Args {
    count: usize,
    seed: u64,
    fzf: bool,
    verbose: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        count: 100_000,
        seed: 1,
        fzf: false,
        verbose: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--fzf" => args.fzf = true,
            "--verbose" => args.verbose = true,
            "--seed" => {
                let value = it.next().ok_or("--seed needs a number")?;
                args.seed = value.parse().map_err(|_| format!("bad seed {value:?}"))?;
            }
            other => {
                args.count = other.parse().map_err(|_| {
                    format!(
                        "usage: bench_search [COUNT] [--seed N] [--fzf] [--verbose]; got {other:?}"
                    )
                })?;
            }
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let records: Vec<Record> = generate(args.seed, args.count).collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "{} records (seed {}), {threads} cores available",
        records.len(),
        args.seed
    );

    let rss_before = resident_bytes();
    let started = Instant::now();
    let index = Index::build(&records);
    let built = started.elapsed();
    // The first search sorts the tie order; count it with the build.
    let started = Instant::now();
    let _ = index.search(&Query::default(), 1);
    let tie_order = started.elapsed();
    let rss_after = resident_bytes();
    println!(
        "index: built in {}, tie order in {}; {:.1} MiB by its own count{}",
        ms(built),
        ms(tie_order),
        mib(index.memory_bytes()),
        match (rss_before, rss_after) {
            (Some(b), Some(a)) =>
                format!(", resident memory grew {:.1} MiB", mib(a.saturating_sub(b))),
            _ => String::new(),
        }
    );

    println!();
    println!(
        "{:<58} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "query (typed, then deleted)",
        "keys",
        "p50",
        "p95",
        "max",
        "cpu/key",
        "del p50",
        "del p95",
        "scan"
    );
    let load_before = load_average();
    let mut all_typed = Vec::new();
    let mut all_deleted = Vec::new();
    for text in QUERIES {
        let cpu_before = cpu_time();
        let (typed, deleted, total) = type_and_delete(&index, text);
        let cpu = cpu_time().zip(cpu_before).map(|(a, b)| a.saturating_sub(b));
        if args.verbose {
            let times: Vec<String> = text
                .chars()
                .zip(&typed)
                .map(|(c, t)| format!("{c}{:.1}", t.as_secs_f64() * 1000.0))
                .collect();
            println!("  {}", times.join(" "));
        }
        let started = Instant::now();
        let full = Query::parse(text).map(|q| index.search(&q, LIMIT));
        let scan = started.elapsed();
        let found = full.map_or(0, |m| m.total);
        let keys = u32::try_from(typed.len() + deleted.len())
            .unwrap_or(u32::MAX)
            .max(1);
        println!(
            "{:<58} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}   {found} found{}",
            format!("{text:?}"),
            typed.len(),
            ms(percentile(&typed, 50)),
            ms(percentile(&typed, 95)),
            ms(percentile(&typed, 100)),
            cpu.map_or("n/a".to_owned(), |c| ms(c / keys)),
            ms(percentile(&deleted, 50)),
            ms(percentile(&deleted, 95)),
            ms(scan),
            if total == found { "" } else { " (mismatch!)" },
        );
        all_typed.extend(typed);
        all_deleted.extend(deleted);
    }
    println!(
        "{:<58} {:>5} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8}",
        "overall",
        all_typed.len(),
        ms(percentile(&all_typed, 50)),
        ms(percentile(&all_typed, 95)),
        ms(percentile(&all_typed, 100)),
        "",
        ms(percentile(&all_deleted, 50)),
        ms(percentile(&all_deleted, 95)),
    );
    println!(
        "(wall-clock p50/p95/max per typed keystroke; cpu/key = CPU time of all threads per keystroke, \
         typed and deleted, in 10 ms ticks averaged; del = per deleting keystroke; scan = the whole \
         query searched afresh)"
    );
    if let (Some(before), Some(after)) = (load_before, load_average()) {
        println!("load average (1 min) before {before}, after {after}: others' work competes for the cores");
    }

    if args.fzf {
        if let Err(message) = run_fzf(&records) {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

/// Types the query a character at a time in a fresh session, then deletes
/// it again; returns each keystroke's time and the final query's count.
fn type_and_delete(index: &Index, text: &str) -> (Vec<Duration>, Vec<Duration>, usize) {
    let mut searcher = Searcher::new();
    let mut typed = String::new();
    let mut typing = Vec::new();
    let mut total = 0;
    for c in text.chars() {
        typed.push(c);
        let started = Instant::now();
        if let Ok(query) = Query::parse(&typed) {
            total = searcher.search(index, &query, LIMIT).total;
        }
        typing.push(started.elapsed());
    }
    let mut deleting = Vec::new();
    while typed.pop().is_some() {
        let started = Instant::now();
        if let Ok(query) = Query::parse(&typed) {
            let _ = searcher.search(index, &query, LIMIT);
        }
        deleting.push(started.elapsed());
    }
    (typing, deleting, total)
}

/// The same queries through `fzf --filter`, over the records flattened one
/// per line. Whole queries only: fzf --filter starts afresh every time, so a
/// keystroke costs it what a whole query does. fzf has no field filters, so `city:` and the like are
/// dropped from its queries (it reads `!term` and quotes its own way).
fn run_fzf(records: &[Record]) -> Result<(), String> {
    let version = Command::new("fzf")
        .arg("--version")
        .output()
        .map_err(|e| format!("fzf --version: {e} (install it: apt-get install fzf)"))?;
    let mut lines = String::new();
    for record in records {
        let parts: Vec<String> = Field::ALL
            .iter()
            .map(|f| f.text(record).replace('\n', " "))
            .collect();
        lines.push_str(&parts.join(" | "));
        lines.push('\n');
    }
    println!();
    println!(
        "fzf {} --filter over {} lines ({:.1} MiB), one process per query, median of 3:",
        String::from_utf8_lossy(&version.stdout).trim(),
        records.len(),
        mib(lines.len())
    );
    println!("{:<58} {:>9} {:>10}", "query", "time", "lines");
    let mut all = Vec::new();
    for text in QUERIES {
        let query: Vec<&str> = text
            .split_whitespace()
            .map(|word| word.split_once(':').map_or(word, |(_, value)| value))
            .collect();
        let mut times = Vec::new();
        let mut count = 0;
        for _ in 0..3 {
            let started = Instant::now();
            let mut child = Command::new("fzf")
                .arg("--filter")
                .arg(query.join(" "))
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
                .map_err(|e| format!("fzf: {e}"))?;
            if let Some(mut stdin) = child.stdin.take() {
                // fzf may stop reading early; a broken pipe is not an error here.
                let _ = stdin.write_all(lines.as_bytes());
            }
            let output = child.wait_with_output().map_err(|e| format!("fzf: {e}"))?;
            times.push(started.elapsed());
            count = output.stdout.iter().filter(|&&b| b == b'\n').count();
        }
        let median = percentile(&times, 50);
        println!(
            "{:<58} {:>9} {:>10}",
            format!("{text:?}"),
            ms(median),
            count
        );
        all.push(median);
    }
    println!(
        "{:<58} {:>9}",
        "median over queries",
        ms(percentile(&all, 50))
    );
    Ok(())
}

fn percentile(times: &[Duration], p: usize) -> Duration {
    if times.is_empty() {
        return Duration::ZERO;
    }
    let mut sorted = times.to_vec();
    sorted.sort();
    let rank = (p * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(d: Duration) -> String {
    format!("{:.2}ms", d.as_secs_f64() * 1000.0)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

/// CPU time of the whole process (all threads, living and gone) from
/// /proc, in its 10 ms ticks: wall-clock times on a shared machine say as
/// much about the neighbours as about the search.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesized command name; utime and stime are the
    // 14th and 15th of the line.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_owned)
}

/// Resident memory from /proc, where there is one.
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

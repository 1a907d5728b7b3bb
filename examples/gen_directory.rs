//! Writes a large fictional directory as JSON Lines, for benchmarks and for
//! trying pamphlet on something bigger than the sample:
//!
//! ```text
//! cargo run --release --example gen_directory -- 100000 [--seed N] > big.jsonl
//! cargo run --release --example gen_directory -- 100000 --stats
//! ```
//!
//! `--stats` writes no records; it times the generator alone and describes
//! what it made, so that benchmark figures can be read against it.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;
use std::time::Instant;

use pamphlet::generate::generate;
use pamphlet::model::Record;

const USAGE: &str = "usage: gen_directory COUNT [--seed N] [--stats]";

struct Args {
    count: usize,
    seed: u64,
    stats: bool,
}

fn main() -> ExitCode {
    if std::env::args().any(|arg| arg == "-h" || arg == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(problem) => {
            eprintln!("error: {problem}");
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let written = if args.stats {
        print_stats(&args)
    } else {
        write_records(&args)
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // The reader has all it wanted (`| head`): not a failure.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: cannot write to standard output: {err}");
            ExitCode::FAILURE
        }
    }
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut count = None;
    let mut seed = 1;
    let mut stats = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seed" => {
                let value = args.next().ok_or("--seed needs a number")?;
                seed = value
                    .parse()
                    .map_err(|_| format!("--seed {value:?} is not a whole number"))?;
            }
            "--stats" => stats = true,
            "--" => {}
            other if other.starts_with('-') => return Err(format!("unknown option {other:?}")),
            other if count.is_none() => {
                count = Some(
                    other
                        .parse()
                        .map_err(|_| format!("COUNT {other:?} is not a whole number"))?,
                );
            }
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let count = count.ok_or("COUNT is missing")?;
    Ok(Args { count, seed, stats })
}

fn write_records(args: &Args) -> io::Result<()> {
    let mut out = BufWriter::new(io::stdout().lock());
    for record in generate(args.seed, args.count) {
        out.write_all(record.to_json_line().as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

/// Generation time, and how much text search would have to go through.
fn print_stats(args: &Args) -> io::Result<()> {
    let started = Instant::now();
    let records: Vec<Record> = generate(args.seed, args.count).collect();
    let elapsed = started.elapsed();

    let searchable: Vec<String> = records.iter().map(searchable_text).collect();
    let chars: usize = searchable.iter().map(|text| text.chars().count()).sum();
    let address_chars: usize = records.iter().map(|r| r.address.chars().count()).sum();
    let accented = searchable
        .iter()
        .filter(|text| text.chars().any(|c| c.is_alphabetic() && !c.is_ascii()))
        .count();
    let languages: usize = records.iter().map(|r| r.languages.len()).sum();
    let per_record = |total: usize| total as f64 / records.len().max(1) as f64;

    let mut out = io::stdout().lock();
    writeln!(
        out,
        "generated {} records (seed {}) in {:.1} ms",
        records.len(),
        args.seed,
        elapsed.as_secs_f64() * 1000.0
    )?;
    writeln!(
        out,
        "searchable text: {:.1} characters per record (name, organization, description, city, region, notes, tags), {:.1} with the address",
        per_record(chars),
        per_record(chars + address_chars)
    )?;
    writeln!(
        out,
        "with accented letters: {:.1}%",
        100.0 * per_record(accented)
    )?;
    writeln!(out, "languages per record: {:.2}", per_record(languages))
}

fn searchable_text(record: &Record) -> String {
    [
        record.name.as_str(),
        &record.organization,
        &record.description,
        &record.city,
        &record.region,
        &record.notes,
        &record.tags.join(" "),
    ]
    .iter()
    .filter(|part| !part.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ")
}

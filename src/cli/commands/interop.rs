//! The commands that move records in and out of other forms: `export-hsds`,
//! `import-hsds`, `import-csv`, `export-csv`, `print`, and the generated
//! `completions` and `man`.

use std::fs;
use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use pamphlet::i18n::{Lang, Message};
use pamphlet::interop::check_redact;
use pamphlet::interop::csv::{self as csv_records, CsvError};
use pamphlet::interop::hsds::{self, AddressGaps};
use pamphlet::interop::sheet::{self, Format, Options, Paper};
use pamphlet::model::Record;
use pamphlet::text::{self, shown};
use pamphlet::vault::Vault;
use pamphlet::{msg, t};

use crate::cli::args::{
    Cli, ExportCsvArgs, ExportHsdsArgs, ImportCsvArgs, PaperArg, PrintArgs, SheetFormat,
};
use crate::cli::commands::records::put_summary;
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::files;
use crate::cli::input::{display_input, read_bytes, select};
use crate::cli::output::{listing, shown_path, Output};

type Outcome = Result<(), Failure>;

/// The selected records, copied, with `--redact` fields emptied.
fn selected(
    vault: &Vault,
    query: &str,
    redacted: &[String],
    lang: Lang,
) -> Result<Vec<Record>, Failure> {
    let ids = select(vault, query, lang)?;
    Ok(ids
        .iter()
        .filter_map(|id| vault.get(id))
        .map(|record| {
            let mut copy = record.clone();
            copy.redact(redacted);
            copy
        })
        .collect())
}

/// `--dry-run` of `print` and `export-csv`: the records that would be
/// written, one a line, and their count; nothing is written.
fn dry_run(records: &[Record], lang: Lang, out: &mut Output) -> Outcome {
    for line in listing(records, lang) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        t!(lang, "cli-dry-run-would-leave", count = records.len())
    )?;
    Ok(())
}

/// The records a file was just written with, on stderr beside the line
/// that says so (standard output may be a pipe to something else).
fn list_on_stderr(records: &[Record], lang: Lang) {
    for line in listing(records, lang) {
        eprintln!("{line}");
    }
}

fn checked_redact(fields: &[String]) -> Outcome {
    check_redact(fields).map_err(|e| {
        Failure::new(msg!("redact-unknown", field = e.field)).hint(msg!("hint-redact"))
    })
}

pub fn export_hsds(context: &mut Context, args: ExportHsdsArgs, out: &mut Output) -> Outcome {
    checked_redact(&args.redact)?;
    let dir = &args.dir;
    if dir.exists() && !args.force {
        let occupied = fs::read_dir(dir)
            .map(|mut entries| entries.next().is_some())
            .unwrap_or(true);
        if occupied {
            return Err(
                Failure::new(msg!("folder-not-empty", dir = dir.display().to_string()))
                    .hint(msg!("hint-folder-not-empty")),
            );
        }
    }
    let vault = context.unlock()?;
    let query = args.query.join(" ");
    let records = selected(&vault, &query, &args.redact, context.lang)?;
    if records.is_empty() {
        return Err(Failure::new(msg!("export-nothing", query = query.as_str()))
            .hint(msg!("hint-search-first")));
    }
    let package = hsds::export(&records);
    package.write_to(dir, files::if_exists(args.force))?;
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-wrote-hsds",
            count = records.len(),
            dir = shown_path(dir),
            files = package.files.len()
        )
    )?;
    // The warning goes to stderr after that line, on a terminal too.
    out.flush()?;
    if let Some(warning) = address_warning(package.address_gaps) {
        eprintln!("{}", warning.in_lang(context.lang));
    }
    Ok(())
}

/// What `addresses.csv` leaves empty that HSDS 3.0 requires, if anything,
/// said plainly: a validator of the package will flag those cells.
fn address_warning(gaps: AddressGaps) -> Option<Message> {
    let AddressGaps {
        rows,
        without_street,
    } = gaps;
    if rows == 0 {
        return None;
    }
    Some(msg!(
        "warning-hsds-addresses",
        rows = rows,
        without_street = without_street
    ))
}

pub fn import_hsds(context: &mut Context, dir: &Path, out: &mut Output) -> Outcome {
    let records = hsds::import(dir, context.now)
        .map_err(|e| with_place(Failure::from(e), dir.display().to_string()))?;
    let vault = context.unlock()?;
    let read = records.len();
    let summary = context.put_all_and_close(vault, records)?;
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-read-services",
            count = read,
            summary = put_summary(&summary)
        )
    )?;
    Ok(())
}

fn with_place(mut failure: Failure, place: impl Into<pamphlet::i18n::Arg>) -> Failure {
    failure.message = msg!("at-place", place = place, message = failure.message);
    failure
}

pub fn import_csv(context: &mut Context, args: ImportCsvArgs, out: &mut Output) -> Outcome {
    let bytes = read_bytes(&args.file)?;
    let place = display_input(&args.file);
    let parsed = csv_records::parse_csv(&bytes, context.now);
    drop(bytes);
    let import = match parsed {
        Ok(import) => import,
        Err(error) => {
            if let CsvError::Rows { rows, problems } = &error {
                if !args.json {
                    writeln!(
                        out,
                        "{}",
                        t!(
                            context.lang,
                            "cli-rows-have-problems",
                            count = problems.len(),
                            rows = *rows
                        )
                    )?;
                }
                for problem in problems {
                    if args.json {
                        let mut line = serde_json::to_value(problem).unwrap_or_default();
                        line["status"] = "problem".into();
                        writeln!(out, "{}", text::json(&line.to_string()))?;
                    } else {
                        writeln!(out, "  {}", shown(&problem.to_string()))?;
                    }
                }
            }
            return Err(with_place(error.into(), place));
        }
    };

    if args.json {
        for (record, line) in import.records.iter().zip(&import.lines) {
            let row = serde_json::json!({
                "line": line,
                "status": "ok",
                "id": record.id,
                "name": record.name,
                "category": record.category,
                "city": record.city,
            });
            writeln!(out, "{}", text::json(&row.to_string()))?;
        }
    } else {
        let lang = context.lang;
        let separator = match import.separator {
            '\t' => t!(lang, "separator-tab"),
            other => format!("{other:?}"),
        };
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-rows-ready",
                count = import.records.len(),
                separator = separator
            )
        )?;
        let matched: Vec<String> = import
            .columns
            .iter()
            .map(|(header, field)| {
                if header == field {
                    header.clone()
                } else {
                    format!("{header} → {field}")
                }
            })
            .collect();
        writeln!(
            out,
            "{}",
            t!(lang, "cli-columns", columns = matched.join(", "))
        )?;
        if !import.ignored.is_empty() {
            writeln!(
                out,
                "{}",
                t!(
                    lang,
                    "cli-ignored-columns",
                    columns = import.ignored.join(", ")
                )
            )?;
        }
        for (record, line) in import.records.iter().zip(&import.lines) {
            writeln!(
                out,
                "{}",
                t!(
                    lang,
                    "cli-row-ready",
                    line = *line,
                    name = record.name.as_str(),
                    category = t!(lang, &format!("category-{}", record.category.as_str())),
                    city = record.city.as_str()
                )
            )?;
        }
    }
    // What follows goes to stderr after the preview, on a terminal too.
    out.flush()?;

    if args.dry_run {
        eprintln!("{}", t!(context.lang, "cli-dry-run-stored-nothing"));
        return Ok(());
    }
    let vault = context.unlock()?;
    let summary = context.put_all_and_close(vault, import.records)?;
    eprintln!(
        "{}",
        t!(context.lang, "cli-stored", summary = put_summary(&summary))
    );
    Ok(())
}

pub fn export_csv(context: &mut Context, args: ExportCsvArgs, out: &mut Output) -> Outcome {
    let if_exists = files::if_exists(args.force);
    if let Some(path) = &args.out {
        files::check_free(path, if_exists)?;
    }
    let vault = context.unlock()?;
    let query = args.query.join(" ");
    let records = selected(&vault, &query, &[], context.lang)?;
    if records.is_empty() && !query.trim().is_empty() {
        eprintln!(
            "{}",
            t!(context.lang, "export-csv-nothing", query = query.as_str())
        );
    }
    if args.dry_run {
        return dry_run(&records, context.lang, out);
    }
    match &args.out {
        Some(path) => {
            let mut bytes = Vec::new();
            csv_records::write_csv(&records, &mut bytes)?;
            files::write(path, &bytes, if_exists)?;
            list_on_stderr(&records, context.lang);
            eprintln!(
                "{}",
                t!(
                    context.lang,
                    "cli-wrote-records",
                    count = records.len(),
                    file = shown_path(path)
                )
            );
        }
        None => csv_records::write_csv(&records, out)?,
    }
    Ok(())
}

pub fn print(context: &mut Context, args: PrintArgs, out: &mut Output) -> Outcome {
    checked_redact(&args.redact)?;
    let if_exists = files::if_exists(args.force);
    if let Some(path) = &args.out {
        files::check_free(path, if_exists)?;
    }
    let vault = context.unlock()?;
    let query = args.query.join(" ");
    let records = selected(&vault, &query, &args.redact, context.lang)?;
    if records.is_empty() {
        return Err(Failure::new(msg!("print-nothing", query = query.as_str()))
            .hint(msg!("hint-search-first")));
    }
    if args.dry_run {
        return dry_run(&records, context.lang, out);
    }
    let format = match args.format {
        SheetFormat::Html => Format::Html,
        SheetFormat::Md => Format::Markdown,
        SheetFormat::Txt => Format::Text,
    };
    let options = Options {
        title: args
            .title
            .unwrap_or_else(|| t!(context.lang, "sheet-default-title")),
        lang: context.lang,
        printed_on: context.now.date(),
        paper: match args.paper {
            PaperArg::A4 => Paper::A4,
            PaperArg::Letter => Paper::Letter,
        },
        selection: query,
    };
    let refs: Vec<&Record> = records.iter().collect();
    let text = sheet::render(&refs, format, &options);
    match &args.out {
        Some(path) => {
            files::write(path, text.as_bytes(), if_exists)?;
            list_on_stderr(&records, context.lang);
            eprintln!(
                "{}",
                t!(
                    context.lang,
                    "cli-wrote-sheet",
                    count = refs.len(),
                    file = shown_path(path)
                )
            );
        }
        // A sheet is for people: on standard output, every line through
        // `shown`, like the rest of what pamphlet prints.
        None => {
            for line in text.lines() {
                writeln!(out, "{}", shown(line))?;
            }
        }
    }
    Ok(())
}

pub fn completions(shell: clap_complete::Shell, out: &mut Output) -> Outcome {
    let mut command = Cli::command();
    // clap_complete panics when a write fails (`> /dev/full`), so the script
    // is made in memory and written here, where a failure is reported.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "pamphlet", &mut script);
    out.write_all(&script)?;
    Ok(())
}

pub fn man(out: &mut Output) -> Outcome {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(())
}

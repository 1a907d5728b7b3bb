//! The commands that move records in and out of other forms: `export-hsds`,
//! `import-hsds`, `import-csv`, `export-csv`, `print`, and the generated
//! `completions` and `man`.

use std::fs;
use std::io::Write;
use std::path::Path;

use clap::CommandFactory;
use pamphlet::interop::check_redact;
use pamphlet::interop::csv::{self as csv_records, CsvError};
use pamphlet::interop::hsds::{self, AddressGaps};
use pamphlet::interop::sheet::{self, Format, Options, Paper};
use pamphlet::model::Record;
use pamphlet::text::{self, shown};
use pamphlet::vault::Vault;

use crate::cli::args::{
    Cli, ExportCsvArgs, ExportHsdsArgs, ImportCsvArgs, PaperArg, PrintArgs, SheetFormat,
};
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::files;
use crate::cli::input::{display_input, read_bytes, select};
use crate::cli::output::{shown_path, Output};

type Outcome = Result<(), Failure>;

/// The selected records, copied, with `--redact` fields emptied.
fn selected(vault: &Vault, query: &str, redacted: &[String]) -> Result<Vec<Record>, Failure> {
    let ids = select(vault, query)?;
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

fn checked_redact(fields: &[String]) -> Outcome {
    check_redact(fields).map_err(|e| {
        Failure::new(e.to_string()).hint("give --redact a comma-separated list, like address,notes")
    })
}

pub fn export_hsds(context: &Context, args: ExportHsdsArgs, out: &mut Output) -> Outcome {
    checked_redact(&args.redact)?;
    let dir = &args.dir;
    if dir.exists() && !args.force {
        let occupied = fs::read_dir(dir)
            .map(|mut entries| entries.next().is_some())
            .unwrap_or(true);
        if occupied {
            return Err(
                Failure::new(format!("{} exists and is not empty", dir.display()))
                    .hint("choose a new directory, or give --force to write into it"),
            );
        }
    }
    let vault = context.unlock()?;
    let query = args.query.join(" ");
    let records = selected(&vault, &query, &args.redact)?;
    if records.is_empty() {
        return Err(Failure::new(format!(
            "no records match {query:?}; nothing exported"
        )));
    }
    let package = hsds::export(&records);
    package.write_to(dir, files::if_exists(args.force))?;
    writeln!(
        out,
        "wrote {} services to {} ({} files, HSDS 3.0 tabular data package)",
        records.len(),
        shown_path(dir),
        package.files.len()
    )?;
    // The warning goes to stderr after that line, on a terminal too.
    out.flush()?;
    if let Some(warning) = address_warning(package.address_gaps) {
        eprintln!("warning: {warning}");
    }
    Ok(())
}

/// What `addresses.csv` leaves empty that HSDS 3.0 requires, if anything,
/// said plainly: a validator of the package will flag those cells.
fn address_warning(gaps: AddressGaps) -> Option<String> {
    let AddressGaps {
        rows,
        without_street,
    } = gaps;
    if rows == 0 {
        return None;
    }
    let (postal, street) = if rows == 1 {
        ("in its only row".to_owned(), "in it".to_owned())
    } else {
        (
            format!("in all {rows} rows"),
            format!("in {without_street} of them"),
        )
    };
    let mut warning = format!(
        "addresses.csv leaves empty what HSDS 3.0 requires: postal_code {postal} (pamphlet keeps no postal codes)"
    );
    if without_street > 0 {
        warning.push_str(&format!(
            " and address_1 {street} (records with a city, region or country but no street address)"
        ));
    }
    warning.push_str("; HSDS validators will flag these cells");
    Some(warning)
}

pub fn import_hsds(context: &Context, dir: &Path, out: &mut Output) -> Outcome {
    let records = hsds::import(dir, context.now)
        .map_err(|e| with_place(Failure::from(e), &dir.display().to_string()))?;
    let mut vault = context.unlock()?;
    let read = records.len();
    let summary = vault.put_all(records)?;
    writeln!(out, "read {read} services; {summary}")?;
    Ok(())
}

fn with_place(mut failure: Failure, place: &str) -> Failure {
    failure.message = format!("{place}: {}", failure.message);
    failure
}

pub fn import_csv(context: &Context, args: ImportCsvArgs, out: &mut Output) -> Outcome {
    let bytes = read_bytes(&args.file)?;
    let place = display_input(&args.file);
    let parsed = csv_records::parse_csv(&bytes, context.now);
    drop(bytes);
    let import = match parsed {
        Ok(import) => import,
        Err(error) => {
            if let CsvError::Rows { rows, problems } = &error {
                if !args.json {
                    writeln!(out, "{} of {rows} rows have problems:", problems.len())?;
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
            return Err(with_place(error.into(), &place));
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
        let separator = match import.separator {
            '\t' => "tab".to_owned(),
            other => format!("{other:?}"),
        };
        writeln!(
            out,
            "{} rows ready (separator {separator})",
            import.records.len()
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
        writeln!(out, "columns: {}", shown(&matched.join(", ")))?;
        if !import.ignored.is_empty() {
            writeln!(
                out,
                "ignored columns: {}",
                shown(&import.ignored.join(", "))
            )?;
        }
        for (record, line) in import.records.iter().zip(&import.lines) {
            writeln!(
                out,
                "  line {line}: {} [{}] {}",
                shown(&record.name),
                record.category.label(),
                shown(&record.city)
            )?;
        }
    }
    // What follows goes to stderr after the preview, on a terminal too.
    out.flush()?;

    if args.dry_run {
        eprintln!("dry run: nothing was stored");
        return Ok(());
    }
    let mut vault = context.unlock()?;
    let summary = vault.put_all(import.records)?;
    eprintln!("stored: {summary}");
    Ok(())
}

pub fn export_csv(context: &Context, args: ExportCsvArgs, out: &mut Output) -> Outcome {
    let if_exists = files::if_exists(args.force);
    if let Some(path) = &args.out {
        files::check_free(path, if_exists)?;
    }
    let vault = context.unlock()?;
    let query = args.query.join(" ");
    let records = selected(&vault, &query, &[])?;
    if records.is_empty() && !query.trim().is_empty() {
        eprintln!(
            "no records match {}; no records written",
            shown(&format!("{query:?}"))
        );
    }
    match &args.out {
        Some(path) => {
            let mut bytes = Vec::new();
            csv_records::write_csv(&records, &mut bytes)?;
            files::write(path, &bytes, if_exists)?;
            eprintln!("wrote {} records to {}", records.len(), shown_path(path));
        }
        None => csv_records::write_csv(&records, out)?,
    }
    Ok(())
}

pub fn print(context: &Context, args: PrintArgs, out: &mut Output) -> Outcome {
    checked_redact(&args.redact)?;
    let if_exists = files::if_exists(args.force);
    if let Some(path) = &args.out {
        files::check_free(path, if_exists)?;
    }
    let vault = context.unlock()?;
    let query = args.query.join(" ");
    let records = selected(&vault, &query, &args.redact)?;
    if records.is_empty() {
        return Err(Failure::new(format!(
            "no records match {query:?}; nothing to print"
        )));
    }
    let format = match args.format {
        SheetFormat::Html => Format::Html,
        SheetFormat::Md => Format::Markdown,
        SheetFormat::Txt => Format::Text,
    };
    let options = Options {
        title: args.title,
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
            eprintln!(
                "wrote a sheet of {} referrals to {}",
                refs.len(),
                shown_path(path)
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

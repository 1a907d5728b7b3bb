//! The commands about the vault and its records: `init`, `add`, `load`,
//! `dump`, `show`, `edit`, `rm`, `search`, `passwd`, `wipe`, and the terminal
//! UI (`demo`, or no command at all).

use std::io::Write;
use std::path::Path;

use pamphlet::interop::json::{parse_records, write_json_lines};
use pamphlet::model::{self, FieldValue, PhoneInput, Record, RecordInput, Vouch};
use pamphlet::search::Field;
use pamphlet::text::{self, shown};
use pamphlet::tui;
use pamphlet::vault::{Vault, VaultError};
use time::OffsetDateTime;

use crate::cli::args::RecordFields;
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::input::{display_input, read_input, run_query};
use crate::cli::output::{shown_path, Output};
use crate::cli::passphrase;

type Outcome = Result<(), Failure>;

/// The terminal UI. A passphrase from --passphrase-file or the environment
/// is read here, before the terminal is taken, so that a missing file is
/// reported as the other commands report it; the UI uses it for the first
/// unlock only and asks on its own screen otherwise.
pub fn overview(context: &Context) -> Outcome {
    let passphrase = passphrase::given(context.passphrase_file.as_deref())?;
    tui::run(
        tui::Options {
            vault_dir: context.vault_dir.clone(),
            lock_after: context.lock_after,
        },
        passphrase.map(|(passphrase, _)| passphrase),
    )?;
    Ok(())
}

pub fn init(context: &Context, out: &mut Output) -> Outcome {
    let dir = &context.vault_dir;
    if dir.join(pamphlet::vault::KEY_FILE).exists() || dir.join(pamphlet::vault::DB_DIR).exists() {
        return Err(VaultError::AlreadyExists(dir.clone()).into());
    }
    let passphrase = passphrase::new(context.passphrase_file.as_deref(), passphrase::ENV)?;
    Vault::init(dir, &passphrase, passphrase::work_factor())?;
    writeln!(out, "created a vault at {}", shown_path(dir))?;
    Ok(())
}

pub fn add(context: &Context, fields: RecordFields, out: &mut Output) -> Outcome {
    let mut input = RecordInput::default();
    apply_fields(&mut input, fields, context.now)?;
    let record = input.validate(context.now).map_err(invalid_field)?;
    let mut vault = context.unlock()?;
    let id = record.id;
    if vault.get(&id).is_some() {
        return Err(Failure::new(format!(
            "a record with id {id} exists already"
        )));
    }
    vault.put(record)?;
    writeln!(out, "{id}")?;
    Ok(())
}

pub fn load(context: &Context, file: &Path, out: &mut Output) -> Outcome {
    let text = read_input(file)?;
    let records = parse_records(&text, context.now).map_err(|e| {
        Failure::new(format!("{}: {e}", display_input(file))).hint("nothing was stored")
    })?;
    drop(text);
    let mut vault = context.unlock()?;
    let summary = vault.put_all(records)?;
    writeln!(out, "{summary}")?;
    Ok(())
}

pub fn dump(context: &Context, out: &mut Output) -> Outcome {
    let vault = context.unlock()?;
    write_json_lines(vault.records_by_id(), out)?;
    Ok(())
}

pub fn show(context: &Context, id: &str, json: bool, out: &mut Output) -> Outcome {
    let vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let record = vault
        .get(&id)
        .ok_or_else(|| Failure::new("record vanished"))?;
    if json {
        writeln!(out, "{}", text::json(&record.to_json_line()))?;
    } else {
        // Each line through `shown`: the detail escapes its values already
        // and keeps the notes' lines indented (`Record::detail_text`).
        let detail = describe(record, vault.provenance(&id), context.now);
        for line in detail.lines() {
            writeln!(out, "{}", shown(line))?;
        }
    }
    Ok(())
}

pub fn edit(context: &Context, id: &str, fields: RecordFields, out: &mut Output) -> Outcome {
    let mut vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let existing = vault
        .get(&id)
        .ok_or_else(|| Failure::new("record vanished"))?;
    let mut input = existing.to_input();
    apply_fields(&mut input, fields, context.now)?;
    input.updated_at = None;
    let record = input.validate(context.now).map_err(invalid_field)?;
    // An edit that changes nothing writes nothing: a new `updated_at` alone
    // would make an imported record look edited here, and the signer's next
    // version of it a conflict.
    if existing.differences(&record).is_empty() {
        eprintln!(
            "no changes to \"{}\" ({})",
            shown(&record.name),
            record.short_id()
        );
        return Ok(());
    }
    let name = record.name.clone();
    vault.put(record)?;
    writeln!(out, "updated {} ({id})", shown(&name))?;
    Ok(())
}

pub fn remove(context: &Context, id: &str, out: &mut Output) -> Outcome {
    let mut vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let record = vault.delete(&id)?;
    writeln!(out, "removed {} ({id})", shown(&record.name))?;
    Ok(())
}

pub fn search(
    context: &Context,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut Output,
) -> Outcome {
    let vault = context.unlock()?;
    let matches = run_query(&vault, query, limit)?;
    let reading = serde_json::to_value(&matches.reading).unwrap_or_default();
    let line_of = |hit: &pamphlet::search::Hit, partial: bool| -> Option<String> {
        let record = vault.get(&hit.id)?;
        if !json {
            return Some(shown(&record.summary_line()).into_owned());
        }
        // The record's own JSON, in its usual field order, with the score,
        // the matched fields and how the query was read in front.
        let matched: Vec<&str> = hit.fields.iter().map(Field::as_str).collect();
        let record_json = record.to_json_line();
        let partial = if partial { "\"partial\":true," } else { "" };
        let line = format!(
            "{{\"score\":{},\"matched\":{},{partial}\"reading\":{reading},{}",
            hit.score,
            serde_json::Value::from(matched),
            record_json.strip_prefix('{').unwrap_or(&record_json)
        );
        Some(text::json(&line).into_owned())
    };
    for hit in &matches.hits {
        if let Some(line) = line_of(hit, false) {
            writeln!(out, "{line}")?;
        }
    }
    if !matches.partial.is_empty() && !json {
        writeln!(
            out,
            "\nPartial matches ({} of {}), not every part of the query:",
            matches.partial.len(),
            matches.partial_total
        )?;
    }
    for hit in &matches.partial {
        if let Some(line) = line_of(hit, true) {
            writeln!(out, "{line}")?;
        }
    }
    if json && matches.hits.is_empty() && matches.partial.is_empty() {
        writeln!(out, "{}", text::json(&format!("{{\"reading\":{reading}}}")))?;
    }
    // The notes below go to stderr after the results, on a terminal too.
    out.flush()?;
    if json {
        return Ok(());
    }
    eprintln!("read as: {}", shown(&matches.reading.to_string()));
    if matches.hits.is_empty() {
        eprintln!("no records match {}", shown(&format!("{query:?}")));
        for line in matches.reading.missing_lines() {
            eprintln!("{}", shown(&line));
        }
    } else if matches.total > matches.hits.len() {
        eprintln!(
            "{} of {} matches shown; --limit N shows more",
            matches.hits.len(),
            matches.total
        );
    }
    Ok(())
}

pub fn passwd(context: &Context, new_file: Option<&Path>, out: &mut Output) -> Outcome {
    let vault = context.unlock()?;
    let passphrase = passphrase::new(new_file, passphrase::NEW_ENV)?;
    vault.change_passphrase(&passphrase, passphrase::work_factor())?;
    writeln!(out, "passphrase changed")?;
    Ok(())
}

pub fn wipe(context: &Context, yes: bool, out: &mut Output) -> Outcome {
    let dir = &context.vault_dir;
    if !dir.join(pamphlet::vault::KEY_FILE).exists() && !dir.join(pamphlet::vault::DB_DIR).exists()
    {
        return Err(VaultError::NotFound(dir.clone()).into());
    }
    if !yes {
        let answer = rpassword::prompt_password(format!(
            "This destroys the vault at {} for good. Type WIPE to go on: ",
            shown_path(dir)
        ))
        .map_err(|_| {
            Failure::new("no terminal to confirm on").hint("give --yes to wipe without asking")
        })?;
        if answer.trim() != "WIPE" {
            return Err(Failure::new("not wiped"));
        }
    }
    let started = std::time::Instant::now();
    pamphlet::vault::wipe(dir)?;
    writeln!(
        out,
        "wiped {} in {} ms",
        shown_path(dir),
        started.elapsed().as_millis()
    )?;
    Ok(())
}

/// The sample directory in a throwaway vault, in the terminal UI.
pub fn demo(context: &Context) -> Outcome {
    tui::run_demo(context.lock_after)?;
    Ok(())
}

/// Copies the given flags onto `input`. An empty list value clears the list.
fn apply_fields(input: &mut RecordInput, fields: RecordFields, now: OffsetDateTime) -> Outcome {
    use pamphlet::model::Field;
    let RecordFields {
        name,
        category,
        organization,
        description,
        city,
        region,
        country,
        address,
        phones,
        email,
        website,
        languages,
        tags,
        hours,
        cost,
        notes,
        verified_on,
        status,
    } = fields;
    let verified_on = verified_on.map(|date| model::today_or(date, now.date()));
    let texts = [
        (Field::Name, name),
        (Field::Category, category),
        (Field::Organization, organization),
        (Field::Description, description),
        (Field::City, city),
        (Field::Region, region),
        (Field::Country, country),
        (Field::Address, address),
        (Field::Email, email),
        (Field::Website, website),
        (Field::Hours, hours),
        (Field::Cost, cost),
        (Field::Notes, notes),
        (Field::VerifiedOn, verified_on),
        (Field::Status, status),
    ];
    for (field, value) in texts {
        if let Some(text) = value {
            field.set(input, FieldValue::Text(text));
        }
    }
    let given = |values: Vec<String>| -> Vec<String> {
        values
            .into_iter()
            .filter(|v| !v.trim().is_empty())
            .collect()
    };
    if !phones.is_empty() {
        let phones = given(phones)
            .iter()
            .map(|text| PhoneInput::parse(text))
            .collect();
        Field::Phones.set(input, FieldValue::Phones(phones));
    }
    for (field, values) in [(Field::Languages, languages), (Field::Tags, tags)] {
        if !values.is_empty() {
            field.set(input, FieldValue::List(given(values)));
        }
    }
    Ok(())
}

fn invalid_field(error: model::FieldError) -> Failure {
    let flag = match error.field {
        "phones" => "--phone".to_owned(),
        "languages" => "--language".to_owned(),
        "tags" => "--tag".to_owned(),
        field => format!("--{}", field.replace('_', "-")),
    };
    Failure::usage(error.to_string()).hint(format!("check {flag}; nothing was stored"))
}

/// A record as a block of labelled lines, empty fields left out.
fn describe(
    record: &Record,
    provenance: Option<&pamphlet::vault::Provenance>,
    now: OffsetDateTime,
) -> String {
    let vouch = provenance.map(|vouched| Vouch {
        source: vouched.source(),
        edited_here: vouched.edited_since_import(record),
    });
    record.detail_text(now.date(), vouch.as_ref())
}

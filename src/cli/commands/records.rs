//! The commands about the vault and its records: `init`, `add`, `load`,
//! `dump`, `show`, `edit`, `rm`, `search`, `passwd`, `rekey`, `wipe`, and the
//! terminal UI (`demo`, or no command at all).

use std::io::Write;
use std::path::Path;

use pamphlet::i18n::{Arg, Lang, Message};
use pamphlet::interop::json::{parse_records, write_json_lines, JsonError, Position};
use pamphlet::model::{self, FieldValue, PhoneInput, Record, RecordInput, Vouch};
use pamphlet::search::Field;
use pamphlet::text::{self, shown};
use pamphlet::tui;
use pamphlet::vault::{PutSummary, Vault, VaultError};
use pamphlet::{msg, t};
use time::OffsetDateTime;

use crate::cli::args::RecordFields;
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::input::{display_input, read_input, run_query};
use crate::cli::output::{shown_path, Output};
use crate::cli::passphrase::{self, Floor};

type Outcome = Result<(), Failure>;

/// The terminal UI. A passphrase from --passphrase-file or the environment
/// is read here, before the terminal is taken, so that a missing file is
/// reported as the other commands report it; the UI uses it for the first
/// unlock only and asks on its own screen otherwise.
pub fn overview(context: &mut Context) -> Outcome {
    let passphrase = passphrase::given(context.passphrase_file.as_deref())?;
    tui::run(
        tui::Options {
            vault_dir: context.vault_dir.clone(),
            lock_after: context.lock_after,
            lang: context.lang,
            lang_given: context.lang_given,
        },
        passphrase.map(|(passphrase, _)| passphrase),
    )?;
    Ok(())
}

pub fn init(context: &mut Context, weak: bool, out: &mut Output) -> Outcome {
    let dir = &context.vault_dir;
    if dir.join(pamphlet::vault::KEY_FILE).exists() || dir.join(pamphlet::vault::DB_DIR).exists() {
        return Err(VaultError::AlreadyExists(dir.clone()).into());
    }
    let passphrase = passphrase::new(
        context.passphrase_file.as_deref(),
        passphrase::ENV,
        floor(weak),
        context.lang,
    )?;
    Vault::init(dir, &passphrase, passphrase::work_factor())?;
    writeln!(
        out,
        "{}",
        t!(context.lang, "cli-created", dir = shown_path(dir))
    )?;
    Ok(())
}

pub fn add(context: &mut Context, fields: RecordFields, out: &mut Output) -> Outcome {
    let mut input = RecordInput::default();
    apply_fields(&mut input, fields, context.now)?;
    let record = input.validate(context.now).map_err(invalid_field)?;
    let mut vault = context.unlock()?;
    let id = record.id;
    if vault.get(&id).is_some() {
        return Err(Failure::new(msg!("record-id-taken", id = id.to_string()))
            .hint(msg!("hint-edit-instead")));
    }
    vault.put(record)?;
    context.close(vault);
    writeln!(out, "{id}")?;
    Ok(())
}

pub fn load(context: &mut Context, file: &Path, out: &mut Output) -> Outcome {
    let text = read_input(file)?;
    let records =
        parse_records(&text, context.now).map_err(|e| json_failure(display_input(file), e))?;
    drop(text);
    let vault = context.unlock()?;
    let summary = context.put_all_and_close(vault, records)?;
    writeln!(out, "{}", put_summary(&summary).in_lang(context.lang))?;
    Ok(())
}

pub fn dump(context: &mut Context, out: &mut Output) -> Outcome {
    let vault = context.unlock()?;
    write_json_lines(vault.records_by_id(), out)?;
    Ok(())
}

pub fn show(context: &mut Context, id: &str, json: bool, out: &mut Output) -> Outcome {
    let vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let record = vault.get(&id).ok_or_else(vanished)?;
    if json {
        writeln!(out, "{}", text::json(&record.to_json_line()))?;
    } else {
        // Each line through `shown`: the detail escapes its values already
        // and keeps the notes' lines indented (`Record::detail_text`).
        let detail = describe(record, vault.provenance(&id), context.now, context.lang);
        for line in detail.lines() {
            writeln!(out, "{}", shown(line))?;
        }
    }
    Ok(())
}

pub fn edit(context: &mut Context, id: &str, fields: RecordFields, out: &mut Output) -> Outcome {
    let mut vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let existing = vault.get(&id).ok_or_else(vanished)?;
    let mut input = existing.to_input();
    apply_fields(&mut input, fields, context.now)?;
    input.updated_at = None;
    let record = input.validate(context.now).map_err(invalid_field)?;
    // An edit that changes nothing writes nothing: a new `updated_at` alone
    // would make an imported record look edited here, and the signer's next
    // version of it a conflict.
    if existing.differences(&record).is_empty() {
        eprintln!(
            "{}",
            t!(
                context.lang,
                "cli-no-changes",
                name = record.name.as_str(),
                id = record.short_id()
            )
        );
        return Ok(());
    }
    let name = record.name.clone();
    vault.put(record)?;
    context.close(vault);
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-updated",
            name = name,
            id = id.to_string()
        )
    )?;
    Ok(())
}

pub fn remove(context: &mut Context, id: &str, out: &mut Output) -> Outcome {
    let mut vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let record = vault.delete(&id)?;
    context.close(vault);
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-removed",
            name = record.name.as_str(),
            id = id.to_string()
        )
    )?;
    Ok(())
}

pub fn search(
    context: &mut Context,
    query: &str,
    limit: usize,
    json: bool,
    out: &mut Output,
) -> Outcome {
    let vault = context.unlock()?;
    let lang = context.lang;
    let matches = run_query(&vault, query, limit, lang)?;
    let reading = serde_json::to_value(&matches.reading).unwrap_or_default();
    let line_of = |hit: &pamphlet::search::Hit, partial: bool| -> Option<String> {
        let record = vault.get(&hit.id)?;
        if !json {
            return Some(shown(&record.summary_line(lang)).into_owned());
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
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "search-partial-heading",
                count = matches.partial.len(),
                total = matches.partial_total
            )
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
    let understood = lang.reading(&matches.reading);
    eprintln!("{}", t!(lang, "search-read-as", reading = understood));
    if matches.hits.is_empty() {
        eprintln!("{}", t!(lang, "cli-no-match", query = query));
        for line in lang.missing_lines(&matches.reading) {
            eprintln!("{line}");
        }
    } else if matches.total > matches.hits.len() {
        eprintln!(
            "{}",
            t!(
                lang,
                "cli-more-matches",
                count = matches.hits.len(),
                total = matches.total
            )
        );
    }
    Ok(())
}

pub fn passwd(
    context: &mut Context,
    new_file: Option<&Path>,
    weak: bool,
    out: &mut Output,
) -> Outcome {
    let vault = context.unlock()?;
    let passphrase = passphrase::new(new_file, passphrase::NEW_ENV, floor(weak), context.lang)?;
    vault.change_passphrase(&passphrase, passphrase::work_factor())?;
    writeln!(out, "{}", t!(context.lang, "cli-passphrase-changed"))?;
    Ok(())
}

pub fn rekey(context: &mut Context, out: &mut Output) -> Outcome {
    let (vault, passphrase) = context.unlock_keeping_passphrase()?;
    let count = vault.len();
    let vault = vault.rekey(&passphrase, passphrase::work_factor())?;
    // The key has changed either way; only a rebuilt database is without
    // the old copies.
    let said = match context.close(vault) {
        pamphlet::vault::Closed::Clean => "cli-rekeyed",
        pamphlet::vault::Closed::OldCopiesKept(_) => "cli-rekeyed-copies-kept",
    };
    writeln!(out, "{}", t!(context.lang, said, count = count))?;
    Ok(())
}

pub fn wipe(context: &mut Context, yes: bool, out: &mut Output) -> Outcome {
    let dir = &context.vault_dir;
    if !pamphlet::vault::has_anything_to_wipe(dir) {
        return Err(VaultError::NotFound(dir.clone()).into());
    }
    if !yes {
        let word = t!(context.lang, "wipe-word");
        let answer = rpassword::prompt_password(t!(
            context.lang,
            "prompt-wipe",
            dir = shown_path(dir),
            word = word.as_str()
        ))
        .map_err(|_| Failure::new(msg!("wipe-no-terminal")).hint(msg!("hint-wipe-yes")))?;
        if !confirms_wipe(&answer, &word) {
            return Err(
                Failure::new(msg!("wipe-not-confirmed")).hint(msg!("hint-wipe-word", word = word))
            );
        }
    }
    let started = std::time::Instant::now();
    pamphlet::vault::wipe(dir)?;
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-wiped",
            dir = shown_path(dir),
            ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX)
        )
    )?;
    Ok(())
}

/// Whether `answer` confirms a wipe: the language's own word (`BORRAR`,
/// `EFFACER`, `APAGAR`), in any case, or `WIPE`, which always works.
fn confirms_wipe(answer: &str, word: &str) -> bool {
    let answer = answer.trim();
    answer == "WIPE" || answer.to_uppercase() == word.to_uppercase()
}

fn floor(weak: bool) -> Floor {
    if weak {
        Floor::WarnOnly
    } else {
        Floor::Enforced
    }
}

fn vanished() -> Failure {
    Failure::new(msg!("record-vanished")).hint(msg!("hint-try-again"))
}

/// "added 3, updated 1, unchanged 12", in words.
pub fn put_summary(summary: &PutSummary) -> Message {
    msg!(
        "put-summary",
        added = summary.added,
        updated = summary.updated,
        unchanged = summary.unchanged
    )
}

/// Records that `load` could not read: which one, where, and why.
fn json_failure(file: Arg, error: JsonError) -> Failure {
    let at = |position: &Position| match position {
        Position::Index(n) => msg!("position-record", n = *n),
        Position::Line(n) => msg!("position-line", n = *n),
    };
    let message = match &error {
        JsonError::Syntax {
            line,
            column,
            problem,
        } => msg!(
            "json-syntax",
            file = file,
            line = *line,
            column = *column,
            problem = problem.as_str()
        ),
        JsonError::Shape {
            at: position,
            problem,
        } => msg!(
            "json-record-problem",
            file = file,
            at = at(position),
            problem = problem.as_str()
        ),
        JsonError::Invalid {
            at: position,
            source,
        } => msg!(
            "json-record-problem",
            file = file,
            at = at(position),
            problem = source.to_string()
        ),
        JsonError::DuplicateId {
            at: position,
            first,
            id,
        } => msg!(
            "json-duplicate-id",
            file = file,
            at = at(position),
            first = at(first),
            id = id.to_string()
        ),
        _ => msg!("detail", detail = error.to_string()),
    };
    Failure::new(message).hint(msg!("hint-nothing-stored"))
}

/// The sample directory in a throwaway vault, in the terminal UI.
pub fn demo(context: &mut Context) -> Outcome {
    tui::run_demo(context.lock_after, context.lang)?;
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
    Failure::usage(msg!(
        "field-problem",
        field = error.field,
        problem = error.message
    ))
    .hint(msg!("hint-check-flag", flag = flag))
}

/// A record as a block of labelled lines, empty fields left out.
fn describe(
    record: &Record,
    provenance: Option<&pamphlet::vault::Provenance>,
    now: OffsetDateTime,
    lang: Lang,
) -> String {
    let vouch = provenance.map(|vouched| Vouch {
        source: vouched.source(lang),
        edited_here: vouched.edited_since_import(record),
    });
    record.detail_text(now.date(), vouch.as_ref(), lang)
}

#[cfg(test)]
mod tests {
    use pamphlet::i18n::Lang;

    use super::*;

    #[test]
    fn the_languages_word_and_wipe_both_confirm() {
        for lang in Lang::ALL {
            let word = t!(lang, "wipe-word");
            assert!(confirms_wipe(&format!(" {word}\n"), &word), "{word}");
            assert!(confirms_wipe(&word.to_lowercase(), &word), "{word}");
            assert!(confirms_wipe("WIPE", &word), "{word}");
            assert!(!confirms_wipe("yes", &word), "{word}");
            assert!(!confirms_wipe("", &word), "{word}");
        }
        assert_eq!(t!(Lang::Es, "wipe-word"), "BORRAR");
        assert_eq!(t!(Lang::Fr, "wipe-word"), "EFFACER");
        assert_eq!(t!(Lang::Pt, "wipe-word"), "APAGAR");
    }
}

//! The commands of the binary. Each opens what it needs through the library,
//! prints its result to stdout, and returns a `Failure` for `main` to report.

use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use pamphlet::interop::json::{parse_records, write_json_lines};
use pamphlet::model::{self, FieldValue, PhoneInput, Record, RecordInput, Vouch};
use pamphlet::search::{Field, Index, Matches, Query};
use pamphlet::tui::{self, TuiError};
use pamphlet::vault::{Vault, VaultError};
use secrecy::SecretString;
use time::OffsetDateTime;

use crate::bundle_commands;
use crate::cli::{Cli, Command, RecordFields};
use crate::interop_commands;
use crate::passphrase::{self, Source};

/// A failed command: one line for stderr, an optional hint, an exit code.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub hint: Option<String>,
    pub code: u8,
}

impl Failure {
    pub fn new(message: impl Into<String>) -> Failure {
        Failure {
            message: message.into(),
            hint: None,
            code: 1,
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Failure {
        self.hint = Some(hint.into());
        self
    }

    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            ..Failure::new(message)
        }
    }
}

impl From<VaultError> for Failure {
    fn from(error: VaultError) -> Failure {
        let failure = Failure::new(error.to_string());
        match error {
            VaultError::NotFound(_) => failure.hint(
                "run `pamphlet init` to create one, or point --vault (or PAMPHLET_VAULT) at an existing vault",
            ),
            VaultError::AlreadyExists(_) => {
                failure.hint("choose another directory with --vault, or use the vault that is there")
            }
            VaultError::InUse => failure.hint("close the other pamphlet using this vault, then try again"),
            VaultError::NewerFormat { .. } => failure.hint("upgrade pamphlet to open this vault; nothing was changed"),
            VaultError::DiskFull => failure.hint("free some space on the disk that holds the vault, then try again; nothing was changed"),
            VaultError::FileTooLarge => failure.hint("raise the limit (`ulimit -f`), then try again; nothing was changed"),
            VaultError::ReadOnly { .. } => failure.hint("make the vault's directory writable (or copy the vault to a writable disk), then try again"),
            VaultError::AmbiguousId { .. } => failure.hint("give more characters of the id"),
            VaultError::NoSuchRecord(_) => failure.hint("`pamphlet search` or `pamphlet dump` lists ids"),
            VaultError::KeyFile(_) | VaultError::KeyMismatch => failure.hint(
                "restore key.age from a backup; without it the records cannot be read",
            ),
            _ => failure,
        }
    }
}

impl From<TuiError> for Failure {
    fn from(error: TuiError) -> Failure {
        match error {
            TuiError::Vault(error) => error.into(),
            TuiError::NotATerminal => Failure::new(error.to_string())
                .hint("run pamphlet in a terminal, or use a command like `pamphlet search`"),
            other => Failure::new(other.to_string()),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::new(error.to_string())
    }
}

type Outcome = Result<(), Failure>;

/// Everything a command needs besides its own arguments.
pub struct Context {
    pub vault_dir: PathBuf,
    pub lock_after: Duration,
    pub passphrase_file: Option<PathBuf>,
    pub now: OffsetDateTime,
}

impl Context {
    /// Checks the vault, asks for the passphrase, unlocks.
    pub fn unlock(&self) -> Result<Vault, Failure> {
        Vault::check(&self.vault_dir)?;
        let (passphrase, source) = passphrase::existing(self.passphrase_file.as_deref())?;
        unlock_with(&self.vault_dir, &passphrase, source)
    }
}

fn unlock_with(dir: &Path, passphrase: &SecretString, source: Source) -> Result<Vault, Failure> {
    if io::stderr().is_terminal() {
        eprint!("unlocking…\r");
    }
    let result = Vault::unlock(dir, passphrase);
    if io::stderr().is_terminal() {
        eprint!("           \r");
    }
    result.map_err(|error| {
        let wrong = matches!(error, VaultError::WrongPassphrase);
        let failure = Failure::from(error);
        match (wrong, source) {
            (true, Source::File) => failure.hint("check the first line of --passphrase-file"),
            (true, Source::Env) => failure.hint(format!("check {}", passphrase::ENV)),
            (true, Source::Prompt) => failure.hint("passphrases are case-sensitive"),
            _ => failure,
        }
    })
}

pub fn run(cli: Cli) -> Outcome {
    // These two need no vault, not even a place for one.
    match cli.command {
        Some(Command::Completions { shell }) => return interop_commands::completions(shell),
        Some(Command::Man) => return interop_commands::man(),
        _ => {}
    }
    let vault_dir = match cli.vault {
        Some(dir) => dir,
        None => default_vault_dir()?,
    };
    let context = Context {
        vault_dir,
        lock_after: Duration::from_secs(cli.lock_after * 60),
        passphrase_file: cli.passphrase_file,
        now: OffsetDateTime::now_utc(),
    };
    match cli.command {
        None => overview(&context),
        Some(Command::Init) => init(&context),
        Some(Command::Add(args)) => add(&context, args.fields),
        Some(Command::Load { file }) => load(&context, &file),
        Some(Command::Dump) => dump(&context),
        Some(Command::Show { id, json }) => show(&context, &id, json),
        Some(Command::Edit(args)) => edit(&context, &args.id, args.fields),
        Some(Command::Rm { id }) => remove(&context, &id),
        Some(Command::Search { query, limit, json }) => {
            search(&context, &query.join(" "), limit, json)
        }
        Some(Command::Passwd {
            new_passphrase_file,
        }) => passwd(&context, new_passphrase_file.as_deref()),
        Some(Command::Demo) => demo(&context),
        Some(Command::Wipe { yes }) => wipe(&context, yes),
        Some(Command::Keys { command }) => bundle_commands::keys(&context, command),
        Some(Command::Export(args)) => bundle_commands::export(&context, args),
        Some(Command::Verify {
            file,
            passphrase,
            json,
        }) => bundle_commands::verify(&context, &file, &passphrase, json),
        Some(Command::Import(args)) => bundle_commands::import(&context, args),
        Some(Command::ExportHsds(args)) => interop_commands::export_hsds(&context, args),
        Some(Command::ImportHsds { dir }) => interop_commands::import_hsds(&context, &dir),
        Some(Command::ImportCsv(args)) => interop_commands::import_csv(&context, args),
        Some(Command::ExportCsv { query, out }) => {
            interop_commands::export_csv(&context, &query.join(" "), out.as_deref())
        }
        Some(Command::Print(args)) => interop_commands::print(&context, args),
        Some(Command::Completions { .. } | Command::Man) => Ok(()),
    }
}

fn default_vault_dir() -> Result<PathBuf, Failure> {
    directories::ProjectDirs::from("org", "pamphlet", "pamphlet")
        .map(|dirs| dirs.data_dir().to_owned())
        .ok_or_else(|| {
            Failure::new("cannot find a data directory for the vault")
                .hint("give --vault DIR or set PAMPHLET_VAULT")
        })
}

/// The terminal UI. A passphrase from --passphrase-file or the environment
/// is read here, before the terminal is taken, so that a missing file is
/// reported as the other commands report it; the UI uses it for the first
/// unlock only and asks on its own screen otherwise.
fn overview(context: &Context) -> Outcome {
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

fn init(context: &Context) -> Outcome {
    let dir = &context.vault_dir;
    if dir.join(pamphlet::vault::KEY_FILE).exists() || dir.join(pamphlet::vault::DB_DIR).exists() {
        return Err(VaultError::AlreadyExists(dir.clone()).into());
    }
    let passphrase = passphrase::new(context.passphrase_file.as_deref(), passphrase::ENV)?;
    Vault::init(dir, &passphrase, passphrase::work_factor())?;
    println!("created a vault at {}", dir.display());
    Ok(())
}

fn add(context: &Context, fields: RecordFields) -> Outcome {
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
    println!("{id}");
    Ok(())
}

fn load(context: &Context, file: &Path) -> Outcome {
    let text = read_input(file)?;
    let records = parse_records(&text, context.now).map_err(|e| {
        Failure::new(format!("{}: {e}", display_input(file))).hint("nothing was stored")
    })?;
    drop(text);
    let mut vault = context.unlock()?;
    let summary = vault.put_all(records)?;
    println!(
        "added {}, updated {}, unchanged {}",
        summary.added, summary.updated, summary.unchanged
    );
    Ok(())
}

fn dump(context: &Context) -> Outcome {
    let vault = context.unlock()?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_json_lines(vault.records_by_id(), &mut out)
        .and_then(|()| out.flush())
        .or_else(ignore_broken_pipe)?;
    Ok(())
}

fn show(context: &Context, id: &str, json: bool) -> Outcome {
    let vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let record = vault
        .get(&id)
        .ok_or_else(|| Failure::new("record vanished"))?;
    if json {
        println!("{}", record.to_json_line());
    } else {
        print!("{}", describe(record, vault.provenance(&id), context.now));
    }
    Ok(())
}

fn edit(context: &Context, id: &str, fields: RecordFields) -> Outcome {
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
        eprintln!("no changes to \"{}\" ({})", record.name, record.short_id());
        return Ok(());
    }
    let name = record.name.clone();
    vault.put(record)?;
    println!("updated {name} ({id})");
    Ok(())
}

fn remove(context: &Context, id: &str) -> Outcome {
    let mut vault = context.unlock()?;
    let id = vault.resolve(id)?;
    let record = vault.delete(&id)?;
    println!("removed {} ({id})", record.name);
    Ok(())
}

/// Parses `text` and runs it through the search engine; notices about the
/// query (an unknown `field:`, an unclosed quote) go to stderr.
fn run_query(vault: &Vault, text: &str, limit: usize) -> Result<Matches, Failure> {
    let query = Query::parse(text).map_err(|e| Failure::usage(e.to_string()))?;
    for notice in query.notices() {
        eprintln!("note: {notice}");
    }
    let index = Index::build(vault.records());
    Ok(index.search(&query, limit))
}

/// The ids of the records a query selects, best first; all, in id order,
/// for an empty query.
pub fn select(vault: &Vault, query: &str) -> Result<Vec<uuid::Uuid>, Failure> {
    if query.trim().is_empty() {
        return Ok(vault.records_by_id().iter().map(|r| r.id).collect());
    }
    let matches = run_query(vault, query, usize::MAX)?;
    Ok(matches.hits.iter().map(|hit| hit.id).collect())
}

fn search(context: &Context, query: &str, limit: usize, json: bool) -> Outcome {
    let vault = context.unlock()?;
    let matches = run_query(&vault, query, limit)?;
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let written: io::Result<()> = (|| {
        for hit in &matches.hits {
            let Some(record) = vault.get(&hit.id) else {
                continue;
            };
            if json {
                // The record's own JSON, in its usual field order, with the
                // score and the matched fields in front.
                let matched: Vec<&str> = hit.fields.iter().map(Field::as_str).collect();
                let record_json = record.to_json_line();
                writeln!(
                    out,
                    "{{\"score\":{},\"matched\":{},{}",
                    hit.score,
                    serde_json::Value::from(matched),
                    record_json.strip_prefix('{').unwrap_or(&record_json)
                )?;
            } else {
                writeln!(out, "{}", record.summary_line())?;
            }
        }
        out.flush()
    })();
    written.or_else(ignore_broken_pipe)?;
    if matches.hits.is_empty() && !json {
        eprintln!("no records match {query:?}");
    } else if matches.total > matches.hits.len() && !json {
        eprintln!(
            "{} of {} matches shown; --limit N shows more",
            matches.hits.len(),
            matches.total
        );
    }
    Ok(())
}

fn passwd(context: &Context, new_file: Option<&Path>) -> Outcome {
    let vault = context.unlock()?;
    let passphrase = passphrase::new(new_file, passphrase::NEW_ENV)?;
    vault.change_passphrase(&passphrase, passphrase::work_factor())?;
    println!("passphrase changed");
    Ok(())
}

fn wipe(context: &Context, yes: bool) -> Outcome {
    let dir = &context.vault_dir;
    if !dir.join(pamphlet::vault::KEY_FILE).exists() && !dir.join(pamphlet::vault::DB_DIR).exists()
    {
        return Err(VaultError::NotFound(dir.clone()).into());
    }
    if !yes {
        let answer = rpassword::prompt_password(format!(
            "This destroys the vault at {} for good. Type WIPE to go on: ",
            dir.display()
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
    println!(
        "wiped {} in {} ms",
        dir.display(),
        started.elapsed().as_millis()
    );
    Ok(())
}

/// The sample directory in a throwaway vault, in the terminal UI.
fn demo(context: &Context) -> Outcome {
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

fn read_input(file: &Path) -> Result<String, Failure> {
    let mut bytes = Vec::new();
    if file == Path::new("-") {
        io::stdin().lock().read_to_end(&mut bytes)?;
    } else {
        bytes = fs::read(file)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", file.display())))?;
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = 1 + e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count();
        Failure::new(format!(
            "{}: line {line} is not valid UTF-8 (byte {at})",
            display_input(file)
        ))
        .hint("save the file as UTF-8 and try again; nothing was stored")
    })
}

pub fn display_input(file: &Path) -> String {
    if file == Path::new("-") {
        "standard input".to_owned()
    } else {
        file.display().to_string()
    }
}

/// A reader closing the pipe early (`| head`) is not an error.
pub fn ignore_broken_pipe(error: io::Error) -> io::Result<()> {
    if error.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(error)
    }
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

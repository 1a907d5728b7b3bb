//! The commands about bundles: `export`, `verify`, `import`.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use pamphlet::bundle::{
    self, check_acceptable, BundleError, Decryption, Encryption, ExportOptions, OpenedBundle,
    Outcome, Prefer, Signer,
};
use pamphlet::i18n::Lang;
use pamphlet::model;
use pamphlet::text::{self, shown};
use pamphlet::vault::{TrustState, Vault};
use pamphlet::{msg, t};
use secrecy::SecretString;
use time::OffsetDateTime;

use crate::cli::args::{BundlePassphrase, ExportArgs, ImportArgs, PreferArg};
use crate::cli::context::Context;
use crate::cli::failure::{cannot_read, Failure};
use crate::cli::files;
use crate::cli::input::select;
use crate::cli::output::{listing, shown_path, Output};
use crate::cli::passphrase::{self, Floor};

type CommandResult = Result<(), Failure>;

pub fn export(context: &mut Context, args: ExportArgs, out: &mut Output) -> CommandResult {
    if args.dry_run {
        return export_dry_run(context, &args, out);
    }
    let Some(path) = args.out.clone() else {
        return Err(
            Failure::usage(msg!("export-no-out")).hint(msg!("hint-help", command = "export"))
        );
    };
    let if_exists = files::if_exists(args.force);
    files::check_free(&path, if_exists)?;
    let has_recipients = !args.recipients.is_empty() || args.recipients_file.is_some();
    if has_recipients && args.passphrase.bundle_passphrase_file.is_some() {
        return Err(Failure::usage(msg!("export-passphrase-and-recipients"))
            .hint(msg!("hint-passphrase-or-recipients")));
    }
    let expires_at = args.expires.as_deref().map(parse_expiry).transpose()?;
    let mut vault = context.unlock()?;
    let encryption = if has_recipients {
        let mut lines: Vec<String> = args.recipients.clone();
        if let Some(file) = &args.recipients_file {
            let text = fs::read_to_string(file).map_err(|e| cannot_read(file, &e))?;
            lines.extend(text.lines().map(str::to_owned));
        }
        Encryption::recipients(lines.iter().map(String::as_str))?
    } else {
        let passphrase = passphrase::new(
            args.passphrase.bundle_passphrase_file.as_deref(),
            "PAMPHLET_BUNDLE_PASSPHRASE",
            Floor::WarnOnly,
            context.lang,
        )?;
        Encryption::Passphrase(passphrase, passphrase::work_factor())
    };
    let query = args.query.join(" ");
    let (ids, listed) = leaving(&vault, &query, context.lang)?;
    let chatty = io::stderr().is_terminal() && ids.len() > 5000;
    if chatty {
        eprint!("{}\r", t!(context.lang, "cli-signing", count = ids.len()));
    }
    let options = ExportOptions::new(encryption, context.now)
        .selection(query)
        .redact(args.redact)
        .expires_at(expires_at);
    let summary = bundle::export(&mut vault, &ids, options)?;
    files::write(&path, &summary.bytes, if_exists)?;
    for line in &listed {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-exported",
            count = summary.manifest.record_count,
            file = shown_path(&path),
            sequence = summary.manifest.sequence,
            bytes = summary.bytes.len()
        )
    )?;
    let identity = bundle::public_identity(&vault);
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-your-fingerprint",
            fingerprint = identity.fingerprint.as_str()
        )
    )?;
    context.close(vault);
    Ok(())
}

/// The records an export of `query` takes, and their lines as listed
/// before it is written; refused when there are none.
fn leaving(
    vault: &Vault,
    query: &str,
    lang: Lang,
) -> Result<(Vec<uuid::Uuid>, Vec<String>), Failure> {
    let ids = select(vault, query, lang)?;
    if ids.is_empty() {
        return Err(
            Failure::new(msg!("export-nothing", query = query)).hint(msg!("hint-search-first"))
        );
    }
    let listed = listing(bundle::selected(vault, &ids), lang);
    Ok((ids, listed))
}

/// `export --dry-run`: the records the bundle would hold, as `export`
/// lists them, and their count. Asks for no passphrase, writes nothing, and
/// uses up no sequence number.
fn export_dry_run(context: &mut Context, args: &ExportArgs, out: &mut Output) -> CommandResult {
    pamphlet::interop::check_redact(&args.redact)
        .map_err(|e| BundleError::UnknownRedaction { field: e.field })?;
    args.expires.as_deref().map(parse_expiry).transpose()?;
    let vault = context.unlock()?;
    let query = args.query.join(" ");
    let (_, listed) = leaving(&vault, &query, context.lang)?;
    for line in &listed {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-dry-run-would-leave",
            count = listed.len()
        )
    )?;
    Ok(())
}

pub fn verify(
    context: &mut Context,
    file: &Path,
    passphrase: &BundlePassphrase,
    json: bool,
    out: &mut Output,
) -> CommandResult {
    let vault = context.unlock()?;
    let opened = open_bundle(&vault, file, passphrase, context.lang)?;
    let manifest = &opened.manifest;
    if json {
        let mut summary = bundle_json(&vault, &opened);
        let refusal = check_acceptable(&opened, vault.trust(), Signer::MayBeNew, context.now)
            .err()
            .map(|problem| problem.to_string());
        summary["import_refused"] = refusal.into();
        writeln!(out, "{}", text::json(&summary.to_string()))?;
        return Ok(());
    }
    let lang = context.lang;
    let signer = signer_text(&opened, vault.trust(), lang);
    let mut rows = vec![
        ("verify-signature", t!(lang, "verify-good")),
        ("verify-signer", signer),
        ("verify-sequence", manifest.sequence.to_string()),
        ("verify-created", rfc3339(manifest.created_at)),
    ];
    if let Some(expires) = manifest.expires_at {
        rows.push(("verify-expires", rfc3339(expires)));
    }
    rows.push(("verify-records", manifest.record_count.to_string()));
    if !manifest.selection.is_empty() {
        rows.push(("verify-selection", shown(&manifest.selection).into_owned()));
    }
    if !manifest.redacted.is_empty() {
        rows.push((
            "verify-redacted",
            shown(&manifest.redacted.join(", ")).into_owned(),
        ));
    }
    match check_acceptable(&opened, vault.trust(), Signer::MayBeNew, context.now) {
        Err(problem) => {
            let why = Failure::from(problem).message.in_lang(lang);
            rows.push((
                "verify-import",
                t!(lang, "verify-would-be-refused", why = why),
            ));
        }
        // What to do next: look at the plan, then import, trusting the
        // signer by the fingerprint they read aloud if need be.
        Ok(()) => {
            let next = if vault.trust().by_key(&manifest.signer).is_some() {
                t!(lang, "verify-next-trusted", file = shown_path(file))
            } else {
                t!(
                    lang,
                    "verify-next-untrusted",
                    file = shown_path(file),
                    fingerprint = opened.fingerprint.as_str()
                )
            };
            rows.push(("verify-next", next));
        }
    }
    let labels: Vec<String> = rows.iter().map(|(id, _)| t!(lang, id)).collect();
    let width = labels.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 2;
    for (label, (_, value)) in labels.iter().zip(&rows) {
        let pad = width - label.chars().count();
        writeln!(out, "{label}{:pad$}{value}", "")?;
    }
    Ok(())
}

pub fn import(context: &mut Context, args: ImportArgs, out: &mut Output) -> CommandResult {
    let fingerprint = args
        .trust_fingerprint
        .as_deref()
        .map(bundle::parse_fingerprint)
        .transpose()?;
    let mut vault = context.unlock()?;
    let lang = context.lang;
    let opened = open_bundle(&vault, &args.file, &args.passphrase, lang)?;
    if let Some(fingerprint) = &fingerprint {
        bundle::check_fingerprint(&opened, fingerprint)?;
    }
    let trusting = args.trust_signer || fingerprint.is_some();
    let trust_as = if trusting && vault.trust().by_key(&opened.manifest.signer).is_none() {
        Some(args.signer_name.clone().unwrap_or_else(|| {
            t!(
                lang,
                "default-signer-name",
                fingerprint = &opened.fingerprint[..9]
            )
        }))
    } else {
        None
    };
    let signer = if trusting {
        Signer::MayBeNew
    } else {
        Signer::MustBeTrusted
    };
    // A dry run shows any correctly signed bundle, trusted or not, and says
    // why an import would be refused; an import refuses here.
    let refusal = match check_acceptable(&opened, vault.trust(), signer, context.now) {
        Ok(()) => None,
        Err(problem) if args.dry_run => Some(problem),
        Err(problem) => return Err(problem.into()),
    };
    let prefer = match args.prefer {
        PreferArg::Local => Prefer::Local,
        PreferArg::Bundle => Prefer::Bundle,
    };
    let plan = vault_limit(bundle::plan(&vault, &opened, prefer), args.allow_large);
    let counts = plan.counts();
    if args.json {
        let mut report = serde_json::json!({
            "bundle": bundle_json(&vault, &opened),
            "plan": plan.items.iter().map(|item| serde_json::json!({
                "id": item.id.to_string(),
                "name": item.name,
                "outcome": item.outcome.as_str(),
                "fields": item.fields,
                "takes_bundle": item.takes_bundle,
            })).collect::<Vec<_>>(),
            "counts": {
                "new": counts.new,
                "updated": counts.updated,
                "unchanged": counts.unchanged,
                "conflicts": counts.conflicts,
            },
            "applied": false,
            "written": 0,
            "trusted_as": trust_as,
            "import_refused": refusal.as_ref().map(|problem| problem.to_string()),
        });
        if !args.dry_run {
            let summary =
                bundle::apply(&mut vault, &opened, plan, trust_as.as_deref(), context.now)?;
            context.close(vault);
            report["applied"] = true.into();
            report["written"] = summary.written.into();
        }
        writeln!(out, "{}", text::json(&report.to_string()))?;
        return Ok(());
    }
    print_plan(&plan, &opened, vault.trust(), lang, out)?;
    if args.dry_run {
        return dry_run_ending(&vault, &opened, &plan, refusal, &args.file, lang, out);
    }
    let summary = bundle::apply(&mut vault, &opened, plan, trust_as.as_deref(), context.now)?;
    context.close(vault);
    if let Some(name) = &trust_as {
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-now-trusting",
                name = name.as_str(),
                fingerprint = opened.fingerprint.as_str()
            )
        )?;
    }
    writeln!(
        out,
        "{}",
        t!(lang, "cli-imported", summary = summary.in_lang(lang))
    )?;
    Ok(())
}

/// What `import --dry-run` prints after the plan: why an import would be
/// refused (an untrusted signer is the next step, not a refusal), the vault
/// limit, that nothing changed, and for an untrusted signer the command
/// that trusts them by the fingerprint they read out.
fn dry_run_ending(
    vault: &Vault,
    opened: &OpenedBundle,
    plan: &bundle::Plan,
    refusal: Option<BundleError>,
    file: &Path,
    lang: Lang,
    out: &mut Output,
) -> CommandResult {
    let untrusted = matches!(refusal, Some(BundleError::Untrusted { .. }));
    if let Some(problem) = refusal.filter(|_| !untrusted) {
        let why = Failure::from(problem).message.in_lang(lang);
        writeln!(
            out,
            "{} {}",
            t!(lang, "verify-import"),
            t!(lang, "verify-would-be-refused", why = why)
        )?;
    }
    if let Err(BundleError::VaultLimit { after, limit }) = plan.check_growth(vault) {
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-dry-run-vault-limit",
                after = after,
                limit = limit
            )
        )?;
    }
    writeln!(out, "{}", t!(lang, "cli-dry-run-changed-nothing"))?;
    if untrusted {
        writeln!(
            out,
            "{}",
            t!(
                lang,
                "cli-next-trust-fingerprint",
                fingerprint = opened.fingerprint.as_str(),
                file = shown_path(file)
            )
        )?;
    }
    Ok(())
}

/// The test suite's way to reach the vault limit with a few records: it
/// can lower the limit, never raise it.
const TEST_VAULT_LIMIT_ENV: &str = "PAMPHLET_TEST_MAX_VAULT_RECORDS";

/// The plan with the vault limit `import` applies: none with
/// `--allow-large`, else `MAX_VAULT_RECORDS` or the test's lower one.
fn vault_limit(plan: bundle::Plan, allow_large: bool) -> bundle::Plan {
    if allow_large {
        return plan.allow_large();
    }
    match std::env::var(TEST_VAULT_LIMIT_ENV)
        .ok()
        .and_then(|text| text.parse().ok())
    {
        Some(limit) => plan.limit_vault_to(limit),
        None => plan,
    }
}

/// Who signed the bundle, as `verify` and `import` say it: the name in the
/// keyring, or "untrusted", and the fingerprint.
fn signer_text(opened: &OpenedBundle, trust: &TrustState, lang: Lang) -> String {
    match trust.by_key(&opened.manifest.signer) {
        Some(key) => t!(
            lang,
            "verify-signer-trusted",
            name = key.name.as_str(),
            fingerprint = opened.fingerprint.as_str()
        ),
        None => t!(
            lang,
            "verify-signer-untrusted",
            fingerprint = opened.fingerprint.as_str()
        ),
    }
}

/// What `verify --json` and `import --json` say about a bundle.
fn bundle_json(vault: &Vault, opened: &OpenedBundle) -> serde_json::Value {
    let manifest = &opened.manifest;
    serde_json::json!({
        "signature": "good",
        "signer_key": manifest.signer,
        "signer_name": vault.trust().by_key(&manifest.signer).map(|k| k.name.clone()),
        "fingerprint": opened.fingerprint,
        "bundle_id": manifest.bundle_id.to_string(),
        "sequence": manifest.sequence,
        "created_at": rfc3339(manifest.created_at),
        "expires_at": manifest.expires_at.map(rfc3339),
        "record_count": manifest.record_count,
        "selection": manifest.selection,
        "redacted": manifest.redacted,
    })
}

/// The bundle, its signer, and the plan's lines for the records it would
/// change.
fn print_plan(
    plan: &bundle::Plan,
    opened: &OpenedBundle,
    trust: &TrustState,
    lang: Lang,
    out: &mut Output,
) -> io::Result<()> {
    writeln!(
        out,
        "{}",
        t!(
            lang,
            "cli-bundle-from",
            sequence = opened.manifest.sequence,
            fingerprint = opened.fingerprint.as_str(),
            count = opened.manifest.record_count
        )
    )?;
    writeln!(
        out,
        "{} {}",
        t!(lang, "verify-signer"),
        signer_text(opened, trust, lang)
    )?;
    for item in &plan.items {
        if item.outcome != Outcome::Unchanged {
            writeln!(out, "{}", shown(&item.line(lang)))?;
        }
    }
    Ok(())
}

fn open_bundle(
    vault: &Vault,
    file: &Path,
    passphrase: &BundlePassphrase,
    lang: Lang,
) -> Result<OpenedBundle, Failure> {
    let identity = vault.age_identity();
    let without = bundle::open(
        file,
        Decryption {
            identity: Some(identity),
            passphrase: None,
        },
    );
    match without {
        Err(BundleError::NeedsPassphrase) => {
            let secret = match &passphrase.bundle_passphrase_file {
                Some(path) => read_first_line(path)?,
                None => match std::env::var("PAMPHLET_BUNDLE_PASSPHRASE") {
                    Ok(text) => SecretString::from(text),
                    Err(_) => rpassword::prompt_password(t!(lang, "prompt-bundle-passphrase"))
                        .map(SecretString::from)
                        .map_err(|_| Failure::from(BundleError::NeedsPassphrase))?,
                },
            };
            bundle::open(
                file,
                Decryption {
                    identity: Some(identity),
                    passphrase: Some(&secret),
                },
            )
            .map_err(|error| bundle_failure(file, error))
        }
        other => other.map_err(|error| bundle_failure(file, error)),
    }
}

/// A bundle that does not open. A file that is no bundle at all is named,
/// and, when it looks like something pamphlet reads another way, the
/// command for it is suggested.
fn bundle_failure(file: &Path, error: BundleError) -> Failure {
    match error {
        BundleError::NotABundle(_) => {
            let name = file.display().to_string();
            let size = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
            if size > bundle::MAX_BUNDLE_BYTES {
                return Failure::new(msg!(
                    "bundle-too-big",
                    file = name.as_str(),
                    bytes = size,
                    max = bundle::MAX_BUNDLE_BYTES
                ))
                .hint(msg!("hint-not-a-bundle"));
            }
            let (looks, hint) = match super::sniff::looks_like(file) {
                super::sniff::Looks::Json => {
                    ("looks-json", msg!("hint-use-load", file = name.as_str()))
                }
                super::sniff::Looks::Csv => (
                    "looks-csv",
                    msg!("hint-use-import-csv", file = name.as_str()),
                ),
                super::sniff::Looks::Hsds => ("looks-hsds", msg!("hint-use-import-hsds")),
                super::sniff::Looks::Empty => ("looks-empty", msg!("hint-not-a-bundle")),
                super::sniff::Looks::Other => ("looks-other", msg!("hint-not-a-bundle")),
            };
            Failure::new(msg!(
                "bundle-not-a-bundle-file",
                file = name.as_str(),
                looks = msg!(looks)
            ))
            .hint(hint)
        }
        BundleError::Io(error) => cannot_read(file, &error),
        other => other.into(),
    }
}

fn read_first_line(path: &Path) -> Result<SecretString, Failure> {
    // The whole file is as secret as its first line: cleared when dropped.
    let text =
        zeroize::Zeroizing::new(fs::read_to_string(path).map_err(|e| cannot_read(path, &e))?);
    Ok(SecretString::from(
        text.lines().next().unwrap_or("").to_owned(),
    ))
}

/// `--expires DATE`: the bundle is refused from the start of the next day, UTC.
fn parse_expiry(text: &str) -> Result<OffsetDateTime, Failure> {
    let date = model::parse_date(text.trim()).ok_or_else(|| {
        Failure::usage(msg!("expires-not-a-date", text = text)).hint(msg!("hint-expires"))
    })?;
    let next = date
        .next_day()
        .ok_or_else(|| Failure::usage(msg!("expires-too-far")).hint(msg!("hint-expires")))?;
    Ok(next.midnight().assume_utc())
}

fn rfc3339(when: OffsetDateTime) -> String {
    when.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

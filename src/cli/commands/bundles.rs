//! The commands about bundles: `export`, `verify`, `import`.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use pamphlet::bundle::{
    self, check_acceptable, BundleError, Decryption, Encryption, ExportOptions, OpenedBundle,
    Outcome, Prefer, Signer,
};
use pamphlet::model;
use pamphlet::text::{self, shown};
use pamphlet::vault::Vault;
use secrecy::SecretString;
use time::OffsetDateTime;

use crate::cli::args::{BundlePassphrase, ExportArgs, ImportArgs, PreferArg};
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::files;
use crate::cli::input::select;
use crate::cli::output::{shown_path, Output};
use crate::cli::passphrase;

type CommandResult = Result<(), Failure>;

pub fn export(context: &Context, args: ExportArgs, out: &mut Output) -> CommandResult {
    let if_exists = files::if_exists(args.force);
    files::check_free(&args.out, if_exists)?;
    let has_recipients = !args.recipients.is_empty() || args.recipients_file.is_some();
    if has_recipients && args.passphrase.bundle_passphrase_file.is_some() {
        return Err(Failure::new(
            "a bundle is encrypted to a passphrase or to recipients, not both",
        ));
    }
    let expires_at = args.expires.as_deref().map(parse_expiry).transpose()?;
    let mut vault = context.unlock()?;
    let encryption = if has_recipients {
        let mut lines: Vec<String> = args.recipients.clone();
        if let Some(file) = &args.recipients_file {
            let text = fs::read_to_string(file)
                .map_err(|e| Failure::new(format!("cannot read {}: {e}", file.display())))?;
            lines.extend(text.lines().map(str::to_owned));
        }
        Encryption::recipients(lines.iter().map(String::as_str))?
    } else {
        let passphrase = passphrase::new(
            args.passphrase.bundle_passphrase_file.as_deref(),
            "PAMPHLET_BUNDLE_PASSPHRASE",
        )?;
        Encryption::Passphrase(passphrase, passphrase::work_factor())
    };
    let query = args.query.join(" ");
    let ids = select(&vault, &query)?;
    if ids.is_empty() {
        return Err(Failure::new(format!(
            "no records match {query:?}; nothing exported"
        )));
    }
    let chatty = io::stderr().is_terminal() && ids.len() > 5000;
    if chatty {
        eprint!("signing and encrypting {} records…\r", ids.len());
    }
    let options = ExportOptions::new(encryption, context.now)
        .selection(query)
        .redact(args.redact)
        .expires_at(expires_at);
    let summary = bundle::export(&mut vault, &ids, options)?;
    files::write(&args.out, &summary.bytes, if_exists)?;
    writeln!(
        out,
        "exported {} records to {} (sequence {}, {} bytes)",
        summary.manifest.record_count,
        shown_path(&args.out),
        summary.manifest.sequence,
        summary.bytes.len()
    )?;
    Ok(())
}

pub fn verify(
    context: &Context,
    file: &Path,
    passphrase: &BundlePassphrase,
    json: bool,
    out: &mut Output,
) -> CommandResult {
    let vault = context.unlock()?;
    let opened = open_bundle(&vault, file, passphrase)?;
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
    let signer = match vault.trust().by_key(&manifest.signer) {
        Some(key) => format!("{} ({})", shown(&key.name), opened.fingerprint),
        None => format!("untrusted ({})", opened.fingerprint),
    };
    writeln!(out, "signature:  good")?;
    writeln!(out, "signer:     {signer}")?;
    writeln!(out, "sequence:   {}", manifest.sequence)?;
    writeln!(out, "created:    {}", rfc3339(manifest.created_at))?;
    if let Some(expires) = manifest.expires_at {
        writeln!(out, "expires:    {}", rfc3339(expires))?;
    }
    writeln!(out, "records:    {}", manifest.record_count)?;
    if !manifest.selection.is_empty() {
        writeln!(out, "selection:  {}", shown(&manifest.selection))?;
    }
    if !manifest.redacted.is_empty() {
        writeln!(out, "redacted:   {}", shown(&manifest.redacted.join(", ")))?;
    }
    match check_acceptable(&opened, vault.trust(), Signer::MayBeNew, context.now) {
        Ok(()) => {}
        Err(problem) => writeln!(
            out,
            "import:     would be refused: {}",
            shown(&problem.to_string())
        )?,
    }
    Ok(())
}

pub fn import(context: &Context, args: ImportArgs, out: &mut Output) -> CommandResult {
    let mut vault = context.unlock()?;
    let opened = open_bundle(&vault, &args.file, &args.passphrase)?;
    let trust_as = if args.trust_signer && vault.trust().by_key(&opened.manifest.signer).is_none() {
        Some(
            args.signer_name
                .clone()
                .unwrap_or_else(|| format!("signer {}", &opened.fingerprint[..9])),
        )
    } else {
        None
    };
    let signer = if args.trust_signer {
        Signer::MayBeNew
    } else {
        Signer::MustBeTrusted
    };
    check_acceptable(&opened, vault.trust(), signer, context.now)?;
    let prefer = match args.prefer {
        PreferArg::Local => Prefer::Local,
        PreferArg::Bundle => Prefer::Bundle,
    };
    let plan = bundle::plan(&vault, &opened, prefer);
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
        });
        if !args.dry_run {
            let summary =
                bundle::apply(&mut vault, &opened, plan, trust_as.as_deref(), context.now)?;
            report["applied"] = true.into();
            report["written"] = summary.written.into();
        }
        writeln!(out, "{}", text::json(&report.to_string()))?;
        return Ok(());
    }
    print_plan(&plan, &opened, out)?;
    if args.dry_run {
        writeln!(out, "dry run: nothing was changed")?;
        return Ok(());
    }
    let summary = bundle::apply(&mut vault, &opened, plan, trust_as.as_deref(), context.now)?;
    if let Some(name) = &trust_as {
        writeln!(out, "now trusting {} ({})", shown(name), opened.fingerprint)?;
    }
    writeln!(out, "imported: {}", shown(&summary.to_string()))?;
    Ok(())
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

fn print_plan(plan: &bundle::Plan, opened: &OpenedBundle, out: &mut Output) -> io::Result<()> {
    writeln!(
        out,
        "bundle #{} from {}: {} records",
        opened.manifest.sequence, opened.fingerprint, opened.manifest.record_count
    )?;
    for item in &plan.items {
        if item.outcome != Outcome::Unchanged {
            writeln!(out, "{}", shown(&item.to_string()))?;
        }
    }
    Ok(())
}

fn open_bundle(
    vault: &Vault,
    file: &Path,
    passphrase: &BundlePassphrase,
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
                    Err(_) => rpassword::prompt_password("Bundle passphrase: ")
                        .map(SecretString::from)
                        .map_err(|_| Failure::from(BundleError::NeedsPassphrase))?,
                },
            };
            Ok(bundle::open(
                file,
                Decryption {
                    identity: Some(identity),
                    passphrase: Some(&secret),
                },
            )?)
        }
        other => Ok(other?),
    }
}

fn read_first_line(path: &Path) -> Result<SecretString, Failure> {
    // The whole file is as secret as its first line: cleared when dropped.
    let text = zeroize::Zeroizing::new(
        fs::read_to_string(path)
            .map_err(|e| Failure::new(format!("cannot read {}: {e}", path.display())))?,
    );
    Ok(SecretString::from(
        text.lines().next().unwrap_or("").to_owned(),
    ))
}

/// `--expires DATE`: the bundle is refused from the start of the next day, UTC.
fn parse_expiry(text: &str) -> Result<OffsetDateTime, Failure> {
    let date = model::parse_date(text.trim()).ok_or_else(|| {
        Failure::new(format!("--expires {text:?} is not a date"))
            .hint("give the last day the bundle may be imported, as YYYY-MM-DD")
    })?;
    let next = date
        .next_day()
        .ok_or_else(|| Failure::new("--expires is too far away"))?;
    Ok(next.midnight().assume_utc())
}

fn rfc3339(when: OffsetDateTime) -> String {
    when.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

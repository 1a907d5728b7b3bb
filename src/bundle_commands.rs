//! The commands about keys and bundles: `keys …`, `export`, `verify`,
//! `import`.

use std::fs;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use pamphlet::bundle::{
    self, check_acceptable, BundleError, Decryption, Encryption, ExportOptions, OpenedBundle,
    Outcome, Prefer,
};
use pamphlet::model;
use pamphlet::vault::{TrustedKey, Vault};
use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

use crate::cli::{BundlePassphrase, ExportArgs, ImportArgs, KeysCommand, PreferArg};
use crate::commands::{select, Context, Failure};
use crate::passphrase;

type CommandResult = Result<(), Failure>;

impl From<BundleError> for Failure {
    fn from(error: BundleError) -> Failure {
        let failure = Failure::new(error.to_string());
        match error {
            BundleError::NeedsPassphrase => {
                failure.hint("give --bundle-passphrase-file FILE, or type it when asked")
            }
            BundleError::NotForUs => failure.hint(
                "ask the sender to export to your age recipient (`pamphlet keys show`)",
            ),
            BundleError::Untrusted { .. } => failure.hint(
                "compare the fingerprint with the signer, aloud; then `pamphlet keys trust NAME KEY` or import with --trust-signer",
            ),
            BundleError::Replayed { .. } => {
                failure.hint("ask the signer for their newest bundle; nothing was imported")
            }
            BundleError::Vault(inner) => Failure::from(inner),
            _ => failure,
        }
    }
}

pub fn keys(context: &Context, command: KeysCommand) -> CommandResult {
    let mut vault = context.unlock()?;
    match command {
        KeysCommand::Show { qr } => {
            let identity = bundle::public_identity(vault.keys())?;
            println!("signing key (minisign): {}", identity.signing_key);
            println!("age recipient:          {}", identity.recipient);
            println!("fingerprint:            {}", identity.fingerprint);
            if qr {
                for (label, text) in [
                    ("signing key", &identity.signing_key),
                    ("age recipient", &identity.recipient),
                ] {
                    println!("\n{label}:\n{}", bundle::qr_text(text)?);
                }
            }
        }
        KeysCommand::List { json } => {
            let trust = vault.trust();
            if trust.keys.is_empty() && !json {
                eprintln!("no trusted signers yet; add one with `pamphlet keys trust NAME KEY`");
            }
            for key in &trust.keys {
                let last = trust.last_seen.get(&key.public_key).copied().unwrap_or(0);
                if json {
                    let line = serde_json::json!({
                        "name": key.name,
                        "public_key": key.public_key,
                        "fingerprint": bundle::fingerprint(&key.public_key),
                        "recipient": key.recipient,
                        "added_at": key.added_at.format(&time::format_description::well_known::Rfc3339).unwrap_or_default(),
                        "last_sequence": last,
                    });
                    println!("{line}");
                } else {
                    println!(
                        "{}  {}  (last bundle: {})",
                        key.name,
                        bundle::fingerprint(&key.public_key),
                        if last == 0 {
                            "none".to_owned()
                        } else {
                            format!("#{last}")
                        }
                    );
                }
            }
        }
        KeysCommand::Trust {
            name,
            public_key,
            recipient,
        } => {
            let name = name.trim().to_owned();
            if name.is_empty() {
                return Err(Failure::new("a trusted key needs a name"));
            }
            let public_key = public_key.trim().to_owned();
            if minisign::PublicKey::from_base64(&public_key).is_err() {
                return Err(Failure::new("not a minisign public key")
                    .hint("copy the `signing key` line that `pamphlet keys show` prints (RW…)"));
            }
            if let Some(recipient) = &recipient {
                Encryption::recipients([recipient.as_str()])?;
            }
            let mut trust = vault.trust().clone();
            if let Some(existing) = trust.by_name(&name) {
                return Err(Failure::new(format!(
                    "a key named {:?} is already trusted",
                    existing.name
                )));
            }
            if let Some(existing) = trust.by_key(&public_key) {
                return Err(Failure::new(format!(
                    "this key is already trusted as {:?}",
                    existing.name
                )));
            }
            let fingerprint = bundle::fingerprint(&public_key);
            trust.keys.push(TrustedKey {
                name: name.clone(),
                public_key,
                recipient,
                added_at: model::truncate_to_seconds(context.now),
            });
            vault.set_trust(trust)?;
            println!("trusting {name} ({fingerprint})");
        }
        KeysCommand::Untrust { name } => {
            let mut trust = vault.trust().clone();
            let before = trust.keys.len();
            trust
                .keys
                .retain(|k| !k.name.eq_ignore_ascii_case(name.trim()));
            if trust.keys.len() == before {
                return Err(Failure::new(format!("no trusted key named {name:?}"))
                    .hint("`pamphlet keys list` shows the names"));
            }
            // The last sequence seen stays: re-trusting later must not
            // reopen the door to replayed bundles.
            vault.set_trust(trust)?;
            println!("no longer trusting {name}");
        }
        KeysCommand::ExportIdentity { force } => {
            if io::stdout().is_terminal() && !force {
                return Err(
                    Failure::new("refusing to print a secret key to the terminal")
                        .hint("redirect it to a file on an encrypted disk, or give --force"),
                );
            }
            eprintln!("warning: this is your secret age identity; anyone holding it can open bundles sent to you");
            let identity = SecretString::from(vault.keys().age_identity.clone());
            println!("{}", identity.expose_secret());
        }
    }
    Ok(())
}

pub fn export(context: &Context, args: ExportArgs) -> CommandResult {
    if args.out.exists() && !args.force {
        return Err(
            Failure::new(format!("{} exists already", args.out.display()))
                .hint("choose another --out, or give --force to replace it"),
        );
    }
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
    let summary = bundle::export(
        &mut vault,
        &ids,
        ExportOptions {
            selection: query,
            redact: args.redact,
            expires_at,
            encryption,
            now: context.now,
        },
    )?;
    write_new_file(&args.out, &summary.bytes)?;
    println!(
        "exported {} records to {} (sequence {}, {} bytes)",
        summary.manifest.record_count,
        args.out.display(),
        summary.manifest.sequence,
        summary.bytes.len()
    );
    Ok(())
}

pub fn verify(
    context: &Context,
    file: &Path,
    passphrase: &BundlePassphrase,
    json: bool,
) -> CommandResult {
    let vault = context.unlock()?;
    let opened = open_bundle(&vault, file, passphrase)?;
    let manifest = &opened.manifest;
    if json {
        let mut summary = bundle_json(&vault, &opened);
        let refusal = check_acceptable(&opened, vault.trust(), true, context.now)
            .err()
            .map(|problem| problem.to_string());
        summary["import_refused"] = refusal.into();
        println!("{summary}");
        return Ok(());
    }
    let signer = match vault.trust().by_key(&manifest.signer) {
        Some(key) => format!("{} ({})", key.name, opened.fingerprint),
        None => format!("untrusted ({})", opened.fingerprint),
    };
    println!("signature:  good");
    println!("signer:     {signer}");
    println!("sequence:   {}", manifest.sequence);
    println!("created:    {}", rfc3339(manifest.created_at));
    if let Some(expires) = manifest.expires_at {
        println!("expires:    {}", rfc3339(expires));
    }
    println!("records:    {}", manifest.record_count);
    if !manifest.selection.is_empty() {
        println!("selection:  {}", manifest.selection);
    }
    if !manifest.redacted.is_empty() {
        println!("redacted:   {}", manifest.redacted.join(", "));
    }
    match check_acceptable(&opened, vault.trust(), true, context.now) {
        Ok(()) => {}
        Err(problem) => println!("import:     would be refused: {problem}"),
    }
    Ok(())
}

pub fn import(context: &Context, args: ImportArgs) -> CommandResult {
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
    check_acceptable(&opened, vault.trust(), args.trust_signer, context.now)?;
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
        println!("{report}");
        return Ok(());
    }
    print_plan(&plan, &opened)?;
    if args.dry_run {
        println!("dry run: nothing was changed");
        return Ok(());
    }
    let summary = bundle::apply(&mut vault, &opened, plan, trust_as.as_deref(), context.now)?;
    if let Some(name) = &trust_as {
        println!("now trusting {name} ({})", opened.fingerprint);
    }
    println!("imported: {summary}");
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

fn print_plan(plan: &bundle::Plan, opened: &OpenedBundle) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(
        out,
        "bundle #{} from {}: {} records",
        opened.manifest.sequence, opened.fingerprint, opened.manifest.record_count
    )?;
    for item in &plan.items {
        if item.outcome != Outcome::Unchanged {
            writeln!(out, "{item}")?;
        }
    }
    out.flush()
}

fn open_bundle(
    vault: &Vault,
    file: &Path,
    passphrase: &BundlePassphrase,
) -> Result<OpenedBundle, Failure> {
    let identity = vault.keys().age_identity.as_str();
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

/// Writes `bytes` to `path` through a temporary file in the same directory,
/// so a full or yanked USB stick never holds half a bundle under the name.
fn write_new_file(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".pamphlet-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Failure::new(format!("cannot write in {}: {e}", dir.display())))?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path)
        .map_err(|e| Failure::new(format!("cannot write {}: {}", path.display(), e.error)))?;
    Ok(())
}

fn rfc3339(when: OffsetDateTime) -> String {
    when.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

//! The commands about keys: `keys show`, `keys list`, `keys trust`,
//! `keys untrust`, `keys export-identity`.

use std::io::{self, IsTerminal, Write};

use pamphlet::bundle::{self, Encryption};
use pamphlet::model;
use pamphlet::text::{self, shown};
use pamphlet::vault::{TrustedKey, Vault};
use secrecy::ExposeSecret;
use time::OffsetDateTime;

use crate::cli::args::KeysCommand;
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::output::Output;

type CommandResult = Result<(), Failure>;

pub fn keys(context: &Context, command: KeysCommand, out: &mut Output) -> CommandResult {
    let mut vault = context.unlock()?;
    match command {
        KeysCommand::Show { qr } => show(&vault, qr, out),
        KeysCommand::List { json } => list(&vault, json, out),
        KeysCommand::Trust {
            name,
            public_key,
            recipient,
        } => trust(&mut vault, name, public_key, recipient, context.now, out),
        KeysCommand::Untrust { name } => untrust(&mut vault, &name, out),
        KeysCommand::ExportIdentity { force } => export_identity(&vault, force, out),
    }
}

fn show(vault: &Vault, qr: bool, out: &mut Output) -> CommandResult {
    let identity = bundle::public_identity(vault);
    writeln!(out, "signing key (minisign): {}", identity.signing_key)?;
    writeln!(out, "age recipient:          {}", identity.recipient)?;
    writeln!(out, "fingerprint:            {}", identity.fingerprint)?;
    if qr {
        for (label, text) in [
            ("signing key", &identity.signing_key),
            ("age recipient", &identity.recipient),
        ] {
            writeln!(out, "\n{label}:\n{}", bundle::qr_text(text)?)?;
        }
    }
    Ok(())
}

fn list(vault: &Vault, json: bool, out: &mut Output) -> CommandResult {
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
            writeln!(out, "{}", text::json(&line.to_string()))?;
        } else {
            writeln!(
                out,
                "{}  {}  (last bundle: {})",
                shown(&key.name),
                bundle::fingerprint(&key.public_key),
                if last == 0 {
                    "none".to_owned()
                } else {
                    format!("#{last}")
                }
            )?;
        }
    }
    Ok(())
}

/// `keys trust NAME KEY [--recipient AGE1…]`.
fn trust(
    vault: &mut Vault,
    name: String,
    public_key: String,
    recipient: Option<String>,
    now: OffsetDateTime,
    out: &mut Output,
) -> CommandResult {
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
        added_at: model::truncate_to_seconds(now),
    });
    vault.set_trust(trust)?;
    writeln!(out, "trusting {} ({fingerprint})", shown(&name))?;
    Ok(())
}

fn untrust(vault: &mut Vault, name: &str, out: &mut Output) -> CommandResult {
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
    writeln!(out, "no longer trusting {}", shown(name))?;
    Ok(())
}

fn export_identity(vault: &Vault, force: bool, out: &mut Output) -> CommandResult {
    if io::stdout().is_terminal() && !force {
        return Err(
            Failure::new("refusing to print a secret key to the terminal")
                .hint("redirect it to a file on an encrypted disk, or give --force"),
        );
    }
    eprintln!(
        "warning: this is your secret age identity; anyone holding it can open bundles sent to you"
    );
    let identity = vault.age_identity().to_string();
    writeln!(out, "{}", identity.expose_secret())?;
    Ok(())
}

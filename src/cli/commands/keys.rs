//! The commands about keys: `keys show`, `keys list`, `keys trust`,
//! `keys untrust`, `keys export-identity`.

use std::io::{self, IsTerminal, Write};

use pamphlet::bundle::{self, Encryption};
use pamphlet::i18n::Lang;
use pamphlet::model;
use pamphlet::text;
use pamphlet::vault::{TrustedKey, Vault};
use pamphlet::{msg, t};
use secrecy::ExposeSecret;
use time::OffsetDateTime;

use crate::cli::args::KeysCommand;
use crate::cli::context::Context;
use crate::cli::failure::Failure;
use crate::cli::output::Output;

type CommandResult = Result<(), Failure>;

pub fn keys(context: &mut Context, command: KeysCommand, out: &mut Output) -> CommandResult {
    let mut vault = context.unlock()?;
    let lang = context.lang;
    let result = match command {
        KeysCommand::Show { qr } => show(&vault, qr, lang, out),
        KeysCommand::List { json } => list(&vault, json, lang, out),
        KeysCommand::Trust {
            name,
            public_key,
            recipient,
        } => trust(&mut vault, name, public_key, recipient, context, out),
        KeysCommand::Untrust { name } => untrust(&mut vault, &name, lang, out),
        KeysCommand::ExportIdentity { force } => export_identity(&vault, force, lang, out),
    };
    context.close(vault);
    result
}

fn show(vault: &Vault, qr: bool, lang: Lang, out: &mut Output) -> CommandResult {
    let identity = bundle::public_identity(vault);
    let rows = [
        (t!(lang, "keys-signing-key"), &identity.signing_key),
        (t!(lang, "keys-age-recipient"), &identity.recipient),
        (t!(lang, "keys-fingerprint"), &identity.fingerprint),
    ];
    let width = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    for (label, value) in &rows {
        let pad = width - label.chars().count() - 1;
        writeln!(out, "{label}:{:pad$}{value}", "")?;
    }
    if qr {
        for (label, text) in rows.iter().take(2) {
            writeln!(out, "\n{label}:\n{}", bundle::qr_text(text)?)?;
        }
    }
    Ok(())
}

fn list(vault: &Vault, json: bool, lang: Lang, out: &mut Output) -> CommandResult {
    let trust = vault.trust();
    if trust.keys.is_empty() && !json {
        eprintln!("{}", t!(lang, "keys-none-yet"));
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
                "{}",
                t!(
                    lang,
                    "keys-list-line",
                    name = key.name.as_str(),
                    fingerprint = bundle::fingerprint(&key.public_key),
                    last = last
                )
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
    context: &mut Context,
    out: &mut Output,
) -> CommandResult {
    let now: OffsetDateTime = context.now;
    let name = name.trim().to_owned();
    if name.is_empty() {
        return Err(Failure::usage(msg!("keys-name-empty")).hint(msg!("hint-keys-name")));
    }
    let public_key = public_key.trim().to_owned();
    if minisign::PublicKey::from_base64(&public_key).is_err() {
        return Err(Failure::usage(msg!("keys-not-a-key")).hint(msg!("hint-keys-copy")));
    }
    if let Some(recipient) = &recipient {
        Encryption::recipients([recipient.as_str()])?;
    }
    let mut trust = vault.trust().clone();
    if let Some(existing) = trust.by_name(&name) {
        return Err(
            Failure::new(msg!("keys-name-taken", name = existing.name.as_str()))
                .hint(msg!("hint-keys-list")),
        );
    }
    if let Some(existing) = trust.by_key(&public_key) {
        return Err(
            Failure::new(msg!("keys-already-trusted", name = existing.name.as_str()))
                .hint(msg!("hint-keys-list")),
        );
    }
    let fingerprint = bundle::fingerprint(&public_key);
    trust.keys.push(TrustedKey {
        name: name.clone(),
        public_key,
        recipient,
        added_at: model::truncate_to_seconds(now),
    });
    vault.set_trust(trust)?;
    writeln!(
        out,
        "{}",
        t!(
            context.lang,
            "cli-now-trusting",
            name = name,
            fingerprint = fingerprint
        )
    )?;
    Ok(())
}

fn untrust(vault: &mut Vault, name: &str, lang: Lang, out: &mut Output) -> CommandResult {
    let mut trust = vault.trust().clone();
    let before = trust.keys.len();
    trust
        .keys
        .retain(|k| !k.name.eq_ignore_ascii_case(name.trim()));
    if trust.keys.len() == before {
        return Err(
            Failure::new(msg!("keys-no-such-name", name = name)).hint(msg!("hint-keys-list"))
        );
    }
    // The last sequence seen stays: re-trusting later must not
    // reopen the door to replayed bundles.
    vault.set_trust(trust)?;
    writeln!(out, "{}", t!(lang, "cli-untrusted", name = name))?;
    Ok(())
}

fn export_identity(vault: &Vault, force: bool, lang: Lang, out: &mut Output) -> CommandResult {
    if io::stdout().is_terminal() && !force {
        return Err(Failure::new(msg!("keys-secret-to-terminal")).hint(msg!("hint-secret-to-file")));
    }
    eprintln!("{}", t!(lang, "warning-secret-identity"));
    let identity = vault.age_identity().to_string();
    writeln!(out, "{}", identity.expose_secret())?;
    Ok(())
}

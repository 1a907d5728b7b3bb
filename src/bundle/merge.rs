//! What an import would change, and changing it.
//!
//! For each record in the bundle: **new** (no local record with its id),
//! **unchanged** (same content), **updated** (the local record is as this
//! same signer last sent it, so their newer version replaces it), or
//! **conflicting** (the local record was changed here since, was never
//! imported, or was vouched for by another signer: a merge could lose
//! someone's edit, or let one trusted signer quietly overwrite another). A
//! conflict keeps the local record unless the caller prefers the bundle.
//! Deletions are never applied: a record missing from a bundle stays.

use time::OffsetDateTime;
use uuid::Uuid;

use super::export::unredact;
use super::limits::{check_growth, MAX_VAULT_RECORDS};
use super::{check_acceptable, BundleError, OpenedBundle, Signer};
use crate::i18n::{Lang, Message};
use crate::model::{short_id, Record};
use crate::vault::{record_hash, Provenance, TrustedKey, Vault};

/// Which side wins a conflict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Prefer {
    #[default]
    Local,
    Bundle,
}

/// What importing does to one record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    New,
    Updated,
    Unchanged,
    Conflict,
}

impl Outcome {
    /// The outcome as a word of `lang`: "new", "nueva"…
    pub fn word(self, lang: Lang) -> String {
        lang.text(&format!("plan-{}", self.as_str()), &[])
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::New => "new",
            Outcome::Updated => "updated",
            Outcome::Unchanged => "unchanged",
            Outcome::Conflict => "conflict",
        }
    }
}

/// Why a change cannot simply be taken: the reason for a conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConflictReason {
    /// No bundle brought the local record: it was added or loaded here.
    NeverImported,
    /// The local record was changed here since it was imported.
    EditedHere,
    /// Another signer vouched for the local record. Only one of them speaks
    /// for a record at a time, or any trusted signer could rewrite what the
    /// others sent.
    VouchedByOther {
        /// Their name as the record's provenance remembers it.
        signer_name: String,
    },
}

impl ConflictReason {
    /// "added here", "edited here since", "vouched for by Rosa", in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match self {
            ConflictReason::NeverImported => crate::t!(lang, "plan-added-here"),
            ConflictReason::EditedHere => crate::model::edited_here(lang),
            ConflictReason::VouchedByOther { signer_name } => {
                crate::t!(lang, "vouch-by", source = signer_name.as_str())
            }
        }
    }
}

impl std::fmt::Display for ConflictReason {
    /// The reason in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// One record's line in the plan.
#[derive(Debug, Clone)]
pub struct PlanItem {
    pub id: Uuid,
    pub name: String,
    pub outcome: Outcome,
    /// The fields that differ from the local record.
    pub fields: Vec<&'static str>,
    /// Why it is a conflict; `None` for the other outcomes.
    pub conflict_reason: Option<ConflictReason>,
    /// Whether applying the plan writes the bundle's version.
    pub takes_bundle: bool,
    /// The record as it would be written: the bundle's, with redacted
    /// fields kept from the local record.
    merged: Record,
}

impl PlanItem {
    /// The first eight hex digits of the id.
    pub fn short_id(&self) -> String {
        short_id(&self.id)
    }

    /// For a conflict, whose version the import writes, in `lang`.
    pub fn resolution(&self, lang: Lang) -> Option<String> {
        match (self.outcome, self.takes_bundle) {
            (Outcome::Conflict, true) => Some(crate::t!(lang, "plan-taking-bundle")),
            (Outcome::Conflict, false) => Some(crate::t!(lang, "plan-keeping-local")),
            _ => None,
        }
    }

    /// The item's line after its outcome: the record as export previews
    /// list it (name, category, city and country, short id), the fields
    /// that change, and for a conflict why it is one and whose version is
    /// kept, as in "Clínica Girasol [clinic] Portland, US (1a2b3c4d):
    /// hours — vouched for by Rosa; keeping the local one". Through
    /// `text::shown`: one line, whatever the bundle's record holds. In
    /// `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        let mut text = self.merged.listing_line(&self.merged.category.word(lang));
        if !self.fields.is_empty() {
            text.push_str(": ");
            text.push_str(&self.fields.join(", "));
        }
        if let Some(resolution) = self.resolution(lang) {
            text.push_str(" — ");
            if let Some(reason) = &self.conflict_reason {
                text.push_str(&reason.in_lang(lang));
                text.push_str("; ");
            }
            text.push_str(&resolution);
        }
        crate::text::shown(&text).into_owned()
    }
}

impl PlanItem {
    /// The outcome in a column, then the summary: one line of a plan, in
    /// `lang`; the same on the command line and in the terminal UI.
    pub fn line(&self, lang: Lang) -> String {
        format!("{:<10} {}", self.outcome.word(lang), self.summary(lang))
    }
}

impl std::fmt::Display for PlanItem {
    /// [`PlanItem::line`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// How many records fall in each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub conflicts: usize,
}

/// What an import would do, record by record, in the bundle's order.
#[derive(Debug, Clone)]
pub struct Plan {
    pub items: Vec<PlanItem>,
    pub prefer: Prefer,
    /// The most records the vault may hold once the plan is applied:
    /// [`MAX_VAULT_RECORDS`] unless the caller says otherwise
    /// ([`Plan::allow_large`]).
    vault_limit: Option<usize>,
}

impl Plan {
    pub fn counts(&self) -> Counts {
        let mut counts = Counts::default();
        for item in &self.items {
            match item.outcome {
                Outcome::New => counts.new += 1,
                Outcome::Updated => counts.updated += 1,
                Outcome::Unchanged => counts.unchanged += 1,
                Outcome::Conflict => counts.conflicts += 1,
            }
        }
        counts
    }

    /// How many records applying the plan would write.
    pub fn writes(&self) -> usize {
        self.items.iter().filter(|item| item.takes_bundle).count()
    }

    /// Lets the plan grow the vault past [`MAX_VAULT_RECORDS`]: the
    /// organizer said so (`import --allow-large`).
    pub fn allow_large(mut self) -> Plan {
        self.vault_limit = None;
        self
    }

    /// A lower limit than [`MAX_VAULT_RECORDS`], for tests; never a higher
    /// one.
    pub fn limit_vault_to(mut self, records: usize) -> Plan {
        self.vault_limit = Some(records.min(self.vault_limit.unwrap_or(usize::MAX)));
        self
    }

    /// Refuses the plan if it would grow `vault` past its limit. `apply`
    /// checks this; callers ask first to say so before the review.
    pub fn check_growth(&self, vault: &Vault) -> Result<(), BundleError> {
        check_growth(vault.len(), self.counts().new, self.vault_limit)
    }
}

/// Works out what importing `bundle` would change. Reads only.
pub fn plan(vault: &Vault, bundle: &OpenedBundle, prefer: Prefer) -> Plan {
    let redacted = &bundle.manifest.redacted;
    let items = bundle
        .records
        .iter()
        .map(|incoming| {
            let local = vault.get(&incoming.id);
            let mut merged = incoming.clone();
            unredact(&mut merged, local, redacted);
            let (outcome, fields, conflict_reason) = match local {
                None => (Outcome::New, Vec::new(), None),
                Some(local) => {
                    let fields = local.differences(&merged);
                    if fields.is_empty() {
                        (Outcome::Unchanged, fields, None)
                    } else {
                        let vouched = vault.provenance(&local.id);
                        match conflict_reason(local, vouched, &bundle.manifest.signer) {
                            None => (Outcome::Updated, fields, None),
                            Some(reason) => (Outcome::Conflict, fields, Some(reason)),
                        }
                    }
                }
            };
            let takes_bundle = match outcome {
                Outcome::New | Outcome::Updated => true,
                Outcome::Unchanged => false,
                Outcome::Conflict => prefer == Prefer::Bundle,
            };
            PlanItem {
                id: incoming.id,
                name: incoming.name.clone(),
                outcome,
                fields,
                conflict_reason,
                takes_bundle,
                merged,
            }
        })
        .collect();
    Plan {
        items,
        prefer,
        vault_limit: Some(MAX_VAULT_RECORDS),
    }
}

/// Why `signer`'s different version of `local` is a conflict, or `None`
/// when it is an update: `local` is exactly what `signer` last sent.
/// A local edit is named before another signer: it is what keeping the
/// local record would save.
fn conflict_reason(
    local: &Record,
    vouched: Option<&Provenance>,
    signer: &str,
) -> Option<ConflictReason> {
    let Some(vouched) = vouched else {
        return Some(ConflictReason::NeverImported);
    };
    if vouched.edited_since_import(local) {
        Some(ConflictReason::EditedHere)
    } else if vouched.signer_key != signer {
        Some(ConflictReason::VouchedByOther {
            signer_name: vouched.signer_name.clone(),
        })
    } else {
        None
    }
}

/// The outcome of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub counts: Counts,
    pub written: usize,
    /// Which side won the conflicts.
    pub prefer: Prefer,
}

impl ImportSummary {
    /// "3 new, 1 updated, 0 unchanged, 1 conflicts (kept the local
    /// records); 4 records written", in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        self.message().in_lang(lang)
    }

    /// The summary as a message, to word later.
    pub fn message(&self) -> Message {
        let counts = self.counts;
        let kept = match (counts.conflicts, self.prefer) {
            (0, _) => "none",
            (_, Prefer::Local) => "local",
            (_, Prefer::Bundle) => "bundle",
        };
        crate::msg!(
            "import-summary",
            new = counts.new,
            updated = counts.updated,
            unchanged = counts.unchanged,
            conflicts = counts.conflicts,
            kept = kept,
            written = self.written
        )
    }
}

impl std::fmt::Display for ImportSummary {
    /// [`ImportSummary::in_lang`] in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}

/// Applies `plan` in one transaction: the records it takes, their
/// provenance, the signer's new sequence number and, when `trust_as` names
/// an untrusted signer, the signer's key in the keyring. The acceptance
/// checks run again here, against the vault as it is now.
pub fn apply(
    vault: &mut Vault,
    bundle: &OpenedBundle,
    plan: Plan,
    trust_as: Option<&str>,
    now: OffsetDateTime,
) -> Result<ImportSummary, BundleError> {
    let manifest = &bundle.manifest;
    let signer = match trust_as {
        Some(_) => Signer::MayBeNew,
        None => Signer::MustBeTrusted,
    };
    check_acceptable(bundle, vault.trust(), signer, now)?;
    plan.check_growth(vault)?;
    let mut trust = vault.trust().clone();
    if trust.by_key(&manifest.signer).is_none() {
        let name = trust_as.unwrap_or("unnamed").trim().to_owned();
        if trust.by_name(&name).is_some() {
            return Err(BundleError::NameTaken(name));
        }
        trust.keys.push(TrustedKey {
            name,
            public_key: manifest.signer.clone(),
            recipient: None,
            added_at: crate::model::truncate_to_seconds(now),
        });
    }
    let signer_name = trust
        .by_key(&manifest.signer)
        .map(|k| k.name.clone())
        .unwrap_or_default();
    trust
        .last_seen
        .insert(manifest.signer.clone(), manifest.sequence);
    let counts = plan.counts();
    let prefer = plan.prefer;
    let imported_at = crate::model::truncate_to_seconds(now);
    let writes: Vec<(Record, Provenance)> = plan
        .items
        .into_iter()
        .filter(|item| item.takes_bundle)
        .map(|item| {
            let provenance = Provenance {
                signer_name: signer_name.clone(),
                signer_key: manifest.signer.clone(),
                bundle_id: manifest.bundle_id,
                sequence: manifest.sequence,
                imported_at,
                imported_hash: record_hash(&item.merged),
            };
            (item.merged, provenance)
        })
        .collect();
    let written = writes.len();
    vault.commit_import(writes, trust)?;
    Ok(ImportSummary {
        counts,
        written,
        prefer,
    })
}

#[cfg(test)]
mod tests {
    use age::secrecy::SecretString;
    use time::macros::datetime;

    use super::*;
    use crate::bundle::{Manifest, FORMAT_NAME, FORMAT_VERSION};
    use crate::model::Category;
    use crate::vault::WorkFactor;

    fn item(outcome: Outcome, fields: Vec<&'static str>, takes_bundle: bool) -> PlanItem {
        let now = time::macros::datetime!(2026-11-30 12:00 UTC);
        let mut merged = Record::new("Clínica Girasol", crate::model::Category::Clinic, now);
        merged.id = Uuid::parse_str("1a2b3c4d-8f5a-4c39-9d0e-2b7f1b9f0a11").unwrap_or_default();
        PlanItem {
            id: merged.id,
            name: merged.name.clone(),
            outcome,
            fields,
            takes_bundle,
            conflict_reason: None,
            merged,
        }
    }

    #[test]
    fn a_plan_line_says_outcome_name_id_fields_and_who_wins() {
        let conflict = item(Outcome::Conflict, vec!["hours", "phones"], false);
        assert_eq!(
            conflict.to_string(),
            "conflict   Clínica Girasol [clinic] (1a2b3c4d): hours, phones — keeping the local one"
        );
        let taken = item(Outcome::Conflict, vec!["notes"], true);
        assert_eq!(
            taken.summary(Lang::En),
            "Clínica Girasol [clinic] (1a2b3c4d): notes — taking the bundle's"
        );
        let mut vouched = item(Outcome::Conflict, vec!["hours"], false);
        vouched.conflict_reason = Some(ConflictReason::VouchedByOther {
            signer_name: "Rosa".to_owned(),
        });
        assert_eq!(
            vouched.to_string(),
            "conflict   Clínica Girasol [clinic] (1a2b3c4d): hours — vouched for by Rosa; keeping the local one"
        );
        let new = item(Outcome::New, Vec::new(), true);
        assert_eq!(
            new.to_string(),
            "new        Clínica Girasol [clinic] (1a2b3c4d)"
        );
        let mut placed = item(Outcome::New, Vec::new(), true);
        placed.merged.city = "Portland".to_owned();
        placed.merged.country = "US".to_owned();
        assert_eq!(
            placed.to_string(),
            "new        Clínica Girasol [clinic] Portland, US (1a2b3c4d)"
        );
        assert_eq!(new.resolution(Lang::En), None);
        let updated = item(Outcome::Updated, vec!["cost"], true);
        assert_eq!(
            updated.to_string(),
            "updated    Clínica Girasol [clinic] (1a2b3c4d): cost"
        );
    }

    const NOW: OffsetDateTime = datetime!(2026-11-02 12:00 UTC);
    /// Stand-ins for two signers' public keys: merging only compares them.
    const ROSA: &str = "RWRosaRosaRosa";
    const ANA: &str = "RWAnaAnaAna";

    /// A vault trusting Rosa and Ana.
    fn vault(temp: &tempfile::TempDir) -> Vault {
        let passphrase = SecretString::from("merge tests".to_owned());
        let mut vault = Vault::init(&temp.path().join("v"), &passphrase, WorkFactor::log_n(4))
            .expect("a vault");
        let mut trust = vault.trust().clone();
        for (name, key) in [("Rosa", ROSA), ("Ana", ANA)] {
            trust.keys.push(TrustedKey {
                name: name.to_owned(),
                public_key: key.to_owned(),
                recipient: None,
                added_at: NOW,
            });
        }
        vault.set_trust(trust).expect("trust");
        vault
    }

    /// A bundle from `signer` as `open` would return it once verified.
    fn bundle(signer: &str, sequence: u64, records: Vec<Record>) -> OpenedBundle {
        OpenedBundle {
            manifest: Manifest {
                format: FORMAT_NAME.to_owned(),
                version: FORMAT_VERSION,
                bundle_id: Uuid::new_v4(),
                signer: signer.to_owned(),
                sequence,
                created_at: NOW,
                expires_at: None,
                record_count: records.len() as u64,
                records_sha256: String::new(),
                selection: String::new(),
                redacted: Vec::new(),
            },
            records,
            fingerprint: String::new(),
        }
    }

    /// Plans `bundle` preferring `prefer`, applies it, and returns the
    /// clinic's plan line.
    fn import(vault: &mut Vault, bundle: &OpenedBundle, prefer: Prefer) -> PlanItem {
        let plan = plan(vault, bundle, prefer);
        let item = plan.items[0].clone();
        apply(vault, bundle, plan, None, NOW).expect("applied");
        item
    }

    /// `clinic` as a signer who has another email for it sends it.
    fn with_email(clinic: &Record, email: &str) -> Record {
        let mut changed = clinic.clone();
        changed.email = email.to_owned();
        changed
    }

    #[test]
    fn only_the_signer_who_vouched_for_a_record_updates_it() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut vault = vault(&temp);
        let clinic = Record::new("Clínica Libre", Category::Clinic, NOW);
        let id = clinic.id;
        import(
            &mut vault,
            &bundle(ROSA, 1, vec![clinic.clone()]),
            Prefer::Local,
        );

        let anas = with_email(&clinic, "ana@example.org");
        let item = import(
            &mut vault,
            &bundle(ANA, 1, vec![anas.clone()]),
            Prefer::Local,
        );
        assert_eq!(item.outcome, Outcome::Conflict);
        assert_eq!(item.fields, ["email"]);
        let reason = item.conflict_reason.expect("a reason");
        assert_eq!(reason.to_string(), "vouched for by Rosa");
        assert!(!item.takes_bundle);
        assert_eq!(vault.get(&id), Some(&clinic), "kept as Rosa sent it");
        assert_eq!(
            vault.provenance(&id).map(|p| p.signer_key.as_str()),
            Some(ROSA)
        );

        let item = import(
            &mut vault,
            &bundle(ANA, 2, vec![clinic.clone()]),
            Prefer::Local,
        );
        assert_eq!(
            (item.outcome, item.conflict_reason),
            (Outcome::Unchanged, None)
        );
        assert_eq!(
            vault.provenance(&id).map(|p| p.sequence),
            Some(1),
            "still Rosa's #1"
        );

        let item = import(
            &mut vault,
            &bundle(ANA, 3, vec![anas.clone()]),
            Prefer::Bundle,
        );
        assert_eq!(item.outcome, Outcome::Conflict);
        assert!(item.takes_bundle);
        assert_eq!(vault.get(&id), Some(&anas));
        let vouched = vault.provenance(&id).expect("provenance");
        assert_eq!(
            (vouched.signer_name.as_str(), vouched.signer_key.as_str()),
            ("Ana", ANA)
        );

        let mut hers = anas.clone();
        hers.cost = "free".to_owned();
        let item = import(
            &mut vault,
            &bundle(ANA, 4, vec![hers.clone()]),
            Prefer::Local,
        );
        assert_eq!(
            (item.outcome, item.conflict_reason),
            (Outcome::Updated, None)
        );
        let item = import(
            &mut vault,
            &bundle(ROSA, 2, vec![clinic.clone()]),
            Prefer::Local,
        );
        assert_eq!(
            item.conflict_reason,
            Some(ConflictReason::VouchedByOther {
                signer_name: "Ana".to_owned()
            })
        );
        assert_eq!(vault.get(&id), Some(&hers));
    }

    #[test]
    fn a_local_edit_or_a_record_made_here_is_named_as_the_reason() {
        let temp = tempfile::tempdir().expect("temp dir");
        let mut vault = vault(&temp);
        let clinic = Record::new("Clínica Libre", Category::Clinic, NOW);
        let id = clinic.id;
        vault.put(clinic.clone()).expect("put");
        let rosas = with_email(&clinic, "rosa@example.org");
        let item = import(
            &mut vault,
            &bundle(ROSA, 1, vec![rosas.clone()]),
            Prefer::Local,
        );
        assert_eq!(item.conflict_reason, Some(ConflictReason::NeverImported));
        assert_eq!(
            item.conflict_reason.map(|r| r.to_string()).as_deref(),
            Some("added here")
        );

        import(
            &mut vault,
            &bundle(ROSA, 2, vec![rosas.clone()]),
            Prefer::Bundle,
        );
        let mut edited = rosas.clone();
        edited.hours = "Tue 10-14".to_owned();
        vault.put(edited.clone()).expect("put");
        let anas = with_email(&rosas, "ana@example.org");
        for (signer, sequence) in [(ROSA, 3), (ANA, 1)] {
            let item = import(
                &mut vault,
                &bundle(signer, sequence, vec![anas.clone()]),
                Prefer::Local,
            );
            assert_eq!(item.outcome, Outcome::Conflict);
            assert_eq!(item.conflict_reason, Some(ConflictReason::EditedHere));
            assert_eq!(vault.get(&id), Some(&edited));
        }
    }
}

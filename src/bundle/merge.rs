//! What an import would change, and changing it.
//!
//! For each record in the bundle: **new** (no local record with its id),
//! **unchanged** (same content), **updated** (the local record is as it was
//! last imported, so the bundle's newer version replaces it), or
//! **conflicting** (the local record was changed here since, or was never
//! imported: a merge could lose someone's edit). A conflict keeps the local
//! record unless the caller prefers the bundle. Deletions are never applied:
//! a record missing from a bundle stays.

use time::OffsetDateTime;
use uuid::Uuid;

use super::export::unredact;
use super::{check_acceptable, BundleError, OpenedBundle, Signer};
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
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::New => "new",
            Outcome::Updated => "updated",
            Outcome::Unchanged => "unchanged",
            Outcome::Conflict => "conflict",
        }
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

    /// For a conflict, whose version the import writes.
    pub fn resolution(&self) -> Option<&'static str> {
        match (self.outcome, self.takes_bundle) {
            (Outcome::Conflict, true) => Some("taking the bundle's"),
            (Outcome::Conflict, false) => Some("keeping the local one"),
            _ => None,
        }
    }

    /// The item's line after its outcome: name, short id, the fields that
    /// change, and for a conflict whose version is kept, as in
    /// "Clínica Girasol (1a2b3c4d): hours, phones — keeping the local one".
    pub fn summary(&self) -> String {
        let mut text = format!("{} ({})", self.name, self.short_id());
        if !self.fields.is_empty() {
            text.push_str(": ");
            text.push_str(&self.fields.join(", "));
        }
        if let Some(resolution) = self.resolution() {
            text.push_str(" — ");
            text.push_str(resolution);
        }
        text
    }
}

impl std::fmt::Display for PlanItem {
    /// The outcome in a column, then the summary: one line of a plan.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:<10} {}", self.outcome.as_str(), self.summary())
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
            let (outcome, fields) = match local {
                None => (Outcome::New, Vec::new()),
                Some(local) => {
                    let fields = local.differences(&merged);
                    if fields.is_empty() {
                        (Outcome::Unchanged, fields)
                    } else {
                        let untouched_since_import = vault
                            .provenance(&local.id)
                            .is_some_and(|p| !p.edited_since_import(local));
                        if untouched_since_import {
                            (Outcome::Updated, fields)
                        } else {
                            (Outcome::Conflict, fields)
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
                takes_bundle,
                merged,
            }
        })
        .collect();
    Plan { items, prefer }
}

/// The outcome of an import.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportSummary {
    pub counts: Counts,
    pub written: usize,
    /// Which side won the conflicts.
    pub prefer: Prefer,
}

impl std::fmt::Display for ImportSummary {
    /// "3 new, 1 updated, 0 unchanged, 1 conflicts (kept the local
    /// records); 4 records written"
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let counts = self.counts;
        write!(
            f,
            "{} new, {} updated, {} unchanged, {} conflicts{}; {} records written",
            counts.new,
            counts.updated,
            counts.unchanged,
            counts.conflicts,
            match (counts.conflicts, self.prefer) {
                (0, _) => "",
                (_, Prefer::Local) => " (kept the local records)",
                (_, Prefer::Bundle) => " (took the bundle's records)",
            },
            self.written
        )
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
    use super::*;

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
            merged,
        }
    }

    #[test]
    fn a_plan_line_says_outcome_name_id_fields_and_who_wins() {
        let conflict = item(Outcome::Conflict, vec!["hours", "phones"], false);
        assert_eq!(
            conflict.to_string(),
            "conflict   Clínica Girasol (1a2b3c4d): hours, phones — keeping the local one"
        );
        let taken = item(Outcome::Conflict, vec!["notes"], true);
        assert_eq!(
            taken.summary(),
            "Clínica Girasol (1a2b3c4d): notes — taking the bundle's"
        );
        let new = item(Outcome::New, Vec::new(), true);
        assert_eq!(new.to_string(), "new        Clínica Girasol (1a2b3c4d)");
        assert_eq!(new.resolution(), None);
        let updated = item(Outcome::Updated, vec!["cost"], true);
        assert_eq!(
            updated.to_string(),
            "updated    Clínica Girasol (1a2b3c4d): cost"
        );
    }
}

//! Records to a package: the rows of every table for each record, then the
//! files, `datapackage.json` first.

use std::collections::HashMap;
use std::path::Path;

use uuid::Uuid;

use super::error::HsdsError;
use super::tables::{
    datapackage, AddressRow, AttributeRow, LanguageRow, LocationRow, OrganizationRow, PhoneRow,
    ScheduleRow, ServiceAtLocationRow, ServiceRow, Table, TaxonomyRow, TaxonomyTermRow,
    TAXONOMY_NAME, TERM_CATEGORY_PREFIX, TERM_NOTES, TERM_NO_ORG, TERM_TAG, TERM_UPDATED,
};
use crate::fsio::{self, IfExists};
use crate::interop::derived_id;
use crate::model::{self, Category, Record};

/// The package, ready to write: file name and contents, `datapackage.json`
/// first.
#[derive(Debug)]
pub struct Package {
    pub files: Vec<(&'static str, Vec<u8>)>,
    /// The required cells of `addresses.csv` left empty.
    pub address_gaps: AddressGaps,
}

/// Cells of `addresses.csv` that HSDS 3.0 requires and pamphlet leaves
/// empty, because it does not know them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddressGaps {
    /// Rows of `addresses.csv`; `postal_code` is empty in every one.
    pub rows: usize,
    /// Rows for records without a street address: `address_1` is empty.
    pub without_street: usize,
}

impl Package {
    /// Writes every file into `dir`, creating it owner-only if needed. The
    /// records are in plain text: each file is written whole and owner-only
    /// (see [`fsio`]), and `if_exists` says what becomes of a file already
    /// under one of the package's names.
    pub fn write_to(&self, dir: &Path, if_exists: IfExists) -> Result<(), HsdsError> {
        fsio::create_private_dir(dir).map_err(|source| HsdsError::Write {
            path: dir.to_owned(),
            source,
        })?;
        for (name, bytes) in &self.files {
            let path = dir.join(name);
            fsio::write_atomically(&path, bytes, if_exists)
                .map_err(|source| HsdsError::Write { path, source })?;
        }
        Ok(())
    }
}

/// Makes the package for these records.
pub fn export<'a>(records: impl IntoIterator<Item = &'a Record>) -> Package {
    let mut tables = Tables::default();
    for record in records {
        tables.add(record);
    }
    tables.finish()
}

/// The rows made so far, one list per table, with what is shared between
/// records: organizations by name, and the taxonomy terms in use.
#[derive(Default)]
struct Tables {
    organizations: Vec<OrganizationRow>,
    services: Vec<ServiceRow>,
    service_at_locations: Vec<ServiceAtLocationRow>,
    locations: Vec<LocationRow>,
    addresses: Vec<AddressRow>,
    phones: Vec<PhoneRow>,
    languages: Vec<LanguageRow>,
    schedules: Vec<ScheduleRow>,
    attributes: Vec<AttributeRow>,
    terms: Vec<TaxonomyTermRow>,
    organization_ids: HashMap<String, Uuid>,
    address_gaps: AddressGaps,
}

/// A term of the pamphlet taxonomy, as `taxonomy_terms.csv` describes it.
struct Term {
    code: String,
    name: &'static str,
    description: String,
}

impl Term {
    fn category(category: Category) -> Term {
        Term {
            code: format!("{TERM_CATEGORY_PREFIX}{}", category.as_str()),
            name: category.label(),
            description: format!("pamphlet category: {}", category.label()),
        }
    }

    fn fixed(code: &str, name: &'static str, description: &str) -> Term {
        Term {
            code: code.to_owned(),
            name,
            description: description.to_owned(),
        }
    }
}

impl Tables {
    /// Adds the rows of one record: its service, the organization on first
    /// sight, its place, phones, languages, hours and attributes.
    fn add(&mut self, record: &Record) {
        let service_id = record.id.to_string();
        let organization_id = self.organization_id(record).to_string();
        self.services.push(ServiceRow {
            id: service_id.clone(),
            organization_id: organization_id.clone(),
            name: record.name.clone(),
            description: record.description.clone(),
            url: record.website.clone(),
            email: record.email.clone(),
            status: record.status.as_str().to_owned(),
            fees_description: record.cost.clone(),
            assured_date: record
                .verified_on
                .map(model::format_date)
                .unwrap_or_default(),
        });
        self.add_place(record, &service_id, &organization_id);
        self.add_contacts(record, &service_id);
        self.add_attributes(record, &service_id);
    }

    /// The id of the record's organization (its own name when it has none),
    /// adding the organization's row the first time the name is seen.
    fn organization_id(&mut self, record: &Record) -> Uuid {
        let name: &str = if record.organization.is_empty() {
            &record.name
        } else {
            &record.organization
        };
        if let Some(id) = self.organization_ids.get(name) {
            return *id;
        }
        let id = derived_id("organization", &[name]);
        self.organizations.push(OrganizationRow {
            id: id.to_string(),
            name: name.to_owned(),
            description: format!("{name}, as listed in a pamphlet directory."),
            email: String::new(),
            website: String::new(),
        });
        self.organization_ids.insert(name.to_owned(), id);
        id
    }

    /// A location, its link to the service and its address, for a record
    /// with a street address, city, region or country.
    fn add_place(&mut self, record: &Record, service_id: &str, organization_id: &str) {
        let has_place = [
            &record.address,
            &record.city,
            &record.region,
            &record.country,
        ]
        .iter()
        .any(|text| !text.is_empty());
        if !has_place {
            return;
        }
        self.address_gaps.rows += 1;
        if record.address.is_empty() {
            self.address_gaps.without_street += 1;
        }
        let location_id = derived_id("location", &[service_id]).to_string();
        self.locations.push(LocationRow {
            id: location_id.clone(),
            location_type: "physical".to_owned(),
            organization_id: organization_id.to_owned(),
            name: record.name.clone(),
        });
        self.service_at_locations.push(ServiceAtLocationRow {
            id: derived_id("service_at_location", &[service_id]).to_string(),
            service_id: service_id.to_owned(),
            location_id: location_id.clone(),
        });
        self.addresses.push(AddressRow {
            id: derived_id("address", &[service_id]).to_string(),
            location_id,
            address_1: record.address.clone(),
            city: record.city.clone(),
            state_province: record.region.clone(),
            country: record.country.clone(),
            address_type: "physical".to_owned(),
            ..AddressRow::default()
        });
    }

    /// Phones in order, languages, and the hours as one schedule.
    fn add_contacts(&mut self, record: &Record, service_id: &str) {
        for (index, phone) in record.phones.iter().enumerate() {
            self.phones.push(PhoneRow {
                id: derived_id("phone", &[service_id, &index.to_string()]).to_string(),
                service_id: service_id.to_owned(),
                number: phone.number.clone(),
                kind: phone.kind.as_str().to_owned(),
                description: phone.note.clone(),
            });
        }
        for code in &record.languages {
            self.languages.push(LanguageRow {
                id: derived_id("language", &[service_id, code]).to_string(),
                service_id: service_id.to_owned(),
                name: model::language_name(code).unwrap_or(code).to_owned(),
                code: code.clone(),
            });
        }
        if !record.hours.is_empty() {
            self.schedules.push(ScheduleRow {
                id: derived_id("schedule", &[service_id]).to_string(),
                service_id: service_id.to_owned(),
                description: record.hours.clone(),
            });
        }
    }

    /// The attributes of a service, in this order: its category, its tags,
    /// its notes, "no organization", and when it was last changed.
    fn add_attributes(&mut self, record: &Record, service_id: &str) {
        let mut attributes = vec![(Term::category(record.category), "category", String::new())];
        for tag in &record.tags {
            let term = Term::fixed(
                TERM_TAG,
                "tag",
                "A free tag from pamphlet; the attribute's value is the tag",
            );
            attributes.push((term, "tag", tag.clone()));
        }
        if !record.notes.is_empty() {
            let term = Term::fixed(
                TERM_NOTES,
                "notes",
                "Organizers' notes from pamphlet; the attribute's value is the text",
            );
            attributes.push((term, "notes", record.notes.clone()));
        }
        if record.organization.is_empty() {
            let term = Term::fixed(
                TERM_NO_ORG,
                "no organization",
                "The referral names no organization; its organization row repeats the service's name",
            );
            attributes.push((term, "organization", String::new()));
        }
        let term = Term::fixed(
            TERM_UPDATED,
            "last modified",
            "When the referral was last changed in pamphlet (RFC 3339); the attribute's value is the time",
        );
        let updated_at = record
            .updated_at
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        attributes.push((term, "last_modified", updated_at));

        for (index, (term, link_type, value)) in attributes.into_iter().enumerate() {
            let taxonomy_term_id = self.term_id(term);
            self.attributes.push(AttributeRow {
                id: derived_id("attribute", &[service_id, &index.to_string()]).to_string(),
                link_id: service_id.to_owned(),
                taxonomy_term_id,
                link_type: link_type.to_owned(),
                link_entity: "service".to_owned(),
                value,
            });
        }
    }

    /// The id of a term, adding its row the first time it is used.
    fn term_id(&mut self, term: Term) -> String {
        let id = derived_id("taxonomy_term", &[&term.code]).to_string();
        if !self.terms.iter().any(|known| known.code == term.code) {
            self.terms.push(TaxonomyTermRow {
                id: id.clone(),
                code: term.code,
                name: term.name.to_owned(),
                description: term.description,
                taxonomy: TAXONOMY_NAME.to_owned(),
                taxonomy_id: taxonomy_id(),
            });
        }
        id
    }

    /// The files, in the order of `datapackage.json`.
    fn finish(self) -> Package {
        let taxonomy = TaxonomyRow {
            id: taxonomy_id(),
            name: TAXONOMY_NAME.to_owned(),
            description:
                "Categories and extension fields of pamphlet, an offline directory of referrals"
                    .to_owned(),
        };
        let files = vec![
            ("datapackage.json", datapackage()),
            file(&self.organizations),
            file(&self.services),
            file(&self.service_at_locations),
            file(&self.locations),
            file(&self.addresses),
            file(&self.phones),
            file(&self.languages),
            file(&self.schedules),
            file(&self.attributes),
            file(&self.terms),
            file(&[taxonomy]),
        ];
        Package {
            files,
            address_gaps: self.address_gaps,
        }
    }
}

fn taxonomy_id() -> String {
    derived_id("taxonomy", &[TAXONOMY_NAME]).to_string()
}

/// A table as CSV: the header, even with no rows, then one line per row.
fn file<R: Table>(rows: &[R]) -> (&'static str, Vec<u8>) {
    let mut writer = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let header = R::SPEC.fields.iter().map(|(name, _, _)| *name);
    // Writing text to memory cannot fail.
    let _ = writer.write_record(header);
    for row in rows {
        let _ = writer.serialize(row);
    }
    (R::SPEC.path, writer.into_inner().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::super::tables::TABLES;
    use super::*;

    #[test]
    fn files_come_in_the_order_of_the_descriptor() {
        let package = export(std::iter::empty());
        let names: Vec<&str> = package.files.iter().map(|(name, _)| *name).collect();
        let mut expected = vec!["datapackage.json"];
        expected.extend(TABLES.iter().map(|table| table.path));
        assert_eq!(names, expected);
        // Every table has its header, even with no rows.
        for ((_, bytes), table) in package.files[1..].iter().zip(TABLES) {
            let header: Vec<&str> = table.fields.iter().map(|(name, _, _)| *name).collect();
            let text = std::str::from_utf8(bytes).unwrap();
            let mut lines = text.lines();
            assert_eq!(lines.next(), Some(header.join(",").as_str()));
            // Only the taxonomy itself has a row without records.
            let rows = usize::from(table.path == "taxonomies.csv");
            assert_eq!(lines.count(), rows, "{}", table.path);
        }
    }
}

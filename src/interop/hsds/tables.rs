//! The HSDS 3.0 tables that pamphlet writes and reads: one row type per
//! table, whose fields in order are the table's columns, the Table Schema
//! of each (type, required) for `datapackage.json`, and the codes of
//! pamphlet's own taxonomy.
//!
//! Every field is text: a package is read cell by cell as text, and a cell
//! that a table lacks reads as empty (`#[serde(default)]`).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// A column as this exporter writes it: HSDS name, Table Schema type,
/// whether HSDS requires it.
pub(super) type Field = (&'static str, &'static str, bool);

/// One table of the package: its HSDS name, its file, and its columns in
/// the order they are written.
pub(super) struct TableSpec {
    pub name: &'static str,
    pub path: &'static str,
    pub fields: &'static [Field],
}

/// A row type and the table it is a row of. The row's serialized fields
/// are the spec's columns, in order (a test holds them together).
pub(super) trait Table: Serialize + DeserializeOwned + Default {
    const SPEC: TableSpec;
}

/// The pamphlet taxonomy, whose terms carry what HSDS has no field for.
pub(super) const TAXONOMY_NAME: &str = "pamphlet";
pub(super) const TERM_TAG: &str = "pamphlet:tag";
pub(super) const TERM_NOTES: &str = "pamphlet:notes";
pub(super) const TERM_UPDATED: &str = "pamphlet:updated_at";
pub(super) const TERM_NO_ORG: &str = "pamphlet:no_organization";
/// Followed by a category's name, e.g. `pamphlet:category:clinic`.
pub(super) const TERM_CATEGORY_PREFIX: &str = "pamphlet:category:";

/// `organizations.csv`: one row per distinct organization name.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct OrganizationRow {
    pub id: String,
    pub name: String,
    pub description: String,
    pub email: String,
    pub website: String,
}

impl Table for OrganizationRow {
    const SPEC: TableSpec = TableSpec {
        name: "organization",
        path: "organizations.csv",
        fields: &[
            ("id", "string", true),
            ("name", "string", true),
            ("description", "string", true),
            ("email", "string", false),
            ("website", "string", false),
        ],
    };
}

/// `services.csv`: one row per record.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct ServiceRow {
    pub id: String,
    pub organization_id: String,
    pub name: String,
    pub description: String,
    pub url: String,
    pub email: String,
    pub status: String,
    pub fees_description: String,
    pub assured_date: String,
}

impl Table for ServiceRow {
    const SPEC: TableSpec = TableSpec {
        name: "service",
        path: "services.csv",
        fields: &[
            ("id", "string", true),
            ("organization_id", "string", true),
            ("name", "string", true),
            ("description", "string", false),
            ("url", "string", false),
            ("email", "string", false),
            ("status", "string", true),
            ("fees_description", "string", false),
            ("assured_date", "date", false),
        ],
    };
}

/// `service_at_location.csv`: links a service to its location.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct ServiceAtLocationRow {
    pub id: String,
    pub service_id: String,
    pub location_id: String,
}

impl Table for ServiceAtLocationRow {
    const SPEC: TableSpec = TableSpec {
        name: "service_at_location",
        path: "service_at_location.csv",
        fields: &[
            ("id", "string", true),
            ("service_id", "string", true),
            ("location_id", "string", true),
        ],
    };
}

/// `locations.csv`: the place of a record that has one.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct LocationRow {
    pub id: String,
    pub location_type: String,
    pub organization_id: String,
    pub name: String,
}

impl Table for LocationRow {
    const SPEC: TableSpec = TableSpec {
        name: "location",
        path: "locations.csv",
        fields: &[
            ("id", "string", true),
            ("location_type", "string", true),
            ("organization_id", "string", false),
            ("name", "string", false),
        ],
    };
}

/// `addresses.csv`: the street, city, region and country of a location.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct AddressRow {
    pub id: String,
    pub location_id: String,
    pub address_1: String,
    /// Read from other tools' packages and joined to `address_1`; pamphlet
    /// keeps one address line, so never writes it.
    #[serde(skip_serializing)]
    pub address_2: String,
    pub city: String,
    pub state_province: String,
    /// Read when `state_province` is empty (HSDS 2 called it `region`);
    /// never written.
    #[serde(skip_serializing)]
    pub region: String,
    /// Always empty: pamphlet keeps no postal code.
    pub postal_code: String,
    pub country: String,
    pub address_type: String,
}

impl Table for AddressRow {
    const SPEC: TableSpec = TableSpec {
        name: "address",
        path: "addresses.csv",
        fields: &[
            ("id", "string", true),
            ("location_id", "string", false),
            ("address_1", "string", true),
            ("city", "string", true),
            ("state_province", "string", true),
            ("postal_code", "string", true),
            ("country", "string", true),
            ("address_type", "string", true),
        ],
    };
}

/// `phones.csv`: a record's phones, in order.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct PhoneRow {
    pub id: String,
    pub service_id: String,
    pub number: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub description: String,
}

impl Table for PhoneRow {
    const SPEC: TableSpec = TableSpec {
        name: "phone",
        path: "phones.csv",
        fields: &[
            ("id", "string", true),
            ("service_id", "string", false),
            ("number", "string", true),
            ("type", "string", false),
            ("description", "string", false),
        ],
    };
}

/// `languages.csv`: a record's languages, by ISO 639-1 code and name.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct LanguageRow {
    pub id: String,
    pub service_id: String,
    pub name: String,
    pub code: String,
}

impl Table for LanguageRow {
    const SPEC: TableSpec = TableSpec {
        name: "language",
        path: "languages.csv",
        fields: &[
            ("id", "string", true),
            ("service_id", "string", false),
            ("name", "string", false),
            ("code", "string", false),
        ],
    };
}

/// `schedules.csv`: a record's hours, as text.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct ScheduleRow {
    pub id: String,
    pub service_id: String,
    pub description: String,
}

impl Table for ScheduleRow {
    const SPEC: TableSpec = TableSpec {
        name: "schedule",
        path: "schedules.csv",
        fields: &[
            ("id", "string", true),
            ("service_id", "string", false),
            ("description", "string", false),
        ],
    };
}

/// `attributes.csv`: a taxonomy term attached to a service, with a value
/// for the terms that carry text.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct AttributeRow {
    pub id: String,
    pub link_id: String,
    pub taxonomy_term_id: String,
    pub link_type: String,
    pub link_entity: String,
    pub value: String,
}

impl Table for AttributeRow {
    const SPEC: TableSpec = TableSpec {
        name: "attribute",
        path: "attributes.csv",
        fields: &[
            ("id", "string", true),
            ("link_id", "string", true),
            ("taxonomy_term_id", "string", true),
            ("link_type", "string", true),
            ("link_entity", "string", true),
            ("value", "string", false),
        ],
    };
}

/// `taxonomy_terms.csv`: the terms of the pamphlet taxonomy in use.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct TaxonomyTermRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub description: String,
    pub taxonomy: String,
    pub taxonomy_id: String,
}

impl Table for TaxonomyTermRow {
    const SPEC: TableSpec = TableSpec {
        name: "taxonomy_term",
        path: "taxonomy_terms.csv",
        fields: &[
            ("id", "string", true),
            ("code", "string", false),
            ("name", "string", true),
            ("description", "string", true),
            ("taxonomy", "string", false),
            ("taxonomy_id", "string", false),
        ],
    };
}

/// `taxonomies.csv`: the pamphlet taxonomy itself.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub(super) struct TaxonomyRow {
    pub id: String,
    pub name: String,
    pub description: String,
}

impl Table for TaxonomyRow {
    const SPEC: TableSpec = TableSpec {
        name: "taxonomy",
        path: "taxonomies.csv",
        fields: &[
            ("id", "string", true),
            ("name", "string", true),
            ("description", "string", true),
        ],
    };
}

/// The tables written, in the order of `datapackage.json` and of
/// `Package::files`.
pub(super) const TABLES: [&TableSpec; 11] = [
    &OrganizationRow::SPEC,
    &ServiceRow::SPEC,
    &ServiceAtLocationRow::SPEC,
    &LocationRow::SPEC,
    &AddressRow::SPEC,
    &PhoneRow::SPEC,
    &LanguageRow::SPEC,
    &ScheduleRow::SPEC,
    &AttributeRow::SPEC,
    &TaxonomyTermRow::SPEC,
    &TaxonomyRow::SPEC,
];

/// The package descriptor: each resource's path, its fields with Table
/// Schema types, which are required, and the foreign keys between them.
pub(super) fn datapackage() -> Vec<u8> {
    let resources: Vec<serde_json::Value> = TABLES
        .iter()
        .map(|table| {
            let fields: Vec<serde_json::Value> = table
                .fields
                .iter()
                .map(|(name, kind, required)| {
                    serde_json::json!({
                        "name": name,
                        "type": kind,
                        "constraints": {"required": required, "unique": *name == "id"},
                    })
                })
                .collect();
            serde_json::json!({
                "name": table.name,
                "path": table.path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": {"fields": fields, "primaryKey": "id"},
            })
        })
        .collect();
    let package = serde_json::json!({
        "name": "pamphlet-export",
        "title": "Referrals exported from pamphlet",
        "profile": "tabular-data-package",
        "version": "3.0.0",
        "description": "An Open Referral HSDS 3.0 tabular data package written by pamphlet.",
        "resources": resources,
    });
    let mut text = serde_json::to_vec_pretty(&package).unwrap_or_default();
    text.push(b'\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The header `csv` writes for a row type, from its serde fields.
    fn serde_header<R: Table>() -> Vec<String> {
        let mut writer = ::csv::Writer::from_writer(Vec::new());
        writer.serialize(R::default()).unwrap();
        let bytes = writer.into_inner().unwrap();
        let mut reader = ::csv::Reader::from_reader(bytes.as_slice());
        reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect()
    }

    fn spec_header<R: Table>() -> Vec<String> {
        R::SPEC
            .fields
            .iter()
            .map(|(name, _, _)| (*name).to_owned())
            .collect()
    }

    #[test]
    fn each_row_type_serializes_the_columns_of_its_table_in_order() {
        fn check<R: Table>() {
            assert_eq!(serde_header::<R>(), spec_header::<R>(), "{}", R::SPEC.path);
        }
        check::<OrganizationRow>();
        check::<ServiceRow>();
        check::<ServiceAtLocationRow>();
        check::<LocationRow>();
        check::<AddressRow>();
        check::<PhoneRow>();
        check::<LanguageRow>();
        check::<ScheduleRow>();
        check::<AttributeRow>();
        check::<TaxonomyTermRow>();
        check::<TaxonomyRow>();
    }

    #[test]
    fn the_descriptor_lists_every_table_once_in_order() {
        let package: serde_json::Value = serde_json::from_slice(&datapackage()).unwrap();
        let paths: Vec<&str> = package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|resource| resource["path"].as_str().unwrap())
            .collect();
        assert_eq!(
            paths,
            [
                "organizations.csv",
                "services.csv",
                "service_at_location.csv",
                "locations.csv",
                "addresses.csv",
                "phones.csv",
                "languages.csv",
                "schedules.csv",
                "attributes.csv",
                "taxonomy_terms.csv",
                "taxonomies.csv",
            ]
        );
    }
}

//! Records as an Open Referral HSDS 3.0 tabular data package: a directory
//! holding `datapackage.json` and one CSV file per HSDS table, with HSDS's
//! field names.
//!
//! How a record maps (one record is one HSDS service):
//!
//! | record | HSDS |
//! |---|---|
//! | id, name, description, email, status | `services.csv` id, name, description, email, status |
//! | website | `services.csv` url |
//! | cost | `services.csv` fees_description |
//! | verified_on | `services.csv` assured_date |
//! | organization | `organizations.csv` name (the record's own name when it has none) |
//! | address, city, region, country | `addresses.csv` address_1, city, state_province, country, via `locations.csv` and `service_at_location.csv` |
//! | phones | `phones.csv` number, type, description (in order) |
//! | languages | `languages.csv` code (ISO 639-1) and name |
//! | hours | `schedules.csv` description |
//! | category | an `attributes.csv` row linking a term of the `pamphlet` taxonomy (`taxonomy_terms.csv`, `taxonomies.csv`) |
//! | tags, notes, updated_at | `attributes.csv` rows whose `value` holds the text (link_type `tag`, `notes`, `last_modified`) |
//!
//! HSDS 3.0 has no home for the last three, nor for "this referral has no
//! organization" (link_type `organization`, term `pamphlet:no_organization`),
//! so they travel as attributes of pamphlet's own taxonomy, which other HSDS
//! tools show as classifications and pamphlet reads back exactly.
//!
//! A record with a street address, city, region or country gets one row in
//! `addresses.csv` (a record with none of them gets none). HSDS 3.0 requires
//! `address_1` and `postal_code` there, which pamphlet cannot always fill:
//! `postal_code` is always empty (pamphlet keeps no postal code, and its
//! record format has no place for one), and `address_1` is empty when a
//! record has a city but no street address. Keeping those rows carries city,
//! region and country through HSDS; `Package::address_gaps` counts the empty
//! cells so that `export-hsds` can warn, since a validator that checks
//! required fields will flag them.
//!
//! Reading is all or nothing, and errors name the file, line and field.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use time::OffsetDateTime;
use uuid::Uuid;

use super::derived_id;
use crate::model::{self, Category, PhoneInput, Record, RecordInput};

/// A column of a table as this exporter writes it: HSDS name, Table Schema
/// type, whether HSDS requires it.
type Field = (&'static str, &'static str, bool);

struct TableSpec {
    name: &'static str,
    path: &'static str,
    fields: &'static [Field],
}

const ORGANIZATION: TableSpec = TableSpec {
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

const SERVICE: TableSpec = TableSpec {
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

const SERVICE_AT_LOCATION: TableSpec = TableSpec {
    name: "service_at_location",
    path: "service_at_location.csv",
    fields: &[
        ("id", "string", true),
        ("service_id", "string", true),
        ("location_id", "string", true),
    ],
};

const LOCATION: TableSpec = TableSpec {
    name: "location",
    path: "locations.csv",
    fields: &[
        ("id", "string", true),
        ("location_type", "string", true),
        ("organization_id", "string", false),
        ("name", "string", false),
    ],
};

const ADDRESS: TableSpec = TableSpec {
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

const PHONE: TableSpec = TableSpec {
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

const LANGUAGE: TableSpec = TableSpec {
    name: "language",
    path: "languages.csv",
    fields: &[
        ("id", "string", true),
        ("service_id", "string", false),
        ("name", "string", false),
        ("code", "string", false),
    ],
};

const SCHEDULE: TableSpec = TableSpec {
    name: "schedule",
    path: "schedules.csv",
    fields: &[
        ("id", "string", true),
        ("service_id", "string", false),
        ("description", "string", false),
    ],
};

const ATTRIBUTE: TableSpec = TableSpec {
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

const TAXONOMY_TERM: TableSpec = TableSpec {
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

const TAXONOMY: TableSpec = TableSpec {
    name: "taxonomy",
    path: "taxonomies.csv",
    fields: &[
        ("id", "string", true),
        ("name", "string", true),
        ("description", "string", true),
    ],
};

/// The tables written, in the order of `datapackage.json`.
const TABLES: [&TableSpec; 11] = [
    &ORGANIZATION,
    &SERVICE,
    &SERVICE_AT_LOCATION,
    &LOCATION,
    &ADDRESS,
    &PHONE,
    &LANGUAGE,
    &SCHEDULE,
    &ATTRIBUTE,
    &TAXONOMY_TERM,
    &TAXONOMY,
];

const TAXONOMY_NAME: &str = "pamphlet";
const TERM_TAG: &str = "pamphlet:tag";
const TERM_NOTES: &str = "pamphlet:notes";
const TERM_UPDATED: &str = "pamphlet:updated_at";
const TERM_NO_ORG: &str = "pamphlet:no_organization";

fn category_code(category: Category) -> String {
    format!("pamphlet:category:{}", category.as_str())
}

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

/// Why a package could not be written or read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum HsdsError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A table every package needs is absent.
    #[error("{} has no {file}; is this an HSDS tabular data package?", dir.display())]
    MissingTable { dir: PathBuf, file: &'static str },
    #[error("{file}: line {line} is not valid UTF-8")]
    NotUtf8 { file: &'static str, line: usize },
    #[error("{file}: line {line}: {problem}")]
    Syntax {
        file: &'static str,
        line: u64,
        problem: String,
    },
    /// A column HSDS requires, and pamphlet reads, is not in the header.
    #[error("{file}: line 1: no `{column}` column")]
    MissingColumn {
        file: &'static str,
        column: &'static str,
    },
    /// A row points at a row that does not exist.
    #[error("{file}: line {line}: field `{column}`: no row with id {id:?} in {target}")]
    BadReference {
        file: &'static str,
        line: u64,
        column: &'static str,
        id: String,
        target: &'static str,
    },
    /// A service's values do not make a valid record.
    #[error("{file}: line {line}: {source}")]
    Invalid {
        file: &'static str,
        line: u64,
        #[source]
        source: model::FieldError,
    },
    /// Two services share an id.
    #[error("{file}: line {line}: field `id`: {id} was already used on line {first}")]
    DuplicateId {
        file: &'static str,
        line: u64,
        first: u64,
        id: Uuid,
    },
}

/// Makes the package for these records.
pub fn export<'a>(records: impl IntoIterator<Item = &'a Record>) -> Package {
    let mut rows: HashMap<&'static str, Vec<Vec<String>>> = HashMap::new();
    let mut add = |table: &TableSpec, cells: Vec<String>| {
        rows.entry(table.name).or_default().push(cells);
    };
    let mut organizations: HashMap<String, Uuid> = HashMap::new();
    let mut terms_used: Vec<(String, String, String)> = Vec::new();
    let mut term = |code: String, name: String, description: String| -> String {
        let id = derived_id("taxonomy_term", &[&code]).to_string();
        if !terms_used.iter().any(|(known, _, _)| *known == code) {
            terms_used.push((code, name, description));
        }
        id
    };

    let mut address_gaps = AddressGaps::default();
    for record in records {
        let service_id = record.id.to_string();
        let org_name: &str = if record.organization.is_empty() {
            &record.name
        } else {
            &record.organization
        };
        let org_uuid: Uuid = *organizations.entry(org_name.to_owned()).or_insert_with(|| {
            let id = derived_id("organization", &[org_name]);
            add(
                &ORGANIZATION,
                vec![
                    id.to_string(),
                    org_name.to_owned(),
                    format!("{org_name}, as listed in a pamphlet directory."),
                    String::new(),
                    String::new(),
                ],
            );
            id
        });
        let org_id_text = org_uuid.to_string();
        let org_id = org_id_text.as_str();
        add(
            &SERVICE,
            vec![
                service_id.clone(),
                org_id.to_owned(),
                record.name.clone(),
                record.description.clone(),
                record.website.clone(),
                record.email.clone(),
                record.status.as_str().to_owned(),
                record.cost.clone(),
                record
                    .verified_on
                    .map(model::format_date)
                    .unwrap_or_default(),
            ],
        );

        let has_place = [
            &record.address,
            &record.city,
            &record.region,
            &record.country,
        ]
        .iter()
        .any(|text| !text.is_empty());
        if has_place {
            address_gaps.rows += 1;
            if record.address.is_empty() {
                address_gaps.without_street += 1;
            }
            let location_id = derived_id("location", &[&service_id]).to_string();
            add(
                &LOCATION,
                vec![
                    location_id.clone(),
                    "physical".to_owned(),
                    org_id.to_owned(),
                    record.name.clone(),
                ],
            );
            add(
                &SERVICE_AT_LOCATION,
                vec![
                    derived_id("service_at_location", &[&service_id]).to_string(),
                    service_id.clone(),
                    location_id.clone(),
                ],
            );
            add(
                &ADDRESS,
                vec![
                    derived_id("address", &[&service_id]).to_string(),
                    location_id,
                    record.address.clone(),
                    record.city.clone(),
                    record.region.clone(),
                    String::new(),
                    record.country.clone(),
                    "physical".to_owned(),
                ],
            );
        }
        for (index, phone) in record.phones.iter().enumerate() {
            add(
                &PHONE,
                vec![
                    derived_id("phone", &[&service_id, &index.to_string()]).to_string(),
                    service_id.clone(),
                    phone.number.clone(),
                    phone.kind.as_str().to_owned(),
                    phone.note.clone(),
                ],
            );
        }
        for code in &record.languages {
            add(
                &LANGUAGE,
                vec![
                    derived_id("language", &[&service_id, code]).to_string(),
                    service_id.clone(),
                    model::language_name(code).unwrap_or(code).to_owned(),
                    code.clone(),
                ],
            );
        }
        if !record.hours.is_empty() {
            add(
                &SCHEDULE,
                vec![
                    derived_id("schedule", &[&service_id]).to_string(),
                    service_id.clone(),
                    record.hours.clone(),
                ],
            );
        }

        let category = record.category;
        let mut attributes: Vec<(String, &str, String)> = vec![(
            term(
                category_code(category),
                category.label().to_owned(),
                format!("pamphlet category: {}", category.label()),
            ),
            "category",
            String::new(),
        )];
        for tag in &record.tags {
            attributes.push((
                term(
                    TERM_TAG.to_owned(),
                    "tag".to_owned(),
                    "A free tag from pamphlet; the attribute's value is the tag".to_owned(),
                ),
                "tag",
                tag.clone(),
            ));
        }
        if !record.notes.is_empty() {
            attributes.push((
                term(
                    TERM_NOTES.to_owned(),
                    "notes".to_owned(),
                    "Organizers' notes from pamphlet; the attribute's value is the text".to_owned(),
                ),
                "notes",
                record.notes.clone(),
            ));
        }
        if record.organization.is_empty() {
            attributes.push((
                term(
                    TERM_NO_ORG.to_owned(),
                    "no organization".to_owned(),
                    "The referral names no organization; its organization row repeats the service's name"
                        .to_owned(),
                ),
                "organization",
                String::new(),
            ));
        }
        attributes.push((
            term(
                TERM_UPDATED.to_owned(),
                "last modified".to_owned(),
                "When the referral was last changed in pamphlet (RFC 3339); the attribute's value is the time"
                    .to_owned(),
            ),
            "last_modified",
            record
                .updated_at
                .format(&time::format_description::well_known::Rfc3339)
                .unwrap_or_default(),
        ));
        for (index, (term_id, link_type, value)) in attributes.into_iter().enumerate() {
            add(
                &ATTRIBUTE,
                vec![
                    derived_id("attribute", &[&service_id, &index.to_string()]).to_string(),
                    service_id.clone(),
                    term_id,
                    link_type.to_owned(),
                    "service".to_owned(),
                    value,
                ],
            );
        }
    }

    let taxonomy_id = derived_id("taxonomy", &[TAXONOMY_NAME]).to_string();
    for (code, name, description) in terms_used {
        add(
            &TAXONOMY_TERM,
            vec![
                derived_id("taxonomy_term", &[&code]).to_string(),
                code,
                name,
                description,
                TAXONOMY_NAME.to_owned(),
                taxonomy_id.clone(),
            ],
        );
    }
    add(
        &TAXONOMY,
        vec![
            taxonomy_id,
            TAXONOMY_NAME.to_owned(),
            "Categories and extension fields of pamphlet, an offline directory of referrals"
                .to_owned(),
        ],
    );

    let mut files = vec![("datapackage.json", datapackage())];
    for table in TABLES {
        let mut writer = ::csv::WriterBuilder::new().from_writer(Vec::new());
        let header: Vec<&str> = table.fields.iter().map(|(name, _, _)| *name).collect();
        // Writing to memory cannot fail.
        let _ = writer.write_record(&header);
        for row in rows.get(table.name).map(Vec::as_slice).unwrap_or_default() {
            let _ = writer.write_record(row);
        }
        files.push((table.path, writer.into_inner().unwrap_or_default()));
    }
    Package {
        files,
        address_gaps,
    }
}

/// The package descriptor: each resource's path, its fields with Table
/// Schema types, which are required, and the foreign keys between them.
fn datapackage() -> Vec<u8> {
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

impl Package {
    /// Writes every file into `dir`, creating it if needed.
    pub fn write_to(&self, dir: &Path) -> Result<(), HsdsError> {
        fs::create_dir_all(dir).map_err(|source| HsdsError::Write {
            path: dir.to_owned(),
            source,
        })?;
        for (name, bytes) in &self.files {
            let path = dir.join(name);
            fs::write(&path, bytes).map_err(|source| HsdsError::Write { path, source })?;
        }
        Ok(())
    }
}

/// A table read from a package: its column positions and its rows with the
/// line each starts on.
struct Rows {
    file: &'static str,
    columns: HashMap<String, usize>,
    rows: Vec<(u64, ::csv::StringRecord)>,
}

impl Rows {
    fn get<'r>(&self, row: &'r ::csv::StringRecord, column: &str) -> &'r str {
        self.columns
            .get(column)
            .and_then(|index| row.get(*index))
            .map(str::trim)
            .unwrap_or("")
    }

    fn require(&self, column: &'static str) -> Result<(), HsdsError> {
        if self.columns.contains_key(column) {
            Ok(())
        } else {
            Err(HsdsError::MissingColumn {
                file: self.file,
                column,
            })
        }
    }

    /// Rows grouped by the value of `column`, in file order.
    fn by<'s>(&'s self, column: &str) -> HashMap<&'s str, Vec<&'s (u64, ::csv::StringRecord)>> {
        let mut map: HashMap<&str, Vec<_>> = HashMap::new();
        for entry in &self.rows {
            let key = self.get(&entry.1, column);
            if !key.is_empty() {
                map.entry(key).or_default().push(entry);
            }
        }
        map
    }

    fn empty(file: &'static str) -> Rows {
        Rows {
            file,
            columns: HashMap::new(),
            rows: Vec::new(),
        }
    }
}

fn read_table(dir: &Path, file: &'static str, needed: bool) -> Result<Rows, HsdsError> {
    let path = dir.join(file);
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !needed => {
            return Ok(Rows::empty(file))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(HsdsError::MissingTable {
                dir: dir.to_owned(),
                file,
            })
        }
        Err(source) => return Err(HsdsError::Read { path, source }),
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| HsdsError::NotUtf8 {
        file,
        line: super::line_of_offset(&bytes, e.valid_up_to()),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let syntax = |e: ::csv::Error| HsdsError::Syntax {
        file,
        line: e.position().map(::csv::Position::line).unwrap_or(0),
        problem: e.to_string(),
    };
    let columns = reader
        .headers()
        .map_err(syntax)?
        .iter()
        .enumerate()
        .map(|(i, name)| (name.trim().to_ascii_lowercase(), i))
        .collect();
    let mut rows = Vec::new();
    for row in reader.records() {
        let row = row.map_err(syntax)?;
        if row.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let line = row.position().map(::csv::Position::line).unwrap_or(0);
        rows.push((line, row));
    }
    Ok(Rows {
        file,
        columns,
        rows,
    })
}

/// Reads a package back into records, in the order of `services.csv`.
/// Services without a pamphlet category attribute get the category whose
/// name matches one of their taxonomy terms, else `other`.
pub fn import(dir: &Path, now: OffsetDateTime) -> Result<Vec<Record>, HsdsError> {
    let services = read_table(dir, SERVICE.path, true)?;
    for column in ["id", "name"] {
        services.require(column)?;
    }
    let organizations = read_table(dir, ORGANIZATION.path, false)?;
    let links = read_table(dir, SERVICE_AT_LOCATION.path, false)?;
    let addresses = read_table(dir, ADDRESS.path, false)?;
    let phones = read_table(dir, PHONE.path, false)?;
    let languages = read_table(dir, LANGUAGE.path, false)?;
    let schedules = read_table(dir, SCHEDULE.path, false)?;
    let attributes = read_table(dir, ATTRIBUTE.path, false)?;
    let terms = read_table(dir, TAXONOMY_TERM.path, false)?;

    let org_names: HashMap<&str, &str> = organizations
        .rows
        .iter()
        .map(|(_, row)| (organizations.get(row, "id"), organizations.get(row, "name")))
        .collect();
    let term_codes: HashMap<&str, (&str, &str)> = terms
        .rows
        .iter()
        .map(|(_, row)| {
            (
                terms.get(row, "id"),
                (terms.get(row, "code"), terms.get(row, "name")),
            )
        })
        .collect();
    let service_ids: HashMap<&str, u64> = services
        .rows
        .iter()
        .map(|(line, row)| (services.get(row, "id"), *line))
        .collect();
    for (table, column) in [
        (&phones, "service_id"),
        (&languages, "service_id"),
        (&schedules, "service_id"),
        (&links, "service_id"),
    ] {
        check_references(table, column, &service_ids, SERVICE.path)?;
    }
    let attribute_rows: Vec<_> = attributes
        .rows
        .iter()
        .filter(|(_, row)| {
            let entity = attributes.get(row, "link_entity");
            entity.is_empty() || entity.eq_ignore_ascii_case("service")
        })
        .cloned()
        .collect();
    let attributes_here = Rows {
        file: attributes.file,
        columns: attributes.columns.clone(),
        rows: attribute_rows,
    };
    check_references(&attributes_here, "link_id", &service_ids, SERVICE.path)?;

    let phones_by = phones.by("service_id");
    let languages_by = languages.by("service_id");
    let schedules_by = schedules.by("service_id");
    let links_by = links.by("service_id");
    let addresses_by = addresses.by("location_id");
    let attributes_by = attributes_here.by("link_id");

    let mut records = Vec::with_capacity(services.rows.len());
    let mut seen: HashMap<Uuid, u64> = HashMap::new();
    for (line, row) in &services.rows {
        let line = *line;
        let get = |column: &str| services.get(row, column).to_owned();
        let raw_id = get("id");
        let id =
            Uuid::parse_str(&raw_id).unwrap_or_else(|_| derived_id("foreign service", &[&raw_id]));
        let org_id = get("organization_id");
        let organization = if org_id.is_empty() {
            String::new()
        } else {
            match org_names.get(org_id.as_str()) {
                Some(name) => (*name).to_owned(),
                None => {
                    return Err(HsdsError::BadReference {
                        file: SERVICE.path,
                        line,
                        column: "organization_id",
                        id: org_id,
                        target: ORGANIZATION.path,
                    })
                }
            }
        };

        let mut input = RecordInput {
            id: Some(id.to_string()),
            name: Some(get("name")),
            organization: Some(organization),
            description: Some(get("description")),
            email: Some(get("email")),
            website: Some(get("url")),
            cost: Some(get("fees_description")),
            verified_on: Some(get("assured_date")),
            status: Some(match get("status").to_ascii_lowercase().as_str() {
                "temporarily closed" => "inactive".to_owned(),
                other => other.to_owned(),
            }),
            ..RecordInput::default()
        };

        if let Some(location_id) = links_by
            .get(raw_id.as_str())
            .and_then(|links_here| links_here.first())
            .map(|(_, link)| links.get(link, "location_id"))
        {
            if let Some((_, address)) = addresses_by.get(location_id).and_then(|a| a.first()) {
                let line_1 = addresses.get(address, "address_1");
                let line_2 = addresses.get(address, "address_2");
                input.address = Some(if line_2.is_empty() {
                    line_1.to_owned()
                } else {
                    format!("{line_1}, {line_2}")
                });
                input.city = Some(addresses.get(address, "city").to_owned());
                let state = addresses.get(address, "state_province");
                input.region = Some(if state.is_empty() {
                    addresses.get(address, "region").to_owned()
                } else {
                    state.to_owned()
                });
                input.country = Some(addresses.get(address, "country").to_owned());
            }
        }
        input.phones = Some(
            phones_by
                .get(raw_id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|(_, phone)| PhoneInput {
                    number: Some(phones.get(phone, "number").to_owned()),
                    kind: Some(phones.get(phone, "type").to_owned()),
                    note: Some(phones.get(phone, "description").to_owned()),
                })
                .collect(),
        );
        input.languages = Some(
            languages_by
                .get(raw_id.as_str())
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|(_, language)| {
                    let code = languages.get(language, "code");
                    if code.is_empty() {
                        languages.get(language, "name").to_owned()
                    } else {
                        code.to_owned()
                    }
                })
                .filter(|text| !text.is_empty())
                .collect(),
        );
        let hours: Vec<&str> = schedules_by
            .get(raw_id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|(_, schedule)| schedules.get(schedule, "description"))
            .filter(|text| !text.is_empty())
            .collect();
        input.hours = Some(hours.join("; "));

        let mut category = None;
        let mut guessed = None;
        let mut tags = Vec::new();
        let mut no_organization = false;
        for (_, attribute) in attributes_by
            .get(raw_id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default()
        {
            let term_id = attributes_here.get(attribute, "taxonomy_term_id");
            let value = attributes_here.get(attribute, "value").to_owned();
            let (code, term_name) = term_codes.get(term_id).copied().unwrap_or(("", ""));
            match code {
                TERM_TAG => tags.push(value),
                TERM_NOTES => input.notes = Some(value),
                TERM_UPDATED => input.updated_at = Some(value),
                TERM_NO_ORG => no_organization = true,
                _ => {
                    if let Some(name) = code.strip_prefix("pamphlet:category:") {
                        category = Some(name.to_owned());
                    } else if guessed.is_none() {
                        guessed = Category::parse(term_name).or_else(|| Category::parse(code));
                    }
                }
            }
        }
        input.category = Some(
            category
                .or_else(|| guessed.map(|c| c.as_str().to_owned()))
                .unwrap_or_else(|| Category::Other.as_str().to_owned()),
        );
        input.tags = Some(tags);
        if no_organization {
            input.organization = Some(String::new());
        }

        let record = input.validate(now).map_err(|source| HsdsError::Invalid {
            file: SERVICE.path,
            line,
            source,
        })?;
        if let Some(first) = seen.insert(record.id, line) {
            return Err(HsdsError::DuplicateId {
                file: SERVICE.path,
                line,
                first,
                id: record.id,
            });
        }
        records.push(record);
    }
    Ok(records)
}

fn check_references(
    table: &Rows,
    column: &'static str,
    targets: &HashMap<&str, u64>,
    target: &'static str,
) -> Result<(), HsdsError> {
    for (line, row) in &table.rows {
        let id = table.get(row, column);
        if !id.is_empty() && !targets.contains_key(id) {
            return Err(HsdsError::BadReference {
                file: table.file,
                line: *line,
                column,
                id: id.to_owned(),
                target,
            });
        }
    }
    Ok(())
}

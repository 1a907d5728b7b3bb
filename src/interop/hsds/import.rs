//! A package to records: every table read whole (all or nothing), the links
//! between rows checked, then one record per row of `services.csv`.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use time::OffsetDateTime;
use uuid::Uuid;

use super::error::HsdsError;
use super::tables::{
    AddressRow, AttributeRow, LanguageRow, OrganizationRow, PhoneRow, ScheduleRow,
    ServiceAtLocationRow, ServiceRow, Table, TaxonomyTermRow, TERM_CATEGORY_PREFIX, TERM_NOTES,
    TERM_NO_ORG, TERM_TAG, TERM_UPDATED,
};
use crate::interop::{derived_id, line_of_offset};
use crate::model::{Category, PhoneInput, Record, RecordInput};

/// Reads a package back into records, in the order of `services.csv`.
/// Services without a pamphlet category attribute get the category whose
/// name matches one of their taxonomy terms, else `other`.
pub fn import(dir: &Path, now: OffsetDateTime) -> Result<Vec<Record>, HsdsError> {
    let package = Tables::read(dir)?;
    package.check_references()?;
    let index = Index::new(&package);
    let services = &package.services;
    let mut records = Vec::with_capacity(services.rows.len());
    let mut seen: HashMap<Uuid, u64> = HashMap::new();
    for (line, row) in &services.rows {
        let line = *line;
        let record =
            index
                .input(line, row)?
                .validate(now)
                .map_err(|source| HsdsError::Invalid {
                    file: services.file,
                    line,
                    source,
                })?;
        if let Some(first) = seen.insert(record.id, line) {
            return Err(HsdsError::DuplicateId {
                file: services.file,
                line,
                first,
                id: record.id,
            });
        }
        records.push(record);
    }
    Ok(records)
}

/// A table read from a package: its column names and its rows, each with
/// the line it starts on. Cells are trimmed; a column the file lacks reads
/// as empty, and blank rows are skipped.
struct Rows<R> {
    file: &'static str,
    /// Trimmed and lowercased, as the rows were read by.
    columns: Vec<String>,
    rows: Vec<(u64, R)>,
}

impl<R: Table> Rows<R> {
    fn require(&self, column: &'static str) -> Result<(), HsdsError> {
        if self.columns.iter().any(|name| name == column) {
            Ok(())
        } else {
            Err(HsdsError::MissingColumn {
                file: self.file,
                column,
            })
        }
    }

    /// Rows grouped by a non-empty key, in file order.
    fn by(&self, key: fn(&R) -> &str) -> HashMap<&str, Vec<&R>> {
        let mut map: HashMap<&str, Vec<&R>> = HashMap::new();
        for (_, row) in &self.rows {
            let value = key(row);
            if !value.is_empty() {
                map.entry(value).or_default().push(row);
            }
        }
        map
    }

    /// Checks that the non-empty `column` (read by `key`) of every row names
    /// a row of `target`.
    fn check_references(
        &self,
        column: &'static str,
        key: fn(&R) -> &str,
        targets: &HashMap<&str, u64>,
        target: &'static str,
    ) -> Result<(), HsdsError> {
        for (line, row) in &self.rows {
            let id = key(row);
            if !id.is_empty() && !targets.contains_key(id) {
                return Err(HsdsError::BadReference {
                    file: self.file,
                    line: *line,
                    column,
                    id: id.to_owned(),
                    target,
                });
            }
        }
        Ok(())
    }

    /// The table `R` of the package in `dir`; when it is not `needed`, a
    /// missing file reads as an empty table.
    fn read(dir: &Path, needed: bool) -> Result<Rows<R>, HsdsError> {
        let file = R::SPEC.path;
        let path = dir.join(file);
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !needed => {
                return Ok(Rows {
                    file,
                    columns: Vec::new(),
                    rows: Vec::new(),
                })
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
            line: line_of_offset(&bytes, e.valid_up_to()),
        })?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        Rows::parse(file, text)
    }

    fn parse(file: &'static str, text: &str) -> Result<Rows<R>, HsdsError> {
        let mut reader = ::csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let syntax = |line: Option<u64>, problem: String| HsdsError::Syntax {
            file,
            line: line.unwrap_or(0),
            problem,
        };
        let csv_error =
            |e: ::csv::Error| syntax(e.position().map(::csv::Position::line), e.to_string());
        let columns = column_names(reader.headers().map_err(csv_error)?);
        let header: ::csv::StringRecord = columns.iter().collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let mut record = record.map_err(csv_error)?;
            record.trim();
            if record.iter().all(str::is_empty) {
                continue;
            }
            let line = record.position().map(::csv::Position::line);
            // A short row's missing cells read as empty.
            while record.len() < header.len() {
                record.push_field("");
            }
            let row = record
                .deserialize(Some(&header))
                .map_err(|e| syntax(line, e.to_string()))?;
            rows.push((line.unwrap_or(0), row));
        }
        Ok(Rows {
            file,
            columns,
            rows,
        })
    }
}

/// A header's names, trimmed and lowercased. When a name repeats, the
/// last column of that name is the one read: the others are renamed to
/// nothing, which no field of a row has.
fn column_names(header: &::csv::StringRecord) -> Vec<String> {
    let mut names: Vec<String> = header
        .iter()
        .map(|name| name.trim().to_ascii_lowercase())
        .collect();
    for index in 0..names.len() {
        if names[index + 1..].contains(&names[index]) {
            names[index].clear();
        }
    }
    names
}

/// The tables of a package that pamphlet reads.
struct Tables {
    services: Rows<ServiceRow>,
    organizations: Rows<OrganizationRow>,
    links: Rows<ServiceAtLocationRow>,
    addresses: Rows<AddressRow>,
    phones: Rows<PhoneRow>,
    languages: Rows<LanguageRow>,
    schedules: Rows<ScheduleRow>,
    /// Only those linked to services.
    attributes: Rows<AttributeRow>,
    terms: Rows<TaxonomyTermRow>,
}

impl Tables {
    /// Reads the tables, `services.csv` (with its `id` and `name` columns)
    /// first and required, the others optional.
    fn read(dir: &Path) -> Result<Tables, HsdsError> {
        let services = Rows::<ServiceRow>::read(dir, true)?;
        for column in ["id", "name"] {
            services.require(column)?;
        }
        let organizations = Rows::read(dir, false)?;
        let links = Rows::read(dir, false)?;
        let addresses = Rows::read(dir, false)?;
        let phones = Rows::read(dir, false)?;
        let languages = Rows::read(dir, false)?;
        let schedules = Rows::read(dir, false)?;
        let mut attributes: Rows<AttributeRow> = Rows::read(dir, false)?;
        attributes.rows.retain(|(_, row)| {
            row.link_entity.is_empty() || row.link_entity.eq_ignore_ascii_case("service")
        });
        let terms = Rows::read(dir, false)?;
        Ok(Tables {
            services,
            organizations,
            links,
            addresses,
            phones,
            languages,
            schedules,
            attributes,
            terms,
        })
    }

    /// Every row that points at a service points at one that exists.
    fn check_references(&self) -> Result<(), HsdsError> {
        let service_ids: HashMap<&str, u64> = self
            .services
            .rows
            .iter()
            .map(|(line, row)| (row.id.as_str(), *line))
            .collect();
        let services = self.services.file;
        let column = "service_id";
        self.phones
            .check_references(column, |row| &row.service_id, &service_ids, services)?;
        self.languages
            .check_references(column, |row| &row.service_id, &service_ids, services)?;
        self.schedules
            .check_references(column, |row| &row.service_id, &service_ids, services)?;
        self.links
            .check_references(column, |row| &row.service_id, &service_ids, services)?;
        self.attributes
            .check_references("link_id", |row| &row.link_id, &service_ids, services)
    }
}

/// The rows of a package looked up by what links them to a service.
struct Index<'a> {
    organization_names: HashMap<&'a str, &'a str>,
    /// Code and name by term id.
    terms: HashMap<&'a str, (&'a str, &'a str)>,
    links: HashMap<&'a str, Vec<&'a ServiceAtLocationRow>>,
    addresses: HashMap<&'a str, Vec<&'a AddressRow>>,
    phones: HashMap<&'a str, Vec<&'a PhoneRow>>,
    languages: HashMap<&'a str, Vec<&'a LanguageRow>>,
    schedules: HashMap<&'a str, Vec<&'a ScheduleRow>>,
    attributes: HashMap<&'a str, Vec<&'a AttributeRow>>,
}

/// The rows for a key, or none.
fn rows_of<'i, 'a, R>(map: &'i HashMap<&'a str, Vec<&'a R>>, key: &str) -> &'i [&'a R] {
    map.get(key).map(Vec::as_slice).unwrap_or_default()
}

impl<'a> Index<'a> {
    fn new(tables: &'a Tables) -> Index<'a> {
        Index {
            organization_names: tables
                .organizations
                .rows
                .iter()
                .map(|(_, row)| (row.id.as_str(), row.name.as_str()))
                .collect(),
            terms: tables
                .terms
                .rows
                .iter()
                .map(|(_, row)| (row.id.as_str(), (row.code.as_str(), row.name.as_str())))
                .collect(),
            links: tables.links.by(|row| &row.service_id),
            addresses: tables.addresses.by(|row| &row.location_id),
            phones: tables.phones.by(|row| &row.service_id),
            languages: tables.languages.by(|row| &row.service_id),
            schedules: tables.schedules.by(|row| &row.service_id),
            attributes: tables.attributes.by(|row| &row.link_id),
        }
    }

    /// The record a service on `line` describes, not yet checked.
    fn input(&self, line: u64, service: &ServiceRow) -> Result<RecordInput, HsdsError> {
        let id = Uuid::parse_str(&service.id)
            .unwrap_or_else(|_| derived_id("foreign service", &[&service.id]));
        let mut input = RecordInput {
            id: Some(id.to_string()),
            name: Some(service.name.clone()),
            organization: Some(self.organization(line, service)?),
            description: Some(service.description.clone()),
            email: Some(service.email.clone()),
            website: Some(service.url.clone()),
            cost: Some(service.fees_description.clone()),
            verified_on: Some(service.assured_date.clone()),
            status: Some(match service.status.to_ascii_lowercase().as_str() {
                "temporarily closed" => "inactive".to_owned(),
                other => other.to_owned(),
            }),
            ..RecordInput::default()
        };
        self.add_place(&service.id, &mut input);
        self.add_contacts(&service.id, &mut input);
        self.add_attributes(&service.id, &mut input);
        Ok(input)
    }

    /// The name of the service's organization, empty when it has none.
    fn organization(&self, line: u64, service: &ServiceRow) -> Result<String, HsdsError> {
        let id = &service.organization_id;
        if id.is_empty() {
            return Ok(String::new());
        }
        match self.organization_names.get(id.as_str()) {
            Some(name) => Ok((*name).to_owned()),
            None => Err(HsdsError::BadReference {
                file: ServiceRow::SPEC.path,
                line,
                column: "organization_id",
                id: id.clone(),
                target: OrganizationRow::SPEC.path,
            }),
        }
    }

    /// The address of the service's first location, if it has one.
    fn add_place(&self, service_id: &str, input: &mut RecordInput) {
        let Some(link) = rows_of(&self.links, service_id).first() else {
            return;
        };
        let Some(address) = rows_of(&self.addresses, &link.location_id).first() else {
            return;
        };
        input.address = Some(if address.address_2.is_empty() {
            address.address_1.clone()
        } else {
            format!("{}, {}", address.address_1, address.address_2)
        });
        input.city = Some(address.city.clone());
        input.region = Some(if address.state_province.is_empty() {
            address.region.clone()
        } else {
            address.state_province.clone()
        });
        input.country = Some(address.country.clone());
    }

    /// Phones in order, languages by code (or name), and the schedules'
    /// descriptions joined as the hours.
    fn add_contacts(&self, service_id: &str, input: &mut RecordInput) {
        input.phones = Some(
            rows_of(&self.phones, service_id)
                .iter()
                .map(|phone| PhoneInput {
                    number: Some(phone.number.clone()),
                    kind: Some(phone.kind.clone()),
                    note: Some(phone.description.clone()),
                })
                .collect(),
        );
        input.languages = Some(
            rows_of(&self.languages, service_id)
                .iter()
                .map(|language| {
                    if language.code.is_empty() {
                        language.name.clone()
                    } else {
                        language.code.clone()
                    }
                })
                .filter(|text| !text.is_empty())
                .collect(),
        );
        let hours: Vec<&str> = rows_of(&self.schedules, service_id)
            .iter()
            .map(|schedule| schedule.description.as_str())
            .filter(|text| !text.is_empty())
            .collect();
        input.hours = Some(hours.join("; "));
    }

    /// Category, tags, notes, last change and "no organization" from the
    /// service's attributes. Without a pamphlet category, the first term
    /// whose name (or code) is a category's gives it, else `other`.
    fn add_attributes(&self, service_id: &str, input: &mut RecordInput) {
        let mut category = None;
        let mut guessed = None;
        let mut tags = Vec::new();
        let mut no_organization = false;
        for attribute in rows_of(&self.attributes, service_id) {
            let value = attribute.value.clone();
            let (code, term_name) = self
                .terms
                .get(attribute.taxonomy_term_id.as_str())
                .copied()
                .unwrap_or(("", ""));
            match code {
                TERM_TAG => tags.push(value),
                TERM_NOTES => input.notes = Some(value),
                TERM_UPDATED => input.updated_at = Some(value),
                TERM_NO_ORG => no_organization = true,
                _ => {
                    if let Some(name) = code.strip_prefix(TERM_CATEGORY_PREFIX) {
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
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::model::Status;

    const NOW: OffsetDateTime = datetime!(2026-12-01 12:00 UTC);

    fn package(files: &[(&str, &[u8])]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, bytes) in files {
            fs::write(dir.path().join(name), bytes).unwrap();
        }
        dir
    }

    #[test]
    fn loose_csv_from_other_tools_is_read_by_column_name() {
        // A byte order mark, names in any case with spaces, a repeated
        // column (the last counts), cells with spaces, a blank row, a short
        // row and a long one; address_2 and region, which pamphlet does not
        // write; attributes of other entities left out.
        let dir = package(&[
            (
                "services.csv",
                b"\xef\xbb\xbfID , Name,Organization_ID,STATUS,id\n  x  , Hotline ,o1, Temporarily Closed ,svc-1\n , , \nsvc-2,Walk in\nsvc-3,Extra,o1,active,svc-3,surplus\n",
            ),
            ("organizations.csv", b"id,name\no1,Org One\n"),
            ("service_at_location.csv", b"id,service_id,location_id\nl1,svc-1,loc-1\n"),
            (
                "addresses.csv",
                b"id,location_id,address_1,address_2,city,region\na1,loc-1,1 Main,Unit 2,Springfield,IL\n",
            ),
            (
                "phones.csv",
                b"id,service_id,number,type\np1,svc-1,+1 212 555 0100\np2,svc-1,+1 212 555 0101,text,extra\n",
            ),
            ("languages.csv", b"id,service_id,name,code\nl1,svc-3,French,\nl2,svc-3,,de\n"),
            ("schedules.csv", b"id,service_id,description\ns1,svc-3,Mon\ns2,svc-3,\ns3,svc-3,Tue\n"),
            (
                "attributes.csv",
                b"id,link_id,taxonomy_term_id,link_entity,value\na1,svc-3,t1,SERVICE,\na2,elsewhere,t1,organization,\na3,svc-3,t2,,hello\n",
            ),
            ("taxonomy_terms.csv", b"id,code,name\nt1,XYZ,Clinic\nt2,pamphlet:tag,tag\n"),
        ]);
        let records = import(dir.path(), NOW).unwrap();
        let names: Vec<&str> = records.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Hotline", "Walk in", "Extra"]);

        let hotline = &records[0];
        assert_eq!(hotline.id, derived_id("foreign service", &["svc-1"]));
        assert_eq!(hotline.organization, "Org One");
        assert_eq!(hotline.status, Status::Inactive);
        assert_eq!(hotline.address, "1 Main, Unit 2");
        assert_eq!(
            (hotline.city.as_str(), hotline.region.as_str()),
            ("Springfield", "IL")
        );
        let phones: Vec<(&str, &str)> = hotline
            .phones
            .iter()
            .map(|p| (p.number.as_str(), p.kind.as_str()))
            .collect();
        assert_eq!(
            phones,
            [("+1 212 555 0100", "voice"), ("+1 212 555 0101", "text")]
        );
        assert_eq!(hotline.category, Category::Other);

        let walk_in = &records[1];
        assert_eq!(
            (walk_in.organization.as_str(), walk_in.status),
            ("", Status::Active)
        );

        let extra = &records[2];
        assert_eq!(extra.languages, ["fr", "de"]);
        assert_eq!(extra.hours, "Mon; Tue");
        assert_eq!(extra.tags, ["hello"]);
        assert_eq!(extra.category, Category::Clinic);
    }

    #[test]
    fn errors_name_the_file_line_and_field() {
        let services: &[u8] = b"id,name,organization_id\nsvc-1,One,\nsvc-2,Two,nope\n";
        let dir = package(&[("services.csv", services)]);
        let error = import(dir.path(), NOW).unwrap_err().to_string();
        assert_eq!(
            error,
            "services.csv: line 3: field `organization_id`: no row with id \"nope\" in organizations.csv"
        );

        let dir = package(&[
            ("services.csv", b"id,name\nsvc-1,One\n"),
            ("schedules.csv", b"id,service_id\ns1,svc-1\ns2,svc-9\n"),
        ]);
        let error = import(dir.path(), NOW).unwrap_err().to_string();
        assert_eq!(
            error,
            "schedules.csv: line 3: field `service_id`: no row with id \"svc-9\" in services.csv"
        );

        let dir = package(&[("services.csv", b"ID,Title\n")]);
        let error = import(dir.path(), NOW).unwrap_err().to_string();
        assert_eq!(error, "services.csv: line 1: no `name` column");

        let dir = package(&[("services.csv", b"id,name,name\nsvc-1,One,\n")]);
        let error = import(dir.path(), NOW).unwrap_err().to_string();
        assert!(
            error.starts_with("services.csv: line 2: field `name`"),
            "{error}"
        );
    }
}

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
//!
//! `tables` defines one row type per table (its fields are the columns, in
//! order) and the package descriptor; `export` builds the rows from records
//! and writes them through `csv`'s serde support; `import` reads them back
//! the same way; `error` is what both report.

mod error;
mod export;
mod import;
mod tables;

pub use error::HsdsError;
pub use export::{export, AddressGaps, Package};
pub use import::import;

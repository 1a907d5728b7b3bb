//! HSDS packages, CSV spreadsheets, referral sheets, completions and the man
//! page, through the real binary on real vaults in temp dirs.

mod common;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use common::{stderr_of, TestVault};
use predicates::prelude::*;

/// A vault holding the sample directory.
fn sample_vault() -> TestVault {
    TestVault::with_sample()
}

fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

// ---------------------------------------------------------------- HSDS

fn export_hsds(vault: &TestVault, name: &str, extra: &[&str]) -> PathBuf {
    let dir = vault.temp.path().join(name);
    let output = vault
        .cmd()
        .arg("export-hsds")
        .arg(&dir)
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    dir
}

#[test]
fn hsds_export_then_import_keeps_every_field() {
    let source = sample_vault();
    let dir = export_hsds(&source, "package", &[]);
    let target = TestVault::new();
    target
        .cmd()
        .arg("import-hsds")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("read 223 services; added 223"));
    let before = source.dump();
    let after = target.dump();
    assert_eq!(before.lines().count(), 223);
    for (a, b) in before.lines().zip(after.lines()) {
        assert_eq!(a, b);
    }
    assert_eq!(before, after);

    // Importing the same package again changes nothing.
    target
        .cmd()
        .arg("import-hsds")
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("unchanged 223"));
}

/// A table schema written from the HSDS 3.0 specification (tests/data/hsds).
struct TableSchema {
    path: String,
    fields: Vec<(String, String, bool, Option<Vec<String>>)>,
}

fn spec_tables() -> HashMap<String, TableSchema> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hsds");
    let mut tables = HashMap::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let fields = value["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["name"].as_str().unwrap().to_owned(),
                    f["type"].as_str().unwrap().to_owned(),
                    f["required"].as_bool().unwrap(),
                    f["enum"].as_array().map(|values| {
                        values
                            .iter()
                            .map(|v| v.as_str().unwrap().to_owned())
                            .collect()
                    }),
                )
            })
            .collect();
        tables.insert(
            value["table"].as_str().unwrap().to_owned(),
            TableSchema {
                path: value["path"].as_str().unwrap().to_owned(),
                fields,
            },
        );
    }
    tables
}

/// Reads a CSV file as (header, rows).
fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// Values pamphlet cannot know, so leaves empty although HSDS requires them:
/// it keeps no postal code, and a record may have a city but no street.
const UNKNOWN_TO_PAMPHLET: [(&str, &str); 2] =
    [("address", "postal_code"), ("address", "address_1")];

#[test]
fn hsds_package_matches_the_specification_tables() {
    let vault = sample_vault();
    let dir = export_hsds(&vault, "package", &[]);
    let spec = spec_tables();
    assert!(spec.len() >= 11, "the schema data is there");
    let package: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(dir.join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(package["profile"], "tabular-data-package");
    let resources = package["resources"].as_array().unwrap();
    let names: HashSet<&str> = resources
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    for needed in [
        "organization",
        "service",
        "location",
        "address",
        "phone",
        "language",
        "service_at_location",
        "schedule",
        "attribute",
        "taxonomy_term",
    ] {
        assert!(names.contains(needed), "the package has a {needed} table");
    }

    let mut ids: HashMap<String, HashSet<String>> = HashMap::new();
    let mut tables: BTreeMap<String, (Vec<String>, Vec<Vec<String>>)> = BTreeMap::new();
    for resource in resources {
        let name = resource["name"].as_str().unwrap();
        let path = resource["path"].as_str().unwrap();
        let schema = spec
            .get(name)
            .unwrap_or_else(|| panic!("{name} is an HSDS 3.0 table"));
        assert_eq!(path, schema.path, "{name} is at the HSDS path");
        let (header, rows) = read_csv(&dir.join(path));

        // The descriptor names the same fields as the file, with the
        // specification's types and required flags.
        let declared = resource["schema"]["fields"].as_array().unwrap();
        let declared_names: Vec<&str> = declared
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(declared_names, header, "{name}: descriptor matches the CSV");
        for field in declared {
            let field_name = field["name"].as_str().unwrap();
            let (_, kind, required, _) = schema
                .fields
                .iter()
                .find(|(n, ..)| n == field_name)
                .unwrap_or_else(|| panic!("{name}.{field_name} is an HSDS field"));
            assert_eq!(field["type"], kind.as_str(), "{name}.{field_name} type");
            assert_eq!(
                field["constraints"]["required"], *required,
                "{name}.{field_name} required"
            );
        }

        for (field, kind, required, allowed) in &schema.fields {
            let column = header.iter().position(|h| h == field);
            if *required {
                assert!(column.is_some(), "{name}.{field} is required but absent");
            }
            let Some(column) = column else { continue };
            for (index, row) in rows.iter().enumerate() {
                let value = &row[column];
                let at = format!("{path} row {}: {field} = {value:?}", index + 1);
                if value.is_empty() {
                    assert!(
                        !*required || UNKNOWN_TO_PAMPHLET.contains(&(name, field.as_str())),
                        "{at}: required"
                    );
                    continue;
                }
                match kind.as_str() {
                    "date" => assert!(
                        value.len() == 10
                            && value.chars().enumerate().all(|(i, c)| if i == 4 || i == 7 {
                                c == '-'
                            } else {
                                c.is_ascii_digit()
                            }),
                        "{at}: not a date"
                    ),
                    "number" => assert!(value.parse::<f64>().is_ok(), "{at}: not a number"),
                    "string" => {}
                    other => panic!("{at}: unexpected type {other}"),
                }
                if let Some(allowed) = allowed {
                    assert!(allowed.contains(value), "{at}: not one of {allowed:?}");
                }
            }
        }
        let id_column = header.iter().position(|h| h == "id").unwrap();
        let table_ids: HashSet<String> = rows.iter().map(|r| r[id_column].clone()).collect();
        assert_eq!(table_ids.len(), rows.len(), "{name}: ids are unique");
        ids.insert(name.to_owned(), table_ids);
        tables.insert(name.to_owned(), (header, rows));
    }

    // Foreign keys point at rows that exist.
    for (table, column, target) in [
        ("service", "organization_id", "organization"),
        ("service_at_location", "service_id", "service"),
        ("service_at_location", "location_id", "location"),
        ("location", "organization_id", "organization"),
        ("address", "location_id", "location"),
        ("phone", "service_id", "service"),
        ("language", "service_id", "service"),
        ("schedule", "service_id", "service"),
        ("attribute", "link_id", "service"),
        ("attribute", "taxonomy_term_id", "taxonomy_term"),
        ("taxonomy_term", "taxonomy_id", "taxonomy"),
    ] {
        let (header, rows) = &tables[table];
        let index = header.iter().position(|h| h == column).unwrap();
        for row in rows {
            assert!(
                row[index].is_empty() || ids[target].contains(&row[index]),
                "{table}.{column} {} is not in {target}",
                row[index]
            );
        }
    }
    assert_eq!(tables["service"].1.len(), 223);
    let phones: usize = vault
        .dump()
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line).unwrap()["phones"]
                .as_array()
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(tables["phone"].1.len(), phones);
}

/// `export-hsds` into a new directory of the vault's temp dir: its stderr.
fn export_hsds_stderr(vault: &TestVault, name: &str, extra: &[&str]) -> String {
    let output = vault
        .cmd()
        .arg("export-hsds")
        .arg(vault.temp.path().join(name))
        .args(extra)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    stderr_of(&output)
}

#[test]
fn hsds_export_warns_of_the_required_address_cells_it_leaves_empty() {
    let vault = sample_vault();
    let records: Vec<serde_json::Value> = vault
        .dump()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let has = |r: &serde_json::Value, field: &str| r[field] != "";
    let with_place = records
        .iter()
        .filter(|r| {
            ["address", "city", "region", "country"]
                .iter()
                .any(|f| has(r, f))
        })
        .count();
    let without_street = records
        .iter()
        .filter(|r| !has(r, "address") && ["city", "region", "country"].iter().any(|f| has(r, f)))
        .count();
    assert!(
        0 < without_street && without_street < with_place,
        "the sample has records with and without a street: {without_street} of {with_place}"
    );

    let stderr = export_hsds_stderr(&vault, "package", &[]);
    let expected = format!(
        "warning: addresses.csv leaves empty what HSDS 3.0 requires: postal_code in all {with_place} rows \
         (pamphlet keeps no postal codes) and address_1 in {without_street} of them \
         (records with a city, region or country but no street address); HSDS validators will flag these cells\n"
    );
    assert_eq!(stderr, expected);
    // The counts are those of the file written.
    let (header, rows) = read_csv(&vault.temp.path().join("package/addresses.csv"));
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), with_place);
    let empty = |name: &str| rows.iter().filter(|r| r[column(name)].is_empty()).count();
    assert_eq!(empty("address_1"), without_street);
    assert_eq!(empty("postal_code"), with_place);

    // With the streets redacted, no row has one.
    let stderr = export_hsds_stderr(&vault, "redacted", &["--redact", "address"]);
    assert!(
        stderr.contains(&format!(
            "postal_code in all {with_place} rows (pamphlet keeps no postal codes) \
             and address_1 in {with_place} of them"
        )),
        "{stderr}"
    );

    // Every record with a street address: only the postal codes are missing.
    let small = TestVault::new();
    let jsonl = small.file(
        "two.jsonl",
        concat!(
            r#"{"name":"Ana Ruiz","category":"lawyer","address":"12 Example St","city":"Portland","country":"US"}"#,
            "\n",
            r#"{"name":"Example Hotline","category":"other"}"#,
            "\n",
        ),
    );
    small.cmd().arg("load").arg(&jsonl).assert().success();
    let stderr = export_hsds_stderr(&small, "streets", &[]);
    assert_eq!(
        stderr,
        "warning: addresses.csv leaves empty what HSDS 3.0 requires: postal_code in its only row \
         (pamphlet keeps no postal codes); HSDS validators will flag these cells\n"
    );
    assert!(!stderr.contains("address_1"), "{stderr}");

    // No address rows at all: nothing to warn of.
    let stderr = export_hsds_stderr(&small, "hotline", &["hotline"]);
    assert_eq!(stderr, "", "no address rows, no warning");
    let (_, rows) = read_csv(&small.temp.path().join("hotline/addresses.csv"));
    assert!(rows.is_empty());
}

#[test]
fn hsds_export_redacts_and_refuses_to_overwrite() {
    let vault = sample_vault();
    let dir = export_hsds(
        &vault,
        "redacted",
        &["--redact", "phones,notes", "portland"],
    );
    let (_, phones) = read_csv(&dir.join("phones.csv"));
    assert!(phones.is_empty());
    let (_, services) = read_csv(&dir.join("services.csv"));
    assert!(!services.is_empty() && services.len() < 223);
    let attributes = fs::read_to_string(dir.join("attributes.csv")).unwrap();
    assert!(!attributes.contains(",notes,"));

    vault
        .cmd()
        .arg("export-hsds")
        .arg(&dir)
        .assert()
        .failure()
        .stderr(predicate::str::contains("not empty"));
    vault
        .cmd()
        .arg("export-hsds")
        .arg(vault.temp.path().join("x"))
        .args(["--redact", "name"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot redact \"name\""));
}

#[test]
fn a_bad_hsds_package_is_refused_by_file_line_and_field_and_nothing_is_stored() {
    let source = sample_vault();
    let dir = export_hsds(&source, "package", &[]);
    let services = dir.join("services.csv");
    let text = fs::read_to_string(&services).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    lines[5] = lines[5].replace(",active,", ",sideways,");
    assert!(lines[5].contains("sideways"), "{}", lines[5]);
    fs::write(&services, lines.join("\n") + "\n").unwrap();

    let target = TestVault::new();
    let before = target.snapshot();
    target
        .cmd()
        .arg("import-hsds")
        .arg(&dir)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "services.csv: line 6: field `status`",
        ))
        .stderr(predicate::str::contains("nothing was stored"));
    assert!(before == target.snapshot(), "the vault is untouched");
    assert_eq!(target.dump(), "");

    // A phone that points at no service.
    let dir = export_hsds(&source, "package2", &[]);
    let phones = dir.join("phones.csv");
    let text = fs::read_to_string(&phones).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let service_id = lines[2].split(',').nth(1).unwrap().to_owned();
    lines[2] = lines[2].replace(&service_id, "00000000-0000-4000-8000-000000000000");
    fs::write(&phones, lines.join("\n") + "\n").unwrap();
    target
        .cmd()
        .arg("import-hsds")
        .arg(&dir)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "phones.csv: line 3: field `service_id`",
        ));

    target
        .cmd()
        .arg("import-hsds")
        .arg(target.temp.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("no services.csv"));
    assert_eq!(target.dump(), "");
}

#[test]
fn a_foreign_hsds_package_gets_a_category_from_its_terms() {
    let vault = TestVault::new();
    let dir = vault.temp.path().join("foreign");
    fs::create_dir(&dir).unwrap();
    let write = |name: &str, text: &str| fs::write(dir.join(name), text).unwrap();
    write(
        "organizations.csv",
        "id,name,description\norg-1,Example Legal Aid,Free legal help\n",
    );
    write(
        "services.csv",
        "id,organization_id,name,status,url\nsvc-1,org-1,Tenant hotline,temporarily closed,https://legal.example.org\nsvc-2,org-1,Walk-in help,active,\n",
    );
    write(
        "taxonomy_terms.csv",
        "id,code,name,description\nt-1,LEGAL,Lawyer,Legal help\n",
    );
    write(
        "attributes.csv",
        "id,link_id,taxonomy_term_id,link_type,link_entity,value\na-1,svc-1,t-1,service_type,service,\n",
    );
    write(
        "phones.csv",
        "id,service_id,number,type,description\np-1,svc-1,+1 212 555 0142,voice,\np-2,,+1 212 555 0143,voice,org line\n",
    );
    write(
        "languages.csv",
        "id,service_id,name,code\nl-1,svc-1,Spanish,\n",
    );
    vault.cmd().arg("import-hsds").arg(&dir).assert().success();
    let dump = vault.dump();
    let records: Vec<serde_json::Value> = dump
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let hotline = records
        .iter()
        .find(|r| r["name"] == "Tenant hotline")
        .unwrap();
    assert_eq!(hotline["category"], "lawyer");
    assert_eq!(hotline["status"], "inactive");
    assert_eq!(hotline["organization"], "Example Legal Aid");
    assert_eq!(hotline["languages"], serde_json::json!(["es"]));
    assert_eq!(hotline["phones"].as_array().unwrap().len(), 1);
    let walk_in = records
        .iter()
        .find(|r| r["name"] == "Walk-in help")
        .unwrap();
    assert_eq!(walk_in["category"], "other");
}

// ---------------------------------------------------------------- CSV

#[test]
fn csv_export_then_import_keeps_every_field() {
    let source = sample_vault();
    let file = source.temp.path().join("all.csv");
    source
        .cmd()
        .args(["export-csv", "--out"])
        .arg(&file)
        .assert()
        .success();
    let target = TestVault::new();
    target
        .cmd()
        .arg("import-csv")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains("223 rows ready"))
        .stderr(predicate::str::contains("added 223"));
    assert_eq!(source.dump(), target.dump());

    // Standard output gives the same CSV, and a query selects.
    let output = source.cmd().args(["export-csv"]).output().unwrap();
    assert_eq!(output.stdout, fs::read(&file).unwrap());
    let output = source
        .cmd()
        .args(["export-csv", "city:paris"])
        .output()
        .unwrap();
    let text = stdout_of(&output);
    assert!(text.starts_with("id,name,organization,category,"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let cities: Vec<String> = reader
        .records()
        .map(|row| row.unwrap()[5].to_owned())
        .collect();
    assert_eq!(cities.len(), 17, "the sample's referrals in Paris");
    assert!(cities.iter().all(|city| city == "Paris"), "{cities:?}");
}

#[test]
fn csv_export_then_import_keeps_separators_backslashes_quotes_and_newlines() {
    let source = TestVault::new();
    let nasty_tags = serde_json::json!([
        "a,b",
        "x|y",
        "back\\slash",
        "semi;colon",
        "say \"hi\"",
        "trailing\\",
        "\\|",
        "en/es"
    ]);
    let nasty_phones = serde_json::json!([
        {"number": "+1 503 555 0100", "type": "voice", "note": "ask | for Ana, or Bo; evenings"},
        {"number": "+1 503 555 0101", "type": "text", "note": "C:\\forms \\| \\\\ \"quoted\", then more"},
        {"number": "+1 503 555 0102", "type": "fax", "note": ""},
        {"number": "(503) 555-0103 #4", "type": "voice", "note": ","}
    ]);
    let records = [
        serde_json::json!({
            "name": "Clínica \"Libre\", Portland",
            "category": "clinic",
            "city": "Portland", "region": "OR", "country": "US",
            "notes": "Walk in; no ID.\nAsk for Ana | or Bo, \\ evenings",
            "hours": "Mon 9-17\nTue 9-12",
            "tags": nasty_tags,
            "languages": ["es", "en"],
            "phones": nasty_phones,
        }),
        serde_json::json!({
            "name": "Example Tenants' Union",
            "category": "housing",
            "tags": [",", ";", "|", "/", "\\", "\\\\,"],
            "phones": [{"number": "+1 212 555 0142", "type": "voice", "note": "|"}],
        }),
        serde_json::json!({"name": "Bo", "category": "lawyer"}),
    ];
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    let jsonl = source.file("nasty.jsonl", &lines);
    source.cmd().arg("load").arg(&jsonl).assert().success();

    let file = source.temp.path().join("nasty.csv");
    source
        .cmd()
        .args(["export-csv", "--out"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote 3 records"));
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.contains(r"a\,b, x\|y, back\\slash, semi\;colon"),
        "list items are escaped: {text}"
    );

    let target = TestVault::new();
    target
        .cmd()
        .arg("import-csv")
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains("added 3"));
    let before = source.dump();
    assert_eq!(before.lines().count(), 3);
    assert_eq!(before, target.dump());

    // Not only equal: the awkward values are really there.
    let back: Vec<serde_json::Value> = target
        .dump()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let clinic = by_name(&back, "Clínica \"Libre\", Portland");
    assert_eq!(clinic["tags"], nasty_tags);
    assert_eq!(clinic["phones"], nasty_phones);
    assert_eq!(clinic["languages"], serde_json::json!(["es", "en"]));
}

#[test]
fn csv_backslashes_typed_by_hand_stay_unless_before_a_separator() {
    let (_, records) = import_csv_bytes(
        concat!(
            "name,category,tags,phones,languages\n",
            r#"Ana,clinic,"C:\forms, a\b; x\,y | \\",555 0100;voice;ask\; \| C:\forms,es/pt"#,
            "\n",
            "Bo,lawyer,\"plain, list; of | tags\",\"555 0101, 555 0102\",en\n",
        )
        .as_bytes(),
    );
    let ana = by_name(&records, "Ana");
    assert_eq!(
        ana["tags"],
        serde_json::json!([r"C:\forms", r"a\b", "x,y", r"\"])
    );
    assert_eq!(ana["phones"][0]["note"], r"ask; | C:\forms");
    assert_eq!(ana["languages"], serde_json::json!(["es", "pt"]));
    let bo = by_name(&records, "Bo");
    assert_eq!(
        bo["tags"],
        serde_json::json!(["plain", "list", "of", "tags"])
    );
    assert_eq!(bo["phones"].as_array().unwrap().len(), 2);
}

/// Imports `contents` (bytes) into a new vault and returns the records.
fn import_csv_bytes(contents: &[u8]) -> (TestVault, Vec<serde_json::Value>) {
    let vault = TestVault::new();
    let path = vault.temp.path().join("sheet.csv");
    fs::write(&path, contents).unwrap();
    let output = vault.cmd().arg("import-csv").arg(&path).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let records = vault
        .dump()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    (vault, records)
}

fn by_name<'a>(records: &'a [serde_json::Value], name: &str) -> &'a serde_json::Value {
    records
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no record named {name}"))
}

#[test]
fn csv_headers_match_case_insensitively_and_through_aliases() {
    let (_, records) = import_csv_bytes(
        "Name,Category,Town,Phone Number,Language(s),STATE,E-mail,Website,Fees\n\
         Clínica Libre,Clinic,Portland,+1 503 555 0100,\"Spanish, en\",OR,hi@example.org,https://clinic.example.org,free\n"
            .as_bytes(),
    );
    let r = by_name(&records, "Clínica Libre");
    assert_eq!(r["city"], "Portland");
    assert_eq!(r["region"], "OR");
    assert_eq!(r["phones"][0]["number"], "+1 503 555 0100");
    assert_eq!(r["languages"], serde_json::json!(["es", "en"]));
    assert_eq!(r["email"], "hi@example.org");
    assert_eq!(r["cost"], "free");
}

#[test]
fn csv_with_a_utf8_bom() {
    let (_, records) = import_csv_bytes("\u{feff}name,category\nAna,clinic\n".as_bytes());
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["name"], "Ana");
}

#[test]
fn csv_with_semicolons() {
    let (_, records) = import_csv_bytes(
        "name;category;city;notes\nAna;clinic;Lyon;\"a, b; c\"\nBo;lawyer;Paris;\n".as_bytes(),
    );
    assert_eq!(by_name(&records, "Ana")["notes"], "a, b; c");
    assert_eq!(by_name(&records, "Bo")["city"], "Paris");
}

#[test]
fn csv_with_tabs() {
    let (_, records) = import_csv_bytes("name\tcategory\tcity\nAna, MD\tclinic\tLyon\n".as_bytes());
    assert_eq!(by_name(&records, "Ana, MD")["city"], "Lyon");
}

#[test]
fn csv_with_windows_line_endings() {
    let (_, records) =
        import_csv_bytes("name,category,city\r\nAna,clinic,Lyon\r\nBo,lawyer,Paris\r\n".as_bytes());
    assert_eq!(by_name(&records, "Ana")["city"], "Lyon");
    assert_eq!(by_name(&records, "Bo")["city"], "Paris");
}

#[test]
fn csv_with_quoted_newlines() {
    let (_, records) = import_csv_bytes(
        "name,category,hours,city\r\nAna,clinic,\"Mon 9-17\r\nTue 9-12\",Lyon\r\nBo,lawyer,,Paris\r\n"
            .as_bytes(),
    );
    assert_eq!(by_name(&records, "Ana")["hours"], "Mon 9-17\nTue 9-12");
    assert_eq!(by_name(&records, "Bo")["city"], "Paris");
}

#[test]
fn csv_with_blank_lines() {
    let (_, records) =
        import_csv_bytes("\n\nname,category\n\nAna,clinic\n,\n   \n\t\nBo,lawyer\n\n".as_bytes());
    assert_eq!(records.len(), 2);
}

#[test]
fn csv_with_extra_columns() {
    let vault = TestVault::new();
    let path = vault.file(
        "extra.csv",
        "name,category,favourite colour,city,\nAna,clinic,green,Lyon,\n",
    );
    vault
        .cmd()
        .arg("import-csv")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ignored columns: favourite colour",
        ));
    assert!(vault.dump().contains("\"city\":\"Lyon\""));

    // A row with more non-empty cells than the header is a problem.
    let path = vault.file("long.csv", "name,category\nAna,clinic,oops\n");
    vault
        .cmd()
        .arg("import-csv")
        .arg(&path)
        .assert()
        .failure()
        .stdout(predicate::str::contains("line 2 (row 1): has 3 cells"));
}

#[test]
fn csv_with_missing_columns() {
    // Only name and category are needed; short rows are padded.
    let (_, records) = import_csv_bytes("name,category,city,phone\nAna,clinic\n".as_bytes());
    assert_eq!(records[0]["city"], "");
    assert_eq!(records[0]["phones"], serde_json::json!([]));

    let vault = TestVault::new();
    let path = vault.file("nocat.csv", "name,city\nAna,Lyon\n");
    vault
        .cmd()
        .arg("import-csv")
        .arg(&path)
        .assert()
        .failure()
        .stderr(predicate::str::contains("line 1: no column for `category`"));
    assert_eq!(vault.dump(), "");
}

#[test]
fn non_utf8_csv_is_refused_naming_the_line() {
    let vault = TestVault::new();
    let path = vault.temp.path().join("latin1.csv");
    fs::write(
        &path,
        b"name,category,city\nAna,clinic,Lyon\nCl\xednica,clinic,S\xe3o Paulo\n",
    )
    .unwrap();
    vault
        .cmd()
        .arg("import-csv")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 3 is not valid UTF-8"))
        .stderr(predicate::str::contains("CSV UTF-8"));
    assert_eq!(vault.dump(), "");
}

#[test]
fn csv_preview_lists_every_row_with_problems_and_stores_nothing() {
    let vault = TestVault::new();
    let path = vault.file(
        "bad.csv",
        "name,category,country,verified on\nAna,clinic,US,2026-10-01\nBo,lawyr,FR,\nCy,clinic,XX,\nDi,clinic,US,yesterday\n",
    );
    let before = vault.dump();
    let output = vault.cmd().arg("import-csv").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = stdout_of(&output);
    assert!(stdout.contains("3 of 4 rows have problems"), "{stdout}");
    assert!(
        stdout.contains("line 3 (row 2): field `category`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 4 (row 3): field `country`"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 5 (row 4): field `verified_on`"),
        "{stdout}"
    );
    assert!(!stdout.contains("line 2 "), "{stdout}");
    assert!(stderr_of(&output).contains("nothing was stored"));
    assert_eq!(vault.dump(), before);

    let output = vault
        .cmd()
        .args(["import-csv", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = stdout_of(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["line"], 3);
    assert_eq!(lines[0]["field"], "category");
    assert_eq!(lines[0]["status"], "problem");
}

#[test]
fn csv_dry_run_and_json_preview() {
    let vault = TestVault::new();
    let path = vault.file(
        "ok.csv",
        "name,category,town\nAna,clinic,Lyon\nBo,lawyer,Paris\n",
    );
    let output = vault
        .cmd()
        .args(["import-csv", "--dry-run", "--json"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let lines: Vec<serde_json::Value> = stdout_of(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["name"], "Bo");
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["city"], "Paris");
    assert_eq!(vault.dump(), "", "a dry run stores nothing");
}

// ---------------------------------------------------------------- print

#[test]
fn print_markdown_and_text_group_by_city_then_category() {
    let vault = sample_vault();
    let output = vault
        .cmd()
        .args(["print", "--format", "md", "portland"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let md = stdout_of(&output);
    assert!(md.starts_with("# Referrals we trust\n"), "{md}");
    let printed = regex_like_date(&md);
    assert!(printed, "the date it was printed: {md}");
    assert!(md.contains("## Portland, OR, United States"));
    assert!(md.contains("### Clinics"));
    assert!(md.contains("☎ **+1 503 555 0125**"));
    assert!(md.contains("Languages: Spanish, English, Portuguese"));
    assert!(md.contains("Cost: sliding scale"));
    let clinics = md.find("### Clinics").unwrap();
    let lawyers = md.find("### Lawyers").unwrap();
    assert!(lawyers < clinics, "categories in their usual order");

    let output = vault
        .cmd()
        .args(["print", "--format", "txt", "--redact", "phones"])
        .output()
        .unwrap();
    let txt = stdout_of(&output);
    assert!(!txt.contains("PHONE"));
    let cities: Vec<&str> = txt
        .lines()
        .zip(txt.lines().skip(1))
        .filter(|(_, under)| !under.is_empty() && under.chars().all(|c| c == '-'))
        .map(|(city, _)| city)
        .collect();
    assert!(cities.len() > 5, "{cities:?}");
    let mut sorted = cities.clone();
    sorted.sort_by_key(|c| c.to_lowercase());
    assert_eq!(cities.first(), sorted.first());
}

/// "Printed 2 December 2026" (a day written out) somewhere in the text.
fn regex_like_date(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    text.match_indices("Printed ").any(|(at, _)| {
        let mut words = text[at + 8..].split(' ');
        let day = words.next().and_then(|d| d.parse::<u8>().ok());
        let month = words.next().unwrap_or("");
        let year = words.next().unwrap_or("");
        day.is_some_and(|d| (1..=31).contains(&d))
            && MONTHS.contains(&month)
            && year.len() >= 4
            && year[..4].chars().all(|c| c.is_ascii_digit())
    })
}

#[test]
fn print_html_is_self_contained_and_written_to_a_file() {
    let vault = sample_vault();
    let out = vault.temp.path().join("sheet.html");
    vault
        .cmd()
        .args(["print", "--paper", "letter", "--out"])
        .arg(&out)
        .assert()
        .success();
    let html = fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page{size:letter"));
    assert!(html.contains("break-inside:avoid"));
    assert!(html.contains("default-src 'none'"));
    for outside in [
        "<script", "<link", "<img", "src=", "@import", "url(", "href=",
    ] {
        assert!(!html.contains(outside), "loads something: {outside}");
    }
    vault
        .cmd()
        .args(["print", "nothing-matches-this-zzz"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("nothing to print"));
}

// ---------------------------------------------------------------- completions, man, --json

#[test]
fn completions_and_man_page_come_from_the_clap_definitions() {
    let vault = TestVault::empty();
    for (shell, marker) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef pamphlet"),
        ("fish", "complete -c pamphlet"),
    ] {
        let output = vault.cmd().args(["completions", shell]).output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        let text = stdout_of(&output);
        assert!(text.contains(marker), "{shell}");
        for command in ["import-csv", "export-hsds", "print"] {
            assert!(text.contains(command), "{shell} completes {command}");
        }
    }
    let output = vault.cmd().arg("man").output().unwrap();
    let man = stdout_of(&output);
    assert!(man.contains(".TH pamphlet"), "{man}");
    assert!(man.contains("import\\-csv") || man.contains("import-csv"));
    assert!(
        man.contains("JSON Lines"),
        "dump is documented as JSON Lines"
    );
}

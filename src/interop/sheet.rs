//! The referral sheet: records laid out for a meeting, grouped by city and
//! then by category, phone numbers first, languages and cost in sight, with
//! the date it was printed. As HTML (self-contained, with print CSS for A4
//! or Letter paper), Markdown, or plain text.

use std::fmt::Write as _;

use time::Date;

use crate::i18n::Lang;
use crate::model::{Category, Field, Record, Status};

/// The forms a sheet takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

/// The paper the HTML's `@page` rule asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    Letter,
}

impl Paper {
    fn css(self) -> &'static str {
        match self {
            Paper::A4 => "A4",
            Paper::Letter => "letter",
        }
    }
}

/// What goes on the sheet besides the records.
#[derive(Debug, Clone)]
pub struct Options {
    pub title: String,
    pub printed_on: Date,
    pub paper: Paper,
    /// The query that selected the records, shown under the title.
    pub selection: String,
    /// The language of the sheet's headings and labels.
    pub lang: Lang,
}

/// Records grouped for the sheet: (city, [(category, records)]), cities in
/// alphabetical order (records without a city last), categories in their
/// usual order, names alphabetical. Defunct records are left out.
/// A city's heading and its records by category.
type CityGroup<'a> = (String, Vec<(Category, Vec<&'a Record>)>);

fn groups<'a>(records: &[&'a Record], lang: Lang) -> Vec<CityGroup<'a>> {
    let mut sorted: Vec<&Record> = records
        .iter()
        .copied()
        .filter(|r| r.status != Status::Defunct)
        .collect();
    sorted.sort_by_cached_key(|r| {
        (
            r.city.is_empty(),
            sort_key(&r.city),
            r.category,
            sort_key(&r.name),
        )
    });
    let mut out: Vec<CityGroup> = Vec::new();
    for record in sorted {
        let city = place(record, lang);
        if out.last().map(|(c, _)| c != &city).unwrap_or(true) {
            out.push((city, Vec::new()));
        }
        if let Some((_, categories)) = out.last_mut() {
            if categories
                .last()
                .map(|(c, _)| *c != record.category)
                .unwrap_or(true)
            {
                categories.push((record.category, Vec::new()));
            }
            if let Some((_, list)) = categories.last_mut() {
                list.push(record);
            }
        }
    }
    out
}

fn sort_key(text: &str) -> String {
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// "Portland, OR, United States", or "No city given".
fn place(record: &Record, lang: Lang) -> String {
    if record.city.is_empty() {
        return t!(lang, "sheet-no-city");
    }
    record.place().named()
}

fn category_heading(category: Category, lang: Lang) -> String {
    lang.text(&format!("sheet-category-{}", category.as_str()), &[])
}

/// How many records the sheet shows, and how many defunct ones it left out.
fn counts(records: &[&Record]) -> (usize, usize) {
    let defunct = records
        .iter()
        .filter(|r| r.status == Status::Defunct)
        .count();
    (records.len() - defunct, defunct)
}

fn subtitle(records: &[&Record], options: &Options) -> String {
    let (shown, defunct) = counts(records);
    let lang = options.lang;
    let date = lang.date(options.printed_on);
    let mut text = if options.selection.is_empty() {
        t!(lang, "sheet-subtitle", date = date, count = shown)
    } else {
        t!(
            lang,
            "sheet-subtitle-matching",
            date = date,
            count = shown,
            query = options.selection.as_str()
        )
    };
    if defunct > 0 {
        let _ = write!(
            text,
            " · {}",
            t!(lang, "sheet-defunct-left-out", count = defunct)
        );
    }
    text
}

/// Renders the sheet.
pub fn render(records: &[&Record], format: Format, options: &Options) -> String {
    match format {
        Format::Html => html(records, options),
        Format::Markdown => markdown(records, options),
        Format::Text => text(records, options),
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            other => out.push(other),
        }
    }
    out
}

const CSS: &str = "
*{box-sizing:border-box}
html{font-family:'DejaVu Sans','Liberation Sans',Arial,Helvetica,sans-serif;font-size:8pt;line-height:1.25;color:#000;background:#fff}
body{margin:0;padding:0}
header{border-bottom:2px solid #000;margin-bottom:3mm;padding-bottom:1.5mm}
h1{font-size:15pt;margin:0}
.sub{font-size:8.5pt;margin-top:0.5mm}
section.city{break-before:auto}
h2{font-size:12pt;margin:3mm 0 1mm;padding:0.6mm 1.5mm;background:#e6e6e6;break-after:avoid;page-break-after:avoid}
h3{font-size:9.5pt;margin:1.5mm 0 1mm;text-transform:uppercase;letter-spacing:0.04em;break-after:avoid;page-break-after:avoid}
.cards{column-count:2;column-gap:6mm;column-fill:balance}
article{break-inside:avoid;page-break-inside:avoid;border-left:1.2mm solid #000;padding:0.8mm 0 0.8mm 2mm;margin:0 0 2mm;min-width:0;overflow-wrap:anywhere}
.name{font-weight:bold;font-size:10pt}
.org{font-style:italic}
.phone{font-size:10pt;font-weight:bold;white-space:nowrap}
.phone small{font-size:6.5pt;font-weight:normal;white-space:normal}
.facts{margin-top:0.5mm}
.facts b{font-weight:bold}
.status{font-weight:bold;text-transform:uppercase;font-size:7.5pt;border:1px solid #000;padding:0 0.8mm}
footer{margin-top:3mm;font-size:7pt;border-top:1px solid #000;padding-top:1mm}
@media screen{body{max-width:190mm;margin:8mm auto}}
";

fn html(records: &[&Record], options: &Options) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>\n@page{{size:{};margin:11mm 11mm 12mm}}{CSS}</style>\n</head>\n<body>\n",
        options.lang.code(),
        escape(&options.title),
        options.paper.css()
    );
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><div class=\"sub\">{}</div></header>",
        escape(&options.title),
        escape(&subtitle(records, options))
    );
    let lang = options.lang;
    for (city, categories) in groups(records, lang) {
        let _ = write!(
            out,
            "<section class=\"city\">\n<h2>{}</h2>\n<div class=\"cards\">\n",
            escape(&city)
        );
        for (category, list) in categories {
            let _ = writeln!(
                out,
                "<h3>{}</h3>",
                escape(&category_heading(category, lang))
            );
            for record in list {
                html_record(&mut out, record, lang);
            }
        }
        out.push_str("</div>\n</section>\n");
    }
    let _ = write!(
        out,
        "<footer>{}</footer>\n</body>\n</html>\n",
        escape(&t!(
            lang,
            "sheet-footer",
            date = lang.date(options.printed_on)
        ))
    );
    out
}

fn html_record(out: &mut String, record: &Record, lang: Lang) {
    out.push_str("<article>");
    let _ = write!(out, "<div class=\"name\">{}", escape(&record.name));
    if record.status == Status::Inactive {
        let _ = write!(
            out,
            " <span class=\"status\">{}</span>",
            escape(&t!(lang, "sheet-inactive"))
        );
    }
    out.push_str("</div>");
    if !record.organization.is_empty() {
        let _ = write!(
            out,
            "<div class=\"org\">{}</div>",
            escape(&record.organization)
        );
    }
    for phone in &record.phones {
        let (number, detail) = (&phone.number, phone.detail(lang));
        let _ = write!(out, "<div class=\"phone\">☎ {}", escape(number));
        if !detail.is_empty() {
            let _ = write!(out, " <small>({})</small>", escape(&detail));
        }
        out.push_str("</div>");
    }
    out.push_str("<div class=\"facts\">");
    for (label, value) in facts(record, lang) {
        let _ = write!(
            out,
            "<div><b>{}:</b> {}</div>",
            escape(&label),
            escape(&value)
        );
    }
    out.push_str("</div></article>\n");
}

/// What a card says under a record's name and phones, in this order: what
/// matters when choosing a referral at a meeting first.
const FACTS: [Field; 9] = [
    Field::Languages,
    Field::Cost,
    Field::Hours,
    Field::Address,
    Field::Email,
    Field::Website,
    Field::Description,
    Field::Notes,
    Field::VerifiedOn,
];

/// The labelled lines under a record's name and phones; empty ones left out.
fn facts(record: &Record, lang: Lang) -> Vec<(String, String)> {
    FACTS
        .into_iter()
        .map(|field| {
            let label = lang.text(&format!("sheet-fact-{}", field.name()), &[]);
            (label, field.shown(record, lang))
        })
        .filter(|(_, value)| !value.trim().is_empty())
        .collect()
}

fn markdown(records: &[&Record], options: &Options) -> String {
    let lang = options.lang;
    let mut out = format!("# {}\n\n{}\n", options.title, subtitle(records, options));
    for (city, categories) in groups(records, lang) {
        let _ = write!(out, "\n## {city}\n");
        for (category, list) in categories {
            let _ = write!(out, "\n### {}\n\n", category_heading(category, lang));
            for record in list {
                let _ = write!(out, "- **{}**", md_escape(&record.name));
                if !record.organization.is_empty() {
                    let _ = write!(out, " — *{}*", md_escape(&record.organization));
                }
                if record.status == Status::Inactive {
                    let _ = write!(out, " ({})", t!(lang, "sheet-inactive").to_uppercase());
                }
                out.push('\n');
                for phone in &record.phones {
                    let (number, detail) = (&phone.number, phone.detail(lang));
                    let _ = write!(out, "  - ☎ **{}**", md_escape(number));
                    if !detail.is_empty() {
                        let _ = write!(out, " ({})", md_escape(&detail));
                    }
                    out.push('\n');
                }
                for (label, value) in facts(record, lang) {
                    let _ = writeln!(out, "  - {label}: {}", md_escape(&value).replace('\n', " "));
                }
            }
        }
    }
    out
}

fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn text(records: &[&Record], options: &Options) -> String {
    let mut out = format!(
        "{}\n{}\n{}\n",
        options.title,
        "=".repeat(options.title.chars().count()),
        subtitle(records, options)
    );
    let lang = options.lang;
    for (city, categories) in groups(records, lang) {
        let _ = write!(out, "\n{city}\n{}\n", "-".repeat(city.chars().count()));
        for (category, list) in categories {
            let _ = write!(
                out,
                "\n  {}\n",
                category_heading(category, lang).to_uppercase()
            );
            for record in list {
                let _ = write!(out, "\n  * {}", record.name);
                if !record.organization.is_empty() {
                    let _ = write!(out, " ({})", record.organization);
                }
                if record.status == Status::Inactive {
                    let _ = write!(out, " [{}]", t!(lang, "sheet-inactive").to_uppercase());
                }
                out.push('\n');
                for phone in &record.phones {
                    let (number, detail) = (&phone.number, phone.detail(lang));
                    let _ = write!(
                        out,
                        "    {} {number}",
                        t!(lang, "sheet-phone").to_uppercase()
                    );
                    if !detail.is_empty() {
                        let _ = write!(out, " ({detail})");
                    }
                    out.push('\n');
                }
                for (label, value) in facts(record, lang) {
                    let _ = writeln!(out, "    {label}: {}", value.replace('\n', " "));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(name: &str, city: &str, category: Category) -> Record {
        let mut r = Record::new(
            name,
            category,
            time::macros::datetime!(2026-11-30 12:00 UTC),
        );
        r.city = city.to_owned();
        r
    }

    #[test]
    fn grouped_by_city_then_category_and_defunct_left_out() {
        let a = record("Zed", "Paris", Category::Lawyer);
        let b = record("Ana", "Paris", Category::Clinic);
        let c = record("Bo", "Lyon", Category::Clinic);
        let mut d = record("Old", "Lyon", Category::Clinic);
        d.status = Status::Defunct;
        let e = record("Cy", "", Category::Other);
        let all = [&a, &b, &c, &d, &e];
        let groups = groups(&all, Lang::En);
        let cities: Vec<&str> = groups.iter().map(|(c, _)| c.as_str()).collect();
        assert_eq!(cities, ["Lyon", "Paris", "No city given"]);
        let paris: Vec<Category> = groups[1].1.iter().map(|(c, _)| *c).collect();
        assert_eq!(paris, [Category::Lawyer, Category::Clinic]);
        assert_eq!(groups[0].1[0].1.len(), 1);
    }

    #[test]
    fn html_escapes_and_loads_nothing_from_outside() {
        let mut a = record("<script>alert(1)</script>", "Paris", Category::Lawyer);
        a.notes = "a & b".to_owned();
        let options = Options {
            title: "Referrals".to_owned(),
            printed_on: time::macros::date!(2026 - 11 - 30),
            paper: Paper::Letter,
            selection: String::new(),
            lang: Lang::En,
        };
        let html = render(&[&a], Format::Html, &options);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("a &amp; b"));
        assert!(html.contains("size:letter"));
        assert!(html.contains("Printed 30 November 2026"));
        for outside in ["http:", "https:", "src=", "@import", "url("] {
            assert!(!html.contains(outside), "{outside}");
        }
    }

    #[test]
    fn headings_follow_the_language() {
        let mut a = record("Ana", "", Category::BailFund);
        a.status = Status::Inactive;
        a.cost = "free".to_owned();
        let options = Options {
            title: "Referencias".to_owned(),
            printed_on: time::macros::date!(2026 - 12 - 02),
            paper: Paper::A4,
            selection: String::new(),
            lang: Lang::Es,
        };
        let text = render(&[&a], Format::Text, &options);
        for spanish in [
            "2 de diciembre de 2026",
            "Sin ciudad",
            "FONDOS DE FIANZAS",
            "INACTIVO",
            "Costo:",
        ] {
            assert!(text.contains(spanish), "{spanish} in {text}");
        }
        let html = render(&[&a], Format::Html, &options);
        assert!(html.contains("<html lang=\"es\">"));
    }
}

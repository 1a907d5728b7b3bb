//! Large fictional directories, the same for a given seed on every run and
//! every platform, for benchmarks and tests that need many realistic records
//! (vault, search, bundles) without anyone's real data.
//!
//! Everything is invented: people and organisations are random combinations
//! of made-up words, every phone number contains `555`, every email and
//! website lives under `example.org`, every street is an "Example St".
//! Only the city names are real, so that `city:` search has something to do.
//!
//! The random stream is a hand-written splitmix64 rather than `rand`, whose
//! generators may change their output between versions.
//!
//! Built only with the `testkit` feature (which tests and examples turn on)
//! or in unit tests: the shipped binary has no use for it.

mod tables;

use time::{Date, Duration, OffsetDateTime};
use unicode_normalization::UnicodeNormalization;
use uuid::Uuid;

use crate::model::{Category, Phone, PhoneKind, Record, Status};
use tables::City;

/// Share of records, in percent, whose searchable text has accented
/// letters: most real directories mix names and places from several
/// languages, and search must fold diacritics for them.
const ACCENTED_PERCENT: usize = 83;

/// `count` fictional records drawn from `seed`. A shorter run is a prefix of
/// a longer one with the same seed.
pub fn generate(seed: u64, count: usize) -> Generator {
    Generator {
        rng: SplitMix64(seed),
        remaining: count,
        pools: Pools::new(),
    }
}

/// The iterator returned by [`generate`].
pub struct Generator {
    rng: SplitMix64,
    remaining: usize,
    pools: Pools,
}

impl Iterator for Generator {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        Some(self.pools.record(&mut self.rng))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Generator {}

/// splitmix64 (Steele, Lea and Flood, 2014): tiny, fast, and its output is
/// defined by the algorithm alone.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiplication rather than
    /// modulo; the bias is far below anything a benchmark could notice.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    fn percent(&mut self, chance: usize) -> bool {
        self.below(100) < chance
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut ticket = self.below(total as usize) as u32;
        for &(item, weight) in items {
            if ticket < weight {
                return item;
            }
            ticket -= weight;
        }
        items[items.len() - 1].0
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0; 16];
        bytes[..8].copy_from_slice(&self.next_u64().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next_u64().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }
}

/// Whether the next pick may, must or must not bring accented letters. A
/// record meant to have accents is owed one until some pick brings it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Accents {
    Never,
    Allowed,
    Owed,
}

impl Accents {
    /// For picks that may pay the debt but needn't.
    fn loose(self) -> Accents {
        match self {
            Accents::Owed => Accents::Allowed,
            other => other,
        }
    }

    fn settle(&mut self, text: &str) {
        if *self == Accents::Owed && has_accents(text) {
            *self = Accents::Allowed;
        }
    }
}

fn has_accents(text: &str) -> bool {
    text.chars().any(|c| c.is_alphabetic() && !c.is_ascii())
}

/// A word list split once by whether entries have accents, so that picking
/// under an [`Accents`] rule costs no scan.
struct Pool<T: 'static> {
    all: Vec<&'static T>,
    plain: Vec<&'static T>,
    accented: Vec<&'static T>,
}

impl<T> Pool<T> {
    fn new(items: &'static [T], is_accented: impl Fn(&T) -> bool) -> Pool<T> {
        let (accented, plain) = items.iter().partition(|item| is_accented(item));
        Pool {
            all: items.iter().collect(),
            plain,
            accented,
        }
    }

    fn pick(&self, rng: &mut SplitMix64, accents: Accents) -> &'static T {
        let from = match accents {
            Accents::Never => &self.plain,
            Accents::Allowed => &self.all,
            Accents::Owed => &self.accented,
        };
        let from = if from.is_empty() { &self.all } else { from };
        rng.pick(from)
    }
}

/// A phrase that belongs to a category, or to all of them.
struct Phrase {
    category: Option<Category>,
    text: &'static str,
    plain: bool,
}

/// Phrases grouped by language, so that a pick looks only at the few in
/// the language it wants.
struct Phrases(Vec<(&'static str, Vec<Phrase>)>);

impl Phrases {
    fn new(rows: impl Iterator<Item = (Option<Category>, &'static str, &'static str)>) -> Phrases {
        let mut groups: Vec<(&'static str, Vec<Phrase>)> = Vec::new();
        for (category, language, text) in rows {
            let phrase = Phrase {
                category,
                text,
                plain: !has_accents(text),
            };
            match groups.iter_mut().find(|(known, _)| *known == language) {
                Some((_, group)) => group.push(phrase),
                None => groups.push((language, vec![phrase])),
            }
        }
        Phrases(groups)
    }

    fn by_category(rows: &'static [(Category, &'static str, &'static str)]) -> Phrases {
        Phrases::new(rows.iter().map(|&(c, l, t)| (Some(c), l, t)))
    }

    fn any_category(rows: &'static [(&'static str, &'static str)]) -> Phrases {
        Phrases::new(rows.iter().map(|&(l, t)| (None, l, t)))
    }

    fn group(&self, language: &str) -> &[Phrase] {
        self.0
            .iter()
            .find(|(known, _)| *known == language)
            .map_or(&[], |(_, group)| group)
    }

    /// A phrase in `language` most of the time when one fits, else in
    /// English, which every list has for every category and keeps plain.
    fn pick(
        &self,
        rng: &mut SplitMix64,
        category: Category,
        language: &str,
        accents: Accents,
    ) -> &'static str {
        let fits = |p: &&Phrase| {
            p.category.is_none_or(|c| c == category) && (accents != Accents::Never || p.plain)
        };
        let local = if rng.percent(75) {
            self.group(language)
        } else {
            &[]
        };
        let group = if local.iter().any(|p| fits(&p)) {
            local
        } else {
            self.group("en")
        };
        let chosen = rng.below(group.iter().filter(fits).count());
        group.iter().filter(fits).nth(chosen).map_or("", |p| p.text)
    }
}

/// All word lists, prepared once per generator.
struct Pools {
    cities: Pool<City>,
    first_names: Pool<&'static str>,
    last_names: Pool<&'static str>,
    flavors: Pool<&'static str>,
    org_patterns: Phrases,
    programs: Phrases,
    descriptions: Phrases,
    notes: Phrases,
    addresses: Phrases,
    hours: Phrases,
    costs: Phrases,
}

impl Pools {
    fn new() -> Pools {
        Pools {
            cities: Pool::new(tables::CITIES, |c| {
                has_accents(c.name) || has_accents(c.region)
            }),
            first_names: Pool::new(tables::FIRST_NAMES, |s| has_accents(s)),
            last_names: Pool::new(tables::LAST_NAMES, |s| has_accents(s)),
            flavors: Pool::new(tables::FLAVORS, |s| has_accents(s)),
            org_patterns: Phrases::by_category(tables::ORG_PATTERNS),
            programs: Phrases::by_category(tables::PROGRAMS),
            descriptions: Phrases::by_category(tables::DESCRIPTIONS),
            notes: Phrases::any_category(tables::NOTES),
            addresses: Phrases::any_category(tables::ADDRESSES),
            hours: Phrases::any_category(tables::HOURS),
            costs: Phrases::any_category(tables::COSTS),
        }
    }

    /// One record. The order of the draws below is part of the output:
    /// reordering them changes the directory every seed gives.
    fn record(&self, rng: &mut SplitMix64) -> Record {
        let id = rng.uuid();
        let mut accents = if rng.percent(ACCENTED_PERCENT) {
            Accents::Owed
        } else {
            Accents::Never
        };
        let category = rng.weighted(tables::CATEGORY_WEIGHTS);
        let city = self.cities.pick(rng, accents.loose());
        accents.settle(city.name);
        accents.settle(city.region);
        let languages = pick_languages(rng, city.language);
        // Text is mostly in the local language, sometimes in another the
        // record offers (a Spanish-speaking clinic in Portland).
        let language: &str = if rng.percent(30) {
            &languages[rng.below(languages.len())]
        } else {
            city.language
        };

        let description = self
            .descriptions
            .pick(rng, category, language, accents.loose());
        accents.settle(description);
        let address = self.address(rng, category, language, accents.loose());
        accents.settle(&address);
        let who = self.who(rng, category, language, &mut accents);
        let notes = if rng.percent(50) {
            let note = self.notes.pick(rng, category, language, accents.loose());
            note.replace("{}", who.first)
        } else {
            String::new()
        };
        let (email, website) = online(rng, &who);

        let phone_count = 1 + rng.weighted(&[(0, 60), (1, 30), (2, 10)]);
        let phones = (0..phone_count)
            .map(|_| phone(rng, city, who.first))
            .collect();

        let hours = if rng.percent(80) {
            let hours = self.hours.pick(rng, category, language, Accents::Allowed);
            hours.to_owned()
        } else {
            String::new()
        };
        let cost = if rng.percent(85) {
            let cost = self.costs.pick(rng, category, language, Accents::Allowed);
            cost.to_owned()
        } else {
            String::new()
        };
        let tags = pick_tags(rng, category);
        let status = rng.weighted(&[
            (Status::Active, 90),
            (Status::Inactive, 7),
            (Status::Defunct, 3),
        ]);
        let (updated_at, verified_on) = dates(rng);

        Record {
            id,
            name: who.name,
            organization: who.organization,
            category,
            description: description.to_owned(),
            city: city.name.to_owned(),
            region: city.region.to_owned(),
            country: city.country.to_owned(),
            address,
            phones,
            email,
            website,
            languages,
            hours,
            cost,
            notes,
            tags,
            verified_on,
            status,
            updated_at,
        }
    }

    /// A street address in the record's language, or none.
    fn address(
        &self,
        rng: &mut SplitMix64,
        category: Category,
        language: &str,
        accents: Accents,
    ) -> String {
        if rng.percent(55) {
            let pattern = self.addresses.pick(rng, category, language, accents);
            pattern.replace("{}", &(1 + rng.below(2400)).to_string())
        } else {
            String::new()
        }
    }

    /// The record's name and organization, and whom to ask for. The name
    /// comes last among the searchable parts: if the record still owes its
    /// accents, the name pays them.
    fn who(
        &self,
        rng: &mut SplitMix64,
        category: Category,
        language: &str,
        accents: &mut Accents,
    ) -> Who {
        let is_person = matches!(
            category,
            Category::Lawyer | Category::Therapist | Category::Translator
        ) && rng.percent(65);
        let (name, organization, first) = if is_person {
            let first = *self.first_names.pick(rng, *accents);
            let last = *self.last_names.pick(rng, accents.loose());
            let organization = if rng.percent(50) {
                self.organization(rng, category, language, accents.loose())
            } else {
                String::new()
            };
            (format!("{first} {last}"), organization, first)
        } else if rng.percent(35) {
            let program = self.programs.pick(rng, category, language, accents.loose());
            accents.settle(program);
            let organization = self.organization(rng, category, language, *accents);
            (program.to_owned(), organization, "")
        } else {
            let name = self.organization(rng, category, language, *accents);
            (name, String::new(), "")
        };
        accents.settle(&name);
        // Whom to ask for: the person themselves, or someone who works there.
        let first = if first.is_empty() {
            *self.first_names.pick(rng, accents.loose())
        } else {
            first
        };
        Who {
            name,
            organization,
            first,
            is_person,
        }
    }

    fn organization(
        &self,
        rng: &mut SplitMix64,
        category: Category,
        language: &str,
        accents: Accents,
    ) -> String {
        let pattern = self
            .org_patterns
            .pick(rng, category, language, accents.loose());
        let mut accents = accents;
        accents.settle(pattern);
        let flavor = *self.flavors.pick(rng, accents);
        pattern.replace("{}", flavor)
    }
}

/// Who a record is: a person (with or without an organization), a program
/// of an organization, or an organization; and a first name to ask for.
struct Who {
    name: String,
    organization: String,
    first: &'static str,
    is_person: bool,
}

/// An email address (a person's first name, or a generic mailbox) and a
/// website under the organization's `example.org` domain, each or neither.
fn online(rng: &mut SplitMix64, who: &Who) -> (String, String) {
    let domain = if who.organization.is_empty() {
        slug(&who.name)
    } else {
        slug(&who.organization)
    };
    let email = if rng.percent(70) {
        let mailbox = if who.is_person {
            slug(who.first)
        } else {
            rng.pick(tables::EMAIL_BOXES).to_owned()
        };
        format!("{mailbox}@{domain}.example.org")
    } else {
        String::new()
    };
    let website = if rng.percent(55) {
        format!("https://{domain}.example.org")
    } else {
        String::new()
    };
    (email, website)
}

/// The local language first, then up to three others, most often Spanish
/// and English.
fn pick_languages(rng: &mut SplitMix64, local: &'static str) -> Vec<String> {
    let extra = rng.weighted(&[(0, 30), (1, 45), (2, 18), (3, 7)]);
    let mut languages = vec![local.to_owned()];
    // A few draws may repeat a language; retrying a bounded number of times
    // keeps the loop finite whatever the table holds.
    for _ in 0..extra * 3 {
        if languages.len() > extra {
            break;
        }
        let code = rng.weighted(tables::EXTRA_LANGUAGES);
        if !languages.iter().any(|known| known == code) {
            languages.push(code.to_owned());
        }
    }
    languages
}

/// One to three tags, with the ones that matter for the category likelier.
fn pick_tags(rng: &mut SplitMix64, category: Category) -> Vec<String> {
    let typical: &[&str] = match category {
        Category::Clinic => &["walk-in", "no-id", "sti-testing", "prep", "harm-reduction"],
        Category::Lawyer => &["immigration", "pro-bono", "court-support", "eviction"],
        Category::Therapist => &["trans-competent", "sliding-scale", "online"],
        Category::Translator => &["immigration", "interpreter-on-site", "confidential"],
        Category::BailFund => &["court-support", "detention", "sex-worker-led"],
        Category::Housing => &["no-id", "eviction", "youth", "trans-competent"],
        Category::SupportGroup => &["peer-led", "sex-worker-led", "anonymous", "evenings"],
        Category::Other => &["free", "harm-reduction", "migrant-led", "walk-in"],
    };
    let count = 1 + rng.below(3);
    let mut tags: Vec<String> = Vec::with_capacity(count);
    for _ in 0..count * 2 {
        if tags.len() == count {
            break;
        }
        let tag = if rng.percent(60) {
            rng.pick(typical)
        } else {
            rng.pick(tables::TAGS)
        };
        if !tags.iter().any(|known| known == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// A number in the city's own format, always with the fictional `555`.
fn phone(rng: &mut SplitMix64, city: &City, first: &str) -> Phone {
    let dial = tables::DIAL_CODES
        .iter()
        .find(|(country, _)| *country == city.country)
        .map_or("1", |(_, dial)| dial);
    // In North America only 555-0100 to 555-0199 are set aside for fiction.
    let number = if dial == "1" {
        format!("+1 {} 555 01{:02}", city.area, rng.below(100))
    } else if city.country == "FR" {
        format!(
            "+33 {} 555 {:02} {:02}",
            city.area,
            rng.below(100),
            rng.below(100)
        )
    } else {
        format!("+{dial} {} 555 {:04}", city.area, rng.below(10_000))
    };
    let kind = rng.weighted(&[
        (PhoneKind::Voice, 55),
        (PhoneKind::Text, 20),
        (PhoneKind::Cell, 15),
        (PhoneKind::Fax, 5),
        (PhoneKind::Video, 3),
        (PhoneKind::Textphone, 2),
    ]);
    Phone {
        number,
        kind,
        note: rng.pick(tables::PHONE_NOTES).replace("{}", first),
    }
}

/// `updated_at` during 2026 before the end of November, and `verified_on`
/// (mostly) some time before it, up to about two years; one record in eight
/// was never verified.
fn dates(rng: &mut SplitMix64) -> (OffsetDateTime, Option<Date>) {
    let start = time::macros::datetime!(2026-01-01 00:00:00 UTC);
    let updated_at = start + Duration::seconds(rng.below(330 * 86_400) as i64);
    let verified_on = if rng.percent(12) {
        None
    } else {
        Some(updated_at.date() - Duration::days(rng.below(700) as i64))
    };
    (updated_at, verified_on)
}

/// A name as a DNS label: diacritics dropped, words joined by hyphens.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd() {
        let c = match c {
            'ø' | 'Ø' => 'o',
            'ł' | 'Ł' => 'l',
            'đ' | 'Đ' => 'd',
            'ß' => 's',
            'ı' => 'i',
            other => other,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if (c == ' ' || c == '-' || c == '\'') && !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        out.push_str("collective");
    }
    out
}

#[cfg(test)]
mod tests;

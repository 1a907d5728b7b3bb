//! Planning: a query read against the index (its dictionary and cities)
//! into what every record must have, may have and must not have, with each
//! query word compared once with every word of the dictionary. What a plan
//! does with each record is in `matching`.

use std::collections::HashMap;
use std::sync::Arc;

use memchr::memmem::Finder;

use super::field::Field;
use super::fold::fold;
use super::hits::Within;
use super::index::Index;
use super::layout::{CITY, TEXT_FIELDS};
use super::query::{CodeSet, Query, Scope, Term};
use super::reading::{Part, Reading};
use super::rules::{How, Leeway, Probe};
use super::vocab::{
    category_index, category_misspelled, category_named, is_speak, is_stopword, language_named,
    own_name_key, vocab, Entry,
};
use super::words::{word_bit, Dictionary};

/// What a need does to a record that meets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Required,
    /// Counts when it matches; never leaves a record out.
    Optional,
    Excluded,
}

/// For one query word: how it meets each word of the dictionary (a [`How`]
/// as `u8`, 0 where it doesn't) and each category, language and country.
pub(crate) struct WordTable {
    pub(crate) grades: Vec<u8>,
    pub(crate) categories: Vec<u8>,
    pub(crate) languages: Vec<u8>,
    pub(crate) countries: Vec<u8>,
    /// The one text field (index into `TEXT_FIELDS`) it looks in, if any;
    /// then the coded tables are empty.
    pub(crate) only: Option<usize>,
    /// How many (record, field) holdings of the dictionary words it meets,
    /// plus coded values it meets: 0 when no record can match it.
    pub(crate) reach: u64,
    /// The `words::word_bit`s of the dictionary words it meets: a record
    /// sharing none of them has none of those words.
    pub(crate) sig: u64,
    /// The query word and what it may match, to compare it again with a
    /// record's shown words when marking them.
    text: String,
    leeway: Leeway,
}

impl WordTable {
    /// The query word, ready to compare with words: it meets a word of the
    /// dictionary exactly when `grades` says so.
    pub(crate) fn probe(&self) -> Probe<'_> {
        Probe::new(&self.text, self.leeway)
    }
}

/// A test a record passes or not, and the points it earns. A plan holds a
/// handful, so the size of the largest variant costs nothing.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Test {
    Word(Arc<WordTable>),
    /// A category, language or country; when read from a word of a
    /// sentence, the word's table grades the record.
    Coded {
        set: CodeSet,
        table: Option<Arc<WordTable>>,
    },
    /// A city the directory holds, as the whole city field; with the
    /// dictionary numbers of its words.
    City {
        city: String,
        ids: Vec<u32>,
    },
    /// Text that must occur as written from the start of a word: a quoted
    /// phrase, or a `city:`/`tag:` value. Everywhere, it also meets the
    /// names of coded values that contain it (`coded`).
    Text {
        text: String,
        finder: Finder<'static>,
        only: Option<usize>,
        coded: [Vec<bool>; 3],
    },
}

pub(crate) struct Need {
    pub(crate) role: Role,
    pub(crate) test: Test,
    /// Tells needs apart: two plans with the same signatures give the same
    /// results.
    pub(crate) sig: String,
    /// What to name when no record has it: the words typed.
    pub(crate) word: String,
}

/// A query made ready for one index.
pub(crate) struct Plan {
    /// Exclusions and coded tests first, then required words, rarest first,
    /// then optional ones.
    pub(crate) needs: Vec<Need>,
    /// A required need no record meets: nothing can match in full.
    pub(crate) impossible: bool,
    /// From [`Within`]: the category's index, and the city folded.
    pub(crate) category: Option<u8>,
    pub(crate) city: Option<String>,
    pub(crate) reading: Reading,
}

fn field_index(field: Field) -> Option<usize> {
    TEXT_FIELDS.iter().position(|&f| f == field)
}

/// How `probe` meets the entries of one vocabulary table: through the
/// entry's own name as it meets a word; through its other names and
/// synonyms as vocabulary, and then only as the same word (or its start,
/// for the word being typed): `france` is not the start of `francés`.
fn coded_table(probe: &Probe<'_>, entries: &[Entry], own: usize) -> (Vec<u8>, u64) {
    let mut reach = 0;
    let table = entries
        .iter()
        .map(|e| {
            let mut best = 0u8;
            for (k, key) in e.keys.iter().enumerate() {
                for w in key.split(' ') {
                    let how = if k == own {
                        probe.meets(w, super::fold::char_mask(w), w.chars().count())
                    } else if w == probe.text || (probe.leeway.typing && w.starts_with(probe.text))
                    {
                        Some(How::Vocabulary)
                    } else {
                        None
                    };
                    if let Some(how) = how {
                        best = best.max(how as u8);
                    }
                }
            }
            if best > 0 {
                reach += 1;
            }
            best
        })
        .collect();
    (table, reach)
}

pub(crate) fn word_table(
    dict: &Dictionary,
    text: &str,
    leeway: Leeway,
    only: Option<usize>,
) -> WordTable {
    let probe = Probe::new(text, leeway);
    let mut grades = vec![0u8; dict.entries.len()];
    let mut reach = 0u64;
    let mut sig = 0u64;
    if !leeway.prefix && !leeway.loose {
        if let Some(id) = dict.id(text) {
            grades[id as usize] = How::Same as u8;
            reach += u64::from(dict.entries[id as usize].count);
            sig |= word_bit(id as usize);
        }
    } else {
        for (id, (g, e)) in grades.iter_mut().zip(&dict.entries).enumerate() {
            let Some(w) = e.text() else { continue };
            if let Some(how) = probe.meets(w, e.mask, usize::from(e.chars)) {
                *g = how as u8;
                reach += u64::from(e.count);
                sig |= word_bit(id);
            }
        }
    }
    let v = vocab();
    let (mut categories, mut languages, mut countries) = (Vec::new(), Vec::new(), Vec::new());
    if only.is_none() {
        let (c, a) = coded_table(&probe, &v.categories, own_name_key(true));
        let (l, b) = coded_table(&probe, &v.languages, own_name_key(false));
        let (n, d) = coded_table(&probe, &v.countries, own_name_key(false));
        (categories, languages, countries) = (c, l, n);
        reach += a + b + d;
    }
    WordTable {
        grades,
        categories,
        languages,
        countries,
        only,
        reach,
        sig,
        text: text.to_owned(),
        leeway,
    }
}

/// Word tables already worked out on one index, by query word, leeway and
/// field: typing a sentence compares only the word being typed with the
/// dictionary, not every word before it again. Kept by a `Searcher`,
/// which forgets them when the index changes.
#[derive(Default)]
pub(crate) struct Tables {
    map: HashMap<(String, Leeway, Option<usize>), Arc<WordTable>>,
}

/// How many word tables are kept: each is a byte per dictionary word.
const TABLES_KEPT: usize = 64;

impl Tables {
    pub(crate) fn clear(&mut self) {
        self.map = HashMap::new();
    }

    fn get(
        &mut self,
        dict: &Dictionary,
        text: &str,
        leeway: Leeway,
        only: Option<usize>,
    ) -> Arc<WordTable> {
        let key = (text.to_owned(), leeway, only);
        if let Some(table) = self.map.get(&key) {
            return Arc::clone(table);
        }
        if self.map.len() >= TABLES_KEPT {
            self.map.clear();
        }
        let table = Arc::new(word_table(dict, text, leeway, only));
        self.map.insert(key, Arc::clone(&table));
        table
    }
}

/// Which entries of a table have a key containing `text` from the start of
/// one of its words.
fn entries_containing(entries: &[Entry], text: &str) -> Vec<bool> {
    entries
        .iter()
        .map(|e| {
            e.keys.iter().any(|k| {
                k.match_indices(text)
                    .any(|(at, _)| at == 0 || k.as_bytes()[at - 1] == b' ')
            })
        })
        .collect()
}

fn text_test(text: &str, only: Option<usize>) -> Test {
    let v = vocab();
    let coded = if only.is_none() {
        [
            entries_containing(&v.categories, text),
            entries_containing(&v.languages, text),
            entries_containing(&v.countries, text),
        ]
    } else {
        [Vec::new(), Vec::new(), Vec::new()]
    };
    Test::Text {
        text: text.to_owned(),
        finder: Finder::new(text.as_bytes()).into_owned(),
        only,
        coded,
    }
}

fn code_set(field: Field, index: usize) -> CodeSet {
    let len = match field {
        Field::Category => vocab().categories.len(),
        Field::Languages => vocab().languages.len(),
        _ => vocab().countries.len(),
    };
    let mut on = vec![false; len];
    if let Some(cell) = on.get_mut(index) {
        *cell = true;
    }
    CodeSet::new(field, on)
}

/// Builds the needs and the reading, term by term.
struct Reader<'a> {
    dict: &'a Dictionary,
    tables: &'a mut Tables,
    needs: Vec<Need>,
    reading: Reading,
}

impl Reader<'_> {
    fn push(&mut self, role: Role, test: Test, sig: String, word: &str, part: Option<Part>) {
        if let Some(part) = part {
            self.reading.parts.push(part);
        }
        if role == Role::Optional {
            self.reading.optional.push(word.to_owned());
        }
        self.needs.push(Need {
            role,
            test,
            sig,
            word: word.to_owned(),
        });
    }

    fn word(&mut self, role: Role, term: &Term) {
        let text = term.text();
        let loose = role != Role::Excluded;
        let leeway = Leeway::for_word(text, term.typing(), loose);
        let table = self.tables.get(self.dict, text, leeway, None);
        let sig = format!(
            "w{role:?}|{text}|{}|{}|{loose}",
            leeway.prefix, leeway.typing
        );
        let part = match role {
            Role::Required => Some(Part::Word {
                word: text.to_owned(),
            }),
            Role::Excluded => Some(Part::Excluded {
                text: text.to_owned(),
            }),
            Role::Optional => None,
        };
        self.push(role, Test::Word(table), sig, text, part);
    }

    /// A category or language read from a word of a sentence.
    fn coded(&mut self, field: Field, index: usize, words: &[&Term], part: Part) {
        let text = words.iter().map(|t| t.text()).collect::<Vec<_>>().join(" ");
        // The last word graded: "bail fund" by `fund`, "speaks french" by
        // `french`.
        let table = words.last().map(|t| {
            let leeway = Leeway::for_word(t.text(), false, false);
            self.tables.get(self.dict, t.text(), leeway, None)
        });
        let sig = format!("c{field:?}|{index}|{text}");
        self.push(
            Role::Required,
            Test::Coded {
                set: code_set(field, index),
                table,
            },
            sig,
            &text,
            Some(part),
        );
    }

    /// Reads a run of plain words: cities, "speaks X", languages,
    /// categories, small words, and the rest.
    fn sentence(&mut self, words: &[&Term]) {
        let texts: Vec<&str> = words.iter().map(|t| t.text()).collect();
        let mut i = 0;
        while i < words.len() {
            // The longest run of words that is a city the directory holds.
            let city = (1..=(words.len() - i).min(5)).rev().find_map(|n| {
                let city = texts[i..i + n].join(" ");
                self.dict.has_city(&city).then_some((city, n))
            });
            if let Some((city, n)) = city {
                let ids = city.split(' ').filter_map(|w| self.dict.id(w)).collect();
                let sig = format!("y|{city}");
                let part = Part::City { city: city.clone() };
                let word = city.clone();
                self.push(
                    Role::Required,
                    Test::City { city, ids },
                    sig,
                    &word,
                    Some(part),
                );
                i += n;
                continue;
            }
            let text = texts[i];
            if is_speak(text) {
                if let Some(lang) = texts.get(i + 1).and_then(|w| language_named(w)) {
                    let part = Part::Language {
                        language: crate::model::LANGUAGES[lang].0.to_owned(),
                        word: texts[i + 1].to_owned(),
                    };
                    self.coded(Field::Languages, lang, &words[i..i + 2], part);
                    i += 2;
                    continue;
                }
            }
            if let Some(lang) = language_named(text) {
                let part = Part::Language {
                    language: crate::model::LANGUAGES[lang].0.to_owned(),
                    word: text.to_owned(),
                };
                self.coded(Field::Languages, lang, &words[i..=i], part);
                i += 1;
                continue;
            }
            // Small words are never read as a misspelled category (`that`
            // abbreviates "therapist").
            let misspelled = if words[i].typing() || is_stopword(text) {
                None
            } else {
                category_misspelled(text).map(|c| (c, 1))
            };
            if let Some((cat, n)) = category_named(&texts[i..]).or(misspelled) {
                let part = Part::Category {
                    category: crate::model::Category::ALL[cat].as_str().to_owned(),
                    word: texts[i..i + n].join(" "),
                };
                self.coded(Field::Category, cat, &words[i..i + n], part);
                i += n;
                continue;
            }
            let role = if is_stopword(text) {
                Role::Optional
            } else {
                Role::Required
            };
            self.word(role, words[i]);
            i += 1;
        }
    }

    fn other(&mut self, term: &Term) {
        let role = if term.negated() {
            Role::Excluded
        } else {
            Role::Required
        };
        let text = term.text();
        let shown = |part: Part| match role {
            Role::Excluded => Part::Excluded {
                text: text.to_owned(),
            },
            _ => part,
        };
        match term.scope() {
            Scope::Codes(set) => {
                let sig = format!("k{role:?}|{:?}|{:?}", set.field(), set.codes());
                let part = shown(Part::Filter {
                    field: set.field(),
                    value: text.to_owned(),
                });
                let test = Test::Coded {
                    set: set.clone(),
                    table: None,
                };
                self.push(role, test, sig, text, Some(part));
            }
            Scope::Field(field) => {
                let only = field_index(*field);
                let sig = format!("t{role:?}|{text}|{only:?}");
                let part = shown(Part::Filter {
                    field: *field,
                    value: text.to_owned(),
                });
                self.push(role, text_test(text, only), sig, text, Some(part));
            }
            Scope::Everywhere if term.phrase() || text.contains(' ') => {
                let sig = format!("t{role:?}|{text}|None");
                let part = shown(Part::Phrase {
                    text: text.to_owned(),
                });
                self.push(role, text_test(text, None), sig, text, Some(part));
            }
            Scope::Everywhere => self.word(role, term),
        }
    }
}

impl Plan {
    pub(crate) fn new(query: &Query, within: &Within, index: &Index) -> Plan {
        Plan::with_tables(query, within, index, &mut Tables::default())
    }

    /// [`Plan::new`], with the word tables of `tables` where it has them
    /// (worked out on the same index).
    pub(crate) fn with_tables(
        query: &Query,
        within: &Within,
        index: &Index,
        tables: &mut Tables,
    ) -> Plan {
        let mut reader = Reader {
            dict: &index.dict,
            tables,
            needs: Vec::new(),
            reading: Reading::default(),
        };
        let terms = query.terms();
        let plain = |t: &Term| !t.negated() && !t.phrase() && t.scope() == &Scope::Everywhere;
        let mut i = 0;
        while i < terms.len() {
            if plain(&terms[i]) {
                let run: Vec<&Term> = terms[i..].iter().take_while(|t| plain(t)).collect();
                i += run.len();
                reader.sentence(&run);
            } else {
                reader.other(&terms[i]);
                i += 1;
            }
        }
        let Reader {
            mut needs,
            mut reading,
            ..
        } = reader;
        // Small words alone are the search: then they are required.
        if !needs.is_empty() && needs.iter().all(|n| n.role == Role::Optional) {
            for need in &mut needs {
                need.role = Role::Required;
                need.sig.replace_range(..1, "W");
                reading.parts.push(Part::Word {
                    word: need.word.clone(),
                });
            }
            reading.optional.clear();
        }
        let impossible = needs
            .iter()
            .any(|n| n.role == Role::Required && matches!(&n.test, Test::Word(t) if t.reach == 0));
        for need in &needs {
            if need.role == Role::Required {
                if let Test::Word(t) = &need.test {
                    if t.reach == 0 {
                        reading.missing.push(need.word.clone());
                    }
                }
            }
        }
        // Cheap and selective first, so that most records fail early.
        needs.sort_by_key(|n| match (&n.test, n.role) {
            (_, Role::Optional) => (3, 0),
            (Test::Coded { .. } | Test::City { .. }, _) => (0, 0),
            (_, Role::Excluded) => (1, 0),
            (Test::Word(t), _) => (2, t.reach),
            (Test::Text { .. }, _) => (2, u64::MAX),
        });
        Plan {
            needs,
            impossible,
            category: within
                .category
                .map(|c| u8::try_from(category_index(c)).unwrap_or(u8::MAX)),
            city: within.city.as_deref().map(fold),
            reading,
        }
    }

    /// Whether the two plans give the same results.
    pub(crate) fn same(&self, other: &Plan) -> bool {
        self.needs.len() == other.needs.len()
            && self
                .needs
                .iter()
                .zip(&other.needs)
                .all(|(a, b)| a.role == b.role && a.sig == b.sig)
    }

    /// Whether every record this plan matches in full is matched in full by
    /// `earlier` too (on the same index), so that its results can be looked
    /// for among `earlier`'s.
    pub(crate) fn narrows(&self, earlier: &Plan) -> bool {
        earlier.needs.iter().all(|then| match then.role {
            Role::Optional => true,
            Role::Required => self
                .needs
                .iter()
                .any(|now| now.role == Role::Required && within(&now.test, &then.test)),
            Role::Excluded => self
                .needs
                .iter()
                .any(|now| now.role == Role::Excluded && within(&then.test, &now.test)),
        })
    }
}

fn table_within(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| *x == 0 || *y != 0)
}

fn coded_of(t: &WordTable, field: Field) -> &[u8] {
    match field {
        Field::Category => &t.categories,
        Field::Languages => &t.languages,
        _ => &t.countries,
    }
}

/// Whether every record that meets `a` meets `b`.
fn within(a: &Test, b: &Test) -> bool {
    match (a, b) {
        (Test::Word(x), Test::Word(y)) => {
            x.only == y.only
                && table_within(&x.grades, &y.grades)
                && table_within(&x.categories, &y.categories)
                && table_within(&x.languages, &y.languages)
                && table_within(&x.countries, &y.countries)
        }
        (Test::Coded { set: x, .. }, Test::Coded { set: y, .. }) => x.is_subset_of(y),
        (Test::Coded { set, .. }, Test::Word(y)) => {
            let table = coded_of(y, set.field());
            y.only.is_none()
                && !table.is_empty()
                && (0..table.len()).all(|i| !set.contains(i) || table[i] != 0)
        }
        (Test::City { city: x, .. }, Test::City { city: y, .. }) => x == y,
        (Test::City { ids, .. }, Test::Word(y)) => {
            y.only.is_none_or(|o| o == CITY)
                && ids
                    .iter()
                    .any(|&id| y.grades.get(id as usize).is_some_and(|&g| g != 0))
        }
        (
            Test::Text {
                text: x, only: ox, ..
            },
            Test::Text {
                text: y, only: oy, ..
            },
        ) => ox == oy && x.starts_with(y.as_str()),
        _ => false,
    }
}

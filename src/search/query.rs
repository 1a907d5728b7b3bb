//! The query language: what a person types, read into terms.
//!
//! The reading is lenient on purpose. Search runs at every keystroke, so a
//! half-typed query (`city:`, `!`, `"clinic`) must mean something sensible
//! rather than flash an error; where the reading had to guess, the query
//! carries a [`Notice`] the interface can show. Only a query too long to be a
//! search is refused.

use std::fmt;

use crate::model::{Category, COUNTRIES, LANGUAGES};

use super::field::Field;
use super::fold::fold;
use super::vocab::{resolve, vocab};

/// Longer than any search a person types; a pasted page is refused rather
/// than searched for.
pub const MAX_QUERY_CHARS: usize = 256;

/// Why a query can't be searched. Everything else a person can type has a
/// sensible reading (see [`Notice`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// Longer than [`MAX_QUERY_CHARS`].
    #[error("the query is {chars} characters long; a search can be at most {max}")]
    TooLong { chars: usize, max: usize },
}

/// A parsed query: every positive term must match a record and no negated
/// term may. An empty query matches every record.
#[derive(Debug, Clone, Default)]
pub struct Query {
    terms: Vec<Term>,
    notices: Vec<Notice>,
}

/// One condition of a query.
#[derive(Debug, Clone)]
pub struct Term {
    negated: bool,
    phrase: bool,
    /// The last word, while no space follows it: it may be the start of a
    /// longer word, whatever its length.
    typing: bool,
    scope: Scope,
    text: String,
}

/// Where a term looks.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Scope {
    /// Every searchable field, including the names of the record's category,
    /// languages and country.
    Everywhere,
    /// One text field: `city:` or `tag:`.
    Field(Field),
    /// A coded field (`cat:`, `lang:`, `country:`), the value already
    /// resolved to the codes it stands for.
    Codes(CodeSet),
}

/// The codes of one table that a filter value stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeSet {
    field: Field,
    on: Vec<bool>,
}

impl CodeSet {
    /// `Field::Category`, `Field::Languages` or `Field::Country`.
    pub fn field(&self) -> Field {
        self.field
    }

    /// The codes as a record stores them (`clinic`, `es`, `FR`).
    pub fn codes(&self) -> Vec<&'static str> {
        let all: Vec<&'static str> = match self.field {
            Field::Category => Category::ALL.iter().map(|c| c.as_str()).collect(),
            Field::Languages => LANGUAGES.iter().map(|(code, _, _)| *code).collect(),
            _ => COUNTRIES.iter().map(|(code, _)| *code).collect(),
        };
        all.into_iter()
            .zip(&self.on)
            .filter(|(_, on)| **on)
            .map(|(code, _)| code)
            .collect()
    }

    pub(crate) fn contains(&self, index: usize) -> bool {
        self.on.get(index).copied().unwrap_or(false)
    }

    pub(crate) fn new(field: Field, on: Vec<bool>) -> CodeSet {
        CodeSet { field, on }
    }

    pub(crate) fn is_subset_of(&self, other: &CodeSet) -> bool {
        self.field == other.field && self.on.iter().zip(&other.on).all(|(a, b)| !a || *b)
    }

    fn is_empty(&self) -> bool {
        !self.on.iter().any(|on| *on)
    }
}

impl Term {
    /// `!term`: records that match it are left out.
    pub fn negated(&self) -> bool {
        self.negated
    }

    /// `"quoted"`: must occur as written (after folding), not scattered.
    pub fn phrase(&self) -> bool {
        self.phrase
    }

    /// The word being typed: the last plain word, with nothing after it.
    pub fn typing(&self) -> bool {
        self.typing
    }

    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// The folded text of the term (for a coded filter, the folded value
    /// that was resolved).
    pub fn text(&self) -> &str {
        &self.text
    }

    fn new(negated: bool, phrase: bool, scope: Scope, text: String) -> Term {
        Term {
            negated,
            phrase,
            typing: false,
            scope,
            text,
        }
    }
}

/// Something the reading of a query had to guess at, worth telling the
/// person typing it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Notice {
    /// `name:ana`: there is no such filter; the value was searched for
    /// everywhere.
    UnknownField { field: String },
    /// A `"` without its pair: the phrase runs to the end of the query.
    UnclosedQuote,
    /// `lang:klingon`: the value names nothing in that field, so the filter
    /// matches no record.
    UnknownValue { field: Field, value: String },
    /// A term with no letters or digits (an emoji, punctuation): ignored.
    Unsearchable { text: String },
}

impl Notice {
    /// The notice as a message, to word in the reader's language.
    pub fn message(&self) -> crate::i18n::Message {
        match self {
            Notice::UnknownField { field } => {
                msg!("query-notice-unknown-field", field = field.as_str())
            }
            Notice::UnclosedQuote => msg!("query-notice-unclosed-quote"),
            Notice::UnknownValue { field, value } => {
                let id = match field {
                    Field::Category => "query-notice-unknown-category",
                    Field::Languages => "query-notice-unknown-language",
                    _ => "query-notice-unknown-country",
                };
                msg!(id, value = value.as_str())
            }
            Notice::Unsearchable { text } => {
                msg!("query-notice-unsearchable", text = text.as_str())
            }
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::UnknownField { field } => write!(
                f,
                "there is no `{field}:` filter, so its value was searched for everywhere \
                 (filters: city:, cat:, lang:, tag:, country:)"
            ),
            Notice::UnclosedQuote => {
                f.write_str("a quote is not closed: the phrase runs to the end of the query")
            }
            Notice::UnknownValue { field, value } => {
                let what = match field {
                    Field::Category => "category",
                    Field::Languages => "language",
                    _ => "country",
                };
                write!(f, "no {what} is called \"{value}\", so nothing matches")
            }
            Notice::Unsearchable { text } => write!(
                f,
                "\"{text}\" has no letters or digits to search for, so it was ignored"
            ),
        }
    }
}

/// What a `name:` prefix selects.
enum Filter {
    Text(Field),
    Codes(Field),
}

fn filter_named(name: &str) -> Option<Filter> {
    Some(match name.to_ascii_lowercase().as_str() {
        "city" => Filter::Text(Field::City),
        "tag" | "tags" => Filter::Text(Field::Tags),
        "cat" | "category" => Filter::Codes(Field::Category),
        "lang" | "language" | "languages" => Filter::Codes(Field::Languages),
        "country" => Filter::Codes(Field::Country),
        _ => return None,
    })
}

impl Query {
    /// Reads a query. Whitespace separates terms; `city:`, `cat:`
    /// (`category:`), `lang:`, `tag:` and `country:` narrow a term to one
    /// field; `"…"` asks for the words as written; `!` leaves out what
    /// follows. Case, accents and punctuation don't matter.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        let chars = text.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong {
                chars,
                max: MAX_QUERY_CHARS,
            });
        }
        let mut query = Query::default();
        let mut rest = text;
        loop {
            rest = rest.trim_start_matches(is_space);
            if rest.is_empty() {
                break;
            }
            let mut negated = false;
            if let Some(after) = rest.strip_prefix('!') {
                negated = true;
                rest = after;
            }
            let mut filter = None;
            let letters = rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(rest.len());
            if letters > 0 && rest[letters..].starts_with(':') {
                let name = &rest[..letters];
                filter = filter_named(name);
                if filter.is_none() {
                    query.notices.push(Notice::UnknownField {
                        field: name.to_owned(),
                    });
                }
                rest = &rest[letters + 1..];
            }
            let (value, phrase) = if let Some(after) = rest.strip_prefix('"') {
                match after.find('"') {
                    Some(end) => {
                        rest = &after[end + 1..];
                        (&after[..end], true)
                    }
                    None => {
                        query.notices.push(Notice::UnclosedQuote);
                        rest = "";
                        (after, true)
                    }
                }
            } else {
                let end = rest
                    .find(|c: char| is_space(c) || c == '"')
                    .unwrap_or(rest.len());
                let value = &rest[..end];
                rest = &rest[end..];
                (value, false)
            };
            query.push_term(negated, phrase, filter, value);
        }
        if !text.ends_with(is_space) {
            if let Some(last) = query.terms.last_mut() {
                last.typing = !last.phrase && last.scope == Scope::Everywhere;
            }
        }
        Ok(query)
    }

    fn push_term(&mut self, negated: bool, phrase: bool, filter: Option<Filter>, value: &str) {
        let folded = fold(value);
        if folded.is_empty() {
            // `!`, `city:` and `""` are queries being typed; only text that
            // had something in it is worth a notice.
            if value.chars().any(|c| !is_space(c) && c != '!' && c != '"') {
                self.notices.push(Notice::Unsearchable {
                    text: value.to_owned(),
                });
            }
            return;
        }
        match filter {
            Some(Filter::Codes(field)) => {
                let v = vocab();
                let entries = match field {
                    Field::Category => &v.categories,
                    Field::Languages => &v.languages,
                    _ => &v.countries,
                };
                let set = CodeSet {
                    field,
                    on: resolve(entries, &folded, phrase),
                };
                if set.is_empty() {
                    self.notices.push(Notice::UnknownValue {
                        field,
                        value: value.to_owned(),
                    });
                }
                self.terms
                    .push(Term::new(negated, phrase, Scope::Codes(set), folded));
            }
            other => {
                let scope = match other {
                    Some(Filter::Text(field)) => Scope::Field(field),
                    _ => Scope::Everywhere,
                };
                if negated || phrase || scope != Scope::Everywhere {
                    // `!são-paulo` leaves out São Paulo, not everything that
                    // mentions `sao` somewhere and `paulo` somewhere else;
                    // `tag:no-id` is the tag `no-id`, not two tags.
                    self.terms.push(Term::new(negated, phrase, scope, folded));
                } else {
                    // `São-Paulo` reads as `sao paulo`: two words that must
                    // both match, the same as typing them apart.
                    for word in folded.split(' ') {
                        self.terms
                            .push(Term::new(false, false, scope.clone(), word.to_owned()));
                    }
                }
            }
        }
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    /// No terms: every record matches.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Separates terms: white space, and control characters, which can't be
/// part of a search and would otherwise glue two words together.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Query {
        Query::parse(text).unwrap()
    }

    fn texts(query: &Query) -> Vec<&str> {
        query.terms().iter().map(Term::text).collect()
    }

    #[test]
    fn spellings_of_the_same_words_parse_the_same() {
        for text in ["sao paulo", "São-Paulo", "SAO PAULO", "  são\tpaulo  "] {
            assert_eq!(texts(&parse(text)), ["sao", "paulo"], "{text}");
        }
    }

    #[test]
    fn filters_phrases_and_exclusions() {
        let q = parse(r#"city:Portland !"walk in" cat:doctor lang:es !tag:no-id"#);
        let t = q.terms();
        assert_eq!(t.len(), 5);
        assert_eq!(t[0].scope(), &Scope::Field(Field::City));
        assert_eq!(t[0].text(), "portland");
        assert!(t[1].negated() && t[1].phrase());
        assert_eq!(t[1].text(), "walk in");
        match t[2].scope() {
            Scope::Codes(set) => assert_eq!(set.codes(), ["clinic"]),
            other => panic!("{other:?}"),
        }
        match t[3].scope() {
            Scope::Codes(set) => assert_eq!(set.codes(), ["es"]),
            other => panic!("{other:?}"),
        }
        assert!(t[4].negated());
        assert_eq!(t[4].scope(), &Scope::Field(Field::Tags));
        assert_eq!(t[4].text(), "no id");
        assert!(q.notices().is_empty());
    }

    #[test]
    fn half_typed_queries_read_sensibly() {
        assert!(parse("").is_empty());
        assert!(parse("   ").is_empty());
        assert!(parse("!").is_empty());
        assert!(parse("city:").is_empty());
        assert!(parse("\"\"").is_empty());
        assert!(parse("city:").notices().is_empty());
        let q = parse("\"clinica lib");
        assert_eq!(texts(&q), ["clinica lib"]);
        assert!(q.terms()[0].phrase());
        assert_eq!(q.notices(), [Notice::UnclosedQuote]);
    }

    #[test]
    fn odd_input_gets_a_notice_not_an_error() {
        let q = parse("name:ana");
        assert_eq!(texts(&q), ["ana"]);
        assert_eq!(
            q.notices(),
            [Notice::UnknownField {
                field: "name".into()
            }]
        );
        let q = parse("🏥 clinic");
        assert_eq!(texts(&q), ["clinic"]);
        assert!(matches!(q.notices(), [Notice::Unsearchable { .. }]));
        let q = parse("lang:klingon");
        assert_eq!(q.terms().len(), 1, "an unknown value still filters");
        assert!(q.notices()[0].to_string().contains("klingon"));
        let q = parse("clinic\u{0}\u{1b}[31mportland");
        assert_eq!(texts(&q), ["clinic", "31mportland"]);
    }

    #[test]
    fn a_pasted_page_is_refused_with_its_length() {
        let long = "a".repeat(10_000);
        let err = Query::parse(&long).unwrap_err();
        assert_eq!(
            err,
            QueryError::TooLong {
                chars: 10_000,
                max: MAX_QUERY_CHARS
            }
        );
        assert!(err.to_string().contains("10000"));
        assert!(Query::parse(&"é".repeat(MAX_QUERY_CHARS)).is_ok());
    }
}

//! Relevance over the shipped sample directory: what a person types, and
//! the referral that must come first (or among the first three, or the set
//! that must fill the first places) for it. Each expectation was worked out
//! by hand from the sample: the record that truly answers the question
//! (city, category and language all right), not what some engine returned.
//! When the sample changes, a failure here says which search got worse.
//!
//! Three kinds of case:
//! - single words and fragments, as typed while searching (`W`);
//! - sentences in English, Spanish, French, Portuguese and German, the way
//!   an organizer types them (`S(lang)`): small words ("who", "que", "à",
//!   "em", "die"…) are optional, "speaks X" and a language's name ask for
//!   that language, a city the sample holds asks for that city, and a
//!   category word in any of the five languages asks for that category;
//! - precision cases (`P`): every result must satisfy what the query
//!   asked, and a query naming a city the sample does not hold (or a word
//!   no record has) must find nothing at all.

use pamphlet::model::{Category, Record, RecordInput};
use pamphlet::search::{Index, Query, Searcher};
use time::macros::datetime;

const SAMPLE: &str = include_str!("../data/sample-directory.json");

fn sample() -> Vec<Record> {
    let inputs: Vec<RecordInput> =
        serde_json::from_str(SAMPLE).expect("the sample is a JSON array of records");
    inputs
        .into_iter()
        .map(|input| {
            input
                .validate(datetime!(2026-11-30 12:00 UTC))
                .expect("sample records are valid")
        })
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    En,
    Es,
    Fr,
    Pt,
    De,
}
use Lang::{De, En, Es, Fr, Pt};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Words and fragments, as typed while searching.
    W,
    /// A sentence in one of the five languages.
    S(Lang),
    /// Every result must satisfy what the query asked.
    P,
}
use Kind::{P, S, W};

enum Expect {
    First(&'static str),
    Top3(&'static str),
    /// The first `k` hits are exactly these `k` records, in any order.
    TopSet(&'static [&'static str]),
    Nothing,
    /// Every hit lies in this city, has this category and lists this
    /// language (ISO 639-1 code), for those given; the query holds no other
    /// required word, so every sample record that satisfies them is a hit,
    /// and there is at least one.
    AllIn {
        city: Option<&'static str>,
        category: Option<Category>,
        language: Option<&'static str>,
    },
    /// A query naming a city the sample does not hold, or a word that no
    /// record has: no hit at all, and a total of zero.
    NoFullMatch,
}
use Expect::{AllIn, First, NoFullMatch, Nothing, Top3, TopSet};

/// The five lawyers in Paris: every one of them speaks French.
const PARIS_LAWYERS: &[&str] = &[
    "Maître Hélène Rénaudel",
    "Maître Jérôme Héraudin",
    "Cabinet Pérelle & Associées",
    "Maître Fatima Ibáñell",
    "Permanence juridique du mardi",
];

const CASES: &[(Kind, &str, Expect)] = &[
    // The examples of the design and the issue.
    (W, "clinic portland", First("Clínica Girasol")),
    // Both are lawyers in Paris; Maître Héraudin's description has
    // "Avocat", the same word, hers "Avocate", a longer one: by the
    // ranking of issue 12 the same word comes first.
    (W, "avocat paris", Top3("Maître Hélène Rénaudel")),
    (W, "clnic portlnd", First("Clínica Girasol")),
    (W, "spanish lawyer houston", First("Marisol Quintarro")),
    // Typos: letters left out.
    (W, "clinc houston", First("Clínica Colibrí")),
    (W, "girasl", Top3("Clínica Girasol")),
    (W, "montral housng", Top3("Maison Hirondelle")),
    (W, "thrapist berln", First("Amira Sjövall")),
    (W, "interpetr houston", First("Thảo Phamora")),
    // Accents both ways.
    (W, "clinica colibri", First("Clínica Colibrí")),
    (W, "CLÍNICA COLIBRÍ", First("Clínica Colibrí")),
    (W, "Clínica Girasol", First("Clínica Girasol")),
    (W, "sao paulo housing", First("Casa Amanhecer")),
    (W, "São-Paulo housing", First("Casa Amanhecer")),
    (W, "SAO PAULO housing", First("Casa Amanhecer")),
    (W, "montréal bail", First("Caisse de solidarité Rivière")),
    (W, "montreal bail", First("Caisse de solidarité Rivière")),
    (W, "sjovall", First("Amira Sjövall")),
    (W, "nuneza", First("Dário Núñeza")),
    (W, "ibanell", First("Maître Fatima Ibáñell")),
    (W, "quinonel", First("Martín Quiñonel")),
    (
        W,
        "ciudad de mexico bail",
        First("Fondo de Fianzas Colibrí"),
    ),
    // Words across fields.
    (W, "housing toronto spanish", First("Casa Amanecer Toronto")),
    (
        W,
        "translator paris arabic",
        First("Réseau d'interprètes bénévoles"),
    ),
    (W, "therapist montreal french", First("Hélène Boisvérd")),
    (W, "lawyer berlin polish", First("Kanzlei Brücke")),
    (
        W,
        "trans clinic mexico",
        First("Consultorio Trans Amanecer"),
    ),
    (
        W,
        "harm reduction portland",
        First("Lantern Harm Reduction Van"),
    ),
    (
        W,
        "\"harm reduction\" new york",
        First("Marigold Harm Reduction Drop-in"),
    ),
    // Synonyms and language names.
    (W, "doctor houston", First("Clínica Colibrí")),
    (W, "health toronto", Top3("Juniper Community Health Centre")),
    (W, "attorney oakland", First("Ayesha Brandtmoor")),
    (W, "abogado madrid", First("Pilar Urquíaga, abogada")),
    (W, "advogado rio", Top3("Dr. Antônio Ximarro")),
    (W, "interpreter houston", First("Thảo Phamora")),
    (W, "counselor toronto", First("Priya Rosavel")),
    (W, "shelter lyon", First("Maison Béguinage")),
    (W, "español therapist", Top3("Léa Zúñara")),
    // Both are Vietnamese translators; Hương Nguyenhart's record names the
    // language in more fields, which issue 12's ranking counts.
    (W, "vietnamese translator", Top3("Thảo Phamora")),
    (W, "farsi", First("Dayereh Women's Circle")),
    (W, "kreyol translator", First("Roselaure Déspradel")),
    (W, "tagalog oakland", First("Kapwa Circle")),
    // Filters.
    (W, "lang:es cat:housing houston", First("Casa Semilla")),
    (
        W,
        "lang:spanish cat:therapist new york",
        First("Sam Estrellano"),
    ),
    (W, "lang:fa", First("Dayereh Women's Circle")),
    (W, "cat:doctor city:lyon", First("Centre de santé Jardin")),
    (W, "city:portland cat:bail", First("Thistle Bail Fund")),
    (
        W,
        "tag:no-id berlin clinic",
        First("Offene Sprechstunde Mitte"),
    ),
    (W, "country:br cat:lawyer", First("Dra. Inês Velmont")),
    (W, "country:canada translator", First("Roselaure Déspradel")),
    (W, "cat:translator lang:ru", First("Oksana Kovrinsk")),
    // Exclusions.
    (W, "clinic portland !spanish", First("Trans Health Drop-in")),
    (W, "bail new york !immigration", First("Lantern Bail Fund")),
    (W, "lawyer houston !lang:es", First("Thomas Farnsby")),
    (W, "support paris !\"sex worker\"", First("Trans et fières")),
    // Nothing to find.
    (W, "zxqv", Nothing),
    (W, "clinic city:atlantis", Nothing),
    (W, "lang:klingon", Nothing),
    (W, "cat:lawyer cat:clinic", Nothing),
    (W, "clinic !clinic", Nothing),
    (W, "\"portland paris\"", Nothing),
    // Sentences in English. In each, the record named is the only one (or
    // the set named is exactly the set) with the right city, category and
    // language whose text has the sentence's other words.
    (
        S(En),
        "lawyer who speaks french in paris",
        TopSet(PARIS_LAWYERS),
    ),
    // The only lawyer in Paris who lists English.
    (
        S(En),
        "lawyer who speaks english in paris",
        First("Maître Hélène Rénaudel"),
    ),
    // Portland clinics that list Spanish; not Portland Street Clinic (it
    // is in Seattle) nor Free Name Change Clinic (a legal clinic).
    (
        S(En),
        "clinic in portland that speaks spanish",
        TopSet(&["Clínica Girasol", "Lantern Harm Reduction Van"]),
    ),
    // Thomas Farnsby's notes say "immigration" but he lists English only.
    (
        S(En),
        "immigration lawyer in houston who speaks spanish",
        First("Marisol Quintarro"),
    ),
    (
        S(En),
        "therapist in new york who speaks french",
        First("Dr. Renée Pellacourt"),
    ),
    // Hoa Nguyenhart-Phamora speaks Vietnamese too, but is a therapist.
    (
        S(En),
        "interpreter for vietnamese in houston",
        First("Thảo Phamora"),
    ),
    // Nido Youth Beds is the other New York housing: no "trans", no "women".
    (
        S(En),
        "housing for trans women in new york",
        First("Copper Key Housing Collective"),
    ),
    (
        S(En),
        "who pays bail in oakland",
        First("Estrella Bail Fund"),
    ),
    (
        S(En),
        "support group for sex workers in toronto",
        First("Nightjar Peer Circle"),
    ),
    (
        S(En),
        "doctor in toronto who speaks arabic",
        First("Corvallo Walk-in Clinic"),
    ),
    // Tamil only through the record's languages.
    (
        S(En),
        "translator in paris who speaks tamil",
        First("Réseau d'interprètes bénévoles"),
    ),
    (
        S(En),
        "free dental care in oakland",
        First("Tidewater Dental Day"),
    ),
    (
        S(En),
        "lawyer for an eviction in seattle",
        First("Eviction Defense Hotline"),
    ),
    // Sentences in Spanish.
    (
        S(Es),
        "abogada que habla español en houston",
        First("Marisol Quintarro"),
    ),
    (
        S(Es),
        "abogada de extranjería en madrid",
        First("Pilar Urquíaga, abogada"),
    ),
    (
        S(Es),
        "terapeuta en barcelona que habla catalán",
        First("Martín Quiñonel"),
    ),
    // Magnolia Street Medicine is the other Houston clinic: no "papeles".
    (
        S(Es),
        "clínica sin papeles en houston",
        First("Clínica Colibrí"),
    ),
    (
        S(Es),
        "albergue para mujeres migrantes en houston",
        First("Casa Semilla"),
    ),
    // Caja de Resistencia Faro also names "trabajadoras sexuales", but it
    // is a bail fund.
    (
        S(Es),
        "grupo de apoyo para trabajadoras sexuales en madrid",
        First("Círculo de Apoyo Luciérnaga"),
    ),
    (
        S(Es),
        "fondo de fianzas en ciudad de méxico",
        First("Fondo de Fianzas Colibrí"),
    ),
    (
        S(Es),
        "traductora de árabe en madrid",
        First("Intérpretes Ceiba"),
    ),
    (
        S(Es),
        "abogado que habla inglés en ciudad de méxico",
        First("Lic. Sebastián Moravel"),
    ),
    (
        S(Es),
        "vivienda para jóvenes lgtbi en barcelona",
        First("Casa Colibrí BCN"),
    ),
    (
        S(Es),
        "psicóloga que habla portugués en madrid",
        First("Begoña Esquível"),
    ),
    // Sentences in French.
    (S(Fr), "je cherche un avocat à paris", TopSet(PARIS_LAWYERS)),
    (
        S(Fr),
        "avocate qui parle arabe à marseille",
        First("Maître Nadia Corvallo"),
    ),
    (
        S(Fr),
        "psychologue pour les personnes qui travaillent la nuit à lyon",
        First("Léa Zúñara"),
    ),
    // Logement Solidaire Béguinage is the other Montréal housing.
    (
        S(Fr),
        "hébergement pour femmes trans à montréal",
        First("Maison Hirondelle"),
    ),
    // Clinique juridique Hirondelle is also "sans rendez-vous", but it is
    // a legal clinic.
    (
        S(Fr),
        "clinique de dépistage sans rendez-vous à montréal",
        First("Clinique Sororité"),
    ),
    (
        S(Fr),
        "interprète créole haïtien à montréal",
        First("Roselaure Déspradel"),
    ),
    // Caisse de solidarité Rivière is in Montréal.
    (
        S(Fr),
        "caisse de solidarité à paris",
        First("Caisse de solidarité Étoile"),
    ),
    (
        S(Fr),
        "groupe de parole en mandarin à paris",
        First("Cercle Jasmin"),
    ),
    (
        S(Fr),
        "médecin qui parle arabe à paris",
        First("Médecins du Quartier Étoile"),
    ),
    // Sentences in Portuguese.
    (
        S(Pt),
        "terapeuta que fala português em são paulo",
        TopSet(&["Valéria Solmarin", "João Tavernell"]),
    ),
    (
        S(Pt),
        "advogada para trabalhadoras sexuais em são paulo",
        First("Dra. Márcia Albérnaz"),
    ),
    (
        S(Pt),
        "moradia para imigrantes em são paulo",
        First("República Refúgio"),
    ),
    (
        S(Pt),
        "clínica que atende trabalhadoras sexuais em são paulo",
        First("Clínica Estrela da Manhã"),
    ),
    (
        S(Pt),
        "intérprete de espanhol no rio de janeiro",
        First("Bruna Kovrinsk"),
    ),
    // Fundo Liberdade Faro is in Rio.
    (
        S(Pt),
        "fundo de fiança em são paulo",
        First("Fundo de Fiança Solidário Coração"),
    ),
    (
        S(Pt),
        "grupo de apoio para mães em são paulo",
        First("Grupo de Mães Esperança"),
    ),
    (
        S(Pt),
        "advogado que fala inglês no rio de janeiro",
        First("Dr. Antônio Ximarro"),
    ),
    // Sentences in German.
    (
        S(De),
        "Ärztin in Berlin die Rumänisch spricht",
        First("Gesundheitskollektiv Frühling"),
    ),
    (
        S(De),
        "Anwalt für Asyl in Berlin",
        First("Jürgen Kühnholt, Rechtsanwalt"),
    ),
    (
        S(De),
        "Therapeutin in Berlin die Arabisch spricht",
        First("Amira Sjövall"),
    ),
    (
        S(De),
        "Dolmetscherin für Polnisch in Berlin",
        First("Olga Wójcikow"),
    ),
    // The two Berlin housing records; both are for women.
    (
        S(De),
        "Unterkunft für Frauen in Berlin",
        TopSet(&["Notschlafstelle Nordstern", "Wohnprojekt Hafen"]),
    ),
    // Wohnprojekt Hafen also says "Sexarbeit", but it is housing.
    (
        S(De),
        "Selbsthilfegruppe für Sexarbeit in Berlin",
        First("Gesprächskreis Sexarbeit"),
    ),
    // The Berlin clinics whose text has "Termin".
    (
        S(De),
        "Klinik ohne Termin in Berlin",
        TopSet(&["Offene Sprechstunde Mitte", "Praxis Grüne Tür"]),
    ),
    (
        S(De),
        "Anwältin die Polnisch spricht",
        First("Kanzlei Brücke"),
    ),
    // "Abendterminen" is one letter from Jonas's "Abendtermine".
    (
        S(De),
        "Therapeut in Berlin mit Abendterminen",
        First("Jonas Brandtmoor"),
    ),
    // The same expectations through filters, which today's engine already
    // reads this way: they show the checks pass when the results are right.
    (W, "cat:lawyer city:paris", TopSet(PARIS_LAWYERS)),
    (P, "city:oslo", NoFullMatch),
    (
        P,
        "city:paris",
        AllIn {
            city: Some("Paris"),
            category: None,
            language: None,
        },
    ),
    (
        P,
        "cat:lawyer lang:es",
        AllIn {
            city: None,
            category: Some(Category::Lawyer),
            language: Some("es"),
        },
    ),
    // Precision: cities the sample does not hold, and words no record has.
    (P, "atlanta", NoFullMatch),
    (P, "oslo", NoFullMatch),
    (P, "clinic in oslo", NoFullMatch),
    (P, "lawyer in atlanta", NoFullMatch),
    // "lima" is abbreviated in Casa Luciérnaga's "limitado", a housing
    // record: no lawyer.
    (P, "abogado en lima", NoFullMatch),
    // No record has a word that "dentist" matches (Tidewater Dental Day
    // says "dental"), and the lawyers whose text says "detention" must
    // not stand in for one.
    (P, "dentist", NoFullMatch),
    // Nobody in Berlin lists Spanish.
    (P, "Ärztin in Berlin die Spanisch spricht", NoFullMatch),
    // Precision: every result has what was asked. Portland Street Clinic
    // (in Seattle) and Free Name Change Clinic (a lawyer) are not clinics
    // in Portland.
    (
        P,
        "clinic in portland",
        AllIn {
            city: Some("Portland"),
            category: Some(Category::Clinic),
            language: None,
        },
    ),
    (
        P,
        "clinic in seattle",
        AllIn {
            city: Some("Seattle"),
            category: Some(Category::Clinic),
            language: None,
        },
    ),
    (
        P,
        "paris",
        AllIn {
            city: Some("Paris"),
            category: None,
            language: None,
        },
    ),
    (
        P,
        "spanish",
        AllIn {
            city: None,
            category: None,
            language: Some("es"),
        },
    ),
    // Not Praxis Grüne Tür or Offene Sprechstunde Mitte for the letters
    // of "freundlich".
    (
        P,
        "french",
        AllIn {
            city: None,
            category: None,
            language: Some("fr"),
        },
    ),
    (
        P,
        "lawyer who speaks spanish",
        AllIn {
            city: None,
            category: Some(Category::Lawyer),
            language: Some("es"),
        },
    ),
    (
        P,
        "abogada que habla español",
        AllIn {
            city: None,
            category: Some(Category::Lawyer),
            language: Some("es"),
        },
    ),
    (
        P,
        "avocat qui parle anglais",
        AllIn {
            city: None,
            category: Some(Category::Lawyer),
            language: Some("en"),
        },
    ),
    (
        P,
        "terapeuta que fala português",
        AllIn {
            city: None,
            category: Some(Category::Therapist),
            language: Some("pt"),
        },
    ),
    (
        P,
        "therapist in berlin",
        AllIn {
            city: Some("Berlin"),
            category: Some(Category::Therapist),
            language: None,
        },
    ),
    (
        P,
        "Dolmetscher in Berlin",
        AllIn {
            city: Some("Berlin"),
            category: Some(Category::Translator),
            language: None,
        },
    ),
    (
        P,
        "housing in são paulo",
        AllIn {
            city: Some("São Paulo"),
            category: Some(Category::Housing),
            language: None,
        },
    ),
    (
        P,
        "bail fund in new york",
        AllIn {
            city: Some("New York"),
            category: Some(Category::BailFund),
            language: None,
        },
    ),
    (
        P,
        "clinique à paris",
        AllIn {
            city: Some("Paris"),
            category: Some(Category::Clinic),
            language: None,
        },
    ),
    (
        P,
        "shelter in montreal that speaks english",
        AllIn {
            city: Some("Montréal"),
            category: Some(Category::Housing),
            language: Some("en"),
        },
    ),
];

fn record_of(records: &[Record], id: uuid::Uuid) -> Option<&Record> {
    records.iter().find(|r| r.id == id)
}

fn name_of(records: &[Record], id: uuid::Uuid) -> &str {
    record_of(records, id).map_or("?", |r| r.name.as_str())
}

/// Whether a record satisfies what an `AllIn` case asks.
fn satisfies(
    record: &Record,
    city: Option<&str>,
    category: Option<Category>,
    language: Option<&str>,
) -> bool {
    city.is_none_or(|c| record.city == c)
        && category.is_none_or(|c| record.category == c)
        && language.is_none_or(|l| record.languages.iter().any(|have| have == l))
}

fn describe(record: &Record) -> String {
    format!(
        "{} ({}, {}, [{}])",
        record.name,
        record.city,
        record.category.as_str(),
        record.languages.join(",")
    )
}

/// What went wrong with one case, or nothing.
fn check(records: &[Record], index: &Index, text: &str, expect: &Expect) -> Option<String> {
    let query = Query::parse(text).expect("relevance queries parse");
    let limit = match expect {
        First(_) | Top3(_) | Nothing => 3,
        TopSet(_) | AllIn { .. } | NoFullMatch => usize::MAX,
    };
    let found = index.search(&query, limit);
    let names: Vec<&str> = found
        .hits
        .iter()
        .map(|hit| name_of(records, hit.id))
        .collect();
    let shown = |n: usize| names.iter().take(n).copied().collect::<Vec<_>>();
    match expect {
        First(name) => (names.first() != Some(name)).then(|| format!("got {:?}", shown(3))),
        Top3(name) => (!names.contains(name)).then(|| format!("got {:?}", shown(3))),
        Nothing => (!names.is_empty()).then(|| format!("got {:?}", shown(3))),
        TopSet(set) => {
            let mut top = shown(set.len());
            let mut want = set.to_vec();
            top.sort_unstable();
            want.sort_unstable();
            (top != want).then(|| format!("got {:?}", shown(set.len() + 2)))
        }
        NoFullMatch => (!found.hits.is_empty() || found.total != 0).then(|| {
            format!(
                "{} hits (total {}), first {:?}",
                found.hits.len(),
                found.total,
                shown(3)
            )
        }),
        AllIn {
            city,
            category,
            language,
        } => {
            let wrong: Vec<String> = found
                .hits
                .iter()
                .filter_map(|hit| record_of(records, hit.id))
                .filter(|r| !satisfies(r, *city, *category, *language))
                .map(describe)
                .collect();
            let due = records
                .iter()
                .filter(|r| satisfies(r, *city, *category, *language))
                .count();
            let right = found.hits.len() - wrong.len();
            if !wrong.is_empty() {
                Some(format!(
                    "{} of {} hits do not satisfy it, e.g. {:?}",
                    wrong.len(),
                    found.hits.len(),
                    &wrong[..wrong.len().min(3)]
                ))
            } else if right != due || due == 0 {
                Some(format!("{right} hits, but {due} sample records satisfy it"))
            } else {
                None
            }
        }
    }
}

#[test]
fn each_query_puts_the_right_referral_on_top() {
    let records = sample();
    let index = Index::build(&records);
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(kind, text, expect)| {
            check(&records, &index, text, expect).map(|why| format!("{kind:?} {text:?}: {why}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn the_suite_has_enough_sentences_and_precision_cases() {
    let count = |wanted: &dyn Fn(Kind) -> bool| CASES.iter().filter(|c| wanted(c.0)).count();
    assert!(CASES.len() >= 100, "{} cases", CASES.len());
    assert!(count(&|k| k == W) >= 61, "the first 61 cases stay");
    assert!(count(&|k| matches!(k, S(_))) >= 40);
    for lang in [En, Es, Fr, Pt, De] {
        assert!(count(&|k| k == S(lang)) >= 6, "{lang:?}");
    }
    assert!(count(&|k| k == P) >= 15);
    for (kind, text, expect) in CASES {
        match kind {
            // A sentence names the record that must come first, or the set
            // that must fill the first places.
            S(_) => assert!(matches!(expect, First(_) | Top3(_) | TopSet(_)), "{text:?}"),
            P => assert!(matches!(expect, AllIn { .. } | NoFullMatch), "{text:?}"),
            W => {}
        }
    }
    for needed in ["atlanta", "dentist"] {
        assert!(
            CASES.iter().any(|(k, t, _)| *k == P && *t == needed),
            "{needed}"
        );
    }
}

/// The expectations themselves: every record named is in the sample, a
/// set names distinct records, and a precision case asks for something
/// the sample holds (or, for `NoFullMatch`, a city it does not).
#[test]
fn every_expectation_names_what_the_sample_holds() {
    let records = sample();
    let known = |name: &str| records.iter().any(|r| r.name == name);
    for (_, text, expect) in CASES {
        match expect {
            First(name) | Top3(name) => assert!(known(name), "{text:?}: {name}"),
            TopSet(set) => {
                for name in *set {
                    assert!(known(name), "{text:?}: {name}");
                }
                let mut distinct = set.to_vec();
                distinct.sort_unstable();
                distinct.dedup();
                assert_eq!(distinct.len(), set.len(), "{text:?}");
            }
            AllIn {
                city,
                category,
                language,
            } => assert!(
                records
                    .iter()
                    .any(|r| satisfies(r, *city, *category, *language)),
                "{text:?}"
            ),
            Nothing | NoFullMatch => {}
        }
    }
    for city in ["Atlanta", "Oslo", "Lima"] {
        assert!(records.iter().all(|r| r.city != city), "{city}");
    }
}

#[test]
fn typing_each_query_finds_the_same_as_searching_it_whole() {
    let records = sample();
    let index = Index::build(&records);
    for (_, text, _) in CASES {
        let mut searcher = Searcher::new();
        let mut typed = String::new();
        for c in text.chars() {
            typed.push(c);
            let query = Query::parse(&typed).expect("prefixes parse");
            assert_eq!(
                searcher.search(&index, &query, 10),
                index.search(&query, 10),
                "{typed:?}"
            );
        }
        while typed.pop().is_some() {
            let query = Query::parse(&typed).expect("prefixes parse");
            assert_eq!(
                searcher.search(&index, &query, 10),
                index.search(&query, 10),
                "{typed:?} (deleting)"
            );
        }
    }
}

#[test]
fn highlights_mark_the_words_found() {
    let records = sample();
    let index = Index::build(&records);
    let record = records
        .iter()
        .find(|r| r.name == "Clínica Colibrí")
        .expect("the sample has Clínica Colibrí");
    let query = Query::parse("clinica houston").expect("parses");
    let marks: Vec<(&str, String)> = index
        .marker(&query)
        .highlights(record)
        .into_iter()
        .map(|mark| {
            let text: Vec<char> = mark.field.text(record).chars().collect();
            (
                mark.field.as_str(),
                mark.positions.iter().map(|&p| text[p]).collect(),
            )
        })
        .collect();
    // `clinica` reads as the category and is found in the name; `houston`
    // as the city, which is marked there only.
    assert_eq!(
        marks,
        [
            ("name", "Clínica".to_owned()),
            ("category", "clinic".to_owned()),
            ("city", "Houston".to_owned()),
        ]
    );
}

#[test]
fn highlights_never_mark_between_words_except_in_a_phrase() {
    let records = sample();
    let index = Index::build(&records);
    // A phrase, or a `city:` or `tag:` value, is marked as written, spaces
    // and hyphens included.
    let spaced = |text: &str| ["\"", "city:", "tag:"].iter().any(|s| text.contains(s));
    for (_, text, _) in CASES.iter().filter(|(_, text, _)| !spaced(text)) {
        let query = Query::parse(text).expect("parses");
        let marker = index.marker(&query);
        for hit in index.search(&query, 5).hits {
            let record = record_of(&records, hit.id).expect("a sample record");
            for mark in marker.highlights(record) {
                let shown: Vec<char> = mark.field.text(record).chars().collect();
                for &p in &mark.positions {
                    assert!(
                        shown[p].is_alphanumeric(),
                        "{text:?} marks {:?} in {}: {:?}",
                        shown[p],
                        mark.field.as_str(),
                        shown.iter().collect::<String>()
                    );
                }
            }
        }
    }
}

#[test]
fn lang_and_country_filters_take_names_in_five_languages() {
    let records = sample();
    let index = Index::build(&records);
    let cases: &[(&str, &[&str])] = &[
        (
            "fr",
            &[
                "lang:francés",
                "lang:FRANCÊS",
                "lang:französisch",
                "lang:francais",
                "lang:french",
            ],
        ),
        (
            "de",
            &[
                "lang:alemán",
                "lang:allemand",
                "lang:alemão",
                "lang:Deutsch",
            ],
        ),
        ("en", &["lang:inglés", "lang:anglais", "lang:englisch"]),
        ("es", &["lang:espagnol", "lang:espanhol", "lang:spanisch"]),
        (
            "pt",
            &["lang:portugués", "lang:portugais", "lang:portugiesisch"],
        ),
        ("ar", &["lang:árabe", "lang:arabisch"]),
    ];
    for (code, queries) in cases {
        let due = records
            .iter()
            .filter(|r| r.languages.iter().any(|l| l == code))
            .count();
        assert!(due > 0, "{code}");
        for text in *queries {
            let query = Query::parse(text).expect("parses");
            assert!(query.notices().is_empty(), "{text}: {:?}", query.notices());
            let found = index.search(&query, usize::MAX);
            assert_eq!(found.total, due, "{text}");
            for hit in &found.hits {
                let record = record_of(&records, hit.id).expect("a sample record");
                assert!(record.languages.iter().any(|l| l == code), "{text}");
            }
        }
    }
    let cases: &[(&str, &[&str])] = &[
        (
            "ES",
            &[
                "country:españa",
                "country:ESPAÑA",
                "country:espagne",
                "country:espanha",
                "country:spanien",
            ],
        ),
        (
            "DE",
            &[
                "country:alemania",
                "country:allemagne",
                "country:alemanha",
                "country:deutschland",
            ],
        ),
        (
            "US",
            &[
                "country:\"estados unidos\"",
                "country:états-unis",
                "country:eua",
                "country:\"vereinigte staaten\"",
            ],
        ),
        (
            "BR",
            &["country:brésil", "country:brasilien", "country:brasil"],
        ),
        ("CA", &["country:canadá", "country:kanada"]),
        (
            "MX",
            &["country:méxico", "country:mexique", "country:mexiko"],
        ),
        (
            "FR",
            &[
                "country:francia",
                "country:frança",
                "country:frankreich",
                "country:france",
            ],
        ),
    ];
    for (code, queries) in cases {
        let due = records.iter().filter(|r| r.country == *code).count();
        assert!(due > 0, "{code}");
        for text in *queries {
            let query = Query::parse(text).expect("parses");
            assert!(query.notices().is_empty(), "{text}: {:?}", query.notices());
            let found = index.search(&query, usize::MAX);
            assert_eq!(found.total, due, "{text}");
            for hit in &found.hits {
                let record = record_of(&records, hit.id).expect("a sample record");
                assert_eq!(record.country, *code, "{text}");
            }
        }
    }
}

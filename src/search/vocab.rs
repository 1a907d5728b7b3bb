//! The words that stand for a coded value: category names and their synonyms,
//! language names and country names (English, native, and in Spanish,
//! French, Portuguese and German). A record stores
//! `clinic`, `es` and `FR`; a person types `doctor`, `español` and `france`.

use std::sync::OnceLock;

use crate::model::{Category, COUNTRIES, LANGUAGES};

use super::fold::fold;

/// Words that find each category, besides its own name. Chosen for the
/// people pamphlet serves: the words they would type under stress, in the
/// languages of the first groups using it (English, Spanish, French,
/// Portuguese).
pub fn category_words(category: Category) -> &'static [&'static str] {
    match category {
        Category::Lawyer => &[
            "lawyer",
            "attorney",
            "avocat",
            "avocate",
            "abogado",
            "abogada",
            "advogado",
            "advogada",
            "legal",
            "law",
            "solicitor",
            "juriste",
            "lawyers",
            "attorneys",
            "abogados",
            "abogadas",
            "avocats",
            "advogados",
            "anwalt",
            "anwältin",
            "rechtsanwalt",
            "rechtsanwältin",
        ],
        Category::Clinic => &[
            "clinic", "doctor", "health", "medical", "nurse", "clinique", "clínica", "médico",
            "médecin", "santé", "salud", "saúde", "clinics", "doctors", "médica", "klinik", "arzt",
            "ärztin",
        ],
        Category::Therapist => &[
            "therapist",
            "therapy",
            "counselor",
            "counsellor",
            "counseling",
            "psychologist",
            "thérapeute",
            "psychologue",
            "terapeuta",
            "psicólogo",
            "psicóloga",
            "therapists",
            "psicoterapeuta",
            "therapeut",
            "therapeutin",
            "psychologe",
            "psychologin",
        ],
        Category::Translator => &[
            "translator",
            "translation",
            "interpreter",
            "interpreting",
            "traducteur",
            "traductrice",
            "interprète",
            "traductor",
            "traductora",
            "intérprete",
            "tradutor",
            "tradutora",
            "translators",
            "interpreters",
            "übersetzer",
            "übersetzerin",
            "dolmetscher",
            "dolmetscherin",
        ],
        Category::BailFund => &[
            "bail fund",
            "bail",
            "bond",
            "fianza",
            "caution",
            "fiança",
            "kaution",
        ],
        Category::Housing => &[
            "housing",
            "shelter",
            "logement",
            "hébergement",
            "vivienda",
            "albergue",
            "moradia",
            "abrigo",
            "unterkunft",
            "wohnung",
            "notunterkunft",
        ],
        Category::SupportGroup => &[
            "support group",
            "support",
            "peer support",
            "groupe de soutien",
            "grupo de apoyo",
            "grupo de apoio",
            "selbsthilfegruppe",
        ],
        Category::Other => &["other"],
    }
}

/// Names of common languages in English, Spanish, French, Portuguese and
/// German, besides those the model's table gives.
pub fn more_language_names(code: &str) -> &'static [&'static str] {
    match code {
        "en" => &["inglés", "anglais", "inglês", "englisch"],
        "es" => &["espagnol", "espanhol", "spanisch"],
        "fr" => &["francés", "francês", "französisch"],
        "pt" => &["portugués", "portugais", "portugiesisch"],
        "de" => &["alemán", "allemand", "alemão"],
        "ar" => &["árabe", "arabe", "arabisch"],
        "ru" => &["ruso", "russe", "russo", "russisch"],
        "zh" => &["chino", "chinois", "chinês", "chinesisch", "mandarin"],
        "vi" => &["vietnamita", "vietnamien", "vietnamesisch"],
        "fa" => &["persa", "persan", "persisch"],
        "pl" => &["polaco", "polonais", "polonês", "polnisch"],
        "it" => &["italiano", "italien", "italienisch"],
        "uk" => &["ucraniano", "ukrainien", "ukrainisch"],
        "ht" => &["créole", "crioulo", "kreolisch"],
        "tl" => &["tagalo"],
        "ca" => &["catalán", "catalão", "katalanisch"],
        "ro" => &["rumano", "roumain", "romeno", "rumänisch"],
        "tr" => &["turco", "turc", "türkisch"],
        "el" => &["griego", "grec", "grego", "griechisch"],
        "so" => &["somalí"],
        "am" => &["amárico", "amharique", "amharisch"],
        "ti" => &["tigriña", "tigrigna", "tigrínia"],
        "ps" => &["pastún", "pachto", "pashto", "paschtu"],
        "pa" => &["panyabí", "pendjabi", "panjabi", "pandschabi"],
        "bg" => &["búlgaro", "bulgare", "bulgarisch"],
        "eu" => &["vasco", "basco", "baskisch"],
        "ja" => &["japonés", "japonais", "japonês", "japanisch"],
        "ko" => &["coreano", "coréen", "koreanisch"],
        "nl" => &["neerlandés", "néerlandais", "holandês", "niederländisch"],
        _ => &[],
    }
}

/// Names of common countries in Spanish, French, Portuguese and German,
/// besides the English name the model's table gives: what `country:`
/// and a query word accept (`country:españa`, `alemania`).
pub fn more_country_names(code: &str) -> &'static [&'static str] {
    match code {
        "US" => &[
            "Estados Unidos",
            "EEUU",
            "États-Unis",
            "EUA",
            "Vereinigte Staaten",
            "USA",
        ],
        "CA" => &["Canadá", "Kanada"],
        "MX" => &["México", "Mexique", "Mexiko"],
        "BR" => &["Brasil", "Brésil", "Brasilien"],
        "FR" => &["Francia", "França", "Frankreich"],
        "ES" => &["España", "Espagne", "Espanha", "Spanien"],
        "DE" => &["Alemania", "Allemagne", "Alemanha", "Deutschland"],
        "GB" => &[
            "Reino Unido",
            "Royaume-Uni",
            "Vereinigtes Königreich",
            "UK",
            "Inglaterra",
            "Angleterre",
            "England",
        ],
        "IT" => &["Italia", "Italie", "Itália", "Italien"],
        "AR" => &["Argentine", "Argentinien"],
        "CO" => &["Colombie", "Colômbia", "Kolumbien"],
        "PE" => &["Perú", "Pérou"],
        "EC" => &["Équateur", "Equador"],
        "BO" => &["Bolivie", "Bolívia", "Bolivien"],
        "UY" => &["Uruguai"],
        "PY" => &["Paraguai"],
        "CU" => &["Kuba"],
        "DO" => &[
            "República Dominicana",
            "République dominicaine",
            "Dominikanische Republik",
        ],
        "HT" => &["Haití", "Haïti"],
        "PA" => &["Panamá"],
        "BE" => &["Bélgica", "Belgique", "Belgien"],
        "NL" => &[
            "Países Bajos",
            "Pays-Bas",
            "Países Baixos",
            "Niederlande",
            "Holanda",
        ],
        "CH" => &["Suiza", "Suisse", "Suíça", "Schweiz"],
        "AT" => &["Autriche", "Áustria", "Österreich"],
        "IE" => &["Irlanda", "Irlande", "Irland"],
        "PL" => &["Polonia", "Pologne", "Polônia", "Polen"],
        "RO" => &["Rumania", "Roumanie", "Romênia", "Rumänien"],
        "GR" => &["Grecia", "Grèce", "Grécia", "Griechenland"],
        "TR" => &["Turquía", "Turquie", "Turquia", "Türkei"],
        "RU" => &["Rusia", "Russie", "Rússia", "Russland"],
        "UA" => &["Ucrania", "Ucrânia"],
        "MA" => &["Marruecos", "Maroc", "Marrocos", "Marokko"],
        "DZ" => &["Argelia", "Algérie", "Argélia", "Algerien"],
        "TN" => &["Túnez", "Tunisie", "Tunísia", "Tunesien"],
        "SN" => &["Sénégal"],
        "NG" => &["Nigéria"],
        "MZ" => &["Moçambique", "Mosambik"],
        "CV" => &["Cabo Verde", "Cap-Vert", "Kap Verde"],
        "CN" => &["Chine"],
        "VN" => &["Viêt Nam", "Vietnã"],
        "PH" => &["Filipinas", "Philippines", "Philippinen"],
        "IN" => &["Inde", "Índia", "Indien"],
        "JP" => &["Japón", "Japon", "Japão"],
        "AU" => &["Australie", "Austrália", "Australien"],
        "ZA" => &["Sudáfrica", "Afrique du Sud", "África do Sul", "Südafrika"],
        "EG" => &["Egipto", "Égypte", "Egito", "Ägypten"],
        "SY" => &["Siria", "Syrie", "Síria", "Syrien"],
        "AF" => &["Afganistán", "Afeganistão"],
        "IR" => &["Irán", "Irã"],
        "LB" => &["Líbano", "Liban", "Libanon"],
        "ET" => &["Etiopía", "Éthiopie", "Etiópia", "Äthiopien"],
        "SO" => &["Somalie", "Somália"],
        "CI" => &["Costa de Marfil", "Costa do Marfim", "Elfenbeinküste"],
        "CM" => &["Camerún", "Cameroun", "Camarões", "Kamerun"],
        _ => &[],
    }
}

/// The folded words of one coded value.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) keys: Vec<String>,
}

impl Entry {
    fn new(words: impl IntoIterator<Item = String>) -> Entry {
        let mut keys: Vec<String> = Vec::new();
        for word in words {
            let key = fold(&word);
            if !key.is_empty() && !keys.contains(&key) {
                keys.push(key);
            }
        }
        Entry { keys }
    }
}

/// Every coded value with its folded words, indexed like
/// `Category::ALL`, `LANGUAGES` and `COUNTRIES`.
#[derive(Debug)]
pub(crate) struct Vocab {
    pub(crate) categories: Vec<Entry>,
    pub(crate) languages: Vec<Entry>,
    pub(crate) countries: Vec<Entry>,
}

/// Built once per process: folding the tables takes a fraction of a
/// millisecond, but every query needs them.
pub(crate) fn vocab() -> &'static Vocab {
    static VOCAB: OnceLock<Vocab> = OnceLock::new();
    VOCAB.get_or_init(|| Vocab {
        categories: Category::ALL
            .iter()
            .map(|&c| {
                Entry::new(
                    [c.as_str().to_owned(), c.label().to_owned()]
                        .into_iter()
                        .chain(category_words(c).iter().map(|w| (*w).to_owned())),
                )
            })
            .collect(),
        languages: LANGUAGES
            .iter()
            .map(|(code, english, others)| {
                Entry::new(
                    [(*code).to_owned(), (*english).to_owned()]
                        .into_iter()
                        .chain(others.iter().map(|w| (*w).to_owned()))
                        .chain(more_language_names(code).iter().map(|w| (*w).to_owned())),
                )
            })
            .collect(),
        countries: COUNTRIES
            .iter()
            .map(|(code, name)| {
                Entry::new(
                    [(*code).to_owned(), (*name).to_owned()]
                        .into_iter()
                        .chain(more_country_names(code).iter().map(|w| (*w).to_owned())),
                )
            })
            .collect(),
    })
}

pub(crate) fn category_index(category: Category) -> usize {
    Category::ALL
        .iter()
        .position(|&c| c == category)
        .unwrap_or(Category::ALL.len() - 1)
}

pub(crate) fn language_index(code: &str) -> Option<u16> {
    LANGUAGES
        .binary_search_by(|(known, _, _)| (*known).cmp(code))
        .ok()
        .and_then(|i| u16::try_from(i).ok())
}

pub(crate) fn country_index(code: &str) -> Option<u16> {
    COUNTRIES
        .binary_search_by(|(known, _)| (*known).cmp(code))
        .ok()
        .and_then(|i| u16::try_from(i).ok())
}

/// Which entries of a table a filter value stands for. A value that is a
/// whole key somewhere in the table (`es`, `spanish`, `ca`) means exactly the
/// entries with that key, so `country:ca` is Canada and not Cameroon; any
/// other value is read as the start of a word of a key (`lang:span`), so that
/// the filter already works while it is being typed.
pub(crate) fn resolve(entries: &[Entry], value: &str, whole_only: bool) -> Vec<bool> {
    let whole: Vec<bool> = entries
        .iter()
        .map(|e| e.keys.iter().any(|k| k == value))
        .collect();
    if whole_only || whole.iter().any(|&w| w) {
        return whole;
    }
    entries
        .iter()
        .map(|e| {
            e.keys.iter().any(|k| {
                k.starts_with(value)
                    || k.match_indices(value)
                        .any(|(at, _)| at > 0 && k.as_bytes()[at - 1] == b' ')
            })
        })
        .collect()
}

/// Small words of English, Spanish, French, Portuguese and German that a
/// sentence is made of ("who", "in", "que", "à", "mit"): optional in a
/// query, counted when they match and never required. Folded.
const STOPWORDS: &[&str] = &[
    // Pronouns and verbs of asking, in the five languages.
    "je", "besoin", "quelqu", "yo", "necesito", "quiero", "alguien", "eu", "preciso", "quero",
    "alguem", "ich", "brauche", "jemand", "want", "there", // English
    "a", "an", "and", "any", "are", "at", "be", "by", "can", "do", "does", "find", "for", "from",
    "has", "have", "help", "i", "in", "is", "it", "me", "my", "near", "need", "of", "on", "or",
    "please", "some", "someone", "that", "the", "to", "who", "which", "with", "where", "what",
    "looking", "speak", "speaks", "speaking", "someone", // Spanish
    "al", "con", "de", "del", "el", "en", "es", "la", "las", "lo", "los", "para", "por", "que",
    "un", "una", "unos", "y", "o", "habla", "hablan", "hablar", "busco", "cerca",
    // French
    "au", "aux", "avec", "dans", "des", "du", "est", "et", "le", "les", "ou", "parle", "parlent",
    "parler", "pour", "qui", "sur", "une", "cherche", "pres", // Portuguese
    "ao", "com", "da", "das", "do", "dos", "e", "em", "na", "nas", "no", "nos", "os", "um", "uma",
    "fala", "falam", "falar", "perto", "procuro", // German
    "am", "auf", "bei", "das", "dem", "den", "der", "die", "ein", "eine", "einen", "einem", "fur",
    "im", "ist", "mit", "und", "von", "zu", "spricht", "sprechen", "sucht", "suche",
];

/// "speaks X" in the five languages: the word before a language's name.
const SPEAK: &[&str] = &[
    "speaks", "speak", "speaking", "habla", "hablan", "hablar", "parle", "parlent", "parler",
    "fala", "falam", "falar", "spricht", "sprechen", "sprich",
];

/// Whether a folded word is one of the small words of a sentence.
pub(crate) fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(&word)
}

/// Whether a folded word asks for the language named after it.
pub(crate) fn is_speak(word: &str) -> bool {
    SPEAK.contains(&word)
}

/// The language a folded word names (English or native name, not the
/// two-letter code, which is too often a word of its own: `de`, `es`).
pub(crate) fn language_named(word: &str) -> Option<usize> {
    if word.chars().count() < 3 {
        return None;
    }
    vocab()
        .languages
        .iter()
        .position(|e| e.keys.iter().skip(1).any(|k| k == word))
}

/// The category named by the first one, two or three of `words` (longest
/// first), and how many words name it.
pub(crate) fn category_named(words: &[&str]) -> Option<(usize, usize)> {
    for n in (1..=words.len().min(3)).rev() {
        let text = words[..n].join(" ");
        if let Some(i) = vocab()
            .categories
            .iter()
            .position(|e| e.keys.contains(&text))
        {
            return Some((i, n));
        }
    }
    None
}

/// The category whose own name (`clinic`, `lawyer`…) a word of five or
/// more letters spells with a typo (`clnic`, `lawyr`, `thrapist`): read as
/// that category, as its right spelling would be. Not abbreviations:
/// `trans` abbreviates "translator".
pub(crate) fn category_misspelled(word: &str) -> Option<usize> {
    use super::rules::{How, Leeway, Probe};
    if word.chars().count() < 4 {
        return None;
    }
    let probe = Probe::new(word, Leeway::for_word(word, false, true));
    vocab().categories.iter().position(|e| {
        e.keys.first().is_some_and(|own| {
            own != "other"
                && !own.contains(' ')
                && matches!(
                    probe.meets(own, super::fold::char_mask(own), own.chars().count()),
                    Some(How::Typo)
                )
        })
    })
}

/// Which key of an entry is its own name rather than a synonym or code:
/// the first for categories (code and label fold alike), the second for
/// languages and countries (after the code).
pub(crate) const fn own_name_key(field_is_category: bool) -> usize {
    if field_is_category {
        0
    } else {
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names<'a>(set: &[bool], entries: &'a [(&'a str, &'a str)]) -> Vec<&'a str> {
        set.iter()
            .zip(entries)
            .filter(|(on, _)| **on)
            .map(|(_, (code, _))| *code)
            .collect()
    }

    #[test]
    fn whole_keys_win_over_prefixes() {
        let v = vocab();
        assert_eq!(
            names(&resolve(&v.countries, "ca", false), COUNTRIES),
            ["CA"]
        );
        let cam = resolve(&v.countries, "cam", false);
        assert_eq!(names(&cam, COUNTRIES), ["CM", "KH"]);
        assert!(resolve(&v.countries, "cam", true).iter().all(|on| !on));
    }

    #[test]
    fn native_names_and_synonyms_resolve() {
        let v = vocab();
        let spanish = language_index("es").map(usize::from);
        for word in ["es", "spanish", "espanol", "castellano"] {
            let set = resolve(&v.languages, word, false);
            let hits: Vec<usize> = (0..set.len()).filter(|&i| set[i]).collect();
            assert_eq!(hits.iter().copied().next(), spanish, "{word}");
            assert_eq!(hits.len(), 1, "{word}");
        }
        let lawyer = category_index(Category::Lawyer);
        for word in ["attorney", "avocat", "abogado"] {
            let set = resolve(&v.categories, word, false);
            assert!(set[lawyer], "{word}");
        }
        let creole = resolve(&v.languages, "creole", false);
        assert!(creole[usize::from(language_index("ht").unwrap_or(0))]);
    }

    #[test]
    fn no_synonym_is_claimed_by_two_categories() {
        let v = vocab();
        for (i, a) in v.categories.iter().enumerate() {
            for b in &v.categories[i + 1..] {
                for key in &a.keys {
                    assert!(!b.keys.contains(key), "{key}");
                }
            }
        }
    }
}

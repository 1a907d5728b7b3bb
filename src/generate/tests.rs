//! The random stream, the word lists and the slugs the generator builds on.

use super::*;

#[test]
fn splitmix64_matches_the_reference_sequence() {
    // First outputs for seed 0 from the reference C implementation.
    let mut rng = SplitMix64(0);
    assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
    assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
}

#[test]
fn below_stays_in_range_and_reaches_both_ends() {
    let mut rng = SplitMix64(7);
    let draws: Vec<usize> = (0..10_000).map(|_| rng.below(10)).collect();
    assert!(draws.iter().all(|&d| d < 10));
    assert!(draws.contains(&0) && draws.contains(&9));
    assert_eq!(rng.below(0), 0);
}

#[test]
fn every_pool_can_serve_every_accent_rule() {
    let pools = Pools::new();
    for (name, plain, accented) in [
        (
            "cities",
            pools.cities.plain.len(),
            pools.cities.accented.len(),
        ),
        (
            "first names",
            pools.first_names.plain.len(),
            pools.first_names.accented.len(),
        ),
        (
            "last names",
            pools.last_names.plain.len(),
            pools.last_names.accented.len(),
        ),
        (
            "flavors",
            pools.flavors.plain.len(),
            pools.flavors.accented.len(),
        ),
    ] {
        assert!(
            plain > 0 && accented > 0,
            "{name}: {plain} plain, {accented} accented"
        );
    }
}

#[test]
fn english_phrases_exist_for_every_category_and_are_plain() {
    for category in Category::ALL {
        for (list, rows) in [
            ("org patterns", tables::ORG_PATTERNS),
            ("programs", tables::PROGRAMS),
            ("descriptions", tables::DESCRIPTIONS),
        ] {
            assert!(
                rows.iter().any(|(c, l, _)| *c == category && *l == "en"),
                "{list} has no English entry for {category}"
            );
        }
    }
    let english = tables::ORG_PATTERNS
        .iter()
        .chain(tables::PROGRAMS)
        .chain(tables::DESCRIPTIONS)
        .filter(|(_, l, _)| *l == "en")
        .map(|(_, _, t)| *t)
        .chain(
            tables::NOTES
                .iter()
                .chain(tables::ADDRESSES)
                .filter(|(l, _)| *l == "en")
                .map(|(_, t)| *t),
        );
    for text in english {
        assert!(!has_accents(text), "{text}");
    }
}

#[test]
fn cities_have_known_codes_and_dial_codes() {
    let countries: std::collections::BTreeSet<&str> =
        tables::CITIES.iter().map(|c| c.country).collect();
    assert!(
        tables::CITIES.len() >= 200,
        "{} cities",
        tables::CITIES.len()
    );
    assert!(countries.len() >= 15, "{} countries", countries.len());
    for city in tables::CITIES {
        assert!(
            crate::model::country_name(city.country).is_some(),
            "{}",
            city.name
        );
        assert!(
            crate::model::language_name(city.language).is_some(),
            "{}",
            city.name
        );
        assert!(
            tables::DIAL_CODES.iter().any(|(c, _)| *c == city.country),
            "no dial code for {}",
            city.country
        );
    }
    for (code, _) in tables::EXTRA_LANGUAGES {
        assert!(crate::model::language_name(code).is_some(), "{code}");
    }
}

#[test]
fn slugs_are_dns_labels() {
    assert_eq!(slug("Clínica São Paulo"), "clinica-sao-paulo");
    assert_eq!(slug("Hébergement d'urgence"), "hebergement-d-urgence");
    assert_eq!(slug("Łódź – Øyvind"), "lodz-oyvind");
    assert_eq!(slug("???"), "collective");
}

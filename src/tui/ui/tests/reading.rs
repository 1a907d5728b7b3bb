//! What the search understood, drawn: the reading under the search line,
//! the word no record has, the records matching only part of a search in
//! their own labelled group, defunct records marked.

use super::*;

/// The screen's lines, as text.
fn lines_of(app: &App) -> Vec<String> {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let width = usize::from(buffer.area.width);
    let cells: Vec<&str> = buffer.content().iter().map(|c| c.symbol()).collect();
    cells.chunks(width).map(|row| row.concat()).collect()
}

#[test]
fn the_reading_of_a_sentence_is_shown_under_the_search_line() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        type_text(&mut app, "clinic in portland who speaks spanish");
        let lines = lines_of(&app);
        assert!(
            lines[1].contains("Read as: clinic · Portland · speaks Spanish"),
            "{}",
            lines[1]
        );
        assert!(lines[1].contains("(optional: in"), "{}", lines[1]);
        snapshot("reading", &app);
    }
}

#[test]
fn a_word_no_record_has_is_named_and_part_matches_are_a_group_apart() {
    for size in SIZES {
        let (_temp, mut app) = open(size, true);
        type_text(&mut app, "clinic oslo");
        let lines = lines_of(&app);
        let said = |text: &str| lines.iter().position(|l| l.contains(text));
        let missing = said("no record mentions \"oslo\"").expect("the missing word");
        let label = said("Matching only part of the search").expect("the label");
        assert!(missing < label);
        // Below the label: clinics, drawn dim and slanted, none selected.
        let first = said("Clínica Girasol").expect("a partial match listed");
        assert!(first > label);
        let terminal = draw(&app);
        let buffer = terminal.backend().buffer();
        let cell = &buffer[(4, first as u16)];
        assert!(cell.modifier.contains(Modifier::ITALIC), "{cell:?}");
        assert!(!cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
        snapshot("partial", &app);
    }
}

#[test]
fn defunct_records_are_marked_in_the_list() {
    let (_temp, mut app) = open((80, 24), true);
    type_text(&mut app, "clinic portland");
    let lines = lines_of(&app);
    let defunct = lines
        .iter()
        .find(|l| l.contains("Harbor Night Clinic"))
        .expect("listed");
    assert!(defunct.starts_with("x "), "{defunct}");
    let active = lines
        .iter()
        .find(|l| l.contains("Clínica Girasol"))
        .expect("listed");
    assert!(!active.starts_with("x "), "{active}");
}

#[test]
fn help_says_how_to_search_with_a_sentence_and_filters() {
    let (_temp, mut app) = open((80, 24), true);
    app.update(Action::Help);
    let mut seen = String::new();
    for _ in 0..12 {
        seen.push_str(&lines_of(&app).join("\n"));
        app.update(Action::PageDown);
    }
    assert!(seen.contains("Type words or a sentence"), "{seen}");
    assert!(seen.contains("city: cat: lang: tag: country:"), "{seen}");
}

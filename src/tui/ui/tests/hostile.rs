//! Hostile text on screen: a record that holds escape sequences, C1
//! controls, bidirectional overrides and newlines (written into the vault
//! without validation, as an older pamphlet or another program could), and
//! a bundle whose manifest has a key made of them. Every cell of every
//! screen that shows them must hold none of those characters, and the
//! escaped text must be there to read. (ratatui drops a control character
//! and a grapheme of no width; it draws invisible tag characters, which
//! join the letter before them, as they are.)

use std::io::Write;
use std::path::{Path, PathBuf};

use super::*;
use crate::model::{Category, Phone, PhoneKind, Record};

const TITLE_AND_CLEAR: &str = "\u{1b}]0;PWN\u{7}\u{1b}[2J";

fn hostile_record() -> Record {
    let mut record = Record::new(
        "Zyx\u{202e}wvu\u{e0041}\u{e0042}\n0badc0de  Clínica Girasol",
        Category::Clinic,
        now(),
    );
    record.organization = format!("Org{TITLE_AND_CLEAR}");
    record.city = "Port\u{202e}dnal".to_owned();
    record.description = format!("walk in\u{9b}2J {TITLE_AND_CLEAR}\n\u{2066}isolated\u{2069}");
    record.notes = format!("ask for Ana {TITLE_AND_CLEAR}\nright\u{202e}tfel\u{2028}next\u{e0041}");
    record.phones = vec![Phone {
        number: "+1 503 555 0100".to_owned(),
        kind: PhoneKind::Voice,
        note: format!("evenings{TITLE_AND_CLEAR}"),
    }];
    record
}

/// The sample directory with the hostile record in it, searched for it.
fn with_hostile(size: (u16, u16)) -> (TempDir, App) {
    let temp = tempfile::tempdir().unwrap();
    let mut vault = demo_vault(&temp.path().join("vault"), now()).unwrap();
    vault.put(hostile_record()).unwrap();
    let mut app = App::unlocked(config(&temp, true), vault, now());
    resize(&mut app, size);
    settle(&mut app);
    type_text(&mut app, "zyx");
    (temp, app)
}

/// The screen's cells: none may hold a control character, a C1 control or
/// a bidirectional embedding, override, isolate or separator; no row may
/// start with the forged id.
fn assert_clean_screen(what: &str, app: &App) -> String {
    let terminal = draw(app);
    let buffer = terminal.backend().buffer();
    let text = text_of(buffer);
    let bad = |c: char| {
        c.is_control()
            || matches!(
                c,
                '\u{202a}'..='\u{202e}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{e0000}'..='\u{e007f}'
            )
    };
    assert!(
        !text.contains(bad),
        "{what}: a hostile character on screen:\n{}",
        terminal.backend()
    );
    for y in 0..buffer.area.height {
        let row: String = (0..buffer.area.width)
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        assert!(
            !row.trim_start().starts_with("0badc0de"),
            "{what}: a forged row:\n{}",
            terminal.backend()
        );
    }
    text
}

#[test]
fn a_hostile_record_is_shown_escaped_in_the_list_the_detail_and_the_form() {
    for size in SIZES {
        let (_temp, mut app) = with_hostile(size);
        let list = assert_clean_screen("list", &app);
        assert!(
            list.contains("Zyx\\u{202e}wvu\\u{e0041}\\u{e0042}\\n0badc0de"),
            "list"
        );
        app.update(Action::Enter);
        let detail = assert_clean_screen("detail", &app);
        for escaped in [
            "\\u{1b}]0;PWN\\u{7}",
            "right\\u{202e}tfel\\u{2028}next",
            "\\u{2066}isolated",
        ] {
            assert!(
                detail.contains(escaped),
                "detail: {escaped}\n{}",
                draw(&app).backend()
            );
        }
        app.update(Action::DeleteRecord);
        assert_clean_screen("delete", &app);
        app.update(Action::Back);
        app.update(Action::EditRecord);
        assert_clean_screen("form", &app);
        for _ in 0..20 {
            app.update(Action::NextField);
            assert_clean_screen("form", &app);
        }
    }
}

/// A bundle to the meeting passphrase whose manifest has a hostile key,
/// which the manifest's parser quotes in its error. No signature is
/// needed: the manifest is read before any is checked.
fn bundle_with_a_hostile_key(dir: &Path) -> PathBuf {
    let manifest = serde_json::json!({
        "format": "pamphlet-bundle",
        TITLE_AND_CLEAR.to_owned() + "\u{202e}x\u{e0041}": 1,
    });
    let manifest = serde_json::to_vec(&manifest).unwrap();
    let mut tar = tar::Builder::new(Vec::new());
    for (name, data) in [
        ("manifest.json", &manifest[..]),
        ("manifest.json.minisig", b"x"),
        ("records.jsonl", b""),
        ("records.jsonl.minisig", b"x"),
    ] {
        let mut header = tar::Header::new_ustar();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, name, data).unwrap();
    }
    let tar = tar.into_inner().unwrap();
    let mut recipient = age::scrypt::Recipient::new(MEETING.to_owned().into());
    recipient.set_work_factor(4);
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .unwrap();
    let mut bytes = Vec::new();
    let mut writer = encryptor.wrap_output(&mut bytes).unwrap();
    writer.write_all(&tar).unwrap();
    writer.finish().unwrap();
    let path = dir.join("hostile.age");
    std::fs::write(&path, bytes).unwrap();
    path
}

const MEETING: &str = crate::tui::testing::MEETING;

#[test]
fn a_manifest_key_with_an_escape_sequence_is_shown_in_the_refusal() {
    for size in SIZES {
        let (temp, mut app) = open(size, true);
        let path = bundle_with_a_hostile_key(temp.path());
        app.update(Action::Import);
        app.update(Action::Text(TextEdit::End));
        app.update(Action::Text(TextEdit::DeleteToStart));
        type_text(&mut app, path.to_str().unwrap());
        app.update(Action::Enter);
        assert!(app.work());
        type_text(&mut app, MEETING);
        app.update(Action::Enter);
        assert!(app.work());
        let screen = assert_clean_screen("refused", &app);
        assert!(screen.contains("unknown field"), "{}", draw(&app).backend());
        assert!(screen.contains("\\u{1b}]0;PWN"), "{}", draw(&app).backend());
    }
}

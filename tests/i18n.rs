//! The message files and the code that uses them, checked.
//!
//! **Same messages everywhere.** Every `locales/*/pamphlet.ftl` is parsed
//! with `fluent-syntax` (a parse error fails). Each language must have
//! exactly the message ids English has, and each of its messages may use
//! only the arguments (`{ $name }`, also as a selector) that English's
//! message with that id uses: an argument English does not pass would show
//! as `{$name}`.
//!
//! **No sentence in code.** Every `.rs` file under [`SCANNED`] is read as
//! text. Comments, doc comments and attributes (`#[arg(…)]`: clap's own
//! `--help` may stay English) are skipped, and so is everything from the
//! first `#[cfg(test)]` on. Byte strings (`b"…"`) and char literals are not
//! text for people. Each remaining string literal is user-facing text, and
//! fails the test, when, after `{{`, `}}` and `{…}` placeholders are taken
//! out, it still holds two letters in a row (or any non-ASCII letter) --
//! unless it is:
//!
//! - a message id or an identifier: lower-case words joined by `-` or `_`
//!   (`"hint-file-missing"`, `"signer_key"`, `"pamphlet"`); such a literal
//!   with a `-` must be an id English has (a typo in an id fails too);
//! - a prefix of computed ids, ending in `-` (`"category-{}"`);
//! - an environment variable or constant: `UPPER_CASE` (`"LC_ALL"`,
//!   `"WIPE"`, which always confirms a wipe);
//! - an option's name: `--` and an identifier (`"--phone"`, `"--lang="`);
//! - listed in [`ALLOWED`], each with the reason it is not for people.
//!
//! So `println!("wrote {count} records")`, `Failure::new("not found")` or
//! `Span::raw("Search")` all fail; single lower-case words cannot be told
//! from identifiers and pass. To cover more code, add its folder to
//! [`SCANNED`]. Test modules kept in their own files (a folder named
//! `tests`, a file `tests.rs` or `testing.rs`, all declared under
//! `#[cfg(test)]`) are not scanned.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use fluent_syntax::ast;

/// The folders (and files) whose code may not hold user-facing text: the
/// command line, the whole terminal UI, and the parts of the library that
/// put records and import plans into words for them.
const SCANNED: &[&str] = &[
    "src/cli",
    "src/main.rs",
    "src/tui",
    "src/model/display.rs",
    "src/model/field",
    "src/bundle/merge.rs",
];

/// Literals that hold letters but are not shown to people, and why.
const ALLOWED: &[(&str, &str)] = &[
    (
        "Space",
        "a key's name as on the keyboard (src/tui/action.rs)",
    ),
    (
        "PgUp",
        "a key's name as on the keyboard (src/tui/action.rs)",
    ),
    (
        "PgDn",
        "a key's name as on the keyboard (src/tui/action.rs)",
    ),
    (
        "Home",
        "a key's name as on the keyboard (src/tui/action.rs)",
    ),
    ("End", "a key's name as on the keyboard (src/tui/action.rs)"),
    (
        "Enter",
        "a key's name as on the keyboard (src/tui/action.rs)",
    ),
    ("Esc", "a key's name as on the keyboard (src/tui/action.rs)"),
    ("Tab", "a key's name as on the keyboard (src/tui/action.rs)"),
    (
        "Shift-Tab",
        "a key's name as on the keyboard (src/tui/action.rs)",
    ),
    (
        "Backspace",
        "a key's name as on the keyboard (src/tui/action.rs)",
    ),
    ("Del", "a key's name as on the keyboard (src/tui/action.rs)"),
    (
        "../../data/sample-directory.json",
        "the path of the demo's sample file (src/tui/demo.rs)",
    ),
    (
        "/media",
        "where removable drives are mounted (src/tui/places.rs)",
    ),
    (
        "/run/media",
        "where removable drives are mounted (src/tui/places.rs)",
    ),
    (
        "pamphlet-{}.age",
        "the default name of a bundle file, with its date (src/tui/places.rs)",
    ),
    (
        " pamphlet ",
        "the program's name, a box's title in every language (src/tui/ui/overlay.rs)",
    ),
    (
        "Session",
        "a type's name in its Debug output (src/tui/app/unlock.rs)",
    ),
    (
        "UnlockRequest",
        "a type's name in its Debug output (src/tui/app/unlock.rs)",
    ),
    (
        "cat:{}",
        "search syntax kept in a bundle's selection (src/tui/app/main_screen.rs)",
    ),
    (
        "city:{city}",
        "search syntax kept in a bundle's selection (src/tui/app/main_screen.rs)",
    ),
    (" (os error ", "taken off the operating system's error text"),
    ("error: ", "taken off the first line of clap's own message"),
    (
        "\\\"resources\\\"",
        "looked for in a file that may be an HSDS package",
    ),
    (
        "datapackage.json",
        "the name of the file an HSDS package holds",
    ),
    (
        "{{\\\"score\\\":{},\\\"matched\\\":{},{partial}\\\"reading\\\":{reading},{}",
        "JSON for programs (`search --json`)",
    ),
    (
        "\\\"partial\\\":true,",
        "JSON for programs (`search --json`)",
    ),
    (
        "{{\\\"reading\\\":{reading}}}",
        "JSON for programs (`search --json`)",
    ),
];

/// Literals that begin so are not checked, and why.
const ALLOWED_STARTS: &[(&str, &str)] = &[(
    "\\\nHow a query is read:",
    "`search --help`: clap's own help stays in English (issue 15)",
)];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each language's messages: id → the arguments its value uses.
fn messages() -> BTreeMap<String, BTreeMap<String, BTreeSet<String>>> {
    let mut all = BTreeMap::new();
    for entry in fs::read_dir(root().join("locales")).unwrap() {
        let dir = entry.unwrap().path();
        let lang = dir.file_name().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(dir.join("pamphlet.ftl")).unwrap();
        let resource = fluent_syntax::parser::parse(text.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{lang}: {errors:?}"));
        let mut ids = BTreeMap::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let mut args = BTreeSet::new();
                    if let Some(value) = &message.value {
                        pattern_args(value, &mut args);
                    }
                    assert!(
                        ids.insert(message.id.name.to_owned(), args).is_none(),
                        "{lang}: {} twice",
                        message.id.name
                    );
                }
                ast::Entry::Junk { content } => panic!("{lang}: cannot parse {content:?}"),
                _ => {}
            }
        }
        all.insert(lang, ids);
    }
    all
}

fn pattern_args(pattern: &ast::Pattern<&str>, args: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_args(expression, args);
        }
    }
}

fn expression_args(expression: &ast::Expression<&str>, args: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_args(selector, args);
            for variant in variants {
                pattern_args(&variant.value, args);
            }
        }
        ast::Expression::Inline(inline) => inline_args(inline, args),
    }
}

fn inline_args(inline: &ast::InlineExpression<&str>, args: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            args.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_args(expression, args),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_args(argument, args);
            }
            for named in &arguments.named {
                inline_args(&named.value, args);
            }
        }
        _ => {}
    }
}

#[test]
fn every_language_has_the_messages_english_has_and_no_other_arguments() {
    let all = messages();
    assert_eq!(
        all.keys().map(String::as_str).collect::<Vec<_>>(),
        ["en", "es", "fr", "pt"]
    );
    let english = &all["en"];
    let mut problems = Vec::new();
    for (lang, ids) in &all {
        for id in english.keys().filter(|id| !ids.contains_key(*id)) {
            problems.push(format!("{lang} lacks {id}"));
        }
        for (id, args) in ids {
            let Some(expected) = english.get(id) else {
                problems.push(format!("{lang} has {id}, which English lacks"));
                continue;
            };
            for arg in args.difference(expected) {
                problems.push(format!(
                    "{lang}: {id} uses ${arg}, which English's does not"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The checker itself: a file with a missing message, an extra one and a
/// stray argument is caught.
#[test]
fn the_checker_sees_each_kind_of_gap() {
    let parse = |text: &'static str| {
        let resource = fluent_syntax::parser::parse(text).unwrap();
        let mut ids = BTreeMap::new();
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut args = BTreeSet::new();
                pattern_args(message.value.as_ref().unwrap(), &mut args);
                ids.insert(message.id.name.to_owned(), args);
            }
        }
        ids
    };
    let english = parse("a = { $n ->\n    [one] one\n   *[other] { $n } and { $m }\n}\nb = b\n");
    let other = parse("a = { $n } { $x }\nc = c\n");
    assert_eq!(
        english["a"],
        BTreeSet::from(["n".to_owned(), "m".to_owned()])
    );
    assert!(!other.contains_key("b"));
    assert!(!english.contains_key("c"));
    assert!(other["a"].difference(&english["a"]).any(|arg| arg == "x"));
}

/// A string literal found in code, with where it is.
struct Literal {
    file: String,
    line: usize,
    text: String,
}

/// The string literals of `source` outside comments, attributes, byte
/// strings and tests.
fn literals(file: &str, source: &str) -> Vec<Literal> {
    let source = match source.find("#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut line = 1;
    let mut i = 0;
    // Depth of `[` inside an attribute; 0 outside one.
    let mut attribute = 0usize;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\n' => line += 1,
            '/' if next == Some('/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '/' if next == Some('*') => {
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    if chars[i] == '\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 2;
                continue;
            }
            '#' if next == Some('[') || (next == Some('!') && chars.get(i + 2) == Some(&'[')) => {
                attribute = 1;
                i += if next == Some('[') { 2 } else { 3 };
                continue;
            }
            '[' if attribute > 0 => attribute += 1,
            ']' if attribute > 0 => attribute -= 1,
            '\'' => {
                // A char literal ('"', '\'', '\u{1b}'); a lifetime has no
                // closing quote within a few characters.
                let close = (i + 2..(i + 12).min(chars.len())).find(|&j| chars[j] == '\'');
                if let Some(j) = close {
                    if chars[i + 1] == '\\' || j == i + 2 {
                        i = j + 1;
                        continue;
                    }
                }
            }
            'b' | 'r'
                if next == Some('"')
                    || (c == 'r' && next == Some('#'))
                    || (c == 'b' && next == Some('r')) =>
            {
                let prev = if i > 0 { chars[i - 1] } else { ' ' };
                if !(prev.is_alphanumeric() || prev == '_') {
                    let byte = c == 'b';
                    let mut j = i + 1;
                    if chars.get(j) == Some(&'r') {
                        j += 1;
                    }
                    let raw = chars[i] == 'r' || chars.get(i + 1) == Some(&'r');
                    let hashes = chars[j..].iter().take_while(|&&h| h == '#').count();
                    j += hashes;
                    if chars.get(j) == Some(&'"') {
                        let start_line = line;
                        let (text, end) = read_string(&chars, j + 1, raw, hashes, &mut line);
                        if !byte && attribute == 0 {
                            found.push(Literal {
                                file: file.to_owned(),
                                line: start_line,
                                text,
                            });
                        }
                        i = end;
                        continue;
                    }
                }
            }
            '"' => {
                let start_line = line;
                let (text, end) = read_string(&chars, i + 1, false, 0, &mut line);
                if attribute == 0 {
                    found.push(Literal {
                        file: file.to_owned(),
                        line: start_line,
                        text,
                    });
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Reads a string literal's body from `start`; its text as written (escapes
/// kept) and the index after its closing quote.
fn read_string(
    chars: &[char],
    start: usize,
    raw: bool,
    hashes: usize,
    line: &mut usize,
) -> (String, usize) {
    let mut text = String::new();
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            *line += 1;
        }
        if !raw && c == '\\' {
            text.push(c);
            if let Some(&escaped) = chars.get(i + 1) {
                text.push(escaped);
                if escaped == '\n' {
                    *line += 1;
                }
            }
            i += 2;
            continue;
        }
        if c == '"' && chars[i + 1..].iter().take(hashes).all(|&h| h == '#') {
            return (text, i + 1 + hashes);
        }
        text.push(c);
        i += 1;
    }
    (text, i)
}

fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

fn is_constant(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// `text` without `{{`, `}}` and `{…}` placeholders.
fn without_placeholders(text: &str) -> String {
    let text = text.replace("{{", "").replace("}}", "");
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn has_words(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().any(|c| c.is_alphabetic() && !c.is_ascii())
        || chars
            .windows(2)
            .any(|pair| pair[0].is_ascii_alphabetic() && pair[1].is_ascii_alphabetic())
}

/// Why `literal` may not be in code, if it may not.
fn refusal(literal: &str, english: &BTreeMap<String, BTreeSet<String>>) -> Option<String> {
    if ALLOWED.iter().any(|(allowed, _)| *allowed == literal)
        || ALLOWED_STARTS
            .iter()
            .any(|(start, _)| literal.starts_with(start))
    {
        return None;
    }
    if is_identifier(literal) {
        let looks_like_id = literal.contains('-') && !literal.ends_with('-');
        if looks_like_id && !english.contains_key(literal) {
            return Some("a message id English lacks".to_owned());
        }
        return None;
    }
    let text = without_placeholders(literal);
    if is_identifier(&text) && text.ends_with('-') || is_constant(literal) {
        return None;
    }
    if literal
        .strip_prefix("--")
        .is_some_and(|name| is_identifier(name.trim_end_matches('=')))
    {
        return None;
    }
    has_words(&text).then(|| "text for people: put it in locales/en/pamphlet.ftl".to_owned())
}

fn scanned_files() -> Vec<PathBuf> {
    fn walk(path: &Path, out: &mut Vec<PathBuf>) {
        let name = path.file_name().unwrap_or_default();
        if name == "tests" || name == "tests.rs" || name == "testing.rs" {
            return;
        }
        if path.is_dir() {
            for entry in fs::read_dir(path).unwrap() {
                walk(&entry.unwrap().path(), out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path.to_owned());
        }
    }
    let mut files = Vec::new();
    for place in SCANNED {
        walk(&root().join(place), &mut files);
    }
    files.sort();
    files
}

#[test]
fn no_user_facing_text_is_written_in_code() {
    let all = messages();
    let english = &all["en"];
    let files = scanned_files();
    assert!(files.len() > 10, "{files:?}");
    let mut problems = Vec::new();
    for path in files {
        let name = path.strip_prefix(root()).unwrap().display().to_string();
        for literal in literals(&name, &fs::read_to_string(&path).unwrap()) {
            if let Some(why) = refusal(&literal.text, english) {
                problems.push(format!(
                    "{}:{}: {:?}: {why}",
                    literal.file, literal.line, literal.text
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

/// The scan itself: it finds sentences in the places they hide, and lets
/// ids, format strings and attributes be.
#[test]
fn the_scan_finds_text_and_passes_ids() {
    let english = BTreeMap::from([("cli-created".to_owned(), BTreeSet::new())]);
    let source = r##"
        /// A doc comment with words.
        #[arg(long, default_value = "Referrals we trust")]
        fn f() {
            // a comment with words
            eprintln!("{}", t!(lang, "cli-created", dir = d));
            writeln!(out, "{label}:{:pad$}{value}", "")?;
            let c = '"';
            let b = b"PK words here";
            println!("wrote {count} records");
            Failure::new(r#"not found"#);
            let x = format!("category-{}", name);
            let e = "LC_ALL";
            let typo = "cli-craeted";
            let fr = "é";
        }
        #[cfg(test)]
        mod tests { const T: &str = "a test sentence"; }
    "##;
    let refused: Vec<(usize, String)> = literals("x.rs", source)
        .into_iter()
        .filter(|l| refusal(&l.text, &english).is_some())
        .map(|l| (l.line, l.text))
        .collect();
    assert_eq!(
        refused,
        [
            (10, "wrote {count} records".to_owned()),
            (11, "not found".to_owned()),
            (14, "cli-craeted".to_owned()),
            (15, "é".to_owned()),
        ]
    );
}

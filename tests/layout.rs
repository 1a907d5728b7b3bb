//! The shape of the source tree, checked: no file of `src/` over 700 lines
//! (data tables aside), no function over 120 lines, and no circle of imports
//! between files.
//!
//! A file imports another when its code names an item defined in the other,
//! through a `use` or a `crate::`/`super::`/`self::` path. A `pub use`
//! re-export is followed to the file that defines the item, and the
//! re-export itself is not an import: a `mod.rs` may gather its children's
//! items, but a child may not then import what that `mod.rs` defines while
//! the `mod.rs` uses the child. `mod x;` is not an import. Comments and
//! string literals are blanked first, so neither counts.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 700;
const MAX_FN_LINES: usize = 120;
/// Files that are data, not logic: exempt from the file-size rule.
const DATA_TABLES: [&str; 1] = ["src/generate/tables.rs"];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn relative(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

/// The text with comments, string and char literals replaced by spaces,
/// newlines kept so that line numbers stay true.
fn blank(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(keep(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('#') | Some('"')) && starts_literal(&chars, i) {
            // A raw string: r"…" or r#"…"#.
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push_str(&" ".repeat(j - i + 1));
            i = j + 1;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    out.push_str(&" ".repeat(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(keep(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    out.push(keep(chars[i]));
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{1F600}') or a lifetime ('a).
            let end = if next == Some('\\') {
                (i + 3..chars.len().min(i + 12)).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(end) => {
                    out.push_str(&" ".repeat(end - i + 1));
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether an `r` at `i` can open a raw string: alone, or after a lone `b`.
fn starts_literal(chars: &[char], i: usize) -> bool {
    !ident_before(chars, i) || (chars[i - 1] == 'b' && !ident_before(chars, i - 1))
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every `fn` whose body runs over `MAX_FN_LINES`, as `file:line name (n lines)`.
fn long_functions(file: &str, text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        let is_fn = chars[i] == 'f'
            && chars[i + 1] == 'n'
            && chars[i + 2].is_whitespace()
            && !ident_before(&chars, i);
        if !is_fn {
            i += 1;
            continue;
        }
        let name_start = (i + 2..chars.len()).find(|&j| !chars[j].is_whitespace());
        let Some(name_start) = name_start else { break };
        let name: String = chars[name_start..]
            .iter()
            .take_while(|c| is_ident(**c))
            .collect();
        // The body starts at the first `{` outside parentheses, brackets and
        // angle brackets; a `;` first means a declaration without a body.
        let mut depth = 0i32;
        let mut j = name_start;
        let mut open = None;
        while j < chars.len() {
            match chars[j] {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                '{' if depth == 0 => {
                    open = Some(j);
                    break;
                }
                ';' if depth == 0 => break,
                _ => {}
            }
            j += 1;
        }
        let Some(open) = open else {
            i = j + 1;
            continue;
        };
        let mut braces = 0;
        let mut close = open;
        for (k, c) in chars.iter().enumerate().skip(open) {
            match c {
                '{' => braces += 1,
                '}' => {
                    braces -= 1;
                    if braces == 0 {
                        close = k;
                        break;
                    }
                }
                _ => {}
            }
        }
        let first = chars[..i].iter().filter(|c| **c == '\n').count() + 1;
        let last = chars[..close].iter().filter(|c| **c == '\n').count() + 1;
        if last - first + 1 > MAX_FN_LINES {
            found.push(format!(
                "{file}:{first} {name} ({} lines)",
                last - first + 1
            ));
        }
        i = name_start;
    }
    found
}

/// One module backed by a file, and what its code names.
struct Module {
    file: String,
    children: BTreeMap<String, Vec<String>>,
    /// `pub use` names: the name, and the absolute path it stands for.
    reexports: BTreeMap<String, Vec<String>>,
    /// Absolute paths named by the code (not by re-exports).
    uses: Vec<Vec<String>>,
}

struct Crate {
    modules: BTreeMap<Vec<String>, Module>,
}

impl Crate {
    fn load(root: &Path) -> Crate {
        let mut krate = Crate {
            modules: BTreeMap::new(),
        };
        krate.load_module(Vec::new(), root);
        let paths: Vec<Vec<String>> = krate.modules.keys().cloned().collect();
        for path in paths {
            krate.read_names(&path);
        }
        krate
    }

    fn load_module(&mut self, path: Vec<String>, file: &Path) {
        let text = blank(&fs::read_to_string(file).unwrap());
        let raw = fs::read_to_string(file).unwrap();
        let mut children = BTreeMap::new();
        for (name, child_file) in declared_modules(file, &raw, &text) {
            let mut child = path.clone();
            child.push(name.clone());
            children.insert(name, child.clone());
            self.load_module(child, &child_file);
        }
        self.modules.insert(
            path,
            Module {
                file: relative(file),
                children,
                reexports: BTreeMap::new(),
                uses: Vec::new(),
            },
        );
    }

    fn read_names(&mut self, path: &[String]) {
        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(&self.modules[path].file);
        let text = blank(&fs::read_to_string(file).unwrap());
        for (inner, body) in segments(path.to_vec(), &text) {
            let at_top = inner == path;
            let mut rest = body.as_str();
            let mut code = String::new();
            while let Some((before, is_pub, tree, after)) = next_use(rest) {
                code.push_str(before);
                for segs in expand_use_tree(tree) {
                    let Some(absolute) = self.absolute(&inner, &segs) else {
                        continue;
                    };
                    let module = self.modules.get_mut(path).unwrap();
                    if is_pub && at_top {
                        module
                            .reexports
                            .insert(segs.last().unwrap().clone(), absolute);
                    } else {
                        module.uses.push(absolute);
                    }
                }
                rest = after;
            }
            code.push_str(rest);
            for segs in path_references(&code) {
                if let Some(absolute) = self.absolute(&inner, &segs) {
                    self.modules.get_mut(path).unwrap().uses.push(absolute);
                }
            }
        }
    }

    /// The absolute path that `segs`, written in module `at`, names; `None`
    /// for another crate's item or a local name.
    fn absolute(&self, at: &[String], segs: &[String]) -> Option<Vec<String>> {
        let first = segs.first()?;
        let mut base = at.to_vec();
        let mut rest = segs;
        match first.as_str() {
            "crate" => return Some(segs[1..].to_vec()),
            "self" => rest = &segs[1..],
            "super" => {
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
            }
            name => {
                let owner = self.owner_of(at);
                if !self.modules[&owner].children.contains_key(name) || owner != at {
                    return None;
                }
            }
        }
        base.extend(rest.iter().cloned());
        Some(base)
    }

    /// The file-backed module that holds (possibly inline) module `at`.
    fn owner_of(&self, at: &[String]) -> Vec<String> {
        (0..=at.len())
            .rev()
            .map(|k| at[..k].to_vec())
            .find(|p| self.modules.contains_key(p))
            .unwrap_or_default()
    }

    /// The file that defines the item at `path`, following re-exports.
    fn defining_file(&self, path: &[String], depth: usize) -> Option<String> {
        if depth > 16 {
            return None;
        }
        for k in (0..=path.len()).rev() {
            let Some(module) = self.modules.get(&path[..k]) else {
                continue;
            };
            let rest = &path[k..];
            let Some(name) = rest.first().filter(|n| *n != "*") else {
                return Some(module.file.clone());
            };
            if let Some(target) = module.reexports.get(name) {
                let mut next = target.clone();
                next.extend(rest[1..].iter().cloned());
                return self.defining_file(&next, depth + 1);
            }
            for (glob, target) in &module.reexports {
                if glob != "*" {
                    continue;
                }
                let mut next = target[..target.len() - 1].to_vec();
                next.extend(rest.iter().cloned());
                let found = self.defining_file(&next, depth + 1);
                if found.as_ref().is_some_and(|f| *f != module.file) {
                    return found;
                }
            }
            return Some(module.file.clone());
        }
        None
    }

    fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for module in self.modules.values() {
            for used in &module.uses {
                if let Some(file) = self.defining_file(used, 0) {
                    if file != module.file {
                        edges.entry(module.file.clone()).or_default().insert(file);
                    }
                }
            }
        }
        edges
    }
}

/// `mod name;` declarations of a file, with the files they load.
fn declared_modules(file: &Path, raw: &str, text: &str) -> Vec<(String, PathBuf)> {
    let dir = file.parent().unwrap();
    let stem = file.file_stem().unwrap().to_string_lossy().to_string();
    let owns_dir = matches!(stem.as_str(), "mod" | "lib" | "main");
    let base = if owns_dir {
        dir.to_path_buf()
    } else {
        dir.join(&stem)
    };
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| *w == "mod") else {
            continue;
        };
        let Some(name) = words.get(at + 1).and_then(|w| w.strip_suffix(';')) else {
            continue;
        };
        // A `#[path = "…"]` on the line before names the file itself.
        let raw_before = if n > 0 {
            raw.lines().nth(n - 1).unwrap_or("")
        } else {
            ""
        };
        let child = match raw_before.trim().strip_prefix("#[path = \"") {
            Some(rest) => dir.join(rest.trim_end_matches("\"]")),
            None if base.join(format!("{name}.rs")).exists() => base.join(format!("{name}.rs")),
            None => base.join(name).join("mod.rs"),
        };
        if child.exists() {
            found.push((name.to_string(), child));
        }
    }
    found
}

/// The file's own text and each inline `mod name { … }`, with its module path.
fn segments(path: Vec<String>, text: &str) -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let mut own = String::new();
    let mut rest = text;
    while let Some(at) = find_word(rest, "mod") {
        let after = &rest[at + 3..];
        let name: String = after
            .trim_start()
            .chars()
            .take_while(|c| is_ident(*c))
            .collect();
        let tail = after.trim_start()[name.len()..].trim_start();
        if name.is_empty() || !tail.starts_with('{') {
            own.push_str(&rest[..at + 3]);
            rest = &rest[at + 3..];
            continue;
        }
        let open = rest.len() - tail.len();
        let close = matching_brace(rest, open);
        own.push_str(&rest[..at]);
        let mut inner = path.clone();
        inner.push(name);
        out.extend(segments(inner, &rest[open + 1..close]));
        rest = &rest[(close + 1).min(rest.len())..];
    }
    own.push_str(rest);
    out.insert(0, (path, own));
    out
}

fn matching_brace(text: &str, open: usize) -> usize {
    let mut depth = 0;
    for (k, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return open + k;
                }
            }
            _ => {}
        }
    }
    text.len()
}

/// The byte offset of `word` standing alone (not inside an identifier).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find(word) {
        let at = from + found;
        let before = at == 0 || !is_ident(bytes[at - 1] as char);
        let after = bytes
            .get(at + word.len())
            .is_none_or(|b| !is_ident(*b as char));
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// The next `use …;`: the text before it, whether it is `pub`, its tree,
/// and the text after it.
fn next_use(text: &str) -> Option<(&str, bool, &str, &str)> {
    let at = find_word(text, "use")?;
    let end = at + text[at..].find(';')?;
    let mut before = text[..at].trim_end();
    if before.ends_with(')') {
        // `pub(crate) use`, `pub(super) use`
        before = before[..before.rfind('(').unwrap_or(0)].trim_end();
    }
    let is_pub = before.ends_with("pub");
    Some((&text[..at], is_pub, &text[at + 3..end], &text[end + 1..]))
}

/// `a::b::{c, d::{e as f}}` as paths `[a,b,c]`, `[a,b,d,e]`.
fn expand_use_tree(tree: &str) -> Vec<Vec<String>> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    let spaced = tree.replace("::", " :: ");
    for c in spaced.chars() {
        if is_ident(c) || c == '*' {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
        if matches!(c, '{' | '}' | ',') {
            tokens.push(c.to_string());
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    let mut out = Vec::new();
    let mut pos = 0;
    walk_tree(&tokens, &mut pos, Vec::new(), &mut out);
    out
}

fn walk_tree(tokens: &[String], pos: &mut usize, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix.clone();
    while *pos < tokens.len() {
        let token = tokens[*pos].as_str();
        *pos += 1;
        match token {
            "{" => {
                walk_tree(tokens, pos, path.clone(), out);
                path = prefix.clone();
            }
            "}" => break,
            "," => {
                if path.len() > prefix.len() {
                    out.push(std::mem::replace(&mut path, prefix.clone()));
                }
            }
            "as" => *pos += 1,
            word => path.push(word.to_string()),
        }
    }
    if path.len() > prefix.len() {
        out.push(path);
    }
}

/// Paths written in code that start with `crate`, `super` or `self`.
fn path_references(code: &str) -> Vec<Vec<String>> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_ident(chars[i]) || ident_before(&chars, i) {
            i += 1;
            continue;
        }
        let mut segs = Vec::new();
        let mut j = i;
        loop {
            let word: String = chars[j..].iter().take_while(|c| is_ident(**c)).collect();
            if word.is_empty() {
                break;
            }
            j += word.chars().count();
            segs.push(word);
            if chars.get(j) == Some(&':') && chars.get(j + 1) == Some(&':') {
                j += 2;
            } else {
                break;
            }
        }
        if segs.len() > 1 && matches!(segs[0].as_str(), "crate" | "super" | "self") {
            out.push(segs);
        }
        i = j.max(i + 1);
    }
    out
}

/// The strongly connected groups of more than one file.
fn circles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = edges.keys().chain(edges.values().flatten()).collect();
    let reach = |from: &String| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.clone()];
        while let Some(node) = todo.pop() {
            for next in edges.get(&node).into_iter().flatten() {
                if seen.insert(next.clone()) {
                    todo.push(next.clone());
                }
            }
        }
        seen
    };
    let reachable: BTreeMap<&String, BTreeSet<String>> =
        nodes.iter().map(|n| (*n, reach(n))).collect();
    let mut groups: Vec<Vec<String>> = Vec::new();
    for node in &nodes {
        if groups.iter().any(|g| g.contains(node)) {
            continue;
        }
        let group: Vec<String> = nodes
            .iter()
            .filter(|other| {
                reachable[*node].contains(**other) && reachable[**other].contains(*node)
            })
            .map(|s| s.to_string())
            .collect();
        if group.len() > 1 {
            groups.push(group);
        }
    }
    groups
}

#[test]
fn no_file_of_src_is_over_700_lines_and_no_function_over_120() {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut problems = Vec::new();
    for file in &files {
        let name = relative(file);
        let raw = fs::read_to_string(file).unwrap();
        let lines = raw.lines().count();
        if lines > MAX_FILE_LINES && !DATA_TABLES.contains(&name.as_str()) {
            problems.push(format!("{name}: {lines} lines"));
        }
        problems.extend(long_functions(&name, &blank(&raw)));
    }
    assert!(problems.is_empty(), "too long:\n{}", problems.join("\n"));
}

#[test]
fn no_circle_of_imports_between_files_of_src() {
    let mut problems = Vec::new();
    for root in ["lib.rs", "main.rs"] {
        let krate = Crate::load(&src().join(root));
        let edges = krate.edges();
        for group in circles(&edges) {
            let lines: Vec<String> = group
                .iter()
                .map(|file| {
                    let into: Vec<&String> =
                        edges[file].iter().filter(|f| group.contains(f)).collect();
                    format!("  {file} -> {into:?}")
                })
                .collect();
            problems.push(format!("circle in the {root} crate:\n{}", lines.join("\n")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_a_circle_and_a_long_function() {
    // A circle: a.rs uses b's item, b.rs uses a's.
    let mut edges = BTreeMap::new();
    edges.insert("a.rs".to_string(), BTreeSet::from(["b.rs".to_string()]));
    edges.insert("b.rs".to_string(), BTreeSet::from(["a.rs".to_string()]));
    edges.insert("c.rs".to_string(), BTreeSet::from(["a.rs".to_string()]));
    assert_eq!(
        circles(&edges),
        vec![vec!["a.rs".to_string(), "b.rs".to_string()]]
    );

    let body = "    let x = 1;\n".repeat(MAX_FN_LINES);
    let text = format!("fn short() {{}}\nfn long() {{\n{body}}}\n");
    let found = long_functions("x.rs", &blank(&text));
    assert_eq!(
        found,
        vec![format!("x.rs:2 long ({} lines)", MAX_FN_LINES + 2)]
    );

    // Braces in strings, chars and comments do not count.
    let tricky = "fn f() {\n    let s = \"}}}\"; let c = '}'; // }\n}\nfn g<'a>(x: &'a str) {}\n";
    assert!(long_functions("y.rs", &blank(tricky)).is_empty());
    assert_eq!(
        expand_use_tree(" crate::a::{b, c::{d as e, *}}, super::f"),
        vec![
            vec!["crate", "a", "b"],
            vec!["crate", "a", "c", "d"],
            vec!["crate", "a", "c", "*"],
            vec!["super", "f"],
        ]
        .into_iter()
        .map(|p| p.into_iter().map(String::from).collect::<Vec<_>>())
        .collect::<Vec<_>>()
    );
}

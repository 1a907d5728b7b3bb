//! File modes: the vault and every plaintext export belong to their owner
//! alone, whatever umask pamphlet is started under, and an export replaces
//! an existing file only with --force. The binary runs under umask 000, so
//! anything it creates without a mode of its own is readable by everyone.
#![cfg(unix)]

mod common;

use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{files_under, sample_path, stderr_of, TestVault};

/// `sh` sets the umask, then becomes the program named in `$0`.
const UNDER_UMASK_000: &str = "umask 000 && exec \"$0\" \"$@\"";

/// `program args…` under umask 000, with an empty environment.
fn loosely(program: &Path) -> Command {
    let mut command = Command::new("/bin/sh");
    command
        .env_clear()
        .arg("-c")
        .arg(UNDER_UMASK_000)
        .arg(program);
    command
}

/// pamphlet under umask 000, pointed at `vault`.
fn run_loose<S: AsRef<OsStr>>(vault: &TestVault, args: impl IntoIterator<Item = S>) -> Output {
    loosely(&assert_cmd::cargo::cargo_bin("pamphlet"))
        .env("PAMPHLET_TEST_SCRYPT_LOG_N", "4")
        .arg("--vault")
        .arg(&vault.dir)
        .arg("--passphrase-file")
        .arg(&vault.passphrase_file)
        .args(args)
        .output()
        .unwrap()
}

/// As `run_loose`, and it must succeed: its standard output.
fn succeed_loose<S: AsRef<OsStr>>(vault: &TestVault, args: impl IntoIterator<Item = S>) -> String {
    let output = run_loose(vault, args);
    assert!(output.status.success(), "{}", stderr_of(&output));
    String::from_utf8(output.stdout).unwrap()
}

fn mode_of(path: &Path) -> u32 {
    fs::symlink_metadata(path).unwrap().permissions().mode() & 0o7777
}

/// `dir` and everything below it that is not 0700 (directories) or 0600
/// (files), with its mode; and how many entries were looked at.
fn wrong_modes(dir: &Path) -> (Vec<String>, usize) {
    let mut wrong = Vec::new();
    let mut seen = 0;
    let mut pending = vec![dir.to_owned()];
    while let Some(path) = pending.pop() {
        seen += 1;
        let is_dir = fs::symlink_metadata(&path).unwrap().is_dir();
        let want = if is_dir { 0o700 } else { 0o600 };
        let mode = mode_of(&path);
        if mode != want {
            wrong.push(format!("{} is {mode:o}", path.display()));
        }
        if is_dir {
            pending.extend(fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
    }
    (wrong, seen)
}

fn assert_private(dir: &Path, after: &str) {
    let (wrong, seen) = wrong_modes(dir);
    assert!(wrong.is_empty(), "after {after}: {wrong:#?}");
    assert!(
        seen >= 4,
        "after {after}: only {seen} entries under {dir:?}"
    );
}

#[test]
fn the_harness_really_loosens_the_umask() {
    let temp = tempfile::tempdir().unwrap();
    let file = temp.path().join("touched");
    let status = loosely(Path::new("/usr/bin/env"))
        .arg("touch")
        .arg(&file)
        .env("PATH", "/usr/bin:/bin")
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(mode_of(&file), 0o666);
}

#[test]
fn the_vault_stays_owner_only_under_a_loose_umask() {
    let sam = TestVault::empty();
    succeed_loose(&sam, ["init"]);
    assert_private(&sam.dir, "init");
    assert!(sam.dir.join("db").is_dir());

    succeed_loose(&sam, [OsStr::new("load"), sample_path().as_os_str()]);
    assert_private(&sam.dir, "load");
    let id = succeed_loose(&sam, ["add", "--name", "Ana Ruiz", "--category", "clinic"]);
    assert_private(&sam.dir, "add");
    succeed_loose(&sam, ["edit", id.trim(), "--city", "Portland"]);
    assert_private(&sam.dir, "edit");
    succeed_loose(&sam, ["rm", id.trim()]);
    assert_private(&sam.dir, "rm");

    // A bundle from Rosa, whom Sam trusts on import.
    let rosa = TestVault::with_sample();
    let keys = succeed_loose(&sam, ["keys", "show"]);
    let recipient = keys
        .lines()
        .find(|line| line.starts_with("age recipient"))
        .and_then(|line| line.split_whitespace().last())
        .unwrap();
    let bundle = rosa.temp.path().join("portland.age");
    rosa.cmd()
        .arg("export")
        .arg("--out")
        .arg(&bundle)
        .args(["--recipient", recipient, "portland"])
        .assert()
        .success();
    succeed_loose(
        &sam,
        [
            OsStr::new("import"),
            bundle.as_os_str(),
            OsStr::new("--trust-signer"),
        ],
    );
    assert_private(&sam.dir, "import");
    assert!(sam.dump().contains("Portland"));

    let new_passphrase = sam.file("new-passphrase", "a longer passphrase than before\n");
    succeed_loose(
        &sam,
        [
            OsStr::new("passwd"),
            OsStr::new("--new-passphrase-file"),
            new_passphrase.as_os_str(),
        ],
    );
    assert_private(&sam.dir, "passwd");
}

/// What an older pamphlet left under a loose umask: everything readable,
/// the directories writable by all.
fn loosen(path: &Path) {
    let is_dir = fs::symlink_metadata(path).unwrap().is_dir();
    let mode = if is_dir { 0o777 } else { 0o666 };
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
    if is_dir {
        for entry in fs::read_dir(path).unwrap() {
            loosen(&entry.unwrap().path());
        }
    }
}

#[test]
fn loose_modes_left_behind_are_tightened_at_unlock() {
    let vault = TestVault::with_sample();
    let records = vault.dump();
    loosen(&vault.dir);
    assert_eq!(mode_of(&vault.dir.join("key.age")), 0o666);

    let output = vault.cmd().args(["search", "clinic"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_private(&vault.dir, "search");
    assert_eq!(vault.dump(), records);
}

#[test]
fn tightening_leaves_a_file_of_the_organizers_own_alone() {
    let vault = TestVault::new();
    let theirs = vault.dir.join("notes.txt");
    fs::write(&theirs, "mine\n").unwrap();
    fs::set_permissions(&theirs, fs::Permissions::from_mode(0o644)).unwrap();
    fs::set_permissions(vault.dir.join("key.age"), fs::Permissions::from_mode(0o644)).unwrap();
    vault.cmd().arg("dump").assert().success();
    assert_eq!(mode_of(&vault.dir.join("key.age")), 0o600);
    assert_eq!(mode_of(&theirs), 0o644);
}

/// Names in `dir` that pamphlet's temporary files have.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".pamphlet-"))
        .collect()
}

/// A command that writes one file, `--out FILE`.
struct OneFile {
    name: &'static str,
    args: Vec<PathBufOrStr>,
}

enum PathBufOrStr {
    Text(&'static str),
    Path(PathBuf),
}

impl OneFile {
    fn args(&self, out: &Path, extra: &[&str]) -> Vec<std::ffi::OsString> {
        let mut args: Vec<std::ffi::OsString> = self
            .args
            .iter()
            .map(|arg| match arg {
                PathBufOrStr::Text(text) => text.into(),
                PathBufOrStr::Path(path) => path.into(),
            })
            .collect();
        args.push("--out".into());
        args.push(out.into());
        args.extend(extra.iter().map(Into::into));
        args
    }
}

#[test]
fn plaintext_exports_are_owner_only_and_replace_a_file_only_with_force() {
    use PathBufOrStr::{Path as P, Text as T};
    let vault = TestVault::with_sample();
    let meeting = vault.file("meeting", "tuesday at the library\n");
    let commands = [
        OneFile {
            name: "export-csv",
            args: vec![T("export-csv"), T("portland")],
        },
        OneFile {
            name: "print",
            args: vec![T("print")],
        },
        OneFile {
            name: "print-md",
            args: vec![T("print"), T("--format"), T("md"), T("clinic")],
        },
        OneFile {
            name: "export",
            args: vec![T("export"), T("--bundle-passphrase-file"), P(meeting)],
        },
    ];
    let dir = vault.temp.path().join("stick");
    fs::create_dir(&dir).unwrap();
    for command in &commands {
        let name = command.name;
        let fresh = dir.join(format!("{name}.new"));
        succeed_loose(&vault, command.args(&fresh, &[]));
        assert_eq!(mode_of(&fresh), 0o600, "{name}");
        assert!(fs::metadata(&fresh).unwrap().len() > 100, "{name}");

        let taken = dir.join(format!("{name}.taken"));
        fs::write(&taken, "someone's file\n").unwrap();
        fs::set_permissions(&taken, fs::Permissions::from_mode(0o644)).unwrap();
        let output = run_loose(&vault, command.args(&taken, &[]));
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert_eq!(
            stderr_of(&output),
            format!(
                "error: {} exists already\nhint: choose another --out, or give --force to replace it\n",
                taken.display()
            ),
            "{name}"
        );
        assert_eq!(fs::read(&taken).unwrap(), b"someone's file\n", "{name}");
        assert_eq!(mode_of(&taken), 0o644, "{name}");

        succeed_loose(&vault, command.args(&taken, &["--force"]));
        let replaced = fs::read(&taken).unwrap();
        assert!(replaced.len() > 100, "{name}: replaced");
        assert_eq!(mode_of(&taken), 0o600, "{name}");
        assert!(leftovers(&dir).is_empty(), "{name}: {:?}", leftovers(&dir));
    }
}

#[test]
fn an_hsds_package_is_owner_only_and_fills_a_used_directory_only_with_force() {
    let vault = TestVault::with_sample();
    let export = |dir: &Path, extra: &[&str]| {
        let mut args: Vec<&OsStr> = vec![OsStr::new("export-hsds"), dir.as_os_str()];
        args.extend(extra.iter().map(OsStr::new));
        run_loose(&vault, args)
    };

    let fresh = vault.temp.path().join("package");
    let output = export(&fresh, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_private(&fresh, "export-hsds");
    assert!(fresh.join("services.csv").is_file());

    let used = vault.temp.path().join("used");
    fs::create_dir(&used).unwrap();
    fs::write(used.join("services.csv"), "someone's table\n").unwrap();
    let before = files_under(&used);
    let output = export(&used, &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr_of(&output),
        format!(
            "error: {} exists and is not empty\nhint: choose a new directory, or give --force to write into it\n",
            used.display()
        )
    );
    assert_eq!(files_under(&used), before);

    let output = export(&used, &["--force"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(
        fs::read(used.join("services.csv")).unwrap(),
        fs::read(fresh.join("services.csv")).unwrap()
    );
    for path in files_under(&used).keys() {
        assert_eq!(mode_of(path), 0o600, "{}", path.display());
    }
    assert!(leftovers(&used).is_empty(), "{:?}", leftovers(&used));

    // An empty directory is as good as a new one.
    let empty = vault.temp.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let output = export(&empty, &[]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(files_under(&empty).len(), files_under(&fresh).len());
    for path in files_under(&empty).keys() {
        assert_eq!(mode_of(path), 0o600, "{}", path.display());
    }
}

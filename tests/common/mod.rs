//! Helpers shared by the integration tests: a throwaway vault in a temp dir,
//! driven through the real binary, with a cheap scrypt work factor.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const PASSPHRASE: &str = "correct horse battery staple";

/// A vault directory and a passphrase file, removed when dropped.
pub struct TestVault {
    pub temp: tempfile::TempDir,
    pub dir: PathBuf,
    pub passphrase_file: PathBuf,
}

impl TestVault {
    /// A fresh directory with no vault in it yet.
    pub fn empty() -> TestVault {
        let temp = tempfile::tempdir().unwrap();
        let dir = temp.path().join("vault");
        let passphrase_file = temp.path().join("passphrase");
        fs::write(&passphrase_file, format!("{PASSPHRASE}\n")).unwrap();
        TestVault {
            temp,
            dir,
            passphrase_file,
        }
    }

    /// A new, empty vault.
    pub fn new() -> TestVault {
        let vault = TestVault::empty();
        vault.cmd().arg("init").assert().success();
        vault
    }

    /// A new vault holding the shipped sample directory.
    pub fn with_sample() -> TestVault {
        let vault = TestVault::new();
        vault
            .cmd()
            .arg("load")
            .arg(sample_path())
            .assert()
            .success();
        vault
    }

    /// The binary, pointed at this vault, with its passphrase file.
    pub fn cmd(&self) -> Command {
        self.cmd_with(&self.passphrase_file)
    }

    /// The binary, pointed at this vault, with another passphrase file.
    pub fn cmd_with(&self, passphrase_file: &Path) -> Command {
        Command::from_std(self.std_cmd_with(passphrase_file))
    }

    /// The same as a `std::process::Command`, for tests that spawn and kill.
    pub fn std_cmd(&self) -> std::process::Command {
        self.std_cmd_with(&self.passphrase_file)
    }

    fn std_cmd_with(&self, passphrase_file: &Path) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("pamphlet"));
        cmd.env_clear()
            .env("PAMPHLET_TEST_SCRYPT_LOG_N", "4")
            .arg("--vault")
            .arg(&self.dir)
            .arg("--passphrase-file")
            .arg(passphrase_file);
        cmd
    }

    /// A file in the temp dir, outside the vault.
    pub fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.temp.path().join(name);
        fs::write(&path, contents).unwrap();
        path
    }

    /// `pamphlet dump`, as text.
    pub fn dump(&self) -> String {
        let output = self.cmd().arg("dump").output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    /// The vault's public keys: (minisign signing key, age recipient), as
    /// `keys show` prints them.
    pub fn public_keys(&self) -> (String, String) {
        let output = self.cmd().args(["keys", "show"]).output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
        let text = String::from_utf8(output.stdout).unwrap();
        let field = |label: &str| {
            text.lines()
                .find(|line| line.starts_with(label))
                .and_then(|line| line.split_whitespace().last())
                .unwrap()
                .to_owned()
        };
        (field("signing key"), field("age recipient"))
    }

    /// Every file under the vault with its contents.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        files_under(&self.dir)
    }
}

/// Every regular file below `dir`, with its bytes.
pub fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Whether this run is CI (`CI=true`), where `.ci/run` has installed
/// everything the tests need and a skipped test would hide one that never ran.
pub fn in_ci() -> bool {
    std::env::var("CI").as_deref() == Ok("true")
}

/// For a test that cannot run on this machine: under CI, a failure that
/// says `why`; elsewhere a note on stderr, after which the caller returns.
pub fn skip_unless_ci(why: &str) {
    assert!(!in_ci(), "this test must run under CI, but {why}");
    eprintln!("SKIPPED: {why}");
}

/// The sample directory shipped with pamphlet.
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-directory.json")
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The sizes of the files under `dir`, added up (without reading them).
pub fn disk_usage(dir: &Path) -> u64 {
    let mut total = 0;
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            total += disk_usage(&path);
        } else if let Ok(meta) = entry.metadata() {
            total += meta.len();
        }
    }
    total
}

/// When a crash test kills its child.
pub enum KillAt {
    /// After this long, or when it ends by itself if sooner.
    After(std::time::Duration),
    /// Once the vault under `dir` has grown by 64 KiB past `start_size` (the
    /// write has begun), plus `extra`; fails if that takes over `patience`.
    Writing {
        extra: std::time::Duration,
        start_size: u64,
        patience: std::time::Duration,
    },
}

/// SIGKILLs `child` at the moment `when` says, and reaps it. Returns
/// whether the vault under `dir` had grown by then.
pub fn kill_child(
    child: &mut std::process::Child,
    when: KillAt,
    dir: &Path,
    start_size: u64,
) -> bool {
    use wait_timeout::ChildExt;
    match when {
        KillAt::After(delay) => {
            let _ = child.wait_timeout(delay).unwrap();
        }
        KillAt::Writing {
            extra,
            start_size,
            patience,
        } => {
            let waiting = std::time::Instant::now();
            while child
                .wait_timeout(std::time::Duration::from_millis(1))
                .unwrap()
                .is_none()
            {
                if disk_usage(dir) > start_size + 64 * 1024 {
                    let _ = child.wait_timeout(extra).unwrap();
                    break;
                }
                assert!(
                    waiting.elapsed() < patience,
                    "the child never started writing"
                );
            }
        }
    }
    let _ = child.kill(); // SIGKILL on Unix
    let _ = child.wait();
    disk_usage(dir) > start_size + 64 * 1024
}

/// Copies a directory tree, for tests that work on a copy of a vault.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

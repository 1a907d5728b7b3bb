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

/// The sample directory shipped with pamphlet.
pub fn sample_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample-directory.json")
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

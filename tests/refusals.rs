//! The vault in a hostile place: a second pamphlet at the same time, a
//! read-only directory, a vault written by a newer pamphlet, a full disk.
//! Each is one clear `error:` line (with a hint), and the vault is left as
//! it was.

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{stderr_of, TestVault, PASSPHRASE};
use pamphlet::vault::Vault;
use secrecy::SecretString;

/// A small file system mounted for one test, unmounted when dropped. Needs
/// root (or a kernel that lets this user mount); `None` where not allowed,
/// and then a test that needs it fails under CI (`CI=true`) and is skipped
/// elsewhere.
struct Mount {
    point: PathBuf,
}

impl Mount {
    fn tmpfs(point: &Path, size: &str) -> Option<Mount> {
        fs::create_dir_all(point).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700")])
            .arg("tmpfs")
            .arg(point)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Mount {
            point: point.to_owned(),
        })
    }

    fn remount_read_only(&self) -> bool {
        Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.point)
            .status()
            .map(|s| s.success())
            .unwrap_or(false)
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.point).status();
    }
}

/// A vault in `dir`, with its passphrase file beside `temp`'s other files.
fn vault_in(temp: tempfile::TempDir, dir: PathBuf) -> TestVault {
    let passphrase_file = temp.path().join("passphrase");
    fs::write(&passphrase_file, format!("{PASSPHRASE}\n")).unwrap();
    TestVault {
        temp,
        dir,
        passphrase_file,
    }
}

fn records_file(vault: &TestVault, name: &str, seed: u64, count: usize) -> PathBuf {
    let path = vault.temp.path().join(name);
    let mut file = std::io::BufWriter::new(fs::File::create(&path).unwrap());
    for record in pamphlet::generate::generate(seed, count) {
        writeln!(file, "{}", record.to_json_line()).unwrap();
    }
    file.flush().unwrap();
    path
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}

#[test]
fn a_second_pamphlet_is_told_the_vault_is_in_use() {
    let vault = TestVault::new();
    let small = records_file(&vault, "small.jsonl", 1, 20);
    vault.cmd().arg("load").arg(&small).assert().success();
    let before = vault.dump();

    let passphrase = SecretString::from(PASSPHRASE.to_owned());
    let open = Vault::unlock(&vault.dir, &passphrase).unwrap();
    let more = records_file(&vault, "more.jsonl", 2, 20);
    for args in [
        vec!["dump".as_ref()],
        vec!["load".as_ref(), more.as_os_str()],
    ] {
        let output = vault.cmd().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        let stderr = stderr_of(&output);
        assert!(
            stderr.starts_with(
                "error: the vault is in use by another pamphlet\nhint: close the other pamphlet"
            ),
            "{stderr}"
        );
    }
    drop(open);
    assert_eq!(vault.dump(), before);
}

#[test]
fn a_vault_from_a_newer_pamphlet_is_refused_and_left_alone() {
    let vault = TestVault::new();
    let small = records_file(&vault, "small.jsonl", 3, 20);
    vault.cmd().arg("load").arg(&small).assert().success();
    let before = vault.dump();
    let newer = pamphlet::vault::STORE_FORMAT + 1;
    {
        let db = sled::open(vault.dir.join("db")).unwrap();
        db.insert("format", &newer.to_le_bytes()).unwrap();
        db.flush().unwrap();
    }
    for command in ["dump", "load"] {
        let mut cmd = vault.cmd();
        cmd.arg(command);
        if command == "load" {
            cmd.arg(&small);
        }
        let output = cmd.output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            stderr_of(&output),
            format!(
                "error: the vault has format version {newer}; this pamphlet reads up to {}\n\
                 hint: upgrade pamphlet to open this vault; nothing was changed\n",
                pamphlet::vault::STORE_FORMAT
            )
        );
    }
    // Nothing was migrated or written: the format is still the newer one,
    // and with this build's number put back, the records are all there.
    let db = sled::open(vault.dir.join("db")).unwrap();
    assert_eq!(
        db.get("format").unwrap().as_deref(),
        Some(&newer.to_le_bytes()[..])
    );
    db.insert("format", &pamphlet::vault::STORE_FORMAT.to_le_bytes())
        .unwrap();
    db.flush().unwrap();
    drop(db);
    assert_eq!(vault.dump(), before);
}

#[test]
fn a_read_only_vault_is_named_as_such() {
    let temp = tempfile::tempdir().unwrap();
    let disk = temp.path().join("disk");
    let mount = Mount::tmpfs(&disk, "16m");
    let vault = vault_in(temp, disk.join("vault"));
    vault.cmd().arg("init").assert().success();
    let small = records_file(&vault, "small.jsonl", 4, 20);
    vault.cmd().arg("load").arg(&small).assert().success();
    let before = vault.dump();

    let (reason, view) = match &mount {
        Some(mount) => {
            assert!(mount.remount_read_only(), "cannot remount read-only");
            eprintln!("read-only vault: a tmpfs remounted read-only");
            ("it is on a read-only file system", None)
        }
        None if !is_root() => {
            eprintln!("read-only vault: no mount allowed; the vault's files made read-only");
            make_read_only(&vault.dir);
            ("permission denied", None)
        }
        // Root ignores permissions: only a mount makes the directory
        // read-only, here one private to each command.
        None => match ReadOnlyView::of(&vault.dir) {
            Some(view) => {
                eprintln!("read-only vault: a read-only bind mount in a mount namespace");
                ("it is on a read-only file system", Some(view))
            }
            None => {
                common::skip_unless_ci(
                    "read-only vault: as root, with neither `mount` nor `unshare` allowed, \
                     nothing can make the vault read-only",
                );
                return;
            }
        },
    };
    for args in [
        vec!["dump".as_ref()],
        vec!["load".as_ref(), small.as_os_str()],
    ] {
        let output = match &view {
            Some(view) => view.run(&vault, &args),
            None => vault.cmd().args(&args).output().unwrap(),
        };
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(
            stderr_of(&output),
            format!(
                "error: the vault at {} cannot be written: {reason}\n\
                 hint: make the vault's directory writable (or copy the vault to a writable disk), then try again\n",
                vault.dir.display()
            )
        );
    }
    if let Some(mount) = &mount {
        let status = Command::new("mount")
            .args(["-o", "remount,rw"])
            .arg(&mount.point)
            .status()
            .unwrap();
        assert!(status.success());
    }
    assert_eq!(vault.dump(), before);
    drop(mount);
}

/// Runs commands in a mount namespace of their own where the vault's
/// directory is bound read-only onto itself: a read-only vault for root on
/// a machine that allows `unshare` but not a `mount` that all can see.
struct ReadOnlyView {
    /// `unshare`'s flags that work here: plain for root, or with a user
    /// namespace where only that is allowed.
    flags: &'static [&'static str],
    dir: PathBuf,
}

impl ReadOnlyView {
    /// Binds `$0` read-only onto itself, then runs the rest.
    const SCRIPT: &'static str =
        r#"mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@""#;

    fn of(dir: &Path) -> Option<ReadOnlyView> {
        [&["--mount"][..], &["--mount", "--map-root-user"][..]]
            .into_iter()
            .map(|flags| ReadOnlyView {
                flags,
                dir: dir.to_owned(),
            })
            .find(|view| {
                view.command()
                    .arg("true")
                    .stderr(std::process::Stdio::null())
                    .status()
                    .is_ok_and(|status| status.success())
            })
    }

    fn command(&self) -> Command {
        let mut command = Command::new("unshare");
        command
            .args(self.flags)
            .args(["sh", "-c", Self::SCRIPT])
            .arg(&self.dir);
        command
    }

    /// The binary with `args` on `vault`, seeing the vault read-only.
    fn run(&self, vault: &TestVault, args: &[&std::ffi::OsStr]) -> std::process::Output {
        let pamphlet = vault.std_cmd();
        self.command()
            .arg(pamphlet.get_program())
            .args(pamphlet.get_args())
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("PAMPHLET_TEST_SCRYPT_LOG_N", "4")
            .output()
            .unwrap()
    }
}

fn make_read_only(dir: &Path) {
    use std::os::unix::fs::PermissionsExt;
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            make_read_only(&path);
        } else {
            fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).unwrap();
        }
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(0o500)).unwrap();
}

/// `pamphlet load` of many records into a vault on a disk with almost no
/// room left: a clear error, and the vault as it was.
#[test]
fn a_load_on_a_full_disk_fails_clearly_and_changes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let disk = temp.path().join("disk");
    let Some(mount) = Mount::tmpfs(&disk, "48m") else {
        common::skip_unless_ci(
            "disk full: `mount -t tmpfs` is not allowed here (the file-size case still runs)",
        );
        return;
    };
    eprintln!("disk full: a 48 MiB tmpfs");
    let vault = vault_in(temp, disk.join("vault"));
    vault.cmd().arg("init").assert().success();
    let small = records_file(&vault, "small.jsonl", 5, 200);
    vault.cmd().arg("load").arg(&small).assert().success();
    let before = vault.dump();
    let big = records_file(&vault, "big.jsonl", 6, 20_000);

    // Fill the disk but for a few hundred KiB.
    let filler = disk.join("filler");
    {
        let mut file = fs::File::create(&filler).unwrap();
        let block = vec![0x55u8; 64 * 1024];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
    }
    let room = 384 * 1024;
    let full = fs::metadata(&filler).unwrap().len();
    fs::OpenOptions::new()
        .write(true)
        .open(&filler)
        .unwrap()
        .set_len(full.saturating_sub(room))
        .unwrap();

    let output = vault.cmd().arg("load").arg(&big).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert_eq!(
        stderr_of(&output),
        "error: the disk is full: the vault could not be written\n\
         hint: free some space on the disk that holds the vault, then try again; nothing was changed\n"
    );
    assert!(output.stdout.is_empty());

    // Still full: sled writes a little when it opens, so even reading may
    // meet the full disk; if so, it says so.
    let output = vault.cmd().arg("dump").output().unwrap();
    if output.status.success() {
        eprintln!("disk full: the vault still opens on the full disk");
        assert!(output.stdout == before.as_bytes());
    } else {
        eprintln!("disk full: the vault does not open until there is room");
        assert!(stderr_of(&output).starts_with("error: the disk is full"));
    }
    fs::remove_file(&filler).unwrap();
    assert_eq!(vault.dump(), before);
    // And with room again, the same load goes through.
    vault.cmd().arg("load").arg(&big).assert().success();
    assert_eq!(vault.dump().lines().count(), 20_200);
    drop(mount);
}

/// The same without a mount: the load runs under a file-size limit (with
/// SIGXFSZ ignored, so writes past it fail with EFBIG) — an injected write
/// failure that works for any user.
#[test]
fn a_load_that_cannot_write_changes_nothing() {
    let vault = TestVault::new();
    let small = records_file(&vault, "small.jsonl", 7, 200);
    vault.cmd().arg("load").arg(&small).assert().success();
    let before = vault.dump();
    let big = records_file(&vault, "big.jsonl", 8, 60_000);

    let largest = common::files_under(&vault.dir)
        .values()
        .map(|bytes| bytes.len())
        .max()
        .unwrap_or(0);
    // `ulimit -f` counts 512-byte blocks in POSIX sh.
    let blocks = largest / 512 + 64;
    let binary = assert_cmd::cargo::cargo_bin("pamphlet");
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {blocks} && exec \"$0\" \"$@\""
        ))
        .arg(&binary)
        .args(vault.std_cmd().get_args())
        .arg("load")
        .arg(&big)
        .env_clear()
        .env("PAMPHLET_TEST_SCRYPT_LOG_N", "4")
        .output()
        .unwrap();
    eprintln!("write failure: a file-size limit of {blocks} blocks");
    assert_eq!(output.status.code(), Some(1), "{}", stderr_of(&output));
    assert_eq!(
        stderr_of(&output),
        "error: a file of the vault reached the file-size limit: the vault could not be written\n\
         hint: raise the limit (`ulimit -f`), then try again; nothing was changed\n"
    );
    assert_eq!(vault.dump(), before);
}

/// A vault on a disk with room for its database but not for the second
/// copy a rebuild makes: `rm` and `rekey` are saved and succeed, and say
/// on stderr that the old copies are still in the files and what to do;
/// `rekey` says the key changed, not that the database was rewritten.
#[test]
fn a_write_whose_rebuild_finds_the_disk_full_is_saved_and_says_so() {
    let temp = tempfile::tempdir().unwrap();
    let disk = temp.path().join("disk");
    let Some(mount) = Mount::tmpfs(&disk, "20m") else {
        common::skip_unless_ci("old copies kept: `mount -t tmpfs` is not allowed here");
        return;
    };
    let vault = vault_in(temp, disk.join("vault"));
    vault.cmd().arg("init").assert().success();
    vault
        .cmd()
        .arg("load")
        .arg(common::sample_path())
        .assert()
        .success();
    // Room for half a copy of the database: sled's files are not all
    // the same size from one load to the next.
    let db = common::disk_usage(&vault.dir.join("db"));
    let filler = disk.join("filler");
    fs::write(&filler, vec![0x55u8; (free_bytes(&disk) - db / 2) as usize]).unwrap();
    assert!(free_bytes(&disk) < db);
    let dump = vault.dump();
    let id = dump.lines().next().unwrap()[7..15].to_owned();
    let warning = "warning: the change was saved, but the old copies it replaced are \
                   still in the vault's files, readable with the vault key: the disk has \
                   no room to rewrite the database";

    let output = vault.cmd().args(["rm", &id]).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("removed "));
    assert!(
        stderr_of(&output).starts_with(warning),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(vault.dump().lines().count(), dump.lines().count() - 1);

    // Room for the rekey's new values, but not for a copy after them.
    fs::remove_file(&filler).unwrap();
    let db = common::disk_usage(&vault.dir.join("db"));
    fs::write(
        &filler,
        vec![0x55u8; (free_bytes(&disk) - db * 4 / 5) as usize],
    )
    .unwrap();
    let key_before = fs::read(vault.dir.join("key.age")).unwrap();
    let output = vault.cmd().arg("rekey").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr_of(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("under a new vault key"), "{stdout}");
    assert!(!stdout.contains("rewritten"), "{stdout}");
    assert!(
        stderr_of(&output).starts_with(warning),
        "{}",
        stderr_of(&output)
    );
    assert_ne!(fs::read(vault.dir.join("key.age")).unwrap(), key_before);
    assert_eq!(vault.dump().lines().count(), dump.lines().count() - 1);
    drop(mount);
}

/// The free bytes of the file system holding `path`.
fn free_bytes(path: &Path) -> u64 {
    let stat = rustix::fs::statvfs(path).unwrap();
    stat.f_bavail * stat.f_frsize
}

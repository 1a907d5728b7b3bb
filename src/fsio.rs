//! Writing a whole file so that a crash, a full disk or a yanked USB stick
//! leaves either the old file or the new one under the name, never half of
//! one. Every file pamphlet writes for keeps goes through here: `key.age`,
//! exported bundles, whatever the terminal UI saves.
//!
//! The bytes go to a temporary file in the target's directory (so the final
//! rename stays on one file system), readable by its owner only, synced;
//! then the temporary file takes the name, and the directory is synced so
//! the new name survives a power cut too.
//!
//! Also here: taking back what the group and others may do with files that
//! should have been private all along (`make_tree_private`).

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use tempfile::NamedTempFile;

/// What to do when a file already has the name being written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IfExists {
    /// Leave it as it is and fail with an `AlreadyExists` error. The check
    /// and the rename are one step (a no-replace rename, or a hard link), so
    /// a file that appears meanwhile is not replaced either; only a file
    /// system that can do neither falls back to checking first.
    Refuse,
    /// Replace it, atomically.
    Replace,
}

/// Writes `contents` to `path` atomically, with mode 0600 on Unix. On any
/// failure the temporary file is removed and whatever was at `path` before
/// is left as it was.
pub fn write_atomically(path: &Path, contents: &[u8], if_exists: IfExists) -> io::Result<()> {
    let dir = parent_dir(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".pamphlet-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o600));
    }
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    match if_exists {
        IfExists::Replace => {
            temp.persist(path).map_err(|e| e.error)?;
        }
        IfExists::Refuse => persist_new(temp, path)?,
    }
    sync_dir(dir)
}

/// Gives `temp` the name `path` unless something has it already.
fn persist_new(temp: NamedTempFile, path: &Path) -> io::Result<()> {
    match temp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Err(already_exists(path)),
        // Some file systems of USB sticks (FAT on some kernels, exFAT
        // through FUSE) can neither rename without replacing nor make hard
        // links. There the name is checked first, then taken: a small race,
        // rather than no export at all.
        Err(e) if cannot_link(&e.error) => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(already_exists(path));
            }
            e.file.persist(path).map(drop).map_err(|e| e.error)
        }
        Err(e) => Err(e.error),
    }
}

/// Errors with which a file system says it cannot do a no-replace rename
/// or a hard link.
fn cannot_link(error: &io::Error) -> bool {
    matches!(
        error.kind(),
        io::ErrorKind::Unsupported | io::ErrorKind::PermissionDenied | io::ErrorKind::InvalidInput
    )
}

fn already_exists(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{} exists", path.display()),
    )
}

/// The directory a file named `path` goes in: its parent, or `.` for a bare
/// file name.
pub fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// Makes a rename or removal in `dir` durable. A file system that cannot
/// sync a directory (some report it as invalid) is taken at its word that
/// nothing more can be done.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        match fs::File::open(dir)?.sync_all() {
            Ok(()) => {}
            Err(e)
                if matches!(
                    e.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::Unsupported
                ) => {}
            Err(e) => return Err(e),
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Creates the directory `dir`, owner-only, unless it is there already
/// (then it is left as it is); its parents are made as needed, with the
/// usual modes.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    fs::create_dir_all(parent_dir(dir))?;
    let mut builder = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    match builder.create(dir) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(()),
        other => other,
    }
}

/// Takes every permission of the group and of others from `path`, which
/// pamphlet's own files should never have had; the owner's are kept, so
/// nothing is loosened. A symbolic link is left as it is (and not
/// followed). Returns whether the mode changed.
pub fn make_private(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let metadata = fs::symlink_metadata(path)?;
        let mode = metadata.permissions().mode();
        if metadata.file_type().is_symlink() || mode & 0o077 == 0 {
            return Ok(false);
        }
        fs::set_permissions(path, fs::Permissions::from_mode(mode & 0o700))?;
        Ok(true)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        Ok(false)
    }
}

/// [`make_private`] for `path` and, if it is a directory, everything below
/// it, without following symbolic links. Returns how many modes changed.
pub fn make_tree_private(path: &Path) -> io::Result<usize> {
    let mut changed = 0;
    let mut pending = vec![path.to_owned()];
    while let Some(path) = pending.pop() {
        changed += usize::from(make_private(&path)?);
        if fs::symlink_metadata(&path)?.is_dir() {
            for entry in fs::read_dir(&path)? {
                pending.push(entry?.path());
            }
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `dir`, sorted.
    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_written_whole_and_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundle.age");
        write_atomically(&path, b"sealed bytes", IfExists::Refuse).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"sealed bytes");
        assert_eq!(names(dir.path()), ["bundle.age"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "mode {mode:o}");
        }
    }

    #[test]
    fn refusing_leaves_the_existing_file_byte_identical_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundle.age");
        fs::write(&path, b"the older bundle").unwrap();
        let error = write_atomically(&path, b"a newer bundle", IfExists::Refuse).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert!(error.to_string().contains("bundle.age exists"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), b"the older bundle");
        assert_eq!(names(dir.path()), ["bundle.age"]);
    }

    #[cfg(unix)]
    #[test]
    fn refusing_also_refuses_a_dangling_symbolic_link() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bundle.age");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &path).unwrap();
        let error = write_atomically(&path, b"bytes", IfExists::Refuse).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
        assert!(!dir.path().join("nowhere").exists());
        assert_eq!(names(dir.path()), ["bundle.age"]);
    }

    #[test]
    fn replacing_swaps_the_contents_and_leaves_nothing_beside() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key.age");
        fs::write(&path, b"old key file, longer than the new one").unwrap();
        write_atomically(&path, b"new key file", IfExists::Replace).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new key file");
        assert_eq!(names(dir.path()), ["key.age"]);
    }

    #[test]
    fn a_failure_to_write_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // The name is a folder with something in it: neither a rename over
        // it nor a no-replace rename can succeed.
        let path = dir.path().join("taken");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), b"kept").unwrap();
        for if_exists in [IfExists::Refuse, IfExists::Replace] {
            assert!(write_atomically(&path, b"bytes", if_exists).is_err());
            assert_eq!(names(dir.path()), ["taken"], "{if_exists:?}");
            assert_eq!(fs::read(path.join("inside")).unwrap(), b"kept");
        }
    }

    #[test]
    fn a_private_directory_is_made_once_and_never_over_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let package = dir.path().join("stick/package");
        create_private_dir(&package).unwrap();
        fs::write(package.join("kept"), b"kept").unwrap();
        create_private_dir(&package).unwrap();
        assert_eq!(names(&package), ["kept"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&package).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "mode {mode:o}");
        }
        let error = create_private_dir(&package.join("kept")).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::AlreadyExists);
    }

    #[cfg(unix)]
    #[test]
    fn a_tree_is_made_private_without_loosening_or_following_links() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| fs::symlink_metadata(path).unwrap().permissions().mode() & 0o777;
        let set = |path: &Path, mode: u32| {
            fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
        };
        let outside = tempfile::tempdir().unwrap();
        let elsewhere = outside.path().join("elsewhere");
        fs::write(&elsewhere, b"not ours").unwrap();
        set(&elsewhere, 0o644);

        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("db");
        fs::create_dir_all(root.join("blobs")).unwrap();
        for (name, loose) in [("conf", 0o666), ("snap.1", 0o644), ("read-only", 0o404)] {
            fs::write(root.join(name), b"bytes").unwrap();
            set(&root.join(name), loose);
        }
        set(&root.join("blobs"), 0o777);
        set(&root, 0o755);
        std::os::unix::fs::symlink(&elsewhere, root.join("link")).unwrap();

        assert_eq!(make_tree_private(&root).unwrap(), 5);
        assert_eq!(mode(&root), 0o700);
        assert_eq!(mode(&root.join("blobs")), 0o700);
        assert_eq!(mode(&root.join("conf")), 0o600);
        assert_eq!(mode(&root.join("snap.1")), 0o600);
        assert_eq!(mode(&root.join("read-only")), 0o400);
        assert_eq!(mode(&elsewhere), 0o644);
        assert_eq!(make_tree_private(&root).unwrap(), 0, "nothing left to do");
        assert!(make_tree_private(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn a_bare_file_name_goes_in_the_current_directory() {
        assert_eq!(parent_dir(Path::new("bundle.age")), Path::new("."));
        assert_eq!(
            parent_dir(Path::new("/media/stick/b.age")),
            Path::new("/media/stick")
        );
    }
}

//! Where bundles go by default: a mounted removable drive when there is one
//! (the USB stick people carry to a meeting), else the directory pamphlet
//! was started in. The roots to look under are injected, so tests never
//! depend on the machine's drives or home directory.

use std::path::{Path, PathBuf};

use time::Date;

/// Where to look for drives, and where to fall back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Places {
    /// Directories whose subdirectories are drives: on Linux,
    /// `/media/$USER` and `/run/media/$USER`.
    pub drive_roots: Vec<PathBuf>,
    /// Only take a subdirectory that is a mount point (on another device
    /// than its root). A stale, empty mount directory left behind after a
    /// stick was pulled out is not a drive.
    pub mounted_only: bool,
    /// The fallback: the current directory.
    pub here: PathBuf,
}

impl Places {
    /// The machine's drive roots and current directory.
    pub fn from_env() -> Places {
        let mut drive_roots = Vec::new();
        if cfg!(target_os = "linux") {
            if let Some(user) = std::env::var_os("USER").filter(|u| !u.is_empty()) {
                drive_roots.push(Path::new("/media").join(&user));
                drive_roots.push(Path::new("/run/media").join(&user));
            }
        }
        Places {
            drive_roots,
            mounted_only: true,
            here: std::env::current_dir().unwrap_or_else(|_| PathBuf::from(".")),
        }
    }

    /// The first mounted drive (by name, for a stable choice), if any.
    pub fn drive(&self) -> Option<PathBuf> {
        for root in &self.drive_roots {
            let Ok(entries) = std::fs::read_dir(root) else {
                continue;
            };
            let mut dirs: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.is_dir())
                .filter(|path| !self.mounted_only || is_mount_point(path, root))
                .collect();
            dirs.sort();
            if let Some(first) = dirs.into_iter().next() {
                return Some(first);
            }
        }
        None
    }

    /// Where a bundle goes unless the person says otherwise.
    pub fn default_dir(&self) -> PathBuf {
        self.drive().unwrap_or_else(|| self.here.clone())
    }

    /// A new bundle's default path: `pamphlet-YYYY-MM-DD.age` there.
    pub fn default_export_path(&self, today: Date) -> PathBuf {
        self.default_dir().join(export_file_name(today))
    }

    /// The newest `*.age` file in the default directory: the bundle someone
    /// just handed over on a stick, most likely.
    pub fn newest_bundle(&self) -> Option<PathBuf> {
        let entries = std::fs::read_dir(self.default_dir()).ok()?;
        entries
            .filter_map(Result::ok)
            .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "age"))
            .filter_map(|entry| {
                let modified = entry.metadata().ok()?.modified().ok()?;
                Some((modified, entry.path()))
            })
            .max()
            .map(|(_, path)| path)
    }
}

/// `pamphlet-YYYY-MM-DD.age`.
pub fn export_file_name(today: Date) -> String {
    format!("pamphlet-{}.age", crate::model::format_date(today))
}

/// Whether `path` is a different file system from `root`, its parent.
#[cfg(unix)]
fn is_mount_point(path: &Path, root: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(path), std::fs::metadata(root)) {
        (Ok(inner), Ok(outer)) => inner.dev() != outer.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_path: &Path, _root: &Path) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn places(roots: Vec<PathBuf>, mounted_only: bool, here: &Path) -> Places {
        Places {
            drive_roots: roots,
            mounted_only,
            here: here.to_owned(),
        }
    }

    #[test]
    fn the_first_drive_under_the_first_root_that_has_one_is_the_default() {
        let temp = tempfile::tempdir().unwrap();
        let empty_root = temp.path().join("media");
        let root = temp.path().join("run-media");
        std::fs::create_dir_all(&empty_root).unwrap();
        std::fs::create_dir_all(root.join("STICK B")).unwrap();
        std::fs::create_dir_all(root.join("STICK A")).unwrap();
        std::fs::write(root.join("a file"), b"not a drive").unwrap();
        let here = temp.path().join("here");
        let places = places(
            vec![temp.path().join("missing"), empty_root, root.clone()],
            false,
            &here,
        );
        assert_eq!(places.drive(), Some(root.join("STICK A")));
        assert_eq!(
            places.default_export_path(date!(2026 - 12 - 01)),
            root.join("STICK A").join("pamphlet-2026-12-01.age")
        );
    }

    #[test]
    fn without_a_drive_the_current_directory_is_the_default() {
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("media");
        std::fs::create_dir_all(&root).unwrap();
        let places = places(vec![root], false, temp.path());
        assert_eq!(places.drive(), None);
        assert_eq!(places.default_dir(), temp.path());
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_that_is_not_mounted_is_not_a_drive() {
        // A directory on the same file system as its root: what an unmounted
        // stick leaves behind.
        let temp = tempfile::tempdir().unwrap();
        let root = temp.path().join("media");
        std::fs::create_dir_all(root.join("OLD STICK")).unwrap();
        let places = places(vec![root.clone()], true, temp.path());
        assert_eq!(places.drive(), None);
        let relaxed = Places {
            mounted_only: false,
            ..places
        };
        assert_eq!(relaxed.drive(), Some(root.join("OLD STICK")));
    }

    #[test]
    fn the_newest_bundle_in_the_default_directory_is_offered_for_import() {
        let temp = tempfile::tempdir().unwrap();
        let places = places(Vec::new(), false, temp.path());
        assert_eq!(places.newest_bundle(), None);
        std::fs::write(temp.path().join("notes.txt"), b"x").unwrap();
        let old = temp.path().join("old.age");
        let new = temp.path().join("new.age");
        std::fs::write(&old, b"x").unwrap();
        std::fs::write(&new, b"x").unwrap();
        let earlier = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000);
        std::fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(earlier)
            .unwrap();
        assert_eq!(places.newest_bundle(), Some(new));
    }
}

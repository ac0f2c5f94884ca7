//! Rewriting a file that people and other runs may be editing too, without
//! losing their edit or half-writing ours.
//!
//! [`edit_file`] does it in this order:
//!
//! 1. **lock**: an exclusive advisory lock on a sibling file,
//!    `.NAME.errcat-lock`, so a second run waits for the first and then
//!    edits the file with the first one's record in it;
//! 2. **read** the file, refusing one that may not be written (read-only by
//!    its mode or to this user) or that has other hard links (replacing it
//!    would leave them the old text);
//! 3. **edit** the bytes read;
//! 4. **write** a temporary file beside the target, with the target's mode
//!    (and, on Unix, its owner and group), and sync it to disk;
//! 5. **verify** the target still holds the bytes read: an editor that does
//!    not take the lock may have saved it meanwhile, and replacing it would
//!    lose that edit;
//! 6. **rename** the temporary file onto the target, atomically: a reader
//!    sees the old file or the new one, never a part;
//! 7. **release** the lock.
//!
//! A link is resolved first, so the link stays and its target is edited.
//! On every failure the target is as it was and the temporary file is gone.
//! Only the moment between the last check and the rename is unguarded
//! against editors that ignore the lock; no rename-based write can close it.

use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file was not rewritten. In every case it is as it was.
#[derive(Debug)]
pub enum EditError<E> {
    /// The edit declined, for its own reason.
    Edit(E),
    /// The file may not be written: its mode has no write permission, or
    /// the system refuses this user.
    ReadOnly,
    /// The file has this many names: replacing it would leave the others
    /// with the old text.
    HardLinks(u64),
    /// The file changed between being read and being replaced.
    Changed,
    /// Something failed on the way: what was being done, and the error.
    Io(String, io::Error),
}

/// Replaces the file at `path` (or, for a link, the file it leads to) with
/// what `edit` makes of its bytes, in the steps the module describes.
/// `edit` returns the new bytes and a value passed back to the caller.
pub fn edit_file<T, E>(
    path: &Path,
    edit: impl FnOnce(&[u8]) -> Result<(Vec<u8>, T), E>,
) -> Result<T, EditError<E>> {
    let target = fs::canonicalize(path).map_err(failed("cannot find", path))?;
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Err(EditError::Io(
            format!("cannot edit {}", target.display()),
            io::ErrorKind::InvalidInput.into(),
        ));
    };
    let lock = Lock::acquire(dir.join(sibling(name, "errcat-lock")))?;

    let metadata = fs::metadata(&target).map_err(failed("cannot read", &target))?;
    if metadata.permissions().readonly() {
        return Err(EditError::ReadOnly);
    }
    // The mode may allow others but not this user; opening for writing
    // (without truncating) asks the system itself.
    if let Err(e) = OpenOptions::new().write(true).open(&target) {
        return Err(match e.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                EditError::ReadOnly
            }
            _ => EditError::Io(format!("cannot write {}", target.display()), e),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if metadata.nlink() > 1 {
            return Err(EditError::HardLinks(metadata.nlink()));
        }
    }
    let before = fs::read(&target).map_err(failed("cannot read", &target))?;

    let (after, value) = edit(&before).map_err(EditError::Edit)?;

    let mut temporary = Temporary::create(dir, name)?;
    let wrote = failed("cannot write", &temporary.path);
    temporary
        .file
        .set_permissions(metadata.permissions())
        .map_err(&wrote)?;
    #[cfg(unix)]
    keep_owner(&temporary.file, &metadata).map_err(|e| {
        EditError::Io(
            format!("cannot keep the owner and group of {}", target.display()),
            e,
        )
    })?;
    temporary.file.write_all(&after).map_err(&wrote)?;
    temporary.file.sync_all().map_err(&wrote)?;

    let now = fs::read(&target).map_err(failed("cannot read", &target))?;
    if now != before {
        return Err(EditError::Changed);
    }
    fs::rename(&temporary.path, &target).map_err(failed("cannot replace", &target))?;
    temporary.renamed = true;
    // The rename is durable once the folder is synced. It has happened
    // either way, so a failure here is not one to report.
    #[cfg(unix)]
    let _ = File::open(dir).and_then(|d| d.sync_all());
    drop(lock);
    Ok(value)
}

/// `.NAME.SUFFIX`: hidden, so no catalogue folder reads it.
fn sibling(name: &std::ffi::OsStr, suffix: &str) -> OsString {
    let mut sibling = OsString::from(".");
    sibling.push(name);
    sibling.push(".");
    sibling.push(suffix);
    sibling
}

fn failed<E>(what: &str, path: &Path) -> impl Fn(io::Error) -> EditError<E> + use<E> {
    let what = format!("{what} {}", path.display());
    move |e| EditError::Io(what.clone(), e)
}

/// The owner and group of the old file, given to the new one: replacing a
/// file must not hand it to whoever ran the command.
#[cfg(unix)]
fn keep_owner(file: &File, old: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) == (old.uid(), old.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()))
}

/// An exclusive lock on a lock file, released (and the file removed) when
/// dropped. The operating system releases it too if the process dies, so
/// a crash never leaves a catalogue locked.
#[derive(Debug)]
struct Lock {
    path: PathBuf,
    // Held for its lock, which closing the file releases.
    _file: File,
}

impl Lock {
    fn acquire<E>(path: PathBuf) -> Result<Lock, EditError<E>> {
        let failed = failed("cannot lock", &path);
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(&failed)?;
            // Called by its trait's name: `File::lock` is newer than the
            // oldest Rust this crate supports.
            fs4::FileExt::lock(&file).map_err(&failed)?;
            // The holder before removed the file before releasing it: a
            // lock on a removed file keeps no one else out, so take the
            // lock on the file now at the path.
            if still_at(&path, &file).map_err(&failed)? {
                return Ok(Lock { path, _file: file });
            }
        }
    }
}

#[cfg(unix)]
fn still_at(path: &Path, file: &File) -> io::Result<bool> {
    use std::os::unix::fs::MetadataExt;
    match fs::metadata(path) {
        Ok(at_path) => {
            let held = file.metadata()?;
            Ok((at_path.dev(), at_path.ino()) == (held.dev(), held.ino()))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

// Elsewhere an open file cannot be removed, so the lock file stays.
#[cfg(not(unix))]
fn still_at(_: &Path, _: &File) -> io::Result<bool> {
    Ok(true)
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still locked, so no one can lock it meanwhile.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
    }
}

/// The new content on its way to the target's name: removed when dropped
/// unless it was renamed.
struct Temporary {
    path: PathBuf,
    file: File,
    renamed: bool,
}

impl Temporary {
    /// `.NAME.PID-N.errcat-tmp` beside the target, on its file system so
    /// that renaming it is atomic.
    fn create<E>(dir: &Path, name: &std::ffi::OsStr) -> Result<Temporary, EditError<E>> {
        let pid = std::process::id();
        let mut n = 0u32;
        loop {
            let path = dir.join(sibling(name, &format!("{pid}-{n}.errcat-tmp")));
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => {
                    return Ok(Temporary {
                        path,
                        file,
                        renamed: false,
                    });
                }
                // Left by a process of the same id that was killed.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 100 => n += 1,
                Err(e) => return Err(failed("cannot create", &path)(e)),
            }
        }
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    type Outcome = Result<(), EditError<String>>;

    fn append(text: &str) -> impl FnOnce(&[u8]) -> Result<(Vec<u8>, ()), String> + '_ {
        move |bytes| {
            let mut after = bytes.to_vec();
            after.extend_from_slice(text.as_bytes());
            Ok((after, ()))
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn the_edit_replaces_the_file_and_leaves_nothing_beside_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "one\n").unwrap();
        let seen = edit_file(&path, |bytes| {
            Ok::<_, String>((b"one\ntwo\n".to_vec(), bytes.to_vec()))
        })
        .unwrap();
        assert_eq!(seen, b"one\n");
        assert_eq!(fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[test]
    fn a_declined_edit_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "one\n").unwrap();
        let outcome: Result<(), _> =
            edit_file(&path, |_| Err::<(Vec<u8>, ()), _>("no".to_string()));
        assert!(matches!(outcome, Err(EditError::Edit(ref why)) if why == "no"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "one\n");
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[test]
    fn a_change_made_during_the_edit_is_kept_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "one\n").unwrap();
        let outcome: Outcome = edit_file(&path, |bytes| {
            // Another editor saves the file, without the lock.
            fs::write(&path, "one\ntheirs\n").unwrap();
            append("ours\n")(bytes)
        });
        assert!(matches!(outcome, Err(EditError::Changed)), "{outcome:?}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "one\ntheirs\n");
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[test]
    fn the_lock_is_held_from_the_read_to_the_rename_and_then_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        let lock = dir.path().join(".a.md.errcat-lock");
        fs::write(&path, "one\n").unwrap();
        let outcome: Outcome = edit_file(&path, |bytes| {
            let other = File::open(&lock).unwrap();
            assert!(matches!(
                fs4::FileExt::try_lock(&other),
                Err(fs4::TryLockError::WouldBlock)
            ));
            append("two\n")(bytes)
        });
        outcome.unwrap();
        assert!(!lock.exists());
    }

    #[test]
    fn a_second_edit_waits_and_reads_the_first_ones_result() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "one\n").unwrap();
        let (editing, first_is_editing) = mpsc::channel();
        let (go_on, may_go_on) = mpsc::channel::<()>();
        let path = &path;
        std::thread::scope(|scope| {
            let first = scope.spawn(move || {
                let outcome: Outcome = edit_file(path, |bytes| {
                    editing.send(()).unwrap();
                    may_go_on.recv().unwrap();
                    append("first\n")(bytes)
                });
                outcome.unwrap();
            });
            first_is_editing.recv().unwrap();
            // The first holds the lock now: the second cannot read before
            // the first has renamed its file.
            let second = scope.spawn(move || {
                edit_file(path, |bytes| {
                    let seen = String::from_utf8(bytes.to_vec()).unwrap();
                    append("second\n")(bytes).map(|(after, ())| (after, seen))
                })
                .unwrap()
            });
            go_on.send(()).unwrap();
            first.join().unwrap();
            assert_eq!(second.join().unwrap(), "one\nfirst\n");
        });
        assert_eq!(fs::read_to_string(path).unwrap(), "one\nfirst\nsecond\n");
        assert_eq!(names(dir.path()), ["a.md"]);
    }

    #[test]
    fn a_lock_file_left_behind_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        fs::write(&path, "one\n").unwrap();
        fs::write(dir.path().join(".a.md.errcat-lock"), "").unwrap();
        let outcome: Outcome = edit_file(&path, append("two\n"));
        outcome.unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "one\ntwo\n");
    }

    #[cfg(unix)]
    mod unix {
        use super::*;
        use std::os::unix::fs::{PermissionsExt, symlink};

        /// In octal, as `ls` and `chmod` show it.
        fn mode(path: &Path) -> String {
            format!(
                "{:o}",
                fs::metadata(path).unwrap().permissions().mode() & 0o7777
            )
        }

        #[test]
        fn the_mode_is_kept() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("a.md");
            fs::write(&path, "one\n").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
            let outcome: Outcome = edit_file(&path, append("two\n"));
            outcome.unwrap();
            assert_eq!(mode(&path), "640");
            assert_eq!(fs::read_to_string(&path).unwrap(), "one\ntwo\n");
        }

        #[test]
        fn a_read_only_file_is_refused() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("a.md");
            fs::write(&path, "one\n").unwrap();
            fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
            let outcome: Outcome = edit_file(&path, append("two\n"));
            assert!(matches!(outcome, Err(EditError::ReadOnly)), "{outcome:?}");
            assert_eq!(mode(&path), "444");
            assert_eq!(fs::read_to_string(&path).unwrap(), "one\n");
            assert_eq!(names(dir.path()), ["a.md"]);
        }

        #[test]
        fn a_link_stays_a_link_and_its_target_is_edited() {
            let dir = tempfile::tempdir().unwrap();
            fs::create_dir(dir.path().join("store")).unwrap();
            let target = dir.path().join("store/a.md");
            fs::write(&target, "one\n").unwrap();
            let link = dir.path().join("a.md");
            symlink("store/a.md", &link).unwrap();
            let outcome: Outcome = edit_file(&link, append("two\n"));
            outcome.unwrap();
            assert_eq!(fs::read_link(&link).unwrap(), Path::new("store/a.md"));
            assert_eq!(fs::read_to_string(&target).unwrap(), "one\ntwo\n");
            assert_eq!(names(dir.path()), ["a.md", "store"]);
            assert_eq!(names(&dir.path().join("store")), ["a.md"]);
        }

        #[test]
        fn a_file_with_other_hard_links_is_refused() {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("a.md");
            fs::write(&path, "one\n").unwrap();
            fs::hard_link(&path, dir.path().join("b.md")).unwrap();
            let outcome: Outcome = edit_file(&path, append("two\n"));
            assert!(
                matches!(outcome, Err(EditError::HardLinks(2))),
                "{outcome:?}"
            );
            assert_eq!(fs::read_to_string(&path).unwrap(), "one\n");
            assert_eq!(names(dir.path()), ["a.md", "b.md"]);
        }
    }
}

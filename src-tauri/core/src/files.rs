/*!
Plugboard's own files on disk: the index, the timeline, the saved client ids, lock files and logs.
This module owns three rules every one of them follows, so no caller has to remember them:

- **Private.** Folders are created `0700` and files `0600` (on Unix), and [`repair`] puts back those
  modes at start-up on anything an older version or a copy left more open. They hold no secret
  (secrets live in the keychain), but account names, scopes and history are nobody else's business.
- **Atomic.** [`write_private`] writes a temporary file in the same folder, flushes it and renames
  it over the old one: a crash or a full disk leaves the previous file whole.
- **Never a link.** Plugboard opens the files it makes with `O_NOFOLLOW` (temporary files also
  with `O_EXCL`) and makes its folders private through a handle opened the same way, so a symbolic
  link where one of its own files or folders belongs (`locks/`, a `.connections.json.lock`,
  `logs/plugboard.log`) is refused with [`LinkRefused`], naming the path, instead of followed:
  nothing is created, chmodded or written where it points. The exception is the data and config
  folders themselves: a person may keep them elsewhere with a link (another disk, a dotfiles
  manager), so [`crate::setup::Paths::new`] resolves such a link once, and everything below the
  target is then held to these rules like any other ([`repair`] too treats a root link's target
  fully). Links further up the path are the person's own business.
- **Never silently replaced.** A file that cannot be read as what it should be is moved aside as
  `<name>.corrupt-<UTC time>` by [`set_aside`] (kept for support), a notice is queued once for the
  person ([`take_notices`]), and the caller starts afresh. The index is the exception: it refuses to
  be overwritten instead (forgetting it would orphan keychain items), see [`crate::index`].
*/

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Mode of Plugboard's folders.
pub const DIR_MODE: u32 = 0o700;
/// Mode of Plugboard's files.
pub const FILE_MODE: u32 = 0o600;

/// Makes the process create everything private by default (umask 077), so files that other code
/// writes in Plugboard's folders (the log plugin's rotations, WebKit's caches) are private too.
pub fn private_by_default() {
    #[cfg(unix)]
    // SAFETY: umask only sets the process's file-mode creation mask; it cannot fail.
    unsafe {
        libc::umask(0o077);
    }
}

/// A symbolic link where one of Plugboard's own files or folders belongs: refused, not followed.
/// Carried inside the [`std::io::Error`] of the call that met it (`get_ref` / `downcast`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRefused {
    pub path: PathBuf,
}

impl std::fmt::Display for LinkRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::t(
            "files-link-refused",
            &[("path", self.path.display().to_string().into())],
        ))
    }
}

impl std::error::Error for LinkRefused {}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

fn link_refused(path: &Path) -> std::io::Error {
    std::io::Error::other(LinkRefused {
        path: path.to_path_buf(),
    })
}

/// `error` from opening `path` without following links, as [`LinkRefused`] when `path` is one.
fn refused_if_link(path: &Path, error: std::io::Error) -> std::io::Error {
    match is_link(path) {
        true => link_refused(path),
        false => error,
    }
}

/// Creates `dir` (and its parents) if needed; the folder itself is made `0700`. A link in its
/// place is refused ([`LinkRefused`]), its target left alone.
pub fn ensure_private_dir(dir: &Path) -> std::io::Result<()> {
    match fs::symlink_metadata(dir) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(link_refused(dir)),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut builder = fs::DirBuilder::new();
            builder.recursive(true);
            #[cfg(unix)]
            std::os::unix::fs::DirBuilderExt::mode(&mut builder, DIR_MODE);
            builder.create(dir)?;
        }
        Err(e) => return Err(e),
    }
    #[cfg(unix)]
    {
        // Through a handle that cannot be a link's target: a link swapped in since the check
        // above is refused too, never chmodded.
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let handle = fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NOFOLLOW | libc::O_DIRECTORY)
            .open(dir)
            .map_err(|e| refused_if_link(dir, e))?;
        if mode_of(&handle.metadata()?) != Some(DIR_MODE) {
            handle.set_permissions(fs::Permissions::from_mode(DIR_MODE))?;
        }
        Ok(())
    }
    #[cfg(not(unix))]
    set_mode(dir, DIR_MODE)
}

/// Checks, for a writer that opens its files itself (the window's log plugin), that `dir` and
/// `names` in it are not links: [`LinkRefused`] names the first that is. Missing ones are fine.
pub fn own_files(dir: &Path, names: &[&str]) -> std::io::Result<()> {
    std::iter::once(dir.to_path_buf())
        .chain(names.iter().map(|n| dir.join(n)))
        .find(|p| is_link(p))
        .map_or(Ok(()), |p| Err(link_refused(&p)))
}

/// Opens `path` for writing without truncating it, creating it `0600` (lock files, logs). A link
/// in its place (or in its folder's) is refused ([`LinkRefused`]): nothing is created or written
/// where it points.
pub fn open_private(path: &Path, append: bool) -> std::io::Result<fs::File> {
    if let Some(dir) = path.parent() {
        ensure_private_dir(dir)?;
    }
    let mut options = fs::OpenOptions::new();
    options.create(true).write(true);
    if append {
        options.append(true);
    } else {
        options.truncate(false);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(FILE_MODE).custom_flags(libc::O_NOFOLLOW);
    }
    #[cfg(not(unix))]
    if is_link(path) {
        return Err(link_refused(path));
    }
    options.open(path).map_err(|e| refused_if_link(path, e))
}

/// Writes `body` to `path` so that readers see the old file or the new one, never a part: a
/// `0600` temporary file in the same folder, flushed, renamed over the target, the folder synced.
pub fn write_private(path: &Path, body: &[u8]) -> std::io::Result<()> {
    // One temporary name per write (process and sequence), so concurrent writers never share one.
    static SEQUENCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let dir = path.parent().unwrap_or(Path::new("."));
    ensure_private_dir(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let n = SEQUENCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let tmp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
    let result = (|| {
        let mut options = fs::OpenOptions::new();
        options.create_new(true).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(FILE_MODE).custom_flags(libc::O_NOFOLLOW);
        }
        let mut f = options.open(&tmp)?;
        f.write_all(body)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        // Make the rename itself durable.
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Reads `path` as text: `Ok(None)` when it does not exist.
pub fn read_text(path: &Path) -> std::io::Result<Option<String>> {
    match fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes).map(Some).map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                crate::i18n::t("files-not-text", &[]),
            )
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// A file moved aside because it could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub original: PathBuf,
    pub kept_as: PathBuf,
}

static NOTICES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Moves an unreadable `path` aside as `<name>.corrupt-<UTC time>` so that a fresh file can take
/// its place, logs it, and queues a notice for the person (once per file set aside). `what` names
/// the file in the person's words ("the connection history").
pub fn set_aside(path: &Path, what: &str, why: &str, now: i64) -> std::io::Result<SetAside> {
    let stamp = crate::lifetime::rfc3339(now).replace([':', '-'], "");
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let mut kept_as = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut n = 1;
    while kept_as.exists() {
        n += 1;
        kept_as = path.with_file_name(format!("{name}.corrupt-{stamp}-{n}"));
    }
    fs::rename(path, &kept_as)?;
    log::warn!(
        "{} could not be read ({why}); kept as {} and started afresh",
        path.display(),
        kept_as.display()
    );
    NOTICES
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(crate::i18n::t(
            "files-set-aside",
            &[
                ("what", what.into()),
                ("why", why.into()),
                ("path", kept_as.display().to_string().into()),
            ],
        ));
    Ok(SetAside {
        original: path.to_path_buf(),
        kept_as,
    })
}

/// Queues a notice for the person beside those of [`set_aside`] (what a set-aside file meant).
pub fn queue_notice(text: impl Into<String>) {
    NOTICES
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .push(text.into());
}

/// Tests that read the process-wide notice queue take this first, so one test's
/// [`take_notices`] does not swallow another's notice.
#[cfg(test)]
pub(crate) static NOTICES_IN_TESTS: Mutex<()> = Mutex::new(());

/// The notices queued by [`set_aside`] since the last call (each is shown once).
pub fn take_notices() -> Vec<String> {
    std::mem::take(&mut *NOTICES.lock().unwrap_or_else(|p| p.into_inner()))
}

/// Puts back private modes on Plugboard's folders and everything in them (`0700`/`0600`), as they
/// would have been created; returns the paths it changed. One of `dirs` that is itself a link (a
/// data folder kept elsewhere) is repaired as the folder it points to, in full; links within are
/// left alone (and refused when Plugboard would write there).
pub fn repair(dirs: &[&Path]) -> Vec<PathBuf> {
    let mut changed = Vec::new();
    for dir in dirs {
        repair_tree(dir, 0, &mut changed);
    }
    if !changed.is_empty() {
        log::info!("made {} of Plugboard's files private again", changed.len());
    }
    changed
}

fn repair_tree(path: &Path, depth: usize, changed: &mut Vec<PathBuf>) {
    let meta = match depth {
        0 => fs::metadata(path),
        _ => fs::symlink_metadata(path),
    };
    let Ok(meta) = meta else {
        return;
    };
    let wanted = if meta.is_dir() {
        DIR_MODE
    } else if meta.is_file() {
        FILE_MODE
    } else {
        return;
    };
    if mode_of(&meta) != Some(wanted) && set_mode(path, wanted).is_ok() {
        changed.push(path.to_path_buf());
    }
    // Plugboard's folders are shallow; a deep tree is someone else's (WebKit's caches are private
    // through the umask already).
    if meta.is_dir() && depth < 3 {
        if let Ok(entries) = fs::read_dir(path) {
            for entry in entries.flatten() {
                repair_tree(&entry.path(), depth + 1, changed);
            }
        }
    }
}

#[cfg(unix)]
fn mode_of(meta: &fs::Metadata) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    Some(meta.permissions().mode() & 0o777)
}

#[cfg(not(unix))]
fn mode_of(_: &fs::Metadata) -> Option<u32> {
    None
}

fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(path, fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
        Ok(())
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("plugboard-files-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn files_and_folders_are_created_private_and_repaired_to_private() {
        let dir = scratch("modes");
        let file = dir.join("data").join("connections.json");
        write_private(&file, b"{}").unwrap();
        assert_eq!(mode(&dir.join("data")), 0o700);
        assert_eq!(mode(&file), 0o600);
        let lock = dir.join("data").join(".x.lock");
        drop(open_private(&lock, false).unwrap());
        assert_eq!(mode(&lock), 0o600);

        fs::set_permissions(&file, fs::Permissions::from_mode(0o644)).unwrap();
        fs::set_permissions(dir.join("data"), fs::Permissions::from_mode(0o755)).unwrap();
        let changed = repair(&[&dir.join("data")]);
        assert_eq!(changed.len(), 2, "{changed:?}");
        assert_eq!(mode(&dir.join("data")), 0o700);
        assert_eq!(mode(&file), 0o600);
        assert!(
            repair(&[&dir.join("data")]).is_empty(),
            "nothing left to repair"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_unreadable_file_is_kept_beside_with_its_time_and_one_notice() {
        let dir = scratch("aside");
        let file = dir.join("timeline.json");
        write_private(&file, b"garbage").unwrap();
        let _queue = NOTICES_IN_TESTS.lock().unwrap_or_else(|p| p.into_inner());
        take_notices();
        let aside = set_aside(&file, "the connection history", "not JSON", 1_796_083_200).unwrap();
        assert!(!file.exists());
        assert_eq!(
            aside.kept_as.file_name().unwrap(),
            "timeline.json.corrupt-20261201T000000Z"
        );
        assert_eq!(fs::read(&aside.kept_as).unwrap(), b"garbage");
        // A second one in the same second does not overwrite the first.
        write_private(&file, b"more garbage").unwrap();
        let again = set_aside(&file, "the connection history", "not JSON", 1_796_083_200).unwrap();
        assert_ne!(again.kept_as, aside.kept_as);
        let notices = take_notices();
        assert!(
            notices
                .iter()
                .filter(|n| n.contains("connection history"))
                .count()
                >= 2,
            "{notices:?}"
        );
        assert!(take_notices()
            .iter()
            .all(|n| !n.contains(dir.to_str().unwrap())));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_log_file_that_is_a_link_gets_no_lines() {
        let dir = scratch("linked-log");
        let elsewhere = dir.join("elsewhere.txt");
        fs::create_dir_all(dir.join("logs")).unwrap();
        fs::write(&elsewhere, b"someone else's\n").unwrap();
        let log = dir.join("logs").join("plugboard-cli.log");
        std::os::unix::fs::symlink(&elsewhere, &log).unwrap();
        let refused = open_private(&log, true).unwrap_err().to_string();
        assert!(refused.contains("plugboard-cli.log"), "{refused}");
        assert_eq!(fs::read(&elsewhere).unwrap(), b"someone else's\n");
        // The window's log (written by its log plugin) is checked before the plugin opens it.
        assert!(own_files(&dir.join("logs"), &["plugboard-cli.log"]).is_err());
        assert!(own_files(&dir.join("logs"), &["plugboard.log"]).is_ok());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_logs_folder_that_is_a_link_is_refused() {
        let dir = scratch("linked-logs");
        let elsewhere = dir.join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.join("logs")).unwrap();
        let log = dir.join("logs").join("plugboard-cli.log");
        assert!(open_private(&log, true).is_err());
        assert_eq!(fs::read_dir(&elsewhere).unwrap().count(), 0);
        let refused = own_files(&dir.join("logs"), &["plugboard.log"]).unwrap_err();
        assert!(refused.to_string().contains("logs"), "{refused}");
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_data_folder_that_is_a_link_is_repaired_as_the_folder_it_points_to() {
        // A person may keep the whole folder elsewhere (another disk, a dotfiles manager): its
        // target is treated fully, the index within made private too.
        let dir = scratch("linked-data");
        let target = dir.join("on-another-disk");
        let index = target.join("connections.json");
        fs::create_dir_all(&target).unwrap();
        fs::write(&index, b"{}").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o755)).unwrap();
        fs::set_permissions(&index, fs::Permissions::from_mode(0o644)).unwrap();
        let link = dir.join("dev.plugboard.desktop");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        repair(&[&link]);
        assert_eq!(mode(&target), 0o700);
        assert_eq!(mode(&index), 0o600);
        // Below it, a link is still refused rather than followed.
        std::os::unix::fs::symlink(&dir, target.join("locks")).unwrap();
        assert!(ensure_private_dir(&link.join("locks")).is_err());
        fs::remove_dir_all(dir).unwrap();
    }
}

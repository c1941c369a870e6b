/*!
Refreshes are single-flight across processes: the window's timer, a `plugboard token` in a shell
and a `plugboard refresh` in a script must never spend the same rotating refresh token twice (a
provider with reuse detection would revoke the whole grant). Within one process
[`crate::service::Connections::refresh`] already queues callers on an in-memory lock; this module
adds an advisory file lock per connection (`<data dir>/locks/<connection id>.lock`, via the standard
library's `File::try_lock`: `flock` on Unix, `LockFileEx` on Windows), held for the whole
read-refresh-write. Whoever gets it second re-reads the connection and usually finds the work done.

The lock is released when the [`FlightLock`] drops, and by the OS if the process dies, so a crash
never leaves a connection locked. Lock files hold nothing and are left in place (removing them
while another process waits would let two processes lock two different files).

The same kind of lock, held briefly and waited for without a limit ([`with_file_lock`]), keeps the
read-modify-write of the shared index and timeline files from interleaving between processes.
*/

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::connection::ConnectionId;

/// How long a refresh waits for another process's refresh of the same connection (unless
/// `PLUGBOARD_REFRESH_WAIT_SECS` says otherwise, see [`crate::settings`]).
pub const WAIT: Duration = Duration::from_secs(60);

#[derive(Debug, thiserror::Error)]
pub enum FlightError {
    #[error("another Plugboard has been refreshing this connection for over {0:?}")]
    Busy(Duration),
    #[error("could not use the refresh lock {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// A held refresh lock for one connection.
#[derive(Debug)]
pub struct FlightLock {
    _file: File,
}

/// The lock file of connection `id` under `data_dir`.
pub fn lock_path(data_dir: &Path, id: &ConnectionId) -> PathBuf {
    data_dir.join("locks").join(format!("{id}.lock"))
}

/// Takes connection `id`'s refresh lock, waiting up to `wait` for another process to let go.
pub async fn acquire(
    data_dir: &Path,
    id: &ConnectionId,
    wait: Duration,
) -> Result<FlightLock, FlightError> {
    let path = lock_path(data_dir, id);
    let io = |source| FlightError::Io {
        path: path.clone(),
        source,
    };
    let file = open_lock_file(&path).map_err(io)?;
    let started = Instant::now();
    let mut logged = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(FlightLock { _file: file }),
            Err(TryLockError::WouldBlock) => {
                if started.elapsed() >= wait {
                    return Err(FlightError::Busy(wait));
                }
                if !logged {
                    log::info!("{id}: another process is refreshing; waiting for it");
                    logged = true;
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(TryLockError::Error(e)) => return Err(io(e)),
        }
    }
}

/// Runs `f` holding an exclusive lock on `.<file name>.lock` beside `path`, waiting as long as
/// another process or thread holds it (they hold it only for one read-modify-write).
pub(crate) fn with_file_lock<T>(path: &Path, f: impl FnOnce() -> T) -> std::io::Result<T> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let lock = open_lock_file(&path.with_file_name(format!(".{name}.lock")))?;
    lock.lock()?;
    let out = f();
    drop(lock);
    Ok(out)
}

/// Opens (creating it `0600` and its folder `0700` if needed) an empty lock file, never
/// truncating it.
fn open_lock_file(path: &Path) -> std::io::Result<File> {
    crate::files::open_private(path, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(flavor = "current_thread")]
    async fn a_second_holder_waits_until_the_first_lets_go() {
        let dir = std::env::temp_dir().join(format!("plugboard-flight-{}", std::process::id()));
        let id = ConnectionId::parse("hubspot-00000001").unwrap();
        let first = acquire(&dir, &id, WAIT).await.unwrap();
        // A second open file description of the same file is refused while the first holds it,
        // as a second process would be.
        let busy = acquire(&dir, &id, Duration::from_millis(200)).await;
        assert!(matches!(busy, Err(FlightError::Busy(_))), "{busy:?}");
        drop(first);
        acquire(&dir, &id, Duration::from_millis(200))
            .await
            .unwrap();
        let _ = std::fs::remove_dir_all(dir);
    }

    #[cfg(unix)]
    #[tokio::test(flavor = "current_thread")]
    async fn a_locks_folder_that_is_a_link_is_refused_and_its_target_left_alone() {
        use std::os::unix::fs::PermissionsExt;
        let root =
            std::env::temp_dir().join(format!("plugboard-flight-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let (dir, elsewhere) = (root.join("data"), root.join("elsewhere"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::os::unix::fs::symlink(&elsewhere, dir.join("locks")).unwrap();
        let id = ConnectionId::parse("hubspot-00000001").unwrap();
        let refused = acquire(&dir, &id, WAIT).await.unwrap_err().to_string();
        assert!(
            refused.contains("locks") && refused.contains("symbolic link"),
            "{refused}"
        );
        let mode = std::fs::metadata(&elsewhere).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755, "the link's target was chmodded");
        assert_eq!(
            std::fs::read_dir(&elsewhere).unwrap().count(),
            0,
            "a lock file was made there"
        );
        let _ = std::fs::remove_dir_all(root);
    }
}

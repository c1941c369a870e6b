//! What the scheduler sleeps on between two looks, so that a Plugboard hidden in the tray wakes
//! only when something is due or something happened — never to poll.
//!
//! - **The planned moment**, as a wall-clock (`CLOCK_REALTIME`) timer: a `timerfd` armed for the
//!   absolute moment with `TFD_TIMER_CANCEL_ON_SET`, so that the wall clock being set (by a person,
//!   NTP stepping it, or a resume from suspend: the kernel cancels such timers then too) ends the
//!   wait at once with [`Woken::ClockSet`], and the plan is remade on the new clock.
//! - **The connection index** changed on disk (another process: a connection added in a shell, a
//!   refresh by `plugboard token`): `inotify` on its folder, for its file name only (it is
//!   replaced by a rename, so the folder is what can be watched).
//! - **A resume from suspend**, from logind's `PrepareForSleep(false)` on the system bus where
//!   there is one (the timer's cancel covers it too; the scheduler also compares
//!   `CLOCK_BOOTTIME` with the monotonic clock after every wait, for systems with neither).
//! - **A change of plan** in this process, told by the core (`Connections::plan_changed`): a
//!   refresh began or ended, a failure, the keychain's state.
//!
//! Elsewhere than Linux, or if a descriptor cannot be made, the wait is a plain sleep of at most
//! [`FALLBACK_MAX`], as the index is then only seen changed by looking.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;

/// The longest wait when the index cannot be watched or the timer cannot be made.
pub const FALLBACK_MAX: Duration = Duration::from_secs(5);

/// Why a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Woken {
    /// The planned moment came.
    Due,
    /// Something in this process changed what the plan depends on.
    Kicked,
    /// The index file changed.
    IndexChanged,
    /// The wall clock was set, or the machine resumed: remake every plan.
    ClockSet,
}

/// The scheduler's wake sources (see the module doc).
pub struct Waker {
    #[cfg(target_os = "linux")]
    timer: Option<tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>>,
    #[cfg(target_os = "linux")]
    index: Option<(
        tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>,
        std::ffi::OsString,
    )>,
    resumed: Arc<Notify>,
}

impl Waker {
    /// Must be called inside the async runtime (the descriptors register with it).
    pub fn new(index_path: &Path) -> Self {
        let resumed = Arc::new(Notify::new());
        #[cfg(target_os = "linux")]
        {
            listen_for_resume(resumed.clone());
            let timer = linux::timer()
                .inspect_err(|e| log::info!("no wall-clock timer ({e}): waking every few seconds"))
                .ok();
            let index = linux::watch(index_path)
                .inspect_err(|e| {
                    log::info!("not watching the connection index ({e}): looking every few seconds")
                })
                .ok();
            Self {
                timer,
                index,
                resumed,
            }
        }
        #[cfg(not(target_os = "linux"))]
        {
            let _ = index_path;
            Self { resumed }
        }
    }

    /// Waits until unix second `at`, or until something happened (see [`Woken`]).
    pub async fn until(&mut self, at: i64, kick: &Notify) -> Woken {
        let resumed = self.resumed.clone();
        tokio::select! {
            woken = self.due_or_changed(at) => woken,
            _ = kick.notified() => Woken::Kicked,
            _ = resumed.notified() => Woken::ClockSet,
        }
    }

    #[cfg(target_os = "linux")]
    async fn due_or_changed(&mut self, at: i64) -> Woken {
        let armed = match &self.timer {
            Some(timer) => linux::arm(timer.get_ref(), at)
                .inspect_err(|e| log::warn!("could not arm the timer: {e}"))
                .is_ok(),
            None => false,
        };
        let fallback = !armed || self.index.is_none();
        let timer = async {
            match (&self.timer, armed) {
                (Some(timer), true) => linux::fired(timer).await,
                _ => std::future::pending().await,
            }
        };
        let index = async {
            match &self.index {
                Some((fd, name)) => linux::changed(fd, name).await,
                None => std::future::pending().await,
            }
        };
        let fallback_sleep = async {
            if fallback {
                sleep_until(at, FALLBACK_MAX).await
            } else {
                std::future::pending().await
            }
        };
        tokio::select! {
            woken = timer => woken,
            woken = index => woken,
            woken = fallback_sleep => woken,
        }
    }

    #[cfg(not(target_os = "linux"))]
    async fn due_or_changed(&mut self, at: i64) -> Woken {
        sleep_until(at, FALLBACK_MAX).await
    }
}

/// A plain sleep until unix second `at`, at most `max`: [`Woken::Due`] either way (a look that
/// finds nothing due plans again).
async fn sleep_until(at: i64, max: Duration) -> Woken {
    let left = at
        .saturating_sub(plugboard_core::service::unix_now())
        .max(0) as u64;
    tokio::time::sleep(Duration::from_secs(left).min(max)).await;
    Woken::Due
}

/// logind says the machine resumed (`PrepareForSleep(false)`): `resumed` is notified. A thread
/// that waits for the signal; where there is no system bus or no logind, nothing.
#[cfg(target_os = "linux")]
fn listen_for_resume(resumed: Arc<Notify>) {
    crate::signals::watch(
        "resume-watch",
        crate::signals::Bus::System,
        "type='signal',sender='org.freedesktop.login1',\
         interface='org.freedesktop.login1.Manager',member='PrepareForSleep'",
        "for resume from suspend (logind)",
        move |message| {
            if let Ok(false) = message.body().deserialize::<bool>() {
                log::info!("the machine resumed from suspend");
                resumed.notify_one();
            }
        },
    );
}

#[cfg(target_os = "linux")]
mod linux {
    use std::ffi::OsString;
    use std::mem::MaybeUninit;
    use std::os::fd::{AsFd, OwnedFd};
    use std::path::Path;

    use rustix::fs::inotify;
    use rustix::io::Errno;
    use rustix::time::{
        timerfd_create, timerfd_settime, Itimerspec, TimerfdClockId, TimerfdFlags,
        TimerfdTimerFlags, Timespec,
    };
    use tokio::io::unix::AsyncFd;

    use super::Woken;

    pub fn timer() -> std::io::Result<AsyncFd<OwnedFd>> {
        let fd = timerfd_create(
            TimerfdClockId::Realtime,
            TimerfdFlags::NONBLOCK | TimerfdFlags::CLOEXEC,
        )?;
        register(fd)
    }

    /// `fd` registered with the runtime for reading.
    fn register(fd: OwnedFd) -> std::io::Result<AsyncFd<OwnedFd>> {
        // SAFETY: an `OwnedFd` is a valid open descriptor, and the `AsyncFd` owns it until it
        // is dropped: it stays open and names the same file description all that time.
        unsafe { AsyncFd::register_with_interest(fd, tokio::io::Interest::READABLE) }
            .map_err(std::io::Error::other)
    }

    /// Arms `fd` for unix second `at` on the wall clock, cancelled if the clock is set.
    pub fn arm(fd: &OwnedFd, at: i64) -> std::io::Result<()> {
        let zero = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        let spec = Itimerspec {
            it_interval: zero,
            // A moment already past fires at once; 0 would disarm it.
            it_value: Timespec {
                tv_sec: at.max(1),
                tv_nsec: 0,
            },
        };
        timerfd_settime(
            fd.as_fd(),
            TimerfdTimerFlags::ABSTIME | TimerfdTimerFlags::CANCEL_ON_SET,
            &spec,
        )?;
        Ok(())
    }

    /// The timer fired ([`Woken::Due`]) or was cancelled by a clock change ([`Woken::ClockSet`]).
    pub async fn fired(fd: &AsyncFd<OwnedFd>) -> Woken {
        loop {
            let Ok(mut ready) = fd.readable().await else {
                return std::future::pending().await;
            };
            let mut buf = [0u8; 8];
            match rustix::io::read(fd.get_ref(), &mut buf) {
                Ok(_) => return Woken::Due,
                Err(Errno::CANCELED) => return Woken::ClockSet,
                Err(Errno::AGAIN) => ready.clear_ready(),
                Err(e) => {
                    log::warn!("the timer failed: {e}");
                    return std::future::pending().await;
                }
            }
        }
    }

    /// An inotify descriptor watching the folder of `path` for `path`'s name.
    pub fn watch(path: &Path) -> std::io::Result<(AsyncFd<OwnedFd>, OsString)> {
        let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
            return Err(std::io::Error::other("no folder"));
        };
        let fd = inotify::init(inotify::CreateFlags::NONBLOCK | inotify::CreateFlags::CLOEXEC)?;
        inotify::add_watch(
            &fd,
            dir,
            inotify::WatchFlags::CLOSE_WRITE
                | inotify::WatchFlags::MOVED_TO
                | inotify::WatchFlags::MOVED_FROM
                | inotify::WatchFlags::CREATE
                | inotify::WatchFlags::DELETE,
        )?;
        Ok((register(fd)?, name.to_os_string()))
    }

    /// Waits for an event about the file `name` (events about other files are read and let go).
    pub async fn changed(fd: &AsyncFd<OwnedFd>, name: &OsString) -> Woken {
        use std::os::unix::ffi::OsStrExt;
        let mut buf = [MaybeUninit::<u8>::uninit(); 4096];
        loop {
            let Ok(mut ready) = fd.readable().await else {
                return std::future::pending().await;
            };
            let mut reader = inotify::Reader::new(fd.get_ref(), &mut buf);
            let mut ours = false;
            loop {
                match reader.next() {
                    Ok(event) => {
                        ours |= event
                            .file_name()
                            .is_some_and(|n| n.to_bytes() == name.as_bytes());
                        // The folder itself went: nothing more will come.
                        if event.events().contains(inotify::ReadFlags::IGNORED) {
                            log::info!("the connection index's folder is gone: no longer watched");
                            return if ours {
                                Woken::IndexChanged
                            } else {
                                std::future::pending().await
                            };
                        }
                    }
                    Err(Errno::AGAIN) => break,
                    Err(e) => {
                        log::warn!("watching the connection index failed: {e}");
                        return std::future::pending().await;
                    }
                }
                if reader.is_buffer_empty() && ours {
                    break;
                }
            }
            ready.clear_ready();
            if ours {
                return Woken::IndexChanged;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_wait_ends_at_the_planned_moment_and_when_the_index_changes() {
        let dir = std::env::temp_dir().join(format!("plugboard-wake-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let index = dir.join("connections.json");
        let kick = Notify::new();
        let mut waker = Waker::new(&index);
        // A moment already past: at once.
        let now = plugboard_core::service::unix_now();
        assert_eq!(waker.until(now - 10, &kick).await, Woken::Due);
        // Another file in the folder changes: still waiting.
        std::fs::write(dir.join("other.lock"), "x").unwrap();
        let other =
            tokio::time::timeout(Duration::from_millis(700), waker.until(now + 3_600, &kick)).await;
        assert!(other.is_err(), "woken by another file: {other:?}");
        // The index replaced by a rename (as `files::write_private` does): woken.
        let writer = {
            let dir = dir.clone();
            tokio::spawn(async move {
                tokio::time::sleep(Duration::from_millis(200)).await;
                std::fs::write(dir.join(".connections.json.tmp"), "{}").unwrap();
                std::fs::rename(
                    dir.join(".connections.json.tmp"),
                    dir.join("connections.json"),
                )
                .unwrap();
            })
        };
        let woken = tokio::time::timeout(Duration::from_secs(30), waker.until(now + 3_600, &kick))
            .await
            .expect("woken by the index long before the planned hour");
        assert_eq!(woken, Woken::IndexChanged);
        writer.await.unwrap();
        // A kick from this process.
        kick.notify_one();
        assert_eq!(waker.until(now + 3_600, &kick).await, Woken::Kicked);
        // The planned moment, two seconds from now, on the wall clock.
        let at = plugboard_core::service::unix_now() + 2;
        assert_eq!(waker.until(at, &kick).await, Woken::Due);
        assert!(plugboard_core::service::unix_now() >= at);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/*!
Moments a process must not be stopped in: from the moment a refresh request is sent until the
keychain and the index hold what the provider answered (and the like for a sign-in's save and a
disconnect). A rotating provider has spent the old refresh token as soon as it answers: a process
that ends in between takes the only live copy of the grant with it.

The service marks such a moment with a [`Custody`] guard; a front end that handles stop signals
(the command line: Ctrl-C, `kill`, a closed terminal) asks [`busy`] before it honours one and
waits with [`wait_idle`] for the moment to end. This module owns only that bookkeeping (one count
per process); what a signal does is the front end's.
*/

use std::sync::{Condvar, Mutex};
use std::time::Duration;

static OPEN: Mutex<usize> = Mutex::new(0);
static ENDED: Condvar = Condvar::new();

fn open() -> std::sync::MutexGuard<'static, usize> {
    OPEN.lock().unwrap_or_else(|p| p.into_inner())
}

/// A moment in which stopping the process would lose what a provider just issued. Held by the
/// service from before the request until the keychain and index writes return; dropped however
/// that ends.
#[must_use = "custody lasts as long as the guard"]
pub struct Custody(());

impl Custody {
    /// Starts a moment of custody.
    pub fn hold() -> Self {
        *open() += 1;
        Custody(())
    }
}

impl Drop for Custody {
    fn drop(&mut self) {
        let mut n = open();
        *n = n.saturating_sub(1);
        if *n == 0 {
            ENDED.notify_all();
        }
    }
}

/// Whether the process is in a moment of custody now.
pub fn busy() -> bool {
    *open() > 0
}

/// Waits until no moment of custody is open, at most `limit`; `true` when none is.
pub fn wait_idle(limit: Duration) -> bool {
    let guard = open();
    let (guard, _) = ENDED
        .wait_timeout_while(guard, limit, |n| *n > 0)
        .unwrap_or_else(|p| p.into_inner());
    *guard == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custody_is_busy_while_a_guard_lives_and_a_waiter_wakes_when_it_ends() {
        // Other tests of this process may hold custody too: only what this one holds is asserted.
        let guard = Custody::hold();
        let nested = Custody::hold();
        assert!(busy());
        assert!(!wait_idle(Duration::from_millis(10)));
        drop(nested);
        assert!(busy());
        let waiter = std::thread::spawn(|| wait_idle(Duration::from_secs(30)));
        std::thread::sleep(Duration::from_millis(50));
        drop(guard);
        assert!(waiter.join().unwrap());
    }
}

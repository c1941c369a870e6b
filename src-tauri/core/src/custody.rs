/*!
Moments a process must not be stopped in: from the moment a refresh request is sent until the
keychain and the index hold what the provider answered (and the like for a sign-in's save and a
disconnect). A rotating provider has spent the old refresh token as soon as it answers: a process
that ends in between takes the only live copy of the grant with it.

The service marks such a moment with a [`Custody`] guard. [`handle_stop_signals`] (both front
ends call it at start) makes `SIGINT`, `SIGTERM` and `SIGHUP` respect it: outside a moment they do
what they always did (the default action, so a shell or a session manager sees the process end by
that signal); inside one they wait for it to end and are honoured then. A second signal meanwhile
calls the front end's `on_second` (the command line says "finishing the refresh — press Ctrl-C
again to abandon it"); a third is honoured at once. `SIGKILL` cannot wait (SECURITY.md §5).
*/

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// What a moment of custody protects (for the words a second stop signal gets).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A refresh: from its request until its keychain and index writes return.
    Refresh,
    /// A sign-in: from its code exchange until its connection is saved.
    SignIn,
    /// A disconnect: from its index write until the keychain item is removed.
    Disconnect,
}

struct Open {
    count: usize,
    /// The moment opened last (what is said to a second signal).
    last: Moment,
}

static OPEN: Mutex<Open> = Mutex::new(Open {
    count: 0,
    last: Moment::Refresh,
});
static ENDED: Condvar = Condvar::new();

fn open() -> MutexGuard<'static, Open> {
    OPEN.lock().unwrap_or_else(|p| p.into_inner())
}

/// A moment in which stopping the process would lose what a provider just issued. Held by the
/// service from before the request until the keychain and index writes return; dropped however
/// that ends.
#[must_use = "custody lasts as long as the guard"]
pub struct Custody(());

impl Custody {
    /// Starts a moment of custody.
    pub fn hold(moment: Moment) -> Self {
        let mut o = open();
        o.count += 1;
        o.last = moment;
        Custody(())
    }
}

impl Drop for Custody {
    fn drop(&mut self) {
        let mut o = open();
        o.count = o.count.saturating_sub(1);
        if o.count == 0 {
            ENDED.notify_all();
        }
    }
}

/// The moment of custody open now (the last opened, when several are), if any.
pub fn current() -> Option<Moment> {
    let o = open();
    (o.count > 0).then_some(o.last)
}

/// Whether the process is in a moment of custody now.
pub fn busy() -> bool {
    current().is_some()
}

/// Waits until no moment of custody is open, at most `limit`; `true` when none is (the window
/// waits so before it quits, so Quit in the middle of a refresh finishes saving it first).
pub fn wait_idle(limit: Duration) -> bool {
    let guard = open();
    let (guard, _) = ENDED
        .wait_timeout_while(guard, limit, |o| o.count > 0)
        .unwrap_or_else(|p| p.into_inner());
    guard.count == 0
}

/// Runs `end` (which ends the process) once no moment of custody is open — with the count held,
/// so no moment can start between the look and the end.
#[cfg(unix)]
fn end_when_idle(end: impl FnOnce() -> std::convert::Infallible) -> ! {
    let guard = open();
    let _guard = ENDED
        .wait_while(guard, |o| o.count > 0)
        .unwrap_or_else(|p| p.into_inner());
    match end() {}
}

/// Makes the stop signals respect custody for the rest of the process (a thread waits for them);
/// `on_second` runs, with what is being finished, when a second signal arrives while the first
/// still waits.
#[cfg(unix)]
pub fn handle_stop_signals(on_second: impl Fn(Moment) + Send + 'static) {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = match signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) {
        Ok(signals) => signals,
        Err(e) => {
            log::warn!("stop signals are not handled: {e}");
            return;
        }
    };
    let started = std::thread::Builder::new()
        .name("stop-signals".into())
        .spawn(move || {
            let mut waiting = 0u32;
            for signal in signals.forever() {
                let moment = {
                    let o = open();
                    if o.count == 0 {
                        // Ended with the count held: no moment starts in between.
                        stop(signal);
                    }
                    o.last
                };
                waiting += 1;
                match waiting {
                    1 => {
                        log::info!("signal {signal} waits for {moment:?} to be saved");
                        // Honoured as soon as the moment ends.
                        let _ = std::thread::Builder::new()
                            .name("stop-after-custody".into())
                            .spawn(move || end_when_idle(|| stop(signal)));
                    }
                    2 => on_second(moment),
                    _ => {
                        log::warn!("{moment:?} in progress abandoned by signal {signal}");
                        stop(signal);
                    }
                }
            }
        });
    if let Err(e) = started {
        log::warn!("stop signals are not handled: {e}");
    }
}

/// Elsewhere stop signals keep their default action.
#[cfg(not(unix))]
pub fn handle_stop_signals(on_second: impl Fn(Moment) + Send + 'static) {
    let _ = on_second;
}

/// Ends the process as the signal's default action would.
#[cfg(unix)]
fn stop(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    // Not reached for these signals; a plain exit with the shell's convention otherwise.
    std::process::exit(128 + signal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custody_is_busy_while_a_guard_lives_and_a_waiter_wakes_when_it_ends() {
        // Other tests of this process may hold custody too: only what this one holds is asserted.
        let guard = Custody::hold(Moment::Refresh);
        let nested = Custody::hold(Moment::Disconnect);
        assert_eq!(current(), Some(Moment::Disconnect));
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

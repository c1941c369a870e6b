//! Stop signals: Ctrl-C (`SIGINT`), `kill` (`SIGTERM`) and a closed terminal (`SIGHUP`).
//!
//! Outside a moment of custody ([`plugboard_core::custody`]) a signal stops the command as it
//! always did: the default action, so a shell or a script sees the command end by that signal.
//! Inside one — a refresh between its request to the provider and the return of its keychain and
//! index writes, where a rotating provider has already spent the old refresh token — the signal
//! waits for the moment to end and is honoured then. A second signal meanwhile says "finishing
//! the refresh — press Ctrl-C again to abandon it"; a third is honoured at once (the person
//! chose to). `SIGKILL` cannot wait: SECURITY.md says what it can still cost.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use plugboard_core::i18n::t;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Signals received while a moment of custody was open (reset never: the command is ending).
static WAITING: AtomicU32 = AtomicU32::new(0);

/// Starts handling stop signals for the rest of the process (a thread that waits for them).
pub fn handle_stop_signals() {
    let mut signals = match Signals::new([SIGINT, SIGTERM, SIGHUP]) {
        Ok(signals) => signals,
        Err(e) => {
            log::warn!("stop signals are not handled: {e}");
            return;
        }
    };
    let started = std::thread::Builder::new()
        .name("stop-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                on_signal(signal);
            }
        });
    if let Err(e) = started {
        log::warn!("stop signals are not handled: {e}");
    }
}

fn on_signal(signal: i32) {
    if !plugboard_core::custody::busy() {
        stop(signal);
    }
    match WAITING.fetch_add(1, Ordering::SeqCst) {
        0 => {
            log::info!("signal {signal} waits for the refresh in progress to be saved");
            // Honoured as soon as the moment ends.
            let _ = std::thread::Builder::new()
                .name("stop-after-custody".into())
                .spawn(move || loop {
                    if plugboard_core::custody::wait_idle(Duration::from_secs(3600)) {
                        stop(signal);
                    }
                });
        }
        1 => {
            use std::io::Write;
            let mut err = std::io::stderr();
            let _ = writeln!(err, "{}", t("cli-finishing-refresh", &[]));
            let _ = err.flush();
        }
        _ => {
            log::warn!("the refresh in progress was abandoned by signal {signal}");
            stop(signal);
        }
    }
}

/// Ends the process as the signal's default action would.
fn stop(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    // Not reached for these signals; a plain exit with the shell's convention otherwise.
    std::process::exit(128 + signal)
}

//! Start-up in the order a person sees it: the window first, then what it does not need to be
//! seen. `lib.rs`'s setup shows the window at once (unless Plugboard starts in the tray), opens
//! the connections and wires sign-in links — what the page's first answer needs — and leaves the
//! rest for after the first paint ([`after_first_paint`]): the tray icon (loading appindicator and
//! registering on the bus), the scheduler, the watchers of the keychain and the tray host, and the
//! token service's name on the session bus ([`crate::tokens_bus`]).
//! The page says when it has painted (the `painted` command, after its first frame); if it never
//! does (a page that failed, a window that stays hidden), the rest starts [`AT_THE_LATEST`] after
//! the setup anyway.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager};

/// The longest the rest of the start-up waits for the page's first paint.
pub const AT_THE_LATEST: Duration = Duration::from_secs(3);

/// Whether the rest has started (managed by the app).
#[derive(Default)]
pub struct Rest {
    started: AtomicBool,
    /// Plugboard was launched for its window (not by the login entry into the tray).
    for_window: AtomicBool,
}

/// Setup's end: remembers how Plugboard was launched and starts the rest at the latest
/// [`AT_THE_LATEST`] from now.
pub fn wait_for_first_paint(app: &AppHandle, for_window: bool) {
    app.state::<Rest>()
        .for_window
        .store(for_window, Ordering::Relaxed);
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("start-up".into())
        .spawn(move || {
            std::thread::sleep(AT_THE_LATEST);
            after_first_paint(&app);
        });
    if let Err(e) = spawned {
        log::warn!("could not wait for the first paint: {e}");
    }
}

/// The page painted (or waiting is over): the rest of the start-up, once, on the main thread
/// (the tray is GTK's).
pub fn after_first_paint(app: &AppHandle) {
    let Some(rest) = app.try_state::<Rest>() else {
        return;
    };
    if rest.started.swap(true, Ordering::SeqCst) {
        return;
    }
    let for_window = rest.for_window.load(Ordering::Relaxed);
    let handle = app.clone();
    let _ = app.run_on_main_thread(move || start_rest(&handle, for_window));
}

fn start_rest(app: &AppHandle, for_window: bool) {
    // A desktop without the appindicator library makes tray-icon panic as it loads it:
    // Plugboard then runs without a tray (closing the window quits), as where none shows.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| crate::tray::start(app))) {
        Ok(Ok(tray)) => {
            let _ = app.state::<crate::tray::TraySlot>().0.set(tray);
        }
        Ok(Err(e)) => log::warn!("no tray icon: {e}"),
        Err(_) => log::warn!("no tray icon: the appindicator library could not be loaded"),
    }
    if !for_window {
        crate::tray::first_show(app);
    }
    crate::scheduler::start(app);
    crate::keychain::watch(app);
    crate::tray::watch_host(app);
    // The token service's name on the bus: programs may ask once the window can ask the person.
    let name = app
        .state::<crate::state::AppState>()
        .vault
        .service()
        .to_string();
    crate::tokens_bus::serve(app, name);
}

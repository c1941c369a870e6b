//! Keeps tokens fresh while the app runs: once a second asks the core which connections are due
//! (recomputed from the wall clock, so a machine that slept refreshes on its first tick awake) and
//! refreshes them in the background. It is also the page's watcher: a connection index changed by
//! any process, or a wake, is told to the page as a change (the index is re-read only when its
//! file changed, so a look costs a `stat`). The core's single flight means a Refresh click at the
//! same moment shares the same request. Also re-checks a locked or missing keychain every 15 s
//! (and, at start and once it is back, which connections lost their item and which items need a
//! new label: [`crate::keychain`]),
//! and each tick hands the tray and notifications their look at every connection
//! ([`crate::attention::tick`]). It saves tokens a refresh could not save ([`plugboard_core::service`]'s
//! held tokens) and takes the clock-skew notice back once the clock is right. It runs whether the window is shown or hidden in the tray.

use std::time::Duration;

use plugboard_core::lifetime::KeychainState;
use tauri::{AppHandle, Manager};

use crate::events;
use crate::state::{AppState, NoticeLevel};

pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let mut ticks: u64 = 0;
        // The clock-skew notice on show, if any (taken back when the clock reads right).
        let mut skew_notice: Option<u64> = None;
        // Versions of the index seen (0: none yet). The first look after start may tell the page
        // of a version it already rendered: harmless, a render that finds nothing changed does
        // nothing.
        let mut index_seen = 0;
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            ticks += 1;
            let Ok(service) = app.state::<AppState>().service() else {
                // Nothing to keep fresh; the tray says so instead of "No connections yet".
                crate::tray::show_problem(&app);
                return;
            };
            if ticks.is_multiple_of(5) {
                crate::tray::rescue_if_stranded(&app);
            }
            if service.keychain_state() != KeychainState::Ready
                && ticks.is_multiple_of(15)
                && service.probe_keychain().await.is_ok()
            {
                log::info!("the keychain is available again");
                crate::keychain::look(&app).await;
                crate::keychain::relabel(&app).await;
                events::changed(&app);
            }
            // At start: connections whose keychain item went while Plugboard was not running,
            // then items labelled otherwise than Plugboard labels them now.
            if ticks == 1 {
                let app = app.clone();
                tauri::async_runtime::spawn(async move {
                    crate::keychain::look(&app).await;
                    crate::keychain::relabel(&app).await;
                });
            }
            warn_about_skew(&app, &mut skew_notice);
            // Tokens a refresh (here, or by a command) could not save: into the keychain at
            // start and every 15 s while any wait, under each connection's refresh lock.
            if (ticks == 1 || ticks.is_multiple_of(15)) && service.holds_unsaved() {
                let app = app.clone();
                let service = service.clone();
                tauri::async_runtime::spawn(async move {
                    if service.save_held().await == 0 {
                        log::info!("held tokens saved to the keychain");
                        events::changed(&app);
                    }
                });
            }
            // A file found unreadable and set aside since the last tick (by a refresh, say): say
            // so now, once.
            for problem in plugboard_core::files::take_notices() {
                events::notify(&app, NoticeLevel::Warning, problem);
            }
            let due = match service.due_refreshes() {
                Ok(due) => due,
                Err(e) => {
                    log::warn!("could not read the connections: {e}");
                    continue;
                }
            };
            // The tray and notifications: what needs the person now.
            match service.attention() {
                Ok(subjects) => {
                    let now = plugboard_core::service::unix_now();
                    crate::tray::show_subjects(&app, &subjects, now);
                    crate::attention::tick(&app, &subjects, now);
                }
                Err(e) => log::warn!("could not read the connections for the tray: {e}"),
            }
            // The index changed (a connection made in a shell, a refresh by `plugboard token`),
            // or the machine slept: the page hears it now, so it needs no polling of its own.
            let version = service.index_version();
            let index_changed = std::mem::replace(&mut index_seen, version) != version;
            if index_changed | service.take_wake() {
                events::changed(&app);
            }
            // After start and after a sleep (a little later, a few at a time, only connections
            // not confirmed lately): check signed-in connections with their identity call (a 401
            // gets one refresh, then "Reconnect needed"). Only a changed row is redrawn.
            let checks = service.take_checks();
            if !checks.is_empty() {
                let app = app.clone();
                let service = service.clone();
                tauri::async_runtime::spawn(async move {
                    service
                        .run_checks(checks, |id| events::connection_changed(&app, id))
                        .await;
                });
            }
            for id in due {
                let app = app.clone();
                let service = service.clone();
                events::connection_changed(&app, &id);
                // A failure shows on its row; one that needs the person is told by the next
                // tick's look ([`crate::attention::tick`]): in the page or by notification.
                tauri::async_runtime::spawn(async move {
                    let _ = service.refresh_if_due(&id).await;
                    events::connection_changed(&app, &id);
                });
            }
        }
    });
}

/// A clock more than a minute off the providers' makes every expiry wrong: said once while it
/// is off, and taken back when it reads right again (the skew follows clock steps, see
/// [`plugboard_core::http::last_skew`]).
fn warn_about_skew(app: &AppHandle, shown: &mut Option<u64>) {
    let skew = plugboard_core::http::last_skew()
        .filter(|s| s.seconds.abs() > plugboard_core::lifetime::SKEW_WARNING);
    match (skew, *shown) {
        (Some(skew), None) => {
            let id = if skew.seconds > 0 {
                "shell-clock-behind"
            } else {
                "shell-clock-ahead"
            };
            let args = [
                ("seconds", skew.seconds.abs().into()),
                ("host", skew.host.as_str().into()),
            ];
            *shown = Some(events::notify_withdrawable(
                app,
                NoticeLevel::Warning,
                plugboard_core::i18n::t(id, &args),
            ));
        }
        (None, Some(id)) => {
            log::info!("the clock reads right again");
            events::withdraw(app, id);
            *shown = None;
        }
        _ => {}
    }
}

//! Keeps tokens fresh while the app runs, and sleeps in between: each look asks the core which
//! connections are due (recomputed from the wall clock, so a machine that slept refreshes on its
//! first look awake) and refreshes them in the background, then asks the core when the next look
//! is due ([`plugboard_core::service::plan`]: a refresh, a retry, the identity checks, a moment
//! the clock changes what the tray or a notification says) and waits for that moment or for
//! something to happen ([`wake`]: the index changed on disk — by any process, this one included —,
//! the wall clock was set, the machine resumed, or the core says a plan changed: a refresh began
//! or ended, a failure, the keychain). A window hidden in the
//! tray therefore does not wake between due moments; the page keeps its own countdowns while
//! shown and has no timer while hidden.
//!
//! It is also the page's watcher: a connection index changed by any process, or a wake, is told
//! to the page as a change (the index is re-read only when its file changed, so a look costs a
//! `stat`). The core's single flight means a Refresh click at the same moment shares the same
//! request. While the keychain is locked or missing it is looked at again every
//! [`RETRY_EVERY`] seconds (and, at start and once it is back, which connections lost their item
//! and which items need a new label: [`crate::keychain`]), and each look hands the tray and
//! notifications their look at every connection ([`crate::attention::tick`]). It saves tokens a
//! refresh could not save ([`plugboard_core::service`]'s held tokens) and takes the clock-skew
//! notice back once the clock is right. It runs whether the window is shown or hidden in the
//! tray.

mod wake;

use std::time::{Duration, Instant};

use plugboard_core::lifetime::KeychainState;
use plugboard_core::service::plan::RETRY_EVERY;
use tauri::{AppHandle, Manager};

use crate::events;
use crate::state::{AppState, NoticeLevel};

pub fn start(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        // The first paint comes first.
        tokio::time::sleep(Duration::from_secs(1)).await;
        let Ok(service) = app.state::<AppState>().service() else {
            // Nothing to keep fresh; the tray says so instead of "No connections yet".
            crate::tray::show_problem(&app);
            return;
        };
        let mut waker = wake::Waker::new(service.index_path());
        let mut first = true;
        // The clock-skew notice on show, if any (taken back when the clock reads right).
        let mut skew_notice: Option<u64> = None;
        // Versions of the index seen (0: none yet). The first look after start may tell the page
        // of a version it already rendered: harmless, a render that finds nothing changed does
        // nothing.
        let mut index_seen = 0;
        // When the keychain was last probed and held tokens last tried (every RETRY_EVERY).
        let mut probed = i64::MIN;
        let mut saved = i64::MIN;
        loop {
            let now = plugboard_core::service::unix_now();
            if service.keychain_state() != KeychainState::Ready && now - probed >= RETRY_EVERY {
                probed = now;
                if service.probe_keychain().await.is_ok() {
                    log::info!("the keychain is available again");
                    crate::keychain::look(&app).await;
                    crate::keychain::relabel(&app).await;
                    events::changed(&app);
                }
            }
            // At start: connections whose keychain item went while Plugboard was not running,
            // then items labelled otherwise than Plugboard labels them now.
            if std::mem::take(&mut first) {
                let app = app.clone();
                tauri::async_runtime::spawn(async move {
                    crate::keychain::look(&app).await;
                    crate::keychain::relabel(&app).await;
                });
            }
            warn_about_skew(&app, &mut skew_notice);
            // Tokens a refresh (here, or by a command) could not save: into the keychain at
            // start and every RETRY_EVERY seconds while any wait, under each connection's
            // refresh lock.
            if service.holds_unsaved() && now - saved >= RETRY_EVERY {
                saved = now;
                let app = app.clone();
                let service = service.clone();
                tauri::async_runtime::spawn(async move {
                    if service.save_held().await == 0 {
                        log::info!("held tokens saved to the keychain");
                        events::changed(&app);
                    }
                });
            }
            // A file found unreadable and set aside since the last look (by a refresh, say):
            // say so now, once.
            for problem in plugboard_core::files::take_notices() {
                events::notify(&app, NoticeLevel::Warning, problem);
            }
            match service.due_refreshes() {
                Ok(due) => {
                    for id in due {
                        let app = app.clone();
                        let service = service.clone();
                        events::connection_changed(&app, &id);
                        // A failure shows on its row; one that needs the person is told by the
                        // next look ([`crate::attention::tick`]): in the page or by notification.
                        tauri::async_runtime::spawn(async move {
                            let _ = service.refresh_if_due(&id).await;
                            events::connection_changed(&app, &id);
                        });
                    }
                }
                Err(e) => log::warn!("could not read the connections: {e}"),
            }
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
            // Then sleep until the next due moment, or until something happens.
            let at = match service.plan_next_look() {
                Ok(plan) => {
                    log::debug!("next look at {} ({:?})", plan.at, plan.reason);
                    plan.at
                }
                Err(e) => {
                    log::warn!("could not plan the next look: {e}");
                    plugboard_core::service::unix_now() + RETRY_EVERY
                }
            };
            let (boot, started) = (plugboard_core::lifetime::boot_seconds(), Instant::now());
            let woken = waker.until(at, service.plan_changed()).await;
            // Suspended meanwhile (the boot clock counts the sleep, the monotonic one not), or
            // the wall clock set: every plan made before is remade.
            let suspended = plugboard_core::lifetime::boot_seconds()
                - boot
                - started.elapsed().as_secs() as i64
                > plugboard_core::lifetime::WAKE_GAP;
            if woken == wake::Woken::ClockSet || suspended {
                service.note_wake();
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

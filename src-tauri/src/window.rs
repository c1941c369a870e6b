//! The window's comings and goings. It starts hidden (tauri.conf.json) and is shown once set up,
//! unless Plugboard was started at login ([`IN_TRAY`]) and a tray is there to live in. Closing
//! it keeps Plugboard running in the tray when there is one and the person wants that (Settings;
//! the first time it says so, once); otherwise closing quits, as before the tray. Quit is in the
//! tray's menu. A second launch, a link, the tray or a notification bring it back, the latter two
//! at a connection (the page hears [`SHOW_CONNECTION_EVENT`] and scrolls to it).

use std::time::Duration;

use plugboard_core::connection::ConnectionId;
use tauri::{AppHandle, Emitter, Manager, WebviewWindow, WindowEvent};

use crate::state::AppState;

/// The argument the login entry starts Plugboard with: open in the tray, not as a window.
pub const IN_TRAY: &str = "--in-tray";

/// The page scrolls to and highlights the connection this event names.
pub const SHOW_CONNECTION_EVENT: &str = "show-connection";

/// How long a start at login waits for the desktop's tray to come up before showing the window.
const TRAY_WAIT: Duration = Duration::from_secs(10);

fn main_window(app: &AppHandle) -> Option<WebviewWindow> {
    app.get_webview_window("main")
}

/// Shows the window at start-up, or, started with [`IN_TRAY`], leaves it hidden as long as a
/// tray appears within a few seconds (a panel may start after Plugboard at login).
pub fn first_show(app: &AppHandle, args: &[String]) {
    if !args.iter().any(|a| a == IN_TRAY) {
        return bring_back(app, None);
    }
    log::info!("started in the tray");
    let app = app.clone();
    std::thread::spawn(move || {
        let deadline = std::time::Instant::now() + TRAY_WAIT;
        while !crate::tray::present(&app) {
            if std::time::Instant::now() >= deadline {
                log::info!("no tray appeared: showing the window instead");
                return bring_back(&app, None);
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    });
}

/// Shows, restores and focuses the window; with `at`, the page scrolls to that connection.
pub fn bring_back(app: &AppHandle, at: Option<&ConnectionId>) {
    if let Some(window) = main_window(app) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
    if let Some(id) = at {
        let _ = app.emit(SHOW_CONNECTION_EVENT, id.as_str());
    }
}

/// Whether the person can see the window now (shown and not minimized): what the window shows
/// needs no notification.
pub fn is_seen(app: &AppHandle) -> bool {
    main_window(app)
        .is_some_and(|w| w.is_visible().unwrap_or(false) && !w.is_minimized().unwrap_or(false))
}

/// The window's close button: hide into the tray, or let it close (and Plugboard quit).
pub fn on_event(window: &tauri::Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let app = window.app_handle();
    let state = app.state::<AppState>();
    if !state.preferences.get().keep_in_tray || !crate::tray::present(app) {
        log::info!("window closed: quitting");
        return;
    }
    api.prevent_close();
    let _ = window.hide();
    log::info!("window closed: still running in the tray");
    if !state.preferences.get().tray_notice_shown {
        crate::attention::send(
            app,
            plugboard_core::attention::Message {
                title: "Plugboard is still running".into(),
                body: "It keeps your connections fresh in the background and tells you when one needs you. Open it again from its icon in the tray; choose Quit Plugboard there to end it.".into(),
                target: None,
            },
            true,
        );
        if let Err(e) = state.preferences.update(|p| p.tray_notice_shown = true) {
            log::warn!(
                "could not note that the tray notice was shown: {}",
                e.message
            );
        }
    }
}

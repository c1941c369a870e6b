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
const TRAY_WAIT: Duration = Duration::from_secs(30);

fn main_window(app: &AppHandle) -> Option<WebviewWindow> {
    app.get_webview_window("main")
}

/// Whether a launch with `args` is for the window: anything but the login entry's [`IN_TRAY`]
/// alone (a link, even with it, is for the window: the person is signing in).
pub fn wants_window(args: &[String]) -> bool {
    let link = args
        .iter()
        .any(|a| a.starts_with(&format!("{}:", plugboard_core::deeplink::SCHEME)));
    link || !args.iter().any(|a| a == IN_TRAY)
}

/// Shows the window at start-up, or, started with [`IN_TRAY`], leaves it hidden as long as a
/// tray appears within half a minute (a panel may start after Plugboard at login). When the
/// connections cannot be opened, the window shows at once: it says why.
pub fn first_show(app: &AppHandle, args: &[String]) {
    if wants_window(args) || app.state::<AppState>().connections.is_err() {
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

/// The window is hidden in a tray that went away (the panel quit, its extension was turned off):
/// shown again, so Plugboard is never running with no way back to it.
pub fn rescue_if_stranded(app: &AppHandle) {
    let hidden = main_window(app).is_some_and(|w| !w.is_visible().unwrap_or(true));
    if hidden && !crate::tray::present(app) {
        log::info!("the tray went away while the window was hidden: showing the window");
        bring_back(app, None);
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
                title: plugboard_core::i18n::t("still-running-title", &[]),
                body: plugboard_core::i18n::t("still-running-body", &[]),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_login_entrys_launch_stays_in_the_tray() {
        let args = |list: &[&str]| list.iter().map(|a| a.to_string()).collect::<Vec<_>>();
        assert!(wants_window(&args(&["plugboard-window"])));
        assert!(!wants_window(&args(&["plugboard-window", IN_TRAY])));
        // A sign-in link is for the window, whatever else the launch says.
        assert!(wants_window(&args(&[
            "plugboard-window",
            IN_TRAY,
            "dev.plugboard.desktop:/oauth/callback?code=x&state=y",
        ])));
    }
}

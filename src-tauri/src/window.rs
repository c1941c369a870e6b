//! The window itself: shown, restored and focused ([`bring_back`]), and whether the person sees it.
//! A second launch, a link, the tray or a notification bring it back, the latter two at a
//! connection (the page hears [`SHOW_CONNECTION_EVENT`] and scrolls to it). Where it goes when
//! closed, and whether it shows at start, depend on the tray: that lives with the tray
//! ([`crate::tray`]).

use plugboard_core::connection::ConnectionId;
use tauri::{AppHandle, Emitter, Manager, WebviewWindow};

/// The argument the login entry starts Plugboard with: open in the tray, not as a window.
pub const IN_TRAY: &str = "--in-tray";

/// The page scrolls to and highlights the connection this event names.
pub const SHOW_CONNECTION_EVENT: &str = "show-connection";

pub fn main_window(app: &AppHandle) -> Option<WebviewWindow> {
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

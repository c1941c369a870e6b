//! Telling the person when a connection needs them, while the window is closed: each scheduler
//! tick asks the core which connections need someone ([`plugboard_core::attention`]) and, after
//! the tray has drawn them ([`crate::tray::show_subjects`]), tells needs not told before: as a notice in the page when the window
//! is in view, otherwise as one desktop notification (unless the person turned them off). Also the
//! notification for a sign-in that completed while the window was hidden, and the tray's Refresh
//! all.
//!
//! Notifications go through notify-rust (the freedesktop Notifications service on Linux). Each
//! carries a default action, so a click opens the window at the connection; a thread waits for
//! that click or the notification's closing. Nothing here ever holds a token: messages are built
//! from provider names, accounts and times.

use plugboard_core::attention::{self, Message};
use plugboard_core::service::ConnectionView;
use tauri::{AppHandle, Manager};

use crate::state::AppState;
use crate::window;

/// One look at every connection (each scheduler tick, after the tray's): needs not told before
/// are told, in the page or by notification.
pub fn tick(app: &AppHandle, subjects: &[plugboard_core::attention::Subject], now: i64) {
    let state = app.state::<AppState>();
    let message = {
        let mut watch = state.watch.lock().unwrap_or_else(|p| p.into_inner());
        let new = watch.review(subjects);
        if new.is_empty() {
            return;
        }
        attention::compose(&plugboard_core::i18n::current(), &new, now)
    };
    let Some(message) = message else {
        return;
    };
    if window::is_seen(app) {
        // The window is in view: told there, beside the row that shows it.
        crate::events::notify(app, crate::state::NoticeLevel::Warning, message.body);
        return;
    }
    send(app, message, false);
}

/// A sign-in finished: told by notification when the window is hidden (otherwise the page says it).
pub fn signed_in(app: &AppHandle, provider: &str, connection: &ConnectionView) {
    if window::is_seen(app) {
        return;
    }
    let m = &*plugboard_core::i18n::current();
    let args = [
        ("provider", provider.into()),
        ("account", connection.account.as_str().into()),
    ];
    send(
        app,
        Message {
            title: m.get("signed-in-title", &args),
            body: m.get("signed-in-body", &args),
            target: Some(connection.id.clone()),
        },
        false,
    );
}

/// The tray's Refresh all: every connection now. What fails shows in the tray at once (its icon
/// and line), and a need it reveals (reconnect) is notified by the next tick like any other.
pub fn refresh_all(app: &AppHandle) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let Ok(service) = app.state::<AppState>().service() else {
            return;
        };
        match service.refresh_all().await {
            Ok(outcomes) => {
                let failed = outcomes.iter().filter(|(_, o)| o.is_err()).count();
                log::info!(
                    "refresh all: {} of {} refreshed",
                    outcomes.len() - failed,
                    outcomes.len()
                );
            }
            Err(e) => log::warn!("refresh all: {e}"),
        }
        crate::events::changed(&app);
    });
}

/// Shows `message` as a desktop notification (unless notifications are off and it is not
/// `essential`); a click on it opens the window at its connection.
pub fn send(app: &AppHandle, message: Message, essential: bool) {
    if !essential && !app.state::<AppState>().preferences.get().notifications {
        log::info!("not notifying ({}): notifications are off", message.title);
        return;
    }
    log::info!("notifying: {}", message.title);
    let open = plugboard_core::i18n::t("notification-open", &[]);
    let app = app.clone();
    std::thread::spawn(move || {
        let mut notification = notify_rust::Notification::new();
        notification
            .appname("Plugboard")
            .summary(&message.title)
            .body(&message.body)
            .icon("plugboard");
        #[cfg(all(unix, not(target_os = "macos")))]
        notification
            .action("default", &open)
            .hint(notify_rust::Hint::DesktopEntry("plugboard".into()));
        match notification.show() {
            #[cfg(all(unix, not(target_os = "macos")))]
            Ok(handle) => handle.wait_for_action(|action| {
                if action == "default" {
                    log::info!("notification clicked: {}", message.title);
                    let target = message.target.clone();
                    let app2 = app.clone();
                    let _ =
                        app.run_on_main_thread(move || window::bring_back(&app2, target.as_ref()));
                }
            }),
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            Ok(_) => {}
            Err(e) => log::warn!("could not show a notification: {e}"),
        }
    });
}

//! Telling the person when a connection needs them, while the window is closed: each scheduler
//! tick asks the core which connections need someone ([`plugboard_core::attention`]) and, after
//! the tray has drawn them ([`crate::tray::show_subjects`]), tells needs not told before: as a notice in the page when the window
//! is in view, otherwise as one desktop notification (unless the person turned them off). Also the
//! notification for a sign-in that completed while the window was hidden, and the tray's Refresh
//! all.
//!
//! What was told is taken back when it stops being true ([`Told`]): a connection whose need
//! ended (reconnected, unlocked, refreshed) or became another has its notice withdrawn from the
//! page and its desktop notification closed (`CloseNotification`), once every connection it
//! spoke of is past it.
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

/// What was told and where, so it can be taken back: each telling (a notice in the page, or a
/// desktop notification) with the connections it spoke of. Managed state.
#[derive(Default)]
pub struct Told(std::sync::Mutex<Vec<Telling>>);

struct Telling {
    /// The connections it spoke of that still need what it said.
    about: Vec<String>,
    /// The page's notice, when told there.
    notice: Option<u64>,
    /// The desktop notification's id, once the daemon gave one.
    notification: Option<u32>,
    key: u64,
}

impl Told {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Telling>> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Remembers a telling about `about`; its key, for the notification's id later.
    fn remember(&self, about: Vec<String>, notice: Option<u64>) -> u64 {
        static KEYS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let key = KEYS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.lock().push(Telling {
            about,
            notice,
            notification: None,
            key,
        });
        key
    }

    fn notification_shown(&self, key: u64, id: u32) {
        if let Some(t) = self.lock().iter_mut().find(|t| t.key == key) {
            t.notification = Some(id);
        }
    }

    /// Forgets `ended` connections in every telling; returns the tellings now about nobody.
    fn end(&self, ended: &[String]) -> Vec<(Option<u64>, Option<u32>)> {
        let mut tellings = self.lock();
        for t in tellings.iter_mut() {
            t.about.retain(|id| !ended.contains(id));
        }
        let (done, kept): (Vec<Telling>, Vec<Telling>) =
            tellings.drain(..).partition(|t| t.about.is_empty());
        *tellings = kept;
        done.into_iter()
            .map(|t| (t.notice, t.notification))
            .collect()
    }
}

/// One look at every connection (each scheduler tick, after the tray's): needs not told before
/// are told, in the page or by notification; what was told of needs that ended is taken back.
pub fn tick(app: &AppHandle, subjects: &[plugboard_core::attention::Subject], now: i64) {
    let state = app.state::<AppState>();
    let (message, about, ended) = {
        let mut watch = state.watch.lock().unwrap_or_else(|p| p.into_inner());
        let (new, ended) = watch.review_ending(subjects);
        let about: Vec<String> = new.iter().map(|(s, _)| s.id.to_string()).collect();
        (
            attention::compose(&plugboard_core::i18n::current(), &new, now),
            about,
            ended,
        )
    };
    if !ended.is_empty() {
        for (notice, notification) in app.state::<Told>().end(&ended) {
            if let Some(id) = notice {
                crate::events::withdraw(app, id);
            }
            if let Some(id) = notification {
                close_notification(id);
            }
        }
    }
    let Some(message) = message else {
        return;
    };
    if window::is_seen(app) {
        // The window is in view: told there, in the window's own words (its rows have the
        // buttons), until it stops being true.
        let id = crate::events::notify_withdrawable(
            app,
            crate::state::NoticeLevel::Warning,
            message.page,
        );
        app.state::<Told>().remember(about, Some(id));
        return;
    }
    let key = app.state::<Told>().remember(about, None);
    send_told(app, message, false, Some(key));
}

/// Closes desktop notification `id` (its news is no longer true): the freedesktop
/// `CloseNotification`, on the session bus.
fn close_notification(id: u32) {
    #[cfg(target_os = "linux")]
    std::thread::spawn(move || {
        let closed = zbus::blocking::Connection::session().and_then(|bus| {
            bus.call_method(
                Some("org.freedesktop.Notifications"),
                "/org/freedesktop/Notifications",
                Some("org.freedesktop.Notifications"),
                "CloseNotification",
                &(id),
            )
            .map(|_| ())
        });
        match closed {
            Ok(()) => log::info!("notification {id} closed: no longer true"),
            Err(e) => log::info!("could not close notification {id}: {e}"),
        }
    });
    #[cfg(not(target_os = "linux"))]
    let _ = id;
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
        Message::new(
            m.get("signed-in-title", &args),
            m.get("signed-in-body", &args),
            Some(connection.id.clone()),
        ),
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
    send_told(app, message, essential, None);
}

/// As [`send`]; the notification's id is kept with telling `told` (to close it later).
fn send_told(app: &AppHandle, message: Message, essential: bool, told: Option<u64>) {
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
            Ok(handle) => {
                if let Some(key) = told {
                    app.state::<Told>().notification_shown(key, handle.id());
                }
                handle.wait_for_action(|action| {
                    if action == "default" {
                        log::info!("notification clicked: {}", message.title);
                        let target = message.target.clone();
                        let app2 = app.clone();
                        let _ = app
                            .run_on_main_thread(move || window::bring_back(&app2, target.as_ref()));
                    }
                })
            }
            #[cfg(not(all(unix, not(target_os = "macos"))))]
            Ok(_) => {}
            Err(e) => log::warn!("could not show a notification: {e}"),
        }
    });
}

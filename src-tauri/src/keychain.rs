//! Learns of keychain changes made outside Plugboard, so what the window says stays true: an item
//! deleted in a keyring app, a keyring daemon restarted. It listens on the session bus for the
//! Secret Service's own signals (a collection's `ItemCreated`/`ItemDeleted`/`ItemChanged`, and
//! `org.freedesktop.secrets` changing owner) and then lets the core compare the item listing with
//! the index ([`plugboard_core::service::Connections::notice_lost_items`]: one call, no secret
//! read). Threads that wait for messages: nothing wakes while nothing changes. Also looked at
//! once at start, by the scheduler, which then has the items' labels brought up to date
//! ([`relabel`]).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// Starts listening (Linux: the Secret Service lives on the session bus).
pub fn watch(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    for rule in [
        "type='signal',interface='org.freedesktop.Secret.Collection'",
        "type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',\
         member='NameOwnerChanged',arg0='org.freedesktop.secrets'",
    ] {
        let app = app.clone();
        crate::signals::watch(
            "keychain-watch",
            crate::signals::Bus::Session,
            rule,
            "the keychain for changes",
            move |_| changed(&app),
        );
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// The keychain changed: after a short pause (a keyring app deletes several items at once, a
/// restarted daemon announces itself in a few steps), one look.
fn changed(app: &AppHandle) {
    static PENDING: AtomicBool = AtomicBool::new(false);
    if PENDING.swap(true, Ordering::SeqCst) {
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        PENDING.store(false, Ordering::SeqCst);
        look(&app).await;
    });
}

/// Marks connections whose keychain item is gone (see the module's doc); the page redraws the
/// rows marked now.
pub async fn look(app: &AppHandle) {
    let Ok(service) = app.state::<AppState>().service() else {
        return;
    };
    match service.notice_lost_items().await {
        // Only news redraws: a row marked before already shows it.
        Ok((_, marked)) if !marked.is_empty() => {
            log::info!("{} connection(s) lost their keychain item", marked.len());
            for id in &marked {
                crate::events::connection_changed(app, id);
            }
        }
        Ok(_) => {}
        Err(e) => log::info!("could not compare the keychain with the connections: {e}"),
    }
}

/// Relabels the keychain items whose label is not the one Plugboard gives them now (an older
/// version's keyring default, a rename a locked keychain did not take): at start and when the
/// keychain is back ([`plugboard_core::service::Connections::relabel_items`]: one listing, no
/// secret read, never a prompt; a locked keychain is tried again next time).
pub async fn relabel(app: &AppHandle) {
    if let Ok(service) = app.state::<AppState>().service() {
        service.relabel_items().await;
    }
}

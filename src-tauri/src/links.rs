/*!
Sign-in responses coming back into the running app, and the events that tell the page.

A response arrives three ways: as the argument of a cold start (`get_current`), forwarded from a
second launch by single-instance (`on_open_url`), or on the loopback listener. Each is logged
without its query and handed to the core's `complete_sign_in`, which refuses an unknown, reused or
expired `state` before any token request. The outcome becomes a notice in the person's words.
*/

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use plugboard_core::connection::ConnectionId;
use plugboard_core::deeplink::IncomingLink;
use plugboard_core::i18n::t;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

use crate::state::{AppState, NoticeLevel};

/// The event the page listens to for notices.
pub const NOTICE_EVENT: &str = "plugboard://notice";
/// The event that takes a notice back when its condition ended (its id as payload).
pub const NOTICE_WITHDRAWN_EVENT: &str = "plugboard://notice-withdrawn";
/// Connections or pending sign-ins changed: `{ all, ids }`, gathered (see [`changed`]).
pub const CHANGED_EVENT: &str = "plugboard://changed";

pub fn setup(app: &AppHandle) {
    // A development build (run from a checkout, no installer step) registers the scheme at every
    // start, so the desktop file points at this binary (RFC 8252 §7.1 private-use scheme). A
    // release build is installed: its package's entry registers the scheme, and the app never
    // rewrites what the package installed; it only asks whether the desktop sends the scheme there.
    #[cfg(all(debug_assertions, any(target_os = "linux", windows)))]
    {
        let registered = match app.deep_link().register_all() {
            Ok(()) => {
                log::info!(
                    "deep-link scheme {} registered",
                    plugboard_core::deeplink::SCHEME
                );
                true
            }
            Err(e) => {
                log::warn!("could not register the deep-link scheme: {e}");
                false
            }
        };
        let _ = app.state::<AppState>().scheme_ready.set(registered);
    }
    #[cfg(all(not(debug_assertions), target_os = "linux"))]
    {
        // Asked off the main thread (`xdg-mime` is a shell script; the page is loading meanwhile);
        // a command asking before the answer waits for it.
        let handle = app.clone();
        std::thread::spawn(move || {
            if !scheme_ready(&handle) {
                log::warn!(
                    "sign-in links ({}) do not open Plugboard: the desktop's handler is not its \
                     entry {} (is Plugboard installed from its package?)",
                    plugboard_core::deeplink::SCHEME,
                    plugboard_core::deeplink::DESKTOP_ENTRY
                );
            }
        });
    }

    let handle = app.clone();
    app.deep_link().on_open_url(move |event| {
        for url in event.urls() {
            receive(&handle, url.as_str());
        }
    });

    match app.deep_link().get_current() {
        Ok(Some(urls)) => {
            for url in urls {
                receive(app, url.as_str());
            }
        }
        Ok(None) => {}
        Err(e) => log::warn!("could not read the start-up link: {e}"),
    }
}

/// Whether sign-in links reach this app: in a development build, whether registering the scheme
/// at start-up worked; in an installed one, whether the desktop's handler of the scheme is the
/// packaged entry; on macOS, always (the bundle's Info.plist declares it).
pub fn scheme_ready(app: &AppHandle) -> bool {
    *app.state::<AppState>()
        .scheme_ready
        .get_or_init(|| cfg!(target_os = "macos") || packaged_entry_handles_the_scheme())
}

/// `xdg-mime query default x-scheme-handler/<scheme>` names the packaged entry.
#[cfg(target_os = "linux")]
fn packaged_entry_handles_the_scheme() -> bool {
    std::process::Command::new("xdg-mime")
        .args([
            "query",
            "default",
            &format!("x-scheme-handler/{}", plugboard_core::deeplink::SCHEME),
        ])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .is_some_and(|out| {
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .map(str::trim)
                == Some(plugboard_core::deeplink::DESKTOP_ENTRY)
        })
}

#[cfg(not(target_os = "linux"))]
fn packaged_entry_handles_the_scheme() -> bool {
    false
}

pub fn notify(app: &AppHandle, level: NoticeLevel, message: impl Into<String>) {
    notify_withdrawable(app, level, message);
}

/// As [`notify`], for a notice about a condition that can end: returns its id for [`withdraw`].
pub fn notify_withdrawable(app: &AppHandle, level: NoticeLevel, message: impl Into<String>) -> u64 {
    let notice = app.state::<AppState>().push_notice(level, message);
    if let Err(e) = app.emit(NOTICE_EVENT, &notice) {
        log::warn!("could not tell the window: {e}");
    }
    notice.id
}

/// Takes back notice `id` (its condition ended): from the queue and from the page.
pub fn withdraw(app: &AppHandle, id: u64) {
    app.state::<AppState>().drop_notice(id);
    if let Err(e) = app.emit(NOTICE_WITHDRAWN_EVENT, id) {
        log::warn!("could not tell the window: {e}");
    }
}

/// Providers or the set of connections changed (a connect, a disconnect, a sign-in waiting):
/// the page renders its cards anew.
pub fn changed(app: &AppHandle) {
    queue_change(app, None);
}

/// One connection's state changed (refreshed, failed, checked): the page updates its row alone.
pub fn connection_changed(app: &AppHandle, id: &ConnectionId) {
    queue_change(app, Some(id));
}

/// How long changes gather before the page hears of them: a burst (a hundred checks, a refresh
/// and its failure) becomes one page update.
const GATHER: Duration = Duration::from_millis(100);

/// Changes not yet told to the page.
#[derive(Default)]
pub struct PendingChanges {
    all: bool,
    ids: BTreeSet<String>,
    scheduled: bool,
}

/// What the page hears: re-render everything (`all`), or update the rows of `ids`.
#[derive(Serialize, Clone, Debug, PartialEq)]
struct Changed {
    all: bool,
    ids: Vec<String>,
}

impl PendingChanges {
    /// Gathers one change (`None`: everything); `true` when it is the first since the last
    /// [`Self::take`], so the caller schedules the page update.
    fn add(&mut self, id: Option<&ConnectionId>) -> bool {
        match id {
            Some(id) => {
                self.ids.insert(id.to_string());
            }
            None => self.all = true,
        }
        !std::mem::replace(&mut self.scheduled, true)
    }

    /// Everything gathered, as one page update; the next change schedules another.
    fn take(&mut self) -> Changed {
        let taken = std::mem::take(self);
        Changed {
            all: taken.all,
            ids: taken.ids.into_iter().collect(),
        }
    }
}

fn queue_change(app: &AppHandle, id: Option<&ConnectionId>) {
    let state = app.state::<AppState>();
    let first = state
        .changes
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .add(id);
    if !first {
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(GATHER).await;
        let changed = app
            .state::<AppState>()
            .changes
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        let _ = app.emit(CHANGED_EVENT, changed);
    });
}

fn receive(app: &AppHandle, text: &str) {
    match IncomingLink::parse(text) {
        Ok(link) => {
            log::info!("deep link received: {}", link.redacted());
            if link.is_oauth_callback() {
                let params: HashMap<String, String> = plugboard_core::flow::CALLBACK_PARAMS
                    .into_iter()
                    .filter_map(|k| link.param(k).map(|v| (k.to_string(), v)))
                    .collect();
                let app = app.clone();
                tauri::async_runtime::spawn(async move { complete(&app, params).await });
            } else {
                notify(
                    app,
                    NoticeLevel::Info,
                    t(
                        "shell-link-unused",
                        &[("path", link.path().to_string().into())],
                    ),
                );
            }
        }
        Err(e) => log::warn!("ignored a link: {e}"),
    }
}

/// Completes a sign-in from a callback's parameters and tells the person how it went.
pub async fn complete(app: &AppHandle, params: HashMap<String, String>) {
    let state = app.state::<AppState>();
    let service = match state.service() {
        Ok(s) => s,
        Err(e) => return notify(app, NoticeLevel::Warning, e.message),
    };
    let (provider, result) = service.complete_sign_in(|k| params.get(k).cloned()).await;
    if let Some(p) = &provider {
        state.stop_listener(p);
    }
    let name = provider
        .as_deref()
        .map(|p| service.provider_name(p))
        .unwrap_or_else(|| t("shell-the-provider", &[]));
    match result {
        Ok(c) => {
            // Signing in again to an account already here replaces it in place: say so.
            let args = [
                ("provider", name.as_str().into()),
                ("account", c.account.as_str().into()),
            ];
            let message = if c.connected_at < c.obtained_at {
                t("shell-reconnected", &args)
            } else {
                t("shell-connected", &args)
            };
            notify(app, NoticeLevel::Success, message);
            crate::attention::signed_in(app, &name, &c);
        }
        Err(plugboard_core::service::ServiceError::UnknownState) => notify(
            app,
            NoticeLevel::Warning,
            t("shell-sign-in-unexpected", &[]),
        ),
        Err(e) => {
            log::warn!("sign-in to {name} failed: {e}");
            notify(app, NoticeLevel::Warning, e.to_user(&name).message);
        }
    }
    changed(app);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_changes_is_one_page_update() {
        let mut pending = PendingChanges::default();
        let ids: Vec<_> = (0..100)
            .map(|i| ConnectionId::parse(&format!("hubspot-{i:08x}")).unwrap())
            .collect();
        assert!(pending.add(Some(&ids[0])), "the first schedules the update");
        for id in &ids {
            assert!(!pending.add(Some(id)), "the rest join it");
        }
        let update = pending.take();
        assert!(!update.all);
        assert_eq!(update.ids.len(), 100, "each connection once");
        // A change after the update is told schedules the next one; "everything" wins.
        assert!(pending.add(Some(&ids[1])));
        assert!(!pending.add(None));
        assert_eq!(
            pending.take(),
            Changed {
                all: true,
                ids: vec![ids[1].to_string()]
            }
        );
        assert_eq!(
            pending.take(),
            Changed {
                all: false,
                ids: vec![]
            }
        );
    }
}

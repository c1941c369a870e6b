/*!
Sign-in responses coming back into the running app: the door a deep link or a loopback
callback comes in by (the page hears of them through [`crate::events`]).

A response arrives three ways: as the argument of a cold start (`get_current`), forwarded from a
second launch by single-instance (`on_open_url`), or on the loopback listener. Each is logged
without its query and handed to the core's `complete_sign_in`, which refuses an unknown, reused or
expired `state` before any token request. The outcome becomes a notice in the person's words.
*/

use std::collections::HashMap;

use plugboard_core::deeplink::IncomingLink;
use plugboard_core::i18n::t;
use tauri::{AppHandle, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

use crate::events::{changed, notify};
use crate::state::{AppState, NoticeLevel};

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

/// The providers whose browser sign-in now pending was started to replace a connection
/// (Reconnect, Ask for more access): an account already here that comes back from it was meant
/// to, and one from Connect or "Add another account" was not — the words say which.
static REPLACING: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Notes what the sign-in just begun for `provider` is for (see [`REPLACING`]).
pub fn sign_in_begun(provider: &str, replaces: bool) {
    let mut replacing = REPLACING.lock().unwrap_or_else(|p| p.into_inner());
    replacing.retain(|p| p != provider);
    if replaces {
        replacing.push(provider.to_string());
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
            // Signing in again to an account already here replaces it in place: say so, and
            // when it was meant to add one, that none was added.
            let args = [
                ("provider", name.as_str().into()),
                ("account", c.account.as_str().into()),
            ];
            let meant_to_replace = {
                let mut replacing = REPLACING.lock().unwrap_or_else(|p| p.into_inner());
                let meant = replacing.contains(&c.provider);
                replacing.retain(|p| *p != c.provider);
                meant
            };
            let message = if c.connected_at >= c.obtained_at {
                t("shell-connected", &args)
            } else if meant_to_replace {
                t("shell-reconnected", &args)
            } else {
                t("shell-signed-in-again", &args)
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

/*!
Deep links into the running app.

A link arrives three ways: as the argument of a cold start (`get_current`), or forwarded from a
second launch by single-instance (`on_open_url`). Either way it is logged without its query and
turned into a notice for the page. Completing a sign-in from a callback comes with the connect flows;
until then a callback is answered honestly: no sign-in was in progress.
*/

use plugboard_core::deeplink::IncomingLink;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

use crate::state::{AppState, NoticeLevel};

/// The event the page listens to for notices.
pub const NOTICE_EVENT: &str = "plugboard://notice";

pub fn setup(app: &AppHandle) {
    // Linux has no installer step that registers the scheme for a plain binary: do it at every
    // start, so the desktop file points at this binary (RFC 8252 §7.1 private-use scheme).
    #[cfg(any(target_os = "linux", all(debug_assertions, windows)))]
    match app.deep_link().register_all() {
        Ok(()) => {
            app.state::<AppState>()
                .scheme_registered
                .store(true, std::sync::atomic::Ordering::Relaxed);
            log::info!(
                "deep-link scheme {} registered",
                plugboard_core::deeplink::SCHEME
            );
        }
        Err(e) => log::warn!("could not register the deep-link scheme: {e}"),
    }
    #[cfg(target_os = "macos")]
    app.state::<AppState>()
        .scheme_registered
        .store(true, std::sync::atomic::Ordering::Relaxed);

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

fn receive(app: &AppHandle, text: &str) {
    let state = app.state::<AppState>();
    let notice = match IncomingLink::parse(text) {
        Ok(link) => {
            log::info!("deep link received: {}", link.redacted());
            if link.is_oauth_callback() {
                state.push_notice(
                    NoticeLevel::Warning,
                    "Plugboard received a sign-in response, but no sign-in was in progress. \
                     If you were connecting an account, start again with Connect.",
                )
            } else {
                state.push_notice(
                    NoticeLevel::Info,
                    format!(
                        "Plugboard was opened with a link it doesn't use ({}).",
                        link.path()
                    ),
                )
            }
        }
        Err(e) => {
            log::warn!("ignored a link: {e}");
            return;
        }
    };
    if let Err(e) = app.emit(NOTICE_EVENT, &notice) {
        log::warn!("could not tell the window about a link: {e}");
    }
}

//! The app as a whole: the provider cards, app facts (version, link scheme, keychain), notices,
//! a provider's developer page, diagnostics, and "Unlock and retry".

use plugboard_core::catalogue::ProviderId;
use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::i18n::t;
use plugboard_core::view::{self, ProviderCard};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;

use super::Copied;
use crate::events;
use crate::state::{AppState, Notice};

#[tauri::command]
pub fn list_providers(state: State<'_, AppState>) -> Result<Vec<ProviderCard>, UserError> {
    let service = state.service()?;
    let connections = service.list().map_err(|e| e.to_user("Plugboard"))?;
    Ok(view::cards_with_state(
        service.catalogue(),
        &connections,
        |p| service.has_credentials(p),
        |p| ProviderId::parse(p).is_some_and(|id| service.sign_in_pending(&id)),
    ))
}

#[derive(Serialize)]
pub struct AppInfo {
    version: String,
    scheme: &'static str,
    scheme_registered: bool,
    /// `ready`, `locked` or `unavailable`.
    keychain: &'static str,
    keychain_message: Option<String>,
    /// Demo mode: the simulator's address.
    demo: Option<String>,
    /// Demo mode: the form fields it fills in, by provider (their values stay in Rust).
    demo_filled: std::collections::HashMap<&'static str, Vec<&'static str>>,
}

#[tauri::command]
pub async fn app_info(app: AppHandle, state: State<'_, AppState>) -> Result<AppInfo, UserError> {
    let probe = match state.service() {
        // Through the service, so its keychain state (and every card's status) follows.
        Ok(service) => service.probe_keychain().await,
        Err(_) => state.vault.run(|v| v.probe()).await,
    };
    let (keychain, keychain_message) = match probe {
        Ok(()) => ("ready", None),
        Err(e) => {
            log::warn!("keychain probe failed: {e}");
            let user = UserError::from(e);
            let kind = if user.code == ErrorCode::KeychainLocked {
                "locked"
            } else {
                "unavailable"
            };
            (kind, Some(user.message))
        }
    };
    Ok(AppInfo {
        version: app.package_info().version.to_string(),
        scheme: plugboard_core::deeplink::SCHEME,
        scheme_registered: crate::links::scheme_ready(&app),
        keychain,
        keychain_message,
        demo: state.demo.as_ref().map(|s| s.base_url().to_string()),
        demo_filled: state
            .demo
            .as_ref()
            .map(|d| d.filled_fields().into_iter().collect())
            .unwrap_or_default(),
    })
}

/// Everything the page's first paint needs, in one answer: its words, the notices queued before
/// it listened, and the cards (`None` when they cannot be read: the page then asks
/// `list_providers`, which says why). The footer's facts come after (`app_info` waits for the
/// desktop's answer about the sign-in link scheme).
#[derive(Serialize)]
pub struct FirstPaint {
    messages: plugboard_core::i18n::WindowMessages,
    notices: Vec<Notice>,
    cards: Option<Vec<ProviderCard>>,
}

#[tauri::command]
pub fn first_paint(state: State<'_, AppState>) -> FirstPaint {
    FirstPaint {
        messages: plugboard_core::i18n::current().window(state.settings.date_locale.as_deref()),
        notices: state.take_notices(),
        cards: list_providers(state).ok(),
    }
}

/// The page has painted its first frame: the rest of the start-up begins ([`crate::startup`]).
#[tauri::command]
pub fn painted(app: AppHandle) {
    crate::startup::after_first_paint(&app);
}

/// Opens a provider's developer page in the system browser. Only catalogue URLs, never one the page
/// supplies.
#[tauri::command]
pub fn open_developer_page(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
) -> Result<(), UserError> {
    let service = state.service()?;
    let p = service
        .provider(&provider)
        .map_err(|e| e.to_user(&provider))?;
    let Some(url) = &p.developer_url else {
        return Err(UserError::new(
            ErrorCode::UnknownProvider,
            t(
                "shell-no-developer-page",
                &[("provider", service.provider_name(&provider).into())],
            ),
        ));
    };
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| {
            log::warn!("could not open {}: {e}", url.as_str());
            UserError::new(
                ErrorCode::Internal,
                t("shell-browser-failed-page", &[("url", url.as_str().into())]),
            )
        })
}

/// Copies a support report with no secret in it.
#[tauri::command]
pub async fn copy_diagnostics(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Copied, UserError> {
    let service = state.service()?;
    let _ = service.probe_keychain().await;
    // A blocking D-Bus question: off the async workers (zbus's blocking calls run on their own
    // runtime, which must not be started from inside this one).
    let tray_host = tauri::async_runtime::spawn_blocking(crate::tray::available)
        .await
        .unwrap_or(false);
    let log = app
        .path()
        .app_log_dir()
        .map(|d| d.join("plugboard.log").display().to_string())
        .unwrap_or_else(|_| "unknown".into());
    let facts = [
        ("Version", app.package_info().version.to_string()),
        ("Demo mode", state.demo.is_some().to_string()),
        ("Log", log),
        (
            "Sign-in link scheme",
            format!(
                "{} ({})",
                plugboard_core::deeplink::SCHEME,
                if crate::links::scheme_ready(&app) {
                    "registered"
                } else {
                    "not registered"
                }
            ),
        ),
    ];
    let preferences = state.preferences.get();
    let facts = [
        facts.as_slice(),
        &[
            ("Distribution", distribution()),
            (
                "Desktop",
                std::env::var("XDG_CURRENT_DESKTOP")
                    .ok()
                    .filter(|d| !d.is_empty())
                    .unwrap_or_else(|| "unknown".into()),
            ),
            (
                "Tray host",
                if tray_host {
                    "present"
                } else {
                    "none"
                }
                .into(),
            ),
            (
                "Settings",
                format!(
                    "language {}, notifications {}, keep in tray {}, start at login {},                      clipboard cleared after {} s",
                    if preferences.language.is_empty() {
                        "the system's"
                    } else {
                        preferences.language.as_str()
                    },
                    on_off(preferences.notifications),
                    on_off(preferences.keep_in_tray),
                    on_off(
                        tauri_plugin_autostart::ManagerExt::autolaunch(&app)
                            .is_enabled()
                            .unwrap_or(false)
                    ),
                    preferences.clipboard_clear_secs,
                ),
            ),
        ],
    ]
    .concat();
    let orphans = service.orphans().await.ok();
    crate::clipboard::copy_text(&app, service.diagnostics(&facts, orphans.as_ref()))?;
    Ok(Copied {
        message: t("shell-diagnostics-copied", &[]),
    })
}

/// The distribution's own name for itself (`/etc/os-release`'s PRETTY_NAME), for support.
fn distribution() -> String {
    std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME="))
                .map(|v| v.trim_matches('"').to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn on_off(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

/// "Unlock and retry": asks the keychain again (the system may prompt to unlock it), then lets the
/// scheduler retry what the lock held up.
#[tauri::command]
pub async fn unlock_and_retry(app: AppHandle, state: State<'_, AppState>) -> Result<(), UserError> {
    let service = state.service()?;
    let result = service.unlock_keychain().await;
    events::changed(&app);
    result.map_err(UserError::from)
}

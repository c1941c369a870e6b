//! The commands the page may call. Each is one call into the core (or the state); errors cross the
//! boundary as `plugboard_core::error::UserError` (`{code, message}`), never as internals.

use plugboard_core::error::UserError;
use plugboard_core::view::{self, ProviderCard};
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::{AppState, Notice};

#[tauri::command]
pub fn list_providers(state: State<'_, AppState>) -> Result<Vec<ProviderCard>, UserError> {
    let catalogue = state.catalogue.as_ref().map_err(Clone::clone)?;
    Ok(view::provider_cards(catalogue))
}

#[derive(Serialize)]
pub struct AppInfo {
    version: String,
    scheme: &'static str,
    scheme_registered: bool,
    /// `ready`, `locked` or `unavailable`.
    keychain: &'static str,
    keychain_message: Option<String>,
}

#[tauri::command]
pub async fn app_info(app: AppHandle, state: State<'_, AppState>) -> Result<AppInfo, UserError> {
    let probe = state.vault.run(|v| v.probe()).await;
    let (keychain, keychain_message) = match probe {
        Ok(()) => ("ready", None),
        Err(e) => {
            log::warn!("keychain probe failed: {e}");
            let user = UserError::from(e);
            let kind = match user.code {
                plugboard_core::error::ErrorCode::KeychainLocked => "locked",
                _ => "unavailable",
            };
            (kind, Some(user.message))
        }
    };
    Ok(AppInfo {
        version: app.package_info().version.to_string(),
        scheme: plugboard_core::deeplink::SCHEME,
        scheme_registered: state
            .scheme_registered
            .load(std::sync::atomic::Ordering::Relaxed),
        keychain,
        keychain_message,
    })
}

#[tauri::command]
pub fn take_notices(state: State<'_, AppState>) -> Vec<Notice> {
    state.take_notices()
}

/// Opens a provider's developer page in the system browser. Only catalogue URLs, never one the page
/// supplies.
#[tauri::command]
pub fn open_developer_page(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
) -> Result<(), UserError> {
    let catalogue = state.catalogue.as_ref().map_err(Clone::clone)?;
    let p = catalogue
        .get(&provider)
        .ok_or_else(|| UserError::unknown_provider(&provider))?;
    let Some(url) = &p.developer_url else {
        return Err(UserError::new(
            plugboard_core::error::ErrorCode::UnknownProvider,
            format!("{} has no developer page on file.", p.name),
        ));
    };
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| {
            log::warn!("could not open {}: {e}", url.as_str());
            UserError::new(
                plugboard_core::error::ErrorCode::Internal,
                format!(
                    "Plugboard couldn't open your browser. The page is {}",
                    url.as_str()
                ),
            )
        })
}

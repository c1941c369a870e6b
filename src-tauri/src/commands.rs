//! The commands the page may call. Each is one call into the core (or the state); errors cross the
//! boundary as `plugboard_core::error::UserError` (`{code, message}`), never as internals.

use std::collections::HashMap;
use std::time::Duration;

use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::secret::SecretString;
use plugboard_core::service::{ConnectionView, DisconnectReport, LiveBoard};
use plugboard_core::view::{self, ProviderCard};
use serde::Serialize;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;

use crate::links;
use crate::state::{AppState, Notice, NoticeLevel};

#[tauri::command]
pub fn list_providers(state: State<'_, AppState>) -> Result<Vec<ProviderCard>, UserError> {
    let service = state.service()?;
    let connections = service.list().map_err(|e| e.to_user("Plugboard"))?;
    Ok(view::cards_with_state(
        service.catalogue(),
        &connections,
        |p| service.has_credentials(p),
        |p| service.sign_in_pending(p),
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
        scheme_registered: state
            .scheme_registered
            .load(std::sync::atomic::Ordering::Relaxed),
        keychain,
        keychain_message,
        demo: state.demo.as_ref().map(|s| s.base_url()),
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
    let service = state.service()?;
    let p = service
        .provider(&provider)
        .map_err(|e| e.to_user(&provider))?;
    let Some(url) = &p.developer_url else {
        return Err(UserError::new(
            ErrorCode::UnknownProvider,
            format!("{} has no developer page on file.", p.name),
        ));
    };
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| {
            log::warn!("could not open {}: {e}", url.as_str());
            UserError::new(
                ErrorCode::Internal,
                format!(
                    "Plugboard couldn't open your browser. The page is {}",
                    url.as_str()
                ),
            )
        })
}

#[tauri::command]
pub async fn connect_api_key(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
    fields: HashMap<String, String>,
) -> Result<ConnectionView, UserError> {
    let service = state.service()?;
    let fields = fields
        .into_iter()
        .map(|(k, v)| (k, SecretString::new(v)))
        .collect();
    let c = service
        .connect_api_key(&provider, fields)
        .await
        .map_err(|e| e.to_user(&service.provider_name(&provider)))?;
    links::changed(&app);
    Ok(c)
}

#[tauri::command]
pub async fn connect_client_credentials(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
    client_id: String,
    client_secret: String,
    environment: Option<String>,
    basic_token: Option<String>,
) -> Result<ConnectionView, UserError> {
    let service = state.service()?;
    let c = service
        .connect_client_credentials(
            &provider,
            &client_id,
            SecretString::new(client_secret),
            environment.as_deref(),
            basic_token.as_deref(),
        )
        .await
        .map_err(|e| e.to_user(&service.provider_name(&provider)))?;
    links::changed(&app);
    Ok(c)
}

/// Starts a browser sign-in: listens on the loopback port when the provider needs one, then opens
/// the system browser (never a webview, RFC 8252 §5).
#[tauri::command]
pub async fn begin_sign_in(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
) -> Result<(), UserError> {
    let service = state.service()?;
    let name = service.provider_name(&provider);
    let started = service
        .begin_sign_in(&provider)
        .await
        .map_err(|e| e.to_user(&name))?;
    state.stop_listener(&provider);
    // Listen first, so a busy loopback port is reported before the browser opens.
    let listener = match started.loopback.clone() {
        Some((port, path)) => Some((
            plugboard_core::loopback::bind(port).await.map_err(|e| {
                service.cancel_sign_in(&provider);
                UserError::new(
                    ErrorCode::ProviderError,
                    format!("Plugboard can't receive the {name} sign-in: {e}. Close the other program, then try again."),
                )
            })?,
            path,
        )),
        None => None,
    };
    // One task per pending sign-in: the loopback listener, or a timer for deep-link sign-ins. It
    // ends the sign-in after its lifetime ("Waiting for your browser…" does not wait forever).
    let task_app = app.clone();
    let task_provider = provider.clone();
    let state_to_wait_for = started.state.clone();
    let handle = tauri::async_runtime::spawn(async move {
        let lifetime = plugboard_core::flow::FLOW_LIFETIME + Duration::from_secs(5);
        let params = match listener {
            Some((l, path)) => {
                plugboard_core::loopback::wait_for_callback(l, &path, &state_to_wait_for, lifetime)
                    .await
                    .ok()
            }
            None => {
                tokio::time::sleep(lifetime).await;
                None
            }
        };
        let state = task_app.state::<AppState>();
        // This task is finishing by itself: forget its handle without aborting it.
        drop(
            state
                .listeners
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&task_provider),
        );
        match params {
            Some(params) => links::complete(&task_app, params).await,
            None => {
                if let Ok(s) = state.service() {
                    if s.cancel_sign_in(&task_provider) {
                        let name = s.provider_name(&task_provider);
                        links::notify(
                            &task_app,
                            NoticeLevel::Warning,
                            format!("The sign-in to {name} timed out. Start again with Connect."),
                        );
                        links::changed(&task_app);
                    }
                }
            }
        }
    });
    state
        .listeners
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(provider.clone(), handle);
    if app.opener().open_url(&started.url, None::<&str>).is_err() {
        // The error text may quote the authorize URL (with its one-time state): keep it out of the log.
        log::warn!("could not open the system browser for the {provider} sign-in");
        service.cancel_sign_in(&provider);
        state.stop_listener(&provider);
        return Err(UserError::new(
            ErrorCode::Internal,
            "Plugboard couldn't open your web browser. Set a default browser, then try again.",
        ));
    }
    links::changed(&app);
    Ok(())
}

#[tauri::command]
pub fn cancel_sign_in(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
) -> Result<(), UserError> {
    let service = state.service()?;
    service.cancel_sign_in(&provider);
    state.stop_listener(&provider);
    links::changed(&app);
    Ok(())
}

#[derive(Serialize)]
pub struct Disconnected {
    /// What to tell the person.
    message: String,
}

#[tauri::command]
pub async fn disconnect(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Disconnected, UserError> {
    let service = state.service()?;
    let (provider, report) = service
        .disconnect(&id)
        .await
        .map_err(|e| e.to_user("Plugboard"))?;
    let name = service.provider_name(&provider);
    let message = match report {
        DisconnectReport::Revoked => {
            format!("Disconnected from {name}. Access was revoked at {name}.")
        }
        DisconnectReport::NotSupported { note: Some(note) } => {
            format!("Disconnected from {name}. {note}")
        }
        DisconnectReport::NotSupported { note: None } => format!("Disconnected from {name}."),
        DisconnectReport::RevokeFailed { reason } => {
            format!("Removed the {name} connection from this computer, but {name} could not confirm the revoke ({reason}).")
        }
        DisconnectReport::AlreadyGone => "That connection was already removed.".to_string(),
    };
    links::changed(&app);
    Ok(Disconnected { message })
}

/// Saves a provider's app credentials from Settings: the secret goes to the keychain.
#[tauri::command]
pub async fn save_app_credentials(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
    client_id: String,
    client_secret: String,
) -> Result<(), UserError> {
    let service = state.service()?;
    service
        .save_app_credentials(&provider, &client_id, SecretString::new(client_secret))
        .await
        .map_err(|e| e.to_user(&service.provider_name(&provider)))?;
    links::changed(&app);
    Ok(())
}

/// Refreshes one connection now (the Refresh button). Concurrent calls share one refresh.
#[tauri::command]
pub async fn refresh(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<ConnectionView, UserError> {
    let service = state.service()?;
    let result = service.refresh(&id).await;
    links::changed(&app);
    result.map_err(|e| {
        let provider = service
            .list()
            .ok()
            .and_then(|all| all.into_iter().find(|c| c.id.as_str() == id))
            .map(|c| c.provider);
        let name = provider
            .as_deref()
            .map(|p| service.provider_name(p))
            .unwrap_or_else(|| "the provider".into());
        log::warn!("refresh of {id} failed: {e}");
        e.to_user(&name)
    })
}

/// Every connection's status and countdown now: the page calls this once a second, so the
/// countdown text is the core's, computed from the stored expiry and the clock.
#[tauri::command]
pub fn live(state: State<'_, AppState>) -> Result<LiveBoard, UserError> {
    let service = state.service()?;
    service.live_board().map_err(|e| e.to_user("Plugboard"))
}

#[derive(Serialize)]
pub struct Details {
    connection: ConnectionView,
    provider_name: String,
    method_label: String,
    /// Newest first, at most 50.
    events: Vec<plugboard_core::timeline::Event>,
    /// First and last four characters only; `None` when the keychain cannot be read.
    token_masked: Option<String>,
    has_refresh_token: bool,
    has_curl: bool,
    /// Why the token cannot be shown, when it cannot.
    token_problem: Option<String>,
}

/// The details panel of one connection.
#[tauri::command]
pub async fn connection_details(
    state: State<'_, AppState>,
    id: String,
) -> Result<Details, UserError> {
    let service = state.service()?;
    let connection = service
        .get(&id)
        .map_err(|e| e.to_user("Plugboard"))?
        .ok_or_else(|| {
            UserError::new(
                ErrorCode::UnknownConnection,
                "That connection no longer exists.",
            )
        })?;
    let provider_name = service.provider_name(&connection.provider);
    let method_label = service
        .provider(&connection.provider)
        .ok()
        .and_then(|p| p.method(connection.method).map(|m| m.label().to_string()))
        .unwrap_or_default();
    let (token_masked, has_refresh_token, has_curl, token_problem) =
        match service.token_material(&id).await {
            Ok(m) => (
                Some(m.access_token.masked()),
                m.refresh_token.is_some(),
                m.curl.is_some(),
                None,
            ),
            Err(e) => (None, false, false, Some(e.to_user(&provider_name).message)),
        };
    Ok(Details {
        events: service.timeline().of(&connection.id),
        connection,
        provider_name,
        method_label,
        token_masked,
        has_refresh_token,
        has_curl,
        token_problem,
    })
}

/// The whole access token, for the Reveal toggle: only when the person asks.
#[tauri::command]
pub async fn reveal_token(state: State<'_, AppState>, id: String) -> Result<String, UserError> {
    let service = state.service()?;
    let m = service
        .token_material(&id)
        .await
        .map_err(|e| e.to_user("Plugboard"))?;
    log::info!("access token of {id} revealed on request");
    Ok(m.access_token.expose().to_string())
}

#[derive(Serialize)]
pub struct Copied {
    message: String,
}

/// Copies a token form to the clipboard from Rust: `access`, `header`, `curl` or `refresh`.
/// With `refresh_first` the connection is refreshed before copying ("Refresh & copy").
#[tauri::command]
pub async fn copy_token(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    form: String,
    refresh_first: bool,
) -> Result<Copied, UserError> {
    let service = state.service()?;
    let name = service
        .get(&id)
        .ok()
        .flatten()
        .map(|c| service.provider_name(&c.provider))
        .unwrap_or_else(|| "the provider".into());
    if refresh_first {
        let refreshed = service.refresh(&id).await;
        links::changed(&app);
        refreshed.map_err(|e| e.to_user(&name))?;
    }
    let m = service
        .token_material(&id)
        .await
        .map_err(|e| e.to_user(&name))?;
    let (secret, what) = match form.as_str() {
        "access" => (Some(m.access_token), "The access token"),
        "header" => (Some(m.header), "The Authorization header"),
        "curl" => (m.curl, "A curl command"),
        "refresh" => (m.refresh_token, "The refresh token"),
        _ => {
            return Err(UserError::new(
                ErrorCode::InvalidInput,
                "Plugboard can't copy that.",
            ))
        }
    };
    let secret = secret.ok_or_else(|| {
        UserError::new(
            ErrorCode::InvalidInput,
            format!("This {name} connection has nothing to copy in that form."),
        )
    })?;
    let secs = crate::clipboard::copy_secret(&app, secret)?;
    log::info!("copied the {form} form of {id} to the clipboard");
    Ok(Copied {
        message: format!("{what} is on the clipboard. Plugboard clears it in {secs} seconds."),
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
    let facts = [
        ("Version", app.package_info().version.to_string()),
        ("Demo mode", state.demo.is_some().to_string()),
        (
            "Sign-in link scheme",
            format!(
                "{} ({})",
                plugboard_core::deeplink::SCHEME,
                if state
                    .scheme_registered
                    .load(std::sync::atomic::Ordering::Relaxed)
                {
                    "registered"
                } else {
                    "not registered"
                }
            ),
        ),
    ];
    crate::clipboard::copy_text(&app, service.diagnostics(&facts))?;
    Ok(Copied {
        message: "Diagnostics are on the clipboard. They hold no tokens or keys.".into(),
    })
}

/// "Unlock and retry": asks the keychain again (the system may prompt to unlock it), then lets the
/// scheduler retry what the lock held up.
#[tauri::command]
pub async fn unlock_and_retry(app: AppHandle, state: State<'_, AppState>) -> Result<(), UserError> {
    let service = state.service()?;
    let result = service.unlock_keychain().await;
    links::changed(&app);
    result.map_err(UserError::from)
}

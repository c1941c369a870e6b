//! Connecting: an API key or client credentials from a form, a browser sign-in (begin, cancel),
//! and app credentials saved from Settings.

use std::collections::HashMap;
use std::time::Duration;

use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::secret::SecretString;
use plugboard_core::service::ConnectionView;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;

use crate::links;
use crate::state::{AppState, NoticeLevel};

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

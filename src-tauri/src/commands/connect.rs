//! Connecting: an API key or client credentials from a form, a browser sign-in (begin, cancel),
//! and app credentials saved from Settings.

use std::collections::HashMap;

use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::i18n::t;
use plugboard_core::secret::{ClientSecret, SecretString};
use plugboard_core::service::{ConnectionView, ReturnTo, ServiceError};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;

use crate::events;
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
    let provider = super::provider_id(&provider)?;
    let fields = fields
        .into_iter()
        .map(|(k, v)| {
            let v = state.typed_or_demo(provider.as_str(), &k, v);
            (k, SecretString::new(v))
        })
        .collect();
    let c = service
        .connect_api_key(&provider, fields)
        .await
        .map_err(|e| e.to_user(&service.provider_name(provider.as_str())))?;
    events::changed(&app);
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
    let provider = super::provider_id(&provider)?;
    let client_id = state.typed_or_demo(provider.as_str(), "client-id", client_id);
    let client_secret = state.typed_or_demo(provider.as_str(), "client-secret", client_secret);
    let c = service
        .connect_client_credentials(
            &provider,
            &client_id,
            ClientSecret::new(client_secret),
            environment.as_deref(),
            basic_token.as_deref(),
        )
        .await
        .map_err(|e| e.to_user(&service.provider_name(provider.as_str())))?;
    events::changed(&app);
    Ok(c)
}

/// Starts a browser sign-in (the core binds the loopback port first when the provider needs one),
/// then opens the system browser (never a webview, RFC 8252 §5). One task per pending sign-in
/// waits for the browser and ends the sign-in after its lifetime ("Waiting for your browser…" does
/// not wait forever).
#[tauri::command]
pub async fn begin_sign_in(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
    scopes: Option<Vec<String>>,
    replaces: Option<String>,
) -> Result<(), UserError> {
    let service = state.service()?;
    let provider = super::provider_id(&provider)?;
    let replaces = replaces.as_deref().map(super::connection_id).transpose()?;
    let sign_in = service
        .start_sign_in_asking(
            &provider,
            ReturnTo::Window,
            &scopes.unwrap_or_default(),
            replaces.as_ref(),
        )
        .await
        .map_err(|e| e.to_user(&service.provider_name(provider.as_str())))?;
    state.stop_listener(provider.as_str());
    crate::links::sign_in_begun(provider.as_str(), replaces.is_some());
    let url = sign_in.started.url.clone();
    let (task_app, task_provider, task_service) = (app.clone(), provider.clone(), service.clone());
    let handle = tauri::async_runtime::spawn(async move {
        // A deep link completes the sign-in elsewhere (and stops this task).
        let outcome = task_service
            .wait_for_browser(sign_in, std::future::pending())
            .await;
        // This task is finishing by itself: forget its handle without aborting it.
        drop(
            task_app
                .state::<AppState>()
                .listeners
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(task_provider.as_str()),
        );
        match outcome {
            Ok(params) => links::complete(&task_app, params).await,
            Err(ServiceError::SignInTimedOut { was_pending: false }) => {}
            Err(e) => {
                let name = task_service.provider_name(task_provider.as_str());
                events::notify(&task_app, NoticeLevel::Warning, e.to_user(&name).message);
                events::changed(&task_app);
            }
        }
    });
    state
        .listeners
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert(provider.to_string(), handle);
    if app.opener().open_url(&url, None::<&str>).is_err() {
        // The error text may quote the authorize URL (with its one-time state): keep it out of the log.
        log::warn!("could not open the system browser for the {provider} sign-in");
        service.cancel_sign_in(&provider);
        state.stop_listener(provider.as_str());
        return Err(UserError::new(
            ErrorCode::Internal,
            t("shell-browser-failed", &[]),
        ));
    }
    events::changed(&app);
    Ok(())
}

#[tauri::command]
pub fn cancel_sign_in(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
) -> Result<(), UserError> {
    let service = state.service()?;
    let provider = super::provider_id(&provider)?;
    service.cancel_sign_in(&provider);
    state.stop_listener(provider.as_str());
    events::changed(&app);
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
    let provider = super::provider_id(&provider)?;
    service
        .save_app_credentials(&provider, &client_id, ClientSecret::new(client_secret))
        .await
        .map_err(|e| e.to_user(&service.provider_name(provider.as_str())))?;
    events::changed(&app);
    Ok(())
}

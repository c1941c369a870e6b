//! Settings: each provider's app credentials and where they come from (the core's
//! `credentials_overview`), forgetting saved ones, and copying a redirect URI to register. Saving
//! goes through `connect::save_app_credentials`, as the guided setup does.

use plugboard_core::error::UserError;
use plugboard_core::service::CredentialsView;
use tauri::{AppHandle, State};

use super::Copied;
use crate::links;
use crate::state::AppState;

#[tauri::command]
pub fn credentials_overview(state: State<'_, AppState>) -> Result<Vec<CredentialsView>, UserError> {
    Ok(state.service()?.credentials_overview())
}

/// Forgets the app credentials saved in the window for `provider`.
#[tauri::command]
pub async fn forget_app_credentials(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
) -> Result<(), UserError> {
    let service = state.service()?;
    let provider = super::provider_id(&provider)?;
    service
        .forget_app_credentials(&provider)
        .await
        .map_err(|e| e.to_user(&service.provider_name(provider.as_str())))?;
    links::changed(&app);
    Ok(())
}

/// Copies the redirect URI to register for `provider`'s browser sign-in (not a secret).
#[tauri::command]
pub fn copy_redirect_uri(
    app: AppHandle,
    state: State<'_, AppState>,
    provider: String,
) -> Result<Copied, UserError> {
    let service = state.service()?;
    let provider = super::provider_id(&provider)?;
    let p = service
        .provider(provider.as_str())
        .map_err(|e| e.to_user(""))?;
    let Some(uri) = p.authorization_code().map(|m| m.redirect.redirect_uri()) else {
        return Err(UserError::new(
            plugboard_core::error::ErrorCode::InvalidInput,
            format!(
                "{} has no browser sign-in, so there is no redirect URI to register.",
                p.name
            ),
        ));
    };
    crate::clipboard::copy_text(&app, uri)?;
    Ok(Copied {
        message: format!(
            "The {} redirect URI is on the clipboard: paste it where the provider asks for redirect URLs.",
            p.name
        ),
    })
}

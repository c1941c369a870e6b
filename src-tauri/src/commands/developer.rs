//! What a developer or support person opens: the details panel, revealing and copying a token.

use plugboard_core::audit::Door;
use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::i18n::t;
use plugboard_core::program::Program;
use plugboard_core::service::ConnectionView;
use serde::Serialize;
use tauri::{AppHandle, State};

use super::Copied;
use crate::events;
use crate::state::AppState;

#[derive(Serialize)]
pub struct Details {
    connection: ConnectionView,
    provider_name: String,
    method_label: String,
    /// Newest first, at most 50.
    events: Vec<plugboard_core::timeline::Event>,
    /// The programs its tokens were handed to (the newest uses, grouped), newest first.
    used_by: Vec<plugboard_core::audit::UsedBy>,
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
    let id = super::connection_id(&id)?;
    let connection = service
        .get(&id)
        .map_err(|e| e.to_user("Plugboard"))?
        .ok_or_else(|| super::no_such_connection(id.as_str()))?;
    let provider_name = service.provider_name(&connection.provider);
    let method_label = service
        .provider(&connection.provider)
        .ok()
        .map(plugboard_core::catalogue::in_language)
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
            Err(e) => (None, false, false, Some(service.explain(&e).message)),
        };
    Ok(Details {
        events: service.timeline().of(&connection.id),
        used_by: service.audit().used_by(&connection.id),
        connection,
        provider_name,
        method_label,
        token_masked,
        has_refresh_token,
        has_curl,
        token_problem,
    })
}

/// Only Plugboard's own window may ask for a secret: never another webview.
fn only_main(window: &tauri::WebviewWindow) -> Result<(), UserError> {
    if window.label() == "main" {
        Ok(())
    } else {
        log::warn!(
            "a secret was asked for by window `{}`: refused",
            window.label()
        );
        Err(UserError::new(
            ErrorCode::InvalidInput,
            t("shell-tokens-main-window-only", &[]),
        ))
    }
}

/// The whole access token, for the Reveal toggle: only when the person asks, and only to the
/// main window (the answer goes back to the webview that invoked the command).
#[tauri::command]
pub async fn reveal_token(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> Result<String, UserError> {
    only_main(&window)?;
    let service = state.service()?;
    let id = super::connection_id(&id)?;
    let m = service
        .hand_out(&id, Door::Reveal, "access", &Program::window())
        .await
        .map_err(|e| service.explain(&e))?;
    log::info!("access token of {id} revealed on request");
    Ok(m.access_token.expose().to_string())
}

/// Starts the confirmation before a refresh token is copied: a one-time code for `copy_token`
/// (see [`crate::confirm`]), and the words of the question the page shows.
#[derive(Serialize)]
pub struct Confirmation {
    code: String,
    question: String,
}

#[tauri::command]
pub async fn confirm_copy_refresh(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
    id: String,
) -> Result<Confirmation, UserError> {
    only_main(&window)?;
    let service = state.service()?;
    let id = super::connection_id(&id)?;
    let name = service.provider_name_of(&id);
    Ok(Confirmation {
        code: state.confirmations.issue(&id),
        question: t("shell-confirm-copy-refresh", &[("provider", name.into())]),
    })
}

/// Copies a token form to the clipboard from Rust: `access`, `header`, `curl` or `refresh`.
/// With `refresh_first` the connection is refreshed before copying ("Refresh & copy"). The
/// refresh token needs `confirmation`, a code from [`confirm_copy_refresh`].
#[tauri::command]
pub async fn copy_token(
    app: AppHandle,
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
    id: String,
    form: String,
    refresh_first: bool,
    confirmation: Option<String>,
) -> Result<Copied, UserError> {
    only_main(&window)?;
    let service = state.service()?;
    let id = super::connection_id(&id)?;
    if form == "refresh" && !confirmation.is_some_and(|code| state.confirmations.spend(&code, &id))
    {
        log::warn!("a refresh token copy of {id} without a confirmation: refused");
        return Err(UserError::new(
            ErrorCode::InvalidInput,
            t("shell-copy-refresh-unconfirmed", &[]),
        ));
    }
    let name = service.provider_name_of(&id);
    if refresh_first {
        let refreshed = service.refresh(&id).await;
        events::connection_changed(&app, &id);
        refreshed.map_err(|e| service.explain(&e))?;
    }
    let m = service
        .token_material(&id)
        .await
        .map_err(|e| service.explain(&e))?;
    let (secret, copied) = match form.as_str() {
        "access" => (Some(m.access_token.secret().clone()), "shell-copied-access"),
        "header" => (Some(m.header), "shell-copied-header"),
        "curl" => (m.curl, "shell-copied-curl"),
        "refresh" => (
            m.refresh_token.as_ref().map(|r| r.secret().clone()),
            "shell-copied-refresh",
        ),
        _ => {
            return Err(UserError::new(
                ErrorCode::InvalidInput,
                t("shell-copy-unknown-form", &[]),
            ))
        }
    };
    let secret = secret.ok_or_else(|| {
        UserError::new(
            ErrorCode::InvalidInput,
            t("shell-copy-nothing", &[("provider", name.as_str().into())]),
        )
    })?;
    let secs = crate::clipboard::copy_secret(&app, secret, state.clipboard_clear())?;
    service.record_handed(&id, Door::Copy, &form, &Program::window());
    log::info!("copied the {form} form of {id} to the clipboard");
    Ok(Copied {
        message: t(
            copied,
            &[("seconds", i64::try_from(secs).unwrap_or(i64::MAX).into())],
        ),
    })
}

/// Try it: one harmless call to the connection's identity or check endpoint, as it is; the
/// answer's status, time and a short excerpt with every secret masked.
#[tauri::command]
pub async fn try_connection(
    state: State<'_, AppState>,
    id: String,
) -> Result<plugboard_core::service::TryReport, UserError> {
    let service = state.service()?;
    let id = super::connection_id(&id)?;
    service.try_call(&id).await.map_err(|e| service.explain(&e))
}

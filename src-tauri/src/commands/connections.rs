//! A connection's life: refresh, rename, make default, disconnect, and the live board the page
//! reads every second.

use plugboard_core::error::UserError;
use plugboard_core::i18n::t;
use plugboard_core::service::{ConnectionView, DisconnectReport, LiveBoard};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::events;
use crate::state::AppState;

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
    let id = super::connection_id(&id)?;
    let (provider, report) = service
        .disconnect(&id)
        .await
        .map_err(|e| service.explain(&e))?;
    let name = service.provider_name(&provider);
    let named = [("provider", name.as_str().into())];
    let message = match report {
        DisconnectReport::Revoked => t("shell-disconnected-revoked", &named),
        DisconnectReport::NotSupported { note: Some(note) } => {
            // The catalogue's note, in the person's language when it is a built-in provider's.
            let note = service
                .provider(&provider)
                .ok()
                .and_then(|p| plugboard_core::catalogue::in_language(p).revoke_note)
                .unwrap_or(note);
            t(
                "shell-disconnected-note",
                &[("provider", name.as_str().into()), ("note", note.into())],
            )
        }
        DisconnectReport::NotSupported { note: None } => t("shell-disconnected", &named),
        DisconnectReport::RevokeFailed { reason } => t(
            "shell-disconnected-revoke-failed",
            &[
                ("provider", name.as_str().into()),
                ("reason", reason.into()),
            ],
        ),
        DisconnectReport::AlreadyGone => t("shell-already-removed", &[]),
    };
    events::changed(&app);
    Ok(Disconnected { message })
}

/// Refreshes one connection now (the Refresh button). Concurrent calls share one refresh.
#[tauri::command]
pub async fn refresh(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<ConnectionView, UserError> {
    let service = state.service()?;
    let id = super::connection_id(&id)?;
    let result = service.refresh(&id).await;
    events::connection_changed(&app, &id);
    result.map_err(|e| {
        log::warn!("refresh of {id} failed: {e}");
        service.explain(&e)
    })
}

/// Every connection's status and countdown now (or of `ids` alone: the rows the page has drawn),
/// each card's, and when the clock next changes any of it: the page's tick, so the countdown
/// text is the core's, computed from the stored expiry and the clock.
#[tauri::command]
pub fn live(state: State<'_, AppState>, ids: Option<Vec<String>>) -> Result<LiveBoard, UserError> {
    let service = state.service()?;
    let ids = ids
        .map(|ids| {
            ids.iter()
                .map(|id| super::connection_id(id))
                .collect::<Result<Vec<_>, _>>()
        })
        .transpose()?;
    service
        .live_board_of(ids.as_deref())
        .map_err(|e| e.to_user("Plugboard"))
}

/// The current view of each of `ids` that still exists: what the page redraws when only those
/// connections changed (see `events::connection_changed`).
#[tauri::command]
pub fn connection_views(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> Result<Vec<ConnectionView>, UserError> {
    let service = state.service()?;
    let mut views = Vec::with_capacity(ids.len());
    for id in ids {
        let id = super::connection_id(&id)?;
        if let Some(view) = service.get(&id).map_err(|e| e.to_user("Plugboard"))? {
            views.push(view);
        }
    }
    Ok(views)
}

/// Names a connection (a blank name removes it): what the person calls it everywhere.
#[tauri::command]
pub async fn rename_connection(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<ConnectionView, UserError> {
    let service = state.service()?;
    let id = super::connection_id(&id)?;
    let view = service
        .rename(&id, &name)
        .await
        .map_err(|e| service.explain(&e))?;
    events::connection_changed(&app, &id);
    Ok(view)
}

/// Makes a connection its provider's default (Details' "Make default"): the one a bare provider
/// id picks on the command line. Every row of the provider changes (the marker moves).
#[tauri::command]
pub fn make_default(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<ConnectionView, UserError> {
    let service = state.service()?;
    let id = super::connection_id(&id)?;
    let view = service.make_default(&id).map_err(|e| service.explain(&e))?;
    events::changed(&app);
    Ok(view)
}

//! Settings: the person's choices (notifications, start at login, the tray, the clipboard delay;
//! kept by the core's `preferences`, except start at login, which is the desktop's autostart
//! entry), each provider's app credentials and where they come from (the core's
//! `credentials_overview`), forgetting saved ones, and copying a redirect URI to register. Saving
//! credentials goes through `connect::save_app_credentials`, as the guided setup does.

use plugboard_core::error::UserError;
use plugboard_core::i18n::t;
use plugboard_core::service::CredentialsView;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;

use super::Copied;
use crate::events;
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
    events::changed(&app);
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
    // The name as shown (a provider file's text, made safe: see `safe_text`).
    let name = service.provider_name(provider.as_str());
    let Some(uri) = p.authorization_code().map(|m| m.redirect.redirect_uri()) else {
        return Err(UserError::new(
            plugboard_core::error::ErrorCode::InvalidInput,
            t(
                "shell-no-redirect-uri",
                &[("provider", name.as_str().into())],
            ),
        ));
    };
    crate::clipboard::copy_text(&app, uri)?;
    Ok(Copied {
        message: t(
            "shell-redirect-uri-copied",
            &[("provider", name.as_str().into())],
        ),
    })
}

/// What Settings shows of the person's choices.
#[derive(Serialize)]
pub struct PreferencesView {
    notifications: bool,
    program_notifications: bool,
    keep_in_tray: bool,
    clipboard_clear_secs: u64,
    /// `PLUGBOARD_CLIPBOARD_CLEAR_SECS` is set: this is the delay, whatever Settings says.
    clipboard_fixed_secs: Option<u64>,
    clipboard_min: u64,
    clipboard_max: u64,
    start_at_login: bool,
    /// Whether the desktop shows tray icons now (without one, closing the window quits).
    tray_available: bool,
    /// How far ahead tokens are refreshed, in words.
    refresh_lead: String,
    /// Where the choices are kept (for support).
    file: String,
    /// The language chosen (a tag of `languages`), empty for the system's.
    language: String,
    /// The languages to choose from: `{tag, name}`, each name in its own language.
    languages: Vec<Language>,
    /// The language the system's locale gives (its tag), for "System (…)".
    system_language: &'static str,
    /// `PLUGBOARD_LOCALE` is set: it wins over the choice.
    language_fixed: Option<String>,
}

#[derive(Serialize)]
struct Language {
    tag: &'static str,
    name: &'static str,
}

/// The choices a Settings switch changes; absent ones stay as they are.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PreferencesChange {
    notifications: Option<bool>,
    program_notifications: Option<bool>,
    keep_in_tray: Option<bool>,
    clipboard_clear_secs: Option<u64>,
    start_at_login: Option<bool>,
    language: Option<String>,
}

fn preferences_view(app: &AppHandle, state: &AppState) -> PreferencesView {
    let p = state.preferences.get();
    let range = plugboard_core::preferences::CLIPBOARD_RANGE;
    PreferencesView {
        notifications: p.notifications,
        program_notifications: p.program_notifications,
        keep_in_tray: p.keep_in_tray,
        clipboard_clear_secs: p.clipboard_clear_secs,
        clipboard_fixed_secs: state.settings.clipboard_clear.map(|d| d.as_secs()),
        clipboard_min: *range.start(),
        clipboard_max: *range.end(),
        start_at_login: app.autolaunch().is_enabled().unwrap_or(false),
        tray_available: crate::tray::present(app),
        refresh_lead: plugboard_core::lifetime::refresh_lead_explained(),
        file: state.preferences.path().display().to_string(),
        language: p.spoken_language().to_string(),
        languages: plugboard_core::i18n::LANGUAGES
            .iter()
            .map(|(tag, name)| Language { tag, name })
            .collect(),
        system_language: plugboard_core::i18n::language_of(
            state.settings.system_locale.as_deref().unwrap_or("en"),
        ),
        language_fixed: state.settings.forced_locale.clone(),
    }
}

/// The page's messages in the language spoken now (see core `i18n`).
#[tauri::command]
pub fn preferences(app: AppHandle, state: State<'_, AppState>) -> PreferencesView {
    preferences_view(&app, &state)
}

/// Changes the choices `change` names (checked and saved first: a refused value changes nothing);
/// start at login adds or removes the desktop's login entry.
#[tauri::command]
pub fn set_preferences(
    app: AppHandle,
    state: State<'_, AppState>,
    change: PreferencesChange,
) -> Result<PreferencesView, UserError> {
    state.preferences.update(|p| {
        if let Some(on) = change.notifications {
            p.notifications = on;
        }
        if let Some(on) = change.program_notifications {
            p.program_notifications = on;
        }
        if let Some(on) = change.keep_in_tray {
            p.keep_in_tray = on;
        }
        if let Some(secs) = change.clipboard_clear_secs {
            p.clipboard_clear_secs = secs;
        }
        if let Some(language) = &change.language {
            p.language = language.clone();
        }
    })?;
    if let Some(language) = &change.language {
        // The tray and notifications follow at once; the page draws itself anew in it.
        let spoken = plugboard_core::i18n::set_current(&state.settings.speak(language));
        log::info!("language: {}", spoken.lang());
    }
    if let Some(on) = change.start_at_login {
        let autostart = app.autolaunch();
        let done = if on {
            autostart.enable()
        } else {
            autostart.disable()
        };
        done.map_err(|e| {
            log::warn!("start at login ({on}): {e}");
            UserError::new(
                plugboard_core::error::ErrorCode::StorageFailed,
                t(
                    if on {
                        "shell-start-at-login-add-failed"
                    } else {
                        "shell-start-at-login-remove-failed"
                    },
                    &[("error", e.to_string().into())],
                ),
            )
        })?;
        log::info!("start at login: {}", if on { "on" } else { "off" });
    }
    Ok(preferences_view(&app, &state))
}

/// One program allowed to take a connection's token without asking, as Settings › Programs with
/// access lists it.
#[derive(Serialize)]
pub struct ProgramGrant {
    /// Given back to [`remove_grant`] as it came.
    program: plugboard_core::program::Program,
    /// The program in one line, safe to show.
    program_text: String,
    connection: String,
    /// The connection in words: "HubSpot (ana@example.com)".
    connection_text: String,
    since: i64,
    last_used: Option<i64>,
    /// Kept ("Always allow"), or only until Plugboard quits.
    always: bool,
}

/// Every standing grant, kept ones first.
#[tauri::command]
pub fn program_grants(state: State<'_, AppState>) -> Result<Vec<ProgramGrant>, UserError> {
    let service = state.service()?;
    let views = service.list().map_err(|e| e.to_user("Plugboard"))?;
    Ok(service
        .grants()
        .list()
        .into_iter()
        .map(|g| {
            let connection_text = views
                .iter()
                .find(|v| v.id == g.connection)
                .map(|v| {
                    format!(
                        "{} ({})",
                        service.provider_name(&v.provider),
                        plugboard_core::safe_text::escape(&v.account)
                    )
                })
                .unwrap_or_else(|| g.connection.to_string());
            ProgramGrant {
                program_text: g.program.describe(),
                program: g.program,
                connection: g.connection.to_string(),
                connection_text,
                since: g.since,
                last_used: g.last_used,
                always: g.always,
            }
        })
        .collect())
}

/// Removes `program`'s grant for `connection`: it is asked again next time.
#[tauri::command]
pub fn remove_grant(
    state: State<'_, AppState>,
    program: plugboard_core::program::Program,
    connection: String,
) -> Result<(), UserError> {
    let service = state.service()?;
    let id = super::connection_id(&connection)?;
    service.grants().revoke(&program, Some(&id)).map_err(|e| {
        UserError::new(
            plugboard_core::error::ErrorCode::Internal,
            t(
                "settings-grant-not-removed",
                &[("error", e.to_string().into())],
            ),
        )
    })?;
    Ok(())
}

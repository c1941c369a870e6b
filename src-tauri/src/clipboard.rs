//! Copying secrets: written to the system clipboard from Rust (tauri-plugin-clipboard-manager), so
//! a token never passes through the page, and cleared after the delay chosen in Settings (30 s by default; see `AppState::clipboard_clear`) if
//! the clipboard still holds it (something copied since is left alone).

use std::time::Duration;

use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::secret::SecretString;
use tauri::AppHandle;
use tauri_plugin_clipboard_manager::ClipboardExt;

fn failed() -> UserError {
    UserError::new(
        ErrorCode::Internal,
        plugboard_core::i18n::t("shell-clipboard-failed", &[]),
    )
}

/// Copies plain text (diagnostics) with no clearing.
pub fn copy_text(app: &AppHandle, text: String) -> Result<(), UserError> {
    app.clipboard().write_text(text).map_err(|e| {
        log::warn!("clipboard write failed: {e}");
        failed()
    })
}

/// Copies a secret and clears it after `wait` if it is still there. Returns the seconds until
/// clearing.
pub fn copy_secret(
    app: &AppHandle,
    secret: SecretString,
    wait: Duration,
) -> Result<u64, UserError> {
    app.clipboard()
        .write_text(secret.expose().to_string())
        .map_err(|e| {
            log::warn!("clipboard write failed: {e}");
            failed()
        })?;
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(wait).await;
        let still_ours = app
            .clipboard()
            .read_text()
            .is_ok_and(|now| now == secret.expose());
        if still_ours {
            match app.clipboard().clear() {
                Ok(()) => log::info!("cleared a copied token from the clipboard"),
                Err(e) => log::warn!("could not clear the clipboard: {e}"),
            }
        }
    });
    Ok(wait.as_secs())
}

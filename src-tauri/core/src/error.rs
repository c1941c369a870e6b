/*!
The one error contract every caller shows to a person: `{ "code": "...", "message": "..." }`.

Each layer has its own `thiserror` enum ([`crate::vault::VaultError`], [`crate::catalogue::CatalogueError`],
…); at the boundary (a Tauri command, a CLI exit) it becomes a [`UserError`]. The UI branches on
`code` and shows `message` as it is, so messages are written in the person's words and never carry
internals or secrets. The JSON shape is tested exactly: the front end depends on it.
*/

use serde::Serialize;

use crate::catalogue::CatalogueError;
use crate::i18n::t;
use crate::vault::VaultError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    KeychainLocked,
    KeychainUnavailable,
    KeychainRejected,
    CatalogueInvalid,
    UnknownProvider,
    UnknownConnection,
    MissingCredentials,
    InvalidInput,
    InvalidCredentials,
    StateMismatch,
    FlowExpired,
    Declined,
    ReconnectNeeded,
    ProviderError,
    ProviderUnavailable,
    StorageFailed,
    Internal,
}

impl ErrorCode {
    /// The code as it appears in JSON (`reconnect_needed`).
    pub fn as_str(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{message}")]
pub struct UserError {
    pub code: ErrorCode,
    pub message: String,
}

impl UserError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    pub fn unknown_provider(id: &str) -> Self {
        Self::new(
            ErrorCode::UnknownProvider,
            t("error-unknown-provider", &[("provider", id.into())]),
        )
    }
}

impl From<VaultError> for UserError {
    fn from(e: VaultError) -> Self {
        match e {
            VaultError::Locked => {
                Self::new(ErrorCode::KeychainLocked, t("error-keychain-locked", &[]))
            }
            VaultError::Unavailable { .. } | VaultError::TimedOut(_) => Self::new(
                ErrorCode::KeychainUnavailable,
                t("error-keychain-unavailable", &[]),
            ),
            VaultError::Rejected { .. } | VaultError::Corrupt => Self::new(
                ErrorCode::KeychainRejected,
                t("error-keychain-rejected", &[]),
            ),
        }
    }
}

impl From<CatalogueError> for UserError {
    fn from(e: CatalogueError) -> Self {
        // Catalogue errors are already written for people: they name the file, provider and field.
        Self::new(
            ErrorCode::CatalogueInvalid,
            t("error-catalogue-invalid", &[("problem", e.words().into())]),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_errors_serialize_to_exactly_code_and_message() {
        let json = serde_json::to_value(UserError::from(VaultError::Locked)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "keychain_locked",
                "message": "Your keychain is locked. Unlock it (log in again or open your keyring app), then try again."
            })
        );
    }

    #[test]
    fn keychain_details_stay_out_of_the_message() {
        let e = UserError::from(VaultError::Unavailable {
            detail: "org.freedesktop.DBus.Error.ServiceUnknown".into(),
        });
        assert_eq!(e.code, ErrorCode::KeychainUnavailable);
        assert!(!e.message.contains("org.freedesktop"));
    }
}

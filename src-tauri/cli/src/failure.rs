//! How a command fails: a message in the person's words and a documented exit code. The core
//! decides on kinds ([`ServiceError`]); this file words them the command line's way (a command to
//! run where the window would show a button) and maps them to the exit codes scripts branch on,
//! in one place so every command fails alike.

use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::i18n::t;
use plugboard_core::service::{Connections, ServiceError};

/// Exit codes (documented in `docs/cli.md`; tests pin them).
pub mod exit {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const RECONNECT: i32 = 3;
    pub const KEYCHAIN: i32 = 4;
    pub const TEMPORARY: i32 = 5;
    pub const NOT_FOUND: i32 = 6;
}

/// A failure as the person reads it, with its exit code.
#[derive(Debug)]
pub struct Failure {
    pub exit: i32,
    pub message: String,
    /// What a script that asked for `--json` gets on standard output besides the message (a
    /// `<connection>` that could be several: the candidates), if the failure has more to say
    /// than the message and the exit code. Written by [`crate::main`] with the schema number.
    pub document: Option<serde_json::Value>,
}

impl Failure {
    pub fn new(exit: i32, message: impl Into<String>) -> Self {
        Self {
            exit,
            message: message.into(),
            document: None,
        }
    }

    /// Ends the command with `exit` and nothing said: `plugboard exec` passing on its command's
    /// exit status (0 included).
    pub fn exit_quietly(exit: i32) -> Self {
        Self::new(exit, String::new())
    }

    /// The failure with `document` for `--json` (see [`Failure::document`]).
    pub fn with_document(mut self, document: &impl serde::Serialize) -> Self {
        self.document = serde_json::to_value(document).ok();
        self
    }
}

impl From<UserError> for Failure {
    fn from(e: UserError) -> Self {
        Self::new(exit_code(e.code), e.message)
    }
}

/// The documented exit code of an error code.
pub fn exit_code(code: ErrorCode) -> i32 {
    use ErrorCode as C;
    match code {
        C::ReconnectNeeded => exit::RECONNECT,
        C::KeychainLocked | C::KeychainUnavailable | C::KeychainRejected => exit::KEYCHAIN,
        C::ProviderUnavailable => exit::TEMPORARY,
        C::UnknownProvider | C::UnknownConnection => exit::NOT_FOUND,
        C::InvalidInput => exit::USAGE,
        _ => exit::FAILURE,
    }
}

/// A core error in the person's words, naming the provider. Words written for the window's
/// buttons are said the command line's way.
pub fn fail(service: &Connections, provider: &str, e: ServiceError) -> Failure {
    let name = service.provider_name(provider);
    let user = e.to_user(&name);
    if user.code == ErrorCode::MissingCredentials {
        let (id_variable, secret_variable) =
            plugboard_core::settings::credential_variables(provider);
        return Failure::new(
            exit::FAILURE,
            t(
                "cli-missing-credentials",
                &[
                    ("provider", name.as_str().into()),
                    (
                        "command",
                        format!("plugboard credentials set {provider} --client-id …").into(),
                    ),
                    ("id_variable", id_variable.into()),
                    ("secret_variable", secret_variable.into()),
                    ("section", format!("[credentials.{provider}]").into()),
                ],
            ),
        );
    }
    user.into()
}

/// What [`not_one_of`] did not find.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unknown {
    /// An API key's field (`--field`).
    Field,
    /// A client-credentials environment (`--environment`).
    Environment,
}

/// "Hotmart has no environment “prod”; use one of: production, sandbox." (exit 2)
pub fn not_one_of<'a>(
    provider: &str,
    what: Unknown,
    given: &str,
    known: impl Iterator<Item = &'a str>,
) -> Failure {
    let known: Vec<&str> = known.collect();
    let id = match what {
        Unknown::Field => "cli-no-such-field",
        Unknown::Environment => "cli-no-such-environment",
    };
    Failure::new(
        exit::USAGE,
        t(
            id,
            &[
                ("provider", provider.into()),
                ("given", given.into()),
                ("known", known.join(", ").into()),
            ],
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_map_to_the_documented_exit_codes() {
        assert_eq!(exit_code(ErrorCode::ReconnectNeeded), 3);
        assert_eq!(exit_code(ErrorCode::KeychainLocked), 4);
        assert_eq!(exit_code(ErrorCode::KeychainUnavailable), 4);
        assert_eq!(exit_code(ErrorCode::ProviderUnavailable), 5);
        assert_eq!(exit_code(ErrorCode::UnknownConnection), 6);
        assert_eq!(exit_code(ErrorCode::UnknownProvider), 6);
        assert_eq!(exit_code(ErrorCode::InvalidInput), 2);
        assert_eq!(exit_code(ErrorCode::ProviderError), 1);
    }
}

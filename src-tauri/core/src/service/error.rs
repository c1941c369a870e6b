/*!
The service's error: what went wrong, in terms the logic decides on, and the person's words for
it (naming the provider) at the boundary through [`ServiceError::to_user`].
*/

use std::sync::Arc;

use crate::catalogue::MethodKind;
use crate::connection::ConnectionId;
use crate::error::{ErrorCode, UserError};
use crate::flow::FlowError;
use crate::index::IndexError;
use crate::tokens::TokenError;
use crate::vault::VaultError;

/// Why a connection's name cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    TooLong,
    ControlCharacters,
    /// Another connection has it (compared without case).
    Taken(String),
    /// It is a provider's id or name, or could be a connection id (lowercase letters, digits
    /// and dashes only): picking by it would be ambiguous.
    LooksLikeAnId,
}

/// What a person does about a failure, when it is the same for every error of that kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextStep {
    /// Begin the sign-in again (the window: Connect; a shell: `plugboard connect <provider>`).
    StartAgain,
    /// The message already says what to do.
    Other,
}

/// What kind of failure an error is: what the logic decides on (store "reconnect needed", retry
/// later, exit code), never the words. Each front end words it its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The grant is dead: only a new sign-in helps.
    DeadGrant,
    /// The provider or the network is briefly failing: retry later, tokens kept.
    Temporary,
    KeychainLocked,
    KeychainUnavailable,
    /// The index has the connection but the keychain no longer has its item: sign in again.
    KeychainItemMissing,
    /// What the person typed or chose cannot work (an empty field, a wrong key).
    BadInput,
    /// No such provider or connection.
    NotFound,
    /// The provider or the sign-in refused (declined, wrong state, an error answer).
    Refused,
    /// Plugboard's own files or coordination failed.
    Internal,
}

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("unknown provider `{0}`")]
    UnknownProvider(String),
    #[error("unknown connection `{0}`")]
    UnknownConnection(String),
    #[error("{provider} cannot connect with {method:?}")]
    NoSuchMethod {
        provider: String,
        method: MethodKind,
    },
    #[error("no app credentials for {0}")]
    MissingCredentials(String),
    #[error("a required field is empty: {0}")]
    EmptyField(String),
    /// A scope asked for that the provider's catalogue entry does not offer.
    #[error("unknown scope `{0}`")]
    UnknownScope(String),
    /// The provider has no identity or check endpoint for Try it to call.
    #[error("nothing harmless to call")]
    NothingToTry,
    /// A connection's name that cannot be used: too long, control characters, or another
    /// connection's already.
    #[error("bad connection name: {0:?}")]
    BadName(NameProblem),
    /// The provider's app credentials come from a source the person cannot replace here.
    #[error("app credentials fixed by {0:?}")]
    CredentialsFixed(super::CredentialOrigin),
    #[error("the Basic token does not match the client id and secret")]
    BasicTokenMismatch,
    #[error("unknown or already used sign-in state")]
    UnknownState,
    #[error("the sign-in took too long")]
    Expired,
    #[error("the person declined")]
    Declined,
    #[error("the provider answered the sign-in with an error ({0})")]
    AuthorizeError(String),
    #[error("not a sign-in response")]
    Malformed,
    /// What the person pasted is not an address.
    #[error("not an address")]
    NotAnAddress,
    /// Nobody came back from the browser within the sign-in's lifetime; `was_pending` is false
    /// when the sign-in had already ended another way (a deep link completed or cancelled it).
    #[error("the sign-in timed out")]
    SignInTimedOut { was_pending: bool },
    /// The loopback port the browser comes back to could not be listened on.
    #[error(transparent)]
    Loopback(#[from] crate::loopback::LoopbackError),
    /// The index has the connection, the (unlocked) keychain has no item for it.
    #[error("the keychain has no item for connection {0}")]
    SecretMissing(ConnectionId),
    #[error(transparent)]
    Flow(#[from] FlowError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    /// A refresh got new tokens but the keychain refused them: they are kept in memory until
    /// it takes them.
    #[error("the new tokens could not be saved: {0}")]
    Unsaved(VaultError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Flight(#[from] crate::flight::FlightError),
    /// One refresh's error, shared by every caller that waited for it.
    #[error(transparent)]
    Shared(Arc<ServiceError>),
    /// An operation on one connection failed: the connection it concerns, so the words can name
    /// its provider without the caller looking it up ([`super::Connections::explain`]).
    #[error("{error}")]
    Concerning {
        connection: ConnectionId,
        error: Box<ServiceError>,
    },
}

impl ServiceError {
    /// The kind of failure, for the logic that decides what to store or retry.
    pub fn kind(&self) -> ErrorKind {
        use ErrorKind as K;
        match self {
            ServiceError::UnknownProvider(_) | ServiceError::UnknownConnection(_) => K::NotFound,
            ServiceError::NoSuchMethod { .. } => K::Internal,
            ServiceError::MissingCredentials(_)
            | ServiceError::EmptyField(_)
            | ServiceError::BadName(_)
            | ServiceError::NothingToTry
            | ServiceError::UnknownScope(_)
            | ServiceError::CredentialsFixed(_)
            | ServiceError::BasicTokenMismatch => K::BadInput,
            ServiceError::UnknownState
            | ServiceError::Expired
            | ServiceError::Declined
            | ServiceError::AuthorizeError(_)
            | ServiceError::Malformed
            | ServiceError::SignInTimedOut { .. } => K::Refused,
            ServiceError::NotAnAddress => K::BadInput,
            ServiceError::Loopback(_) => K::Internal,
            ServiceError::SecretMissing(_) => K::KeychainItemMissing,
            ServiceError::Flow(f) => match f {
                FlowError::Network(_)
                | FlowError::TimedOut
                | FlowError::TooLarge
                | FlowError::Token(TokenError::Temporary { .. } | TokenError::Parse { .. }) => {
                    K::Temporary
                }
                FlowError::Token(TokenError::InvalidGrant { .. }) => K::DeadGrant,
                FlowError::Token(TokenError::InvalidClient { .. })
                | FlowError::MissingClientSecret => K::BadInput,
                _ => K::Refused,
            },
            ServiceError::Vault(VaultError::Locked) | ServiceError::Unsaved(VaultError::Locked) => {
                K::KeychainLocked
            }
            ServiceError::Unsaved(_) => K::KeychainUnavailable,
            ServiceError::Vault(_) => K::KeychainUnavailable,
            ServiceError::Index(_) => K::Internal,
            ServiceError::Flight(crate::flight::FlightError::Busy(_)) => K::Temporary,
            ServiceError::Flight(_) => K::Internal,
            ServiceError::Shared(inner) => inner.kind(),
            ServiceError::Concerning { error, .. } => error.kind(),
        }
    }

    /// Only a new sign-in helps: the grant is dead, or its saved secret is gone.
    pub fn needs_reconnect(&self) -> bool {
        matches!(
            self.kind(),
            ErrorKind::DeadGrant | ErrorKind::KeychainItemMissing
        )
    }

    /// The error of an operation on connection `id`.
    pub fn concerning(self, id: &ConnectionId) -> Self {
        match self {
            already @ ServiceError::Concerning { .. } => already,
            error => ServiceError::Concerning {
                connection: id.clone(),
                error: Box::new(error),
            },
        }
    }

    /// The connection this error concerns, when it is about one.
    pub fn connection(&self) -> Option<&ConnectionId> {
        match self {
            ServiceError::Concerning { connection, .. } => Some(connection),
            ServiceError::SecretMissing(id) => Some(id),
            _ => None,
        }
    }

    /// The provider id this error names itself, when it does.
    fn provider(&self) -> Option<&str> {
        match self {
            ServiceError::UnknownProvider(p) | ServiceError::MissingCredentials(p) => Some(p),
            ServiceError::NoSuchMethod { provider, .. } => Some(provider),
            ServiceError::Shared(inner) => inner.provider(),
            ServiceError::Concerning { error, .. } => error.provider(),
            _ => None,
        }
    }

    /// What the person can do next, for each front end to word its own way (the window's button,
    /// a shell's command).
    pub fn next_step(&self) -> NextStep {
        match self {
            ServiceError::UnknownState
            | ServiceError::Expired
            | ServiceError::SignInTimedOut { .. } => NextStep::StartAgain,
            ServiceError::Shared(inner) => inner.next_step(),
            ServiceError::Concerning { error, .. } => error.next_step(),
            _ => NextStep::Other,
        }
    }

    /// The provider this error is about, when it can tell: the connection it concerns, or the
    /// provider it names.
    pub(super) fn subject(&self) -> (Option<&ConnectionId>, Option<&str>) {
        (self.connection(), self.provider())
    }

    /// The person's words for this error, naming the provider, with the window's next step.
    pub fn to_user(&self, provider_name: &str) -> UserError {
        let mut user = self.what_happened(provider_name);
        if self.next_step() == NextStep::StartAgain {
            user.message.push_str(" Start again with Connect.");
        }
        user
    }

    /// What happened, in the person's words, without a [`NextStep::StartAgain`] (which each front
    /// end words itself); other errors carry their own advice.
    pub fn what_happened(&self, provider_name: &str) -> UserError {
        use ErrorCode as C;
        let e = |code, message: String| UserError::new(code, message);
        match self {
            ServiceError::UnknownProvider(id) => UserError::unknown_provider(id),
            ServiceError::UnknownConnection(_) => e(C::UnknownConnection, "That connection no longer exists.".into()),
            ServiceError::NoSuchMethod { .. } => e(C::Internal, format!("{provider_name} can't connect that way.")),
            ServiceError::MissingCredentials(_) => e(
                C::MissingCredentials,
                format!("{provider_name} needs app credentials (a client id and secret) before you can connect. Click Connect to set them up, or open Settings."),
            ),
            ServiceError::EmptyField(label) => e(C::InvalidInput, format!("Please fill in “{label}”.")),
            ServiceError::UnknownScope(scope) => e(C::InvalidInput, format!("{provider_name} doesn't offer the scope “{scope}” in Plugboard. Choose among the ones listed when you connect.")),
            ServiceError::NothingToTry => e(C::InvalidInput, format!("{provider_name} has no identity or check endpoint in Plugboard's catalogue, so there is no harmless call to try. Use Copy as header with your own request instead.")),
            ServiceError::BadName(NameProblem::TooLong) => e(C::InvalidInput, format!("A connection's name can be at most {} characters. Choose a shorter one.", super::NAME_MAX)),
            ServiceError::BadName(NameProblem::ControlCharacters) => e(C::InvalidInput, "A connection's name can't contain line breaks or tabs. Type it on one line.".into()),
            ServiceError::BadName(NameProblem::LooksLikeAnId) => e(C::InvalidInput, "That name could be mistaken for a provider or a connection id on the command line. Add a capital letter, a space or another word (for example “Client A”).".into()),
            ServiceError::BadName(NameProblem::Taken(name)) => e(C::InvalidInput, format!("Another connection is already called “{name}”. Choose a different name, so each one can be picked by its name.")),
            ServiceError::CredentialsFixed(super::CredentialOrigin::Environment) => e(
                C::InvalidInput,
                format!("{provider_name}'s app credentials are set by environment variables, which Plugboard always uses first. Change or unset those instead."),
            ),
            ServiceError::CredentialsFixed(super::CredentialOrigin::UserFile) => e(
                C::InvalidInput,
                format!("{provider_name}'s app credentials come from your providers.toml, which Plugboard uses before saved ones. Edit that file to change them."),
            ),
            ServiceError::CredentialsFixed(_) => e(
                C::InvalidInput,
                format!("{provider_name}'s app credentials are managed by your organisation and can't be changed here. Ask whoever manages Plugboard on this computer."),
            ),
            ServiceError::BasicTokenMismatch => e(
                C::InvalidInput,
                "The Basic token doesn't match this client ID and secret. Copy all three from the same credential, or leave the Basic token empty.".into(),
            ),
            ServiceError::UnknownState => e(
                C::StateMismatch,
                "This sign-in response doesn't match a sign-in Plugboard started (or it was already used), so it was ignored.".into(),
            ),
            ServiceError::Expired => e(C::FlowExpired, format!("The sign-in to {provider_name} took too long and expired.")),
            ServiceError::Declined => e(C::Declined, format!("You declined the request in {provider_name}, so nothing was connected.")),
            ServiceError::AuthorizeError(code) => {
                e(C::ProviderError, format!("{provider_name} refused the sign-in ({code}). Check the app's settings at {provider_name}, then try again."))
            }
            ServiceError::Malformed => e(C::StateMismatch, "Plugboard received a link that is not a sign-in response.".into()),
            ServiceError::NotAnAddress => e(
                C::InvalidInput,
                "That is not the address the browser ended on: paste the whole address, starting with http:// or https:// (or dev.plugboard.desktop:).".into(),
            ),
            ServiceError::SignInTimedOut { .. } => e(
                C::FlowExpired,
                format!("The sign-in to {provider_name} timed out."),
            ),
            ServiceError::Loopback(l) => e(
                C::ProviderError,
                format!("Plugboard can't receive the {provider_name} sign-in: {l}. Close the other program, then try again."),
            ),
            ServiceError::SecretMissing(_) => e(
                C::ReconnectNeeded,
                format!("The saved sign-in for this {provider_name} connection is gone from your keychain (it was deleted, or the keychain was reset). Connect again to use it."),
            ),
            ServiceError::Flow(f) => flow_error(f, provider_name),
            ServiceError::Vault(v) => UserError::from(v.clone()),
            ServiceError::Unsaved(v) => e(
                UserError::from(v.clone()).code,
                format!("{provider_name} gave Plugboard new tokens, but your keychain would not save them ({v}). Plugboard keeps them while it runs and saves them as soon as the keychain takes them: unlock or restart your keyring, and keep Plugboard open until then."),
            ),
            ServiceError::Shared(inner) => inner.what_happened(provider_name),
            ServiceError::Concerning { error, .. } => error.what_happened(provider_name),
            ServiceError::Index(i @ IndexError::Write { .. }) => e(C::StorageFailed, format!("Plugboard couldn't save its list of connections: {i}. Check that the disk has space and the folder is writable, then try again.")),
            ServiceError::Index(i) => e(C::StorageFailed, format!("Plugboard couldn't read its list of connections: {i}. Nothing was changed. Move the file aside to start a new list (the sign-ins stay in your keychain, and `plugboard doctor --fix` puts them back in the list), or send the file to support.")),
            ServiceError::Flight(crate::flight::FlightError::Busy(_)) => e(
                C::ProviderUnavailable,
                format!("Another Plugboard window or command is still refreshing this {provider_name} connection. Try again in a minute."),
            ),
            ServiceError::Flight(f) => e(C::StorageFailed, format!("Plugboard couldn't coordinate the refresh with other Plugboard processes: {f}.")),
        }
    }
}

fn flow_error(f: &FlowError, provider_name: &str) -> UserError {
    use ErrorCode as C;
    let e = |code, message: String| UserError::new(code, message);
    match f {
        FlowError::Network(_) => e(C::ProviderUnavailable, format!("Plugboard couldn't reach {provider_name}. Check your internet connection and try again.")),
        FlowError::TimedOut => e(C::ProviderUnavailable, format!("{provider_name} took too long to answer, so Plugboard stopped waiting. Your connection is unchanged; try again in a few minutes.")),
        FlowError::TooLarge => e(C::ProviderError, format!("{provider_name} sent an answer far too large to be a sign-in (over 1 MiB), so Plugboard ignored it. Your connection is unchanged; try again later.")),
        FlowError::Token(TokenError::Temporary { status, retry_after: Some(wait) }) => e(
            C::ProviderUnavailable,
            format!("{provider_name} is busy (HTTP {status}) and asked Plugboard to wait {}. Your connection is kept; Plugboard tries again after that.", wait_words(*wait)),
        ),
        FlowError::Token(TokenError::Temporary { .. }) => {
            e(C::ProviderUnavailable, format!("{provider_name} is having trouble right now. Try again in a few minutes."))
        }
        FlowError::Token(TokenError::Parse { reason, .. }) => e(
            C::ProviderError,
            format!("{provider_name} sent an answer Plugboard couldn't read ({reason}), so nothing was saved from it. Try again later; if it keeps happening, copy the diagnostics for support."),
        ),
        FlowError::Token(TokenError::InvalidClient { .. }) => {
            e(C::InvalidCredentials, format!("{provider_name} didn't accept these credentials. Check them and try again."))
        }
        FlowError::Token(TokenError::InvalidGrant { .. }) => {
            e(C::ReconnectNeeded, format!("{provider_name} no longer accepts this sign-in. Connect again."))
        }
        FlowError::Token(other) => e(C::ProviderError, format!("{provider_name} refused the request ({}).", other.code())),
        FlowError::MissingClientSecret => e(C::MissingCredentials, format!("{provider_name} needs a client secret before you can connect.")),
        FlowError::IssuerMismatch { .. } => e(C::StateMismatch, "This sign-in response came from a different server than expected, so it was refused.".into()),
        FlowError::Http { status } => e(C::ProviderError, format!("{provider_name} answered with an error (HTTP {status}).")),
        FlowError::MissingValue(v) => e(C::ProviderError, format!("{provider_name}'s answer lacked `{v}`.")),
    }
}

/// "45 seconds", "about 2 minutes", "about 3 hours".
fn wait_words(seconds: u64) -> String {
    match seconds {
        0..=1 => "a moment".into(),
        2..=90 => format!("{seconds} seconds"),
        91..=5_399 => format!("about {} minutes", seconds.div_ceil(60)),
        _ => format!("about {} hours", seconds.div_ceil(3_600)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::TokenError;

    #[test]
    fn errors_read_in_the_persons_words_with_stable_codes() {
        let e = ServiceError::Declined.to_user("HubSpot");
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "declined");
        assert_eq!(
            e.message,
            "You declined the request in HubSpot, so nothing was connected."
        );
        let e = ServiceError::Flow(FlowError::Token(TokenError::InvalidClient {
            code: "http_401".into(),
            description: None,
        }))
        .to_user("WhatConverts");
        assert_eq!(
            serde_json::to_value(&e).unwrap()["code"],
            "invalid_credentials"
        );
        assert_eq!(
            ServiceError::UnknownState.to_user("x").code,
            ErrorCode::StateMismatch
        );
    }

    #[test]
    fn each_failure_gets_its_own_words() {
        let words = |f: FlowError| ServiceError::Flow(f).to_user("HubSpot").message;
        let timeout = words(FlowError::TimedOut);
        assert!(timeout.contains("took too long"), "{timeout}");
        assert!(!timeout.contains("internet connection"), "{timeout}");
        let malformed = words(FlowError::Token(TokenError::Parse {
            status: 200,
            reason: "not JSON".into(),
            body: String::new(),
        }));
        assert!(
            malformed.contains("couldn't read (not JSON)"),
            "{malformed}"
        );
        assert!(!malformed.contains("refused"), "{malformed}");
        let busy = words(FlowError::Token(TokenError::Temporary {
            status: 429,
            retry_after: Some(120),
        }));
        assert!(busy.contains("wait about 2 minutes"), "{busy}");
        assert!(words(FlowError::TooLarge).contains("too large"));
        let path = std::path::PathBuf::from("/d/connections.json");
        let read = ServiceError::Index(IndexError::Read {
            path: path.clone(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        })
        .to_user("HubSpot")
        .message;
        assert!(read.contains("couldn't read"), "{read}");
        assert!(!read.contains("save"), "{read}");
        let write = ServiceError::Index(IndexError::Write {
            path,
            source: std::io::Error::from(std::io::ErrorKind::StorageFull),
        })
        .to_user("HubSpot")
        .message;
        assert!(write.contains("couldn't save"), "{write}");
        assert_eq!(wait_words(30), "30 seconds");
        assert_eq!(wait_words(7_200), "about 2 hours");
    }
}

/*!
The service's error: what went wrong, in terms the logic decides on (its kind, its next step,
the connection it concerns). The person's words for it (naming the provider), chosen at the
boundary through [`ServiceError::to_user`], are in `words`.
*/

use std::sync::Arc;

use crate::catalogue::MethodKind;
use crate::connection::ConnectionId;
use crate::error::UserError;
use crate::flow::FlowError;
use crate::i18n::t;
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
    /// A refresh got new tokens but the keychain refused them: they are held (see
    /// [`super::held`]) until it takes them.
    #[error("the new tokens could not be saved: {error}")]
    Unsaved {
        error: VaultError,
        /// Where they wait meanwhile.
        held: super::HeldIn,
    },
    #[error(transparent)]
    Index(#[from] IndexError),
    /// The provider's token URL now names another host than the connection was made with (a
    /// providers file changed it): its tokens were not sent there. A new sign-in through the
    /// new address is the person's yes.
    #[error("the token URL's host changed from {was} to {now}")]
    TokenHostChanged { was: String, now: String },
    /// Tokens held for the keychain ([`super::held`]) are in a file Plugboard cannot read now:
    /// the keychain's older copy is not used in their place (its refresh token may be spent).
    #[error("the held tokens in {} cannot be read: {}", .0.path.display(), .0.detail)]
    HeldUnreadable(super::held::Unreadable),
    /// The index could not be written before a change (a disconnect, a reconnect), so the
    /// change was not made: the connection is as it was.
    #[error("nothing changed: {0}")]
    Unchanged(IndexError),
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
            // Only a new sign-in (through the new address) may send tokens there.
            ServiceError::TokenHostChanged { .. } => K::DeadGrant,
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
            ServiceError::Vault(VaultError::Locked)
            | ServiceError::Unsaved {
                error: VaultError::Locked,
                ..
            } => K::KeychainLocked,
            ServiceError::Unsaved { .. } => K::KeychainUnavailable,
            ServiceError::Vault(_) => K::KeychainUnavailable,
            ServiceError::Index(_) => K::Internal,
            ServiceError::Unchanged(_) => K::Internal,
            ServiceError::HeldUnreadable(_) => K::Internal,
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

    /// The person's words for this error, naming the provider, with the window's next step. What
    /// came from outside in them (a name, an answer's words) is safe to show ([`crate::safe_text`]).
    pub fn to_user(&self, provider_name: &str) -> UserError {
        let mut user = self.what_happened(provider_name);
        if self.next_step() == NextStep::StartAgain {
            user.message = t("error-start-again", &[("message", user.message.into())]);
        }
        if let std::borrow::Cow::Owned(safe) = crate::safe_text::escape_keeping_lines(&user.message)
        {
            user.message = safe;
        }
        user
    }
}

mod words;

#[cfg(test)]
mod tests {
    use super::words::wait_words;
    use super::*;
    use crate::error::ErrorCode;
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

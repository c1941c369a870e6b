//! The person's words for each [`ServiceError`] (what happened, naming the provider, and what to
//! do next), and for the parts other errors carry (a flow's, the keychain's, the index's).

use super::{NameProblem, ServiceError};
use crate::error::{ErrorCode, UserError};
use crate::flow::FlowError;
use crate::i18n::{t, Arg};
use crate::index::IndexError;
use crate::tokens::TokenError;
use crate::vault::VaultError;

impl ServiceError {
    /// What happened, in the person's words, without a [`NextStep::StartAgain`] (which each front
    /// end words itself); other errors carry their own advice.
    pub fn what_happened(&self, provider_name: &str) -> UserError {
        use ErrorCode as C;
        let e = |code, message: String| UserError::new(code, message);
        let p = || ("provider", Arg::from(provider_name));
        let about = |id: &str| t(id, &[p()]);
        match self {
            ServiceError::UnknownProvider(id) => UserError::unknown_provider(id),
            ServiceError::UnknownConnection(_) => {
                e(C::UnknownConnection, t("error-unknown-connection", &[]))
            }
            ServiceError::NoSuchMethod { .. } => e(C::Internal, about("error-no-such-method")),
            ServiceError::MissingCredentials(_) => {
                e(C::MissingCredentials, about("error-missing-credentials"))
            }
            ServiceError::EmptyField(label) => e(
                C::InvalidInput,
                t("error-empty-field", &[("field", label.as_str().into())]),
            ),
            ServiceError::UnknownScope(scope) => e(
                C::InvalidInput,
                t(
                    "error-unknown-scope",
                    &[p(), ("scope", scope.as_str().into())],
                ),
            ),
            ServiceError::NothingToTry => e(C::InvalidInput, about("error-nothing-to-try")),
            ServiceError::BadName(NameProblem::TooLong) => e(
                C::InvalidInput,
                t(
                    "error-name-too-long",
                    &[("max", crate::service::NAME_MAX.into())],
                ),
            ),
            ServiceError::BadName(NameProblem::ControlCharacters) => {
                e(C::InvalidInput, t("error-name-control-characters", &[]))
            }
            ServiceError::BadName(NameProblem::LooksLikeAnId) => {
                e(C::InvalidInput, t("error-name-like-an-id", &[]))
            }
            ServiceError::BadName(NameProblem::Taken(name)) => e(
                C::InvalidInput,
                t("error-name-taken", &[("name", name.as_str().into())]),
            ),
            ServiceError::CredentialsFixed(crate::service::CredentialOrigin::Environment) => {
                e(C::InvalidInput, about("error-credentials-from-environment"))
            }
            ServiceError::CredentialsFixed(crate::service::CredentialOrigin::UserFile) => e(
                C::InvalidInput,
                t(
                    "error-credentials-from-user-file",
                    &[p(), ("file", "providers.toml".into())],
                ),
            ),
            ServiceError::CredentialsFixed(_) => {
                e(C::InvalidInput, about("error-credentials-managed"))
            }
            ServiceError::BasicTokenMismatch => {
                e(C::InvalidInput, t("error-basic-token-mismatch", &[]))
            }
            ServiceError::UnknownState => e(C::StateMismatch, t("error-unknown-state", &[])),
            ServiceError::Expired => e(C::FlowExpired, about("error-sign-in-expired")),
            ServiceError::Declined => e(C::Declined, about("error-declined")),
            ServiceError::AuthorizeError(code) => e(
                C::ProviderError,
                t(
                    "error-authorize-refused",
                    &[p(), ("code", code.as_str().into())],
                ),
            ),
            ServiceError::Malformed => e(C::StateMismatch, t("error-malformed-link", &[])),
            ServiceError::NotAnAddress => e(
                C::InvalidInput,
                t(
                    "error-not-an-address",
                    &[("scheme", crate::deeplink::SCHEME.into())],
                ),
            ),
            ServiceError::SignInTimedOut { .. } => {
                e(C::FlowExpired, about("error-sign-in-timed-out"))
            }
            ServiceError::Loopback(l) => e(
                C::ProviderError,
                t(
                    "error-loopback",
                    &[p(), ("detail", loopback_words(l).into())],
                ),
            ),
            ServiceError::SecretMissing(_) => e(C::ReconnectNeeded, about("error-secret-missing")),
            ServiceError::Flow(f) => flow_error(f, provider_name),
            ServiceError::Vault(v) => UserError::from(v.clone()),
            ServiceError::Unsaved { error: v, held } => e(
                UserError::from(v.clone()).code,
                t(
                    match held {
                        crate::service::HeldIn::RuntimeFile => "error-unsaved-tokens",
                        crate::service::HeldIn::Memory => "error-unsaved-tokens-in-memory",
                    },
                    &[p(), ("detail", keychain_words(v).into())],
                ),
            ),
            ServiceError::Shared(inner) => inner.what_happened(provider_name),
            ServiceError::Concerning { error, .. } => error.what_happened(provider_name),
            ServiceError::TokenHostChanged { was, now } => e(
                C::ReconnectNeeded,
                t(
                    "error-token-host-changed",
                    &[
                        p(),
                        ("was", was.as_str().into()),
                        ("now", now.as_str().into()),
                    ],
                ),
            ),
            ServiceError::HeldUnreadable(h) => e(
                C::StorageFailed,
                t(
                    "error-held-unreadable",
                    &[
                        p(),
                        ("file", h.path.display().to_string().into()),
                        ("detail", h.detail.as_str().into()),
                    ],
                ),
            ),
            ServiceError::Unchanged(i) => e(
                C::StorageFailed,
                t("error-unchanged", &[p(), ("detail", index_words(i).into())]),
            ),
            ServiceError::Index(i @ IndexError::Write { .. }) => e(
                C::StorageFailed,
                t("error-index-write", &[("detail", index_words(i).into())]),
            ),
            ServiceError::Index(i) => e(
                C::StorageFailed,
                t(
                    "error-index-read",
                    &[
                        ("detail", index_words(i).into()),
                        ("command", "plugboard doctor --fix".into()),
                    ],
                ),
            ),
            ServiceError::Flight(crate::flight::FlightError::Busy(_)) => {
                e(C::ProviderUnavailable, about("error-refresh-busy"))
            }
            ServiceError::Flight(crate::flight::FlightError::Io { path, source }) => e(
                C::StorageFailed,
                t(
                    "error-refresh-lock",
                    &[
                        ("path", path.display().to_string().into()),
                        ("reason", source.to_string().into()),
                    ],
                ),
            ),
        }
    }
}

fn flow_error(f: &FlowError, provider_name: &str) -> UserError {
    use ErrorCode as C;
    let e = |code, message: String| UserError::new(code, message);
    let p = || ("provider", Arg::from(provider_name));
    let about = |id: &str| t(id, &[p()]);
    match f {
        FlowError::Network(_) => e(C::ProviderUnavailable, about("error-unreachable")),
        FlowError::TimedOut => e(C::ProviderUnavailable, about("error-timed-out")),
        FlowError::TooLarge => e(C::ProviderError, about("error-answer-too-large")),
        FlowError::Token(TokenError::Temporary {
            status,
            retry_after: Some(wait),
        }) => e(
            C::ProviderUnavailable,
            t(
                "error-busy",
                &[
                    p(),
                    ("status", status.to_string().into()),
                    ("wait", wait_words(*wait).into()),
                ],
            ),
        ),
        FlowError::Token(TokenError::Temporary { .. }) => {
            e(C::ProviderUnavailable, about("error-provider-trouble"))
        }
        FlowError::Token(TokenError::Parse { reason, .. }) => e(
            C::ProviderError,
            t(
                "error-unreadable-answer",
                &[p(), ("reason", reason.as_str().into())],
            ),
        ),
        FlowError::Token(TokenError::InvalidClient { .. }) => {
            e(C::InvalidCredentials, about("error-invalid-client"))
        }
        FlowError::Token(TokenError::InvalidGrant { .. }) => {
            e(C::ReconnectNeeded, about("error-invalid-grant"))
        }
        FlowError::Token(other) => e(
            C::ProviderError,
            t(
                "error-request-refused",
                &[p(), ("code", other.code().into())],
            ),
        ),
        FlowError::MissingClientSecret => {
            e(C::MissingCredentials, about("error-missing-client-secret"))
        }
        FlowError::IssuerMismatch { .. } => e(C::StateMismatch, t("error-issuer-mismatch", &[])),
        FlowError::Http { status } => e(
            C::ProviderError,
            t("error-http", &[p(), ("status", status.to_string().into())]),
        ),
        FlowError::MissingValue(v) => e(
            C::ProviderError,
            t("error-missing-value", &[p(), ("value", v.as_str().into())]),
        ),
    }
}

/// Why the browser's way back could not be listened on, in the person's words.
fn loopback_words(l: &crate::loopback::LoopbackError) -> String {
    use crate::loopback::LoopbackError as L;
    match l {
        L::PortInUse { port } => t(
            "error-loopback-port-in-use",
            &[("port", port.to_string().into())],
        ),
        L::Bind { port, reason } => t(
            "error-loopback-bind",
            &[
                ("port", port.to_string().into()),
                ("reason", reason.as_str().into()),
            ],
        ),
        L::TimedOut => t("error-loopback-timed-out", &[]),
    }
}

/// What the keychain said, in the person's words.
fn keychain_words(v: &VaultError) -> String {
    match v {
        VaultError::Locked => t("error-keychain-detail-locked", &[]),
        VaultError::Unavailable { detail } => t(
            "error-keychain-detail-unavailable",
            &[("detail", detail.as_str().into())],
        ),
        VaultError::Rejected { detail } => t(
            "error-keychain-detail-rejected",
            &[("detail", detail.as_str().into())],
        ),
        VaultError::Corrupt => t("error-keychain-detail-corrupt", &[]),
        VaultError::TimedOut(d) => t(
            "error-keychain-detail-timed-out",
            &[("seconds", (d.as_secs() as i64).into())],
        ),
    }
}

/// What went wrong with the index file, in the person's words.
fn index_words(i: &IndexError) -> String {
    let (id, path, reason) = match i {
        IndexError::Read { path, source } => ("error-index-detail-read", path, source.to_string()),
        IndexError::Unreadable { path, reason } => {
            ("error-index-detail-unreadable", path, reason.clone())
        }
        IndexError::Write { path, source } => {
            ("error-index-detail-write", path, source.to_string())
        }
    };
    t(
        id,
        &[
            ("path", path.display().to_string().into()),
            ("reason", reason.into()),
        ],
    )
}

/// "45 seconds", "about 2 minutes", "about 3 hours".
pub(super) fn wait_words(seconds: u64) -> String {
    let count = |n: u64| ("count", Arg::Number(n as i64));
    match seconds {
        0..=1 => t("error-wait-moment", &[]),
        2..=90 => t("error-wait-seconds", &[count(seconds)]),
        91..=5_399 => t("error-wait-minutes", &[count(seconds.div_ceil(60))]),
        _ => t("error-wait-hours", &[count(seconds.div_ceil(3_600))]),
    }
}

/*!
Tokens for programs, with the person's consent: the use case behind the D-Bus token service,
written once here. A program asks for a connection's access token; the connection is found as
every front end finds it (id, name, or a provider's one or default connection); a standing grant
([`crate::grants`]) answers at once, otherwise the host asks the person (the window's question)
and keeps what they chose; the token is refreshed first when it would not last the caller's next
minute (the rule and single flight of `plugboard token`); and every answer, allowed or refused,
is recorded ([`crate::audit`], door `dbus`) without the token.
*/

use std::future::Future;

use super::{ConnectionView, Connections, ErrorKind, Found, ServiceError};
use crate::audit::Door;
use crate::grants::{Choice, FileId};
use crate::i18n::t;
use crate::program::Program;
use crate::secret::AccessToken;

/// A token refreshed first when it would not last this many seconds (as `plugboard token`).
pub const MIN_VALID: i64 = 60;

/// Why a program got no token, by the D-Bus error it becomes; each with the person's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The person said no, or nobody answered, or the program may not ask (another user).
    Denied(String),
    /// No connection by that name, or several (the words name them).
    NotFound(String),
    /// Only a new sign-in helps.
    ReconnectNeeded(String),
    /// The keychain is locked (or unavailable).
    KeychainLocked(String),
    /// The provider or the network, for now; or the program asked too often.
    Temporary(String),
}

impl Refusal {
    /// The error's name under `dev.plugboard.desktop.Error.`.
    pub fn name(&self) -> &'static str {
        match self {
            Refusal::Denied(_) => "Denied",
            Refusal::NotFound(_) => "NotFound",
            Refusal::ReconnectNeeded(_) => "ReconnectNeeded",
            Refusal::KeychainLocked(_) => "KeychainLocked",
            Refusal::Temporary(_) => "Temporary",
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Refusal::Denied(m)
            | Refusal::NotFound(m)
            | Refusal::ReconnectNeeded(m)
            | Refusal::KeychainLocked(m)
            | Refusal::Temporary(m) => m,
        }
    }
}

/// A token handed to a program.
#[derive(Debug)]
pub struct ProgramToken {
    pub token: AccessToken,
    /// Unix seconds; 0 when it does not expire or is unknown.
    pub expires_at: i64,
    /// The connection it is of.
    pub connection: ConnectionView,
    /// The program had never been handed this connection's token before (a notification may
    /// say so).
    pub first_use: bool,
}

/// What the person answered, as the host heard it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Chose(Choice),
    /// Nobody answered in time (the host's limit: two minutes).
    NoAnswer,
}

impl Connections {
    /// The connection a program named: by id or name as the command line takes it; anything but
    /// exactly one is [`Refusal::NotFound`], naming the candidates.
    pub fn connection_for_program(&self, asked: &str) -> Result<ConnectionView, Refusal> {
        let found = self.find(asked).map_err(|e| self.refusal(&e))?;
        let safe = crate::safe_text::escape(asked).into_owned();
        match found {
            Found::One(c) => Ok(*c),
            Found::Nothing => Err(Refusal::NotFound(t(
                "programs-no-such-connection",
                &[("name", safe.into())],
            ))),
            Found::NoneYet { provider } => Err(Refusal::NotFound(t(
                "programs-no-connection-yet",
                &[("provider", self.provider_name(&provider).into())],
            ))),
            Found::Several {
                provider,
                candidates,
            } => {
                let names: Vec<String> = candidates
                    .iter()
                    .map(|c| match &c.name {
                        Some(name) => format!("{} ({name})", c.id),
                        None => format!("{} ({})", c.id, c.account),
                    })
                    .collect();
                Err(Refusal::NotFound(t(
                    "programs-several",
                    &[
                        ("provider", self.provider_name(&provider).into()),
                        ("candidates", names.join(", ").into()),
                    ],
                )))
            }
        }
    }

    /// Program `program` (these `files`) asks for connection `asked`'s access token: allowed by a
    /// standing grant, or by the person (`ask` puts the question and waits for the answer),
    /// refreshed first when it would not last [`MIN_VALID`]. The token and its expiry (unix
    /// seconds, 0 when it does not expire or is unknown); every outcome recorded.
    pub async fn token_for_program<F, Fut>(
        &self,
        asked: &str,
        program: &Program,
        files: &FileId,
        ask: F,
    ) -> Result<ProgramToken, Refusal>
    where
        F: FnOnce(ConnectionView) -> Fut,
        Fut: Future<Output = Answer>,
    {
        let c = self.connection_for_program(asked)?;
        let now = self.now();
        if !self.grants.allowed(program, files, &c.id, now) {
            let answer = ask(c.clone()).await;
            let (choice, reason) = match answer {
                Answer::Chose(choice) => (choice, "denied"),
                Answer::NoAnswer => (Choice::Deny, "no_answer"),
            };
            if !choice.allows() {
                self.record_refusal(&c.id, Door::Dbus, program, reason);
                let words = if answer == Answer::NoAnswer {
                    "programs-no-answer"
                } else {
                    "programs-denied"
                };
                return Err(Refusal::Denied(t(words, &self.words_of(&c, program))));
            }
            if let Err(e) = self.grants.grant(program, files, &c.id, choice, now) {
                log::warn!("{}: the grant could not be kept: {e}", c.id);
            }
        }
        let now = match self.ensure_fresh(&c.id, MIN_VALID).await {
            Ok(fresh) => fresh,
            Err(e) => {
                // A token that still works is worth having when the provider is only briefly
                // down.
                let left = c.live.expiry.seconds_left(self.now());
                if !(e.kind() == ErrorKind::Temporary && left.is_some_and(|l| l > 0)) {
                    return Err(self.refusal(&e));
                }
                c
            }
        };
        let first_use = !self.audit.of(&now.id).iter().any(|u| {
            u.outcome == crate::audit::Outcome::Allowed
                && u.program.path == program.path
                && u.program.script == program.script
        });
        let material = self
            .hand_out(&now.id, Door::Dbus, "access", program)
            .await
            .map_err(|e| self.refusal(&e))?;
        Ok(ProgramToken {
            token: material.access_token,
            expires_at: now.expires_at.unwrap_or(0),
            connection: now,
            first_use,
        })
    }

    /// The words naming the program and the connection in a refusal.
    fn words_of(
        &self,
        c: &ConnectionView,
        program: &Program,
    ) -> Vec<(&'static str, crate::i18n::Arg)> {
        vec![
            ("program", program.describe().into()),
            ("provider", self.provider_name(&c.provider).into()),
            (
                "account",
                crate::safe_text::escape(&c.account).into_owned().into(),
            ),
        ]
    }

    /// A service error as the refusal a program gets, in the person's words.
    pub fn refusal(&self, e: &ServiceError) -> Refusal {
        let message = self.explain(e).message;
        match e.kind() {
            ErrorKind::NotFound => Refusal::NotFound(message),
            ErrorKind::DeadGrant | ErrorKind::KeychainItemMissing => {
                Refusal::ReconnectNeeded(message)
            }
            ErrorKind::KeychainLocked | ErrorKind::KeychainUnavailable => {
                Refusal::KeychainLocked(message)
            }
            _ => Refusal::Temporary(message),
        }
    }
}

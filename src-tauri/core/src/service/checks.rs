/*!
Watching connections that nobody is using: the keychain (locked, unavailable, back), which
connections are due an automatic refresh, and the identity checks at start and after a sleep (a
refused token gets one refresh, then "Reconnect needed").

The identity checks cost a keychain read and a request each, so at any number of connections they
stay out of the window's way: they begin [`CHECK_DELAY`] after start (or a wake), skip every
connection the provider accepted within [`RECHECK_AFTER`] (a sign-in, a refresh, a check), go
longest-unconfirmed first, [`CHECKS_AT_ONCE`] at a time, and report only the connections whose
state they changed.
*/

use std::sync::Arc;

use serde_json::Value;

use super::model::ConnectionView;
use super::{Connections, ServiceError};
use crate::catalogue::{MethodKind, Provider};
use crate::connection::ConnectionId;
use crate::flow::{self, AppCredentials, FlowError};
use crate::lifetime::{self, KeychainState};
use crate::timeline::EventKind;
use crate::tokens::{TokenError, TokenSet};
use crate::vault::VaultError;

/// How long after start, or a wake, the identity checks begin: the window's first paint and the
/// person's first clicks come first (seconds).
pub const CHECK_DELAY: i64 = 20;
/// A connection the provider accepted more recently than this is not checked (seconds).
pub const RECHECK_AFTER: i64 = 3_600;
/// How many identity checks run at once.
pub const CHECKS_AT_ONCE: usize = 3;

/// What an identity check did.
enum Checked {
    /// The provider accepts the token: nothing changed.
    Accepted,
    /// Refused once, then refreshed and accepted.
    Changed,
}

impl Connections {
    /// The keychain as last seen by any operation.
    pub fn keychain_state(&self) -> KeychainState {
        self.runtime.keychain()
    }

    /// Asks the keychain whether it is usable now (on Linux this may show the unlock prompt), and
    /// remembers the answer. A keychain that became ready retries what it held up.
    pub async fn probe_keychain(&self) -> Result<(), VaultError> {
        self.check_keychain(false).await
    }

    /// "Unlock and retry": asks the system to unlock the keychain (it may prompt), then as
    /// [`Self::probe_keychain`].
    pub async fn unlock_keychain(&self) -> Result<(), VaultError> {
        self.check_keychain(true).await
    }

    async fn check_keychain(&self, unlock: bool) -> Result<(), VaultError> {
        let result = if unlock {
            self.vault
                .clone()
                .with_timeout(std::time::Duration::from_secs(120))
                .run(|v| v.unlock())
                .await
        } else {
            self.vault.run(|v| v.probe()).await
        };
        let state = match &result {
            Ok(()) => KeychainState::Ready,
            // An unlock prompt nobody answered: still locked, not broken.
            Err(VaultError::Locked) => KeychainState::Locked,
            Err(VaultError::TimedOut(_)) if unlock => KeychainState::Locked,
            Err(_) => KeychainState::Unavailable,
        };
        let was = self.keychain_state();
        self.runtime.note_keychain(state);
        if was != KeychainState::Ready && state == KeychainState::Ready {
            self.runtime.retry_now(self.now());
        }
        result
    }

    /// The provider's identity call with `tokens`: `Ok` when it accepts them; a refusal (401/403)
    /// is `invalid_grant`, a dead token.
    pub(super) async fn check_identity(
        &self,
        template: &crate::catalogue::UrlTemplate,
        tokens: &TokenSet,
    ) -> Result<(), FlowError> {
        let resp = flow::send(&self.http, &flow::bearer_get(template, tokens, None)?).await?;
        flow::check_status(&resp, |code| TokenError::InvalidGrant {
            code,
            description: None,
        })
    }

    /// The scheduler's tick: which connections are due an automatic refresh now, marked as
    /// refreshing so the next tick does not pick them again. A gap since the last tick longer than
    /// [`lifetime::WAKE_GAP`] means the machine slept: pending retries are brought forward.
    pub fn due_refreshes(&self) -> Result<Vec<ConnectionId>, ServiceError> {
        let now = self.now();
        if self.runtime.tick(now) {
            log::info!("the machine woke up: rechecking every connection");
        }
        let mut due = Vec::new();
        for record in self.index.load()? {
            if lifetime::refresh_is_due(
                self.runtime
                    .inputs(record.id.as_str(), record.reconnect_needed),
                record.obtained_at,
                record.expiry_at(now),
                now,
            ) {
                self.runtime
                    .update(record.id.as_str(), |l| l.refreshing = true);
                due.push(record.id);
            }
        }
        Ok(due)
    }

    /// Whether a scheduler tick noticed that the machine slept since the last call; clears it.
    pub fn take_wake(&self) -> bool {
        self.runtime.take_wake()
    }

    /// Once [`CHECK_DELAY`] after start and after each sleep: the signed-in connections to
    /// check (see [`Self::run_checks`]), longest unconfirmed first; none the provider accepted
    /// within [`RECHECK_AFTER`].
    pub fn take_checks(&self) -> Vec<ConnectionId> {
        let now = self.now();
        if !self.runtime.take_checks_due(now) {
            return Vec::new();
        }
        let mut due: Vec<_> = self
            .index
            .load()
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.method == MethodKind::AuthorizationCode && !r.reconnect_needed)
            .filter(|r| now.saturating_sub(r.last_accepted()) >= RECHECK_AFTER)
            .collect();
        due.sort_by_key(|r| r.last_accepted());
        due.into_iter().map(|r| r.id).collect()
    }

    /// Checks `ids` in order, [`CHECKS_AT_ONCE`] at a time, and calls `changed` for each whose
    /// state a check changed (refreshed, or now "Reconnect needed"). The accepted ones are
    /// recorded as checked, a few index writes in all.
    pub async fn run_checks(
        self: &Arc<Self>,
        ids: Vec<ConnectionId>,
        changed: impl Fn(&ConnectionId),
    ) {
        const RECORD_EVERY: usize = 50;
        let mut queue = ids.into_iter();
        let mut running = tokio::task::JoinSet::new();
        let mut accepted = Vec::new();
        loop {
            while running.len() < CHECKS_AT_ONCE {
                let Some(id) = queue.next() else { break };
                let service = Arc::clone(self);
                running.spawn(async move {
                    let result = service.check(&id).await;
                    (id, result)
                });
            }
            let Some(joined) = running.join_next().await else {
                break;
            };
            match joined {
                Ok((id, Ok(Checked::Accepted))) => accepted.push(id),
                Ok((id, Ok(Checked::Changed))) => changed(&id),
                Ok((id, Err(e))) => {
                    log::warn!("check of {id} failed: {e}");
                    if e.needs_reconnect() {
                        changed(&id);
                    }
                }
                Err(e) => log::warn!("a check ended early: {e}"),
            }
            if accepted.len() >= RECORD_EVERY || (running.is_empty() && !accepted.is_empty()) {
                if let Err(e) = self.index.mark_checked(&accepted, self.now()) {
                    log::warn!("could not record the checks: {e}");
                }
                accepted.clear();
            }
        }
    }

    /// Checks a signed-in connection with the provider's identity call. A refusal (401/403) gets
    /// one refresh and a second look; refused again, the grant is dead: "Reconnect needed".
    pub async fn verify(&self, cid: &ConnectionId) -> Result<ConnectionView, ServiceError> {
        self.check(cid).await?;
        self.get(cid)?
            .ok_or_else(|| ServiceError::UnknownConnection(cid.to_string()))
    }

    /// As [`Self::verify`]: whether the check changed anything.
    async fn check(&self, cid: &ConnectionId) -> Result<Checked, ServiceError> {
        self.check_here(cid).await.map_err(|e| e.concerning(cid))
    }

    /// As [`Self::check`], its errors not yet labelled with the connection.
    async fn check_here(&self, cid: &ConnectionId) -> Result<Checked, ServiceError> {
        let refused = match self.identity_refused(cid).await {
            Err(e) if e.needs_reconnect() => {
                self.mark_reconnect_needed(cid, &e).await?;
                return Err(e);
            }
            other => other?,
        };
        if refused {
            log::info!("{cid}: the provider refused its token; refreshing once");
            self.refresh(cid).await?;
            if self.identity_refused(cid).await? {
                let e = ServiceError::Flow(FlowError::Token(TokenError::InvalidGrant {
                    code: "identity_refused".into(),
                    description: None,
                }));
                self.mark_reconnect_needed(cid, &e).await?;
                return Err(e);
            }
            return Ok(Checked::Changed);
        }
        Ok(Checked::Accepted)
    }

    /// Stores "reconnect needed" for a check's finding `e` (a dead grant, a lost secret). Under
    /// the refresh lock, so a disconnect elsewhere is not undone by this save.
    pub(super) async fn mark_reconnect_needed(
        &self,
        cid: &ConnectionId,
        e: &ServiceError,
    ) -> Result<(), ServiceError> {
        let _lock = crate::flight::acquire(&self.data_dir, cid, self.settings.refresh_wait).await?;
        if let Some(record) = self.index.get(cid)? {
            let user = e.to_user(&self.provider_name(&record.provider));
            if !record.reconnect_needed {
                self.record_event(cid, EventKind::ReconnectNeeded, Some(&user));
            }
            self.save_failure(record, e, &user);
        }
        Ok(())
    }

    /// Whether the identity call (or, without one, RFC 7662 introspection) refuses the stored
    /// token; `false` when the provider has neither.
    async fn identity_refused(&self, cid: &ConnectionId) -> Result<bool, ServiceError> {
        let (record, secret) = self.load(cid).await?;
        let provider = self.provider(&record.provider)?;
        let Some(tokens) = secret.tokens() else {
            return Ok(false);
        };
        let Some(template) = provider
            .authorization_code()
            .and_then(|m| m.identity_url.as_ref())
        else {
            let Some(creds) = self.app_credentials(&record.provider).await? else {
                return Ok(false);
            };
            let info = self.introspect(provider, tokens, &creds).await?;
            // Inactive comes back as an empty map (see `introspect`).
            return Ok(info.is_some_and(|fields| fields.is_empty()));
        };
        match self.check_identity(template, tokens).await {
            Ok(()) => Ok(false),
            Err(FlowError::Token(TokenError::InvalidGrant { .. })) => Ok(true),
            Err(e) => Err(e.into()),
        }
    }

    /// RFC 7662 introspection of `tokens`' access token: `None` when the provider has no
    /// introspection endpoint, the response's fields when the token is active, and an empty map
    /// when the server says it is not (`{"active": false}` carries nothing else worth keeping).
    pub(super) async fn introspect(
        &self,
        provider: &Provider,
        tokens: &TokenSet,
        creds: &AppCredentials,
    ) -> Result<Option<serde_json::Map<String, Value>>, FlowError> {
        let Some(req) = flow::introspection_request(provider, tokens, creds)? else {
            return Ok(None);
        };
        let resp = flow::send(&self.http, &req).await?;
        flow::check_status(&resp, |code| TokenError::InvalidClient {
            code,
            description: None,
        })?;
        match flow::read_introspection(&resp.body) {
            Some(info) => Ok(Some(info)),
            None => Err(FlowError::MissingValue("active".into())),
        }
    }
}

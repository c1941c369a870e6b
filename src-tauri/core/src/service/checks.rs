/*!
Watching connections that nobody is using: the keychain (locked, unavailable, back), which
connections are due an automatic refresh, and the identity checks at start and after a sleep (a
refused token gets one refresh, then "Reconnect needed").
*/

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
                record.expiry(),
                now,
            ) {
                self.runtime
                    .update(record.id.as_str(), |l| l.refreshing = true);
                due.push(record.id);
            }
        }
        Ok(due)
    }

    /// Once at start and once after each sleep: the signed-in connections to [`Self::verify`].
    pub fn take_checks(&self) -> Vec<ConnectionId> {
        if !self.runtime.take_check_pending() {
            return Vec::new();
        }
        self.index
            .load()
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.method == MethodKind::AuthorizationCode && !r.reconnect_needed)
            .map(|r| r.id)
            .collect()
    }

    /// Checks a signed-in connection with the provider's identity call. A refusal (401/403) gets
    /// one refresh and a second look; refused again, the grant is dead: "Reconnect needed".
    pub async fn verify(&self, cid: &ConnectionId) -> Result<ConnectionView, ServiceError> {
        self.verify_here(cid).await.map_err(|e| e.concerning(cid))
    }

    /// As [`Self::verify`], its errors not yet labelled with the connection.
    async fn verify_here(&self, cid: &ConnectionId) -> Result<ConnectionView, ServiceError> {
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
        }
        self.get(cid)?
            .ok_or_else(|| ServiceError::UnknownConnection(cid.to_string()))
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
            let Some(creds) = self.app_credentials(&record.provider).await else {
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
        let info = match serde_json::from_str::<Value>(&resp.body) {
            Ok(Value::Object(info)) => info,
            _ => return Err(FlowError::MissingValue("active".into())),
        };
        Ok(Some(match info.get("active") {
            Some(Value::Bool(true)) => info,
            _ => serde_json::Map::new(),
        }))
    }
}

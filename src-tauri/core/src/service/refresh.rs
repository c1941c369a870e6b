/*!
Refreshing a connection: a refresh-token grant where there is a refresh token, a new mint for
client credentials, a re-check for keys and tokens that do not expire.

Single flight twice over: callers in this process queue on the connection's in-process flight and
share one outcome; processes queue on its lock file ([`crate::flight`]) and, once they hold it,
decide again whether the refresh is still wanted (another process may have just done it).
*/

use std::sync::Arc;

use super::model::ConnectionView;
use super::runtime::SharedRefresh;
use super::{no_method, Connections, ServiceError};
use crate::catalogue::MethodKind;
use crate::connection::ConnectionId;
use crate::flow::{self, AppCredentials, FlowError};
use crate::index::ConnectionRecord;
use crate::lifetime::{self, KeychainState};
use crate::timeline::EventKind;
use crate::tokens::{ConnectionSecret, TokenError};
use crate::vault::{VaultError, VaultKey};

/// When a refresh call really refreshes (checked again under the cross-process lock).
#[derive(Debug, Clone, Copy)]
enum Want {
    /// The Refresh button, `plugboard refresh`: unless another process refreshed while we waited.
    Always,
    /// The scheduler: only if the refresh is still due.
    IfDue,
    /// Only if the token expires within this many seconds.
    Within(i64),
}

impl Connections {
    /// Refreshes a connection: a refresh-token grant where there is a refresh token, a new mint for
    /// client credentials, a re-check for keys and tokens that do not expire.
    ///
    /// Single flight: callers queue on the connection's lock; one that waited while another
    /// refreshed finds a newer `obtained_at` and shares that result instead of spending the refresh
    /// token again. A rotated refresh token is in the keychain before the index says "refreshed".
    pub async fn refresh(&self, id: &ConnectionId) -> Result<ConnectionView, ServiceError> {
        self.refresh_when(id, Want::Always)
            .await
            .map_err(|e| e.concerning(id))
    }

    /// Refreshes every connection now, one after another (the tray's Refresh all): each as
    /// [`Self::refresh`], with its outcome.
    pub async fn refresh_all(
        &self,
    ) -> Result<Vec<(ConnectionView, Result<ConnectionView, ServiceError>)>, ServiceError> {
        let mut outcomes = Vec::new();
        for view in self.list()? {
            let outcome = self.refresh(&view.id).await;
            outcomes.push((view, outcome));
        }
        Ok(outcomes)
    }

    /// The scheduler's refresh: as [`Self::refresh`], but only if the connection is still due once
    /// the refresh lock is held (another process may have refreshed it a moment ago), and at
    /// most [`super::runtime::AUTOMATIC_REFRESHES_AT_ONCE`] at a time.
    pub async fn refresh_if_due(&self, id: &ConnectionId) -> Result<ConnectionView, ServiceError> {
        // The semaphore is never closed: a turn always comes.
        let _turn = self.runtime.auto_refreshes.acquire().await.ok();
        self.refresh_when(id, Want::IfDue)
            .await
            .map_err(|e| e.concerning(id))
    }

    /// Makes sure the access token lives at least `seconds` more — or half its lifetime, if that
    /// is less ([`lifetime::lasts_beyond_capped`]) — refreshing if it does not (what `plugboard
    /// token` and "Refresh & copy" need). Tokens that do not expire are left alone.
    pub async fn ensure_fresh(
        &self,
        id: &ConnectionId,
        seconds: i64,
    ) -> Result<ConnectionView, ServiceError> {
        // Fresh enough by the index: no lock, no wait behind another process's refresh.
        if let Some(view) = self.get(id)? {
            let now = self.now();
            if lifetime::lasts_beyond_capped(view.obtained_at, view.live.expiry, now, seconds) {
                return Ok(view);
            }
        }
        self.refresh_when(id, Want::Within(seconds))
            .await
            .map_err(|e| e.concerning(id))
    }

    async fn refresh_when(
        &self,
        cid: &ConnectionId,
        want: Want,
    ) -> Result<ConnectionView, ServiceError> {
        let flight = self.runtime.flight(cid.as_str());
        // Free: lead a new refresh. Busy: wait for the one in flight and share its outcome — if it
        // went to the provider; a leader that found nothing to do (the scheduler's "no longer
        // due") does not answer a Refresh click, so the waiter then decides for itself.
        let mut slot = match flight.try_lock() {
            Ok(slot) => slot,
            Err(_) => {
                let slot = flight.lock().await;
                if let Some((outcome, true)) = &*slot {
                    return outcome.clone().map_err(ServiceError::Shared);
                }
                slot
            }
        };
        let (outcome, acted) = self.refresh_and_settle(cid, want).await;
        *slot = Some((outcome.clone(), acted));
        outcome.map_err(ServiceError::Shared)
    }

    /// One refresh and its bookkeeping: the live state (refreshing, back-off), the index's last
    /// error and reconnect flag, the timeline. `true` when the provider was asked (or the attempt
    /// failed); `false` when the connection turned out not to need it.
    async fn refresh_and_settle(&self, cid: &ConnectionId, want: Want) -> (SharedRefresh, bool) {
        /// Clears "refreshing" however the refresh ends (even if its caller goes away).
        struct Running<'a>(&'a Connections, &'a str);
        impl Drop for Running<'_> {
            fn drop(&mut self) {
                self.0.runtime.update(self.1, |l| l.refreshing = false);
            }
        }
        self.runtime.update(cid.as_str(), |l| l.refreshing = true);
        let running = Running(self, cid.as_str());
        // `_lock` is held until this function returns: through the bookkeeping below.
        let (outcome, _lock) = self.refresh_locked(cid, want).await;
        drop(running);
        let now = self.now();
        match outcome {
            Ok((record, refreshed)) => {
                // Fresh either way (refreshed here, or by another process): no retry pending.
                self.runtime.note_keychain(KeychainState::Ready);
                self.runtime.update(cid.as_str(), |l| {
                    l.failures = 0;
                    l.retry_at = None;
                    l.troubled_since = None;
                });
                if refreshed {
                    self.record_event(cid, EventKind::Refreshed, None);
                }
                (Ok(self.view(record)), refreshed)
            }
            // Waiting for another process's refresh is not a failure of this connection.
            Err(e @ ServiceError::Flight(_)) => (Err(Arc::new(e)), true),
            Err(e) => {
                let Ok(Some(record)) = self.index.get(cid) else {
                    return (Err(Arc::new(e)), true);
                };
                let user = e.to_user(&self.provider_name(&record.provider));
                let dead = e.needs_reconnect();
                match &e {
                    ServiceError::Vault(VaultError::Locked)
                    | ServiceError::Unsaved {
                        error: VaultError::Locked,
                        ..
                    } => self.runtime.note_keychain(KeychainState::Locked),
                    ServiceError::Vault(
                        VaultError::Unavailable { .. } | VaultError::TimedOut(_),
                    )
                    | ServiceError::Unsaved {
                        error: VaultError::Unavailable { .. } | VaultError::TimedOut(_),
                        ..
                    } => self.runtime.note_keychain(KeychainState::Unavailable),
                    _ => {}
                }
                if !dead {
                    let retry_after = match &e {
                        ServiceError::Flow(FlowError::Token(TokenError::Temporary {
                            retry_after,
                            ..
                        })) => *retry_after,
                        _ => None,
                    };
                    // A locked keychain is its own need; the provider's trouble is this.
                    let provider_trouble = e.kind() == super::ErrorKind::Temporary;
                    self.runtime.update(cid.as_str(), |l| {
                        l.failures += 1;
                        if provider_trouble {
                            l.troubled_since.get_or_insert(now);
                        }
                        l.retry_at = Some(
                            now + lifetime::backoff(l.failures, rand::random::<f64>(), retry_after),
                        );
                    });
                }
                log::warn!("refresh of {cid} failed: {e}");
                self.record_event(cid, EventKind::RefreshFailed, Some(&user));
                if dead && !record.reconnect_needed {
                    self.record_event(cid, EventKind::ReconnectNeeded, None);
                }
                self.save_failure(record, &e, &user);
                (Err(Arc::new(e)), true)
            }
        }
    }

    /// Under the connection's cross-process lock: decides whether a refresh is still wanted and
    /// does it. `true` with the record when this call refreshed; `false` when another process had
    /// already done it (or it was not needed), with the current record.
    ///
    /// The lock comes back with the outcome, so the caller's bookkeeping (a failure saved to the
    /// index) happens before a disconnect or reconnect elsewhere can run.
    async fn refresh_locked(
        &self,
        cid: &ConnectionId,
        want: Want,
    ) -> (
        Result<(ConnectionRecord, bool), ServiceError>,
        Option<crate::flight::FlightLock>,
    ) {
        // What the caller saw before waiting: if the secret is replaced meanwhile (its generation
        // moves on), someone refreshed. From the index: no keychain read before the lock.
        let seen = match want {
            Want::Always => match self.index.get(cid) {
                Ok(Some(record)) => Some(record.generation),
                Ok(None) => return (Err(ServiceError::UnknownConnection(cid.to_string())), None),
                Err(e) => return (Err(e.into()), None),
            },
            _ => None,
        };
        let lock =
            match crate::flight::acquire(&self.data_dir, cid, self.settings.refresh_wait).await {
                Ok(lock) => lock,
                Err(e) => return (Err(e.into()), None),
            };
        (self.refresh_decided(cid, want, seen).await, Some(lock))
    }

    /// Under the lock: whether the refresh is still wanted, and if so the refresh.
    async fn refresh_decided(
        &self,
        cid: &ConnectionId,
        want: Want,
        seen: Option<u64>,
    ) -> Result<(ConnectionRecord, bool), ServiceError> {
        // Tokens another run could not save are the newest of the grant: into the keychain
        // first. If it still refuses them, only `plugboard token` and "Refresh & copy" go on
        // (with the held tokens: fresh enough, or refreshed from them); a refresh asked for or
        // scheduled says the tokens still wait, rather than "refreshed" (and backs off).
        if let Err(e) = self.save_held_locked(cid).await {
            if !matches!((&e, want), (ServiceError::Unsaved { .. }, Want::Within(_))) {
                return Err(e);
            }
        }
        let (record, secret) = self.load(cid).await?;
        let now = self.now();
        let already = match want {
            Want::Always => seen.is_some_and(|generation| generation != record.generation),
            Want::IfDue => lifetime::refresh_due_at(record.obtained_at, record.expiry_at(now))
                .is_none_or(|due| due > now),
            Want::Within(seconds) => lifetime::lasts_beyond_capped(
                record.obtained_at,
                record.expiry_at(now),
                now,
                seconds,
            ),
        };
        if already {
            log::info!("{cid}: no refresh needed (another process refreshed it, or it is fresh)");
            return Ok((record, false));
        }
        self.refresh_now(cid, record, secret)
            .await
            .map(|r| (r, true))
    }

    async fn refresh_now(
        &self,
        cid: &ConnectionId,
        record: ConnectionRecord,
        secret: ConnectionSecret,
    ) -> Result<ConnectionRecord, ServiceError> {
        let provider = self.provider(&record.provider)?;
        // A providers file that points the provider at another host does not get this
        // connection's refresh token (or client secret) without a new sign-in.
        // (Plugboard's own table may move a built-in provider: an update is not a providers file.)
        let token_host = provider.token_host(record.method);
        if let (Some(was), Some(now)) = (&record.token_host, &token_host) {
            let moved_by_plugboard =
                crate::catalogue::Catalogue::builtin_token_host(&record.provider, record.method)
                    .is_some_and(|own| &own == now);
            if was != now && !moved_by_plugboard {
                log::warn!("{cid}: the token URL's host changed from {was} to {now}; not sent");
                return Err(ServiceError::TokenHostChanged {
                    was: was.clone(),
                    now: now.clone(),
                });
            }
        }
        let key = VaultKey::Connection(cid.clone());
        let now = self.now();
        // From the request until the keychain and index writes return, a stop signal waits
        // ([`crate::custody`]): a rotating provider spends the old refresh token as it answers.
        let _custody = crate::custody::Custody::hold(crate::custody::Moment::Refresh);
        // Whether the provider spent the keychain's refresh token (issued a new one).
        let mut rotated = false;
        let (secret, expires_at) = match secret {
            ConnectionSecret::OAuth { tokens } => {
                let method = provider
                    .authorization_code()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::AuthorizationCode))?;
                match &tokens.refresh_token {
                    Some(refresh_token) => {
                        let creds =
                            self.app_credentials(&record.provider)
                                .await?
                                .ok_or_else(|| {
                                    ServiceError::MissingCredentials(record.provider.clone())
                                })?;
                        let mut fresh = flow::refresh_tokens(
                            &self.http,
                            method,
                            &creds,
                            refresh_token,
                            &tokens.extra,
                            &provider.token_rules(MethodKind::AuthorizationCode),
                            now,
                        )
                        .await?;
                        // Providers that do not rotate return no refresh token: keep ours.
                        if fresh.refresh_token.is_none() {
                            fresh.refresh_token = tokens.refresh_token.clone();
                        }
                        rotated = fresh.refresh_token != tokens.refresh_token;
                        for (k, v) in &tokens.extra {
                            fresh.extra.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                        let expires_at = fresh.expires_at;
                        (ConnectionSecret::OAuth { tokens: fresh }, expires_at)
                    }
                    None => {
                        // Nothing to refresh (Ecwid): check the token still works.
                        if let Some(template) = &method.identity_url {
                            self.check_identity(template, &tokens).await?;
                        }
                        let expires_at = tokens.expires_at;
                        (ConnectionSecret::OAuth { tokens }, expires_at)
                    }
                }
            }
            ConnectionSecret::ClientCredentials {
                client_id,
                client_secret,
                ..
            } => {
                let method = provider
                    .client_credentials()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::ClientCredentials))?;
                let creds = AppCredentials {
                    client_id: client_id.clone(),
                    client_secret: Some(client_secret.clone()),
                };
                let rules = provider.token_rules(MethodKind::ClientCredentials);
                let tokens =
                    flow::mint_client_credentials(&self.http, method, &creds, &rules, now).await?;
                let expires_at = tokens.expires_at;
                (
                    ConnectionSecret::ClientCredentials {
                        client_id,
                        client_secret,
                        tokens,
                    },
                    expires_at,
                )
            }
            ConnectionSecret::ApiKey { fields } => {
                let method = provider
                    .api_key()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::ApiKey))?;
                flow::verify_api_key(&self.http, method, &fields).await?;
                (ConnectionSecret::ApiKey { fields }, None)
            }
        };
        let item = secret.encode();
        let updated = ConnectionRecord {
            // An older record without its first sign-in: frozen at what it had until now.
            connected_at: record.connected_at.or(Some(record.obtained_at)),
            obtained_at: now,
            expires_at,
            refreshed_at: Some(now),
            reconnect_needed: false,
            temporary_problem: false,
            retry_at: None,
            // A success clears the current error; the timeline keeps the history.
            last_error: None,
            generation: record.generation + 1,
            // Checked above: the host it was made with, or where Plugboard's own table moved it.
            token_host: token_host.or(record.token_host.clone()),
            ..record
        };
        let put_item = item.clone();
        let label = self.item_label(&updated);
        if let Err(e) = self
            .vault
            .run(move |v| v.put(&key, &label, &put_item))
            .await
        {
            if !rotated {
                // The keychain's copy still works (the same refresh token, client secret or
                // key): nothing needs to wait outside it.
                log::warn!("{cid}: refreshed, but the keychain refused the new access token: {e}");
                return Err(ServiceError::Vault(e));
            }
            // The provider rotated the refresh token: the keychain's copy is spent. Hold
            // the new tokens (a private runtime file, see [`super::held`]), use and save them at
            // the next use or start of any Plugboard process, and say where they wait.
            log::warn!("{cid}: refreshed, but the keychain refused the new tokens: {e}");
            let held = self.held.keep(
                cid.as_str(),
                super::held::Unsaved {
                    item,
                    record: updated,
                },
            );
            return Err(ServiceError::Unsaved { error: e, held });
        }
        self.held.forget(cid.as_str());
        self.index.upsert(updated.clone())?;
        log::info!("refreshed {cid} ({})", updated.provider);
        Ok(updated)
    }
}

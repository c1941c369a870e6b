/*!
A connection's two halves kept together: the secret in the keychain, the record in the index.
Saved keychain first, then index, and the keychain put back as it was if the index cannot be
written (the item removed for a new connection, the previous item restored for a reconnect), so
a connection exists in both or in neither and a failed reconnect leaves the old one whole; loaded together; a failure written back to
the record. Connecting an account that is already connected replaces it under its id.
*/

use super::model::ConnectionView;
use super::runtime::Live;
use super::{Connections, ErrorKind, ServiceError};
use crate::catalogue::{MethodKind, ProviderId};
use crate::connection::ConnectionId;
use crate::error::UserError;
use crate::index::{AccountParts, ConnectionRecord, LastError};
use crate::timeline::EventKind;
use crate::tokens::ConnectionSecret;
use crate::vault::{VaultError, VaultKey};

fn fresh_id(provider: &ProviderId) -> ConnectionId {
    let n: u32 = rand::random();
    ConnectionId::parse(&format!("{provider}-{n:08x}"))
        .expect("provider ids and hex make valid connection ids")
}

impl Connections {
    /// A new connection's record: a fresh id, obtained now (see [`ConnectionRecord::new`]), in
    /// `environment`, its account named by `parts` (its label, written when shown: see
    /// [`super::account`]; stored in English too, for an older Plugboard).
    pub(super) fn new_record(
        &self,
        provider: &ProviderId,
        method: MethodKind,
        parts: AccountParts,
        environment: Option<String>,
    ) -> ConnectionRecord {
        let catalogued = self.catalogue.get(provider.as_str());
        let english = catalogued.map_or_else(String::new, |p| {
            super::account::compose(
                p,
                &parts,
                environment.as_deref(),
                &crate::i18n::messages_of("en"),
            )
        });
        let mut record = ConnectionRecord::new(
            fresh_id(provider),
            provider.as_str(),
            method,
            english,
            self.now(),
        );
        record.account_parts = Some(parts);
        record.environment = environment;
        record.token_host = catalogued.and_then(|p| p.token_host(method));
        record
    }

    /// A stored connection: its index record and its secret from the keychain. The index says the
    /// connection exists, so a missing keychain item is never "not connected": a locked keychain
    /// says so ([`VaultError::Locked`]), and an item gone from an open keychain is
    /// [`ServiceError::SecretMissing`] (reconnect needed).
    pub(super) async fn load(
        &self,
        cid: &ConnectionId,
    ) -> Result<(ConnectionRecord, ConnectionSecret), ServiceError> {
        let record = self
            .index
            .get(cid)?
            .ok_or_else(|| ServiceError::UnknownConnection(cid.to_string()))?;
        let key = VaultKey::Connection(cid.clone());
        let held = self
            .held
            .get(cid.as_str())
            .map_err(ServiceError::HeldUnreadable)?;
        if let Some(unsaved) = held {
            // A refresh's tokens the keychain refused: the keychain's copy holds a spent refresh
            // token, so these are used. They are saved only under the refresh lock
            // ([`Self::save_held`]), where no other process can be writing newer ones.
            let secret =
                ConnectionSecret::decode(&unsaved.item).map_err(|_| VaultError::Corrupt)?;
            return Ok((unsaved.record, secret));
        }
        let Some(item) = self.vault.run(move |v| v.get(&key)).await? else {
            // The keychain answered (a locked one says so), and has no item: the saved sign-in
            // is gone, which only a new sign-in mends.
            return Err(ServiceError::SecretMissing(cid.clone()));
        };
        let secret = ConnectionSecret::decode(&item).map_err(|_| VaultError::Corrupt)?;
        Ok((record, secret))
    }

    /// Saves every connection's held tokens ([`super::held`]) to the keychain, each under its
    /// refresh lock: what every command and the window do first, and the window's scheduler
    /// again while any wait. Returns how many are still held (the keychain still refuses them).
    pub async fn save_held(&self) -> usize {
        let mut left = 0;
        for id in self.held.ids() {
            let Some(cid) = ConnectionId::parse(&id) else {
                continue;
            };
            let saved = match crate::flight::acquire(
                &self.data_dir,
                &cid,
                self.settings.refresh_wait,
            )
            .await
            {
                Ok(_lock) => self.save_held_locked(&cid).await,
                Err(e) => Err(e.into()),
            };
            if let Err(e) = saved {
                log::info!("{cid}: held tokens not saved now: {e}");
                left += 1;
            }
        }
        left
    }

    /// Whether the service holds tokens the keychain has not taken yet.
    pub fn holds_unsaved(&self) -> bool {
        !self.held.ids().is_empty()
    }

    /// Under connection `cid`'s refresh lock: saves its held tokens, if any, to the keychain and
    /// the index, then forgets them. `Ok` when nothing is held for it any more; the keychain's
    /// refusal as [`ServiceError::Unsaved`] (they still wait).
    ///
    /// Held tokens that are no longer the newest are forgotten, never saved: the index moved past
    /// them (a reconnect, a later refresh), the connection is gone, or a failure recorded after
    /// they were obtained found the grant dead.
    pub(super) async fn save_held_locked(&self, cid: &ConnectionId) -> Result<(), ServiceError> {
        let Some(unsaved) = self
            .held
            .get(cid.as_str())
            .map_err(ServiceError::HeldUnreadable)?
        else {
            return Ok(());
        };
        let current = match self.index.get(cid)? {
            Some(record) => record,
            None => {
                log::warn!("{cid}: held tokens of a connection no longer listed: forgotten");
                self.held.forget(cid.as_str());
                return Ok(());
            }
        };
        let dead_since = current.reconnect_needed
            && current
                .last_error
                .as_ref()
                .is_some_and(|e| e.at >= unsaved.record.obtained_at);
        if current.generation > unsaved.record.generation || dead_since {
            log::warn!("{cid}: held tokens older than the connection's own: forgotten");
            self.held.forget(cid.as_str());
            return Ok(());
        }
        // The token's life from the refresh; what a person changed since (a name) kept.
        let record = ConnectionRecord {
            name: current.name,
            checked_at: current.checked_at.max(unsaved.record.checked_at),
            generation: unsaved.record.generation.max(current.generation),
            ..unsaved.record
        };
        let key = VaultKey::Connection(cid.clone());
        let label = self.item_label(&record);
        let item = unsaved.item.clone();
        let _custody = crate::custody::Custody::hold(crate::custody::Moment::Refresh);
        if let Err(e) = self.vault.run(move |v| v.put(&key, &label, &item)).await {
            return Err(ServiceError::Unsaved {
                error: e,
                held: self.held.place(),
            });
        }
        if let Err(e) = self.index.upsert(record) {
            // The keychain has the tokens: the index's older expiry only brings a refresh early.
            log::warn!("{cid}: held tokens saved to the keychain, the index not updated: {e}");
        }
        log::info!("{cid}: the refreshed tokens are saved in the keychain at last");
        self.held.forget(cid.as_str());
        Ok(())
    }

    /// Saves a failure to the index: the last error and, by its kind, "reconnect needed" (a dead
    /// grant, a lost secret) or "temporary problem".
    pub(super) fn save_failure(
        &self,
        mut record: ConnectionRecord,
        error: &ServiceError,
        user: &UserError,
    ) {
        let dead = error.needs_reconnect();
        record.last_error = Some(LastError {
            at: self.now(),
            code: user.code.as_str(),
            message: user.message.clone(),
            cause: match error.kind() {
                ErrorKind::KeychainItemMissing => Some(crate::index::Cause::ItemGone),
                ErrorKind::DeadGrant => Some(crate::index::Cause::Refused),
                _ => None,
            },
        });
        record.reconnect_needed |= dead;
        record.temporary_problem = error.kind() == ErrorKind::Temporary;
        // When the window's scheduler will try again, for `plugboard status` to say; a command's
        // failure leaves the window's plan as it was (the window still keeps it).
        record.retry_at = match (record.temporary_problem, self.runtime.schedules()) {
            (false, _) => None,
            (true, true) => self.runtime.live_of(record.id.as_str()).retry_at,
            (true, false) => record.retry_at,
        };
        if let Err(e) = self.index.upsert(record) {
            log::warn!("could not save a failure to the index: {e}");
        }
    }

    /// Forgets the retries this process planned (it is quitting: nobody will make them).
    pub fn forget_planned_retries(&self) {
        if self.runtime.schedules() {
            if let Err(e) = self.index.clear_retries() {
                log::warn!("could not forget the planned retries: {e}");
            }
        }
    }

    /// Stores a new connection: keychain first, then the index; undone if the index fails.
    /// Connecting an account that is already connected (a Reconnect) replaces it under its id.
    pub(super) async fn store(
        &self,
        record: ConnectionRecord,
        secret: ConnectionSecret,
    ) -> Result<ConnectionView, ServiceError> {
        self.store_replacing(record, secret, None).await
    }

    /// As [`Self::store`]; a sign-in for connection `replaces` (Reconnect, Ask for more access)
    /// replaces that one in place even when its account's label came out different (an identity
    /// call that failed this time, or a label an older version wrote).
    pub(super) async fn store_replacing(
        &self,
        mut record: ConnectionRecord,
        secret: ConnectionSecret,
        replaces: Option<&ConnectionId>,
    ) -> Result<ConnectionView, ServiceError> {
        let records = self.index.load()?;
        let existing = records
            .iter()
            .find(|r| super::account::same_account(self.catalogue.get(&r.provider), r, &record))
            .or_else(|| {
                replaces.and_then(|id| {
                    records
                        .iter()
                        .find(|r| &r.id == id && r.provider == record.provider)
                })
            })
            .cloned();
        if let Some(existing) = &existing {
            record.id = existing.id.clone();
            // A new sign-in is a success: the old failure is no longer the current problem (the
            // timeline keeps it), so the new record starts without one.
            record.generation = existing.generation + 1;
            record.connected_at = existing.connected_at.or(Some(existing.obtained_at));
            record.name = existing.name.clone();
        }
        // A reconnect replaces a connection another process may be refreshing: wait for that, so
        // its write (of the old grant) cannot land over the new tokens.
        let _lock = match &existing {
            Some(_) => Some(
                crate::flight::acquire(&self.data_dir, &record.id, self.settings.refresh_wait)
                    .await?,
            ),
            None => None,
        };
        let key = VaultKey::Connection(record.id.clone());
        let item = secret.encode();
        let _custody = crate::custody::Custody::hold(crate::custody::Moment::SignIn);
        // What a reconnect replaces, to put back if the index cannot be written: the keychain's
        // item, or the tokens held for it (the newest of its grant).
        let previous = match &existing {
            Some(_) => match self.held.get(record.id.as_str()).ok().flatten() {
                Some(unsaved) => Some(unsaved.item),
                None => {
                    let get_key = key.clone();
                    self.vault.run(move |v| v.get(&get_key)).await?
                }
            },
            None => None,
        };
        let put_key = key.clone();
        let label = self.item_label(&record);
        self.vault
            .run(move |v| v.put(&put_key, &label, &item))
            .await?;
        if let Err(e) = self.index.upsert(record.clone()) {
            // The index still describes the previous connection (or none): the keychain goes
            // back to match it, so a full disk never costs the connection that was there.
            let undone = match (previous, &existing) {
                (Some(previous), Some(existing)) => {
                    let label = self.item_label(existing);
                    self.vault
                        .run(move |v| v.put(&key, &label, &previous))
                        .await
                }
                _ => self.vault.run(move |v| v.delete(&key)).await,
            };
            if let Err(undo) = undone {
                log::warn!("{}: the keychain could not be put back: {undo}", record.id);
                return Err(e.into());
            }
            return Err(match &existing {
                // A reconnect: the connection that was there is as it was, and the words say so.
                Some(_) => ServiceError::Unchanged(e).concerning(&record.id),
                None => e.into(),
            });
        }
        self.held.forget(record.id.as_str());
        log::info!(
            "{} {} ({}, {:?})",
            if existing.is_some() {
                "reconnected"
            } else {
                "connected"
            },
            record.id,
            record.provider,
            record.method
        );
        self.runtime
            .update(record.id.as_str(), |l| *l = Live::default());
        let kind = if existing.is_some() {
            EventKind::Reconnected
        } else {
            EventKind::Connected
        };
        self.record_event(&record.id, kind, None);
        Ok(self.view(record))
    }
}

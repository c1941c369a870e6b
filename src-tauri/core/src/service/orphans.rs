/*!
Orphans: a keychain item in Plugboard's namespace that no connection in the index names (a
connect interrupted between its two writes, an index restored from a backup), or a connection in
the index whose keychain item is gone. Both are found from the items' names alone where the
keychain can list them (the Secret Service), so no secret is read; elsewhere each connection's item
is looked up.

The listing costs one call to the keychain, plus one an item whose account it has not seen:
[`ITEMS_FILE`] beside the index keeps each item's object path and account (no secret) as the last
listing found them, so the check each start and each command makes
([`Connections::notice_lost_items`]) costs the same few calls at any number of connections. An
item's attributes never change, but a keychain might give a deleted item's path to a new one: the
kept names are trusted only to say "nothing is lost"; whatever would mark a connection is looked
at again from the keychain alone, and the reports a person acts on ([`Connections::orphans`]:
diagnostics, `plugboard doctor`, `--fix`) always list afresh.

[`Connections::orphans`] reports them (diagnostics, `plugboard status`, `plugboard doctor`);
[`Connections::notice_lost_items`] also marks each connection whose item is gone Reconnect needed,
with that reason, so every front end says so before anyone uses it (`plugboard status`, the window
at start and after each keychain change);
[`Connections::fix_orphans`] (`plugboard doctor --fix`) re-indexes a keychain item whose provider
Plugboard knows and whose content it can read, as "Recovered connection" (an identity check then
names it), removes any other such item, and forgets index entries with no item (their sign-in is
gone: only a new Connect helps).
*/

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{Connections, ServiceError};
use crate::catalogue::{MethodKind, ProviderId};
use crate::connection::ConnectionId;
use crate::i18n::{t, Arg};
use crate::timeline::EventKind;
use crate::tokens::ConnectionSecret;
use crate::vault::{ItemNames, VaultKey};

/// Beside the index: the keychain items' object paths and accounts as the last listing found them
/// (no secret, no label), so the next listing asks the keychain only about new items.
pub const ITEMS_FILE: &str = "keychain-items";

/// What [`ITEMS_FILE`] holds.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct KeptItems {
    /// The keychain service (namespace) the items are of.
    service: String,
    items: ItemNames,
}

/// What [`Connections::orphans`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Orphans {
    /// Keychain items no connection names.
    pub keychain_only: Vec<ConnectionId>,
    /// Connections whose keychain item is gone.
    pub index_only: Vec<ConnectionId>,
}

impl Orphans {
    pub fn is_empty(&self) -> bool {
        self.keychain_only.is_empty() && self.index_only.is_empty()
    }

    /// One line for a person, or `None` when there is nothing to say.
    pub fn summary(&self) -> Option<String> {
        let (keychain, index) = (self.keychain_only.len(), self.index_only.len());
        let mut args = vec![
            ("doctor", Arg::from("plugboard doctor")),
            ("fix", Arg::from("plugboard doctor --fix")),
        ];
        let id = match (keychain, index) {
            (0, 0) => return None,
            (n, 0) => {
                args.push(("count", n.into()));
                "orphans-keychain-only"
            }
            (0, n) => {
                args.push(("count", n.into()));
                "orphans-index-only"
            }
            (k, i) => {
                args.push(("keychain", k.into()));
                args.push(("index", i.into()));
                "orphans-both"
            }
        };
        Some(t(id, &args))
    }
}

/// What [`Connections::fix_orphans`] did to one orphan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", content = "connection", rename_all = "snake_case")]
pub enum Fixed {
    /// A keychain item put back in the index as "Recovered connection".
    Reindexed(ConnectionId),
    /// A keychain item removed (unknown provider, or content Plugboard cannot read).
    Removed(ConnectionId),
    /// An index entry with no keychain item forgotten.
    Forgotten(ConnectionId),
}

impl Connections {
    /// Finds orphans on both sides (see the module's documentation), from a fresh listing.
    pub async fn orphans(&self) -> Result<Orphans, ServiceError> {
        if let Some(found) = self.listed_orphans(false).await? {
            return Ok(found);
        }
        // A keychain that cannot list its items: each connection's item is looked up.
        let mut found = Orphans::default();
        for r in self.index.load()? {
            let key = VaultKey::Connection(r.id.clone());
            if self.vault.run(move |v| v.get(&key)).await?.is_none() {
                found.index_only.push(r.id.clone());
            }
        }
        Ok(found)
    }

    fn items_file(&self) -> PathBuf {
        self.index.path().with_file_name(ITEMS_FILE)
    }

    /// The items the last listing of this namespace found (`None` if none is noted, or it is
    /// unreadable, or of another namespace).
    fn kept_items(&self) -> Option<KeptItems> {
        std::fs::read(self.items_file())
            .ok()
            .and_then(|body| serde_json::from_slice::<KeptItems>(&body).ok())
            .filter(|kept| kept.service == self.vault.service())
    }

    /// Orphans found from the keychain's item listing alone (no secret read); `None` where the
    /// keychain cannot list its items. With `kept`, items [`ITEMS_FILE`] names are not asked
    /// about again (see the module's documentation); the file is brought up to date either way.
    async fn listed_orphans(&self, kept: bool) -> Result<Option<Orphans>, ServiceError> {
        let records = self.index.load()?;
        let before = self.kept_items();
        let known = match (&before, kept) {
            (Some(before), true) => before.items.clone(),
            _ => ItemNames::new(),
        };
        let Some((items, names)) = self
            .vault
            .run(move |v| v.connection_items_known(&known))
            .await?
        else {
            return Ok(None);
        };
        if before.as_ref().map(|b| &b.items) != Some(&names) {
            let now = KeptItems {
                service: self.vault.service().to_string(),
                items: names,
            };
            let body = serde_json::to_vec(&now).unwrap_or_default();
            if let Err(e) = crate::files::write_private(&self.items_file(), &body) {
                log::info!("keychain items listed, but not noted: {e}");
            }
        }
        Ok(Some(Orphans {
            keychain_only: items
                .iter()
                .filter(|id| !records.iter().any(|r| &r.id == *id))
                .cloned()
                .collect(),
            index_only: records
                .iter()
                .filter(|r| !items.contains(&r.id))
                .map(|r| r.id.clone())
                .collect(),
        }))
    }

    /// The connections whose item `found` says is gone and that are not yet marked for it.
    fn not_yet_said(&self, found: &Orphans) -> Result<Vec<ConnectionId>, ServiceError> {
        let mut ids = Vec::new();
        for id in &found.index_only {
            if !self.lost_already_said(id)? {
                ids.push(id.clone());
            }
        }
        Ok(ids)
    }

    /// Whether connection `id` is already marked for its lost item, or has held tokens (which
    /// are the connection now): either way nothing is to be marked.
    fn lost_already_said(&self, id: &ConnectionId) -> Result<bool, ServiceError> {
        let Some(record) = self.index.get(id)? else {
            return Ok(true);
        };
        let already = record.reconnect_needed
            && record
                .last_error
                .as_ref()
                .is_some_and(|l| l.cause == Some(crate::index::Cause::ItemGone));
        Ok(already || matches!(self.held.get(id.as_str()), Ok(Some(_))))
    }

    /// Finds orphans as [`Self::orphans`] does, and marks each connection whose keychain item is
    /// gone Reconnect needed, with that reason ([`ServiceError::SecretMissing`]): the status every
    /// front end shows then says so at once, not only when someone uses the connection. Only from
    /// the item listing (no secret is read; where the keychain cannot list, nothing is marked and
    /// a use finds out). Each is looked at again under its refresh lock: a disconnect (which
    /// removes the index entry first) or a reconnect in between is left alone. Connections with
    /// held tokens ([`super::held`]) are not marked: those tokens are the connection now.
    ///
    /// Returns the orphans, and the connections it marked now (not those marked before).
    pub async fn notice_lost_items(&self) -> Result<(Orphans, Vec<ConnectionId>), ServiceError> {
        let Some(mut found) = self.listed_orphans(true).await? else {
            return Ok((self.orphans().await?, Vec::new()));
        };
        if self.not_yet_said(&found)?.is_empty() {
            return Ok((found, Vec::new()));
        }
        // Something would be marked: the keychain itself says (not the kept names).
        let Some(fresh) = self.listed_orphans(false).await? else {
            return Ok((found, Vec::new()));
        };
        found = fresh;
        let mut marked = Vec::new();
        for id in &self.not_yet_said(&found)? {
            let _lock =
                crate::flight::acquire(&self.data_dir, id, self.settings.refresh_wait).await?;
            // Under the lock, again: a reconnect in between wrote a new item (a path not kept).
            let known = self.kept_items().map(|k| k.items).unwrap_or_default();
            let Some((items, _)) = self
                .vault
                .run(move |v| v.connection_items_known(&known))
                .await?
            else {
                break;
            };
            if items.contains(id) {
                continue;
            }
            if let Some(record) = self.index.get(id)? {
                let e = ServiceError::SecretMissing(id.clone());
                let user = e.to_user(&self.provider_name(&record.provider));
                if !record.reconnect_needed {
                    self.record_event(id, EventKind::ReconnectNeeded, Some(&user));
                }
                log::info!("{id}: its keychain item is gone: reconnect needed");
                self.save_failure(record, &e, &user);
                marked.push(id.clone());
            }
        }
        Ok((found, marked))
    }

    /// Tidies up what [`Self::orphans`] finds, each under its connection's refresh lock.
    pub async fn fix_orphans(&self) -> Result<Vec<Fixed>, ServiceError> {
        let found = self.orphans().await?;
        let mut done = Vec::new();
        for id in found.keychain_only {
            let _lock =
                crate::flight::acquire(&self.data_dir, &id, self.settings.refresh_wait).await?;
            // Looked at again under the lock: a connect may have just written its index entry.
            if self.index.get(&id)?.is_some() {
                continue;
            }
            let key = VaultKey::Connection(id.clone());
            let get_key = key.clone();
            let item = self.vault.run(move |v| v.get(&get_key)).await?;
            let secret = item.and_then(|i| ConnectionSecret::decode(&i).ok());
            match secret.and_then(|s| self.recovered_record(&id, &s)) {
                Some(record) => {
                    self.index.upsert(record)?;
                    self.record_event(&id, EventKind::Connected, None);
                    log::info!("{id}: keychain item re-indexed");
                    done.push(Fixed::Reindexed(id));
                }
                None => {
                    self.vault.run(move |v| v.delete(&key)).await?;
                    log::info!("{id}: orphaned keychain item removed");
                    done.push(Fixed::Removed(id));
                }
            }
        }
        for id in found.index_only {
            let _lock =
                crate::flight::acquire(&self.data_dir, &id, self.settings.refresh_wait).await?;
            let key = VaultKey::Connection(id.clone());
            if self.vault.run(move |v| v.get(&key)).await?.is_some() {
                continue;
            }
            self.index.remove(&id)?;
            self.held.forget(id.as_str());
            self.record_event(&id, EventKind::Disconnected, None);
            log::info!("{id}: index entry without a keychain item forgotten");
            done.push(Fixed::Forgotten(id));
        }
        Ok(done)
    }

    /// A record for a keychain item found without one: its provider from the id
    /// (`hubspot-1a2b3c4d`), its method from the item, its expiry and scopes from the tokens.
    fn recovered_record(
        &self,
        id: &ConnectionId,
        secret: &ConnectionSecret,
    ) -> Option<crate::index::ConnectionRecord> {
        let (provider, _) = id.as_str().rsplit_once('-')?;
        let provider_id = ProviderId::parse(provider)?;
        let p = self.catalogue.get(provider)?;
        let method = match secret {
            ConnectionSecret::OAuth { .. } => MethodKind::AuthorizationCode,
            ConnectionSecret::ClientCredentials { .. } => MethodKind::ClientCredentials,
            ConnectionSecret::ApiKey { .. } => MethodKind::ApiKey,
        };
        p.method(method)?;
        let mut record = self.new_record(
            &provider_id,
            method,
            crate::index::AccountParts::Recovered,
            None,
        );
        record.id = id.clone();
        if let Some(tokens) = secret.tokens() {
            record.expires_at = tokens.expires_at;
            record.scopes = tokens.scopes.clone().unwrap_or_default();
        }
        record.never_expires = match p.method(method)? {
            crate::catalogue::Method::AuthorizationCode(m) => !m.tokens_expire,
            crate::catalogue::Method::ApiKey(_) => true,
            crate::catalogue::Method::ClientCredentials(_) => false,
        } && record.expires_at.is_none();
        Some(record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_each_side_in_one_sentence() {
        let id = |s: &str| ConnectionId::parse(s).unwrap();
        let mut o = Orphans::default();
        assert_eq!(o.summary(), None);
        o.keychain_only = vec![id("hubspot-1")];
        assert_eq!(
            o.summary().unwrap(),
            "1 keychain item belongs to no connection. Run `plugboard doctor` to see them, and `plugboard doctor --fix` to tidy up."
        );
        o.index_only = vec![id("ecwid-1"), id("ecwid-2")];
        assert_eq!(
            o.summary().unwrap(),
            "1 keychain item belongs to no connection; 2 connections have lost their keychain items. Run `plugboard doctor` to see them, and `plugboard doctor --fix` to tidy up."
        );
        o.keychain_only.clear();
        assert_eq!(
            o.summary().unwrap(),
            "2 connections have lost their keychain items. Run `plugboard doctor` to see them, and `plugboard doctor --fix` to tidy up."
        );
    }
}

/*!
The vault: Plugboard's only place for secrets, the operating system's keychain.

- Linux: the Secret Service (gnome-keyring, KWallet) over D-Bus; macOS: Keychain; Windows: Credential
  Manager — through `keyring` 3 with each platform's feature named in `Cargo.toml` (without one,
  keyring silently falls back to an in-memory mock).
- One keychain item per connection, holding the connection's whole secret set, so a rotated access +
  refresh token pair is written in one call. Client secrets typed into Settings get items of their own.
- A calm API (gitbutler's `but-secret`, GitHub CLI's keyring wrapper): a missing item is `Ok(None)`,
  delete is idempotent, [`Vault::account_name`] is the one function that names items, and each namespace
  (release, dev build, demo) has its own service name so they never see each other's items.
- Keychain calls can block (D-Bus, an unlock prompt): [`Vault::run`] moves them off the caller's
  thread and gives up after a timeout.
- Every item carries a label in plain words, what a keyring app (Seahorse) lists it as:
  [`ItemLabel`], worded by [`Vault::label_text`] ("Plugboard — HubSpot: Client B (ana@example.com)").
  Set at every write, changed alone by [`Vault::relabel`] (a rename), and brought up to date for
  every item at start by [`Vault::relabel_all`] (one listing, no secret read). Items are never
  *found* by their label: lookups use the `service` and `username` attributes. Where the keychain
  has no label to set (macOS's and Windows's through `keyring`), items keep keyring's own.

Below the vault is a small seam, [`SecretStore`]: the keyring backs the product (and the keychain
tests, which run against a real Secret Service), [`MemoryStore`] backs the service tests, so a plain
`cargo test` checks single flight, back-off and reconnect without a keychain.

Errors never carry a secret: keyring's `BadEncoding` holds the item's bytes, so it becomes
[`VaultError::Corrupt`] without them.
*/

use std::sync::Arc;
use std::time::Duration;

mod keyring_store;
mod memory;
#[cfg(target_os = "linux")]
mod secret_service;
#[cfg(test)]
use keyring_store::map_error;
pub use keyring_store::KeyringStore;
pub use memory::{MemoryStore, StoreCalls};
#[cfg(target_os = "linux")]
pub use secret_service::{counts, Counts, SecretServiceStore};

use crate::catalogue::ProviderId;
use crate::connection::ConnectionId;
use crate::secret::SecretString;

/// What a keychain item is for. [`Vault::account_name`] turns it into the item's name,
/// [`Vault::key_of`] back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VaultKey {
    /// A connection's tokens or keys.
    Connection(ConnectionId),
    /// A provider's OAuth client secret, typed into Settings.
    ClientSecret(ProviderId),
    /// Sign-ins waiting for their browser callback (state, PKCE verifier), so a callback that
    /// starts Plugboard after it was closed can still complete.
    PendingSignIns,
    /// Used by [`Vault::probe`]; never written.
    Probe,
}

/// What a keychain item is, for its label in a keyring app ([`Vault::label_text`] words it). No
/// secret ever goes in: a provider's name, an account's label, the name a person gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemLabel {
    /// A connection's item: its provider's display name, its account's label (may be empty), and
    /// the name a person gave it, if any.
    Connection {
        provider: String,
        account: String,
        name: Option<String>,
    },
    /// A client secret saved in Settings, by its provider's display name.
    AppCredentials { provider: String },
    /// The sign-ins waiting for their browser callback.
    PendingSignIns,
}

impl ItemLabel {
    /// A connection's label (see [`ItemLabel::Connection`]).
    pub fn connection(provider: &str, account: &str, name: Option<&str>) -> Self {
        Self::Connection {
            provider: provider.to_string(),
            account: account.to_string(),
            name: name.map(str::to_string),
        }
    }

    /// A saved client secret's label (see [`ItemLabel::AppCredentials`]).
    pub fn app_credentials(provider: &str) -> Self {
        Self::AppCredentials {
            provider: provider.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VaultError {
    #[error("the keychain is locked")]
    Locked,
    #[error("no keychain is available ({detail})")]
    Unavailable { detail: String },
    #[error("the keychain refused the item ({detail})")]
    Rejected { detail: String },
    #[error("a keychain item holds data Plugboard cannot read")]
    Corrupt,
    #[error("the keychain did not answer within {} seconds", .0.as_secs())]
    TimedOut(Duration),
}

/// The keychain this build stores secrets in, for diagnostics.
pub const BACKEND: &str = if cfg!(target_os = "linux") {
    "Secret Service (D-Bus)"
} else if cfg!(target_os = "macos") {
    "macOS Keychain"
} else if cfg!(target_os = "windows") {
    "Windows Credential Manager"
} else {
    "none"
};

/// Where secrets really go: items named by a service and an account, as every OS keychain names
/// them, labelled for a person where the keychain shows labels. A missing item is `Ok(None)`;
/// deleting one is not an error.
pub trait SecretStore: Send + Sync + std::fmt::Debug {
    fn get(&self, service: &str, account: &str) -> Result<Option<SecretString>, VaultError>;
    /// Stores `secret`, replacing what was there, and labels the item `label` (where the keychain
    /// has labels).
    fn put(
        &self,
        service: &str,
        account: &str,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), VaultError>;
    fn delete(&self, service: &str, account: &str) -> Result<(), VaultError>;
    /// Labels the item `label` without reading or writing its secret, and without prompting; a
    /// missing item is not an error (nothing to label). Nothing where the keychain has no labels.
    fn set_label(&self, service: &str, account: &str, label: &str) -> Result<(), VaultError> {
        let _ = (service, account, label);
        Ok(())
    }
    /// Each item of `service` as (account, label), without reading a secret or prompting;
    /// `Ok(None)` where the keychain cannot list items or has no labels.
    fn labels(&self, service: &str) -> Result<Option<Vec<(String, String)>>, VaultError> {
        let _ = service;
        Ok(None)
    }
    /// Asks the system to unlock the store (it may prompt).
    fn unlock(&self) -> Result<(), VaultError> {
        Ok(())
    }
    /// The accounts of every item of `service`, without reading a secret; `Ok(None)` where the
    /// platform's keychain cannot list items.
    fn accounts(&self, service: &str) -> Result<Option<Vec<String>>, VaultError> {
        let _ = service;
        Ok(None)
    }
    /// The accounts as [`Self::accounts`] gives them, with each item's handle (its D-Bus object
    /// path) and account, for a caller that keeps them: an item whose handle is in `known` is
    /// taken to be that account without asking the keychain (one call for the listing, not one
    /// an item). Stores without handles give an empty map and ignore `known`.
    fn accounts_known(
        &self,
        service: &str,
        known: &ItemNames,
    ) -> Result<Option<(Vec<String>, ItemNames)>, VaultError> {
        let _ = known;
        Ok(self.accounts(service)?.map(|a| (a, ItemNames::new())))
    }
}

/// Keychain items' handles (D-Bus object paths) and the accounts they hold, as a listing found
/// them ([`SecretStore::accounts_known`]).
pub type ItemNames = std::collections::BTreeMap<String, String>;

/// A handle on one namespace of the keychain. Cheap to clone (clones share the store).
#[derive(Debug, Clone)]
pub struct Vault {
    service: String,
    /// The namespace (`None` for the release one), named in item labels.
    namespace: Option<String>,
    timeout: Duration,
    store: Arc<dyn SecretStore>,
}

impl Vault {
    /// The service name of the release namespace; other namespaces append `.{name}`.
    pub const SERVICE: &'static str = crate::APP_IDENTIFIER;

    /// A vault in `namespace` of the OS keychain (`None` for the release namespace, e.g.
    /// `Some("dev")`, `Some("demo")`).
    pub fn new(namespace: Option<&str>) -> Self {
        // Linux: one kept-open Secret Service session per process; elsewhere the platform's
        // keychain through keyring.
        #[cfg(target_os = "linux")]
        let store: Arc<dyn SecretStore> = Arc::new(SecretServiceStore::default());
        #[cfg(not(target_os = "linux"))]
        let store: Arc<dyn SecretStore> = Arc::new(KeyringStore);
        Self::with_store(namespace, store)
    }

    /// A vault in `namespace` of `store` (tests pass a [`MemoryStore`]).
    pub fn with_store(namespace: Option<&str>, store: Arc<dyn SecretStore>) -> Self {
        let namespace = namespace.filter(|ns| !ns.is_empty());
        let service = match namespace {
            None => Self::SERVICE.to_string(),
            Some(ns) => format!("{}.{ns}", Self::SERVICE),
        };
        Self {
            service,
            namespace: namespace.map(str::to_string),
            timeout: Duration::from_secs(15),
            store,
        }
    }

    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The service attribute every item of this vault carries (`secret-tool search service …`).
    pub fn service(&self) -> &str {
        &self.service
    }

    /// The connections this vault's namespace holds an item for, read from the items' names alone
    /// (no secret is read); `Ok(None)` where the keychain cannot list items.
    pub fn connection_items(&self) -> Result<Option<Vec<ConnectionId>>, VaultError> {
        Ok(self
            .connection_items_known(&ItemNames::new())?
            .map(|(ids, _)| ids))
    }

    /// The connections as [`Self::connection_items`] finds them, asking the keychain only for the
    /// accounts of items whose handles are not in `known`; with the handles and accounts of this
    /// listing, for the next one.
    pub fn connection_items_known(
        &self,
        known: &ItemNames,
    ) -> Result<Option<(Vec<ConnectionId>, ItemNames)>, VaultError> {
        Ok(self
            .store
            .accounts_known(&self.service, known)?
            .map(|(accounts, names)| {
                let mut ids: Vec<ConnectionId> = accounts
                    .iter()
                    .filter_map(|a| a.strip_prefix("connection:"))
                    .filter_map(ConnectionId::parse)
                    .collect();
                ids.sort_by(|a, b| a.as_str().cmp(b.as_str()));
                ids.dedup();
                (ids, names)
            }))
    }

    /// Removes every item of this vault's namespace (connections, saved client secrets, pending
    /// sign-ins, strays) but those of the connections in `keep`, reading no secret; how many it
    /// removed, or `None` where the keychain cannot list items (nothing removed then).
    pub fn remove_all_but(&self, keep: &[ConnectionId]) -> Result<Option<usize>, VaultError> {
        let Some(accounts) = self.store.accounts(&self.service)? else {
            return Ok(None);
        };
        let kept: Vec<String> = keep
            .iter()
            .map(|id| Self::account_name(&VaultKey::Connection(id.clone())))
            .collect();
        let mut removed = 0;
        for account in accounts.iter().filter(|a| !kept.contains(a)) {
            self.store.delete(&self.service, account)?;
            removed += 1;
        }
        Ok(Some(removed))
    }

    /// The one function that names keychain items.
    pub fn account_name(key: &VaultKey) -> String {
        match key {
            VaultKey::Connection(id) => format!("connection:{id}"),
            VaultKey::ClientSecret(provider) => format!("client-secret:{provider}"),
            VaultKey::PendingSignIns => "pending-sign-ins".to_string(),
            VaultKey::Probe => "probe".to_string(),
        }
    }

    /// What an item's name says it is for (the inverse of [`Self::account_name`]); `None` for a
    /// name Plugboard does not give (and for the probe's, which is never written).
    pub fn key_of(account: &str) -> Option<VaultKey> {
        if let Some(id) = account.strip_prefix("connection:") {
            return ConnectionId::parse(id).map(VaultKey::Connection);
        }
        if let Some(provider) = account.strip_prefix("client-secret:") {
            return ProviderId::parse(provider).map(VaultKey::ClientSecret);
        }
        (account == "pending-sign-ins").then_some(VaultKey::PendingSignIns)
    }

    /// The words of an item's label, as a keyring app lists it: "Plugboard — " and what the item
    /// is; other namespaces than the release one say theirs ("Plugboard (demo) — …"), so a
    /// developer's items are not taken for a person's. The same in every language (provider names
    /// are names); text from outside (an account's label) is escaped as everywhere it is shown
    /// ([`crate::safe_text`]).
    pub fn label_text(&self, label: &ItemLabel) -> String {
        let safe = |s: &str| crate::safe_text::escape(s.trim()).into_owned();
        let what = match label {
            ItemLabel::Connection {
                provider,
                account,
                name,
            } => {
                let mut what = safe(provider);
                if let Some(name) = name.as_deref().map(safe).filter(|n| !n.is_empty()) {
                    what = format!("{what}: {name}");
                }
                match safe(account) {
                    account if account.is_empty() => what,
                    account => format!("{what} ({account})"),
                }
            }
            ItemLabel::AppCredentials { provider } => format!("{} app credentials", safe(provider)),
            ItemLabel::PendingSignIns => "sign-ins waiting for the browser".to_string(),
        };
        match &self.namespace {
            None => format!("Plugboard — {what}"),
            Some(ns) => format!("Plugboard ({ns}) — {what}"),
        }
    }

    /// Stores `secret` under `key`, replacing what was there, labelled `label`.
    pub fn put(
        &self,
        key: &VaultKey,
        label: &ItemLabel,
        secret: &SecretString,
    ) -> Result<(), VaultError> {
        if *key == VaultKey::Probe {
            return Err(VaultError::Rejected {
                detail: "the probe key is never written".into(),
            });
        }
        self.store.put(
            &self.service,
            &Self::account_name(key),
            &self.label_text(label),
            secret,
        )
    }

    /// Labels the item under `key` `label`, reading and writing no secret (a rename); a missing
    /// item is not an error.
    pub fn relabel(&self, key: &VaultKey, label: &ItemLabel) -> Result<(), VaultError> {
        self.store.set_label(
            &self.service,
            &Self::account_name(key),
            &self.label_text(label),
        )
    }

    /// Brings every item's label in this namespace up to date: `wanted` says each item's label
    /// (`None`: left as it is), and only items labelled otherwise are relabelled. One listing
    /// when nothing changes; no secret is read and nothing prompts (a locked keychain answers
    /// [`VaultError::Locked`] and nothing is changed). How many items were relabelled, or `None`
    /// where the keychain cannot list labels.
    pub fn relabel_all(
        &self,
        wanted: impl Fn(&VaultKey) -> Option<ItemLabel>,
    ) -> Result<Option<usize>, VaultError> {
        let Some(items) = self.store.labels(&self.service)? else {
            return Ok(None);
        };
        let mut relabelled = 0;
        for (account, label) in items {
            let Some(want) = Self::key_of(&account).as_ref().and_then(&wanted) else {
                continue;
            };
            let want = self.label_text(&want);
            if want != label {
                self.store.set_label(&self.service, &account, &want)?;
                relabelled += 1;
            }
        }
        Ok(Some(relabelled))
    }

    /// The secret under `key`, or `None` when there is no such item.
    ///
    /// On the Secret Service a *locked* keychain also answers "no such item" for items that do
    /// exist; the keyring store asks whether the collection is locked first and says
    /// [`VaultError::Locked`], so `None` here means the item is really not there.
    pub fn get(&self, key: &VaultKey) -> Result<Option<SecretString>, VaultError> {
        self.store.get(&self.service, &Self::account_name(key))
    }

    /// Removes the item under `key`; removing a missing item is not an error.
    pub fn delete(&self, key: &VaultKey) -> Result<(), VaultError> {
        self.store.delete(&self.service, &Self::account_name(key))
    }

    /// Asks the system to unlock the keychain (on Linux: the Secret Service's unlock prompt), for
    /// "Unlock and retry". Elsewhere the keychain unlocks itself on first use.
    pub fn unlock(&self) -> Result<(), VaultError> {
        self.store.unlock()?;
        self.probe()
    }

    /// Whether the keychain answers at all: a read of an item that never exists.
    pub fn probe(&self) -> Result<(), VaultError> {
        self.get(&VaultKey::Probe).map(|_| ())
    }

    /// Runs a keychain operation on a blocking thread, giving up after the vault's timeout.
    pub async fn run<T, F>(&self, op: F) -> Result<T, VaultError>
    where
        T: Send + 'static,
        F: FnOnce(&Vault) -> Result<T, VaultError> + Send + 'static,
    {
        let vault = self.clone();
        let task = tokio::task::spawn_blocking(move || op(&vault));
        match tokio::time::timeout(self.timeout, task).await {
            Err(_) => Err(VaultError::TimedOut(self.timeout)),
            Ok(Err(_join)) => Err(VaultError::Unavailable {
                detail: "the keychain call failed unexpectedly".into(),
            }),
            Ok(Ok(result)) => result,
        }
    }
}

pub(crate) fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or_default();
    line.chars().take(200).collect()
}

#[cfg(test)]
mod tests;

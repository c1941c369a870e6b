/*!
The Secret Service (gnome-keyring, KWallet, KeePassXC) over **one kept-open D-Bus connection and
one encrypted session per process**, instead of keyring's new connection and session per call
(5 ms a read, against 0.45 ms on a kept-open connection; a refresh opened six).

Built on `dbus-secret-service`, the client keyring 3 itself uses (blocking, no async runtime of its
own, Diffie-Hellman session encryption with `crypto-rust`), rather than `oo7` or `secret-service`
(both zbus/async: a second D-Bus stack beside the one WebKit and Tauri already load) or keyring-core 4
(a new major line of the keyring family, not yet what the Tauri ecosystem pins).

Items are the ones keyring 3 reads and writes — attributes `service`, `username`, `target=default`,
`application=rust-keyring` — so items written by earlier versions (and by `secret-tool`) are found,
and the tests' `secret-tool search` sees ours. Their label is Plugboard's own, in plain words
([`super::ItemLabel`]), not keyring's `connection:…@dev.plugboard.desktop:default (keyring v3.6.3)`:
set with the secret, changed alone through the item's `Label` property
(`org.freedesktop.Secret.Item`, `Item::set_label`), which needs no secret and no prompt, only an
unlocked collection. Items are found by their attributes only, never by label.

A locked collection answers [`VaultError::Locked`] without prompting (a background refresh must
never raise the unlock dialog); [`SecretStore::unlock`] is the one call that may prompt. When the
daemon goes away (restarted, logged out), the next call reconnects once.
*/

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use dbus_secret_service::{EncryptionType, Error, SecretService};

use super::{first_line, ItemNames, SecretStore, VaultError};
use crate::secret::SecretString;

/// Connections opened and calls made by this process's Secret Service stores (for `make bench`
/// and the tests that count them).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub connections: u64,
    pub reads: u64,
    pub writes: u64,
    /// Items whose attributes a listing asked for (one D-Bus call each).
    pub item_reads: u64,
}

static CONNECTIONS: AtomicU64 = AtomicU64::new(0);
static READS: AtomicU64 = AtomicU64::new(0);
static WRITES: AtomicU64 = AtomicU64::new(0);
static ITEM_READS: AtomicU64 = AtomicU64::new(0);

/// What this process has cost the Secret Service so far.
pub fn counts() -> Counts {
    Counts {
        connections: CONNECTIONS.load(Ordering::Relaxed),
        reads: READS.load(Ordering::Relaxed),
        writes: WRITES.load(Ordering::Relaxed),
        item_reads: ITEM_READS.load(Ordering::Relaxed),
    }
}

#[derive(Default)]
pub struct SecretServiceStore {
    /// The connection and session, opened at first use and kept.
    open: Mutex<Option<SecretService>>,
    /// Connections this store has opened (1 unless the daemon went away).
    opened: AtomicU64,
}

impl std::fmt::Debug for SecretServiceStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretServiceStore")
    }
}

fn unavailable(e: &Error) -> VaultError {
    VaultError::Unavailable {
        detail: first_line(&e.to_string()),
    }
}

/// Maps the service's errors onto what a person can act on.
fn map(e: Error) -> VaultError {
    match e {
        Error::Locked | Error::Prompt => VaultError::Locked,
        Error::Dbus(ref d) if d.name().is_some_and(|n| n.contains("IsLocked")) => {
            VaultError::Locked
        }
        Error::Crypto(_) | Error::Parse | Error::UnsupportedSecretFormat => VaultError::Corrupt,
        other => unavailable(&other),
    }
}

/// Whether an error means the connection (or the daemon behind it) is gone, so reconnecting may
/// help.
fn connection_lost(e: &Error) -> bool {
    match e {
        Error::Dbus(d) => !d.name().is_some_and(|n| n.contains("IsLocked")),
        Error::Unavailable | Error::NoResult => true,
        _ => false,
    }
}

impl SecretServiceStore {
    /// How many connections this store has opened.
    pub fn connections_opened(&self) -> u64 {
        self.opened.load(Ordering::Relaxed)
    }

    /// Runs `f` on the kept-open connection, opening it first if needed, and once more on a new
    /// connection if the old one was lost.
    fn with<T>(&self, f: impl Fn(&SecretService) -> Result<T, Error>) -> Result<T, VaultError> {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        for attempt in 0..2 {
            if open.is_none() {
                let ss = SecretService::connect(EncryptionType::Dh).map_err(|e| unavailable(&e))?;
                CONNECTIONS.fetch_add(1, Ordering::Relaxed);
                self.opened.fetch_add(1, Ordering::Relaxed);
                *open = Some(ss);
            }
            let ss = open.as_ref().expect("opened above");
            match f(ss) {
                Ok(value) => return Ok(value),
                Err(e) if attempt == 0 && connection_lost(&e) => {
                    log::info!("the Secret Service connection was lost ({e}); reconnecting");
                    *open = None;
                }
                Err(e) => return Err(map(e)),
            }
        }
        Err(VaultError::Unavailable {
            detail: "the Secret Service keeps dropping the connection".into(),
        })
    }

    fn attributes<'a>(service: &'a str, account: &'a str) -> HashMap<&'a str, &'a str> {
        HashMap::from([
            ("service", service),
            ("username", account),
            ("target", "default"),
        ])
    }
}

/// Locked, without prompting: the default collection's state (a keychain with no default
/// collection yet holds nothing, and is not locked).
fn collection_locked(ss: &SecretService) -> Result<bool, Error> {
    match ss.get_default_collection() {
        Ok(collection) => collection.is_locked(),
        Err(Error::NoResult) => Ok(false),
        Err(e) => Err(e),
    }
}

impl SecretStore for SecretServiceStore {
    fn get(&self, service: &str, account: &str) -> Result<Option<SecretString>, VaultError> {
        READS.fetch_add(1, Ordering::Relaxed);
        let secret = self.with(|ss| {
            // A locked keychain says so, even for an item it does not have (so "missing" is never
            // read from a locked one), and never prompts. The collection is asked only when the
            // search finds nothing: an item found unlocked answers for it (two calls fewer on
            // every read of a refresh).
            let found = ss.search_items(Self::attributes(service, account))?;
            if !found.locked.is_empty() {
                return Err(Error::Locked);
            }
            match found.unlocked.first() {
                Some(item) => item.get_secret().map(Some),
                None if collection_locked(ss)? => Err(Error::Locked),
                None => Ok(None),
            }
        })?;
        secret
            .map(|bytes| {
                String::from_utf8(bytes)
                    .map(SecretString::new)
                    .map_err(|_| VaultError::Corrupt)
            })
            .transpose()
    }

    fn put(
        &self,
        service: &str,
        account: &str,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), VaultError> {
        WRITES.fetch_add(1, Ordering::Relaxed);
        self.with(|ss| {
            let found = ss.search_items(Self::attributes(service, account))?;
            if !found.locked.is_empty() {
                return Err(Error::Locked);
            }
            if let Some(item) = found.unlocked.first() {
                item.set_secret(secret.expose().as_bytes(), "text/plain")?;
                // The label is asked first: most writes (a refresh) leave it as it was, and a
                // read changes nothing on disk.
                if item.get_label()? != label {
                    item.set_label(label)?;
                }
                return Ok(());
            }
            // A new keychain may have no default collection yet: make it, as keyring does.
            let collection = match ss.get_default_collection() {
                Err(Error::NoResult) => ss.create_collection("Login", "default")?,
                other => other?,
            };
            if collection.is_locked()? {
                return Err(Error::Locked);
            }
            let mut attributes = Self::attributes(service, account);
            attributes.insert("application", "rust-keyring");
            collection
                .create_item(
                    label,
                    attributes,
                    secret.expose().as_bytes(),
                    true,
                    "text/plain",
                )
                .map(|_| ())
        })
    }

    fn delete(&self, service: &str, account: &str) -> Result<(), VaultError> {
        WRITES.fetch_add(1, Ordering::Relaxed);
        self.with(|ss| {
            let found = ss.search_items(Self::attributes(service, account))?;
            if !found.locked.is_empty() {
                return Err(Error::Locked);
            }
            for item in &found.unlocked {
                item.delete()?;
            }
            Ok(())
        })
    }

    fn unlock(&self) -> Result<(), VaultError> {
        self.with(|ss| ss.get_default_collection()?.ensure_unlocked())
    }

    fn accounts(&self, service: &str) -> Result<Option<Vec<String>>, VaultError> {
        Ok(self
            .accounts_known(service, &ItemNames::new())?
            .map(|(accounts, _)| accounts))
    }

    fn accounts_known(
        &self,
        service: &str,
        known: &ItemNames,
    ) -> Result<Option<(Vec<String>, ItemNames)>, VaultError> {
        READS.fetch_add(1, Ordering::Relaxed);
        self.with(|ss| {
            // A locked collection may not list every item it holds (gnome-keyring restarted and
            // not yet unlocked lists none): its listing would read as items lost. Locked says so.
            if collection_locked(ss)? {
                return Err(Error::Locked);
            }
            // Attributes are readable on locked items too: no secret is read, nothing prompts.
            // An item's attributes never change (Plugboard writes an item whole, by them), so
            // an object path seen before holds the account it held then.
            let found = ss.search_items(HashMap::from([("service", service)]))?;
            let mut names = ItemNames::new();
            for item in found.unlocked.iter().chain(found.locked.iter()) {
                let path = item.path.to_string();
                if let Some(account) = known.get(&path) {
                    names.insert(path, account.clone());
                    continue;
                }
                ITEM_READS.fetch_add(1, Ordering::Relaxed);
                let attributes = item.get_attributes()?;
                if attributes.get("service").map(String::as_str) == Some(service) {
                    if let Some(account) = attributes.get("username") {
                        names.insert(path, account.clone());
                    }
                }
            }
            let accounts = names.values().cloned().collect();
            Ok(Some((accounts, names)))
        })
    }

    fn set_label(&self, service: &str, account: &str, label: &str) -> Result<(), VaultError> {
        WRITES.fetch_add(1, Ordering::Relaxed);
        self.with(|ss| {
            let found = ss.search_items(Self::attributes(service, account))?;
            if !found.locked.is_empty() {
                return Err(Error::Locked);
            }
            for item in &found.unlocked {
                if item.get_label()? != label {
                    item.set_label(label)?;
                }
            }
            Ok(())
        })
    }

    fn labels(&self, service: &str) -> Result<Option<Vec<(String, String)>>, VaultError> {
        READS.fetch_add(1, Ordering::Relaxed);
        self.with(|ss| {
            // A locked collection refuses new labels (gnome-keyring: `IsLocked`, "Cannot set
            // property on a locked object"), and one not unlocked since its daemon started lists
            // no items: locked says so, and the caller tries again another time. Nothing here
            // prompts.
            if collection_locked(ss)? {
                return Err(Error::Locked);
            }
            let found = ss.search_items(HashMap::from([("service", service)]))?;
            if !found.locked.is_empty() {
                return Err(Error::Locked);
            }
            let mut labels = Vec::new();
            for item in &found.unlocked {
                let attributes = item.get_attributes()?;
                if attributes.get("service").map(String::as_str) == Some(service) {
                    if let Some(account) = attributes.get("username") {
                        labels.push((account.clone(), item.get_label()?));
                    }
                }
            }
            Ok(Some(labels))
        })
    }
}

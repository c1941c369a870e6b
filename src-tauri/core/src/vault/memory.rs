//! Secrets in this process's memory: the store behind the service tests (and a plain
//! `cargo test`), which can be locked, refuse writes and count its calls as a keychain would.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{ItemNames, SecretStore, VaultError};
use crate::secret::SecretString;

/// Secrets in this process's memory, for tests: shared by every clone of the vault that holds
/// it (two services over one store behave as two processes over one keychain). It can be locked
/// and unlocked as a keychain can.
/// Items by (service, account): (secret, label).
type Items = HashMap<(String, String), (String, String)>;

#[derive(Debug, Default)]
pub struct MemoryStore {
    items: Mutex<Items>,
    locked: std::sync::atomic::AtomicBool,
    refuse_writes: std::sync::atomic::AtomicBool,
    reads: std::sync::atomic::AtomicU64,
    writes: std::sync::atomic::AtomicU64,
    /// Writes made while no moment of custody was open ([`crate::custody`]).
    writes_outside_custody: std::sync::atomic::AtomicU64,
    /// Each item's handle, as a Secret Service's object path: given when the item is first
    /// written, kept while it is replaced.
    handles: Mutex<HashMap<(String, String), u64>>,
    next_handle: std::sync::atomic::AtomicU64,
    /// Items whose account a listing asked for ([`SecretStore::accounts_known`]).
    item_reads: std::sync::atomic::AtomicU64,
}

/// Calls made to a [`MemoryStore`], for tests that count what an operation costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreCalls {
    pub reads: u64,
    pub writes: u64,
}

impl MemoryStore {
    /// Locks or unlocks the store: while locked every call answers [`VaultError::Locked`].
    pub fn set_locked(&self, locked: bool) {
        self.locked
            .store(locked, std::sync::atomic::Ordering::Relaxed);
    }

    /// The reads (get) and writes (put, delete) made so far.
    pub fn counts(&self) -> StoreCalls {
        StoreCalls {
            reads: self.reads.load(std::sync::atomic::Ordering::Relaxed),
            writes: self.writes.load(std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// Writes (put) made while the process was not in a moment of custody: a stop signal could
    /// have ended it between a provider's answer and that write.
    pub fn writes_outside_custody(&self) -> u64 {
        self.writes_outside_custody
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The label of the item `account` of `service`, if there is one.
    pub fn label(&self, service: &str, account: &str) -> Option<String> {
        self.items
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&(service.to_string(), account.to_string()))
            .map(|(_, label)| label.clone())
    }

    /// Items whose account a listing had to ask for (their handle was not known).
    pub fn item_reads(&self) -> u64 {
        self.item_reads.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Gives item `to` of `service` the handle item `from` had, as a keychain may give a new item
    /// the object path of one deleted: a listing that kept the old path's account is then wrong.
    pub fn reuse_handle(&self, service: &str, from: &str, to: &str) {
        let mut handles = self.handles.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(h) = handles.remove(&(service.to_string(), from.to_string())) {
            handles.insert((service.to_string(), to.to_string()), h);
        }
    }

    fn handle(&self, service: &str, account: &str) -> String {
        let mut handles = self.handles.lock().unwrap_or_else(|p| p.into_inner());
        let h = handles
            .entry((service.to_string(), account.to_string()))
            .or_insert_with(|| {
                self.next_handle
                    .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            });
        format!("/memory/{h}")
    }

    /// Makes writes fail (reads still work), as a full or broken keychain can.
    pub fn refuse_writes(&self, refuse: bool) {
        self.refuse_writes
            .store(refuse, std::sync::atomic::Ordering::Relaxed);
    }

    fn items(&self) -> Result<std::sync::MutexGuard<'_, Items>, VaultError> {
        if self.locked.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(VaultError::Locked);
        }
        Ok(self.items.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

impl SecretStore for MemoryStore {
    fn get(&self, service: &str, account: &str) -> Result<Option<SecretString>, VaultError> {
        self.reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Ok(self
            .items()?
            .get(&(service.to_string(), account.to_string()))
            .map(|(secret, _)| SecretString::new(secret)))
    }

    fn put(
        &self,
        service: &str,
        account: &str,
        label: &str,
        secret: &SecretString,
    ) -> Result<(), VaultError> {
        self.writes
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if !crate::custody::busy() {
            self.writes_outside_custody
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        }
        if self
            .refuse_writes
            .load(std::sync::atomic::Ordering::Relaxed)
        {
            return Err(VaultError::Rejected {
                detail: "writes refused".into(),
            });
        }
        self.items()?.insert(
            (service.to_string(), account.to_string()),
            (secret.expose().to_string(), label.to_string()),
        );
        self.handle(service, account);
        Ok(())
    }

    fn delete(&self, service: &str, account: &str) -> Result<(), VaultError> {
        self.writes
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.items()?
            .remove(&(service.to_string(), account.to_string()));
        self.handles
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&(service.to_string(), account.to_string()));
        Ok(())
    }

    fn unlock(&self) -> Result<(), VaultError> {
        self.set_locked(false);
        Ok(())
    }

    fn accounts(&self, service: &str) -> Result<Option<Vec<String>>, VaultError> {
        Ok(Some(
            self.items()?
                .keys()
                .filter(|(s, _)| s == service)
                .map(|(_, a)| a.clone())
                .collect(),
        ))
    }

    fn set_label(&self, service: &str, account: &str, label: &str) -> Result<(), VaultError> {
        self.writes
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        if let Some((_, was)) = self
            .items()?
            .get_mut(&(service.to_string(), account.to_string()))
        {
            *was = label.to_string();
        }
        Ok(())
    }

    fn accounts_known(
        &self,
        service: &str,
        known: &ItemNames,
    ) -> Result<Option<(Vec<String>, ItemNames)>, VaultError> {
        let accounts = self.accounts(service)?.unwrap_or_default();
        let mut names = ItemNames::new();
        for account in accounts {
            let path = self.handle(service, &account);
            let account = match known.get(&path) {
                Some(kept) => kept.clone(),
                None => {
                    self.item_reads
                        .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    account
                }
            };
            names.insert(path, account);
        }
        Ok(Some((names.values().cloned().collect(), names)))
    }

    fn labels(&self, service: &str) -> Result<Option<Vec<(String, String)>>, VaultError> {
        Ok(Some(
            self.items()?
                .iter()
                .filter(|((s, _), _)| s == service)
                .map(|((_, account), (_, label))| (account.clone(), label.clone()))
                .collect(),
        ))
    }
}

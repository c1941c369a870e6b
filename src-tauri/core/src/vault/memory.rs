//! Secrets in this process's memory: the store behind the service tests (and a plain
//! `cargo test`), which can be locked, refuse writes and count its calls as a keychain would.

use std::collections::HashMap;
use std::sync::Mutex;

use super::{SecretStore, VaultError};
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
        Ok(())
    }

    fn delete(&self, service: &str, account: &str) -> Result<(), VaultError> {
        self.writes
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.items()?
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

//! The operating system's keychain through `keyring` 3 (macOS's Keychain, Windows's Credential
//! Manager; on Linux the product uses [`super::SecretServiceStore`]): its store, and keyring's
//! errors mapped onto what a person can act on.

use super::{first_line, SecretStore, VaultError};
use crate::secret::SecretString;

/// The operating system's keychain, through `keyring` (macOS, Windows). Its items keep keyring's
/// own label: keyring 3 offers no label on those platforms (the macOS Keychain's generic
/// passwords and Windows's credentials are shown by service and account name).
#[derive(Debug, Default)]
pub struct KeyringStore;

impl KeyringStore {
    fn entry(service: &str, account: &str) -> Result<keyring::Entry, VaultError> {
        keyring::Entry::new(service, account).map_err(map_error)
    }
}

impl SecretStore for KeyringStore {
    fn get(&self, service: &str, account: &str) -> Result<Option<SecretString>, VaultError> {
        // A read of a locked keychain would raise the unlock prompt from a background refresh;
        // say "locked" instead, and leave unlocking to the person ([`Vault::unlock`]).
        if locked() == Some(true) {
            return Err(VaultError::Locked);
        }
        match Self::entry(service, account)?.get_password() {
            Ok(value) => Ok(Some(SecretString::new(value))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_error(e)),
        }
    }

    fn put(
        &self,
        service: &str,
        account: &str,
        _label: &str,
        secret: &SecretString,
    ) -> Result<(), VaultError> {
        Self::entry(service, account)?
            .set_password(secret.expose())
            .map_err(map_error)
    }

    fn delete(&self, service: &str, account: &str) -> Result<(), VaultError> {
        match Self::entry(service, account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_error(e)),
        }
    }

    fn unlock(&self) -> Result<(), VaultError> {
        #[cfg(target_os = "linux")]
        {
            use dbus_secret_service::{EncryptionType, SecretService};
            let unavailable = |e: dbus_secret_service::Error| VaultError::Unavailable {
                detail: e.to_string(),
            };
            let ss = SecretService::connect(EncryptionType::Plain).map_err(unavailable)?;
            let collection = ss.get_default_collection().map_err(unavailable)?;
            collection
                .ensure_unlocked()
                .map_err(|_| VaultError::Locked)?;
        }
        Ok(())
    }
}

/// Whether the default Secret Service collection is locked, asked without prompting; `None` when
/// that cannot be told (no service, other platforms): the real call then reports what is wrong.
fn locked() -> Option<bool> {
    #[cfg(target_os = "linux")]
    {
        use dbus_secret_service::{EncryptionType, SecretService};
        let ss = SecretService::connect(EncryptionType::Plain).ok()?;
        let collection = ss.get_default_collection().ok()?;
        collection.is_locked().ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        None
    }
}

/// Maps keyring's errors onto what a person can act on. Messages seen on the Secret Service:
/// locked + set ⇒ `PlatformFailure(…IsLocked)`; locked + get ⇒ `NoStorageAccess(Prompt)`;
/// no daemon ⇒ `PlatformFailure(…ServiceUnknown)`; no bus ⇒ `PlatformFailure(…autolaunch…)`.
pub(super) fn map_error(e: keyring::Error) -> VaultError {
    match e {
        keyring::Error::NoStorageAccess(_) => VaultError::Locked,
        keyring::Error::PlatformFailure(inner) => {
            let detail = inner.to_string();
            if detail.contains("IsLocked") || detail.contains("is locked") {
                VaultError::Locked
            } else {
                VaultError::Unavailable {
                    detail: first_line(&detail),
                }
            }
        }
        keyring::Error::BadEncoding(_) => VaultError::Corrupt,
        keyring::Error::TooLong(attribute, limit) => VaultError::Rejected {
            detail: format!("{attribute} is longer than {limit}"),
        },
        keyring::Error::Invalid(attribute, reason) => VaultError::Rejected {
            detail: format!("{attribute}: {reason}"),
        },
        keyring::Error::Ambiguous(_) => VaultError::Rejected {
            detail: "more than one item matches".into(),
        },
        keyring::Error::NoEntry => VaultError::Rejected {
            detail: "no such item".into(),
        },
        other => VaultError::Unavailable {
            detail: first_line(&other.to_string()),
        },
    }
}

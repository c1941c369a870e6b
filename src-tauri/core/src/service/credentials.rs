/*!
The app credentials of OAuth providers (client id and, unless public, client secret), first
found first: set explicitly (demo mode, a user's provider file), from the environment
(`PLUGBOARD_<PROVIDER>_CLIENT_ID`/`_CLIENT_SECRET`, read once into [`crate::settings::Settings`]),
or saved from Settings (the id in `app-credentials.json`, the secret in the keychain).
*/

use std::collections::HashMap;
use std::sync::RwLock;

use super::{required, Connections, ServiceError};
use crate::catalogue::ProviderId;
use crate::flow::AppCredentials;
use crate::index::IndexError;
use crate::secret::SecretString;
use crate::vault::VaultKey;

/// App credentials given to the service explicitly (demo mode, a user's provider file), which
/// come before the environment's ([`crate::settings::Settings`]) and those saved in Settings.
#[derive(Default)]
pub struct CredentialSource {
    explicit: RwLock<HashMap<String, AppCredentials>>,
    /// Client secrets saved in Settings, as read from the keychain once per process (a refresh
    /// then costs no read for them); updated when Settings saves a new one.
    saved_secrets: RwLock<HashMap<String, Option<SecretString>>>,
}

impl CredentialSource {
    pub fn set(&self, provider: &str, creds: AppCredentials) {
        self.explicit
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(provider.to_string(), creds);
    }

    pub fn get(&self, provider: &str) -> Option<AppCredentials> {
        self.explicit
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(provider)
            .cloned()
    }
}

impl Connections {
    /// The client ids saved in Settings. A file that cannot be read is set aside (kept as
    /// `app-credentials.json.corrupt-<time>`, with a notice) and none are saved any more: the
    /// person enters them again, rather than Plugboard guessing.
    pub(super) fn saved_client_ids(&self) -> HashMap<String, String> {
        let why = match crate::files::read_text(&self.saved_ids) {
            Ok(None) => return HashMap::new(),
            Ok(Some(text)) => match serde_json::from_str::<HashMap<String, String>>(&text) {
                Ok(ids) => return ids,
                Err(_) => "it is not a list of client ids".to_string(),
            },
            Err(e) => e.to_string(),
        };
        if let Err(e) = crate::files::set_aside(
            &self.saved_ids,
            "the saved app credentials (app-credentials.json)",
            &why,
            self.now(),
        ) {
            log::warn!("could not set the unreadable app credentials aside: {e}");
        }
        HashMap::new()
    }

    /// App credentials for `provider`: explicit or environment first, then those saved in Settings
    /// (client id in the data folder, client secret in the keychain).
    pub async fn app_credentials(&self, provider: &str) -> Option<AppCredentials> {
        if let Some(c) = self.given_credentials(provider) {
            return Some(c);
        }
        let client_id = self.saved_client_ids().remove(provider)?;
        let cached = self
            .credentials
            .saved_secrets
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(provider)
            .cloned();
        let secret = match cached {
            Some(secret) => secret,
            None => {
                let key = VaultKey::ClientSecret(ProviderId::parse(provider)?);
                // Only an answer is remembered: a locked keychain is asked again next time.
                let read = self.vault.run(move |v| v.get(&key)).await.ok()?;
                self.remember_secret(provider, read.clone());
                read
            }
        };
        Some(AppCredentials {
            client_id,
            client_secret: secret,
        })
    }

    /// Saves app credentials typed into Settings: the secret to the keychain, then the id.
    pub async fn save_app_credentials(
        &self,
        provider: &ProviderId,
        client_id: &str,
        client_secret: SecretString,
    ) -> Result<(), ServiceError> {
        let p = self.provider(provider.as_str())?;
        let client_id = required(client_id, "Client ID")?;
        let key = VaultKey::ClientSecret(p.id.clone());
        if p.public_client() {
            // A public client has no secret (PKCE is its proof): drop any stored by mistake.
            self.vault.run(move |v| v.delete(&key)).await?;
            self.remember_secret(provider.as_str(), None);
        } else {
            required(client_secret.expose(), "Client secret")?;
            let secret = SecretString::new(client_secret.expose().trim());
            let put = secret.clone();
            self.vault.run(move |v| v.put(&key, &put)).await?;
            self.remember_secret(provider.as_str(), Some(secret));
        }
        let mut ids = self.saved_client_ids();
        ids.insert(provider.to_string(), client_id.to_string());
        let body = serde_json::to_vec_pretty(&ids).expect("a string map serializes");
        crate::index::write_atomically(&self.saved_ids, &body).map_err(|source| {
            ServiceError::Index(IndexError::Write {
                path: self.saved_ids.clone(),
                source,
            })
        })?;
        log::info!("app credentials for {provider} saved");
        Ok(())
    }

    fn remember_secret(&self, provider: &str, secret: Option<SecretString>) {
        self.credentials
            .saved_secrets
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(provider.to_string(), secret);
    }

    pub fn has_credentials(&self, provider: &str) -> bool {
        self.given_credentials(provider).is_some() || self.saved_client_ids().contains_key(provider)
    }

    /// App credentials given explicitly, else by the environment.
    fn given_credentials(&self, provider: &str) -> Option<AppCredentials> {
        self.credentials
            .get(provider)
            .or_else(|| self.settings.credentials_for(provider))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::Catalogue;
    use crate::settings::Settings;
    use crate::vault::{MemoryStore, Vault};

    #[tokio::test]
    async fn app_credentials_come_from_the_environment_when_not_set_explicitly() {
        let dir = std::env::temp_dir().join(format!("plugboard-creds-{}", std::process::id()));
        let vault = Vault::with_store(None, std::sync::Arc::new(MemoryStore::default()));
        let service = Connections::new(Catalogue::builtin().unwrap(), vault, &dir);
        assert!(service
            .app_credentials("acme-test-provider")
            .await
            .is_none());
        let settings = Settings::from_vars([(
            "PLUGBOARD_ACME_TEST_PROVIDER_CLIENT_ID".to_string(),
            "env-id".to_string(),
        )]);
        let service = service.with_settings(&settings);
        let from_env = service.app_credentials("acme-test-provider").await.unwrap();
        assert_eq!(from_env.client_id, "env-id");
        assert!(from_env.client_secret.is_none());
        service.credentials.set(
            "acme-test-provider",
            AppCredentials {
                client_id: "explicit".into(),
                client_secret: None,
            },
        );
        assert_eq!(
            service
                .app_credentials("acme-test-provider")
                .await
                .unwrap()
                .client_id,
            "explicit"
        );
    }

    #[tokio::test]
    async fn unreadable_saved_credentials_are_kept_beside_and_can_be_saved_again() {
        let dir = std::env::temp_dir().join(format!("plugboard-creds-bad-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("app-credentials.json");
        std::fs::write(&file, r#"{"hubspot": 42}"#).unwrap();
        let vault = Vault::with_store(None, std::sync::Arc::new(MemoryStore::default()));
        let service = Connections::new(Catalogue::builtin().unwrap(), vault, &dir);
        assert!(!service.has_credentials("hubspot"));
        let kept: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .filter(|e| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("app-credentials.json.corrupt-")
            })
            .collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read_to_string(kept[0].path()).unwrap(),
            r#"{"hubspot": 42}"#
        );
        let hubspot = ProviderId::parse("hubspot").unwrap();
        service
            .save_app_credentials(&hubspot, "id-1", SecretString::new("s-1"))
            .await
            .unwrap();
        assert!(service.has_credentials("hubspot"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}

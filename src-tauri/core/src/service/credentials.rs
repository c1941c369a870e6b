/*!
The app credentials of OAuth providers (client id and, unless public, client secret): set
explicitly (demo mode), from `PLUGBOARD_<PROVIDER>_CLIENT_ID`/`_CLIENT_SECRET`, or saved from
Settings (the id in `app-credentials.json`, the secret in the keychain).
*/

use std::collections::HashMap;
use std::sync::RwLock;

use super::{required, Connections, ServiceError};
use crate::catalogue::ProviderId;
use crate::flow::AppCredentials;
use crate::index::IndexError;
use crate::secret::SecretString;
use crate::vault::VaultKey;

/// Where a provider's OAuth app credentials come from: explicit ones (demo mode, Settings) first,
/// then `PLUGBOARD_<PROVIDER>_CLIENT_ID` / `_CLIENT_SECRET` in the environment.
#[derive(Default)]
pub struct CredentialSource {
    explicit: RwLock<HashMap<String, AppCredentials>>,
}

impl CredentialSource {
    pub fn set(&self, provider: &str, creds: AppCredentials) {
        self.explicit
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(provider.to_string(), creds);
    }

    pub fn get(&self, provider: &str) -> Option<AppCredentials> {
        if let Some(c) = self
            .explicit
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(provider)
        {
            return Some(c.clone());
        }
        let var = |suffix: &str| {
            std::env::var(format!(
                "PLUGBOARD_{}_{suffix}",
                provider.to_ascii_uppercase().replace('-', "_")
            ))
            .ok()
            .filter(|v| !v.trim().is_empty())
        };
        let client_id = var("CLIENT_ID")?;
        Some(AppCredentials {
            client_id,
            client_secret: var("CLIENT_SECRET").map(SecretString::new),
        })
    }
}

impl Connections {
    fn saved_client_ids(&self) -> HashMap<String, String> {
        std::fs::read_to_string(&self.saved_ids)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// App credentials for `provider`: explicit or environment first, then those saved in Settings
    /// (client id in the data folder, client secret in the keychain).
    pub async fn app_credentials(&self, provider: &str) -> Option<AppCredentials> {
        if let Some(c) = self.credentials.get(provider) {
            return Some(c);
        }
        let client_id = self.saved_client_ids().remove(provider)?;
        let key = VaultKey::ClientSecret(ProviderId::parse(provider)?);
        let secret = self.vault.run(move |v| v.get(&key)).await.ok().flatten();
        Some(AppCredentials {
            client_id,
            client_secret: secret,
        })
    }

    /// Saves app credentials typed into Settings: the secret to the keychain, then the id.
    pub async fn save_app_credentials(
        &self,
        provider: &str,
        client_id: &str,
        client_secret: SecretString,
    ) -> Result<(), ServiceError> {
        let p = self.provider(provider)?;
        let client_id = required(client_id, "Client ID")?;
        let key = VaultKey::ClientSecret(p.id.clone());
        if p.public_client() {
            // A public client has no secret (PKCE is its proof): drop any stored by mistake.
            self.vault.run(move |v| v.delete(&key)).await?;
        } else {
            required(client_secret.expose(), "Client secret")?;
            let secret = SecretString::new(client_secret.expose().trim());
            self.vault.run(move |v| v.put(&key, &secret)).await?;
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

    pub fn has_credentials(&self, provider: &str) -> bool {
        self.credentials.get(provider).is_some() || self.saved_client_ids().contains_key(provider)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_credentials_come_from_the_environment_when_not_set_explicitly() {
        let source = CredentialSource::default();
        assert!(source.get("acme-test-provider").is_none());
        std::env::set_var("PLUGBOARD_ACME_TEST_PROVIDER_CLIENT_ID", "env-id");
        let from_env = source.get("acme-test-provider").unwrap();
        assert_eq!(from_env.client_id, "env-id");
        assert!(from_env.client_secret.is_none());
        source.set(
            "acme-test-provider",
            AppCredentials {
                client_id: "explicit".into(),
                client_secret: None,
            },
        );
        assert_eq!(
            source.get("acme-test-provider").unwrap().client_id,
            "explicit"
        );
        std::env::remove_var("PLUGBOARD_ACME_TEST_PROVIDER_CLIENT_ID");
    }
}

/*!
The app credentials of OAuth providers (client id and, unless public, client secret), and where
each comes from. Whoever builds or deploys Plugboard can supply them once, so a person only ever
sees Connect; a person who registers an app of their own can type them into the window.

Sources, the first that has a provider's credentials wins ([`CredentialOrigin`]'s order):

1. demo mode's simulator (and tests), set explicitly;
2. the environment, `PLUGBOARD_<PROVIDER>_CLIENT_ID` / `_CLIENT_SECRET` (read once into
   [`crate::settings::Settings`]): a developer's override of everything below;
3. `managed = true` entries of the system-wide file
   (`$XDG_CONFIG_DIRS/dev.plugboard.desktop/providers.toml`, `/etc/xdg/…` by default): the
   organisation's, which the window offers no form to change;
4. the person's own `providers.toml`;
5. those typed into the window and saved (the id in `app-credentials.json`, the secret in the
   keychain);
6. the system-wide file's other entries: an organisation's defaults, which a person may replace;
7. those embedded in the binary at build time (`PLUGBOARD_DIST_CREDENTIALS=<file> make package`).
*/

use std::collections::{BTreeMap, HashMap};
use std::sync::RwLock;

use serde::Serialize;

use super::{required, Connections, ServiceError};
use crate::catalogue::ProviderId;
use crate::flow::AppCredentials;
use crate::i18n::t;
use crate::index::IndexError;
use crate::secret::ClientSecret;
use crate::vault::VaultKey;

/// Where a provider's app credentials come from, in order of precedence (the first wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialOrigin {
    /// Demo mode's simulator, or a test: set explicitly.
    Demo,
    /// `PLUGBOARD_<PROVIDER>_CLIENT_ID` (and `_CLIENT_SECRET`).
    Environment,
    /// The system-wide file, marked `managed = true`: the organisation's.
    Managed,
    /// The person's own `providers.toml`.
    UserFile,
    /// Typed into the window and saved (client id in a file, secret in the keychain).
    Saved,
    /// The system-wide file, not managed: an organisation's default.
    SystemFile,
    /// Embedded in this build (`PLUGBOARD_DIST_CREDENTIALS` at build time).
    Embedded,
}

impl CredentialOrigin {
    /// The source in a person's words (Settings, `plugboard providers`, diagnostics).
    pub fn describe(self) -> String {
        let id = match self {
            Self::Demo => "credentials-origin-demo",
            Self::Environment => "credentials-origin-environment",
            Self::Managed => "credentials-origin-managed",
            Self::UserFile => "credentials-origin-user-file",
            Self::Saved => "credentials-origin-saved",
            Self::SystemFile => "credentials-origin-system-file",
            Self::Embedded => "credentials-origin-embedded",
        };
        t(id, &[("file", "providers.toml".into())])
    }

    /// Whether the person may replace these in the window: not the organisation's managed ones,
    /// nor the environment's (which would win again at the next start).
    pub fn replaceable(self) -> bool {
        // Saved ones come after these: saving more would change nothing.
        !matches!(
            self,
            Self::Managed | Self::Environment | Self::Demo | Self::UserFile
        )
    }
}

/// A provider's app credentials as Settings and `plugboard credentials list` show them: where they
/// come from and the client id; of the secret only whether there is one (never its value).
#[derive(Debug, Clone, Serialize)]
pub struct CredentialsView {
    pub provider: String,
    pub name: String,
    /// `None`: the provider has no app credentials yet.
    pub origin: Option<CredentialOrigin>,
    /// [`CredentialOrigin::describe`], or "not set".
    pub origin_words: String,
    pub client_id: Option<String>,
    /// A public client (PKCE only) needs no secret.
    pub public_client: bool,
    /// Whether the person may save others in the window: not over managed ones, the
    /// environment's or their providers.toml's, which come first.
    pub replaceable: bool,
    /// Whether a client secret is set (never the secret itself).
    pub secret_set: bool,
    /// Whether there are saved ones to forget.
    pub forgettable: bool,
    /// The environment variable that gives its client id (`PLUGBOARD_<PROVIDER>_CLIENT_ID`).
    pub id_variable: String,
}

/// The first source of a provider's app credentials ([`Connections::first_source`]).
enum Source {
    /// Given whole (every source but the window's saved ones).
    Given(CredentialOrigin, AppCredentials),
    /// Saved in the window: the client id; the secret is in the keychain.
    Saved(String),
}

impl Source {
    fn origin(&self) -> CredentialOrigin {
        match self {
            Self::Given(origin, _) => *origin,
            Self::Saved(_) => CredentialOrigin::Saved,
        }
    }
}

/// App credentials given to the service by a source other than the environment and the window's
/// saved ones: demo mode, provider files, the build ([`CredentialOrigin`]).
#[derive(Default)]
pub struct CredentialSource {
    given: RwLock<HashMap<String, BTreeMap<CredentialOrigin, AppCredentials>>>,
    /// Client secrets saved in Settings, as read from the keychain once per process (a refresh
    /// then costs no read for them); updated when Settings saves a new one.
    saved_secrets: RwLock<HashMap<String, (String, Option<ClientSecret>)>>,
}

impl CredentialSource {
    /// Sets `provider`'s credentials explicitly (demo mode, tests): above every other source.
    pub fn set(&self, provider: &str, creds: AppCredentials) {
        self.set_from(CredentialOrigin::Demo, provider, creds);
    }

    /// Sets `provider`'s credentials from `origin`.
    pub fn set_from(&self, origin: CredentialOrigin, provider: &str, creds: AppCredentials) {
        self.given
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .entry(provider.to_string())
            .or_default()
            .insert(origin, creds);
    }

    /// The explicitly set credentials of `provider` ([`Self::set`]).
    pub fn get(&self, provider: &str) -> Option<AppCredentials> {
        self.from(provider, CredentialOrigin::Demo)
    }

    fn from(&self, provider: &str, origin: CredentialOrigin) -> Option<AppCredentials> {
        self.given
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(provider)
            .and_then(|by_origin| by_origin.get(&origin))
            .cloned()
    }

    /// Every source's credentials for `provider` but the window's saved ones, in precedence order.
    fn layers(&self, provider: &str) -> Vec<(CredentialOrigin, AppCredentials)> {
        self.given
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(provider)
            .map(|by_origin| by_origin.iter().map(|(o, c)| (*o, c.clone())).collect())
            .unwrap_or_default()
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
                Err(_) => t("credentials-file-not-ids", &[]),
            },
            Err(e) => e.to_string(),
        };
        if let Err(e) = crate::files::set_aside(
            &self.saved_ids,
            &t(
                "credentials-file",
                &[("file", "app-credentials.json".into())],
            ),
            &why,
            self.now(),
        ) {
            log::warn!("could not set the unreadable app credentials aside: {e}");
        }
        HashMap::new()
    }

    /// App credentials for `provider`, from the first source that has them (see the module's
    /// notes): those saved in the window come after the person's file and before the system-wide
    /// defaults and the build's.
    ///
    /// Saved ones whose secret the keychain cannot give now (locked) are an error, never a reason
    /// to use the next source: tokens issued to the person's own app must not be sent with
    /// another app's client id.
    pub async fn app_credentials(
        &self,
        provider: &str,
    ) -> Result<Option<AppCredentials>, ServiceError> {
        Ok(self
            .app_credentials_and_origin(provider)
            .await?
            .map(|(creds, _)| creds))
    }

    /// [`Self::app_credentials`] and where they come from.
    pub async fn app_credentials_and_origin(
        &self,
        provider: &str,
    ) -> Result<Option<(AppCredentials, CredentialOrigin)>, ServiceError> {
        match self.first_source(provider, &self.saved_client_ids()) {
            None => Ok(None),
            Some(Source::Given(origin, creds)) => Ok(Some((creds, origin))),
            Some(Source::Saved(client_id)) => Ok(self
                .saved_credentials(provider, client_id)
                .await?
                .map(|creds| (creds, CredentialOrigin::Saved))),
        }
    }

    /// Where `provider`'s app credentials come from, without reading the keychain (a saved
    /// client id stands for its secret); `None` when there are none.
    pub fn credentials_origin(&self, provider: &str) -> Option<CredentialOrigin> {
        self.first_source(provider, &self.saved_client_ids())
            .map(|source| source.origin())
    }

    /// Refuses, with the reason, to save app credentials for `provider` where a source that
    /// comes before saved ones has them (saving would change nothing): what the window's form
    /// and `plugboard credentials set` check before asking for anything.
    pub fn ensure_credentials_replaceable(&self, provider: &str) -> Result<(), ServiceError> {
        match self
            .credentials_origin(provider)
            .filter(|o| !o.replaceable())
        {
            Some(origin) => Err(ServiceError::CredentialsFixed(origin)),
            None => Ok(()),
        }
    }

    /// The first source that has `provider`'s app credentials, `saved` being the window's saved
    /// client ids (read once by the caller): the one place the order of sources is decided.
    fn first_source(&self, provider: &str, saved: &HashMap<String, String>) -> Option<Source> {
        let mut layers = self.given_layers(provider).into_iter().peekable();
        if let Some((origin, _)) = layers.peek() {
            if *origin < CredentialOrigin::Saved {
                return layers.next().map(|(o, c)| Source::Given(o, c));
            }
        }
        match saved.get(provider) {
            Some(client_id) => Some(Source::Saved(client_id.clone())),
            None => layers.next().map(|(o, c)| Source::Given(o, c)),
        }
    }

    /// The window's saved credentials for `provider`: the client id from the data folder, the
    /// secret from the keychain (read once per process).
    async fn saved_credentials(
        &self,
        provider: &str,
        client_id: String,
    ) -> Result<Option<AppCredentials>, ServiceError> {
        // The secret read for this client id before, if any: another process (`plugboard
        // credentials set`) may have saved a new pair since, which the id in the file shows.
        let cached = self
            .credentials
            .saved_secrets
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(provider)
            .filter(|(id, _)| *id == client_id)
            .map(|(_, secret)| secret.clone());
        let secret = match cached {
            Some(secret) => secret,
            None => {
                let Some(pid) = ProviderId::parse(provider) else {
                    return Ok(None);
                };
                let key = VaultKey::ClientSecret(pid);
                // Only an answer is remembered: a locked keychain is asked again next time, and
                // says so now (see `app_credentials`).
                let read = self
                    .vault
                    .run(move |v| v.get(&key))
                    .await?
                    .map(ClientSecret::from);
                self.remember_secret(provider, &client_id, read.clone());
                read
            }
        };
        Ok(Some(AppCredentials {
            client_id,
            client_secret: secret,
        }))
    }

    /// Saves app credentials typed into Settings: the secret to the keychain, then the id.
    pub async fn save_app_credentials(
        &self,
        provider: &ProviderId,
        client_id: &str,
        client_secret: ClientSecret,
    ) -> Result<(), ServiceError> {
        let p = self.provider(provider.as_str())?;
        self.ensure_credentials_replaceable(provider.as_str())?;
        let client_id = required(client_id, &t("credentials-field-client-id", &[]))?;
        let key = VaultKey::ClientSecret(p.id.clone());
        if p.public_client() {
            // A public client has no secret (PKCE is its proof): drop any stored by mistake.
            self.vault.run(move |v| v.delete(&key)).await?;
            self.remember_secret(provider.as_str(), client_id, None);
        } else {
            required(
                client_secret.expose(),
                &t("credentials-field-client-secret", &[]),
            )?;
            let secret = ClientSecret::new(client_secret.expose().trim());
            let put = secret.secret().clone();
            let label = self.app_credentials_label(provider.as_str());
            self.vault.run(move |v| v.put(&key, &label, &put)).await?;
            self.remember_secret(provider.as_str(), client_id, Some(secret));
        }
        let mut ids = self.saved_client_ids();
        ids.insert(provider.to_string(), client_id.to_string());
        self.write_saved_client_ids(&ids)?;
        log::info!("app credentials for {provider} saved");
        Ok(())
    }

    /// Every provider with a browser sign-in, and its app credentials (Settings,
    /// `plugboard credentials list`). Reads no secret.
    pub fn credentials_overview(&self) -> Vec<CredentialsView> {
        let saved = self.saved_client_ids();
        self.catalogue
            .providers()
            .iter()
            .filter(|p| p.authorization_code().is_some())
            .map(|p| {
                let id = p.id.as_str();
                let source = self.first_source(id, &saved);
                let origin = source.as_ref().map(Source::origin);
                let (client_id, secret_set) = match source {
                    // Saved in the window: a confidential client's secret is required there.
                    Some(Source::Saved(client_id)) => (Some(client_id), !p.public_client()),
                    Some(Source::Given(_, c)) => (Some(c.client_id), c.client_secret.is_some()),
                    None => (None, false),
                };
                CredentialsView {
                    provider: id.to_string(),
                    name: crate::safe_text::escape(&p.name).into_owned(),
                    origin,
                    origin_words: origin.map_or_else(
                        || t("credentials-origin-not-set", &[]),
                        CredentialOrigin::describe,
                    ),
                    client_id,
                    public_client: p.public_client(),
                    replaceable: origin.is_none_or(CredentialOrigin::replaceable),
                    secret_set,
                    forgettable: saved.contains_key(id),
                    id_variable: crate::settings::credential_variables(id).0,
                }
            })
            .collect()
    }

    /// Forgets the app credentials saved in the window for `provider`: the secret from the
    /// keychain, the client id from the data folder. Others (a file's, the environment's) stay,
    /// and come into force if there are any. `false` when none were saved.
    pub async fn forget_app_credentials(
        &self,
        provider: &ProviderId,
    ) -> Result<bool, ServiceError> {
        let p = self.provider(provider.as_str())?;
        let key = VaultKey::ClientSecret(p.id.clone());
        self.vault.run(move |v| v.delete(&key)).await?;
        self.forget_secret(provider.as_str());
        let mut ids = self.saved_client_ids();
        let had = ids.remove(provider.as_str()).is_some();
        if had {
            self.write_saved_client_ids(&ids)?;
            log::info!("app credentials for {provider} forgotten");
        }
        Ok(had)
    }

    /// Writes the saved client ids (atomically, privately), the secrets being in the keychain.
    fn write_saved_client_ids(&self, ids: &HashMap<String, String>) -> Result<(), ServiceError> {
        let body = serde_json::to_vec_pretty(ids).expect("a string map serializes");
        crate::index::write_atomically(&self.saved_ids, &body).map_err(|source| {
            ServiceError::Index(IndexError::Write {
                path: self.saved_ids.clone(),
                source,
            })
        })
    }

    /// Forgets the client secrets read from the keychain (they were removed from it).
    pub(super) fn forget_saved_secrets(&self) {
        self.credentials
            .saved_secrets
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .clear();
    }

    /// Remembers the secret saved with `client_id` for `provider`; `None` for a public client.
    fn remember_secret(&self, provider: &str, client_id: &str, secret: Option<ClientSecret>) {
        self.credentials
            .saved_secrets
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(provider.to_string(), (client_id.to_string(), secret));
    }

    /// Forgets what was remembered of `provider`'s saved secret.
    fn forget_secret(&self, provider: &str) {
        self.credentials
            .saved_secrets
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .remove(provider);
    }

    pub fn has_credentials(&self, provider: &str) -> bool {
        self.credentials_origin(provider).is_some()
    }

    /// Every source's credentials but the saved ones, the environment's among them, in
    /// precedence order.
    fn given_layers(&self, provider: &str) -> Vec<(CredentialOrigin, AppCredentials)> {
        let mut layers = self.credentials.layers(provider);
        if let Some(env) = self.settings.credentials_for(provider) {
            layers.push((CredentialOrigin::Environment, env));
            layers.sort_by_key(|(o, _)| *o);
        }
        layers
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
            .unwrap()
            .is_none());
        let settings = Settings::from_vars([(
            "PLUGBOARD_ACME_TEST_PROVIDER_CLIENT_ID".to_string(),
            "env-id".to_string(),
        )]);
        let service = service.with_settings(&settings);
        let from_env = service
            .app_credentials("acme-test-provider")
            .await
            .unwrap()
            .unwrap();
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
                .unwrap()
                .client_id,
            "explicit"
        );
    }

    #[tokio::test]
    async fn saved_credentials_in_a_locked_keychain_are_an_error_never_the_next_source() {
        // Tokens issued to the person's own app must not be sent with the organisation's
        // default client id because the keychain happened to be locked.
        let dir = std::env::temp_dir().join(format!("plugboard-creds-lock-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let store = std::sync::Arc::new(MemoryStore::default());
        let vault = Vault::with_store(None, store.clone());
        let org_default = || AppCredentials {
            client_id: "org-default".into(),
            client_secret: Some(ClientSecret::new("org-secret")),
        };
        let hubspot = ProviderId::parse("hubspot").unwrap();
        let service = Connections::new(Catalogue::builtin().unwrap(), vault.clone(), &dir);
        service
            .credentials
            .set_from(CredentialOrigin::SystemFile, "hubspot", org_default());
        service
            .save_app_credentials(&hubspot, "mine", ClientSecret::new("my-secret"))
            .await
            .unwrap();
        // Another process, later: nothing remembered, the keychain locked.
        let later = Connections::new(Catalogue::builtin().unwrap(), vault.clone(), &dir);
        later
            .credentials
            .set_from(CredentialOrigin::SystemFile, "hubspot", org_default());
        store.set_locked(true);
        let err = later.app_credentials("hubspot").await.unwrap_err();
        assert_eq!(err.kind(), crate::service::ErrorKind::KeychainLocked);
        store.set_locked(false);
        let mine = later.app_credentials("hubspot").await.unwrap().unwrap();
        assert_eq!(mine.client_id, "mine");
        assert_eq!(mine.client_secret.unwrap().expose(), "my-secret");

        // A new pair saved by another process (`plugboard credentials set`): the id in the file
        // moved, so the secret remembered for the old id is not paired with it.
        service
            .save_app_credentials(&hubspot, "mine-2", ClientSecret::new("my-secret-2"))
            .await
            .unwrap();
        let now = later.app_credentials("hubspot").await.unwrap().unwrap();
        assert_eq!(now.client_id, "mine-2");
        assert_eq!(now.client_secret.unwrap().expose(), "my-secret-2");
        let _ = std::fs::remove_dir_all(&dir);
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
            .save_app_credentials(&hubspot, "id-1", ClientSecret::new("s-1"))
            .await
            .unwrap();
        assert!(service.has_credentials("hubspot"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}

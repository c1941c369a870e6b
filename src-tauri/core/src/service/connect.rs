/*!
Connecting without a browser: an API key (WhatConverts) is verified with the provider, client
credentials (Hotmart) mint a first token; nothing is stored unless the provider accepted it.
*/

use super::model::ConnectionView;
use super::{no_method, required, Connections, ServiceError};
use crate::catalogue::MethodKind;
use crate::catalogue::ProviderId;
use crate::flow::{self, AppCredentials};
use crate::i18n::t;
use crate::index::{AccountParts, ConnectionRecord};
use crate::secret::{ClientSecret, SecretString};
use crate::tokens::ConnectionSecret;

impl Connections {
    /// Verifies and stores an API key (WhatConverts). A key the provider refuses stores nothing.
    pub async fn connect_api_key(
        &self,
        provider_id: &ProviderId,
        fields: Vec<(String, SecretString)>,
    ) -> Result<ConnectionView, ServiceError> {
        let provider = self.provider(provider_id.as_str())?;
        self.index.load()?;
        let method = provider
            .api_key()
            .ok_or_else(|| no_method(provider_id.as_str(), MethodKind::ApiKey))?;
        // The fields' names as the person reads them (a built-in provider's in their language).
        let shown = crate::catalogue::in_language(provider);
        let label = |f: &crate::catalogue::KeyField| {
            shown
                .api_key()
                .and_then(|m| m.fields.iter().find(|x| x.id == f.id))
                .map_or_else(|| f.label.clone(), |x| x.label.clone())
        };
        // Exactly the catalogue's fields, in its order, none empty.
        let mut ordered = Vec::new();
        for f in &method.fields {
            let value = fields
                .iter()
                .find(|(id, _)| id == &f.id)
                .map(|(_, v)| v.clone());
            match value {
                Some(v) if !v.expose().trim().is_empty() => {
                    ordered.push((f.id.clone(), SecretString::new(v.expose().trim())))
                }
                _ => return Err(ServiceError::EmptyField(label(f))),
            }
        }
        flow::verify_api_key(&self.http, method, &ordered).await?;
        let (first_field, first) = &ordered[0];
        let account = AccountParts::ApiKey {
            field: first_field.clone(),
            hint: first.tail_hint(),
        };
        let record = ConnectionRecord {
            never_expires: true,
            ..self.new_record(&provider.id, MethodKind::ApiKey, account, None)
        };
        self.store(record, ConnectionSecret::ApiKey { fields: ordered })
            .await
    }

    /// Mints a token with the person's client credentials (Hotmart) and stores both.
    pub async fn connect_client_credentials(
        &self,
        provider_id: &ProviderId,
        client_id: &str,
        client_secret: ClientSecret,
        environment: Option<&str>,
        basic_token: Option<&str>,
    ) -> Result<ConnectionView, ServiceError> {
        let provider = self.provider(provider_id.as_str())?;
        self.index.load()?;
        let method = provider
            .client_credentials()
            .ok_or_else(|| no_method(provider_id.as_str(), MethodKind::ClientCredentials))?;
        let client_id = required(client_id, &t("credentials-field-client-id", &[]))?;
        required(
            client_secret.expose(),
            &t("credentials-field-client-secret", &[]),
        )?;
        // Hotmart's "Basic" token is base64(client_id:client_secret): derived, or pasted and checked.
        if let Some(pasted) = basic_token.map(str::trim).filter(|t| !t.is_empty()) {
            let pasted = pasted.strip_prefix("Basic ").unwrap_or(pasted).trim();
            let derived = base64::Engine::encode(
                &base64::engine::general_purpose::STANDARD,
                format!("{client_id}:{}", client_secret.expose().trim()),
            );
            if pasted != derived {
                return Err(ServiceError::BasicTokenMismatch);
            }
        }
        let env = match environment {
            Some(id) => provider.environments.iter().find(|e| e.id == id),
            None => provider.environments.first(),
        };
        let creds = AppCredentials {
            client_id: client_id.to_string(),
            client_secret: Some(ClientSecret::new(client_secret.expose().trim())),
        };
        let rules = provider.token_rules(MethodKind::ClientCredentials);
        let tokens =
            flow::mint_client_credentials(&self.http, method, &creds, &rules, self.now()).await?;
        let account = AccountParts::Client {
            hint: SecretString::new(client_id).tail_hint(),
        };
        let record = ConnectionRecord {
            scopes: tokens.scopes.clone().unwrap_or_default(),
            expires_at: tokens.expires_at,
            ..self.new_record(
                &provider.id,
                MethodKind::ClientCredentials,
                account,
                env.map(|e| e.id.clone()),
            )
        };
        let secret = ConnectionSecret::ClientCredentials {
            client_id: creds.client_id,
            client_secret: creds.client_secret.expect("set above"),
            tokens,
        };
        self.store(record, secret).await
    }
}

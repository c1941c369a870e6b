/*!
What a developer copies from a connection: the access token, the `Authorization` header, a curl
line to the provider's identity or check endpoint, and the refresh token. Read from the keychain
on each call; never cached, never logged.
*/

use super::model::TokenMaterial;
use super::{no_method, Connections, ServiceError};
use crate::catalogue::MethodKind;
use crate::connection::ConnectionId;
use crate::flow;
use crate::secret::SecretString;
use crate::tokens::ConnectionSecret;

/// A request as a curl command line, each part single-quoted for a POSIX shell.
fn curl_line(req: &flow::PreparedRequest) -> SecretString {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = String::from("curl -sS");
    if req.method != "GET" {
        line.push_str(&format!(" -X {}", req.method));
    }
    for (k, v) in &req.headers {
        line.push_str(&format!(" -H {}", quote(&format!("{k}: {v}"))));
    }
    line.push(' ');
    line.push_str(&quote(&req.url));
    SecretString::new(line)
}

/// A connection's credential as a request can use it: the access token (or key), the request
/// to its provider's identity or check endpoint when there is one, and the refresh token.
pub(super) struct Checkable {
    pub access_token: SecretString,
    pub request: Option<flow::PreparedRequest>,
    pub refresh_token: Option<SecretString>,
    /// Every secret of the connection, to mask wherever an answer might echo one.
    pub secrets: Vec<SecretString>,
}

impl Connections {
    /// Loads connection `cid`'s secret and builds the request to its identity or check endpoint
    /// (what Copy as curl copies and Try it sends). A lost keychain item marks it Reconnect needed.
    pub(super) async fn checkable(&self, cid: &ConnectionId) -> Result<Checkable, ServiceError> {
        let (record, secret) = match self.load(cid).await {
            Err(e) if e.needs_reconnect() => {
                self.mark_reconnect_needed(cid, &e).await?;
                return Err(e);
            }
            loaded => loaded?,
        };
        let provider = self.provider(&record.provider)?;
        let api_base = record
            .environment
            .as_deref()
            .and_then(|e| provider.environments.iter().find(|x| x.id == e))
            .or(provider.environments.first())
            .map(|e| e.api_base.as_str().to_string());
        let mut secrets = Vec::new();
        let (access_token, request, refresh_token) = match &secret {
            ConnectionSecret::ApiKey { fields } => {
                let method = provider
                    .api_key()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::ApiKey))?;
                secrets.extend(fields.iter().map(|(_, v)| v.clone()));
                let req = flow::api_key_check_request(method, fields)?;
                let value = req.header_value("Authorization").unwrap_or_default();
                let credential = value.split_once(' ').map_or(value, |(_, v)| v);
                (SecretString::new(credential), Some(req), None)
            }
            ConnectionSecret::OAuth { tokens }
            | ConnectionSecret::ClientCredentials { tokens, .. } => {
                if let ConnectionSecret::ClientCredentials { client_secret, .. } = &secret {
                    secrets.push(client_secret.clone());
                }
                let template = match provider.method(record.method) {
                    Some(crate::catalogue::Method::AuthorizationCode(m)) => m.identity_url.as_ref(),
                    Some(crate::catalogue::Method::ClientCredentials(m)) => m.check_url.as_ref(),
                    _ => None,
                };
                let req = match template {
                    Some(t) => flow::bearer_get(t, tokens, api_base.as_deref()).ok(),
                    None => None,
                };
                (
                    tokens.access_token.clone(),
                    req,
                    tokens.refresh_token.clone(),
                )
            }
        };
        secrets.push(access_token.clone());
        secrets.extend(refresh_token.clone());
        if let Some(v) = request
            .as_ref()
            .and_then(|r| r.header_value("Authorization"))
        {
            secrets.push(SecretString::new(v.split_once(' ').map_or(v, |(_, c)| c)));
        }
        Ok(Checkable {
            access_token,
            request,
            refresh_token,
            secrets,
        })
    }

    /// What a developer can copy from a connection: the access token, the header, a curl line to
    /// the provider's identity or check endpoint, and the refresh token. Read from the keychain on
    /// each call; never cached, never logged.
    pub async fn token_material(&self, cid: &ConnectionId) -> Result<TokenMaterial, ServiceError> {
        self.token_material_here(cid)
            .await
            .map_err(|e| e.concerning(cid))
    }

    /// As [`Self::token_material`], its errors not yet labelled with the connection.
    async fn token_material_here(&self, cid: &ConnectionId) -> Result<TokenMaterial, ServiceError> {
        let Checkable {
            access_token,
            request,
            refresh_token,
            ..
        } = self.checkable(cid).await?;
        let header = match request
            .as_ref()
            .and_then(|r| r.header_value("Authorization"))
        {
            Some(v) => SecretString::new(format!("Authorization: {v}")),
            None => SecretString::new(format!("Authorization: Bearer {}", access_token.expose())),
        };
        Ok(TokenMaterial {
            access_token,
            header,
            curl: request.as_ref().map(curl_line),
            refresh_token,
        })
    }
}

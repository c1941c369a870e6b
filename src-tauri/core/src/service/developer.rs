/*!
What a developer copies from a connection: the access token, the `Authorization` header, a curl
line to the provider's identity or check endpoint, and the refresh token. Read from the keychain
on each call; never cached, never logged.
*/

use super::model::TokenMaterial;
use super::{no_method, Connections, ServiceError};
use crate::audit::{Door, Outcome, Use};
use crate::catalogue::MethodKind;
use crate::connection::ConnectionId;
use crate::flow;
use crate::program::Program;
use crate::secret::{AccessToken, RefreshToken, SecretString};
use crate::tokens::ConnectionSecret;

/// The shell variable a copied curl line reads the app's client secret from: the secret is the
/// app's, not the connection's, so it is never copied (an organisation's stays its own).
pub const CURL_SECRET_VARIABLE: &str = "PLUGBOARD_CLIENT_SECRET";

/// A request as a curl command line, each part single-quoted for a POSIX shell. A form body goes
/// pair by pair (`--data-urlencode`), the client secret as [`CURL_SECRET_VARIABLE`].
fn curl_line(req: &flow::PreparedRequest) -> SecretString {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = String::from("curl -sS");
    if req.method != "GET" && req.body.is_none() {
        line.push_str(&format!(" -X {}", req.method));
    }
    let secret = format!("${{{CURL_SECRET_VARIABLE}:?the app's client secret}}");
    for (k, v) in &req.headers {
        // An app's own Basic authentication (introspection): its id, and the secret as a variable.
        let app_basic = req.body.is_some() && k.eq_ignore_ascii_case("Authorization");
        match v
            .strip_prefix("Basic ")
            .filter(|_| app_basic)
            .and_then(basic_user)
        {
            Some(client_id) => {
                let client_id = client_id.replace(['"', '\\', '$', '`'], "");
                line.push_str(&format!(" -u \"{client_id}:{secret}\""));
            }
            None => line.push_str(&format!(" -H {}", quote(&format!("{k}: {v}")))),
        }
    }
    if let Some(body) = req.body_text() {
        for (k, v) in url::form_urlencoded::parse(body.as_bytes()) {
            if k == "client_secret" {
                line.push_str(&format!(" --data-urlencode \"client_secret={secret}\""));
            } else {
                line.push_str(&format!(" --data-urlencode {}", quote(&format!("{k}={v}"))));
            }
        }
    }
    line.push(' ');
    line.push_str(&quote(&req.url));
    SecretString::new(line)
}

/// The user name of a Basic credential (`base64(user:password)`).
fn basic_user(encoded: &str) -> Option<String> {
    use base64::Engine;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded)
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    text.split_once(':').map(|(user, _)| user.to_string())
}

/// Which harmless call a connection's check is: what Try it and Copy as curl use, and what the
/// report says it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CallKind {
    /// The provider's identity call with the access token (Ecwid's store profile).
    Identity,
    /// An API key's or a client-credentials token's check call (WhatConverts' leads).
    Check,
    /// RFC 7662 introspection: the provider says whether the access token is active (HubSpot,
    /// whose identity call was retired with its v1 API).
    Introspection,
}

/// A connection's credential as a request can use it: the access token (or key), the request
/// to its provider's identity or check endpoint when there is one, and the refresh token.
pub(super) struct Checkable {
    /// What the check call authenticates with: the access token, or an API key's credential.
    pub access_token: AccessToken,
    pub request: Option<flow::PreparedRequest>,
    /// What `request` is.
    pub call: CallKind,
    pub refresh_token: Option<RefreshToken>,
    /// Every secret of the connection, to mask wherever an answer might echo one.
    pub secrets: Vec<SecretString>,
}

impl Connections {
    /// Loads connection `cid`'s secret and builds the request to its identity or check endpoint
    /// (what Copy as curl copies and Try it sends). A lost keychain item marks it Reconnect needed.
    ///
    /// An introspection request needs the app's credentials: when `calling`, a failure to read
    /// them is the caller's error; otherwise (copying a token) the request is left out, so a
    /// locked keychain item of the app never keeps a person from their token.
    pub(super) async fn checkable(
        &self,
        cid: &ConnectionId,
        calling: bool,
    ) -> Result<Checkable, ServiceError> {
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
        let (access_token, request, refresh_token, call) = match &secret {
            ConnectionSecret::ApiKey { fields } => {
                let method = provider
                    .api_key()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::ApiKey))?;
                secrets.extend(fields.iter().map(|(_, v)| v.clone()));
                let req = flow::api_key_check_request(method, fields)?;
                let value = req.header_value("Authorization").unwrap_or_default();
                let credential = value.split_once(' ').map_or(value, |(_, v)| v);
                (
                    AccessToken::new(credential),
                    Some(req),
                    None,
                    CallKind::Check,
                )
            }
            ConnectionSecret::OAuth { tokens }
            | ConnectionSecret::ClientCredentials { tokens, .. } => {
                if let ConnectionSecret::ClientCredentials { client_secret, .. } = &secret {
                    secrets.push(client_secret.secret().clone());
                }
                let (template, kind) = match provider.method(record.method) {
                    Some(crate::catalogue::Method::AuthorizationCode(m)) => {
                        (m.identity_url.as_ref(), CallKind::Identity)
                    }
                    Some(crate::catalogue::Method::ClientCredentials(m)) => {
                        (m.check_url.as_ref(), CallKind::Check)
                    }
                    _ => (None, CallKind::Check),
                };
                let (req, kind) = match template {
                    Some(t) => (flow::bearer_get(t, tokens, api_base.as_deref()).ok(), kind),
                    // No identity call: a signed-in connection is checked by asking the
                    // provider's introspection, with the app's credentials.
                    None if record.method == MethodKind::AuthorizationCode
                        && provider.introspection.is_some() =>
                    {
                        let creds = match self.app_credentials(&record.provider).await {
                            Ok(creds) => creds,
                            Err(e) if calling => return Err(e),
                            Err(e) => {
                                log::info!("{cid}: no curl line: the app's credentials: {e}");
                                None
                            }
                        };
                        let req = match creds {
                            Some(creds) => {
                                secrets.extend(
                                    creds.client_secret.as_ref().map(|s| s.secret().clone()),
                                );
                                flow::introspection_request(provider, tokens, &creds)?
                            }
                            None => None,
                        };
                        (req, CallKind::Introspection)
                    }
                    None => (None, kind),
                };
                (
                    tokens.access_token.clone(),
                    req,
                    tokens.refresh_token.clone(),
                    kind,
                )
            }
        };
        secrets.push(access_token.secret().clone());
        secrets.extend(refresh_token.as_ref().map(|r| r.secret().clone()));
        if let Some(v) = request
            .as_ref()
            .and_then(|r| r.header_value("Authorization"))
        {
            secrets.push(SecretString::new(v.split_once(' ').map_or(v, |(_, c)| c)));
        }
        Ok(Checkable {
            access_token,
            request,
            call,
            refresh_token,
            secrets,
        })
    }

    /// What a developer can copy from a connection: the access token, the header, a curl line to
    /// the provider's identity, check or introspection endpoint, and the refresh token. Read from the keychain on
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
        } = self.checkable(cid, false).await?;
        // An introspection request authenticates the app, not the connection: the header a
        // developer copies is the access token's.
        let header = match request
            .as_ref()
            .filter(|r| r.body.is_none())
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

    /// The token material of connection `cid` handed to `program` through `door` (in `form`:
    /// `access`, `header`, `curl`, `json`, `refresh`), and the hand-out recorded
    /// ([`crate::audit`]), without the token: the one way every door hands a token out. Nothing
    /// handed out (the keychain failed, the connection is gone), nothing recorded.
    pub async fn hand_out(
        &self,
        cid: &ConnectionId,
        door: Door,
        form: &str,
        program: &Program,
    ) -> Result<TokenMaterial, ServiceError> {
        let material = self.token_material(cid).await?;
        self.record_handed(cid, door, form, program);
        Ok(material)
    }

    /// Records that connection `cid`'s token was handed to `program` through `door` in `form`
    /// (for a front end that reads the material first and hands it out only if it can, as Copy
    /// does with a curl line some providers have not).
    pub fn record_handed(&self, cid: &ConnectionId, door: Door, form: &str, program: &Program) {
        self.audit.record(Use {
            at: self.now(),
            connection: cid.clone(),
            door,
            form: Some(form.to_string()),
            program: program.clone(),
            outcome: Outcome::Allowed,
            reason: None,
        });
    }

    /// Records that `program` asked for connection `cid`'s token through `door` and was refused,
    /// for `reason` (a code: `denied`, `no_answer`, `throttled`).
    pub fn record_refusal(&self, cid: &ConnectionId, door: Door, program: &Program, reason: &str) {
        self.audit.record(Use {
            at: self.now(),
            connection: cid.clone(),
            door,
            form: None,
            program: program.clone(),
            outcome: Outcome::Denied,
            reason: Some(reason.to_string()),
        });
    }
}

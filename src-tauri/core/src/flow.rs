/*!
The connection flows, driven entirely by the catalogue: authorization code with PKCE, client
credentials, API key — plus identity, and revoke. No provider is named here.

Every request is first built as a [`PreparedRequest`] (a pure value that tests compare exactly),
then sent by [`send`] through the client from [`crate::http`] (no redirects, timeouts).

Authorization code (RFC 6749 §4.1, RFC 8252 for native apps):
- [`PendingFlows::begin`] makes the authorize URL with a PKCE S256 challenge (RFC 7636 §4.2) and a
  random `state`, and remembers the flow under that state: provider, redirect URI, verifier, deadline.
- [`PendingFlows::take`] removes the flow when its callback arrives, before the code is used, so a
  second delivery of the same callback finds nothing (a second exchange of one code makes strict
  servers revoke the tokens already issued, RFC 6749 §4.1.2).
- [`read_callback`] checks `iss` when present (RFC 9207) and turns `error=access_denied` into
  [`Callback::Declined`].
- [`token_request`] repeats the exact `redirect_uri` and sends the verifier (RFC 6749 §4.1.3).
*/

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use base64::Engine;
use oauth2::{CsrfToken, PkceCodeChallenge, PkceCodeVerifier};
use url::Url;

use crate::catalogue::{
    ApiKey, AuthorizationCode, BodyFormat, ClientAuth, ClientCredentials, KeyAuth, ParamsIn,
    Provider, ProviderId, RevokeMethod, UrlTemplate,
};
use crate::secret::SecretString;
use crate::tokens::{parse_token_response, TokenError, TokenSet};

/// An app's OAuth client credentials (from providers.toml, the environment or Settings).
#[derive(Debug, Clone)]
pub struct AppCredentials {
    pub client_id: String,
    /// `None` for public clients (`client_auth = "none"`).
    pub client_secret: Option<SecretString>,
}

/// An HTTP request, built but not sent. Its `Debug` form hides header values and the body.
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// Content type and bytes.
    pub body: Option<(String, Vec<u8>)>,
}

impl std::fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = Url::parse(&self.url)
            .map(|u| format!("{}://{}{}", u.scheme(), u.authority(), u.path()));
        write!(
            f,
            "PreparedRequest({} {})",
            self.method,
            path.unwrap_or_else(|_| "<url>".into())
        )
    }
}

impl PreparedRequest {
    fn new(method: &'static str, url: impl Into<String>) -> Self {
        Self {
            method,
            url: url.into(),
            headers: vec![("Accept".into(), "application/json".into())],
            body: None,
        }
    }

    fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    fn basic_auth(self, user: &str, password: &str) -> Self {
        let encoded =
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        self.header("Authorization", format!("Basic {encoded}"))
    }

    fn bearer(self, token: &SecretString) -> Self {
        self.header("Authorization", format!("Bearer {}", token.expose()))
    }

    fn params_body(mut self, format: BodyFormat, params: &[(&str, String)]) -> Self {
        self.body = Some(match format {
            BodyFormat::Form => {
                let mut ser = url::form_urlencoded::Serializer::new(String::new());
                for (k, v) in params {
                    ser.append_pair(k, v);
                }
                (
                    "application/x-www-form-urlencoded".into(),
                    ser.finish().into_bytes(),
                )
            }
            BodyFormat::Json => {
                let map: serde_json::Map<String, serde_json::Value> = params
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
                    .collect();
                (
                    "application/json".into(),
                    serde_json::to_vec(&map).expect("a string map serializes"),
                )
            }
        });
        self
    }

    /// The request's body as text (tests and the simulator read form bodies).
    pub fn body_text(&self) -> Option<&str> {
        self.body
            .as_ref()
            .and_then(|(_, b)| std::str::from_utf8(b).ok())
    }

    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What came back over HTTP.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub retry_after: Option<u64>,
    /// The provider's `Date` header, for clock-skew checks.
    pub date: Option<String>,
    pub body: String,
}

#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error("no answer from the provider ({0})")]
    Network(String),
    #[error(transparent)]
    Token(#[from] TokenError),
    #[error("the provider refused the request (HTTP {status})")]
    Http { status: u16 },
    #[error("this provider needs a client secret, and none is set")]
    MissingClientSecret,
    #[error("the sign-in response is for another server (iss `{got}`)")]
    IssuerMismatch { got: String },
    #[error("the URL template needs `{0}`, which this connection does not have")]
    MissingValue(String),
}

/// Sends a prepared request. Never follows redirects (see [`crate::http`]).
pub async fn send(http: &reqwest::Client, req: &PreparedRequest) -> Result<Response, FlowError> {
    let method =
        reqwest::Method::from_bytes(req.method.as_bytes()).expect("methods are static and valid");
    let mut builder = http.request(method, &req.url);
    for (k, v) in &req.headers {
        builder = builder.header(k, v);
    }
    if let Some((content_type, bytes)) = &req.body {
        builder = builder
            .header("Content-Type", content_type)
            .body(bytes.clone());
    }
    // reqwest's error text names the URL, which may carry a token in its path or query: keep the kind only.
    let describe = |e: reqwest::Error| {
        FlowError::Network(if e.is_timeout() {
            "timed out".into()
        } else if e.is_connect() {
            "could not connect".into()
        } else {
            "the connection failed".into()
        })
    };
    let resp = builder.send().await.map_err(describe)?;
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let retry_after = header("retry-after").and_then(|v| v.trim().parse().ok());
    let date = header("date");
    crate::http::observe_date(&req.url, date.as_deref(), crate::lifetime::unix_now());
    let status = resp.status().as_u16();
    let body = resp.text().await.map_err(describe)?;
    Ok(Response {
        status,
        retry_after,
        date,
        body,
    })
}

// ---------------------------------------------------------------------------------------------
// Authorization code

/// A flow waiting for its callback.
pub struct PendingFlow {
    pub provider: ProviderId,
    pub redirect_uri: String,
    pub verifier: PkceCodeVerifier,
    /// Unix seconds after which the callback is refused as expired.
    pub expires_at: i64,
}

/// Pending flows keyed by `state`; each can be taken once.
#[derive(Default)]
pub struct PendingFlows {
    flows: Mutex<HashMap<String, PendingFlow>>,
}

/// How long a person has to finish signing in.
pub const FLOW_LIFETIME: Duration = Duration::from_secs(10 * 60);

impl PendingFlows {
    /// Starts a flow: returns the URL to open in the system browser and the flow's `state`.
    pub fn begin(
        &self,
        provider: &Provider,
        method: &AuthorizationCode,
        creds: &AppCredentials,
        redirect_uri: &str,
        now: i64,
    ) -> (Url, String) {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let state = CsrfToken::new_random().secret().clone();
        let url = authorize_url(method, &creds.client_id, redirect_uri, &state, &challenge);
        let flow = PendingFlow {
            provider: provider.id.clone(),
            redirect_uri: redirect_uri.to_string(),
            verifier,
            expires_at: now + FLOW_LIFETIME.as_secs() as i64,
        };
        self.lock().insert(state.clone(), flow);
        (url, state)
    }

    /// Removes and returns the flow for `state` (single use).
    pub fn take(&self, state: &str) -> Option<PendingFlow> {
        self.lock().remove(state)
    }

    /// Forgets every pending flow of `provider` (Cancel).
    pub fn cancel(&self, provider: &ProviderId) -> usize {
        let mut flows = self.lock();
        let before = flows.len();
        flows.retain(|_, f| &f.provider != provider);
        before - flows.len()
    }

    pub fn is_pending(&self, provider: &ProviderId) -> bool {
        self.lock().values().any(|f| &f.provider == provider)
    }

    /// The pending flows as one secret document (the verifiers are secrets), for the keychain.
    /// Flows more than an hour past their deadline are left out.
    pub fn encode(&self, now: i64) -> SecretString {
        let flows = self.lock();
        let items: Vec<serde_json::Value> = flows
            .iter()
            .filter(|(_, f)| f.expires_at + 3600 > now)
            .map(|(state, f)| {
                serde_json::json!({
                    "state": state, "provider": f.provider.as_str(), "redirect_uri": f.redirect_uri,
                    "verifier": f.verifier.secret(), "expires_at": f.expires_at,
                })
            })
            .collect();
        SecretString::new(serde_json::Value::Array(items).to_string())
    }

    /// Adds flows from [`PendingFlows::encode`]'s document (after a restart); unreadable entries
    /// are skipped. Flows already known in memory are kept as they are.
    pub fn restore(&self, doc: &SecretString) {
        let Ok(serde_json::Value::Array(items)) = serde_json::from_str(doc.expose()) else {
            return;
        };
        let mut flows = self.lock();
        for item in items {
            let text = |k: &str| {
                item.get(k)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_string)
            };
            let (Some(state), Some(provider), Some(redirect_uri), Some(verifier), Some(expires_at)) = (
                text("state"),
                text("provider").and_then(|p| ProviderId::parse(&p)),
                text("redirect_uri"),
                text("verifier"),
                item.get("expires_at").and_then(serde_json::Value::as_i64),
            ) else {
                continue;
            };
            flows.entry(state).or_insert(PendingFlow {
                provider,
                redirect_uri,
                verifier: PkceCodeVerifier::new(verifier),
                expires_at,
            });
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, PendingFlow>> {
        self.flows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The authorize URL (RFC 6749 §4.1.1 + RFC 7636 §4.3).
pub fn authorize_url(
    method: &AuthorizationCode,
    client_id: &str,
    redirect_uri: &str,
    state: &str,
    challenge: &PkceCodeChallenge,
) -> Url {
    let mut url = method.authorize_url.url().clone();
    {
        let mut q = url.query_pairs_mut();
        q.append_pair("response_type", "code");
        q.append_pair("client_id", client_id);
        q.append_pair("redirect_uri", redirect_uri);
        if !method.scopes.is_empty() {
            q.append_pair("scope", &method.scopes.join(&method.scope_separator));
        }
        q.append_pair("state", state);
        q.append_pair("code_challenge", challenge.as_str());
        q.append_pair("code_challenge_method", challenge.method().as_str());
        for (k, v) in &method.extra_authorize_params {
            q.append_pair(k, v);
        }
    }
    url
}

/// What a callback said.
#[derive(Debug, PartialEq, Eq)]
pub enum Callback {
    Code {
        code: SecretString,
        state: String,
    },
    Declined {
        state: Option<String>,
    },
    Error {
        state: Option<String>,
        code: String,
        description: Option<String>,
    },
    /// Neither a code nor an error: not an authorization response.
    Malformed,
}

/// Reads a callback's query parameters (RFC 6749 §4.1.2), checking `iss` when the response carries
/// one against the authorize endpoint's origin (RFC 9207 §2.4).
pub fn read_callback(
    param: impl Fn(&str) -> Option<String>,
    expected_issuer: Option<&str>,
) -> Result<Callback, FlowError> {
    if let (Some(iss), Some(expected)) = (param("iss"), expected_issuer) {
        if iss.trim_end_matches('/') != expected.trim_end_matches('/') {
            return Err(FlowError::IssuerMismatch { got: iss });
        }
    }
    let state = param("state");
    if let Some(error) = param("error") {
        return Ok(if error == "access_denied" {
            Callback::Declined { state }
        } else {
            Callback::Error {
                state,
                code: error,
                description: param("error_description"),
            }
        });
    }
    match (param("code"), state) {
        (Some(code), Some(state)) if !code.is_empty() => Ok(Callback::Code {
            code: SecretString::new(code),
            state,
        }),
        _ => Ok(Callback::Malformed),
    }
}

fn client_auth_params(
    req: PreparedRequest,
    params: &mut Vec<(&str, String)>,
    auth: ClientAuth,
    creds: &AppCredentials,
) -> Result<PreparedRequest, FlowError> {
    let secret = || {
        creds
            .client_secret
            .as_ref()
            .ok_or(FlowError::MissingClientSecret)
    };
    Ok(match auth {
        ClientAuth::Basic => req.basic_auth(&creds.client_id, secret()?.expose()),
        ClientAuth::RequestBody => {
            params.push(("client_id", creds.client_id.clone()));
            params.push(("client_secret", secret()?.expose().to_string()));
            req
        }
        ClientAuth::None => {
            params.push(("client_id", creds.client_id.clone()));
            req
        }
    })
}

/// The code exchange (RFC 6749 §4.1.3 + RFC 7636 §4.5).
pub fn token_request(
    method: &AuthorizationCode,
    creds: &AppCredentials,
    code: &SecretString,
    verifier: &PkceCodeVerifier,
    redirect_uri: &str,
) -> Result<PreparedRequest, FlowError> {
    let mut params = vec![
        ("grant_type", "authorization_code".to_string()),
        ("code", code.expose().to_string()),
        ("redirect_uri", redirect_uri.to_string()),
        ("code_verifier", verifier.secret().clone()),
    ];
    let req = PreparedRequest::new("POST", method.token_url.as_str());
    let req = client_auth_params(req, &mut params, method.client_auth, creds)?;
    Ok(req.params_body(method.body_format, &params))
}

/// A refresh-token grant (RFC 6749 §6).
pub fn refresh_request(
    method: &AuthorizationCode,
    creds: &AppCredentials,
    refresh_token: &SecretString,
) -> Result<PreparedRequest, FlowError> {
    let mut params = vec![
        ("grant_type", "refresh_token".to_string()),
        ("refresh_token", refresh_token.expose().to_string()),
    ];
    let req = PreparedRequest::new("POST", method.token_url.as_str());
    let req = client_auth_params(req, &mut params, method.client_auth, creds)?;
    Ok(req.params_body(method.body_format, &params))
}

/// Spends a refresh token for a new token set (RFC 6749 §6).
pub async fn refresh_tokens(
    http: &reqwest::Client,
    method: &AuthorizationCode,
    creds: &AppCredentials,
    refresh_token: &SecretString,
    now: i64,
) -> Result<TokenSet, FlowError> {
    let resp = send(http, &refresh_request(method, creds, refresh_token)?).await?;
    Ok(parse_token_response(
        resp.status,
        resp.retry_after,
        &resp.body,
        &method.scope_separator,
        now,
    )?)
}

/// Exchanges a code for tokens.
pub async fn exchange_code(
    http: &reqwest::Client,
    method: &AuthorizationCode,
    creds: &AppCredentials,
    code: &SecretString,
    flow: &PendingFlow,
    now: i64,
) -> Result<TokenSet, FlowError> {
    let req = token_request(method, creds, code, &flow.verifier, &flow.redirect_uri)?;
    let resp = send(http, &req).await?;
    Ok(parse_token_response(
        resp.status,
        resp.retry_after,
        &resp.body,
        &method.scope_separator,
        now,
    )?)
}

// ---------------------------------------------------------------------------------------------
// Client credentials

/// A client-credentials mint (RFC 6749 §4.4). Hotmart wants the parameters in the query string,
/// HTTP Basic, and no body; `params_in = "body"` sends a form body instead.
pub fn client_credentials_request(
    method: &ClientCredentials,
    creds: &AppCredentials,
) -> Result<PreparedRequest, FlowError> {
    let secret = creds
        .client_secret
        .as_ref()
        .ok_or(FlowError::MissingClientSecret)?;
    let mut params = vec![("grant_type", "client_credentials".to_string())];
    if method.params_in == ParamsIn::Query || method.client_auth == ClientAuth::RequestBody {
        params.push(("client_id", creds.client_id.clone()));
        params.push(("client_secret", secret.expose().to_string()));
    }
    let mut req = match method.params_in {
        ParamsIn::Query => {
            let mut url = method.token_url.url().clone();
            url.query_pairs_mut()
                .extend_pairs(params.iter().map(|(k, v)| (*k, v.as_str())));
            PreparedRequest::new("POST", url.as_str())
        }
        ParamsIn::Body => PreparedRequest::new("POST", method.token_url.as_str())
            .params_body(BodyFormat::Form, &params),
    };
    if method.client_auth == ClientAuth::Basic {
        req = req.basic_auth(&creds.client_id, secret.expose());
    }
    Ok(req)
}

pub async fn mint_client_credentials(
    http: &reqwest::Client,
    method: &ClientCredentials,
    creds: &AppCredentials,
    now: i64,
) -> Result<TokenSet, FlowError> {
    let resp = send(http, &client_credentials_request(method, creds)?).await?;
    Ok(parse_token_response(
        resp.status,
        resp.retry_after,
        &resp.body,
        " ",
        now,
    )?)
}

// ---------------------------------------------------------------------------------------------
// API key, identity, revoke

/// Fills a URL template from named values, percent-encoding each one as a path segment.
pub fn fill_template(
    template: &UrlTemplate,
    value: impl Fn(&str) -> Option<String>,
) -> Result<String, FlowError> {
    let mut missing = None;
    let filled = template.fill(|name| match value(name) {
        Some(v) if name == "api_base" => Some(v.trim_end_matches('/').to_string()),
        Some(v) => Some(url::form_urlencoded::byte_serialize(v.as_bytes()).collect()),
        None => {
            missing.get_or_insert_with(|| name.to_string());
            None
        }
    });
    match missing {
        Some(name) => Err(FlowError::MissingValue(name)),
        None => Ok(filled),
    }
}

/// The cheap authenticated call that proves an API key works (WhatConverts: one lead).
pub fn api_key_check_request(
    method: &ApiKey,
    fields: &[(String, SecretString)],
) -> Result<PreparedRequest, FlowError> {
    let url = fill_template(&method.check_url, |_| None)?;
    let value = |i: usize| {
        fields
            .get(i)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| SecretString::new(""))
    };
    let req = PreparedRequest::new("GET", url);
    Ok(match method.auth {
        KeyAuth::Basic => req.basic_auth(value(0).expose(), value(1).expose()),
        KeyAuth::Bearer => req.bearer(&value(0)),
    })
}

/// Verifies an API key: `Ok(())` on 2xx; a 401/403 is [`TokenError::InvalidClient`].
pub async fn verify_api_key(
    http: &reqwest::Client,
    method: &ApiKey,
    fields: &[(String, SecretString)],
) -> Result<(), FlowError> {
    let resp = send(http, &api_key_check_request(method, fields)?).await?;
    check_status(&resp, |code| TokenError::InvalidClient {
        code,
        description: None,
    })
}

/// Reads an authenticated check call's status: 2xx is fine; 401/403 becomes `refused(code)` (the
/// caller knows whether that means bad credentials or a dead token); 429/5xx is temporary.
pub fn check_status(
    resp: &Response,
    refused: impl FnOnce(String) -> TokenError,
) -> Result<(), FlowError> {
    match resp.status {
        200..=299 => Ok(()),
        401 | 403 => Err(refused(format!("http_{}", resp.status)).into()),
        429 | 500..=599 => Err(TokenError::Temporary {
            status: resp.status,
            retry_after: resp.retry_after,
        }
        .into()),
        status => Err(FlowError::Http { status }),
    }
}

/// A GET with the access token (identity, check calls), the template filled from the token set.
pub fn bearer_get(
    template: &UrlTemplate,
    tokens: &TokenSet,
    api_base: Option<&str>,
) -> Result<PreparedRequest, FlowError> {
    let url = fill_template(template, |name| match name {
        "access_token" => Some(tokens.access_token.expose().to_string()),
        "refresh_token" => tokens
            .refresh_token
            .as_ref()
            .map(|t| t.expose().to_string()),
        "api_base" => api_base.map(str::to_string),
        other => tokens.extra.get(other).cloned(),
    })?;
    Ok(PreparedRequest::new("GET", url).bearer(&tokens.access_token))
}

/// The revoke request, when the provider has one: HubSpot `DELETE`s the refresh token's URL;
/// RFC 7009 servers take a form `POST`.
pub fn revoke_request(
    provider: &Provider,
    tokens: &TokenSet,
    creds: &AppCredentials,
) -> Result<Option<PreparedRequest>, FlowError> {
    let Some(revoke) = &provider.revoke else {
        return Ok(None);
    };
    let token = tokens
        .refresh_token
        .as_ref()
        .unwrap_or(&tokens.access_token);
    let hint = if tokens.refresh_token.is_some() {
        "refresh_token"
    } else {
        "access_token"
    };
    let url = fill_template(&revoke.url, |name| match name {
        "refresh_token" | "access_token" => Some(token.expose().to_string()),
        other => tokens.extra.get(other).cloned(),
    })?;
    Ok(Some(match revoke.http_method {
        RevokeMethod::Delete => PreparedRequest::new("DELETE", url),
        RevokeMethod::Post => token_form_post(url, token, hint, creds)?,
    }))
}

/// A form `POST` of `token` and `token_type_hint` (RFC 7009 §2.1 revoke, RFC 7662 §2.1
/// introspection): confidential clients authenticate with their secret; public clients send their id.
fn token_form_post(
    url: impl Into<String>,
    token: &SecretString,
    hint: &str,
    creds: &AppCredentials,
) -> Result<PreparedRequest, FlowError> {
    let auth = if creds.client_secret.is_some() {
        ClientAuth::RequestBody
    } else {
        ClientAuth::None
    };
    let mut params = vec![
        ("token", token.expose().to_string()),
        ("token_type_hint", hint.to_string()),
    ];
    let req = client_auth_params(PreparedRequest::new("POST", url), &mut params, auth, creds)?;
    Ok(req.params_body(BodyFormat::Form, &params))
}

/// The RFC 7662 introspection request for `tokens`' access token, when the provider has an
/// introspection endpoint (client authenticated as for revoke).
pub fn introspection_request(
    provider: &Provider,
    tokens: &TokenSet,
    creds: &AppCredentials,
) -> Result<Option<PreparedRequest>, FlowError> {
    provider
        .introspection_url
        .as_ref()
        .map(|url| token_form_post(url.as_str(), &tokens.access_token, "access_token", creds))
        .transpose()
}

#[cfg(test)]
mod tests;

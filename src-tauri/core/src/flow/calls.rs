//! Calls made with what a connection holds: checking an API key, the identity call, revoke
//! (RFC 7009) and introspection (RFC 7662), and reading a check call's status.

use super::{
    grants::client_auth_params, request::fill_template, request::send, request::FlowError,
    request::PreparedRequest, request::Response, AppCredentials,
};
use crate::catalogue::{
    ApiKey, BodyFormat, ClientAuth, KeyAuth, Provider, RevokeMethod, UrlTemplate,
};
use crate::secret::SecretString;
use crate::tokens::{TokenError, TokenSet};

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
    Ok(PreparedRequest::new("GET", url).bearer(tokens.access_token.secret()))
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
        .map_or(tokens.access_token.secret(), |r| r.secret());
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
        RevokeMethod::Post => token_form_post(url, token, hint, revoke.client_auth, creds)?,
    }))
}

/// A form `POST` of `token` and `token_type_hint` (RFC 7009 §2.1 revoke, RFC 7662 §2.1
/// introspection), every parameter in the body and none in the query. The client authenticates
/// as the catalogue says (`auth`); when it does not say, a confidential client puts its secret in
/// the body and a public client sends its id.
pub(super) fn token_form_post(
    url: impl Into<String>,
    token: &SecretString,
    hint: &str,
    auth: Option<ClientAuth>,
    creds: &AppCredentials,
) -> Result<PreparedRequest, FlowError> {
    let auth = auth.unwrap_or(if creds.client_secret.is_some() {
        ClientAuth::RequestBody
    } else {
        ClientAuth::None
    });
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
        .introspection
        .as_ref()
        .map(|i| {
            token_form_post(
                i.url.as_str(),
                tokens.access_token.secret(),
                "access_token",
                i.client_auth,
                creds,
            )
        })
        .transpose()
}

/// What an introspection answer says (RFC 7662 §2.2): `None` when it is not a JSON object; the
/// answer's fields when `active` is `true`; an empty map for any other `active` (an inactive
/// token carries nothing else worth keeping, and a missing `active` is not a yes).
pub fn read_introspection(body: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let serde_json::Value::Object(answer) = serde_json::from_str(body).ok()? else {
        return None;
    };
    Some(match answer.get("active") {
        Some(serde_json::Value::Bool(true)) => answer,
        _ => serde_json::Map::new(),
    })
}

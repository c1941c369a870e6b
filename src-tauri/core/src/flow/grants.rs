//! Token endpoint grants (RFC 6749 §4.1.3, §4.4, §6): exchanging a code, refreshing, minting with
//! client credentials — each with the provider's client authentication and body format.

use super::{
    pending::PendingFlow, request::send, request::FlowError, request::PreparedRequest,
    request::Response, AppCredentials,
};
use crate::catalogue::{AuthorizationCode, BodyFormat, ClientAuth, ClientCredentials, ParamsIn};
use crate::secret::{self, PkceVerifier, RefreshToken};
use crate::tokens::{parse_token_response, TokenError, TokenRules, TokenSet};

pub(super) fn client_auth_params(
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

/// The code exchange (RFC 6749 §4.1.3 + RFC 7636 §4.5). `callback` gives the callback's other
/// parameters, for a token URL that names one (Ecwid's `{store_id}`).
pub fn token_request(
    method: &AuthorizationCode,
    creds: &AppCredentials,
    code: &secret::AuthorizationCode,
    verifier: &PkceVerifier,
    redirect_uri: &str,
    callback: impl Fn(&str) -> Option<String>,
) -> Result<PreparedRequest, FlowError> {
    let mut params = vec![
        ("grant_type", "authorization_code".to_string()),
        ("code", code.expose().to_string()),
        ("redirect_uri", redirect_uri.to_string()),
        ("code_verifier", verifier.expose().to_string()),
    ];
    let url = super::request::fill_template(&method.token_url, callback)?;
    let req = PreparedRequest::new("POST", url);
    let req = client_auth_params(req, &mut params, method.client_auth, creds)?;
    Ok(req.params_body(method.body_format, &params))
}

/// A refresh-token grant (RFC 6749 §6). `stored` gives the connection's kept fields, for a token
/// URL that names one (`{store_id}`).
pub fn refresh_request(
    method: &AuthorizationCode,
    creds: &AppCredentials,
    refresh_token: &RefreshToken,
    stored: impl Fn(&str) -> Option<String>,
) -> Result<PreparedRequest, FlowError> {
    let mut params = vec![
        ("grant_type", "refresh_token".to_string()),
        ("refresh_token", refresh_token.expose().to_string()),
    ];
    if method.redirect_uri_on_refresh {
        params.push(("redirect_uri", method.redirect.redirect_uri()));
    }
    let url = super::request::fill_template(&method.token_url, stored)?;
    let req = PreparedRequest::new("POST", url);
    let req = client_auth_params(req, &mut params, method.client_auth, creds)?;
    Ok(req.params_body(method.body_format, &params))
}

/// Spends a refresh token for a new token set (RFC 6749 §6).
pub async fn refresh_tokens(
    http: &reqwest::Client,
    method: &AuthorizationCode,
    creds: &AppCredentials,
    refresh_token: &RefreshToken,
    stored: &std::collections::BTreeMap<String, String>,
    rules: &TokenRules,
    now: i64,
) -> Result<TokenSet, FlowError> {
    let req = refresh_request(method, creds, refresh_token, |k| stored.get(k).cloned())?;
    let resp = send(http, &req).await?;
    token_answer(&resp, rules, now)
}

/// Exchanges a code for tokens; `callback` gives the callback's parameters (see [`token_request`]).
#[allow(clippy::too_many_arguments)]
pub async fn exchange_code(
    http: &reqwest::Client,
    method: &AuthorizationCode,
    creds: &AppCredentials,
    code: &secret::AuthorizationCode,
    flow: &PendingFlow,
    callback: impl Fn(&str) -> Option<String>,
    rules: &TokenRules,
    now: i64,
) -> Result<TokenSet, FlowError> {
    let req = token_request(
        method,
        creds,
        code,
        &flow.verifier,
        &flow.redirect_uri,
        callback,
    )?;
    let resp = send(http, &req).await?;
    token_answer(&resp, rules, now)
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
    rules: &TokenRules,
    now: i64,
) -> Result<TokenSet, FlowError> {
    let resp = send(http, &client_credentials_request(method, creds)?).await?;
    token_answer(&resp, rules, now)
}

/// Reads a token endpoint's answer: one that is not UTF-8 is refused before parsing, so a token
/// is never stored with replaced bytes.
fn token_answer(resp: &Response, rules: &TokenRules, now: i64) -> Result<TokenSet, FlowError> {
    if !resp.utf8 && (200..300).contains(&resp.status) {
        return Err(TokenError::Parse {
            status: resp.status,
            reason: "not UTF-8 text".into(),
            body: String::new(),
        }
        .into());
    }
    Ok(parse_token_response(
        resp.status,
        resp.retry_after,
        &resp.body,
        rules,
        now,
    )?)
}

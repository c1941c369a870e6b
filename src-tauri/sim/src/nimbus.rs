//! Nimbus CRM, a provider of the user's own (its table: `nimbus.toml.in`): an OAuth server for
//! public clients (PKCE, client id and no secret, JSON token requests) that rotates refresh tokens
//! with reuse detection, and offers RFC 7662 introspection and RFC 7009 revocation.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::answers::{answer_late, canned_refresh};
use crate::client_id;
use crate::grants::{check_grant, Grant};
use crate::store::{now, revoke_family, Shared, Token};
use crate::wire::{form_body, oauth_error};

/// Nimbus's token endpoint: a public client (client id, no secret) sending JSON; every refresh
/// rotates the refresh token, and a spent one presented again revokes the whole grant (reuse
/// detection, OAuth 2.0 Security BCP §4.14.2).
pub(crate) async fn nimbus_token(
    State(inner): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let refresh = serde_json::from_slice::<HashMap<String, String>>(&body)
        .is_ok_and(|p| p.get("grant_type").map(String::as_str) == Some("refresh_token"));
    if let Some(answer) = canned_refresh(&inner, refresh, "nimbus.refresh") {
        return answer_late(&inner, answer).await;
    }
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let Some(params) = json_body
        .then(|| serde_json::from_slice::<HashMap<String, String>>(&body).ok())
        .flatten()
    else {
        s.count("nimbus.bad_request");
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "send a JSON object of strings (Content-Type: application/json)",
        );
    };
    let refresh = params.get("grant_type").map(String::as_str) == Some("refresh_token");
    s.count(if refresh {
        "nimbus.refresh"
    } else {
        "nimbus.token"
    });
    if s.faults.token_unavailable {
        return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
    }
    let public_ok = params.get("client_id").map(String::as_str) == Some(&client_id("nimbus"))
        && !params.contains_key("client_secret")
        && !headers.contains_key(header::AUTHORIZATION);
    if !public_ok {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "public client: send client_id only",
        );
    }
    let (scopes, family) = match check_grant(&mut s, "nimbus", &params) {
        Ok(Grant::Code { scopes, .. }) => {
            s.serial += 1;
            (scopes, s.serial)
        }
        Ok(Grant::Refresh {
            scopes,
            refresh_token,
        }) => {
            s.refresh.remove(&refresh_token);
            let family = s.family.get(&refresh_token).copied().unwrap_or_default();
            s.spent.insert(refresh_token, family);
            (scopes, family)
        }
        Err(r) => return r,
    };
    let lifetime = if refresh {
        3600
    } else {
        s.faults.nimbus_lifetime.unwrap_or(3600)
    };
    let access = s.mint("nb-at");
    let refresh_token = s.mint("nb-rt");
    s.family.insert(access.clone(), family);
    s.family.insert(refresh_token.clone(), family);
    s.refresh
        .insert(refresh_token.clone(), ("nimbus", scopes.clone()));
    s.access.insert(
        access.clone(),
        Token {
            provider: "nimbus",
            expires_at: Some(now() + lifetime),
            scopes: scopes.clone(),
        },
    );
    Json(json!({
        "access_token": access, "refresh_token": refresh_token, "token_type": "Bearer",
        "expires_in": lifetime, "scope": scopes.join(" ")
    }))
    .into_response()
}

/// The form a Nimbus client posts to introspect or revoke: `token` and its public client id.
fn nimbus_form(headers: &HeaderMap, body: &Bytes) -> Result<HashMap<String, String>, Response> {
    let form = form_body(headers, body)?;
    if form.get("client_id").map(String::as_str) != Some(&client_id("nimbus")) {
        return Err(oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "unknown client_id",
        ));
    }
    Ok(form)
}

/// RFC 7662: `{"active": true, …}` for a live access token, `{"active": false}` otherwise.
pub(crate) async fn nimbus_introspect(
    State(inner): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("nimbus.introspect");
    let form = match nimbus_form(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let token = form.get("token").cloned().unwrap_or_default();
    match s.access.get(&token) {
        Some(t) if t.provider == "nimbus" && t.expires_at.is_none_or(|e| e > now()) => {
            let username = s
                .faults
                .nimbus_username
                .clone()
                .unwrap_or_else(|| "dana@nimbus.example".to_string());
            Json(json!({
                "active": true, "scope": t.scopes.join(" "), "client_id": client_id("nimbus"),
                "username": username, "sub": "user-42", "exp": t.expires_at, "token_type": "Bearer"
            }))
            .into_response()
        }
        _ => Json(json!({"active": false})).into_response(),
    }
}

/// RFC 7009: revokes the token's whole grant; 200 whether or not the token was known (§2.2).
pub(crate) async fn nimbus_revoke(
    State(inner): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("nimbus.revoke");
    let form = match nimbus_form(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let token = form.get("token").cloned().unwrap_or_default();
    if let Some(family) = s.family.get(&token).copied() {
        revoke_family(&mut s, family);
    }
    StatusCode::OK.into_response()
}

//! Hotmart as its documents describe it: a client-credentials mint (parameters in the query and
//! HTTP Basic, 172799 s tokens), the source text's authorization-code variant, and the sales
//! summary as its check. The simulator's own reading of Hotmart's documents.

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::grants::code_grant_with_refresh;
use crate::store::{now, Shared, Token};
use crate::wire::{basic_credentials, bearer, body_client_ok, form_body, oauth_error, query_map};
use crate::{client_id, client_secret};

pub(crate) async fn hotmart_token(
    State(inner): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let q = query_map(raw.as_deref());
    if q.get("grant_type").map(String::as_str) == Some("client_credentials") {
        s.count("hotmart.mint");
        if s.faults.token_unavailable {
            return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
        }
        let (id, secret) = (client_id("hotmart"), client_secret("hotmart"));
        let query_ok = q.get("client_id") == Some(&id) && q.get("client_secret") == Some(&secret);
        let basic_ok = basic_credentials(&headers) == Some((id, secret));
        if !query_ok || !basic_ok {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Bad client credentials",
            );
        }
        let access = s.mint("hm-at");
        s.access.insert(
            access.clone(),
            Token {
                provider: "hotmart",
                expires_at: Some(now() + 172_799),
                scopes: vec![],
            },
        );
        return Json(json!({"access_token": access, "token_type": "bearer", "expires_in": 172799, "scope": "read write", "jti": s.mint("jti")}))
            .into_response();
    }
    // The source text's authorization-code variant: form body, client credentials in the body.
    s.count("hotmart.token");
    let form = match form_body(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !body_client_ok("hotmart", &form) {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Bad client credentials",
        );
    }
    code_grant_with_refresh(&mut s, "hotmart", "hm", 172_799, &form)
}

pub(crate) async fn hotmart_summary(State(inner): State<Shared>, headers: HeaderMap) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("hotmart.check");
    match bearer(&headers).and_then(|t| s.access.get(&t).cloned()) {
        Some(t) if t.provider == "hotmart" && t.expires_at.is_none_or(|e| e > now()) => {
            Json(json!({"items": [{"total_value": {"value": 0, "currency_code": "BRL"}}]}))
                .into_response()
        }
        Some(_) => oauth_error(
            StatusCode::UNAUTHORIZED,
            "token_expired",
            "Access token expired",
        ),
        None => oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "Invalid access token",
        ),
    }
}

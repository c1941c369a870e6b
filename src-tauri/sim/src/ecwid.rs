//! Ecwid as its documents and its changelog of 2025-09-19 describe it: the code exchange at
//! `POST /api/oauth/token/{store_id}` for the store the callback named (the old path without the
//! store refused and counted), tokens that never expire and no refresh, and the store profile as
//! its identity check. The simulator's own reading of Ecwid's documents.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::grants::{check_grant, Grant};
use crate::store::{Shared, Token};
use crate::wire::{bearer, body_client_ok, form_body, oauth_error};

/// The store every simulated Ecwid sign-in is for (its callback carries it as `store_id`).
pub const ECWID_STORE_ID: u64 = 1003;

pub(crate) async fn ecwid_token_retired(State(inner): State<Shared>) -> Response {
    inner
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .count("ecwid.token_without_store");
    oauth_error(
        StatusCode::BAD_REQUEST,
        "invalid_request",
        "the store id belongs in the path: POST /api/oauth/token/{store_id}",
    )
}

/// `POST /api/oauth/token/{store_id}`: the code exchange for the store the callback named.
pub(crate) async fn ecwid_token(
    State(inner): State<Shared>,
    Path(store_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("ecwid.token");
    if store_id != ECWID_STORE_ID.to_string() {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "the code was not issued for this store",
        );
    }
    let form = match form_body(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if s.faults.token_unavailable {
        return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
    }
    if !body_client_ok("ecwid", &form) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "client authentication failed",
        );
    }
    match check_grant(&mut s, "ecwid", &form) {
        Ok(Grant::Code { scopes, code }) => {
            let access = s.mint("secret_ecwid");
            if let Some(c) = s.codes.get_mut(&code) {
                c.issued.push(access.clone());
            }
            s.access.insert(
                access.clone(),
                Token {
                    provider: "ecwid",
                    expires_at: None,
                    scopes: scopes.clone(),
                },
            );
            let public_token = s.mint("public_ecwid");
            Json(json!({
                "access_token": access, "token_type": "bearer", "scope": scopes.join(" "),
                "store_id": ECWID_STORE_ID, "public_token": public_token
            }))
            .into_response()
        }
        // Ecwid issues no refresh tokens.
        Ok(Grant::Refresh { .. }) => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "no refresh",
        ),
        Err(r) => r,
    }
}

pub(crate) async fn ecwid_profile(
    State(inner): State<Shared>,
    Path(store_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("ecwid.identity");
    let token = bearer(&headers).and_then(|t| s.access.get(&t).cloned());
    match token {
        Some(t) if t.provider == "ecwid" && store_id == "1003" => {
            if !t.scopes.iter().any(|x| x == "read_store_profile") {
                return (
                    StatusCode::FORBIDDEN,
                    Json(json!({"errorMessage": "INSUFFICIENT_APP_SCOPE"})),
                )
                    .into_response();
            }
            Json(json!({"generalInfo": {"storeId": 1003, "storeUrl": "https://shop.example.com"}, "account": {"accountEmail": "owner@shop.example.com"}}))
                .into_response()
        }
        _ => (
            StatusCode::FORBIDDEN,
            Json(json!({"errorMessage": "INVALID_API_TOKEN"})),
        )
            .into_response(),
    }
}

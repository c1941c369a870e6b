//! WhatConverts as its documents describe it: an API token and secret as HTTP Basic on its leads
//! endpoint (the check), and the source text's OAuth code flow beside. The simulator's own reading
//! of WhatConverts's documents.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::grants::code_grant_with_refresh;
use crate::store::Shared;
use crate::wire::{basic_credentials, bearer, body_client_ok, form_body, oauth_error};
use crate::{WHATCONVERTS_SECRET, WHATCONVERTS_TOKEN};

pub(crate) async fn whatconverts_oauth_token(
    State(inner): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("whatconverts.token");
    let form = match form_body(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !body_client_ok("whatconverts", &form) {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication failed",
        );
    }
    code_grant_with_refresh(&mut s, "whatconverts", "wc", 3600, &form)
}

pub(crate) async fn whatconverts_leads(
    State(inner): State<Shared>,
    headers: HeaderMap,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("whatconverts.check");
    let basic_ok = basic_credentials(&headers)
        == Some((WHATCONVERTS_TOKEN.into(), WHATCONVERTS_SECRET.into()));
    let bearer_ok = bearer(&headers)
        .and_then(|t| s.access.get(&t).cloned())
        .is_some_and(|t| t.provider == "whatconverts");
    if basic_ok || bearer_ok {
        Json(json!({"page_number": 1, "leads_per_page": 1, "total_pages": 1, "total_leads": 1, "leads": [{"lead_id": 1, "lead_type": "Phone Call"}]}))
            .into_response()
    } else {
        (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error_message": "Invalid API Token or Secret"})),
        )
            .into_response()
    }
}

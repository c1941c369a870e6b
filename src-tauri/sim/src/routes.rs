//! What answers where: every provider's routes on one router, the test controls (`/_sim/…`, for a
//! simulator running inside another process), and the layers around every request (demo mode's
//! kept tokens, the providers' clock).

use std::path::PathBuf;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};

use crate::authorize::authorize;
use crate::ecwid::{ecwid_profile, ecwid_token, ecwid_token_retired};
use crate::faults::Faults;
use crate::hotmart::{hotmart_summary, hotmart_token};
use crate::hubspot::{hubspot_introspect, hubspot_revoke, hubspot_token, hubspot_v1_retired};
use crate::kept;
use crate::nimbus::{nimbus_introspect, nimbus_revoke, nimbus_token};
use crate::store::Shared;
use crate::whatconverts::{whatconverts_leads, whatconverts_oauth_token};

pub(crate) fn router(inner: Shared) -> Router {
    Router::new()
        .route("/{provider}/oauth/authorize", get(authorize))
        .route("/hubspot/oauth/2026-03/token", post(hubspot_token))
        .route(
            "/hubspot/oauth/2026-03/token/introspect",
            post(hubspot_introspect),
        )
        .route("/hubspot/oauth/2026-03/token/revoke", post(hubspot_revoke))
        // Switched off on 2027-02-16: every v1 call fails as HubSpot says it will.
        .route("/hubspot/oauth/v1/{*rest}", any(hubspot_v1_retired))
        .route("/ecwid/api/oauth/token/{store_id}", post(ecwid_token))
        // Ecwid's flow without the store in the path, disabled in 2026 (its changelog of
        // 2025-09-19): refused and counted, so a forgotten old call fails a test.
        .route("/ecwid/api/oauth/token", post(ecwid_token_retired))
        .route("/ecwid/api/v3/{store_id}/profile", get(ecwid_profile))
        .route("/hotmart/security/oauth/token", post(hotmart_token))
        .route(
            "/hotmart/payments/api/v1/sales/summary",
            get(hotmart_summary),
        )
        .route("/whatconverts/oauth/token", post(whatconverts_oauth_token))
        .route("/whatconverts/api/v1/leads", get(whatconverts_leads))
        .route("/nimbus/oauth/token", post(nimbus_token))
        .route("/nimbus/oauth/introspect", post(nimbus_introspect))
        .route("/nimbus/oauth/revoke", post(nimbus_revoke))
        // Test controls, for a simulator running inside another process (demo mode under e2e).
        .route("/_sim/counts", get(sim_counts))
        .route("/_sim/faults", post(sim_faults))
        .layer(axum::middleware::from_fn_with_state(
            inner.clone(),
            keep_tokens,
        ))
        .layer(axum::middleware::from_fn_with_state(
            inner.clone(),
            provider_clock,
        ))
        .with_state(inner)
}

/// Every answer's `Date` header, on the providers' clock (`clock_offset`): off the machine's by
/// the fault's seconds, or the machine's own.
async fn provider_clock(
    State(inner): State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let mut response = next.run(request).await;
    let offset = inner
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .faults
        .clock_offset;
    if let Some(offset) = offset {
        let at = std::time::SystemTime::now()
            .checked_add(std::time::Duration::from_secs(offset.max(0) as u64))
            .and_then(|t| t.checked_sub(std::time::Duration::from_secs((-offset).max(0) as u64)))
            .unwrap_or_else(std::time::SystemTime::now);
        if let Ok(value) = header::HeaderValue::from_str(&httpdate::fmt_http_date(at)) {
            response.headers_mut().insert(header::DATE, value);
        }
    }
    response
}

/// Demo mode: takes in the tokens other processes issued before a request, and writes back what
/// the request issued or revoked after it (see `kept.rs`). Nothing without a file to keep.
async fn keep_tokens(
    State(inner): State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let before = take_in_kept(&inner);
    let response = next.run(request).await;
    if let Some((file, known)) = before {
        let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
        kept::write_back(&mut s, &file, &known);
    }
    response
}

/// The kept file and the tokens known once its tokens are taken in; `None` outside demo mode.
fn take_in_kept(inner: &Shared) -> Option<(PathBuf, std::collections::HashSet<String>)> {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let file = s.keep.clone()?;
    kept::take_in(&mut s, &file);
    let known = kept::known(&s);
    Some((file, known))
}

async fn sim_counts(State(inner): State<Shared>) -> Response {
    Json(
        inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .counts
            .clone(),
    )
    .into_response()
}

/// Sets faults from a JSON object, e.g. `{"decline_consent": true, "hubspot_lifetime": 5}`.
async fn sim_faults(State(inner): State<Shared>, body: Bytes) -> Response {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "expected a JSON object").into_response();
    };
    let flag = |k: &str| {
        v.get(k)
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    };
    let faults = Faults {
        decline_consent: flag("decline_consent"),
        token_unavailable: flag("token_unavailable"),
        refresh_invalid_grant: flag("refresh_invalid_grant"),
        rotate_refresh_tokens: flag("rotate_refresh_tokens"),
        revoke_unavailable: flag("revoke_unavailable"),
        identity_unauthorized: flag("identity_unauthorized"),
        hubspot_lifetime: v
            .get("hubspot_lifetime")
            .and_then(serde_json::Value::as_i64),
        nimbus_lifetime: v.get("nimbus_lifetime").and_then(serde_json::Value::as_i64),
        clock_offset: v.get("clock_offset").and_then(serde_json::Value::as_i64),
        ..Faults::default()
    };
    inner.lock().unwrap_or_else(|p| p.into_inner()).faults = faults;
    StatusCode::NO_CONTENT.into_response()
}

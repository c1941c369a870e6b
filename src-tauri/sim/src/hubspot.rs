//! HubSpot as its migration guide and its 2026-03 reference describe the dated OAuth API (read
//! 2026-12-07; see docs/providers.md): `POST /oauth/2026-03/token`, `/token/introspect` and
//! `/token/revoke`, every parameter in a form body, client id and secret in the body, its error
//! shape (RFC 6749's `error` beside the legacy `status`/`message`); the v1 endpoints refused as
//! HubSpot says they will be after 2027-02-16. The simulator's own reading of HubSpot's documents.

use std::collections::HashMap;

use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::answers::{answer_late, canned_refresh, lost_reply};
use crate::grants::{check_grant, Grant};
use crate::store::{now, Shared, Token};
use crate::wire::{body_client_ok, form_body};
use crate::{client_id, HUBSPOT_HUB_ID};

/// HubSpot's error answer on the dated API: RFC 6749's `error`/`error_description` beside the
/// legacy `status`/`message`, which HubSpot keeps for now.
fn hubspot_error(status: StatusCode, error: &str, legacy: &str, description: &str) -> Response {
    (
        status,
        Json(json!({
            "error": error, "error_description": description,
            "status": legacy, "message": description,
            "correlationId": "00000000-0000-4000-8000-000000000000",
        })),
    )
        .into_response()
}

/// HubSpot's dated endpoints take every parameter in the form body: a query string is refused
/// (the v1 habit of putting client credentials in the URL is what the new API ends).
fn hubspot_no_query(raw: Option<&str>) -> Result<(), Response> {
    match raw {
        Some(q) if !q.is_empty() => Err(hubspot_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "BAD_REQUEST",
            "parameters belong in the form body, not the query",
        )),
        _ => Ok(()),
    }
}

/// A request to a dated endpoint: no query string, a form body, the client's id and secret in it.
fn hubspot_form(
    raw: Option<&str>,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<HashMap<String, String>, Response> {
    hubspot_no_query(raw)?;
    let form = form_body(headers, body)?;
    hubspot_client(&form)?;
    Ok(form)
}

/// The client's id and secret in the form body, as the dated endpoints require.
fn hubspot_client(form: &HashMap<String, String>) -> Result<(), Response> {
    if body_client_ok("hubspot", form) {
        Ok(())
    } else {
        Err(hubspot_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "BAD_CLIENT_ID",
            "missing or unknown client id or secret",
        ))
    }
}

/// `POST /oauth/2026-03/token`: the authorization-code and refresh-token grants.
pub(crate) async fn hubspot_token(
    State(inner): State<Shared>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = hubspot_no_query(raw.as_deref()) {
        return r;
    }
    let refresh = form_body(&headers, &body)
        .is_ok_and(|f| f.get("grant_type").map(String::as_str) == Some("refresh_token"));
    if let Some(answer) = canned_refresh(&inner, refresh, "hubspot.refresh") {
        return answer_late(&inner, answer).await;
    }
    let (answer, delay) = hubspot_token_grant(&inner, &headers, &body);
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
        inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .count("hubspot.refresh_answered");
    }
    answer
}

/// The grant itself, under the simulator's lock: the answer, and how long to hold it back.
fn hubspot_token_grant(
    inner: &Shared,
    headers: &HeaderMap,
    body: &Bytes,
) -> (Response, Option<std::time::Duration>) {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let form = match form_body(headers, body) {
        Ok(f) => f,
        Err(r) => return (r, None),
    };
    let refresh = form.get("grant_type").map(String::as_str) == Some("refresh_token");
    s.count(if refresh {
        "hubspot.refresh"
    } else {
        "hubspot.token"
    });
    if s.faults.token_unavailable {
        return (
            (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response(),
            None,
        );
    }
    if let Err(r) = hubspot_client(&form) {
        return (r, None);
    }
    let grant = match check_grant(&mut s, "hubspot", &form) {
        Ok(g) => g,
        Err(r) => return (r, None),
    };
    // The lifetime fault shortens sign-in tokens only: refreshed ones get HubSpot's 30 minutes.
    let lifetime = match &grant {
        Grant::Code { .. } => s.faults.hubspot_lifetime.unwrap_or(1800),
        Grant::Refresh { .. } => s.faults.hubspot_refreshed_lifetime.unwrap_or(1800),
    };
    let lose_reply = matches!(grant, Grant::Refresh { .. }) && s.faults.lose_reply_after_rotation;
    let access = s.mint("hs-at");
    let (scopes, refresh_token, family) = match grant {
        Grant::Code { scopes, code } => {
            let rt = s.mint("hs-rt");
            if let Some(c) = s.codes.get_mut(&code) {
                c.issued.extend([access.clone(), rt.clone()]);
            }
            s.serial += 1;
            (scopes, rt, s.serial)
        }
        Grant::Refresh {
            scopes,
            refresh_token,
        } if s.faults.rotate_refresh_tokens => {
            // Rotation with reuse detection: the presented token is spent, and presenting it
            // again revokes the grant (see `check_grant`).
            s.refresh.remove(&refresh_token);
            let family = s.family.get(&refresh_token).copied().unwrap_or_default();
            s.spent.insert(refresh_token, family);
            (scopes, s.mint("hs-rt"), family)
        }
        Grant::Refresh {
            scopes,
            refresh_token,
        } => {
            let family = s.family.get(&refresh_token).copied().unwrap_or_default();
            (scopes, refresh_token, family)
        }
    };
    s.family.insert(access.clone(), family);
    s.family.insert(refresh_token.clone(), family);
    s.refresh
        .insert(refresh_token.clone(), ("hubspot", scopes.clone()));
    s.access.insert(
        access.clone(),
        Token {
            provider: "hubspot",
            expires_at: Some(now() + lifetime),
            scopes,
        },
    );
    if lose_reply {
        s.count("hubspot.reply_lost");
        return (lost_reply(), None);
    }
    let scopes = s
        .access
        .get(&access)
        .map(|t| t.scopes.clone())
        .unwrap_or_default();
    let answer = Json(json!({
        "token_type": "bearer", "refresh_token": refresh_token, "access_token": access,
        "expires_in": lifetime, "token_use": "access_token", "hub_id": HUBSPOT_HUB_ID,
        "user_id": 99, "scopes": scopes,
    }))
    .into_response();
    let delay = s.faults.refresh_delay.filter(|_| refresh);
    (answer, delay)
}

/// `POST /oauth/2026-03/token/introspect`: whether a token is active, and whose. Client
/// credentials and the token in the form body; `{"active": false}` for a token HubSpot does not
/// accept (expired, unknown, revoked).
pub(crate) async fn hubspot_introspect(
    State(inner): State<Shared>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("hubspot.introspect");
    let form = match hubspot_form(raw.as_deref(), &headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let token = form.get("token").cloned().unwrap_or_default();
    let refusing = s.faults.identity_unauthorized;
    let common = |scopes: &[String]| {
        json!({
            "active": true, "hub_id": HUBSPOT_HUB_ID, "user_id": 99, "app_id": 7,
            "client_id": client_id("hubspot"), "scopes": scopes, "token_type": "bearer",
            "user": "ana@example.com", "hub_domain": "example-portal.hubspot.com",
        })
    };
    if let Some(t) = s.access.get(&token) {
        if t.provider == "hubspot" && !refusing && t.expires_at.is_none_or(|e| e > now()) {
            let mut answer = common(&t.scopes);
            answer["token_use"] = json!("access_token");
            answer["token"] = json!(token);
            answer["expires_in"] = json!(t.expires_at.map(|e| e - now()));
            answer["is_private_distribution"] = json!(false);
            answer["signed_access_token"] = json!({"appId": 7, "hubId": HUBSPOT_HUB_ID, "signature": "sig-0000", "newSignature": "sig-0001"});
            return Json(answer).into_response();
        }
    }
    if let Some((p, scopes)) = s.refresh.get(&token) {
        if *p == "hubspot" && !refusing {
            let mut answer = common(scopes);
            answer["token_use"] = json!("refresh_token");
            answer["token"] = json!(token);
            return Json(answer).into_response();
        }
    }
    Json(json!({"active": false})).into_response()
}

/// `POST /oauth/2026-03/token/revoke`: deletes the refresh token (RFC 7009: 200, also for a
/// token it does not know). Access tokens already issued live on.
pub(crate) async fn hubspot_revoke(
    State(inner): State<Shared>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("hubspot.revoke");
    let form = match hubspot_form(raw.as_deref(), &headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if s.faults.revoke_unavailable {
        return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
    }
    let token = form.get("token").cloned().unwrap_or_default();
    if s.refresh.get(&token).is_some_and(|(p, _)| *p == "hubspot") {
        s.refresh.remove(&token);
    }
    StatusCode::OK.into_response()
}

/// Any `/oauth/v1/…` call: HubSpot switched them off on 2027-02-16, and apps still calling them
/// get authentication failures. Counted as `hubspot.v1`, so a forgotten v1 call fails a test.
pub(crate) async fn hubspot_v1_retired(State(inner): State<Shared>) -> Response {
    inner
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .count("hubspot.v1");
    hubspot_error(
        StatusCode::UNAUTHORIZED,
        "invalid_request",
        "ENDPOINT_RETIRED",
        "The OAuth v1 API was switched off on 2027-02-16; use /oauth/2026-03/",
    )
}

//! The authorize step every provider shares (`/{provider}/oauth/authorize`): the client id, the
//! redirect URIs each provider accepts (HubSpot: https or `http://localhost`, never a custom
//! scheme), `response_type=code`, PKCE S256, Nimbus's own parameters, consent; answered with a
//! redirect carrying a code and the same `state`.

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::client_id;
use crate::ecwid::ECWID_STORE_ID;
use crate::store::{Code, Shared};
use crate::wire::{provider_name, query_map, redirect};

fn redirect_uri_allowed(provider: &str, uri: &str) -> bool {
    let Ok(url) = url::Url::parse(uri) else {
        return false;
    };
    match (provider, url.scheme()) {
        // HubSpot: https, or plain http for the host `localhost` only; custom schemes are rejected.
        ("hubspot", "https") => true,
        ("hubspot", "http") => url.host_str() == Some("localhost"),
        ("hubspot", _) => false,
        (_, "https") => true,
        (_, "http") => matches!(url.host_str(), Some("localhost" | "127.0.0.1")),
        (_, scheme) => scheme == "dev.plugboard.desktop",
    }
}

pub(crate) async fn authorize(
    State(inner): State<Shared>,
    Path(provider): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(provider) = provider_name(&provider) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let q = query_map(raw.as_deref());
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count(&format!("{provider}.authorize"));
    let field = |k: &str| q.get(k).cloned().unwrap_or_default();
    // Problems before a trustworthy redirect URI is known are shown to the person, not redirected.
    if field("client_id") != client_id(provider) {
        return (StatusCode::BAD_REQUEST, "unknown client_id").into_response();
    }
    let redirect_uri = field("redirect_uri");
    if !redirect_uri_allowed(provider, &redirect_uri) {
        return (
            StatusCode::BAD_REQUEST,
            "redirect_uri is not registered for this app",
        )
            .into_response();
    }
    let state = field("state");
    let back = |params: &[(&str, &str)]| {
        let mut url = url::Url::parse(&redirect_uri).expect("checked above");
        url.query_pairs_mut().extend_pairs(params);
        redirect(url.to_string())
    };
    if field("response_type") != "code" {
        return back(&[("error", "unsupported_response_type"), ("state", &state)]);
    }
    if field("code_challenge_method") != "S256" || field("code_challenge").len() != 43 {
        return back(&[
            ("error", "invalid_request"),
            ("error_description", "PKCE S256 required"),
            ("state", &state),
        ]);
    }
    // Nimbus documents comma-separated scopes and wants `prompt=consent` on every sign-in.
    if provider == "nimbus" && (field("prompt") != "consent" || field("scope").contains(' ')) {
        return back(&[
            ("error", "invalid_request"),
            (
                "error_description",
                "prompt=consent and comma-separated scopes required",
            ),
            ("state", &state),
        ]);
    }
    if s.faults.decline_consent {
        return back(&[("error", "access_denied"), ("state", &state)]);
    }
    let code = s.mint(&format!("{provider}-code"));
    let scopes = field("scope")
        .split([' ', ','])
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect();
    s.codes.insert(
        code.clone(),
        Code {
            provider,
            redirect_uri: redirect_uri.clone(),
            challenge: field("code_challenge"),
            scopes,
            used: false,
            issued: vec![],
        },
    );
    // Ecwid adds the store the sign-in was for (its changelog of 2025-09-19).
    let store = ECWID_STORE_ID.to_string();
    if provider == "ecwid" {
        return back(&[("code", &code), ("state", &state), ("store_id", &store)]);
    }
    back(&[("code", &code), ("state", &state)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hubspot_accepts_https_and_localhost_but_never_a_custom_scheme() {
        assert!(redirect_uri_allowed(
            "hubspot",
            "http://localhost:53682/oauth/callback"
        ));
        assert!(redirect_uri_allowed("hubspot", "https://example.com/cb"));
        assert!(!redirect_uri_allowed(
            "hubspot",
            "http://127.0.0.1:53682/oauth/callback"
        ));
        assert!(!redirect_uri_allowed(
            "hubspot",
            "dev.plugboard.desktop:/oauth/callback"
        ));
        assert!(redirect_uri_allowed(
            "ecwid",
            "dev.plugboard.desktop:/oauth/callback"
        ));
        assert!(!redirect_uri_allowed("ecwid", "com.other.app:/cb"));
    }
}

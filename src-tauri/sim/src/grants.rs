//! The authorization-code and refresh-token grants as strict servers check them (RFC 6749 §4.1,
//! §6; PKCE S256, RFC 7636), shared by every provider that issues codes, and the plain RFC 6749
//! answer of the source texts' code flows. Each provider's route adds its own client
//! authentication and answer shape around these.

use std::collections::HashMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine;
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::store::{now, revoke_family, Inner, Token};
use crate::wire::oauth_error;

fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// The shared authorization-code and refresh-token grant, as strict servers do it. `Ok` carries the
/// granted scopes and, for a refresh, the refresh token to hand back.
pub(crate) enum Grant {
    Code {
        scopes: Vec<String>,
        code: String,
    },
    Refresh {
        scopes: Vec<String>,
        refresh_token: String,
    },
}

pub(crate) fn check_grant(
    s: &mut Inner,
    provider: &'static str,
    form: &HashMap<String, String>,
) -> Result<Grant, Response> {
    let field = |k: &str| form.get(k).cloned().unwrap_or_default();
    match field("grant_type").as_str() {
        "authorization_code" => {
            let code = field("code");
            let Some(entry) = s.codes.get_mut(&code).filter(|c| c.provider == provider) else {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "unknown authorization code",
                ));
            };
            if entry.used {
                // RFC 6749 §4.1.2: a reused code revokes what it issued.
                let issued = std::mem::take(&mut entry.issued);
                for t in issued {
                    s.access.remove(&t);
                    s.refresh.remove(&t);
                }
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "authorization code already used",
                ));
            }
            if entry.redirect_uri != field("redirect_uri") {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "redirect_uri does not match",
                ));
            }
            let verifier = field("code_verifier");
            if verifier.is_empty() {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "code_verifier required",
                ));
            }
            if s256(&verifier) != entry.challenge {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "code_verifier does not match",
                ));
            }
            entry.used = true;
            Ok(Grant::Code {
                scopes: entry.scopes.clone(),
                code,
            })
        }
        "refresh_token" => {
            let token = field("refresh_token");
            // A rotated-away refresh token presented again: reuse detection revokes the whole
            // grant, as strict servers do (OAuth 2.0 Security BCP §4.14.2). Counted per
            // provider as `<provider>.reuse_detected` — a grant lost.
            if let Some(family) = s.spent.get(&token).copied() {
                s.count(&format!("{provider}.reuse_detected"));
                revoke_family(s, family);
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "refresh token reuse detected; the grant was revoked",
                ));
            }
            if s.faults.refresh_invalid_grant {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "refresh token revoked",
                ));
            }
            match s.refresh.get(&token) {
                Some((p, scopes)) if *p == provider => Ok(Grant::Refresh {
                    scopes: scopes.clone(),
                    refresh_token: token,
                }),
                _ => Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "unknown refresh token",
                )),
            }
        }
        _ => Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant_type not supported",
        )),
    }
}

/// The plain RFC 6749 answer of the source texts' code flows (Hotmart, WhatConverts): an access
/// token of `lifetime` seconds and a refresh token.
pub(crate) fn code_grant_with_refresh(
    s: &mut Inner,
    provider: &'static str,
    prefix: &str,
    lifetime: i64,
    form: &HashMap<String, String>,
) -> Response {
    match check_grant(s, provider, form) {
        Ok(Grant::Code { scopes, .. } | Grant::Refresh { scopes, .. }) => {
            let access = s.mint(&format!("{prefix}-at"));
            let refresh = s.mint(&format!("{prefix}-rt"));
            s.refresh
                .insert(refresh.clone(), (provider, scopes.clone()));
            s.access.insert(
                access.clone(),
                Token {
                    provider,
                    expires_at: Some(now() + lifetime),
                    scopes,
                },
            );
            Json(json!({"access_token": access, "refresh_token": refresh, "token_type": "bearer", "expires_in": lifetime}))
                .into_response()
        }
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s256_matches_rfc7636_appendix_b() {
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}

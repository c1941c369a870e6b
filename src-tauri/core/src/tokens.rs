/*!
Tokens and keys: what a provider's token endpoint answers, and the secret half of a connection as
one vault item.

- [`parse_token_response`] reads an RFC 6749 §5.1 success or §5.2 error (and HubSpot's legacy
  `{status, message}` errors) into a [`TokenSet`] or a [`TokenError`]. `expires_in` becomes an
  absolute `expires_at` at receipt, so a stored expiry never goes stale.
- [`ConnectionSecret`] is everything secret about one connection (tokens, or the credentials a
  client-credentials connection re-mints with, or an API key), encoded as a single JSON document for
  the vault: a rotated access + refresh pair is one write.

Nothing here prints a secret: token values are [`SecretString`]s, and an unparseable response keeps
its body out of the error's message.
*/

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::secret::SecretString;

/// A usable token set from a token endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSet {
    pub access_token: SecretString,
    pub refresh_token: Option<SecretString>,
    pub token_type: Option<String>,
    /// Unix seconds; `None` when the response had no `expires_in`.
    pub expires_at: Option<i64>,
    /// Scopes the provider says it granted (`None`: it did not say, RFC 6749 §5.1 — same as requested).
    pub scopes: Option<Vec<String>>,
    /// Non-secret extra fields (Ecwid's `store_id`, HubSpot's `hub_id`…), as strings.
    pub extra: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// The grant is dead (revoked, expired, used twice): only a new sign-in helps.
    #[error("the provider no longer accepts this sign-in ({code})")]
    InvalidGrant {
        code: String,
        description: Option<String>,
    },
    /// The app credentials (client id/secret) are wrong.
    #[error("the provider rejected the app credentials ({code})")]
    InvalidClient {
        code: String,
        description: Option<String>,
    },
    /// Any other error the provider named.
    #[error("the provider refused the request ({code})")]
    Rejected {
        status: u16,
        code: String,
        description: Option<String>,
    },
    /// 5xx or 429: try again later.
    #[error("the provider is having trouble (HTTP {status})")]
    Temporary {
        status: u16,
        retry_after: Option<u64>,
    },
    /// A response that is neither a token nor an error we can read. The body is kept for
    /// diagnostics but never shown in the message (it may hold a token).
    #[error("the provider's answer could not be read (HTTP {status}: {reason})")]
    Parse {
        status: u16,
        reason: String,
        body: String,
    },
}

impl TokenError {
    /// A short machine code for logs and the details panel (`invalid_grant`, `http_503`, …).
    pub fn code(&self) -> String {
        match self {
            TokenError::InvalidGrant { code, .. }
            | TokenError::InvalidClient { code, .. }
            | TokenError::Rejected { code, .. } => code.clone(),
            TokenError::Temporary { status, .. } => format!("http_{status}"),
            TokenError::Parse { .. } => "unreadable_response".into(),
        }
    }
}

fn field_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Reads a token endpoint's answer. `separator` splits a `scope` string (`" "` per RFC 6749 §3.3;
/// some providers use `,`); `now` is Unix seconds at receipt.
pub fn parse_token_response(
    status: u16,
    retry_after: Option<u64>,
    body: &str,
    separator: &str,
    now: i64,
) -> Result<TokenSet, TokenError> {
    if status == 429 || status >= 500 {
        return Err(TokenError::Temporary {
            status,
            retry_after,
        });
    }
    let parse_err = |reason: &str| TokenError::Parse {
        status,
        reason: reason.to_string(),
        body: body.chars().take(2_000).collect(),
    };
    let json: Value = serde_json::from_str(body).map_err(|_| parse_err("not JSON"))?;
    let obj = json
        .as_object()
        .ok_or_else(|| parse_err("not a JSON object"))?;

    let error_code = obj.get("error").and_then(Value::as_str).or_else(|| {
        obj.get("status")
            .and_then(Value::as_str)
            .filter(|s| s.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
    });
    if let Some(code) = error_code {
        let description = obj
            .get("error_description")
            .or_else(|| obj.get("message"))
            .and_then(Value::as_str)
            .map(str::to_string);
        let code = code.to_string();
        return Err(match code.as_str() {
            "invalid_grant" | "BAD_REFRESH_TOKEN" | "BAD_AUTH_CODE" | "EXPIRED_AUTH_CODE" => {
                TokenError::InvalidGrant { code, description }
            }
            "invalid_client" | "BAD_CLIENT_ID" | "BAD_CLIENT_SECRET" => {
                TokenError::InvalidClient { code, description }
            }
            _ => TokenError::Rejected {
                status,
                code,
                description,
            },
        });
    }
    if !(200..300).contains(&status) {
        return Err(parse_err("an error status without an error code"));
    }

    let access_token = obj
        .get("access_token")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| parse_err("no access_token"))?;
    let refresh_token = obj
        .get("refresh_token")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    let expires_in = match obj.get("expires_in") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => n.as_i64(),
        Some(Value::String(s)) => s.parse::<i64>().ok(),
        Some(_) => None,
    };
    if expires_in.is_some_and(|s| s < 0) {
        return Err(parse_err("a negative expires_in"));
    }
    let scopes = match obj.get("scope").or_else(|| obj.get("scopes")) {
        Some(Value::String(s)) => Some(
            // Scopes never contain spaces, and servers that take comma-separated scopes at the
            // authorize step often answer in RFC 6749's space-separated form: split on both.
            s.split(|c: char| c.is_whitespace() || separator.contains(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
        ),
        _ => None,
    };
    const KNOWN: &[&str] = &[
        "access_token",
        "refresh_token",
        "expires_in",
        "scope",
        "scopes",
        "token_type",
    ];
    let extra = obj
        .iter()
        .filter(|(k, _)| {
            !KNOWN.contains(&k.as_str()) && !k.contains("token") && !k.contains("secret")
        })
        .filter_map(|(k, v)| field_str(v).map(|v| (k.clone(), v)))
        .collect();

    Ok(TokenSet {
        access_token: SecretString::new(access_token),
        refresh_token: refresh_token.map(SecretString::new),
        token_type: obj
            .get("token_type")
            .and_then(Value::as_str)
            .map(str::to_string),
        expires_at: expires_in.map(|s| now + s),
        scopes,
        extra,
    })
}

/// Everything secret about one connection: the single vault item it is stored as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionSecret {
    /// Authorization code: the tokens (refresh token where the provider issues one).
    OAuth { tokens: TokenSet },
    /// Client credentials: the current token and the credentials that mint the next one.
    ClientCredentials {
        client_id: String,
        client_secret: SecretString,
        tokens: TokenSet,
    },
    /// API key fields by id (WhatConverts: `token`, `secret`).
    ApiKey { fields: Vec<(String, SecretString)> },
}

/// The vault encoding. Private: the only way in or out is through [`ConnectionSecret`].
#[derive(Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Wire {
    OAuth {
        tokens: WireTokens,
    },
    ClientCredentials {
        client_id: String,
        client_secret: String,
        tokens: WireTokens,
    },
    ApiKey {
        fields: Vec<(String, String)>,
    },
}

#[derive(Serialize, Deserialize)]
struct WireTokens {
    access_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    token_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    scopes: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    extra: BTreeMap<String, String>,
}

impl From<&TokenSet> for WireTokens {
    fn from(t: &TokenSet) -> Self {
        Self {
            access_token: t.access_token.expose().to_string(),
            refresh_token: t.refresh_token.as_ref().map(|r| r.expose().to_string()),
            token_type: t.token_type.clone(),
            expires_at: t.expires_at,
            scopes: t.scopes.clone(),
            extra: t.extra.clone(),
        }
    }
}

impl From<WireTokens> for TokenSet {
    fn from(w: WireTokens) -> Self {
        Self {
            access_token: SecretString::new(w.access_token),
            refresh_token: w.refresh_token.map(SecretString::new),
            token_type: w.token_type,
            expires_at: w.expires_at,
            scopes: w.scopes,
            extra: w.extra,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the keychain item is not a Plugboard connection")]
pub struct DecodeError;

impl ConnectionSecret {
    /// The vault item's content (JSON).
    pub fn encode(&self) -> SecretString {
        let wire = match self {
            ConnectionSecret::OAuth { tokens } => Wire::OAuth {
                tokens: tokens.into(),
            },
            ConnectionSecret::ClientCredentials {
                client_id,
                client_secret,
                tokens,
            } => Wire::ClientCredentials {
                client_id: client_id.clone(),
                client_secret: client_secret.expose().to_string(),
                tokens: tokens.into(),
            },
            ConnectionSecret::ApiKey { fields } => Wire::ApiKey {
                fields: fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.expose().to_string()))
                    .collect(),
            },
        };
        SecretString::new(serde_json::to_string(&wire).expect("the wire form always serializes"))
    }

    pub fn decode(item: &SecretString) -> Result<Self, DecodeError> {
        let wire: Wire = serde_json::from_str(item.expose()).map_err(|_| DecodeError)?;
        Ok(match wire {
            Wire::OAuth { tokens } => ConnectionSecret::OAuth {
                tokens: tokens.into(),
            },
            Wire::ClientCredentials {
                client_id,
                client_secret,
                tokens,
            } => ConnectionSecret::ClientCredentials {
                client_id,
                client_secret: SecretString::new(client_secret),
                tokens: tokens.into(),
            },
            Wire::ApiKey { fields } => ConnectionSecret::ApiKey {
                fields: fields
                    .into_iter()
                    .map(|(k, v)| (k, SecretString::new(v)))
                    .collect(),
            },
        })
    }

    /// The token set, for methods that have one.
    pub fn tokens(&self) -> Option<&TokenSet> {
        match self {
            ConnectionSecret::OAuth { tokens }
            | ConnectionSecret::ClientCredentials { tokens, .. } => Some(tokens),
            ConnectionSecret::ApiKey { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_000;

    #[test]
    fn a_hubspot_token_response_gets_an_absolute_expiry_and_keeps_the_refresh_token() {
        let body = r#"{"token_type":"bearer","refresh_token":"rt-1","access_token":"at-1","expires_in":1800}"#;
        let t = parse_token_response(200, None, body, " ", NOW).unwrap();
        assert_eq!(t.access_token.expose(), "at-1");
        assert_eq!(t.refresh_token.as_ref().unwrap().expose(), "rt-1");
        assert_eq!(t.expires_at, Some(NOW + 1800));
        assert_eq!(t.scopes, None);
    }

    #[test]
    fn an_ecwid_token_never_expires_and_its_store_id_is_kept_but_its_public_token_is_not() {
        let body = r#"{"access_token":"secret_abc","token_type":"bearer","scope":"read_store_profile read_catalog","store_id":1003,"public_token":"public_xyz"}"#;
        let t = parse_token_response(200, None, body, " ", NOW).unwrap();
        assert_eq!(t.expires_at, None);
        assert_eq!(t.refresh_token, None);
        assert_eq!(
            t.scopes.as_deref(),
            Some(&["read_store_profile".to_string(), "read_catalog".to_string()][..])
        );
        assert_eq!(t.extra.get("store_id").map(String::as_str), Some("1003"));
        assert!(!t.extra.contains_key("public_token"));
    }

    #[test]
    fn hotmarts_two_day_token_is_honoured() {
        let body = r#"{"access_token":"h-1","token_type":"bearer","expires_in":172799,"scope":"read write","jti":"j-1"}"#;
        let t = parse_token_response(200, None, body, " ", NOW).unwrap();
        assert_eq!(t.expires_at, Some(NOW + 172_799));
        assert_eq!(t.extra.get("jti").map(String::as_str), Some("j-1"));
    }

    #[test]
    fn rfc6749_and_hubspot_legacy_errors_are_classified() {
        let e = parse_token_response(
            400,
            None,
            r#"{"error":"invalid_grant","error_description":"code reused"}"#,
            " ",
            NOW,
        );
        assert_eq!(
            e.unwrap_err(),
            TokenError::InvalidGrant {
                code: "invalid_grant".into(),
                description: Some("code reused".into())
            }
        );
        let e = parse_token_response(
            400,
            None,
            r#"{"status":"BAD_REFRESH_TOKEN","message":"missing or unknown refresh token"}"#,
            " ",
            NOW,
        );
        assert!(matches!(e.unwrap_err(), TokenError::InvalidGrant { .. }));
        let e = parse_token_response(401, None, r#"{"error":"invalid_client"}"#, " ", NOW);
        assert!(matches!(e.unwrap_err(), TokenError::InvalidClient { .. }));
        let e = parse_token_response(503, Some(30), "<html>down</html>", " ", NOW);
        assert_eq!(
            e.unwrap_err(),
            TokenError::Temporary {
                status: 503,
                retry_after: Some(30)
            }
        );
    }

    #[test]
    fn an_unreadable_answer_keeps_its_body_out_of_the_message() {
        let err = parse_token_response(200, None, r#"{"acess_token":"at-SECRET"}"#, " ", NOW)
            .unwrap_err();
        assert!(matches!(err, TokenError::Parse { .. }));
        assert!(!err.to_string().contains("SECRET"), "{err}");
        assert!(!format!(
            "{:?}",
            parse_token_response(200, None, r#"{"access_token":"at-SECRET"}"#, " ", NOW).unwrap()
        )
        .contains("SECRET"));
    }

    #[test]
    fn connection_secrets_round_trip_through_one_vault_item() {
        let tokens = parse_token_response(
            200,
            None,
            r#"{"access_token":"a","refresh_token":"r","expires_in":60,"store_id":"7"}"#,
            " ",
            NOW,
        )
        .unwrap();
        for secret in [
            ConnectionSecret::OAuth {
                tokens: tokens.clone(),
            },
            ConnectionSecret::ClientCredentials {
                client_id: "cid".into(),
                client_secret: SecretString::new("cs"),
                tokens,
            },
            ConnectionSecret::ApiKey {
                fields: vec![
                    ("token".into(), SecretString::new("t")),
                    ("secret".into(), SecretString::new("s")),
                ],
            },
        ] {
            assert_eq!(ConnectionSecret::decode(&secret.encode()).unwrap(), secret);
        }
        assert_eq!(
            ConnectionSecret::decode(&SecretString::new("hunter2")),
            Err(DecodeError)
        );
    }
}

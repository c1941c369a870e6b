//! A connection's secret as the one vault item it is stored as: the wire form is private, so the
//! only way in or out is through [`ConnectionSecret`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::TokenSet;
use crate::secret::{AccessToken, ClientSecret, RefreshToken, SecretString};

/// Everything secret about one connection: the single vault item it is stored as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectionSecret {
    /// Authorization code: the tokens (refresh token where the provider issues one).
    OAuth { tokens: TokenSet },
    /// Client credentials: the current token and the credentials that mint the next one.
    ClientCredentials {
        client_id: String,
        client_secret: ClientSecret,
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
            access_token: AccessToken::new(w.access_token),
            refresh_token: w.refresh_token.map(RefreshToken::new),
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
                client_secret: ClientSecret::new(client_secret),
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
    use crate::tokens::{parse_token_response, TokenRules};

    const NOW: i64 = 1_790_000_000;

    #[test]
    fn connection_secrets_round_trip_through_one_vault_item() {
        let tokens = parse_token_response(
            200,
            None,
            r#"{"access_token":"a","refresh_token":"r","expires_in":60,"store_id":"7"}"#,
            &TokenRules::keeping(&["store_id"]),
            NOW,
        )
        .unwrap();
        for secret in [
            ConnectionSecret::OAuth {
                tokens: tokens.clone(),
            },
            ConnectionSecret::ClientCredentials {
                client_id: "cid".into(),
                client_secret: ClientSecret::new("cs"),
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

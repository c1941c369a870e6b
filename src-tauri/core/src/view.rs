/*!
What the window and the CLI show about providers: plain serializable view models built from the
catalogue (and, in later versions, the connection index). Keeping them here keeps the Tauri commands
one call deep and lets `plugboard providers --json` print the same thing the cards show. Their
texts are in the person's language through [`crate::catalogue::in_language`].
*/

use serde::Serialize;

use crate::catalogue::{in_language, Catalogue, KeyField, Method, MethodKind, Provider};
use crate::connection::Status;
use crate::service::ConnectionView;

/// One provider card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderCard {
    pub id: String,
    pub name: String,
    /// `#rrggbb`, the card's accent.
    pub accent: String,
    /// How it connects, in one line ("Sign in with HubSpot", "Hotmart developer credentials").
    pub summary: String,
    pub method: MethodKind,
    pub status: Status,
    pub status_label: String,
    /// The exact redirect URI to register with the provider, for browser sign-in methods.
    pub redirect_uri: Option<String>,
    /// Where the app credentials come from, in the provider's words.
    pub credentials_help: Option<String>,
    /// How to register an app at the provider, step by step (the guided setup).
    pub setup_steps: Vec<String>,
    /// The scopes the browser sign-in asks for: what to tick when registering the app.
    pub scopes: Vec<String>,
    /// Scopes a person may add when connecting, with plain descriptions (Connect's checkboxes).
    pub optional_scopes: Vec<crate::catalogue::OptionalScope>,
    pub developer_url: Option<String>,
    /// Other ways this provider can connect (the flows the source texts describe).
    pub other_methods: Vec<String>,
    /// What Disconnect does at the provider.
    pub revoke_note: Option<String>,
    /// Disconnect revokes the access at the provider (it has a revoke endpoint).
    pub revokes: bool,
    /// The fields of an API-key form (empty for other methods).
    pub key_fields: Vec<KeyField>,
    /// Environments to choose from (Hotmart: production, sandbox), as `(id, label)`.
    pub environments: Vec<(String, String)>,
    /// Whether the app credentials a browser sign-in needs are configured.
    pub credentials_ready: bool,
    /// The browser sign-in the source texts describe, when it is not the default method
    /// (Hotmart, WhatConverts): its label, offered as an alternative on the card.
    pub alternative_sign_in: Option<String>,
    /// Whether the app credentials the alternative sign-in needs are configured.
    pub alternative_ready: bool,
    /// The browser sign-in is a public client (`client_auth = "none"`): its app credentials are a
    /// client id alone, so Settings asks for no secret.
    pub public_client: bool,
    /// A browser sign-in is waiting for its callback.
    pub waiting: bool,
    /// This provider's connections (several accounts are possible).
    pub connections: Vec<ConnectionView>,
}

impl ProviderCard {
    /// `p`'s card, its texts in the current language ([`in_language`]).
    pub fn new(p: &Provider) -> Self {
        let p = &in_language(p);
        let default = p.default_method();
        let status = Status::NotConnected;
        Self {
            id: p.id.to_string(),
            name: p.name.clone(),
            accent: p.accent.clone(),
            summary: default.label().to_string(),
            method: default.kind(),
            status,
            status_label: status.label(),
            redirect_uri: default.redirect_uri(),
            credentials_help: p.credentials_help.clone(),
            setup_steps: p.setup_steps.clone(),
            scopes: p
                .authorization_code()
                .map(|m| m.scopes.clone())
                .unwrap_or_default(),
            optional_scopes: p
                .authorization_code()
                .map(|m| m.optional_scopes.clone())
                .unwrap_or_default(),
            developer_url: p.developer_url.as_ref().map(|u| u.as_str().to_string()),
            other_methods: p
                .methods
                .iter()
                .filter(|m| m.kind() != default.kind())
                .map(|m| m.label().to_string())
                .collect(),
            revoke_note: p.revoke_note.clone(),
            revokes: p.revoke.is_some(),
            key_fields: match default {
                Method::ApiKey(k) => k.fields.clone(),
                _ => Vec::new(),
            },
            environments: p
                .environments
                .iter()
                .map(|e| (e.id.clone(), e.label.clone()))
                .collect(),
            credentials_ready: default.kind() != MethodKind::AuthorizationCode,
            alternative_sign_in: p
                .method(MethodKind::AuthorizationCode)
                .filter(|m| m.kind() != default.kind())
                .map(|m| m.label().to_string()),
            alternative_ready: false,
            public_client: p.public_client(),
            waiting: false,
            connections: Vec::new(),
        }
    }
}

pub fn provider_cards(catalogue: &Catalogue) -> Vec<ProviderCard> {
    catalogue
        .providers()
        .iter()
        .map(ProviderCard::new)
        .collect()
}

/// Cards with their connections and live state.
pub fn cards_with_state(
    catalogue: &Catalogue,
    connections: &[ConnectionView],
    credentials_ready: impl Fn(&str) -> bool,
    waiting: impl Fn(&str) -> bool,
) -> Vec<ProviderCard> {
    catalogue
        .providers()
        .iter()
        .map(|p| {
            let mut card = ProviderCard::new(p);
            card.connections = connections
                .iter()
                .filter(|c| c.provider == card.id)
                .cloned()
                .collect();
            if !card.connections.is_empty() {
                card.status = Status::Connected;
                card.status_label = Status::Connected.label();
            }
            if card.method == MethodKind::AuthorizationCode {
                card.credentials_ready = credentials_ready(&card.id);
            }
            if card.alternative_sign_in.is_some() {
                card.alternative_ready = credentials_ready(&card.id);
            }
            card.waiting = waiting(&card.id);
            card
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_describe_how_each_provider_connects() {
        let cards = provider_cards(&Catalogue::builtin().unwrap());
        let summary: Vec<(&str, &str)> = cards
            .iter()
            .map(|c| (c.name.as_str(), c.summary.as_str()))
            .collect();
        assert_eq!(
            summary,
            [
                ("Hotmart", "Hotmart developer credentials"),
                ("WhatConverts", "WhatConverts API token and secret"),
                ("Ecwid", "Sign in with Ecwid"),
                ("HubSpot", "Sign in with HubSpot"),
            ]
        );
        assert!(cards
            .iter()
            .all(|c| c.status == Status::NotConnected && c.status_label == "Not connected"));
    }

    #[test]
    fn a_card_serializes_with_snake_case_codes() {
        let cards = provider_cards(&Catalogue::builtin().unwrap());
        let hubspot =
            serde_json::to_value(cards.iter().find(|c| c.id == "hubspot").unwrap()).unwrap();
        assert_eq!(hubspot["method"], "authorization_code");
        assert_eq!(hubspot["status"], "not_connected");
        assert_eq!(
            hubspot["redirect_uri"],
            "http://localhost:53682/oauth/callback"
        );
        assert_eq!(hubspot["other_methods"], serde_json::json!([]));
        let hotmart = cards.iter().find(|c| c.id == "hotmart").unwrap();
        assert_eq!(hotmart.redirect_uri, None);
        assert_eq!(hotmart.other_methods, ["Sign in with Hotmart"]);
        assert_eq!(
            hotmart.alternative_sign_in.as_deref(),
            Some("Sign in with Hotmart")
        );
        let hubspot = cards.iter().find(|c| c.id == "hubspot").unwrap();
        assert_eq!(hubspot.alternative_sign_in, None);
    }
}

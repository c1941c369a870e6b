//! The catalogue as written: serde types that mirror the TOML one to one. Nothing here is trusted;
//! [`super::Catalogue::parse`] turns it into validated types. Unknown fields are errors, so a typo in a
//! user's `providers.toml` is reported instead of silently ignored.

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCatalogue {
    #[serde(default)]
    pub provider: Vec<RawProvider>,
    /// App credentials by provider id (a user's file only): `[credentials.hubspot]`.
    #[serde(default)]
    pub credentials: std::collections::BTreeMap<String, RawCredentials>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCredentials {
    pub client_id: String,
    pub client_secret: Option<String>,
    /// In the system-wide file: the organisation's, which the person cannot change.
    #[serde(default)]
    pub managed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvider {
    pub id: String,
    pub name: String,
    pub accent: Option<String>,
    pub developer_url: Option<String>,
    pub credentials_help: Option<String>,
    /// Numbered steps for registering an app at the provider (the window's guided setup).
    #[serde(default)]
    pub setup_steps: Vec<String>,
    pub default_method: Option<String>,
    #[serde(default)]
    pub environment: Vec<RawEnvironment>,
    #[serde(default)]
    pub method: Vec<RawMethod>,
    pub revoke: Option<RawRevoke>,
    pub revoke_note: Option<String>,
    /// RFC 7662 token introspection endpoint (form `POST`, client authenticated as for revoke):
    /// the short form of `[provider.introspection]` with every default.
    pub introspection_url: Option<String>,
    /// Token introspection in full: where, how the client authenticates, where the scopes are.
    pub introspection: Option<RawIntrospection>,
    #[serde(default)]
    pub account_label: Vec<String>,
    /// In the system-wide file: the organisation's entry, which a person's file cannot replace.
    #[serde(default)]
    pub managed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEnvironment {
    pub id: String,
    pub label: String,
    pub api_base: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRevoke {
    pub url: String,
    pub method: Option<String>,
    /// How a `POST` revoke authenticates the client (`basic`, `request_body`, `none`).
    pub client_auth: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIntrospection {
    pub url: String,
    /// `basic`, `request_body` or `none`; by default the secret in the body when there is one.
    pub client_auth: Option<String>,
    /// The answer's field that lists the granted scopes (RFC 7662 §2.2: `scope`).
    pub scopes_field: Option<String>,
    /// `space_separated` (RFC 7662) or `array` (a JSON array of strings).
    pub scopes_format: Option<String>,
}

/// One connection method. Fields that belong to another kind are rejected during validation, with the
/// field's name, rather than by serde's less helpful untagged-enum errors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMethod {
    pub kind: String,
    pub label: Option<String>,
    // authorization_code
    pub authorize_url: Option<String>,
    pub body_format: Option<String>,
    pub scopes: Option<Vec<String>>,
    /// Scopes a person may add when connecting, each with a plain description.
    pub optional_scopes: Option<Vec<RawScope>>,
    pub scope_separator: Option<String>,
    pub extra_authorize_params: Option<toml::Table>,
    pub redirect: Option<RawRedirect>,
    pub identity_url: Option<String>,
    /// Repeat the redirect URI in refresh-token grants too (HubSpot documents it for both).
    pub redirect_uri_on_refresh: Option<bool>,
    /// `false` for providers whose access tokens never expire (Ecwid): shown as "Does not expire"
    /// rather than "Expiry unknown" when the token response has no `expires_in`.
    pub tokens_expire: Option<bool>,
    /// Token types accepted besides `Bearer` (RFC 6749 §7.1), e.g. `["mac"]`.
    pub token_types: Option<Vec<String>>,
    // authorization_code + client_credentials
    pub token_url: Option<String>,
    pub client_auth: Option<String>,
    // client_credentials
    pub params_in: Option<String>,
    // client_credentials + api_key
    pub check_url: Option<String>,
    // api_key
    pub auth: Option<String>,
    pub fields: Option<Vec<RawKeyField>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRedirect {
    pub mode: String,
    pub host: Option<String>,
    pub port: Option<u16>,
    pub path: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    pub id: String,
    pub description: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKeyField {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub secret: bool,
}

//! A validated provider: its methods (authorization code, client credentials, API key) with every
//! field their kind needs, redirect modes, environments, revoke, and what a card needs to know.

use serde::Serialize;

use super::{Endpoint, ProviderId, UrlTemplate};
use crate::deeplink;
use crate::tokens::TokenRules;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MethodKind {
    AuthorizationCode,
    ClientCredentials,
    ApiKey,
}

impl MethodKind {
    const ALL: [Self; 3] = [
        Self::AuthorizationCode,
        Self::ClientCredentials,
        Self::ApiKey,
    ];

    pub(super) fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Its name in provider files, JSON and message ids: `authorization_code`, `client_credentials`, `api_key`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::AuthorizationCode => "authorization_code",
            Self::ClientCredentials => "client_credentials",
            Self::ApiKey => "api_key",
        }
    }
}

/// How a token request's parameters travel (RFC 6749 §4.1.3 uses a form body; some servers want JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyFormat {
    Form,
    Json,
}

/// How the client authenticates at the token endpoint (RFC 6749 §2.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientAuth {
    /// `Authorization: Basic base64(client_id:client_secret)`.
    Basic,
    /// client_id and client_secret as request parameters.
    RequestBody,
    /// A public client: client_id only (PKCE carries the proof).
    None,
}

/// Where client-credentials parameters go: Hotmart wants them in the query string, with no body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParamsIn {
    Query,
    Body,
}

/// How an API key is presented.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyAuth {
    /// HTTP Basic with the first field as user and the second as password (WhatConverts).
    Basic,
    /// `Authorization: Bearer <first field>`.
    Bearer,
}

/// Where the browser sends the person back after consent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RedirectMode {
    /// The app's private-use scheme (RFC 8252 §7.1), delivered by the OS as a second launch.
    DeepLink,
    /// A loopback listener, only while a flow is pending (RFC 8252 §7.3).
    Loopback {
        host: String,
        port: u16,
        path: String,
    },
    /// The deployer's own https page, which forwards to the app's scheme.
    Https { url: Endpoint },
}

impl RedirectMode {
    /// The exact redirect URI to register with the provider and to repeat at the token request.
    pub fn redirect_uri(&self) -> String {
        match self {
            RedirectMode::DeepLink => deeplink::redirect_uri(),
            RedirectMode::Loopback { host, port, path } => format!("http://{host}:{port}{path}"),
            RedirectMode::Https { url } => url.as_str().to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizationCode {
    pub label: String,
    pub authorize_url: Endpoint,
    /// May name `{store_id}`, filled from the callback at the code exchange and from the stored
    /// tokens at a refresh (Ecwid's token URL names the store since 2025-09-19).
    pub token_url: UrlTemplate,
    pub body_format: BodyFormat,
    pub client_auth: ClientAuth,
    /// The scopes every sign-in asks for.
    pub scopes: Vec<String>,
    /// Scopes a person may add when connecting (Connect offers them as checkboxes).
    pub optional_scopes: Vec<OptionalScope>,
    pub scope_separator: String,
    pub extra_authorize_params: Vec<(String, String)>,
    pub redirect: RedirectMode,
    pub identity_url: Option<UrlTemplate>,
    /// Whether refresh-token grants repeat the redirect URI (HubSpot documents it for both grants;
    /// RFC 6749 §6 does not ask for it, and §3.2 has servers ignore it).
    pub redirect_uri_on_refresh: bool,
    /// Whether access tokens expire at all (Ecwid's do not).
    pub tokens_expire: bool,
    /// Token types accepted besides Bearer (lowercase), as the catalogue declares.
    pub token_types: Vec<String>,
}

/// A scope a person may choose, with what it allows in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OptionalScope {
    pub id: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCredentials {
    pub label: String,
    pub token_url: Endpoint,
    pub params_in: ParamsIn,
    pub client_auth: ClientAuth,
    pub check_url: Option<UrlTemplate>,
    /// Token types accepted besides Bearer (lowercase), as the catalogue declares.
    pub token_types: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyField {
    pub id: String,
    pub label: String,
    pub secret: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub label: String,
    pub auth: KeyAuth,
    pub check_url: UrlTemplate,
    pub fields: Vec<KeyField>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Method {
    /// Boxed: by far the largest variant, and methods are built once and only read.
    AuthorizationCode(Box<AuthorizationCode>),
    ClientCredentials(ClientCredentials),
    ApiKey(ApiKey),
}

impl Method {
    pub fn kind(&self) -> MethodKind {
        match self {
            Method::AuthorizationCode(_) => MethodKind::AuthorizationCode,
            Method::ClientCredentials(_) => MethodKind::ClientCredentials,
            Method::ApiKey(_) => MethodKind::ApiKey,
        }
    }

    /// The one line a person reads on the card ("Sign in with HubSpot").
    pub fn label(&self) -> &str {
        match self {
            Method::AuthorizationCode(m) => &m.label,
            Method::ClientCredentials(m) => &m.label,
            Method::ApiKey(m) => &m.label,
        }
    }

    pub fn label_mut(&mut self) -> &mut String {
        match self {
            Method::AuthorizationCode(m) => &mut m.label,
            Method::ClientCredentials(m) => &mut m.label,
            Method::ApiKey(m) => &mut m.label,
        }
    }

    /// The redirect URI to register, for methods that go through a browser.
    pub fn redirect_uri(&self) -> Option<String> {
        match self {
            Method::AuthorizationCode(m) => Some(m.redirect.redirect_uri()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Environment {
    pub id: String,
    pub label: String,
    #[serde(serialize_with = "serialize_endpoint")]
    pub api_base: Endpoint,
}

fn serialize_endpoint<S: serde::Serializer>(e: &Endpoint, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(e.as_str())
}

/// How to revoke a token: an RFC 7009 `POST` form (`token`, `token_type_hint`, the client's
/// authentication), or a `DELETE` of a templated URL that names the token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoke {
    pub url: UrlTemplate,
    pub http_method: RevokeMethod,
    /// How a `POST` revoke authenticates the client; `None`: the secret in the body when there
    /// is one, else the client id alone.
    pub client_auth: Option<ClientAuth>,
}

/// Where an introspection answer lists the granted scopes, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopesFormat {
    /// One string, scopes separated by spaces (RFC 7662 §2.2 `scope`).
    SpaceSeparated,
    /// A JSON array of strings (HubSpot's `scopes`).
    Array,
}

/// RFC 7662 token introspection as a provider offers it: a form `POST` of `token` and
/// `token_type_hint` with the client's authentication; the answer says `active` and whose the
/// token is. Plugboard uses it to name the account, and as the identity check of a provider that
/// has no identity call (HubSpot since its v1 token-info call was retired).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Introspection {
    pub url: Endpoint,
    /// `None`: the secret in the body when there is one, else the client id alone.
    pub client_auth: Option<ClientAuth>,
    pub scopes_field: String,
    pub scopes_format: ScopesFormat,
}

impl Introspection {
    /// The scopes an introspection answer lists, read as this provider writes them; `None` when
    /// the field is missing or not in the declared shape.
    pub fn scopes_of(
        &self,
        answer: &serde_json::Map<String, serde_json::Value>,
    ) -> Option<Vec<String>> {
        let value = answer.get(&self.scopes_field)?;
        let scopes: Vec<String> = match (self.scopes_format, value) {
            (ScopesFormat::SpaceSeparated, serde_json::Value::String(s)) => {
                s.split_whitespace().map(str::to_string).collect()
            }
            (ScopesFormat::Array, serde_json::Value::Array(items)) => items
                .iter()
                .filter_map(serde_json::Value::as_str)
                .map(str::to_string)
                .collect(),
            _ => return None,
        };
        Some(scopes)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RevokeMethod {
    Delete,
    /// RFC 7009 §2.1: `POST` with a form body `token=…&token_type_hint=…`.
    Post,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub id: ProviderId,
    pub name: String,
    /// A `#rrggbb` colour for the card's accent.
    pub accent: String,
    pub developer_url: Option<Endpoint>,
    pub credentials_help: Option<String>,
    /// How to register an app at the provider, step by step (the window's guided setup).
    pub setup_steps: Vec<String>,
    pub methods: Vec<Method>,
    pub(super) default_method: usize,
    pub environments: Vec<Environment>,
    pub revoke: Option<Revoke>,
    pub revoke_note: Option<String>,
    /// RFC 7662 token introspection: says whether a token is active, and whose it is. Used to name
    /// the account and to check a signed-in connection when there is no identity call.
    pub introspection: Option<Introspection>,
    /// How to name the account after a browser sign-in: templates tried in order, filled with
    /// `{dotted.path}`s of the identity response and the token response's non-secret fields
    /// (`"{hub_domain} · {user}"`, `"Store {store_id}"`). None fits ⇒ the provider's name.
    pub account_label: Vec<String>,
    /// An organisation's entry (`managed = true` in the system-wide file): a person's file does
    /// not replace it.
    pub managed: bool,
}

impl Provider {
    /// The method the provider really documents; what the Connect button uses.
    pub fn default_method(&self) -> &Method {
        &self.methods[self.default_method]
    }

    pub fn method(&self, kind: MethodKind) -> Option<&Method> {
        self.methods.iter().find(|m| m.kind() == kind)
    }

    /// The host a refresh by `method` sends a connection's refresh token or client secret to
    /// (its token URL's host, without the port; a `{store_id}` in a path does not change it).
    pub fn token_host(&self, method: MethodKind) -> Option<String> {
        let url = match method {
            MethodKind::AuthorizationCode => {
                let filled = self
                    .authorization_code()?
                    .token_url
                    .fill(|_| Some("0".into()));
                url::Url::parse(&filled).ok()?
            }
            MethodKind::ClientCredentials => self.client_credentials()?.token_url.url().clone(),
            MethodKind::ApiKey => return None,
        };
        // The host alone: whoever runs a host answers on all its ports (and demo mode's
        // simulator takes a new port each run).
        url.host_str().map(str::to_string)
    }

    pub fn authorization_code(&self) -> Option<&AuthorizationCode> {
        self.methods.iter().find_map(|m| match m {
            Method::AuthorizationCode(a) => Some(&**a),
            _ => None,
        })
    }

    /// Whether its browser sign-in is a public client (`client_auth = "none"`): app credentials
    /// are then a client id alone.
    pub fn public_client(&self) -> bool {
        self.authorization_code()
            .is_some_and(|m| m.client_auth == ClientAuth::None)
    }

    pub fn client_credentials(&self) -> Option<&ClientCredentials> {
        self.methods.iter().find_map(|m| match m {
            Method::ClientCredentials(c) => Some(c),
            _ => None,
        })
    }

    pub fn api_key(&self) -> Option<&ApiKey> {
        self.methods.iter().find_map(|m| match m {
            Method::ApiKey(k) => Some(k),
            _ => None,
        })
    }

    /// Every endpoint Plugboard may send a request to for this provider, with the field it came from.
    /// Templates are checked with sample values (see [`Catalogue::parse`]).
    pub fn endpoints(&self) -> Vec<(&'static str, &Endpoint)> {
        let mut out = Vec::new();
        if let Some(e) = &self.developer_url {
            out.push(("developer_url", e));
        }
        for env in &self.environments {
            out.push(("environment.api_base", &env.api_base));
        }
        if let Some(i) = &self.introspection {
            out.push(("introspection.url", &i.url));
        }
        for m in &self.methods {
            match m {
                Method::AuthorizationCode(m) => {
                    out.push(("authorize_url", &m.authorize_url));
                    if let RedirectMode::Https { url } = &m.redirect {
                        out.push(("redirect.url", url));
                    }
                }
                Method::ClientCredentials(m) => out.push(("token_url", &m.token_url)),
                Method::ApiKey(_) => {}
            }
        }
        out
    }

    /// Every URL template of this provider, with the field it came from.
    /// How this provider's token answers are read with `kind`: its scope separator, the token
    /// types it declares, and the non-secret fields its templates and account label name (the only
    /// ones stored beside the tokens).
    pub fn token_rules(&self, kind: MethodKind) -> TokenRules {
        let mut keep: Vec<String> = Vec::new();
        let mut add = |name: &str| {
            let name = name.split('.').next().unwrap_or(name);
            if !["access_token", "refresh_token", "api_base"].contains(&name)
                && !keep.iter().any(|k| k == name)
            {
                keep.push(name.to_string());
            }
        };
        for (_, t) in self.templates() {
            t.placeholders().into_iter().for_each(&mut add);
        }
        for label in &self.account_label {
            UrlTemplate(label.clone())
                .placeholders()
                .into_iter()
                .for_each(&mut add);
        }
        let (separator, token_types) = match self.method(kind) {
            Some(Method::AuthorizationCode(m)) => {
                (m.scope_separator.clone(), m.token_types.clone())
            }
            Some(Method::ClientCredentials(m)) => (" ".to_string(), m.token_types.clone()),
            _ => (" ".to_string(), Vec::new()),
        };
        TokenRules {
            separator,
            token_types,
            keep,
        }
    }

    pub fn templates(&self) -> Vec<(&'static str, &UrlTemplate)> {
        let mut out = Vec::new();
        if let Some(r) = &self.revoke {
            out.push(("revoke.url", &r.url));
        }
        for m in &self.methods {
            match m {
                Method::AuthorizationCode(m) => {
                    out.push(("token_url", &m.token_url));
                    out.extend(m.identity_url.iter().map(|t| ("identity_url", t)))
                }
                Method::ClientCredentials(m) => {
                    out.extend(m.check_url.iter().map(|t| ("check_url", t)))
                }
                Method::ApiKey(m) => out.push(("check_url", &m.check_url)),
            }
        }
        out
    }
}

/*!
The provider catalogue: which providers Plugboard knows and how each one connects, as data.

Flow code never says `match provider_id`: everything that differs between HubSpot, Ecwid, Hotmart and
WhatConverts (endpoints, body format, client authentication, scope separator, redirect mode, identity
and revoke endpoints) is a field here. The built-in table is `builtin.toml`; a user's `providers.toml`
uses the same schema.

Text goes through two stages (ripgrep's low/high args): [`raw`] mirrors the TOML, and
[`Catalogue::parse`] validates it once into types that cannot be wrong — an [`Endpoint`] is an https
URL (plain http only on a loopback host, and only outside the built-in table), a [`UrlTemplate`] only
uses known placeholders, every method carries every field its kind needs. Errors name the origin, the
provider and the field, so a person can fix their file.
*/

mod raw;

use std::collections::HashSet;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;
use url::Url;

use crate::deeplink;

/// Where catalogue text came from; decides the endpoint policy and names the source in errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The table compiled into Plugboard: every endpoint must be https.
    BuiltIn,
    /// A user's file: https, or plain http on 127.0.0.1 / localhost / [::1] (a local test server).
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built-in catalogue"),
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    #[error("{origin}: {message}")]
    Syntax { origin: String, message: String },
    #[error("{origin}: provider `{provider}`, field `{field}`: {problem}")]
    Invalid {
        origin: String,
        provider: String,
        field: String,
        problem: String,
    },
}

/// A validated provider id: lowercase ASCII letters, digits, `-` and `_`, starting with a letter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct ProviderId(String);

impl ProviderId {
    pub fn parse(s: &str) -> Option<Self> {
        let mut chars = s.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
        let rest_ok =
            chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        (first_ok && rest_ok && s.len() <= 32).then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProviderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An absolute URL Plugboard may send requests to. Built only through validation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(Url);

impl Endpoint {
    pub fn url(&self) -> &Url {
        &self.0
    }
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

/// Placeholders a [`UrlTemplate`] may use.
pub const TEMPLATE_PLACEHOLDERS: &[&str] =
    &["access_token", "refresh_token", "store_id", "api_base"];

/// A URL with `{placeholder}`s filled at request time (e.g. HubSpot's token-info URL names the token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlTemplate(String);

impl UrlTemplate {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The placeholders this template uses, in order.
    pub fn placeholders(&self) -> Vec<&str> {
        let mut out = Vec::new();
        let mut rest = self.0.as_str();
        while let Some(start) = rest.find('{') {
            let Some(len) = rest[start..].find('}') else {
                break;
            };
            out.push(&rest[start + 1..start + len]);
            rest = &rest[start + len + 1..];
        }
        out
    }

    /// Fills every placeholder through `value` (which percent-encodes as it sees fit); a placeholder
    /// `value` has nothing for stays as it is and makes the result fail to parse as a request URL.
    pub fn fill(&self, mut value: impl FnMut(&str) -> Option<String>) -> String {
        let mut out = self.0.clone();
        for name in self.placeholders() {
            if let Some(v) = value(name) {
                out = out.replace(&format!("{{{name}}}"), &v);
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MethodKind {
    AuthorizationCode,
    ClientCredentials,
    ApiKey,
}

impl MethodKind {
    fn parse(s: &str) -> Option<Self> {
        match s {
            "authorization_code" => Some(Self::AuthorizationCode),
            "client_credentials" => Some(Self::ClientCredentials),
            "api_key" => Some(Self::ApiKey),
            _ => None,
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
    pub token_url: Endpoint,
    pub body_format: BodyFormat,
    pub client_auth: ClientAuth,
    pub scopes: Vec<String>,
    pub scope_separator: String,
    pub extra_authorize_params: Vec<(String, String)>,
    pub redirect: RedirectMode,
    pub identity_url: Option<UrlTemplate>,
    /// Whether access tokens expire at all (Ecwid's do not).
    pub tokens_expire: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCredentials {
    pub label: String,
    pub token_url: Endpoint,
    pub params_in: ParamsIn,
    pub client_auth: ClientAuth,
    pub check_url: Option<UrlTemplate>,
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

/// How to revoke a token: `DELETE` a templated URL (HubSpot) or an RFC 7009 `POST` form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoke {
    pub url: UrlTemplate,
    pub http_method: RevokeMethod,
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
    pub methods: Vec<Method>,
    default_method: usize,
    pub environments: Vec<Environment>,
    pub revoke: Option<Revoke>,
    pub revoke_note: Option<String>,
    /// RFC 7662 token introspection: says whether a token is active, and whose it is. Used to name
    /// the account and to check a signed-in connection when there is no identity call.
    pub introspection_url: Option<Endpoint>,
    /// How to name the account after a browser sign-in: templates tried in order, filled with
    /// `{dotted.path}`s of the identity response and the token response's non-secret fields
    /// (`"{hub_domain} · {user}"`, `"Store {store_id}"`). None fits ⇒ the provider's name.
    pub account_label: Vec<String>,
}

impl Provider {
    /// The method the provider really documents; what the Connect button uses.
    pub fn default_method(&self) -> &Method {
        &self.methods[self.default_method]
    }

    pub fn method(&self, kind: MethodKind) -> Option<&Method> {
        self.methods.iter().find(|m| m.kind() == kind)
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
        if let Some(e) = &self.introspection_url {
            out.push(("introspection_url", e));
        }
        for m in &self.methods {
            match m {
                Method::AuthorizationCode(m) => {
                    out.push(("authorize_url", &m.authorize_url));
                    out.push(("token_url", &m.token_url));
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
    pub fn templates(&self) -> Vec<(&'static str, &UrlTemplate)> {
        let mut out = Vec::new();
        if let Some(r) = &self.revoke {
            out.push(("revoke.url", &r.url));
        }
        for m in &self.methods {
            match m {
                Method::AuthorizationCode(m) => {
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

/// The validated catalogue, in the order providers were written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    providers: Vec<Provider>,
    /// App credentials a user's file provides, by provider id.
    credentials: Vec<FileCredentials>,
}

/// `[credentials.<provider>]` from a user's `providers.toml`.
#[derive(Clone, PartialEq, Eq)]
pub struct FileCredentials {
    pub provider: String,
    pub client_id: String,
    pub client_secret: Option<crate::secret::SecretString>,
}

impl fmt::Debug for FileCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FileCredentials({}, {})", self.provider, self.client_id)
    }
}

const BUILTIN: &str = include_str!("builtin.toml");

impl Catalogue {
    /// The built-in providers. The table is compiled in and covered by tests, so a failure here is a
    /// build defect, reported as an error rather than a panic so the shell can show it.
    pub fn builtin() -> Result<Self, CatalogueError> {
        Self::parse(BUILTIN, &Origin::BuiltIn)
    }

    /// Parses and validates catalogue text in one pass; the first problem found is returned.
    pub fn parse(text: &str, origin: &Origin) -> Result<Self, CatalogueError> {
        let raw: raw::RawCatalogue = toml::from_str(text).map_err(|e| CatalogueError::Syntax {
            origin: origin.to_string(),
            message: e.message().to_string(),
        })?;
        let mut seen = HashSet::new();
        let mut providers = Vec::with_capacity(raw.provider.len());
        for p in raw.provider {
            let id = p.id.clone();
            let v = Validator {
                origin,
                provider: &id,
            };
            let provider = v.provider(p)?;
            if !seen.insert(provider.id.clone()) {
                return Err(v.invalid("id", "is used by another provider; ids must be unique"));
            }
            providers.push(provider);
        }
        let mut credentials = Vec::new();
        for (provider, c) in raw.credentials {
            if *origin == Origin::BuiltIn {
                return Err(CatalogueError::Syntax {
                    origin: origin.to_string(),
                    message: "credentials belong in a user's file".into(),
                });
            }
            if c.client_id.trim().is_empty() {
                return Err(Validator {
                    origin,
                    provider: &provider,
                }
                .invalid("credentials.client_id", "must not be empty"));
            }
            credentials.push(FileCredentials {
                provider,
                client_id: c.client_id,
                client_secret: c.client_secret.map(crate::secret::SecretString::new),
            });
        }
        Ok(Self {
            providers,
            credentials,
        })
    }

    /// This catalogue with a user's file on top: a provider with a built-in id replaces the
    /// built-in entry (a deployer pointing HubSpot elsewhere), new ids are added at the end.
    pub fn with_user_file(mut self, user: Catalogue) -> Self {
        for p in user.providers {
            match self.providers.iter_mut().find(|known| known.id == p.id) {
                Some(known) => *known = p,
                None => self.providers.push(p),
            }
        }
        self.credentials.extend(user.credentials);
        self
    }

    /// App credentials from a user's file.
    pub fn file_credentials(&self) -> &[FileCredentials] {
        &self.credentials
    }

    pub fn providers(&self) -> &[Provider] {
        &self.providers
    }

    pub fn get(&self, id: &str) -> Option<&Provider> {
        self.providers.iter().find(|p| p.id.as_str() == id)
    }
}

/// Validation context: where we are, for error messages.
struct Validator<'a> {
    origin: &'a Origin,
    provider: &'a str,
}

fn is_loopback_host(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

impl Validator<'_> {
    fn invalid(&self, field: &str, problem: impl Into<String>) -> CatalogueError {
        CatalogueError::Invalid {
            origin: self.origin.to_string(),
            provider: self.provider.to_string(),
            field: field.to_string(),
            problem: problem.into(),
        }
    }

    fn required<T>(&self, value: Option<T>, field: &str, kind: &str) -> Result<T, CatalogueError> {
        value.ok_or_else(|| self.invalid(field, format!("is required for {kind} methods")))
    }

    fn endpoint(&self, field: &str, text: &str) -> Result<Endpoint, CatalogueError> {
        let url = Url::parse(text)
            .map_err(|e| self.invalid(field, format!("`{text}` is not a URL ({e})")))?;
        let host = url.host_str().unwrap_or_default();
        match url.scheme() {
            "https" if !host.is_empty() => Ok(Endpoint(url)),
            "http" if is_loopback_host(host) && *self.origin != Origin::BuiltIn => {
                Ok(Endpoint(url))
            }
            "http" if is_loopback_host(host) => {
                Err(self.invalid(field, "built-in endpoints must use https"))
            }
            _ => Err(self.invalid(
                field,
                format!("`{text}` must use https (plain http only on 127.0.0.1 or localhost)"),
            )),
        }
    }

    fn template(&self, field: &str, text: &str) -> Result<UrlTemplate, CatalogueError> {
        let t = UrlTemplate(text.to_string());
        for name in t.placeholders() {
            if !TEMPLATE_PLACEHOLDERS.contains(&name) {
                return Err(self.invalid(
                    field,
                    format!(
                        "unknown placeholder `{{{name}}}`; known: {}",
                        TEMPLATE_PLACEHOLDERS.join(", ")
                    ),
                ));
            }
        }
        // The template must be a valid endpoint once filled; {api_base} stands for an https base.
        let sample = t.fill(|name| {
            Some(match name {
                "api_base" => "https://api.example.com".to_string(),
                _ => "sample".to_string(),
            })
        });
        self.endpoint(field, &sample)?;
        Ok(t)
    }

    fn provider(&self, p: raw::RawProvider) -> Result<Provider, CatalogueError> {
        let id = ProviderId::parse(&p.id).ok_or_else(|| {
            self.invalid("id", "must be lowercase letters, digits, `-` or `_`, start with a letter, at most 32 long")
        })?;
        if p.name.trim().is_empty() {
            return Err(self.invalid("name", "must not be empty"));
        }
        let accent = p.accent.unwrap_or_else(|| "#5b4ff0".to_string());
        let accent_ok = accent.len() == 7
            && accent.starts_with('#')
            && accent[1..].chars().all(|c| c.is_ascii_hexdigit());
        if !accent_ok {
            return Err(self.invalid("accent", format!("`{accent}` is not a #rrggbb colour")));
        }
        let developer_url = p
            .developer_url
            .as_deref()
            .map(|u| self.endpoint("developer_url", u))
            .transpose()?;

        let mut environments = Vec::new();
        for e in p.environment {
            if e.id.trim().is_empty() || e.label.trim().is_empty() {
                return Err(
                    self.invalid("environment", "every environment needs an id and a label")
                );
            }
            let api_base = self.endpoint("environment.api_base", &e.api_base)?;
            environments.push(Environment {
                id: e.id,
                label: e.label,
                api_base,
            });
        }

        if p.method.is_empty() {
            return Err(self.invalid("method", "at least one connection method is required"));
        }
        let mut methods = Vec::new();
        for m in p.method {
            let method = self.method(m, &p.name)?;
            if methods
                .iter()
                .any(|known: &Method| known.kind() == method.kind())
            {
                return Err(self.invalid(
                    "method.kind",
                    "each method kind may appear once per provider",
                ));
            }
            methods.push(method);
        }
        let default_method = match p.default_method.as_deref() {
            None => 0,
            Some(name) => {
                let kind = MethodKind::parse(name).ok_or_else(|| {
                    self.invalid("default_method", format!("unknown method kind `{name}`"))
                })?;
                methods
                    .iter()
                    .position(|m| m.kind() == kind)
                    .ok_or_else(|| {
                        self.invalid(
                            "default_method",
                            format!("`{name}` is not one of this provider's methods"),
                        )
                    })?
            }
        };

        let revoke = match p.revoke {
            None => None,
            Some(r) => Some(Revoke {
                url: self.template("revoke.url", &r.url)?,
                http_method: match r.method.as_deref().unwrap_or("POST") {
                    "POST" => RevokeMethod::Post,
                    "DELETE" => RevokeMethod::Delete,
                    other => {
                        return Err(self
                            .invalid("revoke.method", format!("`{other}` must be POST or DELETE")))
                    }
                },
            }),
        };

        let provider = Provider {
            id,
            name: p.name,
            accent,
            developer_url,
            credentials_help: p.credentials_help,
            methods,
            default_method,
            environments,
            revoke,
            revoke_note: p.revoke_note,
            introspection_url: p
                .introspection_url
                .as_deref()
                .map(|u| self.endpoint("introspection_url", u))
                .transpose()?,
            account_label: p.account_label,
        };
        for (field, t) in provider.templates() {
            if t.placeholders().contains(&"api_base") && provider.environments.is_empty() {
                return Err(self.invalid(
                    field,
                    "uses {api_base} but the provider has no environments",
                ));
            }
        }
        Ok(provider)
    }

    fn method(&self, m: raw::RawMethod, provider_name: &str) -> Result<Method, CatalogueError> {
        let kind = MethodKind::parse(&m.kind).ok_or_else(|| {
            self.invalid(
                "method.kind",
                format!(
                    "unknown kind `{}`; use authorization_code, client_credentials or api_key",
                    m.kind
                ),
            )
        })?;
        let label = m.label.clone().unwrap_or_else(|| match kind {
            MethodKind::AuthorizationCode => format!("Sign in with {provider_name}"),
            MethodKind::ClientCredentials => format!("{provider_name} client credentials"),
            MethodKind::ApiKey => format!("{provider_name} API key"),
        });
        // Fields that belong to another kind are mistakes worth naming.
        let foreign: &[(&str, bool)] = match kind {
            MethodKind::AuthorizationCode => &[
                ("params_in", m.params_in.is_some()),
                ("check_url", m.check_url.is_some()),
                ("auth", m.auth.is_some()),
                ("fields", m.fields.is_some()),
            ],
            MethodKind::ClientCredentials => &[
                ("authorize_url", m.authorize_url.is_some()),
                ("body_format", m.body_format.is_some()),
                ("scopes", m.scopes.is_some()),
                ("redirect", m.redirect.is_some()),
                ("auth", m.auth.is_some()),
                ("fields", m.fields.is_some()),
            ],
            MethodKind::ApiKey => &[
                ("authorize_url", m.authorize_url.is_some()),
                ("token_url", m.token_url.is_some()),
                ("client_auth", m.client_auth.is_some()),
                ("body_format", m.body_format.is_some()),
                ("scopes", m.scopes.is_some()),
                ("redirect", m.redirect.is_some()),
                ("params_in", m.params_in.is_some()),
            ],
        };
        if let Some((field, _)) = foreign.iter().find(|(_, present)| *present) {
            return Err(self.invalid(
                &format!("method.{field}"),
                format!("does not apply to {} methods", m.kind),
            ));
        }

        let client_auth = |default: ClientAuth| -> Result<ClientAuth, CatalogueError> {
            match m.client_auth.as_deref() {
                None => Ok(default),
                Some("basic") => Ok(ClientAuth::Basic),
                Some("request_body") => Ok(ClientAuth::RequestBody),
                Some("none") => Ok(ClientAuth::None),
                Some(other) => Err(self.invalid(
                    "method.client_auth",
                    format!("`{other}` must be basic, request_body or none"),
                )),
            }
        };

        Ok(match kind {
            MethodKind::AuthorizationCode => {
                let k = "authorization_code";
                let authorize_url = self.endpoint(
                    "method.authorize_url",
                    &self.required(m.authorize_url, "method.authorize_url", k)?,
                )?;
                let token_url = self.endpoint(
                    "method.token_url",
                    &self.required(m.token_url, "method.token_url", k)?,
                )?;
                let body_format = match m.body_format.as_deref().unwrap_or("form") {
                    "form" => BodyFormat::Form,
                    "json" => BodyFormat::Json,
                    other => {
                        return Err(self.invalid(
                            "method.body_format",
                            format!("`{other}` must be form or json"),
                        ))
                    }
                };
                let scopes = m.scopes.unwrap_or_default();
                if scopes
                    .iter()
                    .any(|s| s.is_empty() || s.contains(char::is_whitespace))
                {
                    return Err(self.invalid(
                        "method.scopes",
                        "scopes must be non-empty and contain no spaces",
                    ));
                }
                let scope_separator = m.scope_separator.unwrap_or_else(|| " ".to_string());
                if scope_separator.is_empty() {
                    return Err(self.invalid("method.scope_separator", "must not be empty"));
                }
                let mut extra_authorize_params = Vec::new();
                for (key, value) in m.extra_authorize_params.unwrap_or_default() {
                    const RESERVED: &[&str] = &[
                        "client_id",
                        "redirect_uri",
                        "response_type",
                        "scope",
                        "state",
                        "code_challenge",
                        "code_challenge_method",
                    ];
                    if RESERVED.contains(&key.as_str()) {
                        return Err(self.invalid(
                            "method.extra_authorize_params",
                            format!("`{key}` is set by Plugboard itself"),
                        ));
                    }
                    let toml::Value::String(value) = value else {
                        return Err(self.invalid(
                            "method.extra_authorize_params",
                            format!("`{key}` must be a string"),
                        ));
                    };
                    extra_authorize_params.push((key, value));
                }
                let redirect = self.redirect(m.redirect)?;
                let identity_url = m
                    .identity_url
                    .as_deref()
                    .map(|u| self.template("method.identity_url", u))
                    .transpose()?;
                Method::AuthorizationCode(Box::new(AuthorizationCode {
                    label,
                    authorize_url,
                    token_url,
                    body_format,
                    client_auth: client_auth(ClientAuth::RequestBody)?,
                    scopes,
                    scope_separator,
                    extra_authorize_params,
                    redirect,
                    identity_url,
                    tokens_expire: m.tokens_expire.unwrap_or(true),
                }))
            }
            MethodKind::ClientCredentials => {
                if m.identity_url.is_some()
                    || m.extra_authorize_params.is_some()
                    || m.scope_separator.is_some()
                    || m.tokens_expire.is_some()
                {
                    return Err(self.invalid("method", "identity_url, extra_authorize_params, scope_separator and tokens_expire do not apply to client_credentials methods"));
                }
                let k = "client_credentials";
                let token_url = self.endpoint(
                    "method.token_url",
                    &self.required(m.token_url, "method.token_url", k)?,
                )?;
                let params_in = match m.params_in.as_deref().unwrap_or("body") {
                    "query" => ParamsIn::Query,
                    "body" => ParamsIn::Body,
                    other => {
                        return Err(self.invalid(
                            "method.params_in",
                            format!("`{other}` must be query or body"),
                        ))
                    }
                };
                let client_auth = client_auth(ClientAuth::Basic)?;
                if client_auth == ClientAuth::None {
                    return Err(self.invalid(
                        "method.client_auth",
                        "client_credentials needs a client secret",
                    ));
                }
                let check_url = m
                    .check_url
                    .as_deref()
                    .map(|u| self.template("method.check_url", u))
                    .transpose()?;
                Method::ClientCredentials(ClientCredentials {
                    label,
                    token_url,
                    params_in,
                    client_auth,
                    check_url,
                })
            }
            MethodKind::ApiKey => {
                if m.identity_url.is_some()
                    || m.extra_authorize_params.is_some()
                    || m.scope_separator.is_some()
                    || m.tokens_expire.is_some()
                {
                    return Err(self.invalid("method", "identity_url, extra_authorize_params, scope_separator and tokens_expire do not apply to api_key methods"));
                }
                let k = "api_key";
                let auth = match m.auth.as_deref().unwrap_or("bearer") {
                    "basic" => KeyAuth::Basic,
                    "bearer" => KeyAuth::Bearer,
                    other => {
                        return Err(self
                            .invalid("method.auth", format!("`{other}` must be basic or bearer")))
                    }
                };
                let check_url = self.template(
                    "method.check_url",
                    &self.required(m.check_url, "method.check_url", k)?,
                )?;
                let fields: Vec<KeyField> = self
                    .required(m.fields, "method.fields", k)?
                    .into_iter()
                    .map(|f| KeyField {
                        id: f.id,
                        label: f.label,
                        secret: f.secret,
                    })
                    .collect();
                let wanted = match auth {
                    KeyAuth::Basic => 2,
                    KeyAuth::Bearer => 1,
                };
                if fields.len() != wanted {
                    return Err(self.invalid(
                        "method.fields",
                        format!(
                            "{} authentication takes exactly {wanted} field(s)",
                            m.auth.as_deref().unwrap_or("bearer")
                        ),
                    ));
                }
                if !fields.iter().any(|f| f.secret) {
                    return Err(
                        self.invalid("method.fields", "at least one field must be marked secret")
                    );
                }
                Method::ApiKey(ApiKey {
                    label,
                    auth,
                    check_url,
                    fields,
                })
            }
        })
    }

    fn redirect(&self, r: Option<raw::RawRedirect>) -> Result<RedirectMode, CatalogueError> {
        let Some(r) = r else {
            return Ok(RedirectMode::DeepLink);
        };
        match r.mode.as_str() {
            "deep_link" => {
                if r.host.is_some() || r.port.is_some() || r.path.is_some() || r.url.is_some() {
                    return Err(self.invalid(
                        "method.redirect",
                        "deep_link takes no host, port, path or url",
                    ));
                }
                Ok(RedirectMode::DeepLink)
            }
            "loopback" => {
                let host = r.host.unwrap_or_else(|| "127.0.0.1".to_string());
                if !is_loopback_host(&host) {
                    return Err(self.invalid(
                        "method.redirect.host",
                        "must be 127.0.0.1, localhost or [::1]",
                    ));
                }
                let port = r.port.ok_or_else(|| {
                    self.invalid(
                        "method.redirect.port",
                        "a loopback redirect needs the fixed port registered with the provider",
                    )
                })?;
                if port == 0 {
                    return Err(self.invalid("method.redirect.port", "must be a fixed port, not 0"));
                }
                let path = r.path.unwrap_or_else(|| "/oauth/callback".to_string());
                if !path.starts_with('/') {
                    return Err(self.invalid("method.redirect.path", "must start with `/`"));
                }
                if r.url.is_some() {
                    return Err(self.invalid(
                        "method.redirect.url",
                        "does not apply to loopback redirects",
                    ));
                }
                Ok(RedirectMode::Loopback { host, port, path })
            }
            "https" => {
                let url = r.url.ok_or_else(|| {
                    self.invalid("method.redirect.url", "an https redirect needs its url")
                })?;
                let url = self.endpoint("method.redirect.url", &url)?;
                if url.url().scheme() != "https" {
                    return Err(self.invalid("method.redirect.url", "must use https"));
                }
                Ok(RedirectMode::Https { url })
            }
            other => Err(self.invalid(
                "method.redirect.mode",
                format!("`{other}` must be deep_link, loopback or https"),
            )),
        }
    }
}

#[cfg(test)]
mod tests;

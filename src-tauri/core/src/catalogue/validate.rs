//! Raw catalogue text (see `raw`) validated once into a [`Provider`]: every rule that keeps a
//! provider from being wrong, each error naming the origin, the provider and the field.

use url::Url;

use super::*;

/// Validation context: where we are, for error messages.
pub(super) struct Validator<'a> {
    pub(super) origin: &'a Origin,
    pub(super) provider: &'a str,
}

fn is_loopback_host(host: &str) -> bool {
    matches!(host, "127.0.0.1" | "localhost" | "[::1]")
}

impl Validator<'_> {
    pub(super) fn invalid(&self, field: &str, problem: impl Into<String>) -> CatalogueError {
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

    /// Token types a method accepts besides Bearer: short lowercase names.
    fn token_types(&self, types: Option<Vec<String>>) -> Result<Vec<String>, CatalogueError> {
        let types = types.unwrap_or_default();
        for t in &types {
            if t.is_empty() || t.len() > 32 || !t.bytes().all(|b| b.is_ascii_graphic()) {
                return Err(self.invalid(
                    "method.token_types",
                    format!("`{t}` is not a token type (a short word such as `mac`)"),
                ));
            }
        }
        Ok(types.iter().map(|t| t.to_ascii_lowercase()).collect())
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

    /// A `client_auth` value: `basic`, `request_body` or `none`; `None` when the file leaves it out.
    fn client_auth(
        &self,
        field: &str,
        text: Option<&str>,
    ) -> Result<Option<ClientAuth>, CatalogueError> {
        match text {
            None => Ok(None),
            Some("basic") => Ok(Some(ClientAuth::Basic)),
            Some("request_body") => Ok(Some(ClientAuth::RequestBody)),
            Some("none") => Ok(Some(ClientAuth::None)),
            Some(other) => Err(self.invalid(
                field,
                format!("`{other}` must be basic, request_body or none"),
            )),
        }
    }

    /// `[provider.introspection]`: an endpoint, the client's authentication and where the answer
    /// lists the scopes (RFC 7662's `scope` string unless the provider says otherwise).
    fn introspection(&self, i: raw::RawIntrospection) -> Result<Introspection, CatalogueError> {
        let url = self.endpoint("introspection.url", &i.url)?;
        let client_auth =
            self.client_auth("introspection.client_auth", i.client_auth.as_deref())?;
        let scopes_field = i.scopes_field.unwrap_or_else(|| "scope".into());
        let simple_key = !scopes_field.is_empty()
            && scopes_field.len() <= 64
            && scopes_field
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if !simple_key || scopes_field.contains("token") {
            return Err(self.invalid(
                "introspection.scopes_field",
                format!("`{scopes_field}` must be the name of a field of the answer (letters, digits, `_`, `-`)"),
            ));
        }
        let scopes_format = match i.scopes_format.as_deref().unwrap_or("space_separated") {
            "space_separated" => ScopesFormat::SpaceSeparated,
            "array" => ScopesFormat::Array,
            other => {
                return Err(self.invalid(
                    "introspection.scopes_format",
                    format!("`{other}` must be space_separated or array"),
                ))
            }
        };
        Ok(Introspection {
            url,
            client_auth,
            scopes_field,
            scopes_format,
        })
    }

    pub(super) fn provider(&self, p: raw::RawProvider) -> Result<Provider, CatalogueError> {
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
            Some(r) => {
                let http_method = match r.method.as_deref().unwrap_or("POST") {
                    "POST" => RevokeMethod::Post,
                    "DELETE" => RevokeMethod::Delete,
                    other => {
                        return Err(self
                            .invalid("revoke.method", format!("`{other}` must be POST or DELETE")))
                    }
                };
                let client_auth =
                    self.client_auth("revoke.client_auth", r.client_auth.as_deref())?;
                if client_auth.is_some() && http_method == RevokeMethod::Delete {
                    return Err(self.invalid(
                        "revoke.client_auth",
                        "applies to POST revokes only (a DELETE sends no form)",
                    ));
                }
                Some(Revoke {
                    url: self.template("revoke.url", &r.url)?,
                    http_method,
                    client_auth,
                })
            }
        };
        let introspection = match (p.introspection_url, p.introspection) {
            (Some(_), Some(_)) => {
                return Err(self.invalid(
                    "introspection_url",
                    "give either introspection_url or [provider.introspection], not both",
                ))
            }
            (Some(url), None) => Some(Introspection {
                url: self.endpoint("introspection_url", &url)?,
                client_auth: None,
                scopes_field: "scope".into(),
                scopes_format: ScopesFormat::SpaceSeparated,
            }),
            (None, Some(i)) => Some(self.introspection(i)?),
            (None, None) => None,
        };

        let provider = Provider {
            id,
            name: p.name,
            accent,
            developer_url,
            credentials_help: p.credentials_help,
            setup_steps: p.setup_steps,
            managed: p.managed,
            methods,
            default_method,
            environments,
            revoke,
            revoke_note: p.revoke_note,
            introspection,
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
        // A label the file leaves out: in the language spoken when the catalogue is read.
        let label = m.label.clone().unwrap_or_else(|| {
            let id = match kind {
                MethodKind::AuthorizationCode => "method-label-authorization-code",
                MethodKind::ClientCredentials => "method-label-client-credentials",
                MethodKind::ApiKey => "method-label-api-key",
            };
            crate::i18n::t(id, &[("provider", provider_name.into())])
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
                ("optional_scopes", m.optional_scopes.is_some()),
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
                ("optional_scopes", m.optional_scopes.is_some()),
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

        let method_auth = self.client_auth("method.client_auth", m.client_auth.as_deref())?;
        let client_auth = |default: ClientAuth| -> Result<ClientAuth, CatalogueError> {
            Ok(method_auth.unwrap_or(default))
        };

        Ok(match kind {
            MethodKind::AuthorizationCode => {
                let k = "authorization_code";
                let authorize_url = self.endpoint(
                    "method.authorize_url",
                    &self.required(m.authorize_url, "method.authorize_url", k)?,
                )?;
                let token_url = self.template(
                    "method.token_url",
                    &self.required(m.token_url, "method.token_url", k)?,
                )?;
                // Only what a callback can name: a token URL never carries a token.
                if let Some(name) = token_url
                    .placeholders()
                    .into_iter()
                    .find(|p| *p != "store_id")
                {
                    return Err(self.invalid(
                        "method.token_url",
                        format!("may use {{store_id}} only, not {{{name}}}"),
                    ));
                }
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
                let mut optional_scopes = Vec::new();
                for s in m.optional_scopes.unwrap_or_default() {
                    if s.id.is_empty() || s.id.contains(char::is_whitespace) {
                        return Err(self.invalid(
                            "method.optional_scopes",
                            "each id must be non-empty and contain no spaces",
                        ));
                    }
                    if scopes.contains(&s.id)
                        || optional_scopes.iter().any(|o: &OptionalScope| o.id == s.id)
                    {
                        return Err(self.invalid(
                            "method.optional_scopes",
                            format!(
                                "`{}` is listed twice (or is already a required scope)",
                                s.id
                            ),
                        ));
                    }
                    if s.description.trim().is_empty() {
                        return Err(self.invalid(
                            "method.optional_scopes",
                            format!("`{}` needs a description a person can read", s.id),
                        ));
                    }
                    optional_scopes.push(OptionalScope {
                        id: s.id,
                        description: s.description,
                    });
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
                    optional_scopes,
                    scope_separator,
                    extra_authorize_params,
                    redirect,
                    identity_url,
                    redirect_uri_on_refresh: m.redirect_uri_on_refresh.unwrap_or(false),
                    tokens_expire: m.tokens_expire.unwrap_or(true),
                    token_types: self.token_types(m.token_types)?,
                }))
            }
            MethodKind::ClientCredentials => {
                if m.identity_url.is_some()
                    || m.extra_authorize_params.is_some()
                    || m.scope_separator.is_some()
                    || m.tokens_expire.is_some()
                    || m.redirect_uri_on_refresh.is_some()
                {
                    return Err(self.invalid("method", "identity_url, extra_authorize_params, scope_separator, tokens_expire and redirect_uri_on_refresh do not apply to client_credentials methods"));
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
                    token_types: self.token_types(m.token_types)?,
                })
            }
            MethodKind::ApiKey => {
                if m.identity_url.is_some()
                    || m.extra_authorize_params.is_some()
                    || m.scope_separator.is_some()
                    || m.tokens_expire.is_some()
                    || m.token_types.is_some()
                    || m.redirect_uri_on_refresh.is_some()
                {
                    return Err(self.invalid("method", "identity_url, extra_authorize_params, scope_separator, tokens_expire, token_types and redirect_uri_on_refresh do not apply to api_key methods"));
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

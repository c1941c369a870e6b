//! One connection method validated: the fields its kind needs, none that belong to another kind,
//! and where the browser comes back to (redirect modes). The provider around it is `validate`'s.

use super::super::*;
use super::{is_loopback_host, Validator};

impl Validator<'_> {
    pub(super) fn method(
        &self,
        m: raw::RawMethod,
        provider_name: &str,
    ) -> Result<Method, CatalogueError> {
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

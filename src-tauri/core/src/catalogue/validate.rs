//! Raw catalogue text (see `raw`) validated once into a [`Provider`]: every rule that keeps a
//! provider from being wrong, each error naming the origin, the provider and the field.
//!
//! Rooms: this file holds the provider as a whole (id, name, environments, revoke, introspection,
//! the endpoint and template rules every field shares); `method` holds each connection method and
//! its redirect; `limits` how long each value and list may be (checked first).

mod limits;
mod method;

pub use limits::{CREDENTIAL_MAX, LABEL_MAX, LIST_MAX, NAME_MAX, TEXT_MAX, URL_MAX, WORD_MAX};

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

/// A provider's id as an error names it: safe to show, and short whatever the file says (the
/// limits are checked after it is taken for the errors' context).
pub(super) fn id_in_errors(id: &str) -> String {
    let escaped = crate::safe_text::escape(id);
    let mut shown: String = escaped.chars().take(64).collect();
    if escaped.chars().count() > 64 {
        shown.push('…');
    }
    shown
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
        self.limits(&p)?;
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
}

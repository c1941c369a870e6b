//! How long each value of a provider may be, and how many entries each list may have, checked
//! before anything else reads them: a provider file is outside text, and a 20 MB name would
//! otherwise be printed by `plugboard providers`, put on a card and in every message naming the
//! provider. The limits are far above any real provider's (the built-in table is a fraction of
//! each); the file as a whole is bounded where it is read (`setup`).
//!
//! Ids, scopes and keys are data sent to a provider or matched: they also may not hold a control
//! or bidirectional character (see [`crate::safe_text`]). Texts a person reads may (they are
//! shown escaped).

use super::super::*;
use super::Validator;

/// A provider's name, in characters.
pub const NAME_MAX: usize = 100;
/// A label (a method's, an environment's, a field's) or an `account_label` template.
pub const LABEL_MAX: usize = 200;
/// A text a person reads: `credentials_help`, a setup step, `revoke_note`, a scope's description.
pub const TEXT_MAX: usize = 2_000;
/// An address or URL template (RFC 9110 §4.1 recommends supporting at least 8000 octets; no
/// provider's endpoint comes near 2048).
pub const URL_MAX: usize = 2_048;
/// An id, a scope, a key or a short setting (`kind`, `accent`, `client_auth`…).
pub const WORD_MAX: usize = 200;
/// A client id or secret given in the file.
pub const CREDENTIAL_MAX: usize = 4_096;
/// Entries of a list: scopes, optional scopes, setup steps, environments, fields, methods,
/// `account_label` templates, extra authorize parameters.
pub const LIST_MAX: usize = 100;

/// What a value is, for its limit and whether it may hold a control character.
#[derive(Clone, Copy)]
enum Kind {
    Name,
    Label,
    Text,
    Url,
    Word,
}

impl Kind {
    fn max(self) -> usize {
        match self {
            Kind::Name => NAME_MAX,
            Kind::Label => LABEL_MAX,
            Kind::Text => TEXT_MAX,
            Kind::Url => URL_MAX,
            Kind::Word => WORD_MAX,
        }
    }
}

impl Validator<'_> {
    fn too_long(&self, field: &str, max: usize, entries: bool) -> CatalogueError {
        CatalogueError::TooLong {
            origin: self.origin.to_string(),
            provider: self.provider.to_string(),
            field: field.to_string(),
            max,
            entries,
        }
    }

    fn value(&self, field: &str, text: &str, kind: Kind) -> Result<(), CatalogueError> {
        // Bytes first: a long text is refused without counting its characters.
        if text.len() > kind.max() && text.chars().count() > kind.max() {
            return Err(self.too_long(field, kind.max(), false));
        }
        if matches!(kind, Kind::Word | Kind::Url) && text.chars().any(crate::safe_text::is_unsafe) {
            return Err(self.invalid(
                field,
                "must not contain control or bidirectional characters",
            ));
        }
        Ok(())
    }

    fn list<T>(&self, field: &str, list: &[T]) -> Result<(), CatalogueError> {
        match list.len() > LIST_MAX {
            true => Err(self.too_long(field, LIST_MAX, true)),
            false => Ok(()),
        }
    }

    /// Every value of `p` within its limit (see the module's doc).
    pub(super) fn limits(&self, p: &raw::RawProvider) -> Result<(), CatalogueError> {
        use Kind::*;
        let opt = |field: &str, text: &Option<String>, kind: Kind| match text {
            Some(text) => self.value(field, text, kind),
            None => Ok(()),
        };
        self.value("id", &p.id, Word)?;
        self.value("name", &p.name, Name)?;
        opt("accent", &p.accent, Word)?;
        opt("developer_url", &p.developer_url, Url)?;
        opt("credentials_help", &p.credentials_help, Text)?;
        self.list("setup_steps", &p.setup_steps)?;
        for step in &p.setup_steps {
            self.value("setup_steps", step, Text)?;
        }
        opt("default_method", &p.default_method, Word)?;
        self.list("environment", &p.environment)?;
        for e in &p.environment {
            self.value("environment.id", &e.id, Word)?;
            self.value("environment.label", &e.label, Label)?;
            self.value("environment.api_base", &e.api_base, Url)?;
        }
        self.list("method", &p.method)?;
        for m in &p.method {
            self.method_limits(m)?;
        }
        if let Some(r) = &p.revoke {
            self.value("revoke.url", &r.url, Url)?;
            opt("revoke.method", &r.method, Word)?;
            opt("revoke.client_auth", &r.client_auth, Word)?;
        }
        opt("revoke_note", &p.revoke_note, Text)?;
        opt("introspection_url", &p.introspection_url, Url)?;
        if let Some(i) = &p.introspection {
            self.value("introspection.url", &i.url, Url)?;
            opt("introspection.client_auth", &i.client_auth, Word)?;
            opt("introspection.scopes_field", &i.scopes_field, Word)?;
            opt("introspection.scopes_format", &i.scopes_format, Word)?;
        }
        self.list("account_label", &p.account_label)?;
        for template in &p.account_label {
            self.value("account_label", template, Label)?;
        }
        Ok(())
    }

    fn method_limits(&self, m: &raw::RawMethod) -> Result<(), CatalogueError> {
        use Kind::*;
        let opt = |field: &str, text: &Option<String>, kind: Kind| match text {
            Some(text) => self.value(field, text, kind),
            None => Ok(()),
        };
        self.value("method.kind", &m.kind, Word)?;
        opt("method.label", &m.label, Label)?;
        opt("method.authorize_url", &m.authorize_url, Url)?;
        opt("method.body_format", &m.body_format, Word)?;
        if let Some(scopes) = &m.scopes {
            self.list("method.scopes", scopes)?;
            for s in scopes {
                self.value("method.scopes", s, Word)?;
            }
        }
        if let Some(scopes) = &m.optional_scopes {
            self.list("method.optional_scopes", scopes)?;
            for s in scopes {
                self.value("method.optional_scopes.id", &s.id, Word)?;
                self.value("method.optional_scopes.description", &s.description, Text)?;
            }
        }
        opt("method.scope_separator", &m.scope_separator, Word)?;
        if let Some(params) = &m.extra_authorize_params {
            let params: Vec<_> = params.iter().collect();
            self.list("method.extra_authorize_params", &params)?;
            for (key, value) in params {
                self.value("method.extra_authorize_params", key, Word)?;
                if let Some(value) = value.as_str() {
                    self.value("method.extra_authorize_params", value, Url)?;
                }
            }
        }
        if let Some(r) = &m.redirect {
            self.value("method.redirect.mode", &r.mode, Word)?;
            opt("method.redirect.host", &r.host, Word)?;
            opt("method.redirect.path", &r.path, Url)?;
            opt("method.redirect.url", &r.url, Url)?;
        }
        opt("method.identity_url", &m.identity_url, Url)?;
        if let Some(types) = &m.token_types {
            self.list("method.token_types", types)?;
        }
        opt("method.token_url", &m.token_url, Url)?;
        opt("method.client_auth", &m.client_auth, Word)?;
        opt("method.params_in", &m.params_in, Word)?;
        opt("method.check_url", &m.check_url, Url)?;
        opt("method.auth", &m.auth, Word)?;
        if let Some(fields) = &m.fields {
            self.list("method.fields", fields)?;
            for f in fields {
                self.value("method.fields.id", &f.id, Word)?;
                self.value("method.fields.label", &f.label, Label)?;
            }
        }
        Ok(())
    }

    /// `[credentials.<provider>]`: a client id and secret within [`CREDENTIAL_MAX`].
    pub(in crate::catalogue) fn credential_limits(
        &self,
        c: &raw::RawCredentials,
    ) -> Result<(), CatalogueError> {
        for (field, text) in [
            ("credentials.client_id", Some(&c.client_id)),
            ("credentials.client_secret", c.client_secret.as_ref()),
        ] {
            let Some(text) = text else { continue };
            if text.len() > CREDENTIAL_MAX && text.chars().count() > CREDENTIAL_MAX {
                return Err(self.too_long(field, CREDENTIAL_MAX, false));
            }
        }
        if c.client_id.chars().any(crate::safe_text::is_unsafe) {
            return Err(self.invalid(
                "credentials.client_id",
                "must not contain control or bidirectional characters",
            ));
        }
        Ok(())
    }
}

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

Rooms: `values` (origin, error, provider id, endpoint, URL template), `provider` (a validated
provider and its methods), `raw` (the TOML as written), `validate` (raw → provider, every rule),
and this file: the catalogue itself (parse, built-in table, a user's file, its credentials).
*/

mod label;
pub mod language;
mod provider;
mod raw;
mod validate;
mod values;

pub use label::{label_paths, render_label};
pub use language::{catalogue_message_id, in_language, in_language_of};
pub use provider::*;
pub use values::*;

use std::collections::HashSet;
use std::fmt;

use validate::Validator;
pub use validate::{CREDENTIAL_MAX, LABEL_MAX, LIST_MAX, NAME_MAX, TEXT_MAX, URL_MAX, WORD_MAX};

#[cfg(test)]
use std::path::PathBuf;

/// The validated catalogue, in the order providers were written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    providers: Vec<Provider>,
    /// App credentials a user's file provides, by provider id.
    credentials: Vec<FileCredentials>,
}

/// `[credentials.<provider>]` from a provider file (a person's, the system-wide one, or the one
/// embedded at build time).
#[derive(Clone, PartialEq, Eq)]
pub struct FileCredentials {
    pub provider: String,
    pub client_id: String,
    pub client_secret: Option<crate::secret::ClientSecret>,
    /// `managed = true`: the organisation's credentials (honoured in the system-wide file only).
    pub managed: bool,
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

    /// Plugboard's own table, read once.
    pub(crate) fn builtin_once() -> Option<&'static Catalogue> {
        static BUILT_IN: std::sync::OnceLock<Option<Catalogue>> = std::sync::OnceLock::new();
        BUILT_IN.get_or_init(|| Self::builtin().ok()).as_ref()
    }

    /// The host Plugboard's own table sends `provider`'s refresh tokens to (see
    /// [`Provider::token_host`]): an update of Plugboard may move it, a providers file may not.
    pub fn builtin_token_host(provider: &str, method: MethodKind) -> Option<String> {
        Self::builtin_once()?.get(provider)?.token_host(method)
    }

    /// A built-in provider's name in Plugboard's own table (`None` for any other id).
    pub fn builtin_name(provider: &str) -> Option<String> {
        Some(Self::builtin_once()?.get(provider)?.name.clone())
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
            let id = validate::id_in_errors(&p.id);
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
            let v = Validator {
                origin,
                provider: &validate::id_in_errors(&provider),
            };
            v.credential_limits(&c)?;
            if *origin == Origin::BuiltIn {
                return Err(CatalogueError::Syntax {
                    origin: origin.to_string(),
                    message: "credentials belong in a user's file".into(),
                });
            }
            if c.client_id.trim().is_empty() {
                return Err(v.invalid("credentials.client_id", "must not be empty"));
            }
            credentials.push(FileCredentials {
                provider,
                client_id: c.client_id,
                client_secret: c.client_secret.map(crate::secret::ClientSecret::new),
                managed: c.managed,
            });
        }
        Ok(Self {
            providers,
            credentials,
        })
    }

    /// This catalogue with a user's file on top: a provider with a built-in id replaces the
    /// built-in entry (a deployer pointing HubSpot elsewhere), new ids are added at the end. An
    /// entry the organisation manages (`managed = true` in the system-wide file) is not replaced:
    /// the ids of those the file tried to replace come back with the merged catalogue.
    pub fn with_user_file(mut self, user: Catalogue) -> Self {
        self.merge(user);
        self
    }

    /// As [`Self::with_user_file`], returning the managed providers the file left untouched.
    pub fn merge(&mut self, user: Catalogue) -> Vec<ProviderId> {
        let mut kept = Vec::new();
        for p in user.providers {
            match self.providers.iter_mut().find(|known| known.id == p.id) {
                Some(known) if known.managed => kept.push(known.id.clone()),
                Some(known) => *known = p,
                None => self.providers.push(p),
            }
        }
        self.credentials.extend(user.credentials);
        kept
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

#[cfg(test)]
mod tests;

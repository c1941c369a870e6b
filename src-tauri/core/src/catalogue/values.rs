//! The catalogue's small validated values: where text came from ([`Origin`]), the error that names
//! origin, provider and field, and the types that cannot be wrong once built — [`ProviderId`],
//! [`Endpoint`] (https, or http on a loopback host outside the built-in table) and [`UrlTemplate`].

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;
use url::Url;

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
    /// A text longer than the catalogue allows (see `validate/limits.rs`), or a list with more
    /// entries (`entries`).
    #[error("{origin}: provider `{provider}`, field `{field}`: more than {max} {}", if *.entries { "entries" } else { "characters" })]
    TooLong {
        origin: String,
        provider: String,
        field: String,
        max: usize,
        entries: bool,
    },
}

impl CatalogueError {
    /// The error in the person's words: a limit in their language, other problems as the
    /// catalogue states them (they name the file, provider and field). Safe to show: what the
    /// file said in it is written as [`crate::safe_text`] says.
    pub fn words(&self) -> String {
        let text = match self {
            CatalogueError::TooLong {
                origin,
                provider,
                field,
                max,
                entries,
            } => crate::i18n::t(
                match entries {
                    true => "provider-file-too-many",
                    false => "provider-file-too-long",
                },
                &[
                    ("file", origin.as_str().into()),
                    ("provider", provider.as_str().into()),
                    ("field", field.as_str().into()),
                    ("max", (*max).into()),
                ],
            ),
            other => other.to_string(),
        };
        crate::safe_text::escape_keeping_lines(&text).into_owned()
    }
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
pub struct Endpoint(pub(super) Url);

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
pub struct UrlTemplate(pub(super) String);

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

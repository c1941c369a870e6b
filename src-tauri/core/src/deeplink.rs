/*!
The private-use URI scheme the system browser returns through (RFC 8252 §7.1).

The scheme is the app identifier in reverse-domain form (`dev.plugboard.desktop`), declared in
`tauri.conf.json`. An installed Plugboard's desktop entry ([`DESKTOP_ENTRY`]) registers it when the
package is installed; a development build registers itself at start-up. A redirect arrives as
`dev.plugboard.desktop:/oauth/callback?code=…&state=…`: on Linux and Windows the OS starts a second
Plugboard process with the URL as its only argument, and single-instance forwards it here.

A link's query carries an authorization code and state: [`IncomingLink`] keeps it private. Its
`Debug` and [`IncomingLink::redacted`] show the scheme and path only, which is what logs and events get.
*/

use std::fmt;

use url::Url;

use crate::APP_IDENTIFIER;

/// The scheme Plugboard registers: the app identifier (reverse-domain, so it is ours to use).
pub const SCHEME: &str = APP_IDENTIFIER;

/// The desktop entry the package installs (`packaging/plugboard.desktop`), whose `MimeType`
/// makes it the scheme's handler.
pub const DESKTOP_ENTRY: &str = "plugboard.desktop";

/// The path authorization responses come back to.
pub const CALLBACK_PATH: &str = "/oauth/callback";

/// The redirect URI to register for deep-link flows: `dev.plugboard.desktop:/oauth/callback`
/// (one slash after the colon, as in RFC 8252 §7.1's example).
pub fn redirect_uri() -> String {
    format!("{SCHEME}:{CALLBACK_PATH}")
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    #[error("this is not a link Plugboard understands")]
    NotAUrl,
    #[error("this link is for another app (scheme `{0}`)")]
    OtherScheme(String),
}

/// A URL that arrived through Plugboard's scheme.
#[derive(Clone, PartialEq, Eq)]
pub struct IncomingLink {
    url: Url,
    path: String,
}

impl IncomingLink {
    pub fn parse(text: &str) -> Result<Self, LinkError> {
        let url = Url::parse(text).map_err(|_| LinkError::NotAUrl)?;
        if !url.scheme().eq_ignore_ascii_case(SCHEME) {
            return Err(LinkError::OtherScheme(url.scheme().to_string()));
        }
        // `scheme:/oauth/callback` has no host; `scheme://oauth/callback` (what some forwarding pages
        // produce) reads `oauth` as a host. Both mean the same path.
        let path = match url.host_str() {
            Some(host) if !host.is_empty() => format!("/{host}{}", url.path()),
            _ => url.path().to_string(),
        };
        let path = if path.len() > 1 {
            path.trim_end_matches('/').to_string()
        } else {
            path
        };
        Ok(Self { url, path })
    }

    /// The normalised path, e.g. `/oauth/callback`.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn is_oauth_callback(&self) -> bool {
        self.path == CALLBACK_PATH
    }

    /// How many query parameters the link carries (their names and values stay private).
    pub fn parameter_count(&self) -> usize {
        self.url.query_pairs().count()
    }

    /// A query parameter's value. Callers own what they do with it: a `code` is a credential.
    pub fn param(&self, name: &str) -> Option<String> {
        self.url
            .query_pairs()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.into_owned())
    }

    /// Safe for logs and events: `dev.plugboard.desktop:/oauth/callback (3 parameters withheld)`.
    pub fn redacted(&self) -> String {
        match self.parameter_count() {
            0 => format!("{SCHEME}:{}", self.path),
            1 => format!("{SCHEME}:{} (1 parameter withheld)", self.path),
            n => format!("{SCHEME}:{} ({n} parameters withheld)", self.path),
        }
    }
}

impl fmt::Debug for IncomingLink {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IncomingLink({})", self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirect_uri_is_the_reverse_domain_scheme_with_the_callback_path() {
        assert_eq!(redirect_uri(), "dev.plugboard.desktop:/oauth/callback");
        assert!(IncomingLink::parse(&redirect_uri())
            .unwrap()
            .is_oauth_callback());
    }

    #[test]
    fn a_callback_link_keeps_its_query_out_of_debug_and_redacted_forms() {
        let link =
            IncomingLink::parse("dev.plugboard.desktop:/oauth/callback?code=SECRET-CODE&state=abc")
                .unwrap();
        assert_eq!(
            link.redacted(),
            "dev.plugboard.desktop:/oauth/callback (2 parameters withheld)"
        );
        assert!(!format!("{link:?}").contains("SECRET"));
        assert_eq!(link.param("code").as_deref(), Some("SECRET-CODE"));
        assert_eq!(link.param("iss"), None);
    }

    #[test]
    fn double_slash_and_trailing_slash_forms_mean_the_same_path() {
        for text in [
            "dev.plugboard.desktop://oauth/callback?x=1",
            "dev.plugboard.desktop:/oauth/callback/",
            "DEV.plugboard.desktop:/oauth/callback",
        ] {
            assert!(
                IncomingLink::parse(text).unwrap().is_oauth_callback(),
                "{text}"
            );
        }
    }

    #[test]
    fn links_for_other_schemes_or_not_urls_are_refused() {
        assert_eq!(
            IncomingLink::parse("https://example.com/oauth/callback"),
            Err(LinkError::OtherScheme("https".into()))
        );
        assert_eq!(IncomingLink::parse("--help"), Err(LinkError::NotAUrl));
    }
}

#[cfg(test)]
mod config_tests {
    /// The scheme and identifier are declared twice (here, and in `tauri.conf.json` for the shell and
    /// the desktop registration); this keeps them from drifting apart.
    #[test]
    fn tauri_conf_declares_the_same_identifier_and_scheme() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tauri.conf.json");
        let conf: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(conf["identifier"], crate::APP_IDENTIFIER);
        assert_eq!(
            conf["plugins"]["deep-link"]["desktop"]["schemes"],
            serde_json::json!([super::SCHEME])
        );
    }
}

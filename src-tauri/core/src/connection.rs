/*!
The connection model: what Plugboard knows about one connected account, independent of provider.

A connection id is not a provider id: one provider may have several connections (two HubSpot
portals), each labelled with its account. The secret half of a connection (tokens, keys) lives in the
vault under the key [`crate::vault::VaultKey::Connection`]; the rest (provider, method, account label,
scopes, times) is plain data for the index. Times are absolute (`expires_at`), never a duration that
would go stale while stored.
*/

use std::fmt;

use serde::Serialize;

/// A connection's id: lowercase ASCII letters, digits and `-`, 1–64 characters (e.g. `hubspot-7f3a9c`).
/// Safe to show, log and use in a keychain item's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(try_from = "String")]
pub struct ConnectionId(String);

impl TryFrom<String> for ConnectionId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        Self::parse(&s).ok_or_else(|| format!("`{s}` is not a connection id"))
    }
}

impl ConnectionId {
    pub fn parse(s: &str) -> Option<Self> {
        let ok = !s.is_empty()
            && s.len() <= 64
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        ok.then(|| Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ConnectionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a card says about a provider or connection. Never shown by colour alone: each has words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NotConnected,
    Connected,
    KeychainLocked,
    KeychainUnavailable,
}

impl Status {
    /// The status in the person's words ("Not connected").
    pub fn label(self) -> String {
        crate::i18n::t(
            match self {
                Status::NotConnected => "view-not-connected",
                Status::Connected => "health-connected",
                Status::KeychainLocked => "health-keychain-locked",
                Status::KeychainUnavailable => "health-keychain-unavailable",
            },
            &[],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_ids_are_restricted_to_safe_characters() {
        assert!(ConnectionId::parse("hubspot-7f3a9c").is_some());
        for bad in ["", "HubSpot", "a b", "../etc", &"x".repeat(65)] {
            assert!(ConnectionId::parse(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn statuses_serialize_as_codes_and_read_as_words() {
        assert_eq!(
            serde_json::to_string(&Status::NotConnected).unwrap(),
            "\"not_connected\""
        );
        assert_eq!(Status::NotConnected.label(), "Not connected");
        assert_eq!(Status::KeychainLocked.label(), "Keychain locked");
    }
}

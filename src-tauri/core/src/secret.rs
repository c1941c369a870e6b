/*!
Secret values (tokens, client secrets) as a newtype that never shows itself.

Following oauth2-rs's `AccessToken`: `Debug` and `Display` print `[redacted]`, the value is reached
only through [`SecretString::expose`], and the memory is zeroed on drop. The type is deliberately not
`Serialize`: a secret reaches JSON only through the vault's own encoding, never by accident in an IPC
reply, an event or a log line.
*/

use std::fmt;
use zeroize::Zeroize;

/// A secret string. Clone is allowed (the vault and a request may each need a copy); printing is not.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    /// The secret itself. Name the call site for what it does with it; never log the result.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Shown to a person who needs to tell two secrets apart: the last four characters, the rest masked.
    /// Short secrets are fully masked, so no more than a third of one is ever shown.
    pub fn tail_hint(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 12 {
            return "••••".to_string();
        }
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("••••{tail}")
    }

    /// The developer view of a token: first and last four characters ("pat-…9f3a"). Secrets
    /// shorter than 16 characters are fully masked, so at most half of one is ever shown.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < 16 {
            return "••••••••".to_string();
        }
        let head: String = chars[..4].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}••••{tail}")
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString([redacted])")
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

impl Drop for SecretString {
    fn drop(&mut self) {
        self.0.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_never_show_the_value() {
        let s = SecretString::new("pat-na1-0123456789abcdef");
        assert_eq!(format!("{s:?}"), "SecretString([redacted])");
        assert_eq!(format!("{s}"), "[redacted]");
        assert_eq!(s.expose(), "pat-na1-0123456789abcdef");
    }

    #[test]
    fn tail_hint_shows_only_the_last_four_of_long_secrets() {
        assert_eq!(
            SecretString::new("abcdefghijkl1234").tail_hint(),
            "••••1234"
        );
        assert_eq!(SecretString::new("short").tail_hint(), "••••");
    }

    #[test]
    fn masked_shows_the_first_and_last_four_of_long_secrets_only() {
        assert_eq!(
            SecretString::new("hs-at-0123456789abcdef").masked(),
            "hs-a••••cdef"
        );
        assert_eq!(SecretString::new("fifteen-chars!!").masked(), "••••••••");
    }
}

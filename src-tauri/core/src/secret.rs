/*!
Secret values (tokens, client secrets) as newtypes that never show themselves.

Following oauth2-rs's `AccessToken`: `Debug` and `Display` print `[redacted]`, the value is reached
only through [`SecretString::expose`], and the memory is zeroed on drop. The type is deliberately not
`Serialize`: a secret reaches JSON only through the vault's own encoding, never by accident in an IPC
reply, an event or a log line.

Each kind of secret the OAuth flows handle has its own type over [`SecretString`] — [`AccessToken`],
[`RefreshToken`], [`ClientSecret`], [`AuthorizationCode`], [`PkceVerifier`] — so one can never be
passed where another is expected (a refresh token sent as a bearer token, a client secret sent as a
code): the compiler refuses it. Values with no OAuth role (an API key's fields, a vault item's
JSON, a ready-made header) stay plain [`SecretString`]s.

A refresh grant takes the refresh token:

```
use plugboard_core::secret::RefreshToken;
fn spend(_: &RefreshToken) {}
spend(&RefreshToken::new("rt-1"));
```

and refuses an access token in its place:

```compile_fail
use plugboard_core::secret::{AccessToken, RefreshToken};
fn spend(_: &RefreshToken) {}
spend(&AccessToken::new("at-1"));
```
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

/// Declares a kind of secret: a newtype over [`SecretString`] with the same promises (never
/// printed, zeroed on drop, reached only through `expose`).
macro_rules! secret_kind {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq)]
        pub struct $name(SecretString);

        impl $name {
            pub fn new(value: impl Into<String>) -> Self {
                Self(SecretString::new(value))
            }

            /// The secret itself. Name the call site for what it does with it; never log it.
            pub fn expose(&self) -> &str {
                self.0.expose()
            }

            /// The same value as a plain secret, for code that handles any secret alike
            /// (masking, the keychain's encoding).
            pub fn secret(&self) -> &SecretString {
                &self.0
            }

            pub fn is_empty(&self) -> bool {
                self.0.is_empty()
            }

            /// See [`SecretString::tail_hint`].
            pub fn tail_hint(&self) -> String {
                self.0.tail_hint()
            }

            /// See [`SecretString::masked`].
            pub fn masked(&self) -> String {
                self.0.masked()
            }
        }

        /// A secret read as a whole (from the keychain, a file) that is known to be this kind.
        impl From<SecretString> for $name {
            fn from(secret: SecretString) -> Self {
                Self(secret)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "([redacted])"))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("[redacted]")
            }
        }
    };
}

secret_kind!(
    /// The bearer token an API call carries (RFC 6749 §1.4).
    AccessToken
);
secret_kind!(
    /// What buys the next access token (RFC 6749 §1.5); some providers rotate it on every use.
    RefreshToken
);
secret_kind!(
    /// An app's OAuth client secret (RFC 6749 §2.3.1).
    ClientSecret
);
secret_kind!(
    /// The one-time code a sign-in's callback carries (RFC 6749 §4.1.2).
    AuthorizationCode
);
secret_kind!(
    /// A sign-in's PKCE code verifier (RFC 7636 §4.1): sent once, with the code.
    PkceVerifier
);

impl PkceVerifier {
    /// A fresh random verifier and its S256 challenge (RFC 7636 §4.2), as oauth2-rs makes them.
    pub fn new_random() -> (oauth2::PkceCodeChallenge, Self) {
        let (challenge, verifier) = oauth2::PkceCodeChallenge::new_random_sha256();
        (challenge, Self::new(verifier.into_secret()))
    }

    /// The S256 challenge of this verifier (RFC 7636 §4.2).
    pub fn challenge(&self) -> oauth2::PkceCodeChallenge {
        oauth2::PkceCodeChallenge::from_code_verifier_sha256(&oauth2::PkceCodeVerifier::new(
            self.expose().to_string(),
        ))
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
    fn each_kind_of_secret_is_its_own_type_and_never_shows_itself() {
        let access = AccessToken::new("at-0123456789abcdef");
        assert_eq!(format!("{access:?}"), "AccessToken([redacted])");
        assert_eq!(format!("{access}"), "[redacted]");
        assert_eq!(
            format!("{:?}", RefreshToken::new("rt")),
            "RefreshToken([redacted])"
        );
        assert_eq!(access.masked(), "at-0••••cdef");
        let (challenge, verifier) = PkceVerifier::new_random();
        assert_eq!(verifier.challenge().as_str(), challenge.as_str());
        assert!(verifier.expose().len() >= 43, "RFC 7636 §4.1");
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

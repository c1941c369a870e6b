/*!
Tokens and keys: what a provider's token endpoint answers ([`answer`]), and the secret half of a
connection as one vault item ([`stored`]).

- [`parse_token_response`] reads an RFC 6749 §5.1 success or §5.2 error (and HubSpot's legacy
  `{status, message}` errors) into a [`TokenSet`] or a [`TokenError`], under the provider's
  [`TokenRules`]. `expires_in` becomes an absolute `expires_at` at receipt, so a stored expiry
  never goes stale.
- [`ConnectionSecret`] is everything secret about one connection (tokens, or the credentials a
  client-credentials connection re-mints with, or an API key), encoded as a single JSON document for
  the vault: a rotated access + refresh pair is one write.

Nothing here prints a secret: token values are typed secrets ([`crate::secret`]), and
an unparseable response keeps its body out of the error's message.
*/

mod answer;
mod stored;

pub use answer::*;
pub use stored::*;

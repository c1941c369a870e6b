/*!
The connection flows, driven entirely by the catalogue: authorization code with PKCE, client
credentials, API key — plus identity, and revoke. No provider is named here.

Every request is first built as a [`PreparedRequest`] (a pure value that tests compare exactly),
then sent by [`send`] through the client from [`crate::http`] (no redirects, timeouts).

Authorization code (RFC 6749 §4.1, RFC 8252 for native apps):
- [`PendingFlows::begin`] makes the authorize URL with a PKCE S256 challenge (RFC 7636 §4.2) and a
  random `state`, and remembers the flow under that state: provider, redirect URI, verifier, deadline.
- [`PendingFlows::take`] removes the flow when its callback arrives, before the code is used, so a
  second delivery of the same callback finds nothing (a second exchange of one code makes strict
  servers revoke the tokens already issued, RFC 6749 §4.1.2).
- [`read_callback`] checks `iss` when present (RFC 9207) and turns `error=access_denied` into
  [`Callback::Declined`].
- [`token_request`] repeats the exact `redirect_uri` and sends the verifier (RFC 6749 §4.1.3).

Rooms: `request` (the request as a value, sending it, the flow error), `pending` (sign-ins waiting
for their callback, the authorize URL, reading the callback), `grants` (the token endpoint: code,
refresh, client credentials), `calls` (API key checks, identity, revoke, introspection). Everything
is re-exported here, so callers say `flow::send`, `flow::PendingFlows`, `flow::revoke_request`.
*/

mod calls;
mod grants;
mod pending;
mod request;

pub use calls::*;
pub use grants::*;
pub use pending::*;
pub use request::*;

use crate::secret::ClientSecret;

/// An app's OAuth client credentials (from providers.toml, the environment or Settings).
#[derive(Debug, Clone)]
pub struct AppCredentials {
    pub client_id: String,
    /// `None` for public clients (`client_auth = "none"`).
    pub client_secret: Option<ClientSecret>,
}

#[cfg(test)]
mod tests;

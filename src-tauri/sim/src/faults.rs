//! The fault switches ([`Faults`]) a test turns on to make the providers misbehave, and the raw
//! answers ([`Answer`]) they give instead of tokens. Data only: the store keeps the switches, and
//! [`crate::answers`] gives the answers they ask for. Apart from the routes so every provider's
//! handler reaches the same switches.

use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;

/// Switches for faults and lifetimes.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Authorize answers `error=access_denied`.
    pub decline_consent: bool,
    /// Token endpoints answer 503.
    pub token_unavailable: bool,
    /// Refresh grants answer `invalid_grant`.
    pub refresh_invalid_grant: bool,
    /// Overrides HubSpot's 1800 s access-token lifetime for tokens from a sign-in (code exchange),
    /// e.g. 5 s for countdown tests; refreshed tokens still live 1800 s.
    pub hubspot_lifetime: Option<i64>,
    /// HubSpot refresh grants return a new refresh token (rotation) instead of the same one, and
    /// a rotated-away one presented again revokes the whole grant (reuse detection, counted as
    /// `hubspot.reuse_detected`), as strict servers do.
    pub rotate_refresh_tokens: bool,
    /// HubSpot's revoke endpoint answers 503.
    pub revoke_unavailable: bool,
    /// HubSpot's introspection says no token is active (`{"active": false}`): a grant HubSpot
    /// stopped accepting.
    pub identity_unauthorized: bool,
    /// Overrides Nimbus's 3600 s access-token lifetime for tokens from a sign-in (code exchange).
    pub nimbus_lifetime: Option<i64>,
    /// Overrides the 1800 s lifetime of HubSpot's refreshed tokens (e.g. 5 s tokens).
    pub hubspot_refreshed_lifetime: Option<i64>,
    /// HubSpot and Nimbus refresh grants get this answer instead of tokens (malformed, huge,
    /// slow, 429…); nothing rotates.
    pub refresh_answer: Option<Answer>,
    /// HubSpot refresh grants rotate the refresh token, then the reply is lost (the connection
    /// breaks after the headers): the new tokens exist only at the provider.
    pub lose_reply_after_rotation: bool,
    /// HubSpot refresh grants are carried out at once (a rotation spends the presented token)
    /// and answered this much later (`hubspot.refresh_answered` counts the answers sent): a
    /// window in which a test stops the client mid-refresh.
    pub refresh_delay: Option<std::time::Duration>,
    /// The providers' clock is this many seconds off the machine's (negative: behind): every
    /// answer's `Date` header says so, as a provider's would to a machine whose clock is wrong.
    pub clock_offset: Option<i64>,
    /// Nimbus says its tokens are this user's instead of dana@nimbus.example (the person
    /// signed in to another account).
    pub nimbus_username: Option<String>,
}

/// A raw answer for a fault: any status, headers and body, possibly late or endless.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: std::time::Duration,
    /// After `body`, send chunks forever.
    pub endless: bool,
}

impl Answer {
    /// A 200 with this JSON or text body.
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            content_type: Some("application/json".into()),
            body: body.into(),
            ..Self::default()
        }
    }

    pub(crate) fn into_response(self) -> Response {
        let mut builder = Response::builder().status(self.status);
        if let Some(t) = &self.content_type {
            builder = builder.header(header::CONTENT_TYPE, t);
        }
        if let Some(r) = &self.retry_after {
            builder = builder.header(header::RETRY_AFTER, r);
        }
        let body = if self.endless {
            let first = Bytes::from(self.body);
            let chunk = Bytes::from(vec![b' '; 64 * 1024]);
            let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) })
                .chain(futures_util::stream::repeat_with(move || Ok(chunk.clone())));
            axum::body::Body::from_stream(stream)
        } else {
            axum::body::Body::from(self.body)
        };
        builder
            .body(body)
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
}

/*!
What the service hands out: a connection's view (no secrets), its live status this second, the
token material a developer asked for (all secret), what Disconnect did, and a started sign-in.
*/

use serde::Serialize;

use crate::catalogue::{MethodKind, ProviderId};
use crate::connection::ConnectionId;
use crate::index::LastError;
use crate::lifetime::{Expiry, Health, Milestone};
use crate::secret::{AccessToken, RefreshToken, SecretString};

/// What a card shows about one connection (no secrets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectionView {
    pub id: ConnectionId,
    pub provider: String,
    pub method: MethodKind,
    /// Who the connection is, in the provider's terms, in the language spoken now (see
    /// `service::account`).
    pub account: String,
    /// The name the person gave it ("Client A — store"), if any.
    pub name: Option<String>,
    /// Scopes granted.
    pub scopes: Vec<String>,
    /// Scopes asked for but not granted.
    pub scopes_missing: Vec<String>,
    /// Scopes the sign-in asked for (empty where nothing was asked: keys, client credentials).
    pub requested_scopes: Vec<String>,
    pub environment: Option<String>,
    /// The account's label already names its environment ("Production · client ••••1a2b"; an
    /// older record's, in any of Plugboard's languages: it was made in the one spoken then): not
    /// shown twice.
    pub environment_named: bool,
    /// When the current tokens were obtained (a refresh moves it).
    pub obtained_at: i64,
    /// The first sign-in (kept through refreshes and reconnects): later than it, `obtained_at`
    /// says this sign-in was a reconnect.
    pub connected_at: i64,
    pub refreshed_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub last_error: Option<LastError>,
    /// The last refresh failed for a passing reason and none has succeeded since (stored, so
    /// every process knows; the live health has the retry time where the failure happened).
    pub temporary_problem: bool,
    /// Whether it is its provider's default (`only` when its provider has no other connection):
    /// a bare provider id picks the default ([`super::Connections::find`]).
    pub default_role: super::DefaultRole,
    /// What it is doing now: health, countdown.
    pub live: LiveStatus,
}

/// A connection's state this second: what the page re-reads every tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveStatus {
    pub id: ConnectionId,
    pub health: Health,
    /// The health in words ("Expiring soon", "Reconnect needed").
    pub label: String,
    pub expiry: Expiry,
    /// "Expires in 29:41", "Does not expire", "Expiry unknown".
    pub countdown: String,
    pub seconds_left: Option<i64>,
    pub milestone: Milestone,
    /// Unix seconds of the next automatic retry after a temporary problem.
    pub retry_at: Option<i64>,
    /// Under two minutes left: copying offers "Refresh & copy".
    pub refresh_before_copy: bool,
}

/// What a developer can copy from a connection (all secret).
pub struct TokenMaterial {
    /// The access token (an API key's credential for key connections).
    pub access_token: AccessToken,
    /// `Authorization: Bearer …` (or the provider's scheme for keys).
    pub header: SecretString,
    /// A curl line to the provider's identity or check endpoint, when it has one.
    pub curl: Option<SecretString>,
    pub refresh_token: Option<RefreshToken>,
}

/// What Disconnect did at the provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "revoke", rename_all = "snake_case")]
pub enum DisconnectReport {
    Revoked,
    /// The provider has no revoke endpoint: the note says what to do there instead.
    NotSupported {
        note: Option<String>,
    },
    /// The revoke failed; the local copy was removed all the same.
    RevokeFailed {
        reason: String,
    },
    /// There was nothing to disconnect.
    AlreadyGone,
}

/// A started browser sign-in. Its `Debug` leaves out the state.
#[derive(Clone, Serialize)]
pub struct StartedSignIn {
    pub provider: ProviderId,
    /// Open this in the system browser.
    pub url: String,
    pub redirect_uri: String,
    /// The pending `state`: a loopback listener answers only the request that carries it. Never
    /// serialized (a front end has no use for it, and it must not travel further).
    #[serde(skip)]
    pub state: String,
}

/// Every connection's live status and each card's: what the page re-reads every tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveBoard {
    pub connections: Vec<LiveStatus>,
    /// One per provider that has connections: the most urgent of their statuses.
    pub cards: Vec<CardStatus>,
    /// Seconds until the clock alone changes anything shown here (see
    /// [`crate::lifetime::next_change`]); `None`: only an event will. The page ticks no sooner.
    pub next_change: Option<i64>,
    /// How many connections there are (`connections` may hold only those asked for).
    pub total: usize,
    /// The keychain's state as the statuses above were computed with it: the footer says the
    /// same thing as the cards, on the same tick.
    pub keychain: crate::lifetime::KeychainState,
    /// The tray's line, for the top of the window, while any connection needs the person (none
    /// otherwise): what a restart would leave below the fold is said where it is seen first.
    pub needs_you: Option<NeedsYou>,
}

/// "1 connection needs you", and the connections it counts, the most urgent first: a click on
/// the line goes to the first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NeedsYou {
    pub headline: String,
    pub connections: Vec<ConnectionId>,
}

/// A provider card's status: the most urgent of its connections' (see [`Health::urgency`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardStatus {
    pub provider: String,
    pub health: Health,
    pub label: String,
}

impl std::fmt::Debug for StartedSignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StartedSignIn")
            .field("provider", &self.provider)
            .field("redirect_uri", &self.redirect_uri)
            .finish_non_exhaustive()
    }
}

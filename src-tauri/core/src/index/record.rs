//! One connection as the index stores it: [`ConnectionRecord`] (no secrets), what its account
//! label is made of ([`AccountParts`]), its current error ([`LastError`]), and the answer of a
//! rename. The file around the records, its locking and caching are the parent module's.

use serde::{Deserialize, Serialize};

use crate::catalogue::MethodKind;
use crate::connection::ConnectionId;

/// One connection, as stored (no secrets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConnectionRecord {
    pub id: ConnectionId,
    pub provider: String,
    pub method: MethodKind,
    /// Who this connection is, in the provider's terms ("example.com · ana@example.com", "Store
    /// 1003"), written in English when `account_parts` is there (what an older Plugboard shows);
    /// in an older record, as it was written then, in the language of that moment.
    pub account: String,
    /// What the label is made of (a kind and its raw values), so every front end writes it in the
    /// language it speaks now (`service::account`). Older records lack it: `account` stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_parts: Option<AccountParts>,
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Hotmart's production/sandbox.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<String>,
    /// Unix seconds: when the current tokens were obtained (a refresh moves it).
    pub obtained_at: i64,
    /// Unix seconds of the first sign-in; kept through refreshes and reconnects. Older records
    /// lack it: their `obtained_at` stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub connected_at: Option<i64>,
    /// Unix seconds; `None` when the token does not expire or the provider did not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<i64>,
    /// With no `expires_at`: whether that means "does not expire" (keys, Ecwid) rather than
    /// "expiry unknown".
    #[serde(default, skip_serializing_if = "is_false")]
    pub never_expires: bool,
    /// Unix seconds of the last successful refresh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refreshed_at: Option<i64>,
    /// Scopes asked for at sign-in (the granted ones are `scopes`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requested_scopes: Vec<String>,
    /// The grant is dead (`invalid_grant`): only a new sign-in helps. Survives restarts.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reconnect_needed: bool,
    /// The last refresh failed for a passing reason (network, 5xx) and none has succeeded since:
    /// what a process that did not see the failure (`plugboard status`) shows as "Temporary problem".
    #[serde(default, skip_serializing_if = "is_false")]
    pub temporary_problem: bool,
    /// With `temporary_problem`: Unix seconds of the next automatic retry, as the process that
    /// schedules refreshes (the window) planned it, so `plugboard status` can say it too. Set only
    /// by a process that schedules; cleared by a refresh that works, a failure that is not
    /// temporary, and the window quitting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_at: Option<i64>,
    /// The last failure, in Plugboard's words (never a provider's raw answer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<LastError>,
    /// Unix seconds of the last identity check the provider accepted (see
    /// [`ConnectionRecord::last_accepted`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_at: Option<i64>,
    /// Counts the secret's replacements (refreshes, reconnects): a process that waited for the
    /// refresh lock compares it to what it saw before, instead of reading the keychain twice.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub generation: u64,
    /// A browser sign-in's token came without a refresh token: when it expires only a new sign-in
    /// helps (what a notification warns of an hour ahead). Older records lack it: `false`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub no_refresh_token: bool,
    /// The name the person gave it ("Client A — store"), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The host its refreshes send its refresh token (or client secret) to, as it was when the
    /// connection was made: a providers file that later points the provider elsewhere does not
    /// get this connection's tokens without a new sign-in. Older records lack it: the host of
    /// their first refresh is taken.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_host: Option<String>,
}

/// What a connection's account label is made of: Plugboard's own words are not stored, only
/// which words and the values that fill them, so the label reads in the language of the moment
/// it is shown (a label stored in words would stay in the language spoken when connecting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum AccountParts {
    /// An API key, by its first field: the field's id in the catalogue and the end of its value,
    /// masked ("API token ••••1234").
    ApiKey { field: String, hint: String },
    /// Client credentials: the client ID's end, masked; its environment is the record's
    /// (`environment`) ("Production · client ••••1a2b").
    Client { hint: String },
    /// A browser sign-in named by one of the provider's `account_label` templates, as the
    /// catalogue wrote it, with the values it was filled with, by `{path}` ("Store {store_id}",
    /// `{"store_id": "1003"}` ⇒ "Store 1003", "Loja 1003").
    Named {
        template: String,
        values: std::collections::BTreeMap<String, String>,
    },
    /// A browser sign-in nothing named: the app's client ID's end, masked ("HubSpot sign-in ·
    /// app ••••1a2b").
    SignIn { hint: String },
    /// A keychain item put back in the index ("Recovered connection").
    Recovered,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// What [`Index::rename`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Renamed {
    Done,
    NoSuchConnection,
    /// Another connection has that name (as it spells it).
    Taken(String),
}

/// A failure as support needs it: when, the stable code, and the message the person saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastError {
    pub at: i64,
    pub code: String,
    pub message: String,
    /// Why a person is needed, when one is: the words every front end chooses follow it, so one
    /// failure is told by one cause everywhere. Absent in older indexes (and for failures that
    /// need nobody).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
}

/// Why a connection needs a new sign-in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cause {
    /// The provider refused the grant (revoked, expired, used twice).
    Refused,
    /// The keychain item holding the sign-in is gone (deleted elsewhere, the keychain reset).
    ItemGone,
}

impl ConnectionRecord {
    /// A new connection's record: obtained at `obtained_at`, nothing granted, no expiry, no
    /// failure. Each way of connecting fills in what it learned.
    pub fn new(
        id: ConnectionId,
        provider: &str,
        method: MethodKind,
        account: String,
        obtained_at: i64,
    ) -> Self {
        Self {
            id,
            provider: provider.to_string(),
            method,
            account,
            account_parts: None,
            scopes: vec![],
            environment: None,
            obtained_at,
            connected_at: Some(obtained_at),
            expires_at: None,
            never_expires: false,
            refreshed_at: None,
            requested_scopes: vec![],
            reconnect_needed: false,
            temporary_problem: false,
            retry_at: None,
            last_error: None,
            checked_at: None,
            generation: 0,
            no_refresh_token: false,
            name: None,
            token_host: None,
        }
    }

    /// The expiry as stored (what the provider said, on the clock of the time).
    pub fn expiry(&self) -> crate::lifetime::Expiry {
        crate::lifetime::Expiry::from_stored(self.expires_at, self.never_expires)
    }

    /// The expiry to act on and show at `now`: as stored, or "now" when the clock went back
    /// since the token was obtained ([`crate::lifetime::trusted_expiry`]).
    pub fn expiry_at(&self, now: i64) -> crate::lifetime::Expiry {
        crate::lifetime::trusted_expiry(self.obtained_at, self.expiry(), now)
    }

    /// When the provider last showed it accepts this connection: its sign-in, its last refresh or
    /// its last identity check, whichever is latest.
    pub fn last_accepted(&self) -> i64 {
        self.obtained_at
            .max(self.refreshed_at.unwrap_or(i64::MIN))
            .max(self.checked_at.unwrap_or(i64::MIN))
    }
}

/*!
When a connection needs a person, and what to tell them while the window is closed: the tray's
headline and lines, and the notifications. Written once here, as pure functions of the
connections' state and a clock, so the rules are unit-tested and the shell only shows them.

A connection needs a person ([`Need`]) when:
- its grant is dead (*Reconnect needed*);
- the keychain is locked and one of its refreshes is due (nothing can happen until it is unlocked);
- its token expires within the hour and cannot be renewed without a new sign-in (no refresh token);
- a temporary problem (network, provider down) has lasted over 15 minutes.

Routine refreshes never need anyone. [`Watch`] remembers what each connection was last told
(kept in `notified.json` beside the index, so a restart does not repeat it): at most one
notification per connection per need; a new need may notify again, and a connection that recovers
is forgotten, so a later breakage is told afresh. Several new needs found together make one
notification ("3 connections need you"). Every text comes from the message catalogues
([`crate::i18n`]), in the person's language.

Its rooms: this file decides (the needs and their rules); [`words`] says them (notifications,
the tray's summary); [`watch`] remembers what was told.
*/

use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;
use crate::lifetime::{Expiry, Health};

mod watch;
mod words;

pub use watch::Watch;
pub use words::{
    coarse_countdown, coarse_next_change, compose, health_words, message, needs_person,
    tray_summary, Message, TraySummary, TRAY_LINES,
};

/// A temporary problem is told once it has lasted this long (seconds).
pub const LASTING_PROBLEM: i64 = 15 * 60;
/// A token that cannot be renewed is told about this long before it expires (seconds).
pub const EXPIRY_WARNING: i64 = 3_600;

/// Why a connection needs a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    Reconnect,
    KeychainLocked,
    ExpiresUnrenewable,
    LastingProblem,
}

/// One connection as the tray and the notifications see it (no secret).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    pub id: ConnectionId,
    /// The provider's name ("HubSpot").
    pub provider: String,
    pub account: String,
    /// The name the person gave the connection, if any: it stands for the account in every text.
    pub name: Option<String>,
    pub health: Health,
    pub expiry: Expiry,
    /// When a temporary problem began, if one is going on.
    pub troubled_since: Option<i64>,
    pub need: Option<Need>,
    /// Why it needs a new sign-in, when it does: the words name that cause (the provider refused
    /// it, or its keychain item is gone), the same one every front end gives.
    pub cause: Option<crate::index::Cause>,
}

/// What decides a connection's [`Need`], gathered by the service.
#[derive(Debug, Clone, Copy)]
pub struct NeedInputs {
    pub health: Health,
    pub expiry: Expiry,
    /// An automatic refresh is due now (by the clock; the keychain may be what stops it).
    pub refresh_due: bool,
    /// A browser sign-in's token with no refresh token.
    pub no_refresh_token: bool,
    pub troubled_since: Option<i64>,
}

/// The need a connection is in at `now`, if any.
pub fn need(i: NeedInputs, now: i64) -> Option<Need> {
    match i.health {
        Health::ReconnectNeeded => return Some(Need::Reconnect),
        Health::KeychainLocked if i.refresh_due => return Some(Need::KeychainLocked),
        // A retry in flight keeps the need: a run of failures ends only with a success.
        Health::TemporaryProblem | Health::Refreshing
            if i.troubled_since
                .is_some_and(|since| now - since >= LASTING_PROBLEM) =>
        {
            return Some(Need::LastingProblem)
        }
        _ => {}
    }
    (i.no_refresh_token
        && i.expiry
            .seconds_left(now)
            .is_some_and(|left| left <= EXPIRY_WARNING))
    .then_some(Need::ExpiresUnrenewable)
}

#[cfg(test)]
mod tests;

/*!
When the scheduler must look again: the one moment a process that keeps connections fresh wakes
for, so a window hidden in the tray sleeps from one due moment to the next instead of ticking.

A look is due at the earliest of: an automatic refresh ([`lifetime::refresh_due_at`]) or a
retry after a temporary problem; the identity checks after start or a wake; a keychain that is
not ready or tokens held for it, looked at again every [`RETRY_EVERY`]; a moment the clock alone
changes what the tray or a notification says (five minutes left, expired, an unrenewable token's
warning, a problem that has lasted, the tray menu's coarse countdown); and at the latest
[`LONGEST_SLEEP`] from now. What changes a plan in this process (a refresh begins or ends, a
failure, the keychain's state) is told by [`Connections::plan_changed`]; the index changed by
another process, the clock being set and a resume are events the host wakes on itself. The plan is remembered, so that a look long after it reads as a sleep of the machine
([`super::runtime`]).
*/

use super::Connections;
use super::ServiceError;
use crate::attention;
use crate::lifetime::{self, Expiry, KeychainState};

/// How often a keychain that is not ready, or tokens held for it, are tried again (seconds).
pub const RETRY_EVERY: i64 = 15;
/// The longest the scheduler sleeps with nothing due (seconds): a safety net, not a cadence.
pub const LONGEST_SLEEP: i64 = 3_600;

/// Why the scheduler looks again then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// An automatic refresh is due.
    Refresh,
    /// A retry after a temporary problem.
    Retry,
    /// The identity checks after start or a wake.
    Checks,
    /// The keychain is not ready, or holds up tokens to save.
    Keychain,
    /// The clock changes what the tray or a notification says.
    Words,
    /// Nothing due sooner.
    Longest,
}

/// The moment the scheduler looks again, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextLook {
    /// Unix seconds.
    pub at: i64,
    pub reason: Reason,
}

impl NextLook {
    fn sooner(&mut self, at: Option<i64>, reason: Reason) {
        if let Some(at) = at.filter(|&at| at < self.at) {
            *self = NextLook { at, reason };
        }
    }
}

impl Connections {
    /// When the scheduler must look again (see the module doc), at least a second from now;
    /// remembered as the plan.
    pub fn plan_next_look(&self) -> Result<NextLook, ServiceError> {
        let now = self.now();
        let mut next = NextLook {
            at: now.saturating_add(LONGEST_SLEEP),
            reason: Reason::Longest,
        };
        let keychain_ready = self.keychain_state() == KeychainState::Ready;
        if !keychain_ready || self.holds_unsaved() {
            next.sooner(Some(now + RETRY_EVERY), Reason::Keychain);
        }
        next.sooner(self.runtime.checks_at(), Reason::Checks);
        let ahead = |at: i64| (at > now).then_some(at);
        for record in self.index.load()? {
            if self.catalogue.get(&record.provider).is_none() {
                continue;
            }
            let live = self.runtime.live_of(record.id.as_str());
            let expiry = record.expiry_at(now);
            let refresh_at = lifetime::refresh_due_at(record.obtained_at, expiry);
            if keychain_ready && !record.reconnect_needed && !live.refreshing {
                match live.retry_at {
                    Some(at) => next.sooner(Some(at), Reason::Retry),
                    None => next.sooner(refresh_at, Reason::Refresh),
                }
            }
            // What the clock alone changes in the tray's look and in notifications.
            if let Expiry::At(at) = expiry {
                next.sooner(ahead(at - lifetime::EXPIRING_SOON), Reason::Words);
                next.sooner(ahead(at), Reason::Words);
                if record.no_refresh_token {
                    next.sooner(ahead(at - attention::EXPIRY_WARNING), Reason::Words);
                }
            }
            if !keychain_ready {
                // A locked keychain becomes a need once a refresh is due.
                next.sooner(refresh_at.and_then(ahead), Reason::Words);
            }
            let lasting = live
                .troubled_since
                .map(|since| since.saturating_add(attention::LASTING_PROBLEM));
            next.sooner(lasting.and_then(ahead), Reason::Words);
            next.sooner(attention::coarse_next_change(expiry, now), Reason::Words);
        }
        next.at = next.at.max(now + 1);
        self.runtime.plan(next.at);
        Ok(next)
    }

    /// The machine woke from suspend or the wall clock was set (the host heard it from the
    /// system): every plan made on the old clock is remade, as when a tick notices a gap.
    pub fn note_wake(&self) {
        log::info!("the machine woke or the clock was set: rechecking every connection");
        self.runtime.note_wake(self.now());
    }

    /// Notified when something a plan depends on changed in this process (a refresh began or
    /// ended, a failure, the keychain's state): a sleeping scheduler plans again.
    pub fn plan_changed(&self) -> &tokio::sync::Notify {
        &self.runtime.changed
    }

    /// The connection index's file: a host watches it to hear of changes made by other
    /// processes (a connection added in a shell, a refresh by `plugboard token`).
    pub fn index_path(&self) -> &std::path::Path {
        self.index.path()
    }
}

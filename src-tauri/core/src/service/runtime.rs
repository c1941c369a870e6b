/*!
The service's runtime state: what this process knows about its connections that is not stored
(a restart forgets it and simply retries at once) — which connection is refreshing, how often it
failed and when it retries, the keychain as last seen, the last scheduler tick (to notice a sleep),
when the identity checks are due, and one in-process flight per connection.

It sits at the bottom of the service: every other room reads and writes it through these few
methods, and it depends on nothing above it, so the rooms never import one another to share state.
*/

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use super::error::ServiceError;
use super::model::ConnectionView;
use crate::lifetime::{HealthInputs, KeychainState};

/// How many automatic refreshes run at once (a Refresh click or `plugboard token` never waits
/// for a turn).
pub const AUTOMATIC_REFRESHES_AT_ONCE: usize = 4;

/// Runtime state of one connection (not persisted: a restart retries at once).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Live {
    pub refreshing: bool,
    pub failures: u32,
    pub retry_at: Option<i64>,
    /// When the current run of temporary failures began (the first failure since a success).
    pub troubled_since: Option<i64>,
}

/// The outcome of one refresh, handed to every caller that waited for it.
pub(super) type SharedRefresh = Result<ConnectionView, Arc<ServiceError>>;

/// One connection's in-process flight: the last outcome, and whether it went to the provider.
pub(super) type Flight = tokio::sync::Mutex<Option<(SharedRefresh, bool)>>;

pub(super) struct Runtime {
    live: Mutex<HashMap<String, Live>>,
    keychain: Mutex<KeychainState>,
    /// The last scheduler tick, to notice that the machine slept.
    last_tick: Mutex<Option<i64>>,
    /// When the scheduler last planned to look again ([`super::plan`]): a tick well past it
    /// means the machine slept (a long planned sleep is not a gap).
    planned: Mutex<Option<i64>>,
    /// When the identity checks of signed-in connections are due (set by the first tick and by a
    /// wake, [`super::checks::CHECK_DELAY`] later); `None` once taken.
    checks_at: Mutex<Option<i64>>,
    /// Turns for automatic refreshes: after a long sleep every connection may be due at once,
    /// and a provider that rate-limits (HubSpot: 100 requests in 10 s) must not get them all.
    pub auto_refreshes: tokio::sync::Semaphore,
    /// A tick noticed a wake that nobody has taken yet (see [`Runtime::take_wake`]).
    woke: std::sync::atomic::AtomicBool,
    /// One lock per connection: at most one refresh in flight in this process.
    flights: Mutex<HashMap<String, Arc<Flight>>>,
    /// Notified when something a plan depends on changed here (a refresh began or ended, a
    /// failure, the keychain): a sleeping scheduler looks again.
    pub changed: tokio::sync::Notify,
}

/// A poisoned lock still holds usable state: a panic elsewhere must not stop every later call.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Default for Runtime {
    fn default() -> Self {
        Self {
            live: Mutex::default(),
            keychain: Mutex::new(KeychainState::Ready),
            last_tick: Mutex::default(),
            planned: Mutex::default(),
            checks_at: Mutex::default(),
            woke: Default::default(),
            auto_refreshes: tokio::sync::Semaphore::new(AUTOMATIC_REFRESHES_AT_ONCE),
            flights: Mutex::default(),
            changed: tokio::sync::Notify::new(),
        }
    }
}

impl Runtime {
    pub fn live_of(&self, id: &str) -> Live {
        lock(&self.live).get(id).copied().unwrap_or_default()
    }

    pub fn update(&self, id: &str, f: impl FnOnce(&mut Live)) {
        f(lock(&self.live).entry(id.to_string()).or_default());
        self.changed.notify_one();
    }

    /// The keychain as last seen by any operation.
    pub fn keychain(&self) -> KeychainState {
        *lock(&self.keychain)
    }

    pub fn note_keychain(&self, state: KeychainState) {
        if std::mem::replace(&mut *lock(&self.keychain), state) != state {
            self.changed.notify_one();
        }
    }

    /// Makes every pending retry due now (the machine woke, the keychain came back).
    pub fn retry_now(&self, now: i64) {
        for live in lock(&self.live).values_mut() {
            live.retry_at = live.retry_at.map(|_| now);
        }
    }

    /// Whether this process schedules refreshes (its scheduler has ticked): only then is a
    /// retry time its own promise, worth storing for other processes to show.
    pub fn schedules(&self) -> bool {
        lock(&self.last_tick).is_some()
    }

    /// Records a scheduler tick at `now`; `true` when it came well after the moment planned for it
    /// (or after the last tick, with no plan) — the machine slept or the clock stepped forward —
    /// or before the last tick (the clock was set back). Either way every plan made on the old
    /// clock is remade: identity checks are due again and pending retries come forward, so
    /// nothing waits hours on it.
    pub fn tick(&self, now: i64) -> bool {
        let woke = {
            let mut last = lock(&self.last_tick);
            let first = last.is_none();
            let expected = last.map(|t| lock(&self.planned).map_or(t, |p| p.max(t)));
            let woke = last.is_some_and(|t| t - now > crate::lifetime::CLOCK_STEP_BACK)
                || expected.is_some_and(|e| now - e > crate::lifetime::WAKE_GAP);
            *last = Some(now);
            if first {
                *lock(&self.checks_at) = Some(now.saturating_add(super::checks::CHECK_DELAY));
            }
            woke
        };
        if woke {
            self.note_wake(now);
        }
        woke
    }

    /// The machine woke or the wall clock was set (the scheduler's own tick noticed, or the
    /// system said so): identity checks are due again soon, pending retries come now.
    pub fn note_wake(&self, now: i64) {
        *lock(&self.checks_at) = Some(now.saturating_add(super::checks::CHECK_DELAY));
        self.woke.store(true, std::sync::atomic::Ordering::Relaxed);
        self.retry_now(now);
    }

    /// Remembers when the scheduler means to look again (see [`Runtime::tick`]).
    pub fn plan(&self, at: i64) {
        *lock(&self.planned) = Some(at);
    }

    /// When the identity checks are due, if they are still to come.
    pub fn checks_at(&self) -> Option<i64> {
        *lock(&self.checks_at)
    }

    /// Whether a tick noticed a wake since the last call; clears it.
    pub fn take_wake(&self) -> bool {
        self.woke.swap(false, std::sync::atomic::Ordering::Relaxed)
    }

    /// Whether the identity checks are due at `now` (once after start, once after each sleep,
    /// each time [`super::checks::CHECK_DELAY`] after it); clears it.
    pub fn take_checks_due(&self, now: i64) -> bool {
        let mut at = lock(&self.checks_at);
        if at.is_some_and(|t| now >= t) {
            *at = None;
            return true;
        }
        false
    }

    /// The in-process flight of connection `id`.
    pub fn flight(&self, id: &str) -> Arc<Flight> {
        lock(&self.flights)
            .entry(id.to_string())
            .or_default()
            .clone()
    }

    /// What the health of connection `id` depends on besides its stored record.
    pub fn inputs(&self, id: &str, reconnect_needed: bool) -> HealthInputs {
        let live = self.live_of(id);
        HealthInputs {
            keychain: self.keychain(),
            reconnect_needed,
            refreshing: live.refreshing,
            retry_at: live.retry_at,
        }
    }
}

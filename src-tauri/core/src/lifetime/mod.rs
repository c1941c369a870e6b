/*!
A token's life, as pure functions of stored absolute times and an injected clock: the countdown
text and milestones a person is shown ([`shown`]), the health a connection is in, when it should be refreshed, and how long to back off after a
failure. Nothing here sleeps or reads the system clock itself, so every rule is unit-tested with a
[`FakeClock`]; the service and the window's scheduler call these with [`SystemClock`].

Why recompute instead of arming timers: a timer armed for "in 25 minutes" is wrong after the laptop
sleeps for an hour. Everything here is recomputed from the wall clock and the stored `expires_at`
each time it is asked, so waking up shows the truth and triggers the refresh that is now due.
*/

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use serde::Serialize;

mod shown;
pub use shown::{
    countdown, countdown_in, milestone, next_change, time_left, time_left_in, Milestone,
};

/// Unix seconds from somewhere: the system clock in the app, a hand-set one in tests.
pub trait Clock: Send + Sync {
    fn now(&self) -> i64;
}

/// The wall clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or_default()
    }
}

/// Unix seconds now, by the wall clock.
pub fn unix_now() -> i64 {
    SystemClock.now()
}

/// A clock tests set and advance by hand. Clones share the same time.
#[derive(Debug, Clone, Default)]
pub struct FakeClock(Arc<AtomicI64>);

impl FakeClock {
    pub fn at(now: i64) -> Self {
        Self(Arc::new(AtomicI64::new(now)))
    }
    pub fn set(&self, now: i64) {
        self.0.store(now, Ordering::SeqCst);
    }
    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for FakeClock {
    fn now(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// When a connection's access stops working.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "at", rename_all = "snake_case")]
pub enum Expiry {
    /// Unix seconds.
    At(i64),
    /// Keys and permanent tokens (WhatConverts, Ecwid).
    Never,
    /// The provider did not say (`expires_in` missing on a token that does expire).
    Unknown,
}

impl Expiry {
    pub fn from_stored(expires_at: Option<i64>, never_expires: bool) -> Self {
        match (expires_at, never_expires) {
            (Some(at), _) => Expiry::At(at),
            (None, true) => Expiry::Never,
            (None, false) => Expiry::Unknown,
        }
    }

    /// Whether the token is good for more than `seconds` from `now` (one that does not expire, or
    /// whose expiry is unknown, is taken as good: there is nothing to refresh it ahead of).
    pub fn lasts_beyond(self, now: i64, seconds: i64) -> bool {
        self.seconds_left(now).is_none_or(|left| left > seconds)
    }

    /// Seconds left (negative once expired), for timed expiries.
    pub fn seconds_left(self, now: i64) -> Option<i64> {
        match self {
            Expiry::At(at) => Some(at.saturating_sub(now)),
            _ => None,
        }
    }
}

/// Under this many seconds left a connection reads "Expiring soon".
pub const EXPIRING_SOON: i64 = 300;
/// Under this many seconds left, copying offers "Refresh & copy".
pub const REFRESH_BEFORE_COPY: i64 = 120;

/// How far ahead of expiry to refresh: max(60 s, 10 % of the lifetime), but never more than half
/// the lifetime (a token that lives 5 s is refreshed after 3 s, not at once and forever).
pub fn refresh_lead(obtained_at: i64, expires_at: i64) -> i64 {
    let lifetime = expires_at.saturating_sub(obtained_at).max(0);
    (lifetime / 10).max(60).min(lifetime / 2)
}

/// [`refresh_lead`] in a person's words (Settings shows it; HubSpot's 30-minute tokens are its
/// example, checked by a test).
pub fn refresh_lead_explained() -> String {
    crate::i18n::t("countdown-refresh-lead", &[])
}

/// Whether a token obtained at `obtained_at` still lasts beyond what a caller asks for (`seconds`,
/// e.g. 60 for `plugboard token`), with the ask capped by [`refresh_lead`]: never more than half
/// its lifetime. A token that lives 5 s is fresh for 2.5 s after a refresh, so callers that waited
/// for that refresh use it rather than each refreshing again.
pub fn lasts_beyond_capped(obtained_at: i64, expiry: Expiry, now: i64, seconds: i64) -> bool {
    let ask = match expiry {
        Expiry::At(at) => seconds.min(refresh_lead(obtained_at, at)),
        _ => seconds,
    };
    expiry.lasts_beyond(now, ask)
}

/// A token obtained more than this many seconds "in the future" was obtained under a clock that
/// has since gone back (a clock set right after running ahead, a VM restored): its stored expiry
/// was computed on that clock and would stretch its life by the step.
pub const CLOCK_STEP: i64 = 60;

/// The expiry to act on at `now`: the stored one, unless the clock went back since the token was
/// obtained ([`CLOCK_STEP`]) — then it counts as expiring now, so it is refreshed before any use
/// and shown as due, never served past its real end. (A clock that went forward only makes a
/// token look older than it is: refreshed early, never late.)
pub fn trusted_expiry(obtained_at: i64, expiry: Expiry, now: i64) -> Expiry {
    match expiry {
        Expiry::At(at) if obtained_at > now.saturating_add(CLOCK_STEP) => Expiry::At(at.min(now)),
        other => other,
    }
}

/// When an automatic refresh is due; `None` for tokens that do not expire or whose expiry is
/// unknown (nothing to schedule against).
pub fn refresh_due_at(obtained_at: i64, expiry: Expiry) -> Option<i64> {
    match expiry {
        Expiry::At(at) => Some(at.saturating_sub(refresh_lead(obtained_at, at))),
        _ => None,
    }
}

/// Back-off after the `failures`-th consecutive temporary failure: 30 s doubling to at most
/// 15 min, with "equal jitter" (half fixed, half random; `jitter` in `[0, 1)`) so many clients do
/// not retry in step. A provider's `Retry-After` is a floor.
pub fn backoff(failures: u32, jitter: f64, retry_after: Option<u64>) -> i64 {
    let base = 30i64
        .saturating_mul(1 << failures.saturating_sub(1).min(10))
        .min(900);
    let jittered = base / 2 + ((base / 2) as f64 * jitter.clamp(0.0, 1.0)) as i64;
    jittered
        .max(retry_after.unwrap_or(0).min(86_400) as i64)
        .max(1)
}

/// Whether the scheduler should refresh now: never while the keychain is not ready, the grant is
/// dead or a refresh is running; at the retry time after a temporary problem; otherwise at
/// [`refresh_due_at`].
pub fn refresh_is_due(inputs: HealthInputs, obtained_at: i64, expiry: Expiry, now: i64) -> bool {
    if inputs.keychain != KeychainState::Ready || inputs.reconnect_needed || inputs.refreshing {
        return false;
    }
    match inputs.retry_at {
        Some(at) => now >= at,
        None => refresh_due_at(obtained_at, expiry).is_some_and(|due| now >= due),
    }
}

/// A gap this long between two scheduler ticks means the machine slept.
pub const WAKE_GAP: i64 = 30;

/// A scheduler tick this many seconds *before* the last one means the clock was set back.
pub const CLOCK_STEP_BACK: i64 = 5;

/// `unix` seconds as an RFC 3339 UTC timestamp (`2026-11-23T12:00:00Z`), for the command line's
/// JSON and text. Civil-from-days after Howard Hinnant's algorithm; valid for years 0–9999.
pub fn rfc3339(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// `unix` seconds as local time in RFC 3339 with the offset of the system's time zone then
/// ("2026-12-02T05:51:24+01:00"), for people reading a support report; UTC ("…Z") where the
/// time zone cannot be known.
pub fn local_rfc3339(unix: i64) -> String {
    let offset = local_offset(unix);
    if offset == 0 {
        return rfc3339(unix);
    }
    let shifted = rfc3339(unix + offset);
    let sign = if offset < 0 { '-' } else { '+' };
    let off = offset.abs();
    format!(
        "{}{sign}{:02}:{:02}",
        shifted.trim_end_matches('Z'),
        off / 3600,
        off % 3600 / 60
    )
}

/// The local time zone's offset from UTC at `unix`, in seconds (0 where it cannot be known).
fn local_offset(unix: i64) -> i64 {
    #[cfg(unix)]
    {
        let t = unix as libc::time_t;
        // SAFETY: localtime_r only writes the `tm` it is given; a zeroed `tm` is a valid value.
        unsafe {
            let mut tm: libc::tm = std::mem::zeroed();
            if libc::localtime_r(&t, &mut tm).is_null() {
                return 0;
            }
            tm.tm_gmtoff
        }
    }
    #[cfg(not(unix))]
    {
        let _ = unix;
        0
    }
}

/// Seconds since boot on a clock that steps of the wall clock never move and that keeps counting
/// through suspend (`CLOCK_BOOTTIME` on Linux). Elsewhere: time since this process's first call,
/// which may stop while the machine sleeps (callers do not rely on it there).
pub fn boot_seconds() -> i64 {
    #[cfg(target_os = "linux")]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_gettime writes only into `ts`, which lives for the call.
        if unsafe { libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut ts) } == 0 {
            return ts.tv_sec;
        }
    }
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs() as i64
}

/// Clock skew between a provider's `Date` header and `now`, in seconds (positive: the local clock
/// is behind). `None` when the header is missing or unreadable.
pub fn clock_skew(date_header: Option<&str>, now: i64) -> Option<i64> {
    let when = httpdate::parse_http_date(date_header?.trim()).ok()?;
    let provider = when.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs() as i64;
    Some(provider - now)
}

/// Skew above this many seconds is worth a warning: expiries would be off by that much.
pub const SKEW_WARNING: i64 = 60;

/// What a connection is doing, in the order a person needs to know it. Never shown by colour
/// alone: each has words ([`Health::label`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    Connected,
    ExpiringSoon,
    Refreshing,
    /// A network error or 5xx: tokens kept, retried at the connection's `retry_at`.
    TemporaryProblem,
    /// The grant is dead (`invalid_grant`): only a new sign-in helps.
    ReconnectNeeded,
    /// The index says the connection exists, but the keychain is locked.
    KeychainLocked,
    KeychainUnavailable,
}

impl Health {
    /// How much this status needs a person: what a card (or a tray) shows when its connections
    /// differ is the most urgent one.
    pub fn urgency(self) -> u8 {
        match self {
            Health::Connected => 0,
            Health::Refreshing => 1,
            Health::ExpiringSoon => 2,
            Health::TemporaryProblem => 3,
            Health::ReconnectNeeded => 4,
            Health::KeychainLocked => 5,
            Health::KeychainUnavailable => 6,
        }
    }

    /// The most urgent of `all`, `None` when there is none.
    pub fn worst(all: impl IntoIterator<Item = Health>) -> Option<Health> {
        all.into_iter().max_by_key(|h| h.urgency())
    }

    /// The health in the person's words ("Expiring soon"), as the tray says it too.
    pub fn label(self) -> String {
        self.label_in(&crate::i18n::current())
    }

    /// [`Self::label`] in the language of `m`.
    pub fn label_in(self, m: &crate::i18n::Messages) -> String {
        m.get(
            match self {
                Health::Connected => "health-connected",
                Health::ExpiringSoon => "health-expiring-soon",
                Health::Refreshing => "health-refreshing",
                Health::TemporaryProblem => "health-temporary-problem",
                Health::ReconnectNeeded => "health-reconnect-needed",
                Health::KeychainLocked => "health-keychain-locked",
                Health::KeychainUnavailable => "health-keychain-unavailable",
            },
            &[],
        )
    }
}

/// The keychain as last seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum KeychainState {
    #[default]
    Ready,
    Locked,
    Unavailable,
}

/// The inputs [`health`] decides from.
#[derive(Debug, Clone, Copy, Default)]
pub struct HealthInputs {
    pub keychain: KeychainState,
    pub reconnect_needed: bool,
    pub refreshing: bool,
    pub retry_at: Option<i64>,
}

/// One connection's health. The keychain comes first (nothing else can be known while it is
/// locked), then a dead grant, then work in progress, then the clock.
pub fn health(inputs: HealthInputs, expiry: Expiry, now: i64) -> Health {
    match inputs.keychain {
        KeychainState::Locked => return Health::KeychainLocked,
        KeychainState::Unavailable => return Health::KeychainUnavailable,
        KeychainState::Ready => {}
    }
    if inputs.reconnect_needed {
        Health::ReconnectNeeded
    } else if inputs.refreshing {
        Health::Refreshing
    } else if inputs.retry_at.is_some() {
        Health::TemporaryProblem
    } else if expiry.seconds_left(now).is_some_and(|l| l <= EXPIRING_SOON) {
        Health::ExpiringSoon
    } else {
        Health::Connected
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_matches_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_435_199), "2026-11-23T11:59:59Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59Z");
        // Agrees with httpdate (an independent implementation) over a spread of instants.
        for t in (0..4_000_000_000i64).step_by(86_399_999) {
            let http = httpdate::fmt_http_date(
                std::time::UNIX_EPOCH + std::time::Duration::from_secs(t as u64),
            );
            let parsed = httpdate::parse_http_date(&http).unwrap();
            let back = parsed
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs() as i64;
            assert_eq!(back, t);
            let ours = rfc3339(t);
            let day: u32 = ours[8..10].parse().unwrap();
            assert!(http.contains(&format!(" {day:02} ")), "{ours} vs {http}");
        }
    }

    #[test]
    fn local_times_carry_their_offset_and_name_the_same_instant() {
        let t = 1_795_435_199;
        let local = local_rfc3339(t);
        if local.ends_with('Z') {
            assert_eq!(local, rfc3339(t));
        } else {
            // "YYYY-MM-DDTHH:MM:SS±HH:MM": undo the offset and it is the UTC time.
            let (time, off) = local.split_at(19);
            let sign = if off.starts_with('-') { -1 } else { 1 };
            let secs = sign
                * (off[1..3].parse::<i64>().unwrap() * 3600
                    + off[4..6].parse::<i64>().unwrap() * 60);
            assert_eq!(format!("{}Z", time), rfc3339(t + secs));
        }
    }

    const T: i64 = 1_790_000_000;

    #[test]
    fn stored_expiry_distinguishes_never_from_unknown() {
        assert_eq!(Expiry::from_stored(Some(T), false), Expiry::At(T));
        assert_eq!(Expiry::from_stored(None, true), Expiry::Never);
        assert_eq!(Expiry::from_stored(None, false), Expiry::Unknown);
        assert_eq!(
            serde_json::to_value(Expiry::At(T)).unwrap(),
            serde_json::json!({"kind": "at", "at": T})
        );
    }

    #[test]
    fn the_explained_refresh_lead_matches_the_rule() {
        assert_eq!(refresh_lead(0, 1_800), 180);
        assert!(refresh_lead_explained().contains("30-minute tokens are refreshed 3 minutes"));
    }

    #[test]
    fn refreshes_are_scheduled_ahead_by_the_larger_of_a_minute_and_a_tenth() {
        // HubSpot: 30 min ⇒ 3 min ahead.
        assert_eq!(refresh_due_at(T, Expiry::At(T + 1_800)), Some(T + 1_620));
        // Hotmart-like 10 min ⇒ the 60 s floor.
        assert_eq!(refresh_due_at(T, Expiry::At(T + 600)), Some(T + 540));
        // A day ⇒ 2.4 h ahead.
        assert_eq!(
            refresh_due_at(T, Expiry::At(T + 86_400)),
            Some(T + 86_400 - 8_640)
        );
        // Shorter than two minutes: half the lifetime, so a fresh token is not refreshed at once.
        assert_eq!(refresh_due_at(T, Expiry::At(T + 5)), Some(T + 3));
        assert_eq!(refresh_due_at(T, Expiry::Never), None);
        assert_eq!(refresh_due_at(T, Expiry::Unknown), None);
    }

    #[test]
    fn a_scheduled_refresh_is_due_after_waking_from_sleep() {
        let clock = FakeClock::at(T);
        let due = refresh_due_at(T, Expiry::At(T + 1_800)).unwrap();
        assert!(clock.now() < due);
        clock.advance(4 * 3_600); // the lid was closed
        assert!(clock.now() >= due, "recomputed from the wall clock");
    }

    #[test]
    fn the_scheduler_refreshes_when_due_and_never_while_blocked() {
        let clock = FakeClock::at(T);
        let expiry = Expiry::At(T + 1_800);
        let idle = HealthInputs::default();
        assert!(!refresh_is_due(idle, T, expiry, clock.now()));
        clock.set(T + 1_619);
        assert!(!refresh_is_due(idle, T, expiry, clock.now()));
        clock.advance(1);
        assert!(refresh_is_due(idle, T, expiry, clock.now()));
        for blocked in [
            HealthInputs {
                refreshing: true,
                ..idle
            },
            HealthInputs {
                reconnect_needed: true,
                ..idle
            },
            HealthInputs {
                keychain: KeychainState::Locked,
                ..idle
            },
        ] {
            assert!(!refresh_is_due(blocked, T, expiry, clock.now()));
        }
        // After a temporary problem: at the retry time, whatever the expiry says.
        let retrying = HealthInputs {
            retry_at: Some(T + 2_000),
            ..idle
        };
        assert!(!refresh_is_due(retrying, T, expiry, clock.now()));
        clock.set(T + 2_000);
        assert!(refresh_is_due(retrying, T, expiry, clock.now()));
        assert!(!refresh_is_due(idle, T, Expiry::Never, clock.now()));
    }

    #[test]
    fn back_off_doubles_with_jitter_up_to_fifteen_minutes_and_honours_retry_after() {
        assert_eq!(backoff(1, 0.0, None), 15);
        assert_eq!(backoff(1, 0.999_999, None), 29);
        assert_eq!(backoff(2, 0.0, None), 30);
        assert_eq!(backoff(3, 0.5, None), 90);
        for n in 1..40 {
            for j in [0.0, 0.3, 0.99] {
                let b = backoff(n, j, None);
                assert!((1..=900).contains(&b), "{n} {j} {b}");
                assert!(b >= backoff(n.saturating_sub(1).max(1), j, None));
            }
        }
        assert_eq!(backoff(20, 0.0, None), 450);
        assert_eq!(backoff(1, 0.0, Some(120)), 120);
    }

    #[test]
    fn clock_skew_comes_from_the_date_header() {
        // Sun, 06 Nov 1994 08:49:37 GMT = 784111777
        let date = Some("Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(clock_skew(date, 784_111_777), Some(0));
        assert_eq!(clock_skew(date, 784_111_777 - 90), Some(90));
        assert_eq!(clock_skew(Some("yesterday"), 0), None);
        assert_eq!(clock_skew(None, 0), None);
    }

    #[test]
    fn health_puts_the_keychain_first_then_a_dead_grant_then_work_then_the_clock() {
        let soon = Expiry::At(T + 200);
        let later = Expiry::At(T + 2_000);
        let base = HealthInputs::default();
        assert_eq!(health(base, later, T), Health::Connected);
        assert_eq!(health(base, soon, T), Health::ExpiringSoon);
        assert_eq!(health(base, Expiry::Never, T), Health::Connected);
        let refreshing = HealthInputs {
            refreshing: true,
            ..base
        };
        assert_eq!(health(refreshing, soon, T), Health::Refreshing);
        let retrying = HealthInputs {
            retry_at: Some(T + 30),
            ..base
        };
        assert_eq!(health(retrying, soon, T), Health::TemporaryProblem);
        let dead = HealthInputs {
            reconnect_needed: true,
            refreshing: true,
            ..base
        };
        assert_eq!(health(dead, later, T), Health::ReconnectNeeded);
        let locked = HealthInputs {
            keychain: KeychainState::Locked,
            reconnect_needed: true,
            ..base
        };
        assert_eq!(health(locked, later, T), Health::KeychainLocked);
        assert_eq!(Health::KeychainLocked.label(), "Keychain locked");
        let unavailable = HealthInputs {
            keychain: KeychainState::Unavailable,
            ..base
        };
        assert_eq!(health(unavailable, later, T), Health::KeychainUnavailable);
    }

    #[test]
    fn a_callers_ask_is_capped_at_half_a_short_tokens_life() {
        // A 5 s token just refreshed is fresh for `plugboard token` (which asks for 60 s).
        assert!(lasts_beyond_capped(100, Expiry::At(105), 100, 60));
        assert!(!lasts_beyond_capped(100, Expiry::At(105), 103, 60));
        // 90 s token with 55 s left: fresh (the cap is 45 s).
        assert!(lasts_beyond_capped(0, Expiry::At(90), 35, 60));
        // A 30-minute token: the ask is the caller's own.
        assert!(!lasts_beyond_capped(0, Expiry::At(1800), 1745, 60));
        assert!(lasts_beyond_capped(0, Expiry::At(1800), 1730, 60));
        assert!(lasts_beyond_capped(0, Expiry::Never, 1_000_000, 60));
        // Stored times at the ends of the range never overflow.
        let _ = lasts_beyond_capped(i64::MIN, Expiry::At(i64::MAX), i64::MIN, 60);
        let _ = countdown(Expiry::At(i64::MAX), i64::MIN);
        let _ = refresh_due_at(i64::MIN, Expiry::At(i64::MAX));
        let _ = milestone(Expiry::At(i64::MIN), i64::MAX);
    }
}

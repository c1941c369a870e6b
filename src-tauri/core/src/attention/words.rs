//! What the tray and notifications say about connections, in the person's language: a
//! need's notification, several needs as one, the tray's headline and lines, coarse countdowns.
//! Words only; the rules that decide are in the parent module.

use crate::connection::ConnectionId;
use crate::i18n::{Arg, Messages};
use crate::lifetime::{Expiry, Health};

use super::{Need, Subject, LASTING_PROBLEM};

/// What a connection is called in a text: the person's name for it, else its account.
fn called(s: &Subject) -> &str {
    s.name.as_deref().unwrap_or(&s.account)
}

/// "HubSpot (ana@example.com)", "HubSpot (Client A — store)", or the provider alone when
/// nothing names the account.
fn who(m: &Messages, s: &Subject) -> String {
    if called(s).trim().is_empty() {
        s.provider.clone()
    } else {
        m.get(
            "who",
            &[
                ("provider", s.provider.as_str().into()),
                ("account", called(s).into()),
            ],
        )
    }
}

/// Whole minutes, rounded up.
fn minutes(seconds: i64) -> i64 {
    (seconds.max(0) + 59) / 60
}

/// A health in the person's language.
pub fn health_words(m: &Messages, h: Health) -> String {
    h.label_in(m)
}

/// An expiry coarse enough for a menu that is redrawn once a minute: "expires in 24 min",
/// "expires in 5 h", "expires in 3 d", "expired", "does not expire". Counted from the start of the
/// wall-clock minute, as the page's countdowns are, so that every line changes on the same
/// minute ([`coarse_next_change`]) and a tray of many connections is redrawn once a minute at
/// most; "expired" is said from the second it is true.
pub fn coarse_countdown(m: &Messages, expiry: Expiry, now: i64) -> String {
    let at = match expiry {
        Expiry::Never => return m.get("expiry-never", &[]),
        Expiry::Unknown => return m.get("expiry-unknown", &[]),
        Expiry::At(at) => at,
    };
    if at <= now {
        return m.get("expiry-expired", &[]);
    }
    let left = at - minute_of(now);
    // Whole minutes, as the page counts them ("in 25 min" for 25:00–25:59), and never "0 min".
    let (id, n) = if left < 3_600 {
        ("expiry-minutes", (left / 60).max(1))
    } else if left < 86_400 {
        ("expiry-hours", left / 3_600)
    } else {
        ("expiry-days", left / 86_400)
    };
    m.get(id, &[("n", n.into())])
}

/// The start of the wall-clock minute `now` is in.
fn minute_of(now: i64) -> i64 {
    now - now.rem_euclid(60)
}

/// When [`coarse_countdown`]'s words for `expiry` next change by the clock alone (unix seconds):
/// the start of a wall-clock minute, or the moment it expires. The scheduler of a window hidden
/// in the tray wakes then to redraw the menu, and not before. `None` when only an event can
/// change them (no expiry, or already expired).
pub fn coarse_next_change(expiry: Expiry, now: i64) -> Option<i64> {
    let Expiry::At(at) = expiry else {
        return None;
    };
    if at <= now {
        return None;
    }
    let left = at - minute_of(now);
    // The words hold while the time left, counted from the minute's start, stays above this.
    let next_left = if left < 120 {
        // "in 1 min" until it expires.
        0
    } else if left < 3_600 {
        // "in m min" with m = floor(left / 60): m - 1 from left = 60 m - 1.
        (left / 60) * 60 - 1
    } else if left < 86_400 {
        // "in h h" with h = floor(left / 3600): h - 1 (or minutes) from left = 3600 h - 1.
        (left / 3_600) * 3_600 - 1
    } else {
        (left / 86_400) * 86_400 - 1
    };
    // The first minute whose start leaves no more than that; "expired" at the second itself.
    let from = at - next_left;
    let minute = from + (60 - from.rem_euclid(60)) % 60;
    Some(minute.min(at))
}

/// A notification: what the desktop shows, and the connection a click opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub title: String,
    pub body: String,
    /// The same news as said inside the window, where "open Plugboard" makes no sense: what to
    /// do there (the row's Reconnect).
    pub page: String,
    pub target: Option<ConnectionId>,
}

impl Message {
    /// A notification whose words need no other version for the page.
    pub fn new(title: String, body: String, target: Option<ConnectionId>) -> Self {
        Self {
            page: body.clone(),
            title,
            body,
            target,
        }
    }
}

/// The notification for one connection's need, naming the provider and account and saying what to
/// do, in the person's language. Never a token: it is built from names and times only.
pub fn message(m: &Messages, s: &Subject, need: Need, now: i64) -> Message {
    let who = who(m, s);
    let mut args: Vec<(&str, Arg)> = vec![
        ("provider", s.provider.as_str().into()),
        ("who", who.into()),
    ];
    let (title, body) = match need {
        Need::Reconnect if s.cause == Some(crate::index::Cause::ItemGone) => {
            ("need-reconnect-title", "need-item-gone-body")
        }
        Need::Reconnect => ("need-reconnect-title", "need-reconnect-body"),
        Need::KeychainLocked => ("need-keychain-title", "need-keychain-body"),
        Need::ExpiresUnrenewable => match s.expiry.seconds_left(now) {
            Some(left) if left > 0 => {
                args.push(("left", minutes(left).into()));
                ("need-expires-title", "need-expires-body")
            }
            _ => ("need-expired-title", "need-expired-body"),
        },
        Need::LastingProblem => {
            let lasted = s
                .troubled_since
                .map(|since| now - since)
                .unwrap_or(LASTING_PROBLEM);
            args.push(("lasted", minutes(lasted).into()));
            ("need-problem-title", "need-problem-body")
        }
    };
    // The page's words where they differ (a `-page` message), else the notification's.
    let page = body.strip_suffix("-body").map(|id| format!("{id}-page"));
    Message {
        title: m.get(title, &args),
        body: m.get(body, &args),
        page: page
            .and_then(|id| m.find(&id, &args))
            .unwrap_or_else(|| m.get(body, &args)),
        target: Some(s.id.clone()),
    }
}

/// One line of a grouped notification: "HubSpot (ana@example.com): reconnect needed".
fn short(m: &Messages, s: &Subject, need: Need) -> String {
    let id = match need {
        Need::Reconnect => "group-reconnect",
        Need::KeychainLocked => "group-keychain",
        Need::ExpiresUnrenewable => "group-expires",
        Need::LastingProblem => "group-problem",
    };
    m.get(id, &[("who", who(m, s).into())])
}

/// The one notification for needs found together: the connection's own message for one, a
/// grouped one for several ("3 connections need you"), whose click opens the first.
pub fn compose(m: &Messages, new: &[(&Subject, Need)], now: i64) -> Option<Message> {
    match new {
        [] => None,
        [(s, need)] => Some(message(m, s, *need, now)),
        many => {
            const SHOWN: usize = 4;
            let mut lines: Vec<String> = many
                .iter()
                .take(SHOWN)
                .map(|(s, need)| short(m, s, *need))
                .collect();
            if many.len() > SHOWN {
                lines.push(m.get("group-more", &[("count", (many.len() - SHOWN).into())]));
            }
            let page = [lines.as_slice(), &[m.get("group-see-rows", &[])]].concat();
            lines.push(m.get("group-open", &[]));
            Some(Message {
                title: m.get("group-title", &[("count", many.len().into())]),
                body: lines.join("\n"),
                page: page.join("\n"),
                target: Some(many[0].0.id.clone()),
            })
        }
    }
}

/// What the tray shows: the worst status, a headline, and one line per connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraySummary {
    /// The most urgent health (`None`: no connections).
    pub worst: Option<Health>,
    /// "All 3 connections are working", "2 connections need you", "No connections yet".
    pub headline: String,
    /// One line per connection, the most urgent first, at most [`TRAY_LINES`]: "HubSpot ·
    /// ana@example.com — Connected, expires in 24 min".
    pub lines: Vec<(ConnectionId, String)>,
    /// Connections beyond those lines (the window lists them all).
    pub more: usize,
    /// How many connections need the person now (a need told, or a state only they can mend).
    pub needing: usize,
}

/// Whether `s` needs the person now: a need told, or a state only they can mend (what the tray's
/// headline and the window's line at the top count).
pub fn needs_person(s: &Subject) -> bool {
    s.need.is_some()
        || matches!(
            s.health,
            Health::ReconnectNeeded | Health::KeychainLocked | Health::KeychainUnavailable
        )
}

/// How many connections the tray's menu lists; the rest are in the window.
pub const TRAY_LINES: usize = 10;

/// The tray's summary of `subjects` at `now`, in the person's language.
pub fn tray_summary(m: &Messages, subjects: &[Subject], now: i64) -> TraySummary {
    let worst = Health::worst(subjects.iter().map(|s| s.health));
    // What needs the person now: what notifications tell, and the states only they can mend.
    let needing = subjects.iter().filter(|s| needs_person(s)).count();
    let headline = match (subjects.len(), needing) {
        (0, _) => m.get("tray-no-connections", &[]),
        (_, n) if n > 0 => m.get("tray-needs-you", &[("count", n.into())]),
        (n, _) => m.get("tray-all-working", &[("count", n.into())]),
    };
    // The most urgent first (a stable sort: otherwise in the window's order).
    let mut ordered: Vec<&Subject> = subjects.iter().collect();
    ordered.sort_by_key(|s| std::cmp::Reverse((s.need.is_some(), s.health.urgency())));
    let more = ordered.len().saturating_sub(TRAY_LINES);
    let lines = ordered
        .into_iter()
        .take(TRAY_LINES)
        .map(|s| {
            let mut args: Vec<(&str, Arg)> = vec![
                ("provider", s.provider.as_str().into()),
                ("who", called(s).into()),
                ("status", health_words(m, s.health).into()),
            ];
            let id = match s.health {
                Health::Connected | Health::ExpiringSoon | Health::Refreshing => {
                    args.push(("expiry", coarse_countdown(m, s.expiry, now).into()));
                    "tray-line-expiry"
                }
                _ => "tray-line",
            };
            (s.id.clone(), m.get(id, &args))
        })
        .collect();
    TraySummary {
        worst,
        headline,
        lines,
        more,
        needing,
    }
}

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
*/

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;
use crate::i18n::{Arg, Messages};
use crate::lifetime::{Expiry, Health};

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
    m.get(
        match h {
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

/// An expiry coarse enough for a menu that is redrawn once a minute: "expires in 24 min",
/// "expires in 5 h", "expires in 3 d", "expired", "does not expire".
pub fn coarse_countdown(m: &Messages, expiry: Expiry, now: i64) -> String {
    let left = match expiry {
        Expiry::Never => return m.get("expiry-never", &[]),
        Expiry::Unknown => return m.get("expiry-unknown", &[]),
        Expiry::At(at) => at - now,
    };
    let (id, n) = if left <= 0 {
        return m.get("expiry-expired", &[]);
    } else if left < 3_600 {
        ("expiry-minutes", (left + 59) / 60)
    } else if left < 86_400 {
        ("expiry-hours", left / 3_600)
    } else {
        ("expiry-days", left / 86_400)
    };
    m.get(id, &[("n", n.into())])
}

/// A notification: what the desktop shows, and the connection a click opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub title: String,
    pub body: String,
    pub target: Option<ConnectionId>,
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
    Message {
        title: m.get(title, &args),
        body: m.get(body, &args),
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
            lines.push(m.get("group-open", &[]));
            Some(Message {
                title: m.get("group-title", &[("count", many.len().into())]),
                body: lines.join("\n"),
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
}

/// How many connections the tray's menu lists; the rest are in the window.
pub const TRAY_LINES: usize = 10;

/// The tray's summary of `subjects` at `now`, in the person's language.
pub fn tray_summary(m: &Messages, subjects: &[Subject], now: i64) -> TraySummary {
    let worst = Health::worst(subjects.iter().map(|s| s.health));
    // What needs the person now: what notifications tell, and the states only they can mend.
    let needing = subjects
        .iter()
        .filter(|s| {
            s.need.is_some()
                || matches!(
                    s.health,
                    Health::ReconnectNeeded | Health::KeychainLocked | Health::KeychainUnavailable
                )
        })
        .count();
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
    }
}

/// What each connection was last told, kept in a file so a restart does not tell it again.
pub struct Watch {
    path: Option<PathBuf>,
    told: BTreeMap<String, Need>,
}

impl Watch {
    /// A watch that remembers only in memory (tests, or when no folder is known).
    pub fn in_memory() -> Self {
        Self {
            path: None,
            told: BTreeMap::new(),
        }
    }

    /// The watch kept in `<data_dir>/notified.json` (an unreadable file is set aside, as every
    /// Plugboard file is, and nothing is taken as told).
    pub fn open(data_dir: &Path) -> Self {
        let path = data_dir.join("notified.json");
        let why = match crate::files::read_text(&path) {
            Ok(None) => None,
            Ok(Some(text)) => match serde_json::from_str::<BTreeMap<String, Need>>(&text) {
                Ok(told) => {
                    return Self {
                        path: Some(path),
                        told,
                    }
                }
                Err(e) => Some(format!("it is not a list of notifications: {e}")),
            },
            Err(e) => Some(e.to_string()),
        };
        if let Some(why) = why {
            if let Err(e) = crate::files::set_aside(
                &path,
                "the list of notifications already shown (notified.json)",
                &why,
                crate::lifetime::unix_now(),
            ) {
                log::warn!("could not set notified.json aside: {e}");
            }
        }
        Self {
            path: Some(path),
            told: BTreeMap::new(),
        }
    }

    /// The needs in `subjects` not told yet, in their order; remembers them as told. Connections
    /// that need nothing now (or are gone) are forgotten, so a later need is told again — but not
    /// while they are refreshing (a retry or a Refresh click is not a recovery). A locked
    /// keychain is told once for all the connections it blocks, not once each as their
    /// refreshes fall due.
    pub fn review<'a>(&mut self, subjects: &'a [Subject]) -> Vec<(&'a Subject, Need)> {
        let before = self.told.clone();
        self.told.retain(|id, _| {
            subjects.iter().any(|s| {
                s.id.as_str() == id && (s.need.is_some() || s.health == Health::Refreshing)
            })
        });
        let keychain_told = self.told.values().any(|n| *n == Need::KeychainLocked);
        let mut new = Vec::new();
        for s in subjects {
            if let Some(need) = s.need {
                let fresh = self.told.insert(s.id.to_string(), need) != Some(need);
                if fresh && !(need == Need::KeychainLocked && keychain_told) {
                    new.push((s, need));
                }
            }
        }
        if self.told != before {
            self.save();
        }
        new
    }

    fn save(&self) {
        let Some(path) = &self.path else {
            return;
        };
        let body = serde_json::to_vec_pretty(&self.told).unwrap_or_default();
        if let Err(e) = crate::files::write_private(path, &body) {
            log::warn!("could not save {}: {e}", path.display());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_000;

    fn en() -> Messages {
        Messages::english()
    }

    fn inputs(health: Health) -> NeedInputs {
        NeedInputs {
            health,
            expiry: Expiry::At(NOW + 1_800),
            refresh_due: false,
            no_refresh_token: false,
            troubled_since: None,
        }
    }

    fn subject(id: &str, provider: &str, account: &str, need: Option<Need>) -> Subject {
        Subject {
            id: ConnectionId::parse(id).unwrap(),
            provider: provider.into(),
            account: account.into(),
            name: None,
            health: if need.is_some() {
                Health::ReconnectNeeded
            } else {
                Health::Connected
            },
            expiry: Expiry::At(NOW + 1_500),
            troubled_since: None,
            need,
        }
    }

    #[test]
    fn routine_states_need_nobody() {
        for health in [
            Health::Connected,
            Health::ExpiringSoon,
            Health::Refreshing,
            Health::TemporaryProblem,
            Health::KeychainLocked,
        ] {
            assert_eq!(need(inputs(health), NOW), None, "{health:?}");
        }
    }

    #[test]
    fn each_need_has_its_rule() {
        assert_eq!(
            need(inputs(Health::ReconnectNeeded), NOW),
            Some(Need::Reconnect)
        );
        // A locked keychain needs the person once it blocks a refresh that is due.
        let locked = NeedInputs {
            refresh_due: true,
            ..inputs(Health::KeychainLocked)
        };
        assert_eq!(need(locked, NOW), Some(Need::KeychainLocked));
        // A temporary problem, once it has lasted 15 minutes.
        let troubled = |since| NeedInputs {
            troubled_since: Some(since),
            ..inputs(Health::TemporaryProblem)
        };
        assert_eq!(need(troubled(NOW - LASTING_PROBLEM + 1), NOW), None);
        assert_eq!(
            need(troubled(NOW - LASTING_PROBLEM), NOW),
            Some(Need::LastingProblem)
        );
        let retrying = NeedInputs {
            health: Health::Refreshing,
            ..troubled(NOW - LASTING_PROBLEM)
        };
        assert_eq!(
            need(retrying, NOW),
            Some(Need::LastingProblem),
            "while it retries"
        );
        // A token with no refresh token, within the hour (and after it expired).
        let unrenewable = |left| NeedInputs {
            no_refresh_token: true,
            expiry: Expiry::At(NOW + left),
            ..inputs(Health::Connected)
        };
        assert_eq!(need(unrenewable(EXPIRY_WARNING + 1), NOW), None);
        assert_eq!(
            need(unrenewable(EXPIRY_WARNING), NOW),
            Some(Need::ExpiresUnrenewable)
        );
        assert_eq!(need(unrenewable(-10), NOW), Some(Need::ExpiresUnrenewable));
        let never = NeedInputs {
            no_refresh_token: true,
            expiry: Expiry::Never,
            ..inputs(Health::Connected)
        };
        assert_eq!(need(never, NOW), None, "a token that never expires");
    }

    #[test]
    fn each_need_is_told_once_until_it_changes_or_clears() {
        let mut watch = Watch::in_memory();
        let broken = [subject(
            "hubspot-1",
            "HubSpot",
            "ana@example.com",
            Some(Need::Reconnect),
        )];
        assert_eq!(watch.review(&broken).len(), 1);
        assert!(watch.review(&broken).is_empty(), "told once");
        // A new need for the same connection is told again.
        let locked = [subject(
            "hubspot-1",
            "HubSpot",
            "ana@example.com",
            Some(Need::KeychainLocked),
        )];
        assert_eq!(watch.review(&locked)[0].1, Need::KeychainLocked);
        // Recovered, then broken again: told again.
        assert!(watch
            .review(&[subject("hubspot-1", "HubSpot", "ana@example.com", None)])
            .is_empty());
        assert_eq!(watch.review(&broken).len(), 1);
    }

    #[test]
    fn a_retry_is_not_a_recovery_and_a_locked_keychain_is_told_once() {
        let mut watch = Watch::in_memory();
        let lasting = Subject {
            health: Health::TemporaryProblem,
            ..subject(
                "hubspot-1",
                "HubSpot",
                "ana@example.com",
                Some(Need::LastingProblem),
            )
        };
        assert_eq!(watch.review(std::slice::from_ref(&lasting)).len(), 1);
        // The retry runs (Refreshing, here with no need of its own), then fails again.
        let retrying = Subject {
            health: Health::Refreshing,
            need: None,
            ..lasting.clone()
        };
        assert!(watch.review(&[retrying]).is_empty());
        assert!(
            watch.review(std::slice::from_ref(&lasting)).is_empty(),
            "not told again"
        );
        // The keychain locks: the first blocked refresh tells it, the next ones do not.
        let locked = |id: &str| Subject {
            health: Health::KeychainLocked,
            ..subject(id, "HubSpot", "ana@example.com", Some(Need::KeychainLocked))
        };
        assert_eq!(watch.review(&[locked("hubspot-1")]).len(), 1);
        assert!(watch
            .review(&[locked("hubspot-1"), locked("hubspot-2")])
            .is_empty());
        // Unlocked and fine, then locked again later: told again.
        assert!(watch
            .review(&[subject("hubspot-1", "HubSpot", "a", None)])
            .is_empty());
        assert_eq!(watch.review(&[locked("hubspot-2")]).len(), 1);
    }

    #[test]
    fn what_was_told_survives_a_restart() {
        let dir = std::env::temp_dir().join(format!("plugboard-watch-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let broken = [subject(
            "hubspot-1",
            "HubSpot",
            "ana@example.com",
            Some(Need::Reconnect),
        )];
        assert_eq!(Watch::open(&dir).review(&broken).len(), 1);
        assert!(Watch::open(&dir).review(&broken).is_empty());
        std::fs::write(dir.join("notified.json"), "{not json").unwrap();
        assert_eq!(
            Watch::open(&dir).review(&broken).len(),
            1,
            "an unreadable file is set aside; nothing counts as told"
        );

        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn messages_name_provider_and_account_and_say_what_to_do() {
        let s = Subject {
            troubled_since: Some(NOW - 1_200),
            ..subject("hubspot-1", "HubSpot", "ana@example.com", None)
        };
        for need in [
            Need::Reconnect,
            Need::KeychainLocked,
            Need::ExpiresUnrenewable,
            Need::LastingProblem,
        ] {
            let m = message(&en(), &s, need, NOW);
            assert!(m.body.contains("HubSpot (ana@example.com)"), "{m:?}");
            assert!(
                m.body.contains("Open Plugboard")
                    || m.body.contains("Unlock")
                    || m.body.contains("check your internet"),
                "{m:?}"
            );
            assert_eq!(m.target.as_ref().unwrap().as_str(), "hubspot-1");
        }
        assert_eq!(
            message(&en(), &s, Need::ExpiresUnrenewable, NOW).title,
            "HubSpot access expires in 25 minutes"
        );
        assert!(message(&en(), &s, Need::LastingProblem, NOW)
            .body
            .contains("for 20 minutes"));
    }

    #[test]
    fn needs_found_together_make_one_notification() {
        let subjects = [
            subject(
                "hubspot-1",
                "HubSpot",
                "ana@example.com",
                Some(Need::Reconnect),
            ),
            subject("ecwid-2", "Ecwid", "store 1003", Some(Need::Reconnect)),
            subject("hotmart-3", "Hotmart", "Production", Some(Need::Reconnect)),
        ];
        let mut watch = Watch::in_memory();
        let new = watch.review(&subjects);
        let m = compose(&en(), &new, NOW).unwrap();
        assert_eq!(m.title, "3 connections need you");
        // A connection's name stands for its account.
        let named = Subject {
            name: Some("Client A — store".into()),
            ..subjects[0].clone()
        };
        assert!(message(&en(), &named, Need::Reconnect, NOW)
            .body
            .contains("HubSpot (Client A — store)"));
        assert_eq!(
            tray_summary(&en(), &[named], NOW).lines[0].1,
            "HubSpot · Client A — store — Reconnect needed"
        );
        assert!(m
            .body
            .contains("HubSpot (ana@example.com): reconnect needed"));
        assert!(m.body.contains("Ecwid (store 1003)"));
        assert_eq!(m.target.unwrap().as_str(), "hubspot-1");
        assert_eq!(compose(&en(), &[], NOW), None);
    }

    #[test]
    fn the_tray_shows_the_worst_and_a_line_each() {
        assert_eq!(tray_summary(&en(), &[], NOW).headline, "No connections yet");
        let fine = subject("hubspot-1", "HubSpot", "ana@example.com", None);
        let summary = tray_summary(&en(), std::slice::from_ref(&fine), NOW);
        assert_eq!(summary.headline, "Your connection is working");
        assert_eq!(summary.worst, Some(Health::Connected));
        assert_eq!(
            summary.lines[0].1,
            "HubSpot · ana@example.com — Connected, expires in 25 min"
        );
        let broken = subject("ecwid-2", "Ecwid", "store 1003", Some(Need::Reconnect));
        let summary = tray_summary(&en(), &[fine.clone(), broken], NOW);
        assert_eq!(summary.headline, "1 connection needs you");
        assert_eq!(summary.worst, Some(Health::ReconnectNeeded));
        assert_eq!(
            summary.lines[0].1, "Ecwid · store 1003 — Reconnect needed",
            "the one that needs you first"
        );
        assert_eq!(summary.more, 0);
        // A long list: the first ten in the menu, the rest counted.
        let many: Vec<Subject> = (0..25)
            .map(|n| Subject {
                id: ConnectionId::parse(&format!("hubspot-{n}")).unwrap(),
                ..fine.clone()
            })
            .collect();
        let summary = tray_summary(&en(), &many, NOW);
        assert_eq!(summary.lines.len(), TRAY_LINES);
        assert_eq!(summary.more, 15);
        assert_eq!(summary.headline, "All 25 connections are working");
    }

    #[test]
    fn coarse_countdowns_change_at_most_once_a_minute() {
        assert_eq!(
            coarse_countdown(&en(), Expiry::At(NOW + 61), NOW),
            "expires in 2 min"
        );
        assert_eq!(
            coarse_countdown(&en(), Expiry::At(NOW + 7_300), NOW),
            "expires in 2 h"
        );
        assert_eq!(
            coarse_countdown(&en(), Expiry::At(NOW + 172_900), NOW),
            "expires in 2 d"
        );
        assert_eq!(coarse_countdown(&en(), Expiry::At(NOW), NOW), "expired");
        assert_eq!(
            coarse_countdown(&en(), Expiry::Never, NOW),
            "does not expire"
        );
    }

    #[test]
    fn in_the_pseudo_locale_no_english_word_is_left_hard_coded() {
        // Every word the tray and notifications show comes from the catalogue: under the
        // pseudo-locale each is transformed, so an ASCII English word left is one written in code.
        let m = Messages::for_locale(crate::i18n::PSEUDO);
        let s = Subject {
            troubled_since: Some(NOW - 1_200),
            health: Health::Connected,
            ..subject("hubspot-1", "HubSpot", "ana@example.com", None)
        };
        let mut texts = Vec::new();
        for need in [
            Need::Reconnect,
            Need::KeychainLocked,
            Need::ExpiresUnrenewable,
            Need::LastingProblem,
        ] {
            let msg = message(&m, &s, need, NOW);
            texts.extend([msg.title, msg.body]);
        }
        let pairs = [(&s, Need::Reconnect), (&s, Need::LastingProblem)];
        texts.push(compose(&m, &pairs, NOW).unwrap().body);
        let summary = tray_summary(&m, std::slice::from_ref(&s), NOW);
        texts.push(summary.headline);
        texts.extend(summary.lines.into_iter().map(|(_, l)| l));
        texts.push(tray_summary(&m, &[], NOW).headline);
        let data = ["HubSpot", "ana", "example", "com"];
        for text in &texts {
            for word in text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
            {
                assert!(data.contains(&word), "hard-coded “{word}” in: {text}");
            }
        }
        // Portuguese, for Hotmart's sellers.
        let pt = Messages::for_locale("pt_BR.UTF-8");
        let msg = message(&pt, &s, Need::Reconnect, NOW);
        assert_eq!(msg.title, "HubSpot precisa que você reconecte");
        assert_eq!(
            tray_summary(&pt, &[s], NOW).lines[0].1,
            "HubSpot · ana@example.com — Conectado, expira em 25 min"
        );
    }
}

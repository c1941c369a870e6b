//! The rules of what needs a person, what it is told and how the tray sums it up.

use super::*;
use crate::i18n::Messages;

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
        cause: None,
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
    assert_eq!(summary.needing, 1, "what the tray's red badge follows");
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
    // Whole minutes from the minute's start, as the page counts (NOW is 20 s into a minute).
    assert_eq!(
        coarse_countdown(&en(), Expiry::At(NOW + 61), NOW),
        "expires in 1 min"
    );
    assert_eq!(
        coarse_countdown(&en(), Expiry::At(NOW + 100), NOW),
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
    assert_eq!(msg.title, "O HubSpot precisa que você reconecte");
    assert_eq!(
        tray_summary(&pt, &[s], NOW).lines[0].1,
        "HubSpot · ana@example.com — Conectada, expira em 25 min"
    );
}

#[test]
fn a_need_that_ends_or_changes_is_reported_ended_so_what_was_said_is_taken_back() {
    let mut watch = Watch::in_memory();
    let broken = [subject(
        "hubspot-1",
        "HubSpot",
        "ana@example.com",
        Some(Need::Reconnect),
    )];
    let (new, ended) = watch.review_ending(&broken);
    assert_eq!((new.len(), ended.len()), (1, 0));
    // It became another need: the first is no longer true.
    let locked = [subject(
        "hubspot-1",
        "HubSpot",
        "ana@example.com",
        Some(Need::KeychainLocked),
    )];
    let (new, ended) = watch.review_ending(&locked);
    assert_eq!((new.len(), ended), (1, vec!["hubspot-1".to_string()]));
    // Recovered: ended, nothing new.
    let fine = [subject("hubspot-1", "HubSpot", "ana@example.com", None)];
    let (new, ended) = watch.review_ending(&fine);
    assert_eq!((new.len(), ended), (0, vec!["hubspot-1".to_string()]));
    assert_eq!(watch.review_ending(&fine).1, Vec::<String>::new());
}

#[test]
fn a_lost_keychain_item_is_told_as_that_and_the_page_is_not_told_to_open_plugboard() {
    let mut s = subject(
        "hubspot-1",
        "HubSpot",
        "ana@example.com",
        Some(Need::Reconnect),
    );
    let refused = message(&en(), &s, Need::Reconnect, NOW);
    assert!(
        refused.body.contains("no longer accepts"),
        "{}",
        refused.body
    );
    s.cause = Some(crate::index::Cause::ItemGone);
    let gone = message(&en(), &s, Need::Reconnect, NOW);
    for text in [&gone.body, &gone.page] {
        assert!(text.contains("gone from your keychain"), "{text}");
        assert!(!text.contains("no longer accepts"), "one cause: {text}");
    }
    assert!(gone.body.contains("Open Plugboard"));
    for m in [refused, gone] {
        assert!(!m.page.contains("Open Plugboard"), "{}", m.page);
        assert!(m.page.contains("Reconnect"), "{}", m.page);
    }
    let two = [
        subject(
            "hubspot-1",
            "HubSpot",
            "ana@example.com",
            Some(Need::Reconnect),
        ),
        subject("ecwid-1", "Ecwid", "Store 1003", Some(Need::Reconnect)),
    ];
    let told: Vec<_> = two.iter().map(|s| (s, Need::Reconnect)).collect();
    let group = compose(&en(), &told, NOW).unwrap();
    assert!(group.body.contains("Open Plugboard"));
    assert!(!group.page.contains("Open Plugboard"), "{}", group.page);
}

#[test]
fn the_coarse_countdowns_next_change_is_the_moment_its_words_change() {
    // Every lifetime from a second to three days, walked by the clock: the words hold until the
    // moment said, and change at it (a hidden window's scheduler wakes then, and not before) —
    // on a minute's first second unless it is the moment of expiry.
    let m = en();
    for left in (1..3_700).chain((3_700..260_000).step_by(97)) {
        let expiry = Expiry::At(NOW + left);
        let words = coarse_countdown(&m, expiry, NOW);
        let next = coarse_next_change(expiry, NOW).expect("a change ahead");
        assert!(next > NOW, "left {left}: {next}");
        assert!(next % 60 == 0 || next == NOW + left, "left {left}: {next}");
        for t in [NOW + 1, (NOW + next) / 2, next - 1] {
            if t < next {
                assert_eq!(coarse_countdown(&m, expiry, t), words, "left {left} at {t}");
            }
        }
        assert_ne!(coarse_countdown(&m, expiry, next), words, "left {left}");
    }
    // Thirty connections expiring at their own seconds change together, once a minute.
    let moments: std::collections::BTreeSet<i64> = (0..30)
        .filter_map(|i| coarse_next_change(Expiry::At(NOW + 1_500 + i * 37), NOW))
        .collect();
    assert_eq!(moments.len(), 1, "{moments:?}");
    assert_eq!(coarse_next_change(Expiry::At(NOW), NOW), None);
    assert_eq!(coarse_next_change(Expiry::Never, NOW), None);
    assert_eq!(coarse_next_change(Expiry::Unknown, NOW), None);
}

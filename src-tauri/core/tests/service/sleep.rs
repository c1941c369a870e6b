//! A tray app that sleeps (issue 27, decision 3): the scheduler of a hidden window looks again
//! only at the next due moment the core plans ([`Connections::plan_next_look`]), never misses a
//! refresh for it, and remakes its plan when the wall clock jumps. Driven here as
//! `src-tauri/src/scheduler.rs` drives it, on a fake clock.

use plugboard_core::catalogue::MethodKind::AuthorizationCode;
use plugboard_core::index::Index;
use plugboard_core::lifetime::{Clock, Health};
use plugboard_core::service::checks::CHECK_DELAY;
use plugboard_core::service::plan::{Reason, LONGEST_SLEEP};

use crate::{connect_hubspot, fixture, stored_record};

/// One look as the scheduler takes it: refreshes due now run (and are awaited, as the clock
/// does not move meanwhile), checks due now are taken; then the plan.
async fn look(f: &crate::Fixture) -> plugboard_core::service::plan::NextLook {
    for id in f.service.due_refreshes().unwrap() {
        let _ = f.service.refresh_if_due(&id).await;
    }
    for id in f.service.take_checks() {
        let _ = f.service.verify(&id).await;
    }
    f.service.plan_next_look().unwrap()
}

#[tokio::test]
async fn with_nothing_due_the_scheduler_sleeps_until_the_refresh() {
    let f = fixture("sleep-until-refresh").await;
    let now = f.clock.now();
    // A long-lived token (10.5 days, obtained 9 days ago): its refresh (10 % of its life before
    // its end) comes before the tray's "expires in 1 d" changes.
    let mut r = stored_record("hubspot-00000001", AuthorizationCode, now - 9 * 86_400);
    r.expires_at = Some(now + 129_600);
    // Accepted by the provider a moment ago: not among the identity checks.
    r.checked_at = Some(now);
    Index::in_dir(&f.dir).upsert(r).unwrap();
    let due_at = now + 129_600 - 90_720;
    // The first look plans the identity checks after start; once they are taken, the refresh.
    let first = look(&f).await;
    assert_eq!(
        (first.at, first.reason),
        (now + CHECK_DELAY, Reason::Checks)
    );
    f.clock.set(first.at);
    let next = look(&f).await;
    assert_eq!(next.reason, Reason::Longest, "{next:?}");
    // Hour by hour (the longest sleep) until the refresh is closer than that: then exactly it.
    let mut looks = 0;
    let mut plan = next;
    while plan.reason == Reason::Longest {
        assert_eq!(plan.at, f.clock.now() + LONGEST_SLEEP);
        f.clock.set(plan.at);
        assert!(!f.service.take_wake(), "a planned sleep is not a suspend");
        plan = look(&f).await;
        looks += 1;
    }
    assert_eq!(
        (plan.at, plan.reason),
        (due_at, Reason::Refresh),
        "{plan:?}"
    );
    assert_eq!(looks, 10, "one look an hour while nothing is due");
    f.clock.set(plan.at);
    assert_eq!(
        f.service.due_refreshes().unwrap().len(),
        1,
        "due when planned"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hidden_app_refreshes_every_token_in_time_and_looks_at_most_once_a_minute() {
    let f = fixture("sleep-hubspot").await;
    // HubSpot's 30-minute tokens, refreshed by the plan alone for three hours.
    let c = connect_hubspot(&f).await;
    let start = f.clock.now();
    let mut looks = Vec::new();
    while f.clock.now() < start + 3 * 3_600 {
        let plan = look(&f).await;
        let view = f.service.get(&c.id).unwrap().unwrap();
        assert!(
            view.live.seconds_left.is_some_and(|l| l > 0),
            "refreshed before it expired: {:?}",
            view.live
        );
        assert!(
            matches!(view.live.health, Health::Connected | Health::ExpiringSoon),
            "{:?}",
            view.live.health
        );
        assert!(plan.at > f.clock.now());
        f.clock.set(plan.at);
        looks.push(plan);
    }
    // Refreshed three minutes before each end (10 % of 30 min): 6 in 3 hours, none expired.
    assert_eq!(f.sim.count("hubspot.refresh"), 6, "{looks:?}");
    // The tray's countdown ("expires in 24 min") is the most frequent reason: on the minute,
    // once a minute; besides, each token's refresh and its "Expiring soon", and the checks.
    let on_the_minute = looks
        .iter()
        .filter(|l| l.reason == Reason::Words && l.at % 60 == 0)
        .count();
    assert!(
        on_the_minute <= 181,
        "{on_the_minute} looks on the minute in 3 h"
    );
    assert!(
        looks.len() <= on_the_minute + 2 * 7 + 1,
        "{} looks in 3 h: {looks:?}",
        looks.len()
    );
    let gaps: Vec<i64> = looks.windows(2).map(|w| w[1].at - w[0].at).collect();
    assert!(
        gaps.iter().all(|g| *g >= 1),
        "never two looks in one second: {gaps:?}"
    );
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn a_clock_set_back_or_jumping_past_the_plan_remakes_it() {
    let f = fixture("sleep-clock").await;
    let now = f.clock.now();
    let mut r = stored_record("hubspot-00000002", AuthorizationCode, now - 9 * 86_400);
    r.expires_at = Some(now + 129_600);
    r.checked_at = Some(now);
    Index::in_dir(&f.dir).upsert(r).unwrap();
    f.clock.set(look(&f).await.at);
    let plan = look(&f).await;
    assert_eq!(plan.reason, Reason::Longest);
    // Set back two hours while asleep (the host hears it from the system, or the tick sees the
    // clock behind its last look): the next look is a wake — checks come again — and the plan
    // is made on the new clock.
    f.clock.set(f.clock.now() - 7_200);
    let replanned = look(&f).await;
    assert!(f.service.take_wake(), "the step back is noticed");
    assert_eq!(
        (replanned.at, replanned.reason),
        (f.clock.now() + CHECK_DELAY, Reason::Checks)
    );
    // Jumping forward past the plan (a suspend the timer slept through): a wake as well.
    f.clock.set(replanned.at);
    let plan = look(&f).await;
    f.clock.set(plan.at + 4 * 3_600);
    look(&f).await;
    assert!(
        f.service.take_wake(),
        "a look hours after its plan is a wake"
    );
    // The host said the clock was set (timerfd's cancel-on-set, logind's resume) before the
    // plan was due: the same.
    let plan = look(&f).await;
    f.clock.set(plan.at - 600);
    f.service.note_wake();
    assert!(f.service.take_wake());
    let after = look(&f).await;
    assert_eq!(
        (after.at, after.reason),
        (f.clock.now() + CHECK_DELAY, Reason::Checks)
    );
}

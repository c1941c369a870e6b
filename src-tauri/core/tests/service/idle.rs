//! Idle that costs nothing (issue 27): with many healthy connections the page, which asks again
//! only when the live board says the clock will change something shown, is woken once a minute,
//! on the wall-clock minute, and its countdowns read in minutes.

use plugboard_core::catalogue::MethodKind::AuthorizationCode;
use plugboard_core::index::Index;
use plugboard_core::lifetime::Clock;

use crate::{fixture, stored_record};

#[tokio::test]
async fn fifty_healthy_rows_wake_the_page_once_a_minute_on_the_minute() {
    let f = fixture("idle-fifty").await;
    let now = f.clock.now();
    let index = Index::in_dir(&f.dir);
    // Fifty HubSpot connections expiring at their own seconds, 40 to 75 minutes from now.
    for i in 0..50 {
        let mut r = stored_record(&format!("hubspot-{i:08x}"), AuthorizationCode, now - 60);
        r.expires_at = Some(now + 2_400 + i * 43);
        index.upsert(r).unwrap();
    }
    // The page as ui/main.js runs it: ask, then wait the board's `next_change`. Thirty minutes.
    let mut wakes = Vec::new();
    let end = now + 1_800;
    while f.clock.now() < end {
        let board = f.service.live_board().unwrap();
        assert_eq!(board.connections.len(), 50);
        for c in &board.connections {
            assert!(
                c.countdown.ends_with(" min"),
                "minutes, not seconds: {}",
                c.countdown
            );
        }
        let wait = board.next_change.expect("countdowns to keep");
        f.clock.advance(wait);
        wakes.push(f.clock.now());
    }
    // Once a minute, every one on a minute's first second.
    assert!(wakes.len() <= 31, "{} wakes in 30 minutes", wakes.len());
    assert!(
        wakes.iter().all(|t| t % 60 == 0),
        "off the minute: {wakes:?}"
    );
}

#[tokio::test]
async fn a_connection_in_its_last_two_minutes_reads_and_ticks_in_seconds() {
    let f = fixture("idle-seconds").await;
    let now = f.clock.now();
    let mut r = stored_record("hubspot-00000001", AuthorizationCode, now - 60);
    r.expires_at = Some(now + 90);
    Index::in_dir(&f.dir).upsert(r).unwrap();
    let board = f.service.live_board().unwrap();
    assert_eq!(board.connections[0].countdown, "Expires in 1:30");
    assert_eq!(board.next_change, Some(1));
}

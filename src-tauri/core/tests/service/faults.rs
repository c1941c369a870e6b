//! The fault matrix: a token endpoint that answers badly, slowly or not at all, a provider that
//! forgot every token, a keychain that refuses a write right after a rotation, and many callers
//! at once. Each test names the fault and checks the promised outcome: the stored tokens are kept
//! (or the connection honestly needs a reconnect), nothing loops, and the words say what happened.
//! SECURITY.md's fault matrix table points at these tests.

use std::time::Duration;

use plugboard_core::connection::ConnectionId;
use plugboard_core::error::ErrorCode;
use plugboard_core::index::Index;
use plugboard_core::lifetime::Health;
use plugboard_core::secret::{AccessToken, RefreshToken, SecretString};
use plugboard_core::service::{Connections, ErrorKind};
use plugboard_core::vault::{ItemLabel, VaultKey};
use plugboard_sim::Answer;

use super::*;

/// The connection's keychain item as it is now.
pub(super) fn item(f: &Fixture, id: &ConnectionId) -> Option<SecretString> {
    f.vault.get(&VaultKey::Connection(id.clone())).unwrap()
}

/// The words a person would see for a refresh error.
fn words(f: &Fixture, e: &ServiceError) -> String {
    f.service.explain(e).message
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_429_or_503_with_retry_after_keeps_the_tokens_says_when_and_backs_off_as_asked() {
    let f = fixture("fault-retry-after").await;
    let c = connect_hubspot(&f).await;
    let before = item(&f, &c.id);
    for (status, retry_after, wait) in [
        (429, "120".to_string(), 120),
        (
            503,
            httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(600)),
            600,
        ),
    ] {
        f.sim.set_faults(Faults {
            refresh_answer: Some(Answer {
                status,
                retry_after: Some(retry_after),
                body: b"<html>busy</html>".to_vec(),
                ..Answer::default()
            }),
            ..Faults::default()
        });
        let e = f.service.refresh(&c.id).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Temporary);
        let message = words(&f, &e);
        assert!(message.contains(&format!("HTTP {status}")), "{message}");
        assert!(message.contains("asked Plugboard to wait"), "{message}");
        assert!(message.contains("HubSpot"), "{message}");
        assert_eq!(item(&f, &c.id), before, "tokens kept");
        let view = f.service.get(&c.id).unwrap().unwrap();
        let retry_at = view.live.retry_at.expect("a retry is planned");
        // The date form loses up to a second to rounding.
        assert!(
            retry_at >= f.clock.now() + wait - 2,
            "retry at {retry_at}, now {}, asked {wait}",
            f.clock.now()
        );
        assert!(!f.service.due_refreshes().unwrap().contains(&c.id));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_endpoint_slower_than_the_time_limit_is_one_request_that_took_too_long() {
    let f = fixture("fault-slow").await;
    let c = connect_hubspot(&f).await;
    let before = item(&f, &c.id);
    let service = Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
        .with_clock(f.clock.clone())
        .with_http(plugboard_core::http::client_with_timeout(
            Duration::from_millis(500),
        ));
    service.credentials.set("hubspot", sim_creds("hubspot"));
    f.sim.set_faults(Faults {
        refresh_answer: Some(Answer {
            delay: Duration::from_secs(3),
            ..Answer::ok(r#"{"access_token":"late","expires_in":1800}"#)
        }),
        ..Faults::default()
    });
    let e = service.refresh(&c.id).await.unwrap_err();
    let message = service.explain(&e).message;
    assert!(message.contains("took too long"), "{message}");
    assert!(!message.contains("internet connection"), "{message}");
    assert_eq!(f.sim.count("hubspot.refresh"), 1, "one request in flight");
    assert_eq!(item(&f, &c.id), before, "tokens kept");
    assert_eq!(e.kind(), ErrorKind::Temporary);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_answers_are_refused_in_plain_words_and_the_tokens_kept() {
    let f = fixture("fault-malformed").await;
    let c = connect_hubspot(&f).await;
    let before = item(&f, &c.id);
    let ten_mb = format!(
        r#"{{"access_token":"big","expires_in":1800,"padding":"{}"}}"#,
        "x".repeat(10 * 1024 * 1024)
    );
    let cases: Vec<(&str, Answer, &str)> = vec![
        (
            "HTML with 200",
            Answer {
                content_type: Some("text/html".into()),
                ..Answer::ok("<html><body>Welcome</body></html>")
            },
            "couldn't read (not JSON)",
        ),
        ("a JSON array", Answer::ok("[1,2,3]"), "not a JSON object"),
        ("an empty body", Answer::ok(""), "not JSON"),
        (
            "no access_token",
            Answer::ok(r#"{"token_type":"bearer","expires_in":1800}"#),
            "no access_token",
        ),
        (
            "a negative expires_in",
            Answer::ok(r#"{"access_token":"a","expires_in":-5}"#),
            "negative expires_in",
        ),
        (
            "expires_in as words",
            Answer::ok(r#"{"access_token":"a","expires_in":"half an hour"}"#),
            "not a number of seconds",
        ),
        (
            "a token type Plugboard cannot send",
            Answer::ok(r#"{"access_token":"a","token_type":"mac"}"#),
            "other than Bearer",
        ),
        (
            "a token that is not printable ASCII",
            Answer::ok("{\"access_token\":\"caf\u{e9}\"}"),
            "not printable ASCII",
        ),
        (
            "bytes that are not UTF-8",
            Answer::ok(&b"{\"access_token\":\"a\xff\xfe\"}"[..]),
            "not UTF-8",
        ),
        ("a 10 MB answer", Answer::ok(ten_mb), "too large"),
        (
            "an endless chunked body",
            Answer {
                endless: true,
                ..Answer::ok(r#"{"access_token":"#)
            },
            "too large",
        ),
    ];
    for (what, answer, said) in cases {
        f.sim.set_faults(Faults {
            refresh_answer: Some(answer),
            ..Faults::default()
        });
        let e = f.service.refresh(&c.id).await.unwrap_err();
        let message = words(&f, &e);
        assert!(message.contains(said), "{what}: {message}");
        assert!(message.starts_with("HubSpot"), "{what}: {message}");
        assert!(
            !message.contains("refused the request"),
            "{what}: {message}"
        );
        assert_eq!(item(&f, &c.id), before, "{what}: tokens kept");
        let view = f.service.get(&c.id).unwrap().unwrap();
        assert_ne!(
            view.live.health,
            Health::ReconnectNeeded,
            "{what}: not a dead grant"
        );
    }
    // The connection still works once the provider answers properly again.
    f.sim.set_faults(Faults::default());
    f.service.refresh(&c.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expires_in_at_the_end_of_time_is_stored_as_unknown_without_a_panic() {
    let f = fixture("fault-huge-expiry").await;
    let c = connect_hubspot(&f).await;
    for huge in [i64::MAX.to_string(), u64::MAX.to_string(), "1e308".into()] {
        f.sim.set_faults(Faults {
            refresh_answer: Some(Answer::ok(format!(
                r#"{{"access_token":"at-huge","refresh_token":"rt-huge","token_type":"bearer","expires_in":{huge}}}"#
            ))),
            ..Faults::default()
        });
        let view = f.service.refresh(&c.id).await.unwrap();
        assert_eq!(view.expires_at, None, "{huge}");
        // The new tokens were kept, not lost to a panic.
        let secret = item(&f, &c.id).unwrap();
        assert!(secret.expose().contains("rt-huge"));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_lost_after_rotation_is_retried_once_then_reconnect_needed_and_others_untouched() {
    let f = fixture("fault-lost-reply").await;
    let c = connect_hubspot(&f).await;
    let other = connect_whatconverts(&f).await;
    let other_before = item(&f, &other.id);
    f.sim.set_faults(Faults {
        rotate_refresh_tokens: true,
        lose_reply_after_rotation: true,
        ..Faults::default()
    });
    let e = f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Temporary, "{e}");
    assert_eq!(f.sim.count("hubspot.reply_lost"), 1);
    // The retry (the scheduler's, after the back-off) spends the old refresh token, which the
    // provider already rotated away: the grant is gone, and Plugboard says so.
    f.sim.set_faults(Faults {
        rotate_refresh_tokens: true,
        ..Faults::default()
    });
    let e = f.service.refresh(&c.id).await.unwrap_err();
    assert!(e.needs_reconnect(), "{e}");
    assert_eq!(f.sim.count("hubspot.refresh"), 2, "one try and one retry");
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::ReconnectNeeded);
    // No loop: a connection that needs a reconnect is never due.
    f.clock.advance(3_600);
    assert!(!f.service.due_refreshes().unwrap().contains(&c.id));
    assert_eq!(
        item(&f, &other.id),
        other_before,
        "other connections untouched"
    );
    let other = f.service.get(&other.id).unwrap().unwrap();
    assert_eq!(other.live.health, Health::Connected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provider_that_forgot_every_token_means_reconnect_needed_without_a_loop() {
    let f = fixture("fault-forgot").await;
    let c = connect_hubspot(&f).await;
    f.sim.forget_everything();
    let e = f.service.refresh(&c.id).await.unwrap_err();
    assert!(e.needs_reconnect(), "{e}");
    assert!(words(&f, &e).contains("Connect again"));
    for _ in 0..3 {
        f.clock.advance(3_600);
        assert!(f.service.due_refreshes().unwrap().is_empty());
    }
    assert_eq!(f.sim.count("hubspot.refresh"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keychain_that_refuses_the_rotated_tokens_keeps_them_in_memory_and_never_reuses_the_spent_one(
) {
    let f = fixture("fault-unsaved").await;
    let c = connect_hubspot(&f).await;
    let spent = item(&f, &c.id).unwrap();
    f.sim.set_faults(Faults {
        rotate_refresh_tokens: true,
        ..Faults::default()
    });
    f.store.refuse_writes(true);
    let e = f.service.refresh(&c.id).await.unwrap_err();
    let message = words(&f, &e);
    assert!(message.contains("would not save them"), "{message}");
    assert!(message.contains("HubSpot"), "{message}");
    assert!(!e.needs_reconnect());
    assert_eq!(
        item(&f, &c.id),
        Some(spent.clone()),
        "the keychain still has the old item"
    );

    // The next use works from the tokens in memory: a developer's token is the new one.
    let material = f.service.token_material(&c.id).await.unwrap();
    assert!(!spent.expose().contains(material.access_token.expose()));
    f.store.refuse_writes(false);
    // The Refresh button: the tokens in memory are the fresh ones, so they are saved (not spent
    // again at the provider).
    f.service.refresh(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 1);
    let saved = item(&f, &c.id).unwrap();
    assert_ne!(saved, spent, "saved at last");
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::Connected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_callers_of_a_five_second_token_make_one_refresh() {
    let f = fixture("fault-short-lived").await;
    f.sim.set_faults(Faults {
        hubspot_lifetime: Some(5),
        hubspot_refreshed_lifetime: Some(5),
        ..Faults::default()
    });
    let c = connect_hubspot(&f).await;
    // 4 s later: under half its life left, so `plugboard token` (asking for 60 s) refreshes.
    f.clock.advance(4);
    // Twenty processes: each its own service (own in-process flight) over one folder and keychain.
    let services: Vec<Connections> = (0..20)
        .map(|_| {
            let s = Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
                .with_clock(f.clock.clone());
            s.credentials.set("hubspot", sim_creds("hubspot"));
            s
        })
        .collect();
    let results = futures_join_all(services.iter().map(|s| s.ensure_fresh(&c.id, 60))).await;
    for r in &results {
        assert!(r.is_ok(), "{r:?}");
    }
    assert_eq!(
        f.sim.count("hubspot.refresh"),
        1,
        "one refresh for twenty callers"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn timer_button_and_twenty_processes_against_reuse_detection_keep_the_grant() {
    let f = fixture("fault-stampede").await;
    f.sim.set_faults(Faults {
        nimbus_lifetime: Some(30),
        ..Faults::default()
    });
    let started = f
        .service
        .begin_sign_in_at(&pid("nimbus"), Some("http://127.0.0.1:9/callback".into()))
        .await
        .unwrap();
    let params = browse(&started.url).await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    f.clock.advance(27);
    let services: Vec<Connections> = (0..20)
        .map(|_| {
            let s = Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
                .with_clock(f.clock.clone());
            s.credentials.set("nimbus", nimbus_creds());
            s
        })
        .collect();
    let timer = f.service.refresh_if_due(&c.id);
    let button = services[0].refresh(&c.id);
    let callers = futures_join_all(services[1..].iter().map(|s| s.ensure_fresh(&c.id, 60)));
    let (timer, button, callers) = tokio::join!(timer, button, callers);
    timer.unwrap();
    button.unwrap();
    callers.into_iter().for_each(|r| {
        r.unwrap();
    });
    assert_eq!(
        f.sim.count("nimbus.reuse_detected"),
        0,
        "no refresh token spent twice"
    );
    // The timer's refresh and the button's may both reach the provider (a click is a request to
    // refresh); every other caller shares one of them.
    let refreshes = f.sim.count("nimbus.refresh");
    assert!((1..=2).contains(&refreshes), "{refreshes} refreshes");
    // The grant is kept: one more refresh still works.
    f.service.refresh(&c.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_killed_midway_leaves_a_lock_and_a_temporary_file_that_block_nothing() {
    let f = fixture("fault-killed").await;
    let c = connect_hubspot(&f).await;
    // What a process killed mid-write leaves: its temporary index file and the connection's lock
    // file (a lock dies with its process; the file stays).
    std::fs::write(f.dir.join(".connections.json.99999.0.tmp"), b"{ half").unwrap();
    let lock = std::fs::read_dir(&f.dir)
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().ends_with(".lock"));
    assert!(lock, "refreshes leave lock files");
    f.service.refresh(&c.id).await.unwrap();
    assert_eq!(f.service.list().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_index_files_are_refused_never_overwritten_and_connect_stops_before_the_browser() {
    let f = fixture("fault-index").await;
    let c = connect_hubspot(&f).await;
    let path = f.dir.join(Index::FILE_NAME);
    let good = std::fs::read(&path).unwrap();
    for bad in [
        &good[..good.len() / 2],
        b"garbage \x00\xff",
        br#"{"version":1,"connections":"wrong type"}"#,
    ] {
        std::fs::write(&path, bad).unwrap();
        let e = f.service.list().unwrap_err();
        let message = f.service.explain(&e).message;
        assert!(message.contains("couldn't read"), "{message}");
        assert!(!message.contains("save"), "{message}");
        // Connect says so before the browser is opened (the window opens the URL only on Ok).
        let e = f.service.begin_sign_in(&pid("hubspot")).await.unwrap_err();
        assert_eq!(f.service.explain(&e).code, ErrorCode::StorageFailed);
        assert!(f.service.refresh(&c.id).await.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), bad, "never overwritten");
    }
    std::fs::write(&path, &good).unwrap();
    assert_eq!(f.service.list().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_index_of_100000_connections_is_read() {
    let f = fixture("fault-index-huge").await;
    let c = connect_hubspot(&f).await;
    let path = f.dir.join(Index::FILE_NAME);
    let mut index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let one = index["connections"][0].clone();
    let many: Vec<serde_json::Value> = (0..100_000)
        .map(|n| {
            let mut r = one.clone();
            r["id"] = format!("hubspot-{n:08x}").into();
            r
        })
        .collect();
    index["connections"] = many.into();
    std::fs::write(&path, serde_json::to_vec(&index).unwrap()).unwrap();
    let list = f.service.list().unwrap();
    assert_eq!(list.len(), 100_000);
    // Their keychain items are missing: a refresh says so instead of failing oddly.
    let e = f
        .service
        .refresh(&ConnectionId::parse("hubspot-00000007").unwrap())
        .await
        .unwrap_err();
    assert!(e.needs_reconnect(), "{e}");
    let _ = c;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_local_clock_five_minutes_off_still_counts_down_from_receipt() {
    let f = fixture("fault-clock").await;
    f.clock.advance(300);
    let c = connect_hubspot(&f).await;
    // The expiry is receipt time on this machine's clock plus expires_in: the countdown is right
    // whatever the provider's clock says.
    assert_eq!(c.expires_at, Some(f.clock.now() + 1800));
    assert_eq!(c.live.countdown, "Expires in 30 min");
    f.clock.advance(1800 - 170);
    assert!(f.service.due_refreshes().unwrap().contains(&c.id));
}

/// Joins futures without another dependency.
async fn futures_join_all<F: std::future::Future>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output> {
    let mut out = Vec::new();
    let handles: Vec<_> = futures.map(Box::pin).collect();
    // Poll them together: a simple select loop over pinned futures.
    let mut pending: Vec<(usize, std::pin::Pin<Box<F>>)> =
        handles.into_iter().enumerate().collect();
    let mut results: Vec<Option<F::Output>> = (0..pending.len()).map(|_| None).collect();
    std::future::poll_fn(|cx| {
        pending.retain_mut(|(i, f)| match f.as_mut().poll(cx) {
            std::task::Poll::Ready(v) => {
                results[*i] = Some(v);
                false
            }
            std::task::Poll::Pending => true,
        });
        if pending.is_empty() {
            std::task::Poll::Ready(())
        } else {
            std::task::Poll::Pending
        }
    })
    .await;
    out.extend(
        results
            .into_iter()
            .map(|r| r.expect("every future finished")),
    );
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_costs_one_keychain_read_and_one_write() {
    let f = fixture("cost-refresh").await;
    let c = connect_hubspot(&f).await;
    let before = f.store.counts();
    f.service.refresh(&c.id).await.unwrap();
    let after = f.store.counts();
    assert_eq!(after.reads - before.reads, 1, "reads");
    assert_eq!(after.writes - before.writes, 1, "writes");
    // A caller that waited while another process refreshed reads once and writes nothing.
    let other = Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
        .with_clock(f.clock.clone());
    other.credentials.set("hubspot", sim_creds("hubspot"));
    let before = f.store.counts();
    other.ensure_fresh(&c.id, 60).await.unwrap();
    let after = f.store.counts();
    assert_eq!(
        (after.reads - before.reads, after.writes - before.writes),
        (0, 0),
        "fresh by the index"
    );
    // App credentials saved in Settings: the client secret is read from the keychain once per
    // process, not once per refresh.
    let saved = Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
        .with_clock(f.clock.clone());
    let creds = sim_creds("hubspot");
    saved
        .save_app_credentials(
            &pid("hubspot"),
            &creds.client_id,
            creds.client_secret.unwrap(),
        )
        .await
        .unwrap();
    for _ in 0..2 {
        let before = f.store.counts();
        saved.refresh(&c.id).await.unwrap();
        let after = f.store.counts();
        assert_eq!(
            (after.reads - before.reads, after.writes - before.writes),
            (1, 1)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn automatic_refreshes_take_turns_so_a_provider_never_gets_them_all_at_once() {
    use plugboard_core::service::AUTOMATIC_REFRESHES_AT_ONCE;
    use plugboard_core::tokens::{ConnectionSecret, TokenSet};
    let f = fixture("turns").await;
    let now = f.clock.now();
    // Ten connections all due at once (a laptop that slept through their expiry).
    let index = Index::in_dir(&f.dir);
    let mut ids = Vec::new();
    for i in 0..10 {
        let mut record = stored_record(
            &format!("hubspot-{i:08x}"),
            plugboard_core::catalogue::MethodKind::AuthorizationCode,
            now - 1_800,
        );
        record.expires_at = Some(now + 5);
        let tokens = TokenSet {
            access_token: AccessToken::new(format!("at-{i}")),
            refresh_token: Some(RefreshToken::new(format!("rt-{i}"))),
            token_type: Some("bearer".into()),
            expires_at: record.expires_at,
            scopes: None,
            extra: Default::default(),
        };
        f.vault
            .put(
                &VaultKey::Connection(record.id.clone()),
                &ItemLabel::connection("HubSpot", &record.account, None),
                &ConnectionSecret::OAuth { tokens }.encode(),
            )
            .unwrap();
        index.upsert(record.clone()).unwrap();
        ids.push(record.id);
    }
    // HubSpot answers every refresh, each after 300 ms.
    f.sim.set_faults(Faults {
        refresh_answer: Some(Answer {
            delay: Duration::from_millis(300),
            ..Answer::ok(
                r#"{"access_token":"fresh","refresh_token":"rt","token_type":"bearer","expires_in":1800}"#,
            )
        }),
        ..Faults::default()
    });
    let service = std::sync::Arc::new(
        Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
            .with_clock(f.clock.clone()),
    );
    service.credentials.set("hubspot", sim_creds("hubspot"));
    let due = service.due_refreshes().unwrap();
    assert_eq!(due.len(), 10);
    let mut refreshes = tokio::task::JoinSet::new();
    for id in due {
        let service = service.clone();
        refreshes.spawn(async move { service.refresh_if_due(&id).await });
    }
    while let Some(done) = refreshes.join_next().await {
        done.unwrap().unwrap();
    }
    assert_eq!(f.sim.count("hubspot.refresh"), 10, "every one refreshed");
    assert_eq!(
        f.sim.most_refreshes_at_once(),
        AUTOMATIC_REFRESHES_AT_ONCE,
        "a few at a time, never all ten"
    );
    f.sim.set_faults(Faults::default());
}

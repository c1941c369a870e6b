//! Refreshes: single flight in and across processes, the scheduler, back-off, dead grants.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_concurrent_refreshes_send_one_request_and_a_rotated_token_is_kept() {
    let f = fixture("refresh").await;
    f.sim.set_faults(Faults {
        rotate_refresh_tokens: true,
        ..Faults::default()
    });
    let params = browse(&f.service.begin_sign_in(&pid("hubspot")).await.unwrap().url).await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();

    let service = std::sync::Arc::new(f.service);
    // All hundred start together (a task the scheduler started late, after the refresh had
    // ended, would rightly start another: seen once on a loaded machine).
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(100));
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let s = service.clone();
            let id = c.id.clone();
            let start = start.clone();
            tokio::spawn(async move {
                start.wait().await;
                s.refresh(&id).await.map(|v| v.expires_at)
            })
        })
        .collect();
    for call in calls {
        assert!(call.await.unwrap().unwrap().is_some());
    }
    assert_eq!(f.sim.count("hubspot.refresh"), 1, "single flight");

    // The rotated refresh token was stored: the next refresh (with it) works; the old one is gone.
    service.refresh(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 2);

    // A dead grant means reconnect, not retry.
    f.sim.set_faults(Faults {
        refresh_invalid_grant: true,
        ..Faults::default()
    });
    let err = service.refresh(&c.id).await.unwrap_err();
    assert_eq!(
        err.to_user("HubSpot").code,
        plugboard_core::error::ErrorCode::ReconnectNeeded
    );
    service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn refresh_re_mints_hotmart_and_re_checks_whatconverts() {
    let f = fixture("refresh-other").await;
    let h = f
        .service
        .connect_client_credentials(
            &pid("hotmart"),
            &plugboard_sim::client_id("hotmart"),
            ClientSecret::new(plugboard_sim::client_secret("hotmart")),
            None,
            None,
        )
        .await
        .unwrap();
    f.service.refresh(&h.id).await.unwrap();
    assert_eq!(f.sim.count("hotmart.mint"), 2);
    let w = connect_whatconverts(&f).await;
    let refreshed = f.service.refresh(&w.id).await.unwrap();
    assert_eq!(refreshed.expires_at, None);
    assert_eq!(f.sim.count("whatconverts.check"), 2);
    f.service.disconnect(&h.id).await.unwrap();
    f.service.disconnect(&w.id).await.unwrap();
}

#[tokio::test]
async fn the_scheduler_refreshes_ahead_of_expiry_and_after_a_sleep_with_a_fake_clock() {
    let f = fixture("schedule").await;
    let c = connect_hubspot(&f).await;
    let t0 = f.clock.now();
    assert_eq!(c.expires_at, Some(t0 + 1_800));
    assert_eq!(c.live.countdown, "Expires in 30 min");
    assert!(!c.live.refresh_before_copy);
    assert_eq!(c.live.health, Health::Connected);
    assert!(f.service.due_refreshes().unwrap().is_empty());

    // 3 minutes ahead of a 30-minute token (10 % beats the 60 s floor).
    f.clock.set(t0 + 1_681);
    assert!(
        f.service.live_all().unwrap()[0].refresh_before_copy,
        "under 2 minutes: Refresh & copy"
    );
    assert_eq!(
        f.service.live_all().unwrap()[0].health,
        Health::ExpiringSoon
    );
    f.clock.set(t0 + 1_619);
    assert!(f.service.due_refreshes().unwrap().is_empty());
    f.clock.set(t0 + 1_620);
    assert_eq!(
        f.service.due_refreshes().unwrap(),
        std::slice::from_ref(&c.id)
    );
    let live = f.service.live_all().unwrap();
    assert_eq!(live[0].health, Health::Refreshing);
    assert_eq!(live[0].label, "Refreshing…");
    assert!(f.service.due_refreshes().unwrap().is_empty(), "picked once");
    let refreshed = f.service.refresh(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 1);
    assert_eq!(refreshed.expires_at, Some(t0 + 1_620 + 1_800));
    assert_eq!(refreshed.refreshed_at, Some(t0 + 1_620));
    assert_eq!(refreshed.live.health, Health::Connected);

    // The lid closes for three hours: the first tick after waking finds the refresh due.
    f.clock.advance(3 * 3_600);
    assert_eq!(f.service.live_all().unwrap()[0].countdown, "Expired");
    assert_eq!(
        f.service.due_refreshes().unwrap(),
        std::slice::from_ref(&c.id)
    );
    f.service.refresh(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 2);
    let kinds = events_of(&f, &c.id);
    assert_eq!(
        kinds,
        [
            EventKind::Refreshed,
            EventKind::Refreshed,
            EventKind::Connected
        ]
    );
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn invalid_grant_needs_a_reconnect_without_retrying_and_survives_a_restart() {
    let f = fixture("dead-grant").await;
    let c = connect_hubspot(&f).await;
    f.sim.set_faults(Faults {
        refresh_invalid_grant: true,
        ..Faults::default()
    });
    let err = f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(
        err.to_user("HubSpot").message,
        "HubSpot no longer accepts this sign-in. Connect again."
    );
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::ReconnectNeeded);
    assert_eq!(view.live.label, "Reconnect needed");
    assert_eq!(view.last_error.as_ref().unwrap().code, "reconnect_needed");
    // No retry loop: however long it waits, the scheduler leaves it alone.
    f.clock.advance(7_200);
    assert!(f.service.due_refreshes().unwrap().is_empty());
    assert_eq!(f.sim.count("hubspot.refresh"), 1);

    // A restart still knows.
    let catalogue = Catalogue::parse(
        &f.sim.providers_toml(53682),
        &Origin::File("sim.toml".into()),
    )
    .unwrap();
    let restarted = Connections::new(catalogue, f.vault.clone(), &f.dir);
    assert_eq!(
        restarted.list().unwrap()[0].live.health,
        Health::ReconnectNeeded
    );

    // Reconnecting the same portal clears it, under the same id.
    f.sim.set_faults(Faults::default());
    let again = connect_hubspot(&f).await;
    assert_eq!(again.id, c.id);
    assert_eq!(again.live.health, Health::Connected);
    let kinds = events_of(&f, &c.id);
    assert_eq!(
        kinds,
        [
            EventKind::Reconnected,
            EventKind::ReconnectNeeded,
            EventKind::RefreshFailed,
            EventKind::Connected
        ]
    );
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn an_outage_is_a_temporary_problem_that_keeps_the_tokens_and_retries_with_back_off() {
    let f = fixture("outage").await;
    let c = connect_hubspot(&f).await;
    let before = f.service.token_material(&c.id).await.unwrap();
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let now = f.clock.now();
    let err = f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(
        err.to_user("HubSpot").code,
        plugboard_core::error::ErrorCode::ProviderUnavailable
    );
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::TemporaryProblem);
    let retry_at = view.live.retry_at.unwrap();
    assert!(
        (now + 15..=now + 30).contains(&retry_at),
        "first back-off 15–30 s: {}",
        retry_at - now
    );
    let after = f.service.token_material(&c.id).await.unwrap();
    assert_eq!(
        after.access_token.expose(),
        before.access_token.expose(),
        "tokens kept"
    );
    assert!(f.service.due_refreshes().unwrap().is_empty());

    // At the retry time, with the provider back, it recovers.
    f.sim.set_faults(Faults::default());
    f.clock.set(retry_at);
    assert_eq!(
        f.service.due_refreshes().unwrap(),
        std::slice::from_ref(&c.id)
    );
    let ok = f.service.refresh(&c.id).await.unwrap();
    assert_eq!(ok.live.health, Health::Connected);
    assert_eq!(ok.live.retry_at, None);
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_client_is_named_by_introspection_and_refreshed_once_by_two_services() {
    let f = fixture("nimbus").await;
    // Sign-in tokens live 30 s.
    f.sim.set_faults(Faults {
        nimbus_lifetime: Some(30),
        ..Faults::default()
    });
    // The command line's loopback redirect instead of the catalogue's deep link.
    let started = f
        .service
        .begin_sign_in_at(&pid("nimbus"), Some("http://127.0.0.1:9/callback".into()))
        .await
        .unwrap();
    assert!(started.url.contains("prompt=consent"), "{}", started.url);
    assert!(
        started.url.contains("contacts%3Aread%2Cdeals%3Aread"),
        "{}",
        started.url
    );
    let params = browse(&started.url).await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    assert_eq!(c.account, "dana@nimbus.example");
    assert_eq!(c.scopes, ["contacts:read", "deals:read"]);

    // A second service over the same folder and keychain is what a second process is: its own
    // in-memory single flight, so only the lock file keeps the two from spending one refresh
    // token twice (Nimbus would answer a reuse by revoking the grant).
    let catalogue = f.service.catalogue().clone();
    let other = Connections::new(catalogue, f.vault.clone(), &f.dir).with_clock(f.clock.clone());
    other.credentials.set("nimbus", nimbus_creds());
    let id = c.id.clone();
    // 20 s later the 30 s token has less than half its life left: both callers want a refresh.
    f.clock.advance(20);
    let (a, b) = tokio::join!(f.service.ensure_fresh(&id, 60), other.ensure_fresh(&id, 60));
    assert_eq!(a.unwrap().expires_at, b.unwrap().expires_at);
    assert_eq!(f.sim.count("nimbus.refresh"), 1, "one refresh for both");
    assert_eq!(f.sim.count("nimbus.reuse_detected"), 0);
    // Fresh now: neither refreshes again, nor does the scheduler's "if still due".
    other.ensure_fresh(&id, 60).await.unwrap();
    f.service.refresh_if_due(&id).await.unwrap();
    assert_eq!(f.sim.count("nimbus.refresh"), 1);

    // The grant revoked at the provider: introspection says inactive, one refresh is refused,
    // and the connection needs a reconnect.
    let spent = f.sim.spent_refresh_tokens();
    let replay = plugboard_core::http::client()
        .post(format!("{}/nimbus/oauth/token", f.sim.base_url()))
        .json(&serde_json::json!({
            "grant_type": "refresh_token", "refresh_token": spent[0],
            "client_id": plugboard_sim::client_id("nimbus"),
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 400);
    let (introspections, refreshes) = (
        f.sim.count("nimbus.introspect"),
        f.sim.count("nimbus.refresh"),
    );
    assert!(f.service.verify(&id).await.is_err());
    assert_eq!(f.sim.count("nimbus.introspect"), introspections + 1);
    assert_eq!(
        f.sim.count("nimbus.refresh"),
        refreshes + 1,
        "one refresh before giving up"
    );
    let view = f.service.get(&id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::ReconnectNeeded);
    f.service.disconnect(&id).await.unwrap();
    let _ = std::fs::remove_dir_all(&f.dir);
}

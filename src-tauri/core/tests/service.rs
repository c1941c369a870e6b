//! Connect and disconnect end to end below the window: the provider simulator on 127.0.0.1, an
//! in-memory secret store behind the vault's seam (the real Secret Service is proven by
//! `keychain.rs` and `locked.rs`), an index in a temporary folder. A plain `cargo test` runs them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use plugboard_core::catalogue::{Catalogue, Origin};
use plugboard_core::flow::AppCredentials;
use plugboard_core::lifetime::{Clock, FakeClock, Health};
use plugboard_core::secret::SecretString;
use plugboard_core::service::{Connections, DisconnectReport, ReturnTo, ServiceError};
use plugboard_core::timeline::EventKind;
use plugboard_core::vault::{MemoryStore, Vault, VaultKey};
use plugboard_sim::{Faults, Simulator};

/// The simulator's app credentials for `provider`.
fn sim_creds(provider: &str) -> AppCredentials {
    AppCredentials {
        client_id: plugboard_sim::client_id(provider),
        client_secret: Some(SecretString::new(plugboard_sim::client_secret(provider))),
    }
}

/// Nimbus is a public client: its app credentials are a client id alone.
fn nimbus_creds() -> AppCredentials {
    AppCredentials {
        client_id: plugboard_sim::client_id("nimbus"),
        client_secret: None,
    }
}

/// WhatConverts key fields as the form sends them.
fn key_fields(token: &str, secret: &str) -> Vec<(String, SecretString)> {
    vec![
        ("token".to_string(), SecretString::new(token)),
        ("secret".to_string(), SecretString::new(secret)),
    ]
}

struct Fixture {
    /// The service's clock: starts at the real time, moves only when a test moves it.
    clock: FakeClock,
    sim: Simulator,
    service: Connections,
    vault: Vault,
    dir: PathBuf,
}

async fn fixture(name: &str) -> Fixture {
    let sim = Simulator::start().await.unwrap();
    // The four providers, plus Nimbus: a provider of the user's own (public client, introspection).
    let text = format!("{}\n{}", sim.providers_toml(53682), sim.nimbus_toml());
    let catalogue = Catalogue::parse(&text, &Origin::File("sim.toml".into())).unwrap();
    let vault = Vault::with_store(
        Some(&format!("test-service-{name}")),
        std::sync::Arc::new(MemoryStore::default()),
    );
    let dir = std::env::temp_dir().join(format!("plugboard-service-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let clock = FakeClock::at(plugboard_core::service::unix_now());
    let service = Connections::new(catalogue, vault.clone(), &dir).with_clock(clock.clone());
    for p in ["hubspot", "ecwid"] {
        service.credentials.set(p, sim_creds(p));
    }
    service.credentials.set("nimbus", nimbus_creds());
    Fixture {
        clock,
        sim,
        service,
        vault,
        dir,
    }
}

/// Whether the keychain holds the connection's item.
fn keychain_has(vault: &Vault, id: &str) -> bool {
    let key = VaultKey::Connection(plugboard_core::connection::ConnectionId::parse(id).unwrap());
    vault.get(&key).unwrap().is_some()
}

/// A connection's timeline, newest first, as event kinds.
fn events_of(f: &Fixture, id: &plugboard_core::connection::ConnectionId) -> Vec<EventKind> {
    f.service.timeline().of(id).iter().map(|e| e.kind).collect()
}

/// The browser stand-in: follows the authorize URL to the provider's redirect.
async fn browse(url: &str) -> HashMap<String, String> {
    let location = url::Url::parse(&redirect_of(url).await).unwrap();
    location.query_pairs().into_owned().collect()
}

/// The browser stand-in's redirect address (not followed).
async fn redirect_of(url: &str) -> String {
    let resp = plugboard_core::http::client()
        .get(url)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 302);
    resp.headers()["location"].to_str().unwrap().to_string()
}

#[tokio::test]
async fn a_whatconverts_key_is_verified_stored_and_forgotten_on_disconnect() {
    let f = fixture("wc").await;
    let fields = key_fields;
    let bad = f
        .service
        .connect_api_key("whatconverts", fields("wrong", "key"))
        .await
        .unwrap_err();
    assert_eq!(
        bad.to_user("WhatConverts").message,
        "WhatConverts didn't accept these credentials. Check them and try again."
    );
    assert!(
        f.service.list().unwrap().is_empty(),
        "a refused key stores nothing"
    );

    let c = f
        .service
        .connect_api_key(
            "whatconverts",
            fields(
                plugboard_sim::WHATCONVERTS_TOKEN,
                plugboard_sim::WHATCONVERTS_SECRET,
            ),
        )
        .await
        .unwrap();
    assert_eq!(c.account, "API token ••••1234");
    assert_eq!(c.expires_at, None);
    assert!(keychain_has(&f.vault, c.id.as_str()));
    let index = std::fs::read_to_string(f.dir.join("connections.json")).unwrap();
    assert!(
        !index.contains(plugboard_sim::WHATCONVERTS_SECRET)
            && !index.contains(plugboard_sim::WHATCONVERTS_TOKEN)
    );

    let (_, report) = f.service.disconnect(&c.id).await.unwrap();
    assert!(matches!(
        report,
        DisconnectReport::NotSupported { note: Some(_) }
    ));
    assert!(!keychain_has(&f.vault, c.id.as_str()));
    assert!(f.service.list().unwrap().is_empty());
    assert_eq!(
        f.service.disconnect(&c.id).await.unwrap().1,
        DisconnectReport::AlreadyGone
    );
}

#[tokio::test]
async fn hotmart_credentials_mint_a_sandbox_token_that_lasts_two_days() {
    let f = fixture("hotmart").await;
    let c = f
        .service
        .connect_client_credentials(
            "hotmart",
            &plugboard_sim::client_id("hotmart"),
            SecretString::new(plugboard_sim::client_secret("hotmart")),
            Some("sandbox"),
            Some("aG90bWFydC1kZW1vLWNsaWVudDpob3RtYXJ0LWRlbW8tc2VjcmV0"),
        )
        .await
        .unwrap();
    assert_eq!(c.environment.as_deref(), Some("sandbox"));
    assert!(
        c.account.starts_with("Sandbox · client ••••"),
        "{}",
        c.account
    );
    let left = c.expires_at.unwrap() - plugboard_core::service::unix_now();
    assert!((172_700..=172_799).contains(&left), "{left}");
    assert_eq!(f.sim.count("hotmart.mint"), 1);
    let mismatch = f
        .service
        .connect_client_credentials(
            "hotmart",
            &plugboard_sim::client_id("hotmart"),
            SecretString::new(plugboard_sim::client_secret("hotmart")),
            None,
            Some("Basic bm90LXRoZS1zYW1lOnBhaXI="),
        )
        .await
        .unwrap_err();
    assert!(matches!(mismatch, ServiceError::BasicTokenMismatch));
    assert_eq!(
        f.sim.count("hotmart.mint"),
        1,
        "a mismatched Basic token is caught before any request"
    );
    let empty = f
        .service
        .connect_client_credentials("hotmart", " ", SecretString::new("x"), None, None)
        .await
        .unwrap_err();
    assert_eq!(
        empty.to_user("Hotmart").message,
        "Please fill in “Client ID”."
    );
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn hubspot_signs_in_labels_the_portal_ignores_a_duplicate_callback_and_revokes_on_disconnect()
{
    let f = fixture("hubspot").await;
    let started = f.service.begin_sign_in("hubspot").await.unwrap();
    assert_eq!(
        started.redirect_uri,
        "http://localhost:53682/oauth/callback"
    );
    assert!(f.service.sign_in_pending("hubspot"));
    let params = browse(&started.url).await;

    let (provider, result) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(provider.as_deref(), Some("hubspot"));
    let c = result.unwrap();
    assert_eq!(c.account, "example-portal.hubspot.com · ana@example.com");
    assert_eq!(c.scopes, ["oauth", "crm.objects.contacts.read"]);
    assert!(keychain_has(&f.vault, c.id.as_str()));

    // The same callback again: ignored, and no second code exchange reaches the provider.
    let (_, again) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert!(matches!(again, Err(ServiceError::UnknownState)));
    assert_eq!(f.sim.count("hubspot.token"), 1);
    assert_eq!(f.service.list().unwrap().len(), 1);

    let (_, report) = f.service.disconnect(&c.id).await.unwrap();
    assert_eq!(report, DisconnectReport::Revoked);
    assert_eq!(f.sim.count("hubspot.revoke"), 1);
    assert!(!keychain_has(&f.vault, c.id.as_str()));
}

#[tokio::test]
async fn ecwid_is_labelled_with_its_store_and_signing_in_again_reconnects_it() {
    let f = fixture("ecwid").await;
    let mut ids = Vec::new();
    for _ in 0..2 {
        let started = f.service.begin_sign_in("ecwid").await.unwrap();
        assert_eq!(
            started.redirect_uri,
            "dev.plugboard.desktop:/oauth/callback"
        );
        let params = browse(&started.url).await;
        let c = f
            .service
            .complete_sign_in(|k| params.get(k).cloned())
            .await
            .1
            .unwrap();
        assert_eq!(c.account, "Store 1003 · owner@shop.example.com");
        assert_eq!(c.expires_at, None);
        assert_eq!(c.live.countdown, "Does not expire");
        ids.push(c.id);
    }
    assert_eq!(
        ids[0], ids[1],
        "the same store again is a reconnect, not a duplicate"
    );
    assert_eq!(f.service.list().unwrap().len(), 1);
    let kinds = events_of(&f, &ids[0]);
    assert_eq!(kinds, [EventKind::Reconnected, EventKind::Connected]);
    let (_, report) = f.service.disconnect(&ids[0]).await.unwrap();
    assert_eq!(
        report,
        DisconnectReport::NotSupported {
            note: Some("Ecwid has no revoke: uninstall the app in your Ecwid admin.".into())
        }
    );
    assert!(f.service.list().unwrap().is_empty());
    assert_eq!(
        f.service.timeline().of(&ids[0])[0].kind,
        EventKind::Disconnected
    );
}

#[tokio::test]
async fn declined_consent_forged_state_and_missing_credentials_store_nothing() {
    let f = fixture("negative").await;
    f.sim.set_faults(Faults {
        decline_consent: true,
        ..Faults::default()
    });
    let params = browse(&f.service.begin_sign_in("ecwid").await.unwrap().url).await;
    let (provider, result) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(provider.as_deref(), Some("ecwid"));
    assert_eq!(
        result.unwrap_err().to_user("Ecwid").message,
        "You declined the request in Ecwid, so nothing was connected."
    );

    let forged = HashMap::from([
        ("code".to_string(), "x".to_string()),
        ("state".to_string(), "forged".to_string()),
    ]);
    let (_, result) = f.service.complete_sign_in(|k| forged.get(k).cloned()).await;
    assert!(matches!(result, Err(ServiceError::UnknownState)));
    assert_eq!(
        f.sim.count("ecwid.token"),
        0,
        "no token request for an unknown state"
    );

    let missing = f.service.begin_sign_in("whatconverts").await.unwrap_err();
    assert!(missing
        .to_user("WhatConverts")
        .message
        .starts_with("WhatConverts needs app credentials"));
    assert!(f.service.list().unwrap().is_empty());
}

#[tokio::test]
async fn app_credentials_saved_in_settings_sign_in_with_the_secret_from_the_keychain() {
    let f = fixture("settings").await;
    assert!(!f.service.has_credentials("whatconverts"));
    let empty = f
        .service
        .save_app_credentials("whatconverts", "id", SecretString::new("  "))
        .await
        .unwrap_err();
    assert_eq!(
        empty.to_user("WhatConverts").message,
        "Please fill in “Client secret”."
    );
    f.service
        .save_app_credentials(
            "whatconverts",
            &plugboard_sim::client_id("whatconverts"),
            SecretString::new(plugboard_sim::client_secret("whatconverts")),
        )
        .await
        .unwrap();
    assert!(f.service.has_credentials("whatconverts"));
    let saved = std::fs::read_to_string(f.dir.join("app-credentials.json")).unwrap();
    assert!(
        !saved.contains(&plugboard_sim::client_secret("whatconverts")),
        "the secret stays in the keychain"
    );
    // The blog's OAuth flow for WhatConverts, with the saved credentials.
    let params = browse(&f.service.begin_sign_in("whatconverts").await.unwrap().url).await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    assert_eq!(c.scopes, ["read_leads"]);
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn a_callback_after_a_restart_completes_the_sign_in_and_its_state_works_once() {
    let f = fixture("restart").await;
    let started = f.service.begin_sign_in("ecwid").await.unwrap();
    let params = browse(&started.url).await;
    // Plugboard closes; the OS starts a new one with the link: same keychain, same data folder.
    let catalogue = Catalogue::parse(
        &f.sim.providers_toml(53682),
        &Origin::File("sim.toml".into()),
    )
    .unwrap();
    let restart = || {
        let service = Connections::new(catalogue.clone(), f.vault.clone(), &f.dir);
        service.credentials.set("ecwid", sim_creds("ecwid"));
        service
    };
    let restarted = restart();
    let c = restarted
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    assert_eq!(c.account, "Store 1003 · owner@shop.example.com");
    // Another restart with the same link: the state was used, so it is refused before any exchange.
    let (_, again) = restart().complete_sign_in(|k| params.get(k).cloned()).await;
    assert!(
        matches!(again, Err(ServiceError::UnknownState)),
        "{again:?}"
    );
    assert_eq!(f.sim.count("ecwid.token"), 1);
    restarted.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn a_response_from_another_issuer_is_refused_before_any_token_request() {
    let f = fixture("issuer").await;
    let mut params = browse(&f.service.begin_sign_in("ecwid").await.unwrap().url).await;
    params.insert("iss".into(), "https://evil.example".into());
    let (_, result) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    let err = result.unwrap_err();
    assert_eq!(
        err.to_user("Ecwid").code,
        plugboard_core::error::ErrorCode::StateMismatch
    );
    assert_eq!(f.sim.count("ecwid.token"), 0);
    assert!(f.service.list().unwrap().is_empty());
}

#[tokio::test]
async fn a_failed_revoke_still_removes_the_local_copy_and_says_so() {
    let f = fixture("revoke-fail").await;
    let params = browse(&f.service.begin_sign_in("hubspot").await.unwrap().url).await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    f.sim.set_faults(Faults {
        revoke_unavailable: true,
        ..Faults::default()
    });
    let (_, report) = f.service.disconnect(&c.id).await.unwrap();
    assert_eq!(
        report,
        DisconnectReport::RevokeFailed {
            reason: "HTTP 503".into()
        }
    );
    assert!(!keychain_has(&f.vault, c.id.as_str()));
    assert!(f.service.list().unwrap().is_empty());
}

#[tokio::test]
async fn a_callback_that_starts_plugboard_after_the_sign_in_expired_says_it_expired() {
    let f = fixture("expired").await;
    let params = browse(&f.service.begin_sign_in("ecwid").await.unwrap().url).await;
    // Age the stored sign-in past its 10-minute deadline, as if the person came back much later.
    let stored = f.vault.get(&VaultKey::PendingSignIns).unwrap().unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(stored.expose()).unwrap();
    for item in doc.as_array_mut().unwrap() {
        item["expires_at"] = serde_json::json!(plugboard_core::service::unix_now() - 60);
    }
    f.vault
        .put(
            &VaultKey::PendingSignIns,
            &SecretString::new(doc.to_string()),
        )
        .unwrap();

    let catalogue = Catalogue::parse(
        &f.sim.providers_toml(53682),
        &Origin::File("sim.toml".into()),
    )
    .unwrap();
    let restarted = Connections::new(catalogue, f.vault.clone(), &f.dir);
    let (provider, result) = restarted.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(provider.as_deref(), Some("ecwid"));
    assert_eq!(
        result.unwrap_err().to_user("Ecwid").message,
        "The sign-in to Ecwid took too long and expired. Start again with Connect."
    );
    assert_eq!(f.sim.count("ecwid.token"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_concurrent_refreshes_send_one_request_and_a_rotated_token_is_kept() {
    let f = fixture("refresh").await;
    f.sim.set_faults(Faults {
        rotate_refresh_tokens: true,
        ..Faults::default()
    });
    let params = browse(&f.service.begin_sign_in("hubspot").await.unwrap().url).await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();

    let service = std::sync::Arc::new(f.service);
    let calls: Vec<_> = (0..100)
        .map(|_| {
            let s = service.clone();
            let id = c.id.clone();
            tokio::spawn(async move { s.refresh(&id).await.map(|v| v.expires_at) })
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
            "hotmart",
            &plugboard_sim::client_id("hotmart"),
            SecretString::new(plugboard_sim::client_secret("hotmart")),
            None,
            None,
        )
        .await
        .unwrap();
    f.service.refresh(&h.id).await.unwrap();
    assert_eq!(f.sim.count("hotmart.mint"), 2);
    let fields = key_fields(
        plugboard_sim::WHATCONVERTS_TOKEN,
        plugboard_sim::WHATCONVERTS_SECRET,
    );
    let w = f
        .service
        .connect_api_key("whatconverts", fields)
        .await
        .unwrap();
    let refreshed = f.service.refresh(&w.id).await.unwrap();
    assert_eq!(refreshed.expires_at, None);
    assert_eq!(f.sim.count("whatconverts.check"), 2);
    f.service.disconnect(&h.id).await.unwrap();
    f.service.disconnect(&w.id).await.unwrap();
}

async fn connect_hubspot(f: &Fixture) -> plugboard_core::service::ConnectionView {
    let params = browse(&f.service.begin_sign_in("hubspot").await.unwrap().url).await;
    f.service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap()
}

#[tokio::test]
async fn the_scheduler_refreshes_ahead_of_expiry_and_after_a_sleep_with_a_fake_clock() {
    let f = fixture("schedule").await;
    let c = connect_hubspot(&f).await;
    let t0 = f.clock.now();
    assert_eq!(c.expires_at, Some(t0 + 1_800));
    assert_eq!(c.live.countdown, "Expires in 30:00");
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

#[tokio::test]
async fn another_process_sees_a_temporary_problem_and_each_card_shows_its_most_urgent_status() {
    let f = fixture("board").await;
    let c = connect_hubspot(&f).await;
    let key = f
        .service
        .connect_api_key(
            "whatconverts",
            key_fields(
                plugboard_sim::WHATCONVERTS_TOKEN,
                plugboard_sim::WHATCONVERTS_SECRET,
            ),
        )
        .await
        .unwrap();
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    f.service.refresh(&c.id).await.unwrap_err();
    // A second service over the same folder and keychain: another process, which never saw the
    // failure, reads it from the stored flag — the window and `plugboard status` agree.
    let catalogue = f.service.catalogue().clone();
    let other = Connections::new(catalogue, f.vault.clone(), &f.dir).with_clock(f.clock.clone());
    other.credentials.set("hubspot", sim_creds("hubspot"));
    let board = other.live_board().unwrap();
    let of = |id: &plugboard_core::connection::ConnectionId| {
        board
            .connections
            .iter()
            .find(|l| &l.id == id)
            .unwrap()
            .health
    };
    assert_eq!(of(&c.id), Health::TemporaryProblem);
    assert_eq!(of(&key.id), Health::Connected);
    let card = |p: &str| {
        board
            .cards
            .iter()
            .find(|c| c.provider == p)
            .unwrap()
            .clone()
    };
    assert_eq!(card("hubspot").health, Health::TemporaryProblem);
    assert_eq!(card("hubspot").label, "Temporary problem");
    assert_eq!(card("whatconverts").health, Health::Connected);
    assert!(board.cards.iter().all(|c| c.provider != "ecwid"));
    // The most urgent status leads: a locked keychain outranks the temporary problem.
    assert_eq!(
        Health::worst([
            Health::Connected,
            Health::KeychainLocked,
            Health::TemporaryProblem
        ]),
        Some(Health::KeychainLocked)
    );
    f.sim.set_faults(Faults::default());
    let ok = other.refresh(&c.id).await.unwrap();
    assert_eq!(
        ok.live.health,
        Health::Connected,
        "a success clears the flag"
    );
}

#[tokio::test]
async fn a_keychain_item_gone_from_an_open_keychain_needs_a_reconnect_not_an_unlock() {
    let f = fixture("item-gone").await;
    let c = connect_hubspot(&f).await;
    let key = VaultKey::Connection(c.id.clone());
    f.vault.delete(&key).unwrap();

    let err = f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(
        err.kind(),
        plugboard_core::service::ErrorKind::KeychainItemMissing
    );
    let user = err.to_user("HubSpot");
    assert_eq!(user.code, plugboard_core::error::ErrorCode::ReconnectNeeded);
    assert!(
        user.message.contains("gone from your keychain"),
        "{}",
        user.message
    );
    assert!(!user.message.contains("locked"), "{}", user.message);
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::ReconnectNeeded);
    assert!(events_of(&f, &c.id).contains(&EventKind::ReconnectNeeded));
    assert_eq!(
        f.service.keychain_state(),
        plugboard_core::lifetime::KeychainState::Ready
    );
    // Not retried by the scheduler: only a new sign-in mends it.
    assert!(f.service.due_refreshes().unwrap().is_empty());

    // The copy path says the same, and signing in again brings it back under its id.
    let err = f.service.token_material(&c.id).await.err().unwrap();
    assert!(err.needs_reconnect());
    let again = connect_hubspot(&f).await;
    assert_eq!(again.id, c.id);
    assert_eq!(again.live.health, Health::Connected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_terminal_sign_in_listens_on_loopback_ignores_strays_and_also_takes_a_pasted_address() {
    let f = fixture("session").await;
    // Ecwid comes back through a deep link in the window; a shell gets a loopback listener.
    let sign_in = f
        .service
        .start_sign_in("ecwid", ReturnTo::Terminal)
        .await
        .unwrap();
    assert!(sign_in.listens());
    let redirect = sign_in.started.redirect_uri.clone();
    assert!(redirect.starts_with("http://127.0.0.1:"), "{redirect}");
    let location = redirect_of(&sign_in.started.url).await;
    assert!(location.starts_with(&redirect), "{location}");
    let http = plugboard_core::http::client();
    let waiting = f.service.wait_for_browser(sign_in, std::future::pending());
    let browser = async {
        // Another page's <img> on the callback path: refused, and the wait goes on.
        let stray = http.get(&redirect).send().await.unwrap();
        assert_eq!(stray.status(), 400);
        let back = http.get(&location).send().await.unwrap();
        assert_eq!(back.status(), 200);
    };
    let (params, ()) = tokio::join!(waiting, browser);
    let params = params.unwrap();
    let (_, done) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    let first = done.unwrap();

    // The same with the browser elsewhere: the address it ended on, pasted.
    let sign_in = f
        .service
        .start_sign_in("ecwid", ReturnTo::Terminal)
        .await
        .unwrap();
    let location = redirect_of(&sign_in.started.url).await;
    let params = f
        .service
        .wait_for_browser(sign_in, async { Some(location) })
        .await
        .unwrap();
    let (_, done) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(done.unwrap().id, first.id, "the same store, reconnected");

    // Something that is not an address is said so, in the person's words.
    let sign_in = f
        .service
        .start_sign_in("ecwid", ReturnTo::Terminal)
        .await
        .unwrap();
    let err = f
        .service
        .wait_for_browser(sign_in, async { Some("not an address".to_string()) })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), plugboard_core::service::ErrorKind::BadInput);
    assert!(err
        .to_user("Ecwid")
        .message
        .contains("paste the whole address"));
    // The window's redirect for Ecwid is the deep link: nothing to listen on.
    let window = f
        .service
        .start_sign_in("ecwid", ReturnTo::Window)
        .await
        .unwrap();
    assert!(!window.listens());
    assert!(window
        .started
        .redirect_uri
        .starts_with("dev.plugboard.desktop:"));
}

#[tokio::test]
async fn copyable_token_forms_and_diagnostics_that_never_hold_a_secret() {
    let f = fixture("copy").await;
    let c = connect_hubspot(&f).await;
    let m = f.service.token_material(&c.id).await.unwrap();
    let token = m.access_token.expose().to_string();
    let refresh = m.refresh_token.as_ref().unwrap().expose().to_string();
    assert!(token.starts_with("hs-at"));
    assert_eq!(m.header.expose(), format!("Authorization: Bearer {token}"));
    let curl = m.curl.as_ref().unwrap().expose().to_string();
    assert!(
        curl.starts_with("curl -sS ")
            && curl.contains(&format!(
                " -H 'Authorization: Bearer {token}' 'http://127.0.0.1:"
            )),
        "{curl}"
    );
    assert!(
        curl.ends_with(&format!("/oauth/v1/access-tokens/{token}'")),
        "{curl}"
    );
    // The curl line works against the provider.
    // (Off the runtime thread: the simulator answers on it.)
    let line = curl.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("sh").args(["-c", &line]).output().unwrap()
    })
    .await
    .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("hub_domain"),
        "{out:?}"
    );

    // A failure, so the report has an error in it too.
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let _ = f.service.refresh(&c.id).await;
    let fields = key_fields(
        plugboard_sim::WHATCONVERTS_TOKEN,
        plugboard_sim::WHATCONVERTS_SECRET,
    );
    let w = f
        .service
        .connect_api_key("whatconverts", fields)
        .await
        .unwrap();
    let wm = f.service.token_material(&w.id).await.unwrap();
    assert!(wm.header.expose().starts_with("Authorization: Basic "));

    let report = f.service.diagnostics(&[("Version", "0.0.0-test".into())]);
    assert!(
        report.contains(c.id.as_str()) && report.contains("Temporary problem"),
        "{report}"
    );
    assert!(report.contains("provider_unavailable"), "{report}");
    assert!(report.contains("Does not expire"), "{report}");
    for planted in [
        token.as_str(),
        refresh.as_str(),
        plugboard_sim::WHATCONVERTS_TOKEN,
        plugboard_sim::WHATCONVERTS_SECRET,
        &plugboard_sim::client_secret("hubspot"),
        wm.access_token.expose(),
    ] {
        assert!(!report.contains(planted), "diagnostics leaked a secret");
    }
    let files = ["connections.json", "timeline.json"]
        .map(|n| std::fs::read_to_string(f.dir.join(n)).unwrap());
    for text in &files {
        assert!(!text.contains(&token) && !text.contains(&refresh));
    }
    f.service.disconnect(&c.id).await.unwrap();
    f.service.disconnect(&w.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_identity_call_gets_one_refresh_then_needs_a_reconnect() {
    let f = fixture("identity").await;
    // A token that really expires (the simulator keeps real time): refused, refreshed, fine.
    f.sim.set_faults(Faults {
        hubspot_lifetime: Some(1),
        ..Faults::default()
    });
    let c = connect_hubspot(&f).await;
    f.sim.set_faults(Faults::default());
    assert_eq!(
        f.service.take_checks(),
        std::slice::from_ref(&c.id),
        "checked at start"
    );
    assert!(f.service.take_checks().is_empty(), "once");
    tokio::time::sleep(std::time::Duration::from_millis(2_100)).await;
    let ok = f.service.verify(&c.id).await.unwrap();
    assert_eq!(ok.live.health, Health::Connected);
    assert_eq!(f.sim.count("hubspot.refresh"), 1);

    // Refused whatever the token: one refresh, then "Reconnect needed" (not a loop).
    f.sim.set_faults(Faults {
        identity_unauthorized: true,
        ..Faults::default()
    });
    let err = f.service.verify(&c.id).await.unwrap_err();
    assert_eq!(
        err.to_user("HubSpot").code,
        plugboard_core::error::ErrorCode::ReconnectNeeded
    );
    assert_eq!(f.sim.count("hubspot.refresh"), 2);
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::ReconnectNeeded);
    // After a sleep, connections are checked again — except the one already needing a reconnect.
    f.service.due_refreshes().unwrap();
    f.clock.advance(3_600);
    f.service.due_refreshes().unwrap();
    assert!(f.service.take_checks().is_empty());
    f.sim.set_faults(Faults::default());
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_public_client_is_named_by_introspection_and_refreshed_once_by_two_services() {
    let f = fixture("nimbus").await;
    // Sign-in tokens live 30 s, so both services below want a refresh.
    f.sim.set_faults(Faults {
        nimbus_lifetime: Some(30),
        ..Faults::default()
    });
    // The command line's loopback redirect instead of the catalogue's deep link.
    let started = f
        .service
        .begin_sign_in_at("nimbus", Some("http://127.0.0.1:9/callback".into()))
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

//! Keychain items' labels in a real Secret Service: what a keyring app (Seahorse) lists Plugboard's
//! items as. This test gets a D-Bus session and gnome-keyring of its own ([`PrivateKeychain`]), so
//! locking it disturbs no other test, connects HubSpot against the simulator and reads each item's
//! label back from another process (`secret-tool`): set at connect, refresh, reconnect and rename
//! (a rename without touching the secret), and brought up to date at start for an item an older
//! version labelled — with no secret read (every call to the service recorded by `dbus-monitor`),
//! and not while the keychain is locked (tried again at the next start). No display: an unlock
//! prompt could not wait for anyone.
//!
//! The only test in its binary: it points the process's session bus at its own keychain. Its
//! steps run in turn, each named as what it shows.

use std::collections::HashMap;
use std::path::Path;

use plugboard_core::catalogue::{Catalogue, Origin, ProviderId};
use plugboard_core::connection::ConnectionId;
use plugboard_core::flow::AppCredentials;
use plugboard_core::secret::ClientSecret;
use plugboard_core::service::{ConnectionView, Connections};
use plugboard_core::vault::{Vault, VaultKey};
use plugboard_e2e::PrivateKeychain;
use plugboard_sim::Simulator;

const NAMESPACE: &str = "test-labels";
/// The simulator's HubSpot account, as Plugboard labels it.
const ACCOUNT: &str = "example-portal.hubspot.com · ana@example.com";

#[test]
#[ignore = "needs the private test session: run `make test`"]
fn keychain_items_are_labelled_in_plain_words_in_the_real_secret_service() {
    assert!(
        std::env::var_os("PLUGBOARD_TEST_SESSION").is_some(),
        "run inside the private test session: `make test`"
    );
    let dir = std::env::temp_dir().join(format!("plugboard-labels-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let keychain = PrivateKeychain::start(&dir);
    // Before any thread of this process could read them: the vault's connection and
    // `secret-tool` find the bus here; no display, so an unlock prompt cannot wait for a person.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &keychain.address);
    std::env::remove_var("DISPLAY");
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(async {
            let sim = Simulator::start().await.unwrap();
            let service = open(&sim, &dir.join("data"));
            let c =
                a_connection_and_app_credentials_are_labelled_as_what_they_are(&keychain, &service)
                    .await;
            a_rename_relabels_the_item_and_refresh_and_reconnect_keep_the_name(
                &keychain, &service, &c,
            )
            .await;
            an_older_versions_label_is_replaced_at_start_without_reading_a_secret(
                &keychain, &service, &c,
            )
            .await;
            the_lost_item_check_costs_the_same_calls_at_any_number_of_items(&keychain, &service)
                .await;
            a_locked_keychain_is_relabelled_at_a_later_start_not_now(&keychain, &sim, &dir, &c)
                .await;
        });
    drop(keychain);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The service as the window opens it, over the simulator, in this test's namespace.
fn open(sim: &Simulator, data: &Path) -> Connections {
    let catalogue =
        Catalogue::parse(&sim.providers_toml(53682), &Origin::File("sim.toml".into())).unwrap();
    let service = Connections::new(catalogue, Vault::new(Some(NAMESPACE)), data);
    service.credentials.set(
        "hubspot",
        AppCredentials {
            client_id: plugboard_sim::client_id("hubspot"),
            client_secret: Some(ClientSecret::new(plugboard_sim::client_secret("hubspot"))),
        },
    );
    service
}

/// The label of the simulator's HubSpot connection, without and with its name.
fn plain() -> String {
    format!("Plugboard (test-labels) — HubSpot ({ACCOUNT})")
}

fn named() -> String {
    format!("Plugboard (test-labels) — HubSpot: Client B ({ACCOUNT})")
}

fn service_name() -> String {
    format!("{}.{NAMESPACE}", Vault::SERVICE)
}

fn connection_item(id: &ConnectionId) -> String {
    Vault::account_name(&VaultKey::Connection(id.clone()))
}

/// Signs in to HubSpot through the simulator (as the browser would).
async fn sign_in(service: &Connections) -> ConnectionView {
    let started = service.begin_sign_in(&hubspot()).await.unwrap();
    let resp = plugboard_core::http::client()
        .get(&started.url)
        .send()
        .await
        .unwrap();
    let location = url::Url::parse(resp.headers()["location"].to_str().unwrap()).unwrap();
    let params: HashMap<String, String> = location.query_pairs().into_owned().collect();
    service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap()
}

fn hubspot() -> ProviderId {
    ProviderId::parse("hubspot").unwrap()
}

async fn a_connection_and_app_credentials_are_labelled_as_what_they_are(
    keychain: &PrivateKeychain,
    service: &Connections,
) -> ConnectionView {
    let svc = service_name();
    let started = service.begin_sign_in(&hubspot()).await.unwrap();
    assert_eq!(
        keychain.label(&svc, "pending-sign-ins").as_deref(),
        Some("Plugboard (test-labels) — sign-ins waiting for the browser"),
        "the pending sign-ins' item"
    );
    service.cancel_sign_in(&started.provider);

    let c = sign_in(service).await;
    assert_eq!(c.account, ACCOUNT);
    assert_eq!(
        keychain.label(&svc, &connection_item(&c.id)),
        Some(plain()),
        "a new connection's item: {}",
        keychain.items(&svc)
    );

    // App credentials typed into Settings (Ecwid's: HubSpot's come with the simulator).
    service
        .save_app_credentials(
            &ProviderId::parse("ecwid").unwrap(),
            &plugboard_sim::client_id("ecwid"),
            ClientSecret::new(plugboard_sim::client_secret("ecwid")),
        )
        .await
        .unwrap();
    assert_eq!(
        keychain.label(&svc, "client-secret:ecwid").as_deref(),
        Some("Plugboard (test-labels) — Ecwid app credentials")
    );
    c
}

async fn a_rename_relabels_the_item_and_refresh_and_reconnect_keep_the_name(
    keychain: &PrivateKeychain,
    service: &Connections,
    c: &ConnectionView,
) {
    let (svc, item) = (service_name(), connection_item(&c.id));
    let secret = keychain
        .secret(&svc, &item)
        .expect("the connection's secret");

    let watch = keychain.watch_calls();
    service.rename(&c.id, "Client B").await.unwrap();
    let calls = watch.finish();
    assert_eq!(keychain.label(&svc, &item), Some(named()));
    assert_eq!(
        keychain.secret(&svc, &item).as_deref(),
        Some(secret.as_str()),
        "the secret is as it was"
    );
    assert!(
        !calls.iter().any(|c| c.starts_with("GetSecret")),
        "a rename reads no secret: {calls:?}"
    );

    service.refresh(&c.id).await.unwrap();
    assert_ne!(
        keychain.secret(&svc, &item).as_deref(),
        Some(secret.as_str()),
        "refreshed"
    );
    assert_eq!(keychain.label(&svc, &item), Some(named()));

    let again = sign_in(service).await;
    assert_eq!(again.id, c.id, "a reconnect of the same account");
    assert_eq!(keychain.label(&svc, &item), Some(named()));

    service.rename(&c.id, "").await.unwrap();
    assert_eq!(
        keychain.label(&svc, &item),
        Some(plain()),
        "a name taken away leaves the label"
    );
    service.rename(&c.id, "Client B").await.unwrap();
}

async fn an_older_versions_label_is_replaced_at_start_without_reading_a_secret(
    keychain: &PrivateKeychain,
    service: &Connections,
    c: &ConnectionView,
) {
    let svc = service_name();
    // Items as keyring 3 labelled them for Plugboard up to now: one of a connection the index
    // lists, one nobody lists (an orphan), and an item of a name Plugboard does not give.
    let old = |account: &str| format!("{account}@{svc}:default (keyring v3.6.3)");
    let item = connection_item(&c.id);
    keychain.set_label(&svc, &item, &old(&item));
    let orphan = "connection:hubspot-0000dead";
    keychain.store_labelled(&svc, orphan, &old(orphan), "{}");
    keychain.store_labelled(&svc, "not-ours", "someone's item", "x");
    assert_eq!(keychain.label(&svc, &item), Some(old(&item)));

    // A new process's start (a command, the window): the service opened afresh.
    let watch = keychain.watch_calls();
    let relabelled = service.relabel_items().await;
    let calls = watch.finish();
    assert_eq!(relabelled, 2);
    assert!(
        calls.iter().any(|c| c == "SearchItems") && calls.iter().any(|c| c == "Set"),
        "the calls are seen: {calls:?}"
    );
    assert!(
        !calls.iter().any(|c| c.starts_with("GetSecret")),
        "no secret read: {calls:?}"
    );
    assert_eq!(keychain.label(&svc, &item), Some(named()));
    assert_eq!(
        keychain.label(&svc, orphan).as_deref(),
        Some("Plugboard (test-labels) — HubSpot (hubspot-0000dead)"),
        "an orphan says its provider and id"
    );
    assert_eq!(
        keychain.label(&svc, "not-ours").as_deref(),
        Some("someone's item")
    );

    // Nothing changed since that pass: no keychain call at all (the keychain calls at start stay
    // flat in the number of connections).
    let watch = keychain.watch_calls();
    assert_eq!(service.relabel_items().await, 0);
    let calls = watch.finish();
    // (An `Introspect` may be seen: a D-Bus client's own look at the service, not a keychain call.)
    assert!(
        calls.iter().all(|c| c == "Introspect"),
        "no keychain call: {calls:?}"
    );
    keychain.remove(&svc, orphan);
    keychain.remove(&svc, "not-ours");
}

/// The check for lost items made at every start and command lists the items and asks about each
/// one only the first time it sees it (their object paths and accounts are kept beside the index):
/// ten more items cost no more calls, and no secret is read.
async fn the_lost_item_check_costs_the_same_calls_at_any_number_of_items(
    keychain: &PrivateKeychain,
    service: &Connections,
) {
    let svc = service_name();
    let calls_of_a_check = || async {
        let watch = keychain.watch_calls();
        let (found, _) = service.notice_lost_items().await.unwrap();
        let mut calls = watch.finish();
        calls.retain(|c| c != "Introspect");
        calls.sort();
        (found, calls)
    };
    let _ = service.notice_lost_items().await.unwrap();
    let (found, few) = calls_of_a_check().await;
    assert!(found.is_empty(), "{found:?}");
    assert!(few.iter().any(|c| c == "SearchItems"), "{few:?}");

    let strays: Vec<String> = (0..10)
        .map(|i| format!("connection:hubspot-0000{i:04x}"))
        .collect();
    for stray in &strays {
        keychain.store_labelled(&svc, stray, "a stray", "{}");
    }
    let watch = keychain.watch_calls();
    let (found, _) = service.notice_lost_items().await.unwrap();
    let first = watch.finish();
    assert_eq!(found.keychain_only.len(), 10, "{found:?}");
    assert!(
        first.len() > few.len(),
        "new items are asked about once: {first:?}"
    );

    let (found, many) = calls_of_a_check().await;
    assert_eq!(found.keychain_only.len(), 10);
    assert_eq!(many, few, "the same calls with ten more items");
    assert!(!many.iter().any(|c| c.starts_with("GetSecret")), "{many:?}");
    for stray in &strays {
        keychain.remove(&svc, stray);
    }
}

async fn a_locked_keychain_is_relabelled_at_a_later_start_not_now(
    keychain: &PrivateKeychain,
    sim: &Simulator,
    dir: &Path,
    c: &ConnectionView,
) {
    let (svc, item) = (service_name(), connection_item(&c.id));
    let old = format!("{item}@{svc}:default (keyring v3.6.3)");
    keychain.set_label(&svc, &item, &old);
    // As an older version left it: items of its labels, and no note of a relabelling pass.
    let _ = std::fs::remove_file(dir.join("data").join(plugboard_core::service::LABELS_FILE));
    // The keyring daemon restarted and nobody has unlocked it yet.
    keychain.restart_locked();
    let service = open(sim, &dir.join("data"));
    let watch = keychain.watch_calls();
    assert_eq!(service.relabel_items().await, 0, "nothing while locked");
    let calls = watch.finish();
    assert!(
        !calls
            .iter()
            .any(|c| c == "Unlock" || c.starts_with("GetSecret")),
        "no prompt, no secret read: {calls:?}"
    );
    // The person unlocks it; the next start relabels.
    keychain.stop_daemon();
    keychain.start_unlocked();
    assert_eq!(keychain.label(&svc, &item), Some(old));
    let service = open(sim, &dir.join("data"));
    assert_eq!(service.relabel_items().await, 1);
    assert_eq!(keychain.label(&svc, &item), Some(named()));
}

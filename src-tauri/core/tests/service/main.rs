//! The connection service end to end below the window: the provider simulator on 127.0.0.1, an
//! in-memory secret store behind the vault's seam (the real Secret Service is proven by
//! `keychain.rs` and `locked.rs`), an index in a temporary folder. A plain `cargo test` runs them.
//!
//! By use case: `connect` (keys, client credentials, disconnect), `sign_in` (browser sign-ins),
//! `refresh` (single flight, scheduler, back-off, reconnect), `defaults` (a bare provider id among
//! several connections: its default, or the candidates), `attention` (what needs a person:
//! the tray and notifications), `sleep` (the scheduler that sleeps until the next due moment), `checks` (status, identity checks,
//! a lost keychain item, what a developer copies), `custody` (tokens never lost: rotated tokens the
//! keychain refused survive the process, a full disk during reconnect and disconnect, clock steps,
//! stop signals wait), `faults` (the fault matrix: a token endpoint
//! that answers badly, slowly or not at all, a provider that forgot, a keychain that refuses a
//! write after a rotation, many callers at once), `upgrade` (a connection an earlier version stored,
//! on the provider's current API). This file holds the fixture they share.

mod attention;
mod checks;
mod connect;
mod custody;
mod defaults;
mod faults;
mod idle;
mod refresh;
mod sign_in;
mod sleep;
mod truth;
mod upgrade;

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;

use plugboard_core::catalogue::{Catalogue, Origin, ProviderId};
use plugboard_core::flow::AppCredentials;
use plugboard_core::lifetime::{Clock, FakeClock, Health};
use plugboard_core::secret::{ClientSecret, SecretString};
use plugboard_core::service::{Connections, DisconnectReport, ReturnTo, ServiceError};
use plugboard_core::timeline::EventKind;
use plugboard_core::vault::{MemoryStore, Vault, VaultKey};
use plugboard_sim::{Faults, Simulator};

/// A provider id, as the front ends parse it at their boundary.
fn pid(id: &str) -> ProviderId {
    ProviderId::parse(id).unwrap()
}

/// The simulator's app credentials for `provider`.
fn sim_creds(provider: &str) -> AppCredentials {
    AppCredentials {
        client_id: plugboard_sim::client_id(provider),
        client_secret: Some(ClientSecret::new(plugboard_sim::client_secret(provider))),
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
    /// The vault's store, to lock it or make it refuse writes.
    store: std::sync::Arc<MemoryStore>,
    dir: PathBuf,
}

async fn fixture(name: &str) -> Fixture {
    let dir = std::env::temp_dir().join(format!("plugboard-service-{name}-{}", std::process::id()));
    fixture_in(name, dir).await
}

/// As [`fixture`], with the data folder at `dir` (a small disk, say); tokens the keychain
/// refuses wait in a folder beside the test's temporary folders (the login's runtime folder is
/// another disk too).
async fn fixture_in(name: &str, dir: PathBuf) -> Fixture {
    let sim = Simulator::start().await.unwrap();
    // The four providers, plus Nimbus: a provider of the user's own (public client, introspection).
    let text = format!("{}\n{}", sim.providers_toml(53682), sim.nimbus_toml());
    let catalogue = Catalogue::parse(&text, &Origin::File("sim.toml".into())).unwrap();
    let store = std::sync::Arc::new(MemoryStore::default());
    let vault = Vault::with_store(Some(&format!("test-service-{name}")), store.clone());
    let _ = std::fs::remove_dir_all(&dir);
    let held = held_dir(name);
    let _ = std::fs::remove_dir_all(&held);
    let clock = FakeClock::at(plugboard_core::service::unix_now());
    let service = Connections::new(catalogue, vault.clone(), &dir)
        .with_clock(clock.clone())
        .with_held_dir(Some(held));
    for p in ["hubspot", "ecwid"] {
        service.credentials.set(p, sim_creds(p));
    }
    service.credentials.set("nimbus", nimbus_creds());
    Fixture {
        clock,
        sim,
        service,
        vault,
        store,
        dir,
    }
}

/// Where fixture `name`'s service keeps tokens the keychain refused (its runtime folder).
fn held_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("plugboard-held-{name}-{}", std::process::id()))
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

async fn connect_hubspot(f: &Fixture) -> plugboard_core::service::ConnectionView {
    let params = browse(&f.service.begin_sign_in(&pid("hubspot")).await.unwrap().url).await;
    f.service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap()
}

/// WhatConverts connected with the simulator's key.
async fn connect_whatconverts(f: &Fixture) -> plugboard_core::service::ConnectionView {
    f.service
        .connect_api_key(
            &pid("whatconverts"),
            key_fields(
                plugboard_sim::WHATCONVERTS_TOKEN,
                plugboard_sim::WHATCONVERTS_SECRET,
            ),
        )
        .await
        .unwrap()
}

/// A HubSpot connection's index record, written by a test straight to the index (with or
/// without a keychain item, as the test needs).
fn stored_record(
    id: &str,
    method: plugboard_core::catalogue::MethodKind,
    at: i64,
) -> plugboard_core::index::ConnectionRecord {
    plugboard_core::index::ConnectionRecord::new(
        plugboard_core::connection::ConnectionId::parse(id).unwrap(),
        "hubspot",
        method,
        id.into(),
        at,
    )
}

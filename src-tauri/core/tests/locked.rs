//! A locked keychain, for real: this test gets a D-Bus session and gnome-keyring of its own
//! ([`PrivateKeychain`]: its own bus, keyring files and runtime folder, so locking disturbs neither
//! the other tests sharing `make test`'s keychain nor their keyring files), connects HubSpot
//! against the simulator, locks the login collection with `secret-tool lock`, and checks that the
//! connection reads "Keychain locked" — never "not connected" — and that the scheduler leaves it
//! alone. The test runs without a display, so the unlock prompt fails at once (as on a headless
//! machine) instead of waiting for someone to type a password.
//!
//! The only test in its binary: it points the process's session bus at its own keychain.

use std::collections::HashMap;
use std::os::unix::process::ExitStatusExt;
use std::process::Command;

use plugboard_core::catalogue::{Catalogue, Origin, ProviderId};
use plugboard_core::flow::AppCredentials;
use plugboard_core::lifetime::{Health, KeychainState};
use plugboard_core::secret::ClientSecret;
use plugboard_core::service::Connections;
use plugboard_core::vault::Vault;
use plugboard_e2e::PrivateKeychain;
use plugboard_sim::Simulator;

#[test]
#[ignore = "needs the private test session: run `make test`"]
fn a_locked_keychain_reads_locked_never_not_connected() {
    assert!(
        std::env::var_os("PLUGBOARD_TEST_SESSION").is_some(),
        "run inside the private test session: `make test`"
    );
    let dir = std::env::temp_dir().join(format!("plugboard-locked-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let keychain = PrivateKeychain::start(&dir);
    // Before any thread of this process could read them: the keyring crate's connection and
    // `secret-tool` find the bus here; no display, so an unlock prompt cannot wait for a person.
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", &keychain.address);
    std::env::remove_var("DISPLAY");
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
        .block_on(locked_inside_a_private_keyring(&dir));
    drop(keychain);
    let _ = std::fs::remove_dir_all(&dir);
}

async fn locked_inside_a_private_keyring(dir: &std::path::Path) {
    let sim = Simulator::start().await.unwrap();
    let catalogue =
        Catalogue::parse(&sim.providers_toml(53682), &Origin::File("sim.toml".into())).unwrap();
    let data = dir.join("data");
    let service = Connections::new(catalogue, Vault::new(Some("test-locked")), &data);
    service.credentials.set(
        "hubspot",
        AppCredentials {
            client_id: plugboard_sim::client_id("hubspot"),
            client_secret: Some(ClientSecret::new(plugboard_sim::client_secret("hubspot"))),
        },
    );
    let started = service
        .begin_sign_in(&ProviderId::parse("hubspot").unwrap())
        .await
        .unwrap();
    let resp = plugboard_core::http::client()
        .get(&started.url)
        .send()
        .await
        .unwrap();
    let location = url::Url::parse(resp.headers()["location"].to_str().unwrap()).unwrap();
    let params: HashMap<String, String> = location.query_pairs().into_owned().collect();
    let c = service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    assert_eq!(c.live.health, Health::Connected);

    let lock = tokio::task::spawn_blocking(|| {
        Command::new("secret-tool")
            .args(["lock", "--collection=login"])
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    // Debian 12's secret-tool (libsecret 0.20.5) locks, then crashes on its way out (SIGSEGV);
    // whether the lock took is what the assertions below check.
    assert!(
        lock.status.success() || lock.status.signal() == Some(11),
        "secret-tool lock: {lock:?}"
    );

    let err = service.refresh(&c.id).await.unwrap_err();
    assert_eq!(
        err.to_user("HubSpot").code,
        plugboard_core::error::ErrorCode::KeychainLocked
    );
    assert_eq!(service.keychain_state(), KeychainState::Locked);
    let listed = service.list().unwrap();
    assert_eq!(listed.len(), 1, "still listed: the index says it exists");
    assert_eq!(listed[0].live.health, Health::KeychainLocked);
    assert_eq!(listed[0].live.label, "Keychain locked");
    assert!(
        service.due_refreshes().unwrap().is_empty(),
        "nothing is refreshed while locked"
    );
    assert_eq!(sim.count("hubspot.refresh"), 0);
    assert!(service.probe_keychain().await.is_err(), "still locked");
}

//! The vault against a real Secret Service (gnome-keyring in the private test session): proves the
//! keyring platform feature is wired (without it keyring silently uses an in-memory mock, which a
//! fresh process cannot see). Ignored by a plain `cargo test`; `make test` runs it inside
//! `tests/session.sh` with `--include-ignored`.

use std::process::Command;

use plugboard_core::connection::ConnectionId;
use plugboard_core::secret::SecretString;
use plugboard_core::vault::{ItemLabel, Vault, VaultKey};

fn require_session() {
    assert!(
        std::env::var_os("PLUGBOARD_TEST_SESSION").is_some(),
        "keychain tests need the private test session: run `make test`, or \
         `tests/session.sh cargo test -p plugboard-core -- --include-ignored`"
    );
}

/// A connection item's label, for tests that store one directly.
fn label() -> ItemLabel {
    ItemLabel::connection("HubSpot", "ana@example.com", None)
}

/// Reads an item from a fresh process (`secret-tool`), so the value must really be in the keychain.
fn lookup_from_another_process(vault: &Vault, key: &VaultKey) -> Option<String> {
    let out = Command::new("secret-tool")
        .args([
            "lookup",
            "service",
            vault.service(),
            "username",
            &Vault::account_name(key),
        ])
        .output()
        .expect("secret-tool (libsecret-tools) is installed by `make test`");
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).expect("utf-8"))
}

#[test]
#[ignore = "needs the private test session with a Secret Service: run `make test`"]
fn a_secret_round_trips_through_the_real_secret_service() {
    require_session();
    let vault = Vault::new(Some("test-roundtrip"));
    let key = VaultKey::Connection(ConnectionId::parse("hubspot-roundtrip").unwrap());
    let secret = SecretString::new(r#"{"access_token":"at-123","refresh_token":"rt-456"}"#);

    vault.delete(&key).unwrap();
    assert_eq!(vault.get(&key).unwrap(), None, "no item yet ⇒ Ok(None)");

    vault.put(&key, &label(), &secret).unwrap();
    // A fresh vault handle (fresh keyring entry) and a fresh process both read it back.
    let fresh = Vault::new(Some("test-roundtrip"));
    assert_eq!(
        fresh.get(&key).unwrap().as_ref().map(SecretString::expose),
        Some(secret.expose())
    );
    assert_eq!(
        lookup_from_another_process(&vault, &key).as_deref(),
        Some(secret.expose())
    );

    // Overwrite replaces the whole item in one call (a rotated token pair is never half-written).
    let rotated = SecretString::new(r#"{"access_token":"at-789","refresh_token":"rt-000"}"#);
    vault.put(&key, &label(), &rotated).unwrap();
    assert_eq!(
        fresh.get(&key).unwrap().as_ref().map(SecretString::expose),
        Some(rotated.expose())
    );

    vault.delete(&key).unwrap();
    assert_eq!(fresh.get(&key).unwrap(), None);
    assert_eq!(lookup_from_another_process(&vault, &key), None);
    vault
        .delete(&key)
        .expect("deleting a missing item is not an error");
}

#[test]
#[ignore = "needs the private test session with a Secret Service: run `make test`"]
fn namespaces_do_not_see_each_others_items() {
    require_session();
    let key = VaultKey::Connection(ConnectionId::parse("ecwid-ns").unwrap());
    let demo = Vault::new(Some("test-demo"));
    let real = Vault::new(Some("test-real"));
    demo.put(&key, &label(), &SecretString::new("demo-token"))
        .unwrap();
    assert_eq!(real.get(&key).unwrap(), None);
    assert_eq!(demo.get(&key).unwrap().unwrap().expose(), "demo-token");
    demo.delete(&key).unwrap();
}

#[tokio::test]
#[ignore = "needs the private test session with a Secret Service: run `make test`"]
async fn the_probe_reports_a_reachable_keychain_off_the_calling_thread() {
    require_session();
    Vault::new(Some("test-probe"))
        .run(|v| v.probe())
        .await
        .expect("the session's keychain answers");
}

#[test]
#[ignore = "needs the private test session with a Secret Service: run `make test`"]
fn without_a_secret_service_the_vault_says_unavailable() {
    require_session();
    // Point this one process at a bus address where nothing listens.
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "unavailable_child",
            "--include-ignored",
            "--nocapture",
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/plugboard-bus",
        )
        .env("PLUGBOARD_UNAVAILABLE_CHILD", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("1 passed"), "{stdout}");
}

/// Runs only as the child of the test above (it needs the broken bus address that test sets).
#[test]
#[ignore = "run by without_a_secret_service_the_vault_says_unavailable"]
fn unavailable_child() {
    if std::env::var_os("PLUGBOARD_UNAVAILABLE_CHILD").is_none() {
        return;
    }
    let err = Vault::new(Some("test-none")).probe().unwrap_err();
    assert!(
        matches!(err, plugboard_core::vault::VaultError::Unavailable { .. }),
        "expected Unavailable, got {err:?}"
    );
}

#[test]
#[ignore = "needs the private test session with a Secret Service: run `make test`"]
fn one_connection_serves_every_call_and_items_stay_readable_by_other_tools() {
    require_session();
    let store = std::sync::Arc::new(plugboard_core::vault::SecretServiceStore::default());
    let vault = Vault::with_store(Some("test-one-session"), store.clone());
    let id = ConnectionId::parse("hubspot-0000c0de").unwrap();
    let key = VaultKey::Connection(id);
    for n in 0..20 {
        let value = SecretString::new(format!("value-{n}"));
        vault.put(&key, &label(), &value).unwrap();
        assert_eq!(vault.get(&key).unwrap(), Some(value));
    }
    vault.probe().unwrap();
    assert_eq!(
        vault.connection_items().unwrap().unwrap().len(),
        1,
        "listed by name"
    );
    assert_eq!(store.connections_opened(), 1, "one kept-open session");
    // Written as keyring writes them: another process finds the item by its attributes.
    assert_eq!(
        lookup_from_another_process(&vault, &key).as_deref(),
        Some("value-19")
    );
    vault.delete(&key).unwrap();
    assert_eq!(vault.get(&key).unwrap(), None);
    assert_eq!(store.connections_opened(), 1);
}

//! What the command line says stays true when something changes outside Plugboard: a keychain
//! item deleted in a keyring app reads Reconnect needed, with that cause, for that connection
//! only, at the next `status` (before anyone uses it); `token` tells the same cause; `doctor`
//! that could not look says so and fails. A keychain of the test's own.

use serde_json::{json, Value};

use crate::world::World;

/// Deletes connection `id`'s keychain item as a keyring app would, in the test's own keychain.
fn delete_item(w: &World, id: &str) {
    let cleared = std::process::Command::new("secret-tool")
        .args([
            "clear",
            "service",
            "dev.plugboard.desktop.dev",
            "username",
            &format!("connection:{id}"),
        ])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            &w.keychain.as_ref().unwrap().address,
        )
        .status()
        .unwrap();
    assert!(cleared.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_keychain_item_deleted_elsewhere_reads_reconnect_needed_at_the_next_status() {
    let w = World::with_private_keychain("truth-item-gone").await;
    let gone = w.connect_hotmart("production").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    let kept = w.connect_hotmart("sandbox").await["id"]
        .as_str()
        .unwrap()
        .to_string();
    delete_item(&w, &gone);

    // Nobody used it: `status` alone finds it, in JSON and in the table.
    let doc = w.json(&["status", "--json"]).await;
    let row = |id: &str| {
        doc["connections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(row(&gone)["status"], "reconnect_needed", "{doc}");
    assert_eq!(row(&gone)["last_error"]["cause"], "item_gone", "{doc}");
    let said = row(&gone)["last_error"]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(said.contains("gone from your keychain"), "{said}");
    assert_eq!(row(&kept)["status"], "connected", "{doc}");
    assert!(
        row(&kept)["last_error"].is_null(),
        "the other is healthy: {doc}"
    );
    assert_eq!(doc["orphans"]["index_only"], json!([gone]));

    let table = w.ok(&["status"]).await;
    let lines_of = |id: &str| -> Vec<&str> { table.lines().filter(|l| l.contains(id)).collect() };
    assert!(
        lines_of(&gone)
            .iter()
            .any(|l| l.contains("Reconnect needed")),
        "{table}"
    );
    assert!(
        lines_of(&gone)
            .iter()
            .any(|l| l.contains("gone from your keychain")),
        "{table}"
    );
    assert!(
        lines_of(&kept).iter().all(|l| !l.contains("keychain")),
        "no stale error under the healthy one: {table}"
    );

    // One failure, one cause: `token` blames the keychain, not the provider.
    let out = w.run(&["token", &gone]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("gone from your keychain"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("no longer accepts"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert_eq!(
        w.sim.count("hotmart.mint"),
        2,
        "no provider was asked again"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn doctor_that_cannot_look_at_a_locked_keychain_says_so_and_fails() {
    let w = World::with_private_keychain("truth-doctor-locked").await;
    w.connect_whatconverts().await;
    w.keychain.as_ref().unwrap().restart_locked();
    let out = w.run(&["doctor"]).await;
    assert_eq!(out.code, 4, "{}{}", out.stdout, out.stderr);
    assert!(!out.stdout.contains("Orphans: none"), "{}", out.stdout);
    assert!(out.stdout.contains("not checked"), "{}", out.stdout);
    let out = w.run(&["doctor", "--json"]).await;
    assert_eq!(out.code, 4, "{}", out.stderr);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert!(doc["problem"].as_str().unwrap().contains("locked"), "{doc}");
}

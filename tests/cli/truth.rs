//! What the command line says stays true when something changes outside Plugboard: a keychain
//! item deleted in a keyring app reads Reconnect needed, with that cause, for that connection
//! only, at the next `status` (before anyone uses it); `token` tells the same cause; `doctor`
//! that could not look says so and fails. A keychain of the test's own.

use serde_json::{json, Value};

use crate::world::{World, DEV_SERVICE};

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
    // Deleted as a keyring app would, in the test's own keychain.
    w.keychain
        .as_ref()
        .unwrap()
        .remove(DEV_SERVICE, &format!("connection:{gone}"));

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
    // No countdown for a sign-in that is gone: its old token's time means nothing now (Hotmart's
    // lasts two days: "in 1 d 23 h").
    assert!(
        lines_of(&gone).iter().all(|l| !l.contains(" in 1 d ")),
        "{table}"
    );
    assert!(
        lines_of(&kept).iter().any(|l| l.contains(" in 1 d ")),
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn token_refreshes_first_as_documented_and_min_valid_asks_for_another_span() {
    let w = World::new("truth-min-valid").await;
    // A 10-second token: never more than half its life ahead (5 s), whatever is asked.
    w.set_faults(plugboard_sim::Faults {
        hubspot_lifetime: Some(10),
        hubspot_refreshed_lifetime: Some(10),
        ..plugboard_sim::Faults::default()
    });
    let out = w.run(&["connect", "hubspot", "--json"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let id = serde_json::from_str::<Value>(&out.stdout).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let first = w.ok(&["token", &id]).await;
    assert_eq!(w.sim.count("hubspot.refresh"), 0, "10 s left: fresh enough");
    // About 4 s left: asking for 1 s gets the same token; the default (60 s, capped at 5 s)
    // refreshes first.
    tokio::time::sleep(std::time::Duration::from_secs(6)).await;
    assert_eq!(w.ok(&["token", &id, "--min-valid", "1"]).await, first);
    assert_eq!(w.sim.count("hubspot.refresh"), 0);
    assert_ne!(w.ok(&["token", &id]).await, first);
    assert_eq!(w.sim.count("hubspot.refresh"), 1);
    // Out of range is a usage error, in words.
    let out = w.run(&["token", &id, "--min-valid", "86401"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(w.ok(&["token", "--help"]).await.contains("--min-valid"));
}

//! A connection once made: disconnected (revoked as RFC 7009 says, then forgotten), picked by the
//! name given to it, and one whose keychain item was deleted behind Plugboard's back (exit 3).

use plugboard_e2e::remove_item;
use serde_json::{json, Value};

use crate::world::{World, DEV_SERVICE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn disconnect_revokes_with_rfc_7009_and_forgets_the_connection() {
    let w = World::new("disconnect").await;
    let nimbus = w.connect_nimbus().await;
    let id = nimbus["id"].as_str().unwrap();
    let doc = w.json(&["disconnect", id, "--json"]).await;
    assert_eq!(doc["revoke"], "revoked");
    assert_eq!(doc["schema"], 1);
    assert_eq!(w.sim.count("nimbus.revoke"), 1);
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"],
        json!([])
    );
    // Gone means not found, not a crash.
    assert_eq!(w.run(&["token", id]).await.code, 6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_named_connection_is_picked_by_its_name() {
    let w = World::new("rename").await;
    w.connect_whatconverts().await;
    w.connect_hotmart("production").await;
    let said = w.ok(&["rename", "whatconverts", "Client A — store"]).await;
    assert!(said.contains("is now called “Client A — store”"), "{said}");
    let table = w.ok(&["status"]).await;
    assert!(
        table.contains("Client A — store (API token ••••1234)"),
        "{table}"
    );
    let by_name = w.ok(&["token", "client a — store", "--header"]).await;
    assert!(by_name.starts_with("Authorization: Basic "), "{by_name}");
    let doc = w.json(&["status", "--json"]).await;
    let named: Vec<&Value> = doc["connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == "Client A — store")
        .collect();
    assert_eq!(named.len(), 1);
    // A name another connection has is refused, in words, with exit code 2.
    let out = w.run(&["rename", "hotmart", "CLIENT A — STORE"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("already called"), "{}", out.stderr);
    // An empty name removes it.
    let said = w.ok(&["rename", "Client A — store", ""]).await;
    assert!(said.contains("has no name now"), "{said}");
    let out = w.run(&["token", "Client A — store"]).await;
    assert_eq!(out.code, 6, "{}", out.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_keychain_item_deleted_behind_plugboards_back_says_reconnect_with_exit_3() {
    let w = World::new("item-gone").await;
    w.connect_hotmart("production").await;
    let status = w.json(&["status", "--json"]).await;
    let id = status["connections"][0]["id"].as_str().unwrap().to_string();
    // Someone deletes the item in their keyring app (the keychain itself stays unlocked).
    remove_item(DEV_SERVICE, &format!("connection:{id}"));

    let out = w.run(&["token", "hotmart"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("gone from your keychain"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("locked"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["keychain"], "ready");
    assert_eq!(status["connections"][0]["status"], "reconnect_needed");
    assert_eq!(w.run(&["refresh", "hotmart"]).await.code, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_with_two_connections_lists_them_until_one_is_the_default() {
    let w = World::new("default").await;
    let production = w.connect_hotmart("production").await;
    let sandbox = w.connect_hotmart("sandbox").await;
    let (production, sandbox) = (
        production["id"].as_str().unwrap().to_string(),
        sandbox["id"].as_str().unwrap().to_string(),
    );
    w.ok(&["rename", &sandbox, "Tests"]).await;

    // Which one? Each is named, with how to pick; nothing printed on stdout but for --json.
    let out = w.run(&["token", "hotmart"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert!(out.stderr.contains(&production), "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!("{sandbox} “Tests” (")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("plugboard default <connection>"),
        "{}",
        out.stderr
    );
    let out = w.run(&["refresh", "hotmart", "--json"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["code"], "several_connections");
    let candidates: Vec<(&str, &Value)> = doc["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), &c["name"]))
        .collect();
    assert_eq!(
        candidates,
        [
            (production.as_str(), &Value::Null),
            (sandbox.as_str(), &json!("Tests"))
        ]
    );

    // A default: the provider id alone picks it, in every process; status marks it.
    let said = w.ok(&["default", "Tests"]).await;
    assert!(said.contains("is now the Hotmart default"), "{said}");
    let token = w.json(&["token", "hotmart", "--json"]).await;
    assert_eq!(token["id"], sandbox.as_str());
    let table = w.ok(&["status"]).await;
    let row = table.lines().find(|l| l.contains(&sandbox)).unwrap();
    assert!(row.contains("Hotmart (default)"), "{table}");
    let defaults = w.json(&["default", "--json"]).await;
    assert_eq!(defaults["providers"][0]["default"]["id"], sandbox.as_str());

    // Disconnecting the default takes it away; the one left is picked, being the only one.
    let said = w.ok(&["disconnect", "hotmart"]).await;
    assert!(
        said.starts_with(&format!("Disconnected {sandbox} “Tests” (")),
        "{said}"
    );
    let token = w.json(&["token", "hotmart", "--json"]).await;
    assert_eq!(token["id"], production.as_str());
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["default"], false);
}

//! App credentials and forgetting everything, from a shell: `plugboard credentials
//! list|set|forget` and `plugboard disconnect --all`.

use plugboard_e2e::{keychain_items, store_item};
use serde_json::{json, Value};

use crate::world::{World, DEV_SERVICE};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn credentials_are_listed_with_their_source_saved_and_forgotten() {
    let w = World::new("credentials").await;
    let origin_of = |doc: &Value, provider: &str| {
        doc["providers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["provider"] == provider)
            .map(|p| (p["origin"].clone(), p["client_id"].clone()))
            .unwrap()
    };
    let doc = w.json(&["credentials", "list", "--json"]).await;
    assert_eq!(doc["schema"], 1);
    assert_eq!(
        origin_of(&doc, "hubspot"),
        (
            json!("environment"),
            json!(plugboard_sim::client_id("hubspot"))
        )
    );
    assert_eq!(origin_of(&doc, "whatconverts"), (Value::Null, Value::Null));

    // The environment's cannot be replaced here: it says so, and what to do.
    let refused = w
        .run_with(
            &["credentials", "set", "hubspot", "--client-id", "x"],
            "s\n",
        )
        .await;
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("environment variables"),
        "{}",
        refused.stderr
    );

    // Saved: the secret from standard input into the keychain, never printed back.
    let out = w
        .run_with(
            &[
                "credentials",
                "set",
                "whatconverts",
                "--client-id",
                "wc-own-app",
            ],
            "wc-own-secret-value\n",
        )
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Saved the WhatConverts app credentials"),
        "{}",
        out.stdout
    );
    let doc = w.json(&["credentials", "list", "--json"]).await;
    assert_eq!(
        origin_of(&doc, "whatconverts"),
        (json!("saved"), json!("wc-own-app"))
    );
    let text = w.ok(&["credentials", "list"]).await;
    assert!(
        text.contains("saved in your keychain") && text.contains("wc-own-app"),
        "{text}"
    );
    assert!(
        !text.contains("wc-own-secret-value") && !doc.to_string().contains("wc-own-secret-value")
    );
    assert!(keychain_items(DEV_SERVICE).contains("client-secret:whatconverts"));

    let out = w.ok(&["credentials", "forget", "whatconverts"]).await;
    assert!(
        out.contains("Forgot the WhatConverts app credentials"),
        "{out}"
    );
    let doc = w.json(&["credentials", "list", "--json"]).await;
    assert_eq!(origin_of(&doc, "whatconverts"), (Value::Null, Value::Null));
    assert!(!keychain_items(DEV_SERVICE).contains("client-secret:whatconverts"));
    // A provider with no browser sign-in takes none.
    assert_eq!(
        w.run(&["credentials", "set", "nope", "--client-id", "x"])
            .await
            .code,
        6
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn disconnect_all_asks_first_then_leaves_nothing_of_plugboards_in_the_keychain() {
    // Before an uninstall: every connection disconnected (revoked where the provider can) and
    // every other item Plugboard made removed. In a keychain of the test's own: the other tests
    // share the debug namespace this empties.
    let w = World::with_private_keychain("forget").await;
    let keychain = w.keychain.as_ref().unwrap();
    // An item in the session's keychain, in the same namespace: it must survive. Removed
    // however the test ends (the other tests share that namespace).
    let survivor = format!("connection:hubspot-{:08x}", std::process::id());
    struct Clear(String);
    impl Drop for Clear {
        fn drop(&mut self) {
            let _ = std::process::Command::new("secret-tool")
                .args(["clear", "service", DEV_SERVICE, "username", &self.0])
                .status();
        }
    }
    let _clear = Clear(survivor.clone());
    store_item(DEV_SERVICE, &survivor, "x");
    assert!(
        !keychain.items(DEV_SERVICE).contains(&survivor),
        "the test's keychain is its own"
    );
    let nimbus = w.connect_nimbus().await;
    let whatconverts = w.connect_whatconverts().await;
    // A client secret saved as the window saves it, and an item no connection names.
    for account in ["client-secret:ecwid", "connection:hubspot-0badf00d"] {
        keychain.store(DEV_SERVICE, account, "planted-secret");
    }
    assert!(keychain.items(DEV_SERVICE).contains("client-secret:ecwid"));

    // A name the person gave: every line about that connection says it.
    let named = whatconverts["id"].as_str().unwrap();
    w.ok(&["rename", named, "Client A — store"]).await;

    // No terminal to ask at: nothing happens, and it says how to go ahead.
    let refused = w.run(&["disconnect", "--all"]).await;
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains(&format!(
            "WhatConverts · {named} “Client A — store” (API token ••••1234)"
        )),
        "{}",
        refused.stderr
    );
    assert!(
        refused.stderr.contains("2 connections")
            && refused.stderr.contains(nimbus["id"].as_str().unwrap())
            && refused.stderr.contains("--yes"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"]
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let doc = w.json(&["disconnect", "--all", "--yes", "--json"]).await;
    assert_eq!(doc["schema"], 1);
    let gone: Vec<&str> = doc["disconnected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert!(gone.contains(&nimbus["id"].as_str().unwrap()));
    assert!(gone.contains(&whatconverts["id"].as_str().unwrap()));
    let said = doc["disconnected"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == named)
        .unwrap();
    assert_eq!(said["name"], "Client A — store", "{doc}");
    // The two planted, and the pending sign-ins record Nimbus's browser sign-in left.
    assert_eq!(doc["other_items_removed"], 3, "{doc}");
    assert_eq!(
        w.sim.count("nimbus.revoke"),
        1,
        "Nimbus was asked to revoke"
    );
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"],
        json!([])
    );
    let left = keychain.items(DEV_SERVICE);
    assert!(!left.contains("username"), "left in the keychain: {left}");
    assert!(
        keychain_items(DEV_SERVICE).contains(&survivor),
        "the session's keychain was not touched"
    );

    // Nothing left is nothing to do, not an error.
    let again = w.ok(&["disconnect", "--all", "--yes"]).await;
    assert!(again.contains("Removed 0 other keychain items"), "{again}");
}

//! `plugboard connect <provider> --replace <connection>`: the window's Reconnect from a shell.

use plugboard_sim::Faults;
use serde_json::Value;

use crate::world::World;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn connect_replace_signs_in_again_in_place() {
    let w = World::new("replace").await;
    let first = w.connect_nimbus().await;
    let id = first["id"].as_str().expect("an id").to_string();
    w.ok(&["rename", &id, "Team CRM"]).await;

    // The person signs in to another account this time: replaced in place all the same (without
    // --replace it would be a second connection).
    w.set_faults(Faults {
        nimbus_username: Some("other@nimbus.example".into()),
        ..Faults::default()
    });
    let again = w
        .json(&["connect", "nimbus", "--replace", "Team CRM", "--json"])
        .await;
    assert_eq!(again["id"], first["id"], "the same connection, in place");
    assert!(
        again["account"]
            .as_str()
            .unwrap_or("")
            .contains("other@nimbus.example"),
        "{again}"
    );
    let status = w.json(&["status", "--json"]).await;
    let nimbus: Vec<&Value> = status["connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["provider"] == "nimbus")
        .collect();
    assert_eq!(nimbus.len(), 1, "{status}");
    assert_eq!(nimbus[0]["name"], "Team CRM", "its name kept");

    // Not a browser sign-in: refused, not silently a new connection.
    let out = w.run(&["connect", "whatconverts", "--replace", &id]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("--replace is for browser sign-ins"),
        "{}",
        out.stderr
    );
    // A connection of another provider is refused before any browser opens.
    let out = w.run(&["connect", "hubspot", "--replace", &id]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("is not a HubSpot connection"),
        "{}",
        out.stderr
    );
}

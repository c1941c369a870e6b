//! What docs/cli.md promises: `providers` and `status` as documented (their `--json` documents
//! compared with `tests/cli/snapshots/*.json`), the forms `token` prints, and the exit codes.

use plugboard_e2e::workspace_root;
use plugboard_sim::Faults;
use serde_json::{json, Value};

use crate::world::{Out, World};

/// Replaces what changes between runs, so a document can be compared with its snapshot.
fn normalize(v: &mut Value, base: &str, hubspot_port: u16) {
    match v {
        Value::String(s) => {
            *s = s
                .replace(base, "{base}")
                .replace(&hubspot_port.to_string(), "{hubspot_port}");
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|i| normalize(i, base, hubspot_port)),
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                match (k.as_str(), &*item) {
                    // Every test's folders share the test keychain, so other tests' items are
                    // orphans here: the shape is pinned, not the ids.
                    ("keychain_only" | "index_only", Value::Array(_)) => {
                        *item = Value::String("<connection ids>".into());
                    }
                    ("id", Value::String(s)) if s.contains('-') && s.len() > 9 => {
                        let (provider, hex) = s.rsplit_once('-').unwrap();
                        assert_eq!(hex.len(), 8, "connection ids end in 8 hex digits: {s}");
                        *item = Value::String(format!("{provider}-<id>"));
                    }
                    (k, Value::String(s)) if k.ends_with("_at") || k == "at" => {
                        assert!(
                            s.len() == 20 && s.ends_with('Z') && &s[10..11] == "T",
                            "{k} is RFC 3339 UTC: {s}"
                        );
                        *item = Value::String("<time>".into());
                    }
                    ("seconds_left", Value::Number(n)) => {
                        assert!(n.as_i64().is_some_and(|n| n > 0), "{n}");
                        *item = Value::String("<seconds>".into());
                    }
                    _ => normalize(item, base, hubspot_port),
                }
            }
        }
        _ => {}
    }
}

fn assert_snapshot(name: &str, mut doc: Value, world: &World) {
    normalize(&mut doc, &world.sim.base_url(), world.hubspot_port);
    let path = workspace_root().join(format!("tests/cli/snapshots/{name}.json"));
    let text = format!("{}\n", serde_json::to_string_pretty(&doc).unwrap());
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {} (run with UPDATE_SNAPSHOTS=1 to create it)",
            path.display()
        )
    });
    assert_eq!(
        text,
        expected,
        "`--json` output changed from {}: a field changed or disappeared. If that is intended, \
         bump the schema number, update docs/cli.md and rerun with UPDATE_SNAPSHOTS=1.",
        path.display()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn providers_lists_built_in_and_user_providers_as_documented() {
    let w = World::new("providers").await;
    let table = w.ok(&["providers"]).await;
    for expected in [
        "hubspot",
        "nimbus",
        "Nimbus CRM",
        "authorization_code*",
        "client_credentials*, authorization_code",
    ] {
        assert!(
            table.contains(expected),
            "{expected} missing from:\n{table}"
        );
    }
    // Hotmart's and WhatConverts' default ways need no app credentials: not "missing".
    for id in ["hotmart", "whatconverts"] {
        let line = table.lines().find(|l| l.starts_with(id)).unwrap();
        assert!(
            line.contains("only browser sign-in needs them") && !line.contains("missing"),
            "{line}"
        );
    }
    assert_snapshot("providers", w.json(&["providers", "--json"]).await, &w);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn status_lists_every_connection_as_documented() {
    let w = World::new("status").await;
    assert!(w.ok(&["status"]).await.contains("No connections yet"));
    assert_snapshot("status-empty", w.json(&["status", "--json"]).await, &w);

    w.connect_hotmart("sandbox").await;
    w.connect_whatconverts().await;
    let nimbus = w.connect_nimbus().await;
    assert_eq!(
        nimbus["account"], "dana@nimbus.example",
        "named by introspection"
    );
    assert_snapshot("connect-nimbus", nimbus.clone(), &w);
    assert_eq!(nimbus["scopes"], json!(["contacts:read", "deals:read"]));
    assert_eq!(w.sim.count("nimbus.introspect"), 1);

    let table = w.ok(&["status"]).await;
    for expected in [
        "Hotmart",
        "Sandbox · client",
        "WhatConverts",
        "does not expire",
        "Nimbus CRM",
        "dana@nimbus.example",
        "Connected",
        "Keychain: ready",
    ] {
        assert!(
            table.contains(expected),
            "{expected} missing from:\n{table}"
        );
    }
    assert_snapshot("status", w.json(&["status", "--json"]).await, &w);
    // One line after a refresh, in plain words.
    let line = w.ok(&["refresh", "whatconverts"]).await;
    assert!(line.ends_with("Connected; does not expire.\n"), "{line}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn token_prints_only_the_token_header_or_a_working_curl_line() {
    let w = World::new("token").await;
    w.connect_hotmart("production").await;
    w.connect_whatconverts().await;

    let token = w.ok(&["token", "hotmart"]).await;
    assert!(
        token.ends_with('\n') && token.trim().len() > 10,
        "{token:?}"
    );
    assert_eq!(token.trim().lines().count(), 1);
    let header = w.ok(&["token", "hotmart", "--header"]).await;
    assert_eq!(header, format!("Authorization: Bearer {}", token));

    // The curl line runs as printed and the provider accepts it.
    let curl = w.ok(&["token", "hotmart", "--curl"]).await;
    let ran = std::process::Command::new("sh")
        .args([
            "-c",
            &format!("{} -o /dev/null -w '%{{http_code}}'", curl.trim()),
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "200", "{curl}");

    // A key pair: HTTP Basic, as WhatConverts wants.
    let header = w.ok(&["token", "whatconverts", "--header"]).await;
    assert!(header.starts_with("Authorization: Basic "), "{header}");

    // For scripts: the token with its expiry and scopes, as JSON.
    let doc = w.json(&["token", "hotmart", "--json"]).await;
    assert_eq!(doc["access_token"], token.trim());
    assert_eq!(doc["authorization"], format!("Bearer {}", token.trim()));
    assert_eq!(doc["provider"], "hotmart");
    assert!(doc["seconds_left"].as_i64().unwrap() > 60, "{doc}");
    assert!(doc["expires_at"].as_str().unwrap().ends_with('Z'), "{doc}");
    assert!(doc["scopes"].is_array(), "{doc}");
    let out = w.run(&["token", "hotmart", "--json", "--header"]).await;
    assert_eq!(out.code, 2, "--json and --header do not go together");

    // Try it: one call, its answer, no secret.
    let tried = w.ok(&["try", "whatconverts"]).await;
    assert!(tried.contains("HTTP 200 OK in "), "{tried}");
    assert!(
        !tried.contains(plugboard_sim::WHATCONVERTS_SECRET)
            && !tried.contains(plugboard_sim::WHATCONVERTS_TOKEN),
        "{tried}"
    );
    let doc = w.json(&["try", "hotmart", "--json"]).await;
    assert_eq!(doc["status"], 200, "{doc}");
    assert_eq!(doc["accepted"], true, "{doc}");
    assert!(!doc.to_string().contains(token.trim()), "{doc}");

    // Two Hotmart connections: the provider alone no longer names one.
    w.connect_hotmart("sandbox").await;
    let out = w.run(&["token", "hotmart"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("has 2 connections"), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "nothing on stdout when failing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn exit_codes_are_the_documented_ones() {
    let w = World::new("exit-codes").await;
    let code = |out: Out| (out.code, out.stderr);

    // 2: usage and bad input.
    assert_eq!(w.run(&["sttaus"]).await.code, 2);
    assert_eq!(w.run(&["token"]).await.code, 2);
    let (c, err) = code(w.run(&["connect", "hotmart"]).await);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("needs the Client ID"), "{err}");
    let (c, err) = code(w.run(&["connect", "nimbus", "--method", "api_key"]).await);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("offers: authorization_code"), "{err}");

    // 6: not found.
    let (c, err) = code(w.run(&["token", "hubspot"]).await);
    assert_eq!(c, 6, "{err}");
    assert!(err.contains("plugboard connect hubspot"), "{err}");
    assert_eq!(w.run(&["refresh", "hubspot-0badf00d"]).await.code, 6);
    assert_eq!(w.run(&["connect", "nosuch"]).await.code, 6);

    // 5: the provider is temporarily failing; nothing stored is lost.
    let hotmart = w.connect_hotmart("production").await;
    let before = w.ok(&["token", "hotmart"]).await;
    w.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let (c, err) = code(w.run(&["refresh", "hotmart"]).await);
    assert_eq!(c, 5, "{err}");
    assert!(err.contains("Hotmart is having trouble"), "{err}");
    // Another process (status) knows of the failure from the index, not from memory.
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "temporary_problem");
    assert_eq!(
        status["connections"][0]["last_error"]["code"],
        "provider_unavailable"
    );
    // The token still works for two days: `token` gives it (no refresh needed).
    assert_eq!(w.ok(&["token", "hotmart"]).await, before);
    w.set_faults(Faults::default());
    w.ok(&["refresh", "hotmart"]).await;
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
    assert_ne!(
        w.ok(&["token", "hotmart"]).await,
        before,
        "a new token after the refresh"
    );

    // 4: no keychain reachable (a session bus that does not exist).
    let mut cmd = w.command(&["token", hotmart["id"].as_str().unwrap()]);
    cmd.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/plugboard-bus",
    );
    let (c, err) = code(w.run_cmd(cmd, "").await);
    assert_eq!(c, 4, "{err}");
    assert!(err.contains("keychain"), "{err}");
    // …while status still lists the connection, saying why it can't be used.
    let mut cmd = w.command(&["status", "--json"]);
    cmd.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/plugboard-bus",
    );
    let out = w.run_cmd(cmd, "").await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let status: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(status["keychain"], "unavailable");
    assert_eq!(status["connections"][0]["status"], "keychain_unavailable");

    // 3 is covered by the replayed-refresh-token test; 0 by every other.
}

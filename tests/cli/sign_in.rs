//! Signing in from the command line: HubSpot on its registered loopback port with no browser,
//! and a browser on another machine whose address is pasted back (a loopback address, or the
//! https page a provider redirects to).

use serde_json::json;

use crate::world::{assert_no_secrets, World};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn hubspot_signs_in_without_a_browser_on_its_registered_loopback_port() {
    let w = World::new("no-browser").await;
    // Standard input stays open (a terminal nobody types in): the command must still end once
    // the browser has come back, without waiting for a paste.
    let sign_in = w
        .connect_elsewhere("hubspot", Some("Waiting for the browser"))
        .await;
    assert!(
        sign_in.line.contains(&format!(
            "http://localhost:{}/oauth/callback",
            w.hubspot_port
        )),
        "{}",
        sign_in.line
    );
    assert!(
        sign_in.url.starts_with(&w.sim.base_url()),
        "{}",
        sign_in.url
    );
    // The person opens it elsewhere and the browser comes back to the loopback port.
    let location = sign_in.consent();
    assert!(location.contains("code="), "{location}");
    let page = std::process::Command::new("curl")
        .args(["-sS", &location.replace("localhost", "127.0.0.1")])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&page.stdout).contains("You can close this tab"),
        "{:?} {}",
        page.status,
        String::from_utf8_lossy(&page.stderr)
    );
    let stdout = sign_in.finish().await;
    assert!(
        stdout.contains("Connected HubSpot (example-portal.hubspot.com · ana@example.com)"),
        "{stdout}"
    );

    // On HubSpot's dated API: Try it asks its introspection and says so; the form is shown with
    // every secret masked.
    let tried = w.ok(&["try", "hubspot"]).await;
    for expected in [
        "/hubspot/oauth/2026-03/token/introspect",
        "HubSpot has no identity call: this asked HubSpot's token introspection",
        "HubSpot says the access token is active.",
        "HTTP 200 OK in ",
        "token_type_hint=access_token",
    ] {
        assert!(tried.contains(expected), "{expected}: {tried}");
    }
    assert_no_secrets(&tried);
    let doc = w.json(&["try", "hubspot", "--json"]).await;
    assert_eq!(
        (&doc["call"], &doc["active"], &doc["accepted"]),
        (&json!("introspection"), &json!(true), &json!(true)),
        "{doc}"
    );
    // Disconnect revokes the refresh token at the dated endpoint; nothing called v1.
    let doc = w.json(&["disconnect", "hubspot", "--json"]).await;
    assert_eq!(doc["revoke"], "revoked", "{doc}");
    assert_eq!(w.sim.count("hubspot.revoke"), 1);
    assert_eq!(
        w.sim.count("hubspot.v1"),
        0,
        "nothing called the retired v1 API"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_browser_on_another_machine_pastes_the_address_it_ended_on() {
    let w = World::new("paste").await;
    // Ecwid uses the window's deep link; the command line listens on a random loopback port,
    // which a browser elsewhere cannot reach: the person pastes the address instead.
    let mut sign_in = w
        .connect_elsewhere("ecwid", Some("If your browser is on another machine"))
        .await;
    assert!(
        sign_in
            .url
            .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"),
        "{}",
        sign_in.url
    );
    let location = sign_in.consent();
    assert!(location.starts_with("http://127.0.0.1:"), "{location}");
    sign_in.paste(&location).await;
    let stdout = sign_in.finish().await;
    assert!(stdout.contains("Connected Ecwid (Store"), "{stdout}");
    assert_no_secrets(&stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_that_redirects_to_an_https_page_takes_the_pasted_address() {
    let w = World::new("https-redirect").await;
    // Nimbus, registered with the deployer's own https page as its redirect.
    let file = w.dir.join("providers.toml");
    let text = std::fs::read_to_string(&file).unwrap().replace(
        r#"redirect = { mode = "deep_link" }"#,
        r#"redirect = { mode = "https", url = "https://plugboard.example.com/callback" }"#,
    );
    std::fs::write(&file, text).unwrap();
    let mut sign_in = w.connect_elsewhere("nimbus", None).await;
    let location = sign_in.consent();
    assert!(
        location.starts_with("https://plugboard.example.com/callback?code="),
        "{location}"
    );
    sign_in.paste(&location).await;
    let stdout = sign_in.finish().await;
    assert!(
        stdout.contains("Connected Nimbus CRM (dana@nimbus.example)"),
        "{stdout}"
    );
}

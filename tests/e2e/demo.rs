//! Demo mode as a newcomer meets it: every provider connects with nothing typed, and demo
//! connections outlive a restart and are shared with the command line.

use std::process::Command;

use fantoccini::Locator;
use plugboard_e2e::{cli_binary, App};

use crate::helpers::{click_connect, click_css, connected_as, disconnect, wait_until};

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn in_demo_mode_hotmart_and_whatconverts_connect_with_nothing_typed() {
    // Demo mode fills the simulator's values in on the Rust side: the fields show it, nothing is
    // typed, and the values themselves never reach the page.
    let app = App::launch_demo("launch").await;
    let card = click_connect(&app, "Hotmart").await;
    for css in ["#hotmart-client-id", "#hotmart-client-secret"] {
        let input = app.wait_for_css(css).await;
        assert!(input.is_displayed().await.unwrap(), "{css} is shown");
        assert_eq!(
            input.attr("placeholder").await.unwrap().as_deref(),
            Some("Filled in by demo mode"),
            "{css} says it is filled in"
        );
    }
    let form = card
        .find(Locator::Css("form[aria-label='Connect Hotmart']"))
        .await
        .unwrap();
    app.button_in(&form, "Connect").await.click().await.unwrap();
    let hotmart = connected_as(&app, "hotmart", "Production · client ••••ient").await;
    assert_eq!(app.simulator_count("hotmart.mint").await, 1);

    let card = click_connect(&app, "WhatConverts").await;
    let token = app.wait_for_css("#whatconverts-token").await;
    assert_eq!(
        token.attr("placeholder").await.unwrap().as_deref(),
        Some("Filled in by demo mode")
    );
    app.button_in(&card, "Save and connect")
        .await
        .click()
        .await
        .unwrap();
    let whatconverts = connected_as(&app, "whatconverts", "API token ••••1234").await;

    let source = app.client.source().await.unwrap();
    for value in [
        plugboard_sim::client_secret("hotmart"),
        plugboard_sim::WHATCONVERTS_TOKEN.to_string(),
        plugboard_sim::WHATCONVERTS_SECRET.to_string(),
    ] {
        assert!(!source.contains(&value), "a demo value reached the page");
    }
    // The demo keychain namespace is shared with the other tests: leave it as found.
    disconnect(&app, &hotmart).await;
    disconnect(&app, &whatconverts).await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn demo_connections_outlive_a_restart_and_are_shared_with_the_command_line() {
    // Each process runs a simulator of its own; they keep what they issued in the demo data
    // folder, so a token issued by one is honoured by the next, as a real provider's would be.
    let data_home = plugboard_e2e::test_home().join(format!("demo-shared-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_home);
    let demo_cli = |list: &[&str]| {
        let out = Command::new(cli_binary())
            .args(list)
            .env("PLUGBOARD_DEMO", "1")
            .env("XDG_DATA_HOME", &data_home)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "PLUGBOARD_DEMO=1 plugboard {list:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };

    let app = App::launch_demo_at(&data_home, "launch").await;
    click_connect(&app, "HubSpot").await;
    let id = connected_as(
        &app,
        "hubspot",
        "example-portal.hubspot.com · ana@example.com",
    )
    .await;
    app.close().await;

    // The window is closed: the command line sees the connection and refreshes it through its
    // own simulator, which honours the window's refresh token.
    let status: serde_json::Value = serde_json::from_str(&demo_cli(&["status", "--json"])).unwrap();
    assert_eq!(status["connections"][0]["id"], id.as_str(), "{status}");
    demo_cli(&["refresh", &id]);
    assert!(demo_cli(&["token", &id]).starts_with("hs-at-"));

    // The window again, on a new simulator: the connection is there, and it refreshes and
    // disconnects (revoke included) with what the command line left.
    let app = App::launch_demo_at(&data_home, "launch").await;
    let row = format!("li[data-connection='{id}']");
    app.wait_for_css(&row).await;
    // And while the window is open, the command line shares it too.
    demo_cli(&["refresh", &id]);
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    wait_until(10, "the window's refresh", || async {
        app.simulator_count("hubspot.refresh").await >= 1
    })
    .await;
    disconnect(&app, &id).await;
    app.wait_shown_xpath("//*[@data-notice][contains(., 'Access was revoked at HubSpot')]")
        .await;
    app.close().await;
    assert!(demo_cli(&["status"]).contains("No connections yet"));
}

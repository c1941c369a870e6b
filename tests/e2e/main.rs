//! End-to-end tests in the real window (see `harness`). Ignored by a plain `cargo test`, because they
//! need the private test desktop; `make test` runs them with `--include-ignored` inside it.

use std::process::Command;
use std::time::Duration;

use fantoccini::Locator;
use plugboard_e2e::{
    app_binary, app_instance_on_bus, app_log_path, eventually, run_with_deadline, App,
};

const PROVIDERS: [&str; 4] = ["Hotmart", "WhatConverts", "Ecwid", "HubSpot"];

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn the_window_shows_four_provider_cards_with_connect_buttons() {
    let app = App::launch().await;
    assert_eq!(app.client.title().await.unwrap(), "Plugboard");

    // Each card is a region landmark whose accessible name is the provider's name.
    let regions = app.named_regions().await;
    let names: Vec<&str> = regions.iter().map(|(_, name)| name.as_str()).collect();
    assert_eq!(names, PROVIDERS);
    assert!(
        regions.iter().all(|(role, _)| role == "region"),
        "{regions:?}"
    );

    for name in PROVIDERS {
        let card = app.card(name).await;
        let connect = app.button_in(&card, "Connect").await;
        assert_eq!(connect.tag_name().await.unwrap(), "button");
        assert!(connect.is_enabled().await.unwrap());
        let status = card.find(Locator::Css("[data-status]")).await.unwrap();
        assert_eq!(
            status.text().await.unwrap().trim_start_matches('○').trim(),
            "Not connected"
        );
    }
    let hubspot = app.card("HubSpot").await;
    assert!(hubspot
        .text()
        .await
        .unwrap()
        .contains("Sign in with HubSpot"));
    let hotmart = app.card("Hotmart").await;
    assert!(hotmart
        .text()
        .await
        .unwrap()
        .contains("Hotmart developer credentials"));

    // The app reached the real Secret Service of the test session.
    let keychain = app
        .wait_for_xpath("//*[@id='keychain-status'][normalize-space() = 'Keychain: ready']")
        .await;
    assert!(keychain.is_displayed().await.unwrap());
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn connect_says_plainly_that_connecting_is_not_available_yet_and_shows_the_setup() {
    let app = App::launch().await;
    let hubspot = app.card("HubSpot").await;
    app.button_in(&hubspot, "Connect")
        .await
        .click()
        .await
        .unwrap();
    let note = hubspot.find(Locator::Css(".card-note")).await.unwrap();
    assert!(note.is_displayed().await.unwrap());
    assert!(note
        .text()
        .await
        .unwrap()
        .contains("isn't available in this version yet"));
    // The exact redirect URI to register is on show: HubSpot needs a localhost loopback.
    let uri = hubspot
        .find(Locator::Css("details[open] code"))
        .await
        .unwrap();
    assert_eq!(
        uri.text().await.unwrap(),
        "http://localhost:53682/oauth/callback"
    );
    app.close().await;
}

fn log_text() -> String {
    std::fs::read_to_string(app_log_path()).unwrap_or_default()
}

async fn assert_callback_notice_shown(app: &App) {
    // Matched on the DOM text: while the notice fades in, WebDriver's rendered text can still be empty.
    app.wait_for_xpath("//*[@data-notice='warning'][contains(., 'no sign-in was in progress')]")
        .await;
    // The link's query (an authorization code) never reaches the page.
    let source = app.client.source().await.unwrap();
    assert!(
        !source.contains("SECRET-CODE"),
        "the page shows the link's query: {source}"
    );
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_second_launch_with_a_scheme_url_is_handed_to_the_running_app() {
    let app = App::launch().await;
    let url = "dev.plugboard.desktop:/oauth/callback?code=SECRET-CODE-1&state=abc";
    assert!(
        app_instance_on_bus(),
        "the running app holds its single-instance name on the bus"
    );

    // The OS starts a second process with the URL; it must hand over and exit promptly.
    let mut second = Command::new(app_binary());
    second.arg(url);
    let (status, stderr) = run_with_deadline(second, Duration::from_secs(20));
    assert!(
        status.success(),
        "second launch exited with {status}: {stderr}"
    );

    assert_callback_notice_shown(&app).await;
    let line = eventually(Duration::from_secs(10), || {
        log_text()
            .lines()
            .find(|l| l.contains("deep link received"))
            .map(str::to_string)
    })
    .expect("the running app logs the link");
    assert!(
        line.ends_with(
            "deep link received: dev.plugboard.desktop:/oauth/callback (2 parameters withheld)"
        ),
        "{line}"
    );
    assert!(
        !log_text().contains("SECRET-CODE"),
        "the log must not contain the link's query"
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_link_opened_through_the_desktop_reaches_the_running_app() {
    let app = App::launch().await;
    // `gio open` resolves the scheme through the handler the app registered at start-up.
    let mut open = Command::new("gio");
    open.args([
        "open",
        "dev.plugboard.desktop:/oauth/callback?code=SECRET-CODE-2&state=xyz",
    ]);
    let (status, stderr) = run_with_deadline(open, Duration::from_secs(20));
    assert!(status.success(), "gio open failed ({status}): {stderr}");
    assert_callback_notice_shown(&app).await;
    app.close().await;
}

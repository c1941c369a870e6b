//! Sign-in links reaching the app: handed over by a second launch or through the desktop (`gio
//! open`), starting a closed Plugboard, and delivered twice. A link's query never reaches the page
//! or the log.

use std::process::Command;
use std::time::Duration;

use fantoccini::Locator;
use plugboard_e2e::{
    app_instance_on_bus, app_log_path, cli_binary, eventually, run_with_deadline, App,
};

use crate::helpers::{click_connect, connected_as};

fn log_text() -> String {
    std::fs::read_to_string(app_log_path()).unwrap_or_default()
}

async fn assert_callback_notice_shown(app: &App) {
    // Matched on the DOM text: while the notice fades in, WebDriver's rendered text can still be empty.
    app.wait_shown_xpath("//*[@data-notice='warning'][contains(., 'no sign-in was in progress')]")
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
    // Through the command people type: `plugboard <link>` starts the window's binary, which hands
    // the link to the running window.
    let mut second = Command::new(cli_binary());
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_sign_in_link_that_starts_a_closed_plugboard_completes_the_connection() {
    // The simulator runs here (not inside the app), so it outlives the first window.
    let sim = plugboard_sim::Simulator::start().await.unwrap();
    let home = plugboard_e2e::test_home();
    let providers = home.join("cold-start-providers.toml");
    let text = format!(
        "{}\n[credentials.ecwid]\nclient_id = \"{}\"\nclient_secret = \"{}\"\n",
        sim.providers_toml(53999),
        plugboard_sim::client_id("ecwid"),
        plugboard_sim::client_secret("ecwid")
    );
    std::fs::write(&providers, text).unwrap();
    let data_home = home.join("cold-start-data");
    let recorded = home.join("recorded-redirect");
    let _ = std::fs::remove_file(&recorded);

    // Connect starts the sign-in; the browser comes back only after Plugboard was closed.
    let app = App::launch_with_providers(&providers, &data_home, "record", Vec::new()).await;
    click_connect(&app, "Ecwid").await;
    app.wait_for_xpath(
        "//section[@data-provider='ecwid']//*[contains(., 'Waiting for your browser')]",
    )
    .await;
    let link = eventually(Duration::from_secs(15), || {
        std::fs::read_to_string(&recorded)
            .ok()
            .filter(|s| !s.is_empty())
    })
    .expect("the browser stand-in recorded the redirect");
    // curl writes the scheme URL in its `scheme://` form; Plugboard reads both forms alike.
    let ours = [
        "dev.plugboard.desktop:/oauth/callback?",
        "dev.plugboard.desktop://oauth/callback?",
    ];
    assert!(ours.iter().any(|p| link.starts_with(p)), "{link}");
    app.close().await;

    // The OS starts Plugboard with the link: the cold start completes the pending sign-in.
    let app = App::launch_with_providers(&providers, &data_home, "record", vec![link]).await;
    connected_as(&app, "ecwid", "Store 1003 · owner@shop.example.com").await;
    app.wait_shown_xpath("//*[@data-notice='success'][contains(., 'Connected to Ecwid')]")
        .await;
    assert_eq!(sim.count("ecwid.token"), 1);
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_callback_delivered_twice_is_exchanged_once() {
    let app = App::launch_demo("twice").await;
    click_connect(&app, "Ecwid").await;
    connected_as(&app, "ecwid", "Store 1003 · owner@shop.example.com").await;
    app.wait_shown_xpath("//*[@data-notice='warning'][contains(., 'already used')]")
        .await;
    assert_eq!(
        app.simulator_count("ecwid.token").await,
        1,
        "a second code exchange never reaches the provider"
    );
    let items = app
        .client
        .find_all(Locator::Css(
            "section[data-provider='ecwid'] li[data-connection]",
        ))
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    app.close().await;
}

//! What the window says stays true when something changes outside Plugboard: a keychain item
//! deleted in a keyring app turns its row to Reconnect needed by itself (no click), with a notice
//! in the window's own words naming that cause; once the connection is back, the notice is gone
//! and no stale error is shown.

use std::process::Command;

use fantoccini::Locator;
use plugboard_e2e::{cli_binary, remove_item, App};

use crate::helpers::{
    connect_hotmart, disconnect, open_details, text_of, wait_until, DEMO_SERVICE,
};

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_keychain_item_deleted_elsewhere_shows_at_once_and_the_notice_goes_once_it_is_mended() {
    let data_home = plugboard_e2e::test_home().join(format!("truth-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_home);
    let app = App::launch_demo_at(&data_home, "launch").await;
    let id = connect_hotmart(&app).await;
    let row = format!("li[data-connection='{id}']");

    // Someone deletes the item in their keyring app. Nobody clicks anything in Plugboard.
    remove_item(DEMO_SERVICE, &format!("connection:{id}"));
    app.wait_for_css(&format!("{row}[data-health='reconnect_needed']"))
        .await;
    let status = app.wait_for_css(&format!("{row} .conn-status")).await;
    assert!(status.is_displayed().await.unwrap());
    assert!(status.text().await.unwrap().contains("Reconnect needed"));
    // Told at the top in the window's words: the cause, and what to do here.
    let notice = app
        .wait_shown_xpath("//*[@data-notice][contains(., 'is gone from your keychain')]")
        .await;
    let said = notice.text().await.unwrap();
    assert!(said.contains("Hotmart"), "{said}");
    assert!(said.contains("Click Reconnect on its row"), "{said}");
    assert!(!said.contains("Open Plugboard"), "{said}");
    assert!(!said.contains("no longer accepts"), "one cause: {said}");

    // Mended from the command line (the same account signs in again): the row is connected,
    // and what was said of the lost item is taken back.
    let mut cli = Command::new(cli_binary())
        .args([
            "connect",
            "hotmart",
            "--client-id",
            "hotmart-demo-client",
            "--environment",
            "production",
        ])
        .env("PLUGBOARD_DEMO", "1")
        .env("XDG_DATA_HOME", &data_home)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    cli.stdin
        .take()
        .unwrap()
        .write_all(b"hotmart-demo-secret\n")
        .unwrap();
    let out = cli.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    app.wait_for_css(&format!("{row}[data-health='connected']"))
        .await;
    wait_until(15, "the notice is taken back", || async {
        match app
            .client
            .find(Locator::XPath(
                "//*[@data-notice][contains(., 'is gone from your keychain')]",
            ))
            .await
        {
            Ok(el) => !el.is_displayed().await.unwrap_or(false),
            Err(_) => true,
        }
    })
    .await;
    // Details show no stale error.
    open_details(&app, &row).await;
    let details = text_of(&app, &format!("{row} .conn-details")).await;
    assert!(!details.contains("gone from your keychain"), "{details}");
    // The timeline says where each thing happened: lost, seen by the window; mended on the
    // command line.
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//li[@data-event='reconnect_needed'][contains(., 'in the window')]"
    ))
    .await;
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//li[@data-event='reconnected'][contains(., 'on the command line')]"
    ))
    .await;
    disconnect(&app, &id).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn after_a_restart_the_top_of_the_window_says_a_connection_needs_you_and_goes_to_it() {
    let data_home = plugboard_e2e::test_home().join(format!("needs-you-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_home);
    let app = App::launch_demo_at(&data_home, "launch").await;
    let line = app.wait_for_css("#needs-you").await;
    assert!(!line.is_displayed().await.unwrap(), "nothing needs you yet");
    let id = connect_hotmart(&app).await;
    let row = format!("li[data-connection='{id}']");
    remove_item(DEMO_SERVICE, &format!("connection:{id}"));
    app.wait_for_css(&format!("{row}[data-health='reconnect_needed']"))
        .await;
    app.close().await;

    // A restart: the first thing in the window says so, before any card.
    let app = App::launch_demo_at(&data_home, "launch").await;
    let line = app
        .wait_shown_xpath("//*[@id='needs-you'][contains(., '1 connection needs you')]")
        .await;
    line.click().await.unwrap();
    wait_until(10, "the row's Reconnect has the focus", || async {
        match app.client.active_element().await {
            Ok(el) => el.attr("data-action").await.ok().flatten().as_deref() == Some("reconnect"),
            Err(_) => false,
        }
    })
    .await;
    // Nothing needs you any more: the line goes.
    disconnect(&app, &id).await;
    wait_until(10, "the line goes", || async {
        !app.wait_for_css("#needs-you")
            .await
            .is_displayed()
            .await
            .unwrap_or(true)
    })
    .await;
    app.close().await;
}

//! The keychain changed behind Plugboard's back: an item deleted in the person's keyring app
//! reads "Reconnect needed", not "locked".

use std::process::Command;

use fantoccini::Locator;
use plugboard_e2e::App;

use crate::helpers::{click_connect, click_css, connected_as, disconnect, fill, text_of};

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_keychain_item_deleted_behind_plugboards_back_shows_reconnect_needed_not_locked() {
    let app = App::launch_demo("launch").await;
    let card = click_connect(&app, "Hotmart").await;
    fill(&app, "#hotmart-client-id", "hotmart-demo-client").await;
    fill(&app, "#hotmart-client-secret", "hotmart-demo-secret").await;
    let form = card
        .find(Locator::Css("form[aria-label='Connect Hotmart']"))
        .await
        .unwrap();
    app.button_in(&form, "Connect").await.click().await.unwrap();
    let id = connected_as(&app, "hotmart", "Production · client ••••ient").await;

    // Someone deletes the item in their keyring app; the keychain itself stays unlocked.
    let cleared = Command::new("secret-tool")
        .args([
            "clear",
            "service",
            "dev.plugboard.desktop.demo",
            "username",
            &format!("connection:{id}"),
        ])
        .status()
        .unwrap();
    assert!(cleared.success());
    let row = format!("li[data-connection='{id}']");
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    app.wait_for_css(&format!("{row}[data-health='reconnect_needed']"))
        .await;
    let status = app.wait_for_css(&format!("{row} .conn-status")).await;
    assert!(status.is_displayed().await.unwrap());
    let words = status.text().await.unwrap();
    assert!(words.contains("Reconnect needed"), "{words}");
    // Why, in Details: the saved sign-in is gone (the page re-renders the row once it changed).
    click_css(&app, &format!("{row} summary")).await;
    // Found again on each look: the row may be redrawn meanwhile (the keychain's own signal
    // marks it too).
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//dd[contains(., 'gone from your keychain')]"
    ))
    .await;
    let keychain = text_of(&app, "#keychain-status").await;
    assert!(!keychain.to_lowercase().contains("locked"), "{keychain}");
    disconnect(&app, &id).await;
    app.close().await;
}

//! The keychain changed behind Plugboard's back: an item deleted in the person's keyring app
//! reads "Reconnect needed", not "locked".

use plugboard_e2e::{remove_item, App};

use crate::helpers::{click_css, connect_hotmart, disconnect, open_details, text_of, DEMO_SERVICE};

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_keychain_item_deleted_behind_plugboards_back_shows_reconnect_needed_not_locked() {
    let app = App::launch_demo("launch").await;
    let id = connect_hotmart(&app).await;

    // Someone deletes the item in their keyring app; the keychain itself stays unlocked.
    remove_item(DEMO_SERVICE, &format!("connection:{id}"));
    let row = format!("li[data-connection='{id}']");
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    app.wait_for_css(&format!("{row}[data-health='reconnect_needed']"))
        .await;
    let status = app.wait_for_css(&format!("{row} .conn-status")).await;
    assert!(status.is_displayed().await.unwrap());
    let words = status.text().await.unwrap();
    assert!(words.contains("Reconnect needed"), "{words}");
    // Why, in Details: the saved sign-in is gone (the page re-renders the row once it changed).
    open_details(&app, &row).await;
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

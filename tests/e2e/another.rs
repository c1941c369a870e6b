//! A second connection of a provider already connected: asked about first, in the card, and an
//! account signed in to again is said to be renewed — not silently replaced, never added twice.

use std::time::Duration;

use fantoccini::Locator;
use plugboard_e2e::App;

use crate::helpers::{
    click_css, close_details, connect_hotmart, connected_as, disconnect, fill, open_details,
};

const HOTMART: &str = "section[data-provider='hotmart']";

/// How many rows the Hotmart card lists.
async fn hotmart_rows(app: &App) -> usize {
    app.client
        .find_all(Locator::Css(&format!("{HOTMART} li[data-connection]")))
        .await
        .unwrap()
        .len()
}

/// Clicks the Hotmart card's `action` button ("connect" or "alternative") until the question
/// before a second connection is shown: a click that lands while the card is drawn anew (after
/// Make default, say) is lost, and asking twice shows the same question.
async fn ask_for_another(app: &App, action: &str) -> String {
    for _ in 0..5 {
        click_css(app, &format!("{HOTMART} [data-action='{action}']")).await;
        for _ in 0..20 {
            if let Ok(q) = app
                .client
                .find(Locator::Css(&format!("{HOTMART} .confirm-another")))
                .await
            {
                if q.is_displayed().await.unwrap_or(false) {
                    if let Ok(text) = q.text().await {
                        return text;
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    panic!("no question before a second Hotmart connection");
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_second_connection_is_asked_about_and_the_same_account_again_is_said_to_be_renewed() {
    let app = App::launch_demo("launch").await;
    // The two ways to connect, said once, in plain words.
    let ways = app
        .wait_shown_xpath("//section[@data-provider='hotmart']//p[contains(@class, 'two-ways')]")
        .await;
    let words = ways.text().await.unwrap();
    assert!(
        words.contains("Two ways to connect Hotmart")
            && words.contains("Hotmart developer credentials")
            && words.contains("Sign in with Hotmart"),
        "{words}"
    );
    let id = connect_hotmart(&app).await;
    // Connected seconds apart: the second sign-in is later than the first.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    // "Add another account" asks first; Cancel adds nothing and gives the focus back.
    let asked = ask_for_another(&app, "connect").await;
    assert!(
        asked.contains("Hotmart is already connected (Production · client ••••ient)")
            && asked.contains("Add another Hotmart connection?"),
        "{asked}"
    );
    click_css(&app, &format!("{HOTMART} [data-action='cancel-another']")).await;
    assert!(app
        .client
        .find(Locator::Css(&format!("{HOTMART} .confirm-another")))
        .await
        .is_err());
    assert_eq!(hotmart_rows(&app).await, 1);

    // Asked again and confirmed: the form; the same developer credentials renew that
    // connection, and the notice says no second one was added.
    ask_for_another(&app, "connect").await;
    click_css(&app, &format!("{HOTMART} [data-action='confirm-another']")).await;
    fill(&app, "#hotmart-client-id", "hotmart-demo-client").await;
    fill(&app, "#hotmart-client-secret", "hotmart-demo-secret").await;
    click_css(
        &app,
        "form[aria-label='Connect Hotmart'] button[type=submit]",
    )
    .await;
    app.wait_shown_xpath(
        "//*[@data-notice='success'][contains(., 'Hotmart (Production · client ••••ient) was already connected: its sign-in was renewed, and no second connection was added.')]",
    )
    .await;
    assert_eq!(hotmart_rows(&app).await, 1);
    assert_eq!(
        connected_as(&app, "hotmart", "Production · client ••••ient").await,
        id
    );

    // The browser sign-in asks too; confirmed, it adds the other account.
    ask_for_another(&app, "alternative").await;
    click_css(&app, &format!("{HOTMART} [data-action='confirm-another']")).await;
    let other = connected_as(&app, "hotmart", "Hotmart sign-in · app ••••ient").await;
    assert_eq!(hotmart_rows(&app).await, 2);

    // Two of one provider: one is made the default (the one `plugboard token hotmart` picks),
    // and its row says so.
    let other_row = format!("li[data-connection='{other}']");
    open_details(&app, &other_row).await;
    click_css(&app, &format!("{other_row} [data-action='make-default']")).await;
    let mark = app
        .wait_shown_xpath(&format!(
            "//li[@data-connection='{other}']//*[@data-default][normalize-space()='Default']"
        ))
        .await;
    assert!(mark.is_displayed().await.unwrap());
    assert!(
        app.client
            .find(Locator::Css(&format!(
                "li[data-connection='{id}'] [data-default]"
            )))
            .await
            .is_err(),
        "only the default is marked"
    );
    close_details(&app, &other_row).await;
    tokio::time::sleep(Duration::from_millis(1100)).await;

    // That account signed in to again through the browser: renewed, and said so.
    let question = ask_for_another(&app, "alternative").await;
    assert!(
        question.contains("(Production · client ••••ient, Hotmart sign-in · app ••••ient)"),
        "{question}"
    );
    click_css(&app, &format!("{HOTMART} [data-action='confirm-another']")).await;
    app.wait_shown_xpath(
        "//*[@data-notice='success'][contains(., 'You signed in to Hotmart as Hotmart sign-in · app ••••ient, which was already connected: its sign-in was renewed, and no second connection was added.')]",
    )
    .await;
    assert_eq!(hotmart_rows(&app).await, 2);

    disconnect(&app, &other).await;
    disconnect(&app, &id).await;
    app.close().await;
}

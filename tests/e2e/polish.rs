//! What people expect of a polished tool: choosing the access a sign-in asks for, and asking for
//! more later without a second connection.

use fantoccini::Locator;
use plugboard_e2e::App;

use crate::helpers::{
    click_css, click_until_shown, connected_as, disconnect, open_details, text_of, wait_until,
};

const ACCOUNT: &str = "example-portal.hubspot.com · ana@example.com";

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn connect_offers_optional_scopes_and_asking_for_more_reconnects_the_same_account() {
    let app = App::launch_demo("launch").await;
    let card = app.card("HubSpot").await;
    app.button_in(&card, "Connect").await.click().await.unwrap();
    // The required scopes are shown ticked and fixed; the optional ones in words, unticked.
    let required = app
        .wait_for_css("[data-scope='crm.objects.contacts.read']")
        .await;
    assert!(required.is_displayed().await.unwrap());
    assert!(required.is_selected().await.unwrap() && !required.is_enabled().await.unwrap());
    let deals = app
        .wait_for_css("[data-scope='crm.objects.deals.read']")
        .await;
    assert!(deals.is_displayed().await.unwrap() && !deals.is_selected().await.unwrap());
    let words = app
        .wait_for_xpath(
            "//form[contains(@class,'scope-form')]//label[.//code[.='crm.objects.deals.read']]",
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(words.contains("See deals"), "{words}");
    deals.click().await.unwrap();
    click_css(
        &app,
        "section[data-provider='hubspot'] form.scope-form button[type=submit]",
    )
    .await;
    let id = connected_as(&app, "hubspot", ACCOUNT).await;

    // Details: what was asked for, and what was granted.
    let row = format!("li[data-connection='{id}']");
    open_details(&app, &row).await;
    wait_until(10, "the requested scopes", || async {
        app.client
            .find(Locator::XPath(&format!(
                "//li[@data-connection='{id}']//dd[contains(., 'crm.objects.deals.read')]"
            )))
            .await
            .is_ok()
    })
    .await;

    // Try it: HubSpot has no identity call since its v1 API, so Try it asks its introspection
    // (the token and the app's secret in the form body, the answer echoing the token): it says
    // so, on screen, and every secret is masked in what is shown.
    let token = app
        .invoke("reveal_token", serde_json::json!({ "id": id }))
        .await
        .expect("reveal the token");
    let token = token.as_str().expect("a token").to_string();
    click_css(&app, &format!("{row} [data-action='try']")).await;
    let tried = app
        .wait_shown_xpath(&format!(
            "//li[@data-connection='{id}']//*[contains(@class, 'try-result')][contains(., 'HTTP 200 OK')]"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(tried.contains("/oauth/2026-03/token/introspect"), "{tried}");
    assert!(tried.contains("token_type_hint=access_token"), "{tried}");
    assert!(!tried.contains(&token), "the token is masked: {tried}");
    assert!(
        !tried.contains(&plugboard_sim::client_secret("hubspot")),
        "the app's secret is masked: {tried}"
    );
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//p[contains(@class, 'try-call')][contains(., \"HubSpot has no identity call\")]"
    ))
    .await;

    // More access later: the same sign-in again, the same row.
    click_css(&app, &format!("{row} [data-action='more-scopes']")).await;
    let asked_before = app
        .wait_for_css(&format!("{row} [data-scope='crm.objects.deals.read']"))
        .await;
    assert!(
        asked_before.is_selected().await.unwrap(),
        "what it had stays ticked"
    );
    click_css(
        &app,
        &format!("{row} [data-scope='crm.objects.deals.write']"),
    )
    .await;
    click_css(&app, &format!("{row} form.scope-form button[type=submit]")).await;
    app.wait_shown_xpath("//*[@data-notice='success'][contains(., 'Reconnected HubSpot')]")
        .await;
    let rows = app
        .client
        .find_all(Locator::Css(
            "section[data-provider='hubspot'] li[data-connection]",
        ))
        .await
        .unwrap();
    assert_eq!(rows.len(), 1, "still one HubSpot connection");
    assert_eq!(connected_as(&app, "hubspot", ACCOUNT).await, id);
    open_details(&app, &row).await;
    wait_until(10, "the new scope granted", || async {
        text_of(&app, &format!("{row} .details-list"))
            .await
            .contains("crm.objects.deals.write")
    })
    .await;
    disconnect(&app, &id).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn refresh_and_copy_says_so_beside_the_buttons_after_the_row_is_redrawn() {
    let app = App::launch_demo("launch").await;
    // Under two minutes left: Copy refreshes first, which redraws the row and its Details.
    app.simulator_faults(serde_json::json!({ "hubspot_lifetime": 100 }))
        .await;
    crate::helpers::click_connect(&app, "HubSpot").await;
    let id = connected_as(&app, "hubspot", ACCOUNT).await;
    let row = format!("li[data-connection='{id}']");
    open_details(&app, &row).await;
    wait_until(10, "Refresh & copy offered", || async {
        text_of(&app, &format!("{row} [data-copy='access']")).await == "Refresh & copy"
    })
    .await;
    // Each form of the copy says it refreshes first, not Copy alone.
    assert_eq!(
        text_of(&app, &format!("{row} [data-copy='header']")).await,
        "Refresh & copy as header"
    );
    assert_eq!(
        text_of(&app, &format!("{row} [data-copy='curl']")).await,
        "Refresh & copy as curl"
    );
    click_css(&app, &format!("{row} [data-copy='header']")).await;
    // Shown (wait_shown_xpath looks again if the row is drawn anew meanwhile).
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//*[contains(@class, 'copy-feedback')][contains(., 'clipboard')]"
    ))
    .await;
    assert_eq!(
        app.simulator_count("hubspot.refresh").await,
        1,
        "refreshed first"
    );
    let header = plugboard_e2e::eventually(std::time::Duration::from_secs(5), || {
        plugboard_e2e::clipboard_text().filter(|t| t.starts_with("Authorization: Bearer "))
    });
    assert!(header.is_some(), "the header reached the clipboard");
    disconnect(&app, &id).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn what_is_open_in_details_stays_open_when_a_refresh_draws_the_row_anew() {
    let app = App::launch_demo("launch").await;
    crate::helpers::click_connect(&app, "HubSpot").await;
    let id = connected_as(&app, "hubspot", ACCOUNT).await;
    let row = format!("li[data-connection='{id}']");
    open_details(&app, &row).await;
    // Try it answered, a name half typed, the chooser for more access open.
    click_until_shown(
        &app,
        &format!("{row} [data-action='try']"),
        &format!("//li[@data-connection='{id}']//*[contains(@class, 'try-result')][contains(., 'HTTP 200 OK')]"),
    )
    .await;
    click_css(&app, &format!("{row} [data-action='rename']")).await;
    let input = app.wait_for_css(&format!("{row} .rename-form input")).await;
    input.send_keys("Client B").await.unwrap();
    click_css(&app, &format!("{row} [data-action='more-scopes']")).await;
    app.wait_for_css(&format!("{row} form.scope-form")).await;
    // The question before copying the refresh token, asked.
    click_until_shown(
        &app,
        &format!("{row} [data-action='ask-refresh-token']"),
        &format!("//li[@data-connection='{id}']//div[@class='confirm'][contains(., 'HubSpot')]"),
    )
    .await;

    // A refresh draws the row anew: the row on the page now is not the one marked before.
    app.script(&format!(
        "document.querySelector(\"{row}\").dataset.old = '1'; return null"
    ))
    .await;
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}'][not(@data-old)]//*[contains(@class, 'row-feedback')]"
    ))
    .await;
    // Its Details loaded (the form is drawn with them).
    app.wait_for_xpath(&format!(
        "//li[@data-connection='{id}'][not(@data-old)]//*[contains(@class, 'try-result')]"
    ))
    .await;
    let typed = app
        .wait_shown_xpath(&format!(
            "//li[@data-connection='{id}']//form[contains(@class, 'rename-form')]//input"
        ))
        .await;
    assert_eq!(
        typed.prop("value").await.unwrap().as_deref(),
        Some("Client B")
    );
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}'][not(@data-old)]//*[contains(@class, 'try-result')][contains(., 'HTTP 200 OK')]"
    ))
    .await;
    // Still open, and said to be about the token before the refresh (issue 26: it showed the
    // old token as if current).
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}'][not(@data-old)]//*[contains(@class, 'try-result')]//*[@data-stale][contains(., 'before the last refresh')]"
    ))
    .await;
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}'][not(@data-old)]//form[contains(@class, 'scope-form')]"
    ))
    .await;
    // Still asking, and its answer still works: the one-time code came along.
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}'][not(@data-old)]//div[@class='confirm'][contains(., 'HubSpot')]"
    ))
    .await;
    click_css(&app, &format!("{row} [data-copy='refresh']")).await;
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//*[contains(@class, 'copy-feedback')][contains(., 'clipboard')]"
    ))
    .await;
    disconnect(&app, &id).await;
    app.close().await;
}

/// What has the keyboard focus: its id, or its `data-action`, or its tag.
async fn focused(app: &App) -> String {
    app.script(
        "const el = document.activeElement; \
         return el.id || el.getAttribute('data-action') || el.tagName.toLowerCase();",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn focus_never_falls_to_the_page_and_settings_closes_with_escape_or_at_its_end() {
    let app = App::launch_demo("launch").await;
    // Settings: Escape closes it and the focus goes back to its button.
    click_css(&app, "#open-settings").await;
    let panel = app.wait_for_css("#settings").await;
    wait_until(10, "Settings open", || async {
        panel.is_displayed().await.unwrap_or(false)
    })
    .await;
    // Escape, pressed where the focus is (Settings' title, on opening).
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys("\u{e00c}")
        .await
        .unwrap();
    wait_until(10, "Escape closes Settings", || async {
        !panel.is_displayed().await.unwrap_or(true)
    })
    .await;
    assert_eq!(focused(&app).await, "open-settings");
    // A Close at its end too, shown, that does the same.
    click_css(&app, "#open-settings").await;
    let end = "//*[@id='settings']//button[@data-action='close-settings-end']";
    app.wait_shown_xpath(end).await;
    // Found again if Settings were drawn anew meanwhile (a change refreshes them); a click
    // reported as failed may have landed: looked at before clicking again.
    for _ in 0..20 {
        if !panel.is_displayed().await.unwrap_or(true) {
            break;
        }
        if let Ok(button) = app.client.find(fantoccini::Locator::XPath(end)).await {
            if button.click().await.is_ok() {
                break;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    wait_until(10, "the Close at the end closes Settings", || async {
        !panel.is_displayed().await.unwrap_or(true)
    })
    .await;
    assert_eq!(focused(&app).await, "open-settings");

    // A connect form sent: the focus stays on the card (its Connect), not the page's body.
    click_css(
        &app,
        "section[data-provider='hotmart'] [data-action='connect']",
    )
    .await;
    app.wait_for_css("#hotmart-client-id").await;
    let form = app.wait_for_css("form[aria-label='Connect Hotmart']").await;
    app.button_in(&form, "Connect").await.click().await.unwrap();
    let id = connected_as(&app, "hotmart", "Production · client ••••ient").await;
    wait_until(10, "the focus is on the card again", || async {
        focused(&app).await == "connect"
    })
    .await;
    disconnect(&app, &id).await;
    app.close().await;
}

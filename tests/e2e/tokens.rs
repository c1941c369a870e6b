//! A connection's token in the window: the countdown (ticking only while the window is shown),
//! refreshes automatic and by hand, a dead grant and its Reconnect, and copying (from Rust,
//! cleared after a delay; the refresh token only behind a confirmation).

use std::time::Duration;

use plugboard_e2e::{clipboard_text, eventually, App};

use crate::helpers::{
    attr_of, click_connect, click_css, click_until_shown, connected_as, copy_diagnostics,
    disconnect, open_details, text_of, wait_until,
};

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_short_lived_hubspot_token_ticks_refreshes_itself_once_and_on_request_and_a_dead_grant_needs_a_reconnect(
) {
    let app = App::launch_demo("launch").await;
    app.simulator_faults(serde_json::json!({"hubspot_lifetime": 5}))
        .await;
    click_connect(&app, "HubSpot").await;
    let id = connected_as(
        &app,
        "hubspot",
        "example-portal.hubspot.com · ana@example.com",
    )
    .await;
    let countdown = format!("li[data-connection='{id}'] [data-countdown]");

    // The countdown ticks, second by second, before the automatic refresh (due 3 s in).
    let first = text_of(&app, &countdown).await;
    assert!(first.starts_with("Expires in 0:0"), "{first}");
    wait_until(3, "the countdown to tick", || async {
        let now = text_of(&app, &countdown).await;
        now != first && now.starts_with("Expires in 0:0")
    })
    .await;

    // Refreshed ahead of expiry by the app itself, once: the new token lives 30 minutes.
    wait_until(15, "the automatic refresh", || async {
        app.simulator_count("hubspot.refresh").await == 1
            && ["Expires in 30 min", "Expires in 29 min"]
                .contains(&text_of(&app, &countdown).await.as_str())
    })
    .await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        app.simulator_count("hubspot.refresh").await,
        1,
        "no refresh loop"
    );
    let row = format!("li[data-connection='{id}']");
    assert_eq!(
        attr_of(&app, &row, "data-health").await.as_deref(),
        Some("connected")
    );

    // Refresh by hand: a new expiry, shown at once, by redrawing that row alone (the cards
    // around it are the same nodes: a mark set on them survives).
    app.script(
        "for (const s of document.querySelectorAll('section[data-provider]')) s.dataset.kept = 'yes';",
    )
    .await;
    let before = attr_of(&app, &countdown, "datetime").await;
    tokio::time::sleep(Duration::from_millis(1_100)).await;
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    wait_until(15, "the manual refresh", || async {
        app.simulator_count("hubspot.refresh").await == 2
            && attr_of(&app, &countdown, "datetime").await != before
    })
    .await;
    app.wait_shown_xpath(&format!("//li[@data-connection='{id}']//*[contains(@class, 'row-feedback')][contains(., 'Refreshed HubSpot')]"))
        .await;
    for provider in ["hubspot", "ecwid", "hotmart", "whatconverts"] {
        assert_eq!(
            attr_of(
                &app,
                &format!("section[data-provider='{provider}']"),
                "data-kept"
            )
            .await
            .as_deref(),
            Some("yes"),
            "{provider}'s card was not rendered anew"
        );
    }

    // The grant dies: "Reconnect needed", with a Reconnect button, and no retry loop.
    app.simulator_faults(serde_json::json!({"refresh_invalid_grant": true}))
        .await;
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    app.wait_for_css(&format!(
        "li[data-connection='{id}'][data-health='reconnect_needed']"
    ))
    .await;
    let status = text_of(&app, &format!("li[data-connection='{id}'] .conn-status")).await;
    assert!(status.contains("Reconnect needed"), "{status}");
    // The window is in view: told there (not by a desktop notification), naming the account.
    let told = app
        .wait_shown_xpath(
            "//*[@data-notice][contains(., 'HubSpot no longer accepts the sign-in of HubSpot (example-portal.hubspot.com · ana@example.com)')]",
        )
        .await;
    assert!(told.is_displayed().await.unwrap());
    let attempts = app.simulator_count("hubspot.refresh").await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        app.simulator_count("hubspot.refresh").await,
        attempts,
        "no retry loop"
    );

    // Reconnect: the same account comes back under the same id, healthy, with its history.
    app.simulator_faults(serde_json::json!({})).await;
    // Reconnect needed shows no countdown: the token's time means nothing now.
    assert!(
        !app.wait_for_css(&format!("{row} [data-countdown]"))
            .await
            .is_displayed()
            .await
            .unwrap(),
        "no countdown while a reconnect is needed"
    );
    click_css(&app, &format!("{row} [data-action='reconnect']")).await;
    app.wait_for_css(&format!(
        "li[data-connection='{id}'][data-health='connected']"
    ))
    .await;
    let told = app
        .wait_shown_xpath("//*[@data-notice='success'][contains(., 'Reconnected HubSpot (example-portal.hubspot.com · ana@example.com)')]")
        .await;
    assert!(told.is_displayed().await.unwrap());
    open_details(&app, &row).await;
    app.wait_for_xpath(&format!(
        "//li[@data-connection='{id}']//li[@data-event='reconnected']"
    ))
    .await;
    app.wait_for_xpath(&format!(
        "//li[@data-connection='{id}']//li[@data-event='refresh_failed'][contains(., 'reconnect_needed')]"
    ))
    .await;
    app.screenshot("hubspot-details").await;

    // The refresh token only behind a confirmation.
    assert!(
        !app.wait_for_css(&format!("{row} .confirm"))
            .await
            .is_displayed()
            .await
            .unwrap(),
        "no confirmation before asking"
    );
    // Asked again if the click landed on a row drawn anew (this token refreshes itself).
    let confirm = click_until_shown(
        &app,
        &format!("{row} [data-action='ask-refresh-token']"),
        &format!("//li[@data-connection='{id}']//div[@class='confirm'][contains(., 'HubSpot')]"),
    )
    .await;
    assert!(confirm.is_displayed().await.unwrap());
    click_css(&app, &format!("{row} [data-copy='refresh']")).await;
    let refresh_token = eventually(Duration::from_secs(5), || {
        clipboard_text().filter(|t| t.starts_with("hs-rt"))
    });
    assert!(
        refresh_token.is_some(),
        "the refresh token reaches the clipboard"
    );
    // The page cannot skip the confirmation: Rust refuses a refresh-token copy without a code
    // from `confirm_copy_refresh`, and a code works once.
    let refused = app
        .invoke(
            "copy_token",
            serde_json::json!({"id": id, "form": "refresh", "refreshFirst": false}),
        )
        .await
        .unwrap_err();
    assert_eq!(refused["code"], "invalid_input", "{refused}");
    assert!(
        refused["message"]
            .as_str()
            .unwrap()
            .contains("confirmation"),
        "{refused}"
    );
    let asked = app
        .invoke("confirm_copy_refresh", serde_json::json!({"id": id}))
        .await
        .unwrap();
    assert!(asked["question"].as_str().unwrap().contains("HubSpot"));
    let with_code = serde_json::json!({"id": id, "form": "refresh", "refreshFirst": false,
        "confirmation": asked["code"]});
    app.invoke("copy_token", with_code.clone()).await.unwrap();
    assert!(app.invoke("copy_token", with_code).await.is_err(), "once");
    disconnect(&app, &id).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn ecwid_does_not_expire_and_its_token_is_copied_from_rust_then_cleared() {
    let app = App::launch_demo("launch").await;
    click_connect(&app, "Ecwid").await;
    let id = connected_as(&app, "ecwid", "Store 1003 · owner@shop.example.com").await;
    let row = format!("li[data-connection='{id}']");
    assert_eq!(
        text_of(&app, &format!("{row} [data-countdown]")).await,
        "Does not expire"
    );

    // The details panel shows the token masked; the page does not hold the whole token.
    open_details(&app, &row).await;
    let masked = text_of(&app, &format!("{row} [data-token]")).await;
    assert!(masked.contains("••••"), "{masked}");

    click_css(&app, &format!("{row} [data-copy='access']")).await;
    let token = eventually(Duration::from_secs(5), clipboard_text)
        .expect("the token reaches the clipboard");
    assert!(
        token.len() > 8 && token.starts_with(&masked.chars().take(4).collect::<String>()),
        "{token:?} vs {masked}"
    );
    let said = app.wait_for_xpath(&format!(
        "//li[@data-connection='{id}']//*[contains(@class, 'copy-feedback')][contains(., 'clears it in 4 seconds')]"
    ))
    .await;
    assert!(
        said.is_displayed().await.unwrap(),
        "the copy's confirmation is shown, beside the buttons"
    );
    let page = app.client.source().await.unwrap();
    assert!(
        !page.contains(&token),
        "the copy did not pass through the page"
    );
    // Cleared after the delay, since it still holds the token.
    let cleared = eventually(Duration::from_secs(10), || {
        (clipboard_text().as_deref() != Some(token.as_str())).then_some(())
    });
    assert!(cleared.is_some(), "the clipboard still holds the token");

    // Copy as header; Reveal shows the whole token only when asked.
    click_css(&app, &format!("{row} [data-copy='header']")).await;
    let header = eventually(Duration::from_secs(5), || {
        clipboard_text().filter(|t| t.starts_with("Authorization:"))
    })
    .unwrap();
    assert_eq!(header, format!("Authorization: Bearer {token}"));
    click_css(&app, &format!("{row} [data-action='reveal']")).await;
    wait_until(5, "the revealed token", || async {
        text_of(&app, &format!("{row} [data-token]")).await == token
    })
    .await;

    app.screenshot("ecwid-revealed").await;

    // Each copy and the reveal are uses of the token: Details says who took it (Plugboard's own
    // window, through Copy and Reveal), shown now, not only at the next opening.
    let used = app
        .wait_shown_xpath(&format!(
            "//li[@data-connection='{id}']//ul[contains(@class, 'used-by')]/li[contains(., 'Plugboard (')][contains(., 'Reveal in the window')][contains(., 'Copy in the window')]"
        ))
        .await;
    assert!(used.is_displayed().await.unwrap());
    let said = used.text().await.unwrap();
    assert!(said.contains("3 times"), "{said}");
    assert!(!said.contains(&token), "{said}");

    // Try it: one call to Ecwid's profile endpoint, its answer shown, the token masked.
    click_css(&app, &format!("{row} [data-action='try']")).await;
    let tried = app
        .wait_shown_xpath(&format!(
            "//li[@data-connection='{id}']//*[contains(@class, 'try-result')][contains(., 'HTTP 200 OK')]"
        ))
        .await;
    assert!(tried.is_displayed().await.unwrap());
    let shown = tried.text().await.unwrap();
    assert!(shown.contains("Ecwid accepted this connection"), "{shown}");
    assert!(!shown.contains(&token), "{shown}");

    // Diagnostics for support: the connection's state, and no token.
    let report = copy_diagnostics(&app).await;
    // Its confirmation beside the button, in the footer.
    let said = app.wait_for_css("#diagnostics-feedback").await;
    wait_until(5, "the diagnostics confirmation", || async {
        said.is_displayed().await.unwrap_or(false)
    })
    .await;
    assert!(
        report.contains(&id) && report.contains("Does not expire"),
        "{report}"
    );
    assert!(!report.contains(&token), "diagnostics hold no token");
    // ...and the last tokens handed out, each door named.
    assert!(
        report.contains("Tokens handed out")
            && report.contains("Reveal")
            && report.contains("Copy (header)"),
        "{report}"
    );
    disconnect(&app, &id).await;
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_hidden_window_does_not_tick_and_a_shown_one_catches_up_at_once() {
    let app = App::launch_demo("launch").await;
    // Count the page's `live` calls (its once-a-second tick) through the fetch-based IPC.
    let count_live = r#"
        window.__lives = 0;
        const fetch = window.fetch.bind(window);
        window.fetch = (input, init) => {
          const url = typeof input === "string" ? input : input.url;
          if (url.endsWith("/live")) window.__lives += 1;
          return fetch(input, init);
        };
        return true;
    "#;
    app.client.execute(count_live, vec![]).await.unwrap();
    let lives = || async {
        app.client
            .execute("return window.__lives", vec![])
            .await
            .unwrap()
            .as_u64()
            .unwrap()
    };
    // Nothing counts down: the page does not tick at all.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(lives().await, 0, "no countdown, no tick");
    // A HubSpot token lives 30 minutes: its countdown reads in minutes and changes on the
    // wall-clock minute, so the page does not tick by the second (issue 27).
    click_connect(&app, "HubSpot").await;
    let id = connected_as(
        &app,
        "hubspot",
        "example-portal.hubspot.com · ana@example.com",
    )
    .await;
    let row = format!("li[data-connection='{id}']");
    let countdown = text_of(&app, &format!("{row} [data-countdown]")).await;
    assert!(
        ["Expires in 30 min", "Expires in 29 min"].contains(&countdown.as_str()),
        "{countdown}"
    );
    tokio::time::sleep(Duration::from_millis(500)).await;
    let connected = lives().await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(
        lives().await <= connected + 1,
        "minutes: at most the minute's own tick"
    );
    // In its last two minutes a countdown reads and ticks in seconds: a token of 100 seconds.
    disconnect(&app, &id).await;
    app.simulator_faults(serde_json::json!({"hubspot_lifetime": 100}))
        .await;
    click_connect(&app, "HubSpot").await;
    let id = connected_as(
        &app,
        "hubspot",
        "example-portal.hubspot.com · ana@example.com",
    )
    .await;
    let row = format!("li[data-connection='{id}']");
    wait_until(10, "seconds shown", || async {
        text_of(&app, &format!("{row} [data-countdown]"))
            .await
            .starts_with("Expires in 1:")
    })
    .await;
    let connected = lives().await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(lives().await >= connected + 2, "a shown window ticks");
    // Hidden (minimised, another workspace): the page sees document.hidden and stops ticking.
    let set_hidden = |hidden: bool| {
        format!(
            "Object.defineProperty(document, 'hidden', {{ value: {hidden}, configurable: true }}); \
             document.dispatchEvent(new Event('visibilitychange')); return true;"
        )
    };
    app.client.execute(&set_hidden(true), vec![]).await.unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let before = lives().await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(lives().await, before, "no tick while hidden");
    // Shown again: one tick at once.
    app.client
        .execute(&set_hidden(false), vec![])
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(lives().await > before, "a tick as soon as it is shown");
    app.close().await;
}

//! The window's cards: one per provider, each a landmark with its Connect button, and a card
//! with many accounts listing twenty until asked for the rest.

use fantoccini::Locator;
use plugboard_e2e::App;

use crate::helpers::wait_until;

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
        .wait_shown_xpath(
            "//*[@id='keychain-status'][normalize-space() = 'Tokens kept in your keychain']",
        )
        .await;
    assert!(keychain.is_displayed().await.unwrap());
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_card_with_many_accounts_lists_twenty_and_shows_the_rest_when_asked() {
    let sim = plugboard_sim::Simulator::start().await.unwrap();
    let home = plugboard_e2e::test_home();
    let providers = home.join("many-providers.toml");
    std::fs::write(&providers, sim.providers_toml(53997)).unwrap();
    // 25 HubSpot connections in the index (its documented schema), as a busy agency has them.
    let data_home = home.join("many-data");
    let index_dir = data_home.join("dev.plugboard.desktop/dev");
    std::fs::create_dir_all(&index_dir).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let connections: Vec<_> = (0..25)
        .map(|i| {
            serde_json::json!({
                "id": format!("hubspot-{i:08x}"),
                "provider": "hubspot",
                "method": "authorization_code",
                "account": format!("portal-{i}.example.com · owner{i}@example.com"),
                "obtained_at": now - 60,
                "expires_at": now + 86_400,
            })
        })
        .collect();
    std::fs::write(
        index_dir.join("connections.json"),
        serde_json::to_vec(&serde_json::json!({"version": 1, "connections": connections})).unwrap(),
    )
    .unwrap();
    let app = App::launch_with_providers(&providers, &data_home, "launch", Vec::new()).await;
    let rows = || async {
        app.client
            .execute(
                "return document.querySelectorAll(\"section[data-provider='hubspot'] li[data-connection]\").length",
                vec![],
            )
            .await
            .unwrap()
            .as_u64()
            .unwrap()
    };
    assert_eq!(rows().await, 20, "the first twenty");
    let more = app.wait_for_css("[data-action='show-all']").await;
    assert!(more.is_displayed().await.unwrap());
    assert_eq!(more.text().await.unwrap(), "Show all 25 HubSpot accounts");
    more.click().await.unwrap();
    wait_until(5, "every account listed", || async { rows().await == 25 }).await;
    // Found again on each look: a row may be drawn anew meanwhile.
    app.wait_shown_xpath(
        "//li[@data-connection='hubspot-00000018']//*[@class='account'][normalize-space()='portal-24.example.com · owner24@example.com']",
    )
    .await;
    app.close().await;
}

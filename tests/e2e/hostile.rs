//! Text from outside in the window: an account label a provider made and a provider file's name,
//! with terminal escapes and a right-to-left override. The page shows each escaped (`\u{…}`, as
//! `plugboard_core::safe_text` writes it), visible, and isolated, so nothing reorders the row.

use plugboard_e2e::App;

use crate::helpers::text_of;

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_label_and_a_provider_name_from_outside_are_shown_escaped_and_isolated() {
    let sim = plugboard_sim::Simulator::start().await.unwrap();
    let home = plugboard_e2e::test_home();
    let providers = home.join("hostile-providers.toml");
    // Nimbus, named as a hostile file names it (TOML's escapes).
    let nimbus = sim.nimbus_toml().replace(
        "name = \"Nimbus CRM\"",
        "name = \"Nimbus\\u001b]0;pwned\\u0007\\u202eMRC\"",
    );
    std::fs::write(
        &providers,
        format!("{}\n{nimbus}", sim.providers_toml(53996)),
    )
    .unwrap();
    // A HubSpot connection in the index whose label a hostile identity answer made.
    let data_home = home.join("hostile-data");
    let index_dir = data_home.join("dev.plugboard.desktop/dev");
    std::fs::create_dir_all(&index_dir).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let connection = serde_json::json!({
        "id": "hubspot-0000bad1",
        "provider": "hubspot",
        "method": "authorization_code",
        "account": "\u{1b}[2Jana@\u{202e}moc.elpmaxe",
        "obtained_at": now - 60,
        "expires_at": now + 86_400,
    });
    std::fs::write(
        index_dir.join("connections.json"),
        serde_json::to_vec(&serde_json::json!({"version": 1, "connections": [connection]}))
            .unwrap(),
    )
    .unwrap();
    let app = App::launch_with_providers(&providers, &data_home, "launch", Vec::new()).await;

    let row = "li[data-connection='hubspot-0000bad1']";
    let account = app.wait_for_css(&format!("{row} .account")).await;
    assert!(account.is_displayed().await.unwrap());
    assert_eq!(
        text_of(&app, &format!("{row} .account")).await,
        r"\u{1b}[2Jana@\u{202e}moc.elpmaxe"
    );
    // Isolated: an RTL label of its own (a legitimate one) cannot reorder the rest of the row.
    let bidi = app
        .client
        .execute(
            "const el = document.querySelector(arguments[0]); return [getComputedStyle(el).unicodeBidi, el.dir];",
            vec![serde_json::json!(format!("{row} .account"))],
        )
        .await
        .unwrap();
    assert_eq!(bidi, serde_json::json!(["isolate", "auto"]));

    // The provider's name on its card, and nowhere a raw override on the page.
    let card = app.wait_for_css("section[data-provider='nimbus'] h2").await;
    assert!(card.is_displayed().await.unwrap());
    assert_eq!(
        text_of(&app, "section[data-provider='nimbus'] h2").await,
        r"Nimbus\u{1b}]0;pwned\u{7}\u{202e}MRC"
    );
    let raw = app
        .client
        .execute(
            "const shown = [document.title, document.body.textContent];
             for (const el of document.querySelectorAll('*')) for (const a of el.attributes) shown.push(a.value);
             return /[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]/.test(shown.join(' '));",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(raw, serde_json::json!(false), "a raw control on the page");
    app.close().await;
}

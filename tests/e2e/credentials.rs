//! App credentials in the window: the guided setup of a provider with none, and Settings (where
//! each provider's come from; change or forget the person's own).

use std::process::Command;
use std::time::Duration;

use fantoccini::Locator;
use plugboard_e2e::{clipboard_text, eventually, keychain_items, App};

use crate::helpers::{click_css, click_until_shown, connected_as, disconnect, fill};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_without_app_credentials_guides_the_setup_then_signs_in_at_once() {
    // HubSpot against the simulator with no app credentials anywhere: Connect shows the guided
    // setup (numbered steps, the redirect URI with a Copy button, the scopes), keeps the secret in
    // the keychain, and signs in as soon as the credentials are saved: no second click.
    let sim = plugboard_sim::Simulator::start().await.unwrap();
    let home = plugboard_e2e::test_home();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let providers = home.join("guided-setup-providers.toml");
    std::fs::write(&providers, sim.providers_toml(port)).unwrap();
    let data_home = home.join("guided-setup-data");
    let _ = std::fs::remove_dir_all(&data_home);
    let app = App::launch_with_providers(&providers, &data_home, "launch", Vec::new()).await;
    let card = app.card("HubSpot").await;
    assert!(card
        .text()
        .await
        .unwrap()
        .contains("Set up a HubSpot app first: Connect shows how"));
    app.button_in(&card, "Connect").await.click().await.unwrap();
    let form = app
        .wait_for_css("form[aria-label='HubSpot app credentials']")
        .await;
    let steps = form
        .find_all(Locator::Css("ol.setup-steps > li"))
        .await
        .unwrap();
    assert_eq!(steps.len(), 4, "HubSpot's numbered steps");
    assert!(steps[0].is_displayed().await.unwrap());
    // The address a step names is a link to the developer page, not bare text.
    let link = steps[0]
        .find(Locator::Css("a.developer-link"))
        .await
        .expect("a link in the first step");
    assert!(link.is_displayed().await.unwrap());
    assert_eq!(link.text().await.unwrap(), "developers.hubspot.com");
    assert!(steps[1].text().await.unwrap().contains("redirect URI"));
    let redirect = format!("http://localhost:{port}/oauth/callback");
    let text = form.text().await.unwrap();
    assert!(text.contains(&redirect), "{text}");
    assert!(text.contains("Scopes to add: oauth"), "{text}");
    click_css(
        &app,
        "form[aria-label='HubSpot app credentials'] [data-action='copy-redirect-uri']",
    )
    .await;
    let copied = eventually(Duration::from_secs(5), || {
        clipboard_text().filter(|t| *t == redirect)
    });
    assert!(copied.is_some(), "the redirect URI is on the clipboard");
    let said = app
        .wait_for_xpath("//form[@aria-label='HubSpot app credentials']//*[@class='copied'][contains(., 'Copied')]")
        .await;
    assert!(
        said.is_displayed().await.unwrap(),
        "the copy says so, next to its button"
    );

    fill(
        &app,
        "#hubspot-app-client-id",
        &plugboard_sim::client_id("hubspot"),
    )
    .await;
    fill(
        &app,
        "#hubspot-app-client-secret",
        &plugboard_sim::client_secret("hubspot"),
    )
    .await;
    app.button_in(&form, "Save and sign in")
        .await
        .click()
        .await
        .unwrap();
    app.wait_shown_xpath(
        "//*[@data-notice='success'][contains(., 'Saved the HubSpot app credentials')]",
    )
    .await;
    let items = keychain_items("dev.plugboard.desktop.dev");
    assert!(items.contains("client-secret:hubspot"), "{items}");
    // No secret in any file of the app's data folder.
    let saved =
        std::fs::read_to_string(data_home.join("dev.plugboard.desktop/dev/app-credentials.json"))
            .unwrap();
    assert!(
        saved.contains(&plugboard_sim::client_id("hubspot"))
            && !saved.contains(&plugboard_sim::client_secret("hubspot"))
    );
    // Signed in with nothing more clicked.
    let id = connected_as(
        &app,
        "hubspot",
        "example-portal.hubspot.com · ana@example.com",
    )
    .await;
    assert_eq!(sim.count("hubspot.token"), 1);
    disconnect(&app, &id).await;
    app.close().await;
    // The client secret saved here is per provider in the shared test keychain: not left behind.
    let _ = Command::new("secret-tool")
        .args(["clear", "service", "dev.plugboard.desktop.dev"])
        .args(["username", "client-secret:hubspot"])
        .status();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn settings_shows_where_app_credentials_come_from_and_mends_a_mistyped_client_id() {
    let sim = plugboard_sim::Simulator::start().await.unwrap();
    let home = plugboard_e2e::test_home();
    let providers = home.join("settings-providers.toml");
    std::fs::write(&providers, sim.providers_toml(53998)).unwrap();
    // The organisation manages Ecwid's credentials in the system-wide file.
    let system = home.join("settings-etc-xdg");
    std::fs::create_dir_all(system.join("dev.plugboard.desktop")).unwrap();
    std::fs::write(
        system.join("dev.plugboard.desktop/providers.toml"),
        "[credentials.ecwid]\nclient_id = \"org-ecwid-app\"\nclient_secret = \"org-secret\"\nmanaged = true\n",
    )
    .unwrap();
    let data_home = home.join("settings-data");
    let _ = std::fs::remove_dir_all(&data_home);
    let system_dirs = system.display().to_string();
    let app = App::launch_with_providers_and_env(
        &providers,
        &data_home,
        &[("XDG_CONFIG_DIRS", system_dirs.as_str())],
    )
    .await;
    click_css(&app, "#open-settings").await;
    let item = |provider: &str| format!("#settings li[data-provider='{provider}']");
    let ecwid = app.wait_for_css(&item("ecwid")).await;
    assert!(ecwid.is_displayed().await.unwrap(), "Settings is shown");
    let text = ecwid.text().await.unwrap();
    assert!(
        text.contains("org-ecwid-app") && text.contains("Managed by your organisation"),
        "{text}"
    );
    assert!(!text.contains("org-secret"), "{text}");
    assert!(
        ecwid
            .find(Locator::Css("[data-action='change-credentials']"))
            .await
            .is_err(),
        "managed credentials offer no form"
    );

    // A mistyped client id, saved, then mended, then forgotten.
    let hubspot = item("hubspot");
    app.wait_for_xpath("//*[@id='settings']//li[@data-provider='hubspot']//*[@data-origin='none']")
        .await;
    // Clicked again if Settings were drawn anew under the click (a change refreshes them).
    click_until_shown(
        &app,
        &format!("{hubspot} [data-action='change-credentials']"),
        "//*[@id='hubspot-app-client-id']",
    )
    .await;
    fill(&app, "#hubspot-app-client-id", "hubspot-typo").await;
    fill(&app, "#hubspot-app-client-secret", "hubspot-own-secret").await;
    click_css(&app, &format!("{hubspot} button[type='submit']")).await;
    app.wait_for_xpath("//*[@id='settings']//li[@data-provider='hubspot'][.//code[.='hubspot-typo']][.//*[@data-origin='saved']]")
        .await;
    click_until_shown(
        &app,
        &format!("{hubspot} [data-action='change-credentials']"),
        "//*[@id='hubspot-app-client-id']",
    )
    .await;
    fill(&app, "#hubspot-app-client-id", "hubspot-mended").await;
    fill(&app, "#hubspot-app-client-secret", "hubspot-own-secret-2").await;
    click_css(&app, &format!("{hubspot} button[type='submit']")).await;
    // Displayed (checked by `wait_shown_xpath`; not asked again of an element Settings may
    // have drawn anew since: a stale reference under load).
    app.wait_shown_xpath(
        "//*[@id='settings']//li[@data-provider='hubspot'][.//code[.='hubspot-mended']]",
    )
    .await;
    assert!(keychain_items("dev.plugboard.desktop.dev").contains("client-secret:hubspot"));
    let source = app.client.source().await.unwrap();
    assert!(
        !source.contains("hubspot-own-secret"),
        "no secret in the page"
    );
    click_css(
        &app,
        &format!("{hubspot} [data-action='forget-credentials']"),
    )
    .await;
    app.wait_for_xpath("//*[@id='settings']//li[@data-provider='hubspot']//*[@data-origin='none']")
        .await;
    assert!(!keychain_items("dev.plugboard.desktop.dev").contains("client-secret:hubspot"));
    click_css(&app, "#close-settings").await;
    assert!(!app
        .wait_for_css("#settings")
        .await
        .is_displayed()
        .await
        .unwrap());
    app.close().await;
}

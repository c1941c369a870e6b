//! The window and the command line on the same data: connections made in a shell show in the
//! window and go away with it, and a sign-in made in the window gives its token to the shell.

use fantoccini::Locator;
use plugboard_e2e::{keychain_items, App};

use crate::helpers::{click_connect, fill, shell, text_of, wait_until};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn connections_made_on_the_command_line_show_in_the_window_and_go_away_with_it() {
    let sim = plugboard_sim::Simulator::start().await.unwrap();
    let home = plugboard_e2e::test_home();
    let providers = home.join("cli-window-providers.toml");
    // The four providers plus Nimbus, a provider of the user's own (a public client), whose
    // client id the person will type into the window (so the file's [credentials] go).
    let nimbus = sim.nimbus_toml();
    let nimbus = &nimbus[..nimbus.find("[credentials.nimbus]").unwrap()];
    std::fs::write(
        &providers,
        format!("{}\n{}", sim.providers_toml(53998), nimbus),
    )
    .unwrap();
    let data_home = home.join("cli-window-data");
    let app = App::launch_with_providers(&providers, &data_home, "launch", Vec::new()).await;

    // The same binary in a shell, with the window's folders and provider file.
    let cli = |args: Vec<String>, stdin: String| {
        let run = shell(&providers, &data_home, args, stdin);
        async move { run.await.map(|(out, _)| out) }
    };
    let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let out = cli(
        args(&[
            "connect",
            "hotmart",
            "--client-id",
            &plugboard_sim::client_id("hotmart"),
            "--json",
        ]),
        format!("{}\n", plugboard_sim::client_secret("hotmart")),
    )
    .await
    .unwrap();
    let id = serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let row = format!("li[data-connection='{id}']");
    app.wait_for_css(&row).await;
    assert!(text_of(&app, &format!("{row} .account"))
        .await
        .contains("Production"));

    // A refresh in the shell is seen by the window (new expiry) and not repeated by it.
    cli(args(&["refresh", &id]), String::new()).await.unwrap();
    assert_eq!(sim.count("hotmart.mint"), 2);
    let status = cli(args(&["status", "--json"]), String::new())
        .await
        .unwrap();
    assert!(status.contains("\"refreshed_at\": \"20"), "{status}");

    // Disconnected in the shell: gone from the window.
    cli(args(&["disconnect", &id]), String::new())
        .await
        .unwrap();
    wait_until(10, "the row to disappear", || async {
        app.client.find(Locator::Css(&row)).await.is_err()
    })
    .await;
    assert_eq!(
        sim.count("hotmart.mint"),
        2,
        "the window refreshed nothing itself"
    );

    // The other way round: Nimbus, from the user's provider file, signed in in the window (browser
    // stand-in, deep link by a second launch), then its token read in the shell. A public client:
    // the window asks for its client id and no secret.
    click_connect(&app, "Nimbus CRM").await;
    let form = app
        .wait_for_css("form[aria-label='Nimbus CRM app credentials']")
        .await;
    assert!(app
        .client
        .find(Locator::Css("#nimbus-app-client-secret"))
        .await
        .is_err());
    fill(
        &app,
        "#nimbus-app-client-id",
        &plugboard_sim::client_id("nimbus"),
    )
    .await;
    app.button_in(&form, "Save and sign in")
        .await
        .click()
        .await
        .unwrap();
    app.wait_shown_xpath(
        "//*[@data-notice='success'][contains(., 'Saved the Nimbus CRM client ID')]",
    )
    .await;
    let items = keychain_items("dev.plugboard.desktop.dev");
    assert!(!items.contains("client-secret:nimbus"), "{items}");
    // Saving starts the sign-in: no second click on Connect.
    app.wait_for_xpath(
        "//section[@data-provider='nimbus']//li[@data-connection]//*[contains(., 'dana@nimbus.example')]",
    )
    .await;
    let token = cli(args(&["token", "nimbus"]), String::new())
        .await
        .unwrap();
    assert!(token.starts_with("nb-at-"), "{token}");
    assert_eq!(sim.count("nimbus.token"), 1);
    assert_eq!(
        sim.count("nimbus.refresh"),
        0,
        "a fresh token is not refreshed"
    );
    app.close().await;
}

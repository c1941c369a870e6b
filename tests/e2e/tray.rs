//! Always on: the tray (through the StatusNotifierItem the app registers with a tray host on the
//! session bus, and its dbusmenu), the window's close button, notifications shown by a real
//! daemon (dunst) and clicked there, Settings' switches and their file, and a start at login.

use std::time::Duration;

use plugboard_e2e::desktop::{press_close_button, window_shown, Notifications, TrayHost};
use plugboard_e2e::{app_instance_on_bus, eventually, test_home, App};

use crate::helpers::{connected_as, wait_until};

/// The Tab key (WebDriver's code for it): leaving a field fires its change event.
const TAB: char = '\u{e004}';

const ACCOUNT: &str = "example-portal.hubspot.com · ana@example.com";

fn home(name: &str) -> std::path::PathBuf {
    let dir = test_home().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Presses the window's close button until the window hides, as a person would press it again
/// when a press was lost (seen in full runs under load, twice in a row once: up to four presses,
/// five seconds apart). On failure, says which windows called Plugboard the display has.
fn close_to_tray(what: &str) {
    for _ in 0..4 {
        press_close_button();
        if eventually(Duration::from_secs(5), || (!window_shown()).then_some(())).is_some() {
            return;
        }
    }
    let windows = |visible: bool| {
        let mut args = vec!["search"];
        if visible {
            args.push("--onlyvisible");
        }
        args.extend(["--name", "^Plugboard$"]);
        std::process::Command::new("xdotool")
            .args(args)
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).replace('\n', " "))
            .unwrap_or_default()
    };
    panic!(
        "{what}: still shown after four presses (windows: [{}], visible: [{}])",
        windows(false),
        windows(true)
    );
}

/// Waits up to 15 s for `probe` to hold.
fn until(what: &str, probe: impl Fn() -> bool) {
    assert!(
        eventually(Duration::from_secs(15), || probe().then_some(())).is_some(),
        "{what}"
    );
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn closed_to_the_tray_plugboard_keeps_working_notifies_once_and_quits_from_the_menu() {
    let dir = home("tray");
    let app = App::launch_demo_home(&dir, &[]).await;
    // The daemon and a panel's tray host, while this app runs (apps run one at a time: what
    // they show is this test's alone).
    let notifications = Notifications::start();
    let host = TrayHost::start();

    // The tray item: the headline first, Open, Refresh all (nothing to refresh yet), Quit.
    host.item();
    assert_eq!(host.status(), "Active");
    let menu = host.menu();
    let labels: Vec<&str> = menu.iter().map(|e| e.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "No connections yet",
            "Open Plugboard",
            "Refresh all",
            "Quit Plugboard"
        ]
    );
    assert!(!menu[0].enabled && !menu[2].enabled && menu[3].enabled);
    let working = host.icon();

    // The close button hides the window into the tray, and says so once.
    until("the window is shown", window_shown);
    close_to_tray("the window hides");
    assert!(app_instance_on_bus(), "Plugboard still runs");
    assert!(notifications.wait_for(1, Duration::from_secs(15)));
    let shown = notifications.shown();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].summary, "Plugboard is still running");
    assert_eq!(shown[0].appname, "Plugboard");
    assert!(shown[0].body.contains("Quit Plugboard"), "{shown:?}");

    // A sign-in that completes while the window is hidden is told by notification. Its token
    // lives 5 s: refreshed in the background, with the window closed.
    app.simulator_faults(serde_json::json!({ "hubspot_lifetime": 5 }))
        .await;
    app.invoke(
        "begin_sign_in",
        serde_json::json!({ "provider": "hubspot" }),
    )
    .await
    .expect("begin the HubSpot sign-in");
    assert!(notifications.wait_for(1, Duration::from_secs(20)));
    let shown = notifications.shown();
    assert_eq!(shown[0].summary, "Connected to HubSpot", "{shown:?}");
    assert!(shown[0].body.contains(ACCOUNT), "{shown:?}");
    wait_until(15, "a refresh with the window closed", || async {
        app.simulator_count("hubspot.refresh").await >= 1
    })
    .await;
    let line = host.wait_for_entry(&format!(
        "HubSpot · {ACCOUNT} — Connected, expires in 30 min"
    ));
    assert!(line.enabled);
    assert_eq!(host.menu()[0].label, "Your connection is working");
    assert!(
        !window_shown(),
        "a finished sign-in does not pop the window up"
    );

    // Refresh all from the tray, with the grant dead at HubSpot: Reconnect needed, in the tray
    // (a red badge) and in one notification naming the provider and account.
    app.simulator_faults(serde_json::json!({ "refresh_invalid_grant": true }))
        .await;
    host.click("Refresh all");
    host.wait_for_entry(&format!("HubSpot · {ACCOUNT} — Reconnect needed"));
    assert_eq!(host.menu()[0].label, "1 connection needs you");
    assert_ne!(host.icon(), working, "the icon shows the problem");
    assert!(notifications.wait_for(1, Duration::from_secs(15)));
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(notifications.displayed(), 1, "one notification, once");

    // Clicking it opens the window at that connection.
    notifications.click_newest();
    until("the window comes back", window_shown);
    let id = connected_as(&app, "hubspot", ACCOUNT).await;
    let row = app
        .wait_for_css(&format!("li[data-connection='{id}'].asked-for"))
        .await;
    assert!(row.is_displayed().await.unwrap());
    let shown = notifications.shown();
    assert_eq!(
        shown[0].summary, "HubSpot needs you to reconnect",
        "{shown:?}"
    );
    assert!(
        shown[0].body.contains(&format!("HubSpot ({ACCOUNT})"))
            && shown[0].body.contains("click Reconnect"),
        "{shown:?}"
    );
    // Never a token: the access token (revealed on purpose here) is in no notification.
    let token = app
        .invoke("reveal_token", serde_json::json!({ "id": id }))
        .await
        .expect("reveal the token");
    let token = token.as_str().expect("a token");
    assert!(token.len() > 8);
    assert!(shown
        .iter()
        .all(|n| !n.body.contains(token) && !n.summary.contains(token)));

    // Closed again: no second "still running", and no second notice of the same need.
    close_to_tray("the window hides again");
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(notifications.displayed(), 0, "{:?}", notifications.shown());
    let settings =
        std::fs::read_to_string(dir.join("config/dev.plugboard.desktop/settings.toml")).unwrap();
    assert!(settings.contains("tray_notice_shown = true"), "{settings}");

    // The tray's line for the connection opens the window at it too.
    host.click(&format!("HubSpot · {ACCOUNT}"));
    until("the window comes back from the tray", window_shown);

    // The demo keychain namespace is shared with the other tests: leave it as found.
    app.invoke("disconnect", serde_json::json!({ "id": id }))
        .await
        .expect("disconnect");
    host.wait_for_entry("No connections yet");

    // Quit ends Plugboard.
    host.click("Quit Plugboard");
    until("Plugboard quits", || !app_instance_on_bus());
    drop(host);
    app.close().await;
    notifications.clear();
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn without_a_tray_the_close_button_quits_as_before() {
    let app = App::launch_demo_home(&home("no-tray"), &[]).await;
    until("the window is shown", window_shown);
    // Pressed again if a press was lost under load, as a person would (see `close_to_tray`).
    for _ in 0..4 {
        press_close_button();
        if eventually(Duration::from_secs(5), || {
            (!app_instance_on_bus()).then_some(())
        })
        .is_some()
        {
            break;
        }
    }
    assert!(
        !app_instance_on_bus(),
        "Plugboard quits (window still shown: {})",
        window_shown()
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn started_at_login_it_opens_in_the_tray_and_a_second_launch_brings_the_window_back() {
    let dir = home("at-login");
    let app = App::launch_demo_home(&dir, &["--in-tray"]).await;
    // The panel comes up a moment after Plugboard, as it may at login.
    let host = TrayHost::start();
    host.item();
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert!(
        !window_shown(),
        "started at login, Plugboard stays in the tray"
    );
    // A second launch (the launcher, or `plugboard`) brings the window back.
    let mut second = std::process::Command::new(plugboard_e2e::app_binary());
    second.env("HOME", dir.join("home"));
    let (status, stderr) = plugboard_e2e::run_with_deadline(second, Duration::from_secs(20));
    assert!(status.success(), "second launch: {status}: {stderr}");
    until("the window is shown", window_shown);
    drop(host);
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn settings_switches_are_kept_in_a_private_file_and_start_at_login_adds_a_login_entry() {
    let dir = home("settings");
    let app = App::launch_demo_home(&dir, &[]).await;
    crate::helpers::click_css(&app, "#open-settings").await;
    let switch = |id: &'static str| {
        let app = &app;
        async move { app.wait_for_css(&format!("#{id}")).await }
    };
    for (id, on) in [
        ("choice-notifications", true),
        ("choice-start-at-login", false),
        ("choice-keep-in-tray", true),
    ] {
        let input = switch(id).await;
        assert!(input.is_displayed().await.unwrap(), "{id} is shown");
        assert_eq!(input.is_selected().await.unwrap(), on, "{id}");
    }
    app.screenshot("settings-general").await;
    let delay = switch("clipboard-clear").await;
    assert_eq!(delay.prop("value").await.unwrap().as_deref(), Some("30"));
    let lead = app.wait_for_css("#refresh-lead").await;
    assert!(lead.is_displayed().await.unwrap());
    assert!(lead
        .text()
        .await
        .unwrap()
        .contains("30-minute tokens are refreshed 3 minutes before"));

    // Flip notifications off and start at login on; change the clipboard delay.
    switch("choice-notifications").await.click().await.unwrap();
    switch("choice-start-at-login").await.click().await.unwrap();
    let entry = dir.join("home/.config/autostart/Plugboard.desktop");
    wait_until(10, "the login entry", || async { entry.exists() }).await;
    let text = std::fs::read_to_string(&entry).unwrap();
    assert!(text.contains("--in-tray"), "{text}");
    // Typed over, as a person selects the number and types (WebDriver's clear would send a
    // change of its own, for an empty field).
    let empty = "document.getElementById('clipboard-clear').value = ''; return true;";
    app.script(empty).await;
    delay.send_keys(&format!("45{TAB}")).await.unwrap();
    let file = dir.join("config/dev.plugboard.desktop/settings.toml");
    wait_until(10, "the settings file", || async {
        std::fs::read_to_string(&file).is_ok_and(|t| {
            t.contains("notifications = false") && t.contains("clipboard_clear_secs = 45")
        })
    })
    .await;
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );

    // A delay out of range is refused next to the field, in words, and nothing changes.
    wait_until(10, "the field to be ready again", || async {
        delay.is_enabled().await.unwrap_or(false)
    })
    .await;
    app.script(empty).await;
    delay.send_keys(&format!("3{TAB}")).await.unwrap();
    let error = app
        .wait_shown_xpath(
            "//li[contains(@class,'choice')]//*[@role='alert'][contains(., 'between 5 and 600')]",
        )
        .await;
    assert!(error.is_displayed().await.unwrap());
    assert_eq!(delay.prop("value").await.unwrap().as_deref(), Some("45"));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("clipboard_clear_secs = 45"));

    // Start at login off again: the entry is gone.
    switch("choice-start-at-login").await.click().await.unwrap();
    wait_until(10, "the login entry removed", || async { !entry.exists() }).await;
    app.close().await;

    // Started again, Settings shows what was chosen.
    let app = App::launch_demo_home(&dir, &[]).await;
    crate::helpers::click_css(&app, "#open-settings").await;
    let notifications = app.wait_for_css("#choice-notifications").await;
    assert!(!notifications.is_selected().await.unwrap());
    assert_eq!(
        app.wait_for_css("#clipboard-clear")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("45")
    );
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn with_notifications_off_a_broken_connection_shows_in_the_tray_only_and_a_vanished_tray_gives_the_window_back(
) {
    let dir = home("quiet");
    let app = App::launch_demo_home(&dir, &[]).await;
    let notifications = Notifications::start();
    let host = TrayHost::start();
    app.invoke(
        "set_preferences",
        serde_json::json!({ "change": { "notifications": false } }),
    )
    .await
    .expect("turn notifications off");
    crate::helpers::click_connect(&app, "HubSpot").await;
    let id = connected_as(&app, "hubspot", ACCOUNT).await;
    close_to_tray("the window hides");
    // Told once that it keeps running, even so: closing would otherwise seem to quit.
    assert!(notifications.wait_for(1, Duration::from_secs(15)));
    notifications.clear();
    app.simulator_faults(serde_json::json!({ "refresh_invalid_grant": true }))
        .await;
    host.click("Refresh all");
    host.wait_for_entry(&format!("HubSpot · {ACCOUNT} — Reconnect needed"));
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(notifications.displayed(), 0, "{:?}", notifications.shown());
    app.invoke("disconnect", serde_json::json!({ "id": id }))
        .await
        .expect("disconnect");
    // The panel goes away while the window is hidden in it: the window comes back by itself.
    drop(host);
    until("the window comes back when the tray goes", window_shown);
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn the_tray_and_notifications_speak_the_systems_language() {
    let dir = home("portuguese");
    let app = App::launch_demo_home_env(&dir, &[], &[("PLUGBOARD_LOCALE", "pt_BR.UTF-8")]).await;
    let notifications = Notifications::start();
    let host = TrayHost::start();
    host.wait_for_entry("Nenhuma conexão ainda");
    let labels: Vec<String> = host.menu().into_iter().map(|e| e.label).collect();
    assert_eq!(
        labels,
        [
            "Nenhuma conexão ainda",
            "Abrir o Plugboard",
            "Renovar todas",
            "Sair do Plugboard"
        ]
    );
    // Closed once it is on screen (a close sent before the window is mapped is not a close).
    until("the window is shown", window_shown);
    close_to_tray("the window hides");
    assert!(notifications.wait_for(1, Duration::from_secs(15)));
    let shown = notifications.shown();
    assert_eq!(
        shown[0].summary, "O Plugboard continua rodando",
        "{shown:?}"
    );
    host.click("Sair do Plugboard");
    until("Plugboard quits", || !app_instance_on_bus());
    drop(host);
    app.close().await;
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_notification_whose_news_is_no_longer_true_is_closed() {
    let dir = home("tray-closed-news");
    let app = App::launch_demo_home(&dir, &[]).await;
    let notifications = Notifications::start();
    let host = TrayHost::start();
    host.item();
    until("the window is shown", window_shown);
    close_to_tray("the window hides");
    // "Still running", then "Connected to HubSpot" (a sign-in finished while hidden).
    assert!(notifications.wait_for(1, Duration::from_secs(15)));
    app.invoke(
        "begin_sign_in",
        serde_json::json!({ "provider": "hubspot" }),
    )
    .await
    .expect("begin the HubSpot sign-in");
    host.wait_for_entry(&format!("HubSpot · {ACCOUNT} — Connected"));
    tokio::time::sleep(Duration::from_secs(1)).await;
    notifications.clear();
    assert_eq!(notifications.displayed(), 0);

    // The grant dies: one notification, displayed.
    app.simulator_faults(serde_json::json!({ "refresh_invalid_grant": true }))
        .await;
    host.click("Refresh all");
    host.wait_for_entry(&format!("HubSpot · {ACCOUNT} — Reconnect needed"));
    assert!(notifications.wait_for(1, Duration::from_secs(15)));
    assert_eq!(notifications.displayed(), 1);

    // Its news ends (the connection is gone): the notification is closed, not left saying
    // something no longer true.
    let status: serde_json::Value = app
        .invoke("list_providers", serde_json::json!({}))
        .await
        .expect("the providers");
    let id = status
        .as_array()
        .and_then(|cards| {
            cards.iter().find_map(|c| {
                c["connections"]
                    .as_array()
                    .and_then(|list| list.first())
                    .and_then(|conn| conn["id"].as_str())
                    .map(str::to_string)
            })
        })
        .expect("the HubSpot connection");
    app.invoke("disconnect", serde_json::json!({ "id": id }))
        .await
        .expect("disconnect");
    until("the notification is closed", || {
        notifications.displayed() == 0
    });
    app.close().await;
}

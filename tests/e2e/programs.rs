//! Programs asking for tokens over D-Bus (the token service, `docs/dbus.md`): a Python program
//! of the person's own (`programs/tokens_client.py`, run by the system's python3 with
//! dbus-python) gets a token only after the person answers the window's question, which names
//! the program's path and the connection; `ListConnections` needs no consent; once is not a
//! grant; Deny and nobody answering are `Denied`; Always allow is not asked again; every answer
//! is in the record, never the token.

use std::time::Duration;

use plugboard_e2e::desktop::Notifications;
use plugboard_e2e::{test_home, workspace_root, App};

use crate::helpers::{click_connect, click_css, connected_as, disconnect, wait_until};

/// Demo mode's bus name (the keychain service's name).
const BUS: &str = "dev.plugboard.desktop.demo";

/// Runs the client (`list`, or `get <connection>`) as its own process; its one line of output.
fn client(args: &[&str]) -> tokio::task::JoinHandle<String> {
    let script = workspace_root().join("tests/e2e/programs/tokens_client.py");
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new("/usr/bin/python3")
            .arg(&script)
            .arg(BUS)
            .args(&args)
            .output()
            .expect("the system's python3 runs");
        let said = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(
            !said.is_empty(),
            "the client said nothing: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        said
    })
}

/// Waits until the window shows the question for the client (it names the script's path), and
/// answers `choice` (None: nobody answers).
async fn answer(app: &App, choice: Option<&str>) {
    let script = workspace_root().join("tests/e2e/programs/tokens_client.py");
    let question = app
        .wait_shown_xpath(&format!(
            "//section[@data-question][contains(., '{}')][contains(., 'Ecwid')]",
            script.display()
        ))
        .await;
    assert!(question.is_displayed().await.unwrap());
    let words = question.text().await.unwrap();
    assert!(
        words.contains("tokens_client.py wants to use Ecwid"),
        "{words}"
    );
    assert!(
        words.contains("Allow once") && words.contains("Always allow"),
        "{words}"
    );
    if let Some(choice) = choice {
        click_css(
            app,
            &format!("section[data-question] [data-choice='{choice}']"),
        )
        .await;
    }
}

/// Whether a question is on the screen now.
async fn asked(app: &App) -> bool {
    match app
        .client
        .find(fantoccini::Locator::Css("section[data-question]"))
        .await
    {
        Ok(q) => q.is_displayed().await.unwrap_or(false),
        Err(_) => false,
    }
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_program_gets_a_token_only_with_the_persons_consent() {
    let dir = test_home().join("programs-consent");
    let _ = std::fs::remove_dir_all(&dir);
    let app = App::launch_demo_home_env(&dir, &[], &[("PLUGBOARD_CONSENT_WAIT_SECS", "8")]).await;
    let notifications = Notifications::start();
    click_connect(&app, "Ecwid").await;
    let id = connected_as(&app, "ecwid", "Store 1003 · owner@shop.example.com").await;

    // Metadata needs no consent (the service is on the bus once the window has painted).
    let mut listed = String::new();
    for _ in 0..30 {
        listed = client(&["list"]).await.unwrap();
        if listed.contains(&id) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    assert!(
        listed.contains(&id),
        "the token service lists the connection: {listed}"
    );
    assert!(
        listed.contains("Store 1003 · owner@shop.example.com"),
        "{listed}"
    );
    assert!(!asked(&app).await, "listing asks nothing");

    // Allow once: a token, and the next request is asked again.
    let asking = client(&["get", &id]);
    answer(&app, Some("once")).await;
    let got = asking.await.unwrap();
    assert!(got.starts_with("TOKEN "), "{got}");
    let token = got.split(' ').nth(1).unwrap().to_string();
    assert!(token.len() > 8);
    wait_until(5, "the answered question goes", || async {
        !asked(&app).await
    })
    .await;
    // A program's first use of a connection is said in a notification (Settings' switch, on).
    assert!(
        notifications.wait_for(1, Duration::from_secs(10)),
        "a notification"
    );
    let shown = notifications.shown();
    let said = shown
        .iter()
        .find(|n| n.summary.contains("tokens_client.py used Ecwid"))
        .unwrap_or_else(|| panic!("{shown:?}"));
    assert!(said.summary.contains("Store 1003"), "{said:?}");
    assert!(!said.body.contains(&token) && !said.summary.contains(&token));

    // Deny.
    let asking = client(&["get", &id]);
    answer(&app, Some("deny")).await;
    let got = asking.await.unwrap();
    assert!(
        got.starts_with(
            "ERROR dev.plugboard.desktop.Error.Denied You did not allow tokens_client.py"
        ),
        "{got}"
    );

    // Nobody answers: Denied when the wait is over, and the question is taken back.
    let asking = client(&["get", &id]);
    answer(&app, None).await;
    let got = asking.await.unwrap();
    assert!(
        got.starts_with("ERROR dev.plugboard.desktop.Error.Denied Nobody answered"),
        "{got}"
    );
    wait_until(5, "the question is taken back", || async {
        !asked(&app).await
    })
    .await;

    // Always allow: asked once, then never again.
    let asking = client(&["get", &id]);
    answer(&app, Some("always")).await;
    assert!(asking.await.unwrap().starts_with("TOKEN "));
    let again = client(&["get", &id]).await.unwrap();
    assert!(again.starts_with("TOKEN "), "not asked again: {again}");
    assert!(!asked(&app).await);
    assert_eq!(
        notifications
            .shown()
            .iter()
            .filter(|n| n.summary.contains("tokens_client.py used Ecwid"))
            .count(),
        1,
        "only the first use is said"
    );

    // Settings › Programs with access lists it; Remove, and it is asked again.
    click_css(&app, "#open-settings").await;
    let grant = app
        .wait_shown_xpath(&format!(
            "//li[contains(@class, 'grant')][@data-connection='{id}'][contains(., 'tokens_client.py')][contains(., 'Ecwid')]"
        ))
        .await;
    assert!(grant.is_displayed().await.unwrap());
    click_css(
        &app,
        &format!("li.grant[data-connection='{id}'] [data-action='remove-grant']"),
    )
    .await;
    app.wait_shown_xpath(
        "//*[@data-notice='success'][contains(., 'that program will be asked again')]",
    )
    .await;
    click_css(&app, "#close-settings").await;
    let asking = client(&["get", &id]);
    answer(&app, Some("once")).await;
    assert!(
        asking.await.unwrap().starts_with("TOKEN "),
        "asked again, and allowed once"
    );

    // Bad input: a clear error, nothing asked.
    let got = client(&["get", "no-such-connection"]).await.unwrap();
    assert!(
        got.starts_with("ERROR dev.plugboard.desktop.Error.NotFound No connection is called"),
        "{got}"
    );
    assert!(!asked(&app).await);

    // The record: each answer, the program, never the token.
    let record =
        std::fs::read_to_string(dir.join("data/dev.plugboard.desktop/demo/audit.json")).unwrap();
    for said in [
        "\"dbus\"",
        "\"denied\"",
        "\"no_answer\"",
        "tokens_client.py",
    ] {
        assert!(record.contains(said), "{said} in {record}");
    }
    assert!(!record.contains(&token), "no token in the record");
    let grants =
        std::fs::read_to_string(dir.join("data/dev.plugboard.desktop/demo/grants.json")).unwrap();
    assert!(!grants.contains(&id), "removed in Settings: {grants}");

    // Programs listening hear of changes on the bus: a disconnect says `disconnected` (ids and
    // states only, never a token).
    let seen = dir.join("bus.txt");
    let mut monitor = std::process::Command::new("gdbus")
        .args(["monitor", "--session", "--dest", BUS])
        .stdout(std::fs::File::create(&seen).unwrap())
        .spawn()
        .expect("gdbus monitor");
    tokio::time::sleep(Duration::from_millis(500)).await;
    disconnect(&app, &id).await;
    let said = format!("ConnectionChanged ('{id}', 'disconnected')");
    let mut heard = String::new();
    for _ in 0..50 {
        heard = std::fs::read_to_string(&seen).unwrap_or_default();
        if heard.contains(&said) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let _ = monitor.kill();
    let _ = monitor.wait();
    assert!(heard.contains(&said), "{heard}");
    assert!(!heard.contains(&token));
    app.close().await;
}

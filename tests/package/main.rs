//! The installed package, as a person gets it: run by `make package-test` after `dpkg -i`
//! (scripts/package-test.sh installs the .deb, runs this with `PLUGBOARD_APP_BINARY` and
//! `PLUGBOARD_CLI_BINARY` naming the installed binaries, then removes it). Not part of `cargo test`
//! (`test = false` in Cargo.toml): without the package installed there is nothing to test.
//!
//! The installed window starts in the private test desktop; a sign-in link opened with the
//! desktop's own `xdg-open` goes through the packaged entry (`plugboard.desktop`, its `Exec` a
//! second launch) to the running window, which shows it; and the footer says sign-in links are
//! ready, which an installed build learns from the desktop, never by registering itself. Start at
//! login writes a login entry that starts the installed window in the tray.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use plugboard_e2e::{app_binary, cli_binary, run_with_deadline, App};

#[tokio::test]
#[ignore = "needs the package installed: run `make package-test`"]
async fn a_link_opened_with_xdg_open_reaches_the_installed_window() {
    assert_eq!(
        app_binary(),
        Path::new("/usr/bin/plugboard-window"),
        "run through `make package-test`, which installs the package and sets PLUGBOARD_APP_BINARY"
    );
    let app = App::launch().await;

    let links = app
        .wait_for_xpath(
            "//*[@id='scheme-status'][normalize-space()='Browser sign-in returns here']",
        )
        .await;
    assert!(
        links.is_displayed().await.unwrap(),
        "the footer shows that sign-in links reach the installed app"
    );

    // The real xdg-open (no stand-in on PATH): the desktop's handler of the scheme, the packaged
    // entry, starts `plugboard-window <link>`, which hands the link to the running window.
    let mut open = Command::new("/usr/bin/xdg-open");
    open.arg("dev.plugboard.desktop:/oauth/callback?code=SECRET-CODE-PKG&state=xyz");
    let (status, stderr) = run_with_deadline(open, Duration::from_secs(20));
    assert!(status.success(), "xdg-open failed ({status}): {stderr}");
    let notice = app
        .wait_for_xpath("//*[@data-notice='warning'][contains(., 'no sign-in was in progress')]")
        .await;
    let mut shown = false;
    for _ in 0..50 {
        if notice.is_displayed().await.unwrap_or(false) {
            shown = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(shown, "the window shows the link it was handed");
    let source = app.client.source().await.unwrap();
    assert!(
        !source.contains("SECRET-CODE-PKG"),
        "the link's query never reaches the page"
    );

    // Start at login (Settings' switch): the login entry starts the installed window in the tray.
    let entry =
        Path::new(&std::env::var("HOME").unwrap()).join(".config/autostart/Plugboard.desktop");
    app.invoke(
        "set_preferences",
        serde_json::json!({ "change": { "startAtLogin": true } }),
    )
    .await
    .expect("start at login");
    let text = std::fs::read_to_string(&entry).expect("a login entry");
    assert!(
        text.contains("Exec=/usr/bin/plugboard-window --in-tray"),
        "{text}"
    );
    app.invoke(
        "set_preferences",
        serde_json::json!({ "change": { "startAtLogin": false } }),
    )
    .await
    .expect("start at login off");
    assert!(!entry.exists(), "the login entry is removed again");
    app.close().await;

    // The installed command line answers without a window.
    let out = Command::new(cli_binary())
        .arg("--version")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("plugboard {}", env!("CARGO_PKG_VERSION"))
    );
}

/// A program asking the token service when Plugboard is not running starts it, in the tray (the
/// package's D-Bus service file), and gets its answer: here the connections' list, which needs no
/// consent.
#[tokio::test]
#[ignore = "needs the package installed: run `make package-test`"]
async fn the_token_service_starts_the_installed_app_in_the_tray() {
    assert_eq!(app_binary(), Path::new("/usr/bin/plugboard-window"));
    let mut call = Command::new("gdbus");
    call.args([
        "call",
        "--session",
        "--dest",
        "dev.plugboard.desktop",
        "--object-path",
        "/dev/plugboard/desktop",
        "--method",
        "dev.plugboard.desktop.Tokens1.ListConnections",
        "--timeout",
        "60",
    ]);
    let (status, stderr) = run_with_deadline(call, Duration::from_secs(90));
    assert!(
        status.success(),
        "the call started Plugboard and was answered: {stderr}"
    );
    // The app the bus started: found by the name it holds, ended by its process id.
    let said = plugboard_e2e::ask_bus(None, "GetConnectionUnixProcessID", "dev.plugboard.desktop");
    let pid: String = said
        .split_whitespace()
        .nth(1)
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    assert!(!pid.is_empty(), "Plugboard holds the name: {said}");
    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap();
    assert_eq!(exe, Path::new("/usr/bin/plugboard-window"));
    let args = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap();
    assert!(
        String::from_utf8_lossy(&args).contains("--in-tray"),
        "started in the tray"
    );
    let _ = Command::new("kill").arg(&pid).status();
}

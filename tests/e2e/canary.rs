//! The canary: tokens planted through the window and the shell are searched for everywhere they
//! must not be (every file of the test root — the record of tokens handed out among them — the
//! logs, diagnostics, command-line output (`exec --mask`, `audit`), and every IPC request, answer
//! and event).

use std::time::Duration;

use plugboard_e2e::{clipboard_text, eventually, App};

use crate::helpers::{
    click_connect, click_css, copy_diagnostics, fill, open_details, shell, wait_until,
};

/// The recorder the canary installs in the page: every command the page calls (arguments and
/// answers) and every event it receives, kept in `window.__canary`.
const RECORDER: &str = r#"
    window.__canary = [];
    // Tauri's IPC goes over the `ipc:` custom protocol with fetch: record each request and answer.
    const fetch = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const url = typeof input === "string" ? input : input.url;
      const entry = { url, body: init && typeof init.body === "string" ? init.body : String(init && init.body) };
      window.__canary.push(entry);
      const response = await fetch(input, init);
      try { entry.answer = await response.clone().text(); } catch (e) { entry.answer = String(e); }
      return response;
    };
    for (const name of ["plugboard://notice", "plugboard://changed"]) {
      window.__TAURI__.event.listen(name, (e) => window.__canary.push({ event: name, payload: e.payload }));
    }
    return true;
"#;

/// Every file under `dir` (the keychain's own storage excepted: that is where secrets belong).
fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            if entry.file_name() != "keyrings" {
                files_under(&path, out);
            }
        } else if kind.is_file() {
            out.push(path);
        }
    }
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn canary_no_planted_token_leaves_the_keychain_files_logs_diagnostics_json_or_ipc() {
    let sim = plugboard_sim::Simulator::start().await.unwrap();
    let home = plugboard_e2e::test_home();
    let providers = home.join("canary-providers.toml");
    let nimbus = sim.nimbus_toml();
    let nimbus = &nimbus[..nimbus.find("[credentials.nimbus]").unwrap()];
    std::fs::write(
        &providers,
        format!("{}\n{}", sim.providers_toml(53997), nimbus),
    )
    .unwrap();
    let data_home = home.join("canary-data");
    let app = App::launch_with_providers(&providers, &data_home, "launch", Vec::new()).await;
    assert_eq!(
        app.client.execute(RECORDER, vec![]).await.unwrap(),
        serde_json::Value::Bool(true)
    );
    let cli = |args: Vec<String>, stdin: String| shell(&providers, &data_home, args, stdin);
    let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let mut shown = Vec::new();

    // Connections made in the shell: a key (typed in) and client credentials.
    let (out, err) = cli(
        args(&[
            "connect",
            "whatconverts",
            "--field",
            &format!("token={}", plugboard_sim::WHATCONVERTS_TOKEN),
            "--json",
        ]),
        format!("{}\n", plugboard_sim::WHATCONVERTS_SECRET),
    )
    .await
    .unwrap();
    shown.push(("connect whatconverts".to_string(), format!("{out}{err}")));
    let (out, err) = cli(
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
    let hotmart = serde_json::from_str::<serde_json::Value>(&out).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    shown.push(("connect hotmart".to_string(), format!("{out}{err}")));
    // The window shows what the shell connected before the person goes on.
    app.wait_for_css(&format!("li[data-connection='{hotmart}']"))
        .await;

    // A sign-in in the window (Nimbus: client id typed in, browser stand-in, deep link).
    click_connect(&app, "Nimbus CRM").await;
    let form = app
        .wait_for_css("form[aria-label='Nimbus CRM app credentials']")
        .await;
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
    // Saving starts the sign-in: no second click on Connect.
    app.wait_for_xpath(
        "//section[@data-provider='nimbus']//li[@data-connection]//*[contains(., 'dana@nimbus.example')]",
    )
    .await;

    // Refreshed in the window and in the shell; Details opened; a header copied; diagnostics.
    let row = format!("li[data-connection='{hotmart}']");
    app.wait_for_css(&row).await;
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    wait_until(10, "the window's refresh", || async {
        sim.count("hotmart.mint") >= 2
    })
    .await;
    let (out, err) = cli(args(&["refresh", &hotmart, "--json"]), String::new())
        .await
        .unwrap();
    shown.push(("refresh".to_string(), format!("{out}{err}")));
    open_details(&app, &row).await;
    click_css(&app, &format!("{row} [data-copy='header']")).await;
    eventually(Duration::from_secs(5), || {
        clipboard_text().filter(|t| t.starts_with("Authorization:"))
    })
    .expect("the header was copied");
    let report = copy_diagnostics(&app).await;
    shown.push(("diagnostics".to_string(), report));
    // The doors for programs: a command given the token (its output masked), and the record of
    // every token handed out, which names them and holds none.
    let (out, err) = cli(
        args(&[
            "exec",
            &hotmart,
            "--mask",
            "--",
            "sh",
            "-c",
            "echo \"token: $HOTMART_ACCESS_TOKEN\"",
        ]),
        String::new(),
    )
    .await
    .unwrap();
    assert_eq!(out.trim(), "token: ••••", "{err}");
    shown.push(("exec --mask".to_string(), format!("{out}{err}")));
    for list in [
        args(&["audit", "--json"]),
        args(&["audit"]),
        args(&["status", "--json"]),
        args(&["status"]),
        args(&["doctor", "--json"]),
        args(&["providers", "--json"]),
    ] {
        let (out, err) = cli(list.clone(), String::new()).await.unwrap();
        shown.push((list.join(" "), format!("{out}{err}")));
    }
    let ipc = app
        .client
        .execute("return JSON.stringify(window.__canary)", vec![])
        .await
        .unwrap();
    let ipc = ipc.as_str().unwrap().to_string();
    assert!(
        ipc.contains("copy_token") && ipc.contains("/live"),
        "the recorder saw the page's commands: {ipc}"
    );
    shown.push(("IPC and events".to_string(), ipc));
    app.close().await;

    // The planted values: every token the provider issued, and the key typed in.
    let planted: Vec<String> = sim
        .minted()
        .into_iter()
        .filter(|t| !t.starts_with("public_") && !t.starts_with("jti"))
        .chain([
            plugboard_sim::WHATCONVERTS_TOKEN.to_string(),
            plugboard_sim::WHATCONVERTS_SECRET.to_string(),
        ])
        .collect();
    assert!(
        planted.iter().filter(|t| t.contains("-at-")).count() >= 3,
        "{planted:?}"
    );
    let mut files = Vec::new();
    // The whole private test root (tests/session.sh): HOME, XDG folders, the app's and the CLI's
    // data and logs, WebKit's caches. The provider file is the person's own.
    files_under(&home, &mut files);
    files.retain(|f| f != &providers);
    assert!(
        files.iter().any(|f| f.ends_with("audit.json")),
        "the record of tokens handed out is among the files: {files:?}"
    );
    assert!(
        files.iter().any(|f| f.ends_with("plugboard.log")),
        "the app's log is among the files"
    );
    for f in &files {
        if let Ok(bytes) = std::fs::read(f) {
            shown.push((
                f.display().to_string(),
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
        }
    }
    let leaks: Vec<String> = shown
        .iter()
        .flat_map(|(place, text)| {
            planted
                .iter()
                .filter(|t| text.contains(t.as_str()))
                .map(move |t| format!("{place}: {}…", &t[..t.len().min(8)]))
        })
        .collect();
    assert!(
        leaks.is_empty(),
        "planted secrets found outside the keychain ({} places checked): {leaks:?}",
        shown.len()
    );
}

//! The window in the person's language: every text it shows comes from a message catalogue (the
//! pseudo-locale finds any that does not), the language switch in Settings, and dates written the
//! locale's way.

use std::time::Duration;

use plugboard_e2e::{cli_binary, test_home, App};

use crate::helpers::{click_css, connected_as, open_details, text_of, wait_until};

const ACCOUNT: &str = "example-portal.hubspot.com · ana@example.com";
/// The same account under the pseudo-locale: its label's template is a catalogue text (written
/// in the language shown), so its separator is marked as one.
const ACCOUNT_PSEUDO: &str = "example-portal.hubspot.com[ · ]ana@example.com";

fn home(name: &str) -> std::path::PathBuf {
    let dir = test_home().join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Words that are data, never translated: names of products and providers, and the test's account.
const DATA: &[&str] = &[
    ACCOUNT,
    ACCOUNT_PSEUDO,
    "Plugboard",
    "HubSpot",
    "Hotmart",
    "WhatConverts",
    "Ecwid",
    "Lightspeed",
    // The locale the test forces, as Settings names it, and languages by their own names.
    "qps-ploc",
    "English",
    "Português (Brasil)",
    "Español",
];

/// Every text now visible in the window (text and the aria-label, title and placeholder of
/// visible elements) that still holds a plain ASCII word (three letters or more, one a consonant) once data is
/// taken out: data is what sits in `translate="no"`, `<code>` or `<kbd>`, e-mail addresses, URLs,
/// paths, environment variables' names, and [`DATA`]. Under the pseudo-locale every catalogue message is accented, so what is
/// left was written in code.
async fn untranslated(app: &App) -> Vec<String> {
    let data = serde_json::to_string(DATA).unwrap();
    let script = format!(
        r#"
        const data = {data};
        const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
        const isData = (el) => el.closest('[translate="no"], code, kbd, script, style');
        const clean = (s) => {{
          for (const d of data) s = s.split(d).join(" ");
          return s.replace(/\S+@\S+/g, " ").replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, " ").replace(/(~|\.)?(\/[\w.-]+)+/g, " ").replace(/\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b/g, " ");
        }};
        // A plain word: three ASCII letters or more, one of them a consonant (the Rust side's
        // pseudo-locale, fluent-pseudo, leaves vowels as they are; every consonant is accented).
        const plain = (s) => (clean(s).match(/[A-Za-z]{{3,}}/g) || []).some((w) => /[^aeiouAEIOU]/.test(w));
        const bad = [];
        // What a person could open: every <details> (Setup details, Recent messages) opened
        // for the walk, and every choice of every list (an <option> has no box of its own).
        for (const d of document.querySelectorAll("details")) d.open = true;
        for (const o of document.querySelectorAll("select option")) {{
          if (!isData(o) && shown(o.parentElement) && plain(o.textContent)) bad.push(`<option>: ${{o.textContent.trim()}}`);
        }}
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n; (n = walker.nextNode()); ) {{
          const el = n.parentElement;
          if (!el || isData(el) || !shown(el)) continue;
          if (plain(n.textContent)) bad.push(`<${{el.tagName.toLowerCase()}} class="${{el.className}}">: ${{n.textContent.trim()}}`);
        }}
        for (const el of document.querySelectorAll("[aria-label], [title], [placeholder]")) {{
          if (isData(el) || !shown(el)) continue;
          for (const a of ["aria-label", "title", "placeholder"]) {{
            const v = el.getAttribute(a);
            if (v && plain(v)) bad.push(`<${{el.tagName.toLowerCase()}} ${{a}}>: ${{v}}`);
          }}
        }}
        return bad;
        "#
    );
    serde_json::from_value(app.script(&script).await).expect("a list of texts")
}

async fn assert_translated(app: &App, what: &str) {
    // Let the page settle (a tick may be drawing a row anew).
    tokio::time::sleep(Duration::from_millis(300)).await;
    let bad = untranslated(app).await;
    assert!(
        bad.is_empty(),
        "{what}: texts that went through no catalogue:\n{}",
        bad.join("\n")
    );
}

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn every_text_the_window_shows_comes_from_a_catalogue() {
    let dir = home("pseudo");
    let app = App::launch_demo_home_env(&dir, &[], &[("PLUGBOARD_LOCALE", "qps-ploc")]).await;
    app.wait_for_css("section[data-provider='hubspot'] [data-action='connect']")
        .await;
    assert_translated(&app, "the cards").await;

    // A form with fields (WhatConverts' key), shown, then put away.
    click_css(
        &app,
        "section[data-provider='whatconverts'] [data-action='connect']",
    )
    .await;
    app.wait_for_css("section[data-provider='whatconverts'] form input")
        .await;
    assert_translated(&app, "WhatConverts' form").await;
    click_css(
        &app,
        "section[data-provider='whatconverts'] form button[type='button']",
    )
    .await;

    // Hotmart's form (environments, a choice of how to sign in).
    click_css(
        &app,
        "section[data-provider='hotmart'] [data-action='connect']",
    )
    .await;
    app.wait_for_css("section[data-provider='hotmart'] form input")
        .await;
    assert_translated(&app, "Hotmart's form").await;
    click_css(
        &app,
        "section[data-provider='hotmart'] form button[type='button']",
    )
    .await;

    // The scope chooser, then a connection, its row and its Details.
    click_css(
        &app,
        "section[data-provider='hubspot'] [data-action='connect']",
    )
    .await;
    app.wait_for_css("section[data-provider='hubspot'] form.scope-form")
        .await;
    assert_translated(&app, "HubSpot's scope chooser").await;
    click_css(
        &app,
        "section[data-provider='hubspot'] form.scope-form button[type=submit]",
    )
    .await;
    let id = connected_as(&app, "hubspot", ACCOUNT_PSEUDO).await;
    let row = format!("li[data-connection='{id}']");
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//*[@data-countdown]"
    ))
    .await;
    assert_translated(&app, "a connected row").await;
    // Details (already opened by the walk, which opens every <details>; opened again here).
    app.script(&format!(
        "document.querySelector(\"{row} details\").open = true; return null"
    ))
    .await;
    click_css(&app, &format!("{row} [data-action='try']")).await;
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//*[contains(@class, 'try-result')]"
    ))
    .await;
    assert_translated(&app, "Details, after Try it").await;
    click_css(&app, &format!("{row} [data-action='refresh']")).await;
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//*[contains(@class, 'row-feedback')]"
    ))
    .await;
    assert_translated(&app, "a row after Refresh").await;
    // Details' own forms and questions: naming, copying the refresh token, asking for more.
    click_css(&app, &format!("{row} [data-action='rename']")).await;
    app.wait_for_css(&format!("{row} form input")).await;
    assert_translated(&app, "the rename form").await;
    click_css(&app, &format!("{row} [data-action='cancel-rename']")).await;
    click_css(&app, &format!("{row} [data-action='ask-refresh-token']")).await;
    assert_translated(&app, "the refresh token question").await;
    click_css(&app, &format!("{row} [data-action='more-scopes']")).await;
    app.wait_for_css(&format!("{row} form.scope-form")).await;
    assert_translated(&app, "asking for more access").await;

    // Settings, then the Disconnect question.
    click_css(&app, "#open-settings").await;
    app.wait_for_css("#choice-language").await;
    app.wait_for_css("#settings .credentials-list").await;
    assert_translated(&app, "Settings").await;

    click_css(&app, "#close-settings").await;
    click_css(&app, &format!("{row} [data-action='disconnect']")).await;
    app.wait_shown_xpath(&format!(
        "//li[@data-connection='{id}']//*[@role='alertdialog']"
    ))
    .await;
    assert_translated(&app, "the Disconnect question").await;
    app.close().await;
}

/// The months as Portuguese (Brazil) abbreviates them in a date ("2 de dez. de 2026").
const PT_MONTHS: [&str; 12] = [
    "jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez.",
];

#[tokio::test]
#[ignore = "needs the private test desktop: run `make test`"]
async fn the_language_chosen_in_settings_is_spoken_at_once_and_after_a_restart() {
    let dir = home("language");
    // No forced language: the system's (Spanish) until the person chooses.
    let env = [
        ("PLUGBOARD_LOCALE", ""),
        ("LC_ALL", ""),
        ("LC_MESSAGES", ""),
        ("LANG", "es_MX.UTF-8"),
    ];
    let app = App::launch_demo_home_env(&dir, &[], &env).await;
    let settings = app
        .wait_shown_xpath("//button[@id='open-settings'][normalize-space()='Configuración']")
        .await;
    assert_eq!(
        app.script("return document.documentElement.lang").await,
        "es"
    );
    settings.click().await.unwrap();
    let chosen = app
        .wait_for_css("#choice-language option:checked")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(chosen, "El del sistema (Español)");
    click_css(&app, "#choice-language option[value='pt-BR']").await;

    // Drawn anew in Portuguese, Settings open again where the person was.
    app.wait_shown_xpath("//button[@id='open-settings'][normalize-space()='Configurações']")
        .await;
    let panel = app.wait_for_css("#settings").await;
    wait_until(10, "Settings open again", || async {
        panel.is_displayed().await.unwrap_or(false)
    })
    .await;
    assert_eq!(
        app.script("return document.documentElement.lang").await,
        "pt-BR"
    );
    let saved = std::fs::read_to_string(dir.join("config/dev.plugboard.desktop/settings.toml"))
        .expect("settings.toml");
    assert!(saved.contains("language = \"pt-BR\""), "{saved}");

    // A connection's dates are written the Portuguese way.
    click_css(&app, "#close-settings").await;
    click_css(
        &app,
        "section[data-provider='hubspot'] [data-action='connect']",
    )
    .await;
    click_css(
        &app,
        "section[data-provider='hubspot'] form.scope-form button[type=submit]",
    )
    .await;
    let id = connected_as(&app, "hubspot", ACCOUNT).await;
    open_details(&app, &format!("li[data-connection='{id}']")).await;
    let date = app
        .wait_shown_xpath(&format!(
            "//li[@data-connection='{id}']//dd/time[@datetime][@translate='no']"
        ))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        PT_MONTHS
            .iter()
            .any(|m| date.contains(&format!(" de {m} "))),
        "a Portuguese date: {date}"
    );
    app.close().await;

    // Started again: still Portuguese (the choice is kept), and so is the command line.
    let app = App::launch_demo_home_env(&dir, &[], &env).await;
    app.wait_shown_xpath("//button[@id='open-settings'][normalize-space()='Configurações']")
        .await;
    let status = text_of(&app, &format!("li[data-connection='{id}'] .status-word")).await;
    assert_eq!(status, "Conectada");
    app.close().await;

    let out = cli_help_text(&dir);
    assert!(out.contains("conexões"), "the CLI speaks Portuguese: {out}");
}

/// `plugboard --help` with the test home's settings.
fn cli_help_text(dir: &std::path::Path) -> String {
    let out = std::process::Command::new(cli_binary())
        .arg("--help")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("HOME", dir.join("home"))
        .env("LANG", "es_MX.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("PLUGBOARD_LOCALE")
        .output()
        .expect("run plugboard --help");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

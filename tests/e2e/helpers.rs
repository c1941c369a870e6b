//! What the window tests share: clicking through the page as a person would (Connect, a row's
//! Disconnect and its question, a field filled in), reading it back when a re-render replaced what
//! was found, polling until something holds, and the `plugboard` command in a shell beside it.

use std::process::Command;
use std::time::Duration;

use fantoccini::Locator;
use plugboard_e2e::{cli_binary, clipboard_text, eventually, App, Element};

/// The keychain service of demo mode's items (the in-process provider simulator's connections).
pub(crate) const DEMO_SERVICE: &str = "dev.plugboard.desktop.demo";

/// Waits until `card` lists a connection whose account reads `account`; returns its id.
pub(crate) async fn connected_as(app: &App, provider: &str, account: &str) -> String {
    let xpath = format!(
        "//section[@data-provider='{provider}']//li[@data-connection][.//*[@class='account'][normalize-space()='{account}']]"
    );
    // The list may be re-rendered between finding the row and reading it: find it again.
    for _ in 0..20 {
        if let Ok(Some(id)) = app
            .wait_for_xpath(&xpath)
            .await
            .attr("data-connection")
            .await
        {
            return id;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the {provider} row kept going stale")
}

pub(crate) async fn fill(app: &App, css: &str, text: &str) {
    let input = app.wait_for_css(css).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Disconnects through the row's button and its question (shown, then confirmed); returns the
/// question's words.
pub(crate) async fn disconnect(app: &App, connection: &str) -> String {
    let row = format!("li[data-connection='{connection}']");
    click_css(app, &format!("{row} [data-action='disconnect']")).await;
    // Found again if the row is redrawn meanwhile (a refresh): the question stays open.
    let mut words = None;
    for attempt in 0..50 {
        let question = app
            .wait_for_css(&format!("{row} .confirm-disconnect"))
            .await;
        if let (Ok(true), Ok(text)) = (question.is_displayed().await, question.text().await) {
            words = Some(text);
            break;
        }
        // A click that landed on a row being replaced that instant: click again, as a person
        // would.
        if attempt == 20 {
            if let Ok(button) = app
                .client
                .find(Locator::Css(&format!("{row} [data-action='disconnect']")))
                .await
            {
                let _ = button.click().await;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let words = words.expect("Disconnect asks first");
    click_css(app, &format!("{row} [data-action='confirm-disconnect']")).await;
    let gone = format!("li[data-connection='{connection}']");
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let mut pressed_again = false;
    while app.client.find(Locator::Css(&gone)).await.is_ok() {
        // A confirmation that landed on a row being redrawn that instant: the question is still
        // open after a few seconds, so press Yes again, as a person would.
        if !pressed_again && std::time::Instant::now() + Duration::from_secs(10) >= deadline {
            pressed_again = true;
            if let Ok(button) = app
                .client
                .find(Locator::Css(&format!(
                    "{row} [data-action='confirm-disconnect']"
                )))
                .await
            {
                if button.is_displayed().await.unwrap_or(false) {
                    let _ = button.click().await;
                }
            }
        }
        if std::time::Instant::now() >= deadline {
            // What the row and the notices say, for the next person to read the failure.
            let seen = app
                .client
                .execute(
                    "const row = document.querySelector(arguments[0]); \
                     return (row ? row.innerText : '(no row)') + ' | notices: ' + \
                     document.getElementById('notices').innerText;",
                    vec![serde_json::json!(gone)],
                )
                .await;
            panic!("{connection} still listed after Disconnect: {seen:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    words
}

/// Clicks a card's Connect; where the sign-in offers optional scopes, goes on with none ticked
/// (the required ones only), as before those were offered.
pub(crate) async fn click_connect(app: &App, provider_name: &str) -> Element {
    let card = app.card(provider_name).await;
    app.button_in(&card, "Connect").await.click().await.unwrap();
    if let Ok(chooser) = card.find(Locator::Css("form.scope-form")).await {
        chooser
            .find(Locator::Css("button[type=submit]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    }
    card
}

/// Connects Hotmart (production) through its form with demo mode's developer credentials;
/// returns the connection's id.
pub(crate) async fn connect_hotmart(app: &App) -> String {
    let card = click_connect(app, "Hotmart").await;
    fill(app, "#hotmart-client-id", "hotmart-demo-client").await;
    fill(app, "#hotmart-client-secret", "hotmart-demo-secret").await;
    let form = card
        .find(Locator::Css("form[aria-label='Connect Hotmart']"))
        .await
        .unwrap();
    app.button_in(&form, "Connect").await.click().await.unwrap();
    connected_as(app, "hotmart", "Production · client ••••ient").await
}

/// The text of the first element matching `css` (found again if a re-render replaced it).
pub(crate) async fn text_of(app: &App, css: &str) -> String {
    for _ in 0..20 {
        if let Ok(text) = app.wait_for_css(css).await.text().await {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("`{css}` kept going stale");
}

/// An attribute of the first element matching `css` (found again if replaced meanwhile).
pub(crate) async fn attr_of(app: &App, css: &str, name: &str) -> Option<String> {
    for _ in 0..20 {
        if let Ok(value) = app.wait_for_css(css).await.attr(name).await {
            return value;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("`{css}` kept going stale");
}

/// Clicks Copy diagnostics and returns the report from the clipboard. Usually a quarter of a
/// second; a click lost on a loaded machine (seen twice in full runs, never alone) is clicked
/// again, as a person would; if none comes, says what the page and the log said.
pub(crate) async fn copy_diagnostics(app: &App) -> String {
    let diagnostics = || clipboard_text().filter(|t| t.starts_with("Plugboard diagnostics"));
    click_css(app, "#copy-diagnostics").await;
    if let Some(report) = eventually(Duration::from_secs(8), diagnostics) {
        return report;
    }
    eprintln!("diagnostics: nothing after 8 s, clicking again");
    click_css(app, "#copy-diagnostics").await;
    if let Some(report) = eventually(Duration::from_secs(15), diagnostics) {
        return report;
    }
    let said = app
        .script("return document.getElementById('diagnostics-feedback').textContent")
        .await;
    let log = std::fs::read_to_string(app.log_path()).unwrap_or_default();
    let tail: Vec<&str> = log.lines().rev().take(15).collect();
    panic!(
        "no diagnostics on the clipboard: the page said {said}; the clipboard holds {:?}; the log ends:\n{}",
        clipboard_text().map(|t| t.chars().take(40).collect::<String>()),
        tail.into_iter().rev().collect::<Vec<_>>().join("\n")
    );
}

/// Clicks the first element matching `css` (found again if replaced meanwhile).
pub(crate) async fn click_css(app: &App, css: &str) {
    for _ in 0..20 {
        if app.wait_for_css(css).await.click().await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("`{css}` kept going stale");
}

/// Opens the Details of the row matching `row` (a CSS selector) and waits until it is open.
pub(crate) async fn open_details(app: &App, row: &str) {
    set_details(app, row, true).await;
}

/// Closes the Details of the row matching `row` and waits until it is closed.
pub(crate) async fn close_details(app: &App, row: &str) {
    set_details(app, row, false).await;
}

/// A summary is a toggle: a click retried after an error although it had landed would undo it,
/// and a click on a row replaced that instant is lost. So it is clicked only while the panel is
/// not as wanted, and looked at again (for two seconds) before any further click.
async fn set_details(app: &App, row: &str, open: bool) {
    let is_open = || async {
        let found = app
            .client
            .find(Locator::Css(&format!("{row} details.conn-details[open]")))
            .await;
        found.is_ok() == open
    };
    for _ in 0..10 {
        if is_open().await {
            return;
        }
        if let Ok(summary) = app
            .client
            .find(Locator::Css(&format!("{row} summary")))
            .await
        {
            let _ = summary.click().await;
        }
        for _ in 0..20 {
            if is_open().await {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    panic!(
        "the Details of `{row}` would not {}",
        if open { "open" } else { "close" }
    );
}

/// Clicks the first element matching `css` until an element matching `xpath` is shown, and
/// returns it: a click that lands on a row drawn anew that instant (a short-lived token refreshes
/// itself, a redraw after a change) is lost, and the actions clicked so (Try it, asking about the
/// refresh token) may be asked again.
pub(crate) async fn click_until_shown(app: &App, css: &str, xpath: &str) -> Element {
    for _ in 0..6 {
        if let Ok(el) = app.client.find(Locator::Css(css)).await {
            let _ = el.click().await;
        }
        for _ in 0..30 {
            if let Ok(el) = app.client.find(Locator::XPath(xpath)).await {
                if el.is_displayed().await.unwrap_or(false) {
                    return el;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let page = app.page_excerpt().await;
    panic!("clicking `{css}` never showed `{xpath}`; the page said:\n{page}");
}

/// Polls `probe` every 100 ms for up to `secs` seconds.
pub(crate) async fn wait_until<F, Fut>(secs: u64, what: &str, mut probe: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = std::time::Instant::now() + Duration::from_secs(secs);
    while !probe().await {
        assert!(std::time::Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs `plugboard args…` in a shell with the window's provider file and data folder, `stdin`
/// piped in; requires success and gives stdout and stderr.
pub(crate) fn shell(
    providers: &std::path::Path,
    data_home: &std::path::Path,
    args: Vec<String>,
    stdin: String,
) -> tokio::task::JoinHandle<(String, String)> {
    let (providers, data_home) = (providers.to_path_buf(), data_home.to_path_buf());
    tokio::task::spawn_blocking(move || {
        use std::io::Write;
        let mut child = Command::new(cli_binary())
            .args(&args)
            .env("PLUGBOARD_PROVIDERS", providers)
            .env("XDG_DATA_HOME", data_home)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "plugboard {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    })
}

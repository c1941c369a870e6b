//! The app under test: [`App`] launches the real window through tauri-driver (one at a time,
//! ordinary, demo or with a provider file of the test's own), waits for and clicks what the page
//! shows, calls its commands, drives the in-app simulator's test controls, and closes it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};

use crate::binaries::{app_binary, browser_env};
use crate::driver::Driver;
use crate::process::eventually;
use crate::session::{app_instance_on_bus, app_log_path, require_session, test_home};
use crate::Element;

/// An async lock: tests run on separate runtimes, and a test that panics must not poison it.
static ONE_APP_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The running app and a WebDriver session on its window.
pub struct App {
    pub client: Client,
    data_home: Option<PathBuf>,
    _driver: Driver,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl App {
    /// Starts the app through tauri-driver and waits until the page has rendered its providers.
    pub async fn launch() -> Self {
        Self::launch_with(Vec::new(), Vec::new()).await
    }

    /// The ordinary app (not demo) with a user `providers.toml`, the browser stand-in on PATH, a
    /// given data folder, and command-line `args` (a cold-start link).
    pub async fn launch_with_providers(
        providers: &Path,
        data_home: &Path,
        delivery: &str,
        args: Vec<String>,
    ) -> Self {
        std::fs::create_dir_all(data_home).expect("a data folder");
        let mut env = browser_env(delivery);
        env.push((
            "PLUGBOARD_PROVIDERS".to_string(),
            providers.display().to_string(),
        ));
        env.push(("XDG_DATA_HOME".to_string(), data_home.display().to_string()));
        let mut app = Self::launch_with(env, args).await;
        app.data_home = Some(data_home.to_path_buf());
        app
    }

    /// As [`Self::launch_with_providers`] (browser stand-in by second launch), with `extra` in
    /// the app's environment (`XDG_CONFIG_DIRS` for a system-wide file, say).
    pub async fn launch_with_providers_and_env(
        providers: &Path,
        data_home: &Path,
        extra: &[(&str, &str)],
    ) -> Self {
        std::fs::create_dir_all(data_home).expect("a data folder");
        let mut env = browser_env("launch");
        env.push((
            "PLUGBOARD_PROVIDERS".to_string(),
            providers.display().to_string(),
        ));
        env.push(("XDG_DATA_HOME".to_string(), data_home.display().to_string()));
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let mut app = Self::launch_with(env, Vec::new()).await;
        app.data_home = Some(data_home.to_path_buf());
        app
    }

    /// Demo mode (`PLUGBOARD_DEMO=1`, the in-process simulator) with the browser stand-in
    /// (`tests/e2e/browser/xdg-open`) first on PATH and a data folder of its own, so each test
    /// starts with no connections.
    pub async fn launch_demo(delivery: &str) -> Self {
        static LAUNCHES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = LAUNCHES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let data_home = test_home().join(format!("demo-data-{}-{n}", std::process::id()));
        Self::launch_demo_at(&data_home, delivery).await
    }

    /// Demo mode with a data folder the test chooses (to start it again on the same data, or to
    /// share it with the command line).
    pub async fn launch_demo_at(data_home: &Path, delivery: &str) -> Self {
        let data_home = data_home.to_path_buf();
        std::fs::create_dir_all(&data_home).expect("a data folder for the demo app");
        let mut env = browser_env(delivery);
        env.push(("PLUGBOARD_DEMO".to_string(), "1".to_string()));
        // Copied tokens are cleared after 4 s instead of 30, so the clearing is tested quickly.
        env.push((
            "PLUGBOARD_CLIPBOARD_CLEAR_SECS".to_string(),
            "4".to_string(),
        ));
        env.push(("XDG_DATA_HOME".to_string(), data_home.display().to_string()));
        let mut app = Self::launch_with(env, Vec::new()).await;
        app.data_home = Some(data_home);
        app
    }

    /// Demo mode with a home of its own under `dir`: its own data, config (`settings.toml`) and
    /// HOME (where the login entry goes), started with `args` (`--in-tray`, as at login).
    pub async fn launch_demo_home(dir: &Path, args: &[&str]) -> Self {
        Self::launch_demo_home_env(dir, args, &[]).await
    }

    /// As [`Self::launch_demo_home`], with `extra` in the app's environment.
    pub async fn launch_demo_home_env(dir: &Path, args: &[&str], extra: &[(&str, &str)]) -> Self {
        let data_home = dir.join("data");
        for d in [dir.join("home"), dir.join("config"), data_home.clone()] {
            std::fs::create_dir_all(&d).expect("a folder of the test's own");
        }
        let mut env = browser_env("launch");
        env.push(("PLUGBOARD_DEMO".to_string(), "1".to_string()));
        env.push(("HOME".to_string(), dir.join("home").display().to_string()));
        env.push((
            "XDG_CONFIG_HOME".to_string(),
            dir.join("config").display().to_string(),
        ));
        env.push(("XDG_DATA_HOME".to_string(), data_home.display().to_string()));
        env.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        let args = args.iter().map(|a| a.to_string()).collect();
        let mut app = Self::launch_with(env, args).await;
        app.data_home = Some(data_home);
        app
    }

    /// The app's log file.
    pub fn log_path(&self) -> PathBuf {
        match &self.data_home {
            Some(d) => d.join("dev.plugboard.desktop/logs/plugboard.log"),
            None => app_log_path(),
        }
    }

    /// Demo mode: the simulator's base URL, from the app's log.
    pub fn simulator_url(&self) -> String {
        let found = eventually(Duration::from_secs(10), || {
            let log = std::fs::read_to_string(self.log_path()).ok()?;
            // The last start's: a data folder started again logs one line per start.
            log.lines().rev().find_map(|l| {
                l.split("provider simulator at ")
                    .nth(1)
                    .map(|u| u.trim().to_string())
            })
        });
        found.expect("the demo app logs its simulator's address")
    }

    /// Demo mode: how many requests of `name` the simulator received.
    pub async fn simulator_count(&self, name: &str) -> u64 {
        let body = http_request(
            "GET",
            &format!("{}/_sim/counts", self.simulator_url()),
            None,
        );
        let counts: serde_json::Value = serde_json::from_str(&body).expect("counts are JSON");
        counts
            .get(name)
            .and_then(serde_json::Value::as_u64)
            .unwrap_or(0)
    }

    /// Demo mode: switches simulator faults on, e.g. `{"decline_consent": true}`.
    pub async fn simulator_faults(&self, faults: serde_json::Value) {
        http_request(
            "POST",
            &format!("{}/_sim/faults", self.simulator_url()),
            Some(&faults.to_string()),
        );
    }

    async fn launch_with(env: Vec<(String, String)>, args: Vec<String>) -> Self {
        require_session();
        let turn = ONE_APP_AT_A_TIME.lock().await;
        let binary = app_binary();
        // The previous test's window may still be shutting down; a new one would hand over to it.
        let gone = eventually(Duration::from_secs(15), || {
            (!app_instance_on_bus()).then_some(())
        });
        assert!(
            gone.is_some(),
            "an earlier Plugboard window is still running on the test bus"
        );
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": binary, "args": args }),
        );
        // Starting a WebDriver session occasionally fails on a loaded machine (tauri-driver drops
        // the first request while WebKitWebDriver comes up). That is the test rig, not the app:
        // try a fresh driver up to three times, saying so each time.
        let mut attempt = 0;
        let (client, driver) = loop {
            attempt += 1;
            let driver = Driver::start(&env);
            let session =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&driver.url())
                    .await;
            match session {
                Ok(client) => break (client, driver),
                Err(e) if attempt < 3 => {
                    eprintln!("WebDriver session attempt {attempt} failed ({e}); retrying with a fresh tauri-driver");
                    drop(driver);
                    let _ = eventually(Duration::from_secs(15), || {
                        (!app_instance_on_bus()).then_some(())
                    });
                }
                Err(e) => panic!(
                    "no WebDriver session on the Plugboard window after {attempt} attempts: {e}"
                ),
            }
        };
        let app = Self {
            client,
            data_home: None,
            _driver: driver,
            _turn: turn,
        };
        app.wait_for_css("main[aria-busy='false']").await;
        app
    }

    /// With `PLUGBOARD_E2E_SCREENSHOTS=<dir>` set, saves the window as `<dir>/<name>.png` (for
    /// looking at what a test saw); otherwise does nothing.
    pub async fn screenshot(&self, name: &str) {
        let Some(dir) = std::env::var_os("PLUGBOARD_E2E_SCREENSHOTS") else {
            return;
        };
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(PathBuf::from(dir).join(format!("{name}.png")), png);
        }
    }

    /// Waits up to 15 s for an element matching `css`.
    pub async fn wait_for_css(&self, css: &str) -> Element {
        self.wait_for(Locator::Css(css), css).await
    }

    /// Waits up to 15 s for an element matching `xpath`.
    pub async fn wait_for_xpath(&self, xpath: &str) -> Element {
        self.wait_for(Locator::XPath(xpath), xpath).await
    }

    /// Looks every 100 ms for up to 15 s. Any failed look is tried again, not only "no such
    /// element": the page redraws a row every second, and WebKit answers "stale element" when
    /// the row it was finding was replaced in between (a fresh-clone CI run failed that way).
    async fn wait_for(&self, locator: Locator<'_>, what: &str) -> Element {
        let deadline = std::time::Instant::now() + Duration::from_secs(15);
        loop {
            match self.client.find(locator).await {
                Ok(el) => return el,
                Err(e) if std::time::Instant::now() >= deadline => {
                    let page = self.page_excerpt().await;
                    panic!("no element matches `{what}` after 15 s: {e}\nthe page said:\n{page}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        }
    }

    /// What the page shows (its first 2,000 characters, as a person reads them), for a failure's
    /// message: a wait that failed in CI says what was there instead.
    pub async fn page_excerpt(&self) -> String {
        let script = "return document.body.innerText.slice(0, 2000)";
        match self.client.execute(script, vec![]).await {
            Ok(serde_json::Value::String(text)) => text,
            other => format!("(could not read the page: {other:?})"),
        }
    }

    /// Waits up to 15 s for an element matching `xpath`, then up to 5 s for it to be shown (not
    /// only in the page): what a person must see is checked as seen. Found again on each look,
    /// so a part of the page drawn anew meanwhile (a row after a refresh) is not a failure.
    pub async fn wait_shown_xpath(&self, xpath: &str) -> Element {
        self.wait_for_xpath(xpath).await;
        for _ in 0..50 {
            if let Ok(el) = self.client.find(Locator::XPath(xpath)).await {
                if el.is_displayed().await.unwrap_or(false) {
                    return el;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // What the page says of it, for the next person to read the failure.
        let seen = self
            .script(&format!(
                "const n = document.evaluate({:?}, document, null, 9, null).singleNodeValue;\
                 if (!n) return 'no longer in the page';\
                 const r = n.getBoundingClientRect(); const s = getComputedStyle(n);\
                 let hidden = []; for (let a = n; a; a = a.parentElement) if (a.hidden) hidden.push(a.tagName + '.' + a.className);\
                 return `display=${{s.display}} visibility=${{s.visibility}} rect=${{r.width}}x${{r.height}}@${{r.x}},${{r.y}} hidden=[${{hidden}}] html=${{n.outerHTML.slice(0, 300)}}`;",
                xpath
            ))
            .await;
        panic!("`{xpath}` is in the page but not shown: {seen}")
    }

    /// The landmarks (`section`s and other regions) on the page with their accessible names,
    /// computed as a screen reader would for `aria-labelledby` / `aria-label`.
    pub async fn named_regions(&self) -> Vec<(String, String)> {
        let script = r#"
            const name = (el) => {
              const ids = el.getAttribute('aria-labelledby');
              if (ids) return ids.split(/\s+/).map(id => document.getElementById(id)?.textContent.trim() ?? '').join(' ').trim();
              return (el.getAttribute('aria-label') || '').trim();
            };
            // Hidden elements (Settings while closed) are not in the accessibility tree.
            return [...document.querySelectorAll('section, [role=region]')]
              .filter(el => name(el) !== '' && !el.closest('[hidden]'))
              .map(el => [el.getAttribute('role') || (el.tagName === 'SECTION' ? 'region' : ''), name(el)]);
        "#;
        let value = self
            .client
            .execute(script, vec![])
            .await
            .expect("run the accessible-name script");
        serde_json::from_value(value).expect("a list of [role, name] pairs")
    }

    /// Runs `script` in the page and returns what it returns.
    pub async fn script(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("run a script in the page")
    }

    /// Calls a command the way the page (or a script injected into it) could: `Ok` with its
    /// answer, `Err` with the `{code, message}` it was refused with.
    pub async fn invoke(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, serde_json::Value> {
        let script = r#"
            const [cmd, args, done] = arguments;
            window.__TAURI__.core.invoke(cmd, args).then((v) => done({ ok: v ?? null }), (e) => done({ err: e }));
        "#;
        let value = self
            .client
            .execute_async(script, vec![command.into(), args])
            .await
            .expect("run the invoke script");
        match value.get("err") {
            Some(err) => Err(err.clone()),
            None => Ok(value["ok"].clone()),
        }
    }

    /// The provider card whose accessible name is `name`.
    pub async fn card(&self, name: &str) -> Element {
        self.wait_for_xpath(&format!(
            "//section[@aria-labelledby = //*[normalize-space() = '{name}']/@id]"
        ))
        .await
    }

    /// The button inside `scope` whose accessible name (its visible words) is `label`.
    pub async fn button_in(&self, scope: &Element, label: &str) -> Element {
        scope
            .find(Locator::XPath(&format!(
                ".//button[normalize-space() = '{label}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("no `{label}` button: {e}"))
    }

    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

/// A tiny HTTP/1.1 client for the simulator's test controls on 127.0.0.1 (curl, as the browser
/// stand-in uses): returns the body.
pub(crate) fn http_request(method: &str, url: &str, body: Option<&str>) -> String {
    let mut cmd = Command::new("curl");
    cmd.args(["-s", "-X", method, url]);
    if let Some(b) = body {
        cmd.args(["-H", "Content-Type: application/json", "--data", b]);
    }
    let out = cmd.output().expect("curl is installed by `make test`");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

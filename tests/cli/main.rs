//! Command-line tests: the real `plugboard` binary, run as a developer's shell or a support script
//! would, against the provider simulator on 127.0.0.1 and the session's real Secret Service (these
//! need the private test desktop, so they are ignored by a plain `cargo test`; `make test` runs them).
//!
//! Each test has its own data and config folders and its own simulator; the browser stand-in
//! (`tests/e2e/browser/xdg-open`) is first on PATH, so a sign-in's "open the browser" follows the
//! simulator's consent redirect back to the command line's loopback listener, as a person would.
//!
//! `--json` documents are compared with `tests/cli/snapshots/*.json` after replacing what changes
//! from run to run (ids, times, ports). `UPDATE_SNAPSHOTS=1` rewrites the files instead.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use plugboard_e2e::{
    app_binary, browser_path, cli_binary, keychain_items, require_session, store_item, test_home,
    workspace_root, PrivateKeychain,
};
use plugboard_sim::{Faults, Simulator};
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt};

mod credentials;
mod custody;
mod hostile;
mod languages;
mod replace;
mod truth;

/// The keychain service of debug builds' items (`secret-tool search service …`).
const DEV_SERVICE: &str = "dev.plugboard.desktop.dev";

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

/// One test's world: a simulator, folders, and a providers.toml with the four providers pointed
/// at the simulator plus Nimbus, a provider of the user's own.
struct World {
    sim: Simulator,
    dir: PathBuf,
    hubspot_port: u16,
    /// A keychain of this test's own, for commands that remove every item of the namespace.
    keychain: Option<PrivateKeychain>,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl World {
    async fn new(name: &str) -> Self {
        require_session();
        let sim = Simulator::start().await.expect("the simulator starts");
        let dir = test_home().join(format!("cli-{name}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::create_dir_all(dir.join("config")).unwrap();
        let hubspot_port = free_port();
        std::fs::write(
            dir.join("providers.toml"),
            format!(
                "{}\n{}",
                sim.providers_toml(hubspot_port),
                sim.nimbus_toml()
            ),
        )
        .unwrap();
        Self {
            sim,
            dir,
            hubspot_port,
            keychain: None,
        }
    }

    /// As [`Self::new`], with a keychain of the test's own (see [`PrivateKeychain`]).
    async fn with_private_keychain(name: &str) -> Self {
        let mut w = Self::new(name).await;
        w.keychain = Some(PrivateKeychain::start(&w.dir));
        w
    }

    fn command(&self, args: &[&str]) -> tokio::process::Command {
        let mut cmd = tokio::process::Command::new(cli_binary());
        cmd.args(args)
            .env("XDG_DATA_HOME", self.dir.join("data"))
            .env("XDG_CONFIG_HOME", self.dir.join("config"))
            .env("PLUGBOARD_PROVIDERS", self.dir.join("providers.toml"))
            .env("PATH", browser_path())
            .env("PLUGBOARD_APP_BINARY", app_binary())
            .env_remove("PLUGBOARD_DEMO")
            .envs(
                self.keychain
                    .as_ref()
                    .map(|k| ("DBUS_SESSION_BUS_ADDRESS", k.address.clone())),
            )
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true);
        for p in ["hubspot", "ecwid"] {
            let up = p.to_uppercase();
            cmd.env(
                format!("PLUGBOARD_{up}_CLIENT_ID"),
                plugboard_sim::client_id(p),
            )
            .env(
                format!("PLUGBOARD_{up}_CLIENT_SECRET"),
                plugboard_sim::client_secret(p),
            );
        }
        cmd
    }

    /// Runs `plugboard args…` with `stdin` piped in (closed after), within a minute.
    async fn run_with(&self, args: &[&str], stdin: &str) -> Out {
        self.run_cmd(self.command(args), stdin).await
    }

    async fn run_cmd(&self, mut cmd: tokio::process::Command, stdin: &str) -> Out {
        let token_command = cmd.as_std().get_args().next() == Some(std::ffi::OsStr::new("token"));
        let mut child = cmd.spawn().expect("run plugboard");
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).await.unwrap();
        drop(input);
        let out = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
            .await
            .expect("plugboard finished within a minute")
            .unwrap();
        let out = Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        // Only `token` prints a secret, and only on stdout.
        let shown = if token_command {
            out.stderr.clone()
        } else {
            format!("{}{}", out.stdout, out.stderr)
        };
        assert_no_secrets(&shown);
        out
    }

    async fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, "").await
    }

    /// Runs and requires exit 0; returns stdout.
    async fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args).await;
        assert_eq!(out.code, 0, "plugboard {args:?} failed: {}", out.stderr);
        out.stdout
    }

    async fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args).await).expect("--json prints JSON")
    }

    async fn connect_hotmart(&self, environment: &str) -> Value {
        let out = self
            .run_with(
                &[
                    "connect",
                    "hotmart",
                    "--client-id",
                    &plugboard_sim::client_id("hotmart"),
                    "--environment",
                    environment,
                    "--json",
                ],
                &format!("{}\n", plugboard_sim::client_secret("hotmart")),
            )
            .await;
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    }

    async fn connect_whatconverts(&self) -> Value {
        // The token as a flag, the secret on standard input (as the docs advise).
        let out = self
            .run_with(
                &[
                    "connect",
                    "whatconverts",
                    "--field",
                    &format!("token={}", plugboard_sim::WHATCONVERTS_TOKEN),
                    "--json",
                ],
                &format!("{}\n", plugboard_sim::WHATCONVERTS_SECRET),
            )
            .await;
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    }

    /// Signs in to Nimbus through the browser stand-in and the command line's loopback listener.
    async fn connect_nimbus(&self) -> Value {
        let out = self.run(&["connect", "nimbus", "--json"]).await;
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    }

    fn set_faults(&self, faults: Faults) {
        self.sim.set_faults(faults);
    }

    /// `plugboard connect <provider> --no-browser` as seen by a person whose browser is on another
    /// machine: started without the browser stand-in on PATH, its standard error read up to the
    /// sign-in address, then (with `until`) up to the line starting with those words.
    async fn connect_elsewhere(&self, provider: &str, until: Option<&str>) -> Elsewhere {
        let mut cmd = self.command(&["connect", provider, "--no-browser"]);
        cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
        let mut child = cmd.spawn().unwrap();
        let stdin = child.stdin.take();
        let mut lines = tokio::io::BufReader::new(child.stderr.take().unwrap()).lines();
        let (mut url, mut line) = (None, String::new());
        while let Ok(Ok(Some(next))) =
            tokio::time::timeout(Duration::from_secs(30), lines.next_line()).await
        {
            if next.trim_start().starts_with("http") {
                url = Some(next.trim().to_string());
            }
            if url.is_some() && until.is_none_or(|words| next.starts_with(words)) {
                line = next;
                break;
            }
        }
        Elsewhere {
            child,
            stdin,
            _stderr: lines,
            url: url.expect("the sign-in address is printed"),
            line,
        }
    }
}

/// A `connect --no-browser` waiting for its browser (see [`World::connect_elsewhere`]).
struct Elsewhere {
    child: tokio::process::Child,
    /// Open until something is pasted: a terminal nobody types in.
    stdin: Option<tokio::process::ChildStdin>,
    /// The rest of its standard error, kept open: a closed pipe would fail its next message.
    _stderr: tokio::io::Lines<tokio::io::BufReader<tokio::process::ChildStderr>>,
    /// The sign-in address it printed.
    url: String,
    /// The line reading stopped at.
    line: String,
}

impl Elsewhere {
    /// Where the simulator's consent sends the browser: the address a browser ends on.
    fn consent(&self) -> String {
        let out = std::process::Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{redirect_url}", &self.url])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Pastes `address` and closes standard input, as a person would.
    async fn paste(&mut self, address: &str) {
        let mut stdin = self.stdin.take().unwrap();
        stdin
            .write_all(format!("{address}\n").as_bytes())
            .await
            .unwrap();
    }

    /// Waits for the command to end (standard input still open if nothing was pasted) and
    /// returns what it printed, after checking it succeeded.
    async fn finish(self) -> String {
        let Elsewhere {
            child,
            stdin,
            _stderr,
            ..
        } = self;
        let out = tokio::time::timeout(Duration::from_secs(30), child.wait_with_output())
            .await
            .unwrap()
            .unwrap();
        drop((stdin, _stderr));
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(
            out.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&out.stderr)
        );
        stdout
    }
}

/// Fails if `text` holds a secret the simulator handed out or accepts: key and client secrets,
/// and its access and refresh tokens (`hs-at-…`, `nb-rt-…`, `secret_ecwid-…`).
fn assert_no_secrets(text: &str) {
    let secrets = [
        plugboard_sim::WHATCONVERTS_SECRET.to_string(),
        plugboard_sim::client_secret("hotmart"),
        plugboard_sim::client_secret("hubspot"),
        plugboard_sim::client_secret("ecwid"),
        "-at-".to_string(),
        "-rt-".to_string(),
        "secret_ecwid".to_string(),
    ];
    for secret in secrets {
        assert!(
            !text.contains(&secret),
            "a secret ({secret}…) was printed: {text}"
        );
    }
}

/// Replaces what changes between runs, so a document can be compared with its snapshot.
fn normalize(v: &mut Value, base: &str, hubspot_port: u16) {
    match v {
        Value::String(s) => {
            *s = s
                .replace(base, "{base}")
                .replace(&hubspot_port.to_string(), "{hubspot_port}");
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|i| normalize(i, base, hubspot_port)),
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                match (k.as_str(), &*item) {
                    // Every test's folders share the test keychain, so other tests' items are
                    // orphans here: the shape is pinned, not the ids.
                    ("keychain_only" | "index_only", Value::Array(_)) => {
                        *item = Value::String("<connection ids>".into());
                    }
                    ("id", Value::String(s)) if s.contains('-') && s.len() > 9 => {
                        let (provider, hex) = s.rsplit_once('-').unwrap();
                        assert_eq!(hex.len(), 8, "connection ids end in 8 hex digits: {s}");
                        *item = Value::String(format!("{provider}-<id>"));
                    }
                    (k, Value::String(s)) if k.ends_with("_at") || k == "at" => {
                        assert!(
                            s.len() == 20 && s.ends_with('Z') && &s[10..11] == "T",
                            "{k} is RFC 3339 UTC: {s}"
                        );
                        *item = Value::String("<time>".into());
                    }
                    ("seconds_left", Value::Number(n)) => {
                        assert!(n.as_i64().is_some_and(|n| n > 0), "{n}");
                        *item = Value::String("<seconds>".into());
                    }
                    _ => normalize(item, base, hubspot_port),
                }
            }
        }
        _ => {}
    }
}

fn assert_snapshot(name: &str, mut doc: Value, world: &World) {
    normalize(&mut doc, &world.sim.base_url(), world.hubspot_port);
    let path = workspace_root().join(format!("tests/cli/snapshots/{name}.json"));
    let text = format!("{}\n", serde_json::to_string_pretty(&doc).unwrap());
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, &text).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {} (run with UPDATE_SNAPSHOTS=1 to create it)",
            path.display()
        )
    });
    assert_eq!(
        text,
        expected,
        "`--json` output changed from {}: a field changed or disappeared. If that is intended, \
         bump the schema number, update docs/cli.md and rerun with UPDATE_SNAPSHOTS=1.",
        path.display()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn providers_lists_built_in_and_user_providers_as_documented() {
    let w = World::new("providers").await;
    let table = w.ok(&["providers"]).await;
    for expected in [
        "hubspot",
        "nimbus",
        "Nimbus CRM",
        "authorization_code*",
        "client_credentials*, authorization_code",
    ] {
        assert!(
            table.contains(expected),
            "{expected} missing from:\n{table}"
        );
    }
    assert_snapshot("providers", w.json(&["providers", "--json"]).await, &w);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn status_lists_every_connection_as_documented() {
    let w = World::new("status").await;
    assert!(w.ok(&["status"]).await.contains("No connections yet"));
    assert_snapshot("status-empty", w.json(&["status", "--json"]).await, &w);

    w.connect_hotmart("sandbox").await;
    w.connect_whatconverts().await;
    let nimbus = w.connect_nimbus().await;
    assert_eq!(
        nimbus["account"], "dana@nimbus.example",
        "named by introspection"
    );
    assert_snapshot("connect-nimbus", nimbus.clone(), &w);
    assert_eq!(nimbus["scopes"], json!(["contacts:read", "deals:read"]));
    assert_eq!(w.sim.count("nimbus.introspect"), 1);

    let table = w.ok(&["status"]).await;
    for expected in [
        "Hotmart",
        "Sandbox · client",
        "WhatConverts",
        "does not expire",
        "Nimbus CRM",
        "dana@nimbus.example",
        "Connected",
        "Keychain: ready",
    ] {
        assert!(
            table.contains(expected),
            "{expected} missing from:\n{table}"
        );
    }
    assert_snapshot("status", w.json(&["status", "--json"]).await, &w);
    // One line after a refresh, in plain words.
    let line = w.ok(&["refresh", "whatconverts"]).await;
    assert!(line.ends_with("Connected; does not expire.\n"), "{line}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn token_prints_only_the_token_header_or_a_working_curl_line() {
    let w = World::new("token").await;
    w.connect_hotmart("production").await;
    w.connect_whatconverts().await;

    let token = w.ok(&["token", "hotmart"]).await;
    assert!(
        token.ends_with('\n') && token.trim().len() > 10,
        "{token:?}"
    );
    assert_eq!(token.trim().lines().count(), 1);
    let header = w.ok(&["token", "hotmart", "--header"]).await;
    assert_eq!(header, format!("Authorization: Bearer {}", token));

    // The curl line runs as printed and the provider accepts it.
    let curl = w.ok(&["token", "hotmart", "--curl"]).await;
    let ran = std::process::Command::new("sh")
        .args([
            "-c",
            &format!("{} -o /dev/null -w '%{{http_code}}'", curl.trim()),
        ])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&ran.stdout), "200", "{curl}");

    // A key pair: HTTP Basic, as WhatConverts wants.
    let header = w.ok(&["token", "whatconverts", "--header"]).await;
    assert!(header.starts_with("Authorization: Basic "), "{header}");

    // For scripts: the token with its expiry and scopes, as JSON.
    let doc = w.json(&["token", "hotmart", "--json"]).await;
    assert_eq!(doc["access_token"], token.trim());
    assert_eq!(doc["authorization"], format!("Bearer {}", token.trim()));
    assert_eq!(doc["provider"], "hotmart");
    assert!(doc["seconds_left"].as_i64().unwrap() > 60, "{doc}");
    assert!(doc["expires_at"].as_str().unwrap().ends_with('Z'), "{doc}");
    assert!(doc["scopes"].is_array(), "{doc}");
    let out = w.run(&["token", "hotmart", "--json", "--header"]).await;
    assert_eq!(out.code, 2, "--json and --header do not go together");

    // Try it: one call, its answer, no secret.
    let tried = w.ok(&["try", "whatconverts"]).await;
    assert!(tried.contains("HTTP 200 OK in "), "{tried}");
    assert!(
        !tried.contains(plugboard_sim::WHATCONVERTS_SECRET)
            && !tried.contains(plugboard_sim::WHATCONVERTS_TOKEN),
        "{tried}"
    );
    let doc = w.json(&["try", "hotmart", "--json"]).await;
    assert_eq!(doc["status"], 200, "{doc}");
    assert_eq!(doc["accepted"], true, "{doc}");
    assert!(!doc.to_string().contains(token.trim()), "{doc}");

    // Two Hotmart connections: the provider alone no longer names one.
    w.connect_hotmart("sandbox").await;
    let out = w.run(&["token", "hotmart"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("has 2 connections"), "{}", out.stderr);
    assert!(out.stdout.is_empty(), "nothing on stdout when failing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn concurrent_token_calls_from_several_processes_refresh_once() {
    let w = World::new("cross-process").await;
    // Sign-in tokens live 4 s; 3 s later less than half of that is left, so every `token` call
    // wants a refresh (the ask is capped at half a token's life).
    w.set_faults(Faults {
        nimbus_lifetime: Some(4),
        ..Faults::default()
    });
    let id = w.connect_nimbus().await["id"].as_str().unwrap().to_string();
    assert_eq!(w.sim.count("nimbus.refresh"), 0);
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;

    // Three shells ask for the token at once. Nimbus rotates refresh tokens and revokes the
    // grant when a spent one comes back: a double spend would show as reuse_detected and exit 3.
    let (a, b, c) = tokio::join!(
        w.run(&["token", "nimbus"]),
        w.run(&["token", "nimbus"]),
        w.run(&["token", "nimbus"])
    );
    let outs = [a, b, c];
    for out in &outs {
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert_eq!(
        w.sim.count("nimbus.refresh"),
        1,
        "one refresh for three callers"
    );
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 0);
    assert!(
        outs.iter().all(|o| o.stdout == outs[0].stdout),
        "every caller printed the one fresh token"
    );
    let status = w.json(&["status", "--json"]).await;
    assert!(status["connections"][0]["seconds_left"].as_i64().unwrap() > 3000);

    // Two explicit refreshes at once: never the same refresh token twice.
    let args = ["refresh", id.as_str()];
    let (a, b) = tokio::join!(w.run(&args), w.run(&args));
    let outs = [a, b];
    for out in &outs {
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 0);
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"][0]["status"],
        "connected"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_replayed_refresh_token_revokes_the_grant_and_the_cli_says_reconnect() {
    let w = World::new("reuse").await;
    w.connect_nimbus().await;
    w.ok(&["refresh", "nimbus"]).await;
    assert_eq!(w.sim.count("nimbus.refresh"), 1);

    // Someone replays the refresh token Plugboard already spent (a leaked copy).
    let spent = w.sim.spent_refresh_tokens();
    assert_eq!(spent.len(), 1);
    let replay = std::process::Command::new("curl")
        .args([
            "-s",
            "-H",
            "Content-Type: application/json",
            "--data",
            &json!({"grant_type": "refresh_token", "refresh_token": spent[0], "client_id": plugboard_sim::client_id("nimbus")}).to_string(),
            &format!("{}/nimbus/oauth/token", w.sim.base_url()),
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&replay.stdout).contains("invalid_grant"));
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 1);

    // The whole grant is gone: refresh says to reconnect (exit 3), and so does token afterwards.
    let out = w.run(&["refresh", "nimbus"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("Connect again"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"));
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "reconnect_needed");
    assert_eq!(
        status["connections"][0]["last_error"]["code"],
        "reconnect_needed"
    );
    let out = w.run(&["token", "nimbus"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stdout.is_empty());

    // Connecting again brings it back, under the same id.
    w.connect_nimbus().await;
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"][0]["status"],
        "connected"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_keychain_item_deleted_behind_plugboards_back_says_reconnect_with_exit_3() {
    let w = World::new("item-gone").await;
    w.connect_hotmart("production").await;
    let status = w.json(&["status", "--json"]).await;
    let id = status["connections"][0]["id"].as_str().unwrap().to_string();
    // Someone deletes the item in their keyring app (the keychain itself stays unlocked).
    let cleared = std::process::Command::new("secret-tool")
        .args([
            "clear",
            "service",
            "dev.plugboard.desktop.dev",
            "username",
            &format!("connection:{id}"),
        ])
        .status()
        .unwrap();
    assert!(cleared.success());

    let out = w.run(&["token", "hotmart"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(
        out.stderr.contains("gone from your keychain"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("locked"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["keychain"], "ready");
    assert_eq!(status["connections"][0]["status"], "reconnect_needed");
    assert_eq!(w.run(&["refresh", "hotmart"]).await.code, 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn exit_codes_are_the_documented_ones() {
    let w = World::new("exit-codes").await;
    let code = |out: Out| (out.code, out.stderr);

    // 2: usage and bad input.
    assert_eq!(w.run(&["sttaus"]).await.code, 2);
    assert_eq!(w.run(&["token"]).await.code, 2);
    let (c, err) = code(w.run(&["connect", "hotmart"]).await);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("needs the Client ID"), "{err}");
    let (c, err) = code(w.run(&["connect", "nimbus", "--method", "api_key"]).await);
    assert_eq!(c, 2, "{err}");
    assert!(err.contains("offers: authorization_code"), "{err}");

    // 6: not found.
    let (c, err) = code(w.run(&["token", "hubspot"]).await);
    assert_eq!(c, 6, "{err}");
    assert!(err.contains("plugboard connect hubspot"), "{err}");
    assert_eq!(w.run(&["refresh", "hubspot-0badf00d"]).await.code, 6);
    assert_eq!(w.run(&["connect", "nosuch"]).await.code, 6);

    // 5: the provider is temporarily failing; nothing stored is lost.
    let hotmart = w.connect_hotmart("production").await;
    let before = w.ok(&["token", "hotmart"]).await;
    w.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let (c, err) = code(w.run(&["refresh", "hotmart"]).await);
    assert_eq!(c, 5, "{err}");
    assert!(err.contains("Hotmart is having trouble"), "{err}");
    // Another process (status) knows of the failure from the index, not from memory.
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "temporary_problem");
    assert_eq!(
        status["connections"][0]["last_error"]["code"],
        "provider_unavailable"
    );
    // The token still works for two days: `token` gives it (no refresh needed).
    assert_eq!(w.ok(&["token", "hotmart"]).await, before);
    w.set_faults(Faults::default());
    w.ok(&["refresh", "hotmart"]).await;
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
    assert_ne!(
        w.ok(&["token", "hotmart"]).await,
        before,
        "a new token after the refresh"
    );

    // 4: no keychain reachable (a session bus that does not exist).
    let mut cmd = w.command(&["token", hotmart["id"].as_str().unwrap()]);
    cmd.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/plugboard-bus",
    );
    let (c, err) = code(w.run_cmd(cmd, "").await);
    assert_eq!(c, 4, "{err}");
    assert!(err.contains("keychain"), "{err}");
    // …while status still lists the connection, saying why it can't be used.
    let mut cmd = w.command(&["status", "--json"]);
    cmd.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/plugboard-bus",
    );
    let out = w.run_cmd(cmd, "").await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let status: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(status["keychain"], "unavailable");
    assert_eq!(status["connections"][0]["status"], "keychain_unavailable");

    // 3 is covered by the replayed-refresh-token test; 0 by every other.
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn hubspot_signs_in_without_a_browser_on_its_registered_loopback_port() {
    let w = World::new("no-browser").await;
    // Standard input stays open (a terminal nobody types in): the command must still end once
    // the browser has come back, without waiting for a paste.
    let sign_in = w
        .connect_elsewhere("hubspot", Some("Waiting for the browser"))
        .await;
    assert!(
        sign_in.line.contains(&format!(
            "http://localhost:{}/oauth/callback",
            w.hubspot_port
        )),
        "{}",
        sign_in.line
    );
    assert!(
        sign_in.url.starts_with(&w.sim.base_url()),
        "{}",
        sign_in.url
    );
    // The person opens it elsewhere and the browser comes back to the loopback port.
    let location = sign_in.consent();
    assert!(location.contains("code="), "{location}");
    let page = std::process::Command::new("curl")
        .args(["-sS", &location.replace("localhost", "127.0.0.1")])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&page.stdout).contains("You can close this tab"),
        "{:?} {}",
        page.status,
        String::from_utf8_lossy(&page.stderr)
    );
    let stdout = sign_in.finish().await;
    assert!(
        stdout.contains("Connected HubSpot (example-portal.hubspot.com · ana@example.com)"),
        "{stdout}"
    );

    // On HubSpot's dated API: Try it asks its introspection and says so; the form is shown with
    // every secret masked.
    let tried = w.ok(&["try", "hubspot"]).await;
    for expected in [
        "/hubspot/oauth/2026-03/token/introspect",
        "HubSpot has no identity call: this asked HubSpot's token introspection",
        "HubSpot says the access token is active.",
        "HTTP 200 OK in ",
        "token_type_hint=access_token",
    ] {
        assert!(tried.contains(expected), "{expected}: {tried}");
    }
    assert_no_secrets(&tried);
    let doc = w.json(&["try", "hubspot", "--json"]).await;
    assert_eq!(
        (&doc["call"], &doc["active"], &doc["accepted"]),
        (&json!("introspection"), &json!(true), &json!(true)),
        "{doc}"
    );
    // Disconnect revokes the refresh token at the dated endpoint; nothing called v1.
    let doc = w.json(&["disconnect", "hubspot", "--json"]).await;
    assert_eq!(doc["revoke"], "revoked", "{doc}");
    assert_eq!(w.sim.count("hubspot.revoke"), 1);
    assert_eq!(
        w.sim.count("hubspot.v1"),
        0,
        "nothing called the retired v1 API"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn disconnect_revokes_with_rfc_7009_and_forgets_the_connection() {
    let w = World::new("disconnect").await;
    let nimbus = w.connect_nimbus().await;
    let id = nimbus["id"].as_str().unwrap();
    let doc = w.json(&["disconnect", id, "--json"]).await;
    assert_eq!(doc["revoke"], "revoked");
    assert_eq!(doc["schema"], 1);
    assert_eq!(w.sim.count("nimbus.revoke"), 1);
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"],
        json!([])
    );
    // Gone means not found, not a crash.
    assert_eq!(w.run(&["token", id]).await.code, 6);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_broken_provider_file_is_named_and_the_built_in_providers_still_work() {
    let w = World::new("bad-file").await;
    let file = w.dir.join("providers.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // Nimbus's token endpoint on a remote host over plain http: refused.
    let broken = text.replace(
        &format!("{}/nimbus/oauth/token", w.sim.base_url()),
        "http://nimbus.example.com/oauth/token",
    );
    std::fs::write(&file, broken).unwrap();
    let out = w.run(&["providers"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        file.display().to_string(),
        "`nimbus`".to_string(),
        "`method.token_url`".to_string(),
        "plain http only on 127.0.0.1 or localhost".to_string(),
    ] {
        assert!(
            out.stderr.contains(&expected),
            "{expected} missing from: {}",
            out.stderr
        );
    }
    assert!(out.stdout.contains("hubspot") && !out.stdout.contains("nimbus"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_file_others_can_change_is_refused_with_how_to_fix_it() {
    use std::os::unix::fs::PermissionsExt;
    let w = World::new("writable-file").await;
    let file = w.dir.join("providers.toml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = w.run(&["providers"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let fix = format!("chmod go-w {}", file.display());
    assert!(
        out.stderr.contains(&fix),
        "{fix} missing from: {}",
        out.stderr
    );
    assert!(out.stdout.contains("hubspot") && !out.stdout.contains("nimbus"));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = w.run(&["providers"]).await;
    assert!(out.stdout.contains("nimbus"), "{}", out.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_browser_on_another_machine_pastes_the_address_it_ended_on() {
    let w = World::new("paste").await;
    // Ecwid uses the window's deep link; the command line listens on a random loopback port,
    // which a browser elsewhere cannot reach: the person pastes the address instead.
    let mut sign_in = w
        .connect_elsewhere("ecwid", Some("If your browser is on another machine"))
        .await;
    assert!(
        sign_in
            .url
            .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A"),
        "{}",
        sign_in.url
    );
    let location = sign_in.consent();
    assert!(location.starts_with("http://127.0.0.1:"), "{location}");
    sign_in.paste(&location).await;
    let stdout = sign_in.finish().await;
    assert!(stdout.contains("Connected Ecwid (Store"), "{stdout}");
    assert_no_secrets(&stdout);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_that_redirects_to_an_https_page_takes_the_pasted_address() {
    let w = World::new("https-redirect").await;
    // Nimbus, registered with the deployer's own https page as its redirect.
    let file = w.dir.join("providers.toml");
    let text = std::fs::read_to_string(&file).unwrap().replace(
        r#"redirect = { mode = "deep_link" }"#,
        r#"redirect = { mode = "https", url = "https://plugboard.example.com/callback" }"#,
    );
    std::fs::write(&file, text).unwrap();
    let mut sign_in = w.connect_elsewhere("nimbus", None).await;
    let location = sign_in.consent();
    assert!(
        location.starts_with("https://plugboard.example.com/callback?code="),
        "{location}"
    );
    sign_in.paste(&location).await;
    let stdout = sign_in.finish().await;
    assert!(
        stdout.contains("Connected Nimbus CRM (dana@nimbus.example)"),
        "{stdout}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_refresh_held_up_by_another_process_gives_up_with_exit_5() {
    let w = World::new("busy").await;
    let hotmart = w.connect_hotmart("production").await;
    let id = hotmart["id"].as_str().unwrap();
    let token = w.ok(&["token", id]).await;
    // Another process holds the connection's refresh lock (util-linux `flock`, as any program
    // taking the same advisory lock would) for longer than this refresh will wait.
    let lock = w
        .dir
        .join(format!("data/dev.plugboard.desktop/dev/locks/{id}.lock"));
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    // `-o`: the lock stays with `flock` itself (not `sleep`), so killing it lets go.
    let mut holder = tokio::process::Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "20"])
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut cmd = w.command(&["refresh", id]);
    cmd.env("PLUGBOARD_REFRESH_WAIT_SECS", "2");
    let out = w.run_cmd(cmd, "").await;
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(out.stderr.contains("still refreshing"), "{}", out.stderr);
    assert_eq!(
        w.sim.count("hotmart.mint"),
        1,
        "nothing sent while the lock was held"
    );
    // Waiting is not a failure of the connection: nothing recorded, still connected.
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
    assert_eq!(status["connections"][0]["last_error"], Value::Null);
    // Once the other process lets go, the refresh goes through.
    holder.kill().await.unwrap();
    let _ = holder.wait().await;
    w.ok(&["refresh", id]).await;
    assert_eq!(w.sim.count("hotmart.mint"), 2);
    assert_ne!(w.ok(&["token", id]).await, token);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_bug_is_one_plain_line_and_a_log_entry_never_a_backtrace() {
    let w = World::new("panic").await;
    let mut cmd = w.command(&["status"]);
    cmd.env("PLUGBOARD_DEBUG_PANIC", "1")
        .env("RUST_BACKTRACE", "1");
    let out = w.run_cmd(cmd, "").await;
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("internal error"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked at"), "{}", out.stderr);
    assert!(!out.stderr.contains("backtrace"), "{}", out.stderr);
    let log = w
        .dir
        .join("data/dev.plugboard.desktop/logs/plugboard-cli.log");
    let logged = std::fs::read_to_string(&log).expect("the panic is logged");
    assert!(logged.contains("PLUGBOARD_DEBUG_PANIC"), "{logged}");
    assert!(
        out.stderr.contains(&log.display().to_string()),
        "{}",
        out.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn plugboards_folders_and_files_are_private_and_repaired_at_start() {
    use std::os::unix::fs::PermissionsExt;
    let w = World::new("modes").await;
    w.connect_whatconverts().await;
    // Debug builds keep their index in `dev/`, beside their keychain namespace.
    let root = w.dir.join("data/dev.plugboard.desktop");
    let data = root.join("dev");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&data), 0o700);
    let files: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.path())
        .collect();
    assert!(files.iter().any(|f| f.ends_with("connections.json")));
    assert!(files.iter().any(|f| f.ends_with("timeline.json")));
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
    // Opened up by something else: put back at the next start.
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
    let index = data.join("connections.json");
    std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o644)).unwrap();
    w.ok(&["status"]).await;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&index), 0o600);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_refresh_killed_midway_and_run_again_works_with_nothing_lost() {
    let w = World::new("killed").await;
    let id = w.connect_nimbus().await["id"].as_str().unwrap().to_string();
    let index = w
        .dir
        .join("data/dev.plugboard.desktop/dev/connections.json");
    let before = std::fs::read(&index).unwrap();
    // The provider takes its time; the refresh is killed (SIGKILL) while it waits, holding the
    // connection's refresh lock.
    w.set_faults(Faults {
        refresh_answer: Some(plugboard_sim::Answer {
            delay: Duration::from_secs(20),
            ..plugboard_sim::Answer::ok(r#"{"access_token":"late"}"#)
        }),
        ..Faults::default()
    });
    let mut child = w.command(&["refresh", &id]).spawn().unwrap();
    wait_for(Duration::from_secs(10), || {
        w.sim.count("nimbus.refresh") == 1
    })
    .await;
    child.start_kill().unwrap();
    let status = child.wait().await.unwrap();
    assert!(!status.success());
    assert_eq!(std::fs::read(&index).unwrap(), before, "the index is whole");

    // Run again: the lock died with its process, the stored tokens are the ones before.
    w.set_faults(Faults::default());
    let out = w.run(&["refresh", &id, "--json"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(w.sim.count("nimbus.refresh"), 2);
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 0);
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
}

/// Polls `done` every 50 ms for up to `limit`.
async fn wait_for(limit: Duration, done: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + limit;
    while !done() {
        assert!(std::time::Instant::now() < deadline, "timed out");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_named_connection_is_picked_by_its_name() {
    let w = World::new("rename").await;
    w.connect_whatconverts().await;
    w.connect_hotmart("production").await;
    let said = w.ok(&["rename", "whatconverts", "Client A — store"]).await;
    assert!(said.contains("is now called “Client A — store”"), "{said}");
    let table = w.ok(&["status"]).await;
    assert!(
        table.contains("Client A — store (API token ••••1234)"),
        "{table}"
    );
    let by_name = w.ok(&["token", "client a — store", "--header"]).await;
    assert!(by_name.starts_with("Authorization: Basic "), "{by_name}");
    let doc = w.json(&["status", "--json"]).await;
    let named: Vec<&Value> = doc["connections"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == "Client A — store")
        .collect();
    assert_eq!(named.len(), 1);
    // A name another connection has is refused, in words, with exit code 2.
    let out = w.run(&["rename", "hotmart", "CLIENT A — STORE"]).await;
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("already called"), "{}", out.stderr);
    // An empty name removes it.
    let said = w.ok(&["rename", "Client A — store", ""]).await;
    assert!(said.contains("has no name now"), "{said}");
    let out = w.run(&["token", "Client A — store"]).await;
    assert_eq!(out.code, 6, "{}", out.stderr);
}

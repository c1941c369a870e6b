//! What the command-line tests share: a test's world (its simulator, folders and provider file,
//! optionally a keychain of its own), running the real `plugboard` in it, a sign-in whose browser
//! is on another machine, and the check that no output holds a secret.

use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use plugboard_e2e::{
    app_binary, browser_path, cli_binary, require_session, test_home, PrivateKeychain,
};
use plugboard_sim::{Faults, Simulator};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt};

/// The keychain service of debug builds' items (`secret-tool search service …`).
pub(crate) const DEV_SERVICE: &str = "dev.plugboard.desktop.dev";

pub(crate) struct Out {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// One test's world: a simulator, folders, and a providers.toml with the four providers pointed
/// at the simulator plus Nimbus, a provider of the user's own.
pub(crate) struct World {
    pub(crate) sim: Simulator,
    pub(crate) dir: PathBuf,
    pub(crate) hubspot_port: u16,
    /// A keychain of this test's own, for commands that remove every item of the namespace.
    pub(crate) keychain: Option<PrivateKeychain>,
}

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl World {
    pub(crate) async fn new(name: &str) -> Self {
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
    pub(crate) async fn with_private_keychain(name: &str) -> Self {
        let mut w = Self::new(name).await;
        w.keychain = Some(PrivateKeychain::start(&w.dir));
        w
    }

    pub(crate) fn command(&self, args: &[&str]) -> tokio::process::Command {
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
    pub(crate) async fn run_with(&self, args: &[&str], stdin: &str) -> Out {
        self.run_cmd(self.command(args), stdin).await
    }

    pub(crate) async fn run_cmd(&self, mut cmd: tokio::process::Command, stdin: &str) -> Out {
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

    pub(crate) async fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, "").await
    }

    /// Runs and requires exit 0; returns stdout.
    pub(crate) async fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args).await;
        assert_eq!(out.code, 0, "plugboard {args:?} failed: {}", out.stderr);
        out.stdout
    }

    pub(crate) async fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args).await).expect("--json prints JSON")
    }

    pub(crate) async fn connect_hotmart(&self, environment: &str) -> Value {
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

    pub(crate) async fn connect_whatconverts(&self) -> Value {
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
    pub(crate) async fn connect_nimbus(&self) -> Value {
        let out = self.run(&["connect", "nimbus", "--json"]).await;
        assert_eq!(out.code, 0, "{}", out.stderr);
        serde_json::from_str(&out.stdout).unwrap()
    }

    pub(crate) fn set_faults(&self, faults: Faults) {
        self.sim.set_faults(faults);
    }

    /// `plugboard connect <provider> --no-browser` as seen by a person whose browser is on another
    /// machine: started without the browser stand-in on PATH, its standard error read up to the
    /// sign-in address, then (with `until`) up to the line starting with those words.
    pub(crate) async fn connect_elsewhere(&self, provider: &str, until: Option<&str>) -> Elsewhere {
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
pub(crate) struct Elsewhere {
    child: tokio::process::Child,
    /// Open until something is pasted: a terminal nobody types in.
    stdin: Option<tokio::process::ChildStdin>,
    /// The rest of its standard error, kept open: a closed pipe would fail its next message.
    _stderr: tokio::io::Lines<tokio::io::BufReader<tokio::process::ChildStderr>>,
    /// The sign-in address it printed.
    pub(crate) url: String,
    /// The line reading stopped at.
    pub(crate) line: String,
}

impl Elsewhere {
    /// Where the simulator's consent sends the browser: the address a browser ends on.
    pub(crate) fn consent(&self) -> String {
        let out = std::process::Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{redirect_url}", &self.url])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Pastes `address` and closes standard input, as a person would.
    pub(crate) async fn paste(&mut self, address: &str) {
        let mut stdin = self.stdin.take().unwrap();
        stdin
            .write_all(format!("{address}\n").as_bytes())
            .await
            .unwrap();
    }

    /// Waits for the command to end (standard input still open if nothing was pasted) and
    /// returns what it printed, after checking it succeeded.
    pub(crate) async fn finish(self) -> String {
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
pub(crate) fn assert_no_secrets(text: &str) {
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

/// Polls `done` every 50 ms for up to `limit`.
pub(crate) async fn wait_for(limit: Duration, done: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + limit;
    while !done() {
        assert!(std::time::Instant::now() < deadline, "timed out");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

//! The keychain as tests see it: items of a service as `secret-tool` lists them from another
//! process, and a keychain of one test's own for tests that empty a namespace others share.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::eventually;

/// A keychain of one test's own: a D-Bus session bus and a gnome-keyring (unlocked, throwaway
/// password) on it, for a test that removes every item of a namespace the other tests share.
/// Point a process at it with `DBUS_SESSION_BUS_ADDRESS` = [`Self::address`]. Ended on drop.
pub struct PrivateKeychain {
    pub address: String,
    bus: std::process::Child,
    control: PathBuf,
    /// Its own keyring files and runtime folder, for the daemon it (re)starts.
    env: Vec<(&'static str, String)>,
}

impl PrivateKeychain {
    pub fn start(dir: &Path) -> Self {
        use std::io::{BufRead, BufReader};
        // Its own keyring files and runtime folder: gnome-keyring keeps keyrings in
        // $XDG_DATA_HOME/keyrings and finds a running daemon through $XDG_RUNTIME_DIR/keyring, so
        // with the session's folders it would share the session's keychain. The bus gets them
        // too, for a daemon it might start on demand.
        let data = dir.join("keychain-data");
        let runtime = dir.join("keychain-runtime");
        for folder in [&data, &runtime] {
            std::fs::create_dir_all(folder).expect("a keychain folder");
            std::fs::set_permissions(folder, std::os::unix::fs::PermissionsExt::from_mode(0o700))
                .expect("a private keychain folder");
        }
        let control = runtime.join("keyring");
        let private_env = [
            ("XDG_DATA_HOME", data.display().to_string()),
            ("XDG_RUNTIME_DIR", runtime.display().to_string()),
        ];
        let mut bus = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .envs(private_env.clone())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-daemon");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().expect("its output"))
            .read_line(&mut address)
            .expect("the bus address");
        let keychain = Self {
            address: address.trim().to_string(),
            bus,
            control,
            env: private_env.to_vec(),
        };
        keychain.start_daemon(true);
        keychain
    }

    /// Starts the keyring daemon on this keychain's bus: its login collection unlocked with the
    /// throwaway password, or (`unlock` false) left locked, as after a restart nobody unlocked.
    fn start_daemon(&self, unlock: bool) {
        let mut args = vec![
            "--components=secrets".to_string(),
            format!("--control-directory={}", self.control.display()),
        ];
        if unlock {
            args.insert(0, "--unlock".into());
        } else {
            args.insert(0, "--start".into());
        }
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(&args)
            .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
            .envs(self.env.clone())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gnome-keyring-daemon");
        let input = keyring.stdin.take().expect("its input");
        if unlock {
            let mut input = input;
            input
                .write_all(b"plugboard-test")
                .expect("the throwaway password");
        } else {
            drop(input);
        }
        let _ = keyring.wait();
        let up = eventually(Duration::from_secs(10), || {
            Command::new("gdbus")
                .args([
                    "introspect",
                    "--session",
                    "--dest",
                    "org.freedesktop.secrets",
                    "--object-path",
                    "/org/freedesktop/secrets",
                ])
                .env("DBUS_SESSION_BUS_ADDRESS", &self.address)
                .output()
                .ok()
                .filter(|o| o.status.success())
        });
        assert!(up.is_some(), "the private keychain came up");
    }

    /// The keyring daemon's process id: the owner of `org.freedesktop.secrets` on this bus (the
    /// daemon forks away from the command that started it).
    pub fn daemon_pid(&self) -> Option<u32> {
        // "(uint32 1234,)"
        crate::ask_bus(
            Some(&self.address),
            "GetConnectionUnixProcessID",
            "org.freedesktop.secrets",
        )
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .nth(1)
        .and_then(|n| n.parse().ok())
    }

    /// Sends `signal` to the keyring daemon (by its process id).
    pub fn signal_daemon(&self, signal: &str) {
        let pid = self.daemon_pid().expect("the keyring daemon runs");
        let sent = Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .is_ok_and(|s| s.success());
        assert!(sent, "kill -{signal} {pid}");
    }

    /// Ends the keyring daemon (by its process id) and waits until it is gone from the bus.
    pub fn stop_daemon(&self) {
        if let Some(pid) = self.daemon_pid() {
            let _ = Command::new("kill").arg(pid.to_string()).status();
            let gone = eventually(Duration::from_secs(10), || {
                self.daemon_pid().is_none().then_some(())
            });
            assert!(gone.is_some(), "the keyring daemon {pid} ended");
        }
    }

    /// Restarts the keyring daemon, its login collection locked (nobody typed the password).
    pub fn restart_locked(&self) {
        self.stop_daemon();
        self.start_daemon(false);
    }

    /// Starts the keyring daemon with its login collection unlocked (the person typed the
    /// password), after [`Self::stop_daemon`].
    pub fn start_unlocked(&self) {
        self.start_daemon(true);
    }

    /// Items of a keychain service in this keychain (as [`keychain_items`]).
    pub fn items(&self, service: &str) -> String {
        search(service, Some(&self.address))
    }

    /// Deletes an item of this keychain (as [`remove_item`]).
    pub fn remove(&self, service: &str, account: &str) {
        remove(service, account, Some(&self.address));
    }

    /// Stores an item in this keychain (as [`store_item`]).
    pub fn store(&self, service: &str, account: &str, secret: &str) {
        store(service, account, "test item", secret, Some(&self.address));
    }

    /// Stores an item labelled `label` in this keychain, as another program (or an older
    /// Plugboard, which left keyring's label) would.
    pub fn store_labelled(&self, service: &str, account: &str, label: &str, secret: &str) {
        store(service, account, label, secret, Some(&self.address));
    }

    /// Labels the item `account` of `service` `label` through the Secret Service's `Label`
    /// property (`gdbus`, from another process), as a keyring app or an older version would.
    pub fn set_label(&self, service: &str, account: &str, label: &str) {
        let path = self.item_path(service, account).expect("the item to label");
        let set = Command::new("gdbus")
            .args(["call", "--address", &self.address])
            .args(["--dest", "org.freedesktop.secrets", "--object-path", &path])
            .args(["--method", "org.freedesktop.DBus.Properties.Set"])
            .args(["org.freedesktop.Secret.Item", "Label"])
            .arg(format!(
                "<'{}'>",
                label.replace('\\', "\\\\").replace('\'', "\\'")
            ))
            .output()
            .expect("gdbus");
        assert!(set.status.success(), "label {path}: {set:?}");
    }

    /// The object path of the item `account` of `service`.
    fn item_path(&self, service: &str, account: &str) -> Option<String> {
        let out = secret_tool(Some(&self.address))
            .args(["search", "--all", "service", service, "username", account])
            .output()
            .expect("secret-tool");
        // `[/1]` on an item's first line: its path under the login collection (the one
        // `gnome-keyring-daemon --unlock` makes).
        String::from_utf8_lossy(&out.stdout).lines().find_map(|l| {
            let tail = l.strip_prefix('[')?.strip_suffix(']')?;
            Some(format!("/org/freedesktop/secrets/collection/login{tail}"))
        })
    }

    /// The label of the item `account` of `service`, as `secret-tool` reads it from another
    /// process (`None`: no such item).
    pub fn label(&self, service: &str, account: &str) -> Option<String> {
        self.item(service, account, "label")
    }

    /// The secret of the item `account` of `service`, read from another process.
    pub fn secret(&self, service: &str, account: &str) -> Option<String> {
        self.item(service, account, "secret")
    }

    /// One line (`label`, `secret`, …) of `secret-tool search --all` for one item.
    fn item(&self, service: &str, account: &str, line: &str) -> Option<String> {
        let out = secret_tool(Some(&self.address))
            .args(["search", "--all", "service", service, "username", account])
            .output()
            .expect("secret-tool");
        let prefix = format!("{line} = ");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix(&prefix).map(str::to_string))
    }

    /// Starts recording the method calls made to this keychain's Secret Service (`dbus-monitor`
    /// on its bus), for a test that checks what an operation asks of it.
    pub fn watch_calls(&self) -> CallWatch {
        CallWatch::start(&self.address)
    }
}

/// The method calls made to a Secret Service while it ran ([`PrivateKeychain::watch_calls`]).
/// The monitor is known to be listening (and, at the end, to have seen every call made before)
/// by a `Ping` sent to the service and seen come through.
pub struct CallWatch {
    address: String,
    monitor: std::process::Child,
    lines: std::sync::mpsc::Receiver<String>,
}

impl CallWatch {
    fn start(address: &str) -> Self {
        use std::io::{BufRead, BufReader};
        let mut monitor = Command::new("dbus-monitor")
            .args([
                "--address",
                address,
                "type='method_call',destination='org.freedesktop.secrets'",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start dbus-monitor (package dbus-bin)");
        let out = BufReader::new(monitor.stdout.take().expect("its output"));
        let (send, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in out.lines().map_while(Result::ok) {
                if line.starts_with("method call") && send.send(line).is_err() {
                    break;
                }
            }
        });
        let watch = Self {
            address: address.to_string(),
            monitor,
            lines,
        };
        watch.ping_seen();
        watch
    }

    /// Pings the service until the monitor shows a ping; the calls seen before it.
    fn ping_seen(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for _ in 0..100 {
            let _ = Command::new("gdbus")
                .args(["call", "--address", &self.address])
                .args(["--dest", "org.freedesktop.secrets"])
                .args(["--object-path", "/org/freedesktop/secrets"])
                .args(["--method", "org.freedesktop.DBus.Peer.Ping"])
                .output();
            while let Ok(line) = self.lines.recv_timeout(Duration::from_millis(100)) {
                if line.contains("member=Ping") {
                    return seen;
                }
                seen.push(line);
            }
        }
        panic!("dbus-monitor never saw a ping");
    }

    /// Stops recording: the members of the calls made since the start (`GetSecret`, `Get`,
    /// `SearchItems`, …), in order.
    pub fn finish(mut self) -> Vec<String> {
        let calls = self.ping_seen();
        let _ = self.monitor.kill();
        let _ = self.monitor.wait();
        calls
            .iter()
            .filter_map(|l| l.split("member=").nth(1))
            .map(|m| m.trim().to_string())
            .collect()
    }
}

impl Drop for CallWatch {
    fn drop(&mut self) {
        // The monitor by its handle (never by name).
        let _ = self.monitor.kill();
        let _ = self.monitor.wait();
    }
}

impl Drop for PrivateKeychain {
    fn drop(&mut self) {
        // The daemon by its process id (never by name), then the bus it lives on.
        if let Some(pid) = self.daemon_pid() {
            let _ = Command::new("kill").arg(pid.to_string()).status();
        }
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}

/// Items of a keychain service, as `secret-tool` sees them from another process (attribute lines).
pub fn keychain_items(service: &str) -> String {
    search(service, None)
}

/// Stores an item named `account` in a keychain service of the session's keychain, with the
/// attributes Plugboard's own items carry (as another program, or an older Plugboard, would).
pub fn store_item(service: &str, account: &str, secret: &str) {
    store(service, account, "test item", secret, None);
}

/// Deletes the item named `account` of a keychain service in the session's keychain, as a person
/// would in their keyring app.
pub fn remove_item(service: &str, account: &str) {
    remove(service, account, None);
}

fn remove(service: &str, account: &str, bus: Option<&str>) {
    let cleared = secret_tool(bus)
        .args(["clear", "service", service, "username", account])
        .status()
        .expect("secret-tool");
    assert!(cleared.success(), "secret-tool clear {service} {account}");
}

/// `secret-tool` on the session's bus, or on `bus`.
fn secret_tool(bus: Option<&str>) -> Command {
    let mut cmd = Command::new("secret-tool");
    if let Some(address) = bus {
        cmd.env("DBUS_SESSION_BUS_ADDRESS", address);
    }
    cmd
}

fn search(service: &str, bus: Option<&str>) -> String {
    let out = secret_tool(bus)
        .args(["search", "--all", "service", service])
        .output()
        .expect("secret-tool");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn store(service: &str, account: &str, label: &str, secret: &str, bus: Option<&str>) {
    use std::io::Write;
    let mut child = secret_tool(bus)
        .args(["store", "--label", label, "service", service])
        .args(["username", account, "target", "default"])
        .stdin(Stdio::piped())
        .spawn()
        .expect("secret-tool");
    child
        .stdin
        .take()
        .expect("its input")
        .write_all(secret.as_bytes())
        .expect("the secret");
    assert!(
        child.wait().expect("secret-tool ends").success(),
        "secret-tool store {service} {account}"
    );
}

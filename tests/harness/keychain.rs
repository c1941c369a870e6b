//! The keychain as tests see it: items of a service as `secret-tool` lists them from another
//! process, and a keychain of one test's own for tests that empty a namespace others share.

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
}

impl PrivateKeychain {
    pub fn start(dir: &Path) -> Self {
        use std::io::{BufRead, BufReader, Write};
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
        let address = address.trim().to_string();
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args([
                "--unlock",
                "--components=secrets",
                &format!("--control-directory={}", control.display()),
            ])
            .env("DBUS_SESSION_BUS_ADDRESS", &address)
            .envs(private_env)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start gnome-keyring-daemon");
        keyring
            .stdin
            .take()
            .expect("its input")
            .write_all(b"plugboard-test")
            .expect("the throwaway password");
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
                .env("DBUS_SESSION_BUS_ADDRESS", &address)
                .output()
                .ok()
                .filter(|o| o.status.success())
        });
        assert!(up.is_some(), "the private keychain came up");
        Self {
            address,
            bus,
            control,
        }
    }

    /// Items of a keychain service in this keychain (as [`keychain_items`]).
    pub fn items(&self, service: &str) -> String {
        search(service, Some(&self.address))
    }

    /// Stores an item in this keychain (as [`store_item`]).
    pub fn store(&self, service: &str, account: &str, secret: &str) {
        store(service, account, secret, Some(&self.address));
    }
}

impl Drop for PrivateKeychain {
    fn drop(&mut self) {
        let _ = Command::new("pkill")
            .args([
                "-f",
                &format!("gnome-keyring-daemon.*{}", self.control.display()),
            ])
            .status();
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
    store(service, account, secret, None);
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

fn store(service: &str, account: &str, secret: &str, bus: Option<&str>) {
    use std::io::Write;
    let mut child = secret_tool(bus)
        .args(["store", "--label", "test item", "service", service])
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

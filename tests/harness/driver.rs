//! tauri-driver, the WebDriver server in front of WebKitWebDriver and the app: started on a free
//! port in its own process group, and that whole group ended when it is dropped.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::binaries::tauri_driver_path;

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port on 127.0.0.1")
}

pub(crate) fn wait_for_port(port: u16, timeout: Duration) -> bool {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

/// tauri-driver in its own process group; dropping it ends the group (driver, WebKitWebDriver, app).
pub struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    /// Starts tauri-driver with `env` added to its (and the app's) environment, and waits until
    /// it listens.
    pub fn start(env: &[(String, String)]) -> Self {
        use std::os::unix::process::CommandExt;
        let port = free_port();
        let native_port = free_port();
        let child = Command::new(tauri_driver_path())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .process_group(0)
            .spawn()
            .expect(
                "start tauri-driver (`make test` installs it: cargo install tauri-driver --locked)",
            );
        let driver = Self { child, port };
        assert!(
            wait_for_port(port, Duration::from_secs(15)),
            "tauri-driver did not listen on 127.0.0.1:{port}"
        );
        driver
    }
}

impl Driver {
    /// The WebDriver address.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.child.wait();
    }
}

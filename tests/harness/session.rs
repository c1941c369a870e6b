//! The private test session `tests/session.sh` makes: the check that a test runs inside it, its
//! home and the app's log there, its D-Bus session (who holds a name), and its X clipboard.

use std::path::PathBuf;
use std::process::Command;

/// Fails the test with instructions unless we are inside the private test session.
pub fn require_session() {
    let inside = std::env::var_os("PLUGBOARD_TEST_SESSION").is_some()
        && std::env::var_os("DISPLAY").is_some();
    assert!(
        inside,
        "end-to-end tests need the private test desktop: run `make test`, or \
         `tests/session.sh cargo test -p plugboard-e2e -- --include-ignored`"
    );
}

/// The temporary folder the session script made (HOME, XDG_* live under it).
pub fn test_home() -> PathBuf {
    PathBuf::from(
        std::env::var_os("PLUGBOARD_TEST_HOME")
            .expect("PLUGBOARD_TEST_HOME is set by tests/session.sh"),
    )
}

/// The app's log file, as the person's support staff would find it.
pub fn app_log_path() -> PathBuf {
    PathBuf::from(
        std::env::var_os("XDG_DATA_HOME").expect("XDG_DATA_HOME is set by tests/session.sh"),
    )
    .join("dev.plugboard.desktop/logs/plugboard.log")
}

/// The D-Bus name the running app holds (tauri-plugin-single-instance: `<identifier>.SingleInstance`).
pub(crate) const SINGLE_INSTANCE_NAME: &str = "dev.plugboard.desktop.SingleInstance";

/// Asks the bus itself (`org.freedesktop.DBus.<method>(name)`) through `gdbus`: on the session's
/// bus, or on `bus` (an address). Its printed answer, empty when it could not be asked.
pub fn ask_bus(bus: Option<&str>, method: &str, name: &str) -> String {
    let mut cmd = Command::new("gdbus");
    cmd.args([
        "call",
        "--session",
        "--dest",
        "org.freedesktop.DBus",
        "--object-path",
        "/org/freedesktop/DBus",
        "--method",
        &format!("org.freedesktop.DBus.{method}"),
        name,
    ]);
    if let Some(address) = bus {
        cmd.env("DBUS_SESSION_BUS_ADDRESS", address);
    }
    cmd.output()
        .map(|out| String::from_utf8_lossy(&out.stdout).into_owned())
        .unwrap_or_default()
}

/// Whether a Plugboard instance still owns its name on the session bus (a window still closing).
pub fn app_instance_on_bus() -> bool {
    ask_bus(None, "NameHasOwner", SINGLE_INSTANCE_NAME).contains("true")
}

/// The X clipboard's text now (through xclip), or `None` when it is empty or has no owner.
pub fn clipboard_text() -> Option<String> {
    let out = std::process::Command::new("xclip")
        .args(["-selection", "clipboard", "-o"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

//! Where the harness finds what it runs: the workspace, the debug binaries (built once per test
//! process), tauri-driver, and the browser stand-in put first on PATH.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The workspace root (this crate lives in `tests/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

pub(crate) fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// The debug binaries, built once per test process (a no-op when `make test` built them already).
/// `--workspace --features plugboard/demo,plugboard-cli/demo`, as `make build` does: the same
/// feature set, so the two builds share one cache. Returns the target folder's `debug/`.
pub(crate) fn built() -> PathBuf {
    static BUILT: OnceLock<PathBuf> = OnceLock::new();
    BUILT
        .get_or_init(|| {
            let status = Command::new(env!("CARGO"))
                .args([
                    "build",
                    "-j2",
                    "--quiet",
                    "--workspace",
                    "--features",
                    "plugboard/demo,plugboard-cli/demo",
                ])
                .current_dir(workspace_root())
                .status()
                .expect("run cargo build");
            assert!(status.success(), "building the app failed");
            target_dir().join("debug")
        })
        .clone()
}

pub(crate) fn binary(name: &str) -> PathBuf {
    let bin = built().join(name);
    assert!(bin.exists(), "no binary at {}", bin.display());
    bin
}

/// The window's binary (`plugboard-window`), what tauri-driver starts and a desktop entry runs:
/// `PLUGBOARD_APP_BINARY` when set (the installed package's, for `make package-test`), else the
/// debug build.
pub fn app_binary() -> PathBuf {
    std::env::var_os("PLUGBOARD_APP_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| binary("plugboard-window"))
}

/// The command line (`plugboard`), which starts the window for no subcommand or a link:
/// `PLUGBOARD_CLI_BINARY` when set, else the debug build.
pub fn cli_binary() -> PathBuf {
    std::env::var_os("PLUGBOARD_CLI_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| binary("plugboard"))
}

pub(crate) fn tauri_driver_path() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(p);
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").unwrap_or_default()).join(".cargo")
        });
    let installed = cargo_home.join("bin/tauri-driver");
    if installed.exists() {
        installed
    } else {
        PathBuf::from("tauri-driver")
    }
}

/// PATH with the browser stand-in (`tests/e2e/browser/xdg-open`) first: "open in the system
/// browser" then lands there, for the window and the command line alike.
pub fn browser_path() -> String {
    let browser_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("e2e/browser");
    format!(
        "{}:{}",
        browser_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

/// The environment that puts the browser stand-in first on PATH.
pub(crate) fn browser_env(delivery: &str) -> Vec<(String, String)> {
    vec![
        ("PATH".to_string(), browser_path()),
        (
            "PLUGBOARD_APP_BINARY".to_string(),
            app_binary().display().to_string(),
        ),
        (
            "PLUGBOARD_BROWSER_DELIVERY".to_string(),
            delivery.to_string(),
        ),
    ]
}

//! Waiting on other processes and on the world outside the test: a command run with a deadline,
//! and polling until something holds.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Runs `program args` with a deadline; returns its exit status and stderr.
pub fn run_with_deadline(
    mut cmd: Command,
    deadline: Duration,
) -> (std::process::ExitStatus, String) {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            use std::io::Read;
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            return (status, err);
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            panic!("{cmd:?} did not exit within {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Polls `probe` until it returns `Some`, for up to `timeout`.
pub fn eventually<T>(timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = probe() {
            return Some(v);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

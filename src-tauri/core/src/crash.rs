/*!
What a bug looks like to the person: one plain line and one log entry, never a backtrace, a panic
message with a secret in it, or a half-finished command that looks like success.

Both front ends install a panic hook at start ([`summary`] words the entry): the command line
records it in `logs/plugboard-cli.log` under the data folder, prints one line and exits 1; the
window logs it through its log plugin. Only a panic's location and a message Plugboard wrote as a
literal are recorded: a formatted message (which might include a value) is cut at its first `:`.
*/

use std::io::Write;
use std::path::{Path, PathBuf};

/// The log entry for a panic: where, and the literal part of its message.
pub fn summary(info: &std::panic::PanicHookInfo<'_>) -> String {
    let place = info
        .location()
        .map(|l| format!("{}:{}", l.file(), l.line()))
        .unwrap_or_else(|| "an unknown place".into());
    let message = if let Some(s) = info.payload().downcast_ref::<&'static str>() {
        s.to_string()
    } else if let Some(s) = info.payload().downcast_ref::<String>() {
        // `expect("what")` formats as "what: <error>": keep Plugboard's own words only.
        s.split(':')
            .next()
            .unwrap_or_default()
            .chars()
            .take(200)
            .collect()
    } else {
        String::new()
    };
    format!("internal error at {place}: {message}")
}

/// The command line's log file, under the data folder beside the window's logs.
pub fn cli_log(data_dir: &Path) -> PathBuf {
    data_dir.join("logs").join("plugboard-cli.log")
}

/// Appends one line, with the time, to a private log file. Best effort.
pub fn record(log: &Path, line: &str) {
    if let Ok(mut f) = crate::files::open_private(log, true) {
        let _ = writeln!(
            f,
            "{} ERROR {line}",
            crate::lifetime::rfc3339(crate::lifetime::unix_now())
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_crash_log_that_is_a_link_or_in_a_linked_folder_gets_no_lines() {
        let dir = std::env::temp_dir().join(format!("plugboard-crash-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("logs")).unwrap();
        let elsewhere = dir.join("elsewhere.txt");
        std::fs::write(&elsewhere, b"someone else's\n").unwrap();
        let log = dir.join("logs").join("plugboard-cli.log");
        std::os::unix::fs::symlink(&elsewhere, &log).unwrap();
        record(&log, "a line");
        assert_eq!(std::fs::read(&elsewhere).unwrap(), b"someone else's\n");
        let folder = dir.join("other");
        std::fs::create_dir_all(&folder).unwrap();
        std::os::unix::fs::symlink(&folder, dir.join("linked-logs")).unwrap();
        record(&dir.join("linked-logs").join("plugboard-cli.log"), "a line");
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_panic_is_summarised_without_the_values_it_formatted() {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let keep = seen.clone();
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            keep.lock().unwrap().push(summary(info))
        }));
        let _ = std::panic::catch_unwind(|| {
            let r: Result<(), String> = std::hint::black_box(Err("at-SECRET".into()));
            r.expect("the wire form always serializes");
        });
        let _ = std::panic::catch_unwind(|| {
            let x: i64 = std::hint::black_box(i64::MAX);
            let _ = x.checked_add(1).expect("attempt to add with overflow");
        });
        std::panic::set_hook(previous);
        let seen = seen.lock().unwrap();
        assert!(
            seen[0].contains("the wire form always serializes"),
            "{}",
            seen[0]
        );
        assert!(seen[0].contains("crash.rs"), "{}", seen[0]);
        assert!(!seen.iter().any(|s| s.contains("SECRET")), "{seen:?}");
        assert!(
            seen[1].ends_with("attempt to add with overflow"),
            "{}",
            seen[1]
        );
    }
}

//! `plugboard`: the command line, or — with no subcommand, or a `dev.plugboard.desktop:` link —
//! the window, by starting `plugboard-window` from the same folder with the same arguments.

use std::ffi::OsString;
use std::path::PathBuf;

use plugboard_cli::failure::exit;
use plugboard_cli::term::Term;
use plugboard_cli::{mode, Mode};
use plugboard_core::settings::Settings;

/// The window's binary, installed beside this one.
fn window_binary() -> Option<PathBuf> {
    let me = std::env::current_exe().ok()?;
    let name = format!("plugboard-window{}", std::env::consts::EXE_SUFFIX);
    Some(me.parent()?.join(name))
}

/// Starts the window in this process's place (exec on Unix, so a launcher or the OS sees one
/// process; elsewhere a child whose exit code becomes ours).
fn start_window(args: &[OsString]) -> i32 {
    let Some(binary) = window_binary().filter(|b| b.exists()) else {
        eprintln!(
            "Plugboard's window is not installed next to this command (plugboard-window). Reinstall Plugboard, or use a subcommand: plugboard --help"
        );
        return exit::FAILURE;
    };
    let mut command = std::process::Command::new(&binary);
    command.args(&args[1..]);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let e = command.exec();
        eprintln!("Plugboard could not start its window: {e}");
        exit::FAILURE
    }
    #[cfg(not(unix))]
    match command.status() {
        Ok(status) => status.code().unwrap_or(exit::FAILURE),
        Err(e) => {
            eprintln!("Plugboard could not start its window: {e}");
            exit::FAILURE
        }
    }
}

/// A bug stops the command with one plain line and a log entry (exit 1), never a backtrace.
fn on_panic() {
    std::panic::set_hook(Box::new(|info| {
        let summary = plugboard_core::crash::summary(info);
        let log = plugboard_core::setup::Paths::standard()
            .map(|p| plugboard_core::crash::cli_log(&p.data_dir))
            .ok();
        if let Some(log) = &log {
            plugboard_core::crash::record(log, &summary);
        }
        eprintln!(
            "Plugboard stopped because of an internal error (a bug), so this command did not finish.{} Please report it.",
            log.map(|l| format!(" It is recorded in {}.", l.display()))
                .unwrap_or_default()
        );
        std::process::exit(exit::FAILURE);
    }));
}

fn main() {
    plugboard_core::files::private_by_default();
    on_panic();
    // Debug builds only: lets the tests check what a bug looks like from the outside.
    if cfg!(debug_assertions) && std::env::var_os("PLUGBOARD_DEBUG_PANIC").is_some() {
        panic!("a panic asked for by PLUGBOARD_DEBUG_PANIC");
    }
    let args: Vec<OsString> = std::env::args_os().collect();
    let code = match mode(&args) {
        Mode::Window => start_window(&args),
        Mode::Cli => {
            let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
            use std::io::IsTerminal;
            let mut term = Term {
                out_styled: out.is_terminal(),
                err_styled: err.is_terminal(),
                out: &mut out,
                err: &mut err,
            };
            plugboard_cli::main(args, &Settings::from_env(), &mut term)
        }
    };
    std::process::exit(code);
}

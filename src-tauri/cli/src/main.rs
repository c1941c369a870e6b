//! `plugboard`: the command line, or — with no subcommand, or a `dev.plugboard.desktop:` link —
//! the window, by starting `plugboard-window` from the same folder with the same arguments.

use std::ffi::OsString;
use std::path::PathBuf;

use plugboard_cli::failure::exit;
use plugboard_cli::term::Term;
use plugboard_cli::{mode, speak, Mode};
use plugboard_core::i18n::t;
use plugboard_core::settings::Settings;

/// The window's binary, installed beside this one.
fn window_binary() -> Option<PathBuf> {
    let me = std::env::current_exe().ok()?;
    let name = format!("plugboard-window{}", std::env::consts::EXE_SUFFIX);
    Some(me.parent()?.join(name))
}

/// Starts the window in this process's place (exec on Unix, so a launcher or the OS sees one
/// process; elsewhere a child whose exit code becomes ours). The person's language is looked up
/// only to say why it could not (the window chooses its own).
fn start_window(args: &[OsString], settings: &Settings) -> i32 {
    let Some(binary) = window_binary().filter(|b| b.exists()) else {
        speak(settings);
        eprintln!(
            "{}",
            t(
                "cli-window-missing",
                &[
                    ("binary", "plugboard-window".into()),
                    ("help", "plugboard --help".into()),
                ],
            )
        );
        return exit::FAILURE;
    };
    let mut command = std::process::Command::new(&binary);
    command.args(&args[1..]);
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let e = command.exec();
        speak(settings);
        eprintln!(
            "{}",
            t("cli-window-failed", &[("error", e.to_string().into())])
        );
        exit::FAILURE
    }
    #[cfg(not(unix))]
    match command.status() {
        Ok(status) => status.code().unwrap_or(exit::FAILURE),
        Err(e) => {
            speak(settings);
            eprintln!(
                "{}",
                t("cli-window-failed", &[("error", e.to_string().into())])
            );
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
            "{}",
            match log {
                Some(log) => t(
                    "cli-crashed-recorded",
                    &[("log", log.display().to_string().into())],
                ),
                None => t("cli-crashed", &[]),
            }
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
    let settings = Settings::from_env();
    let code = match mode(&args) {
        Mode::Window => start_window(&args, &settings),
        Mode::Cli => {
            // The person's language, before anything is written (`--help` included).
            speak(&settings);
            // Ctrl-C and the like wait while a refresh is being saved; `plugboard exec` passes
            // them on to its command instead (and waits the same way before its command runs).
            if args.get(1).and_then(|a| a.to_str()) != Some("exec") {
                plugboard_cli::stop::handle_stop_signals();
            }
            let (mut out, mut err) = (std::io::stdout(), std::io::stderr());
            use std::io::IsTerminal;
            let mut term = Term {
                out_styled: out.is_terminal(),
                err_styled: err.is_terminal(),
                out: &mut out,
                err: &mut err,
            };
            plugboard_cli::main(args, &settings, &mut term)
        }
    };
    std::process::exit(code);
}

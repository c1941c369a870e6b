// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

//! `plugboard-window`: the desktop window. The `plugboard` command (crate `cli/`) starts it for no
//! subcommand or a deep link; a desktop launcher or the OS handing over a link may start it
//! directly (the single-instance plugin then passes the link to a running window).

fn main() {
    plugboard_core::files::private_by_default();
    // A bug in a command or a task: one log entry, no backtrace on the terminal.
    std::panic::set_hook(Box::new(|info| {
        let summary = plugboard_core::crash::summary(info);
        log::error!("{summary}");
        eprintln!("Plugboard hit {summary}");
    }));
    plugboard_app::run()
}

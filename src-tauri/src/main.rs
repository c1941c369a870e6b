// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

//! `plugboard-window`: the desktop window. The `plugboard` command (crate `cli/`) starts it for no
//! subcommand or a deep link; a desktop launcher or the OS handing over a link may start it
//! directly (the single-instance plugin then passes the link to a running window).

fn main() {
    plugboard_app::run()
}

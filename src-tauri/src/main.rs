// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use plugboard_app::cli;

fn main() {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    match cli::mode(&args) {
        cli::Mode::Window => plugboard_app::run(),
        cli::Mode::Cli => std::process::exit(cli::main(args)),
    }
}

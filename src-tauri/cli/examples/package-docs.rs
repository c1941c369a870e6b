//! Writes the command line's man page and its bash, zsh and fish completions, generated from its
//! clap definition (so they never drift from `--help`), into a folder for the package:
//! `cargo run -p plugboard-cli --example package-docs -- target/release/package` (what `make package`
//! runs). An example, not a binary: the generators never ship.

use std::path::PathBuf;

use clap::CommandFactory;
use clap_complete::Shell;

fn main() {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: package-docs <folder>");
        std::process::exit(2);
    };
    std::fs::create_dir_all(&out).expect("create the output folder");
    let mut command = plugboard_cli::args::Cli::command();

    let mut page = Vec::new();
    clap_mangen::Man::new(command.clone())
        .render(&mut page)
        .expect("render the man page");
    std::fs::write(out.join("plugboard.1"), page).expect("write plugboard.1");

    // The names each shell looks for in the folders distributions keep completions in.
    for (shell, file) in [
        (Shell::Bash, "plugboard"),
        (Shell::Zsh, "_plugboard"),
        (Shell::Fish, "plugboard.fish"),
    ] {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut command, "plugboard", &mut script);
        std::fs::write(out.join(file), script).expect("write a completion script");
    }
    println!("man page and completions written to {}", out.display());
}

/*!
`plugboard` on the command line: the same core, keychain, index and provider file as the window
(opened by `plugboard_core::setup`, as the window opens them), so a connection made in one is seen
by the other and a refresh in one is not repeated by the other (the core's refresh lock works
across processes). This crate links neither Tauri nor GTK/WebKit: it starts in a millisecond, works
over SSH and in scripts, and starts the window's own binary when asked for the window ([`mode`]).

Rooms: [`cmd`] (one file per subcommand: its arguments, its JSON document, its words), [`args`]
(the list of subcommands), [`help`] (the grammar's words in the person's language), [`output`]
(what several commands print alike), [`failure`] (words and exit codes), [`term`] (where output
goes, what is read), [`resolve`] (`<connection>` arguments: an id, a name, or a provider id —
its only connection or its default — the candidates said when it could be several).

Its words are in the person's language, as the window's are: the messages of `cli.ftl`
(`plugboard_core::i18n`), `--help` included ([`help`]); the language is chosen at start
([`speak`]), as the window chooses it.

Contract (documented in `docs/cli.md`): results on stdout, progress and errors on stderr in plain
words, `--json` documents with a `schema` number, and these exit codes:
0 ok · 1 other failure · 2 usage or bad input · 3 reconnect needed · 4 keychain locked or unavailable ·
5 provider or network temporarily failing · 6 not found. A failure says itself on stderr; one with
more to say to a script (the candidates of a `<connection>` that could be several) also writes a
document on stdout when `--json` was asked.
*/

pub mod args;
pub mod cmd;
pub mod failure;
pub mod help;
pub mod output;
pub mod resolve;
pub mod stop;
pub mod term;

use std::ffi::OsString;

use clap::FromArgMatches;
use plugboard_core::demo::{Demo, DemoError, HubspotPort};
use plugboard_core::i18n::{self, t};
use plugboard_core::service::Connections;
use plugboard_core::settings::Settings;
use plugboard_core::setup::{self, Paths};

use args::{Cli, Command};
use failure::{exit, Failure};
use term::Term;

/// What a launch is for.
#[derive(Debug, PartialEq, Eq)]
pub enum Mode {
    Window,
    Cli,
}

/// The window for no arguments, a deep link, or only `-`-flags (WebKitWebDriver and desktop
/// launchers add some); the command line for anything else (a typo gets a usage error, not a
/// window), including flags followed by a subcommand's name (`plugboard --json status`).
pub fn mode(args: &[OsString]) -> Mode {
    let Some(first) = args.get(1).and_then(|a| a.to_str()) else {
        return if args.len() > 1 {
            Mode::Cli
        } else {
            Mode::Window
        };
    };
    let link = first
        .to_ascii_lowercase()
        .starts_with(&format!("{}:", plugboard_core::deeplink::SCHEME));
    let help = matches!(first, "-h" | "--help" | "-V" | "--version");
    let names_a_command = args.iter().skip(1).any(|a| {
        a.to_str().is_some_and(|a| {
            <Cli as clap::CommandFactory>::command()
                .get_subcommands()
                .any(|c| c.get_name() == a)
        })
    });
    if link || (first.starts_with('-') && !help && !names_a_command) {
        Mode::Window
    } else {
        Mode::Cli
    }
}

/// Speaks the language the person chose in Settings (`PLUGBOARD_LOCALE` over it, the system's
/// when none was chosen), as the window does: before anything is written, `--help` included.
/// The settings file is only read here, never set aside (it is the window's to repair).
pub fn speak(settings: &Settings) {
    let chosen = match settings.forced_locale {
        Some(_) => String::new(),
        None => Paths::standard()
            .map(|paths| plugboard_core::preferences::chosen_language(&paths.config_dir))
            .unwrap_or_default(),
    };
    i18n::set_current(&settings.speak(&chosen));
}

/// Runs a command line and returns the process's exit code.
pub fn main(args: Vec<OsString>, settings: &Settings, term: &mut Term<'_>) -> i32 {
    let mut grammar = help::command(&i18n::current());
    let parsed = grammar
        .try_get_matches_from_mut(args)
        .and_then(|matches| Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut grammar)));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
            // Coloured as clap colours it, on a terminal only.
            let rendered = e.render();
            if e.use_stderr() {
                match term.err_styled {
                    true => term.say_styled(rendered.ansi().to_string().trim_end()),
                    false => term.say(rendered.to_string().trim_end()),
                }
            } else {
                let _ = match term.out_styled {
                    true => term.print_styled(&rendered.ansi().to_string()),
                    false => term.print(&rendered.to_string()),
                };
            }
            return code;
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            term.say(t("cli-could-not-start", &[("error", e.to_string().into())]));
            return exit::FAILURE;
        }
    };
    let wants_json = cli.command.wants_json();
    let result = runtime.block_on(async {
        let (service, _demo) = open(settings, term).await?;
        run(&service, cli.command, term).await
    });
    // Do not wait for blocking work still running (a stdin read for a pasted address that the
    // browser made unnecessary, a keychain call that timed out): the process is done.
    runtime.shutdown_background();
    // Files Plugboard found unreadable and set aside (at start or during the command).
    for problem in plugboard_core::files::take_notices() {
        term.say(t("cli-warning", &[("problem", problem.into())]));
    }
    match result {
        Ok(()) => exit::OK,
        Err(f) => {
            // A script that asked for JSON gets what the failure has to say as JSON too.
            if let (true, Some(doc)) = (wants_json, &f.document) {
                let _ = output::json(term, doc);
            }
            if !f.message.is_empty() {
                term.say(&f.message);
            }
            f.exit
        }
    }
}

/// Opens the service as the window does. In demo mode (`PLUGBOARD_DEMO=1`, builds with the `demo`
/// feature) a simulator of this process's own, keeping its tokens in the same file as the
/// window's, stands in for the providers: demo connections are shared with the window, open or
/// not. The demo is returned to be kept running for the command.
async fn open(
    settings: &Settings,
    term: &mut Term<'_>,
) -> Result<(Connections, Option<Demo>), Failure> {
    let paths = Paths::standard()?;
    let demo = if settings.demo {
        let started = plugboard_core::demo::start(&paths, HubspotPort::Registered).await;
        Some(started.map_err(demo_failure)?)
    } else {
        None
    };
    let opened = setup::open(&paths, settings, demo.as_ref().map(Demo::table));
    for problem in &opened.file_problems {
        term.say(t("cli-warning", &[("problem", problem.as_str().into())]));
    }
    let connections = opened
        .connections?
        .acting_as(plugboard_core::timeline::Actor::CommandLine);
    // Tokens an earlier command (or the window) could not save: into the keychain first.
    connections.save_held().await;
    // Keychain items labelled otherwise than Plugboard labels them now (an older version's):
    // relabelled, one listing when none is (no secret read, never a prompt).
    connections.relabel_items().await;
    Ok((connections, demo))
}

/// The command line's words for why demo mode did not start: a release build has no simulator
/// (a usage problem: the variable asks for what this binary cannot do), or it failed to start.
fn demo_failure(e: DemoError) -> Failure {
    match e {
        DemoError::NotBuilt => Failure::new(
            exit::USAGE,
            t(
                "cli-demo-not-built",
                &[
                    ("variable", "PLUGBOARD_DEMO".into()),
                    ("make", "make demo".into()),
                    ("binary", "target/debug/plugboard".into()),
                ],
            ),
        ),
        DemoError::Failed(error) => Failure::new(
            exit::FAILURE,
            t("cli-demo-no-simulator", &[("error", error.into())]),
        ),
    }
}

/// Runs one parsed command against an opened service.
pub async fn run(
    service: &Connections,
    command: Command,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    match command {
        Command::Providers(a) => cmd::providers::run(service, a.json, term),
        Command::Credentials(a) => cmd::credentials::run(service, a.action, term).await,
        Command::Status(a) => cmd::status::run(service, a.json, term).await,
        Command::Refresh(a) => cmd::refresh::run(service, &a.connection, a.json, term).await,
        Command::Disconnect(a) => match a.connection {
            Some(connection) if !a.all => {
                cmd::disconnect::run(service, &connection, a.json, term).await
            }
            _ => cmd::disconnect::run_all(service, a.yes, a.json, term).await,
        },
        Command::Token(a) => {
            let form = cmd::token::Form::of(&a);
            cmd::token::run(service, &a.connection, form, a.min_valid, term).await
        }
        Command::Connect(a) => cmd::connect::run(service, a, term).await,
        Command::Try(a) => cmd::trial::run(service, &a.connection, a.json, term).await,
        Command::Rename(a) => cmd::rename::run(service, &a.connection, &a.name, a.json, term).await,
        Command::Default(a) => cmd::default::run(service, a, term).await,
        Command::Doctor(a) => cmd::doctor::run(service, a.fix, a.json, term).await,
        Command::Audit(a) => cmd::audit::run(service, a.connection.as_deref(), a.json, term).await,
        Command::Grants(a) => cmd::grants::run(service, a.action, term).await,
        Command::Exec(a) => {
            let code = cmd::exec::run(service, a, term).await?;
            Err(Failure::exit_quietly(code))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn every_command_and_argument_says_what_it_is_for() {
        use clap::CommandFactory;
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            if cmd.get_about().is_none() {
                missing.push(path.to_string());
            }
            for a in cmd.get_arguments() {
                let id = a.get_id().as_str();
                if id != "help" && id != "version" && a.get_help().is_none() {
                    missing.push(format!("{path} <{id}>"));
                }
            }
            for sub in cmd.get_subcommands() {
                walk(sub, &format!("{path} {}", sub.get_name()), missing);
            }
        }
        let mut missing = Vec::new();
        walk(&crate::args::Cli::command(), "plugboard", &mut missing);
        assert!(missing.is_empty(), "no help text: {missing:?}");
    }

    #[test]
    fn the_window_opens_without_arguments_for_links_and_for_launcher_flags() {
        assert_eq!(mode(&args(&["plugboard"])), Mode::Window);
        assert_eq!(
            mode(&args(&[
                "plugboard",
                "dev.plugboard.desktop://oauth/callback?code=x"
            ])),
            Mode::Window
        );
        assert_eq!(mode(&args(&["plugboard", "--automation"])), Mode::Window);
        // Flags before a subcommand are the command line's (and a usage error), not a window.
        assert_eq!(mode(&args(&["plugboard", "--json", "status"])), Mode::Cli);
    }

    #[test]
    fn subcommands_help_and_typos_go_to_the_command_line() {
        for list in [
            &["plugboard", "status"][..],
            &["plugboard", "token", "hubspot"],
            &["plugboard", "--help"],
            &["plugboard", "-V"],
            &["plugboard", "sttaus"],
        ] {
            assert_eq!(mode(&args(list)), Mode::Cli, "{list:?}");
        }
    }

    #[test]
    fn usage_errors_exit_2_and_help_exits_0() {
        let run = |list: &[&str]| {
            let (mut out, mut err) = (Vec::new(), Vec::new());
            let mut term = Term::plain(&mut out, &mut err);
            let code = main(args(list), &Settings::default(), &mut term);
            (
                code,
                String::from_utf8(out).unwrap(),
                String::from_utf8(err).unwrap(),
            )
        };
        assert_eq!(run(&["plugboard", "token"]).0, exit::USAGE);
        let (code, out, err) = run(&["plugboard", "sttaus"]);
        assert_eq!(code, exit::USAGE);
        assert!(out.is_empty() && err.contains("status"), "{err}");
        assert_eq!(
            run(&["plugboard", "token", "x", "--header", "--curl"]).0,
            exit::USAGE
        );
        let (code, out, _) = run(&["plugboard", "--help"]);
        assert_eq!(code, exit::OK);
        assert!(
            !out.contains('\u{1b}'),
            "no colour codes outside a terminal"
        );
        assert!(out.contains("plugboard connect") || out.contains("Connect an account"));
    }

    #[test]
    fn every_message_the_command_line_says_is_in_every_language() {
        let sources = [
            include_str!("lib.rs"),
            include_str!("main.rs"),
            include_str!("output.rs"),
            include_str!("failure.rs"),
            include_str!("term.rs"),
            include_str!("resolve.rs"),
            include_str!("cmd/connect.rs"),
            include_str!("cmd/credentials.rs"),
            include_str!("cmd/default.rs"),
            include_str!("cmd/disconnect.rs"),
            include_str!("cmd/doctor.rs"),
            include_str!("cmd/providers.rs"),
            include_str!("cmd/refresh.rs"),
            include_str!("cmd/rename.rs"),
            include_str!("cmd/sign_in.rs"),
            include_str!("cmd/status.rs"),
            include_str!("cmd/token.rs"),
            include_str!("cmd/trial.rs"),
        ];
        // Every literal "cli-…" in the sources: a message id.
        let ids: std::collections::BTreeSet<&str> = sources
            .iter()
            .flat_map(|s| s.split("\"cli-").skip(1))
            .filter_map(|rest| Some(&rest[..rest.find('"')?]))
            .filter(|id| !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
            .collect();
        assert!(ids.len() > 80, "{ids:?}");
        for lang in ["en", "pt-BR", "es"] {
            let m = plugboard_core::i18n::Messages::for_locale(lang);
            let missing: Vec<String> = ids
                .iter()
                .map(|id| format!("cli-{id}"))
                .filter(|id| m.find(id, &[]).is_none())
                .collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        }
    }

    /// A build without the simulator (a release build) refuses demo mode in words. Builds with
    /// the `demo` feature run it instead (tests/e2e: demo connections shared with the window);
    /// `make test` runs this one in a build without the feature.
    #[test]
    #[cfg(not(feature = "demo"))]
    fn demo_mode_is_refused_with_words_that_say_why() {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut term = Term::plain(&mut out, &mut err);
        let settings = Settings::from_vars([("PLUGBOARD_DEMO".to_string(), "1".to_string())]);
        let code = main(args(&["plugboard", "status"]), &settings, &mut term);
        assert_eq!(code, exit::USAGE);
        assert!(String::from_utf8(err)
            .unwrap()
            .contains("Unset PLUGBOARD_DEMO"));
    }
}

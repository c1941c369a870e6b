/*!
`--help` in the person's language. clap's derive texts ([`crate::args`]) are the English source;
[`command`] builds the grammar (so clap's own `--help`, `--version` and `help` exist), then replaces
every text a person reads with its message from `cli.ftl`, whose id follows the path:
`help-root` (plugboard's own; `help-root-after` below its help, `help-root-<arg>` its arguments),
`help-token` (a command's), `help-token-json` (its argument `json`), `help-credentials-set`.
clap's own words have messages too: the headings (`help-heading-*`: Usage, Commands, Arguments,
Options), the built-in flags (`help-flag-*`) and the `help` command (`help-command-*`). What
stays clap's: its usage errors ("error: unrecognized subcommand …") and the `[OPTIONS]`,
`<COMMAND>` placeholders of a usage line.
*/

use plugboard_core::i18n::Messages;

use crate::args::Cli;

/// The grammar with its help in `messages`' language.
pub fn command(messages: &Messages) -> clap::Command {
    let mut cmd = <Cli as clap::CommandFactory>::command();
    // Built first, so clap's own help flag, version flag and `help` command are there to reword.
    cmd.build();
    localize(cmd, "help-root", "help", messages)
}

/// `cmd` with its texts from `m`: its own under `id`, its arguments' under `id-<arg>`, its
/// subcommands' under `children-<name>`. A text with no message stays as it is.
fn localize(mut cmd: clap::Command, id: &str, children: &str, m: &Messages) -> clap::Command {
    let text = |suffix: &str| m.find(&format!("{id}{suffix}"), &[]);
    cmd = headings(cmd, m);
    if cmd.get_about().is_some() {
        if let Some(about) = text("") {
            cmd = cmd.about(about);
        }
    }
    if cmd.get_long_about().is_some() {
        if let Some(about) = text("-long") {
            cmd = cmd.long_about(about);
        }
    }
    if cmd.get_after_help().is_some() {
        if let Some(after) = text("-after") {
            cmd = cmd.after_help(after);
        }
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    let options = m.get("help-heading-options", &[]);
    let arguments = m.get("help-heading-arguments", &[]);
    for arg in args {
        let arg_id = format!("{id}-{}", arg.replace('_', "-"));
        cmd = cmd.mut_arg(&arg, |mut a| {
            // clap's own flags: their words, and whether they point at the other form.
            let (short, long) = match (arg.as_str(), a.get_long_help().is_some()) {
                ("help", false) => (Some("help-flag-help"), None),
                ("help", true) => (Some("help-flag-help-more"), Some("help-flag-help-summary")),
                ("version", _) => (Some("help-flag-version"), None),
                _ => (None, None),
            };
            if let Some(short) = short {
                a = a.help(m.get(short, &[]));
                if let Some(long) = long {
                    a = a.long_help(m.get(long, &[]));
                }
            } else {
                if a.get_help().is_some() {
                    if let Some(help) = m.find(&arg_id, &[]) {
                        a = a.help(help);
                    }
                }
                if a.get_long_help().is_some() {
                    if let Some(help) = m.find(&format!("{arg_id}-long"), &[]) {
                        a = a.long_help(help);
                    }
                }
            }
            // clap's "[possible values: …]", in words of ours.
            let values = listed_values(&a);
            if !values.is_empty() && !a.is_hide_possible_values_set() {
                if let Some(help) = a.get_help().map(|h| h.to_string()) {
                    let listed = m.get(
                        "help-possible-values",
                        &[("values", values.join(", ").into())],
                    );
                    a = a
                        .hide_possible_values(true)
                        .help(format!("{help} {listed}"));
                }
            }
            let heading = if a.is_positional() {
                &arguments
            } else {
                &options
            };
            a.help_heading(heading.clone())
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        if name == "help" {
            cmd = cmd.mut_subcommand("help", |sub| clap_help(sub, children, m));
            continue;
        }
        let sub_id = format!("{children}-{name}");
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_id, &sub_id, m));
    }
    cmd
}

/// The copies of commands under a `help` command: each about as the command's own, by `prefix`.
fn help_tree(mut cmd: clap::Command, prefix: &str, m: &Messages) -> clap::Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let id = format!("{prefix}-{name}");
        cmd = cmd.mut_subcommand(&name, |sub| {
            let sub = match (name.as_str(), m.find(&id, &[])) {
                ("help", _) => sub.about(m.get("help-command-help", &[])),
                (_, Some(about)) => sub.about(about),
                (_, None) => sub,
            };
            help_tree(headings(sub, m), &id, m)
        });
    }
    cmd
}

/// The values clap lists after an argument's help ("[possible values: …]").
fn listed_values(a: &clap::Arg) -> Vec<String> {
    a.get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect()
}

/// clap's default help template with the usage heading in words of ours (unstyled), and the
/// commands' heading.
fn headings(cmd: clap::Command, m: &Messages) -> clap::Command {
    cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        m.get("help-heading-usage", &[])
    ))
    .subcommand_help_heading(m.get("help-heading-commands", &[]))
}

/// clap's own `help` command (`plugboard help token`), in words of ours. Where it lists the
/// commands beside it (`plugboard credentials help list`), theirs are `siblings-<name>`.
fn clap_help(mut cmd: clap::Command, siblings: &str, m: &Messages) -> clap::Command {
    cmd = headings(cmd, m).about(m.get("help-command-help", &[]));
    cmd = help_tree(cmd, siblings, m);
    if cmd.get_arguments().any(|a| a.get_id() == "subcommand") {
        let heading = m.get("help-heading-arguments", &[]);
        cmd = cmd.mut_arg("subcommand", |a| {
            a.help(m.get("help-command-subcommand", &[]))
                .help_heading(heading)
        });
    }
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::args::Command;
    use crate::cmd::token::TokenArgs;
    use clap::FromArgMatches;

    /// Every text of a command tree a person reads in `--help`, with where it is.
    fn help_texts(cmd: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        fn add(out: &mut Vec<(String, String)>, what: String, text: Option<String>) {
            if let Some(text) = text {
                out.push((what, text));
            }
        }
        let s = |t: Option<&clap::builder::StyledStr>| t.map(|t| t.to_string());
        add(out, format!("{path} about"), s(cmd.get_about()));
        add(out, format!("{path} long_about"), s(cmd.get_long_about()));
        add(out, format!("{path} after_help"), s(cmd.get_after_help()));
        add(
            out,
            format!("{path} after_long_help"),
            s(cmd.get_after_long_help()),
        );
        add(out, format!("{path} before_help"), s(cmd.get_before_help()));
        for a in cmd.get_arguments() {
            let id = a.get_id();
            // The possible values, as clap lists them after the help unless already in it.
            let values = listed_values(a);
            let help = match s(a.get_help()) {
                Some(h) if !values.is_empty() && !a.is_hide_possible_values_set() => {
                    Some(format!("{h} [possible values: {}]", values.join(", ")))
                }
                h => h,
            };
            add(out, format!("{path} <{id}> help"), help);
            add(
                out,
                format!("{path} <{id}> long_help"),
                s(a.get_long_help()),
            );
        }
        for sub in cmd.get_subcommands() {
            help_texts(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    fn help_of(messages: &Messages) -> Vec<(String, String)> {
        let mut out = Vec::new();
        help_texts(&command(messages), "plugboard", &mut out);
        out
    }

    #[test]
    fn help_in_english_is_the_grammars_own_text() {
        use clap::CommandFactory;
        // The derive's texts and clap's own (its flags and `help` command), as clap builds them.
        let mut grammar = Cli::command();
        grammar.build();
        let mut source = Vec::new();
        help_texts(&grammar, "plugboard", &mut source);
        let english = help_of(&Messages::english());
        assert!(english.len() > 40, "{english:?}");
        for ((what, want), (where_, got)) in source.iter().zip(&english) {
            assert_eq!(what, where_);
            assert_eq!(
                got, want,
                "{what}: the English message differs from the grammar's"
            );
        }
        assert_eq!(source.len(), english.len());
    }

    #[test]
    fn every_help_text_comes_from_the_catalogue() {
        // The pseudo-locale accents every letter but the vowels (and keeps <markup> as it is):
        // a plain ASCII word of three letters or more was not read from a catalogue.
        let pseudo = help_of(&Messages::for_locale(plugboard_core::i18n::PSEUDO));
        let english = help_of(&Messages::english());
        assert_eq!(pseudo.len(), english.len());
        for (what, text) in &pseudo {
            let mut outside_markup = String::new();
            let mut depth = 0;
            for c in text.chars() {
                match c {
                    '<' => depth += 1,
                    '>' if depth > 0 => depth -= 1,
                    c if depth == 0 => outside_markup.push(c),
                    _ => {}
                }
            }
            // Values (`authorization_code`) are data, as clap lists them.
            let plain: Vec<&str> = outside_markup
                .split_whitespace()
                .filter(|token| !token.contains('_'))
                .flat_map(|token| token.split(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
                .collect();
            assert!(
                plain.is_empty(),
                "{what} was not read from the catalogue: {plain:?} in {text:?}"
            );
        }
        // A real translation, not the English again.
        let about = |m: &Messages| {
            command(m)
                .find_subcommand("token")
                .and_then(|c| c.get_about())
                .map(|a| a.to_string())
        };
        // What a person reads, rendered: every command's help, short and long, headings and
        // clap's own flags included (usage lines' [OPTIONS] and <PLACEHOLDERS> are clap's).
        fn rendered(cmd: &mut clap::Command, out: &mut Vec<String>) {
            out.push(cmd.render_help().to_string());
            out.push(cmd.render_long_help().to_string());
            for sub in cmd.get_subcommands_mut() {
                rendered(sub, out);
            }
        }
        let mut pages = Vec::new();
        rendered(
            &mut command(&Messages::for_locale(plugboard_core::i18n::PSEUDO)),
            &mut pages,
        );
        let names: Vec<String> = {
            fn names(cmd: &clap::Command, out: &mut Vec<String>) {
                out.push(cmd.get_name().to_string());
                for a in cmd.get_arguments() {
                    out.extend(a.get_long().map(str::to_string));
                }
                for sub in cmd.get_subcommands() {
                    names(sub, out);
                }
            }
            let mut out = Vec::new();
            names(&command(&Messages::english()), &mut out);
            out
        };
        for page in &pages {
            for line in page.lines() {
                let words: Vec<&str> = line
                    .split_whitespace()
                    .filter(|w| !w.starts_with(['-', '<', '[']) && !w.ends_with([']', '>']))
                    .filter(|w| !w.contains('_'))
                    .map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
                    .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
                    .filter(|w| w.chars().any(|c| !"aeiouAEIOU".contains(c)))
                    .filter(|w| !names.iter().any(|n| n == w))
                    .collect();
                assert!(
                    words.is_empty(),
                    "not from a catalogue: {words:?} in {line:?}"
                );
            }
        }

        let pt = about(&Messages::for_locale("pt-BR"));
        assert!(pt.is_some());
        assert_ne!(pt, about(&Messages::english()));
        assert_eq!(
            pt.as_deref(),
            Some(
                Messages::for_locale("pt-BR")
                    .get("help-token", &[])
                    .as_str()
            )
        );
    }

    #[test]
    fn help_is_shown_in_the_current_language_and_parses_the_same() {
        // The localized grammar parses as the derive's does.
        let matches = command(&Messages::for_locale("es"))
            .try_get_matches_from(["plugboard", "token", "hubspot", "--header"])
            .unwrap();
        let cli = Cli::from_arg_matches(&matches).unwrap();
        assert!(matches!(
            cli.command,
            Command::Token(TokenArgs { header: true, ref connection, .. }) if connection == "hubspot"
        ));
        let help = command(&Messages::for_locale("es"))
            .render_help()
            .to_string();
        assert!(
            help.contains(&Messages::for_locale("es").get("help-root", &[])),
            "{help}"
        );
    }
}

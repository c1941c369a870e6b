//! The command line in the person's language: under the pseudo-locale every word it writes came
//! from a catalogue (cli.ftl, or the core's words it passes on); and a language chosen in
//! Settings is the one it speaks.

use crate::world::World;

/// The command line's commands, as `--help` lists them (names, not words).
const COMMANDS: &[&str] = &[
    "providers",
    "status",
    "connect",
    "refresh",
    "disconnect",
    "credentials",
    "doctor",
    "try",
    "rename",
    "default",
    "token",
    "exec",
    "audit",
    "grants",
    "list",
    "revoke",
    "help",
];

/// The plain English words left in `text` once `data` is taken out: a run of three ASCII letters
/// or more with a consonant in it (the pseudo-locale accents every consonant), outside URLs,
/// e-mail addresses, paths and file names (anything with a `/`), ids (`api_key`, `crm.objects.deals.read`), flags,
/// environment variables' names, commands and clap's `<PLACEHOLDERS>` and `[OPTIONS]`. Data
/// (names of providers and accounts) is taken out of each word first.
fn plain_words(text: &str, data: &[String]) -> Vec<String> {
    // Data out first, leaving a mark (not a space: a URL stays one word).
    let mut text = text.to_string();
    for d in data {
        text = text.replace(d.as_str(), "§");
    }
    let mut found = Vec::new();
    for token in text.split_whitespace() {
        let bare = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '<' && c != '-');
        let is_data = token.contains('/')
            || token.contains('@')
            || token.contains('_')
            || token.starts_with('[')
            || bare.contains('.')
            || bare.starts_with('/')
            || bare.starts_with('~')
            || bare.starts_with('-')
            || bare.starts_with('<')
            || COMMANDS.contains(&bare);
        if is_data {
            continue;
        }
        for run in token.split(|c: char| !c.is_ascii_alphabetic()) {
            if run.len() >= 3 && run.chars().any(|c| !"aeiouAEIOU".contains(c)) {
                found.push(format!("{run} (in {token:?})"));
            }
        }
    }
    found
}

impl World {
    /// `plugboard args…` under the pseudo-locale; its standard output and error together.
    async fn pseudo(&self, args: &[&str]) -> String {
        let mut cmd = self.command(args);
        cmd.env("PLUGBOARD_LOCALE", "qps-ploc");
        let out = self.run_cmd(cmd, "").await;
        format!("{}{}", out.stdout, out.stderr)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn every_word_the_command_line_writes_comes_from_a_catalogue() {
    let w = World::new("pseudo").await;
    let made = w.connect_whatconverts().await;
    let id = made["id"].as_str().expect("an id").to_string();
    // Data: what the person or a provider named, and ids.
    let status = w.json(&["status", "--json"]).await;
    let mut data: Vec<String> = [
        "Plugboard",
        "plugboard",
        "WhatConverts",
        "HubSpot",
        "Hotmart",
    ]
    .iter()
    .chain(&[
        "Ecwid",
        "Nimbus CRM",
        "Nimbus",
        "CRM",
        "Lightspeed",
        "qps-ploc",
        // What the test types: a name for a connection, and names nothing has.
        "Client A",
        "no-such-connection",
        "no-such-provider",
    ])
    .map(|s| s.to_string())
    .collect();
    for c in status["connections"].as_array().unwrap() {
        for key in ["id", "account", "provider", "provider_name"] {
            if let Some(v) = c[key].as_str() {
                data.push(v.to_string());
            }
        }
    }
    let providers = w.json(&["providers", "--json"]).await;
    for p in providers["providers"].as_array().unwrap() {
        for key in ["id", "name"] {
            if let Some(v) = p[key].as_str() {
                data.push(v.to_string());
            }
        }
        // Scopes' ids, required and optional, of every method.
        for m in p["methods"].as_array().into_iter().flatten() {
            for scope in m["scopes"].as_array().into_iter().flatten() {
                data.extend(scope.as_str().map(str::to_string));
            }
            for scope in m["optional_scopes"].as_array().into_iter().flatten() {
                data.extend(scope["id"].as_str().map(str::to_string));
            }
        }
    }
    data.sort_by_key(|d| std::cmp::Reverse(d.len()));

    for args in [
        vec!["--help"],
        vec!["token", "--help"],
        vec!["exec", "--help"],
        vec!["audit", "--help"],
        vec!["audit"],
        vec!["grants", "--help"],
        vec!["grants", "list"],
        vec!["providers"],
        vec!["status"],
        vec!["refresh", id.as_str()],
        vec!["rename", id.as_str(), "Client A"],
        vec!["default"],
        vec!["default", "Client A"],
        vec!["token", "no-such-connection"],
        vec!["credentials", "list"],
        vec!["doctor"],
        vec!["connect", "no-such-provider"],
    ] {
        let said = w.pseudo(&args).await;
        assert!(!said.trim().is_empty(), "plugboard {args:?} said nothing");
        let plain = plain_words(&said, &data);
        assert!(
            plain.is_empty(),
            "plugboard {args:?} wrote words no catalogue gave:\n{}\n---\n{said}",
            plain.join("\n")
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn the_language_chosen_in_settings_is_the_command_lines() {
    let w = World::new("chosen-language").await;
    std::fs::create_dir_all(w.dir.join("config/dev.plugboard.desktop")).unwrap();
    std::fs::write(
        w.dir.join("config/dev.plugboard.desktop/settings.toml"),
        "language = \"es\"\n",
    )
    .unwrap();
    let mut cmd = w.command(&["status"]);
    cmd.env_remove("PLUGBOARD_LOCALE")
        .env("LANG", "pt_BR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    let out = w.run_cmd(cmd, "").await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("conexiones"), "Spanish: {}", out.stdout);
    // PLUGBOARD_LOCALE still wins.
    let mut cmd = w.command(&["status"]);
    cmd.env("PLUGBOARD_LOCALE", "pt-BR");
    let out = w.run_cmd(cmd, "").await;
    assert!(out.stdout.contains("conexão"), "Portuguese: {}", out.stdout);
}

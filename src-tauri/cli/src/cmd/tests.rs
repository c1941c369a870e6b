//! Each subcommand in-process: a service over the simulator's providers and an in-memory
//! keychain, output captured from the injected terminal. (The real binary, the real keychain and
//! several processes at once are `tests/cli/`.)

use std::sync::Arc;

use plugboard_core::catalogue::{Catalogue, Origin};
use plugboard_core::service::Connections;
use plugboard_core::vault::{MemoryStore, Vault};
use plugboard_sim::Simulator;
use serde_json::Value;

use crate::cmd::connect::ConnectArgs;
use crate::failure::{exit, Failure};
use crate::term::Term;

struct World {
    _sim: Simulator,
    service: Connections,
    vault: Vault,
}

async fn world(name: &str) -> World {
    let sim = Simulator::start().await.unwrap();
    let catalogue =
        Catalogue::parse(&sim.providers_toml(53682), &Origin::File("sim.toml".into())).unwrap();
    let dir = std::env::temp_dir().join(format!("plugboard-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let vault = Vault::with_store(None, Arc::new(MemoryStore::default()));
    World {
        _sim: sim,
        service: Connections::new(catalogue, vault.clone(), &dir),
        vault,
    }
}

/// Runs `work` with a captured terminal: its outcome, stdout and stderr.
async fn captured<F>(work: F) -> (Result<(), Failure>, String, String)
where
    F: AsyncFnOnce(&mut Term<'_>) -> Result<(), Failure>,
{
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let result = {
        let mut term = Term::plain(&mut out, &mut err);
        work(&mut term).await
    };
    (
        result,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

fn key_args(json: bool) -> ConnectArgs {
    ConnectArgs {
        provider: "whatconverts".into(),
        method: None,
        no_browser: false,
        client_id: None,
        environment: None,
        fields: vec![
            format!("token={}", plugboard_sim::WHATCONVERTS_TOKEN),
            format!("secret={}", plugboard_sim::WHATCONVERTS_SECRET),
        ],
        scopes: vec![],
        replace: None,
        json,
    }
}

#[tokio::test]
async fn providers_prints_the_document_or_a_table() {
    let w = world("providers").await;
    let (r, out, _) = captured(async |t| super::providers::run(&w.service, true, t)).await;
    r.unwrap();
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["schema"], 1);
    let ids: Vec<&str> = doc["providers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let builtin = plugboard_core::catalogue::Catalogue::builtin().unwrap();
    let expected: Vec<&str> = builtin.providers().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, expected);
    let (r, out, _) = captured(async |t| super::providers::run(&w.service, false, t)).await;
    r.unwrap();
    assert!(out.starts_with("ID "), "{out}");
    assert!(out.contains("whatconverts"));
}

/// A provider file's name that would set the terminal's title, clear the screen and reverse
/// what follows.
const HOSTILE_NAME: &str = "Acme\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}emca";
const HOSTILE_SHOWN: &str = r"Acme\u{1b}]0;pwned\u{7}\u{1b}[2J\u{202e}emca";

/// Nothing in `text` a terminal would act on (line breaks and tabs apart).
fn inert(text: &str) -> bool {
    !text
        .chars()
        .any(|c| plugboard_core::safe_text::is_unsafe(c) && c != '\n' && c != '\t')
}

#[tokio::test]
async fn a_provider_files_name_is_printed_escaped_by_providers_and_credentials_list() {
    let mut w = world("hostile-name").await;
    let file = format!(
        "[[provider]]\nid = \"acme\"\nname = {}\n[[provider.method]]\nkind = \"authorization_code\"\nauthorize_url = \"https://acme.example/authorize\"\ntoken_url = \"https://acme.example/token\"\n",
        serde_json::to_string(HOSTILE_NAME).unwrap()
    );
    let catalogue = w
        .service
        .catalogue()
        .clone()
        .with_user_file(Catalogue::parse(&file, &Origin::File("acme.toml".into())).unwrap());
    let dir = std::env::temp_dir().join(format!("plugboard-cli-hostile-{}", std::process::id()));
    w.service = Connections::new(catalogue, w.vault.clone(), &dir);
    let s = &w.service;
    for json in [false, true] {
        let (r, out, err) = captured(async |t| super::providers::run(s, json, t)).await;
        r.unwrap();
        assert!(inert(&out) && inert(&err), "{out:?}");
        if json {
            let doc: Value = serde_json::from_str(&out).unwrap();
            assert_eq!(doc["providers"][4]["name"], HOSTILE_SHOWN);
        } else {
            assert!(out.contains(HOSTILE_SHOWN), "{out}");
        }
        let action = crate::cmd::credentials::CredentialsAction::List { json };
        let (r, out, _) = captured(async |t| super::credentials::run(s, action, t).await).await;
        r.unwrap();
        assert!(inert(&out), "{out:?}");
        assert!(
            out.contains(&HOSTILE_SHOWN.replace('\\', if json { "\\\\" } else { "\\" })),
            "{out}"
        );
    }
    // Whatever a command is given to print goes through the same door.
    let (_, out, err) = captured(async |t| {
        t.say("\u{1b}[2J\u{202e}");
        t.json(&serde_json::json!({ "name": HOSTILE_NAME }))
    })
    .await;
    assert_eq!(err, "\\u{1b}[2J\\u{202e}\n");
    assert!(inert(&out), "{out:?}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc["name"], HOSTILE_NAME,
        "a JSON reader gets the value as it is"
    );
}

#[tokio::test]
async fn a_key_connects_prints_its_token_refreshes_and_disconnects() {
    let w = world("key").await;
    let s = &w.service;
    let (r, out, err) = captured(async |t| super::connect::run(s, key_args(true), t).await).await;
    r.unwrap();
    assert!(err.contains("Checking the key with WhatConverts"), "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["status"], "connected");
    let id = doc["id"].as_str().unwrap().to_string();

    let (r, out, _) = captured(async |t| {
        super::token::run(s, "whatconverts", super::token::Form::Header, 60, t).await
    })
    .await;
    r.unwrap();
    assert!(out.starts_with("Authorization: Basic "), "{out}");

    let (r, out, _) = captured(async |t| super::status::run(s, false, t).await).await;
    r.unwrap();
    assert!(out.contains(&id) && out.contains("Connected"), "{out}");
    assert!(!out.contains(plugboard_sim::WHATCONVERTS_SECRET));

    let (r, out, _) = captured(async |t| super::refresh::run(s, &id, false, t).await).await;
    r.unwrap();
    assert!(out.starts_with("Refreshed WhatConverts"), "{out}");

    let (r, out, _) = captured(async |t| super::disconnect::run(s, &id, true, t).await).await;
    r.unwrap();
    assert_eq!(serde_json::from_str::<Value>(&out).unwrap()["id"], id);
    let (r, _, _) = captured(async |t| super::refresh::run(s, &id, false, t).await).await;
    assert_eq!(r.unwrap_err().exit, exit::NOT_FOUND);
}

#[tokio::test]
async fn bad_arguments_say_what_to_use_and_print_nothing() {
    let w = world("bad").await;
    let s = &w.service;
    let mut args = key_args(false);
    args.fields.push("color=blue".into());
    let (r, out, _) = captured(async |t| super::connect::run(s, args, t).await).await;
    let f = r.unwrap_err();
    assert_eq!(f.exit, exit::USAGE);
    assert!(f.message.contains("has no field “color”"), "{}", f.message);
    assert!(out.is_empty());

    let mut args = key_args(false);
    args.method = Some(crate::cmd::connect::MethodArg::ClientCredentials);
    let (r, _, _) = captured(async |t| super::connect::run(s, args, t).await).await;
    let f = r.unwrap_err();
    assert_eq!(f.exit, exit::USAGE);
    assert!(f.message.contains("it offers"), "{}", f.message);

    let (r, out, _) = captured(async |t| {
        super::token::run(s, "nothing-here", super::token::Form::Token, 60, t).await
    })
    .await;
    assert_eq!(r.unwrap_err().exit, exit::NOT_FOUND);
    assert!(out.is_empty());
}

#[tokio::test]
async fn doctor_lists_orphans_status_mentions_them_and_fix_tidies_them_up() {
    use plugboard_core::connection::ConnectionId;
    use plugboard_core::secret::SecretString;
    use plugboard_core::vault::{ItemLabel, VaultKey};
    let w = world("doctor").await;
    let (r, _, _) =
        captured(async |t| super::connect::run(&w.service, key_args(false), t).await).await;
    r.unwrap();
    let (r, out, _) =
        captured(async |t| super::doctor::run(&w.service, false, false, t).await).await;
    r.unwrap();
    assert!(out.contains("Orphans: none"), "{out}");

    // A keychain item no connection names (a connect cut off between its two writes).
    let stray = ConnectionId::parse("whatconverts-0badf00d").unwrap();
    let key = VaultKey::Connection(w.service.list().unwrap()[0].id.clone());
    let item = w.vault.get(&key).unwrap().unwrap();
    let label = ItemLabel::connection("WhatConverts", "", None);
    w.vault
        .put(&VaultKey::Connection(stray.clone()), &label, &item)
        .unwrap();
    let junk = ConnectionId::parse("hubspot-0000junk").unwrap();
    w.vault
        .put(
            &VaultKey::Connection(junk.clone()),
            &label,
            &SecretString::new("not ours"),
        )
        .unwrap();

    let (r, out, err) = captured(async |t| super::status::run(&w.service, false, t).await).await;
    r.unwrap();
    assert!(
        err.contains("2 keychain items belong to no connection"),
        "{err}"
    );
    assert!(err.contains("plugboard doctor"), "{err}");
    let (r, out_json, _) = captured(async |t| super::status::run(&w.service, true, t).await).await;
    r.unwrap();
    let doc: Value = serde_json::from_str(&out_json).unwrap();
    assert_eq!(doc["orphans"]["keychain_only"].as_array().unwrap().len(), 2);
    let _ = out;

    let (r, out, _) =
        captured(async |t| super::doctor::run(&w.service, false, false, t).await).await;
    r.unwrap();
    assert!(
        out.contains("Keychain item with no connection: whatconverts-0badf00d"),
        "{out}"
    );
    assert!(out.contains("plugboard doctor --fix"), "{out}");
    let (r, out, _) = captured(async |t| super::doctor::run(&w.service, true, true, t).await).await;
    r.unwrap();
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc["fixed"],
        serde_json::json!([
            {"action": "removed", "connection": "hubspot-0000junk"},
            {"action": "reindexed", "connection": "whatconverts-0badf00d"}
        ])
    );
    let list = w.service.list().unwrap();
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .any(|c| c.id == stray && c.account == "Recovered connection"));
    assert!(w.vault.get(&VaultKey::Connection(junk)).unwrap().is_none());

    // The other side: a connection whose item was deleted behind Plugboard's back.
    w.vault
        .delete(&VaultKey::Connection(stray.clone()))
        .unwrap();
    let (r, out, _) =
        captured(async |t| super::doctor::run(&w.service, true, false, t).await).await;
    r.unwrap();
    assert!(
        out.contains(&format!("Connection with no keychain item: {stray}")),
        "{out}"
    );
    assert!(out.contains(&format!("Forgot {stray}")), "{out}");
    assert_eq!(w.service.list().unwrap().len(), 1);
    let (r, out, _) =
        captured(async |t| super::doctor::run(&w.service, false, false, t).await).await;
    r.unwrap();
    assert!(out.contains("Orphans: none"), "{out}");

    // An unreadable connection list: doctor still reports, and says what to do — and fails,
    // since it could not look (never a success that reads as healthy).
    std::fs::write(w.service.data_dir().join("connections.json"), "garbage").unwrap();
    let (r, out, _) =
        captured(async |t| super::doctor::run(&w.service, true, false, t).await).await;
    assert!(r.is_err(), "it could not look");
    assert!(out.contains("Orphans: not checked"), "{out}");
    assert!(
        out.contains("couldn't read its list of connections"),
        "{out}"
    );
    assert!(out.contains("plugboard doctor --fix"), "{out}");
}

/// Hotmart connected in `environment` (production and sandbox are two connections).
async fn hotmart(w: &World, environment: &str) -> plugboard_core::service::ConnectionView {
    w.service
        .connect_client_credentials(
            &plugboard_core::catalogue::ProviderId::parse("hotmart").unwrap(),
            &plugboard_sim::client_id("hotmart"),
            plugboard_core::secret::ClientSecret::new(plugboard_sim::client_secret("hotmart")),
            Some(environment),
            None,
        )
        .await
        .unwrap()
}

/// `plugboard default [connection] [--clear provider] [--json]`: its outcome, stdout and stderr.
async fn run_default(
    s: &Connections,
    connection: Option<&str>,
    clear: Option<&str>,
    json: bool,
) -> (Result<(), Failure>, String, String) {
    let args = super::default::DefaultArgs {
        connection: connection.map(str::to_string),
        clear: clear.map(str::to_string),
        json,
    };
    captured(async |t| super::default::run(s, args, t).await).await
}

#[tokio::test]
async fn a_provider_with_several_connections_names_each_and_says_how_to_pick() {
    let w = world("several").await;
    let s = &w.service;
    let production = hotmart(&w, "production").await;
    let sandbox = hotmart(&w, "sandbox").await;
    // A name from outside, with a terminal escape: listed, made safe.
    s.rename(&sandbox.id, "Tests").await.unwrap();
    let token = |arg: &'static str| async move {
        captured(async |t| super::token::run(s, arg, super::token::Form::Token, 60, t).await).await
    };
    let (r, out, _) = token("hotmart").await;
    let f = r.unwrap_err();
    assert_eq!(f.exit, exit::USAGE);
    assert!(out.is_empty(), "no token: {out}");
    let lines: Vec<&str> = f.message.lines().collect();
    assert_eq!(
        lines[0],
        "Hotmart has 2 connections, so “hotmart” could mean any of them:"
    );
    assert_eq!(
        lines[1],
        format!("  {} ({})", production.id, production.account)
    );
    assert_eq!(
        lines[2],
        format!("  {} “Tests” ({})", sandbox.id, sandbox.account)
    );
    assert!(lines[3].contains("by its id or its name"), "{}", f.message);
    assert!(
        lines[3].ends_with(": plugboard default <connection>"),
        "{}",
        f.message
    );
    // The same for a script, as a document.
    let doc = f.document.expect("a document for --json");
    assert_eq!(doc["code"], "several_connections");
    assert_eq!(doc["provider"], "hotmart");
    assert_eq!(
        doc["candidates"],
        serde_json::json!([
            { "id": production.id.as_str(), "name": null, "account": production.account },
            { "id": sandbox.id.as_str(), "name": "Tests", "account": sandbox.account },
        ])
    );
    // Every command that takes a connection says the same.
    let refresh = captured(async |t| super::refresh::run(s, "hotmart", false, t).await);
    assert_eq!(refresh.await.0.unwrap_err().message, f.message);
    let disconnect = captured(async |t| super::disconnect::run(s, "hotmart", false, t).await);
    assert_eq!(disconnect.await.0.unwrap_err().exit, exit::USAGE);
    assert_eq!(s.list().unwrap().len(), 2, "nothing was disconnected");

    // No default yet: shown so, with how to set one.
    let (r, out, _) = run_default(s, None, None, false).await;
    r.unwrap();
    assert_eq!(
        out,
        "Hotmart: no default among its 2 connections. \
         Make one the default with: plugboard default <connection>\n"
    );
    // Made the default (by its name): the provider id alone picks it.
    let (r, out, _) = run_default(s, Some("tests"), None, false).await;
    r.unwrap();
    assert_eq!(
        out,
        format!(
            "{} “Tests” ({}) is now the Hotmart default: plugboard token hotmart uses it.\n",
            sandbox.id, sandbox.account
        )
    );
    let (r, out, _) =
        captured(async |t| super::token::run(s, "hotmart", super::token::Form::Json, 60, t).await)
            .await;
    r.unwrap();
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["id"], sandbox.id.as_str());
    let (r, out, _) = run_default(s, Some("hotmart"), None, true).await;
    r.unwrap();
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["connections"], 2);
    assert_eq!(doc["default"]["id"], sandbox.id.as_str());
    assert_eq!(doc["default"]["name"], "Tests");
    // `status` marks it, in the table and the document.
    let (r, out, _) = captured(async |t| super::status::run(s, false, t).await).await;
    r.unwrap();
    let row = |id: &str| out.lines().find(|l| l.contains(id)).unwrap().to_string();
    let marked = row(sandbox.id.as_str());
    assert!(marked.contains("Hotmart (default)"), "{out}");
    assert!(!row(production.id.as_str()).contains("(default)"), "{out}");
    let (r, out, _) = captured(async |t| super::status::run(s, true, t).await).await;
    r.unwrap();
    let doc: Value = serde_json::from_str(&out).unwrap();
    let marked: Vec<(&str, bool)> = doc["connections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["default"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        marked,
        [(production.id.as_str(), false), (sandbox.id.as_str(), true)]
    );

    // Cleared: the candidates again.
    let (r, out, _) = run_default(s, None, Some("hotmart"), false).await;
    r.unwrap();
    assert!(
        out.starts_with("Hotmart has no default now (it was "),
        "{out}"
    );
    assert_eq!(token("hotmart").await.0.unwrap_err().exit, exit::USAGE);

    // Disconnecting the default takes it away; the one left needs none.
    s.make_default(&sandbox.id).unwrap();
    let disconnect = captured(async |t| super::disconnect::run(s, "hotmart", false, t).await);
    let (r, out, _) = disconnect.await;
    r.unwrap();
    let said = format!(
        "Disconnected {} “Tests” ({}) from Hotmart.",
        sandbox.id, sandbox.account
    );
    assert!(out.starts_with(&said), "{out}");
    let (r, out, _) = run_default(s, None, None, false).await;
    r.unwrap();
    assert_eq!(
        out,
        format!(
            "Hotmart: {} ({}) (its only connection)\n",
            production.id, production.account
        )
    );
    let (r, _, _) = token("hotmart").await;
    r.unwrap();
}

#[tokio::test]
async fn disconnecting_everything_says_each_connection_by_its_name() {
    let w = world("all-named").await;
    let s = &w.service;
    let named = hotmart(&w, "production").await;
    s.rename(&named.id, "Client A — store").await.unwrap();
    let unnamed = hotmart(&w, "sandbox").await;
    let all = captured(async |t| super::disconnect::run_all(s, true, false, t).await);
    let (r, out, _) = all.await;
    r.unwrap();
    assert!(
        out.contains(&format!(
            "Disconnected {} “Client A — store” ({}) from Hotmart.",
            named.id, named.account
        )),
        "{out}"
    );
    let said = format!(
        "Disconnected {} ({}) from Hotmart.",
        unnamed.id, unnamed.account
    );
    assert!(out.contains(&said), "{out}");
}

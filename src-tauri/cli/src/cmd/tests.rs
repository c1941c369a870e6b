//! Each subcommand in-process: a service over the simulator's providers and an in-memory
//! keychain, output captured from the injected terminal. (The real binary, the real keychain and
//! several processes at once are `tests/cli/`.)

use std::sync::Arc;

use plugboard_core::catalogue::{Catalogue, Origin};
use plugboard_core::service::Connections;
use plugboard_core::vault::{MemoryStore, Vault};
use plugboard_sim::Simulator;
use serde_json::Value;

use crate::args::ConnectArgs;
use crate::failure::{exit, Failure};
use crate::term::Term;

struct World {
    _sim: Simulator,
    service: Connections,
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
        service: Connections::new(catalogue, vault, &dir),
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
    assert_eq!(ids, ["hotmart", "whatconverts", "ecwid", "hubspot"]);
    let (r, out, _) = captured(async |t| super::providers::run(&w.service, false, t)).await;
    r.unwrap();
    assert!(out.starts_with("ID "), "{out}");
    assert!(out.contains("whatconverts"));
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
        super::token::run(s, "whatconverts", super::token::Form::Header, t).await
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
    args.method = Some(crate::args::MethodArg::ClientCredentials);
    let (r, _, _) = captured(async |t| super::connect::run(s, args, t).await).await;
    let f = r.unwrap_err();
    assert_eq!(f.exit, exit::USAGE);
    assert!(f.message.contains("it offers"), "{}", f.message);

    let (r, out, _) = captured(async |t| {
        super::token::run(s, "nothing-here", super::token::Form::Token, t).await
    })
    .await;
    assert_eq!(r.unwrap_err().exit, exit::NOT_FOUND);
    assert!(out.is_empty());
}

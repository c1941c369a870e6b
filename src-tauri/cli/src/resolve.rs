//! `<connection>` arguments: a connection id, a connection's name (`plugboard rename`), or a
//! provider id — its only connection, or its default among several (`plugboard default`); the
//! core decides which ([`Connections::find`]), this file words what it found. With several and
//! no default, the failure (exit 2) lists each candidate — id, name, account — and says how to
//! pick; `--json` gets them as a document too ([`SeveralDoc`]). And [`call`], the prologue of the
//! commands that act on one connection (find it, ask the core, explain a failure), written once
//! so each says its failures the same way and exits with the same code.

use plugboard_core::i18n::t;
use plugboard_core::service::{ConnectionView, Connections, Found, ServiceError};
use serde::Serialize;

use crate::failure::{exit, fail, Failure};
use crate::output;

/// A connection by id, by its name, or by provider id when that provider has exactly one (or a
/// default).
pub fn connection(service: &Connections, arg: &str) -> Result<ConnectionView, Failure> {
    match service.find(arg).map_err(|e| fail(service, "", e))? {
        Found::One(c) => Ok(*c),
        Found::Nothing => Err(Failure::new(
            exit::NOT_FOUND,
            t("cli-no-such-connection", &[("name", arg.into())]),
        )),
        Found::NoneYet { provider } => Err(Failure::new(
            exit::NOT_FOUND,
            t(
                "cli-no-connection-yet",
                &[
                    ("provider", service.provider_name(&provider).into()),
                    ("command", format!("plugboard connect {provider}").into()),
                ],
            ),
        )),
        Found::Several {
            provider,
            candidates,
        } => Err(several(service, arg, &provider, &candidates)),
    }
}

/// What `--json` gets when a provider id could be several connections.
#[derive(Serialize)]
pub struct SeveralDoc<'a> {
    /// `several_connections`: decide on it, not on the message.
    pub code: &'static str,
    pub message: &'a str,
    pub provider: &'a str,
    pub candidates: Vec<Candidate<'a>>,
}

/// One connection `<connection>` could have meant.
#[derive(Serialize)]
pub struct Candidate<'a> {
    pub id: &'a str,
    pub name: Option<&'a str>,
    pub account: &'a str,
}

/// "WhatConverts has 2 connections, so “whatconverts” could be either:", each on its own line,
/// then how to pick (exit 2). The names and accounts are the views' (made safe to show).
fn several(
    service: &Connections,
    arg: &str,
    provider: &str,
    candidates: &[ConnectionView],
) -> Failure {
    let name = service.provider_name(provider);
    let mut lines = vec![t(
        "cli-several-connections",
        &[
            ("provider", name.as_str().into()),
            ("count", candidates.len().into()),
            ("given", arg.into()),
        ],
    )];
    for c in candidates {
        lines.push(format!("  {}", output::connection_words(c)));
    }
    lines.push(t(
        "cli-several-how-to-pick",
        &[
            ("provider", name.as_str().into()),
            ("given", arg.into()),
            ("command", "plugboard default <connection>".into()),
        ],
    ));
    let message = lines.join("\n");
    let doc = SeveralDoc {
        code: "several_connections",
        message: &message,
        provider,
        candidates: candidates
            .iter()
            .map(|c| Candidate {
                id: c.id.as_str(),
                name: c.name.as_deref(),
                account: &c.account,
            })
            .collect(),
    };
    let failure = Failure::new(exit::USAGE, message.clone());
    failure.with_document(&doc)
}

/// Finds the connection `arg` names ([`connection`]), then makes the core `call` with it. A
/// failure of either is said in the person's words, naming the connection's provider ([`fail`]),
/// with its documented exit code. Returns the connection as it was found and what `call` returned.
pub async fn call<T>(
    service: &Connections,
    arg: &str,
    call: impl AsyncFnOnce(&ConnectionView) -> Result<T, ServiceError>,
) -> Result<(ConnectionView, T), Failure> {
    let c = connection(service, arg)?;
    match call(&c).await {
        Ok(done) => Ok((c, done)),
        Err(e) => Err(fail(service, &c.provider, e)),
    }
}

//! `plugboard audit [connection] [--json]`: the record of tokens handed out — when, which
//! connection, through which door, to which program, allowed or refused — and never a token
//! ([`plugboard_core::audit`]). For support ("which script took the HubSpot token at 3 am?") and
//! for a developer checking what their tools do. A connection since disconnected is still found by
//! its id. Its arguments, its JSON document (`docs/cli.md`, "audit") and its table live here.

use std::collections::HashMap;

use plugboard_core::audit::{Outcome, Use};
use plugboard_core::connection::ConnectionId;
use plugboard_core::i18n::t;
use plugboard_core::lifetime;
use plugboard_core::program::Program;
use plugboard_core::safe_text::escape;
use plugboard_core::service::Connections;
use serde::Serialize;

use crate::failure::{fail, Failure};
use crate::output::{self, table};
use crate::resolve;
use crate::term::Term;

/// How many uses of every connection `plugboard audit` lists (a connection's: all it keeps).
const EVERY_CONNECTION: usize = 200;

// `plugboard audit`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct AuditArgs {
    /// The connection whose record to show (as in every command, or the id of one since
    /// disconnected); every connection's when not given.
    pub connection: Option<String>,
    /// Print the stable JSON document instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(
    service: &Connections,
    connection: Option<&str>,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let views = service.list().map_err(|e| fail(service, "", e))?;
    let (uses, of) = match connection {
        None => (service.audit().recent(EVERY_CONNECTION), None),
        Some(arg) => {
            // A connection since disconnected: its id still names its record.
            let gone = ConnectionId::parse(arg)
                .filter(|id| !views.iter().any(|v| &v.id == id))
                .filter(|id| !service.audit().of(id).is_empty());
            let id = match gone {
                Some(id) => id,
                None => resolve::connection(service, arg)?.id,
            };
            (service.audit().of(&id), Some(id))
        }
    };
    let named: HashMap<&ConnectionId, (String, String)> = views
        .iter()
        .map(|v| {
            (
                &v.id,
                (service.provider_name(&v.provider), v.account.clone()),
            )
        })
        .collect();
    let doc = AuditDoc {
        uses: uses
            .iter()
            .map(|u| {
                let (provider, account) = named.get(&u.connection).cloned().unzip();
                UseJson::of(u, provider, account)
            })
            .collect(),
    };
    if as_json {
        return output::json(term, &doc);
    }
    if doc.uses.is_empty() {
        let words = match of {
            Some(_) => t("cli-audit-none-of", &[]),
            None => t("cli-audit-none", &[]),
        };
        return term.print(&format!("{words}\n"));
    }
    term.print(&audit_text(&doc))
}

/// `plugboard audit --json`: the uses, newest first.
#[derive(Serialize)]
pub struct AuditDoc {
    pub uses: Vec<UseJson>,
}

/// One token handed out (or refused), as `--json` gives it.
#[derive(Serialize)]
pub struct UseJson {
    /// RFC 3339 UTC.
    pub at: String,
    #[serde(skip)]
    at_unix: i64,
    pub connection: String,
    /// The provider's name and the account, while the connection exists.
    pub provider: Option<String>,
    pub account: Option<String>,
    /// `copy`, `reveal`, `token`, `exec`, `proxy`, `dbus`.
    pub door: plugboard_core::audit::Door,
    /// `access`, `header`, `curl`, `json`, `refresh`; absent for a refusal.
    pub form: Option<String>,
    pub program: Program,
    /// `allowed` or `denied`.
    pub outcome: Outcome,
    /// Why it was refused: `denied`, `no_answer`, `throttled`.
    pub reason: Option<String>,
}

impl UseJson {
    fn of(u: &Use, provider: Option<String>, account: Option<String>) -> Self {
        Self {
            at: lifetime::rfc3339(u.at),
            at_unix: u.at,
            connection: u.connection.to_string(),
            provider,
            account: account.map(|a| escape(&a).into_owned()),
            door: u.door,
            form: u.form.clone(),
            program: u.program.clone(),
            outcome: u.outcome,
            reason: u.reason.clone(),
        }
    }
}

fn audit_text(doc: &AuditDoc) -> String {
    let mut rows = vec![[
        t("cli-column-when", &[]),
        t("cli-column-connection", &[]),
        t("cli-column-door", &[]),
        t("cli-column-program", &[]),
        t("cli-column-result", &[]),
    ]];
    for u in &doc.uses {
        let connection = match (&u.provider, &u.account) {
            (Some(p), Some(a)) => format!("{p} · {a}"),
            _ => u.connection.clone(),
        };
        let result = match (u.outcome, u.reason.as_deref()) {
            (Outcome::Allowed, _) => t(
                "cli-audit-allowed",
                &[("form", u.form.clone().unwrap_or_default().into())],
            ),
            (Outcome::Denied, reason) => t(
                "cli-audit-denied",
                &[("reason", reason.unwrap_or("").into())],
            ),
        };
        rows.push([
            lifetime::local_rfc3339(u.at_unix),
            connection,
            t(u.door.message_id(), &[]),
            u.program.describe(),
            result,
        ]);
    }
    table(&rows)
}

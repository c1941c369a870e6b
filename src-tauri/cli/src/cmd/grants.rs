//! `plugboard grants list [--json]` and `plugboard grants revoke <program> [<connection>]`: the
//! programs allowed to take a connection's token through the D-Bus token service without asking
//! (Always allow, kept; Allow until Plugboard quits lives only in the window's process and is not
//! listed here), as Settings › Programs with access shows them ([`plugboard_core::grants`]).
//! A program is named by its path, its script's path, or its name (`sync.py`).

use plugboard_core::grants::Grant;
use plugboard_core::i18n::t;
use plugboard_core::lifetime;
use plugboard_core::service::Connections;
use serde::Serialize;

use crate::failure::{exit, Failure};
use crate::output::{self, table};
use crate::resolve;
use crate::term::Term;

#[derive(clap::Args, Debug)]
pub struct GrantsArgs {
    #[command(subcommand)]
    pub action: GrantsAction,
}

#[derive(clap::Subcommand, Debug)]
pub enum GrantsAction {
    /// Every program allowed to take a connection's token without asking
    List {
        /// Print the stable JSON document instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Take a program's permission away: it is asked again next time
    Revoke {
        /// The program: its path, its script's path, or its name (as `grants list` shows it)
        program: String,
        /// Only for this connection (every connection when not given)
        connection: Option<String>,
    },
}

/// `grants list --json`.
#[derive(Serialize)]
pub struct GrantsDoc {
    pub grants: Vec<GrantJson>,
}

#[derive(Serialize)]
pub struct GrantJson {
    pub program: plugboard_core::program::Program,
    pub connection: String,
    pub provider: Option<String>,
    pub account: Option<String>,
    /// RFC 3339 UTC.
    pub since: String,
    pub last_used: Option<String>,
}

pub async fn run(
    service: &Connections,
    action: GrantsAction,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    match action {
        GrantsAction::List { json } => list(service, json, term),
        GrantsAction::Revoke {
            program,
            connection,
        } => revoke(service, &program, connection.as_deref(), term),
    }
}

fn list(service: &Connections, as_json: bool, term: &mut Term<'_>) -> Result<(), Failure> {
    let kept: Vec<Grant> = service
        .grants()
        .list()
        .into_iter()
        .filter(|g| g.always)
        .collect();
    let views = service.list().unwrap_or_default();
    let doc = GrantsDoc {
        grants: kept
            .iter()
            .map(|g| {
                let view = views.iter().find(|v| v.id == g.connection);
                GrantJson {
                    program: g.program.clone(),
                    connection: g.connection.to_string(),
                    provider: view.map(|v| service.provider_name(&v.provider)),
                    account: view
                        .map(|v| plugboard_core::safe_text::escape(&v.account).into_owned()),
                    since: lifetime::rfc3339(g.since),
                    last_used: g.last_used.map(lifetime::rfc3339),
                }
            })
            .collect(),
    };
    if as_json {
        return output::json(term, &doc);
    }
    if doc.grants.is_empty() {
        return term.print(&format!("{}\n", t("cli-grants-none", &[])));
    }
    let mut rows = vec![[
        t("cli-column-program", &[]),
        t("cli-column-connection", &[]),
        t("cli-column-since", &[]),
        t("cli-column-last-used", &[]),
    ]];
    for (g, j) in kept.iter().zip(&doc.grants) {
        let connection = match (&j.provider, &j.account) {
            (Some(p), Some(a)) => format!("{p} · {a}"),
            _ => j.connection.clone(),
        };
        rows.push([
            g.program.describe(),
            connection,
            lifetime::local_rfc3339(g.since),
            g.last_used.map(lifetime::local_rfc3339).unwrap_or_default(),
        ]);
    }
    term.print(&table(&rows))
}

fn revoke(
    service: &Connections,
    program: &str,
    connection: Option<&str>,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let connection = match connection {
        Some(c) => Some(resolve::connection(service, c)?.id),
        None => None,
    };
    let matching: Vec<Grant> = service
        .grants()
        .list()
        .into_iter()
        .filter(|g| g.always)
        .filter(|g| {
            g.program.path == program
                || g.program.script.as_deref() == Some(program)
                || g.program.name == program
        })
        .collect();
    let safe = plugboard_core::safe_text::escape(program).into_owned();
    let Some(first) = matching.first() else {
        return Err(Failure::new(
            exit::NOT_FOUND,
            t("cli-grants-no-such-program", &[("program", safe.into())]),
        ));
    };
    let removed = service
        .grants()
        .revoke(&first.program, connection.as_ref())
        .map_err(|e| {
            Failure::new(
                exit::FAILURE,
                t("cli-grants-not-saved", &[("error", e.to_string().into())]),
            )
        })?;
    term.print(&format!(
        "{}\n",
        t(
            "cli-grants-revoked",
            &[
                ("program", first.program.describe().into()),
                ("count", removed.into())
            ],
        )
    ))
}

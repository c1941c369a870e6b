//! `plugboard try <connection> [--json]`: one harmless call to the connection's identity or check
//! endpoint, as it is (no refresh first): the HTTP status, the time it took and the start of the
//! answer, every secret masked. A provider with no identity call (HubSpot) is asked through its
//! token introspection instead, and the output says so. Exits 0 when the provider accepted it, 1
//! when it refused. Its arguments, its JSON document (`docs/cli.md`, "try") and its words live here.

use plugboard_core::i18n::t;
use plugboard_core::service::{CallKind, Connections};
use serde::Serialize;

use crate::failure::{exit, Failure};
use crate::resolve;
use crate::term::Term;

// `plugboard try`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct TryArgs {
    /// The connection: its id (see `plugboard status`), its name, or a provider id when that
    /// provider has one connection.
    pub connection: String,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct TryDoc<'a> {
    id: &'a str,
    #[serde(flatten)]
    report: &'a plugboard_core::service::TryReport,
}

pub async fn run(
    service: &Connections,
    connection: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let (c, report) =
        resolve::call(service, connection, async |c| service.try_call(&c.id).await).await?;
    if as_json {
        crate::output::json(
            term,
            &TryDoc {
                id: c.id.as_str(),
                report: &report,
            },
        )?;
    } else {
        let name = service.provider_name(&c.provider);
        let mut out = format!("{}\n", report.request);
        if let Some(sent) = &report.sent {
            out.push_str(&t("cli-try-sent", &[("body", sent.as_str().into())]));
            out.push('\n');
        }
        if report.call == CallKind::Introspection {
            out.push_str(&t(
                "cli-try-introspection",
                &[("provider", name.as_str().into())],
            ));
            out.push('\n');
        }
        out.push_str(&t(
            "cli-try-answer",
            &[
                ("status", report.status.to_string().into()),
                ("reason", report.status_text.as_str().into()),
                ("millis", report.millis.to_string().into()),
            ],
        ));
        out.push('\n');
        match report.active {
            Some(true) => out.push_str(&t("cli-try-active", &[("provider", name.as_str().into())])),
            Some(false) => out.push_str(&t(
                "cli-try-inactive",
                &[("provider", name.as_str().into())],
            )),
            None => {}
        }
        if report.active.is_some() {
            out.push('\n');
        }
        out.push_str(&report.excerpt);
        out.push('\n');
        term.print(&out)?;
    }
    if report.accepted {
        Ok(())
    } else {
        let name = service.provider_name(&c.provider);
        let id = if report.active == Some(false) {
            "cli-try-refused-inactive"
        } else {
            "cli-try-refused"
        };
        Err(Failure::new(
            exit::FAILURE,
            t(
                id,
                &[
                    ("provider", name.into()),
                    ("status", report.status.to_string().into()),
                    ("command", format!("plugboard refresh {}", c.id).into()),
                ],
            ),
        ))
    }
}

//! `plugboard try <connection> [--json]`: one harmless call to the connection's identity or check
//! endpoint, as it is (no refresh first): the HTTP status, the time it took and the start of the
//! answer, every secret masked. Exits 0 when the provider accepted it, 1 when it refused.

use plugboard_core::i18n::t;
use plugboard_core::service::Connections;
use serde::Serialize;

use crate::failure::{exit, fail, Failure};
use crate::resolve;
use crate::term::Term;

#[derive(Serialize)]
struct TryDoc<'a> {
    schema: u32,
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
    let c = resolve::connection(service, connection)?;
    let report = service
        .try_call(&c.id)
        .await
        .map_err(|e| fail(service, &c.provider, e))?;
    if as_json {
        term.json(&TryDoc {
            schema: crate::output::SCHEMA,
            id: c.id.as_str(),
            report: &report,
        })?;
    } else {
        let answer = t(
            "cli-try-answer",
            &[
                ("status", report.status.to_string().into()),
                ("reason", report.status_text.as_str().into()),
                ("millis", report.millis.to_string().into()),
            ],
        );
        term.print(&format!(
            "{}\n{answer}\n{}\n",
            report.request, report.excerpt
        ))?;
    }
    if report.accepted {
        Ok(())
    } else {
        let name = service.provider_name(&c.provider);
        Err(Failure::new(
            exit::FAILURE,
            t(
                "cli-try-refused",
                &[
                    ("provider", name.into()),
                    ("status", report.status.to_string().into()),
                    ("command", format!("plugboard refresh {}", c.id).into()),
                ],
            ),
        ))
    }
}

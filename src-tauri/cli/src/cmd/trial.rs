//! `plugboard try <connection> [--json]`: one harmless call to the connection's identity or check
//! endpoint, as it is (no refresh first): the HTTP status, the time it took and the start of the
//! answer, every secret masked. Exits 0 when the provider accepted it, 1 when it refused.

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
        term.print(&format!(
            "{}\nHTTP {} {} in {} ms\n{}\n",
            report.request, report.status, report.status_text, report.millis, report.excerpt
        ))?;
    }
    if report.accepted {
        Ok(())
    } else {
        let name = service.provider_name(&c.provider);
        Err(Failure::new(
            exit::FAILURE,
            format!(
                "{name} refused this connection (HTTP {}). If it keeps refusing, refresh it (plugboard refresh {}) or connect again.",
                report.status, c.id
            ),
        ))
    }
}

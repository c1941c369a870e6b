//! `plugboard disconnect <connection> [--json]`: revoke where the provider can, forget locally.

use plugboard_core::service::Connections;

use crate::failure::{fail, Failure};
use crate::output;
use crate::resolve;
use crate::term::Term;

pub async fn run(
    service: &Connections,
    connection: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let c = resolve::connection(service, connection)?;
    let (provider, report) = service
        .disconnect(&c.id)
        .await
        .map_err(|e| fail(service, &c.provider, e))?;
    let doc = output::DisconnectDoc {
        schema: output::SCHEMA,
        id: c.id.to_string(),
        provider: provider.clone(),
        report,
    };
    if as_json {
        term.json(&doc)
    } else {
        term.print(&output::disconnect_text(
            &service.provider_name(&provider),
            &doc,
        ))
    }
}

//! `plugboard refresh <connection> [--json]`: refresh now (shared with any refresh already under
//! way in this or another Plugboard process).

use plugboard_core::service::Connections;

use super::connection_out;
use crate::failure::{fail, Failure};
use crate::output::Done;
use crate::resolve;
use crate::term::Term;

pub async fn run(
    service: &Connections,
    connection: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let c = resolve::connection(service, connection)?;
    let view = service
        .refresh(&c.id)
        .await
        .map_err(|e| fail(service, &c.provider, e))?;
    connection_out(service, &view, Done::Refreshed, as_json, term)
}

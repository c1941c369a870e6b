//! `plugboard rename <connection> <name> [--json]`: what the person calls a connection, shown
//! everywhere it is and usable as `<connection>` from then on (an empty name removes it).

use plugboard_core::service::Connections;

use super::connection_out;
use crate::failure::{fail, Failure};
use crate::resolve;
use crate::term::Term;

pub fn run(
    service: &Connections,
    connection: &str,
    name: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let c = resolve::connection(service, connection)?;
    let view = service
        .rename(&c.id, name)
        .map_err(|e| fail(service, &c.provider, e))?;
    if as_json {
        return connection_out(service, &view, "", true, term);
    }
    let provider = service.provider_name(&view.provider);
    term.print(&match &view.name {
        Some(name) => format!(
            "{provider} ({}) is now called “{name}”. Use the name wherever a connection is asked for, e.g. plugboard token \"{name}\"\n",
            view.account
        ),
        None => format!("{provider} ({}) has no name now.\n", view.account),
    })
}

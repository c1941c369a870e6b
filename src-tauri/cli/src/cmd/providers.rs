//! `plugboard providers [--json]`: the providers Plugboard knows.

use plugboard_core::service::Connections;

use crate::failure::Failure;
use crate::output;
use crate::term::Term;

pub fn run(service: &Connections, as_json: bool, term: &mut Term<'_>) -> Result<(), Failure> {
    let doc = output::providers(service);
    if as_json {
        term.json(&doc)
    } else {
        term.print(&output::providers_text(&doc))
    }
}

//! `plugboard refresh <connection> [--json]`: refresh now (shared with any refresh already under
//! way in this or another Plugboard process). Its arguments live here; what it prints is one
//! connection ([`super::connection_out`]).

use plugboard_core::service::Connections;

use super::connection_out;
use crate::failure::Failure;
use crate::output::Done;
use crate::resolve;
use crate::term::Term;

// `plugboard refresh`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct RefreshArgs {
    /// The connection: its id (see `plugboard status`), its name, or a provider id when that
    /// provider has one connection.
    pub connection: String,
    /// Print the refreshed connection as JSON.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(
    service: &Connections,
    connection: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let (_, view) =
        resolve::call(service, connection, async |c| service.refresh(&c.id).await).await?;
    connection_out(service, &view, Done::Refreshed, as_json, term)
}

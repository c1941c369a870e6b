//! `plugboard rename <connection> <name> [--json]`: what the person calls a connection, shown
//! everywhere it is and usable as `<connection>` from then on (an empty name removes it). Its
//! arguments and its words live here; its JSON document is one connection
//! ([`crate::output::ConnectionJson`]).

use plugboard_core::service::Connections;

use plugboard_core::i18n::t;

use crate::failure::Failure;
use crate::output;
use crate::resolve;
use crate::term::Term;

// `plugboard rename`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct RenameArgs {
    /// The connection: its id (see `plugboard status`), its current name, or a provider id
    /// when that provider has one connection.
    pub connection: String,
    /// The new name (at most 60 characters, unique); "" removes the name.
    pub name: String,
    /// Print the renamed connection as JSON.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(
    service: &Connections,
    connection: &str,
    name: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let (_, view) = resolve::call(service, connection, async |c| {
        service.rename(&c.id, name).await
    })
    .await?;
    if as_json {
        return output::json(term, &output::connection(service, &view));
    }
    let provider = service.provider_name(&view.provider);
    let words = match &view.name {
        Some(name) => t(
            "cli-renamed",
            &[
                ("provider", provider.as_str().into()),
                ("account", view.account.as_str().into()),
                ("name", name.as_str().into()),
                ("command", format!("plugboard token \"{name}\"").into()),
            ],
        ),
        None => t(
            "cli-rename-removed",
            &[
                ("provider", provider.as_str().into()),
                ("account", view.account.as_str().into()),
            ],
        ),
    };
    term.print(&format!("{words}\n"))
}

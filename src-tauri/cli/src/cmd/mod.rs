//! One subcommand, one file, a room: its clap arguments (`<Name>Args`, listed in
//! [`crate::args::Command`]), its `--json` document (a typed struct written by
//! [`crate::output::json`]) and its words, so a command is read and changed in one place. Each
//! takes the opened service, its arguments and the terminal, and returns a
//! [`crate::failure::Failure`] in the person's words when it cannot do its work. What several
//! commands share is elsewhere: one connection's shape and line ([`crate::output`], and
//! [`connection_out`] here), finding a `<connection>` and calling the core with it
//! ([`crate::resolve::call`]), failures and exit codes ([`crate::failure`]).

pub mod audit;
pub mod connect;
pub mod credentials;
pub mod default;
pub mod disconnect;
pub mod doctor;
pub mod exec;
pub mod grants;
pub mod providers;
pub mod refresh;
pub mod rename;
pub mod sign_in;
pub mod status;
pub mod token;
pub mod trial;

use plugboard_core::service::{ConnectionView, Connections};

use crate::failure::Failure;
use crate::output;
use crate::term::Term;

/// One connection as the result of `connect` or `refresh`: a line, or its JSON document.
pub fn connection_out(
    service: &Connections,
    view: &ConnectionView,
    done: output::Done,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let connection = output::connection(service, view);
    if as_json {
        output::json(term, &connection)
    } else {
        term.print(&output::connection_line(done, &connection))
    }
}

#[cfg(test)]
mod tests;

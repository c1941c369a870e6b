//! The commands the page may call, by area. Each is one call into the core (or the state); errors
//! cross the boundary as `plugboard_core::error::UserError` (`{code, message}`), never as
//! internals. `lib.rs` registers them by their full path (`commands::app::list_providers`).

pub mod app;
pub mod connect;
pub mod connections;
pub mod developer;

use serde::Serialize;

/// What a copy command tells the person.
#[derive(Serialize)]
pub struct Copied {
    message: String,
}

//! The commands the page may call, by area. Each is one call into the core (or the state); errors
//! cross the boundary as `plugboard_core::error::UserError` (`{code, message}`), never as
//! internals. `lib.rs` registers them by their full path (`commands::app::list_providers`).

pub mod app;
pub mod connect;
pub mod connections;
pub mod developer;
pub mod settings;

use plugboard_core::catalogue::ProviderId;
use plugboard_core::connection::ConnectionId;
use plugboard_core::error::UserError;
use plugboard_core::service::ServiceError;
use serde::Serialize;

/// A connection id from the page, parsed once here: one that cannot be an id names no connection.
fn connection_id(id: &str) -> Result<ConnectionId, UserError> {
    ConnectionId::parse(id).ok_or_else(|| no_such_connection(id))
}

/// A provider id from the page, parsed once here.
fn provider_id(id: &str) -> Result<ProviderId, UserError> {
    ProviderId::parse(id).ok_or_else(|| ServiceError::UnknownProvider(id.to_string()).to_user(""))
}

/// "That connection no longer exists.", in the core's words.
fn no_such_connection(id: &str) -> UserError {
    ServiceError::UnknownConnection(id.to_string()).to_user("")
}

/// What a copy command tells the person.
#[derive(Serialize)]
pub struct Copied {
    pub(crate) message: String,
}

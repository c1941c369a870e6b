/*!
A connection's name: what a person calls it ("Client A — store"), shown wherever the connection is
(card, tray, notifications, diagnostics, `plugboard status`) and usable to pick it on the command
line. Names are trimmed, one line (no control or bidirectional characters: see
[`crate::safe_text`]), at most [`NAME_MAX`] characters, and unique without regard to
case (a name that picked two connections would pick neither). The keychain item's label says the
name too (see [`super::labels`]). A name cannot be a provider's id
or name, or look like a connection id: `plugboard token hubspot` must never mean another
provider's account.
*/

use super::error::NameProblem;
use super::model::ConnectionView;
use super::{Connections, ServiceError};
use crate::connection::ConnectionId;

/// The longest name a connection can have, in characters.
pub const NAME_MAX: usize = 60;

impl Connections {
    /// Names connection `id` `name` (blank: takes its name away), and relabels its keychain item
    /// to say so ([`super::labels`]; its secret is not read).
    pub async fn rename(
        &self,
        id: &ConnectionId,
        name: &str,
    ) -> Result<ConnectionView, ServiceError> {
        let name = name.trim();
        let name = if name.is_empty() {
            None
        } else {
            if name.chars().count() > NAME_MAX {
                return Err(ServiceError::BadName(NameProblem::TooLong));
            }
            // Line breaks, terminal escapes, and bidirectional controls that would show the
            // name (and what follows it) reordered.
            if name.chars().any(crate::safe_text::is_unsafe) {
                return Err(ServiceError::BadName(NameProblem::ControlCharacters));
            }
            let lower = name.to_lowercase();
            let provider_like = self
                .catalogue
                .providers()
                .iter()
                .any(|p| p.id.as_str() == lower || p.name.to_lowercase() == lower);
            if ConnectionId::parse(name).is_some() || provider_like {
                return Err(ServiceError::BadName(NameProblem::LooksLikeAnId));
            }
            Some(name.to_string())
        };
        match self.index.rename(id, name.clone())? {
            crate::index::Renamed::Done => {}
            crate::index::Renamed::NoSuchConnection => {
                return Err(ServiceError::UnknownConnection(id.to_string()).concerning(id))
            }
            crate::index::Renamed::Taken(other) => {
                return Err(ServiceError::BadName(NameProblem::Taken(other)))
            }
        }
        log::info!(
            "{id} {}",
            if name.is_some() {
                "renamed"
            } else {
                "name removed"
            }
        );
        self.relabel_connection(id).await;
        self.get(id)?
            .ok_or_else(|| ServiceError::UnknownConnection(id.to_string()))
    }

    /// The connection named `name` (without regard to case), if one is.
    pub fn named(&self, name: &str) -> Result<Option<ConnectionView>, ServiceError> {
        let name = name.trim().to_lowercase();
        Ok(self
            .list()?
            .into_iter()
            .find(|c| c.name.as_deref().is_some_and(|n| n.to_lowercase() == name)))
    }
}

/*!
Picking a connection by what a person types, and each provider's default connection — written
once for every front end. What is typed is a connection's id, its name ([`super::names`]), or a
provider id: a provider with one connection means that one; with several, its default (set with
[`Connections::make_default`]: `plugboard default`, the window's "Make default"); with several and
no default, the answer lists them ([`Found::Several`]) so the front end can say how to pick.

The default is stored in the index ([`crate::index::Index::set_default`]), under its lock: a
connection removed (disconnected, forgotten by `doctor --fix`) stops being its provider's
default in the same write. A provider left with one connection needs no default: that one is
picked anyway.
*/

use serde::Serialize;

use super::model::ConnectionView;
use super::{Connections, ServiceError};
use crate::connection::ConnectionId;

/// How a connection stands to its provider's default, as every front end shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DefaultRole {
    /// Its provider's only connection: nothing to choose, nothing to show.
    Only,
    /// The default of its provider, which has several (a "Default" marker).
    Default,
    /// One of several, not the default ("Make default" is offered).
    NotDefault,
}

/// What a typed `<connection>` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    One(Box<ConnectionView>),
    /// No connection has that id or name, and no provider that id.
    Nothing,
    /// A provider (its id) with no connection yet.
    NoneYet {
        provider: String,
    },
    /// A provider (its id) with several connections and no default: each of them, as listed.
    Several {
        provider: String,
        candidates: Vec<ConnectionView>,
    },
}

/// One provider's default, as [`Connections::defaults`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderDefault {
    /// The provider's id.
    pub provider: String,
    /// How many connections it has.
    pub connections: usize,
    /// What its id alone picks: its only connection, or its default among several; `None` when
    /// it has several and no default (it would ask which).
    pub picked: Option<ConnectionView>,
}

impl Connections {
    /// The connection `typed` names: an id, a name (without regard to case), or a provider id
    /// (its only connection, or its default).
    pub fn find(&self, typed: &str) -> Result<Found, ServiceError> {
        if let Some(id) = ConnectionId::parse(typed) {
            if let Some(c) = self.get(&id)? {
                return Ok(Found::One(Box::new(c)));
            }
        }
        if let Some(c) = self.named(typed)? {
            return Ok(Found::One(Box::new(c)));
        }
        if self.catalogue.get(typed).is_none() {
            return Ok(Found::Nothing);
        }
        let mut of_provider: Vec<ConnectionView> = self
            .list()?
            .into_iter()
            .filter(|c| c.provider == typed)
            .collect();
        Ok(match of_provider.len() {
            0 => Found::NoneYet {
                provider: typed.to_string(),
            },
            1 => Found::One(Box::new(of_provider.remove(0))),
            _ => match of_provider
                .iter()
                .position(|c| c.default_role == DefaultRole::Default)
            {
                Some(i) => Found::One(Box::new(of_provider.remove(i))),
                None => Found::Several {
                    provider: typed.to_string(),
                    candidates: of_provider,
                },
            },
        })
    }

    /// Makes connection `id` its provider's default; answers its view.
    pub fn make_default(&self, id: &ConnectionId) -> Result<ConnectionView, ServiceError> {
        let unknown = || ServiceError::UnknownConnection(id.to_string()).concerning(id);
        let provider = self.index.set_default(id)?.ok_or_else(unknown)?;
        log::info!("{id} is the default {provider} connection");
        self.get(id)?.ok_or_else(unknown)
    }

    /// Takes `provider`'s default away; answers the connection that was it, if one was.
    pub fn clear_default(&self, provider: &str) -> Result<Option<ConnectionView>, ServiceError> {
        self.provider(provider)?;
        let Some(was) = self.index.clear_default(provider)? else {
            return Ok(None);
        };
        log::info!("{provider} has no default connection now (it was {was})");
        self.get(&was)
    }

    /// Each provider that has a connection, in the catalogue's order: how many, and what its id
    /// alone picks.
    pub fn defaults(&self) -> Result<Vec<ProviderDefault>, ServiceError> {
        let all = self.list()?;
        Ok(self
            .catalogue
            .providers()
            .iter()
            .filter_map(|p| {
                let of: Vec<&ConnectionView> =
                    all.iter().filter(|c| c.provider == p.id.as_str()).collect();
                (!of.is_empty()).then(|| ProviderDefault {
                    provider: p.id.to_string(),
                    connections: of.len(),
                    picked: of
                        .iter()
                        .find(|c| c.default_role != DefaultRole::NotDefault)
                        .map(|c| (*c).clone()),
                })
            })
            .collect())
    }
}

/*!
Each connection's status, computed once for every front end: its health (stored record, runtime
state and keychain together), live countdown and the view a card or `plugboard status` shows.
*/

use std::collections::{BTreeMap, HashMap};

use super::model::{CardStatus, ConnectionView, LiveBoard, LiveStatus};
use super::{Connections, DefaultRole, ServiceError};
use crate::connection::ConnectionId;
use crate::error::UserError;
use crate::index::{ConnectionRecord, LastError};
use crate::lifetime::{self, Health};

impl Connections {
    /// The live status of one stored connection at `now`.
    pub(super) fn live_status(&self, record: &ConnectionRecord, now: i64) -> LiveStatus {
        let expiry = record.expiry_at(now);
        let inputs = self
            .runtime
            .inputs(record.id.as_str(), record.reconnect_needed);
        let health = match lifetime::health(inputs, expiry, now) {
            // A failure this process did not see (another window or command had it) is known
            // from the stored flag, until a refresh succeeds.
            Health::Connected | Health::ExpiringSoon if record.temporary_problem => {
                Health::TemporaryProblem
            }
            health => health,
        };
        let seconds_left = expiry.seconds_left(now);
        LiveStatus {
            id: record.id.clone(),
            health,
            label: health.label(),
            expiry,
            countdown: lifetime::countdown(expiry, now),
            seconds_left,
            milestone: lifetime::milestone(expiry, now),
            // This process's own retry; in a process that does not schedule, the one the window
            // planned (while still ahead).
            retry_at: inputs
                .retry_at
                .or(record
                    .retry_at
                    .filter(|at| *at > now && !self.runtime.schedules()))
                .filter(|_| health == Health::TemporaryProblem),
            refresh_before_copy: seconds_left.is_some_and(|l| l < lifetime::REFRESH_BEFORE_COPY),
        }
    }

    /// Every connection as the tray and notifications see it: names, health, and what (if
    /// anything) it needs a person for (see [`crate::attention`]).
    pub fn attention(&self) -> Result<Vec<crate::attention::Subject>, ServiceError> {
        Ok(self.subjects(&self.index.load()?, self.now()))
    }

    /// [`Self::attention`]'s subjects of records already read.
    fn subjects(&self, records: &[ConnectionRecord], now: i64) -> Vec<crate::attention::Subject> {
        records
            .iter()
            .filter(|r| self.catalogue.get(&r.provider).is_some())
            .map(|r| {
                let live = self.live_status(r, now);
                let troubled_since = self.runtime.live_of(r.id.as_str()).troubled_since;
                let need = crate::attention::need(
                    crate::attention::NeedInputs {
                        health: live.health,
                        expiry: live.expiry,
                        refresh_due: lifetime::refresh_due_at(r.obtained_at, live.expiry)
                            .is_some_and(|due| now >= due),
                        no_refresh_token: r.no_refresh_token,
                        troubled_since,
                    },
                    now,
                );
                crate::attention::Subject {
                    id: r.id.clone(),
                    provider: self.provider_name(&r.provider),
                    // Shown in the tray and notifications: made safe there (`safe_text`).
                    account: shown(&self.account_label(r)),
                    name: r.name.as_deref().map(shown),
                    health: live.health,
                    expiry: live.expiry,
                    troubled_since,
                    need,
                    cause: r.last_error.as_ref().and_then(|e| e.cause),
                }
            })
            .collect()
    }

    /// The name of the provider connection `id` belongs to, for a message about it ("the
    /// provider" when the connection is gone or unreadable).
    pub fn provider_name_of(&self, id: &ConnectionId) -> String {
        self.get(id)
            .ok()
            .flatten()
            .map(|c| self.provider_name(&c.provider))
            .unwrap_or_else(|| crate::i18n::t("error-some-provider", &[]))
    }

    /// The person's words for `e`, naming the provider it concerns (found from the error itself:
    /// the connection an operation was on, or the provider it names), with the window's next step.
    pub fn explain(&self, e: &ServiceError) -> UserError {
        let name = match e.subject() {
            (Some(id), _) => self.provider_name_of(id),
            (None, Some(provider)) => self.provider_name(provider),
            (None, None) => crate::i18n::t("error-some-provider", &[]),
        };
        e.to_user(&name)
    }

    /// Counts the versions of the connection index seen so far (see [`crate::index::Index::version`]):
    /// the window's scheduler compares it each second to learn of connections changed elsewhere.
    pub fn index_version(&self) -> u64 {
        self.index.version()
    }

    /// Every connection's live status now.
    pub fn live_all(&self) -> Result<Vec<LiveStatus>, ServiceError> {
        self.live_board().map(|board| board.connections)
    }

    /// Every connection's live status now, and each card's (the page's tick).
    pub fn live_board(&self) -> Result<LiveBoard, ServiceError> {
        self.live_board_of(None)
    }

    /// As [`Self::live_board`], with the statuses of `only` these connections (the rows a page
    /// has drawn): its cards, `next_change` and `total` still cover every connection.
    pub fn live_board_of(&self, only: Option<&[ConnectionId]>) -> Result<LiveBoard, ServiceError> {
        let now = self.now();
        let records = self.index.load()?;
        let connections: Vec<LiveStatus> =
            records.iter().map(|r| self.live_status(r, now)).collect();
        // Providers in the order their connections are listed; each card the worst of its own.
        let mut providers: Vec<&str> = Vec::new();
        for r in &records {
            if !providers.contains(&r.provider.as_str()) {
                providers.push(&r.provider);
            }
        }
        let cards = providers
            .into_iter()
            .filter_map(|provider| {
                let of_provider = records
                    .iter()
                    .zip(&connections)
                    .filter(|(r, _)| r.provider == provider)
                    .map(|(_, live)| live.health);
                Health::worst(of_provider).map(|health| CardStatus {
                    provider: provider.to_string(),
                    health,
                    label: health.label(),
                })
            })
            .collect();
        let next_change = records
            .iter()
            .filter_map(|r| lifetime::next_change(r.expiry_at(now), now))
            .min();
        // As many as the cards list: a connection of a provider gone from the catalogue is not
        // on any card.
        let total = records
            .iter()
            .filter(|r| self.catalogue.get(&r.provider).is_some())
            .count();
        let connections = match only {
            Some(ids) => connections
                .into_iter()
                .filter(|live| ids.contains(&live.id))
                .collect(),
            None => connections,
        };
        Ok(LiveBoard {
            connections,
            cards,
            next_change,
            total,
            keychain: self.keychain_state(),
            needs_you: self.needs_you(&records, now),
        })
    }

    /// The tray's headline while any connection needs the person (see [`NeedsYou`]).
    fn needs_you(&self, records: &[ConnectionRecord], now: i64) -> Option<super::model::NeedsYou> {
        let subjects = self.subjects(records, now);
        let summary = crate::attention::tray_summary(&crate::i18n::current(), &subjects, now);
        let mut needing: Vec<&crate::attention::Subject> = subjects
            .iter()
            .filter(|s| crate::attention::needs_person(s))
            .collect();
        if needing.is_empty() {
            return None;
        }
        needing.sort_by_key(|s| std::cmp::Reverse(s.health.urgency()));
        Some(super::model::NeedsYou {
            headline: summary.headline,
            connections: needing.into_iter().map(|s| s.id.clone()).collect(),
        })
    }

    /// `r`'s account label in the language spoken now (see [`super::account`]).
    pub(super) fn account_label(&self, r: &ConnectionRecord) -> String {
        super::account::label_of(self.catalogue.get(&r.provider), r, &crate::i18n::current())
    }

    /// Whether `r`'s account label names its environment: client credentials' label does; an
    /// older record's, when it has its words in any language.
    fn environment_named(&self, r: &ConnectionRecord) -> bool {
        let (Some(env), Some(provider)) = (&r.environment, self.catalogue.get(&r.provider)) else {
            return false;
        };
        if let Some(parts) = &r.account_parts {
            return matches!(parts, crate::index::AccountParts::Client { .. });
        }
        let named = |p: &crate::catalogue::Provider| {
            p.environments
                .iter()
                .any(|e| &e.id == env && r.account.contains(e.label.as_str()))
        };
        named(provider)
            || crate::i18n::every_language()
                .any(|m| named(&crate::catalogue::in_language_of(provider, &m)))
    }

    /// What every front end shows of `r`. Its texts from outside (the account label the provider's
    /// answer made, the name, the last error's words) are made safe to show ([`safe_text`]): the
    /// index keeps them as they came. Its [`DefaultRole`] is read from the index (as
    /// [`DefaultRole::Only`] if that fails: the record in hand was just read or written, and a
    /// marker matters less than the view).
    ///
    /// [`safe_text`]: crate::safe_text
    pub(super) fn view(&self, r: ConnectionRecord) -> ConnectionView {
        let role = match self.index.load_with_defaults() {
            Ok((records, defaults)) => {
                let others = records
                    .iter()
                    .filter(|o| o.provider == r.provider && o.id != r.id)
                    .count();
                role(&r, others + 1, &defaults)
            }
            Err(_) => DefaultRole::Only,
        };
        self.view_as(r, role)
    }

    /// As [`Self::view`], its [`DefaultRole`] known.
    fn view_as(&self, r: ConnectionRecord, default_role: DefaultRole) -> ConnectionView {
        let live = self.live_status(&r, self.now());
        let environment_named = self.environment_named(&r);
        let account = shown(&self.account_label(&r));
        let scopes_missing = r
            .requested_scopes
            .iter()
            .filter(|s| !r.scopes.contains(s))
            .cloned()
            .collect();
        ConnectionView {
            id: r.id,
            provider: r.provider,
            method: r.method,
            account,
            name: r.name.as_deref().map(shown),
            scopes: r.scopes,
            scopes_missing,
            requested_scopes: r.requested_scopes,
            environment_named,
            environment: r.environment,
            obtained_at: r.obtained_at,
            connected_at: r.connected_at.unwrap_or(r.obtained_at),
            refreshed_at: r.refreshed_at,
            expires_at: r.expires_at,
            last_error: r.last_error.map(|e| LastError {
                message: crate::safe_text::escape_keeping_lines(&e.message).into_owned(),
                ..e
            }),
            temporary_problem: r.temporary_problem,
            default_role,
            live,
        }
    }

    pub fn list(&self) -> Result<Vec<ConnectionView>, ServiceError> {
        let (records, defaults) = self.index.load_with_defaults()?;
        let mut counts: HashMap<String, usize> = HashMap::new();
        for r in &records {
            *counts.entry(r.provider.clone()).or_default() += 1;
        }
        Ok(records
            .into_iter()
            .map(|r| {
                let role = role(&r, counts[&r.provider], &defaults);
                self.view_as(r, role)
            })
            .collect())
    }

    /// One connection's view, if it exists.
    pub fn get(&self, id: &ConnectionId) -> Result<Option<ConnectionView>, ServiceError> {
        Ok(self.index.get(id)?.map(|r| self.view(r)))
    }
}

/// `r`'s standing among the `of_provider` connections of its provider (itself included).
fn role(
    r: &ConnectionRecord,
    of_provider: usize,
    defaults: &BTreeMap<String, ConnectionId>,
) -> DefaultRole {
    if of_provider <= 1 {
        DefaultRole::Only
    } else if defaults.get(&r.provider) == Some(&r.id) {
        DefaultRole::Default
    } else {
        DefaultRole::NotDefault
    }
}

/// An outside text as it is shown: see [`crate::safe_text`].
fn shown(text: &str) -> String {
    crate::safe_text::escape(text).into_owned()
}

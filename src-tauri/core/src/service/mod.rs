/*!
The connection service: the one place each use case is written — connect, sign in, refresh,
check, copy, diagnose, disconnect — over the catalogue, the flows, the vault and the index. The
window and the command line are hosts that call it and word its outcomes.

Its rooms, bottom up (each `impl Connections` block lives in the room that owns the use case):
- [`runtime`]: what this process knows and does not store — refreshing, failures and retries, the
  keychain as last seen, the scheduler's last tick, in-process flights.
- [`model`]: what the service hands out (connection views, live status, token material, reports).
- [`error`]: the service's error and the person's words for it.
- [`store`]: a connection's record and secret, saved keychain first then index (undone if the
  index fails), loaded together, failures written back.
- [`status`]: each connection's health and live status, computed once for every front end.
- [`account`]: a connection's account label, kept as data and written in the language of the
  moment it is shown.
- [`names`]: what a person calls a connection, unique, and picking one by it.
- [`defaults`]: picking a connection by what is typed (id, name, provider id), and each
  provider's default connection, the one a bare provider id picks among several.
- [`labels`]: what the keychain items are called in a keyring app, set at each write and brought
  up to date at start (no secret read).
- [`credentials`]: the app credentials of OAuth providers (environment, Settings, keychain).
- [`connect`]: API keys and client credentials, verified before anything is stored.
- [`sign_in`]: browser sign-ins (authorization code + PKCE): begin, complete, cancel.
- [`session`]: a sign-in as the front ends drive it: start (bind where the browser returns), wait
  (the callback or a pasted address), then complete or cancel — written once for window and CLI.
- [`refresh`]: single-flight refreshes, in process and across processes.
- [`checks`]: the keychain, due refreshes, identity checks at start and after a sleep.
- [`plan`]: when the scheduler must look again (the next due moment), so an idle app sleeps.
- [`developer`]: the token forms a developer copies (token, header, curl line), and handing
  them out: the one way a token leaves Plugboard, recorded ([`crate::audit`]).
- [`trial`]: Try it: one harmless call to the identity or check endpoint, secrets masked.
- [`programs`]: tokens for programs (the D-Bus token service), with the person's consent.
- [`diagnostics`]: a support report with no secret in it.
- [`disconnect`]: revoke where possible, then forget locally.

Storage order keeps nothing half-written: the secret goes to the keychain first, then the index
entry; if the index cannot be written the keychain item is removed again, so a connection either
exists in both or in neither.
*/

mod account;
pub mod checks;
mod connect;
mod credentials;
mod defaults;
mod developer;
mod diagnostics;
mod disconnect;
mod error;
mod held;
mod labels;
mod model;
mod names;
mod orphans;
pub mod plan;
mod programs;
mod refresh;
mod runtime;
mod session;
mod sign_in;
mod status;
mod store;
mod trial;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::audit::Audit;
use crate::catalogue::{Catalogue, MethodKind, Provider};
use crate::connection::ConnectionId;
use crate::error::UserError;
use crate::flow::PendingFlows;
use crate::grants::Grants;
use crate::index::Index;
use crate::lifetime::{self, Clock};
use crate::settings::Settings;
use crate::timeline::{Event, EventKind, Timeline};
use crate::vault::Vault;

pub use crate::lifetime::unix_now;
pub use credentials::{CredentialOrigin, CredentialSource, CredentialsView};
pub use defaults::{DefaultRole, Found, ProviderDefault};
pub use developer::{CallKind, CURL_SECRET_VARIABLE};
pub use disconnect::{Disconnected, ForgetReport};
pub use error::{ErrorKind, NameProblem, NextStep, ServiceError};
pub use held::HeldIn;
pub use labels::LABELS_FILE;
pub use model::{
    CardStatus, ConnectionView, DisconnectReport, LiveBoard, LiveStatus, NeedsYou, StartedSignIn,
    TokenMaterial,
};
pub use names::NAME_MAX;
pub use orphans::{Fixed, Orphans, ITEMS_FILE};
pub use programs::{Answer, ProgramToken, Refusal};
pub use runtime::AUTOMATIC_REFRESHES_AT_ONCE;
pub use session::{query_of_address, ReturnTo, SignIn};
pub use trial::TryReport;

use runtime::Runtime;

fn no_method(provider: &str, method: MethodKind) -> ServiceError {
    ServiceError::NoSuchMethod {
        provider: provider.to_string(),
        method,
    }
}

/// `value` trimmed, or the "please fill in" error naming the field.
fn required<'a>(value: &'a str, label: &str) -> Result<&'a str, ServiceError> {
    match value.trim() {
        "" => Err(ServiceError::EmptyField(label.to_string())),
        v => Ok(v),
    }
}

pub struct Connections {
    catalogue: Catalogue,
    vault: Vault,
    index: Index,
    http: reqwest::Client,
    pending: PendingFlows,
    pub credentials: CredentialSource,
    /// Client ids saved from Settings (their secrets are in the keychain).
    saved_ids: PathBuf,
    /// The data folder: refresh lock files live under it (see [`crate::flight`]).
    data_dir: PathBuf,
    clock: Arc<dyn Clock>,
    timeline: Timeline,
    /// Every token handed out ([`crate::audit`]).
    audit: Audit,
    /// Which programs may take which connection's token ([`crate::grants`]).
    grants: Grants,
    runtime: Runtime,
    /// Tokens the keychain would not take yet ([`held`]).
    held: held::Held,
    /// What the environment said at start-up (app credentials, how long to wait for a refresh
    /// held by another process).
    settings: Settings,
    /// The front end it acts for, named in the timeline.
    actor: Option<crate::timeline::Actor>,
}

impl Connections {
    pub fn new(catalogue: Catalogue, vault: Vault, data_dir: &Path) -> Self {
        Self {
            catalogue,
            vault,
            index: Index::in_dir(data_dir),
            http: crate::http::client(),
            pending: PendingFlows::default(),
            credentials: CredentialSource::default(),
            saved_ids: data_dir.join("app-credentials.json"),
            data_dir: data_dir.to_path_buf(),
            clock: Arc::new(lifetime::SystemClock),
            timeline: Timeline::in_dir(data_dir),
            audit: Audit::in_dir(data_dir),
            grants: Grants::in_dir(data_dir),
            runtime: Runtime::default(),
            held: held::Held::for_data_dir(data_dir),
            settings: Settings::default(),
            actor: None,
        }
    }

    /// Uses what the environment said at start-up (see [`crate::settings`]).
    pub fn with_settings(mut self, settings: &Settings) -> Self {
        self.settings = settings.clone();
        self
    }

    /// The folder of the index, timeline and locks.
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Keeps tokens the keychain refused in `dir` instead of the login's runtime folder (`None`:
    /// in memory only). Tests use a folder of their own.
    pub fn with_held_dir(mut self, dir: Option<std::path::PathBuf>) -> Self {
        self.held = held::Held::in_dir(dir);
        self
    }

    /// Names the front end this service acts for, in the timeline ([`crate::timeline::Actor`]).
    pub fn acting_as(mut self, actor: crate::timeline::Actor) -> Self {
        self.actor = Some(actor);
        self
    }

    /// Replaces the HTTP client (tests of a slow provider use a short time limit).
    pub fn with_http(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// Replaces the clock (tests use a [`lifetime::FakeClock`]).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    fn now(&self) -> i64 {
        self.clock.now()
    }

    /// Sets Plugboard's own unreadable files aside now (the timeline, the saved client ids), so
    /// the person hears about it at start-up rather than at the next write
    /// ([`crate::files::take_notices`]).
    pub fn check_files(&self) {
        self.timeline.check();
        self.audit.check();
        self.saved_client_ids();
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The record of tokens handed out ([`crate::audit`]).
    pub fn audit(&self) -> &Audit {
        &self.audit
    }

    /// The programs allowed to take tokens ([`crate::grants`]).
    pub fn grants(&self) -> &Grants {
        &self.grants
    }

    fn record_event(&self, id: &ConnectionId, kind: EventKind, error: Option<&UserError>) {
        self.timeline.record(Event {
            at: self.now(),
            connection: id.clone(),
            kind,
            code: error.map(|e| e.code.as_str()),
            message: error.map(|e| e.message.clone()),
            by: self.actor,
        });
    }

    pub fn catalogue(&self) -> &Catalogue {
        &self.catalogue
    }

    pub fn provider(&self, id: &str) -> Result<&Provider, ServiceError> {
        self.catalogue
            .get(id)
            .ok_or_else(|| ServiceError::UnknownProvider(id.to_string()))
    }

    /// The provider's display name, or the id when unknown (for error messages), made safe to
    /// show ([`crate::safe_text`]: both may come from outside, a file or a command line).
    pub fn provider_name(&self, id: &str) -> String {
        let name = self.catalogue.get(id).map_or(id, |p| p.name.as_str());
        crate::safe_text::escape(name).into_owned()
    }
}

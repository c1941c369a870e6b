/*!
Connecting and disconnecting accounts: the orchestration over the catalogue, the flows, the vault
and the index that the window (and later the CLI) call.

Storage order keeps nothing half-written: the secret goes to the keychain first, then the index
entry; if the index cannot be written the keychain item is removed again, so a connection either
exists in both or in neither. Disconnect revokes where the provider can (a failed revoke still
removes the local copy, and says so), then deletes the keychain item and the index entry; a second
Disconnect of the same connection is not an error.
*/

use std::collections::HashMap;
use std::path::Path;
use std::sync::RwLock;

use serde::Serialize;
use serde_json::Value;

use crate::catalogue::{Catalogue, MethodKind, Provider, ProviderId};
use crate::connection::ConnectionId;
use crate::error::{ErrorCode, UserError};
use crate::flow::{self, AppCredentials, Callback, FlowError, PendingFlows};
use crate::index::{ConnectionRecord, Index, IndexError, LastError};
use crate::lifetime::{self, Clock, Expiry, Health, HealthInputs, KeychainState, Milestone};
use crate::secret::SecretString;
use crate::timeline::{Event, EventKind, Timeline};
use crate::tokens::{ConnectionSecret, TokenError, TokenSet};
use crate::vault::{Vault, VaultError, VaultKey};

/// Unix seconds now.
pub fn unix_now() -> i64 {
    lifetime::SystemClock.now()
}

/// Where a provider's OAuth app credentials come from: explicit ones (demo mode, Settings) first,
/// then `PLUGBOARD_<PROVIDER>_CLIENT_ID` / `_CLIENT_SECRET` in the environment.
#[derive(Default)]
pub struct CredentialSource {
    explicit: RwLock<HashMap<String, AppCredentials>>,
}

impl CredentialSource {
    pub fn set(&self, provider: &str, creds: AppCredentials) {
        self.explicit
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .insert(provider.to_string(), creds);
    }

    pub fn get(&self, provider: &str) -> Option<AppCredentials> {
        if let Some(c) = self
            .explicit
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(provider)
        {
            return Some(c.clone());
        }
        let var = |suffix: &str| {
            std::env::var(format!(
                "PLUGBOARD_{}_{suffix}",
                provider.to_ascii_uppercase().replace('-', "_")
            ))
            .ok()
            .filter(|v| !v.trim().is_empty())
        };
        let client_id = var("CLIENT_ID")?;
        Some(AppCredentials {
            client_id,
            client_secret: var("CLIENT_SECRET").map(SecretString::new),
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("unknown provider `{0}`")]
    UnknownProvider(String),
    #[error("unknown connection `{0}`")]
    UnknownConnection(String),
    #[error("{provider} cannot connect with {method:?}")]
    NoSuchMethod {
        provider: String,
        method: MethodKind,
    },
    #[error("no app credentials for {0}")]
    MissingCredentials(String),
    #[error("a required field is empty: {0}")]
    EmptyField(String),
    #[error("the Basic token does not match the client id and secret")]
    BasicTokenMismatch,
    #[error("unknown or already used sign-in state")]
    UnknownState,
    #[error("the sign-in took too long")]
    Expired,
    #[error("the person declined")]
    Declined,
    #[error("the provider answered the sign-in with an error ({0})")]
    AuthorizeError(String),
    #[error("not a sign-in response")]
    Malformed,
    #[error(transparent)]
    Flow(#[from] FlowError),
    #[error(transparent)]
    Vault(#[from] VaultError),
    #[error(transparent)]
    Index(#[from] IndexError),
    #[error(transparent)]
    Flight(#[from] crate::flight::FlightError),
    /// One refresh's error, shared by every caller that waited for it.
    #[error(transparent)]
    Shared(std::sync::Arc<ServiceError>),
}

impl ServiceError {
    /// The person's words for this error, naming the provider where it helps.
    pub fn to_user(&self, provider_name: &str) -> UserError {
        use ErrorCode as C;
        let e = |code, message: String| UserError::new(code, message);
        match self {
            ServiceError::UnknownProvider(id) => UserError::unknown_provider(id),
            ServiceError::UnknownConnection(_) => e(C::UnknownConnection, "That connection no longer exists.".into()),
            ServiceError::NoSuchMethod { .. } => e(C::Internal, format!("{provider_name} can't connect that way.")),
            ServiceError::MissingCredentials(_) => e(
                C::MissingCredentials,
                format!("{provider_name} needs app credentials (a client id and secret) before you can connect. See “Setup details”."),
            ),
            ServiceError::EmptyField(label) => e(C::InvalidInput, format!("Please fill in “{label}”.")),
            ServiceError::BasicTokenMismatch => e(
                C::InvalidInput,
                "The Basic token doesn't match this client ID and secret. Copy all three from the same credential, or leave the Basic token empty.".into(),
            ),
            ServiceError::UnknownState => e(
                C::StateMismatch,
                "This sign-in response doesn't match a sign-in Plugboard started (or it was already used), so it was ignored. Start again with Connect.".into(),
            ),
            ServiceError::Expired => e(C::FlowExpired, format!("The sign-in to {provider_name} took too long and expired. Start again with Connect.")),
            ServiceError::Declined => e(C::Declined, format!("You declined the request in {provider_name}, so nothing was connected.")),
            ServiceError::AuthorizeError(code) => {
                e(C::ProviderError, format!("{provider_name} refused the sign-in ({code}). Check the app's settings at {provider_name}, then try again."))
            }
            ServiceError::Malformed => e(C::StateMismatch, "Plugboard received a link that is not a sign-in response.".into()),
            ServiceError::Flow(f) => flow_error(f, provider_name),
            ServiceError::Vault(v) => UserError::from(v.clone()),
            ServiceError::Shared(inner) => inner.to_user(provider_name),
            ServiceError::Index(i) => e(C::StorageFailed, format!("Plugboard couldn't save its list of connections: {i}.")),
            ServiceError::Flight(crate::flight::FlightError::Busy(_)) => e(
                C::ProviderUnavailable,
                format!("Another Plugboard window or command is still refreshing this {provider_name} connection. Try again in a minute."),
            ),
            ServiceError::Flight(f) => e(C::StorageFailed, format!("Plugboard couldn't coordinate the refresh with other Plugboard processes: {f}.")),
        }
    }
}

fn flow_error(f: &FlowError, provider_name: &str) -> UserError {
    use ErrorCode as C;
    let e = |code, message: String| UserError::new(code, message);
    match f {
        FlowError::Network(_) => e(C::ProviderUnavailable, format!("Plugboard couldn't reach {provider_name}. Check your internet connection and try again.")),
        FlowError::Token(TokenError::Temporary { .. }) => {
            e(C::ProviderUnavailable, format!("{provider_name} is having trouble right now. Try again in a few minutes."))
        }
        FlowError::Token(TokenError::InvalidClient { .. }) => {
            e(C::InvalidCredentials, format!("{provider_name} didn't accept these credentials. Check them and try again."))
        }
        FlowError::Token(TokenError::InvalidGrant { .. }) => {
            e(C::ReconnectNeeded, format!("{provider_name} no longer accepts this sign-in. Connect again."))
        }
        FlowError::Token(other) => e(C::ProviderError, format!("{provider_name} refused the request ({}).", other.code())),
        FlowError::MissingClientSecret => e(C::MissingCredentials, format!("{provider_name} needs a client secret before you can connect.")),
        FlowError::IssuerMismatch { .. } => e(C::StateMismatch, "This sign-in response came from a different server than expected, so it was refused.".into()),
        FlowError::Http { status } => e(C::ProviderError, format!("{provider_name} answered with an error (HTTP {status}).")),
        FlowError::MissingValue(v) => e(C::ProviderError, format!("{provider_name}'s answer lacked `{v}`.")),
    }
}

/// When a refresh call really refreshes (checked again under the cross-process lock).
#[derive(Debug, Clone, Copy)]
enum Want {
    /// The Refresh button, `plugboard refresh`: unless another process refreshed while we waited.
    Always,
    /// The scheduler: only if the refresh is still due.
    IfDue,
    /// Only if the token expires within this many seconds.
    Within(i64),
}

/// The outcome of one refresh, handed to every caller that waited for it.
type SharedRefresh = Result<ConnectionView, std::sync::Arc<ServiceError>>;

/// One connection's in-process flight: the last outcome, and whether it went to the provider.
type Flight = tokio::sync::Mutex<Option<(SharedRefresh, bool)>>;

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

/// What a card shows about one connection (no secrets).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConnectionView {
    pub id: ConnectionId,
    pub provider: String,
    pub method: MethodKind,
    pub account: String,
    /// Scopes granted.
    pub scopes: Vec<String>,
    /// Scopes asked for but not granted.
    pub scopes_missing: Vec<String>,
    pub environment: Option<String>,
    pub obtained_at: i64,
    pub refreshed_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub last_error: Option<LastError>,
    /// The last refresh failed for a passing reason and none has succeeded since (stored, so
    /// every process knows; the live health has the retry time where the failure happened).
    pub temporary_problem: bool,
    /// What it is doing now: health, countdown.
    pub live: LiveStatus,
}

/// A connection's state this second: what the page re-reads every tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveStatus {
    pub id: ConnectionId,
    pub health: Health,
    /// The health in words ("Expiring soon", "Reconnect needed").
    pub label: &'static str,
    pub expiry: Expiry,
    /// "Expires in 29:41", "Does not expire", "Expiry unknown".
    pub countdown: String,
    pub seconds_left: Option<i64>,
    pub milestone: Milestone,
    /// Unix seconds of the next automatic retry after a temporary problem.
    pub retry_at: Option<i64>,
    /// Under two minutes left: copying offers "Refresh & copy".
    pub refresh_before_copy: bool,
}

/// Runtime state of one connection (not persisted: a restart retries at once).
#[derive(Debug, Clone, Copy, Default)]
struct Live {
    refreshing: bool,
    failures: u32,
    retry_at: Option<i64>,
}

/// What a developer can copy from a connection (all secret).
pub struct TokenMaterial {
    pub access_token: SecretString,
    /// `Authorization: Bearer …` (or the provider's scheme for keys).
    pub header: SecretString,
    /// A curl line to the provider's identity or check endpoint, when it has one.
    pub curl: Option<SecretString>,
    pub refresh_token: Option<SecretString>,
}

/// What Disconnect did at the provider.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "revoke", rename_all = "snake_case")]
pub enum DisconnectReport {
    Revoked,
    /// The provider has no revoke endpoint: the note says what to do there instead.
    NotSupported {
        note: Option<String>,
    },
    /// The revoke failed; the local copy was removed all the same.
    RevokeFailed {
        reason: String,
    },
    /// There was nothing to disconnect.
    AlreadyGone,
}

/// A started browser sign-in.
#[derive(Debug, Clone, Serialize)]
pub struct StartedSignIn {
    pub provider: String,
    /// Open this in the system browser.
    pub url: String,
    pub redirect_uri: String,
    /// For loopback redirects: the port and path to listen on while the sign-in is pending.
    pub loopback: Option<(u16, String)>,
}

pub struct Connections {
    catalogue: Catalogue,
    vault: Vault,
    index: Index,
    http: reqwest::Client,
    pending: PendingFlows,
    pub credentials: CredentialSource,
    /// Client ids saved from Settings (their secrets are in the keychain).
    saved_ids: std::path::PathBuf,
    /// The data folder: refresh lock files live under it (see [`crate::flight`]).
    data_dir: std::path::PathBuf,
    /// One lock per connection: at most one refresh in flight (see [`Connections::refresh`]).
    refresh_locks: std::sync::Mutex<HashMap<String, std::sync::Arc<Flight>>>,
    clock: std::sync::Arc<dyn Clock>,
    timeline: Timeline,
    live: std::sync::Mutex<HashMap<String, Live>>,
    keychain: std::sync::Mutex<KeychainState>,
    /// The last scheduler tick, to notice that the machine slept.
    last_tick: std::sync::Mutex<Option<i64>>,
    /// Signed-in connections should be checked with their identity call (at start, after a sleep).
    check_pending: std::sync::atomic::AtomicBool,
}

fn fresh_id(provider: &ProviderId) -> ConnectionId {
    let n: u32 = rand::random();
    ConnectionId::parse(&format!("{provider}-{n:08x}"))
        .expect("provider ids and hex make valid connection ids")
}

/// A request as a curl command line, each part single-quoted for a POSIX shell.
fn curl_line(req: &flow::PreparedRequest) -> SecretString {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = String::from("curl -sS");
    if req.method != "GET" {
        line.push_str(&format!(" -X {}", req.method));
    }
    for (k, v) in &req.headers {
        line.push_str(&format!(" -H {}", quote(&format!("{k}: {v}"))));
    }
    line.push(' ');
    line.push_str(&quote(&req.url));
    SecretString::new(line)
}

/// Fills `{dotted.path}` placeholders from `data`; `None` if any is missing.
fn render_label(template: &str, data: &Value) -> Option<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..].find('}')? + start;
        let path = &rest[start + 1..end];
        let mut v = data;
        for part in path.split('.') {
            v = v.get(part)?;
        }
        match v {
            Value::String(s) if !s.is_empty() => out.push_str(s),
            Value::Number(n) => out.push_str(&n.to_string()),
            _ => return None,
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Some(out)
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
            refresh_locks: std::sync::Mutex::new(HashMap::new()),
            clock: std::sync::Arc::new(lifetime::SystemClock),
            timeline: Timeline::in_dir(data_dir),
            live: std::sync::Mutex::new(HashMap::new()),
            keychain: std::sync::Mutex::new(KeychainState::Ready),
            last_tick: std::sync::Mutex::new(None),
            check_pending: std::sync::atomic::AtomicBool::new(true),
        }
    }

    /// Replaces the clock (tests use a [`lifetime::FakeClock`]).
    pub fn with_clock(mut self, clock: impl Clock + 'static) -> Self {
        self.clock = std::sync::Arc::new(clock);
        self
    }

    fn now(&self) -> i64 {
        self.clock.now()
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    fn live_of(&self, id: &str) -> Live {
        self.live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .copied()
            .unwrap_or_default()
    }

    fn update_live(&self, id: &str, f: impl FnOnce(&mut Live)) {
        f(self
            .live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(id.to_string())
            .or_default());
    }

    /// The keychain as last seen by any operation.
    pub fn keychain_state(&self) -> KeychainState {
        *self.keychain.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn note_keychain(&self, state: KeychainState) {
        *self.keychain.lock().unwrap_or_else(|p| p.into_inner()) = state;
    }

    /// Asks the keychain whether it is usable now (on Linux this may show the unlock prompt), and
    /// remembers the answer. A keychain that became ready retries what it held up.
    pub async fn probe_keychain(&self) -> Result<(), VaultError> {
        self.check_keychain(false).await
    }

    /// "Unlock and retry": asks the system to unlock the keychain (it may prompt), then as
    /// [`Self::probe_keychain`].
    pub async fn unlock_keychain(&self) -> Result<(), VaultError> {
        self.check_keychain(true).await
    }

    async fn check_keychain(&self, unlock: bool) -> Result<(), VaultError> {
        let result = if unlock {
            self.vault
                .clone()
                .with_timeout(std::time::Duration::from_secs(120))
                .run(|v| v.unlock())
                .await
        } else {
            self.vault.run(|v| v.probe()).await
        };
        let state = match &result {
            Ok(()) => KeychainState::Ready,
            // An unlock prompt nobody answered: still locked, not broken.
            Err(VaultError::Locked) => KeychainState::Locked,
            Err(VaultError::TimedOut(_)) if unlock => KeychainState::Locked,
            Err(_) => KeychainState::Unavailable,
        };
        let was = self.keychain_state();
        self.note_keychain(state);
        if was != KeychainState::Ready && state == KeychainState::Ready {
            self.retry_now(self.now());
        }
        result
    }

    fn inputs(&self, record: &ConnectionRecord) -> HealthInputs {
        let live = self.live_of(record.id.as_str());
        HealthInputs {
            keychain: self.keychain_state(),
            reconnect_needed: record.reconnect_needed,
            refreshing: live.refreshing,
            retry_at: live.retry_at,
        }
    }

    /// The live status of one stored connection at `now`.
    fn live_status(&self, record: &ConnectionRecord, now: i64) -> LiveStatus {
        let expiry = record.expiry();
        let inputs = self.inputs(record);
        let health = lifetime::health(inputs, expiry, now);
        let seconds_left = expiry.seconds_left(now);
        LiveStatus {
            id: record.id.clone(),
            health,
            label: health.label(),
            expiry,
            countdown: lifetime::countdown(expiry, now),
            seconds_left,
            milestone: lifetime::milestone(expiry, now),
            retry_at: inputs
                .retry_at
                .filter(|_| health == Health::TemporaryProblem),
            refresh_before_copy: seconds_left.is_some_and(|l| l < lifetime::REFRESH_BEFORE_COPY),
        }
    }

    fn view(&self, r: ConnectionRecord) -> ConnectionView {
        let live = self.live_status(&r, self.now());
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
            account: r.account,
            scopes: r.scopes,
            scopes_missing,
            environment: r.environment,
            obtained_at: r.obtained_at,
            refreshed_at: r.refreshed_at,
            expires_at: r.expires_at,
            last_error: r.last_error,
            temporary_problem: r.temporary_problem,
            live,
        }
    }

    /// A stored connection: its index record and its secret from the keychain. The index says the
    /// connection exists, so a missing keychain item means a locked or changed keychain, never
    /// "not connected".
    async fn load(
        &self,
        cid: &ConnectionId,
    ) -> Result<(ConnectionRecord, ConnectionSecret), ServiceError> {
        let record = self
            .index
            .get(cid)?
            .ok_or_else(|| ServiceError::UnknownConnection(cid.to_string()))?;
        let key = VaultKey::Connection(cid.clone());
        let Some(item) = self.vault.run(move |v| v.get(&key)).await? else {
            return Err(VaultError::Locked.into());
        };
        let secret = ConnectionSecret::decode(&item).map_err(|_| VaultError::Corrupt)?;
        Ok((record, secret))
    }

    /// The provider's identity call with `tokens`: `Ok` when it accepts them; a refusal (401/403)
    /// is `invalid_grant`, a dead token.
    async fn check_identity(
        &self,
        template: &crate::catalogue::UrlTemplate,
        tokens: &TokenSet,
    ) -> Result<(), FlowError> {
        let resp = flow::send(&self.http, &flow::bearer_get(template, tokens, None)?).await?;
        flow::check_status(&resp, |code| TokenError::InvalidGrant {
            code,
            description: None,
        })
    }

    /// Saves a failure to the index: the last error and, for a dead grant, "reconnect needed".
    fn save_failure(&self, mut record: ConnectionRecord, user: &UserError, dead: bool) {
        record.last_error = Some(LastError {
            at: self.now(),
            code: user.code.as_str(),
            message: user.message.clone(),
        });
        record.reconnect_needed |= dead;
        record.temporary_problem = !dead && user.code == ErrorCode::ProviderUnavailable;
        if let Err(e) = self.index.upsert(record) {
            log::warn!("could not save a failure to the index: {e}");
        }
    }

    /// Makes every pending retry due now (the machine woke, the keychain came back).
    fn retry_now(&self, now: i64) {
        for live in self
            .live
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .values_mut()
        {
            live.retry_at = live.retry_at.map(|_| now);
        }
    }

    /// Every connection's live status now (the page's once-a-second tick).
    pub fn live_all(&self) -> Result<Vec<LiveStatus>, ServiceError> {
        let now = self.now();
        Ok(self
            .index
            .load()?
            .iter()
            .map(|r| self.live_status(r, now))
            .collect())
    }

    /// The scheduler's tick: which connections are due an automatic refresh now, marked as
    /// refreshing so the next tick does not pick them again. A gap since the last tick longer than
    /// [`lifetime::WAKE_GAP`] means the machine slept: pending retries are brought forward.
    pub fn due_refreshes(&self) -> Result<Vec<ConnectionId>, ServiceError> {
        let now = self.now();
        let woke = {
            let mut last = self.last_tick.lock().unwrap_or_else(|p| p.into_inner());
            let woke = last.is_some_and(|t| now - t > lifetime::WAKE_GAP);
            *last = Some(now);
            woke
        };
        if woke {
            log::info!("the machine woke up: rechecking every connection");
            self.check_pending
                .store(true, std::sync::atomic::Ordering::Relaxed);
            self.retry_now(now);
        }
        let mut due = Vec::new();
        for record in self.index.load()? {
            if lifetime::refresh_is_due(
                self.inputs(&record),
                record.obtained_at,
                record.expiry(),
                now,
            ) {
                self.update_live(record.id.as_str(), |l| l.refreshing = true);
                due.push(record.id);
            }
        }
        Ok(due)
    }

    /// Once at start and once after each sleep: the signed-in connections to [`Self::verify`].
    pub fn take_checks(&self) -> Vec<ConnectionId> {
        if !self
            .check_pending
            .swap(false, std::sync::atomic::Ordering::Relaxed)
        {
            return Vec::new();
        }
        self.index
            .load()
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.method == MethodKind::AuthorizationCode && !r.reconnect_needed)
            .map(|r| r.id)
            .collect()
    }

    /// Checks a signed-in connection with the provider's identity call. A refusal (401/403) gets
    /// one refresh and a second look; refused again, the grant is dead: "Reconnect needed".
    pub async fn verify(&self, id: &str) -> Result<ConnectionView, ServiceError> {
        let cid = ConnectionId::parse(id)
            .ok_or_else(|| ServiceError::UnknownConnection(id.to_string()))?;
        if self.identity_refused(&cid).await? {
            log::info!("{cid}: the provider refused its token; refreshing once");
            self.refresh(id).await?;
            if self.identity_refused(&cid).await? {
                let e = ServiceError::Flow(FlowError::Token(TokenError::InvalidGrant {
                    code: "identity_refused".into(),
                    description: None,
                }));
                // Under the refresh lock, so a disconnect elsewhere is not undone by this save.
                let _lock =
                    crate::flight::acquire(&self.data_dir, &cid, crate::flight::wait()).await?;
                if let Some(record) = self.index.get(&cid)? {
                    let user = e.to_user(&self.provider_name(&record.provider));
                    self.record_event(&cid, EventKind::ReconnectNeeded, Some(&user));
                    self.save_failure(record, &user, true);
                }
                return Err(e);
            }
        }
        self.get(id)?
            .ok_or_else(|| ServiceError::UnknownConnection(id.to_string()))
    }

    /// Whether the identity call (or, without one, RFC 7662 introspection) refuses the stored
    /// token; `false` when the provider has neither.
    async fn identity_refused(&self, cid: &ConnectionId) -> Result<bool, ServiceError> {
        let (record, secret) = self.load(cid).await?;
        let provider = self.provider(&record.provider)?;
        let Some(tokens) = secret.tokens() else {
            return Ok(false);
        };
        let Some(template) = provider
            .authorization_code()
            .and_then(|m| m.identity_url.as_ref())
        else {
            let Some(creds) = self.app_credentials(&record.provider).await else {
                return Ok(false);
            };
            let info = self.introspect(provider, tokens, &creds).await?;
            // Inactive comes back as an empty map (see `introspect`).
            return Ok(info.is_some_and(|fields| fields.is_empty()));
        };
        match self.check_identity(template, tokens).await {
            Ok(()) => Ok(false),
            Err(FlowError::Token(TokenError::InvalidGrant { .. })) => Ok(true),
            Err(e) => Err(e.into()),
        }
    }

    /// RFC 7662 introspection of `tokens`' access token: `None` when the provider has no
    /// introspection endpoint, the response's fields when the token is active, and an empty map
    /// when the server says it is not (`{"active": false}` carries nothing else worth keeping).
    async fn introspect(
        &self,
        provider: &Provider,
        tokens: &TokenSet,
        creds: &AppCredentials,
    ) -> Result<Option<serde_json::Map<String, Value>>, FlowError> {
        let Some(req) = flow::introspection_request(provider, tokens, creds)? else {
            return Ok(None);
        };
        let resp = flow::send(&self.http, &req).await?;
        flow::check_status(&resp, |code| TokenError::InvalidClient {
            code,
            description: None,
        })?;
        let info = match serde_json::from_str::<Value>(&resp.body) {
            Ok(Value::Object(info)) => info,
            _ => return Err(FlowError::MissingValue("active".into())),
        };
        Ok(Some(match info.get("active") {
            Some(Value::Bool(true)) => info,
            _ => serde_json::Map::new(),
        }))
    }

    fn record_event(&self, id: &ConnectionId, kind: EventKind, error: Option<&UserError>) {
        self.timeline.record(Event {
            at: self.now(),
            connection: id.clone(),
            kind,
            code: error.map(|e| e.code.as_str()),
            message: error.map(|e| e.message.clone()),
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

    /// The provider's display name, or the id when unknown (for error messages).
    pub fn provider_name(&self, id: &str) -> String {
        self.catalogue
            .get(id)
            .map(|p| p.name.clone())
            .unwrap_or_else(|| id.to_string())
    }

    fn saved_client_ids(&self) -> HashMap<String, String> {
        std::fs::read_to_string(&self.saved_ids)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// App credentials for `provider`: explicit or environment first, then those saved in Settings
    /// (client id in the data folder, client secret in the keychain).
    pub async fn app_credentials(&self, provider: &str) -> Option<AppCredentials> {
        if let Some(c) = self.credentials.get(provider) {
            return Some(c);
        }
        let client_id = self.saved_client_ids().remove(provider)?;
        let key = VaultKey::ClientSecret(ProviderId::parse(provider)?);
        let secret = self.vault.run(move |v| v.get(&key)).await.ok().flatten();
        Some(AppCredentials {
            client_id,
            client_secret: secret,
        })
    }

    /// Saves app credentials typed into Settings: the secret to the keychain, then the id.
    pub async fn save_app_credentials(
        &self,
        provider: &str,
        client_id: &str,
        client_secret: SecretString,
    ) -> Result<(), ServiceError> {
        let p = self.provider(provider)?;
        let client_id = required(client_id, "Client ID")?;
        let key = VaultKey::ClientSecret(p.id.clone());
        if p.public_client() {
            // A public client has no secret (PKCE is its proof): drop any stored by mistake.
            self.vault.run(move |v| v.delete(&key)).await?;
        } else {
            required(client_secret.expose(), "Client secret")?;
            let secret = SecretString::new(client_secret.expose().trim());
            self.vault.run(move |v| v.put(&key, &secret)).await?;
        }
        let mut ids = self.saved_client_ids();
        ids.insert(provider.to_string(), client_id.to_string());
        let body = serde_json::to_vec_pretty(&ids).expect("a string map serializes");
        crate::index::write_atomically(&self.saved_ids, &body).map_err(|source| {
            ServiceError::Index(IndexError::Write {
                path: self.saved_ids.clone(),
                source,
            })
        })?;
        log::info!("app credentials for {provider} saved");
        Ok(())
    }

    pub fn has_credentials(&self, provider: &str) -> bool {
        self.credentials.get(provider).is_some() || self.saved_client_ids().contains_key(provider)
    }

    pub fn list(&self) -> Result<Vec<ConnectionView>, ServiceError> {
        Ok(self
            .index
            .load()?
            .into_iter()
            .map(|r| self.view(r))
            .collect())
    }

    /// One connection's view, if it exists.
    pub fn get(&self, id: &str) -> Result<Option<ConnectionView>, ServiceError> {
        let Some(cid) = ConnectionId::parse(id) else {
            return Ok(None);
        };
        Ok(self.index.get(&cid)?.map(|r| self.view(r)))
    }

    /// Stores a new connection: keychain first, then the index; undone if the index fails.
    /// Connecting an account that is already connected (a Reconnect) replaces it under its id.
    async fn store(
        &self,
        mut record: ConnectionRecord,
        secret: ConnectionSecret,
    ) -> Result<ConnectionView, ServiceError> {
        let existing = self
            .index
            .load()?
            .into_iter()
            .find(|r| r.provider == record.provider && r.account == record.account);
        if let Some(existing) = &existing {
            record.id = existing.id.clone();
            record.last_error = existing.last_error.clone();
        }
        // A reconnect replaces a connection another process may be refreshing: wait for that, so
        // its write (of the old grant) cannot land over the new tokens.
        let _lock = match &existing {
            Some(_) => Some(
                crate::flight::acquire(&self.data_dir, &record.id, crate::flight::wait()).await?,
            ),
            None => None,
        };
        let key = VaultKey::Connection(record.id.clone());
        let item = secret.encode();
        let put_key = key.clone();
        self.vault.run(move |v| v.put(&put_key, &item)).await?;
        if let Err(e) = self.index.upsert(record.clone()) {
            let _ = self.vault.run(move |v| v.delete(&key)).await;
            return Err(e.into());
        }
        log::info!(
            "{} {} ({}, {:?})",
            if existing.is_some() {
                "reconnected"
            } else {
                "connected"
            },
            record.id,
            record.provider,
            record.method
        );
        self.update_live(record.id.as_str(), |l| *l = Live::default());
        let kind = if existing.is_some() {
            EventKind::Reconnected
        } else {
            EventKind::Connected
        };
        self.record_event(&record.id, kind, None);
        Ok(self.view(record))
    }

    /// Verifies and stores an API key (WhatConverts). A key the provider refuses stores nothing.
    pub async fn connect_api_key(
        &self,
        provider_id: &str,
        fields: Vec<(String, SecretString)>,
    ) -> Result<ConnectionView, ServiceError> {
        let provider = self.provider(provider_id)?;
        let method = provider
            .api_key()
            .ok_or_else(|| no_method(provider_id, MethodKind::ApiKey))?;
        // Exactly the catalogue's fields, in its order, none empty.
        let mut ordered = Vec::new();
        for f in &method.fields {
            let value = fields
                .iter()
                .find(|(id, _)| id == &f.id)
                .map(|(_, v)| v.clone());
            match value {
                Some(v) if !v.expose().trim().is_empty() => {
                    ordered.push((f.id.clone(), SecretString::new(v.expose().trim())))
                }
                _ => return Err(ServiceError::EmptyField(f.label.clone())),
            }
        }
        flow::verify_api_key(&self.http, method, &ordered).await?;
        let (first_label, first) = (&method.fields[0].label, &ordered[0].1);
        let record = ConnectionRecord {
            id: fresh_id(&provider.id),
            provider: provider.id.to_string(),
            method: MethodKind::ApiKey,
            account: format!("{first_label} {}", first.tail_hint()),
            scopes: vec![],
            environment: None,
            obtained_at: self.now(),
            expires_at: None,
            never_expires: true,
            refreshed_at: None,
            requested_scopes: vec![],
            reconnect_needed: false,
            temporary_problem: false,
            last_error: None,
        };
        self.store(record, ConnectionSecret::ApiKey { fields: ordered })
            .await
    }

    /// Mints a token with the person's client credentials (Hotmart) and stores both.
    pub async fn connect_client_credentials(
        &self,
        provider_id: &str,
        client_id: &str,
        client_secret: SecretString,
        environment: Option<&str>,
        basic_token: Option<&str>,
    ) -> Result<ConnectionView, ServiceError> {
        let provider = self.provider(provider_id)?;
        let method = provider
            .client_credentials()
            .ok_or_else(|| no_method(provider_id, MethodKind::ClientCredentials))?;
        let client_id = required(client_id, "Client ID")?;
        required(client_secret.expose(), "Client secret")?;
        // Hotmart's "Basic" token is base64(client_id:client_secret): derived, or pasted and checked.
        if let Some(pasted) = basic_token.map(str::trim).filter(|t| !t.is_empty()) {
            let pasted = pasted.strip_prefix("Basic ").unwrap_or(pasted).trim();
            let derived = base64::Engine::encode(
                &base64::engine::general_purpose::STANDARD,
                format!("{client_id}:{}", client_secret.expose().trim()),
            );
            if pasted != derived {
                return Err(ServiceError::BasicTokenMismatch);
            }
        }
        let env = match environment {
            Some(id) => provider.environments.iter().find(|e| e.id == id),
            None => provider.environments.first(),
        };
        let creds = AppCredentials {
            client_id: client_id.to_string(),
            client_secret: Some(SecretString::new(client_secret.expose().trim())),
        };
        let tokens = flow::mint_client_credentials(&self.http, method, &creds, self.now()).await?;
        let id_hint = SecretString::new(client_id).tail_hint();
        let account = match env {
            Some(e) => format!("{} · client {id_hint}", e.label),
            None => format!("Client {id_hint}"),
        };
        let record = ConnectionRecord {
            id: fresh_id(&provider.id),
            provider: provider.id.to_string(),
            method: MethodKind::ClientCredentials,
            account,
            scopes: tokens.scopes.clone().unwrap_or_default(),
            environment: env.map(|e| e.id.clone()),
            obtained_at: self.now(),
            expires_at: tokens.expires_at,
            never_expires: false,
            refreshed_at: None,
            requested_scopes: vec![],
            reconnect_needed: false,
            temporary_problem: false,
            last_error: None,
        };
        let secret = ConnectionSecret::ClientCredentials {
            client_id: creds.client_id,
            client_secret: creds.client_secret.expect("set above"),
            tokens,
        };
        self.store(record, secret).await
    }

    /// Starts a browser sign-in with the provider's authorization-code method.
    pub async fn begin_sign_in(&self, provider_id: &str) -> Result<StartedSignIn, ServiceError> {
        self.begin_sign_in_at(provider_id, None).await
    }

    /// As [`Self::begin_sign_in`], with the browser sent back to `redirect_uri` instead of the
    /// catalogue's redirect (the command line's own loopback listener, RFC 8252 §7.3). The token
    /// request repeats whichever URI the sign-in began with.
    pub async fn begin_sign_in_at(
        &self,
        provider_id: &str,
        redirect_uri: Option<String>,
    ) -> Result<StartedSignIn, ServiceError> {
        let provider = self.provider(provider_id)?;
        let method = provider
            .authorization_code()
            .ok_or_else(|| no_method(provider_id, MethodKind::AuthorizationCode))?;
        let creds = self
            .app_credentials(provider_id)
            .await
            .ok_or_else(|| ServiceError::MissingCredentials(provider_id.into()))?;
        let redirect_uri = redirect_uri.unwrap_or_else(|| method.redirect.redirect_uri());
        // One sign-in per provider at a time: a new Connect replaces a forgotten one.
        self.pending.cancel(&provider.id);
        // Keep sign-ins stored by an earlier run (their callbacks may still come), then add this one.
        if let Ok(Some(stored)) = self.vault.run(|v| v.get(&VaultKey::PendingSignIns)).await {
            self.pending.restore(&stored);
            self.pending.cancel(&provider.id);
        }
        let (url, _state) = self
            .pending
            .begin(provider, method, &creds, &redirect_uri, self.now());
        self.persist_pending().await?;
        log::info!(
            "sign-in to {} started (redirect {redirect_uri})",
            provider.id
        );
        let loopback = match &method.redirect {
            crate::catalogue::RedirectMode::Loopback { port, path, .. } => {
                Some((*port, path.clone()))
            }
            _ => None,
        };
        Ok(StartedSignIn {
            provider: provider.id.to_string(),
            url: url.to_string(),
            redirect_uri,
            loopback,
        })
    }

    /// Cancels `provider_id`'s pending sign-in. The keychain copy is updated in the background
    /// of the next persist; a cancelled flow's state is refused either way once taken from memory.
    pub fn cancel_sign_in(&self, provider_id: &str) -> bool {
        let cancelled =
            ProviderId::parse(provider_id).is_some_and(|id| self.pending.cancel(&id) > 0);
        if cancelled {
            let doc = self.pending.encode(self.now());
            let vault = self.vault.clone();
            // Fire and forget: losing this write only leaves an extra flow that expires by itself.
            std::thread::spawn(move || {
                let _ = vault.put(&VaultKey::PendingSignIns, &doc);
            });
        }
        cancelled
    }

    /// Saves the pending sign-ins to the keychain, so a callback that arrives after a restart
    /// (the OS starting Plugboard with the link) can still complete.
    async fn persist_pending(&self) -> Result<(), ServiceError> {
        let doc = self.pending.encode(self.now());
        self.vault
            .run(move |v| v.put(&VaultKey::PendingSignIns, &doc))
            .await?;
        Ok(())
    }

    /// Takes the flow for `state`: from memory, or after a restart from the keychain. The
    /// keychain copy is updated before the code is used, so the state works once.
    async fn take_pending(&self, state: &str) -> Option<flow::PendingFlow> {
        let flow = match self.pending.take(state) {
            Some(f) => Some(f),
            None => {
                let stored = self
                    .vault
                    .run(|v| v.get(&VaultKey::PendingSignIns))
                    .await
                    .ok()
                    .flatten()?;
                self.pending.restore(&stored);
                self.pending.take(state)
            }
        };
        if flow.is_some() {
            if let Err(e) = self.persist_pending().await {
                log::warn!("could not update the pending sign-ins in the keychain: {e}");
            }
        }
        flow
    }

    pub fn sign_in_pending(&self, provider_id: &str) -> bool {
        ProviderId::parse(provider_id).is_some_and(|id| self.pending.is_pending(&id))
    }

    /// Completes a browser sign-in from its callback parameters. Returns the provider id with the
    /// outcome, so the caller can name the provider in a message even when the flow failed.
    pub async fn complete_sign_in(
        &self,
        param: impl Fn(&str) -> Option<String>,
    ) -> (Option<String>, Result<ConnectionView, ServiceError>) {
        let callback = match flow::read_callback(&param, None) {
            Ok(c) => c,
            Err(e) => return (None, Err(e.into())),
        };
        let (state, outcome) = match callback {
            Callback::Code { code, state } => (state, Ok(code)),
            Callback::Declined { state } => {
                (state.unwrap_or_default(), Err(ServiceError::Declined))
            }
            Callback::Error { state, code, .. } => (
                state.unwrap_or_default(),
                Err(ServiceError::AuthorizeError(code)),
            ),
            Callback::Malformed => return (None, Err(ServiceError::Malformed)),
        };
        // Removed before the code is used: a duplicate callback finds nothing.
        let Some(flow) = self.take_pending(&state).await else {
            return (None, Err(ServiceError::UnknownState));
        };
        let provider_id = flow.provider.to_string();
        let result = async {
            let code = outcome?;
            if self.now() > flow.expires_at {
                return Err(ServiceError::Expired);
            }
            let provider = self.provider(&provider_id)?;
            let method = provider
                .authorization_code()
                .ok_or_else(|| no_method(&provider_id, MethodKind::AuthorizationCode))?;
            // RFC 9207: when the response names its issuer, it must be the server this flow went
            // to (the authorize endpoint's origin), or a mix-up attack is under way.
            let origin = method.authorize_url.url().origin().ascii_serialization();
            flow::read_callback(&param, Some(&origin))?;
            let creds = self
                .app_credentials(&provider_id)
                .await
                .ok_or_else(|| ServiceError::MissingCredentials(provider_id.clone()))?;
            let tokens =
                flow::exchange_code(&self.http, method, &creds, &code, &flow, self.now()).await?;
            let (account, identity_scopes) = self
                .identify(provider, method.identity_url.as_ref(), &tokens, &creds)
                .await;
            let record = ConnectionRecord {
                id: fresh_id(&provider.id),
                provider: provider_id.clone(),
                method: MethodKind::AuthorizationCode,
                account,
                scopes: tokens
                    .scopes
                    .clone()
                    .or(identity_scopes)
                    .unwrap_or_else(|| method.scopes.clone()),
                environment: None,
                obtained_at: self.now(),
                expires_at: tokens.expires_at,
                never_expires: !method.tokens_expire,
                refreshed_at: None,
                requested_scopes: method.scopes.clone(),
                reconnect_needed: false,
                temporary_problem: false,
                last_error: None,
            };
            self.store(record, ConnectionSecret::OAuth { tokens }).await
        }
        .await;
        (Some(provider_id), result)
    }

    /// Names the account: the identity call (when the catalogue has one) and the token's fields,
    /// through the provider's `account_label` templates. Best effort: a failed identity call still
    /// connects, labelled with what the token said.
    async fn identify(
        &self,
        provider: &Provider,
        identity_url: Option<&crate::catalogue::UrlTemplate>,
        tokens: &TokenSet,
        creds: &AppCredentials,
    ) -> (String, Option<Vec<String>>) {
        let mut data = serde_json::Map::new();
        for (k, v) in &tokens.extra {
            data.insert(k.clone(), Value::String(v.clone()));
        }
        let mut scopes = None;
        if let Some(template) = identity_url {
            if let Ok(req) = flow::bearer_get(template, tokens, None) {
                match flow::send(&self.http, &req).await {
                    Ok(resp) if (200..300).contains(&resp.status) => {
                        if let Ok(Value::Object(identity)) =
                            serde_json::from_str::<Value>(&resp.body)
                        {
                            scopes = identity.get("scopes").and_then(Value::as_array).map(|a| {
                                a.iter()
                                    .filter_map(Value::as_str)
                                    .map(str::to_string)
                                    .collect()
                            });
                            for (k, v) in identity {
                                if !k.contains("token") {
                                    data.entry(k).or_insert(v);
                                }
                            }
                        }
                    }
                    Ok(resp) => log::warn!(
                        "identity call for {} answered HTTP {}",
                        provider.id,
                        resp.status
                    ),
                    Err(e) => log::warn!("identity call for {} failed: {e}", provider.id),
                }
            }
        }
        match self.introspect(provider, tokens, creds).await {
            Ok(Some(info)) => {
                if scopes.is_none() {
                    scopes = info
                        .get("scope")
                        .and_then(Value::as_str)
                        .map(|s| s.split_whitespace().map(str::to_string).collect());
                }
                for (k, v) in info {
                    if !k.contains("token") {
                        data.entry(k).or_insert(v);
                    }
                }
            }
            Ok(None) => {}
            Err(e) => log::warn!("introspection for {} failed: {e}", provider.id),
        }
        let data = Value::Object(data);
        let label = provider
            .account_label
            .iter()
            .find_map(|t| render_label(t, &data))
            .unwrap_or_else(|| provider.name.clone());
        (label, scopes)
    }

    /// Refreshes a connection: a refresh-token grant where there is a refresh token, a new mint for
    /// client credentials, a re-check for keys and tokens that do not expire.
    ///
    /// Single flight: callers queue on the connection's lock; one that waited while another
    /// refreshed finds a newer `obtained_at` and shares that result instead of spending the refresh
    /// token again. A rotated refresh token is in the keychain before the index says "refreshed".
    pub async fn refresh(&self, id: &str) -> Result<ConnectionView, ServiceError> {
        self.refresh_when(id, Want::Always).await
    }

    /// The scheduler's refresh: as [`Self::refresh`], but only if the connection is still due once
    /// the refresh lock is held (another process may have refreshed it a moment ago).
    pub async fn refresh_if_due(&self, id: &str) -> Result<ConnectionView, ServiceError> {
        self.refresh_when(id, Want::IfDue).await
    }

    /// Makes sure the access token lives at least `seconds` more, refreshing if it does not (what
    /// `plugboard token` and "Refresh & copy" need). Tokens that do not expire are left alone.
    pub async fn ensure_fresh(
        &self,
        id: &str,
        seconds: i64,
    ) -> Result<ConnectionView, ServiceError> {
        // Fresh enough by the index: no lock, no wait behind another process's refresh.
        if let Some(view) = self.get(id)? {
            let now = self.now();
            if view.live.expiry.lasts_beyond(now, seconds) {
                return Ok(view);
            }
        }
        self.refresh_when(id, Want::Within(seconds)).await
    }

    async fn refresh_when(&self, id: &str, want: Want) -> Result<ConnectionView, ServiceError> {
        let cid = ConnectionId::parse(id)
            .ok_or_else(|| ServiceError::UnknownConnection(id.to_string()))?;
        let flight = self
            .refresh_locks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(id.to_string())
            .or_default()
            .clone();
        // Free: lead a new refresh. Busy: wait for the one in flight and share its outcome — if it
        // went to the provider; a leader that found nothing to do (the scheduler's "no longer
        // due") does not answer a Refresh click, so the waiter then decides for itself.
        let mut slot = match flight.try_lock() {
            Ok(slot) => slot,
            Err(_) => {
                let slot = flight.lock().await;
                if let Some((outcome, true)) = &*slot {
                    return outcome.clone().map_err(ServiceError::Shared);
                }
                slot
            }
        };
        let (outcome, acted) = self.refresh_and_settle(&cid, want).await;
        *slot = Some((outcome.clone(), acted));
        outcome.map_err(ServiceError::Shared)
    }

    /// One refresh and its bookkeeping: the live state (refreshing, back-off), the index's last
    /// error and reconnect flag, the timeline. `true` when the provider was asked (or the attempt
    /// failed); `false` when the connection turned out not to need it.
    async fn refresh_and_settle(&self, cid: &ConnectionId, want: Want) -> (SharedRefresh, bool) {
        /// Clears "refreshing" however the refresh ends (even if its caller goes away).
        struct Running<'a>(&'a Connections, &'a str);
        impl Drop for Running<'_> {
            fn drop(&mut self) {
                self.0.update_live(self.1, |l| l.refreshing = false);
            }
        }
        self.update_live(cid.as_str(), |l| l.refreshing = true);
        let running = Running(self, cid.as_str());
        // `_lock` is held until this function returns: through the bookkeeping below.
        let (outcome, _lock) = self.refresh_locked(cid, want).await;
        drop(running);
        let now = self.now();
        match outcome {
            Ok((record, refreshed)) => {
                // Fresh either way (refreshed here, or by another process): no retry pending.
                self.note_keychain(KeychainState::Ready);
                self.update_live(cid.as_str(), |l| {
                    l.failures = 0;
                    l.retry_at = None;
                });
                if refreshed {
                    self.record_event(cid, EventKind::Refreshed, None);
                }
                (Ok(self.view(record)), refreshed)
            }
            // Waiting for another process's refresh is not a failure of this connection.
            Err(e @ ServiceError::Flight(_)) => (Err(std::sync::Arc::new(e)), true),
            Err(e) => {
                let Ok(Some(record)) = self.index.get(cid) else {
                    return (Err(std::sync::Arc::new(e)), true);
                };
                let user = e.to_user(&self.provider_name(&record.provider));
                let dead = user.code == ErrorCode::ReconnectNeeded;
                match &e {
                    ServiceError::Vault(VaultError::Locked) => {
                        self.note_keychain(KeychainState::Locked)
                    }
                    ServiceError::Vault(
                        VaultError::Unavailable { .. } | VaultError::TimedOut(_),
                    ) => self.note_keychain(KeychainState::Unavailable),
                    _ => {}
                }
                if !dead {
                    let retry_after = match &e {
                        ServiceError::Flow(FlowError::Token(TokenError::Temporary {
                            retry_after,
                            ..
                        })) => *retry_after,
                        _ => None,
                    };
                    self.update_live(cid.as_str(), |l| {
                        l.failures += 1;
                        l.retry_at = Some(
                            now + lifetime::backoff(l.failures, rand::random::<f64>(), retry_after),
                        );
                    });
                }
                log::warn!("refresh of {cid} failed: {e}");
                self.record_event(cid, EventKind::RefreshFailed, Some(&user));
                if dead && !record.reconnect_needed {
                    self.record_event(cid, EventKind::ReconnectNeeded, None);
                }
                self.save_failure(record, &user, dead);
                (Err(std::sync::Arc::new(e)), true)
            }
        }
    }

    /// Under the connection's cross-process lock: decides whether a refresh is still wanted and
    /// does it. `true` with the record when this call refreshed; `false` when another process had
    /// already done it (or it was not needed), with the current record.
    ///
    /// The lock comes back with the outcome, so the caller's bookkeeping (a failure saved to the
    /// index) happens before a disconnect or reconnect elsewhere can run.
    async fn refresh_locked(
        &self,
        cid: &ConnectionId,
        want: Want,
    ) -> (
        Result<(ConnectionRecord, bool), ServiceError>,
        Option<crate::flight::FlightLock>,
    ) {
        // What the caller saw before waiting: if the secret changes meanwhile, someone refreshed.
        let seen = match want {
            Want::Always => match self.load(cid).await {
                Ok((_, secret)) => Some(secret.encode()),
                Err(e) => return (Err(e), None),
            },
            _ => None,
        };
        let lock = match crate::flight::acquire(&self.data_dir, cid, crate::flight::wait()).await {
            Ok(lock) => lock,
            Err(e) => return (Err(e.into()), None),
        };
        (self.refresh_decided(cid, want, seen).await, Some(lock))
    }

    /// Under the lock: whether the refresh is still wanted, and if so the refresh.
    async fn refresh_decided(
        &self,
        cid: &ConnectionId,
        want: Want,
        seen: Option<SecretString>,
    ) -> Result<(ConnectionRecord, bool), ServiceError> {
        let (record, secret) = self.load(cid).await?;
        let now = self.now();
        let already = match want {
            Want::Always => seen.is_some_and(|s| s.expose() != secret.encode().expose()),
            Want::IfDue => lifetime::refresh_due_at(record.obtained_at, record.expiry())
                .is_none_or(|due| due > now),
            Want::Within(seconds) => record.expiry().lasts_beyond(now, seconds),
        };
        if already {
            log::info!("{cid}: no refresh needed (another process refreshed it, or it is fresh)");
            return Ok((record, false));
        }
        self.refresh_now(cid, record, secret)
            .await
            .map(|r| (r, true))
    }

    async fn refresh_now(
        &self,
        cid: &ConnectionId,
        record: ConnectionRecord,
        secret: ConnectionSecret,
    ) -> Result<ConnectionRecord, ServiceError> {
        let provider = self.provider(&record.provider)?;
        let key = VaultKey::Connection(cid.clone());
        let now = self.now();
        let (secret, expires_at) = match secret {
            ConnectionSecret::OAuth { tokens } => {
                let method = provider
                    .authorization_code()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::AuthorizationCode))?;
                match &tokens.refresh_token {
                    Some(refresh_token) => {
                        let creds =
                            self.app_credentials(&record.provider)
                                .await
                                .ok_or_else(|| {
                                    ServiceError::MissingCredentials(record.provider.clone())
                                })?;
                        let mut fresh =
                            flow::refresh_tokens(&self.http, method, &creds, refresh_token, now)
                                .await?;
                        // Providers that do not rotate return no refresh token: keep ours.
                        if fresh.refresh_token.is_none() {
                            fresh.refresh_token = tokens.refresh_token.clone();
                        }
                        for (k, v) in &tokens.extra {
                            fresh.extra.entry(k.clone()).or_insert_with(|| v.clone());
                        }
                        let expires_at = fresh.expires_at;
                        (ConnectionSecret::OAuth { tokens: fresh }, expires_at)
                    }
                    None => {
                        // Nothing to refresh (Ecwid): check the token still works.
                        if let Some(template) = &method.identity_url {
                            self.check_identity(template, &tokens).await?;
                        }
                        let expires_at = tokens.expires_at;
                        (ConnectionSecret::OAuth { tokens }, expires_at)
                    }
                }
            }
            ConnectionSecret::ClientCredentials {
                client_id,
                client_secret,
                ..
            } => {
                let method = provider
                    .client_credentials()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::ClientCredentials))?;
                let creds = AppCredentials {
                    client_id: client_id.clone(),
                    client_secret: Some(client_secret.clone()),
                };
                let tokens = flow::mint_client_credentials(&self.http, method, &creds, now).await?;
                let expires_at = tokens.expires_at;
                (
                    ConnectionSecret::ClientCredentials {
                        client_id,
                        client_secret,
                        tokens,
                    },
                    expires_at,
                )
            }
            ConnectionSecret::ApiKey { fields } => {
                let method = provider
                    .api_key()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::ApiKey))?;
                flow::verify_api_key(&self.http, method, &fields).await?;
                (ConnectionSecret::ApiKey { fields }, None)
            }
        };
        let item = secret.encode();
        self.vault.run(move |v| v.put(&key, &item)).await?;
        let updated = ConnectionRecord {
            obtained_at: now,
            expires_at,
            refreshed_at: Some(now),
            reconnect_needed: false,
            temporary_problem: false,
            ..record
        };
        self.index.upsert(updated.clone())?;
        log::info!("refreshed {cid} ({})", updated.provider);
        Ok(updated)
    }

    /// What a developer can copy from a connection: the access token, the header, a curl line to
    /// the provider's identity or check endpoint, and the refresh token. Read from the keychain on
    /// each call; never cached, never logged.
    pub async fn token_material(&self, id: &str) -> Result<TokenMaterial, ServiceError> {
        let cid = ConnectionId::parse(id)
            .ok_or_else(|| ServiceError::UnknownConnection(id.to_string()))?;
        let (record, secret) = self.load(&cid).await?;
        let provider = self.provider(&record.provider)?;
        let api_base = record
            .environment
            .as_deref()
            .and_then(|e| provider.environments.iter().find(|x| x.id == e))
            .or(provider.environments.first())
            .map(|e| e.api_base.as_str().to_string());
        let (access_token, request, refresh_token) = match &secret {
            ConnectionSecret::ApiKey { fields } => {
                let method = provider
                    .api_key()
                    .ok_or_else(|| no_method(&record.provider, MethodKind::ApiKey))?;
                let req = flow::api_key_check_request(method, fields)?;
                let value = req.header_value("Authorization").unwrap_or_default();
                let credential = value.split_once(' ').map_or(value, |(_, v)| v);
                (SecretString::new(credential), Some(req), None)
            }
            ConnectionSecret::OAuth { tokens }
            | ConnectionSecret::ClientCredentials { tokens, .. } => {
                let template = match provider.method(record.method) {
                    Some(crate::catalogue::Method::AuthorizationCode(m)) => m.identity_url.as_ref(),
                    Some(crate::catalogue::Method::ClientCredentials(m)) => m.check_url.as_ref(),
                    _ => None,
                };
                let req = match template {
                    Some(t) => flow::bearer_get(t, tokens, api_base.as_deref()).ok(),
                    None => None,
                };
                (
                    tokens.access_token.clone(),
                    req,
                    tokens.refresh_token.clone(),
                )
            }
        };
        let header = match request
            .as_ref()
            .and_then(|r| r.header_value("Authorization"))
        {
            Some(v) => SecretString::new(format!("Authorization: {v}")),
            None => SecretString::new(format!("Authorization: Bearer {}", access_token.expose())),
        };
        Ok(TokenMaterial {
            access_token,
            header,
            curl: request.as_ref().map(curl_line),
            refresh_token,
        })
    }

    /// A support report: app facts, keychain, clock skew, every connection's status, expiry and
    /// last error code, and recent events. Built only from the index, the timeline and live state,
    /// which hold no secrets; a test plants tokens and checks none appears.
    pub fn diagnostics(&self, app: &[(&str, String)]) -> String {
        use std::fmt::Write as _;
        let now = self.now();
        let mut out = String::from("Plugboard diagnostics\n");
        for (k, v) in app {
            let _ = writeln!(out, "{k}: {v}");
        }
        let _ = writeln!(
            out,
            "OS: {} {}",
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        let _ = writeln!(
            out,
            "Keychain: {} ({:?})",
            crate::vault::BACKEND,
            self.keychain_state()
        );
        match crate::http::last_skew() {
            Some(skew) => {
                let _ = writeln!(
                    out,
                    "Clock skew: {} s against {}{}",
                    skew.seconds,
                    skew.host,
                    if skew.seconds.abs() > lifetime::SKEW_WARNING {
                        " (more than a minute: expiry times will be off)"
                    } else {
                        ""
                    }
                );
            }
            None => out.push_str("Clock skew: not measured yet\n"),
        }
        let _ = writeln!(out, "Checked at: {now} (Unix seconds)");
        match self.index.load() {
            Ok(records) => {
                let _ = writeln!(out, "Connections: {}", records.len());
                for r in &records {
                    let live = self.live_status(r, now);
                    let _ = writeln!(
                        out,
                        "- {} · {} · {:?} · {} · {} · expires_at {} · last error {}",
                        r.id,
                        r.provider,
                        r.method,
                        live.label,
                        live.countdown,
                        r.expires_at.map_or("none".into(), |t| t.to_string()),
                        r.last_error
                            .as_ref()
                            .map_or("none".into(), |e| format!("{} at {}", e.code, e.at)),
                    );
                }
            }
            Err(e) => {
                let _ = writeln!(out, "Connections: the index cannot be read ({e})");
            }
        }
        out.push_str("Recent events:\n");
        for e in self.timeline.recent(20) {
            let _ = writeln!(
                out,
                "- {} {} {:?}{}",
                e.at,
                e.connection,
                e.kind,
                e.code.map(|c| format!(" ({c})")).unwrap_or_default()
            );
        }
        out
    }

    /// Disconnects: revoke where possible, then forget locally. Idempotent.
    pub async fn disconnect(&self, id: &str) -> Result<(String, DisconnectReport), ServiceError> {
        let cid = ConnectionId::parse(id)
            .ok_or_else(|| ServiceError::UnknownConnection(id.to_string()))?;
        // Not while another process refreshes it: that refresh would write the connection back.
        let _lock = crate::flight::acquire(&self.data_dir, &cid, crate::flight::wait()).await?;
        let record = self.index.get(&cid)?;
        let key = VaultKey::Connection(cid.clone());
        let get_key = key.clone();
        let item = self.vault.run(move |v| v.get(&get_key)).await?;
        let Some(record) = record else {
            // Not in the index: remove a stray keychain item, if any, and report nothing to do.
            if item.is_some() {
                self.vault.run(move |v| v.delete(&key)).await?;
            }
            return Ok((String::new(), DisconnectReport::AlreadyGone));
        };
        let provider = self.catalogue.get(&record.provider);
        let report = match (
            provider,
            item.as_ref().and_then(|i| ConnectionSecret::decode(i).ok()),
        ) {
            (Some(p), Some(secret)) if p.revoke.is_some() => match secret.tokens() {
                Some(tokens) => {
                    let creds =
                        self.app_credentials(&record.provider)
                            .await
                            .unwrap_or(AppCredentials {
                                client_id: String::new(),
                                client_secret: None,
                            });
                    match flow::revoke_request(p, tokens, &creds) {
                        Ok(Some(req)) => match flow::send(&self.http, &req).await {
                            Ok(resp) if (200..300).contains(&resp.status) || resp.status == 404 => {
                                DisconnectReport::Revoked
                            }
                            Ok(resp) => DisconnectReport::RevokeFailed {
                                reason: format!("HTTP {}", resp.status),
                            },
                            Err(e) => DisconnectReport::RevokeFailed {
                                reason: e.to_string(),
                            },
                        },
                        Ok(None) => DisconnectReport::NotSupported {
                            note: p.revoke_note.clone(),
                        },
                        Err(e) => DisconnectReport::RevokeFailed {
                            reason: e.to_string(),
                        },
                    }
                }
                None => DisconnectReport::NotSupported {
                    note: p.revoke_note.clone(),
                },
            },
            (p, _) => DisconnectReport::NotSupported {
                note: p.and_then(|p| p.revoke_note.clone()),
            },
        };
        self.vault.run(move |v| v.delete(&key)).await?;
        self.index.remove(&cid)?;
        self.record_event(&cid, EventKind::Disconnected, None);
        log::info!("disconnected {cid} ({}): {report:?}", record.provider);
        Ok((record.provider, report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_labels_fill_dotted_paths_and_skip_templates_with_missing_fields() {
        let data = serde_json::json!({"store_id": "1003", "account": {"accountEmail": "o@example.com"}, "hub_id": 42});
        assert_eq!(
            render_label("Store {store_id} · {account.accountEmail}", &data).as_deref(),
            Some("Store 1003 · o@example.com")
        );
        assert_eq!(
            render_label("Portal {hub_id}", &data).as_deref(),
            Some("Portal 42")
        );
        assert_eq!(render_label("{hub_domain} · {user}", &data), None);
    }

    #[test]
    fn app_credentials_come_from_the_environment_when_not_set_explicitly() {
        let source = CredentialSource::default();
        assert!(source.get("acme-test-provider").is_none());
        std::env::set_var("PLUGBOARD_ACME_TEST_PROVIDER_CLIENT_ID", "env-id");
        let from_env = source.get("acme-test-provider").unwrap();
        assert_eq!(from_env.client_id, "env-id");
        assert!(from_env.client_secret.is_none());
        source.set(
            "acme-test-provider",
            AppCredentials {
                client_id: "explicit".into(),
                client_secret: None,
            },
        );
        assert_eq!(
            source.get("acme-test-provider").unwrap().client_id,
            "explicit"
        );
        std::env::remove_var("PLUGBOARD_ACME_TEST_PROVIDER_CLIENT_ID");
    }

    #[test]
    fn errors_read_in_the_persons_words_with_stable_codes() {
        let e = ServiceError::Declined.to_user("HubSpot");
        assert_eq!(serde_json::to_value(&e).unwrap()["code"], "declined");
        assert_eq!(
            e.message,
            "You declined the request in HubSpot, so nothing was connected."
        );
        let e = ServiceError::Flow(FlowError::Token(TokenError::InvalidClient {
            code: "http_401".into(),
            description: None,
        }))
        .to_user("WhatConverts");
        assert_eq!(
            serde_json::to_value(&e).unwrap()["code"],
            "invalid_credentials"
        );
        assert_eq!(
            ServiceError::UnknownState.to_user("x").code,
            ErrorCode::StateMismatch
        );
    }
}

/*!
The provider simulator: an HTTP server on 127.0.0.1 that behaves as HubSpot, Ecwid, Hotmart and
WhatConverts document (../shared/PROVIDERS.md) — request formats, responses, error shapes, expiry —
with switches for faults. Tests and `make demo` point Plugboard at it through an ordinary
`providers.toml` ([`Simulator::providers_toml`]): the same catalogue schema, endpoints on loopback.

What it enforces, per provider, so a Plugboard that gets a detail wrong fails here as it would there:
- authorize: known client id, `response_type=code`, a PKCE S256 challenge, `state`, an acceptable
  redirect URI (HubSpot: https or `http://localhost`, never a custom scheme); answers with a redirect
  carrying `code` and the same `state` (or `error=access_denied` when consent is declined);
- token: `application/x-www-form-urlencoded` only, the client authentication the provider wants,
  the exact `redirect_uri` of the authorize step, a `code_verifier` matching the challenge, and each
  code once (a reused code is `invalid_grant` and revokes what it issued, as strict servers do);
- responses: HubSpot 1800 s + refresh token; Ecwid no expiry + `store_id`; Hotmart 172799 s from a
  client-credentials mint (parameters in the query, HTTP Basic); WhatConverts HTTP Basic keys;
- identity, revoke, and the providers' own error shapes (HubSpot: RFC 6749 `error` beside its
  legacy `status`/`message`).

HubSpot is served as its migration guide and its 2026-03 reference describe the dated OAuth API
(read 2026-12-07; see docs/providers.md): `POST /oauth/2026-03/token`, `/token/introspect` and
`/token/revoke`, every parameter in a form body (a query string is refused), client id and secret
in the body. The v1 endpoints answer as HubSpot says they will after 2027-02-16: an authentication
failure, counted as `hubspot.v1`. This reading is the simulator's own, written from HubSpot's
documents, never generated from Plugboard's catalogue.

Every request is counted by name ([`Simulator::count`]), e.g. `hubspot.token`, `hubspot.refresh`,
`hubspot.introspect`, `hubspot.revoke`, `hubspot.v1`, `hotmart.mint`, `whatconverts.check`.

Rooms: this file is the simulator's face (start, the credentials it accepts, what tests ask of
it); `routes` says what answers where; one room per provider (`hubspot`, `ecwid`, `hotmart`,
`whatconverts`, `nimbus`) holds its reading of that provider's documents; `authorize` and
`grants` the steps they share, `wire` the HTTP details; `store` what the providers remember,
`kept` demo mode's copy of it on disk; `faults` the switches; `tables` the `providers.toml`
tables that point Plugboard here.
*/

// Handlers return early with a ready `Response` as the error; boxing it would only add noise.
#![allow(clippy::result_large_err)]

mod answers;
mod authorize;
mod ecwid;
mod faults;
mod grants;
mod hotmart;
mod hubspot;
mod kept;
mod nimbus;
mod routes;
mod store;
mod tables;
mod whatconverts;
mod wire;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

pub use ecwid::ECWID_STORE_ID;
pub use faults::{Answer, Faults};
pub use tables::DEMO_HELP_ENGLISH;

use store::{now, Inner, Shared, Token};

/// Demo/test app credentials the simulator accepts, per provider id.
pub fn client_id(provider: &str) -> String {
    format!("{provider}-demo-client")
}

pub fn client_secret(provider: &str) -> String {
    format!("{provider}-demo-secret")
}

/// The WhatConverts key pair the simulator accepts.
pub const WHATCONVERTS_TOKEN: &str = "wc-demo-token-1234";
pub const WHATCONVERTS_SECRET: &str = "wc-demo-secret-5678";

/// The HubSpot account (hub) every simulated HubSpot token belongs to.
pub const HUBSPOT_HUB_ID: u64 = 4242;

/// The HubSpot loopback port the simulator's catalogue registers.
pub const DEFAULT_HUBSPOT_PORT: u16 = 53682;

/// A running simulator. Dropping it stops the server.
pub struct Simulator {
    addr: SocketAddr,
    inner: Shared,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

impl Simulator {
    /// Starts the simulator on a free port of 127.0.0.1, on the current tokio runtime.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_with(Inner::default()).await
    }

    /// As [`Self::start`], keeping the tokens it issues in `file` (demo mode's data folder), so
    /// that a simulator started later, or at once in another process, recognises them (see
    /// `kept.rs`).
    pub async fn start_keeping(file: PathBuf) -> std::io::Result<Self> {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let mut inner = Inner {
            keep: Some(file.clone()),
            ..Inner::default()
        };
        kept::take_in(&mut inner, &file);
        Self::start_with(inner).await
    }

    async fn start_with(inner: Inner) -> std::io::Result<Self> {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let inner: Shared = Arc::new(Mutex::new(inner));
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let app = routes::router(inner.clone());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Self {
            addr,
            inner,
            _shutdown: tx,
        })
    }

    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A HubSpot grant issued before this simulator started (by HubSpot's v1 API, say): the
    /// refresh token and access token it knows from now on, with their scopes. The access token
    /// has `lifetime` seconds left.
    pub fn issue_hubspot_grant(
        &self,
        refresh_token: &str,
        access_token: &str,
        scopes: &[&str],
        lifetime: i64,
    ) {
        let scopes: Vec<String> = scopes.iter().map(|s| s.to_string()).collect();
        let mut s = self.lock();
        s.refresh
            .insert(refresh_token.to_string(), ("hubspot", scopes.clone()));
        s.access.insert(
            access_token.to_string(),
            Token {
                provider: "hubspot",
                expires_at: Some(now() + lifetime),
                scopes,
            },
        );
    }

    /// Whether the simulator still accepts `refresh_token` (not revoked, not rotated away).
    pub fn knows_refresh_token(&self, refresh_token: &str) -> bool {
        self.lock().refresh.contains_key(refresh_token)
    }

    /// Whether the simulator accepts `access_token` now (issued, not revoked, not expired).
    pub fn token_is_active(&self, access_token: &str) -> bool {
        self.lock()
            .access
            .get(access_token)
            .is_some_and(|t| t.expires_at.is_none_or(|at| at > now()))
    }

    /// How many requests of `name` arrived (`hubspot.token`, `hubspot.refresh`, `hubspot.revoke`, …).
    pub fn count(&self, name: &str) -> usize {
        self.lock().counts.get(name).copied().unwrap_or(0)
    }

    /// Nimbus refresh tokens already spent by a rotation (for a test that replays one, as a thief
    /// with a stolen copy would, to see reuse detection revoke the grant).
    pub fn spent_refresh_tokens(&self) -> Vec<String> {
        self.lock().spent.keys().cloned().collect()
    }

    /// The most canned refresh answers (see [`Faults::refresh_answer`]) waited on at once.
    pub fn most_refreshes_at_once(&self) -> usize {
        self.lock().most_in_flight
    }

    /// Every token and code the simulator has minted so far.
    pub fn minted(&self) -> Vec<String> {
        self.inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .minted
            .clone()
    }

    /// The provider restarted and forgot every token and code it issued.
    pub fn forget_everything(&self) {
        let mut s = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        s.access.clear();
        s.refresh.clear();
        s.codes.clear();
        s.family.clear();
    }

    pub fn set_faults(&self, faults: Faults) {
        self.lock().faults = faults;
    }

    pub fn faults(&self) -> Faults {
        self.lock().faults.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The built-in providers this simulator reads, each from its own documents (its routes are its
/// own reading, never generated from Plugboard's catalogue); Nimbus, a provider of the user's own,
/// besides. A test in the core checks every built-in provider is here.
pub const PROVIDERS: [&str; 4] = ["hotmart", "whatconverts", "ecwid", "hubspot"];

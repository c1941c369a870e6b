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
*/

// Handlers return early with a ready `Response` as the error; boxing it would only add noise.
#![allow(clippy::result_large_err)]

mod kept;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use axum::{Json, Router};
use base64::Engine;
use futures_util::StreamExt;
use serde_json::json;
use sha2::{Digest, Sha256};

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

/// Switches for faults and lifetimes.
#[derive(Debug, Clone, Default)]
pub struct Faults {
    /// Authorize answers `error=access_denied`.
    pub decline_consent: bool,
    /// Token endpoints answer 503.
    pub token_unavailable: bool,
    /// Refresh grants answer `invalid_grant`.
    pub refresh_invalid_grant: bool,
    /// Overrides HubSpot's 1800 s access-token lifetime for tokens from a sign-in (code exchange),
    /// e.g. 5 s for countdown tests; refreshed tokens still live 1800 s.
    pub hubspot_lifetime: Option<i64>,
    /// HubSpot refresh grants return a new refresh token (rotation) instead of the same one, and
    /// a rotated-away one presented again revokes the whole grant (reuse detection, counted as
    /// `hubspot.reuse_detected`), as strict servers do.
    pub rotate_refresh_tokens: bool,
    /// HubSpot's revoke endpoint answers 503.
    pub revoke_unavailable: bool,
    /// HubSpot's introspection says no token is active (`{"active": false}`): a grant HubSpot
    /// stopped accepting.
    pub identity_unauthorized: bool,
    /// Overrides Nimbus's 3600 s access-token lifetime for tokens from a sign-in (code exchange).
    pub nimbus_lifetime: Option<i64>,
    /// Overrides the 1800 s lifetime of HubSpot's refreshed tokens (e.g. 5 s tokens).
    pub hubspot_refreshed_lifetime: Option<i64>,
    /// HubSpot and Nimbus refresh grants get this answer instead of tokens (malformed, huge,
    /// slow, 429…); nothing rotates.
    pub refresh_answer: Option<Answer>,
    /// HubSpot refresh grants rotate the refresh token, then the reply is lost (the connection
    /// breaks after the headers): the new tokens exist only at the provider.
    pub lose_reply_after_rotation: bool,
    /// HubSpot refresh grants are carried out at once (a rotation spends the presented token)
    /// and answered this much later (`hubspot.refresh_answered` counts the answers sent): a
    /// window in which a test stops the client mid-refresh.
    pub refresh_delay: Option<std::time::Duration>,
    /// The providers' clock is this many seconds off the machine's (negative: behind): every
    /// answer's `Date` header says so, as a provider's would to a machine whose clock is wrong.
    pub clock_offset: Option<i64>,
    /// Nimbus says its tokens are this user's instead of dana@nimbus.example (the person
    /// signed in to another account).
    pub nimbus_username: Option<String>,
}

/// A raw answer for a fault: any status, headers and body, possibly late or endless.
#[derive(Debug, Clone, Default)]
pub struct Answer {
    pub status: u16,
    pub content_type: Option<String>,
    pub retry_after: Option<String>,
    pub body: Vec<u8>,
    /// Wait this long before answering.
    pub delay: std::time::Duration,
    /// After `body`, send chunks forever.
    pub endless: bool,
}

impl Answer {
    /// A 200 with this JSON or text body.
    pub fn ok(body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: 200,
            content_type: Some("application/json".into()),
            body: body.into(),
            ..Self::default()
        }
    }

    fn into_response(self) -> Response {
        let mut builder = Response::builder().status(self.status);
        if let Some(t) = &self.content_type {
            builder = builder.header(header::CONTENT_TYPE, t);
        }
        if let Some(r) = &self.retry_after {
            builder = builder.header(header::RETRY_AFTER, r);
        }
        let body = if self.endless {
            let first = Bytes::from(self.body);
            let chunk = Bytes::from(vec![b' '; 64 * 1024]);
            let stream = futures_util::stream::once(async move { Ok::<_, std::io::Error>(first) })
                .chain(futures_util::stream::repeat_with(move || Ok(chunk.clone())));
            axum::body::Body::from_stream(stream)
        } else {
            axum::body::Body::from(self.body)
        };
        builder
            .body(body)
            .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
    }
}

/// A reply whose connection breaks after the headers: the client sees no usable answer.
fn lost_reply() -> Response {
    let stream =
        futures_util::stream::once(async { Err::<Bytes, _>(std::io::Error::other("reply lost")) });
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from_stream(stream))
        .unwrap_or_else(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response())
}

#[derive(Debug, Clone)]
struct Code {
    provider: &'static str,
    redirect_uri: String,
    challenge: String,
    scopes: Vec<String>,
    used: bool,
    issued: Vec<String>,
}

#[derive(Debug, Clone)]
struct Token {
    provider: &'static str,
    expires_at: Option<i64>,
    scopes: Vec<String>,
}

#[derive(Default)]
struct Inner {
    faults: Faults,
    counts: HashMap<String, usize>,
    codes: HashMap<String, Code>,
    access: HashMap<String, Token>,
    refresh: HashMap<String, (&'static str, Vec<String>)>,
    serial: u64,
    /// Nimbus: the grant ("family") each access and refresh token belongs to, and the refresh
    /// tokens already spent (presenting one again revokes the whole family).
    family: HashMap<String, u64>,
    spent: HashMap<String, u64>,
    /// Every token and code minted, for canary tests (none may show up outside the keychain).
    minted: Vec<String>,
    /// Canned refresh answers being waited on now, and the most at once (a client's bound).
    in_flight: usize,
    most_in_flight: usize,
    /// Demo mode: the file its issued tokens are kept in ([`Simulator::start_keeping`]), and the
    /// tokens it held when last read or written (one gone from it since was removed elsewhere).
    keep: Option<PathBuf>,
    kept_seen: std::collections::HashSet<String>,
}

type Shared = Arc<Mutex<Inner>>;

/// A running simulator. Dropping it stops the server.
pub struct Simulator {
    addr: SocketAddr,
    inner: Shared,
    _shutdown: tokio::sync::oneshot::Sender<()>,
}

fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

impl Inner {
    fn count(&mut self, name: &str) {
        *self.counts.entry(name.to_string()).or_default() += 1;
    }

    fn mint(&mut self, prefix: &str) -> String {
        self.serial += 1;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let value = format!("{prefix}-{}-{nanos:08x}", self.serial);
        self.minted.push(value.clone());
        value
    }
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
        let app = router(inner.clone());
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

    /// A provider of the user's own, as a team would add it to `providers.toml`: "Nimbus CRM", an
    /// OAuth server for public clients (PKCE, no client secret, JSON token requests, comma-separated
    /// scopes, an extra authorize parameter) that rotates refresh tokens with reuse detection, and
    /// offers RFC 7662 introspection and RFC 7009 revocation. With its `[credentials]` block.
    pub fn nimbus_toml(&self) -> String {
        include_str!("nimbus.toml.in").replace("{base}", &self.base_url())
    }

    /// Demo mode's table: [`Self::providers_toml`] with the simulator's app credentials for each
    /// of the four, so every provider connects with nothing typed.
    pub fn demo_toml(&self, hubspot_port: u16) -> String {
        self.demo_toml_worded(hubspot_port, |_| None)
    }

    /// [`Self::demo_toml`] with [`Self::providers_toml_worded`]'s words.
    pub fn demo_toml_worded(
        &self,
        hubspot_port: u16,
        help: impl Fn(&str) -> Option<String>,
    ) -> String {
        let mut table = self.providers_toml_worded(hubspot_port, help);
        for p in PROVIDERS {
            table.push_str(&format!(
                "\n[credentials.{p}]\nclient_id = \"{}\"\nclient_secret = \"{}\"\n",
                client_id(p),
                client_secret(p)
            ));
        }
        table
    }

    /// A `providers.toml` that points all four providers at this simulator, with HubSpot's loopback
    /// redirect on `hubspot_port`.
    pub fn providers_toml(&self, hubspot_port: u16) -> String {
        self.providers_toml_worded(hubspot_port, |_| None)
    }

    /// [`Self::providers_toml`] with each provider's "credentials are filled in" line in the
    /// words `help` gives for its id (plain English where it gives none): the demo speaks the
    /// person's language without the simulator knowing any. Every `{help:<id>}` in the table is
    /// worded, so a provider added to the table needs nothing here.
    pub fn providers_toml_worded(
        &self,
        hubspot_port: u16,
        help: impl Fn(&str) -> Option<String>,
    ) -> String {
        let base = self.base_url();
        let mut table = include_str!("providers.toml.in")
            .replace("{base}", &base)
            .replace("{hubspot_port}", &hubspot_port.to_string());
        while let Some(start) = table.find("{help:") {
            let Some(len) = table[start..].find('}') else {
                break;
            };
            let provider = table[start + "{help:".len()..start + len].to_string();
            let words = help(&provider).unwrap_or_else(|| DEMO_HELP_ENGLISH.to_string());
            // A TOML basic string: backslashes and quotes escaped, on one line.
            let quoted = words
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', " ");
            table.replace_range(start..start + len + 1, &quoted);
        }
        table
    }
}

/// The built-in providers this simulator reads, each from its own documents (its routes are its
/// own reading, never generated from Plugboard's catalogue); Nimbus, a provider of the user's own,
/// besides. A test in the core checks every built-in provider is here.
pub const PROVIDERS: [&str; 4] = ["hotmart", "whatconverts", "ecwid", "hubspot"];

/// What demo mode's cards say of their app credentials when no words are given.
pub const DEMO_HELP_ENGLISH: &str = "Demo: the simulator's credentials are filled in for you.";

fn router(inner: Shared) -> Router {
    Router::new()
        .route("/{provider}/oauth/authorize", get(authorize))
        .route("/hubspot/oauth/2026-03/token", post(hubspot_token))
        .route(
            "/hubspot/oauth/2026-03/token/introspect",
            post(hubspot_introspect),
        )
        .route("/hubspot/oauth/2026-03/token/revoke", post(hubspot_revoke))
        // Switched off on 2027-02-16: every v1 call fails as HubSpot says it will.
        .route("/hubspot/oauth/v1/{*rest}", any(hubspot_v1_retired))
        .route("/ecwid/api/oauth/token/{store_id}", post(ecwid_token))
        // Ecwid's flow without the store in the path, disabled in 2026 (its changelog of
        // 2025-09-19): refused and counted, so a forgotten old call fails a test.
        .route("/ecwid/api/oauth/token", post(ecwid_token_retired))
        .route("/ecwid/api/v3/{store_id}/profile", get(ecwid_profile))
        .route("/hotmart/security/oauth/token", post(hotmart_token))
        .route(
            "/hotmart/payments/api/v1/sales/summary",
            get(hotmart_summary),
        )
        .route("/whatconverts/oauth/token", post(whatconverts_oauth_token))
        .route("/whatconverts/api/v1/leads", get(whatconverts_leads))
        .route("/nimbus/oauth/token", post(nimbus_token))
        .route("/nimbus/oauth/introspect", post(nimbus_introspect))
        .route("/nimbus/oauth/revoke", post(nimbus_revoke))
        // Test controls, for a simulator running inside another process (demo mode under e2e).
        .route("/_sim/counts", get(sim_counts))
        .route("/_sim/faults", post(sim_faults))
        .layer(axum::middleware::from_fn_with_state(
            inner.clone(),
            keep_tokens,
        ))
        .layer(axum::middleware::from_fn_with_state(
            inner.clone(),
            provider_clock,
        ))
        .with_state(inner)
}

/// Every answer's `Date` header, on the providers' clock (`clock_offset`): off the machine's by
/// the fault's seconds, or the machine's own.
async fn provider_clock(
    State(inner): State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let mut response = next.run(request).await;
    let offset = inner
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .faults
        .clock_offset;
    if let Some(offset) = offset {
        let at = std::time::SystemTime::now()
            .checked_add(std::time::Duration::from_secs(offset.max(0) as u64))
            .and_then(|t| t.checked_sub(std::time::Duration::from_secs((-offset).max(0) as u64)))
            .unwrap_or_else(std::time::SystemTime::now);
        if let Ok(value) = header::HeaderValue::from_str(&httpdate::fmt_http_date(at)) {
            response.headers_mut().insert(header::DATE, value);
        }
    }
    response
}

/// Demo mode: takes in the tokens other processes issued before a request, and writes back what
/// the request issued or revoked after it (see `kept.rs`). Nothing without a file to keep.
async fn keep_tokens(
    State(inner): State<Shared>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let before = take_in_kept(&inner);
    let response = next.run(request).await;
    if let Some((file, known)) = before {
        let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
        kept::write_back(&mut s, &file, &known);
    }
    response
}

/// The kept file and the tokens known once its tokens are taken in; `None` outside demo mode.
fn take_in_kept(inner: &Shared) -> Option<(PathBuf, std::collections::HashSet<String>)> {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let file = s.keep.clone()?;
    kept::take_in(&mut s, &file);
    let known = kept::known(&s);
    Some((file, known))
}

async fn sim_counts(State(inner): State<Shared>) -> Response {
    Json(
        inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .counts
            .clone(),
    )
    .into_response()
}

/// Sets faults from a JSON object, e.g. `{"decline_consent": true, "hubspot_lifetime": 5}`.
async fn sim_faults(State(inner): State<Shared>, body: Bytes) -> Response {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(&body) else {
        return (StatusCode::BAD_REQUEST, "expected a JSON object").into_response();
    };
    let flag = |k: &str| {
        v.get(k)
            .and_then(serde_json::Value::as_bool)
            .unwrap_or(false)
    };
    let faults = Faults {
        decline_consent: flag("decline_consent"),
        token_unavailable: flag("token_unavailable"),
        refresh_invalid_grant: flag("refresh_invalid_grant"),
        rotate_refresh_tokens: flag("rotate_refresh_tokens"),
        revoke_unavailable: flag("revoke_unavailable"),
        identity_unauthorized: flag("identity_unauthorized"),
        hubspot_lifetime: v
            .get("hubspot_lifetime")
            .and_then(serde_json::Value::as_i64),
        nimbus_lifetime: v.get("nimbus_lifetime").and_then(serde_json::Value::as_i64),
        clock_offset: v.get("clock_offset").and_then(serde_json::Value::as_i64),
        ..Faults::default()
    };
    inner.lock().unwrap_or_else(|p| p.into_inner()).faults = faults;
    StatusCode::NO_CONTENT.into_response()
}

fn provider_name(id: &str) -> Option<&'static str> {
    PROVIDERS.into_iter().chain(["nimbus"]).find(|p| *p == id)
}

fn query_map(raw: Option<&str>) -> HashMap<String, String> {
    url::form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .into_owned()
        .collect()
}

fn oauth_error(status: StatusCode, error: &str, description: &str) -> Response {
    (
        status,
        Json(json!({ "error": error, "error_description": description })),
    )
        .into_response()
}

fn redirect(location: String) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

fn redirect_uri_allowed(provider: &str, uri: &str) -> bool {
    let Ok(url) = url::Url::parse(uri) else {
        return false;
    };
    match (provider, url.scheme()) {
        // HubSpot: https, or plain http for the host `localhost` only; custom schemes are rejected.
        ("hubspot", "https") => true,
        ("hubspot", "http") => url.host_str() == Some("localhost"),
        ("hubspot", _) => false,
        (_, "https") => true,
        (_, "http") => matches!(url.host_str(), Some("localhost" | "127.0.0.1")),
        (_, scheme) => scheme == "dev.plugboard.desktop",
    }
}

async fn authorize(
    State(inner): State<Shared>,
    Path(provider): Path<String>,
    RawQuery(raw): RawQuery,
) -> Response {
    let Some(provider) = provider_name(&provider) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let q = query_map(raw.as_deref());
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count(&format!("{provider}.authorize"));
    let field = |k: &str| q.get(k).cloned().unwrap_or_default();
    // Problems before a trustworthy redirect URI is known are shown to the person, not redirected.
    if field("client_id") != client_id(provider) {
        return (StatusCode::BAD_REQUEST, "unknown client_id").into_response();
    }
    let redirect_uri = field("redirect_uri");
    if !redirect_uri_allowed(provider, &redirect_uri) {
        return (
            StatusCode::BAD_REQUEST,
            "redirect_uri is not registered for this app",
        )
            .into_response();
    }
    let state = field("state");
    let back = |params: &[(&str, &str)]| {
        let mut url = url::Url::parse(&redirect_uri).expect("checked above");
        url.query_pairs_mut().extend_pairs(params);
        redirect(url.to_string())
    };
    if field("response_type") != "code" {
        return back(&[("error", "unsupported_response_type"), ("state", &state)]);
    }
    if field("code_challenge_method") != "S256" || field("code_challenge").len() != 43 {
        return back(&[
            ("error", "invalid_request"),
            ("error_description", "PKCE S256 required"),
            ("state", &state),
        ]);
    }
    // Nimbus documents comma-separated scopes and wants `prompt=consent` on every sign-in.
    if provider == "nimbus" && (field("prompt") != "consent" || field("scope").contains(' ')) {
        return back(&[
            ("error", "invalid_request"),
            (
                "error_description",
                "prompt=consent and comma-separated scopes required",
            ),
            ("state", &state),
        ]);
    }
    if s.faults.decline_consent {
        return back(&[("error", "access_denied"), ("state", &state)]);
    }
    let code = s.mint(&format!("{provider}-code"));
    let scopes = field("scope")
        .split([' ', ','])
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect();
    s.codes.insert(
        code.clone(),
        Code {
            provider,
            redirect_uri: redirect_uri.clone(),
            challenge: field("code_challenge"),
            scopes,
            used: false,
            issued: vec![],
        },
    );
    // Ecwid adds the store the sign-in was for (its changelog of 2025-09-19).
    let store = ECWID_STORE_ID.to_string();
    if provider == "ecwid" {
        return back(&[("code", &code), ("state", &state), ("store_id", &store)]);
    }
    back(&[("code", &code), ("state", &state)])
}

fn is_form(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"))
}

fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let encoded = value.strip_prefix("Basic ")?;
    let decoded = String::from_utf8(
        base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .ok()?,
    )
    .ok()?;
    let (user, password) = decoded.split_once(':')?;
    Some((user.to_string(), password.to_string()))
}

fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::to_string)
}

fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()))
}

/// The shared authorization-code and refresh-token grant, as strict servers do it. `Ok` carries the
/// granted scopes and, for a refresh, the refresh token to hand back.
enum Grant {
    Code {
        scopes: Vec<String>,
        code: String,
    },
    Refresh {
        scopes: Vec<String>,
        refresh_token: String,
    },
}

fn check_grant(
    s: &mut Inner,
    provider: &'static str,
    form: &HashMap<String, String>,
) -> Result<Grant, Response> {
    let field = |k: &str| form.get(k).cloned().unwrap_or_default();
    match field("grant_type").as_str() {
        "authorization_code" => {
            let code = field("code");
            let Some(entry) = s.codes.get_mut(&code).filter(|c| c.provider == provider) else {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "unknown authorization code",
                ));
            };
            if entry.used {
                // RFC 6749 §4.1.2: a reused code revokes what it issued.
                let issued = std::mem::take(&mut entry.issued);
                for t in issued {
                    s.access.remove(&t);
                    s.refresh.remove(&t);
                }
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "authorization code already used",
                ));
            }
            if entry.redirect_uri != field("redirect_uri") {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "redirect_uri does not match",
                ));
            }
            let verifier = field("code_verifier");
            if verifier.is_empty() {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "code_verifier required",
                ));
            }
            if s256(&verifier) != entry.challenge {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "code_verifier does not match",
                ));
            }
            entry.used = true;
            Ok(Grant::Code {
                scopes: entry.scopes.clone(),
                code,
            })
        }
        "refresh_token" => {
            let token = field("refresh_token");
            // A rotated-away refresh token presented again: reuse detection revokes the whole
            // grant, as strict servers do (OAuth 2.0 Security BCP §4.14.2). Counted per
            // provider as `<provider>.reuse_detected` — a grant lost.
            if let Some(family) = s.spent.get(&token).copied() {
                s.count(&format!("{provider}.reuse_detected"));
                revoke_family(s, family);
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "refresh token reuse detected; the grant was revoked",
                ));
            }
            if s.faults.refresh_invalid_grant {
                return Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "refresh token revoked",
                ));
            }
            match s.refresh.get(&token) {
                Some((p, scopes)) if *p == provider => Ok(Grant::Refresh {
                    scopes: scopes.clone(),
                    refresh_token: token,
                }),
                _ => Err(oauth_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_grant",
                    "unknown refresh token",
                )),
            }
        }
        _ => Err(oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "grant_type not supported",
        )),
    }
}

fn form_body(headers: &HeaderMap, body: &Bytes) -> Result<HashMap<String, String>, Response> {
    if !is_form(headers) {
        return Err(oauth_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "invalid_request",
            "Content-Type must be application/x-www-form-urlencoded",
        ));
    }
    Ok(url::form_urlencoded::parse(body).into_owned().collect())
}

fn body_client_ok(provider: &str, form: &HashMap<String, String>) -> bool {
    form.get("client_id").map(String::as_str) == Some(&client_id(provider))
        && form.get("client_secret").map(String::as_str) == Some(&client_secret(provider))
}

/// HubSpot's error answer on the dated API: RFC 6749's `error`/`error_description` beside the
/// legacy `status`/`message`, which HubSpot keeps for now.
fn hubspot_error(status: StatusCode, error: &str, legacy: &str, description: &str) -> Response {
    (
        status,
        Json(json!({
            "error": error, "error_description": description,
            "status": legacy, "message": description,
            "correlationId": "00000000-0000-4000-8000-000000000000",
        })),
    )
        .into_response()
}

/// HubSpot's dated endpoints take every parameter in the form body: a query string is refused
/// (the v1 habit of putting client credentials in the URL is what the new API ends).
fn hubspot_no_query(raw: Option<&str>) -> Result<(), Response> {
    match raw {
        Some(q) if !q.is_empty() => Err(hubspot_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "BAD_REQUEST",
            "parameters belong in the form body, not the query",
        )),
        _ => Ok(()),
    }
}

/// A request to a dated endpoint: no query string, a form body, the client's id and secret in it.
fn hubspot_form(
    raw: Option<&str>,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<HashMap<String, String>, Response> {
    hubspot_no_query(raw)?;
    let form = form_body(headers, body)?;
    hubspot_client(&form)?;
    Ok(form)
}

/// The client's id and secret in the form body, as the dated endpoints require.
fn hubspot_client(form: &HashMap<String, String>) -> Result<(), Response> {
    if body_client_ok("hubspot", form) {
        Ok(())
    } else {
        Err(hubspot_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "BAD_CLIENT_ID",
            "missing or unknown client id or secret",
        ))
    }
}

/// `POST /oauth/2026-03/token`: the authorization-code and refresh-token grants.
async fn hubspot_token(
    State(inner): State<Shared>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if let Err(r) = hubspot_no_query(raw.as_deref()) {
        return r;
    }
    let refresh = form_body(&headers, &body)
        .is_ok_and(|f| f.get("grant_type").map(String::as_str) == Some("refresh_token"));
    if let Some(answer) = canned_refresh(&inner, refresh, "hubspot.refresh") {
        return answer_late(&inner, answer).await;
    }
    let (answer, delay) = hubspot_token_grant(&inner, &headers, &body);
    if let Some(delay) = delay {
        tokio::time::sleep(delay).await;
        inner
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .count("hubspot.refresh_answered");
    }
    answer
}

/// The grant itself, under the simulator's lock: the answer, and how long to hold it back.
fn hubspot_token_grant(
    inner: &Shared,
    headers: &HeaderMap,
    body: &Bytes,
) -> (Response, Option<std::time::Duration>) {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let form = match form_body(headers, body) {
        Ok(f) => f,
        Err(r) => return (r, None),
    };
    let refresh = form.get("grant_type").map(String::as_str) == Some("refresh_token");
    s.count(if refresh {
        "hubspot.refresh"
    } else {
        "hubspot.token"
    });
    if s.faults.token_unavailable {
        return (
            (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response(),
            None,
        );
    }
    if let Err(r) = hubspot_client(&form) {
        return (r, None);
    }
    let grant = match check_grant(&mut s, "hubspot", &form) {
        Ok(g) => g,
        Err(r) => return (r, None),
    };
    // The lifetime fault shortens sign-in tokens only: refreshed ones get HubSpot's 30 minutes.
    let lifetime = match &grant {
        Grant::Code { .. } => s.faults.hubspot_lifetime.unwrap_or(1800),
        Grant::Refresh { .. } => s.faults.hubspot_refreshed_lifetime.unwrap_or(1800),
    };
    let lose_reply = matches!(grant, Grant::Refresh { .. }) && s.faults.lose_reply_after_rotation;
    let access = s.mint("hs-at");
    let (scopes, refresh_token, family) = match grant {
        Grant::Code { scopes, code } => {
            let rt = s.mint("hs-rt");
            if let Some(c) = s.codes.get_mut(&code) {
                c.issued.extend([access.clone(), rt.clone()]);
            }
            s.serial += 1;
            (scopes, rt, s.serial)
        }
        Grant::Refresh {
            scopes,
            refresh_token,
        } if s.faults.rotate_refresh_tokens => {
            // Rotation with reuse detection: the presented token is spent, and presenting it
            // again revokes the grant (see `check_grant`).
            s.refresh.remove(&refresh_token);
            let family = s.family.get(&refresh_token).copied().unwrap_or_default();
            s.spent.insert(refresh_token, family);
            (scopes, s.mint("hs-rt"), family)
        }
        Grant::Refresh {
            scopes,
            refresh_token,
        } => {
            let family = s.family.get(&refresh_token).copied().unwrap_or_default();
            (scopes, refresh_token, family)
        }
    };
    s.family.insert(access.clone(), family);
    s.family.insert(refresh_token.clone(), family);
    s.refresh
        .insert(refresh_token.clone(), ("hubspot", scopes.clone()));
    s.access.insert(
        access.clone(),
        Token {
            provider: "hubspot",
            expires_at: Some(now() + lifetime),
            scopes,
        },
    );
    if lose_reply {
        s.count("hubspot.reply_lost");
        return (lost_reply(), None);
    }
    let scopes = s
        .access
        .get(&access)
        .map(|t| t.scopes.clone())
        .unwrap_or_default();
    let answer = Json(json!({
        "token_type": "bearer", "refresh_token": refresh_token, "access_token": access,
        "expires_in": lifetime, "token_use": "access_token", "hub_id": HUBSPOT_HUB_ID,
        "user_id": 99, "scopes": scopes,
    }))
    .into_response();
    let delay = s.faults.refresh_delay.filter(|_| refresh);
    (answer, delay)
}

/// `POST /oauth/2026-03/token/introspect`: whether a token is active, and whose. Client
/// credentials and the token in the form body; `{"active": false}` for a token HubSpot does not
/// accept (expired, unknown, revoked).
async fn hubspot_introspect(
    State(inner): State<Shared>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("hubspot.introspect");
    let form = match hubspot_form(raw.as_deref(), &headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let token = form.get("token").cloned().unwrap_or_default();
    let refusing = s.faults.identity_unauthorized;
    let common = |scopes: &[String]| {
        json!({
            "active": true, "hub_id": HUBSPOT_HUB_ID, "user_id": 99, "app_id": 7,
            "client_id": client_id("hubspot"), "scopes": scopes, "token_type": "bearer",
            "user": "ana@example.com", "hub_domain": "example-portal.hubspot.com",
        })
    };
    if let Some(t) = s.access.get(&token) {
        if t.provider == "hubspot" && !refusing && t.expires_at.is_none_or(|e| e > now()) {
            let mut answer = common(&t.scopes);
            answer["token_use"] = json!("access_token");
            answer["token"] = json!(token);
            answer["expires_in"] = json!(t.expires_at.map(|e| e - now()));
            answer["is_private_distribution"] = json!(false);
            answer["signed_access_token"] = json!({"appId": 7, "hubId": HUBSPOT_HUB_ID, "signature": "sig-0000", "newSignature": "sig-0001"});
            return Json(answer).into_response();
        }
    }
    if let Some((p, scopes)) = s.refresh.get(&token) {
        if *p == "hubspot" && !refusing {
            let mut answer = common(scopes);
            answer["token_use"] = json!("refresh_token");
            answer["token"] = json!(token);
            return Json(answer).into_response();
        }
    }
    Json(json!({"active": false})).into_response()
}

/// `POST /oauth/2026-03/token/revoke`: deletes the refresh token (RFC 7009: 200, also for a
/// token it does not know). Access tokens already issued live on.
async fn hubspot_revoke(
    State(inner): State<Shared>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("hubspot.revoke");
    let form = match hubspot_form(raw.as_deref(), &headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if s.faults.revoke_unavailable {
        return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
    }
    let token = form.get("token").cloned().unwrap_or_default();
    if s.refresh.get(&token).is_some_and(|(p, _)| *p == "hubspot") {
        s.refresh.remove(&token);
    }
    StatusCode::OK.into_response()
}

/// Any `/oauth/v1/…` call: HubSpot switched them off on 2027-02-16, and apps still calling them
/// get authentication failures. Counted as `hubspot.v1`, so a forgotten v1 call fails a test.
async fn hubspot_v1_retired(State(inner): State<Shared>) -> Response {
    inner
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .count("hubspot.v1");
    hubspot_error(
        StatusCode::UNAUTHORIZED,
        "invalid_request",
        "ENDPOINT_RETIRED",
        "The OAuth v1 API was switched off on 2027-02-16; use /oauth/2026-03/",
    )
}

/// The store every simulated Ecwid sign-in is for (its callback carries it as `store_id`).
pub const ECWID_STORE_ID: u64 = 1003;

async fn ecwid_token_retired(State(inner): State<Shared>) -> Response {
    inner
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .count("ecwid.token_without_store");
    oauth_error(
        StatusCode::BAD_REQUEST,
        "invalid_request",
        "the store id belongs in the path: POST /api/oauth/token/{store_id}",
    )
}

/// `POST /api/oauth/token/{store_id}`: the code exchange for the store the callback named.
async fn ecwid_token(
    State(inner): State<Shared>,
    Path(store_id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("ecwid.token");
    if store_id != ECWID_STORE_ID.to_string() {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_grant",
            "the code was not issued for this store",
        );
    }
    let form = match form_body(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if s.faults.token_unavailable {
        return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
    }
    if !body_client_ok("ecwid", &form) {
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_client",
            "client authentication failed",
        );
    }
    match check_grant(&mut s, "ecwid", &form) {
        Ok(Grant::Code { scopes, code }) => {
            let access = s.mint("secret_ecwid");
            if let Some(c) = s.codes.get_mut(&code) {
                c.issued.push(access.clone());
            }
            s.access.insert(
                access.clone(),
                Token {
                    provider: "ecwid",
                    expires_at: None,
                    scopes: scopes.clone(),
                },
            );
            let public_token = s.mint("public_ecwid");
            Json(json!({
                "access_token": access, "token_type": "bearer", "scope": scopes.join(" "),
                "store_id": ECWID_STORE_ID, "public_token": public_token
            }))
            .into_response()
        }
        // Ecwid issues no refresh tokens.
        Ok(Grant::Refresh { .. }) => oauth_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "no refresh",
        ),
        Err(r) => r,
    }
}

async fn ecwid_profile(
    State(inner): State<Shared>,
    Path(store_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("ecwid.identity");
    let token = bearer(&headers).and_then(|t| s.access.get(&t).cloned());
    match token {
        Some(t) if t.provider == "ecwid" && store_id == "1003" => {
            if !t.scopes.iter().any(|x| x == "read_store_profile") {
                return (
                    StatusCode::FORBIDDEN,
                    Json(json!({"errorMessage": "INSUFFICIENT_APP_SCOPE"})),
                )
                    .into_response();
            }
            Json(json!({"generalInfo": {"storeId": 1003, "storeUrl": "https://shop.example.com"}, "account": {"accountEmail": "owner@shop.example.com"}}))
                .into_response()
        }
        _ => (
            StatusCode::FORBIDDEN,
            Json(json!({"errorMessage": "INVALID_API_TOKEN"})),
        )
            .into_response(),
    }
}

async fn hotmart_token(
    State(inner): State<Shared>,
    headers: HeaderMap,
    RawQuery(raw): RawQuery,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let q = query_map(raw.as_deref());
    if q.get("grant_type").map(String::as_str) == Some("client_credentials") {
        s.count("hotmart.mint");
        if s.faults.token_unavailable {
            return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
        }
        let (id, secret) = (client_id("hotmart"), client_secret("hotmart"));
        let query_ok = q.get("client_id") == Some(&id) && q.get("client_secret") == Some(&secret);
        let basic_ok = basic_credentials(&headers) == Some((id, secret));
        if !query_ok || !basic_ok {
            return oauth_error(
                StatusCode::UNAUTHORIZED,
                "invalid_client",
                "Bad client credentials",
            );
        }
        let access = s.mint("hm-at");
        s.access.insert(
            access.clone(),
            Token {
                provider: "hotmart",
                expires_at: Some(now() + 172_799),
                scopes: vec![],
            },
        );
        return Json(json!({"access_token": access, "token_type": "bearer", "expires_in": 172799, "scope": "read write", "jti": s.mint("jti")}))
            .into_response();
    }
    // The source text's authorization-code variant: form body, client credentials in the body.
    s.count("hotmart.token");
    let form = match form_body(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !body_client_ok("hotmart", &form) {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "Bad client credentials",
        );
    }
    code_grant_with_refresh(&mut s, "hotmart", "hm", 172_799, &form)
}

async fn hotmart_summary(State(inner): State<Shared>, headers: HeaderMap) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("hotmart.check");
    match bearer(&headers).and_then(|t| s.access.get(&t).cloned()) {
        Some(t) if t.provider == "hotmart" && t.expires_at.is_none_or(|e| e > now()) => {
            Json(json!({"items": [{"total_value": {"value": 0, "currency_code": "BRL"}}]}))
                .into_response()
        }
        Some(_) => oauth_error(
            StatusCode::UNAUTHORIZED,
            "token_expired",
            "Access token expired",
        ),
        None => oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_token",
            "Invalid access token",
        ),
    }
}

async fn whatconverts_oauth_token(
    State(inner): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("whatconverts.token");
    let form = match form_body(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    if !body_client_ok("whatconverts", &form) {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "client authentication failed",
        );
    }
    code_grant_with_refresh(&mut s, "whatconverts", "wc", 3600, &form)
}

/// The plain RFC 6749 answer of the source texts' code flows (Hotmart, WhatConverts): an access
/// token of `lifetime` seconds and a refresh token.
fn code_grant_with_refresh(
    s: &mut Inner,
    provider: &'static str,
    prefix: &str,
    lifetime: i64,
    form: &HashMap<String, String>,
) -> Response {
    match check_grant(s, provider, form) {
        Ok(Grant::Code { scopes, .. } | Grant::Refresh { scopes, .. }) => {
            let access = s.mint(&format!("{prefix}-at"));
            let refresh = s.mint(&format!("{prefix}-rt"));
            s.refresh
                .insert(refresh.clone(), (provider, scopes.clone()));
            s.access.insert(
                access.clone(),
                Token {
                    provider,
                    expires_at: Some(now() + lifetime),
                    scopes,
                },
            );
            Json(json!({"access_token": access, "refresh_token": refresh, "token_type": "bearer", "expires_in": lifetime}))
                .into_response()
        }
        Err(r) => r,
    }
}

async fn whatconverts_leads(State(inner): State<Shared>, headers: HeaderMap) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("whatconverts.check");
    let basic_ok = basic_credentials(&headers)
        == Some((WHATCONVERTS_TOKEN.into(), WHATCONVERTS_SECRET.into()));
    let bearer_ok = bearer(&headers)
        .and_then(|t| s.access.get(&t).cloned())
        .is_some_and(|t| t.provider == "whatconverts");
    if basic_ok || bearer_ok {
        Json(json!({"page_number": 1, "leads_per_page": 1, "total_pages": 1, "total_leads": 1, "leads": [{"lead_id": 1, "lead_type": "Phone Call"}]}))
            .into_response()
    } else {
        (
            StatusCode::UNAUTHORIZED,
            Json(json!({"error_message": "Invalid API Token or Secret"})),
        )
            .into_response()
    }
}

/// Nimbus's token endpoint: a public client (client id, no secret) sending JSON; every refresh
/// rotates the refresh token, and a spent one presented again revokes the whole grant (reuse
/// detection, OAuth 2.0 Security BCP §4.14.2).
/// The `refresh_answer` fault: a refresh grant gets the canned answer (counted as `counter`),
/// and the provider's state is untouched (nothing rotates).
fn canned_refresh(inner: &Shared, refresh: bool, counter: &str) -> Option<Answer> {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let answer = s.faults.refresh_answer.clone().filter(|_| refresh)?;
    s.count(counter);
    Some(answer)
}

/// Answers with a canned refresh answer after its delay, counting the requests waiting at once.
async fn answer_late(inner: &Shared, answer: Answer) -> Response {
    {
        let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
        s.in_flight += 1;
        s.most_in_flight = s.most_in_flight.max(s.in_flight);
    }
    tokio::time::sleep(answer.delay).await;
    inner.lock().unwrap_or_else(|p| p.into_inner()).in_flight -= 1;
    answer.into_response()
}

async fn nimbus_token(State(inner): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let refresh = serde_json::from_slice::<HashMap<String, String>>(&body)
        .is_ok_and(|p| p.get("grant_type").map(String::as_str) == Some("refresh_token"));
    if let Some(answer) = canned_refresh(&inner, refresh, "nimbus.refresh") {
        return answer_late(&inner, answer).await;
    }
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    let json_body = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    let Some(params) = json_body
        .then(|| serde_json::from_slice::<HashMap<String, String>>(&body).ok())
        .flatten()
    else {
        s.count("nimbus.bad_request");
        return oauth_error(
            StatusCode::BAD_REQUEST,
            "invalid_request",
            "send a JSON object of strings (Content-Type: application/json)",
        );
    };
    let refresh = params.get("grant_type").map(String::as_str) == Some("refresh_token");
    s.count(if refresh {
        "nimbus.refresh"
    } else {
        "nimbus.token"
    });
    if s.faults.token_unavailable {
        return (StatusCode::SERVICE_UNAVAILABLE, "upstream unavailable").into_response();
    }
    let public_ok = params.get("client_id").map(String::as_str) == Some(&client_id("nimbus"))
        && !params.contains_key("client_secret")
        && !headers.contains_key(header::AUTHORIZATION);
    if !public_ok {
        return oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "public client: send client_id only",
        );
    }
    let (scopes, family) = match check_grant(&mut s, "nimbus", &params) {
        Ok(Grant::Code { scopes, .. }) => {
            s.serial += 1;
            (scopes, s.serial)
        }
        Ok(Grant::Refresh {
            scopes,
            refresh_token,
        }) => {
            s.refresh.remove(&refresh_token);
            let family = s.family.get(&refresh_token).copied().unwrap_or_default();
            s.spent.insert(refresh_token, family);
            (scopes, family)
        }
        Err(r) => return r,
    };
    let lifetime = if refresh {
        3600
    } else {
        s.faults.nimbus_lifetime.unwrap_or(3600)
    };
    let access = s.mint("nb-at");
    let refresh_token = s.mint("nb-rt");
    s.family.insert(access.clone(), family);
    s.family.insert(refresh_token.clone(), family);
    s.refresh
        .insert(refresh_token.clone(), ("nimbus", scopes.clone()));
    s.access.insert(
        access.clone(),
        Token {
            provider: "nimbus",
            expires_at: Some(now() + lifetime),
            scopes: scopes.clone(),
        },
    );
    Json(json!({
        "access_token": access, "refresh_token": refresh_token, "token_type": "Bearer",
        "expires_in": lifetime, "scope": scopes.join(" ")
    }))
    .into_response()
}

fn revoke_family(s: &mut Inner, family: u64) {
    let members: Vec<String> = s
        .family
        .iter()
        .filter(|(_, f)| **f == family)
        .map(|(t, _)| t.clone())
        .collect();
    for t in members {
        s.access.remove(&t);
        s.refresh.remove(&t);
    }
}

/// The form a Nimbus client posts to introspect or revoke: `token` and its public client id.
fn nimbus_form(headers: &HeaderMap, body: &Bytes) -> Result<HashMap<String, String>, Response> {
    let form = form_body(headers, body)?;
    if form.get("client_id").map(String::as_str) != Some(&client_id("nimbus")) {
        return Err(oauth_error(
            StatusCode::UNAUTHORIZED,
            "invalid_client",
            "unknown client_id",
        ));
    }
    Ok(form)
}

/// RFC 7662: `{"active": true, …}` for a live access token, `{"active": false}` otherwise.
async fn nimbus_introspect(
    State(inner): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("nimbus.introspect");
    let form = match nimbus_form(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let token = form.get("token").cloned().unwrap_or_default();
    match s.access.get(&token) {
        Some(t) if t.provider == "nimbus" && t.expires_at.is_none_or(|e| e > now()) => {
            let username = s
                .faults
                .nimbus_username
                .clone()
                .unwrap_or_else(|| "dana@nimbus.example".to_string());
            Json(json!({
                "active": true, "scope": t.scopes.join(" "), "client_id": client_id("nimbus"),
                "username": username, "sub": "user-42", "exp": t.expires_at, "token_type": "Bearer"
            }))
            .into_response()
        }
        _ => Json(json!({"active": false})).into_response(),
    }
}

/// RFC 7009: revokes the token's whole grant; 200 whether or not the token was known (§2.2).
async fn nimbus_revoke(State(inner): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let mut s = inner.lock().unwrap_or_else(|p| p.into_inner());
    s.count("nimbus.revoke");
    let form = match nimbus_form(&headers, &body) {
        Ok(f) => f,
        Err(r) => return r,
    };
    let token = form.get("token").cloned().unwrap_or_default();
    if let Some(family) = s.family.get(&token).copied() {
        revoke_family(&mut s, family);
    }
    StatusCode::OK.into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hubspot_accepts_https_and_localhost_but_never_a_custom_scheme() {
        assert!(redirect_uri_allowed(
            "hubspot",
            "http://localhost:53682/oauth/callback"
        ));
        assert!(redirect_uri_allowed("hubspot", "https://example.com/cb"));
        assert!(!redirect_uri_allowed(
            "hubspot",
            "http://127.0.0.1:53682/oauth/callback"
        ));
        assert!(!redirect_uri_allowed(
            "hubspot",
            "dev.plugboard.desktop:/oauth/callback"
        ));
        assert!(redirect_uri_allowed(
            "ecwid",
            "dev.plugboard.desktop:/oauth/callback"
        ));
        assert!(!redirect_uri_allowed("ecwid", "com.other.app:/cb"));
    }

    #[test]
    fn s256_matches_rfc7636_appendix_b() {
        assert_eq!(
            s256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}

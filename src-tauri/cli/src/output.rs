//! What the command line prints: the `--json` documents (a stable contract, documented in
//! `docs/cli.md` and pinned by snapshot tests) and the plain-text tables a person pastes into a
//! support ticket. Built from the core's views; never carries a secret.

use plugboard_core::catalogue::{Method, MethodKind, Provider, RedirectMode};
use plugboard_core::i18n::{t, Arg};
use plugboard_core::index::LastError;
use plugboard_core::lifetime::{self, Health, KeychainState};
use plugboard_core::service::{ConnectionView, Connections, CredentialOrigin, DisconnectReport};
use serde::Serialize;

/// Bumped only when a field changes meaning or disappears; new fields may be added.
pub const SCHEMA: u32 = 1;

/// The redirect the command line uses for a method: the provider's own when it fixes one (a
/// registered loopback port, an https page), else its own loopback listener on any free port.
pub fn cli_redirect(method: &Method) -> Option<String> {
    match method {
        Method::AuthorizationCode(m) => Some(match &m.redirect {
            RedirectMode::DeepLink => CLI_LOOPBACK.to_string(),
            other => other.redirect_uri(),
        }),
        _ => None,
    }
}

#[derive(Serialize)]
pub struct ProvidersDoc {
    pub schema: u32,
    pub providers: Vec<ProviderJson>,
}

#[derive(Serialize)]
pub struct ProviderJson {
    pub id: String,
    pub name: String,
    pub default_method: MethodKind,
    pub methods: Vec<MethodJson>,
    /// App credentials (client id/secret) for browser sign-in are configured.
    pub credentials_present: bool,
    /// Where they come from (`environment`, `managed`, `user_file`, `saved`, `system_file`,
    /// `embedded`), `null` when there are none.
    pub credentials_origin: Option<CredentialOrigin>,
    pub environments: Vec<String>,
    pub can_revoke: bool,
}

#[derive(Serialize)]
pub struct MethodJson {
    pub kind: MethodKind,
    pub label: String,
    /// The redirect URI to register with the provider for the window (browser sign-in only).
    pub redirect_uri: Option<String>,
    /// The redirect the command line uses for this method.
    pub cli_redirect_uri: Option<String>,
    /// Browser sign-in: the scopes always asked for, and those `connect --scope` may add.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub optional_scopes: Option<Vec<plugboard_core::catalogue::OptionalScope>>,
}

pub fn providers(service: &Connections) -> ProvidersDoc {
    ProvidersDoc {
        schema: SCHEMA,
        providers: service
            .catalogue()
            .providers()
            .iter()
            .map(|p| provider(service, p))
            .collect(),
    }
}

/// Where the command line's own sign-in comes back for a provider the window signs in to by link
/// (documented as is in `cli_redirect_uri`).
const CLI_LOOPBACK: &str = "http://127.0.0.1:<any port>/callback";

fn provider(service: &Connections, p: &Provider) -> ProviderJson {
    // Its texts (method labels, scopes' descriptions) in the person's language.
    let p = &plugboard_core::catalogue::in_language(p);
    ProviderJson {
        id: p.id.to_string(),
        name: p.name.clone(),
        default_method: p.default_method().kind(),
        methods: p
            .methods
            .iter()
            .map(|m| MethodJson {
                kind: m.kind(),
                label: m.label().to_string(),
                redirect_uri: m.redirect_uri(),
                cli_redirect_uri: cli_redirect(m),
                scopes: match m {
                    Method::AuthorizationCode(a) => Some(a.scopes.clone()),
                    _ => None,
                },
                optional_scopes: match m {
                    Method::AuthorizationCode(a) => Some(a.optional_scopes.clone()),
                    _ => None,
                },
            })
            .collect(),
        credentials_present: service.has_credentials(p.id.as_str()),
        credentials_origin: service.credentials_origin(p.id.as_str()),
        environments: p.environments.iter().map(|e| e.id.clone()).collect(),
        can_revoke: p.revoke.is_some(),
    }
}

pub fn providers_text(doc: &ProvidersDoc) -> String {
    let mut rows = vec![[
        t("cli-column-id", &[]),
        t("cli-column-name", &[]),
        t("cli-column-methods", &[]),
        t("cli-column-app-credentials", &[]),
        t("cli-column-redirect", &[]),
    ]];
    for p in &doc.providers {
        let methods = p
            .methods
            .iter()
            .map(|m| {
                let star = if m.kind == p.default_method { "*" } else { "" };
                format!("{}{star}", m.kind.as_str())
            })
            .collect::<Vec<_>>()
            .join(", ");
        let code = p
            .methods
            .iter()
            .find(|m| m.kind == MethodKind::AuthorizationCode);
        let creds = match (code, p.credentials_origin) {
            (None, _) => t("cli-app-credentials-not-needed", &[]),
            (Some(_), Some(origin)) => origin.describe(),
            (Some(_), None) => t("cli-app-credentials-missing", &[]),
        };
        let redirect = code
            .and_then(|m| m.redirect_uri.clone())
            .unwrap_or_else(|| "-".into());
        rows.push([p.id.clone(), p.name.clone(), methods, creds, redirect]);
    }
    let mut out = table(&rows);
    for p in &doc.providers {
        let offered = p
            .methods
            .iter()
            .filter_map(|m| m.optional_scopes.as_ref())
            .flatten()
            .map(|s| format!("{} ({})", s.id, s.description))
            .collect::<Vec<_>>();
        if !offered.is_empty() {
            let line = t(
                "cli-providers-optional-scopes",
                &[
                    ("provider", p.name.as_str().into()),
                    ("command", "connect --scope …".into()),
                    ("scopes", offered.join(", ").into()),
                ],
            );
            out.push_str(&format!("{line}\n"));
        }
    }
    let deep_link = doc.providers.iter().flat_map(|p| &p.methods).any(|m| {
        m.redirect_uri
            .as_deref()
            .is_some_and(|r| r.starts_with(plugboard_core::deeplink::SCHEME))
    });
    if deep_link {
        let scheme = format!("{}:", plugboard_core::deeplink::SCHEME);
        let words = t(
            "cli-providers-loopback",
            &[("scheme", scheme.into()), ("address", CLI_LOOPBACK.into())],
        );
        out.push_str(&format!("\n{words}\n"));
    }
    out
}

#[derive(Serialize)]
pub struct StatusDoc {
    pub schema: u32,
    pub keychain: plugboard_core::lifetime::KeychainState,
    pub connections: Vec<ConnectionJson>,
    /// Keychain items without a connection and connections without an item; absent when the
    /// keychain could not be asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphans: Option<plugboard_core::service::Orphans>,
}

#[derive(Serialize)]
pub struct ConnectionJson {
    pub id: String,
    pub provider: String,
    pub provider_name: String,
    pub method: MethodKind,
    pub account: String,
    /// The name the person gave it (`plugboard rename`), or `null`.
    pub name: Option<String>,
    /// `connected`, `expiring_soon`, `refreshing`, `temporary_problem`, `reconnect_needed`,
    /// `keychain_locked`, `keychain_unavailable`.
    pub status: Health,
    /// The status in words, as the window shows it.
    pub status_label: String,
    /// RFC 3339 UTC; `null` when the token does not expire or its expiry is unknown.
    pub expires_at: Option<String>,
    pub seconds_left: Option<i64>,
    pub never_expires: bool,
    pub scopes: Vec<String>,
    pub scopes_missing: Vec<String>,
    pub environment: Option<String>,
    pub obtained_at: String,
    /// RFC 3339 UTC: the first sign-in (kept through refreshes and reconnects).
    pub connected_at: String,
    pub refreshed_at: Option<String>,
    /// RFC 3339 UTC: the next automatic retry after a temporary problem (this process's).
    pub retry_at: Option<String>,
    pub last_error: Option<LastErrorJson>,
}

/// `connect --json` and `refresh --json`: one connection, with the schema number.
#[derive(Serialize)]
pub struct ConnectionDoc {
    pub schema: u32,
    #[serde(flatten)]
    pub connection: ConnectionJson,
}

#[derive(Serialize)]
pub struct LastErrorJson {
    pub at: String,
    pub code: String,
    pub message: String,
}

pub fn connection(service: &Connections, c: &ConnectionView) -> ConnectionJson {
    // The core's status, the stored "temporary problem" flag included: the window says the same.
    let status = c.live.health;
    ConnectionJson {
        id: c.id.to_string(),
        provider: c.provider.clone(),
        provider_name: service.provider_name(&c.provider),
        method: c.method,
        account: c.account.clone(),
        name: c.name.clone(),
        status,
        status_label: status.label(),
        expires_at: c.expires_at.map(lifetime::rfc3339),
        seconds_left: c.live.seconds_left,
        never_expires: c.live.expiry == lifetime::Expiry::Never,
        scopes: c.scopes.clone(),
        scopes_missing: c.scopes_missing.clone(),
        environment: c.environment.clone(),
        obtained_at: lifetime::rfc3339(c.obtained_at),
        connected_at: lifetime::rfc3339(c.connected_at),
        refreshed_at: c.refreshed_at.map(lifetime::rfc3339),
        retry_at: c.live.retry_at.map(lifetime::rfc3339),
        last_error: c
            .last_error
            .as_ref()
            .map(|LastError { at, code, message }| LastErrorJson {
                at: lifetime::rfc3339(*at),
                code: code.clone(),
                message: message.clone(),
            }),
    }
}

pub fn status_text(doc: &StatusDoc) -> String {
    if doc.connections.is_empty() {
        return format!("{}\n", t("cli-status-none", &[]));
    }
    let keychain = t(
        match doc.keychain {
            KeychainState::Ready => "cli-keychain-ready",
            KeychainState::Locked => "cli-keychain-locked",
            KeychainState::Unavailable => "cli-keychain-unavailable",
        },
        &[],
    );
    let mut rows = vec![[
        t("cli-column-id", &[]),
        t("cli-column-provider", &[]),
        t("cli-column-account", &[]),
        t("cli-column-status", &[]),
        t("cli-column-expires", &[]),
        t("cli-column-scopes", &[]),
    ]];
    for c in &doc.connections {
        rows.push([
            c.id.clone(),
            c.provider_name.clone(),
            match &c.name {
                Some(name) => format!("{name} ({})", c.account),
                None => c.account.clone(),
            },
            match &c.retry_at {
                Some(at) => t(
                    "cli-status-retrying",
                    &[
                        ("status", c.status_label.as_str().into()),
                        ("at", at.as_str().into()),
                    ],
                ),
                None => c.status_label.clone(),
            },
            expires_words(c),
            c.scopes.join(" "),
        ]);
    }
    let mut out = format!("{keychain}\n");
    out.push_str(&table(&rows));
    for c in &doc.connections {
        if let Some(e) = &c.last_error {
            let line = t(
                "cli-status-last-error",
                &[
                    ("id", c.id.as_str().into()),
                    ("at", e.at.as_str().into()),
                    ("message", e.message.as_str().into()),
                ],
            );
            out.push_str(&format!("{line}\n"));
        }
    }
    out
}

/// When a connection's access ends, as a table cell and a connection line say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expires {
    /// `left` is the time left in words ("29:41", "5 h 07 min", "1 d 23 h"), `at` RFC 3339.
    In {
        left: String,
        at: String,
    },
    Expired {
        at: String,
    },
    Never,
    Unknown,
}

impl Expires {
    pub fn of(c: &ConnectionJson) -> Self {
        match (&c.expires_at, c.seconds_left) {
            (Some(at), Some(left)) if left > 0 => Expires::In {
                left: lifetime::time_left(left),
                at: at.clone(),
            },
            (Some(at), _) => Expires::Expired { at: at.clone() },
            (None, _) if c.never_expires => Expires::Never,
            (None, _) => Expires::Unknown,
        }
    }

    /// The variables of a message that says it (`$expiry`: in, expired, never, unknown; `$left`,
    /// `$at`).
    fn args(&self) -> Vec<(&'static str, Arg)> {
        let (kind, left, at) = match self {
            Expires::In { left, at } => ("in", left.as_str(), at.as_str()),
            Expires::Expired { at } => ("expired", "", at.as_str()),
            Expires::Never => ("never", "", ""),
            Expires::Unknown => ("unknown", "", ""),
        };
        vec![
            ("expiry", kind.into()),
            ("left", left.into()),
            ("at", at.into()),
        ]
    }
}

/// "in 29:41 (2026-11-23T12:00:00Z)", "does not expire", "expired (2026-…)".
pub fn expires_words(c: &ConnectionJson) -> String {
    match Expires::of(c) {
        Expires::In { left, at } => t(
            "cli-expires-in",
            &[("left", left.into()), ("at", at.into())],
        ),
        Expires::Expired { at } => t("cli-expires-expired", &[("at", at.into())]),
        Expires::Never => t("cli-expires-never", &[]),
        Expires::Unknown => t("cli-expires-unknown", &[]),
    }
}

/// What was just done to a connection, for [`connection_line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Connected,
    Refreshed,
}

/// One line about a connection, for `connect` and `refresh`: "Connected HubSpot (…) as
/// hubspot-1: Connected; expires in 29:59 (…)." or "…: Connected; does not expire."
pub fn connection_line(done: Done, c: &ConnectionJson) -> String {
    let id = match done {
        Done::Connected => "cli-connected",
        Done::Refreshed => "cli-refreshed",
    };
    let mut args: Vec<(&str, Arg)> = vec![
        ("provider", c.provider_name.as_str().into()),
        ("account", c.account.as_str().into()),
        ("id", c.id.as_str().into()),
        ("status", c.status_label.as_str().into()),
    ];
    args.extend(Expires::of(c).args());
    format!("{}\n", t(id, &args))
}

/// `token --json`: the access token with what a script needs to use it well.
#[derive(Serialize)]
pub struct TokenDoc {
    pub schema: u32,
    pub id: String,
    pub provider: String,
    pub account: String,
    /// The access token itself (this document is a secret).
    pub access_token: String,
    /// The `Authorization` header's value ("Bearer …", or the provider's scheme for keys).
    pub authorization: String,
    /// RFC 3339 UTC; `null` when it does not expire or its expiry is unknown.
    pub expires_at: Option<String>,
    pub seconds_left: Option<i64>,
    pub scopes: Vec<String>,
}

#[derive(Serialize)]
pub struct DisconnectDoc {
    pub schema: u32,
    pub id: String,
    pub provider: String,
    #[serde(flatten)]
    pub report: DisconnectReport,
}

/// `plugboard disconnect --all --json`.
#[derive(Serialize)]
pub struct ForgetDoc {
    pub schema: u32,
    #[serde(flatten)]
    pub report: plugboard_core::service::ForgetReport,
}

pub fn disconnect_text(name: &str, doc: &DisconnectDoc) -> String {
    let what = match &doc.report {
        DisconnectReport::Revoked => t("cli-disconnect-revoked", &[("provider", name.into())]),
        DisconnectReport::NotSupported { note: Some(note) } => note.clone(),
        DisconnectReport::NotSupported { note: None } => {
            t("cli-disconnect-no-revoke", &[("provider", name.into())])
        }
        DisconnectReport::RevokeFailed { reason } => t(
            "cli-disconnect-revoke-failed",
            &[
                ("provider", name.into()),
                ("reason", reason.as_str().into()),
            ],
        ),
        DisconnectReport::AlreadyGone => {
            let words = t("cli-disconnect-already", &[("id", doc.id.as_str().into())]);
            return format!("{words}\n");
        }
    };
    let done = t(
        "cli-disconnected",
        &[("id", doc.id.as_str().into()), ("provider", name.into())],
    );
    format!("{done} {what}\n")
}

/// `plugboard credentials list`: a table of where each provider's app credentials come from.
pub fn credentials_text(providers: &[plugboard_core::service::CredentialsView]) -> String {
    let mut rows = vec![[
        t("cli-column-id", &[]),
        t("cli-column-name", &[]),
        t("cli-column-client-id", &[]),
        t("cli-column-secret", &[]),
        t("cli-column-from", &[]),
    ]];
    for p in providers {
        let secret = match (&p.origin, p.public_client, p.secret_set) {
            (None, _, _) => "-".to_string(),
            (Some(_), true, _) => t("cli-secret-not-needed", &[]),
            (Some(_), false, true) => t("cli-secret-set", &[]),
            (Some(_), false, false) => t("cli-secret-missing", &[]),
        };
        rows.push([
            p.provider.clone(),
            p.name.clone(),
            p.client_id.clone().unwrap_or_else(|| "-".into()),
            secret,
            p.origin_words.clone(),
        ]);
    }
    let mut out = table(&rows);
    out.push_str(&format!("\n{}\n", t("cli-credentials-footer", &[])));
    out
}

/// Columns padded to their widest cell; the last column is not padded.
fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == N {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

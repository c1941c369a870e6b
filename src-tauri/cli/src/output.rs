//! What the command line prints: the `--json` documents (a stable contract, documented in
//! `docs/cli.md` and pinned by snapshot tests) and the plain-text tables a person pastes into a
//! support ticket. Built from the core's views; never carries a secret.

use plugboard_core::catalogue::{Method, MethodKind, Provider, RedirectMode};
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
            RedirectMode::DeepLink => "http://127.0.0.1:<any port>/callback".to_string(),
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

fn provider(service: &Connections, p: &Provider) -> ProviderJson {
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
        "ID".to_string(),
        "NAME".to_string(),
        "METHODS (* default)".to_string(),
        "APP CREDENTIALS".to_string(),
        "REDIRECT URI TO REGISTER".to_string(),
    ]];
    for p in &doc.providers {
        let methods = p
            .methods
            .iter()
            .map(|m| {
                let star = if m.kind == p.default_method { "*" } else { "" };
                format!("{}{star}", kind_str(m.kind))
            })
            .collect::<Vec<_>>()
            .join(", ");
        let code = p
            .methods
            .iter()
            .find(|m| m.kind == MethodKind::AuthorizationCode);
        let creds = match (code, p.credentials_origin) {
            (None, _) => "not needed",
            (Some(_), Some(origin)) => origin.describe(),
            (Some(_), None) => "missing",
        };
        let redirect = code
            .and_then(|m| m.redirect_uri.clone())
            .unwrap_or_else(|| "-".into());
        rows.push([
            p.id.clone(),
            p.name.clone(),
            methods,
            creds.into(),
            redirect,
        ]);
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
            out.push_str(&format!(
                "{} can also ask for (connect --scope …): {}\n",
                p.name,
                offered.join(", ")
            ));
        }
    }
    let deep_link = doc.providers.iter().flat_map(|p| &p.methods).any(|m| {
        m.redirect_uri
            .as_deref()
            .is_some_and(|r| r.starts_with(plugboard_core::deeplink::SCHEME))
    });
    if deep_link {
        out.push_str("\nThe window signs in through the dev.plugboard.desktop: address above. The command line\nlistens on http://127.0.0.1:<any port>/callback instead: register that too where the provider\nallows loopback redirects.\n");
    }
    out
}

pub fn kind_str(kind: MethodKind) -> &'static str {
    match kind {
        MethodKind::AuthorizationCode => "authorization_code",
        MethodKind::ClientCredentials => "client_credentials",
        MethodKind::ApiKey => "api_key",
    }
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
    pub status_label: &'static str,
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
        return "No connections yet. Connect one with: plugboard connect <provider>  (see: plugboard providers)\n".into();
    }
    let keychain = match doc.keychain {
        KeychainState::Ready => "Keychain: ready\n",
        KeychainState::Locked => "Keychain: locked. Unlock it (log in again, or open your keychain app), then try again.\n",
        KeychainState::Unavailable => "Keychain: unavailable. Start your desktop's keychain (gnome-keyring, KWallet or KeePassXC), then try again.\n",
    };
    let mut rows = vec![[
        "ID".to_string(),
        "PROVIDER".to_string(),
        "ACCOUNT".to_string(),
        "STATUS".to_string(),
        "EXPIRES".to_string(),
        "SCOPES".to_string(),
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
                Some(at) => format!("{}, retrying at {at}", c.status_label),
                None => c.status_label.to_string(),
            },
            expires_words(c),
            c.scopes.join(" "),
        ]);
    }
    let mut out = keychain.to_string();
    out.push_str(&table(&rows));
    for c in &doc.connections {
        if let Some(e) = &c.last_error {
            out.push_str(&format!(
                "{}: last error at {}: {}\n",
                c.id, e.at, e.message
            ));
        }
    }
    out
}

/// "in 29:41 (2026-11-23T12:00:00Z)", "does not expire", "expired 2026-…".
pub fn expires_words(c: &ConnectionJson) -> String {
    match (&c.expires_at, c.seconds_left) {
        (Some(at), Some(left)) if left > 0 => {
            let countdown = lifetime::countdown(lifetime::Expiry::At(left), 0);
            let words = countdown
                .strip_prefix("Expires ")
                .unwrap_or(&countdown)
                .to_string();
            format!("{words} ({at})")
        }
        (Some(at), _) => format!("expired ({at})"),
        (None, _) if c.never_expires => "does not expire".into(),
        (None, _) => "unknown".into(),
    }
}

/// One line about a connection, for `connect` and `refresh`: "Connected to HubSpot (…) as
/// hubspot-1: Connected; expires in 29:59 (…)." or "…: Connected; does not expire."
pub fn connection_line(verb: &str, c: &ConnectionJson) -> String {
    let expiry = match expires_words(c).as_str() {
        "does not expire" => "does not expire".to_string(),
        "unknown" => "its expiry is unknown".to_string(),
        words if words.starts_with("expired") => words.to_string(),
        words => format!("expires {words}"),
    };
    format!(
        "{verb} {} ({}) as {}: {}; {expiry}.\n",
        c.provider_name, c.account, c.id, c.status_label,
    )
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
        DisconnectReport::Revoked => format!("{name} revoked its tokens."),
        DisconnectReport::NotSupported { note: Some(note) } => note.clone(),
        DisconnectReport::NotSupported { note: None } => {
            format!("{name} has no revoke; the tokens were forgotten here.")
        }
        DisconnectReport::RevokeFailed { reason } => format!(
            "{name} could not be told to revoke the tokens ({reason}); they were forgotten here all the same."
        ),
        DisconnectReport::AlreadyGone => return format!("{} was already disconnected.\n", doc.id),
    };
    format!("Disconnected {} from {name}. {what}\n", doc.id)
}

/// `plugboard credentials list`: a table of where each provider's app credentials come from.
pub fn credentials_text(providers: &[plugboard_core::service::CredentialsView]) -> String {
    let mut rows = vec![[
        "ID".to_string(),
        "NAME".to_string(),
        "CLIENT ID".to_string(),
        "SECRET".to_string(),
        "FROM".to_string(),
    ]];
    for p in providers {
        let secret = match (&p.origin, p.public_client, p.secret_set) {
            (None, _, _) => "-",
            (Some(_), true, _) => "not needed",
            (Some(_), false, true) => "set (hidden)",
            (Some(_), false, false) => "missing",
        };
        rows.push([
            p.provider.clone(),
            p.name.clone(),
            p.client_id.clone().unwrap_or_else(|| "-".into()),
            secret.into(),
            p.origin_words.into(),
        ]);
    }
    let mut out = table(&rows);
    out.push_str(
        "\nSave your own with `plugboard credentials set <id> --client-id …` (the secret is asked for), \
         forget them with `plugboard credentials forget <id>`.\n",
    );
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

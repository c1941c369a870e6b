//! `plugboard providers [--json]`: the providers Plugboard knows — their methods, the redirect
//! URI to register for the window and the one the command line uses, and whether app credentials
//! are there. Its arguments, its JSON document (`docs/cli.md`, "providers") and its table live
//! here, together, so the command can be read in one place.

use plugboard_core::catalogue::{Method, MethodKind, Provider, RedirectMode};
use plugboard_core::i18n::t;
use plugboard_core::service::{Connections, CredentialOrigin};
use serde::Serialize;

use crate::failure::Failure;
use crate::output::{self, table};
use crate::term::Term;

// `plugboard providers`' arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct ProvidersArgs {
    /// Print the stable JSON document instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub fn run(service: &Connections, as_json: bool, term: &mut Term<'_>) -> Result<(), Failure> {
    let doc = providers(service);
    if as_json {
        output::json(term, &doc)
    } else {
        term.print(&providers_text(&doc))
    }
}

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
            // The default way needs none (a key, developer credentials): not "missing".
            (Some(_), None) if p.default_method != MethodKind::AuthorizationCode => {
                t("cli-app-credentials-optional", &[])
            }
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

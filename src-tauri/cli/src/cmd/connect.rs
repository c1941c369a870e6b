//! `plugboard connect <provider>`: an API key or client credentials read from flags and standard
//! input (never echoed), or a browser sign-in ([`super::sign_in`]). Its arguments live here; what
//! it prints is one connection ([`super::connection_out`]).

use std::collections::HashMap;

use clap::ValueEnum;
use plugboard_core::catalogue::MethodKind;
use plugboard_core::i18n::t;
use plugboard_core::secret::{ClientSecret, SecretString};
use plugboard_core::service::Connections;

use super::connection_out;
use crate::failure::{exit, fail, not_one_of, Failure, Unknown};
use crate::output::Done;
use crate::term::{Input, Term};

#[derive(clap::Args, Debug)]
pub struct ConnectArgs {
    /// A provider id from `plugboard providers`.
    pub provider: String,
    /// How to connect; the provider's default when omitted.
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
    /// Print the sign-in address instead of opening a browser. With a browser on another machine,
    /// paste the address it ends on (an error page on 127.0.0.1 is fine) back here.
    #[arg(long)]
    pub no_browser: bool,
    /// Client credentials: the client id (the secret is read from standard input).
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Client credentials: the environment (e.g. production, sandbox).
    #[arg(long, value_name = "ENV")]
    pub environment: Option<String>,
    /// API keys: a field's value, e.g. `--field token=abc`. Fields not given are read from
    /// standard input, one per line (secret fields: better there than in your shell history).
    #[arg(long = "field", value_name = "ID=VALUE")]
    pub fields: Vec<String>,
    /// Browser sign-in: also ask for an optional scope the provider offers (see `plugboard
    /// providers`); repeat for several. Asking a connected account for more reconnects it.
    #[arg(long = "scope", value_name = "SCOPE")]
    pub scopes: Vec<String>,
    /// Browser sign-in: sign in again for this connection (its id or name) and replace it in
    /// place, as the window's Reconnect does; it asks again for the optional scopes it had.
    #[arg(long, value_name = "CONNECTION")]
    pub replace: Option<String>,
    /// Print the new connection as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Spelled as `plugboard providers` and the JSON spell method kinds (`api_key`); the kebab-case
/// spelling clap would use (`api-key`) is accepted too.
#[derive(Clone, Copy, Debug, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum MethodArg {
    #[value(alias = "authorization-code")]
    AuthorizationCode,
    #[value(alias = "client-credentials")]
    ClientCredentials,
    #[value(alias = "api-key")]
    ApiKey,
}

impl MethodArg {
    pub fn kind(self) -> MethodKind {
        match self {
            MethodArg::AuthorizationCode => MethodKind::AuthorizationCode,
            MethodArg::ClientCredentials => MethodKind::ClientCredentials,
            MethodArg::ApiKey => MethodKind::ApiKey,
        }
    }
}

pub async fn run(
    service: &Connections,
    args: ConnectArgs,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let provider = service
        .provider(&args.provider)
        .map_err(|e| fail(service, &args.provider, e))?;
    let kind = args
        .method
        .map(MethodArg::kind)
        .unwrap_or_else(|| provider.default_method().kind());
    let browser_only = if !args.scopes.is_empty() {
        Some("cli-scope-needs-browser")
    } else if args.replace.is_some() {
        Some("cli-replace-needs-browser")
    } else {
        None
    };
    if let (Some(id), true) = (browser_only, kind != MethodKind::AuthorizationCode) {
        return Err(Failure::new(
            exit::USAGE,
            t(
                id,
                &[
                    ("provider", provider.name.as_str().into()),
                    ("method", kind.as_str().into()),
                ],
            ),
        ));
    }
    if provider.method(kind).is_none() {
        let known: Vec<&str> = provider.methods.iter().map(|m| m.kind().as_str()).collect();
        return Err(Failure::new(
            exit::USAGE,
            t(
                "cli-method-not-offered",
                &[
                    ("provider", provider.name.as_str().into()),
                    ("method", kind.as_str().into()),
                    ("methods", known.join(", ").into()),
                ],
            ),
        ));
    }
    let name = provider.name.clone();
    let pid = provider.id.clone();
    let mut given: HashMap<String, String> = HashMap::new();
    for f in &args.fields {
        let Some((k, v)) = f.split_once('=') else {
            return Err(Failure::new(
                exit::USAGE,
                // The value is not echoed: it may be a secret typed in the wrong shape.
                t("cli-field-shape", &[]),
            ));
        };
        given.insert(k.trim().to_string(), v.to_string());
    }
    let mut input = Input::new();
    let view = match kind {
        MethodKind::ApiKey => {
            let method = provider.api_key().expect("checked above");
            let mut values = Vec::new();
            for f in &method.fields {
                let value = match given.remove(&f.id) {
                    Some(v) => v,
                    None => input.read(&f.label, f.secret, Some(&format!("--field {}=…", f.id)))?,
                };
                values.push((f.id.clone(), SecretString::new(value)));
            }
            if let Some(unknown) = given.keys().next() {
                let known = method.fields.iter().map(|f| f.id.as_str());
                return Err(not_one_of(&name, Unknown::Field, unknown, known));
            }
            term.say(t("cli-checking-key", &[("provider", name.as_str().into())]));
            service.connect_api_key(&pid, values).await
        }
        MethodKind::ClientCredentials => {
            // Checked before asking for anything, so a typo does not cost a typed secret.
            if let Some(env) = &args.environment {
                if !provider.environments.iter().any(|e| &e.id == env) {
                    let known = provider.environments.iter().map(|e| e.id.as_str());
                    return Err(not_one_of(&name, Unknown::Environment, env, known));
                }
            }
            let client_id = match args.client_id {
                Some(id) => id,
                None => input.read(&t("cli-label-client-id", &[]), false, Some("--client-id"))?,
            };
            let secret =
                ClientSecret::new(input.read(&t("cli-label-client-secret", &[]), true, None)?);
            term.say(t(
                "cli-getting-token",
                &[("provider", name.as_str().into())],
            ));
            service
                .connect_client_credentials(
                    &pid,
                    &client_id,
                    secret,
                    args.environment.as_deref(),
                    None,
                )
                .await
        }
        MethodKind::AuthorizationCode => {
            // `--replace`: that connection of this provider, signed in again in place, asking
            // again for the optional scopes it asked for before (and any `--scope` given).
            let mut scopes = args.scopes.clone();
            let replaces = match &args.replace {
                None => None,
                Some(arg) => {
                    let old = crate::resolve::connection(service, arg)?;
                    if old.provider != pid.as_str() {
                        return Err(Failure::new(
                            exit::USAGE,
                            t(
                                "cli-replace-other-provider",
                                &[
                                    ("connection", arg.as_str().into()),
                                    ("provider", name.as_str().into()),
                                ],
                            ),
                        ));
                    }
                    let optional: Vec<String> = provider
                        .methods
                        .iter()
                        .filter_map(|m| match m {
                            plugboard_core::catalogue::Method::AuthorizationCode(a) => {
                                Some(a.optional_scopes.iter().map(|s| s.id.clone()))
                            }
                            _ => None,
                        })
                        .flatten()
                        .collect();
                    for s in old.requested_scopes.iter().chain(&old.scopes) {
                        if optional.contains(s) && !scopes.contains(s) {
                            scopes.push(s.clone());
                        }
                    }
                    Some(old.id)
                }
            };
            let options = super::sign_in::Options {
                provider: &pid,
                name: &name,
                no_browser: args.no_browser,
                as_json: args.json,
                scopes: &scopes,
                replaces,
            };
            return super::sign_in::run(service, options, &mut input, term).await;
        }
    }
    .map_err(|e| fail(service, pid.as_str(), e))?;
    connection_out(service, &view, Done::Connected, args.json, term)
}

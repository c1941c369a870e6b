//! `plugboard connect <provider>`: an API key or client credentials read from flags and standard
//! input (never echoed), or a browser sign-in ([`super::sign_in`]).

use std::collections::HashMap;

use plugboard_core::catalogue::MethodKind;
use plugboard_core::secret::SecretString;
use plugboard_core::service::Connections;

use super::connection_out;
use crate::args::{ConnectArgs, MethodArg};
use crate::failure::{exit, fail, not_one_of, Failure};
use crate::output;
use crate::term::{Input, Term};

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
    if !args.scopes.is_empty() && kind != MethodKind::AuthorizationCode {
        return Err(Failure::new(
            exit::USAGE,
            format!(
                "--scope is for browser sign-ins; {} connects with {} here.",
                provider.name,
                output::kind_str(kind)
            ),
        ));
    }
    if provider.method(kind).is_none() {
        let known: Vec<&str> = provider
            .methods
            .iter()
            .map(|m| output::kind_str(m.kind()))
            .collect();
        return Err(Failure::new(
            exit::USAGE,
            format!(
                "{} does not connect with {}; it offers: {}.",
                provider.name,
                output::kind_str(kind),
                known.join(", ")
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
                "--field takes ID=VALUE, e.g. --field token=abc.",
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
                    None => {
                        input.read(&f.label, f.secret, &format!(", or pass --field {}=…", f.id))?
                    }
                };
                values.push((f.id.clone(), SecretString::new(value)));
            }
            if let Some(unknown) = given.keys().next() {
                let known = method.fields.iter().map(|f| f.id.as_str());
                return Err(not_one_of(&name, "field", unknown, known));
            }
            term.say(format!("Checking the key with {name}…"));
            service.connect_api_key(&pid, values).await
        }
        MethodKind::ClientCredentials => {
            // Checked before asking for anything, so a typo does not cost a typed secret.
            if let Some(env) = &args.environment {
                if !provider.environments.iter().any(|e| &e.id == env) {
                    let known = provider.environments.iter().map(|e| e.id.as_str());
                    return Err(not_one_of(&name, "environment", env, known));
                }
            }
            let client_id = match args.client_id {
                Some(id) => id,
                None => input.read("Client ID", false, ", or pass --client-id")?,
            };
            let secret = SecretString::new(input.read("Client secret", true, "")?);
            term.say(format!("Getting a token from {name}…"));
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
            let options = super::sign_in::Options {
                provider: &pid,
                name: &name,
                no_browser: args.no_browser,
                as_json: args.json,
                scopes: &args.scopes,
            };
            return super::sign_in::run(service, options, &mut input, term).await;
        }
    }
    .map_err(|e| fail(service, pid.as_str(), e))?;
    connection_out(service, &view, "Connected", args.json, term)
}

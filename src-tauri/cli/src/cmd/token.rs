//! `plugboard token <connection> [--header|--curl|--json]`: the access token for scripts, refreshed
//! first when it would expire within a minute. When the provider is only briefly down, a token
//! that still works is printed with a warning.

use plugboard_core::i18n::t;
use plugboard_core::lifetime::{self, Health};
use plugboard_core::service::Connections;

use crate::failure::{exit, fail, Failure};
use crate::resolve;
use crate::term::Term;

/// `plugboard token` refreshes first when the token has less than this many seconds left.
const TOKEN_MIN_SECONDS: i64 = 60;

/// The form of the token to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Token,
    Header,
    Curl,
    /// The token with its expiry and scopes ([`crate::output::TokenDoc`]).
    Json,
}

pub async fn run(
    service: &Connections,
    connection: &str,
    form: Form,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let c = resolve::connection(service, connection)?;
    let name = service.provider_name(&c.provider);
    if c.live.health == Health::ReconnectNeeded {
        return Err(Failure::new(
            exit::RECONNECT,
            t(
                "cli-token-reconnect",
                &[
                    ("provider", name.as_str().into()),
                    ("account", c.account.as_str().into()),
                    (
                        "command",
                        format!("plugboard connect {}", c.provider).into(),
                    ),
                ],
            ),
        ));
    }
    if let Err(e) = service.ensure_fresh(&c.id, TOKEN_MIN_SECONDS).await {
        let failure = fail(service, &c.provider, e);
        // A token that still works is worth having when the provider is only briefly down. (A
        // failed refresh leaves the stored expiry as it was: no need to read it again.)
        let left = c.live.expiry.seconds_left(lifetime::unix_now());
        match left {
            Some(left) if failure.exit == exit::TEMPORARY && left > 0 => term.say(t(
                "cli-token-warning",
                &[
                    ("problem", failure.message.as_str().into()),
                    ("seconds", left.into()),
                ],
            )),
            _ => return Err(failure),
        }
    }
    let material = service
        .token_material(&c.id)
        .await
        .map_err(|e| fail(service, &c.provider, e))?;
    if form == Form::Json {
        // The connection as it is now (a refresh just now moved its expiry).
        let now = service
            .get(&c.id)
            .ok()
            .flatten()
            .unwrap_or_else(|| c.clone());
        let header = material.header.expose();
        let doc = crate::output::TokenDoc {
            schema: crate::output::SCHEMA,
            id: now.id.to_string(),
            provider: now.provider.clone(),
            account: now.account.clone(),
            access_token: material.access_token.expose().to_string(),
            authorization: header
                .strip_prefix("Authorization:")
                .unwrap_or(header)
                .trim()
                .to_string(),
            expires_at: now.expires_at.map(lifetime::rfc3339),
            seconds_left: now.live.expiry.seconds_left(lifetime::unix_now()),
            scopes: now.scopes.clone(),
        };
        return term.json(&doc);
    }
    let value = match form {
        Form::Json => unreachable!("printed above"),
        Form::Curl => material.curl.ok_or_else(|| {
            Failure::new(
                exit::FAILURE,
                t("cli-token-no-curl", &[("provider", name.as_str().into())]),
            )
        })?,
        Form::Header => material.header,
        Form::Token => material.access_token.secret().clone(),
    };
    term.print(&format!("{}\n", value.expose()))
}

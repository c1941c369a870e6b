//! `plugboard token <connection> [--header|--curl|--json]`: the access token for scripts, refreshed
//! first when it would expire within a minute. When the provider is only briefly down, a token
//! that still works is printed with a warning. Its arguments, its JSON document (`docs/cli.md`,
//! "token") and its forms live here.

use plugboard_core::audit::Door;
use plugboard_core::i18n::t;
use plugboard_core::lifetime::{self, Health};
use plugboard_core::program::Program;
use plugboard_core::service::Connections;
use serde::Serialize;

use crate::failure::{exit, fail, Failure};
use crate::output;
use crate::resolve;
use crate::term::Term;

/// `plugboard token` refreshes first when the token has less than this many seconds left.
const TOKEN_MIN_SECONDS: i64 = 60;

// `plugboard token`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct TokenArgs {
    /// The connection: its id (see `plugboard status`), its name, or a provider id when that
    /// provider has one connection.
    pub connection: String,
    /// Print the `Authorization: …` header line instead.
    #[arg(long, conflicts_with_all = ["curl", "json"])]
    pub header: bool,
    /// Print a curl command that calls the provider's identity or check endpoint.
    #[arg(long, conflicts_with = "json")]
    pub curl: bool,
    /// Print the token with its expiry and scopes as JSON (for scripts).
    #[arg(long)]
    pub json: bool,
    /// Refresh first when the token would not last this many seconds (60 when not given). Capped at half the token's lifetime: a 50-second token is refreshed only once under 25 s are left
    #[arg(long, value_name = "SECONDS", default_value_t = TOKEN_MIN_SECONDS,
          value_parser = clap::value_parser!(i64).range(0..=86_400))]
    pub min_valid: i64,
}

/// The form of the token to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Token,
    Header,
    Curl,
    /// The token with its expiry and scopes ([`TokenDoc`]).
    Json,
}

impl Form {
    /// As the record of tokens handed out names it.
    pub fn name(self) -> &'static str {
        match self {
            Form::Token => "access",
            Form::Header => "header",
            Form::Curl => "curl",
            Form::Json => "json",
        }
    }

    /// The form the flags ask for (`--json` over `--curl` over `--header`; clap lets only one
    /// through).
    pub fn of(args: &TokenArgs) -> Self {
        match (args.header, args.curl, args.json) {
            (_, _, true) => Form::Json,
            (_, true, _) => Form::Curl,
            (true, _, _) => Form::Header,
            _ => Form::Token,
        }
    }
}

pub async fn run(
    service: &Connections,
    connection: &str,
    form: Form,
    min_valid: i64,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let c = resolve::connection(service, connection)?;
    let name = service.provider_name(&c.provider);
    if c.live.health == Health::ReconnectNeeded {
        // Told by its cause, as every other front end tells it.
        let gone = c.last_error.as_ref().and_then(|e| e.cause)
            == Some(plugboard_core::index::Cause::ItemGone);
        return Err(Failure::new(
            exit::RECONNECT,
            t(
                if gone {
                    "cli-token-item-gone"
                } else {
                    "cli-token-reconnect"
                },
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
    fresh_enough(service, &c, min_valid, term).await?;
    // Recorded as handed to the program that ran `plugboard` (a shell, a script).
    let material = service
        .hand_out(&c.id, Door::Token, form.name(), &Program::parent())
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
        let doc = TokenDoc {
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
        return output::json(term, &doc);
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

/// Makes sure connection `c`'s token lasts `min_valid` more seconds, refreshing first if not (as
/// [`Connections::ensure_fresh`] decides). A token that still works is worth having when the
/// provider is only briefly down: then a warning on standard error saying how long it has left,
/// not a failure. (`plugboard token` and `plugboard exec`.)
pub async fn fresh_enough(
    service: &Connections,
    c: &plugboard_core::service::ConnectionView,
    min_valid: i64,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let Err(e) = service.ensure_fresh(&c.id, min_valid).await else {
        return Ok(());
    };
    let failure = fail(service, &c.provider, e);
    // A failed refresh leaves the stored expiry as it was: no need to read it again.
    match c.live.expiry.seconds_left(lifetime::unix_now()) {
        Some(left) if failure.exit == exit::TEMPORARY && left > 0 => {
            term.say(t(
                "cli-token-warning",
                &[
                    ("problem", failure.message.as_str().into()),
                    ("seconds", left.into()),
                ],
            ));
            Ok(())
        }
        _ => Err(failure),
    }
}

/// `token --json`: the access token with what a script needs to use it well.
#[derive(Serialize)]
pub struct TokenDoc {
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

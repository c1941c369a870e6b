//! `plugboard default [<connection> | <provider>] [--json]` and
//! `plugboard default --clear <provider>`: each provider's default connection — the one a bare provider id picks when the provider has
//! several (`plugboard token whatconverts`). A connection (its id or name) is made its provider's
//! default; a provider id, or nothing, shows the defaults; `--clear` takes one away. The use case
//! is the core's (`Connections::make_default`, `clear_default`, `defaults`); its arguments, its
//! JSON document (`docs/cli.md`, "default") and its words live here.

use plugboard_core::i18n::t;
use plugboard_core::service::{ConnectionView, Connections, ProviderDefault};
use serde::Serialize;

use crate::failure::{exit, fail, Failure};
use crate::output;
use crate::resolve;
use crate::term::Term;

// `plugboard default`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct DefaultArgs {
    /// A connection to make its provider's default (its id or name), or a provider id to show its
    /// default; nothing shows every provider's.
    pub connection: Option<String>,
    /// Take this provider's default away (a provider id).
    #[arg(long, value_name = "PROVIDER", conflicts_with = "connection")]
    pub clear: Option<String>,
    /// Print the stable JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

/// One provider's default: an item of `default --json`'s `providers`, and the whole document of
/// `default <connection> --json` and `default --clear <provider> --json`.
#[derive(Serialize)]
pub struct DefaultJson {
    pub provider: String,
    pub provider_name: String,
    /// How many connections the provider has.
    pub connections: usize,
    /// What the provider id alone picks: its only connection, or its default among several;
    /// `null` when it has several and no default (a command given it asks which).
    pub default: Option<DefaultConnection>,
}

#[derive(Serialize)]
pub struct DefaultConnection {
    pub id: String,
    pub name: Option<String>,
    pub account: String,
}

#[derive(Serialize)]
pub struct DefaultsDoc {
    pub providers: Vec<DefaultJson>,
}

pub async fn run(
    service: &Connections,
    args: DefaultArgs,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let DefaultArgs {
        connection,
        clear,
        json,
    } = args;
    if let Some(provider) = clear {
        return run_clear(service, &provider, json, term);
    }
    match connection {
        // A provider id shows; anything else names the connection to make the default.
        Some(arg) if service.catalogue().get(&arg).is_some() => {
            show(service, Some(&arg), json, term)
        }
        Some(arg) => {
            let (c, made) =
                resolve::call(service, &arg, async |c| service.make_default(&c.id)).await?;
            let doc = entry(service, &c.provider)?;
            if json {
                return output::json(term, &doc);
            }
            let words = t(
                if doc.connections > 1 {
                    "cli-default-made"
                } else {
                    "cli-default-made-only"
                },
                &[
                    ("connection", output::connection_words(&made).into()),
                    ("provider", doc.provider_name.as_str().into()),
                    (
                        "command",
                        format!("plugboard token {}", made.provider).into(),
                    ),
                ],
            );
            term.print(&format!("{words}\n"))
        }
        None => show(service, None, json, term),
    }
}

fn run_clear(
    service: &Connections,
    provider: &str,
    json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let was = service
        .clear_default(provider)
        .map_err(|e| fail(service, provider, e))?;
    if json {
        return output::json(term, &entry(service, provider)?);
    }
    let name = service.provider_name(provider);
    let words = match was {
        Some(c) => t(
            "cli-default-cleared",
            &[
                ("provider", name.as_str().into()),
                ("connection", output::connection_words(&c).into()),
            ],
        ),
        None => t(
            "cli-default-none-to-clear",
            &[("provider", name.as_str().into())],
        ),
    };
    term.print(&format!("{words}\n"))
}

/// The defaults of every provider with a connection, or of `only` that one.
fn show(
    service: &Connections,
    only: Option<&str>,
    json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let all = service.defaults().map_err(|e| fail(service, "", e))?;
    let mut providers: Vec<DefaultJson> = all
        .into_iter()
        .filter(|d| only.is_none_or(|p| d.provider == p))
        .map(|d| json_of(service, d))
        .collect();
    if let (Some(p), true) = (only, providers.is_empty()) {
        // A provider with no connection: said as any command says it (exit 6), or listed empty.
        if !json {
            return Err(Failure::new(
                exit::NOT_FOUND,
                t(
                    "cli-no-connection-yet",
                    &[
                        ("provider", service.provider_name(p).into()),
                        ("command", format!("plugboard connect {p}").into()),
                    ],
                ),
            ));
        }
        providers.push(DefaultJson {
            provider: p.to_string(),
            provider_name: service.provider_name(p),
            connections: 0,
            default: None,
        });
    }
    if json {
        return match (only, providers.pop()) {
            (Some(_), Some(one)) => output::json(term, &one),
            (_, last) => {
                providers.extend(last);
                output::json(term, &DefaultsDoc { providers })
            }
        };
    }
    if providers.is_empty() {
        return term.print(&format!("{}\n", t("cli-status-none", &[])));
    }
    let mut text = String::new();
    for d in &providers {
        let provider = d.provider_name.as_str();
        let line = match (&d.default, d.connections) {
            (Some(c), n) => t(
                if n > 1 {
                    "cli-default-is"
                } else {
                    "cli-default-only-one"
                },
                &[
                    ("provider", provider.into()),
                    (
                        "connection",
                        output::words_of(&c.id, c.name.as_deref(), &c.account).into(),
                    ),
                ],
            ),
            (None, n) => t(
                "cli-default-none",
                &[
                    ("provider", provider.into()),
                    ("count", n.into()),
                    ("command", "plugboard default <connection>".into()),
                ],
            ),
        };
        text.push_str(&line);
        text.push('\n');
    }
    term.print(&text)
}

/// `provider`'s entry as it is now.
fn entry(service: &Connections, provider: &str) -> Result<DefaultJson, Failure> {
    let found = service
        .defaults()
        .map_err(|e| fail(service, provider, e))?
        .into_iter()
        .find(|d| d.provider == provider);
    Ok(match found {
        Some(d) => json_of(service, d),
        None => DefaultJson {
            provider: provider.to_string(),
            provider_name: service.provider_name(provider),
            connections: 0,
            default: None,
        },
    })
}

fn json_of(service: &Connections, d: ProviderDefault) -> DefaultJson {
    DefaultJson {
        provider_name: service.provider_name(&d.provider),
        provider: d.provider,
        connections: d.connections,
        default: d.picked.map(|c: ConnectionView| DefaultConnection {
            id: c.id.to_string(),
            name: c.name,
            account: c.account,
        }),
    }
}

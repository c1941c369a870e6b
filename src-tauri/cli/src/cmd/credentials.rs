//! `plugboard credentials list|set|forget`: providers' app credentials, as the window's Settings
//! shows them: where each provider's come from (the core's `credentials_overview`), and the
//! person's own saved or forgotten (`save_app_credentials`, `forget_app_credentials`). Its
//! subcommands' arguments, its JSON document (`docs/cli.md`, "credentials") and its table live here.

use clap::Subcommand;
use plugboard_core::i18n::t;
use plugboard_core::secret::ClientSecret;
use plugboard_core::service::Connections;
use serde::Serialize;

use crate::failure::{exit, fail, Failure};
use crate::output::{self, table};
use crate::term::{Input, Term};

// `plugboard credentials`' arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct CredentialsArgs {
    #[command(subcommand)]
    pub action: CredentialsAction,
}

#[derive(Subcommand, Debug)]
pub enum CredentialsAction {
    /// Each provider's app credentials: where they come from and the client id (never a secret).
    List {
        /// Print the stable JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Save app credentials for a provider: the client id as a flag, the secret from standard
    /// input or a hidden prompt (none for a public client). The secret goes to the keychain.
    Set {
        /// A provider id from `plugboard providers`.
        provider: String,
        /// The client id of the app you registered with the provider.
        #[arg(long)]
        client_id: String,
    },
    /// Forget the app credentials saved for a provider (in the window or with `credentials set`).
    Forget {
        /// A provider id from `plugboard providers`.
        provider: String,
    },
}

#[derive(Serialize)]
struct ListDoc {
    providers: Vec<plugboard_core::service::CredentialsView>,
}

pub async fn run(
    service: &Connections,
    action: CredentialsAction,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    match action {
        CredentialsAction::List { json } => {
            let providers = service.credentials_overview();
            if json {
                return output::json(term, &ListDoc { providers });
            }
            term.print(&credentials_text(&providers))
        }
        CredentialsAction::Set {
            provider,
            client_id,
        } => {
            let p = service
                .provider(&provider)
                .map_err(|e| fail(service, &provider, e))?;
            if p.authorization_code().is_none() {
                return Err(Failure::new(
                    exit::USAGE,
                    t(
                        "cli-credentials-no-browser-sign-in",
                        &[
                            ("provider", p.name.as_str().into()),
                            ("command", format!("plugboard connect {}", p.id).into()),
                        ],
                    ),
                ));
            }
            let (pid, name, public) = (p.id.clone(), p.name.clone(), p.public_client());
            // Refused before anything is typed: a secret asked for in vain is worse than none.
            service
                .ensure_credentials_replaceable(pid.as_str())
                .map_err(|e| fail(service, pid.as_str(), e))?;
            let secret = if public {
                ClientSecret::new(String::new())
            } else {
                ClientSecret::new(Input::new().read(
                    &t("cli-label-client-secret", &[]),
                    true,
                    None,
                )?)
            };
            service
                .save_app_credentials(&pid, &client_id, secret)
                .await
                .map_err(|e| fail(service, pid.as_str(), e))?;
            let said = t(
                if public {
                    "cli-credentials-saved-public"
                } else {
                    "cli-credentials-saved"
                },
                &[("provider", name.as_str().into())],
            );
            term.print(&format!("{said}\n"))
        }
        CredentialsAction::Forget { provider } => {
            let p = service
                .provider(&provider)
                .map_err(|e| fail(service, &provider, e))?;
            let (pid, name) = (p.id.clone(), p.name.clone());
            let had = service
                .forget_app_credentials(&pid)
                .await
                .map_err(|e| fail(service, pid.as_str(), e))?;
            let now = match service.credentials_origin(pid.as_str()) {
                Some(origin) => t(
                    "cli-credentials-now-from",
                    &[
                        ("provider", name.as_str().into()),
                        ("origin", origin.describe().into()),
                    ],
                ),
                None => t(
                    "cli-credentials-now-none",
                    &[("provider", name.as_str().into())],
                ),
            };
            let what = t(
                if had {
                    "cli-credentials-forgot"
                } else {
                    "cli-credentials-none-saved"
                },
                &[("provider", name.as_str().into())],
            );
            term.print(&format!("{what} {now}\n"))
        }
    }
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

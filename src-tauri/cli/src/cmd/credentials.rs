//! `plugboard credentials list|set|forget`: providers' app credentials, as the window's Settings
//! shows them: where each provider's come from (the core's `credentials_overview`), and the
//! person's own saved or forgotten (`save_app_credentials`, `forget_app_credentials`).

use plugboard_core::i18n::t;
use plugboard_core::secret::ClientSecret;
use plugboard_core::service::Connections;
use serde::Serialize;

use crate::args::CredentialsAction;
use crate::failure::{exit, fail, Failure};
use crate::output;
use crate::term::{Input, Term};

#[derive(Serialize)]
struct ListDoc {
    schema: u32,
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
                return term.json(&ListDoc {
                    schema: output::SCHEMA,
                    providers,
                });
            }
            term.print(&output::credentials_text(&providers))
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

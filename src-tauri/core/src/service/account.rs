/*!
A connection's account label, written when it is shown, in the language spoken then. The index
keeps what a label is made of ([`AccountParts`]: a kind and its raw values: a key's field and
its masked end, a client ID's masked end, a sign-in's `account_label` template and the values
that filled it), never Plugboard's words for it, so a label made while Plugboard spoke
Portuguese reads in Spanish after the person switches (the card, the tray, notifications,
`plugboard status` alike: they all read [`ConnectionView::account`] or the tray's subjects,
made here).

A record an older Plugboard wrote has no parts: its `account`, as it was written then, stands.
A new record's `account` is the label in English, what an older Plugboard reading the same
index shows.

[`ConnectionView::account`]: super::model::ConnectionView::account
*/

use crate::catalogue::Provider;
use crate::i18n::Messages;
use crate::index::{AccountParts, ConnectionRecord};

/// `r`'s account label in `m`'s language: from its parts, or as stored when it has none (an
/// older record) or its provider is no longer in the catalogue.
pub(crate) fn label_of(provider: Option<&Provider>, r: &ConnectionRecord, m: &Messages) -> String {
    match (&r.account_parts, provider) {
        (Some(parts), Some(p)) => compose(p, parts, r.environment.as_deref(), m),
        _ => r.account.clone(),
    }
}

/// The label `parts` make for a connection to `p` (in `environment`, for client credentials),
/// in `m`'s language; a built-in provider's texts (its fields, environments, templates) in that
/// language too.
pub(crate) fn compose(
    p: &Provider,
    parts: &AccountParts,
    environment: Option<&str>,
    m: &Messages,
) -> String {
    let shown = || crate::catalogue::in_language_of(p, m);
    match parts {
        AccountParts::ApiKey { field, hint } => {
            let label = shown()
                .api_key()
                .and_then(|k| k.fields.iter().find(|f| &f.id == field))
                .map_or_else(|| field.clone(), |f| f.label.clone());
            m.get(
                "connect-account-api-key",
                &[("field", label.into()), ("hint", hint.as_str().into())],
            )
        }
        AccountParts::Client { hint } => match environment {
            Some(env) => {
                let label = shown()
                    .environments
                    .iter()
                    .find(|e| e.id == env)
                    .map_or_else(|| env.to_string(), |e| e.label.clone());
                m.get(
                    "connect-account-client-in-environment",
                    &[
                        ("environment", label.into()),
                        ("hint", hint.as_str().into()),
                    ],
                )
            }
            None => m.get("connect-account-client", &[("hint", hint.as_str().into())]),
        },
        AccountParts::Named { template, values } => {
            // The provider's template in the language, while it is the one the label was made
            // with (a providers file may have changed the templates since: then as it was).
            let template = p
                .account_label
                .iter()
                .position(|t| t == template)
                .and_then(|n| shown().account_label.get(n).cloned())
                .unwrap_or_else(|| template.clone());
            crate::catalogue::render_label(&template, values)
        }
        AccountParts::SignIn { hint } => m.get(
            "sign-in-account-fallback",
            &[
                ("provider", p.name.as_str().into()),
                ("hint", hint.as_str().into()),
            ],
        ),
        AccountParts::Recovered => m.get("orphans-recovered-account", &[]),
    }
}

/// Whether `existing` is the same account as the `new` record (a Reconnect, or connecting the
/// same key again): the same parts, or (an older record, labelled in words) the new label as
/// any of Plugboard's languages writes it.
pub(crate) fn same_account(
    provider: Option<&Provider>,
    existing: &ConnectionRecord,
    new: &ConnectionRecord,
) -> bool {
    if existing.provider != new.provider {
        return false;
    }
    if existing.account == new.account {
        return true;
    }
    match (&existing.account_parts, &new.account_parts, provider) {
        (Some(a), Some(b), _) => a == b && existing.environment == new.environment,
        (None, Some(_), Some(p)) => {
            crate::i18n::every_language().any(|m| label_of(Some(p), new, &m) == existing.account)
        }
        _ => false,
    }
}

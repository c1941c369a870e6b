//! `plugboard status [--json]`: every connection, with the keychain's state; a provider's default
//! (`plugboard default`) is marked where the provider has several. Exits 0 whatever the
//! connections' states are: they are in the output. Its arguments, its JSON document (`docs/cli.md`,
//! "status") and its table live here; the shape of one connection, shared with `connect`,
//! `refresh` and `rename`, is [`crate::output::ConnectionJson`].

use plugboard_core::i18n::t;
use plugboard_core::lifetime::KeychainState;
use plugboard_core::service::Connections;
use serde::Serialize;

use crate::failure::{fail, Failure};
use crate::output::{self, expires_words, table, ConnectionJson};
use crate::term::Term;

// `plugboard status`' arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct StatusArgs {
    /// Print the stable JSON document instead of a table.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(service: &Connections, as_json: bool, term: &mut Term<'_>) -> Result<(), Failure> {
    // Ask whether the keychain is locked (never prompts), so statuses say so.
    let _ = service.probe_keychain().await;
    // One look at the keychain's item listing first: a connection whose item was deleted
    // elsewhere is listed as Reconnect needed, with that reason, not as connected.
    let orphans = service.notice_lost_items().await.ok().map(|(o, _)| o);
    let views = service.list().map_err(|e| fail(service, "", e))?;
    let doc = StatusDoc {
        keychain: service.keychain_state(),
        connections: views
            .iter()
            .map(|c| output::connection(service, c))
            .collect(),
        orphans,
    };
    if as_json {
        output::json(term, &doc)
    } else {
        term.print(&status_text(&doc))?;
        if let Some(note) = doc.orphans.as_ref().and_then(|o| o.summary()) {
            term.say(t("cli-note", &[("note", note.into())]));
        }
        Ok(())
    }
}

#[derive(Serialize)]
pub struct StatusDoc {
    pub keychain: plugboard_core::lifetime::KeychainState,
    pub connections: Vec<ConnectionJson>,
    /// Keychain items without a connection and connections without an item; absent when the
    /// keychain could not be asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub orphans: Option<plugboard_core::service::Orphans>,
}

pub fn status_text(doc: &StatusDoc) -> String {
    if doc.connections.is_empty() {
        return format!("{}\n", t("cli-status-none", &[]));
    }
    let keychain = t(
        match doc.keychain {
            KeychainState::Ready => "cli-keychain-ready",
            KeychainState::Locked => "cli-keychain-locked",
            KeychainState::Unavailable => "cli-keychain-unavailable",
        },
        &[],
    );
    let mut rows = vec![[
        t("cli-column-id", &[]),
        t("cli-column-provider", &[]),
        t("cli-column-account", &[]),
        t("cli-column-status", &[]),
        t("cli-column-expires", &[]),
        t("cli-column-scopes", &[]),
    ]];
    for c in &doc.connections {
        rows.push([
            c.id.clone(),
            // The one a bare provider id picks among several (`plugboard default`).
            if c.default {
                t(
                    "cli-status-default",
                    &[("provider", c.provider_name.as_str().into())],
                )
            } else {
                c.provider_name.clone()
            },
            match &c.name {
                Some(name) => format!("{name} ({})", c.account),
                None => c.account.clone(),
            },
            match &c.retry_at {
                Some(at) => t(
                    "cli-status-retrying",
                    &[
                        ("status", c.status_label.as_str().into()),
                        ("at", at.as_str().into()),
                    ],
                ),
                None => c.status_label.clone(),
            },
            // Reconnect needed: the old token's time means nothing now (the window hides it too).
            if c.status == plugboard_core::lifetime::Health::ReconnectNeeded {
                "-".to_string()
            } else {
                expires_words(c)
            },
            c.scopes.join(" "),
        ]);
    }
    let mut out = format!("{keychain}\n");
    out.push_str(&table(&rows));
    for c in &doc.connections {
        if let Some(e) = &c.last_error {
            let line = t(
                "cli-status-last-error",
                &[
                    ("id", c.id.as_str().into()),
                    ("at", e.at.as_str().into()),
                    ("message", e.message.as_str().into()),
                ],
            );
            out.push_str(&format!("{line}\n"));
        }
    }
    out
}

//! `plugboard disconnect <connection> [--json]`: revoke where the provider can, forget locally.
//! `plugboard disconnect --all [--yes] [--json]`: every connection, then every other keychain item
//! Plugboard made (the core's `forget_everything`), after the person says yes. Its arguments, its
//! two JSON documents (`docs/cli.md`, "disconnect") and its words live here. Every line about a
//! connection says it as [`output::connection_words`] does: its id, its name when it has one
//! (the name is how the person knows it), its account.

use std::io::{BufRead, IsTerminal};

use plugboard_core::i18n::t;
use plugboard_core::service::{Connections, DisconnectReport};
use serde::Serialize;

use crate::failure::{exit, fail, Failure};
use crate::output;
use crate::resolve;
use crate::term::Term;

// `plugboard disconnect`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct DisconnectArgs {
    /// The connection to disconnect: its id (see `plugboard status`), its name, or a provider
    /// id when that provider has one connection.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    pub connection: Option<String>,
    /// Every connection, and every other keychain item Plugboard made (saved app credentials,
    /// pending sign-ins).
    #[arg(long)]
    pub all: bool,
    /// With --all: do not ask first (scripts, or no terminal to ask at).
    #[arg(long, requires = "all")]
    pub yes: bool,
    /// Print the stable JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

pub async fn run(
    service: &Connections,
    connection: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let (c, (provider, report)) = resolve::call(service, connection, async |c| {
        service.disconnect(&c.id).await
    })
    .await?;
    let doc = DisconnectDoc {
        id: c.id.to_string(),
        provider: provider.clone(),
        account: c.account.clone(),
        name: c.name.clone(),
        report,
    };
    if as_json {
        output::json(term, &doc)
    } else {
        term.print(&disconnect_text(&service.provider_name(&provider), &doc))
    }
}

pub async fn run_all(
    service: &Connections,
    yes: bool,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let connections = service.list().map_err(|e| fail(service, "", e))?;
    if !yes {
        let mut lines = vec![match connections.len() {
            0 => t("cli-disconnect-all-none", &[]),
            n => t("cli-disconnect-all-some", &[("count", n.into())]),
        }];
        // Each by its name too, when it has one: the name is how the person knows it.
        for c in &connections {
            lines.push(format!(
                "  {} · {}",
                service.provider_name(&c.provider),
                output::connection_words(c)
            ));
        }
        lines.push(t("cli-disconnect-all-revoke-note", &[]));
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(Failure::new(
                exit::USAGE,
                format!(
                    "{}\n{}",
                    lines.join("\n"),
                    t("cli-disconnect-all-no-terminal", &[])
                ),
            ));
        }
        // The word to type is the person's language's; "yes" goes ahead in every language.
        let yes = t("cli-disconnect-all-yes", &[]);
        let ask = t("cli-disconnect-all-ask", &[("yes", yes.as_str().into())]);
        let question = format!("{}\n{ask} ", lines.join("\n"));
        let _ = write!(
            term.err,
            "{}",
            plugboard_core::safe_text::escape_keeping_lines(&question)
        );
        let _ = term.err.flush();
        let mut answer = String::new();
        let _ = stdin.lock().read_line(&mut answer);
        let answer = answer.trim();
        if !(answer.eq_ignore_ascii_case("yes") || plain(answer) == plain(&yes)) {
            return Err(Failure::new(
                exit::FAILURE,
                t("cli-disconnect-all-not-confirmed", &[("yes", yes.into())]),
            ));
        }
    }
    let report = service
        .forget_everything()
        .await
        .map_err(|e| fail(service, "", e))?;
    if as_json {
        return output::json(term, &report);
    }
    let mut text = String::new();
    for d in &report.disconnected {
        let doc = DisconnectDoc {
            id: d.id.to_string(),
            provider: d.provider.clone(),
            account: d.account.clone(),
            name: d.name.clone(),
            report: d.report.clone(),
        };
        text.push_str(&disconnect_text(&service.provider_name(&d.provider), &doc));
    }
    let removed = match report.other_items_removed {
        Some(n) => t("cli-disconnect-all-removed", &[("count", n.into())]),
        None => t("cli-disconnect-all-cannot-list", &[]),
    };
    text.push_str(&format!("{removed}\n"));
    term.print(&text)
}

#[derive(Serialize)]
pub struct DisconnectDoc {
    pub id: String,
    pub provider: String,
    /// Who it was (the account label), and the name the person gave it, if any.
    pub account: String,
    pub name: Option<String>,
    #[serde(flatten)]
    pub report: DisconnectReport,
}

pub fn disconnect_text(name: &str, doc: &DisconnectDoc) -> String {
    let what = match &doc.report {
        DisconnectReport::Revoked => t("cli-disconnect-revoked", &[("provider", name.into())]),
        DisconnectReport::NotSupported { note: Some(note) } => note.clone(),
        DisconnectReport::NotSupported { note: None } => {
            t("cli-disconnect-no-revoke", &[("provider", name.into())])
        }
        DisconnectReport::RevokeFailed { reason } => t(
            "cli-disconnect-revoke-failed",
            &[
                ("provider", name.into()),
                ("reason", reason.as_str().into()),
            ],
        ),
        DisconnectReport::AlreadyGone => {
            let words = t("cli-disconnect-already", &[("id", doc.id.as_str().into())]);
            return format!("{words}\n");
        }
    };
    let connection = output::words_of(&doc.id, doc.name.as_deref(), &doc.account);
    let done = t(
        "cli-disconnected",
        &[("connection", connection.into()), ("provider", name.into())],
    );
    format!("{done} {what}\n")
}

/// `word` lowercased without its accents, so "si" answers "sí" and "SIM" answers "sim".
fn plain(word: &str) -> String {
    word.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ã' => 'a',
            'é' | 'ê' => 'e',
            'í' => 'i',
            'ó' | 'ô' | 'õ' => 'o',
            'ú' | 'ü' => 'u',
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_yes_typed_without_its_accent_is_a_yes() {
        assert_eq!(super::plain(" Sí "), super::plain("si"));
        assert_eq!(super::plain("SIM"), "sim");
        assert_ne!(super::plain("no"), super::plain("sí"));
    }
}

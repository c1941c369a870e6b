//! `plugboard disconnect <connection> [--json]`: revoke where the provider can, forget locally.
//! `plugboard disconnect --all [--yes] [--json]`: every connection, then every other keychain item
//! Plugboard made (the core's `forget_everything`), after the person says yes.

use std::io::{BufRead, IsTerminal};

use plugboard_core::i18n::t;
use plugboard_core::service::Connections;

use crate::failure::{exit, fail, Failure};
use crate::output;
use crate::resolve;
use crate::term::Term;

pub async fn run(
    service: &Connections,
    connection: &str,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let c = resolve::connection(service, connection)?;
    let (provider, report) = service
        .disconnect(&c.id)
        .await
        .map_err(|e| fail(service, &c.provider, e))?;
    let doc = output::DisconnectDoc {
        schema: output::SCHEMA,
        id: c.id.to_string(),
        provider: provider.clone(),
        report,
    };
    if as_json {
        term.json(&doc)
    } else {
        term.print(&output::disconnect_text(
            &service.provider_name(&provider),
            &doc,
        ))
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
        for c in &connections {
            lines.push(format!(
                "  {} · {} ({})",
                service.provider_name(&c.provider),
                c.account,
                c.id
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
        return term.json(&output::ForgetDoc {
            schema: output::SCHEMA,
            report,
        });
    }
    let mut text = String::new();
    for d in &report.disconnected {
        let doc = output::DisconnectDoc {
            schema: output::SCHEMA,
            id: d.id.to_string(),
            provider: d.provider.clone(),
            report: d.report.clone(),
        };
        text.push_str(&output::disconnect_text(
            &service.provider_name(&d.provider),
            &doc,
        ));
    }
    let removed = match report.other_items_removed {
        Some(n) => t("cli-disconnect-all-removed", &[("count", n.into())]),
        None => t("cli-disconnect-all-cannot-list", &[]),
    };
    text.push_str(&format!("{removed}\n"));
    term.print(&text)
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

//! `plugboard disconnect <connection> [--json]`: revoke where the provider can, forget locally.
//! `plugboard disconnect --all [--yes] [--json]`: every connection, then every other keychain item
//! Plugboard made (the core's `forget_everything`), after the person says yes.

use std::io::{BufRead, IsTerminal};

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
            0 => "There are no connections. This removes every other keychain item Plugboard made: saved app credentials and pending sign-ins.".to_string(),
            n => format!(
                "This disconnects {} and removes every other keychain item Plugboard made: saved app credentials and pending sign-ins.",
                if n == 1 { "1 connection".to_string() } else { format!("{n} connections") }
            ),
        }];
        for c in &connections {
            lines.push(format!(
                "  {} · {} ({})",
                service.provider_name(&c.provider),
                c.account,
                c.id
            ));
        }
        lines.push(
            "Providers that can are asked to revoke the tokens; for the others, remove Plugboard's access in their settings.".into(),
        );
        let stdin = std::io::stdin();
        if !stdin.is_terminal() {
            return Err(Failure::new(
                exit::USAGE,
                format!(
                    "{}\nNothing was changed: there is no terminal to ask at. Run it again with --yes to go ahead.",
                    lines.join("\n")
                ),
            ));
        }
        let _ = write!(term.err, "{}\nType yes to go ahead: ", lines.join("\n"));
        let _ = term.err.flush();
        let mut answer = String::new();
        let _ = stdin.lock().read_line(&mut answer);
        if !answer.trim().eq_ignore_ascii_case("yes") {
            return Err(Failure::new(
                exit::FAILURE,
                "Nothing was changed: you did not type yes.",
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
    text.push_str(&match report.other_items_removed {
        Some(n) => format!(
            "Removed {n} other keychain item{} Plugboard made.\n",
            if n == 1 { "" } else { "s" }
        ),
        None => "This keychain cannot list its items, so only the connections' own were removed: look for \"dev.plugboard.desktop\" in your keychain app for any left.\n".into(),
    });
    term.print(&text)
}

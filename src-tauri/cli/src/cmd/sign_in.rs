//! A browser sign-in from the command line: a loopback listener on 127.0.0.1 (RFC 8252 §7.3; the
//! provider's own fixed loopback port when it registers one), or, for a provider that sends the
//! browser to an https page, the address the browser ends on pasted back here. With
//! `--no-browser` the address is printed and a pasted final address is accepted too.

use std::collections::HashMap;

use plugboard_core::catalogue::RedirectMode;
use plugboard_core::error::ErrorCode;
use plugboard_core::service::{Connections, ErrorKind};

use super::connection_out;
use crate::failure::{exit, fail, Failure};
use crate::term::{Input, Term};

pub struct Options<'a> {
    pub provider: &'a str,
    pub name: &'a str,
    pub no_browser: bool,
    pub as_json: bool,
}

/// The query of an address the browser ended on, pasted by the person.
fn query_of(pasted: &str) -> Result<HashMap<String, String>, Failure> {
    let url = url::Url::parse(pasted.trim()).map_err(|_| {
        Failure::new(exit::USAGE, "That is not the address the browser ended on: paste the whole address, starting with http:// or https:// (or dev.plugboard.desktop:).")
    })?;
    Ok(url.query_pairs().into_owned().collect())
}

/// With `--no-browser`, a line typed or pasted on standard input: the address a browser on
/// another machine ended on. Never resolves otherwise (or on an empty or closed input), so the
/// loopback listener keeps waiting.
async fn pasted_address(no_browser: bool) -> Result<HashMap<String, String>, Failure> {
    if no_browser {
        let line = tokio::task::spawn_blocking(|| {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).ok().map(|_| line)
        })
        .await
        .ok()
        .flatten();
        if let Some(line) = line.filter(|l| !l.trim().is_empty()) {
            return query_of(&line);
        }
    }
    std::future::pending().await
}

pub async fn run(
    service: &Connections,
    o: Options<'_>,
    input: &mut Input,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let (pid, name) = (o.provider, o.name);
    let method = service
        .provider(pid)
        .ok()
        .and_then(|p| p.authorization_code())
        .expect("checked by connect");
    let busy = |e: plugboard_core::loopback::LoopbackError| {
        Failure::new(
            exit::FAILURE,
            format!("Plugboard can't receive the {name} sign-in: {e}. Close the other program, then try again."),
        )
    };
    let (listener, path, redirect) = match &method.redirect {
        RedirectMode::DeepLink => {
            let listener = plugboard_core::loopback::bind(0).await.map_err(busy)?;
            let port = listener
                .local_addr()
                .map_err(|e| Failure::new(exit::FAILURE, e.to_string()))?
                .port();
            let path = "/callback".to_string();
            let uri = format!("http://127.0.0.1:{port}{path}");
            (Some(listener), path, Some(uri))
        }
        RedirectMode::Loopback { host, port, path } => (
            Some(
                plugboard_core::loopback::bind_host(host, *port)
                    .await
                    .map_err(busy)?,
            ),
            path.clone(),
            None,
        ),
        RedirectMode::Https { .. } => (None, String::new(), None),
    };
    let started = service
        .begin_sign_in_at(pid, redirect)
        .await
        .map_err(|e| fail(service, pid, e))?;
    term.say(format!(
        "To connect {name}, sign in at:\n\n  {}\n",
        started.url
    ));
    if !o.no_browser {
        if let Err(e) = open::that_detached(&started.url) {
            log::warn!("could not open a browser: {e}");
            term.say("(No browser could be opened here: open the address above yourself.)");
        }
    }
    let lifetime = plugboard_core::flow::FLOW_LIFETIME;
    let params = match listener {
        Some(listener) => {
            term.say(format!(
                "Waiting for the browser to come back to {} (up to {} minutes; Ctrl-C cancels)…",
                started.redirect_uri,
                lifetime.as_secs() / 60
            ));
            if o.no_browser {
                term.say(
                    "If your browser is on another machine, paste the address it ends on here.",
                );
            }
            let callback = async {
                plugboard_core::loopback::wait_for_callback(listener, &path, &started.state, lifetime)
                    .await
                    .map_err(|e| {
                        service.cancel_sign_in(pid);
                        Failure::new(exit::FAILURE, format!("The {name} sign-in did not finish: {e}. Start again with: plugboard connect {pid}"))
                    })
            };
            // Whichever comes first: the browser on this machine, or an address pasted here.
            tokio::select! {
                params = callback => params?,
                pasted = pasted_address(o.no_browser) => pasted?,
            }
        }
        None => {
            query_of(&input.read("address the browser ended on (paste it here)", false, "")?)?
        }
    };
    let (_, result) = service.complete_sign_in(|k| params.get(k).cloned()).await;
    let view = result.map_err(|e| match (e.kind(), e.to_user(name)) {
        // A refused code exchange is a failed sign-in here, not an existing connection to redo.
        (ErrorKind::DeadGrant, _) => Failure::new(
            exit::FAILURE,
            format!("{name} refused the sign-in. Start again with: plugboard connect {pid}"),
        ),
        (_, u) if u.code == ErrorCode::StateMismatch => Failure::new(
            exit::FAILURE,
            format!(
                "{} Start again with: plugboard connect {pid}",
                u.message.trim_end_matches(" Start again with Connect.")
            ),
        ),
        (_, u) => u.into(),
    })?;
    connection_out(service, &view, "Connected", o.as_json, term)
}

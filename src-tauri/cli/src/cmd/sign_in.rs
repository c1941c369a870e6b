//! A browser sign-in from the command line. The core's sign-in session does the work (a loopback
//! listener on 127.0.0.1, RFC 8252 §7.3, or the provider's own fixed port; for a provider that
//! sends the browser to an https page, the address the browser ends on, pasted back here); this
//! file opens the browser and says what is happening. With `--no-browser` the address is printed
//! and a pasted final address is accepted too.

use plugboard_core::catalogue::ProviderId;
use plugboard_core::error::ErrorCode;
use plugboard_core::flow::FLOW_LIFETIME;
use plugboard_core::i18n::{t, Arg};
use plugboard_core::service::{Connections, ErrorKind, NextStep, ReturnTo, ServiceError};

use super::connection_out;
use crate::failure::{exit, fail, Failure};
use crate::output::Done;
use crate::term::{Input, Term};

pub struct Options<'a> {
    pub provider: &'a ProviderId,
    pub name: &'a str,
    pub no_browser: bool,
    pub as_json: bool,
    /// Optional scopes to ask for besides the method's (`--scope`).
    pub scopes: &'a [String],
    /// The connection this sign-in replaces in place (`--replace`).
    pub replaces: Option<plugboard_core::connection::ConnectionId>,
}

/// With `--no-browser`, a line typed or pasted on standard input: the address a browser on
/// another machine ended on. `None` on an empty or closed input (the loopback listener keeps
/// waiting), and always without `--no-browser`.
async fn pasted_line(no_browser: bool) -> Option<String> {
    if !no_browser {
        return None;
    }
    tokio::task::spawn_blocking(|| {
        let mut line = String::new();
        std::io::stdin().read_line(&mut line).ok().map(|_| line)
    })
    .await
    .ok()
    .flatten()
    .filter(|l| !l.trim().is_empty())
}

pub async fn run(
    service: &Connections,
    o: Options<'_>,
    input: &mut Input,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let (pid, name) = (o.provider, o.name);
    let sign_in = service
        .start_sign_in_asking(pid, ReturnTo::Terminal, o.scopes, o.replaces.as_ref())
        .await
        .map_err(|e| fail(service, pid.as_str(), e))?;
    let url = &sign_in.started.url;
    let sign_in_at = t("cli-sign-in-at", &[("provider", name.into())]);
    term.say(format!("{sign_in_at}\n\n  {url}\n"));
    if !o.no_browser {
        if let Err(e) = open::that_detached(url) {
            log::warn!("could not open a browser: {e}");
            term.say(t("cli-no-browser-opened", &[]));
        }
    }
    let waited = if sign_in.listens() {
        term.say(t(
            "cli-waiting-for-browser",
            &[
                ("redirect", sign_in.started.redirect_uri.as_str().into()),
                (
                    "minutes",
                    i64::try_from(FLOW_LIFETIME.as_secs() / 60)
                        .unwrap_or(i64::MAX)
                        .into(),
                ),
            ],
        ));
        if o.no_browser {
            term.say(t("cli-paste-hint", &[]));
        }
        // Whichever comes first: the browser on this machine, or an address pasted here.
        service
            .wait_for_browser(sign_in, pasted_line(o.no_browser))
            .await
    } else {
        // An https-page redirect: only the address the browser ends on brings the code here.
        let line = input.read(&t("cli-label-pasted-address", &[]), false, None)?;
        service
            .wait_for_browser(sign_in, async { Some(line) })
            .await
    };
    let again = || -> (&str, Arg) { ("command", format!("plugboard connect {pid}").into()) };
    let params = waited.map_err(|e| match e {
        // The loopback wait's own words (the sign-in's lifetime ran out with no browser).
        ServiceError::SignInTimedOut { .. } => Failure::new(
            exit::FAILURE,
            t(
                "cli-sign-in-timed-out",
                &[("provider", name.into()), again()],
            ),
        ),
        e => fail(service, pid.as_str(), e),
    })?;
    let (_, result) = service.complete_sign_in(|k| params.get(k).cloned()).await;
    let view = result.map_err(|e| match e.kind() {
        // A refused code exchange is a failed sign-in here, not an existing connection to redo.
        ErrorKind::DeadGrant => Failure::new(
            exit::FAILURE,
            t("cli-sign-in-refused", &[("provider", name.into()), again()]),
        ),
        // A sign-in that cannot finish (expired, unknown or mismatched response): begin again.
        _ if e.next_step() == NextStep::StartAgain
            || e.what_happened(name).code == ErrorCode::StateMismatch =>
        {
            Failure::new(
                exit::FAILURE,
                t(
                    "cli-start-again",
                    &[("problem", e.what_happened(name).message.into()), again()],
                ),
            )
        }
        _ => e.to_user(name).into(),
    })?;
    connection_out(service, &view, Done::Connected, o.as_json, term)
}

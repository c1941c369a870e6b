/*!
A browser sign-in as the front ends drive it, written once: [`Connections::start_sign_in`] binds a
loopback listener where the browser will come back to one (before the browser opens, so a busy
port is said first) and begins the flow; [`Connections::wait_for_browser`] waits for the callback
that carries the pending `state` (a stray request gets an error page and the wait goes on, see
[`crate::loopback`]) or for an address the person pasted, whichever comes first, and cancels the
flow if neither comes in time; [`Connections::complete_sign_in`] then finishes it. The window and
the command line only open the URL and word the outcome.

Where the browser comes back to (RFC 8252):
- the window: the catalogue's redirect — the private-use scheme (§7.1; it arrives as a deep link,
  not here) or the provider's registered loopback port (§7.3);
- the command line: a loopback listener on any free port for deep-link providers (§7.3), the
  provider's registered port when it fixes one, or — for an https-page redirect — only a pasted
  final address.
*/

use std::collections::HashMap;
use std::future::Future;
use std::time::Duration;

use tokio::net::TcpListener;

use super::model::StartedSignIn;
use super::{Connections, ServiceError};
use crate::catalogue::ProviderId;
use crate::catalogue::RedirectMode;
use crate::flow::FLOW_LIFETIME;
use crate::loopback;

/// How long a front end waits for the browser: the sign-in's lifetime and a little more, so a
/// callback in its last second still reaches [`Connections::complete_sign_in`] (which says it
/// expired, rather than nothing at all).
const WAIT: Duration = Duration::from_secs(FLOW_LIFETIME.as_secs() + 5);

/// Which front end the browser returns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReturnTo {
    Window,
    Terminal,
}

/// A begun browser sign-in: what to open, and where it comes back.
pub struct SignIn {
    pub started: StartedSignIn,
    /// The loopback listener and its callback path, when the browser comes back over http.
    listener: Option<(TcpListener, String)>,
}

impl SignIn {
    /// Whether the browser comes back to a loopback listener (otherwise a deep link, or an
    /// address the person pastes).
    pub fn listens(&self) -> bool {
        self.listener.is_some()
    }
}

/// The query of an address the browser ended on, pasted by the person.
pub fn query_of_address(pasted: &str) -> Result<HashMap<String, String>, ServiceError> {
    let url = url::Url::parse(pasted.trim()).map_err(|_| ServiceError::NotAnAddress)?;
    Ok(url.query_pairs().into_owned().collect())
}

impl Connections {
    /// Binds where the browser will come back (if anywhere in this process) and begins the
    /// sign-in. Nothing is remembered when the port is busy.
    pub async fn start_sign_in(
        &self,
        provider_id: &ProviderId,
        to: ReturnTo,
    ) -> Result<SignIn, ServiceError> {
        self.start_sign_in_asking(provider_id, to, &[], None).await
    }

    /// As [`Self::start_sign_in`], asking also for `optional` scopes the provider offers (its
    /// catalogue's `optional_scopes`; any other is refused before anything starts). Asking an
    /// account already connected for more scopes reconnects it in place; so does a sign-in for
    /// the connection it `replaces` (Reconnect, Ask for more access), whatever label comes back.
    pub async fn start_sign_in_asking(
        &self,
        provider_id: &ProviderId,
        to: ReturnTo,
        optional: &[String],
        replaces: Option<&crate::connection::ConnectionId>,
    ) -> Result<SignIn, ServiceError> {
        let (provider, method, creds) = self.sign_in_parts(provider_id).await?;
        let scopes = super::sign_in::scopes_to_ask(method, optional)?;
        let (listener, redirect) = match (&method.redirect, to) {
            (RedirectMode::Loopback { host, port, path }, _) => {
                let listener = loopback::bind_host(host, *port).await?;
                (Some((listener, path.clone())), None)
            }
            (RedirectMode::DeepLink, ReturnTo::Terminal) => {
                let listener = loopback::bind(0).await?;
                let port = listener
                    .local_addr()
                    .map_err(|e| loopback::LoopbackError::Bind {
                        port: 0,
                        reason: e.to_string(),
                    })?
                    .port();
                let path = "/callback".to_string();
                let uri = format!("http://127.0.0.1:{port}{path}");
                (Some((listener, path)), Some(uri))
            }
            (RedirectMode::DeepLink | RedirectMode::Https { .. }, _) => (None, None),
        };
        let started = self
            .begin_flow(provider, method, &creds, redirect, &scopes, replaces)
            .await?;
        Ok(SignIn { started, listener })
    }

    /// Waits for the browser: the callback on the loopback listener, or `pasted` (the address a
    /// browser elsewhere ended on; `None` means nothing was pasted, keep waiting), whichever comes
    /// first, for at most the sign-in's lifetime. Without a listener only `pasted` (or a deep
    /// link, which completes the sign-in elsewhere) can end it. On time-out the pending sign-in is
    /// cancelled: [`ServiceError::SignInTimedOut`] says whether it was still pending.
    pub async fn wait_for_browser(
        &self,
        sign_in: SignIn,
        pasted: impl Future<Output = Option<String>>,
    ) -> Result<HashMap<String, String>, ServiceError> {
        let provider = sign_in.started.provider.clone();
        let pasted = async {
            match pasted.await {
                Some(address) => query_of_address(&address),
                None => std::future::pending().await,
            }
        };
        let callback = async {
            match sign_in.listener {
                Some((listener, path)) => {
                    let state = &sign_in.started.state;
                    loopback::wait_for_callback(listener, &path, state, WAIT)
                        .await
                        .ok()
                }
                None => {
                    tokio::time::sleep(WAIT).await;
                    None
                }
            }
        };
        tokio::select! {
            params = callback => match params {
                Some(params) => Ok(params),
                None => Err(ServiceError::SignInTimedOut {
                    was_pending: self.cancel_sign_in(&provider),
                }),
            },
            params = pasted => params,
        }
    }
}

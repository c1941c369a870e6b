//! The browser half of the authorization code flow (RFC 6749 §4.1, RFC 8252): pending sign-ins
//! keyed by `state`, each taken once, the authorize URL with its PKCE challenge (RFC 7636), and
//! reading the callback (RFC 9207 `iss`, declined consent).

use super::{request::FlowError, AppCredentials};
use crate::catalogue::{AuthorizationCode, Provider, ProviderId};
use crate::secret::{self, PkceVerifier, SecretString};
use oauth2::{CsrfToken, PkceCodeChallenge};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;
use url::Url;

/// A flow waiting for its callback.
pub struct PendingFlow {
    pub provider: ProviderId,
    pub redirect_uri: String,
    pub verifier: PkceVerifier,
    /// Unix seconds after which the callback is refused as expired.
    pub expires_at: i64,
    /// The scopes this sign-in asked for: the method's, and the optional ones the person chose
    /// (empty in a flow kept by an older version: the method's then).
    pub scopes: Vec<String>,
    /// The connection this sign-in is for (Reconnect, Ask for more access): it is replaced in
    /// place even when the account's label came out different.
    pub replaces: Option<crate::connection::ConnectionId>,
}

/// Pending flows keyed by `state`; each can be taken once.
#[derive(Default)]
pub struct PendingFlows {
    flows: Mutex<HashMap<String, PendingFlow>>,
}

/// How long a person has to finish signing in.
pub const FLOW_LIFETIME: Duration = Duration::from_secs(10 * 60);

impl PendingFlows {
    /// Starts a flow asking for the method's scopes: returns the URL to open in the system
    /// browser and the flow's `state`.
    pub fn begin(
        &self,
        provider: &Provider,
        method: &AuthorizationCode,
        creds: &AppCredentials,
        redirect_uri: &str,
        now: i64,
    ) -> (Url, String) {
        self.begin_asking(
            provider,
            method,
            creds,
            redirect_uri,
            &method.scopes,
            None,
            now,
        )
    }

    /// As [`Self::begin`], asking for `scopes` (the method's and the optional ones the person
    /// chose), for the connection it `replaces` if any.
    #[allow(clippy::too_many_arguments)]
    pub fn begin_asking(
        &self,
        provider: &Provider,
        method: &AuthorizationCode,
        creds: &AppCredentials,
        redirect_uri: &str,
        scopes: &[String],
        replaces: Option<crate::connection::ConnectionId>,
        now: i64,
    ) -> (Url, String) {
        let (challenge, verifier) = PkceVerifier::new_random();
        let state = CsrfToken::new_random().secret().clone();
        let url = authorize_url(
            method,
            &creds.client_id,
            redirect_uri,
            scopes,
            &state,
            &challenge,
        );
        let flow = PendingFlow {
            provider: provider.id.clone(),
            redirect_uri: redirect_uri.to_string(),
            verifier,
            expires_at: now + FLOW_LIFETIME.as_secs() as i64,
            scopes: scopes.to_vec(),
            replaces,
        };
        self.lock().insert(state.clone(), flow);
        (url, state)
    }

    /// Removes and returns the flow for `state` (single use).
    pub fn take(&self, state: &str) -> Option<PendingFlow> {
        self.lock().remove(state)
    }

    /// Forgets every pending flow of `provider` (Cancel).
    pub fn cancel(&self, provider: &ProviderId) -> usize {
        let mut flows = self.lock();
        let before = flows.len();
        flows.retain(|_, f| &f.provider != provider);
        before - flows.len()
    }

    pub fn is_pending(&self, provider: &ProviderId) -> bool {
        self.lock().values().any(|f| &f.provider == provider)
    }

    /// The pending flows as one secret document (the verifiers are secrets), for the keychain.
    /// Flows more than an hour past their deadline are left out.
    pub fn encode(&self, now: i64) -> SecretString {
        let flows = self.lock();
        let items: Vec<serde_json::Value> = flows
            .iter()
            .filter(|(_, f)| f.expires_at + 3600 > now)
            .map(|(state, f)| {
                serde_json::json!({
                    "state": state, "provider": f.provider.as_str(), "redirect_uri": f.redirect_uri,
                    "verifier": f.verifier.expose(), "expires_at": f.expires_at,
                    "scopes": f.scopes,
                    "replaces": f.replaces.as_ref().map(|id| id.as_str()),
                })
            })
            .collect();
        SecretString::new(serde_json::Value::Array(items).to_string())
    }

    /// Adds flows from [`PendingFlows::encode`]'s document (after a restart); unreadable entries
    /// are skipped. Flows already known in memory are kept as they are.
    pub fn restore(&self, doc: &SecretString) {
        let Ok(serde_json::Value::Array(items)) = serde_json::from_str(doc.expose()) else {
            return;
        };
        let mut flows = self.lock();
        for item in items {
            let text = |k: &str| {
                item.get(k)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_string)
            };
            let (Some(state), Some(provider), Some(redirect_uri), Some(verifier), Some(expires_at)) = (
                text("state"),
                text("provider").and_then(|p| ProviderId::parse(&p)),
                text("redirect_uri"),
                text("verifier"),
                item.get("expires_at").and_then(serde_json::Value::as_i64),
            ) else {
                continue;
            };
            let scopes = item
                .get("scopes")
                .and_then(serde_json::Value::as_array)
                .map(|a| {
                    a.iter()
                        .filter_map(serde_json::Value::as_str)
                        .map(str::to_string)
                        .collect()
                })
                .unwrap_or_default();
            let replaces =
                text("replaces").and_then(|id| crate::connection::ConnectionId::parse(&id));
            flows.entry(state).or_insert(PendingFlow {
                provider,
                redirect_uri,
                verifier: PkceVerifier::new(verifier),
                expires_at,
                scopes,
                replaces,
            });
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, PendingFlow>> {
        self.flows
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The authorize URL (RFC 6749 §4.1.1 + RFC 7636 §4.3), asking for `scopes`.
pub fn authorize_url(
    method: &AuthorizationCode,
    client_id: &str,
    redirect_uri: &str,
    scopes: &[String],
    state: &str,
    challenge: &PkceCodeChallenge,
) -> Url {
    let mut url = method.authorize_url.url().clone();
    {
        let mut q = url.query_pairs_mut();
        q.append_pair("response_type", "code");
        q.append_pair("client_id", client_id);
        q.append_pair("redirect_uri", redirect_uri);
        if !scopes.is_empty() {
            q.append_pair("scope", &scopes.join(&method.scope_separator));
        }
        q.append_pair("state", state);
        q.append_pair("code_challenge", challenge.as_str());
        q.append_pair("code_challenge_method", challenge.method().as_str());
        for (k, v) in &method.extra_authorize_params {
            q.append_pair(k, v);
        }
    }
    url
}

/// What a callback said.
#[derive(Debug, PartialEq, Eq)]
pub enum Callback {
    Code {
        code: secret::AuthorizationCode,
        state: String,
    },
    Declined {
        state: Option<String>,
    },
    Error {
        state: Option<String>,
        code: String,
        description: Option<String>,
    },
    /// Neither a code nor an error: not an authorization response.
    Malformed,
}

/// The callback parameters a sign-in reads (RFC 6749 §4.1.2, RFC 9207's `iss`), and `store_id`,
/// which Ecwid adds and a `token_url` may name: what a front end hands over from a link; the rest of
/// a link's query is dropped unread.
pub const CALLBACK_PARAMS: [&str; 6] = [
    "code",
    "state",
    "error",
    "error_description",
    "iss",
    "store_id",
];

/// Reads a callback's query parameters (RFC 6749 §4.1.2), checking `iss` when the response carries
/// one against the authorize endpoint's origin (RFC 9207 §2.4).
pub fn read_callback(
    param: impl Fn(&str) -> Option<String>,
    expected_issuer: Option<&str>,
) -> Result<Callback, FlowError> {
    if let (Some(iss), Some(expected)) = (param("iss"), expected_issuer) {
        if iss.trim_end_matches('/') != expected.trim_end_matches('/') {
            return Err(FlowError::IssuerMismatch { got: iss });
        }
    }
    let state = param("state");
    if let Some(error) = param("error") {
        return Ok(if error == "access_denied" {
            Callback::Declined { state }
        } else {
            Callback::Error {
                state,
                code: error,
                description: param("error_description"),
            }
        });
    }
    match (param("code"), state) {
        (Some(code), Some(state)) if !code.is_empty() => Ok(Callback::Code {
            code: secret::AuthorizationCode::new(code),
            state,
        }),
        _ => Ok(Callback::Malformed),
    }
}

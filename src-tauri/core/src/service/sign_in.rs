/*!
Browser sign-ins (authorization code with PKCE, RFC 6749 §4.1, RFC 8252): begin makes the
authorize URL and remembers the pending flow (also in the keychain, so a callback that starts
Plugboard after a restart still completes); complete takes the flow for its `state` before the code
is used, exchanges the code, names the account and stores the connection; cancel forgets it.
*/

use serde_json::Value;

use super::model::{ConnectionView, StartedSignIn};
use super::{no_method, Connections, ServiceError};
use crate::catalogue::{AuthorizationCode, MethodKind, Provider, ProviderId};
use crate::flow::{self, AppCredentials, Callback};
use crate::index::{AccountParts, ConnectionRecord};
use crate::tokens::{ConnectionSecret, TokenSet};
use crate::vault::{ItemLabel, VaultKey};

/// The scopes a sign-in asks for: the method's, then the `optional` ones chosen, in the
/// catalogue's order; a scope the provider does not offer is refused.
pub(super) fn scopes_to_ask(
    method: &AuthorizationCode,
    optional: &[String],
) -> Result<Vec<String>, ServiceError> {
    if let Some(unknown) = optional
        .iter()
        .find(|s| !method.optional_scopes.iter().any(|o| &o.id == *s))
    {
        return Err(ServiceError::UnknownScope(unknown.clone()));
    }
    Ok(method
        .scopes
        .iter()
        .cloned()
        .chain(
            method
                .optional_scopes
                .iter()
                .filter(|o| optional.contains(&o.id))
                .map(|o| o.id.clone()),
        )
        .collect())
}

/// The values of `template`'s `{dotted.path}`s in `data`; `None` if any is missing or empty.
fn label_values(
    template: &str,
    data: &Value,
) -> Option<std::collections::BTreeMap<String, String>> {
    let mut values = std::collections::BTreeMap::new();
    for path in crate::catalogue::label_paths(template) {
        let mut v = data;
        for part in path.split('.') {
            v = v.get(part)?;
        }
        let value = match v {
            Value::String(s) if !s.is_empty() => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        values.insert(path.to_string(), value);
    }
    Some(values)
}

impl Connections {
    /// Starts a browser sign-in with the provider's authorization-code method.
    pub async fn begin_sign_in(
        &self,
        provider_id: &ProviderId,
    ) -> Result<StartedSignIn, ServiceError> {
        self.begin_sign_in_at(provider_id, None).await
    }

    /// As [`Self::begin_sign_in`], with the browser sent back to `redirect_uri` instead of the
    /// catalogue's redirect (the command line's own loopback listener, RFC 8252 §7.3). The token
    /// request repeats whichever URI the sign-in began with.
    pub async fn begin_sign_in_at(
        &self,
        provider_id: &ProviderId,
        redirect_uri: Option<String>,
    ) -> Result<StartedSignIn, ServiceError> {
        let (provider, method, creds) = self.sign_in_parts(provider_id).await?;
        self.begin_flow(provider, method, &creds, redirect_uri, &method.scopes, None)
            .await
    }

    /// What a sign-in with `provider_id` needs before anything is bound or remembered: the
    /// provider, its authorization-code method and the app's credentials.
    pub(super) async fn sign_in_parts(
        &self,
        provider_id: &ProviderId,
    ) -> Result<(&Provider, &AuthorizationCode, AppCredentials), ServiceError> {
        let provider = self.provider(provider_id.as_str())?;
        // An index that cannot be read would fail the sign-in at its very end: say so before
        // the person goes through the browser for nothing.
        self.index.load()?;
        let method = provider
            .authorization_code()
            .ok_or_else(|| no_method(provider_id.as_str(), MethodKind::AuthorizationCode))?;
        let creds = self
            .app_credentials(provider_id.as_str())
            .await?
            .ok_or_else(|| ServiceError::MissingCredentials(provider_id.to_string()))?;
        Ok((provider, method, creds))
    }

    /// Makes the authorize URL and remembers the pending flow, in memory and in the keychain.
    pub(super) async fn begin_flow(
        &self,
        provider: &Provider,
        method: &AuthorizationCode,
        creds: &AppCredentials,
        redirect_uri: Option<String>,
        scopes: &[String],
        replaces: Option<&crate::connection::ConnectionId>,
    ) -> Result<StartedSignIn, ServiceError> {
        let redirect_uri = redirect_uri.unwrap_or_else(|| method.redirect.redirect_uri());
        // One sign-in per provider at a time: a new Connect replaces a forgotten one.
        self.pending.cancel(&provider.id);
        // Keep sign-ins stored by an earlier run (their callbacks may still come), then add this one.
        if let Ok(Some(stored)) = self.vault.run(|v| v.get(&VaultKey::PendingSignIns)).await {
            self.pending.restore(&stored);
            self.pending.cancel(&provider.id);
        }
        let (url, state) = self.pending.begin_asking(
            provider,
            method,
            creds,
            &redirect_uri,
            scopes,
            replaces.cloned(),
            self.now(),
        );
        self.persist_pending().await?;
        log::info!(
            "sign-in to {} started (redirect {redirect_uri})",
            provider.id
        );
        Ok(StartedSignIn {
            provider: provider.id.clone(),
            url: url.to_string(),
            redirect_uri,
            state,
        })
    }

    /// Cancels `provider_id`'s pending sign-in. The keychain copy is updated in the background
    /// of the next persist; a cancelled flow's state is refused either way once taken from memory.
    pub fn cancel_sign_in(&self, provider_id: &ProviderId) -> bool {
        let cancelled = self.pending.cancel(provider_id) > 0;
        if cancelled {
            let doc = self.pending.encode(self.now());
            let vault = self.vault.clone();
            // Fire and forget: losing this write only leaves an extra flow that expires by itself.
            std::thread::spawn(move || {
                let _ = vault.put(&VaultKey::PendingSignIns, &ItemLabel::PendingSignIns, &doc);
            });
        }
        cancelled
    }

    /// Saves the pending sign-ins to the keychain, so a callback that arrives after a restart
    /// (the OS starting Plugboard with the link) can still complete.
    async fn persist_pending(&self) -> Result<(), ServiceError> {
        let doc = self.pending.encode(self.now());
        self.vault
            .run(move |v| v.put(&VaultKey::PendingSignIns, &ItemLabel::PendingSignIns, &doc))
            .await?;
        Ok(())
    }

    /// Takes the flow for `state`: from memory, or after a restart from the keychain. The
    /// keychain copy is updated before the code is used, so the state works once.
    async fn take_pending(&self, state: &str) -> Option<flow::PendingFlow> {
        let flow = match self.pending.take(state) {
            Some(f) => Some(f),
            None => {
                let stored = self
                    .vault
                    .run(|v| v.get(&VaultKey::PendingSignIns))
                    .await
                    .ok()
                    .flatten()?;
                self.pending.restore(&stored);
                self.pending.take(state)
            }
        };
        if flow.is_some() {
            if let Err(e) = self.persist_pending().await {
                log::warn!("could not update the pending sign-ins in the keychain: {e}");
            }
        }
        flow
    }

    pub fn sign_in_pending(&self, provider_id: &ProviderId) -> bool {
        self.pending.is_pending(provider_id)
    }

    /// Completes a browser sign-in from its callback parameters. Returns the provider id with the
    /// outcome, so the caller can name the provider in a message even when the flow failed.
    pub async fn complete_sign_in(
        &self,
        param: impl Fn(&str) -> Option<String>,
    ) -> (Option<String>, Result<ConnectionView, ServiceError>) {
        let callback = match flow::read_callback(&param, None) {
            Ok(c) => c,
            Err(e) => return (None, Err(e.into())),
        };
        let (state, outcome) = match callback {
            Callback::Code { code, state } => (state, Ok(code)),
            Callback::Declined { state } => {
                (state.unwrap_or_default(), Err(ServiceError::Declined))
            }
            Callback::Error { state, code, .. } => (
                state.unwrap_or_default(),
                Err(ServiceError::AuthorizeError(code)),
            ),
            Callback::Malformed => return (None, Err(ServiceError::Malformed)),
        };
        // Removed before the code is used: a duplicate callback finds nothing.
        let Some(flow) = self.take_pending(&state).await else {
            return (None, Err(ServiceError::UnknownState));
        };
        let provider_id = flow.provider.to_string();
        let result = async {
            let code = outcome?;
            if self.now() > flow.expires_at {
                return Err(ServiceError::Expired);
            }
            let provider = self.provider(&provider_id)?;
            let method = provider
                .authorization_code()
                .ok_or_else(|| no_method(&provider_id, MethodKind::AuthorizationCode))?;
            // RFC 9207: when the response names its issuer, it must be the server this flow went
            // to (the authorize endpoint's origin), or a mix-up attack is under way.
            let origin = method.authorize_url.url().origin().ascii_serialization();
            flow::read_callback(&param, Some(&origin))?;
            let creds = self
                .app_credentials(&provider_id)
                .await?
                .ok_or_else(|| ServiceError::MissingCredentials(provider_id.clone()))?;
            let rules = provider.token_rules(MethodKind::AuthorizationCode);
            // From the code exchange until the connection is saved, stop signals wait: the
            // grant the provider issues exists nowhere else.
            let _custody = crate::custody::Custody::hold(crate::custody::Moment::SignIn);
            let tokens = flow::exchange_code(
                &self.http,
                method,
                &creds,
                &code,
                &flow,
                &param,
                &rules,
                self.now(),
            )
            .await?;
            let (account, identity_scopes) = self
                .identify(provider, method.identity_url.as_ref(), &tokens, &creds)
                .await;
            // What this sign-in asked for (a flow kept by an older version: the method's).
            let requested = if flow.scopes.is_empty() {
                method.scopes.clone()
            } else {
                flow.scopes.clone()
            };
            let record = ConnectionRecord {
                scopes: tokens
                    .scopes
                    .clone()
                    .or(identity_scopes)
                    .unwrap_or_else(|| requested.clone()),
                expires_at: tokens.expires_at,
                never_expires: !method.tokens_expire,
                requested_scopes: requested.clone(),
                no_refresh_token: tokens.refresh_token.is_none(),
                ..self.new_record(&provider.id, MethodKind::AuthorizationCode, account, None)
            };
            self.store_replacing(
                record,
                ConnectionSecret::OAuth { tokens },
                flow.replaces.as_ref(),
            )
            .await
        }
        .await;
        (Some(provider_id), result)
    }

    /// Names the account: the identity call (when the catalogue has one) and the token's fields,
    /// through the provider's `account_label` templates. Best effort: a failed identity call still
    /// connects, labelled with what the token said.
    async fn identify(
        &self,
        provider: &Provider,
        identity_url: Option<&crate::catalogue::UrlTemplate>,
        tokens: &TokenSet,
        creds: &AppCredentials,
    ) -> (AccountParts, Option<Vec<String>>) {
        let mut data = serde_json::Map::new();
        for (k, v) in &tokens.extra {
            data.insert(k.clone(), Value::String(v.clone()));
        }
        let mut scopes = None;
        if let Some(template) = identity_url {
            if let Ok(req) = flow::bearer_get(template, tokens, None) {
                match flow::send(&self.http, &req).await {
                    Ok(resp) if (200..300).contains(&resp.status) => {
                        if let Ok(Value::Object(identity)) =
                            serde_json::from_str::<Value>(&resp.body)
                        {
                            scopes = identity.get("scopes").and_then(Value::as_array).map(|a| {
                                a.iter()
                                    .filter_map(Value::as_str)
                                    .map(str::to_string)
                                    .collect()
                            });
                            for (k, v) in identity {
                                if !k.contains("token") {
                                    data.entry(k).or_insert(v);
                                }
                            }
                        }
                    }
                    Ok(resp) => log::warn!(
                        "identity call for {} answered HTTP {}",
                        provider.id,
                        resp.status
                    ),
                    Err(e) => log::warn!("identity call for {} failed: {e}", provider.id),
                }
            }
        }
        match self.introspect(provider, tokens, creds).await {
            Ok(Some(info)) => {
                if scopes.is_none() {
                    scopes = provider
                        .introspection
                        .as_ref()
                        .and_then(|i| i.scopes_of(&info));
                }
                for (k, v) in info {
                    if !k.contains("token") {
                        data.entry(k).or_insert(v);
                    }
                }
            }
            Ok(None) => {}
            Err(e) => log::warn!("introspection for {} failed: {e}", provider.id),
        }
        let data = Value::Object(data);
        let parts = provider
            .account_label
            .iter()
            .find_map(|t| {
                label_values(t, &data).map(|values| AccountParts::Named {
                    template: t.clone(),
                    values,
                })
            })
            // Nothing names the account: say how it was connected and with which app, so two
            // such connections differ ("Hotmart sign-in · app ••••1a2b").
            .unwrap_or_else(|| AccountParts::SignIn {
                hint: crate::secret::SecretString::new(creds.client_id.as_str()).tail_hint(),
            });
        (parts, scopes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_labels_fill_dotted_paths_and_skip_templates_with_missing_fields() {
        let data = serde_json::json!({"store_id": "1003", "account": {"accountEmail": "o@example.com"}, "hub_id": 42});
        let render = |template: &str| {
            label_values(template, &data)
                .map(|values| crate::catalogue::render_label(template, &values))
        };
        assert_eq!(
            render("Store {store_id} · {account.accountEmail}").as_deref(),
            Some("Store 1003 · o@example.com")
        );
        assert_eq!(render("Portal {hub_id}").as_deref(), Some("Portal 42"));
        assert_eq!(render("{hub_domain} · {user}"), None);
    }
}

/*!
Disconnecting: the index entry first (so a full disk stops it before anything is revoked or
deleted, and says nothing changed), then revoke at the provider where it can (RFC 7009; a failed
revoke still removes the local copy, and says so), then delete the keychain item. A second Disconnect
of the same connection is not an error. Forgetting everything (before an uninstall) disconnects
every connection the same way, then removes every other keychain item Plugboard made.
*/

use serde::Serialize;

use super::model::DisconnectReport;
use super::{Connections, ServiceError};
use crate::connection::ConnectionId;
use crate::flow::{self, AppCredentials};
use crate::timeline::EventKind;
use crate::tokens::ConnectionSecret;
use crate::vault::VaultKey;

/// What [`Connections::forget_everything`] did.
#[derive(Debug, Clone, Serialize)]
pub struct ForgetReport {
    /// Each connection disconnected, with what its provider was told.
    pub disconnected: Vec<Disconnected>,
    /// Keychain items removed after that: client secrets saved in the window, pending sign-ins,
    /// items no connection named. `None` where the keychain cannot list its items (then only
    /// the connections' own were removed).
    pub other_items_removed: Option<usize>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Disconnected {
    pub id: ConnectionId,
    pub provider: String,
    /// Who it was, as the connection's view showed it (made safe to show).
    pub account: String,
    /// The name the person gave it, if any (made safe to show): a report about a named
    /// connection says its name, as everything else about it does.
    pub name: Option<String>,
    #[serde(flatten)]
    pub report: DisconnectReport,
}

impl Connections {
    /// Disconnects every connection (revoking where the provider can), then removes every other
    /// keychain item of this namespace and the saved client ids: what a person does before
    /// uninstalling, so Plugboard leaves nothing in the keychain. Stops at the first connection
    /// that cannot be disconnected (a locked keychain, say): nothing after it is touched.
    pub async fn forget_everything(&self) -> Result<ForgetReport, ServiceError> {
        let mut disconnected = Vec::new();
        for record in self.index.load()? {
            let (provider, report) = self.disconnect(&record.id).await?;
            let shown = |text: &str| crate::safe_text::escape(text).into_owned();
            disconnected.push(Disconnected {
                id: record.id,
                provider,
                account: shown(&record.account),
                name: record.name.as_deref().map(shown),
                report,
            });
        }
        // A connection made meanwhile (the window is open) keeps its item: it is not one this
        // call disconnected, and its index entry says it exists.
        let made_meanwhile: Vec<ConnectionId> =
            self.index.load()?.into_iter().map(|r| r.id).collect();
        let other_items_removed = self
            .vault
            .run(move |v| v.remove_all_but(&made_meanwhile))
            .await?;
        match std::fs::remove_file(&self.saved_ids) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => log::warn!("could not remove the saved client ids: {e}"),
        }
        self.forget_saved_secrets();
        log::info!(
            "forgot everything: {} connections, {other_items_removed:?} other keychain items",
            disconnected.len()
        );
        Ok(ForgetReport {
            disconnected,
            other_items_removed,
        })
    }

    /// Disconnects: revoke where possible, then forget locally. Idempotent.
    pub async fn disconnect(
        &self,
        cid: &ConnectionId,
    ) -> Result<(String, DisconnectReport), ServiceError> {
        self.disconnect_here(cid)
            .await
            .map_err(|e| e.concerning(cid))
    }

    /// As [`Self::disconnect`], its errors not yet labelled with the connection.
    async fn disconnect_here(
        &self,
        cid: &ConnectionId,
    ) -> Result<(String, DisconnectReport), ServiceError> {
        // Not while another process refreshes it: that refresh would write the connection back.
        let _lock = crate::flight::acquire(&self.data_dir, cid, self.settings.refresh_wait).await?;
        let record = self.index.get(cid)?;
        let key = VaultKey::Connection(cid.clone());
        let get_key = key.clone();
        let item = match self.held.get(cid.as_str()).ok().flatten() {
            // Revoke what the provider last issued, not the spent tokens the keychain holds.
            Some(unsaved) => Some(unsaved.item),
            None => self.vault.run(move |v| v.get(&get_key)).await?,
        };
        let Some(record) = record else {
            // Not in the index: remove a stray keychain item, if any, and report nothing to do.
            if item.is_some() {
                self.vault.run(move |v| v.delete(&key)).await?;
            }
            return Ok((String::new(), DisconnectReport::AlreadyGone));
        };
        // The index first: if it cannot be written (a full disk), nothing has happened yet —
        // no revoke, no deletion — and the error says so. Under the refresh lock, so no other
        // process writes the connection back meanwhile.
        let _custody = crate::custody::Custody::hold(crate::custody::Moment::Disconnect);
        self.index.remove(cid).map_err(ServiceError::Unchanged)?;
        // No program keeps a grant for a connection that is gone (a new one has a new id anyway).
        self.grants.forget_connection(cid);
        let provider = self.catalogue.get(&record.provider);
        let report = match (
            provider,
            item.as_ref().and_then(|i| ConnectionSecret::decode(i).ok()),
        ) {
            (Some(p), Some(secret)) if p.revoke.is_some() => match secret.tokens() {
                Some(tokens) => {
                    let creds = self
                        .app_credentials(&record.provider)
                        .await
                        .ok()
                        .flatten()
                        .unwrap_or(AppCredentials {
                            client_id: String::new(),
                            client_secret: None,
                        });
                    match flow::revoke_request(p, tokens, &creds) {
                        Ok(Some(req)) => match flow::send(&self.http, &req).await {
                            // RFC 7009 §2.2: 200 is the answer to a revoke (HubSpot's retired
                            // DELETE answered 204). Anything else, a 404 included, is not a
                            // revoke: a wrong address must not read "revoked".
                            Ok(resp) if (200..300).contains(&resp.status) => {
                                DisconnectReport::Revoked
                            }
                            Ok(resp) => DisconnectReport::RevokeFailed {
                                reason: refused_revoke(&resp),
                            },
                            Err(e) => DisconnectReport::RevokeFailed {
                                reason: e.to_string(),
                            },
                        },
                        Ok(None) => DisconnectReport::NotSupported {
                            note: p.revoke_note.clone(),
                        },
                        Err(e) => DisconnectReport::RevokeFailed {
                            reason: e.to_string(),
                        },
                    }
                }
                None => DisconnectReport::NotSupported {
                    note: p.revoke_note.clone(),
                },
            },
            (p, _) => DisconnectReport::NotSupported {
                note: p.and_then(|p| p.revoke_note.clone()),
            },
        };
        // The keychain item goes last: with the index already written, a failure here leaves a
        // stray item (`doctor --fix` removes it), never a "Connected" row without tokens.
        let deleted = self.vault.run(move |v| v.delete(&key)).await;
        self.held.forget(cid.as_str());
        self.record_event(cid, EventKind::Disconnected, None);
        if let Err(e) = deleted {
            log::warn!("{cid}: disconnected, but its keychain item stays: {e}");
        }
        log::info!("disconnected {cid} ({}): {report:?}", record.provider);
        Ok((record.provider, report))
    }
}

/// Why a provider's answer to a revoke is not a revoke, in a few words support can act on: the
/// HTTP status with its name, and the provider's RFC 6749 `error` code (or HubSpot's legacy
/// `status`) when the answer has one, made printable and short.
fn refused_revoke(resp: &flow::Response) -> String {
    let name = flow::status_text(resp.status);
    let code = serde_json::from_str::<serde_json::Value>(&resp.body)
        .ok()
        .and_then(|v| {
            ["error", "status", "category"].iter().find_map(|k| {
                v.get(k)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_string)
            })
        })
        .map(|c| {
            c.chars()
                .filter(char::is_ascii_graphic)
                .take(64)
                .collect::<String>()
        })
        .filter(|c| !c.is_empty());
    let status = format!("HTTP {} {name}", resp.status);
    match code {
        Some(code) => format!("{}, {code}", status.trim_end()),
        None => status.trim_end().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> flow::Response {
        flow::Response {
            status,
            retry_after: None,
            date: None,
            body: body.into(),
            utf8: true,
        }
    }

    #[test]
    fn a_refused_revoke_names_the_status_and_the_providers_error_code() {
        assert_eq!(refused_revoke(&answer(404, "")), "HTTP 404 Not Found");
        assert_eq!(
            refused_revoke(&answer(
                400,
                r#"{"status":"BAD_REFRESH_TOKEN","message":"x","error":"invalid_grant","error_description":"y"}"#
            )),
            "HTTP 400 Bad Request, invalid_grant"
        );
        assert_eq!(
            refused_revoke(&answer(
                401,
                r#"{"status":"error\u001b[31m","message":"m"}"#
            )),
            "HTTP 401 Unauthorized, error[31m"
        );
        assert_eq!(refused_revoke(&answer(599, "{}")), "HTTP 599");
    }
}

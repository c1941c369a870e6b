/*!
Disconnecting: revoke at the provider where it can (RFC 7009; a failed revoke still removes the
local copy, and says so), then delete the keychain item and the index entry. A second Disconnect
of the same connection is not an error.
*/

use super::model::DisconnectReport;
use super::{Connections, ServiceError};
use crate::connection::ConnectionId;
use crate::flow::{self, AppCredentials};
use crate::timeline::EventKind;
use crate::tokens::ConnectionSecret;
use crate::vault::VaultKey;

impl Connections {
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
        let item = match self.runtime.unsaved(cid.as_str()) {
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
        let provider = self.catalogue.get(&record.provider);
        let report = match (
            provider,
            item.as_ref().and_then(|i| ConnectionSecret::decode(i).ok()),
        ) {
            (Some(p), Some(secret)) if p.revoke.is_some() => match secret.tokens() {
                Some(tokens) => {
                    let creds =
                        self.app_credentials(&record.provider)
                            .await
                            .unwrap_or(AppCredentials {
                                client_id: String::new(),
                                client_secret: None,
                            });
                    match flow::revoke_request(p, tokens, &creds) {
                        Ok(Some(req)) => match flow::send(&self.http, &req).await {
                            Ok(resp) if (200..300).contains(&resp.status) || resp.status == 404 => {
                                DisconnectReport::Revoked
                            }
                            Ok(resp) => DisconnectReport::RevokeFailed {
                                reason: format!("HTTP {}", resp.status),
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
        self.vault.run(move |v| v.delete(&key)).await?;
        self.runtime.forget_unsaved(cid.as_str());
        self.index.remove(cid)?;
        self.record_event(cid, EventKind::Disconnected, None);
        log::info!("disconnected {cid} ({}): {report:?}", record.provider);
        Ok((record.provider, report))
    }
}

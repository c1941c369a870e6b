/*!
What Plugboard's keychain items are called in a keyring app (Seahorse): each item's label in plain
words, "Plugboard — HubSpot: Client B (ana@example.com)" ([`crate::vault::ItemLabel`], worded by
[`crate::vault::Vault::label_text`]), from what the index says of the connection: its provider's
name, its account's label and the name a person gave it.

Labels are set wherever an item is written (connect, reconnect, refresh, held tokens saved, app
credentials, pending sign-ins), a rename relabels the item alone (no secret read or written), and
[`Connections::relabel_items`] brings every item of the namespace up to date at start — items
written before Plugboard labelled them (keyring's "connection:…@dev.plugboard.desktop:default
(keyring v3.6.3)"), a rename the keychain could not take then (locked), an item written while
another process renamed the connection. That pass reads no secret and never prompts (a locked
keychain is left for the next start), but costs two D-Bus calls an item; so it runs only when the
labels the index asks for are not those of the last complete pass — a fingerprint of them is kept
beside the index ([`LABELS_FILE`], no label in it) and forgotten when a relabel fails — and
otherwise costs nothing: the keychain calls at start stay the same at any number of connections.

Labels are for people only: every lookup uses the items' attributes.
*/

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;

use super::Connections;
use crate::connection::ConnectionId;
use crate::index::ConnectionRecord;
use crate::vault::{ItemLabel, VaultError, VaultKey};

/// Beside the index: the fingerprint of the labels of the last complete relabelling pass.
pub const LABELS_FILE: &str = "keychain-labels";

impl Connections {
    fn labels_file(&self) -> PathBuf {
        self.index.path().with_file_name(LABELS_FILE)
    }

    /// A fingerprint of every label this namespace's items should have now: each connection's and
    /// each provider's app credentials'. Equal to the last complete pass's, nothing can need a new
    /// label but an item changed behind Plugboard's back.
    fn labels_fingerprint(&self, records: &[ConnectionRecord]) -> String {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.vault.service().hash(&mut hasher);
        for r in records {
            r.id.as_str().hash(&mut hasher);
            self.vault.label_text(&self.item_label(r)).hash(&mut hasher);
        }
        for p in self.catalogue.providers() {
            self.vault
                .label_text(&self.app_credentials_label(p.id.as_str()))
                .hash(&mut hasher);
        }
        format!("{:016x}\n", hasher.finish())
    }

    /// A label could not be set: the next start's pass runs whatever the fingerprint says.
    fn forget_labels_pass(&self) {
        let _ = std::fs::remove_file(self.labels_file());
    }

    /// The label of connection `record`'s keychain item.
    pub(super) fn item_label(&self, record: &ConnectionRecord) -> ItemLabel {
        ItemLabel::connection(
            &self.provider_name(&record.provider),
            &record.account,
            record.name.as_deref(),
        )
    }

    /// The label of `provider`'s saved client secret.
    pub(super) fn app_credentials_label(&self, provider: &str) -> ItemLabel {
        ItemLabel::app_credentials(&self.provider_name(provider))
    }

    /// The label each item of this namespace should have, from the index and the catalogue, as
    /// a function of the item's key that can go to the keychain's thread. A connection item no
    /// connection names (an orphan) is labelled by its provider and id, which `plugboard doctor`
    /// shows too.
    fn wanted_labels(
        &self,
        records: &[ConnectionRecord],
    ) -> impl Fn(&VaultKey) -> Option<ItemLabel> + Send + 'static {
        let connections: HashMap<ConnectionId, ItemLabel> = records
            .iter()
            .map(|r| (r.id.clone(), self.item_label(r)))
            .collect();
        let providers: HashMap<String, String> = self
            .catalogue
            .providers()
            .iter()
            .map(|p| (p.id.to_string(), self.provider_name(p.id.as_str())))
            .collect();
        let provider_name = move |id: &str| {
            providers
                .get(id)
                .cloned()
                .unwrap_or_else(|| crate::safe_text::escape(id).into_owned())
        };
        move |key| match key {
            VaultKey::Connection(id) => Some(connections.get(id).cloned().unwrap_or_else(|| {
                let provider = id.as_str().rsplit_once('-').map_or("", |(p, _)| p);
                ItemLabel::connection(&provider_name(provider), id.as_str(), None)
            })),
            VaultKey::ClientSecret(provider) => Some(ItemLabel::app_credentials(&provider_name(
                provider.as_str(),
            ))),
            VaultKey::PendingSignIns => Some(ItemLabel::PendingSignIns),
            VaultKey::Probe => None,
        }
    }

    /// Relabels every item of this namespace whose label is not the one it should have (see the
    /// module's doc): what the window and every command do at start — unless the labels asked for
    /// are those of the last complete pass (then no keychain call at all). How many items it relabelled;
    /// a keychain that is locked, missing or cannot list labels is left alone (0), quietly: the
    /// next start tries again.
    pub async fn relabel_items(&self) -> usize {
        let records = match self.index.load() {
            Ok(records) => records,
            Err(e) => {
                log::info!("keychain labels not checked: {e}");
                return 0;
            }
        };
        let fingerprint = self.labels_fingerprint(&records);
        let file = self.labels_file();
        if std::fs::read_to_string(&file).is_ok_and(|kept| kept == fingerprint) {
            return 0;
        }
        let wanted = self.wanted_labels(&records);
        let relabelled = self.vault.run(move |v| v.relabel_all(wanted)).await;
        match relabelled {
            Ok(Some(n)) => {
                if n > 0 {
                    log::info!("{n} keychain item(s) relabelled");
                }
                if let Err(e) = crate::files::write_private(&file, fingerprint.as_bytes()) {
                    log::info!("keychain labels checked, but not noted: {e}");
                }
                n
            }
            Ok(None) => 0,
            Err(VaultError::Locked) => {
                log::info!("keychain labels not checked: the keychain is locked");
                0
            }
            Err(e) => {
                log::info!("keychain labels not checked: {e}");
                0
            }
        }
    }

    /// Relabels connection `id`'s item from what the index says of it now (a rename), without
    /// reading its secret. A keychain that refuses (locked) only logs: the item keeps its old
    /// label until the next start's [`Self::relabel_items`].
    pub(super) async fn relabel_connection(&self, id: &ConnectionId) {
        let record = match self.index.get(id) {
            Ok(Some(record)) => record,
            _ => return,
        };
        let key = VaultKey::Connection(id.clone());
        let label = self.item_label(&record);
        if let Err(e) = self.vault.run(move |v| v.relabel(&key, &label)).await {
            log::info!("{id}: keychain item not relabelled now: {e}");
            self.forget_labels_pass();
        }
    }
}

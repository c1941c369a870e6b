//! What each connection was last told, kept in `notified.json` beside the index: at most one
//! notification per connection per need, and a restart does not repeat one.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Need, Subject};
use crate::lifetime::Health;

/// What each connection was last told, kept in a file so a restart does not tell it again.
pub struct Watch {
    path: Option<PathBuf>,
    told: BTreeMap<String, Need>,
}

impl Watch {
    /// A watch that remembers only in memory (tests, or when no folder is known).
    pub fn in_memory() -> Self {
        Self {
            path: None,
            told: BTreeMap::new(),
        }
    }

    /// The watch kept in `<data_dir>/notified.json` (an unreadable file is set aside, as every
    /// Plugboard file is, and nothing is taken as told).
    pub fn open(data_dir: &Path) -> Self {
        let path = data_dir.join("notified.json");
        let why = match crate::files::read_text(&path) {
            Ok(None) => None,
            Ok(Some(text)) => match serde_json::from_str::<BTreeMap<String, Need>>(&text) {
                Ok(told) => {
                    return Self {
                        path: Some(path),
                        told,
                    }
                }
                Err(e) => Some(crate::i18n::t(
                    "notified-not-a-list",
                    &[("reason", e.to_string().into())],
                )),
            },
            Err(e) => Some(e.to_string()),
        };
        if let Some(why) = why {
            if let Err(e) = crate::files::set_aside(
                &path,
                &crate::i18n::t("notified-file", &[("file", "notified.json".into())]),
                &why,
                crate::lifetime::unix_now(),
            ) {
                log::warn!("could not set notified.json aside: {e}");
            }
        }
        Self {
            path: Some(path),
            told: BTreeMap::new(),
        }
    }

    /// The needs in `subjects` not told yet, in their order; remembers them as told. Connections
    /// that need nothing now (or are gone) are forgotten, so a later need is told again — but not
    /// while they are refreshing (a retry or a Refresh click is not a recovery). A locked
    /// keychain is told once for all the connections it blocks, not once each as their
    /// refreshes fall due.
    pub fn review<'a>(&mut self, subjects: &'a [Subject]) -> Vec<(&'a Subject, Need)> {
        self.review_ending(subjects).0
    }

    /// As [`Self::review`], also returning the connections whose told need ended (or became
    /// another): what was said of them is no longer true, so it is taken back wherever it shows
    /// (a notice in the page, a desktop notification).
    pub fn review_ending<'a>(
        &mut self,
        subjects: &'a [Subject],
    ) -> (Vec<(&'a Subject, Need)>, Vec<String>) {
        let before = self.told.clone();
        self.told.retain(|id, _| {
            subjects.iter().any(|s| {
                s.id.as_str() == id && (s.need.is_some() || s.health == Health::Refreshing)
            })
        });
        let keychain_told = self.told.values().any(|n| *n == Need::KeychainLocked);
        let mut new = Vec::new();
        for s in subjects {
            if let Some(need) = s.need {
                let fresh = self.told.insert(s.id.to_string(), need) != Some(need);
                if fresh && !(need == Need::KeychainLocked && keychain_told) {
                    new.push((s, need));
                }
            }
        }
        if self.told != before {
            self.save();
        }
        let ended = before
            .iter()
            .filter(|(id, need)| self.told.get(*id) != Some(*need))
            .map(|(id, _)| id.clone())
            .collect();
        (new, ended)
    }

    fn save(&self) {
        let Some(path) = &self.path else {
            return;
        };
        let body = serde_json::to_vec_pretty(&self.told).unwrap_or_default();
        if let Err(e) = crate::files::write_private(path, &body) {
            log::warn!("could not save {}: {e}", path.display());
        }
    }
}

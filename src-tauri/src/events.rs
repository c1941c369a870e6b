/*!
The page's events: notices at the top of the window (and taking one back when its condition
ended), and "something changed" gathered into one page update. Every room of the shell that has
something to tell the page tells it here; this room only talks to the page (and keeps the notices
queue in [`AppState`] for a page that is still loading).
*/

use std::collections::BTreeSet;
use std::sync::Mutex;
use std::time::Duration;

use plugboard_core::connection::ConnectionId;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::{AppState, NoticeLevel};

/// The event the page listens to for notices.
pub const NOTICE_EVENT: &str = "plugboard://notice";
/// The event that takes a notice back when its condition ended (its id as payload).
pub const NOTICE_WITHDRAWN_EVENT: &str = "plugboard://notice-withdrawn";
/// Connections or pending sign-ins changed: `{ all, ids }`, gathered (see [`changed`]).
pub const CHANGED_EVENT: &str = "plugboard://changed";

pub fn notify(app: &AppHandle, level: NoticeLevel, message: impl Into<String>) {
    notify_withdrawable(app, level, message);
}

/// As [`notify`], for a notice about a condition that can end: returns its id for [`withdraw`].
pub fn notify_withdrawable(app: &AppHandle, level: NoticeLevel, message: impl Into<String>) -> u64 {
    let notice = app.state::<AppState>().push_notice(level, message);
    if let Err(e) = app.emit(NOTICE_EVENT, &notice) {
        log::warn!("could not tell the window: {e}");
    }
    notice.id
}

/// Takes back notice `id` (its condition ended): from the queue and from the page.
pub fn withdraw(app: &AppHandle, id: u64) {
    app.state::<AppState>().drop_notice(id);
    if let Err(e) = app.emit(NOTICE_WITHDRAWN_EVENT, id) {
        log::warn!("could not tell the window: {e}");
    }
}

/// Providers or the set of connections changed (a connect, a disconnect, a sign-in waiting):
/// the page renders its cards anew.
pub fn changed(app: &AppHandle) {
    queue_change(app, None);
}

/// One connection's state changed (refreshed, failed, checked): the page updates its row alone.
pub fn connection_changed(app: &AppHandle, id: &ConnectionId) {
    queue_change(app, Some(id));
}

/// How long changes gather before the page hears of them: a burst (a hundred checks, a refresh
/// and its failure) becomes one page update.
const GATHER: Duration = Duration::from_millis(100);

/// Changes not yet told to the page.
#[derive(Default)]
pub struct PendingChanges {
    all: bool,
    ids: BTreeSet<String>,
    scheduled: bool,
}

/// What the page hears: re-render everything (`all`), or update the rows of `ids`.
#[derive(Serialize, Clone, Debug, PartialEq)]
struct Changed {
    all: bool,
    ids: Vec<String>,
}

impl PendingChanges {
    /// Gathers one change (`None`: everything); `true` when it is the first since the last
    /// [`Self::take`], so the caller schedules the page update.
    fn add(&mut self, id: Option<&ConnectionId>) -> bool {
        match id {
            Some(id) => {
                self.ids.insert(id.to_string());
            }
            None => self.all = true,
        }
        !std::mem::replace(&mut self.scheduled, true)
    }

    /// Everything gathered, as one page update; the next change schedules another.
    fn take(&mut self) -> Changed {
        let taken = std::mem::take(self);
        Changed {
            all: taken.all,
            ids: taken.ids.into_iter().collect(),
        }
    }
}

/// The changes gathered for the page's next update, as the app manages them (see [`changed`]).
#[derive(Default)]
pub struct Changes(Mutex<PendingChanges>);

fn queue_change(app: &AppHandle, id: Option<&ConnectionId>) {
    let first = app
        .state::<Changes>()
        .0
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .add(id);
    if !first {
        return;
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(GATHER).await;
        let changed = app
            .state::<Changes>()
            .0
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        let _ = app.emit(CHANGED_EVENT, changed);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_of_changes_is_one_page_update() {
        let mut pending = PendingChanges::default();
        let ids: Vec<_> = (0..100)
            .map(|i| ConnectionId::parse(&format!("hubspot-{i:08x}")).unwrap())
            .collect();
        assert!(pending.add(Some(&ids[0])), "the first schedules the update");
        for id in &ids {
            assert!(!pending.add(Some(id)), "the rest join it");
        }
        let update = pending.take();
        assert!(!update.all);
        assert_eq!(update.ids.len(), 100, "each connection once");
        // A change after the update is told schedules the next one; "everything" wins.
        assert!(pending.add(Some(&ids[1])));
        assert!(!pending.add(None));
        assert_eq!(
            pending.take(),
            Changed {
                all: true,
                ids: vec![ids[1].to_string()]
            }
        );
        assert_eq!(
            pending.take(),
            Changed {
                all: false,
                ids: vec![]
            }
        );
    }
}

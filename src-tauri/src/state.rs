//! The one state struct Tauri manages: the validated catalogue, the vault, and the notices waiting
//! for the page. Built once at start-up; commands borrow it.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Mutex;

use plugboard_core::catalogue::Catalogue;
use plugboard_core::error::UserError;
use plugboard_core::vault::Vault;
use serde::Serialize;

pub struct AppState {
    /// Validated once at start-up; an invalid table is shown in the window instead of a crash.
    pub catalogue: Result<Catalogue, UserError>,
    pub vault: Vault,
    /// Whether the deep-link scheme is registered with the desktop (set during setup).
    pub scheme_registered: AtomicBool,
    notices: Mutex<Vec<Notice>>,
    next_notice: AtomicU64,
}

/// Something the app tells the person outside a command's reply (e.g. a deep link arrived).
/// Never carries a secret: messages are written by the app, not copied from a link.
#[derive(Debug, Clone, Serialize)]
pub struct Notice {
    pub id: u64,
    pub level: NoticeLevel,
    pub message: String,
}

#[derive(Debug, Clone, Copy, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeLevel {
    Info,
    Warning,
}

impl AppState {
    pub fn new(vault_namespace: Option<&str>) -> Self {
        let catalogue = Catalogue::builtin().map_err(|e| {
            log::error!("built-in catalogue rejected: {e}");
            UserError::from(e)
        });
        Self {
            catalogue,
            vault: Vault::new(vault_namespace),
            scheme_registered: AtomicBool::new(false),
            notices: Mutex::new(Vec::new()),
            next_notice: AtomicU64::new(1),
        }
    }

    /// Queues a notice for the page and returns it (to be emitted as an event too).
    pub fn push_notice(&self, level: NoticeLevel, message: impl Into<String>) -> Notice {
        let notice = Notice {
            id: self.next_notice.fetch_add(1, Ordering::Relaxed),
            level,
            message: message.into(),
        };
        let mut queue = self
            .notices
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        queue.push(notice.clone());
        // Keep the queue small: a page that never loads must not grow it without bound.
        let excess = queue.len().saturating_sub(20);
        queue.drain(..excess);
        notice
    }

    /// The notices the page has not yet shown (e.g. from a cold-start deep link, before it loaded).
    pub fn take_notices(&self) -> Vec<Notice> {
        std::mem::take(
            &mut *self
                .notices
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
    }
}

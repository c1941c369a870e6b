//! The one state struct Tauri manages, built once during setup: the connection service (catalogue,
//! vault, index, pending sign-ins), demo mode's simulator, the person's Settings, the tray and
//! what notifications have told, and the notices waiting for the page.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use plugboard_core::error::UserError;
use plugboard_core::service::Connections;
use plugboard_core::settings::Settings;
use plugboard_core::setup::{self, Paths};
use plugboard_core::vault::Vault;
use serde::Serialize;

pub struct AppState {
    /// `Err` when the catalogue is invalid: shown in the window instead of a crash.
    pub connections: Result<Arc<Connections>, UserError>,
    pub vault: Vault,
    /// Demo mode: the in-process provider simulator (kept alive here) and its address.
    pub demo: Option<plugboard_core::demo::Demo>,
    /// What the environment said at start-up.
    pub settings: Settings,
    /// What the person chose in Settings (`settings.toml`).
    pub preferences: plugboard_core::preferences::PreferencesFile,
    /// What each connection's notifications have told (see [`plugboard_core::attention::Watch`]).
    pub watch: Mutex<plugboard_core::attention::Watch>,
    /// Whether sign-in links reach this app: decided once, by the links room.
    pub scheme_ready: std::sync::OnceLock<bool>,
    /// Loopback listeners of pending sign-ins, by provider, so Cancel can close them.
    pub listeners: Mutex<HashMap<String, tauri::async_runtime::JoinHandle<()>>>,
    /// Open confirmations for copying a refresh token.
    pub confirmations: crate::confirm::Confirmations,
    notices: Mutex<Vec<Notice>>,
    next_notice: AtomicU64,
}

/// Something the app tells the person outside a command's reply (a sign-in finished, a link came).
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
    Success,
    Warning,
}

/// The window's words for why demo mode did not start (a release build has no simulator).
fn demo_words(e: plugboard_core::demo::DemoError) -> String {
    use plugboard_core::demo::DemoError;
    use plugboard_core::i18n::t;
    match e {
        DemoError::NotBuilt => t("shell-demo-missing", &[]),
        DemoError::Failed(error) => t("shell-demo-failed", &[("error", error.into())]),
    }
}

impl AppState {
    /// Opens the shared state the way the command line does ([`plugboard_core::setup::open`]);
    /// demo mode first starts the in-process simulator and connects to it instead.
    pub fn build(paths: Paths, settings: Settings) -> Self {
        // The window, tray and notifications speak the chosen language (see core `i18n`), from
        // the first word on: the system's while the settings file is read (a notice about that
        // file is in it; parsed only if one comes), then the one chosen there.
        plugboard_core::i18n::speak_later(&settings.speak(""));
        let preferences = plugboard_core::preferences::PreferencesFile::open(&paths.config_dir);
        plugboard_core::i18n::set_current(&settings.speak(preferences.get().spoken_language()));
        let mut demo = None;
        let mut demo_problem = None;
        if settings.demo {
            // HubSpot's loopback redirect on a free port (the command line keeps the registered one).
            let started = tauri::async_runtime::block_on(plugboard_core::demo::start(
                &paths,
                plugboard_core::demo::HubspotPort::Free,
            ));
            match started {
                Ok(started) => demo = Some(started),
                Err(e) => {
                    let problem = demo_words(e);
                    log::error!("demo mode: {problem}");
                    demo_problem = Some(problem);
                }
            }
        }
        let opened = setup::open(&paths, &settings, demo.as_ref().map(|d| d.table()));
        let watch = plugboard_core::attention::Watch::open(&paths.data_dir);
        let state = Self {
            connections: opened
                .connections
                .map(|c| Arc::new(c.acting_as(plugboard_core::timeline::Actor::Window))),
            vault: opened.vault,
            demo,
            settings,
            preferences,
            watch: Mutex::new(watch),
            scheme_ready: std::sync::OnceLock::new(),
            listeners: Mutex::new(HashMap::new()),
            confirmations: Default::default(),
            notices: Mutex::new(Vec::new()),
            next_notice: AtomicU64::new(1),
        };
        for problem in opened.file_problems.into_iter().chain(demo_problem) {
            state.push_notice(NoticeLevel::Warning, problem);
        }
        state
    }

    /// `value` as typed, or in demo mode, when left empty, the simulator's value for the
    /// provider's form field `field` (the page shows such fields as filled in).
    pub fn typed_or_demo(&self, provider: &str, field: &str, value: String) -> String {
        match &self.demo {
            Some(demo) if value.trim().is_empty() => demo.fill(provider, field).unwrap_or(value),
            _ => value,
        }
    }

    /// How long a copied secret stays on the clipboard: the environment's
    /// `PLUGBOARD_CLIPBOARD_CLEAR_SECS`, else the person's choice in Settings.
    pub fn clipboard_clear(&self) -> std::time::Duration {
        self.settings
            .clipboard_clear
            .unwrap_or_else(|| self.preferences.get().clipboard_clear())
    }

    pub fn service(&self) -> Result<Arc<Connections>, UserError> {
        self.connections.clone()
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

    /// Forgets a queued notice whose condition ended before the page showed it.
    pub fn drop_notice(&self, id: u64) {
        self.notices
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .retain(|n| n.id != id);
    }

    /// The notices the page has not yet shown (e.g. from a cold-start deep link, before it loaded).
    pub fn take_notices(&self) -> Vec<Notice> {
        // Files set aside since the last look (a corrupt timeline found by a refresh, say).
        for problem in plugboard_core::files::take_notices() {
            self.push_notice(NoticeLevel::Warning, problem);
        }
        std::mem::take(
            &mut *self
                .notices
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner()),
        )
    }

    /// Stops the loopback listener of `provider`'s pending sign-in, if any.
    pub fn stop_listener(&self, provider: &str) {
        if let Some(handle) = self
            .listeners
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(provider)
        {
            handle.abort();
        }
    }
}

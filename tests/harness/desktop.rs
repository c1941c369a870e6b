//! The desktop around the app, as the tray and notification tests need it: a panel's tray host
//! (a StatusNotifierWatcher that the app's libayatana-appindicator item registers with, read back
//! over D-Bus with its dbusmenu), a real notification daemon (dunst, read with `dunstctl`), and
//! the window as the X server sees it (shown or not, and its close button).

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use zbus::zvariant::{OwnedValue, Value};

use crate::eventually;

/// A tray host on the session bus, as a panel runs one: items register with it, and a test reads
/// them. Present only while this value lives (the app's window then hides into the tray on close).
pub struct TrayHost {
    bus: zbus::blocking::Connection,
    items: Arc<Mutex<Vec<(String, String)>>>,
}

struct Watcher {
    items: Arc<Mutex<Vec<(String, String)>>>,
}

#[zbus::interface(name = "org.kde.StatusNotifierWatcher")]
impl Watcher {
    fn register_status_notifier_item(
        &self,
        service: &str,
        #[zbus(header)] header: zbus::message::Header<'_>,
    ) {
        let sender = header.sender().map(|s| s.to_string()).unwrap_or_default();
        // Appindicator sends its object path; other items send their bus name.
        let item = if service.starts_with('/') {
            (sender, service.to_string())
        } else {
            (service.to_string(), "/StatusNotifierItem".to_string())
        };
        self.items.lock().unwrap().push(item);
    }

    fn register_status_notifier_host(&self, _service: &str) {}

    #[zbus(property)]
    fn registered_status_notifier_items(&self) -> Vec<String> {
        self.items
            .lock()
            .unwrap()
            .iter()
            .map(|(name, path)| format!("{name}{path}"))
            .collect()
    }

    #[zbus(property)]
    fn is_status_notifier_host_registered(&self) -> bool {
        true
    }

    #[zbus(property)]
    fn protocol_version(&self) -> i32 {
        0
    }
}

/// One entry of the tray's menu, as dbusmenu exports it.
#[derive(Debug, Clone)]
pub struct MenuEntry {
    pub id: i32,
    pub label: String,
    pub enabled: bool,
}

/// Runs `f` on a thread of its own. zbus's blocking calls run on zbus's own tokio runtime (its
/// `tokio` feature, which the app turns on and the workspace shares), and a runtime cannot be
/// started from a thread that drives one, as a `#[tokio::test]` does.
fn off_runtime<T: Send>(f: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|s| {
        s.spawn(f)
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

impl TrayHost {
    pub fn start() -> Self {
        let items = Arc::new(Mutex::new(Vec::new()));
        let watcher_items = items.clone();
        let bus = off_runtime(move || {
            zbus::blocking::connection::Builder::session()
                .expect("the session bus")
                .name("org.kde.StatusNotifierWatcher")
                .expect("a watcher name")
                .serve_at(
                    "/StatusNotifierWatcher",
                    Watcher {
                        items: watcher_items,
                    },
                )
                .expect("serve the watcher")
                .build()
                .expect("own org.kde.StatusNotifierWatcher (is another tray host running?)")
        });
        Self { bus, items }
    }

    /// The app's item (bus name, object path), once it registered (within 15 s).
    pub fn item(&self) -> (String, String) {
        eventually(Duration::from_secs(15), || {
            self.items.lock().unwrap().last().cloned()
        })
        .expect("the app registered a tray item (StatusNotifierItem) within 15 s")
    }

    fn item_property<T>(&self, name: &str) -> T
    where
        T: TryFrom<OwnedValue>,
        T::Error: Into<zbus::Error>,
    {
        let (dest, path) = self.item();
        let value: OwnedValue = off_runtime(|| {
            let proxy = zbus::blocking::Proxy::new(
                &self.bus,
                dest.as_str(),
                path.as_str(),
                "org.kde.StatusNotifierItem",
            )
            .expect("a proxy for the tray item");
            proxy
                .get_property::<OwnedValue>(name)
                .unwrap_or_else(|e| panic!("the tray item's {name}: {e}"))
        });
        T::try_from(value)
            .map_err(Into::into)
            .unwrap_or_else(|e: zbus::Error| panic!("the tray item's {name}: {e}"))
    }

    /// The item's status (`Active`, `Passive`, `NeedsAttention`).
    pub fn status(&self) -> String {
        self.item_property("Status")
    }

    /// The icon the item shows now: appindicator names a PNG file it wrote; its bytes.
    pub fn icon(&self) -> Vec<u8> {
        let name: String = self.item_property("IconName");
        let theme: String = self.item_property("IconThemePath");
        let path = if name.starts_with('/') {
            std::path::PathBuf::from(&name)
        } else {
            std::path::Path::new(&theme).join(format!("{name}.png"))
        };
        std::fs::read(&path).unwrap_or_else(|e| panic!("the tray icon {}: {e}", path.display()))
    }

    /// The item's menu (bus name, object path).
    fn menu_address(&self) -> (String, zbus::zvariant::OwnedObjectPath) {
        let (dest, _) = self.item();
        (dest, self.item_property("Menu"))
    }

    /// The menu's entries in order (separators left out).
    pub fn menu(&self) -> Vec<MenuEntry> {
        let (dest, path) = self.menu_address();
        let reply = off_runtime(|| {
            zbus::blocking::Proxy::new(&self.bus, dest, path, "com.canonical.dbusmenu")
                .expect("a proxy for the tray menu")
                .call_method("GetLayout", &(0i32, -1i32, Vec::<String>::new()))
                .expect("the tray menu's layout (GetLayout)")
        });
        type Layout = (i32, HashMap<String, OwnedValue>, Vec<OwnedValue>);
        let (_revision, (_root, _props, children)): (u32, Layout) =
            reply.body().deserialize().expect("a dbusmenu layout");
        let mut entries = Vec::new();
        for child in &children {
            collect(child, &mut entries);
        }
        entries
    }

    /// Waits up to 15 s for the menu to have an entry whose label contains `text`.
    pub fn wait_for_entry(&self, text: &str) -> MenuEntry {
        eventually(Duration::from_secs(15), || {
            self.menu().into_iter().find(|e| e.label.contains(text))
        })
        .unwrap_or_else(|| {
            panic!(
                "no tray menu entry with {text:?}; the menu: {:?}",
                self.menu()
            )
        })
    }

    /// Clicks the menu entry whose label contains `text`.
    pub fn click(&self, text: &str) {
        let entry = self.wait_for_entry(text);
        let (dest, path) = self.menu_address();
        off_runtime(|| {
            let _: () = zbus::blocking::Proxy::new(&self.bus, dest, path, "com.canonical.dbusmenu")
                .expect("a proxy for the tray menu")
                .call("Event", &(entry.id, "clicked", Value::from(0i32), 0u32))
                .unwrap_or_else(|e| panic!("click {text:?} in the tray menu: {e}"));
        });
    }
}

/// The entries of a dbusmenu layout node `(id, properties, children)`, depth first.
fn collect(node: &Value<'_>, out: &mut Vec<MenuEntry>) {
    let structure = match node {
        Value::Structure(s) => s,
        Value::Value(inner) => return collect(inner, out),
        _ => return,
    };
    let fields = structure.fields();
    let Some(Value::I32(id)) = fields.first() else {
        return;
    };
    let text = |props: &zbus::zvariant::Dict<'_, '_>, key: &str| {
        props.iter().find_map(|(k, v)| match (k, v) {
            (Value::Str(k), Value::Value(v)) if k.as_str() == key => match &**v {
                Value::Str(s) => Some(s.to_string()),
                Value::Bool(b) => Some(b.to_string()),
                _ => None,
            },
            (Value::Str(k), Value::Str(s)) if k.as_str() == key => Some(s.to_string()),
            (Value::Str(k), Value::Bool(b)) if k.as_str() == key => Some(b.to_string()),
            _ => None,
        })
    };
    if let Some(Value::Dict(props)) = fields.get(1) {
        let separator = text(props, "type").is_some_and(|t| t == "separator");
        // GTK labels mark a mnemonic with `_` (and a literal one as `__`).
        let label = text(props, "label").map(|l| {
            l.replace("__", "\u{0}")
                .replace('_', "")
                .replace('\u{0}', "_")
        });
        if *id != 0 && !separator {
            if let Some(label) = label {
                out.push(MenuEntry {
                    id: *id,
                    label,
                    enabled: text(props, "enabled").is_none_or(|e| e == "true"),
                });
            }
        }
    }
    if let Some(Value::Array(children)) = fields.get(2) {
        for child in children.inner() {
            collect(child, out);
        }
    }
}

/// A notification as the daemon showed it.
#[derive(Debug, Clone)]
pub struct Shown {
    pub appname: String,
    pub summary: String,
    pub body: String,
}

/// The session's notification daemon: dunst, started once on the session bus (the X display is
/// the test desktop's Xvfb; dunst ends with it). Debian 12's dunst (1.9) cannot clear its history,
/// so what was shown before [`Self::clear`] is remembered by id and left out.
pub struct Notifications {
    before: Mutex<Vec<i64>>,
}

impl Notifications {
    /// Makes sure dunst runs, and forgets what it showed before (apps run one at a time).
    pub fn start() -> Self {
        static STARTED: std::sync::Once = std::sync::Once::new();
        STARTED.call_once(|| {
            let owned = || {
                Command::new("dunstctl")
                    .args(["is-paused"])
                    .stderr(Stdio::null())
                    .output()
                    .ok()
                    .filter(|o| o.status.success())
            };
            if owned().is_none() {
                let config = crate::test_home().join("dunstrc");
                // Long timeouts: a notification stays displayed until the test acts on it.
                std::fs::write(
                    &config,
                    "[global]\n    timeout = 600\n[urgency_normal]\n    timeout = 600\n",
                )
                .expect("a dunst config");
                // Kept for the whole test run: dunst ends with the test desktop's display.
                static DUNST: std::sync::OnceLock<Mutex<std::process::Child>> =
                    std::sync::OnceLock::new();
                let child = Command::new("dunst")
                    .args(["-config", &config.display().to_string()])
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn()
                    .expect("start dunst (`make test` installs it)");
                let _ = DUNST.set(Mutex::new(child));
                assert!(
                    eventually(Duration::from_secs(10), owned).is_some(),
                    "dunst came up on the session bus"
                );
            }
        });
        let daemon = Self {
            before: Mutex::new(Vec::new()),
        };
        daemon.clear();
        daemon
    }

    fn ctl(args: &[&str]) -> String {
        let out = Command::new("dunstctl")
            .args(args)
            .output()
            .expect("dunstctl");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Closes what is displayed and forgets the history (its ids are left out from now on).
    pub fn clear(&self) {
        Self::ctl(&["close-all"]);
        // Closed notifications reach the history a moment later.
        std::thread::sleep(Duration::from_millis(300));
        let ids = Self::history()
            .iter()
            .filter_map(|n| n["id"]["data"].as_i64())
            .collect();
        *self.before.lock().unwrap_or_else(|p| p.into_inner()) = ids;
    }

    /// Dunst's history, newest first, as its JSON notifications.
    fn history() -> Vec<serde_json::Value> {
        let history: serde_json::Value =
            serde_json::from_str(&Self::ctl(&["history"])).expect("dunstctl history is JSON");
        history["data"][0].as_array().cloned().unwrap_or_default()
    }

    /// How many notifications are displayed now.
    pub fn displayed(&self) -> usize {
        Self::ctl(&["count", "displayed"])
            .trim()
            .parse()
            .unwrap_or(0)
    }

    /// Waits up to `timeout` for `n` notifications to be displayed.
    pub fn wait_for(&self, n: usize, timeout: Duration) -> bool {
        eventually(timeout, || (self.displayed() >= n).then_some(())).is_some()
    }

    /// Clicks the newest displayed notification (its default action).
    pub fn click_newest(&self) {
        Self::ctl(&["action", "0"]);
    }

    /// Everything shown since the last [`Self::clear`], newest first (closing what is displayed).
    pub fn shown(&self) -> Vec<Shown> {
        Self::ctl(&["close-all"]);
        std::thread::sleep(Duration::from_millis(300));
        let before = self
            .before
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let field =
            |n: &serde_json::Value, k: &str| n[k]["data"].as_str().unwrap_or_default().to_string();
        Self::history()
            .iter()
            .filter(|n| {
                n["id"]["data"]
                    .as_i64()
                    .is_none_or(|id| !before.contains(&id))
            })
            .map(|n| Shown {
                appname: field(n, "appname"),
                summary: field(n, "summary"),
                body: field(n, "body"),
            })
            .collect()
    }
}

/// Whether a window titled "Plugboard" is shown on the display (mapped and viewable).
pub fn window_shown() -> bool {
    Command::new("xdotool")
        .args(["search", "--onlyvisible", "--name", "^Plugboard$"])
        .output()
        .map(|o| o.status.success() && !o.stdout.is_empty())
        .unwrap_or(false)
}

/// Presses the window's close button, as a window manager does: a `WM_DELETE_WINDOW` message to
/// every window titled "Plugboard".
pub fn press_close_button() {
    use x11rb::connection::Connection;
    use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt, EventMask};
    let out = Command::new("xdotool")
        .args(["search", "--name", "^Plugboard$"])
        .output()
        .expect("xdotool");
    let windows: Vec<u32> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect();
    assert!(!windows.is_empty(), "a Plugboard window on the display");
    let (conn, _) = x11rb::connect(None).expect("the X display");
    let atom = |name: &str| {
        conn.intern_atom(false, name.as_bytes())
            .expect("intern an atom")
            .reply()
            .expect("an atom")
            .atom
    };
    let (protocols, delete) = (atom("WM_PROTOCOLS"), atom("WM_DELETE_WINDOW"));
    for window in windows {
        let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, event)
            .expect("send WM_DELETE_WINDOW");
    }
    conn.flush().expect("flush the X connection");
}

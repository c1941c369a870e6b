//! The tray icon: Plugboard's presence while its window is closed. Its icon shows the worst status
//! across connections (the app icon as is, with an amber badge when something needs attention
//! soon, a red one when a connection needs the person), and its menu has the headline ("2
//! connections need you"), Open Plugboard, one line per connection with its status and a coarse
//! countdown (a click opens the window at it; the ten most urgent, then "N more in the window…"),
//! Refresh all and Quit. What it says comes from the
//! core ([`plugboard_core::attention::tray_summary`]); this module only draws it, and only when it
//! changed (at most once a minute for the countdowns).
//!
//! On Linux the tray is libayatana-appindicator's StatusNotifierItem, shown by whatever panel runs
//! a StatusNotifierWatcher; [`available`] asks the session bus for one. The item registers itself
//! when a watcher appears later (a panel started after Plugboard at login). Appindicator shows no
//! tooltips, so the headline is the menu's first line there; other platforms get it as tooltip too.
//!
//! The window's comings and goings that depend on the tray live here too: it starts hidden
//! (tauri.conf.json) and is shown once set up, unless Plugboard was started at login
//! ([`crate::window::IN_TRAY`]) and a tray is there to live in ([`first_show`]); closing it keeps
//! Plugboard running in the tray when there is one and the person wants that (Settings; the
//! first time it says so, once), otherwise closing quits ([`on_window_event`]); a tray that goes
//! away gives the window back ([`watch_host`], [`rescue_if_stranded`]). Quit is in the tray's menu.

use std::sync::Mutex;
use std::time::Duration;

use plugboard_core::attention::{Subject, TraySummary};
use plugboard_core::connection::ConnectionId;
use plugboard_core::i18n::Messages;
use plugboard_core::lifetime::Health;
use tauri::image::Image;
use tauri::menu::{Menu, MenuEvent, MenuItem, PredefinedMenuItem};
use tauri::tray::{TrayIcon, TrayIconBuilder, TrayIconEvent};
use tauri::{AppHandle, Manager, WindowEvent};

/// Menu item ids.
const OPEN: &str = "open";
const MORE: &str = "open-more";
const REFRESH_ALL: &str = "refresh-all";
const QUIT: &str = "quit";
const CONNECTION: &str = "connection:";

/// How the icon looks: the worst status, in three steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Working,
    Attention,
    Problem,
}

impl Look {
    /// From the core's summary: red when a connection needs the person (what its headline
    /// counts), amber when the worst is only expiring soon or a passing problem.
    fn of(summary: &TraySummary) -> Self {
        if summary.needing > 0 {
            return Look::Problem;
        }
        match summary.worst {
            Some(Health::ExpiringSoon | Health::TemporaryProblem) => Look::Attention,
            _ => Look::Working,
        }
    }

    /// The badge's colour, `None` for the plain icon.
    fn badge(self) -> Option<[u8; 3]> {
        match self {
            Look::Working => None,
            Look::Attention => Some([0xf0, 0xa0, 0x00]),
            Look::Problem => Some([0xd9, 0x30, 0x25]),
        }
    }
}

/// The tray icon and what it shows now.
pub struct Tray {
    icon: TrayIcon,
    shown: Mutex<Option<(Look, TraySummary)>>,
}

/// Whether the desktop shows tray icons now (Linux): a StatusNotifierWatcher on the session bus
/// that a host (the panel's tray) registered with. Elsewhere the system tray is always there. One
/// bus connection is kept for the question, asked when the window hides and when the host changes.
pub fn available() -> bool {
    #[cfg(target_os = "linux")]
    {
        static BUS: std::sync::OnceLock<Option<zbus::blocking::Connection>> =
            std::sync::OnceLock::new();
        let Some(bus) = BUS.get_or_init(|| zbus::blocking::Connection::session().ok()) else {
            return false;
        };
        let hosted = || -> zbus::Result<bool> {
            let dbus = zbus::blocking::fdo::DBusProxy::new(bus)?;
            let name = zbus::names::BusName::try_from("org.kde.StatusNotifierWatcher")?;
            if !dbus.name_has_owner(name)? {
                return Ok(false);
            }
            let watcher = zbus::blocking::Proxy::new(
                bus,
                "org.kde.StatusNotifierWatcher",
                "/StatusNotifierWatcher",
                "org.kde.StatusNotifierWatcher",
            )?;
            watcher.get_property::<bool>("IsStatusNotifierHostRegistered")
        };
        hosted().unwrap_or(false)
    }
    #[cfg(not(target_os = "linux"))]
    true
}

/// The tray icon, once made, as the app manages it (empty where the platform has no tray
/// support at all, or the appindicator library could not be loaded).
#[derive(Default)]
pub struct TraySlot(pub std::sync::OnceLock<Tray>);

fn made(app: &AppHandle) -> Option<&Tray> {
    app.try_state::<TraySlot>()
        .and_then(|slot| slot.inner().0.get())
}

/// Whether Plugboard can live in the tray now: its icon was made and the desktop shows it.
pub fn present(app: &AppHandle) -> bool {
    made(app).is_some() && available()
}

/// Shows every connection's state (`subjects`) in the tray, if there is one (each scheduler tick).
pub fn show_subjects(app: &AppHandle, subjects: &[Subject], now: i64) {
    if let Some(tray) = made(app) {
        tray.show(app, &plugboard_core::i18n::current(), subjects, now);
    }
}

/// When Plugboard cannot open its connections (an invalid provider file, say): the problem icon
/// and the reason as the headline, so the tray does not say all is well.
pub fn show_problem(app: &AppHandle) {
    let Some(tray) = made(app) else {
        return;
    };
    let summary = TraySummary {
        worst: None,
        headline: plugboard_core::i18n::t("tray-cannot-open", &[]),
        lines: Vec::new(),
        more: 0,
        needing: 0,
    };
    let _ = tray.icon.set_icon(Some(icon(app, Look::Problem)));
    if let Ok(m) = menu(app, &plugboard_core::i18n::current(), &summary) {
        let _ = tray.icon.set_menu(Some(m));
    }
}

/// How long a start at login waits for the desktop's tray to come up before showing the window.
const TRAY_WAIT: Duration = Duration::from_secs(30);

/// Started with [`crate::window::IN_TRAY`] (a launch for the window shows it at once, see
/// [`crate::startup`]): leaves the window hidden as long as a tray appears within half a minute
/// (a panel may start after Plugboard at login). When the connections cannot be opened, the
/// window shows at once: it says why.
pub fn first_show(app: &AppHandle) {
    if app.state::<crate::state::AppState>().connections.is_err() {
        return crate::window::bring_back(app, None);
    }
    log::info!("started in the tray");
    let app = app.clone();
    std::thread::spawn(move || {
        let deadline = std::time::Instant::now() + TRAY_WAIT;
        while !present(&app) {
            if std::time::Instant::now() >= deadline {
                log::info!("no tray appeared: showing the window instead");
                return crate::window::bring_back(&app, None);
            }
            std::thread::sleep(Duration::from_millis(500));
        }
    });
}

/// Watches for the tray host coming and going (the StatusNotifierWatcher's owner on the session
/// bus changing, a host unregistering): then [`rescue_if_stranded`]. Threads that wait for the
/// bus's signals, so nothing polls while the window sits in the tray.
pub fn watch_host(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    for rule in [
        "type='signal',sender='org.freedesktop.DBus',interface='org.freedesktop.DBus',\
         member='NameOwnerChanged',arg0='org.kde.StatusNotifierWatcher'",
        "type='signal',interface='org.kde.StatusNotifierWatcher',\
         member='StatusNotifierHostUnregistered'",
    ] {
        let app = app.clone();
        crate::signals::watch(
            "tray-watch",
            crate::signals::Bus::Session,
            rule,
            "the tray host",
            move |_| {
                // The watcher announces a host in steps: look once it has settled.
                std::thread::sleep(Duration::from_millis(500));
                rescue_if_stranded(&app);
            },
        );
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

/// The window is hidden in a tray that went away (the panel quit, its extension was turned off):
/// shown again, so Plugboard is never running with no way back to it.
pub fn rescue_if_stranded(app: &AppHandle) {
    let hidden = crate::window::main_window(app).is_some_and(|w| !w.is_visible().unwrap_or(true));
    if hidden && !present(app) {
        log::info!("the tray went away while the window was hidden: showing the window");
        crate::window::bring_back(app, None);
    }
}

/// The window's close button: hide into the tray, or let it close (and Plugboard quit).
pub fn on_window_event(window: &tauri::Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else {
        return;
    };
    let app = window.app_handle();
    let state = app.state::<crate::state::AppState>();
    if !state.preferences.get().keep_in_tray || !present(app) {
        log::info!("window closed: quitting");
        return;
    }
    api.prevent_close();
    let _ = window.hide();
    log::info!("window closed: still running in the tray");
    if !state.preferences.get().tray_notice_shown {
        crate::attention::send(
            app,
            plugboard_core::attention::Message::new(
                plugboard_core::i18n::t("still-running-title", &[]),
                plugboard_core::i18n::t("still-running-body", &[]),
                None,
            ),
            true,
        );
        if let Err(e) = state.preferences.update(|p| p.tray_notice_shown = true) {
            log::warn!(
                "could not note that the tray notice was shown: {}",
                e.message
            );
        }
    }
}

/// Makes the tray icon (it appears wherever and whenever the desktop shows tray icons).
pub fn start(app: &AppHandle) -> tauri::Result<Tray> {
    let m = &*plugboard_core::i18n::current();
    let summary = plugboard_core::attention::tray_summary(m, &[], 0);
    let icon = TrayIconBuilder::with_id("plugboard")
        .icon(icon(app, Look::Working))
        .tooltip(m.get(
            "tray-tooltip",
            &[("headline", summary.headline.as_str().into())],
        ))
        .menu(&menu(app, m, &summary)?)
        .show_menu_on_left_click(true)
        .on_menu_event(on_menu)
        .on_tray_icon_event(|tray, event| {
            // Where the platform reports a click on the icon itself (not appindicator), it opens
            // the window like the menu's first item.
            if let TrayIconEvent::DoubleClick { .. } = event {
                crate::window::bring_back(tray.app_handle(), None);
            }
        })
        .build(app)?;
    Ok(Tray {
        icon,
        shown: Mutex::new(None),
    })
}

impl Tray {
    /// Shows `subjects` (every connection now): the icon, tooltip and menu, each only if changed.
    pub fn show(&self, app: &AppHandle, m: &Messages, subjects: &[Subject], now: i64) {
        let summary = plugboard_core::attention::tray_summary(m, subjects, now);
        let look = Look::of(&summary);
        let mut shown = self.shown.lock().unwrap_or_else(|p| p.into_inner());
        let (look_changed, summary_changed) = match &*shown {
            Some((l, s)) => (*l != look, *s != summary),
            None => (true, true),
        };
        if look_changed || summary_changed {
            // Built and set in one turn of the main thread (each menu call made from another
            // thread waits for one of its own: 30 of them a minute for an unchanged tray).
            let icon_image = look_changed.then(|| icon(app, look));
            let tooltip = m.get(
                "tray-tooltip",
                &[("headline", summary.headline.as_str().into())],
            );
            let entries = summary_changed.then(|| entries(m, &summary));
            let tray = self.icon.clone();
            let handle = app.clone();
            let _ = app.run_on_main_thread(move || {
                if let Some(image) = icon_image {
                    if let Err(e) = tray.set_icon(Some(image)) {
                        log::warn!("could not change the tray icon: {e}");
                    }
                }
                if let Some(entries) = entries {
                    let _ = tray.set_tooltip(Some(tooltip));
                    match build(&handle, &entries) {
                        Ok(menu) => {
                            if let Err(e) = tray.set_menu(Some(menu)) {
                                log::warn!("could not change the tray menu: {e}");
                            }
                        }
                        Err(e) => log::warn!("could not make the tray menu: {e}"),
                    }
                }
            });
        }
        *shown = Some((look, summary));
    }
}

fn menu(app: &AppHandle, m: &Messages, summary: &TraySummary) -> tauri::Result<Menu<tauri::Wry>> {
    build(app, &entries(m, summary))
}

/// One line of the tray's menu: an item (id, text, enabled) or a separator.
enum Entry {
    Item(String, String, bool),
    Separator,
}

/// The menu's lines for `summary`, in the words of `m`.
fn entries(m: &Messages, summary: &TraySummary) -> Vec<Entry> {
    let item = |id: &str, text: &str, enabled: bool| Entry::Item(id.into(), text.into(), enabled);
    let mut all = vec![
        item("headline", &summary.headline, false),
        Entry::Separator,
        item(OPEN, &m.get("tray-open", &[]), true),
    ];
    for (id, line) in &summary.lines {
        all.push(item(&format!("{CONNECTION}{id}"), line, true));
    }
    if summary.more > 0 {
        all.push(item(
            MORE,
            &m.get("tray-more", &[("count", summary.more.into())]),
            true,
        ));
    }
    all.push(Entry::Separator);
    all.push(item(
        REFRESH_ALL,
        &m.get("tray-refresh-all", &[]),
        !summary.lines.is_empty(),
    ));
    all.push(item(QUIT, &m.get("tray-quit", &[]), true));
    all
}

/// The menu of `entries` (on the main thread, each call is made at once).
fn build(app: &AppHandle, entries: &[Entry]) -> tauri::Result<Menu<tauri::Wry>> {
    let menu = Menu::new(app)?;
    for entry in entries {
        match entry {
            Entry::Item(id, text, enabled) => menu.append(&MenuItem::with_id(
                app,
                id.as_str(),
                text,
                *enabled,
                None::<&str>,
            )?)?,
            Entry::Separator => menu.append(&PredefinedMenuItem::separator(app)?)?,
        }
    }
    Ok(menu)
}

fn on_menu(app: &AppHandle, event: MenuEvent) {
    let id = event.id().as_ref();
    match id {
        OPEN | MORE => crate::window::bring_back(app, None),
        REFRESH_ALL => crate::attention::refresh_all(app),
        QUIT => {
            log::info!("quit from the tray");
            app.exit(0);
        }
        _ => {
            if let Some(cid) = id.strip_prefix(CONNECTION).and_then(ConnectionId::parse) {
                crate::window::bring_back(app, Some(&cid));
            }
        }
    }
}

/// The app's icon at tray size (64 px), with the look's badge in the lower right corner.
fn icon(app: &AppHandle, look: Look) -> Image<'static> {
    let Some(base) = app.default_window_icon() else {
        return Image::new_owned(vec![0; 4], 1, 1);
    };
    let (rgba, size) = shrink(base.rgba(), base.width(), base.height(), 64);
    let mut rgba = rgba;
    if let Some(colour) = look.badge() {
        draw_badge(&mut rgba, size, colour);
    }
    Image::new_owned(rgba, size, size)
}

/// A square RGBA image shrunk to about `target` pixels by averaging whole blocks (the bundled icon
/// is 512 or 32 px: a whole factor either way).
fn shrink(rgba: &[u8], width: u32, height: u32, target: u32) -> (Vec<u8>, u32) {
    let factor = (width.min(height) / target).max(1);
    let size = width.min(height) / factor;
    let mut out = vec![0u8; (size * size * 4) as usize];
    for y in 0..size {
        for x in 0..size {
            let mut sum = [0u32; 4];
            for dy in 0..factor {
                for dx in 0..factor {
                    let i = (((y * factor + dy) * width + x * factor + dx) * 4) as usize;
                    for (c, total) in sum.iter_mut().enumerate() {
                        *total += u32::from(rgba.get(i + c).copied().unwrap_or(0));
                    }
                }
            }
            let o = ((y * size + x) * 4) as usize;
            for (c, total) in sum.iter().enumerate() {
                out[o + c] = (total / (factor * factor)) as u8;
            }
        }
    }
    (out, size)
}

/// A filled circle in `colour` with a white ring, in the lower right quarter.
fn draw_badge(rgba: &mut [u8], size: u32, colour: [u8; 3]) {
    let centre = size as f32 * 0.75;
    let outer = size as f32 * 0.25;
    let inner = outer * 0.8;
    for y in 0..size {
        for x in 0..size {
            let d = ((x as f32 + 0.5 - centre).powi(2) + (y as f32 + 0.5 - centre).powi(2)).sqrt();
            let paint = if d <= inner {
                colour
            } else if d <= outer {
                [255, 255, 255]
            } else {
                continue;
            };
            let o = ((y * size + x) * 4) as usize;
            rgba[o..o + 3].copy_from_slice(&paint);
            rgba[o + 3] = 255;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn icons_shrink_by_whole_blocks_and_badges_are_drawn() {
        let big = vec![100u8; 512 * 512 * 4];
        let (small, size) = shrink(&big, 512, 512, 64);
        assert_eq!(size, 64);
        assert!(small.iter().all(|&b| b == 100));
        let mut badged = small.clone();
        draw_badge(&mut badged, size, [0xd9, 0x30, 0x25]);
        let at = |x: u32, y: u32| &badged[((y * 64 + x) * 4) as usize..][..4];
        assert_eq!(at(48, 48), [0xd9, 0x30, 0x25, 255], "the badge's middle");
        assert_eq!(at(10, 10), [100, 100, 100, 100], "the icon elsewhere");
        assert_ne!(Look::Attention.badge(), Look::Problem.badge());
        assert_eq!(Look::Working.badge(), None);
    }
}

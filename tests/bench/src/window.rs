//! A window's start-up and idle life, measured from outside: the time until its window is mapped
//! on the display (the X server's own event) and until its page has loaded (and, for Plugboard,
//! rendered every connection's row) through WebDriver, and in a plain start with nothing
//! attached, its keychain calls (every D-Bus method call to the Secret Service,
//! seen by `dbus-monitor`), its memory 5 s in, and its CPU while idle.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::ClientBuilder;

use crate::procs::{self, Memory};

/// How many accounts a card lists before its "Show all" button (`FIRST_ROWS` in
/// `ui/views/cards.js`).
pub const FIRST_ROWS: usize = 20;

/// What to wait for in the page.
pub enum Ready {
    /// The page has loaded (the bare window: all it ever does).
    Loaded,
    /// Plugboard's cards are rendered for this many connections: each card lists its first
    /// [`FIRST_ROWS`], then a "Show all" button.
    Rows(usize),
}

impl Ready {
    fn script(&self) -> String {
        match self {
            Ready::Loaded => "return document.readyState === 'complete';".into(),
            Ready::Rows(n) => format!(
                "return document.readyState === 'complete' \
                 && document.querySelector(\"main[aria-busy='false']\") !== null \
                 && document.querySelectorAll('section[data-provider]').length > 0 \
                 && document.querySelectorAll('li[data-connection]').length === {} \
                 && (document.querySelector('[data-action=show-all]') !== null) === {};",
                (*n).min(FIRST_ROWS),
                *n > FIRST_ROWS
            ),
        }
    }
}

/// One start, timed.
#[derive(Debug, Clone, Copy)]
pub struct Start {
    /// Until the X server mapped the app's window: when a person first sees a window.
    pub visible_ms: f64,
    /// Until `ready` held in its page.
    pub ready_ms: f64,
}

/// Times from asking tauri-driver for a session on `binary` (the app starts then) to its window
/// being mapped on the display, and to `ready` holding in its page (polled every 10 ms).
/// tauri-driver itself is started beforehand.
pub async fn time_to(binary: &Path, env: &[(String, String)], ready: Ready) -> Start {
    // A session WebKitWebDriver dropped as it began (seen once in a full run) is timed again.
    for _ in 0..2 {
        if let Some(start) = try_time_to(binary, env, &ready).await {
            return start;
        }
        eprintln!("bench:   the WebDriver session failed to start: timing that start again");
    }
    try_time_to(binary, env, &ready)
        .await
        .expect("a WebDriver session on the window")
}

async fn try_time_to(binary: &Path, env: &[(String, String)], ready: &Ready) -> Option<Start> {
    let driver = plugboard_e2e::Driver::start(env);
    let maps = MapWatch::start();
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), "wry".into());
    caps.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": binary, "args": [] }),
    );
    let script = ready.script();
    let started = Instant::now();
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&driver.url())
        .await
        .ok()?;
    let deadline = started + Duration::from_secs(120);
    let elapsed = loop {
        if client
            .execute(&script, vec![])
            .await
            .is_ok_and(|v| v == serde_json::Value::Bool(true))
        {
            break started.elapsed();
        }
        assert!(
            Instant::now() < deadline,
            "{} never became ready",
            binary.display()
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let mapped = maps.first(Duration::from_secs(10));
    let _ = client.close().await;
    drop(driver);
    wait_until_gone();
    Some(Start {
        visible_ms: mapped
            .expect("the app's window was mapped")
            .duration_since(started)
            .as_secs_f64()
            * 1000.0,
        ready_ms: elapsed.as_secs_f64() * 1000.0,
    })
}

/// A first start that runs until Plugboard has brought its keychain items' labels up to date and
/// noted the items it listed (the two files noting them appear beside the index), as the first
/// start after an install or upgrade does once: the plain start measured after it is an everyday
/// one. At most a minute.
pub fn settle_labels(binary: &Path, env: &[(String, String)], data_dir: &Path) {
    let noted = [
        data_dir.join(plugboard_core::service::LABELS_FILE),
        data_dir.join(plugboard_core::service::ITEMS_FILE),
    ];
    let settled = || noted.iter().all(|f| f.exists());
    let mut app = start(binary, env);
    let deadline = Instant::now() + Duration::from_secs(60);
    while !settled() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
    }
    if !settled() {
        eprintln!("bench:   the keychain's items were not noted within a minute");
    }
    stop(&mut app);
}

/// Watches the display for the first top-level window of an app being mapped: the X server's
/// `MapNotify` on the root window for a window with a `_NET_WM_PID` (GTK sets it on an app's
/// top-level windows; no window manager runs in the test display, so those are the root's
/// children, and only the app under test maps any).
struct MapWatch {
    first: std::sync::mpsc::Receiver<Instant>,
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

impl MapWatch {
    fn start() -> Self {
        use std::sync::atomic::{AtomicBool, Ordering};
        use x11rb::connection::Connection as _;
        use x11rb::protocol::xproto::{
            AtomEnum, ChangeWindowAttributesAux, ConnectionExt as _, EventMask,
        };
        use x11rb::protocol::Event;

        let (conn, screen) = x11rb::connect(None).expect("the test display");
        let root = conn.setup().roots[screen].root;
        conn.change_window_attributes(
            root,
            &ChangeWindowAttributesAux::new().event_mask(EventMask::SUBSTRUCTURE_NOTIFY),
        )
        .expect("ask for the display's map events")
        .check()
        .expect("watch the root window");
        let net_wm_pid = conn
            .intern_atom(false, b"_NET_WM_PID")
            .expect("ask for _NET_WM_PID")
            .reply()
            .expect("the _NET_WM_PID atom")
            .atom;
        let (tx, first) = std::sync::mpsc::channel();
        let stop = std::sync::Arc::new(AtomicBool::new(false));
        let stopped = stop.clone();
        std::thread::spawn(move || {
            while !stopped.load(Ordering::Relaxed) {
                match conn.poll_for_event() {
                    Ok(Some(Event::MapNotify(map))) => {
                        let at = Instant::now();
                        let has_pid = conn
                            .get_property(false, map.window, net_wm_pid, AtomEnum::CARDINAL, 0, 1)
                            .ok()
                            .and_then(|cookie| cookie.reply().ok())
                            .is_some_and(|reply| reply.value_len > 0);
                        if has_pid {
                            let _ = tx.send(at);
                            return;
                        }
                    }
                    Ok(Some(_)) => {}
                    Ok(None) => std::thread::sleep(Duration::from_millis(1)),
                    Err(_) => return,
                }
            }
        });
        Self { first, stop }
    }

    /// When the first app window was mapped, waiting up to `wait` for it.
    fn first(self, wait: Duration) -> Option<Instant> {
        let at = self.first.recv_timeout(wait).ok();
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        at
    }
}

/// One plain start of a window, observed.
#[derive(Debug, Clone, Copy, Default)]
pub struct Observed {
    /// D-Bus method calls to the Secret Service in the first 15 s.
    pub keychain_calls: usize,
    /// Of those, secret reads (GetSecret, GetSecrets).
    pub secret_reads: usize,
    /// The process tree's memory 5 s after start.
    pub memory: Memory,
    /// Percent of one core used between 15 s and 15 + `idle` s after start.
    pub idle_cpu: f64,
    /// Context switches per second of the whole process tree over the same time: wakeups.
    pub wakeups: f64,
}

/// An idle stretch measured: CPU (percent of one core) and wakeups per second.
#[derive(Debug, Clone, Copy, Default)]
pub struct Idle {
    pub cpu: f64,
    pub wakeups: f64,
}

/// Measures the tree of `pid` for `idle`: CPU and context switches, printed by process and
/// thread (the busiest) so a figure can be explained.
fn idle_of(pid: u32, idle: Duration, what: &str) -> Idle {
    let cpu_before = procs::cpu_snapshot(pid);
    let (_, threads_before) = procs::switches(pid);
    let idle_from = Instant::now();
    std::thread::sleep(idle);
    let cpu_after = procs::cpu_snapshot(pid);
    let (_, threads) = procs::switches(pid);
    let seconds = idle_from.elapsed().as_secs_f64();
    let (cpu_used, by_name) = procs::cpu_used(&cpu_before, &cpu_after);
    let mut shares: Vec<String> = by_name
        .iter()
        .map(|(name, used)| format!("{name} {:.3} %", used / seconds * 100.0))
        .collect();
    shares.sort();
    eprintln!("bench:   {what}: CPU by process: {}", shares.join(", "));
    // By thread name: a thread that ended meanwhile takes its switches with it, so each name's
    // growth is counted, not the difference of two totals.
    let woke_by: Vec<(f64, String)> = threads
        .iter()
        .map(|(name, n)| {
            let woke = n.saturating_sub(threads_before.get(name).copied().unwrap_or(0));
            (woke as f64 / seconds, name.clone())
        })
        .collect();
    let wakeups: f64 = woke_by.iter().map(|(rate, _)| rate).sum();
    let mut busiest: Vec<(f64, String)> = woke_by
        .into_iter()
        .filter(|(rate, _)| *rate >= 0.05)
        .collect();
    busiest.sort_by(|a, b| b.0.total_cmp(&a.0));
    let busiest: Vec<String> = busiest
        .iter()
        .take(8)
        .map(|(rate, name)| format!("{name} {rate:.2}/s"))
        .collect();
    eprintln!("bench:   {what}: wakeups by thread: {}", busiest.join(", "));
    Idle {
        cpu: cpu_used / seconds * 100.0,
        wakeups,
    }
}

/// Plugboard started at login with a tray on the desktop (`--in-tray`: its window stays hidden),
/// settled for 15 s, then measured for `idle`: the cost of living in the tray.
pub fn observe_in_tray(binary: &Path, env: &[(String, String)], idle: Duration) -> Idle {
    let host = plugboard_e2e::desktop::TrayHost::start();
    let mut app = start_with(binary, env, &["--in-tray"]);
    let _ = host.item();
    std::thread::sleep(Duration::from_secs(15));
    assert!(
        !plugboard_e2e::desktop::window_shown(),
        "the window stayed hidden in the tray"
    );
    let measured = idle_of(app.id(), idle, "in the tray");
    stop(&mut app);
    drop(host);
    measured
}

/// Starts `binary` with `env`, watches it for 15 + `idle` seconds, then ends it.
pub fn observe(binary: &Path, env: &[(String, String)], idle: Duration) -> Observed {
    let mut monitor = Command::new("dbus-monitor")
        .args([
            "--session",
            "type='method_call',destination='org.freedesktop.secrets'",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start dbus-monitor (package dbus-bin)");
    let lines = BufReader::new(monitor.stdout.take().expect("its output"));
    let counter = std::thread::spawn(move || {
        let (mut calls, mut reads) = (0, 0);
        for line in lines.lines().map_while(Result::ok) {
            if line.starts_with("method call") {
                calls += 1;
                if line.contains("member=GetSecret") {
                    reads += 1;
                }
            }
        }
        (calls, reads)
    });
    // dbus-monitor needs a moment to become a monitor.
    std::thread::sleep(Duration::from_millis(500));

    let started = Instant::now();
    let mut app = start(binary, env);
    let pid = app.id();
    sleep_until(started + Duration::from_secs(5));
    let memory = procs::memory(pid);
    sleep_until(started + Duration::from_secs(15));
    let _ = monitor.kill();
    let _ = monitor.wait();
    let (keychain_calls, secret_reads) = counter.join().unwrap_or((0, 0));

    let measured = idle_of(pid, idle, "window shown");
    stop(&mut app);
    Observed {
        keychain_calls,
        secret_reads,
        memory,
        idle_cpu: measured.cpu,
        wakeups: measured.wakeups,
    }
}

fn start(binary: &Path, env: &[(String, String)]) -> Child {
    start_with(binary, env, &[])
}

fn start_with(binary: &Path, env: &[(String, String)], args: &[&str]) -> Child {
    use std::os::unix::process::CommandExt;
    Command::new(binary)
        .args(args)
        .envs(env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap_or_else(|e| panic!("start {}: {e}", binary.display()))
}

/// Ends the app's whole process group (its WebKit processes with it).
fn stop(app: &mut Child) {
    let group = format!("-{}", app.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if matches!(app.try_wait(), Ok(Some(_))) {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = Command::new("kill")
        .args(["-KILL", "--", &group])
        .stderr(Stdio::null())
        .status();
    let _ = app.wait();
    wait_until_gone();
}

/// Waits until no Plugboard window holds its single-instance name (the next start would hand
/// over to it instead of starting).
fn wait_until_gone() {
    let deadline = Instant::now() + Duration::from_secs(15);
    while plugboard_e2e::app_instance_on_bus() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn sleep_until(at: Instant) {
    if let Some(left) = at.checked_duration_since(Instant::now()) {
        std::thread::sleep(left);
    }
}

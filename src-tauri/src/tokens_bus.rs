//! The D-Bus token service (`docs/dbus.md`): programs of the person's session ask the window
//! process for a connection's access token on the session bus, under the keychain service's name
//! (`dev.plugboard.desktop`; debug builds `….dev`, demo mode `….demo`), object
//! `/dev/plugboard/desktop`, interface `dev.plugboard.desktop.Tokens1`:
//! `ListConnections` (metadata, no consent), `GetAccessToken` (the person's consent, per program
//! and connection: [`crate::consent`]; the use case is the core's,
//! [`plugboard_core::service::Connections::token_for_program`]) and the signal
//! `ConnectionChanged`. The caller is named by the bus (`GetConnectionCredentials`: its user id,
//! its process id, and its process fd where the bus gives one) and read from `/proc`; a caller of
//! another user, a process that ended before it was read, and a program asking more than
//! [`PER_SECOND`] times a second are refused, and nothing changes.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use plugboard_core::grants::FileId;
use plugboard_core::i18n::t;
use plugboard_core::program::Program;
use plugboard_core::service::Refusal;
use tauri::{AppHandle, Manager};
use zbus::message::Header;
use zbus::object_server::SignalEmitter;

use crate::state::AppState;

/// The object the service is at.
pub const PATH: &str = "/dev/plugboard/desktop";
/// How many requests a second one program may make; more are refused (`Temporary`).
pub const PER_SECOND: usize = 5;

/// The service's errors: `dev.plugboard.desktop.Error.<Name>`, the person's words as message.
#[derive(Debug, zbus::DBusError)]
#[zbus(prefix = "dev.plugboard.desktop.Error")]
pub enum TokensError {
    #[zbus(error)]
    ZBus(zbus::Error),
    Denied(String),
    NotFound(String),
    ReconnectNeeded(String),
    KeychainLocked(String),
    Temporary(String),
}

impl From<Refusal> for TokensError {
    fn from(r: Refusal) -> Self {
        match r {
            Refusal::Denied(m) => Self::Denied(m),
            Refusal::NotFound(m) => Self::NotFound(m),
            Refusal::ReconnectNeeded(m) => Self::ReconnectNeeded(m),
            Refusal::KeychainLocked(m) => Self::KeychainLocked(m),
            Refusal::Temporary(m) => Self::Temporary(m),
        }
    }
}

struct Tokens {
    app: AppHandle,
    /// Each program's recent requests, for [`PER_SECOND`].
    recent: Mutex<HashMap<Program, Vec<Instant>>>,
}

/// One connection as `ListConnections` gives it: id, provider id, account label, name (or ""),
/// status code, expires-at (unix seconds, 0 = does not expire or unknown).
type Listed = (String, String, String, String, String, i64);

#[zbus::interface(name = "dev.plugboard.desktop.Tokens1")]
impl Tokens {
    /// Every connection's metadata: no token, no consent needed.
    async fn list_connections(&self) -> Result<Vec<Listed>, TokensError> {
        let state = self.app.state::<AppState>();
        let service = state
            .service()
            .map_err(|e| TokensError::Temporary(e.message))?;
        let views = service
            .list()
            .map_err(|e| TokensError::from(service.refusal(&e)))?;
        Ok(views
            .into_iter()
            .map(|v| {
                (
                    v.id.to_string(),
                    v.provider.clone(),
                    v.account.clone(),
                    v.name.clone().unwrap_or_default(),
                    status_code(&v),
                    v.expires_at.unwrap_or(0),
                )
            })
            .collect())
    }

    /// Connection `connection`'s access token (by id or name) and its expiry, with the person's
    /// consent; refreshed first when it would not last the caller's next minute.
    async fn get_access_token(
        &self,
        #[zbus(header)] header: Header<'_>,
        #[zbus(connection)] bus: &zbus::Connection,
        connection: String,
    ) -> Result<(String, i64), TokensError> {
        let (program, files) = caller(bus, &header).await?;
        self.throttle(&program)?;
        let service = {
            let state = self.app.state::<AppState>();
            state
                .service()
                .map_err(|e| TokensError::Temporary(e.message))?
        };
        let app = self.app.clone();
        let asking = program.clone();
        let asked_files = files.clone();
        let handed = service
            .token_for_program(&connection, &program, &files, move |c| async move {
                crate::consent::ask(&app, &asking, &asked_files, c).await
            })
            .await?;
        if handed.first_use {
            first_use(&self.app, &service, &program, &handed.connection);
        }
        Ok((handed.token.expose().to_string(), handed.expires_at))
    }

    /// A connection's state changed (refreshed, failed, connected, disconnected).
    #[zbus(signal)]
    async fn connection_changed(
        emitter: &SignalEmitter<'_>,
        id: &str,
        status: &str,
    ) -> zbus::Result<()>;
}

impl Tokens {
    /// Refuses a program that asked more than [`PER_SECOND`] times in the last second.
    fn throttle(&self, program: &Program) -> Result<(), TokensError> {
        let now = Instant::now();
        let mut recent = self.recent.lock().unwrap_or_else(|p| p.into_inner());
        let mine = recent.entry(program.clone()).or_default();
        mine.retain(|at| now.duration_since(*at) < Duration::from_secs(1));
        if mine.len() >= PER_SECOND {
            return Err(TokensError::Temporary(t(
                "shell-dbus-throttled",
                &[("program", program.describe().into())],
            )));
        }
        mine.push(now);
        Ok(())
    }
}

/// "sync.py used HubSpot · ana@…": a program took a connection's token for the first time (unless
/// the person turned these notifications off). Provider, account and program names only.
fn first_use(
    app: &AppHandle,
    service: &plugboard_core::service::Connections,
    program: &Program,
    c: &plugboard_core::service::ConnectionView,
) {
    if !app
        .state::<AppState>()
        .preferences
        .get()
        .program_notifications
    {
        return;
    }
    let name = program.short_name();
    let provider = service.provider_name(&c.provider);
    let account = plugboard_core::safe_text::escape(&c.account).into_owned();
    let message = plugboard_core::attention::Message::new(
        t(
            "notification-program-first-use",
            &[
                ("program", name.into()),
                ("provider", provider.into()),
                ("account", account.into()),
            ],
        ),
        t(
            "notification-program-first-use-body",
            &[("program", program.describe().into())],
        ),
        Some(c.id.clone()),
    );
    crate::attention::send(app, message, false);
}

/// A connection's status as a code for programs: `connected`, `expiring`, `refreshing`,
/// `retrying`, `reconnect_needed`, `keychain_locked`…: the core's health, as the status JSON
/// names it.
fn status_code(v: &plugboard_core::service::ConnectionView) -> String {
    serde_json::to_value(v.live.health)
        .ok()
        .and_then(|s| s.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The program that sent `header`'s call: its user must be ours, its process still there.
async fn caller(
    bus: &zbus::Connection,
    header: &Header<'_>,
) -> Result<(Program, FileId), TokensError> {
    let refused = |why: &str| {
        TokensError::Denied(t(
            "shell-dbus-caller-unknown",
            &[("why", why.to_string().into())],
        ))
    };
    let sender = header.sender().ok_or_else(|| refused("no sender"))?;
    let dbus = zbus::fdo::DBusProxy::new(bus).await?;
    let credentials = dbus
        .get_connection_credentials(sender.clone().into())
        .await
        .map_err(|e| refused(&e.to_string()))?;
    let me = rustix::process::getuid().as_raw();
    if credentials.unix_user_id() != Some(me) {
        return Err(TokensError::Denied(t("shell-dbus-other-user", &[])));
    }
    let pid = credentials
        .process_id()
        .ok_or_else(|| refused("no process id"))?;
    let program = Program::of_process(pid).ok_or_else(|| refused("the process ended"))?;
    // Where the bus gives the caller's process fd, the process read is still the caller (its id
    // was not reused meanwhile).
    if let Some(fd) = credentials.process_fd() {
        use std::os::fd::AsRawFd;
        let info = std::fs::read_to_string(format!("/proc/self/fdinfo/{}", fd.as_raw_fd()))
            .unwrap_or_default();
        let same = info
            .lines()
            .find_map(|l| l.strip_prefix("Pid:"))
            .is_some_and(|p| p.trim() == pid.to_string());
        if !same {
            return Err(refused("the process ended"));
        }
    }
    let files = FileId::of_process(pid, &program);
    Ok((program, files))
}

/// Serves the token service on the session bus under `name` (the keychain service's name), for
/// as long as the app runs; a bus that cannot be reached, or a name another process holds, is
/// logged and the service left out.
pub fn serve(app: &AppHandle, name: String) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let tokens = Tokens {
            app: app.clone(),
            recent: Mutex::default(),
        };
        let built = async {
            zbus::connection::Builder::session()?
                .name(name.as_str())?
                .serve_at(PATH, tokens)?
                .build()
                .await
        }
        .await;
        match built {
            Ok(connection) => {
                log::info!("the token service is on the session bus as {name}");
                say_changes(&app, connection.clone());
                let _ = app.state::<BusSlot>().0.set(connection);
            }
            Err(e) => log::warn!("no token service on the session bus ({name}): {e}"),
        }
    });
}

/// The token service's bus connection, once it serves (kept for the app's life; signals go out
/// on it).
#[derive(Default)]
pub struct BusSlot(pub std::sync::OnceLock<zbus::Connection>);

/// Says on the bus which connections changed (`ConnectionChanged`), from the page's change events
/// ([`crate::events::CHANGED_EVENT`]): each connection named, and each that appeared or went away
/// since the last (a disconnect says `disconnected`).
fn say_changes(app: &AppHandle, bus: zbus::Connection) {
    use tauri::Listener;
    let known: Mutex<BTreeSet<String>> = Mutex::new(statuses(app).into_keys().collect());
    let handle = app.clone();
    app.listen(crate::events::CHANGED_EVENT, move |event| {
        let payload: serde_json::Value = serde_json::from_str(event.payload()).unwrap_or_default();
        let mut ids: BTreeSet<String> = payload["ids"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i.as_str().map(str::to_string))
            .collect();
        // One look at the index for every connection the change concerns.
        let now = statuses(&handle);
        {
            let mut known = known.lock().unwrap_or_else(|p| p.into_inner());
            let ids_now: BTreeSet<String> = now.keys().cloned().collect();
            ids.extend(known.symmetric_difference(&ids_now).cloned());
            *known = ids_now;
        }
        let said: Vec<(String, String)> = ids
            .into_iter()
            .map(|id| {
                let status = now
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| "disconnected".to_string());
                (id, status)
            })
            .collect();
        let bus = bus.clone();
        tauri::async_runtime::spawn(async move {
            let Ok(emitter) = SignalEmitter::new(&bus, PATH) else {
                return;
            };
            for (id, status) in said {
                if let Err(e) = Tokens::connection_changed(&emitter, &id, &status).await {
                    log::info!("ConnectionChanged not said on the bus: {e}");
                }
            }
        });
    });
}

/// Every connection's status code, by id.
fn statuses(app: &AppHandle) -> BTreeMap<String, String> {
    app.state::<AppState>()
        .service()
        .ok()
        .and_then(|s| s.list().ok())
        .unwrap_or_default()
        .iter()
        .map(|v| (v.id.to_string(), status_code(v)))
        .collect()
}

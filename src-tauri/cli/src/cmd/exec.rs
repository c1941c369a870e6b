//! `plugboard exec <connection>… [--env NAME]… [--live] [--mask] -- command args…`: runs a
//! command with each connection's access token in its environment (`HUBSPOT_ACCESS_TOKEN`, or
//! the name given), refreshed first when it would not last a minute — and, with `--live`, kept
//! fresh for as long as the command runs in a `0600` file under `$XDG_RUNTIME_DIR` (named in
//! `<NAME>_FILE`, and in `PLUGBOARD_TOKEN_FILE` for one connection), replaced atomically before
//! each expiry and removed when the command ends. `--mask` passes the command's output and errors
//! through with every token handed out written `••••`.
//!
//! The command is the program the record names ([`plugboard_core::audit`], door `exec`): each
//! token handed to it, the first and each live one, is recorded. Its standard input is its own;
//! its exit status is this command's (a command ended by a signal exits 128 + the signal, as a
//! shell says it). Stop signals sent to `plugboard` (`kill`, a closed terminal) go on to the
//! command; Ctrl-C typed in the terminal reaches the command by itself (the terminal sends it to
//! both) and is not sent twice.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use plugboard_core::audit::Door;
use plugboard_core::connection::ConnectionId;
use plugboard_core::i18n::t;
use plugboard_core::lifetime::{self, Expiry};
use plugboard_core::program::Program;
use plugboard_core::service::{ConnectionView, Connections};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::failure::{exit, fail, Failure};
use crate::resolve;
use crate::term::Term;

/// A token is refreshed when it would not last this many seconds (capped at half its lifetime).
const MIN_VALID: i64 = 60;
/// After a failed live refresh, the next try (seconds).
const RETRY_AFTER: u64 = 10;
/// The command's process id while it is being started (its id not yet known).
const STARTING: u32 = u32::MAX;
/// What a token is written as in masked output.
const MASK: &str = "••••";
/// The exit status of a command that could not be found or run, as a shell gives it.
const NOT_FOUND: i32 = 127;
const NOT_RUN: i32 = 126;

// `plugboard exec`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct ExecArgs {
    /// The connections whose tokens the command gets (each as in every command).
    #[arg(required = true, num_args = 1.., value_name = "CONNECTION")]
    pub connections: Vec<String>,
    /// The variable holding a connection's token, once per connection in their order (default
    /// <PROVIDER>_ACCESS_TOKEN, e.g. HUBSPOT_ACCESS_TOKEN)
    #[arg(long = "env", value_name = "NAME")]
    pub env: Vec<String>,
    /// Also keep each token fresh in a file (0600, under $XDG_RUNTIME_DIR) named in <NAME>_FILE
    /// (and PLUGBOARD_TOKEN_FILE for one connection) while the command runs
    #[arg(long)]
    pub live: bool,
    /// Write every token handed out as •••• in the command's output and errors
    #[arg(long)]
    pub mask: bool,
    /// The command to run and its arguments, after `--`
    #[arg(last = true, required = true, value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// One connection's token as the command gets it.
struct Handed {
    id: ConnectionId,
    provider: String,
    /// `--live`: the file it is kept fresh in, removed when this is dropped (the command ended,
    /// or a later connection's token could not be had).
    file: Option<PathBuf>,
}

impl Drop for Handed {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            let _ = std::fs::remove_file(file);
        }
    }
}

pub async fn run(
    service: &Connections,
    args: ExecArgs,
    term: &mut Term<'_>,
) -> Result<i32, Failure> {
    // From now on stop signals wait for a refresh being saved, then end this process (no command
    // yet) or go on to the command (see [`forward_signals`]).
    let child = Arc::new(AtomicU32::new(0));
    let forwarding = forward_signals(Arc::clone(&child));
    let ran = run_with(service, args, term, &child).await;
    if let Some(handle) = forwarding {
        handle.close();
    }
    ran
}

async fn run_with(
    service: &Connections,
    args: ExecArgs,
    term: &mut Term<'_>,
    child: &AtomicU32,
) -> Result<i32, Failure> {
    let views = args
        .connections
        .iter()
        .map(|c| resolve::connection(service, c))
        .collect::<Result<Vec<_>, _>>()?;
    let variables = variables(&views, &args.env)?;
    let program = program_of(&args.command)?;
    // Everything the command and its masking need, each token handed out once.
    let secrets: Arc<Mutex<Vec<String>>> = Arc::default();
    let mut handed = Vec::new();
    let mut env: Vec<(String, String)> = Vec::new();
    let live_dir = if args.live { Some(live_dir()?) } else { None };
    for (i, (view, variable)) in views.iter().zip(&variables).enumerate() {
        let token = fresh_token(service, view, &program, term).await?;
        let file = live_dir
            .as_ref()
            .map(|dir| dir.join(format!("exec-{}-{i}.token", std::process::id())));
        handed.push(Handed {
            id: view.id.clone(),
            provider: view.provider.clone(),
            file: file.clone(),
        });
        if let Some(file) = file {
            write_token(&file, &token).map_err(|e| no_file(&file, &e))?;
            env.push((format!("{variable}_FILE"), file.display().to_string()));
        }
        env.push((variable.clone(), token.clone()));
        remember(&secrets, token);
    }
    if let [one] = &handed[..] {
        if let Some(file) = &one.file {
            env.push(("PLUGBOARD_TOKEN_FILE".into(), file.display().to_string()));
        }
    }
    run_command(service, &args, &program, &env, &handed, &secrets, child).await
}

/// Each connection's variable: the one given with `--env` in order, else `<PROVIDER>_ACCESS_TOKEN`.
fn variables(views: &[ConnectionView], given: &[String]) -> Result<Vec<String>, Failure> {
    if given.len() > views.len() {
        return Err(Failure::new(exit::USAGE, t("cli-exec-too-many-env", &[])));
    }
    let mut names = Vec::new();
    for (i, view) in views.iter().enumerate() {
        let name = match given.get(i) {
            Some(name) => name.clone(),
            None => format!("{}_ACCESS_TOKEN", env_word(&view.provider)),
        };
        if !is_variable_name(&name) {
            return Err(Failure::new(
                exit::USAGE,
                t(
                    "cli-exec-bad-env",
                    &[(
                        "name",
                        plugboard_core::safe_text::escape(&name).into_owned().into(),
                    )],
                ),
            ));
        }
        if names.contains(&name) {
            return Err(Failure::new(
                exit::USAGE,
                t("cli-exec-same-env", &[("name", name.into())]),
            ));
        }
        names.push(name);
    }
    Ok(names)
}

/// A provider id as a variable's word: `hubspot` → `HUBSPOT`, `my-crm` → `MY_CRM`.
fn env_word(provider: &str) -> String {
    provider
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

fn is_variable_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The program the command is, for the record: found as the shell finds it (`PATH`).
fn program_of(command: &[String]) -> Result<Program, Failure> {
    let name = &command[0];
    let path = find_in_path(name).ok_or_else(|| {
        Failure::new(
            NOT_FOUND,
            t(
                "cli-exec-not-found",
                &[(
                    "command",
                    plugboard_core::safe_text::escape(name).into_owned().into(),
                )],
            ),
        )
    })?;
    let exe = std::fs::canonicalize(&path).unwrap_or(path);
    let cwd = std::env::current_dir().ok();
    Ok(Program::from_parts(&exe, command, cwd.as_deref()))
}

fn find_in_path(name: &str) -> Option<PathBuf> {
    if name.contains('/') {
        return Some(PathBuf::from(name)).filter(|p| p.is_file());
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| is_executable(p))
    })
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// The folder of live token files: `$XDG_RUNTIME_DIR/plugboard` (the login's own, in memory).
fn live_dir() -> Result<PathBuf, Failure> {
    let runtime = std::env::var_os("XDG_RUNTIME_DIR")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .ok_or_else(|| Failure::new(exit::FAILURE, t("cli-exec-no-runtime-dir", &[])))?;
    Ok(runtime.join("plugboard"))
}

fn write_token(file: &Path, token: &str) -> std::io::Result<()> {
    plugboard_core::files::write_private(file, token.as_bytes())
}

fn no_file(file: &Path, e: &std::io::Error) -> Failure {
    Failure::new(
        exit::FAILURE,
        t(
            "cli-exec-no-file",
            &[
                ("file", file.display().to_string().into()),
                ("error", e.to_string().into()),
            ],
        ),
    )
}

/// Whether `token` was handed to the command already (its first, or a live one).
fn handed_before(secrets: &Mutex<Vec<String>>, token: &str) -> bool {
    secrets
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .iter()
        .any(|s| s == token)
}

fn remember(secrets: &Mutex<Vec<String>>, token: String) {
    let mut s = secrets.lock().unwrap_or_else(|p| p.into_inner());
    if !s.contains(&token) {
        s.push(token);
    }
}

/// The connection's token, refreshed first when it would not last [`MIN_VALID`], handed to
/// `program` (recorded). A provider briefly down with a token that still works: the token, and a
/// warning.
async fn fresh_token(
    service: &Connections,
    view: &ConnectionView,
    program: &Program,
    term: &mut Term<'_>,
) -> Result<String, Failure> {
    super::token::fresh_enough(service, view, MIN_VALID, term).await?;
    let material = service
        .hand_out(&view.id, Door::Exec, "access", program)
        .await
        .map_err(|e| fail(service, &view.provider, e))?;
    Ok(material.access_token.expose().to_string())
}

/// Runs the command to its end: its environment, stop signals passed on, live tokens kept fresh,
/// output masked. Its exit status.
async fn run_command(
    service: &Connections,
    args: &ExecArgs,
    program: &Program,
    env: &[(String, String)],
    handed: &[Handed],
    secrets: &Arc<Mutex<Vec<String>>>,
    child_pid: &AtomicU32,
) -> Result<i32, Failure> {
    let mut command = tokio::process::Command::new(&args.command[0]);
    command.args(&args.command[1..]).envs(env.iter().cloned());
    if args.mask {
        command
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
    }
    // A stop signal from now on is for the command: one that comes while it is being started
    // waits for its process id (see [`forward_signals`]).
    child_pid.store(STARTING, Ordering::SeqCst);
    let spawned = command.spawn();
    if spawned.is_err() {
        child_pid.store(0, Ordering::SeqCst);
    }
    let mut child = spawned.map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            NOT_FOUND
        } else {
            NOT_RUN
        };
        Failure::new(
            code,
            t(
                "cli-exec-not-run",
                &[
                    ("command", program.describe().into()),
                    ("error", e.to_string().into()),
                ],
            ),
        )
    })?;
    child_pid.store(child.id().unwrap_or_default(), Ordering::SeqCst);
    let mut pumps = Vec::new();
    if args.mask {
        if let Some(out) = child.stdout.take() {
            pumps.push(tokio::spawn(pump(
                out,
                tokio::io::stdout(),
                Arc::clone(secrets),
            )));
        }
        if let Some(err) = child.stderr.take() {
            pumps.push(tokio::spawn(pump(
                err,
                tokio::io::stderr(),
                Arc::clone(secrets),
            )));
        }
    }
    let status = if args.live {
        // Ended at a safe point only: a refresh under way when the command ends is finished
        // (a provider that rotates refresh tokens must not lose the new one), then it stops.
        let (stop, stopped) = tokio::sync::watch::channel(false);
        let keep = keep_fresh(service, handed, program, secrets, stopped);
        tokio::pin!(keep);
        let status = tokio::select! {
            status = child.wait() => status,
            () = &mut keep => unreachable!("keeping tokens fresh ends only when told"),
        };
        let _ = stop.send(true);
        keep.await;
        status
    } else {
        child.wait().await
    };
    for p in pumps {
        let _ = p.await;
    }
    let status = status.map_err(|e| {
        Failure::new(
            exit::FAILURE,
            t("cli-exec-lost", &[("error", e.to_string().into())]),
        )
    })?;
    use std::os::unix::process::ExitStatusExt;
    Ok(match (status.code(), status.signal()) {
        (Some(code), _) => code,
        (None, Some(signal)) => 128 + signal,
        _ => exit::FAILURE,
    })
}

/// Passes stop signals sent to this process on to the command (process `child`, once it runs)
/// until the handle is closed. Ctrl-C and Ctrl-\ typed in the terminal reach the command by
/// themselves (the terminal signals its whole foreground group): only those a process sent are
/// passed on. Before the command runs, a stop signal waits for a refresh being saved
/// ([`plugboard_core::custody`]), then ends this process as it would have.
fn forward_signals(child: Arc<AtomicU32>) -> Option<signal_hook::iterator::Handle> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};
    use signal_hook::iterator::exfiltrator::WithOrigin;
    let mut signals = signal_hook::iterator::SignalsInfo::<WithOrigin>::new([
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
    ])
    .ok()?;
    let handle = signals.handle();
    std::thread::Builder::new()
        .name("exec-signals".into())
        .spawn(move || {
            for origin in signals.forever() {
                let mut pid = child.load(Ordering::SeqCst);
                // Being started: its id comes as soon as the process exists.
                for _ in 0..1000 {
                    if pid != STARTING {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(1));
                    pid = child.load(Ordering::SeqCst);
                }
                if pid == 0 || pid == STARTING {
                    plugboard_core::custody::wait_idle(Duration::from_secs(30));
                    let _ = signal_hook::low_level::emulate_default_handler(origin.signal);
                    std::process::exit(128 + origin.signal);
                }
                let from_terminal = origin.process.is_none();
                if from_terminal && matches!(origin.signal, SIGINT | SIGQUIT) {
                    continue;
                }
                let pid = rustix::process::Pid::from_raw(pid as i32);
                let signal = rustix::process::Signal::from_named_raw(origin.signal);
                if let (Some(pid), Some(signal)) = (pid, signal) {
                    let _ = rustix::process::kill_process(pid, signal);
                }
            }
        })
        .ok()?;
    Some(handle)
}

/// Keeps each connection's live file fresh: refreshed and replaced before each expiry, for as long
/// as the command runs, until `stopped` says so. A failure is said on standard error and tried
/// again.
async fn keep_fresh(
    service: &Connections,
    handed: &[Handed],
    program: &Program,
    secrets: &Arc<Mutex<Vec<String>>>,
    mut stopped: tokio::sync::watch::Receiver<bool>,
) {
    let mut next: Vec<i64> = handed.iter().map(|_| 0).collect();
    loop {
        let now = lifetime::unix_now();
        for (i, h) in handed.iter().enumerate() {
            if next[i] > now {
                continue;
            }
            next[i] = match renew(service, h, program, secrets).await {
                Ok(at) => at,
                Err(message) => {
                    eprintln!("{message}");
                    now + RETRY_AFTER as i64
                }
            };
            if *stopped.borrow() {
                return;
            }
        }
        let wake = next.iter().copied().min().unwrap_or(now + 3_600);
        let wait = (wake - lifetime::unix_now()).clamp(1, 3_600) as u64;
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(wait)) => {}
            _ = stopped.changed() => return,
        }
    }
}

/// Makes sure `h`'s token lasts, writes it to its file if it changed, and says when to look
/// again (unix seconds): when it would no longer last [`MIN_VALID`] (or half its lifetime).
async fn renew(
    service: &Connections,
    h: &Handed,
    program: &Program,
    secrets: &Arc<Mutex<Vec<String>>>,
) -> Result<i64, String> {
    let view = service
        .ensure_fresh(&h.id, MIN_VALID)
        .await
        .map_err(|e| fail(service, &h.provider, e).message)?;
    let now = lifetime::unix_now();
    let file = h.file.as_ref().expect("live files");
    let material = service
        .token_material(&h.id)
        .await
        .map_err(|e| fail(service, &h.provider, e).message)?;
    let token = material.access_token.expose();
    if !handed_before(secrets, token) {
        // A new token leaves Plugboard: written for the command, then recorded as the first one
        // was (a write that fails is tried again, the token not yet handed out).
        write_token(file, token).map_err(|e| no_file(file, &e).message)?;
        remember(secrets, token.to_string());
        service.record_handed(&h.id, Door::Exec, "access", program);
    }
    Ok(match (view.live.expiry, view.expires_at) {
        (Expiry::At(_), Some(expires_at)) => {
            let lifetime = (expires_at - view.obtained_at).max(2);
            (expires_at - MIN_VALID.min(lifetime / 2)).max(now + 1)
        }
        _ => now + 3_600,
    })
}

/// Copies `from` to `to`, writing every token in `secrets` as [`MASK`]. A token split across two
/// reads is still found: the end of a read that could begin one waits for the next.
async fn pump(
    mut from: impl tokio::io::AsyncRead + Unpin,
    mut to: impl tokio::io::AsyncWrite + Unpin,
    secrets: Arc<Mutex<Vec<String>>>,
) {
    let mut pending = Vec::new();
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        let n = from.read(&mut buf).await.unwrap_or(0);
        let now: Vec<Vec<u8>> = secrets
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        let out = mask(&mut pending, &buf[..n], &now, n == 0);
        if to.write_all(&out).await.is_err() || to.flush().await.is_err() {
            return;
        }
        if n == 0 {
            return;
        }
    }
}

/// `pending` + `incoming` with every secret written [`MASK`]; what could still begin a secret is
/// kept in `pending` unless `end`.
pub fn mask(pending: &mut Vec<u8>, incoming: &[u8], secrets: &[Vec<u8>], end: bool) -> Vec<u8> {
    pending.extend_from_slice(incoming);
    let secrets: Vec<&Vec<u8>> = secrets.iter().filter(|s| !s.is_empty()).collect();
    let mut out = Vec::with_capacity(pending.len());
    let mut i = 0;
    while i < pending.len() {
        let rest = &pending[i..];
        if let Some(s) = secrets.iter().find(|s| rest.starts_with(s)) {
            out.extend_from_slice(MASK.as_bytes());
            i += s.len();
            continue;
        }
        if !end
            && secrets
                .iter()
                .any(|s| s.len() > rest.len() && s.starts_with(rest))
        {
            break;
        }
        out.push(pending[i]);
        i += 1;
    }
    pending.drain(..i);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_is_masked_even_split_across_reads() {
        let secrets = vec![b"at-123456".to_vec()];
        let mut pending = Vec::new();
        let mut out = mask(&mut pending, b"token=at-12", &secrets, false);
        assert_eq!(out, b"token=");
        out.extend(mask(&mut pending, b"3456 and at-1", &secrets, false));
        out.extend(mask(&mut pending, b"", &secrets, true));
        assert_eq!(String::from_utf8(out).unwrap(), "token=•••• and at-1");
    }

    #[test]
    fn variables_are_named_after_providers_and_checked() {
        assert_eq!(env_word("hubspot"), "HUBSPOT");
        assert_eq!(env_word("my-crm"), "MY_CRM");
        assert!(is_variable_name("HUBSPOT_ACCESS_TOKEN"));
        assert!(!is_variable_name("1X"));
        assert!(!is_variable_name("A-B"));
        assert!(!is_variable_name(""));
    }
}

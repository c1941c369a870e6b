/*!
`plugboard` on the command line: the same binary as the window, the same core, keychain, index and
provider file (opened by `plugboard_core::setup`, as the window opens them), so a connection made in
one is seen by the other and a refresh in one is not repeated by the other (the core's refresh lock
works across processes).

[`mode`] decides: no arguments (or only flags a WebDriver adds) ⇒ the window; a `dev.plugboard.desktop:`
URL ⇒ the window, which hands the link to a running instance; anything else ⇒ a subcommand. This
module never starts Tauri or GTK, so it works over SSH and in scripts.

Contract (documented in `docs/cli.md`): results on stdout, progress and errors on stderr in plain
words, `--json` documents with a `schema` number, and these exit codes:
0 ok · 1 other failure · 2 usage or bad input · 3 reconnect needed · 4 keychain locked or unavailable ·
5 provider or network temporarily failing · 6 not found.
*/

mod output;

use std::collections::HashMap;
use std::ffi::OsString;
use std::io::{BufRead, IsTerminal, Write};

use clap::{Parser, Subcommand, ValueEnum};
use plugboard_core::catalogue::{MethodKind, RedirectMode};
use plugboard_core::error::{ErrorCode, UserError};
use plugboard_core::secret::SecretString;
use plugboard_core::service::{ConnectionView, Connections, ServiceError};
use plugboard_core::setup::{self, Paths};

/// Exit codes (documented; tests pin them).
pub mod exit {
    pub const OK: i32 = 0;
    pub const FAILURE: i32 = 1;
    pub const USAGE: i32 = 2;
    pub const RECONNECT: i32 = 3;
    pub const KEYCHAIN: i32 = 4;
    pub const TEMPORARY: i32 = 5;
    pub const NOT_FOUND: i32 = 6;
}

/// `plugboard token` refreshes first when the token has less than this many seconds left.
const TOKEN_MIN_SECONDS: i64 = 60;

/// What a launch is for.
#[derive(Debug, PartialEq, Eq)]
pub enum Mode {
    Window,
    Cli,
}

/// The window for no arguments, a deep link, or only `-`-flags (WebKitWebDriver and desktop
/// launchers add some); the command line for anything else (a typo gets a usage error, not a
/// window), including flags followed by a subcommand's name (`plugboard --json status`).
pub fn mode(args: &[OsString]) -> Mode {
    let Some(first) = args.get(1).and_then(|a| a.to_str()) else {
        return if args.len() > 1 {
            Mode::Cli
        } else {
            Mode::Window
        };
    };
    let link = first
        .to_ascii_lowercase()
        .starts_with(&format!("{}:", plugboard_core::deeplink::SCHEME));
    let help = matches!(first, "-h" | "--help" | "-V" | "--version");
    let names_a_command = args.iter().skip(1).any(|a| {
        a.to_str().is_some_and(|a| {
            <Cli as clap::CommandFactory>::command()
                .get_subcommands()
                .any(|c| c.get_name() == a)
        })
    });
    if link || (first.starts_with('-') && !help && !names_a_command) {
        Mode::Window
    } else {
        Mode::Cli
    }
}

const AFTER_HELP: &str = "\
Run `plugboard` with no arguments to open the window.

<connection> is a connection id (see `plugboard status`), or a provider id when that provider has
exactly one connection.

Exit codes: 0 ok, 1 other failure, 2 usage or bad input, 3 reconnect needed, 4 keychain locked or
unavailable, 5 provider or network temporarily failing, 6 not found.";

#[derive(Parser, Debug)]
#[command(
    name = "plugboard",
    version,
    about = "Connect business accounts and use their tokens from a shell.",
    after_help = AFTER_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the providers Plugboard knows: methods, redirect URI to register, app credentials.
    Providers {
        /// Print the stable JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List every connection: account, status, expiry, scopes.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Connect an account. Browser sign-ins come back to a loopback listener on 127.0.0.1;
    /// keys and client secrets are read from standard input (or a hidden prompt).
    Connect(ConnectArgs),
    /// Refresh a connection's token now.
    Refresh {
        connection: String,
        #[arg(long)]
        json: bool,
    },
    /// Disconnect: revoke at the provider where it can, then forget the tokens here.
    Disconnect {
        connection: String,
        #[arg(long)]
        json: bool,
    },
    /// Print the access token (refreshed first if it expires within 60 s), for `curl` and scripts.
    Token {
        connection: String,
        /// Print the `Authorization: …` header line instead.
        #[arg(long, conflicts_with = "curl")]
        header: bool,
        /// Print a curl command that calls the provider's identity or check endpoint.
        #[arg(long)]
        curl: bool,
    },
}

#[derive(clap::Args, Debug)]
struct ConnectArgs {
    /// A provider id from `plugboard providers`.
    provider: String,
    /// How to connect; the provider's default when omitted.
    #[arg(long, value_enum)]
    method: Option<MethodArg>,
    /// Print the sign-in address instead of opening a browser. With a browser on another machine,
    /// paste the address it ends on (an error page on 127.0.0.1 is fine) back here.
    #[arg(long)]
    no_browser: bool,
    /// Client credentials: the client id (the secret is read from standard input).
    #[arg(long, value_name = "ID")]
    client_id: Option<String>,
    /// Client credentials: the environment (e.g. production, sandbox).
    #[arg(long, value_name = "ENV")]
    environment: Option<String>,
    /// API keys: a field's value, e.g. `--field token=abc`. Fields not given are read from
    /// standard input, one per line (secret fields: better there than in your shell history).
    #[arg(long = "field", value_name = "ID=VALUE")]
    fields: Vec<String>,
    /// Print the new connection as JSON.
    #[arg(long)]
    json: bool,
}

/// Spelled as `plugboard providers` and the JSON spell method kinds (`api_key`); the kebab-case
/// spelling clap would use (`api-key`) is accepted too.
#[derive(Clone, Copy, Debug, ValueEnum)]
#[value(rename_all = "snake_case")]
enum MethodArg {
    #[value(alias = "authorization-code")]
    AuthorizationCode,
    #[value(alias = "client-credentials")]
    ClientCredentials,
    #[value(alias = "api-key")]
    ApiKey,
}

impl MethodArg {
    fn kind(self) -> MethodKind {
        match self {
            MethodArg::AuthorizationCode => MethodKind::AuthorizationCode,
            MethodArg::ClientCredentials => MethodKind::ClientCredentials,
            MethodArg::ApiKey => MethodKind::ApiKey,
        }
    }
}

/// A failure as the person reads it, with its exit code.
#[derive(Debug)]
struct Failure {
    exit: i32,
    message: String,
}

impl Failure {
    fn new(exit: i32, message: impl Into<String>) -> Self {
        Self {
            exit,
            message: message.into(),
        }
    }
}

impl From<UserError> for Failure {
    fn from(e: UserError) -> Self {
        Self::new(exit_code(e.code), e.message)
    }
}

/// The documented exit code of an error code.
fn exit_code(code: ErrorCode) -> i32 {
    use ErrorCode as C;
    match code {
        C::ReconnectNeeded => exit::RECONNECT,
        C::KeychainLocked | C::KeychainUnavailable | C::KeychainRejected => exit::KEYCHAIN,
        C::ProviderUnavailable => exit::TEMPORARY,
        C::UnknownProvider | C::UnknownConnection => exit::NOT_FOUND,
        C::InvalidInput => exit::USAGE,
        _ => exit::FAILURE,
    }
}

/// Runs a command line and returns the process's exit code.
pub fn main(args: Vec<OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                exit::USAGE
            } else {
                exit::OK
            };
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("Plugboard could not start: {e}");
            return exit::FAILURE;
        }
    };
    let result = runtime.block_on(run(cli.command));
    // Do not wait for blocking work still running (a stdin read for a pasted address that the
    // browser made unnecessary, a keychain call that timed out): the process is done.
    runtime.shutdown_background();
    match result {
        Ok(()) => exit::OK,
        Err(f) => {
            eprintln!("{}", f.message);
            f.exit
        }
    }
}

fn open() -> Result<Connections, Failure> {
    if crate::state::demo_requested() {
        return Err(Failure::new(
            exit::USAGE,
            "Demo mode (PLUGBOARD_DEMO=1) is for the window only: its simulator lives inside the window's process. Unset PLUGBOARD_DEMO to use the command line.",
        ));
    }
    let opened = setup::open(&Paths::standard()?, None);
    if let Some(problem) = &opened.file_problem {
        eprintln!("Warning: {problem}");
    }
    Ok(opened.connections?)
}

/// A core error in the person's words, naming the provider. Words written for the window's
/// buttons are said the command line's way.
fn fail(service: &Connections, provider: &str, e: ServiceError) -> Failure {
    let name = service.provider_name(provider);
    let user = e.to_user(&name);
    if user.code == ErrorCode::MissingCredentials {
        let var = provider.to_ascii_uppercase().replace('-', "_");
        return Failure::new(
            exit::FAILURE,
            format!(
                "{name} needs app credentials (a client id, and a secret unless it is a public client) before you can sign in. \
                 Set PLUGBOARD_{var}_CLIENT_ID and PLUGBOARD_{var}_CLIENT_SECRET, add [credentials.{provider}] to providers.toml, \
                 or save them in the window's Setup details."
            ),
        );
    }
    user.into()
}

fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`plugboard status | head -1`) is not an error worth a message.
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::new(
            exit::FAILURE,
            format!("Could not write the output: {e}"),
        )),
        _ => Ok(()),
    }
}

fn json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).expect("output documents serialize");
    print(&format!("{text}\n"))
}

async fn run(command: Command) -> Result<(), Failure> {
    let service = open()?;
    match command {
        Command::Providers { json: as_json } => {
            let doc = output::providers(&service);
            if as_json {
                json(&doc)
            } else {
                print(&output::providers_text(&doc))
            }
        }
        Command::Status { json: as_json } => {
            // Ask whether the keychain is locked (never prompts), so statuses say so.
            let _ = service.probe_keychain().await;
            let views = service.list().map_err(|e| fail(&service, "", e))?;
            let doc = output::StatusDoc {
                schema: output::SCHEMA,
                keychain: service.keychain_state(),
                connections: views
                    .iter()
                    .map(|c| output::connection(&service, c))
                    .collect(),
            };
            if as_json {
                json(&doc)
            } else {
                print(&output::status_text(&doc))
            }
        }
        Command::Refresh {
            connection,
            json: as_json,
        } => {
            let c = resolve(&service, &connection)?;
            let view = service
                .refresh(c.id.as_str())
                .await
                .map_err(|e| fail(&service, &c.provider, e))?;
            connection_out(&service, &view, "Refreshed", as_json)
        }
        Command::Disconnect {
            connection,
            json: as_json,
        } => {
            let c = resolve(&service, &connection)?;
            let (provider, report) = service
                .disconnect(c.id.as_str())
                .await
                .map_err(|e| fail(&service, &c.provider, e))?;
            let doc = output::DisconnectDoc {
                schema: output::SCHEMA,
                id: c.id.to_string(),
                provider: provider.clone(),
                report,
            };
            if as_json {
                json(&doc)
            } else {
                print(&output::disconnect_text(
                    &service.provider_name(&provider),
                    &doc,
                ))
            }
        }
        Command::Token {
            connection,
            header,
            curl,
        } => token(&service, &connection, header, curl).await,
        Command::Connect(args) => connect(&service, args).await,
    }
}

/// A connection by id, or by provider id when that provider has exactly one.
fn resolve(service: &Connections, arg: &str) -> Result<ConnectionView, Failure> {
    let internal = |e: ServiceError| fail(service, "", e);
    if let Some(c) = service.get(arg).map_err(internal)? {
        return Ok(c);
    }
    let Ok(provider) = service.provider(arg) else {
        return Err(Failure::new(
            exit::NOT_FOUND,
            format!("There is no connection or provider called “{arg}”. See `plugboard status` for connection ids."),
        ));
    };
    let mut of_provider: Vec<ConnectionView> = service
        .list()
        .map_err(internal)?
        .into_iter()
        .filter(|c| c.provider == arg)
        .collect();
    match of_provider.len() {
        0 => Err(Failure::new(
            exit::NOT_FOUND,
            format!(
                "There is no {} connection yet. Connect one with: plugboard connect {arg}",
                provider.name
            ),
        )),
        1 => Ok(of_provider.remove(0)),
        n => Err(Failure::new(
            exit::USAGE,
            format!(
                "{} has {n} connections; name one by its id: {}",
                provider.name,
                of_provider
                    .iter()
                    .map(|c| format!("{} ({})", c.id, c.account))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )),
    }
}

async fn token(
    service: &Connections,
    connection: &str,
    header: bool,
    curl: bool,
) -> Result<(), Failure> {
    let c = resolve(service, connection)?;
    let name = service.provider_name(&c.provider);
    if c.live.health == plugboard_core::lifetime::Health::ReconnectNeeded {
        return Err(Failure::new(
            exit::RECONNECT,
            format!(
                "{name} no longer accepts this sign-in ({}). Connect again: plugboard connect {}",
                c.account, c.provider
            ),
        ));
    }
    if let Err(e) = service.ensure_fresh(c.id.as_str(), TOKEN_MIN_SECONDS).await {
        let failure = fail(service, &c.provider, e);
        // A token that still works is worth having when the provider is only briefly down. (A
        // failed refresh leaves the stored expiry as it was: no need to read it again.)
        let left = c
            .live
            .expiry
            .seconds_left(plugboard_core::service::unix_now());
        match left {
            Some(left) if failure.exit == exit::TEMPORARY && left > 0 => eprintln!(
                "Warning: {} This token expires in {left} s.",
                failure.message
            ),
            _ => return Err(failure),
        }
    }
    let material = service
        .token_material(c.id.as_str())
        .await
        .map_err(|e| fail(service, &c.provider, e))?;
    let value = if curl {
        material.curl.ok_or_else(|| {
            Failure::new(
                exit::FAILURE,
                format!("{name} has no identity or check endpoint to build a curl line for; use --header."),
            )
        })?
    } else if header {
        material.header
    } else {
        material.access_token
    };
    print(&format!("{}\n", value.expose()))
}

/// Reads values the person types or pipes in: hidden prompts on a terminal, else one line each.
struct Input {
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
}

impl Input {
    fn new() -> Self {
        Self { lines: None }
    }

    fn read(&mut self, label: &str, secret: bool, flag_hint: &str) -> Result<String, Failure> {
        let stdin = std::io::stdin();
        let value = if stdin.is_terminal() {
            if secret {
                rpassword::prompt_password(format!("{label}: ")).ok()
            } else {
                eprint!("{label}: ");
                let mut line = String::new();
                stdin.lock().read_line(&mut line).ok().map(|_| line)
            }
        } else {
            self.lines
                .get_or_insert_with(|| stdin.lock().lines())
                .next()
                .and_then(Result::ok)
        };
        let value = value.map(|v| v.trim().to_string()).unwrap_or_default();
        if value.is_empty() {
            return Err(Failure::new(
                exit::USAGE,
                format!("Plugboard needs the {label}: type it when asked, pipe it on standard input (one value per line){flag_hint}."),
            ));
        }
        Ok(value)
    }
}

async fn connect(service: &Connections, args: ConnectArgs) -> Result<(), Failure> {
    let provider = service
        .provider(&args.provider)
        .map_err(|e| fail(service, &args.provider, e))?;
    let kind = args
        .method
        .map(MethodArg::kind)
        .unwrap_or_else(|| provider.default_method().kind());
    if provider.method(kind).is_none() {
        let known: Vec<&str> = provider
            .methods
            .iter()
            .map(|m| output::kind_str(m.kind()))
            .collect();
        return Err(Failure::new(
            exit::USAGE,
            format!(
                "{} does not connect with {}; it offers: {}.",
                provider.name,
                output::kind_str(kind),
                known.join(", ")
            ),
        ));
    }
    let name = provider.name.clone();
    let pid = provider.id.to_string();
    let mut given: HashMap<String, String> = HashMap::new();
    for f in &args.fields {
        let Some((k, v)) = f.split_once('=') else {
            return Err(Failure::new(
                exit::USAGE,
                // The value is not echoed: it may be a secret typed in the wrong shape.
                "--field takes ID=VALUE, e.g. --field token=abc.",
            ));
        };
        given.insert(k.trim().to_string(), v.to_string());
    }
    let mut input = Input::new();
    let view = match kind {
        MethodKind::ApiKey => {
            let method = provider.api_key().expect("checked above");
            let mut values = Vec::new();
            for f in &method.fields {
                let value = match given.remove(&f.id) {
                    Some(v) => v,
                    None => {
                        input.read(&f.label, f.secret, &format!(", or pass --field {}=…", f.id))?
                    }
                };
                values.push((f.id.clone(), SecretString::new(value)));
            }
            if let Some(unknown) = given.keys().next() {
                let known = method.fields.iter().map(|f| f.id.as_str());
                return Err(not_one_of(&name, "field", unknown, known));
            }
            eprintln!("Checking the key with {name}…");
            service.connect_api_key(&pid, values).await
        }
        MethodKind::ClientCredentials => {
            // Checked before asking for anything, so a typo does not cost a typed secret.
            if let Some(env) = &args.environment {
                if !provider.environments.iter().any(|e| &e.id == env) {
                    let known = provider.environments.iter().map(|e| e.id.as_str());
                    return Err(not_one_of(&name, "environment", env, known));
                }
            }
            let client_id = match args.client_id {
                Some(id) => id,
                None => input.read("Client ID", false, ", or pass --client-id")?,
            };
            let secret = SecretString::new(input.read("Client secret", true, "")?);
            eprintln!("Getting a token from {name}…");
            service
                .connect_client_credentials(
                    &pid,
                    &client_id,
                    secret,
                    args.environment.as_deref(),
                    None,
                )
                .await
        }
        MethodKind::AuthorizationCode => {
            return sign_in(service, &pid, &name, args.no_browser, args.json, &mut input).await
        }
    }
    .map_err(|e| fail(service, &pid, e))?;
    connection_out(service, &view, "Connected", args.json)
}

/// The query of an address the browser ended on, pasted by the person.
fn query_of(pasted: &str) -> Result<HashMap<String, String>, Failure> {
    let url = url::Url::parse(pasted.trim()).map_err(|_| {
        Failure::new(exit::USAGE, "That is not the address the browser ended on: paste the whole address, starting with http:// or https:// (or dev.plugboard.desktop:).")
    })?;
    Ok(url.query_pairs().into_owned().collect())
}

/// With `--no-browser`, a line typed or pasted on standard input: the address a browser on
/// another machine ended on. Never resolves otherwise (or on an empty or closed input), so the
/// loopback listener keeps waiting.
async fn pasted_address(no_browser: bool) -> Result<HashMap<String, String>, Failure> {
    if no_browser {
        let line = tokio::task::spawn_blocking(|| {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).ok().map(|_| line)
        })
        .await
        .ok()
        .flatten();
        if let Some(line) = line.filter(|l| !l.trim().is_empty()) {
            return query_of(&line);
        }
    }
    std::future::pending().await
}

/// "Hotmart has no environment “prod”; use one of: production, sandbox." (exit 2)
fn not_one_of<'a>(
    provider: &str,
    what: &str,
    given: &str,
    known: impl Iterator<Item = &'a str>,
) -> Failure {
    let known: Vec<&str> = known.collect();
    Failure::new(
        exit::USAGE,
        format!(
            "{provider} has no {what} “{given}”; use one of: {}.",
            known.join(", ")
        ),
    )
}

/// One connection as the result of `connect` or `refresh`: a line, or its JSON document.
fn connection_out(
    service: &Connections,
    view: &ConnectionView,
    verb: &str,
    as_json: bool,
) -> Result<(), Failure> {
    let connection = output::connection(service, view);
    if as_json {
        json(&output::ConnectionDoc {
            schema: output::SCHEMA,
            connection,
        })
    } else {
        print(&output::connection_line(verb, &connection))
    }
}

/// A browser sign-in from the command line: a loopback listener on 127.0.0.1 (RFC 8252 §7.3; the
/// provider's own fixed loopback port when it registers one), or, for a provider that sends the
/// browser to an https page, the address the browser ends on pasted back here.
async fn sign_in(
    service: &Connections,
    pid: &str,
    name: &str,
    no_browser: bool,
    as_json: bool,
    input: &mut Input,
) -> Result<(), Failure> {
    let method = service
        .provider(pid)
        .ok()
        .and_then(|p| p.authorization_code())
        .expect("checked by connect");
    let busy = |e: plugboard_core::loopback::LoopbackError| {
        Failure::new(
            exit::FAILURE,
            format!("Plugboard can't receive the {name} sign-in: {e}. Close the other program, then try again."),
        )
    };
    let (listener, path, redirect) = match &method.redirect {
        RedirectMode::DeepLink => {
            let listener = plugboard_core::loopback::bind(0).await.map_err(busy)?;
            let port = listener
                .local_addr()
                .map_err(|e| Failure::new(exit::FAILURE, e.to_string()))?
                .port();
            let path = "/callback".to_string();
            let uri = format!("http://127.0.0.1:{port}{path}");
            (Some(listener), path, Some(uri))
        }
        RedirectMode::Loopback { host, port, path } => (
            Some(
                plugboard_core::loopback::bind_host(host, *port)
                    .await
                    .map_err(busy)?,
            ),
            path.clone(),
            None,
        ),
        RedirectMode::Https { .. } => (None, String::new(), None),
    };
    let started = service
        .begin_sign_in_at(pid, redirect)
        .await
        .map_err(|e| fail(service, pid, e))?;
    eprintln!("To connect {name}, sign in at:\n\n  {}\n", started.url);
    if !no_browser {
        if let Err(e) = tauri_plugin_opener::open_url(&started.url, None::<&str>) {
            log::warn!("could not open a browser: {e}");
            eprintln!("(No browser could be opened here: open the address above yourself.)");
        }
    }
    let lifetime = plugboard_core::flow::FLOW_LIFETIME;
    let params = match listener {
        Some(listener) => {
            eprintln!(
                "Waiting for the browser to come back to {} (up to {} minutes; Ctrl-C cancels)…",
                started.redirect_uri,
                lifetime.as_secs() / 60
            );
            if no_browser {
                eprintln!(
                    "If your browser is on another machine, paste the address it ends on here."
                );
            }
            let callback = async {
                plugboard_core::loopback::wait_for_callback(listener, &path, lifetime)
                    .await
                    .map_err(|e| {
                        service.cancel_sign_in(pid);
                        Failure::new(exit::FAILURE, format!("The {name} sign-in did not finish: {e}. Start again with: plugboard connect {pid}"))
                    })
            };
            // Whichever comes first: the browser on this machine, or an address pasted here.
            tokio::select! {
                params = callback => params?,
                pasted = pasted_address(no_browser) => pasted?,
            }
        }
        None => {
            query_of(&input.read("address the browser ended on (paste it here)", false, "")?)?
        }
    };
    let (_, result) = service.complete_sign_in(|k| params.get(k).cloned()).await;
    let view = result.map_err(|e| match e.to_user(name) {
        // A refused code exchange is a failed sign-in here, not an existing connection to redo.
        u if u.code == ErrorCode::ReconnectNeeded => Failure::new(
            exit::FAILURE,
            format!("{name} refused the sign-in. Start again with: plugboard connect {pid}"),
        ),
        u if u.code == ErrorCode::StateMismatch => Failure::new(
            exit::FAILURE,
            format!(
                "{} Start again with: plugboard connect {pid}",
                u.message.trim_end_matches(" Start again with Connect.")
            ),
        ),
        u => u.into(),
    })?;
    connection_out(service, &view, "Connected", as_json)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_window_opens_without_arguments_for_links_and_for_launcher_flags() {
        assert_eq!(mode(&args(&["plugboard"])), Mode::Window);
        assert_eq!(
            mode(&args(&[
                "plugboard",
                "dev.plugboard.desktop://oauth/callback?code=x"
            ])),
            Mode::Window
        );
        assert_eq!(mode(&args(&["plugboard", "--automation"])), Mode::Window);
        // Flags before a subcommand are the command line's (and a usage error), not a window.
        assert_eq!(mode(&args(&["plugboard", "--json", "status"])), Mode::Cli);
    }

    #[test]
    fn subcommands_help_and_typos_go_to_the_command_line() {
        for list in [
            &["plugboard", "status"][..],
            &["plugboard", "token", "hubspot"],
            &["plugboard", "--help"],
            &["plugboard", "-V"],
            &["plugboard", "sttaus"],
        ] {
            assert_eq!(mode(&args(list)), Mode::Cli, "{list:?}");
        }
    }

    #[test]
    fn error_codes_map_to_the_documented_exit_codes() {
        assert_eq!(exit_code(ErrorCode::ReconnectNeeded), 3);
        assert_eq!(exit_code(ErrorCode::KeychainLocked), 4);
        assert_eq!(exit_code(ErrorCode::KeychainUnavailable), 4);
        assert_eq!(exit_code(ErrorCode::ProviderUnavailable), 5);
        assert_eq!(exit_code(ErrorCode::UnknownConnection), 6);
        assert_eq!(exit_code(ErrorCode::UnknownProvider), 6);
        assert_eq!(exit_code(ErrorCode::InvalidInput), 2);
        assert_eq!(exit_code(ErrorCode::ProviderError), 1);
    }

    #[test]
    fn usage_errors_exit_2_and_help_exits_0() {
        assert_eq!(main(args(&["plugboard", "token"])), exit::USAGE);
        assert_eq!(main(args(&["plugboard", "sttaus"])), exit::USAGE);
        assert_eq!(
            main(args(&["plugboard", "token", "x", "--header", "--curl"])),
            exit::USAGE
        );
        assert_eq!(main(args(&["plugboard", "--help"])), exit::OK);
    }
}

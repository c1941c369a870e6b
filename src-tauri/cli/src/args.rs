//! The command line's grammar (clap derive): subcommands, their arguments and help texts.

use clap::{Parser, Subcommand, ValueEnum};
use plugboard_core::catalogue::MethodKind;

const AFTER_HELP: &str = "\
Run `plugboard` with no arguments to open the window.

<connection> is a connection id (see `plugboard status`), a connection's name (see `plugboard
rename`), or a provider id when that provider has exactly one connection.

Exit codes: 0 ok, 1 other failure, 2 usage or bad input, 3 reconnect needed, 4 keychain locked or
unavailable, 5 provider or network temporarily failing, 6 not found.";

#[derive(Parser, Debug)]
#[command(
    name = "plugboard",
    version,
    about = "Connect business accounts and use their tokens from a shell.",
    after_help = AFTER_HELP
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the providers Plugboard knows: methods, redirect URI to register, app credentials.
    Providers {
        /// Print the stable JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List every connection: account, status, expiry, scopes, and the keychain's state.
    Status {
        /// Print the stable JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Connect an account. Browser sign-ins come back to a loopback listener on 127.0.0.1;
    /// keys and client secrets are read from standard input (or a hidden prompt).
    Connect(ConnectArgs),
    /// Refresh a connection's token now.
    Refresh {
        /// The connection: its id (see `plugboard status`), its name, or a provider id when that
        /// provider has one connection.
        connection: String,
        /// Print the refreshed connection as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Disconnect: revoke at the provider where it can, then forget the tokens here. `--all`
    /// disconnects every connection and removes every keychain item Plugboard made (before an
    /// uninstall), after asking.
    Disconnect {
        /// The connection to disconnect: its id (see `plugboard status`), its name, or a provider
        /// id when that provider has one connection.
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        connection: Option<String>,
        /// Every connection, and every other keychain item Plugboard made (saved app credentials,
        /// pending sign-ins).
        #[arg(long)]
        all: bool,
        /// With --all: do not ask first (scripts, or no terminal to ask at).
        #[arg(long, requires = "all")]
        yes: bool,
        /// Print the stable JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
    /// App credentials for browser sign-in: where each provider's come from; save or forget your
    /// own (as the window's Settings does).
    Credentials {
        #[command(subcommand)]
        action: CredentialsAction,
    },
    /// Check the keychain, files set aside and orphans (keychain items with no connection,
    /// connections with no keychain item); `--fix` re-indexes or removes them.
    Doctor {
        /// Re-index keychain items Plugboard can read, remove the others, and forget connections
        /// whose keychain item is gone.
        #[arg(long)]
        fix: bool,
        /// Print the stable JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Make one harmless call with a connection (its identity or check endpoint, or the
    /// provider's token introspection when it has no identity call) and show the HTTP status, the
    /// time it took and the start of the answer, secrets masked. Exits 0 when the provider
    /// accepted it, 1 when it refused.
    Try {
        /// The connection: its id (see `plugboard status`), its name, or a provider id when that
        /// provider has one connection.
        connection: String,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Name a connection ("Client A — store"): shown in the window, the tray, notifications and
    /// `status`, and usable as <connection> in every command. An empty name removes it.
    Rename {
        /// The connection: its id (see `plugboard status`), its current name, or a provider id
        /// when that provider has one connection.
        connection: String,
        /// The new name (at most 60 characters, unique); "" removes the name.
        name: String,
        /// Print the renamed connection as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the access token (refreshed first if it expires within 60 s), for `curl` and scripts.
    Token {
        /// The connection: its id (see `plugboard status`), its name, or a provider id when that
        /// provider has one connection.
        connection: String,
        /// Print the `Authorization: …` header line instead.
        #[arg(long, conflicts_with_all = ["curl", "json"])]
        header: bool,
        /// Print a curl command that calls the provider's identity or check endpoint.
        #[arg(long, conflicts_with = "json")]
        curl: bool,
        /// Print the token with its expiry and scopes as JSON (for scripts).
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args, Debug)]
pub struct ConnectArgs {
    /// A provider id from `plugboard providers`.
    pub provider: String,
    /// How to connect; the provider's default when omitted.
    #[arg(long, value_enum)]
    pub method: Option<MethodArg>,
    /// Print the sign-in address instead of opening a browser. With a browser on another machine,
    /// paste the address it ends on (an error page on 127.0.0.1 is fine) back here.
    #[arg(long)]
    pub no_browser: bool,
    /// Client credentials: the client id (the secret is read from standard input).
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// Client credentials: the environment (e.g. production, sandbox).
    #[arg(long, value_name = "ENV")]
    pub environment: Option<String>,
    /// API keys: a field's value, e.g. `--field token=abc`. Fields not given are read from
    /// standard input, one per line (secret fields: better there than in your shell history).
    #[arg(long = "field", value_name = "ID=VALUE")]
    pub fields: Vec<String>,
    /// Browser sign-in: also ask for an optional scope the provider offers (see `plugboard
    /// providers`); repeat for several. Asking a connected account for more reconnects it.
    #[arg(long = "scope", value_name = "SCOPE")]
    pub scopes: Vec<String>,
    /// Browser sign-in: sign in again for this connection (its id or name) and replace it in
    /// place, as the window's Reconnect does; it asks again for the optional scopes it had.
    #[arg(long, value_name = "CONNECTION")]
    pub replace: Option<String>,
    /// Print the new connection as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Subcommand, Debug)]
pub enum CredentialsAction {
    /// Each provider's app credentials: where they come from and the client id (never a secret).
    List {
        /// Print the stable JSON document instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Save app credentials for a provider: the client id as a flag, the secret from standard
    /// input or a hidden prompt (none for a public client). The secret goes to the keychain.
    Set {
        /// A provider id from `plugboard providers`.
        provider: String,
        /// The client id of the app you registered with the provider.
        #[arg(long)]
        client_id: String,
    },
    /// Forget the app credentials saved for a provider (in the window or with `credentials set`).
    Forget {
        /// A provider id from `plugboard providers`.
        provider: String,
    },
}

/// Spelled as `plugboard providers` and the JSON spell method kinds (`api_key`); the kebab-case
/// spelling clap would use (`api-key`) is accepted too.
#[derive(Clone, Copy, Debug, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum MethodArg {
    #[value(alias = "authorization-code")]
    AuthorizationCode,
    #[value(alias = "client-credentials")]
    ClientCredentials,
    #[value(alias = "api-key")]
    ApiKey,
}

impl MethodArg {
    pub fn kind(self) -> MethodKind {
        match self {
            MethodArg::AuthorizationCode => MethodKind::AuthorizationCode,
            MethodArg::ClientCredentials => MethodKind::ClientCredentials,
            MethodArg::ApiKey => MethodKind::ApiKey,
        }
    }
}

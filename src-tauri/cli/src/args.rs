//! The command line's grammar (clap derive): `plugboard` itself and the list of its subcommands,
//! each with its one-line help. A subcommand's own arguments are in its room, `cmd/<name>.rs`
//! (`ProvidersArgs` in [`crate::cmd::providers`], …), beside the code that uses them; only what
//! every command shares (the name, the version, the exit codes in `--help`) is here.

use clap::{Parser, Subcommand};

use crate::cmd::audit::AuditArgs;
use crate::cmd::connect::ConnectArgs;
use crate::cmd::credentials::CredentialsArgs;
use crate::cmd::default::DefaultArgs;
use crate::cmd::disconnect::DisconnectArgs;
use crate::cmd::doctor::DoctorArgs;
use crate::cmd::exec::ExecArgs;
use crate::cmd::grants::GrantsArgs;
use crate::cmd::providers::ProvidersArgs;
use crate::cmd::refresh::RefreshArgs;
use crate::cmd::rename::RenameArgs;
use crate::cmd::status::StatusArgs;
use crate::cmd::token::TokenArgs;
use crate::cmd::trial::TryArgs;

const AFTER_HELP: &str = "\
Run `plugboard` with no arguments to open the window.

<connection> is a connection id (see `plugboard status`), a connection's name (see `plugboard
rename`), or a provider id when that provider has exactly one connection or a default (see
`plugboard default`).

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
    Providers(ProvidersArgs),
    /// List every connection: account, status, expiry, scopes, and the keychain's state.
    Status(StatusArgs),
    /// Connect an account. Browser sign-ins come back to a loopback listener on 127.0.0.1;
    /// keys and client secrets are read from standard input (or a hidden prompt).
    Connect(ConnectArgs),
    /// Refresh a connection's token now.
    Refresh(RefreshArgs),
    /// Disconnect: revoke at the provider where it can, then forget the tokens here. `--all`
    /// disconnects every connection and removes every keychain item Plugboard made (before an
    /// uninstall), after asking.
    Disconnect(DisconnectArgs),
    /// App credentials for browser sign-in: where each provider's come from; save or forget your
    /// own (as the window's Settings does).
    Credentials(CredentialsArgs),
    /// Check the keychain, files set aside and orphans (keychain items with no connection,
    /// connections with no keychain item); `--fix` re-indexes or removes them.
    Doctor(DoctorArgs),
    /// Make one harmless call with a connection (its identity or check endpoint, or the
    /// provider's token introspection when it has no identity call) and show the HTTP status, the
    /// time it took and the start of the answer, secrets masked. Exits 0 when the provider
    /// accepted it, 1 when it refused.
    Try(TryArgs),
    /// Name a connection ("Client A — store"): shown in the window, the tray, notifications and
    /// `status`, and usable as <connection> in every command. An empty name removes it.
    Rename(RenameArgs),
    /// Each provider's default connection: the one its id alone picks when it has several
    /// (`plugboard token whatconverts`). Give a connection to make it the default, a provider id
    /// (or nothing) to show the defaults, --clear to take one away.
    Default(DefaultArgs),
    /// Print the access token (refreshed first if it would not last 60 s, or --min-valid; never more than half its lifetime ahead), for `curl` and scripts.
    Token(TokenArgs),
    /// Run a command with connections' access tokens in its environment (HUBSPOT_ACCESS_TOKEN…),
    /// refreshed first; --live keeps them fresh in a file while it runs, --mask hides them in its
    /// output. Its exit status is the command's.
    Exec(ExecArgs),
    /// The record of tokens handed out: when, which connection, through which door (Copy, Reveal,
    /// `token`, `exec`…), to which program, allowed or refused. Never a token.
    Audit(AuditArgs),
    /// The programs allowed to take a connection's token through the D-Bus token service without
    /// asking (Always allow): list them, or take a permission away.
    Grants(GrantsArgs),
}

impl Command {
    /// Whether the command was asked for `--json`: a failure with a document of its own (the
    /// candidates of a `<connection>` that could be several) writes it too.
    pub fn wants_json(&self) -> bool {
        match self {
            Command::Providers(a) => a.json,
            Command::Status(a) => a.json,
            Command::Connect(a) => a.json,
            Command::Refresh(a) => a.json,
            Command::Disconnect(a) => a.json,
            Command::Credentials(a) => matches!(
                a.action,
                crate::cmd::credentials::CredentialsAction::List { json: true }
            ),
            Command::Doctor(a) => a.json,
            Command::Try(a) => a.json,
            Command::Rename(a) => a.json,
            Command::Default(a) => a.json,
            Command::Token(a) => a.json,
            Command::Exec(_) => false,
            Command::Audit(a) => a.json,
            Command::Grants(a) => matches!(
                a.action,
                crate::cmd::grants::GrantsAction::List { json: true }
            ),
        }
    }
}

# The command line's words (src-tauri/cli), its --help included.
# Keep ids in step with the other languages (a test checks).
# Commands, flags, file names and environment variables stay as they are (`plugboard status`,
# --json, providers.toml, PLUGBOARD_DEMO). $command is always a whole command to type.

## Starting and stopping
cli-could-not-start = Plugboard could not start: { $error }
# A problem found in one of Plugboard's files ($problem is a whole sentence).
cli-warning = Warning: { $problem }
cli-note = Note: { $note }
cli-write-failed = Could not write the output: { $error }
# $binary is the window's program file; $help is a command.
cli-window-missing = Plugboard's window is not installed next to this command ({ $binary }). Reinstall Plugboard, or use a subcommand: { $help }
cli-window-failed = Plugboard could not start its window: { $error }
cli-crashed = Plugboard stopped because of an internal error (a bug), so this command did not finish. Please report it.
# $log is a file's path.
cli-crashed-recorded = Plugboard stopped because of an internal error (a bug), so this command did not finish. It is recorded in { $log }. Please report it.
cli-demo-no-simulator = Demo mode could not start its provider simulator: { $error }.
# $variable is an environment variable; $make a command; $binary a file's path.
cli-demo-not-built = This build of plugboard has no demo mode (it was built without the provider simulator). Unset { $variable }, or use `{ $make }` and { $binary } from a source checkout.

## Values typed or piped in. $label is what is asked for (“Client ID”, or a provider's field name).
# The prompt at a terminal.
cli-prompt = { $label }:
cli-input-needed = Plugboard needs the { $label }: type it when asked, pipe it on standard input (one value per line).
# $flag is a command-line flag with its value (--client-id, --field token=…).
cli-input-needed-or-flag = Plugboard needs the { $label }: type it when asked, pipe it on standard input (one value per line), or pass { $flag }.
cli-label-client-id = Client ID
cli-label-client-secret = Client secret
cli-label-pasted-address = address the browser ended on (paste it here)

## <connection> arguments
cli-no-such-connection = There is no connection or provider called “{ $name }”. See `plugboard status` for connection ids and names.
cli-no-connection-yet = There is no { $provider } connection yet. Connect one with: { $command }
# $provider is a provider's name; $given what was typed (a provider id). The connections follow, one a line.
cli-several-connections = { $provider } has { $count } connections, so “{ $given }” could mean any of them:
# After that list. $command sets a default (plugboard default <connection>).
cli-several-how-to-pick = Name one by its id or its name instead, or make one { $provider }'s default, which “{ $given }” alone then picks: { $command }
# A connection in a line about it: $id its id, $account who it is, $name the name the person gave it.
cli-connection-named = { $id } “{ $name }” ({ $account })
cli-connection-unnamed = { $id } ({ $account })

## Failures
# $id_variable and $secret_variable are environment variables; $section is a section of providers.toml.
cli-missing-credentials = { $provider } needs app credentials (a client id, and a secret unless it is a public client) before you can sign in. Save them with `{ $command }` (or in the window's Settings), set { $id_variable } and { $secret_variable }, or add { $section } to providers.toml.
# $known lists the ones the provider has.
cli-no-such-field = { $provider } has no field “{ $given }”; use one of: { $known }.
cli-no-such-environment = { $provider } has no environment “{ $given }”; use one of: { $known }.

## Tables' column headings (capitals, as tables on a terminal have them)
cli-column-id = ID
cli-column-name = NAME
# Methods of connecting; the default one is marked with a *.
cli-column-methods = METHODS (* default)
cli-column-app-credentials = APP CREDENTIALS
cli-column-redirect = REDIRECT URI TO REGISTER
cli-column-provider = PROVIDER
cli-column-account = ACCOUNT
cli-column-status = STATUS
cli-column-expires = EXPIRES
cli-column-scopes = SCOPES
cli-column-client-id = CLIENT ID
cli-column-secret = SECRET
# Where the app credentials come from.
cli-column-from = FROM

## plugboard providers
# A provider's app credentials (a table cell).
cli-app-credentials-not-needed = not needed
cli-app-credentials-missing = missing
cli-app-credentials-optional = none (only browser sign-in needs them)
# $command is the flag to ask for them; $scopes lists them, each with what it is for.
cli-providers-optional-scopes = { $provider } can also ask for ({ $command }): { $scopes }
# $scheme is the window's own address scheme (dev.plugboard.desktop:). The line breaks are kept.
cli-providers-loopback =
    The window signs in through the { $scheme } address above. The command line
    listens on { $address } instead: register that too where the provider
    allows loopback redirects.

## plugboard status
cli-status-none = No connections yet. Connect one with: plugboard connect <provider>  (see: plugboard providers)
cli-keychain-ready = Keychain: ready
cli-keychain-locked = Keychain: locked. Unlock it (log in again, or open your keychain app), then try again.
cli-keychain-unavailable = Keychain: unavailable. Start your desktop's keychain (gnome-keyring, KWallet or KeePassXC), then try again.
# $status is a connection's status (“Temporary problem”); $at a time (RFC 3339).
cli-status-retrying = { $status }, retrying at { $at }
cli-status-last-error = { $id }: last error at { $at }: { $message }
# The EXPIRES cell. $left is a time left ("29:41", "5 h 07 min"); $at the time (RFC 3339).
cli-expires-in = in { $left } ({ $at })
cli-expires-expired = expired ({ $at })
cli-expires-never = does not expire
cli-expires-unknown = unknown
# The PROVIDER cell of a provider's default connection, where it has several (plugboard default).
cli-status-default = { $provider } (default)

## plugboard connect, refresh: one connection. $status is its status (“Connected”); $expiry is
## in, expired, never or unknown, with $left the time left (“29:41”) and $at the time (RFC 3339).
cli-connected = Connected { $provider } ({ $account }) as { $id }: { $status }; { $expiry ->
        [in] expires in { $left } ({ $at })
        [expired] expired ({ $at })
        [never] does not expire
       *[unknown] its expiry is unknown
    }.
cli-refreshed = Refreshed { $provider } ({ $account }) as { $id }: { $status }; { $expiry ->
        [in] expires in { $left } ({ $at })
        [expired] expired ({ $at })
        [never] does not expire
       *[unknown] its expiry is unknown
    }.
# $method is a way of connecting as the command line spells it (api_key, client_credentials); $methods lists them.
cli-scope-needs-browser = --scope is for browser sign-ins; { $provider } connects with { $method } here.
cli-method-not-offered = { $provider } does not connect with { $method }; it offers: { $methods }.
cli-field-shape = --field takes ID=VALUE, e.g. --field token=abc.
cli-checking-key = Checking the key with { $provider }…
cli-getting-token = Getting a token from { $provider }…

## Browser sign-in (plugboard connect). The address follows on its own line.
cli-sign-in-at = To connect { $provider }, sign in at:
cli-no-browser-opened = (No browser could be opened here: open the address above yourself.)
# $redirect is a local address (http://127.0.0.1:53682/callback).
cli-waiting-for-browser = Waiting for the browser to come back to { $redirect } (up to { $minutes ->
        [one] 1 minute
       *[other] { $minutes } minutes
    }; Ctrl-C cancels)…
cli-paste-hint = If your browser is on another machine, paste the address it ends on here.
cli-sign-in-timed-out = The { $provider } sign-in did not finish: no answer from the browser in time. Start again with: { $command }
cli-sign-in-refused = { $provider } refused the sign-in. Start again with: { $command }
# $problem is a whole sentence saying what went wrong.
cli-start-again = { $problem } Start again with: { $command }

## plugboard credentials
cli-credentials-no-browser-sign-in = { $provider } has no browser sign-in, so it takes no app credentials: connect it with `{ $command }`.
cli-credentials-saved = Saved the { $provider } app credentials; the secret is in your keychain.
cli-credentials-saved-public = Saved the { $provider } app credentials (a public client: no secret).
cli-credentials-forgot = Forgot the { $provider } app credentials you had saved.
cli-credentials-none-saved = There were no saved { $provider } app credentials.
# $origin says where they come from (“your environment variables”).
cli-credentials-now-from = { $provider } now uses the ones from { $origin }.
cli-credentials-now-none = { $provider } has no app credentials now: save some before connecting it.
# A provider's app secret (a table cell).
cli-secret-not-needed = not needed
cli-secret-set = set (hidden)
cli-secret-missing = missing
cli-credentials-footer = Save your own with `plugboard credentials set <id> --client-id …` (the secret is asked for), forget them with `plugboard credentials forget <id>`.

## plugboard disconnect. $id is a connection id (hubspot-1).
cli-disconnected = Disconnected { $connection } from { $provider }.
cli-disconnect-revoked = { $provider } revoked its tokens.
cli-disconnect-no-revoke = { $provider } cannot end Plugboard's access on request; the tokens were forgotten on this computer.
# $reason is what went wrong.
cli-disconnect-revoke-failed = { $provider } did not confirm the revoke ({ $reason }); the tokens were forgotten here all the same. To be sure, remove Plugboard's access in your { $provider } account (its connected apps).
cli-disconnect-already = { $id } was already disconnected.
cli-disconnect-all-none = There are no connections. This removes every other keychain item Plugboard made: saved app credentials and pending sign-ins.
cli-disconnect-all-some = This disconnects { $count ->
        [one] 1 connection
       *[other] { $count } connections
    } and removes every other keychain item Plugboard made: saved app credentials and pending sign-ins.
cli-disconnect-all-revoke-note = Providers that can are asked to revoke the tokens; for the others, remove Plugboard's access in their settings.
cli-disconnect-all-no-terminal = Nothing was changed: there is no terminal to ask at. Run it again with --yes to go ahead.
# The word to type to go ahead (“yes” works in every language too).
cli-disconnect-all-yes = yes
# $yes is the word above.
cli-disconnect-all-ask = Type { $yes } to go ahead:
cli-disconnect-all-not-confirmed = Nothing was changed: you did not type { $yes }.
cli-disconnect-all-removed = { $count ->
        [one] Removed 1 other keychain item Plugboard made.
       *[other] Removed { $count } other keychain items Plugboard made.
    }
cli-disconnect-all-cannot-list = This keychain cannot list its items, so only the connections' own were removed: look for "dev.plugboard.desktop" in your keychain app for any left.

## plugboard doctor. $id is a connection id (hubspot-1).
cli-doctor-keychain = Keychain: { $state ->
        [ready] Ready
        [locked] Locked
       *[unavailable] Unavailable
    }
cli-doctor-data-folder = Data folder: { $path }
cli-doctor-set-aside-none = Files set aside: none
# A list of files follows, one a line.
cli-doctor-set-aside = Files set aside (they could not be read; kept for support):
# $problem is a whole sentence saying why.
cli-doctor-not-checked = Orphans: not checked. { $problem }
cli-doctor-orphans-none = Orphans: none
cli-doctor-keychain-only = Keychain item with no connection: { $id }
cli-doctor-index-only = Connection with no keychain item: { $id } (its sign-in is gone; connect again)
cli-doctor-run-fix = Run `plugboard doctor --fix` to re-index or remove them.
cli-doctor-reindexed = Re-indexed { $id } as “Recovered connection” (plugboard status shows it)
cli-doctor-removed = Removed the keychain item of { $id }
cli-doctor-forgotten = Forgot { $id }, whose keychain item was gone

## plugboard rename
cli-renamed = { $provider } ({ $account }) is now called “{ $name }”. Use the name wherever a connection is asked for, e.g. { $command }
cli-rename-removed = { $provider } ({ $account }) has no name now.

## plugboard token
cli-token-reconnect = { $provider } no longer accepts this sign-in ({ $account }). Connect again: { $command }
cli-token-item-gone = The saved sign-in of { $provider } ({ $account }) is gone from your keychain (it was deleted, or the keychain was reset). Connect again: { $command }
# $problem is a whole sentence; $seconds a number.
cli-token-warning = Warning: { $problem } This token expires in { $seconds } s.
cli-token-no-curl = { $provider } has no identity or check endpoint to build a curl line for; use --header.

## plugboard try. $status is an HTTP status code (401), $reason its words as the server sent them.
cli-try-answer = HTTP { $status } { $reason } in { $millis } ms
cli-try-refused = { $provider } refused this connection (HTTP { $status }). If it keeps refusing, refresh it ({ $command }) or connect again.
# $body: the form as sent, every secret masked.
cli-try-sent = Sent: { $body }
cli-try-introspection = { $provider } has no identity call: this asked { $provider }'s token introspection whether the access token is active.
cli-try-active = { $provider } says the access token is active.
cli-try-inactive = { $provider } says the access token is not active (expired, revoked or unknown).
cli-try-refused-inactive = { $provider } no longer accepts this connection's access token. Refresh it ({ $command }); if that fails, connect again.

## plugboard audit
cli-column-when = WHEN
cli-column-connection = CONNECTION
cli-column-door = DOOR
cli-column-program = PROGRAM
cli-column-result = RESULT
cli-audit-none = No token has been handed out yet.
cli-audit-none-of = No token of this connection has been handed out yet.
# $form: access, header, curl, json or refresh (data, not translated).
cli-audit-allowed = handed out ({ $form })
# $reason: a code (denied, no_answer, throttled), not translated.
cli-audit-denied = refused ({ $reason })

## plugboard exec
cli-exec-too-many-env = More --env names than connections: give one --env per connection, in the same order.
cli-exec-bad-env = “{ $name }” cannot be an environment variable's name: use letters, digits and _ (not a digit first), e.g. HUBSPOT_TOKEN.
cli-exec-same-env = Two connections would get the same variable { $name }: name each with --env, in the order of the connections.
cli-exec-not-found = Command not found: { $command }. Check its name, or give its full path.
cli-exec-not-run = Could not run { $command }: { $error }
cli-exec-no-runtime-dir = --live needs XDG_RUNTIME_DIR (your login's private folder in memory), and it is not set. Run without --live, or from your desktop session.
cli-exec-no-file = Could not write the token file { $file }: { $error }
cli-exec-lost = Lost track of the command: { $error }

## plugboard grants
cli-column-since = SINCE
cli-column-last-used = LAST USED
cli-grants-none = No program may take a token without asking.
cli-grants-no-such-program = No program called “{ $program }” may take a token without asking (see `plugboard grants list`).
cli-grants-not-saved = The change could not be saved: { $error }
cli-grants-revoked = { $program } will be asked again ({ $count ->
        [one] one permission
       *[other] { $count } permissions
    } removed).

## --help: each command's description and each argument's. Ids follow the commands:
## help-token is `plugboard token`'s, help-token-json its --json's; help-root is plugboard's own.
## clap adds its own headings (Usage, Commands, Options) and help lines around these.
help-root = Connect business accounts and use their tokens from a shell.
help-root-after =
    Run `plugboard` with no arguments to open the window.

    <connection> is a connection id (see `plugboard status`), a connection's name (see `plugboard
    rename`), or a provider id when that provider has exactly one connection or a default (see
    `plugboard default`).

    Exit codes: 0 ok, 1 other failure, 2 usage or bad input, 3 reconnect needed, 4 keychain locked or
    unavailable, 5 provider or network temporarily failing, 6 not found.
help-providers = List the providers Plugboard knows: methods, redirect URI to register, app credentials
help-providers-json = Print the stable JSON document instead of a table
help-status = List every connection: account, status, expiry, scopes, and the keychain's state
help-status-json = Print the stable JSON document instead of a table
help-connect = Connect an account. Browser sign-ins come back to a loopback listener on 127.0.0.1; keys and client secrets are read from standard input (or a hidden prompt)
help-connect-provider = A provider id from `plugboard providers`
help-connect-method = How to connect; the provider's default when omitted
help-connect-no-browser = Print the sign-in address instead of opening a browser. With a browser on another machine, paste the address it ends on (an error page on 127.0.0.1 is fine) back here
help-connect-client-id = Client credentials: the client id (the secret is read from standard input)
help-connect-environment = Client credentials: the environment (e.g. production, sandbox)
help-connect-fields = API keys: a field's value, e.g. `--field token=abc`. Fields not given are read from standard input, one per line (secret fields: better there than in your shell history)
help-connect-scopes = Browser sign-in: also ask for an optional scope the provider offers (see `plugboard providers`); repeat for several. Asking a connected account for more reconnects it
help-connect-json = Print the new connection as JSON
help-refresh = Refresh a connection's token now
help-refresh-connection = The connection: its id (see `plugboard status`), its name, or a provider id when that provider has one connection
help-refresh-json = Print the refreshed connection as JSON
help-disconnect = Disconnect: revoke at the provider where it can, then forget the tokens here. `--all` disconnects every connection and removes every keychain item Plugboard made (before an uninstall), after asking
help-disconnect-connection = The connection to disconnect: its id (see `plugboard status`), its name, or a provider id when that provider has one connection
help-disconnect-all = Every connection, and every other keychain item Plugboard made (saved app credentials, pending sign-ins)
help-disconnect-yes = With --all: do not ask first (scripts, or no terminal to ask at)
help-disconnect-json = Print the stable JSON document instead of text
help-credentials = App credentials for browser sign-in: where each provider's come from; save or forget your own (as the window's Settings does)
help-credentials-list = Each provider's app credentials: where they come from and the client id (never a secret)
help-credentials-list-json = Print the stable JSON document instead of a table
help-credentials-set = Save app credentials for a provider: the client id as a flag, the secret from standard input or a hidden prompt (none for a public client). The secret goes to the keychain
help-credentials-set-provider = A provider id from `plugboard providers`
help-credentials-set-client-id = The client id of the app you registered with the provider
help-credentials-forget = Forget the app credentials saved for a provider (in the window or with `credentials set`)
help-credentials-forget-provider = A provider id from `plugboard providers`
help-doctor = Check the keychain, files set aside and orphans (keychain items with no connection, connections with no keychain item); `--fix` re-indexes or removes them
help-doctor-fix = Re-index keychain items Plugboard can read, remove the others, and forget connections whose keychain item is gone
help-doctor-json = Print the stable JSON document instead of text
help-try = Make one harmless call with a connection (its identity or check endpoint, or the provider's token introspection when it has no identity call) and show the HTTP status, the time it took and the start of the answer, secrets masked. Exits 0 when the provider accepted it, 1 when it refused
help-try-connection = The connection: its id (see `plugboard status`), its name, or a provider id when that provider has one connection
help-try-json = Print the report as JSON
help-rename = Name a connection ("Client A — store"): shown in the window, the tray, notifications and `status`, and usable as <connection> in every command. An empty name removes it
help-rename-connection = The connection: its id (see `plugboard status`), its current name, or a provider id when that provider has one connection
help-rename-name = The new name (at most 60 characters, unique); "" removes the name
help-rename-json = Print the renamed connection as JSON
help-token = Print the access token (refreshed first if it would not last 60 s, or --min-valid; never more than half its lifetime ahead), for `curl` and scripts
help-token-connection = The connection: its id (see `plugboard status`), its name, or a provider id when that provider has one connection
help-token-header = Print the `Authorization: …` header line instead
help-token-curl = Print a curl command that calls the provider's identity or check endpoint
help-token-json = Print the token with its expiry and scopes as JSON (for scripts)
help-token-min-valid = Refresh first when the token would not last this many seconds (60 when not given). Capped at half the token's lifetime: a 50-second token is refreshed only once under 25 s are left

## clap's own words in --help (src-tauri/cli/src/help.rs)
help-heading-usage = Usage:
help-heading-commands = Commands
help-heading-arguments = Arguments
help-heading-options = Options
help-flag-help = Print help
help-flag-help-more = Print help (see more with '--help')
help-flag-help-summary = Print help (see a summary with '-h')
help-flag-version = Print version
help-command-help = Print this message or the help of the given subcommand(s)
help-command-subcommand = Print help for the subcommand(s)
help-possible-values = [possible values: { $values }]

## plugboard connect --replace
help-connect-replace = Browser sign-in: sign in again for this connection (its id or name) and replace it in place, as the window's Reconnect does; it asks again for the optional scopes it had
cli-replace-other-provider = “{ $connection }” is not a { $provider } connection: --replace takes a connection of the provider you connect to.
cli-replace-needs-browser = --replace is for browser sign-ins; { $provider } connects with { $method } here. Connect again without it: the same account is replaced in place.
cli-finishing-refresh = Finishing the refresh — press Ctrl-C again to abandon it (the provider may then need you to reconnect).
cli-finishing-sign-in = Finishing saving the new connection — press Ctrl-C again to abandon it (you may then need to connect again).
cli-finishing-disconnect = Finishing the disconnect — press Ctrl-C again to abandon it (then run plugboard doctor --fix).

## plugboard default. $connection is a connection as cli-connection-named says it.
cli-default-made = { $connection } is now the { $provider } default: { $command } uses it.
cli-default-made-only = { $connection } is the only { $provider } connection, so { $command } uses it already; it stays the default when you add another.
cli-default-is = { $provider }: { $connection } (default)
cli-default-only-one = { $provider }: { $connection } (its only connection)
cli-default-none = { $provider }: no default among its { $count } connections. Make one the default with: { $command }
cli-default-cleared = { $provider } has no default now (it was { $connection }).
cli-default-none-to-clear = { $provider } had no default.
help-default = Each provider's default connection: the one its id alone picks when it has several (`plugboard token whatconverts`). Give a connection to make it the default, a provider id (or nothing) to show the defaults, --clear to take one away
help-default-connection = A connection to make its provider's default (its id or name), or a provider id to show its default; nothing shows every provider's
help-default-clear = Take this provider's default away (a provider id)
help-default-json = Print the stable JSON document instead of text
help-exec = Run a command with connections' access tokens in its environment (HUBSPOT_ACCESS_TOKEN…), refreshed first; --live keeps them fresh in a file while it runs, --mask hides them in its output. Its exit status is the command's
help-exec-connections = The connections whose tokens the command gets (each as in every command)
help-exec-env = The variable holding a connection's token, once per connection in their order (default <PROVIDER>_ACCESS_TOKEN, e.g. HUBSPOT_ACCESS_TOKEN)
help-exec-live = Also keep each token fresh in a file (0600, under $XDG_RUNTIME_DIR) named in <NAME>_FILE (and PLUGBOARD_TOKEN_FILE for one connection) while the command runs
help-exec-mask = Write every token handed out as •••• in the command's output and errors
help-exec-command = The command to run and its arguments, after `--`
help-audit = The record of tokens handed out: when, which connection, through which door (Copy, Reveal, `token`, `exec`…), to which program, allowed or refused. Never a token
help-audit-connection = The connection whose record to show (as in every command, or the id of one since disconnected); every connection's when not given
help-audit-json = Print the stable JSON document instead of a table
help-grants = The programs allowed to take a connection's token through the D-Bus token service without asking (Always allow): list them, or take a permission away
help-grants-list = Every program allowed to take a connection's token without asking
help-grants-list-json = Print the stable JSON document instead of a table
help-grants-revoke = Take a program's permission away: it is asked again next time
help-grants-revoke-program = The program: its path, its script's path, or its name (as `grants list` shows it)
help-grants-revoke-connection = Only for this connection (every connection when not given)

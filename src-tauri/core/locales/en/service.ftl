# The core's words (src-tauri/core): health, countdowns, errors and outcomes, shown by the window
# and the command line alike. Keep ids in step with the other languages (a test checks).
# The health labels themselves (health-connected, …) are in plugboard.ftl, shared with the tray.

## A connection's or a card's status
view-not-connected = Not connected

## The countdown of a connection's access, ticking every second in the window
countdown-never = Does not expire
countdown-unknown = Expiry unknown
countdown-expired = Expired
# $left is the time left, as written below ("29:41", "5 h 07 min", "1 d 23 h").
countdown-in = Expires in { $left }
# Time left: $days and $hours are numbers ("d", "h": days, hours); $minutes has two digits
# ("07"); a clock: minutes, then seconds with two digits ("29:05").
duration-days = { $days } d { $hours } h
duration-hours = { $hours } h { $minutes } min
duration-minutes = { $minutes }:{ $seconds }
# The window's countdown above two minutes: whole minutes ("23 min").
duration-whole-minutes = { $minutes } min
# Settings explains when Plugboard refreshes tokens.
countdown-refresh-lead = Plugboard refreshes each token before it expires, by itself: a tenth of the token's lifetime ahead, and at least a minute ahead (HubSpot's 30-minute tokens are refreshed 3 minutes before they expire). Keys and tokens that do not expire are checked instead. It does this while Plugboard runs, in the window or in the tray.

## Errors: what went wrong, and what to do. $provider is a provider's name (HubSpot).
# Said of the provider when Plugboard cannot tell which one; it takes the place of $provider in the messages below.
error-some-provider = the provider
# After an error that only a new sign-in fixes; $message is the error's own sentences. "Connect" is the window's button.
error-start-again = { $message } Start again with Connect.
error-unknown-provider = Plugboard does not know a provider called “{ $provider }”.
error-unknown-connection = That connection no longer exists.
error-no-such-method = { $provider } can't connect that way.
error-missing-credentials = { $provider } needs app credentials (a client id and secret) before you can connect. Click Connect to set them up, or open Settings.
# $field is the name of a form field ("Client ID").
error-empty-field = Please fill in “{ $field }”.
error-unknown-scope = { $provider } doesn't offer the scope “{ $scope }” in Plugboard. Choose among the ones listed when you connect.
# "Copy as header" is a button of the window.
error-nothing-to-try = { $provider } has no identity or check endpoint in Plugboard's catalogue, so there is no harmless call to try. Use Copy as header with your own request instead.
error-name-too-long = A connection's name can be at most { $max } characters. Choose a shorter one.
error-name-control-characters = A connection's name can't contain line breaks, tabs or other invisible control characters (such as text-direction marks). Type it on one line.
error-name-like-an-id = That name could be mistaken for a provider or a connection id on the command line. Add a capital letter, a space or another word (for example “Client A”).
error-name-taken = Another connection is already called “{ $name }”. Choose a different name, so each one can be picked by its name.
error-credentials-from-environment = { $provider }'s app credentials are set by environment variables, which Plugboard always uses first. Change or unset those instead.
error-credentials-from-user-file = { $provider }'s app credentials come from your { $file }, which Plugboard uses before saved ones. Edit that file to change them.
error-credentials-managed = { $provider }'s app credentials are managed by your organisation and can't be changed here. Ask whoever manages Plugboard on this computer.
error-basic-token-mismatch = The Basic token doesn't match this client ID and secret. Copy all three from the same credential, or leave the Basic token empty.
error-unknown-state = This sign-in response doesn't match a sign-in Plugboard started (or it was already used), so it was ignored.
error-sign-in-expired = The sign-in to { $provider } took too long and expired.
error-declined = You declined the request in { $provider }, so nothing was connected.
# $code is the provider's error code (access_denied).
error-authorize-refused = { $provider } refused the sign-in ({ $code }). Check the app's settings at { $provider }, then try again.
error-malformed-link = Plugboard received a link that is not a sign-in response.
# $scheme is Plugboard's own link scheme (dev.plugboard.desktop).
error-not-an-address = That is not the address the browser ended on: paste the whole address, starting with http:// or https:// (or { $scheme }:).
error-sign-in-timed-out = The sign-in to { $provider } timed out.
# $detail is one of the error-loopback-… messages.
error-loopback = Plugboard can't receive the { $provider } sign-in: { $detail }. Close the other program, then try again.
error-loopback-port-in-use = port { $port } is in use by another program
error-loopback-bind = could not listen on port { $port }: { $reason }
error-loopback-timed-out = no answer from the browser in time
error-secret-missing = The saved sign-in for this { $provider } connection is gone from your keychain (it was deleted, or the keychain was reset). Connect again to use it.
# $detail is one of the error-keychain-detail-… messages.
error-unsaved-tokens = { $provider } gave Plugboard new tokens, but your keychain would not save them ({ $detail }). Plugboard keeps them in a private file that is gone when you log out, and saves them to the keychain the next time any part of Plugboard runs: unlock or restart your keyring, then open Plugboard or run any plugboard command before you log out.
error-unsaved-tokens-in-memory = { $provider } gave Plugboard new tokens, but your keychain would not save them ({ $detail }), and there is no private runtime folder to keep them in. Plugboard holds them only while it runs: unlock or restart your keyring and keep Plugboard open until then; if it closes first, reconnect { $provider }.
error-keychain-detail-locked = the keychain is locked
error-keychain-detail-unavailable = no keychain is available ({ $detail })
error-keychain-detail-rejected = the keychain refused the item ({ $detail })
error-keychain-detail-corrupt = a keychain item holds data Plugboard cannot read
error-keychain-detail-timed-out = the keychain did not answer within { $seconds } seconds
# $detail is one of the error-index-detail-… messages.
error-index-write = Plugboard couldn't save its list of connections: { $detail }. Check that the disk has space and the folder is writable, then try again.
error-unchanged = Plugboard couldn't save its list of connections ({ $detail }), so it changed nothing: your { $provider } connection is as it was before. Free some disk space (or make the folder writable), then try again.
error-held-unreadable = Plugboard kept { $provider }'s newest tokens in { $file } because your keychain would not take them, but it cannot read that file now ({ $detail }). It did not use the older tokens in your keychain, which { $provider } may already have replaced. If the file was damaged or removed by mistake, reconnect { $provider }.
error-token-host-changed = { $provider }'s token address now points to { $now }, but this connection was made with { $was }, so Plugboard did not send its tokens there. If you changed the address on purpose (in a providers file), reconnect { $provider } to sign in through it; if not, undo the change in your providers file.
error-index-read = Plugboard couldn't read its list of connections: { $detail }. Nothing was changed. Move the file aside to start a new list (the sign-ins stay in your keychain, and `{ $command }` puts them back in the list), or send the file to support.
error-index-detail-read = could not read { $path }: { $reason }
error-index-detail-unreadable = { $path } is not a connection index Plugboard can read ({ $reason })
error-index-detail-write = could not save { $path }: { $reason }
error-refresh-busy = Another Plugboard window or command is still refreshing this { $provider } connection. Try again in a minute.
error-refresh-lock = Plugboard couldn't coordinate the refresh with other Plugboard processes: could not use the refresh lock { $path }: { $reason }.
error-unreachable = Plugboard couldn't reach { $provider }. Check your internet connection and try again.
error-timed-out = { $provider } took too long to answer, so Plugboard stopped waiting. Your connection is unchanged; try again in a few minutes.
error-answer-too-large = { $provider } sent an answer far too large to be a sign-in (over 1 MiB), so Plugboard ignored it. Your connection is unchanged; try again later.
# $wait is one of the error-wait-… messages.
error-busy = { $provider } is busy (HTTP { $status }) and asked Plugboard to wait { $wait }. Your connection is kept; Plugboard tries again after that.
error-wait-moment = a moment
error-wait-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
}
error-wait-minutes = { $count ->
    [one] about { $count } minute
   *[other] about { $count } minutes
}
error-wait-hours = { $count ->
    [one] about { $count } hour
   *[other] about { $count } hours
}
error-provider-trouble = { $provider } is having trouble right now. Try again in a few minutes.
# $reason says what was wrong with the answer, in English (not JSON).
error-unreadable-answer = { $provider } sent an answer Plugboard couldn't read ({ $reason }), so nothing was saved from it. Try again later; if it keeps happening, copy the diagnostics for support.
error-invalid-client = { $provider } didn't accept these credentials. Check them and try again.
error-invalid-grant = { $provider } no longer accepts this sign-in. Connect again.
error-request-refused = { $provider } refused the request ({ $code }).
error-missing-client-secret = { $provider } needs a client secret before you can connect.
error-issuer-mismatch = This sign-in response came from a different server than expected, so it was refused.
error-http = { $provider } answered with an error (HTTP { $status }).
# $value is the name of a field the answer should have had (access_token).
error-missing-value = { $provider }'s answer lacked `{ $value }`.
error-keychain-locked = Your keychain is locked. Unlock it (log in again or open your keyring app), then try again.
error-keychain-unavailable = Plugboard can't reach your system keychain, so it can't store or read connections. Make sure a keyring service (such as GNOME Keyring or KWallet) is running.
error-keychain-rejected = Your keychain refused Plugboard's item. Copy the diagnostics and contact support.
# $problem names the file, the provider and the field.
error-catalogue-invalid = The provider list has a problem: { $problem }

## App credentials (Settings, plugboard credentials)
credentials-field-client-id = Client ID
credentials-field-client-secret = Client secret
# Where a provider's app credentials come from.
credentials-origin-demo = demo mode
credentials-origin-environment = environment variables
credentials-origin-managed = managed by your organisation
credentials-origin-user-file = your { $file }
credentials-origin-saved = saved in your keychain
credentials-origin-system-file = your organisation's defaults
credentials-origin-embedded = built into this Plugboard
credentials-origin-not-set = not set
# The saved app credentials' file, as the notice of a file set aside names it.
credentials-file = the saved app credentials ({ $file })
credentials-file-not-ids = it is not a list of client ids

## What a new connection is called until the provider names its account. $hint is the end of a key, masked (••••1a2b).
# $field is the name of the key's first field (API token).
connect-account-api-key = { $field } { $hint }
# $environment is Hotmart's environment (Production, Sandbox).
connect-account-client-in-environment = { $environment } · client { $hint }
connect-account-client = Client { $hint }
sign-in-account-fallback = { $provider } sign-in · app { $hint }

## Orphans: keychain items and connections that lost each other. $doctor and $fix are commands.
orphans-keychain-only = { $count ->
    [one] 1 keychain item belongs to no connection
   *[other] { $count } keychain items belong to no connection
}. Run `{ $doctor }` to see them, and `{ $fix }` to tidy up.
orphans-index-only = { $count ->
    [one] 1 connection has lost its keychain item
   *[other] { $count } connections have lost their keychain items
}. Run `{ $doctor }` to see them, and `{ $fix }` to tidy up.
orphans-both = { $keychain ->
    [one] 1 keychain item belongs to no connection
   *[other] { $keychain } keychain items belong to no connection
}; { $index ->
    [one] 1 connection has lost its keychain item
   *[other] { $index } connections have lost their keychain items
}. Run `{ $doctor }` to see them, and `{ $fix }` to tidy up.
# A keychain item put back in the list of connections: its account, until a check names it.
orphans-recovered-account = Recovered connection

## Settings (settings.toml)
preferences-clipboard-range = The clipboard delay must be between { $min } and { $max } seconds.
preferences-unknown-language = Plugboard does not speak "{ $language }"; choose one of its languages.
preferences-file = your settings ({ $file })
preferences-not-a-settings-file = it is not a settings file: { $reason }
preferences-back-to-defaults = Your Plugboard settings went back to their defaults (notifications on, keep running in the tray, a 30-second clipboard delay). Choose yours again in Settings.
preferences-cannot-write = Plugboard could not write its settings: { $reason }
preferences-cannot-save = Plugboard could not save your settings to { $path } ({ $reason }). Nothing was changed; check that the folder is writable and try again.

## Plugboard's own files
# $what names the file (one of the …-file messages), $why says what is wrong with it, $path is where it was kept.
files-set-aside = Plugboard couldn't read { $what } ({ $why }), so it started a new one. The old file is kept as { $path } for support; your connections are not affected.
files-not-text = not UTF-8 text
files-link-refused = { $path } is a symbolic link, and Plugboard does not follow links among its own files. Remove the link (Plugboard makes what it needs there again); to keep Plugboard's files elsewhere, link its whole folder instead.
timeline-file = the connection history ({ $file })
timeline-too-large = it is far larger than a history can be
audit-file = the record of tokens handed out ({ $file })
audit-door-copy = Copy in the window
audit-door-reveal = Reveal in the window
audit-door-token = plugboard token
audit-door-exec = plugboard exec
audit-door-proxy = plugboard proxy
audit-door-dbus = the D-Bus token service
program-unknown = an unknown program (it had ended)
programs-no-such-connection = No connection is called “{ $name }”. Ask for one by its id or name (see `plugboard status`).
programs-no-connection-yet = { $provider } has no connection yet. Connect it in Plugboard first.
programs-several = { $provider } has several connections: { $candidates }. Ask for one by its id or name.
programs-denied = You did not allow { $program } to use { $provider } ({ $account }).
programs-no-answer = Nobody answered whether { $program } may use { $provider } ({ $account }) within two minutes. Ask again when someone is at the computer.
notified-file = the list of notifications already shown ({ $file })
notified-not-a-list = it is not a list of notifications: { $reason }

## Opening Plugboard: folders and provider files. $variable is an environment variable's name.
setup-no-home = Plugboard could not find your home folder's data and config locations. Set { $home } (or { $data } and { $config }) and try again.
setup-embedded-unreadable = The app credentials built into this Plugboard could not be read ({ $problem }). Whoever built it should check the file given as { $variable }.
setup-embedded-defines-providers = it defines providers; only { $tables } tables belong there
setup-embedded-origin = credentials built into Plugboard
setup-demo-origin = demo providers
setup-system-file-not-loaded = Your organisation's provider file was not loaded: { $problem }. Ask whoever manages Plugboard on this computer to fix it.
setup-user-entry-managed = Your provider file's { $provider } entry was not used: your organisation manages that provider on this computer.
setup-user-file-not-loaded = Your provider file was not loaded: { $problem }
setup-no-such-file = { $path }: no such file (named by { $variable })
# A provider file refused because other users could have written it (as ssh refuses a configuration
# file). $path is the file, $folder a folder above it, $mode its octal mode, $owner a user id.
trust-file-writable = { $path } can be changed by other users of this computer (mode { $mode }). Make it writable by its owner only: chmod go-w { $path }
trust-file-owner = { $path } belongs to another user of this computer (user id { $owner }). Use a file of your own.
trust-folder-writable = { $path } is in { $folder }, which other users of this computer can change (mode { $mode }). Make that folder writable by its owner only: chmod go-w { $folder }
trust-folder-owner = { $path } is in { $folder }, which belongs to another user of this computer (user id { $owner }). Keep the file in a folder of your own.

## The browser page a loopback sign-in ends on (core loopback.rs)
loopback-done-title = You can close this tab
loopback-done-body = Return to Plugboard to see your connection.
loopback-stray-title = This is not the sign-in Plugboard is waiting for
loopback-stray-body = Plugboard ignored this address. Finish the sign-in in the browser tab it opened.

## A provider file's method without a label of its own (core catalogue/validate.rs)
method-label-authorization-code = Sign in with { $provider }
method-label-client-credentials = { $provider } client credentials
method-label-api-key = { $provider } API key

## A provider file's value over its limit (core catalogue/validate/limits.rs). $file: the file;
## $provider: the provider's id as the file writes it; $field: the field (`name`, `method.scopes`);
## $max: a number. $size: the file's size in bytes.
provider-file-too-long = { $file }: provider “{ $provider }”, field `{ $field }`: longer than { $max } characters. Shorten it.
provider-file-too-many = { $file }: provider “{ $provider }”, field `{ $field }`: more than { $max } entries. Keep only the ones needed.
provider-file-too-large = { $file } is { $size } bytes, more than a provider file may be ({ $max } bytes), so Plugboard did not read it. Is it the right file?

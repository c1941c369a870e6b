# The desktop app's own words (src-tauri/src): its commands' replies, sign-in links, the clipboard.
# Keep ids in step with the other languages (a test checks).

## Opening the browser (commands/app.rs, commands/connect.rs)
shell-no-developer-page = { $provider } has no developer page on file.
# $url: the page's address, for the person to open by hand.
shell-browser-failed-page = Plugboard couldn't open your browser. The page is { $url }
shell-browser-failed = Plugboard couldn't open your web browser. Set a default browser, then try again.

## Copying (commands/app.rs, commands/developer.rs, commands/settings.rs, clipboard.rs)
shell-diagnostics-copied = Diagnostics are on the clipboard. They hold no tokens or keys.
# "Reveal" is the Details panel's button that shows the token.
shell-clipboard-failed = Plugboard couldn't use the clipboard. Try again, or use Reveal and copy it yourself.
# $seconds: when Plugboard clears the clipboard (30 by default).
shell-copied-access = The access token is on the clipboard. Plugboard clears it in { $seconds } seconds.
shell-copied-header = The Authorization header is on the clipboard. Plugboard clears it in { $seconds } seconds.
shell-copied-curl = A curl command is on the clipboard. Plugboard clears it in { $seconds } seconds.
shell-copied-refresh = The refresh token is on the clipboard. Plugboard clears it in { $seconds } seconds.
shell-copy-unknown-form = Plugboard can't copy that.
# The connection's token cannot be copied in the form asked (a curl command, say).
shell-copy-nothing = This { $provider } connection has nothing to copy in that form.
shell-tokens-main-window-only = Only Plugboard's main window can show or copy tokens.
shell-confirm-copy-refresh = The refresh token gives lasting access to this { $provider } account. Anyone holding it can get new tokens. Copy it anyway?
# “Copy refresh token…” is the Details panel's button (details-copy-refresh).
shell-copy-refresh-unconfirmed = Copying a refresh token needs your confirmation first: choose “Copy refresh token…” and confirm.
shell-no-redirect-uri = { $provider } has no browser sign-in, so there is no redirect URI to register.
shell-redirect-uri-copied = The { $provider } redirect URI is on the clipboard: paste it where the provider asks for redirect URLs.

## Disconnecting (commands/connections.rs)
shell-disconnected-revoked = Disconnected from { $provider }. Access was revoked at { $provider }.
# $note: the provider's own note on what to do there (its catalogue's revoke note).
shell-disconnected-note = Disconnected from { $provider }. { $note }
shell-disconnected = Disconnected from { $provider }.
# $reason: why the provider could not confirm, in the core's words.
shell-disconnected-revoke-failed = Removed the { $provider } connection from this computer, but { $provider } did not confirm the revoke ({ $reason }). To be sure, remove Plugboard's access in your { $provider } account (its connected apps).
shell-already-removed = That connection was already removed.

## Settings (commands/settings.rs)
# Start at login; $error: what the system said.
shell-start-at-login-add-failed = Plugboard could not add its entry in your desktop's startup programs ({ $error }). Check that your config folder is writable, then try again.
shell-start-at-login-remove-failed = Plugboard could not remove its entry in your desktop's startup programs ({ $error }). Check that your config folder is writable, then try again.

## Sign-in links (links.rs)
# $path: the link's path (never its query).
shell-link-unused = Plugboard was opened with a link it doesn't use ({ $path }).
# Stands in for the provider's name (as $provider in other messages) when a sign-in response
# names none.
shell-the-provider = the provider
shell-reconnected = Reconnected { $provider } ({ $account }).
shell-connected = Connected to { $provider } as { $account }.
# A browser sign-in meant to add an account came back with one already connected.
shell-signed-in-again = You signed in to { $provider } as { $account }, which was already connected: its sign-in was renewed, and no second connection was added. To add a different account, sign out of { $provider } in your browser first.
# "Connect" is the provider card's button.
shell-sign-in-unexpected = Plugboard received a sign-in response, but no sign-in was in progress (or it was already used), so it was ignored. If you were connecting an account, start again with Connect.

## The clock (scheduler.rs)
# $seconds: how far off the clock is; $host: the provider's server it was compared with.
shell-clock-behind = This computer's clock is { $seconds } s behind { $host }'s. Expiry times may be off: turn on automatic time in your system settings.
shell-clock-ahead = This computer's clock is { $seconds } s ahead of { $host }'s. Expiry times may be off: turn on automatic time in your system settings.

## Demo mode (demo.rs)
# $error: what went wrong, in the simulator's words.
shell-demo-failed = Demo mode could not start its provider simulator: { $error }.
shell-demo-missing = This build of Plugboard has no demo mode (it was built without the simulator). Unset PLUGBOARD_DEMO, or run `make demo` from a source checkout.

## Starting (lib.rs), on the terminal
# $error: why no window could be made (no display, say).
shell-could-not-start = Plugboard could not start: { $error }

## Demo mode: what each card says of its app credentials (the window and the CLI)
shell-demo-help = Demo: the simulator's { $provider } credentials are filled in for you.

## A program asks for a token (the D-Bus token service). $program: a program's name; $connection: "HubSpot (ana@example.com)".
shell-consent-title = { $program } wants to use { $connection }
shell-consent-explanation = Allow once gives it this one token. Allow until Plugboard quits, or Always allow, lets it take { $provider }'s token again without asking (you can remove that in Settings). Deny gives it nothing.
shell-consent-unknown-choice = That is not one of the answers Plugboard offers.
shell-dbus-throttled = { $program } asked for tokens too often; it is refused for a second.
shell-dbus-caller-unknown = Plugboard could not tell which program asked ({ $why }), so it gave it nothing.
shell-dbus-other-user = Only programs of your own user may ask Plugboard for tokens.
settings-grant-not-removed = The permission could not be removed: { $error }

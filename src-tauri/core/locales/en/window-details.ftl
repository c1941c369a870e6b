# The page's Details panel (ui/views/details.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## The panel
details-summary = Details
details-loading = Loading…

## The list of facts (labels on the left)
details-row-name = Name
details-row-provider = Provider
details-row-method = Method
details-row-account = Account
# The scopes (permissions) asked of the provider when signing in; the scope IDs follow.
details-row-scopes-requested = Scopes requested
details-row-scopes-granted = Scopes granted
details-row-scopes-missing = Requested, not granted
details-row-environment = Environment
# The provider's test environment.
details-environment-sandbox = Sandbox
details-environment-production = Production
details-row-connected-since = Connected since
details-row-last-refreshed = Last refreshed
# Beside "Last refreshed": never refreshed so far.
details-not-yet = Not yet
details-row-last-error = Last error
# Beside "Last error": there has been none.
details-last-error-none = None

## Naming the connection
# Beside "Name" when the person has not named the connection.
details-name-none = None yet
details-rename = Rename…
details-name-it = Name it…
details-name-label = Name
# An example of a name, in the empty field.
details-name-placeholder = Client A — store
details-save = Save
details-cancel = Cancel

## The token, for developers
details-token-label = Access token
details-token-unavailable = Not available
details-reveal = Reveal
details-hide = Hide
details-copy-access = Copy access token
# The access token expires soon: it is refreshed first, then copied.
details-refresh-and-copy = Refresh & copy
details-copy-header = Copy as header
details-copy-curl = Copy as curl
details-refresh-and-copy-header = Refresh & copy as header
details-refresh-and-copy-curl = Refresh & copy as curl
details-copy-refresh = Copy refresh token…
details-refresh-question = The refresh token gives lasting access to this account. Anyone holding it can get new tokens. Copy it anyway?
details-refresh-confirm =
    .aria-label = Confirm copying the refresh token
details-refresh-yes = Yes, copy refresh token

## Try it: one harmless call to the provider
details-try = Try it
# $status: the HTTP status code (200); $reason: its words from the server (OK); $millis: how long it took.
details-try-accepted = HTTP { $status } { $reason } in { $millis } ms — { $provider } accepted this connection.
details-try-refused = HTTP { $status } { $reason } in { $millis } ms — { $provider } refused it: this is what a script would get now.
details-try-stale = This answer was for the token before the last refresh: Try it again to check the new one.
# Shown above the answer when the call was the provider's token introspection (it has no identity call).
details-try-introspection = { $provider } has no identity call: Try it asked { $provider }'s token introspection whether the access token is active.
details-try-inactive = HTTP { $status } { $reason } in { $millis } ms — { $provider } says the access token is not active: this is what a script would get now.
# The server answered with nothing.
details-try-empty = (empty answer)

## Asking for more access
details-more-access = Ask for more access…
details-more-intro = Tick what else to ask { $provider } for. You sign in again and this account keeps its place.

## Recent events (the connection's timeline)
details-used-by-title = Used by
details-used-by-list =
    .aria-label = Programs this connection's tokens were handed to
details-used-by-none = No program has taken a token yet
# $times: how many of the newest uses were this program's; $denied: how many of them were refused.
details-used-by-times = { $times ->
        [one] once
       *[other] { $times } times
    }{ $denied ->
        [0] {""}
       *[other] , { $denied } refused
    }
details-events-title = Recent events
details-events-list =
    .aria-label = Recent events, newest first
details-events-none = None yet
details-event-connected = Connected
details-event-refreshed = Refreshed
details-event-refresh-failed = Refresh failed
details-event-reconnect-needed = Reconnect needed
details-event-reconnected = Reconnected
details-event-disconnected = Disconnected
# Where an event happened (after the event): the window, or the plugboard command line.
details-event-by-window = in the window
details-event-by-command-line = on the command line

## Several accounts of one provider
# Makes this account the one its provider's id alone picks on the command line (plugboard default).
details-make-default = Make default

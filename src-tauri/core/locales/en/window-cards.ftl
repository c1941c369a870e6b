# The page's provider cards and connection rows (ui/views/cards.js, providers.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## A provider's card (ui/views/cards.js)
card-connect = Connect
card-add-account = Add another account
card-developer-page = Developer page
card-waiting = Waiting for your browser…
card-cancel = Cancel
# Asked before a second connection of a provider already connected.
card-another =
    .aria-label = Add another { $provider } connection?
# $accounts: the accounts (or names) already connected.
card-another-question = { $provider } is already connected ({ $accounts }). Add another { $provider } connection? Each keeps its own sign-in; signing in to an account that is already here only renews it.
# More than two accounts: the first two, and how many more.
card-another-accounts = { $first } and { $count } more
card-another-yes = Add another connection
# Under the buttons of a provider with two ways to connect; $usual: the usual way ("WhatConverts API token and secret"), $alternative: the browser sign-in's button ("Sign in with WhatConverts").
card-two-ways = Two ways to connect { $provider }: with your { $usual } here, or “{ $alternative }” in your browser, which needs an app registered with { $provider } first.
# Under the provider's name, when its OAuth app's client ID and secret are not set yet.
card-needs-credentials = Set up a { $provider } app first: Connect shows how
card-setup-details = Setup details
card-redirect-uri = Redirect URI to register
card-credentials = Credentials
# Followed by the other ways to sign in this provider supports.
card-also-supports = Also supports
# Followed by what disconnecting does at the provider.
card-disconnecting = Disconnecting
# The list of a provider's connected accounts (read by screen readers).
card-accounts =
    .aria-label = { $provider } accounts
# A button under a long list of accounts; $count is always above 20.
card-show-all = Show all { $count } { $provider } { $count ->
        [one] account
       *[other] accounts
    }

## One account's row (ui/views/cards.js)
row-disconnect = Disconnect
row-refresh = Refresh
row-refreshing = Refreshing…
# Said beside the row after Refresh; $countdown is the new expiry ("Expires in 59 min").
row-refreshed = Refreshed { $provider } ({ $account }). { $countdown }.
row-reconnect = Reconnect
row-unlock = Unlock and retry
# The provider's environment an account belongs to (Hotmart's test environment).
row-sandbox = Sandbox
row-production = Production
# Shown on hover/focus of the countdown; $time is a local date and time.
row-expires-at = Expires { $time }
# The countdown for screen readers: $countdown ("Expires in 59 min") and the local date and time.
row-countdown =
    .aria-label = { $countdown } ({ $time })

## Asking before disconnecting (ui/views/cards.js)
disconnect-ask =
    .aria-label = Disconnect { $provider } ({ $account })?
disconnect-confirm = Disconnect
disconnect-cancel = Cancel
# The provider revokes Plugboard's access when asked to.
disconnect-question-revokes = Disconnect { $provider } ({ $account })? Plugboard revokes its access at { $provider } and forgets the tokens on this computer.
# As above; $note is the provider's own note on disconnecting.
disconnect-question-revokes-note = Disconnect { $provider } ({ $account })? Plugboard revokes its access at { $provider } and forgets the tokens on this computer. { $note }
# The provider cannot revoke: the person has to remove the access there.
disconnect-question-keeps = Disconnect { $provider } ({ $account })? Plugboard forgets the tokens on this computer, but { $provider } keeps the access open: remove it in your { $provider } account.
# As above; $note says where to remove the access at the provider.
disconnect-question-keeps-note = Disconnect { $provider } ({ $account })? Plugboard forgets the tokens on this computer, but { $provider } keeps the access open. { $note }

## Announcements for screen readers when a row changes (ui/views/providers.js)
# $status is the row's new status ("Connected", "Reconnect needed").
provider-announce-status = { $account }: { $status }
provider-announce-five-minutes = { $account }: expires in 5 minutes
provider-announce-one-minute = { $account }: expires in 1 minute
provider-announce-expired = { $account }: has expired

## Several accounts of one provider (ui/views/cards.js)
# Beside the status of the account its provider's id alone picks on the command line (plugboard default).
row-default = Default

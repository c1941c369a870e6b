# Plugboard's messages (Project Fluent). The tray and the desktop notifications read these; the
# window and the command line move here next. Keep ids in step with pt-BR/ and es/ (a test checks).

who = { $provider } ({ $account })

## Health, as the tray's lines say it
health-connected = Connected
health-expiring-soon = Expiring soon
health-refreshing = Refreshing…
health-temporary-problem = Temporary problem
health-reconnect-needed = Reconnect needed
health-keychain-locked = Keychain locked
health-keychain-unavailable = Keychain unavailable

## A coarse countdown, for a menu redrawn once a minute
expiry-never = does not expire
expiry-unknown = expiry unknown
expiry-expired = expired
expiry-minutes = expires in { $n } min
expiry-hours = expires in { $n } h
expiry-days = expires in { $n } d

## The tray
tray-no-connections = No connections yet
tray-needs-you = { $count ->
    [one] 1 connection needs you
   *[other] { $count } connections need you
}
tray-all-working = { $count ->
    [one] Your connection is working
   *[other] All { $count } connections are working
}
tray-line = { $provider } · { $who } — { $status }
tray-line-expiry = { $provider } · { $who } — { $status }, { $expiry }
tray-open = Open Plugboard
tray-more = { $count } more in the window…
tray-refresh-all = Refresh all
tray-quit = Quit Plugboard
tray-tooltip = Plugboard: { $headline }
tray-cannot-open = Plugboard cannot open your connections: open it to see why

## Notifications
need-reconnect-title = { $provider } needs you to reconnect
need-reconnect-body = { $provider } no longer accepts the sign-in of { $who }. Open Plugboard and click Reconnect to sign in again.
# In the window (no "open Plugboard" there): the row's Reconnect button.
need-reconnect-page = { $provider } no longer accepts the sign-in of { $who }. Click Reconnect on its row to sign in again.
need-item-gone-body = The saved sign-in of { $who } is gone from your keychain (it was deleted, or the keychain was reset). Open Plugboard and click Reconnect to sign in again.
need-item-gone-page = The saved sign-in of { $who } is gone from your keychain (it was deleted, or the keychain was reset). Click Reconnect on its row to sign in again.
need-keychain-title = Your keychain is locked
need-keychain-body = Plugboard cannot refresh { $who } while the keychain is locked. Unlock it (log in again, or open your keychain app); Plugboard then carries on by itself.
need-expires-title = { $provider } access expires in { $left ->
        [one] 1 minute
       *[other] { $left } minutes
    }
need-expires-body = The access of { $who } expires in { $left ->
        [one] 1 minute
       *[other] { $left } minutes
    }, and { $provider } gave Plugboard no way to renew it. Open Plugboard and click Reconnect to sign in again.
need-expires-page = The access of { $who } expires in { $left ->
        [one] 1 minute
       *[other] { $left } minutes
    }, and { $provider } gave Plugboard no way to renew it. Click Reconnect on its row to sign in again.
need-expired-title = { $provider } access has expired
need-expired-body = The access of { $who } has expired, and { $provider } gave Plugboard no way to renew it. Open Plugboard and click Reconnect to sign in again.
need-expired-page = The access of { $who } has expired, and { $provider } gave Plugboard no way to renew it. Click Reconnect on its row to sign in again.
need-problem-title = Plugboard cannot reach { $provider }
need-problem-body = Refreshing { $who } has failed for { $lasted ->
        [one] 1 minute
       *[other] { $lasted } minutes
    }. Plugboard keeps retrying; check your internet connection, and { $provider }'s status page if it goes on.
group-title = { $count } connections need you
group-reconnect = { $who }: reconnect needed
group-keychain = { $who }: keychain locked, cannot refresh
group-expires = { $who }: access expires soon, sign in again
group-problem = { $who }: cannot be refreshed for a while
group-more = and { $count } more
group-open = Open Plugboard to see what to do.
# In the window: after the lines, instead of group-open.
group-see-rows = Each row says what to do.
still-running-title = Plugboard is still running
still-running-body = It keeps your connections fresh in the background and tells you when one needs you. Open it again from its icon in the tray; choose Quit Plugboard there to end it.
signed-in-title = Connected to { $provider }
signed-in-body = { $account } is connected. Plugboard keeps it fresh in the background; click to see it.
notification-open = Open Plugboard
# A program took a connection's token for the first time (the D-Bus token service). $program: its name.
notification-program-first-use = { $program } used { $provider } · { $account }
notification-program-first-use-body = { $program } took this connection's token for the first time. Settings › Programs with access lists the programs allowed to.

# The page's frame (ui/index.html, dom.js) and Settings (ui/views/settings.js).
# Formatted by the page (ui/i18n.js, @fluent/bundle): ids in index.html are `data-l10n-id`s.
# Keep ids in step with the other languages (a test checks).

## The frame
page-skip = Skip to providers
page-tagline = Connect your business accounts. Secrets stay in your system keychain.
page-demo = Demo
page-settings = Settings
page-close = Close
page-providers =
    .aria-label = Providers
page-loading = Loading providers…
page-keychain-checking = Checking your keychain…
page-copy-diagnostics = Copy diagnostics
page-recent-messages = Recent messages
page-recent-list =
    .aria-label = Recent messages, newest first
error-inside = Something went wrong inside Plugboard. Restart it, and copy the diagnostics if it happens again.
health-retrying-at = { $status } — retrying at { $time }

## Settings
settings-language = Language
settings-language-system = Same as the system ({ $language })
settings-language-hint = The window, the tray, notifications and the command line speak it.
settings-language-fixed = Set to { $locale } by { $variable } in Plugboard's environment.
settings-general = General
settings-saved = Settings saved.
settings-notifications = Notifications
settings-notifications-hint = Tell me when a connection needs me: reconnect needed, the keychain locked, access about to run out, or a problem lasting over 15 minutes. Never for routine refreshes.
settings-start-at-login = Start at login
settings-start-at-login-hint = Plugboard starts in the tray when you log in, so tokens stay fresh without opening the window.
settings-keep-in-tray = Keep running in the tray
settings-keep-in-tray-hint = Closing the window keeps Plugboard in the tray, refreshing tokens and telling you when a connection needs you. Quit from the tray icon's menu.
settings-keep-in-tray-no-tray = Your desktop shows no tray icons right now, so closing the window quits Plugboard whatever this says.
# A label with the number box where $seconds is (the box, not a number, goes there).
settings-clipboard-clear = Clear a copied token after { $seconds } seconds
settings-clipboard-invalid = Enter a whole number of seconds between { $min } and { $max }.
settings-clipboard-hint = Between { $min } and { $max } seconds; anything you copied since is left alone.
settings-clipboard-fixed = Set to { $seconds } s by PLUGBOARD_CLIPBOARD_CLEAR_SECS in Plugboard's environment.
settings-refresh = Automatic refresh
settings-credentials = App credentials for browser sign-in
settings-credentials-order = Plugboard uses the first it finds: environment variables, your organisation's managed ones, your providers.toml, the ones saved here, your organisation's defaults, then any built into this Plugboard.
settings-client-id = Client ID
settings-client-secret = Client secret
settings-secret-not-needed = Not needed (public app)
settings-secret-hidden = •••••••• (kept hidden)
settings-secret-missing = Missing: the sign-in will fail until one is set
settings-change = Change
settings-add = Add
settings-forget = Forget
# A notice.
settings-forgot-client-id = Forgot the { $provider } client ID you had saved.
# A notice.
settings-forgot-app-credentials = Forgot the { $provider } app credentials you had saved. The secret is gone from your keychain.
# Where a provider's app credentials come from. "Connect": the button on the provider's card.
settings-origin-none = No app credentials yet: add them here, or click Connect on the card for a guided setup.
settings-origin-managed = Managed by your organisation. Ask whoever manages Plugboard on this computer to change them.
# $variable: an environment variable's name.
settings-origin-environment = Set by environment variables ({ $variable }). Change or unset those to change them.
settings-origin-user-file = From your providers.toml. Edit that file to change them.
settings-origin-saved = Saved here; the secret is in your keychain.
settings-origin-system-file = Your organisation's defaults. You can save your own instead.
settings-origin-embedded = Built into this Plugboard. You can save your own instead.
settings-origin-demo = Demo mode's simulator.
# $origin: where they come from, in words (already translated).
settings-origin-other = From { $origin }.

## A program asks for a connection's token.
consent-program = Program
consent-connection = Connection
consent-allow-once = Allow once
consent-allow-until-quit = Allow until Plugboard quits
consent-allow-always = Always allow
consent-deny = Deny

## Settings › Programs with access (the D-Bus token service's grants).
settings-programs = Programs with access
settings-programs-intro = Programs you allowed to take a connection's token without asking. Remove one and it is asked again next time.
settings-programs-none = No program may take a token without asking.
settings-remove = Remove
settings-grant-always = always
settings-grant-until-quit = until Plugboard quits
settings-grant-since = since
settings-grant-last-used = last used
settings-grant-removed = Removed: that program will be asked again.
settings-program-notifications = Tell me when a program uses a connection for the first time
settings-program-notifications-hint = A notification names the program and the connection the first time it takes a token through the D-Bus token service.

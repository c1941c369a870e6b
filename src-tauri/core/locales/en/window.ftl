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
page-keychain-checking = Keychain: checking…
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
settings-language-fixed = Set to { $locale } by PLUGBOARD_LOCALE in Plugboard's environment.

# The page's forms, notices and footer (ui/views/forms.js, notices.js, footer.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## Connect forms (a card's credentials form, a provider's OAuth app credentials, the scope chooser)
# Placeholder of a field that demo mode fills in on its own.
form-demo-filled = Filled in by demo mode
form-save-and-connect = Save and connect
form-connect = Connect
form-cancel = Cancel
form-client-id = Client ID
form-client-secret = Client secret
# An optional field: an already encoded "Basic" token, compared with the client ID and secret above.
form-basic-token = Basic token (optional: checked against the two above)
form-environment = Environment
form-connect-form =
    .aria-label = Connect { $provider }
# A notice. $account: the account as the provider names it.
form-connected = Connected to { $provider } as { $account }.
form-save-and-sign-in = Save and sign in
form-save-credentials = Save credentials
# Button that copies the redirect URI.
form-copy = Copy
form-copied-redirect-uri = Copied: paste it into the app's redirect URLs.
form-setup-steps =
    .aria-label = Setting up a { $provider } app
form-app-credentials =
    .aria-label = { $provider } app credentials
# $help: the provider's own advice on where to find them (already translated; may be empty).
form-app-intro = { $provider } needs app credentials before you can sign in. { $help }
# A public app has only a client ID. $help: the provider's own advice (already translated; may be empty).
form-app-intro-public = { $provider } needs its app's client ID before you can sign in (a public app: no secret). { $help }
# Followed by the address itself.
form-redirect-uri = Redirect URI to register:
# Followed by the list of scopes (technical names).
form-scopes-to-add = Scopes to add:
# A notice.
form-saved-client-id = Saved the { $provider } client ID.
# A notice.
form-saved-app-credentials = Saved the { $provider } app credentials. The secret is in your keychain.
# Button that opens the provider's sign-in page in the browser.
form-continue-to = Continue to { $provider }
# Beside a scope (permission) that every sign-in asks for.
form-scope-always = (always asked for)
form-scope-chooser =
    .aria-label = Choose what { $provider } access to ask for
# Scopes: the permissions asked of the provider; "tick": check the box.
form-scope-intro = Choose what Plugboard asks { $provider } for. Your { $provider } app must list the scopes you tick.
# Description of a scope every sign-in needs.
form-scope-needed = Needed to connect

## Notices
notice-dismiss =
    .aria-label = Dismiss

## Footer
footer-version = Plugboard { $version }
footer-keychain-ready = Keychain: ready
footer-keychain-locked = Keychain: locked
footer-keychain-unavailable = Keychain: unavailable
footer-keychain-unknown = Keychain: unknown
# Sign-in links: the plugboard:// links a browser sign-in comes back through.
footer-sign-in-links-ready = Sign-in links: ready
footer-sign-in-links-unregistered = Sign-in links: not registered with this desktop (install Plugboard from its package)
# Hover text of the "Demo" badge. $address: the simulator's address.
footer-demo-title = Demo mode: providers are simulated at { $address }

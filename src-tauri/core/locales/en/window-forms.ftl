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
# A notice: a form connected an account that was already here (the same key or client).
form-connected-again = { $provider } ({ $account }) was already connected: its sign-in was renewed, and no second connection was added.
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
# Above the scopes (permissions) every sign-in asks for, shown ticked and fixed.
form-scopes-required = Always asked for (needed to connect):
# Above the scopes the person may tick.
form-scopes-optional = You may also ask for:
form-scope-chooser =
    .aria-label = Choose what { $provider } access to ask for
# Scopes: the permissions asked of the provider; "tick": check the box.
form-scope-intro = Choose what Plugboard asks { $provider } for. Your { $provider } app must list the scopes you tick.

## Notices
notice-dismiss =
    .aria-label = Dismiss

## Footer
footer-version = Plugboard { $version }
footer-keychain-ready = Tokens kept in your keychain
footer-keychain-locked = Your keychain is locked
footer-keychain-unavailable = No keychain found
footer-keychain-unknown = Keychain not checked yet
# Sign-in links: the plugboard:// links a browser sign-in comes back through.
footer-sign-in-links-ready = Browser sign-in returns here
footer-sign-in-links-unregistered = Browser sign-in cannot return here: install Plugboard from its package
# Hover text of the "Demo" badge. $address: the simulator's address.
footer-demo-title = Demo mode: providers are simulated at { $address }

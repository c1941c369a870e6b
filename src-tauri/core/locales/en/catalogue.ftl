# The built-in providers' texts (src-tauri/core/src/catalogue/builtin.toml), by
# `catalogue-<provider>-<key>`: what the catalogue says in English, in this language. A text with
# no message here is shown as the catalogue has it. Keep ids in step with the other languages.
#
# Id scheme (see the module doc of src-tauri/core/src/catalogue/language.rs, where the lookup is done):
#   catalogue-<provider>-credentials_help            the provider's `credentials_help`
#   catalogue-<provider>-setup_steps-<n>             its n-th `setup_steps` entry, from 1
#   catalogue-<provider>-revoke_note                 its `revoke_note`
#   catalogue-<provider>-environment-<environment>   an environment's `label`, by its id
#   catalogue-<provider>-method-<kind>               a method's `label`, by its kind
#                                                    (authorization_code, client_credentials, api_key)
#   catalogue-<provider>-field-<field>               an API-key form field's `label`, by its id
#   catalogue-<provider>-scope-<scope>               an optional scope's `description`, by its id
# Fluent ids allow only [a-zA-Z0-9_-]: any other character of an id part is written "-"
# (scope crm.objects.deals.read: catalogue-hubspot-scope-crm-objects-deals-read).
# Only built-in providers' texts are translated, and only while a text is still the built-in one:
# an organisation's providers.toml keeps its own words. The English messages must say exactly
# what builtin.toml says (a test checks). Provider and product names stay as they are.

## Hotmart
catalogue-hotmart-credentials_help = Create credentials under Tools › Developer Credentials in Hotmart (sandbox or production).
catalogue-hotmart-revoke_note = Hotmart has no revoke: delete the credential under Tools › Developer Credentials.
catalogue-hotmart-environment-production = Production
# Hotmart's test environment.
catalogue-hotmart-environment-sandbox = Sandbox
catalogue-hotmart-method-client_credentials = Hotmart developer credentials
catalogue-hotmart-method-authorization_code = Sign in with Hotmart

## WhatConverts
catalogue-whatconverts-credentials_help = In WhatConverts, open the profile and choose Tracking › Integrations › API Keys › Generate API Key (a master account key: Integrations › API Keys › Add API Key). Enter its API token and API secret here.
catalogue-whatconverts-revoke_note = WhatConverts keys are managed in your WhatConverts dashboard: delete the key there to revoke it.
catalogue-whatconverts-method-api_key = WhatConverts API token and secret
catalogue-whatconverts-field-token = API token
catalogue-whatconverts-field-secret = API secret
catalogue-whatconverts-method-authorization_code = Sign in with WhatConverts

## Ecwid
catalogue-ecwid-credentials_help = Register an app with Ecwid (Lightspeed E-Series) to get a client id and secret.
# The guided setup's steps; "below" is the window's Redirect URI and Scopes, under the steps.
catalogue-ecwid-setup_steps-1 = Open Ecwid's developer site (Developer page below) and request a custom app for your store.
catalogue-ecwid-setup_steps-2 = Ask Ecwid to register the redirect URI below for the app: Ecwid's team sets it for you.
catalogue-ecwid-setup_steps-3 = Ask for the scopes listed below, and for each optional one people may tick: Ecwid refuses a sign-in that asks for a scope the app was not given.
catalogue-ecwid-setup_steps-4 = When Ecwid sends the app's client ID and client secret, enter them here.
catalogue-ecwid-revoke_note = Ecwid has no revoke: uninstall the app in your Ecwid admin.
catalogue-ecwid-method-authorization_code = Sign in with Ecwid
# Optional permissions, offered as checkboxes when connecting.
catalogue-ecwid-scope-update_catalog = Change products and categories
catalogue-ecwid-scope-update_orders = Change orders
catalogue-ecwid-scope-read_customers = See customers

## HubSpot
catalogue-hubspot-credentials_help = Create a HubSpot app (developer account › Apps) and copy its client id and secret.
# The guided setup's steps; "below" is the window's Redirect URI and Scopes, under the steps.
catalogue-hubspot-setup_steps-1 = Sign in to your HubSpot developer account (developers.hubspot.com) and open Apps › Create app.
catalogue-hubspot-setup_steps-2 = On the app's Auth tab, add the redirect URI below as a Redirect URL.
catalogue-hubspot-setup_steps-3 = Under Scopes, add the scopes listed below.
catalogue-hubspot-setup_steps-4 = Save the app, then copy its Client ID and Client secret from the Auth tab into the fields here.
catalogue-hubspot-revoke_note = Revoking stops refreshes; already issued access tokens live out their 30 minutes, and the app stays installed in HubSpot.
catalogue-hubspot-method-authorization_code = Sign in with HubSpot
# Optional permissions, offered as checkboxes when connecting.
catalogue-hubspot-scope-crm-objects-contacts-write = Create and update contacts
catalogue-hubspot-scope-crm-objects-companies-read = See companies
catalogue-hubspot-scope-crm-objects-companies-write = Create and update companies
catalogue-hubspot-scope-crm-objects-deals-read = See deals
catalogue-hubspot-scope-crm-objects-deals-write = Create and update deals
catalogue-hubspot-scope-tickets = See and update support tickets

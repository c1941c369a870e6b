# The page's forms, notices and footer (ui/views/forms.js, notices.js, footer.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## Connect forms (a card's credentials form, a provider's OAuth app credentials, the scope chooser)
# Placeholder of a field that demo mode fills in on its own.
form-demo-filled = Lo completa el modo de demostración
form-save-and-connect = Guardar y conectar
form-connect = Conectar
form-cancel = Cancelar
form-client-id = ID de cliente
form-client-secret = Secreto de cliente
# An optional field: an already encoded "Basic" token, compared with the client ID and secret above.
form-basic-token = Token Basic (opcional: se comprueba con los dos campos de arriba)
form-environment = Entorno
form-connect-form =
    .aria-label = Conectar { $provider }
# A notice. $account: the account as the provider names it.
form-connected = Conectado a { $provider } como { $account }.
form-connected-again = La cuenta { $account } de { $provider } ya estaba conectada: se renovó su inicio de sesión y no se agregó una segunda conexión.
form-save-and-sign-in = Guardar e iniciar sesión
form-save-credentials = Guardar credenciales
# Button that copies the redirect URI.
form-copy = Copiar
form-copied-redirect-uri = Copiada: pégala en las URL de redirección de la app.
form-setup-steps =
    .aria-label = Cómo configurar una app de { $provider }
form-app-credentials =
    .aria-label = Credenciales de la app de { $provider }
# $help: the provider's own advice on where to find them (already translated; may be empty).
form-app-intro = { $provider } necesita las credenciales de la app antes de que inicies sesión. { $help }
# A public app has only a client ID. $help: the provider's own advice (already translated; may be empty).
form-app-intro-public = { $provider } necesita el ID de cliente de la app antes de que inicies sesión (es una app pública: sin secreto). { $help }
# Followed by the address itself.
form-redirect-uri = URI de redirección que debes registrar:
# Followed by the list of scopes (technical names).
form-scopes-to-add = Alcances que debes agregar:
# A notice.
form-saved-client-id = Se guardó el ID de cliente de { $provider }.
# A notice.
form-saved-app-credentials = Se guardaron las credenciales de la app de { $provider }. El secreto está en tu llavero.
# Button that opens the provider's sign-in page in the browser.
form-continue-to = Continuar a { $provider }
form-scopes-required = Siempre se piden (necesarios para conectar):
form-scopes-optional = También puedes pedir:
form-scope-chooser =
    .aria-label = Elige qué acceso pedirle a { $provider }
# Scopes: the permissions asked of the provider; "tick": check the box.
form-scope-intro = Elige qué le pide Plugboard a { $provider }. Tu app de { $provider } debe incluir los alcances que marques.

## Notices
notice-dismiss =
    .aria-label = Descartar

## Footer
footer-version = Plugboard { $version }
footer-keychain-ready = Tokens guardados en tu llavero
footer-keychain-locked = Tu llavero está bloqueado
footer-keychain-unavailable = No se encontró ningún llavero
footer-keychain-unknown = Llavero aún sin comprobar
# Sign-in links: the plugboard:// links a browser sign-in comes back through.
footer-sign-in-links-ready = El inicio de sesión en el navegador vuelve aquí
footer-sign-in-links-unregistered = El inicio de sesión en el navegador no puede volver aquí: instala Plugboard desde su paquete
# Hover text of the "Demo" badge. $address: the simulator's address.
footer-demo-title = Modo de demostración: los proveedores se simulan en { $address }

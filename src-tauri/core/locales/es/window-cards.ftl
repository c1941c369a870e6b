# The page's provider cards and connection rows (ui/views/cards.js, providers.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## A provider's card (ui/views/cards.js)
card-connect = Conectar
card-add-account = Agregar otra cuenta
card-developer-page = Página para desarrolladores
card-waiting = Esperando a tu navegador…
card-cancel = Cancelar
card-another =
    .aria-label = ¿Agregar otra conexión de { $provider }?
card-another-question = Ya hay una conexión con { $provider } ({ $accounts }). ¿Agregar otra conexión de { $provider }? Cada una tiene su propio inicio de sesión; volver a iniciar sesión en una cuenta que ya está aquí solo la renueva.
card-another-accounts = { $first } y { $count } más
card-another-yes = Agregar otra conexión
card-two-ways = Dos formas de conectar { $provider }: con { $usual } aquí, o “{ $alternative }” en el navegador, que antes necesita una app registrada en { $provider }.
# Under the provider's name, when its OAuth app's client ID and secret are not set yet.
card-needs-credentials = Primero configura una app de { $provider }: Conectar muestra cómo
card-setup-details = Detalles de configuración
card-redirect-uri = URI de redirección que debes registrar
card-credentials = Credenciales
# Followed by the other ways to sign in this provider supports.
card-also-supports = También admite
# Followed by what disconnecting does at the provider.
card-disconnecting = Al desconectar
# The list of a provider's connected accounts (read by screen readers).
card-accounts =
    .aria-label = Cuentas de { $provider }
# A button under a long list of accounts; $count is always above 20.
card-show-all = { $count ->
        [one] Mostrar { $count } cuenta de { $provider }
       *[other] Mostrar las { $count } cuentas de { $provider }
    }

## One account's row (ui/views/cards.js)
row-disconnect = Desconectar
row-refresh = Renovar
row-refreshing = Renovando…
# Said beside the row after Refresh; $countdown is the new expiry ("Expires in 59 min").
row-refreshed = Se renovó { $provider } ({ $account }). { $countdown }.
row-reconnect = Volver a conectar
row-unlock = Desbloquear y reintentar
# The provider's environment an account belongs to (Hotmart's test environment).
row-sandbox = Sandbox
row-production = Producción
# Shown on hover/focus of the countdown; $time is a local date and time.
row-expires-at = Vence el { $time }
# The countdown for screen readers: $countdown ("Expires in 59 min") and the local date and time.
row-countdown =
    .aria-label = { $countdown } ({ $time })

## Asking before disconnecting (ui/views/cards.js)
disconnect-ask =
    .aria-label = ¿Desconectar { $provider } ({ $account })?
disconnect-confirm = Desconectar
disconnect-cancel = Cancelar
# The provider revokes Plugboard's access when asked to.
disconnect-question-revokes = ¿Desconectar { $provider } ({ $account })? Plugboard revoca su acceso en { $provider } y borra los tokens de esta computadora.
# As above; $note is the provider's own note on disconnecting.
disconnect-question-revokes-note = ¿Desconectar { $provider } ({ $account })? Plugboard revoca su acceso en { $provider } y borra los tokens de esta computadora. { $note }
# The provider cannot revoke: the person has to remove the access there.
disconnect-question-keeps = ¿Desconectar { $provider } ({ $account })? Plugboard borra los tokens de esta computadora, pero { $provider } mantiene el acceso abierto: quítalo en tu cuenta de { $provider }.
# As above; $note says where to remove the access at the provider.
disconnect-question-keeps-note = ¿Desconectar { $provider } ({ $account })? Plugboard borra los tokens de esta computadora, pero { $provider } mantiene el acceso abierto. { $note }

## Announcements for screen readers when a row changes (ui/views/providers.js)
# $status is the row's new status ("Connected", "Reconnect needed").
provider-announce-status = { $account }: { $status }
provider-announce-five-minutes = { $account }: vence en 5 minutos
provider-announce-one-minute = { $account }: vence en 1 minuto
provider-announce-expired = { $account }: venció

## Several accounts of one provider (ui/views/cards.js)
# Beside the status of the account its provider's id alone picks on the command line (plugboard default).
row-default = Predeterminada

# The page's Details panel (ui/views/details.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## The panel
details-summary = Detalles
details-loading = Cargando…

## The list of facts (labels on the left)
details-row-name = Nombre
details-row-provider = Proveedor
details-row-method = Método
details-row-account = Cuenta
# The scopes (permissions) asked of the provider when signing in; the scope IDs follow.
details-row-scopes-requested = Alcances solicitados
details-row-scopes-granted = Alcances concedidos
details-row-scopes-missing = Solicitados, pero no concedidos
details-row-environment = Entorno
# The provider's test environment.
details-environment-sandbox = Sandbox
details-environment-production = Producción
details-row-connected-since = Conectada desde
details-row-last-refreshed = Última renovación
# Beside "Last refreshed": never refreshed so far.
details-not-yet = Todavía no
details-row-last-error = Último error
# Beside "Last error": there has been none.
details-last-error-none = Ninguno

## Naming the connection
# Beside "Name" when the person has not named the connection.
details-name-none = Todavía sin nombre
details-rename = Cambiar nombre…
details-name-it = Ponerle nombre…
details-name-label = Nombre
# An example of a name, in the empty field.
details-name-placeholder = Cliente A — tienda
details-save = Guardar
details-cancel = Cancelar

## The token, for developers
details-token-label = Token de acceso
details-token-unavailable = No disponible
details-reveal = Mostrar
details-hide = Ocultar
details-copy-access = Copiar token de acceso
# The access token expires soon: it is refreshed first, then copied.
details-refresh-and-copy = Renovar y copiar
details-copy-header = Copiar como encabezado
details-copy-curl = Copiar como curl
details-refresh-and-copy-header = Renovar y copiar como encabezado
details-refresh-and-copy-curl = Renovar y copiar como curl
details-copy-refresh = Copiar token de renovación…
details-refresh-question = El token de renovación da acceso duradero a esta cuenta. Quien lo tenga puede obtener tokens nuevos. ¿Copiarlo de todos modos?
details-refresh-confirm =
    .aria-label = Confirmar la copia del token de renovación
details-refresh-yes = Sí, copiar token de renovación

## Try it: one harmless call to the provider
details-try = Probar
# $status: the HTTP status code (200); $reason: its words from the server (OK); $millis: how long it took.
details-try-accepted = HTTP { $status } { $reason } en { $millis } ms — { $provider } aceptó esta conexión.
details-try-refused = HTTP { $status } { $reason } en { $millis } ms — { $provider } la rechazó: esto es lo que recibiría un script ahora.
details-try-stale = Esta respuesta era del token anterior a la última renovación: haz clic en Probar otra vez para comprobar el nuevo.
# Shown above the answer when the call was the provider's token introspection (it has no identity call).
details-try-introspection = { $provider } no tiene llamada de identidad: la prueba le preguntó a la introspección de tokens de { $provider } si el token de acceso está activo.
details-try-inactive = HTTP { $status } { $reason } en { $millis } ms — { $provider } dice que el token de acceso no está activo: esto es lo que recibiría un script ahora.
# The server answered with nothing.
details-try-empty = (respuesta vacía)

## Asking for more access
details-more-access = Pedir más acceso…
details-more-intro = Marca qué más pedirle a { $provider }. Vuelves a iniciar sesión y esta cuenta conserva su lugar.

## Recent events (the connection's timeline)
details-used-by-title = Usado por
details-used-by-list =
    .aria-label = Programas que recibieron tokens de esta conexión
details-used-by-none = Ningún programa ha tomado un token todavía
# $times: cuántos de los usos más recientes fueron de este programa; $denied: cuántos se rechazaron.
details-used-by-times = { $times ->
        [one] una vez
       *[other] { $times } veces
    }{ $denied ->
        [0] {""}
       *[other] , { $denied } rechazado(s)
    }
details-events-title = Eventos recientes
details-events-list =
    .aria-label = Eventos recientes, del más nuevo al más antiguo
details-events-none = Ninguno todavía
details-event-connected = Conectada
details-event-refreshed = Renovada
details-event-refresh-failed = Falló la renovación
details-event-reconnect-needed = Hay que volver a conectar
details-event-reconnected = Conectada de nuevo
details-event-disconnected = Desconectada
details-event-by-window = en la ventana
details-event-by-command-line = en la línea de comandos

## Several accounts of one provider
# Makes this account the one its provider's id alone picks on the command line (plugboard default).
details-make-default = Hacer predeterminada

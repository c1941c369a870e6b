# The command line's words (src-tauri/cli), its --help included.
# Keep ids in step with the other languages (a test checks).
# Commands, flags, file names and environment variables stay as they are (`plugboard status`,
# --json, providers.toml, PLUGBOARD_DEMO). $command is always a whole command to type.

## Starting and stopping
cli-could-not-start = Plugboard no pudo iniciarse: { $error }
# A problem found in one of Plugboard's files ($problem is a whole sentence).
cli-warning = Aviso: { $problem }
cli-note = Nota: { $note }
cli-write-failed = No se pudo escribir la salida: { $error }
# $binary is the window's program file; $help is a command.
cli-window-missing = La ventana de Plugboard no está instalada junto a este comando ({ $binary }). Reinstala Plugboard o usa un subcomando: { $help }
cli-window-failed = Plugboard no pudo abrir su ventana: { $error }
cli-crashed = Plugboard se detuvo por un error interno (un bug), así que este comando no terminó. Por favor, repórtalo.
# $log is a file's path.
cli-crashed-recorded = Plugboard se detuvo por un error interno (un bug), así que este comando no terminó. Quedó registrado en { $log }. Por favor, repórtalo.
cli-demo-no-simulator = El modo de demostración no pudo iniciar su simulador de proveedores: { $error }.
# $variable is an environment variable; $make a command; $binary a file's path.
cli-demo-not-built = Esta versión de plugboard no tiene modo de demostración (se compiló sin el simulador de proveedores). Quita { $variable } o usa `{ $make }` y { $binary } desde el código fuente.

## Values typed or piped in. $label is what is asked for (“Client ID”, or a provider's field name).
# The prompt at a terminal.
cli-prompt = { $label }:
cli-input-needed = Plugboard necesita este valor: { $label }. Escríbelo cuando se te pida o envíalo por la entrada estándar (un valor por línea).
# $flag is a command-line flag with its value (--client-id, --field token=…).
cli-input-needed-or-flag = Plugboard necesita este valor: { $label }. Escríbelo cuando se te pida, envíalo por la entrada estándar (un valor por línea) o usa { $flag }.
cli-label-client-id = ID de cliente
cli-label-client-secret = Secreto de cliente
cli-label-pasted-address = dirección en la que terminó el navegador (pégala aquí)

## <connection> arguments
cli-no-such-connection = No hay ninguna conexión ni proveedor llamado “{ $name }”. Consulta `plugboard status` para ver los ID y nombres de las conexiones.
cli-no-connection-yet = Todavía no hay ninguna conexión con { $provider }. Conecta una con: { $command }
# $provider is a provider's name; $given what was typed (a provider id). The connections follow, one a line.
cli-several-connections = { $provider } tiene { $count } conexiones, así que “{ $given }” puede ser cualquiera de ellas:
# After that list. $command sets a default (plugboard default <connection>).
cli-several-how-to-pick = Indica una por su ID o su nombre, o haz que una sea la predeterminada de { $provider }, la que se usará cuando escribas solo “{ $given }”: { $command }
# A connection in a line about it: $id its id, $account who it is, $name the name the person gave it.
cli-connection-named = { $id } “{ $name }” ({ $account })
cli-connection-unnamed = { $id } ({ $account })

## Failures
# $id_variable and $secret_variable are environment variables; $section is a section of providers.toml.
cli-missing-credentials = { $provider } necesita credenciales de la app (un ID de cliente y, salvo que sea un cliente público, un secreto de cliente) antes de que puedas iniciar sesión. Guárdalas con `{ $command }` (o en la Configuración de la ventana), define { $id_variable } y { $secret_variable } o agrega { $section } a providers.toml.
# $known lists the ones the provider has.
cli-no-such-field = { $provider } no tiene el campo “{ $given }”; usa uno de estos: { $known }.
cli-no-such-environment = { $provider } no tiene el entorno “{ $given }”; usa uno de estos: { $known }.

## Tables' column headings (capitals, as tables on a terminal have them)
cli-column-id = ID
cli-column-name = NOMBRE
# Methods of connecting; the default one is marked with a *.
cli-column-methods = MÉTODOS (* predeterminado)
cli-column-app-credentials = CREDENCIALES DE LA APP
cli-column-redirect = URI DE REDIRECCIÓN A REGISTRAR
cli-column-provider = PROVEEDOR
cli-column-account = CUENTA
cli-column-status = ESTADO
cli-column-expires = VENCE
cli-column-scopes = ALCANCES
cli-column-client-id = ID DE CLIENTE
cli-column-secret = SECRETO
# Where the app credentials come from.
cli-column-from = ORIGEN

## plugboard providers
# A provider's app credentials (a table cell).
cli-app-credentials-not-needed = no hacen falta
cli-app-credentials-missing = faltan
cli-app-credentials-optional = ninguna (solo el inicio de sesión en el navegador las necesita)
# $command is the flag to ask for them; $scopes lists them, each with what it is for.
cli-providers-optional-scopes = { $provider } también puede pedir ({ $command }): { $scopes }
# $scheme is the window's own address scheme (dev.plugboard.desktop:). The line breaks are kept.
cli-providers-loopback =
    La ventana inicia sesión a través de la dirección { $scheme } de arriba. La línea de comandos
    escucha en { $address }: registra también esa donde el
    proveedor acepte redirecciones a loopback.

## plugboard status
cli-status-none = Todavía no hay conexiones. Conecta una con: plugboard connect <proveedor>  (consulta: plugboard providers)
cli-keychain-ready = Llavero: listo
cli-keychain-locked = Llavero: bloqueado. Desbloquéalo (vuelve a iniciar sesión o abre tu app de llavero) y vuelve a intentarlo.
cli-keychain-unavailable = Llavero: no disponible. Inicia el llavero de tu escritorio (gnome-keyring, KWallet o KeePassXC) y vuelve a intentarlo.
# $status is a connection's status (“Temporary problem”); $at a time (RFC 3339).
cli-status-retrying = { $status }, se reintenta el { $at }
cli-status-last-error = { $id }: último error el { $at }: { $message }
# The EXPIRES cell. $left is a time left ("29:41", "5 h 07 min"); $at the time (RFC 3339).
cli-expires-in = en { $left } ({ $at })
cli-expires-expired = venció ({ $at })
cli-expires-never = no vence
cli-expires-unknown = se desconoce
# The PROVIDER cell of a provider's default connection, where it has several (plugboard default).
cli-status-default = { $provider } (predeterminada)

## plugboard connect, refresh: one connection. $status is its status (“Connected”); $expiry is
## in, expired, never or unknown, with $left the time left (“29:41”) and $at the time (RFC 3339).
cli-connected = Se conectó { $provider } ({ $account }) como { $id }: { $status }; { $expiry ->
        [in] vence en { $left } ({ $at })
        [expired] venció ({ $at })
        [never] no vence
       *[unknown] no se sabe cuándo vence
    }.
cli-refreshed = Conexión { $id } con { $provider } ({ $account }) renovada: { $status }; { $expiry ->
        [in] vence en { $left } ({ $at })
        [expired] venció ({ $at })
        [never] no vence
       *[unknown] no se sabe cuándo vence
    }.
# $method is a way of connecting as the command line spells it (api_key, client_credentials); $methods lists them.
cli-scope-needs-browser = --scope es para inicios de sesión en el navegador; aquí { $provider } se conecta con { $method }.
cli-method-not-offered = { $provider } no se conecta con { $method }; ofrece: { $methods }.
cli-field-shape = --field recibe ID=VALOR, por ejemplo --field token=abc.
cli-checking-key = Comprobando la clave con { $provider }…
cli-getting-token = Obteniendo un token de { $provider }…

## Browser sign-in (plugboard connect). The address follows on its own line.
cli-sign-in-at = Para conectar { $provider }, inicia sesión en:
cli-no-browser-opened = (No se pudo abrir un navegador aquí: abre tú mismo la dirección de arriba.)
# $redirect is a local address (http://127.0.0.1:53682/callback).
cli-waiting-for-browser = Esperando a que el navegador vuelva a { $redirect } (hasta { $minutes ->
        [one] 1 minuto
       *[other] { $minutes } minutos
    }; Ctrl-C cancela)…
cli-paste-hint = Si tu navegador está en otra máquina, pega aquí la dirección en la que termine.
cli-sign-in-timed-out = El inicio de sesión en { $provider } no terminó: el navegador no respondió a tiempo. Vuelve a empezar con: { $command }
cli-sign-in-refused = { $provider } rechazó el inicio de sesión. Vuelve a empezar con: { $command }
# $problem is a whole sentence saying what went wrong.
cli-start-again = { $problem } Vuelve a empezar con: { $command }

## plugboard credentials
cli-credentials-no-browser-sign-in = { $provider } no tiene inicio de sesión en el navegador, así que no usa credenciales de la app: conéctalo con `{ $command }`.
cli-credentials-saved = Credenciales de la app de { $provider } guardadas; el secreto está en tu llavero.
cli-credentials-saved-public = Credenciales de la app de { $provider } guardadas (un cliente público: sin secreto).
cli-credentials-forgot = Se eliminaron las credenciales de la app de { $provider } que tenías guardadas.
cli-credentials-none-saved = No había credenciales de la app de { $provider } guardadas.
# $origin says where they come from (“your environment variables”).
cli-credentials-now-from = Ahora { $provider } usa las de { $origin }.
cli-credentials-now-none = Ahora { $provider } no tiene credenciales de la app: guarda algunas antes de conectarlo.
# A provider's app secret (a table cell).
cli-secret-not-needed = no hace falta
cli-secret-set = definido (oculto)
cli-secret-missing = falta
cli-credentials-footer = Guarda las tuyas con `plugboard credentials set <id> --client-id …` (el secreto se pide después) y elimínalas con `plugboard credentials forget <id>`.

## plugboard disconnect. $id is a connection id (hubspot-1).
cli-disconnected = { $connection } desconectada de { $provider }.
cli-disconnect-revoked = { $provider } revocó sus tokens.
cli-disconnect-no-revoke = { $provider } no puede cerrar el acceso de Plugboard a pedido; los tokens se borraron de esta computadora.
# $reason is what went wrong.
cli-disconnect-revoke-failed = { $provider } no confirmó la revocación ({ $reason }); de todos modos, los tokens se borraron de esta computadora. Para asegurarte, quita el acceso de Plugboard en tu cuenta de { $provider } (apps conectadas).
cli-disconnect-already = { $id } ya estaba desconectada.
cli-disconnect-all-none = No hay conexiones. Esto quita todos los demás elementos del llavero que creó Plugboard: credenciales de la app guardadas e inicios de sesión pendientes.
cli-disconnect-all-some = Esto desconecta { $count ->
        [one] 1 conexión
       *[other] { $count } conexiones
    } y quita todos los demás elementos del llavero que creó Plugboard: credenciales de la app guardadas e inicios de sesión pendientes.
cli-disconnect-all-revoke-note = A los proveedores que lo permiten se les pide que revoquen los tokens; en los demás, quita el acceso de Plugboard en su configuración.
cli-disconnect-all-no-terminal = No se cambió nada: no hay una terminal donde preguntar. Vuelve a ejecutarlo con --yes para continuar.
# The word to type to go ahead (“yes” works in every language too).
cli-disconnect-all-yes = sí
# $yes is the word above.
cli-disconnect-all-ask = Escribe { $yes } para continuar:
cli-disconnect-all-not-confirmed = No se cambió nada: no escribiste { $yes }.
cli-disconnect-all-removed = { $count ->
        [one] Se quitó 1 elemento más del llavero que creó Plugboard.
       *[other] Se quitaron { $count } elementos más del llavero que creó Plugboard.
    }
cli-disconnect-all-cannot-list = Este llavero no puede listar sus elementos, así que solo se quitaron los de las conexiones: busca “dev.plugboard.desktop” en tu app de llavero por si quedó alguno.

## plugboard doctor. $id is a connection id (hubspot-1).
cli-doctor-keychain = Llavero: { $state ->
        [ready] listo
        [locked] bloqueado
       *[unavailable] no disponible
    }
cli-doctor-data-folder = Carpeta de datos: { $path }
cli-doctor-set-aside-none = Archivos apartados: ninguno
# A list of files follows, one a line.
cli-doctor-set-aside = Archivos apartados (no se pudieron leer; se guardan para soporte):
# $problem is a whole sentence saying why.
cli-doctor-not-checked = Huérfanos: sin comprobar. { $problem }
cli-doctor-orphans-none = Huérfanos: ninguno
cli-doctor-keychain-only = Elemento del llavero sin conexión: { $id }
cli-doctor-index-only = Conexión sin elemento en el llavero: { $id } (su inicio de sesión se perdió; vuelve a conectarla)
cli-doctor-run-fix = Ejecuta `plugboard doctor --fix` para volver a indexarlos o quitarlos.
cli-doctor-reindexed = { $id } indexada de nuevo como “Conexión recuperada” (plugboard status la muestra)
cli-doctor-removed = Se quitó el elemento del llavero de { $id }
cli-doctor-forgotten = Se quitó { $id } de la lista, porque su elemento del llavero ya no estaba

## plugboard rename
cli-renamed = { $provider } ({ $account }) ahora se llama “{ $name }”. Usa el nombre siempre que se pida una conexión, por ejemplo: { $command }
cli-rename-removed = { $provider } ({ $account }) ya no tiene nombre.

## plugboard token
cli-token-reconnect = { $provider } ya no acepta este inicio de sesión ({ $account }). Vuelve a conectar: { $command }
cli-token-item-gone = El inicio de sesión guardado de { $provider } ({ $account }) ya no está en tu llavero (se eliminó o se restableció el llavero). Vuelve a conectar: { $command }
# $problem is a whole sentence; $seconds a number.
cli-token-warning = Aviso: { $problem } Este token vence en { $seconds } s.
cli-token-no-curl = { $provider } no tiene un endpoint de identidad o de comprobación con el que armar una línea de curl; usa --header.

## plugboard try. $status is an HTTP status code (401), $reason its words as the server sent them.
cli-try-answer = HTTP { $status } { $reason } en { $millis } ms
cli-try-refused = { $provider } rechazó esta conexión (HTTP { $status }). Si sigue rechazándola, renuévala ({ $command }) o vuelve a conectar.
# $body: the form as sent, every secret masked.
cli-try-sent = Enviado: { $body }
cli-try-introspection = { $provider } no tiene llamada de identidad: esto le preguntó a la introspección de tokens de { $provider } si el token de acceso está activo.
cli-try-active = { $provider } dice que el token de acceso está activo.
cli-try-inactive = { $provider } dice que el token de acceso no está activo (vencido, revocado o desconocido).
cli-try-refused-inactive = { $provider } ya no acepta el token de acceso de esta conexión. Renuévala ({ $command }); si no funciona, vuelve a conectar.

## plugboard audit
cli-column-when = CUÁNDO
cli-column-connection = CONEXIÓN
cli-column-door = PUERTA
cli-column-program = PROGRAMA
cli-column-result = RESULTADO
cli-audit-none = Todavía no se ha entregado ningún token.
cli-audit-none-of = Todavía no se ha entregado ningún token de esta conexión.
# $form: access, header, curl, json o refresh (dato, no traducir).
cli-audit-allowed = entregado ({ $form })
# $reason: un código (denied, no_answer, throttled), no traducir.
cli-audit-denied = rechazado ({ $reason })

## plugboard exec
cli-exec-too-many-env = Más nombres --env que conexiones: da un --env por conexión, en el mismo orden.
cli-exec-bad-env = “{ $name }” no puede ser el nombre de una variable de entorno: usa letras, dígitos y _ (sin un dígito al principio), por ejemplo HUBSPOT_TOKEN.
cli-exec-same-env = Dos conexiones recibirían la misma variable { $name }: nombra cada una con --env, en el orden de las conexiones.
cli-exec-not-found = No se encontró el comando: { $command }. Revisa su nombre, o da su ruta completa.
cli-exec-not-run = No se pudo ejecutar { $command }: { $error }
cli-exec-no-runtime-dir = --live necesita XDG_RUNTIME_DIR (la carpeta privada de tu sesión, en memoria), y no está definida. Ejecuta sin --live, o desde tu sesión de escritorio.
cli-exec-no-file = No se pudo escribir el archivo del token { $file }: { $error }
cli-exec-lost = Se perdió el rastro del comando: { $error }

## plugboard grants
cli-column-since = DESDE
cli-column-last-used = ÚLTIMO USO
cli-grants-none = Ningún programa puede tomar un token sin preguntar.
cli-grants-no-such-program = Ningún programa llamado “{ $program }” puede tomar un token sin preguntar (ver `plugboard grants list`).
cli-grants-not-saved = No se pudo guardar el cambio: { $error }
cli-grants-revoked = A { $program } se le preguntará de nuevo ({ $count ->
        [one] un permiso quitado
       *[other] { $count } permisos quitados
    }).

## --help: each command's description and each argument's. Ids follow the commands:
## help-token is `plugboard token`'s, help-token-json its --json's; help-root is plugboard's own.
## clap adds its own headings (Usage, Commands, Options) and help lines around these.
help-root = Conecta cuentas de empresa y usa sus tokens desde una shell.
help-root-after =
    Ejecuta `plugboard` sin argumentos para abrir la ventana.

    <connection> es el ID de una conexión (consulta `plugboard status`), el nombre de una conexión (consulta
    `plugboard rename`) o el ID de un proveedor cuando ese proveedor tiene exactamente una conexión o una
    predeterminada (consulta `plugboard default`).

    Códigos de salida: 0 correcto, 1 otro fallo, 2 uso o entrada incorrecta, 3 hay que volver a conectar,
    4 llavero bloqueado o no disponible, 5 fallo temporal del proveedor o de la red, 6 no encontrado.
help-providers = Lista los proveedores que conoce Plugboard: métodos, URI de redirección a registrar, credenciales de la app
help-providers-json = Imprime el documento JSON estable en lugar de una tabla
help-status = Lista todas las conexiones: cuenta, estado, vencimiento, alcances y el estado del llavero
help-status-json = Imprime el documento JSON estable en lugar de una tabla
help-connect = Conecta una cuenta. Los inicios de sesión en el navegador vuelven a un receptor local (loopback) en 127.0.0.1; las claves y los secretos de cliente se leen de la entrada estándar (o se escriben sin que se vean en pantalla)
help-connect-provider = El ID de un proveedor de `plugboard providers`
help-connect-method = Cómo conectar; el predeterminado del proveedor si se omite
help-connect-no-browser = Imprime la dirección de inicio de sesión en lugar de abrir un navegador. Con el navegador en otra máquina, pega aquí la dirección en la que termine (una página de error en 127.0.0.1 no es problema)
help-connect-client-id = Credenciales de cliente: el ID de cliente (el secreto se lee de la entrada estándar)
help-connect-environment = Credenciales de cliente: el entorno (por ejemplo production, sandbox)
help-connect-fields = Claves de API: el valor de un campo, por ejemplo `--field token=abc`. Los campos que no se indiquen se leen de la entrada estándar, uno por línea (campos secretos: mejor ahí que en el historial de la shell)
help-connect-scopes = Inicio de sesión en el navegador: pide también un alcance opcional que ofrece el proveedor (consulta `plugboard providers`); repítelo para varios. Pedir más a una cuenta conectada la vuelve a conectar
help-connect-json = Imprime la nueva conexión como JSON
help-refresh = Renueva ahora el token de una conexión
help-refresh-connection = La conexión: su ID (consulta `plugboard status`), su nombre o el ID de un proveedor cuando ese proveedor tiene una sola conexión
help-refresh-json = Imprime la conexión renovada como JSON
help-disconnect = Desconecta: revoca en el proveedor cuando se puede y luego borra los tokens de esta computadora. `--all` desconecta todas las conexiones y quita todos los elementos del llavero que creó Plugboard (antes de desinstalar), después de preguntar
help-disconnect-connection = La conexión que se desconecta: su ID (consulta `plugboard status`), su nombre o el ID de un proveedor cuando ese proveedor tiene una sola conexión
help-disconnect-all = Todas las conexiones y todos los demás elementos del llavero que creó Plugboard (credenciales de la app guardadas, inicios de sesión pendientes)
help-disconnect-yes = Con --all: no pregunta antes (scripts, o sin terminal donde preguntar)
help-disconnect-json = Imprime el documento JSON estable en lugar de texto
help-credentials = Credenciales de la app para iniciar sesión en el navegador: de dónde vienen las de cada proveedor; guarda o elimina las tuyas (como en la Configuración de la ventana)
help-credentials-list = Las credenciales de la app de cada proveedor: de dónde vienen y el ID de cliente (nunca el secreto)
help-credentials-list-json = Imprime el documento JSON estable en lugar de una tabla
help-credentials-set = Guarda credenciales de la app para un proveedor: el ID de cliente como opción, el secreto por la entrada estándar o escrito sin que se vea en pantalla (ninguno para un cliente público). El secreto va al llavero
help-credentials-set-provider = El ID de un proveedor de `plugboard providers`
help-credentials-set-client-id = El ID de cliente de la app que registraste en el proveedor
help-credentials-forget = Elimina las credenciales de la app guardadas para un proveedor (en la ventana o con `credentials set`)
help-credentials-forget-provider = El ID de un proveedor de `plugboard providers`
help-doctor = Revisa el llavero, los archivos apartados y los huérfanos (elementos del llavero sin conexión, conexiones sin elemento en el llavero); `--fix` los vuelve a indexar o los quita
help-doctor-fix = Vuelve a indexar los elementos del llavero que Plugboard puede leer, elimina los demás y quita de la lista las conexiones cuyo elemento del llavero ya no está
help-doctor-json = Imprime el documento JSON estable en lugar de texto
help-try = Hace una llamada inofensiva con una conexión (a su endpoint de identidad o de comprobación, o a la introspección de tokens del proveedor cuando no tiene llamada de identidad) y muestra el estado HTTP, el tiempo que tardó y el comienzo de la respuesta, con los secretos ocultos. Termina con 0 si el proveedor la aceptó y con 1 si la rechazó
help-try-connection = La conexión: su ID (consulta `plugboard status`), su nombre o el ID de un proveedor cuando ese proveedor tiene una sola conexión
help-try-json = Imprime el informe como JSON
help-rename = Pone nombre a una conexión (“Cliente A — tienda”): se muestra en la ventana, la bandeja, las notificaciones y `status`, y se puede usar como <connection> en todos los comandos. Un nombre vacío lo quita
help-rename-connection = La conexión: su ID (consulta `plugboard status`), su nombre actual o el ID de un proveedor cuando ese proveedor tiene una sola conexión
help-rename-name = El nuevo nombre (hasta 60 caracteres, único); "" quita el nombre
help-rename-json = Imprime la conexión renombrada como JSON
help-token = Imprime el token de acceso (renovado antes si no dura 60 s, o --min-valid; nunca con una antelación mayor que la mitad de su duración), para `curl` y scripts
help-token-connection = La conexión: su ID (consulta `plugboard status`), su nombre o el ID de un proveedor cuando ese proveedor tiene una sola conexión
help-token-header = Imprime en su lugar la línea de encabezado `Authorization: …`
help-token-curl = Imprime un comando curl que llama al endpoint de identidad o de comprobación del proveedor
help-token-json = Imprime el token con su vencimiento y sus alcances como JSON (para scripts)
help-token-min-valid = Renueva antes cuando el token no dure esta cantidad de segundos (60 si no se indica). Como mucho, la mitad de la duración del token: uno de 50 segundos solo se renueva cuando le quedan menos de 25 s

## clap's own words in --help (src-tauri/cli/src/help.rs)
help-heading-usage = Uso:
help-heading-commands = Comandos
help-heading-arguments = Argumentos
help-heading-options = Opciones
help-flag-help = Muestra la ayuda
help-flag-help-more = Muestra la ayuda (más detalles con '--help')
help-flag-help-summary = Muestra la ayuda (un resumen con '-h')
help-flag-version = Muestra la versión
help-command-help = Muestra este mensaje o la ayuda de los subcomandos indicados
help-command-subcommand = Muestra la ayuda de los subcomandos
help-possible-values = [valores posibles: { $values }]

## plugboard connect --replace
help-connect-replace = Inicio de sesión en el navegador: vuelve a iniciar sesión para esta conexión (su ID o su nombre) y la reemplaza en el mismo lugar, como Volver a conectar en la ventana; vuelve a pedir los alcances opcionales que tenía
cli-replace-other-provider = “{ $connection }” no es una conexión de { $provider }: --replace recibe una conexión del proveedor al que te conectas.
cli-replace-needs-browser = --replace es para inicios de sesión en el navegador; aquí { $provider } se conecta con { $method }. Vuelve a conectar sin él: la misma cuenta se reemplaza en el mismo lugar.
cli-finishing-refresh = Terminando la renovación — pulsa Ctrl-C otra vez para abandonarla (puede que luego tengas que volver a conectar).
cli-finishing-sign-in = Terminando de guardar la nueva conexión — pulsa Ctrl-C otra vez para abandonarla (puede que luego tengas que conectar de nuevo).
cli-finishing-disconnect = Terminando la desconexión — pulsa Ctrl-C otra vez para abandonarla (luego ejecuta plugboard doctor --fix).

## plugboard default. $connection is a connection as cli-connection-named says it.
cli-default-made = { $connection } es ahora la conexión predeterminada de { $provider }: { $command } la usará.
cli-default-made-only = { $connection } es la única conexión con { $provider }, así que { $command } ya la usa; seguirá siendo la predeterminada cuando agregues otra.
cli-default-is = { $provider }: { $connection } (predeterminada)
cli-default-only-one = { $provider }: { $connection } (su única conexión)
cli-default-none = { $provider }: ninguna predeterminada entre sus { $count } conexiones. Haz que una sea la predeterminada con: { $command }
cli-default-cleared = { $provider } ya no tiene conexión predeterminada (era { $connection }).
cli-default-none-to-clear = { $provider } no tenía conexión predeterminada.
help-default = La conexión predeterminada de cada proveedor: la que elige su ID solo cuando tiene varias (`plugboard token whatconverts`). Indica una conexión para hacerla la predeterminada, el ID de un proveedor (o nada) para ver las predeterminadas, o --clear para quitar una
help-default-connection = Una conexión que pasa a ser la predeterminada de su proveedor (su ID o su nombre), o el ID de un proveedor para ver su predeterminada; sin nada, muestra las de todos los proveedores
help-default-clear = Quita la conexión predeterminada de este proveedor (el ID de un proveedor)
help-default-json = Imprime el documento JSON estable en lugar de texto
help-exec = Ejecuta un comando con los tokens de acceso de las conexiones en su entorno (HUBSPOT_ACCESS_TOKEN…), renovados antes; --live los mantiene renovados en un archivo mientras se ejecuta, --mask los oculta en su salida. Su código de salida es el del comando
help-exec-connections = Las conexiones cuyos tokens recibe el comando (cada una como en todo comando)
help-exec-env = La variable con el token de una conexión, una vez por conexión en su orden (por defecto <PROVEEDOR>_ACCESS_TOKEN, por ejemplo HUBSPOT_ACCESS_TOKEN)
help-exec-live = Mantiene además cada token renovado en un archivo (0600, en $XDG_RUNTIME_DIR) indicado en <NOMBRE>_FILE (y en PLUGBOARD_TOKEN_FILE para una conexión) mientras se ejecuta el comando
help-exec-mask = Escribe cada token entregado como •••• en la salida y los errores del comando
help-exec-command = El comando a ejecutar y sus argumentos, después de `--`
help-audit = El registro de los tokens entregados: cuándo, de qué conexión, por qué puerta (Copiar, Mostrar, `token`, `exec`…), a qué programa, permitido o rechazado. Nunca un token
help-audit-connection = La conexión cuyo registro mostrar (como en todo comando, o el id de una ya desconectada); el de todas las conexiones si no se da
help-audit-json = Imprime el documento JSON estable en lugar de una tabla
help-grants = Los programas que pueden tomar el token de una conexión por el servicio de tokens D-Bus sin preguntar (Permitir siempre): lístalos, o quita un permiso
help-grants-list = Todos los programas que pueden tomar el token de una conexión sin preguntar
help-grants-list-json = Imprime el documento JSON estable en lugar de una tabla
help-grants-revoke = Quita el permiso de un programa: se le preguntará de nuevo la próxima vez
help-grants-revoke-program = El programa: su ruta, la ruta de su script, o su nombre (como lo muestra `grants list`)
help-grants-revoke-connection = Solo para esta conexión (todas las conexiones si no se da)

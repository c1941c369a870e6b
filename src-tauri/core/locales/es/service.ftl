# Las palabras del núcleo (src-tauri/core): estado, cuentas regresivas, errores y resultados,
# que muestran la ventana y la línea de comandos. Mismos ids que en inglés (una prueba lo comprueba).
# Las etiquetas de estado (health-connected, …) están en plugboard.ftl, junto con las de la bandeja.

## El estado de una conexión o de una tarjeta
view-not-connected = Sin conectar

## La cuenta regresiva del acceso de una conexión
countdown-never = No vence
countdown-unknown = Vencimiento desconocido
countdown-expired = Vencida
countdown-in = Vence en { $left }
duration-days = { $days } d { $hours } h
duration-hours = { $hours } h { $minutes } min
duration-minutes = { $minutes }:{ $seconds }
duration-whole-minutes = { $minutes } min
countdown-refresh-lead = Plugboard renueva cada token por sí solo antes de que venza: con una anticipación de una décima parte de la duración del token, y de al menos un minuto (los tokens de 30 minutos de HubSpot se renuevan 3 minutos antes de vencer). Las claves y los tokens que no vencen, en cambio, se comprueban. Lo hace mientras Plugboard está abierto, en la ventana o en la bandeja.

## Errores: qué salió mal y qué hacer
# Sin artículo: cada mensaje que puede recibirlo lo elige con { $provider -> [proveedor] del proveedor *[other] de { $provider } } (El, el, del, al); los nombres de marca van sin artículo.
error-some-provider = proveedor
error-start-again = { $message } Empieza de nuevo con Conectar.
error-unknown-provider = Plugboard no conoce ningún proveedor llamado “{ $provider }”.
error-unknown-connection = Esa conexión ya no existe.
error-no-such-method = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } no puede conectarse de esa forma.
error-missing-credentials = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } necesita credenciales de la app (un ID de cliente y un secreto de cliente) antes de que puedas conectarte. Haz clic en Conectar para configurarlas, o abre la Configuración.
error-empty-field = Completa “{ $field }”.
error-unknown-scope = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } no ofrece el alcance “{ $scope }” en Plugboard. Elige entre los que aparecen al conectar.
error-nothing-to-try = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } no tiene un endpoint de identidad ni de comprobación en el catálogo de Plugboard, así que no hay ninguna llamada inofensiva que probar. En su lugar, usa Copiar como encabezado con tu propia solicitud.
error-name-too-long = El nombre de una conexión puede tener como máximo { $max } caracteres. Elige uno más corto.
error-name-control-characters = El nombre de una conexión no puede tener saltos de línea, tabulaciones ni otros caracteres de control invisibles (como marcas de dirección del texto). Escríbelo en una sola línea.
error-name-like-an-id = Ese nombre podría confundirse con un proveedor o con el ID de una conexión en la línea de comandos. Agrega una mayúscula, un espacio u otra palabra (por ejemplo “Cliente A”).
error-name-taken = Otra conexión ya se llama “{ $name }”. Elige un nombre distinto, para que cada una se pueda elegir por su nombre.
error-credentials-from-environment = Las credenciales de la app { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } vienen de variables de entorno, que Plugboard siempre usa primero. Cambia o quita esas variables.
error-credentials-from-user-file = Las credenciales de la app { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } vienen de tu { $file }, que Plugboard usa antes que las guardadas. Edita ese archivo para cambiarlas.
error-credentials-managed = Las credenciales de la app { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } las administra tu organización y no se pueden cambiar aquí. Consulta a quien administra Plugboard en esta computadora.
error-basic-token-mismatch = El token Basic no corresponde a este ID de cliente y secreto de cliente. Copia los tres de la misma credencial, o deja vacío el token Basic.
error-unknown-state = Esta respuesta de inicio de sesión no corresponde a ningún inicio de sesión que Plugboard haya empezado (o ya se usó), así que se ignoró.
error-sign-in-expired = El inicio de sesión en { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    } tardó demasiado y venció.
error-declined = Rechazaste la solicitud en { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    }, así que no se conectó nada.
error-authorize-refused = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } rechazó el inicio de sesión ({ $code }). Revisa la configuración de la app en { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    } y vuelve a intentarlo.
error-malformed-link = Plugboard recibió un enlace que no es una respuesta de inicio de sesión.
error-not-an-address = Esa no es la dirección en la que terminó el navegador: pega la dirección completa, que empieza por http:// o https:// (o { $scheme }:).
error-sign-in-timed-out = Se agotó el tiempo del inicio de sesión en { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    }.
error-loopback = Plugboard no puede recibir el inicio de sesión { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    }: { $detail }. Cierra el otro programa y vuelve a intentarlo.
error-loopback-port-in-use = otro programa está usando el puerto { $port }
error-loopback-bind = no se pudo escuchar en el puerto { $port }: { $reason }
error-loopback-timed-out = el navegador no respondió a tiempo
error-secret-missing = El inicio de sesión guardado de esta conexión { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } ya no está en tu llavero (se eliminó o se restableció el llavero). Vuelve a conectar para usarla.
error-unsaved-tokens = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } le dio a Plugboard tokens nuevos, pero tu llavero no quiso guardarlos ({ $detail }). Plugboard los conserva en un archivo privado que desaparece al cerrar la sesión y los guarda en el llavero la próxima vez que se ejecute cualquier parte de Plugboard: desbloquea o reinicia tu llavero y luego abre Plugboard o ejecuta cualquier comando plugboard antes de cerrar la sesión.
error-unsaved-tokens-in-memory = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } le dio a Plugboard tokens nuevos, pero tu llavero no quiso guardarlos ({ $detail }) y no hay una carpeta privada de ejecución donde conservarlos. Plugboard los guarda solo mientras está abierto: desbloquea o reinicia tu llavero y deja Plugboard abierto hasta entonces; si se cierra antes, vuelve a conectar { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    }.
error-keychain-detail-locked = el llavero está bloqueado
error-keychain-detail-unavailable = no hay ningún llavero disponible ({ $detail })
error-keychain-detail-rejected = el llavero rechazó el elemento ({ $detail })
error-keychain-detail-corrupt = un elemento del llavero tiene datos que Plugboard no puede leer
error-keychain-detail-timed-out = el llavero no respondió en { $seconds } segundos
error-index-write = Plugboard no pudo guardar su lista de conexiones: { $detail }. Comprueba que el disco tiene espacio y que se puede escribir en la carpeta, y vuelve a intentarlo.
error-unchanged = Plugboard no pudo guardar su lista de conexiones ({ $detail }), así que no cambió nada: tu conexión { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } sigue como estaba. Libera espacio en el disco (o permite escribir en la carpeta) y vuelve a intentarlo.
error-held-unreadable = Plugboard guardó los tokens más recientes { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } en { $file } porque tu llavero no los aceptó, pero ahora no puede leer ese archivo ({ $detail }). No usó los tokens anteriores de tu llavero, que { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    } quizá ya reemplazó. Si el archivo se dañó o se borró por error, vuelve a conectar { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    }.
error-token-host-changed = La dirección de tokens { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } ahora apunta a { $now }, pero esta conexión se hizo con { $was }, así que Plugboard no envió sus tokens allí. Si cambiaste la dirección a propósito (en un archivo de proveedores), vuelve a conectar { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    } para iniciar sesión a través de ella; si no, deshaz el cambio en tu archivo de proveedores.
error-index-read = Plugboard no pudo leer su lista de conexiones: { $detail }. No se cambió nada. Mueve el archivo a otro lugar para empezar una lista nueva (los inicios de sesión siguen en tu llavero, y `{ $command }` los vuelve a poner en la lista), o envía el archivo a soporte.
error-index-detail-read = no se pudo leer { $path }: { $reason }
error-index-detail-unreadable = { $path } no es una lista de conexiones que Plugboard pueda leer ({ $reason })
error-index-detail-write = no se pudo guardar { $path }: { $reason }
error-refresh-busy = Otra ventana u otro comando de Plugboard todavía está renovando esta conexión { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    }. Vuelve a intentarlo en un minuto.
error-refresh-lock = Plugboard no pudo coordinar la renovación con otros procesos de Plugboard: no se pudo usar el bloqueo de renovación { $path } ({ $reason }).
error-unreachable = Plugboard no pudo comunicarse con { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    }. Revisa tu conexión a internet y vuelve a intentarlo.
error-timed-out = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } tardó demasiado en responder, así que Plugboard dejó de esperar. Tu conexión no cambió; vuelve a intentarlo en unos minutos.
error-answer-too-large = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } envió una respuesta demasiado grande para ser un inicio de sesión (más de 1 MiB), así que Plugboard la ignoró. Tu conexión no cambió; vuelve a intentarlo más tarde.
error-busy = El servicio { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } está saturado (HTTP { $status }) y pidió a Plugboard que espere { $wait }. Tu conexión se conserva; Plugboard lo vuelve a intentar después.
error-wait-moment = un momento
error-wait-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
error-wait-minutes = { $count ->
    [one] alrededor de { $count } minuto
   *[other] alrededor de { $count } minutos
}
error-wait-hours = { $count ->
    [one] alrededor de { $count } hora
   *[other] alrededor de { $count } horas
}
error-provider-trouble = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } tiene problemas en este momento. Vuelve a intentarlo en unos minutos.
error-unreadable-answer = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } envió una respuesta que Plugboard no pudo leer ({ $reason }), así que no se guardó nada de ella. Vuelve a intentarlo más tarde; si sigue pasando, copia el diagnóstico para soporte.
error-invalid-client = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } no aceptó estas credenciales. Revísalas y vuelve a intentarlo.
error-invalid-grant = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } ya no acepta este inicio de sesión. Vuelve a conectar.
error-request-refused = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } rechazó la solicitud ({ $code }).
error-missing-client-secret = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } necesita un secreto de cliente antes de que puedas conectarte.
error-issuer-mismatch = Esta respuesta de inicio de sesión vino de un servidor distinto del esperado, así que se rechazó.
error-http = { $provider ->
        [proveedor] El proveedor
       *[other] { $provider }
    } respondió con un error (HTTP { $status }).
error-missing-value = A la respuesta { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } le faltaba `{ $value }`.
error-keychain-locked = Tu llavero está bloqueado. Desbloquéalo (vuelve a iniciar sesión o abre tu app de llavero) y vuelve a intentarlo.
error-keychain-unavailable = Plugboard no puede comunicarse con el llavero del sistema, así que no puede guardar ni leer conexiones. Asegúrate de que haya un servicio de llavero en ejecución (como GNOME Keyring o KWallet).
error-keychain-rejected = Tu llavero rechazó el elemento de Plugboard. Copia el diagnóstico y comunícate con soporte.
error-catalogue-invalid = La lista de proveedores tiene un problema: { $problem }

## Credenciales de la app
credentials-field-client-id = ID de cliente
credentials-field-client-secret = Secreto de cliente
credentials-origin-demo = modo de demostración
credentials-origin-environment = variables de entorno
credentials-origin-managed = administradas por tu organización
credentials-origin-user-file = tu { $file }
credentials-origin-saved = guardadas en tu llavero
credentials-origin-system-file = los valores predeterminados de tu organización
credentials-origin-embedded = incluidas en este Plugboard
credentials-origin-not-set = sin definir
credentials-file = las credenciales de la app guardadas ({ $file })
credentials-file-not-ids = no es una lista de ID de cliente

## Cómo se llama una conexión nueva hasta que el proveedor dice el nombre de la cuenta
connect-account-api-key = { $field } { $hint }
connect-account-client-in-environment = { $environment } · cliente { $hint }
connect-account-client = Cliente { $hint }
sign-in-account-fallback = Inicio de sesión de { $provider } · app { $hint }

## Huérfanos: elementos del llavero y conexiones que se perdieron entre sí
orphans-keychain-only = { $count ->
    [one] 1 elemento del llavero no pertenece a ninguna conexión
   *[other] { $count } elementos del llavero no pertenecen a ninguna conexión
}. Ejecuta `{ $doctor }` para verlos, y `{ $fix }` para ordenarlos.
orphans-index-only = { $count ->
    [one] 1 conexión perdió su elemento del llavero
   *[other] { $count } conexiones perdieron sus elementos del llavero
}. Ejecuta `{ $doctor }` para verlos, y `{ $fix }` para ordenarlos.
orphans-both = { $keychain ->
    [one] 1 elemento del llavero no pertenece a ninguna conexión
   *[other] { $keychain } elementos del llavero no pertenecen a ninguna conexión
}; { $index ->
    [one] 1 conexión perdió su elemento del llavero
   *[other] { $index } conexiones perdieron sus elementos del llavero
}. Ejecuta `{ $doctor }` para verlos, y `{ $fix }` para ordenarlos.
orphans-recovered-account = Conexión recuperada

## Configuración (settings.toml)
preferences-clipboard-range = El tiempo del portapapeles debe estar entre { $min } y { $max } segundos.
preferences-unknown-language = Plugboard no habla “{ $language }”; elige uno de sus idiomas.
preferences-file = tu configuración ({ $file })
preferences-not-a-settings-file = no es un archivo de configuración: { $reason }
preferences-back-to-defaults = Tu configuración de Plugboard volvió a los valores predeterminados (notificaciones activadas, seguir en la bandeja, 30 segundos en el portapapeles). Vuelve a elegir la tuya en la Configuración.
preferences-cannot-write = Plugboard no pudo escribir su configuración: { $reason }
preferences-cannot-save = Plugboard no pudo guardar tu configuración en { $path } ({ $reason }). No se cambió nada; comprueba que se puede escribir en la carpeta y vuelve a intentarlo.

## Los archivos del propio Plugboard
files-set-aside = Plugboard no pudo leer { $what } ({ $why }), así que empezó uno nuevo. El archivo anterior se guardó como { $path } para soporte; tus conexiones no se vieron afectadas.
files-not-text = no es texto UTF-8
files-link-refused = { $path } es un enlace simbólico, y Plugboard no sigue enlaces entre sus propios archivos. Quita el enlace (Plugboard vuelve a crear lo que necesita allí); para guardar los archivos de Plugboard en otro lugar, enlaza su carpeta entera.
timeline-file = el historial de las conexiones ({ $file })
timeline-too-large = es mucho más grande de lo que puede ser un historial
audit-file = el registro de los tokens entregados ({ $file })
audit-door-copy = Copiar en la ventana
audit-door-reveal = Mostrar en la ventana
audit-door-token = plugboard token
audit-door-exec = plugboard exec
audit-door-proxy = plugboard proxy
audit-door-dbus = el servicio de tokens D-Bus
program-unknown = un programa desconocido (ya había terminado)
programs-no-such-connection = Ninguna conexión se llama “{ $name }”. Pide una por su id o su nombre (ver `plugboard status`).
programs-no-connection-yet = { $provider } todavía no tiene conexión. Conéctalo primero en Plugboard.
programs-several = { $provider } tiene varias conexiones: { $candidates }. Pide una por su id o su nombre.
programs-denied = No permitiste que { $program } usara { $provider } ({ $account }).
programs-no-answer = Nadie respondió en dos minutos si { $program } puede usar { $provider } ({ $account }). Vuelve a pedirlo cuando haya alguien en el ordenador.
notified-file = la lista de notificaciones ya mostradas ({ $file })
notified-not-a-list = no es una lista de notificaciones: { $reason }

## Al abrir Plugboard: carpetas y archivos de proveedores
setup-no-home = Plugboard no encontró las carpetas de datos y de configuración de tu carpeta personal. Define { $home } (o { $data } y { $config }) y vuelve a intentarlo.
setup-embedded-unreadable = No se pudieron leer las credenciales de la app incluidas en este Plugboard ({ $problem }). Quien lo compiló debe revisar el archivo indicado en { $variable }.
setup-embedded-defines-providers = define proveedores; ahí solo van tablas { $tables }
setup-embedded-origin = credenciales incluidas en Plugboard
setup-demo-origin = proveedores de demostración
setup-system-file-not-loaded = No se cargó el archivo de proveedores de tu organización: { $problem }. Pídele a quien administra Plugboard en esta computadora que lo corrija.
setup-user-entry-managed = No se usó la entrada de { $provider } de tu archivo de proveedores: tu organización administra ese proveedor en esta computadora.
setup-user-file-not-loaded = No se cargó tu archivo de proveedores: { $problem }
setup-no-such-file = { $path }: no existe el archivo (indicado por { $variable })
# A provider file refused because other users could have written it (as ssh refuses a configuration
# file). $path is the file, $folder a folder above it, $mode its octal mode, $owner a user id.
trust-file-writable = Otros usuarios de esta computadora pueden cambiar { $path } (modo { $mode }). Haz que solo su dueño pueda escribirlo: chmod go-w { $path }
trust-file-owner = { $path } pertenece a otro usuario de esta computadora (ID de usuario { $owner }). Usa un archivo propio.
trust-folder-writable = { $path } está en { $folder }, que otros usuarios de esta computadora pueden cambiar (modo { $mode }). Haz que solo su dueño pueda escribir en esa carpeta: chmod go-w { $folder }
trust-folder-owner = { $path } está en { $folder }, que pertenece a otro usuario de esta computadora (ID de usuario { $owner }). Guarda el archivo en una carpeta propia.

## The browser page a loopback sign-in ends on (core loopback.rs)
loopback-done-title = Ya puedes cerrar esta pestaña
loopback-done-body = Vuelve a Plugboard para ver tu conexión.
loopback-stray-title = Este no es el inicio de sesión que Plugboard está esperando
loopback-stray-body = Plugboard ignoró esta dirección. Termina el inicio de sesión en la pestaña del navegador que abrió.

## A provider file's method without a label of its own (core catalogue/validate.rs)
method-label-authorization-code = Iniciar sesión con { $provider }
method-label-client-credentials = Credenciales de cliente de { $provider }
method-label-api-key = Clave de API de { $provider }

## A provider file's value over its limit (core catalogue/validate/limits.rs)
provider-file-too-long = { $file }: proveedor “{ $provider }”, campo `{ $field }`: más de { $max } caracteres. Acórtalo.
provider-file-too-many = { $file }: proveedor “{ $provider }”, campo `{ $field }`: más de { $max } elementos. Deja solo los necesarios.
provider-file-too-large = { $file } tiene { $size } bytes, más de lo que puede tener un archivo de proveedores ({ $max } bytes), así que Plugboard no lo leyó. ¿Es el archivo correcto?

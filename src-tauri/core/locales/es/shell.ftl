# The desktop app's own words (src-tauri/src): its commands' replies, sign-in links, the clipboard.
# Keep ids in step with the other languages (a test checks).

## Opening the browser (commands/app.rs, commands/connect.rs)
shell-no-developer-page = { $provider } no tiene una página para desarrolladores registrada.
shell-browser-failed-page = Plugboard no pudo abrir tu navegador. La página es { $url }
shell-browser-failed = Plugboard no pudo abrir tu navegador web. Elige un navegador predeterminado y vuelve a intentarlo.

## Copying (commands/app.rs, commands/developer.rs, commands/settings.rs, clipboard.rs)
shell-diagnostics-copied = El diagnóstico está en el portapapeles. No contiene tokens ni claves.
shell-clipboard-failed = Plugboard no pudo usar el portapapeles. Vuelve a intentarlo o haz clic en Mostrar y cópialo tú.
shell-copied-access = El token de acceso está en el portapapeles. Plugboard lo borrará en { $seconds ->
        [one] 1 segundo
       *[other] { $seconds } segundos
    }.
shell-copied-header = El encabezado Authorization está en el portapapeles. Plugboard lo borrará en { $seconds ->
        [one] 1 segundo
       *[other] { $seconds } segundos
    }.
shell-copied-curl = Un comando curl está en el portapapeles. Plugboard lo borrará en { $seconds ->
        [one] 1 segundo
       *[other] { $seconds } segundos
    }.
shell-copied-refresh = El token de renovación está en el portapapeles. Plugboard lo borrará en { $seconds ->
        [one] 1 segundo
       *[other] { $seconds } segundos
    }.
shell-copy-unknown-form = Plugboard no puede copiar eso.
shell-copy-nothing = Esta conexión con { $provider } no tiene nada que copiar en ese formato.
shell-tokens-main-window-only = Solo la ventana principal de Plugboard puede mostrar o copiar tokens.
shell-confirm-copy-refresh = El token de renovación da acceso duradero a esta cuenta { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    }. Quien lo tenga puede obtener tokens nuevos. ¿Copiarlo de todos modos?
shell-copy-refresh-unconfirmed = Para copiar un token de renovación, primero tienes que confirmarlo: elige “Copiar token de renovación…” y confirma.
shell-no-redirect-uri = { $provider } no tiene inicio de sesión en el navegador, así que no hay URI de redirección que registrar.
shell-redirect-uri-copied = La URI de redirección de { $provider } está en el portapapeles: pégala donde el proveedor pide las URL de redirección.

## Disconnecting (commands/connections.rs)
shell-disconnected-revoked = Se desconectó de { $provider }. { $provider } revocó el acceso.
shell-disconnected-note = Se desconectó de { $provider }. { $note }
shell-disconnected = Se desconectó de { $provider }.
shell-disconnected-revoke-failed = Se quitó la conexión con { $provider } de esta computadora, pero { $provider } no confirmó la revocación ({ $reason }). Para asegurarte, quita el acceso de Plugboard en tu cuenta de { $provider } (apps conectadas).
shell-already-removed = Esa conexión ya se había quitado.

## Settings (commands/settings.rs)
shell-start-at-login-add-failed = Plugboard no pudo agregarse a los programas que se abren al iniciar sesión ({ $error }). Revisa que se pueda escribir en tu carpeta de configuración y vuelve a intentarlo.
shell-start-at-login-remove-failed = Plugboard no pudo quitarse de los programas que se abren al iniciar sesión ({ $error }). Revisa que se pueda escribir en tu carpeta de configuración y vuelve a intentarlo.

## Sign-in links (links.rs)
shell-link-unused = Plugboard se abrió con un enlace que no usa ({ $path }).
# Sin artículo: cada mensaje que puede recibirlo lo elige con { $provider -> [proveedor] del proveedor *[other] de { $provider } } (El, el, del, al); los nombres de marca van sin artículo.
shell-the-provider = proveedor
shell-reconnected = Se volvió a conectar { $provider ->
        [proveedor] al proveedor
       *[other] a { $provider }
    } ({ $account }).
shell-connected = Conectado { $provider ->
        [proveedor] al proveedor
       *[other] a { $provider }
    } como { $account }.
shell-signed-in-again = Iniciaste sesión en { $provider ->
        [proveedor] el proveedor
       *[other] { $provider }
    } como { $account }, una cuenta que ya estaba conectada: se renovó su inicio de sesión y no se agregó una segunda conexión. Para agregar otra cuenta, cierra primero la sesión { $provider ->
        [proveedor] del proveedor
       *[other] de { $provider }
    } en el navegador.
shell-sign-in-unexpected = Plugboard recibió una respuesta de inicio de sesión, pero no había ningún inicio de sesión en curso (o ya se había usado), así que la ignoró. Si estabas conectando una cuenta, empieza de nuevo con Conectar.

## The clock (scheduler.rs)
shell-clock-behind = El reloj de esta computadora va { $seconds } s atrasado respecto al de { $host }. Las horas de vencimiento pueden estar mal: activa la hora automática en la configuración del sistema.
shell-clock-ahead = El reloj de esta computadora va { $seconds } s adelantado respecto al de { $host }. Las horas de vencimiento pueden estar mal: activa la hora automática en la configuración del sistema.

## Demo mode (demo.rs)
shell-demo-failed = El modo de demostración no pudo iniciar su simulador de proveedores: { $error }.
shell-demo-missing = Esta versión de Plugboard no tiene modo de demostración (se compiló sin el simulador). Quita PLUGBOARD_DEMO o ejecuta `make demo` desde una copia del código fuente.

## Starting (lib.rs), on the terminal
shell-could-not-start = Plugboard no pudo iniciarse: { $error }

## Demo mode: what each card says of its app credentials (the window and the CLI)
shell-demo-help = Demostración: las credenciales de { $provider } del simulador ya vienen completadas.

## Un programa pide un token (el servicio de tokens D-Bus).
shell-consent-title = { $program } quiere usar { $connection }
shell-consent-explanation = Permitir una vez le da solo este token. Permitir hasta que Plugboard se cierre, o Permitir siempre, le deja tomar el token de { $provider } de nuevo sin preguntar (puedes quitarlo en Ajustes). Denegar no le da nada.
shell-consent-unknown-choice = Esa no es una de las respuestas que ofrece Plugboard.
shell-dbus-throttled = { $program } pidió tokens demasiadas veces; se le rechaza durante un segundo.
shell-dbus-caller-unknown = Plugboard no pudo saber qué programa lo pidió ({ $why }), así que no le dio nada.
shell-dbus-other-user = Solo los programas de tu propio usuario pueden pedir tokens a Plugboard.
settings-grant-not-removed = No se pudo quitar el permiso: { $error }

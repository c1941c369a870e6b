# El marco de la página (ui/index.html, dom.js) y la Configuración (ui/views/settings.js).
# Formateados por la página (ui/i18n.js). Mantén los ids iguales a los del inglés (una prueba lo comprueba).

## El marco
page-skip = Ir a los proveedores
page-tagline = Conecta tus cuentas de empresa. Los secretos se quedan en el llavero de tu sistema.
page-demo = Demostración
page-settings = Configuración
page-close = Cerrar
page-providers =
    .aria-label = Proveedores
page-loading = Cargando proveedores…
page-keychain-checking = Comprobando tu llavero…
page-copy-diagnostics = Copiar diagnóstico
page-recent-messages = Mensajes recientes
page-recent-list =
    .aria-label = Mensajes recientes, los más nuevos primero
error-inside = Algo salió mal dentro de Plugboard. Reinícialo y copia el diagnóstico si vuelve a pasar.
health-retrying-at = { $status } — reintentando a las { $time }

## Configuración
settings-language = Idioma
settings-language-system = El del sistema ({ $language })
settings-language-hint = La ventana, la bandeja, las notificaciones y la línea de comandos lo hablan.
settings-language-fixed = Establecido en { $locale } por { $variable } en el entorno de Plugboard.
settings-general = General
settings-saved = Configuración guardada.
settings-notifications = Notificaciones
settings-notifications-hint = Avísame cuando una conexión me necesite: hay que volver a conectar, el llavero está bloqueado, el acceso está por vencer o un problema dura más de 15 minutos. Nunca por las renovaciones de rutina.
settings-start-at-login = Abrir al iniciar sesión
settings-start-at-login-hint = Plugboard se inicia en la bandeja cuando entras en tu sesión, así los tokens siguen vigentes sin abrir la ventana.
settings-keep-in-tray = Seguir ejecutándose en la bandeja
settings-keep-in-tray-hint = Al cerrar la ventana, Plugboard sigue en la bandeja, renovando tokens y avisándote cuando una conexión te necesite. Para salir, usa el menú del ícono de la bandeja.
settings-keep-in-tray-no-tray = Tu escritorio no muestra íconos en la bandeja ahora mismo, así que cerrar la ventana cierra Plugboard, diga lo que diga esta opción.
# A label with the number box where $seconds is (the box, not a number, goes there).
settings-clipboard-clear = Borrar un token copiado después de { $seconds } segundos
settings-clipboard-invalid = Escribe un número entero de segundos entre { $min } y { $max }.
settings-clipboard-hint = Entre { $min } y { $max } segundos; lo que hayas copiado después no se toca.
settings-clipboard-fixed = Establecido en { $seconds } s por PLUGBOARD_CLIPBOARD_CLEAR_SECS en el entorno de Plugboard.
settings-refresh = Renovación automática
settings-credentials = Credenciales de la app para iniciar sesión en el navegador
settings-credentials-order = Plugboard usa las primeras que encuentra: variables de entorno, las administradas por tu organización, tu providers.toml, las guardadas aquí, los valores predeterminados de tu organización y, por último, las que vienen incluidas en este Plugboard.
settings-client-id = ID de cliente
settings-client-secret = Secreto de cliente
settings-secret-not-needed = No hace falta (app pública)
settings-secret-hidden = •••••••• (oculto)
settings-secret-missing = Falta: el inicio de sesión fallará hasta que se establezca uno
settings-change = Cambiar
settings-add = Agregar
settings-forget = Eliminar
# A notice.
settings-forgot-client-id = Se eliminó el ID de cliente de { $provider } que habías guardado.
# A notice.
settings-forgot-app-credentials = Se eliminaron las credenciales de la app de { $provider } que habías guardado. El secreto se borró de tu llavero.
# Where a provider's app credentials come from. "Connect": the button on the provider's card.
settings-origin-none = Todavía no hay credenciales de la app: agrégalas aquí o haz clic en Conectar en la tarjeta para una configuración guiada.
settings-origin-managed = Las administra tu organización. Pídele a quien administra Plugboard en esta computadora que las cambie.
# $variable: an environment variable's name.
settings-origin-environment = Definidas por variables de entorno ({ $variable }). Cambia o elimina esas variables para cambiarlas.
settings-origin-user-file = De tu providers.toml. Edita ese archivo para cambiarlas.
settings-origin-saved = Guardadas aquí; el secreto está en tu llavero.
settings-origin-system-file = Los valores predeterminados de tu organización. Puedes guardar las tuyas en su lugar.
settings-origin-embedded = Incluidas en este Plugboard. Puedes guardar las tuyas en su lugar.
settings-origin-demo = El simulador del modo de demostración.
# $origin: where they come from, in words (already translated).
settings-origin-other = De { $origin }.

## Un programa pide el token de una conexión.
consent-program = Programa
consent-connection = Conexión
consent-allow-once = Permitir una vez
consent-allow-until-quit = Permitir hasta que Plugboard se cierre
consent-allow-always = Permitir siempre
consent-deny = Denegar

## Ajustes › Programas con acceso.
settings-programs = Programas con acceso
settings-programs-intro = Programas a los que permitiste tomar el token de una conexión sin preguntar. Quita uno y se le preguntará de nuevo la próxima vez.
settings-programs-none = Ningún programa puede tomar un token sin preguntar.
settings-remove = Quitar
settings-grant-always = siempre
settings-grant-until-quit = hasta que Plugboard se cierre
settings-grant-since = desde
settings-grant-last-used = último uso
settings-grant-removed = Quitado: a ese programa se le preguntará de nuevo.
settings-program-notifications = Avisarme cuando un programa use una conexión por primera vez
settings-program-notifications-hint = Una notificación nombra el programa y la conexión la primera vez que toma un token por el servicio de tokens D-Bus.

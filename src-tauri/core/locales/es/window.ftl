# El marco de la página (ui/index.html, dom.js) y la Configuración (ui/views/settings.js).
# Formateados por la página (ui/i18n.js). Mantén los ids iguales a los del inglés (una prueba lo comprueba).

## El marco
page-skip = Ir a los proveedores
page-tagline = Conecta tus cuentas de negocio. Los secretos se quedan en el llavero de tu sistema.
page-demo = Demostración
page-settings = Configuración
page-close = Cerrar
page-providers =
    .aria-label = Proveedores
page-loading = Cargando proveedores…
page-keychain-checking = Llavero: comprobando…
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
settings-language-fixed = Establecido en { $locale } por PLUGBOARD_LOCALE en el entorno de Plugboard.

# Mensajes de Plugboard en español. Mismos ids que en/plugboard.ftl.

who = { $provider } ({ $account })

## Estado
health-connected = Conectada
health-expiring-soon = Vence pronto
health-refreshing = Renovando…
health-temporary-problem = Problema temporal
health-reconnect-needed = Hay que volver a conectar
health-keychain-locked = Llavero bloqueado
health-keychain-unavailable = Llavero no disponible

## Cuenta regresiva
expiry-never = no vence
expiry-unknown = vencimiento desconocido
expiry-expired = vencida
expiry-minutes = vence en { $n } min
expiry-hours = vence en { $n } h
expiry-days = vence en { $n } d

## Bandeja
tray-no-connections = Aún no hay conexiones
tray-needs-you = { $count ->
    [one] 1 conexión te necesita
   *[other] { $count } conexiones te necesitan
}
tray-all-working = { $count ->
    [one] Tu conexión funciona
   *[other] Las { $count } conexiones funcionan
}
tray-line = { $provider } · { $who } — { $status }
tray-line-expiry = { $provider } · { $who } — { $status }, { $expiry }
tray-open = Abrir Plugboard
tray-more = { $count } más en la ventana…
tray-refresh-all = Renovar todas
tray-quit = Salir de Plugboard
tray-tooltip = Plugboard: { $headline }
tray-cannot-open = Plugboard no puede abrir tus conexiones: ábrelo para ver por qué

## Notificaciones
need-reconnect-title = { $provider } necesita que vuelvas a conectarte
need-reconnect-body = { $provider } ya no acepta el inicio de sesión de { $who }. Abre Plugboard y haz clic en Volver a conectar para iniciar sesión de nuevo.
need-reconnect-page = { $provider } ya no acepta el inicio de sesión de { $who }. Haz clic en Volver a conectar en su fila para iniciar sesión de nuevo.
need-item-gone-body = El inicio de sesión guardado de { $who } ya no está en tu llavero (se eliminó o se restableció el llavero). Abre Plugboard y haz clic en Volver a conectar para iniciar sesión de nuevo.
need-item-gone-page = El inicio de sesión guardado de { $who } ya no está en tu llavero (se eliminó o se restableció el llavero). Haz clic en Volver a conectar en su fila para iniciar sesión de nuevo.
need-keychain-title = Tu llavero está bloqueado
need-keychain-body = Plugboard no puede renovar { $who } mientras el llavero esté bloqueado. Desbloquéalo (vuelve a iniciar sesión o abre tu app de llavero); después Plugboard sigue solo.
need-expires-title = El acceso a { $provider } vence en { $left ->
        [one] 1 minuto
       *[other] { $left } minutos
    }
need-expires-body = El acceso de { $who } vence en { $left ->
        [one] 1 minuto
       *[other] { $left } minutos
    } y { $provider } no le dio a Plugboard ninguna forma de renovarlo. Abre Plugboard y haz clic en Volver a conectar para iniciar sesión de nuevo.
need-expires-page = El acceso de { $who } vence en { $left ->
        [one] 1 minuto
       *[other] { $left } minutos
    } y { $provider } no le dio a Plugboard ninguna forma de renovarlo. Haz clic en Volver a conectar en su fila para iniciar sesión de nuevo.
need-expired-title = El acceso a { $provider } venció
need-expired-body = El acceso de { $who } venció y { $provider } no le dio a Plugboard ninguna forma de renovarlo. Abre Plugboard y haz clic en Volver a conectar para iniciar sesión de nuevo.
need-expired-page = El acceso de { $who } venció y { $provider } no le dio a Plugboard ninguna forma de renovarlo. Haz clic en Volver a conectar en su fila para iniciar sesión de nuevo.
need-problem-title = Plugboard no puede comunicarse con { $provider }
need-problem-body = La renovación de { $who } lleva { $lasted ->
        [one] 1 minuto
       *[other] { $lasted } minutos
    } fallando. Plugboard sigue intentándolo; revisa tu conexión a internet y, si continúa, la página de estado de { $provider }.
group-title = { $count } conexiones te necesitan
group-reconnect = { $who }: hay que volver a conectar
group-keychain = { $who }: llavero bloqueado, no se puede renovar
group-expires = { $who }: el acceso vence pronto, vuelve a iniciar sesión
group-problem = { $who }: lleva un rato sin poder renovarse
group-more = y { $count } más
group-open = Abre Plugboard para ver qué hacer.
group-see-rows = Cada fila dice qué hacer.
still-running-title = Plugboard sigue funcionando
still-running-body = Mantiene tus conexiones renovadas en segundo plano y te avisa cuando alguna te necesite. Vuelve a abrirlo desde su ícono en la bandeja; elige Salir de Plugboard allí para cerrarlo.
signed-in-title = Conectado { $provider ->
        [proveedor] al proveedor
       *[other] a { $provider }
    }
signed-in-body = { $account } está conectada. Plugboard la mantiene renovada en segundo plano; haz clic para verla.
notification-open = Abrir Plugboard
notification-program-first-use = { $program } usó { $provider } · { $account }
notification-program-first-use-body = { $program } tomó el token de esta conexión por primera vez. Ajustes › Programas con acceso lista los programas que pueden.

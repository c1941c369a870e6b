# Mensagens do Plugboard em português (Brasil). Mesmos ids de en/plugboard.ftl.

who = { $provider } ({ $account })

## Estado
health-connected = Conectada
health-expiring-soon = Expira em breve
health-refreshing = Renovando…
health-temporary-problem = Problema temporário
health-reconnect-needed = Reconexão necessária
health-keychain-locked = Chaveiro bloqueado
health-keychain-unavailable = Chaveiro indisponível

## Contagem regressiva
expiry-never = não expira
expiry-unknown = validade desconhecida
expiry-expired = expirada
expiry-minutes = expira em { $n } min
expiry-hours = expira em { $n } h
expiry-days = expira em { $n } d

## Bandeja
tray-no-connections = Nenhuma conexão ainda
tray-needs-you = { $count ->
    [one] { $count } conexão precisa de você
   *[other] { $count } conexões precisam de você
}
tray-all-working = { $count ->
    [one] Sua conexão está funcionando
   *[other] Todas as { $count } conexões estão funcionando
}
tray-line = { $provider } · { $who } — { $status }
tray-line-expiry = { $provider } · { $who } — { $status }, { $expiry }
tray-open = Abrir o Plugboard
tray-more = mais { $count } na janela…
tray-refresh-all = Renovar todas
tray-quit = Sair do Plugboard
tray-tooltip = Plugboard: { $headline }
tray-cannot-open = O Plugboard não consegue abrir suas conexões: abra-o para ver o motivo

## Notificações
need-reconnect-title = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } precisa que você reconecte
need-reconnect-body = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não aceita mais o login { $provider_gender ->
        [feminine] da { $who }
        [masculine] do { $who }
       *[other] de { $who }
    }. Abra o Plugboard e clique em Reconectar para entrar de novo.
need-reconnect-page = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não aceita mais o login { $provider_gender ->
        [feminine] da { $who }
        [masculine] do { $who }
       *[other] de { $who }
    }. Clique em Reconectar na linha dessa conexão para entrar de novo.
need-item-gone-body = O login salvo de { $who } sumiu do seu chaveiro (foi apagado, ou o chaveiro foi redefinido). Abra o Plugboard e clique em Reconectar para entrar de novo.
need-item-gone-page = O login salvo de { $who } sumiu do seu chaveiro (foi apagado, ou o chaveiro foi redefinido). Clique em Reconectar na linha dessa conexão para entrar de novo.
need-keychain-title = Seu chaveiro está bloqueado
need-keychain-body = O Plugboard não consegue renovar { $who } enquanto o chaveiro estiver bloqueado. Desbloqueie-o (entre de novo na sessão ou abra o app de chaveiro); depois o Plugboard continua sozinho.
need-expires-title = O acesso { $provider_gender ->
        [feminine] à { $provider }
        [masculine] ao { $provider }
       *[other] a { $provider }
    } expira em { $left ->
        [one] { $left } minuto
       *[other] { $left } minutos
    }
need-expires-body = O acesso { $provider_gender ->
        [feminine] da { $who }
        [masculine] do { $who }
       *[other] de { $who }
    } expira em { $left ->
        [one] { $left } minuto
       *[other] { $left } minutos
    }, e { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } não deu ao Plugboard uma forma de renová-lo. Abra o Plugboard e clique em Reconectar para entrar de novo.
need-expires-page = O acesso { $provider_gender ->
        [feminine] da { $who }
        [masculine] do { $who }
       *[other] de { $who }
    } expira em { $left ->
        [one] { $left } minuto
       *[other] { $left } minutos
    }, e { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } não deu ao Plugboard uma forma de renová-lo. Clique em Reconectar na linha dessa conexão para entrar de novo.
need-expired-title = O acesso { $provider_gender ->
        [feminine] à { $provider }
        [masculine] ao { $provider }
       *[other] a { $provider }
    } expirou
need-expired-body = O acesso { $provider_gender ->
        [feminine] da { $who }
        [masculine] do { $who }
       *[other] de { $who }
    } expirou, e { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } não deu ao Plugboard uma forma de renová-lo. Abra o Plugboard e clique em Reconectar para entrar de novo.
need-expired-page = O acesso { $provider_gender ->
        [feminine] da { $who }
        [masculine] do { $who }
       *[other] de { $who }
    } expirou, e { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } não deu ao Plugboard uma forma de renová-lo. Clique em Reconectar na linha dessa conexão para entrar de novo.
need-problem-title = O Plugboard não consegue acessar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    }
need-problem-body = A renovação { $provider_gender ->
        [feminine] da { $who }
        [masculine] do { $who }
       *[other] de { $who }
    } está falhando há { $lasted ->
        [one] { $lasted } minuto
       *[other] { $lasted } minutos
    }. O Plugboard continua tentando; verifique sua conexão com a internet e, se continuar, a página de status { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }.
group-title = { $count } conexões precisam de você
group-reconnect = { $who }: reconexão necessária
group-keychain = { $who }: chaveiro bloqueado, não dá para renovar
group-expires = { $who }: o acesso expira em breve, entre de novo
group-problem = { $who }: não dá para renovar há algum tempo
group-more = e mais { $count }
group-open = Abra o Plugboard para ver o que fazer.
group-see-rows = Cada linha diz o que fazer.
still-running-title = O Plugboard continua rodando
still-running-body = Ele mantém suas conexões renovadas em segundo plano e avisa quando alguma precisar de você. Abra-o de novo pelo ícone na bandeja; escolha Sair do Plugboard lá para encerrá-lo.
signed-in-title = { $provider_gender ->
        [feminine] Conectado à { $provider }
        [masculine] Conectado ao { $provider }
       *[other] Conectado a { $provider }
    }
signed-in-body = { $account } está conectada. O Plugboard a mantém renovada em segundo plano; clique para ver.
notification-open = Abrir o Plugboard
notification-program-first-use = { $program } usou { $provider } · { $account }
notification-program-first-use-body = { $program } pegou o token desta conexão pela primeira vez. Configurações › Programas com acesso lista os programas que podem.

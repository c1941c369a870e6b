# The page's provider cards and connection rows (ui/views/cards.js, providers.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## A provider's card (ui/views/cards.js)
card-connect = Conectar
card-add-account = Adicionar outra conta
card-developer-page = Página de desenvolvedor
card-waiting = Aguardando seu navegador…
card-cancel = Cancelar
card-another =
    .aria-label = Adicionar outra conexão { $provider_gender ->
            [feminine] com a { $provider }
            [masculine] com o { $provider }
           *[other] com { $provider }
        }?
card-another-question = { $provider_gender ->
        [feminine] A { $provider } já está conectada
        [masculine] O { $provider } já está conectado
       *[other] { $provider } já está conectado
    } ({ $accounts }). Adicionar outra conexão { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    }? Cada uma tem o próprio login; entrar de novo numa conta que já está aqui só renova essa conta.
card-another-accounts = { $first } e mais { $count }
card-another-yes = Adicionar outra conexão
card-two-ways = Duas formas de conectar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    }: com { $usual } aqui, ou “{ $alternative }” no navegador, que antes precisa de um app cadastrado { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    }.
# Under the provider's name, when its OAuth app's client ID and secret are not set yet.
card-needs-credentials = Primeiro configure um app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }: Conectar mostra como
card-setup-details = Detalhes de configuração
card-redirect-uri = URI de redirecionamento para cadastrar
card-credentials = Credenciais
# Followed by the other ways to sign in this provider supports.
card-also-supports = Também aceita
# Followed by what disconnecting does at the provider.
card-disconnecting = Ao desconectar
# The list of a provider's connected accounts (read by screen readers).
card-accounts =
    .aria-label = Contas { $provider_gender ->
            [feminine] da { $provider }
            [masculine] do { $provider }
           *[other] de { $provider }
        }
# A button under a long list of accounts; $count is always above 20.
card-show-all = { $count ->
        [one] Mostrar { $count } conta { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }
       *[other] Mostrar todas as { $count } contas { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }
    }

## One account's row (ui/views/cards.js)
row-disconnect = Desconectar
row-refresh = Renovar
row-refreshing = Renovando…
# Said beside the row after Refresh; $countdown is the new expiry ("Expires in 59 min").
row-refreshed = Conexão { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    } ({ $account }) renovada. { $countdown }.
row-reconnect = Reconectar
row-unlock = Desbloquear e tentar de novo
# The provider's environment an account belongs to (Hotmart's test environment).
row-sandbox = Sandbox
row-production = Produção
# Shown on hover/focus of the countdown; $time is a local date and time.
row-expires-at = Expira em { $time }
# The countdown for screen readers: $countdown ("Expires in 59 min") and the local date and time.
row-countdown =
    .aria-label = { $countdown } ({ $time })

## Asking before disconnecting (ui/views/cards.js)
disconnect-ask =
    .aria-label = Desconectar { $provider_gender ->
            [feminine] a { $provider }
            [masculine] o { $provider }
           *[other] { $provider }
        } ({ $account })?
disconnect-confirm = Desconectar
disconnect-cancel = Cancelar
# The provider revokes Plugboard's access when asked to.
disconnect-question-revokes = Desconectar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } ({ $account })? O Plugboard revoga o próprio acesso { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    } e apaga os tokens deste computador.
# As above; $note is the provider's own note on disconnecting.
disconnect-question-revokes-note = Desconectar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } ({ $account })? O Plugboard revoga o próprio acesso { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    } e apaga os tokens deste computador. { $note }
# The provider cannot revoke: the person has to remove the access there.
disconnect-question-keeps = Desconectar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } ({ $account })? O Plugboard apaga os tokens deste computador, mas { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } mantém o acesso aberto: remova-o na sua conta { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }.
# As above; $note says where to remove the access at the provider.
disconnect-question-keeps-note = Desconectar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } ({ $account })? O Plugboard apaga os tokens deste computador, mas { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } mantém o acesso aberto. { $note }

## Announcements for screen readers when a row changes (ui/views/providers.js)
# $status is the row's new status ("Connected", "Reconnect needed").
provider-announce-status = { $account }: { $status }
provider-announce-five-minutes = { $account }: expira em 5 minutos
provider-announce-one-minute = { $account }: expira em 1 minuto
provider-announce-expired = { $account }: expirou

## Several accounts of one provider (ui/views/cards.js)
# Beside the status of the account its provider's id alone picks on the command line (plugboard default).
row-default = Padrão

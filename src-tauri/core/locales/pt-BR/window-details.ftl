# The page's Details panel (ui/views/details.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## The panel
details-summary = Detalhes
details-loading = Carregando…

## The list of facts (labels on the left)
details-row-name = Nome
details-row-provider = Provedor
details-row-method = Método
details-row-account = Conta
# The scopes (permissions) asked of the provider when signing in; the scope IDs follow.
details-row-scopes-requested = Escopos pedidos
details-row-scopes-granted = Escopos concedidos
details-row-scopes-missing = Pedidos, mas não concedidos
details-row-environment = Ambiente
# The provider's test environment.
details-environment-sandbox = Sandbox
details-environment-production = Produção
details-row-connected-since = Conectada desde
details-row-last-refreshed = Última renovação
# Beside "Last refreshed": never refreshed so far.
details-not-yet = Ainda não
details-row-last-error = Último erro
# Beside "Last error": there has been none.
details-last-error-none = Nenhum

## Naming the connection
# Beside "Name" when the person has not named the connection.
details-name-none = Ainda sem nome
details-rename = Renomear…
details-name-it = Dar um nome…
details-name-label = Nome
# An example of a name, in the empty field.
details-name-placeholder = Cliente A — loja
details-save = Salvar
details-cancel = Cancelar

## The token, for developers
details-token-label = Token de acesso
details-token-unavailable = Não disponível
details-reveal = Mostrar
details-hide = Ocultar
details-copy-access = Copiar token de acesso
# The access token expires soon: it is refreshed first, then copied.
details-refresh-and-copy = Renovar e copiar
details-copy-header = Copiar como cabeçalho
details-copy-curl = Copiar como curl
details-refresh-and-copy-header = Renovar e copiar como cabeçalho
details-refresh-and-copy-curl = Renovar e copiar como curl
details-copy-refresh = Copiar token de renovação…
details-refresh-question = O token de renovação dá acesso duradouro a esta conta. Quem tiver esse token pode obter novos tokens. Copiar mesmo assim?
details-refresh-confirm =
    .aria-label = Confirmar a cópia do token de renovação
details-refresh-yes = Sim, copiar token de renovação

## Try it: one harmless call to the provider
details-try = Testar
# $status: the HTTP status code (200); $reason: its words from the server (OK); $millis: how long it took.
details-try-accepted = HTTP { $status } { $reason } em { $millis } ms — { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } aceitou esta conexão.
details-try-refused = HTTP { $status } { $reason } em { $millis } ms — { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } a recusou: é isso que um script receberia agora.
details-try-stale = Esta resposta era do token anterior à última renovação: clique em Testar de novo para conferir o novo.
# Shown above the answer when the call was the provider's token introspection (it has no identity call).
details-try-introspection = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem chamada de identidade: o teste perguntou à introspecção de tokens { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } se o token de acesso está ativo.
details-try-inactive = HTTP { $status } { $reason } em { $millis } ms — { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } diz que o token de acesso não está ativo: é isso que um script receberia agora.
# The server answered with nothing.
details-try-empty = (resposta vazia)

## Asking for more access
details-more-access = Pedir mais acesso…
details-more-intro = Marque o que mais pedir { $provider_gender ->
        [feminine] à { $provider }
        [masculine] ao { $provider }
       *[other] a { $provider }
    }. Você entra de novo e esta conta continua no mesmo lugar.

## Recent events (the connection's timeline)
details-used-by-title = Usado por
details-used-by-list =
    .aria-label = Programas que receberam tokens desta conexão
details-used-by-none = Nenhum programa pegou um token ainda
# $times: quantos dos usos mais recentes foram deste programa; $denied: quantos foram recusados.
details-used-by-times = { $times ->
        [one] uma vez
       *[other] { $times } vezes
    }{ $denied ->
        [0] {""}
       *[other] , { $denied } recusado(s)
    }
details-events-title = Eventos recentes
details-events-list =
    .aria-label = Eventos recentes, do mais novo ao mais antigo
details-events-none = Nenhum ainda
details-event-connected = Conectada
details-event-refreshed = Renovada
details-event-refresh-failed = Falha ao renovar
details-event-reconnect-needed = Reconexão necessária
details-event-reconnected = Reconectada
details-event-disconnected = Desconectada
details-event-by-window = na janela
details-event-by-command-line = na linha de comando

## Several accounts of one provider
# Makes this account the one its provider's id alone picks on the command line (plugboard default).
details-make-default = Tornar padrão

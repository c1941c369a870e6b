# The command line's words (src-tauri/cli), its --help included.
# Keep ids in step with the other languages (a test checks).
# Commands, flags, file names and environment variables stay as they are (`plugboard status`,
# --json, providers.toml, PLUGBOARD_DEMO). $command is always a whole command to type.

## Starting and stopping
cli-could-not-start = O Plugboard não conseguiu iniciar: { $error }
# A problem found in one of Plugboard's files ($problem is a whole sentence).
cli-warning = Aviso: { $problem }
cli-note = Observação: { $note }
cli-write-failed = Não foi possível escrever a saída: { $error }
# $binary is the window's program file; $help is a command.
cli-window-missing = A janela do Plugboard não está instalada ao lado deste comando ({ $binary }). Reinstale o Plugboard ou use um subcomando: { $help }
cli-window-failed = O Plugboard não conseguiu abrir a janela: { $error }
cli-crashed = O Plugboard parou por causa de um erro interno (um bug), então este comando não terminou. Por favor, informe o problema.
# $log is a file's path.
cli-crashed-recorded = O Plugboard parou por causa de um erro interno (um bug), então este comando não terminou. Ele ficou registrado em { $log }. Por favor, informe o problema.
cli-demo-no-simulator = O modo de demonstração não conseguiu iniciar o simulador de provedores: { $error }.
# $variable is an environment variable; $make a command; $binary a file's path.
cli-demo-not-built = Esta versão do plugboard não tem modo de demonstração (foi compilada sem o simulador de provedores). Remova { $variable } ou use `{ $make }` e { $binary } a partir do código-fonte.

## Values typed or piped in. $label is what is asked for (“Client ID”, or a provider's field name).
# The prompt at a terminal.
cli-prompt = { $label }:
cli-input-needed = O Plugboard precisa deste valor: { $label }. Digite quando for pedido ou envie pela entrada padrão (um valor por linha).
# $flag is a command-line flag with its value (--client-id, --field token=…).
cli-input-needed-or-flag = O Plugboard precisa deste valor: { $label }. Digite quando for pedido, envie pela entrada padrão (um valor por linha) ou use { $flag }.
cli-label-client-id = ID do cliente
cli-label-client-secret = Segredo do cliente
cli-label-pasted-address = endereço em que o navegador parou (cole aqui)

## <connection> arguments
cli-no-such-connection = Não existe nenhuma conexão ou provedor chamado “{ $name }”. Veja em `plugboard status` os IDs e nomes das conexões.
cli-no-connection-yet = Ainda não há nenhuma conexão { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    }. Conecte uma com: { $command }
# $provider is a provider's name; $given what was typed (a provider id). The connections follow, one a line.
cli-several-connections = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } tem { $count } conexões, então “{ $given }” pode ser qualquer uma delas:
# After that list. $command sets a default (plugboard default <connection>).
cli-several-how-to-pick = Indique uma pelo ID ou pelo nome, ou defina uma como a padrão { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }, que passa a ser usada quando você digitar só “{ $given }”: { $command }
# A connection in a line about it: $id its id, $account who it is, $name the name the person gave it.
cli-connection-named = { $id } “{ $name }” ({ $account })
cli-connection-unnamed = { $id } ({ $account })

## Failures
# $id_variable and $secret_variable are environment variables; $section is a section of providers.toml.
cli-missing-credentials = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } precisa de credenciais do app (um ID do cliente e, a menos que seja um cliente público, um segredo do cliente) antes que você possa entrar. Salve-as com `{ $command }` (ou nas Configurações da janela), defina { $id_variable } e { $secret_variable } ou adicione { $section } ao providers.toml.
# $known lists the ones the provider has.
cli-no-such-field = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem o campo “{ $given }”; use um destes: { $known }.
cli-no-such-environment = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem o ambiente “{ $given }”; use um destes: { $known }.

## Tables' column headings (capitals, as tables on a terminal have them)
cli-column-id = ID
cli-column-name = NOME
# Methods of connecting; the default one is marked with a *.
cli-column-methods = MÉTODOS (* padrão)
cli-column-app-credentials = CREDENCIAIS DO APP
cli-column-redirect = URI DE REDIRECIONAMENTO A CADASTRAR
cli-column-provider = PROVEDOR
cli-column-account = CONTA
cli-column-status = STATUS
cli-column-expires = EXPIRA
cli-column-scopes = ESCOPOS
cli-column-client-id = ID DO CLIENTE
cli-column-secret = SEGREDO
# Where the app credentials come from.
cli-column-from = ORIGEM

## plugboard providers
# A provider's app credentials (a table cell).
cli-app-credentials-not-needed = não são necessárias
cli-app-credentials-missing = faltando
cli-app-credentials-optional = nenhuma (só o login pelo navegador precisa delas)
# $command is the flag to ask for them; $scopes lists them, each with what it is for.
cli-providers-optional-scopes = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } também pode pedir ({ $command }): { $scopes }
# $scheme is the window's own address scheme (dev.plugboard.desktop:). The line breaks are kept.
cli-providers-loopback =
    A janela faz o login pelo endereço { $scheme } acima. A linha de comando
    escuta em { $address }: cadastre esse também onde o provedor
    aceitar redirecionamentos para loopback.

## plugboard status
cli-status-none = Nenhuma conexão ainda. Conecte uma com: plugboard connect <provedor>  (veja: plugboard providers)
cli-keychain-ready = Chaveiro: pronto
cli-keychain-locked = Chaveiro: bloqueado. Desbloqueie-o (entre de novo na sessão ou abra o app de chaveiro) e tente de novo.
cli-keychain-unavailable = Chaveiro: indisponível. Inicie o chaveiro da sua área de trabalho (gnome-keyring, KWallet ou KeePassXC) e tente de novo.
# $status is a connection's status (“Temporary problem”); $at a time (RFC 3339).
cli-status-retrying = { $status }, nova tentativa em { $at }
cli-status-last-error = { $id }: último erro em { $at }: { $message }
# The EXPIRES cell. $left is a time left ("29:41", "5 h 07 min"); $at the time (RFC 3339).
cli-expires-in = em { $left } ({ $at })
cli-expires-expired = expirou ({ $at })
cli-expires-never = não expira
cli-expires-unknown = desconhecido
# The PROVIDER cell of a provider's default connection, where it has several (plugboard default).
cli-status-default = { $provider } (padrão)

## plugboard connect, refresh: one connection. $status is its status (“Connected”); $expiry is
## in, expired, never or unknown, with $left the time left (“29:41”) and $at the time (RFC 3339).
cli-connected = Conectado { $provider_gender ->
        [feminine] à { $provider }
        [masculine] ao { $provider }
       *[other] a { $provider }
    } ({ $account }) como { $id }: { $status }; { $expiry ->
        [in] expira em { $left } ({ $at })
        [expired] expirou ({ $at })
        [never] não expira
       *[unknown] não se sabe quando expira
    }.
cli-refreshed = Conexão { $id } { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    } ({ $account }) renovada: { $status }; { $expiry ->
        [in] expira em { $left } ({ $at })
        [expired] expirou ({ $at })
        [never] não expira
       *[unknown] não se sabe quando expira
    }.
# $method is a way of connecting as the command line spells it (api_key, client_credentials); $methods lists them.
cli-scope-needs-browser = --scope é para logins pelo navegador; aqui { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } se conecta com { $method }.
cli-method-not-offered = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não se conecta com { $method }; oferece: { $methods }.
cli-field-shape = --field recebe ID=VALOR, por exemplo --field token=abc.
cli-checking-key = Conferindo a chave { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    }…
cli-getting-token = Obtendo um token { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }…

## Browser sign-in (plugboard connect). The address follows on its own line.
cli-sign-in-at = Para conectar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    }, entre em:
cli-no-browser-opened = (Não foi possível abrir um navegador aqui: abra você mesmo o endereço acima.)
# $redirect is a local address (http://127.0.0.1:53682/callback).
cli-waiting-for-browser = Esperando o navegador voltar para { $redirect } (até { $minutes ->
        [one] { $minutes } minuto
       *[other] { $minutes } minutos
    }; Ctrl-C cancela)…
cli-paste-hint = Se o seu navegador estiver em outra máquina, cole aqui o endereço em que ele parar.
cli-sign-in-timed-out = O login { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    } não terminou: o navegador não respondeu a tempo. Comece de novo com: { $command }
cli-sign-in-refused = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } recusou o login. Comece de novo com: { $command }
# $problem is a whole sentence saying what went wrong.
cli-start-again = { $problem } Comece de novo com: { $command }

## plugboard credentials
cli-credentials-no-browser-sign-in = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem login pelo navegador, então não usa credenciais do app: para conectar, use `{ $command }`.
cli-credentials-saved = Credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } salvas; o segredo está no seu chaveiro.
cli-credentials-saved-public = Credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } salvas (um cliente público: sem segredo).
cli-credentials-forgot = As credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } que você tinha salvado foram removidas.
cli-credentials-none-saved = Não havia credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } salvas.
# $origin says where they come from (“your environment variables”).
cli-credentials-now-from = Agora { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } usa as de { $origin }.
cli-credentials-now-none = Agora { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } não tem credenciais do app: salve algumas antes de conectar.
# A provider's app secret (a table cell).
cli-secret-not-needed = não é necessário
cli-secret-set = definido (oculto)
cli-secret-missing = faltando
cli-credentials-footer = Salve as suas com `plugboard credentials set <id> --client-id …` (o segredo é pedido em seguida) e remova-as com `plugboard credentials forget <id>`.

## plugboard disconnect. $id is a connection id (hubspot-1).
cli-disconnected = { $connection } desconectada { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }.
cli-disconnect-revoked = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } revogou os tokens.
cli-disconnect-no-revoke = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem como encerrar o acesso do Plugboard a pedido; os tokens foram apagados deste computador.
# $reason is what went wrong.
cli-disconnect-revoke-failed = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não confirmou a revogação ({ $reason }); mesmo assim, os tokens foram apagados deste computador. Para ter certeza, remova o acesso do Plugboard na sua conta { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } (apps conectados).
cli-disconnect-already = { $id } já estava desconectada.
cli-disconnect-all-none = Não há conexões. Isto remove todos os outros itens do chaveiro criados pelo Plugboard: credenciais do app salvas e logins pendentes.
cli-disconnect-all-some = Isto desconecta { $count ->
        [one] { $count } conexão
       *[other] { $count } conexões
    } e remove todos os outros itens do chaveiro criados pelo Plugboard: credenciais do app salvas e logins pendentes.
cli-disconnect-all-revoke-note = Os provedores que permitem recebem um pedido para revogar os tokens; nos outros, remova o acesso do Plugboard nas configurações deles.
cli-disconnect-all-no-terminal = Nada foi alterado: não há um terminal para perguntar. Rode de novo com --yes para continuar.
# The word to type to go ahead (“yes” works in every language too).
cli-disconnect-all-yes = sim
# $yes is the word above.
cli-disconnect-all-ask = Digite { $yes } para continuar:
cli-disconnect-all-not-confirmed = Nada foi alterado: você não digitou { $yes }.
cli-disconnect-all-removed = { $count ->
        [one] { $count } outro item do chaveiro criado pelo Plugboard foi removido.
       *[other] { $count } outros itens do chaveiro criados pelo Plugboard foram removidos.
    }
cli-disconnect-all-cannot-list = Este chaveiro não consegue listar os seus itens, então só os das conexões foram removidos: procure “dev.plugboard.desktop” no app de chaveiro para ver se sobrou algum.

## plugboard doctor. $id is a connection id (hubspot-1).
cli-doctor-keychain = Chaveiro: { $state ->
        [ready] pronto
        [locked] bloqueado
       *[unavailable] indisponível
    }
cli-doctor-data-folder = Pasta de dados: { $path }
cli-doctor-set-aside-none = Arquivos deixados de lado: nenhum
# A list of files follows, one a line.
cli-doctor-set-aside = Arquivos deixados de lado (não puderam ser lidos; guardados para o suporte):
# $problem is a whole sentence saying why.
cli-doctor-not-checked = Órfãos: não verificados. { $problem }
cli-doctor-orphans-none = Órfãos: nenhum
cli-doctor-keychain-only = Item do chaveiro sem conexão: { $id }
cli-doctor-index-only = Conexão sem item no chaveiro: { $id } (o login dela se perdeu; conecte de novo)
cli-doctor-run-fix = Rode `plugboard doctor --fix` para reindexá-los ou removê-los.
cli-doctor-reindexed = { $id } reindexada como “Conexão recuperada” (aparece em plugboard status)
cli-doctor-removed = Item do chaveiro de { $id } removido
cli-doctor-forgotten = { $id } removida da lista, pois o item dela no chaveiro tinha sumido

## plugboard rename
cli-renamed = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } ({ $account }) agora se chama “{ $name }”. Use o nome sempre que uma conexão for pedida, por exemplo: { $command }
cli-rename-removed = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } ({ $account }) não tem mais nome.

## plugboard token
cli-token-reconnect = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não aceita mais este login ({ $account }). Conecte de novo: { $command }
cli-token-item-gone = O login salvo { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } ({ $account }) sumiu do seu chaveiro (foi apagado, ou o chaveiro foi redefinido). Conecte de novo: { $command }
# $problem is a whole sentence; $seconds a number.
cli-token-warning = Aviso: { $problem } Este token expira em { $seconds } s.
cli-token-no-curl = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem um endpoint de identidade ou de verificação para montar uma linha de curl; use --header.

## plugboard try. $status is an HTTP status code (401), $reason its words as the server sent them.
cli-try-answer = HTTP { $status } { $reason } em { $millis } ms
cli-try-refused = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } recusou esta conexão (HTTP { $status }). Se continuar recusando, renove-a ({ $command }) ou conecte de novo.
# $body: the form as sent, every secret masked.
cli-try-sent = Enviado: { $body }
cli-try-introspection = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem chamada de identidade: isto perguntou à introspecção de tokens { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } se o token de acesso está ativo.
cli-try-active = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } diz que o token de acesso está ativo.
cli-try-inactive = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } diz que o token de acesso não está ativo (expirado, revogado ou desconhecido).
cli-try-refused-inactive = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não aceita mais o token de acesso desta conexão. Renove-a ({ $command }); se não der certo, conecte de novo.

## plugboard audit
cli-column-when = QUANDO
cli-column-connection = CONEXÃO
cli-column-door = PORTA
cli-column-program = PROGRAMA
cli-column-result = RESULTADO
cli-audit-none = Nenhum token foi entregue ainda.
cli-audit-none-of = Nenhum token desta conexão foi entregue ainda.
# $form: access, header, curl, json ou refresh (dado, não traduzir).
cli-audit-allowed = entregue ({ $form })
# $reason: um código (denied, no_answer, throttled), não traduzir.
cli-audit-denied = recusado ({ $reason })

## plugboard exec
cli-exec-too-many-env = Mais nomes --env do que conexões: dê um --env por conexão, na mesma ordem.
cli-exec-bad-env = “{ $name }” não pode ser o nome de uma variável de ambiente: use letras, dígitos e _ (sem dígito no começo), por exemplo HUBSPOT_TOKEN.
cli-exec-same-env = Duas conexões receberiam a mesma variável { $name }: dê um nome a cada uma com --env, na ordem das conexões.
cli-exec-not-found = Comando não encontrado: { $command }. Confira o nome, ou dê o caminho completo.
cli-exec-not-run = Não foi possível executar { $command }: { $error }
cli-exec-no-runtime-dir = --live precisa de XDG_RUNTIME_DIR (a pasta privada da sua sessão, em memória), e ela não está definida. Rode sem --live, ou a partir da sua sessão do desktop.
cli-exec-no-file = Não foi possível gravar o arquivo do token { $file }: { $error }
cli-exec-lost = O comando foi perdido de vista: { $error }

## plugboard grants
cli-column-since = DESDE
cli-column-last-used = ÚLTIMO USO
cli-grants-none = Nenhum programa pode pegar um token sem perguntar.
cli-grants-no-such-program = Nenhum programa chamado “{ $program }” pode pegar um token sem perguntar (veja `plugboard grants list`).
cli-grants-not-saved = Não foi possível salvar a mudança: { $error }
cli-grants-revoked = { $program } será perguntado de novo ({ $count ->
        [one] uma permissão removida
       *[other] { $count } permissões removidas
    }).

## --help: each command's description and each argument's. Ids follow the commands:
## help-token is `plugboard token`'s, help-token-json its --json's; help-root is plugboard's own.
## clap adds its own headings (Usage, Commands, Options) and help lines around these.
help-root = Conecte contas empresariais e use os tokens delas a partir de um shell.
help-root-after =
    Rode `plugboard` sem argumentos para abrir a janela.

    <connection> é o ID de uma conexão (veja `plugboard status`), o nome de uma conexão (veja `plugboard
    rename`) ou o ID de um provedor quando esse provedor tem exatamente uma conexão ou uma conexão
    padrão (veja `plugboard default`).

    Códigos de saída: 0 sucesso, 1 outra falha, 2 uso ou entrada inválida, 3 é preciso reconectar, 4 chaveiro
    bloqueado ou indisponível, 5 provedor ou rede com falha temporária, 6 não encontrado.
help-providers = Lista os provedores que o Plugboard conhece: métodos, URI de redirecionamento a cadastrar, credenciais do app
help-providers-json = Imprime o documento JSON estável em vez de uma tabela
help-status = Lista todas as conexões: conta, status, validade, escopos e o estado do chaveiro
help-status-json = Imprime o documento JSON estável em vez de uma tabela
help-connect = Conecta uma conta. Logins pelo navegador voltam para um receptor local (loopback) em 127.0.0.1; chaves e segredos do cliente são lidos da entrada padrão (ou digitados sem aparecer na tela)
help-connect-provider = O ID de um provedor de `plugboard providers`
help-connect-method = Como conectar; o padrão do provedor quando omitido
help-connect-no-browser = Imprime o endereço de login em vez de abrir um navegador. Com o navegador em outra máquina, cole aqui o endereço em que ele parar (uma página de erro em 127.0.0.1 não tem problema)
help-connect-client-id = Credenciais de cliente: o ID do cliente (o segredo é lido da entrada padrão)
help-connect-environment = Credenciais de cliente: o ambiente (por exemplo production, sandbox)
help-connect-fields = Chaves de API: o valor de um campo, por exemplo `--field token=abc`. Os campos não informados são lidos da entrada padrão, um por linha (campos secretos: melhor ali do que no histórico do shell)
help-connect-scopes = Login pelo navegador: pede também um escopo opcional que o provedor oferece (veja `plugboard providers`); repita para vários. Pedir mais a uma conta conectada a reconecta
help-connect-json = Imprime a nova conexão como JSON
help-refresh = Renova agora o token de uma conexão
help-refresh-connection = A conexão: o ID dela (veja `plugboard status`), o nome dela ou o ID de um provedor quando esse provedor tem uma só conexão
help-refresh-json = Imprime a conexão renovada como JSON
help-disconnect = Desconecta: revoga no provedor quando ele permite e depois apaga os tokens deste computador. `--all` desconecta todas as conexões e remove todos os itens do chaveiro criados pelo Plugboard (antes de desinstalar), depois de perguntar
help-disconnect-connection = A conexão a desconectar: o ID dela (veja `plugboard status`), o nome dela ou o ID de um provedor quando esse provedor tem uma só conexão
help-disconnect-all = Todas as conexões e todos os outros itens do chaveiro criados pelo Plugboard (credenciais do app salvas, logins pendentes)
help-disconnect-yes = Com --all: não pergunta antes (scripts, ou sem terminal para perguntar)
help-disconnect-json = Imprime o documento JSON estável em vez de texto
help-credentials = Credenciais do app para login pelo navegador: de onde vêm as de cada provedor; salve ou remova as suas (como nas Configurações da janela)
help-credentials-list = As credenciais do app de cada provedor: de onde vêm e o ID do cliente (nunca o segredo)
help-credentials-list-json = Imprime o documento JSON estável em vez de uma tabela
help-credentials-set = Salva credenciais do app para um provedor: o ID do cliente como opção, o segredo pela entrada padrão ou digitado sem aparecer na tela (nenhum para um cliente público). O segredo vai para o chaveiro
help-credentials-set-provider = O ID de um provedor de `plugboard providers`
help-credentials-set-client-id = O ID do cliente do app que você cadastrou no provedor
help-credentials-forget = Remove as credenciais do app salvas para um provedor (na janela ou com `credentials set`)
help-credentials-forget-provider = O ID de um provedor de `plugboard providers`
help-doctor = Verifica o chaveiro, os arquivos deixados de lado e os órfãos (itens do chaveiro sem conexão, conexões sem item no chaveiro); `--fix` os reindexa ou remove
help-doctor-fix = Reindexa os itens do chaveiro que o Plugboard consegue ler, remove os outros e tira da lista as conexões cujo item no chaveiro sumiu
help-doctor-json = Imprime o documento JSON estável em vez de texto
help-try = Faz uma chamada inofensiva com uma conexão (no endpoint de identidade ou de verificação, ou na introspecção de tokens do provedor quando ele não tem chamada de identidade) e mostra o status HTTP, o tempo que levou e o começo da resposta, com os segredos mascarados. Sai com 0 quando o provedor aceitou e 1 quando recusou
help-try-connection = A conexão: o ID dela (veja `plugboard status`), o nome dela ou o ID de um provedor quando esse provedor tem uma só conexão
help-try-json = Imprime o relatório como JSON
help-rename = Dá um nome a uma conexão (“Cliente A — loja”): aparece na janela, na bandeja, nas notificações e em `status`, e pode ser usado como <connection> em todos os comandos. Um nome vazio remove o nome
help-rename-connection = A conexão: o ID dela (veja `plugboard status`), o nome atual dela ou o ID de um provedor quando esse provedor tem uma só conexão
help-rename-name = O novo nome (até 60 caracteres, único); "" remove o nome
help-rename-json = Imprime a conexão renomeada como JSON
help-token = Imprime o token de acesso (renovado antes se não durar 60 s, ou --min-valid; nunca com antecedência maior que metade da validade dele), para `curl` e scripts
help-token-connection = A conexão: o ID dela (veja `plugboard status`), o nome dela ou o ID de um provedor quando esse provedor tem uma só conexão
help-token-header = Imprime a linha de cabeçalho `Authorization: …` em vez disso
help-token-curl = Imprime um comando curl que chama o endpoint de identidade ou de verificação do provedor
help-token-json = Imprime o token com a validade e os escopos como JSON (para scripts)
help-token-min-valid = Renova antes quando o token não durar esse número de segundos (60 se não for informado). No máximo metade da validade do token: um token de 50 segundos só é renovado quando restarem menos de 25 s

## clap's own words in --help (src-tauri/cli/src/help.rs)
help-heading-usage = Uso:
help-heading-commands = Comandos
help-heading-arguments = Argumentos
help-heading-options = Opções
help-flag-help = Mostra a ajuda
help-flag-help-more = Mostra a ajuda (veja mais com '--help')
help-flag-help-summary = Mostra a ajuda (veja um resumo com '-h')
help-flag-version = Mostra a versão
help-command-help = Mostra esta mensagem ou a ajuda do(s) subcomando(s) indicado(s)
help-command-subcommand = Mostra a ajuda do(s) subcomando(s)
help-possible-values = [valores possíveis: { $values }]

## plugboard connect --replace
help-connect-replace = Login pelo navegador: entra de novo por esta conexão (o ID ou o nome dela) e a substitui no mesmo lugar, como o Reconectar da janela; pede de novo os escopos opcionais que ela tinha
cli-replace-other-provider = “{ $connection }” não é uma conexão { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }: --replace recebe uma conexão do provedor ao qual você está se conectando.
cli-replace-needs-browser = --replace é para logins pelo navegador; aqui { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } se conecta com { $method }. Conecte de novo sem ele: a mesma conta é substituída no mesmo lugar.
cli-finishing-refresh = Terminando a renovação — pressione Ctrl-C de novo para abandoná-la (talvez você precise conectar de novo depois).
cli-finishing-sign-in = Terminando de salvar a nova conexão — pressione Ctrl-C de novo para abandoná-la (talvez você precise conectar de novo depois).
cli-finishing-disconnect = Terminando a desconexão — pressione Ctrl-C de novo para abandoná-la (depois rode plugboard doctor --fix).

## plugboard default. $connection is a connection as cli-connection-named says it.
cli-default-made = { $connection } agora é a conexão padrão { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }: { $command } passa a usá-la.
cli-default-made-only = { $connection } é a única conexão { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    }, então { $command } já a usa; ela continua sendo a padrão quando você adicionar outra.
cli-default-is = { $provider }: { $connection } (padrão)
cli-default-only-one = { $provider }: { $connection } (a única conexão)
cli-default-none = { $provider }: nenhuma padrão entre as { $count } conexões. Defina uma como padrão com: { $command }
cli-default-cleared = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem mais conexão padrão (era { $connection }).
cli-default-none-to-clear = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tinha conexão padrão.
help-default = A conexão padrão de cada provedor: a que o ID dele sozinho escolhe quando ele tem várias (`plugboard token whatconverts`). Indique uma conexão para torná-la a padrão, o ID de um provedor (ou nada) para ver as conexões padrão, ou --clear para remover uma
help-default-connection = Uma conexão para tornar a padrão do provedor dela (o ID ou o nome), ou o ID de um provedor para ver a padrão dele; sem nada, mostra as de todos os provedores
help-default-clear = Remove a conexão padrão deste provedor (o ID de um provedor)
help-default-json = Imprime o documento JSON estável em vez de texto
help-exec = Executa um comando com os tokens de acesso das conexões no ambiente dele (HUBSPOT_ACCESS_TOKEN…), renovados antes; --live os mantém renovados num arquivo enquanto ele roda, --mask os esconde na saída dele. O código de saída é o do comando
help-exec-connections = As conexões cujos tokens o comando recebe (cada uma como em todo comando)
help-exec-env = A variável com o token de uma conexão, uma vez por conexão, na ordem delas (padrão <PROVEDOR>_ACCESS_TOKEN, por exemplo HUBSPOT_ACCESS_TOKEN)
help-exec-live = Também mantém cada token renovado num arquivo (0600, em $XDG_RUNTIME_DIR) indicado em <NOME>_FILE (e em PLUGBOARD_TOKEN_FILE para uma conexão) enquanto o comando roda
help-exec-mask = Escreve cada token entregue como •••• na saída e nos erros do comando
help-exec-command = O comando a executar e seus argumentos, depois de `--`
help-audit = O registro dos tokens entregues: quando, de qual conexão, por qual porta (Copiar, Mostrar, `token`, `exec`…), para qual programa, permitido ou recusado. Nunca um token
help-audit-connection = A conexão cujo registro mostrar (como em todo comando, ou o id de uma já desconectada); o de todas as conexões quando não dada
help-audit-json = Imprime o documento JSON estável em vez de uma tabela
help-grants = Os programas que podem pegar o token de uma conexão pelo serviço de tokens D-Bus sem perguntar (Sempre permitir): liste-os, ou retire uma permissão
help-grants-list = Todos os programas que podem pegar o token de uma conexão sem perguntar
help-grants-list-json = Imprime o documento JSON estável em vez de uma tabela
help-grants-revoke = Retira a permissão de um programa: ele será perguntado de novo na próxima vez
help-grants-revoke-program = O programa: seu caminho, o caminho do seu script, ou seu nome (como `grants list` mostra)
help-grants-revoke-connection = Só para esta conexão (todas as conexões quando não dada)

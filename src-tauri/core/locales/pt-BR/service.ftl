# As palavras do núcleo (src-tauri/core): estado, contagens regressivas, erros e resultados,
# mostrados pela janela e pela linha de comando. Mesmos ids do inglês (um teste confere).
# Os rótulos de estado (health-connected, …) ficam em plugboard.ftl, junto com os da bandeja.

## O estado de uma conexão ou de um cartão
view-not-connected = Não conectado

## A contagem regressiva do acesso de uma conexão
countdown-never = Não expira
countdown-unknown = Validade desconhecida
countdown-expired = Expirada
countdown-in = Expira em { $left }
duration-days = { $days } d { $hours } h
duration-hours = { $hours } h { $minutes } min
duration-minutes = { $minutes }:{ $seconds }
duration-whole-minutes = { $minutes } min
countdown-refresh-lead = O Plugboard renova cada token sozinho, antes que ele expire: com uma antecedência de um décimo da duração do token, e de pelo menos um minuto (os tokens de 30 minutos do HubSpot são renovados 3 minutos antes de expirar). Chaves e tokens que não expiram são verificados no lugar disso. Ele faz isso enquanto o Plugboard está aberto, na janela ou na bandeja.

## Erros: o que deu errado e o que fazer
error-some-provider = provedor
error-start-again = { $message } Comece de novo em Conectar.
error-unknown-provider = O Plugboard não conhece um provedor chamado “{ $provider }”.
error-unknown-connection = Essa conexão não existe mais.
error-no-such-method = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não pode se conectar dessa forma.
error-missing-credentials = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } precisa de credenciais do app (um ID do cliente e um segredo do cliente) antes que você possa conectar. Clique em Conectar para configurá-las, ou abra as Configurações.
error-empty-field = Preencha “{ $field }”.
error-unknown-scope = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não oferece o escopo “{ $scope }” no Plugboard. Escolha entre os que aparecem ao conectar.
error-nothing-to-try = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem um endpoint de identidade ou de verificação no catálogo do Plugboard, então não há uma chamada inofensiva para testar. Em vez disso, use Copiar como cabeçalho com a sua própria requisição.
error-name-too-long = O nome de uma conexão pode ter no máximo { $max } caracteres. Escolha um mais curto.
error-name-control-characters = O nome de uma conexão não pode ter quebras de linha, tabulações nem outros caracteres de controle invisíveis (como marcas de direção do texto). Digite-o em uma linha só.
error-name-like-an-id = Esse nome pode ser confundido com um provedor ou com o ID de uma conexão na linha de comando. Acrescente uma letra maiúscula, um espaço ou outra palavra (por exemplo “Cliente A”).
error-name-taken = Outra conexão já se chama “{ $name }”. Escolha um nome diferente, para que cada uma possa ser escolhida pelo nome.
error-credentials-from-environment = As credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } vêm de variáveis de ambiente, que o Plugboard sempre usa primeiro. Altere ou remova essas variáveis.
error-credentials-from-user-file = As credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } vêm do seu { $file }, que o Plugboard usa antes das salvas. Edite esse arquivo para alterá-las.
error-credentials-managed = As credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } são gerenciadas pela sua organização e não podem ser alteradas aqui. Fale com quem administra o Plugboard neste computador.
error-basic-token-mismatch = O token Basic não corresponde a este ID do cliente e segredo do cliente. Copie os três da mesma credencial, ou deixe o token Basic vazio.
error-unknown-state = Esta resposta de login não corresponde a nenhum login iniciado pelo Plugboard (ou já foi usada), por isso foi ignorada.
error-sign-in-expired = O login { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    } demorou demais e expirou.
error-declined = Você recusou o pedido { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    }, então nada foi conectado.
error-authorize-refused = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } recusou o login ({ $code }). Confira as configurações do app { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    } e tente de novo.
error-malformed-link = O Plugboard recebeu um link que não é uma resposta de login.
error-not-an-address = Esse não é o endereço em que o navegador parou: cole o endereço inteiro, começando com http:// ou https:// (ou { $scheme }:).
error-sign-in-timed-out = O login { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    } excedeu o tempo limite.
error-loopback = O Plugboard não consegue receber o login { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }: { $detail }. Feche o outro programa e tente de novo.
error-loopback-port-in-use = a porta { $port } está sendo usada por outro programa
error-loopback-bind = não foi possível escutar na porta { $port }: { $reason }
error-loopback-timed-out = o navegador não respondeu a tempo
error-secret-missing = O login salvo desta conexão { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } sumiu do seu chaveiro (foi apagado, ou o chaveiro foi redefinido). Conecte de novo para usá-la.
error-unsaved-tokens = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } deu novos tokens ao Plugboard, mas o seu chaveiro não quis salvá-los ({ $detail }). O Plugboard os guarda em um arquivo privado que some quando você sai da sessão e os salva no chaveiro na próxima vez que qualquer parte do Plugboard rodar: desbloqueie ou reinicie o seu chaveiro e depois abra o Plugboard ou rode qualquer comando plugboard antes de sair da sessão.
error-unsaved-tokens-in-memory = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } deu novos tokens ao Plugboard, mas o seu chaveiro não quis salvá-los ({ $detail }), e não há uma pasta privada de execução para guardá-los. O Plugboard os mantém só enquanto estiver aberto: desbloqueie ou reinicie o seu chaveiro e deixe o Plugboard aberto até lá; se ele fechar antes, conecte { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } de novo.
error-keychain-detail-locked = o chaveiro está bloqueado
error-keychain-detail-unavailable = nenhum chaveiro está disponível ({ $detail })
error-keychain-detail-rejected = o chaveiro recusou o item ({ $detail })
error-keychain-detail-corrupt = um item do chaveiro tem dados que o Plugboard não consegue ler
error-keychain-detail-timed-out = o chaveiro não respondeu em { $seconds } segundos
error-index-write = O Plugboard não conseguiu salvar a lista de conexões: { $detail }. Confira se há espaço no disco e se a pasta permite gravação, e tente de novo.
error-unchanged = O Plugboard não conseguiu salvar a lista de conexões ({ $detail }), então não mudou nada: a sua conexão { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    } continua como estava. Libere espaço no disco (ou permita gravar na pasta) e tente de novo.
error-held-unreadable = O Plugboard guardou os tokens mais recentes { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } em { $file } porque o seu chaveiro não os aceitou, mas agora não consegue ler esse arquivo ({ $detail }). Ele não usou os tokens anteriores do seu chaveiro, que { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } talvez já tenha substituído. Se o arquivo foi danificado ou apagado por engano, conecte { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } de novo.
error-token-host-changed = O endereço de tokens { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } agora aponta para { $now }, mas esta conexão foi feita com { $was }, então o Plugboard não enviou os tokens dela para lá. Se você mudou o endereço de propósito (em um arquivo de provedores), conecte { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } de novo para entrar por ele; se não, desfaça a mudança no seu arquivo de provedores.
error-index-read = O Plugboard não conseguiu ler a lista de conexões: { $detail }. Nada foi alterado. Mova o arquivo para outro lugar para começar uma lista nova (os logins continuam no seu chaveiro, e `{ $command }` os coloca de volta na lista), ou envie o arquivo ao suporte.
error-index-detail-read = não foi possível ler { $path }: { $reason }
error-index-detail-unreadable = { $path } não é uma lista de conexões que o Plugboard consiga ler ({ $reason })
error-index-detail-write = não foi possível salvar { $path }: { $reason }
error-refresh-busy = Outra janela ou comando do Plugboard ainda está renovando esta conexão { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }. Tente de novo daqui a um minuto.
error-refresh-lock = O Plugboard não conseguiu coordenar a renovação com outros processos do Plugboard: não foi possível usar o bloqueio de renovação { $path } ({ $reason }).
error-unreachable = O Plugboard não conseguiu acessar { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    }. Confira a sua conexão com a internet e tente de novo.
error-timed-out = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } demorou demais para responder, então o Plugboard parou de esperar. A sua conexão não mudou; tente de novo daqui a alguns minutos.
error-answer-too-large = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } enviou uma resposta grande demais para ser um login (mais de 1 MiB), então o Plugboard a ignorou. A sua conexão não mudou; tente de novo mais tarde.
error-busy = O serviço { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } está sobrecarregado no momento (HTTP { $status }) e pediu ao Plugboard que espere { $wait }. A sua conexão foi mantida; o Plugboard tenta de novo depois disso.
error-wait-moment = um instante
error-wait-seconds = { $count ->
    [one] { $count } segundo
   *[other] { $count } segundos
}
error-wait-minutes = { $count ->
    [one] cerca de { $count } minuto
   *[other] cerca de { $count } minutos
}
error-wait-hours = { $count ->
    [one] cerca de { $count } hora
   *[other] cerca de { $count } horas
}
error-provider-trouble = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } está com problemas agora. Tente de novo daqui a alguns minutos.
error-unreadable-answer = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } enviou uma resposta que o Plugboard não conseguiu ler ({ $reason }), então nada foi salvo dela. Tente de novo mais tarde; se continuar acontecendo, copie o diagnóstico para o suporte.
error-invalid-client = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não aceitou essas credenciais. Confira-as e tente de novo.
error-invalid-grant = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não aceita mais este login. Conecte de novo.
error-request-refused = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } recusou o pedido ({ $code }).
error-missing-client-secret = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } precisa de um segredo do cliente antes que você possa conectar.
error-issuer-mismatch = Esta resposta de login veio de um servidor diferente do esperado, por isso foi recusada.
error-http = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } respondeu com um erro (HTTP { $status }).
error-missing-value = A resposta { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } não tinha `{ $value }`.
error-keychain-locked = O seu chaveiro está bloqueado. Desbloqueie-o (entre de novo na sessão ou abra o app de chaveiro) e tente de novo.
error-keychain-unavailable = O Plugboard não consegue acessar o chaveiro do sistema, então não consegue guardar nem ler conexões. Verifique se um serviço de chaveiro (como o GNOME Keyring ou o KWallet) está rodando.
error-keychain-rejected = O seu chaveiro recusou o item do Plugboard. Copie o diagnóstico e fale com o suporte.
error-catalogue-invalid = A lista de provedores tem um problema: { $problem }

## Credenciais do app
credentials-field-client-id = ID do cliente
credentials-field-client-secret = Segredo do cliente
credentials-origin-demo = modo de demonstração
credentials-origin-environment = variáveis de ambiente
credentials-origin-managed = gerenciadas pela sua organização
credentials-origin-user-file = o seu { $file }
credentials-origin-saved = salvas no seu chaveiro
credentials-origin-system-file = os padrões da sua organização
credentials-origin-embedded = incluídas neste Plugboard
credentials-origin-not-set = não definidas
credentials-file = as credenciais do app salvas ({ $file })
credentials-file-not-ids = não é uma lista de IDs do cliente

## Como uma nova conexão se chama até o provedor dizer o nome da conta
connect-account-api-key = { $field } { $hint }
connect-account-client-in-environment = { $environment } · cliente { $hint }
connect-account-client = Cliente { $hint }
sign-in-account-fallback = Login { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } · app { $hint }

## Órfãos: itens do chaveiro e conexões que se perderam uns dos outros
orphans-keychain-only = { $count ->
    [one] { $count } item do chaveiro não pertence a nenhuma conexão
   *[other] { $count } itens do chaveiro não pertencem a nenhuma conexão
}. Rode `{ $doctor }` para vê-los, e `{ $fix }` para arrumar.
orphans-index-only = { $count ->
    [one] { $count } conexão perdeu o seu item do chaveiro
   *[other] { $count } conexões perderam os seus itens do chaveiro
}. Rode `{ $doctor }` para vê-los, e `{ $fix }` para arrumar.
orphans-both = { $keychain ->
    [one] { $keychain } item do chaveiro não pertence a nenhuma conexão
   *[other] { $keychain } itens do chaveiro não pertencem a nenhuma conexão
}; { $index ->
    [one] { $index } conexão perdeu o seu item do chaveiro
   *[other] { $index } conexões perderam os seus itens do chaveiro
}. Rode `{ $doctor }` para vê-los, e `{ $fix }` para arrumar.
orphans-recovered-account = Conexão recuperada

## Configurações (settings.toml)
preferences-clipboard-range = O tempo da área de transferência precisa ficar entre { $min } e { $max } segundos.
preferences-unknown-language = O Plugboard não fala “{ $language }”; escolha um dos idiomas dele.
preferences-file = as suas configurações ({ $file })
preferences-not-a-settings-file = não é um arquivo de configurações: { $reason }
preferences-back-to-defaults = As suas configurações do Plugboard voltaram ao padrão (notificações ligadas, continuar rodando na bandeja, 30 segundos na área de transferência). Escolha as suas de novo nas Configurações.
preferences-cannot-write = O Plugboard não conseguiu escrever as configurações: { $reason }
preferences-cannot-save = O Plugboard não conseguiu salvar as suas configurações em { $path } ({ $reason }). Nada foi alterado; confira se a pasta permite gravação e tente de novo.

## Os arquivos do próprio Plugboard
files-set-aside = O Plugboard não conseguiu ler { $what } ({ $why }), então começou um novo. O arquivo antigo foi guardado como { $path } para o suporte; as suas conexões não foram afetadas.
files-not-text = não é texto UTF-8
files-link-refused = { $path } é um link simbólico, e o Plugboard não segue links entre os próprios arquivos. Remova o link (o Plugboard cria de novo o que precisa ali); para guardar os arquivos do Plugboard em outro lugar, crie um link para a pasta inteira.
timeline-file = o histórico das conexões ({ $file })
timeline-too-large = é muito maior do que um histórico pode ser
audit-file = o registro dos tokens entregues ({ $file })
audit-door-copy = Copiar na janela
audit-door-reveal = Mostrar na janela
audit-door-token = plugboard token
audit-door-exec = plugboard exec
audit-door-proxy = plugboard proxy
audit-door-dbus = o serviço de tokens D-Bus
program-unknown = um programa desconhecido (já tinha terminado)
programs-no-such-connection = Nenhuma conexão se chama “{ $name }”. Peça uma pelo id ou pelo nome (veja `plugboard status`).
programs-no-connection-yet = { $provider } ainda não tem conexão. Conecte-o no Plugboard primeiro.
programs-several = { $provider } tem várias conexões: { $candidates }. Peça uma pelo id ou pelo nome.
programs-denied = Você não permitiu que { $program } usasse { $provider } ({ $account }).
programs-no-answer = Ninguém respondeu em dois minutos se { $program } pode usar { $provider } ({ $account }). Peça de novo quando alguém estiver no computador.
notified-file = a lista de notificações já mostradas ({ $file })
notified-not-a-list = não é uma lista de notificações: { $reason }

## Ao abrir o Plugboard: pastas e arquivos de provedores
setup-no-home = O Plugboard não encontrou as pastas de dados e de configuração da sua pasta pessoal. Defina { $home } (ou { $data } e { $config }) e tente de novo.
setup-embedded-unreadable = Não foi possível ler as credenciais do app incluídas neste Plugboard ({ $problem }). Quem o compilou deve conferir o arquivo indicado em { $variable }.
setup-embedded-defines-providers = ele define provedores; ali só cabem tabelas { $tables }
setup-embedded-origin = credenciais incluídas no Plugboard
setup-demo-origin = provedores de demonstração
setup-system-file-not-loaded = O arquivo de provedores da sua organização não foi carregado: { $problem }. Peça a quem administra o Plugboard neste computador que o corrija.
setup-user-entry-managed = A entrada { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } no seu arquivo de provedores não foi usada: a sua organização gerencia esse provedor neste computador.
setup-user-file-not-loaded = O seu arquivo de provedores não foi carregado: { $problem }
setup-no-such-file = { $path }: arquivo não encontrado (indicado por { $variable })
# A provider file refused because other users could have written it (as ssh refuses a configuration
# file). $path is the file, $folder a folder above it, $mode its octal mode, $owner a user id.
trust-file-writable = { $path } pode ser alterado por outros usuários deste computador (modo { $mode }). Deixe-o gravável só pelo dono: chmod go-w { $path }
trust-file-owner = { $path } pertence a outro usuário deste computador (ID de usuário { $owner }). Use um arquivo seu.
trust-folder-writable = { $path } está em { $folder }, que outros usuários deste computador podem alterar (modo { $mode }). Deixe essa pasta gravável só pelo dono: chmod go-w { $folder }
trust-folder-owner = { $path } está em { $folder }, que pertence a outro usuário deste computador (ID de usuário { $owner }). Guarde o arquivo numa pasta sua.

## The browser page a loopback sign-in ends on (core loopback.rs)
loopback-done-title = Você já pode fechar esta aba
loopback-done-body = Volte ao Plugboard para ver sua conexão.
loopback-stray-title = Este não é o login que o Plugboard está esperando
loopback-stray-body = O Plugboard ignorou este endereço. Termine o login na aba do navegador que ele abriu.

## A provider file's method without a label of its own (core catalogue/validate.rs)
method-label-authorization-code = Entrar { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    }
method-label-client-credentials = Credenciais de cliente { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }
method-label-api-key = Chave de API { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }

## A provider file's value over its limit (core catalogue/validate/limits.rs)
provider-file-too-long = { $file }: provedor “{ $provider }”, campo `{ $field }`: mais de { $max } caracteres. Encurte-o.
provider-file-too-many = { $file }: provedor “{ $provider }”, campo `{ $field }`: mais de { $max } itens. Deixe só os necessários.
provider-file-too-large = { $file } tem { $size } bytes, mais do que um arquivo de provedores pode ter ({ $max } bytes), e o Plugboard não o leu. É o arquivo certo?

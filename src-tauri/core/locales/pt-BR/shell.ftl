# The desktop app's own words (src-tauri/src): its commands' replies, sign-in links, the clipboard.
# Keep ids in step with the other languages (a test checks).

## Opening the browser (commands/app.rs, commands/connect.rs)
shell-no-developer-page = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem uma página de desenvolvedor cadastrada.
shell-browser-failed-page = O Plugboard não conseguiu abrir seu navegador. A página é { $url }
shell-browser-failed = O Plugboard não conseguiu abrir seu navegador. Defina um navegador padrão e tente de novo.

## Copying (commands/app.rs, commands/developer.rs, commands/settings.rs, clipboard.rs)
shell-diagnostics-copied = O diagnóstico está na área de transferência. Ele não contém tokens nem chaves.
shell-clipboard-failed = O Plugboard não conseguiu usar a área de transferência. Tente de novo ou clique em Mostrar e copie você mesmo.
shell-copied-access = O token de acesso está na área de transferência. O Plugboard vai apagá-lo em { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
shell-copied-header = O cabeçalho Authorization está na área de transferência. O Plugboard vai apagá-lo em { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
shell-copied-curl = Um comando curl está na área de transferência. O Plugboard vai apagá-lo em { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
shell-copied-refresh = O token de renovação está na área de transferência. O Plugboard vai apagá-lo em { $seconds ->
        [one] { $seconds } segundo
       *[other] { $seconds } segundos
    }.
shell-copy-unknown-form = O Plugboard não consegue copiar isso.
shell-copy-nothing = Esta conexão { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    } não tem nada para copiar nesse formato.
shell-tokens-main-window-only = Só a janela principal do Plugboard pode mostrar ou copiar tokens.
shell-confirm-copy-refresh = O token de renovação dá acesso duradouro a esta conta { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    }. Quem tiver esse token pode obter novos tokens. Copiar mesmo assim?
shell-copy-refresh-unconfirmed = Para copiar um token de renovação, você precisa confirmar antes: escolha “Copiar token de renovação…” e confirme.
shell-no-redirect-uri = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } não tem login pelo navegador, então não há URI de redirecionamento para cadastrar.
shell-redirect-uri-copied = A URI de redirecionamento { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } está na área de transferência: cole onde o provedor pede as URLs de redirecionamento.

## Disconnecting (commands/connections.rs)
shell-disconnected-revoked = { $provider_gender ->
        [feminine] Desconectado da { $provider }
        [masculine] Desconectado do { $provider }
       *[other] Desconectado de { $provider }
    }. { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } revogou o acesso.
shell-disconnected-note = { $provider_gender ->
        [feminine] Desconectado da { $provider }
        [masculine] Desconectado do { $provider }
       *[other] Desconectado de { $provider }
    }. { $note }
shell-disconnected = { $provider_gender ->
        [feminine] Desconectado da { $provider }
        [masculine] Desconectado do { $provider }
       *[other] Desconectado de { $provider }
    }.
shell-disconnected-revoke-failed = A conexão { $provider_gender ->
        [feminine] com a { $provider }
        [masculine] com o { $provider }
       *[other] com { $provider }
    } foi removida deste computador, mas { $provider_gender ->
        [feminine] a { $provider }
        [masculine] o { $provider }
       *[other] { $provider }
    } não confirmou a revogação ({ $reason }). Para ter certeza, remova o acesso do Plugboard na sua conta { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } (apps conectados).
shell-already-removed = Essa conexão já tinha sido removida.

## Settings (commands/settings.rs)
shell-start-at-login-add-failed = O Plugboard não conseguiu se adicionar aos programas que abrem quando você entra na sessão ({ $error }). Verifique se é possível gravar na sua pasta de configurações e tente de novo.
shell-start-at-login-remove-failed = O Plugboard não conseguiu se remover dos programas que abrem quando você entra na sessão ({ $error }). Verifique se é possível gravar na sua pasta de configurações e tente de novo.

## Sign-in links (links.rs)
shell-link-unused = O Plugboard foi aberto com um link que ele não usa ({ $path }).
shell-the-provider = provedor
shell-reconnected = { $provider_gender ->
        [feminine] Reconectado à { $provider }
        [masculine] Reconectado ao { $provider }
       *[other] Reconectado a { $provider }
    } ({ $account }).
shell-connected = { $provider_gender ->
        [feminine] Conectado à { $provider }
        [masculine] Conectado ao { $provider }
       *[other] Conectado a { $provider }
    } como { $account }.
shell-signed-in-again = Você entrou { $provider_gender ->
        [feminine] na { $provider }
        [masculine] no { $provider }
       *[other] em { $provider }
    } como { $account }, conta que já estava conectada: o login foi renovado e nenhuma segunda conexão foi adicionada. Para adicionar outra conta, saia { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } no navegador antes.
shell-sign-in-unexpected = O Plugboard recebeu uma resposta de login, mas nenhum login estava em andamento (ou ela já tinha sido usada), então ela foi ignorada. Se você estava conectando uma conta, comece de novo em Conectar.

## The clock (scheduler.rs)
shell-clock-behind = O relógio deste computador está { $seconds } s atrasado em relação ao de { $host }. Os horários de expiração podem ficar errados: ative o horário automático nas configurações do sistema.
shell-clock-ahead = O relógio deste computador está { $seconds } s adiantado em relação ao de { $host }. Os horários de expiração podem ficar errados: ative o horário automático nas configurações do sistema.

## Demo mode (demo.rs)
shell-demo-failed = O modo de demonstração não conseguiu iniciar o simulador de provedores: { $error }.
shell-demo-missing = Esta versão do Plugboard não tem modo de demonstração (foi compilada sem o simulador). Remova PLUGBOARD_DEMO ou rode `make demo` a partir do código-fonte.

## Starting (lib.rs), on the terminal
shell-could-not-start = O Plugboard não conseguiu iniciar: { $error }

## Demo mode: what each card says of its app credentials (the window and the CLI)
shell-demo-help = Demonstração: as credenciais { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } do simulador já vêm preenchidas para você.

## Um programa pede um token (o serviço de tokens D-Bus).
shell-consent-title = { $program } quer usar { $connection }
shell-consent-explanation = Permitir uma vez entrega só este token. Permitir até o Plugboard fechar, ou Sempre permitir, deixa que ele pegue o token de { $provider } de novo sem perguntar (você pode remover isso nas Configurações). Negar não entrega nada.
shell-consent-unknown-choice = Essa não é uma das respostas que o Plugboard oferece.
shell-dbus-throttled = { $program } pediu tokens vezes demais; ele foi recusado por um segundo.
shell-dbus-caller-unknown = O Plugboard não conseguiu saber qual programa pediu ({ $why }), então não entregou nada.
shell-dbus-other-user = Só programas do seu próprio usuário podem pedir tokens ao Plugboard.
settings-grant-not-removed = Não foi possível remover a permissão: { $error }

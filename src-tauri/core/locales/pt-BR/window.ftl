# A moldura da página (ui/index.html, dom.js) e as Configurações (ui/views/settings.js).
# Formatadas pela página (ui/i18n.js). Mantenha os ids iguais aos do inglês (um teste confere).

## A moldura
page-skip = Pular para os provedores
page-tagline = Conecte suas contas empresariais. Os segredos ficam no chaveiro do seu sistema.
page-demo = Demonstração
page-settings = Configurações
page-close = Fechar
page-providers =
    .aria-label = Provedores
page-loading = Carregando provedores…
page-keychain-checking = Verificando seu chaveiro…
page-copy-diagnostics = Copiar diagnóstico
page-recent-messages = Mensagens recentes
page-recent-list =
    .aria-label = Mensagens recentes, as mais novas primeiro
error-inside = Algo deu errado dentro do Plugboard. Reinicie-o e copie o diagnóstico se acontecer de novo.
health-retrying-at = { $status } — nova tentativa às { $time }

## Configurações
settings-language = Idioma
settings-language-system = O mesmo do sistema ({ $language })
settings-language-hint = A janela, a bandeja, as notificações e a linha de comando falam este idioma.
settings-language-fixed = Definido como { $locale } por { $variable } no ambiente do Plugboard.
settings-general = Geral
settings-saved = Configurações salvas.
settings-notifications = Notificações
settings-notifications-hint = Avise-me quando uma conexão precisar de mim: reconexão necessária, chaveiro bloqueado, acesso prestes a acabar ou um problema que dure mais de 15 minutos. Nunca para renovações de rotina.
settings-start-at-login = Iniciar com o sistema
settings-start-at-login-hint = O Plugboard abre na bandeja quando você entra na sessão, então os tokens continuam válidos sem abrir a janela.
settings-keep-in-tray = Continuar rodando na bandeja
settings-keep-in-tray-hint = Fechar a janela mantém o Plugboard na bandeja, renovando tokens e avisando quando uma conexão precisar de você. Para sair, use o menu do ícone na bandeja.
settings-keep-in-tray-no-tray = Sua área de trabalho não mostra ícones na bandeja agora, então fechar a janela encerra o Plugboard, seja qual for esta opção.
# A label with the number box where $seconds is (the box, not a number, goes there).
settings-clipboard-clear = Limpar um token copiado depois de { $seconds } segundos
settings-clipboard-invalid = Digite um número inteiro de segundos entre { $min } e { $max }.
settings-clipboard-hint = Entre { $min } e { $max } segundos; o que você copiar depois não é apagado.
settings-clipboard-fixed = Definido como { $seconds } s por PLUGBOARD_CLIPBOARD_CLEAR_SECS no ambiente do Plugboard.
settings-refresh = Renovação automática
settings-credentials = Credenciais do app para login pelo navegador
settings-credentials-order = O Plugboard usa as primeiras que encontrar: variáveis de ambiente, as gerenciadas pela sua organização, o seu providers.toml, as salvas aqui, os padrões da sua organização e, por fim, as que já vêm neste Plugboard.
settings-client-id = ID do cliente
settings-client-secret = Segredo do cliente
settings-secret-not-needed = Não é necessário (app público)
settings-secret-hidden = •••••••• (oculto)
settings-secret-missing = Faltando: o login vai falhar até que um seja definido
settings-change = Alterar
settings-add = Adicionar
settings-forget = Remover
# A notice.
settings-forgot-client-id = O ID do cliente { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } que você tinha salvado foi removido.
# A notice.
settings-forgot-app-credentials = As credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } que você tinha salvado foram removidas. O segredo foi apagado do seu chaveiro.
# Where a provider's app credentials come from. "Connect": the button on the provider's card.
settings-origin-none = Ainda não há credenciais do app: adicione aqui ou clique em Conectar no cartão para uma configuração guiada.
settings-origin-managed = Gerenciadas pela sua organização. Peça a quem administra o Plugboard neste computador para alterá-las.
# $variable: an environment variable's name.
settings-origin-environment = Definidas por variáveis de ambiente ({ $variable }). Altere ou remova essas variáveis para mudá-las.
settings-origin-user-file = Do seu providers.toml. Edite esse arquivo para alterá-las.
settings-origin-saved = Salvas aqui; o segredo está no seu chaveiro.
settings-origin-system-file = Os padrões da sua organização. Você pode salvar as suas no lugar delas.
settings-origin-embedded = Já vêm neste Plugboard. Você pode salvar as suas no lugar delas.
settings-origin-demo = O simulador do modo de demonstração.
# $origin: where they come from, in words (already translated).
settings-origin-other = De { $origin }.

## Um programa pede o token de uma conexão.
consent-program = Programa
consent-connection = Conexão
consent-allow-once = Permitir uma vez
consent-allow-until-quit = Permitir até o Plugboard fechar
consent-allow-always = Sempre permitir
consent-deny = Negar

## Configurações › Programas com acesso.
settings-programs = Programas com acesso
settings-programs-intro = Programas que você permitiu pegar o token de uma conexão sem perguntar. Remova um e ele será perguntado de novo na próxima vez.
settings-programs-none = Nenhum programa pode pegar um token sem perguntar.
settings-remove = Remover
settings-grant-always = sempre
settings-grant-until-quit = até o Plugboard fechar
settings-grant-since = desde
settings-grant-last-used = último uso
settings-grant-removed = Removido: esse programa será perguntado de novo.
settings-program-notifications = Avisar quando um programa usar uma conexão pela primeira vez
settings-program-notifications-hint = Uma notificação diz o programa e a conexão na primeira vez que ele pega um token pelo serviço de tokens D-Bus.

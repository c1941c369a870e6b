# A moldura da página (ui/index.html, dom.js) e as Configurações (ui/views/settings.js).
# Formatadas pela página (ui/i18n.js). Mantenha os ids iguais aos do inglês (um teste confere).

## A moldura
page-skip = Pular para os provedores
page-tagline = Conecte suas contas de negócios. Os segredos ficam no chaveiro do seu sistema.
page-demo = Demonstração
page-settings = Configurações
page-close = Fechar
page-providers =
    .aria-label = Provedores
page-loading = Carregando provedores…
page-keychain-checking = Chaveiro: verificando…
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
settings-language-fixed = Definido como { $locale } por PLUGBOARD_LOCALE no ambiente do Plugboard.

# The page's forms, notices and footer (ui/views/forms.js, notices.js, footer.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

## Connect forms (a card's credentials form, a provider's OAuth app credentials, the scope chooser)
# Placeholder of a field that demo mode fills in on its own.
form-demo-filled = Preenchido pelo modo de demonstração
form-save-and-connect = Salvar e conectar
form-connect = Conectar
form-cancel = Cancelar
form-client-id = ID do cliente
form-client-secret = Segredo do cliente
# An optional field: an already encoded "Basic" token, compared with the client ID and secret above.
form-basic-token = Token Basic (opcional: conferido com os dois campos acima)
form-environment = Ambiente
form-connect-form =
    .aria-label = Conectar { $provider_gender ->
            [feminine] a { $provider }
            [masculine] o { $provider }
           *[other] { $provider }
        }
# A notice. $account: the account as the provider names it.
form-connected = { $provider_gender ->
        [feminine] Conectado à { $provider }
        [masculine] Conectado ao { $provider }
       *[other] Conectado a { $provider }
    } como { $account }.
form-connected-again = A conta { $account } { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } já estava conectada: o login dela foi renovado e nenhuma segunda conexão foi adicionada.
form-save-and-sign-in = Salvar e entrar
form-save-credentials = Salvar credenciais
# Button that copies the redirect URI.
form-copy = Copiar
form-copied-redirect-uri = Copiada: cole-a nas URLs de redirecionamento do app.
form-setup-steps =
    .aria-label = Como configurar um app { $provider_gender ->
            [feminine] da { $provider }
            [masculine] do { $provider }
           *[other] de { $provider }
        }
form-app-credentials =
    .aria-label = Credenciais do app { $provider_gender ->
            [feminine] da { $provider }
            [masculine] do { $provider }
           *[other] de { $provider }
        }
# $help: the provider's own advice on where to find them (already translated; may be empty).
form-app-intro = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } precisa das credenciais do app antes de você entrar. { $help }
# A public app has only a client ID. $help: the provider's own advice (already translated; may be empty).
form-app-intro-public = { $provider_gender ->
        [feminine] A { $provider }
        [masculine] O { $provider }
       *[other] { $provider }
    } precisa do ID do cliente do app antes de você entrar (é um app público: sem segredo). { $help }
# Followed by the address itself.
form-redirect-uri = URI de redirecionamento para cadastrar:
# Followed by the list of scopes (technical names).
form-scopes-to-add = Escopos a adicionar:
# A notice.
form-saved-client-id = O ID do cliente { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } foi salvo.
# A notice.
form-saved-app-credentials = As credenciais do app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } foram salvas. O segredo está no seu chaveiro.
# Button that opens the provider's sign-in page in the browser.
form-continue-to = Continuar { $provider_gender ->
        [feminine] para a { $provider }
        [masculine] para o { $provider }
       *[other] para { $provider }
    }
form-scopes-required = Sempre pedidos (necessários para conectar):
form-scopes-optional = Você também pode pedir:
form-scope-chooser =
    .aria-label = Escolha qual acesso pedir { $provider_gender ->
            [feminine] à { $provider }
            [masculine] ao { $provider }
           *[other] a { $provider }
        }
# Scopes: the permissions asked of the provider; "tick": check the box.
form-scope-intro = Escolha o que o Plugboard pede { $provider_gender ->
        [feminine] à { $provider }
        [masculine] ao { $provider }
       *[other] a { $provider }
    }. O seu app { $provider_gender ->
        [feminine] da { $provider }
        [masculine] do { $provider }
       *[other] de { $provider }
    } precisa listar os escopos que você marcar.

## Notices
notice-dismiss =
    .aria-label = Dispensar

## Footer
footer-version = Plugboard { $version }
footer-keychain-ready = Tokens guardados no seu chaveiro
footer-keychain-locked = Seu chaveiro está bloqueado
footer-keychain-unavailable = Nenhum chaveiro encontrado
footer-keychain-unknown = Chaveiro ainda não verificado
# Sign-in links: the plugboard:// links a browser sign-in comes back through.
footer-sign-in-links-ready = O login pelo navegador volta para cá
footer-sign-in-links-unregistered = O login pelo navegador não consegue voltar para cá: instale o Plugboard pelo pacote dele
# Hover text of the "Demo" badge. $address: the simulator's address.
footer-demo-title = Modo de demonstração: os provedores são simulados em { $address }

# The built-in providers' texts (src-tauri/core/src/catalogue/builtin.toml), by
# `catalogue-<provider>-<key>`: what the catalogue says in English, in this language. English has
# no file like this one: its words are builtin.toml's own, written once. A test holds this file's
# ids to the catalogue's texts (every text has one, no id is for a text the catalogue lacks).
#
# Id scheme (see the module doc of src-tauri/core/src/catalogue/language.rs, where the lookup is done):
#   catalogue-<provider>-credentials_help            the provider's `credentials_help`
#   catalogue-<provider>-setup_steps-<n>             its n-th `setup_steps` entry, from 1
#   catalogue-<provider>-revoke_note                 its `revoke_note`
#   catalogue-<provider>-gender                      the name's grammatical gender here (feminine,
#                                                    masculine): messages pick the article by it
#                                                    ({ $provider_gender -> [feminine] à … })
#   catalogue-<provider>-account_label-<n>           its n-th `account_label` template, from 1; each
#                                                    {path} a variable ({account.accountEmail}:
#                                                    { $account-accountEmail })
#   catalogue-<provider>-environment-<environment>   an environment's `label`, by its id
#   catalogue-<provider>-method-<kind>               a method's `label`, by its kind
#                                                    (authorization_code, client_credentials, api_key)
#   catalogue-<provider>-field-<field>               an API-key form field's `label`, by its id
#   catalogue-<provider>-scope-<scope>               an optional scope's `description`, by its id
# Fluent ids allow only [a-zA-Z0-9_-]: any other character of an id part is written "-"
# (scope crm.objects.deals.read: catalogue-hubspot-scope-crm-objects-deals-read).
# Only built-in providers' texts are translated, and only while a text is still the built-in one:
# an organisation's providers.toml keeps its own words. Provider and product names stay as they are.

## Hotmart
catalogue-hotmart-credentials_help = Crie as credenciais em Ferramentas › Credenciais Developers na Hotmart (sandbox ou produção).
catalogue-hotmart-revoke_note = A Hotmart não tem como revogar o acesso: apague a credencial em Ferramentas › Credenciais Developers.
catalogue-hotmart-gender = feminine
catalogue-hotmart-environment-production = Produção
catalogue-hotmart-environment-sandbox = Sandbox
catalogue-hotmart-method-client_credentials = Credenciais de desenvolvedor da Hotmart
catalogue-hotmart-method-authorization_code = Entrar com a Hotmart

## WhatConverts
catalogue-whatconverts-credentials_help = No WhatConverts, abra o perfil e escolha Tracking › Integrations › API Keys › Generate API Key (uma chave da conta principal: Integrations › API Keys › Add API Key). Informe aqui o API token e o API secret.
catalogue-whatconverts-revoke_note = As chaves do WhatConverts ficam no seu painel do WhatConverts: apague a chave lá para revogar o acesso.
catalogue-whatconverts-gender = masculine
catalogue-whatconverts-method-api_key = Token e segredo de API do WhatConverts
catalogue-whatconverts-field-token = Token de API
catalogue-whatconverts-field-secret = Segredo de API
catalogue-whatconverts-method-authorization_code = Entrar com o WhatConverts

## Ecwid
catalogue-ecwid-credentials_help = Cadastre um app no Ecwid (Lightspeed E-Series) para receber um ID do cliente e um segredo do cliente.
catalogue-ecwid-setup_steps-1 = Abra o site para desenvolvedores do Ecwid (Página de desenvolvedor, abaixo) e peça um app personalizado para a sua loja.
catalogue-ecwid-setup_steps-2 = Peça ao Ecwid para cadastrar no app a URI de redirecionamento abaixo: a equipe do Ecwid faz isso por você.
catalogue-ecwid-setup_steps-3 = Peça os escopos listados abaixo e também cada escopo opcional que as pessoas possam marcar: o Ecwid recusa um login que pede um escopo que o app não recebeu.
catalogue-ecwid-setup_steps-4 = Quando o Ecwid enviar o ID do cliente e o segredo do cliente do app, informe-os aqui.
catalogue-ecwid-revoke_note = O Ecwid não tem como revogar o acesso: desinstale o app no painel de administração do Ecwid.
catalogue-ecwid-gender = masculine
catalogue-ecwid-account_label-1 = Loja { $store_id } · { $account-accountEmail }
catalogue-ecwid-account_label-2 = Loja { $store_id }
catalogue-ecwid-method-authorization_code = Entrar com o Ecwid
catalogue-ecwid-scope-update_catalog = Alterar produtos e categorias
catalogue-ecwid-scope-update_orders = Alterar pedidos
catalogue-ecwid-scope-read_customers = Ver clientes

## HubSpot
catalogue-hubspot-credentials_help = Crie um app no HubSpot (conta de desenvolvedor › Aplicativos) e copie o ID do cliente e o segredo do cliente dele.
catalogue-hubspot-setup_steps-1 = Entre na sua conta de desenvolvedor do HubSpot (developers.hubspot.com) e abra Aplicativos › Criar aplicativo.
catalogue-hubspot-setup_steps-2 = Na aba Autenticação do app, adicione a URI de redirecionamento abaixo como URL de redirecionamento.
catalogue-hubspot-setup_steps-3 = Em Escopos, adicione os escopos listados abaixo.
catalogue-hubspot-setup_steps-4 = Salve o app e copie o ID do cliente e o segredo do cliente da aba Autenticação para os campos aqui.
catalogue-hubspot-revoke_note = Revogar o acesso impede novas renovações; os tokens de acesso já emitidos continuam valendo até completar seus 30 minutos, e o app continua instalado no HubSpot.
catalogue-hubspot-gender = masculine
catalogue-hubspot-account_label-1 = { $hub_domain } · { $user }
catalogue-hubspot-account_label-2 = { $hub_domain }
catalogue-hubspot-account_label-3 = Portal { $hub_id } · { $user }
catalogue-hubspot-account_label-4 = Portal { $hub_id }
catalogue-hubspot-method-authorization_code = Entrar com o HubSpot
catalogue-hubspot-scope-crm-objects-contacts-write = Criar e atualizar contatos
catalogue-hubspot-scope-crm-objects-companies-read = Ver empresas
catalogue-hubspot-scope-crm-objects-companies-write = Criar e atualizar empresas
catalogue-hubspot-scope-crm-objects-deals-read = Ver negócios
catalogue-hubspot-scope-crm-objects-deals-write = Criar e atualizar negócios
catalogue-hubspot-scope-tickets = Ver e atualizar tickets de suporte

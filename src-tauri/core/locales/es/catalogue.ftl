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
catalogue-hotmart-credentials_help = Crea las credenciales en Herramientas › Credenciales Developers en Hotmart (sandbox o producción).
catalogue-hotmart-revoke_note = Hotmart no permite revocar el acceso: elimina la credencial en Herramientas › Credenciales Developers.
catalogue-hotmart-gender = feminine
catalogue-hotmart-environment-production = Producción
catalogue-hotmart-environment-sandbox = Sandbox
catalogue-hotmart-method-client_credentials = Credenciales de desarrollador de Hotmart
catalogue-hotmart-method-authorization_code = Iniciar sesión con Hotmart

## WhatConverts
catalogue-whatconverts-credentials_help = En WhatConverts, abre el perfil y elige Tracking › Integrations › API Keys › Generate API Key (una clave de la cuenta principal: Integrations › API Keys › Add API Key). Escribe aquí su API token y su API secret.
catalogue-whatconverts-revoke_note = Las claves de WhatConverts se administran en tu panel de WhatConverts: elimina la clave allí para revocar el acceso.
catalogue-whatconverts-gender = masculine
catalogue-whatconverts-method-api_key = Token y secreto de API de WhatConverts
catalogue-whatconverts-field-token = Token de API
catalogue-whatconverts-field-secret = Secreto de API
catalogue-whatconverts-method-authorization_code = Iniciar sesión con WhatConverts

## Ecwid
catalogue-ecwid-credentials_help = Registra una app en Ecwid (Lightspeed E-Series) para obtener un ID de cliente y un secreto de cliente.
catalogue-ecwid-setup_steps-1 = Abre el sitio para desarrolladores de Ecwid (Página para desarrolladores, abajo) y solicita una app personalizada para tu tienda.
catalogue-ecwid-setup_steps-2 = Pide a Ecwid que registre para la app la URI de redirección que aparece abajo: el equipo de Ecwid la configura por ti.
catalogue-ecwid-setup_steps-3 = Pide los alcances que aparecen abajo y también cada alcance opcional que las personas puedan marcar: Ecwid rechaza un inicio de sesión que pide un alcance que la app no recibió.
catalogue-ecwid-setup_steps-4 = Cuando Ecwid te envíe el ID de cliente y el secreto de cliente de la app, escríbelos aquí.
catalogue-ecwid-revoke_note = Ecwid no permite revocar el acceso: desinstala la app en tu panel de administración de Ecwid.
catalogue-ecwid-gender = masculine
catalogue-ecwid-account_label-1 = Tienda { $store_id } · { $account-accountEmail }
catalogue-ecwid-account_label-2 = Tienda { $store_id }
catalogue-ecwid-method-authorization_code = Iniciar sesión con Ecwid
catalogue-ecwid-scope-update_catalog = Cambiar productos y categorías
catalogue-ecwid-scope-update_orders = Cambiar pedidos
catalogue-ecwid-scope-read_customers = Ver clientes

## HubSpot
catalogue-hubspot-credentials_help = Crea una app de HubSpot (cuenta de desarrollador › Aplicaciones) y copia su ID de cliente y su secreto de cliente.
catalogue-hubspot-setup_steps-1 = Inicia sesión en tu cuenta de desarrollador de HubSpot (developers.hubspot.com) y abre Aplicaciones › Crear aplicación.
catalogue-hubspot-setup_steps-2 = En la pestaña Autenticación de la app, agrega la URI de redirección que aparece abajo como URL de redirección.
catalogue-hubspot-setup_steps-3 = En Alcances, agrega los alcances que aparecen abajo.
catalogue-hubspot-setup_steps-4 = Guarda la app y copia su ID de cliente y su secreto de cliente de la pestaña Autenticación en los campos de aquí.
catalogue-hubspot-revoke_note = Revocar el acceso detiene las renovaciones; los tokens de acceso ya emitidos siguen valiendo hasta cumplir sus 30 minutos, y la app sigue instalada en HubSpot.
catalogue-hubspot-gender = masculine
catalogue-hubspot-account_label-1 = { $hub_domain } · { $user }
catalogue-hubspot-account_label-2 = { $hub_domain }
catalogue-hubspot-account_label-3 = Portal { $hub_id } · { $user }
catalogue-hubspot-account_label-4 = Portal { $hub_id }
catalogue-hubspot-method-authorization_code = Iniciar sesión con HubSpot
catalogue-hubspot-scope-crm-objects-contacts-write = Crear y actualizar contactos
catalogue-hubspot-scope-crm-objects-companies-read = Ver empresas
catalogue-hubspot-scope-crm-objects-companies-write = Crear y actualizar empresas
catalogue-hubspot-scope-crm-objects-deals-read = Ver negocios
catalogue-hubspot-scope-crm-objects-deals-write = Crear y actualizar negocios
catalogue-hubspot-scope-tickets = Ver y actualizar tickets de soporte

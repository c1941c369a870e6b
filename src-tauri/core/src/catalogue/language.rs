/*!
The built-in providers' texts in the person's language (moved here from `view`, so the service
and the views both use it downhill: the catalogue owns its providers' words).

[`in_language`] is the one place a provider's texts are put in the person's language: the cards
([`ProviderCard::new`]) go through it, and so can any front end that shows a [`Provider`]'s texts.
The English is written once, in `builtin.toml`: English has no `catalogue.ftl`. Only the built-in
providers' texts have translations, in the other languages' `catalogue.ftl`, and only a text that is
still the built-in one is translated: a provider from a person's or an organisation's
`providers.toml` with an id of its own keeps its words, and so does any text an organisation
wrote over a built-in provider's. A text with no message stays as the catalogue has it. Names
(HubSpot, Hotmart…) are never translated.

Message ids: `catalogue-<provider>-<key>`, `<key>` spelled as in `builtin.toml`:

| text | message id |
|---|---|
| `credentials_help` | `catalogue-<provider>-credentials_help` |
| `setup_steps`, the n-th (from 1) | `catalogue-<provider>-setup_steps-<n>` |
| `revoke_note` | `catalogue-<provider>-revoke_note` |
| `account_label`, the n-th template (from 1) | `catalogue-<provider>-account_label-<n>`, each `{path}` a variable (`{account.accountEmail}` ⇒ `{ $account-accountEmail }`) |
| an environment's `label` | `catalogue-<provider>-environment-<environment id>` |
| a method's `label` | `catalogue-<provider>-method-<kind>` (`authorization_code`, `client_credentials`, `api_key`) |
| an API-key form field's `label` | `catalogue-<provider>-field-<field id>` |
| an optional scope's `description` | `catalogue-<provider>-scope-<scope id>` |
| the name's grammatical gender (`feminine`, `masculine`), not a text: messages choose the article before the name by it ([`crate::i18n::Messages::gender_of`]) | `catalogue-<provider>-gender` |

Fluent ids allow only `[a-zA-Z0-9_-]`: in each part every other character is written `-`
(`crm.objects.deals.read` ⇒ `catalogue-hubspot-scope-crm-objects-deals-read`). A text the
catalogue may gain later follows the pattern: a provider's `description` would be
`catalogue-<provider>-description`, a field's `hint` `catalogue-<provider>-field-<field id>-hint`.
*/

use crate::catalogue::{Catalogue, Method, Provider};
use crate::i18n::Messages;

/// `p` with the texts a person reads in the current language (see the module's doc): a built-in
/// provider's, where they are still the built-in ones; any other provider as it is. Either way
/// every text is safe to show ([`safe`]).
pub fn in_language(p: &Provider) -> Provider {
    in_language_of(p, &crate::i18n::current())
}

/// [`in_language`] in `messages`' language.
pub fn in_language_of(p: &Provider, messages: &Messages) -> Provider {
    let mut out = translated(p, messages);
    safe(&mut out);
    out
}

/// The texts a person reads of `p` (a provider file's, or a translation's), made safe to show: a
/// control or bidirectional character is written `\u{…}` ([`crate::safe_text`]). Ids, scopes
/// and addresses are data, and the catalogue refuses such characters in them.
fn safe(p: &mut Provider) {
    use crate::safe_text::{escape, escape_keeping_lines};
    let line = |text: &mut String| {
        if let std::borrow::Cow::Owned(safe) = escape(text) {
            *text = safe;
        }
    };
    let lines = |text: &mut String| {
        if let std::borrow::Cow::Owned(safe) = escape_keeping_lines(text) {
            *text = safe;
        }
    };
    line(&mut p.name);
    p.credentials_help.iter_mut().for_each(lines);
    p.setup_steps.iter_mut().for_each(lines);
    p.revoke_note.iter_mut().for_each(lines);
    for env in &mut p.environments {
        line(&mut env.label);
    }
    for method in &mut p.methods {
        line(method.label_mut());
        match method {
            Method::AuthorizationCode(m) => {
                for scope in &mut m.optional_scopes {
                    lines(&mut scope.description);
                }
            }
            Method::ClientCredentials(_) => {}
            Method::ApiKey(m) => {
                for field in &mut m.fields {
                    line(&mut field.label);
                }
            }
        }
    }
}

/// `p` with its built-in texts in `messages`' language (see the module's doc).
fn translated(p: &Provider, messages: &Messages) -> Provider {
    let mut out = p.clone();
    // The built-in table, read once: a text is translated only while it is the one written there.
    let Some(builtin) = Catalogue::builtin_once().and_then(|c| c.get(p.id.as_str())) else {
        return out;
    };
    let words = Words {
        messages,
        provider: p.id.as_str(),
    };
    if let Some(text) = &mut out.credentials_help {
        words.put(
            text,
            builtin.credentials_help.as_deref(),
            &["credentials_help"],
        );
    }
    for (i, step) in out.setup_steps.iter_mut().enumerate() {
        let n = (i + 1).to_string();
        let original = builtin.setup_steps.get(i).map(String::as_str);
        words.put(step, original, &["setup_steps", &n]);
    }
    if let Some(text) = &mut out.revoke_note {
        words.put(text, builtin.revoke_note.as_deref(), &["revoke_note"]);
    }
    for (i, template) in out.account_label.iter_mut().enumerate() {
        let n = (i + 1).to_string();
        let original = builtin.account_label.get(i).map(String::as_str);
        words.put_template(template, original, &["account_label", &n]);
    }
    for env in &mut out.environments {
        let original = builtin
            .environments
            .iter()
            .find(|e| e.id == env.id)
            .map(|e| e.label.as_str());
        words.put(&mut env.label, original, &["environment", &env.id]);
    }
    for method in &mut out.methods {
        let kind = method.kind();
        let original = builtin.method(kind).map(Method::label);
        words.put(method.label_mut(), original, &["method", kind.as_str()]);
        match method {
            Method::AuthorizationCode(m) => {
                let scopes = builtin
                    .authorization_code()
                    .map(|b| b.optional_scopes.as_slice())
                    .unwrap_or_default();
                for scope in &mut m.optional_scopes {
                    let original = scopes
                        .iter()
                        .find(|s| s.id == scope.id)
                        .map(|s| s.description.as_str());
                    words.put(&mut scope.description, original, &["scope", &scope.id]);
                }
            }
            Method::ClientCredentials(_) => {}
            Method::ApiKey(m) => {
                let fields = builtin
                    .api_key()
                    .map(|b| b.fields.as_slice())
                    .unwrap_or_default();
                for field in &mut m.fields {
                    let original = fields
                        .iter()
                        .find(|f| f.id == field.id)
                        .map(|f| f.label.as_str());
                    words.put(&mut field.label, original, &["field", &field.id]);
                }
            }
        }
    }
    out
}

/// The message id of a built-in provider's text: `catalogue-<provider>-<key…>`, each part with
/// every character Fluent ids do not allow written `-` (see the module's doc).
pub fn catalogue_message_id(provider: &str, key: &[&str]) -> String {
    let mut id = String::from("catalogue");
    for part in std::iter::once(provider).chain(key.iter().copied()) {
        id.push('-');
        id.push_str(&fluent_name(part));
    }
    id
}

/// `part` with every character Fluent identifiers do not allow written `-` (a message id's
/// part, or a template's `{account.accountEmail}` as the variable `$account-accountEmail`).
fn fluent_name(part: &str) -> String {
    part.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// One built-in provider's messages.
struct Words<'a> {
    messages: &'a Messages,
    provider: &'a str,
}

impl Words<'_> {
    /// Puts `text` in the language, when it is the built-in `original` and has a message.
    fn put(&self, text: &mut String, original: Option<&str>, key: &[&str]) {
        if original != Some(text.as_str()) {
            return;
        }
        let id = catalogue_message_id(self.provider, key);
        match self.messages.find(&id, &[]) {
            Some(translated) => *text = translated,
            None => {
                if let std::borrow::Cow::Owned(shown) = self.messages.original(text) {
                    *text = shown;
                }
            }
        }
    }

    /// [`Self::put`] for an `account_label` template: its message names each `{path}` as a
    /// variable (`{account.accountEmail}` ⇒ `{ $account-accountEmail }`), given as the `{path}`
    /// itself, so what comes out is the template in the language. Without a message, only the
    /// words between the `{path}`s go through the pseudo-locale.
    fn put_template(&self, text: &mut String, original: Option<&str>, key: &[&str]) {
        if original != Some(text.as_str()) {
            return;
        }
        let id = catalogue_message_id(self.provider, key);
        let paths = super::label_paths(text);
        let names: Vec<String> = paths.iter().map(|p| fluent_name(p)).collect();
        let args: Vec<(&str, crate::i18n::Arg)> = names
            .iter()
            .zip(&paths)
            .map(|(name, path)| (name.as_str(), format!("{{{path}}}").into()))
            .collect();
        if let Some(translated) = self.messages.find(&id, &args) {
            *text = translated;
            return;
        }
        let mut shown = String::new();
        let mut rest = text.as_str();
        for path in &paths {
            let placeholder = format!("{{{path}}}");
            let Some(at) = rest.find(&placeholder) else {
                break;
            };
            if at > 0 {
                shown.push_str(&self.messages.original(&rest[..at]));
            }
            shown.push_str(&placeholder);
            rest = &rest[at + placeholder.len()..];
        }
        if !rest.is_empty() {
            shown.push_str(&self.messages.original(rest));
        }
        *text = shown;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every text of `p` a person reads, with its message id (the scheme of the module's doc).
    fn texts(p: &Provider) -> Vec<(String, String)> {
        let id = |key: &[&str]| catalogue_message_id(p.id.as_str(), key);
        let mut out = Vec::new();
        if let Some(t) = &p.credentials_help {
            out.push((id(&["credentials_help"]), t.clone()));
        }
        for (i, step) in p.setup_steps.iter().enumerate() {
            out.push((id(&["setup_steps", &(i + 1).to_string()]), step.clone()));
        }
        if let Some(t) = &p.revoke_note {
            out.push((id(&["revoke_note"]), t.clone()));
        }
        for (i, t) in p.account_label.iter().enumerate() {
            out.push((id(&["account_label", &(i + 1).to_string()]), t.clone()));
        }
        for e in &p.environments {
            out.push((id(&["environment", &e.id]), e.label.clone()));
        }
        for m in &p.methods {
            let kind = serde_json::to_value(m.kind()).unwrap();
            out.push((
                id(&["method", kind.as_str().unwrap()]),
                m.label().to_string(),
            ));
            match m {
                Method::AuthorizationCode(a) => out.extend(
                    a.optional_scopes
                        .iter()
                        .map(|s| (id(&["scope", &s.id]), s.description.clone())),
                ),
                Method::ApiKey(k) => out.extend(
                    k.fields
                        .iter()
                        .map(|f| (id(&["field", &f.id]), f.label.clone())),
                ),
                Method::ClientCredentials(_) => {}
            }
        }
        out
    }

    #[test]
    fn english_is_the_catalogues_own_and_every_translation_has_each_text_and_no_other() {
        let english = Messages::english();
        let pseudo = Messages::for_locale(crate::i18n::PSEUDO);
        let mut ids = std::collections::BTreeSet::new();
        for p in Catalogue::builtin().unwrap().providers() {
            // English is written once, in builtin.toml: shown as it is.
            assert_eq!(&in_language_of(p, &english), p);
            // The pseudo-locale transforms every text, so each goes through this module.
            let shown = texts(&in_language_of(p, &pseudo));
            for ((id, text), (_, pseudo)) in texts(p).into_iter().zip(shown) {
                // A template with no words of its own ("{hub_domain}") has nothing to show.
                let blank: std::collections::BTreeMap<String, String> =
                    crate::catalogue::label_paths(&text)
                        .into_iter()
                        .map(|path| (path.to_string(), String::new()))
                        .collect();
                let words = crate::catalogue::render_label(&text, &blank);
                if !words.trim().is_empty() {
                    assert_ne!(text, pseudo, "`{id}` (“{text}”) not put in the language");
                }
                assert_eq!(english.find(&id, &[]), None, "English has no catalogue.ftl");
                ids.insert(id);
            }
        }
        // Each built-in provider's grammatical gender, as messages choose its article.
        for p in Catalogue::builtin().unwrap().providers() {
            ids.insert(catalogue_message_id(p.id.as_str(), &["gender"]));
        }
        for lang in crate::i18n::LANGUAGES.iter().map(|(tag, _)| *tag) {
            if lang == "en" {
                continue;
            }
            // Each built-in text has its message, and no message is for a text the
            // catalogue no longer has (or never had: a misspelt id).
            let messages: std::collections::BTreeSet<String> =
                crate::i18n::catalogue_ids(lang).into_iter().collect();
            let missing: Vec<_> = ids.difference(&messages).collect();
            let unknown: Vec<_> = messages.difference(&ids).collect();
            assert!(missing.is_empty(), "{lang}/catalogue.ftl lacks {missing:?}");
            assert!(
                unknown.is_empty(),
                "{lang}/catalogue.ftl has unknown {unknown:?}"
            );
        }
        assert_eq!(
            catalogue_message_id("hubspot", &["scope", "crm.objects.deals.read"]),
            "catalogue-hubspot-scope-crm-objects-deals-read"
        );
    }

    #[test]
    fn built_in_catalogue_texts_speak_the_language_and_a_users_catalogue_keeps_its_own() {
        let pt = Messages::for_locale("pt_BR.UTF-8");
        let builtin = Catalogue::builtin().unwrap();
        let hubspot = in_language_of(builtin.get("hubspot").unwrap(), &pt);
        assert_eq!(
            hubspot.revoke_note.as_deref(),
            Some("Revogar o acesso impede novas renovações; os tokens de acesso já emitidos continuam valendo até completar seus 30 minutos, e o app continua instalado no HubSpot.")
        );
        assert_eq!(hubspot.default_method().label(), "Entrar com o HubSpot");
        let hotmart = in_language_of(builtin.get("hotmart").unwrap(), &pt);
        assert_eq!(hotmart.environments[0].label, "Produção");

        // An organisation's file: HubSpot with a note of its own, and a provider of its own
        // whose note happens to be HubSpot's English one.
        let user = format!(
            r#"
[[provider]]
id = "hubspot"
name = "HubSpot"
revoke_note = "Ask IT to uninstall the app."
[[provider.method]]
kind = "authorization_code"
label = "Sign in with HubSpot"
authorize_url = "https://hubspot.example.org/authorize"
token_url = "https://hubspot.example.org/token"

[[provider]]
id = "acme"
name = "Acme"
revoke_note = "{}"
[[provider.method]]
kind = "api_key"
label = "Sign in with HubSpot"
check_url = "https://acme.example/me"
fields = [{{ id = "token", label = "API token", secret = true }}]
"#,
            builtin
                .get("hubspot")
                .unwrap()
                .revoke_note
                .as_deref()
                .unwrap()
        );
        let origin = crate::catalogue::Origin::File("/etc/plugboard/providers.toml".into());
        let merged = builtin
            .clone()
            .with_user_file(Catalogue::parse(&user, &origin).unwrap());
        let acme = merged.get("acme").unwrap();
        assert_eq!(&in_language_of(acme, &pt), acme, "not a built-in provider");
        let hubspot = in_language_of(merged.get("hubspot").unwrap(), &pt);
        assert_eq!(
            hubspot.revoke_note.as_deref(),
            Some("Ask IT to uninstall the app."),
            "the organisation's own words"
        );
        assert_eq!(
            hubspot.default_method().label(),
            "Entrar com o HubSpot",
            "a text left as the built-in one"
        );
        // The card shows the same (it goes through `in_language`).
        let card = crate::view::ProviderCard::new(acme);
        assert_eq!(card.revoke_note, acme.revoke_note);
    }
}

/*!
The words people read, in their language: Project Fluent message files, built in, for English,
Portuguese (Brazil) and Spanish. Each language has one file per room that speaks:

| file | whose words | formatted by |
|---|---|---|
| `plugboard.ftl` | the tray and desktop notifications ([`crate::attention`]) | this module |
| `service.ftl` | the core's: health, countdowns, errors, outcomes ([`crate::service`]) | this module |
| `shell.ftl` | the desktop app's own (its commands, links, clipboard) | this module |
| `catalogue.ftl` | the built-in providers' texts (`catalogue-<provider>-<key>`), over the catalogue's English ([`Messages::find`]); none in English, whose words are `builtin.toml`'s own | this module |
| `cli.ftl` | the command line's, its `--help` too | this module |
| `window*.ftl` | the page's own (frame and Settings; cards; details; forms and notices) | the page (`ui/i18n.js`, @fluent/bundle), sent whole by [`Messages::window`] |

Which language: `PLUGBOARD_LOCALE` (tests, administrators), else the one chosen in Settings
([`crate::preferences::Preferences::language`]), else the system's (`LC_ALL`, `LC_MESSAGES`,
`LANG`); the nearest catalogue, English where there is none ([`pick`]). A process speaks one
language at a time ([`current`], [`set_current`]): the window switches when the person chooses
another in Settings; a process that never chose speaks English.

`qps-ploc` is a pseudo-locale: every message comes out accented, lengthened and in brackets
(fluent-pseudo), so a test can tell text that went through a catalogue from text written in code.
Fluent's bidi isolation marks are off: these texts go to notification daemons and menus, which
show them as boxes.
*/

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use std::sync::{Arc, RwLock};

macro_rules! catalogue {
    // English has no `catalogue.ftl`: the built-in providers' English is written once, in
    // `catalogue/builtin.toml`, and the translations are over it.
    (english: $lang:literal) => {
        catalogue!(@files $lang, "")
    };
    ($lang:literal) => {
        catalogue!(@files $lang, include_str!(concat!("../locales/", $lang, "/catalogue.ftl")))
    };
    (@files $lang:literal, $catalogue:expr) => {
        (
            $lang,
            Files {
                plugboard: include_str!(concat!("../locales/", $lang, "/plugboard.ftl")),
                service: include_str!(concat!("../locales/", $lang, "/service.ftl")),
                shell: include_str!(concat!("../locales/", $lang, "/shell.ftl")),
                catalogue: $catalogue,
                cli: include_str!(concat!("../locales/", $lang, "/cli.ftl")),
                window: [
                    include_str!(concat!("../locales/", $lang, "/window.ftl")),
                    include_str!(concat!("../locales/", $lang, "/window-cards.ftl")),
                    include_str!(concat!("../locales/", $lang, "/window-details.ftl")),
                    include_str!(concat!("../locales/", $lang, "/window-forms.ftl")),
                ],
            },
        )
    };
}

/// One language's message files.
struct Files {
    plugboard: &'static str,
    service: &'static str,
    shell: &'static str,
    catalogue: &'static str,
    cli: &'static str,
    /// The page's: `window.ftl` (the page's frame and Settings), then one per part of it.
    window: [&'static str; 4],
}

impl Files {
    /// The files formatted here, in Rust (the window's are formatted by the page).
    fn rust(&self) -> [(&'static str, &'static str); 5] {
        [
            ("plugboard.ftl", self.plugboard),
            ("service.ftl", self.service),
            ("shell.ftl", self.shell),
            ("catalogue.ftl", self.catalogue),
            ("cli.ftl", self.cli),
        ]
    }

    #[cfg(test)]
    fn all(&self) -> [(&'static str, &'static str); 9] {
        let [a, b, c, d, e] = self.rust();
        let [w, x, y, z] = self.window;
        [
            a,
            b,
            c,
            d,
            e,
            ("window.ftl", w),
            ("window-cards.ftl", x),
            ("window-details.ftl", y),
            ("window-forms.ftl", z),
        ]
    }
}

/// The languages Plugboard speaks, with their message files; English first.
const CATALOGUES: &[(&str, Files)] = &[
    catalogue!(english: "en"),
    catalogue!("pt-BR"),
    catalogue!("es"),
];

/// The languages a person can choose in Settings: tag and name, each in its own language.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("pt-BR", "Português (Brasil)"),
    ("es", "Español"),
];

/// The pseudo-locale's tag.
pub const PSEUDO: &str = "qps-ploc";

/// The variable given with every `$provider`: its grammatical gender in the language
/// ([`Messages::gender_of`]), so a translation can choose the article before the name. English
/// never uses it; a translation may wherever English gives `$provider`.
pub const GENDER: &str = "provider_gender";

/// One language's messages.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
    lang: &'static str,
    pseudo: bool,
}

impl std::fmt::Debug for Messages {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Messages")
            .field("lang", &self.lang)
            .finish()
    }
}

fn pseudo(s: &str) -> Cow<'_, str> {
    fluent_pseudo::transform_dom(s, false, true, true)
}

/// The catalogue that best matches `tag` ("pt_BR.UTF-8", "pt-PT", "es_MX", "de"): the same
/// language and region, else the language (Portuguese is pt-BR's), else English.
fn best(tag: &str) -> &'static str {
    let Some(wanted) = locale_id(tag) else {
        return "en";
    };
    CATALOGUES
        .iter()
        .map(|(lang, _)| *lang)
        .find(|lang| lang.parse::<LanguageIdentifier>().ok().as_ref() == Some(&wanted))
        .or_else(|| {
            CATALOGUES.iter().map(|(lang, _)| *lang).find(|lang| {
                lang.parse::<LanguageIdentifier>()
                    .is_ok_and(|l| l.language == wanted.language)
            })
        })
        .unwrap_or("en")
}

/// `tag` as the system spells it ("pt_BR.UTF-8", "sr_RS@latin") as a language identifier.
fn locale_id(tag: &str) -> Option<LanguageIdentifier> {
    let tag = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    tag.parse().ok()
}

/// The language Plugboard speaks for the locale `tag` ("pt_BR.UTF-8" → "pt-BR", "de" → "en").
pub fn language_of(tag: &str) -> &'static str {
    best(tag)
}

impl Messages {
    /// The messages for `tag` (a locale as the system spells it, or [`PSEUDO`]).
    pub fn for_locale(tag: &str) -> Self {
        let is_pseudo = tag == PSEUDO;
        let lang = if is_pseudo { "en" } else { best(tag) };
        let files = files_of(lang);
        let id: LanguageIdentifier = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        if is_pseudo {
            bundle.set_transform(Some(pseudo));
        }
        for (file, text) in files.rust() {
            let resource =
                FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, errors)| {
                    log::error!("message file {lang}/{file} has errors: {errors:?}");
                    resource
                });
            if let Err(errors) = bundle.add_resource(resource) {
                log::error!("message file {lang}/{file}: {errors:?}");
            }
        }
        Self {
            bundle,
            lang,
            pseudo: is_pseudo,
        }
    }

    /// What the page needs to speak this language: its message files, formatted there, and the
    /// `system` locale's region for dates when it is a region of this language ("en-GB" writes
    /// 2 Dec 2026 where "en" writes Dec 2, 2026).
    pub fn window(&self, system: Option<&str>) -> WindowMessages {
        let region = system
            .and_then(locale_id)
            .filter(|id| {
                !self.pseudo
                    && self
                        .lang
                        .parse::<LanguageIdentifier>()
                        .is_ok_and(|l| l.language == id.language)
            })
            .map(|id| id.to_string());
        WindowMessages {
            lang: self.lang,
            region,
            pseudo: self.pseudo,
            ftl: files_of(self.lang).window.join("\n"),
            genders: self.genders(),
        }
    }

    /// English.
    pub fn english() -> Self {
        Self::for_locale("en")
    }

    /// The language these messages are in ("en", "pt-BR", "es").
    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// Message `id` with `args`; the id itself (and a log line) when the catalogue lacks it.
    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            log::warn!("no message `{id}` in {}", self.lang);
            return id.to_string();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(s) => fluent_args.set(*name, FluentValue::from(s.as_str())),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        // `$provider_gender`, given with every `$provider` (see [`Messages::gender_of`]).
        if let Some((_, Arg::Text(provider))) = args.iter().find(|(n, _)| *n == "provider") {
            if !args.iter().any(|(n, _)| *n == GENDER) {
                fluent_args.set(GENDER, FluentValue::from(self.gender_of(provider)));
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            log::warn!("message `{id}` in {}: {errors:?}", self.lang);
        }
        text.into_owned()
    }

    /// The grammatical gender of the provider called `name` in this language, as its messages
    /// choose the article or preposition before it (“à Hotmart”, “ao WhatConverts”):
    /// `feminine` or `masculine` for a built-in provider (its `catalogue-<provider>-gender`),
    /// `masculine` for Plugboard's own word when it cannot name the provider (“ao provedor”),
    /// `other` for any other (a provider of a person's own `providers.toml`, whose messages
    /// read without an article: “a Acme”).
    pub fn gender_of(&self, name: &str) -> &'static str {
        // Plugboard's own word for a provider it cannot name ("provedor"): a noun, masculine
        // in the languages that choose an article by it.
        if name == self.get("error-some-provider", &[])
            || name == self.get("shell-the-provider", &[])
        {
            return "masculine";
        }
        let Some(id) = crate::catalogue::Catalogue::builtin_once()
            .and_then(|c| c.providers().iter().find(|p| p.name == name))
            .map(|p| p.id.to_string())
        else {
            return "other";
        };
        let id = crate::catalogue::catalogue_message_id(&id, &["gender"]);
        match self.find(&id, &[]).as_deref() {
            Some("feminine") => "feminine",
            Some("masculine") => "masculine",
            _ => "other",
        }
    }

    /// Every built-in provider's name with its gender in this language (for the page, which
    /// gives `$provider_gender` with `$provider` as Rust does: see [`Self::gender_of`]).
    pub fn genders(&self) -> std::collections::BTreeMap<String, &'static str> {
        crate::catalogue::Catalogue::builtin_once()
            .map(|c| {
                c.providers()
                    .iter()
                    .map(|p| (p.name.clone(), self.gender_of(&p.name)))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Message `id` with `args` if the catalogue has it: for texts that have an English
    /// original elsewhere (a built-in provider's, in the provider catalogue), which stands when
    /// this returns `None`.
    pub fn find(&self, id: &str, args: &[(&str, Arg)]) -> Option<String> {
        self.bundle.has_message(id).then(|| self.get(id, args))
    }

    /// A text whose English is written elsewhere (a built-in provider's, in `builtin.toml`)
    /// and that has no message in this language: as it is, or transformed in the pseudo-locale
    /// as a message would be (so a test can tell it came through the catalogue).
    pub fn original<'a>(&self, english: &'a str) -> Cow<'a, str> {
        if self.pseudo {
            pseudo(english)
        } else {
            Cow::Borrowed(english)
        }
    }

    /// Every message id of the English files formatted in Rust (for tests that check the
    /// others keep up).
    pub fn ids() -> Vec<String> {
        CATALOGUES[0]
            .1
            .rust()
            .iter()
            .flat_map(|(_, text)| ids_in(text))
            .collect()
    }
}

/// The message ids of `lang`'s `catalogue.ftl` (for the catalogue's tests: they hold each
/// translation against the built-in providers' texts).
#[cfg(test)]
pub(crate) fn catalogue_ids(lang: &str) -> Vec<String> {
    ids_in(files_of(lang).catalogue)
}

fn files_of(lang: &str) -> &'static Files {
    &CATALOGUES
        .iter()
        .find(|(l, _)| *l == lang)
        .unwrap_or(&CATALOGUES[0])
        .1
}

fn ids_in(text: &str) -> Vec<String> {
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The page's messages in one language (see `ui/i18n.js`): never a secret, only the catalogue.
#[derive(Debug, Clone, serde::Serialize)]
pub struct WindowMessages {
    /// The language ("en", "pt-BR", "es"): the page's `lang` and its dates' and numbers' format.
    pub lang: &'static str,
    /// The system's locale when it is a region of `lang` (dates are written its way), else none.
    pub region: Option<String>,
    /// The pseudo-locale: the page transforms every message as [`Messages`] does here.
    pub pseudo: bool,
    /// The page's message files of that language, one after the other.
    pub ftl: String,
    /// Each built-in provider's name with its gender in the language: the page gives
    /// `$provider_gender` with `$provider` ([`GENDER`]).
    pub genders: std::collections::BTreeMap<String, &'static str>,
}

/// The locale to speak: `forced` (`PLUGBOARD_LOCALE`) over the person's `chosen` language (a tag
/// from [`LANGUAGES`]; empty or `None` = the system's) over the `system` locale; "en" if none.
pub fn pick(forced: Option<&str>, chosen: Option<&str>, system: Option<&str>) -> String {
    forced
        .or(chosen.filter(|c| !c.is_empty()))
        .or(system)
        .unwrap_or("en")
        .to_string()
}

/// The messages for `tag` (see [`Messages::for_locale`]), each language's made once, when first
/// needed; the pseudo-locale's anew each time (tests only).
pub fn messages_of(tag: &str) -> Arc<Messages> {
    if tag == PSEUDO {
        return Arc::new(Messages::for_locale(PSEUDO));
    }
    let lang = best(tag);
    let i = CATALOGUES.iter().position(|(l, _)| *l == lang).unwrap_or(0);
    made()[i]
        .get_or_init(|| Arc::new(Messages::for_locale(lang)))
        .clone()
}

/// Each language's messages, once made.
fn made() -> &'static [std::sync::OnceLock<Arc<Messages>>; CATALOGUES.len()] {
    static MADE: [std::sync::OnceLock<Arc<Messages>>; CATALOGUES.len()] =
        [const { std::sync::OnceLock::new() }; CATALOGUES.len()];
    &MADE
}

/// Every language's messages (for what must be recognised in any of them).
pub fn every_language() -> impl Iterator<Item = Arc<Messages>> {
    LANGUAGES.iter().map(|(tag, _)| messages_of(tag))
}

static CURRENT: RwLock<Option<Arc<Messages>>> = RwLock::new(None);
/// The language to speak from the first word on, parsed only if a word is needed before
/// [`set_current`] (see [`speak_later`]).
static LATER: RwLock<Option<String>> = RwLock::new(None);

/// The language this process speaks now (English until [`set_current`] or [`speak_later`]).
pub fn current() -> Arc<Messages> {
    if let Some(m) = CURRENT.read().unwrap_or_else(|e| e.into_inner()).as_ref() {
        return m.clone();
    }
    let mut slot = CURRENT.write().unwrap_or_else(|e| e.into_inner());
    let tag = LATER
        .write()
        .unwrap_or_else(|e| e.into_inner())
        .take()
        .unwrap_or_else(|| "en".into());
    slot.get_or_insert_with(|| messages_of(&tag)).clone()
}

/// Speaks `tag` from now on (see [`Messages::for_locale`]); returns those messages.
pub fn set_current(tag: &str) -> Arc<Messages> {
    let m = messages_of(tag);
    LATER.write().unwrap_or_else(|e| e.into_inner()).take();
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = Some(m.clone());
    m
}

/// Speaks `tag` from now on, its messages parsed when the first word is needed: a start that
/// speaks the system's language while it reads the person's choice (a notice about that file is
/// worded in it) parses it only if such a notice comes, and otherwise only the language chosen.
pub fn speak_later(tag: &str) {
    *LATER.write().unwrap_or_else(|e| e.into_inner()) = Some(tag.to_string());
    *CURRENT.write().unwrap_or_else(|e| e.into_inner()) = None;
}

/// Whether `tag`'s messages have been parsed in this process.
pub fn parsed(tag: &str) -> bool {
    let lang = best(tag);
    CATALOGUES
        .iter()
        .position(|(l, _)| *l == lang)
        .is_some_and(|i| made()[i].get().is_some())
}

/// Message `id` with `args` in the current language (see [`Messages::get`]).
pub fn t(id: &str, args: &[(&str, Arg)]) -> String {
    current().get(id, args)
}

/// A value for a message's placeable.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(n as i64)
    }
}

#[cfg(test)]
mod tests;

/*!
The words people read, in their language: Project Fluent message files (`locales/<lang>/
plugboard.ftl`, built in) for English, Portuguese (Brazil) and Spanish, chosen from the system
locale (`LC_ALL`, `LC_MESSAGES`, `LANG`) or `PLUGBOARD_LOCALE`, English where there is no better
match. The tray and the desktop notifications speak through it today ([`crate::attention`]); the
window and the command line are to follow.

`qps-ploc` is a pseudo-locale: every message comes out accented, lengthened and in brackets
(fluent-pseudo), so a test can tell text that went through a catalogue from text written in code.
Fluent's bidi isolation marks are off: these texts go to notification daemons and menus, which
show them as boxes.
*/

use std::borrow::Cow;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// The languages Plugboard speaks, with their message files.
const CATALOGUES: &[(&str, &str)] = &[
    ("en", include_str!("../locales/en/plugboard.ftl")),
    ("pt-BR", include_str!("../locales/pt-BR/plugboard.ftl")),
    ("es", include_str!("../locales/es/plugboard.ftl")),
];

/// The pseudo-locale's tag.
pub const PSEUDO: &str = "qps-ploc";

/// One language's messages.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
    lang: &'static str,
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
    let tag = tag.split(['.', '@']).next().unwrap_or("").replace('_', "-");
    let Ok(wanted) = tag.parse::<LanguageIdentifier>() else {
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

impl Messages {
    /// The messages for `tag` (a locale as the system spells it, or [`PSEUDO`]).
    pub fn for_locale(tag: &str) -> Self {
        let is_pseudo = tag == PSEUDO;
        let lang = if is_pseudo { "en" } else { best(tag) };
        let text = CATALOGUES
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| *t)
            .unwrap_or(CATALOGUES[0].1);
        let resource =
            FluentResource::try_new(text.to_string()).unwrap_or_else(|(resource, errors)| {
                log::error!("message file {lang} has errors: {errors:?}");
                resource
            });
        let id: LanguageIdentifier = lang.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        bundle.set_use_isolating(false);
        if is_pseudo {
            bundle.set_transform(Some(pseudo));
        }
        if let Err(errors) = bundle.add_resource(resource) {
            log::error!("message file {lang}: {errors:?}");
        }
        Self { bundle, lang }
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
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            log::warn!("message `{id}` in {}: {errors:?}", self.lang);
        }
        text.into_owned()
    }

    /// Every message id of the English catalogue (for tests that check the others keep up).
    pub fn ids() -> Vec<String> {
        let resource =
            FluentResource::try_new(CATALOGUES[0].1.to_string()).unwrap_or_else(|(r, _)| r);
        resource
            .entries()
            .filter_map(|e| match e {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }
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
mod tests {
    use super::*;

    #[test]
    fn the_system_locale_picks_the_nearest_catalogue() {
        assert_eq!(best("pt_BR.UTF-8"), "pt-BR");
        assert_eq!(best("pt_PT.UTF-8"), "pt-BR", "Portuguese is Brazil's here");
        assert_eq!(best("es_MX.UTF-8"), "es");
        assert_eq!(best("es"), "es");
        assert_eq!(best("de_DE.UTF-8"), "en");
        assert_eq!(best("C"), "en");
        assert_eq!(best(""), "en");
    }

    #[test]
    fn every_language_has_every_message_and_they_format() {
        // Each file parses whole: an entry Fluent cannot read would be silently missing.
        for (lang, text) in CATALOGUES {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("{lang}: {errors:?}");
            }
        }
        let ids = Messages::ids();
        assert!(ids.len() > 30, "{ids:?}");
        for lang in ["en", "pt-BR", "es"] {
            let m = Messages::for_locale(lang);
            assert_eq!(m.lang(), lang);
            for id in &ids {
                let text = m.get(
                    id,
                    &[
                        ("provider", "HubSpot".into()),
                        ("account", "ana@example.com".into()),
                        ("who", "HubSpot (ana@example.com)".into()),
                        ("status", "x".into()),
                        ("expiry", "y".into()),
                        ("headline", "z".into()),
                        ("count", 3usize.into()),
                        ("n", 2i64.into()),
                        ("left", 25i64.into()),
                        ("lasted", 20i64.into()),
                    ],
                );
                assert!(!text.is_empty() && &text != id, "{lang}: {id}");
                assert!(!text.contains('{'), "{lang}: {id}: {text}");
            }
        }
        let pt = Messages::for_locale("pt_BR.UTF-8");
        assert_eq!(
            pt.get("tray-needs-you", &[("count", 1usize.into())]),
            "1 conexão precisa de você"
        );
        assert_eq!(
            pt.get("tray-needs-you", &[("count", 2usize.into())]),
            "2 conexões precisam de você"
        );
    }
}

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
    for (lang, files) in CATALOGUES {
        for (file, text) in files.all() {
            if let Err((_, errors)) = FluentResource::try_new(text.to_string()) {
                panic!("{lang}/{file}: {errors:?}");
            }
        }
    }
    let ids = Messages::ids();
    assert!(ids.len() > 30, "{ids:?}");
    for lang in ["en", "pt-BR", "es"] {
        let m = Messages::for_locale(lang);
        assert_eq!(m.lang(), lang);
        let vars: std::collections::BTreeMap<String, Vec<String>> = CATALOGUES[0]
            .1
            .rust()
            .iter()
            .flat_map(|(_, text)| variables(text))
            .collect();
        for id in &ids {
            // Every variable given, as a number (so plural forms are chosen as they will be).
            let args: Vec<(&str, Arg)> = vars[id]
                .iter()
                .map(|v| (v.as_str(), Arg::Number(2)))
                .collect();
            let text = m.get(id, &args);
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
/// Each message's variables (`$name`), in its value and attributes.
fn variables(text: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
                for a in &arguments.named {
                    inline(&a.value, out);
                }
            }
            InlineExpression::Placeable { expression } => expr(expression, out),
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    pattern(&v.value, out);
                }
            }
        }
    }
    fn pattern(p: &Pattern<&str>, out: &mut Vec<String>) {
        for el in &p.elements {
            if let PatternElement::Placeable { expression } = el {
                expr(expression, out);
            }
        }
    }
    let resource = fluent_syntax::parser::parse(text).unwrap_or_else(|(r, _)| r);
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => {
                let mut out = Vec::new();
                if let Some(v) = &m.value {
                    pattern(v, &mut out);
                }
                for a in &m.attributes {
                    pattern(&a.value, &mut out);
                }
                out.sort();
                out.dedup();
                Some((m.id.name.to_string(), out))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn translations_have_the_same_messages_and_use_only_their_variables() {
    let english = &CATALOGUES[0].1;
    for (lang, files) in &CATALOGUES[1..] {
        for ((file, en), (_, other)) in english.all().iter().zip(files.all()) {
            if *file == "catalogue.ftl" {
                // Over builtin.toml's English, not a file: see catalogue/language.rs's tests.
                continue;
            }
            let en = variables(en);
            let other = variables(other);
            let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
            assert!(missing.is_empty(), "{lang}/{file} lacks {missing:?}");
            assert!(extra.is_empty(), "{lang}/{file} has unknown {extra:?}");
            for (id, vars) in &other {
                for v in vars {
                    // The provider's gender comes with every `$provider`.
                    if v == GENDER && en[id].iter().any(|e| e == "provider") {
                        continue;
                    }
                    assert!(
                        en[id].contains(v),
                        "{lang}/{file}: `{id}` uses ${v}, which English does not give"
                    );
                }
            }
        }
    }
}

#[test]
fn portuguese_puts_the_right_article_before_a_provider_and_none_before_an_unknown_one() {
    let pt = Messages::for_locale("pt-BR");
    let said = |id: &str, provider: &str| pt.get(id, &[("provider", provider.into())]);
    // Hotmart is feminine, WhatConverts masculine; Acme (a person's own) has no article.
    assert_eq!(said("signed-in-title", "Hotmart"), "Conectado à Hotmart");
    assert_eq!(
        said("signed-in-title", "WhatConverts"),
        "Conectado ao WhatConverts"
    );
    assert_eq!(said("signed-in-title", "Acme"), "Conectado a Acme");
    assert_eq!(
        said("error-invalid-grant", "Hotmart"),
        "A Hotmart não aceita mais este login. Conecte de novo."
    );
    assert_eq!(
        said("error-invalid-grant", "Ecwid"),
        "O Ecwid não aceita mais este login. Conecte de novo."
    );
    assert_eq!(
        said("error-invalid-grant", "Acme"),
        "Acme não aceita mais este login. Conecte de novo."
    );
    // Plugboard's own word when it cannot name the provider.
    let unnamed = pt.get("error-some-provider", &[]);
    assert_eq!(
        said("error-invalid-grant", &unnamed),
        "O provedor não aceita mais este login. Conecte de novo."
    );
    // English has no articles to choose; the gender is given all the same.
    let en = Messages::for_locale("en");
    assert_eq!(
        en.get("signed-in-title", &[("provider", "Hotmart".into())]),
        "Connected to Hotmart"
    );

    // The page formats its own messages with the genders sent to it.
    let window = pt.window(None);
    assert_eq!(window.genders["Hotmart"], "feminine");
    assert_eq!(window.genders["HubSpot"], "masculine");
    let mut bundle = FluentBundle::new_concurrent(vec!["pt-BR".parse().unwrap()]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(FluentResource::try_new(window.ftl).unwrap())
        .unwrap();
    let continue_to = |provider: &str| {
        let mut args = FluentArgs::new();
        args.set("provider", provider);
        let gender = window.genders.get(provider).copied().unwrap_or("other");
        args.set(GENDER, gender);
        let pattern = bundle
            .get_message("form-continue-to")
            .unwrap()
            .value()
            .unwrap();
        bundle
            .format_pattern(pattern, Some(&args), &mut vec![])
            .into_owned()
    };
    assert_eq!(continue_to("Hotmart"), "Continuar para a Hotmart");
    assert_eq!(continue_to("HubSpot"), "Continuar para o HubSpot");
    assert_eq!(continue_to("Acme"), "Continuar para Acme");
}

#[test]
fn spanish_names_a_brand_without_an_article_and_the_unnamed_provider_with_one() {
    let es = Messages::for_locale("es");
    let said = |id: &str, provider: &str| es.get(id, &[("provider", provider.into())]);
    assert_eq!(
        said("error-invalid-grant", "Hotmart"),
        "Hotmart ya no acepta este inicio de sesión. Vuelve a conectar."
    );
    // Plugboard's own word when it cannot name the provider: "el proveedor", "del", "al".
    let unnamed = es.get("error-some-provider", &[]);
    assert_eq!(
        said("error-invalid-grant", &unnamed),
        "El proveedor ya no acepta este inicio de sesión. Vuelve a conectar."
    );
    assert!(said("error-loopback", &unnamed).contains("inicio de sesión del proveedor:"));
    assert_eq!(said("signed-in-title", &unnamed), "Conectado al proveedor");
    assert_eq!(said("signed-in-title", "HubSpot"), "Conectado a HubSpot");
    let shell_unnamed = es.get("shell-the-provider", &[]);
    assert!(
        said("shell-confirm-copy-refresh", &shell_unnamed).contains("esta cuenta del proveedor.")
    );
}

#[test]
fn the_forced_locale_wins_then_the_chosen_then_the_system() {
    assert_eq!(
        pick(Some("qps-ploc"), Some("es"), Some("pt_BR")),
        "qps-ploc"
    );
    assert_eq!(pick(None, Some("es"), Some("pt_BR.UTF-8")), "es");
    assert_eq!(pick(None, Some(""), Some("pt_BR.UTF-8")), "pt_BR.UTF-8");
    assert_eq!(pick(None, None, None), "en");
    let window = Messages::for_locale("es_AR.UTF-8").window(Some("es_AR.UTF-8"));
    assert_eq!((window.lang, window.pseudo), ("es", false));
    assert_eq!(window.region.as_deref(), Some("es-AR"));
    let english = Messages::for_locale("en").window(Some("en_GB.UTF-8"));
    assert_eq!(english.region.as_deref(), Some("en-GB"));
    // English chosen on a German system: English dates, not German ones.
    assert_eq!(
        Messages::for_locale("en")
            .window(Some("de_DE.UTF-8"))
            .region,
        None
    );
    assert!(Messages::for_locale(PSEUDO).window(None).pseudo);
    for (tag, _) in LANGUAGES {
        assert_eq!(Messages::for_locale(tag).lang(), *tag);
    }
}

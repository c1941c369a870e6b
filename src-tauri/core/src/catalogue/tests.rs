//! Table-wide tests of the built-in catalogue (ripgrep's FLAGS-table habit) and validation tests that
//! show each rule rejecting what it should, with an error that names the provider and field.

use super::*;

fn builtin() -> Catalogue {
    Catalogue::builtin().expect("the built-in catalogue validates")
}

fn file_origin() -> Origin {
    Origin::File(PathBuf::from("/home/ana/.config/plugboard/providers.toml"))
}

fn parse_err(text: &str, origin: &Origin) -> String {
    Catalogue::parse(text, origin)
        .expect_err("should be rejected")
        .to_string()
}

/// A minimal valid provider, for tests that then break one field.
const MINIMAL: &str = r#"
[[provider]]
id = "acme"
name = "Acme"
[[provider.method]]
kind = "authorization_code"
authorize_url = "https://acme.example/authorize"
token_url = "https://acme.example/token"
"#;

#[test]
fn builtin_catalogue_lists_its_providers_in_the_order_of_its_file() {
    // Derived from the file, so a fifth provider needs no edit here: the cards follow the table.
    let cat = builtin();
    let ids: Vec<&str> = cat.providers().iter().map(|p| p.id.as_str()).collect();
    let file: toml::Value = toml::from_str(super::BUILTIN).unwrap();
    let in_file: Vec<&str> = file["provider"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, in_file);
    assert!(ids.len() >= 4, "{ids:?}");
}

#[test]
fn builtin_provider_ids_are_unique() {
    let cat = builtin();
    let ids: HashSet<&str> = cat.providers().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.len(), cat.providers().len());
}

#[test]
fn builtin_endpoints_all_use_https() {
    for p in builtin().providers() {
        for (field, e) in p.endpoints() {
            assert_eq!(
                e.url().scheme(),
                "https",
                "{} {field} = {}",
                p.id,
                e.as_str()
            );
        }
        for (field, t) in p.templates() {
            let filled = t.fill(|name| {
                Some(if name == "api_base" {
                    "https://x.example".into()
                } else {
                    "v".into()
                })
            });
            assert!(
                filled.starts_with("https://"),
                "{} {field} = {}",
                p.id,
                t.as_str()
            );
        }
    }
}

#[test]
fn builtin_methods_are_complete() {
    for p in builtin().providers() {
        assert!(!p.methods.is_empty(), "{} has no method", p.id);
        for m in &p.methods {
            assert!(
                !m.label().trim().is_empty(),
                "{} has an unlabelled method",
                p.id
            );
            match m {
                Method::AuthorizationCode(a) => {
                    assert!(
                        !a.scopes.is_empty(),
                        "{}: authorization_code without scopes",
                        p.id
                    );
                    assert_ne!(a.authorize_url.as_str(), a.token_url.as_str());
                }
                Method::ClientCredentials(c) => {
                    assert!(c.check_url.is_some(), "{}: no check_url", p.id)
                }
                Method::ApiKey(k) => assert!(k.fields.iter().any(|f| f.secret)),
            }
        }
        assert!(
            p.revoke.is_some() || p.revoke_note.is_some(),
            "{} must say how disconnecting works",
            p.id
        );
        assert!(
            p.credentials_help.is_some() && p.developer_url.is_some(),
            "{} must say where credentials come from",
            p.id
        );
    }
}

#[test]
fn builtin_default_methods_are_what_each_provider_documents() {
    let cat = builtin();
    let default = |id: &str| cat.get(id).unwrap().default_method().kind();
    assert_eq!(default("hubspot"), MethodKind::AuthorizationCode);
    assert_eq!(default("ecwid"), MethodKind::AuthorizationCode);
    assert_eq!(default("hotmart"), MethodKind::ClientCredentials);
    assert_eq!(default("whatconverts"), MethodKind::ApiKey);
}

#[test]
fn builtin_alternative_methods_follow_the_source_texts() {
    let cat = builtin();
    let code = |id: &str| match cat.get(id).unwrap().method(MethodKind::AuthorizationCode) {
        Some(Method::AuthorizationCode(m)) => m.clone(),
        _ => panic!("{id} has no authorization_code method"),
    };
    assert_eq!(code("hotmart").scopes, ["all"]);
    assert_eq!(code("whatconverts").scopes, ["read_leads"]);
    assert_eq!(
        code("hotmart").token_url.as_str(),
        "https://api-sec-vlc.hotmart.com/security/oauth/token"
    );
}

#[test]
fn hubspot_uses_a_localhost_loopback_redirect_because_it_rejects_custom_schemes() {
    let cat = builtin();
    let uri = cat
        .get("hubspot")
        .unwrap()
        .default_method()
        .redirect_uri()
        .unwrap();
    assert_eq!(uri, "http://localhost:53682/oauth/callback");
    let ecwid = cat
        .get("ecwid")
        .unwrap()
        .default_method()
        .redirect_uri()
        .unwrap();
    assert_eq!(ecwid, "dev.plugboard.desktop:/oauth/callback");
}

#[test]
fn hotmart_mints_with_query_parameters_and_basic_auth_per_environment() {
    let cat = builtin();
    let hotmart = cat.get("hotmart").unwrap();
    let Method::ClientCredentials(cc) = hotmart.default_method() else {
        panic!()
    };
    assert_eq!(cc.params_in, ParamsIn::Query);
    assert_eq!(cc.client_auth, ClientAuth::Basic);
    let envs: Vec<&str> = hotmart.environments.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(envs, ["production", "sandbox"]);
}

#[test]
fn hubspot_revokes_and_introspects_on_its_dated_api_and_ecwid_explains_it_cannot_revoke() {
    let cat = builtin();
    let hubspot = cat.get("hubspot").unwrap();
    let hs = hubspot.revoke.as_ref().unwrap();
    assert_eq!(hs.http_method, RevokeMethod::Post);
    assert_eq!(hs.client_auth, Some(ClientAuth::RequestBody));
    assert_eq!(
        hs.url.as_str(),
        "https://api.hubapi.com/oauth/2026-03/token/revoke"
    );
    assert!(hs.url.placeholders().is_empty(), "no token in the URL");
    let i = hubspot.introspection.as_ref().unwrap();
    assert_eq!(
        i.url.as_str(),
        "https://api.hubapi.com/oauth/2026-03/token/introspect"
    );
    assert_eq!(i.client_auth, Some(ClientAuth::RequestBody));
    assert_eq!(
        (i.scopes_field.as_str(), i.scopes_format),
        ("scopes", ScopesFormat::Array)
    );
    let Method::AuthorizationCode(m) = hubspot.default_method() else {
        panic!()
    };
    assert_eq!(
        m.token_url.as_str(),
        "https://api.hubapi.com/oauth/2026-03/token"
    );
    assert!(
        m.identity_url.is_none(),
        "the v1 token-info call is retired"
    );
    assert!(m.redirect_uri_on_refresh);
    let ecwid = cat.get("ecwid").unwrap();
    assert!(ecwid.revoke.is_none());
    assert_eq!(
        ecwid.revoke_note.as_deref(),
        Some("Ecwid has no revoke: uninstall the app in your Ecwid admin.")
    );
}

#[test]
fn introspection_and_revoke_are_data_a_users_file_can_declare() {
    let text = MINIMAL.replace(
        "name = \"Acme\"",
        "name = \"Acme\"\nrevoke = { url = \"https://acme.example/revoke\", client_auth = \"basic\" }",
    ) + r#"
[provider.introspection]
url = "https://acme.example/introspect"
client_auth = "none"
scopes_field = "granted"
scopes_format = "array"
"#;
    let cat = Catalogue::parse(&text, &file_origin()).unwrap();
    let acme = cat.get("acme").unwrap();
    let r = acme.revoke.as_ref().unwrap();
    assert_eq!(
        (r.http_method, r.client_auth),
        (RevokeMethod::Post, Some(ClientAuth::Basic))
    );
    let i = acme.introspection.as_ref().unwrap();
    assert_eq!(i.client_auth, Some(ClientAuth::None));
    assert_eq!(
        (i.scopes_field.as_str(), i.scopes_format),
        ("granted", ScopesFormat::Array)
    );
    assert!(acme
        .endpoints()
        .iter()
        .any(|(f, _)| *f == "introspection.url"));
    // The short form keeps RFC 7662's defaults.
    let short = MINIMAL.replace(
        "name = \"Acme\"",
        "name = \"Acme\"\nintrospection_url = \"https://acme.example/introspect\"",
    );
    let cat = Catalogue::parse(&short, &file_origin()).unwrap();
    let i = cat.get("acme").unwrap().introspection.clone().unwrap();
    assert_eq!(i.client_auth, None);
    assert_eq!(
        (i.scopes_field.as_str(), i.scopes_format),
        ("scope", ScopesFormat::SpaceSeparated)
    );
}

#[test]
fn introspection_and_revoke_declarations_are_validated_field_by_field() {
    let with = |provider_lines: &str| {
        MINIMAL.replace(
            "name = \"Acme\"",
            &format!("name = \"Acme\"\n{provider_lines}"),
        )
    };
    let cases = [
        (
            "introspection_url = \"https://a.example/i\"\nintrospection = { url = \"https://a.example/i\" }",
            "field `introspection_url`: give either introspection_url or [provider.introspection], not both",
        ),
        (
            "introspection = { url = \"https://a.example/i\", scopes_format = \"csv\" }",
            "field `introspection.scopes_format`: `csv` must be space_separated or array",
        ),
        (
            "introspection = { url = \"https://a.example/i\", scopes_field = \"a.b\" }",
            "field `introspection.scopes_field`: `a.b` must be the name of a field of the answer (letters, digits, `_`, `-`)",
        ),
        (
            "introspection = { url = \"https://a.example/i\", client_auth = \"mtls\" }",
            "field `introspection.client_auth`: `mtls` must be basic, request_body or none",
        ),
        (
            "introspection = { url = \"http://a.example/i\" }",
            "field `introspection.url`: `http://a.example/i` must use https (plain http only on 127.0.0.1 or localhost)",
        ),
        (
            "revoke = { url = \"https://a.example/r/{refresh_token}\", method = \"DELETE\", client_auth = \"basic\" }",
            "field `revoke.client_auth`: applies to POST revokes only (a DELETE sends no form)",
        ),
    ];
    for (lines, problem) in cases {
        let err = parse_err(&with(lines), &file_origin());
        assert!(err.ends_with(problem), "{lines}: {err}");
    }
    let foreign = MINIMAL.replace(
        "kind = ",
        "redirect_uri_on_refresh = true\nkind = \"api_key\"\nxkind = ",
    );
    assert!(Catalogue::parse(&foreign, &file_origin()).is_err());
}

#[test]
fn a_minimal_provider_gets_sensible_defaults() {
    let cat = Catalogue::parse(MINIMAL, &Origin::BuiltIn).unwrap();
    let Method::AuthorizationCode(m) = cat.get("acme").unwrap().default_method() else {
        panic!()
    };
    assert_eq!(m.label, "Sign in with Acme");
    assert_eq!(m.body_format, BodyFormat::Form);
    assert_eq!(m.client_auth, ClientAuth::RequestBody);
    assert_eq!(m.redirect, RedirectMode::DeepLink);
}

#[test]
fn duplicate_ids_are_rejected() {
    let text = format!("{MINIMAL}{MINIMAL}");
    assert_eq!(
        parse_err(&text, &Origin::BuiltIn),
        "built-in catalogue: provider `acme`, field `id`: is used by another provider; ids must be unique"
    );
}

#[test]
fn builtin_http_endpoints_are_rejected_even_on_loopback() {
    let text = MINIMAL.replace("https://acme.example/token", "http://127.0.0.1:8080/token");
    assert_eq!(
        parse_err(&text, &Origin::BuiltIn),
        "built-in catalogue: provider `acme`, field `method.token_url`: built-in endpoints must use https"
    );
}

#[test]
fn a_users_file_may_use_http_on_loopback_only() {
    let local = MINIMAL.replace("https://acme.example/token", "http://127.0.0.1:8080/token");
    assert!(Catalogue::parse(&local, &file_origin()).is_ok());
    let remote = MINIMAL.replace("https://acme.example/token", "http://acme.example/token");
    assert_eq!(
        parse_err(&remote, &file_origin()),
        "/home/ana/.config/plugboard/providers.toml: provider `acme`, field `method.token_url`: \
         `http://acme.example/token` must use https (plain http only on 127.0.0.1 or localhost)"
    );
}

#[test]
fn unknown_fields_are_reported_not_ignored() {
    let text = MINIMAL.replace("kind = ", "tokn_url = \"x\"\nkind = ");
    let err = parse_err(&text, &file_origin());
    assert!(
        err.starts_with("/home/ana/.config/plugboard/providers.toml: "),
        "{err}"
    );
    assert!(err.contains("tokn_url"), "{err}");
}

#[test]
fn a_method_missing_a_required_field_names_it() {
    let text = MINIMAL.replace("token_url = \"https://acme.example/token\"\n", "");
    assert_eq!(
        parse_err(&text, &Origin::BuiltIn),
        "built-in catalogue: provider `acme`, field `method.token_url`: is required for authorization_code methods"
    );
}

#[test]
fn fields_of_another_method_kind_are_rejected() {
    let text = MINIMAL.replace("kind = ", "params_in = \"query\"\nkind = ");
    assert_eq!(
        parse_err(&text, &Origin::BuiltIn),
        "built-in catalogue: provider `acme`, field `method.params_in`: does not apply to authorization_code methods"
    );
}

#[test]
fn default_method_must_be_one_of_the_providers_methods() {
    let text = MINIMAL.replace(
        "name = \"Acme\"",
        "name = \"Acme\"\ndefault_method = \"api_key\"",
    );
    assert_eq!(
        parse_err(&text, &Origin::BuiltIn),
        "built-in catalogue: provider `acme`, field `default_method`: `api_key` is not one of this provider's methods"
    );
}

#[test]
fn templates_accept_only_known_placeholders() {
    let text = format!("{MINIMAL}identity_url = \"https://acme.example/me/{{user}}\"\n");
    let err = parse_err(&text, &Origin::BuiltIn);
    assert!(
        err.contains("field `method.identity_url`: unknown placeholder `{user}`"),
        "{err}"
    );
}

#[test]
fn loopback_redirects_need_a_fixed_port_on_a_loopback_host() {
    let no_port = format!("{MINIMAL}redirect = {{ mode = \"loopback\" }}\n");
    assert!(parse_err(&no_port, &Origin::BuiltIn).contains("field `method.redirect.port`"));
    let remote = format!(
        "{MINIMAL}redirect = {{ mode = \"loopback\", host = \"example.com\", port = 8080 }}\n"
    );
    assert!(parse_err(&remote, &Origin::BuiltIn).contains("must be 127.0.0.1, localhost or [::1]"));
}

#[test]
fn bad_ids_and_colours_are_rejected() {
    assert!(parse_err(
        &MINIMAL.replace("\"acme\"", "\"Acme Inc\""),
        &Origin::BuiltIn
    )
    .contains("field `id`"));
    let text = MINIMAL.replace("name = \"Acme\"", "name = \"Acme\"\naccent = \"red\"");
    assert!(parse_err(&text, &Origin::BuiltIn)
        .contains("field `accent`: `red` is not a #rrggbb colour"));
}

#[test]
fn syntax_errors_name_the_file() {
    let err = parse_err("[[provider]\nid=", &file_origin());
    assert!(
        err.starts_with("/home/ana/.config/plugboard/providers.toml: "),
        "{err}"
    );
}

#[test]
fn url_templates_fill_their_placeholders() {
    let t = UrlTemplate("https://app.ecwid.com/api/v3/{store_id}/profile".into());
    assert_eq!(t.placeholders(), ["store_id"]);
    assert_eq!(
        t.fill(|_| Some("1003".into())),
        "https://app.ecwid.com/api/v3/1003/profile"
    );
}

#[test]
fn a_users_file_replaces_a_builtin_provider_adds_new_ones_and_brings_credentials() {
    let user = r#"
[[provider]]
id = "hubspot"
name = "HubSpot (staging)"
[[provider.method]]
kind = "authorization_code"
authorize_url = "http://127.0.0.1:9000/authorize"
token_url = "http://127.0.0.1:9000/token"

[[provider]]
id = "acme"
name = "Acme"
[[provider.method]]
kind = "api_key"
check_url = "https://acme.example/me"
fields = [{ id = "key", label = "API key", secret = true }]

[credentials.hubspot]
client_id = "hs-id"
client_secret = "hs-secret"
"#;
    let merged = builtin().with_user_file(Catalogue::parse(user, &file_origin()).unwrap());
    let ids: Vec<&str> = merged.providers().iter().map(|p| p.id.as_str()).collect();
    // The built-in ones first, in their order, then the file's own.
    let own = builtin();
    let mut expected: Vec<&str> = own.providers().iter().map(|p| p.id.as_str()).collect();
    expected.push("acme");
    assert_eq!(ids, expected);
    assert_eq!(merged.get("hubspot").unwrap().name, "HubSpot (staging)");
    let creds = merged.file_credentials();
    assert_eq!(creds.len(), 1);
    assert_eq!(creds[0].client_id, "hs-id");
    assert!(!format!("{creds:?}").contains("hs-secret"));
    assert!(Catalogue::parse("[credentials.x]\nclient_id = \"a\"\n", &Origin::BuiltIn).is_err());
}

#[test]
fn a_file_cannot_set_the_parameters_plugboard_sets_itself_nor_odd_token_types() {
    for reserved in [
        "client_id",
        "redirect_uri",
        "response_type",
        "scope",
        "state",
        "code_challenge",
        "code_challenge_method",
    ] {
        let text = format!("{MINIMAL}extra_authorize_params = {{ {reserved} = \"x\" }}\n");
        let e = parse_err(&text, &file_origin());
        assert!(e.contains("is set by Plugboard itself"), "{reserved}: {e}");
    }
    let e = parse_err(
        &format!("{MINIMAL}token_types = [\"two words\"]\n"),
        &file_origin(),
    );
    assert!(e.contains("method.token_types"), "{e}");
    let ok = Catalogue::parse(
        &format!("{MINIMAL}token_types = [\"MAC\"]\n"),
        &file_origin(),
    )
    .unwrap();
    let rules = ok
        .get("acme")
        .unwrap()
        .token_rules(MethodKind::AuthorizationCode);
    assert_eq!(rules.token_types, ["mac"]);
}

#[test]
fn optional_scopes_need_an_id_without_spaces_a_description_and_no_repeats() {
    let with = |scopes: &str| format!("{MINIMAL}scopes = [\"read\"]\noptional_scopes = {scopes}\n");
    let ok = Catalogue::parse(
        &with(r#"[{ id = "write", description = "Change things" }]"#),
        &Origin::BuiltIn,
    )
    .unwrap();
    let method = ok.get("acme").unwrap().authorization_code().unwrap();
    assert_eq!(method.optional_scopes[0].id, "write");
    for (bad, says) in [
        (r#"[{ id = "a b", description = "x" }]"#, "no spaces"),
        (
            r#"[{ id = "write", description = " " }]"#,
            "needs a description",
        ),
        (r#"[{ id = "read", description = "x" }]"#, "listed twice"),
        (
            r#"[{ id = "w", description = "x" }, { id = "w", description = "y" }]"#,
            "listed twice",
        ),
    ] {
        let e = parse_err(&with(bad), &Origin::BuiltIn);
        assert!(
            e.contains("method.optional_scopes") && e.contains(says),
            "{bad}: {e}"
        );
    }
    // HubSpot offers its CRM objects, each in words.
    let hubspot = builtin();
    let offered = &hubspot
        .get("hubspot")
        .unwrap()
        .authorization_code()
        .unwrap()
        .optional_scopes;
    assert!(offered
        .iter()
        .any(|s| s.id == "crm.objects.deals.read" && s.description == "See deals"));
}

#[test]
fn every_value_has_a_limit_and_the_error_names_the_file_provider_and_field() {
    let long = |n: usize| "x".repeat(n);
    // Just within each limit: accepted.
    let within = MINIMAL.replace("name = \"Acme\"", &format!("name = \"{}\"", long(NAME_MAX)));
    Catalogue::parse(&within, &file_origin()).unwrap();
    // One over: refused, naming the file, the provider and the field.
    let cases = [
        (
            MINIMAL.replace(
                "name = \"Acme\"",
                &format!("name = \"{}\"", long(NAME_MAX + 1)),
            ),
            "name",
        ),
        (
            MINIMAL.replace(
                "kind = \"authorization_code\"",
                &format!(
                    "kind = \"authorization_code\"\nlabel = \"{}\"",
                    long(LABEL_MAX + 1)
                ),
            ),
            "method.label",
        ),
        (
            format!(
                "{MINIMAL}\nscopes = [{}]",
                vec!["\"s\""; LIST_MAX + 1].join(", ")
            ),
            "method.scopes",
        ),
        (
            format!("{MINIMAL}\nscopes = [\"{}\"]", long(WORD_MAX + 1)),
            "method.scopes",
        ),
        (
            MINIMAL.replace(
                "https://acme.example/token",
                &format!("https://acme.example/{}", long(URL_MAX)),
            ),
            "method.token_url",
        ),
        (
            MINIMAL.replace(
                "name = \"Acme\"",
                &format!("name = \"Acme\"\nrevoke_note = \"{}\"", long(TEXT_MAX + 1)),
            ),
            "revoke_note",
        ),
        (
            MINIMAL.replace(
                "name = \"Acme\"",
                &format!(
                    "name = \"Acme\"\nsetup_steps = [{}]",
                    vec!["\"a\""; LIST_MAX + 1].join(",")
                ),
            ),
            "setup_steps",
        ),
        (
            format!(
                "{MINIMAL}\n[credentials.acme]\nclient_id = \"{}\"",
                long(CREDENTIAL_MAX + 1)
            ),
            "credentials.client_id",
        ),
    ];
    for (text, field) in cases {
        let e = Catalogue::parse(&text, &file_origin()).expect_err(field);
        assert!(
            matches!(&e, CatalogueError::TooLong { field: f, provider, .. } if f == field && provider == "acme"),
            "{field}: {e:?}"
        );
        let words = e.words();
        assert!(
            words.starts_with("/home/ana/.config/plugboard/providers.toml")
                && words.contains("acme")
                && words.contains(&format!("`{field}`")),
            "{words}"
        );
        assert!(
            words.len() < 300,
            "the value itself is not repeated: {words}"
        );
    }
    // In the person's language.
    let e = Catalogue::parse(&cases_name_too_long(), &file_origin()).unwrap_err();
    assert_eq!(
        e.words(),
        format!(
            "/home/ana/.config/plugboard/providers.toml: provider “acme”, field `name`: longer than {NAME_MAX} characters. Shorten it."
        )
    );
}

fn cases_name_too_long() -> String {
    MINIMAL.replace(
        "name = \"Acme\"",
        &format!("name = \"{}\"", "x".repeat(NAME_MAX + 1)),
    )
}

#[test]
fn a_huge_provider_id_is_named_short_and_safe_in_its_error() {
    let text = MINIMAL.replace(
        "id = \"acme\"",
        &format!("id = \"\\u001b[2J{}\"", "a".repeat(1_000_000)),
    );
    let e = parse_err(&text, &file_origin());
    assert!(e.len() < 400, "{}", &e[..400]);
    assert!(e.contains("\\u{1b}[2Jaaa") && e.contains('…'), "{e}");
    assert!(!e.contains('\u{1b}'));
}

#[test]
fn ids_scopes_and_addresses_hold_no_control_or_direction_characters() {
    for (text, field) in [
        (
            format!("{MINIMAL}\nscopes = [\"read\\u202e\"]"),
            "method.scopes",
        ),
        (
            MINIMAL.replace(
                "https://acme.example/token",
                "https://acme.example/\\u001b[2J",
            ),
            "method.token_url",
        ),
        (
            format!("{MINIMAL}\n[credentials.acme]\nclient_id = \"id\\u0007\""),
            "credentials.client_id",
        ),
    ] {
        let e = parse_err(&text, &file_origin());
        assert!(
            e.contains(&format!("field `{field}`: must not contain control")),
            "{e}"
        );
    }
    // A name or a note may (it is shown escaped).
    let text = MINIMAL.replace(
        "name = \"Acme\"",
        "name = \"Acme\\u202e\"\nrevoke_note = \"a\\u001b[2J\"",
    );
    let cat = Catalogue::parse(&text, &file_origin()).unwrap();
    assert_eq!(
        cat.get("acme").unwrap().name,
        "Acme\u{202e}",
        "kept as data"
    );
}

/// A built-in provider is its catalogue entry, its translations, its simulator routes and its
/// docs. Adding one to `builtin.toml` without the others fails here (or, for a translation,
/// `catalogue::language::tests::every_built_in_catalogue_text_has_its_message…` and the i18n test, which need
/// every text's message in every language).
#[test]
fn every_built_in_provider_has_every_piece() {
    let docs = include_str!("../../../../docs/providers.md");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let sim = runtime.block_on(plugboard_sim::Simulator::start()).unwrap();
    let simulated = Catalogue::parse(&sim.demo_toml(53682), &Origin::File("sim.toml".into()))
        .expect("the simulator's table validates");
    for p in builtin().providers() {
        let id = p.id.as_str();
        assert!(
            plugboard_sim::PROVIDERS.contains(&id),
            "{id}: the simulator does not read this provider (src-tauri/sim: its routes, PROVIDERS)"
        );
        let mine = simulated
            .get(id)
            .unwrap_or_else(|| panic!("{id}: not in src-tauri/sim/src/providers.toml.in"));
        assert_eq!(
            mine.methods.iter().map(Method::kind).collect::<Vec<_>>(),
            p.methods.iter().map(Method::kind).collect::<Vec<_>>(),
            "{id}: the simulator's table offers other sign-in methods"
        );
        assert!(
            simulated
                .file_credentials()
                .iter()
                .any(|c| c.provider == id),
            "{id}: demo mode has no credentials for it"
        );
        assert!(
            docs.lines().any(|l| l.trim() == format!("## {}", p.name)),
            "{id}: docs/providers.md has no section `## {}`",
            p.name
        );
        assert!(
            crate::setup::demo_help(id).is_some_and(|h| h.contains(&p.name)),
            "{id}: demo mode's card does not name it"
        );
    }
}

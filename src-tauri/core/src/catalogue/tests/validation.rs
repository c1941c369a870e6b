//! The rules a provider file is held to, each shown rejecting what it should: duplicate ids,
//! http endpoints (only a user's file, only on loopback), methods missing or mixing fields,
//! default methods, templates, loopback redirects, ids and colours, the parameters Plugboard sets
//! itself, optional scopes, and introspection and revoke declarations.

use super::*;

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

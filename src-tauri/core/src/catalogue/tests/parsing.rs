//! Reading a provider file: the defaults a minimal provider gets, introspection and revoke as
//! data, URL templates filled in, syntax errors and unknown fields named, and a user's file
//! merged over the built-in table.

use super::*;

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

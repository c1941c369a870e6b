//! The limits on every value of a provider file (lengths, list sizes) and the characters ids,
//! scopes and addresses may not hold (control and direction characters); the errors say which
//! file, provider and field, short and safe even when the value is huge.

use super::*;

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

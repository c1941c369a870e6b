//! The built-in table as a whole: its order, unique ids, https endpoints, complete methods, and
//! what each provider's documentation says about its methods, redirect, revoke and introspection.

use super::*;

#[test]
fn builtin_catalogue_lists_its_providers_in_the_order_of_its_file() {
    // Derived from the file, so a fifth provider needs no edit here: the cards follow the table.
    let cat = builtin();
    let ids: Vec<&str> = cat.providers().iter().map(|p| p.id.as_str()).collect();
    let file: toml::Value = toml::from_str(crate::catalogue::BUILTIN).unwrap();
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
        Some("Ecwid cannot end Plugboard's access on request: uninstall the app in your Ecwid admin.")
    );
}

//! Exact requests, built from the built-in catalogue: what each provider documents.

use std::collections::HashMap;

use super::*;
use crate::catalogue::{AuthorizationCode, BodyFormat, Catalogue, ClientAuth, Method, MethodKind};
use crate::secret::{self, ClientSecret, PkceVerifier, RefreshToken, SecretString};
use crate::tokens::parse_token_response;
use crate::tokens::{TokenRules, TokenSet};
use url::Url;

fn catalogue() -> Catalogue {
    Catalogue::builtin().unwrap()
}

fn code_method(cat: &Catalogue, id: &str) -> AuthorizationCode {
    match cat.get(id).unwrap().method(MethodKind::AuthorizationCode) {
        Some(Method::AuthorizationCode(m)) => (**m).clone(),
        _ => panic!("{id} has no authorization_code method"),
    }
}

fn creds() -> AppCredentials {
    AppCredentials {
        client_id: "client-1".into(),
        client_secret: Some(ClientSecret::new("shh")),
    }
}

fn query(url: &str) -> HashMap<String, String> {
    Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

fn form(req: &PreparedRequest) -> HashMap<String, String> {
    url::form_urlencoded::parse(req.body_text().unwrap().as_bytes())
        .into_owned()
        .collect()
}

#[test]
fn the_authorize_url_carries_pkce_s256_state_and_the_exact_redirect_uri() {
    let cat = catalogue();
    let hubspot = cat.get("hubspot").unwrap();
    let method = code_method(&cat, "hubspot");
    let flows = PendingFlows::default();
    let (url, state) = flows.begin(
        hubspot,
        &method,
        &creds(),
        "http://localhost:53682/oauth/callback",
        1000,
    );
    assert!(url
        .as_str()
        .starts_with("https://app.hubspot.com/oauth/authorize?"));
    let q = query(url.as_str());
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], "client-1");
    assert_eq!(q["redirect_uri"], "http://localhost:53682/oauth/callback");
    assert_eq!(q["scope"], "oauth crm.objects.contacts.read");
    assert_eq!(q["state"], state);
    assert_eq!(q["code_challenge_method"], "S256");
    assert_eq!(q["code_challenge"].len(), 43, "base64url of a SHA-256");
    assert!(state.len() >= 16);
    let flow = flows.take(&state).unwrap();
    assert_eq!(flow.expires_at, 1000 + 600);
    // The challenge is the S256 of the stored verifier.
    let expected = flow.verifier.challenge();
    assert_eq!(q["code_challenge"], expected.as_str());
}

#[test]
fn a_pending_flow_can_be_taken_only_once_and_states_differ() {
    let cat = catalogue();
    let ecwid = cat.get("ecwid").unwrap();
    let method = code_method(&cat, "ecwid");
    let flows = PendingFlows::default();
    let (_, a) = flows.begin(ecwid, &method, &creds(), "x:/cb", 0);
    let (_, b) = flows.begin(ecwid, &method, &creds(), "x:/cb", 0);
    assert_ne!(a, b);
    assert!(flows.take(&a).is_some());
    assert!(flows.take(&a).is_none(), "a second delivery finds nothing");
    assert!(flows.take("forged").is_none());
    assert!(flows.is_pending(&ecwid.id));
    assert_eq!(flows.cancel(&ecwid.id), 1);
    assert!(!flows.is_pending(&ecwid.id));
}

#[test]
fn the_code_exchange_is_a_form_with_client_credentials_in_the_body() {
    let cat = catalogue();
    let method = code_method(&cat, "hubspot");
    let verifier = PkceVerifier::new("v".repeat(43));
    let req = token_request(
        &method,
        &creds(),
        &secret::AuthorizationCode::new("code-1"),
        &verifier,
        "http://localhost:53682/oauth/callback",
        |_| None,
    )
    .unwrap();
    assert_eq!(req.method, "POST");
    assert_eq!(req.url, "https://api.hubapi.com/oauth/2026-03/token");
    assert_eq!(
        req.body.as_ref().unwrap().0,
        "application/x-www-form-urlencoded"
    );
    let f = form(&req);
    assert_eq!(f["grant_type"], "authorization_code");
    assert_eq!(f["code"], "code-1");
    assert_eq!(f["redirect_uri"], "http://localhost:53682/oauth/callback");
    assert_eq!(f["code_verifier"], "v".repeat(43));
    assert_eq!(f["client_id"], "client-1");
    assert_eq!(f["client_secret"], "shh");
    assert_eq!(req.header_value("Authorization"), None);
}

#[test]
fn basic_and_json_variants_follow_the_catalogue() {
    let cat = catalogue();
    let mut method = code_method(&cat, "ecwid");
    method.client_auth = ClientAuth::Basic;
    method.body_format = BodyFormat::Json;
    let store = |k: &str| (k == "store_id").then(|| "1003".to_string());
    let req = refresh_request(&method, &creds(), &RefreshToken::new("rt"), store).unwrap();
    assert_eq!(req.url, "https://my.ecwid.com/api/oauth/token/1003");
    assert_eq!(
        req.header_value("Authorization"),
        Some("Basic Y2xpZW50LTE6c2ho")
    );
    assert_eq!(req.body.as_ref().unwrap().0, "application/json");
    let json: serde_json::Value = serde_json::from_str(req.body_text().unwrap()).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"grant_type": "refresh_token", "refresh_token": "rt"})
    );
    method.client_auth = ClientAuth::RequestBody;
    let public = AppCredentials {
        client_id: "c".into(),
        client_secret: None,
    };
    assert!(matches!(
        refresh_request(&method, &public, &RefreshToken::new("rt"), store),
        Err(FlowError::MissingClientSecret)
    ));
}

#[test]
fn hotmart_mints_with_query_parameters_basic_auth_and_no_body() {
    let cat = catalogue();
    let Method::ClientCredentials(method) = cat.get("hotmart").unwrap().default_method() else {
        panic!()
    };
    let req = client_credentials_request(method, &creds()).unwrap();
    assert_eq!(req.method, "POST");
    assert!(req
        .url
        .starts_with("https://api-sec-vlc.hotmart.com/security/oauth/token?"));
    let q = query(&req.url);
    assert_eq!(q["grant_type"], "client_credentials");
    assert_eq!(q["client_id"], "client-1");
    assert_eq!(q["client_secret"], "shh");
    assert_eq!(
        req.header_value("Authorization"),
        Some("Basic Y2xpZW50LTE6c2ho")
    );
    assert_eq!(req.body, None);
}

#[test]
fn whatconverts_keys_are_checked_with_basic_auth_on_one_lead() {
    let cat = catalogue();
    let Method::ApiKey(method) = cat.get("whatconverts").unwrap().default_method() else {
        panic!()
    };
    let fields = vec![
        ("token".to_string(), SecretString::new("tok")),
        ("secret".to_string(), SecretString::new("sec")),
    ];
    let req = api_key_check_request(method, &fields).unwrap();
    assert_eq!(req.method, "GET");
    assert_eq!(
        req.url,
        "https://app.whatconverts.com/api/v1/leads?leads_per_page=1"
    );
    assert_eq!(
        req.header_value("Authorization"),
        Some("Basic dG9rOnNlYw==")
    );
}

#[test]
fn callbacks_are_read_as_code_declined_error_or_malformed() {
    let params = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        read_callback(params(&[("code", "c"), ("state", "s")]), None).unwrap(),
        Callback::Code {
            code: secret::AuthorizationCode::new("c"),
            state: "s".into()
        }
    );
    assert_eq!(
        read_callback(params(&[("error", "access_denied"), ("state", "s")]), None).unwrap(),
        Callback::Declined {
            state: Some("s".into())
        }
    );
    assert!(matches!(
        read_callback(params(&[("error", "server_error")]), None).unwrap(),
        Callback::Error { .. }
    ));
    assert_eq!(
        read_callback(params(&[("state", "s")]), None).unwrap(),
        Callback::Malformed
    );
    let mixed_up = read_callback(
        params(&[
            ("code", "c"),
            ("state", "s"),
            ("iss", "https://evil.example"),
        ]),
        Some("https://app.hubspot.com"),
    );
    assert!(matches!(mixed_up, Err(FlowError::IssuerMismatch { .. })));
    let same = read_callback(
        params(&[
            ("code", "c"),
            ("state", "s"),
            ("iss", "https://app.hubspot.com/"),
        ]),
        Some("https://app.hubspot.com"),
    );
    assert!(same.is_ok());
}

fn tokens(body: &str) -> TokenSet {
    parse_token_response(200, None, body, &TokenRules::keeping(&["store_id"]), 0).unwrap()
}

/// Every parameter in the form body and none in the URL: what HubSpot's dated API requires.
fn assert_form_only(req: &PreparedRequest, url: &str) {
    assert_eq!(req.method, "POST");
    assert_eq!(req.url, url, "no query string, no token in the path");
    assert_eq!(Url::parse(&req.url).unwrap().query(), None);
    assert_eq!(
        req.body.as_ref().unwrap().0,
        "application/x-www-form-urlencoded"
    );
    assert_eq!(req.header_value("Authorization"), None);
}

#[test]
fn hubspot_refreshes_on_its_dated_api_with_every_parameter_in_the_form_body() {
    let cat = catalogue();
    let method = code_method(&cat, "hubspot");
    let req = refresh_request(&method, &creds(), &RefreshToken::new("rt/1"), |_| None).unwrap();
    assert_form_only(&req, "https://api.hubapi.com/oauth/2026-03/token");
    let f = form(&req);
    assert_eq!(f.len(), 5, "{f:?}");
    assert_eq!(f["grant_type"], "refresh_token");
    assert_eq!(f["refresh_token"], "rt/1");
    assert_eq!(f["client_id"], "client-1");
    assert_eq!(f["client_secret"], "shh");
    // HubSpot documents the redirect URI for both grants.
    assert_eq!(f["redirect_uri"], "http://localhost:53682/oauth/callback");
    // Providers that do not ask for it are not sent it.
    let ecwid = code_method(&cat, "ecwid");
    let f = form(
        &refresh_request(&ecwid, &creds(), &RefreshToken::new("rt"), |k| {
            (k == "store_id").then(|| "1003".into())
        })
        .unwrap(),
    );
    assert!(!f.contains_key("redirect_uri"), "{f:?}");
}

#[test]
fn hubspot_introspects_the_access_token_with_its_client_credentials_in_the_body() {
    let cat = catalogue();
    let hubspot = cat.get("hubspot").unwrap();
    let t = tokens(r#"{"access_token":"at/1","refresh_token":"rt/1"}"#);
    let req = introspection_request(hubspot, &t, &creds())
        .unwrap()
        .unwrap();
    assert_form_only(
        &req,
        "https://api.hubapi.com/oauth/2026-03/token/introspect",
    );
    let f = form(&req);
    assert_eq!(f.len(), 4, "{f:?}");
    assert_eq!(f["token"], "at/1");
    assert_eq!(f["token_type_hint"], "access_token");
    assert_eq!(f["client_id"], "client-1");
    assert_eq!(f["client_secret"], "shh");
    // HubSpot needs its secret: without one, nothing is sent.
    let public = AppCredentials {
        client_id: "client-1".into(),
        client_secret: None,
    };
    assert!(matches!(
        introspection_request(hubspot, &t, &public),
        Err(FlowError::MissingClientSecret)
    ));
    // HubSpot's scopes come as an array; RFC 7662's as one string.
    let answer = read_introspection(
        r#"{"active":true,"hub_id":42,"scopes":["oauth","crm.objects.contacts.read"],"scope":"x"}"#,
    )
    .unwrap();
    let scopes = hubspot.introspection.as_ref().unwrap().scopes_of(&answer);
    assert_eq!(
        scopes.as_deref(),
        Some(&["oauth".to_string(), "crm.objects.contacts.read".to_string()][..])
    );
    assert_eq!(
        read_introspection(r#"{"active":false}"#),
        Some(Default::default())
    );
    assert_eq!(
        read_introspection(r#"{"hub_id":42}"#),
        Some(Default::default()),
        "no `active`, no yes"
    );
    assert_eq!(read_introspection("<html>"), None);
}

#[test]
fn hubspot_revokes_its_refresh_token_with_a_form_post_and_ecwid_has_nothing_to_call() {
    let cat = catalogue();
    let t = tokens(r#"{"access_token":"at","refresh_token":"rt/1"}"#);
    let req = revoke_request(cat.get("hubspot").unwrap(), &t, &creds())
        .unwrap()
        .unwrap();
    assert_form_only(&req, "https://api.hubapi.com/oauth/2026-03/token/revoke");
    let f = form(&req);
    assert_eq!(f.len(), 4, "{f:?}");
    assert_eq!(f["token"], "rt/1");
    assert_eq!(f["token_type_hint"], "refresh_token");
    assert_eq!(f["client_id"], "client-1");
    assert_eq!(f["client_secret"], "shh");
    assert!(revoke_request(cat.get("ecwid").unwrap(), &t, &creds())
        .unwrap()
        .is_none());
}

#[test]
fn ecwid_exchanges_the_code_at_the_token_url_of_the_store_its_callback_names() {
    let cat = catalogue();
    let method = code_method(&cat, "ecwid");
    let verifier = PkceVerifier::new("v".repeat(43));
    let exchange = |store: Option<&str>| {
        token_request(
            &method,
            &creds(),
            &secret::AuthorizationCode::new("code-1"),
            &verifier,
            "dev.plugboard.desktop:/oauth/callback",
            |k| {
                (k == "store_id")
                    .then(|| store.map(str::to_string))
                    .flatten()
            },
        )
    };
    let req = exchange(Some("1003")).unwrap();
    assert_eq!(req.url, "https://my.ecwid.com/api/oauth/token/1003");
    let f = form(&req);
    assert_eq!(f["grant_type"], "authorization_code");
    assert_eq!(f["client_secret"], "shh");
    // Encoded as one path segment; dots and a missing store are not a store.
    let req = exchange(Some("10/03?x")).unwrap();
    assert_eq!(req.url, "https://my.ecwid.com/api/oauth/token/10%2F03%3Fx");
    for bad in [None, Some(".."), Some("")] {
        assert!(
            matches!(exchange(bad), Err(FlowError::MissingValue(v)) if v == "store_id"),
            "{bad:?}"
        );
    }
}

#[test]
fn nothing_built_in_calls_hubspots_retired_v1_api() {
    let cat = catalogue();
    let hubspot = cat.get("hubspot").unwrap();
    let mut urls: Vec<String> = hubspot
        .endpoints()
        .iter()
        .map(|(_, e)| e.as_str().to_string())
        .collect();
    urls.extend(
        hubspot
            .templates()
            .iter()
            .map(|(_, t)| t.as_str().to_string()),
    );
    assert!(urls.len() >= 4, "{urls:?}");
    for url in urls {
        assert!(!url.contains("/oauth/v1/"), "{url}");
    }
}

#[test]
fn identity_urls_are_filled_from_the_token_set() {
    let cat = catalogue();
    let method = code_method(&cat, "ecwid");
    let t = tokens(r#"{"access_token":"at","store_id":1003}"#);
    let req = bearer_get(method.identity_url.as_ref().unwrap(), &t, None).unwrap();
    assert_eq!(req.url, "https://app.ecwid.com/api/v3/1003/profile");
    assert_eq!(req.header_value("Authorization"), Some("Bearer at"));
    let no_store = tokens(r#"{"access_token":"at"}"#);
    assert!(
        matches!(bearer_get(method.identity_url.as_ref().unwrap(), &no_store, None), Err(FlowError::MissingValue(v)) if v == "store_id")
    );
}

#[test]
fn a_prepared_requests_debug_form_hides_path_query_headers_and_body() {
    let cat = catalogue();
    let Method::ClientCredentials(method) = cat.get("hotmart").unwrap().default_method() else {
        panic!()
    };
    let shown = format!(
        "{:?}",
        client_credentials_request(method, &creds()).unwrap()
    );
    assert_eq!(
        shown,
        "PreparedRequest(POST https://api-sec-vlc.hotmart.com/…)"
    );
    // A revoke URL may name the token in its path (HubSpot's retired one did).
    let mut hubspot = cat.get("hubspot").unwrap().clone();
    hubspot.revoke = Catalogue::parse(
        r#"[[provider]]
id = "x"
name = "X"
revoke = { url = "https://api.example.com/tokens/{refresh_token}", method = "DELETE" }
[[provider.method]]
kind = "api_key"
check_url = "https://api.example.com/me"
fields = [{ id = "k", label = "Key", secret = true }]
"#,
        &crate::catalogue::Origin::File("x.toml".into()),
    )
    .unwrap()
    .get("x")
    .unwrap()
    .revoke
    .clone();
    let t = tokens(r#"{"access_token":"at-SECRET","refresh_token":"rt-SECRET"}"#);
    let revoke = revoke_request(&hubspot, &t, &creds()).unwrap().unwrap();
    assert!(revoke.url.contains("rt-SECRET"));
    let shown = format!("{revoke:?}");
    assert!(!shown.contains("SECRET"), "{shown}");
}

#[test]
fn pending_flows_survive_a_restart_through_their_encoded_form() {
    let cat = catalogue();
    let ecwid = cat.get("ecwid").unwrap();
    let before = PendingFlows::default();
    let (_, state) = before.begin(ecwid, &code_method(&cat, "ecwid"), &creds(), "x:/cb", 1000);
    let (_, old) = before.begin(
        ecwid,
        &code_method(&cat, "ecwid"),
        &creds(),
        "x:/cb",
        1000 - 10_000,
    );
    let doc = before.encode(1000);
    assert!(
        !format!("{doc:?}").contains(&state),
        "the document is a secret"
    );

    let after = PendingFlows::default();
    after.restore(&doc);
    let flow = after.take(&state).expect("restored");
    assert_eq!(
        flow.verifier.expose(),
        before.take(&state).unwrap().verifier.expose()
    );
    assert_eq!(flow.redirect_uri, "x:/cb");
    assert!(after.take(&old).is_none(), "long-expired flows are dropped");
    after.restore(&SecretString::new("not json"));

    // What it asked for and the connection it is for come back too.
    let method = code_method(&cat, "ecwid");
    let scopes = vec![
        "read_store_profile".to_string(),
        "read_customers".to_string(),
    ];
    let target = crate::connection::ConnectionId::parse("ecwid-0a1b2c3d").unwrap();
    let (_, state) = before.begin_asking(
        ecwid,
        &method,
        &creds(),
        "x:/cb",
        &scopes,
        Some(target.clone()),
        1000,
    );
    let again = PendingFlows::default();
    again.restore(&before.encode(1000));
    let flow = again.take(&state).expect("restored");
    assert_eq!(flow.scopes, scopes);
    assert_eq!(flow.replaces, Some(target));
}

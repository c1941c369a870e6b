//! The flows against the provider simulator on 127.0.0.1: the catalogue the simulator writes is an
//! ordinary user `providers.toml`, so these tests also exercise loopback-http validation. A browser
//! stand-in follows the authorize URL without following the final redirect, and reads the callback.

use std::collections::HashMap;

use plugboard_core::catalogue::{
    AuthorizationCode, Catalogue, Method, MethodKind, Origin, Provider,
};
use plugboard_core::flow::{self, AppCredentials, Callback, FlowError, PendingFlows};
use plugboard_core::secret::{AccessToken, ClientSecret, SecretString};
use plugboard_core::tokens::{parse_token_response, TokenError, TokenRules, TokenSet};
use plugboard_sim::{Faults, Simulator};

const NOW: i64 = 1_790_000_000;

fn catalogue(sim: &Simulator) -> Catalogue {
    Catalogue::parse(
        &sim.providers_toml(53682),
        &Origin::File("sim/providers.toml".into()),
    )
    .expect("the simulator's catalogue validates")
}

fn code_method(provider: &Provider) -> AuthorizationCode {
    match provider.method(MethodKind::AuthorizationCode) {
        Some(Method::AuthorizationCode(m)) => (**m).clone(),
        _ => panic!("no authorization_code method"),
    }
}

fn creds(provider: &str) -> AppCredentials {
    AppCredentials {
        client_id: plugboard_sim::client_id(provider),
        client_secret: Some(ClientSecret::new(plugboard_sim::client_secret(provider))),
    }
}

/// The browser stand-in: opens the authorize URL, returns where the provider redirects to.
async fn browse(url: &url::Url) -> url::Url {
    let resp = plugboard_core::http::client()
        .get(url.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        302,
        "authorize should redirect back: {}",
        resp.text().await.unwrap()
    );
    let location = resp.headers()["location"].to_str().unwrap().to_string();
    url::Url::parse(&location).unwrap()
}

fn callback(url: &url::Url) -> Callback {
    let params: HashMap<String, String> = url.query_pairs().into_owned().collect();
    flow::read_callback(|k| params.get(k).cloned(), None).unwrap()
}

/// Runs authorize → callback → exchange, returning the tokens (or the exchange's error).
async fn sign_in(sim: &Simulator, id: &str, redirect_uri: &str) -> Result<TokenSet, FlowError> {
    let cat = catalogue(sim);
    let provider = cat.get(id).unwrap();
    let method = code_method(provider);
    let flows = PendingFlows::default();
    let (url, _) = flows.begin(provider, &method, &creds(id), redirect_uri, NOW);
    let back = browse(&url).await;
    assert!(back.as_str().starts_with(redirect_uri), "{back}");
    let Callback::Code { code, state } = callback(&back) else {
        panic!("no code in {back}")
    };
    let pending = flows
        .take(&state)
        .expect("the callback's state is the flow's");
    let params: HashMap<String, String> = back.query_pairs().into_owned().collect();
    flow::exchange_code(
        &plugboard_core::http::client(),
        &method,
        &creds(id),
        &code,
        &pending,
        |k| params.get(k).cloned(),
        &provider.token_rules(MethodKind::AuthorizationCode),
        NOW,
    )
    .await
}

#[tokio::test]
async fn hubspot_signs_in_through_localhost_and_gets_a_30_minute_token_with_a_refresh_token() {
    let sim = Simulator::start().await.unwrap();
    let tokens = sign_in(&sim, "hubspot", "http://localhost:53682/oauth/callback")
        .await
        .unwrap();
    assert_eq!(tokens.expires_at, Some(NOW + 1800));
    assert!(tokens.refresh_token.is_some());
    assert_eq!(sim.count("hubspot.token"), 1);

    // Identity: introspection says the token is active and names the portal and user.
    let cat = catalogue(&sim);
    let hubspot = cat.get("hubspot").unwrap();
    let method = code_method(hubspot);
    let req = flow::introspection_request(hubspot, &tokens, &creds("hubspot"))
        .unwrap()
        .unwrap();
    let resp = flow::send(&plugboard_core::http::client(), &req)
        .await
        .unwrap();
    assert_eq!(resp.status, 200);
    let info = flow::read_introspection(&resp.body).unwrap();
    assert_eq!(info["hub_domain"], "example-portal.hubspot.com");
    assert_eq!(
        hubspot.introspection.as_ref().unwrap().scopes_of(&info),
        Some(vec!["oauth".into(), "crm.objects.contacts.read".into()])
    );
    assert_eq!(sim.count("hubspot.introspect"), 1);

    // Refresh, then revoke: the simulator sees both.
    let req = flow::refresh_request(
        &method,
        &creds("hubspot"),
        tokens.refresh_token.as_ref().unwrap(),
        |_| None,
    )
    .unwrap();
    let resp = flow::send(&plugboard_core::http::client(), &req)
        .await
        .unwrap();
    let refreshed =
        parse_token_response(resp.status, None, &resp.body, &TokenRules::default(), NOW).unwrap();
    assert_eq!(sim.count("hubspot.refresh"), 1);
    let revoke = flow::revoke_request(cat.get("hubspot").unwrap(), &refreshed, &creds("hubspot"))
        .unwrap()
        .unwrap();
    let resp = flow::send(&plugboard_core::http::client(), &revoke)
        .await
        .unwrap();
    assert_eq!(resp.status, 200);
    assert_eq!(sim.count("hubspot.revoke"), 1);
    // The revoked refresh token is gone: introspection no longer calls it active.
    let refresh_as_access = TokenSet {
        // Deliberately the wrong kind: the types forbid it, so it is spelled out.
        access_token: AccessToken::new(refreshed.refresh_token.clone().unwrap().expose()),
        ..refreshed.clone()
    };
    let req = flow::introspection_request(hubspot, &refresh_as_access, &creds("hubspot"))
        .unwrap()
        .unwrap();
    let resp = flow::send(&plugboard_core::http::client(), &req)
        .await
        .unwrap();
    assert_eq!(
        flow::read_introspection(&resp.body),
        Some(Default::default())
    );
    assert_eq!(
        sim.count("hubspot.v1"),
        0,
        "nothing called the retired v1 API"
    );
}

#[tokio::test]
async fn the_simulator_answers_hubspots_retired_v1_api_with_an_authentication_failure() {
    let sim = Simulator::start().await.unwrap();
    let http = plugboard_core::http::client();
    for (method, path) in [
        ("POST", "/hubspot/oauth/v1/token"),
        ("GET", "/hubspot/oauth/v1/access-tokens/at-1"),
        ("DELETE", "/hubspot/oauth/v1/refresh-tokens/rt-1"),
    ] {
        let url = format!("{}{path}", sim.base_url());
        let resp = http
            .request(method.parse().unwrap(), &url)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 401, "{method} {path}");
    }
    assert_eq!(sim.count("hubspot.v1"), 3);
    // And the dated API refuses parameters in the query string.
    let url = format!(
        "{}/hubspot/oauth/2026-03/token?grant_type=refresh_token&refresh_token=x",
        sim.base_url()
    );
    let resp = http
        .post(&url)
        .form(&[("client_id", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["error"], "invalid_request");
}

#[tokio::test]
async fn hubspot_rejects_the_custom_scheme_redirect() {
    let sim = Simulator::start().await.unwrap();
    let cat = catalogue(&sim);
    let provider = cat.get("hubspot").unwrap();
    let (url, _) = PendingFlows::default().begin(
        provider,
        &code_method(provider),
        &creds("hubspot"),
        "dev.plugboard.desktop:/oauth/callback",
        NOW,
    );
    let resp = plugboard_core::http::client()
        .get(url.as_str())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
}

#[tokio::test]
async fn ecwid_signs_in_through_the_deep_link_and_gets_a_token_that_never_expires() {
    let sim = Simulator::start().await.unwrap();
    let tokens = sign_in(&sim, "ecwid", "dev.plugboard.desktop:/oauth/callback")
        .await
        .unwrap();
    assert_eq!(tokens.expires_at, None);
    assert_eq!(tokens.refresh_token, None);
    assert_eq!(
        tokens.extra.get("store_id").map(String::as_str),
        Some("1003")
    );
    let cat = catalogue(&sim);
    let req = flow::bearer_get(
        code_method(cat.get("ecwid").unwrap())
            .identity_url
            .as_ref()
            .unwrap(),
        &tokens,
        None,
    )
    .unwrap();
    let resp = flow::send(&plugboard_core::http::client(), &req)
        .await
        .unwrap();
    assert!(
        resp.body.contains("owner@shop.example.com"),
        "{}",
        resp.body
    );
}

#[tokio::test]
async fn the_source_texts_code_flows_work_for_hotmart_and_whatconverts() {
    let sim = Simulator::start().await.unwrap();
    let hotmart = sign_in(&sim, "hotmart", "dev.plugboard.desktop:/oauth/callback")
        .await
        .unwrap();
    assert_eq!(hotmart.expires_at, Some(NOW + 172_799));
    let wc = sign_in(
        &sim,
        "whatconverts",
        "dev.plugboard.desktop:/oauth/callback",
    )
    .await
    .unwrap();
    assert!(wc.refresh_token.is_some());
}

#[tokio::test]
async fn a_code_is_exchanged_once_and_a_second_exchange_is_invalid_grant() {
    let sim = Simulator::start().await.unwrap();
    let cat = catalogue(&sim);
    let provider = cat.get("ecwid").unwrap();
    let method = code_method(provider);
    let flows = PendingFlows::default();
    let (url, _) = flows.begin(
        provider,
        &method,
        &creds("ecwid"),
        "dev.plugboard.desktop:/oauth/callback",
        NOW,
    );
    let Callback::Code { code, state } = callback(&browse(&url).await) else {
        panic!()
    };
    let pending = flows.take(&state).unwrap();
    let http = plugboard_core::http::client();
    flow::exchange_code(
        &http,
        &method,
        &creds("ecwid"),
        &code,
        &pending,
        |k| (k == "store_id").then(|| "1003".to_string()),
        &TokenRules::default(),
        NOW,
    )
    .await
    .unwrap();
    let again = flow::exchange_code(
        &http,
        &method,
        &creds("ecwid"),
        &code,
        &pending,
        |k| (k == "store_id").then(|| "1003".to_string()),
        &TokenRules::default(),
        NOW,
    )
    .await;
    assert!(
        matches!(
            again,
            Err(FlowError::Token(TokenError::InvalidGrant { .. }))
        ),
        "{again:?}"
    );
}

#[tokio::test]
async fn the_simulator_refuses_a_missing_verifier_a_wrong_client_and_a_json_body() {
    let sim = Simulator::start().await.unwrap();
    let cat = catalogue(&sim);
    let provider = cat.get("hubspot").unwrap();
    let method = code_method(provider);
    let http = plugboard_core::http::client();
    let flows = PendingFlows::default();
    let redirect = "http://localhost:53682/oauth/callback";

    let (url, _) = flows.begin(provider, &method, &creds("hubspot"), redirect, NOW);
    let Callback::Code { code, state } = callback(&browse(&url).await) else {
        panic!()
    };
    let pending = flows.take(&state).unwrap();

    // Wrong client secret: HubSpot's legacy error shape, read as invalid_client.
    let wrong = AppCredentials {
        client_id: plugboard_sim::client_id("hubspot"),
        client_secret: Some(ClientSecret::new("nope")),
    };
    let err = flow::exchange_code(
        &http,
        &method,
        &wrong,
        &code,
        &pending,
        |k| (k == "store_id").then(|| "1003".to_string()),
        &TokenRules::default(),
        NOW,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, FlowError::Token(TokenError::InvalidClient { .. })),
        "{err:?}"
    );

    // A JSON body where the provider wants a form.
    let mut json = method.clone();
    json.body_format = plugboard_core::catalogue::BodyFormat::Json;
    let err = flow::exchange_code(
        &http,
        &json,
        &creds("hubspot"),
        &code,
        &pending,
        |k| (k == "store_id").then(|| "1003".to_string()),
        &TokenRules::default(),
        NOW,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(
            err,
            FlowError::Token(TokenError::Rejected { status: 415, .. })
        ),
        "{err:?}"
    );

    // No code_verifier.
    let req = flow::token_request(
        &method,
        &creds("hubspot"),
        &code,
        &pending.verifier,
        redirect,
        |_| None,
    )
    .unwrap();
    let body = req
        .body_text()
        .unwrap()
        .split('&')
        .filter(|p| !p.starts_with("code_verifier="))
        .collect::<Vec<_>>()
        .join("&");
    let resp = plugboard_core::http::client()
        .post(&req.url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert!(resp
        .text()
        .await
        .unwrap()
        .contains("code_verifier required"));
}

#[tokio::test]
async fn declined_consent_comes_back_as_declined() {
    let sim = Simulator::start().await.unwrap();
    sim.set_faults(Faults {
        decline_consent: true,
        ..Faults::default()
    });
    let cat = catalogue(&sim);
    let provider = cat.get("ecwid").unwrap();
    let (url, state) = PendingFlows::default().begin(
        provider,
        &code_method(provider),
        &creds("ecwid"),
        "dev.plugboard.desktop:/oauth/callback",
        NOW,
    );
    assert_eq!(
        callback(&browse(&url).await),
        Callback::Declined { state: Some(state) }
    );
}

#[tokio::test]
async fn hotmart_mints_a_two_day_token_from_client_credentials() {
    let sim = Simulator::start().await.unwrap();
    let cat = catalogue(&sim);
    let hotmart = cat.get("hotmart").unwrap();
    let Method::ClientCredentials(method) = hotmart.default_method() else {
        panic!()
    };
    let http = plugboard_core::http::client();
    let tokens = flow::mint_client_credentials(
        &http,
        method,
        &creds("hotmart"),
        &TokenRules::default(),
        NOW,
    )
    .await
    .unwrap();
    assert_eq!(tokens.expires_at, Some(NOW + 172_799));
    assert_eq!(sim.count("hotmart.mint"), 1);

    // The check call works with the token, against the environment's API base.
    let api_base = hotmart.environments[1].api_base.as_str();
    let req =
        flow::bearer_get(method.check_url.as_ref().unwrap(), &tokens, Some(api_base)).unwrap();
    assert_eq!(flow::send(&http, &req).await.unwrap().status, 200);

    let wrong = AppCredentials {
        client_id: plugboard_sim::client_id("hotmart"),
        client_secret: Some(ClientSecret::new("nope")),
    };
    let err = flow::mint_client_credentials(&http, method, &wrong, &TokenRules::default(), NOW)
        .await
        .unwrap_err();
    assert!(
        matches!(err, FlowError::Token(TokenError::InvalidClient { .. })),
        "{err:?}"
    );
}

#[tokio::test]
async fn whatconverts_keys_are_verified_and_a_bad_key_is_refused() {
    let sim = Simulator::start().await.unwrap();
    let cat = catalogue(&sim);
    let Method::ApiKey(method) = cat.get("whatconverts").unwrap().default_method() else {
        panic!()
    };
    let http = plugboard_core::http::client();
    let good = vec![
        (
            "token".to_string(),
            SecretString::new(plugboard_sim::WHATCONVERTS_TOKEN),
        ),
        (
            "secret".to_string(),
            SecretString::new(plugboard_sim::WHATCONVERTS_SECRET),
        ),
    ];
    flow::verify_api_key(&http, method, &good).await.unwrap();
    let bad = vec![
        ("token".to_string(), SecretString::new("x")),
        ("secret".to_string(), SecretString::new("y")),
    ];
    let err = flow::verify_api_key(&http, method, &bad).await.unwrap_err();
    assert!(
        matches!(err, FlowError::Token(TokenError::InvalidClient { .. })),
        "{err:?}"
    );
    assert_eq!(sim.count("whatconverts.check"), 2);
}

#[tokio::test]
async fn a_provider_outage_is_a_temporary_problem() {
    let sim = Simulator::start().await.unwrap();
    sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let cat = catalogue(&sim);
    let Method::ClientCredentials(method) = cat.get("hotmart").unwrap().default_method() else {
        panic!()
    };
    let err = flow::mint_client_credentials(
        &plugboard_core::http::client(),
        method,
        &creds("hotmart"),
        &TokenRules::default(),
        NOW,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(
            err,
            FlowError::Token(TokenError::Temporary { status: 503, .. })
        ),
        "{err:?}"
    );
}

//! A connection's account label is data (a kind and its values), written in the language spoken
//! when it is shown: a label made while Plugboard spoke Portuguese reads in English and Spanish
//! after a switch, in the views (`plugboard status`, the cards) and the tray's subjects alike. An
//! index an older Plugboard wrote (a label in words only) still loads and shows as it was.
//!
//! Its own test binary: it switches the process's language, which the service tests (all in
//! English) must not see.

use std::sync::Arc;

use plugboard_core::catalogue::{Catalogue, Origin, ProviderId};
use plugboard_core::flow::AppCredentials;
use plugboard_core::i18n;
use plugboard_core::index::{ConnectionRecord, Index};
use plugboard_core::secret::{ClientSecret, SecretString};
use plugboard_core::service::Connections;
use plugboard_core::vault::{MemoryStore, Vault};
use plugboard_sim::Simulator;

fn pid(id: &str) -> ProviderId {
    ProviderId::parse(id).unwrap()
}

/// Ecwid's sign-in through the simulator (the browser stand-in follows the authorize URL).
async fn sign_in_ecwid(service: &Connections) -> plugboard_core::service::ConnectionView {
    let url = service.begin_sign_in(&pid("ecwid")).await.unwrap().url;
    let resp = plugboard_core::http::client()
        .get(&url)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 302);
    let location = url::Url::parse(resp.headers()["location"].to_str().unwrap()).unwrap();
    let params: std::collections::HashMap<String, String> =
        location.query_pairs().into_owned().collect();
    service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap()
}

/// Every connection's account, by provider, in the language spoken now: the views', and the
/// tray's (which must say the same).
fn accounts(service: &Connections) -> Vec<(String, String)> {
    let mut views: Vec<(String, String)> = service
        .list()
        .unwrap()
        .into_iter()
        .map(|c| (c.provider, c.account))
        .collect();
    let mut tray: Vec<(String, String)> = service
        .attention()
        .unwrap()
        .into_iter()
        .map(|s| (s.provider.to_lowercase(), s.account))
        .collect();
    views.sort();
    tray.sort();
    assert_eq!(views, tray, "the tray says what the views say");
    views
}

#[tokio::test]
async fn account_labels_read_in_the_language_of_the_moment_and_old_records_as_they_were() {
    let sim = Simulator::start().await.unwrap();
    let catalogue =
        Catalogue::parse(&sim.providers_toml(53682), &Origin::File("sim.toml".into())).unwrap();
    let vault = Vault::with_store(Some("test-languages"), Arc::new(MemoryStore::default()));
    let dir = std::env::temp_dir().join(format!("plugboard-languages-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let service = Connections::new(catalogue, vault, &dir).with_held_dir(Some(dir.join("held")));
    service.credentials.set(
        "ecwid",
        AppCredentials {
            client_id: plugboard_sim::client_id("ecwid"),
            client_secret: Some(ClientSecret::new(plugboard_sim::client_secret("ecwid"))),
        },
    );

    // Connected while Plugboard speaks Portuguese.
    i18n::set_current("pt-BR");
    let ecwid = sign_in_ecwid(&service).await;
    assert_eq!(ecwid.account, "Loja 1003 · owner@shop.example.com");
    let key = service
        .connect_api_key(
            &pid("whatconverts"),
            vec![
                (
                    "token".into(),
                    SecretString::new(plugboard_sim::WHATCONVERTS_TOKEN),
                ),
                (
                    "secret".into(),
                    SecretString::new(plugboard_sim::WHATCONVERTS_SECRET),
                ),
            ],
        )
        .await
        .unwrap();
    assert_eq!(key.account, "Token de API ••••1234");
    let hotmart = service
        .connect_client_credentials(
            &pid("hotmart"),
            &plugboard_sim::client_id("hotmart"),
            ClientSecret::new(plugboard_sim::client_secret("hotmart")),
            Some("production"),
            None,
        )
        .await
        .unwrap();
    let hint = SecretString::new(plugboard_sim::client_id("hotmart")).tail_hint();
    assert_eq!(hotmart.account, format!("Produção · cliente {hint}"));
    assert!(hotmart.environment_named);

    // The person switches to English, then Spanish: the same connections, in their words.
    i18n::set_current("en");
    assert_eq!(
        accounts(&service),
        [
            ("ecwid".into(), "Store 1003 · owner@shop.example.com".into()),
            ("hotmart".into(), format!("Production · client {hint}")),
            ("whatconverts".into(), "API token ••••1234".into()),
        ]
    );
    i18n::set_current("es");
    assert_eq!(
        accounts(&service),
        [
            (
                "ecwid".into(),
                "Tienda 1003 · owner@shop.example.com".into()
            ),
            ("hotmart".into(), format!("Producción · cliente {hint}")),
            ("whatconverts".into(), "Token de API ••••1234".into()),
        ]
    );

    // The index keeps the parts, and the label in English for an older Plugboard.
    let index = Index::in_dir(&dir);
    let stored = index.get(&ecwid.id).unwrap().unwrap();
    assert_eq!(stored.account, "Store 1003 · owner@shop.example.com");
    let json = serde_json::to_value(&stored).unwrap();
    assert_eq!(json["account_parts"]["kind"], "named");
    assert_eq!(json["account_parts"]["values"]["store_id"], "1003");

    // Signing in to the same store again, now in Spanish, reconnects it (the same account).
    assert_eq!(sign_in_ecwid(&service).await.id, ecwid.id);

    // An older Plugboard's record: its label in words, made in Portuguese then; it loads, and
    // shows as it was in every language.
    let text = std::fs::read_to_string(dir.join("connections.json")).unwrap();
    let mut file: serde_json::Value = serde_json::from_str(&text).unwrap();
    file["connections"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "id": "whatconverts-0a0b0c0d",
            "provider": "whatconverts",
            "method": "api_key",
            "account": "Token de API ••••9999",
            "scopes": [],
            "obtained_at": 1_790_000_000,
            "never_expires": true
        }));
    std::fs::write(dir.join("connections.json"), file.to_string()).unwrap();
    let old: ConnectionRecord = plugboard_core::index::parse(&file.to_string())
        .unwrap()
        .into_iter()
        .find(|r| r.id.as_str() == "whatconverts-0a0b0c0d")
        .unwrap();
    assert_eq!(old.account_parts, None);
    for lang in ["en", "pt-BR", "es"] {
        i18n::set_current(lang);
        let shown = service.list().unwrap();
        let old = shown
            .iter()
            .find(|c| c.id.as_str() == "whatconverts-0a0b0c0d")
            .unwrap();
        assert_eq!(old.account, "Token de API ••••9999", "{lang}");
    }
    i18n::set_current("en");
    let _ = std::fs::remove_dir_all(&dir);
}

//! Connecting without a browser (an API key, client credentials) and disconnecting.

use super::*;

#[tokio::test]
async fn a_whatconverts_key_is_verified_stored_and_forgotten_on_disconnect() {
    let f = fixture("wc").await;
    let fields = key_fields;
    let bad = f
        .service
        .connect_api_key(&pid("whatconverts"), fields("wrong", "key"))
        .await
        .unwrap_err();
    assert_eq!(
        bad.to_user("WhatConverts").message,
        "WhatConverts didn't accept these credentials. Check them and try again."
    );
    assert!(
        f.service.list().unwrap().is_empty(),
        "a refused key stores nothing"
    );

    let c = f
        .service
        .connect_api_key(
            &pid("whatconverts"),
            fields(
                plugboard_sim::WHATCONVERTS_TOKEN,
                plugboard_sim::WHATCONVERTS_SECRET,
            ),
        )
        .await
        .unwrap();
    assert_eq!(c.account, "API token ••••1234");
    assert_eq!(c.expires_at, None);
    assert!(keychain_has(&f.vault, c.id.as_str()));
    let index = std::fs::read_to_string(f.dir.join("connections.json")).unwrap();
    assert!(
        !index.contains(plugboard_sim::WHATCONVERTS_SECRET)
            && !index.contains(plugboard_sim::WHATCONVERTS_TOKEN)
    );

    let (_, report) = f.service.disconnect(&c.id).await.unwrap();
    assert!(matches!(
        report,
        DisconnectReport::NotSupported { note: Some(_) }
    ));
    assert!(!keychain_has(&f.vault, c.id.as_str()));
    assert!(f.service.list().unwrap().is_empty());
    assert_eq!(
        f.service.disconnect(&c.id).await.unwrap().1,
        DisconnectReport::AlreadyGone
    );
}

#[tokio::test]
async fn hotmart_credentials_mint_a_sandbox_token_that_lasts_two_days() {
    let f = fixture("hotmart").await;
    let c = f
        .service
        .connect_client_credentials(
            &pid("hotmart"),
            &plugboard_sim::client_id("hotmart"),
            ClientSecret::new(plugboard_sim::client_secret("hotmart")),
            Some("sandbox"),
            Some("aG90bWFydC1kZW1vLWNsaWVudDpob3RtYXJ0LWRlbW8tc2VjcmV0"),
        )
        .await
        .unwrap();
    assert_eq!(c.environment.as_deref(), Some("sandbox"));
    assert!(
        c.account.starts_with("Sandbox · client ••••"),
        "{}",
        c.account
    );
    // The label names its environment (the row does not say it twice); an older record's
    // label, whichever language it was made in; one that does not name it leaves it to the row.
    assert!(c.environment_named);
    let index = plugboard_core::index::Index::in_dir(&f.dir);
    for (account, environment, named) in [
        ("Produção · cliente ••••1a2b", "production", true),
        ("Producción · cliente ••••1a2b", "production", true),
        ("Client ••••1a2b", "production", false),
    ] {
        let mut record = index.get(&c.id).unwrap().unwrap();
        record.account = account.into();
        record.account_parts = None;
        record.environment = Some(environment.into());
        index.upsert(record).unwrap();
        let view = f.service.get(&c.id).unwrap().unwrap();
        assert_eq!(view.environment_named, named, "{account}");
    }
    let left = c.expires_at.unwrap() - plugboard_core::service::unix_now();
    assert!((172_700..=172_799).contains(&left), "{left}");
    assert_eq!(f.sim.count("hotmart.mint"), 1);
    let mismatch = f
        .service
        .connect_client_credentials(
            &pid("hotmart"),
            &plugboard_sim::client_id("hotmart"),
            ClientSecret::new(plugboard_sim::client_secret("hotmart")),
            None,
            Some("Basic bm90LXRoZS1zYW1lOnBhaXI="),
        )
        .await
        .unwrap_err();
    assert!(matches!(mismatch, ServiceError::BasicTokenMismatch));
    assert_eq!(
        f.sim.count("hotmart.mint"),
        1,
        "a mismatched Basic token is caught before any request"
    );
    let empty = f
        .service
        .connect_client_credentials(&pid("hotmart"), " ", ClientSecret::new("x"), None, None)
        .await
        .unwrap_err();
    assert_eq!(
        empty.to_user("Hotmart").message,
        "Please fill in “Client ID”."
    );
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn a_failed_revoke_still_removes_the_local_copy_and_says_so() {
    let f = fixture("revoke-fail").await;
    let params = browse(&f.service.begin_sign_in(&pid("hubspot")).await.unwrap().url).await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    f.sim.set_faults(Faults {
        revoke_unavailable: true,
        ..Faults::default()
    });
    let (_, report) = f.service.disconnect(&c.id).await.unwrap();
    assert_eq!(
        report,
        DisconnectReport::RevokeFailed {
            reason: "HTTP 503 Service Unavailable".into()
        }
    );
    assert!(!keychain_has(&f.vault, c.id.as_str()));
    assert!(f.service.list().unwrap().is_empty());
}

//! Browser sign-ins: labels, reconnects, refusals, restarts, and the terminal session.

use super::*;

#[tokio::test]
async fn hubspot_signs_in_labels_the_portal_ignores_a_duplicate_callback_and_revokes_on_disconnect()
{
    let f = fixture("hubspot").await;
    let started = f.service.begin_sign_in(&pid("hubspot")).await.unwrap();
    assert_eq!(
        started.redirect_uri,
        "http://localhost:53682/oauth/callback"
    );
    assert!(f.service.sign_in_pending(&pid("hubspot")));
    let params = browse(&started.url).await;

    let (provider, result) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(provider.as_deref(), Some("hubspot"));
    let c = result.unwrap();
    assert_eq!(c.account, "example-portal.hubspot.com · ana@example.com");
    assert_eq!(c.scopes, ["oauth", "crm.objects.contacts.read"]);
    assert!(keychain_has(&f.vault, c.id.as_str()));

    // The same callback again: ignored, and no second code exchange reaches the provider.
    let (_, again) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert!(matches!(again, Err(ServiceError::UnknownState)));
    assert_eq!(f.sim.count("hubspot.token"), 1);
    assert_eq!(f.service.list().unwrap().len(), 1);

    let (_, report) = f.service.disconnect(&c.id).await.unwrap();
    assert_eq!(report, DisconnectReport::Revoked);
    assert_eq!(f.sim.count("hubspot.revoke"), 1);
    assert!(!keychain_has(&f.vault, c.id.as_str()));
}

#[tokio::test]
async fn ecwid_is_labelled_with_its_store_and_signing_in_again_reconnects_it() {
    let f = fixture("ecwid").await;
    let mut ids = Vec::new();
    for _ in 0..2 {
        let started = f.service.begin_sign_in(&pid("ecwid")).await.unwrap();
        assert_eq!(
            started.redirect_uri,
            "dev.plugboard.desktop:/oauth/callback"
        );
        let params = browse(&started.url).await;
        let c = f
            .service
            .complete_sign_in(|k| params.get(k).cloned())
            .await
            .1
            .unwrap();
        assert_eq!(c.account, "Store 1003 · owner@shop.example.com");
        assert_eq!(c.expires_at, None);
        assert_eq!(c.live.countdown, "Does not expire");
        ids.push(c.id);
    }
    assert_eq!(
        ids[0], ids[1],
        "the same store again is a reconnect, not a duplicate"
    );
    assert_eq!(f.service.list().unwrap().len(), 1);
    let kinds = events_of(&f, &ids[0]);
    assert_eq!(kinds, [EventKind::Reconnected, EventKind::Connected]);
    let (_, report) = f.service.disconnect(&ids[0]).await.unwrap();
    assert_eq!(
        report,
        DisconnectReport::NotSupported {
            note: Some("Ecwid cannot end Plugboard's access on request: uninstall the app in your Ecwid admin.".into())
        }
    );
    assert!(f.service.list().unwrap().is_empty());
    assert_eq!(
        f.service.timeline().of(&ids[0])[0].kind,
        EventKind::Disconnected
    );
}

#[tokio::test]
async fn declined_consent_forged_state_and_missing_credentials_store_nothing() {
    let f = fixture("negative").await;
    f.sim.set_faults(Faults {
        decline_consent: true,
        ..Faults::default()
    });
    let params = browse(&f.service.begin_sign_in(&pid("ecwid")).await.unwrap().url).await;
    let (provider, result) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(provider.as_deref(), Some("ecwid"));
    assert_eq!(
        result.unwrap_err().to_user("Ecwid").message,
        "You declined the request in Ecwid, so nothing was connected."
    );

    let forged = HashMap::from([
        ("code".to_string(), "x".to_string()),
        ("state".to_string(), "forged".to_string()),
    ]);
    let (_, result) = f.service.complete_sign_in(|k| forged.get(k).cloned()).await;
    assert!(matches!(result, Err(ServiceError::UnknownState)));
    assert_eq!(
        f.sim.count("ecwid.token"),
        0,
        "no token request for an unknown state"
    );

    let missing = f
        .service
        .begin_sign_in(&pid("whatconverts"))
        .await
        .unwrap_err();
    assert!(missing
        .to_user("WhatConverts")
        .message
        .starts_with("WhatConverts needs app credentials"));
    assert!(f.service.list().unwrap().is_empty());
}

#[tokio::test]
async fn app_credentials_saved_in_settings_sign_in_with_the_secret_from_the_keychain() {
    let f = fixture("settings").await;
    assert!(!f.service.has_credentials("whatconverts"));
    let empty = f
        .service
        .save_app_credentials(&pid("whatconverts"), "id", ClientSecret::new("  "))
        .await
        .unwrap_err();
    assert_eq!(
        empty.to_user("WhatConverts").message,
        "Please fill in “Client secret”."
    );
    f.service
        .save_app_credentials(
            &pid("whatconverts"),
            &plugboard_sim::client_id("whatconverts"),
            ClientSecret::new(plugboard_sim::client_secret("whatconverts")),
        )
        .await
        .unwrap();
    assert!(f.service.has_credentials("whatconverts"));
    let saved = std::fs::read_to_string(f.dir.join("app-credentials.json")).unwrap();
    assert!(
        !saved.contains(&plugboard_sim::client_secret("whatconverts")),
        "the secret stays in the keychain"
    );
    // The blog's OAuth flow for WhatConverts, with the saved credentials.
    let params = browse(
        &f.service
            .begin_sign_in(&pid("whatconverts"))
            .await
            .unwrap()
            .url,
    )
    .await;
    let c = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    assert_eq!(c.scopes, ["read_leads"]);
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn a_callback_after_a_restart_completes_the_sign_in_and_its_state_works_once() {
    let f = fixture("restart").await;
    let started = f.service.begin_sign_in(&pid("ecwid")).await.unwrap();
    let params = browse(&started.url).await;
    // Plugboard closes; the OS starts a new one with the link: same keychain, same data folder.
    let catalogue = Catalogue::parse(
        &f.sim.providers_toml(53682),
        &Origin::File("sim.toml".into()),
    )
    .unwrap();
    let restart = || {
        let service = Connections::new(catalogue.clone(), f.vault.clone(), &f.dir);
        service.credentials.set("ecwid", sim_creds("ecwid"));
        service
    };
    let restarted = restart();
    let c = restarted
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    assert_eq!(c.account, "Store 1003 · owner@shop.example.com");
    // Another restart with the same link: the state was used, so it is refused before any exchange.
    let (_, again) = restart().complete_sign_in(|k| params.get(k).cloned()).await;
    assert!(
        matches!(again, Err(ServiceError::UnknownState)),
        "{again:?}"
    );
    assert_eq!(f.sim.count("ecwid.token"), 1);
    // At the token URL of the store the callback named (Ecwid's change of 2025-09-19).
    assert_eq!(params.get("store_id").map(String::as_str), Some("1003"));
    assert_eq!(f.sim.count("ecwid.token_without_store"), 0);
    restarted.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn a_response_from_another_issuer_is_refused_before_any_token_request() {
    let f = fixture("issuer").await;
    let mut params = browse(&f.service.begin_sign_in(&pid("ecwid")).await.unwrap().url).await;
    params.insert("iss".into(), "https://evil.example".into());
    let (_, result) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    let err = result.unwrap_err();
    assert_eq!(
        err.to_user("Ecwid").code,
        plugboard_core::error::ErrorCode::StateMismatch
    );
    assert_eq!(f.sim.count("ecwid.token"), 0);
    assert!(f.service.list().unwrap().is_empty());
}

#[tokio::test]
async fn a_callback_that_starts_plugboard_after_the_sign_in_expired_says_it_expired() {
    let f = fixture("expired").await;
    let params = browse(&f.service.begin_sign_in(&pid("ecwid")).await.unwrap().url).await;
    // Age the stored sign-in past its 10-minute deadline, as if the person came back much later.
    let stored = f.vault.get(&VaultKey::PendingSignIns).unwrap().unwrap();
    let mut doc: serde_json::Value = serde_json::from_str(stored.expose()).unwrap();
    for item in doc.as_array_mut().unwrap() {
        item["expires_at"] = serde_json::json!(plugboard_core::service::unix_now() - 60);
    }
    f.vault
        .put(
            &VaultKey::PendingSignIns,
            &plugboard_core::vault::ItemLabel::PendingSignIns,
            &SecretString::new(doc.to_string()),
        )
        .unwrap();

    let catalogue = Catalogue::parse(
        &f.sim.providers_toml(53682),
        &Origin::File("sim.toml".into()),
    )
    .unwrap();
    let restarted = Connections::new(catalogue, f.vault.clone(), &f.dir);
    let (provider, result) = restarted.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(provider.as_deref(), Some("ecwid"));
    assert_eq!(
        result.unwrap_err().to_user("Ecwid").message,
        "The sign-in to Ecwid took too long and expired. Start again with Connect."
    );
    assert_eq!(f.sim.count("ecwid.token"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_terminal_sign_in_listens_on_loopback_ignores_strays_and_also_takes_a_pasted_address() {
    let f = fixture("session").await;
    // Ecwid comes back through a deep link in the window; a shell gets a loopback listener.
    let sign_in = f
        .service
        .start_sign_in(&pid("ecwid"), ReturnTo::Terminal)
        .await
        .unwrap();
    assert!(sign_in.listens());
    let redirect = sign_in.started.redirect_uri.clone();
    assert!(redirect.starts_with("http://127.0.0.1:"), "{redirect}");
    let location = redirect_of(&sign_in.started.url).await;
    assert!(location.starts_with(&redirect), "{location}");
    let http = plugboard_core::http::client();
    let waiting = f.service.wait_for_browser(sign_in, std::future::pending());
    let browser = async {
        // Another page's <img> on the callback path: refused, and the wait goes on.
        let stray = http.get(&redirect).send().await.unwrap();
        assert_eq!(stray.status(), 400);
        let back = http.get(&location).send().await.unwrap();
        assert_eq!(back.status(), 200);
    };
    let (params, ()) = tokio::join!(waiting, browser);
    let params = params.unwrap();
    let (_, done) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    let first = done.unwrap();

    // The same with the browser elsewhere: the address it ended on, pasted.
    let sign_in = f
        .service
        .start_sign_in(&pid("ecwid"), ReturnTo::Terminal)
        .await
        .unwrap();
    let location = redirect_of(&sign_in.started.url).await;
    let params = f
        .service
        .wait_for_browser(sign_in, async { Some(location) })
        .await
        .unwrap();
    let (_, done) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    assert_eq!(done.unwrap().id, first.id, "the same store, reconnected");

    // Something that is not an address is said so, in the person's words.
    let sign_in = f
        .service
        .start_sign_in(&pid("ecwid"), ReturnTo::Terminal)
        .await
        .unwrap();
    let err = f
        .service
        .wait_for_browser(sign_in, async { Some("not an address".to_string()) })
        .await
        .unwrap_err();
    assert_eq!(err.kind(), plugboard_core::service::ErrorKind::BadInput);
    assert!(err
        .to_user("Ecwid")
        .message
        .contains("paste the whole address"));
    // The window's redirect for Ecwid is the deep link: nothing to listen on.
    let window = f
        .service
        .start_sign_in(&pid("ecwid"), ReturnTo::Window)
        .await
        .unwrap();
    assert!(!window.listens());
    assert!(window
        .started
        .redirect_uri
        .starts_with("dev.plugboard.desktop:"));
}

/// A HubSpot sign-in asking also for `optional` scopes, for connection `replaces` if any,
/// completed through the browser stand-in: the authorize URL it opened, and the connection.
async fn hubspot_asking(
    f: &Fixture,
    optional: &[String],
    replaces: Option<&plugboard_core::connection::ConnectionId>,
) -> (String, plugboard_core::service::ConnectionView) {
    let sign_in = f
        .service
        .start_sign_in_asking(&pid("hubspot"), ReturnTo::Window, optional, replaces)
        .await
        .unwrap();
    let url = sign_in.started.url.clone();
    drop(sign_in);
    let params = browse(&url).await;
    let view = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    (url, view)
}

#[tokio::test]
async fn optional_scopes_chosen_are_asked_for_and_asking_for_more_reconnects_in_place() {
    let f = fixture("scopes").await;
    let deals = vec!["crm.objects.deals.read".to_string()];
    let (url, c) = hubspot_asking(&f, &deals, None).await;
    let scope = url::Url::parse(&url)
        .unwrap()
        .query_pairs()
        .find(|(k, _)| k == "scope")
        .map(|(_, v)| v.into_owned())
        .unwrap();
    assert_eq!(
        scope,
        "oauth crm.objects.contacts.read crm.objects.deals.read"
    );
    assert!(c.requested_scopes.contains(&deals[0]), "{c:?}");
    assert!(c.scopes.contains(&deals[0]), "granted: {c:?}");
    // More later: the same account signs in again and keeps its id.
    let more = vec![
        "crm.objects.deals.read".to_string(),
        "crm.objects.deals.write".to_string(),
    ];
    let (_, c2) = hubspot_asking(&f, &more, None).await;
    assert_eq!(c2.id, c.id, "a reconnect, not a second connection");
    assert!(c2.requested_scopes.contains(&more[1]), "{c2:?}");
    // A scope the provider does not offer is refused before anything starts.
    let Err(e) = f
        .service
        .start_sign_in_asking(
            &pid("hubspot"),
            ReturnTo::Window,
            &["admin".to_string()],
            None,
        )
        .await
    else {
        panic!("an unknown scope is refused");
    };
    assert!(e
        .to_user("HubSpot")
        .message
        .contains("doesn't offer the scope “admin”"));
    assert!(!f.service.sign_in_pending(&pid("hubspot")));
}

#[tokio::test]
async fn a_reconnect_replaces_its_connection_even_when_the_label_comes_back_different() {
    let f = fixture("replaces").await;
    let c = connect_hubspot(&f).await;
    // As an older version labelled it (or as a failed identity call would): the bare name.
    let index = plugboard_core::index::Index::in_dir(&f.dir);
    let mut legacy = index.get(&c.id).unwrap().unwrap();
    legacy.account = "HubSpot".into();
    index.upsert(legacy).unwrap();
    let (_, again) = hubspot_asking(&f, &[], Some(&c.id)).await;
    assert_eq!(again.id, c.id, "replaced in place");
    assert_eq!(again.account, c.account, "with the label it has now");
    assert_eq!(f.service.list().unwrap().len(), 1, "no second connection");
}

//! Connections an earlier Plugboard stored keep working after an upgrade that moves a provider to
//! new endpoints: HubSpot's v1 OAuth API is switched off on 2027-02-16, and a connection made
//! through it refreshes, is checked, tried and revoked on the dated API (2026-03) with the same
//! refresh token, without signing in again.

use plugboard_core::catalogue::MethodKind;
use plugboard_core::connection::ConnectionId;
use plugboard_core::index::Index;
use plugboard_core::service::CallKind;
use plugboard_core::vault::{ItemLabel, VaultKey};

use super::*;

/// The keychain item as Plugboard 0.1.0 wrote it for a HubSpot sign-in through `/oauth/v1/token`:
/// the v1 answer kept its tokens, scopes as the v1 token-info call listed them, no extra fields.
fn v1_era_item(access: &str, refresh: &str, expires_at: i64) -> SecretString {
    SecretString::new(format!(
        r#"{{"kind":"o_auth","tokens":{{"access_token":"{access}","refresh_token":"{refresh}","token_type":"bearer","expires_at":{expires_at},"scopes":["oauth","crm.objects.contacts.read"]}}}}"#
    ))
}

#[tokio::test]
async fn a_hubspot_connection_stored_by_the_v1_era_refreshes_on_the_dated_api_with_its_refresh_token(
) {
    let f = fixture("upgrade-v1").await;
    let now = f.clock.now();
    // A grant HubSpot issued through v1 before the upgrade: its access token has expired.
    f.sim.issue_hubspot_grant(
        "hs-rt-v1-era",
        "hs-at-v1-era",
        &["oauth", "crm.objects.contacts.read"],
        -60,
    );
    let id = ConnectionId::parse("hubspot-00001e00").unwrap();
    let mut record = stored_record(id.as_str(), MethodKind::AuthorizationCode, now - 7 * 86_400);
    record.expires_at = Some(now - 60);
    Index::in_dir(&f.dir).upsert(record).unwrap();
    f.vault
        .put(
            &VaultKey::Connection(id.clone()),
            &ItemLabel::connection("HubSpot", "", None),
            &v1_era_item("hs-at-v1-era", "hs-rt-v1-era", now - 60),
        )
        .unwrap();

    // Refresh: the dated token endpoint takes the same refresh token.
    let view = f.service.refresh(&id).await.unwrap();
    assert_eq!(view.live.health, Health::Connected, "{view:?}");
    assert_eq!(f.sim.count("hubspot.refresh"), 1);
    let m = f.service.token_material(&id).await.unwrap();
    assert_eq!(
        m.refresh_token.unwrap().expose(),
        "hs-rt-v1-era",
        "the same grant"
    );
    assert_ne!(
        m.access_token.expose(),
        "hs-at-v1-era",
        "a new access token"
    );

    // The identity check and Try it ask introspection; HubSpot accepts the new token.
    let checked = f.service.verify(&id).await.unwrap();
    assert_eq!(checked.live.health, Health::Connected);
    assert!(f.sim.count("hubspot.introspect") >= 1);
    let tried = f.service.try_call(&id).await.unwrap();
    assert_eq!(
        (tried.call, tried.active, tried.accepted),
        (CallKind::Introspection, Some(true), true)
    );

    // Disconnect revokes the refresh token at the dated endpoint: HubSpot forgets it.
    let (_, report) = f.service.disconnect(&id).await.unwrap();
    assert_eq!(report, DisconnectReport::Revoked);
    assert_eq!(f.sim.count("hubspot.revoke"), 1);
    assert!(
        !f.sim.knows_refresh_token("hs-rt-v1-era"),
        "revoked at HubSpot"
    );
    assert_eq!(
        f.sim.count("hubspot.v1"),
        0,
        "nothing called the retired v1 API"
    );
}

#[tokio::test]
async fn a_sign_in_names_the_hubspot_account_from_introspection_and_keeps_the_granted_scopes() {
    let f = fixture("upgrade-sign-in").await;
    let c = connect_hubspot(&f).await;
    assert_eq!(c.account, "example-portal.hubspot.com · ana@example.com");
    assert_eq!(c.scopes, ["oauth", "crm.objects.contacts.read"]);
    assert_eq!(f.sim.count("hubspot.token"), 1);
    assert_eq!(f.sim.count("hubspot.introspect"), 1);
    assert_eq!(f.sim.count("hubspot.v1"), 0);
}

#[tokio::test]
async fn a_revoke_is_revoked_only_on_the_providers_success_never_on_a_404() {
    let f = fixture("upgrade-revoke-404").await;
    let c = connect_hubspot(&f).await;
    // An organisation's file with a wrong revoke address: the provider answers 404.
    let text = format!("{}\n{}", f.sim.providers_toml(53682), f.sim.nimbus_toml()).replace(
        "/hubspot/oauth/2026-03/token/revoke\"",
        "/hubspot/oauth/2026-03/token/revokes\"",
    );
    let catalogue = Catalogue::parse(&text, &Origin::File("org.toml".into())).unwrap();
    let service = Connections::new(catalogue, f.vault.clone(), &f.dir).with_clock(f.clock.clone());
    service.credentials.set("hubspot", sim_creds("hubspot"));
    let (_, report) = service.disconnect(&c.id).await.unwrap();
    assert_eq!(
        report,
        DisconnectReport::RevokeFailed {
            reason: "HTTP 404 Not Found".into()
        }
    );
    // Forgotten here all the same, and the grant at HubSpot was not touched.
    assert!(!keychain_has(&f.vault, c.id.as_str()));
    assert_eq!(f.sim.count("hubspot.revoke"), 0);
}

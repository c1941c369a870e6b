//! A bare provider id among several connections: the candidates when there is no default, the
//! default once one is made; disconnecting the default takes it away; forgetting everything says
//! each connection's name.

use plugboard_core::service::{DefaultRole, Found};

use super::*;

async fn hotmart(f: &Fixture, environment: &str) -> plugboard_core::service::ConnectionView {
    f.service
        .connect_client_credentials(
            &pid("hotmart"),
            &plugboard_sim::client_id("hotmart"),
            ClientSecret::new(plugboard_sim::client_secret("hotmart")),
            Some(environment),
            None,
        )
        .await
        .unwrap()
}

fn role_of(f: &Fixture, id: &plugboard_core::connection::ConnectionId) -> DefaultRole {
    f.service.get(id).unwrap().unwrap().default_role
}

#[tokio::test]
async fn a_provider_id_picks_its_default_among_several_and_lists_them_without_one() {
    let f = fixture("defaults").await;
    let production = hotmart(&f, "production").await;
    assert_eq!(production.default_role, DefaultRole::Only);
    assert_eq!(
        f.service.find("hotmart").unwrap(),
        Found::One(Box::new(production.clone()))
    );
    let sandbox = hotmart(&f, "sandbox").await;
    f.service.rename(&sandbox.id, "Tests").await.unwrap();

    let Found::Several {
        provider,
        candidates,
    } = f.service.find("hotmart").unwrap()
    else {
        panic!("two connections and no default")
    };
    assert_eq!(provider, "hotmart");
    let listed: Vec<(&str, Option<&str>)> = candidates
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_deref()))
        .collect();
    assert_eq!(
        listed,
        [
            (production.id.as_str(), None),
            (sandbox.id.as_str(), Some("Tests"))
        ]
    );
    assert!(candidates
        .iter()
        .all(|c| c.default_role == DefaultRole::NotDefault));
    assert_eq!(
        f.service.find("ecwid").unwrap(),
        Found::NoneYet {
            provider: "ecwid".into()
        }
    );
    assert_eq!(f.service.find("nothing-here").unwrap(), Found::Nothing);

    // Made the default: the bare provider id picks it; ids and names still pick either.
    let made = f.service.make_default(&sandbox.id).unwrap();
    assert_eq!(made.default_role, DefaultRole::Default);
    assert_eq!(role_of(&f, &production.id), DefaultRole::NotDefault);
    let Found::One(picked) = f.service.find("hotmart").unwrap() else {
        panic!("the default is picked")
    };
    assert_eq!(picked.id, sandbox.id);
    let Found::One(by_id) = f.service.find(production.id.as_str()).unwrap() else {
        panic!("an id picks its connection")
    };
    assert_eq!(by_id.id, production.id);
    let defaults = f.service.defaults().unwrap();
    assert_eq!(defaults.len(), 1);
    assert_eq!(defaults[0].provider, "hotmart");
    assert_eq!(defaults[0].connections, 2);
    assert_eq!(
        defaults[0].picked.as_ref().map(|c| &c.id),
        Some(&sandbox.id)
    );

    // With one connection, that one is picked (no default needed).
    connect_whatconverts(&f).await;
    let whatconverts = &f.service.defaults().unwrap()[1];
    assert_eq!(
        (whatconverts.provider.as_str(), whatconverts.connections),
        ("whatconverts", 1)
    );
    assert!(whatconverts.picked.is_some());

    // Another: the default moves.
    f.service.make_default(&production.id).unwrap();
    assert_eq!(role_of(&f, &sandbox.id), DefaultRole::NotDefault);
    assert_eq!(role_of(&f, &production.id), DefaultRole::Default);
    // Cleared: the candidates again.
    let was = f.service.clear_default("hotmart").unwrap();
    assert_eq!(was.map(|c| c.id), Some(production.id.clone()));
    assert!(matches!(
        f.service.find("hotmart").unwrap(),
        Found::Several { .. }
    ));
    assert_eq!(f.service.clear_default("hotmart").unwrap(), None);
    assert!(matches!(
        f.service.clear_default("nothing-here"),
        Err(ServiceError::UnknownProvider(_))
    ));
    let gone = plugboard_core::connection::ConnectionId::parse("hotmart-0badf00d").unwrap();
    assert!(matches!(
        f.service.make_default(&gone),
        Err(e) if e.kind() == plugboard_core::service::ErrorKind::NotFound
    ));

    // Disconnecting the default takes it away; the one left is picked, being the only one.
    f.service.make_default(&sandbox.id).unwrap();
    f.service.disconnect(&sandbox.id).await.unwrap();
    assert_eq!(role_of(&f, &production.id), DefaultRole::Only);
    assert_eq!(
        f.service.find("hotmart").unwrap(),
        Found::One(Box::new(f.service.get(&production.id).unwrap().unwrap()))
    );
    // A new second connection: no default carried over from the one disconnected.
    let again = hotmart(&f, "sandbox").await;
    assert_eq!(again.default_role, DefaultRole::NotDefault);
    assert!(matches!(
        f.service.find("hotmart").unwrap(),
        Found::Several { .. }
    ));
}

#[tokio::test]
async fn forgetting_everything_reports_each_connection_with_its_name_and_account() {
    let f = fixture("defaults-forget").await;
    let named = hotmart(&f, "production").await;
    f.service
        .rename(&named.id, "Client A — store")
        .await
        .unwrap();
    let unnamed = connect_whatconverts(&f).await;
    let report = f.service.forget_everything().await.unwrap();
    let said: Vec<(&str, &str, Option<&str>)> = report
        .disconnected
        .iter()
        .map(|d| (d.id.as_str(), d.account.as_str(), d.name.as_deref()))
        .collect();
    assert_eq!(
        said,
        [
            (
                named.id.as_str(),
                named.account.as_str(),
                Some("Client A — store")
            ),
            (unnamed.id.as_str(), "API token ••••1234", None),
        ]
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["disconnected"][0]["name"], "Client A — store");
}

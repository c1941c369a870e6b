//! What needs a person, as the tray and notifications learn it from the service: a temporary
//! problem only once it has lasted 15 minutes, a locked keychain only when it blocks a refresh,
//! a dead grant at once; and a sign-in's token that came without a refresh token is noted.

use plugboard_core::attention::{Need, LASTING_PROBLEM};

use super::*;

fn need_of(f: &Fixture, id: &plugboard_core::connection::ConnectionId) -> Option<Need> {
    f.service
        .attention()
        .unwrap()
        .into_iter()
        .find(|s| &s.id == id)
        .expect("the connection is listed")
        .need
}

#[tokio::test]
async fn a_temporary_problem_needs_someone_after_fifteen_minutes_of_failures() {
    let f = fixture("lasting").await;
    let c = connect_hubspot(&f).await;
    assert_eq!(need_of(&f, &c.id), None);
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(need_of(&f, &c.id), None, "a passing failure needs nobody");
    // Failing on (the retries' back-off), still counted from the first failure.
    f.clock.advance(LASTING_PROBLEM / 2);
    f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(need_of(&f, &c.id), None);
    f.clock.advance(LASTING_PROBLEM / 2);
    assert_eq!(need_of(&f, &c.id), Some(Need::LastingProblem));
    let subject = f
        .service
        .attention()
        .unwrap()
        .into_iter()
        .find(|s| s.id == c.id)
        .unwrap();
    assert_eq!(subject.provider, "HubSpot");
    assert_eq!(subject.account, c.account);
    // A success ends it; a later failure starts counting again.
    f.sim.set_faults(Faults::default());
    f.service.refresh(&c.id).await.unwrap();
    assert_eq!(need_of(&f, &c.id), None);
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    f.service.refresh(&c.id).await.unwrap_err();
    f.clock.advance(LASTING_PROBLEM - 60);
    assert_eq!(need_of(&f, &c.id), None);
}

#[tokio::test]
async fn a_locked_keychain_needs_someone_once_it_blocks_a_refresh() {
    let f = fixture("locked-need").await;
    let c = connect_hubspot(&f).await;
    let key = connect_whatconverts(&f).await;
    f.store.set_locked(true);
    f.service.probe_keychain().await.unwrap_err();
    // Locked, but nothing is due yet: nobody needs to hear of it.
    assert_eq!(need_of(&f, &c.id), None);
    // HubSpot's 30-minute token is due for its refresh 3 minutes before it expires.
    f.clock.advance(1_800 - 120);
    assert_eq!(need_of(&f, &c.id), Some(Need::KeychainLocked));
    assert_eq!(
        need_of(&f, &key.id),
        None,
        "a key that never expires is not blocked"
    );
    f.store.set_locked(false);
    f.service.probe_keychain().await.unwrap();
    assert_eq!(need_of(&f, &c.id), None);
}

#[tokio::test]
async fn a_dead_grant_needs_someone_at_once_and_tokens_without_a_refresh_token_are_noted() {
    let f = fixture("dead-need").await;
    let c = connect_hubspot(&f).await;
    f.sim.set_faults(Faults {
        refresh_invalid_grant: true,
        ..Faults::default()
    });
    f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(need_of(&f, &c.id), Some(Need::Reconnect));
    // HubSpot gives a refresh token; Ecwid does not (its token does not expire either).
    let index = plugboard_core::index::Index::in_dir(&f.dir);
    assert!(!index.get(&c.id).unwrap().unwrap().no_refresh_token);
    let params = browse(&f.service.begin_sign_in(&pid("ecwid")).await.unwrap().url).await;
    let (_, ecwid) = f.service.complete_sign_in(|k| params.get(k).cloned()).await;
    let ecwid = ecwid.unwrap();
    assert!(index.get(&ecwid.id).unwrap().unwrap().no_refresh_token);
    assert_eq!(need_of(&f, &ecwid.id), None, "it never expires");
}

//! What the service says stays true when something changes outside Plugboard: a keychain item
//! deleted behind its back is Reconnect needed, with that reason, for that connection only, as
//! soon as the item listing shows it — before anyone uses the connection.

use plugboard_core::lifetime::Health;
use plugboard_core::vault::VaultKey;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_keychain_item_deleted_elsewhere_is_reconnect_needed_at_once_and_only_for_it() {
    let f = fixture("truth-item-gone").await;
    let gone = hotmart(&f, "production").await;
    let kept = hotmart(&f, "sandbox").await;
    f.vault
        .delete(&VaultKey::Connection(gone.id.clone()))
        .unwrap();
    // Nobody used it yet: the index alone still says connected.
    let before = f.service.get(&gone.id).unwrap().unwrap();
    assert_eq!(before.live.health, Health::Connected);

    let (found, marked) = f.service.notice_lost_items().await.unwrap();
    assert_eq!(found.index_only, vec![gone.id.clone()]);
    assert_eq!(marked, vec![gone.id.clone()]);
    let now = f.service.get(&gone.id).unwrap().unwrap();
    assert_eq!(now.live.health, Health::ReconnectNeeded);
    let said = now
        .last_error
        .as_ref()
        .expect("the reason is kept")
        .message
        .clone();
    assert!(said.contains("gone from your keychain"), "{said}");
    assert!(said.contains("Hotmart"), "{said}");
    // The other connection of the provider is untouched: no error, still connected.
    let other = f.service.get(&kept.id).unwrap().unwrap();
    assert_eq!(other.live.health, Health::Connected);
    assert!(other.last_error.is_none(), "{:?}", other.last_error);
    // Using it says the same thing, and no provider was asked.
    let refreshed = f.service.refresh(&gone.id).await.unwrap_err();
    assert_eq!(f.service.explain(&refreshed).message, said);

    // Looked at again: nothing new in its timeline.
    let events = events_of(&f, &gone.id).len();
    let (found, marked) = f.service.notice_lost_items().await.unwrap();
    assert_eq!(found.index_only, vec![gone.id.clone()]);
    assert!(marked.is_empty(), "marked before: not news");
    assert_eq!(events_of(&f, &gone.id).len(), events);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_locked_keychain_marks_nothing() {
    let f = fixture("truth-locked").await;
    let c = hotmart(&f, "production").await;
    f.store.set_locked(true);
    assert!(
        f.service.notice_lost_items().await.is_err(),
        "it could not look"
    );
    f.store.set_locked(false);
    let now = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(now.live.health, Health::Connected);
    assert!(now.last_error.is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_success_clears_the_current_error_and_the_timeline_keeps_it() {
    let f = fixture("truth-success-clears").await;
    let c = connect_hubspot(&f).await;
    // A passing failure, then a refresh that works.
    f.sim.set_faults(plugboard_sim::Faults {
        token_unavailable: true,
        ..plugboard_sim::Faults::default()
    });
    f.service.refresh(&c.id).await.unwrap_err();
    assert!(f.service.get(&c.id).unwrap().unwrap().last_error.is_some());
    f.sim.set_faults(plugboard_sim::Faults::default());
    f.service.refresh(&c.id).await.unwrap();
    let now = f.service.get(&c.id).unwrap().unwrap();
    assert!(now.last_error.is_none(), "{:?}", now.last_error);
    assert_eq!(now.live.health, Health::Connected);

    // A dead grant, then a new sign-in for the same account: no old error either.
    f.sim.set_faults(plugboard_sim::Faults {
        refresh_invalid_grant: true,
        ..plugboard_sim::Faults::default()
    });
    f.service.refresh(&c.id).await.unwrap_err();
    let dead = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(dead.live.health, Health::ReconnectNeeded);
    assert_eq!(
        dead.last_error.as_ref().and_then(|e| e.cause),
        Some(plugboard_core::index::Cause::Refused)
    );
    f.sim.set_faults(plugboard_sim::Faults::default());
    let again = connect_hubspot(&f).await;
    assert_eq!(again.id, c.id, "the same connection, reconnected");
    let now = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(now.live.health, Health::Connected);
    assert!(now.last_error.is_none(), "{:?}", now.last_error);
    // The history is still there.
    let events = events_of(&f, &c.id);
    assert!(events.contains(&EventKind::ReconnectNeeded), "{events:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_says_one_thing_of_an_expiry_and_where_each_event_happened() {
    let f = fixture("truth-report").await;
    let w = connect_whatconverts(&f).await;
    let c = connect_hubspot(&f).await;
    // The same service as the command line would open it: its failures say so.
    let dir = f.dir.clone();
    let catalogue = f.service.catalogue().clone();
    let cli = Connections::new(catalogue, f.vault.clone(), &dir)
        .with_clock(f.clock.clone())
        .with_held_dir(Some(held_dir("truth-report")))
        .acting_as(plugboard_core::timeline::Actor::CommandLine);
    cli.credentials.set("hubspot", sim_creds("hubspot"));
    f.sim.set_faults(plugboard_sim::Faults {
        token_unavailable: true,
        ..plugboard_sim::Faults::default()
    });
    cli.refresh(&c.id).await.unwrap_err();
    let report = f.service.diagnostics(&[], None);
    let line_of = |id: &str| -> String {
        report
            .lines()
            .find(|l| l.starts_with(&format!("- {id} ")))
            .unwrap_or_default()
            .to_string()
    };
    let key = line_of(w.id.as_str());
    assert!(key.contains("Does not expire"), "{key}");
    assert!(!key.contains("never") && !key.contains("unknown"), "{key}");
    let hubspot = line_of(c.id.as_str());
    assert!(hubspot.contains("(at 20"), "the time itself: {hubspot}");
    let failed = report
        .lines()
        .find(|l| l.contains(c.id.as_str()) && l.contains("RefreshFailed"))
        .unwrap_or_default();
    assert!(failed.contains("in the command line"), "{report}");
    let events = f.service.timeline().of(&c.id);
    assert_eq!(
        events[0].by,
        Some(plugboard_core::timeline::Actor::CommandLine),
        "{events:?}"
    );
}

/// The check made at every start and every command asks the keychain about an item only the
/// first time it lists it: the kept names (`keychain-items`, beside the index) answer for the
/// rest, so its cost stays the same at any number of connections.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_lost_item_check_asks_the_keychain_only_about_items_it_has_not_seen() {
    let f = fixture("truth-items-kept").await;
    for environment in ["production", "sandbox"] {
        hotmart(&f, environment).await;
    }
    let _ = f.service.notice_lost_items().await.unwrap();
    let first = f.store.item_reads();
    assert!(first >= 2, "the first listing reads each item: {first}");
    let kept = std::fs::read_to_string(f.dir.join(plugboard_core::service::ITEMS_FILE)).unwrap();
    assert!(!kept.contains("secret"), "names only: {kept}");

    for _ in 0..3 {
        let (found, _) = f.service.notice_lost_items().await.unwrap();
        assert!(found.is_empty(), "{found:?}");
    }
    assert_eq!(f.store.item_reads(), first, "nothing asked again");

    // Ten more items (strays no connection names): only they are asked about, once.
    use plugboard_core::vault::SecretStore;
    for i in 0..10 {
        let account = format!("connection:hotmart-0000{i:04x}");
        f.store
            .put(
                f.vault.service(),
                &account,
                "a stray",
                &plugboard_core::secret::SecretString::new("{}"),
            )
            .unwrap();
    }
    let (found, _) = f.service.notice_lost_items().await.unwrap();
    assert_eq!(found.keychain_only.len(), 10);
    assert_eq!(f.store.item_reads(), first + 10);
    let _ = f.service.notice_lost_items().await.unwrap();
    assert_eq!(f.store.item_reads(), first + 10);
    // A kept name that is gone shows at once.
    let gone = f.service.list().unwrap()[0].id.clone();
    f.vault.delete(&VaultKey::Connection(gone.clone())).unwrap();
    let (found, marked) = f.service.notice_lost_items().await.unwrap();
    assert_eq!(found.index_only, vec![gone.clone()]);
    assert_eq!(marked, vec![gone]);
}

/// A keychain may give a new item the object path of one deleted: the kept names then say the
/// old account. That never marks the wrong connection lost, nor hides the one that is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reused_item_path_marks_only_the_connection_really_lost() {
    use plugboard_core::vault::Vault;
    let f = fixture("truth-path-reused").await;
    let lost = hotmart(&f, "production").await;
    let _ = f.service.notice_lost_items().await.unwrap();
    let new = hotmart(&f, "sandbox").await;
    let account = |id: &plugboard_core::connection::ConnectionId| {
        Vault::account_name(&VaultKey::Connection(id.clone()))
    };
    // The new item takes the path the first one had; then the first one is deleted.
    f.store
        .reuse_handle(f.vault.service(), &account(&lost.id), &account(&new.id));
    f.vault
        .delete(&VaultKey::Connection(lost.id.clone()))
        .unwrap();

    let (found, marked) = f.service.notice_lost_items().await.unwrap();
    assert_eq!(found.index_only, vec![lost.id.clone()], "{found:?}");
    assert_eq!(marked, vec![lost.id.clone()]);
    assert_eq!(
        f.service.get(&new.id).unwrap().unwrap().live.health,
        Health::Connected
    );
    assert_eq!(
        f.service.get(&lost.id).unwrap().unwrap().live.health,
        Health::ReconnectNeeded
    );
}

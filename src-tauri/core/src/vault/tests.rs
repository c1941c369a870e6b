use super::*;

#[test]
fn every_item_name_comes_from_one_function() {
    let id = ConnectionId::parse("hubspot-7f3a9c").unwrap();
    assert_eq!(
        Vault::account_name(&VaultKey::Connection(id)),
        "connection:hubspot-7f3a9c"
    );
    let p = ProviderId::parse("ecwid").unwrap();
    assert_eq!(
        Vault::account_name(&VaultKey::ClientSecret(p)),
        "client-secret:ecwid"
    );
}

#[test]
fn item_names_read_back_as_what_the_items_are_for() {
    for key in [
        VaultKey::Connection(ConnectionId::parse("hubspot-e4706952").unwrap()),
        VaultKey::ClientSecret(ProviderId::parse("hotmart").unwrap()),
        VaultKey::PendingSignIns,
    ] {
        assert_eq!(Vault::key_of(&Vault::account_name(&key)), Some(key));
    }
    for other in [
        "probe",
        "connection:",
        "connection:Not an id",
        "something-else",
    ] {
        assert_eq!(Vault::key_of(other), None, "{other}");
    }
}

#[test]
fn an_items_label_says_in_plain_words_whose_account_it_keeps() {
    let release = Vault::with_store(None, Arc::new(MemoryStore::default()));
    let hubspot = |name| ItemLabel::connection("HubSpot", "ana@example.com", name);
    assert_eq!(
        release.label_text(&hubspot(None)),
        "Plugboard — HubSpot (ana@example.com)"
    );
    assert_eq!(
        release.label_text(&hubspot(Some("Client B"))),
        "Plugboard — HubSpot: Client B (ana@example.com)"
    );
    assert_eq!(
        release.label_text(&ItemLabel::connection("Ecwid", "", Some(" "))),
        "Plugboard — Ecwid",
        "no empty parentheses, no empty name"
    );
    assert_eq!(
        release.label_text(&ItemLabel::app_credentials("HubSpot")),
        "Plugboard — HubSpot app credentials"
    );
    assert_eq!(
        release.label_text(&ItemLabel::PendingSignIns),
        "Plugboard — sign-ins waiting for the browser"
    );
    // Another namespace says which, so a developer's items are not taken for a person's.
    let demo = Vault::with_store(Some("demo"), Arc::new(MemoryStore::default()));
    assert_eq!(
        demo.label_text(&hubspot(None)),
        "Plugboard (demo) — HubSpot (ana@example.com)"
    );
    // An account label from a provider is escaped, as everywhere it is shown.
    assert_eq!(
        release.label_text(&ItemLabel::connection(
            "HubSpot",
            "ana\u{1b}]0;x\u{7}",
            None
        )),
        "Plugboard — HubSpot (ana\\u{1b}]0;x\\u{7})"
    );
    assert_eq!(
        release.label_text(&ItemLabel::connection("HubSpot", "ana\u{202e}moc", None)),
        "Plugboard — HubSpot (ana\\u{202e}moc)"
    );
}

#[test]
fn items_are_labelled_when_written_and_relabelled_without_their_secret() {
    let store = Arc::new(MemoryStore::default());
    let vault = Vault::with_store(None, store.clone());
    let id = ConnectionId::parse("hubspot-e4706952").unwrap();
    let key = VaultKey::Connection(id.clone());
    let account = Vault::account_name(&key);
    vault
        .put(
            &key,
            &ItemLabel::connection("HubSpot", "ana@example.com", None),
            &SecretString::new("s"),
        )
        .unwrap();
    assert_eq!(
        store.label(vault.service(), &account).as_deref(),
        Some("Plugboard — HubSpot (ana@example.com)")
    );
    let before = store.counts();
    vault
        .relabel(
            &key,
            &ItemLabel::connection("HubSpot", "ana@example.com", Some("Client B")),
        )
        .unwrap();
    assert_eq!(store.counts().reads, before.reads, "no secret read");
    assert_eq!(
        store.label(vault.service(), &account).as_deref(),
        Some("Plugboard — HubSpot: Client B (ana@example.com)")
    );
    assert_eq!(vault.get(&key).unwrap().unwrap().expose(), "s");
}

#[test]
fn relabelling_every_item_changes_only_those_labelled_otherwise() {
    let store = Arc::new(MemoryStore::default());
    let vault = Vault::with_store(Some("demo"), store.clone());
    let service = vault.service().to_string();
    let old = |account: &str| format!("{account}@{service}:default (keyring v3.6.3)");
    let secret = SecretString::new("s");
    for account in [
        "connection:hubspot-1",
        "client-secret:hubspot",
        "probe",
        "stray",
    ] {
        store
            .put(&service, account, &old(account), &secret)
            .unwrap();
    }
    let wanted = |key: &VaultKey| match key {
        VaultKey::Connection(_) => Some(ItemLabel::connection("HubSpot", "ana", None)),
        VaultKey::ClientSecret(_) => Some(ItemLabel::app_credentials("HubSpot")),
        _ => None,
    };
    let before = store.counts();
    assert_eq!(vault.relabel_all(wanted).unwrap(), Some(2));
    assert_eq!(store.counts().reads, before.reads, "no secret read");
    assert_eq!(
        store.label(&service, "connection:hubspot-1").as_deref(),
        Some("Plugboard (demo) — HubSpot (ana)")
    );
    assert_eq!(
        store.label(&service, "client-secret:hubspot").as_deref(),
        Some("Plugboard (demo) — HubSpot app credentials")
    );
    // Names Plugboard does not give are left as they are.
    assert_eq!(store.label(&service, "stray"), Some(old("stray")));
    // Nothing left to change: nothing written.
    let before = store.counts();
    assert_eq!(vault.relabel_all(wanted).unwrap(), Some(0));
    assert_eq!(store.counts(), before);
    // A locked keychain says so and changes nothing.
    store.set_locked(true);
    assert_eq!(vault.relabel_all(wanted), Err(VaultError::Locked));
}

#[test]
fn namespaces_get_their_own_service_names() {
    assert_eq!(Vault::new(None).service(), "dev.plugboard.desktop");
    assert_eq!(
        Vault::new(Some("demo")).service(),
        "dev.plugboard.desktop.demo"
    );
}

#[test]
fn keychain_errors_map_to_what_a_person_can_act_on() {
    let platform = |m: &str| keyring::Error::PlatformFailure(m.to_string().into());
    assert_eq!(
        map_error(platform(
            "org.freedesktop.Secret.Error.IsLocked: Cannot create an item in a locked collection"
        )),
        VaultError::Locked
    );
    assert!(matches!(
        map_error(platform(
            "org.freedesktop.DBus.Error.ServiceUnknown: The name is not activatable"
        )),
        VaultError::Unavailable { .. }
    ));
    assert_eq!(
        map_error(keyring::Error::NoStorageAccess("Prompt".to_string().into())),
        VaultError::Locked
    );
}

#[test]
fn unreadable_items_do_not_leak_their_bytes_into_the_error() {
    let e = map_error(keyring::Error::BadEncoding(b"\xffsecret-bytes".to_vec()));
    assert_eq!(e, VaultError::Corrupt);
    assert!(!e.to_string().contains("secret-bytes"));
}

#[test]
fn a_memory_store_is_shared_by_clones_and_locks_like_a_keychain() {
    let store = Arc::new(MemoryStore::default());
    let vault = Vault::with_store(Some("test"), store.clone());
    let key = VaultKey::Connection(ConnectionId::parse("hubspot-1").unwrap());
    assert_eq!(vault.get(&key).unwrap(), None);
    vault
        .put(&key, &ItemLabel::PendingSignIns, &SecretString::new("s"))
        .unwrap();
    assert_eq!(vault.clone().get(&key).unwrap().unwrap().expose(), "s");
    // Another namespace of the same store does not see it.
    assert_eq!(
        Vault::with_store(Some("other"), store.clone())
            .get(&key)
            .unwrap(),
        None
    );
    store.set_locked(true);
    assert_eq!(vault.get(&key).unwrap_err(), VaultError::Locked);
    vault.unlock().unwrap();
    vault.delete(&key).unwrap();
    vault.delete(&key).unwrap();
    assert_eq!(vault.get(&key).unwrap(), None);
}

#[test]
fn the_probe_key_is_never_written() {
    let err = Vault::new(Some("test"))
        .put(
            &VaultKey::Probe,
            &ItemLabel::PendingSignIns,
            &SecretString::new("x"),
        )
        .unwrap_err();
    assert!(matches!(err, VaultError::Rejected { .. }));
}

#[tokio::test]
async fn a_keychain_call_that_hangs_times_out() {
    let vault = Vault::new(Some("test")).with_timeout(Duration::from_millis(50));
    let err = vault
        .run(|_| {
            std::thread::sleep(Duration::from_millis(500));
            Ok(())
        })
        .await
        .unwrap_err();
    assert_eq!(err, VaultError::TimedOut(Duration::from_millis(50)));
}

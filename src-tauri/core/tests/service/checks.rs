//! What a connection says about itself: statuses, identity checks, a lost item, copy forms.

use std::sync::Arc;

use plugboard_core::connection::ConnectionId;
use plugboard_core::index::Index;
use plugboard_core::service::checks::{CHECK_DELAY, RECHECK_AFTER};
use plugboard_core::service::CallKind;

use super::*;

#[tokio::test]
async fn another_process_shows_when_the_window_retries_and_not_a_promise_no_window_made() {
    let f = fixture("retry-at").await;
    let c = connect_hubspot(&f).await;
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let other = || {
        let o = Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
            .with_clock(f.clock.clone());
        o.credentials.set("hubspot", sim_creds("hubspot"));
        o
    };
    let retry_seen_by = |o: &Connections| {
        o.live_all()
            .unwrap()
            .into_iter()
            .find(|l| l.id == c.id)
            .unwrap()
            .retry_at
    };
    // A process that does not schedule (a command): its failure promises no retry.
    f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(retry_seen_by(&other()), None);
    // The window's (its scheduler ticks): its retry time is shown by another process too.
    let window = other();
    window.due_refreshes().unwrap();
    window.refresh(&c.id).await.unwrap_err();
    let planned = retry_seen_by(&window).expect("the window plans a retry");
    assert_eq!(retry_seen_by(&other()), Some(planned));
    // A command's own failure meanwhile leaves the window's plan standing.
    f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(retry_seen_by(&other()), Some(planned));
    // The window quits: nobody retries, and nobody says so.
    window.forget_planned_retries();
    assert_eq!(retry_seen_by(&other()), None);
    window.refresh(&c.id).await.unwrap_err();
    assert!(retry_seen_by(&other()).is_some());
    // A refresh that works clears it.
    f.sim.set_faults(Faults::default());
    window.refresh(&c.id).await.unwrap();
    assert_eq!(retry_seen_by(&other()), None);
}

#[tokio::test]
async fn another_process_sees_a_temporary_problem_and_each_card_shows_its_most_urgent_status() {
    let f = fixture("board").await;
    let c = connect_hubspot(&f).await;
    let key = connect_whatconverts(&f).await;
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    f.service.refresh(&c.id).await.unwrap_err();
    // A second service over the same folder and keychain: another process, which never saw the
    // failure, reads it from the stored flag — the window and `plugboard status` agree.
    let catalogue = f.service.catalogue().clone();
    let other = Connections::new(catalogue, f.vault.clone(), &f.dir).with_clock(f.clock.clone());
    other.credentials.set("hubspot", sim_creds("hubspot"));
    let board = other.live_board().unwrap();
    let of = |id: &plugboard_core::connection::ConnectionId| {
        board
            .connections
            .iter()
            .find(|l| &l.id == id)
            .unwrap()
            .health
    };
    assert_eq!(of(&c.id), Health::TemporaryProblem);
    assert_eq!(of(&key.id), Health::Connected);
    let card = |p: &str| {
        board
            .cards
            .iter()
            .find(|c| c.provider == p)
            .unwrap()
            .clone()
    };
    assert_eq!(card("hubspot").health, Health::TemporaryProblem);
    assert_eq!(card("hubspot").label, "Temporary problem");
    assert_eq!(card("whatconverts").health, Health::Connected);
    assert!(board.cards.iter().all(|c| c.provider != "ecwid"));
    // The most urgent status leads: a locked keychain outranks the temporary problem.
    assert_eq!(
        Health::worst([
            Health::Connected,
            Health::KeychainLocked,
            Health::TemporaryProblem
        ]),
        Some(Health::KeychainLocked)
    );
    f.sim.set_faults(Faults::default());
    let ok = other.refresh(&c.id).await.unwrap();
    assert_eq!(
        ok.live.health,
        Health::Connected,
        "a success clears the flag"
    );
}

#[tokio::test]
async fn a_keychain_item_gone_from_an_open_keychain_needs_a_reconnect_not_an_unlock() {
    let f = fixture("item-gone").await;
    let c = connect_hubspot(&f).await;
    let key = VaultKey::Connection(c.id.clone());
    f.vault.delete(&key).unwrap();

    let err = f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(
        err.kind(),
        plugboard_core::service::ErrorKind::KeychainItemMissing
    );
    let user = err.to_user("HubSpot");
    assert_eq!(user.code, plugboard_core::error::ErrorCode::ReconnectNeeded);
    assert!(
        user.message.contains("gone from your keychain"),
        "{}",
        user.message
    );
    assert!(!user.message.contains("locked"), "{}", user.message);
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::ReconnectNeeded);
    assert!(events_of(&f, &c.id).contains(&EventKind::ReconnectNeeded));
    assert_eq!(
        f.service.keychain_state(),
        plugboard_core::lifetime::KeychainState::Ready
    );
    // Not retried by the scheduler: only a new sign-in mends it.
    assert!(f.service.due_refreshes().unwrap().is_empty());

    // The copy path says the same, and signing in again brings it back under its id.
    let err = f.service.token_material(&c.id).await.err().unwrap();
    assert!(err.needs_reconnect());
    let again = connect_hubspot(&f).await;
    assert_eq!(again.id, c.id);
    assert_eq!(again.live.health, Health::Connected);
}

#[tokio::test]
async fn copyable_token_forms_and_diagnostics_that_never_hold_a_secret() {
    let f = fixture("copy").await;
    let c = connect_hubspot(&f).await;
    let m = f.service.token_material(&c.id).await.unwrap();
    let token = m.access_token.expose().to_string();
    let refresh = m.refresh_token.as_ref().unwrap().expose().to_string();
    assert!(token.starts_with("hs-at"));
    assert_eq!(m.header.expose(), format!("Authorization: Bearer {token}"));
    // HubSpot has no identity call: the curl line asks its introspection, the token in the form
    // body, the app's secret read from a shell variable (never copied).
    let curl = m.curl.as_ref().unwrap().expose().to_string();
    assert!(
        curl.starts_with("curl -sS ")
            && curl.contains(&format!(" --data-urlencode 'token={token}'"))
            && curl.contains(" --data-urlencode 'token_type_hint=access_token'")
            && curl.contains(" --data-urlencode \"client_secret=${PLUGBOARD_CLIENT_SECRET:?")
            && curl.ends_with("/hubspot/oauth/2026-03/token/introspect'"),
        "{curl}"
    );
    assert!(
        !curl.contains(&plugboard_sim::client_secret("hubspot")),
        "{curl}"
    );
    assert!(!curl.contains("Authorization"), "{curl}");
    // The curl line works against the provider, given the secret.
    // (Off the runtime thread: the simulator answers on it.)
    let line = curl.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new("sh")
            .args(["-c", &line])
            .env(
                "PLUGBOARD_CLIENT_SECRET",
                plugboard_sim::client_secret("hubspot"),
            )
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("hub_domain"),
        "{out:?}"
    );

    // A failure, so the report has an error in it too.
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let _ = f.service.refresh(&c.id).await;
    let w = connect_whatconverts(&f).await;
    let wm = f.service.token_material(&w.id).await.unwrap();
    assert!(wm.header.expose().starts_with("Authorization: Basic "));

    let orphans = f.service.orphans().await.unwrap();
    let report = f
        .service
        .diagnostics(&[("Version", "0.0.0-test".into())], Some(&orphans));
    assert!(report.contains("Orphans: none"), "{report}");
    assert!(
        report.contains(c.id.as_str()) && report.contains("Temporary problem"),
        "{report}"
    );
    assert!(report.contains("provider_unavailable"), "{report}");
    assert!(report.contains("Does not expire"), "{report}");
    // Methods in words, times in ISO 8601, a retry time, and which account without an e-mail.
    assert!(
        report.contains("Sign in with HubSpot") && report.contains("WhatConverts API token"),
        "{report}"
    );
    assert!(report.contains("(retrying at "), "{report}");
    let year = &plugboard_core::lifetime::rfc3339(f.clock.now())[..5];
    assert!(report.contains(&format!("Checked at: {year}")), "{report}");
    assert!(
        report.contains("•••@example.com") && !report.contains("ana@example.com"),
        "{report}"
    );
    for planted in [
        token.as_str(),
        refresh.as_str(),
        plugboard_sim::WHATCONVERTS_TOKEN,
        plugboard_sim::WHATCONVERTS_SECRET,
        &plugboard_sim::client_secret("hubspot"),
        wm.access_token.expose(),
    ] {
        assert!(!report.contains(planted), "diagnostics leaked a secret");
    }
    let files = ["connections.json", "timeline.json"]
        .map(|n| std::fs::read_to_string(f.dir.join(n)).unwrap());
    for text in &files {
        assert!(!text.contains(&token) && !text.contains(&refresh));
    }
    f.service.disconnect(&c.id).await.unwrap();
    f.service.disconnect(&w.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_identity_call_gets_one_refresh_then_needs_a_reconnect() {
    let f = fixture("identity").await;
    // A token that really expires (the simulator keeps real time): refused, refreshed, fine.
    f.sim.set_faults(Faults {
        hubspot_lifetime: Some(1),
        ..Faults::default()
    });
    let c = connect_hubspot(&f).await;
    f.sim.set_faults(Faults::default());
    // The app starts an hour later: the connection is checked, not in the first seconds, once.
    f.clock.advance(RECHECK_AFTER);
    f.service.due_refreshes().unwrap();
    assert!(f.service.take_checks().is_empty(), "not at once");
    f.clock.advance(CHECK_DELAY);
    assert_eq!(
        f.service.take_checks(),
        std::slice::from_ref(&c.id),
        "checked after start"
    );
    assert!(f.service.take_checks().is_empty(), "once");
    tokio::time::sleep(std::time::Duration::from_millis(2_100)).await;
    let ok = f.service.verify(&c.id).await.unwrap();
    assert_eq!(ok.live.health, Health::Connected);
    assert_eq!(f.sim.count("hubspot.refresh"), 1);

    // Refused whatever the token: one refresh, then "Reconnect needed" (not a loop).
    f.sim.set_faults(Faults {
        identity_unauthorized: true,
        ..Faults::default()
    });
    let err = f.service.verify(&c.id).await.unwrap_err();
    assert_eq!(
        err.to_user("HubSpot").code,
        plugboard_core::error::ErrorCode::ReconnectNeeded
    );
    assert_eq!(f.sim.count("hubspot.refresh"), 2);
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.live.health, Health::ReconnectNeeded);
    // After a sleep, connections are checked again — except the one already needing a reconnect.
    f.service.due_refreshes().unwrap();
    f.clock.advance(3_600);
    f.service.due_refreshes().unwrap();
    f.clock.advance(CHECK_DELAY);
    assert!(f.service.take_checks().is_empty());
    f.sim.set_faults(Faults::default());
    f.service.disconnect(&c.id).await.unwrap();
}

#[tokio::test]
async fn an_error_about_a_connection_is_worded_with_its_provider_without_a_lookup() {
    let f = fixture("explain").await;
    let c = connect_hubspot(&f).await;
    f.sim.set_faults(Faults {
        token_unavailable: true,
        ..Faults::default()
    });
    let err = f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(err.connection(), Some(&c.id));
    assert_eq!(
        f.service.explain(&err).message,
        "HubSpot is having trouble right now. Try again in a few minutes."
    );
    // The same words the caller would have chosen with the name in hand.
    assert_eq!(f.service.explain(&err), err.to_user("HubSpot"));
}

#[tokio::test]
async fn identity_checks_wait_skip_the_recently_accepted_and_go_longest_unconfirmed_first() {
    use plugboard_core::catalogue::MethodKind::{ApiKey, AuthorizationCode};
    let f = fixture("check-order").await;
    let now = f.clock.now();
    let index = Index::in_dir(&f.dir);
    let day = 86_400;
    // Signed in two days ago, refreshed yesterday: accepted a day ago.
    let mut refreshed = stored_record("hubspot-00000001", AuthorizationCode, now - 2 * day);
    refreshed.refreshed_at = Some(now - day);
    // Signed in three days ago, nothing since: the longest unconfirmed.
    let oldest = stored_record("hubspot-00000002", AuthorizationCode, now - 3 * day);
    // Checked ten minutes ago: skipped.
    let mut checked = stored_record("hubspot-00000003", AuthorizationCode, now - 3 * day);
    checked.checked_at = Some(now - 600);
    // Signed in just now: skipped.
    let fresh = stored_record("hubspot-00000004", AuthorizationCode, now);
    // A key has no sign-in to check; a dead grant is already known.
    let key = stored_record("hubspot-00000005", ApiKey, now - 3 * day);
    let mut dead = stored_record("hubspot-00000006", AuthorizationCode, now - 3 * day);
    dead.reconnect_needed = true;
    for r in [&refreshed, &oldest, &checked, &fresh, &key, &dead] {
        index.upsert(r.clone()).unwrap();
    }

    assert!(
        f.service.take_checks().is_empty(),
        "nothing before the first tick"
    );
    f.service.due_refreshes().unwrap();
    f.clock.advance(CHECK_DELAY - 1);
    assert!(
        f.service.take_checks().is_empty(),
        "not in the first seconds"
    );
    f.clock.advance(1);
    assert_eq!(
        f.service.take_checks(),
        [oldest.id.clone(), refreshed.id.clone()]
    );
    assert!(f.service.take_checks().is_empty(), "once");

    // Two hours later the machine wakes: due again, the delay again, now the checked one too.
    f.clock.advance(2 * 3_600);
    f.service.due_refreshes().unwrap();
    assert!(f.service.take_checks().is_empty());
    f.clock.advance(CHECK_DELAY);
    assert_eq!(
        f.service.take_checks(),
        [oldest.id, refreshed.id, checked.id, fresh.id]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_passed_check_is_recorded_and_reports_no_change_a_refused_one_reports_its_connection() {
    let f = fixture("run-checks").await;
    let c = connect_hubspot(&f).await;
    let service = Arc::new(
        Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
            .with_clock(f.clock.clone()),
    );
    service.credentials.set("hubspot", sim_creds("hubspot"));
    f.clock.advance(RECHECK_AFTER);
    let changed = std::sync::Mutex::new(Vec::new());
    let note = |id: &ConnectionId| changed.lock().unwrap().push(id.clone());

    let calls = f.sim.count("hubspot.introspect");
    service.run_checks(vec![c.id.clone()], note).await;
    assert_eq!(f.sim.count("hubspot.introspect"), calls + 1);
    assert!(
        changed.lock().unwrap().is_empty(),
        "an accepted token changes nothing"
    );
    let stored = Index::in_dir(&f.dir).get(&c.id).unwrap().unwrap();
    assert_eq!(stored.checked_at, Some(f.clock.now()), "and is recorded");

    f.sim.set_faults(Faults {
        identity_unauthorized: true,
        ..Faults::default()
    });
    service.run_checks(vec![c.id.clone()], note).await;
    assert_eq!(*changed.lock().unwrap(), std::slice::from_ref(&c.id));
    assert_eq!(
        service.get(&c.id).unwrap().unwrap().live.health,
        Health::ReconnectNeeded
    );
    f.sim.set_faults(Faults::default());
}

#[tokio::test]
async fn a_keychain_items_label_follows_the_connections_name_and_is_mended_at_start() {
    let f = fixture("labels").await;
    let c = connect_whatconverts(&f).await;
    let (service, item) = (
        f.vault.service(),
        Vault::account_name(&VaultKey::Connection(c.id.clone())),
    );
    let label = || f.store.label(service, &item);
    let plain = "Plugboard (test-service-labels) — WhatConverts (API token ••••1234)";
    assert_eq!(label().as_deref(), Some(plain));

    let before = f.store.counts();
    f.service.rename(&c.id, "Client A").await.unwrap();
    assert_eq!(
        label().as_deref(),
        Some("Plugboard (test-service-labels) — WhatConverts: Client A (API token ••••1234)")
    );
    assert_eq!(
        f.store.counts().reads,
        before.reads,
        "a rename reads no secret"
    );
    // A rename the keychain could not take (locked) is mended at the next start.
    f.store.set_locked(true);
    f.service.rename(&c.id, "").await.unwrap();
    assert_eq!(f.service.relabel_items().await, 0, "locked: left alone");
    f.store.set_locked(false);
    assert_ne!(label().as_deref(), Some(plain));
    let before = f.store.counts();
    assert_eq!(f.service.relabel_items().await, 1);
    assert_eq!(label().as_deref(), Some(plain));
    assert_eq!(
        f.store.counts().reads,
        before.reads,
        "no secret read at start"
    );
    assert_eq!(f.service.relabel_items().await, 0, "nothing left to change");
    // Nothing changed since that pass: not even a listing.
    let before = f.store.counts();
    assert_eq!(f.service.relabel_items().await, 0);
    assert_eq!(f.store.counts(), before, "no keychain call");
    // A rename the locked keychain refused after that pass: the next start's pass runs.
    f.store.set_locked(true);
    f.service.rename(&c.id, "Client A").await.unwrap();
    f.store.set_locked(false);
    f.service.rename(&c.id, "").await.unwrap();
    assert_eq!(label().as_deref(), Some(plain));
    plugboard_core::vault::SecretStore::set_label(&*f.store, service, &item, "something else")
        .unwrap();
    assert_eq!(f.service.relabel_items().await, 1, "mended");
    assert_eq!(label().as_deref(), Some(plain));
}

#[tokio::test]
async fn a_connection_keeps_the_name_it_is_given_through_refreshes_and_reconnects() {
    use plugboard_core::service::NameProblem;
    let f = fixture("names").await;
    let c = connect_hubspot(&f).await;
    let key = connect_whatconverts(&f).await;
    let named = f
        .service
        .rename(&c.id, "  Client A — store ")
        .await
        .unwrap();
    assert_eq!(named.name.as_deref(), Some("Client A — store"));
    assert_eq!(
        f.service.named("client a — STORE").unwrap().unwrap().id,
        c.id
    );
    // Unique without regard to case; one line; not too long.
    let taken = f
        .service
        .rename(&key.id, "CLIENT A — store")
        .await
        .unwrap_err();
    assert!(matches!(
        taken,
        ServiceError::BadName(NameProblem::Taken(_))
    ));
    assert!(taken
        .to_user("WhatConverts")
        .message
        .contains("already called “Client A — store”"));
    assert!(matches!(
        f.service
            .rename(&key.id, &"x".repeat(61))
            .await
            .unwrap_err(),
        ServiceError::BadName(NameProblem::TooLong)
    ));
    // Nor a terminal's escape sequence, nor a direction override that would show it reversed.
    for hostile in [
        "two\nlines",
        "\u{1b}[2Jwiped",
        "ana\u{202e}erots",
        "a\u{2067}b",
    ] {
        assert!(
            matches!(
                f.service.rename(&key.id, hostile).await.unwrap_err(),
                ServiceError::BadName(NameProblem::ControlCharacters)
            ),
            "{hostile:?}"
        );
    }
    // Never a provider's id or name, nor something that looks like a connection id: on the
    // command line `token hubspot` must not mean a WhatConverts account.
    for ambiguous in ["hubspot", "HubSpot", "client-a", c.id.as_str()] {
        assert!(
            matches!(
                f.service.rename(&key.id, ambiguous).await.unwrap_err(),
                ServiceError::BadName(NameProblem::LooksLikeAnId)
            ),
            "{ambiguous}"
        );
    }
    assert_eq!(
        f.service.get(&key.id).unwrap().unwrap().name,
        None,
        "nothing changed"
    );
    // Kept through a refresh and a reconnect (the same account signing in again).
    f.service.refresh(&c.id).await.unwrap();
    let again = connect_hubspot(&f).await;
    assert_eq!(again.id, c.id);
    assert_eq!(again.name.as_deref(), Some("Client A — store"));
    assert!(again.connected_at < again.obtained_at || again.connected_at == c.connected_at);
    // Shown for support too.
    let report = f.service.diagnostics(&[], None);
    assert!(report.contains("named “Client A — store”"), "{report}");
    // A blank name takes it away.
    assert_eq!(f.service.rename(&c.id, " ").await.unwrap().name, None);
    assert!(f.service.named("Client A — store").unwrap().is_none());
}

/// An account label as a hostile provider's identity answer could make it: a terminal's title
/// set, the screen cleared, the rest of the line reversed.
const HOSTILE_LABEL: &str = "\u{1b}]0;pwned\u{7}ana\u{1b}[2J@\u{202e}moc.elpmaxe";

#[tokio::test]
async fn an_account_label_from_outside_is_shown_escaped_and_kept_as_it_came() {
    let f = fixture("hostile-label").await;
    let c = connect_hubspot(&f).await;
    let index = plugboard_core::index::Index::in_dir(&f.dir);
    let mut record = index.get(&c.id).unwrap().unwrap();
    // The label's value as the provider's answer gave it (and the label, as an older record
    // keeps it in words).
    let Some(plugboard_core::index::AccountParts::Named { values, .. }) = &mut record.account_parts
    else {
        panic!("a sign-in's label is a template's values: {record:?}");
    };
    values.insert("user".into(), HOSTILE_LABEL.into());
    values.insert("hub_domain".into(), "example-portal.hubspot.com".into());
    record.account = HOSTILE_LABEL.into();
    record.last_error = Some(plugboard_core::index::LastError {
        at: 1,
        code: "provider_error".into(),
        message: "refused\r\u{1b}[1Aall fine".into(),
        cause: None,
    });
    index.upsert(record).unwrap();

    let shown = r"example-portal.hubspot.com · \u{1b}]0;pwned\u{7}ana\u{1b}[2J@\u{202e}moc.elpmaxe";
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert_eq!(view.account, shown);
    assert_eq!(
        view.last_error.unwrap().message,
        r"refused\u{d}\u{1b}[1Aall fine"
    );
    assert_eq!(f.service.list().unwrap()[0].account, shown);
    // The tray's and the notifications' subjects too.
    let subject = f.service.attention().unwrap().remove(0);
    assert_eq!(subject.account, shown);
    // The index keeps what the provider said, as data.
    let stored = index.get(&c.id).unwrap().unwrap();
    assert_eq!(stored.account, HOSTILE_LABEL);
    assert!(
        matches!(&stored.account_parts, Some(plugboard_core::index::AccountParts::Named { values, .. }) if values["user"] == HOSTILE_LABEL)
    );
    // An older record (its label in words only) is shown escaped too.
    let mut older = stored;
    older.account_parts = None;
    index.upsert(older).unwrap();
    assert_eq!(
        f.service.get(&c.id).unwrap().unwrap().account,
        r"\u{1b}]0;pwned\u{7}ana\u{1b}[2J@\u{202e}moc.elpmaxe"
    );
}

#[tokio::test]
async fn try_it_makes_one_call_and_shows_its_answer_with_every_secret_masked() {
    let f = fixture("try-it").await;
    let c = connect_hubspot(&f).await;
    let key = connect_whatconverts(&f).await;
    let token = f.service.token_material(&c.id).await.unwrap().access_token;
    let report = f.service.try_call(&c.id).await.unwrap();
    assert_eq!((report.status, report.accepted), (200, true), "{report:?}");
    assert_eq!(report.status_text, "OK");
    // HubSpot's identity call is gone: Try it asks its introspection, and says so.
    assert_eq!(report.call, CallKind::Introspection);
    assert_eq!(report.active, Some(true));
    assert!(
        report.request.starts_with("POST http://127.0.0.1:")
            && report
                .request
                .ends_with("/hubspot/oauth/2026-03/token/introspect"),
        "{report:?}"
    );
    let sent = report.sent.clone().unwrap();
    assert!(
        sent.contains("token_type_hint=access_token") && sent.contains("client_secret=hubs"),
        "{sent}"
    );
    let secret = plugboard_sim::client_secret("hubspot");
    for text in [&report.request, &sent, &report.excerpt] {
        assert!(!text.contains(token.expose()), "a token in {text}");
        assert!(!text.contains(&secret), "the client secret in {text}");
    }
    assert!(report.excerpt.contains("ana@example.com"), "{report:?}");
    assert!(
        report.excerpt.contains("\"token_use\": \"access_token\""),
        "{report:?}"
    );
    assert!(
        !report.excerpt.contains("sig-000"),
        "signatures hidden: {report:?}"
    );
    let keyed = f.service.try_call(&key.id).await.unwrap();
    assert!(keyed.accepted, "{keyed:?}");
    assert_eq!(
        (keyed.call, keyed.active, keyed.sent.as_deref()),
        (CallKind::Check, None, None)
    );
    assert!(!keyed.excerpt.contains(plugboard_sim::WHATCONVERTS_SECRET));
    // What a script would get, as it is: a refused token is a report, not an error, and
    // nothing is refreshed or marked.
    f.sim.set_faults(Faults {
        identity_unauthorized: true,
        ..Faults::default()
    });
    let refused = f.service.try_call(&c.id).await.unwrap();
    assert_eq!(
        (refused.status, refused.active, refused.accepted),
        (200, Some(false), false),
        "HubSpot says an inactive token with a 200"
    );
    assert!(refused.excerpt.contains("\"active\": false"), "{refused:?}");
    assert_eq!(f.sim.count("hubspot.refresh"), 0);
    assert_eq!(
        f.service.get(&c.id).unwrap().unwrap().live.health,
        Health::Connected
    );
}

//! Custody: what Plugboard holds is never lost by its own behaviour. Rotated tokens the keychain
//! refused outlive the process that got them; a full disk during a reconnect or a disconnect
//! changes nothing; a clock that went back never stretches a token's life; every keychain write
//! of a refresh happens inside a moment of custody (where stop signals wait). The provider
//! rotates refresh tokens with reuse detection: a spent one presented again revokes the grant,
//! and `hubspot.reuse_detected` counts the grants lost — zero in every test.

use plugboard_core::connection::ConnectionId;
use plugboard_core::service::HeldIn;
use plugboard_core::tokens::ConnectionSecret;

use super::faults::item;
use super::*;

/// The refresh token the keychain holds for a connection.
fn refresh_token_of(f: &Fixture, id: &ConnectionId) -> String {
    let item = item(f, id).expect("a keychain item");
    let secret = ConnectionSecret::decode(&item).unwrap();
    secret
        .tokens()
        .and_then(|t| t.refresh_token.clone())
        .expect("a refresh token")
        .expose()
        .to_string()
}

fn rotating(f: &Fixture) {
    f.sim.set_faults(Faults {
        rotate_refresh_tokens: true,
        ..Faults::default()
    });
}

/// A second process over the same data folder, keychain and runtime folder.
fn another_process(f: &Fixture, name: &str) -> Connections {
    let s = Connections::new(f.service.catalogue().clone(), f.vault.clone(), &f.dir)
        .with_clock(f.clock.clone())
        .with_held_dir(Some(held_dir(name)));
    s.credentials.set("hubspot", sim_creds("hubspot"));
    s
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotated_tokens_a_command_could_not_save_survive_it_and_are_saved_by_the_next() {
    let name = "custody-held";
    let f = fixture(name).await;
    rotating(&f);
    let c = connect_hubspot(&f).await;
    let spent = refresh_token_of(&f, &c.id);
    // The keychain's daemon is gone (its writes fail) when a command refreshes.
    let command = another_process(&f, name);
    f.store.refuse_writes(true);
    let e = command.refresh(&c.id).await.unwrap_err();
    let why = format!("{e:?}");
    assert!(why.contains(&format!("{:?}", HeldIn::RuntimeFile)), "{why}");
    assert!(why.contains("Unsaved"), "{why}");
    let message = command.explain(&e).message;
    assert!(message.contains("private file"), "{message}");
    assert!(message.contains("log out"), "{message}");
    assert!(!message.contains("keep Plugboard open"), "{message}");
    // The file waits in the runtime folder, private.
    let file = held_dir(name).join(format!("{}.json", c.id));
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The command ends: nothing of it remains but the file.
    drop(command);
    assert!(!f.sim.knows_refresh_token(&spent), "the provider spent it");

    // The next command starts while the keychain still refuses: still held, nothing spent.
    let next = another_process(&f, name);
    assert_eq!(next.save_held().await, 1);
    assert!(file.exists());
    // Its `plugboard token` uses the held tokens (the keychain's are spent).
    let material = next.token_material(&c.id).await.unwrap();
    assert!(f.sim.token_is_active(material.access_token.expose()));

    // The keychain is back: the next command saves them first thing, and the grant goes on.
    f.store.refuse_writes(false);
    let later = another_process(&f, name);
    assert_eq!(later.save_held().await, 0);
    assert!(!file.exists(), "the file is gone once saved");
    let saved = refresh_token_of(&f, &c.id);
    assert_ne!(saved, spent);
    assert!(f.sim.knows_refresh_token(&saved));
    later.refresh(&c.id).await.unwrap();
    later.refresh(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.reuse_detected"), 0, "no grant lost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refresh_finds_held_tokens_of_another_process_before_the_keychains_spent_ones() {
    let name = "custody-held-refresh";
    let f = fixture(name).await;
    rotating(&f);
    let c = connect_hubspot(&f).await;
    f.store.refuse_writes(true);
    f.service.refresh(&c.id).await.unwrap_err();
    f.store.refuse_writes(false);
    // The window (another process, already running) refreshes on its schedule: it must send
    // the held refresh token, not the keychain's spent one.
    let window = another_process(&f, name);
    window.refresh(&c.id).await.unwrap();
    window.refresh(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.reuse_detected"), 0, "no grant lost");
    assert!(f.sim.knows_refresh_token(&refresh_token_of(&f, &c.id)));
    assert!(!window.holds_unsaved());
    // The process that kept them holds no copy of its own that could now be stale: it refreshes
    // from what the other saved since.
    assert_eq!(f.service.save_held().await, 0);
    f.service.refresh(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.reuse_detected"), 0, "no grant lost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn while_the_keychain_still_refuses_a_refresh_says_the_tokens_wait_and_a_token_is_served() {
    let f = fixture("custody-still-refused").await;
    rotating(&f);
    let c = connect_hubspot(&f).await;
    f.store.refuse_writes(true);
    f.service.refresh(&c.id).await.unwrap_err();
    assert_eq!(f.sim.count("hubspot.refresh"), 1);
    // Refresh again (the button, the scheduler): not "refreshed", not asked again.
    let e = f.service.refresh(&c.id).await.unwrap_err();
    assert!(format!("{e:?}").contains("Unsaved"), "{e:?}");
    assert_eq!(
        f.sim.count("hubspot.refresh"),
        1,
        "nothing sent while they wait"
    );
    // `plugboard token`: the held tokens are fresh, so they are served.
    let view = f.service.ensure_fresh(&c.id, 60).await.unwrap();
    assert_eq!(view.id, c.id);
    let material = f.service.token_material(&c.id).await.unwrap();
    assert!(f.sim.token_is_active(material.access_token.expose()));
    assert_eq!(f.service.save_held().await, 1);
    f.store.refuse_writes(false);
    assert_eq!(f.service.save_held().await, 0);
    assert_eq!(f.sim.count("hubspot.reuse_detected"), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_save_of_tokens_that_did_not_rotate_holds_nothing_outside_the_keychain() {
    let name = "custody-not-rotated";
    let f = fixture(name).await;
    let c = connect_hubspot(&f).await;
    f.store.refuse_writes(true);
    let e = f.service.refresh(&c.id).await.unwrap_err();
    assert!(!format!("{e:?}").contains("Unsaved"), "{e:?}");
    assert!(!f.service.holds_unsaved());
    assert!(!held_dir(name).join(format!("{}.json", c.id)).exists());
    f.store.refuse_writes(false);
    f.service.refresh(&c.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_keychain_write_of_a_refresh_is_made_in_custody() {
    let f = fixture("custody-moments").await;
    rotating(&f);
    let c = connect_hubspot(&f).await;
    // (The sign-in's own writes before the provider answers — its pending state — need none.)
    let before = f.store.writes_outside_custody();
    for _ in 0..3 {
        f.service.refresh(&c.id).await.unwrap();
    }
    assert_eq!(
        f.store.writes_outside_custody() - before,
        0,
        "a stop signal could have come between the provider's answer and a write"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clock_that_went_back_does_not_serve_a_token_past_its_end() {
    let f = fixture("custody-clock").await;
    let c = connect_hubspot(&f).await;
    let start = f.clock.now();
    // The clock runs 2 h ahead: every token looks expired, so `plugboard token` refreshes, and
    // the new expiry is stored on that clock (2 h ahead).
    f.clock.set(start + 7200);
    f.service.ensure_fresh(&c.id, 60).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 1);
    // Back on the right clock five minutes later: the stored expiry would say 1 h 55 min left
    // of a token that really has 25 min. It counts as due now: shown so, refreshed before use.
    f.clock.set(start + 300);
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert!(
        view.live.seconds_left.is_some_and(|s| s <= 0),
        "{:?}",
        view.live
    );
    assert_eq!(f.service.due_refreshes().unwrap(), vec![c.id.clone()]);
    f.service.ensure_fresh(&c.id, 60).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 2, "refreshed, not served");
    let view = f.service.get(&c.id).unwrap().unwrap();
    assert!(view
        .live
        .seconds_left
        .is_some_and(|s| s > 1700 && s <= 1800));
    // A clock that went forward only makes a token look older: refreshed early, never late.
    f.clock.set(start + 300 + 3 * 3600);
    f.service.ensure_fresh(&c.id, 60).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 3);
}

/// A small disk of a test's own (a tmpfs, as the full-disk reports used), unmounted on
/// drop. Needs the right to mount (the test desktop runs as root).
struct SmallDisk {
    path: PathBuf,
}

impl SmallDisk {
    fn mount(name: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("plugboard-disk-{name}-{}", std::process::id()));
        let _ = Command::new("umount")
            .arg(&path)
            .stderr(std::process::Stdio::null())
            .status();
        std::fs::create_dir_all(&path).unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs"])
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            mounted,
            "a full-disk test mounts a 1 MiB tmpfs at {} (needs root, as `make test` has)",
            path.display()
        );
        Self { path }
    }

    /// Fills the disk to the last byte.
    fn fill(&self) {
        use std::io::Write;
        let mut f = std::fs::File::create(self.path.join("filler")).unwrap();
        let block = vec![0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let mut byte = 1;
        while byte > 0 {
            byte = f.write(&[0]).unwrap_or(0);
        }
        let _ = f.sync_all();
    }

    fn free(&self) {
        std::fs::remove_file(self.path.join("filler")).unwrap();
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reconnect_on_a_full_disk_keeps_the_connection_that_was_there() {
    let disk = SmallDisk::mount("reconnect");
    let f = fixture_in("custody-full-reconnect", disk.path.join("data")).await;
    let c = connect_hubspot(&f).await;
    let before = item(&f, &c.id).unwrap();
    // Reconnect: the person signs in again; the disk fills before Plugboard saves.
    let params = browse(&f.service.begin_sign_in(&pid("hubspot")).await.unwrap().url).await;
    disk.fill();
    let e = f
        .service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap_err();
    let message = f.service.explain(&e).message;
    assert!(message.contains("changed nothing"), "{message}");
    assert!(message.contains("HubSpot"), "{message}");
    // The old connection is whole: its keychain item as it was, its index entry there.
    assert_eq!(item(&f, &c.id), Some(before));
    assert_eq!(f.service.list().unwrap().len(), 1);
    let orphans = f.service.orphans().await.unwrap();
    assert!(orphans.is_empty(), "{orphans:?}");
    disk.free();
    f.service.refresh(&c.id).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disconnect_on_a_full_disk_revokes_nothing_and_says_nothing_changed() {
    let disk = SmallDisk::mount("disconnect");
    let f = fixture_in("custody-full-disconnect", disk.path.join("data")).await;
    let c = connect_hubspot(&f).await;
    let token = refresh_token_of(&f, &c.id);
    disk.fill();
    let e = f.service.disconnect(&c.id).await.unwrap_err();
    let message = f.service.explain(&e).message;
    assert!(message.contains("changed nothing"), "{message}");
    // Not revoked, not deleted, still listed: what `status` says is true.
    assert!(
        f.sim.knows_refresh_token(&token),
        "the grant was not revoked"
    );
    assert!(item(&f, &c.id).is_some());
    assert_eq!(f.service.list().unwrap().len(), 1);
    disk.free();
    let (_, report) = f.service.disconnect(&c.id).await.unwrap();
    assert_eq!(report, DisconnectReport::Revoked);
    assert!(item(&f, &c.id).is_none());
    assert!(f.service.list().unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_providers_file_that_moves_the_token_url_gets_no_tokens_without_a_new_sign_in() {
    let f = fixture("custody-moved").await;
    let c = connect_hubspot(&f).await;
    let token = refresh_token_of(&f, &c.id);
    // A providers file now points HubSpot's token URL at another server ("localhost" stands for
    // another host here: the check is by host name, not by port).
    let elsewhere = Simulator::start().await.unwrap();
    let text = format!(
        "{}\n{}",
        elsewhere.providers_toml(53682),
        elsewhere.nimbus_toml()
    )
    .replace("http://127.0.0.1:", "http://localhost:");
    let moved = Catalogue::parse(&text, &Origin::File("moved.toml".into())).unwrap();
    let service = Connections::new(moved, f.vault.clone(), &f.dir)
        .with_clock(f.clock.clone())
        .with_held_dir(Some(held_dir("custody-moved")));
    service.credentials.set("hubspot", sim_creds("hubspot"));
    let e = service.refresh(&c.id).await.unwrap_err();
    let message = service.explain(&e).message;
    assert!(
        message.contains("did not send its tokens there"),
        "{message}"
    );
    assert!(message.contains("reconnect HubSpot"), "{message}");
    assert_eq!(
        elsewhere.count("hubspot.refresh"),
        0,
        "nothing was sent there"
    );
    assert!(f.sim.knows_refresh_token(&token), "the grant is untouched");
    // `plugboard token` and the scheduler ask the same refresh: nothing sent either.
    f.clock.advance(3600);
    assert!(service.ensure_fresh(&c.id, 60).await.is_err());
    assert_eq!(elsewhere.count("hubspot.refresh"), 0);
    // A new sign-in through the new address is the person's yes.
    let params = browse(&service.begin_sign_in(&pid("hubspot")).await.unwrap().url).await;
    service
        .complete_sign_in(|k| params.get(k).cloned())
        .await
        .1
        .unwrap();
    service.refresh(&c.id).await.unwrap();
    assert_eq!(elsewhere.count("hubspot.refresh"), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_planned_on_a_clock_that_ran_ahead_comes_forward_when_it_is_set_back() {
    let f = fixture("custody-clock-retry").await;
    // A 100-second token: due for its refresh 50 s in.
    f.sim.set_faults(Faults {
        hubspot_lifetime: Some(100),
        ..Faults::default()
    });
    let c = connect_hubspot(&f).await;
    let start = f.clock.now();
    assert!(f.service.due_refreshes().unwrap().is_empty());
    // The clock jumps 2 h ahead while HubSpot is down: the refresh fails, a retry is planned on
    // that clock (a minute or so after it).
    f.sim.set_faults(Faults {
        hubspot_lifetime: Some(100),
        token_unavailable: true,
        ..Faults::default()
    });
    f.clock.set(start + 7200);
    let due = f.service.due_refreshes().unwrap();
    assert_eq!(due, vec![c.id.clone()]);
    assert!(f.service.refresh_if_due(&c.id).await.is_err());
    // HubSpot is back and the clock is set right, when the token is due anyway: the retry
    // planned on the old clock does not hold the refresh back 2 h.
    f.sim.set_faults(Faults::default());
    f.clock.set(start + 60);
    assert_eq!(f.service.due_refreshes().unwrap(), vec![c.id.clone()]);
    f.service.refresh_if_due(&c.id).await.unwrap();
    assert_eq!(f.sim.count("hubspot.refresh"), 2);
}

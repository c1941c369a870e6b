//! Custody on the command line, with the faults as they happen: stop signals mid-refresh, a
//! keychain daemon that dies and comes back locked, against HubSpot rotating its refresh tokens
//! with reuse detection (a spent token presented again revokes the grant). Each test counts the
//! grants lost (`hubspot.reuse_detected`): the target is zero. A keychain of the test's own, so
//! stopping or restarting its daemon touches no other test.

use std::os::unix::process::ExitStatusExt;

use std::path::PathBuf;
use std::time::Duration;

use plugboard_sim::Faults;
use serde_json::Value;

use crate::world::{assert_no_secrets, wait_for, World};

/// Signs in to HubSpot through the browser stand-in; returns the connection's id.
async fn connect_hubspot(w: &World) -> String {
    let out = w.run(&["connect", "hubspot", "--json"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let doc: Value = serde_json::from_str(&out.stdout).unwrap();
    doc["id"].as_str().unwrap().to_string()
}

/// HubSpot rotates refresh tokens with reuse detection, spends the presented one at once and
/// answers 2 s later: a window to stop the client in mid-refresh.
fn rotating_slowly(w: &World) {
    w.set_faults(Faults {
        rotate_refresh_tokens: true,
        refresh_delay: Some(Duration::from_secs(2)),
        ..Faults::default()
    });
}

/// Sends `signal` (`INT`, `TERM`, …) to a process this test started, by its id.
fn send(pid: u32, signal: &str) {
    let sent = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(sent, "kill -{signal} {pid}");
}

fn number(signal: &str) -> i32 {
    match signal {
        "HUP" => 1,
        "INT" => 2,
        "TERM" => 15,
        other => panic!("no number for {other}"),
    }
}

/// The runtime file tokens wait in for connection `id`, if any (`$XDG_RUNTIME_DIR/plugboard/
/// <data folder key>/<id>.json`).
fn held_file(id: &str) -> Option<PathBuf> {
    let root = PathBuf::from(std::env::var_os("XDG_RUNTIME_DIR")?).join("plugboard");
    std::fs::read_dir(root)
        .ok()?
        .flatten()
        .map(|d| d.path().join(format!("{id}.json")))
        .find(|p| p.exists())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn stop_signals_during_a_refresh_wait_until_the_rotated_tokens_are_saved() {
    let w = World::with_private_keychain("signals").await;
    let keychain = w.keychain.as_ref().unwrap();
    let id = connect_hubspot(&w).await;
    rotating_slowly(&w);
    for signal in ["INT", "TERM", "HUP"] {
        let refreshes = w.sim.count("hubspot.refresh");
        let answered = w.sim.count("hubspot.refresh_answered");
        let mut child = w.command(&["refresh", &id]).spawn().unwrap();
        let pid = child.id().unwrap();
        wait_for(Duration::from_secs(20), || {
            w.sim.count("hubspot.refresh") == refreshes + 1
        })
        .await;
        // The request is out: the signal waits.
        send(pid, signal);
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert!(
            child.try_wait().unwrap().is_none(),
            "SIGHUP/INT/TERM mid-refresh ended the command"
        );
        if signal == "INT" {
            // A slow keychain: its daemon stopped until after the person's second Ctrl-C.
            keychain.signal_daemon("STOP");
            wait_for(Duration::from_secs(20), || {
                w.sim.count("hubspot.refresh_answered") == answered + 1
            })
            .await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            assert!(
                child.try_wait().unwrap().is_none(),
                "waiting for the keychain"
            );
            send(pid, "INT");
            tokio::time::sleep(Duration::from_millis(300)).await;
            assert!(
                child.try_wait().unwrap().is_none(),
                "a second Ctrl-C only warns"
            );
            keychain.signal_daemon("CONT");
        }
        let out = tokio::time::timeout(Duration::from_secs(40), child.wait_with_output())
            .await
            .expect("the command ends once the refresh is saved")
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.signal(),
            Some(number(signal)),
            "ended by SIG{signal} once saved: {stderr}"
        );
        if signal == "INT" {
            assert!(
                stderr.contains("Finishing the refresh — press Ctrl-C again to abandon it"),
                "{stderr}"
            );
        }
        assert_no_secrets(&stderr);
    }
    // Every rotated token was saved: the next refreshes present the newest, no grant is lost.
    w.set_faults(Faults {
        rotate_refresh_tokens: true,
        ..Faults::default()
    });
    w.ok(&["refresh", &id]).await;
    w.ok(&["refresh", &id]).await;
    assert_eq!(w.sim.count("hubspot.reuse_detected"), 0, "grants lost");
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn rotated_tokens_a_dead_keychain_refused_wait_for_the_next_command_and_nothing_is_lost() {
    let w = World::with_private_keychain("held").await;
    let keychain = w.keychain.as_ref().unwrap();
    let id = connect_hubspot(&w).await;
    rotating_slowly(&w);
    let child = w.command(&["refresh", &id]).spawn().unwrap();
    wait_for(Duration::from_secs(20), || {
        w.sim.count("hubspot.refresh") == 1
    })
    .await;
    // The keyring daemon dies while the provider answers; the bus brings one back on demand,
    // its keychain locked (nobody typed the password): the new tokens cannot be saved.
    keychain.stop_daemon();
    let out = tokio::time::timeout(Duration::from_secs(60), child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{stderr}");
    assert!(stderr.contains("private file"), "{stderr}");
    assert!(!stderr.contains("keep Plugboard open"), "{stderr}");
    assert_no_secrets(&stderr);
    let file = held_file(&id).expect("the tokens wait in the runtime folder");
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(file.parent().unwrap()), 0o700);
    }

    // Still locked: a command leaves them waiting (and says the keychain is locked).
    let out = w.run(&["status"]).await;
    assert!(file.exists(), "{}{}", out.stdout, out.stderr);
    assert!(
        !out.stdout.contains("lost their keychain items") && !out.stderr.contains("lost"),
        "{}{}",
        out.stdout,
        out.stderr
    );

    // The person unlocks the keychain: the next command saves them first thing.
    keychain.stop_daemon();
    keychain.start_unlocked();
    w.set_faults(Faults {
        rotate_refresh_tokens: true,
        ..Faults::default()
    });
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
    assert!(!file.exists(), "saved and removed");
    w.ok(&["refresh", &id]).await;
    w.ok(&["refresh", &id]).await;
    assert_eq!(w.sim.count("hubspot.reuse_detected"), 0, "grants lost");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_keychain_restarted_and_still_locked_is_not_read_as_lost_items() {
    let w = World::with_private_keychain("restarted-locked").await;
    w.connect_whatconverts().await;
    w.connect_hotmart("production").await;
    w.keychain.as_ref().unwrap().restart_locked();
    let out = w.run(&["status"]).await;
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(!said.contains("lost their keychain items"), "{said}");
    assert!(!said.contains("doctor --fix"), "{said}");
    assert!(said.contains("locked"), "{said}");
    let doc = w.run(&["status", "--json"]).await;
    let doc: Value = serde_json::from_str(&doc.stdout).unwrap();
    assert!(
        doc["orphans"].is_null(),
        "orphans are left out when the keychain cannot be asked: {doc}"
    );
}

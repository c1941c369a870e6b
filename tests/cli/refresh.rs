//! Refreshing from the command line across processes: concurrent `token` calls refresh once, a
//! replayed refresh token kills the grant, a lock held too long gives up with exit 5, and a
//! refresh killed midway loses nothing.

use std::time::Duration;

use plugboard_sim::Faults;
use serde_json::{json, Value};

use crate::world::{wait_for, World};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn concurrent_token_calls_from_several_processes_refresh_once() {
    let w = World::new("cross-process").await;
    // Sign-in tokens live 4 s; 3 s later less than half of that is left, so every `token` call
    // wants a refresh (the ask is capped at half a token's life).
    w.set_faults(Faults {
        nimbus_lifetime: Some(4),
        ..Faults::default()
    });
    let id = w.connect_nimbus().await["id"].as_str().unwrap().to_string();
    assert_eq!(w.sim.count("nimbus.refresh"), 0);
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;

    // Three shells ask for the token at once. Nimbus rotates refresh tokens and revokes the
    // grant when a spent one comes back: a double spend would show as reuse_detected and exit 3.
    let (a, b, c) = tokio::join!(
        w.run(&["token", "nimbus"]),
        w.run(&["token", "nimbus"]),
        w.run(&["token", "nimbus"])
    );
    let outs = [a, b, c];
    for out in &outs {
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert_eq!(
        w.sim.count("nimbus.refresh"),
        1,
        "one refresh for three callers"
    );
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 0);
    assert!(
        outs.iter().all(|o| o.stdout == outs[0].stdout),
        "every caller printed the one fresh token"
    );
    let status = w.json(&["status", "--json"]).await;
    assert!(status["connections"][0]["seconds_left"].as_i64().unwrap() > 3000);

    // Two explicit refreshes at once: never the same refresh token twice.
    let args = ["refresh", id.as_str()];
    let (a, b) = tokio::join!(w.run(&args), w.run(&args));
    let outs = [a, b];
    for out in &outs {
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 0);
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"][0]["status"],
        "connected"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_replayed_refresh_token_revokes_the_grant_and_the_cli_says_reconnect() {
    let w = World::new("reuse").await;
    w.connect_nimbus().await;
    w.ok(&["refresh", "nimbus"]).await;
    assert_eq!(w.sim.count("nimbus.refresh"), 1);

    // Someone replays the refresh token Plugboard already spent (a leaked copy).
    let spent = w.sim.spent_refresh_tokens();
    assert_eq!(spent.len(), 1);
    let replay = std::process::Command::new("curl")
        .args([
            "-s",
            "-H",
            "Content-Type: application/json",
            "--data",
            &json!({"grant_type": "refresh_token", "refresh_token": spent[0], "client_id": plugboard_sim::client_id("nimbus")}).to_string(),
            &format!("{}/nimbus/oauth/token", w.sim.base_url()),
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&replay.stdout).contains("invalid_grant"));
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 1);

    // The whole grant is gone: refresh says to reconnect (exit 3), and so does token afterwards.
    let out = w.run(&["refresh", "nimbus"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stderr.contains("Connect again"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked"));
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "reconnect_needed");
    assert_eq!(
        status["connections"][0]["last_error"]["code"],
        "reconnect_needed"
    );
    let out = w.run(&["token", "nimbus"]).await;
    assert_eq!(out.code, 3, "{}", out.stderr);
    assert!(out.stdout.is_empty());

    // Connecting again brings it back, under the same id.
    w.connect_nimbus().await;
    assert_eq!(
        w.json(&["status", "--json"]).await["connections"][0]["status"],
        "connected"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_refresh_held_up_by_another_process_gives_up_with_exit_5() {
    let w = World::new("busy").await;
    let hotmart = w.connect_hotmart("production").await;
    let id = hotmart["id"].as_str().unwrap();
    let token = w.ok(&["token", id]).await;
    // Another process holds the connection's refresh lock (util-linux `flock`, as any program
    // taking the same advisory lock would) for longer than this refresh will wait.
    let lock = w
        .dir
        .join(format!("data/dev.plugboard.desktop/dev/locks/{id}.lock"));
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    // `-o`: the lock stays with `flock` itself (not `sleep`), so killing it lets go.
    let mut holder = tokio::process::Command::new("flock")
        .arg("-o")
        .arg(&lock)
        .args(["sleep", "20"])
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    let mut cmd = w.command(&["refresh", id]);
    cmd.env("PLUGBOARD_REFRESH_WAIT_SECS", "2");
    let out = w.run_cmd(cmd, "").await;
    assert_eq!(out.code, 5, "{}", out.stderr);
    assert!(out.stderr.contains("still refreshing"), "{}", out.stderr);
    assert_eq!(
        w.sim.count("hotmart.mint"),
        1,
        "nothing sent while the lock was held"
    );
    // Waiting is not a failure of the connection: nothing recorded, still connected.
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
    assert_eq!(status["connections"][0]["last_error"], Value::Null);
    // Once the other process lets go, the refresh goes through.
    holder.kill().await.unwrap();
    let _ = holder.wait().await;
    w.ok(&["refresh", id]).await;
    assert_eq!(w.sim.count("hotmart.mint"), 2);
    assert_ne!(w.ok(&["token", id]).await, token);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_refresh_killed_midway_and_run_again_works_with_nothing_lost() {
    let w = World::new("killed").await;
    let id = w.connect_nimbus().await["id"].as_str().unwrap().to_string();
    let index = w
        .dir
        .join("data/dev.plugboard.desktop/dev/connections.json");
    let before = std::fs::read(&index).unwrap();
    // The provider takes its time; the refresh is killed (SIGKILL) while it waits, holding the
    // connection's refresh lock.
    w.set_faults(Faults {
        refresh_answer: Some(plugboard_sim::Answer {
            delay: Duration::from_secs(20),
            ..plugboard_sim::Answer::ok(r#"{"access_token":"late"}"#)
        }),
        ..Faults::default()
    });
    let mut child = w.command(&["refresh", &id]).spawn().unwrap();
    wait_for(Duration::from_secs(10), || {
        w.sim.count("nimbus.refresh") == 1
    })
    .await;
    child.start_kill().unwrap();
    let status = child.wait().await.unwrap();
    assert!(!status.success());
    assert_eq!(std::fs::read(&index).unwrap(), before, "the index is whole");

    // Run again: the lock died with its process, the stored tokens are the ones before.
    w.set_faults(Faults::default());
    let out = w.run(&["refresh", &id, "--json"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(w.sim.count("nimbus.refresh"), 2);
    assert_eq!(w.sim.count("nimbus.reuse_detected"), 0);
    let status = w.json(&["status", "--json"]).await;
    assert_eq!(status["connections"][0]["status"], "connected");
}

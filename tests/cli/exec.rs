//! `plugboard exec`: a token inside a program — in its environment, kept fresh in a file with
//! `--live`, hidden in its output with `--mask` — with its exit status and stop signals passed
//! through, and every token handed to it in the record (`plugboard audit`).

use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, BufReader};

use crate::world::World;

async fn hubspot(w: &World) -> String {
    let out = w.run(&["connect", "hubspot", "--json"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str::<Value>(&out.stdout).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn exec_gives_the_token_passes_the_exit_status_and_is_recorded() {
    let w = World::new("exec-env").await;
    let id = hubspot(&w).await;
    let token = w.ok(&["token", &id]).await.trim().to_string();
    let seen = w.dir.join("seen");
    let script = format!(
        "printf %s \"$HUBSPOT_ACCESS_TOKEN\" > '{}'; exit 7",
        seen.display()
    );
    let out = w.run(&["exec", "hubspot", "--", "sh", "-c", &script]).await;
    assert_eq!(out.code, 7, "the command's exit status: {}", out.stderr);
    assert_eq!(std::fs::read_to_string(&seen).unwrap(), token);

    // A name of the person's choice, and only that one.
    let out = w
        .run(&[
            "exec",
            &id,
            "--env",
            "HS",
            "--",
            "sh",
            "-c",
            "test -n \"$HS\" && test -z \"$HUBSPOT_ACCESS_TOKEN\"",
        ])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);

    // Bad input: said in words, nothing run.
    let out = w
        .run(&["exec", "hubspot", "--env", "1X", "--", "true"])
        .await;
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("“1X” cannot be an environment variable"),
        "{}",
        out.stderr
    );
    let out = w
        .run(&["exec", "hubspot", "--", "no-such-command-here"])
        .await;
    assert_eq!(out.code, 127, "as a shell says it");
    assert!(
        out.stderr
            .contains("Command not found: no-such-command-here"),
        "{}",
        out.stderr
    );
    let out = w.run(&["exec", "nosuch", "--", "true"]).await;
    assert_eq!(out.code, 6, "{}", out.stderr);
    let out = w
        .run(&["exec", "hubspot", "--", "sh", "-c", "kill -KILL $$"])
        .await;
    assert_eq!(
        out.code,
        128 + 9,
        "a command ended by a signal: 128 + the signal"
    );

    // The record: each door, each program, never the token.
    let doc = w.json(&["audit", &id, "--json"]).await;
    let uses = doc["uses"].as_array().unwrap();
    let doors: Vec<&str> = uses.iter().map(|u| u["door"].as_str().unwrap()).collect();
    assert!(doors.contains(&"exec") && doors.contains(&"token"), "{doc}");
    let exec = uses.iter().find(|u| u["door"] == "exec").unwrap();
    assert_eq!(exec["outcome"], "allowed");
    assert_eq!(exec["program"]["script"], "(inline code)", "{exec}");
    assert!(
        exec["program"]["path"].as_str().unwrap().starts_with('/'),
        "{exec}"
    );
    assert_eq!(exec["provider"], "HubSpot");
    let by_token = uses.iter().find(|u| u["door"] == "token").unwrap();
    assert_eq!(by_token["form"], "access");
    // `plugboard token` was run by this test's process: the record names it.
    let me = std::env::current_exe().unwrap();
    assert_eq!(
        by_token["program"]["path"],
        me.display().to_string(),
        "{by_token}"
    );
    let table = w.ok(&["audit"]).await;
    assert!(
        table.contains("plugboard exec") && table.contains("plugboard token"),
        "{table}"
    );
    assert!(table.contains("HubSpot · "), "{table}");
    let kept =
        std::fs::read_to_string(w.dir.join("data/dev.plugboard.desktop/dev/audit.json")).unwrap();
    assert!(!kept.contains(&token), "no token in the record");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn exec_mask_hides_every_token_in_the_commands_output() {
    let w = World::new("exec-mask").await;
    let id = hubspot(&w).await;
    let out = w
        .run(&[
            "exec",
            &id,
            "--mask",
            "--",
            "sh",
            "-c",
            "echo \"got $HUBSPOT_ACCESS_TOKEN.\"; echo \"err $HUBSPOT_ACCESS_TOKEN\" >&2; exit 3",
        ])
        .await;
    assert_eq!(out.code, 3);
    assert_eq!(out.stdout, "got ••••.\n");
    assert_eq!(out.stderr, "err ••••\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn exec_passes_stop_signals_on_to_the_command() {
    let w = World::new("exec-signals").await;
    hubspot(&w).await;
    for (signal, code) in [("TERM", 9), ("INT", 8), ("HUP", 10)] {
        let script = format!(
            "trap 'echo got-{signal}; exit {code}' {signal}; echo ready; while :; do sleep 0.1; done"
        );
        let mut cmd = w.command(&["exec", "hubspot", "--", "sh", "-c", &script]);
        let mut child = cmd.spawn().unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let ready = tokio::time::timeout(Duration::from_secs(30), lines.next_line())
            .await
            .expect("the command started")
            .unwrap();
        assert_eq!(ready.as_deref(), Some("ready"));
        // Sent to plugboard (by its id), as `kill` or a closing terminal sends it.
        let pid = child.id().unwrap().to_string();
        let sent = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        assert!(sent.success());
        let status = tokio::time::timeout(Duration::from_secs(30), child.wait())
            .await
            .expect("plugboard ended with its command")
            .unwrap();
        assert_eq!(status.code(), Some(code), "SIG{signal} reached the command");
        let said = lines.next_line().await.unwrap();
        assert_eq!(said.as_deref(), Some(format!("got-{signal}").as_str()));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn exec_live_replaces_the_token_file_before_each_expiry_and_removes_it() {
    let w = World::new("exec-live").await;
    // 5-second tokens: the file must be replaced before each expiry while the command runs.
    w.set_faults(plugboard_sim::Faults {
        hubspot_lifetime: Some(5),
        hubspot_refreshed_lifetime: Some(5),
        ..plugboard_sim::Faults::default()
    });
    let id = hubspot(&w).await;
    let d = w.dir.display().to_string();
    let script = format!(
        "f=\"$PLUGBOARD_TOKEN_FILE\"; echo \"$f\" > {d}/name; stat -c %a \"$f\" > {d}/mode; \
         test \"$f\" = \"$HUBSPOT_ACCESS_TOKEN_FILE\" || exit 4; \
         test \"$(cat \"$f\")\" = \"$HUBSPOT_ACCESS_TOKEN\" || exit 5; \
         cat \"$f\" > {d}/first; sleep 4; cat \"$f\" > {d}/second; sleep 4; cat \"$f\" > {d}/third"
    );
    let out = w
        .run(&["exec", &id, "--live", "--", "sh", "-c", &script])
        .await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let read = |name: &str| std::fs::read_to_string(w.dir.join(name)).unwrap();
    let (first, second, third) = (read("first"), read("second"), read("third"));
    assert!(!first.is_empty());
    assert_ne!(first, second, "replaced before the first token expired");
    assert_ne!(second, third, "and before the second");
    assert!(w.sim.count("hubspot.refresh") >= 2);
    assert_eq!(read("mode").trim(), "600");
    let file = read("name");
    let file = std::path::Path::new(file.trim());
    assert!(file.starts_with(std::env::var("XDG_RUNTIME_DIR").unwrap()));
    assert!(!file.exists(), "removed when the command ended");
    // Each token handed to the command is in the record.
    let doc = w.json(&["audit", &id, "--json"]).await;
    let handed = doc["uses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["door"] == "exec")
        .count();
    assert!(handed >= 3, "{doc}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn grants_lists_and_revokes_the_programs_allowed_over_dbus() {
    let w = World::new("grants").await;
    let id = hubspot(&w).await;
    let out = w.ok(&["grants", "list"]).await;
    assert!(
        out.contains("No program may take a token without asking"),
        "{out}"
    );
    // As the window keeps an Always allow answer.
    let file = w.dir.join("data/dev.plugboard.desktop/dev/grants.json");
    std::fs::write(
        &file,
        serde_json::json!({
            "version": 1,
            "grants": [{
                "program": { "name": "sync.py", "path": "/usr/bin/python3", "script": "/home/ana/sync.py" },
                "files": { "executable": [1, 2, 3, 4] },
                "connection": id,
                "since": 1_765_000_000,
                "always": true
            }]
        })
        .to_string(),
    )
    .unwrap();
    let doc = w.json(&["grants", "list", "--json"]).await;
    assert_eq!(doc["grants"][0]["program"]["script"], "/home/ana/sync.py");
    assert_eq!(doc["grants"][0]["provider"], "HubSpot");
    let table = w.ok(&["grants", "list"]).await;
    assert!(
        table.contains("sync.py (/usr/bin/python3 /home/ana/sync.py)"),
        "{table}"
    );
    let out = w.run(&["grants", "revoke", "backup.py"]).await;
    assert_eq!(out.code, 6, "{}", out.stderr);
    assert!(
        out.stderr.contains("No program called “backup.py”"),
        "{}",
        out.stderr
    );
    let out = w.ok(&["grants", "revoke", "sync.py", "hubspot"]).await;
    assert!(
        out.contains("will be asked again (one permission removed)"),
        "{out}"
    );
    assert!(w.json(&["grants", "list", "--json"]).await["grants"]
        .as_array()
        .unwrap()
        .is_empty());
}

//! Plugboard's files: a broken provider file is named (the built-in providers still work), one
//! others can change is refused with how to fix it, its own folders and files are private and
//! repaired at start, and a bug is one plain line and a log entry.

use crate::world::World;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_broken_provider_file_is_named_and_the_built_in_providers_still_work() {
    let w = World::new("bad-file").await;
    let file = w.dir.join("providers.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // Nimbus's token endpoint on a remote host over plain http: refused.
    let broken = text.replace(
        &format!("{}/nimbus/oauth/token", w.sim.base_url()),
        "http://nimbus.example.com/oauth/token",
    );
    std::fs::write(&file, broken).unwrap();
    let out = w.run(&["providers"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    for expected in [
        file.display().to_string(),
        "`nimbus`".to_string(),
        "`method.token_url`".to_string(),
        "plain http only on 127.0.0.1 or localhost".to_string(),
    ] {
        assert!(
            out.stderr.contains(&expected),
            "{expected} missing from: {}",
            out.stderr
        );
    }
    assert!(out.stdout.contains("hubspot") && !out.stdout.contains("nimbus"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_provider_file_others_can_change_is_refused_with_how_to_fix_it() {
    use std::os::unix::fs::PermissionsExt;
    let w = World::new("writable-file").await;
    let file = w.dir.join("providers.toml");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = w.run(&["providers"]).await;
    assert_eq!(out.code, 0, "{}", out.stderr);
    let fix = format!("chmod go-w {}", file.display());
    assert!(
        out.stderr.contains(&fix),
        "{fix} missing from: {}",
        out.stderr
    );
    assert!(out.stdout.contains("hubspot") && !out.stdout.contains("nimbus"));
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = w.run(&["providers"]).await;
    assert!(out.stdout.contains("nimbus"), "{}", out.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn plugboards_folders_and_files_are_private_and_repaired_at_start() {
    use std::os::unix::fs::PermissionsExt;
    let w = World::new("modes").await;
    w.connect_whatconverts().await;
    // Debug builds keep their index in `dev/`, beside their keychain namespace.
    let root = w.dir.join("data/dev.plugboard.desktop");
    let data = root.join("dev");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&data), 0o700);
    let files: Vec<_> = std::fs::read_dir(&data)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| e.path())
        .collect();
    assert!(files.iter().any(|f| f.ends_with("connections.json")));
    assert!(files.iter().any(|f| f.ends_with("timeline.json")));
    for f in &files {
        assert_eq!(mode(f), 0o600, "{}", f.display());
    }
    // Opened up by something else: put back at the next start.
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o755)).unwrap();
    let index = data.join("connections.json");
    std::fs::set_permissions(&index, std::fs::Permissions::from_mode(0o644)).unwrap();
    w.ok(&["status"]).await;
    assert_eq!(mode(&root), 0o700);
    assert_eq!(mode(&index), 0o600);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs the private test desktop: run `make test`"]
async fn a_bug_is_one_plain_line_and_a_log_entry_never_a_backtrace() {
    let w = World::new("panic").await;
    let mut cmd = w.command(&["status"]);
    cmd.env("PLUGBOARD_DEBUG_PANIC", "1")
        .env("RUST_BACKTRACE", "1");
    let out = w.run_cmd(cmd, "").await;
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    assert_eq!(out.stderr.trim().lines().count(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("internal error"), "{}", out.stderr);
    assert!(!out.stderr.contains("panicked at"), "{}", out.stderr);
    assert!(!out.stderr.contains("backtrace"), "{}", out.stderr);
    let log = w
        .dir
        .join("data/dev.plugboard.desktop/logs/plugboard-cli.log");
    let logged = std::fs::read_to_string(&log).expect("the panic is logged");
    assert!(logged.contains("PLUGBOARD_DEBUG_PANIC"), "{logged}");
    assert!(
        out.stderr.contains(&log.display().to_string()),
        "{}",
        out.stderr
    );
}

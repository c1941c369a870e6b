//! `make bench`: Plugboard's release binaries measured against comparators in the same run, so a
//! noisy machine moves both sides of each ratio. Runs inside `tests/session.sh` (a private
//! keychain, D-Bus and display: nothing of a person's is touched), against the provider simulator
//! on 127.0.0.1.
//!
//! For N = 0, 30, 100 and 1,000 stored connections: the window's start until it is visible (the
//! X server maps it), until its page has loaded and until every row is rendered (WebDriver); in a
//! plain start its keychain calls in the first 15 s, memory 5 s in, and idle CPU and wakeups
//! (context switches of the process tree) after; and started in the tray (`--in-tray`, a tray
//! host on the private bus), its idle CPU and wakeups there. The bare Tauri window (`tests/bench/bare-window`,
//! same tauri) is the comparator of start-up, memory, CPU and binary size; `secret-tool` and
//! `curl` of the command line; the keychain's own writes plus the same requests of 1,000
//! automatic refreshes. Prints the table with ratios and targets, writes the figures as
//! CSV and plots them (PNG, with gnuplot) into `BENCH_OUT` (`target/bench`).
//!
//! Settings: `BENCH_BIN_DIR` (release binaries, `target/release`), `BENCH_SIZES` (`0,30,100,1000`),
//! `BENCH_RUNS` (start-ups per figure, 3), `BENCH_IDLE_SECS` (60: one wall-clock minute holds exactly one page update), `BENCH_CLI_RUNS` (30),
//! `BENCH_REFRESHES` (1000), and
//! `BENCH_DEBUG=1` with `BENCH_BIN_DIR=target/debug` to try a change on debug builds (their
//! keychain namespace and folder; figures of debug builds are for comparison among themselves).

mod cli;
mod procs;
mod refreshes;
mod report;
mod seed;
mod window;

use std::path::{Path, PathBuf};
use std::time::Duration;

use cli::Cmd;
use report::{Figures, Size};
use window::Ready;

fn setting<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if std::env::var_os("PLUGBOARD_TEST_SESSION").is_none() {
        eprintln!("Run the benchmark inside the private test desktop: make bench");
        std::process::exit(2);
    }
    let root = plugboard_e2e::workspace_root();
    let bins = PathBuf::from(setting(
        "BENCH_BIN_DIR",
        root.join("target/release").display().to_string(),
    ));
    let window_bin = bins.join("plugboard-window");
    let cli_bin = bins.join("plugboard");
    let bare_bin = bins.join("bare-window");
    for bin in [&window_bin, &cli_bin, &bare_bin] {
        assert!(
            bin.exists(),
            "{} is missing: make bench builds it",
            bin.display()
        );
    }
    let sizes: Vec<usize> = setting("BENCH_SIZES", "0,30,100,1000".to_string())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let runs: usize = setting("BENCH_RUNS", 3);
    let idle = Duration::from_secs(setting("BENCH_IDLE_SECS", 60));
    let cli_runs: usize = setting("BENCH_CLI_RUNS", 30);
    let out = PathBuf::from(setting(
        "BENCH_OUT",
        root.join("target/bench").display().to_string(),
    ));
    std::fs::create_dir_all(&out).expect("create BENCH_OUT");

    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    let home = plugboard_e2e::test_home().join("bench");
    let world = rt.block_on(seed::World::start(&home));
    let vault = seed::vault();
    let mut figures = Figures::default();

    // The comparator first: the bare window's start-up, memory and idle CPU.
    eprintln!("bench: the bare Tauri window");
    let bare_env = world.env(&world.data_home("bare"));
    let (mut visible, mut loaded) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let start = rt.block_on(window::time_to(&bare_bin, &bare_env, Ready::Loaded));
        visible.push(start.visible_ms);
        loaded.push(start.ready_ms);
    }
    figures.bare_visible_ms = procs::median(&mut visible);
    figures.bare_loaded_ms = procs::median(&mut loaded);
    figures.bare = window::observe(&bare_bin, &bare_env, idle);

    for &n in &sizes {
        eprintln!("bench: Plugboard with {n} connections");
        seed::clear_keychain(&vault);
        let data_home = world.data_home(&n.to_string());
        let _ = std::fs::remove_dir_all(&data_home);
        seed::connections(
            &vault,
            &seed::World::data_dir(&data_home),
            n,
            plugboard_core::service::unix_now(),
        );
        let env = world.env(&data_home);
        let (mut visible, mut loaded, mut rendered) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            let start = rt.block_on(window::time_to(&window_bin, &env, Ready::Loaded));
            visible.push(start.visible_ms);
            loaded.push(start.ready_ms);
            let start = rt.block_on(window::time_to(&window_bin, &env, Ready::Rows(n)));
            rendered.push(start.ready_ms);
        }
        window::settle_labels(&window_bin, &env, &seed::World::data_dir(&data_home));
        let observed = window::observe(&window_bin, &env, idle);
        let tray = window::observe_in_tray(&window_bin, &env, idle);
        figures.sizes.push(Size {
            n,
            visible_ms: procs::median(&mut visible),
            loaded_ms: procs::median(&mut loaded),
            rendered_ms: procs::median(&mut rendered),
            observed,
            tray,
        });
    }

    let most: usize = setting("BENCH_REFRESHES", 1000);
    eprintln!("bench: {most} automatic refreshes");
    seed::clear_keychain(&vault);
    let data_home = world.data_home("refreshes");
    figures.refreshes = rt.block_on(refreshes::measure(
        &world,
        &vault,
        &seed::World::data_dir(&data_home),
        most,
    ));

    eprintln!("bench: the command line");
    seed::clear_keychain(&vault);
    let data_home = world.data_home("cli");
    let data_dir = seed::World::data_dir(&data_home);
    let env = world.env(&data_home);
    let now = plugboard_core::service::unix_now();
    let seeded = seed::connections(&vault, &data_dir, 1, now);
    let token_id = seeded[0].to_string();
    let item = format!("connection:{token_id}");
    figures.token = cli::pair(
        &Cmd::new(path(&cli_bin), &["token", &token_id], &env),
        &Cmd::new(
            "secret-tool",
            &["lookup", "service", vault.service(), "username", &item],
            &env,
        ),
        cli_runs,
    );
    let hubspot = rt.block_on(seed::signed_in_hubspot(&world, &data_dir));
    let refresh_token = seed::refresh_token_of(&vault, &hubspot);
    let token_url = world.token_url();
    let form = |k: &str, v: &str| format!("{k}={v}");
    let curl_args = [
        "-sS".to_string(),
        "--fail".into(),
        "-o".into(),
        "/dev/null".into(),
        "--data-urlencode".into(),
        form("grant_type", "refresh_token"),
        "--data-urlencode".into(),
        form("refresh_token", &refresh_token),
        "--data-urlencode".into(),
        form("client_id", &plugboard_sim::client_id("hubspot")),
        "--data-urlencode".into(),
        form("client_secret", &plugboard_sim::client_secret("hubspot")),
        token_url,
    ];
    let curl_args: Vec<&str> = curl_args.iter().map(String::as_str).collect();
    figures.refresh = cli::pair(
        &Cmd::new(path(&cli_bin), &["refresh", hubspot.as_str()], &env),
        &Cmd::new("curl", &curl_args, &env),
        cli_runs.min(20),
    );
    seed::clear_keychain(&vault);

    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    figures.binary = (size(&window_bin), size(&bare_bin), size(&cli_bin));
    figures.runs = runs;
    figures.idle_secs = idle.as_secs();

    println!("{}", figures.table());
    report::write(&figures, &out);
    println!("Figures and plots: {}", out.display());
}

fn path(p: &Path) -> String {
    p.display().to_string()
}

use super::*;
use crate::catalogue::Catalogue;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

#[test]
fn demo_cards_say_what_is_filled_in_in_every_language() {
    let builtin = Catalogue::builtin().unwrap();
    for p in builtin.providers() {
        let words = |lang: &str| {
            crate::i18n::Messages::for_locale(lang)
                .get("shell-demo-help", &[("provider", p.name.as_str().into())])
        };
        let en = words("en");
        assert!(en.contains(&p.name), "{en}");
        assert_eq!(
            crate::setup::demo_help(p.id.as_str()).as_deref(),
            Some(en.as_str())
        );
        assert_ne!(words("pt-BR"), en, "{}", p.id);
    }
    // The simulator's table is worded for each of them.
    let sim = runtime()
        .block_on(plugboard_sim::Simulator::start())
        .unwrap();
    let table = sim.demo_toml_worded(1, crate::setup::demo_help);
    assert!(!table.contains("{help:"), "{table}");
    for p in builtin.providers() {
        assert!(table.contains(&format!("the simulator's {} credentials", p.name)));
    }
}

/// A demo build starts the simulator with its tokens kept in the demo data folder, and its table
/// and form fills carry the simulator's app credentials; a build without it says so.
#[test]
fn demo_mode_starts_the_simulator_in_a_demo_build_and_only_there() {
    let root = std::env::temp_dir().join(format!("plugboard-demo-start-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let paths = Paths {
        data_dir: root.join("data"),
        config_dir: root.join("config"),
    };
    let built = cfg!(feature = "demo");
    let runtime = runtime();
    match runtime.block_on(start(&paths, HubspotPort::Registered)) {
        Ok(demo) => {
            assert!(built, "a build without the simulator started it");
            assert!(paths.demo_simulator_file().parent().unwrap().is_dir());
            assert!(demo.base_url().starts_with("http://127.0.0.1:"));
            assert!(demo.table().contains(demo.base_url()));
            assert!(demo
                .table()
                .contains(&plugboard_sim::client_secret("hubspot")));
            assert_eq!(
                demo.fill("whatconverts", "secret").as_deref(),
                Some(plugboard_sim::WHATCONVERTS_SECRET)
            );
            assert_eq!(demo.fill("hubspot", "client-id"), None);
            assert_eq!(
                demo.filled_fields(),
                vec![
                    ("hotmart", vec!["client-id", "client-secret"]),
                    ("whatconverts", vec!["token", "secret"]),
                ]
            );
        }
        Err(DemoError::NotBuilt) => assert!(!built, "a demo build says it has no simulator"),
        Err(DemoError::Failed(e)) => panic!("the simulator did not start: {e}"),
    }
    let _ = std::fs::remove_dir_all(&root);
}

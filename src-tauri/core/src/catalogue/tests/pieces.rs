//! The provider-piece check: a built-in provider is more than its catalogue entry, and each one
//! must also have its simulator routes, demo credentials and demo help, and its section in
//! docs/providers.md.

use super::*;

/// A built-in provider is its catalogue entry, its translations, its simulator routes and its
/// docs. Adding one to `builtin.toml` without the others fails here (or, for a translation,
/// `catalogue::language::tests::every_built_in_catalogue_text_has_its_message…` and the i18n test, which need
/// every text's message in every language).
#[test]
fn every_built_in_provider_has_every_piece() {
    let docs = include_str!("../../../../../docs/providers.md");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let sim = runtime.block_on(plugboard_sim::Simulator::start()).unwrap();
    let simulated = Catalogue::parse(&sim.demo_toml(53682), &Origin::File("sim.toml".into()))
        .expect("the simulator's table validates");
    for p in builtin().providers() {
        let id = p.id.as_str();
        assert!(
            plugboard_sim::PROVIDERS.contains(&id),
            "{id}: the simulator does not read this provider (src-tauri/sim: its routes, PROVIDERS)"
        );
        let mine = simulated
            .get(id)
            .unwrap_or_else(|| panic!("{id}: not in src-tauri/sim/src/providers.toml.in"));
        assert_eq!(
            mine.methods.iter().map(Method::kind).collect::<Vec<_>>(),
            p.methods.iter().map(Method::kind).collect::<Vec<_>>(),
            "{id}: the simulator's table offers other sign-in methods"
        );
        assert!(
            simulated
                .file_credentials()
                .iter()
                .any(|c| c.provider == id),
            "{id}: demo mode has no credentials for it"
        );
        assert!(
            docs.lines().any(|l| l.trim() == format!("## {}", p.name)),
            "{id}: docs/providers.md has no section `## {}`",
            p.name
        );
        assert!(
            crate::setup::demo_help(id).is_some_and(|h| h.contains(&p.name)),
            "{id}: demo mode's card does not name it"
        );
    }
}

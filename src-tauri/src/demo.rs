//! Demo mode (`PLUGBOARD_DEMO=1`): the provider simulator runs inside the window's process and the
//! four providers point at it, with its app credentials filled in. Only builds with the `demo`
//! feature carry the simulator (`make run`, `make demo`, `make test`); a release build has none of
//! its code or demo secrets, and says so if demo mode is asked for.

/// The running simulator, kept alive for the window's lifetime.
#[cfg(feature = "demo")]
pub struct Demo(plugboard_sim::Simulator);

#[cfg(not(feature = "demo"))]
pub enum Demo {}

/// Starts the simulator, keeping the tokens it issues in the demo data folder (so demo
/// connections outlive a restart and are shared with the command line): the demo, and the
/// provider table that points at it, with its app credentials. `Err` says why demo mode is not
/// available, in the person's words.
pub fn start(paths: &plugboard_core::setup::Paths) -> Result<(Demo, String), String> {
    #[cfg(feature = "demo")]
    {
        let sim = tauri::async_runtime::block_on(plugboard_sim::Simulator::start_keeping(
            paths.demo_simulator_file(),
        ))
        .map_err(|e| {
            plugboard_core::i18n::t("shell-demo-failed", &[("error", e.to_string().into())])
        })?;
        let table = sim.demo_toml_worded(free_port(), plugboard_core::setup::demo_help);
        log::info!("demo mode: provider simulator at {}", sim.base_url());
        Ok((Demo(sim), table))
    }
    #[cfg(not(feature = "demo"))]
    {
        let _ = paths;
        Err(plugboard_core::i18n::t("shell-demo-missing", &[]))
    }
}

#[cfg(feature = "demo")]
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or(53682)
}

impl Demo {
    /// The simulator's address, shown in the window's demo badge.
    pub fn base_url(&self) -> String {
        #[cfg(feature = "demo")]
        {
            self.0.base_url()
        }
        #[cfg(not(feature = "demo"))]
        match *self {}
    }

    /// The form fields demo mode fills in with the simulator's values, by provider: the page
    /// shows them as filled and sends them empty; the command takes the value from here
    /// ([`Self::fill`]), so no value crosses to the page.
    pub fn filled_fields(&self) -> Vec<(&'static str, Vec<&'static str>)> {
        let mut by_provider: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for (provider, field, _) in self.fills() {
            match by_provider.iter_mut().find(|(p, _)| *p == provider) {
                Some((_, fields)) => fields.push(field),
                None => by_provider.push((provider, vec![field])),
            }
        }
        by_provider
    }

    /// The simulator's value for `provider`'s form field `field` (see [`Self::filled_fields`]).
    pub fn fill(&self, provider: &str, field: &str) -> Option<String> {
        self.fills()
            .into_iter()
            .find(|(p, f, _)| *p == provider && *f == field)
            .map(|(_, _, value)| value)
    }

    /// The one table of what demo mode fills in: provider, form field, the simulator's value.
    fn fills(&self) -> Vec<(&'static str, &'static str, String)> {
        #[cfg(feature = "demo")]
        {
            vec![
                ("hotmart", "client-id", plugboard_sim::client_id("hotmart")),
                (
                    "hotmart",
                    "client-secret",
                    plugboard_sim::client_secret("hotmart"),
                ),
                (
                    "whatconverts",
                    "token",
                    plugboard_sim::WHATCONVERTS_TOKEN.into(),
                ),
                (
                    "whatconverts",
                    "secret",
                    plugboard_sim::WHATCONVERTS_SECRET.into(),
                ),
            ]
        }
        #[cfg(not(feature = "demo"))]
        match *self {}
    }
}

#[cfg(all(test, feature = "demo"))]
mod tests {
    #[test]
    fn demo_cards_say_what_is_filled_in_in_every_language() {
        let builtin = plugboard_core::catalogue::Catalogue::builtin().unwrap();
        for p in builtin.providers() {
            let words = |lang: &str| {
                plugboard_core::i18n::Messages::for_locale(lang)
                    .get("shell-demo-help", &[("provider", p.name.as_str().into())])
            };
            let en = words("en");
            assert!(en.contains(&p.name), "{en}");
            assert_eq!(
                plugboard_core::setup::demo_help(p.id.as_str()).as_deref(),
                Some(en.as_str())
            );
            assert_ne!(words("pt-BR"), en, "{}", p.id);
        }
        // The simulator's table is worded for each of them.
        let sim = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(plugboard_sim::Simulator::start())
            .unwrap();
        let table = sim.demo_toml_worded(1, plugboard_core::setup::demo_help);
        assert!(!table.contains("{help:"), "{table}");
        for p in builtin.providers() {
            assert!(table.contains(&format!("the simulator's {} credentials", p.name)));
        }
    }
}

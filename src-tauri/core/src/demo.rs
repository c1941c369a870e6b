/*!
Demo mode's start-up (`PLUGBOARD_DEMO=1`), written once for both front ends: the provider
simulator (crate `plugboard-sim`) runs inside the process, keeping the tokens it issues in the demo
data folder (so demo connections outlive a restart and are shared by the window and the command
line), and the table that points the providers at it carries its app credentials and the cards'
words in the person's language. The window and the command line each call [`start`] and word its
[`DemoError`] their own way.

Only builds with the core's `demo` feature (the front ends' `demo` features turn it on: `make run`,
`make demo`, `make test`) carry the simulator; a release build has none of its code or demo
secrets, cannot hold a [`Demo`], and [`start`] answers [`DemoError::NotBuilt`]
(`scripts/check-no-sim.sh` checks the dependency).
*/

use crate::setup::Paths;

/// The running simulator; in a build without it, a type with no values (no [`Demo`] can exist).
#[cfg(feature = "demo")]
type Simulator = plugboard_sim::Simulator;
#[cfg(not(feature = "demo"))]
type Simulator = std::convert::Infallible;

/// Demo mode running: the simulator, kept alive as long as this value, and its provider table.
pub struct Demo {
    _simulator: Simulator,
    base_url: String,
    table: String,
    fills: Vec<(&'static str, &'static str, String)>,
}

/// Why demo mode did not start; each front end says it in its own words.
#[derive(Debug)]
pub enum DemoError {
    /// This build has no simulator (a release build, without the `demo` feature).
    NotBuilt,
    /// The simulator did not start (its data folder or a port): the system's words.
    Failed(String),
}

/// Where HubSpot's loopback redirect listens in demo mode's table.
#[derive(Debug, Clone, Copy)]
pub enum HubspotPort {
    /// The port the simulator's HubSpot app has registered (the command line's).
    Registered,
    /// Any free port of 127.0.0.1, found at start-up (the window's).
    Free,
}

/// Starts the simulator on the current tokio runtime, keeping its tokens in
/// [`Paths::demo_simulator_file`], and builds the provider table that points at it.
pub async fn start(paths: &Paths, hubspot: HubspotPort) -> Result<Demo, DemoError> {
    #[cfg(feature = "demo")]
    {
        /// A free port of 127.0.0.1, or the simulator's registered one if none can be had.
        fn free_port() -> u16 {
            std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .map(|a| a.port())
                .unwrap_or(plugboard_sim::DEFAULT_HUBSPOT_PORT)
        }
        let simulator = Simulator::start_keeping(paths.demo_simulator_file())
            .await
            .map_err(|e| DemoError::Failed(e.to_string()))?;
        let port = match hubspot {
            HubspotPort::Registered => plugboard_sim::DEFAULT_HUBSPOT_PORT,
            HubspotPort::Free => free_port(),
        };
        let table = simulator.demo_toml_worded(port, crate::setup::demo_help);
        let fills = vec![
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
        ];
        log::info!("demo mode: provider simulator at {}", simulator.base_url());
        Ok(Demo {
            base_url: simulator.base_url(),
            _simulator: simulator,
            table,
            fills,
        })
    }
    #[cfg(not(feature = "demo"))]
    {
        let _ = (paths, hubspot);
        Err(DemoError::NotBuilt)
    }
}

impl Demo {
    /// The provider table pointing at the simulator, with its app credentials (for
    /// [`crate::setup::open`]).
    pub fn table(&self) -> &str {
        &self.table
    }

    /// The simulator's address, shown in the window's demo badge.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The form fields demo mode fills in with the simulator's values, by provider: the page
    /// shows them as filled and sends them empty; the command takes the value from here
    /// ([`Self::fill`]), so no value crosses to the page.
    pub fn filled_fields(&self) -> Vec<(&'static str, Vec<&'static str>)> {
        let mut by_provider: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
        for (provider, field, _) in &self.fills {
            match by_provider.iter_mut().find(|(p, _)| p == provider) {
                Some((_, fields)) => fields.push(field),
                None => by_provider.push((provider, vec![field])),
            }
        }
        by_provider
    }

    /// The simulator's value for `provider`'s form field `field` (see [`Self::filled_fields`]).
    pub fn fill(&self, provider: &str, field: &str) -> Option<String> {
        self.fills
            .iter()
            .find(|(p, f, _)| *p == provider && *f == field)
            .map(|(_, _, value)| value.clone())
    }
}

#[cfg(test)]
mod tests;

//! The `providers.toml` tables that point Plugboard at a running simulator: the four built-in
//! providers (`providers.toml.in`), demo mode's table with the simulator's app credentials and
//! its cards' words, and Nimbus (`nimbus.toml.in`). Written by hand from the providers' documents,
//! never generated from Plugboard's catalogue: a core test compares the two readings.

use crate::{client_id, client_secret, Simulator, PROVIDERS};

impl Simulator {
    /// A provider of the user's own, as a team would add it to `providers.toml`: "Nimbus CRM", an
    /// OAuth server for public clients (PKCE, no client secret, JSON token requests, comma-separated
    /// scopes, an extra authorize parameter) that rotates refresh tokens with reuse detection, and
    /// offers RFC 7662 introspection and RFC 7009 revocation. With its `[credentials]` block.
    pub fn nimbus_toml(&self) -> String {
        include_str!("nimbus.toml.in").replace("{base}", &self.base_url())
    }

    /// Demo mode's table: [`Self::providers_toml`] with the simulator's app credentials for each
    /// of the four, so every provider connects with nothing typed.
    pub fn demo_toml(&self, hubspot_port: u16) -> String {
        self.demo_toml_worded(hubspot_port, |_| None)
    }

    /// [`Self::demo_toml`] with [`Self::providers_toml_worded`]'s words.
    pub fn demo_toml_worded(
        &self,
        hubspot_port: u16,
        help: impl Fn(&str) -> Option<String>,
    ) -> String {
        let mut table = self.providers_toml_worded(hubspot_port, help);
        for p in PROVIDERS {
            table.push_str(&format!(
                "\n[credentials.{p}]\nclient_id = \"{}\"\nclient_secret = \"{}\"\n",
                client_id(p),
                client_secret(p)
            ));
        }
        table
    }

    /// A `providers.toml` that points all four providers at this simulator, with HubSpot's loopback
    /// redirect on `hubspot_port`.
    pub fn providers_toml(&self, hubspot_port: u16) -> String {
        self.providers_toml_worded(hubspot_port, |_| None)
    }

    /// [`Self::providers_toml`] with each provider's "credentials are filled in" line in the
    /// words `help` gives for its id (plain English where it gives none): the demo speaks the
    /// person's language without the simulator knowing any. Every `{help:<id>}` in the table is
    /// worded, so a provider added to the table needs nothing here.
    pub fn providers_toml_worded(
        &self,
        hubspot_port: u16,
        help: impl Fn(&str) -> Option<String>,
    ) -> String {
        let base = self.base_url();
        let mut table = include_str!("providers.toml.in")
            .replace("{base}", &base)
            .replace("{hubspot_port}", &hubspot_port.to_string());
        while let Some(start) = table.find("{help:") {
            let Some(len) = table[start..].find('}') else {
                break;
            };
            let provider = table[start + "{help:".len()..start + len].to_string();
            let words = help(&provider).unwrap_or_else(|| DEMO_HELP_ENGLISH.to_string());
            // A TOML basic string: backslashes and quotes escaped, on one line.
            let quoted = words
                .replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', " ");
            table.replace_range(start..start + len + 1, &quoted);
        }
        table
    }
}

/// What demo mode's cards say of their app credentials when no words are given.
pub const DEMO_HELP_ENGLISH: &str = "Demo: the simulator's credentials are filled in for you.";

/*!
Everything Plugboard takes from its environment, read once at start-up (ripgrep's `HiArgs`) and
passed down, so nothing deep in the code calls `std::env::var` and a test states its settings
instead of changing the process's environment.

| variable | what it sets |
|---|---|
| `PLUGBOARD_DEMO=1` | demo mode (builds with the simulator: the window and the command line) |
| `PLUGBOARD_PROVIDERS` | the user's provider file, instead of `providers.toml` in the config folder |
| `PLUGBOARD_REFRESH_WAIT_SECS` | how long a refresh waits for another process's refresh (60 s) |
| `PLUGBOARD_CLIPBOARD_CLEAR_SECS` | how long a copied secret stays on the clipboard (instead of Settings' choice, 30 s by default) |
| `PLUGBOARD_<PROVIDER>_CLIENT_ID` / `_CLIENT_SECRET` | a provider's app credentials |
| `XDG_CONFIG_DIRS` | where the system-wide `dev.plugboard.desktop/providers.toml` is looked for |
| `PLUGBOARD_LOCALE`, `LC_ALL`, `LC_MESSAGES`, `LANG` | the language, first set wins ([`crate::i18n`]) |
*/

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use crate::flow::AppCredentials;
use crate::secret::ClientSecret;

/// How long a copied secret stays on the clipboard unless the environment says otherwise.
pub const CLIPBOARD_CLEAR: Duration = Duration::from_secs(30);
/// How long a program's request for a token waits for the person's answer.
pub const CONSENT_WAIT: Duration = Duration::from_secs(120);

#[derive(Debug, Clone)]
pub struct Settings {
    pub demo: bool,
    /// `PLUGBOARD_PROVIDERS`: the provider file to read instead of the default one.
    pub providers_file: Option<PathBuf>,
    /// How long a refresh waits for another process's refresh of the same connection.
    pub refresh_wait: Duration,
    /// `PLUGBOARD_CLIPBOARD_CLEAR_SECS`: how long a copied secret stays on the clipboard, over
    /// what the person chose in Settings ([`crate::preferences`]).
    pub clipboard_clear: Option<Duration>,
    /// `PLUGBOARD_CONSENT_WAIT_SECS`: how long a program's request for a token waits for the
    /// person's answer (two minutes).
    pub consent_wait: Duration,
    /// The system-wide config folders, most important first (`XDG_CONFIG_DIRS`; `/etc/xdg` when
    /// unset): where an organisation's `dev.plugboard.desktop/providers.toml` is looked for.
    pub system_config_dirs: Vec<PathBuf>,
    /// The locale to speak (`PLUGBOARD_LOCALE`, else `LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub locale: Option<String>,
    /// `PLUGBOARD_LOCALE` alone: it wins over the language chosen in Settings.
    pub forced_locale: Option<String>,
    /// The system's locale alone (`LC_ALL`, `LC_MESSAGES`, `LANG`): "Same as the system" in
    /// Settings.
    pub system_locale: Option<String>,
    /// The system's locale for dates (`LC_ALL`, `LC_TIME`, `LANG`): their regional format, when
    /// its language is the one spoken.
    pub date_locale: Option<String>,
    /// App credentials from the environment, by the provider part of the variable's name
    /// (`HUBSPOT`, `ACME_CRM`).
    credentials: HashMap<String, AppCredentials>,
}

impl Default for Settings {
    fn default() -> Self {
        Self::from_vars(std::iter::empty())
    }
}

/// The provider part of a credential variable's name: `acme-crm` ⇒ `ACME_CRM`.
fn var_key(provider: &str) -> String {
    provider.to_ascii_uppercase().replace('-', "_")
}

/// The environment variables that give `provider`'s app credentials, the one place they are
/// spelled: `PLUGBOARD_<PROVIDER>_CLIENT_ID` and `…_CLIENT_SECRET` (`acme-crm` ⇒ `ACME_CRM`).
pub fn credential_variables(provider: &str) -> (String, String) {
    let key = var_key(provider);
    (
        format!("{PREFIX}{key}{ID_SUFFIX}"),
        format!("{PREFIX}{key}{SECRET_SUFFIX}"),
    )
}

const PREFIX: &str = "PLUGBOARD_";
const ID_SUFFIX: &str = "_CLIENT_ID";
const SECRET_SUFFIX: &str = "_CLIENT_SECRET";

impl Settings {
    /// The process's environment, once.
    pub fn from_env() -> Self {
        Self::from_vars(
            std::env::vars_os()
                .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?))),
        )
    }

    /// Settings from `(name, value)` pairs (the environment, or a test's own).
    pub fn from_vars(vars: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut config_dirs = None;
        let mut locales: HashMap<String, String> = HashMap::new();
        let vars: HashMap<String, String> = vars
            .into_iter()
            .filter(|(k, v)| {
                if k == "XDG_CONFIG_DIRS" {
                    config_dirs = Some(v.clone());
                }
                if matches!(k.as_str(), "LC_ALL" | "LC_MESSAGES" | "LC_TIME" | "LANG")
                    && !v.trim().is_empty()
                {
                    locales.insert(k.clone(), v.clone());
                }
                k.starts_with("PLUGBOARD_") && !v.trim().is_empty()
            })
            .collect();
        // The XDG base directory spec: relative entries are ignored; none left means the default.
        let mut system_config_dirs: Vec<PathBuf> = config_dirs
            .unwrap_or_default()
            .split(':')
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
            .collect();
        if system_config_dirs.is_empty() {
            system_config_dirs.push(PathBuf::from("/etc/xdg"));
        }
        let secs = |name: &str| {
            vars.get(name)
                .and_then(|v| v.trim().parse().ok())
                .map(Duration::from_secs)
        };
        let mut credentials = HashMap::new();
        for (name, client_id) in &vars {
            let Some(key) = name
                .strip_prefix(PREFIX)
                .and_then(|n| n.strip_suffix(ID_SUFFIX))
            else {
                continue;
            };
            let secret = vars.get(&format!("{PREFIX}{key}{SECRET_SUFFIX}"));
            credentials.insert(
                key.to_string(),
                AppCredentials {
                    client_id: client_id.clone(),
                    client_secret: secret.map(|s| ClientSecret::new(s.as_str())),
                },
            );
        }
        Self {
            demo: vars.get("PLUGBOARD_DEMO").is_some_and(|v| v == "1"),
            providers_file: vars.get("PLUGBOARD_PROVIDERS").map(PathBuf::from),
            refresh_wait: secs("PLUGBOARD_REFRESH_WAIT_SECS").unwrap_or(crate::flight::WAIT),
            clipboard_clear: secs("PLUGBOARD_CLIPBOARD_CLEAR_SECS"),
            consent_wait: secs("PLUGBOARD_CONSENT_WAIT_SECS").unwrap_or(CONSENT_WAIT),
            system_config_dirs,
            forced_locale: vars.get("PLUGBOARD_LOCALE").cloned(),
            system_locale: locales
                .get("LC_ALL")
                .or_else(|| locales.get("LC_MESSAGES"))
                .or_else(|| locales.get("LANG"))
                .cloned(),
            date_locale: locales
                .get("LC_ALL")
                .or_else(|| locales.get("LC_TIME"))
                .or_else(|| locales.get("LANG"))
                .cloned(),
            locale: vars
                .get("PLUGBOARD_LOCALE")
                .cloned()
                .or_else(|| locales.get("LC_ALL").cloned())
                .or_else(|| locales.get("LC_MESSAGES").cloned())
                .or_else(|| locales.get("LANG").cloned()),
            credentials,
        }
    }

    /// The locale to speak given the language chosen in Settings (see [`crate::i18n::pick`]).
    pub fn speak(&self, chosen: &str) -> String {
        crate::i18n::pick(
            self.forced_locale.as_deref(),
            Some(chosen),
            self.locale.as_deref(),
        )
    }

    /// `provider`'s app credentials from `PLUGBOARD_<PROVIDER>_CLIENT_ID` (and `_CLIENT_SECRET`).
    pub fn credentials_for(&self, provider: &str) -> Option<AppCredentials> {
        self.credentials.get(&var_key(provider)).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_variables_are_spelled_once_and_read_back() {
        let (id, secret) = credential_variables("acme-crm");
        assert_eq!(id, "PLUGBOARD_ACME_CRM_CLIENT_ID");
        assert_eq!(secret, "PLUGBOARD_ACME_CRM_CLIENT_SECRET");
        let settings = Settings::from_vars([(id, "i".to_string()), (secret, "s".to_string())]);
        let creds = settings.credentials_for("acme-crm").expect("read back");
        assert_eq!(creds.client_id, "i");
    }

    fn vars(list: &[(&str, &str)]) -> Settings {
        Settings::from_vars(list.iter().map(|(k, v)| (k.to_string(), v.to_string())))
    }

    #[test]
    fn defaults_hold_without_variables() {
        let s = Settings::default();
        assert!(!s.demo);
        assert_eq!(s.providers_file, None);
        assert_eq!(s.refresh_wait, crate::flight::WAIT);
        assert_eq!(s.clipboard_clear, None, "Settings' choice applies");
        assert!(s.credentials_for("hubspot").is_none());
    }

    #[test]
    fn variables_are_read_once_into_settings() {
        let s = vars(&[
            ("PLUGBOARD_DEMO", "1"),
            ("PLUGBOARD_PROVIDERS", "/tmp/p.toml"),
            ("PLUGBOARD_REFRESH_WAIT_SECS", "2"),
            ("PLUGBOARD_CLIPBOARD_CLEAR_SECS", "3"),
            ("PLUGBOARD_ACME_CRM_CLIENT_ID", "id-1"),
            ("PLUGBOARD_ACME_CRM_CLIENT_SECRET", "secret-1"),
            ("PLUGBOARD_NIMBUS_CLIENT_ID", "id-2"),
            ("PLUGBOARD_EMPTY_CLIENT_ID", "  "),
            ("HOME", "/home/ana"),
        ]);
        assert!(s.demo);
        assert_eq!(s.providers_file, Some(PathBuf::from("/tmp/p.toml")));
        assert_eq!(s.refresh_wait, Duration::from_secs(2));
        assert_eq!(s.clipboard_clear, Some(Duration::from_secs(3)));
        let acme = s.credentials_for("acme-crm").unwrap();
        assert_eq!(acme.client_id, "id-1");
        assert_eq!(acme.client_secret.unwrap().expose(), "secret-1");
        assert!(s.credentials_for("nimbus").unwrap().client_secret.is_none());
        assert!(s.credentials_for("empty").is_none(), "a blank id is no id");
        assert_eq!(s.locale, None);
        let pt = vars(&[("LANG", "pt_BR.UTF-8"), ("LC_MESSAGES", "es_ES.UTF-8")]);
        assert_eq!(
            pt.locale.as_deref(),
            Some("es_ES.UTF-8"),
            "LC_MESSAGES over LANG"
        );
        let forced = vars(&[("LANG", "pt_BR.UTF-8"), ("PLUGBOARD_LOCALE", "qps-ploc")]);
        assert_eq!(forced.locale.as_deref(), Some("qps-ploc"));
        // Debug never shows a secret.
        assert!(!format!("{s:?}").contains("secret-1"));
    }
}

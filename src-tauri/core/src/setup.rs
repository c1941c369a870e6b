/*!
Opening Plugboard's shared state the same way from the window and from the command line: the data
and config folders, the keychain namespace, the catalogue (built-in plus the user's
`providers.toml`) and the [`Connections`] service over them.

Both front ends call [`open`], so a connection made in one is seen by the other: same index file,
same keychain items, same provider file. Nothing here depends on Tauri; the folders are the ones
Tauri's `app_data_dir` / `app_config_dir` resolve to (`$XDG_DATA_HOME/dev.plugboard.desktop` on
Linux), computed with the same `dirs` crate.
*/

use std::path::{Path, PathBuf};

use crate::catalogue::{Catalogue, Origin};
use crate::error::{ErrorCode, UserError};
use crate::flow::AppCredentials;
use crate::service::Connections;
use crate::settings::Settings;
use crate::vault::Vault;
use crate::APP_IDENTIFIER;

/// Where Plugboard keeps its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// The index, timeline, saved client ids and refresh locks (in `demo/` for demo mode and
    /// `dev/` for debug builds, beside their keychain namespaces).
    pub data_dir: PathBuf,
    /// Where `providers.toml` lives unless `PLUGBOARD_PROVIDERS` names another file.
    pub config_dir: PathBuf,
}

impl Paths {
    /// The platform's folders for Plugboard (what Tauri's path resolver gives the window).
    pub fn standard() -> Result<Self, UserError> {
        let missing = || {
            UserError::new(
                ErrorCode::StorageFailed,
                "Plugboard could not find your home folder's data and config locations. Set HOME (or XDG_DATA_HOME and XDG_CONFIG_HOME) and try again.",
            )
        };
        Ok(Self {
            data_dir: dirs::data_dir().ok_or_else(missing)?.join(APP_IDENTIFIER),
            config_dir: dirs::config_dir().ok_or_else(missing)?.join(APP_IDENTIFIER),
        })
    }

    /// The user's provider file: `PLUGBOARD_PROVIDERS`, else `providers.toml` in the config folder.
    pub fn providers_file(&self, settings: &Settings) -> PathBuf {
        settings
            .providers_file
            .clone()
            .unwrap_or_else(|| self.config_dir.join("providers.toml"))
    }
}

/// The keychain namespace: debug builds keep their items apart from an installed Plugboard, demo
/// mode apart from both.
pub fn vault_namespace(demo: bool) -> Option<&'static str> {
    if demo {
        Some("demo")
    } else if cfg!(debug_assertions) {
        Some("dev")
    } else {
        None
    }
}

/// What [`open`] made.
pub struct Opened {
    /// `Err` when the catalogue itself is invalid (a build defect or an unreadable demo table).
    pub connections: Result<Connections, UserError>,
    pub vault: Vault,
    /// The user's provider file could not be used: the built-in providers still work, and this
    /// says what to fix (it names the file, the provider and the field).
    pub file_problem: Option<String>,
}

/// Opens the catalogue, keychain and index. `demo` replaces the built-in table with the demo
/// simulator's and keeps demo data in a folder (and keychain namespace) of its own; the user's file
/// is not read in demo mode.
pub fn open(paths: &Paths, settings: &Settings, demo: Option<&str>) -> Opened {
    // Folders and files private again, as they would have been created (an older version or a
    // restored backup may have left them readable by others).
    crate::files::repair(&[&paths.data_dir, &paths.config_dir]);
    let vault = Vault::new(vault_namespace(demo.is_some()));
    let mut file_problem = None;
    let catalogue = match demo {
        Some(text) => Catalogue::parse(text, &Origin::File("demo providers".into())),
        None => Catalogue::builtin().map(|builtin| {
            let file = paths.providers_file(settings);
            match load_user_file(&file, settings.providers_file.is_some()) {
                Ok(None) => builtin,
                Ok(Some(user)) => {
                    log::info!("providers from {} added", file.display());
                    builtin.with_user_file(user)
                }
                Err(problem) => {
                    log::warn!("ignored {}: {problem}", file.display());
                    file_problem = Some(format!("Your provider file was not loaded: {problem}"));
                    builtin
                }
            }
        }),
    };
    // The index lives with its keychain namespace: demo mode and debug builds keep theirs in a
    // folder of their own, so one never lists the other's connections (whose items it cannot
    // see) nor takes them for orphans.
    let data_dir = match vault_namespace(demo.is_some()) {
        Some(namespace) => paths.data_dir.join(namespace),
        None => paths.data_dir.clone(),
    };
    let connections = catalogue
        .map(|c| {
            let file_credentials = c.file_credentials().to_vec();
            let service = Connections::new(c, vault.clone(), &data_dir).with_settings(settings);
            service.check_files();
            for fc in file_credentials {
                service.credentials.set(
                    &fc.provider,
                    AppCredentials {
                        client_id: fc.client_id,
                        client_secret: fc.client_secret,
                    },
                );
            }
            service
        })
        .map_err(|e| {
            log::error!("provider catalogue rejected: {e}");
            UserError::from(e)
        });
    Opened {
        connections,
        vault,
        file_problem,
    }
}

/// The user's provider file, if there is one. A file `named` by `PLUGBOARD_PROVIDERS` that does
/// not exist is a problem worth reporting; a missing default file is simply "no extra providers".
fn load_user_file(file: &Path, named: bool) -> Result<Option<Catalogue>, String> {
    if !file.exists() {
        return match named {
            true => Err(format!(
                "{}: no such file (named by PLUGBOARD_PROVIDERS)",
                file.display()
            )),
            false => Ok(None),
        };
    }
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Catalogue::parse(&text, &Origin::File(file.to_path_buf()))
        .map(Some)
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standard_folders_end_in_the_app_identifier() {
        let paths = Paths::standard().unwrap();
        assert!(paths.data_dir.ends_with(APP_IDENTIFIER));
        assert!(paths.config_dir.ends_with(APP_IDENTIFIER));
    }

    #[test]
    fn debug_builds_use_their_own_keychain_namespace() {
        assert_eq!(vault_namespace(true), Some("demo"));
        assert_eq!(
            vault_namespace(false),
            cfg!(debug_assertions).then_some("dev")
        );
    }
}

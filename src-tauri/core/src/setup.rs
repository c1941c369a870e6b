/*!
Opening Plugboard's shared state the same way from the window and from the command line: the data
and config folders, the keychain namespace, the catalogue (built-in, then an organisation's
system-wide `providers.toml`, then the person's own) with the app credentials each source supplies
(see [`crate::service::CredentialOrigin`]), and the [`Connections`] service over them.

Both front ends call [`open`], so a connection made in one is seen by the other: same index file,
same keychain items, same provider file. Nothing here depends on Tauri; the folders are the ones
Tauri's `app_data_dir` / `app_config_dir` resolve to (`$XDG_DATA_HOME/dev.plugboard.desktop` on
Linux), computed with the same `dirs` crate.
*/

use std::path::{Path, PathBuf};

use crate::catalogue::{Catalogue, FileCredentials, Origin};
use crate::error::{ErrorCode, UserError};
use crate::flow::AppCredentials;
use crate::i18n::t;
use crate::service::{Connections, CredentialOrigin};
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
    /// The folders at `data_dir` and `config_dir`, each resolved once when it is itself a link (a
    /// person keeping it on another disk, a dotfiles manager): the target is then Plugboard's
    /// folder in full, made private with everything in it, while links below it are refused (see
    /// [`crate::files`]). A link to nothing is kept as it is, and refused where it is written.
    pub fn new(data_dir: PathBuf, config_dir: PathBuf) -> Self {
        let resolve = |dir: PathBuf| {
            let linked = std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink());
            match linked.then(|| std::fs::canonicalize(&dir)) {
                Some(Ok(target)) => {
                    log::info!("{} is a link; using {}", dir.display(), target.display());
                    target
                }
                _ => dir,
            }
        };
        Self {
            data_dir: resolve(data_dir),
            config_dir: resolve(config_dir),
        }
    }

    /// The platform's folders for Plugboard (what Tauri's path resolver gives the window).
    pub fn standard() -> Result<Self, UserError> {
        let missing = || {
            UserError::new(
                ErrorCode::StorageFailed,
                t(
                    "setup-no-home",
                    &[
                        ("home", "HOME".into()),
                        ("data", "XDG_DATA_HOME".into()),
                        ("config", "XDG_CONFIG_HOME".into()),
                    ],
                ),
            )
        };
        Ok(Self::new(
            dirs::data_dir().ok_or_else(missing)?.join(APP_IDENTIFIER),
            dirs::config_dir().ok_or_else(missing)?.join(APP_IDENTIFIER),
        ))
    }

    /// The window's log folder as Tauri's `app_log_dir` resolves it (its log plugin writes
    /// `plugboard.log` there), for the shell to check before the plugin opens it.
    pub fn window_log_dir() -> Option<PathBuf> {
        #[cfg(target_os = "macos")]
        return dirs::home_dir().map(|home| home.join("Library/Logs").join(APP_IDENTIFIER));
        #[cfg(not(target_os = "macos"))]
        return dirs::data_local_dir().map(|dir| dir.join(APP_IDENTIFIER).join("logs"));
    }

    /// Where demo mode's simulator keeps the tokens it issued (beside demo mode's index), so a
    /// restart, and the window and the command line at once, share demo connections.
    pub fn demo_simulator_file(&self) -> PathBuf {
        self.data_dir.join("demo").join("simulator.json")
    }

    /// The user's provider file: `PLUGBOARD_PROVIDERS`, else `providers.toml` in the config folder.
    pub fn providers_file(&self, settings: &Settings) -> PathBuf {
        settings
            .providers_file
            .clone()
            .unwrap_or_else(|| self.config_dir.join("providers.toml"))
    }
}

/// What demo mode's card says of `provider`'s app credentials (its table's `credentials_help`),
/// in the person's language: the window and the command line word the simulator's table with it.
pub fn demo_help(provider: &str) -> Option<String> {
    let name = Catalogue::builtin_name(provider)?;
    Some(crate::i18n::t(
        "shell-demo-help",
        &[("provider", name.into())],
    ))
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

/// App credentials embedded at build time: the file `PLUGBOARD_DIST_CREDENTIALS` named when this
/// was built (`[credentials.<provider>]` tables, as in a provider file), or nothing (build.rs).
pub const EMBEDDED_CREDENTIALS: &str =
    include_str!(concat!(env!("OUT_DIR"), "/dist-credentials.toml"));

/// What [`open`] made.
pub struct Opened {
    /// `Err` when the catalogue itself is invalid (a build defect or an unreadable demo table).
    pub connections: Result<Connections, UserError>,
    pub vault: Vault,
    /// Provider files that could not be used (the person's, the system-wide one, the build's):
    /// the built-in providers still work, and each says what to fix (it names the file, the
    /// provider and the field).
    pub file_problems: Vec<String>,
}

/// The system-wide provider file: the first `dev.plugboard.desktop/providers.toml` in the
/// system config folders (most important first, as the XDG spec orders them).
pub fn system_providers_file(settings: &Settings) -> Option<PathBuf> {
    settings
        .system_config_dirs
        .iter()
        .map(|dir| dir.join(APP_IDENTIFIER).join("providers.toml"))
        .find(|file| file.is_file())
}

/// Opens the catalogue, keychain and index. `demo` replaces the built-in table with the demo
/// simulator's (with its app credentials) and keeps demo data in a folder (and keychain namespace)
/// of its own; no other provider file is read in demo mode.
pub fn open(paths: &Paths, settings: &Settings, demo: Option<&str>) -> Opened {
    open_with(paths, settings, demo, EMBEDDED_CREDENTIALS)
}

/// [`open`], with `embedded` standing for the credentials embedded at build time.
fn open_with(paths: &Paths, settings: &Settings, demo: Option<&str>, embedded: &str) -> Opened {
    // Folders and files private again, as they would have been created (an older version or a
    // restored backup may have left them readable by others).
    crate::files::repair(&[&paths.data_dir, &paths.config_dir]);
    let vault = Vault::new(vault_namespace(demo.is_some()));
    let mut read = Sources::default();
    let catalogue = match demo {
        // Demo mode's table carries the simulator's app credentials: above every other source.
        Some(text) => Catalogue::parse(text, &Origin::File(t("setup-demo-origin", &[]).into()))
            .inspect(|c| read.take_credentials(c, |_| CredentialOrigin::Demo)),
        None => Catalogue::builtin().map(|builtin| {
            read.embedded(embedded);
            let catalogue = read.system_file(builtin, settings);
            read.user_file(catalogue, &paths.providers_file(settings), settings)
        }),
    };
    let Sources {
        credentials,
        problems: file_problems,
    } = read;
    // The index lives with its keychain namespace: demo mode and debug builds keep theirs in a
    // folder of their own, so one never lists the other's connections (whose items it cannot
    // see) nor takes them for orphans.
    let data_dir = match vault_namespace(demo.is_some()) {
        Some(namespace) => paths.data_dir.join(namespace),
        None => paths.data_dir.clone(),
    };
    let connections = catalogue
        .map(|c| {
            let service = Connections::new(c, vault.clone(), &data_dir).with_settings(settings);
            service.check_files();
            for (origin, fc) in credentials {
                service.credentials.set_from(
                    origin,
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
        file_problems,
    }
}

/// What the provider files gave, read in order from the lowest source up: app credentials by
/// origin (the service orders them), and the problems to tell the person.
#[derive(Default)]
struct Sources {
    credentials: Vec<(CredentialOrigin, FileCredentials)>,
    problems: Vec<String>,
}

impl Sources {
    fn take_credentials(
        &mut self,
        from: &Catalogue,
        origin: impl Fn(&FileCredentials) -> CredentialOrigin,
    ) {
        self.credentials.extend(
            from.file_credentials()
                .iter()
                .map(|c| (origin(c), c.clone())),
        );
    }

    /// Those embedded at build time.
    fn embedded(&mut self, text: &str) {
        match embedded_credentials(text) {
            Ok(found) => self
                .credentials
                .extend(found.into_iter().map(|c| (CredentialOrigin::Embedded, c))),
            Err(problem) => {
                log::warn!("ignored the credentials built into Plugboard: {problem}");
                self.problems.push(t(
                    "setup-embedded-unreadable",
                    &[
                        ("problem", problem.into()),
                        ("variable", "PLUGBOARD_DIST_CREDENTIALS".into()),
                    ],
                ));
            }
        }
    }

    /// The organisation's system-wide file, on top of `catalogue`.
    fn system_file(&mut self, catalogue: Catalogue, settings: &Settings) -> Catalogue {
        let Some(file) = system_providers_file(settings) else {
            return catalogue;
        };
        match load_file(&file, false) {
            Ok(None) => catalogue,
            Ok(Some(system)) => {
                log::info!("providers and credentials from {} added", file.display());
                self.take_credentials(&system, |c| match c.managed {
                    true => CredentialOrigin::Managed,
                    false => CredentialOrigin::SystemFile,
                });
                catalogue.with_user_file(system)
            }
            Err(problem) => {
                log::warn!("ignored {}: {problem}", file.display());
                self.problems.push(t(
                    "setup-system-file-not-loaded",
                    &[("problem", problem.into())],
                ));
                catalogue
            }
        }
    }

    /// The person's own file, on top of `catalogue` (but for providers the organisation manages).
    fn user_file(
        &mut self,
        mut catalogue: Catalogue,
        file: &Path,
        settings: &Settings,
    ) -> Catalogue {
        match load_file(file, settings.providers_file.is_some()) {
            Ok(None) => {}
            Ok(Some(user)) => {
                log::info!("providers from {} added", file.display());
                for c in user.file_credentials().iter().filter(|c| c.managed) {
                    log::warn!(
                        "{}: `managed` is for the system-wide file; {}'s credentials are the person's own",
                        file.display(),
                        c.provider
                    );
                }
                self.take_credentials(&user, |_| CredentialOrigin::UserFile);
                for id in catalogue.merge(user) {
                    log::warn!(
                        "{}: {id} is managed by the organisation; kept",
                        file.display()
                    );
                    self.problems.push(t(
                        "setup-user-entry-managed",
                        &[("provider", id.to_string().into())],
                    ));
                }
            }
            Err(problem) => {
                log::warn!("ignored {}: {problem}", file.display());
                self.problems.push(t(
                    "setup-user-file-not-loaded",
                    &[("problem", problem.into())],
                ));
            }
        }
        catalogue
    }
}

/// The credentials embedded at build time ([`EMBEDDED_CREDENTIALS`]); none for most builds.
fn embedded_credentials(text: &str) -> Result<Vec<FileCredentials>, String> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    let embedded = Catalogue::parse(text, &Origin::File(t("setup-embedded-origin", &[]).into()))
        .map_err(|e| e.to_string())?;
    if !embedded.providers().is_empty() {
        return Err(t(
            "setup-embedded-defines-providers",
            &[("tables", "[credentials.<provider>]".into())],
        ));
    }
    Ok(embedded.file_credentials().to_vec())
}

/// A provider file, if there is one. A file `named` by `PLUGBOARD_PROVIDERS` that does not exist
/// is a problem worth reporting; a missing default file is simply "no extra providers". A file
/// other users could have written is refused ([`crate::trust`]).
fn load_file(file: &Path, named: bool) -> Result<Option<Catalogue>, String> {
    if !file.exists() {
        return match named {
            true => Err(t(
                "setup-no-such-file",
                &[
                    ("path", file.display().to_string().into()),
                    ("variable", "PLUGBOARD_PROVIDERS".into()),
                ],
            )),
            false => Ok(None),
        };
    }
    crate::trust::check(file).map_err(|untrusted| {
        crate::safe_text::escape_keeping_lines(&untrusted.to_string()).into_owned()
    })?;
    let text = read_bounded(file)?;
    Catalogue::parse(&text, &Origin::File(file.to_path_buf()))
        .map(Some)
        .map_err(|e| e.words())
}

/// The largest provider file Plugboard reads, in bytes: the built-in table is 12 KB; a file far
/// larger is not a provider file (a 300 MB one took 11 s and 938 MB of memory to parse).
pub const PROVIDER_FILE_MAX: u64 = 1024 * 1024;

/// A provider file's text, refused unread when it is larger than [`PROVIDER_FILE_MAX`] (its size
/// is asked first, and at most one byte more than the limit is read: a file that grows, or a
/// device that says it has no size, is refused all the same).
fn read_bounded(file: &Path) -> Result<String, String> {
    use std::io::Read;
    let failed = |e: std::io::Error| {
        crate::safe_text::escape_keeping_lines(&format!("{}: {e}", file.display())).into_owned()
    };
    let too_large = |size: u64| {
        crate::safe_text::escape_keeping_lines(&t(
            "provider-file-too-large",
            &[
                ("file", file.display().to_string().into()),
                ("size", size.to_string().into()),
                ("max", PROVIDER_FILE_MAX.to_string().into()),
            ],
        ))
        .into_owned()
    };
    // Only a regular file: a FIFO or a device would block the open or never end.
    if !std::fs::metadata(file).map_err(failed)?.is_file() {
        return Err(failed(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )));
    }
    let f = std::fs::File::open(file).map_err(failed)?;
    let size = f.metadata().map_err(failed)?.len();
    if size > PROVIDER_FILE_MAX {
        return Err(too_large(size));
    }
    let mut bytes = Vec::new();
    f.take(PROVIDER_FILE_MAX + 1)
        .read_to_end(&mut bytes)
        .map_err(failed)?;
    if bytes.len() as u64 > PROVIDER_FILE_MAX {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|_| {
        failed(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "stream did not contain valid UTF-8",
        ))
    })
}

#[cfg(test)]
mod tests;

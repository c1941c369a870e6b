/*!
The choices a person makes in Settings, kept in `settings.toml` in Plugboard's config folder:
whether it sends notifications, whether closing the window keeps it running in the tray, how long
a copied secret stays on the clipboard, and whether the "still running in the tray" notice was
shown. (Start at login is not kept here: the desktop's autostart entry is the one truth, so a
person who removes it with their desktop's own tool is not overruled.)

The file follows the rules of every Plugboard file ([`crate::files`]): written atomically and
private; a file that cannot be read, or holds a value out of range, is set aside with a notice and
the defaults are used (and the person told so). Keys this version does not know are ignored, so an
older Plugboard can read a newer one's file (saving it then drops those keys). Environment variables ([`crate::settings`]) win over the file, for tests and
administrators.
*/

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{ErrorCode, UserError};
use crate::i18n::t;

/// The file's name in the config folder.
pub const FILE_NAME: &str = "settings.toml";

/// The clipboard delays a person may choose, in seconds.
pub const CLIPBOARD_RANGE: std::ops::RangeInclusive<u64> = 5..=600;

/// What a person chose in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// Notifications when a connection needs the person (on by default).
    pub notifications: bool,
    /// A notification when a program takes a connection's token for the first time (the D-Bus
    /// token service; on by default).
    pub program_notifications: bool,
    /// Closing the window keeps Plugboard running in the tray, where there is one (on by default).
    pub keep_in_tray: bool,
    /// Seconds a copied token stays on the clipboard (30 by default).
    pub clipboard_clear_secs: u64,
    /// The person was told once that closing the window keeps Plugboard in the tray.
    pub tray_notice_shown: bool,
    /// The language chosen in Settings (a tag of [`crate::i18n::LANGUAGES`]); empty: the
    /// system's. `PLUGBOARD_LOCALE` still wins ([`crate::i18n::pick`]).
    pub language: String,
}

impl Default for Preferences {
    fn default() -> Self {
        Self {
            notifications: true,
            program_notifications: true,
            keep_in_tray: true,
            clipboard_clear_secs: crate::settings::CLIPBOARD_CLEAR.as_secs(),
            tray_notice_shown: false,
            language: String::new(),
        }
    }
}

impl Preferences {
    /// What is wrong with these values, in the person's words (`None`: nothing).
    pub fn problem(&self) -> Option<String> {
        if !CLIPBOARD_RANGE.contains(&self.clipboard_clear_secs) {
            return Some(t(
                "preferences-clipboard-range",
                &[
                    ("min", (*CLIPBOARD_RANGE.start() as i64).into()),
                    ("max", (*CLIPBOARD_RANGE.end() as i64).into()),
                ],
            ));
        }
        None
    }

    /// The language to speak: the one chosen, if this version speaks it; else empty (the
    /// system's).
    pub fn spoken_language(&self) -> &str {
        if known_language(&self.language) {
            &self.language
        } else {
            ""
        }
    }

    pub fn clipboard_clear(&self) -> Duration {
        Duration::from_secs(self.clipboard_clear_secs)
    }
}

/// Whether `language` is one a person can choose (or empty: the system's).
fn known_language(language: &str) -> bool {
    language.is_empty()
        || crate::i18n::LANGUAGES
            .iter()
            .any(|(tag, _)| *tag == language)
}

/// The language chosen in `<config_dir>/settings.toml`, read only (for the command line, which
/// must not move a file the window owns): empty for the system's, and when the file is missing,
/// unreadable or names a language this version does not speak.
pub fn chosen_language(config_dir: &Path) -> String {
    crate::files::read_text(&config_dir.join(FILE_NAME))
        .ok()
        .flatten()
        .and_then(|text| toml::from_str::<Preferences>(&text).ok())
        .map(|p| p.language)
        .filter(|l| known_language(l))
        .unwrap_or_default()
}

/// The settings file and the values last read from it or written to it.
pub struct PreferencesFile {
    path: PathBuf,
    current: Mutex<Preferences>,
}

impl PreferencesFile {
    /// Reads `<config_dir>/settings.toml`: the defaults when it does not exist; when it cannot be
    /// read, the defaults too, the file set aside and a notice queued ([`crate::files::take_notices`]).
    pub fn open(config_dir: &Path) -> Self {
        let path = config_dir.join(FILE_NAME);
        let current = Self::load(&path).unwrap_or_default();
        Self {
            path,
            current: Mutex::new(current),
        }
    }

    fn load(path: &Path) -> Option<Preferences> {
        let why = match crate::files::read_text(path) {
            Ok(None) => return None,
            Ok(Some(text)) => match toml::from_str::<Preferences>(&text) {
                Ok(p) => {
                    // A language this version does not speak (a newer one chose it) is kept in
                    // the file, the system's spoken meanwhile ([`Preferences::spoken_language`]).
                    if !known_language(&p.language) {
                        log::warn!(
                            "settings: unknown language {:?}, speaking the system's",
                            p.language
                        );
                    }
                    match p.problem() {
                        None => return Some(p),
                        Some(problem) => problem,
                    }
                }
                Err(e) => t(
                    "preferences-not-a-settings-file",
                    &[("reason", e.message().into())],
                ),
            },
            Err(e) => e.to_string(),
        };
        if let Err(e) = crate::files::set_aside(
            path,
            &t("preferences-file", &[("file", FILE_NAME.into())]),
            &why,
            crate::lifetime::unix_now(),
        ) {
            log::warn!("could not set the unreadable settings aside: {e}");
        }
        crate::files::queue_notice(t("preferences-back-to-defaults", &[]));
        None
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The current choices.
    pub fn get(&self) -> Preferences {
        self.lock().clone()
    }

    /// Changes the choices with `change` and saves them; nothing changes (in memory or on disk)
    /// when the result is out of range or cannot be written.
    pub fn update(&self, change: impl FnOnce(&mut Preferences)) -> Result<Preferences, UserError> {
        let mut current = self.lock();
        let mut next = current.clone();
        change(&mut next);
        if let Some(problem) = next.problem() {
            return Err(UserError::new(ErrorCode::InvalidInput, problem));
        }
        // A language is checked when chosen (one a newer version chose stays until then).
        if next.language != current.language && !known_language(&next.language) {
            return Err(UserError::new(
                ErrorCode::InvalidInput,
                t(
                    "preferences-unknown-language",
                    &[("language", next.language.as_str().into())],
                ),
            ));
        }
        if next != *current {
            let body = toml::to_string(&next).map_err(|e| {
                UserError::new(
                    ErrorCode::Internal,
                    t(
                        "preferences-cannot-write",
                        &[("reason", e.to_string().into())],
                    ),
                )
            })?;
            let body = format!("# Plugboard's settings, as chosen in its Settings view.\n{body}");
            crate::files::write_private(&self.path, body.as_bytes()).map_err(|e| {
                UserError::new(
                    ErrorCode::StorageFailed,
                    t(
                        "preferences-cannot-save",
                        &[
                            ("path", self.path.display().to_string().into()),
                            ("reason", e.to_string().into()),
                        ],
                    ),
                )
            })?;
            *current = next;
        }
        Ok(current.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Preferences> {
        self.current.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of one test's own, removed afterwards.
    struct Dir(PathBuf);
    impl Dir {
        fn path(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn dir() -> Dir {
        static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let d = std::env::temp_dir().join(format!("plugboard-prefs-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Dir(d)
    }

    #[test]
    fn a_missing_file_means_the_defaults() {
        let d = dir();
        let file = PreferencesFile::open(d.path());
        let p = file.get();
        assert!(p.notifications && p.keep_in_tray && !p.tray_notice_shown);
        assert_eq!(p.clipboard_clear(), Duration::from_secs(30));
        assert!(!d.path().join(FILE_NAME).exists(), "nothing written yet");
    }

    #[test]
    fn choices_are_saved_privately_and_read_back() {
        let d = dir();
        let file = PreferencesFile::open(d.path());
        file.update(|p| {
            p.notifications = false;
            p.clipboard_clear_secs = 90;
        })
        .unwrap();
        let path = d.path().join(FILE_NAME);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
        }
        let again = PreferencesFile::open(d.path()).get();
        assert!(!again.notifications);
        assert_eq!(again.clipboard_clear_secs, 90);
        assert!(again.keep_in_tray, "untouched choices keep their defaults");
    }

    #[test]
    fn an_out_of_range_choice_is_refused_and_nothing_changes() {
        let d = dir();
        let file = PreferencesFile::open(d.path());
        file.update(|p| p.clipboard_clear_secs = 45).unwrap();
        for bad in [0, 4, 601, u64::MAX] {
            let e = file.update(|p| p.clipboard_clear_secs = bad).unwrap_err();
            assert_eq!(e.code, ErrorCode::InvalidInput);
            assert!(e.message.contains("between 5 and 600 seconds"), "{e}");
        }
        assert_eq!(file.get().clipboard_clear_secs, 45);
        assert_eq!(
            PreferencesFile::open(d.path()).get().clipboard_clear_secs,
            45
        );
    }

    #[test]
    fn an_unreadable_file_is_set_aside_and_the_defaults_used() {
        let _queue = crate::files::NOTICES_IN_TESTS
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        crate::files::take_notices();
        for body in [
            "notifications = \"maybe\"",
            "this is not toml [",
            "clipboard_clear_secs = 1",
        ] {
            let d = dir();
            let path = d.path().join(FILE_NAME);
            std::fs::write(&path, body).unwrap();
            let file = PreferencesFile::open(d.path());
            assert_eq!(file.get(), Preferences::default(), "{body}");
            assert!(!path.exists(), "{body}: set aside");
            let kept: Vec<_> = std::fs::read_dir(d.path())
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            assert!(
                kept.iter().any(|n| n.starts_with("settings.toml.corrupt-")),
                "{kept:?}"
            );
            assert_eq!(
                std::fs::read_to_string(d.path().join(&kept[0])).unwrap(),
                body,
                "kept whole for support"
            );
        }
        let notices = crate::files::take_notices();
        assert!(
            notices
                .iter()
                .any(|n| n.contains("your settings (settings.toml)")),
            "{notices:?}"
        );
        assert!(
            notices
                .iter()
                .any(|n| n.contains("went back to their defaults")),
            "{notices:?}"
        );
    }

    #[test]
    fn unknown_keys_from_a_newer_version_are_ignored() {
        let d = dir();
        std::fs::write(
            d.path().join(FILE_NAME),
            "keep_in_tray = false\ntheme = \"dark\"\n",
        )
        .unwrap();
        let p = PreferencesFile::open(d.path()).get();
        assert!(!p.keep_in_tray);
        assert!(d.path().join(FILE_NAME).exists());
    }

    #[test]
    fn an_unknown_language_falls_back_to_the_systems_and_keeps_the_rest() {
        let d = dir();
        std::fs::write(
            d.path().join(FILE_NAME),
            "language = \"tlh\"\nnotifications = false\n",
        )
        .unwrap();
        assert_eq!(chosen_language(d.path()), "");
        let file = PreferencesFile::open(d.path());
        let p = file.get();
        assert_eq!(p.spoken_language(), "");
        assert!(!p.notifications, "the other choices are kept");
        assert!(d.path().join(FILE_NAME).exists(), "nothing set aside");
        // Saving another choice keeps the newer version's language in the file.
        file.update(|p| p.notifications = true).unwrap();
        let saved = std::fs::read_to_string(d.path().join(FILE_NAME)).unwrap();
        assert!(saved.contains("language = \"tlh\""), "{saved}");
        // Another unknown one chosen in Settings: refused, nothing saved.
        assert!(file.update(|p| p.language = "xx".into()).is_err());
        file.update(|p| p.language = "es".into()).unwrap();
        assert_eq!(chosen_language(d.path()), "es");
    }
}

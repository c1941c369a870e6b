/*!
Tokens waiting for the keychain: what a provider issued that the keychain would not take (a
rotation whose write failed because the daemon was gone, locked, or out of disk).

A rotating provider has already spent the keychain's refresh token when it answers, so these
tokens are the only live copy of the grant: losing them loses the connection. They are kept

in a `0600` file in the person's runtime folder (`$XDG_RUNTIME_DIR/plugboard/<data folder
key>/<connection id>.json`, the folder `0700`): a private tmpfs that no other user can read and
that is gone at logout, so a token the command line could not save survives the command, and the
window (or the next command) finds it. The file is the one copy: no process keeps its own in
memory, which another process could make stale by saving or replacing the tokens. Only without a
runtime folder (or when the file cannot be written) do they wait in the memory of the process
that got them.

Every process reads a connection's held tokens before the keychain's copy, and saves them to the
keychain under the connection's refresh lock ([`super::Connections::save_held`]): at each
command's start, at the window's start and on its scheduler's ticks, and before any refresh. Only
then is the file removed. Without `$XDG_RUNTIME_DIR` (no login session) they are kept in memory
only, and the words say so.

This module owns where they wait and the file's format; what to do with them is the service's.
*/

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use crate::index::ConnectionRecord;
use crate::secret::SecretString;

/// A refresh's outcome the keychain did not take yet: the new item and the record that goes
/// with it.
#[derive(Clone)]
pub(super) struct Unsaved {
    pub item: SecretString,
    pub record: ConnectionRecord,
}

/// Where held tokens wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeldIn {
    /// A private file in the runtime folder: until saved, or until logout.
    RuntimeFile,
    /// This process's memory only (no runtime folder): until saved, or until it quits.
    Memory,
}

/// The file's form: the keychain item as the vault encodes it, and its index record.
#[derive(Serialize, Deserialize)]
struct HeldFile {
    version: u32,
    item: String,
    record: ConnectionRecord,
}

/// A held tokens' file that is there but cannot be read.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub path: PathBuf,
    pub detail: String,
}

pub(super) struct Held {
    dir: Option<PathBuf>,
    memory: Mutex<HashMap<String, Unsaved>>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// A stable key for a data folder (FNV-1a of its path): two Plugboards with different data
/// folders (release, demo, a test's) never see each other's held tokens.
fn folder_key(data_dir: &Path) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in data_dir.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The runtime folder of this login (`$XDG_RUNTIME_DIR`) if it is a private folder of ours.
fn runtime_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("XDG_RUNTIME_DIR")?);
    if !dir.is_absolute() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::symlink_metadata(&dir).ok()?;
        // SAFETY: getuid cannot fail.
        let uid = unsafe { libc::getuid() };
        if !meta.is_dir() || meta.uid() != uid || meta.mode() & 0o077 != 0 {
            log::warn!(
                "{} is not a private folder of this user: unsaved tokens are kept in memory only",
                dir.display()
            );
            return None;
        }
    }
    Some(dir)
}

impl Held {
    /// Held tokens of the Plugboard whose data folder is `data_dir`, in the login's runtime folder.
    pub fn for_data_dir(data_dir: &Path) -> Self {
        Self::in_dir(runtime_dir().map(|r| r.join("plugboard").join(folder_key(data_dir))))
    }

    /// Held tokens in `dir` (`None`: memory only).
    pub fn in_dir(dir: Option<PathBuf>) -> Self {
        Self {
            dir,
            memory: Mutex::default(),
        }
    }

    fn file(&self, id: &str) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join(format!("{id}.json")))
    }

    /// Where tokens kept now would wait.
    pub fn place(&self) -> HeldIn {
        if self.dir.is_some() {
            HeldIn::RuntimeFile
        } else {
            HeldIn::Memory
        }
    }

    /// Keeps `unsaved` for connection `id`: in its runtime file, the one copy every process reads
    /// (so none acts on a copy another has since saved or replaced); in this process's memory
    /// only when there is no runtime folder or the file cannot be written. Says where it waits.
    pub fn keep(&self, id: &str, unsaved: Unsaved) -> HeldIn {
        if let Some(path) = self.file(id) {
            let mut body = HeldFile {
                version: 1,
                item: unsaved.item.expose().to_string(),
                record: unsaved.record.clone(),
            };
            let written = serde_json::to_vec(&body)
                .map_err(std::io::Error::other)
                .and_then(|mut bytes| {
                    let written = crate::files::write_private(&path, &bytes);
                    zeroize::Zeroize::zeroize(&mut bytes);
                    written
                });
            zeroize::Zeroize::zeroize(&mut body.item);
            match written {
                Ok(()) => {
                    lock(&self.memory).remove(id);
                    return HeldIn::RuntimeFile;
                }
                Err(e) => log::warn!("{id}: could not keep the unsaved tokens in a file: {e}"),
            }
        }
        lock(&self.memory).insert(id.to_string(), unsaved);
        HeldIn::Memory
    }

    /// Tokens of connection `id` not yet in the keychain, if any: from the runtime folder (any
    /// process's), else this process's memory. A file that is there but cannot be read is an
    /// error, never "nothing held": the keychain's copy may hold a spent refresh token.
    pub fn get(&self, id: &str) -> Result<Option<Unsaved>, Unreadable> {
        if let Some(path) = self.file(id) {
            let unreadable = |detail: String| Unreadable {
                path: path.clone(),
                detail,
            };
            match crate::files::read_text(&path) {
                Ok(Some(mut text)) => {
                    let parsed = serde_json::from_str::<HeldFile>(&text);
                    zeroize::Zeroize::zeroize(&mut text);
                    return match parsed {
                        Ok(file) if file.record.id.as_str() == id => Ok(Some(Unsaved {
                            item: SecretString::new(file.item),
                            record: file.record,
                        })),
                        Ok(_) => Err(unreadable("it names another connection".into())),
                        Err(e) => Err(unreadable(format!(
                            "line {}, column {}",
                            e.line(),
                            e.column()
                        ))),
                    };
                }
                Ok(None) => {}
                Err(e) => return Err(unreadable(e.to_string())),
            }
        }
        Ok(lock(&self.memory).get(id).cloned())
    }

    /// The connections with held tokens (this process's and the runtime folder's).
    pub fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = lock(&self.memory).keys().cloned().collect();
        if let Some(dir) = &self.dir {
            if let Ok(entries) = std::fs::read_dir(dir) {
                for entry in entries.flatten() {
                    let name = entry.file_name();
                    let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
                        continue;
                    };
                    if !id.starts_with('.') && !ids.iter().any(|i| i == id) {
                        ids.push(id.to_string());
                    }
                }
            }
        }
        ids.sort();
        ids
    }

    /// Forgets the held tokens of `id` (saved at last, or the connection replaced or removed).
    pub fn forget(&self, id: &str) {
        lock(&self.memory).remove(id);
        if let Some(path) = self.file(id) {
            match std::fs::remove_file(&path) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => log::warn!("{id}: could not remove the held tokens' file: {e}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::MethodKind;
    use crate::connection::ConnectionId;

    /// A fresh folder of this test's own.
    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("plugboard-held-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    fn unsaved(id: &str, token: &str) -> Unsaved {
        Unsaved {
            item: SecretString::new(token),
            record: ConnectionRecord::new(
                ConnectionId::parse(id).unwrap(),
                "nimbus",
                MethodKind::AuthorizationCode,
                "someone".into(),
                1_000,
            ),
        }
    }

    #[test]
    fn held_tokens_wait_in_a_private_file_another_process_reads() {
        let folder = scratch("file").join("plugboard").join("k");
        let one = Held::in_dir(Some(folder.clone()));
        assert_eq!(
            one.keep("nimbus-1", unsaved("nimbus-1", "new")),
            HeldIn::RuntimeFile
        );
        let file = folder.join("nimbus-1.json");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&file), 0o600);
            assert_eq!(mode(&folder), 0o700);
        }
        // Another process (a fresh Held over the same folder) finds them.
        let other = Held::in_dir(Some(folder.clone()));
        assert_eq!(other.ids(), vec!["nimbus-1".to_string()]);
        let found = other.get("nimbus-1").unwrap().expect("held tokens found");
        assert_eq!(found.item.expose(), "new");
        assert_eq!(found.record.id.as_str(), "nimbus-1");
        other.forget("nimbus-1");
        assert!(!file.exists());
        assert!(other.get("nimbus-1").unwrap().is_none());
        assert!(other.ids().is_empty());
    }

    #[test]
    fn without_a_runtime_folder_they_wait_in_memory() {
        let held = Held::in_dir(None);
        assert_eq!(
            held.keep("nimbus-2", unsaved("nimbus-2", "x")),
            HeldIn::Memory
        );
        assert_eq!(held.get("nimbus-2").unwrap().unwrap().item.expose(), "x");
        held.forget("nimbus-2");
        assert!(held.get("nimbus-2").unwrap().is_none());
    }

    #[test]
    fn a_file_that_cannot_be_read_is_an_error_never_nothing_held() {
        let dir = scratch("other");
        let held = Held::in_dir(Some(dir.clone()));
        held.keep("nimbus-3", unsaved("nimbus-3", "x"));
        std::fs::rename(dir.join("nimbus-3.json"), dir.join("nimbus-4.json")).unwrap();
        let fresh = Held::in_dir(Some(dir.clone()));
        assert!(fresh.get("nimbus-4").is_err(), "never read as nothing held");
        std::fs::write(dir.join("nimbus-5.json"), "{ half").unwrap();
        assert!(fresh.get("nimbus-5").is_err(), "never read as nothing held");
    }

    #[test]
    fn data_folders_have_stable_distinct_keys() {
        assert_eq!(folder_key(Path::new("/a")), folder_key(Path::new("/a")));
        assert_ne!(folder_key(Path::new("/a")), folder_key(Path::new("/b")));
        assert_eq!(folder_key(Path::new("")), "cbf29ce484222325");
    }
}

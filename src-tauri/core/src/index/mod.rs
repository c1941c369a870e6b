/*!
The connection index: the non-secret half of every connection, in one JSON file in the app's data
folder (`connections.json`). Provider, method, account label, scopes, environment and times live
here; tokens and keys never do (they are in the vault, one item per connection). Beside the
connections, each provider's default connection ([`Index::defaults`]): the one a bare provider id
picks when the provider has several (`plugboard token whatconverts`). A default names a connection
of its own provider; removing that connection removes it too, under the same lock.

The account label is kept as data: `account_parts` says what it is made of (`{"kind": "named",
"template": "Store {store_id}", "values": {"store_id": "1003"}}`, `{"kind": "api_key", "field":
"token", "hint": "••••1234"}`, `{"kind": "client", "hint": …}` with the record's `environment`,
`{"kind": "sign_in", "hint": …}`, `{"kind": "recovered"}`), and every front end writes it in the
language it speaks when it shows it (`service::account`); `account` holds it in English, which an
older Plugboard shows. A record without `account_parts` (written by an older version, its label in
the words of the language spoken then) loads as it is and shows `account`. Adding the field keeps
the format's `version` 1: an older Plugboard ignores it.

Writes are atomic: the new index goes to a temporary file in the same folder, is flushed to disk,
then renamed over the old one, so a crash or a full disk leaves the previous index whole. A file
that cannot be read is reported, never silently replaced (replacing it would forget connections
whose secrets are still in the keychain).

Reads are cached per process: the window asks for the connections every second (its countdowns
and the scheduler), and the file is parsed again only when it changed. A changed file is a new
file (writes rename), so its identity, size and modification time differ; a file modified within
the last [`RACY`] is not trusted to that test (a clock's granularity could hide a second write in
the same tick) and is read again, as git treats a "racily clean" file.
*/

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;

mod record;
pub use record::{AccountParts, Cause, ConnectionRecord, LastError, Renamed};

#[derive(Debug, Default, Clone, Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    #[serde(default)]
    connections: Vec<ConnectionRecord>,
    /// Provider id → its default connection. Older indexes lack it (no defaults); older versions
    /// of Plugboard ignore it (and drop it when they write the file).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    defaults: BTreeMap<String, ConnectionId>,
}

const VERSION: u32 = 1;

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error("could not read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} is not a connection index Plugboard can read ({reason})")]
    Unreadable { path: PathBuf, reason: String },
    #[error("could not save {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The index file at a fixed path. Clones share one cache of what was read.
#[derive(Debug, Clone)]
pub struct Index {
    path: PathBuf,
    cache: Arc<Cache>,
}

/// How recently modified a file must not be for its stamp to stand for its content.
pub const RACY: Duration = Duration::from_secs(2);

/// What tells one version of the file from another without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    dev: u64,
    ino: u64,
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    fn of(meta: &fs::Metadata) -> Option<Self> {
        #[cfg(unix)]
        let (dev, ino) = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let (dev, ino) = (0, 0);
        Some(Self {
            dev,
            ino,
            len: meta.len(),
            modified: meta.modified().ok()?,
        })
    }

    /// Whether the stamp can stand for the content: modified long enough ago that a later write
    /// gets a later time.
    fn settled(&self) -> bool {
        SystemTime::now()
            .duration_since(self.modified)
            .is_ok_and(|age| age >= RACY)
    }
}

#[derive(Debug, Default)]
struct Cache {
    last: Mutex<Option<(Stamp, Arc<IndexFile>)>>,
    /// Times the file was read and parsed (for tests and the benchmark's counts).
    reads: AtomicU64,
    /// Versions of the file seen by loads: one more each time a load finds it changed.
    versions: AtomicU64,
}

impl Index {
    pub const FILE_NAME: &'static str = "connections.json";

    /// The index in `data_dir` (created on first write).
    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            path: data_dir.join(Self::FILE_NAME),
            cache: Arc::default(),
        }
    }

    /// Counts the versions of the file its loads have seen (this process's writes and other
    /// processes' alike): a watcher compares it between two looks to learn of a change.
    pub fn version(&self) -> u64 {
        self.cache.versions.load(Ordering::Relaxed)
    }

    /// How many times this index (and its clones) read and parsed the file.
    pub fn reads(&self) -> u64 {
        self.cache.reads.load(Ordering::Relaxed)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every connection; an index that does not exist yet is empty. Read from the file only
    /// when it changed since the last read (see the module's notes).
    pub fn load(&self) -> Result<Vec<ConnectionRecord>, IndexError> {
        Ok(self.load_file()?.connections.clone())
    }

    /// Each provider's default connection (provider id → connection id), as
    /// [`Self::set_default`] left them; read as [`Self::load`] reads (from the file only when it
    /// changed). Only defaults that name a connection of their provider are listed.
    pub fn defaults(&self) -> Result<BTreeMap<String, ConnectionId>, IndexError> {
        let file = self.load_file()?;
        Ok(valid_defaults(&file))
    }

    /// The connections and the defaults, from one read of the file (so they agree).
    pub fn load_with_defaults(
        &self,
    ) -> Result<(Vec<ConnectionRecord>, BTreeMap<String, ConnectionId>), IndexError> {
        let file = self.load_file()?;
        Ok((file.connections.clone(), valid_defaults(&file)))
    }

    /// The file as last read, read again when it changed (see the module's notes).
    fn load_file(&self) -> Result<Arc<IndexFile>, IndexError> {
        let stamp = match fs::metadata(&self.path) {
            Ok(meta) => Stamp::of(&meta),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // Gone since it was read (removed by hand, say): that is a change too.
                let mut last = self.cache.last.lock().unwrap_or_else(|p| p.into_inner());
                if last.take().is_some() {
                    self.cache.versions.fetch_add(1, Ordering::Relaxed);
                }
                return Ok(Arc::default());
            }
            Err(source) => {
                return Err(IndexError::Read {
                    path: self.path.clone(),
                    source,
                })
            }
        };
        let mut last = self.cache.last.lock().unwrap_or_else(|p| p.into_inner());
        if let (Some(stamp), Some((seen, file))) = (stamp, last.as_ref()) {
            if *seen == stamp && stamp.settled() {
                return Ok(file.clone());
            }
        }
        let file = Arc::new(self.read()?);
        if stamp != last.as_ref().map(|(seen, _)| *seen) {
            self.cache.versions.fetch_add(1, Ordering::Relaxed);
        }
        // The stamp taken before reading: a write in between makes it stale, never wrong.
        *last = stamp.map(|s| (s, file.clone()));
        Ok(file)
    }

    pub fn get(&self, id: &ConnectionId) -> Result<Option<ConnectionRecord>, IndexError> {
        Ok(self.load()?.into_iter().find(|c| &c.id == id))
    }

    /// Adds `record`, or replaces the record with the same id. The stored name is always kept:
    /// only [`Self::rename`] changes it (a refresh that read the record before a rename must not
    /// put the old name back).
    pub fn upsert(&self, mut record: ConnectionRecord) -> Result<(), IndexError> {
        self.update(|file| {
            match file.connections.iter_mut().find(|c| c.id == record.id) {
                Some(existing) => {
                    record.name = existing.name.take();
                    *existing = record
                }
                None => file.connections.push(record),
            }
            true
        })
        .map(|_| ())
    }

    /// Names connection `id` (`None`: no name), under the index's lock so two processes cannot
    /// both give one name away: [`Renamed::Taken`] with the other connection's name when another
    /// has it (without regard to case).
    pub fn rename(&self, id: &ConnectionId, name: Option<String>) -> Result<Renamed, IndexError> {
        let mut outcome = Renamed::NoSuchConnection;
        self.update(|file| {
            if let Some(wanted) = &name {
                let wanted = wanted.to_lowercase();
                if let Some(other) = file.connections.iter().find(|c| {
                    &c.id != id
                        && c.name
                            .as_deref()
                            .is_some_and(|n| n.to_lowercase() == wanted)
                }) {
                    outcome = Renamed::Taken(other.name.clone().unwrap_or_default());
                    return false;
                }
            }
            match file.connections.iter_mut().find(|c| &c.id == id) {
                Some(record) => {
                    record.name = name;
                    outcome = Renamed::Done;
                    true
                }
                None => false,
            }
        })?;
        Ok(outcome)
    }

    /// Records that the provider accepted each of `ids` at `at` (identity checks), in one write.
    pub fn mark_checked(&self, ids: &[ConnectionId], at: i64) -> Result<(), IndexError> {
        self.update(|file| {
            let mut changed = false;
            for record in file.connections.iter_mut().filter(|c| ids.contains(&c.id)) {
                record.checked_at = Some(at);
                changed = true;
            }
            changed
        })
        .map(|_| ())
    }

    /// Clears every planned retry ([`ConnectionRecord::retry_at`]), in one write under the lock
    /// (the rest of each record as it is on disk now).
    pub fn clear_retries(&self) -> Result<(), IndexError> {
        self.update(|file| {
            let mut changed = false;
            for record in file.connections.iter_mut().filter(|c| c.retry_at.is_some()) {
                record.retry_at = None;
                changed = true;
            }
            changed
        })
        .map(|_| ())
    }

    /// Removes the record with `id`, and the default it was, if it was one; returns whether
    /// there was one.
    pub fn remove(&self, id: &ConnectionId) -> Result<bool, IndexError> {
        self.update(|file| {
            let before = file.connections.len();
            file.connections.retain(|c| &c.id != id);
            file.defaults.retain(|_, default| default != id);
            file.connections.len() != before
        })
    }

    /// Makes connection `id` its provider's default, under the index's lock (so it cannot name
    /// a connection another process just removed); returns its provider, `None` when there is
    /// no such connection.
    pub fn set_default(&self, id: &ConnectionId) -> Result<Option<String>, IndexError> {
        let mut provider = None;
        self.update(|file| {
            let Some(record) = file.connections.iter().find(|c| &c.id == id) else {
                return false;
            };
            provider = Some(record.provider.clone());
            file.defaults.insert(record.provider.clone(), id.clone()) != Some(id.clone())
        })?;
        Ok(provider)
    }

    /// Takes `provider`'s default away; returns the connection it named, if any.
    pub fn clear_default(&self, provider: &str) -> Result<Option<ConnectionId>, IndexError> {
        let mut was = None;
        self.update(|file| {
            was = file.defaults.remove(provider);
            was.is_some()
        })?;
        Ok(was)
    }

    /// Read, change, write, holding the index's lock file: the window and the command line may
    /// both be saving (different connections) at once, and neither may lose the other's record.
    /// `change` says whether it changed anything (nothing to write otherwise).
    fn update(&self, change: impl FnOnce(&mut IndexFile) -> bool) -> Result<bool, IndexError> {
        crate::flight::with_file_lock(&self.path, || {
            let mut file = self.read()?;
            let changed = change(&mut file);
            if changed {
                self.write(&file)?;
            }
            Ok(changed)
        })
        .map_err(|source| IndexError::Write {
            path: self.path.clone(),
            source,
        })?
    }

    fn read(&self) -> Result<IndexFile, IndexError> {
        self.cache.reads.fetch_add(1, Ordering::Relaxed);
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(IndexFile {
                    version: VERSION,
                    ..IndexFile::default()
                })
            }
            Err(source) => {
                return Err(IndexError::Read {
                    path: self.path.clone(),
                    source,
                })
            }
        };
        parse_file(&text).map_err(|reason| IndexError::Unreadable {
            path: self.path.clone(),
            reason,
        })
    }

    fn write(&self, file: &IndexFile) -> Result<(), IndexError> {
        let body = serde_json::to_vec_pretty(&IndexFile {
            version: VERSION,
            connections: file.connections.clone(),
            defaults: file.defaults.clone(),
        })
        .expect("the index always serializes");
        write_atomically(&self.path, &body).map_err(|source| IndexError::Write {
            path: self.path.clone(),
            source,
        })
    }
}

/// The defaults of `file` that name a connection of their own provider (a file edited by hand
/// may say otherwise: such a default is not one).
fn valid_defaults(file: &IndexFile) -> BTreeMap<String, ConnectionId> {
    file.defaults
        .iter()
        .filter(|(provider, id)| {
            file.connections
                .iter()
                .any(|c| &c.id == *id && &c.provider == *provider)
        })
        .map(|(provider, id)| (provider.clone(), id.clone()))
        .collect()
}

/// Reads an index file's text: its connections, or why it is not an index Plugboard can read.
/// (What the fuzzer feeds; the file itself is read by [`Index`].)
pub fn parse(text: &str) -> Result<Vec<ConnectionRecord>, String> {
    parse_file(text).map(|f| f.connections)
}

fn parse_file(text: &str) -> Result<IndexFile, String> {
    let file: IndexFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if file.version > VERSION {
        return Err(format!(
            "written by a newer Plugboard (format {})",
            file.version
        ));
    }
    Ok(file)
}

/// Writes `body` atomically and privately (see [`crate::files::write_private`]).
pub(crate) fn write_atomically(path: &Path, body: &[u8]) -> std::io::Result<()> {
    crate::files::write_private(path, body)
}

#[cfg(test)]
mod tests;

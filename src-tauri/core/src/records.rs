/*!
A history kept per connection in a file beside the index: what the timeline
([`crate::timeline`]) and the record of tokens handed out ([`crate::audit`]) are written in. The
last entries of each connection and so many in all, the file replaced atomically under its lock
(the window and the command line both write); a file that cannot be read is set aside
([`crate::files::set_aside`]: kept beside as `<name>.corrupt-<time>`, with a notice) rather than
blocking a refresh or being silently overwritten: it is history, not state.
*/

use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;

/// One entry of a history: it belongs to a connection.
pub trait Entry: Serialize + DeserializeOwned + Clone {
    fn connection(&self) -> &ConnectionId;
}

/// The file: `{"version": 1, "events": [...]}`, oldest first.
#[derive(Debug, Serialize, Deserialize)]
#[serde(bound(deserialize = "E: DeserializeOwned"))]
struct HistoryFile<E> {
    version: u32,
    #[serde(default = "Vec::new")]
    events: Vec<E>,
}

/// Reads a history file's text: its entries, or why it is not one Plugboard wrote.
pub fn parse<E: DeserializeOwned>(text: &str) -> Result<Vec<E>, String> {
    serde_json::from_str::<HistoryFile<E>>(text)
        .map(|f| f.events)
        .map_err(|_| "it is not a history Plugboard wrote".into())
}

/// Writes `events` as a history file's text (tests, and [`Records`] itself).
pub fn to_text<E: Serialize>(events: Vec<E>) -> Vec<u8> {
    serde_json::to_vec_pretty(&HistoryFile { version: 1, events }).expect("entries serialize")
}

/// A history file (see the module's doc).
#[derive(Debug, Clone)]
pub struct Records<E> {
    path: PathBuf,
    per_connection: usize,
    total: usize,
    /// The message id naming the file for a person ("the connection history ({ $file })").
    what: &'static str,
    entries: PhantomData<fn() -> E>,
}

impl<E: Entry> Records<E> {
    /// A file larger than this is not one Plugboard wrote (1,000 entries are ~200 KB).
    const LONGEST_FILE: u64 = 8 * 1024 * 1024;

    /// The history in `data_dir/file_name`: the last `per_connection` entries of each connection,
    /// at most `total` (entries of connections that are gone are kept too: they are history).
    pub fn new(
        data_dir: &Path,
        file_name: &str,
        per_connection: usize,
        total: usize,
        what: &'static str,
    ) -> Self {
        Self {
            path: data_dir.join(file_name),
            per_connection,
            total,
            what,
            entries: PhantomData,
        }
    }

    /// The entries on disk; `Err` says why the file cannot be read.
    fn load(&self) -> Result<Vec<E>, String> {
        if std::fs::metadata(&self.path).is_ok_and(|m| m.len() > Self::LONGEST_FILE) {
            return Err(crate::i18n::t("timeline-too-large", &[]));
        }
        match crate::files::read_text(&self.path) {
            Ok(None) => Ok(Vec::new()),
            Ok(Some(text)) => parse(&text),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The entries, or none while the file is unreadable (it is set aside at the next write or
    /// [`Self::check`]).
    fn read(&self) -> Vec<E> {
        self.load().unwrap_or_default()
    }

    /// Sets an unreadable file aside (kept as `<name>.corrupt-<time>`, with a notice) so that a
    /// new one starts. Returns where it was kept, if it was.
    pub fn check(&self) -> Option<PathBuf> {
        crate::flight::with_file_lock(&self.path, || self.set_aside_if_unreadable())
            .ok()
            .flatten()
    }

    fn set_aside_if_unreadable(&self) -> Option<PathBuf> {
        let why = self.load().err()?;
        let file = self
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match crate::files::set_aside(
            &self.path,
            &crate::i18n::t(self.what, &[("file", file.into())]),
            &why,
            crate::lifetime::unix_now(),
        ) {
            Ok(aside) => Some(aside.kept_as),
            Err(e) => {
                log::warn!(
                    "could not set the unreadable {} aside: {e}",
                    self.path.display()
                );
                None
            }
        }
    }

    /// Appends an entry, keeping the last ones of its connection. Best effort: a failed write is
    /// logged, never fatal.
    pub fn record(&self, entry: E) {
        let saved = crate::flight::with_file_lock(&self.path, || self.append(entry));
        if let Err(e) = saved {
            log::warn!("could not lock {}: {e}", self.path.display());
        }
    }

    fn append(&self, entry: E) {
        self.set_aside_if_unreadable();
        let mut entries = self.read();
        let connection = entry.connection().clone();
        entries.push(entry);
        let mine = entries
            .iter()
            .filter(|e| e.connection() == &connection)
            .count();
        let mut drop = mine.saturating_sub(self.per_connection);
        entries.retain(|e| {
            if drop > 0 && e.connection() == &connection {
                drop -= 1;
                false
            } else {
                true
            }
        });
        let excess = entries.len().saturating_sub(self.total);
        entries.drain(..excess);
        if let Err(e) = crate::index::write_atomically(&self.path, &to_text(entries)) {
            log::warn!("could not save {}: {e}", self.path.display());
        }
    }

    /// A connection's entries, newest first.
    pub fn of(&self, id: &ConnectionId) -> Vec<E> {
        let mut mine: Vec<E> = self
            .read()
            .into_iter()
            .filter(|e| e.connection() == id)
            .collect();
        mine.reverse();
        mine
    }

    /// The last `n` entries of every connection, newest first.
    pub fn recent(&self, n: usize) -> Vec<E> {
        let mut all = self.read();
        all.reverse();
        all.truncate(n);
        all
    }
}

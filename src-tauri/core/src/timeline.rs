/*!
Each connection's recent history, for support: connected, refreshed, refresh failed (with its code),
reconnect needed, reconnected, disconnected. Kept in `timeline.json` beside the index, the last
[`Timeline::PER_CONNECTION`] events per connection, written atomically.

Events hold codes and Plugboard's own words, never a provider's raw answer and never a token: an
event is built from an [`crate::error::UserError`] (whose messages Plugboard writes) or from
nothing at all. A timeline that cannot be read is set aside ([`crate::files::set_aside`]: kept beside as
`timeline.json.corrupt-<time>`, with a notice) rather than blocking a refresh or being silently
overwritten: it is history, not state.
*/

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Connected,
    Refreshed,
    RefreshFailed,
    ReconnectNeeded,
    Reconnected,
    Disconnected,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// Unix seconds.
    pub at: i64,
    pub connection: ConnectionId,
    pub kind: EventKind,
    /// An error code (`invalid_grant`, `provider_unavailable`…) for failures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Which front end it happened in (support asks "was that the window or a script?");
    /// absent in older timelines and where nobody said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Actor>,
}

/// A front end of Plugboard, as the timeline names where something happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Actor {
    /// The window (its scheduler, or a person's click).
    Window,
    /// The `plugboard` command line.
    CommandLine,
}

impl Actor {
    /// As support reads it in the (English) diagnostics report.
    pub fn as_words(self) -> &'static str {
        match self {
            Actor::Window => "window",
            Actor::CommandLine => "command line",
        }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct TimelineFile {
    version: u32,
    #[serde(default)]
    events: Vec<Event>,
}

/// Reads a timeline file's text: its events, or why it is not a history Plugboard wrote. (What the
/// fuzzer feeds; the file itself is read by [`Timeline`].)
pub fn parse(text: &str) -> Result<Vec<Event>, String> {
    serde_json::from_str::<TimelineFile>(text)
        .map(|f| f.events)
        .map_err(|_| "it is not a history Plugboard wrote".into())
}

#[derive(Debug, Clone)]
pub struct Timeline {
    path: PathBuf,
}

impl Timeline {
    pub const FILE_NAME: &'static str = "timeline.json";
    pub const PER_CONNECTION: usize = 50;
    /// Events of connections that are gone are kept too (a disconnect is history), up to this many.
    const TOTAL: usize = 1_000;
    /// A timeline file larger than this is not one Plugboard wrote (1,000 events are ~200 KB).
    const LONGEST_FILE: u64 = 8 * 1024 * 1024;

    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            path: data_dir.join(Self::FILE_NAME),
        }
    }

    /// The events on disk; `Err` says why the file cannot be read.
    fn load(&self) -> Result<Vec<Event>, String> {
        if std::fs::metadata(&self.path).is_ok_and(|m| m.len() > Self::LONGEST_FILE) {
            return Err(crate::i18n::t("timeline-too-large", &[]));
        }
        match crate::files::read_text(&self.path) {
            Ok(None) => Ok(Vec::new()),
            Ok(Some(text)) => parse(&text),
            Err(e) => Err(e.to_string()),
        }
    }

    /// The events, or none while the file is unreadable (it is set aside at the next write or
    /// [`Self::check`]).
    fn read(&self) -> Vec<Event> {
        self.load().unwrap_or_default()
    }

    /// Sets an unreadable timeline aside (kept as `timeline.json.corrupt-<time>`, with a notice)
    /// so that a new one starts. Returns where it was kept, if it was.
    pub fn check(&self) -> Option<std::path::PathBuf> {
        crate::flight::with_file_lock(&self.path, || self.set_aside_if_unreadable())
            .ok()
            .flatten()
    }

    fn set_aside_if_unreadable(&self) -> Option<std::path::PathBuf> {
        let why = self.load().err()?;
        match crate::files::set_aside(
            &self.path,
            &crate::i18n::t("timeline-file", &[("file", "timeline.json".into())]),
            &why,
            crate::lifetime::unix_now(),
        ) {
            Ok(aside) => Some(aside.kept_as),
            Err(e) => {
                log::warn!("could not set the unreadable timeline aside: {e}");
                None
            }
        }
    }

    /// Appends an event, keeping the last 50 of its connection. Best effort: a failed write is
    /// logged, never fatal.
    pub fn record(&self, event: Event) {
        // Under the file's lock: the window and the command line both record events.
        let saved = crate::flight::with_file_lock(&self.path, || self.append(event));
        if let Err(e) = saved {
            log::warn!("could not lock the timeline: {e}");
        }
    }

    fn append(&self, event: Event) {
        self.set_aside_if_unreadable();
        let mut events = self.read();
        events.push(event.clone());
        let mine = events
            .iter()
            .filter(|e| e.connection == event.connection)
            .count();
        let mut drop = mine.saturating_sub(Self::PER_CONNECTION);
        events.retain(|e| {
            if drop > 0 && e.connection == event.connection {
                drop -= 1;
                false
            } else {
                true
            }
        });
        let excess = events.len().saturating_sub(Self::TOTAL);
        events.drain(..excess);
        let body = serde_json::to_vec_pretty(&TimelineFile { version: 1, events })
            .expect("events serialize");
        if let Err(e) = crate::index::write_atomically(&self.path, &body) {
            log::warn!("could not save the timeline: {e}");
        }
    }

    /// A connection's events, newest first.
    pub fn of(&self, id: &ConnectionId) -> Vec<Event> {
        let mut mine: Vec<Event> = self
            .read()
            .into_iter()
            .filter(|e| &e.connection == id)
            .collect();
        mine.reverse();
        mine
    }

    /// The last `n` events of every connection, newest first.
    pub fn recent(&self, n: usize) -> Vec<Event> {
        let mut all = self.read();
        all.reverse();
        all.truncate(n);
        all
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_keeps_the_last_fifty_events_per_connection_newest_first() {
        let dir = std::env::temp_dir().join(format!("plugboard-timeline-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let t = Timeline::in_dir(&dir);
        let a = ConnectionId::parse("hubspot-a").unwrap();
        let b = ConnectionId::parse("ecwid-b").unwrap();
        t.record(Event {
            at: 1,
            connection: b.clone(),
            kind: EventKind::Connected,
            code: None,
            message: None,
            by: None,
        });
        for i in 0..60 {
            t.record(Event {
                at: 10 + i,
                connection: a.clone(),
                kind: if i == 0 {
                    EventKind::Connected
                } else {
                    EventKind::Refreshed
                },
                code: None,
                message: None,
                by: None,
            });
        }
        let of_a = t.of(&a);
        assert_eq!(of_a.len(), 50);
        assert_eq!(of_a[0].at, 69, "newest first");
        assert_eq!(of_a[49].at, 20);
        assert_eq!(t.of(&b).len(), 1, "other connections keep theirs");
        assert_eq!(t.recent(3).len(), 3);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn an_unreadable_timeline_is_kept_beside_and_a_new_one_started() {
        let dir =
            std::env::temp_dir().join(format!("plugboard-timeline-bad-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let t = Timeline::in_dir(&dir);
        let a = ConnectionId::parse("hubspot-a").unwrap();
        let event = |at| Event {
            at,
            connection: a.clone(),
            kind: EventKind::Refreshed,
            code: None,
            message: None,
            by: None,
        };
        for (n, bad) in [
            &b"{ truncated"[..],
            br#"{"version":1,"events":"wrong type"}"#,
            b"\xff\xfe not text",
            br#"[1,2,3]"#,
        ]
        .into_iter()
        .enumerate()
        {
            std::fs::write(dir.join(Timeline::FILE_NAME), bad).unwrap();
            assert!(
                t.of(&a).is_empty(),
                "reading does not fail or move the file"
            );
            assert!(dir.join(Timeline::FILE_NAME).exists());
            t.record(event(n as i64));
            assert_eq!(t.of(&a).len(), 1, "a new timeline holds the new event");
            let kept: Vec<_> = std::fs::read_dir(&dir)
                .unwrap()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
                .map(|e| std::fs::read(e.path()).unwrap())
                .collect();
            assert!(
                kept.iter().any(|k| k == bad),
                "the bad file is kept as it was"
            );
            std::fs::remove_file(dir.join(Timeline::FILE_NAME)).unwrap();
        }
        // 100,000 events: read, then trimmed to the limits at the next write.
        let many: Vec<Event> = (0..100_000).map(event).collect();
        std::fs::write(
            dir.join(Timeline::FILE_NAME),
            serde_json::to_vec(&TimelineFile {
                version: 1,
                events: many,
            })
            .unwrap(),
        )
        .unwrap();
        assert_eq!(t.of(&a).len(), 100_000);
        t.record(event(100_000));
        assert_eq!(t.of(&a).len(), Timeline::PER_CONNECTION);
        std::fs::remove_dir_all(dir).unwrap();
    }
}

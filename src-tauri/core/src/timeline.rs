/*!
Each connection's recent history, for support: connected, refreshed, refresh failed (with its code),
reconnect needed, reconnected, disconnected. Kept in `timeline.json` beside the index, the last
[`Timeline::PER_CONNECTION`] events per connection, written atomically ([`crate::records`]). The
tokens handed out are the connection's history too, kept in a file of their own
([`crate::audit`]) so that frequent uses never push these events out.

Events hold codes and Plugboard's own words, never a provider's raw answer and never a token: an
event is built from an [`crate::error::UserError`] (whose messages Plugboard writes) or from
nothing at all. A timeline that cannot be read is set aside ([`crate::files::set_aside`]: kept beside as
`timeline.json.corrupt-<time>`, with a notice) rather than blocking a refresh or being silently
overwritten: it is history, not state.
*/

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;
use crate::records::Records;

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

impl crate::records::Entry for Event {
    fn connection(&self) -> &ConnectionId {
        &self.connection
    }
}

/// Reads a timeline file's text: its events, or why it is not a history Plugboard wrote. (What the
/// fuzzer feeds; the file itself is read by [`Timeline`].)
pub fn parse(text: &str) -> Result<Vec<Event>, String> {
    crate::records::parse(text)
}

#[derive(Debug, Clone)]
pub struct Timeline {
    records: Records<Event>,
}

impl Timeline {
    pub const FILE_NAME: &'static str = "timeline.json";
    pub const PER_CONNECTION: usize = 50;
    /// Events of connections that are gone are kept too (a disconnect is history), up to this many.
    const TOTAL: usize = 1_000;

    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            records: Records::new(
                data_dir,
                Self::FILE_NAME,
                Self::PER_CONNECTION,
                Self::TOTAL,
                "timeline-file",
            ),
        }
    }

    /// Sets an unreadable timeline aside (kept as `timeline.json.corrupt-<time>`, with a notice)
    /// so that a new one starts. Returns where it was kept, if it was.
    pub fn check(&self) -> Option<PathBuf> {
        self.records.check()
    }

    /// Appends an event, keeping the last 50 of its connection. Best effort: a failed write is
    /// logged, never fatal.
    pub fn record(&self, event: Event) {
        self.records.record(event);
    }

    /// A connection's events, newest first.
    pub fn of(&self, id: &ConnectionId) -> Vec<Event> {
        self.records.of(id)
    }

    /// The last `n` events of every connection, newest first.
    pub fn recent(&self, n: usize) -> Vec<Event> {
        self.records.recent(n)
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
            serde_json::to_vec(&serde_json::json!({ "version": 1, "events": many })).unwrap(),
        )
        .unwrap();
        assert_eq!(t.of(&a).len(), 100_000);
        t.record(event(100_000));
        assert_eq!(t.of(&a).len(), Timeline::PER_CONNECTION);
        std::fs::remove_dir_all(dir).unwrap();
    }
}

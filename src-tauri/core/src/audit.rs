/*!
The record of every token handed out: when, which connection, through which door (Copy or Reveal
in the window, `plugboard token`, and the doors for programs), to which program
([`crate::program`]), allowed or refused — never the token. Support reads it (`plugboard audit`,
the diagnostics report's last ten), and a person sees in a connection's Details which programs
used it ("Used by").

It is the connection's history of uses, kept beside its timeline ([`crate::timeline`]) in a file
of its own (`audit.json`), so that a script taking a token every minute never pushes a sign-in
or a failed refresh out of the timeline: the last [`Audit::PER_CONNECTION`] uses of each
connection, [`Audit::TOTAL`] in all, in the same kind of file ([`crate::records`]).
*/

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;
use crate::program::Program;
use crate::records::{Entry, Records};

/// How a token left Plugboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Door {
    /// Copy in the window (a token, its header, a curl line or the refresh token).
    Copy,
    /// Reveal in the window.
    Reveal,
    /// `plugboard token`.
    Token,
    /// `plugboard exec`: a program's environment or token file.
    Exec,
    /// `plugboard proxy`: added to a program's requests.
    Proxy,
    /// The D-Bus token service.
    Dbus,
}

impl Door {
    /// The message id naming the door for a person.
    pub fn message_id(self) -> &'static str {
        match self {
            Door::Copy => "audit-door-copy",
            Door::Reveal => "audit-door-reveal",
            Door::Token => "audit-door-token",
            Door::Exec => "audit-door-exec",
            Door::Proxy => "audit-door-proxy",
            Door::Dbus => "audit-door-dbus",
        }
    }
}

/// Whether the token was handed out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Allowed,
    /// Refused: the person said no, nobody answered, or the program asked too often.
    Denied,
}

/// One token handed out (or refused).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Use {
    /// Unix seconds.
    pub at: i64,
    pub connection: ConnectionId,
    pub door: Door,
    /// The form handed out (`access`, `header`, `curl`, `json`, `refresh`), where there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    pub program: Program,
    pub outcome: Outcome,
    /// Why it was refused, as a code (`denied`, `no_answer`, `throttled`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

impl Entry for Use {
    fn connection(&self) -> &ConnectionId {
        &self.connection
    }
}

/// A program's uses of one connection, as Details' "Used by" lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UsedBy {
    pub program: Program,
    /// The program in one line, safe to show ([`Program::describe`]).
    pub program_text: String,
    /// Its newest use (unix seconds).
    pub last_at: i64,
    /// How many of the uses looked at were its.
    pub times: usize,
    /// Of those, how many were refused.
    pub denied: usize,
    /// The doors it came through, newest first, each once.
    pub doors: Vec<Door>,
    /// Those doors in the person's words, one line.
    pub doors_text: String,
}

/// The record (see the module's doc).
#[derive(Debug, Clone)]
pub struct Audit {
    records: Records<Use>,
}

impl Audit {
    pub const FILE_NAME: &'static str = "audit.json";
    pub const PER_CONNECTION: usize = 100;
    const TOTAL: usize = 2_000;
    /// How many of a connection's newest uses "Used by" groups.
    pub const USED_BY: usize = 20;

    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            records: Records::new(
                data_dir,
                Self::FILE_NAME,
                Self::PER_CONNECTION,
                Self::TOTAL,
                "audit-file",
            ),
        }
    }

    /// Records a use. Best effort: a record that cannot be written is logged (the token was
    /// handed out all the same; a full disk must not stop a script).
    pub fn record(&self, entry: Use) {
        self.records.record(entry);
    }

    /// Sets an unreadable file aside; where it was kept.
    pub fn check(&self) -> Option<std::path::PathBuf> {
        self.records.check()
    }

    /// A connection's uses, newest first.
    pub fn of(&self, id: &ConnectionId) -> Vec<Use> {
        self.records.of(id)
    }

    /// The last `n` uses of every connection, newest first.
    pub fn recent(&self, n: usize) -> Vec<Use> {
        self.records.recent(n)
    }

    /// Connection `id`'s newest [`Self::USED_BY`] uses grouped by program, the most recent
    /// program first.
    pub fn used_by(&self, id: &ConnectionId) -> Vec<UsedBy> {
        group(
            &self.of(id)[..]
                .iter()
                .take(Self::USED_BY)
                .cloned()
                .collect::<Vec<_>>(),
        )
    }
}

/// `uses` (newest first) grouped by program, in the order of each program's newest use.
pub fn group(uses: &[Use]) -> Vec<UsedBy> {
    let mut groups: Vec<UsedBy> = Vec::new();
    for u in uses {
        match groups.iter_mut().find(|g| g.program == u.program) {
            Some(g) => {
                g.times += 1;
                g.denied += usize::from(u.outcome == Outcome::Denied);
                if !g.doors.contains(&u.door) {
                    g.doors.push(u.door);
                }
            }
            None => groups.push(UsedBy {
                program: u.program.clone(),
                program_text: u.program.describe(),
                last_at: u.at,
                times: 1,
                denied: usize::from(u.outcome == Outcome::Denied),
                doors: vec![u.door],
                doors_text: String::new(),
            }),
        }
    }
    for g in &mut groups {
        let words: Vec<String> = g
            .doors
            .iter()
            .map(|d| crate::i18n::t(d.message_id(), &[]))
            .collect();
        g.doors_text = words.join(", ");
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(name: &str) -> Program {
        Program {
            name: name.into(),
            path: format!("/usr/bin/{name}"),
            script: None,
        }
    }

    fn a_use(at: i64, id: &ConnectionId, door: Door, who: &str, outcome: Outcome) -> Use {
        Use {
            at,
            connection: id.clone(),
            door,
            form: Some("access".into()),
            program: program(who),
            outcome,
            reason: (outcome == Outcome::Denied).then(|| "denied".into()),
        }
    }

    #[test]
    fn uses_are_kept_per_connection_and_grouped_by_program() {
        let dir = std::env::temp_dir().join(format!("plugboard-audit-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let audit = Audit::in_dir(&dir);
        let a = ConnectionId::parse("hubspot-a").unwrap();
        let b = ConnectionId::parse("ecwid-b").unwrap();
        audit.record(a_use(1, &b, Door::Copy, "plugboard", Outcome::Allowed));
        for i in 0..120 {
            let (door, who) = if i % 3 == 0 {
                (Door::Token, "bash")
            } else {
                (Door::Dbus, "python3")
            };
            let outcome = if i == 119 {
                Outcome::Denied
            } else {
                Outcome::Allowed
            };
            audit.record(a_use(10 + i, &a, door, who, outcome));
        }
        let of_a = audit.of(&a);
        assert_eq!(of_a.len(), Audit::PER_CONNECTION);
        assert_eq!(of_a[0].at, 129, "newest first");
        assert_eq!(
            audit.of(&b).len(),
            1,
            "a busy connection keeps others' uses"
        );
        let used = audit.used_by(&a);
        assert_eq!(used.len(), 2);
        assert_eq!(used[0].program.name, "python3", "the newest program first");
        assert_eq!(used[0].denied, 1);
        assert_eq!(used[0].times + used[1].times, Audit::USED_BY);
        assert_eq!(used[1].doors, vec![Door::Token]);
        let text = std::fs::read_to_string(dir.join(Audit::FILE_NAME)).unwrap();
        assert!(text.contains("\"door\": \"dbus\""), "{text}");
        std::fs::remove_dir_all(dir).unwrap();
    }
}

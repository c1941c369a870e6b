/*!
Consent, per program and per connection: which programs a person allowed to take which
connection's token through the D-Bus token service, and for how long. "Always allow" grants are
kept in `grants.json` beside the index (`0600`, no secret); "until Plugboard quits" grants live in
this process only; "Allow once" is no grant at all.

A grant names the program as [`Program`] does (its executable, and for an interpreter the script)
and also the files themselves ([`FileId`]: device, inode, size and modification time): a program
whose executable (or script) was replaced by another file is asked about again, as a new program.
It names people's programs for them; it is no defence against a program of the same user, which
can read the Secret Service directly (see SECURITY.md).
*/

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::connection::ConnectionId;
use crate::program::Program;

/// What the person answered when a program asked for a connection's token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    Once,
    UntilQuit,
    Always,
    Deny,
}

impl Choice {
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "once" => Self::Once,
            "until_quit" => Self::UntilQuit,
            "always" => Self::Always,
            "deny" => Self::Deny,
            _ => return None,
        })
    }

    pub fn allows(self) -> bool {
        self != Self::Deny
    }
}

/// The files a program is: its executable's, and its script's for an interpreter (each as
/// device, inode, size, modification time).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FileId {
    pub executable: Option<[u64; 4]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<[u64; 4]>,
}

impl FileId {
    /// The files of the program running as process `pid` (its executable read through
    /// `/proc/<pid>/exe`, which names the file the process runs even if it was replaced since).
    pub fn of_process(pid: u32, program: &Program) -> Self {
        Self {
            executable: file_id(&PathBuf::from(format!("/proc/{pid}/exe"))),
            script: program
                .script
                .as_deref()
                .filter(|s| s.starts_with('/'))
                .and_then(|s| file_id(Path::new(s))),
        }
    }
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<[u64; 4]> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some([m.dev(), m.ino(), m.size(), m.mtime() as u64])
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<[u64; 4]> {
    None
}

/// A standing grant: `program` may take `connection`'s token without asking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub program: Program,
    #[serde(default)]
    pub files: FileId,
    pub connection: ConnectionId,
    /// Unix seconds.
    pub since: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_used: Option<i64>,
    /// Kept in the file ("Always allow"), or only until Plugboard quits.
    #[serde(default = "always")]
    pub always: bool,
}

fn always() -> bool {
    true
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct GrantsFile {
    version: u32,
    #[serde(default)]
    grants: Vec<Grant>,
}

/// The grants (see the module's doc).
#[derive(Debug)]
pub struct Grants {
    path: PathBuf,
    /// "Until Plugboard quits".
    session: Mutex<Vec<Grant>>,
}

impl Grants {
    pub const FILE_NAME: &'static str = "grants.json";

    pub fn in_dir(data_dir: &Path) -> Self {
        Self {
            path: data_dir.join(Self::FILE_NAME),
            session: Mutex::new(Vec::new()),
        }
    }

    fn load(&self) -> Vec<Grant> {
        crate::files::read_text(&self.path)
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str::<GrantsFile>(&text).ok())
            .map(|f| f.grants)
            .unwrap_or_default()
    }

    fn save(&self, grants: Vec<Grant>) -> std::io::Result<()> {
        let body = serde_json::to_vec_pretty(&GrantsFile { version: 1, grants })
            .expect("grants serialize");
        crate::files::write_private(&self.path, &body)
    }

    fn session(&self) -> std::sync::MutexGuard<'_, Vec<Grant>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Whether `program` (these `files`) may take `connection`'s token without asking; the grant's
    /// last use is noted at `now`.
    pub fn allowed(
        &self,
        program: &Program,
        files: &FileId,
        connection: &ConnectionId,
        now: i64,
    ) -> bool {
        let matches =
            |g: &Grant| &g.program == program && &g.files == files && &g.connection == connection;
        if let Some(g) = self.session().iter_mut().find(|g| matches(g)) {
            g.last_used = Some(now);
            return true;
        }
        let lock = crate::flight::with_file_lock(&self.path, || {
            let mut grants = self.load();
            let found = grants
                .iter_mut()
                .find(|g| matches(g))
                .map(|g| g.last_used = Some(now));
            if found.is_some() {
                let _ = self.save(grants);
            }
            found.is_some()
        });
        lock.unwrap_or(false)
    }

    /// Keeps what the person chose: a grant until Plugboard quits, or kept in the file.
    pub fn grant(
        &self,
        program: &Program,
        files: &FileId,
        connection: &ConnectionId,
        choice: Choice,
        now: i64,
    ) -> std::io::Result<()> {
        let grant = Grant {
            program: program.clone(),
            files: files.clone(),
            connection: connection.clone(),
            since: now,
            last_used: Some(now),
            always: choice == Choice::Always,
        };
        match choice {
            Choice::UntilQuit => {
                self.session().push(grant);
                Ok(())
            }
            Choice::Always => crate::flight::with_file_lock(&self.path, || {
                let mut grants = self.load();
                grants
                    .retain(|g| !(g.program == grant.program && g.connection == grant.connection));
                grants.push(grant);
                self.save(grants)
            })
            .and_then(|saved| saved),
            Choice::Once | Choice::Deny => Ok(()),
        }
    }

    /// Every standing grant, the kept ones first, then those until Plugboard quits.
    pub fn list(&self) -> Vec<Grant> {
        let mut all = self.load();
        all.extend(self.session().iter().cloned());
        all
    }

    /// Removes `program`'s grants for `connection` (for every connection when `None`); how many.
    pub fn revoke(
        &self,
        program: &Program,
        connection: Option<&ConnectionId>,
    ) -> std::io::Result<usize> {
        let gone =
            |g: &Grant| &g.program == program && connection.is_none_or(|c| &g.connection == c);
        let mut removed = {
            let mut session = self.session();
            let before = session.len();
            session.retain(|g| !gone(g));
            before - session.len()
        };
        crate::flight::with_file_lock(&self.path, || {
            let mut grants = self.load();
            let before = grants.len();
            grants.retain(|g| !gone(g));
            if grants.len() != before {
                removed += before - grants.len();
                self.save(grants)?;
            }
            Ok::<_, std::io::Error>(())
        })
        .and_then(|saved| saved)?;
        Ok(removed)
    }

    /// Forgets every grant for `connection` (it was disconnected).
    pub fn forget_connection(&self, connection: &ConnectionId) {
        self.session().retain(|g| &g.connection != connection);
        let _ = crate::flight::with_file_lock(&self.path, || {
            let mut grants = self.load();
            let before = grants.len();
            grants.retain(|g| &g.connection != connection);
            if grants.len() != before {
                let _ = self.save(grants);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(script: &str) -> Program {
        Program {
            name: script.into(),
            path: "/usr/bin/python3".into(),
            script: Some(format!("/home/ana/{script}")),
        }
    }

    #[test]
    fn grants_are_per_program_connection_and_file_and_kept_only_when_always() {
        let dir = std::env::temp_dir().join(format!("plugboard-grants-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let grants = Grants::in_dir(&dir);
        let hubspot = ConnectionId::parse("hubspot-1a2b3c4d").unwrap();
        let ecwid = ConnectionId::parse("ecwid-5e6f7a8b").unwrap();
        let sync = program("sync.py");
        let files = FileId {
            executable: Some([1, 2, 3, 4]),
            script: Some([1, 9, 3, 4]),
        };
        assert!(!grants.allowed(&sync, &files, &hubspot, 10));
        grants
            .grant(&sync, &files, &hubspot, Choice::Once, 10)
            .unwrap();
        assert!(
            !grants.allowed(&sync, &files, &hubspot, 11),
            "once is no grant"
        );
        grants
            .grant(&sync, &files, &hubspot, Choice::UntilQuit, 12)
            .unwrap();
        assert!(grants.allowed(&sync, &files, &hubspot, 13));
        assert!(!grants.allowed(&sync, &files, &ecwid, 13), "per connection");
        assert!(
            !grants.allowed(&program("backup.py"), &files, &hubspot, 13),
            "per program"
        );
        let replaced = FileId {
            script: Some([1, 10, 3, 4]),
            ..files.clone()
        };
        assert!(
            !grants.allowed(&sync, &replaced, &hubspot, 13),
            "a replaced script asks again"
        );
        assert!(
            !dir.join(Grants::FILE_NAME).exists(),
            "until quit: nothing kept"
        );

        grants
            .grant(&sync, &files, &ecwid, Choice::Always, 20)
            .unwrap();
        let again = Grants::in_dir(&dir);
        assert!(
            again.allowed(&sync, &files, &ecwid, 30),
            "always: kept for the next start"
        );
        assert!(
            !again.allowed(&sync, &files, &hubspot, 30),
            "until quit: gone with the process"
        );
        let listed = again.list();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].last_used, Some(30));
        assert_eq!(again.revoke(&sync, Some(&ecwid)).unwrap(), 1);
        assert!(
            !again.allowed(&sync, &files, &ecwid, 31),
            "asked again once removed"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join(Grants::FILE_NAME))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_dir_all(dir).unwrap();
    }
}

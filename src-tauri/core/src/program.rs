/*!
Which program asked for a token: what the record of tokens handed out ([`crate::audit`]) names, and
what a person is asked to allow. A program is its executable (`/proc/<pid>/exe`), and for an
interpreter (python, node, bash, perl, ruby…) also the script it runs: `python3 sync.py` and
`python3 backup.py` are two programs, `/usr/bin/python3` alone would make them one.

Read from `/proc` (Linux); elsewhere a program is known by nothing but "an unknown program". The
names are the system's, not a person's words: shown through [`crate::safe_text`], never trusted
for anything but saying who it was. This names programs for people; it does not authenticate
them (a program of the same user can pretend to be another: see SECURITY.md).
*/

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// A program as the record and the consent question name it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Program {
    /// What a person calls it: the script's file name for an interpreter (`sync.py`), else the
    /// executable's (`curl`).
    pub name: String,
    /// The executable's full path (`/usr/bin/python3`); empty when it could not be read.
    #[serde(default)]
    pub path: String,
    /// For an interpreter, the script it runs, as a full path where it is a file (`-c` code and
    /// `-m` modules are named as such); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
}

/// Executables that run a program given to them: their script is part of the program's identity.
const INTERPRETERS: &[&str] = &[
    "python", "python2", "python3", "pypy", "pypy3", "node", "nodejs", "deno", "bun", "bash", "sh",
    "dash", "zsh", "fish", "ksh", "perl", "ruby", "php", "lua", "tclsh", "Rscript", "java",
];

/// Whether the executable named `file` is an interpreter (`python3.11` and `perl5.36` included).
fn is_interpreter(file: &str) -> bool {
    let base = file.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    INTERPRETERS.contains(&file) || INTERPRETERS.contains(&base)
}

impl Program {
    /// Plugboard's own window (Copy, Reveal).
    pub fn window() -> Self {
        let path = std::env::current_exe()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        Self {
            name: "Plugboard".into(),
            path,
            script: None,
        }
    }

    /// A program nothing could be read of (it ended, or this is not Linux).
    pub fn unknown() -> Self {
        Self {
            name: String::new(),
            path: String::new(),
            script: None,
        }
    }

    pub fn is_unknown(&self) -> bool {
        self.name.is_empty() && self.path.is_empty()
    }

    /// The program running as process `pid`, read from `/proc`; `None` when the process is gone
    /// or cannot be read (another user's).
    pub fn of_process(pid: u32) -> Option<Self> {
        let proc = PathBuf::from(format!("/proc/{pid}"));
        let exe = std::fs::read_link(proc.join("exe")).ok()?;
        let args = std::fs::read(proc.join("cmdline")).ok()?;
        let args: Vec<String> = args
            .split(|b| *b == 0)
            .filter(|a| !a.is_empty())
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        let cwd = std::fs::read_link(proc.join("cwd")).ok();
        Some(Self::from_parts(&exe, &args, cwd.as_deref()))
    }

    /// The program that ran this process (the shell or script that ran `plugboard`).
    pub fn parent() -> Self {
        #[cfg(unix)]
        {
            let ppid = std::os::unix::process::parent_id();
            Self::of_process(ppid).unwrap_or_else(Self::unknown)
        }
        #[cfg(not(unix))]
        Self::unknown()
    }

    /// A program from its executable, its arguments (`args[0]` included) and its working folder.
    pub fn from_parts(exe: &Path, args: &[String], cwd: Option<&Path>) -> Self {
        // A deleted or replaced executable reads as "/usr/bin/x (deleted)": the path is what ran.
        let path = exe.display().to_string();
        let path = path.strip_suffix(" (deleted)").unwrap_or(&path).to_string();
        let file = Path::new(&path)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let script = if is_interpreter(&file) {
            script_of(&args[1.min(args.len())..], cwd)
        } else {
            None
        };
        let name = match &script {
            Some(s) if !s.starts_with('(') => Path::new(s)
                .file_name()
                .map_or_else(|| s.clone(), |f| f.to_string_lossy().into_owned()),
            _ => file,
        };
        Self { name, path, script }
    }

    /// One line for a person: "sync.py (/usr/bin/python3 /home/ana/sync.py)", "curl
    /// (/usr/bin/curl)", made safe to show.
    pub fn describe(&self) -> String {
        if self.is_unknown() {
            return crate::i18n::t("program-unknown", &[]);
        }
        crate::safe_text::escape(&format!("{} ({})", self.name, self.full_path())).into_owned()
    }

    /// What a person calls it ("sync.py", "curl"), made safe to show; "an unknown program" when
    /// nothing could be read of it.
    pub fn short_name(&self) -> String {
        if self.is_unknown() {
            return crate::i18n::t("program-unknown", &[]);
        }
        crate::safe_text::escape(&self.name).into_owned()
    }

    /// The executable's path, and the script's after it for an interpreter
    /// ("/usr/bin/python3 /home/ana/sync.py"), as read (not yet made safe to show).
    pub fn full_path(&self) -> String {
        match &self.script {
            Some(script) => format!("{} {script}", self.path),
            None => self.path.clone(),
        }
    }
}

/// The script an interpreter runs, from its arguments after its own name: the first that is not
/// an option, resolved against the working folder; `-c` code and `-m`/`-e` modules are named.
fn script_of(args: &[String], cwd: Option<&Path>) -> Option<String> {
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match a.as_str() {
            "-c" | "-e" | "--eval" | "-p" | "--print" | "-E" => {
                return Some("(inline code)".into());
            }
            "-m" => return rest.next().map(|m| format!("(module {m})")),
            // Options that take a value: skip it too.
            "-W" | "-X" | "-r" | "--require" | "-I" | "--import" | "-o" | "-O" => {
                rest.next();
            }
            "--" => return rest.next().map(|s| resolve(s, cwd)),
            _ if a.starts_with('-') || a.starts_with('+') => {}
            _ => return Some(resolve(a, cwd)),
        }
    }
    None
}

fn resolve(script: &str, cwd: Option<&Path>) -> String {
    let path = Path::new(script);
    match cwd {
        Some(cwd) if path.is_relative() => cwd.join(path).display().to_string(),
        _ => script.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_interpreters_script_is_part_of_the_program() {
        let home = Path::new("/home/ana");
        let p = Program::from_parts(
            Path::new("/usr/bin/python3.11"),
            &args(&["python3", "-u", "sync.py", "--all"]),
            Some(home),
        );
        assert_eq!(p.name, "sync.py");
        assert_eq!(p.path, "/usr/bin/python3.11");
        assert_eq!(p.script.as_deref(), Some("/home/ana/sync.py"));
        let other = Program::from_parts(
            Path::new("/usr/bin/python3.11"),
            &args(&["python3", "backup.py"]),
            Some(home),
        );
        assert_ne!(p, other, "two scripts are two programs");
        let inline = Program::from_parts(
            Path::new("/usr/bin/node"),
            &args(&["node", "-e", "fetch()"]),
            Some(home),
        );
        assert_eq!(inline.script.as_deref(), Some("(inline code)"));
        assert_eq!(inline.name, "node");
        let module = Program::from_parts(
            Path::new("/usr/bin/python3"),
            &args(&["python3", "-m", "tool.sync"]),
            None,
        );
        assert_eq!(module.script.as_deref(), Some("(module tool.sync)"));
        let shell = Program::from_parts(Path::new("/usr/bin/bash"), &args(&["-bash"]), None);
        assert_eq!((shell.name.as_str(), shell.script), ("bash", None));
    }

    #[test]
    fn a_program_is_its_executable_and_a_deleted_one_keeps_its_path() {
        let p = Program::from_parts(
            Path::new("/usr/bin/curl (deleted)"),
            &args(&["curl", "-s", "https://x"]),
            None,
        );
        assert_eq!(p.name, "curl");
        assert_eq!(p.path, "/usr/bin/curl");
        assert_eq!(p.script, None, "curl's arguments are not a script");
        assert_eq!(p.describe(), "curl (/usr/bin/curl)");
    }

    #[test]
    fn this_process_is_read_from_proc() {
        let me = Program::of_process(std::process::id()).expect("this process");
        assert_eq!(
            std::path::PathBuf::from(&me.path),
            std::env::current_exe().unwrap()
        );
        assert!(Program::of_process(u32::MAX).is_none());
    }

    #[test]
    fn names_from_outside_are_made_safe_to_show() {
        let p = Program::from_parts(Path::new("/tmp/evil\u{1b}]0;x\u{7}"), &args(&["x"]), None);
        assert!(!p.describe().contains('\u{1b}'), "{}", p.describe());
    }
}

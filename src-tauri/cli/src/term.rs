//! The command's terminal: results to `out` (standard output, or a buffer in tests), progress and
//! warnings to `err`, and values the person types or pipes in.
//!
//! Everything written goes through [`plugboard_core::safe_text`]: a control or bidirectional
//! character in a text from outside (an account label, a provider's name from a file, a name
//! typed in) is written `\u{…}` and never reaches the terminal as an instruction. A `--json`
//! document keeps every value as it is, the characters JSON would leave raw written as its own
//! `\uXXXX` escapes. Only clap's help and usage errors, coloured on a terminal by Plugboard
//! itself, are written as they are ([`Term::print_styled`], [`Term::say_styled`]).

use std::io::{BufRead, IsTerminal, Write};

use plugboard_core::i18n::t;
use plugboard_core::safe_text;

use crate::failure::{exit, Failure};

/// Where a command writes. Tests pass buffers; the binary passes stdout and stderr.
pub struct Term<'a> {
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
    /// Whether `out` / `err` are terminals, where clap's help and usage errors are coloured
    /// (never in a pipe or a file).
    pub out_styled: bool,
    pub err_styled: bool,
}

impl<'a> Term<'a> {
    /// Plain output to two writers (tests, pipes).
    pub fn plain(out: &'a mut dyn Write, err: &'a mut dyn Write) -> Self {
        Self {
            out,
            err,
            out_styled: false,
            err_styled: false,
        }
    }

    /// Writes a result. A closed pipe (`plugboard status | head -1`) is not an error worth a message.
    pub fn print(&mut self, text: &str) -> Result<(), Failure> {
        self.print_styled(&safe_text::escape_keeping_lines(text))
    }

    /// Writes a result as it is: clap's help, coloured by Plugboard on a terminal.
    pub fn print_styled(&mut self, text: &str) -> Result<(), Failure> {
        match self
            .out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
        {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::new(
                exit::FAILURE,
                t("cli-write-failed", &[("error", e.to_string().into())]),
            )),
            _ => Ok(()),
        }
    }

    /// Writes a value as JSON. Commands write their `--json` documents through
    /// [`crate::output::json`], which puts the schema number first.
    pub fn json(&mut self, value: &impl serde::Serialize) -> Result<(), Failure> {
        let text = serde_json::to_string_pretty(value).expect("output documents serialize");
        self.print_styled(&format!("{}\n", safe_text::escape_json(&text)))
    }

    /// A line of progress or a warning. A closed standard error is ignored (never a panic).
    pub fn say(&mut self, text: impl std::fmt::Display) {
        self.say_styled(safe_text::escape_keeping_lines(&text.to_string()));
    }

    /// A line as it is: a usage error, coloured by clap on a terminal.
    pub fn say_styled(&mut self, text: impl std::fmt::Display) {
        let _ = writeln!(self.err, "{text}");
        let _ = self.err.flush();
    }
}

/// Reads values the person types or pipes in: hidden prompts on a terminal, else one line each.
#[derive(Default)]
pub struct Input {
    lines: Option<std::io::Lines<std::io::StdinLock<'static>>>,
}

impl Input {
    pub fn new() -> Self {
        Self { lines: None }
    }

    /// Reads the value called `label` (a secret is not echoed); `flag` is the flag that could give
    /// it instead, named when nothing was read.
    pub fn read(
        &mut self,
        label: &str,
        secret: bool,
        flag: Option<&str>,
    ) -> Result<String, Failure> {
        let stdin = std::io::stdin();
        let value = if stdin.is_terminal() {
            // The label may be a provider file's: safe to show.
            let prompt = t("cli-prompt", &[("label", label.into())]);
            let prompt = safe_text::escape(&prompt);
            if secret {
                rpassword::prompt_password(format!("{prompt} ")).ok()
            } else {
                let mut err = std::io::stderr();
                let _ = write!(err, "{prompt} ");
                let _ = err.flush();
                let mut line = String::new();
                stdin.lock().read_line(&mut line).ok().map(|_| line)
            }
        } else {
            self.lines
                .get_or_insert_with(|| stdin.lock().lines())
                .next()
                .and_then(Result::ok)
        };
        let value = value.map(|v| v.trim().to_string()).unwrap_or_default();
        if value.is_empty() {
            let words = match flag {
                Some(flag) => t(
                    "cli-input-needed-or-flag",
                    &[("label", label.into()), ("flag", flag.into())],
                ),
                None => t("cli-input-needed", &[("label", label.into())]),
            };
            return Err(Failure::new(exit::USAGE, words));
        }
        Ok(value)
    }
}

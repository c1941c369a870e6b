//! The command line against what a script would otherwise run: `plugboard token` against
//! `secret-tool lookup` of the same keychain item, `plugboard refresh` against `curl` sending the
//! same token request. Each pair runs alternately, so a noisy moment hits both.

use std::process::{Command, Stdio};
use std::time::Instant;

use crate::procs::median;

/// A command to time: program, arguments, environment.
pub struct Cmd {
    pub program: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
}

impl Cmd {
    pub fn new(program: impl Into<String>, args: &[&str], env: &[(String, String)]) -> Self {
        Self {
            program: program.into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            env: env.to_vec(),
        }
    }

    /// Milliseconds of one run; panics if it fails (a figure of a failing command is no figure).
    fn time(&self) -> f64 {
        let started = Instant::now();
        let status = Command::new(&self.program)
            .args(&self.args)
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .unwrap_or_else(|e| panic!("run {}: {e}", self.program));
        let elapsed = started.elapsed().as_secs_f64() * 1000.0;
        assert!(
            status.status.success(),
            "{} {:?} failed: {}",
            self.program,
            self.args,
            String::from_utf8_lossy(&status.stderr)
        );
        elapsed
    }
}

/// Medians (ms) of `runs` alternating runs of `ours` and `theirs`, after one warm-up each.
pub fn pair(ours: &Cmd, theirs: &Cmd, runs: usize) -> (f64, f64) {
    ours.time();
    theirs.time();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        a.push(ours.time());
        b.push(theirs.time());
    }
    (median(&mut a), median(&mut b))
}

//! Command-line tests: the real `plugboard` binary, run as a developer's shell or a support script
//! would, against the provider simulator on 127.0.0.1 and the session's real Secret Service (these
//! need the private test desktop, so they are ignored by a plain `cargo test`; `make test` runs them).
//!
//! Each test has its own data and config folders and its own simulator; the browser stand-in
//! (`tests/e2e/browser/xdg-open`) is first on PATH, so a sign-in's "open the browser" follows the
//! simulator's consent redirect back to the command line's loopback listener, as a person would.
//!
//! `--json` documents are compared with `tests/cli/snapshots/*.json` after replacing what changes
//! from run to run (ids, times, ports). `UPDATE_SNAPSHOTS=1` rewrites the files instead.
//!
//! One module per thing tested; a test's world (simulator, folders, the command run in them) is
//! in `world`.

mod world;

mod connections;
mod credentials;
mod custody;
mod documented;
mod exec;
mod files;
mod hostile;
mod languages;
mod refresh;
mod replace;
mod sign_in;
mod truth;

//! End-to-end tests in the real window (see `harness`). Ignored by a plain `cargo test`, because they
//! need the private test desktop; `make test` runs them with `--include-ignored` inside it.
//!
//! One module per thing tested; what they share (clicking and reading the page, a shell beside
//! the window) is in `helpers`.

mod helpers;

mod another;
mod canary;
mod cards;
mod command_line;
mod credentials;
mod custody;
mod demo;
mod hostile;
mod keychain;
mod languages;
mod layout;
mod links;
mod polish;
mod programs;
mod sign_in;
mod tokens;
mod tray;
mod truth;

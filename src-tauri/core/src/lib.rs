/*!
Plugboard's core: everything that decides how an account gets connected and where its secrets live,
with no Tauri dependency, so it builds and tests without a window or WebKit (the Tauri crate in
`src-tauri/` is a thin shell over it, and a CLI can share it).

What each module owns:
- [`catalogue`]: the providers as data. A declarative TOML table (built-in, later also the user's
  `providers.toml`) is parsed into a raw form and validated once into typed values that cannot be wrong.
- [`vault`]: the OS keychain (Secret Service, Keychain, Credential Manager) behind a calm API:
  a missing entry is `Ok(None)`, delete is idempotent, one function names every entry.
- [`secret`]: secret newtypes (one per kind: access token, refresh token, client secret, code,
  PKCE verifier) that never print their value and are wiped on drop.
- [`service`]: connect and disconnect, over flows, vault and index, keeping nothing half-written.
- [`tokens`]: token endpoint answers and a connection's secrets as one vault item.
- [`deeplink`]: the private-use URI scheme (RFC 8252 §7.1) the system browser returns through.
- [`demo`]: demo mode's start-up for both front ends: the provider simulator in-process, its table
  (only in builds with the `demo` feature).
- [`connection`]: identifiers and the shape of a connection, independent of any one provider.
- [`loopback`]: the one-shot loopback redirect listener (RFC 8252 §7.3).
- [`index`]: the non-secret connection index on disk, written atomically.
- [`files`]: how every file Plugboard writes is kept: private modes, atomic writes, and an
  unreadable file set aside (never silently replaced) with a notice.
- [`flow`]: the connection flows (authorization code + PKCE, client credentials, API key), identity
  and revoke, driven by the catalogue.
- [`flight`]: cross-process file locks: per connection (refreshes are single-flight across
  processes) and around the shared index and timeline files.
- [`http`]: the one place HTTP clients are built (no redirects, timeouts, user agent).
- [`crash`]: a bug seen by the person as one plain line and one log entry, never a backtrace.
- [`error`]: the `{code, message}` contract every caller (window, CLI) shows to a person.
- [`lifetime`]: a token's life as pure functions of stored times and an injected clock: countdown
  text, health, refresh scheduling, back-off, clock skew.
- [`timeline`]: the last events of each connection (connected, refreshed, failed…), without secrets.
- [`settings`]: what the environment says, read once at start-up and passed down.
- [`i18n`]: the words people read, from Project Fluent catalogues (English, Portuguese (Brazil),
  Spanish; `locales/`), in the system's language; a pseudo-locale for tests.
- [`preferences`]: what the person chose in Settings (`settings.toml`): notifications, the tray,
  the clipboard delay.
- [`attention`]: when a connection needs a person, and what to tell them: the tray's lines and
  the notifications, once per connection per state.
- [`setup`]: the folders, keychain namespace and catalogue both front ends open the same way.
- [`custody`]: the moments a process must not be stopped in (a refresh between the provider's
  answer and the keychain write), which the command line's stop signals wait for.
- [`trust`]: whether a provider file may be believed (owner and modes, as ssh's `StrictModes`).
- [`safe_text`]: text that came from outside (account labels, provider names and texts, error
  descriptions) made safe to show: control and bidirectional characters written `\u{…}`.
- [`view`]: serializable view models (provider cards) shared by the window and a CLI.
*/

pub mod attention;
pub mod audit;
pub mod catalogue;
pub mod connection;
pub mod crash;
pub mod custody;
pub mod deeplink;
pub mod demo;
pub mod error;
pub mod files;
pub mod flight;
pub mod flow;
pub mod grants;
pub mod http;
pub mod i18n;
pub mod index;
pub mod lifetime;
pub mod loopback;
pub mod preferences;
pub mod program;
pub mod records;
pub mod safe_text;
pub mod secret;
pub mod service;
pub mod settings;
pub mod setup;
pub mod timeline;
pub mod tokens;
pub mod trust;
pub mod vault;
pub mod view;

/// The application identifier: reverse-domain, shared with `tauri.conf.json` (checked by a test).
pub const APP_IDENTIFIER: &str = "dev.plugboard.desktop";

//! What several commands print alike: every `--json` document, written by [`json`] with the
//! `schema` number first (a stable contract, documented in `docs/cli.md` and pinned by snapshot
//! tests); the shape of one
//! connection (`status` lists them; `connect`, `refresh` and `rename` print one), the line that
//! says what was done to one, and the padded tables a person pastes into a support ticket. What
//! only one command prints is in its room, `cmd/<name>.rs`. Built from the core's views; never
//! carries a secret.

use plugboard_core::catalogue::MethodKind;
use plugboard_core::i18n::{t, Arg};
use plugboard_core::index::LastError;
use plugboard_core::lifetime::{self, Health};
use plugboard_core::service::{ConnectionView, Connections};
use serde::Serialize;

use crate::failure::Failure;
use crate::term::Term;

/// Bumped only when a field changes meaning or disappears; new fields may be added.
pub const SCHEMA: u32 = 1;

/// A `--json` document as written: `"schema"`, then the command's own fields.
#[derive(Serialize)]
struct Document<'a, T: Serialize> {
    schema: u32,
    #[serde(flatten)]
    fields: &'a T,
}

/// Writes a command's `--json` document: the one way every command does, so none can forget the
/// schema number or print it differently. `doc` is the command's typed document (`StatusDoc`,
/// [`ConnectionJson`], …), a struct whose fields follow `"schema"` in its order.
pub fn json<T: Serialize>(term: &mut Term<'_>, doc: &T) -> Result<(), Failure> {
    term.json(&Document {
        schema: SCHEMA,
        fields: doc,
    })
}

/// One connection: an item of `status --json`'s `connections`, and the whole document of
/// `connect --json`, `refresh --json` and `rename --json`.
#[derive(Serialize)]
pub struct ConnectionJson {
    pub id: String,
    pub provider: String,
    pub provider_name: String,
    pub method: MethodKind,
    pub account: String,
    /// The name the person gave it (`plugboard rename`), or `null`.
    pub name: Option<String>,
    /// It is its provider's default (`plugboard default`), and its provider has several
    /// connections: what `plugboard token <provider>` picks.
    pub default: bool,
    /// `connected`, `expiring_soon`, `refreshing`, `temporary_problem`, `reconnect_needed`,
    /// `keychain_locked`, `keychain_unavailable`.
    pub status: Health,
    /// The status in words, as the window shows it.
    pub status_label: String,
    /// RFC 3339 UTC; `null` when the token does not expire or its expiry is unknown.
    pub expires_at: Option<String>,
    pub seconds_left: Option<i64>,
    pub never_expires: bool,
    pub scopes: Vec<String>,
    pub scopes_missing: Vec<String>,
    pub environment: Option<String>,
    pub obtained_at: String,
    /// RFC 3339 UTC: the first sign-in (kept through refreshes and reconnects).
    pub connected_at: String,
    pub refreshed_at: Option<String>,
    /// RFC 3339 UTC: the next automatic retry after a temporary problem (this process's).
    pub retry_at: Option<String>,
    pub last_error: Option<LastErrorJson>,
}

#[derive(Serialize)]
pub struct LastErrorJson {
    pub at: String,
    pub code: String,
    pub message: String,
    /// Why a new sign-in is needed (`refused`, `item_gone`); absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<plugboard_core::index::Cause>,
}

pub fn connection(service: &Connections, c: &ConnectionView) -> ConnectionJson {
    // The core's status, the stored "temporary problem" flag included: the window says the same.
    let status = c.live.health;
    ConnectionJson {
        id: c.id.to_string(),
        provider: c.provider.clone(),
        provider_name: service.provider_name(&c.provider),
        method: c.method,
        account: c.account.clone(),
        name: c.name.clone(),
        default: c.default_role == plugboard_core::service::DefaultRole::Default,
        status,
        status_label: status.label(),
        expires_at: c.expires_at.map(lifetime::rfc3339),
        seconds_left: c.live.seconds_left,
        never_expires: c.live.expiry == lifetime::Expiry::Never,
        scopes: c.scopes.clone(),
        scopes_missing: c.scopes_missing.clone(),
        environment: c.environment.clone(),
        obtained_at: lifetime::rfc3339(c.obtained_at),
        connected_at: lifetime::rfc3339(c.connected_at),
        refreshed_at: c.refreshed_at.map(lifetime::rfc3339),
        retry_at: c.live.retry_at.map(lifetime::rfc3339),
        last_error: c.last_error.as_ref().map(
            |LastError {
                 at,
                 code,
                 message,
                 cause,
             }| LastErrorJson {
                at: lifetime::rfc3339(*at),
                code: code.clone(),
                message: message.clone(),
                cause: *cause,
            },
        ),
    }
}

/// A connection as a line about it says it: its id, the name the person gave it when it has
/// one, and its account — `hubspot-3f9a01c2 “Client A — store” (portal · ana@example.com)`. Every
/// line about one connection among others says it so (a name is how the person knows it).
pub fn connection_words(c: &ConnectionView) -> String {
    words_of(c.id.as_str(), c.name.as_deref(), &c.account)
}

/// As [`connection_words`], of its parts.
pub fn words_of(id: &str, name: Option<&str>, account: &str) -> String {
    let mut args: Vec<(&str, Arg)> = vec![("id", id.into()), ("account", account.into())];
    match name {
        Some(name) => {
            args.push(("name", name.into()));
            t("cli-connection-named", &args)
        }
        None => t("cli-connection-unnamed", &args),
    }
}

/// When a connection's access ends, as a table cell and a connection line say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expires {
    /// `left` is the time left in words ("29:41", "5 h 07 min", "1 d 23 h"), `at` RFC 3339.
    In {
        left: String,
        at: String,
    },
    Expired {
        at: String,
    },
    Never,
    Unknown,
}

impl Expires {
    pub fn of(c: &ConnectionJson) -> Self {
        match (&c.expires_at, c.seconds_left) {
            (Some(at), Some(left)) if left > 0 => Expires::In {
                left: lifetime::time_left(left),
                at: at.clone(),
            },
            (Some(at), _) => Expires::Expired { at: at.clone() },
            (None, _) if c.never_expires => Expires::Never,
            (None, _) => Expires::Unknown,
        }
    }

    /// The variables of a message that says it (`$expiry`: in, expired, never, unknown; `$left`,
    /// `$at`).
    fn args(&self) -> Vec<(&'static str, Arg)> {
        let (kind, left, at) = match self {
            Expires::In { left, at } => ("in", left.as_str(), at.as_str()),
            Expires::Expired { at } => ("expired", "", at.as_str()),
            Expires::Never => ("never", "", ""),
            Expires::Unknown => ("unknown", "", ""),
        };
        vec![
            ("expiry", kind.into()),
            ("left", left.into()),
            ("at", at.into()),
        ]
    }
}

/// "in 29:41 (2026-11-23T12:00:00Z)", "does not expire", "expired (2026-…)".
pub fn expires_words(c: &ConnectionJson) -> String {
    match Expires::of(c) {
        Expires::In { left, at } => t(
            "cli-expires-in",
            &[("left", left.into()), ("at", at.into())],
        ),
        Expires::Expired { at } => t("cli-expires-expired", &[("at", at.into())]),
        Expires::Never => t("cli-expires-never", &[]),
        Expires::Unknown => t("cli-expires-unknown", &[]),
    }
}

/// What was just done to a connection, for [`connection_line`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Connected,
    Refreshed,
}

/// One line about a connection, for `connect` and `refresh`: "Connected HubSpot (…) as
/// hubspot-1: Connected; expires in 29:59 (…)." or "…: Connected; does not expire."
pub fn connection_line(done: Done, c: &ConnectionJson) -> String {
    let id = match done {
        Done::Connected => "cli-connected",
        Done::Refreshed => "cli-refreshed",
    };
    let mut args: Vec<(&str, Arg)> = vec![
        ("provider", c.provider_name.as_str().into()),
        ("account", c.account.as_str().into()),
        ("id", c.id.as_str().into()),
        ("status", c.status_label.as_str().into()),
    ];
    args.extend(Expires::of(c).args());
    format!("{}\n", t(id, &args))
}

/// Columns padded to their widest cell; the last column is not padded.
pub fn table<const N: usize>(rows: &[[String; N]]) -> String {
    let widths: Vec<usize> = (0..N)
        .map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 == N {
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_written_with_the_schema_first_then_its_fields_in_order() {
        #[derive(Serialize)]
        struct Doc {
            id: &'static str,
            #[serde(skip_serializing_if = "Option::is_none")]
            absent: Option<u32>,
            left: Option<i64>,
        }
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let doc = Doc {
            id: "hubspot-1",
            absent: None,
            left: None,
        };
        json(&mut Term::plain(&mut out, &mut err), &doc).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\n  \"schema\": 1,\n  \"id\": \"hubspot-1\",\n  \"left\": null\n}\n"
        );
    }
}

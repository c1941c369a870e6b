//! `plugboard doctor [--fix] [--json]`: what support asks first — the keychain, files Plugboard
//! set aside because it could not read them, and orphans (keychain items with no connection,
//! connections with no keychain item). `--fix` tidies the orphans up (see
//! [`plugboard_core::service::Connections::fix_orphans`]). Exits 0 when it could look.

use serde::Serialize;

use plugboard_core::service::{Connections, Fixed, Orphans};

use crate::failure::{fail, Failure};
use crate::term::Term;

#[derive(Serialize)]
struct DoctorDoc {
    schema: u32,
    keychain: plugboard_core::lifetime::KeychainState,
    data_dir: String,
    /// Files kept as `<name>.corrupt-<time>` because they could not be read.
    set_aside: Vec<String>,
    /// Why the connection list or the keychain could not be looked at, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
    orphans: Orphans,
    /// With `--fix`: what was done.
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<Vec<Fixed>>,
}

pub async fn run(
    service: &Connections,
    fix: bool,
    as_json: bool,
    term: &mut Term<'_>,
) -> Result<(), Failure> {
    let _ = service.probe_keychain().await;
    // An unreadable connection list is when support needs this most: report it, don't stop.
    let (orphans, problem) = match service.orphans().await {
        Ok(o) => (o, None),
        Err(e) => (Orphans::default(), Some(service.explain(&e).message)),
    };
    let fixed = match (fix, &problem) {
        (true, None) => Some(
            service
                .fix_orphans()
                .await
                .map_err(|e| fail(service, "", e))?,
        ),
        _ => None,
    };
    let mut set_aside: Vec<String> = std::fs::read_dir(service.data_dir())
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
                .map(|e| e.path().display().to_string())
                .collect()
        })
        .unwrap_or_default();
    set_aside.sort();
    let doc = DoctorDoc {
        schema: crate::output::SCHEMA,
        keychain: service.keychain_state(),
        data_dir: service.data_dir().display().to_string(),
        set_aside,
        problem,
        orphans,
        fixed,
    };
    if as_json {
        return term.json(&doc);
    }
    term.print(&text(&doc))
}

fn text(doc: &DoctorDoc) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(out, "Keychain: {:?}", doc.keychain);
    let _ = writeln!(out, "Data folder: {}", doc.data_dir);
    if doc.set_aside.is_empty() {
        out.push_str("Files set aside: none\n");
    } else {
        out.push_str("Files set aside (they could not be read; kept for support):\n");
        for f in &doc.set_aside {
            let _ = writeln!(out, "  {f}");
        }
    }
    if let Some(problem) = &doc.problem {
        let _ = writeln!(out, "Orphans: not checked. {problem}");
    } else if doc.orphans.is_empty() {
        out.push_str("Orphans: none\n");
    } else {
        for id in &doc.orphans.keychain_only {
            let _ = writeln!(out, "Keychain item with no connection: {id}");
        }
        for id in &doc.orphans.index_only {
            let _ = writeln!(
                out,
                "Connection with no keychain item: {id} (its sign-in is gone; connect again)"
            );
        }
        if doc.fixed.is_none() {
            out.push_str("Run `plugboard doctor --fix` to re-index or remove them.\n");
        }
    }
    for f in doc.fixed.iter().flatten() {
        let _ = match f {
            Fixed::Reindexed(id) => writeln!(
                out,
                "Re-indexed {id} as \u{201c}Recovered connection\u{201d} (plugboard status shows it)"
            ),
            Fixed::Removed(id) => writeln!(out, "Removed the keychain item of {id}"),
            Fixed::Forgotten(id) => writeln!(out, "Forgot {id}, whose keychain item was gone"),
        };
    }
    out
}

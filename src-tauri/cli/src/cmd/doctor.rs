//! `plugboard doctor [--fix] [--json]`: what support asks first — the keychain, files Plugboard
//! set aside because it could not read them, and orphans (keychain items with no connection,
//! connections with no keychain item). `--fix` tidies the orphans up (see
//! [`plugboard_core::service::Connections::fix_orphans`]). Exits 0 when it could look; when it
//! could not (a locked keychain, an unreadable connection list) it still prints what it found, says
//! why it could not look, and exits with that failure's code (a locked keychain: 4). Its
//! arguments, its JSON document (`docs/cli.md`, "doctor") and its words live here.

use serde::Serialize;

use plugboard_core::i18n::t;
use plugboard_core::lifetime::KeychainState;
use plugboard_core::service::{Connections, Fixed, Orphans};

use crate::failure::{fail, Failure};
use crate::term::Term;

// `plugboard doctor`'s arguments (about: the variant's doc in [`crate::args::Command`]).
#[derive(clap::Args, Debug)]
pub struct DoctorArgs {
    /// Re-index keychain items Plugboard can read, remove the others, and forget connections
    /// whose keychain item is gone.
    #[arg(long)]
    pub fix: bool,
    /// Print the stable JSON document instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
struct DoctorDoc {
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
    let (orphans, problem, failed) = match service.orphans().await {
        Ok(o) => (o, None, None),
        Err(e) => (
            Orphans::default(),
            Some(service.explain(&e).message),
            Some(e),
        ),
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
        keychain: service.keychain_state(),
        data_dir: service.data_dir().display().to_string(),
        set_aside,
        problem,
        orphans,
        fixed,
    };
    if as_json {
        crate::output::json(term, &doc)?;
    } else {
        term.print(&text(&doc))?;
    }
    // It could not look: never "none" with a success code (support would read it as healthy).
    match failed {
        Some(e) => Err(fail(service, "", e)),
        None => Ok(()),
    }
}

fn text(doc: &DoctorDoc) -> String {
    let mut out = String::new();
    let mut line = |text: String| {
        out.push_str(&text);
        out.push('\n');
    };
    let state = match doc.keychain {
        KeychainState::Ready => "ready",
        KeychainState::Locked => "locked",
        KeychainState::Unavailable => "unavailable",
    };
    line(t("cli-doctor-keychain", &[("state", state.into())]));
    line(t(
        "cli-doctor-data-folder",
        &[("path", doc.data_dir.as_str().into())],
    ));
    if doc.set_aside.is_empty() {
        line(t("cli-doctor-set-aside-none", &[]));
    } else {
        line(t("cli-doctor-set-aside", &[]));
        for f in &doc.set_aside {
            line(format!("  {f}"));
        }
    }
    if let Some(problem) = &doc.problem {
        line(t(
            "cli-doctor-not-checked",
            &[("problem", problem.as_str().into())],
        ));
    } else if doc.orphans.is_empty() {
        line(t("cli-doctor-orphans-none", &[]));
    } else {
        for id in &doc.orphans.keychain_only {
            line(t(
                "cli-doctor-keychain-only",
                &[("id", id.to_string().into())],
            ));
        }
        for id in &doc.orphans.index_only {
            line(t("cli-doctor-index-only", &[("id", id.to_string().into())]));
        }
        if doc.fixed.is_none() {
            line(t("cli-doctor-run-fix", &[]));
        }
    }
    for f in doc.fixed.iter().flatten() {
        let (message, id) = match f {
            Fixed::Reindexed(id) => ("cli-doctor-reindexed", id),
            Fixed::Removed(id) => ("cli-doctor-removed", id),
            Fixed::Forgotten(id) => ("cli-doctor-forgotten", id),
        };
        line(t(message, &[("id", id.to_string().into())]));
    }
    out
}

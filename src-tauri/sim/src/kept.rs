//! Demo mode's memory ([`crate::Simulator::start_keeping`]): the access and refresh tokens a
//! simulator issued, kept in a file in the demo data folder, so a restarted window, or the
//! command line's own simulator in another process, recognises them as a real provider would.
//!
//! Around every request: first the file's tokens are taken in (those another process issued),
//! then after the request what it issued or revoked is written back, merged with what other
//! processes wrote meanwhile, under a lock file. A token revoked in one process is removed from
//! the file for all. Codes and faults stay in memory: a sign-in ends in the process it began in.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::store::{Inner, Token};
use crate::wire::provider_name;

#[derive(Serialize, Deserialize, Default)]
struct Kept {
    access: BTreeMap<String, AccessRecord>,
    refresh: BTreeMap<String, RefreshRecord>,
}

#[derive(Serialize, Deserialize)]
struct AccessRecord {
    provider: String,
    expires_at: Option<i64>,
    scopes: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct RefreshRecord {
    provider: String,
    scopes: Vec<String>,
}

fn read(path: &Path) -> Kept {
    std::fs::read(path)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

fn locked(path: &Path) -> Option<File> {
    let lock = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path.with_extension("lock"))
        .ok()?;
    lock.lock().ok()?;
    Some(lock)
}

/// The tokens `inner` knows now (what a request's end compares with its start).
pub(crate) fn known(inner: &Inner) -> HashSet<String> {
    inner
        .access
        .keys()
        .chain(inner.refresh.keys())
        .cloned()
        .collect()
}

/// Takes in the file's tokens that `inner` does not know, and lets go of those another process
/// removed from it since this one last saw it (revoked, or spent by a rotation).
pub(crate) fn take_in(inner: &mut Inner, path: &Path) {
    let _lock = locked(path);
    let kept = read(path);
    let in_file = tokens_of(&kept);
    for gone in inner.kept_seen.difference(&in_file) {
        inner.access.remove(gone);
        inner.refresh.remove(gone);
    }
    inner.kept_seen = in_file;
    merge_into(inner, kept);
}

fn tokens_of(kept: &Kept) -> HashSet<String> {
    kept.access
        .keys()
        .chain(kept.refresh.keys())
        .cloned()
        .collect()
}

fn merge_into(inner: &mut Inner, kept: Kept) {
    for (token, r) in kept.access {
        if let Some(provider) = provider_name(&r.provider) {
            inner.access.entry(token).or_insert(Token {
                provider,
                expires_at: r.expires_at,
                scopes: r.scopes,
            });
        }
    }
    for (token, r) in kept.refresh {
        if let Some(provider) = provider_name(&r.provider) {
            inner.refresh.entry(token).or_insert((provider, r.scopes));
        }
    }
}

/// Writes back what a request changed, and only that: tokens it issued are added to the file,
/// tokens known at its start (`before`) and gone at its end are removed from it.
pub(crate) fn write_back(inner: &mut Inner, path: &Path, before: &HashSet<String>) {
    let _lock = locked(path);
    let now = known(inner);
    let gone: HashSet<&String> = before.difference(&now).collect();
    let issued: HashSet<&String> = now.difference(before).collect();
    if gone.is_empty() && issued.is_empty() {
        return;
    }
    let mut kept = read(path);
    kept.access.retain(|t, _| !gone.contains(t));
    kept.refresh.retain(|t, _| !gone.contains(t));
    for (token, t) in inner.access.iter().filter(|(t, _)| issued.contains(t)) {
        kept.access.insert(
            token.clone(),
            AccessRecord {
                provider: t.provider.to_string(),
                expires_at: t.expires_at,
                scopes: t.scopes.clone(),
            },
        );
    }
    for (token, (provider, scopes)) in inner.refresh.iter().filter(|(t, _)| issued.contains(t)) {
        kept.refresh.insert(
            token.clone(),
            RefreshRecord {
                provider: provider.to_string(),
                scopes: scopes.clone(),
            },
        );
    }
    let body = serde_json::to_vec_pretty(&kept).expect("the kept tokens serialize");
    let tmp = path.with_extension("tmp");
    if std::fs::write(&tmp, body).is_ok() {
        let _ = std::fs::rename(&tmp, path);
    }
    inner.kept_seen = tokens_of(&kept);
    merge_into(inner, kept);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(provider: &'static str) -> Token {
        Token {
            provider,
            expires_at: Some(2_000_000_000),
            scopes: vec!["oauth".into()],
        }
    }

    #[test]
    fn tokens_issued_or_revoked_in_one_process_are_seen_by_another() {
        let dir = std::env::temp_dir().join(format!("plugboard-sim-kept-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("simulator.json");
        let (mut window, mut cli) = (Inner::default(), Inner::default());
        take_in(&mut window, &file);
        take_in(&mut cli, &file);

        // The window signs in: an access and a refresh token, written back.
        let before = known(&window);
        window.access.insert("hs-at-1".into(), token("hubspot"));
        window
            .refresh
            .insert("hs-rt-1".into(), ("hubspot", vec!["oauth".into()]));
        write_back(&mut window, &file, &before);

        // The command line's simulator honours them.
        take_in(&mut cli, &file);
        assert_eq!(cli.access["hs-at-1"].provider, "hubspot");
        assert!(cli.refresh.contains_key("hs-rt-1"));

        // It rotates the refresh token: the old one is gone for the window too, the new one known.
        let before = known(&cli);
        cli.refresh.remove("hs-rt-1");
        cli.refresh
            .insert("hs-rt-2".into(), ("hubspot", vec!["oauth".into()]));
        write_back(&mut cli, &file, &before);
        take_in(&mut window, &file);
        assert!(!window.refresh.contains_key("hs-rt-1"), "spent elsewhere");
        assert!(window.refresh.contains_key("hs-rt-2"));

        // A request that changed nothing writes nothing back: the window's stale view of a token
        // the command line just revoked does not bring it back.
        let before = known(&cli);
        cli.access.remove("hs-at-1");
        write_back(&mut cli, &file, &before);
        let unchanged = known(&window);
        write_back(&mut window, &file, &unchanged);
        take_in(&mut window, &file);
        assert!(!window.access.contains_key("hs-at-1"), "revoked elsewhere");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

//! What the simulated providers remember: the codes, access and refresh tokens they issued (and
//! for whom, with which scopes), the grants ("families") tokens belong to, the request counts and
//! every value minted. One `Mutex`-held [`Inner`] shared by every route; `kept.rs` mirrors its
//! tokens to a file in demo mode.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::faults::Faults;

#[derive(Debug, Clone)]
pub(crate) struct Code {
    pub(crate) provider: &'static str,
    pub(crate) redirect_uri: String,
    pub(crate) challenge: String,
    pub(crate) scopes: Vec<String>,
    pub(crate) used: bool,
    pub(crate) issued: Vec<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub(crate) provider: &'static str,
    pub(crate) expires_at: Option<i64>,
    pub(crate) scopes: Vec<String>,
}

#[derive(Default)]
pub(crate) struct Inner {
    pub(crate) faults: Faults,
    pub(crate) counts: HashMap<String, usize>,
    pub(crate) codes: HashMap<String, Code>,
    pub(crate) access: HashMap<String, Token>,
    pub(crate) refresh: HashMap<String, (&'static str, Vec<String>)>,
    pub(crate) serial: u64,
    /// Nimbus: the grant ("family") each access and refresh token belongs to, and the refresh
    /// tokens already spent (presenting one again revokes the whole family).
    pub(crate) family: HashMap<String, u64>,
    pub(crate) spent: HashMap<String, u64>,
    /// Every token and code minted, for canary tests (none may show up outside the keychain).
    pub(crate) minted: Vec<String>,
    /// Canned refresh answers being waited on now, and the most at once (a client's bound).
    pub(crate) in_flight: usize,
    pub(crate) most_in_flight: usize,
    /// Demo mode: the file its issued tokens are kept in ([`Simulator::start_keeping`]), and the
    /// tokens it held when last read or written (one gone from it since was removed elsewhere).
    pub(crate) keep: Option<PathBuf>,
    pub(crate) kept_seen: std::collections::HashSet<String>,
}

pub(crate) type Shared = Arc<Mutex<Inner>>;

pub(crate) fn now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or_default()
}

impl Inner {
    pub(crate) fn count(&mut self, name: &str) {
        *self.counts.entry(name.to_string()).or_default() += 1;
    }

    pub(crate) fn mint(&mut self, prefix: &str) -> String {
        self.serial += 1;
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or_default();
        let value = format!("{prefix}-{}-{nanos:08x}", self.serial);
        self.minted.push(value.clone());
        value
    }
}

pub(crate) fn revoke_family(s: &mut Inner, family: u64) {
    let members: Vec<String> = s
        .family
        .iter()
        .filter(|(_, f)| **f == family)
        .map(|(t, _)| t.clone())
        .collect();
    for t in members {
        s.access.remove(&t);
        s.refresh.remove(&t);
    }
}

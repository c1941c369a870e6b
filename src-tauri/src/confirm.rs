/*!
Confirmations the page must ask Rust for before a dangerous copy: copying a refresh token (which
grants lasting access) takes a one-time code from `confirm_copy_refresh`, valid for one minute and
one connection. The page shows its confirmation while it holds the code; a page (or a script in it)
that calls `copy_token` for a refresh token without one is refused, so the Rust side does not rely
on the page having asked.
*/

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use plugboard_core::connection::ConnectionId;

/// How long a confirmation code is good for.
pub const LIFETIME: Duration = Duration::from_secs(60);

#[derive(Default)]
pub struct Confirmations {
    open: Mutex<HashMap<String, (ConnectionId, Instant)>>,
}

impl Confirmations {
    /// A new code for copying `id`'s refresh token.
    pub fn issue(&self, id: &ConnectionId) -> String {
        let code = format!("{:032x}", rand::random::<u128>());
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        let now = Instant::now();
        open.retain(|_, (_, at)| now.duration_since(*at) < LIFETIME);
        open.insert(code.clone(), (id.clone(), now));
        code
    }

    /// Spends `code` for `id`: `true` once, for a code issued for that connection under a minute
    /// ago.
    pub fn spend(&self, code: &str, id: &ConnectionId) -> bool {
        let mut open = self.open.lock().unwrap_or_else(|p| p.into_inner());
        match open.remove(code) {
            Some((for_id, at)) => &for_id == id && at.elapsed() < LIFETIME,
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_works_once_for_its_own_connection_only() {
        let c = Confirmations::default();
        let a = ConnectionId::parse("hubspot-0000000a").unwrap();
        let b = ConnectionId::parse("hubspot-0000000b").unwrap();
        let code = c.issue(&a);
        assert!(!c.spend("", &a));
        assert!(!c.spend("guess", &a));
        assert!(c.spend(&code, &a));
        assert!(!c.spend(&code, &a), "used once");
        let code = c.issue(&a);
        assert!(!c.spend(&code, &b), "another connection's code");
        assert!(
            !c.spend(&code, &a),
            "a code tried for the wrong connection is gone"
        );
    }
}

/*!
A support report: app facts, keychain, clock skew, every connection's status, expiry and last
error code, and recent events. Built only from the index, the timeline and runtime state, which
hold no secrets.
*/

use super::Connections;
use crate::lifetime;

impl Connections {
    /// A support report: app facts, keychain, clock skew, every connection's status, expiry and
    /// last error code, and recent events. Built only from the index, the timeline and live state,
    /// which hold no secrets; a test plants tokens and checks none appears.
    pub fn diagnostics(&self, app: &[(&str, String)], orphans: Option<&super::Orphans>) -> String {
        use std::fmt::Write as _;
        let now = self.now();
        let mut out = String::from("Plugboard diagnostics\n");
        for (k, v) in app {
            let _ = writeln!(out, "{k}: {v}");
        }
        let _ = writeln!(
            out,
            "OS: {} {}",
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        let _ = writeln!(
            out,
            "Keychain: {} ({:?})",
            crate::vault::BACKEND,
            self.keychain_state()
        );
        match crate::http::last_skew() {
            Some(skew) => {
                let _ = writeln!(
                    out,
                    "Clock skew: {} s against {}{}",
                    skew.seconds,
                    skew.host,
                    if skew.seconds.abs() > lifetime::SKEW_WARNING {
                        " (more than a minute: expiry times will be off)"
                    } else {
                        ""
                    }
                );
            }
            None => out.push_str("Clock skew: not measured yet\n"),
        }
        let _ = writeln!(out, "Checked at: {now} (Unix seconds)");
        match self.index.load() {
            Ok(records) => {
                let _ = writeln!(out, "Connections: {}", records.len());
                for r in &records {
                    let live = self.live_status(r, now);
                    let _ = writeln!(
                        out,
                        "- {} · {} · {:?} · {} · {} · expires_at {} · last error {}",
                        r.id,
                        r.provider,
                        r.method,
                        live.label,
                        live.countdown,
                        r.expires_at.map_or("none".into(), |t| t.to_string()),
                        r.last_error
                            .as_ref()
                            .map_or("none".into(), |e| format!("{} at {}", e.code, e.at)),
                    );
                }
            }
            Err(e) => {
                let _ = writeln!(out, "Connections: the index cannot be read ({e})");
            }
        }
        match orphans {
            Some(o) if o.is_empty() => out.push_str("Orphans: none\n"),
            Some(o) => {
                let ids = |v: &[crate::connection::ConnectionId]| {
                    v.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
                };
                let _ = writeln!(
                    out,
                    "Orphans: keychain items with no connection [{}]; connections with no keychain item [{}]",
                    ids(&o.keychain_only),
                    ids(&o.index_only)
                );
            }
            None => out.push_str("Orphans: not checked (the keychain could not be asked)\n"),
        }
        out.push_str("Recent events:\n");
        for e in self.timeline.recent(20) {
            let _ = writeln!(
                out,
                "- {} {} {:?}{}",
                e.at,
                e.connection,
                e.kind,
                e.code.map(|c| format!(" ({c})")).unwrap_or_default()
            );
        }
        out
    }
}

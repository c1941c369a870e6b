/*!
A support report: app facts, keychain, clock skew, every connection's status, method in words,
expiry and last error code, and recent events, with times in ISO 8601 (local and UTC). Built only
from the index, the timeline and runtime state, which hold no secrets; an account is named by a
hint with no e-mail address in it (support asks "which one?", not "whose?").
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
        // Support reads this report: always in English, whatever the person's language.
        let english = crate::i18n::messages_of("en");
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
        let _ = writeln!(out, "Checked at: {}", when(now));
        match self.index.load() {
            Ok(records) => {
                let _ = writeln!(out, "Connections: {}", records.len());
                for r in &records {
                    let live = self.live_status(r, now);
                    let method = self
                        .catalogue
                        .get(&r.provider)
                        .and_then(|p| p.method(r.method))
                        .map_or_else(|| format!("{:?}", r.method), |m| m.label().to_string());
                    let retry = live
                        .retry_at
                        .map(|t| format!(" (retrying at {})", when(t)))
                        .unwrap_or_default();
                    let _ = writeln!(
                        out,
                        "- {} · {} · {} · account {}{} · {}{} · {}{} · last error {}",
                        r.id,
                        self.provider_name(&r.provider),
                        method,
                        account_hint(&r.account),
                        r.name
                            .as_deref()
                            .map(|n| format!(" · named “{}”", account_hint(n)))
                            .unwrap_or_default(),
                        live.health.label_in(&english),
                        retry,
                        lifetime::countdown_in(&english, live.expiry, now),
                        // The time itself only when there is one: "Does not expire" and
                        // "Expiry unknown" say the rest (never both "never" and "unknown").
                        match live.expiry {
                            lifetime::Expiry::At(at) => format!(" (at {})", when(at)),
                            _ => String::new(),
                        },
                        r.last_error.as_ref().map_or("none".into(), |e| format!(
                            "{} at {}",
                            e.code,
                            when(e.at)
                        )),
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
                "- {} {} {:?}{}{}",
                when(e.at),
                e.connection,
                e.kind,
                e.code.map(|c| format!(" ({c})")).unwrap_or_default(),
                e.by.map(|b| format!(" · in the {}", b.as_words()))
                    .unwrap_or_default()
            );
        }
        out.push_str("Tokens handed out (last 10; never the token):\n");
        let home = std::env::var("HOME").unwrap_or_default();
        for u in self.audit.recent(10) {
            let mut program = u.program.describe();
            // The person's home folder as ~ (its name is often theirs).
            if home.len() > 1 {
                program = program.replace(&home, "~");
            }
            let _ = writeln!(
                out,
                "- {} {} {:?}{} · {} · {}",
                when(u.at),
                u.connection,
                u.door,
                u.form.map(|f| format!(" ({f})")).unwrap_or_default(),
                program,
                match (u.outcome, u.reason) {
                    (crate::audit::Outcome::Allowed, _) => "allowed".to_string(),
                    (crate::audit::Outcome::Denied, reason) =>
                        format!("denied ({})", reason.unwrap_or_default()),
                }
            );
        }
        out
    }
}

/// A time as support reads it: local with its offset, then UTC.
fn when(unix: i64) -> String {
    let local = lifetime::local_rfc3339(unix);
    let utc = lifetime::rfc3339(unix);
    if local == utc {
        utc
    } else {
        format!("{local} ({utc})")
    }
}

/// An account label with every e-mail address reduced to its domain ("ana@example.com" ⇒
/// "•••@example.com"): enough to tell two accounts apart, without naming a person.
pub fn account_hint(label: &str) -> String {
    fn flush(word: &mut String, out: &mut String) {
        match word.split_once('@') {
            Some((_, domain)) if !domain.is_empty() => out.push_str(&format!("•••@{domain}")),
            _ => out.push_str(word),
        }
        word.clear();
    }
    let (mut out, mut word) = (String::new(), String::new());
    for c in label.chars() {
        if c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '<' | '>') {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_hints_name_no_email_address() {
        assert_eq!(
            account_hint("example-portal.hubspot.com · ana@example.com"),
            "example-portal.hubspot.com · •••@example.com"
        );
        assert_eq!(
            account_hint("Store 1003 · owner@shop.example.com"),
            "Store 1003 · •••@shop.example.com"
        );
        assert_eq!(
            account_hint("Production · client ••••1a2b"),
            "Production · client ••••1a2b"
        );
        assert_eq!(
            account_hint("Ana <ana@example.com>,bo@x.org"),
            "Ana <•••@example.com>,•••@x.org"
        );
    }
}

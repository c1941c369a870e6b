/*!
Try it: one harmless call to a connection's identity or check endpoint, or, for a provider with
no identity call, its token introspection (what Copy as curl would run), with the answer support
asks for first: the HTTP status, how long it took, and a short
piece of the response — every secret of the connection masked out of it, and any JSON value
under a key that sounds secret ("token", "secret", "password", "key") too. Not a refresh: the
tokens are used as they are, so a 401 here says what a script would get.
*/

use std::time::Instant;

use serde::Serialize;

use super::developer::CallKind;
use super::{Connections, ServiceError};
use crate::connection::ConnectionId;
use crate::flow;
use crate::secret::SecretString;

/// The most of the response a report keeps, in characters.
pub const EXCERPT_MAX: usize = 600;

/// What one call answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TryReport {
    /// Which call it was: `identity`, `check` or `introspection`.
    pub call: CallKind,
    /// "POST https://api.hubapi.com/oauth/2026-03/token/introspect" (secrets masked).
    pub request: String,
    /// A form body as sent, every secret masked (`client_id=…&client_secret=hubs••••cret&…`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<String>,
    /// Introspection only, and only from a 2xx answer: whether the provider said the access
    /// token is active.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    pub status: u16,
    /// The status's meaning in a few words ("OK", "Unauthorized").
    pub status_text: String,
    pub millis: u64,
    /// The start of the answer, secrets masked.
    pub excerpt: String,
    /// Whether the provider accepted the connection: a 2xx, and for introspection `active: true`.
    pub accepted: bool,
}

impl Connections {
    /// Calls connection `cid`'s identity or check endpoint once, as it is (no refresh first).
    pub async fn try_call(&self, cid: &ConnectionId) -> Result<TryReport, ServiceError> {
        let checkable = self
            .checkable(cid, true)
            .await
            .map_err(|e| e.concerning(cid))?;
        let Some(request) = checkable.request else {
            return Err(ServiceError::NothingToTry.concerning(cid));
        };
        let started = Instant::now();
        let answer = flow::send(&self.http, &request)
            .await
            .map_err(|e| ServiceError::from(e).concerning(cid))?;
        let millis = started.elapsed().as_millis() as u64;
        log::info!("{cid}: tried its check endpoint: HTTP {}", answer.status);
        let secrets = &checkable.secrets;
        let ok = (200..300).contains(&answer.status);
        // Read only from an answer: a refused request (the app's credentials, say) says nothing
        // about the token.
        let active = (checkable.call == CallKind::Introspection && ok)
            .then(|| flow::read_introspection(&answer.body).is_some_and(|info| !info.is_empty()));
        Ok(TryReport {
            call: checkable.call,
            request: printable(&mask(
                &format!("{} {}", request.method, request.url),
                secrets,
            )),
            sent: request
                .body_text()
                .map(|body| printable(&mask(body, secrets))),
            active,
            status: answer.status,
            status_text: flow::status_text(answer.status).to_string(),
            millis,
            excerpt: excerpt(&answer.body, secrets),
            accepted: ok && active != Some(false),
        })
    }
}

/// `text` with every secret replaced by its masked form ("pat-…9f3a"), as it is and as a URL or
/// a JSON string would spell it (a token in a templated URL is percent-encoded; an answer may echo
/// it escaped), the longest spellings first.
fn mask(text: &str, secrets: &[SecretString]) -> String {
    let mut spellings: Vec<(String, String)> = Vec::new();
    for s in secrets {
        let raw = s.expose();
        if raw.len() < 4 {
            continue;
        }
        let form: String = url::form_urlencoded::byte_serialize(raw.as_bytes()).collect();
        let percent = |upper: bool| -> String {
            raw.bytes()
                .map(|b| match b {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                        (b as char).to_string()
                    }
                    _ if upper => format!("%{b:02X}"),
                    _ => format!("%{b:02x}"),
                })
                .collect()
        };
        let json = serde_json::to_string(raw).unwrap_or_default();
        let json = json.trim_matches('"').to_string();
        for spelling in [raw.to_string(), form, percent(true), percent(false), json] {
            spellings.push((spelling, s.masked()));
        }
    }
    spellings.sort_by_key(|(spelling, _)| std::cmp::Reverse(spelling.len()));
    let mut out = text.to_string();
    for (spelling, masked) in spellings {
        out = out.replace(&spelling, &masked);
    }
    out
}

/// `text` safe for a terminal or the page: control and bidirectional characters (an answer's
/// escape sequences, carriage returns) shown escaped; line breaks and tabs stay.
fn printable(text: &str) -> String {
    crate::safe_text::escape_keeping_lines(text).into_owned()
}

/// The start of an answer, secrets masked: JSON values under secret-sounding keys hidden, then
/// the whole cut to [`EXCERPT_MAX`] characters.
fn excerpt(body: &str, secrets: &[SecretString]) -> String {
    fn hide(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, v) in map.iter_mut() {
                    let k = k.to_ascii_lowercase();
                    // What kind of token it is, and how long it lives, are not secrets.
                    let about =
                        ["token_type", "token_use", "token_type_hint"].contains(&k.as_str());
                    let secret = !about
                        && ["token", "secret", "password", "key", "signature"]
                            .iter()
                            .any(|s| k.contains(s));
                    if secret && v.is_string() {
                        *v = serde_json::Value::String("••••••••".into());
                    } else {
                        hide(v);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(hide),
            _ => {}
        }
    }
    let text = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(mut json) => {
            hide(&mut json);
            serde_json::to_string_pretty(&json).unwrap_or_default()
        }
        Err(_) => body.to_string(),
    };
    let text = printable(&mask(&text, secrets));
    let mut cut: String = text.chars().take(EXCERPT_MAX).collect();
    if text.chars().count() > EXCERPT_MAX {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_hide_secrets_and_secret_sounding_fields() {
        let token = SecretString::new("pat-na1-0123456789abcdef");
        let body = r#"{"token":"pat-na1-0123456789abcdef","user":"ana@example.com","hub_id":42,"nested":{"api_key":"k-123"},"echo":"Bearer pat-na1-0123456789abcdef"}"#;
        let out = excerpt(body, std::slice::from_ref(&token));
        assert!(!out.contains("0123456789abcdef"), "{out}");
        assert!(!out.contains("k-123"), "{out}");
        assert!(
            out.contains("ana@example.com") && out.contains("42"),
            "{out}"
        );
        assert!(out.contains("pat-••••cdef"), "{out}");
        let long = "x".repeat(EXCERPT_MAX + 50);
        assert_eq!(excerpt(&long, &[]).chars().count(), EXCERPT_MAX + 1);
        assert_eq!(
            mask(
                "GET https://api.example/tokens/pat-na1-0123456789abcdef",
                &[token]
            ),
            "GET https://api.example/tokens/pat-••••cdef"
        );
        // As a URL or an escaped JSON string spells it.
        let odd = SecretString::new("00D!AR8/abc+def=ghij\\\"k");
        for spelled in [
            "00D%21AR8%2Fabc%2Bdef%3Dghij%5C%22k",
            "00D%21AR8%2fabc%2bdef%3dghij%5c%22k",
            "00D!AR8/abc+def=ghij\\\\\\\"k",
        ] {
            let out = mask(&format!("x {spelled} y"), std::slice::from_ref(&odd));
            assert_eq!(out, format!("x {} y", odd.masked()), "{spelled}");
        }
    }
}

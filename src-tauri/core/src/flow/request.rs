//! A request as a value, and sending it: [`PreparedRequest`] (what tests compare exactly),
//! [`send`] through the client from [`crate::http`] (no redirects, timeouts), the [`Response`]
//! and the [`FlowError`] every flow returns.

use crate::catalogue::{BodyFormat, UrlTemplate};
use crate::secret::SecretString;
use crate::tokens::TokenError;
use base64::Engine;
use url::Url;

/// An HTTP request, built but not sent. Its `Debug` form shows the method and host only: header
/// values, the path (which may hold a token), the query and the body stay out.
#[derive(Clone, PartialEq, Eq)]
pub struct PreparedRequest {
    pub method: &'static str,
    pub url: String,
    pub headers: Vec<(String, String)>,
    /// Content type and bytes.
    pub body: Option<(String, Vec<u8>)>,
}

impl std::fmt::Debug for PreparedRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The host only: some providers put a token in the path (HubSpot's token-info and
        // revoke URLs), so no part of it is printed.
        let path = Url::parse(&self.url).map(|u| format!("{}://{}/…", u.scheme(), u.authority()));
        write!(
            f,
            "PreparedRequest({} {})",
            self.method,
            path.unwrap_or_else(|_| "<url>".into())
        )
    }
}

impl PreparedRequest {
    pub(super) fn new(method: &'static str, url: impl Into<String>) -> Self {
        Self {
            method,
            url: url.into(),
            headers: vec![("Accept".into(), "application/json".into())],
            body: None,
        }
    }

    pub(super) fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub(super) fn basic_auth(self, user: &str, password: &str) -> Self {
        let encoded =
            base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        self.header("Authorization", format!("Basic {encoded}"))
    }

    pub(super) fn bearer(self, token: &SecretString) -> Self {
        self.header("Authorization", format!("Bearer {}", token.expose()))
    }

    pub(super) fn params_body(mut self, format: BodyFormat, params: &[(&str, String)]) -> Self {
        self.body = Some(match format {
            BodyFormat::Form => {
                let mut ser = url::form_urlencoded::Serializer::new(String::new());
                for (k, v) in params {
                    ser.append_pair(k, v);
                }
                (
                    "application/x-www-form-urlencoded".into(),
                    ser.finish().into_bytes(),
                )
            }
            BodyFormat::Json => {
                let map: serde_json::Map<String, serde_json::Value> = params
                    .iter()
                    .map(|(k, v)| (k.to_string(), serde_json::Value::String(v.clone())))
                    .collect();
                (
                    "application/json".into(),
                    serde_json::to_vec(&map).expect("a string map serializes"),
                )
            }
        });
        self
    }

    /// The request's body as text (tests and the simulator read form bodies).
    pub fn body_text(&self) -> Option<&str> {
        self.body
            .as_ref()
            .and_then(|(_, b)| std::str::from_utf8(b).ok())
    }

    pub fn header_value(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The most of an answer Plugboard reads: a token or identity answer is a few kilobytes, so
/// anything over a mebibyte is refused (never stored, never parsed).
pub const LONGEST_ANSWER: usize = 1024 * 1024;

/// What came back over HTTP.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Seconds the provider asked to wait (`Retry-After` as seconds or as an HTTP date).
    pub retry_after: Option<u64>,
    /// The provider's `Date` header, for clock-skew checks.
    pub date: Option<String>,
    /// The body as text; bytes that were not UTF-8 are replaced (see `utf8`).
    pub body: String,
    /// Whether the body was valid UTF-8 (a token answer that is not is refused).
    pub utf8: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error("no answer from the provider ({0})")]
    Network(String),
    /// The provider did not answer within the request's time limit.
    #[error("the provider took too long to answer")]
    TimedOut,
    /// The answer was longer than [`LONGEST_ANSWER`].
    #[error("the provider's answer was too large (over {} KiB)", LONGEST_ANSWER / 1024)]
    TooLarge,
    #[error(transparent)]
    Token(#[from] TokenError),
    #[error("the provider refused the request (HTTP {status})")]
    Http { status: u16 },
    #[error("this provider needs a client secret, and none is set")]
    MissingClientSecret,
    #[error("the sign-in response is for another server (iss `{got}`)")]
    IssuerMismatch { got: String },
    #[error("the URL template needs `{0}`, which this connection does not have")]
    MissingValue(String),
}

/// A status's name as HTTP defines it ("OK", "Not Found"); empty for a code without one.
pub fn status_text(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("")
}

/// Sends a prepared request. Never follows redirects (see [`crate::http`]).
pub async fn send(http: &reqwest::Client, req: &PreparedRequest) -> Result<Response, FlowError> {
    let method =
        reqwest::Method::from_bytes(req.method.as_bytes()).expect("methods are static and valid");
    let mut builder = http.request(method, &req.url);
    for (k, v) in &req.headers {
        builder = builder.header(k, v);
    }
    if let Some((content_type, bytes)) = &req.body {
        builder = builder
            .header("Content-Type", content_type)
            .body(bytes.clone());
    }
    // reqwest's error text names the URL, which may carry a token in its path or query: keep the kind only.
    let describe = |e: reqwest::Error| {
        if e.is_timeout() {
            FlowError::TimedOut
        } else if e.is_connect() {
            FlowError::Network("could not connect".into())
        } else {
            FlowError::Network("the connection failed".into())
        }
    };
    let mut resp = builder.send().await.map_err(describe)?;
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let now = crate::lifetime::unix_now();
    let retry_after = header("retry-after").and_then(|v| retry_after_seconds(&v, now));
    let date = header("date");
    crate::http::observe_date(&req.url, date.as_deref(), now);
    let status = resp.status().as_u16();
    if resp
        .content_length()
        .is_some_and(|n| n > LONGEST_ANSWER as u64)
    {
        return Err(FlowError::TooLarge);
    }
    // Read at most LONGEST_ANSWER bytes, however the body is framed (an endless chunked body
    // stops here, not at the memory limit).
    let mut bytes = Vec::new();
    while let Some(chunk) = resp.chunk().await.map_err(describe)? {
        if bytes.len() + chunk.len() > LONGEST_ANSWER {
            return Err(FlowError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    let (body, utf8) = match String::from_utf8(bytes) {
        Ok(text) => (text, true),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    };
    Ok(Response {
        status,
        retry_after,
        date,
        body,
        utf8,
    })
}

/// `Retry-After` (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as seconds from `now` (capped
/// at a day: a provider asking for longer is treated as asking for a day).
pub fn retry_after_seconds(value: &str, now: i64) -> Option<u64> {
    let value = value.trim();
    let seconds = match value.parse::<u64>() {
        Ok(s) => s,
        Err(_) => {
            let at = httpdate::parse_http_date(value).ok()?;
            let at = at.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
            at.saturating_sub(u64::try_from(now).unwrap_or(0))
        }
    };
    Some(seconds.min(86_400))
}

/// Fills a URL template from named values, percent-encoding each one as a path segment.
pub fn fill_template(
    template: &UrlTemplate,
    value: impl Fn(&str) -> Option<String>,
) -> Result<String, FlowError> {
    let mut missing = None;
    let filled = template.fill(|name| match value(name) {
        Some(v) if name == "api_base" => Some(v.trim_end_matches('/').to_string()),
        // A path segment of dots would climb the URL's path: not a value.
        Some(v) if v.is_empty() || v == "." || v == ".." => {
            missing.get_or_insert_with(|| name.to_string());
            None
        }
        Some(v) => Some(url::form_urlencoded::byte_serialize(v.as_bytes()).collect()),
        None => {
            missing.get_or_insert_with(|| name.to_string());
            None
        }
    });
    match missing {
        Some(name) => Err(FlowError::MissingValue(name)),
        None => Ok(filled),
    }
}

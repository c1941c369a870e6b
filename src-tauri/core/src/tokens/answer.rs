//! Reading a token endpoint's answer: what is accepted (printable tokens, Bearer or a declared
//! type, a sane `expires_in`), what is kept (only the fields the catalogue names), and the error
//! kinds a refusal is sorted into.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::secret::{AccessToken, RefreshToken};

/// A usable token set from a token endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenSet {
    pub access_token: AccessToken,
    pub refresh_token: Option<RefreshToken>,
    pub token_type: Option<String>,
    /// Unix seconds; `None` when the response had no `expires_in`.
    pub expires_at: Option<i64>,
    /// Scopes the provider says it granted (`None`: it did not say, RFC 6749 §5.1 — same as requested).
    pub scopes: Option<Vec<String>>,
    /// Non-secret extra fields (Ecwid's `store_id`, HubSpot's `hub_id`…), as strings.
    pub extra: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    /// The grant is dead (revoked, expired, used twice): only a new sign-in helps.
    #[error("the provider no longer accepts this sign-in ({code})")]
    InvalidGrant {
        code: String,
        description: Option<String>,
    },
    /// The app credentials (client id/secret) are wrong.
    #[error("the provider rejected the app credentials ({code})")]
    InvalidClient {
        code: String,
        description: Option<String>,
    },
    /// Any other error the provider named.
    #[error("the provider refused the request ({code})")]
    Rejected {
        status: u16,
        code: String,
        description: Option<String>,
    },
    /// 5xx or 429: try again later.
    #[error("the provider is having trouble (HTTP {status})")]
    Temporary {
        status: u16,
        retry_after: Option<u64>,
    },
    /// A response that is neither a token nor an error we can read. The body is kept for
    /// diagnostics but never shown in the message (it may hold a token).
    #[error("the provider's answer could not be read (HTTP {status}: {reason})")]
    Parse {
        status: u16,
        reason: String,
        body: String,
    },
}

impl TokenError {
    /// A short machine code for logs and the details panel (`invalid_grant`, `http_503`, …).
    pub fn code(&self) -> String {
        match self {
            TokenError::InvalidGrant { code, .. }
            | TokenError::InvalidClient { code, .. }
            | TokenError::Rejected { code, .. } => code.clone(),
            TokenError::Temporary { status, .. } => format!("http_{status}"),
            TokenError::Parse { .. } => "unreadable_response".into(),
        }
    }
}

fn field_str(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The longest a stored token lifetime can be: ten years. A longer `expires_in` (or one near
/// `i64::MAX`, which would overflow `now + expires_in`) is read as "does not say": no provider
/// means it, and a countdown of centuries helps nobody.
pub const LONGEST_LIFETIME: i64 = 10 * 365 * 86_400;

/// The most of a non-secret extra field kept (a `store_id`, a `hub_id`).
const LONGEST_EXTRA: usize = 256;

/// How one provider's token answers are read: what the catalogue says about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenRules {
    /// Splits a `scope` string (`" "` per RFC 6749 §3.3; some providers use `,`).
    pub separator: String,
    /// Token types accepted besides `Bearer` (lowercase); RFC 6750 bearer tokens are all Plugboard
    /// sends, so anything else must be declared by the catalogue.
    pub token_types: Vec<String>,
    /// The non-secret fields worth keeping (those the provider's URL templates and account label
    /// name, such as Ecwid's `store_id`); everything else in the answer is dropped.
    pub keep: Vec<String>,
}

impl Default for TokenRules {
    fn default() -> Self {
        Self {
            separator: " ".into(),
            token_types: Vec::new(),
            keep: Vec::new(),
        }
    }
}

impl TokenRules {
    /// Standard rules that keep the named extra fields.
    pub fn keeping(fields: &[&str]) -> Self {
        Self {
            keep: fields.iter().map(|f| f.to_string()).collect(),
            ..Self::default()
        }
    }
}

/// RFC 6749 Appendix A: `access-token = 1*VSCHAR`, `refresh-token = 1*VSCHAR` (printable ASCII).
fn is_vschar_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| (0x20..=0x7e).contains(&b))
}

/// Reads a token endpoint's answer under `rules`; `now` is Unix seconds at receipt.
pub fn parse_token_response(
    status: u16,
    retry_after: Option<u64>,
    body: &str,
    rules: &TokenRules,
    now: i64,
) -> Result<TokenSet, TokenError> {
    if status == 429 || status >= 500 {
        return Err(TokenError::Temporary {
            status,
            retry_after,
        });
    }
    let parse_err = |reason: &str| TokenError::Parse {
        status,
        reason: reason.to_string(),
        body: body.chars().take(2_000).collect(),
    };
    let json: Value = serde_json::from_str(body).map_err(|_| parse_err("not JSON"))?;
    let obj = json
        .as_object()
        .ok_or_else(|| parse_err("not a JSON object"))?;

    let error_code = obj.get("error").and_then(Value::as_str).or_else(|| {
        obj.get("status")
            .and_then(Value::as_str)
            .filter(|s| s.chars().all(|c| c.is_ascii_uppercase() || c == '_'))
    });
    if let Some(code) = error_code {
        let description = obj
            .get("error_description")
            .or_else(|| obj.get("message"))
            .and_then(Value::as_str)
            .map(|d| d.chars().take(500).collect());
        // An error code is Plugboard's to show: keep it short and printable.
        let code: String = code
            .chars()
            .filter(|c| c.is_ascii_graphic())
            .take(64)
            .collect();
        return Err(match code.as_str() {
            "invalid_grant" | "BAD_REFRESH_TOKEN" | "BAD_AUTH_CODE" | "EXPIRED_AUTH_CODE" => {
                TokenError::InvalidGrant { code, description }
            }
            "invalid_client" | "BAD_CLIENT_ID" | "BAD_CLIENT_SECRET" => {
                TokenError::InvalidClient { code, description }
            }
            _ => TokenError::Rejected {
                status,
                code,
                description,
            },
        });
    }
    if !(200..300).contains(&status) {
        return Err(parse_err("an error status without an error code"));
    }

    let access_token = match obj.get("access_token") {
        Some(Value::String(s)) if !s.is_empty() => s.as_str(),
        _ => return Err(parse_err("no access_token")),
    };
    if !is_vschar_token(access_token) {
        return Err(parse_err("an access_token that is not printable ASCII"));
    }
    let refresh_token = match obj.get("refresh_token") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(Value::String(s)) if is_vschar_token(s) => Some(s.as_str()),
        Some(_) => return Err(parse_err("a refresh_token that is not printable ASCII")),
    };
    let token_type = match obj.get("token_type") {
        None | Some(Value::Null) => None,
        Some(Value::String(t)) => Some(t.as_str()),
        Some(_) => return Err(parse_err("a token_type that is not text")),
    };
    if let Some(t) = token_type {
        let t = t.to_ascii_lowercase();
        if t != "bearer" && !rules.token_types.contains(&t) {
            return Err(parse_err("a token_type other than Bearer"));
        }
    }
    let expires_in = match obj.get("expires_in") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(s), _, _) => Some(s),
            (None, Some(_), _) => Some(i64::MAX),
            (None, None, Some(f)) if f.is_finite() => Some(if f >= i64::MAX as f64 {
                i64::MAX
            } else {
                f as i64
            }),
            _ => return Err(parse_err("an expires_in that is not a number of seconds")),
        },
        Some(Value::String(s)) => match s.trim().parse::<i64>() {
            Ok(s) => Some(s),
            Err(e) if matches!(e.kind(), std::num::IntErrorKind::PosOverflow) => Some(i64::MAX),
            Err(_) => return Err(parse_err("an expires_in that is not a number of seconds")),
        },
        Some(_) => return Err(parse_err("an expires_in that is not a number of seconds")),
    };
    if expires_in.is_some_and(|s| s < 0) {
        return Err(parse_err("a negative expires_in"));
    }
    // Beyond ten years: the provider means "long-lived" and did not say how long.
    let expires_at = expires_in
        .filter(|s| *s <= LONGEST_LIFETIME)
        .map(|s| now.saturating_add(s));
    let scopes = match obj.get("scope").or_else(|| obj.get("scopes")) {
        Some(Value::String(s)) => Some(
            // Scopes never contain spaces, and servers that take comma-separated scopes at the
            // authorize step often answer in RFC 6749's space-separated form: split on both.
            s.split(|c: char| c.is_whitespace() || rules.separator.contains(c))
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
        ),
        _ => None,
    };
    // Only what Plugboard uses is stored: a huge or unexpected field is never copied forward.
    let extra = rules
        .keep
        .iter()
        .filter(|k| !k.contains("token") && !k.contains("secret"))
        .filter_map(|k| {
            let v = field_str(obj.get(k.as_str())?)?;
            (v.len() <= LONGEST_EXTRA && v.chars().all(|c| !c.is_control())).then(|| (k.clone(), v))
        })
        .collect();

    Ok(TokenSet {
        access_token: AccessToken::new(access_token),
        refresh_token: refresh_token.map(RefreshToken::new),
        token_type: token_type.map(str::to_string),
        expires_at,
        scopes,
        extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_790_000_000;

    #[test]
    fn a_hubspot_token_response_gets_an_absolute_expiry_and_keeps_the_refresh_token() {
        let body = r#"{"token_type":"bearer","refresh_token":"rt-1","access_token":"at-1","expires_in":1800}"#;
        let t = parse_token_response(200, None, body, &TokenRules::default(), NOW).unwrap();
        assert_eq!(t.access_token.expose(), "at-1");
        assert_eq!(t.refresh_token.as_ref().unwrap().expose(), "rt-1");
        assert_eq!(t.expires_at, Some(NOW + 1800));
        assert_eq!(t.scopes, None);
    }

    #[test]
    fn an_ecwid_token_never_expires_and_its_store_id_is_kept_but_its_public_token_is_not() {
        let body = r#"{"access_token":"secret_abc","token_type":"bearer","scope":"read_store_profile read_catalog","store_id":1003,"public_token":"public_xyz"}"#;
        let rules = TokenRules::keeping(&["store_id", "public_token"]);
        let t = parse_token_response(200, None, body, &rules, NOW).unwrap();
        assert_eq!(t.expires_at, None);
        assert_eq!(t.refresh_token, None);
        assert_eq!(
            t.scopes.as_deref(),
            Some(&["read_store_profile".to_string(), "read_catalog".to_string()][..])
        );
        assert_eq!(t.extra.get("store_id").map(String::as_str), Some("1003"));
        assert!(!t.extra.contains_key("public_token"));
    }

    #[test]
    fn hotmarts_two_day_token_is_honoured() {
        let body = r#"{"access_token":"h-1","token_type":"bearer","expires_in":172799,"scope":"read write","jti":"j-1"}"#;
        let t = parse_token_response(200, None, body, &TokenRules::default(), NOW).unwrap();
        assert_eq!(t.expires_at, Some(NOW + 172_799));
        // Hotmart's catalogue names no `jti`: it is not kept.
        assert!(t.extra.is_empty());
    }

    #[test]
    fn rfc6749_and_hubspot_legacy_errors_are_classified() {
        let e = parse_token_response(
            400,
            None,
            r#"{"error":"invalid_grant","error_description":"code reused"}"#,
            &TokenRules::default(),
            NOW,
        );
        assert_eq!(
            e.unwrap_err(),
            TokenError::InvalidGrant {
                code: "invalid_grant".into(),
                description: Some("code reused".into())
            }
        );
        let e = parse_token_response(
            400,
            None,
            r#"{"status":"BAD_REFRESH_TOKEN","message":"missing or unknown refresh token"}"#,
            &TokenRules::default(),
            NOW,
        );
        assert!(matches!(e.unwrap_err(), TokenError::InvalidGrant { .. }));
        let e = parse_token_response(
            401,
            None,
            r#"{"error":"invalid_client"}"#,
            &TokenRules::default(),
            NOW,
        );
        assert!(matches!(e.unwrap_err(), TokenError::InvalidClient { .. }));
        let e = parse_token_response(
            503,
            Some(30),
            "<html>down</html>",
            &TokenRules::default(),
            NOW,
        );
        assert_eq!(
            e.unwrap_err(),
            TokenError::Temporary {
                status: 503,
                retry_after: Some(30)
            }
        );
    }

    #[test]
    fn an_unreadable_answer_keeps_its_body_out_of_the_message() {
        let err = parse_token_response(
            200,
            None,
            r#"{"acess_token":"at-SECRET"}"#,
            &TokenRules::default(),
            NOW,
        )
        .unwrap_err();
        assert!(matches!(err, TokenError::Parse { .. }));
        assert!(!err.to_string().contains("SECRET"), "{err}");
        assert!(!format!(
            "{:?}",
            parse_token_response(
                200,
                None,
                r#"{"access_token":"at-SECRET"}"#,
                &TokenRules::default(),
                NOW
            )
            .unwrap()
        )
        .contains("SECRET"));
    }

    fn parse(body: &str) -> Result<TokenSet, TokenError> {
        parse_token_response(200, None, body, &TokenRules::default(), NOW)
    }

    #[test]
    fn an_expires_in_near_the_end_of_time_reads_as_no_expiry_and_never_panics() {
        for huge in [
            format!("{}", i64::MAX),
            format!("{}", i64::MAX - 1),
            format!("{}", u64::MAX),
            "1e300".into(),
            format!("\"{}\"", i64::MAX),
            "\"99999999999999999999999\"".into(),
            format!("{}", LONGEST_LIFETIME + 1),
        ] {
            let t = parse(&format!(r#"{{"access_token":"a","expires_in":{huge}}}"#)).unwrap();
            assert_eq!(t.expires_at, None, "{huge}");
        }
        let t = parse(&format!(
            r#"{{"access_token":"a","expires_in":{LONGEST_LIFETIME}}}"#
        ))
        .unwrap();
        assert_eq!(t.expires_at, Some(NOW + LONGEST_LIFETIME));
        let t = parse(r#"{"access_token":"a","expires_in":"3600"}"#).unwrap();
        assert_eq!(t.expires_at, Some(NOW + 3600), "a number in a string");
        let t = parse(r#"{"access_token":"a","expires_in":3600.0}"#).unwrap();
        assert_eq!(t.expires_at, Some(NOW + 3600), "a whole float");
        // The clock itself near the end of time: saturate rather than wrap.
        let t = parse_token_response(
            200,
            None,
            r#"{"access_token":"a","expires_in":60}"#,
            &TokenRules::default(),
            i64::MAX - 1,
        )
        .unwrap();
        assert_eq!(t.expires_at, Some(i64::MAX));
        for bad in [r#""soon""#, "-1", "[]", "true", r#"{"s":1}"#] {
            let e = parse(&format!(r#"{{"access_token":"a","expires_in":{bad}}}"#)).unwrap_err();
            assert!(matches!(e, TokenError::Parse { .. }), "{bad}: {e:?}");
        }
    }

    #[test]
    fn only_the_fields_the_catalogue_names_are_kept() {
        let big = "x".repeat(100_000);
        let body = format!(
            r#"{{"access_token":"a","store_id":"7","hub_id":{big:?},"unknown":{big:?},"nested":{{"a":1}}}}"#
        );
        let rules = TokenRules::keeping(&["store_id", "hub_id", "nested"]);
        let t = parse_token_response(200, None, &body, &rules, NOW).unwrap();
        assert_eq!(
            t.extra.into_iter().collect::<Vec<_>>(),
            vec![("store_id".to_string(), "7".to_string())],
            "a kept field that is too long, or not a value, is dropped too"
        );
    }

    #[test]
    fn a_token_type_other_than_bearer_is_refused_unless_the_catalogue_declares_it() {
        for ok in ["bearer", "Bearer", "BEARER"] {
            parse(&format!(r#"{{"access_token":"a","token_type":"{ok}"}}"#)).unwrap();
        }
        parse(r#"{"access_token":"a"}"#).expect("a missing token_type is taken as Bearer");
        for bad in [r#""mac""#, r#""DPoP""#, "7"] {
            let body = format!(r#"{{"access_token":"a","token_type":{bad}}}"#);
            let e = parse(&body).unwrap_err();
            assert!(matches!(e, TokenError::Parse { .. }), "{bad}: {e:?}");
        }
        let rules = TokenRules {
            token_types: vec!["mac".into()],
            ..TokenRules::default()
        };
        parse_token_response(
            200,
            None,
            r#"{"access_token":"a","token_type":"MAC"}"#,
            &rules,
            NOW,
        )
        .unwrap();
    }

    #[test]
    fn tokens_that_are_not_printable_ascii_are_refused_never_stored_mangled() {
        for bad in [
            r#"{"access_token":"caf\u00e9"}"#,
            r#"{"access_token":"a\u0000b"}"#,
            r#"{"access_token":"a\nb"}"#,
            r#"{"access_token":"\ufffd"}"#,
            r#"{"access_token":"a","refresh_token":"r\u00e9"}"#,
            r#"{"access_token":"a","refresh_token":42}"#,
            r#"{"access_token":42}"#,
        ] {
            let e = parse(bad).unwrap_err();
            assert!(matches!(e, TokenError::Parse { .. }), "{bad}: {e:?}");
        }
        let t = parse(r#"{"access_token":"a b~!","refresh_token":""}"#).unwrap();
        assert_eq!(t.access_token.expose(), "a b~!");
        assert_eq!(t.refresh_token, None, "an empty refresh token is none");
    }
}

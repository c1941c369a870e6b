//! A token endpoint's answer, as any server might send it: read under the rules of a provider
//! that keeps `store_id` and accepts `mac` tokens, at any status. Nothing may panic; a token that
//! is accepted is printable ASCII and its expiry never lies beyond ten years; the stored form
//! round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plugboard_core::tokens::{parse_token_response, ConnectionSecret, TokenRules, LONGEST_LIFETIME};

const NOW: i64 = 1_796_083_200;

fuzz_target!(|data: &[u8]| {
    let (status, body) = match data.split_first() {
        Some((s, rest)) => (100 + u16::from(*s) * 2, rest),
        None => return,
    };
    let Ok(body) = std::str::from_utf8(body) else {
        return;
    };
    let rules = TokenRules {
        separator: ",".into(),
        token_types: vec!["mac".into()],
        keep: vec!["store_id".into()],
    };
    if let Ok(tokens) = parse_token_response(status, Some(30), body, &rules, NOW) {
        let printable = |s: &str| s.bytes().all(|b| (0x20..=0x7e).contains(&b));
        assert!(printable(tokens.access_token.expose()));
        assert!(tokens.refresh_token.as_ref().is_none_or(|r| printable(r.expose())));
        assert!(tokens.expires_at.is_none_or(|at| at <= NOW + LONGEST_LIFETIME));
        assert!(tokens.extra.keys().all(|k| k == "store_id"));
        let secret = ConnectionSecret::OAuth { tokens };
        assert_eq!(ConnectionSecret::decode(&secret.encode()).unwrap(), secret);
    }
    let _ = ConnectionSecret::decode(&plugboard_core::secret::SecretString::new(body));
});

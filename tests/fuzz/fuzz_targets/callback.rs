//! The way back from the browser: a deep link or loopback address as the OS or a person hands it
//! over (`dev.plugboard.desktop:/oauth/callback?…`, a pasted `http://127.0.0.1…` address), and the
//! authorization response read from its parameters. Anything may arrive; nothing may panic, and a
//! redacted callback never shows its code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plugboard_core::deeplink::IncomingLink;
use plugboard_core::flow::read_callback;
use plugboard_core::service::query_of_address;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(link) = IncomingLink::parse(text) {
        let _ = link.is_oauth_callback();
        let _ = link.parameter_count();
        let redacted = link.redacted();
        // A callback's code never shows in its redacted form (what logs and notices carry).
        if link.is_oauth_callback() {
            // (Unless the code's text is also in the link's scheme or path, which are shown.)
            let shown_part = text.split('?').next().unwrap_or_default();
            if let Some(code) = link.param("code").filter(|c| c.len() > 8) {
                assert!(
                    !redacted.contains(&code) || shown_part.contains(&code),
                    "a redacted callback shows its code"
                );
            }
        }
        let _ = read_callback(|k| link.param(k), Some("https://app.example.com"));
    }
    if let Ok(params) = query_of_address(text) {
        let _ = read_callback(|k| params.get(k).cloned(), None);
    }
});

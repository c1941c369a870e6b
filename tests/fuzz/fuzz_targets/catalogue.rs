//! A user's `providers.toml`: any text is either a catalogue whose endpoints passed validation or
//! an error naming what to fix. Nothing may panic; every endpoint that passed is http(s), and the
//! file merges with the built-in table.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plugboard_core::catalogue::{Catalogue, Origin};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let origin = Origin::File("providers.toml".into());
    if let Ok(user) = Catalogue::parse(text, &origin) {
        for p in user.providers() {
            let _ = p.token_rules(p.default_method().kind());
            for (_, endpoint) in p.endpoints() {
                let url = endpoint.url();
                assert!(
                    url.scheme() == "https" || url.scheme() == "http",
                    "an endpoint that is neither https nor loopback http"
                );
            }
        }
        let _ = Catalogue::builtin().map(|b| b.with_user_file(user));
    }
});

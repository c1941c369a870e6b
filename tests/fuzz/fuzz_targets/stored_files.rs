//! Plugboard's own files as a disk, a backup tool or another program may leave them: the index
//! (`connections.json`), the timeline and the pending sign-ins kept in the keychain. Any bytes are
//! read or refused; nothing may panic, and what is read can be written back and read again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plugboard_core::flow::PendingFlows;
use plugboard_core::secret::SecretString;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(records) = plugboard_core::index::parse(text) {
        for r in &records {
            let _ = r.expiry();
        }
        let again = serde_json::json!({"version": 1, "connections": records}).to_string();
        assert_eq!(plugboard_core::index::parse(&again).unwrap(), records);
    }
    let _ = plugboard_core::timeline::parse(text);
    let flows = PendingFlows::default();
    flows.restore(&SecretString::new(text));
    let _ = flows.encode(1_796_083_200);
});

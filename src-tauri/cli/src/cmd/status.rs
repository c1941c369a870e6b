//! `plugboard status [--json]`: every connection, with the keychain's state. Exits 0 whatever the
//! connections' states are: they are in the output.

use plugboard_core::i18n::t;
use plugboard_core::service::Connections;

use crate::failure::{fail, Failure};
use crate::output;
use crate::term::Term;

pub async fn run(service: &Connections, as_json: bool, term: &mut Term<'_>) -> Result<(), Failure> {
    // Ask whether the keychain is locked (never prompts), so statuses say so.
    let _ = service.probe_keychain().await;
    let views = service.list().map_err(|e| fail(service, "", e))?;
    let orphans = service.orphans().await.ok();
    let doc = output::StatusDoc {
        schema: output::SCHEMA,
        keychain: service.keychain_state(),
        connections: views
            .iter()
            .map(|c| output::connection(service, c))
            .collect(),
        orphans,
    };
    if as_json {
        term.json(&doc)
    } else {
        term.print(&output::status_text(&doc))?;
        if let Some(note) = doc.orphans.as_ref().and_then(|o| o.summary()) {
            term.say(t("cli-note", &[("note", note.into())]));
        }
        Ok(())
    }
}

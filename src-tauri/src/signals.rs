//! Waiting for D-Bus signals without polling: each watch is a thread of its own that blocks on
//! the bus's messages for one match rule and hands each to its caller — the keychain's changes
//! ([`crate::keychain`]), the tray host coming and going ([`crate::tray`]), a resume from suspend
//! ([`crate::scheduler`]). Nothing wakes while nothing is said. A bus that cannot be reached, or
//! a thread that cannot start, is logged and the watch is left out: what it watches is then only
//! seen when something else looks.

/// Which bus a watch listens on.
#[derive(Debug, Clone, Copy)]
pub enum Bus {
    Session,
    System,
}

/// Calls `on_signal` with every message matching `rule` on `bus`, on a thread named `thread`.
/// `what` names the watch in the log ("the keychain for changes").
pub fn watch(
    thread: &str,
    bus: Bus,
    rule: &'static str,
    what: &'static str,
    on_signal: impl Fn(&zbus::Message) + Send + 'static,
) {
    let spawned = std::thread::Builder::new()
        .name(thread.into())
        .spawn(move || {
            let listen = || -> zbus::Result<()> {
                let connection = match bus {
                    Bus::Session => zbus::blocking::Connection::session()?,
                    Bus::System => zbus::blocking::Connection::system()?,
                };
                let messages =
                    zbus::blocking::MessageIterator::for_match_rule(rule, &connection, None)?;
                for message in messages.flatten() {
                    on_signal(&message);
                }
                Ok(())
            };
            if let Err(e) = listen() {
                log::info!("not watching {what} ({rule}): {e}");
            }
        });
    if let Err(e) = spawned {
        log::warn!("could not start watching {what}: {e}");
    }
}

//! Stop signals on the command line: Ctrl-C (`SIGINT`), `kill` (`SIGTERM`) and a closed terminal
//! (`SIGHUP`) wait while a refresh is being saved ([`plugboard_core::custody`]); a second Ctrl-C
//! meanwhile says so on standard error, a third is honoured at once. So do a sign-in's save and
//! a disconnect, each in its own words.

use plugboard_core::i18n::t;

/// Starts handling stop signals for the rest of the process.
pub fn handle_stop_signals() {
    plugboard_core::custody::handle_stop_signals(|moment| {
        use plugboard_core::custody::Moment;
        use std::io::Write;
        let id = match moment {
            Moment::Refresh => "cli-finishing-refresh",
            Moment::SignIn => "cli-finishing-sign-in",
            Moment::Disconnect => "cli-finishing-disconnect",
        };
        let mut err = std::io::stderr();
        let _ = writeln!(err, "{}", t(id, &[]));
        let _ = err.flush();
    });
}

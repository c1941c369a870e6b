/*!
The end-to-end harness: the real Plugboard binary in a real WebKitGTK window, driven through
tauri-driver + WebKitWebDriver (WebDriver over http on 127.0.0.1).

It expects to run inside `tests/session.sh` (`make test` does that): a private D-Bus session with an
unlocked gnome-keyring, Xvfb, and HOME/XDG folders in a temporary directory. Outside it, tests fail
at once with that instruction, rather than touching a person's desktop or keychain.

One app at a time: Plugboard is single-instance on its D-Bus session, so a second window would be
handed over to the first and its WebDriver session would hang. [`App::launch`] holds a process-wide
lock for the app's lifetime, and tauri-driver runs in its own process group, killed whole on drop, so
a failed test cannot leave a window behind for the next one.
*/

pub mod desktop;

mod app;
mod binaries;
mod driver;
mod keychain;
mod process;
mod session;

pub use app::App;
pub use binaries::{app_binary, browser_path, cli_binary, workspace_root};
pub use driver::Driver;
pub use fantoccini::elements::Element;
pub use keychain::{keychain_items, remove_item, store_item, CallWatch, PrivateKeychain};
pub use process::{eventually, run_with_deadline};
pub use session::{
    app_instance_on_bus, app_log_path, ask_bus, clipboard_text, require_session, test_home,
};

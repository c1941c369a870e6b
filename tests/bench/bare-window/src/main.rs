//! The comparator of `make bench`: what any Tauri 2 app costs before it does anything. One window
//! the size of Plugboard's, one static page, no plugins, no commands.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the bare window failed to start");
}

//! The Tauri config lives at the repository's top level (the product's design card), so point
//! tauri-build at it explicitly; a plain `tauri_build::build()` looks for `src-tauri/tauri.conf.json`.
fn main() {
    tauri_build::try_build(tauri_build::Attributes::new().config_path("../tauri.conf.json"))
        .expect("tauri-build failed: check ../tauri.conf.json and icons/");
}

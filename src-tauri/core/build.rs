//! Embeds the app credentials of a distribution, when its builder names a file of them:
//! `PLUGBOARD_DIST_CREDENTIALS=dist.toml make package`. The file holds `[credentials.<provider>]`
//! tables as a provider file does (see SECURITY.md for what an embedded secret protects and what
//! it does not); the core parses it at start-up (`setup::EMBEDDED_CREDENTIALS`). Without the
//! variable the embedded text is empty.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=PLUGBOARD_DIST_CREDENTIALS");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("dist-credentials.toml");
    let text = match std::env::var_os("PLUGBOARD_DIST_CREDENTIALS").filter(|v| !v.is_empty()) {
        None => String::new(),
        Some(file) => {
            let file = PathBuf::from(file);
            println!("cargo:rerun-if-changed={}", file.display());
            std::fs::read_to_string(&file).unwrap_or_else(|e| {
                panic!(
                    "PLUGBOARD_DIST_CREDENTIALS names {}, which cannot be read: {e}",
                    file.display()
                )
            })
        }
    };
    std::fs::write(&out, text).expect("write the embedded credentials");
}

//! Unit tests of the catalogue, one module per thing tested: the built-in table as a whole
//! (ripgrep's FLAGS-table habit), reading a provider file, the rules validation holds a file to,
//! the limits on every value, and the pieces every built-in provider needs outside the catalogue.
//! Rejections come with an error that names the file, the provider and the field.
//!
//! The helpers here (the built-in catalogue, a user file's origin, a minimal provider to break one
//! field of) are shared by every module.

use super::*;

mod builtin;
mod limits;
mod parsing;
mod pieces;
mod validation;

fn builtin() -> Catalogue {
    Catalogue::builtin().expect("the built-in catalogue validates")
}

fn file_origin() -> Origin {
    Origin::File(PathBuf::from("/home/ana/.config/plugboard/providers.toml"))
}

fn parse_err(text: &str, origin: &Origin) -> String {
    Catalogue::parse(text, origin)
        .expect_err("should be rejected")
        .to_string()
}

/// A minimal valid provider, for tests that then break one field.
const MINIMAL: &str = r#"
[[provider]]
id = "acme"
name = "Acme"
[[provider.method]]
kind = "authorization_code"
authorize_url = "https://acme.example/authorize"
token_url = "https://acme.example/token"
"#;

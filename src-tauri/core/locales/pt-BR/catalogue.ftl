# The built-in providers' texts (src-tauri/core/src/catalogue/builtin.toml), by
# `catalogue-<provider>-<key>`: what the catalogue says in English, in this language. A text with
# no message here is shown as the catalogue has it. Keep ids in step with the other languages.

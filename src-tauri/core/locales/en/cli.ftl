# The command line's words (src-tauri/cli), its --help included.
# Keep ids in step with the other languages (a test checks).

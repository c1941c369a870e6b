# The desktop app's own words (src-tauri/src): its commands' replies, sign-in links, the clipboard.
# Keep ids in step with the other languages (a test checks).

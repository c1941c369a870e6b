# The core's words (src-tauri/core): health, countdowns, errors and outcomes, shown by the window
# and the command line alike. Keep ids in step with the other languages (a test checks).

# The page's Details panel (ui/views/details.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

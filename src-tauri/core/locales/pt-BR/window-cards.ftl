# The page's provider cards and connection rows (ui/views/cards.js, providers.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

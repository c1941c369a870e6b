# The page's forms, notices and footer (ui/views/forms.js, notices.js, footer.js).
# Formatted by the page (ui/i18n.js). Keep ids in step with the other languages (a test checks).

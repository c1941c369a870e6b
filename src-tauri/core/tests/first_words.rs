//! Start-up parses only the language it speaks (issue 27, first paint): the window speaks the
//! system's language while it reads the person's choice, but parses it only if a word is needed
//! before that choice is known. A process of its own: the parsed languages are process-wide.

use plugboard_core::i18n;

#[test]
fn only_the_language_spoken_is_parsed_at_start() {
    // The system speaks Spanish; the person chose Portuguese; nothing was said in between.
    i18n::speak_later("es_ES.UTF-8");
    i18n::set_current("pt-BR");
    assert_eq!(i18n::current().lang(), "pt-BR");
    assert!(i18n::parsed("pt-BR"));
    assert!(
        !i18n::parsed("es"),
        "the system's language was never needed"
    );
    assert!(!i18n::parsed("en"), "nor English");
    // A word needed before the choice is read (a notice about the settings file) is in the
    // system's language, parsed then.
    i18n::speak_later("es_ES.UTF-8");
    assert_eq!(i18n::current().lang(), "es");
    assert!(i18n::parsed("es"));
}

/*!
Text that came from outside (an account label from a provider's identity answer, a provider's name
or texts from a `providers.toml`, a provider's error description, a URL from a file, a name typed
on the command line), made safe to show: in a terminal, in the page, in the tray's menu and in a
notification.

What is not safe is every character that is an instruction rather than a letter:

- the C0 controls (U+0000–U+001F: ESC starts a terminal's escape sequences (`ESC ]0;…BEL` sets
  the window's title, `ESC [2J` clears the screen), CR and BS rewrite what a line says), DEL
  (U+007F) and the C1 controls (U+0080–U+009F: U+009B is CSI on some terminals);
- the Unicode bidirectional controls (UAX #9 §2: U+061C, U+200E, U+200F, U+202A–U+202E,
  U+2066–U+2069): U+202E (RIGHT-TO-LEFT OVERRIDE) shows `moc.elgoog@ana` for `ana@google.com`
  and reorders whatever follows it on the line, in a terminal and in the page alike;
- the line and paragraph separators (U+2028, U+2029): a one-line text on two lines;
- invisible characters that make two labels look the same (U+200B, U+2060–U+2064, U+206A–U+206F,
  U+FEFF; the joiners U+200C and U+200D stay, as scripts and emoji need them).

Each is shown escaped, as Rust writes it, `\u{` its hexadecimal code `}` (`\u{1b}`, `\u{7}`,
`\u{202e}`), so a person (and support) sees that it is there and what it is, and nothing is
acted on. A backslash is left as it is (`DOMAIN\ana` stays readable): an escaped form can be told
from a label that spells one only by its source, which is enough for reading (nothing parses it).

Only where a text is shown: the index and the keychain keep what the provider said, as data. The
service's views ([`crate::service::ConnectionView`], the provider texts of
[`crate::catalogue::in_language`], the tray's and notifications' subjects) and the command line's
output go through [`escape`] (one line) or [`escape_keeping_lines`] (a text of several lines:
line breaks and tabs stay).
*/

use std::borrow::Cow;

/// Whether `c` is shown escaped (see the module's doc).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                // Invisible: a zero-width space, word joiner and invisible operators, the
                // deprecated format characters, a byte-order mark (two labels that look the
                // same but differ). Joiners (U+200C, U+200D) stay: scripts and emoji need them.
                | '\u{200b}'
                | '\u{2060}'..='\u{2064}'
                | '\u{206a}'..='\u{206f}'
                | '\u{feff}'
        )
}

/// `text` with every unsafe character written `\u{…}`, line breaks and tabs included: for a text
/// shown on one line (a label, a name, a cell of a table).
pub fn escape(text: &str) -> Cow<'_, str> {
    escape_but(text, |_| false)
}

/// As [`escape`], keeping line breaks (`\n`) and tabs: for a text of several lines (a message, an
/// answer's excerpt, a command's whole output).
pub fn escape_keeping_lines(text: &str) -> Cow<'_, str> {
    escape_but(text, |c| c == '\n' || c == '\t')
}

fn escape_but(text: &str, kept: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !kept(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// A JSON document safe for a terminal, meaning the same: the unsafe characters JSON leaves as they
/// are (C1 controls, bidirectional controls, the line and paragraph separators; serde escapes
/// C0 ones already) written as JSON's own `\uXXXX` escapes. They can only be inside strings, so a
/// JSON reader gets the very same values back.
pub fn escape_json(json: &str) -> Cow<'_, str> {
    if !json.chars().any(is_unsafe) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 8);
    for c in json.chars() {
        // serde_json never writes a raw C0 control, but a (raw) line break between tokens is
        // JSON's own whitespace: kept.
        if is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r') {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_and_bidirectional_overrides_are_shown_escaped() {
        let label = "\u{1b}]0;pwned\u{7}ana\u{1b}[2J@\u{202e}moc.elpmaxe";
        assert_eq!(
            escape(label),
            "\\u{1b}]0;pwned\\u{7}ana\\u{1b}[2J@\\u{202e}moc.elpmaxe"
        );
        for c in [
            '\0', '\r', '\n', '\t', '\u{8}', '\u{7f}', '\u{85}', '\u{9b}', '\u{61c}', '\u{200e}',
            '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
        ] {
            let shown = escape(&c.to_string()).into_owned();
            assert_eq!(shown, format!("\\u{{{:x}}}", c as u32));
            assert!(shown.chars().all(|c| c.is_ascii_graphic()));
        }
    }

    #[test]
    fn ordinary_text_of_any_script_is_left_as_it_is() {
        for text in [
            "ana@example.com",
            "Loja São João · client ••••1a2b",
            "DOMAIN\\ana",
            "مرحبا بالعالم",
            "שלום",
            "日本語のストア",
            "emoji 🔌 ok",
        ] {
            assert!(matches!(escape(text), Cow::Borrowed(_)), "{text}");
        }
    }

    #[test]
    fn several_lines_keep_their_breaks_and_tabs_but_not_a_carriage_return() {
        assert_eq!(
            escape_keeping_lines("one\n\ttwo\r\u{1b}[1A"),
            "one\n\ttwo\\u{d}\\u{1b}[1A"
        );
        assert_eq!(escape("one\ntwo"), "one\\u{a}two");
    }

    #[test]
    fn escaping_twice_changes_nothing_more() {
        let once = escape("\u{1b}[2J\u{202e}").into_owned();
        assert_eq!(escape(&once), once);
    }

    #[test]
    fn a_json_document_shows_no_override_and_reads_back_the_same() {
        let value = serde_json::json!({ "account": "ana\u{202e}moc\u{9b}31m\u{1b}", "n": 1 });
        let raw = serde_json::to_string_pretty(&value).unwrap();
        assert!(raw.contains('\u{202e}'), "serde leaves it as it is");
        let safe = escape_json(&raw);
        assert!(!safe.chars().any(|c| is_unsafe(c) && c != '\n'), "{safe}");
        assert!(safe.contains("\\u202e") && safe.contains("\\u009b"));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}

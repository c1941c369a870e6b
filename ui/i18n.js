// The page's words, in the person's language: `window.ftl` of the language the Rust side speaks
// (src-tauri/core/locales/<lang>/), formatted here by Project Fluent (@fluent/bundle, vendored in
// vendor/). Every text the page writes itself comes from `t(id, args)`; what the Rust side sends
// (statuses, countdowns, errors, outcomes) is already in the same language. Dates and times go
// through the browser's Intl in that language, inside <time translate="no"> (their words are the
// locale's, not a translator's). The pseudo-locale (qps-ploc) accents every message, so a test can
// spot a text that never went through here.
import { FluentBundle, FluentResource } from "./vendor/fluent-bundle/index.js";

let bundle = new FluentBundle("en", { useIsolating: false });
let lang = "en";
// Each built-in provider's name with its grammatical gender in this language: every message given
// a `provider` also gets `provider_gender` (feminine, masculine, or other for a provider of a
// person's own), so a translation can choose the article before the name ("à Hotmart").
let genders = {};
// How dates and clock times are written, made once per language (the tick writes them often).
let formats = dateFormats(["en"], false);

/** Date formats in `locales` (the system's region of the language first: "en-GB", "en"); under
 *  the pseudo-locale all digits (no month or AM/PM words in English to mistake for hard-coded text). */
function dateFormats(locales, digitsOnly) {
  const h23 = digitsOnly ? { hourCycle: "h23" } : {};
  const clock = { hour: "numeric", minute: "2-digit", ...h23 };
  return {
    dateTime: new Intl.DateTimeFormat(locales, digitsOnly
      ? { dateStyle: "short", timeStyle: "short", hourCycle: "h23" }
      : { dateStyle: "medium", timeStyle: "short" }),
    clock: new Intl.DateTimeFormat(locales, clock),
    clockSeconds: new Intl.DateTimeFormat(locales, { ...clock, second: "2-digit" }),
  };
}

// The pseudo-locale's transform: every letter accented, as fluent-pseudo does on the Rust side.
const ACCENTED = {
  a: "ȧ", b: "ƀ", c: "ƈ", d: "ḓ", e: "ḗ", f: "ƒ", g: "ɠ", h: "ħ", i: "ī", j: "ĵ", k: "ķ", l: "ŀ", m: "ḿ",
  n: "ƞ", o: "ǿ", p: "ƥ", q: "ɋ", r: "ř", s: "ş", t: "ŧ", u: "ŭ", v: "ṽ", w: "ẇ", x: "ẋ", y: "ẏ", z: "ẑ",
  A: "Ȧ", B: "Ɓ", C: "Ƈ", D: "Ḓ", E: "Ḗ", F: "Ƒ", G: "Ɠ", H: "Ħ", I: "Ī", J: "Ĵ", K: "Ķ", L: "Ŀ", M: "Ḿ",
  N: "Ƞ", O: "Ǿ", P: "Ƥ", Q: "Ɋ", R: "Ř", S: "Ş", T: "Ŧ", U: "Ŭ", V: "Ṽ", W: "Ẇ", X: "Ẋ", Y: "Ẏ", Z: "Ẑ",
};
const pseudo = (text) => `[${text.replace(/[A-Za-z]/g, (c) => ACCENTED[c])}]`;

/** Loads the page's messages (`{lang, region, pseudo, ftl}` from the `messages` command). */
export function useMessages({ lang: tag, region, pseudo: isPseudo, ftl, genders: byName = {} }) {
  lang = tag;
  genders = byName;
  formats = dateFormats(region ? [region, tag] : [tag], isPseudo);
  bundle = new FluentBundle(tag, { useIsolating: false, transform: isPseudo ? pseudo : (s) => s });
  for (const e of bundle.addResource(new FluentResource(ftl))) console.error("window.ftl:", e);
  document.documentElement.lang = tag;
  translate(document);
}

/** Message `id` formatted with `args`; the id itself (and a console line) when it is missing. */
export function t(id, args = {}) {
  const message = bundle.getMessage(id);
  if (!message?.value) {
    console.error(`no message ${id} in ${lang}`);
    return id;
  }
  return format(message.value, args, id);
}

/** Attribute `attr` of message `id` (`.aria-label = …`), formatted with `args`. */
export function ta(id, attr, args = {}) {
  const pattern = bundle.getMessage(id)?.attributes?.[attr];
  if (!pattern) {
    console.error(`no message ${id}.${attr} in ${lang}`);
    return id;
  }
  return format(pattern, args, `${id}.${attr}`);
}

/** `pattern` formatted with `args`; what went wrong (a variable not given) to the console. */
function format(pattern, args, what) {
  const errors = [];
  if (args.provider !== undefined && args.provider_gender === undefined) {
    args = { ...args, provider_gender: genders[args.provider] ?? "other" };
  }
  const text = bundle.formatPattern(pattern, args, errors);
  if (errors.length) console.error(`message ${what} in ${lang}:`, errors);
  return text;
}

/** Fills the static page: an element with `data-l10n-id` gets that message as its text (unless
 *  the message has no value) and each of the message's attributes as an attribute. */
export function translate(root) {
  for (const el of root.querySelectorAll("[data-l10n-id]")) {
    const id = el.dataset.l10nId;
    const message = bundle.getMessage(id);
    if (!message) {
      console.error(`no message ${id} in ${lang}`);
      continue;
    }
    if (message.value) el.textContent = format(message.value, {}, id);
    for (const [name, pattern] of Object.entries(message.attributes)) el.setAttribute(name, format(pattern, {}, `${id}.${name}`));
  }
}

/** Unix seconds as the locale writes a date and time ("2 de dez. de 2026, 14:05"). */
export const dateTime = (unix) => formats.dateTime.format(new Date(unix * 1000));

/** Unix seconds as the locale writes a clock time ("14:05", "2:05 PM"). */
export const clock = (unix, { seconds = false } = {}) =>
  (seconds ? formats.clockSeconds : formats.clock).format(new Date(unix * 1000));

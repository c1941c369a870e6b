// Small helpers for building the page. Everything from Rust is inserted as text, never as HTML.
import { clock, dateTime, t } from "./i18n.js";

/** Creates an element with attributes and children (strings become text nodes). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "style") for (const [p, v] of Object.entries(value)) el.style.setProperty(p, v);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A message from a `{code, message}` error, or a calm fallback for anything else. */
export function messageOf(err) {
  if (err && typeof err === "object" && typeof err.message === "string") return err.message;
  return t("error-inside");
}

/** One glyph per status or health code, beside its words (never colour alone). */
// Each is in the fonts Debian installs by default (DejaVu): no empty boxes. The lock has no such
// character (🔒 is an emoji those fonts lack): it is drawn (styles.css, `.glyph-lock`).
export const GLYPH = {
  not_connected: "○", connected: "●", expiring_soon: "◔", refreshing: "↻", temporary_problem: "⚠",
  reconnect_needed: "✕", keychain_locked: "", keychain_unavailable: "!",
};

/** The local clock time of Unix seconds, as the person's language writes it ("14:05"). */
export const clockTime = (unix, options) => clock(unix, options);
/** The local date and time of Unix seconds, for hover/focus and the details panel. */
export const localTime = (unix) => (unix ? dateTime(unix) : "—");
/** A `<time>` showing Unix seconds as a local date and time (the locale's words: `translate="no"`). */
export const timeEl = (unix, attrs = {}) => unix
  ? h("time", { datetime: new Date(unix * 1000).toISOString(), translate: "no", ...attrs }, dateTime(unix))
  : "—";

/** The words of a live status: the core's label, with the retry time in local time. */
export function healthText(live) {
  if (live.health === "temporary_problem" && live.retry_at) return t("health-retrying-at", { status: live.label, time: clockTime(live.retry_at) });
  return live.label;
}

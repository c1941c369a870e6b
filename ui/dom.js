// Small helpers for building the page. Everything from Rust is inserted as text, never as HTML.

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
  return "Something went wrong inside Plugboard. Restart it, and copy the diagnostics if it happens again.";
}

/** One glyph per status or health code, beside its words (never colour alone). */
export const GLYPH = {
  not_connected: "○", connected: "●", expiring_soon: "◔", refreshing: "↻", temporary_problem: "⚠",
  reconnect_needed: "✕", keychain_locked: "🔒", keychain_unavailable: "!",
};

/** The local clock time of Unix seconds, "14:05". */
export const clockTime = (unix) => new Date(unix * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
/** The local date and time of Unix seconds, for hover/focus and the details panel. */
export const localTime = (unix) => (unix ? new Date(unix * 1000).toLocaleString() : "—");

/** The words of a live status: the core's label, with the retry time in local time. */
export function healthText(live) {
  if (live.health === "temporary_problem" && live.retry_at) return `Temporary problem — retrying at ${clockTime(live.retry_at)}`;
  return live.label;
}

// Feedback: notices at the top, screen-reader announcements, and errors of a running command.
import { clockTime, h, localTime, messageOf } from "../dom.js";
import { ta } from "../i18n.js";
import { store } from "../store.js";

/** At most this many notices show at once; the oldest passing one makes way first. */
const MAX_SHOWN = 3;
/** Success and info notices fade after this long (errors stay until dismissed). */
const FADE_MS = 6000;
/** How many past notices the footer's "Recent messages" keeps. */
const HISTORY = 20;

/**
 * Shows a notice (`{level, message, id?}`); one with an id is shown once. Success and info fade
 * after a few seconds (not while pointed at or focused), warnings stay until dismissed, at most
 * three show at once, and every notice goes into the footer's short history.
 */
export function showNotice(notice) {
  if (notice.id !== undefined) {
    if (store.shownNotices.has(notice.id)) return;
    store.shownNotices.add(notice.id);
  }
  const box = document.getElementById("notices");
  const el = h("div", { class: `notice ${notice.level}`, "data-notice": notice.level, "data-notice-id": notice.id ?? "" },
    h("span", { class: "icon", "aria-hidden": "true" }, { warning: "!", success: "✓" }[notice.level] || "i"),
    h("p", {}, notice.message),
    h("button", { type: "button", class: "dismiss", "aria-label": ta("notice-dismiss", "aria-label"), onclick: () => el.remove() }, "×"),
  );
  box.append(el);
  remember(notice);
  if (notice.level !== "warning" && !notice.stay) fadeLater(el);
  // Over three: the oldest passing notice makes way, never the one just shown; only when all the
  // others are warnings does the oldest of them go (it stays in Recent messages).
  const others = [...box.children].filter((n) => n !== el);
  while (others.length >= MAX_SHOWN) {
    const oldest = others.find((n) => n.dataset.notice !== "warning") || others[0];
    others.splice(others.indexOf(oldest), 1);
    oldest.remove();
  }
}

/** Takes back a notice whose condition ended (the clock set right, say); Recent messages keeps it.
 *  Shown again if the condition comes back. */
export function withdrawNotice(id) {
  for (const el of document.querySelectorAll(`#notices [data-notice-id="${CSS.escape(String(id))}"]`)) el.remove();
  store.shownNotices.delete(id);
}

function fadeLater(el) {
  setTimeout(() => {
    if (!el.isConnected) return;
    if (el.matches(":hover") || el.contains(document.activeElement)) fadeLater(el);
    else el.remove();
  }, FADE_MS);
}

/** Adds a notice to the footer's "Recent messages" (newest first, the last twenty). */
function remember(notice) {
  const list = document.getElementById("notice-history-list");
  if (!list) return;
  // The clock time in the person's language (the locale's words: not for translators); the whole
  // date and time on hover.
  const now = Math.floor(Date.now() / 1000);
  const when = h("time", { datetime: new Date(now * 1000).toISOString(), translate: "no", title: localTime(now) }, clockTime(now, { seconds: true }));
  list.prepend(h("li", { "data-level": notice.level }, when, " ", notice.message));
  while (list.children.length > HISTORY) list.lastChild.remove();
  const count = document.getElementById("notice-history-count");
  if (count) count.textContent = String(list.children.length);
  document.getElementById("notice-history").hidden = false;
}

/** Shows `text` in `el`, a feedback line (a live region) beside the control that caused it:
 *  shown first, filled a moment later, so a screen reader announces it, the same words too. */
export function say(el, text) {
  el.textContent = "";
  el.hidden = false;
  setTimeout(() => { el.textContent = text; }, 50);
}

/** Says `text` through the live region (countdown milestones and status changes only). */
export function announce(text) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  // A fresh text node, so the same words twice are still announced.
  setTimeout(() => { region.textContent = text; }, 50);
}

/**
 * Runs a command for a form or button: disables it while running, shows the error in `errorEl`
 * (or as a warning notice when there is none). Resolves to the result, or undefined on error.
 */
export async function run(control, errorEl, work) {
  control.disabled = true;
  if (errorEl) { errorEl.textContent = ""; errorEl.hidden = true; }
  try {
    return await work();
  } catch (e) {
    if (errorEl) { errorEl.textContent = messageOf(e); errorEl.hidden = false; }
    else showNotice({ level: "warning", message: messageOf(e) });
    return undefined;
  } finally {
    control.disabled = false;
  }
}

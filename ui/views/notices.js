// Feedback: notices at the top, screen-reader announcements, and errors of a running command.
import { h, messageOf } from "../dom.js";
import { store } from "../store.js";

/** Shows a notice (`{level, message, id?}`); one with an id is shown once. */
export function showNotice(notice) {
  if (notice.id !== undefined) {
    if (store.shownNotices.has(notice.id)) return;
    store.shownNotices.add(notice.id);
  }
  const box = document.getElementById("notices");
  const el = h("div", { class: `notice ${notice.level}`, "data-notice": notice.level },
    h("span", { class: "icon", "aria-hidden": "true" }, { warning: "!", success: "✓" }[notice.level] || "i"),
    h("p", {}, notice.message),
    h("button", { type: "button", class: "dismiss", "aria-label": "Dismiss", onclick: () => el.remove() }, "×"),
  );
  box.append(el);
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

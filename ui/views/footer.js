// The footer: keychain state, sign-in link registration, version and the diagnostics button; the demo badge.
import * as api from "../api.js";
import { messageOf } from "../dom.js";
import { t } from "../i18n.js";
import { run, say, showNotice, withdrawNotice } from "./notices.js";
import { store } from "../store.js";

/** The message saying each keychain state. */
const KEYCHAIN_WORDS = { ready: "footer-keychain-ready", locked: "footer-keychain-locked", unavailable: "footer-keychain-unavailable" };
/** The page's own id for the notice saying why the keychain cannot be used. */
const KEYCHAIN_NOTICE = "keychain";

/** The keychain's state as the cards were computed with it (each tick): the footer never says
 *  ready while a card says locked, and the notice about it goes once it is ready. */
export function showKeychain(state) {
  const el = document.getElementById("keychain-status");
  const words = t(KEYCHAIN_WORDS[state] || "footer-keychain-unknown");
  if (el.textContent !== words) el.textContent = words;
  el.dataset.state = state;
  if (state === "ready") withdrawNotice(KEYCHAIN_NOTICE);
}

export async function loadInfo() {
  try {
    const info = await api.appInfo();
    document.getElementById("version").textContent = t("footer-version", { version: info.version });
    showKeychain(info.keychain);
    if (info.keychain_message) showNotice({ level: "warning", message: info.keychain_message, id: KEYCHAIN_NOTICE });
    store.demoFilled = info.demo_filled || {};
    if (info.demo) {
      document.getElementById("demo-badge").hidden = false;
      document.getElementById("demo-badge").title = t("footer-demo-title", { address: info.demo });
    }
    const diagnostics = document.getElementById("copy-diagnostics");
    // Its confirmation (or why not) beside the button, not at the top of the page.
    const feedback = document.getElementById("diagnostics-feedback");
    diagnostics.onclick = async () => {
      const done = await run(diagnostics, feedback, () => api.copyDiagnostics());
      if (!done) return;
      say(feedback, done.message);
      // Said for a moment: the clipboard may hold something else a minute later.
      clearTimeout(diagnostics.saidTimer);
      diagnostics.saidTimer = setTimeout(() => { feedback.textContent = ""; feedback.hidden = true; }, 8000);
    };
    document.getElementById("scheme-status").textContent = info.scheme_registered
      ? t("footer-sign-in-links-ready")
      : t("footer-sign-in-links-unregistered");
  } catch (e) {
    showNotice({ level: "warning", message: messageOf(e) });
  }
}

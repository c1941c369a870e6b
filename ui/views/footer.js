// The footer: keychain state, sign-in link registration, version and the diagnostics button; the demo badge.
import * as api from "../api.js";
import { messageOf } from "../dom.js";
import { run, say, showNotice } from "./notices.js";
import { store } from "../store.js";

const KEYCHAIN_WORDS = { ready: "Keychain: ready", locked: "Keychain: locked", unavailable: "Keychain: unavailable" };

export async function loadInfo() {
  try {
    const info = await api.appInfo();
    document.getElementById("version").textContent = `Plugboard ${info.version}`;
    document.getElementById("keychain-status").textContent = KEYCHAIN_WORDS[info.keychain] || "Keychain: unknown";
    if (info.keychain_message) showNotice({ level: "warning", message: info.keychain_message });
    store.demoFilled = info.demo_filled || {};
    if (info.demo) {
      document.getElementById("demo-badge").hidden = false;
      document.getElementById("demo-badge").title = `Demo mode: providers are simulated at ${info.demo}`;
    }
    const diagnostics = document.getElementById("copy-diagnostics");
    // Its confirmation (or why not) beside the button, not at the top of the page.
    const feedback = document.getElementById("diagnostics-feedback");
    diagnostics.onclick = async () => {
      const done = await run(diagnostics, feedback, () => api.copyDiagnostics());
      if (done) say(feedback, done.message);
    };
    document.getElementById("scheme-status").textContent = info.scheme_registered
      ? "Sign-in links: ready"
      : "Sign-in links: not registered with this desktop (install Plugboard from its package)";
  } catch (e) {
    showNotice({ level: "warning", message: messageOf(e) });
  }
}

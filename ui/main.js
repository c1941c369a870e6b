// Plugboard's page: renders the provider cards the Rust side describes and shows its notices.
// No framework: a handful of cards. Start-up, and the once-a-second tick.
import * as api from "./api.js";
import { messageOf } from "./dom.js";
import { loadInfo } from "./views/footer.js";
import { showNotice } from "./views/notices.js";
import { loadProviders, showLive, showsConnections, updateConnections } from "./views/providers.js";

/** Renders the cards if they changed, then shows their live state at once. */
async function reload() {
  if (await loadProviders()) tick();
}

/** A change from the Rust side: only the rows that changed, unless the cards themselves did. */
async function changed({ all, ids }) {
  if (all || !(await updateConnections(ids))) await reload();
}

let ticking = false;
async function tick() {
  if (ticking) return;
  ticking = true;
  try {
    const result = await api.live();
    // A connection made or removed elsewhere (`plugboard connect` in a shell) shows within a tick.
    if (!showsConnections(result.connections)) {
      await reload();
      return;
    }
    showLive(result);
  } catch (e) {
    // The next tick tries again; a failing keychain or index shows through list_providers.
  } finally {
    ticking = false;
  }
}

async function start() {
  // Listen before fetching queued notices, so none falls between the two.
  await api.onNotice((notice) => showNotice(notice));
  await api.onChanged((change) => changed(change));
  // Once a second while the window is seen: the core's countdown and status for every connection
  // (recomputed from the stored expiry and the wall clock, so a machine that slept shows the
  // truth at once). Hidden or minimised, the page does not tick at all; shown again, at once.
  setInterval(() => { if (!document.hidden) tick(); }, 1000);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) tick(); });
  for (const notice of await api.takeNotices()) showNotice(notice);
  await Promise.all([reload(), loadInfo()]);
}

start().catch((e) => showNotice({ level: "warning", message: messageOf(e) }));

// Plugboard's page: renders the provider cards the Rust side describes and shows its notices.
// No framework: a handful of cards. Start-up, and the tick that keeps countdowns true.
import * as api from "./api.js";
import { messageOf } from "./dom.js";
import { useMessages } from "./i18n.js";
import { store } from "./store.js";
import { loadInfo } from "./views/footer.js";
import { showNotice, withdrawNotice } from "./views/notices.js";
import { showPendingQuestions, showQuestion, withdrawQuestion } from "./views/consent.js";
import { closeSettingsOnEscape, refreshSettings, reopenSettings, toggleSettings } from "./views/settings.js";
import { loadProviders, showConnection, showLive, showsConnections, updateConnections } from "./views/providers.js";

/** Renders what changed of the cards, then shows their live state at once. */
async function reload() {
  await loadProviders();
  tick();
}

/** A change from the Rust side: only the rows that changed, unless the cards themselves did. */
async function changed({ all, ids }) {
  if (all || !(await updateConnections(ids))) {
    await reload();
    await refreshSettings();
  } else tick();
}

// The tick asks the core for every connection's status and countdown (computed from the stored
// expiry and the wall clock), and the core says when the clock alone next changes anything shown:
// on the wall-clock minute for countdowns in minutes (every row's at once: one update a minute),
// every second within a countdown's last two minutes, never for keys that do not expire. Everything else (a refresh, a failure, a connection made in a shell, a wake) arrives as
// a change event. Hidden or minimised, the page does not tick at all; shown again, at once.
const LONGEST_WAIT = 60;
let ticking = false;
let again = false;
let timer = null;

function schedule(seconds) {
  clearTimeout(timer);
  timer = null;
  if (seconds == null || document.hidden) return;
  timer = setTimeout(tick, Math.min(seconds, LONGEST_WAIT) * 1000 + 20);
}

async function tick() {
  if (document.hidden) return;
  // Asked for while one runs (a change just redrew a row): run once more when it ends, so the
  // newest state is the last one applied.
  if (ticking) {
    again = true;
    return;
  }
  ticking = true;
  let next = LONGEST_WAIT;
  try {
    const result = await api.live([...store.rows.keys()]);
    // A connection made or removed elsewhere that no event told of: render what changed (the
    // next tick, not this one, applies live state, so a mismatch can never spin).
    if (showsConnections(result.total)) showLive(result);
    else await loadProviders();
    next = result.next_change;
  } catch (e) {
    // The next tick tries again; a failing keychain or index shows through list_providers.
  } finally {
    ticking = false;
  }
  if (again) {
    again = false;
    tick();
    return;
  }
  schedule(next);
}

// What arrives from the Rust side before the first paint waits for it (drawn in the person's
// language, on the cards drawn from the first answer).
let started = false;
const early = [];
const whenStarted = (fn) => (payload) => (started ? fn(payload) : early.push(() => fn(payload)));

async function start() {
  // Listen first (all at once: one round trip), so nothing falls between the first answer and
  // the listening; then one answer carries everything the first paint needs.
  await Promise.all([
    api.onNotice(whenStarted((notice) => showNotice(notice))),
    api.onNoticeWithdrawn(whenStarted((id) => withdrawNotice(id))),
    api.onChanged(whenStarted((change) => changed(change))),
    api.onShowConnection(whenStarted((id) => showConnection(id))),
    api.onQuestion(whenStarted((q) => showQuestion(q))),
    api.onQuestionWithdrawn(whenStarted((id) => withdrawQuestion(id))),
  ]);
  const first = await api.firstPaint();
  // The words first: everything drawn after speaks the person's language.
  useMessages(first.messages);
  store.rowsAdded = () => tick();
  document.getElementById("open-settings").addEventListener("click", () => toggleSettings());
  document.getElementById("close-settings").addEventListener("click", () => toggleSettings());
  closeSettingsOnEscape();
  document.addEventListener("visibilitychange", () => (document.hidden ? schedule(null) : tick()));
  for (const notice of first.notices) showNotice(notice);
  await loadProviders(first.cards);
  tick();
  started = true;
  for (const handle of early.splice(0)) handle();
  // The Rust side starts the rest of its work (tray, scheduler, watchers) once this frame is on
  // the screen; a hidden window paints no frame, so it is told at once.
  if (document.hidden) api.painted();
  else requestAnimationFrame(() => setTimeout(() => api.painted(), 0));
  await loadInfo();
  // Questions from programs asked before the page listened (a start by D-Bus activation).
  await showPendingQuestions();
  await reopenSettings();
}

start().catch((e) => showNotice({ level: "warning", message: messageOf(e) }));

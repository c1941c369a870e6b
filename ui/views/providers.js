// The list of provider cards: rendered from `list_providers`, kept live from `live`.
import * as api from "../api.js";
import { h, healthText, messageOf } from "../dom.js";
import { t } from "../i18n.js";
import { store } from "../store.js";
import { connectionItem, providerCard, setCardStatus, unwatchRows } from "./cards.js";
import { showKeychain } from "./footer.js";
import { announce } from "./notices.js";

/** Where keyboard focus was, so a re-render (an automatic refresh) does not lose it. */
function focusPath() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const scope = el.closest("li[data-connection]") || el.closest("section[data-provider]");
  if (!scope) return null;
  const attr = ["data-copy", "data-action"].find((a) => el.hasAttribute(a));
  return {
    scope: scope.matches("li") ? `li[data-connection="${scope.dataset.connection}"]` : `section[data-provider="${scope.dataset.provider}"]`,
    inner: attr ? `[${attr}="${el.getAttribute(attr)}"]` : el.tagName === "SUMMARY" ? "summary" : el.id ? `#${CSS.escape(el.id)}` : null,
  };
}

/** JSON without what the tick keeps current in place (live states, card badges). */
const withoutLive = (k, v) => (k === "live" || k === "status" || k === "status_label" ? undefined : v);
/** What a full render depends on: the cards, with each connection by id only. */
const skeletonKey = (cards) =>
  JSON.stringify(cards.map((p) => ({ ...p, connections: p.connections.map((c) => c.id) })), withoutLive);
/** What a row's render depends on. */
const rowKey = (c) => JSON.stringify(c, withoutLive);

/** The connection ids the page knows of (listed or behind a card's "Show all"). */
const knownIds = () => new Set((store.cards || []).flatMap((p) => p.connections.map((c) => c.id)));

/**
 * Draws known connection `c`'s row anew in place (keyboard focus kept), from card `p`. A row not
 * drawn (behind "Show all") has nothing to redraw: it is drawn from `store.cards` when asked for.
 */
function replaceRow(p, c) {
  const li = document.querySelector(`li[data-connection="${CSS.escape(c.id)}"]`);
  if (!li) return;
  const focus = focusPath();
  keepOpenDetails(li);
  unwatchRows(li);
  li.replaceWith(connectionItem(p, c));
  store.rowKeys.set(c.id, rowKey(c));
  if (focus?.inner) document.querySelector(`${focus.scope} ${focus.inner}`)?.focus();
}

/**
 * Notes the Details panels open under `root` before they are drawn anew. The panel's toggle
 * event, which records it too, comes a moment after the click: a redraw in between would
 * otherwise draw the panel closed the person had just opened.
 */
function keepOpenDetails(root) {
  for (const li of root.querySelectorAll?.("li[data-connection]") || []) {
    if (li.querySelector("details.conn-details")?.open) store.openDetails.add(li.dataset.connection);
  }
  if (root.matches?.("li[data-connection]") && root.querySelector("details.conn-details")?.open) {
    store.openDetails.add(root.dataset.connection);
  }
}

/**
 * Fetches the provider list and renders what changed: the same cards with the same connections
 * redraw only the rows whose contents changed (none, usually); anything else renders anew.
 * Resolves to true when the cards were rendered anew.
 */
let loading = null;
let loadAgain = false;

export async function loadProviders(given = null) {
  // One load at a time: two at once (a tick and a change event) would each render anew, the
  // second destroying what the person opened after the first. Asked during one: once more after.
  if (loading) {
    loadAgain = true;
    return loading;
  }
  loading = loadOnce(given);
  try {
    let rendered = await loading;
    while (loadAgain) {
      loadAgain = false;
      loading = loadOnce();
      rendered = (await loading) || rendered;
    }
    return rendered;
  } finally {
    loading = null;
  }
}

/** Renders the cards (`given`, or asked for). */
async function loadOnce(given = null) {
  const main = document.getElementById("providers");
  try {
    const cards = given ?? (await api.listProviders());
    const skeleton = skeletonKey(cards);
    if (skeleton === store.renderedKey) {
      for (const p of cards) {
        for (const c of p.connections) if (store.rowKeys.get(c.id) !== rowKey(c)) replaceRow(p, c);
      }
      store.cards = cards;
      return false;
    }
    store.renderedKey = skeleton;
    store.cards = cards;
    store.rowKeys = new Map(cards.flatMap((p) => p.connections.map((c) => [c.id, rowKey(c)])));
    const focus = focusPath();
    keepOpenDetails(main);
    store.rows.clear();
    unwatchRows(main);
    main.replaceChildren(...cards.map(providerCard));
    if (focus?.inner) document.querySelector(`${focus.scope} ${focus.inner}`)?.focus();
    return true;
  } catch (e) {
    unwatchRows(main);
    store.rows.clear();
    main.replaceChildren(h("p", { class: "load-error", role: "alert" }, messageOf(e)));
    store.renderedKey = null;
    return false;
  } finally {
    main.setAttribute("aria-busy", "false");
  }
}

/**
 * Redraws the rows of connections `ids` alone, in place. Resolves to false when that cannot be
 * done (a connection is new or gone): the caller renders the cards anew.
 */
export async function updateConnections(ids) {
  const known = knownIds();
  if (ids.some((id) => !known.has(id))) return false;
  let views;
  try {
    views = await api.connectionViews(ids);
  } catch (e) {
    return false;
  }
  if (views.length !== ids.length) return false;
  for (const c of views) {
    const p = store.cards.find((card) => card.id === c.provider);
    const at = p?.connections.findIndex((known) => known.id === c.id) ?? -1;
    if (at < 0) return false;
    p.connections[at] = c;
    if (store.rowKeys.get(c.id) !== rowKey(c)) replaceRow(p, c);
  }
  return true;
}

/** Whether the page knows as many connections as there are (one made or removed elsewhere needs a render). */
export function showsConnections(total) {
  return total === knownIds().size;
}

/** What a row's milestone announces (each message names the account). */
const MILESTONE_MESSAGES = {
  five_minutes: "provider-announce-five-minutes", one_minute: "provider-announce-one-minute", expired: "provider-announce-expired",
};

/** Applies the result of `live`: each row's status and countdown, announcements, each card's status. */
/**
 * The tray's line at the top of the window while connections need the person ("1 connection
 * needs you"): a click scrolls to the most urgent and focuses its own button (Reconnect, Unlock).
 * Gone as soon as none does.
 */
function showNeedsYou(needsYou) {
  const line = document.getElementById("needs-you");
  if (!line) return;
  if (!needsYou) { line.hidden = true; return; }
  if (line.textContent !== needsYou.headline) line.textContent = needsYou.headline;
  line.dataset.first = needsYou.connections[0] || "";
  line.hidden = false;
  line.onclick = () => {
    const row = document.querySelector(`li[data-connection="${CSS.escape(line.dataset.first)}"]`);
    if (!row) return;
    row.scrollIntoView({ block: "center" });
    const button = [...row.querySelectorAll(".connection-row button")].find((b) => !b.hidden && !b.disabled);
    (button || row.querySelector("summary"))?.focus();
  };
}

export function showLive({ connections, cards, keychain, needs_you: needsYou }) {
  if (keychain) showKeychain(keychain);
  showNeedsYou(needsYou);
  for (const live of connections) {
    const row = store.rows.get(live.id);
    if (!row) continue;
    row.applyLive(live);
    const before = store.announced.get(live.id);
    const now = { health: live.health, milestone: live.milestone };
    if (before && (before.health !== now.health || before.milestone !== now.milestone)) {
      if (before.health !== now.health) {
        const words = healthText(live);
        if (words) announce(t("provider-announce-status", { account: row.account, status: words }));
      } else if (MILESTONE_MESSAGES[now.milestone]) {
        announce(t(MILESTONE_MESSAGES[now.milestone], { account: row.account }));
      }
    }
    store.announced.set(live.id, now);
  }
  // A card's own status, in the core's words (the core ranks its connections; the page does not).
  const byProvider = new Map(cards.map((card) => [card.provider, card]));
  for (const section of document.querySelectorAll("section[data-provider]")) {
    const card = byProvider.get(section.dataset.provider);
    const badge = section.querySelector(".card-head .status");
    if (!card || !badge) continue;
    setCardStatus(badge, card.health, card.label);
  }
}

/**
 * Brings connection `id` into view (the tray or a notification opened the window at it): its card
 * lists every account if it was behind "Show all", the row scrolls into view, is marked for a
 * moment and takes keyboard focus. Settings closes first: the connection is what was asked for.
 */
export async function showConnection(id) {
  const settings = document.getElementById("settings");
  if (settings && !settings.hidden) document.getElementById("close-settings")?.click();
  await loadProviders();
  let li = document.querySelector(`li[data-connection="${CSS.escape(id)}"]`);
  if (!li) {
    const card = (store.cards || []).find((p) => p.connections.some((c) => c.id === id));
    document.querySelector(`section[data-provider="${card?.id}"] [data-action="show-all"]`)?.click();
    li = document.querySelector(`li[data-connection="${CSS.escape(id)}"]`);
  }
  if (!li) return;
  li.scrollIntoView({ block: "center" });
  document.querySelectorAll("li.connection.asked-for").forEach((el) => el.classList.remove("asked-for"));
  li.classList.add("asked-for");
  li.querySelector("button, summary")?.focus({ preventScroll: true });
  setTimeout(() => li.classList.remove("asked-for"), 4000);
}

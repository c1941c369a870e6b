// A provider's card, and one row per connected account.
import * as api from "../api.js";
import { GLYPH, h, healthText, localTime, messageOf } from "../dom.js";
import { t, ta } from "../i18n.js";
import { store } from "../store.js";
import { detailsPanel, forgetOpen } from "./details.js";
import { appCredentialsForm, credentialForm, optionalAsked, scopeChooser } from "./forms.js";
import { run, say, showNotice } from "./notices.js";

/** One account's row; registers its update function in `store.rows`. */
export function connectionItem(p, c) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const disconnect = h("button", { type: "button", "data-action": "disconnect" }, t("row-disconnect"));
  // Disconnect asks first, saying what will happen at the provider; Escape or Cancel keeps it.
  const yes = h("button", { type: "button", class: "danger", "data-action": "confirm-disconnect" }, t("disconnect-confirm"));
  const no = h("button", { type: "button", "data-action": "cancel-disconnect" }, t("disconnect-cancel"));
  const askId = `ask-disconnect-${c.id}`;
  const ask = h("div", { class: "confirm-disconnect", role: "alertdialog", hidden: true,
    "aria-label": ta("disconnect-ask", "aria-label", { provider: p.name, account: c.account }), "aria-describedby": askId },
  h("p", { id: askId }, disconnectQuestion(p, c)), yes, no);
  const asking = (on) => {
    ask.hidden = !on;
    disconnect.hidden = on;
    if (on) store.askingDisconnect.add(c.id); else store.askingDisconnect.delete(c.id);
  };
  const closeAsk = () => { asking(false); disconnect.focus(); };
  disconnect.addEventListener("click", () => {
    asking(true);
    no.focus();
    // Clicked just as the row was drawn anew (a refresh): ask in the row now on the page.
    if (!li.isConnected) document.querySelector(`li[data-connection="${CSS.escape(c.id)}"]`)?.askDisconnect?.();
  });
  // A row drawn anew (an automatic refresh) while the question is open keeps asking.
  if (store.askingDisconnect.has(c.id)) asking(true);
  no.addEventListener("click", closeAsk);
  ask.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); closeAsk(); } });
  yes.addEventListener("click", async () => {
    const done = await run(yes, error, () => api.disconnect(c.id));
    // What to do at the provider stays until read (the row it would sit beside is gone).
    if (done) {
      forgetOpen(c.id);
      showNotice({ level: "info", message: done.message, stay: true });
    }
    else closeAsk();
  });
  const refresh = h("button", { type: "button", "data-action": "refresh" }, t("row-refresh"));
  refresh.addEventListener("click", async () => {
    refresh.textContent = t("row-refreshing");
    const done = await run(refresh, error, () => api.refresh(c.id));
    refresh.textContent = t("row-refresh");
    // Beside the row (the row redraws with the new expiry: the card's, found again).
    if (done) {
      const said = t("row-refreshed", { provider: p.name, account: c.account, countdown: done.live.countdown });
      store.rowSaid.set(c.id, { text: said, at: Date.now() });
      const row = document.querySelector(`li[data-connection="${CSS.escape(c.id)}"] .row-feedback`);
      if (row) say(row, said);
    }
  });
  // Reconnect: the same sign-in again; the account keeps its place (and its history).
  const reconnect = h("button", { type: "button", class: "primary", "data-action": "reconnect" }, t("row-reconnect"));
  reconnect.addEventListener("click", async () => {
    if (p.method === "authorization_code") await run(reconnect, error, () => api.beginSignIn(p.id, optionalAsked(p, c), c.id));
    else {
      // The card's form, for this account: no "add another?" question for a Reconnect.
      const connect = document.querySelector(`[data-provider="${p.id}"] [data-action="connect"]`);
      if (connect) { connect.dataset.reconnecting = "1"; connect.click(); }
    }
  });
  const unlock = h("button", { type: "button", class: "primary", "data-action": "unlock" }, t("row-unlock"));
  unlock.addEventListener("click", () => run(unlock, error, () => api.unlockAndRetry()));

  // What the row's own buttons said (Refresh), kept a few seconds across a redraw of the row.
  const rowFeedback = h("p", { class: "row-feedback feedback", role: "status", hidden: true });
  const said = store.rowSaid.get(c.id);
  if (said && Date.now() - said.at < 8000) { rowFeedback.textContent = said.text; rowFeedback.hidden = false; }
  const countdown = h("time", { class: "expiry", tabindex: "0", "data-countdown": "" });
  // The countdown and its separator: hidden when it means nothing (Reconnect needed).
  const expiry = h("span", { class: "expiry-part" }, " · ", countdown);
  // Hotmart's label already names its environment ("Production · client ••••1a2b"), in
  // whichever language it was made (the core says so): not shown twice.
  const environment = t(c.environment === "sandbox" ? "row-sandbox" : "row-production");
  const showEnvironment = c.environment && !c.environment_named;
  const status = h("span", { class: "conn-status", "data-health": "" },
    h("span", { class: "glyph", "aria-hidden": "true" }), h("span", { class: "status-word" }));
  const details = detailsPanel(p, c);
  const li = h("li", { class: "connection", "data-connection": c.id },
    h("div", { class: "connection-row" },
      h("div", { class: "connection-main" },
        c.name && h("span", { class: "conn-name", translate: "no", dir: "auto" }, c.name),
        h("span", { class: "account", translate: "no", dir: "auto" }, c.account),
        h("span", { class: "connection-meta" }, status, expiry,
          showEnvironment && [" · ", environment],
          // Its provider's default among several (the core says so): the one its id alone picks.
          c.default_role === "default" && [" · ", h("span", { class: "default-mark", "data-default": "" }, t("row-default"))])),
      reconnect, unlock, refresh, disconnect),
    ask, error, rowFeedback, details.panel);
  // Each tick, but only what changed is touched (an idle row costs no style or layout work), and
  // a row scrolled out of view is brought up to date only when it comes back into view.
  let shown = null;
  let latest = c.live;
  const applyLive = (live) => {
    latest = live;
    if (!onScreen.has(li)) return;
    const words = healthText(live);
    const key = [live.health, words, live.countdown, live.expiry.kind, live.expiry.at, live.retry_at, live.refresh_before_copy].join("|");
    if (key === shown) return;
    shown = key;
    setIf(status.dataset, "health", live.health);
    setIf(status.querySelector(".glyph"), "textContent", GLYPH[live.health] || "•");
    setIf(status.querySelector(".status-word"), "textContent", words);
    setIf(countdown, "textContent", live.countdown);
    if (live.expiry.kind === "at") {
      attrIf(countdown, "datetime", new Date(live.expiry.at * 1000).toISOString());
      setIf(countdown.dataset, "absolute", t("row-expires-at", { time: localTime(live.expiry.at) }));
      attrIf(countdown, "aria-label", ta("row-countdown", "aria-label", { countdown: live.countdown, time: localTime(live.expiry.at) }));
    }
    setIf(reconnect, "hidden", live.health !== "reconnect_needed");
    setIf(expiry, "hidden", live.health === "reconnect_needed");
    setIf(unlock, "hidden", !["keychain_locked", "keychain_unavailable"].includes(live.health));
    setIf(refresh, "disabled", live.health === "refreshing");
    setIf(li.dataset, "health", live.health);
    // A row shows only its current problem: what a button of it failed with goes once the row
    // is healthy again (an unlock elsewhere, a refresh by the scheduler).
    if (HEALTHY.has(live.health) && !error.hidden) { error.textContent = ""; error.hidden = true; }
    details.applyLive(live);
  };
  li.showLatest = () => applyLive(latest);
  li.askDisconnect = () => { asking(true); no.focus(); };
  onScreen.add(li);
  applyLive(c.live);
  rowWatch.observe(li);
  store.rows.set(c.id, { account: c.account, applyLive });
  return li;
}

/** The healths in which a row has no problem to show. */
const HEALTHY = new Set(["connected", "expiring_soon"]);

/** What Disconnect will do, in the person's words: revoked at the provider, or what to do there. */
function disconnectQuestion(p, c) {
  const args = { provider: p.name, account: c.account, note: p.revoke_note };
  if (p.revokes) return t(p.revoke_note ? "disconnect-question-revokes-note" : "disconnect-question-revokes", args);
  return t(p.revoke_note ? "disconnect-question-keeps-note" : "disconnect-question-keeps", args);
}

/** The rows in (or near) view; a new row counts as shown until the watch says otherwise. */
const onScreen = new WeakSet();
const rowWatch = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    if (entry.isIntersecting) {
      onScreen.add(entry.target);
      entry.target.showLatest();
    } else {
      onScreen.delete(entry.target);
    }
  }
}, { rootMargin: "200px 0px" });

/** Stops watching the rows in `root` (about to be replaced). */
export function unwatchRows(root) {
  const rows = root.matches?.("li[data-connection]") ? [root] : root.querySelectorAll("li[data-connection]");
  for (const li of rows) rowWatch.unobserve(li);
}

/** Assigns `obj[prop] = value` only when it differs (no needless style or layout work). */
function setIf(obj, prop, value) {
  if (obj[prop] !== value) obj[prop] = value;
}

function attrIf(el, name, value) {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** How many accounts a card lists before "Show all": a long list costs its start-up only when asked for. */
export const FIRST_ROWS = 20;

/** A card's accounts: the first [FIRST_ROWS], and a button for the rest (remembered per card). */
function accountList(p) {
  const all = store.expanded.has(p.id) || p.connections.length <= FIRST_ROWS;
  const list = h("ul", { class: "connections", "aria-label": ta("card-accounts", "aria-label", { provider: p.name }) },
    (all ? p.connections : p.connections.slice(0, FIRST_ROWS)).map((c) => connectionItem(p, c)));
  if (all) return list;
  const more = h("button", { type: "button", class: "quiet", "data-action": "show-all" },
    t("card-show-all", { count: p.connections.length, provider: p.name }));
  more.addEventListener("click", () => {
    store.expanded.add(p.id);
    // The card as last loaded (reloads since this render may have replaced its connections).
    const card = store.cards?.find((known) => known.id === p.id) || p;
    const drawn = new Set([...list.querySelectorAll("li[data-connection]")].map((li) => li.dataset.connection));
    list.append(...card.connections.filter((c) => !drawn.has(c.id)).map((c) => connectionItem(card, c)));
    more.remove();
    list.children[FIRST_ROWS]?.querySelector("button, summary")?.focus();
    store.rowsAdded();
  });
  return h("div", { class: "account-list" }, list, more);
}

/** Sets a card's status badge: glyph and words, as the core ranked its connections. */
export function setCardStatus(badge, health, label) {
  if (badge.dataset.status === health && badge.dataset.label === label) return;
  badge.dataset.label = label;
  badge.dataset.status = health;
  badge.className = `status status-${health}`;
  badge.hidden = badge.closest("section")?.querySelectorAll("li.connection").length === 1;
  badge.replaceChildren(h("span", { class: "glyph", "aria-hidden": "true" }, GLYPH[health]), label);
}

/** A provider's card: its status, accounts, connect actions, inline forms and setup details. */
export function providerCard(p) {
  const titleId = `card-${p.id}-title`;
  const noteId = `card-${p.id}-note`;
  const note = h("p", { class: "card-note", id: noteId, hidden: true });
  const details = h("details", { class: "setup" },
    h("summary", {}, t("card-setup-details")),
    h("dl", {},
      p.redirect_uri && [h("dt", {}, t("card-redirect-uri")), h("dd", {}, h("code", { translate: "no" }, p.redirect_uri))],
      p.credentials_help && [h("dt", {}, t("card-credentials")), h("dd", {}, p.credentials_help)],
      p.other_methods.length > 0 && [h("dt", {}, t("card-also-supports")), h("dd", {}, p.other_methods.join(", "))],
      p.revoke_note && [h("dt", {}, t("card-disconnecting")), h("dd", {}, p.revoke_note)],
    ),
  );
  const formSlot = h("div", { class: "form-slot" });
  const error = h("p", { class: "form-error", role: "alert", hidden: true });

  // Connected, the rows' Refresh, Disconnect and Details lead: adding an account is quieter.
  const more = p.connections.length > 0;
  const connect = h("button", { type: "button", class: more ? "secondary" : "primary", "aria-describedby": noteId, "data-action": "connect" },
    more ? t("card-add-account") : t("card-connect"));
  // A provider already connected: adding a connection is asked about first, in the card.
  const askFirst = (button, go) => {
    const reconnecting = button.dataset.reconnecting;
    delete button.dataset.reconnecting;
    if (p.connections.length === 0 || reconnecting) return go();
    const close = () => { formSlot.replaceChildren(); button.focus(); };
    const yes = h("button", { type: "button", class: "primary", "data-action": "confirm-another" }, t("card-another-yes"));
    yes.addEventListener("click", () => { formSlot.replaceChildren(); go(); });
    const shown = p.connections.slice(0, 2).map((c) => c.name || c.account);
    const accounts = p.connections.length > 2 ? t("card-another-accounts", { first: shown.join(", "), count: p.connections.length - 2 }) : shown.join(", ");
    const question = h("div", { class: "confirm confirm-another", role: "group", "aria-label": ta("card-another", "aria-label", { provider: p.name }) },
      h("p", {}, t("card-another-question", { provider: p.name, accounts })),
      h("div", { class: "actions" }, yes, h("button", { type: "button", "data-action": "cancel-another", onclick: close }, t("card-cancel"))));
    question.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); close(); } });
    formSlot.replaceChildren(question);
    yes.focus();
  };
  connect.addEventListener("click", () => askFirst(connect, async () => {
    // A form that closes (sent or cancelled) gives the focus back to the button that opened it,
    // never to the page's body.
    if (p.method !== "authorization_code") {
      const close = () => { formSlot.replaceChildren(); connect.hidden = false; connect.focus(); };
      formSlot.replaceChildren(credentialForm(p, close));
      connect.hidden = true;
      formSlot.querySelector("input")?.focus();
      return;
    }
    if (!p.credentials_ready) {
      const close = () => { formSlot.replaceChildren(); connect.hidden = false; connect.focus(); };
      formSlot.replaceChildren(appCredentialsForm(p, close));
      connect.hidden = true;
      formSlot.querySelector("input")?.focus();
      return;
    }
    if (p.optional_scopes.length > 0) {
      const close = () => { formSlot.replaceChildren(); connect.hidden = false; connect.focus(); };
      formSlot.replaceChildren(scopeChooser(p, [], close));
      connect.hidden = true;
      formSlot.querySelector("input:not(:disabled)")?.focus();
      return;
    }
    await run(connect, error, () => api.beginSignIn(p.id));
  }));

  // The browser sign-in of the source texts, where it is not the default (Hotmart, WhatConverts),
  // and one line saying how the two ways differ.
  const alternative = p.alternative_sign_in && h("button", { type: "button", class: "quiet", "data-action": "alternative" }, p.alternative_sign_in);
  alternative?.addEventListener("click", () => askFirst(alternative, async () => {
    if (!p.alternative_ready) {
      const close = () => { formSlot.replaceChildren(); alternative.focus(); };
      formSlot.replaceChildren(appCredentialsForm(p, close));
      formSlot.querySelector("input")?.focus();
      return;
    }
    await run(alternative, error, () => api.beginSignIn(p.id));
  }));
  const twoWays = alternative && h("p", { class: "hint two-ways" },
    t("card-two-ways", { provider: p.name, usual: p.summary, alternative: p.alternative_sign_in }));

  const developer = p.developer_url && h("button", {
    type: "button", class: "quiet",
    onclick: () => api.openDeveloperPage(p.id).catch((e) => showNotice({ level: "warning", message: messageOf(e) })),
  }, t("card-developer-page"));

  const waiting = p.waiting && h("div", { class: "waiting", role: "status" },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    h("span", {}, t("card-waiting")),
    h("button", { type: "button", onclick: (ev) => run(ev.currentTarget, error, () => api.cancelSignIn(p.id)) }, t("card-cancel")));

  return h("section", { class: "card", "aria-labelledby": titleId, "data-provider": p.id, style: { "--accent": p.accent } },
    h("div", { class: "card-head" },
      h("span", { class: "monogram", "aria-hidden": "true", translate: "no" }, p.name.charAt(0)),
      h("div", { class: "card-title" },
        h("h2", { id: titleId, translate: "no" }, p.name),
        h("p", { class: "summary" }, p.summary),
        p.method === "authorization_code" && !p.credentials_ready &&
          h("p", { class: "hint" }, t("card-needs-credentials", { provider: p.name })),
      ),
      // With one connection its row says the same: the card does not say it twice.
      h("span", { class: `status status-${p.status}`, "data-status": p.status, hidden: p.connections.length === 1 },
        h("span", { class: "glyph", "aria-hidden": "true" }, GLYPH[p.status] || "•"),
        p.status_label),
    ),
    p.connections.length > 0 && accountList(p),
    note,
    waiting || h("div", { class: "actions" }, connect, alternative, developer),
    !waiting && twoWays,
    error,
    formSlot,
    details,
  );
}

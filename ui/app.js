// Plugboard's page: renders the provider cards the Rust side describes and shows its notices.
// No framework: a handful of cards. Everything from Rust is inserted as text, never as HTML.
"use strict";

const tauri = window.__TAURI__;
const invoke = (cmd, args) => tauri.core.invoke(cmd, args);

/** Creates an element with attributes and children (strings become text nodes). */
function h(tag, attrs = {}, ...children) {
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
function messageOf(err) {
  if (err && typeof err === "object" && typeof err.message === "string") return err.message;
  return "Something went wrong inside Plugboard. Restart it, and copy the diagnostics if it happens again.";
}

/** One glyph per status or health code, beside its words (never colour alone). */
const GLYPH = {
  not_connected: "○", connected: "●", expiring_soon: "◔", refreshing: "↻", temporary_problem: "⚠",
  reconnect_needed: "✕", keychain_locked: "🔒", keychain_unavailable: "!",
};

/** Most urgent first: what a card shows when its connections differ. */
const SEVERITY = ["keychain_unavailable", "keychain_locked", "reconnect_needed", "temporary_problem", "expiring_soon", "refreshing", "connected"];

/** The local clock time of Unix seconds, "14:05". */
const clockTime = (unix) => new Date(unix * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
/** The local date and time of Unix seconds, for hover/focus and the details panel. */
const localTime = (unix) => (unix ? new Date(unix * 1000).toLocaleString() : "—");

/** The words of a live status: the core's label, with the retry time in local time. */
function healthText(live) {
  if (live.health === "temporary_problem" && live.retry_at) return `Temporary problem — retrying at ${clockTime(live.retry_at)}`;
  return live.label;
}

/** Runs a command for a form or button: disables it while running, shows the error in `errorEl`. */
async function run(control, errorEl, work) {
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

function field(id, label, { type = "text", autocomplete = "off", value = "" } = {}) {
  return h("label", { class: "field" }, h("span", {}, label),
    h("input", { id, name: id, type, autocomplete, spellcheck: "false", value, required: true }));
}

/** The inline form for API-key and client-credentials methods. */
function credentialForm(p, close) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, p.method === "api_key" ? "Save and connect" : "Connect");
  const inputs = p.method === "api_key"
    ? p.key_fields.map((f) => field(`${p.id}-${f.id}`, f.label, { type: f.secret ? "password" : "text" }))
    : [field(`${p.id}-client-id`, "Client ID"), field(`${p.id}-client-secret`, "Client secret", { type: "password" }),
      h("label", { class: "field" }, h("span", {}, "Basic token (optional: checked against the two above)"),
        h("input", { id: `${p.id}-basic`, name: `${p.id}-basic`, type: "password", autocomplete: "off", spellcheck: "false" }))];
  const env = p.environments.length > 0 && h("label", { class: "field" }, h("span", {}, "Environment"),
    h("select", { id: `${p.id}-environment` }, p.environments.map(([id, label]) => h("option", { value: id }, label))));
  const form = h("form", { class: "connect-form", "aria-label": `Connect ${p.name}` },
    inputs, env, error,
    h("div", { class: "actions" }, submit, h("button", { type: "button", onclick: close }, "Cancel")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const value = (id) => form.querySelector(`#${CSS.escape(id)}`).value;
    const done = await run(submit, error, () => p.method === "api_key"
      ? invoke("connect_api_key", { provider: p.id, fields: Object.fromEntries(p.key_fields.map((f) => [f.id, value(`${p.id}-${f.id}`)])) })
      : invoke("connect_client_credentials", {
        provider: p.id, clientId: value(`${p.id}-client-id`), clientSecret: value(`${p.id}-client-secret`),
        environment: p.environments.length > 0 ? value(`${p.id}-environment`) : null,
        basicToken: value(`${p.id}-basic`) || null,
      }));
    if (done) {
      form.reset();
      showNotice({ level: "success", message: `Connected to ${p.name} as ${done.account}.` });
    }
  });
  return form;
}

/** Settings for a provider's OAuth app: the client id, and the secret (stored in the keychain). */
function appCredentialsForm(p, close) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, "Save credentials");
  const form = h("form", { class: "connect-form", "aria-label": `${p.name} app credentials` },
    h("p", { class: "form-intro" }, p.public_client
      ? `${p.name} needs its app's client ID before you can sign in (a public app: no secret). `
      : `${p.name} needs app credentials before you can sign in. `, p.credentials_help || ""),
    field(`${p.id}-app-client-id`, "Client ID"),
    !p.public_client && field(`${p.id}-app-client-secret`, "Client secret", { type: "password" }),
    p.redirect_uri && h("p", { class: "form-intro" }, "Register this redirect URI with the app: ", h("code", {}, p.redirect_uri)),
    error,
    h("div", { class: "actions" }, submit, h("button", { type: "button", onclick: close }, "Cancel")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const value = (id) => form.querySelector(`#${CSS.escape(id)}`)?.value ?? "";
    const saved = await run(submit, error, () => invoke("save_app_credentials", {
      provider: p.id, clientId: value(`${p.id}-app-client-id`), clientSecret: value(`${p.id}-app-client-secret`),
    }).then(() => true));
    if (saved) showNotice({ level: "success", message: p.public_client
      ? `Saved the ${p.name} client ID.`
      : `Saved the ${p.name} app credentials. The secret is in your keychain.` });
  });
  return form;
}

function connectionItem(p, c) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const disconnect = h("button", { type: "button", "data-action": "disconnect" }, "Disconnect");
  disconnect.addEventListener("click", async () => {
    const done = await run(disconnect, error, () => invoke("disconnect", { id: c.id }));
    if (done) showNotice({ level: "info", message: done.message });
  });
  const refresh = h("button", { type: "button", "data-action": "refresh" }, "Refresh");
  refresh.addEventListener("click", async () => {
    refresh.textContent = "Refreshing…";
    const done = await run(refresh, error, () => invoke("refresh", { id: c.id }));
    refresh.textContent = "Refresh";
    if (done) showNotice({ level: "success", message: `Refreshed ${p.name} (${c.account}). ${done.live.countdown}.` });
  });
  // Reconnect: the same sign-in again; the account keeps its place (and its history).
  const reconnect = h("button", { type: "button", class: "primary", "data-action": "reconnect" }, "Reconnect");
  reconnect.addEventListener("click", async () => {
    if (p.method === "authorization_code") await run(reconnect, error, () => invoke("begin_sign_in", { provider: p.id }));
    else document.querySelector(`[data-provider="${p.id}"] [data-action="connect"]`)?.click();
  });
  const unlock = h("button", { type: "button", class: "primary", "data-action": "unlock" }, "Unlock and retry");
  unlock.addEventListener("click", () => run(unlock, error, () => invoke("unlock_and_retry")));

  const countdown = h("time", { class: "expiry", tabindex: "0", "data-countdown": "" });
  const status = h("span", { class: "conn-status", "data-health": "" },
    h("span", { class: "glyph", "aria-hidden": "true" }), h("span", { class: "status-word" }));
  const details = detailsPanel(p, c);
  const li = h("li", { class: "connection", "data-connection": c.id },
    h("div", { class: "connection-row" },
      h("div", { class: "connection-main" },
        h("span", { class: "account" }, c.account),
        h("span", { class: "connection-meta" }, status, " · ", countdown,
          c.environment && [" · ", c.environment === "sandbox" ? "Sandbox" : "Production"])),
      reconnect, unlock, refresh, disconnect),
    error, details);
  li.applyLive = (live) => {
    status.dataset.health = live.health;
    status.querySelector(".glyph").textContent = GLYPH[live.health] || "•";
    status.querySelector(".status-word").textContent = healthText(live);
    countdown.textContent = live.countdown;
    if (live.expiry.kind === "at") {
      countdown.setAttribute("datetime", new Date(live.expiry.at * 1000).toISOString());
      countdown.dataset.absolute = `Expires ${localTime(live.expiry.at)}`;
      countdown.setAttribute("aria-label", `${live.countdown} (${localTime(live.expiry.at)})`);
    }
    reconnect.hidden = live.health !== "reconnect_needed";
    unlock.hidden = !["keychain_locked", "keychain_unavailable"].includes(live.health);
    refresh.disabled = live.health === "refreshing";
    li.dataset.health = live.health;
    details.applyLive?.(live);
  };
  li.applyLive(c.live);
  return li;
}

const openDetails = new Set();

/** The details panel: who, what, when, the last error, the timeline, and the token for developers. */
function detailsPanel(p, c) {
  const body = h("div", { class: "details-body" }, h("p", {}, "Loading…"));
  const panel = h("details", { class: "conn-details" }, h("summary", {}, "Details"), body);
  let copyAccess;
  let latest = c.live;
  panel.applyLive = (live) => {
    latest = live;
    if (copyAccess) copyAccess.textContent = live.refresh_before_copy ? "Refresh & copy" : "Copy access token";
  };
  const load = async () => {
    let d;
    try {
      d = await invoke("connection_details", { id: c.id });
    } catch (e) {
      body.replaceChildren(h("p", { class: "form-error", role: "alert" }, messageOf(e)));
      return;
    }
    const conn = d.connection;
    const feedback = h("p", { class: "copy-feedback", role: "status" });
    const copy = (form, label, refreshFirst = () => false) => {
      const b = h("button", { type: "button", "data-copy": form }, label);
      b.addEventListener("click", async () => {
        const done = await run(b, feedback, () => invoke("copy_token", { id: c.id, form, refreshFirst: refreshFirst() }));
        if (done) feedback.textContent = done.message;
      });
      return b;
    };
    const tokenValue = h("code", { class: "token", "data-token": "" }, d.token_masked || "—");
    const reveal = h("button", { type: "button", "aria-pressed": "false", "data-action": "reveal" }, "Reveal");
    reveal.addEventListener("click", async () => {
      if (reveal.getAttribute("aria-pressed") === "true") {
        tokenValue.textContent = d.token_masked;
        reveal.setAttribute("aria-pressed", "false");
        reveal.textContent = "Reveal";
        return;
      }
      const full = await run(reveal, feedback, () => invoke("reveal_token", { id: c.id }));
      if (full !== undefined) {
        tokenValue.textContent = full;
        reveal.setAttribute("aria-pressed", "true");
        reveal.textContent = "Hide";
      }
    });
    copyAccess = copy("access", "Copy access token", () => latest.refresh_before_copy);
    panel.applyLive(latest);
    // The refresh token grants lasting access: behind an explicit confirmation.
    const confirmBox = h("div", { class: "confirm", hidden: true, role: "group", "aria-label": "Confirm copying the refresh token" },
      h("p", {}, "The refresh token gives lasting access to this account. Anyone holding it can get new tokens. Copy it anyway?"),
      copy("refresh", "Yes, copy refresh token"),
      h("button", { type: "button", onclick: () => { confirmBox.hidden = true; } }, "Cancel"));
    const askRefresh = d.has_refresh_token && h("button", { type: "button", class: "quiet", "data-action": "ask-refresh-token",
      onclick: () => { confirmBox.hidden = false; confirmBox.querySelector("button").focus(); } }, "Copy refresh token…");
    const granted = conn.scopes.length ? conn.scopes.join(" ") : "—";
    const rows = [
      ["Provider", d.provider_name], ["Method", d.method_label], ["Account", conn.account],
      ["Scopes granted", granted],
      conn.scopes_missing.length > 0 && ["Requested, not granted", conn.scopes_missing.join(" ")],
      conn.environment && ["Environment", conn.environment === "sandbox" ? "Sandbox" : "Production"],
      ["Obtained", localTime(conn.obtained_at)],
      ["Last refreshed", conn.refreshed_at ? localTime(conn.refreshed_at) : "Not yet"],
      ["Last error", conn.last_error ? `${conn.last_error.code}: ${conn.last_error.message} (${localTime(conn.last_error.at)})` : "None"],
    ].filter(Boolean);
    const EVENT_WORDS = { connected: "Connected", refreshed: "Refreshed", refresh_failed: "Refresh failed", reconnect_needed: "Reconnect needed", reconnected: "Reconnected", disconnected: "Disconnected" };
    body.replaceChildren(
      h("dl", { class: "details-list" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
      h("div", { class: "token-box" },
        h("span", { class: "token-label" }, "Access token"),
        d.token_masked ? [tokenValue, reveal] : h("span", {}, d.token_problem || "Not available"),
        d.token_masked && h("div", { class: "actions" }, copyAccess, copy("header", "Copy as header"),
          d.has_curl && copy("curl", "Copy as curl"), askRefresh),
        confirmBox, feedback),
      h("h3", { class: "timeline-title" }, "Recent events"),
      h("ol", { class: "timeline", "aria-label": "Recent events, newest first" },
        d.events.length === 0 ? h("li", {}, "None yet") : d.events.map((e) => h("li", { "data-event": e.kind },
          h("time", { datetime: new Date(e.at * 1000).toISOString() }, localTime(e.at)), " ",
          EVENT_WORDS[e.kind] || e.kind, e.code ? ` (${e.code})` : ""))));
  };
  panel.addEventListener("toggle", () => {
    if (panel.open) { openDetails.add(c.id); load(); } else openDetails.delete(c.id);
  });
  if (openDetails.has(c.id)) panel.open = true;
  return panel;
}

function providerCard(p) {
  const titleId = `card-${p.id}-title`;
  const noteId = `card-${p.id}-note`;
  const note = h("p", { class: "card-note", id: noteId, hidden: true });
  const details = h("details", { class: "setup" },
    h("summary", {}, "Setup details"),
    h("dl", {},
      p.redirect_uri && [h("dt", {}, "Redirect URI to register"), h("dd", {}, h("code", {}, p.redirect_uri))],
      p.credentials_help && [h("dt", {}, "Credentials"), h("dd", {}, p.credentials_help)],
      p.other_methods.length > 0 && [h("dt", {}, "Also supports"), h("dd", {}, p.other_methods.join(", "))],
      p.revoke_note && [h("dt", {}, "Disconnecting"), h("dd", {}, p.revoke_note)],
    ),
  );
  const formSlot = h("div", { class: "form-slot" });
  const error = h("p", { class: "form-error", role: "alert", hidden: true });

  const connectLabel = p.connections.length > 0 ? "Add another account" : "Connect";
  const connect = h("button", { type: "button", class: "primary", "aria-describedby": noteId, "data-action": "connect" }, connectLabel);
  connect.addEventListener("click", async () => {
    if (p.method !== "authorization_code") {
      const close = () => { formSlot.replaceChildren(); connect.hidden = false; };
      formSlot.replaceChildren(credentialForm(p, close));
      connect.hidden = true;
      formSlot.querySelector("input")?.focus();
      return;
    }
    if (!p.credentials_ready) {
      const close = () => { formSlot.replaceChildren(); connect.hidden = false; };
      formSlot.replaceChildren(appCredentialsForm(p, close));
      connect.hidden = true;
      formSlot.querySelector("input")?.focus();
      return;
    }
    await run(connect, error, () => invoke("begin_sign_in", { provider: p.id }));
  });

  // The browser sign-in of the source texts, where it is not the default (Hotmart, WhatConverts).
  const alternative = p.alternative_sign_in && h("button", { type: "button", class: "quiet" }, p.alternative_sign_in);
  alternative?.addEventListener("click", async () => {
    if (!p.alternative_ready) {
      const close = () => { formSlot.replaceChildren(); };
      formSlot.replaceChildren(appCredentialsForm(p, close));
      formSlot.querySelector("input")?.focus();
      return;
    }
    await run(alternative, error, () => invoke("begin_sign_in", { provider: p.id }));
  });

  const developer = p.developer_url && h("button", {
    type: "button", class: "quiet",
    onclick: () => invoke("open_developer_page", { provider: p.id }).catch((e) => showNotice({ level: "warning", message: messageOf(e) })),
  }, "Developer page");

  const waiting = p.waiting && h("div", { class: "waiting", role: "status" },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    h("span", {}, "Waiting for your browser…"),
    h("button", { type: "button", onclick: (ev) => run(ev.currentTarget, error, () => invoke("cancel_sign_in", { provider: p.id })) }, "Cancel"));

  return h("section", { class: "card", "aria-labelledby": titleId, "data-provider": p.id, style: { "--accent": p.accent } },
    h("div", { class: "card-head" },
      h("span", { class: "monogram", "aria-hidden": "true" }, p.name.charAt(0)),
      h("div", { class: "card-title" },
        h("h2", { id: titleId }, p.name),
        h("p", { class: "summary" }, p.summary),
        p.method === "authorization_code" && !p.credentials_ready &&
          h("p", { class: "hint" }, "Needs app credentials first"),
      ),
      h("span", { class: `status status-${p.status}`, "data-status": p.status },
        h("span", { class: "glyph", "aria-hidden": "true" }, GLYPH[p.status] || "•"),
        p.status_label),
    ),
    p.connections.length > 0 && h("ul", { class: "connections", "aria-label": `${p.name} accounts` }, p.connections.map((c) => connectionItem(p, c))),
    note,
    waiting || h("div", { class: "actions" }, connect, alternative, developer),
    error,
    formSlot,
    details,
  );
}

const shownNotices = new Set();
function showNotice(notice) {
  if (notice.id !== undefined) {
    if (shownNotices.has(notice.id)) return;
    shownNotices.add(notice.id);
  }
  const box = document.getElementById("notices");
  const el = h("div", { class: `notice ${notice.level}`, "data-notice": notice.level },
    h("span", { class: "icon", "aria-hidden": "true" }, { warning: "!", success: "✓" }[notice.level] || "i"),
    h("p", {}, notice.message),
    h("button", { type: "button", class: "dismiss", "aria-label": "Dismiss", onclick: () => el.remove() }, "×"),
  );
  box.append(el);
}

/** What was rendered last, without the live parts the tick updates in place. */
let renderedKey = null;

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

async function loadProviders() {
  const main = document.getElementById("providers");
  try {
    const cards = await invoke("list_providers");
    const key = JSON.stringify(cards, (k, v) => (k === "live" ? undefined : v));
    if (key === renderedKey) return;
    renderedKey = key;
    const focus = focusPath();
    main.replaceChildren(...cards.map(providerCard));
    if (focus?.inner) document.querySelector(`${focus.scope} ${focus.inner}`)?.focus();
    tick();
  } catch (e) {
    main.replaceChildren(h("p", { class: "load-error", role: "alert" }, messageOf(e)));
  } finally {
    main.setAttribute("aria-busy", "false");
  }
}

async function loadInfo() {
  try {
    const info = await invoke("app_info");
    document.getElementById("version").textContent = `Plugboard ${info.version}`;
    const keychain = { ready: "Keychain: ready", locked: "Keychain: locked", unavailable: "Keychain: unavailable" };
    document.getElementById("keychain-status").textContent = keychain[info.keychain] || "Keychain: unknown";
    if (info.keychain_message) showNotice({ level: "warning", message: info.keychain_message });
    if (info.demo) {
      document.getElementById("demo-badge").hidden = false;
      document.getElementById("demo-badge").title = `Demo mode: providers are simulated at ${info.demo}`;
    }
    const diagnostics = document.getElementById("copy-diagnostics");
    diagnostics.onclick = async () => {
      const done = await run(diagnostics, null, () => invoke("copy_diagnostics"));
      if (done) showNotice({ level: "success", message: done.message });
    };
    document.getElementById("scheme-status").textContent = info.scheme_registered
      ? "Sign-in links: ready"
      : "Sign-in links: not registered with this desktop";
  } catch (e) {
    showNotice({ level: "warning", message: messageOf(e) });
  }
}

/** What the screen reader heard last, per connection: announce only real changes. */
const announced = new Map();
function announce(text) {
  const region = document.getElementById("announcer");
  region.textContent = "";
  // A fresh text node, so the same words twice are still announced.
  setTimeout(() => { region.textContent = text; }, 50);
}

let ticking = false;
async function tick() {
  if (ticking) return;
  ticking = true;
  try {
    const all = await invoke("live");
    // A connection made or removed elsewhere (`plugboard connect` in a shell) shows within a tick.
    const shown = new Set([...document.querySelectorAll("li[data-connection]")].map((li) => li.dataset.connection));
    if (all.length !== shown.size || all.some((live) => !shown.has(live.id))) {
      await loadProviders();
      return;
    }
    for (const live of all) {
      const li = document.querySelector(`li[data-connection="${live.id}"]`);
      if (!li || !li.applyLive) continue;
      li.applyLive(live);
      const account = li.querySelector(".account")?.textContent || "";
      const before = announced.get(live.id);
      const now = { health: live.health, milestone: live.milestone };
      if (before && (before.health !== now.health || before.milestone !== now.milestone)) {
        const words = before.health !== now.health ? healthText(live)
          : { five_minutes: "expires in 5 minutes", one_minute: "expires in 1 minute", expired: "has expired" }[now.milestone];
        if (words) announce(`${account}: ${words}`);
      }
      announced.set(live.id, now);
    }
    // A card's own status follows its most urgent connection, in the core's words.
    const byId = new Map(all.map((live) => [live.id, live]));
    for (const card of document.querySelectorAll("section[data-provider]")) {
      const lives = [...card.querySelectorAll("li[data-connection]")].map((li) => byId.get(li.dataset.connection)).filter(Boolean);
      const worst = SEVERITY.map((health) => lives.find((live) => live.health === health)).find(Boolean);
      const badge = card.querySelector(".card-head .status");
      if (!worst || !badge) continue;
      badge.dataset.status = worst.health;
      badge.className = `status status-${worst.health}`;
      badge.replaceChildren(h("span", { class: "glyph", "aria-hidden": "true" }, GLYPH[worst.health]), worst.label);
    }
  } catch (e) {
    // The next tick tries again; a failing keychain or index shows through list_providers.
  } finally {
    ticking = false;
  }
}

async function start() {
  // Listen before fetching queued notices, so none falls between the two.
  await tauri.event.listen("plugboard://notice", (event) => showNotice(event.payload));
  await tauri.event.listen("plugboard://changed", () => loadProviders());
  // Once a second: the core's countdown and status for every connection (recomputed from the
  // stored expiry and the wall clock, so a machine that slept shows the truth at once).
  setInterval(tick, 1000);
  for (const notice of await invoke("take_notices")) showNotice(notice);
  await Promise.all([loadProviders(), loadInfo()]);
}

start().catch((e) => showNotice({ level: "warning", message: messageOf(e) }));

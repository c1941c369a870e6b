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
  for (const child of children.flat()) {
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

const STATUS_GLYPH = { not_connected: "○", connected: "●", keychain_locked: "🔒", keychain_unavailable: "!" };

/** "Expires in 29 min", "Expires in 1 d 23 h", "Does not expire": from the absolute expiry. */
function expiryText(expiresAt, nowSeconds = Date.now() / 1000) {
  if (expiresAt === null || expiresAt === undefined) return "Does not expire";
  const left = Math.round(expiresAt - nowSeconds);
  if (left <= 0) return "Expired";
  const d = Math.floor(left / 86400), h = Math.floor((left % 86400) / 3600), m = Math.floor((left % 3600) / 60);
  if (d > 0) return `Expires in ${d} d ${h} h`;
  if (h > 0) return `Expires in ${h} h ${m} min`;
  if (m > 0) return `Expires in ${m} min`;
  return `Expires in ${left} s`;
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
    h("p", { class: "form-intro" }, `${p.name} needs app credentials before you can sign in. `, p.credentials_help || ""),
    field(`${p.id}-app-client-id`, "Client ID"),
    field(`${p.id}-app-client-secret`, "Client secret", { type: "password" }),
    p.redirect_uri && h("p", { class: "form-intro" }, "Register this redirect URI with the app: ", h("code", {}, p.redirect_uri)),
    error,
    h("div", { class: "actions" }, submit, h("button", { type: "button", onclick: close }, "Cancel")));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const value = (id) => form.querySelector(`#${CSS.escape(id)}`).value;
    const saved = await run(submit, error, () => invoke("save_app_credentials", {
      provider: p.id, clientId: value(`${p.id}-app-client-id`), clientSecret: value(`${p.id}-app-client-secret`),
    }).then(() => true));
    if (saved) showNotice({ level: "success", message: `Saved the ${p.name} app credentials. The secret is in your keychain.` });
  });
  return form;
}

function connectionItem(p, c) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const disconnect = h("button", { type: "button" }, "Disconnect");
  disconnect.addEventListener("click", async () => {
    const done = await run(disconnect, error, () => invoke("disconnect", { id: c.id }));
    if (done) showNotice({ level: "info", message: done.message });
  });
  const refresh = h("button", { type: "button" }, "Refresh");
  refresh.addEventListener("click", async () => {
    refresh.textContent = "Refreshing…";
    const done = await run(refresh, error, () => invoke("refresh", { id: c.id }));
    refresh.textContent = "Refresh";
    if (done) showNotice({ level: "success", message: `Refreshed ${p.name} (${c.account}). ${expiryText(done.expires_at)}.` });
  });
  const expiry = h("span", { class: "expiry", "data-expires-at": c.expires_at ?? "" }, expiryText(c.expires_at));
  if (c.expires_at) expiry.title = new Date(c.expires_at * 1000).toLocaleString();
  return h("li", { class: "connection", "data-connection": c.id },
    h("div", { class: "connection-main" },
      h("span", { class: "account" }, c.account),
      h("span", { class: "connection-meta" },
        h("span", { class: "status-word" }, "Connected"), " · ", expiry,
        c.environment && [" · ", c.environment === "sandbox" ? "Sandbox" : "Production"])),
    refresh, disconnect, error);
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
  const connect = h("button", { type: "button", class: "primary", "aria-describedby": noteId }, connectLabel);
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
        h("span", { class: "glyph", "aria-hidden": "true" }, STATUS_GLYPH[p.status] || "•"),
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

async function loadProviders() {
  const main = document.getElementById("providers");
  try {
    const cards = await invoke("list_providers");
    main.replaceChildren(...cards.map(providerCard));
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
    document.getElementById("scheme-status").textContent = info.scheme_registered
      ? "Sign-in links: ready"
      : "Sign-in links: not registered with this desktop";
  } catch (e) {
    showNotice({ level: "warning", message: messageOf(e) });
  }
}

async function start() {
  // Listen before fetching queued notices, so none falls between the two.
  await tauri.event.listen("plugboard://notice", (event) => showNotice(event.payload));
  await tauri.event.listen("plugboard://changed", () => loadProviders());
  // Countdowns: recomputed from the absolute expiry each tick, so a sleeping machine shows the truth.
  setInterval(() => {
    for (const el of document.querySelectorAll("[data-expires-at]")) {
      if (el.dataset.expiresAt) el.textContent = expiryText(Number(el.dataset.expiresAt));
    }
  }, 1000);
  for (const notice of await invoke("take_notices")) showNotice(notice);
  await Promise.all([loadProviders(), loadInfo()]);
}

start().catch((e) => showNotice({ level: "warning", message: messageOf(e) }));

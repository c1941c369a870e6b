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

  const connect = h("button", {
    type: "button", class: "primary", "aria-describedby": noteId,
    onclick: () => {
      // Connecting arrives with the connect flows; until then say so plainly and show the setup.
      note.textContent = `Connecting to ${p.name} isn't available in this version yet. ` +
        "The setup details below show what you'll need.";
      note.hidden = false;
      details.open = true;
    },
  }, "Connect");

  const developer = p.developer_url && h("button", {
    type: "button", class: "quiet",
    onclick: () => invoke("open_developer_page", { provider: p.id }).catch((e) => showNotice({ level: "warning", message: messageOf(e) })),
  }, "Developer page");

  return h("section", { class: "card", "aria-labelledby": titleId, "data-provider": p.id, style: { "--accent": p.accent } },
    h("div", { class: "card-head" },
      h("span", { class: "monogram", "aria-hidden": "true" }, p.name.charAt(0)),
      h("div", { class: "card-title" },
        h("h2", { id: titleId }, p.name),
        h("p", { class: "summary" }, p.summary),
      ),
      h("span", { class: `status status-${p.status}`, "data-status": p.status },
        h("span", { class: "glyph", "aria-hidden": "true" }, STATUS_GLYPH[p.status] || "•"),
        p.status_label),
    ),
    note,
    h("div", { class: "actions" }, connect, developer),
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
    h("span", { class: "icon", "aria-hidden": "true" }, notice.level === "warning" ? "!" : "i"),
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
  for (const notice of await invoke("take_notices")) showNotice(notice);
  await Promise.all([loadProviders(), loadInfo()]);
}

start().catch((e) => showNotice({ level: "warning", message: messageOf(e) }));

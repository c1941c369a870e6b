// The inline forms of a card: credentials to connect with, and a provider's OAuth app credentials.
import * as api from "../api.js";
import { h, messageOf } from "../dom.js";
import { t, ta } from "../i18n.js";
import { run, showNotice } from "./notices.js";
import { store } from "../store.js";

function field(id, label, { type = "text", autocomplete = "off", value = "", demo = false } = {}) {
  // Demo mode fills some fields in on the Rust side: shown as filled, sent empty, never required.
  const attrs = demo
    ? { placeholder: t("form-demo-filled"), "data-demo-filled": "" }
    : { required: true };
  return h("label", { class: "field" }, h("span", {}, label),
    h("input", { id, name: id, type, autocomplete, spellcheck: "false", value, ...attrs }));
}

/** The inline form for API-key and client-credentials methods. */
export function credentialForm(p, close) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, p.method === "api_key" ? t("form-save-and-connect") : t("form-connect"));
  const filled = new Set(store.demoFilled[p.id] || []);
  const inputs = p.method === "api_key"
    ? p.key_fields.map((f) => field(`${p.id}-${f.id}`, f.label, { type: f.secret ? "password" : "text", demo: filled.has(f.id) }))
    : [field(`${p.id}-client-id`, t("form-client-id"), { demo: filled.has("client-id") }),
      field(`${p.id}-client-secret`, t("form-client-secret"), { type: "password", demo: filled.has("client-secret") }),
      h("label", { class: "field" }, h("span", {}, t("form-basic-token")),
        h("input", { id: `${p.id}-basic`, name: `${p.id}-basic`, type: "password", autocomplete: "off", spellcheck: "false" }))];
  const env = p.environments.length > 0 && h("label", { class: "field" }, h("span", {}, t("form-environment")),
    h("select", { id: `${p.id}-environment` }, p.environments.map(([id, label]) => h("option", { value: id }, label))));
  const form = h("form", { class: "connect-form", "aria-label": ta("form-connect-form", "aria-label", { provider: p.name }) },
    inputs, env, error,
    h("div", { class: "actions" }, submit, h("button", { type: "button", "data-action": "cancel-form", onclick: close }, t("form-cancel"))));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const value = (id) => form.querySelector(`#${CSS.escape(id)}`).value;
    const done = await run(submit, error, () => p.method === "api_key"
      ? api.connectApiKey(p.id, Object.fromEntries(p.key_fields.map((f) => [f.id, value(`${p.id}-${f.id}`)])))
      : api.connectClientCredentials({
        provider: p.id, clientId: value(`${p.id}-client-id`), clientSecret: value(`${p.id}-client-secret`),
        environment: p.environments.length > 0 ? value(`${p.id}-environment`) : null,
        basicToken: value(`${p.id}-basic`) || null,
      }));
    if (done) {
      form.reset();
      // The same key or client as a connection already here renews that one: said so.
      const again = done.connected_at < done.obtained_at;
      showNotice({ level: "success", message: t(again ? "form-connected-again" : "form-connected", { provider: p.name, account: done.account }) });
      // Done: the form closes, and the focus goes back to the card's Connect (kept there when
      // the card is drawn anew with the new connection).
      close();
    }
  });
  return form;
}

/**
 * A provider's OAuth app credentials: the client id, and the secret (stored in the keychain). On
 * Connect it is a guided setup: the provider's numbered steps, the redirect URI with a Copy
 * button, the scopes to add, then the fields; saving starts the sign-in at once. From Settings
 * (`signInAfter: false`) it saves only.
 */
export function appCredentialsForm(p, close, { signInAfter = true } = {}) {
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, signInAfter ? t("form-save-and-sign-in") : t("form-save-credentials"));
  const copyUri = p.redirect_uri
    ? h("button", { type: "button", class: "quiet", "data-action": "copy-redirect-uri" }, t("form-copy"))
    : null;
  // Shown by `hidden`, not by `:empty` styling (WebKitGTK does not restyle a span filled later).
  const copied = h("span", { class: "copied", role: "status", hidden: true });
  copyUri?.addEventListener("click", async () => {
    const done = await run(copyUri, error, () => api.copyRedirectUri(p.id));
    if (done) {
      copied.textContent = t("form-copied-redirect-uri");
      copied.hidden = false;
    }
  });
  // Where a step names a web address ("developers.hubspot.com"), it is a link to the provider's
  // developer page (opened through Rust, which opens only the catalogue's own page).
  const withLink = (step) => {
    const found = p.developer_url && /\b[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}\b/i.exec(step);
    if (!found) return step;
    const open = h("a", { href: "#", class: "developer-link", translate: "no", "data-action": "open-developer-page" }, found[0]);
    open.addEventListener("click", (ev) => {
      ev.preventDefault();
      api.openDeveloperPage(p.id).catch((e) => showNotice({ level: "warning", message: messageOf(e) }));
    });
    return [step.slice(0, found.index), open, step.slice(found.index + found[0].length)];
  };
  const steps = p.setup_steps?.length > 0 && h("ol", { class: "setup-steps", "aria-label": ta("form-setup-steps", "aria-label", { provider: p.name }) },
    p.setup_steps.map((step) => h("li", {}, withLink(step))));
  const form = h("form", { class: "connect-form", "aria-label": ta("form-app-credentials", "aria-label", { provider: p.name }) },
    h("p", { class: "form-intro" }, t(p.public_client ? "form-app-intro-public" : "form-app-intro",
      { provider: p.name, help: steps ? "" : p.credentials_help || "" })),
    steps,
    p.redirect_uri && h("p", { class: "form-intro redirect-uri" }, t("form-redirect-uri"), " ",
      h("code", { translate: "no" }, p.redirect_uri), " ", copyUri, " ", copied),
    p.scopes?.length > 0 && h("p", { class: "form-intro" }, t("form-scopes-to-add"), " ",
      p.scopes.map((scope, i) => [i > 0 ? ", " : "", h("code", { translate: "no" }, scope)])),
    field(`${p.id}-app-client-id`, t("form-client-id")),
    !p.public_client && field(`${p.id}-app-client-secret`, t("form-client-secret"), { type: "password" }),
    error,
    h("div", { class: "actions" }, submit, h("button", { type: "button", "data-action": "cancel-form", onclick: close }, t("form-cancel"))));
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const value = (id) => form.querySelector(`#${CSS.escape(id)}`)?.value ?? "";
    const saved = await run(submit, error, () => api.saveAppCredentials({
      provider: p.id, clientId: value(`${p.id}-app-client-id`), clientSecret: value(`${p.id}-app-client-secret`),
    }).then(() => true));
    if (!saved) return;
    showNotice({ level: "success", message: p.public_client
      ? t("form-saved-client-id", { provider: p.name })
      : t("form-saved-app-credentials", { provider: p.name }) });
    // Nothing more to click: the sign-in the person came for starts now, with the access every
    // sign-in asks for (more can be asked for later, from Details).
    close();
    if (signInAfter) await api.beginSignIn(p.id).catch((e) => showNotice({ level: "warning", message: messageOf(e) }));
  });
  return form;
}

/**
 * The scopes a browser sign-in asks for: the provider's required ones shown fixed, its optional
 * ones as checkboxes (those in `chosen` ticked), then "Sign in with …". Asking a connected
 * account for more signs it in again in place.
 */
let choosers = 0;

export function scopeChooser(p, chosen, close, { intro, replaces = null } = {}) {
  // Ids of their own: a card's chooser and a Details one may be open at once.
  const n = ++choosers;
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const submit = h("button", { type: "submit", class: "primary" }, t("form-continue-to", { provider: p.name }));
  const box = (id, description, { fixed = false, checked = false } = {}) => {
    const input = h("input", { type: "checkbox", name: "scope", value: id, id: `scope-${n}-${p.id}-${id}`, "data-scope": id });
    input.checked = fixed || checked;
    input.disabled = fixed;
    return h("li", { class: "scope" },
      h("label", { for: input.id }, input, description && h("span", {}, description),
        h("code", { translate: "no" }, id)));
  };
  // The scopes every sign-in asks for, said once above them; then those the person may add.
  const optional = p.optional_scopes.map((s) => box(s.id, s.description, { checked: chosen.includes(s.id) }));
  const form = h("form", { class: "connect-form scope-form", "aria-label": ta("form-scope-chooser", "aria-label", { provider: p.name }) },
    h("p", { class: "form-intro" }, intro || t("form-scope-intro", { provider: p.name })),
    p.scopes.length > 0 && h("p", { class: "scopes-title" }, t("form-scopes-required")),
    p.scopes.length > 0 && h("ul", { class: "scopes scopes-required" }, p.scopes.map((id) => box(id, "", { fixed: true }))),
    optional.length > 0 && h("p", { class: "scopes-title" }, t("form-scopes-optional")),
    optional.length > 0 && h("ul", { class: "scopes" }, optional),
    error,
    h("div", { class: "actions" }, submit, h("button", { type: "button", "data-action": "cancel-form", onclick: close }, t("form-cancel"))));
  form.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); close(); } });
  form.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    const picked = [...form.querySelectorAll("input[name=scope]:checked:not(:disabled)")].map((i) => i.value);
    const done = await run(submit, error, () => api.beginSignIn(p.id, picked, replaces).then(() => true));
    if (done) close();
  });
  return form;
}

/** The optional scopes connection `c` asked for before (granted or not): a reconnect asks again. */
export const optionalAsked = (p, c) =>
  p.optional_scopes.map((s) => s.id).filter((id) => c.scopes.includes(id) || c.scopes_missing.includes(id));

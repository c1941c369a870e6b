// Settings: each provider's app credentials, where they come from (managed by an organisation,
// environment variables, a provider file, saved in the keychain, built in), the client ID and
// only whether there is a secret; change or forget the person's own. Opened from the header.
import * as api from "../api.js";
import { h, messageOf } from "../dom.js";
import { store } from "../store.js";
import { appCredentialsForm } from "./forms.js";
import { run, showNotice } from "./notices.js";

const panel = () => document.getElementById("settings");

/** Opens or closes Settings (the header's button); open, it shows the current credentials. */
export async function toggleSettings() {
  const open = panel().hidden;
  panel().hidden = !open;
  document.getElementById("open-settings").setAttribute("aria-expanded", String(open));
  if (open) {
    await renderSettings();
    panel().querySelector("h2")?.focus();
  }
}

/** Draws Settings anew if it is open (after a change elsewhere), unless the person is typing
 *  into one of its forms: that one redraws when it closes. */
export async function refreshSettings() {
  if (!panel().hidden && !panel().querySelector("form")) await renderSettings();
}

/** Where `c`'s credentials come from, as a sentence that says what the person can do. */
function sourceLine(c) {
  const variable = `PLUGBOARD_${c.provider.toUpperCase().replaceAll("-", "_")}_CLIENT_ID`;
  switch (c.origin) {
    case null: case undefined: return "No app credentials yet: add them here, or click Connect on the card for a guided setup.";
    case "managed": return "Managed by your organisation. Ask whoever manages Plugboard on this computer to change them.";
    case "environment": return `Set by environment variables (${variable}). Change or unset those to change them.`;
    case "user_file": return "From your providers.toml. Edit that file to change them.";
    case "saved": return "Saved here; the secret is in your keychain.";
    case "system_file": return "Your organisation's defaults. You can save your own instead.";
    case "embedded": return "Built into this Plugboard. You can save your own instead.";
    case "demo": return "Demo mode's simulator.";
    default: return `From ${c.origin_words}.`;
  }
}

async function renderSettings() {
  try {
    drawCredentials(await api.credentialsOverview());
  } catch (e) {
    panel().querySelector(".settings-body").replaceChildren(h("p", { class: "load-error", role: "alert" }, messageOf(e)));
  }
}

function drawCredentials(list) {
  const rows = list.map((c) => {
    const card = (store.cards || []).find((p) => p.id === c.provider);
    const slot = h("div", { class: "form-slot" });
    const change = c.replaceable && card
      ? h("button", { type: "button", "data-action": "change-credentials" }, c.origin ? "Change" : "Add")
      : null;
    change?.addEventListener("click", () => {
      const close = () => { slot.replaceChildren(); change.hidden = false; refreshSettings(); };
      slot.replaceChildren(appCredentialsForm(card, close, { signInAfter: false }));
      change.hidden = true;
      slot.querySelector("input")?.focus();
    });
    const forget = c.forgettable
      ? h("button", { type: "button", class: "quiet", "data-action": "forget-credentials" }, "Forget")
      : null;
    forget?.addEventListener("click", async () => {
      const done = await run(forget, null, () => api.forgetAppCredentials(c.provider).then(() => true));
      if (done) {
        showNotice({ level: "success", message: c.public_client
          ? `Forgot the ${c.name} client ID you had saved.`
          : `Forgot the ${c.name} app credentials you had saved. The secret is gone from your keychain.` });
        await renderSettings();
      }
    });
    return h("li", { class: "credentials-item", "data-provider": c.provider },
      h("h3", {}, c.name),
      h("dl", { class: "details-list" },
        h("dt", {}, "Client ID"), h("dd", {}, c.client_id ? h("code", {}, c.client_id) : "—"),
        h("dt", {}, "Client secret"), h("dd", {}, !c.origin ? "—"
          : c.public_client ? "Not needed (public app)"
          : c.secret_set ? "•••••••• (kept hidden)" : "Missing: the sign-in will fail until one is set")),
      h("p", { class: "form-intro", "data-origin": c.origin || "none" }, sourceLine(c)),
      (change || forget) && h("div", { class: "actions" }, change, forget),
      slot);
  });
  panel().querySelector(".settings-body").replaceChildren(
    h("h3", { class: "settings-section" }, "App credentials for browser sign-in"),
    h("p", { class: "form-intro" }, "Plugboard uses the first it finds: environment variables, your organisation's managed ones, your providers.toml, the ones saved here, your organisation's defaults, then any built into this Plugboard."),
    h("ul", { class: "credentials-list" }, rows));
}

// Settings: the person's choices (notifications, start at login, keep running in the tray, the
// clipboard delay, and how far ahead tokens are refreshed, in words), then each provider's app
// credentials, where they come from (managed by an organisation, environment variables, a
// provider file, saved in the keychain, built in), the client ID and only whether there is a
// secret; change or forget the person's own. Opened from the header.
import * as api from "../api.js";
import { h, messageOf } from "../dom.js";
import { t } from "../i18n.js";
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
    await renderSettings(true);
    panel().querySelector("h2")?.focus();
  }
}

/** Draws the credentials anew if Settings is open (after a change elsewhere), unless the person
 *  is typing into one of its forms: that one redraws when it closes. The choices above are
 *  drawn only on opening: nothing else changes them, and a redraw would lose what is typed. */
export async function refreshSettings() {
  if (!panel().hidden && !panel().querySelector("form")) await renderSettings(false);
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

/** The two parts of Settings' body: the person's choices, then the app credentials. */
function part(name) {
  const body = panel().querySelector(".settings-body");
  let el = body.querySelector(`:scope > .${name}`);
  if (!el) {
    if (name === "settings-choices") body.replaceChildren();
    el = h("div", { class: name });
    if (name === "settings-choices") body.prepend(el);
    else body.append(el);
  }
  return el;
}

async function renderSettings(withChoices) {
  try {
    if (withChoices) part("settings-choices").replaceChildren(...drawChoices(await api.preferences()));
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
  part("settings-credentials").replaceChildren(
    h("h3", { class: "settings-section" }, "App credentials for browser sign-in"),
    h("p", { class: "form-intro" }, "Plugboard uses the first it finds: environment variables, your organisation's managed ones, your providers.toml, the ones saved here, your organisation's defaults, then any built into this Plugboard."),
    h("ul", { class: "credentials-list" }, rows));
}

/** A switch (checkbox) with its words and a hint below; `change` is sent when it is flipped. */
function choiceSwitch({ id, label, hint, checked, disabled = false, key }) {
  const box = h("input", { type: "checkbox", id, "aria-describedby": `${id}-hint` });
  box.checked = checked;
  box.disabled = disabled;
  box.addEventListener("change", () => saveChoice(box, { [key]: box.checked }, () => { box.checked = !box.checked; }));
  return h("li", { class: "choice" },
    h("label", { for: id }, box, label),
    h("p", { class: "hint", id: `${id}-hint` }, hint));
}

/** Saves one choice; on refusal puts the control back as it was and says why next to it.
 *  Resolves to whether it was saved. */
async function saveChoice(control, change, undo) {
  const row = control.closest(".choice");
  row.querySelector(".choice-error")?.remove();
  control.disabled = true;
  try {
    await api.setPreferences(change);
    showNotice({ level: "success", message: "Settings saved." });
    return true;
  } catch (e) {
    undo();
    row.append(h("p", { class: "choice-error hint", role: "alert" }, messageOf(e)));
    return false;
  } finally {
    control.disabled = false;
  }
}

/** The language switch: the system's, or one of Plugboard's languages (each named in itself).
 *  A new choice is saved, then the page is drawn anew in it, Settings open where it was. */
function languageChoice(p) {
  const nameOf = (tag) => p.languages.find((l) => l.tag === tag)?.name ?? tag;
  const select = h("select", { id: "choice-language", "aria-describedby": "choice-language-hint" },
    h("option", { value: "" }, t("settings-language-system", { language: nameOf(p.system_language) })),
    p.languages.map((l) => h("option", { value: l.tag, lang: l.tag, translate: "no" }, l.name)));
  select.value = p.language;
  select.disabled = p.language_fixed != null;
  let saved = select.value;
  select.addEventListener("change", async () => {
    if (await saveChoice(select, { language: select.value }, () => { select.value = saved; })) {
      saved = select.value;
      sessionStorage.setItem(REOPEN, "1");
      location.reload();
    }
  });
  return h("li", { class: "choice" },
    h("label", { for: "choice-language" }, t("settings-language"), select),
    h("p", { class: "hint", id: "choice-language-hint" }, p.language_fixed != null
      ? t("settings-language-fixed", { locale: p.language_fixed })
      : t("settings-language-hint")));
}

/** Set just before the page is drawn anew in another language: Settings opens again. */
const REOPEN = "plugboard-reopen-settings";

/** After a language change, opens Settings again (called once at start). */
export async function reopenSettings() {
  if (sessionStorage.getItem(REOPEN)) {
    sessionStorage.removeItem(REOPEN);
    await toggleSettings();
  }
}

function drawChoices(p) {
  const delay = h("input", {
    type: "number", id: "clipboard-clear", min: String(p.clipboard_min), max: String(p.clipboard_max), step: "1",
    "aria-describedby": "clipboard-clear-hint",
  });
  delay.value = String(p.clipboard_fixed_secs ?? p.clipboard_clear_secs);
  delay.disabled = p.clipboard_fixed_secs != null;
  let saved = delay.value;
  delay.addEventListener("change", async () => {
    const secs = Number(delay.value);
    if (delay.value.trim() === "" || !Number.isInteger(secs) || secs < p.clipboard_min || secs > p.clipboard_max) {
      delay.closest(".choice").querySelector(".choice-error")?.remove();
      delay.value = saved;
      delay.closest(".choice").append(h("p", { class: "choice-error hint", role: "alert" },
        `Enter a whole number of seconds between ${p.clipboard_min} and ${p.clipboard_max}.`));
      return;
    }
    const typed = delay.value;
    if (await saveChoice(delay, { clipboardClearSecs: secs }, () => { delay.value = saved; })) saved = typed;
  });
  const tray = p.tray_available
    ? "Closing the window keeps Plugboard in the tray, refreshing tokens and telling you when a connection needs you. Quit from the tray icon's menu."
    : "Your desktop shows no tray icons right now, so closing the window quits Plugboard whatever this says.";
  return [
    h("h3", { class: "settings-section" }, "General"),
    h("ul", { class: "choices" },
      languageChoice(p),
      choiceSwitch({ id: "choice-notifications", key: "notifications", checked: p.notifications, label: "Notifications",
        hint: "Tell me when a connection needs me: reconnect needed, the keychain locked, access about to run out, or a problem lasting over 15 minutes. Never for routine refreshes." }),
      choiceSwitch({ id: "choice-start-at-login", key: "startAtLogin", checked: p.start_at_login, label: "Start at login",
        hint: "Plugboard starts in the tray when you log in, so tokens stay fresh without opening the window." }),
      choiceSwitch({ id: "choice-keep-in-tray", key: "keepInTray", checked: p.keep_in_tray, label: "Keep running in the tray", hint: tray }),
      h("li", { class: "choice" },
        h("label", { for: "clipboard-clear" }, "Clear a copied token after", delay, "seconds"),
        h("p", { class: "hint", id: "clipboard-clear-hint" }, p.clipboard_fixed_secs != null
          ? `Set to ${p.clipboard_fixed_secs} s by PLUGBOARD_CLIPBOARD_CLEAR_SECS in Plugboard's environment.`
          : `Between ${p.clipboard_min} and ${p.clipboard_max} seconds; anything you copied since is left alone.`)),
      h("li", { class: "choice" },
        h("span", { class: "choice-title" }, "Automatic refresh"),
        h("p", { class: "hint", id: "refresh-lead" }, p.refresh_lead))),
  ];
}

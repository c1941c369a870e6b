// Settings: the person's choices (notifications, start at login, keep running in the tray, the
// clipboard delay, and how far ahead tokens are refreshed, in words), then each provider's app
// credentials, where they come from (managed by an organisation, environment variables, a
// provider file, saved in the keychain, built in), the client ID and only whether there is a
// secret; change or forget the person's own. Opened from the header.
import * as api from "../api.js";
import { h, messageOf, timeEl } from "../dom.js";
import { t } from "../i18n.js";
import { store } from "../store.js";
import { appCredentialsForm } from "./forms.js";
import { run, showNotice } from "./notices.js";

const panel = () => document.getElementById("settings");

/** Opens or closes Settings (the header's button); open, it shows the current credentials. */
export async function toggleSettings() {
  const open = panel().hidden;
  panel().hidden = !open;
  const opener = document.getElementById("open-settings");
  opener.setAttribute("aria-expanded", String(open));
  if (open) {
    // The keyboard lands in Settings at once (its title), not when its parts have loaded.
    panel().querySelector("h2")?.focus();
    await renderSettings(true);
  } else {
    // Closed: the focus goes back where Settings was opened from, never to the page's body.
    opener.focus();
  }
}

/** Escape closes Settings (unless a form inside it takes Escape for itself). */
export function closeSettingsOnEscape() {
  panel().addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || ev.defaultPrevented || panel().hidden) return;
    ev.preventDefault();
    toggleSettings();
  });
}

/** Draws the credentials anew if Settings is open (after a change elsewhere), unless the person
 *  is typing into one of its forms: that one redraws when it closes. The choices above are
 *  drawn only on opening: nothing else changes them, and a redraw would lose what is typed. */
export async function refreshSettings() {
  if (!panel().hidden && !panel().querySelector("form")) await renderSettings(false);
}

/** Where `c`'s credentials come from, as a sentence that says what the person can do. */
function sourceLine(c) {
  const variable = c.id_variable;
  switch (c.origin) {
    case null: case undefined: return t("settings-origin-none");
    case "managed": return t("settings-origin-managed");
    case "environment": return t("settings-origin-environment", { variable });
    case "user_file": return t("settings-origin-user-file");
    case "saved": return t("settings-origin-saved");
    case "system_file": return t("settings-origin-system-file");
    case "embedded": return t("settings-origin-embedded");
    case "demo": return t("settings-origin-demo");
    default: return t("settings-origin-other", { origin: c.origin_words });
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
    drawPrograms(await api.programGrants());
    drawCredentials(await api.credentialsOverview());
  } catch (e) {
    panel().querySelector(".settings-body").replaceChildren(h("p", { class: "load-error", role: "alert" }, messageOf(e)));
  }
}

/** Programs with access: each program allowed to take a connection's token without asking, with
 *  Remove (it is asked again next time). Texts come from Rust, made safe there. */
function drawPrograms(list) {
  const rows = list.map((g) => {
    const remove = h("button", { type: "button", class: "quiet", "data-action": "remove-grant" }, t("settings-remove"));
    const li = h("li", { class: "grant", "data-connection": g.connection, "data-program": g.program.path },
      h("span", { class: "program", translate: "no" }, g.program_text), " → ",
      h("span", { translate: "no" }, g.connection_text), " · ",
      g.always ? t("settings-grant-always") : t("settings-grant-until-quit"), " · ",
      t("settings-grant-since"), " ", timeEl(g.since),
      g.last_used ? [" · ", t("settings-grant-last-used"), " ", timeEl(g.last_used)] : "",
      " ", remove);
    remove.addEventListener("click", async () => {
      const done = await run(remove, null, () => api.removeGrant(g.program, g.connection));
      if (done !== undefined) {
        li.remove();
        showNotice({ level: "success", message: t("settings-grant-removed") });
      }
    });
    return li;
  });
  part("settings-programs").replaceChildren(
    h("h3", { class: "settings-section" }, t("settings-programs")),
    h("p", { class: "form-intro" }, t("settings-programs-intro")),
    rows.length ? h("ul", { class: "grants-list" }, rows) : h("p", {}, t("settings-programs-none")));
}

function drawCredentials(list) {
  const rows = list.map((c) => {
    const card = (store.cards || []).find((p) => p.id === c.provider);
    const slot = h("div", { class: "form-slot" });
    const change = c.replaceable && card
      ? h("button", { type: "button", "data-action": "change-credentials" }, c.origin ? t("settings-change") : t("settings-add"))
      : null;
    change?.addEventListener("click", () => {
      const close = () => { slot.replaceChildren(); change.hidden = false; refreshSettings(); };
      slot.replaceChildren(appCredentialsForm(card, close, { signInAfter: false }));
      change.hidden = true;
      slot.querySelector("input")?.focus();
    });
    const forget = c.forgettable
      ? h("button", { type: "button", class: "quiet", "data-action": "forget-credentials" }, t("settings-forget"))
      : null;
    forget?.addEventListener("click", async () => {
      const done = await run(forget, null, () => api.forgetAppCredentials(c.provider).then(() => true));
      if (done) {
        showNotice({ level: "success", message: c.public_client
          ? t("settings-forgot-client-id", { provider: c.name })
          : t("settings-forgot-app-credentials", { provider: c.name }) });
        await renderSettings();
      }
    });
    return h("li", { class: "credentials-item", "data-provider": c.provider },
      h("h3", { translate: "no" }, c.name),
      h("dl", { class: "details-list" },
        h("dt", {}, t("settings-client-id")), h("dd", {}, c.client_id ? h("code", { translate: "no" }, c.client_id) : "—"),
        h("dt", {}, t("settings-client-secret")), h("dd", {}, !c.origin ? "—"
          : c.public_client ? t("settings-secret-not-needed")
          : c.secret_set ? t("settings-secret-hidden") : t("settings-secret-missing"))),
      h("p", { class: "form-intro", "data-origin": c.origin || "none" }, sourceLine(c)),
      (change || forget) && h("div", { class: "actions" }, change, forget),
      slot);
  });
  // A Close at the end too: after a long list, the one at the top is out of sight.
  const closeEnd = h("button", { type: "button", class: "quiet", "data-action": "close-settings-end" }, t("page-close"));
  closeEnd.addEventListener("click", () => toggleSettings());
  part("settings-credentials").replaceChildren(
    h("h3", { class: "settings-section" }, t("settings-credentials")),
    h("p", { class: "form-intro" }, t("settings-credentials-order")),
    h("ul", { class: "credentials-list" }, rows),
    h("div", { class: "settings-end" }, closeEnd));
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
    showNotice({ level: "success", message: t("settings-saved") });
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
      ? t("settings-language-fixed", { locale: p.language_fixed, variable: "PLUGBOARD_LOCALE" })
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
        t("settings-clipboard-invalid", { min: p.clipboard_min, max: p.clipboard_max })));
      return;
    }
    const typed = delay.value;
    if (await saveChoice(delay, { clipboardClearSecs: secs }, () => { delay.value = saved; })) saved = typed;
  });
  const tray = p.tray_available
    ? t("settings-keep-in-tray-hint")
    : t("settings-keep-in-tray-no-tray");
  // One sentence with the box inside it: split where the message puts `$seconds`.
  const BOX = "\u2063";
  const [before, after] = t("settings-clipboard-clear", { seconds: BOX }).split(BOX).map((s) => s.trim());
  return [
    h("h3", { class: "settings-section" }, t("settings-general")),
    h("ul", { class: "choices" },
      languageChoice(p),
      choiceSwitch({ id: "choice-notifications", key: "notifications", checked: p.notifications, label: t("settings-notifications"),
        hint: t("settings-notifications-hint") }),
      choiceSwitch({ id: "choice-program-notifications", key: "programNotifications", checked: p.program_notifications,
        label: t("settings-program-notifications"), hint: t("settings-program-notifications-hint") }),
      choiceSwitch({ id: "choice-start-at-login", key: "startAtLogin", checked: p.start_at_login, label: t("settings-start-at-login"),
        hint: t("settings-start-at-login-hint") }),
      choiceSwitch({ id: "choice-keep-in-tray", key: "keepInTray", checked: p.keep_in_tray, label: t("settings-keep-in-tray"), hint: tray }),
      h("li", { class: "choice" },
        h("label", { for: "clipboard-clear" }, before, delay, after),
        h("p", { class: "hint", id: "clipboard-clear-hint" }, p.clipboard_fixed_secs != null
          ? t("settings-clipboard-fixed", { seconds: p.clipboard_fixed_secs })
          : t("settings-clipboard-hint", { min: p.clipboard_min, max: p.clipboard_max }))),
      h("li", { class: "choice" },
        h("span", { class: "choice-title" }, t("settings-refresh")),
        h("p", { class: "hint", id: "refresh-lead" }, p.refresh_lead))),
  ];
}

// A connection's details panel: who, what, when, the last error, the timeline, and the token for developers.
import * as api from "../api.js";
import { h, localTime, messageOf } from "../dom.js";
import { store } from "../store.js";
import { run, say } from "./notices.js";
import { optionalAsked, scopeChooser } from "./forms.js";

const EVENT_WORDS = {
  connected: "Connected", refreshed: "Refreshed", refresh_failed: "Refresh failed",
  reconnect_needed: "Reconnect needed", reconnected: "Reconnected", disconnected: "Disconnected",
};

/** The panel of connection `c` of provider `p`: `{ panel, applyLive(live) }`. Loads when opened. */
export function detailsPanel(p, c) {
  const body = h("div", { class: "details-body" }, h("p", {}, "Loading…"));
  const panel = h("details", { class: "conn-details" }, h("summary", {}, "Details"), body);
  let copyAccess;
  let latest = c.live;
  const applyLive = (live) => {
    latest = live;
    if (copyAccess) copyAccess.textContent = live.refresh_before_copy ? "Refresh & copy" : "Copy access token";
  };
  const load = async () => {
    let d;
    try {
      d = await api.connectionDetails(c.id);
    } catch (e) {
      body.replaceChildren(h("p", { class: "form-error", role: "alert" }, messageOf(e)));
      return;
    }
    const conn = d.connection;
    const feedback = h("p", { class: "copy-feedback", role: "status", hidden: true });
    // A copy that refreshed first redraws the row (new expiry) and this panel with it: what the
    // copy said is kept a few seconds and shown again in the new panel.
    const kept = store.detailsSaid.get(c.id);
    if (kept && Date.now() - kept.at < 8000) { feedback.textContent = kept.text; feedback.hidden = false; }
    // The refresh token's one-time confirmation code, from Rust, while the question is shown.
    let confirmation = null;
    const copy = (form, label, refreshFirst = () => false) => {
      const b = h("button", { type: "button", "data-copy": form }, label);
      b.addEventListener("click", async () => {
        const code = form === "refresh" ? confirmation : null;
        if (form === "refresh") { confirmation = null; confirmBox.hidden = true; }
        const done = await run(b, feedback, () => api.copyToken(c.id, form, refreshFirst(), code));
        if (done) {
          store.detailsSaid.set(c.id, { text: done.message, at: Date.now() });
          const shown = document.querySelector(`li[data-connection="${CSS.escape(c.id)}"] .copy-feedback`);
          say(shown && shown !== feedback ? shown : feedback, done.message);
        }
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
      const full = await run(reveal, feedback, () => api.revealToken(c.id));
      if (full !== undefined) {
        tokenValue.textContent = full;
        reveal.setAttribute("aria-pressed", "true");
        reveal.textContent = "Hide";
      }
    });
    copyAccess = copy("access", "Copy access token", () => latest.refresh_before_copy);
    applyLive(latest);
    // The refresh token grants lasting access: behind an explicit confirmation.
    const question = h("p", {}, "The refresh token gives lasting access to this account. Anyone holding it can get new tokens. Copy it anyway?");
    const confirmBox = h("div", { class: "confirm", hidden: true, role: "group", "aria-label": "Confirm copying the refresh token" },
      question,
      copy("refresh", "Yes, copy refresh token"),
      h("button", { type: "button", onclick: () => { confirmation = null; confirmBox.hidden = true; } }, "Cancel"));
    const askRefresh = d.has_refresh_token && h("button", { type: "button", class: "quiet", "data-action": "ask-refresh-token" },
      "Copy refresh token…");
    if (askRefresh) {
      askRefresh.addEventListener("click", async () => {
        const asked = await run(askRefresh, feedback, () => api.confirmCopyRefresh(c.id));
        if (!asked) return;
        confirmation = asked.code;
        question.textContent = asked.question;
        confirmBox.hidden = false;
        confirmBox.querySelector("button").focus();
      });
    }
    // Rename: a name the person chooses, shown on the row, in the tray and notifications.
    const nameValue = h("span", { "data-name": "" }, conn.name || "None yet");
    const renameButton = h("button", { type: "button", class: "quiet", "data-action": "rename" }, conn.name ? "Rename…" : "Name it…");
    const nameError = h("p", { class: "form-error", role: "alert", hidden: true });
    const nameInput = h("input", { type: "text", id: `name-${c.id}`, maxlength: "60", autocomplete: "off", placeholder: "Client A — store" });
    const nameForm = h("form", { class: "rename-form", hidden: true },
      h("label", { for: `name-${c.id}` }, "Name"), nameInput,
      h("button", { type: "submit", class: "primary" }, "Save"),
      h("button", { type: "button", "data-action": "cancel-rename", onclick: () => closeRename() }, "Cancel"),
      nameError);
    const closeRename = () => { nameForm.hidden = true; renameButton.hidden = false; renameButton.focus(); };
    renameButton.addEventListener("click", () => {
      nameInput.value = conn.name || "";
      nameForm.hidden = false;
      renameButton.hidden = true;
      nameInput.focus();
    });
    nameForm.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); closeRename(); } });
    nameForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const saved = await run(nameForm.querySelector("button[type=submit]"), nameError, () => api.renameConnection(c.id, nameInput.value));
      if (saved) {
        conn.name = saved.name;
        nameValue.textContent = saved.name || "None yet";
        closeRename();
      }
    });
    // Try it: one harmless call, its answer shown here (secrets masked by Rust).
    const tryResult = h("div", { class: "try-result", role: "status", hidden: true });
    const tryButton = d.has_curl ? h("button", { type: "button", "data-action": "try" }, "Try it") : null;
    tryButton?.addEventListener("click", async () => {
      const report = await run(tryButton, tryResult, () => api.tryConnection(c.id));
      if (!report) return;
      tryResult.hidden = false;
      tryResult.replaceChildren(
        h("p", { class: report.accepted ? "try-ok" : "try-refused" },
          `HTTP ${report.status} ${report.status_text} in ${report.millis} ms — `,
          report.accepted ? `${d.provider_name} accepted this connection.` : `${d.provider_name} refused it: this is what a script would get now.`),
        h("code", { class: "try-request" }, report.request),
        h("pre", { class: "try-excerpt" }, report.excerpt || "(empty answer)"));
    });
    // More access later: the same sign-in, asking for more; the account reconnects in place.
    const card = (store.cards || []).find((x) => x.id === c.provider);
    const moreSlot = h("div", { class: "form-slot" });
    const askMore = card?.optional_scopes?.length > 0
      ? h("button", { type: "button", class: "quiet", "data-action": "more-scopes" }, "Ask for more access…")
      : null;
    askMore?.addEventListener("click", () => {
      const close = () => { moreSlot.replaceChildren(); askMore.hidden = false; askMore.focus(); };
      moreSlot.replaceChildren(scopeChooser(card, optionalAsked(card, conn), close,
        { intro: `Tick what else to ask ${card.name} for. You sign in again and this account keeps its place.`, replaces: c.id }));
      askMore.hidden = true;
      moreSlot.querySelector("input:not(:disabled)")?.focus();
    });
    const granted = conn.scopes.length ? conn.scopes.join(" ") : "—";
    const rows = [
      ["Name", [nameValue, " ", renameButton, nameForm]],
      ["Provider", d.provider_name], ["Method", d.method_label], ["Account", conn.account],
      conn.requested_scopes.length > 0 && ["Scopes requested", conn.requested_scopes.join(" ")],
      ["Scopes granted", [granted, " ", askMore, moreSlot]],
      conn.scopes_missing.length > 0 && ["Requested, not granted", conn.scopes_missing.join(" ")],
      conn.environment && ["Environment", conn.environment === "sandbox" ? "Sandbox" : "Production"],
      ["Connected since", localTime(conn.connected_at)],
      ["Last refreshed", conn.refreshed_at ? localTime(conn.refreshed_at) : "Not yet"],
      ["Last error", conn.last_error ? `${conn.last_error.code}: ${conn.last_error.message} (${localTime(conn.last_error.at)})` : "None"],
    ].filter(Boolean);
    body.replaceChildren(
      h("dl", { class: "details-list" }, rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
      h("div", { class: "token-box" },
        h("span", { class: "token-label" }, "Access token"),
        d.token_masked ? [tokenValue, reveal] : h("span", {}, d.token_problem || "Not available"),
        d.token_masked && h("div", { class: "actions" }, copyAccess,
          copy("header", "Copy as header", () => latest.refresh_before_copy),
          d.has_curl && copy("curl", "Copy as curl", () => latest.refresh_before_copy), askRefresh, tryButton),
        confirmBox, feedback, tryResult),
      h("h3", { class: "timeline-title" }, "Recent events"),
      h("ol", { class: "timeline", "aria-label": "Recent events, newest first" },
        d.events.length === 0 ? h("li", {}, "None yet") : d.events.map((e) => h("li", { "data-event": e.kind },
          h("time", { datetime: new Date(e.at * 1000).toISOString() }, localTime(e.at)), " ",
          EVENT_WORDS[e.kind] || e.kind, e.code ? ` (${e.code})` : ""))));
  };
  panel.addEventListener("toggle", () => {
    if (panel.open) { store.openDetails.add(c.id); load(); } else store.openDetails.delete(c.id);
  });
  if (store.openDetails.has(c.id)) panel.open = true;
  return { panel, applyLive };
}

// A connection's details panel: who, what, when, the last error, the timeline, and the token for developers.
import * as api from "../api.js";
import { h, messageOf, timeEl } from "../dom.js";
import { t, ta } from "../i18n.js";
import { store } from "../store.js";
import { run, say } from "./notices.js";
import { optionalAsked, scopeChooser } from "./forms.js";

// Where an event happened (the timeline's `by`, from Rust) and the message saying it.
const BY_WORDS = { window: "details-event-by-window", command_line: "details-event-by-command-line" };
// The timeline's event kinds (from Rust) and the message naming each.
const EVENT_WORDS = {
  connected: "details-event-connected", refreshed: "details-event-refreshed", refresh_failed: "details-event-refresh-failed",
  reconnect_needed: "details-event-reconnect-needed", reconnected: "details-event-reconnected", disconnected: "details-event-disconnected",
};

/**
 * "Used by": the programs this connection's tokens were handed to (the Rust side groups its newest
 * uses by program and words each program and door; those texts are data, shown as they are).
 */
function usedBy(groups) {
  return [
    h("h3", { class: "used-by-title" }, t("details-used-by-title")),
    h("ul", { class: "used-by", "aria-label": ta("details-used-by-list", "aria-label") },
      groups.length === 0 ? h("li", {}, t("details-used-by-none")) : groups.map((g) => h("li", { "data-program": g.program.path },
        h("span", { class: "program", translate: "no" }, g.program_text), " · ",
        h("span", { class: "doors" }, g.doors_text), " · ",
        t("details-used-by-times", { times: g.times, denied: g.denied }), " · ",
        timeEl(g.last_at)))),
  ];
}

/** The panel of connection `c` of provider `p`: `{ panel, applyLive(live) }`. Loads when opened. */
/** Forgets what connection `id`'s Details had open (closed, or the connection is gone). */
export function forgetOpen(id) {
  store.renaming.delete(id);
  store.tried.delete(id);
  store.askingMore.delete(id);
  store.askingRefresh.delete(id);
}

export function detailsPanel(p, c) {
  // This connection's panel now on the page (a row drawn anew has a new one).
  const current = () => document.querySelector(`li[data-connection="${CSS.escape(c.id)}"] details.conn-details`);
  const body = h("div", { class: "details-body" }, h("p", {}, t("details-loading")));
  const panel = h("details", { class: "conn-details" }, h("summary", {}, t("details-summary")), body);
  // The copy buttons, by form, with their words now and near expiry (then they refresh first).
  const copyWords = {
    access: ["details-copy-access", "details-refresh-and-copy"],
    header: ["details-copy-header", "details-refresh-and-copy-header"],
    curl: ["details-copy-curl", "details-refresh-and-copy-curl"],
  };
  const copyButtons = [];
  let latest = c.live;
  const applyLive = (live) => {
    latest = live;
    for (const b of copyButtons) b.textContent = t(copyWords[b.dataset.copy][live.refresh_before_copy ? 1 : 0]);
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
    // "Used by": drawn now, and looked at again after this panel's own Copy or Reveal (each is a
    // use of the token, recorded by Rust).
    const usedBox = h("div", { class: "used-by-box" }, usedBy(d.used_by || []));
    const lookAgainAtUses = async () => {
      try {
        const now = await api.connectionDetails(c.id);
        usedBox.replaceChildren(...usedBy(now.used_by || []));
      } catch (e) {
        // The panel keeps what it showed; the next opening loads it anew.
      }
    };
    // The refresh token's one-time confirmation code, from Rust, while the question is shown.
    let confirmation = null;
    const copy = (form, label, refreshFirst = () => false) => {
      const b = h("button", { type: "button", "data-copy": form }, label);
      b.addEventListener("click", async () => {
        const code = form === "refresh" ? confirmation : null;
        if (form === "refresh") { confirmation = null; confirmBox.hidden = true; store.askingRefresh.delete(c.id); }
        const done = await run(b, feedback, () => api.copyToken(c.id, form, refreshFirst(), code));
        if (done) {
          store.detailsSaid.set(c.id, { text: done.message, at: Date.now() });
          const shown = document.querySelector(`li[data-connection="${CSS.escape(c.id)}"] .copy-feedback`);
          say(shown && shown !== feedback ? shown : feedback, done.message);
          lookAgainAtUses();
        }
      });
      return b;
    };
    const tokenValue = h("code", { class: "token", "data-token": "", translate: "no" }, d.token_masked || "—");
    const reveal = h("button", { type: "button", "aria-pressed": "false", "data-action": "reveal" }, t("details-reveal"));
    reveal.addEventListener("click", async () => {
      if (reveal.getAttribute("aria-pressed") === "true") {
        tokenValue.textContent = d.token_masked;
        reveal.setAttribute("aria-pressed", "false");
        reveal.textContent = t("details-reveal");
        return;
      }
      const full = await run(reveal, feedback, () => api.revealToken(c.id));
      if (full !== undefined) {
        tokenValue.textContent = full;
        reveal.setAttribute("aria-pressed", "true");
        reveal.textContent = t("details-hide");
        lookAgainAtUses();
      }
    });
    // Access token, header and curl: near expiry each says it refreshes first, and does.
    const nearExpiry = () => latest.refresh_before_copy;
    const copyAccess = copy("access", "", nearExpiry);
    const copyHeader = copy("header", "", nearExpiry);
    const copyCurl = d.has_curl ? copy("curl", "", nearExpiry) : null;
    copyButtons.push(...[copyAccess, copyHeader, copyCurl].filter(Boolean));
    applyLive(latest);
    // The refresh token grants lasting access: behind an explicit confirmation.
    const question = h("p", {}, t("details-refresh-question"));
    const confirmBox = h("div", { class: "confirm", hidden: true, role: "group", "aria-label": ta("details-refresh-confirm", "aria-label") },
      question,
      copy("refresh", t("details-refresh-yes")),
      h("button", { type: "button", onclick: () => { confirmation = null; confirmBox.hidden = true; store.askingRefresh.delete(c.id); } }, t("details-cancel")));
    const askForRefresh = (asked) => {
      confirmation = asked.code;
      question.textContent = asked.question;
      confirmBox.hidden = false;
      store.askingRefresh.set(c.id, asked);
    };
    panel.askForRefresh = askForRefresh;
    const askRefresh = d.has_refresh_token && h("button", { type: "button", class: "quiet", "data-action": "ask-refresh-token" },
      t("details-copy-refresh"));
    if (askRefresh) {
      askRefresh.addEventListener("click", async () => {
        const asked = await run(askRefresh, feedback, () => api.confirmCopyRefresh(c.id));
        if (!asked) return;
        // Into the panel now on the page: the row may have been drawn anew while Rust answered.
        if (confirmBox.isConnected) {
          askForRefresh(asked);
          confirmBox.querySelector("button").focus();
        } else {
          store.askingRefresh.set(c.id, asked);
          current()?.askForRefresh?.(asked);
        }
      });
    }
    // Rename: a name the person chooses, shown on the row, in the tray and notifications.
    // The name is the person's own words (translate="no"); "None yet" is ours.
    const nameValue = h("span", { "data-name": "" });
    const showName = (name) => {
      nameValue.textContent = name || t("details-name-none");
      if (name) nameValue.setAttribute("translate", "no"); else nameValue.removeAttribute("translate");
    };
    showName(conn.name);
    const renameButton = h("button", { type: "button", class: "quiet", "data-action": "rename" }, t(conn.name ? "details-rename" : "details-name-it"));
    const nameError = h("p", { class: "form-error", role: "alert", hidden: true });
    const nameInput = h("input", { type: "text", id: `name-${c.id}`, maxlength: "60", autocomplete: "off", placeholder: t("details-name-placeholder") });
    const nameForm = h("form", { class: "rename-form", hidden: true },
      h("label", { for: `name-${c.id}` }, t("details-name-label")), nameInput,
      h("button", { type: "submit", class: "primary" }, t("details-save")),
      h("button", { type: "button", "data-action": "cancel-rename", onclick: () => closeRename() }, t("details-cancel")),
      nameError);
    const closeRename = () => { store.renaming.delete(c.id); nameForm.hidden = true; renameButton.hidden = false; renameButton.focus(); };
    // What the form holds, kept for a redraw: the text, and where the caret was if it had focus.
    const keepRename = () => store.renaming.set(c.id, {
      typed: nameInput.value, focused: document.activeElement === nameInput, caret: nameInput.selectionStart,
    });
    const openRename = ({ typed, focused = false, caret = null }) => {
      nameInput.value = typed;
      nameForm.hidden = false;
      renameButton.hidden = true;
      if (focused) {
        nameInput.focus();
        if (caret != null) nameInput.setSelectionRange(caret, caret);
      }
      keepRename();
    };
    renameButton.addEventListener("click", () => openRename({ typed: conn.name || "", focused: true }));
    for (const ev of ["input", "focus", "blur", "keyup", "click"]) nameInput.addEventListener(ev, keepRename);
    nameForm.addEventListener("keydown", (ev) => { if (ev.key === "Escape") { ev.preventDefault(); closeRename(); } });
    nameForm.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      // Forgotten before the wait: a row drawn anew meanwhile must not open the form again.
      const kept = store.renaming.get(c.id);
      store.renaming.delete(c.id);
      const saved = await run(nameForm.querySelector("button[type=submit]"), nameError, () => api.renameConnection(c.id, nameInput.value));
      if (saved) {
        conn.name = saved.name;
        showName(saved.name);
        closeRename();
      } else if (kept) store.renaming.set(c.id, kept);
    });
    // Make default: one of several accounts becomes the one its provider's id alone picks on the
    // command line (the core says which it is); every row of the card is drawn anew after.
    const makeDefault = conn.default_role === "not_default"
      ? h("button", { type: "button", class: "quiet", "data-action": "make-default" }, t("details-make-default"))
      : null;
    makeDefault?.addEventListener("click", () => run(makeDefault, feedback, () => api.makeDefault(c.id)));
    // Try it: one harmless call, its answer shown here (secrets masked by Rust).
    const tryResult = h("div", { class: "try-result", role: "status", hidden: true });
    const tryButton = d.has_curl ? h("button", { type: "button", "data-action": "try" }, t("details-try")) : null;
    const showTried = (report, stale = false) => {
      tryResult.hidden = false;
      // A provider with no identity call is asked through its token introspection: said so,
      // and "not active" is its refusal even on an HTTP 200.
      const outcome = report.accepted ? "details-try-accepted"
        : report.active === false ? "details-try-inactive"
          : "details-try-refused";
      tryResult.replaceChildren(...[
        // Kept open across a refresh, but said to be about the token before it.
        stale ? h("p", { class: "try-stale hint", "data-stale": "" }, t("details-try-stale")) : null,
        report.call === "introspection"
          ? h("p", { class: "try-call" }, t("details-try-introspection", { provider: d.provider_name }))
          : null,
        h("p", { class: report.accepted ? "try-ok" : "try-refused" },
          t(outcome, {
            status: String(report.status), reason: report.status_text, millis: String(report.millis), provider: d.provider_name,
          })),
        h("code", { class: "try-request", translate: "no" }, report.request),
        report.sent ? h("code", { class: "try-request try-sent", translate: "no" }, report.sent) : null,
        h("pre", { class: "try-excerpt", translate: report.excerpt ? "no" : null }, report.excerpt || t("details-try-empty")),
      ].filter(Boolean));
    };
    panel.showTried = showTried;
    tryButton?.addEventListener("click", async () => {
      store.tried.delete(c.id);
      const report = await run(tryButton, tryResult, () => api.tryConnection(c.id));
      if (!report) return;
      // Kept with the token it was made with: a refresh since makes it out of date.
      store.tried.set(c.id, { report, at: Date.now(), obtained: c.obtained_at });
      // Into the panel now on the page (the row may have been drawn anew while it ran).
      (tryResult.isConnected ? showTried : (r) => current()?.showTried?.(r))(report);
    });
    // More access later: the same sign-in, asking for more; the account reconnects in place.
    const card = (store.cards || []).find((x) => x.id === c.provider);
    const moreSlot = h("div", { class: "form-slot" });
    const askMore = card?.optional_scopes?.length > 0
      ? h("button", { type: "button", class: "quiet", "data-action": "more-scopes" }, t("details-more-access"))
      : null;
    // Open, the chooser's ticks are kept for a redraw; a sign-in it starts forgets them first.
    const picked = () => [...moreSlot.querySelectorAll("input[name=scope]:checked:not(:disabled)")].map((i) => i.value);
    moreSlot.addEventListener("change", () => store.askingMore.set(c.id, picked()));
    moreSlot.addEventListener("submit", () => store.askingMore.delete(c.id), true);
    const openMore = (ticked) => {
      const close = () => { store.askingMore.delete(c.id); moreSlot.replaceChildren(); askMore.hidden = false; askMore.focus(); };
      moreSlot.replaceChildren(scopeChooser(card, ticked, close,
        { intro: t("details-more-intro", { provider: card.name }), replaces: c.id }));
      askMore.hidden = true;
      store.askingMore.set(c.id, picked());
    };
    askMore?.addEventListener("click", () => { openMore(optionalAsked(card, conn)); moreSlot.querySelector("input:not(:disabled)")?.focus(); });
    // Scopes in plain words where the catalogue has them ("See deals"), each with its id (data).
    const scopeWords = new Map((card?.optional_scopes || []).map((s) => [s.id, s.description]));
    const scopeList = (ids) => h("ul", { class: "scope-words" }, ids.map((id) => h("li", {},
      scopeWords.has(id) ? [scopeWords.get(id), " "] : "", h("code", { translate: "no" }, id))));
    const granted = conn.scopes.length ? scopeList(conn.scopes) : "—";
    // The last error: its code (data), Rust's words for it, and when (no words of ours but "None").
    const err = conn.last_error;
    const lastError = err ? [h("span", { translate: "no" }, err.code), ": ", err.message, " (", timeEl(err.at), ")"] : t("details-last-error-none");
    // [label, value, whether the value is data alone (translate="no")]
    const rows = [
      [t("details-row-name"), [nameValue, " ", renameButton, nameForm]],
      [t("details-row-provider"), makeDefault ? [h("span", { translate: "no" }, d.provider_name), " ", makeDefault] : d.provider_name, !makeDefault],
      [t("details-row-method"), d.method_label],
      [t("details-row-account"), conn.account, true],
      conn.requested_scopes.length > 0 && [t("details-row-scopes-requested"), scopeList(conn.requested_scopes)],
      [t("details-row-scopes-granted"), [granted, " ", askMore, moreSlot]],
      conn.scopes_missing.length > 0 && [t("details-row-scopes-missing"), scopeList(conn.scopes_missing)],
      conn.environment && [t("details-row-environment"), t(conn.environment === "sandbox" ? "details-environment-sandbox" : "details-environment-production")],
      [t("details-row-connected-since"), timeEl(conn.connected_at)],
      [t("details-row-last-refreshed"), conn.refreshed_at ? timeEl(conn.refreshed_at) : t("details-not-yet")],
      [t("details-row-last-error"), lastError],
      // The access token in the same value column; its buttons under the list, full width.
      [t("details-token-label"), h("div", { class: "token-box" },
        d.token_masked ? [tokenValue, " ", reveal] : h("span", {}, d.token_problem || t("details-token-unavailable")))],
    ].filter(Boolean);
    body.replaceChildren(
      h("dl", { class: "details-list" }, rows.map(([k, v, data]) => [h("dt", {}, k), h("dd", data ? { translate: "no" } : {}, v)])),
      h("div", { class: "token-actions" },
        d.token_masked && h("div", { class: "actions" }, copyAccess, copyHeader, copyCurl, askRefresh, tryButton),
        confirmBox, feedback),
      tryResult,
      usedBox,
      h("h3", { class: "timeline-title" }, t("details-events-title")),
      h("ol", { class: "timeline", "aria-label": ta("details-events-list", "aria-label") },
        d.events.length === 0 ? h("li", {}, t("details-events-none")) : d.events.map((e) => h("li", { "data-event": e.kind },
          timeEl(e.at), " ",
          EVENT_WORDS[e.kind] ? t(EVENT_WORDS[e.kind]) : h("span", { translate: "no" }, e.kind),
          e.code ? [" (", h("span", { translate: "no" }, e.code), ")"] : "",
          BY_WORDS[e.by] ? [" · ", h("span", { class: "event-by", "data-by": e.by }, t(BY_WORDS[e.by]))] : ""))));
    // Drawn anew (a refresh redraws the row): what the person had open stays open. A form being
    // typed into keeps what was typed; an answer from Try it stays two minutes.
    if (store.renaming.has(c.id)) openRename(store.renaming.get(c.id));
    const tried = store.tried.get(c.id);
    if (tried && Date.now() - tried.at < 120000) showTried(tried.report, tried.obtained !== c.obtained_at);
    if (store.askingMore.has(c.id) && askMore) openMore(store.askingMore.get(c.id));
    if (store.askingRefresh.has(c.id) && askRefresh) askForRefresh(store.askingRefresh.get(c.id));
  };
  panel.addEventListener("toggle", () => {
    if (panel.open) { store.openDetails.add(c.id); load(); } else { store.openDetails.delete(c.id); forgetOpen(c.id); }
  });
  if (store.openDetails.has(c.id)) panel.open = true;
  return { panel, applyLive };
}

// Programs asking for a connection's token: each question shown at the top of the window until
// the person answers (Allow once · Allow until Plugboard quits · Always allow · Deny) or the Rust
// side takes it back (nobody answered in time). Every text comes from Rust, made safe there.
import * as api from "../api.js";
import { h, messageOf } from "../dom.js";
import { t } from "../i18n.js";

const CHOICES = [
  ["once", "consent-allow-once"],
  ["until_quit", "consent-allow-until-quit"],
  ["always", "consent-allow-always"],
  ["deny", "consent-deny"],
];

/** Shows question `q` (once: a question already shown is left as it is). */
export function showQuestion(q) {
  const box = document.getElementById("questions");
  if (box.querySelector(`[data-question="${q.id}"]`)) return;
  const error = h("p", { class: "form-error", role: "alert", hidden: true });
  const titleId = `question-${q.id}-title`;
  const el = h("section", { class: "question", role: "alertdialog", "aria-labelledby": titleId, "data-question": q.id },
    h("h2", { id: titleId }, q.title),
    h("dl", {},
      h("dt", {}, t("consent-program")), h("dd", { translate: "no" }, h("code", { class: "program-path" }, q.program_path)),
      h("dt", {}, t("consent-connection")), h("dd", { translate: "no" }, q.connection)),
    h("p", { class: "explanation" }, q.explanation),
    h("div", { class: "actions" }, CHOICES.map(([choice, words]) => {
      const b = h("button", { type: "button", class: choice === "deny" ? "quiet" : "", "data-choice": choice }, t(words));
      b.addEventListener("click", async () => {
        try {
          await api.answerQuestion(q.id, choice);
          el.remove();
        } catch (e) {
          error.textContent = messageOf(e);
          error.hidden = false;
        }
      });
      return b;
    })),
    error);
  box.append(el);
  box.hidden = false;
  // The first question waiting takes the keyboard: it is what the window was shown for.
  if (box.children.length === 1) el.querySelector("button")?.focus();
}

/** Takes question `id` away (answered elsewhere, or nobody answered in time). */
export function withdrawQuestion(id) {
  const box = document.getElementById("questions");
  box.querySelector(`[data-question="${id}"]`)?.remove();
  if (!box.children.length) box.hidden = true;
}

/** Shows the questions asked before the page listened. */
export async function showPendingQuestions() {
  for (const q of await api.pendingQuestions()) showQuestion(q);
}
